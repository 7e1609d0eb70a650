"""Errors planted in the narrative: percentages, amounts, unfilled slots, malformed numbers, 三公.

Every injector picks, at random, one place of the narrative where the error can be made and
plants exactly one error there, the way hand edits of a copied draft do: a digit typed wrong or
two digits swapped, a slot left empty, a second decimal point. A changed value always differs
from the printed one by at least two units of its last digit, so that the planted error is
provable from the text (one unit may still be a legitimate rounding).
"""

from __future__ import annotations

import random

import regex

from injection import Injection

_CJK = r"\p{Han}"
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_GAP = r"[\s“”\"]{0,3}"

#: Rule codes that recompute or compare amounts: any of them finding a changed amount counts.
_AMOUNT_CODES = frozenset({
    "ARI001", "ARI002", "ARI003", "ARI004", "ARI005", "ARI006", "ARI007",
    "CON001", "CON002", "CON003", "CON006", "TBL004", "TBL006",
})

#: "占本年支出合计的 94.5%", "占 7.74%"
_SHARE = regex.compile(rf"万元[，,]?{_GAP}占(?!用)[^，。；%\d]{{0,20}}?{_GAP}(?P<num>{_NUM}){_GAP}%")
#: "增长 12.08%", "下降3.9%"
_GROWTH = regex.compile(rf"万元[，,]{_GAP}(?:增长|下降|增加|减少){_GAP}(?P<num>{_NUM}){_GAP}%")
#: "完成年初预算的 95.45%", "执行率为74.0%"
_COMPLETION = regex.compile(rf"(?:完成(?:年初)?预算(?:数)?的|执行率为?){_GAP}(?P<num>{_NUM}){_GAP}%")
#: An amount of the narrative: "支出决算为 854.16 万元"
_AMOUNT = regex.compile(rf"(?<={_CJK}[为是计]?{_GAP})(?<![\d.,])(?P<num>{_NUM}){_GAP}(?:万元|亿元|元)")
#: A percentage or amount with its unit, for slots and malformed numbers.
_NUMBER = regex.compile(rf"(?<={_CJK}{_GAP})(?<![\d.,])(?P<num>{_NUM}){_GAP}(?:%|万元|亿元)")
#: The parts of 三公经费 named before their amount.
_SANGONG = regex.compile(
    rf"(?:因公出国[(（]境[)）]费|公务用车购置及运行维护费|公务用车购置(?:费|支出)?|公务用车运行维护(?:费|支出)?|公务接待费)"
    rf"[^，。；\d]{{0,12}}?{_GAP}(?P<num>{_NUM}){_GAP}万元"
)


def _narrative(text: str, start: int) -> bool:
    """Whether ``start`` lies on a line of prose (not a table row: no tabs, some Chinese words)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return "\t" not in line and len(regex.findall(_CJK, line)) >= 4


def _sites(pattern: regex.Pattern, text: str) -> list[regex.Match]:
    return [m for m in pattern.finditer(text) if _narrative(text, m.start("num"))]


def _unit(digits: str) -> float:
    return 10.0 ** -(len(digits.split(".")[1]) if "." in digits else 0)


def _retype(digits: str, rng: random.Random) -> str | None:
    """A digit typed wrong or two neighbouring digits swapped, at least two last-digit units away."""
    value = float(digits.replace(",", ""))
    positions = [i for i, c in enumerate(digits) if c.isdigit()]
    for _ in range(20):
        chars = list(digits)
        i = rng.choice(positions)
        if rng.random() < 0.3 and i + 1 in positions:
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        else:
            chars[i] = rng.choice([d for d in "0123456789" if d != chars[i]])
        candidate = "".join(chars)
        if regex.match(r"0\d", candidate):
            continue
        if abs(float(candidate.replace(",", "")) - value) >= 2 * _unit(digits) - 1e-9:
            return candidate
    return None


def _replace(text: str, match: regex.Match, new: str, codes, what: str) -> Injection:
    start, end = match.span("num")
    mutated = text[:start] + new + text[end:]
    return Injection(mutated, start, start + len(new) or start + 1, frozenset(codes), f"{what}: {match.group('num')} → {new!r}")


def _retyped(pattern, codes, what):
    def inject(text: str, rng: random.Random) -> Injection | None:
        sites = _sites(pattern, text)
        rng.shuffle(sites)
        for match in sites:
            new = _retype(match.group("num"), rng)
            if new is not None:
                return _replace(text, match, new, codes, what)
        return None

    return inject


def _restated_amounts(text: str) -> list[regex.Match]:
    """Narrative amounts of four or more significant digits whose value the document prints at
    least once more (so a change is provable)."""
    counts: dict[str, int] = {}
    for match in regex.finditer(rf"(?<![\d.,]){_NUM}(?![\d,]|\.\d)", text):
        value = match.group().replace(",", "")
        if float(value) >= 1:
            key = f"{float(value):.2f}"
            counts[key] = counts.get(key, 0) + 1
    return [m for m in _sites(_AMOUNT, text)
            if _significant(m.group("num")) >= 4 and counts.get(f"{float(m.group('num').replace(',', '')):.2f}", 0) >= 2]


def _significant(digits: str) -> int:
    """Significant digits of a printed number: "10" and "50" recur by chance, "311.44" does not."""
    return len(digits.replace(",", "").replace(".", "").lstrip("0").rstrip("0"))


def text_amount(text: str, rng: random.Random) -> Injection | None:
    sites = _restated_amounts(text)
    rng.shuffle(sites)
    for match in sites:
        new = _retype(match.group("num"), rng)
        if new is not None:
            return _replace(text, match, new, _AMOUNT_CODES, "amount")
    return None


def unfilled_slot(text: str, rng: random.Random) -> Injection | None:
    """The number of a slot deleted: "占 %", "为 万元"."""
    sites = _sites(_NUMBER, text)
    if not sites:
        return None
    match = rng.choice(sites)
    start, end = match.span("num")
    mutated = text[:start] + " " + text[end:]
    return Injection(mutated, start, start + 1, frozenset({"NUM002"}), f"slot emptied: {match.group('num')}")


def malformed_number(text: str, rng: random.Random) -> Injection | None:
    """A second decimal point ("72.83.1%") or a thousands group of four digits ("1,2345.6")."""
    sites = [m for m in _sites(_NUMBER, text) if "." in m.group("num") or len(m.group("num")) >= 5]
    rng.shuffle(sites)
    for match in sites:
        digits = match.group("num").replace(",", "")
        whole, _, decimals = digits.partition(".")
        if decimals and (len(whole) < 5 or rng.random() < 0.5):
            cut = rng.randrange(1, len(whole) + 1)
            new = f"{whole[:cut]}.{whole[cut:] or rng.choice('123456789')}.{decimals}"
        elif len(whole) >= 5:
            new = f"{whole[:-4]},{whole[-4:]}" + (f".{decimals}" if decimals else "")
        else:
            continue
        return _replace(text, match, new, {"NUM001"}, "malformed")
    return None


#: The title of a disclosure: its year ("2022年度XX局部门决算").
_TITLE_YEAR = regex.compile(r"(?<!\d)(20\d{2})\s*年度?[^，。；\n\d]{0,24}?(?:部门|单位)(?:预算|决算)")


def stale_year(text: str, rng: random.Random) -> Injection | None:
    """A year left from last year's file: the document's year Y, where a line or sentence names its
    figures by it ("2022年度一般公共预算财政拨款支出…万元") or a table's title does ("2022年度收入决算表"),
    written Y−1; or a comparison with Y−1 ("与2021年度相比，…增加") written with Y−2."""
    title = _TITLE_YEAR.search(text)
    if title is None:
        return None
    year = int(title.group(1))
    subjects = regex.compile(
        rf"(?:^|(?<=[。\n]))(?P<num>{year})年度?(?=[^，。；\n]{{0,20}}?(?:收入|支出|决算)[^。\n]*?\d(?:万元|元))",
        regex.MULTILINE)
    comparisons = regex.compile(rf"(?:与|比|较)(?P<num>{year - 1})年度?(?=[^。\n]*?(?:增加|减少|增长|下降))")
    tables = regex.compile(rf"^(?P<num>{year})\s*年度?[^，。；\n]{{2,40}}表(?:\s*[(（]表\s*\d+[)）])?\s*$", regex.MULTILINE)
    sites = ([(m, year - 1) for m in [*_sites(subjects, text), *tables.finditer(text)]]
             + [(m, year - 2) for m in _sites(comparisons, text)])
    if not sites:
        return None
    match, new = rng.choice(sites)
    return _replace(text, match, str(new), {"DOC005"}, "year")


CLASSES = {
    "stale-year": stale_year,
    "share-percent": _retyped(_SHARE, {"ARI001"}, "share"),
    "growth-rate": _retyped(_GROWTH, {"ARI002"}, "growth rate"),
    "completion-rate": _retyped(_COMPLETION, {"ARI003"}, "completion rate"),
    "text-amount": text_amount,
    "unfilled-slot": unfilled_slot,
    "malformed-number": malformed_number,
    "sangong-part": _retyped(_SANGONG, _AMOUNT_CODES, "三公 part"),
}
