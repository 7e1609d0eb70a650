"""STY002 percent-decimals."""

from __future__ import annotations

from linter.check.finding import Severity
from linter.check.interval import format_percent
from linter.check.rule import Rule
from linter.i18n import _
from linter.patterns import compile_re


class PercentDecimals(Rule):
    """A percentage not printed with exactly one decimal ("18%", "18.04%").

    The publication requirements print percentages with one decimal: "18.0%". A target's bound ("≥95%", "不低于90%"), as a
    绩效目标表's 指标值 prints it, is a whole percent by custom and left alone.

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
        text = document.flow.text
        for number in document.numbers:
            if number.is_percent and not number.malformed and number.decimals != 1 \
                    and not _BOUND_BEFORE.search(text, max(0, number.start - 4), number.start):
                rounded = format_percent(number.value).removesuffix("%")  # half up: 84.55% → 84.6%
                yield self.finding(
                    document,
                    document.span(number.start, number.end),
                    _("percentage {percent}% has {decimals} decimals; print one (“{rounded}%”)",
                      percent=number.text, decimals=number.decimals, rounded=rounded),
                    expected=f"{rounded}%",
                )


#: What states a target's bound before a percentage ("≥95%", "＞90%", "不低于90%", "达到95%以上" is no bound before).
_BOUND_BEFORE = compile_re(r"(?:[≥≤>＞<＜]|不低于|不高于|不少于|不超过)\s*$")

