"""The narrative sections that describe each table (a small, precise matcher for the table rules;
the shared claim extractor may replace it)."""

from __future__ import annotations

from typing import Iterator

from linter.extract.quantities import NON_FISCAL
from linter.extract.subjects import normal_name, subjects
from linter.extract.tables import (
    BASIC, EXPENDITURE, FISCAL, FUND, GENERAL, INCOME, STATE_CAPITAL, SUMMARY, THREE_PUBLIC, UNREAD_KINDS, table_kind,
)
from linter.patterns import compile_re

#: An amount of 元 or 万元 (its digits from their start: linear on a long run of digits).
_AN_AMOUNT = compile_re(r"(?<![\d.,])\d[\d,.]*\s*万?元")

#: An amount of 亿元, 万元 or 元 in the flow text (groups ``num`` and ``unit``), maybe below zero ("年末结转和结余-36.82万元";
#: not the end of a range, "10-20万元").
AMOUNT = r"(?P<num>(?:(?<![\d.])-)?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))(?P<unit>亿元|万元|元)"
#: The items listed under 人员经费 or 公用经费; the amount's share or its change may stand between ("人员经费100.00万元，
#: 占基本支出的76.9%，主要包括：…", "人员经费80.00万元，比上年增加4.00万元，增长5.3%，主要包括：…").
EXPENSE_LIST = compile_re(rf"(?P<side>人员经费|公用经费){AMOUNT}(?:[，,](?:占[^，,。；;\d]{{0,12}}|(?:比|较|同比)(?:\d{{4}}年度?)?[^，,。；;\d]{{0,12}}"
                          rf"|增长|下降|增加|减少)\d+(?:\.\d+)?(?:%|亿元|万元|元))*[，,]?(?:主要)?包括[：:]+(?P<items>[^。；;]+)")
#: The mark between two listed items, not inside a bracketed note.
_ITEM_SEPARATOR = compile_re(r"、(?![^()（）]*[)）])")
#: A bracketed note after an item's name.
_ITEM_NOTE = compile_re(r"\s*[(（][^()（）]*[)）]$")
#: An item's amount after its name ("基本工资50.00万元").
_ITEM_AMOUNT = compile_re(rf"\s*{AMOUNT}$")
#: A section heading; a wrapped heading may carry the start of its first paragraph.
_HEADING = compile_re(r"^-?[一二三四五六七八九十]+、(?P<title>[^，。：；]{2,40}?(?:情况说明|说明|情况)(?:。)?)")
#: A section heading that is a line of its own, without 情况 or 说明 ("四、一般公共预算拨款支出", Hunan's 预算).
_BARE_HEADING = compile_re(r"^-?[一二三四五六七八九十]+、(?P<title>[^，。：；:;\d]{2,30})$")
#: A section numbered as a sub-heading ("（六）一般公共预算财政拨款基本支出决算情况说明", or a line of its own naming
#: a 预算, 决算 or 经费: "（二）“三公”经费预算", as Hunan's 预算 head it), read as one under a part heading that explains
#: no table of its own ("三、2024年度单位决算情况说明", "七、其他重要事项的情况说明").
_SUB_HEADING = compile_re(r"^[（(][一二三四五六七八九十]+[)）]\s*(?P<title>[^，。：；]{2,40}?(?:情况说明|说明|情况)(?:。)?)"
                          r"|^[（(][一二三四五六七八九十]+[)）]\s*(?P<bare>[^，。：；:;\d]{2,30}(?:预算|决算|经费))$"
                          # (or naming the 财政拨款 or one of its funds, "（三）财政拨款支出主要内容": the section of the
                          # department's spending before it ends there)
                          r"|^[（(][一二三四五六七八九十]+[)）]\s*(?P<fund>[^，。：；:;\d]{0,10}(?:财政拨款|一般公共预算|政府性基金|国有资本经营)"
                          r"[^，。：；:;\d]{0,20})$")
#: A sub-heading of a part on the 财政拨款 naming one of its funds ("（一）一般公共预算拨款支出").
_FUND_SUB_HEADING = compile_re(r"[（(][一二三四五六七八九十]+[)）]\s*(?P<title>[^，。：；\d]{2,30})")
_FUNDS = (GENERAL, FUND, STATE_CAPITAL)
_EXPLAINS_TABLE = compile_re(r"决算|预算|三公|(?:收支|收入支出|收入|支出)总体|表的?说明")
_PART = compile_re(r"^第[一二三四五六七八九十]+部分")


def sections(flow_text: str) -> Iterator[tuple[str, int, str]]:
    """``(table kind, flow offset, line)`` for every line of a section that explains one table
    ("五、一般公共预算财政拨款支出决算情况说明" explains the 一般公共预算支出表), and for a line outside them that
    states an amount of the 三公 by name (a short document's note on them, without its own heading)."""
    kind = part_kind = None
    other_money = False  # under a heading on money other than the 财政拨款 ("八、“三公”经费非财政拨款预算安排情况说明")
    offset = 0
    for line in flow_text.split("\n"):
        # A sub-heading is a section of its own where no part explains a table ("三、2024年度单位决算情况
        # 说明" then "（六）一般公共预算财政拨款基本支出决算情况说明"), or under a part on the whole budget
        # ("一、2025年单位预算收支情况说明" then "（三）财政拨款收支预算情况").
        heading = _HEADING.match(line) or _BARE_HEADING.match(line) \
            or (_SUB_HEADING.match(line) if part_kind in (None, SUMMARY) else None) \
            or _sub_heading_of_a_fund(line, part_kind)
        fund = _FUND_SUB_HEADING.fullmatch(line) if part_kind == FISCAL and not heading else None
        funds_kind = _explained_kind(fund.group("title")) if fund else None
        if funds_kind in _FUNDS:
            kind = funds_kind  # "三、财政拨款收支预算情况" then "（一）一般公共预算拨款支出"
        elif heading:
            kind = _explained_kind(_title(heading))
            other_money = NON_FISCAL in line
            if heading.re is _HEADING or heading.re is _BARE_HEADING:
                part_kind = kind
            elif part_kind is not None:
                kind = kind or part_kind  # "（一）收入情况" goes on with the part's table
            rest = line[heading.end():]
            if kind and rest:
                yield kind, offset + heading.end(), rest
        elif _PART.match(line):
            kind = part_kind = None
        elif kind:
            yield kind, offset, line
        elif ("三公”经费" in line or "三公经费" in line) and not other_money and _AN_AMOUNT.search(line):
            yield THREE_PUBLIC, offset, line  # a 三公 amount outside the sections ("“三公”经费…决算中，公务接待费支出决算为2.36万元")
        offset += len(line) + 1


def _sub_heading_of_a_fund(line: str, part_kind: str | None):
    """A sub-heading explaining one fund's table under a part on all the department's income or spending
    ("四、预算单位支出情况" then "（二）一般公共预算支出情况"), or a table of its own under the part on the
    一般公共预算 ("三、一般公共预算财政拨款支出决算情况说明" then "（四）一般公共预算财政拨款基本支出决算情况说明", Yunnan's):
    a section of its own."""
    if part_kind not in (INCOME, EXPENDITURE, GENERAL) or (heading := _SUB_HEADING.match(line)) is None:
        return None
    kinds = (*_FUNDS, FISCAL) if part_kind != GENERAL else (BASIC, THREE_PUBLIC)
    return heading if _explained_kind(_title(heading)) in kinds else None


def _title(heading) -> str:
    """The title a heading's match read."""
    groups = heading.groupdict()
    return groups.get("title") or groups.get("bare") or groups.get("fund") or ""


def _explained_kind(title: str) -> str | None:
    """The kind of table a section titled ``title`` explains, if any: a title naming a 决算 or 预算,
    or one naming the 三公 or the overall 收支 without them ("四、“三公”经费和机关运行经费情况说明",
    "二、部门收支总体情况", as Chongqing's 预算 are headed); the 财政拨款's income or spending is the 财政拨款收支总表's."""
    if NON_FISCAL in title:
        return None  # "八、“三公”经费非财政拨款预算安排情况说明": money no table of the 财政拨款 holds
    found = table_kind(title) if _EXPLAINS_TABLE.search(title) else None
    if found in (INCOME, EXPENDITURE) and "财政拨款" in title:
        return FISCAL  # "五、财政拨款支出预算情况": the 财政拨款's, not all funds' 支出表
    return None if found in UNREAD_KINDS else found


def section_lines(document) -> list[tuple[str, int, str]]:
    """:func:`sections` of the document's flow text, listed once per document (read through
    ``document.derived``)."""
    return list(sections(document.flow.text))


def sentence_before(line: str, position: int) -> str:
    """The part of the sentence that precedes ``position`` in ``line``."""
    start = max(line.rfind("。", 0, position), line.rfind("；", 0, position)) + 1
    return line[start:position]


def expense_items(line: str, listing) -> Iterator[tuple[str, int, object]]:
    """``(name, start, amount)`` of each item of an :data:`EXPENSE_LIST` match in ``line``: the name without a
    closing 等, a bracketed note ("津贴补贴（含高原津贴）") or its amount (and a 支出 before it), where it starts in the line, and the
    match of its amount (groups ``num`` and ``unit``) or None."""
    position = listing.start("items")
    for item in _ITEM_SEPARATOR.split(listing.group("items")):
        start = position + len(item) - len(item.lstrip())
        position += len(item) + 1
        name = _ITEM_NOTE.sub("", item.strip().removesuffix("等"))
        amount = _ITEM_AMOUNT.search(name)
        if amount is not None:
            name = name[:amount.start()]
            amount = _ITEM_AMOUNT.search(line, start, start + amount.end())
            if len(name) > 3 and name.endswith("支出"):
                name = name[:-2]  # "办公费支出125,600.00元": what was spent on 办公费
        yield name, start, amount


def same_item(row, name: str, year: int | None = None) -> bool:
    """Whether a listed item ``name`` names a 基本支出 table's ``row`` (its printed name, or its official name in
    ``year``: "医疗费" is 30307's only until 2017)."""
    subject = subjects().get(row.code)
    return normal_name(row.name) == normal_name(name) or bool(subject and subject.accepts(name, year))
