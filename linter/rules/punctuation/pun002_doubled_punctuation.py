"""PUN002 doubled-punctuation."""

from __future__ import annotations

from linter.check.finding import Fix, Severity
from linter.check.rule import Rule
from linter.i18n import _
from linter.language.spans import adjacent_in_source
from linter.patterns import compile_re

#: A mark typed twice (``re``, three times faster than ``regex`` with the look-arounds that
#: :func:`_doubled` replaces).
_PAIR = compile_re(r"([，。、；：？！,;:()%])\1")  # (a percent sign too: "增长4.77%%")
#: Two different marks of a sentence's pauses and end side by side ("，。" left where a clause was
#: deleted, "。，").
_MIXED = compile_re(r"[，、；：][。，、；]|。[，、；：]")


class DoubledPunctuation(Rule):
    """A punctuation mark typed twice ("部门：：", "。。", "税））"), or two marks where one is meant ("，。").

    A doubled bracket is reported only when it leaves the brackets of its paragraph
    unbalanced (nested brackets close twice by right); two ASCII commas ending a line are the
    empty cells of a comma-separated row. Deleting the copy is a safe fix. Two different marks of a
    sentence's pauses and end side by side ("支出决算为2,925,600元，。", "。，") are left over from an
    edit; deleting the one that is not the full stop (or the first) is an unsafe fix.

    **Anti-pattern**

        部门：：武汉经济技术开发区(汉南区)大数据中心

    **Best practice**

        部门：武汉经济技术开发区(汉南区)大数据中心
    """

    code = "PUN002"
    name = "doubled-punctuation"
    severity = Severity.WARNING
    fixable = True

    def check(self, document, context):
        text = document.flow.text
        for match in _doubled(text):
            second = match.start() + 1
            if not adjacent_in_source(document, second, second, wrapped=True):
                continue
            if match.group(1) in "()" and not _unbalanced_at(text, match.start()):
                continue
            origin = document.flow.source_span(second, second + 1)[0]
            shown = document.original.text[origin]
            if shown == "," and _ends_line(document.original.text, origin + 1):
                continue  # the empty last cells of a comma-separated row ("编制日期: ,,")
            yield self.finding(
                document,
                document.span(match.start(), match.end()),
                _("“{mark}” is typed twice", mark=shown),
                expected=shown,
                fix=Fix(origin, origin + 1, ""),
            )
        for match in _MIXED.finditer(text):
            pair = match.group()
            if pair[0] == pair[1] or not adjacent_in_source(document, match.start() + 1, match.start() + 1):
                continue  # the same mark twice: above
            kept = "。" if "。" in pair else pair[1]
            dropped = match.start() + (1 if pair[0] == kept else 0)
            origin = document.flow.source_span(dropped, dropped + 1)[0]
            yield self.finding(
                document,
                document.span(match.start(), match.end()),
                _("“{pair}”: two marks where one is meant", pair=pair),
                expected=kept,
                fix=Fix(origin, origin + 1, "", safe=False),
            )


def _doubled(text: str):
    """The marks typed exactly twice (three or more, "。。。", are an ellipsis or a template's blank)."""
    for match in _PAIR.finditer(text):
        mark = match.group(1)
        if text[match.start() - 1:match.start()] != mark and text[match.end():match.end() + 1] != mark:
            yield match


def _ends_line(text: str, position: int) -> bool:
    """Whether only spaces stand between ``position`` and the end of its line."""
    end = text.find("\n", position)
    return not text[position:end if end != -1 else len(text)].strip()


def _unbalanced_at(text: str, position: int) -> bool:
    """Whether the paragraph holding ``position`` has more of one bracket than of the other."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    paragraph = text[start:end if end != -1 else len(text)]
    return paragraph.count("(") != paragraph.count(")")
