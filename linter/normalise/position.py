"""Positions: original text with line/column lookup, and normalised text mapped back to it."""

from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass, field

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Position:
    """A 1-based line and column (columns count characters) in the original file."""

    line: int
    column: int


class SourceText:
    """The original text of a document, with offset → line:column lookup."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
        self._lines: list[tuple[int, str]] | None = None

    def position(self, offset: int) -> Position:
        """Line and column (1-based) of character ``offset``."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return Position(line + 1, offset - self.line_starts[line] + 1)

    def lines(self) -> list[tuple[int, str]]:
        """Every line as ``(start offset, text without its line break)``; computed once and shared
        by every caller (flow text, tables, rules), who must not modify it."""
        if self._lines is None:
            ends = [*self.line_starts[1:], len(self.text)]
            self._lines = [(start, self.text[start:end].rstrip("\r\n")) for start, end in zip(self.line_starts, ends)]
        return self._lines


@dataclass
class MappedText:
    """Normalised text whose every character remembers the original offset it came from."""

    text: str = ""
    origin: array = field(default_factory=lambda: array("l"))

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` offsets covering normalised ``[start, end)``."""
        if not self.origin:
            return 0, 0
        start = max(0, min(start, len(self.origin) - 1))
        last = max(start, min(end, len(self.origin)) - 1)
        return self.origin[start], self.origin[last] + 1


class MappedTextBuilder:
    """Accumulate normalised text piece by piece, recording each character's origin."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._origin = array("l")

    def add(self, text: str, origin: int, one_to_one: bool = True) -> None:
        """Append ``text``; with ``one_to_one`` character i came from ``origin + i``."""
        self._parts.append(text)
        if one_to_one:
            self._origin.extend(range(origin, origin + len(text)))
        else:
            self._origin.extend([origin] * len(text))

    def build(self) -> MappedText:
        return MappedText("".join(self._parts), self._origin)
