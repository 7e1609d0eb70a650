"""The corpus PDFs (../shared/corpus, skipped when absent) read at least as well as their
pdfplumber text versions: as many tables read, every narrative finding of the text found again."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

pytest.importorskip("pdfplumber")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from compare_corpus import corpus_folder, reading  # noqa: E402

from linter.config import Configuration  # noqa: E402
from linter.engine import lint_file  # noqa: E402

FOLDER = corpus_folder()
PDFS = sorted(FOLDER.glob("*.pdf")) if FOLDER else []
#: Rules that recompute the narrative: what they find in the text must be found in the PDF.
NARRATIVE = ("NUM", "ARI", "CON")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not PDFS, reason="no ../shared/corpus folder with PDFs"),
]


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem)
def test_pdf_reads_at_least_as_well_as_its_text(pdf):
    text, read = reading(pdf.with_suffix(".txt")), reading(pdf)
    assert read["readable"] >= text["readable"]
    assert read["tables"] >= 9  # the nine tables of a 决算, found from the page geometry

    def narrative(path):
        settings = Configuration({}, isolated=True).for_path(path)
        return sorted((f.code, f.span.quote.replace(" ", "").replace("\n", ""))
                      for f in lint_file(path, settings) if f.code.startswith(NARRATIVE))

    assert set(narrative(pdf.with_suffix(".txt"))) <= set(narrative(pdf))


@pytest.mark.parametrize("pdf", PDFS[:1], ids=lambda p: p.stem)
def test_real_tables_read_alike_from_xlsx_and_xls(pdf, tmp_path):
    """The tables of a corpus PDF, each written to a sheet of an .xlsx and of an .xls as a finance
    office would (amounts as numbers shown with two decimals): both workbooks read to the same text,
    and the table rules find in them what they find in the PDF."""
    openpyxl = pytest.importorskip("openpyxl")
    xlwt = pytest.importorskip("xlwt")
    from linter.read import read_document

    source = read_document(pdf)
    lines = source.text.split("\n")
    line_at = {start: line for start, line in zip(_starts(lines), lines)}
    book, old_book = openpyxl.Workbook(), xlwt.Workbook(encoding="utf-8")
    book.remove(book.active)
    shown = xlwt.easyxf(num_format_str="#,##0.00")
    for number, grid in enumerate(source.grids, 1):
        sheet, old_sheet = book.create_sheet(f"表{number}"), old_book.add_sheet(f"表{number}")
        rows = [[grid.title], [f"单位：{grid.unit or '万元'}"], *(line_at[s].split("\t") for s in grid.row_starts)]
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                amount = text.replace(",", "")
                if "." in amount and amount.replace(".", "", 1).lstrip("-").isdigit():
                    sheet.cell(r + 1, c + 1, float(amount)).number_format = "#,##0.00"
                    old_sheet.write(r, c, float(amount), shown)
                elif text:
                    sheet.cell(r + 1, c + 1, text)
                    old_sheet.write(r, c, text)
    book.save(tmp_path / "tables.xlsx")
    old_book.save(str(tmp_path / "tables.xls"))
    xlsx, xls = read_document(tmp_path / "tables.xlsx"), read_document(tmp_path / "tables.xls")
    assert xls.text == xlsx.text and len(xls.grids) == len(source.grids)

    names = re.compile("|".join([r"表\d+", *(re.escape(grid.title) for grid in source.grids if grid.title)]) + " ")

    def table_findings(path):
        settings = Configuration({}, isolated=True).for_path(path)
        # Each as its message has it without the tables' names (a sheet names it 表N, the PDF by its title).
        return sorted((f.code, names.sub("", f.message.split(": ", 1)[-1])) for f in lint_file(path, settings)
                      if f.code in ("TBL002", "TBL003", "TBL004"))

    found = table_findings(pdf)
    assert found and table_findings(tmp_path / "tables.xls") == table_findings(tmp_path / "tables.xlsx") == found


def _starts(lines: list[str]) -> list[int]:
    starts, at = [], 0
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    return starts


@pytest.mark.parametrize("pdf", PDFS[:2], ids=lambda p: p.stem)
def test_extracted_text_of_a_pdf_reads_its_tables_as_the_pdf_does(pdf, tmp_path):
    """A PDF's text with its tables as tab-separated rows that keep their empty cells (what a
    converter like the examples' gives, and what ``disclint extract`` prints), linted as a text
    file: its tables are read by their cells, and the table rules find what they find in the PDF."""
    from linter.read import read_document

    (tmp_path / "extracted.txt").write_text(read_document(pdf).text, encoding="utf-8")

    def table_findings(path):
        settings = Configuration({}, isolated=True).for_path(path)
        return sorted((f.code, f.message.split(": ", 1)[-1].replace("万元", "")) for f in lint_file(path, settings)
                      if f.code in ("TBL002", "TBL003", "TBL004"))

    found = table_findings(pdf)
    assert found and table_findings(tmp_path / "extracted.txt") == found
