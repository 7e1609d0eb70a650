"""Read an Excel workbook (.xlsx, openpyxl): each sheet one table, with its title and unit line.

A sheet's leading rows with a single text cell are its title and notes ("2024年度收入支出决算
总表", "单位：万元"); the table starts at the first row with two or more cells. Numbers are
printed as the sheet shows them (the decimals of the cell's number format), so each keeps the
rounding interval its reader sees. Formulas count by their cached values.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from linter.patterns import compile_re
from linter.read.decode import SourceFile
from linter.read.extracted import ExtractedText, refusing_broken, unit_of
from linter.read.location import Location

_SHEET_NUMBER = compile_re(r"表\s*(\d{1,2})")


def read_xlsx(path: Path) -> SourceFile:
    """The extracted text of the workbook at ``path`` (raises :class:`InputError` when unreadable)."""
    out = ExtractedText(str(path), "xlsx")
    add_workbook(out, path)
    return out.source()


def add_workbook(out: ExtractedText, path: Path, own_path: bool = False) -> None:
    """Append every sheet of the workbook at ``path`` to ``out``; with ``own_path`` locations
    name the workbook (it is read together with a Word document)."""
    from openpyxl import load_workbook

    with refusing_broken("Excel (.xlsx)"):
        _add_sheets(out, load_workbook(str(path), data_only=True), str(path) if own_path else None)


def _add_sheets(out: ExtractedText, workbook, owner: str | None) -> None:
    from openpyxl.utils import get_column_letter

    for sheet in workbook.worksheets:
        rows = [[_shown(cell) for cell in row] for row in sheet.iter_rows()]
        width = max((max((i + 1 for i, v in enumerate(row) if v), default=0) for row in rows), default=0)
        rows = [row[:width] for row in rows]

        def location(r: int, c: int, first: int = 0) -> Location:
            return Location(path=owner, sheet=sheet.title, cell=f"{get_column_letter(c + 1)}{r + first + 1}")

        first = 0
        title = ""
        title_at = None
        unit = ""
        while first < len(rows) and sum(1 for v in rows[first] if v) <= 1:
            text = next((v for v in rows[first] if v), "")
            if text:
                column = next(i for i, v in enumerate(rows[first]) if v)
                start = out.line(text, location(first, column))
                if unit_of(text):
                    unit = unit_of(text)
                elif not title:
                    title, title_at = text, (start, start + len(text))
            first += 1
        if not title:
            title = sheet.title
        match = _SHEET_NUMBER.search(sheet.title)
        out.table(title, unit, rows[first:], lambda r, c, f=first: location(r, c, f),
                  number=int(match.group(1)) if match else None, title_at=title_at)
    workbook.close()


def _shown(cell) -> str:
    """A cell's value as the sheet shows it."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, (int, float)):
        return _number(value, cell.number_format or "General")
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return str(value).strip()


def _number(value: float, number_format: str) -> str:
    fmt = number_format.split(";")[0]
    decimals = re.search(r"\.(0+)", fmt)
    percent = "%" in fmt
    if percent:
        value *= 100
    if decimals:
        text = f"{value:,.{len(decimals.group(1))}f}" if "," in fmt else f"{value:.{len(decimals.group(1))}f}"
    elif float(value).is_integer():
        text = f"{int(value):,}" if "," in fmt else str(int(value))
    else:
        text = f"{value:.10f}".rstrip("0").rstrip(".")
    return text + ("%" if percent else "")
