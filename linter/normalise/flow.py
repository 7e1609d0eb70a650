"""Build the *flow text*: the narrative as a reader sees it, with PDF-extraction debris removed.

- page numbers ("— 14 —", "- 50 -", a lone "29") and page headers repeating the title are dropped;
- lines wrapped mid-sentence are joined, headings, list items and table rows stay on their own line;
- full-width digits, ``．``, ``％`` and brackets become ASCII (one character for one, so
  positions stay exact);
- spaces next to Chinese characters ("2022 年度收入 199.25 万元") are removed, and so are those of a
  letter-spaced run ("支 出 决 算 为 8 5 2 . 6 8 万 元", a 分散对齐 line as extraction tools give it).

Every character of the result maps back to the original offset it came from.
"""

from __future__ import annotations

import re

from linter.normalise.position import MappedText, MappedTextBuilder, SourceText
from linter.patterns import compile_re, compile_regex

#: A page number alone on a line: "- 3 -", "— 12 —", "第3页", "第 3 页 共 30 页", "第3页/共30页", "3/30".
_PAGE_NUMBER = compile_regex(
    r"^[\s\-—–－_~·]*(?:(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页\s*[/，,]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4})[\s\-—–－_~·]*$")
_HEADING_START = compile_regex(
    r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]"
    r"|\d{1,2}[.、．](?!\d)|[(（]\d{1,2}[)）]|[①-⑳]|附件|表\s*\d|表[一二三四五六七八九十]{1,3}(?=[：:、.．\s])|图\s*\d|[-*]\s)"
)
#: Quick tests before the patterns above, which run slowly, a line at a time: a page number holds
#: no Han character but 第 and 页, and a line opening with a Han character none opens with is no heading.
_NO_PAGE_NUMBER = compile_re(r"(?![第页共])[\u4e00-\u9fff]")
_HEADING_FIRST = compile_re(r"[^\u4e00-\u9fff]|[第一二三四五六七八九十附表图]")
_SENTENCE_PUNCTUATION = compile_re("[，。；,]")
_TERMINAL = "。！？：!?:"
#: Words that announce a number: a line ending in one of them runs on ("…预算数为" + "340.8万元").
_RUNS_ON = "为占的"
#: An amount with full-width thousands separators ("２，２００．００万元" once its digits are ASCII):
#: its commas become ASCII, one for one. A comma before three digits that end no amount is left alone.
_FULL_WIDTH_THOUSANDS = compile_re(r"(?<![\d.,，])\d{1,3}(?:，\d{3})+(?=\.\d|万元|亿元|元)")
#: A line ending inside an amount's thousands group after a word ("支出1,12"): the amount goes on on the next line.
_CUT_GROUP = compile_re(r"[\u4e00-\u9fff]\d{1,3}(?:,\d{3})*,\d{1,2}$")
#: A line ending in the first digits of a number written after a word ("…年初预算为2" + "000.00万元", "事业收入3864"
#: + "5.27万元", "增加2565.4" + "2万元": a PDF that wraps anywhere).
_CUT_DIGITS = compile_re(r"[\u4e00-\u9fff]\d{1,12}(?:\.\d*)?$")
#: A line opening with an amount or a percentage: no paragraph starts so.
_AMOUNT_FIRST = compile_re(r"\d[\d,]*(?:\.\d+)?(?:万元|亿元|元|%)")
#: A table's unit line ends a line of its own ("部门：某局  公开05表  金额单位：万元"), and its note
#: ("注：本表反映…") starts one: with the table's rows read from the file's structure, neither runs
#: on into the title or the text beside it.
_UNIT_END = compile_re(r"单位\s*[:：]\s*(?:亿元|万元|元)$")
_NOTE_START = compile_re(r"注\s*[:：]")


class OneForOne:
    """``str.translate`` by a one-for-one character map that returns a text holding none of its
    characters as it is: translate looks every character of a CJK text up in a dict, a search is
    several times cheaper."""

    def __init__(self, source: str, target: str) -> None:
        self.table = str.maketrans(source, target)
        self._any = re.compile(f"[{re.escape(source)}]")

    def __call__(self, text: str) -> str:
        return text.translate(self.table) if self._any.search(text) else text


#: Full-width characters made ASCII, one for one (positions stay exact).
HALF_WIDTH = OneForOne("０１２３４５６７８９．％（）［］＋－＝", "0123456789.%()[]+-=")
FULLWIDTH = HALF_WIDTH.table
#: The characters of a line made ASCII: full-width ones and every space (a space is one character, so
#: positions stay exact).
_LINE_CHARACTERS = OneForOne("０１２３４５６７８９．％（）［］＋－＝\u3000\u00a0", "0123456789.%()[]+-=  ")
#: The spaces a line changes: one next to a wide character or "%" (dropped), and runs (dropped
#: next to one, else one space). A stripped line neither starts nor ends with one.
_CHANGED_SPACES = compile_re(r" (?: +|(?<=[%\u2001-\U0010ffff] )|(?=[%\u2001-\U0010ffff])|(?<=\d )(?=\d{3}))")
#: A space parting the thousands of an amount ("2 404.15万元", "12 345 678.90元"), dropped: the digits before it (a group
#: of one to three opening the number, or of three after another such space), and the groups of three after it up to the
#: decimals and the unit (or its first character ending the line: "财政拨款收入4 546.86万" + "元,占…").
_THOUSANDS_BEFORE = compile_re(r"(?:^|[^\d.,])\d{1,3}(?: \d{3})*$")
_THOUSANDS_AFTER = compile_re(r"\d{3}(?: \d{3})*(?:\.\d+)? ?(?:万元|亿元|元|(?P<cut>[万亿])$)")
#: How far around such a space its amount is read.
_THOUSANDS_REACH = 24


def is_page_number(line: str) -> bool:
    """True for a line that only carries a page number."""
    return not _NO_PAGE_NUMBER.search(line) and bool(_PAGE_NUMBER.match(line))


#: A document's title as a page header repeats it ("青山区大数据中心 2022 年度部门决算", "某局2024年部门预算公开"):
#: a year or 部门/单位, then 决算 or 预算.
_RUNNING_TITLE = compile_re(r"(?:\d{4}\s*年度?|部门|单位)\s*(?:决算|预算)(?:公开)?(?:报告|说明|信息)?$")
#: How often a title must recur to be a page header; how many lines open the document (its cover,
#: where the title is the document's own).
_RUNNING_TITLE_COUNT = 3
_COVER_LINES = 5


def page_headers(source: SourceText) -> frozenset[int]:
    """The :func:`running_titles` of ``source``, found once for the flow text and the tables."""
    if source.page_headers is None:
        source.page_headers = running_titles(source.stripped_lines)
    return source.page_headers


def running_titles(stripped_lines: list[str]) -> frozenset[int]:
    """Indexes of the lines that are a page header repeating the document's title, as a text
    extracted from a PDF carries it on every page, often inside a sentence or a table (see
    ``_RUNNING_TITLE``), or a short line (the department's name) that opens page after page under the page number
    of the one before; the title on the cover (its first lines) stays."""
    found, seen, after_page_number = [], 0, False
    counts: dict[str, list[int]] = {}
    page_tops: dict[str, list[int]] = {}  # the first lines of pages, after a page number
    for index, line in enumerate(stripped_lines):
        if not line:
            continue
        seen += 1
        if seen > _COVER_LINES and len(line) <= 40 and line[-1] in "算开告明息" and _RUNNING_TITLE.search(line) \
                and not _SENTENCE_PUNCTUATION.search(line) and not _starts_heading(line):
            counts.setdefault(line, []).append(index)
        elif after_page_number and _PAGE_TOP.fullmatch(line) and not line.endswith("表") and not _starts_heading(line):
            page_tops.setdefault(line, []).append(index)
        after_page_number = is_page_number(line)
    for indexes in [*counts.values(), *page_tops.values()]:
        if len(indexes) >= _RUNNING_TITLE_COUNT:
            found.extend(indexes)
    return frozenset(found)


#: A page header without the title's words, as the department's name alone atop each page ("鸡西市公安局"): a short
#: run of Chinese, found only right after a page number.
_PAGE_TOP = compile_re(r"[\u4e00-\u9fff（）()]{2,30}")


def _starts_heading(line: str) -> bool:
    """Whether ``line`` starts as a heading does."""
    return bool(_HEADING_FIRST.match(line) and _HEADING_START.match(line))


def is_heading(line: str, width: int = 40) -> bool:
    """A numbered line without sentence punctuation, shorter than a full line (both measured by
    :func:`_length`) or ending as a section's title does ("九、国有资本经营预算财政拨款收入支出决算情况说明"
    may fill a narrow page's line): a heading."""
    if not _starts_heading(line) or _SENTENCE_PUNCTUATION.search(line) or _DEFINED.search(line):
        return False  # (nor a term defined, "一、年初结转和结余：指以前年度…", its line wrapped at a narrow page's width)
    length = _length(line)
    return length < min(40, 0.85 * width) or (length < 40 and line.endswith(_TITLE_ENDINGS))


#: A term's definition opening after its colon ("年初结转和结余：指…", "：反映…").
_DEFINED = compile_re(r"[:：]\s*(?:指|是指|反映|系指)")
#: The last words of a section's title.
_TITLE_ENDINGS = ("情况说明", "情况", "说明", "概况", "名词解释")


def line_width(lines: list[str]) -> int:
    """The document's full line length (90th percentile of :func:`_length`), to tell wrapped lines
    from short ones. Table rows, separated by tabs or laid out in columns of spaces, do not count."""
    lengths = sorted(_length(line) for line in lines if line and "\t" not in line and not _COLUMNS.search(line))
    if len(lengths) < 20:
        return 40  # too few lines to tell: assume a common page width
    return lengths[int(0.9 * (len(lengths) - 1))]


_SPACE_RUN = compile_re(r"  +")
#: Three cells or more apart by runs of spaces: a table row of a text extracted with its layout.
_COLUMNS = compile_re(r"\S  +\S.*?\S  +\S")


def _length(line: str) -> float:
    """The printed width of a line in full-width characters: an ASCII character (a digit, a
    letter, a space) takes half of one, and each run of spaces counts as one space (a text
    extracted with its layout pads table rows and justified lines with runs of them)."""
    line = _SPACE_RUN.sub(" ", line) if "  " in line else line
    return len(line) - len(line.encode("ascii", "ignore")) / 2


#: Six characters or more each standing alone between single spaces: letter-spaced text when at
#: least ``_SPACED_HAN`` of them are Chinese (not a line of 栏次 numbers "1 2 3 4 5 6").
_SPACED = compile_re(r"(?<!\S)\S(?: \S){5,}(?!\S)")
_SPACED_HAN = 3
_HAN = compile_re("[\u3400-\u4dbf\u4e00-\u9fff]")


def letter_spaced_runs(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each letter-spaced run of ``text`` (see ``_SPACED``): its characters are
    at ``start``, ``start + 2``, …"""
    if " " not in text:
        return []
    return [m.span() for m in _SPACED.finditer(text) if len(_HAN.findall(m.group())) >= _SPACED_HAN]


def build_flow(source: SourceText, hard_breaks: bool = False, table_rows: frozenset[int] = frozenset()) -> MappedText:
    """Normalise ``source`` into flow text (see module docstring); with ``hard_breaks`` every
    line is a unit of its own (the paragraphs of a Word document are never wrapped lines); the
    lines starting at the offsets ``table_rows`` (rows of tables read from a file's structure)
    are left out."""
    builder = MappedTextBuilder()
    lines = source.lines()
    stripped_lines = source.stripped_lines
    width = line_width(stripped_lines)
    headers = page_headers(source)
    previous: str | None = None
    added = 0
    for index, ((start, raw), stripped) in enumerate(zip(lines, stripped_lines)):
        if not stripped or is_page_number(stripped) or start in table_rows or index in headers:
            continue
        if previous is not None and (hard_breaks or _breaks(previous, stripped, width)
                                     or (added <= _COVER_LINES and _is_title(previous, width))):
            builder.add("\n", start)
        _add_line(builder, stripped, start + len(raw) - len(raw.lstrip()))
        previous, added = stripped, added + 1
    return builder.build()


#: How many lines open a document before its title at most (a cover page: "蜀安市教育局" above "2024年度部门决算").
_COVER_LINES = 3


def _is_title(line: str, width: int) -> bool:
    """Whether one of the document's first lines is its title, a unit of its own ("某局2024年度部门决算": short,
    without sentence punctuation, naming the disclosure)."""
    return (not _SENTENCE_PUNCTUATION.search(line) and _length(line) < 0.85 * width
            and TITLE_YEAR.search(line.replace(" ", "")) is not None)


#: The year and the kind a disclosure's title or part heading names ("2022年度…部门决算", "2024年部门预算表", Shaanxi's
#: "2025年部门综合预算公开").
TITLE_YEAR = compile_regex(r"(?<!\d)(20\d{2})\s*年度?[^，。；\n\d]{0,24}?(?:部门|单位)(?:综合)?(预算|决算)")


def disclosure_title(text: str):
    """The match of :data:`TITLE_YEAR` that names the disclosure: the first on a line that reads as a
    title (no sentence's comma or full stop), else the first that no verb of reference governs: "2024年度XX局
    部门决算", not "纳入2024年度部门预算编报范围的单位共4个。" in a report of another kind. None when there is none."""
    fallback = None
    for match in TITLE_YEAR.finditer(text):
        start, end = text.rfind("\n", 0, match.start()) + 1, text.find("\n", match.end())
        if not _SENTENCE_MARK.search(text, start, end if end != -1 else len(text)):
            return match
        if fallback is None and not _REFERRED.search(text, max(start, match.start() - 4), match.start()):
            fallback = match
    return fallback


_SENTENCE_MARK = compile_regex(r"[，。；]")
#: A line of closing punctuation only: the end of the line above, wrapped.
_PUNCTUATION_ONLY = compile_re(r"[。，；、：！？）】”’.,;:!?)]{1,3}")
#: A verb referring to a disclosure from inside a sentence ("纳入2024年度部门预算编报范围").
_REFERRED = compile_regex(r"(?:纳入|按照|根据|依据|参照|对照|结合)$")


def _breaks(previous: str, line: str, width: int) -> bool:
    """Whether a line break between ``previous`` and ``line`` ends a unit (else it is a wrap)."""
    if "\t" in previous or "\t" in line or (_CELL_GAP.search(previous) and _CELL_GAP.search(line)):
        return True  # rows of a table's cells (a header's stacked titles: "公务用车运" over "行维护费")
    if _PUNCTUATION_ONLY.fullmatch(line):
        return False  # punctuation wrapped onto a line of its own ("…一般性支出。" then "。")
    if previous[-1] in _RUNS_ON and line[0].isdigit():
        return False
    if _AMOUNT_FIRST.match(line) and ("\u4e00" <= previous[-1] <= "\u9fff" or previous[-1] in "：:"):
        # a name wrapped before its amount ("（一）收入预算：本年收入合计" + "1,100.00万元，其中：", "…博物馆（项）2070205：" +
        # "476.14万元，其中基本支出…")
        return False
    if _AMOUNT_FIRST.match(line) and (_CUT_GROUP.search(previous) or _CUT_DIGITS.search(previous)):
        return False  # an amount cut inside a thousands group ("…支出1,12" + "5.49万元") or its digits
    if previous[-1] not in _TERMINAL and not _starts_heading(line) and _SUBJECT_PATH_OPEN.search(previous) \
            and _SUBJECT_PATH_CLOSE.match(line):
        return False  # a subject's path wrapped before its 项 ("1.社会保障和就业支出(类)…(款)机关事业单" + "位基本…支出(项)：…")
    if previous[-1] in _TERMINAL or _starts_heading(line) or is_heading(previous, width):
        return True
    if _UNIT_END.search(previous) or _UNIT_END.search(line) or _NOTE_START.match(line):
        return True
    # Two numbers must never fuse ("1,151.77" + "20103").
    return previous[-1].isdigit() and line[0].isdigit()


#: A gap between two cells of a table laid out with spaces.
_CELL_GAP = compile_re(r"\S {3,}\S")
#: A line naming a subject's 类 (or 款) without its 项, and one naming the 项 before any punctuation.
_SUBJECT_PATH_OPEN = compile_re(r"[(（][类款][)）][^(（)）]*$")
_SUBJECT_PATH_CLOSE = compile_re(r"[^。；;：:，,(（]{1,30}[(（]项[)）]")


def _add_line(builder: MappedTextBuilder, line: str, origin: int) -> None:
    """Append one stripped line, translating characters and dropping spaces near CJK text."""
    text = _LINE_CHARACTERS(line)
    if "，" in text:
        text = _FULL_WIDTH_THOUSANDS.sub(_ascii_commas, text)
    if " " not in text:
        builder.add(text, origin)
        return
    position = 0
    for start, end in letter_spaced_runs(text):
        _add_spaced(builder, text, origin, position, start)
        for at in range(start, end, 2):
            builder.add(text[at], origin + at)
        position = end
    _add_spaced(builder, text, origin, position, len(text))


def _add_spaced(builder: MappedTextBuilder, text: str, origin: int, start: int, end: int) -> None:
    """Append ``text[start:end]``, dropping the spaces next to CJK text (see ``_CHANGED_SPACES``)."""
    position = start
    for match in _CHANGED_SPACES.finditer(text, start, end):
        builder.add(text[position:match.start()], origin + position)
        if not (_sticks(text[match.start() - 1]) or _sticks(text[match.end()]) or _parts_thousands(text, match.start())):
            builder.add(" ", origin + match.start())
        position = match.end()
    builder.add(text[position:end], origin + position)


def _parts_thousands(text: str, at: int) -> bool:
    """Whether the space at ``at`` parts the thousands of an amount (see ``_THOUSANDS_BEFORE``)."""
    after = _THOUSANDS_AFTER.match(text, at + 1, at + 1 + _THOUSANDS_REACH) if text[at - 1:at].isdigit() else None
    return after is not None and (after["cut"] is None or after.end() == len(text)) \
        and _THOUSANDS_BEFORE.search(text[max(0, at - _THOUSANDS_REACH):at]) is not None


def _ascii_commas(match: re.Match) -> str:
    return match.group().replace("，", ",")


def _sticks(char: str) -> bool:
    """Whether spaces next to ``char`` are dropped: a wide (CJK) character or "%"."""
    return ord(char) > 0x2000 or char == "%"
