"""Interval arithmetic for printed, rounded numbers.

A printed number stands for every value that rounds to it. An amount of 万元 is printed to
the cent or with trailing zeros dropped ("7.6" is 7.60), so it stands for ±half a cent, unless
the document prints every amount in whole units ("3923万元，比上年减少332万元"): then each stands
for ± half a unit, or none to the cent ("3,018.7万元", "55万元"): then each stands for ± half a
unit of its last digit (:func:`text_tolerances`). An amount of 亿元 (a government's report) stands for
± half a unit of its last digit. A percentage stands for ± half a unit of its last
digit, plus a configurable slack for double rounding (78.149 → 78.15 → 78.2). A claim is wrong
only when no values inside the intervals of its inputs produce it.
"""

from __future__ import annotations

import math
from decimal import Decimal
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from linter.check.rule import Tolerances
from linter.extract.numbers import YUAN, Number

_EPSILON = 1e-9


@dataclass(frozen=True)
class Interval:
    lo: float
    hi: float

    def __add__(self, other: "Interval") -> "Interval":
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: "Interval") -> "Interval":
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def ratio(self, other: "Interval") -> "Interval | None":
        """``self / other`` for a positive denominator; None when it may be zero."""
        if other.lo <= 0:
            return None
        candidates = [self.lo / other.lo, self.lo / other.hi, self.hi / other.lo, self.hi / other.hi]
        return Interval(min(candidates), max(candidates))

    def scaled(self, factor: float) -> "Interval":
        return Interval(self.lo * factor, self.hi * factor)

    def overlaps(self, other: "Interval") -> bool:
        return self.lo <= other.hi + _EPSILON and other.lo <= self.hi + _EPSILON

    def contains(self, value: float) -> bool:
        return self.lo - _EPSILON <= value <= self.hi + _EPSILON

    def sign(self) -> int:
        """+1 when every value is positive, -1 when every value is negative, 0 when rounding cannot
        tell."""
        return 1 if self.lo > 0 else -1 if self.hi < 0 else 0

    def magnitude(self) -> "Interval":
        """The values ``|x|`` takes for ``x`` in the interval."""
        if self.lo >= 0:
            return self
        if self.hi <= 0:
            return Interval(-self.hi, -self.lo)
        return Interval(0.0, max(-self.lo, self.hi))


def amount_interval(number: Number, tolerances: Tolerances) -> Interval:
    """The values an amount of 万元 may stand for; an amount of 亿元 (a government's report) is
    rounded to its last printed digit ("33929.6亿元"), and so is one printed with fewer than two decimals
    in a narrative that keeps its trailing zeros ("241.4万元" for the table's 241.38, "16万元" for 16.02)."""
    if number.decimals > 2 or number.unit == "亿元" or tolerances.rounded_amounts or (
            number.decimals < 2 and tolerances.rounded_short_amounts):
        half = 0.5 * 10.0 ** -number.decimals
    else:
        half = tolerances.amount_unit / 2
    return Interval(number.value - half, number.value + half)


#: A narrative printing at least this many amounts, none with decimals, rounds them to whole units.
WHOLE_UNIT_AMOUNTS = 5


def text_tolerances(document, tolerances: Tolerances) -> Tolerances:
    """``tolerances`` for the amounts ``document`` prints: where it prints at least
    ``WHOLE_UNIT_AMOUNTS`` amounts other than 0 and none with decimals (a city's or a county's
    figures in whole 万元, a unit's in whole 元), an amount is rounded to the unit and a sum may be
    off by one unit an item; where none prints more than one decimal ("3,018.7万元", "55万元" beside
    tables to the cent), each is rounded to the digits it prints; where it prints cents but its tables
    show that it rounded shorter amounts (:func:`_rounds_table_amounts`), an amount printed with fewer
    decimals is rounded to them ("241.4万元" for the table's 241.38)."""
    amounts = [number for number in document.numbers if number.is_amount and number.value]
    decimals = max((number.decimals for number in amounts if number.unit != "亿元"), default=0)
    if decimals == 2 and _rounds_table_amounts(document, [n for n in amounts if n.decimals < 2 and n.unit != "亿元"]):
        return replace(tolerances, rounded_short_amounts=True)
    if len(amounts) < WHOLE_UNIT_AMOUNTS or decimals > 1:
        return tolerances
    if decimals == 1:  # "3,018.7万元", "55万元": each rounded to the digits it prints
        return replace(tolerances, rounded_amounts=True)
    factor = max(1.0, 1.0 / tolerances.amount_unit)
    return replace(tolerances, amount_unit=tolerances.amount_unit * factor,
                   tail_per_item=tolerances.tail_per_item * factor)


#: A narrative rounds its shorter amounts when the tables print at least this many of them with more digits.
ROUNDED_TABLE_AMOUNTS = 3


def _rounds_table_amounts(document, short: list[Number]) -> bool:
    """Whether the tables show that the narrative rounded the amounts it prints with fewer than two
    decimals: at least ``ROUNDED_TABLE_AMOUNTS`` of them ("281.1万元", "16万元") are a table's amount
    with more digits (281.14, 16.02), more than the tables print as the text does ("11万元" for 11.00,
    in a narrative that drops trailing zeros and whose other short amounts are then exact too)."""
    if len(short) < ROUNDED_TABLE_AMOUNTS:
        return False
    # the tables' amounts in 元, sorted: each short amount looks up its nearest ones
    cells = sorted(value.value * YUAN[table.unit or "万元"] for table in document.tables
                   if (table.unit or "万元") in YUAN for row in table.rows for value in row.all_values() if value.value)
    if not cells:
        return False
    exact: set[float] = set()
    rounded: set[float] = set()
    for number in short:
        scale = YUAN[number.unit]
        half = (0.5 * 10.0 ** -number.decimals + 1e-9) * scale
        at = bisect_left(cells, number.value * scale - half)
        near = [abs(value - number.value * scale) for value in cells[at:bisect_right(cells, number.value * scale + half)]]
        if any(gap < 1e-6 * scale for gap in near):
            exact.add(number.value)
        elif near:
            rounded.add(number.value)
    return len(rounded) >= ROUNDED_TABLE_AMOUNTS and len(rounded) > len(exact)


def percent_interval(number: Number, tolerances: Tolerances) -> Interval:
    """The ratios (in percent) a printed percentage may stand for."""
    return printed_percent(number.value, number.decimals, tolerances)


def printed_percent(value: float, decimals: int, tolerances: Tolerances) -> Interval:
    """The ratios (in percent) a percentage printed as ``value`` with ``decimals`` decimals may stand for: half a unit of
    its last digit either side, and the slack of double rounding."""
    half = 10.0 ** -decimals * (0.5 + tolerances.percent_slack)
    return Interval(value - half, value + half)


def format_amount(value: float) -> str:
    """Print an amount the way disclosures do: two decimals (rounded half up), trailing zeros dropped."""
    text = _rounded(value, 2)
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_like(value: float, printed: Number) -> str:
    """Print an amount as ``printed`` is: its decimals, and its thousands separators when it has them ("17,105.00")."""
    text = _rounded(value, printed.decimals)
    if "," not in printed.text:
        return text
    whole, point, fraction = text.partition(".")
    sign, digits = ("-", whole[1:]) if whole.startswith("-") else ("", whole)
    return f"{sign}{int(digits):,}{point}{fraction}"


def format_percent(value: float, decimals: int = 1) -> str:
    """Print a percentage with ``decimals`` decimals (at least one), rounded half up: 16.25 → 16.3%."""
    return f"{_rounded(value, max(decimals, 1))}%"


def format_ratio(part: float, whole: float, decimals: int = 1) -> str:
    """``part`` as a percentage of ``whole``, rounded as :func:`format_percent` does, computed on the two numbers' shortest
    printed forms (139.17 / 120 is 115.975%, which prints 115.98%; in binary it is 115.97499…). A whole of 0, or a number
    too long to be a float (a run of fifty digits read as an amount), has no ratio: nan% or inf%."""
    if not (whole and math.isfinite(part) and math.isfinite(whole)):
        return format_percent(part * 100 / whole if whole else math.nan, decimals)
    return format_percent(float(Decimal(repr(part)) * 100 / Decimal(repr(whole))), decimals)


def _rounded(value: float, decimals: int) -> str:
    """``value`` with ``decimals`` decimals, rounded half up as 四舍五入 does (``format`` rounds
    16.25 to 16.2, and 852.675, stored as 852.67499…, to 852.67): the digits rounded are those of
    the value's shortest printed form."""
    digits = repr(abs(value))
    if not math.isfinite(value) or "e" in digits:
        return f"{value:.{decimals}f}"  # no decimal digits to round (huge, tiny, inf or nan)
    whole, _, fraction = digits.partition(".")
    fraction = fraction.ljust(decimals + 1, "0")
    units = int(whole + fraction[:decimals]) + (fraction[decimals] >= "5")
    text = str(units).rjust(decimals + 1, "0")
    text = f"{text[:-decimals]}.{text[-decimals:]}" if decimals else text
    return ("-" if value < 0 and units else "") + text
