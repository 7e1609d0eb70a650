"""TBL004 cross-table."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Callable, NamedTuple

from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.i18n import _
from linter.patterns import compile_re
from linter.extract.subjects import class_code
from linter.extract.tables import (
    BASIC, EXPENDITURE, FISCAL, FUND, GENERAL, INCOME, PROJECT, STATE_CAPITAL, SUMMARY, Row, Table, basic_part_cells,
)
from linter.rules.tables.common import (
    GAP, amount, basic_split, carries_over, cell_span, compare, converted, first, gap_finding, general_appropriation, in_unit,
    income_columns, project_spending_column, readable, row_label,
)

if TYPE_CHECKING:
    from linter.document import Span


class CrossTable(Rule):
    """Two tables disagree on the same quantity.

    Checked pairs: 表1 本年收入合计 = 表2 合计 (unless 表2 prints a column of 上年结转: its 合计 is then
    the 收入总计), each source of income of 表1 = 表2's 合计 in the column titled alike, and 表1
    本年支出合计 = 表3 合计; the columns of
    表4 本年支出合计 = 表5 合计 (一般公共预算), the 政府性基金 table's 本年支出 and the 国有资本经营
    table's 合计; the 政府性基金 and 国有资本经营 tables' 本年收入 and 年末结转和结余 = 表4's item of that
    fund's income and its 年末财政拨款结转和结余 in the fund's column; 表5 基本支出 = 表6 人员经费合计 +
    公用经费合计; the 一般公共预算财政拨款项目支出表's 合计 = 表5 项目支出; 表1's class rows = 表3's; 表4's class rows in its 一般公共预算 column = 表5's; and
    表1's class rows = 表4's
    (表1 also counts money that is not 财政拨款: each of its class rows may exceed 表4's by as much as
    its 本年支出合计 exceeds 表4's, and must equal it when the two agree); and 表1's item of each fund's income =
    表4's (a class row whose code is another class's, "212 卫生健康支出", is TBL005's and compared with none). Tables are found by
    their title words, so the different numbering of years and 预算/决算 does not matter. A
    difference within the rounding tail is ``info``. A finding points at the second table's cell, but at the
    first's when its row disagrees with two tables' rows that agree, or with one a third table confirms, or when the other
    amount in its place would make its own table's class rows add up to their total, or keep an identity of its table
    that it breaks (合计 = the funds' columns, 本年收入合计 = the items above): the likely slip; it then offers the other
    cell's amount.

    **Anti-pattern**

        2022年度一般公共预算财政拨款支出决算表（表5）
        项目    本年支出
        类    款    项    栏次    1    2    3
        合计    852.68    135.01    717.67
        201    一般公共服务支出    852.68    135.01    717.67
        注：1栏各行 = (2+3) 栏各行。
        2022年度一般公共预算财政拨款基本支出决算明细表（表6）
        人员经费    公用经费
        经济分类科目    科目名称    决算数    经济分类科目    科目名称    决算数
        301    工资福利支出    128.98    302    商品和服务支出    16.04
        30101    基本工资    128.98    30201    办公费    16.04
        人员经费合计    128.98    公用经费合计    16.04

    **Best practice**

        2022年度一般公共预算财政拨款支出决算表（表5）
        项目    本年支出
        类    款    项    栏次    1    2    3
        合计    852.68    135.01    717.67
        201    一般公共服务支出    852.68    135.01    717.67
        注：1栏各行 = (2+3) 栏各行。
        2022年度一般公共预算财政拨款基本支出决算明细表（表6）
        人员经费    公用经费
        经济分类科目    科目名称    决算数    经济分类科目    科目名称    决算数
        301    工资福利支出    128.98    302    商品和服务支出    6.03
        30101    基本工资    128.98    30201    办公费    6.03
        人员经费合计    128.98    公用经费合计    6.03
    """

    code = "TBL004"
    name = "cross-table"
    severity = Severity.ERROR

    def check(self, document, context):
        compared = list(self._disagreements(document, context))
        found = [(finding, here, there) for finding, here, there in compared if finding is not None]
        # A row that disagrees with two others, which agree with it nowhere else, is the likely slip ("表1 社会保障和就业支出"
        # against 表3's and 表4's, which agree): each of its findings points at it, not at the rows that agree. So is a row
        # that disagrees with one whose amount a third table confirms (表4's 政府性基金 income, as 表7's 本年收入 prints it).
        disagreeing = Counter(id(cell.row) for _, here, there in found for cell in (here, there) if cell is not None)
        confirmed = {id(cell.row) for finding, here, there in compared if finding is None for cell in (here, there)}
        for finding, here, there in found:
            if there is not None and disagreeing[id(here.row)] == 1 and (
                    disagreeing[id(there.row)] > 1 or (id(here.row) in confirmed and id(there.row) not in confirmed)
                    or _mends_its_table(context, there, here) or _mends_its_row(context, there, here)):
                finding.span = there.locate()
                if finding.expected == amount(converted(there.amount, here.table, there.table)):
                    finding.expected = amount(converted(here.amount, there.table, here.table))  # the other cell's
            yield finding

    def _disagreements(self, document, context):
        """``(finding, the cell it points at, the other cell)`` of each pair of tables that disagree (and, from
        :meth:`_pair`, of each that agrees, its finding None)."""
        tables = document.tables
        summary, fiscal = first(tables, SUMMARY), first(tables, FISCAL)
        income, expenditure = first(tables, INCOME), first(tables, EXPENDITURE)
        general, basic = first(tables, GENERAL), first(tables, BASIC)
        fund, capital = first(tables, FUND), first(tables, STATE_CAPITAL)
        if summary:
            if not carries_over(income):  # its 合计 would then be the 收入总计, not the 本年收入合计
                yield from self._pair(document, context, summary, _year_total(summary, "收入"), 1,
                                      income, _total(income), 1)
            yield from self._income_items(document, context, summary, income)
            yield from self._pair(document, context, summary, _year_total(summary, "支出"), 2,
                                  expenditure, _total(expenditure), 1)
        # A 预算's 一般公共预算支出表 may print this year's appropriation only, where 表4's 一般公共预算 column
        # also spends what was carried over ("二、上年结转 （一）一般公共预算拨款 100.00").
        carried = _carried_over_general(context, fiscal, general) if fiscal and general else 0.0
        if fiscal:
            spent = _year_total(fiscal, "支出")
            for column, other, other_column in (
                (3, general if not carried else None, 1), (4, fund, _spending_column(fund)),
                (5, capital, _spending_column(capital, 1)),
            ):
                yield from self._pair(document, context, fiscal, spent, column, other, _total(other), other_column)
            # A fund's table restates its income and year-end balance ("6=(1+2-3)"): 表4's 本年收入 item
            # and 年末财政拨款结转和结余 in the fund's column.
            ending = fiscal.row_named("年末财政拨款结转和结余", "支出")
            for fund_words, column, other in (("政府性基金", 4, fund), ("国有资本经营", 5, capital)):
                columns = _balance_columns(other)
                if columns is None:
                    continue
                yield from self._pair(document, context, fiscal, _income_item(fiscal, fund_words), 1, other,
                                      _total(other), columns[0])
                yield from self._pair(document, context, fiscal, ending, column, other, _total(other), columns[1])
        if general and basic:
            yield from self._basic(document, context, general, basic)
        project = next((table for table in readable(tables, PROJECT) if "一般公共预算" in table.title), None)
        if general and project and project.columns \
                and (spent := _project_spending_column(project)) is not None:
            # 表7, the 一般公共预算财政拨款项目支出表: its 合计 (of the spending) is 表5's 项目支出.
            yield from self._pair(document, context, general, _total(general), project_spending_column(general), project,
                                  _total(project), spent)
        if summary and fiscal:
            yield from self._classes(document, context, summary, fiscal)
            for fund_words in _FUND_WORDS:  # each fund's income this year: 表1's item and 表4's alike
                yield from self._pair(document, context, summary, _summary_income_item(summary, fund_words), 1, fiscal,
                                      _income_item(fiscal, fund_words), 1)
        if fiscal and general:
            # 表4's 一般公共预算 column restates 表5's 合计 by class.
            for row in fiscal.rows:
                code = class_code(row.plain_name) if row.side == "支出" and not row.is_total else None
                if code is not None and not carried:
                    yield from self._pair(document, context, fiscal, row, 3, general, general.row_by_code(code), 1)
                elif code is not None:
                    yield from self._within_carried_over(document, context, fiscal, row, general,
                                                         general.row_by_code(code), carried)
        if summary and expenditure:
            # Both count all the department's money: each class it spent on, the same amount.
            for row in summary.rows:
                code = class_code(row.plain_name) if row.side == "支出" and not row.is_total else None
                if code is not None:
                    yield from self._pair(document, context, summary, row, 2, expenditure, expenditure.row_by_code(code), 1)

    def _pair(self, document, context, table, row, column, other, other_row, other_column, items=1):
        if row is None or other is None or other_row is None or other_column is None:
            return
        if column not in table.columns or other_column not in other.columns:
            return  # a table printing fewer columns (a 预算's 财政拨款收支总表 with one 支出 column)
        if _misnamed(row) or _misnamed(other_row):
            return  # "213 城乡社区支出": which class the row is of is TBL005's to say
        mine, theirs = row.amount(column), other_row.amount(other_column)
        if mine is None or theirs is None:
            return
        here, there = _Cell.of(document, other, other_row, other_column), _Cell.of(document, table, row, column)
        finding = gap_finding(
            self, document, context, here.locate,
            theirs, converted(mine, other, table), items,
            lambda: _("{row} 栏{column} is {amount} but {other_row} 栏{other_column} is {other_amount}",
                      row=row_label(other, other_row), column=other.printed_column(other_column), amount=in_unit(other, theirs),
                      other_row=row_label(table, row), other_column=table.printed_column(column), other_amount=in_unit(table, mine)),
            other.resolution,
        )
        yield finding, here, there  # (no finding: the two agree)

    def _within_carried_over(self, document, context, fiscal, row, general, other, carried):
        """表5's class row (this year's appropriation) against 表4's in its 一般公共预算 column, which also
        spends the 一般公共预算 carried over: no more than it, and short of it by no more than ``carried``."""
        mine, theirs = row.amount(3), other.amount(1) if other is not None else None
        if mine is None or theirs is None:
            return
        mine = converted(mine, general, fiscal)
        here = _Cell.of(document, general, other, 1)
        finding = gap_finding(
            self, document, context, here.locate,
            theirs, min(max(theirs, mine - carried), mine), 1,
            lambda: _("{row} 栏1 is {amount} but {other_row} 栏3 is {other_amount}: counting this year's "
                      "appropriation only, it may fall short of it by no more than the {carried} carried over",
                      row=row_label(general, other), amount=in_unit(general, theirs), other_row=row_label(fiscal, row),
                      other_amount=in_unit(general, mine), carried=in_unit(general, carried)),
            general.resolution,
        )
        if finding:
            yield finding, here, _Cell.of(document, fiscal, row, 3)

    def _income_items(self, document, context, summary, income):
        """表1's sources of income against the 收入表's 合计 in the column its header titles alike
        ("二、事业收入" and the column 事业收入)."""
        columns = income_columns(income) if income is not None else {}
        total = _total(income)
        for row in summary.rows:
            column = columns.get(row.plain_name) if row.side == "收入" and not row.is_total else None
            if column is not None and column != income.columns[0]:
                yield from self._pair(document, context, summary, row, 1, income, total, column)

    def _basic(self, document, context, general, basic):
        total, parts = _total(general), _basic_parts(basic)
        if total is None or parts is None or 2 not in general.columns or basic_split(general):
            # a table printing no 基本支出 column (only each year's total: "2024年预算数 | 2025年预算数"; or its parts:
            # "合计 | 人员经费 | 公用经费 | 项目支出")
            return
        basic_spending = total.amount(2)
        if basic_spending is None or None in parts:
            return
        here = _Cell.of(document, general, total, 2)
        finding = gap_finding(
            self, document, context, here.locate,
            basic_spending, converted(sum(parts), general, basic), 2,
            lambda: _("{general} 合计 基本支出 is {basic_spending} but {basic} 人员经费合计 {people} + 公用经费合计 "
                      "{public} = {total}", general=general.label, basic_spending=in_unit(general, basic_spending),
                      basic=basic.label, people=in_unit(basic, parts[0]), public=in_unit(basic, parts[1]),
                      total=in_unit(basic, sum(parts))),
            general.resolution,
        )
        if finding:
            yield finding, here, None

    def _classes(self, document, context, summary, fiscal):
        """表1's class rows against 表4's. 表1 also counts money that is not 财政拨款 (received, or carried
        over from earlier years and spent), so each class row of 表1 may exceed 表4's by as much as 表1's
        本年支出合计 exceeds 表4's, and never fall short of it; when the two totals agree, the rows must."""
        totals = _year_total(summary, "支出"), _year_total(fiscal, "支出")
        if None in totals or totals[0].amount(2) is None or totals[1].amount(2) is None:
            if not _same_income(context, summary, fiscal):
                return
            extra = 0.0  # all income is 财政拨款, the totals spent unread: the rows must agree
        else:
            extra = converted(totals[0].amount(2), fiscal, summary) - totals[1].amount(2)
            if compare(extra, 0.0, 2, context.tolerances, fiscal.resolution) != GAP:
                extra = 0.0
            elif extra < 0:
                return  # 表1 spends less than 表4: its totals disagree, whichever class row is wrong
        spending = {}  # the 支出 rows of the fiscal table by name, first one kept (as ``row_named``)
        for row in fiscal.rows:
            if row.side == "支出":
                spending.setdefault(row.plain_name, row)
        for row in summary.rows:
            if row.side != "支出" or row.is_total or not row.plain_name.endswith("支出"):
                continue
            if not extra:
                yield from self._pair(document, context, summary, row, 2, fiscal, spending.get(row.plain_name), 2)
                continue
            other = spending.get(row.plain_name)
            mine, theirs = row.amount(2), other.amount(2) if other is not None else None
            if mine is None or theirs is None:
                continue
            mine = converted(mine, fiscal, summary)
            allowed = theirs + min(max(mine - theirs, 0.0), extra)
            if compare(mine, allowed, 2, context.tolerances, fiscal.resolution) == GAP:
                names = dict(row=row_label(summary, row), amount=in_unit(fiscal, mine), other_row=row_label(fiscal, other),
                             other_amount=in_unit(fiscal, theirs))
                here, there = _Cell.of(document, summary, row, 2), _Cell.of(document, fiscal, other, 2)
                # (表4's cell breaking an identity of its table whose amount would keep this one is the likely slip)
                given = next((value for value, _ in _given_by_its_table(context, there) if compare(
                    mine, value + min(max(mine - value, 0.0), extra), 2, context.tolerances, fiscal.resolution) != GAP), None)
                if given is not None:
                    here, there, allowed = there, here, given
                yield self.finding(
                    document, here.locate(),
                    _("{row} 栏2 is {amount} but {other_row} 栏2 is {other_amount}: counting money that is not "
                      "财政拨款 too, it may exceed it by no more than {extra} (本年支出合计 {total} − {other_total})",
                      extra=in_unit(fiscal, extra), total=in_unit(fiscal, converted(totals[0].amount(2), fiscal, summary)),
                      other_total=in_unit(fiscal, totals[1].amount(2)), **names) if mine > theirs else
                    _("{row} 栏2 is {amount} but {other_row} 栏2 is {other_amount}: counting money that is not "
                      "财政拨款 too, it may exceed it but never fall short of it", **names),
                    expected=amount(allowed),
                ), here, there


class _Cell(NamedTuple):
    """A table cell a comparison read, and how to point at it (a finding's span is made only when one is reported)."""

    table: Table
    row: Row
    column: int
    locate: Callable[[], Span]

    @classmethod
    def of(cls, document, table: Table, row: Row, column: int) -> _Cell:
        return cls(table, row, column, lambda: cell_span(document, row, row.cell(column)))

    @property
    def amount(self) -> float:
        return self.row.amount(self.column) or 0.0


def _mends_its_table(context, cell: _Cell, other: _Cell) -> bool:
    """Whether ``cell``'s class row is the likely slip of two that disagree: with ``other``'s amount in its place its own
    table's class rows would add up to their total, and ``other``'s table adds up as it is (表1's 文化旅游体育与传媒支出
    1013.03 against 表3's 1031.03, where 表1's 本年支出合计 counts 1031.03)."""
    mine, theirs = _class_rows_off(cell), _class_rows_off(other)
    if mine is None or theirs is None:
        return False
    gap = cell.amount - converted(other.amount, cell.table, other.table)
    return compare(theirs[0], 0.0, theirs[1], context.tolerances, other.table.resolution) != GAP \
        and compare(mine[0], gap, mine[1], context.tolerances, cell.table.resolution) != GAP \
        and compare(gap, 0.0, 1, context.tolerances, cell.table.resolution) == GAP


def _mends_its_row(context, cell: _Cell, other: _Cell) -> bool:
    """Whether ``cell`` is the likely slip of two that disagree: it breaks an identity of its table, of its row's columns
    (合计 = the funds' columns) or of its column's rows (本年收入合计 = the items above), that ``other``'s amount in its
    place would keep (表4's 农林水支出 一般公共预算 10,000.00元 short of its 合计, against 表5's class row; 表1's
    一般公共预算财政拨款收入 against 表4's, where 表1's 本年收入合计 adds up the other)."""
    mended = converted(other.amount, cell.table, other.table)
    return any(compare(given, mended, items, context.tolerances, cell.table.resolution) != GAP
               for given, items in _given_by_its_table(context, cell))


def _given_by_its_table(context, cell: _Cell) -> list[tuple[float, int]]:
    """``(amount, terms)``: for each identity of its table that ``cell`` breaks (see :func:`_mends_its_row`), the amount the
    identity gives the cell from the other cells, and how many terms it adds."""
    table, row, column = cell.table, cell.row, cell.column
    given = []
    for identity in table.identities:
        keys = [identity.target, *(term for _, term in identity.terms)]
        if identity.axis == "栏" and column in keys:
            cells = {key: (row, key) for key in keys}
            mine = column
        elif identity.axis == "行" and row.line_no in keys:
            cells = {key: (table.row_by_line_no(key, row.side), column) for key in keys}
            mine = row.line_no
        else:
            continue
        if any(at is None or at.amount(place) is None for at, place in cells.values()) or keys.count(mine) != 1:
            continue
        amount_of = {key: at.amount(place) for key, (at, place) in cells.items()}
        off = amount_of[identity.target] - sum(sign * amount_of[term] for sign, term in identity.terms)
        items = len(identity.terms)
        if compare(off, 0.0, items, context.tolerances, table.resolution) == GAP:
            sign = 1 if mine == identity.target else -next(sign for sign, term in identity.terms if term == mine)
            given.append((amount_of[mine] - sign * off, items))
    return given


def _misnamed(row: Row) -> bool:
    """Whether a class row's code is not the class its name names ("213 城乡社区支出", 城乡社区支出 being 212)."""
    named = class_code(row.plain_name) if row.code else None
    return named is not None and named != row.code[:3]


def _class_rows_off(cell: _Cell) -> tuple[float, int] | None:
    """How much the class rows of ``cell``'s side add up to beyond their total in its column, and how many they are; None
    when ``cell`` is no class row or the total is not printed."""
    table, column = cell.table, cell.column
    if table.kind == SUMMARY:
        total = _year_total(table, cell.row.side)
        rows = [row for row in table.rows if row.side == cell.row.side and not row.is_total and class_code(row.plain_name)]
    else:
        total = _total(table)
        rows = [row for row in table.rows if row.level == "类"]
    if total is None or total.amount(column) is None or not any(row is cell.row for row in rows):
        return None
    return sum(row.amount(column) or 0.0 for row in rows) - total.amount(column), len(rows)


def _project_spending_column(project: Table) -> int | None:
    """The column of a project table that holds the projects' spending: its first that any row fills, unless its header
    titles blocks of columns and the first is no spending ("本年拨款: 合计 … | 实际支出: 合计 …", Yunnan's 公开07表): then the first of the
    spending's block (blocks as wide), or None when that cannot be told."""
    top = project.header_lines[0] if project.header_lines else []
    blocks = [word for word in top if _BLOCK_TITLE.search(word)]
    if len(blocks) < 2 or "支出" in blocks[0]:
        # (a column no row fills holds no amounts: a cell of words titled with it, "支出功能分类科目 | 2025年预算数")
        return next((column for column in project.columns if any(column in row.values for row in project.rows)), None)
    spending = next((i for i, word in enumerate(blocks) if "支出" in word), None)
    if spending is None or len(project.columns) % len(blocks):
        return None
    return project.columns[spending * len(project.columns) // len(blocks)]


#: A title of a block of a project table's amounts ("本年拨款", "实际支出", "年初结转").
_BLOCK_TITLE = compile_re(r"拨款|支出|结转|结余|预算")


def _basic_parts(basic: Table) -> tuple[float | None, float | None] | None:
    """人员经费合计 and 公用经费合计 of the 基本支出 table (see :func:`basic_part_cells`); None when it prints
    not both."""
    cells = basic_part_cells(basic)
    if len(cells) != 2:
        return None
    return tuple(row.amount(column) for row, column in (cells["人员经费"], cells["公用经费"]))


def _same_income(context, summary: Table, fiscal: Table) -> bool:
    """Whether 表1 and 表4 print the same 本年收入合计 (all income is 财政拨款)."""
    income = _year_total(summary, "收入"), _year_total(fiscal, "收入")
    if None in income or income[0].amount(1) is None or income[1].amount(1) is None:
        return False
    return compare(converted(income[0].amount(1), fiscal, summary), income[1].amount(1), 1, context.tolerances) != GAP


def _carried_over_general(context, fiscal: Table, general: Table) -> float:
    """The 一般公共预算 carried over that a 预算's 表4 lists under 上年结转 when 表5's 合计 is this year's
    一般公共预算 appropriation only (表4's item above it) and not the spending of both; else 0. (A 决算's
    表5 spends its 年初财政拨款结转和结余 too.)"""
    this_year, carried = general_appropriation(fiscal)
    total = _total(general)
    if not carried or this_year is None or total is None or total.amount(1) is None:
        return 0.0
    same = compare(converted(total.amount(1), fiscal, general), this_year.amount(1), 1, context.tolerances, fiscal.resolution)
    return converted(carried.amount(1), general, fiscal) if same != GAP else 0.0


def _year_total(table: Table, side: str) -> Row | None:
    """A 收支总表's total of the year on ``side`` (收入 or 支出): "本年支出合计", or "一、本年支出" over its items (a 预算's)."""
    return table.row_named(f"本年{side}合计", side) or table.row_named(f"本年{side}", side)


def _total(table: Table | None) -> Row | None:
    """The 合计 row; an empty table (header and no rows) counts as all zeros."""
    if table is None:
        return None
    total = table.total()
    if total is None and not table.rows and table.has_header:
        return Row(name="合计")
    return total


#: The words naming each fund of 财政拨款.
_FUND_WORDS = ("一般公共预算", "政府性基金", "国有资本经营")


def _summary_income_item(summary: Table, fund_words: str) -> Row | None:
    """表1's item of this year's income from one fund ("二、政府性基金预算财政拨款收入"), above its 本年收入合计."""
    for row in summary.rows:
        if row.side == "收入" and row.plain_name.startswith("本年收入"):
            return None
        if row.side == "收入" and fund_words in row.plain_name and "结转" not in row.plain_name and "结余" not in row.plain_name:
            return row
    return None


def _income_item(fiscal: Table, fund_words: str) -> Row | None:
    """表4's item of this year's income from one fund ("二、政府性基金预算财政拨款"), above 本年收入合计 (the
    year-start balances below it name the funds alike)."""
    for row in fiscal.rows:
        if row.side == "收入" and row.plain_name.startswith("本年收入合计"):
            return None
        if row.side == "收入" and fund_words in row.plain_name and "结转" not in row.plain_name:
            return row
    return None


def _balance_columns(table: Table | None) -> tuple[int, int] | None:
    """The 本年收入 and 年末结转和结余 columns of a fund's table that its notes add up ("6=(1+2-3)": 2 and
    6), or of one printing the six columns of the national template; None for a table of spending only."""
    if table is None:
        return None
    for identity in table.identities:
        signs = dict((column, sign) for sign, column in identity.terms)
        positive = [column for column, sign in signs.items() if sign > 0]
        if identity.axis == "栏" and -1 in signs.values() and len(positive) == 2:
            return max(positive), identity.target
    return (2, 6) if len(table.columns) == 6 else None


def _spending_column(table: Table | None, only_spending: int | None = None) -> int | None:
    """The 本年支出 column of a fund's table: the one its notes subtract ("6=(1+2-3)"), or the third of
    one printing the six columns of the national 政府性基金 table (年初结转和结余, 本年收入, 本年支出 …);
    else ``only_spending`` (the 合计 of a table of spending only, as the 国有资本经营 table usually is)."""
    if table is None:
        return None
    for identity in table.identities:
        negative = [column for sign, column in identity.terms if sign < 0]
        if identity.axis == "栏" and len(negative) == 1:
            return negative[0]
    return 3 if len(table.columns) == 6 else only_spending
