"""Number tokens of the flow text: amounts ("1,265.16万元"), percentages ("78.1%") and the
malformed values drafts contain ("72.83.1%", "1,2345.6万元", "12..5%")."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from linter.numerals import decimal_float

#: A well-formed number: thousands groups of three, or plain digits, and optional decimals.
WELL_FORMED = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
#: Units that make a number a claim about money or a share.
UNITS = r"%|万元|亿元|元"

_CANDIDATE = regex.compile(
    rf"(?<![A-Za-z0-9_.,])(?P<num>\d+(?:[.,]+\d+)*\.?)(?P<space>\s?)(?P<unit>{UNITS})?"
)
_WELL_FORMED = regex.compile(rf"(?:{WELL_FORMED})")


@dataclass(frozen=True)
class Number:
    """A number in the flow text, with its unit (``%``, ``万元``, ``元``, ``亿元`` or ``""``)."""

    text: str
    unit: str
    start: int
    end: int
    value: float | None
    decimals: int

    @property
    def malformed(self) -> bool:
        return self.value is None

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"

    @property
    def is_amount(self) -> bool:
        return self.unit in ("万元", "亿元", "元")


def parse_number(text: str) -> tuple[float | None, int]:
    """``(value, decimals)`` of a printed number; ``value`` is None when it is malformed."""
    if not _WELL_FORMED.fullmatch(text):
        return None, 0
    digits = text.replace(",", "")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    value = decimal_float(digits)
    return (value, decimals) if value is not None else (None, 0)


def find_numbers(text: str) -> list[Number]:
    """Every number of ``text`` (numbers glued to letters, like "C17010200", are not numbers)."""
    numbers = []
    for match in _CANDIDATE.finditer(text):
        raw, unit = match.group("num"), match.group("unit") or ""
        if raw.endswith(".") and not unit:
            raw = raw[:-1]  # a sentence-final full stop "第3." is not part of the number
        value, decimals = parse_number(raw)
        if value is None and not unit:
            continue  # "2023.5.31", "1.2.3" — dates and section numbers, not claims
        end = match.end() if unit else match.start() + len(raw)
        numbers.append(Number(raw, unit, match.start(), end, value, decimals))
    return numbers
