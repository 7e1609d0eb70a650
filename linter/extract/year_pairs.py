"""One quantity's levels of two years, both stated, and the change the text states between them:
amounts of consecutive years ("公务接待费2016年预算8万元，2015年预算12.5万元；对比减少4.35万元；减少率
35.22%") and a share against last year's, in percentage points ("占一般公共预算支出的比例为11.32%，比上年的
10.54%增加了0.78个百分点", "所占比重由上年的77.3%提高到77.8%，提高0.5个百分点").

Two years' amounts must be named alike (the words between each year and its amount are the same) and
printed in one unit with the change, which follows them at once or after a comparison ("对比减少",
"与上年相比增加"; not "主要是增加了15万元的培训费"); the years must be consecutive. Every search is bounded, so
reading is linear in the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from linter.extract.counts import clause_before
from linter.extract.numbers import AMOUNT_DIGITS, Number, number_of
from linter.patterns import compile_regex

_NAME = r"[^，,；;。：:\d]{0,12}?"
#: The first year's name may be the quantity's whole name, the second's its last words ("2025年一般公共预算“三公”经费
#: 预算86.00万元，2024年预算105.00万元"); the second year may be named "上年".
_FIRST_NAME = r"[^，,；;。：:\d]{0,30}?"
_PAIR = compile_regex(
    rf"(?P<y1>20\d{{2}})年度?(?P<n1>{_FIRST_NAME})(?:为|是)?(?P<a1>{AMOUNT_DIGITS})(?P<unit>万元|亿元|元)[，,；;]\s*"
    rf"(?:(?P<y2>20\d{{2}})年度?|(?P<last_year>上一?年度?|去年))(?P<n2>{_NAME})(?:为|是)?(?P<a2>{AMOUNT_DIGITS})(?P=unit)[，,；;]\s*"
    rf"(?:[^，,；;。\d]{{0,6}}?(?:对比|相比|比较|比上年|较上年|同比|[比较](?P=y2)年度?(?P<basis>(?:预算|执行|决算)?数?)))?(?P<verb>增加|减少)了?(?P<change>{AMOUNT_DIGITS})(?P=unit)"
    r"(?:[，,；;]\s*[^，,；;。\d%]{0,6}?(?P<rate_verb>增长|增幅|上升|下降|降幅|减少|减幅)率?(?:为|了)?"
    r"(?P<rate>\d{1,4}(?:\.\d{1,4})?)%)?"
)
_PERCENT = r"\d{1,3}(?:\.\d{1,4})?"
#: The year compared with, as 上年 or by its number ("比2023年度提高0.6个百分点（2023年度占99.77%）").
_BEFORE = r"(?:上年|去年|上年度|上一年度?|20\d{2}年度?)"
#: A share, then last year's and the change in percentage points: "…的比例为11.32%，比上年的10.54%
#: 增加了0.78个百分点", "个贷率86.37%，比上年末的88.12%…" (a year-end rate's); "占比35.2%，较上年提高1.5个百分点" (last
#: year's level unstated) is not read.
_POINTS = compile_regex(
    rf"(?P<a1>{_PERCENT})%[，,]?\s*(?:比|较){_BEFORE}(?:同期|末|底)?的?(?P<a2>{_PERCENT})%[，,]?\s*"
    rf"(?P<verb>增加|提高|上升|增长|减少|降低|下降)了?(?P<change>{_PERCENT})个百分点"
)
#: The same, last year's level first: "…所占比重由上年的77.3%提高到77.8%，提高0.5个百分点".
_POINTS_FROM = compile_regex(
    rf"由{_BEFORE}(?:同期|末|底)?的?(?P<a2>{_PERCENT})%\s*(?:增加|提高|上升|增长|减少|降低|下降)(?:到|至)"
    rf"(?P<a1>{_PERCENT})%[，,]?\s*(?P<verb>增加|提高|上升|增长|减少|降低|下降)了?(?P<change>{_PERCENT})个百分点"
)
#: The same, last year's share in brackets after the change: "…占本年支出的83.3%，比上年提高11.7个百分点（上年占72.6%）",
#: "…（上年项目支出362.36万元，占26.4%）".
_POINTS_ASIDE = compile_regex(
    rf"(?P<a1>{_PERCENT})%[，,]?\s*(?:占比)?(?:比|较){_BEFORE}(?:同期)?"
    rf"(?P<verb>增加|提高|上升|增长|减少|降低|下降)了?(?P<change>{_PERCENT})个百分点\s*[（(]{_BEFORE}"
    rf"[^()（）%]{{0,40}}?(?P<a2>{_PERCENT})%\s*[)）]"
)
#: The same, last year's share stated before the change: "…83.3%，上年占72.6%，比上年提高10.7个百分点".
_POINTS_BEFORE = compile_regex(
    rf"(?P<a1>{_PERCENT})%[，,]\s*{_BEFORE}(?:占比?|为|的)?(?P<a2>{_PERCENT})%[，,]\s*(?:占比)?"
    rf"(?:比|较){_BEFORE}(?P<verb>增加|提高|上升|增长|减少|降低|下降)了?(?P<change>{_PERCENT})个百分点"
)
#: The kind of a year's level alone ("预算", "执行数", "决算数"): a 预算 compares its budget with last year's execution
#: when its comparison names that level ("2025年预算2605.1万元，2024年执行数2938.4万元，比2024年执行数减少333.3万元").
_LEVEL_WORD = compile_regex(r"(?:预算|执行|决算)数?")
#: How far back the quantity's name may start.
_NAME_REACH = 80
_LIST_LABEL = compile_regex(r"^(?:[(（]?[\d一二三四五六七八九十]+[)）、.．]\s*)+")
#: An amount inside a share's name ("占一般公共预算支出29472万元的比例为") and the words ending it.
_AMOUNT_IN_NAME = compile_regex(rf"{AMOUNT_DIGITS}(?:万元|亿元|元)")
_NAME_END = compile_regex(r"(?:为|是|达到?)$")
_RISES = ("增加", "提高", "上升", "增长", "增幅")
POINTS = "个百分点"


@dataclass(frozen=True)
class YearPair:
    """Levels of two years (``later``, ``earlier``, each with a label: "2016年", "上年") and the stated
    change (``sign`` +1 for a rise; in percentage points when ``change.unit`` is ``POINTS``); the rate,
    if stated, with its own sign."""

    name: str
    later_label: str
    later: Number
    earlier_label: str
    earlier: Number
    sign: int
    change: Number
    rate: Number | None = None
    rate_sign: int | None = None


def year_pairs(text: str) -> list[YearPair]:
    """Every pair of two years' levels with their change in ``text`` (flow text)."""
    return sorted([*_amount_pairs(text), *_point_pairs(text), *_count_pairs(text)], key=lambda pair: pair.change.start)


#: Counts (公务接待 批次 and 人次, vehicles), longest unit first.
_COUNT = r"\d{1,6}(?:批次|人次|辆|个|次)"
#: Last year's counts inside the comparison, then their changes: "与2023年度的21批次、152人次相比，增加3批次、26人次".
_COMPARED_COUNTS = compile_regex(
    rf"与(?:上一?年度?|去年|20\d{{2}}年度?)(?:同期)?的?(?P<previous>{_COUNT}(?:[、和及]{_COUNT}){{0,2}})相比[，,]?\s*"
    rf"(?P<verb>增加|减少|增长|下降)了?(?P<changes>{_COUNT}(?:[、和及]{_COUNT}){{0,2}})(?![\d.])"
)
_COUNT_ITEM = compile_regex(r"(?P<count>\d{1,6})(?P<unit>批次|人次|辆|个|次)")


def _count_pairs(text: str):
    """Counts compared with last year's stated in the comparison, each against this year's count of the
    same unit stated before it in the sentence ("国内公务接待18批次、126人次…；与2023年度的21批次、152人次相比，减少3批次、26人次")."""
    for match in _COMPARED_COUNTS.finditer(text) if "相比" in text else ():
        start = max(text.rfind("。", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
        current = {item["unit"]: item for item in _COUNT_ITEM.finditer(text, start, match.start())}
        previous = {item["unit"]: item for item in _COUNT_ITEM.finditer(text, *match.span("previous"))}
        name = _name(text, min((item.start() for item in current.values()), default=match.start()))
        for change in _COUNT_ITEM.finditer(text, *match.span("changes")):
            unit = change["unit"]
            if unit not in current or unit not in previous:
                continue
            later = number_of(current[unit], "count", unit)
            yield YearPair(name, "本年", later, "上年",
                           number_of(previous[unit], "count", unit), _sign(match["verb"]), number_of(change, "count", unit))


def _amount_pairs(text: str):
    for match in _PAIR.finditer(text):
        years = int(match.group("y1")), int(match.group("y2") or int(match.group("y1")) - 1)
        first_name, second_name = match.group("n1").strip(), match.group("n2").strip()
        if abs(years[0] - years[1]) != 1 or not (
                first_name == second_name or (second_name and first_name.endswith(second_name))
                or (_LEVEL_WORD.fullmatch(first_name) and _LEVEL_WORD.fullmatch(second_name)
                    and (match.group("basis") or "")[:2] == second_name[:2])):
            continue
        unit = match.group("unit")
        first, second, change = (number_of(match, group, unit) for group in ("a1", "a2", "change"))
        if first.malformed or second.malformed or change.malformed:
            continue  # a malformed amount is NUM001's
        (later_year, later), (earlier_year, earlier) = sorted(zip(years, (first, second)), key=lambda p: -p[0])
        rate = match.group("rate")
        yield YearPair(
            _name(text, match.start()) + match.group("n1").strip(), f"{later_year}年", later,
            f"{earlier_year}年", earlier, _sign(match.group("verb")), change,
            number_of(match, "rate", "%") if rate else None, _sign(match.group("rate_verb")) if rate else None,
        )


def _point_pairs(text: str):
    matches = [match for pattern in (_POINTS, _POINTS_FROM, _POINTS_ASIDE, _POINTS_BEFORE) for match in pattern.finditer(text)] \
        if "百分点" in text else []
    for match in matches:
        name = _NAME_END.sub("", _AMOUNT_IN_NAME.sub("", _name(text, match.start())))
        yield YearPair(
            name, "本年", number_of(match, "a1", "%"), "上年", number_of(match, "a2", "%"),
            _sign(match.group("verb")), number_of(match, "change", POINTS),
        )


def _sign(verb: str) -> int:
    return 1 if verb in _RISES else -1




def _name(text: str, start: int) -> str:
    """The words naming the quantity: the clause before ``start``, or the subject heading it before a colon
    ("中等职业教育（项）：2025年预算…")."""
    name = clause_before(text, start, _NAME_REACH).strip()
    if not name and text[start - 1:start] in ("：", ":"):
        name = clause_before(text, start - 1, _NAME_REACH).strip()
    return _LIST_LABEL.sub("", name).lstrip(".．、 ")
