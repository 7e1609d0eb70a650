"""The 预算执行情况 row of a 绩效自评表: "年度财政资金总额	489.75	408.13	83.33%	16.67".

Under a header that names the columns (执行数 … 执行率), the row of the total funds prints the
budget (年初预算数 and 全年预算数, or one 预算数), the amount executed, the points of the item
where the header has a 分值 column, then the execution rate: an execution claim read from a table
row. Only a row whose cells are exactly these amounts followed by a percentage is read; anything
else is skipped.
"""

from __future__ import annotations

from linter.extract.claims import Execution
from linter.extract.numbers import Number, parse_number
from linter.patterns import compile_re

#: The row of the total funds ("年度资金总额", "年度财政资金总额", "部门整体支出总额").
_FUNDS_ROW = compile_re(r"^\s*[^\t\d]{0,12}(?:资金总额|支出总额)\t")
#: A header naming what the row's columns hold.
_HEADER = compile_re(r"执行数.*执行率")
#: How many lines above the row the header may stand (a title line between).
_HEADER_REACH = 3
_AMOUNT = compile_re(r"[\d,]+(?:\.\d+)?")
_PERCENT = compile_re(r"\d+(?:\.\d+)?%")


def execution_rows(text: str) -> list[Execution]:
    """Every 预算执行情况 row of flow text ``text`` as an execution (numbers in flow offsets)."""
    found = []
    lines = text.split("\n")
    offset = 0
    for index, line in enumerate(lines):
        if "总额\t" in line and _FUNDS_ROW.match(line):
            header = lines[max(0, index - _HEADER_REACH):index]
            if any(_HEADER.search(above) for above in header):
                execution = _row(line, offset, scored=any("分值" in above for above in header))
                if execution is not None:
                    found.append(execution)
        offset += len(line) + 1
    return found


def _row(line: str, offset: int, scored: bool) -> Execution | None:
    """The row's budgets, amount executed and rate, when its filled cells after the label are two
    or three amounts (and the 分值 when ``scored``), then a percentage."""
    filled, position = [], 0  # (text, flow offset) of each filled cell
    for cell in line.split("\t"):
        stripped = cell.strip()
        if stripped:
            filled.append((stripped, offset + position + cell.index(stripped)))
        position += len(cell) + 1
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
