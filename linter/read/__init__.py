"""Stage 1 — read: turn a file into text, or refuse with a clear error.

Text files are decoded (:mod:`linter.read.decode`); PDF, Word and Excel files are read from
their structure into an extracted text with a map back to pages, paragraphs and cells
(:mod:`linter.read.pdf`, :mod:`linter.read.docx`, :mod:`linter.read.xlsx`). Word 97–2003 and WPS
documents are refused with the way to a format disclint reads.
"""

from pathlib import Path

from linter.read.decode import DEFAULT_MAX_BYTES, InputError, SourceFile, WorkbookError, decode_bytes, read_path
from linter.i18n import _

#: File name endings read as text, and those read from their structure.
TEXT_SUFFIXES = (".txt", ".md")
STRUCTURED_SUFFIXES = (".pdf", ".docx", ".xlsx", ".xls")
DOCUMENT_SUFFIXES = TEXT_SUFFIXES + STRUCTURED_SUFFIXES
#: Word 97–2003 and WPS documents: refused with the way to a format disclint reads.
#: Documents of the genre disclint refuses with the way out (save as .docx or PDF): a folder walk
#: takes them too, so that a report lists them as not checked.
REFUSED_SUFFIXES = (".doc", ".wps")


def read_document(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, workbook: Path | None = None) -> SourceFile:
    """Read the file at ``path`` by its suffix: PDF, Word, Excel, or text (any other suffix).

    ``workbook``: an .xlsx or .xls whose sheets are read as the tables of the Word document or text
    file ``path``."""
    path = Path(path)
    suffix = path.suffix.lower()
    if workbook is not None and suffix not in (".docx", *TEXT_SUFFIXES):
        raise InputError(_("a workbook's sheets are read as the tables of a Word document or a text file only; "
                           "lint the workbook on its own"))
    if suffix not in STRUCTURED_SUFFIXES + REFUSED_SUFFIXES:
        source = read_path(path, max_bytes)
        return source if workbook is None else _with_workbook(source, workbook)
    _check_size(path, max_bytes)
    if suffix in REFUSED_SUFFIXES:
        raise InputError(_("a Word 97–2003 (.doc) or WPS (.wps) document, which disclint does not read: "
                           "save it as .docx or PDF and lint that"))
    if suffix == ".pdf":
        from linter.read.pdf import read_pdf

        return read_pdf(path)
    if suffix == ".docx":
        from linter.read.docx import read_docx

        return read_docx(path, workbook)
    from linter.read.xlsx import read_xlsx  # .xlsx or .xls

    return read_xlsx(path)


def _with_workbook(source: SourceFile, workbook: Path) -> SourceFile:
    """A text file followed by the sheets of ``workbook`` (its tables): the text keeps its own lines and
    columns, the sheets are located in the workbook (see :func:`linter.read.xlsx.add_workbook`)."""
    from dataclasses import replace

    from linter.read.extracted import ExtractedText
    from linter.read.xlsx import add_workbook

    own = source.text if source.text.endswith("\n") else source.text + "\n"
    out = ExtractedText(source.path, "text", parts=[own], length=len(own))
    add_workbook(out, workbook, own_path=True)
    return replace(out.source(), encoding=source.encoding, bom=source.bom, own_end=len(source.text))


def _check_size(path: Path, max_bytes: int) -> None:
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise InputError(_("no such file or folder")) from exc
    except OSError as exc:
        raise InputError(_("cannot read file: {reason}", reason=exc.strerror or exc)) from exc
    if path.is_dir():
        raise InputError(_("is a directory"))
    if size > max_bytes:
        raise InputError(_("file is too large ({size:,} bytes; the limit is {limit:,}, see --max-bytes)",
                           size=size, limit=max_bytes))
    if size == 0:
        raise InputError(_("file is empty"))


__all__ = [
    "DOCUMENT_SUFFIXES", "InputError", "REFUSED_SUFFIXES", "SourceFile", "STRUCTURED_SUFFIXES", "TEXT_SUFFIXES",
    "WorkbookError", "decode_bytes", "read_document", "read_path",
]
