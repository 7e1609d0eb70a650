"""Error injectors for scripts/inject.py: each family of error classes lives in its own module.

An *injector* takes a clean document's text and a seeded ``random.Random`` and returns one
:class:`Injection` (the text with exactly one realistic error planted in it) or ``None`` when the
document offers no place for that class of error. Every module of this package exposes
``CLASSES: dict[str, Injector]``, keyed by the class name reported per recall line
(e.g. ``"share-percent"``, ``"doubled-character"``).

An injection counts as found when disclint reports, at ``warning`` or ``error``, a finding whose
code is in ``codes`` and whose span touches a line of ``[start, end)`` in the injected text.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Injection:
    """One planted error."""

    #: The whole document with the error in it.
    text: str
    #: Character offsets of the planted error in ``text``.
    start: int
    end: int
    #: Rule codes any of which counts as finding it.
    codes: frozenset[str]
    #: What was changed, for the report ("76.05 → 76.5").
    label: str


Injector = Callable[[str, random.Random], "Injection | None"]
