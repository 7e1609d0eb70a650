"""Counts broken down after 其中: "共有车辆5辆，其中：一般公务用车2辆、执法执勤用车3辆",
"实有人员28人，其中：在职人员25人，离退休人员3人"; and counts with their change from last year,
"公务用车保有量为3辆，比上年增加1辆，增长50%".

A count is a whole number with a classifier (辆, 台, 人, 个 …). The whole is the count right
before "其中" (or, for a list opened after other clauses of its sentence, "…，共计支出3.86万元，具体内容包括：", the one
count earlier in the sentence in its first part's classifier); its parts are the counts in the same classifier up to the end of the clause (。 or
；, past ； only after "其中：" or "其中，" when each clause counts one item; a list opened in brackets ends at
their close), leaving out what brackets hold and what follows "主要是" (a part's own breakdown). A list is read only when nothing can
make its parts overlap or the whole inexact: no 含 / 包括 or second 其中 in it, no part named by an
attribute that cuts across the others (女, 党员, 本科 …), no change (增加, 比上年 …) or approximation
(约, 超过 …) in the whole's clause; a rate ("每平方公里538人") is no part. It is complete when one of its parts
is the catch-all 其他… ("其他用车0辆"), or names a rating's top and bottom grades ("“优”的项目19个，…“不合格”的项目0个"), or when its first parts add up to the whole exactly (it ends there:
what follows divides the whole another way), unless the parts are one enumeration ("…2辆、…4辆、…1辆"). Every search is bounded, so reading is linear in the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from linter.extract.numbers import Number, number_of
from linter.i18n import N_
from linter.patterns import compile_re, compile_regex

#: Classifiers of counts, longest first ("人次" before "人").
CLASSIFIERS = ("批次", "人次", "台次", "场次", "平方米", "辆", "台", "套", "个", "人", "名", "家", "项", "处", "所", "户", "件", "宗", "亩", "起", "场")
_CLASSIFIER = "|".join(CLASSIFIERS)
#: A count's digits: nine at most, with or without thousands separators ("1,318人"); an area may print decimals
#: ("12,486.30平方米"), no other count (a part or a whole printing them in another classifier is none).
_DIGITS = r"(?<![\d.,])(?P<count>(?:\d{1,3}(?:,\d{3}){1,2}|\d{1,9})(?:\.\d{1,2})?)"
#: A count right before 其中 or 包括 (a noun may stand between: "40名干部，其中："; or a bracket: "5辆（其中：…）"; or the end
#: of its sentence: "预算单位共2个。其中行政单位1个…"), up to the 其中; ``_WHOLES`` adds the marks after it (the list
#: may start on the next line of the flow text: a line ending in a colon ends there).
_WHOLE_TO_ZHONG = (
    rf"{_DIGITS}\s*(?P<unit>{_CLASSIFIER})(?P<noun>\p{{Han}}{{0,6}}?)"
    # (its change between: "在校学生38,400人，比上年增加1,126人，其中：…", "培训9315人次，比上年增长6.3%，其中…", "车辆23辆，
    # 比上年末增加1辆，其中：…")
    rf"(?:[，,](?:比|较)(?:上一?年度?末?|去年末?|20\d{{2}}年度?末?)(?:(?:增加|减少)\d[\d,]*(?P=unit)|(?:增长|下降)\d{{1,3}}(?:\.\d{{1,2}})?%))?"
    rf"[，,(。]?[ \t]*(?:其中|包括)"
)
#: A count in a list (a count has at most nine digits: a longer run of digits is no count).
_COUNT = compile_regex(rf"{_DIGITS}\s*(?P<unit>{_CLASSIFIER})(?![\d.])")
#: Where a clause starts (looking back from the whole) and where a list ends.
_CLAUSE_START = compile_regex(r".*[，,。；;：:\n]", regex.S)
_LIST_END = compile_regex(r"[。；;\n]")
#: Where a part's name starts, looking back from its count.
_PART_START = compile_regex(r".*[、，,：:]", regex.S)
_BRACKETED = compile_regex(r"\([^()]*\)")
#: Words that make parts overlap (a part broken down inline, a second level), or say they do ("（分类存在交叉）",
#: "部分学员同时属于多个类别", "重复计算").
_OVERLAP = compile_regex(r"含|包括|其中|交叉|同时|重复")
#: …of which those saying so hold wherever they stand, in brackets too ("（分类存在交叉）").
_SAID_TO_OVERLAP = compile_regex(r"交叉|同时|重复")
#: Words opening a part's own breakdown after the list ("其他用车主要是校车28辆和公务用车2辆"): the list ends there.
_PART_DETAIL = compile_regex(r"主要(?:是|为|有|包括)")
#: Attributes that classify people across the list's own division ("在职人员25人，女性职工15人"):
#: parts named by one may overlap the others; so may sanctions, which one person may receive several of
#: ("给予党纪政务处分398人，其中：党纪处分352人、政务处分121人"). (初级中学 and 高级中学 are schools, no grade.)
_CROSS_CUTTING = compile_regex(r"女|男|党员|民族|学历|本科|专科|大专|硕士|博士|研究生|职称|(?:高|中|初)级(?!中学|中|学校)|岁|退役|军转|处分"
                               r"|专业技术人员|卫生技术人员|专技人员")  # (a post's skill: "在岗职工856人，其中编制内人员412人，卫生专业技术人员748人")
#: Words naming a rate, not a count: "人口密度每平方公里538人", "人均2人".
_RATE = compile_regex(r"每|人均|平均|密度")
#: Words that make a whole something else than the total of its parts: a change or an approximation.
#: A count joined to something else of the list it opens ("包括厅机关本级和2个…", "含本级及3个…", "包括市教育局本级和所属单位40个",
#: "由办公厅本级和所属2个事业单位的预算组成", "包括：局机关及2个二级单位", "共3家，即局机关本级及2家所属事业单位"): the count of
#: only some of what follows, no whole of it.
ALSO_LISTED = compile_re(r"(?:包括|包含|含|由|即)[：:]?[^，,。；;：:]{1,20}(?:和|及|、)[^，,。；;：:\d和及、]{0,8}$")
_NOT_A_TOTAL = compile_regex(r"增加|减少|增长|下降|新增|比|较|约|近|超过|逾|余|多|以上|左右")
#: What stands between the parts of one enumeration ("一般公务用车2辆、执法执勤用车4辆、特种专业技术用车1辆"):
#: its parts are the whole list, none another division of the whole.
_ENUMERATION = compile_regex(r"[^，,；;。]*")
#: Parts that each name a class of vehicles ("一般公务用车3辆，执法执勤用车2辆，特种专业技术用车1辆"): classes that
#: divide the vehicles one way, so a part after those adding up to the whole is no other division of it.
_VEHICLE_CLASSES = compile_regex(r"(?:[：:，,；;、\s]*[^，,；;。、\d]{0,12}用车\s*\d+\s*辆)+[：:，,；;、\s]*[^，,；;。、\d]{0,12}用车\s*")
#: How far a clause or a list reaches at most (a longer one is no formulaic count).
_CLAUSE_REACH = 40
_LIST_REACH = 300


#: The words linking a count's clause to the name its count is of ("…的单位为委本级和所属学校", "本部门共有车辆", "对"; not
#: the 有 of 实有人员, the 在 of 在编).
_LINKED = compile_regex(r"共有|[为是和及与对的共]")
_LINKED_AT_END = compile_regex(rf"(?:{_LINKED.pattern})+$")


@dataclass(frozen=True)
class CountList:
    """A count and the counts listed after its 其中 (numbers in flow-text offsets)."""

    whole_name: str
    whole: Number
    parts: list[Number]
    complete: bool
    #: Whether a part is named by an attribute that may cut across the others ("专任教师1,312人，…博士600人",
    #: "副高级职称489人"): each part is some of the whole, and its share of it is checked, but no sum of them is.
    overlapping: bool = False

    @property
    def label(self) -> str:
        """The whole's name as a reader calls it: the clause before its count from its last linking word on ("纳入…的单位为委
        本级和所属学校" → 所属学校), or, where none is left ("对15个项目…" → 对), "their whole"."""
        name = _LINKED.split(_LINKED_AT_END.sub("", self.whole_name))[-1]  # ("预算单位共" → 预算单位)
        return name if len(name) > 1 else N_("their whole")


@dataclass(frozen=True)
class _Opening:
    """Where a list of counts opens: its whole's count (digits, classifier, their offsets), the noun after it,
    the words opening the list (``opener``, "其中：", "（其中，" or "事业编制人员中，") and where they end."""

    count: str
    unit: str
    count_start: int
    unit_end: int
    noun: str
    opener: str
    end: int


@lru_cache(maxsize=2)
def count_lists(text: str) -> tuple[CountList, ...]:
    """Every unambiguous 其中 list of counts in flow text ``text``, and every list of a count named again before
    中 ("事业编制人员3,648人；事业编制人员中，专任教师3,405人，…"); kept for the last texts, which two rules read."""
    found = []
    # (a count, then its noun and 中, opens the list of its parts too: "42个项目中，自评结果为“优”的项目36个，…")
    for match in [*_WHOLES.finditer(text), *_COUNTS_BEFORE_ZHONG.finditer(text), *_BRACKETED_PARTS.finditer(text),
                  *_COLON_PARTS.finditer(text)]:
        if _whole_units(match):
            opening = _Opening(match["count"], match["unit"], match.start("count"), match.end("unit"), match["noun"],
                               match.group()[match.end("noun") - match.start():], match.end())
            found += _count_list(text, clause_before(text, match.start()), opening)
    for match in _NAMED_AGAIN.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if text.find(match["name"], line_start, match.start()) < 0:
            continue  # not named before on its line
        stated = None
        # (its name opening a word, or after 和: "局机关本级1个和所属学校60所。所属学校中，…")
        for stated in regex.finditer(rf"(?:(?<!\p{{Han}})|(?<=[和及与]))"
                                     rf"{regex.escape(match['name'])}{_DIGITS}\s*(?P<unit>{_CLASSIFIER})",
                                     text[line_start:match.start()]):
            pass
        if stated is not None and _whole_units(stated):
            opening = _Opening(stated["count"], stated["unit"], line_start + stated.start("count"),
                               line_start + stated.end("unit"), "", match.group()[len(match["name"]):], match.end())
            found += _count_list(text, match["name"], opening)
    seen = {listed.whole.start for listed in found}
    for opening in _late_openings(text):
        if opening.count_start not in seen:
            found += _count_list(text, clause_before(text, opening.count_start), opening)
    return tuple(found)


#: What opens a list after other clauses of its sentence ("…，共计支出3.86万元，具体内容包括：", "…，平均得分94.36分，其中评价等级为
#: “优”的9个、…").
_LATE_OPENER = compile_re(r"[，,]\s*(?:具体(?:内容|情况)?包括|其中)(?:[：:]|(?=(?:绩效)?(?:评价|评级|自评)(?:等级|结果)?为))")
_CLAUSE_MARK = compile_re(r"[，,]")
_DIGIT = compile_re(r"\d")
#: How far after its opener a list's first count stands at most.
_FIRST_PART_REACH = 30


def _late_openings(text: str) -> Iterator[_Opening]:
    """Lists opened after other clauses of their sentence, of the one count earlier in the sentence in the classifier of
    their first part ("国内公务接待31批次，247人次（不包括陪同人员），共计支出3.86万元，具体内容包括：…接待14批次，…"), each clause
    between them stating a figure of its own: not a count after a verb of change ("比上年减少5批次"), nor one a clause qualifies
    ("共有车辆2辆，均为一般公务用车，其中：…用车0辆": the list holds the other kinds)."""
    for opener in _LATE_OPENER.finditer(text):
        first = _COUNT.search(text, opener.end(), opener.end() + _FIRST_PART_REACH)
        if first is None:
            continue
        start = max(text.rfind(mark, 0, opener.start()) for mark in "。；;\n") + 1
        same = [count for count in _COUNT.finditer(text, start, opener.start()) if _alike(count["unit"], first["unit"])]
        if len(same) == 1 and not _CHANGE_BEFORE.search(text, max(start, same[0].start() - 4), same[0].start()) \
                and all(_DIGIT.search(clause) for clause in _CLAUSE_MARK.split(text[same[0].end():opener.start()])[1:]):
            whole = same[0]
            yield _Opening(whole["count"], whole["unit"], whole.start("count"), whole.end("unit"), "",
                           opener.group()[1:], opener.end())


#: A count, its noun and 中 opening the list of its parts ("42个项目中，…").
_COUNTED_BEFORE_ZHONG = rf"{_DIGITS}\s*(?P<unit>{_CLASSIFIER})(?P<noun>\p{{Han}}{{1,6}}?)中[，,：:]"
#: A quantity named again before 中 to open the list of its parts ("事业编制人员中，…"), at a clause's start.
_NAMED_AGAIN = compile_regex(r"(?<=[；;。\n])(?P<name>\p{Han}{2,12}?)中[，,：:]")


class _Anchored:
    """A pattern's matches as ``finditer`` gives them, looked for only where they can end: before each ``anchor``
    (a string the pattern's head ends with), ``reach`` characters back at most. Scanning every position of a long
    document for a count's digits cost the pattern a millisecond; the anchors are few."""

    def __init__(self, head: str, tail: str, anchor: str, reach: int):
        self._head = compile_regex(head + r"\Z")
        self._whole = compile_regex(head + tail)
        self._anchors = compile_re(anchor)
        self._reach = reach

    def finditer(self, text: str):
        end = 0
        for anchor in self._anchors.finditer(text):
            if anchor.start() < end:
                continue
            head = self._head.search(text, max(end, anchor.end() - self._reach), anchor.end())
            match = head and self._whole.match(text, head.start())
            if match:
                end = match.end()
                yield match


_WHOLES = _Anchored(_WHOLE_TO_ZHONG, r"[ \t]*[：:，,]?\n?", "其中|包括", 80)
#: Words of other figures than a count's parts, in brackets after it: another year's, a plan's ("（上年为31批次、241人次）").
_OTHER_FIGURES = compile_regex(r"上一?年|去年|同期|20\d{2}年|年初|计划|预算|为")
#: A count with its parts named and counted in brackets right after it ("离退休人员41人（离休人员1人、退休人员40人）").
_BRACKETED_PARTS = _Anchored(rf"{_DIGITS}\s*(?P<unit>{_CLASSIFIER})(?P<noun>)\(", r"(?=\p{Han}{2,12}\d)", r"\(", 20)
_COUNTS_BEFORE_ZHONG = _Anchored(_COUNTED_BEFORE_ZHONG, "", "中[，,：:]", 40)
#: A count with its parts named and counted after a colon right after it ("所属学校80所：高级中学9所、初级中学14所…").
_COLON_PARTS = _Anchored(rf"{_DIGITS}\s*(?P<unit>{_CLASSIFIER})(?P<noun>)[：:]", r"(?=\p{Han}{2,12}\d)", r"[：:]", 20)


def _counted_apart(text: str, opening: _Opening) -> bool:
    """Whether the total its sentence gives before ``opening``'s count is counted with another classifier, so that a list in
    the count's ("单位共81个，即委本级和所属学校80所，其中：高级中学9所、…") is of the count, not of the total."""
    sentence = max(text.rfind(mark, 0, opening.count_start) for mark in "。；\n") + 1
    totals = [m["unit"] for m in _TOTAL_BEFORE.finditer(text, sentence, opening.count_start)]
    first = _COUNT.search(text, opening.end, opening.end + _FIRST_PART_REACH)
    # (the list's counts in the count's classifier: not "共29个，包括局机关本级和所属学校28所。其中行政单位1个，…")
    return bool(totals) and first is not None and first["unit"] == opening.unit and opening.unit not in totals


#: A total counted before a count (its classifier).
_TOTAL_BEFORE = compile_regex(rf"(?:共|共计|合计|总计)(?:有|为)?{_DIGITS}\s*(?P<unit>{_CLASSIFIER})")


def _count_list(text: str, clause: str, opening: _Opening) -> list[CountList]:
    """The list of counts ``opening`` opens, if it is one (none, or one)."""
    if _NOT_A_TOTAL.search(clause + opening.noun) or (ALSO_LISTED.search(clause) and not _counted_apart(text, opening)):
        return []  # (not "单位共32个，包括局机关本级和31个二级单位。其中…": the 31 are some of the 32)
    end = _LIST_END.search(text, opening.end, opening.end + _LIST_REACH + 1)
    if end is None and len(text) > opening.end + _LIST_REACH:
        return []
    # A list whose first item ends at a semicolon lists an item a clause ("其中：…“优”的项目41个；…“良”的项目6个；");
    # one listing its items with "、" ends there ("其中行政人员32人、事业人员25人；离退休人员41人").
    first = sum(1 for m in _COUNT.finditer(text, opening.end, end.start())
                if not _OUTCOME_BEFORE.search(text, max(0, m.start() - 6), m.start())) if end else 0
    # (a list opened with no mark after 其中 counts its one item: "教职工1,468人，其中专任教师1,052人；在校学生21,360人")
    listing = opening.opener.rstrip().endswith(("：", ":", "，", ","))
    stop = _past_counted_clauses(text, end.start(), opening.unit) if end and first == 1 and listing else (
        end.start() if end else len(text))
    closing = text.find(")", opening.end, opening.end + _LIST_REACH) if "(" in opening.opener else -1
    if closing >= 0:
        stop = closing  # "教职工1,468人（其中：专任教师1,052人，管理人员236人），离退休人员612人": the brackets' list
    listed = text[opening.end:stop]
    if _SAID_TO_OVERLAP.search(listed) or (opening.opener == "(" and (_NOT_A_TOTAL.search(listed) or _OTHER_FIGURES.search(listed))):
        return []  # (brackets right after a count may hold its change, "41人（比上年增加2人）", or last year's: "（上年为241人次）")
    # Brackets hold a part's own breakdown or note ("事业人员1,082人（含运动员412人）", "业务用房50平方米（主要为会议用房）"):
    # blanked out, so offsets stay those of the text, before looking for words that end the list or make the parts overlap.
    listed = _BRACKETED.sub(lambda m: " " * len(m.group()), listed)
    if (detail := _PART_DETAIL.search(listed)) is not None:
        listed = listed[:detail.start()]  # "…、其他用车30辆，其他用车主要是校车28辆和…": a part's own breakdown
    if _OVERLAP.search(listed):
        return []
    parts, complete, crossing = _parts(listed, opening.unit, opening.end, clause + opening.noun)
    if not parts:
        return []
    whole = _count(opening.count, opening.unit, opening.count_start, opening.unit_end)
    if crossing:
        return [CountList(clause.strip() + opening.noun or opening.unit, whole, parts, False, overlapping=True)]
    complete = complete and len(parts) > 1  # "共有车辆5辆，其中：其他用车4辆": one part, the catch-all or not, is some of the whole
    # a whole listed as its two halves by definition ("城乡低保对象12,345人，其中城市…、农村…", "离退休人员203人，
    # 其中离休人员6人，退休人员197人")
    complete = complete or (len(parts) == 2 and any(
        whole_word in clause + opening.noun and all(half in listed for half in halves) for whole_word, halves in _HALVES))
    # a rating's every grade, from the top to the bottom ("其中评级为“优”的项目19个，“良”的项目5个，“合格”的项目2个，“不合格”的项目0个")
    complete = complete or (len(parts) > 2 and _TOP_GRADE.search(listed) is not None and _BOTTOM_GRADE.search(listed) is not None)
    between = listed[parts[0].end - opening.end:parts[-1].start - opening.end]
    if not (_ENUMERATION.fullmatch(between) or _VEHICLE_CLASSES.fullmatch(listed[:parts[-1].start - opening.end])):
        parts, complete = _up_to_the_whole(whole, parts, complete)
    return [CountList(clause.strip() + opening.noun or opening.unit, whole, parts, complete)]


#: The top and the bottom grades of a rating ("优", "优秀", "A"; "不合格", "较差", "差", "D"), named as grades.
_TOP_GRADE = compile_regex(r"(?:优秀|优|A)(?=[”\"’]|等次|等级|级)")
_BOTTOM_GRADE = compile_regex(r"(?:不合格|不及格|较差|差|D)(?=[”\"’]|等次|等级|级)")
#: Wholes made of two halves by definition, and the halves' words.
_HALVES = (("城乡", ("城市", "农村")), ("离退休", ("离休", "退休")))
#: A clause of a list that only counts one item ("；绩效评级为“良”的项目6个", "；初中生9847人，占27.04%"): the list goes on past
#: the semicolon.
_COUNTED_CLAUSE = compile_regex(rf"[；;][^。；;\n\d元%]{{1,{_CLAUSE_REACH}}}?{_DIGITS}\s*(?P<unit>{_CLASSIFIER})"
                                r"(?:[，,]\s*占[^，,。；;\d%]{0,20}?的?(?:比(?:重|例)?)?(?:为)?\d{1,3}(?:\.\d{1,2})?%)?"  # (its share)
                                r"(?=[；;。\n)）]|$)")


def _past_counted_clauses(text: str, end: int, unit: str) -> int:
    """Where a list ending at ``end`` ends when the clauses after its semicolon each count one item in ``unit``
    ("其中：绩效评级为“优”的项目41个；…“良”的项目6个；…“合格”的项目0个。")."""
    while (clause := _COUNTED_CLAUSE.match(text, end)) is not None and _alike(clause["unit"], unit):
        end = clause.end()
    return end


def _up_to_the_whole(whole: Number, parts: list[Number], complete: bool) -> tuple[list[Number], bool]:
    """The parts up to the first ones that add up to the whole exactly, and then complete: counts are
    exact, so what follows is another division of the whole ("总人口48368人，其中农业人口40556人，城镇人口
    7812人，街镇常住人口2378人，流动人口542人"); not when a part is the catch-all 其他…, which belongs to
    the list ("共有车辆5辆，其中：…2辆、…3辆、其他用车1辆" is a slip)."""
    if complete:
        return parts, complete
    total = 0.0
    for index, part in enumerate(parts[:-1], 1):
        total += part.value
        if total == whole.value:
            return parts[:index], True
    return parts, complete


#: What was met of the part named before ("完成34个", "已实现12个"), after it in its clause.
_OUTCOME = compile_regex(r"(?:已|均已|全部|共)?(?:未)?(?:完成|达成|实现|达到|达标)")
_OUTCOME_BEFORE = compile_regex(r"(?:完成|达成|实现|达到|达标)$")


def _parts(listed: str, unit: str, offset: int, whole_name: str) -> tuple[list[Number], bool, bool]:
    """The counts in ``unit`` of list ``listed`` (at flow offset ``offset``), whether one is the catch-all 其他…, and
    whether one is named by an attribute that cuts across the others (not one that divides the whole named
    ``whole_name``: see :func:`_divides`)."""
    parts, complete, crossing = [], False, False
    for part in _COUNT.finditer(listed):
        if not _alike(part.group("unit"), unit) or not _whole_units(part):
            continue
        name = listed[max(0, part.start() - _CLAUSE_REACH):part.start()]
        name = name[_end_of(_PART_START, name):].strip()
        crossing = crossing or any(not _divides(word, whole_name) for word in _CROSS_CUTTING.findall(name))
        if _RATE.search(name):
            continue  # "人口密度每平方公里538人": a rate, no part
        if _OUTCOME.fullmatch(name):
            continue  # "产出指标36个，完成34个；效益指标18个": how many of the part before were met, no part of its own
        if _CHANGE_BEFORE.search(name):
            break  # "…、教辅及行政管理人员120人，比上年增加25人": a change, after the list
        if parts and _EXAMPLES_OF.fullmatch(listed, parts[-1].end - offset, part.start()):
            parts.pop()  # "7个社区卫生服务中心等14个所属事业单位": the 7 are some of the 14
        parts.append(_count(part.group("count"), unit, offset + part.start("count"), offset + part.end()))
        complete = complete or name.startswith("其他")
    return parts, complete, crossing


#: The noun of a count and 等 before the next count, which holds it ("7个社区卫生服务中心等14个").
_EXAMPLES_OF = compile_regex(r"[^，,；;。、和及与\d]{1,20}等")
#: A change named before a count ("比上年增加25人"): no part.
_CHANGE_BEFORE = compile_regex(r"(?:增加|减少|增长|下降)了?$")
#: Wholes of students, whom their degree divides ("在校生", "全日制学生").
_STUDENTS = compile_regex(r"学生|在校生|学员|招生|毕业生")
#: Degrees, which cut across staff ("教职工…，其中博士…") but divide students.
_DEGREE = compile_regex(r"本科|专科|大专|硕士|博士|研究生")
#: Wholes of veterans and the people a 退役军人事务局 cares for.
_VETERANS = compile_regex(r"优抚|退役军人|复员|伤残|军休|安置")


def _divides(word: str, whole_name: str) -> bool:
    """Whether an attribute that cuts across staff divides the whole named ``whole_name``: a degree among students
    ("在校生…，其中本科生…、研究生…"), 退役 among veterans ("优抚对象…，其中：残疾军人…、农村籍退役士兵…")."""
    return bool(_DEGREE.fullmatch(word) and _STUDENTS.search(whole_name)) \
        or (word in ("退役", "军转") and _VETERANS.search(whole_name) is not None)


def _whole_units(match) -> bool:
    """Whether a count's digits are whole units, or an area's (the one count printed with decimals)."""
    return "." not in match.group("count") or match.group("unit") == "平方米"


#: Classifiers that count the same things, institutions ("事业单位12个，其中高等学校7所，…其他事业单位3个").
_INSTITUTIONS = ("个", "所", "家", "处")


def _alike(unit: str, other: str) -> bool:
    """Whether counts in classifiers ``unit`` and ``other`` count the same kind of thing."""
    return unit == other or (unit in _INSTITUTIONS and other in _INSTITUTIONS)


def clause_before(text: str, end: int, reach: int = _CLAUSE_REACH) -> str:
    """The clause of ``text`` that ends at ``end``: back to the last clause or sentence end, at most
    ``reach`` characters."""
    before = text[max(0, end - reach):end]
    return before[_end_of(_CLAUSE_START, before):]


def _end_of(pattern, text: str) -> int:
    """Where the last match of ``pattern`` (greedy ``.*`` then a delimiter) ends in ``text``, else 0."""
    match = pattern.match(text)
    return match.end() if match else 0


def _count(digits: str, unit: str, start: int, end: int) -> Number:
    plain = digits.replace(",", "")
    return Number(digits, unit, start, end, float(plain), len(plain.partition(".")[2]))


@dataclass(frozen=True)
class CountShare:
    """A count listed as a part of another and the share of it stated right after it ("在职职工2,860人，其中卫生技术
    人员2,480人，占在职职工的86.7%")."""

    whole_name: str
    whole: Number
    part: Number
    rate: Number


def count_shares(text: str) -> list[CountShare]:
    """Every share stated right after a part of a list of counts (:func:`count_lists`), of the list's whole: said
    bare ("占比86.7%", "占86.7%") or naming a whole its own name ends like ("占在职职工的86.7%")."""
    found = []
    for listed in count_lists(text):
        for part in listed.parts:
            share = _SHARE_AFTER.match(text, part.end)
            if share is None and (again := _PART_NAMED_AGAIN.match(text, part.end)) \
                    and again["name"] in text[max(0, part.start - _NAME_REACH):part.start]:
                share = _SHARE_AFTER.match(text, again.end())  # "其中网上信访760件，网上信访占受理总量的59.1%"
            of = _TOTAL_WORD.sub("", share["of"] or "") if share else ""  # ("占自评项目总数的60.0%": of the 项目)
            if share is None or (of and of[-2:] not in listed.whole_name):
                continue
            found.append(CountShare(listed.whole_name, listed.whole, part, number_of(share, "rate", "%")))
    return found


#: The part's name said again before its share ("，网上信访占…"), and how far before its count that name stands.
_PART_NAMED_AGAIN = compile_regex(r"[，,]\s*(?P<name>\p{Han}{2,10}?)(?=占)")
_NAME_REACH = 12
#: A whole's name saying it is the total ("自评项目总数", "在职人员总量").
_TOTAL_WORD = compile_regex(r"(?:总数|总量|总计|合计|总和)$")
#: A share right after a count ("，占在职职工的86.7%", "，占比30.0%"): of what (maybe unsaid), and the rate.
_SHARE_AFTER = compile_regex(r"[，,]?\s*占(?P<of>[^，,。；;\d%]{0,20}?)的?(?:比(?:重|例)?)?(?:为)?"
                             r"(?P<rate>\d{1,3}(?:\.\d{1,2})?)%")


@dataclass(frozen=True)
class CountCompletion:
    """A planned count, how many of it were done and the rate stated for that ("效益指标18个，完成17个，完成率94.4%")."""

    planned: Number
    done: Number
    rate: Number


#: A count, how many of it were done in the same classifier, and the rate of that, a clause each (looked for before
#: each rate's 率: see :class:`_Anchored`); the count's parts may follow it in brackets ("设置绩效指标12个（产出指标7个、…），完成11个")
#: or in a clause of their own ("设置绩效指标11个，其中产出指标7个、…；完成9个"), and so may its change ("…6842件，比上年增加447件，
#: 增长6.99%；审结…"); the done ones maybe dated ("年内完成24个"), maybe followed by those partly done ("已全部完成的13个，部分完成的
#: 3个"); the rate maybe named ("指标完成率93.8%"). A court's cases are done when closed ("受理各类案件6842件，
#: 审结6573件，结案率96.07%"), disputes when settled ("排查调处矛盾纠纷3268件，调解成功3197件，调解成功率97.83%").
_COUNT_COMPLETION = _Anchored(
    rf"{_DIGITS}\s*(?P<unit>{_CLASSIFIER})(?:[（(][^（）()]{{1,40}}[）)])?"
    rf"(?:[，,]\s*(?:比|较|同比)[^；;。]{{1,40}}?[；;]|[，,]\s*其中[：:]?[^；;。（(]{{1,60}}[；;]|[，,])\s*(?:其中)?(?:年内|当年|年度内|全年)?(?:已|共|实际)?(?:全部)?(?:按期|按时|及时)?(?P<verb>完成|实现|达成|达标|完工|竣工|审结|结案|办结|执结|调解成功|成功调解|调处成功|化解)了?的?\s*"
    rf"(?P<done>\d{{1,3}}(?:,\d{{3}}){{1,2}}|\d{{1,9}})\s*(?P=unit)(?:[，,]\s*(?:部分|未)(?P=verb)的?\s*\d{{1,9}}\s*(?P=unit))?"
    rf"[，,]\s*\p{{Han}}{{0,6}}?(?:(?P=verb)|结案|审结|办结|执结|成功|化解)率",
    r"(?:为|达到?)?\s*(?P<rate>\d{1,3}(?:\.\d{1,2})?)%", "率", 100)


def count_completions(text: str) -> list[CountCompletion]:
    """Every count stated with how many of it were done and the rate ("计划培训10期，完成9期，完成率90%"), or how many
    were done, then the target and the rate of it ("组织惠民演出62场次，年初目标为60场次，完成目标的103.3%")."""
    found = []
    for match in _COUNT_COMPLETION.finditer(text):
        if "." in match["count"]:
            continue  # (an area printed with decimals is no exact count)
        found.append(CountCompletion(
            _count(match["count"], match["unit"], match.start("count"), match.end("unit")),
            _count(match["done"], match["unit"], match.start("done"), match.end("done") + len(match["unit"])),
            number_of(match, "rate", "%")))
    for match in _TARGET_COMPLETION.finditer(text) if "目标" in text else ():
        found.append(CountCompletion(
            _count(match["target"], match["unit"], match.start("target"), match.end("target") + len(match["unit"])),
            _count(match["count"], match["unit"], match.start("count"), match.end("unit")),
            number_of(match, "rate", "%")))
    return found


#: A count done, then its target in the same classifier and the rate of it ("组织惠民演出62场次，年初目标为60场次，完成目标的
#: 103.3%"; the target inside the rate's words: "失业人员再就业1120人，完成年度目标1000人的112.0%").
_TARGET = r"(?P<target>\d{1,3}(?:,\d{3}){1,2}|\d{1,9})\s*(?P=unit)"
_TARGET_COMPLETION = compile_regex(
    rf"{_DIGITS}\s*(?P<unit>{_CLASSIFIER})[，,]\s*(?:(?:年初|全年|年度)?(?:计划|目标)(?:任务)?(?:为|是)?\s*{_TARGET}[，,]\s*"
    rf"完成(?:年初|年度|全年)?(?:计划|目标)(?:任务)?|完成(?:年初|年度|全年)?(?:计划|目标)(?:任务)?\s*{_TARGET})的\s*"
    r"(?P<rate>\d{1,3}(?:\.\d{1,2})?)%")


@dataclass(frozen=True)
class CountTransition:
    """A count said to go from one level to another ("车辆保有量由7辆减少至8辆"): the two levels and the direction said."""

    before: Number
    after: Number
    sign: int


#: "由7辆减少至8辆", "从12人增加到15人": two counts in one classifier and the verb between them.
_COUNT_TRANSITION = compile_regex(
    rf"[由从]\s*{_DIGITS}\s*(?P<unit>{_CLASSIFIER})\s*(?P<verb>增加|减少|上升|下降|增长|降低|增至|减至|降至)(?:至|到|为)?\s*"
    rf"(?P<after>\d{{1,3}}(?:,\d{{3}}){{1,2}}|\d{{1,9}})\s*(?P=unit)")


def count_transitions(text: str) -> list[CountTransition]:
    """Every count said to go from one level to another (see :data:`_COUNT_TRANSITION`)."""
    return [CountTransition(_count(m["count"], m["unit"], m.start("count"), m.end("unit")),
                            _count(m["after"], m["unit"], m.start("after"), m.end()),
                            1 if m["verb"][0] in "增上" else -1)
            for m in _COUNT_TRANSITION.finditer(text) if "." not in m["count"]]


@dataclass(frozen=True)
class CountChange:
    """A count, its change from last year (``sign`` × ``delta``, in the same classifier) and the rate
    stated for it (``rate_sign`` × ``rate``)."""

    name: str
    current: Number
    sign: int
    delta: Number
    rate_sign: int
    rate: Number


#: "保有量为3辆，比上年增加1辆，增长50%": a count, a comparison with last year, the change in the same
#: classifier and its rate (said 同比 again or not), in one clause each.
_COUNT_CHANGE = compile_re(
    rf"{_DIGITS}\s*(?P<unit>{_CLASSIFIER})[，,]\s*(?:比|较)(?:上年|去年|上一?年度|\d{{4}}年度?)末?"
    rf"(?:的?\s*(?:\d{{1,3}}(?:,\d{{3}}){{1,2}}|\d{{1,9}})\s*(?P=unit))?"  # (last year's count named: "比2023年的452,764起增加…")
    rf"(?P<verb>增加|减少)了?\s*(?P<delta>\d{{1,3}}(?:,\d{{3}}){{1,2}}|\d{{1,9}})\s*(?P=unit)[，,]\s*(?:同比)?(?P<rate_verb>增长|下降)了?\s*"
    r"(?P<rate>\d{1,4}(?:\.\d+)?)%"
)


#: The change in a count, to find the places worth the whole pattern: verbs are rarer than digits.
_COUNT_DELTA = compile_re(rf"(?:增加|减少)了?\s*(?:\d{{1,3}}(?:,\d{{3}}){{1,2}}|\d{{1,9}})\s*(?:{_CLASSIFIER})[，,]")
#: How far before its change a count and its comparison may start.
_COUNT_REACH = 40


def count_changes(text: str) -> list[CountChange]:
    """Every count stated with its change and rate (see ``_COUNT_CHANGE``)."""
    found, searched = [], 0
    for delta in _COUNT_DELTA.finditer(text):
        start = max(searched, delta.start() - _COUNT_REACH)
        match = _COUNT_CHANGE.search(text, start, delta.end() + _COUNT_REACH)
        searched = delta.end()
        if match is None or match.start("verb") != delta.start() or "." in match.group("count"):
            continue  # (an area printed with decimals is rounded: its change is no exact count's)
        found.append(CountChange(
            clause_before(text, match.start()).strip().rstrip("为是达共有"),
            _count(match.group("count"), match.group("unit"), match.start("count"), match.end("unit")),
            1 if match.group("verb") == "增加" else -1,
            _count(match.group("delta"), match.group("unit"), match.start("delta"), match.end("delta") + len(match.group("unit"))),
            1 if match.group("rate_verb") == "增长" else -1,
            number_of(match, "rate", "%"),
        ))
    return found


#: The unit of a count or a measure, maybe in 万 or 亿, maybe with what it also counts in brackets ("万卷（件）").
_MEASURE_UNIT = (r"(?:万|亿)?(?:人次|批次|场次|台次|户次|册次|人|件|卷|册|吨|辆|项|场|户|家|所|公里|千米|平方米|平方公里|立方米|亩|套|台|株|棵|头|只)"
                 r"(?:[（(]\p{Han}{1,3}[）)])?")
_LEVEL = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3}){1,2}|\d{1,9})(?:\.\d{1,2})?"
_RISE, _FALL = ("增加", "增长", "上升", "提高", "增至"), ("减少", "下降", "降低", "减至", "降至")
_VERB = r"增加|减少|增长|下降|上升|降低|提高"
#: "X万人次，比2023年的Y万人次下降R%", "X万吨，较上年Y万吨增长R%", "X万卷（件），较上年末的Y万卷（件）增加Z万卷（件），增长R%".
_LEVEL_AFTER = compile_regex(
    rf"(?P<current>{_LEVEL})\s*(?P<unit>{_MEASURE_UNIT})[，,]\s*(?:比|较|与)(?:上一?年度?|去年|(?:19|20)\d{{2}}年度?)末?(?:同期)?的?\s*"
    rf"(?P<previous>{_LEVEL})\s*(?P=unit)(?:相比)?[，,]?\s*(?P<verb>{_VERB})了?\s*"
    rf"(?:(?P<change>{_LEVEL})\s*(?P=unit)(?:[，,]\s*(?:同比)?(?P<rate_verb>{_VERB})了?\s*(?P<rate>\d{{1,4}}(?:\.\d{{1,2}})?)%)?"
    rf"|(?P<bare_rate>\d{{1,4}}(?:\.\d{{1,2}})?)%)"
)
#: "由2024年的Y人增加到X人，增加Z人，增长R%".
_LEVEL_TO_LEVEL = compile_regex(
    rf"[由从](?:(?:19|20)\d{{2}}年度?|上年度?|去年)(?:末|底)?的?\s*(?P<previous>{_LEVEL})\s*(?P<unit>{_MEASURE_UNIT})\s*"
    rf"(?P<verb>{_VERB}|增至|减至|降至)(?:到|至|为)?\s*(?P<current>{_LEVEL})\s*(?P=unit)"
    rf"(?:[，,]\s*(?:{_VERB})了?\s*(?P<change>{_LEVEL})\s*(?P=unit))?"
    rf"(?:[，,]\s*(?:同比)?(?P<rate_verb>{_VERB})了?\s*(?P<rate>\d{{1,4}}(?:\.\d{{1,2}})?)%)?"
)
_MEASURE_HINT = compile_re(r"(?:比|较|与|由|从)(?:上一?年|去年|(?:19|20)\d{2}年)")


def measure_levels(text: str) -> list:
    """Every count or a physical quantity stated this year and last year in one sentence ("接待游客356.82万人次，比2023年的
    300.86万人次下降18.6%", "由2024年的9,412人增加到9,860人，增加448人"; see :data:`_LEVEL_AFTER`, :data:`_LEVEL_TO_LEVEL`),
    as a :class:`~linter.extract.claims.Transition` with the direction said, the change and the rate if stated; an amount
    of money is a claim's, not one of these."""
    from linter.extract.claims import Transition  # (claims reads this module's classifiers)

    if not _MEASURE_HINT.search(text):
        return []
    found = []
    for pattern in (_LEVEL_AFTER, _LEVEL_TO_LEVEL):
        for match in pattern.finditer(text):
            unit, verb = match["unit"], match["verb"]
            rate_group = "rate" if match["rate"] else "bare_rate" if match.groupdict().get("bare_rate") else None
            rate_verb = match["rate_verb"] or (verb if rate_group == "bare_rate" else None)
            found.append(Transition(
                clause_before(text, match.start()).strip().rstrip("为是达共有"),
                _count(match["previous"], unit, match.start("previous"), match.end("previous") + len(unit)),
                _count(match["current"], unit, match.start("current"), match.end("current") + len(unit)),
                1 if verb in _RISE else -1,
                number_of(match, rate_group, "%") if rate_group else None,
                (1 if rate_verb in _RISE else -1) if rate_verb else None,
                match.start(), match.end(),
                _count(match["change"], unit, match.start("change"), match.end("change") + len(unit)) if match["change"] else None,
            ))
    return found
