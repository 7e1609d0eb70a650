"""Positions: original text with line/column lookup, and normalised text mapped back to it."""

from __future__ import annotations

from functools import cached_property

import bisect
from itertools import accumulate
from operator import add
from dataclasses import dataclass, field

from linter.patterns import compile_re

_LINE_BREAK = compile_re(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Position:
    """A 1-based line and column (columns count characters) in the original file."""

    line: int
    column: int


class SourceText:
    """The original text of a document, with offset → line:column lookup."""

    def __init__(self, text: str) -> None:
        self.text = text
        if "\r" in text:
            self._parts = _LINE_BREAK.split(text)
            breaks = [len(match.group()) for match in _LINE_BREAK.finditer(text)]
        else:  # most files: str.split is several times faster than the pattern
            self._parts = text.split("\n")
            breaks = [1] * (len(self._parts) - 1)
        self.line_starts = list(accumulate(map(add, map(len, self._parts), breaks), initial=0))
        self._lines: list[tuple[int, str]] | None = None
        #: Indexes of the lines that are page headers repeating the title (see :func:`linter.normalise.flow.page_headers`).
        self.page_headers: frozenset[int] | None = None

    def position(self, offset: int) -> Position:
        """Line and column (1-based) of character ``offset``."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return Position(line + 1, offset - self.line_starts[line] + 1)

    def lines(self) -> list[tuple[int, str]]:
        """Every line as ``(start offset, text without its line break)``; computed once and shared
        by every caller (flow text, tables, rules), who must not modify it."""
        if self._lines is None:
            self._lines = list(zip(self.line_starts, self._parts))
        return self._lines

    @cached_property
    def stripped_lines(self) -> list[str]:
        """Every line without its leading and trailing spaces; shared like :meth:`lines`."""
        return [raw.strip() for raw in self._parts]


@dataclass
class MappedText:
    """Normalised text whose every character remembers the original offset it came from.

    The map is run-length: the text is cut into runs copied one for one from the original, run
    ``i`` starting at normalised offset ``starts[i]`` and original offset ``origins[i]``."""

    text: str = ""
    starts: list[int] = field(default_factory=list)
    origins: list[int] = field(default_factory=list)

    def origin(self, offset: int) -> int:
        """The original offset character ``offset`` of the normalised text came from."""
        run = bisect.bisect_right(self.starts, offset) - 1
        return self.origins[run] + offset - self.starts[run]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` offsets covering normalised ``[start, end)``."""
        if not self.text:
            return 0, 0
        start = max(0, min(start, len(self.text) - 1))
        last = max(start, min(end, len(self.text)) - 1)
        return self.origin(start), self.origin(last) + 1


class MappedTextBuilder:
    """Accumulate normalised text piece by piece, recording where each run came from."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._starts: list[int] = []
        self._origins: list[int] = []
        #: The original offset the next character continues the last run from.
        self._next_origin = -1

    def add(self, text: str, origin: int) -> None:
        """Append ``text``, character i of which came from ``origin + i``."""
        if not text:
            return
        if origin != self._next_origin:
            self._starts.append(self._length)
            self._origins.append(origin)
        self._parts.append(text)
        self._length += len(text)
        self._next_origin = origin + len(text)

    def build(self) -> MappedText:
        return MappedText("".join(self._parts), self._starts, self._origins)
