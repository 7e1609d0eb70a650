"""TBL009 duplicate-project-code."""

from __future__ import annotations

import re

from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.i18n import _
from linter.patterns import compile_re

_PROJECT = compile_re(
    r"项目名称[\t ：:]+(?P<name>[^\t]+?)[\t ]+项目编码[\t ：:]+(?P<code>[0-9A-Za-z]{10,})"
)


class DuplicateProjectCode(Rule):
    """Two different projects carry the same 项目编码 in the project tables (绩效自评表, 项目申报表).

    A 项目编码 identifies one project in the budget system; a copied form that keeps the code of
    another project makes the two impossible to tell apart.

    **Anti-pattern**

        项目名称	大数据中心运行经费	项目编码	42011622032T000000101
        项目名称	“一张网”运行维护经费	项目编码	42011622032T000000101

    **Best practice**

        项目名称	大数据中心运行经费	项目编码	42011622032T000000101
        项目名称	“一张网”运行维护经费	项目编码	42011622032T000000102
    """

    code = "TBL009"
    name = "duplicate-project-code"
    severity = Severity.ERROR

    def check(self, document, context):
        seen: dict[str, tuple[str, int]] = {}
        if "项目编码" not in document.original.text:
            return
        for offset, line in document.original.lines():
            match = _PROJECT.search(line) if "项目编码" in line else None
            if not match:
                continue
            name, code = re.sub(r"\s+", "", match.group("name")), match.group("code")
            if code in seen and seen[code][0] != name:
                first_name, first_place = seen[code]
                yield self.finding(
                    document,
                    document.source_span(offset + match.start("code"), offset + match.end("code")),
                    _("项目编码 {code} of project {name} is also the code of project {first_name} ({place}); "
                      "each project needs its own code", code=code, name=name, first_name=first_name, place=first_place),
                )
            seen.setdefault(code, (name, document.source_span(offset + match.start("code"), offset + match.end("code")).place))
