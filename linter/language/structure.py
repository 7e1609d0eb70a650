"""The parts (第一部分 …) and numbered headings (一、二、 …) of a disclosure's flow text."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from linter.language import lexicon as lex
from linter.numerals import chinese_int
from linter.patterns import compile_re, compile_regex

#: Characters of a Chinese numeral ("二十一", "一百零五", "廿三", "两千").
NUMERAL_CHARACTERS = "〇零一二两三四五六七八九十百千廿卅"
_NUMERAL = f"[{NUMERAL_CHARACTERS}]+"
_PART = compile_regex(rf"^\s*第({_NUMERAL})部分\s*(.*)$", regex.MULTILINE)
_LABELLED = compile_regex(rf"^\s*({_NUMERAL})、(.*)$", regex.MULTILINE)
#: A second numeral label inside a line: two table columns side by side ("七、… 七、…").
_SECOND_LABEL = compile_regex(rf"{_NUMERAL}、")
#: An amount in a table row ("9746.50", "2,940.05", "12"); a year ("2024年度") is not one.
_FIGURE = compile_regex(r"(?<![\d.,])\d[\d,]*(?:\.\d+)?(?![\d.,]|\s*年)")
#: A line of figures only: the cells of a table row split from their labels.
_FIGURE_CHARACTERS = compile_re(r"[\d.,%\s-]+")
_DIGIT = compile_re(r"\d")
#: The parts of a 决算 / 预算 disclosure in their order, each known by a word of its title.
PART_KINDS = (("基本情况", "概况"), ("概况", "概况"), ("决算表", "表"), ("预算表", "表"), ("报表", "表"), ("公开表", "表"), ("情况说明", "情况说明"),
              ("决算说明", "情况说明"), ("预算说明", "情况说明"), ("编制说明", "情况说明"),
              ("重点工作", "重点工作完成情况"), ("其他重要事项", "其他重要事项"),
              ("名词解释", "名词解释"), ("附件", "附件"), ("附表", "附件"))
REQUIRED_KINDS = ("概况", "表", "情况说明")
#: Traditional characters of the parts' titles (概況, 預算表, 決算表, 情況說明, 名詞解釋, 附錄).
_TRADITIONAL_TITLE = frozenset("況預決說詞釋錄")
#: A part title's closing note on where it is published ("(详见附件)", "（见附件）", "（略）").
_WHERE_NOTE = compile_regex(r"[(（](?:详见|见|略)[^()（）]{0,10}[)）]$")
#: The 概况 as a section of another part ("第二部分 2021年度部门决算说明⏎一、部门基本情况", Beijing's
#: "一、部门情况说明", "一、部门职责及机构设置").
OVERVIEW_SECTION = compile_regex(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])\s*\S{0,12}(?:概况|基本情况|主要职能|职责|机构设置|(?:部门|单位)情况说明)", regex.MULTILINE)
#: A section title the flow text glued to its first sentence ("…变化情况2024年…", "2021年收入预算总表的
#: 说明本单位2021年…": a page's heading and paragraph on one line, spaces apart).
_GLUED_TITLE = compile_regex(r"^(?:\d{4}年度?)?[^，。；：,;:\d]{4,40}(?:情况|说明)(?=\d|本|我|全|今|经)")
#: A table's title line ("收入支出决算总表", "2024年部门预算表", "表1 …"): the tables are there
#: even when the part heading above them was lost (a cover page, an image).
TABLE_TITLE = compile_regex(r"^.{0,30}(?:决算|预算)总?表\s*(?:[(（]\s*表?\s*\d{1,2}\s*[)）])?\s*(?:公开\d{1,2}表\s*)?(?:$|(?:金额)?单位)"
                            r"|^\s*表\s*\d",
                            regex.MULTILINE)
#: Longest heading title; longer numbered lines are sentences.
MAX_TITLE = 40
#: A line this short after a heading is the rest of the heading, wrapped ("…支出决算情况说\n明").
MAX_FRAGMENT = 3

def chinese_number(numeral: str) -> int | None:
    """The value of a Chinese numeral ("十一" → 11, "一百零五" → 105, "廿三" → 23, "二〇二四" →
    2024), or None when it is not a well-formed positive one ("二十二十"). Never raises."""
    return chinese_int(numeral) or None


@dataclass(frozen=True)
class Numbered:
    """A numbered line: its number, title and flow range of the label."""

    number: int
    title: str
    start: int
    end: int

    @property
    def kind(self) -> str | None:
        """Which standard part a part heading is ("表" for 部门决算表), or None; a note in brackets where
        to find it ("2021年单位预算报表(详见附件)") does not make it the 附件."""
        title = _WHERE_NOTE.sub("", self.title.replace(" ", ""))
        if not _TRADITIONAL_TITLE.isdisjoint(title):  # "第三部分 2023年度部門決算情況說明": read in simplified
            title = lex.to_simplified(title)
        for key, kind in reversed(PART_KINDS):
            if key in title:
                return kind
        return None


def parts(text: str) -> list[Numbered]:
    """Part headings; a title wrapped onto the next line ("…大数据中心2022年度⏎部门决算表")
    is completed with it."""
    found = []
    for match in _PART.finditer(text):
        number, title = chinese_number(match.group(1)), match.group(2).strip()
        if not number:
            continue
        part = Numbered(number, title, match.start(1) - 1, match.end(1) + 2)
        if part.kind is None:
            following = text[match.end() + 1:].split("\n", 1)[0]
            part = Numbered(number, title + following.strip(), part.start, part.end)
        found.append(part)
    return found


@dataclass(frozen=True)
class _Line:
    """A line of a part: a numbered heading candidate (``heading``) or text."""

    heading: Numbered | None
    #: A numbered line that is a table row: two labels, figures or tab-separated cells.
    table_row: bool = False
    #: A line of figures only (cells split from their row, or figures split from a sentence
    #: by the PDF's text layer): it neither ends a block nor makes it a table.
    figures: bool = False


def heading_lists(text: str, start: int, end: int) -> list[list[Numbered]]:
    """The first-level headings ("三、支出决算情况说明") of flow range ``[start, end)``, as lists
    to be numbered on their own.

    Consecutive numbered lines with no text between them (a table of contents, the rows of a
    table, sections left empty) form a *block*. A block holding a table row (a figure, a tab, a
    second label "七、… 七、…") or numbered out of order is a table: it is left out; a line numbered
    一 starts a block of its own (the first heading after a table of contents). Other blocks
    and the headings that stand alone (followed by text) make up the part's list; numbered
    sentences are text. A very short line after a heading is its wrapped end, a line of
    figures only and a heading's line printed again right under it are passed over."""
    blocks: list[list[_Line] | None] = [[]]
    previous_heading = False
    previous_line = ""
    for match in regex.finditer(r"[^\n]+", text[start:end]):
        if previous_heading and match.group().strip() == previous_line:
            continue  # a heading printed twice ("二、收入决算情况说明" on two lines): one heading
        previous_line = match.group().strip()
        if _APPENDIX.match(match.group()):
            blocks += [None, []]  # "附件：“三公”经费口径说明" numbers a list of its own
            previous_heading = False
            continue
        line = _classify(match.group(), start + match.start())
        if line.figures:
            continue
        if line.heading is None and not line.table_row:
            if previous_heading and len(match.group().strip()) <= MAX_FRAGMENT:
                continue  # the wrapped end of the heading above
            if blocks[-1]:
                blocks.append([])
            previous_heading = False
            continue
        if line.heading is not None and line.heading.number == 1 and blocks[-1]:
            blocks.append([])  # numbering starts again: the text after a table of contents
        blocks[-1].append(line)
        previous_heading = True
    lists: list[list[Numbered]] = [[]]
    for block in blocks:
        if block is None and lists[-1]:
            lists.append([])
        if not block:
            continue
        numbered = [line.heading for line in block if line.heading]
        in_order = all(b.number == a.number + 1 for a, b in zip(numbered, numbered[1:]))
        if any(line.table_row for line in block) or not in_order:
            continue
        if len(block) > 1 and numbered[0].number == 1 and lists[-1]:
            lists.append([])  # a list of its own (a table of contents)
        lists[-1].extend(numbered)
    return [found for found in lists if found]


#: A numbered line of a 名词解释, a term and its definition ("一、财政拨款收入：指…", "2.事业收入：指…", "五、社会保障和就业支出（类）
#: 行政事业单位养老支出（款）…" wrapped before its colon).
_DEFINITION = compile_regex(rf"^[ \t\u3000]*(?:({_NUMERAL})、|(\d{{1,2}})[.．、](?!\d))[ \t\u3000]*(\S[^：:\n]{{0,24}})", regex.MULTILINE)


def definitions(text: str, start: int, end: int) -> list[list[Numbered]]:
    """The numbered terms a 名词解释 defines in flow range ``[start, end)``, as lists numbered on their own: a list
    starts again at 1, and terms numbered in Chinese and in digits are two lists; a line holding a tab, a figure or a
    second label is a table's row, no term."""
    lists: dict[bool, list[list[Numbered]]] = {True: [], False: []}
    for match in _DEFINITION.finditer(text, start, end):
        line_end = text.find("\n", match.start(), end)
        line = text[match.end(1 if match.group(1) is not None else 2):line_end if line_end >= 0 else end]
        if "\t" in line or _FIGURE.search(line) or _SECOND_LABEL.search(line):
            continue  # a table's row under the part ("2	政府性基金预算财政拨款收入	2	收入	12.60"): no term
        chinese = match.group(1) is not None
        number = chinese_number(match.group(1)) if chinese else int(match.group(2))
        if not number:
            continue
        label = Numbered(number, match.group(3).strip(), match.start(1 if chinese else 2),
                         match.end(1 if chinese else 2) + 1)
        if number == 1 or not lists[chinese]:
            lists[chinese].append([])
        lists[chinese][-1].append(label)
    return [found for found in (*lists[True], *lists[False]) if len(found) > 1]


def sub_headings(text: str, start: int, end: int) -> list[Numbered]:
    """The second-level items of flow range ``[start, end)``: lines opening with "（一）", headings or
    sentences alike (a sentence numbered among headings still takes its number). A line of a table (a
    tab, figures after a short label) is none."""
    found = []
    for match in _SUB_LABELLED.finditer(text, start, end):
        line_end = text.find("\n", match.end())
        number, title = chinese_number(match.group(1)), text[match.end():line_end if line_end != -1 else len(text)]
        if number and "\t" not in title and not (len(title) < 20 and _AMOUNT_FIGURE.search(title)):
            found.append(Numbered(number, title.strip()[:MAX_TITLE], match.start(1) - 1, match.end(1) + 1))
    return found


def numbered_items(text: str, start: int, end: int) -> list[Numbered]:
    """The items of flow range ``[start, end)`` numbered in Arabic numerals, opening a line or following a sentence's
    or a clause's end ("1.因公出国（境）费。…", "3、一般公共预算当年拨款具体使用情况", "…如下：1.农村公路养护补助资金…；
    2.县乡道…"), headings or sentences alike; a table's row (a tab, or figures in cells apart by spaces) and a table of
    contents' line (leaders, then a page number) are none."""
    found = []
    for match in _ARABIC_LABELLED.finditer(text, start, end):
        line_end = text.find("\n", match.end())
        line = text[match.end():line_end if line_end != -1 else len(text)]
        if "\t" not in line and not _FIGURE_CELL.search(line) and not _LEADERS.search(line):
            title = _CLAUSE_END.split(line, 1)[0]
            found.append(Numbered(int(match.group(1)), title.strip()[:MAX_TITLE], match.start(1), match.end(1) + 1))
    return found


#: An Arabic number labelling a line or a clause ("1.", "2．", "3、"; not an amount, "1.5万元", nor a date, "2024.12",
#: nor numbers listed, "1、2号楼").
_ARABIC_LABELLED = compile_regex(r"(?:^|(?<=[。；;：:]))[ \t\u3000]*(\d{1,2})[.．、](?![\d.．])", regex.MULTILINE)
#: Figures in cells of their own ending a line ("一般公共服务支出     100.00    50.00", its spaces maybe joined in the flow
#: text), or an amount without its unit ending it: a table's row.
_FIGURE_CELL = compile_regex(r"\d[\d,]*(?:\.\d+)?[ \u3000]+-?[\d,]+(?:\.\d+)?[ \u3000]*$|(?<![\d.])\d[\d,]*\.\d{2}[ \u3000]*$")
#: A table of contents' leaders and page number ("……………… 3").
_LEADERS = compile_regex(r"(?:[.…·．]{3,}|-{3,})\s*\d{1,3}\s*$")
_CLAUSE_END = compile_regex(r"[；;。]")
#: A second-level label opening a line or a sentence: "（一）…", "…。(二)…" (its title runs to the line's end).
_SUB_LABELLED = compile_regex(rf"(?:^|(?<=[。；;]))[ \t]*[（(]({_NUMERAL})[）)]", regex.MULTILINE)
#: An amount with decimals or thousands separators: a table row's, not a year's ("(四)2018部门整体…").
_AMOUNT_FIGURE = compile_regex(r"\d{1,3}(?:,\d{3})+|\d\.\d")
#: An appendix's title line ("附件：“三公”经费口径说明", "附：名词解释"): its items are numbered anew.
_APPENDIX = compile_regex(r"\s*附(?:件|录)?\s*\d?\s*[:：]")


def _classify(line: str, offset: int) -> _Line:
    match = _LABELLED.match(line) if "、" in line else None
    if not match:
        return _Line(None, figures=bool(_FIGURE_CHARACTERS.fullmatch(line) and _DIGIT.search(line)))
    number = chinese_number(match.group(1))
    title = match.group(2)
    glued = _GLUED_TITLE.match(title)
    if glued:
        title = glued.group()
    table_row = "\t" in line or bool(_FIGURE.search(title)) or bool(_SECOND_LABEL.search(title))
    if table_row or not number:
        return _Line(None, table_row=table_row)
    # A heading may end in a stray "。" ("五、…“三公”经费支出决算情况说明。"); any other sentence
    # punctuation makes the line a numbered sentence, and so does a colon before a final "。" (a term
    # and its definition: "三、事业收入：指…。").
    body = title.rstrip().removesuffix("。")
    if not glued and (len(title) > MAX_TITLE or any(p in body for p in "，。；,;")
                      or (body != title.rstrip() and any(p in body for p in "：:"))):
        return _Line(None)  # a numbered sentence
    label = Numbered(number, title.strip(), offset + match.start(1), offset + match.end(1) + 1)
    return _Line(label)

