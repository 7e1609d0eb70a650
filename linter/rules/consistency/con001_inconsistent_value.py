"""CON001 inconsistent-value."""

from __future__ import annotations

from bisect import bisect_left

import regex

from linter.check.arith import QuantityIndex, related, unit_scale, value_conflicts
from linter.check.finding import Severity
from linter.check.interval import Interval, amount_interval, format_amount
from linter.check.rule import Rule
from linter.extract.tokens import RESTATING_WORDS
from linter.i18n import _
from linter.patterns import compile_regex
from linter.rules.shared import names_another_year, original_year


class InconsistentValue(Rule):
    """The same quantity stated with different amounts in different places.

    Quantities are compared only within one scope: the department's 项目支出 and the
    项目支出 of its 财政拨款 are different quantities and may differ; so may figures of
    different years. Differences within the rounding tail are left to CON004. Amounts in different
    units are compared in one ("1.25亿元" and "12,600.00万元" differ; so do "1,234.56元" and
    "1,234.56万元", a unit slipped), each standing for what its own rounding allows. 收入 or 支出 named
    bare ("2025年收入预算4,762.20万元") and larger than the year's own ("本年收入合计4,367.20万元") is taken for
    the total with what was carried over, when the text states such an amount (上年结转, 用事业基金弥补收支差额).
    The statement reported is one that most statements of the quantity contradict; between two, the one whose digits
    the document prints less often (its tables too), else the later.

    An amount restated in another unit, in brackets ("26,238,322元（2623.83万元）") or after "即"
    ("27,897.11万元，即2.79亿元"), must be that amount, within the rounding of the restatement.

    A numbered item that states its amount and explains it ("3.通信链路租赁费397.37万元：…")
    restates that amount when its explanation names a single amount, as its total or request
    ("…共计397.37万元", "2024年申请维护保障经费112.75万元"): the two must agree.

    **Anti-pattern**

        2022年度收入合计199.25万元。
        四、其他
        本年收入合计189.25万元。

    **Best practice**

        2022年度收入合计199.25万元。
        四、其他
        本年收入合计199.25万元。
    """

    code = "CON001"
    name = "inconsistent-value"
    severity = Severity.ERROR

    def check(self, document, context):
        tolerances = context.text_tolerances(document)
        index = QuantityIndex.of(document)
        for conflict in value_conflicts(index, tolerances):
            if conflict.tail or _jurisdictions_differ(document.flow.text, conflict.first, conflict.later) \
                    or _balanced_apart(document.flow.text, conflict.first, conflict.later):
                continue
            later = conflict.later
            yield self.finding(
                document,
                document.span(later.number.start, later.number.end),
                conflict.explain(document),
                expected=f"{conflict.first.number.text}{conflict.first.number.unit}",
            )
        for amount, restated in _restatements(document):
            factor = unit_scale(amount, restated)
            converted, half = amount.value * factor, 0.5 * 10.0 ** -restated.decimals
            if amount_interval(amount, tolerances).scaled(factor).overlaps(Interval(restated.value - half, restated.value + half)):
                continue
            yield self.finding(
                document,
                document.span(restated.start, restated.end),
                _("{amount}{unit} is {converted}{other_unit}, but the text restates it as {restated}{other_unit}",
                  amount=amount.text, unit=amount.unit, converted=_in_decimals(converted, restated.decimals),
                  other_unit=restated.unit, restated=restated.text),
                expected=f"{_in_decimals(converted, restated.decimals)}{restated.unit}",
                related=related(document, (_("amount restated"), amount)),
            )
        for lead, closing in _restated_items(document):
            if amount_interval(closing, tolerances).overlaps(amount_interval(lead, tolerances)):
                continue
            place = document.span(lead.start, lead.end)
            yield self.finding(
                document,
                document.span(closing.start, closing.end),
                _("the item's total is {amount}{unit} here but its heading says {first}{unit} at {place}",
                  amount=format_amount(closing.value), unit=closing.unit, first=format_amount(lead.value),
                  place=place.place),
                expected=f"{lead.text}{lead.unit}",
                related=related(document, (_("amount in the item heading"), lead)),
            )


#: Whose figures a government's report gives: the whole area's, or its own level's ("全市…支出合计2772.47亿元"
#: beside "市本级…支出合计1163.52亿元").
_JURISDICTION = compile_regex(r"全(?:市|区|县|省|州|旗|盟)|(?:市|区|县|省|州|旗)本级")


def _jurisdictions_differ(text: str, first, later) -> bool:
    """Whether the two statements' paragraphs speak of different jurisdictions (the last one each
    names before its amount)."""
    def named(stated):
        start = text.rfind("\n", 0, stated.number.start) + 1
        found = [match.group() for match in _JURISDICTION.finditer(text, start, stated.number.start)]
        return found[-1] if found else None
    return None not in (a := named(first), b := named(later)) and a != b


#: A government's budget report balancing its 收入总计 against a smaller 支出总计 ("收支相抵，年终结余结转96.6亿元").
_BALANCE = compile_regex(r"收支相抵|年终结余|收支缺口|赤字")


def _balanced_apart(text: str, first, later) -> bool:
    """Whether the 收入总计 and 支出总计 compared are those of a report whose paragraph balances them
    (a government's budget report: its 支出总计 leaves out what is carried to next year)."""
    if first.key is None or first.key[1] != "收支总计":
        return False
    start = text.rfind("\n", 0, min(first.number.start, later.number.start)) + 1
    end = text.find("\n", max(first.number.end, later.number.end))
    return _BALANCE.search(text, start, end if end != -1 else len(text)) is not None


#: The brackets between an amount and its restatement in another unit ("26,238,322元（2623.83万元）").
_OPENING = compile_regex(r"\s*[(（]\s*(?:约|合|折合|即)?\s*")
_CLOSING_BRACKET = compile_regex(r"\s*[)）]")
#: The words between an amount and its restatement after a comma ("27,897.11万元，即2.79亿元").
_RESTATING = compile_regex(rf"\s*[，,]\s*(?:{'|'.join(RESTATING_WORDS)})\s*")


def _restatements(document):
    """``(amount, restatement)``: an amount followed by itself in another unit, in brackets or after
    "，即"."""
    text = document.flow.text
    amounts = [n for n in document.numbers if n.is_amount and not n.malformed]
    for amount, restated in zip(amounts, amounts[1:]):
        if restated.unit != amount.unit and (
                _OPENING.fullmatch(text, amount.end, restated.start) and _CLOSING_BRACKET.match(text, restated.end)
                or _RESTATING.fullmatch(text, amount.end, restated.start)):
            yield amount, restated


def _in_decimals(value: float, decimals: int) -> str:
    """``value`` printed with ``decimals`` decimals, rounded half up."""
    return format_amount(value) if decimals == 2 else f"{value:.{decimals}f}"


#: A numbered item that states its amount before explaining it: "3.通信链路租赁费397.37万元：".
_ITEM = compile_regex(r"^\s*(?:\d{1,2}[.、．]|[(（]\d{1,2}[)）])[^，。；：:\d]{2,40}?$")
#: Words before a total or request that restates the item's amount ("共计", "申请…经费", "需经费").
_CLOSING = compile_regex(r"(?:共计|合计|总计|共需|累计|申请|需要?|预计)[^，。；\d]{0,16}$")
#: A clause about another amount than the item's own.
_OTHER = compile_regex(r"其中|结转|上年|去年|以前|前两年|增加|减少|增长|下降|节约|比|较|每|单价|标准")


def _restated_items(document):
    """``(lead, closing)`` amounts of each numbered item whose explanation names one amount only,
    in its last sentence, after a word of total or request, in the document's year."""
    year = document.derived(original_year)
    amounts = sorted((n for n in document.numbers if n.unit in ("万元", "元", "亿元") and not n.malformed),
                     key=lambda n: n.start)
    starts = [n.start for n in amounts]
    text = document.flow.text
    offset = 0
    for line in text.split("\n"):
        inside = amounts[bisect_left(starts, offset):bisect_left(starts, offset + len(line))]
        offset += len(line) + 1
        if len(inside) != 2:
            continue
        lead, closing = inside
        start = lead.start - (offset - len(line) - 1)
        after = line[start + len(lead.text):].lstrip()
        if not _ITEM.match(line[:start]) or not after.startswith(lead.unit + "：") and not after.startswith(lead.unit + ":"):
            continue
        if closing.unit != lead.unit:
            continue
        clause = _clause_before(text, closing.start)
        if not _CLOSING.search(clause) or _OTHER.search(clause) or names_another_year(clause, year):
            continue
        if regex.search(r"[。；]", text[closing.end:offset - 1].strip().rstrip("。；")):
            continue  # not the item's last sentence
        yield lead, closing


def _clause_before(text: str, position: int) -> str:
    start = max(text.rfind(mark, 0, position) for mark in "。；，,：:\n") + 1
    return text[start:position]


