"""DOC005 stale-year."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from itertools import chain, repeat

from linter.check.finding import Fix, Severity
from linter.check.rule import Rule
from linter.extract.tables import BUDGET, FINAL
from linter.i18n import _
from linter.normalise.flow import disclosure_title
from linter.extract.quantities import ORGANISATION_END
from linter.patterns import compile_re, compile_regex
from linter.rules.shared import tables_kind_and_year

#: A year written in the flow text: the sentences holding one are the only ones read.
_A_YEAR = compile_re(r"20\d{2}\s*年")
_SENTENCE_END = compile_re("[。！？\n]")
_SENTENCE_MARKS = compile_re("[。！？]")
#: A year not part of a range ("2021-2025年", "2021年至2023年"), a date ("2022年12月") or a point
#: in time ("2022年底", "2022年以来").
_YEAR = (r"(?<![\d\-—–~～至到])(?P<year>20\d{2})(?!\d)\s*年度?"
         r"(?!\s*(?:\d|[-—–~～至到]|底|末|初|前|后|以来|以前|以后|起|开始|上半年|下半年|第))")
#: The department a reform replaced, named before the year compared with ("与原临江市金融工作局2023年度决算…相比").
_PREDECESSOR = r"原[\u4e00-\u9fff]{2,30}?(?:局|委员会|委|厅|办公室|办|中心|部)"
#: A comparison with a year: "与2021年度相比", "比2021年决算数", "较2021年", "与2021年度决算数41,025.32万元相比";
#: ``basis`` is what of that year ("预算", "执行", "决算").
_COMPARISON = compile_re(
    rf"(?:[与和同](?:{_PREDECESSOR})?(?=20\d{{2}}\s*年[^，。；]{{0,16}}?(?:\d[\d,.]*[万亿]?元)?(?:相比|比较|对比|持平|一致|相当))"
    rf"|(?<!相)[比较](?:{_PREDECESSOR})?){_YEAR}"
    r"(?P<basis>决算|(?:年初|全年|调整后?)?预算|执行|支出)?"
)
#: Money in a sentence: an amount or a word of the accounts; a sentence without any compares an indicator
#: ("万元国内生产总值用水量较2020年下降15.2%", a plan's base year), not the disclosure's figures.
_OF_MONEY = compile_re(r"\d(?:万元|亿元|元)|收|支|费|预算|决算|资金|拨款|结转|结余|资产")
#: A note in brackets after a compared year saying why that year ("比2019年（疫情前）决算数减少…"): a deliberate
#: comparison, unless the note calls it last year.
_NOTED_YEAR = compile_re(r"\s*[(（](?![^)）]*(?:上年|去年|上一年))[^)）\d]{1,10}[)）]")
#: A comparison saying the amount stated before it kept its level ("…支出决算为0万元，与2021年度持平"): of that amount.
_LEVEL_KEPT = compile_re(r"(?:相比|比较)?[，,]?\s*(?:基本)?(?:持平|一致|相当|相同|没有变化|无变化)")
#: A change said of the comparison: what makes the sentence a year-on-year statement.
_CHANGE = compile_re(r"增加|减少|增长|下降|上升|降低|提高|持平|增收|减收|增支|减支|相当|一致|变化")
#: A year that names the figures of its sentence ("2022年度收入、支出决算总计…", "2022年一般公共预算
#: 财政拨款支出…", "2024年本部门实行绩效目标管理的项目7个，涉及…", "2024年本部门所有项目均编报了绩效目标，…"): a
#: quantity word before the clause ends (not a balance carried from that year, "2022年财政拨款结转资金", nor another thing joined to the year, "2023年和XX幼儿园预算",
#: nor a year that had none, "2025年未安排该项预算", "2024年预算未安排"), and an
#: amount in the sentence, before any reason it gives ("主要原因：一是2023年…").
_SUBJECT = compile_re(
    rf"{_YEAR}(?=[，,]?(?:(?!结转|结余|未|无|没)[^，,；;：:和与及、]){{0,30}}?(?:收入|支出|收、?支|预算|决算|经费|费|拨款|总计|合计|绩效目标)(?!结转|结余|(?:数|资金)?(?:未安排|未列|无|没有)))")
_REASON = compile_re(r"原因|主要是|由于|因为|一是")
#: A past event dated on purpose ("最近一次更新公务用车为2019年，购置费18.60万元"): no year left from a draft.
_PAST_EVENT = compile_re(r"(?:最近一次|上一次|上次|最后一次)[^，,。；;]{0,16}$")
_AMOUNT = compile_re(r"\d(?:万元|亿元|元)")
#: A table's title naming a year, on a line of its own ("2022年度收入支出决算总表（表1）", "表1. XX局2024年
#: 部门收支总表", "2022 年度数据资源服务中心整体绩效自评表").
_TABLE_TITLE = compile_re(
    r"\s*(?:#{1,6}\s*)?(?P<title>(?:表\s*\d{1,2}\s*[.．、]?\s*)?[^，。；：:\d]{0,30}?(?<!\d)(?P<year>20\d{2})\s*年度?"
    r"(?!\s*\d)(?![)）》」])[^，。；：:]{2,60}?表)\s*(?:[(（]\s*(?:公开|附)?\s*表?\s*\d{1,2}\s*表?\s*[)）])?"
    r"\s*(?:[(（]按[^()（）\d]{2,12}[)）])?\s*$")  # (a qualifier after it: "（按经济分类科目）")
#: The disclosure naming itself with its year ("第三部分 XX局2023年度部门决算情况说明", "纳入…2024年部门预算编制
#: 范围的单位"), not in a comparison ("与2023年度部门决算相比"); tables are :data:`_TABLE_TITLE`'s.
_OWN_NAME = compile_re(r"(?<![与比较和同])(?P<year>20\d{2})\s*年度?\s*(?:部门|单位)(?P<kind>决算|预算)"
                       r"(?=\s*(?:情况说明|说明|编制范围))")
#: The disclosure named by what it takes in ("按照全口径预算的原则，XX委员会2024年所有收入和支出均纳入部门预算管理").
_ALL_IN_IT = compile_re(r"(?P<year>20\d{2})\s*年度?所有收入和?支出(?:均|全部)?纳入(?:部门|单位)?(?P<kind>预算|决算)")
#: A heading naming its section's year and the kind of disclosure ("一、2021年度收入支出决算总体情况说明",
#: "二、关于某局2025年支出预算情况说明"), not a 预算's recounting of a year's execution ("（三）2023年预算执行情况").
_HEADING_YEAR = compile_re(r"^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])[ \t\u3000]*"
                           r"(?:关于[^，。；\n\d]{0,20}?)?(?P<year>20\d{2})\s*年度?[^，。；\n]{0,30}?(?P<kind>决算|预算)(?![^，。；\n]{0,6}执行)[^，。；\n]*$", re.M)
#: A web page's list of links ("· 某局2022年度部门决算情况说明 2023-09-15"): other disclosures' titles.
_DATED_LINK = compile_re(r"\d{4}-\d{1,2}-\d{1,2}")
#: The balance carried into the year, dated at the end of the year before ("年初结转和结余…，为截至2023年12月31日…").
_OPENING_BALANCE = compile_re(r"年初|上年结转|上年末|以前年度")
#: This year named without its number, beside last year's figures ("公务用车购置费0万元，本年未购置公务用车；2023年度购置费…").
_THIS_YEAR_SAID = compile_re(r"(?:本年度?|当年)(?!收入|支出|结转|结余|预算|决算|拨款|[合总]计)")
#: Words of a plan or a forecast, in a 预算 counting at the end of its own year ("预计截至2025年底…").
_PLANNED = compile_re(r"预计|计划|拟|将|预算|目标|力争|争取")
#: "截至2022年12月31日", "截至2022年底": the date of a 决算's counts (车辆, 资产), the end of its year.
_AS_OF = compile_re(r"截[至止](?P<year>20\d{2})\s*年\s*(?:12\s*月\s*(?:31\s*日|底|末)|底|末)")


class StaleYear(Rule):
    """A year left from the disclosure the draft was copied from ("与2021年度相比" in a 2023 决算).

    Drafts start from last year's file, and a year the clerk did not change contradicts the
    document's own: a 2023 决算 that compares "与2021年度相比", states
    "2022年度收入、支出决算总计…", counts its cars "截至2022年12月31日", titles a table
    "2022年度收入决算表" or a section "一、2022年度收入支出决算总体情况说明" ("二、关于XX局2022年…"), or names itself
    "2022年度部门决算情况说明" ("纳入…2022年部门预算编制范围" in a 预算).

    The document's year and kind come from its title ("2023年度XX局部门决算", "2024年部门预算"),
    which no other year may outnumber among the table titles (without a title, the year most
    table titles name); when they disagree or cannot be read, nothing is checked. A table
    titled with another year is reported. In a 决算 of year Y, a year-on-year comparison (a
    comparison with a year followed by a change: "与2022年度相比，…增加") must name Y−1, except
    one with a budget ("比2023年预算", which may be the year's own); a sentence stating amounts (or
    weighing a 决算 against its budget: "2022年度“三公”经费支出决算数小于预算数的主要原因是…")
    must not name its figures by an earlier year or a later one ("2018年度…基本支出…" in a 2017 决算; Y+1 may be
    planned for: "2018年预算安排…"), unless it names Y too, nor count
    "截至…12月31日" of an earlier year (a later year may be a plan); a 预算 of year Y counts at the
    end of Y−1 (at the end of Y only where it plans or forecasts: "预计截至2025年底…"). Neither opens a sentence with what another year had none of, stating no amount
    ("本部门2022年度没有政府性基金预算财政拨款收入…，故本表为空表" in a 2023 决算; a balance's year may
    differ). A 预算 may also recount last
    year's execution and compare with the latest 决算, two years back: there, a comparison must
    name Y−1 only in a sentence that names its figures Y, or when it compares budgets
    ("比2023年预算"), and none may name a year before Y−2; a sentence stating amounts must not name its figures by a year before
    Y−2 or after Y+1, nor a budget of Y−2 alone ("2023年一般公共预算安排会议费…" in a 2025 预算), nor
    the department's budget of Y−1 stated alone and compared with nothing
    ("2024年本部门政府采购预算总额95.00万元，其中：…", "本部门2024年支出预算合计…", "某局2024年支出预算…",
    "2024年支出预算合计…，其中：…", "2024年“三公”经费预算…" in a 2025 预算), nor a budget of Y−1 compared with
    上年, which is Y−1 itself ("公务员医疗补助（项）2024年预算数为6.84万元，与上年持平" in a 2025 预算).
    In either, figures may not be compared with their own year
    ("2024年预算数为65.88万元，比2024年预算数增加…" in a 2025 预算). Years of ranges ("2021-2025年"), dates and reasons ("主要原因：一是2023年…")
    are not read. The year expected is offered as an unsafe fix.

    **Anti-pattern**

        2023年度XX局部门决算
        2023年度收入、支出决算总计1,151.41万元。与2021年度相比，收、支总计各增加29.6万元。

    **Best practice**

        2023年度XX局部门决算
        2023年度收入、支出决算总计1,151.41万元。与2022年度相比，收、支总计各增加29.6万元。
    """

    code = "DOC005"
    name = "stale-year"
    severity = Severity.WARNING
    fixable = True

    def check(self, document, context):
        kind, year, evidence = document.derived(disclosure_kind_and_year)
        if year is None:
            return
        text = document.flow.text
        for sentence_start, sentence in _sentences_with_a_year(text):
            stale = _stale_years(sentence, kind, year, _sentences_before(text, sentence_start),
                                 _sentence_after(text, sentence_start + len(sentence)))
            for start, found, expected, message in chain(stale, _stale_absence(sentence, kind, year)):
                yield self._in_flow(document, sentence_start + start, found, expected, _with(message, evidence))
        for match in _AS_OF.finditer(text):
            # A 决算 counts at the end of its year; a 预算 at the end of the year before (or later in it).
            counted = year if kind == FINAL else year - 1
            clause = text[max(text.rfind(mark, 0, match.start()) for mark in "。；\n") + 1:match.start()]
            if int(match.group("year")) == counted - 1 and _OPENING_BALANCE.search(clause):
                continue  # "年初结转和结余326.80万元，为截至2023年12月31日尚未支付…": the opening balance's date
            sentence_end = min((end for mark in "。；\n" if (end := text.find(mark, match.end())) != -1), default=len(text))
            if int(match.group("year")) < counted or (
                    kind != FINAL and int(match.group("year")) == year
                    and not _PLANNED.search(text, text.rfind("\n", 0, match.start()) + 1, sentence_end)):
                # (in a 预算 of Y, "截至Y年12月31日，本部门共有车辆31辆" counts what it cannot have yet, unless it plans: "预计…")
                message = (_("counts 截至{found}年, but the {year} 决算 counts at the end of {year}",
                             found=match.group("year"), year=year) if kind == FINAL else
                           _("counts 截至{found}年, but the {year} 预算 counts at the end of {previous}",
                             found=match.group("year"), year=year, previous=counted))
                yield self._in_flow(document, match.start("year"), int(match.group("year")), counted,
                                    _with(message, evidence))
        for match in [*_OWN_NAME.finditer(text), *_ALL_IN_IT.finditer(text)]:
            line_end = text.find("\n", match.end())
            line = text[text.rfind("\n", 0, match.start()) + 1:line_end if line_end != -1 else len(text)]
            if match.group("kind") == kind and int(match.group("year")) != year and not _DATED_LINK.search(line):
                message = _("names this disclosure {found}年{kind}, but it is the {year} {kind}",
                            found=match.group("year"), year=year, kind=kind)
                yield self._in_flow(document, match.start("year"), int(match.group("year")), year,
                                    _with(message, evidence))
        for match in _HEADING_YEAR.finditer(text):
            if match.group("kind") == kind and int(match.group("year")) != year:
                message = _("heads a section {found}年, but this is the {year} {kind}",
                            found=match.group("year"), year=year, kind=kind)
                yield self._in_flow(document, match.start("year"), int(match.group("year")), year,
                                    _with(message, evidence))
        for title, found, at in document.derived(_table_years):
            if found != year:
                message = _("the table “{table}” is titled {found}年, but this is the {year} {kind}",
                            table=title, found=found, year=year, kind=kind)
                yield self._finding(document, (at, at + 4), found, year, _with(message, evidence))

    def _in_flow(self, document, at: int, found: int, expected: int, message: str):
        """A finding on the year at flow offset ``at``."""
        return self._finding(document, document.flow.source_span(at, at + 4), found, expected, message)

    def _finding(self, document, span: tuple[int, int], found: int, expected: int, message: str):
        """A finding on the year at original offsets ``span``."""
        start, end = span
        fix = Fix(start, end, str(expected), safe=False) if document.source.text[start:end] == str(found) else None
        return self.finding(document, document.source_span(start, end), message, expected=str(expected), fix=fix)


def _sentences_with_a_year(text: str):
    """``(start, sentence)`` of each sentence of ``text`` that writes a year (a table row, holding tabs,
    is none), in order. The sentence ends are found in one scan (searching back and forth from each
    year for each mark was quadratic in a long document without one of them)."""
    ends = [match.start() for match in _SENTENCE_END.finditer(text)]
    end = -1
    for match in _A_YEAR.finditer(text):
        if match.start() < end:
            continue  # in the sentence just read
        index = bisect_left(ends, match.start())
        start = ends[index - 1] + 1 if index else 0
        end = ends[index] if index < len(ends) else len(text)
        if "\t" not in text[start:end]:
            yield start, text[start:end]


def _with(message: str, evidence: str) -> str:
    """The message with where the document's year was read."""
    return _("{message} ({evidence})", message=message, evidence=evidence)


def _sentences_before(text: str, start: int) -> tuple[str, ...]:
    """The sentences before the one at ``start`` in its line: "…比上年减少234.00元。" before "2023年度“三公”经费支出决算为
    720.00元。" gives the base of its comparison."""
    line_start = text.rfind("\n", 0, start) + 1
    return tuple(_SENTENCE_MARKS.split(text[line_start:start - 1])) if start - 1 > line_start else ()


def _compares_with_last_year(sentence: str, year: int) -> bool:
    """Whether ``sentence`` names ``year`` and compares with the year before it ("2024年度…比2023年度增加23.56万元")."""
    return str(year) in sentence and _compared_with(sentence, year - 1)


def _compared_with(sentence: str, year: int) -> bool:
    """Whether ``sentence`` compares with ``year`` ("与2023年度相比", "比2023年度…")."""
    return any(int(m.group("year")) == year for m in _COMPARISON.finditer(sentence))


def _sentence_after(text: str, end: int) -> str:
    """The sentence after the one ending at ``end`` in its line, if any."""
    line_end = text.find("\n", end)
    rest = text[end + 1:line_end if line_end != -1 else len(text)]
    return _SENTENCE_MARKS.split(rest, 1)[0]


def _stale_absence(sentence: str, kind: str, year: int):
    """``(offset, year found, year expected, message)`` for a sentence opening with what the department had none of in
    another year, stating no amount ("本部门2023年度没有政府性基金预算财政拨款收入…，故本表为空表" in a 2024 决算): the
    empty table's note of last year's draft. A balance alone is left alone ("2023年度无结转结余", the opening balance's
    year), not one named with the income and spending ("…无政府性基金预算财政拨款收入、支出及结转结余")."""
    match = _NONE_IN_YEAR.match(sentence)
    denied = _CLAUSE.match(sentence, match.end()).group() if match else ""
    if match is None or _AMOUNT.search(sentence) or (_BALANCE.search(denied) and not _FLOWS.search(denied)) \
            or str(year) in sentence or sentence.lstrip().startswith("原"):
        return  # (nor what the department a reform replaced had none of: "原…局2023年度未发生…")
    found = int(match.group("year"))
    if found not in (year, year + 1):
        yield (match.start("year"), found, year,
               _("says what {found}年 had none of, but this is the {year} {kind}", found=found, year=year, kind=kind))


#: A sentence opening with what the department had none of in a year ("本部门2023年度没有…", "2023年度本单位无…",
#: "某局2023年未发生…", maybe as an empty table's note: "说明：本单位2023年度没有…"); without the department named, it compares with last year ("…外事接待费支出1.12万元。2023年度无外事
#: 接待支出。").
_NONE_IN_YEAR = compile_regex(
    rf"\s*(?:(?:说明|注)\s*[：:]\s*)?(?:(?:本(?:部门|单位)|\p{{Han}}{{2,30}}?{ORGANISATION_END})\s*{_YEAR}|{_YEAR}[，,]?\s*(?:本(?:部门|单位)|\p{{Han}}{{2,30}}?{ORGANISATION_END}))"
    r"\s*(?:没有|无|未(?:发生|安排|使用|开支|产生))")
_BALANCE = compile_re(r"结转|结余")
#: What a sentence says there was none of, up to its clause's end; and the words of money flowing, not only balances
#: ("无政府性基金预算财政拨款收入、支出及结转结余": its income and spending too).
_CLAUSE = compile_re(r"[^，,。；;]*")
_FLOWS = compile_re(r"收入|支出")


_CLAUSE_END = compile_re(r"[；;]")
#: A year's figures compared without a name before 比 ("2024年度比2023年度减少…", "本年比2023年决算数增加…").
_OWN_COMPARED = compile_re(r"(?:20\d{2}|本)\s*年度?\s*(?=比|较)")


def _stale_years(sentence: str, kind: str, year: int, earlier_sentences: tuple[str, ...] = (), sentence_after: str = ""):
    """``(offset, year found, year expected, message)`` for the stale years of one sentence; ``earlier_sentences``: the
    sentences of its paragraph before it, the last of which naming a year's figures (``previous``) gives the figures a
    sentence opening with the comparison compares ("…2024年财政拨款收支总预算46270.89万元。其他支出180.00万元。与2022年
    相比，…"); ``sentence_after``: the next one, which may compare this year's figures with those it states ("2023年度“三公”
    经费支出决算为45.85万元。2024年度…比2023年度增加23.56万元")."""
    previous = next((earlier for earlier in reversed(earlier_sentences) if _SUBJECT.search(earlier)), "")
    # Money from the comparison's clause on: not an indicator's base year ("万元GDP用水量较2020年下降15.2%", after
    # "部门整体支出绩效目标主要包括：").
    comparisons = [m for m in _COMPARISON.finditer(sentence) if _CHANGE.search(sentence, m.end())
                   and (_OF_MONEY.search(sentence, max(map(sentence.rfind, "，,：:；", repeat(0), repeat(m.start()))) + 1)
                        or (_LEVEL_KEPT.match(sentence, m.end()) and _AMOUNT.search(sentence, 0, m.start())))]
    reason = _REASON.search(sentence)
    before = min([len(sentence), *(m.start() for m in comparisons[:1]), *(m.start() for m in [reason] if m)])
    subjects = list(_SUBJECT.finditer(sentence, 0, before))
    named = {int(m.group("year")) for m in subjects}
    if not named and comparisons and not sentence[:comparisons[0].start()].strip() and previous:
        named = {int(m.group("year")) for m in _SUBJECT.finditer(previous)}
    # "2024年预算数为65.88万元，比2024年预算数增加1.68万元" in a 2025 预算: figures compared with their own year.
    # Not so where this year's figures are stated too, in the sentence or (in a 决算) the one before: "2024年度收、支总计均为
    # 2,448.95万元。2023年度收、支总计均为2,276.30万元，与2023年度相比，…增加172.65万元", "2025年…138181.60万元（2024年
    # 预算为140864.91万元），比2024年预算减少…" restate last year's to compare them.
    restated = kind == FINAL and year in {int(m.group("year")) for m in _SUBJECT.finditer(previous)}
    # …and compared them with last year's: "…2024年度机关运行经费支出172.64万元，与2023年度相比减少13.88万元。2023年度
    # 机关运行经费支出186.52万元。" gives the comparison's base.
    # (or with 上年, the sentence then stating last year's amount: "…，较上年减少2.63万元。2023年度…决算为13.45万元")
    base_given = (restated and _compared_with(previous, year - 1)) or (
        _AMOUNT.search(sentence) is not None and _OUTCOME.search(sentence) is None and any(
            _AMOUNT.search(earlier) is not None and (_LAST_YEAR_COMPARED.search(earlier) is not None
                                                     or _compared_with(earlier, year - 1)) for earlier in earlier_sentences))
    # "2023年度…决算数为9.65万元，2024年度比2023年度减少0.65万元": this year's figures compared with last year's stated.
    compares_own = any(str(year) in m.group() or m.group().startswith("本") for m in _OWN_COMPARED.finditer(sentence))
    for match in subjects:
        found = int(match.group("year"))
        # (this year's said first: "2025年未安排预算，2024年预算数为60.00万元，比2024年减少60.00万元")
        this_year_first = f"{year}年" in sentence[:match.start()]
        if found != year and any(int(c.group("year")) == found for c in comparisons) \
                and not ((restated or year in named or compares_own or this_year_first
                          or _BRACKET_BEFORE.search(sentence, 0, match.start())) and found == year - 1):
            yield (match.start("year"), found, year,
                   _("names its figures {found}年 and compares them with {found}年, but this is the {year} {kind}",
                     found=found, year=year, kind=kind))
            return
    if kind == FINAL:
        if (_AMOUNT.search(sentence) or _OUTCOME.search(sentence)) and str(year) not in sentence:
            # An earlier year, or one after the year the 决算 is published in (a digit slipped: "2032年度…").
            # The year after may be planned for ("2025年预算安排…"), not spent ("2018年度…基本支出343.18万元" in a 2017 决算).
            later = year + 1 if _PLAN.search(sentence) else year
            for match in [m for m in subjects if not year <= int(m.group("year")) <= later
                          and not _restates_last_year(sentence, m, year)
                          and not _carried_from(sentence, m, year)
                          and not _PAST_EVENT.search(sentence, max(0, m.start() - 20), m.start())
                          and not ((base_given or (restated and comparisons) or compares_own
                                    or _THIS_YEAR_SAID.search(sentence)  # ("…0万元，本年未购置…；2023年度购置费26.80万元")
                                    or _compares_with_last_year(sentence_after, year))
                                   and int(m.group("year")) == year - 1)][:1]:
                yield (match.start("year"), int(match.group("year")), year,
                       _("names its figures {found}年, but this is the {year} 决算", found=match.group("year"), year=year))
        if named - {year}:
            return  # the figures of another year, reported above: what they are compared with follows them
        # A further comparison beside one with last year in its clause is deliberate ("比2023年度减少1.24万元，比2022年度减少
        # 2.36万元"; not another item's after a "；": "会议费…与2020年度相比减少…；培训费…与2021年度相比增加…").
        last_years = [m.end() for m in comparisons if int(m.group("year")) == year - 1]
        for match in comparisons:
            further = any(not _CLAUSE_END.search(sentence, *sorted((end, match.start()))) for end in last_years)
            if "预算" not in (match.group("basis") or "") and int(match.group("year")) != year - 1 \
                    and not (further and int(match.group("year")) < year - 1) and not _NOTED_YEAR.match(sentence, match.end()):
                yield (match.start("year"), int(match.group("year")), year - 1,
                       _("compares with {found}年, but the year before this {year} 决算 is {previous}年",
                         found=match.group("year"), year=year, previous=year - 1))
    elif kind == BUDGET:
        if _AMOUNT.search(sentence) and str(year) not in sentence:
            # Before the latest 决算 (Y−2), after Y+1, or a budget of Y−2 ("2023年一般公共预算安排会议费…"
            # in a 2025 预算: last year's draft's year, two years on).
            for match in [m for m in subjects
                          if _stale_in_budget(int(m.group("year")), year, sentence, named, bool(comparisons))][:1]:
                yield (match.start("year"), int(match.group("year")), year,
                       _("names its figures {found}年, but this is the {year} 预算", found=match.group("year"), year=year))
        if not named <= {year}:
            return
        for match in comparisons:
            basis = match.group("basis") or ""
            # Without the year's figures named, only a comparison of budgets is surely this year's; none is with a year
            # before the latest 决算's ("事业运行（项）142.37万元，比2019年增加3.42万元" in a 2025 预算).
            # (nor is one of figures the clause calls a budget or a plan, with no basis named: "收支总预算比2023年的…增加")
            compared = int(match.group("year"))
            planned = not basis and _PLAN.search(sentence, 0, match.start()) is not None
            if ((basis != "决算" and (named or "预算" in basis or planned)) and compared != year - 1) \
                    or not year - 2 <= compared <= year:
                yield (match.start("year"), int(match.group("year")), year - 1,
                       _("compares with {found}年, but the year before this {year} 预算 is {previous}年",
                         found=match.group("year"), year=year, previous=year - 1))


#: Words of a plan or a budget (not a fund's name, "一般公共预算"), which a 决算 may give for the year after its own.
_PLAN = compile_re(r"(?<!公共)(?<!基金)(?<!经营)预算|计划|安排|预计|拟|将|目标")
#: A year's 决算 weighed against its budget ("决算数小于预算数的主要原因是…"): the 决算's own year, amounts
#: stated or not.
_OUTCOME = compile_re(r"决算数?[大小]于(?:年初|调整后?)?预算数?")


def _restates_last_year(sentence: str, subject, year: int) -> bool:
    """Whether a subject naming Y−1 gives last year's amount after this year's, to compare them
    ("事业收入3,865,420.00元，2023年度事业收入3,412,860.00元，比上年增加…"; "…0万元，本年未购置公务用车，2023年度该项支出为
    27.80万元": the item's), or in brackets after a comparison with last year, or before this year's change from it
    ("2023年度公务用车运行维护费为5.32万元，本年度减少0.46万元")."""
    return int(subject.group("year")) == year - 1 and (
        (_AMOUNT.search(sentence, 0, subject.start()) is not None and _CHANGE.search(sentence, subject.end()) is not None)
        or (_AMOUNT.search(sentence, 0, subject.start()) is not None and _THE_ITEM.match(sentence, subject.end()) is not None)
        or _ASIDE_OF_COMPARISON.search(sentence, 0, subject.start()) is not None
        or _in_aside_after_comparison(sentence, subject.start())
        or (_AMOUNT.search(sentence, subject.end()) is not None and _THIS_YEARS_CHANGE.search(sentence, subject.end()) is not None))


#: This year's change from the amount of last year a sentence states first ("2023年度公务用车运行维护费为5.32万元，本年度减少
#: 0.46万元").
_THIS_YEARS_CHANGE = compile_re(r"(?:本年度?|今年|当年)[^，,。；;\d]{0,10}?(?:增加|减少|增长|下降|持平)")
#: The item just stated, named again after a year ("2023年度该项支出为…").
_THE_ITEM = compile_re(r"\s*(?:该|此)(?:项|笔)")


def _carried_from(sentence: str, subject, year: int) -> bool:
    """Whether a subject naming Y−1 says where an opening balance stated before it comes from ("年初财政拨款结转和结余
    10.15万元，为2023年县政府综合保障经费项目结转资金")."""
    return int(subject.group("year")) == year - 1 and _OPENING_BALANCE.search(sentence, 0, subject.start()) is not None


def _in_aside_after_comparison(sentence: str, at: int) -> bool:
    """Whether ``at`` is inside brackets opened after a comparison with last year ("接待人次较上年减少51人次（2023年度
    国内公务接待48批次…）"): the aside gives last year's figures."""
    opened = max(sentence.rfind("（", 0, at), sentence.rfind("(", 0, at))
    closed = max(sentence.rfind("）", 0, at), sentence.rfind(")", 0, at))
    return opened > closed and _LAST_YEAR_COMPARED.search(sentence, 0, opened) is not None


#: A comparison with last year ("较上年减少", "比上年").
_LAST_YEAR_COMPARED = compile_re(r"(?:较|比|与|同)(?:上一?年度?|去年)")


#: A bracket opened right before a year's figures: last year's given beside this year's ("2025年一般公共预算拨款支出
#: 138181.60万元（2024年预算为140864.91万元），比2024年预算减少…").
_BRACKET_BEFORE = compile_re(r"\d(?:万元|亿元|元)\s*[(（]\s*$")
#: A bracket opened right after a comparison with last year: it gives last year's figures ("与上年相比（2023年度收、
#: 支总计2,276.30万元），…").
_ASIDE_OF_COMPARISON = compile_re(r"(?:上一?年度?|去年)(?:同期)?(?:相比|比较)?[(（]\s*$")


def _stale_in_budget(found: int, year: int, sentence: str, named: set[int], compared: bool) -> bool:
    """Whether figures named by year ``found`` in ``sentence`` (naming the figures of the years
    ``named``) cannot be those of a ``year`` 预算: its own, last year's execution (Y−1) or the latest
    决算 (Y−2, unless the sentence states a budget of that year alone: "前两年预算安排情况：2022年…，
    2023年…" recounts two years). Nor is the department's budget of Y−1 stated alone, compared with
    nothing ("2024年本部门政府采购预算总额95.00万元，其中：…" in a 2025 预算), nor a budget of Y−1 compared with 上年,
    which is Y−1 itself ("公务员医疗补助（项）2025年预算数为68,400.00元，与上年持平" in a 2026 预算)."""
    alone = named == {found} and _BUDGETED.search(sentence) is not None and _EXECUTED.search(sentence) is None
    if found == year - 2:
        return alone
    if found == year - 1:
        return alone and not compared and (_OWN_BUDGET.search(sentence) is not None
                                           or _LAST_YEAR_COMPARED.search(sentence) is not None)
    return not year - 2 <= found <= year + 1


#: The department's own budget named by a year ("2024年本部门…预算", "2024年度，本部门…", "本单位2024年…预算",
#: "某局2024年支出预算", "2024年度上海市杨浦区财政局政府采购预算": a department's name, not "全区政府采购"; a fund's spending
#: "2024年一般公共预算基本支出21,662,962.84元"; its totals or 三公: "2024年支出预算合计…", "2024年“三公”经费预算…").
_OWN_BUDGET = compile_regex(rf"20\d{{2}}\s*年度?[，,]?\s*本(?:部门|单位)|本(?:部门|单位)\s*20\d{{2}}\s*年"
                            rf"|^\s*\p{{Han}}{{2,30}}?{ORGANISATION_END}\s*20\d{{2}}\s*年"
                            rf"|^\s*20\d{{2}}\s*年度?[，,]?\s*\p{{Han}}{{2,30}}?(?:局|中心|委员会|委|办公室|院|所|站|队|馆|处|厅|署|学校|人民政府)"
                            # (a sentence opening with the year and a fund's spending: "2024年一般公共预算基本支出…，其中：…")
                            rf"|^\s*20\d{{2}}\s*年度?[，,]?\s*(?:一般公共预算|政府性基金预算|国有资本经营预算)(?:财政)?(?:拨款)?(?:基本|项目)?支出\d"
                            # (or the year and the department's totals or 三公: "2024年支出预算合计1315.32万元，其中：…",
                            # "2024年“三公”经费预算23.30万元")
                            rf"|^\s*20\d{{2}}\s*年度?[，,]?\s*(?:收入|支出|收支)预算(?:合计|总计)"
                            rf"|^\s*20\d{{2}}\s*年度?[，,]?\s*[“\"]?三公[”\"]?经费(?:财政拨款)?预算(?:为|数为?)?\d")


#: A budget stated ("预算", "安排", its projects' 绩效目标: "所有项目均编报了绩效目标，…涉及财政拨款项目支出…"), not its
#: execution or a 决算 ("决算数", "执行数", "实际支出").
_BUDGETED = compile_re(r"预算|安排|绩效目标")
_EXECUTED = compile_re(r"决算|执行|实际|完成")


def _table_years(document) -> list[tuple[str, int, int]]:
    """``(title, year, original offset of the year)`` of each table title that names a year: a line
    of its own such as "2022年度收入决算表（表2）" or "表1. XX局2024年部门收支总表"."""
    found = []
    for start, line in document.original.lines():
        if "表" not in line or "20" not in line:
            continue  # (no title naming a year: most lines, the tables' rows among them)
        if "\t" in line and _NUMBER_CELL.match(line):
            line = line.replace("\t", " ", 1)  # "表8⇥2024年政府性基金预算支出表": the number in a cell of its own (offsets kept)
        if "\t" in line and all(not cell.strip() or _FORM_OR_UNIT.fullmatch(cell.strip()) for cell in line.split("\t")[1:]):
            line = line.split("\t", 1)[0]  # "2023年度支出决算表⇥⇥公开03表": the form's number or unit in a cell after it
        if "表" in line and "20" in line and "\t" not in line and (match := _TABLE_TITLE.match(line)) \
                and not _YEAR_PAIR.search(match.group("title")):
            # (not a table comparing two years: "2023年和2024年“三包”经费对比表")
            found.append((match.group("title"), int(match.group("year")), start + match.start("year")))
    return found


#: Two years a title names together ("2023年和2024年", "2023年与2024年").
_YEAR_PAIR = compile_re(r"20\d{2}\s*年度?\s*[和与及、至]\s*20\d{2}\s*年")


#: A form's number or a unit line in a cell after a table's title ("公开03表", "单位：万元").
_FORM_OR_UNIT = compile_re(r"[^\t\d]{0,8}\d{1,2}\s*表|(?:金额)?单位[：:].*")
#: A table's number in a cell of its own before its title ("表8⇥2024年…表").
_NUMBER_CELL = compile_re(r"\s*表\s*\d{1,2}\t[^\t]+$")


def disclosure_kind_and_year(document) -> tuple[str | None, int | None, str]:
    """The kind (决算 or 预算) and year of the disclosure and where they are read: its title (the
    first phrase such as "2023年度XX局部门决算"), which no other year may outnumber among the table
    titles, else the year most table titles name; ``(None, None, "")`` when they disagree or say
    nothing."""
    title = disclosure_title(document.flow.text)
    tables_kind, _year = document.derived(tables_kind_and_year)
    years = Counter(year for _table, year, _at in document.derived(_table_years))
    most, count = years.most_common(1)[0] if years else (None, 0)
    majority = most if 2 * count > sum(years.values()) else None
    if title is None:
        if tables_kind and majority:
            return tables_kind, majority, _("read from its table titles")
        return None, None, ""
    kind, year = title.group(2), int(title.group(1))
    if (tables_kind or kind) != kind or (years and years[year] < count):
        return None, None, ""
    return kind, year, _("read from its title “{title}”", title=title.group())
