"""Table errors: a changed cell (``table-cell``) and a malformed number in a cell (``table-malformed``).

Both pick an amount on a table row keyed by a subject code (类 "201", 款 "20106" or "201 06", 项
"2010601" or "201 06 01") or on a 合计/总计 row, found by the row's own shape, not by disclint's
parser. Every such amount takes part in a sum the table prints (its parent row, the 合计 row, or
the columns' identity), so a changed cell is provable from the table alone.
"""

from __future__ import annotations

import random
import re

from injection import Injection

#: A table row: a subject code (possibly split by spaces or tabs) or a total, then amounts.
_ROW = re.compile(r"^[ \t]*(?:[12]\d{2}(?:[ \t]?\d{2}){0,2}|合计|总计)[\t ]")
_CODED = re.compile(r"^[ \t]*[12]\d{2}(?:[ \t]?\d{2}){0,2}[\t ]")
_AMOUNT = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+\.\d{2}(?![\d.,])|(?<![\d.,])\d+\.\d{2}(?![\d.,])")
_CELL_CODES = frozenset({"TBL002", "TBL003", "TBL004", "TBL006"})


def _cells(text: str) -> list[re.Match]:
    """Every amount (two decimals, as tables print them) on a table row."""
    cells = []
    offset = 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if _ROW.match(line) and "。" not in line and _among_coded_rows(lines, index):
            cells.extend(
                _Shifted(match, offset) for match in _AMOUNT.finditer(line) if float(match.group().replace(",", ""))
            )
        offset += len(line) + 1
    return cells


def _among_coded_rows(lines: list[str], index: int) -> bool:
    """Whether a subject-coded row lies within a few lines (a 合计 alone is not a table)."""
    return any(_CODED.match(line) for line in lines[max(0, index - 8):index + 9])


class _Shifted:
    """A match on one line, with offsets in the whole text."""

    def __init__(self, match: re.Match, offset: int) -> None:
        self.text = match.group()
        self.start = offset + match.start()
        self.end = offset + match.end()


def _changed_amount(text: str, rng: random.Random) -> str:
    """``text`` with one digit of its whole part changed (a difference of at least 1)."""
    positions = [i for i, c in enumerate(text.split(".")[0]) if c.isdigit()]
    position = rng.choice(positions)
    digits = [d for d in "0123456789" if d != text[position] and not (position == 0 and d == "0")]
    if not digits:
        digits = ["1"]
    return text[:position] + rng.choice(digits) + text[position + 1:]


def _malformed_amount(text: str, rng: random.Random) -> str:
    """``text`` written as drafts garble it: two decimal points, a thousands group of four, …."""
    whole, decimals = text.split(".")
    forms = [f"{whole}.{decimals[0]}.{decimals[1:]}", f"{whole}..{decimals}", f"{whole}.{decimals}.{decimals}"]
    digits = whole.replace(",", "")
    if len(digits) >= 5:
        forms.append(f"{digits[:-4]},{digits[-4:]}.{decimals}")
    return rng.choice(forms)


def _inject(text: str, rng: random.Random, change, codes: frozenset[str]) -> Injection | None:
    cells = _cells(text)
    if not cells:
        return None
    cell = rng.choice(cells)
    new = change(cell.text, rng)
    mutated = text[:cell.start] + new + text[cell.end:]
    return Injection(mutated, cell.start, cell.start + len(new), codes, f"{cell.text} → {new}")


def table_cell(text: str, rng: random.Random) -> Injection | None:
    return _inject(text, rng, _changed_amount, _CELL_CODES)


def table_malformed(text: str, rng: random.Random) -> Injection | None:
    return _inject(text, rng, _malformed_amount, frozenset({"NUM001"}))


CLASSES = {"table-cell": table_cell, "table-malformed": table_malformed}
