"""STY001 amount-decimals."""

from __future__ import annotations

from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.i18n import _


class AmountDecimals(Rule):
    """An amount printed with more than two decimals ("12.345万元").

    The publication requirements print amounts to the cent of their unit: at most two decimals.

    **Anti-pattern**

        基本支出188.255万元。

    **Best practice**

        基本支出188.26万元。
    """

    code = "STY001"
    name = "amount-decimals"
    severity = Severity.INFO
    default_enabled = False

    def check(self, document, context):
        for number in document.numbers:
            if number.is_amount and not number.malformed and number.decimals > 2:
                yield self.finding(
                    document,
                    document.span(number.start, number.end),
                    _("amount {amount} has {decimals} decimals; print at most two",
                      amount=number.text + number.unit, decimals=number.decimals),
                )
