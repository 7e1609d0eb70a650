"""Helpers shared by the table rules: finding tables, comparing sums with tail tolerance."""

from __future__ import annotations

import math

from collections.abc import Callable

from linter.check.finding import Finding, Severity
from linter.check.interval import format_amount
from linter.check.rule import Tolerances
from linter.document import Span
from linter.extract.numbers import YUAN
from linter.extract.tables import BY_ECONOMIC_CODE, Row, Table, Value
from linter.i18n import _
from linter.patterns import compile_re

#: Outcome of a comparison: equal, a tail difference (≤ tail_per_item per added item) or a gap.
EQUAL, TAIL, GAP = "equal", "tail", "gap"


def _scale(tolerances: Tolerances, resolution: float | None) -> float:
    """How many ``amount_unit`` steps one printed step is (1 for "852.68", 100 for "8526800")."""
    return max(1.0, (resolution or tolerances.amount_unit) / tolerances.amount_unit)


def compare(printed: float, computed: float, items: int, tolerances: Tolerances, resolution: float | None = None) -> str:
    """Whether a printed amount equals a recomputed one, is off by a rounding tail, or is not.
    The tolerances are in steps of ``amount_unit`` (0.01); amounts printed in whole units
    (``resolution`` 1, a table in 元 without decimals) scale them: a tail of 1 元 per item."""
    scale = _scale(tolerances, resolution)
    difference = abs(printed - computed)
    if difference < tolerances.amount_unit * scale / 2:
        return EQUAL
    if difference <= tolerances.tail_per_item * scale * max(1, items) + 1e-9:
        return TAIL
    return GAP


def classification(table: Table) -> str:
    """The 政府收支分类 a table's codes are of: "经济" for the tables by economic code (基本支出表 …), else "功能"."""
    return "经济" if table.kind in BY_ECONOMIC_CODE else "功能"


def readable(tables: list[Table], kind: str | None = None) -> list[Table]:
    """Tables read with confidence (of ``kind``)."""
    return [t for t in tables if t.problem is None and (kind is None or t.kind == kind)]


def first(tables: list[Table], kind: str) -> Table | None:
    """The first table of ``kind`` read with confidence."""
    return next((t for t in tables if t.problem is None and t.kind == kind), None)


def amount(value: float) -> str:
    return format_amount(value)


def row_label(table: Table, row: Row) -> str:
    key = row.code or (f"{row.line_no}行" if row.line_no and table.numbered_rows else "")
    return f"{table.label} {key} {row.plain_name}".replace("  ", " ").strip()


def cell_span(document, row: Row, cell: Value | None):
    """The span of a cell, or of the whole row when the cell is empty."""
    if cell is not None:
        return document.source_span(cell.start, cell.end)
    return document.source_span(row.start, row.end)


def in_unit(table: Table, value: float) -> str:
    """An amount as the table prints it (its decimals, its thousands separators: "539.00", "20,590,549.62"), with the
    table's unit when its unit line gives one."""
    decimals = max(0, round(-math.log10(table.resolution)))
    return (f"{value:,.{decimals}f}" if table.grouped else f"{value:.{decimals}f}") + (table.unit or "")


def converted(value: float, table: Table, other: Table) -> float:
    """An amount of ``other`` in the unit of ``table`` (unchanged when either unit is unknown)."""
    if table.unit is None or other.unit is None:
        return value
    return value * YUAN[other.unit] / YUAN[table.unit]


def gap_finding(rule, document, context, locate: Callable[[], Span], printed: float, computed: float,
                items: int, describe: Callable[[], str], resolution: float | None = None,
                tail_severity: Severity = Severity.INFO) -> Finding | None:
    """The finding for a printed amount its recomputation does not give, at ``locate()`` and
    saying ``describe()`` (both called only then: most amounts agree): ``tail_severity`` when the
    difference is a rounding tail, the rule's severity otherwise; None when they agree."""
    outcome = compare(printed, computed, items, context.tolerances, resolution)
    if outcome == EQUAL:
        return None
    span, message = locate(), describe()
    if outcome == TAIL:
        tail = context.tolerances.tail_per_item * _scale(context.tolerances, resolution)
        message = _("{message}; within the rounding tail of {tail} per item", message=message,
                    tail=format_amount(tail))
    return rule.finding(document, span, message, expected=amount(computed),
                        severity=tail_severity if outcome == TAIL else None)


def general_appropriation(fiscal: Table) -> tuple[Row | None, Row | None]:
    """表4's 收入 items of the 一般公共预算: this year's appropriation, and the one carried over from last year ("二、上年结转
    （一）一般公共预算拨款", or "二、上年结转" alone where no other fund has income), each None when it prints none."""
    this_year = carried = carry_over = None
    other_funds = False
    for row in fiscal.rows:
        if row.side != "收入":
            continue
        general_item = "一般公共预算" in row.plain_name and row.amount(1) is not None
        other_funds = other_funds or (_OTHER_FUND.search(row.plain_name) is not None and bool(row.amount(1)))
        if "上年结转" in row.plain_name and not general_item:
            carry_over = row
        elif general_item and (carry_over is not None or "上年结转" in row.plain_name):
            carried = row if carried is None else carried
        elif general_item and this_year is None:
            this_year = row
    if carried is None and carry_over is not None and carry_over.amount(1) and not other_funds:
        carried = carry_over  # "二、上年结转 137,655.00" with no fund under it: the 一般公共预算 is the only fund
    return this_year, carried


#: Another fund than the 一般公共预算's, named by an income item.
_OTHER_FUND = compile_re(r"政府性基金|国有资本经营")


def carries_over(table: Table | None) -> bool:
    """Whether a table's header titles a column of balances carried over (a 预算's 收入表, "合计 | 上年结转
    | 财政拨款收入 | …": its 合计 is then the 收入总计)."""
    return table is not None and any("结转" in word for line in table.header_lines for word in line)


#: A 收入表's column titles in a header line: 合计, then the sources of income.
_INCOME_COLUMN_TITLE = compile_re(r"(?:本年收入)?合计|\w*收入|\w*拨款|\w*资金|\w*结转(?:和?结余)?")  # ("上年结转结余")


#: The sources of income the national 收入表 titles its columns with, for a header whose titles a layout printed
#: without a space between them ("本年收入合计财政拨款收入事业收入其他收入").
_KNOWN_INCOME_TITLE = compile_re(r"本年收入合计|合计|(?:一般公共预算|政府性基金预算|国有资本经营预算)?财政拨款收入|上级补助收入|事业收入"
                                 r"|经营收入|(?:附属单位)?上缴收入|其他收入")  # ("附属单位" wrapped onto the line above)


def _finished_titles(upper: list[str], lower: list[str]) -> list[str]:
    """A header's titles printed over two lines, each known title of the upper line whole or finished, in order, by the
    lower's words ("本年收入 | 财政拨款 | 上级补助 | 事业收入 | … | 附属单位 | 其他收入" over "合计 | 收入 | 收入 | 上缴收入");
    empty when they do not make known titles so."""
    below = iter([word for word in lower if word not in ("科目编码", "科目名称", "项目")])
    titles = [word if _KNOWN_INCOME_TITLE.fullmatch(word) else word + next(below, "")
              for word in upper if word not in ("科目编码", "科目名称", "项目")]
    return titles if next(below, None) is None and all(map(_KNOWN_INCOME_TITLE.fullmatch, titles)) else []


def basic_split(table: Table) -> bool:
    """Whether a table of spending titles its 基本支出 as two columns, 人员经费 and 公用经费, with no subtotal ("合计 |
    人员经费 | 公用经费 | 项目支出", Yunnan's 一般公共预算支出预算表): no one column is its 基本支出."""
    return _basic_in_parts(table) and "小计" not in _header_words(table) and len(table.columns) == 4


def project_spending_column(table: Table) -> int:
    """The 项目支出 column of a table of spending by subject: the third ("合计 | 基本支出 | 项目支出"), or the last where its
    header splits the 基本支出 into 人员经费 and 公用经费 ("合计 | 基本支出 (小计 人员经费 公用经费) | 项目支出", "合计 |
    人员经费 | 公用经费 | 项目支出")."""
    return table.columns[-1] if _basic_in_parts(table) and len(table.columns) in (4, 5) else 3


def _header_words(table: Table) -> set[str]:
    return {word for line in table.header_lines for word in line}


def _basic_in_parts(table: Table) -> bool:
    """Whether the table's header titles the 基本支出's parts, 人员经费 and 公用经费."""
    return {"人员经费", "公用经费"} <= _header_words(table)


def income_columns(table: Table) -> dict[str, int]:
    """The 收入表's value columns by title ("一般公共预算拨款收入" → 2), from a header line that titles
    each of them once, in order (its titles printed apart, or run together from known ones), or from two lines that
    do, the lower finishing the upper's titles in order; empty when none does."""
    for words in [*table.header_lines, *map(_finished_titles, table.header_lines, table.header_lines[1:])]:
        titles = [word for word in words if _INCOME_COLUMN_TITLE.fullmatch(word)]
        if len(titles) != len(table.columns):
            joined = "".join(words)
            titles = _KNOWN_INCOME_TITLE.findall(joined)
            if "".join(titles) != joined.removeprefix("科目编码").removeprefix("科目名称").removeprefix("项目"):
                continue
        if len(titles) == len(table.columns) and len(set(titles)) == len(titles):
            return dict(zip(titles, table.columns))
    return {}


def identity_gives(row, identity, column: int) -> float | None:
    """``row``'s amount in ``column`` as the column identity ``identity`` gives it from the row's other cells (小计 = 购置费 +
    运行维护费, or 运行维护费 = 小计 − 购置费); None when the identity does not name the column or a cell it needs is
    unknown."""
    terms = {number: sign for sign, number in identity.terms}
    if column != identity.target and column not in terms:
        return None
    amounts = {number: row.amount(number) for number in (identity.target, *terms) if number != column}
    if None in amounts.values():
        return None
    others = sum(sign * amounts[number] for number, sign in terms.items() if number != column)
    return others if column == identity.target else terms[column] * (amounts[identity.target] - others)


def row_above(table, row):
    """The row a code table prints ``row`` under (the 款 of a 项, the 类 of a 款, the 合计 of a 类), if any."""
    if not row.code or len(row.code) not in (3, 5, 7):
        return None
    if len(row.code) == 3:
        return next((other for other in table.rows if other.is_total and not other.code), None)
    return next((other for other in table.rows if other.code == row.code[:-2]), None)


def rows_under(table, row, amount_of) -> float | None:
    """The sum of ``amount_of`` the rows a code table prints under ``row``: the 类 rows under its 合计, the 款 rows
    under a 类, the 项 rows under a 款; None when it prints none, or one of them has no amount there."""
    if row.is_total and not row.code:
        length, prefix = 3, ""
    elif row.code and len(row.code) in (3, 5):
        length, prefix = len(row.code) + 2, row.code
    else:
        return None
    under = [amount_of(other) for other in table.rows
             if other.code and len(other.code) == length and other.code.startswith(prefix)]
    return None if not under or None in under else sum(under)
