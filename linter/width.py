"""How wide text prints in a fixed-pitch layout (a terminal, ``pdftotext -layout``): a wide
(Chinese) character takes two columns, any other one."""

from __future__ import annotations

import unicodedata


def display_width(text: str) -> int:
    """Columns ``text`` takes when a wide or full-width character counts two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
