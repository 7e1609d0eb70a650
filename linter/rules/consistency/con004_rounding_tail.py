"""CON004 rounding-tail."""

from __future__ import annotations

from linter.check.arith import QuantityIndex, sum_checks, value_conflicts
from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.i18n import _


class RoundingTail(Rule):
    """A sum or a repeated amount that is off by a rounding tail only (≤ 0.01 per item).

    Disclosures convert 元 to 万元 and round each figure, so a total may differ from the
    sum of its printed parts by a cent per part ("金额单位转换时可能存在尾数误差"). This is
    not an error; it is reported for information so a reviewer can align the figures.

    **Anti-pattern**

        基本支出419.83万元。
        六、一般公共预算财政拨款基本支出决算情况说明
        一般公共预算财政拨款基本支出419.84万元。
        五、一般公共预算财政拨款支出
        基本支出419.83万元。

    **Best practice**

        基本支出419.83万元。
        六、一般公共预算财政拨款基本支出决算情况说明
        一般公共预算财政拨款基本支出419.83万元。
        五、一般公共预算财政拨款支出
        基本支出419.83万元。
    """

    code = "CON004"
    name = "rounding-tail"
    severity = Severity.INFO

    def check(self, document, context):
        tolerances = context.text_tolerances(document)
        index = QuantityIndex.of(document)
        for conflict in value_conflicts(index, tolerances):
            if conflict.tail:
                later = conflict.later
                yield self.finding(
                    document,
                    document.span(later.number.start, later.number.end),
                    _("{explanation} (a rounding tail)", explanation=conflict.explain(document)),
                )
        for check in sum_checks(document, tolerances):
            if check.tail and not check.printed and (check.complete or check.difference > 0):
                yield self.finding(
                    document,
                    document.span(check.whole.start, check.whole.end),
                    _("{parts}: {explanation} (a rounding tail of {difference})", parts=_(check.what),
                      explanation=check.explain(), difference=f"{abs(check.difference):.2f}"),
                )
