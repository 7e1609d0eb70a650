"""DOC003 part-order."""

from __future__ import annotations

from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.i18n import _
from linter.language.structure import OVERVIEW_SECTION, PART_KINDS, REQUIRED_KINDS, TABLE_TITLE
from linter.patterns import compile_re
from linter.rules.shared import part_headings

_ORDER = list(dict.fromkeys(kind for _, kind in PART_KINDS))


class PartOrder(Rule):
    """The parts of the disclosure (概况, 表, 情况说明, 重点工作完成情况, 名词解释, 附件) are
    missing, out of order or misnumbered.

    A table of contents followed by the body restarts at 第一部分; each run is checked on its own:
    numbers go up by one and the parts come in the standard order; the body (the last run) has 概况,
    表 and 情况说明. Budgets and final accounts, and provinces, differ in the rest (four or five parts,
    with or without 重点工作完成情况, 名词解释 or 附件, the tables second or last), so nothing else is required
    and the tables may stand anywhere. Tables whose part heading was lost (a cover page, an image
    in the PDF) still count as the part 表: their titles ("收入支出决算总表") are in the text. The
    概况 may be a section of another part ("部门决算说明" opening with "一、部门基本情况").

    **Anti-pattern**

        第一部分 概况
        第二部分 部门决算表
        第三部分 名词解释
        第四部分 部门决算情况说明

    **Best practice**

        第一部分 概况
        第二部分 部门决算表
        第三部分 部门决算情况说明
        第四部分 名词解释
    """

    code = "DOC003"
    name = "part-order"
    severity = Severity.WARNING

    def check(self, document, context):
        text = document.flow.text
        runs: list[list] = []
        for part in document.derived(part_headings):
            if part.number == 1 or not runs:
                runs.append([])
            runs[-1].append(part)
        for run in runs:
            for previous, part in zip(run, run[1:]):
                span = document.span(part.start, part.end)
                if part.number != previous.number + 1 and not _tables_between(text, previous, part):
                    yield self.finding(
                        document, span,
                        _("第{number}部分 follows 第{previous}部分: parts are numbered one after another",
                          number=part.number, previous=previous.number),
                    )
                elif part.kind and previous.kind and "表" not in (part.kind, previous.kind) and (
                        _ORDER.index(part.kind) < _ORDER.index(previous.kind)):
                    yield self.finding(
                        document, span,
                        _("part “{part}” comes after “{previous}”; the standard order is {order}",
                          part=part.kind, previous=previous.kind, order="、".join(_ORDER)),
                    )
        if runs:
            body = runs[-1]
            present = {part.kind for part in body}
            if TABLE_TITLE.search(text, body[0].end) or document.tables or _TABLES_ATTACHED.search(text):
                # the tables are there, whatever their part is called ("第五部分 附表"), or published beside the text
                # ("部门决算公开表见附件")
                present.add("表")
            if OVERVIEW_SECTION.search(text, body[0].start):
                present.add("概况")
            missing = [kind for kind in REQUIRED_KINDS if kind not in present]
            if missing and len(body) >= 2:
                yield self.finding(
                    document, document.span(body[0].start, body[0].end),
                    _("the disclosure has no part {missing} (its parts: {parts})", missing="、".join(missing),
                      parts="、".join(p.kind or p.title[:12] for p in body)),
                )


#: The tables published apart from the text ("长春市统计局2024年度部门决算公开表见附件", "附件：…部门决算公开表.xlsx").
_TABLES_ATTACHED = compile_re(r"(?:决算|预算)(?:公开)?(?:报)?表[^。\n]{0,6}见附件|附件[：:][^。\n]{0,40}(?:决算|预算)(?:公开)?(?:报)?表")


def _tables_between(text: str, previous, part) -> bool:
    """Whether the one part missing between two headings is the tables, printed without their
    part heading."""
    return part.number == previous.number + 2 and bool(TABLE_TITLE.search(text, previous.end, part.start))
