"""Projects counted and funded in one sentence, then listed a numbered line each with their own amounts ("共涉及项目3个，
资金100.00万元。" then "1.甲项目：全年执行数30.00万元，…", "2.乙项目：…"), or in the sentence after their count and a colon
("政府购买服务预算1,760,000.00元，共2个项目：甲服务1,600,000.00元，乙服务160,000.00元。"): the items' amounts of the total's kind
add up to it. The list is read only when exactly as many numbered lines as the count follow the sentence (after at most one line
introducing them), and each gives one amount of that kind: "预算" (安排) for a budget, "执行" (支出, 决算) for what was spent, or, for
"资金"/"金额", the line's one amount; a line's one amount counts for any kind unless its words name another."""

from __future__ import annotations

from dataclasses import dataclass

from linter.extract.numbers import Number, number_of
from linter.patterns import compile_regex


@dataclass(frozen=True)
class ProjectList:
    """A total of projects (flow offsets) and the amounts of the same kind its listed projects give."""

    name: str
    whole: Number
    parts: tuple[Number, ...]


def project_lists(text: str) -> list[ProjectList]:
    """Every list of projects in flow text ``text`` whose total the sentence before it states (see the module)."""
    found = []
    for counted in _COUNTED.finditer(text):
        end = _SENTENCE_END.search(text, counted.end())
        if end is None:
            continue
        start = max(text.rfind(mark, 0, counted.start()) for mark in "。\n") + 1
        lines = _listed_after(text, counted, end.start())
        # (the total before the count where the projects follow it in the sentence: "…预算1,760,000.00元，共2个项目：甲…";
        # those of the count's clause when it has any: "对5个项目编制了绩效目标，…预算2,186,500.00元；同时…部门整体…9,933,689.27元")
        stop = counted.start() if lines else end.start()
        clause = (max(start, *(text.rfind(mark, start, counted.start()) + 1 for mark in "；;")),
                  min((at for mark in "；;" if (at := text.find(mark, counted.end(), stop)) != -1), default=stop))
        totals = [(_kind(m), m) for m in _LABELLED.finditer(text, *clause)] or [(_kind(m), m) for m in _LABELLED.finditer(text, start, stop)]
        totals = [(kind, total) for kind, total in totals if not _A_CHANGE.search(total["label"])]  # (not "比上年预算增加5.00万元")
        lines = lines or _numbered_lines(text, end.start(), int(counted["n"]))
        if not totals or lines is None:
            continue
        for kind, total in totals:
            parts = [_amount_of(text, start, stop, kind) for start, stop in lines]
            if kind is not None and all(parts):
                # ("涉及年度预算" → 年度预算, "标管理的项目支出预算" → 项目支出预算)
                name = _LEADING_VERB.sub("", total["label"].rpartition("的")[2]) or total["label"]
                found.append(ProjectList(name, number_of(total, "amount", total["unit"]), tuple(parts)))
    return found


def _listed_after(text: str, counted, end: int) -> list[tuple[int, int]] | None:
    """``(start, end)`` of the projects the sentence lists after its count and a colon, parted by "，" or "；" ("共2个项目：
    甲服务1,600,000.00元，乙服务120,000.00元。"), each with an amount, when there are as many as the count; else None."""
    colon = _LIST_OPENS.match(text, counted.end(), end)
    if colon is None:
        return None
    items, at = [], colon.end()
    for separator in _ITEM_SEPARATOR.finditer(text, at, end):
        items.append((at, separator.start()))
        at = separator.end()
    items.append((at, end))
    if len(items) != int(counted["n"]) or not all(_AMOUNT.search(text, a, b) for a, b in items):
        return None
    return items


def _numbered_lines(text: str, start: int, count: int) -> list[tuple[int, int]] | None:
    """``(start, end)`` of the ``count`` numbered lines after ``start`` (the rest of the sentence's line, and one line
    introducing them, may come first), or None when there are not exactly as many."""
    lines, skipped, style = [], 0, None
    at = text.find("\n", start)
    while at != -1 and len(lines) <= count:
        stop = text.find("\n", at + 1)
        stop = len(text) if stop == -1 else stop
        numbered = _NUMBERED.match(text, at + 1, stop)
        if numbered and style is not None and numbered.lastgroup != style:
            break  # numbered otherwise: the next heading ("（三）…" then "五、关于…情况说明")
        if numbered:
            lines.append((at + 1, stop))
            style = numbered.lastgroup
        elif lines or skipped or _AMOUNT.search(text, at + 1, stop):
            break
        else:
            skipped += 1  # ("各项目自评情况如下：")
        at = stop if stop < len(text) else -1
    return lines if len(lines) == count else None


def _amount_of(text: str, start: int, end: int, kind: str) -> Number | None:
    """The one amount of ``kind`` the line ``text[start:end]`` gives, or its one amount when it gives one of no other kind
    ("2.通组路硬化，102.00万元；"), else None."""
    amounts = list(_AMOUNT.finditer(text, start, end))
    if len(amounts) == 1:
        labelled = _LABELLED.search(text, max(start, amounts[0].start() - 12), amounts[0].end())
        other = labelled is not None and _kind(labelled) not in (None, kind, "资金") and kind != "资金"
        return None if other else number_of(amounts[0], "amount", amounts[0]["unit"])
    alike = [m for m in _LABELLED.finditer(text, start, end) if _kind(m) == kind]
    return number_of(alike[0], "amount", alike[0]["unit"]) if len(alike) == 1 else None


def _kind(match) -> str | None:
    """What an amount is, by the words before it: a budget, what was spent, or money of the projects."""
    label = match["label"]
    if "预算" in label or "安排" in label:
        return "预算"
    if any(word in label for word in ("执行", "支出", "决算", "实际")):
        return "执行"
    return "资金" if any(word in label for word in ("资金", "金额")) else None


#: A count of projects ("共涉及项目3个", "对5个项目开展…", "3个重点项目").
_COUNTED = compile_regex(r"项目(?P<n>\d{1,2})个|(?P<n>\d{1,2})个(?:\p{Han}{0,4}?)项目")
_SENTENCE_END = compile_regex(r"[。\n]")
#: The colon after a count of projects that opens their list in the sentence, and what parts its items.
_LIST_OPENS = compile_regex(r"[，,]?(?:分别|具体)?(?:为|是|包括)?[：:]")
_ITEM_SEPARATOR = compile_regex(r"[，；;]")  # (not ",": a thousands separator)
#: An amount with the words naming it before ("资金100.00万元", "全年执行数30.00万元", "年度预算3,700.00万元").
_LABELLED = compile_regex(r"(?P<label>\p{Han}{0,6}?(?:资金|金额|预算|执行|支出|决算|实际)\p{Han}{0,3}?)(?:为|共计|共|合计)?"
                          r"(?P<amount>\d[\d,]*(?:\.\d+)?)(?P<unit>万元|元)")
#: The words of a change from another year or a budget: its amount is no total of the projects.
_A_CHANGE = compile_regex(r"增加|减少|增长|下降|上升|降低|节约|^[比较]")
_LEADING_VERB = compile_regex(r"^(?:年度?(?=安排|共|涉及)|共计|共|涉及|安排|其中)+")
_AMOUNT = compile_regex(r"(?P<amount>\d[\d,]*(?:\.\d+)?)(?P<unit>万元|元)")
#: A numbered line ("1.", "（一）", "一、", "(1)"), its numbering's style the group that matched.
_NUMBERED = compile_regex(r"\s*(?:(?P<digits>\d{1,2}[.．、](?!\d))|(?P<bracketed>[（(][一二三四五六七八九十\d]{1,3}[)）])"
                          r"|(?P<chinese>[一二三四五六七八九十]{1,3}、))")
