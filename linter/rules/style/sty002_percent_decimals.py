"""STY002 percent-decimals."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.i18n import _


class PercentDecimals(Rule):
    """A percentage not printed with exactly one decimal ("18%", "18.04%").

    The publication requirements print percentages with one decimal: "18.0%".

    **Anti-pattern**

        占本年收入100%。

    **Best practice**

        占本年收入100.0%。
    """

    code = "STY002"
    name = "percent-decimals"
    severity = Severity.INFO
    default_enabled = False

    def check(self, document, context):
        for number in document.numbers:
            if number.is_percent and not number.malformed and number.decimals != 1:
                rounded = _one_decimal(number.text)
                yield self.finding(
                    document,
                    document.span(number.start, number.end),
                    _("percentage {percent}% has {decimals} decimals; print one (“{rounded}%”)",
                      percent=number.text, decimals=number.decimals, rounded=rounded),
                    expected=f"{rounded}%",
                )


def _one_decimal(text: str) -> str:
    """The printed percentage rounded half up to one decimal ("84.55" → "84.6": the binary float
    84.55 is a hair below it, so formatting it would give 84.5)."""
    try:
        return str(Decimal(text.replace(",", "")).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
    except InvalidOperation:
        return text
