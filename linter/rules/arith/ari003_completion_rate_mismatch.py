"""ARI003 completion-rate-mismatch."""

from __future__ import annotations

from linter.check.arith import amount, percent_matches, ratio_text
from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.i18n import _


class CompletionRateMismatch(Rule):
    """A completion or execution rate that is not actual ÷ budget.

    Covers "年初预算为X万元，支出决算为Y万元，完成年初预算的Z%", the project self-evaluation
    "项目全年预算数为X万元，执行数为Y万元，完成预算的Z%" and "执行率Z%" sentences.
    A budget of 0 has no rate and is not checked.

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
            matches = percent_matches(amount(claim.actual, tolerances), amount(claim.budget, tolerances), claim.rate, tolerances)
            if matches is False:
                computed = ratio_text(claim.actual.value, claim.budget.value, claim.rate.decimals)
                yield self.finding(
                    document,
                    document.span(claim.rate.start, claim.rate.end),
                    _("completion rate: {computed}, but the text says {stated}%", computed=computed,
                      stated=claim.rate.text),
                    expected=computed.rsplit(" = ", 1)[1],
                )
