"""STY002 percent-decimals."""

from __future__ import annotations

from linter.check.finding import Severity
from linter.check.interval import format_percent
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
                rounded = format_percent(number.value).removesuffix("%")  # half up: 84.55% → 84.6%
                yield self.finding(
                    document,
                    document.span(number.start, number.end),
                    _("percentage {percent}% has {decimals} decimals; print one (“{rounded}%”)",
                      percent=number.text, decimals=number.decimals, rounded=rounded),
                    expected=f"{rounded}%",
                )

