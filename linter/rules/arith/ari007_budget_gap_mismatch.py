"""ARI007 budget-gap-mismatch."""

from __future__ import annotations

from linter.check.arith import (
    amount, find_typo, percent_matches, percent_severity, related, typo_finding, unit_scale,
)
from linter.check.finding import Severity
from linter.check.interval import format_amount, format_ratio
from linter.check.rule import Rule
from linter.extract.savings import savings_gaps
from linter.i18n import _


class BudgetGapMismatch(Rule):
    """A gap to the budget ("比年初预算增加90万元", "决算数小于预算数2万元") that the budget and the amount the text states cannot produce.

    Read where the text states the budget too: after a completion or a project's execution
    ("年初预算为1000万元，支出决算为1100万元，完成年初预算的110%，比年初预算增加100万元，增长10%"; also in
    the sentence after it: "…完成年初预算的110%。支出决算数比年初预算数增加100万元", "…。决算数大于年初预算数100万元") or after
    the amount and its budget ("支出数363.82万元，预算数378万元，支出数比预算数减少14.18万元，下降率为3.75%").
    The gap must go
    the way the amounts do (ARI006 checks "决算数大于预算数"), be their difference, and its rate be the
    gap divided by the budget. So too a procurement's saving
    ("采购预算金额为42875.34万元，实际采购金额为42642.41万元，节约金额232.93万元，资金节约率为0.54%"). A gap
    stated without its budget ("支出决算18.6万元，比年初预算减少1.4万元，下降7%") is ARI002's: its rate is
    all that can be checked.

    **Anti-pattern**

        年初预算为1,000.00万元，支出决算为1,100.00万元，完成年初预算的110.0%，比年初预算增加90.00万元。

    **Best practice**

        年初预算为1,000.00万元，支出决算为1,100.00万元，完成年初预算的110.0%，比年初预算增加100.00万元。
    """

    code = "ARI007"
    name = "budget-gap-mismatch"
    severity = Severity.ERROR

    def check(self, document, context):
        tolerances = context.text_tolerances(document)
        for claim in [*document.claims.budget_gaps, *savings_gaps(document.flow.text)]:
            # the amounts in the gap's unit ("年初预算为800,000.00元，支出决算为742,800.00元，…比年初预算减少5.72万元"; also
            # "年初预算为7.50万元，支出决算为56,856.80元，…减少1.81万元")
            scale, budget_scale = unit_scale(claim.actual, claim.gap), unit_scale(claim.budget, claim.gap)
            if scale is None or budget_scale is None:
                continue
            actual, budget = amount(claim.actual, tolerances).scaled(scale), amount(claim.budget, tolerances).scaled(budget_scale)
            actual_value, budget_value = claim.actual.value * scale, claim.budget.value * budget_scale
            gap = amount(claim.gap, tolerances)
            difference = actual - budget
            went = difference.sign()
            places = related(document, (_("budget"), claim.budget), (_("actual"), claim.actual))
            levels = dict(actual=format_amount(actual_value), budget=format_amount(budget_value),
                          gap=claim.gap.text, unit=claim.gap.unit)
            if went and went != claim.sign and claim.gap.value > 0:
                if claim.worded:
                    continue  # "决算数大于预算数2万元" the other way round: ARI006 reports the words
                yield self.finding(
                    document, document.span(claim.gap.start, claim.gap.end),
                    _("the amount {actual}{unit} is above the budget {budget}{unit}, but the text says it is "
                      "{gap}{unit} below it", **levels) if went > 0 else
                    _("the amount {actual}{unit} is below the budget {budget}{unit}, but the text says it is "
                      "{gap}{unit} above it", **levels),
                    related=places,
                )
                continue
            moved = difference.magnitude()
            if not moved.overlaps(gap):
                expected = format_amount(abs(actual_value - budget_value))
                message = _("gap to the budget: |{actual} − {budget}| = {expected}, but the text says {gap}{unit}",
                            expected=expected, **levels)

                def holds(i, interval, actual=actual, budget=budget, gap=gap, scales=(budget_scale, scale)):
                    inputs = [budget, actual, gap]
                    inputs[i] = interval.scaled(scales[i]) if i < 2 else interval
                    return (inputs[1] - inputs[0]).magnitude().overlaps(inputs[2])

                typo = find_typo(document, [(_("budget"), claim.budget), (_("actual"), claim.actual),
                                            (_("gap to the budget"), claim.gap)], holds, tolerances)
                if typo is not None and typo.wrong is not claim.gap:
                    yield typo_finding(self, document, message, typo, claim.gap, _("gap"))
                    continue
                yield self.finding(document, document.span(claim.gap.start, claim.gap.end), message,
                                   expected=f"{expected}{claim.gap.unit}", related=places)
                continue
            rate = claim.rate
            if rate is None or not went or claim.budget.value <= 0:
                continue
            computed = format_ratio(abs(actual_value - budget_value), budget_value, rate.decimals)
            if claim.rate_sign != claim.sign:
                yield self.finding(
                    document, document.span(rate.start, rate.end),
                    _("the text says the amount is {gap}{unit} below the budget, but its rate says it is above",
                      **levels) if claim.sign < 0 else
                    _("the text says the amount is {gap}{unit} above the budget, but its rate says it is below",
                      **levels),
                    expected=f"{computed}%", severity=Severity.ERROR, related=places,
                )
            elif percent_matches(moved, budget, rate, tolerances) is False:
                yield self.finding(
                    document, document.span(rate.start, rate.end),
                    _("rate of the gap to the budget: |{actual} − {budget}| / {budget} = {computed}, "
                      "but the text says {stated}%", computed=computed, stated=rate.text, **levels),
                    expected=f"{computed}%", severity=percent_severity(moved, budget, rate, tolerances),
                    related=places,
                )
