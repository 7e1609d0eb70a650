"""ARI004 parts-exceed-whole."""

from __future__ import annotations

from decimal import Decimal

from linter.check.arith import sum_checks, sum_findings
from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.i18n import N_, _
from linter.patterns import compile_regex


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
    ("共有车辆6辆，其中：一般公务用车2辆、执法执勤用车4辆、特种专业技术用车1辆"). Shares that named parts of one
    whole are said to take respectively ("人员经费和公用经费分别占基本支出的89.35%、11.65%") cannot add up to more than
    100% by more than their rounding.

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
        yield from sum_findings(self, document, [c for c in sum_checks(document, tolerances) if c.exceeds], tolerances,
                                N_("{parts} add up to more than their whole: {explanation}"))
        text = document.flow.text
        for shares in _RESPECTIVE_SHARES.finditer(text):
            names = _JOINER.split(shares["names"])
            percents = [Decimal(p.rstrip("%")) for p in _PERCENT.findall(shares["percents"])]
            if len(names) != len(percents) or _NO_WHOLE.search(shares["whole"] or ""):
                continue  # not one share per named part, shares of two wholes ("分别占收入、支出的…"), ratios to a
                # year or a budget ("分别占上年的95%、98%")
            tail = sum(Decimal(5).scaleb(_decimals(p) - 1) for p in percents)  # half a last digit each
            if sum(percents) - tail > 100:
                yield self.finding(
                    document, document.span(shares.start("percents"), shares.end("percents")),
                    _("the shares of {names} in {whole} add up to more than 100%: {sum} = {total}%",
                      names="、".join(names), whole=shares["whole"] or _("their whole"),
                      sum=" + ".join(f"{p}%" for p in percents), total=sum(percents)),
                )


#: Named parts and the shares of one whole they take respectively ("人员经费和公用经费分别占基本支出的89.35%、11.65%",
#: "…分别占比60%和45%").
_RESPECTIVE_SHARES = compile_regex(
    r"(?<![\p{Han}])(?P<names>\p{Han}{2,12}(?:[、和及与]\p{Han}{2,12}){1,5})[，,]?(?:分别|各)(?:占比|占(?:(?P<whole>\p{Han}{2,20}?)的?)?(?:比重|比例)?)(?:为|是)?"
    r"(?P<percents>\d+(?:\.\d+)?%(?:[、和及与]\d+(?:\.\d+)?%)+)(?![\d.])"
)
_JOINER = compile_regex(r"[、和及与]")
#: What a whole of parts is not: two wholes, or a year or a budget the amounts are compared with.
_NO_WHOLE = compile_regex(r"[、和及与]|上年|去年|同期|预算|计划|年度|\d")
_PERCENT = compile_regex(r"\d+(?:\.\d+)?%")


def _decimals(percent: Decimal) -> int:
    """The exponent of a printed share's last digit (-2 for 89.35)."""
    return percent.as_tuple().exponent
