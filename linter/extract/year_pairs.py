"""One quantity's amounts of two consecutive years, both stated, and the change the text states
between them: "公务接待费2016年预算8万元，2015年预算12.5万元；对比减少4.35万元；减少率35.22%".

The two amounts must be named alike (the words between each year and its amount are the same) and
printed in one unit with the change; the years must be consecutive. Every search is bounded, so
reading is linear in the text.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from linter.extract.numbers import Number
from linter.patterns import compile_regex

_AMOUNT = r"\d[\d,]{0,14}(?:\.\d{1,6})?"
_NAME = r"[^，,；;。：:\d]{0,12}?"
_PAIR = compile_regex(
    rf"(?P<y1>20\d{{2}})年度?(?P<n1>{_NAME})(?:为|是)?(?P<a1>{_AMOUNT})(?P<unit>万元|亿元|元)[，,；;]\s*"
    rf"(?P<y2>20\d{{2}})年度?(?P<n2>{_NAME})(?:为|是)?(?P<a2>{_AMOUNT})(?P=unit)[，,；;]\s*"
    rf"[^，,；;。\d]{{0,8}}?(?P<verb>增加|减少)了?(?P<change>{_AMOUNT})(?P=unit)"
    r"(?:[，,；;]\s*[^，,；;。\d%]{0,6}?(?P<rate_verb>增长|增幅|上升|下降|降幅|减少|减幅)率?(?:为|了)?"
    r"(?P<rate>\d{1,4}(?:\.\d{1,4})?)%)?"
)
#: A well-formed amount: thousands groups of three, if any.
_WELL_FORMED = compile_regex(r"\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?")
#: Where the quantity's name starts, looking back from the first year.
_NAME_START = compile_regex(r".*[，,；;。：:\n]", regex.S)
_NAME_REACH = 16
_LIST_LABEL = compile_regex(r"^(?:[(（]?[\d一二三四五六七八九十]+[)）、.．]\s*)+")
_RISES = ("增长", "增幅", "上升")


@dataclass(frozen=True)
class YearPair:
    """Amounts of two consecutive years (``later``, ``earlier``) and the stated change: ``sign`` +1 for
    增加; the rate, if stated, with its own sign."""

    name: str
    later_year: int
    later: Number
    earlier_year: int
    earlier: Number
    sign: int
    change: Number
    rate: Number | None
    rate_sign: int | None


def year_pairs(text: str) -> list[YearPair]:
    """Every pair of years' amounts with their change in ``text`` (flow text)."""
    found = []
    for match in _PAIR.finditer(text):
        years = int(match.group("y1")), int(match.group("y2"))
        if abs(years[0] - years[1]) != 1 or match.group("n1").strip() != match.group("n2").strip():
            continue
        if not all(_WELL_FORMED.fullmatch(match.group(g)) for g in ("a1", "a2", "change")):
            continue  # a malformed amount is NUM001's
        unit = match.group("unit")
        first, second = (_number(match, group, unit) for group in ("a1", "a2"))
        (later_year, later), (earlier_year, earlier) = sorted(zip(years, (first, second)), key=lambda p: -p[0])
        rate = match.group("rate")
        found.append(YearPair(
            _name(text, match), later_year, later, earlier_year, earlier,
            1 if match.group("verb") == "增加" else -1, _number(match, "change", unit),
            Number(rate, "%", match.start("rate"), match.end("rate") + 1, float(rate), len(rate.partition(".")[2]))
            if rate else None,
            (1 if match.group("rate_verb") in _RISES else -1) if rate else None,
        ))
    return found


def _number(match, group: str, unit: str) -> Number:
    digits = match.group(group)
    return Number(digits, unit, match.start(group), match.end(group) + len(unit), float(digits.replace(",", "")),
                  len(digits.partition(".")[2]))


def _name(text: str, match) -> str:
    """The quantity compared: the clause before the first year, with the words after it."""
    reach = max(0, match.start() - _NAME_REACH)
    clause = _NAME_START.match(text, reach, match.start())
    before = text[clause.end() if clause else reach:match.start()]
    return _LIST_LABEL.sub("", before.strip()) + match.group("n1").strip()
