"""STY003 thousands-separator."""

from __future__ import annotations

from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.i18n import _


class ThousandsSeparator(Rule):
    """Amounts written with and without thousands separators in one document.

    Amounts of 1,000 or more are compared; the document's majority style is the expectation; each amount written the other way is
    reported.

    **Anti-pattern**

        收入合计1,265.16万元，支出合计1151.77万元，结余113.39万元。

    **Best practice**

        收入合计1,265.16万元，支出合计1,151.77万元，结余113.39万元。
    """

    code = "STY003"
    name = "thousands-separator"
    severity = Severity.INFO
    default_enabled = False

    def check(self, document, context):
        large = [n for n in document.numbers if n.is_amount and not n.malformed and n.value >= 1000]
        separated = [n for n in large if "," in n.text]
        plain = [n for n in large if "," not in n.text]
        if not separated or not plain:
            return
        majority_separated = len(separated) >= len(plain)
        for number in plain if majority_separated else separated:
            values = dict(amount=number.text + number.unit, majority=max(len(separated), len(plain)), total=len(large))
            yield self.finding(
                document,
                document.span(number.start, number.end),
                _("amount {amount} breaks the document's style: {majority} of {total} amounts of 1,000 or more "
                  "are written with thousands separators", **values) if majority_separated else
                _("amount {amount} breaks the document's style: {majority} of {total} amounts of 1,000 or more "
                  "are written without thousands separators", **values),
            )
