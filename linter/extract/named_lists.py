"""Counts of named things followed by their names: "内设机构6个，分别为：办公室、财务科、…", "下设2个二级事业单位，
分别为区网络运维服务中心、区数据资源服务中心", "纳入部门决算编制范围的单位共3个，包括：" then "1．…", "2．…" a line each;
"所属事业单位3家，分别为：…", "所属学校7个。所属学校分别是：…", "单位共4个，包括：1.…；2.…；3.…。"; or names before their
count: "内设A、B、C3个综合办事机构", "内设A、B、C共3个科室"; or names in brackets after their count: "普通高中3所（A、B、C）".

A list is read only where it is surely the whole list: after "分别为", "分别是", "具体为", "具体包括", "即" or a colon
right after the count (items ending in "；" too, maybe numbered), no "等" (an open list: one before its count, "A、B、C等4个科室",
holds at least the names it gives), no digits inside (a nested count or an amount; nor a count in numerals: "…和下属事业
单位二个"), every item a short name. Its length is read several ways ("、" only, or the last "和" / "及" joining two names too; up to the first comma or
up to the sentence's end): the count is contradicted only when no reading gives it. Every search is bounded, so
reading is linear in the text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from linter.extract.counts import ALSO_LISTED
from linter.numerals import chinese_int
from linter.patterns import compile_re, compile_regex

#: A count of named things in 个, or of units in 家 and schools in 所.
_COUNT = r"(?P<count>\d{1,2}|[一二两三四五六七八九十]{1,3})\s*(?P<measure>[个家所])"
#: A count of named things and the words that open their names ("6个，分别为：", "2个二级事业单位，分别为", "…。具体是：", the noun maybe with an
#: aside: "3个县（市、区）级税务局分别是："), maybe in
#: the next sentence naming the things again ("所属学校7个。所属学校分别是：", "…单位3个。直属事业单位为：") or the next clause
#: ("…所属4个事业单位预算组成，所属事业单位分别是：": what it names ends as the noun counted does), or after their breakdown
#: ("单位共6个，其中行政单位4个、事业单位1个，包括：…").
_INTRO = compile_regex(
    rf"{_COUNT}(?P<noun>(?:\p{{Han}}|[（(][\p{{Han}}、]{{1,10}}[）)]){{0,12}}?)"
    r"(?:[，,]?\s*(?:分别为|分别是|具体为|具体是|具体包括|即)[：:]?|[，,]?\s*(?:包括)?[：:]"
    r"|。\p{Han}{1,20}?(?:分别为|分别是|具体为|具体是)[：:]?|。\p{Han}{2,12}?为[：:]|。具体是[：:]"
    r"|[，,](?P<again>\p{Han}{2,12}?)(?:分别为|分别是|具体为|具体是)[：:]?"
    r"|[，,]\s*其中[^。；;：:]{2,40}?[，,]\s*(?:具体)?包括[：:])\s*"
)
#: Names listed before their count ("乡机关内设党政综合办公室、…、自然资源和生态环境办公室5个综合办事机构。", after an
#: organisation's 设: "区政协设提案委员会、…4个专门委员会", "局机关设办公室、…6个内设机构"; "…，共3个科室", "…共4个股室（大队）").
_COUNT_AFTER = compile_regex(
    rf"(?:内设|下设|设有|下辖|(?<=[会局委室部厅院府协组关])设)(?P<names>[^，,。；;：:\d]{{4,400}}?)(?:[，,]?\s*(?:共计|总共|共))?{_COUNT}"
    r"(?P<noun>\p{Han}{0,12}?)(?:[（(]\p{Han}{1,8}[）)])?(?=[。；;，,]|$)"
)
#: A count in brackets after the noun it counts, before the names ("1.中学（13所）：…").
_COUNT_IN_BRACKETS = compile_regex(rf"(?P<noun>\p{{Han}}{{2,12}}?)[（(]{_COUNT}[）)][：:]")
#: Names in brackets right after their count ("普通高中3所（青溪区第一中学、青溪区实验中学）").
_BRACKETED_NAMES = compile_regex(rf"{_COUNT}(?P<noun>\p{{Han}}{{0,8}}?)[（(](?P<names>[^（）()\n]{{4,300}}?)[）)]")
#: A department's own office among the names of its units ("XX局（本级）", "局机关"; not "XX局机关服务中心"), or first
#: among them named as an office ("XX局、A中心、B中心"; a unit may be a 局 too: "…中心、海南省测绘地理信息局").
_OWN_OFFICE = compile_re(r"本级|机关$")
_OFFICE_END = compile_re(r"(?:局|委|厅|部|委员会|政府|办事处)$")
#: Where the names end: the sentence's or clause's end.
_LIST_END = compile_re(r"[。；;！？\n]")
#: Where a list of items ending in "；" ends: the sentence's end.
_SENTENCE_END = compile_re(r"[。！？\n]")
_SEMICOLON = compile_re(r"[；;]")
_BRACKETED = compile_re(r"[(（][^()（）]*[)）]")
#: How the names of units and offices end: two such pieces joined by 和 are two names ("厅机关、数据审计中心和培训中心").
_UNIT_ENDINGS = ("中心", "机关", *"局委办厅处院所站队科室馆校园")
#: The department's own office joined to the first of its units' names ("红河州水利局本级及所属事业单位红河州…中心、…").
_OWN_JOINED = compile_re(r"本级(?:和|及|以及|与)[\u4e00-\u9fff]")
#: The last joiner of two names ("…、平安建设办公室和城市管理办公室").
_JOINER = compile_re(r"和|及|以及|与")
#: The 等 of an open list, not of a name ("高等教育处", "中等职业学校", "平等").
_OPEN = compile_re(r"等(?![教职级学专])")
#: What no name holds: an open list, a number (but a service's of three digits or more opening it; a count in numerals
#: ending it), a clause's words
#: ("负责…"; on them all, after the names: "一大队、二大队，均由支队统一核算").
_NOT_A_NAME = compile_regex(r"等(?![教职级学专])|(?<=\D)\d|^\d{1,2}(?!\d)|^\d+(?:[.,]|$|[个人名家所辆套台项万元亿年月日次件批条户座处间张亩])"
                         r"|[一二两三四五六七八九十][个家所](?!\p{Han})"  # (a nested count in numerals: "…和下属事业单位二个")
                         r"|负责|主要|其中|包括|分别|(?<![公中])共|合计|以上|以下|^[均都皆]")  # (a Party body's name: "中共…委员会")
#: A name: a few characters, mostly Chinese.
#: (a name may open with a service's number: "12345热线管理科", "110指挥中心")
_NAME = compile_regex(r"\d{0,6}[\p{Han}A-Za-z“”\"·]{2,40}")  # (two long names joined by 和: "…电子数据审计中心和…干部培训中心")
#: A numbered line of a list written a name per line ("1．XX局本级", "（2）XX中心").
_NUMBERED = compile_re(r"^\s*(?:(\d{1,2})\s*[.．、]|[(（](\d{1,2})[)）])\s*\S")
#: How many names a list may have at most (a longer one is no formulaic list).
_MOST = 60


@dataclass(frozen=True)
class NamedList:
    """A count (flow offsets ``start``–``end``) and the names listed after it."""

    count: int
    start: int
    end: int
    #: What is counted, as the text names it before or after the count ("内设机构", "二级事业单位").
    what: str
    names: tuple[str, ...]
    #: The numbers of names the list may be read as having.
    readings: frozenset[int]
    #: The measure word of the count: 个, 家 (units) or 所 (schools).
    measure: str = "个"
    #: The counts as the text states them, when several make ``count`` ("8个社区和2个村"); else empty.
    stated: str = ""


def named_lists(text: str) -> list[NamedList]:
    """Every count in ``text`` followed (or preceded) by the list of its names, read as the module docstring says."""
    found = []
    offset = 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if not any(measure in line for measure in "个家所"):
            offset += len(line) + 1
            continue
        for match in _INTRO.finditer(line):
            if match["again"] and match["again"][-2:] not in match["noun"]:
                continue  # the next clause names something else before its list
            listed = _listed(line, match.end(), lines[index + 1:index + 1 + _MOST])
            if listed is not None and ALSO_LISTED.search(line, max(0, match.start() - 30), match.start()) \
                    and not _restated(line, match) \
                    and (_count_of(match) not in listed[1] or any(_OWN_OFFICE.search(name) for name in listed[0])
                         or _OWN_OFFICE_NAMED.search(line, match.end(), _sentence_end(line, match.end()))):
                # "共3个，包括厅机关本级和2个所属事业单位，具体为：": the names are the whole's, the department's own office
                # (one name: "厅机关", "XX局（本级）") and the 2 others, unless they are as many as the count and none is
                # named the office ("包括局本级及3个所属单位：A局、B中心、C中心"); without it, they are the 2's
                names = listed[0]
                offices = [name for name in names if _OFFICE_END.search(name)]
                own = [name for name in names if _OWN_OFFICE.search(name)]
                if not own and offices and offices[0] == names[0]:
                    if len(offices) > 1:
                        continue  # (units named as offices are: "东城分局、西城分局")
                    own = [names[0]]  # the department named first ("湖南省水利厅、…中心、…中心")
                if len(own) > 1:
                    continue
                listed = (tuple(name for name in names if name not in own), frozenset(n - len(own) for n in listed[1]))
            elif listed is None:
                continue
            whole = _whole_before_its_parts(line, match)
            if whole is None and (whole_count := _whole_in_its_sentence(line, match)) is not None \
                    and _count_of(whole_count) in listed[1]:
                continue  # "单位共3个，其中：行政单位1个，事业单位2个，分别为：A（本级）、B、C": the whole's names
            if whole is not None:
                # "单位共3个，其中行政单位1个，事业单位2个。具体为：A、B、C": the names are the whole's
                found += _named_list(whole, listed, _before(line, whole.start()), offset)
                continue
            what = match["noun"] or _before(line, match.start())
            if match["again"]:  # "4个事业单位预算组成，所属事业单位分别是：": the 事业单位
                what = what[:what.find(match["again"][-2:]) + 2]
            # "辖8个社区和2个村，分别是：": the names may be all the joined counts' or the last count's alone
            joined = None if _count_of(match) in listed[1] else _joined_counts(line, match)
            found += _named_list(match, listed, what, offset, joined)
        for match in _COUNT_AFTER.finditer(line):
            found += _named_list(match, _readings(match["names"]) or _open_readings(match["names"]), match["noun"], offset)
        for match in _BRACKETED_NAMES.finditer(line):
            found += _named_list(match, _readings(match["names"]), match["noun"] or _before(line, match.start()), offset)
        for match in _COUNT_IN_BRACKETS.finditer(line):
            found += [replace(named, start=offset + match.start("noun"), end=offset + match.end("measure"))
                      for named in _named_list(match, _listed(line, match.end(), lines[index + 1:index + 1 + _MOST]),
                                               match["noun"], offset)]
        offset += len(line) + 1
    return found


def _restated(line: str, match) -> bool:
    """Whether the sentence after the count names its noun again before the names ("…和所属2个二级单位。所属二级单位分别是："):
    the names are of what it counts."""
    noun = match["noun"]
    restated = line[match.end("measure"):match.end()]
    return len(noun) >= 2 and "。" in restated and noun in restated.split("。", 1)[1]


def _whole_before_its_parts(line: str, match):
    """The count of the whole a sentence breaks down ("共3个，其中行政单位1个，事业单位2个") before a list in the next
    sentence ("。具体为："), when ``match``'s count is the breakdown's last part; else None."""
    if "。" not in line[match.end("measure"):match.end()]:
        return None
    part = _before(line, match.start())
    restated = line[line.rfind("。", 0, match.end()) + 1:match.end()]
    if len(part) >= 2 and part in restated:
        return None  # "…其中局机关本级1个、所属事业单位14个。所属事业单位具体是：…": the names are the part's, named again
    start = line.rfind("。", 0, match.start()) + 1
    parts = line.find("其中", start, match.start())
    return None if parts == -1 else next(reversed(list(_WHOLE_COUNT.finditer(line, start, parts))), None)


def _whole_in_its_sentence(line: str, match):
    """The count of the whole the sentence of ``match``'s count breaks down before it ("共3个，其中：行政单位1个，事业单位2个，
    分别为："), if any: none where the list opens in a sentence of its own ("…所属事业单位14个。所属事业单位具体是：")."""
    if "。" in line[match.end("measure"):match.end()]:
        return None
    start = line.rfind("。", 0, match.start()) + 1
    parts = line.find("其中", start, match.start())
    return None if parts == -1 else next(reversed(list(_WHOLE_COUNT.finditer(line, start, parts))), None)


#: A count of a whole, before its breakdown ("单位共13个，其中…").
_WHOLE_COUNT = compile_regex(rf"{_COUNT}(?P<noun>)")


def _sentence_end(line: str, start: int) -> int:
    """Where the sentence or clause going on at ``start`` ends."""
    end = _LIST_END.search(line, start)
    return end.start() if end else len(line)


#: The department's own office named in a list ("湖南省水利厅（本级）", "局机关").
_OWN_OFFICE_NAMED = compile_re(r"本级|机关[、，,；;。]")


def _count_of(match) -> int | None:
    """The count a match of a list's count states."""
    return int(match["count"]) if match["count"].isdigit() else chinese_int(match["count"])


def _named_list(match, listed: tuple[tuple[str, ...], frozenset[int]] | None, what: str, offset: int,
                joined: tuple[int, int] | None = None) -> list[NamedList]:
    """The list of ``match``'s count, or of the counts ``joined`` to it (``(start, sum)``, see :func:`_joined_counts`);
    none when its names were not read, or the count is no list's."""
    start, count = joined or (match.start("count"), _count_of(match))
    if listed is None or count is None or not 2 <= count <= _MOST or not what:
        return []
    names, readings = listed
    end = match.end("noun") if match["noun"] else match.end("measure")
    stated = match.string[start:end] if joined else ""
    return [NamedList(count, offset + start, offset + end, what, names, readings, match["measure"], stated)]


#: A count joined to the next ("8个社区和" of "辖8个社区和2个村，分别是：").
_JOINED_COUNT = compile_regex(rf"(?<!\d){_COUNT}\p{{Han}}{{1,8}}?(?:和|及|以及|、)$")


def _joined_counts(line: str, match) -> tuple[int, int] | None:
    """``(start, sum)`` of the counts joined before ``match``'s, all in its measure ("辖8个社区和2个村，分别是：": the list
    names 8 + 2 = 10), or None when no count is joined to it."""
    start, total = match.start("count"), _count_of(match)
    while total is not None and (joined := _JOINED_COUNT.search(line, max(0, start - 16), start)) is not None \
            and joined["measure"] == match["measure"] and _count_of(joined) is not None:
        start, total = joined.start("count"), total + _count_of(joined)
    return None if start == match.start("count") or total is None else (start, total)


def _listed(line: str, start: int, following: list[str]) -> tuple[tuple[str, ...], frozenset[int]] | None:
    """The names after ``start`` in ``line`` (or, when the line ends there, on the numbered lines after it) and
    the numbers of names they may be read as; None when they are surely no whole list of names."""
    end = _LIST_END.search(line, start)
    sentence = line[start:end.start() if end else len(line)]
    if not sentence.strip():
        return _numbered(following) or _wrapped(following)
    if end is not None and end.group() in "；;" and not any(mark in sentence for mark in "、，,"):
        # one name before the "；": the items end in "；" ("1.XX委员会机关；2.XX中心；3.XX院。")
        return _semicolon_list(line[start:(_SENTENCE_END.search(line, start) or end).start()])
    return _readings(sentence)


def _semicolon_list(sentence: str) -> tuple[tuple[str, ...], frozenset[int]] | None:
    """The names of a list whose items end in "；" ("1.XX委员会机关；2.XX中心；3.XX院"), each maybe numbered in
    turn; None when an item is no short name."""
    names = []
    for item in _SEMICOLON.split(sentence):
        number = _NUMBERED.match(item)
        if number is not None and int(number[1] or number[2]) != len(names) + 1:
            return None
        name = item[number.end() - 1:].strip() if number is not None else item.strip()
        if not (_NAME.fullmatch(name) and not _NOT_A_NAME.search(name)):
            return None
        names.append(name)
    return (tuple(names), frozenset({len(names)})) if len(names) >= 2 else None


def _readings(sentence: str) -> tuple[tuple[str, ...], frozenset[int]] | None:
    """The names of ``sentence`` and the numbers of names it may be read as (up to its first comma, or to its end);
    None when it is surely no whole list of names."""
    if _OPEN.search(sentence) or not any(mark in sentence for mark in "、和及与"):
        return None
    plain = _BRACKETED.sub("", sentence)
    clause = plain.split("，")[0].split(",")[0]
    readings = set()
    names: tuple[str, ...] = ()
    for part in (clause, plain):
        items = [item.strip() for item in part.replace("，", "、").replace(",", "、").split("、")]
        if not all(_NAME.fullmatch(item) and not _NOT_A_NAME.search(item) for item in items):
            if part is clause:
                return None
            continue
        names = names or tuple(items)
        readings.add(len(items))
        if joined_own := sum(1 for item in items[:-1] if _OWN_JOINED.search(item)):
            readings.add(len(items) + joined_own)  # "A局本级及所属事业单位B中心、C中心、D中心": A局本级 is a name of its own
        # A last name joined to another by 和 ("…、养老服务科和基层政权和社区建设科"): a split is a reading when both its
        # pieces end as the other names do ("基层政权建设" of "基层政权建设和社区治理科" does not).
        pieces = _JOINER.split(items[-1])
        endings = tuple({item[-1] for item in items[:-1]})
        if len(pieces) > 1 and (not endings or any(
                all(piece.endswith(endings) or piece.endswith(_UNIT_ENDINGS) for piece in ("和".join(pieces[:cut]), "和".join(pieces[cut:])))
                for cut in range(1, len(pieces)))):
            readings.add(len(items) + 1)
    return (names, frozenset(readings)) if len(names) >= 2 or len(readings) > 1 else None


def _open_readings(names: str) -> tuple[tuple[str, ...], frozenset[int]] | None:
    """An open list of names before its count ("办公室、…、信息技术科等4个科室"): at least the names it gives, so a count
    below them is wrong."""
    listed = _readings(names.removesuffix("等")) if names.endswith("等") and not _OPEN.search(names[:-1]) else None
    return None if listed is None else (listed[0], frozenset(range(min(listed[1]), _MOST + 1)))


def _wrapped(following: list[str]) -> tuple[tuple[str, ...], frozenset[int]] | None:
    """The names of a list wrapped onto the lines after a line ending in its colon ("…的单位共6个，包括：" then
    "A本级、B医院、C妇幼保" then "健院、D中心。其中…"): the lines run together up to the sentence's end."""
    text = ""
    for line in following[:_WRAPPED_LINES]:
        text += line.strip()
        if (end := _LIST_END.search(text)) is not None:
            return _readings(text[:end.start()])
    return None


#: How many lines a list after its colon is read over.
_WRAPPED_LINES = 4


def _numbered(following: list[str]) -> tuple[tuple[str, ...], frozenset[int]] | None:
    """The names on the numbered lines 1, 2, 3, … right after a line ending in the list's colon."""
    names = []
    for line in following:
        match = _NUMBERED.match(line)
        if match is None or int(match[1] or match[2]) != len(names) + 1:
            break
        names.append(line[match.end() - 1:].strip().rstrip("；;。"))
    return (tuple(names), frozenset({len(names)})) if len(names) >= 2 else None


def _before(line: str, start: int) -> str:
    """The words right before the count that name what it counts ("内设机构" of "…办事处内设机构6个", "单位" of
    "…编制范围的单位共3个"), at most eight Chinese characters."""
    words = ""
    for character in reversed(line[max(0, start - 8):start]):
        if not "\u4e00" <= character <= "\u9fff":
            break
        words = character + words
    words = words.removesuffix("共")
    opening = max((words.rfind(verb) for verb in _OPENINGS), default=-1)
    if opening >= 0:
        return words[opening:]
    return words[max(words.rfind("的"), words.rfind("设")) + 1:]  # "…编制范围的单位", "凤鸣镇设综合办事机构"


#: Words that open what a count counts ("内设机构", "下属单位").
_OPENINGS = ("内设", "下设", "下属", "所属", "设有")
