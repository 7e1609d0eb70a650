"""Read an Excel workbook: each sheet one table, with its title and unit line. An .xlsx is read
with openpyxl, an Excel 97–2003 .xls (which finance offices and WPS still save) with xlrd; the
file's first bytes decide, so a workbook saved under the other format's name is read too.

Hidden sheets (a helper sheet, last year's copy) are left out: they are not what is published.
A sheet's leading rows with a single text cell are its title and notes ("2024年度收入支出决算
总表", "单位：万元"), and so are a title with its number beside it ("…支出决算表 | 公开05表") and the
department beside the unit ("部门：某局 | 金额单位：万元"); the table starts at the first other row. Numbers are
printed as the sheet shows them (the decimals of the cell's number format), so each keeps the
rounding interval its reader sees. Formulas count by their cached values.
"""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path

from linter.patterns import compile_re
from linter.i18n import _
from linter.numerals import chinese_int, decimal_int
from linter.read.decode import InputError, SourceFile, WorkbookError
from linter.extract.tables import FORM_PREFIX, ISSUER, unit_of
from linter.read.extracted import ExtractedText, refusing_broken
from linter.read.location import Location

_SHEET_NUMBER = compile_re(rf"表\s*(\d{{1,2}})|{FORM_PREFIX}\s*(\d{{1,2}})\s*表")
#: A table's number in a row of its own above its title ("表5", "附表五").
_NUMBER_ALONE = compile_re(rf"{FORM_PREFIX}?表\s*(\d{{1,2}}|[一二三四五六七八九十]{{1,3}})|{FORM_PREFIX}(\d{{1,2}})\s*表")
#: How an OLE2 compound file (an Excel 97–2003 workbook, a Word 97–2003 document) begins.
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_xlsx(path: Path) -> SourceFile:
    """The extracted text of the workbook at ``path`` (raises :class:`InputError` when unreadable)."""
    out = ExtractedText(str(path), "xlsx")
    add_workbook(out, path)
    return out.source()


def add_workbook(out: ExtractedText, path: Path, own_path: bool = False) -> None:
    """Append every sheet of the workbook at ``path`` to ``out``; with ``own_path`` locations
    name the workbook (it is read together with a Word document)."""
    owner = str(path) if own_path else None
    try:
        sheets = _sheets(path)
    except InputError as error:
        if own_path:  # the tables of a Word document or text file: the workbook is at fault, not the document
            raise WorkbookError(str(error), str(path)) from error
        raise
    for name, rows in sheets:
        _add_sheet(out, name, rows, owner)


def _sheets(path: Path) -> list[tuple[str, list[list[str]]]]:
    """The sheets of the workbook at ``path`` (.xlsx, or .xls by its signature), or an :class:`InputError` saying why
    they cannot be read."""
    start = _first_bytes(path)
    if start.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        raise InputError(_("a web page or XML saved under an Excel name, which disclint does not read: open it in "
                           "Excel or WPS, save it as .xlsx and lint that"))
    if start == OLE2_SIGNATURE:
        with refusing_broken("Excel 97–2003 (.xls)"):
            return _xls_sheets(path)
    with refusing_broken("Excel (.xlsx)"):
        return _xlsx_sheets(path)


def _first_bytes(path: Path) -> bytes:
    """The first bytes of the file at ``path``, as many as :data:`OLE2_SIGNATURE` has; none when it
    cannot be read (the reader then says why)."""
    try:
        with open(path, "rb") as file:
            return file.read(len(OLE2_SIGNATURE))
    except OSError:
        return b""


def _xlsx_sheets(path: Path) -> list[tuple[str, list[list[str]]]]:
    """``(sheet name, rows of cell texts)`` of an .xlsx, as the sheets show them: hidden rows and
    columns (a helper column, last year's figures) blank, as they are not printed."""
    from openpyxl import load_workbook

    with open(path, "rb") as file:  # opened here, so that openpyxl does not go by the file's name
        _refuse_uncalculated(file)
        file.seek(0)
        workbook = load_workbook(file, data_only=True)
        return [(sheet.title, _visible_cells(sheet)) for sheet in workbook.worksheets if sheet.sheet_state == "visible"]


def _visible_cells(sheet) -> list[list[str]]:
    """The texts of a sheet's cells as shown, those of hidden rows and columns blank."""
    hidden_rows = {r for r, dimension in sheet.row_dimensions.items() if dimension.hidden}
    hidden_columns = {c for dimension in sheet.column_dimensions.values() if dimension.hidden
                      for c in range(dimension.min or 0, (dimension.max or 0) + 1)}
    return [["" if cell.row in hidden_rows or cell.column in hidden_columns
             else _shown(cell.value, cell.number_format) for cell in row] for row in sheet.iter_rows()]


#: A formula cell without the value it computes (``<c><f>SUM(…)</f><v></v></c>``): a workbook a
#: program wrote and no spreadsheet has calculated. A cell typed as text (``t="str"``) holds a
#: formula's text result, which may be empty (``=IF(F6=0,"",F6)``): it was calculated.
_UNCALCULATED = re.compile(rb'<c\b(?![^>]*\bt="str")[^>]*>\s*<f\b[^>]*(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>')


def _refuse_uncalculated(file) -> None:
    """Refuse a workbook whose formulas hold no values: they would read as blank cells."""
    import zipfile

    with zipfile.ZipFile(file) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml") and _UNCALCULATED.search(archive.read(name)):
                raise InputError(_("its formulas were never calculated (a workbook written by a program, not saved by "
                                   "a spreadsheet): open it in Excel or WPS, save it and lint it again"))


def _xls_sheets(path: Path) -> list[tuple[str, list[list[str]]]]:
    """``(sheet name, rows of cell texts)`` of an Excel 97–2003 workbook, as the sheets show them (hidden
    rows and columns blank)."""
    import xlrd

    # xlrd writes its warnings about a damaged file to standard output: they go nowhere instead.
    with open(os.devnull, "w") as nowhere:
        try:
            book = xlrd.open_workbook(str(path), formatting_info=True, ragged_rows=True,
                                      logfile=nowhere)
        except xlrd.XLRDError as error:
            if "Can't find workbook" in str(error):  # an encrypted .xlsx is an OLE2 file too
                raise InputError(_("an Office 97–2003 file without a workbook: a password-protected workbook, or a "
                                   "Word document under an Excel name; remove the password or save it as .xlsx")) from error
            raise
        try:
            # Each row as long as it is (a sheet's extent can be far larger than its cells).
            return [(sheet.name, [[_xls_shown(book, cell) if _xls_visible(sheet, r, c) else ""
                                   for c, cell in enumerate(sheet.row_slice(r))] for r in range(sheet.nrows)])
                    for sheet in book.sheets() if sheet.visibility == 0]
        finally:
            book.release_resources()


def _xls_visible(sheet, row: int, column: int) -> bool:
    """Whether an .xls cell's row and column are shown."""
    row_info, column_info = sheet.rowinfo_map.get(row), sheet.colinfo_map.get(column)
    return not (row_info is not None and row_info.hidden) and not (column_info is not None and column_info.hidden)


def _xls_shown(book, cell) -> str:
    """An .xls cell's value as the sheet shows it."""
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return _shown(bool(cell.value), "General")
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, "#ERROR")
    if cell.ctype == xlrd.XL_CELL_DATE:
        return _shown(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode), "General")
    number_format = "General"
    if cell.ctype == xlrd.XL_CELL_NUMBER and cell.xf_index is not None and cell.xf_index < len(book.xf_list):
        shown = book.format_map.get(book.xf_list[cell.xf_index].format_key)
        number_format = shown.format_str if shown is not None else number_format
    return _shown(cell.value, number_format)


def _add_sheet(out: ExtractedText, name: str, rows: list[list[str]], owner: str | None) -> None:
    """Append one sheet: its title and notes as lines, then its table."""
    from openpyxl.utils import get_column_letter

    width = max((max((i + 1 for i, v in enumerate(row) if v), default=0) for row in rows), default=0)
    rows = [(row + [""] * width)[:width] if any(row) else [] for row in rows]  # blank rows stay short

    def location(r: int, c: int, first: int = 0) -> Location:
        return Location(path=owner, sheet=name, cell=f"{get_column_letter(c + 1)}{r + first + 1}")

    first = 0
    title = ""
    title_at = number = None
    unit = ""
    while first < len(rows) and _leading(rows[first]):
        for column, text in ((i, v) for i, v in enumerate(rows[first]) if v):
            start = out.line(text, location(first, column))
            if unit_of(text):
                unit = unit_of(text)
            elif (label := _NUMBER_ALONE.fullmatch(text.strip())) and title:
                number = _label_number(label)  # "公开05表" beside the title
            elif not title or (alone := _NUMBER_ALONE.fullmatch(title)):
                if title:  # "表5" in a row of its own above the title
                    number = _label_number(alone)
                title, title_at = text, (start, start + len(text))
        first += 1
    if not title:
        title = name
    match = _SHEET_NUMBER.search(name)
    out.table(title, unit, rows[first:], lambda r, c, f=first: location(r, c, f),
              number=int(match.group(1) or match.group(2)) if match else number, title_at=title_at)


def _leading(row: list[str]) -> bool:
    """Whether a sheet's row stands above its table: one text cell (a title, a note, the unit line),
    or a title with its number beside it ("…支出决算表 | 公开05表"), or the department beside the unit
    ("部门：某局 | 金额单位：万元")."""
    cells = [v.strip() for v in row if v]
    if len(cells) <= 1:
        return True
    if any(_LEADING_CELL.fullmatch(cell) for cell in cells):
        return sum(1 for cell in cells if not _LEADING_CELL.fullmatch(cell)) <= 1 and not any(
            cell.replace(",", "").replace(".", "").isdigit() for cell in cells)
    return False


#: A cell beside a sheet's title: the table's number, its unit, its department.
_LEADING_CELL = compile_re(rf"{FORM_PREFIX}?表\s*(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})|{FORM_PREFIX}?\d{{1,2}}\s*表"
                           rf"|(?:金额)?单位\s*[:：].*|{ISSUER}(?:名称)?\s*[:：].*")


def _label_number(label: re.Match) -> int:
    """The number a table's label ("表5", "附表五", "公开05表") gives it."""
    number = label.group(1) or label.group(2)
    return decimal_int(number) if number.isdigit() else chinese_int(number)


def _shown(value, number_format: str) -> str:
    """A cell's value as the sheet shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, (int, float)):
        return _number(value, number_format or "General")
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
        if re.fullmatch(r"0+", fmt):
            text = text.zfill(len(fmt))  # a code shown with its leading zeros ("00": 5 → "05")
    else:
        text = repr(float(value))  # as typed: 5349370.78, not 5349370.7800000003
        if "e" in text:
            text = f"{value:.10f}".rstrip("0").rstrip(".")
    return text + ("%" if percent else "")
