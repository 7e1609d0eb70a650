"""TBL002 table-identity."""

from __future__ import annotations

from dataclasses import replace

from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.i18n import _, enumeration
from linter.check.interval import Interval, format_amount, format_ratio, printed_percent
from linter.extract.listings import sums
from linter.extract.tables import FISCAL, OTHER, TWO_SIDED
from linter.patterns import compile_re
from linter.rules.tables.common import (
    GAP, cell_span, compare, gap_finding, identity_gives, in_unit, readable, row_above, row_label, rows_under,
)


class TableIdentity(Rule):
    """An identity a table prints in its notes ("31行=(27+28+29)行", "1栏各行=(2+3)栏各行") fails.

    The identities are read from the note text of each table, not assumed, but for a 收支总表's
    收入总计 = 支出总计 and a row's 增减额 and 增减率 beside last year's amount and this year's
    ("2024年预算数 | 2025年预算数 … | 增减额 | 增减率（%）", also in the small tables a narrative prints between its
    sentences: "项目 | 2023年 | 2024年 | 增减额 | 增减率") and a 财政拨款收支总表's balance carried over = the
    funds listed under it ("年初财政拨款结转和结余" over "一般公共预算财政拨款", "政府性基金预算财政拨款", …),
    which hold by definition; and the 合计 of a table listing items without subject codes (a 政府采购预算表 of 品目, a
    政府购买服务预算表) = the sum of its item rows in each amount column, or of its 小计 rows, each the sum of its group
    (:mod:`linter.extract.listings`); and a 绩效自评表's 总分 = the sum of the 得分 of the rows above it, where their 分值 add
    up to the 总分 row's (:mod:`linter.extract.score_rows`); and a 决算 table's rate of completion after its amounts
    ("年初预算数 | 全年预算数 | 决算数 | 完成率（%）") = the 决算数 in percent of the budget its title or note names. A sum that is off by
    no more than ``tail_per_item`` (0.01) per added item is the rounding tail the tables warn
    about ("金额单位转换时可能存在尾数误差") and is reported at ``info`` level only.

    **Anti-pattern**

        2022年度收入支出决算总表（表1）
        项目    行次    决算数    项目    行次    决算数
        栏次        1    栏次        2
        一、一般公共预算财政拨款收入    1    852.68    一、一般公共服务支出    4    852.68
        二、政府性基金预算财政拨款收入    2    10.00    二、外交支出    5    0.00
        本年收入合计    3    852.68    本年支出合计    6    852.68
        注：3行=(1+2)行；6行=(4+5)行。

    **Best practice**

        2022年度收入支出决算总表（表1）
        项目    行次    决算数    项目    行次    决算数
        栏次        1    栏次        2
        一、一般公共预算财政拨款收入    1    852.68    一、一般公共服务支出    4    862.68
        二、政府性基金预算财政拨款收入    2    10.00    二、外交支出    5    0.00
        本年收入合计    3    862.68    本年支出合计    6    862.68
        注：3行=(1+2)行；6行=(4+5)行。
    """

    code = "TBL002"
    name = "table-identity"
    severity = Severity.ERROR

    def check(self, document, context):
        for table in readable(document.tables):
            found = list(self._identities(document, context, table))
            if table.kind in TWO_SIDED and not found:  # a side that does not add up is reported already
                yield from self._balanced(document, context, table)
            elif table.kind in TWO_SIDED and all(f.severity == Severity.INFO for f in found) \
                    and any(self._balanced(document, context, table)):
                # a side's 总计 a tail off its own terms, and off the other side's 总计 (one figure printed twice, rounded
                # alike): that 总计 is more likely a slip than a tail
                found = [replace(f, severity=Severity.WARNING, message=_(
                    "{message}; the other side's 总计 differs from it too, though the two are one figure",
                    message=f.message)) for f in found]
            yield from found
            if table.kind == FISCAL:
                yield from self._balance_by_fund(document, context, table)
            for row in (*table.rows, *table.change_rows):
                yield from self._change_from_last_year(document, context, table, row)
            for row in table.rows:
                yield from self._completion_rates(document, context, table, row)
        read = {row.change.start for table in document.tables for row in (*table.rows, *table.change_rows) if row.change}
        for table in document.derived(_comparison_tables):
            for row in table.change_rows:
                if row.change is None or row.change.start not in read:  # (a numbered table read as one above)
                    yield from self._change_from_last_year(document, context, table, row)
        for listing in document.derived(_listings):
            for row, column, parts in sums(listing):
                yield from self._listing_sum(document, context, listing, row, column, parts)
        for scored in document.derived(_score_totals):
            yield from self._score_total(document, context, scored)

    def _score_total(self, document, context, scored):
        """A 绩效自评表's 总分 that is not the sum of the 得分 above it (whose 分值 add up to its own)."""
        total, computed = scored.total, sum(row.points for row in scored.rows)
        decimals = max(len(score.text.partition(".")[2]) for score in (total, *scored.rows))
        finding = gap_finding(
            self, document, context, lambda: document.source_span(total.start, total.end), total.points, computed,
            len(scored.rows),
            lambda: _("总分 = the sum of the 得分 above it (their 分值 add up to its {weight:g}): 总分 is {printed} but "
                      "{scores} = {computed}", weight=total.weight, printed=total.text,
                      scores=" + ".join(row.text for row in scored.rows), computed=f"{computed:.{decimals}f}"),
        )
        if finding:
            yield finding

    def _listing_sum(self, document, context, listing, row, column, parts):
        """A listing table's total or subtotal that is not the sum of the rows under it."""
        cell = row.amounts[column]
        unit = listing.unit or ""
        computed = sum(part.amounts[column].value for part in parts if column in part.amounts)
        finding = gap_finding(
            self, document, context, lambda: document.source_span(cell.start, cell.end), cell.value, computed, len(parts),
            lambda: _("{table} {row} — {column} is {printed} but the rows it sums add up to {computed} (off by {difference})",
                      table=listing.title, row=row.name, column=listing.columns[column],
                      printed=format_amount(cell.value) + unit, computed=format_amount(computed) + unit,
                      difference=format_amount(abs(cell.value - computed)) + unit),
        )
        if finding:
            yield finding

    def _identities(self, document, context, table):
        for row in table.rows:
            # An identity over the whole row is reported with its sum by _whole_row instead.
            if row.unplaceable and not all(self._covers_row(table, row, i) for i in row.unplaceable):
                yield from self._unplaceable(document, table, row)
        for identity in table.identities:
            if identity.axis == "行":
                yield from self._row_identity(document, context, table, identity)
            else:
                yield from self._column_identity(document, context, table, identity)

    def _change_from_last_year(self, document, context, table, row):
        """A row's 增减额 and 增减率 printed beside last year's amount and this year's: the difference of the
        two, and that difference in percent of last year's."""
        now, before = row.amount(1), row.earlier.value if row.earlier else None
        if now is None or before is None:
            return
        change_reported = False
        if row.change is not None:
            finding = gap_finding(
                self, document, context, lambda: document.source_span(row.change.start, row.change.end),
                row.change.value, now - before, 2,
                lambda: _("增减额 = this year's − last year's: {row} — the table prints {printed} but {now} − {before} = "
                          "{computed}", row=row_label(table, row), printed=in_unit(table, row.change.value),
                          now=in_unit(table, now), before=in_unit(table, before), computed=in_unit(table, now - before)),
                table.resolution,
            )
            if finding:
                change_reported = finding.severity != Severity.INFO
                yield finding
        rate = row.change_rate
        if rate is None or before <= 0:
            return
        stated = printed_percent(rate.value, rate.decimals, context.tolerances)
        earlier = _cents(before)
        if change_reported and _rate_fits(_cents(row.change.value), earlier, stated):
            return  # the rate of the 增减额 printed, whose slip is reported
        if not _rate_fits(_cents(now) - earlier, earlier, stated):
            computed = format_ratio(now - before, before, rate.decimals)
            yield self.finding(
                document, document.source_span(rate.start, rate.end),
                _("增减率 = 增减额 / last year's: {row} — the table prints {printed}% but ({now} − {before}) / {before} = "
                  "{computed}", row=row_label(table, row), printed=rate.text, now=format_amount(now),
                  before=format_amount(before), computed=computed),
                expected=computed.rstrip("%"),
            )

    def _completion_rates(self, document, context, table, row):
        """A 决算 table's rate of completion printed after a row's amounts ("完成年初预算（%）"): its 决算 in percent of the
        budget of that kind the row prints (a row of a header of one line, read as a completion, is ARI003's)."""
        final = row.amount(1)
        for kind, rate in row.completion_rates.items():
            budget = row.budgets.get(kind)
            if final is None or budget is None or budget.value <= 0 or rate.start in document.derived(_rates_read_as_executions):
                continue
            # (as many decimals as its digits need: a workbook's "0.00" format prints a rate typed 116.4 as 116.40)
            decimals = len(rate.text.partition(".")[2].rstrip("%").rstrip("0"))
            if _rate_fits(_cents(final), _cents(budget.value), printed_percent(rate.value, decimals, context.tolerances)):
                continue
            computed = format_ratio(final, budget.value, decimals)
            yield self.finding(
                document, document.source_span(rate.start, rate.end),
                _("完成率 = 决算数 / {kind}预算数: {row} — the table prints {printed}% but {final} / {budget} = {computed}",
                  kind=kind, row=row_label(table, row), printed=rate.text, final=format_amount(final),
                  budget=format_amount(budget.value), computed=computed),
                expected=computed.rstrip("%"),
            )

    def _balanced(self, document, context, table):
        """A 收支总表's 总计 of 收入 and of 支出: what came in and what went out or was left balance."""
        income, spending = (table.row_named("总计", side) or table.row_named(side + "总计", side) for side in ("收入", "支出"))
        if income is None or spending is None or not table.side_columns("收入") or not table.side_columns("支出"):
            return
        column, other = table.side_columns("收入")[0], table.side_columns("支出")[0]
        received, used = income.amount(column), spending.amount(other)
        if received is None or used is None:
            return
        finding = gap_finding(
            self, document, context, lambda: cell_span(document, spending, spending.cell(other)), used, received, 1,
            lambda: _("收入总计 = 支出总计: {table} 总计 — 栏{other} is {used} but the 收入 side's 总计 (栏{column}) is "
                      "{received}", table=table.label, other=other, used=in_unit(table, used), column=column,
                      received=in_unit(table, received)),
            table.resolution,
            Severity.WARNING,  # (one figure printed twice, rounded alike: a tail between them is more likely a slip)
        )
        if finding:
            yield finding

    def _balance_by_fund(self, document, context, table):
        """A 财政拨款收支总表's balance carried over ("年初财政拨款结转和结余", "上年结转") = the fund items listed
        under it ("一般公共预算财政拨款", "政府性基金预算财政拨款", …), which hold by definition."""
        rows = table.rows
        for index, row in enumerate(rows):
            if not _BALANCE.fullmatch(row.plain_name):
                continue
            funds = []
            for item in (item for item in rows[index + 1:] if item.side == row.side):  # the sides' rows interleave
                if not _FUND_ITEM.search(item.plain_name) or "结转" in item.plain_name:
                    break
                funds.append(item)
            if len(funds) < 2:
                continue  # no list of the funds (a 决算's 支出 side splits its balance in columns)
            for column in table.side_columns(row.side):
                printed, amounts = row.amount(column), [item.amount(column) for item in funds]
                if printed is None or all(amount is None for amount in amounts):
                    continue
                yield from self._report(
                    document, context, table, row, column, printed, sum(a or 0.0 for a in amounts), len(funds),
                    lambda row=row, funds=funds: _("{row} = the funds listed under it ({funds}): {table}",
                                                   row=row.plain_name, table=table.label,
                                                   funds=enumeration(item.plain_name for item in funds)))

    def _unplaceable(self, document, table, row):
        """A space-separated row whose amounts fit no placement that the identities allow."""
        identities = "；".join(dict.fromkeys(_text(identity) for identity in row.unplaceable))  # each block's alike once
        amounts = enumeration(in_unit(table, v.value) for v in row.all_values())
        yield self.finding(
            document, document.source_span(row.start, row.end),
            _("{identities}: {row} — no placement of its amounts ({amounts}) in the columns {columns} "
              "satisfies the identities", identities=identities, row=row_label(table, row), amounts=amounts,
              columns=enumeration(table.side_columns(row.side))),
        )

    def _row_identity(self, document, context, table, identity):
        rows = _rows_of(table, identity)
        if rows is None:
            return
        target, terms = rows
        for column in table.side_columns(target.side):
            printed, total = target.amount(column), _sum_of(terms, column)
            if printed is None or total is None:
                continue
            computed, items = total
            failing = compare(printed, computed, items, context.tolerances, table.resolution) == GAP
            # (who is to blame is sought only where the identity fails: most hold)
            if failing and (slip := _the_one_unconfirmed_term(context, table, identity, target, terms, column)):
                sign, row = slip
                expected = sign * (printed - computed) + row.amount(column)
                yield from self._report(
                    document, context, table, row, column, row.amount(column), expected, items,
                    lambda: _("{identity}, but the two sides' 总计 agree and the other terms add up as their own rows say: "
                              "{row}", identity=_named(identity, table, target), row=row_label(table, row)))
                continue
            if failing and _knock_on(context, table, printed, terms, column):
                continue  # reported on the term's own row
            yield from self._report(document, context, table, target, column, printed, computed, items,
                                    lambda: _named(identity, table, target))

    def _column_identity(self, document, context, table, identity):
        for row in table.rows:
            if identity.target not in table.side_columns(row.side):
                continue
            printed = row.amount(identity.target)
            values = [sign * (row.amount(c) if row.amount(c) is not None else float("nan"))
                      for sign, c in identity.terms]
            if identity.terms and printed is not None and all(v == v for v in values):
                items = sum(1 for v in values if v)
                failing = compare(printed, sum(values), items, context.tolerances, table.resolution) == GAP
                if failing and (slip := _the_one_column_off(context, table, row, identity)):
                    sign, column, above = slip
                    if above is row:
                        continue  # its own row identity fails in that column only, and names the cell
                    yield from self._report(
                        document, context, table, row, column, row.amount(column),
                        row.amount(column) + sign * (printed - sum(values)), items,
                        lambda: _("{identity} (栏{target} and the other terms each equal the sum of the rows under them)",
                                  identity=_named(identity, table, row), target=table.printed_column(identity.target))
                        if above is None else
                        _("{identity} (in 栏{target} and the other terms, this row and the rows beside it add up to {above}; "
                          "in 栏{column} they do not)", identity=_named(identity, table, row),
                          target=table.printed_column(identity.target), above=row_label(table, above),
                          column=table.printed_column(column)))
                    continue
                yield from self._report(document, context, table, row, identity.target, printed, sum(values), items,
                                        lambda: _named(identity, table, row))
            elif self._covers_row(table, row, identity):
                yield from self._whole_row(document, context, table, row, identity, printed)

    def _whole_row(self, document, context, table, row, identity, printed):
        """The parts are every other column: their sum is known even if their places are not.
        When the total's own place is unknown too, it is the largest of the row's amounts (none
        is negative), and the others are the parts."""
        cells = [v for c, v in row.values.items() if c != identity.target] + list(row.loose)
        cell = row.cell(identity.target)
        placed = printed is not None
        if not placed and row.malformed:
            return  # a cell left out (malformed, NUM001's): which amount is the total cannot be told
        if not placed:
            if not cells or any(v.value < 0 for v in cells):
                return
            cell = max(cells, key=lambda v: v.value)
            cells.remove(cell)
            printed = cell.value
        others = [v.value for v in cells]
        if not others:
            return  # the row prints its total only (a table of one column; blank parts are not printed)

        def describe() -> str:
            values = dict(what=_named(identity, table, row), column=identity.target, printed=in_unit(table, printed),
                          others=enumeration(in_unit(table, v) for v in others) or _("none"),
                          computed=in_unit(table, sum(others)), difference=in_unit(table, abs(printed - sum(others))))
            if placed:
                return _("{what} — 栏{column} is {printed} but the row's other amounts ({others}) add up to {computed} "
                         "(off by {difference})", **values)
            return _("{what} — the row's largest amount, {printed}, should be 栏{column}, but its other amounts "
                     "({others}) add up to {computed} (off by {difference})", **values)

        finding = gap_finding(
            self, document, context,
            lambda: document.source_span(cell.start, cell.end) if cell else cell_span(document, row, None),
            printed, sum(others), len(others), describe, table.resolution,
        )
        if finding:
            yield finding

    @staticmethod
    def _covers_row(table, row, identity) -> bool:
        """Whether ``identity`` sums every column of ``row``'s side but its target (not when it leaves out a column
        it numbers past: "1栏各行＝（2＋5）栏各行" leaves out 3 and 4, the 小计's parts)."""
        named = {c for _, c in identity.terms} | {identity.target}
        return all(sign > 0 for sign, _ in identity.terms) and named >= set(table.side_columns(row.side)) \
            and named >= set(range(min(named), max(named) + 1))

    def _report(self, document, context, table, row, column, printed, computed, items, what):
        """A cell that its identity does not give; ``what()`` names the identity and the row."""
        finding = gap_finding(
            self, document, context, lambda: cell_span(document, row, row.cell(column)), printed, computed, items,
            lambda: _("{what} — 栏{column} is {printed} but the identity gives {computed} (off by {difference})",
                      what=what(), column=table.printed_column(column), printed=in_unit(table, printed),
                      computed=in_unit(table, computed), difference=in_unit(table, abs(printed - computed))),
            table.resolution,
        )
        if finding:
            yield finding


#: A balance carried over a 财政拨款收支总表 splits by fund in the rows under it.
_BALANCE = compile_re(r"(?:年初|上年)(?:财政拨款)?结转(?:和结余)?")
_FUND_ITEM = compile_re(r"一般公共预算|政府性基金|国有资本经营")


def _named(identity, table, row) -> str:
    """The identity and the row it is checked on."""
    return _("{identity}: {row}", identity=_text(identity), row=row_label(table, row))


def _rates_read_as_executions(document) -> frozenset[int]:
    """The original offsets of the rates that table rows read as completions state (ARI003 checks them)."""
    from linter.extract.execution_rows import document_execution_rows

    return frozenset(document.flow.source_span(row.rate.start, row.rate.end)[0]
                     for row in document.derived(document_execution_rows) if row.rate is not None)


def _comparison_tables(document):
    """The narrative's small tables comparing two years (:mod:`linter.extract.comparison_rows`)."""
    from linter.extract.comparison_rows import comparison_tables

    return comparison_tables(document.original)


def _the_one_unconfirmed_term(context, table, identity, target, terms, column):
    """``(sign, row)`` of the one term of a failing 总计 identity of a two-sided table that nothing else vouches for, when
    the 总计 equals the other side's (the table balances) and every other term is the target of an identity of its own
    that holds (本年支出合计 = its items): the likely slip ("年末结转和结余 15.62 printed 16.52"); else None."""
    if table.kind not in TWO_SIDED or target.plain_name != "总计" or column != table.side_columns(target.side)[0]:
        return None
    other = next((row for row in table.rows if row.plain_name == "总计" and row.side and row.side != target.side), None)
    if other is None or other.amount(table.side_columns(other.side)[0]) is None or compare(
            other.amount(table.side_columns(other.side)[0]), target.amount(column), 1, context.tolerances,
            table.resolution) == GAP:
        return None
    confirmed = {id(row) for row in table.rows if _holds(context, table, row, column)}
    unconfirmed = [(sign, row) for sign, row in terms if id(row) not in confirmed and row.amount(column)]  # (a blank: none)
    return unconfirmed[0] if len(unconfirmed) == 1 and len(terms) > 1 else None


def _the_one_column_off(context, table, row, identity):
    """``(sign, column, above)`` of the one term of a failing column identity on a code table's row whose cell the rows under
    that row do not add up to, when they add up to the target's and every other term's (合计 447733.01 = 基本支出
    66054.27 + 项目支出…, the 类 rows giving 66045.27 for 基本支出 only), or, on a row with none under it, the one
    whose column no longer adds up to the row above it, when the target's and every other term's do (30206 电费
    公用经费 24000 for 42000, its 302 row's 合计 and 人员经费 adding up), or to the total a row identity sums it into (a
    财政拨款收支总表's 卫生健康支出 一般公共预算 2194.41 for 2149.41, its 本年支出合计 adding up in every other column),
    or whose row identity fails there only (its 总计 一般公共预算 3,334.55 for 3,343.55, 本年支出合计 and the balances
    adding up to it in every other column): the likely slip, and ``above`` that row above or total, or the row itself
    (its own identity's finding names the cell), None where the rows under it vouch; else None."""
    def adds_up(column, instead: float | None = None) -> bool | None:
        if row_above(table, row) is not None:
            return _adds_up_to_row_above(context, table, row, column, instead)
        own = [holds for holds, _ in _own_identities(context, table, row, column, instead)]
        return any(own) if own else _adds_up_to_its_total(context, table, row, column, instead)

    def vouched(column) -> bool | None:
        under = rows_under(table, row, lambda other: other.amount(column))
        if under is not None:
            return compare(row.amount(column), under, len(table.rows), context.tolerances,
                           table.resolution) != GAP  # (a tail of as many rows as may be under it)
        return adds_up(column)

    if not vouched(identity.target):
        return None
    off = [(sign, column) for sign, column in identity.terms if vouched(column) is not True]
    if len(off) != 1 or vouched(off[0][1]) is not False:
        return None
    sign, column = off[0]
    if rows_under(table, row, lambda other: other.amount(column)) is not None:
        return sign, column, None
    # vouched by the row above, the total or the row's own identity: the cell is printed, and the value the identity gives
    # makes it add up (not a blank, nor a cell whose column another row's slip broke)
    if row.cell(column) is None or not adds_up(column, identity_gives(row, identity, column)):
        return None
    if row_above(table, row) is not None:
        return sign, column, row_above(table, row)
    return sign, column, _its_total(table, row) if _summing(table, row) is not None else row


def _adds_up_to_row_above(context, table, row, column, instead: float | None = None) -> bool | None:
    """Whether the rows beside ``row`` (it among them, with ``instead`` in its place if given) add up to the row above
    them in ``column``; None when there is no row above, or a cell is unknown (a loose value of a space-laid row may
    fill it)."""
    above = row_above(table, row)
    total = None if above is None or above.amount(column) is None else rows_under(
        table, above, lambda other: instead if other is row and instead is not None else other.amount(column))
    if total is None:
        return None
    beside = sum(1 for other in table.rows
                 if other.code and len(other.code) == len(row.code) and other.code.startswith(row.code[:-2]))
    return compare(above.amount(column), total, beside, context.tolerances, table.resolution) != GAP


def _adds_up_to_its_total(context, table, row, column, instead: float | None = None) -> bool | None:
    """Whether the one row identity of ``table`` that sums ``row`` into a total (本年支出合计 = the numbered items above it)
    holds in ``column``, with ``instead`` in the row's place if given; None when no one identity sums it, or a cell is
    unknown."""
    summing = _summing(table, row)
    if summing is None:
        return None
    target, terms = summing
    values = [(sign, instead if term is row and instead is not None else term.amount(column)) for sign, term in terms]
    if target.amount(column) is None or any(value is None for _, value in values):
        return None
    return compare(target.amount(column), sum(sign * value for sign, value in values), len(values), context.tolerances,
                   table.resolution) != GAP


def _its_total(table, row):
    """The total the one row identity summing ``row`` names (see :func:`_adds_up_to_its_total`)."""
    summing = _summing(table, row)
    return summing[0] if summing else None


def _summing(table, row):
    """``(target, terms)`` of the one row identity of ``table`` with ``row`` among its terms; None when none or several."""
    found = [rows for identity in table.identities if identity.axis == "行"
             and (rows := _rows_of(table, identity)) is not None and any(term is row for _, term in rows[1])]
    return found[0] if len(found) == 1 else None


def _holds(context, table, row, column) -> bool:
    """Whether ``row`` is the target of a row identity of ``table`` that holds in ``column``."""
    return any(holds for holds, _ in _own_identities(context, table, row, column))


def _own_identities(context, table, row, column, instead: float | None = None):
    """``(holds, computed)`` for each row identity of ``table`` whose target is ``row``, in ``column`` (with ``instead`` in
    the row's cell if given)."""
    for identity in table.identities:
        rows = _rows_of(table, identity) if identity.axis == "行" else None
        if rows is None or rows[0] is not row or row.amount(column) is None or (total := _sum_of(rows[1], column)) is None:
            continue
        computed, items = total  # (items as the identity's own check counts them: a blank adds no tail)
        printed = row.amount(column) if instead is None else instead
        yield compare(printed, computed, max(1, items), context.tolerances, table.resolution) != GAP, computed


def _rows_of(table, identity):
    """``(target, [(sign, term), …])``: the rows a row identity names, on its side; None when one is not printed."""
    side = _identity_side(identity)
    target = table.row_by_line_no(identity.target, side)
    terms = [(sign, table.row_by_line_no(number, side)) for sign, number in identity.terms]
    return None if target is None or any(row is None for _, row in terms) else (target, terms)


def _sum_of(terms, column) -> tuple[float, int] | None:
    """``(sum, items)`` of the signed ``terms`` in ``column``, items counting the cells not blank; None when one has no
    amount there."""
    values = [(sign, row.amount(column)) for sign, row in terms]
    if any(v is None for _, v in values):
        return None
    return sum(sign * v for sign, v in values), sum(1 for _, v in values if v)


def _knock_on(context, table, printed, terms, column) -> bool:
    """Whether the identity's gap is another one's: a term that its own identity does not give (reported on its row:
    "本年支出合计 1427.87" of items adding up to 1427.78), or whose cell in ``column`` a column identity blames (reported
    on that cell: :func:`_the_one_column_off`), with whose computed value this identity holds."""
    values = [(sign, row, row.amount(column)) for sign, row in terms]
    for sign, row, value in values:
        own = list(_own_identities(context, table, row, column))
        given = own[0][1] if own and not any(holds for holds, _ in own) else _column_slip(context, table, row, column)
        if given is None:
            continue
        computed = sum(s * (given if r is row else v) for s, r, v in values)
        if compare(printed, computed, sum(1 for *_, v in values if v), context.tolerances, table.resolution) != GAP:
            return True
    return False


def _column_slip(context, table, row, column) -> float | None:
    """The amount a column identity of ``table`` that fails on ``row`` gives its cell in ``column``, when it blames that
    cell (:func:`_the_one_column_off`); else None."""
    for identity in table.identities:
        if identity.axis != "栏" or (printed := row.amount(identity.target)) is None:
            continue
        values = [row.amount(c) for _, c in identity.terms]
        if None in values or compare(printed, sum(sign * v for (sign, _), v in zip(identity.terms, values)),
                                     sum(1 for v in values if v), context.tolerances, table.resolution) != GAP:
            continue
        slip = _the_one_column_off(context, table, row, identity)
        if slip is not None and slip[1] == column:
            return identity_gives(row, identity, column)
    return None


def _identity_side(identity) -> str | None:
    """The side of a two-sided table an identity the reader implies is of ("本年支出合计 = the sum of the numbered items
    above it"), for rows numbered alike on both sides; None for a printed one."""
    if not identity.implied:
        return None
    sides = [side for side in ("收入", "支出") if side in identity.text]
    return sides[0] if len(sides) == 1 else None


def _listings(document):
    """The tables listing items under a 合计 that no table of a known kind reads (:mod:`linter.extract.listings`)."""
    from linter.extract.listings import listings

    read = [(table.start, table.end) for table in document.tables if table.kind != OTHER or table.rows]
    return listings(document.original, read)


def _score_totals(document):
    """The 总分 rows of the 绩效自评表 and their scored rows (:mod:`linter.extract.score_rows`)."""
    from linter.extract.score_rows import score_totals

    return score_totals(document.original)


def _text(identity) -> str:
    """An identity as the table prints it, or, for one its layout implies, in the reader's language."""
    return _(identity.text) if identity.implied else identity.text


def _cents(value: float) -> Interval:
    """The values an amount printed to the cent stands for."""
    return Interval(value - 0.005, value + 0.005)


def _rate_fits(change: Interval, earlier: Interval, stated: Interval) -> bool:
    """Whether ``change`` in percent of ``earlier`` may be the rate ``stated`` (undecidable: it may)."""
    ratio = change.ratio(earlier)
    return ratio is None or ratio.scaled(100).overlaps(stated)
