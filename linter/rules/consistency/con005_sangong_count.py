"""CON005 inconsistent-count."""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass
from itertools import takewhile

import regex

from linter.check.finding import Related, Severity
from linter.check.rule import Rule
from linter.i18n import N_, _
from linter.numerals import chinese_int
from linter.patterns import compile_re, compile_regex
from linter.rules.shared import original_year

#: What each 三公 count is, as people read it.
_GROUPS, _TRAVELLERS, _BOUGHT, _FLEET, _BATCHES, _GUESTS = (
    N_("因公出国(境)团组数"), N_("因公出国(境)人次"), N_("公务用车购置数"), N_("公务用车保有量"),
    N_("公务接待批次"), N_("公务接待人次"),
)
_ABROAD = r"(?:因公)?出国[(（]境[)）](?:团组数?|组团|团组)"
#: A count, in digits (with or without thousands separators: "2,263辆") or Chinese numerals ("二十批次、一百零五人次",
#: "团组零个").
_N = r"(?:\d{1,3}(?:,\d{3}){1,2}(?![\d,])|\d{1,9}|[零一二两三四五六七八九十百千]{1,7})"
#: Narrative wordings ("因公出国(境)团组2个，累计6人次", "公务用车购置1辆、保有量4辆",
#: "国内公务接待12批次、96人次", "公务接待批次为5个，接待人次为40人", "公务接待费支出…元，共接待12批次、165人次",
#: also with a clause on what it paid for between: "…元，主要用于…，共接待9批次"), on text without spaces.
_NARRATIVE = (
    compile_regex(rf"{_ABROAD}(?:为|共|共计)?(?P<a>{_N})个(?:[，,、；]?(?:累计|共|共计)?(?:出国|出访)?(?:人数|人次)?(?:为|共)?(?P<b>{_N})(?:人次|人))?"),
    # (a police force's cars bought, the one class its clause names: "本年按规定更新购置执法执勤用车3辆，车辆购置支出…")
    compile_regex(rf"公务用车购置(?:数量?)?(?:为|共)?(?P<a>{_N})辆|购置(?:[（(]更新[)）])?了?公务用车(?:共)?(?P<a>{_N})辆"
                  rf"|购置(?:[（(]更新[)）])?了?执法执勤用车(?:共)?(?P<a>{_N})辆(?![^。；;]*(?:一般公务用车|特种专业技术用车|其他用车|机要通信用车))"
                  # (none bought: "本年度未购置公务用车", "2026年无公务用车购置计划")
                  r"|(?P<a>无|未|没有)(?:发生)?(?:购置|购买|新购|更新购置)了?(?:公务用车|车辆)(?!运行)"
                  r"|(?P<a>无|没有)公务用车购置(?:计划|事项)?(?![费支])"),
    # (the fleet it came to from last year's: "公务用车保有量由12辆减少至11辆"; Sichuan's "单位共有公务用车1辆，其中：其他用车1辆";
    # a budget's "2026年预算安排保有公务用车4辆", "2026年末公务用车保有量预计为6辆")
    compile_regex(rf"(?:公务用车)?保有量(?P<change>[由从]{_N}辆(?:减少|增加|下降|增长|降|增)(?:至|到|为))?(?:预计)?(?:为|共)?(?P<a>{_N})辆"
                  rf"|(?:共有|现有|实有|保有)公务用车(?:共)?(?P<a>{_N})辆"),
    # The cars the 运行维护费 keeps running ("主要用于4辆公务用车的燃油、维修、保险等支出"; a department's 执法执勤用车,
    # named alone: "主要用于4辆执法执勤用车的燃油…"): the fleet.
    # (their classes in brackets and what they are used for before the costs: "主要用于7辆公务用车（其中执法执勤用车6辆）开展
    # 安全生产执法检查…所需的燃料费", "…所需的公务用车燃料费")
    # (what they are used for between the count and 用车: "主要用于4辆防汛应急和执法巡查公务用车的燃料费", "用于3辆社会救助入户
    # 核查和救灾物资运送用车的燃料费")
    compile_regex(rf"用于[^\d，,。；]{{0,8}}?(?P<a>{_N})辆(?:[^\d，,。；、辆]{{0,16}}?(?:公务用车|用车)|执法执勤用车)"
                  rf"(?P<aside>[（(][^（）()]{{0,20}}[）)])?"
                  r"(?:[^，,。；\d]{0,40}?所需)?的?(?:公务用车|车辆)?(?:燃油|燃料|油料|维修|保险|运行|日常)"),
    compile_regex(r"(?<!外)(?:公务|国内)接待(?:费?(?:支出)?(?:预算|决算)?(?:数)?(?:为)?[\d,.]{1,20}(?:万元|元)[，,(（]"
                  # (its change between: "…3.15万元，比2024年减少0.45万元，下降12.5%，计划接待54批次")
                  r"(?P<change>(?:比|较|与)[^，,。；]{2,30}?(?:(?:增加|减少)[\d,.]{1,20}(?:万元|元)|持平)[，,](?:(?:增长|下降)[\d.]+%[，,])?)?"
                  r"(?:[^，,。；\d]{2,40}[，,])?"
                  r"(?P<rate>[^，,。；\d]{2,12}\d[\d.]*%[，,])?)?"  # (its completion rate between: "…，完成预算的77.3%，共接待…")
                  # ("全部为国内公务接待，共接待38批次": the count in the clause after, which says 接待 again)
                  # (the year before a plan: "公务接待费预算2.10万元，2025年计划接待12批次", "…，全年计划接待36批次")
                  r"(?:批次)?(?:[，,](?=(?:20\d{2}年度?|全年)?(?:共|共计|累计|计划|预计)?接待))?(?:20\d{2}年度?|全年)?"
                  r"(?:为|共|共计|累计|计划|预计)?(?:接待)?"
                  rf"(?P<a>{_N})(?:批次|批|个)"
                  rf"(?:[，,、；]?(?:累计|共|共计)?(?:接待)?(?:人次|人数)?(?:为|共)?(?P<b>{_N})(?:人次|人))?"),
    # "全年共接待国内公务十二批次、六十九人次": the verb first.
    compile_regex(rf"接待(?:国内)?公务(?:活动)?(?P<a>{_N})(?:批次|批)[，,、]?(?:共|累计)?(?P<b>{_N})(?:人次|人)"),
    # "全年共接待国内来访团组12批次、156人次" in the 公务接待费's paragraph (see :func:`_clauses_naming_counts`), also
    # "全年共接待国内公务来访42批次、318人次".
    compile_regex(rf"(?:共|共计|累计)接待(?:国内)?(?:公务)?(?:来访|来宾)?(?:团组|活动|人员)?(?P<a>{_N})(?:批次|批)"
                  rf"(?:[，,、]?(?:共|累计)?(?P<b>{_N})(?:人次|人))?"),
)
_KEYS = ((_GROUPS, _TRAVELLERS), (_BOUGHT, None), (_FLEET, None), (_FLEET, None), (_BATCHES, _GUESTS), (_BATCHES, _GUESTS),
         (_BATCHES, _GUESTS))
#: Receptions counted without naming the 公务接待 ("全年共接待国内来访团组12批次"): its count where a paragraph on it says so.
_RECEIVED = compile_regex(r"(?:共|共计|累计)接待")
#: Words that every wording of :data:`_NARRATIVE` contains one of (a clause without them states
#: no count), spaces allowed between their characters (``re``: its ``\s`` is ``str.isspace``).
_NARRATIVE_WORDS = compile_re(
    "|".join(r"[^\S\n]*".join(regex.escape(character) for character in word)
             for word in ("因公出国", "出国(境)团组", "公务用车", "执法执勤用车", "保有量", "公务接待", "接待国内公务", "国内接待"))
)
#: The rows of a 三公 table's 相关统计数: each label's words and its unit ("因公出国(境)团组数(个)  2").
_ROW_UNITS = (
    (_ABROAD, "个", _GROUPS),
    (r"因公出国[(（]境[)）]人(?:次数|数|次)", "人(?:次)?", _TRAVELLERS),
    (r"公务用车购置数", "辆", _BOUGHT),
    (r"公务用车保有量", "辆", _FLEET),
    (r"(?:国内)?公务接待批次", "(?:批次|批|个)", _BATCHES),
    (r"(?:国内)?公务接待人(?:次数|数|次)", "人(?:次)?", _GUESTS),
)
#: Their labels, the unit in brackets.
_ROW_LABELS = tuple((rf"{words}[(（]{unit}[)）]", what) for words, unit, what in _ROW_UNITS)
#: Those rows in the original file, one number only (after dashes in a column left empty, or an empty cell, and the row's 行次
#: before them: "（五）国内公务接待批次（个）  15  —  6"), the unit in brackets or in a cell of its own
#: ("国内公务接待批次	个	18"), or in the table's unit line, the label a cell of its own ("公务用车保有量	3"): the label (after a list number, "6." or "（六）",
#: if any) starts its line or a cell of a row of such pairs ("公务用车保有量（辆）	9	国内公务接待批次（个）	26"); a look-behind,
#: so that the search starts from the label's first characters.
_ROWS = tuple(
    (compile_regex(rf"(?<=(?:^|\t)\s*(?:\d{{1,2}}[.、．]|[(（][一二三四五六七八九十\d]{{1,3}}[)）]|[一二三四五六七八九十]{{1,3}}、)?)"
                   rf"{words}(?:[(（]{unit}[)）]|[ \t]+{unit}(?=[ \t])|(?=\t))(?:[ \t]+\d{{1,2}}(?=[ \t]+[-—－/]|\t\t))?(?:[ \t]+[-—－/]+)*"
                   r"[ \t]+(?P<a>\d{1,3}(?:,\d{3}){1,2}|\d{1,9})[ \t]*(?:$|(?=\t)|(?P<more>(?=[ \u3000]+\d)))",
                   regex.M), what)
    for words, unit, what in _ROW_UNITS
)
#: A clause about another year, a change or a budget states no count of the year's 三公, nor does
#: one about another measure of it ("改革前车辆保有量为56辆", "账面数为56辆，实际保有量为12辆").
_OTHER = compile_regex(r"上年|上一年|同比|比\d{4}|较|增加|减少|增长|下降|持平|(?<!公共)预算(?!单位|财政拨款)|计划|其中"
                       r"|改革前|改革后|账面|帐面|实际|年初")
#: …but in a 预算 the year's counts are its budget's, its plan ("2025年计划接待54批次"): what else makes a clause another's.
_OTHER_IN_A_BUDGET = compile_regex(r"上年|上一年|同比|比\d{4}|较|增加|减少|增长|下降|持平|其中|改革前|改革后|账面|帐面|实际|年初")
#: "其中：" before the 国内 公务接待 (the template's wording after the 公务接待费), which count them all unless
#: the sentence names 外事 receptions too.
_DOMESTIC_PART = compile_regex(r"其中[:：]?(?=国内公务接待)")
_FOREIGN = compile_regex(r"外事|外宾|国[(（]?境[)）]?外|境外")
#: A bracket leaving some out ("（不包括外事接待批次、人次）", "（不含外事接待）").
_EXCLUSION = compile_regex(r"[(（](?:不包括|不包含|不含)[^()（）]*[)）]")
#: A clause: the text between two sentence or clause ends.
_CLAUSE = compile_regex(r"[^。；;\n]+")
#: A year named in a clause, and the words before it that compare with it.
_YEAR = compile_regex(r"(20\d{2})年")
_COMPARED = compile_regex(r"(?:比|较|与|同)$")
#: A line break inside a sentence (not after its end, not before a blank line).
_INNER_BREAK = compile_regex(r"(?<=[^。；;\n])\n(?=[^\n])")


def _count(text: str) -> int:
    """A count written in digits or in Chinese numerals, or none ("未购置公务用车": 0)."""
    digits = text.replace(",", "")
    return int(digits) if digits.isdigit() else 0 if text in _NONE else chinese_int(text)


#: The words saying none were bought.
_NONE = ("无", "未", "没有")


@dataclass(frozen=True)
class _Count:
    """A count stated for one of the 三公 counts, at original-file offsets ``[start, end)``."""

    what: str
    value: int
    start: int
    end: int
    in_table: bool = False  # a row of the 三公 table's 相关统计数, not the narrative


class InconsistentCount(Rule):
    """A 三公 count (团组, 人次, 公务用车购置数 / 保有量, 公务接待批次 / 人次) stated twice
    with different numbers: in the text and in the 三公 table's 相关统计数 (a row per count, the
    counts across under a line of their labels, or label and count pairs across a line, "公务用车保有量（辆）：6" too, parted by single spaces as well), or twice in the text (the
    fleet also as Sichuan's "单位共有公务用车4辆" and as the cars its 运行维护费 keeps running: "主要用于4辆公务用车的燃油…",
    "主要用于3辆防汛应急和执法巡查公务用车的燃料费", and a police force's 执法执勤用车 named
    alone: "主要用于4辆执法执勤用车的燃油…", "更新购置执法执勤用车3辆"); or a 公务用车保有量 greater
    than the vehicles the department has in all ("共有车辆3辆"); or fewer 人次 than the 团组 or 批次 they
    travelled or were received in ("团组3个，2人次"; a plan's too: "2025年计划公务接待28批次、19人次"): each has one person
    at least.

    Counts are whole numbers, in digits or Chinese numerals ("二十批次"), or none bought ("本年度未购置公务用车", "2026年无
    公务用车购置计划"): no rounding. Clauses about
    another year, a change, a budget or a part ("2023年接待15批次", "比上年减少2批次",
    "其中：外宾接待1批次") are not read (but the fleet a change came to is the year's: "保有量由12辆减少至11辆"), but in a 预算 the budget's and the plan's counts are the year's ("2025年计划接待54批次",
    after the amount's change: "…，比2024年减少0.45万元，计划接待…"), and a table printing last year's counts beside them
    is read in the year's column; the template's "其中：国内公务接待6批次" counts them all, unless
    the sentence names 外事 receptions too (not in a bracket leaving them out: "（不包括外事接待批次、人次）"); and where the table counts some 外事 receptions in a row of their own, its
    公务接待 row is the 国内 ones, which a count of all receptions is not. A row under a header numbering the rows
    ("项目 | 栏次 | 统计数") prints its 栏次 before its count. The statement reported is one the most statements of the
    count contradict ("主要用于2辆公务用车" beside a 保有量 of 3 in the text and in the table); between two, a fleet more than the
    vehicles in all, else the narrative's rather than the table's (the finance system prints the table; the narrative is
    typed), else the later.

    **Anti-pattern**

        国内公务接待12批次、96人次。
        …
        本年度公务接待共计12批次、69人次，主要是上级检查调研。

    **Best practice**

        国内公务接待12批次、96人次。
        …
        本年度公务接待共计12批次、96人次，主要是上级检查调研。
    """

    code = "CON005"
    name = "inconsistent-count"
    severity = Severity.ERROR

    def check(self, document, context):
        first: dict[str, _Count] = {}
        counts = sorted(_counts(document), key=lambda c: c.start)
        fleet = next((c for c in counts if c.what == _FLEET), None)
        planned = document.claims.budget_document and any(c.what == _BOUGHT and c.value for c in counts)
        none_bought = not planned and any(c.what == _BOUGHT for c in counts)  # ("公务用车购置数0辆", "未购置公务用车")
        # (a 预算 buying cars adds to them)
        over = list(self._fleet_over_vehicles(document, None if planned else fleet, none_bought))
        yield from over
        stated: dict[str, list[_Count]] = {}
        for count in counts:
            stated.setdefault(count.what, []).append(count)
        for what, same in stated.items():
            # (of a fleet stated as often one way as the other, not the one more than the vehicles in all)
            first[what] = _most_stated(same, fleet.value if over and what == _FLEET else None)
        for count in counts:
            earlier = first[count.what]
            if earlier.value == count.value:
                continue
            place = document.source_span(earlier.start, earlier.end)
            yield self.finding(
                document,
                document.source_span(count.start, count.end),
                _("{what} is {value} here but {other} at {place}", what=_(count.what), value=count.value,
                  other=earlier.value, place=place.place),
                expected=str(earlier.value),
                related=[Related(place, _("stated so"))],
            )
        reported = set()
        for finding in self._fewer_people_than_groups(document, first):
            reported.add(finding.span.start_offset)
            yield finding
        yield from self._fewer_people_planned(document, reported)

    def _fewer_people_than_groups(self, document, first: dict[str, _Count]):
        """Each 团组 and each 批次 has one person at least: fewer 人次 than groups cannot be ("团组3个，2人次")."""
        for groups, people in ((_GROUPS, _TRAVELLERS), (_BATCHES, _GUESTS)):
            if groups in first and people in first and first[people].value < first[groups].value:
                yield self._fewer(document, people, first[people], groups, first[groups])

    def _fewer(self, document, people: str, count: _Count, groups: str, of: _Count):
        place = document.source_span(of.start, of.end)
        return self.finding(
            document, document.source_span(count.start, count.end),
            _("{what} is {value}, fewer than the {groups} {of} at {place}: each has one person at least",
              what=_(people), value=count.value, groups=of.value, of=_(groups), place=place.place),
            related=[Related(place, _(groups))],
        )

    def _fewer_people_planned(self, document, reported: set):
        """The same of any year's or a plan's groups and people in one clause ("2025年计划公务接待28批次、19人次",
        "计划安排教育交流团组2个、1人次"), which the counts of the year leave out."""
        text = document.flow.text
        for match in _GROUPS_AND_PEOPLE.finditer(text):
            groups, people = (_BATCHES, _GUESTS) if match["batches"] else (_GROUPS, _TRAVELLERS)
            of, count = (_Count(what, _count(match[group]), *document.flow.source_span(*match.span(group)))
                         for what, group in ((groups, "a"), (people, "b")))
            if count.value < of.value and count.start not in reported:
                yield self._fewer(document, people, count, groups, of)

    def _fleet_over_vehicles(self, document, fleet: _Count | None, none_bought: bool = False):
        """The 公务用车 paid from 财政拨款 are some of the department's vehicles: their 保有量 is no more
        than the vehicles it has in all ("共有车辆3辆"). A 预算's fleet stated for its own year may be more than the
        vehicles counted at the end of the year before by the cars it plans to buy: compared only when it plans none
        ("2025年公务用车保有量4辆，无购置计划", or ``none_bought``: the document counts none bought elsewhere, "公务用车购置数0辆")."""
        if fleet is None:
            return
        text, year = document.flow.text, document.derived(original_year)
        # A 预算 of Y counts its vehicles at the end of Y−1 ("截至2024年12月31日" in a 2025 预算).
        years = {year, year - 1} if year is not None and document.claims.budget_document else {year}
        fleet_years = _years_before(document.original.text, fleet.start)
        for match in _ALL_VEHICLES.finditer(text):
            if not _said_of(text, match, years):
                continue
            if document.claims.budget_document and fleet_years and _years_before(text, match.start()) != fleet_years \
                    and not none_bought and not _NONE_BOUGHT.search(document.original.text, _sentence_start(document.original.text, fleet.start),
                                                _sentence_of(document.original.text, fleet.start)[1]):
                return  # "截至2024年12月31日，共有车辆46辆" and the fleet planned for the budget's year-end
            if (vehicles := _count(match.group("a"))) < fleet.value:
                start, end = document.flow.source_span(match.start("a"), match.end("a"))
                place = document.source_span(start, end)
                yield self.finding(
                    document, document.source_span(fleet.start, fleet.end),
                    _("公务用车保有量 is {fleet}, more than the {vehicles} vehicles the department has in all at {place}",
                      fleet=fleet.value, vehicles=vehicles, place=place.place),
                    related=[Related(place, _("vehicles in all"))],
                )
            return


def stated_count(document, per: str) -> int | None:
    """The count an average per vehicle ("车": the 公务用车保有量) or per reception ("次": the 公务接待批次) divides by, as
    the document states it most (the narrative and the 三公 table; read once per document); None when it states none."""
    return document.derived(_stated_counts).get(_AVERAGED.get(per))


#: The count each kind of average divides by.
_AVERAGED = {"车": _FLEET, "次": _BATCHES}


def _stated_counts(document) -> dict[str, int]:
    """The value of each 三公 count the document states most."""
    stated = defaultdict(list)
    for count in _counts(document):
        stated[count.what].append(count)
    return {what: _most_stated(counts).value for what, counts in stated.items()}


def _most_stated(counts: list[_Count], doubtful: int | None = None) -> _Count:
    """The first of ``counts`` (of one quantity, in the order stated) whose value most of them state; of values stated
    as often, not ``doubtful``, then the table's (the finance system prints it; the narrative is typed)."""
    values = [count.value for count in counts]
    in_table = {count.value for count in counts if count.in_table}
    return max(counts, key=lambda count: (values.count(count.value), count.value != doubtful, count.value in in_table,
                                          -values.index(count.value)))


#: The vehicles a department has in all ("本部门共有车辆3辆", "车辆总数5辆"), of which the 公务用车 are some.
_ALL_VEHICLES = compile_regex(rf"(?:共有|实有|现有|拥有|(?<=本单位|本部门))(?:各类)?车辆(?:共)?(?:为)?(?P<a>{_N})辆|车辆(?:总数|合计)(?:为)?(?P<a>{_N})辆")


def _said_of(text: str, match, years: set) -> bool:
    """Whether the clause ``match`` ends names no year but ``years`` and speaks of nothing else (see ``_OTHER``)."""
    clause = text[_clause_start(text, match.start()):match.end()]
    return not _OTHER.search(clause) and all(int(y) in years for y in _YEAR.findall(clause))


#: A 预算 saying it plans to buy no car ("2025年公务用车保有量4辆，无购置计划").
_NONE_BOUGHT = compile_regex(r"无(?:新)?(?:车辆|公务用车)?(?:购置|购买)(?:车辆|公务用车)?计划|不(?:安排)?购置|未安排(?:公务用车)?购置")


def _sentence_of(text: str, at: int) -> tuple[int, int]:
    """The bounds of the sentence of ``text`` holding offset ``at``."""
    ends = [end for end in (text.find(mark, at) for mark in "。；;\n") if end >= 0]
    return _clause_start(text, at), min(ends, default=len(text))


def _years_before(text: str, at: int) -> set[int]:
    """The years named in the sentence of ``text`` before offset ``at`` (its clauses too: "截至2024年12月31日，本单位共有房屋
    …；共有车辆2辆")."""
    return {int(year) for year in _YEAR.findall(text, _sentence_start(text, at), at)}


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence of ``text`` holding offset ``at`` starts, its clauses parted by "；" included."""
    return max(text.rfind(end, 0, at) for end in "。\n") + 1


#: Groups travelling or received and their people in one clause ("…团组2个、1人次", "…接待28批次、19人次").
_GROUPS_AND_PEOPLE = compile_regex(rf"(?:团组|接待[^，,。；;\d]{{0,8}}?)(?P<a>{_N})(?:个|(?P<batches>批次|批))[，,、]\s*(?:共|累计)?"
                                   rf"(?P<b>{_N})人次")


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding offset ``at`` of ``text`` starts."""
    return max(text.rfind(end, 0, at) for end in "。；;\n") + 1


def _counts(document) -> list[_Count]:
    """Every 三公 count the narrative and the tables' rows state."""
    counts = []
    text = document.flow.text
    year, budget = document.derived(original_year), document.claims.budget_document
    other_units = document.claims.other_units_from  # (another unit's accounts after it: its counts are its own)
    for clause in _clauses_naming_counts(_joined_lines(text)):
        if other_units is not None and clause.start() >= other_units:
            break
        words = "".join(clause.group().split())
        kept, counted = None, set()  # the starts of the counts read in the clause (two wordings may read one)
        for pattern, keys in zip(_NARRATIVE, _KEYS):
            for match in pattern.finditer(words):
                if match.start("a") in counted:
                    continue
                counted.add(match.start("a"))
                lead = words[max(0, match.start() - 12):match.start()]
                lead = lead[max(lead.rfind("，"), lead.rfind(",")) + 1:]  # its own clause: "…完成预算的71.4%，全年接待…"
                said = lead + words[match.start():match.end()]
                for between in ("rate", "change", "aside"):  # a completion rate's 预算, the amount's change, a breakdown in
                    # brackets, are no count's
                    if between in match.re.groupindex and match.group(between):
                        said = said.replace(match.group(between), "")
                if not _FOREIGN.search(_EXCLUSION.sub("", words)):
                    # "其中：国内公务接待6批次": all of them, none 外事 (nor where a bracket leaves them out: "其中：国内公务接待
                    # 12批次、86人次（不包括外事接待批次、人次）")
                    said = _DOMESTIC_PART.sub("", said)
                if (_OTHER_IN_A_BUDGET if budget else _OTHER).search(said) \
                        or (pattern is _NARRATIVE[-1] and _FOREIGN.search(words, 0, match.start())):
                    continue  # (not "…；外事接待费支出1.12万元，共接待1批次、6人次": the 外事 ones only)
                # A count of another year (or of a year the document's title does not give) is not this year's; but a
                # 预算 of Y gives its fleet at the end of Y−1 ("截至2024年12月31日，…保有量为6辆" in a 2025 预算).
                years = {year, year - 1} if keys[0] == _FLEET and year is not None and budget else {year}
                if any(int(y.group(1)) not in years for y in _YEAR.finditer(words, 0, match.end())
                       if not _COMPARED.search(words, max(0, y.start() - 2), y.start())):
                    continue  # (a year compared with is not the count's: "…，比2024年减少1.50万元，…，计划接待38批次")
                if kept is None:  # flow offsets of the clause's non-space characters
                    kept = [i for i in range(clause.start(), clause.end()) if not text[i].isspace()]
                for group, what in zip(("a", "b"), keys):
                    if what and match.group(group) is not None:
                        start, end = kept[match.start(group)], kept[match.end(group) - 1] + 1
                        source = document.flow.source_span(start, end)
                        counts.append(_Count(what, _count(match.group(group)), *source))
    original = document.original.text
    narrative = len(counts)  # the counts before are the narrative's
    headers = [header.start() for header in _NUMBERED_HEADER.finditer(original)]  # (found once: rows look back to them)
    for pattern, what in _ROWS:
        for match in pattern.finditer(original):
            count = match
            above = bisect.bisect_left(headers, match.start())
            header = headers[above - 1] if above else None
            if header is not None and header >= match.start() - _FAR_HEADER_REACH \
                    and not _NO_BUDGET_CELL.search(original, match.start(), match.start("a")):
                # "项目	栏次	统计数" over "2.因公出国（境）人次数（人）	10	29": the first number is the row's 栏次 (but
                # "（四）公务用车保有量（辆）	10	—	3" under "项目	栏次	预算数	决算数": the pattern passed it, and the 预算数's dash);
                # under a header far above (a space-laid table's long lines), only where a second number follows
                count = _NEXT_NUMBER.match(original, match.end("a")) or (match if header < match.start() - _HEADER_REACH else None)
                if count is None:
                    continue
            if (cell := _this_years_cell(original, match, year)) is not None:
                count = cell
            elif count is match and match.group("more") is not None:
                continue  # a space-laid row of counts of several columns, none of them told this year's
            counts.append(_Count(what, _count(count.group("a")), count.start("a"), count.end("a"), True))
    if any(_count(row.group("n")) for row in _FOREIGN_ROW.finditer(original)):
        # The table counts receptions from abroad apart ("外事接待批次（个）	48"): its 公务接待 row is the 国内 ones, and the
        # narrative's count of all receptions ("全年共接待360批次", not "国内公务接待312批次") is no count of those (where
        # it counts none from abroad, "国（境）外公务接待批次（个）	0", all of them are the 国内 ones).
        counts = [c for i, c in enumerate(counts) if not (
            i < narrative and c.what in (_BATCHES, _GUESTS) and not _domestic(original, c.start))]
    counts.extend(_counts_in_columns(document.original, year, budget))
    counts.extend(_counts_in_pairs(document.original, year))
    return counts


#: A 相关统计数 printed across: a line of labels, then a line of as many counts ("统计数	1	9	52	468	0	0").
#: A column of receptions from abroad beside the 国内 ones ("国（境）外公务接待批次（个）"): a count of none of the
#: 三公 counts, matched so that it is not read as the 公务接待 one its label ends with.
_FOREIGN_LABEL = r"(?P<foreign>(?:国[(（]境[)）]外|境外|外事|外宾)公务接待[^\s(（]{0,4}[(（][^)）\s]{1,2}[)）])"
_LABEL_CELL = compile_regex("|".join([_FOREIGN_LABEL, *(f"(?P<l{i}>{label})" for i, (label, _) in enumerate(_ROW_LABELS))]))
_COUNTS_ROW = compile_regex(r"^\s*(?:(?:相关)?统计数|数量|合计|(?P<year>20\d{2})年度?(?:预算|决算|计划)?数?|(?P<stage>预算|决算|实际|执行)数?)?\s*(?P<cells>(?:(?:\d{1,3}(?:,\d{3}){1,2}|\d{1,9})\s+)*(?:\d{1,3}(?:,\d{3}){1,2}|\d{1,9}))\s*$")

#: The 机关运行经费 labelled last on a line of count labels (the national template's "…国（境）外公务接待人次（人） |
#: 行政参公单位机关运行经费（万元）"), and its amount ending the row of counts under it ("0	0	0	3	9	72	0	0	108.35").
_OPERATING_COST_LABEL = compile_regex(r"机关运行经费[^\t\d]{0,6}\s*$")
_TRAILING_AMOUNT = compile_regex(r"[ \t]+\d[\d,]*(?:\.\d+)?\s*$")

#: A 预算数 cell a 相关统计数 row leaves a dash in, or empty (a tab after a tab), before its count.
_NO_BUDGET_CELL = compile_regex(r"[ \t][-—－/]+[ \t]|\t\t")
#: A header of a table numbering its rows ("项目	栏次	统计数", or laid with spaces as pdftotext -layout gives it; not a money
#: table's line numbering its columns, "栏次	1	2	3", above a 相关统计数 block), how far above a count row it is looked for
#: (and farther, for a row printing a second number: a space-laid table's lines are long), and the number after a row's 栏次.
_NUMBERED_HEADER = compile_regex(r"(?:^|\t| {2})\s*(?:栏次|行次)(?: *\t| {2,})\s*[^\d\s]")
_HEADER_REACH = 400
_FAR_HEADER_REACH = 2000
_NEXT_NUMBER = compile_regex(r"[ \t]+(?P<a>\d{1,3}(?:,\d{3}){1,2}|\d{1,9})[ \t]*(?:$|(?=\t))", regex.M)


def _this_years_cell(original: str, match, year: int | None):
    """The count under the 本年决算数 column of a 三公 table whose header names last year's first ("项目	上年决算数	本年预算数
    	本年决算数" over "国内公务接待人次（人）	405		372": 372), under the 本年 column of one whose header names this year's
    and last year's ("统计数	本年	上年" over "公务用车保有量（辆）	16	18": 16), or under the document's year of one whose header names
    years ("相关统计数	2024年	2025年" over "公务接待批次（个）	58	52" in a 2025 预算: 52; "项目	2024年预算数	2025年预算数	增减额"),
    as a match of its ``a`` group; None for another table."""
    reach = max(0, match.start() - _YEARS_HEADER_REACH)
    found = [(header, kind) for kind, pattern in (("final", _YEARS_HEADER), ("dated", _DATED_HEADER), ("periods", _PERIODS_HEADER))
             if kind != "dated" or year is not None
             for header in pattern.finditer(original, reach, match.start())]
    if not found:
        return None
    header, kind = max(found, key=lambda item: item[0].start())  # the nearest above
    cells = _cells(original, header.start(), header.end())
    titles = [original[start:end].strip() for start, end in cells]
    if kind == "dated":
        column = next((i for i, title in enumerate(titles) if title.startswith(f"{year}年")), None)
    elif kind == "periods":
        column = next((i for i, title in enumerate(titles) if title.startswith("本年")), None)
    else:
        column = max((i for i, title in enumerate(titles) if _THIS_YEARS_FINAL.fullmatch(title)), default=None)
    line_start = original.rfind("\n", 0, match.start()) + 1
    line_end = original.find("\n", match.start())
    line_end = line_end if line_end != -1 else len(original)
    row = _cells(original, line_start, line_end)
    spaced = "\t" not in original[line_start:line_end]
    rates = sum(1 for _ in takewhile(_RATE_TITLE.search, reversed(titles)))
    if column is None or column >= len(row) or (spaced and not len(cells) - rates <= len(row) <= len(cells)):
        return None  # (a space-laid row must print every cell of its header but the rates a count has none of, "增减率":
        # its empty cells cannot be told)
    return _CELL_NUMBER.fullmatch(original, *row[column])


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each cell of the line ``text[start:end]``: between tabs, or where it has none (a space-laid
    table's), runs of two spaces or more ("项  目" is one cell of "项  目	2024年预算数"), or single spaces where it has no
    such run (pdfplumber's text: "国内公务接待批次（批次） 52 40")."""
    cells, at = [], start
    line = text[start:end]
    gaps = _TAB if "\t" in line else _CELL_GAP if _CELL_GAP.search(line.strip()) else _SPACE
    for gap in gaps.finditer(text, start, end):
        cells.append((at, gap.start()))
        at = gap.end()
    cells.append((at, end))
    return cells


#: A 三公 table's header naming last year's column before this year's, how far above the counts it may stand (the table's
#: rows of money between), the title of this year's 决算 column, and a cell's count.
_YEARS_HEADER = compile_regex(r"(?m)^[^\n]*\t\s*上年[^\t\n]*\t(?:[^\n]*?\t)?\s*(?:本年)?决算数?\s*(?:\t[^\n]*)?$")
_YEARS_HEADER_REACH = 2000
#: A header whose cells after the first are years ("相关统计数	2024年	2025年", "项目	2024年预算数	2025年预算数").
_DATED_HEADER = compile_regex(r"(?m)^[^\t\n\d]*?(?:(?:\t|[ \u3000]+)\s*(?:20\d{2})年[^\t\n ]{0,6}){2,}(?:(?:\t|[ \u3000]+)[^\t\n\d]*)*$")
#: A header whose cells after the first are this year's and last year's ("统计数	本年	上年", "项目  本年数  上年数"), maybe
#: their change after them ("项目	上年预算数	本年预算数	增减额	增减率（%）").
_PERIODS_HEADER = compile_regex(r"(?m)^[^\t\n\d]*?(?:(?:\t|[ \u3000]+)\s*(?:本年|上年)度?(?:预算|决算)?数?){2,}"
                                r"(?:(?:\t|[ \u3000]+)[^\t\n\d]*)*[ \t\u3000]*$")
#: The title of a column of rates ("增减率(%)"), which a count's row leaves empty.
_RATE_TITLE = compile_regex(r"率")
#: What parts a table's cells: a tab, or (laid out with spaces) two spaces or more.
_TAB = compile_regex(r"\t")
_CELL_GAP = compile_regex(r"\t|[ \u3000]{2,}")
_SPACE = compile_regex(r"[ \u3000]+")
_THIS_YEARS_FINAL = compile_regex(r"(?:本年|本期|\d{4}年度?)?决算数?")
_CELL_NUMBER = compile_regex(r"\s*(?P<a>\d{1,3}(?:,\d{3}){1,2}|\d{1,9})\s*")
#: A table row counting receptions from abroad ("外事接待批次（个）	48"), and how far before a count 国内 qualifies it.
_FOREIGN_ROW = compile_regex(r"(?m)^\s*(?:\d{1,2}[.、．]\s*)?(?:外事|外宾|国[(（]境[)）]外|境外)(?:公务)?接待(?:批次|人次)[^\n]{0,8}?\t\s*(?P<n>\d[\d,]*)")
_DOMESTIC_REACH = 12
#: …or how far back the clause it opens may start, and what ends a clause.
_DOMESTIC_CLAUSE_REACH = 60
_CLAUSE_BOUNDARY = compile_regex(r"[；;。\n]")


def _domestic(text: str, start: int) -> bool:
    """Whether 国内 qualifies the count at ``start``: right before it, or opening its clause with no 外事 after it
    ("；国内公务接待费0.38万元，共接待6批次")."""
    if "国内" in text[max(0, start - _DOMESTIC_REACH):start]:
        return True
    reach = max(0, start - _DOMESTIC_CLAUSE_REACH)
    clause = text[max((m.end() for m in _CLAUSE_BOUNDARY.finditer(text, reach, start)), default=reach):start]
    return "国内" in clause and not _FOREIGN.search(clause, clause.rfind("国内"))


def _counts_in_columns(original, year: int | None, budget: bool) -> list[_Count]:
    """The counts of a 相关统计数 laid out across: each label of :data:`_ROW_LABELS` on one line (two
    or more, in cells) over the count in its place on the next line (labelled by nothing, 统计数, the year's
    budget: "2025年预算	3	12	58", or the document's stage: "决算数	0	3	14	112" in a 决算)."""
    counts = []
    if _LABEL_CELL.search(original.text) is None:
        return counts
    lines = [line for line in original.lines() if line[1].strip()]
    for (_label_start, labels), (start, row) in zip(lines, lines[1:]):
        found = [match.lastgroup for match in _LABEL_CELL.finditer(labels.replace(" ", ""))] if "(" in labels or "（" in labels else []
        if len(found) >= 2 and _OPERATING_COST_LABEL.search(labels):
            amount = _TRAILING_AMOUNT.search(row)
            row = row[:amount.start()] if amount else row
        numbers = _COUNTS_ROW.match(row) if len(found) >= 2 else None
        if numbers is None or (numbers["year"] is not None and int(numbers["year"]) != year) \
                or (numbers["stage"] is not None and (numbers["stage"] == "预算") != budget):
            continue  # (a row of another year: "2024年预算	3	15	70", or of the budget in a 决算)
        cells = list(regex.finditer(r"\d{1,3}(?:,\d{3}){1,2}(?![\d,])|\d+", row, pos=numbers.start("cells")))
        if len(cells) != len(found):
            continue
        for group, cell in zip(found, cells):
            if group != "foreign":
                what = _ROW_LABELS[int(group[1:])][1]
                counts.append(_Count(what, _count(cell.group()), start + cell.start(), start + cell.end(), True))
    return counts


#: A label of :data:`_ROW_LABELS` and its count (after spaces or a colon: "公务用车保有量（辆）：6"), set apart by wide gaps
#: from what is beside them on their line (or by tabs), or listed ("相关统计数：公务用车购置数（辆）：0；公务用车保有量（辆）：17；…"),
#: or one after another parted by single spaces, as pdfplumber's text prints a row of them ("…（辆） 0 公务用车保有量（辆） 6"); a
#: label may name its year ("2024年公务用车保有量（辆）：7    2025年公务用车保有量（辆）：6", Beijing's); the first after the block's title
#: with or without a colon ("相关统计数 公务用车保有量（辆）：8 公务接待批次（批）：32").
_PAIR = compile_regex(rf"(?:^|(?<=\s{{2}}|\t)|(?<=[；;，,]\s*)|(?<=统计数[：:]?\s*)|(?<=\d ))(?:(?P<year>20\d{{2}})年度?)?(?:{_LABEL_CELL.pattern})"
                      r"(?:[ \t]+|[ \t]*[：:][ \t]*)(?P<a>\d{1,3}(?:,\d{3}){1,2}|\d{1,9})(?=\s{2}|\t|\s*$|\s*[；;，,。]| [^\d\s])", regex.M)


#: What a line holding one label and its count holds besides: the block's title before it, a closing mark.
_LONE_PAIR = compile_regex(r"\s*(?:(?:相关)?统计数[：:])?\s*[；;。]?\s*")
_COLON = compile_regex(r"[：:]")


def _counts_in_pairs(original, year: int | None) -> list[_Count]:
    """The counts of a 相关统计数 printed as pairs across a line ("公务用车购置数（辆）  0    公务用车保有量（辆）  3",
    as pdftotext lays out a grid of two label and count columns, or listed: "相关统计数：公务用车购置数（辆）：0；…"): two or
    more on a line, or one alone on its line after a colon ("相关统计数：公务用车保有量（辆）：3"); those of the document's
    ``year`` when their labels name one."""
    counts = []
    if _LABEL_CELL.search(original.text) is None:
        return counts
    for start, line in original.lines():
        pairs = list(_PAIR.finditer(line)) if "（" in line or "(" in line else []
        alone = len(pairs) == 1 and _LONE_PAIR.fullmatch(line[:pairs[0].start()] + line[pairs[0].end():]) is not None \
            and _COLON.search(line, pairs[0].start(), pairs[0].start("a")) is not None  # (a label and its count in cells: a row's)
        for match in pairs if len(pairs) >= 2 or alone else ():
            label = next((name for name, value in match.groupdict().items() if value is not None and name.startswith("l")), None)
            if label is None or (match["year"] is not None and int(match["year"]) != year):
                continue  # a count of receptions from abroad, or of another year
            what = _ROW_LABELS[int(label[1:])][1]
            counts.append(_Count(what, _count(match.group("a")), start + match.start("a"), start + match.end("a"), True))
    return counts


def _clauses_naming_counts(text: str) -> list[regex.Match]:
    """The clauses of ``text`` that hold one of :data:`_NARRATIVE_WORDS`, in order."""
    clauses = {}
    for word in _NARRATIVE_WORDS.finditer(text):
        start = _clause_start(text, word.start())
        if start not in clauses:
            clauses[start] = _CLAUSE.match(text, start)
    for word in _RECEIVED.finditer(text):  # ("公务接待费支出决算为2.15万元。全年共接待国内来访团组12批次": the paragraph's)
        start = _clause_start(text, word.start())
        if start not in clauses and "公务接待" in text[_paragraph_start(text, start):start]:
            clauses[start] = _CLAUSE.match(text, start)
    return [clauses[start] for start in sorted(clauses)]


def _paragraph_start(text: str, at: int) -> int:
    """Where the paragraph holding offset ``at`` starts: its line's start, or that of the line before it when the line
    does not open a numbered item and the one before does ("3.公务接待费…。⏎2025年度共接待国内来访团组18批次…", a
    sentence wrapped at a line's end as a PDF's text breaks it)."""
    line_start = text.rfind("\n", 0, at) + 1
    if not line_start or _NUMBERED_ITEM.match(text, line_start):
        return line_start
    previous = text.rfind("\n", 0, line_start - 1) + 1
    return previous if _NUMBERED_ITEM.match(text, previous) else line_start


def _joined_lines(text: str) -> str:
    """``text`` with a line break inside a sentence read as a space (same length, same offsets): not after a table's row
    (its cells parted by tabs, or numbers apart by spaces: "国内公务接待人次（人）  361  318"), nor before a numbered item
    ("（三）公务接待费…")."""
    def joined(match) -> str:
        line = text[text.rfind("\n", 0, match.start()) + 1:match.start()]
        return "\n" if "\t" in line or _SPACED_NUMBER.search(line) or _NUMBERED_ITEM.match(text, match.end()) else " "
    return _INNER_BREAK.sub(joined, text)


#: Two cells of a space-laid table's row: numbers apart by spaces ("361  318").
_SPACED_NUMBER = compile_regex(r"\d[ \u3000]+\d")
#: A line opening a numbered item ("（三）", "三、", "3.").
_NUMBERED_ITEM = compile_regex(r"\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、](?!\d))")
