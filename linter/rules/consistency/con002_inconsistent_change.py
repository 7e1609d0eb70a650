"""CON002 inconsistent-change."""

from __future__ import annotations

from collections import defaultdict

from linter.check.finding import Severity
from linter.check.interval import format_amount
from linter.check.rule import Rule
from linter.i18n import _
from linter.extract.quantities import describe


class InconsistentChange(Rule):
    """The same year-on-year change stated twice with different amounts or directions.

    **Anti-pattern**

        2022年度收、支总计199.25万元。与2021年度相比，收、支总计各增加144.11万元。
        2022年度收、支总计199.25万元，比2021年度增加134.11万元。

    **Best practice**

        2022年度收、支总计199.25万元。与2021年度相比，收、支总计各增加144.11万元。
        2022年度收、支总计199.25万元，比2021年度增加144.11万元。
    """

    code = "CON002"
    name = "inconsistent-change"
    severity = Severity.ERROR

    def check(self, document, context):
        by_key = defaultdict(list)
        for change in document.claims.changes:
            if change.key and not change.delta.malformed:
                by_key[change.key].append(change)
        for changes in by_key.values():
            first = changes[0]
            for later in changes[1:]:
                if later.delta.unit != first.delta.unit:
                    continue  # amounts in different units are not compared
                before = first.sign * first.delta.value
                now = later.sign * later.delta.value
                if abs(before - now) > context.tolerances.tail_per_item + 1e-9:
                    line = document.span(first.delta.start, first.delta.end).start.line
                    yield self.finding(
                        document,
                        document.span(later.delta.start, later.delta.end),
                        _("the change of {quantity} is {now:+.2f}{unit} here but {before:+.2f}{first_unit} at line {line}",
                          quantity=describe(later.key), now=now, unit=later.delta.unit, before=before,
                          first_unit=first.delta.unit, line=line),
                        expected=f"{format_amount(abs(before))}{first.delta.unit}",
                    )
