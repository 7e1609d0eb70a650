"""The corpus PDFs (../shared/corpus, skipped when absent) read at least as well as their
pdfplumber text versions: as many tables read, every narrative finding of the text found again."""

from __future__ import annotations

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
