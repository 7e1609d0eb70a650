"""The 总分 row of a 绩效自评表 and the scored rows above it: "…	预算执行率	…	10	9.32", "…	数量指标	…	≥6次	7次	50	50.00",
then "总分	…	100	96.32".

A row's 分值 and 得分 are its last two cells that hold a plain number (no unit, no %: "≥6次", "93.20%" are no score),
with only words after them, the 得分 no more than the 分值. The rows run up from the 总分 row to a line without a tab or the table's title
("…绩效自评表"). They are read only where their 分值 add up to the 总分 row's exactly (100): a row whose cells hold
other plain numbers (an 指标值 "100" beside an empty score) cannot pass for one, and the 得分 must then add up to the
总分's too.
"""

from __future__ import annotations

from dataclasses import dataclass

from linter.normalise.position import SourceText
from linter.patterns import compile_re

#: The row of the total score.
_TOTAL_ROW = compile_re(r"\s*总\s*分(?:\t| {2,})")
#: A cell holding a plain number, and how cells are separated (tabs, or a layout's wide gaps).
_PLAIN = compile_re(r"\d{1,3}(?:\.\d{1,2})?")
_CELLS = compile_re(r"\t| {2,}")
_HAN = compile_re(r"[\u4e00-\u9fff]")
#: The title of a self-evaluation table, where its rows begin.
_TITLE = compile_re(r"自评表")
#: How many rows a self-evaluation table has at most.
_ROWS_REACH = 40


@dataclass(frozen=True)
class Score:
    """A row's 分值 (``weight``) and 得分, the 得分 at original offsets ``start``–``end``."""

    weight: float
    points: float
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class ScoreTotal:
    """A 总分 row and the scored rows above it, their 分值 adding up to its own."""

    total: Score
    rows: tuple[Score, ...]


def score_totals(source: SourceText) -> list[ScoreTotal]:
    """Every 总分 row of the text whose rows above it add up to its 分值 (see the module docstring)."""
    found = []
    lines = source.lines()
    for index, (offset, raw) in enumerate(lines):
        if "分" not in raw or not _TOTAL_ROW.match(raw) or (total := _score(offset, raw)) is None:
            continue
        rows = []
        for above_offset, above in reversed(lines[max(0, index - _ROWS_REACH):index]):
            if _TITLE.search(above) or not _CELLS.search(above.strip()):
                break
            if (score := _score(above_offset, above)) is not None:
                rows.append(score)
        if len(rows) > 1 and abs(sum(row.weight for row in rows) - total.weight) < 1e-6:
            found.append(ScoreTotal(total, tuple(reversed(rows))))
    return found


def _score(offset: int, raw: str) -> Score | None:
    """The 分值 and 得分 of a row: its last two cells holding plain numbers, only words after them (a note on the
    deviation, not "—" in an unscored row's place), the 得分 no more than the 分值."""
    cells, after, position = [], False, 0
    for separator in [*_CELLS.finditer(raw), None]:
        end = separator.start() if separator else len(raw)
        cell = raw[position:end].strip()
        if _PLAIN.fullmatch(cell):
            start = position + raw[position:end].index(cell)
            cells.append((cell, offset + start))
            after = False
        elif cell:
            after = after or not _HAN.search(cell)
        position = separator.end() if separator else end
    if len(cells) < 2 or after:
        return None
    (weight, _), (points, start) = cells[-2], cells[-1]
    if float(points) > float(weight):
        return None
    return Score(float(weight), float(points), points, start, start + len(points))
