"""Recompute narrative claims with rounding intervals, and say why a claim is wrong.

Shared by the ARI (arithmetic) and CON (consistency) rules.
"""

from __future__ import annotations

import math
import weakref
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

from linter.check.finding import Related, Severity
from linter.check.interval import Interval, amount_interval, format_amount, format_ratio, percent_interval
from linter.check.rule import Tolerances
from linter.i18n import N_, _
from linter.extract.claims import LAST_YEARS, SUBJECT_LEVEL, Stated
from linter.extract.counts import count_lists
from linter.extract.project_lists import project_lists
from linter.extract.numbers import YUAN, Number, parse_number
from linter.language.subjects import original_year
from linter.extract.quantities import (
    SANGONG, Key, clean_name, covered, describe, display_name, is_part_of, organisation_of, parent_base, quantity_key,
)
from linter.patterns import compile_re, compile_regex


def same_unit(*numbers: Number) -> bool:
    """Whether amounts share one unit (元, 万元, 亿元): amounts in different units are not compared."""
    return len({n.unit for n in numbers if n is not None}) <= 1


def amount(number: Number, tolerances: Tolerances) -> Interval:
    return amount_interval(number, tolerances)


def unit_scale(number: Number, like: Number) -> float | None:
    """What ``number``'s amounts are multiplied by to be in ``like``'s unit ("12.35亿元" beside a change
    of "7,238.38万元": 10000); None when either is not an amount in 元, 万元 or 亿元."""
    if number.unit == like.unit:
        return 1.0
    if number.unit not in _IN_WAN or like.unit not in _IN_WAN:
        return None
    return _IN_WAN[number.unit] / _IN_WAN[like.unit]


def previous_level(now: Interval, delta: Interval, sign: int) -> Interval:
    """Last year's amount of an amount ``now`` that rose (``sign`` > 0) or fell by ``delta``."""
    return now - delta if sign > 0 else now + delta


def change_rate_matches(now: Interval, delta: Interval, sign: int, stated: Number, tolerances: Tolerances) -> bool | None:
    """Whether ``stated`` % can be the rate of a change ``delta`` of an amount now ``now``: delta / last
    year's, last year's being ``now`` ∓ ``delta`` — the same delta in both, so the rate is least with the
    least delta and the largest amount and most the other way round (taking the two deltas apart lets a
    tiny amount's rate be far off: 0.12万元 and 减少0.03万元 give 16.7%–23.3%, not 15.6%–25.0%). None when
    last year's may be nothing or less."""
    lowest, highest = now.hi - sign * delta.lo, now.lo - sign * delta.hi
    if min(lowest, highest) <= 0:
        return None
    rate = Interval(100 * delta.lo / lowest, 100 * delta.hi / highest)
    if stated.malformed:
        return _malformed_match(rate, stated, tolerances)
    return rate.overlaps(percent_interval(stated, tolerances))


def percent_matches(part: Interval, whole: Interval, stated: Number, tolerances: Tolerances) -> bool | None:
    """Whether ``stated`` % can be ``part / whole``; None when undecidable (whole may be 0)."""
    ratio = part.ratio(whole)
    if ratio is None:
        return None
    if stated.malformed:
        return _malformed_match(ratio.scaled(100), stated, tolerances)
    return ratio.scaled(100).overlaps(percent_interval(stated, tolerances))


def _malformed_match(computed: Interval, stated: Number, tolerances: Tolerances) -> bool | None:
    """False for a malformed rate none of whose readings the amounts give ("72.83.1%" for 78.1%); None (NUM001's alone)
    when one does: "75.3.1%" for 75.3% or 75.31% holds the right digits, only mistyped."""
    return None if any(computed.overlaps(percent_interval(reading, tolerances)) for reading in malformed_readings(stated)) \
        else False


def malformed_readings(stated: Number) -> list[Number]:
    """What a number printed with two decimal points may have meant: cut at the second, or either point dropped
    ("73.4.1" → 73.4, 73.41, 734.1)."""
    digits = stated.text.replace(",", "")
    if digits.count(".") != 2 or not digits.replace(".", "").isdigit():
        return []
    head, middle, tail = digits.split(".")
    readings = [f"{head}.{middle}", f"{head}.{middle}{tail}", f"{head}{middle}.{tail}"]
    return [stated._replace(text=text, value=float(text), decimals=len(text.partition(".")[2]))
            for text in readings if not text.startswith(".") and not text.endswith(".")]


def percent_severity(part: Interval, whole: Interval, stated: Number, tolerances: Tolerances) -> Severity:
    """How wrong a stated % that ``percent_matches`` rejected is: a slip of one unit of its last
    printed decimal ("99.86%" for 99.868%) is a warning, a larger gap (or a whole point) an error."""
    ratio = part.ratio(whole)
    if ratio is None or stated.malformed or stated.decimals == 0:
        return Severity.ERROR
    unit = 10.0 ** -stated.decimals
    slip = percent_interval(stated, tolerances)
    slip = Interval(slip.lo - unit, slip.hi + unit)
    return Severity.WARNING if ratio.scaled(100).overlaps(slip) else Severity.ERROR


#: Decimals beyond which a float tells no printed digits apart.
_FLOAT_DIGITS = 15


def truncated(value: float, stated: Number) -> bool:
    """Whether ``stated`` is ``value`` cut off after its printed decimals instead of rounded."""
    factor = 10.0 ** min(stated.decimals, _FLOAT_DIGITS)
    if stated.malformed or stated.decimals > _FLOAT_DIGITS or not (
            math.isfinite(value * factor) and math.isfinite(stated.value * factor)):
        return False  # an extreme printed number (hundreds of digits) cannot have been cut off
    return math.floor(value * factor + 1e-9) == round(stated.value * factor) != round(value * factor)


def related(document, *places: tuple[str, Number | None]) -> list[Related]:
    """Related locations for ``(label, number)`` pairs (table totals, which have no flow span, are left out)."""
    return [Related(document.span(number.start, number.end), label)
            for label, number in places if number is not None and number.start >= 0]


def one_typo_apart(a: str, b: str) -> bool:
    """Whether two printed numbers differ by one digit typed wrong, added, dropped or swapped
    ("76.5" for "76.05", "1123.2" for "1132.2")."""
    a, b = a.replace(",", ""), b.replace(",", "")
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diffs) == 1 or (len(diffs) == 2 and diffs[1] == diffs[0] + 1
                                   and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]])
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def typo_explanation(document, wrong: Number, fits, tolerances: Tolerances, exclude=frozenset()) -> Number | None:
    """The one amount printed elsewhere in ``document`` (in the text, or a bare table cell with
    decimals; not at the offsets in ``exclude``) that ``wrong`` is a typo of and with which the
    claim holds (``fits(interval)``); None when there is no such amount or more than one.
    Candidates are looked up by their printed text, and numbers printed alike (same text and unit)
    are tested once, by their first occurrence, so the search does not grow with the document. A
    round amount ("900.00", fewer than three significant digits) is printed in too many places to
    be evidence by chance: it explains only an amount the text states for the same quantity
    ("项目支出17万元" by "项目支出11万元", not "项目支出预算800.00万元" by a 年初预算 of "900.00"); but where one fits, no other
    amount is the explanation ("3.02" of a table's 3.20 is no typo of a 3.22 printed elsewhere). So for any amount where
    ``wrong`` is printed alike on a line naming its quantity (a table's row restating it)."""
    quantities = document.derived(_quantities_by_offset)
    index = document.derived(_numbers_by_text)
    # ("其他收入12.50万元", as 表1 prints it on its 其他收入 row, is no typo of a 福利费 of 18.50)
    vouched = _restated(document, wrong, quantities.get(wrong.start), index)
    found: dict[float, Number] = {}
    rival = False  # a round amount that would explain it as well: no evidence, but the explanation is then not the one
    for variant in _one_typo_variants(wrong.text.replace(",", "")):
        if variant not in index:
            continue
        for alike in index[variant].values():
            number = next((n for n in alike if n.start not in exclude), None)
            if number is None or not (number.unit == wrong.unit or (not number.unit and number.decimals)) \
                    or number.malformed or number.value == wrong.value or not one_typo_apart(number.text, wrong.text):
                continue
            if (vouched or _significant_digits(number) < _SIGNIFICANT_DIGITS) \
                    and (wrong.start not in quantities or quantities.get(number.start) != quantities[wrong.start]):
                rival = rival or fits(amount(number, tolerances))  # ("3.02" of a 3.20 printed in a table, beside a 3.22)
                continue
            if fits(amount(number, tolerances)) and (number.value not in found or number.start < found[number.value].start):
                found[number.value] = number
    return next(iter(found.values())) if len(found) == 1 and not rival else None


def _restated(document, number: Number, name: str | None, index) -> bool:
    """Whether ``number``, an amount the text states for the quantity ``name``, is printed alike elsewhere on a line
    naming that quantity (表1's "八、其他收入  8  12.50" beside "其他收入12.50万元")."""
    if not name:
        return False
    text = document.flow.text

    def line_of(at: int) -> str:
        end = text.find("\n", at)
        return text[text.rfind("\n", 0, at) + 1:end if end != -1 else len(text)]

    return any(n.start != number.start and name in line_of(n.start)
               for group in index.get(number.text.replace(",", ""), {}).values() for n in group)


def _significant_digits(number: Number) -> int:
    """How many significant digits ``number`` is printed with ("900.00": 1, "7.62": 3)."""
    return len(number.text.replace(",", "").replace(".", "").strip("0"))


def _quantities_by_offset(document) -> dict[int, str]:
    """The quantity each amount the text states is of, by the amount's offset: its base (基本支出,
    项目支出 …, whatever the scope), else its name."""
    return {value.number.start: value.key[1] if value.key else clean_name(value.name) for value in document.claims.values}


def _numbers_by_text(document) -> dict[str, dict[tuple[str, str], list[Number]]]:
    """The document's numbers by their printed text without thousands separators, then by their
    printed text and unit (numbers printed alike), in document order."""
    index: dict[str, dict[tuple[str, str], list[Number]]] = defaultdict(dict)
    for number in document.numbers:
        index[number.text.replace(",", "")].setdefault((number.text, number.unit), []).append(number)
    return index


#: Significant digits an amount needs to be explained as a typo of another (see :func:`typo_explanation`).
_SIGNIFICANT_DIGITS = 3
#: What a slip of the finger can type in a number.
_TYPED = "0123456789.-"
#: Longest printed amount whose typos are looked for: the variants grow with the square of its
#: length, and no amount a clerk types is longer (a run of digits this long is debris).
_MAX_TYPED_LENGTH = 24


@lru_cache(maxsize=1024)
def _one_typo_variants(text: str) -> frozenset[str]:
    """Every text one character typed wrong, added, dropped or two neighbours swapped away from
    ``text`` (cached: the rules ask for the same amount's variants several times); none for a
    text longer than ``_MAX_TYPED_LENGTH``."""
    if len(text) > _MAX_TYPED_LENGTH:
        return frozenset()
    variants = {text[:i] + c + text[i:] for i in range(len(text) + 1) for c in _TYPED}
    for i in range(len(text)):
        variants.add(text[:i] + text[i + 1:])
        variants.update(text[:i] + c + text[i + 1:] for c in _TYPED)
        if i + 1 < len(text):
            variants.add(text[:i] + text[i + 1] + text[i] + text[i + 2:])
    variants.discard(text)
    return frozenset(variants)


@dataclass
class Typo:
    """An input of a claim that is one typo away from an amount printed elsewhere that makes the claim hold."""

    label: str
    wrong: Number
    meant: Number


def find_typo(document, inputs: list[tuple[str, Number]], holds, tolerances: Tolerances,
              rate: Number | None = None) -> Typo | None:
    """The one input (``(label, number)``) whose typo explains a failed claim: ``holds(i, interval)``
    says whether the claim holds with input ``i`` replaced. None when no input or several do, or
    when the claim is a ``rate`` printed without decimals ("增长9%"): so coarse a rate fits amounts
    printed elsewhere by chance."""
    if rate is not None and rate.decimals == 0:
        return None
    found = []
    exclude = frozenset(number.start for _label, number in inputs)  # the claim's own numbers are no evidence
    for i, (label, number) in enumerate(inputs):
        if number.start < 0:
            continue  # a table total: no span to point at
        meant = typo_explanation(document, number, _vouched_fit(document, tolerances, holds, i, number), tolerances, exclude)
        if meant is not None:
            found.append(Typo(label, number, meant))
    return found[0] if len(found) == 1 else None


def _vouched_fit(document, tolerances: Tolerances, holds, i: int, number: Number):
    """Whether a claim holds with its input ``i`` (``number``) replaced by an interval (``holds``), and
    every claim holding in the text that ``number`` is computed in still does (see :func:`_vouching`)."""
    tests = document.derived(_vouching, tolerances).get(number.start, ())
    return lambda interval: holds(i, interval) and all(test(interval) for test in tests)


def printed_as_meant(document, number: Number, alternatives: set[str]) -> bool:
    """Whether ``number`` is printed alike elsewhere (a table restating the text's amount) and none of the texts it
    might have been meant as (``alternatives``) is printed anywhere: it is the amount meant."""
    index = document.derived(_numbers_by_text)
    alike = index.get(number.text.replace(",", ""), {})
    return any(n.start != number.start for group in alike.values() for n in group) \
        and not any(alternative.replace(",", "") in index for alternative in alternatives)


def retyped(number: Number, fits, tolerances: Tolerances, swaps: bool = True) -> set[str]:
    """The texts of ``number`` with one digit typed otherwise (or, with ``swaps``, two neighbouring digits swapped:
    "1.90" for "1.09") that make a claim hold (``fits``), printed as ``number`` is (with its thousands separators)."""
    text = number.text
    variants = {text[:i] + digit + text[i + 1:] for i, character in enumerate(text) if character.isdigit()
                for digit in "0123456789" if digit != character}
    if swaps:
        variants.update(text[:i] + text[i + 1] + text[i] + text[i + 2:] for i in range(len(text) - 1)
                        if text[i].isdigit() and text[i + 1].isdigit() and text[i] != text[i + 1])
    found = set()
    for variant in variants:
        value, decimals = parse_number(variant.replace(",", ""))
        if value is not None and fits(amount(Number(number.text, number.unit, 0, 0, value, decimals), tolerances)):
            found.add(variant)
    return found


def _vouching(document, tolerances: Tolerances) -> dict[int, list]:
    """For each number (by offset) that a rate or share holding in the text is computed from, one test
    per such claim: whether it still holds with another amount in the number's place. A typo
    explanation must not break a claim that holds: in "公用经费318.52万元，较上年减少11.48万元，下降3.48%"
    the rate vouches for 318.52."""
    tests: dict[int, list] = defaultdict(list)

    def vouch(numbers: tuple[Number, ...], matches) -> None:
        if any(n.malformed for n in numbers) or not same_unit(*numbers):
            return
        intervals = [amount(n, tolerances) for n in numbers]
        if matches(*intervals) is not True:
            return
        for i, number in enumerate(numbers):
            def still_holds(interval, i=i):
                replaced = list(intervals)
                replaced[i] = interval
                return matches(*replaced) is not False
            tests[number.start].append(still_holds)

    claims = document.claims
    for change in claims.changes:
        rate, sign = change.rate, change.sign
        if change.current is not None and rate is not None and not rate.malformed and change.rate_sign == sign:
            vouch((change.current.number, change.delta), lambda now, delta, rate=rate, sign=sign: percent_matches(
                delta, previous_level(now, delta, sign), rate, tolerances))
    for share in claims.shares:
        if share.whole is not None and not share.percent.malformed:
            vouch((share.part.number, share.whole.number), lambda part, whole, percent=share.percent: percent_matches(
                part, whole, percent, tolerances))
    for claim in [*claims.completions, *claims.executions]:
        if claim.budget is not None and claim.rate is not None and not claim.rate.malformed:
            vouch((claim.actual, claim.budget), lambda actual, budget, rate=claim.rate: percent_matches(
                actual, budget, rate, tolerances))
    return tests


def typo_finding(rule, document, message: str, typo: Typo, stated: Number, what: str,
                 others: tuple[tuple[str, Number], ...] = ()):
    """A finding at the mistyped amount, with the stated result, the amount meant and ``others`` (a sum's
    parts) as related places (``message``, ``what`` and ``typo.label`` are already in the reader's language)."""
    return rule.finding(
        document, document.span(typo.wrong.start, typo.wrong.end),
        _("{message}; with {meant} in place of {wrong} the stated {what} holds: "
          "the {label} {wrong} is likely a typo for {meant}",
          message=message, meant=typo.meant.text, wrong=typo.wrong.text, what=what, label=typo.label),
        expected=f"{typo.meant.text}{typo.wrong.unit}",
        related=related(document, (_("stated {what}", what=what), stated if stated is not typo.wrong else None),
                        (_("{amount} printed here", amount=typo.meant.text), typo.meant),
                        *((label, number) for label, number in others
                          if number.start not in (typo.wrong.start, typo.meant.start))),
    )


def ratio_text(part: float, whole: float, decimals: int) -> str:
    """``852.68 / 1091.53 = 78.1%``."""
    return f"{format_amount(part)} / {format_amount(whole)} = {format_ratio(part, whole, decimals)}"


def count_ratio_mismatch(part: float, whole: float, rate: Number, tolerances: Tolerances) -> str | None:
    """:func:`ratio_text` of two counts whose ratio the stated ``rate`` cannot be (counts are exact, so only the rate is
    rounded); None when it can be, or the whole is none."""
    if whole <= 0 or percent_matches(Interval(part, part), Interval(whole, whole), rate, tolerances) is not False:
        return None
    return ratio_text(part, whole, rate.decimals)


def sum_gap(parts: list[Number], whole: Number, tolerances: Tolerances) -> tuple[float, float]:
    """``(difference, allowance)``: Σparts − whole, and the tail difference rounding allows (none
    for counts: "5辆" is exact; none for a part printed as nothing, "0万元": there is none of it)."""
    difference = sum(p.value for p in parts) - whole.value
    if whole.unit == "亿元" or (tolerances.rounded_amounts and whole.unit.endswith("元")) \
            or (whole.unit == "平方米" and any(n.decimals for n in (*parts, whole))):
        # rounded to their last printed digit ("7738.1亿元", "8,452.4万元" in a text printing no cents; areas printed
        # with decimals, "12,486.30平方米", and those beside them to the unit)
        return difference, sum(0.5 * 10.0 ** -n.decimals for n in (*parts, whole)) + 1e-9
    tail = tolerances.tail_per_item if whole.unit.endswith("元") else 0.0
    if not (tail and tolerances.rounded_short_amounts):
        return difference, tail * sum(1 for part in parts if part.value) + 1e-9
    # a tail a part printed to the cent; an amount printed with fewer decimals is rounded to them ("281.1万元")
    rounded = sum(0.5 * 10.0 ** -n.decimals for n in (*parts, whole) if n.decimals < 2 and n.value)
    return difference, tail * sum(1 for part in parts if part.value and part.decimals >= 2) + rounded + 1e-9


@dataclass
class QuantityIndex:
    """Current-year statements of each known quantity, in document order."""

    by_key: dict[Key, list[Stated]]
    #: The document, weakly (the document holds its index): its table totals stand in for
    #: quantities the text does not state.
    document: weakref.ref | None = None
    #: The ``id`` of each statement of another year than the document's, and of each part listed under an earlier
    #: year's whole stating no year of its own.
    other_years: frozenset[int] = frozenset()

    @classmethod
    def of(cls, document) -> "QuantityIndex":
        """The document's index, built once and shared by the rules."""
        return document.derived(_build_index)

    def first(self, key: Key | None) -> Stated | None:
        statements = self.by_key.get(key) if key else None
        return statements[0] if statements else None

    def last_before(self, key: Key | None, offset: int, name: str | None = None) -> Stated | None:
        """The text's last statement of ``key`` before flow offset ``offset`` (the amount a change
        that follows it is read against), one named as ``name`` first ("收入预算比上年增加…" after "收入预算2,136.18万元，
        其中：本年收入1,693.78万元": of the 收入预算); else the last statement named so whatever its key ("收入预算总额比上年…"
        after "本部门收入预算2,136.18万元"), or, for a change of no known quantity, the last amount of none named so (a name of
        four characters at least: "经营支出"); else :meth:`whole`."""
        before = [stated for stated in self.by_key.get(key, ()) if stated.number.start < offset] if key else []
        bare = bare_name(name) if name else None
        alike = [stated for stated in before if bare_name(stated.name) == bare] if bare else []
        if alike or before:
            return (alike or before)[-1]
        if bare and key:
            # (of the same scope: a fund's 基本支出 is not the department's, stated earlier by the same word)
            alike = [stated for values in self.by_key.values() for stated in values
                     if stated.number.start < offset and bare_name(stated.name) == bare
                     and (stated.key is None or stated.key[0] == key[0])]
            if alike:
                return max(alike, key=lambda stated: stated.number.start)
        document = self.document() if self.document is not None else None
        if bare and len(bare) >= 4 and key is None and document is not None:  # "2024年度经营支出1,684.27万元。与2023年度相比，经营支出增加…"
            alike = [stated for stated in document.claims.values if stated.key is None and stated.number.start < offset
                     and bare_name(stated.name) == bare and id(stated) not in self.other_years]
            return alike[-1] if alike else None
        return self.whole(key)

    def whole(self, key: Key | None) -> Stated | None:
        """The text's first statement of ``key``, else the total a table prints for it."""
        stated = self.first(key)
        document = self.document() if self.document is not None else None
        if stated is not None or key is None or document is None:
            return stated
        found = document.derived(_table_totals).get(key)
        if found is None:
            return None
        where, value = found
        # A table cell has original-file offsets, not flow offsets: -1 marks it as not spannable.
        # Its unit is the table's (万元 when the table prints none): rules skip amounts in another unit.
        return Stated(where, Number(value.text, value.unit or "万元", -1, -1, value.value, value.decimals), key)


#: A list item's number before a name ("1.", "（二）", "2、").
_ITEM_NUMBER = compile_re(r"^(?:[(（]?[\d一二三四五六七八九十]+[)）.、．]\s*)+")


def stated_by_name(document, share) -> Stated | None:
    """The last amount stated before ``share`` under the very name of its whole, when no known
    quantity has that name ("总收入3,215.40万元…占总收入的65.31%")."""
    if not share.whole_name or share.whole_key is not None:
        return None
    by_name, by_bare_name = document.derived(_values_by_name)
    name = clean_name(share.whole_name)
    total = _total_named(name)
    statements = by_name.get(name) or by_bare_name.get(name) or by_name.get(total) or by_bare_name.get(total, ())
    before = [stated for stated in statements
              if stated.number.start < share.percent.start and (share.part.year is None or _same_year(share.part.year, stated.year))]
    return before[-1] if before else None


def _same_year(year: str, other: str | None) -> bool:
    """Whether two years a text names are one ("2025年度", "2025年")."""
    return year == other or (other is not None and year[:4].isdigit() and year[:4] == other[:4])


def _values_by_name(document) -> tuple[dict[str, list[Stated]], dict[str, list[Stated]]]:
    """The text's amounts of no known quantity by their name, without a list item's number, a year or
    the department naming itself ("本部门政府采购预算总额" is "政府采购预算总额"); and those whose name
    opens with an organisation's by the rest ("北京市京西区统计局政府采购预算总额": "政府采购预算总额"), for
    a name no amount has."""
    by_name: dict[str, list[Stated]] = defaultdict(list)
    by_bare_name: dict[str, list[Stated]] = defaultdict(list)
    for value in document.claims.values:
        if value.key is None and not value.number.malformed:
            name = clean_name(_ITEM_NUMBER.sub("", value.name))
            by_name[name].append(value)
            if (total := _total_named(name)) != name:
                by_name[total].append(value)
            if organisation := organisation_of(name):
                by_bare_name[name.removeprefix(organisation)].append(value)
    return by_name, by_bare_name


def bare_name(name: str) -> str:
    """A quantity's name without its list number, year, the organisation it opens with and the words saying it is a
    total ("1.南湖街道办事处收入预算总额" → "收入预算")."""
    name = clean_name(_ITEM_NUMBER.sub("", name))
    if organisation := organisation_of(name):
        name = name.removeprefix(organisation)
    return _total_named(name)


def _total_named(name: str) -> str:
    """``name`` without the words that only say it is a total ("政府采购项目预算总额", "政府采购预算共" → "政府采购预算";
    the 政府采购 of projects is all of it), for a share whose whole is worded otherwise than its statement."""
    return _TOTAL_WORDS.sub("", name.replace("政府采购项目", "政府采购"))


#: Words after a name that only say the amount is its total.
_TOTAL_WORDS = compile_re(r"(?:总额|总计|合计|共计|共)$")


def _build_index(document) -> QuantityIndex:
    claims = document.claims
    years = [v.year[:4] for v in claims.values if v.year]
    # The document's year, else the most stated year, ties to the first stated: the same in every process (a set's
    # order is not), and linear (list.count per year is not).
    title_year = document.derived(original_year)
    main_year = str(title_year) if title_year else Counter(years).most_common(1)[0][0] if years else None
    by_key: dict[Key, list[Stated]] = defaultdict(list)
    # Last year's amounts named so ("上年一般公共预算财政拨款支出5,462.83万元，其中…") and the parts listed under them.
    last_years = {id(v) for v in claims.values if LAST_YEARS.match(clean_name(v.name))}
    last_years |= {id(part) for breakdown in claims.breakdowns if breakdown.whole is not None
                   and id(breakdown.whole) in last_years for part in breakdown.parts if not part.year}
    for value in claims.values:
        if value.key and not value.number.malformed and (not value.year or value.year[:4] == main_year) \
                and id(value) not in last_years:
            by_key[value.key].append(value)
    # A part stating no year is of its list's whole's year when that whole is an earlier year's
    # amount ("2022年度“三公”经费…20万元，其中：公务接待费…" in a 2023 决算 stating 18万元 for it): not
    # when the whole's amount is this year's, a year label copied from last year's file and left.
    earlier = [breakdown for breakdown in claims.breakdowns
               if breakdown.whole is not None and breakdown.whole.year and main_year
               and breakdown.whole.year[:4] < main_year and _restated_otherwise(breakdown.whole, by_key)]
    parts = {id(part) for breakdown in earlier for part in breakdown.parts if not part.year}
    if parts:
        kept = {key: [value for value in statements if id(value) not in parts] for key, statements in by_key.items()}
        by_key = {key: statements for key, statements in kept.items() if statements}
    # ("2021年度“三公”经费合计支出20.12万元，其中：…公务接待12.39万元" in a 2022 预算: no level of this year's change)
    other_years = {id(value) for value in claims.values if value.year and value.year[:4] != main_year}
    other_years |= {id(part) for breakdown in claims.breakdowns if id(breakdown.whole) in other_years
                    and breakdown.whole.year[:4] < main_year for part in breakdown.parts if not part.year}
    return QuantityIndex(dict(by_key), weakref.ref(document), frozenset(other_years | last_years))


def _restated_otherwise(whole: Stated, by_key: dict[Key, list[Stated]]) -> bool:
    """Whether the text states ``whole``'s quantity for this year, always in its unit and never at
    its amount."""
    statements = by_key.get(whole.key, ()) if whole.key else ()
    return bool(statements) and all(same_unit(stated.number, whole.number)
                                    and abs(stated.number.value - whole.number.value) > 1e-6 for stated in statements)


def _table_totals(document):
    from linter.extract.table_totals import table_totals

    return table_totals(document.tables)


# ---------------------------------------------------------------------------
# Sums: parts listed after 其中 / 主要用于, completion paragraphs, identities
# ---------------------------------------------------------------------------

#: Totals the narrative states as exactly the sum of two of its components.
IDENTITIES = (
    ("基本支出", ("人员经费", "公用经费")),
    ("支出", ("基本支出", "项目支出")),
    # a 预算's 当年拨款: its 支出表's 合计, the 基本支出 and 项目支出 paid from this year's appropriation
    ("当年拨款", ("基本支出", "项目支出")),
    ("三公经费", ("因公出国(境)费", "公务用车购置及运行维护费", "公务接待费")),
    ("公务用车购置及运行维护费", ("公务用车购置费", "公务用车运行维护费")),
)
def identities_in(scopes):
    """``(scope, whole base, part bases)`` of each sum of :data:`IDENTITIES` in each of ``scopes``;
    支出 (or 当年拨款) = 基本支出 + 项目支出 only in the scopes of :data:`_SPENDING_SPLIT_SCOPES` (a department also
    spends on 经营支出 and the like)."""
    for whole_base, part_bases in IDENTITIES:
        for scope in scopes:
            if whole_base not in ("支出", "当年拨款") or scope in _SPENDING_SPLIT_SCOPES:
                yield scope, whole_base, part_bases


def _stated_bases(index: "QuantityIndex", scope: str, bases: tuple[str, ...]) -> tuple[str, ...]:
    """``bases`` with each one the text leaves unstated but states the components of replaced by them ("因公出国（境）费…，
    公务用车购置费…，公务用车运行维护费…，公务接待费…": 三公经费's four parts)."""
    stated = []
    for base in bases:
        components = next((parts for whole, parts in IDENTITIES if whole == base), ())
        if index.first((scope, base)) is None and components and all(index.first((scope, c)) for c in components):
            stated.extend(components)
        else:
            stated.append(base)
    return tuple(stated)


#: Totals whose components are complete by definition, so that where the text states every
#: component but never the total, their sum is the total.
_SUMMED_TOTALS = ("三公经费", "公务用车购置及运行维护费")


def component_sum(index: "QuantityIndex", key: Key | None, tolerances: Tolerances) -> tuple[Stated, Interval, list[Stated]] | None:
    """The total ``key`` as the sum of its components where the text states each of them (in one
    unit, well formed) but not the total: a statement of no place, the interval of the sum and the
    components; else None."""
    if key is None or key[1] not in _SUMMED_TOTALS:
        return None
    bases = next(parts for whole, parts in IDENTITIES if whole == key[1])
    components = [index.first((key[0], base)) for base in bases]
    if any(c is None or c.number.malformed for c in components) or not same_unit(*(c.number for c in components)):
        return None
    numbers = [c.number for c in components]
    value = sum(n.value for n in numbers)
    decimals = max(n.decimals for n in numbers)
    total = Stated(key[1], Number(format_amount(value), numbers[0].unit, -1, -1, value, decimals), key)
    intervals = [amount_interval(n, tolerances) for n in numbers]
    interval = Interval(sum(i.lo for i in intervals), sum(i.hi for i in intervals))
    return total, interval, components


#: The names of a completion group's budget sums, by the budget's kind (see ``Completion.budgets``).
_BUDGET_SUMS = {
    "年初": (N_("the subjects' 年初预算"), N_("the total 年初预算")),
    "全年": (N_("the subjects' 全年预算"), N_("the total 全年预算")),
    "调整": (N_("the subjects' 调整预算"), N_("the total 调整预算")),
    "": (N_("the subjects' 预算"), N_("the total 预算")),
}
#: Words introducing a completion total's subject lines that announce a selection ("其中主要项目：",
#: "主要支出项目如下", "重点项目"), not every subject: those lines need not add up to the total (but
#: must stay within it). Only the sentence that introduces them is read: "部分项目未开展" before it
#: explains the total. "支出决算数较大的项级科目情况如下" and "排名前五的项目" select too.
_SELECTION = compile_re(
    r"(?:主要|重点|部分|大额|较大的?|排名前[0-9一二三四五六七八九十]+(?:位|名)?的?)(?:支出)?(?:[类款项]级)?(?:项目|科目|内容|支出)"
)
#: Scopes where 支出 = 基本支出 + 项目支出 holds (a department may also have 经营支出 etc.).
_SPENDING_SPLIT_SCOPES = ("一般公共预算财政拨款", "财政拨款")


@dataclass
class SumCheck:
    """Parts that must add up to (``complete``) or stay within a whole."""

    what: str
    whole_name: str
    whole: Number
    parts: list[Number]
    complete: bool
    difference: float
    allowance: float
    #: The parts as printed, when some were printed in a finer unit and converted to the whole's ("41.39亿元，其中：
    #: …20525.28万元"); else None.
    printed: tuple[str, ...] | None = None

    @property
    def exceeds(self) -> bool:
        return self.difference > self.allowance

    @property
    def mismatch(self) -> bool:
        return abs(self.difference) > self.allowance

    @property
    def tail(self) -> bool:
        """Off by a rounding tail only: not an error."""
        return 1e-6 < abs(self.difference) <= self.allowance

    def typo(self, document, tolerances: Tolerances) -> "Typo | None":
        """The one number of the sum (whole or part) that is one typo away from an amount printed
        elsewhere with which the sum comes out ("76.5" listed under a total of "76.05"); none is sought among
        converted parts, whose printed digits are of another unit."""
        if self.printed:
            return None
        numbers = [self.whole, *self.parts]

        def holds(i, interval):
            values = [n.value for n in numbers]
            values[i] = (interval.lo + interval.hi) / 2
            return abs(sum(values[1:]) - values[0]) <= self.allowance

        inputs = [(_("whole"), self.whole)] + [(_("part"), p) for p in self.parts]
        typo = find_typo(document, inputs, holds, tolerances)
        if typo is not None and typo.wrong is not self.whole and any(
                retyped(part, _vouched_fit(document, tolerances, holds, i, part), tolerances, swaps=False)
                for i, part in enumerate(numbers) if i and part is not typo.wrong and part.start >= 0):
            return None  # another part one digit away would do as well: the amount printed elsewhere may be chance
        return typo

    def explain(self) -> str:
        total = format_amount(sum(p.value for p in self.parts))
        if self.printed:
            total = _("{terms} = {total}", terms=" + ".join(self.printed), total=total + self.whole.unit)
        elif len(self.parts) > 1:
            total = _("{terms} = {total}", terms=_terms(p.value for p in self.parts), total=total)
        return _("{total}, but {whole} is {amount}{unit}", total=total,
                 whole=display_name(_(self.whole_name)), amount=format_amount(self.whole.value), unit=self.whole.unit)


def sum_findings(rule, document, checks, tolerances: Tolerances, message: str):
    """:func:`sum_finding` of each of ``checks``, but once for the same numbers found at the same place (a 三公 list
    under its total and the 三公 parts named again later, both blaming one mistyped part)."""
    seen = set()
    for check in checks:
        finding = sum_finding(rule, document, check, tolerances, message)
        key = (finding.span.start, check.whole.value, tuple(sorted(p.value for p in check.parts)))
        if key not in seen:
            seen.add(key)
            yield finding


def sum_finding(rule, document, check: SumCheck, tolerances: Tolerances, message: str):
    """A finding at the one number that is wrong: the whole or a part one typo away from an amount
    printed elsewhere with which the sum comes out, else the whole; the others are related locations.
    ``message`` is the rule's message id (``N_``) with ``{parts}`` and ``{explanation}`` placeholders."""
    message = _(message, parts=_(check.what), explanation=check.explain())
    typo = check.typo(document, tolerances)
    places = [(_("part"), p) for p in check.parts]
    if typo is not None:
        return typo_finding(rule, document, message, typo, check.whole, _("sum"), tuple(places))
    return rule.finding(document, document.span(check.whole.start, check.whole.end), message,
                        related=related(document, *places))


def sum_checks(document, tolerances: Tolerances) -> list[SumCheck]:
    """Every sum the narrative implies, computed once per document and shared by the rules."""
    return document.derived(_sum_checks, tolerances)


def _leading_parts_add_up(text: str, parts: list[Number], whole: Number, tolerances: Tolerances) -> bool:
    """Whether the first parts, not all, add up to ``whole`` and the next part is of another kind
    than theirs (its name ends otherwise): the list goes on with categories beside the whole's
    ("教职工157人，其中：在职教职工92人，离退休职工65人，遗属补助人数17人"; "在职职工322人，其中正式职工
    322人，服务期特岗教师9人"). Parts of one kind ("…建设项目300万元，…维修项目500万元，…培训项目100万元")
    are one list. One part equal to the whole is enough for counts only: an amount listed equal to
    its whole before others is as likely a slip."""
    for n in range(1 if not whole.unit.endswith("元") else 2, len(parts)):
        if _adds_up(parts[:n], whole, tolerances):
            kinds = {_name_before(text, part.start)[-2:] for part in parts[:n]}
            return _name_before(text, parts[n].start)[-2:] not in kinds
    return False


#: What ends the name of a listed part, looking back from its number.
_NAME_START = compile_re(r"[，,、；;：:。（(\n\d]")
#: Words between a part's name and its number ("…收入为", "…人数是").
_NAME_LINK = compile_re(r"(?:为|是|共|计|约|达)+$")


def _name_before(text: str, start: int) -> str:
    """The name of the part whose number starts at ``start``: the text back to the last separator."""
    window = text[max(0, start - 20):start]
    cut = max((m.end() for m in _NAME_START.finditer(window)), default=0)
    return _NAME_LINK.sub("", window[cut:].strip())


def _introduction(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` of the sentence introducing the list in ``text[start:end]``, the text between
    a total and its first item: the last sentence before the item's line (its subject line ends
    in "。" too)."""
    end = max(start, text.rfind("\n", start, end))
    return max(start, text.rfind("。", start, end) + 1), end


def _listed_with_more(whole: Stated, parts: list[Stated], claims, tolerances: Tolerances) -> bool:
    """Whether the text lists ``parts`` under ``whole`` with more parts beside them, all adding up to
    it ("基本支出3038.92万元，其中人员经费2617.97万元，公用经费364.21万元，纳入财政专户的非税管理56.74万元"):
    the document divides it otherwise than by definition, consistently."""
    for breakdown in claims.breakdowns:
        listed = {id(part) for part in breakdown.parts}
        if breakdown.whole is whole and len(listed) > len(parts) and all(id(part) in listed for part in parts) \
                and _adds_up([part.number for part in breakdown.parts], whole.number, tolerances):
            return True
    return False


def _listed_under_another(whole: Stated, parts: list[Stated], claims) -> bool:
    """Whether the text lists ``parts`` under another quantity than ``whole``, and not one holding it ("一般公共预算当年拨款
    8,652.37万元。其中：基本支出…，项目支出…" beside a 一般公共预算拨款支出 that spends last year's carry-over too): they make
    up that one."""
    return any(breakdown.whole is not None and breakdown.whole.key is not None and breakdown.whole.key[1] != whole.key[1]
               and not is_part_of(whole.key, breakdown.whole.key)
               and all(any(part is listed for listed in breakdown.parts) for part in parts) for breakdown in claims.breakdowns)


def _approximate(breakdown) -> bool:
    """Whether the whole or a part is an approximation ("城乡社区环境卫生约139万元", "死亡抚恤金近23万元"):
    no sum of them is exact."""
    return any(_APPROXIMATION.search(clean_name(stated.name)) for stated in (breakdown.whole, *breakdown.parts))


#: The words before an approximate amount ("约", "近", "约为", "超过", "不足").
_APPROXIMATION = compile_re(r"(?:约|近|大约|约为|将近|接近|超过|逾|不足|不到)$")


def _of_the_change(breakdown, claims, tolerances: Tolerances) -> bool:
    """Whether parts exceeding their whole fit within a change stated between the whole and them,
    which they may break down instead: "项目支出预算476.71万元，比2021年预算减少1994.21万元。其中：
    1.…1872万元。2.…122.21万元" lists the projects that ended."""
    parts = [p.number for p in breakdown.parts]
    whole = breakdown.whole.number
    if not parts or whole.malformed or any(p.malformed for p in parts) or not same_unit(whole, *parts):
        return False
    if _within(parts, whole, tolerances):
        return False  # nothing to explain
    first = min(p.start for p in parts)
    return any(whole.end <= change.delta.start < first and not change.delta.malformed
               and same_unit(change.delta, *parts) and _within(parts, change.delta, tolerances)
               for change in claims.changes)


def _restated_among_parts(breakdown) -> bool:
    """Whether the whole is stated again as one of several parts, by the same amount and a name ending
    in its own ("…，运行维护费41.32万元。…。其中：公务用车购置费26.75万元；公务用车运行维护费41.32万元"): the
    其中 opening a paragraph lists the parts of what the paragraph is about, not of the last amount."""
    whole, parts = breakdown.whole, breakdown.parts
    return len(parts) > 1 and any(part.number.value == whole.number.value and part.name.endswith(whole.name)
                                  for part in parts)


def _other_valuation(breakdown) -> bool:
    """Whether parts give an asset's 原值 (its cost, before depreciation) under a whole that is no 原值: "资产总额186,452.37
    万元，其中：固定资产原值152,318.64万元、净值98,765.43万元" states two values of the same assets, no parts."""
    return "原值" not in breakdown.whole_name and any("原值" in part.name for part in breakdown.parts)


def _parts_named_after_another(breakdown, claims, text: str) -> bool:
    """Whether every part is named as a narrowing of another amount of the whole's sentence (its name's
    characters in order), not of the whole ("公务用车购置及运行维护费支出19.64万元，公务接待费支出3.26万元，其中：
    公务用车运行维护费19.64万元"): which amount the 其中 breaks down is unsure."""
    whole, listed = breakdown.whole, {id(part) for part in breakdown.parts}
    start = max(text.rfind(mark, 0, whole.number.start) for mark in "。；;\n") + 1
    others = [clean_name(v.name) for v in claims.values
              if start <= v.number.start < whole.number.start and v is not whole and id(v) not in listed]
    return bool(others and breakdown.parts) and all(
        len(name := clean_name(part.name)) >= 4 and not _narrows(name, clean_name(whole.name))
        and any(_narrows(name, other) for other in others) for part in breakdown.parts)


def _narrows(part: str, whole: str) -> bool:
    """Whether ``whole`` writes every character of ``part`` in order ("公务用车运行维护费" of "公务用车购置及运行维护费")."""
    characters = iter(whole)
    return all(character in characters for character in part)


def _within(parts: list[Number], whole: Number, tolerances: Tolerances) -> bool:
    """Whether ``parts`` add up to no more than ``whole``, rounding allowed."""
    difference, allowance = sum_gap(parts, whole, tolerances)
    return difference <= allowance


def _adds_up(parts: list[Number], whole: Number, tolerances: Tolerances) -> bool:
    """Whether ``parts`` add up to ``whole``, rounding allowed."""
    difference, allowance = sum_gap(parts, whole, tolerances)
    return abs(difference) <= allowance


def _siblings(breakdown, shares) -> bool:
    """Whether the parts of ``breakdown`` are its whole's siblings: the whole and every part are
    stated as shares of one named total ("项目支出预算48100元，占支出总预算的4.43%。其中：(一)文化旅游
    体育与传媒支出850088.3元，占支出总预算78.33%；…" lists the subjects of 支出总预算)."""
    named = {share.whole_name for share in shares if share.part is breakdown.whole and share.whole_name}
    parts = {id(part) for part in breakdown.parts}
    of_parts = {id(share.part): share.whole_name for share in shares if id(share.part) in parts}
    return bool(named) and len(of_parts) == len(parts) and set(of_parts.values()) <= named


def _sum_checks(document, tolerances: Tolerances) -> list[SumCheck]:
    claims, index = document.claims, QuantityIndex.of(document)
    checks: dict[tuple, SumCheck] = {}

    def add(what, whole_name, whole, parts, complete):
        if whole is None or not parts or whole.malformed or any(p.malformed for p in parts):
            return
        printed = None
        if not same_unit(whole, *parts):
            printed = tuple(f"{p.text}{p.unit}" for p in parts)
            parts = _in_coarser_unit(parts, whole)
            if parts is None:
                return
        difference, allowance = sum_gap(parts, whole, tolerances)
        if not complete and difference > allowance and _leading_parts_add_up(document.flow.text, parts, whole, tolerances):
            return  # "教职工157人，其中：在职92人，离退休65人，遗属补助17人": more categories after the whole's
        # One sum once: the same parts under the same amount stated twice (a 其中 list under
        # "一般公共预算财政拨款基本支出800万元" and 人员经费 + 公用经费 = the 基本支出 stated earlier) are
        # checked against the first statement, complete if either says so.
        key = (tuple(sorted(p.start for p in parts)), whole.value, whole.unit)
        if key not in checks:
            checks[key] = SumCheck(what, whole_name, whole, parts, complete, difference, allowance, printed)
        elif complete:
            checks[key] = replace(checks[key], complete=True)

    for breakdown in claims.breakdowns:
        if breakdown.whole is None or _siblings(breakdown, claims.shares) or _of_the_change(breakdown, claims, tolerances) \
                or _restated_among_parts(breakdown) or _subjects_after_a_balance(breakdown) or _both_sides_listed(breakdown) \
                or _parts_named_after_another(breakdown, claims, document.flow.text) or _other_valuation(breakdown) \
                or _approximate(breakdown) or _budgets_under_spending(breakdown, document.flow.text) \
                or _unfilled_part(breakdown, document.flow.text):
            continue
        parts = [p.number for p in breakdown.parts]
        complete = breakdown.summed or _shares_complete(breakdown, tolerances) or _procurement_kinds(breakdown) \
            or _complements(breakdown) or _surplus_allocation(breakdown) or _the_three_funds(breakdown) \
            or _ends_in_catch_all(breakdown, document.flow.text) or _a_subjects_basic_and_projects(breakdown)
        add(N_("the parts listed"), breakdown.whole_name, breakdown.whole.number, parts, complete)
    for group in claims.completion_groups:
        items, every = _completion_items(group)
        if len(items) < 2 or not _same_level(items):
            continue
        every = every and not _SELECTION.search(document.flow.text, *_introduction(document.flow.text, group.total.end, items[0].start)) \
            and not _table_between(document, group.total.end, items[0].start)
        for kind, total_budget in group.total.budgets.items():
            if total_budget is not None and all(kind in i.budgets for i in items):
                budgets = [i.budgets[kind] for i in items if i.budgets[kind] is not None]  # None: 年初无预算
                add(*_BUDGET_SUMS[kind], total_budget, budgets, every)
        add(N_("the subjects' 支出决算"), N_("the total 支出决算"), group.total.actual, [i.actual for i in items], every)
    for parent, children in _class_groups(claims.completions):
        # "1. 外交支出（类）。年初预算为…" then its "（1）…（项）。年初预算为…" lines: every 项 when their 支出决算 make the 类's
        gap, allowance = sum_gap([c.actual for c in children], parent.actual, tolerances) \
            if not any(n.malformed for n in (parent.actual, *(c.actual for c in children))) else (math.inf, 0.0)
        every = abs(gap) <= allowance
        subject = _ITEM_NUMBER.sub("", clean_name(parent.subject))
        for kind, total_budget in parent.budgets.items():
            if total_budget is not None and all(kind in c.budgets and c.budgets[kind] is not None for c in children):
                add(_BUDGET_SUMS[kind][0], f"{subject}{kind}预算", total_budget, [c.budgets[kind] for c in children], every)
        add(N_("the subjects' 支出决算"), f"{subject}支出决算", parent.actual, [c.actual for c in children], False)
    for whole_key, leaves in _subject_leaves(index):
        whole = index.first(whole_key)
        add(N_("the 款 and 项 stated under the subject"), whole.name, whole.number, [index.first(k).number for k in leaves], False)
    for scope, whole_base, part_bases in identities_in({key[0] for key in index.by_key}):
        whole = index.first((scope, whole_base))
        part_bases = _stated_bases(index, scope, part_bases)
        parts = [index.first((scope, base)) for base in part_bases]
        if whole and all(parts) and not _listed_with_more(whole, parts, claims, tolerances) \
                and not _listed_under_another(whole, parts, claims):
            add(f"{'+'.join(part_bases)}", whole.name, whole.number, [p.number for p in parts], True)
    for listed in count_lists(document.flow.text):
        if not listed.overlapping:
            add(N_("the counts listed"), listed.label, listed.whole, listed.parts, listed.complete)
    for listed in project_lists(document.flow.text):
        add(N_("the projects listed"), listed.name, listed.whole, list(listed.parts), True)
    return list(checks.values())


def _table_between(document, start: int, end: int) -> bool:
    """Whether a table's row stands between flow offsets ``start`` and ``end`` in the original ("分项目列示如下：" then the
    subjects' table, then paragraphs on some of them): the table is the whole list, the paragraphs a selection."""
    first, last = document.flow.source_span(start, end)
    return _TABLE_ROW.search(document.original.text, first, last) is not None


#: A line of a table: cells parted by tabs, one of them an amount.
_TABLE_ROW = compile_re(r"\n[^\n]*\t[\d,]+\.\d{2}")


def _budgets_under_spending(breakdown, text: str) -> bool:
    """Whether the parts are budgets ("公务用车运行维护费预算6.00万元，决算5.00万元") of a whole stated as spent ("预算为10.00万元，
    支出决算为8.00万元。其中：…"): the parts' 决算 follow them, so no sum of those read holds the whole."""
    if not all(_BUDGET_NAMED.search(part.name or "") for part in breakdown.parts):
        return False
    start = breakdown.whole.number.start
    return "决算" in text[max(0, start - _KIND_REACH):start]


#: A part named as a budget, and how far before an amount the words naming its kind stand.
_BUDGET_NAMED = compile_re(r"预算数?$")
_KIND_REACH = 6


def _in_coarser_unit(parts: list[Number], whole: Number) -> list[Number] | None:
    """``parts`` in the unit of ``whole`` when that unit is as coarse as theirs (a total of 亿元 over parts of 万元:
    a part keeps its precision as more decimals); None when a part is coarser or not an amount of money."""
    if whole.unit not in _IN_WAN or any(p.unit not in _IN_WAN or _IN_WAN[p.unit] > _IN_WAN[whole.unit] for p in parts):
        return None
    converted = []
    for part in parts:
        scale = _IN_WAN[part.unit] / _IN_WAN[whole.unit]
        shift = round(-math.log10(scale))
        converted.append(part._replace(unit=whole.unit, value=part.value * scale, decimals=part.decimals + shift))
    return converted


def _terms(values) -> str:
    """Amounts written as a sum, a negative one subtracted ("3862745.18 − 8760")."""
    first, *rest = values
    return " ".join([format_amount(first), *(f"{'−' if v < 0 else '+'} {format_amount(abs(v))}" for v in rest)])


def _subjects_after_a_balance(breakdown) -> bool:
    """Whether a balance ("…本年支出2954.50万元，年末结转和结余225.50万元。其中：") is followed by subjects'
    spending ("1.…（类）…（项）1684.50万元"): the list breaks down the spending stated before it, not the balance."""
    whole = breakdown.whole.name
    return ("结转" in whole or "结余" in whole) and bool(breakdown.parts) \
        and all(SUBJECT_LEVEL.search(part.name) for part in breakdown.parts)


def _both_sides_listed(breakdown) -> bool:
    """Whether the parts are of two sides: of a 收、支总计 ("财政拨款收、支总计…。其中：一般公共预算财政拨款收入…；年初财政
    拨款结转和结余…；年末财政拨款结转和结余…": the income and opening balance make one side, the closing balance belongs to
    the other), or of an amount used (its opening balance and what was added, less its closing balance: "使用专项债券资金
    14,625,300.00元，其中：上年结转…，本年新增…，年末结转374,700.00元"). No sum of them all is the whole."""
    names = [part.name for part in breakdown.parts]
    if not any("年末" in name or "结转下年" in name for name in names):
        return False
    key = breakdown.whole.key
    return any("上年结转" in name or "年初结转" in name for name in names) \
        or (key is not None and key[1] == "收支总计" and any("年初" in name or "收入" in name for name in names))


def _subject_leaves(index: QuantityIndex) -> list[tuple[Key, list[Key]]]:
    """Each subject stated (类 or 款, "类:卫生健康") with the subjects stated below it, in the same
    scope, that have none stated below them ("类:卫生健康/款:…/项:事业单位医疗"): disjoint parts of
    the subject whether or not every one of its parts is stated."""
    subjects = [key for key in index.by_key if key[1].startswith("类:")]
    found = []
    for scope, base in subjects:
        below = [k for k in subjects if k[0] == scope and k[1].startswith(base + "/")]
        leaves = [k for k in below if not any(o[1].startswith(k[1] + "/") for o in below)]
        if leaves:
            found.append(((scope, base), leaves))
    return found


def _shares_complete(breakdown, tolerances: Tolerances) -> bool:
    """A list whose stated shares cover every part (but parts of 0: "；上年结转0万元") and add up to 100%."""
    shared, listed = {id(share.part) for share in breakdown.shares}, {id(part) for part in breakdown.parts}
    if len(breakdown.shares) < 2 or not shared <= listed \
            or any(id(part) not in shared and part.number.value != 0 for part in breakdown.parts):
        return False
    if any(s.percent.malformed or s.percent.value is None for s in breakdown.shares):
        return False  # a malformed share ("25.15.48%") cannot be added up
    total = sum(s.percent.value for s in breakdown.shares)
    slack = sum(10.0 ** -s.percent.decimals * (0.5 + tolerances.percent_slack) for s in breakdown.shares)
    return abs(total - 100) <= slack


def _complements(breakdown) -> bool:
    """A whole listed as two parts, one the other's complement ("财政拨款结转和结余…，非财政拨款结转和结余…",
    "国内公务接待支出…，国(境)外公务接待支出…", "外事接待费…，国内接待费…", "城乡低保资金…，其中城市低保资金…、农村低保资金…")."""
    names = [_ITEM_NUMBER.sub("", clean_name(part.name)) for part in breakdown.parts]
    if 2 <= len(names) <= 4 and {name[:4] for name in names} == {"基本支出", "项目支出"} and len(set(names)) == len(names) \
            and all(_BALANCE_PART.fullmatch(name[4:]) for name in names):
        # "年末结转和结余…（其中：基本支出结转…，项目支出结转和结余…）", "…项目支出结转…，项目支出结余…": the balance by the
        # kind of spending
        return True
    if len(breakdown.parts) != 2:
        return False
    whole_name = breakdown.whole_name or ""
    if sorted(names) == ["结余", "结转"] and "结转" in whole_name and "结余" in whole_name:
        return True  # "年末结转和结余12,791.06万元，其中：结转1,324.48万元，结余11,448.58万元"
    if sorted(names) == sorted(_URBAN_AND_RURAL):
        return True  # "特困人员救助供养资金1543.98万元，其中：城市218.46万元，农村1316.52万元": the town's and the country's
    pairs = _COMPLEMENTARY + ((_URBAN_AND_RURAL,) if "城乡" in (breakdown.whole_name or "") else ())
    named = [names]
    if "结转" in whole_name and "结余" in whole_name:
        # "年末结转和结余105.72万元，其中：财政拨款结转74.77万元，非财政拨款结余30.59万元": each part named by the word its
        # money is carried over with
        named.append([_BALANCE_END.sub("", name) for name in names])
    return any(_named_apart(these, one, other) or _named_apart(these[::-1], one, other)
               for these in named for one, other in pairs)


#: What follows 基本支出 or 项目支出 in the name of a part of a balance ("结转", "结转和结余", "结余").
_BALANCE_PART = compile_re(r"结转(?:和结余)?|结余")
#: The end of the name of a part of a balance ("财政拨款结转", "非财政拨款结余", "…结转和结余").
_BALANCE_END = compile_re(r"(?:结转和结余|结转|结余)$")
#: The words that name a part and its complement apart ("财政拨款…" and "非财政拨款…").
_COMPLEMENTARY = (("", "非"), ("国内", "国(境)外"), ("国内", "外事"), ("财政拨款", "其他资金"))
#: …and, under a whole of town and country ("城乡低保资金"), its town's and its country's parts.
_URBAN_AND_RURAL = ("城市", "农村")


def _named_apart(names: list[str], one: str, other: str) -> bool:
    """Whether the two ``names`` are one name after ``one`` and after ``other`` (公务 said or not: "外事接待费…；国内公务接待费…")."""
    first, second = names
    return first.startswith(one) and second.startswith(other) \
        and first[len(one):].removeprefix("公务") == second[len(other):].removeprefix("公务") != ""


#: The three kinds of 政府采购 (政府采购法 art. 2): a procurement total is their sum.
_PROCUREMENT_KINDS = ("货物", "工程", "服务")


def _procurement_kinds(breakdown) -> bool:
    """A procurement total listed as its 货物, 工程 and 服务 amounts, each once ("拟采购货物支出…、拟采购工程支出…、拟购买服务
    支出…", as Jiangsu's template words them)."""
    if "采购" not in breakdown.whole_name or len(breakdown.parts) != len(_PROCUREMENT_KINDS):
        return False
    kinds = [next((k for k in _PROCUREMENT_KINDS if k in part.name), None) for part in breakdown.parts]
    # (a part's name may carry a typo LNG001 reports: "政府采构工程支出" is still the 工程 part)
    return sorted(filter(None, kinds)) == sorted(_PROCUREMENT_KINDS) and all(
        "采购" in p.name or "购买" in p.name or p.name.startswith("政府") or _PROCUREMENT_KIND_NAME.fullmatch(clean_name(p.name))
        for p in breakdown.parts)


#: The three funds of 财政拨款, by the words naming each.
_FUNDS = ("一般公共预算", "政府性基金", "国有资本经营")


def _the_three_funds(breakdown) -> bool:
    """A 财政拨款 amount listed as its three funds' (一般公共预算, 政府性基金, 国有资本经营), each once: all of it (not of a
    收支总计, which holds the balances carried over too)."""
    whole = breakdown.whole_name.replace("、", "")
    if "财政拨款" not in whole or any(word in whole for word in (*_FUNDS, "总计", "收支", "总预算")) \
            or len(breakdown.parts) != len(_FUNDS):
        return False
    return sorted(next((fund for fund in _FUNDS if fund in part.name), "") for part in breakdown.parts) == sorted(_FUNDS)


def _a_subjects_basic_and_projects(breakdown) -> bool:
    """A 功能分类 subject's amount listed as its 基本支出 and 项目支出 ("…乡镇卫生院（项）1698.94万元。其中：基本支出…，项目支出
    …"): a subject is spent on nothing else (a department's 支出合计 may also hold 经营支出)."""
    return SUBJECT_LEVEL.fullmatch(breakdown.whole_name[-3:]) is not None \
        and sorted(clean_name(part.name) for part in breakdown.parts) == ["基本支出", "项目支出"]


def _ends_in_catch_all(breakdown, text: str) -> bool:
    """Whether a list of an asset total ends in its catch-all ("资产总额5664.36万元，其中：流动资产…、固定资产…、无形资产…、
    其他资产12.08万元"): every part is listed, each with its amount (no "XX万元" left to fill). (Not 其他收入 or a subject
    named 其他…: a line of its own.)"""
    parts = breakdown.parts
    return len(parts) > 1 and clean_name(parts[-1].name) in ("其他", "其他资产") and breakdown.whole is not None \
        and _PLACEHOLDER.search(text, breakdown.whole.number.end, parts[-1].number.start) is None


#: An amount left to fill in ("XX万元", "××元").
_PLACEHOLDER = compile_re(r"[XxＸｘ×*＊]{2,}")


def _unfilled_part(breakdown, text: str) -> bool:
    """Whether an amount is left to fill in among the parts, or after the last in its sentence ("…附属单位上缴收入0.00万元，
    占0.0%；其他收入XX万元，占0.3%。"; NUM002 reports it): a part unknown, the sum cannot be checked."""
    if breakdown.whole is None or not breakdown.parts:
        return False
    last = breakdown.parts[-1].number.end
    end = min((at for at in (text.find(mark, last) for mark in "。\n") if at >= 0), default=len(text))
    return _PLACEHOLDER.search(text, min(breakdown.whole.number.end, breakdown.parts[0].number.start), end) is not None


def _surplus_allocation(breakdown) -> bool:
    """A unit's 结余分配 listed as what the 决算 template divides it into: 交纳所得税, 提取职工福利基金 and
    转入非财政拨款结余 (事业基金), each once."""
    if "结余分配" not in breakdown.whole_name:
        return False
    kinds = [next((k for k in _SURPLUS_KINDS if k.search(part.name)), None) for part in breakdown.parts]
    return None not in kinds and len(set(kinds)) == len(kinds) == len(_SURPLUS_KINDS)


_SURPLUS_KINDS = tuple(compile_regex(kind) for kind in ("所得税", "职工福利基金", "非财政拨款结余|事业基金"))
#: A kind of procurement named bare ("货物类", "工程类采购", "服务类支出").
_PROCUREMENT_KIND_NAME = compile_regex(r"(?:货物|工程|服务)(?:类)?(?:采购)?(?:支出|金额)?(?:为|共)?")


def _completion_items(group) -> tuple[list, bool]:
    """The items of a completion group to add up, and whether they may be every part of its total (not
    when a line of the group was not read as an item). Of a 三公 total, a part named with its own parts
    (公务用车购置及运行维护费 and its 购置费 and 运行维护费) counts once, and the items are every part only
    when they cover 因公出国(境)费, the cars and 公务接待费."""
    total = quantity_key(group.total.subject)
    if total is None or total[1] != SANGONG:
        return group.items, not group.unread
    keys = [quantity_key(item.subject) for item in group.items]
    stated = {key[1] for key in keys if key}
    items = [item for item, key in zip(group.items, keys) if not (key and parent_base(key[1]) in stated)]
    return items, covered(SANGONG, stated) and not group.unread


def _class_groups(completions) -> list[tuple]:
    """Each 类's completion with the completions right after it of its 款 (or its 项), numbered in another style below
    it ("1. 外交支出（类）。…" then "（1）国际组织（款）国际组织会费（项）。…"), none naming another 类."""
    groups, current = [], None
    for completion in completions:
        if completion.level == "类":
            current = (completion, [])
            groups.append(current)
        elif completion.level in ("款", "项") and current is not None \
                and _marker_style(completion.subject) not in (None, _marker_style(current[0].subject)) \
                and "类" not in completion.subject:
            current[1].append(completion)
        else:
            current = None
    return [(parent, children) for parent, children in groups
            if children and _same_level(children) and len({_marker_style(c.subject) for c in children}) == 1]


def _marker_style(subject: str) -> str | None:
    """The style of a subject line's number ("1." → "1.", "（1）" → "(1)", "一、" → "一、"), None without one."""
    match = _MARKER.match(subject)
    if match is None:
        return None
    return next(style for style, group in (("(1)", 1), ("1.", 2), ("一、", 3), ("(一)", 4)) if match.group(group))


#: A subject line's number, by style.
_MARKER = compile_re(r"\s*(?:([(（]\d{1,2}[)）])|(\d{1,2}\s*[.．、])|([一二三四五六七八九十]{1,3}、)|([(（][一二三四五六七八九十]{1,3}[)）]))")


def _same_level(items) -> bool:
    """Completion items on one level of the subject hierarchy (unmarked items fit any one level)."""
    levels = {i.level for i in items} - {"item"}
    return len(levels) <= 1


# ---------------------------------------------------------------------------
# The same quantity stated twice
# ---------------------------------------------------------------------------


@dataclass
class Conflict:
    """Two statements of one quantity with different values."""

    first: Stated
    later: Stated
    difference: float
    allowance: float

    @property
    def tail(self) -> bool:
        return self.difference <= self.allowance

    def explain(self, document) -> str:
        """"X is A万元 here but B万元 at line N" (or at the page, paragraph or cell of a PDF, Word or Excel file)."""
        place = document.span(self.first.number.start, self.first.number.end).place
        return _("{quantity} is {amount}{unit} here but {first}{first_unit} at {place}",
                 quantity=describe(self.later.key), amount=format_amount(self.later.number.value),
                 unit=self.later.number.unit, first=format_amount(self.first.number.value),
                 first_unit=self.first.number.unit, place=place)


def _majority(statements: list[Stated], printed: Counter) -> Stated:
    """The statement whose value most statements agree on; on a tie, the one whose digits the document prints most
    often (in its tables too: "支出169.17万元" against a table's 196.17 and "…196.17万元" later), then the first: the
    others are the ones that are wrong."""
    counts: dict[float, int] = defaultdict(int)
    for statement in statements:
        counts[statement.number.value] += 1
    return max(statements, key=lambda s: (counts[s.number.value], printed[s.number.text]))


#: The size of each unit of amounts in 万元.
_IN_WAN = {unit: size / YUAN["万元"] for unit, size in YUAN.items()}


def value_conflicts(index: QuantityIndex, tolerances: Tolerances) -> list[Conflict]:
    """Statements of a quantity that differ from the one most statements agree on. Amounts in
    different units ("1.25亿元", "12,600.00万元"; "1,234.56元" for 1,234.56万元) conflict when no
    rounding of either makes them equal."""
    conflicts = []
    document = index.document() if index.document is not None else None
    carried = document is not None and _carries_over(document)
    printed = Counter(n.text for n in document.numbers) if document is not None else Counter()
    for statements in index.by_key.values():
        first = _majority(statements, printed)
        for later in statements:
            if later is first or (carried and _total_or_this_year(first, later)):
                continue
            if same_unit(first.number, later.number):
                difference = abs(later.number.value - first.number.value)
                if (tolerances.rounded_amounts or tolerances.rounded_short_amounts) \
                        and amount(first.number, tolerances).overlaps(amount(later.number, tolerances)):
                    continue  # "2.9万元" and "3万元", "241.4万元" and "241.38万元": each rounded to the digits it prints
                if difference > 1e-6:
                    conflicts.append(Conflict(first, later, difference, tolerances.tail_per_item + 1e-9))
            elif not _in_wan(first.number, tolerances).overlaps(_in_wan(later.number, tolerances)):
                scale = _IN_WAN.get(later.number.unit, 1.0) / _IN_WAN.get(first.number.unit, 1.0)
                conflicts.append(Conflict(first, later, abs(later.number.value * scale - first.number.value), 0.0))
    return conflicts


#: 收入 or 支出 named bare ("2025年收入预算…，支出预算…"): the year's own, or the total with what was carried over.
_BARE_SIDE = compile_re(r"(?:收入|支出)(?:预算|决算)?")
#: What a 收入总计 holds besides the year's own income.
_CARRIED_OVER = compile_re(r"上年结转|年初结转|用事业基金弥补")


def _carries_over(document) -> bool:
    """Whether the text states a nonzero amount carried over from last year."""
    return any(_CARRIED_OVER.search(value.name) and value.number.value > 0 for value in document.claims.values)


def _total_or_this_year(first: Stated, later: Stated) -> bool:
    """Whether one of two statements names 收入 or 支出 bare and the larger amount, the other the
    year's own ("本年收入合计"): with an amount carried over, the bare one may be the 收入总计."""
    bare = [stated for stated in (first, later) if _BARE_SIDE.fullmatch(bare_name(stated.name))]
    if len(bare) != 1:
        return False
    other = later if bare[0] is first else first
    return _in_wan_value(bare[0].number) > _in_wan_value(other.number)


def _in_wan_value(number: Number) -> float:
    return number.value * _IN_WAN.get(number.unit, 1.0)


def _in_wan(number: Number, tolerances: Tolerances) -> Interval:
    """The values (in 万元) an amount printed in any unit may stand for."""
    return amount(number, tolerances).scaled(_IN_WAN.get(number.unit, 1.0))
