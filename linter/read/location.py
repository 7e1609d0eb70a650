"""Where a character of a PDF, Word or Excel document came from, in terms its user can act on.

Such a document is read into an *extracted text* (what ``disclint extract`` prints): the
narrative line by line and each table as tab-separated rows. A :class:`Locator` maps every
offset of that text back to a :class:`Location` — page and line on the page for a PDF,
paragraph (or table, row, column) for Word, sheet and cell for Excel.
"""

from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Location:
    """A place in a PDF, Word or Excel file (1-based numbers; only the fields that apply are set)."""

    #: The file, when it is not the document's own (an .xlsx checked with its .docx).
    path: str | None = None
    page: int | None = None
    line: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    #: Column in characters on a PDF line or in a Word paragraph; table column in a table.
    column: int | None = None
    sheet: str | None = None
    cell: str | None = None

    def label(self) -> str:
        """The location as shown to people: ``page 3, line 12, col 5``, ``表1!C7``, …"""
        if self.sheet is not None:
            return f"{self.sheet}!{self.cell}"
        parts = []
        if self.page is not None:
            parts += [f"page {self.page}", f"line {self.line}"]
        if self.paragraph is not None:
            parts.append(f"paragraph {self.paragraph}")
        if self.table is not None:
            parts += [f"table {self.table}", f"row {self.row}"]
        if self.column is not None:
            parts.append(f"col {self.column}")
        return ", ".join(parts)

    def fields(self) -> dict:
        """The fields that are set, for machine-readable output."""
        return {key: value for key, value in asdict(self).items() if value is not None and key != "path"}


@dataclass(frozen=True)
class Segment:
    """Extracted-text offsets ``[start, end)`` that come from one place; ``column`` counts on
    from ``location.column`` when ``advance`` is set (a line of text), else stays (a cell)."""

    start: int
    end: int
    location: Location
    advance: bool = True


class Locator:
    """Offsets of an extracted text → :class:`Location`."""

    def __init__(self, segments: list[Segment]) -> None:
        self.segments = sorted(segments, key=lambda s: s.start)
        self._starts = [s.start for s in self.segments]

    def locate(self, offset: int) -> Location | None:
        index = bisect.bisect_right(self._starts, offset) - 1
        if index < 0:
            return None
        segment = self.segments[index]
        if offset > segment.end:
            return None
        if not segment.advance:
            return segment.location
        base = segment.location
        column = (base.column or 1) + min(offset, segment.end) - segment.start
        return Location(**{**asdict(base), "column": column})
