"""Number tokens of the flow text: amounts ("1,265.16万元"), percentages ("78.1%") and the
malformed values drafts contain ("72.83.1%", "1,2345.6万元", "12..5%")."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from linter.i18n import N_
from linter.numerals import decimal_float
from linter.patterns import compile_re, compile_regex

#: A well-formed number: thousands groups of three, or plain digits, and optional decimals.
WELL_FORMED = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
#: An amount's digits as a pattern of a sentence may read them: bounded, malformed ones included
#: (:func:`number_of` gives those no value).
AMOUNT_DIGITS = r"\d[\d,]{0,14}(?:\.\d{1,6})?"
#: Units that make a number a claim about money or a share.
UNITS = r"%|万元|亿元|元"

#: A number not glued to letters or to another number. Its first digit is matched before the
#: look-behind at it (``re`` then skips to digits in C: a third faster than look-behind first).
_CANDIDATE = compile_re(
    rf"(?P<num>\d(?<![A-Za-z0-9_.,]\d)\d*(?:[.,]+\d+)*\.?)(?P<space>\s?)(?P<unit>{UNITS})?"
)
_WELL_FORMED = compile_regex(rf"(?:{WELL_FORMED})")


class Number(NamedTuple):
    """A number in the flow text, with its unit (``%``, ``万元``, ``元``, ``亿元`` or ``""``); a named
    tuple: a document prints hundreds, and a tuple is made several times faster than a dataclass."""

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


@lru_cache(maxsize=4096)
def parse_number(text: str) -> tuple[float | None, int]:
    """``(value, decimals)`` of a printed number; ``value`` is None when it is malformed (cached:
    a document prints most of its numbers several times)."""
    if not _WELL_FORMED.fullmatch(text):
        return None, 0
    digits = text.replace(",", "")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    value = decimal_float(digits)
    return (value, decimals) if value is not None else (None, 0)


#: 元 in each unit an amount may be printed in.
YUAN = {"元": 1, "万元": 10_000, "亿元": 100_000_000}


def same_amount(a: Number, b: Number) -> bool:
    """Whether two amounts, maybe in different units ("8.10万元", "81,000元"), may be the same sum:
    they differ by no more than half a unit of the last digit of the coarser."""
    if a.value is None or b.value is None or not (a.is_amount and b.is_amount):
        return False
    half = max(0.5 * 10.0 ** -n.decimals * YUAN[n.unit] for n in (a, b))
    return abs(a.value * YUAN[a.unit] - b.value * YUAN[b.unit]) <= half * (1 + 1e-9)


#: The minus signs a negative amount may print (ASCII, full-width, the mathematical sign).
MINUS_SIGNS = "-－−"


def parse_signed(text: str) -> tuple[float | None, int]:
    """:func:`parse_number` of a number that may print a minus ("-12,345.00": money recovered)."""
    if text[:1] in MINUS_SIGNS:
        value, decimals = parse_number(text[1:])
        return (None if value is None else -value), decimals
    return parse_number(text)


def number_of(match, group: str, unit: str) -> Number:
    """The number a pattern's ``group`` matched, its ``unit`` right after it (malformed: value None)."""
    digits = match.group(group)
    value, decimals = parse_number(digits)
    return Number(digits, unit, match.start(group), match.end(group) + len(unit), value, decimals)


#: Numbers listed with a comma after a decimal part: "1234.56,2345.67万元" is two amounts.
_LIST = compile_regex(r"\d+(?:\.\d+)?(?:,\d+(?:\.\d+)?)+")


def problem(text: str) -> str:
    """What is wrong with a malformed number, for a reader (a message id: translate it with ``_``)."""
    if any(letter in text for letter in "OoО"):
        return N_("a letter O typed among its digits")
    if ".." in text or ",," in text or ",." in text or ".," in text:
        return N_("doubled separators")
    if text.count(".") > 1:
        return N_("two decimal points")
    if text.endswith((".", ",")):
        return N_("a separator with no digits after it")
    if "," in text:
        return N_("thousands groups not of three digits")
    return N_("not a number")


def _listed(raw: str) -> list[tuple[int, str]]:
    """``(offset, piece)`` of a list "1234.56,2345.67" (a comma after decimals is no thousands
    separator), else the number alone."""
    pieces = raw.split(",")
    if not _LIST.fullmatch(raw) or not any("." in p for p in pieces[:-1]):
        return [(0, raw)]
    offsets, position = [], 0
    for piece in pieces:
        offsets.append((position, piece))
        position += len(piece) + 1
    return offsets


#: A count's classifier after a number ("万人", "人次", "辆"), or a score's 分 ending a word ("自评得分93.8.0分，"): what
#: follows no date or section number.
_COUNTED = compile_re(r"\s*(?:[万亿](?:人次|人|户)|人次|辆|台|套|件|家|户|批次|分(?![\u4e00-\u9fff]))")


def find_numbers(text: str) -> list[Number]:
    """Every number of ``text`` (numbers glued to letters, like "C17010200", are not numbers)."""
    numbers = []
    for match in _CANDIDATE.finditer(text):
        raw, _space, unit = match.groups()
        unit = unit or ""
        if not unit and raw.endswith("."):
            raw = raw[:-1]  # a sentence-final full stop "第3." is not part of the number
        match_start = match.start()
        if "," in raw:  # a list "1234.56,2345.67" holds a comma
            *listed, (last_offset, raw) = _listed(raw)
            for offset, piece in listed:
                value, decimals = parse_number(piece)
                start = match_start + offset
                numbers.append(Number(piece, unit, start, start + len(piece), value, decimals))
            match_start += last_offset
        value, decimals = parse_number(raw)
        if value is None and not unit and not _COUNTED.match(text, match_start + len(raw)):
            continue  # "2023.5.31", "1.2.3" — dates and section numbers, not claims (but "252.3.6万人" is a count)
        end = match.end() if unit else match_start + len(raw)
        numbers.append(Number(raw, unit, match_start, end, value, decimals))
    return numbers
