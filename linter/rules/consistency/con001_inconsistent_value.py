"""CON001 inconsistent-value."""

from __future__ import annotations

from linter.check.arith import QuantityIndex, value_conflicts
from linter.check.finding import Severity
from linter.check.rule import Rule


class InconsistentValue(Rule):
    """The same quantity stated with different amounts in different places.

    Quantities are compared only within one scope: the department's 项目支出 and the
    项目支出 of its 财政拨款 are different quantities and may differ; so may figures of
    different years. Differences within the rounding tail are left to CON004.

    **Anti-pattern**

        2022年度收入合计199.25万元。
        四、其他
        本年收入合计189.25万元。

    **Best practice**

        2022年度收入合计199.25万元。
        四、其他
        本年收入合计199.25万元。
    """

    code = "CON001"
    name = "inconsistent-value"
    severity = Severity.ERROR

    def check(self, document, context):
        index = QuantityIndex.of(document)
        for conflict in value_conflicts(index, context.tolerances):
            if conflict.tail:
                continue
            later = conflict.later
            yield self.finding(
                document,
                document.span(later.number.start, later.number.end),
                conflict.explain(document),
                expected=f"{conflict.first.number.text}{conflict.first.number.unit}",
            )
