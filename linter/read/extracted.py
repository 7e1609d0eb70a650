"""Build the extracted text of a structured document (PDF, Word, Excel), line by line.

Readers add narrative lines and tables in reading order; each table becomes a title line, a
unit line and one tab-separated line per row, and is also kept as a :class:`Grid` so the table
parser places every value by its cell instead of guessing columns from whitespace.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from linter.patterns import compile_re
from linter.read.decode import InputError, SourceFile
from linter.i18n import _
from linter.read.location import Location, Locator, Segment

_CELL_SPACES = compile_re(r"\s*\n\s*|[\t\r]")


@dataclass(frozen=True)
class Grid:
    """A table read from a file's structure: where its title and rows are in the extracted text."""

    title: str
    #: The table's number when the file says it some other way than its title (sheet "表3").
    number: int | None
    unit: str
    title_start: int
    title_end: int
    #: Extracted-text offset of each row's line, header rows included.
    row_starts: tuple[int, ...]


@contextmanager
def refusing_broken(what: str):
    """Turn any error of a format library reading a damaged file into an :class:`InputError`
    (``what``: "Word (.docx)", …); the libraries raise many kinds of exceptions."""
    try:
        yield
    except InputError:
        raise
    except Exception as error:
        raise InputError(_("not a readable {kind} file ({error_kind}: {error})", kind=what,
                           error_kind=type(error).__name__, error=error)) from error


def cell_text(text: str) -> str:
    """A cell's text on one line: inner line breaks joined (without a space between Chinese)."""
    text = (text or "").strip()
    return _CELL_SPACES.sub(lambda m: " " if _needs_space(text, m) else "", text)


def _needs_space(text: str, match: re.Match) -> bool:
    before = text[match.start() - 1] if match.start() else ""
    after = text[match.end()] if match.end() < len(text) else ""
    return before.isascii() and after.isascii() and before.isalnum() and after.isalnum()


@dataclass
class ExtractedText:
    """The extracted text under construction, with its locator segments and grids."""

    path: str
    kind: str
    parts: list[str] = field(default_factory=list)
    length: int = 0
    segments: list[Segment] = field(default_factory=list)
    grids: list[Grid] = field(default_factory=list)

    def line(self, text: str, location: Location) -> int:
        """Append a line of text that starts at ``location``; returns its offset."""
        start = self._append(text)
        self.segments.append(Segment(start, start + len(text), location))
        return start

    def laid_out_line(self, text: str, pieces, location: Location) -> int:
        """Append a line whose runs ``(start, end, column)`` stand apart in ``text``: each run is
        located from its own column (the padding between runs is not counted); a line without
        runs is located as one."""
        if not pieces:
            return self.line(text, replace(location, column=1))
        start = self._append(text)
        for begin, end, column in pieces:
            self.segments.append(Segment(start + begin, start + end, replace(location, column=column)))
        return start

    def blank(self) -> None:
        self._append("")

    def table(self, title: str, unit: str, rows: list[list[str]], cell_location,
              number: int | None = None, title_at: tuple[int, int] | None = None) -> None:
        """Append a table: ``rows`` of cell texts, ``cell_location(row, column)`` for each cell.

        ``title_at`` gives the extracted-text offsets of a title already added as a line."""
        # Blank rows are left out; each other row keeps its index for its cells' locations.
        rows = [(r, cells) for r, cells in enumerate([cell_text(cell) for cell in row] for row in rows) if any(cells)]
        if not rows:
            return
        title_start, title_end = title_at or (self.length, self.length)
        starts = []
        for r, row in rows:
            start = self._append("\t".join(row))
            starts.append(start)
            position = start
            for c, cell in enumerate(row):
                self.segments.append(Segment(position, position + len(cell), cell_location(r, c), advance=False))
                position += len(cell) + 1
        self.grids.append(Grid(title, number, unit, title_start, title_end, tuple(starts)))
        self.blank()

    def _append(self, text: str) -> int:
        start = self.length
        self.parts.append(text + "\n")
        self.length += len(text) + 1
        return start

    def source(self) -> SourceFile:
        text = "".join(self.parts)
        if not text.strip():
            raise InputError(_("no text found in this {kind} file", kind=self.kind))
        return SourceFile(self.path, text, "utf-8", format=self.kind, locator=Locator(self.segments),
                          grids=tuple(self.grids))


def table_width(rows: list[list[str]]) -> int:
    """How many cells the widest of a table's ``rows`` has."""
    return max((len(row) for row in rows), default=0)


def repeated_header_rows(rows: list[list[str]], first_rows: list[list[str]]) -> int:
    """How many leading ``rows`` repeat the header rows of the table they go on (``first_rows``), as a
    table broken over pages prints them again."""
    skip = 0
    while skip < len(rows) and skip < len(first_rows) and rows[skip] == first_rows[skip] and not _has_amount(rows[skip]):
        skip += 1
    return skip


def opens_with_total(rows: list[list[str]], first_rows: list[list[str]]) -> bool:
    """Whether ``rows``' first row of amounts, under the header they repeat of the table before
    (``first_rows``), is a 合计: a table of its own, not that table going on."""
    first = next((row for row in rows[repeated_header_rows(rows, first_rows):] if _has_amount(row)), None)
    return first is not None and any(cell.replace(" ", "").startswith(("合计", "总计")) for cell in first[:3])


def _has_amount(row: list[str]) -> bool:
    return any(_CELL_AMOUNT.fullmatch(cell.strip()) for cell in row)


_CELL_AMOUNT = compile_re(r"-?[\d,]+\.\d+")
