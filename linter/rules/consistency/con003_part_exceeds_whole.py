"""CON003 part-exceeds-whole."""

from __future__ import annotations

import regex

from linter.check.arith import QuantityIndex, amount, related, same_unit
from linter.check.finding import Severity
from linter.check.interval import format_amount
from linter.check.rule import Rule
from linter.extract.numbers import Number
from linter.i18n import _
from linter.extract.quantities import describe, is_part_of
from linter.patterns import compile_re, compile_regex


class PartExceedsWhole(Rule):
    """A quantity larger than a quantity that contains it, this year or — by the stated
    changes — last year.

    一般公共预算财政拨款收入 is part of 财政拨款收入, which is part of 收入合计 and of
    财政拨款收、支总计; 人员经费 is part of 基本支出, and so on; 机关运行经费 is part of the 一般公共预算财政拨款's
    公用经费 where the document's 名词解释 defines it so (the 公用经费 of the 基本支出 of 行政单位 and 参公事业单位; the
    other definition in use, money bought goods and services with, counts project money too). Last year's amounts follow
    from this year's and the stated changes ("比2021年度增加28.75万元"), so two changes that
    contradict each other show up as a part exceeding its whole last year; only changes against
    the same figure of last year are compared (its 决算, its 预算数 or its 执行数).

    The procurement reserved for 小微企业 is part of that reserved for 中小企业: its 预留 budget
    ("面向小微企业预留政府采购项目预算金额") and the amount awarded in it
    ("在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额") cannot exceed those of 中小企业.

    **Anti-pattern**

        2022年度财政拨款收、支总计199.25万元，与2021年度相比，财政拨款收、支总计各增加144.11万元。
        一般公共预算财政拨款收入199.25万元，比2021年度决算数增加28.75万元。

    **Best practice**

        2022年度财政拨款收、支总计199.25万元，与2021年度相比，财政拨款收、支总计各增加144.11万元。
        一般公共预算财政拨款收入199.25万元，比2021年度决算数增加144.11万元。
    """

    code = "CON003"
    name = "part-exceeds-whole"
    severity = Severity.ERROR

    def check(self, document, context):
        tolerances = context.text_tolerances(document)
        claims = document.claims
        index = QuantityIndex.of(document)
        current = {key: statements[0] for key, statements in index.by_key.items()}
        contained = _contains if _OPERATING_COSTS_OF_BASIC.search(document.flow.text) else _contains_but_operating_costs
        for part_key, part in current.items():
            for whole_key, whole in current.items():
                if contained(part_key, whole_key) and same_unit(part.number, whole.number) and part.number.value - whole.number.value > tolerances.tail_per_item + 1e-9:
                    yield self.finding(
                        document,
                        document.span(part.number.start, part.number.end),
                        _("{part} {part_amount}{part_unit} exceeds {whole} {whole_amount}{whole_unit}, which contains it",
                          part=describe(part_key), part_amount=format_amount(part.number.value),
                          part_unit=part.number.unit, whole=describe(whole_key),
                          whole_amount=format_amount(whole.number.value), whole_unit=whole.number.unit),
                        related=related(document, (_("whole"), whole.number)),
                    )
        for (part_words, part), (whole_words, whole) in _reserved_procurement(document):
            if part.value - whole.value > tolerances.tail_per_item + 1e-9:
                yield self.finding(
                    document,
                    document.span(part.start, part.end),
                    _("{part} {part_amount}{part_unit} exceeds {whole} {whole_amount}{whole_unit}, which contains it",
                      part=part_words, part_amount=format_amount(part.value), part_unit=part.unit,
                      whole=whole_words, whole_amount=format_amount(whole.value), whole_unit=whole.unit),
                    related=related(document, (_("whole"), whole)),
                )
        previous = {}  # by quantity and what of last year it is compared with (its 决算, 预算 or 执行数)
        for change in claims.changes:
            now = current.get(change.key) if change.key else None
            if now is None or (change.key, change.basis) in previous or change.delta.malformed \
                    or not same_unit(now.number, change.delta):
                continue
            delta = amount(change.delta, tolerances)
            value = amount(now.number, tolerances)
            previous[(change.key, change.basis)] = (change, now, value - delta if change.sign > 0 else value + delta)
        for (part_key, basis), (change, now, before) in previous.items():
            wholes = [
                (whole_key, whole_change, whole_now, whole_before)
                for (whole_key, whole_basis), (whole_change, whole_now, whole_before) in previous.items()
                if whole_basis == basis and contained(part_key, whole_key) and same_unit(now.number, whole_now.number)
                and before.lo > whole_before.hi + tolerances.tail_per_item
            ]
            if wholes:  # one finding per part, against the smallest whole it exceeds
                whole_key, whole_change, whole_now, _whole_before = min(wholes, key=lambda w: w[3].hi)
                yield self.finding(
                    document,
                    document.span(change.delta.start, change.delta.end),
                    _("the changes imply last year's {part} was {part_before} but last year's {whole}, which "
                      "contains it, was only {whole_before}: the two stated changes contradict each other",
                      part=describe(part_key), part_before=_previous(now, change),
                      whole=describe(whole_key), whole_before=_previous(whole_now, whole_change)),
                    related=related(document, (_("change of {quantity}", quantity=describe(whole_key)), whole_change.delta),
                                    (_("current amount"), now.number), (_("current amount"), whole_now.number)),
                )


def _previous(now, change) -> str:
    value = now.number.value - change.sign * change.delta.value
    sign = "−" if change.sign > 0 else "+"
    return f"{format_amount(now.number.value)} {sign} {format_amount(change.delta.value)} = {format_amount(value)}{now.number.unit}"


_AMOUNT = r"\s*(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)\s*万元"
#: "面向中小企业预留政府采购项目预算金额225.10万元", "面向小微企业预留采购份额12万元"
_RESERVED = compile_regex(rf"面向(?P<who>中小|小微)企业预留的?(?:政府采购项目|采购项目)?(?:预算金额|采购份额|份额|预算)(?:为|是)?{_AMOUNT}")
#: "在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额164.87万元"
_AWARDED = compile_regex(
    rf"在面向(?P<who>中小|小微)企业预留的?(?:政府)?采购项目中[，,]\s*由(?P=who)企业供应商中标或成交的?[，,]?\s*"
    rf"(?:采购|合同)金额(?:为|是)?{_AMOUNT}"
)


def _reserved_procurement(document) -> list[tuple[tuple[str, Number], tuple[str, Number]]]:
    """``((words, 小微 amount), (words, 中小 amount))`` for the first reserved budget, and for the
    first amount awarded in reserved projects, that the text states for each."""
    numbers = {n.start: n for n in document.numbers if n.unit == "万元" and not n.malformed}
    pairs = []
    for pattern in (_RESERVED, _AWARDED):
        first = {}
        for match in pattern.finditer(document.flow.text):
            number = numbers.get(match.start("num"))
            if number is not None and match.group("who") not in first:
                words = regex.sub(r"\s", "", document.flow.text[match.start():match.start("num")])
                first[match.group("who")] = (words, number)
        if len(first) == 2:
            pairs.append((first["小微"], first["中小"]))
    return pairs


#: The 名词解释 defining 机关运行经费 as the 公用经费 of the 基本支出 ("机关运行经费：指行政单位和参照公务员法管理的事业单位
#: 使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出"). The other definition in use ("为保障行政单位…运行用于购买货物和
#: 服务的各项资金") counts project money too: the 机关运行经费 may then exceed the 公用经费.
_OPERATING_COSTS_OF_BASIC = compile_re(r"机关运行经费[：:]\s*(?:是)?指?[^。]{0,80}?基本支出[^。]{0,12}公用经费")


def _contains(part_key, whole_key) -> bool:
    return is_part_of(part_key, whole_key)


def _contains_but_operating_costs(part_key, whole_key) -> bool:
    """:func:`is_part_of`, but for the 机关运行经费, which a document not defining it as part of the 公用经费 may state
    larger than them."""
    return part_key[1] != "机关运行经费" and is_part_of(part_key, whole_key)
