"""CON002 inconsistent-change."""

from __future__ import annotations

from collections import defaultdict

from linter.check.arith import QuantityIndex, related, same_unit
from linter.check.finding import Severity
from linter.check.interval import format_amount
from linter.check.rule import Rule
from linter.i18n import _
from linter.extract.quantities import describe, is_part_of
from linter.patterns import compile_regex


#: A budget's total named as such: "部门收入预算", "支出总预算" (not "一般公共预算财政拨款收入").
_BUDGET_TOTAL = compile_regex(r"(?:收入|支出)总?预算")


class InconsistentChange(Rule):
    """The same year-on-year change stated twice with different amounts or directions.

    **Anti-pattern**

        2022年度收、支总计199.25万元。与2021年度相比，收、支总计各增加144.11万元。
        2022年度收、支总计199.25万元，比2021年度增加134.11万元。

    **Best practice**

        2022年度收、支总计199.25万元。与2021年度相比，收、支总计各增加144.11万元。
        2022年度收、支总计199.25万元，比2021年度增加144.11万元。

    Changes taken against different figures of the previous year are not compared: a 预算 states its
    change on last year's budget ("比2023年预算增加") and on last year's 执行数 ("比2023年执行数增加").

    A budget balances its 收入 and 支出 every year (收支平衡): where the text states its 收入预算 and
    支出预算 equal ("部门收入预算1316.82万元" … "部门支出预算1316.82万元"), their changes must be equal too.

    Where the text states a scope's 收支总计 (or 支出) and the 支出 of a scope within it equal this year
    and last year (财政拨款收、支总计 and 一般公共预算财政拨款支出 both 3215.60万元, both increased by
    210.40万元), the rest of the wider scope spent nothing in either year: the changes of their 基本支出,
    项目支出 and subjects are the same, within the rounding of the amounts that prove it.
    """

    code = "CON002"
    name = "inconsistent-change"
    severity = Severity.ERROR

    def check(self, document, context):
        tolerances = context.text_tolerances(document)
        by_key = defaultdict(list)
        for change in document.claims.changes:
            if change.key and not change.delta.malformed:
                by_key[change.key].append(change)
        index = QuantityIndex.of(document)
        for changes in by_key.values():
            firsts = {}  # by what of the previous year a change is taken against (its budget, its 执行数)
            for later in changes:
                first = firsts.setdefault(later.basis, later)
                if later is first or later.delta.unit != first.delta.unit:
                    continue  # amounts in different units are not compared
                if _of_different_amounts(index, first, later):
                    continue  # the quantity itself is stated with two values (CON001's): each change is of its own
                before = first.sign * first.delta.value
                now = later.sign * later.delta.value
                if abs(before - now) > tolerances.tail_per_item + 1e-9:
                    place = document.span(first.delta.start, first.delta.end).place
                    yield self.finding(
                        document,
                        document.span(later.delta.start, later.delta.end),
                        _("the change of {quantity} is {now:+.2f}{unit} here but {before:+.2f}{first_unit} at {place}",
                          quantity=describe(later.key), now=now, unit=later.delta.unit, before=before,
                          first_unit=first.delta.unit, place=place),
                        expected=f"{format_amount(abs(before))}{first.delta.unit}",
                        related=related(document, (_("first stated"), first.delta)),
                    )
        yield from self._balanced_budget(document, by_key, tolerances)
        yield from self._same_spending(document, by_key, tolerances)

    def _balanced_budget(self, document, by_key, tolerances):
        """The changes of a budget's 收入 and 支出, stated equal this year, must be equal."""
        index = QuantityIndex.of(document)
        for (scope, base), changes in by_key.items():
            spending = by_key.get((scope, "支出"))
            if base != "收入" or not spending:
                continue
            revenue, spent = changes[0], spending[0]
            # The amount the change is of, stated with it ("部门收入预算X万元，比上年预算减少…") or before.
            revenue_now = revenue.current or index.first(revenue.key)
            spending_now = spent.current or index.first(spent.key)
            if revenue_now is None or spending_now is None:
                continue
            if not all(_BUDGET_TOTAL.search(stated.name) for stated in (revenue_now, spending_now)) \
                    or not same_unit(revenue_now.number, spending_now.number, revenue.delta, spent.delta) \
                    or abs(revenue_now.number.value - spending_now.number.value) > 1e-9:
                continue
            yield from self._unequal(document, revenue, spent, tolerances.tail_per_item,
                                     _("both were {amount}{unit} this year, and a budget's 收入 and 支出 balance",
                                       amount=format_amount(revenue_now.number.value), unit=revenue_now.number.unit))

    def _same_spending(self, document, by_key, tolerances):
        """Changes of one spending quantity stated for two scopes that spent alike both years."""
        for outer, inner in _equal_spending_scopes(document, by_key):
            for (scope, base), changes in by_key.items():
                narrower = by_key.get((inner, base))
                if scope != outer or not narrower or not _spending(base):
                    continue
                # Each year's equality is proved within a rounding tail only.
                yield from self._unequal(document, changes[0], narrower[0], 3 * tolerances.tail_per_item,
                                         _("{outer} and {inner} spent alike this year and last year", outer=outer, inner=inner))

    def _unequal(self, document, one, other, allowance: float, reason: str):
        """A finding at the later of two changes that must be equal and differ by more than ``allowance``."""
        first, later = sorted((one, other), key=lambda change: change.delta.start)
        before, now = first.sign * first.delta.value, later.sign * later.delta.value
        if not same_unit(first.delta, later.delta) or abs(before - now) <= allowance + 1e-9:
            return
        yield self.finding(
            document,
            document.span(later.delta.start, later.delta.end),
            _("the change of {quantity} is {now:+.2f}{unit} here but that of {other} is {before:+.2f}{unit} at "
              "{place}, and the two must be equal: {reason}",
              quantity=describe(later.key), now=now, unit=later.delta.unit, other=describe(first.key),
              before=before, place=document.span(first.delta.start, first.delta.end).place, reason=reason),
            expected=f"{format_amount(abs(before))}{first.delta.unit}",
            related=related(document, (_("change of {quantity}", quantity=describe(first.key)), first.delta)),
        )


#: Bases that are spending: what a scope that spent nothing has none of.
_SPENDING_BASES = ("支出", "当年拨款", "基本支出", "项目支出", "人员经费", "公用经费")


def _spending(base: str) -> bool:
    return base in _SPENDING_BASES or base.startswith("类:")


def _equal_spending_scopes(document, by_key) -> list[tuple[str, str]]:
    """``(outer, inner)`` scopes where the outer's 收支总计 or 支出 and the inner's 支出 are stated
    equal this year, with equal changes: the outer ≥ its 支出 ≥ the inner's 支出, so the outer
    scope's other money spent nothing this year or last."""
    index = QuantityIndex.of(document)
    found = []
    for (outer, outer_base), outer_changes in by_key.items():
        for (inner, inner_base), inner_changes in by_key.items():
            if outer_base not in ("收支总计", "支出") or inner_base != "支出" or inner == outer \
                    or not is_part_of((inner, inner_base), (outer, outer_base)) or (outer, inner) in found:
                continue
            wide, narrow = outer_changes[0], inner_changes[0]
            wide_now = wide.current or index.first(wide.key)
            narrow_now = narrow.current or index.first(narrow.key)
            if wide_now is None or narrow_now is None \
                    or not same_unit(wide_now.number, narrow_now.number, wide.delta, narrow.delta):
                continue
            if wide_now.number.value == narrow_now.number.value and wide.sign * wide.delta.value == narrow.sign * narrow.delta.value:
                found.append((outer, inner))
    return found


def _of_different_amounts(index, first, later) -> bool:
    """Whether the two changes follow statements of their quantity that differ in value
    ("收入总计1614.63万元，…增加540.23万元；支出总计1870.91万元，…增加633.43万元")."""
    amounts = [change.current or index.last_before(change.key, change.delta.start, change.name) for change in (first, later)]
    return all(amounts) and amounts[0].number.value != amounts[1].number.value
