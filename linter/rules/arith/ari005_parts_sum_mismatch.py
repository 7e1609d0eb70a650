"""ARI005 parts-sum-mismatch."""

from __future__ import annotations

from linter.check.arith import find_typo, related, sum_checks, sum_findings, typo_finding
from linter.check.finding import Severity
from linter.check.interval import amount_interval, format_amount
from linter.check.rule import Rule
from linter.extract.numbers import number_of
from linter.i18n import N_, _
from linter.patterns import compile_regex

_AMOUNT = r"(?:为)?(?P<{0}>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<{0}_unit>万元|元)"
#: A fund's year in one sentence: its opening balance, income, spending and closing balance ("年初结转和结余0万元，本年收入
#: 180.00万元，本年支出156.40万元，年末结转和结余14.60万元").
_FLOW = compile_regex(
    r"年初(?:财政拨款)?结转和?结余" + _AMOUNT.format("opening") + r"[^。；;]{0,30}?本年收入" + _AMOUNT.format("income")
    + r"[^。；;]{0,30}?本年支出" + _AMOUNT.format("spending") + r"[^。；;]{0,30}?年末(?:财政拨款)?结转和?结余"
    + _AMOUNT.format("closing"))

#: The same with the income first, clause after clause ("一般公共预算财政拨款收入4193.23万元，年初结转和结余42.60万元，支出
#: 4170.65万元，年末结转和结余65.18万元").
_FLOW_INCOME_FIRST = compile_regex(
    r"(?:本年)?收入(?:合计)?" + _AMOUNT.format("income") + r"[，,]\s*年初(?:财政拨款)?结转和?结余" + _AMOUNT.format("opening")
    + r"[，,]\s*(?:本年)?支出(?:合计)?" + _AMOUNT.format("spending") + r"[，,]\s*年末(?:财政拨款)?结转和?结余"
    + _AMOUNT.format("closing"))

#: A year's 经营收入, 经营支出 and their balance in one sentence ("经营收入238.65万元，经营支出201.37万元，经营收支结余37.28万元").
_OPERATING_BALANCE = compile_regex(
    r"经营收入" + _AMOUNT.format("income") + r"[，,；;]\s*经营支出" + _AMOUNT.format("spending")
    + r"[，,；;]\s*(?:经营)?收支(?:结余|差额)" + _AMOUNT.format("balance"))


#: Balances a sentence states with what makes them: the pattern, its terms (group, sign), the balance's group and the message.
_FLOW_MESSAGE = N_("年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出: {opening} + {income} − {spending} = {computed}, "
                   "but the text says {closing}{unit}")
_BALANCES = (
    (_FLOW, (("opening", 1), ("income", 1), ("spending", -1)), "closing", _FLOW_MESSAGE),
    (_FLOW_INCOME_FIRST, (("opening", 1), ("income", 1), ("spending", -1)), "closing", _FLOW_MESSAGE),
    (_OPERATING_BALANCE, (("income", 1), ("spending", -1)), "balance",
     N_("经营收支结余 = 经营收入 − 经营支出: {income} − {spending} = {computed}, but the text says {balance}{unit}")),
)
#: What a finding calls each term it relates.
_TERM_LABELS = {"opening": N_("opening balance"), "income": N_("income"), "spending": N_("spending"),
                "closing": N_("closing balance"), "balance": N_("balance")}


class PartsSumMismatch(Rule):
    """A complete list of parts that does not add up to its whole.

    A list is complete when its stated shares add up to 100%, when it is the per-subject
    list of a completion paragraph (unless announced as a selection: "其中主要项目：",
    "重点项目如下", or following the subjects' table, which is the whole list), when the parts are the whole's components by
    definition (人员经费 + 公用经费 = 基本支出; 基本支出 + 项目支出 = 财政拨款支出, or a 功能分类 subject's amount ("…（项）1698.94万元。
    其中：基本支出…，项目支出…"); the 货物, 工程 and
    服务 amounts of 政府采购; a 结余分配's 交纳所得税, 提取职工福利基金 and 转入非财政拨款结余; a part and its complement, 财政拨款结转和结余 and 非财政拨款 (or 其他资金) 结转和结余 (also named 财政拨款结转 and 非财政拨款结余), 国内 and 国(境)外 (or 外事) 公务接待, a 财政拨款 amount's three funds, 城市 and 农村 under 城乡 or named alone, 离休 and 退休 under 离退休, a balance's 基本支出结转 and 项目支出结转和结余, or 项目支出结转 and 项目支出结余, or its 结转 and 结余), when their total follows them named by the word alone
    ("…、…，合计579.30万元") or precede them after "，分别为：" ("涉及资金379.18万元，分别为：…"), or, for counts,
    when it ends in the catch-all 其他 ("…、其他用车1辆") or names a rating's every grade from the top to the bottom ("“优”的项目19个，
    “良”的项目5个，“合格”的项目2个，“不合格”的项目0个"), as does an asset total's list ending in 其他资产; so is the list of as
    many projects as a sentence counts and funds, a numbered line each ("共涉及项目3个，资金100.00万元。" then "1.甲项目：全年执行数
    30.00万元…"), or listed in the sentence after the count and a colon ("…预算1,760,000.00元，共2个项目：甲…元，乙…元"), each
    item's amount of the total's kind (预算, 执行) against it. A year's opening balance, income, spending and closing balance
    stated in one sentence must flow: the closing balance is the opening one and the income less the spending; so must a
    year's 经营收入, 经营支出 and 经营收支结余 (the income may come first: "…收入4193.23万元，年初结转和结余42.60万元，支出4170.65万元，
    年末结转和结余65.18万元").
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
        yield from sum_findings(self, document, [c for c in sum_checks(document, tolerances)
                                                 if c.complete and c.mismatch and not c.exceeds],
                                tolerances, N_("{parts} should add up to their whole: {explanation}"))
        yield from self._balances(document, tolerances)

    def _balances(self, document, tolerances):
        """A balance stated in one sentence with what makes it (:data:`_BALANCES`): it is their signed sum."""
        for pattern, terms, stated, message in _BALANCES:
            names = [name for name, sign in terms]
            for match in pattern.finditer(document.flow.text):
                numbers = {name: number_of(match, name, match[f"{name}_unit"]) for name in (*names, stated)}
                if any(n.value is None for n in numbers.values()) or len({n.unit for n in numbers.values()}) != 1:
                    continue
                computed = sum(sign * numbers[name].value for name, sign in terms)
                balance = numbers[stated]
                intervals = [amount_interval(numbers[name], tolerances) for name in (*names, stated)]
                if _signed_sum(intervals[:-1], terms).overlaps(intervals[-1]):
                    continue
                message_text = _(message, **{name: format_amount(numbers[name].value) for name in names},
                                 computed=format_amount(computed), unit=balance.unit, **{stated: balance.text})

                def holds(i, interval, intervals=intervals, terms=terms):
                    replaced = [*intervals[:i], interval, *intervals[i + 1:]]
                    return _signed_sum(replaced[:-1], terms).overlaps(replaced[-1])

                typo = find_typo(document, [(_(_TERM_LABELS[name]), numbers[name]) for name in (*names, stated)],
                                 holds, tolerances)
                if typo is not None and typo.wrong is not balance:
                    yield typo_finding(self, document, message_text, typo, balance, _(_TERM_LABELS[stated]))
                    continue
                yield self.finding(
                    document, document.span(balance.start, balance.end), message_text,
                    expected=f"{format_amount(computed)}{balance.unit}",
                    related=related(document, *((_(_TERM_LABELS[name]), numbers[name]) for name in names)),
                )


def _signed_sum(intervals, terms):
    """The sum of ``intervals``, each with the sign of its term in ``terms``."""
    total = intervals[0]
    for interval, (_name, sign) in zip(intervals[1:], terms[1:]):
        total = total + interval if sign > 0 else total - interval
    return total
