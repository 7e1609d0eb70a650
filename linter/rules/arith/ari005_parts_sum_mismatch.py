"""ARI005 parts-sum-mismatch."""

from __future__ import annotations

from linter.check.arith import sum_checks, sum_finding
from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.i18n import N_


class PartsSumMismatch(Rule):
    """A complete list of parts that does not add up to its whole.

    A list is complete when its stated shares add up to 100%, when it is the per-subject
    list of a completion paragraph (unless announced as a selection: "其中主要项目：",
    "重点项目如下"), when the parts are the whole's components by
    definition (人员经费 + 公用经费 = 基本支出; 基本支出 + 项目支出 = 财政拨款支出; the 货物, 工程 and
    服务 amounts of 政府采购; a 结余分配's 交纳所得税, 提取职工福利基金 and 转入非财政拨款结余; a part and its complement, 财政拨款结转和结余 and 非财政拨款结转和结余, 国内 and 国(境)外公务接待, 城市 and 农村 under 城乡 or named alone, 离休 and 退休 under 离退休, a balance's 基本支出结转 and 项目支出结转和结余), when their total follows them named by the word alone
    ("…、…，合计579.30万元") or precede them after "，分别为：" ("涉及资金379.18万元，分别为：…"), or, for counts,
    when it ends in the catch-all 其他 ("…、其他用车1辆").
    Differences within the rounding tail are left to CON004.

    **Anti-pattern**

        一般公共预算财政拨款基本支出188.25万元，其中：人员经费141.96万元；公用经费36.29万元。

    **Best practice**

        一般公共预算财政拨款基本支出188.25万元，其中：人员经费141.96万元；公用经费46.29万元。
    """

    code = "ARI005"
    name = "parts-sum-mismatch"
    severity = Severity.ERROR

    def check(self, document, context):
        tolerances = context.text_tolerances(document)
        for check in sum_checks(document, tolerances):
            if check.complete and check.mismatch and not check.exceeds:
                yield sum_finding(self, document, check, tolerances,
                                  N_("{parts} should add up to their whole: {explanation}"))
