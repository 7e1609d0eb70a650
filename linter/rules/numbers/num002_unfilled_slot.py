"""NUM002 unfilled-slot."""

from __future__ import annotations

import regex

from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.i18n import _
from linter.patterns import compile_regex

#: A unit with no number before it, right after words ("占 %", "为 万元", "人员经费 万元", "支出 元"); not
#: a Chinese numeral ("五万元"), a unit line ("单位：万元") or wording about units ("万元以上").
_SLOT = compile_regex(
    r"(?P<lead>\p{Han}{1,6})[“”\"\s]*"
    r"(?<![一二三四五六七八九十百千万两几数余多亿]|单位[：:为]?|单位\p{Han}{0,10}均为|以|[（(])"
    r"(?P<unit>%|万元|亿元|元)(?=[，。；、,;:：)）(（])"
)
#: Where a slot can end: a unit after a Chinese character (quotes or spaces between), followed by
#: punctuation. :func:`_slots` tries ``_SLOT`` only just before these. The match is the unit alone
#: (a search that starts from the unit's characters is fast); the look-behind checks what precedes it.
_UNIT_AFTER_WORD = compile_regex(r"(?:%|万元|亿元|元)(?<=\p{Han}[“”\"\s]*(?:%|万元|亿元|元))(?=[，。；、,;:：)）(（])")
#: The quotes or spaces between that Chinese character and the unit, matched backwards from the unit.
_BEFORE_UNIT = compile_regex(r"[“”\"\s]*", regex.REVERSE)
#: A rate printed without its % sign: "增长 13.95。"
_RATE_WITHOUT_UNIT = compile_regex(r"(?:增长|下降|增幅为?|降幅为?)\s*(?P<num>\d+\.\d+)(?=[。，；,;])")
#: Both words of a template's choice left in: "增加（减少）", "下降（增长）".
_CHOICE = compile_regex(r"(?:增加|增长|上升|减少|下降|降低)[(（](?:增加|增长|上升|减少|下降|降低)[)）]")
#: A placeholder for a number ("XXX 万元", "XX%", "××万元", "x元"): a blank template's slots are meant to be empty,
#: a draft's were left unfilled.
_PLACEHOLDER = compile_regex(r"(?<![A-Za-z0-9ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａ-ｚ])[XxＸｘ×]{1,4}\s*(?:万元|亿元|元|%|％)")
#: A number stated with its unit: what a filled document is made of.
_FILLED = compile_regex(r"\d\s*(?:万元|亿元|元|%|％)")
#: A line made only of numbers (pdf text extraction may move a paragraph's numbers onto it).
_NUMBERS_ONLY = compile_regex(r"[\d.,%\s“”\"'‘’]*\d[\d.,%\s“”\"'‘’]*")


class UnfilledSlot(Rule):
    """An amount or percentage slot of the template left without its number ("占 %", "为 万元").

    Drafts are written over a template; a slot that was never filled in prints the unit alone.
    A slot whose numbers a PDF extraction moved onto a neighbouring line of bare numbers is not
    reported. A rate printed without its % sign ("增长 13.95。") and a choice of the template left
    unmade ("减少0.15万元，下降（增长）27.78%") are reported too, the latter not in a blank template
    (slots written "XXX万元", "XX%"), which offers such choices by design. In a document whose amounts are
    filled in, a placeholder left in a slot ("XX万元", "××%") is reported; a blank template, whose placeholders
    outnumber its amounts, is not.

    **Anti-pattern**

        本年支出合计1,265.16万元，其中：基本支出 万元，占 %。

    **Best practice**

        本年支出合计1,265.16万元，其中：基本支出1,102.42万元，占87.1%。
    """

    code = "NUM002"
    name = "unfilled-slot"
    severity = Severity.ERROR

    def check(self, document, context):
        text = document.flow.text
        placeholders = list(_PLACEHOLDER.finditer(text))
        template = len(placeholders) >= 3 and len(placeholders) > len(_FILLED.findall(text))
        for match in [] if template else placeholders:
            yield self.finding(
                document, document.span(match.start(), match.end()),
                _("“{words}” holds a placeholder, no number: a slot of the template was left unfilled", words=match.group()),
            )
        lines = document.original.lines()
        for match in _slots(text):
            span = document.span(match.end("lead") - 1, match.end("unit"))  # the word before the empty slot, and its unit
            if _numbers_moved_away(lines, span.start.line):
                continue
            yield self.finding(
                document, span,
                _("“{words}” has no number: a slot of the template was left unfilled",
                  words=document.span(match.start("lead"), match.end("unit")).quote),
            )
        for match in [] if template else _CHOICE.finditer(text):  # a template offers choices
            yield self.finding(
                document, document.span(match.start(), match.end()),
                _("“{words}” keeps both words of the template's choice: say which one is true", words=match.group()),
            )
        for match in _RATE_WITHOUT_UNIT.finditer(text):
            yield self.finding(
                document, document.span(match.start("num"), match.end("num")),
                _("the rate “{words}” has no % sign: the slot of its unit was left unfilled", words=match.group()),
                expected=f"{match.group('num')}%",
            )


def _slots(text: str):
    """The matches of ``_SLOT.finditer(text)``, found ~30× faster: the pattern is tried only in
    the few characters before each unit that could end a slot (a slot's words are at most 6)."""
    end = 0
    for unit in _UNIT_AFTER_WORD.finditer(text):
        start = _BEFORE_UNIT.match(text, 0, unit.start()).start()
        if start < end:
            continue
        match = _SLOT.search(text, max(end, start - 6), unit.end() + 1)
        if match:
            end = match.end()
            yield match


def _numbers_moved_away(lines: list[tuple[int, str]], line: int) -> bool:
    """Whether a line next to ``line`` (1-based) holds only numbers, as in a PDF's displaced layout."""
    neighbours = [lines[i][1] for i in (line - 2, line) if 0 <= i < len(lines)]
    return any(_NUMBERS_ONLY.fullmatch(text.strip()) for text in neighbours if text.strip())
