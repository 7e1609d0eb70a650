"""LNG006 incomplete-sentence."""

from __future__ import annotations

from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.i18n import _
from linter.patterns import compile_regex

#: Formulaic openings that need a complement, directly followed by the end of the clause.
_INCOMPLETE = compile_regex(
    r"(?P<opening>原因(?:是|为|主要是|主要为|[:：])"
    r"|主要(?:是|系|用于)(?:增加|减少|下降|增长)?了?"
    r"|其中[:：])"
    r"[。；;]"
)


class IncompleteSentence(Rule):
    """A formulaic sentence with its content missing ("主要原因是。", "主要是减少了。", "其中：。").

    Templates are filled in by hand; a reason clause, a "主要用于" or a "其中：" followed directly
    by the end of the clause lost the words that should have been typed there.

    **Anti-pattern**

        较上年预算减少301.67万元，下降28.4%，主要是减少了。

    **Best practice**

        较上年预算减少301.67万元，下降28.4%，主要是减少了系统运维项目。
    """

    code = "LNG006"
    name = "incomplete-sentence"
    severity = Severity.WARNING

    def check(self, document, context):
        for match in _INCOMPLETE.finditer(document.flow.text):
            yield self.finding(
                document,
                document.span(match.start(), match.end()),
                _("“{opening}” is not followed by what it announces: the clause ends here",
                  opening=match.group("opening")),
            )

