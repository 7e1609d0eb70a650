"""Flow-text helpers for the language rules."""

from __future__ import annotations

#: A line of prose this long (with punctuation, no cell gaps) that breaks without punctuation
#: is a wrapped line of a paragraph.
MIN_WRAPPED_LINE = 15


def adjacent_in_source(document, left_end: int, right_start: int, wrapped: bool = False) -> bool:
    """Whether flow text ending at ``left_end`` and flow text starting at ``right_start`` touch in
    the original file. Flow text joins lines and drops spaces next to Chinese characters, so two
    table cells ("无 无", "指标⏎指标") look adjacent in it; a repeat typed in a sentence does not
    have a gap in the original. With ``wrapped``, the break of a full line (the flow text joined
    the lines of one paragraph) does not count as a gap; short lines are cells or headings."""
    before = document.flow.source_span(left_end - 1, left_end)[1]
    after = document.flow.source_span(right_start, right_start + 1)[0]
    if before == after:
        return True
    original = document.original.text
    gap = original[before:after]
    line = original[original.rfind("\n", 0, before) + 1:before].strip()
    prose = len(line) >= MIN_WRAPPED_LINE and any(mark in line for mark in "，、；。") and "  " not in line
    return wrapped and "\n" in gap and not gap.strip() and prose
