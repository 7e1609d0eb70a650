"""The 预算执行情况 rows of a 绩效自评表: "年度财政资金总额	489.75	408.13	83.33%	16.67".

Under a header that names the columns (执行数 … 执行率), the row of the total funds prints the
budget (年初预算数 and 全年预算数, or one 预算数), the amount executed, the points of the item
where the header has a 分值 column, then the execution rate: an execution claim read from a table
row. Only a row whose cells are exactly these amounts followed by a percentage is read; anything
else is skipped.

Where every row has as many cells as the header, each row under it (年度资金总额, 财政拨款, 基本支出 …)
is read by the header's columns, its rate printed with or without "%" ("执行率（%）	…	97.0"); so is a 决算
table's row of its budgets, its 决算数 and the rate of completion ("年初预算数 | 调整预算数 | 决算数 | 完成年初预算").
"""

from __future__ import annotations

from itertools import accumulate

from linter.extract.claims import Execution
from linter.extract.numbers import Number, parse_number
from linter.patterns import compile_re

#: The row of the total funds ("年度资金总额", "年度财政资金总额", "部门整体支出总额"), its cells parted by tabs or, as a
#: PDF's text lays them out, by spaces.
_FUNDS_ROW = compile_re(r"^\s*[^\t\d ]{0,12}(?:资金总额|支出总额)(?:\t|\s+(?=\d))")
#: A cell of a line laid out with spaces: a word, or words parted by one space (a header's, a row's name).
_SPACED_CELL = compile_re(r"\S+")
_SPACE_LAID_CELL = compile_re(r"\S+(?: \S+)*")
#: A header naming what the row's columns hold.
_HEADER = compile_re(r"执行数.*执行率")
#: How many lines above the row the header may stand (a title line between).
_HEADER_REACH = 3
_AMOUNT = compile_re(r"[\d,]+(?:\.\d+)?")
_PERCENT = compile_re(r"\d+(?:\.\d+)?%")
_RATE = compile_re(r"\d+(?:\.\d+)?%?")
#: A note in brackets after a column's name ("执行率（%）", "预算数（A）", "得分（20分*执行率）").
_BRACKETED = compile_re(r"[(（][^)）]*[)）]|\s")
#: What a header cell's column holds, by its name without notes.
_COLUMN_KINDS = {
    "年初预算数": "年初", "年初预算": "年初",
    "全年预算数": "全年", "全年预算": "全年", "调整后预算数": "全年", "调整预算数": "全年", "预算数": "全年",
    "全年执行数": "执行", "执行数": "执行", "实际执行数": "执行", "决算数": "执行", "支出决算数": "执行",
    "执行率": "率", "预算执行率": "率", "完成年初预算": "率", "完成预算": "率", "完成率": "率",
}
#: A line numbering the columns under the header ("栏次	1	2	3", "行次").
_COLUMN_NUMBERS = compile_re(r"\s*(?:栏次|栏号|行次|序号)")
#: Most rows read under one header (a 资金 block has a handful).
_ROWS_REACH = 12


def document_execution_rows(document) -> list[Execution]:
    """:func:`execution_rows` of ``document``'s flow text, read once per document (``document.derived``): ARI003 checks
    them, TBL002 leaves their rates to it."""
    return execution_rows(document.flow.text)


def grid_execution_rows(document) -> list[Execution]:
    """:func:`execution_rows` of the tables a Word document or a workbook holds (their rows are no flow text), or of a
    text's rows laid out with spaces (the flow text joins their cells: "年度资金总额1120.00 1296.80 1286.45 10 92.90%9.92"),
    numbers in original-file offsets, read once per document: ARI003 checks them."""
    text, found = document.original.text, []
    if not document.source.grids:
        return [row for row in execution_rows(text) if "\t" not in text[row.start:row.end]]
    for grid in document.source.grids:
        if not grid.row_starts:
            continue
        start = min(grid.row_starts)
        end = text.find("\n", max(grid.row_starts))
        found += [_shifted(row, start) for row in execution_rows(text[start:end if end >= 0 else len(text)])]
    return found


def _shifted(execution: Execution, offset: int) -> Execution:
    """``execution`` with its offsets ``offset`` later."""
    def moved(number):
        return number if number is None else number._replace(start=number.start + offset, end=number.end + offset)

    return Execution(moved(execution.budget), moved(execution.actual), moved(execution.rate), execution.start + offset,
                     execution.end + offset, {kind: moved(number) for kind, number in execution.budgets.items()})


def execution_rows(text: str) -> list[Execution]:
    """Every 预算执行情况 row of flow text ``text`` as an execution (numbers in flow offsets), once each."""
    found = {}
    lines = text.split("\n")
    starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
    for index, line in enumerate(lines):
        if "总额" in line and _FUNDS_ROW.match(line):
            header = lines[max(0, index - _HEADER_REACH):index]
            if any(_HEADER.search(above) for above in header):
                execution = _row(line, starts[index], scored=any("分值" in above for above in header))
                if execution is not None:
                    found[execution.rate.start] = execution
        if ("执行率" in line or "完成" in line) and (columns := _columns(line)) is not None:
            for below in range(index + 1, min(index + 1 + _ROWS_REACH, len(lines))):
                if ("\t" in lines[below]) != ("\t" in line) or _columns(lines[below]) is not None:
                    break
                execution = _aligned_row(lines[below], starts[below], columns)
                if execution is not None:
                    found.setdefault(execution.rate.start, execution)
    return sorted(found.values(), key=lambda e: e.start)


def _columns(header: str) -> tuple[int, dict[str, int], bool, bool] | None:
    """The header's number of cells, the index of each column it names (one budget at least, the amount
    executed and the rate), whether it says the rates are in percent ("执行率（%）") and whether they are of the
    年初预算 ("完成年初预算")."""
    cells = _cells(header)
    kinds: dict[str, int] = {}
    for index, cell in enumerate(cells):
        kind = _COLUMN_KINDS.get(_BRACKETED.sub("", cell))
        if kind is not None:
            if kind in kinds:
                return None
            kinds[kind] = index
    if not {"执行", "率"} <= kinds.keys() or not {"年初", "全年"} & kinds.keys():
        return None
    rate = cells[kinds["率"]]
    return len(cells), kinds, "%" in rate or "％" in rate, "年初" in rate


def _cells(line: str) -> list[str]:
    """A line's cells, without the empty ones at its end (see :func:`_placed_cells`)."""
    return [cell for cell, _ in _placed_cells(line)]


def _placed_cells(line: str) -> list[tuple[str, int]]:
    """``(cell, where it starts in the line)`` of a tab-separated line, without the empty cells at its end; of a line laid
    out with spaces (a PDF's text), its words parted by two spaces or more."""
    if "\t" not in line:
        return [(cell.group(), cell.start()) for cell in _SPACE_LAID_CELL.finditer(line)]
    split = line.split("\t")
    cells = list(zip(split, accumulate((len(cell) + 1 for cell in split), initial=0)))
    while cells and not cells[-1][0].strip():
        cells.pop()
    return cells


def _aligned_row(line: str, offset: int, columns: tuple[int, dict[str, int], bool, bool]) -> Execution | None:
    """A row with as many cells as its header, read by the header's columns: the budgets, the amount
    executed and the rate, all printed."""
    count, kinds, in_percent, of_initial = columns
    placed = _placed_cells(line)
    if len(placed) != count or _COLUMN_NUMBERS.match(line):
        return None  # (nor the line numbering the columns: "栏次	1	2	3")
    cells, starts = [cell for cell, _ in placed], [offset + start for _, start in placed]
    numbers = {}
    for kind, index in kinds.items():
        text = cells[index].strip()
        is_rate = kind == "率"
        if not (_RATE.fullmatch(text) and (in_percent or text.endswith("%")) if is_rate else _AMOUNT.fullmatch(text)):
            return None
        start = starts[index] + cells[index].index(text)
        digits = text.rstrip("%")
        numbers[kind] = _number(digits, "%" if is_rate else "", start, len(text) if is_rate else None)
    if any(number.value is None for number in numbers.values()):
        return None
    budgets = {kind: numbers[kind] for kind in ("年初", "全年") if kind in numbers}
    if of_initial and "年初" in budgets:
        budgets = {"年初": budgets["年初"]}  # the rate of the 年初预算 its column names
    budget = budgets.get("全年", budgets.get("年初"))
    first = min(number.start for number in numbers.values())
    return Execution(budget, numbers["执行"], numbers["率"], first, numbers["率"].end, budgets if len(budgets) > 1 else {})


def _row(line: str, offset: int, scored: bool) -> Execution | None:
    """The row's budgets, amount executed and rate, when its filled cells after the label are two
    or three amounts (and the 分值 when ``scored``), then a percentage."""
    # (text, flow offset) of each filled cell: of a tab-separated line, its cells; of one laid out with spaces, its words
    filled = [(cell.strip(), offset + start + cell.index(cell.strip())) for cell, start in _placed_cells(line) if cell.strip()] \
        if "\t" in line else [(cell.group(), offset + cell.start()) for cell in _SPACED_CELL.finditer(line)]
    values = filled[1:]  # after the label
    rate_at = next((i for i, (text, _) in enumerate(values) if text.endswith("%")), None)
    if rate_at is None or not _PERCENT.fullmatch(values[rate_at][0]):
        return None
    money = values[:rate_at - 1] if scored else values[:rate_at]
    if len(money) not in (2, 3) or not all(_AMOUNT.fullmatch(text) for text, _ in values[:rate_at]):
        return None
    amounts = [_number(text, "", start) for text, start in money]
    if any(a.value is None for a in amounts):
        return None
    rate_text, rate_start = values[rate_at]
    rate = _number(rate_text[:-1], "%", rate_start, len(rate_text))
    budgets = {"年初": amounts[0], "全年": amounts[1]} if len(amounts) == 3 else {}
    return Execution(amounts[-2], amounts[-1], rate, amounts[0].start, rate.end, budgets)


def _number(digits: str, unit: str, start: int, length: int | None = None) -> Number:
    value, decimals = parse_number(digits)
    return Number(digits, unit, start, start + (length or len(digits)), value, decimals)
