"""ARI004 parts-exceed-whole."""

from __future__ import annotations

from linter.check.arith import sum_checks, sum_finding
from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.i18n import N_


class PartsExceedWhole(Rule):
    """Parts listed under a total ("其中：…", "主要用于…", the subjects of a completion paragraph)
    that add up to more than the total.

    Whether or not the list is complete, its parts cannot exceed their whole by more than
    the rounding tail (0.01 per added item by default). Counts (and floor areas in whole 平方米)
    are checked alike, exactly:
    "共有车辆5辆，其中：一般公务用车3辆、执法执勤用车3辆" (a list where a part is broken down
    inline, or a whole that is a change or an estimate, is left alone). Amounts listed after a
    total that are, like the total itself, stated as shares of one larger total are its siblings,
    not its parts. A list whose first parts add up to the whole and that goes on with another
    kind ("教职工157人，其中：在职教职工92人，离退休职工65人，遗属补助人数17人") lists categories
    beside the whole's, unless its parts are one enumeration joined by 、
    ("共有车辆6辆，其中：一般公务用车2辆、执法执勤用车4辆、特种专业技术用车1辆").

    **Anti-pattern**

        项目支出11万元。项目支出主要用于数据资源运行维护8万元，平台建设5万元。

    **Best practice**

        项目支出11万元。项目支出主要用于数据资源运行维护8万元，平台建设3万元。
    """

    code = "ARI004"
    name = "parts-exceed-whole"
    severity = Severity.ERROR

    def check(self, document, context):
        tolerances = context.text_tolerances(document)
        for check in sum_checks(document, tolerances):
            if check.exceeds:
                yield sum_finding(self, document, check, tolerances,
                                  N_("{parts} add up to more than their whole: {explanation}"))
