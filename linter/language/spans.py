"""Flow-text helpers for the language rules."""

from __future__ import annotations


def adjacent_in_source(document, left_end: int, right_start: int) -> bool:
    """Whether flow text ending at ``left_end`` and flow text starting at ``right_start`` touch in
    the original file. Flow text joins lines and drops spaces next to Chinese characters, so two
    table cells ("无 无", "指标⏎指标") look adjacent in it; a repeat typed in a sentence does not
    have a gap in the original."""
    before = document.flow.source_span(left_end - 1, left_end)[1]
    after = document.flow.source_span(right_start, right_start + 1)[0]
    return before == after
