"""ARI003 completion-rate-mismatch."""

from __future__ import annotations

from linter.check.arith import (
    amount, percent_matches, percent_severity, ratio_text, related, truncated, typo_explanation,
)
from linter.check.finding import Severity
from linter.check.rule import Rule


class CompletionRateMismatch(Rule):
    """A completion or execution rate that is not actual ÷ budget.

    Covers "年初预算为X万元，支出决算为Y万元，完成年初预算的Z%", the project self-evaluation
    "项目全年预算数为X万元，执行数为Y万元，完成预算的Z%" and "执行率Z%" sentences.
    A budget of 0 has no rate and is not checked. A rate off by one unit of its last digit
    is a warning. When the stated rate holds with an amount printed elsewhere that the budget
    (or the actual) is one typo away from ("76.5" for "76.05"), the typo is reported at that
    amount instead.

    **Anti-pattern**

        年初预算为1091.53万元，支出决算为852.68万元，完成年初预算的72.8%。

    **Best practice**

        年初预算为1091.53万元，支出决算为852.68万元，完成年初预算的78.1%。
    """

    code = "ARI003"
    name = "completion-rate-mismatch"
    severity = Severity.ERROR

    def check(self, document, context):
        tolerances = context.tolerances
        claims = document.claims
        for claim in [*claims.completions, *claims.executions]:
            if claim.rate is None or claim.budget is None:
                continue
            actual, budget = amount(claim.actual, tolerances), amount(claim.budget, tolerances)
            if percent_matches(actual, budget, claim.rate, tolerances) is not False:
                continue
            computed = ratio_text(claim.actual.value, claim.budget.value, claim.rate.decimals)
            message = f"completion rate: {computed}, but the text says {claim.rate.text}%"
            typo = self._typo(document, claim, actual, budget, tolerances)
            if typo is not None:
                wrong, meant, label = typo
                yield self.finding(
                    document, document.span(wrong.start, wrong.end),
                    f"{message}; with {meant.text} in place of {wrong.text} the stated rate holds "
                    f"({ratio_text(*self._fixed(claim, wrong, meant), claim.rate.decimals)}): "
                    f"the {label} {wrong.text} is likely a typo for {meant.text}",
                    expected=f"{meant.text}{meant.unit}",
                    related=related(document, ("stated rate", claim.rate), (f"{meant.text} printed here", meant)),
                )
                continue
            if truncated(100 * claim.actual.value / claim.budget.value, claim.rate):
                message += " (cut off instead of rounded)"
            yield self.finding(
                document,
                document.span(claim.rate.start, claim.rate.end),
                message,
                expected=computed.rsplit(" = ", 1)[1],
                severity=percent_severity(actual, budget, claim.rate, tolerances),
                related=related(document, ("budget", claim.budget), ("actual", claim.actual)),
            )

    @staticmethod
    def _typo(document, claim, actual, budget, tolerances):
        """(wrong amount, amount meant, its role) when one typo of the budget or actual explains the rate."""
        meant = typo_explanation(document, claim.budget,
                                 lambda b: percent_matches(actual, b, claim.rate, tolerances) is True, tolerances)
        if meant is not None:
            return claim.budget, meant, "budget"
        meant = typo_explanation(document, claim.actual,
                                 lambda a: percent_matches(a, budget, claim.rate, tolerances) is True, tolerances)
        if meant is not None:
            return claim.actual, meant, "actual"
        return None

    @staticmethod
    def _fixed(claim, wrong, meant) -> tuple[float, float]:
        if wrong is claim.budget:
            return claim.actual.value, meant.value
        return meant.value, claim.budget.value
