"""DOC005 stale-year."""

from __future__ import annotations

from linter.check.finding import Fix, Severity
from linter.check.rule import Rule
from linter.extract.tables import BUDGET, FINAL, document_kind_and_year
from linter.i18n import _
from linter.language.subjects import TITLE_YEAR
from linter.patterns import compile_re

#: A sentence of the flow text (a table row, holding tabs, is none).
_SENTENCE = compile_re(r"[^。！？\n]+")
#: A year not part of a range ("2021-2025年", "2021年至2023年"), a date ("2022年12月") or a point
#: in time ("2022年底", "2022年以来").
_YEAR = (r"(?<![\d\-—–~～至到])(?P<year>20\d{2})(?!\d)\s*年度?"
         r"(?!\s*(?:\d|[-—–~～至到]|底|末|初|前|后|以来|以前|以后|起|开始|上半年|下半年|第))")
#: A comparison with a year: "与2021年度相比", "比2021年决算数", "较2021年"; ``basis`` is what of that
#: year ("预算", "执行", "决算").
_COMPARISON = compile_re(
    rf"(?:[与和同](?=20\d{{2}}\s*年[^，。；]{{0,8}}?(?:相比|比较|对比|持平|一致|相当))|(?<!相)[比较]){_YEAR}"
    r"(?P<basis>决算|(?:年初|全年|调整后?)?预算|执行|支出)?"
)
#: A change said of the comparison: what makes the sentence a year-on-year statement.
_CHANGE = compile_re(r"增加|减少|增长|下降|上升|降低|提高|持平|增收|减收|增支|减支|相当|一致|变化")
#: A year that names the figures of its sentence ("2022年度收入、支出决算总计…", "2022年一般公共预算
#: 财政拨款支出…"): a quantity word before the clause ends (not a balance carried from that year,
#: "2022年财政拨款结转资金", nor another thing joined to the year, "2023年和XX幼儿园预算"), and an
#: amount in the sentence, before any reason it gives ("主要原因：一是2023年…").
_SUBJECT = compile_re(
    rf"{_YEAR}(?=[，,]?(?:(?!结转|结余)[^，,；;：:和与及、]){{0,30}}?(?:收入|支出|收支|预算|决算|经费|拨款|总计|合计))")
_REASON = compile_re(r"原因|主要是|由于|因为|一是")
_AMOUNT = compile_re(r"\d(?:万元|亿元|元)")
#: "截至2022年12月31日", "截至2022年底": the date of a 决算's counts (车辆, 资产), the end of its year.
_AS_OF = compile_re(r"截[至止](?P<year>20\d{2})\s*年\s*(?:12\s*月\s*31\s*日|底|末)")


class StaleYear(Rule):
    """A year left from the disclosure the draft was copied from ("与2021年度相比" in a 2023 决算).

    Drafts start from last year's file, and a year the clerk did not change contradicts the
    document's own: a 2023 决算 that compares "与2021年度相比", states
    "2022年度收入、支出决算总计…", or counts its cars "截至2022年12月31日".

    The document's year and kind come from its title ("2023年度XX局部门决算", "2024年部门预算")
    and table titles; when they disagree or cannot be read, nothing is checked. In a 决算 of year
    Y, a year-on-year comparison (a comparison with a year followed by a change:
    "与2022年度相比，…增加") must name Y−1, except one with a budget ("比2023年预算", which may be
    the year's own); a sentence stating amounts must not name its figures by another year than
    Y, unless it names Y too; "截至…12月31日" must be Y. A 预算 may also recount last year's
    execution and compare with the latest 决算, two years back: there, a comparison must name
    Y−1 only in a sentence that names its figures Y, or when it compares budgets
    ("比2023年预算"). Years of ranges ("2021-2025年"), dates and reasons ("主要原因：一是2023年…")
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
        for sentence in _SENTENCE.finditer(text):
            if "\t" in sentence.group() or "20" not in sentence.group():
                continue
            for start, found, expected, message in _stale_years(sentence.group(), kind, year):
                yield self._finding(document, sentence.start() + start, found, expected, _with(message, evidence))
        if kind == FINAL:
            for match in _AS_OF.finditer(text):
                if int(match.group("year")) != year:
                    message = _("counts 截至{found}年, but the {year} 决算 counts at the end of {year}",
                                found=match.group("year"), year=year)
                    yield self._finding(document, match.start("year"), int(match.group("year")), year,
                                        _with(message, evidence))

    def _finding(self, document, at: int, found: int, expected: int, message: str):
        start, end = document.flow.source_span(at, at + 4)
        fix = Fix(start, end, str(expected), safe=False) if document.source.text[start:end] == str(found) else None
        return self.finding(document, document.span(at, at + 4), message, expected=str(expected), fix=fix)


def _with(message: str, evidence: str) -> str:
    """The message with where the document's year was read."""
    return _("{message} ({evidence})", message=message, evidence=evidence)


def _stale_years(sentence: str, kind: str, year: int):
    """``(offset, year found, year expected, why)`` for the stale years of one sentence."""
    comparisons = [m for m in _COMPARISON.finditer(sentence) if _CHANGE.search(sentence, m.end())]
    reason = _REASON.search(sentence)
    before = min([len(sentence), *(m.start() for m in comparisons[:1]), *(m.start() for m in [reason] if m)])
    subjects = list(_SUBJECT.finditer(sentence, 0, before))
    named = {int(m.group("year")) for m in subjects}
    if kind == FINAL:
        if _AMOUNT.search(sentence) and str(year) not in sentence:
            for match in subjects[:1]:
                yield (match.start("year"), int(match.group("year")), year,
                       _("names its figures {found}年, but this is the {year} 决算", found=match.group("year"), year=year))
        if named - {year}:
            return  # the figures of another year, reported above: what they are compared with follows them
        for match in comparisons:
            if "预算" not in (match.group("basis") or "") and int(match.group("year")) != year - 1:
                yield (match.start("year"), int(match.group("year")), year - 1,
                       _("compares with {found}年, but the year before this {year} 决算 is {previous}年",
                         found=match.group("year"), year=year, previous=year - 1))
    elif kind == BUDGET and named <= {year}:
        for match in comparisons:
            basis = match.group("basis") or ""
            # Without the year's figures named, only a comparison of budgets is surely this year's.
            if (basis != "决算" and (named or "预算" in basis)) and int(match.group("year")) != year - 1:
                yield (match.start("year"), int(match.group("year")), year - 1,
                       _("compares with {found}年, but the year before this {year} 预算 is {previous}年",
                         found=match.group("year"), year=year, previous=year - 1))


def disclosure_kind_and_year(document) -> tuple[str | None, int | None, str]:
    """The kind (决算 or 预算) and year of the disclosure and where they are read: its title (the
    first phrase such as "2023年度XX局部门决算") and its table titles, when both agree;
    ``(None, None, "")`` otherwise."""
    title = TITLE_YEAR.search(document.flow.text)
    tables_kind, tables_year = document_kind_and_year(document.original, document.tables)
    if title is None:
        if document.tables and tables_kind and tables_year:
            return tables_kind, tables_year, _("read from its table titles")
        return None, None, ""
    kind, year = title.group(2), int(title.group(1))
    if (tables_kind or kind) != kind or (tables_year or year) != year:
        return None, None, ""
    return kind, year, _("read from its title “{title}”", title=title.group())
