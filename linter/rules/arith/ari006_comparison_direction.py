"""ARI006 comparison-direction."""

from __future__ import annotations

from linter.check.arith import amount, same_unit
from linter.check.finding import Severity
from linter.check.interval import format_amount
from linter.check.rule import Rule
from linter.i18n import _


class ComparisonDirection(Rule):
    """"支出决算数大于年初预算数" (or 小于, 等于) said of amounts that compare the other way.

    **Anti-pattern**

        年初预算为1060.58万元，支出决算为760.05万元，支出决算数大于年初预算数的主要原因：…

    **Best practice**

        年初预算为1060.58万元，支出决算为760.05万元，支出决算数小于年初预算数的主要原因：…
    """

    code = "ARI006"
    name = "comparison-direction"
    severity = Severity.ERROR

    def check(self, document, context):
        for claim in document.claims.completions:
            if claim.direction is None or claim.budget is None or not same_unit(claim.actual, claim.budget):
                continue
            actual, budget = amount(claim.actual, context.tolerances), amount(claim.budget, context.tolerances)
            if actual.lo > budget.hi:
                truth = "大于"
            elif actual.hi < budget.lo:
                truth = "小于"
            elif claim.actual.value == claim.budget.value:
                truth = "等于"
            else:
                continue  # a cent apart: rounding cannot tell which is larger
            said = next(word for word in ("大于", "小于", "等于") if word in claim.direction)
            if said != truth:
                yield self.finding(
                    document,
                    document.span(claim.end - len(claim.direction), claim.end),
                    _("the text says 支出决算数{said}年初预算数, but 支出决算 {actual}{actual_unit} {truth} "
                      "年初预算 {budget}{budget_unit}", said=said, truth=truth,
                      actual=format_amount(claim.actual.value), actual_unit=claim.actual.unit,
                      budget=format_amount(claim.budget.value), budget_unit=claim.budget.unit),
                    expected=f"支出决算数{truth}年初预算数",
                )
