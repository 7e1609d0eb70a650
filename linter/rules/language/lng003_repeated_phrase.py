"""LNG003 repeated-phrase."""

from __future__ import annotations

import regex

from linter.check.finding import Fix, Severity
from linter.check.rule import Rule
from linter.i18n import _
from linter.language import lexicon as lex
from linter.language.spans import adjacent_in_source
from linter.language.typos import INSTITUTION_SUFFIXES, typo_finder
from linter.extract.subjects import is_subject_name
from linter.patterns import compile_re, compile_regex

#: A unit of two to six characters written twice in a row ("越来越来高").
_ADJACENT = compile_re(f"({lex.HAN}{{2,6}})\\1")  # ``re``: several times faster than ``regex`` here
#: Bodies a determiner (or a count) before them makes a noun phrase that a term beginning with the same body
#: may follow ("本部门部门整体支出", "本单位单位负责人", "兄弟城市城市管理部门", "14个社区社区工作者").
_BODIES = ("部门", "单位", "城市", "地区", "机关", "系统", "行业", "学校", "医院", "街道", "社区", "乡镇", "企业", "项目")
_DETERMINER = compile_re(r"(?:本|该|各|全|兄弟|其他|其它|相关|有关|下属|所属|主管|职能|基层|二级|三级|\d个|[一两二三四五六七八九十几]个)$")
#: The rest of an item and the 等 that ends an open list after it ("…项目管理等方面").
_OPEN_LIST_END = compile_regex(r"\p{Han}{1,10}?等")
#: The same item twice in an enumeration ("点对点、点对点").
_LISTED = compile_regex(r"(\p{Han}{2,20})、\1")


class RepeatedPhrase(Rule):
    """A word or phrase written twice in a row ("越来越来高", "点对点、点对点").

    Pasted text leaves a unit doubled, directly or as two equal items of an enumeration, and so a year
    ("2025年2025年") or words with their mark ("主要原因是：主要原因是：").
    A copy may stand at the start of the next line (the paragraph wraps between the copies).
    Reduplications that are words are left alone, and so are a body named with a determiner
    (or a count) before a term it begins ("本部门部门整体支出", "兄弟城市城市管理部门", "14个社区社区工作者"), a place whose name
    ends as the unit begins ("宣城市城市建设档案馆"), copies separated by a space in
    the file (table cells side by side) or either side of a line break on two lines that both hold cells side by side (a
    wrapped cell of a 绩效自评表), a copy that begins a longer word after a name the first ends ("孝感高中高中部"; not "人员人员经费"), copies of a non-word made of the halves of words ("监测预测预警") and
    items whose copies end and begin longer words ("合作医疗、医疗救助"; a two-character word so glued on both sides in a
    list of more items: "森林防火、防火设施建设和…等"; of any length in an open list ending in 等: "高标准农田建设、农田建设项目管理等").
    Removing the copy is offered as an unsafe fix (which copy to keep is not always clear).

    **Anti-pattern**

        进一步增加对政府重点部门政务公开工作点对点、点对点指导培训力度。

    **Best practice**

        进一步增加对政府重点部门政务公开工作点对点指导培训力度。
    """

    code = "LNG003"
    name = "repeated-phrase"
    severity = Severity.WARNING
    fixable = True

    def check(self, document, context):
        text = document.flow.text
        for pattern, separator in ((_ADJACENT, ""), (_LISTED, "、")):
            for match in pattern.finditer(text):
                unit, first = match.group(1), match.start()
                if not separator and not lex.is_word(unit):
                    first = _doubled_word_near(text, first, len(unit), typo_finder(text).boundaries)  # "政务服务服务系统": 服务, not 务服
                    unit = text[first:first + len(unit)]
                found = text[first:first + 2 * len(unit) + len(separator)]
                copy_start = first + len(unit) + len(separator)
                end_of_copy = first + len(found)
                if lex.is_word(found) or (not separator and len(set(unit)) == 1):
                    continue
                if not separator and (not adjacent_in_source(document, copy_start, copy_start, wrapped=True)
                                      or _spans_cells(document, first, end_of_copy)
                                      or _across_cell_rows(document, first, end_of_copy)):
                    continue  # table cells side by side, not a repeat typed in a sentence
                if not separator and _inside_words(document, first, end_of_copy):
                    continue  # "监测预测预警": 测预, no word, twice across three words (so is 议决, a word, in "会议决议决定")
                if not separator and unit[-1] in "市县区州" and lex.is_word(text[first - 1:first + 1]):
                    continue  # "宣城市城市建设档案馆": a place whose name ends as the unit begins (宣城 + 市), then a term
                if not separator and unit in _BODIES and _DETERMINER.search(text, max(0, first - 2), first):
                    continue  # "本部门部门整体支出", "兄弟城市城市管理部门": a body named, then a term it begins
                if not separator and lex.is_han(text[first - 1:first]) \
                        and _copy_begins_a_word(typo_finder(document.flow.text), copy_start, end_of_copy):
                    continue  # "孝感高中高中部": a name's end, then a longer word (高中部) the copy begins, no repeat
                if separator and any(text[first - width:first] == text[end_of_copy:end_of_copy + width] for width in (2, 3)):
                    continue  # "结转到本年、本年结转到以后年度": two clauses, one ending and the next beginning with it
                if separator and _longer_item(text, copy_start, end_of_copy):
                    continue  # "医疗费、医疗费补助", "专项统计、统计监测": the next item is a longer word
                if separator and _names_a_unit_of(text, match.end()):
                    continue  # "区政府、区政府办公室": an organisation, then one of its offices
                if separator and not _whole_words(document, match.start(), match.end()):
                    continue  # "合作医疗、医疗救助": the end of one item and the start of the next
                if separator and lex.is_han(text[match.start() - 1:match.start()]) and lex.is_han(text[match.end():match.end() + 1]) \
                        and _OPEN_LIST_END.match(text, match.end()):
                    continue  # "高标准农田建设、农田建设项目管理等方面": two longer items of an open list sharing a term
                if separator and len(unit) == 2 and lex.is_han(text[match.start() - 1:match.start()]) \
                        and lex.is_han(text[match.end():match.end() + 1]) and _among_other_items(text, match.start(), match.end()):
                    # "森林防火、防火设施建设和森林消防队伍建设等", "促进就业、就业服务等": a word ending one item of a list
                    # and starting the next
                    continue
                start, end = document.flow.source_span(copy_start, end_of_copy)
                yield self.finding(
                    document,
                    document.span(first, end_of_copy),
                    _("“{unit}” is written twice in one enumeration: “{found}”", unit=unit, found=found)
                    if separator else
                    _("“{unit}” is written twice in a row: “{found}”", unit=unit, found=found),
                    expected=unit,
                    fix=Fix(start, end, "", safe=False),
                )
        yield from self._copied_with_marks(document)

    def _copied_with_marks(self, document):
        """A year written twice in a row ("2025年2025年财政拨款…") or words pasted twice with their mark ("主要原因是：
        主要原因是：一是…"), the copies touching in the file."""
        text = document.flow.text
        for first, unit in _years_twice(text) + _marked_twice(text):
            copy_start, copy_end = first + len(unit), first + 2 * len(unit)
            if not adjacent_in_source(document, copy_start, copy_start, wrapped=True) \
                    or _spans_cells(document, first, copy_end) or _across_cell_rows(document, first, copy_end):
                continue
            start, end = document.flow.source_span(copy_start, copy_end)
            yield self.finding(
                document, document.span(first, copy_end),
                _("“{unit}” is written twice in a row: “{found}”", unit=unit, found=unit * 2),
                expected=unit, fix=Fix(start, end, "", safe=False),
            )


#: A year written twice in a row ("2025年2025年"); :func:`_years_twice` checks that no digit stands before it (a
#: lookbehind at the pattern's start made ``re`` try it at every position).
_YEAR_TWICE = compile_re(r"((?:19|20)\d{2}年度?)\1")


def _years_twice(text: str) -> list[tuple[int, str]]:
    """Where a year is written twice in a row, as (start, the year)."""
    found: list[tuple[int, str]] = []
    position = 0
    while match := _YEAR_TWICE.search(text, position):
        if match.start() and text[match.start() - 1].isdecimal():  # "12025年2025年": no year
            position = match.start() + 1
            continue
        found.append((match.start(), match.group(1)))
        position = match.end()
    return found


#: A mark, then 2–8 Han characters the same mark follows: the copy of words pasted twice with their mark, if the
#: same words stand before the first mark ("主要原因是：主要原因是：").
_MARKED_COPY = compile_re(f"([：:，,])({lex.HAN}{{2,8}})(?=\\1)")


def _marked_twice(text: str) -> list[tuple[int, str]]:
    """Where 2–8 Han characters and the mark after them are written twice in a row ("主要原因是：主要原因是："),
    as (start, the words with their mark), none overlapping the one before."""
    found: list[tuple[int, str]] = []
    after_last = 0
    for copy in _MARKED_COPY.finditer(text):
        words, start = copy.group(2), copy.start() - len(copy.group(2))
        if start >= after_last and text.startswith(words, start):
            found.append((start, words + copy.group(1)))
            after_last = copy.end() + 1
    return found


def _longer_item(text: str, start: int, end: int) -> bool:
    """Whether the item copied at ``[start, end)`` goes on into a longer word or subject name ("医疗费补助")."""
    return any(lex.is_word(longer := text[start:end + extra]) or longer in lex.lexicon() or is_subject_name(longer)
               for extra in range(1, 6) if lex.is_han(text[end + extra - 1:end + extra]))


def _spans_cells(document, start: int, end: int) -> bool:
    """Whether flow text ``[start, end)`` stands in the file with spaces inside: cells of a table
    row read out ("年初预算数 全年预算数 全年执行数" holds "预算数全年" twice in its flow text)."""
    source_start, source_end = document.flow.source_span(start, end)
    return any(space in document.original.text[source_start:source_end] for space in " \t\u3000")


#: Two cells of a row laid out with spaces, as pdfplumber joins them: a space between Chinese characters or marks.
_CELL_GAP = compile_regex(r"[\p{Han}，。、；：）”][ \t\u3000]+[\p{Han}（“]")


def _across_cell_rows(document, start: int, end: int) -> bool:
    """Whether the copies of flow text ``[start, end)`` stand either side of a line break in the file, on lines that both
    hold cells side by side: a cell wrapping in one column of a table row (a 绩效自评表's "…电子档案 已完成…接收模块开发，" over
    "接收模块开发，新增… 新增…"), not a sentence typed twice."""
    original = document.original.text
    source_start, source_end = document.flow.source_span(start, end)
    if "\n" not in original[source_start:source_end]:
        return False
    first_line = original[original.rfind("\n", 0, source_start) + 1:original.find("\n", source_start)]
    last_start = original.rfind("\n", 0, source_end) + 1
    last_end = original.find("\n", last_start)
    last_line = original[last_start:last_end if last_end != -1 else len(original)]
    return bool(_CELL_GAP.search(first_line.strip()) and _CELL_GAP.search(last_line.strip()))


def _among_other_items(text: str, start: int, end: int) -> bool:
    """Whether the clause of the enumeration ``text[start:end]`` ("X、X") lists more than those two items: another
    separator of items, or 等 closing the list, after it in the clause, or another 、 before it ("评价结果有反馈、
    反馈结果有应用": each item of a chain begins with the word the one before it ends with)."""
    clause_end = _CLAUSE_END.search(text, end)
    if _ITEMS_GO_ON.search(text, end, clause_end.start() if clause_end else len(text)):
        return True
    clause_start = max(text.rfind(mark, 0, start) for mark in _CLAUSE_MARKS)
    return text.find("、", clause_start + 1, start) != -1


#: Where a clause ends, and what says a list goes on or closes after two items.
_CLAUSE_MARKS = "，,。；;：:\n“\""
_CLAUSE_END = compile_re(f"[{_CLAUSE_MARKS}]")
_ITEMS_GO_ON = compile_re(r"[、和及与等]")


def _whole_words(document, start: int, end: int) -> bool:
    """Whether the copy ending at ``end`` ends a word, and the unit starting at ``start`` starts one
    unless the copy is a whole item ("人员经费、经费4896.98万元": nothing follows it but the amount)."""
    text = document.flow.text
    boundaries = typo_finder(text).boundaries
    return end in boundaries and (start in boundaries or not lex.is_han(text[end:end + 1]))


def _copy_begins_a_word(finder, copy_start: int, end_of_copy: int) -> bool:
    """Whether the copy ends inside a token that begins with it, or before it ("孝感高中高中部": 高中部); not one
    beginning inside it, whose head stands alone ("严格执行严格执行公务": 执行公务)."""
    return end_of_copy not in finder.boundaries and finder.token_at(end_of_copy, (0, 0))[0] <= copy_start


def _doubled_word_near(text: str, start: int, length: int, boundaries) -> int:
    """Where a word doubled overlaps the doubled non-word at ``start`` ("政务服务服务系统": the regular
    expression finds 务服 twice, one character before 服务 twice), or words of three characters or more
    doubled, each copy whole words (``boundaries``: where the segmenter's words start; "物业管理费和取暖费和取暖费":
    费和取暖 twice, one character before 和取暖费 twice), else ``start``."""
    for shift in range(1, length):
        for at in (start + shift, start - shift):
            unit = text[at:at + length]
            if at >= 0 and text[at + length:at + 2 * length] == unit and (lex.is_word(unit) or (
                    length >= 3 and {at, at + length, at + 2 * length} <= boundaries)):
                return at
    return start


def _inside_words(document, start: int, end: int) -> bool:
    """Whether flow text ``[start, end)`` both starts and ends inside a word: a doubled unit that is
    no word made of the halves of words ("监测预测预警" holds 测预 twice), not one typed twice (a word
    doubled, "预算项目项目支出", is segmented into neighbouring words too)."""
    boundaries = typo_finder(document.flow.text).boundaries
    return start not in boundaries and end not in boundaries


def _names_a_unit_of(text: str, end: int) -> bool:
    """Whether the words after a copy ending at ``end`` name an office (办公室, 机关事务局 …)."""
    following = regex.match(r"\p{Han}{1,8}", text[end:end + 8])
    if not following:
        return False
    word = next(iter(lex.tokenizer().cut(following.group(), HMM=False)))
    return len(word) >= 2 and word[-1] in INSTITUTION_SUFFIXES
