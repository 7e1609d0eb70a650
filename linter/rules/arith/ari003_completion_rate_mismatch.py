"""ARI003 completion-rate-mismatch."""

from __future__ import annotations

from linter.check.arith import (
    amount, count_ratio_mismatch, find_typo, percent_matches, percent_severity, ratio_text, related, same_unit, truncated, typo_finding,
    unit_scale,
)
from linter.check.finding import Related, Severity
from linter.check.interval import amount_interval, format_amount, format_ratio
from linter.check.rule import Rule
from linter.extract.counts import count_completions
from linter.extract.execution_rows import document_execution_rows, grid_execution_rows
from linter.extract.quantities import SANGONG
from linter.i18n import _
from linter.rules.shared import sangong_budgets


class CompletionRateMismatch(Rule):
    """A completion or execution rate that is not actual ÷ budget.

    Covers "年初预算为X万元，支出决算为Y万元，完成年初预算的Z%" (and the rate of another budget it
    states after it: "调整预算为W万元，…，完成调整预算的V%"), the project self-evaluation
    "项目全年预算数为X万元，执行数为Y万元，完成预算的Z%" and "执行率Z%" sentences, and the
    预算执行情况 rows of a 绩效自评表 ("年度资金总额 | 预算数 | 执行数 | 执行率" read under its header, its cells parted
    by tabs or laid out with spaces, and
    the 财政拨款, 基本支出 … rows under it when they line up with it, the rate in a column "执行率（%）"; a table of
    projects read so too, a Word document's, a workbook's or a PDF's text laid out with spaces: "序号 | 项目名称 | 全年预算数
    | 执行数 | 执行率（%） | 自评得分"),
    and a rate stated with the gap to the budget instead of the budget ("收入1205.11万元，完成年初预算的
    70%，比年初预算减少537.35万元": the budget is 1205.11 + 537.35; "完成年初预算100%，决算数大于预算数
    55.93万元"; the gap first: "支出决算15.86万元，较年初预算减少2.14万元，完成年初预算的88.11%"). A 三公
    quantity's rate stated without its budget ("公务接待费4.37万元，完成预算72.83%") is of the 三公 table's
    预算数 for it, in a 决算. So is a count's ("效益指标18个，完成17个，完成率94.4%": counts are exact, only the rate is
    rounded), an area's in 亩 and a court's cases closed ("受理各类案件6842件，审结6573件，结案率96.07%"), disputes settled ("调处矛盾纠纷3268件，调解成功3197件，调解成功率97.83%"). A budget of 0 has no rate: a rate other than 0% stated for one is a warning. A rate off by one unit of its last digit
    is a warning. When the stated rate holds with an amount printed elsewhere that the budget
    (or the actual) is one typo away from ("76.5" for "76.05"), the typo is reported at that
    amount instead.

    **Anti-pattern**

        年初预算为1091.53万元，支出决算为852.68万元，完成年初预算的72.8%。

    **Best practice**

        年初预算为1091.53万元，支出决算为852.68万元，完成年初预算的78.1%。
    """

    code = "ARI003"
    name = "completion-rate-mismatch"
    severity = Severity.ERROR

    def check(self, document, context):
        tolerances = context.text_tolerances(document)
        claims = document.claims
        for claim in [*claims.completions, *claims.executions, *document.derived(document_execution_rows)]:
            yield from self._rate(document, claim, tolerances)
        # A Word or Excel table's rows (no flow text) or a text's laid with spaces, but the 完成率 a 决算 table's reading
        # gives its rows (TBL002's) and those the flow text read
        checked = {rate.start for table in document.tables for row in table.rows for rate in row.completion_rates.values()} \
            | {document.flow.source_span(row.rate.start, row.rate.end)[0]
               for row in document.derived(document_execution_rows) if row.rate is not None}
        for claim in document.derived(grid_execution_rows):
            if claim.rate is not None and claim.rate.start not in checked:
                yield from self._rate(document, claim, tolerances, in_cells=True)
        yield from _gap_findings(self, document, tolerances)
        yield from _table_budget_findings(self, document, tolerances)
        yield from _count_completions(self, document, tolerances)

    def _rate(self, document, claim, tolerances, in_cells: bool = False):
        """The finding on ``claim``'s completion or execution rate when no rounding of its amounts gives it; ``in_cells``: a
        table's row of a Word document or a workbook, its numbers in original-file offsets."""
        span = document.source_span if in_cells else document.span

        def places(*pairs):
            return [Related(span(number.start, number.end), label) for label, number in pairs] if in_cells \
                else related(document, *pairs)

        if claim.rate is None:
            return
        if (zero := _only_zero_budget(claim)) is not None and claim.actual.value and claim.rate.value:
            # "年初预算为0万元，支出决算为38.52万元，完成年初预算的100%": no rate of nothing
            yield self.finding(
                document, span(claim.rate.start, claim.rate.end),
                _("completion rate of a budget of 0: {actual} spent against nothing budgeted has no rate, but "
                  "the text says {stated}%", actual=format_amount(claim.actual.value), stated=claim.rate.text),
                severity=Severity.WARNING,
                related=places((_("budget"), zero), (_("actual"), claim.actual)),
            )
            return
        budgets = _budgets(claim)
        # each budget in the actual's unit ("年初预算为665.00万元，支出决算为6,842,315.46元")
        scales = [unit_scale(budget, claim.actual) for budget in budgets]
        if not budgets or None in scales:
            return
        actual = amount(claim.actual, tolerances)
        if any(percent_matches(actual, amount(b, tolerances).scaled(scale), claim.rate, tolerances) is not False
               for b, scale in zip(budgets, scales)):
            return  # the rate holds for one of the budgets stated (年初 0, 全年 321.02)
        budget_number, scale = budgets[0], scales[0]
        budget = amount(budget_number, tolerances).scaled(scale)
        computed = ratio_text(claim.actual.value, budget_number.value * scale, claim.rate.decimals)
        message = _("completion rate: {computed}, but the text says {stated}%", computed=computed,
                    stated=claim.rate.text)

        def holds(i, interval, actual=actual, budget=budget, rate=claim.rate, scale=scale):
            part, whole = (actual, interval.scaled(scale)) if i == 0 else (interval, budget)
            return percent_matches(part, whole, rate, tolerances.exact_percent()) is True

        typo = None if in_cells else find_typo(document, [(_("budget"), budget_number), (_("actual"), claim.actual)], holds,
                                                tolerances, claim.rate)
        if typo is not None:
            yield typo_finding(self, document, message, typo, claim.rate, _("rate"))
            return
        if truncated(100 * claim.actual.value / (budget_number.value * scale), claim.rate):
            message = _("completion rate: {computed}, but the text says {stated}% (cut off instead of rounded)",
                        computed=computed, stated=claim.rate.text)
        yield self.finding(
            document,
            span(claim.rate.start, claim.rate.end),
            message,
            expected=computed.rsplit(" = ", 1)[1],
            severity=percent_severity(actual, budget, claim.rate, tolerances),
            related=places((_("budget"), budget_number), (_("actual"), claim.actual)),
        )


def _table_budget_findings(rule, document, tolerances):
    """Completion rates of a 三公 quantity stated without their budget ("公务接待费4.37万元，完成预算
    72.83%"): the budget is the 三公 table's 预算数 for that quantity."""
    rates = document.claims.unstated_budget_rates
    budgets = document.derived(sangong_budgets) if rates else {}
    initial = document.derived(sangong_budgets, "年初预算") if rates else {}
    text = document.flow.text
    for claim in rates:
        base = claim.stated.key[1] if claim.stated.key else None
        # ("完成年初预算的95.82%、调整预算的97.56%": the first of the 年初 budget, where the table prints one)
        of_initial = initial and "年初" in text[max(0, claim.rate.start - 8):claim.rate.start]
        cell = (initial if of_initial else budgets).get("合计" if base == SANGONG else base)
        scale = unit_scale(cell, claim.stated.number) if cell is not None and cell.unit else None
        if scale is None or cell.value <= 0 or claim.stated.number.malformed:
            continue
        actual = amount(claim.stated.number, tolerances)
        budget = amount_interval(cell, tolerances).scaled(scale)
        if percent_matches(actual, budget, claim.rate, tolerances) is not False:
            continue
        computed = ratio_text(claim.stated.number.value, cell.value * scale, claim.rate.decimals)
        yield rule.finding(
            document,
            document.span(claim.rate.start, claim.rate.end),
            _("completion rate: {computed} (the budget is the 三公 table's 预算数), but the text says {stated}%",
              computed=computed, stated=claim.rate.text),
            expected=computed.rsplit(" = ", 1)[1],
            severity=percent_severity(actual, budget, claim.rate, tolerances),
            related=[*related(document, (_("actual"), claim.stated.number)),
                     Related(document.source_span(cell.start, cell.end), _("budget"))],
        )


def _gap_findings(rule, document, tolerances):
    """Completion rates stated with the gap to the budget ("1205.11万元，完成年初预算的70%，比年初预算
    减少537.35万元"): the budget is the amount minus the signed gap."""
    for claim in document.claims.gap_completions:
        if not same_unit(claim.actual, claim.gap):
            continue
        actual = amount(claim.actual, tolerances)
        gap = amount(claim.gap, tolerances)
        budget = actual - gap if claim.sign > 0 else actual + gap
        if budget.lo <= 0 or percent_matches(actual, budget, claim.rate, tolerances) is not False:
            continue
        value = claim.actual.value - claim.sign * claim.gap.value
        expected = format_ratio(claim.actual.value, value, claim.rate.decimals)
        yield rule.finding(
            document,
            document.span(claim.rate.start, claim.rate.end),
            _("completion rate: {actual} / ({actual} {operator} {gap} = {budget}) = {computed}, but the text says {stated}%",
              actual=format_amount(claim.actual.value), operator="−" if claim.sign > 0 else "+",
              gap=format_amount(claim.gap.value), budget=format_amount(value), computed=expected, stated=claim.rate.text),
            expected=expected,
            severity=percent_severity(actual, budget, claim.rate, tolerances),
            related=related(document, (_("actual"), claim.actual), (_("gap to the budget"), claim.gap)),
        )


def _only_zero_budget(claim):
    """The budget of 0 a claim states when it states no other ("年初预算为0万元"), else None."""
    stated = [b for b in (claim.budget, *getattr(claim, "budgets", {}).values()) if b is not None and not b.malformed]
    return stated[0] if stated and all(b.value == 0 for b in stated) and not claim.actual.malformed else None


def _budgets(claim) -> list:
    """The budgets a rate may be of, the one it names first; zero and missing budgets have no rate. A rate
    naming a budget stated ("完成调整预算的…" beside 年初预算 and 调整预算) is of that one only."""
    budgets = getattr(claim, "budgets", {})
    stated = [claim.budget, *budgets.values()]
    usable = list({id(b): b for b in stated if b is not None and not b.malformed and b.value > 0}.values())
    named = budgets.get(getattr(claim, "rate_kind", "") or None)
    return [named] if named is not None and named in usable else usable


def _count_completions(rule, document, tolerances):
    """"效益指标18个，完成17个，完成率95.4%": how many of a planned count were done, over the count."""
    for claim in count_completions(document.flow.text):
        computed = count_ratio_mismatch(claim.done.value, claim.planned.value, claim.rate, tolerances)
        if computed is None:
            continue
        yield rule.finding(
            document, document.span(claim.rate.start, claim.rate.end),
            _("completion rate: {computed}, but the text says {stated}%", computed=computed, stated=claim.rate.text),
            expected=computed.rsplit(" = ", 1)[1],
            related=related(document, (_("done"), claim.done), (_("planned"), claim.planned)),
        )
