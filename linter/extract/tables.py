"""Read the disclosure tables (表1–表9 of a 决算, 表1–表12 of a 预算) out of the original lines.

A table starts at its title ("2022年度收入支出决算总表（表1）", "表 5. …一般公共预算支出表") or,
where the title is missing, at a header that only one kind of table has ("本年收入合计 财政拨款收入
…"). Its body runs to the next table, part heading or 附件. Three layouts occur:

- tab-separated rows, where a value's cell index gives its 栏次 (column);
- space-separated rows, where empty cells vanish: a value's 栏次 is only known when the row has
  as many values as columns, or when the identities the table prints ("1栏各行=(2+3)栏各行")
  leave a single possible placement; other values stay *loose* (known to be in the row, not where);
- names and headers broken over several lines, which are joined.

Every value remembers its original-file offsets, so findings point at the cell. A table that
cannot be read with confidence gets a :attr:`Table.problem` and the checks leave it alone.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Callable, Iterator, NamedTuple

from linter.extract.numbers import WELL_FORMED, parse_signed
from linter.extract.quantities import budget_kind
from linter.extract.subjects import is_subject_name, normal_name, subjects
from linter.width import display_width
from linter.i18n import N_, _
from linter.normalise.flow import OneForOne, is_page_number, page_headers
from linter.normalise.position import SourceText
from linter.numerals import chinese_int, decimal_int, is_decimal_int
from linter.patterns import compile_re

#: Kinds of table, in the order the checks refer to them.
SUMMARY = "收入支出总表"          # 决算表1 / 预算表1
INCOME = "收入表"                 # 表2
EXPENDITURE = "支出表"            # 表3
FISCAL = "财政拨款收支总表"        # 表4
GENERAL = "一般公共预算支出表"      # 表5
BASIC = "基本支出表"              # 表6
FUND = "政府性基金表"             # 表7 (2022) / 表8 (2020)
STATE_CAPITAL = "国有资本经营表"   # 表8 (2022) / 表9 (2020)
THREE_PUBLIC = "三公经费表"        # 表9 (2022) / 表7 (2020)
PROJECT = "项目支出表"            # 预算表10
ECONOMIC = "经济分类支出表"        # a 预算's 支出经济分类表: rows by 经济分类 code, 合计 | 基本支出 | 项目支出
PERFORMANCE = "绩效表"            # 预算表11–12: forms, not read
OTHER = "其他表"                 # 政府采购, 机关运行经费: tables of their own, not read
#: Kinds of table whose rows are keyed by 经济分类 code, their header read with the rows.
BY_ECONOMIC_CODE = (BASIC, ECONOMIC)
#: Kinds of table that are found (their rows belong to no other table or the narrative) but not read.
UNREAD_KINDS = (PERFORMANCE, OTHER)

#: Kinds every 决算 / 预算 publishes (预算 tables 10–12 are forms and not required here).
REQUIRED = (SUMMARY, INCOME, EXPENDITURE, FISCAL, GENERAL, BASIC, FUND, STATE_CAPITAL, THREE_PUBLIC)
#: Document kinds: a 部门/单位 决算 (final accounts) or 预算 (budget).
FINAL, BUDGET = "决算", "预算"
#: First year of the national table sets disclint knows (earlier sets varied by province).
FIRST_KNOWN_YEAR = 2017
#: Year from which the 国有资本经营预算 table is part of a 决算's and of a 预算's set (8 tables before, 9 since):
#: 2021 预算 still published eight (a Hubei school's 表1–表8, an Inner Mongolia probe's 表一–表八).
STATE_CAPITAL_SINCE = {"决算": 2020, "预算": 2022}


def required_tables(document_kind: str | None, year: int | None) -> tuple[str, ...] | None:
    """The table kinds a 决算 or 预算 of ``year`` must publish: the national sets (收支总表, 收入,
    支出, 财政拨款收支总表, 一般公共预算支出, 基本支出, "三公"经费, 政府性基金, and 国有资本经营预算
    from a 2020 决算 and a 2022 预算 on; a 预算 names them 收支预算总表, 收入预算总表, …). None when kind
    or year is unknown or older than the sets disclint knows: then no table is claimed missing."""
    if document_kind not in (FINAL, BUDGET) or year is None or year < FIRST_KNOWN_YEAR:
        return None
    return tuple(k for k in REQUIRED if k != STATE_CAPITAL or year >= STATE_CAPITAL_SINCE[document_kind])


def document_kind_and_year(source: SourceText, tables: list["Table"]) -> tuple[str | None, int | None]:
    """Whether a document is a 决算 or a 预算, and its year: from its table titles ("2022年度收入
    支出决算总表"), else from its opening lines ("2024年部门预算"). None for what cannot be told."""
    titles = " ".join(t.title for t in tables if t.title).replace(" ", "")
    opening = re.sub(r"\s", "", source.text[:600])
    # A 决算 table's title says 决算; a 预算's says 预算 somewhere but never 决算 (a 决算's tables of
    # the 一般公共预算 say 预算 of the fund).
    funds = titles.replace("一般公共预算", "")
    kind = FINAL if FINAL in titles else BUDGET if BUDGET in funds else None
    if kind is None:
        kinds = {k for k in (FINAL, BUDGET) if re.search(rf"(?:部门|单位|年度?){k}|{k}公开", opening)}
        kind = kinds.pop() if len(kinds) == 1 else None
    year = None
    for text in (titles, opening):
        years = set(re.findall(r"(20\d{2})年", text))
        if len(years) == 1:
            year = int(years.pop())
            break
    return kind, year
#: Kinds whose rows are keyed by a 功能分类 subject code.
CODE_KINDS = (INCOME, EXPENDITURE, GENERAL, FUND, STATE_CAPITAL, PROJECT)
#: Kinds with a 收入 side on the left and a 支出 side on the right, rows keyed by 行次.
TWO_SIDED = (SUMMARY, FISCAL)
#: Code tables whose first column (合计, 本年收入合计, 本年支出合计) is the sum of the others.
_TOTAL_FIRST = (INCOME, EXPENDITURE, GENERAL)

_HALF_WIDTH = OneForOne("０１２３４５６７８９．，＋－＝（）％", "0123456789.,+-=()%")
_NUMBER = compile_re(rf"^-?(?:{WELL_FORMED})$")
_MALFORMED = compile_re(r"^-?\d[\d,.]*(?:[OoО][\d,.]*)?\d$")
#: Digits with a leading zero: a 款 or 项 code's piece ("05"), never an amount.
_CODE_PIECE = compile_re(r"^0\d+$")
_DATE = compile_re(r"^(?:19|20)\d{2}\.\d{1,2}(?:\.\d{1,2})?$")
_CODE = compile_re(r"^[12]\d{2}(?:\d{2}){0,2}$")
#: A subject's code and its name in one cell ("208社会保障和就业支出", the space between them dropped).
_CODE_AND_NAME = compile_re(r"(?P<code>2\d{2}(?:\d{2}){0,2})(?P<name>[\u4e00-\u9fff][\u4e00-\u9fff()（）“”、]{1,40})")
#: A 功能分类 subject's code of 款 or 项 (5 or 7 digits) in a cell after a project's name.
_SUBJECT_CODE = compile_re(r"^2\d{4}(?:\d{2})?$")
_ECONOMIC_CODE = compile_re(r"^[35]\d{2}(?:\d{2})?$")  # 部门预算 (30x) or 政府预算 (50x) 经济分类
_SPACES = compile_re(r"[ \u3000\u00a0]+")
_WHITESPACE = compile_re(r"\s")
_WORD = compile_re(r"\S+")
_DECIMALS = compile_re(r"\d\.\d")
#: A decimal point between digits, full-width or not (in a line not made half-width).
_DECIMALS_ANY_WIDTH = compile_re(r"\d[.．]\d")

#: What a form's number says it is part of: the public forms ("公开", "部门公开", "部门预算公开", "财决公开", as in
#: "部门公开表02", "公开05表" or "财决公开02表"; "财决01表"), or an appendix ("附").
_PUBLIC_FORM = r"(?:(?:部门|单位)?(?:预算|决算)?公开|财[决预](?:公开)?)"
FORM_PREFIX = rf"(?:{_PUBLIC_FORM}|附)"
#: The label of the department a table is of, in the line under its title ("编制单位：", "单位名称：", "部门：", Tianjin's
#: "预算单位："), before its name.
ISSUER = r"(?:编制|填报|编报|报送|预算|主管)?(?:部门|单位)"
#: A table's number: digits, or a Chinese numeral ("表五", "表十一", as Beijing prints them).
_NUMBER_WORDS = r"(?P<number>\d{1,2}(?:-\d{1,2})?|[一二三四五六七八九十]{1,3})"
_GROUP_NUMBER = compile_re(r"(表\d{1,2}-\d{1,2})(?!\d)")
#: A title numbered after it: "…决算表（表5）", "（附表5）", "（公开05表）".
_TITLE = compile_re(rf"^(?P<title>\S.*?表)\s*[（(]\s*(?=(?:附|{_PUBLIC_FORM})?表|{_PUBLIC_FORM}\s*\d{{1,2}}\s*表)(?:附|{_PUBLIC_FORM})?\s*表?\s*{_NUMBER_WORDS}\s*表?\s*[）)]$")
#: A table's number alone on a line, under its wrapped title ("（表6）").
_WRAPPED_NUMBER = compile_re(r"[（(]\s*表\s*(?P<number>\d{1,2})\s*[)）]")
#: A table title's note that the table is published elsewhere ("（略，详见附件）", "(见附件)").
_ELSEWHERE = compile_re(r"\s*[(（](?:略|详见|见附件|另行)[^()（）]{0,20}[)）]$")
_BUDGET_TITLE = compile_re(rf"^附?表\s*{_NUMBER_WORDS}(?:\s*[.．、:：]\s*|\s+(?=\S.*表$))(?P<title>\S.*)$")
#: A title line without a table number ("收入决算表"), taken only when a unit line follows it.
_PLAIN_TITLE = compile_re(r"^(?P<title>[^\s，。：:；]{0,60}(?:\s[^\s，。：:；]{1,20}){0,3}表)$")
#: The unit of amounts a line states ("单位：万元", "金额单位：元").
_UNIT = compile_re(r"(?:金额)?单位\s*[:：]\s*(?P<unit>亿元|万元|元)")


def unit_of(text: str) -> str | None:
    """The amount unit a line states ("单位：万元" → "万元"), or None."""
    match = _UNIT.search(text)
    return match.group("unit") if match else None
_UNIT_LINE = compile_re(rf"(?:{FORM_PREFIX}?表?\s*(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*表?)?\s*(?:{ISSUER}(?:名称|\s*[(（]\s*单位\s*[)）])?\s*[:：]\s*\S+)?\s*"
                        rf"(?:{FORM_PREFIX}表?\s*\d{{1,2}}\s*表\s*)?(?:20\d{{2}}\s*年度?\s*)?(?:金额)?单位\s*[:：]\s*(?:亿元|万元|元)")
#: Money stated as 0 ("“三公”经费支出决算为0万元"): a table of it is empty, or prints zeros.
STATED_ZERO = r"(?:收入|支出|收支|经费)(?:预算|决算)?数?为0(?:\.0+)?(?:万元|元)"
#: A note that explains an empty table ("注：…无政府性基金预算财政拨款支出，故本表无数据。").
_EMPTY_NOTE = compile_re(rf"本表无数据|空表|(?:没有|无)[^。]{{0,40}}(?:收入|支出|收支|经费)|均为(?:0|零)(?![\d.])|{STATED_ZERO}")
_ENUMERATION = compile_re(r"^(?:[-*•]|[一二三四五六七八九十]+、|[《“])")
#: Where the tables end: a part heading, 附件, or a narrative section heading ("六、…情况说明").
_PART = compile_re(r"^(?:第[一二三四五六七八九十]+部分|附件|[一二三四五六七八九十]+、[^\t\d]*(?:情况说明|情况|名词解释)$)")
_PART_FIRST = "第附一二三四五六七八九十"
#: An identity of rows or of columns a note prints: "31行=（27+28+29）行", also each term with its mark
#: ("1栏=2栏+3栏+4栏"); group 1 is the target, group 2 the terms.
_TERMS = r"\(?[\d+\-.…、\s]+?\)?\s*{mark}(?:\s*[+\-]\s*\d+\s*{mark})*"
_ROW_IDENTITY = compile_re(r"(?<!\d)(\d+)\s*行\s*=\s*(" + _TERMS.format(mark="行") + ")")
#: A note line ending inside an identity ("31 行＝（27＋28", "32 行＝", "…行；31"): it goes on on the next line.
_UNFINISHED_IDENTITY = compile_re(r"(?<!\d)\d+\s*[行栏](?:各行)?\s*=\s*\(?[\d+\-.…、\s]*$|[;；]\s*\d+\s*$")
_COLUMN_IDENTITY = compile_re(r"(?<!\d)(\d+)\s*栏(?:各行)?\s*=\s*(" + _TERMS.format(mark="栏(?:各行)?") + ")")
_TOTAL_NAMES = ("合计", "总计")
#: Longest range an identity may abbreviate ("32+33+…+57"); no table has more rows or columns.
_MAX_RANGE = 1000
#: Most placements of a row's loose values tried against the identities; past it they stay loose.
_PLACEMENT_BUDGET = 20000


@dataclass(frozen=True)
class Value:
    """A printed amount: its value, text and original-file offsets."""

    value: float
    text: str
    start: int
    end: int
    decimals: int
    #: The unit of the table it is printed in ("元", "万元", "亿元"); None when the table has no unit line.
    unit: str | None = None

    @classmethod
    def printed(cls, text: str, start: int, end: int) -> "Value":
        """The value a cell prints as ``text`` at original offsets ``[start, end)``."""
        value, decimals = parse_signed(text)
        return cls(value, text, start, end, decimals)


class _Token(NamedTuple):
    """A cell of a line (build it with :func:`_token`)."""

    text: str
    start: int
    end: int
    #: Cell index on a tab-separated line, -1 on a space-separated one.
    index: int
    line: int
    is_number: bool
    #: A cell meant as an amount but not a number ("1,5111.90", "72.83.1"); dates are not.
    is_malformed: bool

    @property
    def is_integer(self) -> bool:
        return is_decimal_int(self.text)

    def as_value(self) -> Value:
        return Value.printed(self.text, self.start, self.end)


def _token(text: str, start: int, end: int, index: int, line: int) -> _Token:
    """The cell ``text`` at ``[start, end)``, told a number, a malformed one or text."""
    number = bool(_NUMBER.match(text))
    return _Token(text, start, end, index, line, number,
                  not number and bool(_MALFORMED.match(text)) and not _DATE.match(text))


def _rate_as_number(token: _Token) -> _Token:
    """A cell of a change-rate column printed with its sign ("10.00%", a spreadsheet's percent format) as the
    number the column holds (:func:`_this_years_columns` sets that column apart)."""
    if token.text.endswith(("%", "％")) and _NUMBER.match(token.text[:-1]):
        return token._replace(text=token.text[:-1], end=token.end - 1, is_number=True, is_malformed=False)
    return token


@dataclass
class Row:
    """One row: a subject code (类 3 digits, 款 5, 项 7) or a 行次, a name, and values by 栏次."""

    name: str = ""
    code: str | None = None
    #: The code of the unit the row is of, in a table by unit ("108002 江岭大学").
    unit_code: str | None = None
    line_no: int | None = None
    #: "收入"/"支出" in two-sided tables, "人员经费"/"公用经费" in the 基本支出 table.
    side: str = ""
    values: dict[int, Value] = field(default_factory=dict)
    #: Values printed in this row whose 栏次 cannot be told (space-separated rows).
    loose: list[Value] = field(default_factory=list)
    start: int = 0
    end: int = 0
    #: False when the table's columns are unknown (no 栏次 line): an unplaced column is not empty.
    columns_known: bool = True
    #: Whether a cell of it was malformed and read as left empty (NUM001 reports it).
    malformed: bool = False
    #: The printed column identities no placement of the loose values satisfies (a contradiction).
    unplaceable: list["Identity"] = field(default_factory=list)
    #: Last year's amount printed beside this year's, and the change from it: the amount and the rate in
    #: percent ("2024年预算数 | 2025年预算数 … | 增减额 | 增减率（%）"); see :func:`_this_years_columns`.
    earlier: Value | None = None
    change: Value | None = None
    change_rate: Value | None = None
    #: The budgets a 决算 table prints before the row's amounts, by kind ("年初", "全年", "调整"; see :func:`_final_columns`).
    budgets: dict[str, Value] = field(default_factory=dict)
    #: The rates of completion it prints after them, in percent, by the kind of budget they are of.
    completion_rates: dict[str, Value] = field(default_factory=dict)

    @property
    def level(self) -> str | None:
        return {3: "类", 5: "款", 7: "项"}.get(len(self.code or ""))

    @property
    def is_total(self) -> bool:
        return self.code is None and self.name.endswith(_TOTAL_NAMES)

    @property
    def plain_name(self) -> str:
        """The name without an enumeration prefix ("一、一般公共服务支出", "（三）卫生健康支出" → the subject)."""
        return _ENUMERATION_PREFIX.sub("", self.name)

    @property
    def has_amount(self) -> bool:
        return any(v.value for v in self.values.values()) or any(v.value for v in self.loose)

    def amount(self, column: int) -> float | None:
        """The value in ``column``: 0 for an empty cell, None when a loose value may sit there."""
        if column in self.values:
            return self.values[column].value
        return None if self.loose or not self.columns_known else 0.0

    def cell(self, column: int) -> Value | None:
        return self.values.get(column)

    def all_values(self) -> list[Value]:
        return sorted([*self.values.values(), *self.loose], key=lambda v: v.start)


@dataclass(frozen=True)
class Identity:
    """An identity printed in a table's notes: ``27行=(1+2+…+8)行`` or ``1栏各行=(2+3)栏各行``."""

    axis: str  # "行" (rows by 行次) or "栏" (columns, in every row)
    target: int
    terms: tuple[tuple[int, int], ...]  # (sign, number)
    text: str
    start: int
    end: int
    #: Not printed in the table but implied by its layout; ``text`` is then a message to translate.
    implied: bool = False


@dataclass
class Table:
    """A disclosure table and what could be read of it."""

    kind: str
    number: int | None
    title: str
    #: Original offsets of the title (or, for an untitled table, of its first header line).
    title_start: int
    title_end: int
    start: int
    end: int
    columns: list[int] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    identities: list[Identity] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: The 说明 that explains an empty table ("说明：我单位…没有…", "…故本表无数据。").
    explanation: str | None = None
    layout: str = "tab"
    #: Why the table cannot be checked; None when it was read with confidence.
    problem: str | None = None
    #: Cells meant as amounts that are not numbers ("1,5111.90"); the table is then not checked.
    malformed: list[Value] = field(default_factory=list)
    #: The unit its amounts are printed in, from its unit line ("单位：万元"); None when it has none.
    unit: str | None = None
    #: Whether its rows' 行次 are printed (a 预算's 收支总表 numbers them only for its identities).
    numbered_rows: bool = True
    #: The words of each header line above its rows (column titles: "预算数 决算数 预算数 决算数 …").
    header_lines: list[list[str]] = field(default_factory=list)
    #: The columns of each block of a 三公 table printed with a row per quantity (see :func:`sangong_blocks`).
    blocks: dict[str, list[int]] = field(default_factory=dict)
    #: The 机关运行经费 such a table prints in a row after the quantities, by block: a column of the block (printed as the
    #: block's 栏: see ``printed_columns``) and the amount.
    operating_costs: dict[str, tuple[int, Value]] = field(default_factory=dict)
    #: Columns of quantities such a table prints no row for (the cars' 购置费 and 运行维护费): neither 0 nor checked.
    unprinted: frozenset[int] = frozenset()
    #: Such a table's rows of two years with their change ("2.公务接待费 | 3.50 | 3.20 | -0.30"), each as a row of this
    #: year's amount with last year's and the change beside it (see ``Row.earlier``); checked, not read as rows.
    change_rows: list[Row] = field(default_factory=list)
    #: What a code table's column of last year's total holds ("预算", "决算", "执行"; see ``Row.earlier``), where it prints one.
    earlier_kind: str | None = None
    #: The 栏 the table prints for each of its columns where they differ from it: a 三公 table read as the one row of its
    #: blocks, printed as a row per quantity ("项目 | 预算数 | 决算数": its 决算数 block is 栏2) or a row per year (each
    #: block the six 栏 again).
    printed_columns: dict[int, int] = field(default_factory=dict)
    #: The 栏 a 决算 table prints each budget set aside beside its amounts as ("年初预算数 | 调整预算数 | 决算数": 调整 is 栏2).
    budget_columns: dict[str, int] = field(default_factory=dict)

    def printed_column(self, column: int) -> int:
        """The 栏 the table prints ``column`` as."""
        return self.printed_columns.get(column, column)

    @property
    def label(self) -> str:
        if self.number:
            return f"表{self.number}"
        if not self.title:
            return f"untitled {self.kind}"
        group = _GROUP_NUMBER.match(self.title)  # "表2-2  2025年…表": "表2-2", its number in a group
        return group.group(1) if group else self.title.replace(" ", "")

    @cached_property
    def resolution(self) -> float:
        """The step of its printed amounts (0.01 for "852.68", 1 for "8526800"): the finest one
        printed, since trailing zeros may be dropped ("1501.2"). Computed once, on the finished
        table (the rules ask for it for every sum they check)."""
        decimals = [v.decimals for row in self.rows for v in row.all_values() if v.value]
        # (no finer than a millionth: a run of hundreds of decimals, a fuzzed cell, made it 0.0, and the unit's log failed)
        return 10.0 ** -min(max(decimals), 6) if decimals else 0.01

    @cached_property
    def grouped(self) -> bool:
        """Whether it prints its amounts with thousands separators ("20,590,549.62")."""
        return any("," in v.text for row in self.rows for v in row.all_values())

    @property
    def has_header(self) -> bool:
        return bool(self.columns)

    @property
    def is_empty(self) -> bool:
        return not any(row.has_amount for row in self.rows)

    def single_or_total(self) -> Row | None:
        """The table's one row with amounts, else its 合计 row (a 三公 table prints one row, or several with a 合计)."""
        rows = [row for row in self.rows if row.has_amount]
        return rows[0] if len(rows) == 1 else self.total()

    def total(self, side: str = "") -> Row | None:
        """The 合计 row (code tables) or the row named ``side`` ("本年支出合计", "总计")."""
        for row in self.rows:
            if row.is_total and (not side or row.plain_name == side or row.side == side):
                return row
        return None

    def row_named(self, name: str, side: str | None = None) -> Row | None:
        for row in self.rows:
            if row.plain_name == name and (side is None or row.side == side):
                return row
        return None

    def row_by_code(self, code: str) -> Row | None:
        return next((row for row in self.rows if row.code == code), None)

    def row_by_line_no(self, line_no: int, side: str | None = None) -> Row | None:
        """The row of 行次 ``line_no``, on ``side`` when given (a two-sided table may number its paired rows alike:
        "本年收入合计 57 | 本年支出合计 57")."""
        return next((row for row in self.rows if row.line_no == line_no and (side is None or row.side == side)), None)

    def side_columns(self, side: str) -> list[int]:
        """Columns of one side of a two-sided table: 收入 has column 1, 支出 the rest."""
        if self.kind not in TWO_SIDED:
            return self.columns
        return self.columns[:1] if side == "收入" else self.columns[1:]


def table_kind(title: str) -> str | None:
    """The kind of table a title names (by its words, since numbering differs by year)."""
    title = title.replace(" ", "")
    if "绩效" in title:
        return PERFORMANCE
    if "三公" in title:
        # "财政拨款“三公”经费相关统计数": a table of the counts alone (CON005 reads them), no amounts
        return None if "统计" in title and not any(word in title for word in ("支出", "预算", "决算")) else THREE_PUBLIC
    if "政府采购" in title or "机关运行经费" in title or "机构运行经费" in title:
        return OTHER  # a table of its own kind ("政府采购支出决算表": a plan beside the amounts bought), no 支出表
    if "基本支出" in title:
        # Another fund's 基本支出 (Beijing publishes the 政府性基金's apart): no table of the 一般公共预算's.
        return None if "政府性基金" in title or "国有资本" in title else BASIC
    if "经济分类" in title and "支出" in title:
        return ECONOMIC
    if "政府性基金" in title:
        return FUND
    if "国有资本" in title:
        return STATE_CAPITAL
    if "项目支出" in title or "项目收入支出" in title:  # (the national 决算's 公开05表 项目收入支出决算表, by subject)
        return PROJECT
    if "一般公共预算" in title and ("支出" in title or "当年拨款" in title):  # a 预算's "一般公共预算当年拨款情况"
        return GENERAL
    if "财政拨款" in title and ("收入支出" in title or "收支" in title):
        return FISCAL
    if "收入支出" in title or "收支" in title:
        return SUMMARY
    if "收入" in title:
        return INCOME
    if "支出" in title:
        return EXPENDITURE
    return None


def find_tables(source: SourceText, cell_rows: frozenset[int] = frozenset()) -> list[Table]:
    """Every table of a document, in order. A table whose rows start at ``cell_rows`` (a Markdown
    table's), or whose tab-separated rows all have as many cells, is read as the cells of a grid
    (:func:`table_from_grid`): numbered 1, 2, … when it prints no 栏次 line (or a broken one), a
    基本支出 table's economic codes joined."""
    lines = source.lines()
    stripped_lines = source.stripped_lines
    starts = _table_starts(lines, stripped_lines)
    headers = page_headers(source)
    tables = []
    for position, (index, kind, number, title, t_start, t_end) in enumerate(starts):
        if number is None:  # numbered on a line of its own above its title ("表二")
            above = next((stripped_lines[i] for i in range(index - 1, max(-1, index - 3), -1) if stripped_lines[i]), "")
            number = next_table_number(above)
        end_index = starts[position + 1][0] if position + 1 < len(starts) else len(stripped_lines)
        body = []
        first_line = index + (1 if title else 0)
        while title and first_line < end_index and lines[first_line][0] < t_end:
            first_line += 1  # the second line of a title wrapped over two
        for line_index in range(first_line, end_index):
            line = stripped_lines[line_index]
            if _is_part(line) or _other_title(stripped_lines, line_index) \
                    or (line.endswith(("说明", "情况")) and _NARRATIVE_HEADING.fullmatch(line)) \
                    or _heads_a_table(line) or _unnumbered_heading(line):
                break
            if line_index not in headers:  # a page header inside the table
                body.append(line_index)
        last = next((i for i in reversed(body) if stripped_lines[i]), None)
        if last is not None and position + 1 < len(starts) and _NEXT_TABLE_NUMBER.match(stripped_lines[last]):
            body = body[:body.index(last)]  # the next table's number, on a line of its own above its title ("表7")
        if position + 1 < len(starts) and starts[position + 1][1] == kind and not any(stripped_lines[i] for i in body):
            continue  # a heading naming the table right above its title ("### 一、收入支出决算总表" over "**收入支出决算总表**")
        region_end = lines[body[-1]][0] + len(lines[body[-1]][1]) if body else t_end
        table = Table(kind, number, title, t_start, t_end, t_start, region_end)
        table.unit = unit_of(_HALF_WIDTH(stripped_lines[index])) if title else None  # "…决算表        单位：万元"
        elsewhere = _ELSEWHERE.search(title)
        if elsewhere:  # published elsewhere: an empty table that says so
            table.explanation = elsewhere.group()
            tables.append(table)
            continue
        if kind in (PROJECT, EXPENDITURE, GENERAL) and _by_economic_code(lines, body):
            # "项目支出决算明细表", Sichuan's "一般公共预算财政拨款支出决算明细表" of rows 302 商品和服务支出, 30201 办公费…:
            # by economic class
            kind = table.kind = ECONOMIC
        cells = [i for i in body if lines[i][0] in cell_rows and stripped_lines[i]] or _grid_rows(lines, stripped_lines, body)
        table_lines = lines  # a copy where this table's lines are changed: the shared lines stay as they are
        if cells and kind in BY_ECONOMIC_CODE:  # economic codes split over 类 and 款 cells, as a grid's are joined
            table_lines = [*lines]
            for i in cells:
                table_lines[i] = (lines[i][0], _joined_economic_codes(lines[i][1]))
        elif cells and kind not in UNREAD_KINDS and not any(_header_columns(_tokens(*lines[i], i)) for i in cells):
            table_lines = [*lines]
            body = _with_column_numbers(table_lines, body)
        if kind in TWO_SIDED and (numbered := _without_sequence_column(table_lines, body)) is not None:
            table_lines = numbered
        if kind not in UNREAD_KINDS:
            _parse(table, table_lines, body)
            _mark_malformed_rows(table, source)
        tables.append(table)
    tables = _without_listings(tables, _contents(lines, stripped_lines), source.text)
    for table in tables:
        if not table.rows and table.problem is not None and (note := _said_empty(table, source.text)) is not None:
            table.problem, table.explanation = None, note
    units = {table.unit for table in tables if table.unit}
    for table in tables:
        if table.unit is None and len(units) == 1:
            table.unit = next(iter(units))  # one unit line per table, but every one says the same
        _stamp_unit(table)
    return tables


def _said_empty(table: Table, text: str) -> str | None:
    """The sentence of ``text`` that says ``table`` is empty, naming it by its title after the year ("…，故2026年国有资本
    经营预算支出表为空表。" in a part on the empty tables, away from the table), if any."""
    title = _ITEM_MARK.sub("", table.title)
    name = title[title.rfind("年") + 1:].strip()
    if len(name) < 4:
        return None
    at = text.find(name)
    while at != -1:
        start = max(text.rfind(mark, 0, at) for mark in "。\n") + 1
        end = min((found for mark in "。\n" if (found := text.find(mark, at)) != -1), default=len(text))
        if "空表" in text[start:end] or _EMPTY_TABLE.match(text, at + len(name), end):
            return text[start:end + 1].strip()
        at = text.find(name, at + len(name))
    return None


#: What says a table named just before is empty besides 空表 ("…支出表无数据").
_EMPTY_TABLE = compile_re(r"(?:本年)?无数据")


def _without_listings(tables: list[Table], contents: tuple[int, int], text: str) -> list[Table]:
    """The tables without the entries of a list of tables: a title with nothing under it inside the
    document's 目录 (``contents``: its original offsets), beside another such title where a table of its kind comes
    later, or one whose table comes later with rows or with its note (an empty table printed, "说明：…故本表为空表")."""
    printed_later: set[tuple[str, int | str | None]] = set()
    numbered_later: set[tuple[str, int]] = set()  # every numbered table after, read or not
    kinds_later: set[str] = set()  # the kinds of the tables printed after, read or not
    kept: list[Table] = []
    empties = [not (table.rows or table.explanation or table.identities) for table in tables]
    # (nothing under it but a page's number: "表10 项目支出预算表" then "- 2 -", the last entry of a contents page)
    bare = [empty and not table.unit
            and all(not line.strip() or is_page_number(line.strip()) for line in text[table.title_end:table.end].splitlines())
            for table, empty in zip(tables, empties)]
    # Titles a line each with nothing under them, one after another, list the tables (a 目录 without its heading:
    # "表1  收支预算总表" then "表2  部门收入总表") where tables of their kinds are printed later, under titles without their
    # numbers (where none is, the list is all the text has of them: the tables are images).
    next_to = [bare[i] and bare[i + 1] and not text[tables[i].end:tables[i + 1].title_start].strip() for i in range(len(tables) - 1)]
    in_list = [(i > 0 and next_to[i - 1]) or (i < len(next_to) and next_to[i]) for i in range(len(tables))]
    for table, empty, bare_table, listed_with_others in zip(*map(reversed, (tables, empties, bare, in_list))):
        # "表1-1 部门收入总表" is told from "表1-2 …" by its title, its number being none.
        # ("8.政府性基金…决算表" among the contents names "政府性基金…决算表", maybe printed as 公开08表: by its title too)
        titled = (table.kind, _ITEM_MARK.sub("", _HALF_WIDTH(table.title)).replace(" ", ""))
        key = (table.kind, table.number) if table.number is not None else titled
        listed = contents[0] <= table.title_start < contents[1] or key in printed_later or titled in printed_later \
            or key in numbered_later or (listed_with_others and table.kind in kinds_later)
        # "八、政府性基金预算支出情况表" over "某局2025年政府性基金预算支出情况表": a heading naming the table below
        heading = kept and kept[-1].kind == table.kind and (kept[-1].number in (None, table.number) or table.number is None)
        # A numbered table printed later, named here among prose (a list of the tables without a 目录)
        named_before = empty and table.number is not None and key in printed_later
        if not (bare_table and (listed or heading)) and not named_before:
            kept.append(table)
        if table.rows or table.explanation:
            printed_later.update((key, titled))
        if not bare_table:
            kinds_later.add(table.kind)
        if table.number is not None:
            numbered_later.add(key)
    return kept[::-1]


def _contents(lines: list[tuple[int, str]], stripped_lines: list[str]) -> tuple[int, int]:
    """Original offsets ``[start, end)`` of the document's 目录: from its heading ("目 录") to its first
    sentence; empty when it has none."""
    heading = next((i for i, line in enumerate(stripped_lines) if _CONTENTS.fullmatch(line)), None)
    if heading is None:
        return 0, 0
    end = next((i for i in range(heading + 1, len(lines)) if "。" in stripped_lines[i]), len(lines))
    return lines[heading][0], lines[end][0] if end < len(lines) else lines[-1][0] + len(lines[-1][1])


#: The heading of a document's contents.
_CONTENTS = compile_re(r"[^\s，。]{0,40}目\s*录[:：]?")


def _grid_rows(lines: list[tuple[int, str]], stripped_lines: list[str], body: list[int]) -> list[int]:
    """The body's tab-separated rows when there are two or more and all have as many cells: a
    table that kept its empty cells, as a grid does; else none. A unit line is no row, whatever parts its
    words ("单位名称：某局<tab>单位：万元"), nor are header lines of merged cells pasted once above the others
    ("收入<tab>支出" over "项目<tab>行次<tab>金额<tab>项目…", from a web page)."""
    rows = [i for i in body if "\t" in lines[i][1] and stripped_lines[i]
            and not _UNIT_LINE.fullmatch(_HALF_WIDTH(stripped_lines[i]))]
    merged = _merged_total_lines(lines, rows)
    counts = [lines[i][1].count("\t") + (i in merged) for i in rows]
    first = counts.index(max(counts)) if counts else 0
    if any(any(c.isdigit() for c in stripped_lines[i]) for i in rows[:first]):
        return []  # a shorter line with figures: a row, not a header
    header = {stripped_lines[i] for i in rows[:first]}
    grid = [i for i in rows[first:] if stripped_lines[i] not in header]  # (the header repeated atop a page: no row)
    return grid if len(grid) >= 2 and len({lines[i][1].count("\t") + (i in merged) for i in grid}) == 1 else []


def _merged_total_lines(lines: list[tuple[int, str]], rows: list[int]) -> set[int]:
    """The tab-separated total rows among ``rows`` whose 合计 spans the code and name cells, pasted once: a cell fewer
    than the rows, each opening with a code then a name ("合计<tab>44,548.56<tab>…" over "312001<tab>XX局<tab>3,809.11<tab>…");
    their cells stand one on (see :func:`_parse`)."""
    totals = [i for i in rows if "\t" in lines[i][1] and lines[i][1].split("\t", 1)[0].strip() in _TOTAL_NAMES]
    coded = [cells for i in rows if len(cells := lines[i][1].split("\t")) > 2 and cells[0].strip().isdigit()
             and _HAN.search(cells[1])]
    if not totals or len(coded) < 2 or len({len(cells) for cells in coded}) != 1:
        return set()
    return {i for i in totals if lines[i][1].count("\t") == len(coded[0]) - 2}


def _stamp_unit(table: Table) -> None:
    """Give every value the unit of its table's unit line."""
    if table.unit is None:
        return
    for row in table.rows:
        row.values = {c: replace(v, unit=table.unit) for c, v in row.values.items()}
        row.loose = [replace(v, unit=table.unit) for v in row.loose]


def _table_starts(lines: list[tuple[int, str]], stripped_lines: list[str]) -> list[tuple]:
    """(line index, kind, number, title, title start, title end) of every table start
    (``stripped_lines``: the lines stripped)."""
    starts = []
    current_kind = None
    data_seen = False
    header: set[str] = set()  # the current table's lines above its first amounts, without spaces
    skip = -1  # the second line of a title wrapped over two
    for index, (offset, raw) in enumerate(lines):
        stripped = stripped_lines[index]
        if not stripped or index <= skip:
            continue
        match = normal = None
        end = offset + len(raw.rstrip())  # where the title ends
        if "\t" in stripped and len(cells := {cell.strip() for cell in stripped.split("\t") if cell.strip()}) == 1:
            stripped = cells.pop()  # a title merged across the table's width, pasted as one cell a column
        if (wrapped_end := _title_wrapped_below(stripped_lines, index)) is not None:
            # "表七　一般公共预算财政拨款“三公”经⏎费支出决算表", as a narrow column wraps it: the title's two lines
            stripped, skip = stripped + stripped_lines[wrapped_end], wrapped_end
            end = lines[wrapped_end][0] + len(lines[wrapped_end][1].rstrip())
        form_number = None
        if stripped.endswith("表") and (cell := _FORM_NUMBER_CELL.search(stripped)) is not None:
            # "一般公共预算财政拨款支出决算表		公开05表": a sheet's title row, the form's number in a cell of its own
            stripped, form_number = stripped[:cell.start()], cell.group("number") or cell.group("after")
        economic_tail = ""
        titled_unit = False  # the unit printed on the title's line ("…决算表        单位：万元")
        if stripped.endswith(_TAIL_ENDS):  # "表1 收入支出决算总表[^1]", "…总表（单位：万元）": the title before
            titled_unit = unit_of(stripped) is not None
            stripped = _TITLE_TAIL.sub("", stripped) or stripped
            if "基本支出" in stripped:
                stripped = _ECONOMIC_TAIL.sub("", stripped) or stripped
            elif (tail := _ECONOMIC_TAIL.search(stripped)) and stripped[:tail.start()].endswith("表"):
                # "财政拨款支出预算表（部门经济分类科目）": a spending table by economic classification
                stripped, economic_tail = stripped[:tail.start()], tail.group().strip()
        if _may_be_title(stripped):
            normal = _HALF_WIDTH(stripped)
            head = _ELSEWHERE.sub("", normal)  # "表2 部门收入预算总表（略，详见附件）": its title
            match = None if _ENUMERATION.match(head) else (_TITLE.match(head) or _BUDGET_TITLE.match(head))
            wrapped = _WRAPPED_NUMBER.fullmatch(normal) if match is None else None
            previous = next((i for i in range(index - 1, max(-1, index - 3), -1) if stripped_lines[i]), None)
            if wrapped and starts and starts[-1][0] == previous and starts[-1][2] is None:
                # "2017年度收入支出决算总表⏎（表1）⏎编制单位：…": the number of the title just read
                starts[-1] = (*starts[-1][:2], _table_number(wrapped.group("number")), *starts[-1][3:])
                continue
            if wrapped and previous is not None and stripped_lines[previous].endswith("表") \
                    and not (starts and starts[-1][0] == previous):
                index, (offset, raw) = previous, lines[previous]  # "…基本支出决算明细表⏎（表6）": the title wrapped
                end = offset + len(raw.rstrip())
                normal = _HALF_WIDTH(stripped_lines[previous]) + normal
                match = _TITLE.match(normal)
        number = _table_number(match.group("number")) if match else None
        laid_out = False  # a title over a unit line or a header: a table, whatever its kind
        # ("…支出决算表（续表）" atop the next page: the table goes on)
        plain = _CONTINUED_MARK.sub("", stripped) if "续" in stripped[-_CONTINUED_MARK_LENGTH:] else stripped
        if match is None and plain.endswith("表") and (titled_unit or _unit_line_follows(stripped_lines, index)
                                                       or _header_follows(stripped_lines, index)
                                                       or _form_number_follows(stripped_lines, index)
                                                       or _numbered_above(stripped_lines, index)):
            match = _PLAIN_TITLE.match(_HALF_WIDTH(plain))
            laid_out = match is not None
        if match and number is None and form_number is not None:
            number = int(form_number)
        if match:
            kind = table_kind(match.group("title"))
            if economic_tail:
                kind, normal = _by_economic_class(kind), normal + economic_tail
            if kind and starts and data_seen and (_continues(starts[-1], kind, normal, stripped_lines, index)
                                                  or ((_CONTINUED_LEAD.match(normal) or _CONTINUED_MARK.search(normal))
                                                      and starts[-1][1] == kind)):
                data_seen = False  # (nor does its header, printed again, start a table of its own)
                continue  # the title printed again atop the next page, over rows that go on (or "（续表）收入决算表")
            # A 绩效 or 政府采购 table is named in the text too ("详见项目支出绩效目标表"): a start when numbered or laid out.
            if kind and (number is not None or kind not in UNREAD_KINDS or laid_out):
                lead = len(raw) - len(raw.lstrip())
                starts.append((index, kind, number, normal, offset + lead, end))
                current_kind, data_seen, header = kind, False, set()
                continue
        if current_kind is None:
            continue
        words = _WHITESPACE.sub("", stripped)
        untitled = _untitled_kind(_HALF_WIDTH(stripped)) if "计" in stripped and words not in header else None
        # (not the table's own header printed again atop the next page: "科目编码 科目名称 本年支出合计 …")
        if not data_seen:
            header.add(words)
        if untitled and data_seen and untitled != current_kind:
            lead = len(raw) - len(raw.lstrip())
            starts.append((index, untitled, None, "", offset + lead, offset + len(raw.rstrip())))
            current_kind, data_seen, header = untitled, False, {words}
        elif not data_seen and (_DECIMALS_ANY_WIDTH.search(stripped) or stripped.startswith("注")):
            data_seen = True
        if _is_part(stripped):
            current_kind = None
    return starts


def _by_economic_class(kind: str | None) -> str | None:
    """The kind of a table whose title says it is by economic classification: a spending table's rows are
    economic subjects (:data:`ECONOMIC`); another fund's, or another kind's, are none disclint reads."""
    return ECONOMIC if kind in (EXPENDITURE, GENERAL, FISCAL, ECONOMIC) else None if kind in (FUND, STATE_CAPITAL) else kind


def _continues(start: tuple, kind: str, title: str, stripped_lines: list[str], index: int) -> bool:
    """Whether a title at line ``index`` repeats the title of the table started at ``start`` (its kind
    and words) atop a page whose first row of amounts is no 合计: the table goes on."""
    if start[1] != kind or start[3].replace(" ", "") != _CONTINUED_MARK.sub("", title).replace(" ", ""):
        return False
    lines = (line for line in stripped_lines[index + 1:] if line)
    for line in itertools.islice(lines, _CONTINUED_REACH):
        if _DECIMALS_ANY_WIDTH.search(line):
            return not _HALF_WIDTH(line).lstrip().startswith(_TOTAL_NAMES)
    return False


#: A title's marks that it is continued ("…支出表（续）", "…支出表(续表)", "续表" on the line below).
_CONTINUED_MARK = compile_re(r"(?:\s*[(（]续表?[)）]|\s*续表\s*\d{0,2})+\s*$")
#: How far from a title's end its continuation mark's 续 stands at most ("（续表）", "续表 12").
_CONTINUED_MARK_LENGTH = 8
#: A continuation mark opening a title ("（续表）收入决算表", "续表 收入决算表").
_CONTINUED_LEAD = compile_re(r"\s*[(（]?续表[)）]?")
#: How many lines (not blank) under a repeated title its first row of amounts may stand (unit line,
#: header lines, rows of blank cells).
_CONTINUED_REACH = 8


def _table_number(text: str) -> int | None:
    """A table's number, printed in digits or as a Chinese numeral ("十一"); None for a numbered part of a
    group ("表2-2", as Guangdong numbers them: the title names the table)."""
    return int(text) if text.isdigit() else chinese_int(text)


def _other_title(stripped_lines: list[str], index: int) -> bool:
    """Whether line ``index`` titles a table of a kind disclint does not read ("某局2025年政府采购预算表", a
    spending table by economic classification, with a unit line under it): the table above ends there."""
    line = stripped_lines[index]
    if _BY_ECONOMIC_CLASS.search(line) and "基本支出" not in line and "\t" not in line and len(line) <= 50:
        return _unit_line_follows(stripped_lines, index)  # "表2-1　财政拨款支出预算表（部门经济分类科目）"
    return (line.endswith("表") and "\t" not in line and len(line) <= 50 and not _FORM_NUMBER.fullmatch(line)
            and not CONTINUED_TITLE.search(line)  # "续表" over the unit line atop the next page: the table goes on
            and table_kind(line) is None and _unit_line_follows(stripped_lines, index))


#: A title's note that the table is by economic classification ("（部门经济分类科目）"): none of the tables read
#: by subject (a 基本支出 table aside).
_BY_ECONOMIC_CLASS = compile_re(r"表\s*[（(][^（）()]{0,10}经济分类[^（）()]{0,10}[）)]$")


#: An enumeration before a row's name: "一、", "（三）", "(3)".
_ENUMERATION_PREFIX = compile_re(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]{1,3}[)）])")
#: A heading of the narrative ("一、关于2025年收支预算总体情况说明", "（三）支出决算具体情况"): the table above it
#: has ended (a row label such as "一、本年收入" names no 说明 or 情况).
_NARRATIVE_HEADING = compile_re(r"(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])[^\t\d，。：:]{0,24}(?:\d{4}年度?)?[^\t\d，。：:]{2,40}(?:情况说明|说明|情况)")
#: A form's number on a line of its own ("公开05表"), above a table's unit line: no title.
_FORM_NUMBER = compile_re(rf"{FORM_PREFIX}?\s*\d{{1,2}}\s*表|{FORM_PREFIX}表\s*\d{{1,2}}")


def _unnumbered_heading(line: str) -> bool:
    """Whether a stripped line is a section's heading printed without a number ("政府性基金预算财政拨款收支决算情况说明",
    "名词解释" after a table): no row's name ends so."""
    return line.endswith(("情况说明", "名词解释")) and "\t" not in line and len(line) <= 40


def _heads_a_table(line: str) -> bool:
    """Whether a stripped line is a numbered heading naming a table ("九、项目支出绩效目标表" over the table's own
    title): the table above has ended."""
    return line.endswith("表") and "\t" not in line and _ENUMERATION_PREFIX.match(line) is not None \
        and table_kind(line) is not None


def _is_part(line: str) -> bool:
    """Whether a stripped line opens a part of the document ("第三部分", "附件", "二、…情况说明");
    its first character is tested first, the pattern only where it may start."""
    return line[:1] in _PART_FIRST and bool(_PART.match(line))


#: What may follow a table's title on its line: a footnote's mark ("[^1]", "[1]", "<sup>1</sup>", "（注1）", "*"),
#: its unit ("（单位：万元）", " 单位：万元"), its classification by function ("（按功能科目分类）": the table of the
#: kind its words name; "（按经济科目分类）" stays, a table of economic subjects titled alike is not of that kind) or
#: another qualifier in words ("基本支出预算表（人员类、运转类公用经费项目）"; not a number, a mark that it goes on, or a
#: note that it is published elsewhere).
_TITLE_TAIL = compile_re(r"(?:\s*(?:\[\^?[^\[\]]{1,8}\]|<sup>[^<]{0,8}</sup>|[(（]注\s*\d{0,2}[)）]|\*+"
                         r"|[(（]?(?:金额)?单位\s*[:：]\s*(?:亿元|万元|元)[)）]?"
                         r"|[(（]按?(?:支出)?功能(?:分类)?(?:科目)?(?:分类)?[)）]|[(（]20\d{2}年度?[)）]"
                         r"|[(（](?![^()（）]*(?:略|见|另行|经济|续))[^()（）\d表]{2,20}[)）]))+$")
#: A 基本支出 table's classification by economic subject ("表3-1 一般公共预算基本支出预算表（部门经济分类）"): the
#: classification every 基本支出 table has.
_ECONOMIC_TAIL = compile_re(r"\s*[(（]按?(?:部门|政府)?(?:预算)?(?:支出)?经济(?:分类)?(?:[类款项]级)?(?:科目)?(?:分类)?"
                            r"(?:\s*[-－—–]{1,2}\s*(?:部门|政府)(?:预算)?)?[)）]$")  # ("（按支出经济分类科目-部门预算）", "（经济分类款级科目）")
_TAIL_ENDS = ("]", ">", ")", "）", "*", "元")


def _title_wrapped_below(stripped_lines: list[str], index: int) -> int | None:
    """The index of the line ending the title that line ``index`` starts, as a narrow column wraps it: a
    numbered one ("表七　…“三公”经" over "费支出决算表", "表八…收入支出决算" over "表"), or one over a unit line
    ("财政拨款“三公”经费、行政参公单位机关运行" over "经费情况表"); else None."""
    line = stripped_lines[index]
    if line.endswith("表") or len(line) > _WRAP_WIDTH or index + 1 >= len(stripped_lines):
        return None
    below = stripped_lines[index + 1]
    if not below.endswith("表") or len(below) > _WRAP_WIDTH or below.startswith("表") and len(below) > 1:
        return None
    joined = _HALF_WIDTH(line + below)
    if line.startswith("表"):
        match = _BUDGET_TITLE.match(joined) or _TITLE.match(joined)
    elif not _TITLE_HEAD.fullmatch(line) or _ITEM_MARK.match(below) or _DISCLOSURE_END.search(line) \
            or _NUMBER_LABEL.fullmatch(below):
        # a page number or an amount above a title ("-6-", "第18页"), a title of its own under the document's
        # ("2026年部门预算" over "二、一般公共预算支出表"), or one over its form's number ("…总表（续）" over "公开01表")
        return None
    else:
        match = _PLAIN_TITLE.match(joined) if _unit_line_follows(stripped_lines, index + 1) else None
    return index + 1 if match and table_kind(match.group("title")) else None


#: The first line of an unnumbered title wrapped over two: words (after its year, if any), no other number.
_TITLE_HEAD = compile_re(r"(?:20\d{2}年度?)?[\u4e00-\u9fff“”\"、（）()]{6,}")
#: The end of a disclosure's own title ("…2026年部门预算", "2024年度单位决算").
_DISCLOSURE_END = compile_re(r"(?:部门|单位)(?:预算|决算)$")
#: The longest line a narrow column's wrapped title spans.
_WRAP_WIDTH = 30


def _may_be_title(line: str) -> bool:
    """Whether a stripped line starts or ends as every title does (a quick test before the title
    patterns; brackets full-width or not)."""
    return line.startswith("表") or line.endswith(("表", ")", "）"))


def _unit_line_follows(stripped_lines: list[str], index: int) -> bool:
    """Whether one of the next three non-blank lines is a unit line: bare ("单位：万元"), after the
    table's number ("公开01表    单位：万元") or after the department ("部门：某局    金额单位：元")."""
    following = [line for line in stripped_lines[index + 1:index + 8]
                 if line and (_UNIT_LINE.fullmatch(line) or not _TITLE_FURNITURE.fullmatch(line))][:3]
    return any(_UNIT_LINE.fullmatch(line) for line in following)


def _numbered_above(stripped_lines: list[str], index: int) -> bool:
    """Whether the line above (past blank lines) only numbers the table ("表6" over "项目支出绩效目标表（2025年度）")."""
    above = next((line for line in reversed(stripped_lines[max(0, index - 3):index]) if line), "")
    return _NEXT_TABLE_NUMBER.match(above) is not None


def _form_number_follows(stripped_lines: list[str], index: int) -> bool:
    """Whether the next non-blank line is a form's number ("公开02表"): a title a PDF's text prints above it."""
    following = next((line for line in stripped_lines[index + 1:index + 3] if line), "")
    return _FORM_NUMBER_LINE.fullmatch(following) is not None


#: A form's number on a line of its own, as the 公开 tables are numbered ("公开02表", "附表2" is a title's).
_FORM_NUMBER_LINE = compile_re(rf"{_PUBLIC_FORM}\s*(?:\d{{1,2}}\s*表|表\s*\d{{1,2}})")


#: A form's number in a cell after a title on its line ("…决算表		公开05表", "…决算表	部门公开表02", "…预算表（按功能科目分类）
#: 		公开05表").
_FORM_NUMBER_CELL = compile_re(rf"(?<=[表)）])[ \t\u3000]+(?:{FORM_PREFIX}\s*(?P<number>\d{{1,2}})\s*表|{FORM_PREFIX}表\s*(?P<after>\d{{1,2}}))$")


#: Lines a PDF's text may print between a title and its unit line, each on its own: the form's number, the
#: department, the year ("公开01表", "编制单位：隆德县民政局", "2024年度").
_TITLE_FURNITURE = compile_re(rf"{_FORM_NUMBER.pattern}|{ISSUER}(?:名称)?\s*[:：]\s*\S{{2,30}}(?:\s+{_FORM_NUMBER.pattern})?"
                              rf"|20\d{{2}}\s*年度?"
                              r"|[(（]\s*20\d{2}\s*年度?\s*[)）]"
                              r"|收\s*入\s+支\s*出")  # a two-sided table's sides over its header


#: What parts the cells of a line: a tab, or a run of spaces (two or more, or full-width ones).
_CELL_GAP = compile_re(r"\t|[ \u3000]{2,}|\u3000")


#: The first field of a project's form, its name in the next cell.
_FORM_FIELD = compile_re(r"项目名称(?:\t|[ \u3000]{2,})\S")


def _header_follows(stripped_lines: list[str], index: int) -> bool:
    """Whether the next non-blank line is a table's header of cells naming its rows' keys ("科目编码	科目名称	…",
    "项目	行次	金额"), a 基本支出 table's blocks ("人员经费			公用经费") or a project's form, past a line giving
    the year ("（2024年度）"), or a 三公 table's ("预算数	…	决算数", "因公出国（境）费"): a title printed without a unit
    line (a table of contents lists titles only)."""
    following = next((line for line in stripped_lines[index + 1:index + 4]
                      if line and not _NUMBER_LABEL.fullmatch(line) and not _TITLE_FURNITURE.fullmatch(line)), "")
    # (a 绩效自评表's form opens with its project's name: "项目名称	第五次全国经济普查经费")
    return (len(_CELL_GAP.split(following)) >= 3 and (_KEY_TITLE.search(following) is not None or following.startswith("人员经费"))
            or _FORM_FIELD.match(following) is not None
            or ("预算数" in following and "决算数" in following) or "因公出国" in following)  # a 三公 table's blocks


def _untitled_kind(line: str) -> str | None:
    """The kind of table a header line without a title announces (001 omits 表2/表3 titles)."""
    if "计" not in line or _DECIMALS.search(line):
        return None  # both headers name a 合计
    compact = _WHITESPACE.sub("", line)
    if "本年收入合计" in compact and "财政拨款收入" in compact:
        return INCOME
    if "本年支出合计" in compact and "基本支出" in compact and "项目支出" in compact:
        return EXPENDITURE
    return None


#: What a cell prints for nothing ("-", "—", "/"): an empty cell.
_EMPTY_MARKS = frozenset({"-", "--", "—", "——", "–", "/", "－"})


def _tokens(offset: int, raw: str, line: int) -> list[_Token]:
    """Cells of one line: tab cells (kept with their index, even empty), or space-separated words
    with adjacent words of text joined ("总 计" → "总计", "收    入"), unless a column's gap parts them."""
    text = _HALF_WIDTH(raw)
    tokens = []
    if "\t" in text:
        position, before, named = 0, "", False
        for index, cell in enumerate(text.split("\t")):
            lead = len(cell) - len(cell.lstrip())
            stripped = "" if cell.strip() in _EMPTY_MARKS else cell.strip()
            compact = _SPACES.sub("", stripped) if not _NUMBER.match(stripped) else stripped
            if compact and compact == before and (not _NUMBER.match(compact) or (not named and _CODE.match(compact))):
                # a merged cell its converter repeated ("| 合计 | 合计 |", a code over the 类, 款 and 项 columns
                # before the row's name: "201 | 201 | 201 | 一般公共服务支出"): printed once
                compact = stripped = ""
            else:
                before = compact
            named = named or bool(_HAN.search(compact))
            start = offset + position + lead
            tokens.append(_token(compact, start, start + len(stripped), index, line))
            position += len(cell) + 1
        return tokens
    if "  " in text:  # cells apart by runs of spaces: a single space inside an amount parts its thousands ("1 625.38")
        text = _SPACED_THOUSANDS.sub(lambda m: m.group().replace(" ", ","), text)
    match_before = ""  # the word before, as printed
    for match in _WORD.finditer(text):
        if match.group() in _EMPTY_MARKS:  # an empty cell printed: it keeps its place among the cells
            tokens.append(_token("", offset + match.start(), offset + match.end(), -1, line))
            continue
        token = _token(match.group(), offset + match.start(), offset + match.end(), -1, line)
        previous = tokens[-1] if tokens else None
        gap = token.start - previous.end if previous else 0
        if previous and not (token.is_number or token.is_malformed or previous.is_number or previous.is_malformed) \
                and gap < _COLUMN_GAP and (gap < 2 or len(token.text) == 1 or len(match_before) == 1):
            tokens[-1] = _token(previous.text + token.text, previous.start, token.end, -1, line)
        else:
            tokens.append(token)
        match_before = match.group()
    return tokens


#: An amount whose thousands a single space parts, as scanned text prints them ("1 625.38").
_SPACED_THOUSANDS = compile_re(r"(?<![\d.,])\d{1,3}(?: \d{3})+\.\d+(?![\d.,])")
#: Spaces between two words of text that part two cells (``pdftotext -layout``: "（二）政府性基金预算拨款
#: ⏵17 spaces⏴ 二、结转下年"); a title spaced out ("收    入") has fewer. Two words of several characters each two spaces
#: apart or more are two cells ("年初预算数   调整预算数   决算数").
_COLUMN_GAP = 8


def _next_line(lines: list[tuple[int, str]], body: list[int], position: int) -> str:
    """The next non-blank line of the body after ``body[position]``."""
    following = (lines[i][1].strip() for i in body[position + 1:position + 4])
    return next((line for line in following if line), "")


def _starts_row(tokens: list[_Token], next_line: str) -> bool:
    """Whether a line opens the rows of a table printed without a 栏次 line: a subject code, or
    a 合计 with its amounts on the line or on the next one."""
    words = [t for t in tokens if t.text]
    if not words:
        return False
    if words[0].text in _TOTAL_NAMES:
        # (its change's rate too, in a tab-laid line: "合计	120000.00	102000.00	-18000.00	-15.00%"; a space-laid one's cells
        # are placed by its header's titles, which a header of two lines may not give)
        amounts = words[1:] or _tokens(0, next_line, -1)
        tabbed = all(t.index >= 0 for t in words)
        return bool(amounts) and all(t.is_number or t.is_malformed or (tabbed and _RATE_CELL.fullmatch(t.text)) for t in amounts)
    return re.fullmatch(r"[12]\d{2}", words[0].text) is not None


#: A rate in a cell ("-15.00%", "3.5%").
_RATE_CELL = compile_re(r"[-－]?\d{1,4}(?:\.\d{1,2})?%")


def _starts_year_row(tokens: list[_Token]) -> bool:
    """Whether a line opens a 三公 table's rows of a year or a block ("2025年预算数  12.80  -  9.60 …")."""
    words = [t for t in tokens if t.text]
    if len(words) < 2 or words[0].is_number or not all(t.is_number for t in words[1:]):
        return False
    return _YEAR_ROW.fullmatch(words[0].text) is not None or _BLOCK_ROW.fullmatch(words[0].text) is not None


def _starts_sangong_total(tokens: list[_Token]) -> bool:
    """Whether a line opens a 三公 table's rows of a quantity each with their total ("一、“三公”经费支出  1
    145,000.00  110,960.60", the 行次 and the amounts of each block after it)."""
    words = [t for t in tokens if t.text]
    return len(words) >= 2 and not words[0].is_number and all(t.is_number for t in words[1:]) \
        and _SANGONG_ITEMS[0].search(_ITEM_MARK.sub("", _HALF_WIDTH(words[0].text))) is not None


def _header_columns(tokens: list[_Token]) -> dict[int, int] | None:
    """``{cell index or position: 栏次}`` when the line is the 栏次 line (integers 1..n, no amounts)."""
    numbers = [t for t in tokens if t.text and (t.is_number or t.text[0].isdigit())]
    if not numbers or any(not t.is_integer and not _FORMULA_NUMBER.fullmatch(t.text) for t in numbers):
        return None
    values = [_column_number(t) for t in numbers]
    if values != list(range(1, len(values) + 1)):
        return None
    texts = [t.text for t in tokens if t.text and not t.is_number]
    if any(len(text) > 12 for text in texts):
        return None
    return {(t.index if t.index >= 0 else position): value
            for position, (t, value) in enumerate(zip(numbers, values))}


def _project_row(tokens: list[_Token]) -> bool:
    """Whether a line of a project table without codes or a 栏次 line is a project's row: a name (after its
    category, if any: "特定目标类 | 审计业务经费"), maybe the subject it is charged to (its code, maybe its name), then
    amounts ("G235国道改建工程 | 12,480.00", "农牧业实用技术推广服务  2130106  科技转化与推广服务  44.50")."""
    words = [t for t in tokens if t.text]
    charged = next((i for i in range(1, len(words)) if _charged_subject(words, i)), None)
    if charged is not None:
        words = words[:charged] + words[charged + _charged_subject(words, charged):]
    first = next((i for i, t in enumerate(words) if t.is_number), None)
    return (first is not None and first > 0 and all(t.is_number for t in words[first:])
            and not _header_columns(tokens))


def _charged_subject(words: list[_Token], at: int) -> int:
    """How many of ``words`` from ``at`` name the subject a project is charged to after its name: its code and its
    name (2, "2130106 | 科技转化与推广服务"), its code alone (1), or none (0)."""
    if at >= len(words) or not _SUBJECT_CODE.match(words[at].text):
        return 0
    return 2 if at + 1 < len(words) and not words[at + 1].is_number else 1


def _with_titles_above(tokens: list[_Token], above: list[_Token]) -> list[_Token]:
    """A tab-separated header line's cells, each empty one titled by the cell above it, as a header of two lines
    prints a title over the cells it spans or over none ("科目编码	科目名称	年初结转和结余	本年支出			年末结转和结余"
    over "				小计	基本支出	项目支出	")."""
    if not above or any(t.index < 0 for t in (*tokens, *above)):
        return tokens
    own = {t.index: t for t in tokens if t.text}
    upper = {t.index: t for t in above if t.text}
    return [own.get(index) or upper[index] for index in sorted(own.keys() | upper.keys())]


#: The title of a column of words, not amounts, beside a row's name ("资金来源", "项目类别", "实施单位", "备注").
_TEXT_COLUMN = compile_re(r"(?:来源|类别|类型|分类|性质|实施单位|主管部门|备注|说明|期限)$")


def _titled_columns(titles: list[_Token], data_lines: list[list[_Token]]) -> dict[int, int] | None:
    """``{cell index: column}`` for a tab-separated table printed without a 栏次 line, whose last
    header line titles the cells after the name ("科目编码	科目名称	合计	基本支出	项目支出"): the
    titled cells are columns 1, 2, … in order. None unless every line is tab-separated and every
    amount of the rows stands in a titled cell."""
    if not any("名称" in t.text or t.text == "项目" for t in titles) or any(t.index < 0 for t in titles):
        return None
    # The amounts stand after the last cell naming or coding a row ("项目名称 | 科目编码 | 科目名称 | 合计").
    named = max(t.index for t in titles if "名称" in t.text or t.text == "项目" or t.text.endswith("编码"))
    # (a column of words beside a project's name holds no amount: "项目名称 | 资金来源 | 预算数")
    cells = [t.index for t in titles if t.text and t.index > named and not t.is_number and not _TEXT_COLUMN.search(t.text)]
    if not cells:
        return None
    columns = {index: column for column, index in enumerate(cells, 1)}
    amounts = [t for tokens in data_lines for t in tokens if t.is_number and t.index > named]  # before: a code, a 序号
    if not amounts or any(t.index not in columns for t in amounts):
        return None
    return columns


def _full_space_rows(title_line: str, data_lines: list[list[_Token]]) -> tuple[list[list[_Token]], dict[int, int]] | None:
    """The rows of a space-separated table printed without a 栏次 line, as cells, when every row
    prints all its amounts: its last header line titles ``k`` columns after the name ("科目编码 科目名称
    合计 基本支出 项目支出"), and every line is a whole row (a code or none, a name, ``k`` amounts). The
    amounts are then the titled columns in order; ``(rows as cells, {cell index: column})``, the
    code in cell 0 and the name in cell 1. None when a row prints fewer amounts (which cells are
    empty cannot be told) or a line is not a whole row."""
    count = _titles_after_name(title_line)
    rows = _whole_rows(data_lines, count, count, codes=_row_codes(title_line)) if count >= 2 else None
    if not rows:
        return None
    return _as_cells(rows, [list(range(count))] * len(rows)), {index: index - 1 for index in range(2, count + 2)}


def _whole_rows(data_lines: list[list[_Token]], fewest: int, most: int, bare: bool = False,
                codes: re.Pattern = _CODE) -> list[tuple] | None:
    """``(code or None, name, amounts)`` of each line, when every line is a whole row printing from
    ``fewest`` to ``most`` amounts after its name, maybe after a code of ``codes`` (a subject's; a unit's, "301001
    株洲市渌口区文化馆  144.49 …"; an economic class's), or, ``bare``, a line of amounts alone (a 三公 table's one row);
    else None. A project's name is its tokens with the subject it is charged to ("农牧业实用技术推广服务  2130106
    科技转化与推广服务  44.50  36.50")."""
    rows = []
    for tokens in data_lines:
        words = [t for t in tokens if t.text]
        if bare and fewest <= len(words) <= most and all(t.is_number for t in words):
            rows.append((None, [], words))
            continue
        code = words[0] if len(words) > 1 and codes.match(words[0].text) and not words[1].is_number else None
        rest = words[1:] if code else words
        named = 3 if code is None and len(rest) > 3 and _charged_subject(rest, 1) == 2 else 1
        if not fewest + named <= len(rest) <= most + named or rest[0].is_number \
                or not all(t.is_number for t in rest[named:]):
            return None
        rows.append((code, rest[:named], rest[named:]))
    return rows


def _as_cells(rows: list[tuple], columns: list[list[int]]) -> list[list[_Token]]:
    """The rows as cells: the code in cell 0, the name in cell 1, each amount in cell 2 + its column."""
    return [[t._replace(index=i) for i, t in ((0, code), *((1, word) for word in name)) if t is not None]
            + [t._replace(index=2 + j) for t, j in zip(amounts, placed)]
            for (code, name, amounts), placed in zip(rows, columns)]


def _merged_title_line(upper: str, lower: str) -> str:
    """The line titling a space-laid table's columns when its header has a second line under the one naming its rows
    (``upper``, with its 名称 or 项目 word): each title of ``upper`` with the words printed under it (in display columns),
    as one title when one word stands there ("2026年" over "预算数") or replaced by them when several do ("2026年预算数"
    over "小计 基本支出 项目支出"); ``lower`` itself when ``upper`` names no rows, ``lower`` does, or a word of ``lower``
    stands under two titles or beside the rows' names (the lines are not laid out in columns, as pdfplumber's text
    is not: "科目名称 计 入 收入" over "科目编码 缴收入")."""
    if not upper or "\t" in upper or "\t" in lower or _titles_after_name(lower) or not _titles_after_name(upper):
        return lower
    if not _CELL_GAP.search(upper):
        return _block_titled_by_its_year(upper, lower)
    words = _display_spans(upper)
    named = _naming_span(words)
    above = words[named + 1:]
    below = _display_spans(lower)
    under = [[span for span in below if span[1] < end and start < span[2]] for _, start, end in above]
    if not below or below[0][1] < words[named][2] or any(sum(span in found for found in under) > 1 for span in below):
        return lower
    placed = [span for title, found in zip(above, under)
              for span in (found if len(found) > 1 else [(title[0] + found[0][0], title[1], title[2])] if found else [title])]
    placed += [span for span in below if not any(span in found for found in under)]
    line = " ".join(span[0] for span in words[:named + 1])
    for word, start, _end in sorted(placed, key=lambda span: span[1]):
        line += " " * max(1, start - display_width(line)) + word
    return line


def _block_titled_by_its_year(upper: str, lower: str) -> str:
    """The titles of a header laid out by single spaces (pdfplumber's text), whose second line titles the columns of the
    first line's latest year's block, and maybe of its block of the change ("科目编码 科目名称 2025年执行数 2026年预算数 增减
    增减率" over "小计 基本支出 项目支出"; "… 上年预算数 本年预算数 本年比上年增减" over "小计 基本支出 项目支出 增减额 增减率
    （%）"): that year's title replaced by its columns, each titled by the year ("2026年小计 …", "本年小计 …"), the change's by
    its own; ``lower`` itself otherwise."""
    below, words = lower.split(), upper.split()
    periods = [(_PERIOD.fullmatch(word), i) for i, word in enumerate(words)]
    periods = [(int(match["year"]) if match["year"] else _RELATIVE_YEARS[match["word"][0]], i) for match, i in periods if match]
    latest = max(periods, default=None)
    if len(below) < 2 or latest is None or [year for year, _ in periods].count(latest[0]) > 1:
        return lower
    own = list(itertools.takewhile(lambda word: word in _THIS_YEARS_TITLES, below))
    changes = below[len(own):]
    block = next((i for i, word in enumerate(words) if _CHANGE_BLOCK.fullmatch(word)), None)
    if len(own) < 2 or (changes and (block is None or not all(_CHANGE_COLUMN.fullmatch(word) for word in changes))):
        return lower
    year = words[latest[1]][:2] if latest[0] == _RELATIVE_YEARS["本"] else f"{latest[0]}年"  # ("本年预算数" → "本年")
    titled = [*words[:latest[1]], *(f"{year}{word}" for word in own), *words[latest[1] + 1:]]
    if changes:
        at = titled.index(words[block])
        titled[at:at + 1] = changes
    return " ".join(titled)


def _display_spans(line: str) -> list[tuple[str, int, int]]:
    """``(word, start, end)`` of each word of a space-laid line, in display columns."""
    line = _HALF_WIDTH(line)
    return [(word.group(), display_width(line[:word.start()]), display_width(line[:word.end()])) for word in _WORD.finditer(line)]


def _naming_span(spans: list[tuple[str, int, int]]) -> int | None:
    """The index of the word naming a header line's rows among its :func:`_display_spans` ("科目名称", "项目"), if any."""
    return next((i for i, (word, _, _) in enumerate(spans) if "名称" in word or word == "项目"), None)


def _titles_on_one_line(header_raws: list[str], title_line: str) -> bool:
    """Whether a space-laid header titles every column on its line naming the rows (``title_line``): it is the header's
    one line, or each word of its other lines after the rows' names stands over titles of it or names a group of them
    (:data:`_GROUP_TITLE`: "财政拨款" centred over "小计  一般公共预算  政府性基金"), so that no column is titled on another
    line alone ("本年收入" over nothing, beside "小计  基本支出  项目支出")."""
    if len(header_raws) == 1:
        return True
    if title_line not in header_raws or not _CELL_GAP.search(title_line.strip()):
        return False
    below = _display_spans(title_line)
    named = _naming_span(below)
    if named is None:
        return False
    titles = below[named + 1:]
    return all(any(start < title_end and title_start < end for _, title_start, title_end in titles)
               for line in header_raws if line != title_line
               for word, start, end in _display_spans(line) if end > below[named][2] and not _GROUP_TITLE.fullmatch(word))


def _titling_line(header_raws: list[str], title_line: str) -> str | None:
    """The header line whose titles show where a space-laid table's columns end: ``title_line`` when it titles every
    column on its own (:func:`_titles_on_one_line`), or, when it was merged from the header's lines (see
    :func:`_merged_title_line`: "一般公共预算" over "拨款收入"), the header's line naming the rows that titles as many
    columns, every word under it standing under one of its titles; else None."""
    if title_line in header_raws or len(header_raws) == 1:
        return title_line if _titles_on_one_line(header_raws, title_line) else None
    count = _titles_after_name(title_line)
    raw = next((line for line in header_raws if _titles_after_name(line) == count), None)
    return raw if raw is not None and _titles_on_one_line(header_raws, raw) else None


#: The title of a group of columns, never of one column alone (the funds 财政拨款 counts: 小计, 一般公共预算, 政府性基金 …).
_GROUP_TITLE = compile_re(r"(?:财政拨款|其中)[:：]?")


def _titles_after_name(title_line: str) -> int:
    """How many columns a space-separated header line titles after its 名称 (or 项目) word; 0 without one."""
    return 0 if "\t" in title_line else len(_title_ends(title_line, False))


def _spaced_cells(title_line: str, data_lines: list[list[_Token]], lines: list[tuple[int, str]], header_raws: list[str],
                  pages: list[tuple[int, str]]):
    """The rows of a space-separated table printed without a 栏次 line, as cells, and their columns (see
    :func:`_full_space_rows` and :func:`_aligned_rows`), the pieces of names wrapped over lines joined to their rows
    first (a name's tail alone under its row: "2080505  机关事业单位基本养老保险缴费  390663.68 …" / "支出"); None when
    they cannot be told."""
    title_line = _wrapped_title_put_back(title_line, header_raws)
    bounds = [0, *(start for start, _ in pages), len(data_lines)]
    parts = [_names_joined(data_lines[first:end]) for first, end in zip(bounds, bounds[1:])]
    joined = [line for part in parts for line in part]
    pages = [(start, raw) for start, (_, raw) in zip(itertools.accumulate(len(part) for part in parts), pages)]
    return _full_space_rows(title_line, joined) or _aligned_rows(title_line, joined, lines, _titling_line(header_raws, title_line), pages)


#: The columns of the 决算's 收入决算表 and 支出决算表, in order (a title wrapped over the header's lines is put back in its
#: place among them, see :func:`_wrapped_title_put_back`).
_STANDARD_COLUMNS = (("本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"),
                     ("本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"))


def _wrapped_title_put_back(title_line: str, header_raws: list[str]) -> str:
    """The header line titling a single-spaced table's columns with the title of a cell wrapped and centred around it
    put back in its place ("附属单位上缴收" over "科目编码 科目名称 本年收入合计 … 经营收入 其他收入" over "入", as pdfplumber's
    text prints it): where the standard columns place it among the line's titles. ``title_line`` otherwise."""
    lines = [raw.strip() for raw in header_raws]
    named = [i for i, line in enumerate(lines) if _titles_after_name(line) >= 2]
    if len(named) != 1 or not 0 < (at := named[0]) < len(lines) - 1 or "\t" in lines[at] or _CELL_GAP.search(lines[at]) \
            or any(_WHITESPACE.search(lines[i]) for i in (at - 1, at + 1)):
        return title_line
    wrapped, words = lines[at - 1] + lines[at + 1], lines[at].split()
    for columns in _STANDARD_COLUMNS:
        titles = [word for word in words if word in columns]
        if wrapped not in columns or wrapped in words or len(titles) < 2 \
                or [columns.index(t) for t in titles] != sorted(columns.index(t) for t in titles):
            continue
        place = words.index(titles[0]) + sum(1 for t in titles if columns.index(t) < columns.index(wrapped))
        return " ".join([*words[:place], wrapped, *words[place:]])
    return title_line


def _aligned_rows(title_line: str, data_lines: list[list[_Token]], lines: list[tuple[int, str]], titled_by: str | None = None,
                  pages: list[tuple[int, str]] = ()):
    """The rows of a space-separated table printed without a 栏次 line whose empty cells are blank, as
    cells (see :func:`_full_space_rows`), when its amounts stand in columns: the rows printing every
    amount show where each column's amounts end, counted in characters or in display width (a Chinese
    character two columns wide, as a PDF's text is laid out), and each other amount ends where exactly
    one column's do. None when a line is not a whole row, no row prints every amount (unless ``titled_by``: the header
    line whose titles then show where the columns are, see :func:`_titling_line` and :func:`_columns_by_titles`), or an
    amount stands under no column or under a column another amount of its row took. A page that printed the titles
    again (``pages``: its first row, its titling line) lays its own columns, placed on their own."""
    count = _titles_after_name(title_line)
    rows = _whole_rows(data_lines, 1, count, codes=_row_codes(title_line)) if count >= 2 else None
    if rows is None:
        return None
    placements = set()
    starts, titlings = [0, *(start for start, _ in pages), len(rows)], [titled_by, *(raw for _, raw in pages)]
    for measure, display in ((_character_end, False), (_display_end, True)):
        placed = []
        for first, end, titling in zip(starts, starts[1:], titlings):
            ends = [[measure(t, lines) for t in amounts] for _c, _n, amounts in rows[first:end]]
            page = _columns_by_end(ends, count) or (titling is not None and _columns_by_titles(ends, _title_ends(titling, display)))
            if not page:
                break
            placed += page
        else:
            placements.add(tuple(map(tuple, placed)))
    if len(placements) != 1:
        return None  # no measure lines the amounts up, or the two place them otherwise
    return _as_cells(rows, placements.pop()), {index: index - 1 for index in range(2, count + 2)}


def _placed_under_lanci(lanci_lines: list[tuple[int, list[_Token]]], data_lines: list[list[_Token]],
                        lines: list[tuple[int, str]], bare: bool = False, codes: re.Pattern = _CODE):
    """The rows of a space-separated table whose empty cells are blank, as cells (see
    :func:`_aligned_rows`), placed under its 栏次 line ("栏次  1  2  3", as ``pdftotext -layout`` prints
    it; ``lanci_lines``: that line and each page's again, by the index of the first row under it; see
    :func:`_columns_under`). None when a line is not a whole row, or an amount stands under no
    number or under one its row already filled."""
    pages = [(first, _lanci_numbers(tokens)) for first, tokens in lanci_lines]
    count = len(pages[0][1])
    rows = _whole_rows(data_lines, 1, count, bare, codes) \
        if count >= 2 and all(len(numbers) == count for _, numbers in pages) else None
    if rows is None:
        return None
    cases, full = [], []  # full: the amounts of the rows printing every column, whose 栏次 is certain
    for index, (_code, _name, amounts) in enumerate(rows):
        numbers = next(numbers for first, numbers in reversed(pages) if first <= index)
        cases += [(amount, numbers) for amount in amounts]
        if len(amounts) == count:
            full += [(amount, numbers, column) for amount, column in zip(amounts, sorted(numbers))]
    columns = _columns_under(cases, lines, full)
    if columns is None:
        return None
    in_rows = _in_rows(columns, [len(amounts) for _code, _name, amounts in rows])
    if in_rows is None:
        return None
    return _as_cells(rows, [[column - 1 for column in row] for row in in_rows]), {2 + j: column for j, column in enumerate(sorted(pages[0][1]))}


def _in_rows(columns: list[int], counts: list[int]) -> list[list[int]] | None:
    """``columns`` (one for each amount, row after row) split into each row's, ``counts`` the rows' numbers of amounts;
    None when a row's columns do not run left to right, each once."""
    taken = iter(columns)
    rows = [[next(taken) for _ in range(count)] for count in counts]
    return None if any(row != sorted(set(row)) for row in rows) else rows


def _lanci_numbers(tokens: list[_Token]) -> dict[int, _Token]:
    """The numbers of a 栏次 line, by the 栏次 each is."""
    return {_column_number(t): t for t in tokens if t.text and (t.is_integer or _FORMULA_NUMBER.fullmatch(t.text))}


#: A column's number with the formula that makes it ("3=2/1", "1=2+3", "4=(3-1)/1").
_FORMULA_NUMBER = compile_re(r"(\d{1,2})=[\d+\-*/×÷()（）栏]+")


def _column_number(token: _Token) -> int:
    """The number of a 栏次 cell, printed alone or with its formula ("3=2/1": 3)."""
    formula = _FORMULA_NUMBER.fullmatch(token.text)
    return int(formula.group(1)) if formula else decimal_int(token.text)


def _columns_under(cases: list[tuple], lines: list[tuple[int, str]], known: list[tuple] = ()) -> list[int] | None:
    """The 栏次 each amount stands under, for ``cases`` of ``(amount, {栏次: its number on the 栏次
    line})`` (one such mapping per page, and side of a two-sided table). Amounts are right-aligned:
    where they end gathers into tight columns. Amounts whose 栏次 is certain (``known``: ``(amount,
    mapping, 栏次)``, a row printing every column) show how far a column's amounts end aside from
    its number; each page's columns are then matched in order to the numbers they stand so aside from
    (:func:`_matched_numbers`). Without such amounts, an amount stands under the number its printed
    width covers (``_SHIFT`` places more either side). Counted in characters (as ``pdftotext
    -layout`` pads) or in display width (as an editor lines up Chinese text): of the two measures
    that place every amount, the one whose columns are tightest. None when neither does, or both do
    alike but place them otherwise."""
    starts = [offset for offset, _ in lines]
    groups: dict[int, list[int]] = defaultdict(list)  # by mapping (its id): the cases under it
    for index, (_amount, numbers) in enumerate(cases):
        groups[id(numbers)].append(index)
    found = []
    for display in (False, True):
        def at(token) -> tuple[int, int]:
            return _printed_at(token.start, token.end, lines, starts, display)

        asides = sorted(at(amount)[1] - sum(at(numbers[column])) / 2 for amount, numbers, column in known)
        aside = asides[len(asides) // 2] if asides else None
        ends = [at(amount)[1] for amount, _ in cases]
        columns: list[int | None] = [None] * len(cases)
        for members in groups.values():
            numbers = cases[members[0]][1]
            if aside is None:
                for i in members:
                    begin, end = at(cases[i][0])
                    under = [c for c, t in numbers.items() if begin - _SHIFT <= at(t)[0] and at(t)[1] <= end + _SHIFT]
                    columns[i] = under[0] if len(under) == 1 else None
                continue
            centres = sorted((sum(at(t)) / 2, column) for column, t in numbers.items())
            runs = _runs(sorted({ends[i] for i in members}))
            matched = _matched_numbers([(low + high) / 2 - aside for low, high in runs], centres)
            for i in members:
                columns[i] = next((column for (low, high), column in zip(runs, matched) if low <= ends[i] <= high), None) \
                    if matched else None
        if None not in columns:
            spread = defaultdict(list)
            for (_amount, numbers), column, end in zip(cases, columns, ends):
                spread[id(numbers), column].append(end)
            found.append((sum(max(e) - min(e) for e in spread.values()), columns))
    found.sort(key=lambda spread_columns: spread_columns[0])
    if not found or (len(found) == 2 and found[0][0] == found[1][0] and found[0][1] != found[1][1]):
        return None
    return found[0][1]


def _runs(ends: list[int]) -> list[tuple[int, int]]:
    """``ends`` (sorted) gathered into runs of places at most ``_RUN_GAP`` apart: ``(first, last)``."""
    runs: list[list[int]] = []
    for end in ends:
        if runs and end - runs[-1][1] <= _RUN_GAP:
            runs[-1][1] = end
        else:
            runs.append([end, end])
    return [(low, high) for low, high in runs]


def _matched_numbers(middles: list[float], centres: list[tuple[float, int]]) -> list[int] | None:
    """The 栏次 of each column of amounts (``middles``: where they end, less how far aside a column's
    amounts end from its number; left to right) among the numbers of the 栏次 line (``centres``:
    ``(middle, 栏次)``, left to right): the matching in order that sets the columns least off their
    numbers; None when columns outnumber numbers, a column stands more than ``_MISALIGNED`` places
    off, or another matching does within ``_AMBIGUOUS`` places as well."""
    if len(middles) > len(centres) or not middles:
        return None
    scored = sorted((max(abs(middle - centres[c][0]) for middle, c in zip(middles, chosen)), chosen)
                    for chosen in itertools.combinations(range(len(centres)), len(middles)))
    off, chosen = scored[0]
    if off > _MISALIGNED or (len(scored) > 1 and scored[1][0] - off < _AMBIGUOUS):
        return None
    return [centres[c][1] for c in chosen]


#: How far an amount's printed width may miss its 栏次 number and still stand under it (a page may
#: lay a table a little aside from its 栏次 line).
_SHIFT = 2
#: Ends of right-aligned amounts this many places apart or fewer are one column (a name's wide
#: characters move a row's amounts a place or two in ``pdftotext -layout`` text).
_RUN_GAP = 3
#: How far a column of amounts may stand off its number, once set aside as the certain amounts are.
_MISALIGNED = 3
#: How much better than any other the matching taken must do.
_AMBIGUOUS = 2


def _printed_at(start: int, end: int, lines: list[tuple[int, str]], starts: list[int], display: bool) -> tuple[int, int]:
    """Where original text ``[start, end)`` is printed on its line, in characters or display width."""
    offset, raw = lines[bisect.bisect_right(starts, start) - 1]
    before = _width(raw[:start - offset], display)
    return before, before + _width(raw[start - offset:end - offset], display)


def _width(text: str, display: bool) -> int:
    """How many places ``text`` takes: characters, or display columns (a wide character counts two)."""
    return display_width(text) if display else len(text)


def _columns_by_end(ends: list[list[int]], count: int) -> list[list[int]] | None:
    """The column (0 … ``count`` − 1) of each amount of each row, by where it ends (``ends``): the rows
    of ``count`` amounts fix where each column's amounts end (within one place); None when they do not
    line up, or an amount ends under no column or under one its row already filled."""
    full = [row_ends for row_ends in ends if len(row_ends) == count]
    if not full:
        return None
    anchors = [sorted(column)[len(column) // 2] for column in zip(*full)]
    if any(max(column) - min(column) > 1 for column in zip(*full)) or any(b - a < 3 for a, b in zip(anchors, anchors[1:])):
        return None
    placed = [[next((j for j, anchor in enumerate(anchors) if abs(end - anchor) <= 1), None) for end in row_ends]
              for row_ends in ends]
    return None if any(None in columns or columns != sorted(set(columns)) for columns in placed) else placed


def _columns_by_titles(ends: list[list[int]], title_ends: list[int]) -> list[list[int]] | None:
    """The column of each amount of each row by where it ends (``ends``), when no row prints every column (a column
    empty throughout: "合计  基本支出  项目支出" over a fund's projects only): the amounts end in fewer places than
    there are titles, each place within one of its amounts' ends; the place's columns are the titles that lie
    nearest them in order (``title_ends``: where each title ends), when one choice lies clearly nearer than any
    other. None otherwise."""
    places: list[list[int]] = []
    for end in sorted({end for row_ends in ends for end in row_ends}):
        if places and end - places[-1][0] <= 1:
            places[-1].append(end)
        elif places and end - places[-1][-1] <= 1:
            return None  # amounts ending over more than one place apart: no column
        else:
            places.append([end])
    if not places or len(places) > len(title_ends) or any(b[0] - a[-1] < 3 for a, b in zip(places, places[1:])):
        return None
    costs = sorted((sum(abs(place[-1] - title_ends[column]) for place, column in zip(places, chosen)), chosen)
                   for chosen in itertools.combinations(range(len(title_ends)), len(places)))
    if len(costs) > 1 and costs[1][0] - costs[0][0] < _TITLE_MARGIN:
        return None
    column_of = {end: column for place, column in zip(places, costs[0][1]) for end in place}
    return [[column_of[end] for end in row_ends] for row_ends in ends]


#: How much nearer (in places) the titles chosen for the amounts' columns must lie than any other choice.
_TITLE_MARGIN = 4


def _title_ends(title_line: str, display: bool) -> list[int]:
    """Where each title after the 名称 (or 项目) word of a space-separated header line ends, in characters or display
    columns (none without such a word)."""
    words = list(_WORD.finditer(_HALF_WIDTH(title_line)))
    # (the last: a project table names its rows by a project and the subject it is charged to, "项目名称 | 科目编码 | 科目名称")
    named = max((i for i, word in enumerate(words) if "名称" in word.group() or word.group() == "项目"), default=None)
    return [] if named is None else [_width(title_line[:word.end()], display)
                                     for word in words[named + 1:] if not _NUMBER.match(word.group())]


def _character_end(token: _Token, lines: list[tuple[int, str]]) -> int:
    """Where ``token`` ends on its line, in characters."""
    return token.end - lines[token.line][0]


def _by_economic_code(lines: list[tuple[int, str]], body: list[int]) -> bool:
    """Whether the rows of a table's body open with economic codes (302, 30201), and none with a subject's (2010101)."""
    codes = [words[0] for _, line in (lines[i] for i in body) if (words := line.split(maxsplit=1)) and words[0].isdigit()]
    return bool(codes) and all(_ECONOMIC_CODE.match(code) for code in codes) and any(len(code) == 3 for code in codes)


def _display_end(token: _Token, lines: list[tuple[int, str]]) -> int:
    """Where ``token`` ends on its line, in display columns (a wide character counts two)."""
    offset, raw = lines[token.line]
    return _width(raw[:token.end - offset], True)


def _parse(table: Table, lines: list[tuple[int, str]], body: list[int], from_cells: bool = False) -> None:
    """Fill ``table`` from the lines of its body (``from_cells``: the rows of a PDF, Word or Excel
    table's cells)."""
    header: dict[int, int] | None = None
    header_words: list[str] = []
    titles: list[_Token] = []  # the last header line: its cells may title the columns
    title_line = ""  # that line as printed
    header_raws: list[str] = []  # every header line as printed
    data_lines: list[list[_Token]] = []
    page_lanci: list[tuple[int, list[_Token]]] = []  # the 栏次 line printed again atop a page, by its first row
    page_titles: list[tuple[int, str]] = []  # a space-laid header's titling line printed again atop a page, by its first row
    in_notes = False
    wrapped_note: tuple[int, str] | None = None  # a note line whose last identity goes on on the next line
    statistics = False  # in a 三公 table's 相关统计数
    rates_titled = False  # the header titles a change rate's column ("增减率"), whose cells may end in "%"
    merged_totals = _merged_total_lines(lines, body)
    economic_header: list[list[str]] = []  # a table by economic class: the words of its lines above its first amounts
    amounts_seen = False
    for position, line_index in enumerate(body):
        offset, raw = lines[line_index]
        stripped = raw.strip()
        if not stripped or (is_page_number(stripped) and (len(stripped) < 3 or _WORDED_PAGE_NUMBER.search(stripped))):
            continue
        if not _HAN_OR_DIGIT.search(stripped):
            continue  # a line in another script, no cell of the table ("བཞི།" over the next heading, as Xizang's are bilingual)
        normal = _HALF_WIDTH(stripped)
        statistics = statistics or (table.kind == THREE_PUBLIC and (_STATISTICS_TITLE.match(normal) is not None or (
            bool(data_lines) and _STATISTICS_HEAD.match(normal) is not None)))  # ("项目 | 行次 | 统计数" under the amounts)
        if (statistics or (table.kind == THREE_PUBLIC and data_lines and _COUNT_ROW.match(normal))) and not normal.startswith("注"):
            # a 三公 table's counts (车辆数, 接待批次…) under its amounts, and the counts of a line of their labels
            # ("公务用车购置数（辆）  公务用车保有量（辆）…" over "0  3 …"): CON005 reads them
            statistics = statistics or _COUNT_LABELS.fullmatch(normal) is not None
            continue
        unit = unit_of(normal) if table.unit is None and not data_lines else None
        if unit and (len(normal) < 60 or _UNIT_LINE.fullmatch(normal)):
            table.unit = unit
            continue
        if header is None and not data_lines and _NUMBER_LABEL.fullmatch(normal):
            continue  # the form's number on a line of its own ("\t\t\t\t\t\t公开05表"), above the header
        if normal.startswith("注") or ("=" in normal and (_ROW_IDENTITY.search(normal) or _COLUMN_IDENTITY.search(normal))):
            in_notes = True
        if normal.startswith("说明"):
            in_notes = False
        if in_notes or normal.startswith("说明") or ("\t" not in raw and "。" in normal):
            if wrapped_note is not None:  # "31 行＝（27＋28⏎＋29）行；": one identity over two lines
                (offset, raw), wrapped_note = (wrapped_note[0], wrapped_note[1] + stripped), None
            if in_notes and _UNFINISHED_IDENTITY.search(_HALF_WIDTH(raw.rstrip())):
                wrapped_note = (offset, raw.rstrip())
                continue
            _note(table, offset, raw, in_notes)
            continue
        if data_lines and (_SECTION_AFTER.fullmatch(normal) or ("\t" not in raw and _LEAD_IN.fullmatch(normal))):
            break  # a heading after the table's rows ("一般公共预算财政拨款支出决算具体情况", "主要用于以下方面："): the narrative
            # goes on
        if data_lines and _SIGNED.match(normal):
            break  # the people signing it ("单位负责人：…　联系人：…"), below its rows
        tokens = _tokens(offset, raw, line_index)
        if line_index in merged_totals:
            tokens = [t._replace(index=t.index + 1) for t in tokens]  # its 合计 spans the code and name cells
        if rates_titled:
            tokens = [_rate_as_number(t) for t in tokens]  # ("合计 … -194,263.95 -1.62%": a row's, its rate a number)
        if header is None and not data_lines and (
                _starts_row(tokens, _next_line(lines, body, position))
                or (table.kind in TWO_SIDED and _starts_item_row(tokens))
                or (table.kind == THREE_PUBLIC and (_starts_year_row(tokens) or _starts_sangong_total(tokens)))
                or (table.kind == PROJECT and any("名称" in word for word in header_words) and _project_row(tokens))):
            data_lines.append(tokens)  # no 栏次 line: the rows begin
            continue
        if header is None and not data_lines and table.kind in (EXPENDITURE, GENERAL) and "经济分类" in normal:
            table.kind = ECONOMIC  # "经济分类科目编码 | 科目名称 | 合计 | …" under a title naming no classification (Sichuan's
            # 财政拨款支出决算明细表): its rows are economic subjects
        if header is None and not data_lines and table.kind not in BY_ECONOMIC_CODE:
            header = _header_columns(tokens)
            words = [t.text for t in tokens if t.text]
            if len(words) == 1 and len(split := raw.split()) > 1:
                words = split  # titles a layout parted by single spaces ("科目编码 科目名称 2024年预算数 …", pdfplumber's text)
            header_words.extend(words)
            rates_titled = rates_titled or any(_CHANGE_COLUMN.search(word) and _CHANGE_RATE.search(word) for word in words)
            if (merged := _merged_title_line(title_line, raw)) != raw:
                # a space-laid header's titles stacked over two lines ("2026年" over "预算数"): titled as one line
                del header_words[-len(table.header_lines[-1]) - len(words):]
                header_words.extend(merged.split())
            table.header_lines.append(words)
            header_raws.append(raw)
            titles, title_line = _with_titles_above(tokens, titles), merged
            if header:
                table.columns = sorted(header.values())
                table.layout = "tab" if "\t" in raw else "space"
            continue
        if data_lines and _repeats_header(table, tokens, normal):
            if titles and _header_columns(tokens) == header:
                page_lanci.append((len(data_lines), tokens))  # the 栏次 line again: where this page lays its columns
            if header is None and title_line and 1 < _titles_after_name(raw) <= _titles_after_name(title_line):
                page_titles.append((len(data_lines), raw))  # its titles again: where this page lays its columns
            continue  # the header printed again atop the next page
        if data_lines and table.kind == THREE_PUBLIC and _OTHER_BLOCK_HEAD.fullmatch(normal):
            break  # another block's head under the 三公 amounts ("项目 | 决算数" over 机关运行经费): not a 三公 row
        if table.kind in BY_ECONOMIC_CODE:  # (its header is read with its rows, see _parse_basic)
            words = [t.text for t in tokens if t.text]
            if amounts_seen and words in economic_header:
                continue  # the header printed again atop the next page ("经济分类科目 本年支出", "栏次 1 2 3")
            amounts_seen = amounts_seen or any(t.is_number and "." in t.text for t in tokens)
            if not amounts_seen:
                economic_header.append(words)
        data_lines.append(tokens)
    if wrapped_note is not None:
        _note(table, *wrapped_note, True)
    table.malformed = [Value(math.nan, t.text, t.start, t.end, 0) for ts in data_lines for t in ts if t.is_malformed]
    if table.malformed and all(t.index >= 0 for ts in data_lines for t in ts if t.is_malformed):
        # a malformed cell of a tab-separated row ("186,3000"; NUM001 reports it) is read as left empty, the other
        # cells keep their columns and their checks
        data_lines = [[_token("", t.start, t.start, t.index, t.line) if t.is_malformed else t for t in ts]
                      for ts in data_lines]
    elif table.malformed:
        table.problem = _("{number} is not a number", number=table.malformed[0].text)
        return
    if not from_cells and table.kind not in BY_ECONOMIC_CODE and _a_cell_a_line(data_lines):  # (read by code)
        table.problem = _("its cells are printed a line each, as a PDF's text in reading order gives them, so its rows "
                          "cannot be told")
        return
    if table.kind == THREE_PUBLIC:
        data_lines = _without_operating_costs(data_lines)
    if table.kind == THREE_PUBLIC and (_bare_amounts_row(table, titles)
                                       if header is None and len(_without_operating_costs([titles, *data_lines])) == 1
                                       else ((header is None or _counts_one_by_one(header)) and len(data_lines) == 1
                                             and _bare_amounts_row(table, data_lines[0], read_as_header=False))
                                       or _sangong_item_rows(table, data_lines, header_words)
                                       or _sangong_year_rows(table, data_lines)
                                       or _sangong_stacked_blocks(table, data_lines, header, header_words)):
        table.identities.extend(_sangong_identities(table))
        return
    if not data_lines and header is None:
        if table.explanation:
            return  # an empty table with its 说明 ("2024 年本部门没有使用…")
        if any(_NUMBER.match(word) and "." in word for word in header_words):
            table.problem = _("no 栏次 line found, and its amounts cannot be placed in columns")
            return
        table.problem = (_("no row of amounts under its header (an empty table?)") if from_cells
                         else _("no table body found (the table may be an image in the original)"))
        return
    if any(t.index < 0 for tokens in data_lines for t in tokens if t.is_number):
        table.layout = "space"
    if table.kind in BY_ECONOMIC_CODE:
        titles = _BASIC_TITLES if table.kind == BASIC else _ECONOMIC_TITLES
        titled = _basic_column_titles(data_lines, titles)
        if titled is not None:
            table.header_lines += [[t.text for t in tokens if t.text] for tokens in data_lines[:titled[0] + 1]]
            rows, columns = data_lines[titled[0] + 1:], titled[1]
            if not columns and table.layout == "space" and rows and rows[0] and rows[0][0].text == "栏次" and (
                    placed := _placed_under_lanci([(0, rows[0])], rows[1:], lines, codes=_ECONOMIC_CODE)):
                rows, columns = placed  # amounts laid with spaces under "栏次  1  2  3", empty cells blank
            _parse_basic_columns(table, rows, columns, titles)
            return
        if table.kind == ECONOMIC:
            table.problem = _("its amounts cannot be placed in columns")
            return
        _parse_basic(table, data_lines, lines)
    elif table.kind in TWO_SIDED:
        if (spending := _spending_block(data_lines, header_words)) is not None:
            _parse_vertical_two_sided(table, data_lines, spending, "行次" in "".join(header_words), lines)
            return
        if not _has_line_numbers(data_lines):
            _parse_unnumbered_two_sided(table, data_lines, header_words)
            return
        if header is None and _one_amount_a_side(header_words):
            table.columns = [1, 2]  # "项目 | 行次 | 决算数 | 项目 | 行次 | 决算数" without its 栏次 line: a column a side
        elif header is None:
            table.problem = _("no 栏次 line found")
            return
        _parse_two_sided(table, data_lines)
        if table.problem is None and table.layout == "space":
            _place_two_sided_under_lanci(table, [titles, *(tokens for _, tokens in page_lanci)], lines)
        if table.problem is None and not any(identity.axis == "栏" for identity in table.identities):
            _imply_spending_total(table, header_words)
    elif header is None and table.kind in _TOTAL_FIRST and ("合" in "".join(header_words) or _first_value_title(header_words) == "总计"):
        titled = _titled_columns(titles, data_lines)
        if titled is None and (full := _spaced_cells(title_line, data_lines, lines, header_raws, page_titles)):
            data_lines, titled = full
        if titled is not None:
            _parse_code_table(table, data_lines, titled)
        if titled is None or table.problem is not None:
            table.problem, table.rows = None, []
            _parse_unnumbered_code_table(table, data_lines)
            return
        table.columns, table.layout = sorted(titled.values()), "tab"
    else:
        if header is None and table.kind != PERFORMANCE:  # cells titled by the header line, if every row fills them
            titled = _titled_columns(titles, data_lines)
            if titled is None and (full := _spaced_cells(title_line, data_lines, lines, header_raws, page_titles)) is not None:
                data_lines, titled = full
            header = titled
        if header is None:
            table.problem = _("no 栏次 line found")
            return
        if table.layout == "space":
            data_lines = _names_joined(data_lines)
        if table.layout == "space" and (placed := _placed_under_lanci([(0, titles), *page_lanci], data_lines, lines,
                                                                       bare=table.kind == THREE_PUBLIC)):
            data_lines, header = placed
        table.columns = table.columns or sorted(header.values())
        _parse_code_table(table, data_lines, header)
    if table.problem is None and table.kind == THREE_PUBLIC:
        table.identities.extend(_sangong_identities(table))
    balances = table.kind == GENERAL and any(_BALANCE_OR_INCOME.match(word) for word in header_words)
    budgets_aside = table.problem is None and (table.kind in (FUND, STATE_CAPITAL) or balances) \
        and not any(i.axis == "栏" for i in table.identities) and _budgets_among_balances(table)
    if not budgets_aside and table.problem is None and table.kind in CODE_KINDS and (
            any(_FINAL_TITLE.match(word) for word in header_words) or _budgets_before_spending(header_words)):
        _final_columns(table, header_words)
    if table.problem is None and balances:
        _spending_columns(table, budgets_aside)
    if table.problem is None and table.kind in (GENERAL, EXPENDITURE) and _in_order("".join(header_words), _BASIC_SPLIT):
        _basic_joined(table, header_words)
    if table.problem is None and _this_years_columns(table, header_words):
        table.identities.extend(_implied_total(table, header_words) + _implied_fund_balance(table, header_words))
        _place_loose_values(table, _subtotal_rule(table, header_words))
    if table.problem is None and table.kind == THREE_PUBLIC and any(_BLOCK_ROW.fullmatch(row.name or "") for row in table.rows):
        # (a row per block that no layout above read: a 预算数 row taken for the 合计 would be set against the text's 决算
        # amounts)
        table.problem = _("its rows are blocks (预算数, 决算数) in a layout not read")
        return
    if table.problem is None and table.kind == THREE_PUBLIC and not table.identities:
        table.identities.extend(_sangong_identities(table))  # blocks only the amounts placed tell (wrapped labels)


#: A Chinese character or an ASCII or full-width digit: what any line of a table holds.
_HAN_OR_DIGIT = compile_re(r"[\u4e00-\u9fff0-9０-９]")
#: A heading of the narrative on a line of its own, no row's name: words ending as a section's title does.
#: A sentence leading in to what follows it ("主要用于以下方面："): no table's row, nor the table's own instruction ("…，
#: 仍保留该表格式，并在本表下方作下述说明：").
_LEAD_IN = compile_re(r"(?!.*表)[\u4e00-\u9fff“”（）()、，,]{6,40}[：:]")
_SECTION_AFTER = compile_re(r"[\u4e00-\u9fff“”（）()、]{4,40}(?:情况|说明|如下)[：:]?")


def _a_cell_a_line(data_lines: list[list[_Token]]) -> bool:
    """Whether most lines of a table's body hold a single cell (a code, a name or an amount), as ``pdftotext``
    without ``-layout`` prints a table: its rows cannot be told from its lines."""
    # (a tab-separated row of one filled cell, "⇥⇥住房保障支出⇥⇥", is a row with empty cells: not counted)
    single = sum(1 for tokens in data_lines if sum(1 for t in tokens if t.text) == 1 and all(t.index <= 0 for t in tokens))
    return len(data_lines) >= _FEWEST_LINES_A_CELL and single >= 0.7 * len(data_lines)


#: The fewest lines of a body read as a cell a line (a short table may print a few lone cells).
_FEWEST_LINES_A_CELL = 6


#: A 支出 table's 基本支出 printed as its 人员经费 and 公用经费 ("合计 | 基本支出: 人员经费 公用经费 | 项目支出").
_BASIC_SPLIT = ("合计", "基本支出", "项目支出", "人员经费", "公用经费")


def _basic_joined(table: Table, header_words: list[str]) -> None:
    """Read a 支出 table whose 基本支出 is printed as its 人员经费 and 公用经费 columns as the standard
    合计 | 基本支出 | 项目支出 (| 上缴上级支出 | 经营支出 | 对附属单位补助支出, as a 决算's 支出决算表 goes on): the
    基本支出 of a row is the sum of its two cells (spanning them), and the 合计 the sum of the others. Not where the
    基本支出 has a 小计 column of its own beside its parts."""
    count = len(table.columns)
    if count < 4 or table.columns != list(range(1, count + 1)) or (count > 4 and "小计" in header_words) or any(
            i.axis == "栏" and not i.implied for i in table.identities):
        return
    for row in table.rows:
        personnel, public = row.values.get(2), row.values.get(3)
        parts = [v for v in (personnel, public) if v is not None]
        basic = None
        if parts:
            decimals = max(v.decimals for v in parts)
            total = round(sum(v.value for v in parts), decimals)
            basic = Value(total, f"{total:.{decimals}f}", parts[0].start, parts[-1].end, decimals, parts[0].unit)
        others = ((column - 1, row.values.get(column)) for column in range(4, count + 1))
        row.values = {column: value for column, value in ((1, row.values.get(1)), (2, basic), *others)
                      if value is not None}
    table.columns = list(range(1, count))
    table.identities.append(Identity("栏", 1, tuple((1, column) for column in table.columns[1:]),
                                     N_("合计 = 基本支出 + 项目支出") if count == 4 else N_("合计 = the sum of the other columns"),
                                     0, 0, implied=True))


#: Titles of a 一般公共预算财政拨款收入支出表's columns other than its spending (Beijing's 表五: 年初结转和结余 |
#: 本年收入 | 本年支出 小计 基本支出 项目支出 | 年末结转和结余).
_BALANCE_OR_INCOME = compile_re(r"^(?:年初|年末)\S*结[转余]|^本年收入")
#: Titles of its spending columns: the total, then 基本支出 and 项目支出.
_SPENDING_TITLES = (compile_re(r"^(?:本年支出)?(?:小计|合计)$|^本年支出$"), compile_re(r"^基本支出$"), compile_re(r"^项目支出$"))


def _balance_table_titles(table: Table) -> list[str]:
    """The title of each column of a table printing balances and income beside its spending, in order, from its header
    line naming them ([] without one); "本年支出" titled over "小计 基本支出 项目支出" on the line below stands for those."""
    line = next((words for words in table.header_lines if any(_BALANCE_OR_INCOME.match(word) for word in words)), [])
    named = next((i for i, word in enumerate(line) if "名称" in word or word == "项目"), None)
    titles = [word for word in line[named + 1:] if not _NUMBER.match(word)] if named is not None else []
    if "本年支出" in titles:
        below = next(([word for word in words if any(pattern.match(word) for pattern in _SPENDING_TITLES)]
                      for words in table.header_lines if words is not line and "基本支出" in words), [])
        at = titles.index("本年支出")
        # (the first three, where a block after it titles its own below: "年末结转和结余" over "基本支出 | 项目支出", Yunnan's)
        below = below[:len(_SPENDING_TITLES)]
        if len(below) == len(_SPENDING_TITLES) and all(p.match(word) for p, word in zip(_SPENDING_TITLES, below)):
            titles = titles[:at] + below + titles[at + 1:]
    return titles


def _budgets_among_balances(table: Table) -> bool:
    """Set aside the budget columns a fund's table prints between its income and its spending ("年初结转和结余 | 本年收入 |
    年初预算数 | 调整预算数 | 本年支出: 小计 基本支出 项目支出 | 年末结转和结余", a 决算 of 调整预算 columns), or a 一般公共预算
    table before its balances ("年初预算数 | 调整预算数 | 年初结转和结余 | …"), each kept by its
    kind beside the row's amounts, and number the others in order: the template's fund table. False (nothing done)
    when its header does not title each column or a row's values are not placed."""
    titles = _balance_table_titles(table)
    budget_at = [i for i, title in enumerate(titles) if _BUDGET_COLUMN_TITLE.match(title)]
    kinds = [budget_kind(titles[i]) for i in budget_at]
    if not budget_at or len(titles) != len(table.columns) or len(set(kinds)) != len(kinds) \
            or any(row.loose for row in table.rows):
        return False
    budget_columns = [table.columns[i] for i in budget_at]
    kept = [column for column in table.columns if column not in budget_columns]
    renumbered = {column: number for number, column in enumerate(kept, 1)}
    for row in table.rows:
        row.budgets = {kind: row.values[column] for kind, column in zip(kinds, budget_columns) if column in row.values}
    table.budget_columns = {kind: table.printed_column(column) for kind, column in zip(kinds, budget_columns)}
    _keep_columns(table, renumbered)
    return True


def _spending_columns(table: Table, budgets_aside: bool = False) -> None:
    """Keep only the spending columns (合计 or 小计, 基本支出, 项目支出, numbered 1–3) of a 一般公共预算 table
    that prints the balances and income beside them (and maybe its budgets, already set aside: ``budgets_aside``);
    the table is left unread when its header line does not title each column."""
    titles = [title for title in _balance_table_titles(table) if not (budgets_aside and _BUDGET_COLUMN_TITLE.match(title))]
    spending = [next((i for i, title in enumerate(titles) if pattern.match(title)), None) for pattern in _SPENDING_TITLES]
    if len(titles) > len(table.columns) or None in spending or spending != sorted(spending):
        table.problem = _("the columns of its spending cannot be told from its balances and income")
        return
    renumbered = {table.columns[at]: number for number, at in enumerate(spending, 1)}
    _keep_columns(table, renumbered)
    # (its printed identities of the spending's columns as now numbered, "3栏=（4+5）栏"; those of the balances go)
    table.identities = [i if i.axis != "栏" or i.implied else _renumbered(i, renumbered) for i in table.identities
                        if i.axis != "栏" or i.implied or {i.target, *(c for _, c in i.terms)} <= renumbered.keys()]


#: The title of a 决算 table's column of the amount spent ("决算数", "支出决算数", "本年支出合计"), beside its budgets.
_FINAL_TITLE = compile_re(r"^(?:本年|全年|支出)?决算数?(?:[(（]\d{1,2}[)）])?$|^本年支出(?:合计)?$")
#: The title of a column of a budget ("年初预算数", "全年预算数", "调整预算数", "预算数").
_BUDGET_COLUMN_TITLE = compile_re(r"^(?:年初|全年|调整后?|本年)?预算数?(?:[(（]\d{1,2}[)）])?$")


def _budgets_before_spending(header_words: list[str]) -> bool:
    """Whether a header titles budget columns and then the spending's columns, with no 决算 title over them ("年初预算数 |
    全年预算数 | 合计 | 基本支出 | 项目支出", a two-line header flattened)."""
    # ("本年预算" over 合计 | 基本支出 | 项目支出, with no 决算 title: a 预算's own amounts, no budget beside them)
    budgets = [i for i, word in enumerate(header_words) if _BUDGET_COLUMN_TITLE.match(word) and not word.startswith("本年")]
    if budgets:  # ("决算数合计", "决算数（合计）": the 决算's first column titled with its block)
        return _SPENDING_FIRST.fullmatch("".join(header_words[budgets[-1] + 1:budgets[-1] + 2])) is not None
    return _BUDGETS_THEN_SPENDING.search("".join(header_words)) is not None  # titles run together by single spaces


#: The title of the spending's first column after the budgets' ("合计", "本年支出合计", "本年支出小计", "决算数合计", "决算数(合计)").
_SPENDING_FIRST = compile_re(r"(?:决算数?)?[(（]?(?:合计|小计)[)）]?|本年支出(?:合计|小计)")
#: Budget titles run together, then the spending's first column ("…年初预算数调整预算数合计基本支出项目支出", "…决算合计…").
_BUDGETS_THEN_SPENDING = compile_re(r"(?:(?:年初|全年|调整后?)预算数)+(?:决算数?)?(?:合计|小计|本年支出合计)")
#: The titles of budget and 决算 columns run together ("年初预算数调整预算数决算数").
_RUN_TITLES = compile_re(r"(?:年初|全年|调整后?|本年)预算数|(?:本年|全年|支出)?决算数|本年支出合计")


def _budget_and_final_titles(header_words: list[str]) -> list[str]:
    """The header's titles of budget and 决算 columns, in order: its words so titled, else those found in its words run
    together by a layout's single spaces ("科目编码 科目名称 年初预算数 调整预算数 合计 …", pdfplumber's text)."""
    titles = [word for word in header_words if _FINAL_TITLE.match(word) or _BUDGET_COLUMN_TITLE.match(word)]
    return titles or _RUN_TITLES.findall("".join(header_words))


#: A budget's column of its own before the 合计 on one header line ("科目名称  年初预算  合计  基本支出  项目支出").
_BUDGET_BEFORE_TOTAL = compile_re(r"(?:^|\s)(?:年初|全年|调整后?)?预算数?\s+(?:本年支出)?(?:合计|小计)(?:\s|$)")
#: The title of a column of a rate of completion ("完成年初预算（%）", "执行率", "完成率%").
_RATE_COLUMN = compile_re(r"完成|执行率|%|％")


def _final_columns(table: Table, header_words: list[str]) -> None:
    """Keep only the 决算 columns (numbered 1, 2, …) of a 决算 table that prints its budgets beside them
    ("年初预算数 | 全年预算数 | 决算数: 合计 基本支出 项目支出", as Hunan's 一般公共预算 tables do): a budget
    is a column of its own, or a block of as many columns as the 决算's. The table is left unread when its
    columns cannot be told apart that way."""
    titles = _budget_and_final_titles(header_words)
    budgets = sum(1 for word in titles if _BUDGET_COLUMN_TITLE.match(word))
    if not budgets:
        return
    count = len(table.columns)
    # the last columns of the rates of completion ("决算数 | 完成年初预算（%） | 完成调整预算（%）"), after a 决算 column or
    # block ("决算数: 小计 基本支出 项目支出 | 完成率（%）", the rate titled on the header's first line): set aside
    named = [[word for word in line if _HAN.search(word) and word != "栏次"] for line in (header_words, *table.header_lines)]
    rates = [next((n for n in range(len(words)) if not _RATE_COLUMN.search(words[-1 - n])), 0) for words in named]
    rate = max(rates)
    rate = rate if rate and count - rate in (budgets + 1, budgets + 3) else 0
    rate_titles = named[rates.index(rate)][-rate:] if rate else []
    columns = table.columns[:count - rate]
    count -= rate
    # each budget one column, or a block as wide as the 决算's
    final = count - budgets if count in (budgets + 1, budgets + 3) else count // (budgets + 1) if count % (budgets + 1) == 0 \
        else None
    # (the budgets first also where a two-line header titles the 决算's block above them: "本年支出" over "年初预算 | 合计 |
    # 基本支出 | 项目支出", a budget before the 合计 on one line)
    budgets_first = bool(titles) and (_BUDGET_COLUMN_TITLE.match(titles[0]) is not None or any(
        _BUDGET_BEFORE_TOTAL.search(" ".join(line)) for line in table.header_lines))
    kept = columns[-final:] if final and budgets_first else columns[:final] if final else []
    printed = [i for i in table.identities if i.axis == "栏" and not i.implied]
    if printed and not all({i.target, *(column for _, column in i.terms)} <= set(kept) for i in printed):
        return  # the notes' identities tie the budgets to the 决算 columns: the columns stay as printed
    for row in table.rows:
        if not row.values and len(row.loose) == count + rate:  # a full row of a space-separated table: its columns in order
            row.values, row.loose = dict(zip(table.columns, row.loose)), []
    if final is None or any(row.loose for row in table.rows):
        table.problem = _("its 决算 columns cannot be told from its budget columns")
        return
    renumbered = {column: number for number, column in enumerate(kept, 1)}
    # each budget a column of its own ("年初预算数 | 调整预算数 | 决算数: …"): kept by its kind beside the row's amounts
    budget_titles = [word for word in titles if _BUDGET_COLUMN_TITLE.match(word)]
    budget_columns = [column for column in columns if column not in renumbered]
    kinds = [budget_kind(title) for title in budget_titles]
    rate_kinds = _completion_rate_kinds(rate_titles, kinds, table.notes)
    for row in table.rows:
        if final == count - budgets and len(budget_columns) == len(kinds) == len(set(kinds)):
            row.budgets = {kind: row.values[column] for kind, column in zip(kinds, budget_columns) if column in row.values}
            row.completion_rates = {kind: row.values[column] for kind, column in zip(rate_kinds, table.columns[count:])
                                    if kind and column in row.values}
    if final == count - budgets and len(budget_columns) == len(kinds) == len(set(kinds)):
        table.budget_columns = {kind: table.printed_column(column) for kind, column in zip(kinds, budget_columns)}
    _keep_columns(table, renumbered)
    # "2栏各行=(3+4)栏各行" under "年初预算数 | 决算数: 小计 基本支出 项目支出": the 决算's columns as now numbered
    table.identities = [_renumbered(i, renumbered) if i in printed else i for i in table.identities]


def _completion_rate_kinds(titles: list[str], kinds: list[str], notes: list[str]) -> list[str]:
    """The kind of budget each rate of completion a 决算 table prints after its amounts is of: the one its title names
    ("完成年初预算（%）"), else the one its note divides by ("完成率=决算数÷年初预算数×100%"), else the table's one budget;
    "" where none is told."""
    divided = {kind for note in notes for kind in kinds if kind and re.search(rf"[÷/]\s*{kind}", _HALF_WIDTH(note))}
    found = []
    for title in titles:
        named = budget_kind(title)
        told = [named] if named else list(divided) if len(divided) == 1 else kinds if len(set(kinds)) == 1 else []
        found.append(told[0] if len(told) == 1 and told[0] in kinds else "")
    return found


def _this_years_columns(table: Table, header_words: list[str]) -> bool:
    """Keep only this year's columns of a table printing last year's total beside them ("2023年预算数 |
    2024年预算数: 小计 基本支出 项目支出", as Jiangsu's budgets do) or the change from last year after them
    ("增减额 | 增减率（%）"): the column under the earlier year and the change columns go, and this year's
    are numbered 1, 2, … as in a table without them. False when the table prints its own column
    identities, or when the header names an earlier year but its columns cannot be told from this
    year's (the table is then left unread)."""
    # "其中：基本支出" titles the 基本支出 column (Zhejiang's).
    header_words = [word.removeprefix("其中：").removeprefix("其中:") for word in header_words]
    # This year's titles each after its year ("2024年预算数 | 2025年合计 | 2025年基本支出 | 2025年项目支出"): the titles,
    # each a column of that year.
    dated = [_DATED_TITLE.fullmatch(word) for word in header_words]
    # A merged header's title over its block's first column is this year's only in this year's block ("2026年预算数合计";
    # "2024年预算数合计" beside "2025年预算数小计" is last year's total, a column of its own)
    latest = max((int(match[1][:4]) for match in dated if match and match[1][:4].isdigit()), default=None)
    dated = [None if match and match["stage"] and match[1][:4].isdigit() and int(match[1][:4]) != latest else match
             for match in dated]
    periods_text = "".join(f"{match[1]}预算数" if match else word for match, word in zip(dated, header_words)
                           if not _CHANGE_TITLE.search(word))
    header_words = [match["title"] if match else word for match, word in zip(dated, header_words)]
    # The change columns in the header's order: an amount ("增减额") and a rate ("增减率（%）", "增减幅度").
    titles = _change_columns([word for word in header_words if _CHANGE_COLUMN.search(word)], table.header_lines)
    changes = len(titles)
    # A change's title names both years ("2025年预算数比2024年预算数增减变化"): no column of either.
    periods = [(match.start(), _period(match)) for match in _PERIOD.finditer(periods_text)]
    kinds = [match["kind"] for match in _PERIOD.finditer(periods_text)]
    if years := [period for _, period in periods if period > 1]:
        # 本年 and 上年 beside years ("2024年预算数 | 2025年预算数: 合计 本年预算 上年结转"): the latest year and the one before
        periods = [(at, period if period > 1 else max(years) - 1 + period) for at, period in periods]
    earlier = len({period for _, period in periods}) > 1
    # One year's amount titled right before this year's 合计 on a line ("科目名称 2025年预算数 合计 基本支出 项目支出", this
    # year's block titled by no year): last year's column of its own.
    before_total = {int(match[1]) for line in table.header_lines if (match := _DATED_BEFORE_TOTAL.search(" ".join(line)))}
    lone = not earlier and len(periods) == 1 and bool(before_total)
    earlier = earlier or lone
    if not earlier and not changes:
        return True
    if earlier:
        earliest = min(period for _, period in periods)
        if [period for _, period in periods].count(earliest) > 1:
            _years_untold(table)
            return False
    # Each year's columns titled 合计, 基本支出…, or each year a column of its own ("2024年预算数 | 2025年预算数").
    titled = sum(1 for word in set(header_words) if word in _THIS_YEARS_TITLES) or (1 if len(periods) == 2 else 0)
    # (this year's columns, last year's): one column of last year's total, if it prints one; or this year's total
    # titled by its year beside its parts ("2024年预算数 | 2025年预算数 | 基本支出 | 项目支出", Beijing's); or last year's
    # block titled as this year's ("2024年预算数: 小计 基本支出 项目支出 | 2025年预算数: 小计 …", Jiangsu's).
    layouts = [(titled, int(earlier))]
    if earlier and 0 < titled < 3 and not any(word in ("合计", "小计") for word in header_words):
        layouts.append((titled + 1, 1))
    if earlier and titled > 1 and any(header_words.count(word) > 1 for word in _THIS_YEARS_TITLES):
        layouts.append((titled, titled))
    layout = next((layout for layout in layouts if len(table.columns) == sum(layout) + changes), None)
    by_title = _columns_by_title(table, header_words, earliest, changes_last=layout is None) \
        if earlier and (changes or layout is None) else None
    if layout is None and by_title is None:
        _years_untold(table)
        return False
    kept = table.columns[:len(table.columns) - changes]
    earlier_column = None
    if by_title is not None:
        earlier_column, change_columns, kept = by_title
        table.earlier_kind = next(kind for (_, period), kind in zip(periods, kinds) if period == earliest)
    elif earlier:
        last = layout[1]
        # (last year's column first also where this year's block is titled on the line above: "2025年预算数" over
        # "2024年预算数  合计  基本支出  项目支出")
        first = lone or earliest in before_total or min(at for at, period in periods if period == earliest) < max(
            at for at, period in periods if period != earliest)
        earlier_column = kept[0] if first else kept[-last]  # last year's total: its block's first column
        table.earlier_kind = next(kind for (_, period), kind in zip(periods, kinds) if period == earliest)
        kept = kept[last:] if first else kept[:-last]
    if by_title is None:
        rates = [_CHANGE_RATE.search(title) is not None for title in titles]
        change_columns = dict(zip(table.columns[len(table.columns) - changes:], rates))
    renumbered = {column: number for number, column in enumerate(kept, 1)}
    printed = [i for i in table.identities if i.axis == "栏" and not i.implied]
    within = [i for i in printed if {i.target, *(column for _, column in i.terms)} <= set(renumbered)]
    if any(i not in within and not _of_the_change(i, change_columns, {*renumbered, earlier_column}) for i in printed):
        return False  # the notes tie the columns otherwise than this layout reads them
    # "2栏=3栏+4栏" under "2024年预算数 | 2025年预算数: 小计 基本支出 项目支出": this year's columns as now numbered; "5栏=2栏-1栏",
    # the change, is the change row's (see ``Row.change``)
    table.identities = [_renumbered(i, renumbered) if i in within else i for i in table.identities
                        if i in within or i not in printed]
    for row in table.rows:
        if row.loose and not row.values and len(row.loose) == len(table.columns):
            row.values.update(zip(table.columns, row.loose))  # a space-laid row printing every column: in order
            row.loose.clear()
        if earlier_column is not None:
            row.earlier = row.values.get(earlier_column)
        for column, rate in change_columns.items():
            if rate:
                row.change_rate = row.values.get(column)
            else:
                row.change = row.values.get(column)
    _keep_columns(table, renumbered)
    return True


def _keep_columns(table: Table, renumbered: dict[int, int]) -> None:
    """Keep only the columns of ``renumbered`` ({column: its new number}) in the table's rows, numbered so, and name them in
    findings by the 栏 they are printed as."""
    for row in table.rows:
        row.values = {renumbered[column]: value for column, value in row.values.items() if column in renumbered}
    table.columns = sorted(renumbered.values())
    table.printed_columns = {number: column for column, number in renumbered.items() if number != column}


def _renumbered(identity: Identity, renumbered: dict[int, int]) -> Identity:
    """``identity`` of columns, its columns numbered as ``renumbered`` ({column: its new number}) gives."""
    return replace(identity, target=renumbered[identity.target],
                   terms=tuple((sign, renumbered[column]) for sign, column in identity.terms))


def _change_columns(titles: list[str], header_lines: list[list[str]] = ()) -> list[str]:
    """The titles of the change columns among ``titles``, the header's titles of change: "2025年比2024年增减" (or "比上年增减")
    over "增减额 | 增减率（%）" titles their block, and over a lone "增减率（%）" on the line below too; printed alone, it is a
    column of its own (and beside a lone 增减率 on its line, the amount's column: "2025年比2024年增减 | 增减率（%）")."""
    others = [word for word in titles if not _CHANGE_BLOCK.fullmatch(word)]
    line_of = {word: index for index, line in enumerate(header_lines) for word in line}
    below = len(others) == 1 and all(line_of.get(word, -1) < line_of.get(others[0], -1) for word in titles if word not in others)
    return others if len(others) > 1 or below else titles


def _of_the_change(identity: Identity, change_columns: dict[int, bool], amounts: set) -> bool:
    """Whether a printed identity gives a change column from the amounts' columns ("5栏=2栏-1栏")."""
    return identity.target in change_columns and {column for _, column in identity.terms} <= amounts


def _columns_by_title(table: Table, header_words: list[str], earliest: int,
                      changes_last: bool = False) -> tuple[int, dict[int, bool], list[int]] | None:
    """``(last year's column, the change columns (True for a rate), this year's columns)`` of a header titling every
    column, with the change columns before this year's parts ("2024年预算数 | 2025年预算数 | 增减额 | 增减率 | 其中：基本支出 |
    项目支出", "…| 其中：一般公共预算拨款 | 其他收入", Beijing's), or this year's titled over its parts on the line below
    ("2024年执行数 | 2025年预算数" over "合计 上年结转 一般公共预算拨款 其他收入", Fujian's); None for another header."""
    lines = [[word.removeprefix("其中：").removeprefix("其中:") for word in line] for line in table.header_lines]
    # (under a change's block, "金额" and "%" title its columns: "2025年预算数比2024年预算数增减变化" over "金额 | %", Chongqing's)
    blocked = any(_CHANGE_BLOCK.fullmatch(word) for line in lines for word in line)

    def of_the_change(word: str) -> bool:
        return _CHANGE_COLUMN.search(word) is not None or (blocked and _UNDER_CHANGE_BLOCK.fullmatch(word) is not None)

    lines = [[word for word in line if of_the_change(word) or word in _THIS_YEARS_TITLES or _PART_TITLE.fullmatch(word)
              or (_PERIOD.search(word) and not _CHANGE_TITLE.search(word))] for line in lines]
    lines = [line for line in lines if line]
    if len(lines) > 2:
        return None
    top, below = lines[0], (lines[1] if len(lines) == 2 else [])
    ordered = []
    changes_below = bool(below) and all(of_the_change(word) for word in below)
    # (both below: "本年预算数 | 增减" over "小计 基本支出 项目支出 | 增减额 增减率（%）", Zhejiang's)
    parts_below = [word for word in below if not of_the_change(word)]
    mixed = not changes_below and len(parts_below) < len(below)
    for word in top:  # this year's title over its parts on the line below: the parts are its columns
        this_year = (match := _PERIOD.search(word)) and not _CHANGE_COLUMN.search(word) and _period(match) != earliest
        if changes_below:  # "比上年增减" over "增减额 | 增减率（%）": the change's block over its columns
            ordered += below if _CHANGE_BLOCK.fullmatch(word) else [word]
        elif mixed and _CHANGE_COLUMN.search(word) and not _CHANGE_RATE.search(word):
            ordered += [word for word in below if word not in parts_below]
        else:
            ordered += (parts_below if mixed else below) if this_year and below else [word]
    if len(ordered) != len(table.columns) or (below and ordered == top) \
            or (not changes_last and all(_CHANGE_COLUMN.search(word) for word in ordered[-2:])):
        return None  # (the change columns last: the layouts of :func:`_this_years_columns`, unless none fits: ``changes_last``)
    earliest_at = [column for column, word in zip(table.columns, ordered)
                   if (match := _PERIOD.search(word)) and not _CHANGE_COLUMN.search(word) and _period(match) == earliest]
    if len(earliest_at) != 1:
        return None
    changes = {column: _CHANGE_RATE.search(word) is not None for column, word in zip(table.columns, ordered) if of_the_change(word)}
    return earliest_at[0], changes, [column for column in table.columns if column not in changes and column != earliest_at[0]]


#: A column title of this year's parts of a 收入 table ("一般公共预算拨款", "其他收入", "上年结转").
_PART_TITLE = compile_re(r"\w{0,12}(?:收入|拨款|资金)|\w{0,6}结转(?:和?结余)?")


def _period(match) -> int:
    """The year a :data:`_PERIOD` match names, 上年 and 本年 as 0 and 1."""
    return int(match["year"]) if match["year"] else {"上年": 0, "本年": 1}[match["word"]]


def _years_untold(table: Table) -> None:
    """Leave a code table unread whose columns of this year cannot be told from last year's: its
    first column might be last year's (a 三公 table's blocks are told apart by :func:`sangong_blocks`)."""
    if table.kind in CODE_KINDS:
        table.problem = _("its columns of this year cannot be told from last year's")


#: A table's number printed alone atop each page ("公开05表", "表5", "部门公开表05").
_NUMBER_LABEL = compile_re(rf"{FORM_PREFIX}?(?:表\s*\d{{1,2}}|\d{{1,2}}\s*表)")


def _repeats_header(table: Table, tokens: list[_Token], normal: str) -> bool:
    """Whether a line among the rows repeats a line of the table's header, its unit line, its title,
    its number ("公开05表") or its title marked continued ("续表5", "…（续）"), as a table broken over
    pages prints them atop each page (a lone 合计 is a row's name, not a header)."""
    words = [t.text for t in tokens if t.text]
    if words and all(t.is_number for t in tokens if t.text):
        return False  # amounts, even where a header line above printed the same (a PDF's text put one there)
    if words in table.header_lines:
        return len(words) > 1 or words[0] not in _TOTAL_NAMES
    if len(words) >= 3 and any(line[:len(words)] == words for line in table.header_lines):
        return True  # the header's first titles, its last left off this page ("科目编码 科目名称 本年支出合计 … 经营支出")
    if "".join(words) in {"".join(line) for line in table.header_lines if len(line) > 1}:
        return True  # its words may part otherwise on each page ("项目预算数项目预算数" read as one name under "项目 | 预算数 | …")
    return _UNIT_LINE.fullmatch(normal) is not None or CONTINUED_TITLE.search(normal) is not None \
        or (bool(table.title) and "".join(words) == _WHITESPACE.sub("", table.title)) \
        or _NUMBER_LABEL.fullmatch("".join(words)) is not None


def _note(table: Table, offset: int, raw: str, in_notes: bool) -> None:
    """Record a note line, its identities, or the 说明 that explains an empty table."""
    text = raw.strip()
    normal = _HALF_WIDTH(raw)
    found = False
    for axis, pattern in (("行", _ROW_IDENTITY), ("栏", _COLUMN_IDENTITY)):
        for match in pattern.finditer(normal):
            if _QUOTIENT_AFTER.match(normal, match.end()):
                continue  # a rate, no sum ("6栏=5栏÷1栏×100%")
            terms, line_no = _terms(match.group(2)), decimal_int(match.group(1))
            if terms and line_no is not None:
                table.identities.append(Identity(
                    axis, line_no, terms, raw[match.start():match.end()].strip(),
                    offset + match.start(), offset + match.end(),
                ))
                found = True
    if not found and table.explanation is None and _EMPTY_NOTE.search(normal):
        table.explanation = text
    if found or in_notes:
        table.notes.append(text)
    elif table.explanation is None:
        table.explanation = text


#: What goes on after an identity's terms that makes it a quotient or a product.
_QUOTIENT_AFTER = compile_re(r"\s*[÷×*/]")


def _terms(text: str) -> tuple[tuple[int, int], ...]:
    """``"1+2-3"`` → ((1, 1), (1, 2), (-1, 3)); ``"32+33+...+57"`` expands the range. A range
    longer than any table (``"1+…+16000000"``) gives no terms: the identity is not used."""
    parts = re.findall(r"([+\-]?)\s*(\d+|\.{2,}|…+)", text.replace(" ", ""))
    terms: list[tuple[int, int]] = []
    pending_range = False
    for sign, token in parts:
        if not token[0].isdigit():
            pending_range = True
            continue
        number = decimal_int(token)
        if number is None:
            return ()  # a digit run too long to be a 行次 or 栏次: not an identity
        if pending_range and terms:
            if number - terms[-1][1] > _MAX_RANGE:
                return ()
            terms.extend((1, n) for n in range(terms[-1][1] + 1, number))
            pending_range = False
        terms.append((-1 if sign == "-" else 1, number))
    return tuple(terms)


def _row_span(row: Row, token: _Token) -> None:
    row.start = min(row.start, token.start) if row.end else token.start
    row.end = max(row.end, token.end)


#: A row's number in a 序号 column ("1", "12").
_SEQUENCE_NUMBER = compile_re(r"\d{1,4}")


def _parse_code_table(table: Table, data_lines: list[list[_Token]], header: dict[int, int]) -> None:
    """Rows keyed by subject code (or 合计); values placed by cell index (tabs) or left loose. In
    cells, a row may be named without a subject code: a unit after its 单位编码 (a provincial
    收入总表 by unit), a project (项目支出表)."""
    rows: list[Row] = []
    name_index: dict[int, int] = {}
    placements: dict[int, list[_Token]] = {}  # id(row) → its value tokens
    unit_codes = _lists_units(table)
    numbered = any(line[:1] == ["序号"] for line in table.header_lines)
    skipped: set[int] = set()  # id() of a project row's subject name
    for words in _under_parent_codes(data_lines):
        words = _code_joined(words)
        if numbered and len(words) > 1 and words[0].index >= 0 and _SEQUENCE_NUMBER.fullmatch(words[0].text) \
                and not words[1].is_number:
            words = words[1:]  # a row's 序号, in the first column, before its name or code
        if not words:
            continue
        if all(not t.is_number for t in words) and "".join(t.text for t in words) in _TOTAL_NAMES:
            words = [_token("合计", words[0].start, words[-1].end, words[0].index, words[0].line)]
        current = rows[-1] if rows else None
        if _wraps_name(current, words, placements.get(id(current), [])):
            current.name += words[0].text  # "机关事业单位基本养老保险缴 10.68" then "费支出"
            continue
        for position, token in enumerate(words):
            in_cells = position == 0 and token.index >= 0
            if in_cells and unit_codes and _UNIT_CODE.match(token.text):
                current = Row(unit_code=token.text)  # named by the cell after its 单位编码
                rows.append(current)
                _row_span(current, token)
            elif position == 0 and _CODE.match(token.text):
                current = Row(code=token.text)
                rows.append(current)
                _row_span(current, token)
            elif position == 0 and in_cells and (joined := _CODE_AND_NAME.fullmatch(token.text)):
                # "208 社会保障和就业支出" in one cell (a Word table's, its spaces dropped): the code, then the name
                current = Row(code=joined.group("code"), name=joined.group("name"))
                rows.append(current)
                _row_span(current, token)
            elif (table.kind == PROJECT and current is not None and current.code is None and current.name
                  and id(current) not in placements and _SUBJECT_CODE.match(token.text)):
                current.code = token.text  # "单位名称 | 项目名称 | 科目编码 | 科目名称 | 合计…": the subject it is charged to
                skipped.update(id(t) for t in words[position + 1:position + 2] if not t.is_number)
            elif id(token) in skipped:
                continue  # that subject's name
            elif token.is_number:
                if current is None:
                    current = Row(name="合计")  # a values-only first row is the 合计 row
                    rows.append(current)
                placements.setdefault(id(current), []).append(token)
                _row_span(current, token)
            elif token.text.endswith(_TOTAL_NAMES) or token.text.startswith("栏次合计"):
                current = Row(name="合计")
                rows.append(current)
                name_index[id(current)] = token.index
                _row_span(current, token)
            elif current is not None and not current.values and not current.loose and id(current) not in placements:
                current.name += token.text
                if current.name == token.text:
                    name_index[id(current)] = token.index
                _row_span(current, token)
            elif current is None and not (in_cells and ((table.kind == PROJECT and _project_row(words)) or (
                    table.kind == THREE_PUBLIC and position == 0 and _YEAR_ROW.fullmatch(token.text)))):
                continue  # header words ("类 款 项 栏次") before the first row (not a 三公 table's "2024年预算数" row)
            elif in_cells or (position == 0 and table.kind == PROJECT and _project_row(words)):
                current = Row(name=token.text)  # a row of cells named without a code: a unit, a project (or a line of one)
                rows.append(current)
                name_index[id(current)] = token.index
                _row_span(current, token)
            elif token.index >= 0 and header and token.index > max(header) and current is not None \
                    and id(current) in placements:
                continue  # a column of words after the amounts ("资金性质 | 本级财力安排", "备注")
            else:
                table.problem = _("unexpected text {text!r} among the values", text=token.text)
                return
    typical = Counter(name_index[id(row)] for row in rows if row.code and id(row) in name_index).most_common(1)
    typical_index = typical[0][0] if typical else None
    if typical_index is not None and header and min(header) <= typical_index:
        # "栏次 1 2 …" copied from a web page whose 栏次 cell spans the code and name columns: the
        # first 栏次 is the first cell after the names.
        header = {index + typical_index + 1 - min(header): column for index, column in header.items()}
    for row in rows:
        tokens = placements.get(id(row), [])
        if tokens and tokens[0].index < 0:
            row.loose.extend(token.as_value() for token in tokens)
            continue
        shift = 0
        if any(token.index not in header for token in tokens):
            # A name one cell off the usual column shifts its values too (003 表3's "合计").
            own = name_index.get(id(row))
            if own is not None and typical_index is not None:
                shift = typical_index - own
        for token in tokens:
            column = header.get(token.index + shift)
            if column is None or column in row.values:
                table.problem = _("value {value} on line {line} is in no 栏次 column", value=token.text, line=token.line + 1)
                return
            row.values[column] = token.as_value()
    table.rows = rows


def _names_joined(data_lines: list[list[_Token]]) -> list[list[_Token]]:
    """The lines of a space-separated table with the pieces of names wrapped over lines joined to their
    rows: a name's head printed alone above a code line that prints no name (a PDF cell centring a long
    name: "机关事业单位基本养" / "2080505  14,236.95 …" / "老保险缴费支出"), and a name's tail printed
    alone below its row ("20805  行政事业单位养老支  20,669.13" / "出")."""
    joined: list[list[_Token]] = []
    head = None
    for line in data_lines:
        words = [t for t in line if t.text]
        piece = len(words) == 1 and words[0].index < 0 and _name_piece(words[0])
        if head is not None:
            if len(words) > 1 and _CODE.match(words[0].text) and all(t.is_number or t.is_malformed for t in words[1:]) \
                    and (_amount_cell(words[1]) or words[1].is_malformed):  # (not "201 06 01": a code split over cells)
                joined.append([words[0], head, *words[1:]])  # the head is this code's name
                head = None
                continue
            joined.append([head])
            head = None
        previous = [t for t in joined[-1] if t.text] if joined else []
        if piece and len(previous) > 2 and _CODE.match(previous[0].text) and not previous[1].is_number \
                and _ends_name(previous[0].text, previous[1].text, words[0].text):
            name = previous[1]
            joined[-1] = [previous[0], name._replace(text=name.text + words[0].text), *previous[2:]]  # its tail
        elif piece:
            head = words[0]
        else:
            joined.append(line)
    if head is not None:
        joined.append([head])
    return joined


def _ends_name(code: str, name: str, piece: str) -> bool:
    """Whether ``piece``, on a line of its own below a row, ends the row's ``name``: the catalogue names the row's code
    so ("机关事业单位基本养老保险缴费" / "支出" of 2080505, though 30108 is named as the head alone), or names some subject
    so and none the name alone."""
    subject = subjects().get(code)
    if subject is not None and normal_name(name + piece) in {normal_name(n) for n in (subject.name, *subject.aliases)}:
        return True  # (the head alone is the name abbreviated: "…缴费" for "…缴费支出")
    return is_subject_name(name + piece) and not is_subject_name(name)


def _wraps_name(row: Row | None, words: list[_Token], placed: list[_Token]) -> bool:
    """Whether a line of one word is the end of the name of the coded row above, wrapped below
    its amounts (``placed``, on the line right above: as a PDF's narrow name column prints a long name)."""
    return (row is not None and row.code is not None and bool(row.name) and (bool(placed) or bool(row.values))
            and len(words) == 1 and _name_piece(words[0]) and (not placed or words[0].line == placed[-1].line + 1))


def _name_piece(token: _Token) -> bool:
    """Whether a word alone on its line may be a piece of a subject's name wrapped over lines: Chinese
    characters and brackets, no 合计, no list item's mark."""
    return (token.text not in _TOTAL_NAMES and _NAME_PIECE.fullmatch(token.text) is not None
            and not _LIST_MARK.match(token.text))


#: A Chinese character.
_HAN = compile_re(r"[\u4e00-\u9fff]")
#: The end of a subject's name: Chinese characters, brackets and enumeration commas ("（室）及相关机构事务").
_NAME_PIECE = compile_re(r"[\u4e00-\u9fff（）()、]+")
#: A list item's mark opening a heading after a table ("（三）支出决算具体情况", "四、…"), no name's end.
_LIST_MARK = compile_re(r"[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、")
#: A column's year in a header ("2023年预算数", "上年执行数", "2024年执行数"), and what of that year it holds.
_PERIOD = compile_re(r"(?:(?P<year>20\d{2})年度?|(?P<word>上年|本年))(?P<kind>预算|执行|决算)数?")
#: The titles of this year's columns of a 支出 table printed beside last year's total.
_THIS_YEARS_TITLES = ("合计", "小计", "基本支出", "人员经费", "公用经费", "项目支出")
#: A year's budget (or 决算) titled right before a 合计 on one header line ("2025年预算数 合计 基本支出 项目支出").
_DATED_BEFORE_TOTAL = compile_re(r"(20\d{2})年度?(?:预算|决算|执行)数?\s+(?:合计|小计)(?:\s|$)")
#: One of them after its year ("2025年合计", "本年小计", "2026年预算数合计": a merged header's title over its first column).
_DATED_TITLE = compile_re(rf"(20\d{{2}}年度?|本年度?)(?P<stage>预算数|预算|决算数|决算)?(?P<title>{'|'.join(_THIS_YEARS_TITLES)})")
#: The title of a column of the change from last year ("增减额", "增减率（%）", "比上年增减", "比2024年增减额", a rate titled
#: by its two years: "2025年预算数比2024年预算数增减%"), and of the
#: block over such columns ("2025年预算数比2024年预算数增减变化").
_CHANGE_COLUMN = compile_re(r"^(?:(?:比(?:上年|20\d{2}年度?)(?:预算数?|决算数?)?)?(?:增减|增长|变动)(?:金?额|率|幅度|数)?(?:[(（]%[)）]|%)?"
                            r"|\S+比\S+(?:增减|增长|变动)(?:变化|情况)?(?:金?额|率|幅度|数)?(?:[(（]%[)）]|%)?)$")
#: The title of the change from last year without a rate's or an amount's word ("2025年比2024年增减", "比上年增减"): the
#: block over the change columns, if the header also titles them.
_CHANGE_BLOCK = compile_re(r"\S*比\S+(?:增减|增长|变动)(?:变化|情况)?")
#: A change column's title under such a block, naming no change itself ("金额", "%", "比例").
_UNDER_CHANGE_BLOCK = compile_re(r"金额|[(（]?%[)）]?|比例|幅度|百分比")
_CHANGE_TITLE = compile_re(r"增减|增长|变动|比上年|[比较](?:20\d{2})年")
#: The title of a change column printed as a rate ("增减率（%）", "增减幅度", "增减%").
_CHANGE_RATE = compile_re(r"率|幅度|%")
#: The title of a 三公 table's counts under its amounts ("相关统计数", "“三公”经费相关统计数").
_STATISTICS_TITLE = compile_re(r"(?:(?:财政拨款)?[“\"]?三公[”\"]?经费)?相关统计数")
#: The header of a 三公 table's counts printed without their "相关统计数" title ("项目 | 行次 | 统计数"): what follows is
#: counts, and the 机关运行经费, no 三公 amounts.
_STATISTICS_HEAD = compile_re(r"项目\s*(?:行次\s*)?统计数")
#: The head of another block printed under a 三公 table's amounts ("项目 | 决算数", then 机关运行经费 and its amount).
_OTHER_BLOCK_HEAD = compile_re(r"项目(?:\s*(?:行次|决算数|预算数|金额|本年数|上年数))+")
#: The head of a 三公 table's counts printed without their "相关统计数" title ("项目 | 统计数", "公务用车保有量（辆） | 1").
_COUNT_ROW = compile_re(r"项目\s*(?:行次\s*)?统计数|(?:\d{1,2}\s*[.．、]\s*)?[^\t\d]{2,20}[(（](?:辆|个|人|人次|批次|次)[)）]")
#: A line of a 三公 table's count labels only, their counts on the line below ("公务用车购置数（辆）  公务用车保有量（辆）",
#: "统计数 因公出国（境）团组数（个） 因公出国（境）人次数（人） …").
_COUNT_LABELS = compile_re(r"(?:统计数\s*)?(?:(?:[^\t\d（(]|[(（]境[)）]){2,24}[(（](?:辆|个|人|人次|批次|次)[)）]\s*){2,}")
#: A table's title printed again over its rows on the next page, or its mark ("续表3", "…（续）").
CONTINUED_TITLE = compile_re(r"^[(（]?续表|[(（]续(?:表)?[)）]\s*$|续表\s*\d{0,2}\s*$|表[(（]?续[)）]?$")
#: A page number inside a table that is no amount: between dashes ("— 5 —"), worded ("第 4 页 共 16
#: 页") or of a total ("4/16").
_WORDED_PAGE_NUMBER = compile_re(r"^[-—–－]+\s*\d{1,4}\s*[-—–－]+$|页|/")
#: Header words of a column of units' codes, and such a code.
_UNIT_CODE_TITLES = ("单位编码", "单位代码", "单位编号")
_UNIT_CODE = compile_re(r"^\d{3,12}$")


def _row_codes(title_line: str) -> re.Pattern:
    """The codes a header line's rows open with: units' where it titles a column of them (:data:`_UNIT_CODE_TITLES`),
    else subjects'."""
    return _UNIT_CODE if any(title in title_line for title in _UNIT_CODE_TITLES) else _CODE


def _lists_units(table: Table) -> bool:
    """Whether the table's header titles a column of units' codes (:data:`_UNIT_CODE_TITLES`): its rows are units."""
    return any(word in _UNIT_CODE_TITLES for line in table.header_lines for word in line)


def _parse_unnumbered_code_table(table: Table, data_lines: list[list[_Token]]) -> None:
    """A code table printed without a 栏次 line, as PDF text extraction gives it: codes split
    ("201 06 01"), names broken over lines before or after their code, a row's amounts spread over
    its lines in no reliable order. Only the row's total (column 1, the largest amount, since the
    others are its parts) is placed; the other amounts stay loose, and the implied identity is
    recorded (unless a column is a 小计 of others). Names are kept only when every name stands whole on its code's line (a table
    exported with cells but no 栏次): where a line holds a name fragment, which code it belongs to
    cannot be told, unless it ends the name of the row above as the catalogue names the subject
    ("机关事业单位基本养老保" / "险缴费支出", wrapped below the row's amounts)."""
    if _lists_units(table):
        # rows of units by their 单位编码 ("101  XX局  …", "101001  XX局本级  …"): a unit's code is no subject's, nor an amount
        rows = _unit_rows(data_lines)
        if rows is None:
            table.problem = _("rows without a subject code")
            return
        _totals_placed(table, rows, {id(row) for row in rows}, False)
        return
    lines = [(words, *_split_code(words)) for words in _under_parent_codes(_names_joined(data_lines))]
    coded = [rest for _words, code, rest in lines if code]
    # Names printed on their code's line: the lines between codes continue the row above.
    names_follow = sum(1 for rest in coded if any(not t.is_number for t in rest)) * 2 >= len(coded)
    rows: list[Row] = []
    amount_lines: dict[int, set[int]] = defaultdict(set)  # by row (its id): the lines its amounts stand on
    pending = False  # the last row was opened by a name line and still waits for its code
    fragments = False  # a line of text without a code: a name broken over lines
    for line, code, words in lines:
        texts = "".join(t.text for t in words if not t.is_number)
        if code is None and rows and rows[-1].code and rows[-1].name and rows[-1].loose and texts and len(words) == 1 \
                and _ends_name(rows[-1].code, rows[-1].name, texts):
            rows[-1].name += texts  # the end of the name above, wrapped below its amounts ("…基本养老保" / "险缴费支出")
            continue
        fragments = fragments or bool(code is None and texts and not texts.endswith(_TOTAL_NAMES))
        if code is not None:
            if not pending:
                rows.append(Row())
            rows[-1].code, rows[-1].name, pending = code, texts, False  # the name on its code's line
            _row_span(rows[-1], line[0])  # the row starts at its code
        elif texts.endswith(_TOTAL_NAMES):
            rows.append(Row(name="合计"))
            pending = False
        elif rows and rows[-1].code and not rows[-1].loose:
            pass  # a code printed alone: its name and amounts follow
        elif texts and not names_follow and not pending:
            rows.append(Row())
            pending = True
        elif not rows:
            continue
        row = rows[-1]
        for token in words:
            _row_span(row, token)
            if token.is_number and _CODE_PIECE.match(token.text):
                table.problem = _("a code's piece {piece} stands apart from its code", piece=token.text)
                return
            if token.is_number:
                row.loose.append(token.as_value())
                amount_lines[id(row)].add(token.line)
    if pending or not any(row.code for row in rows):
        table.problem = _("rows without a subject code")
        return
    codes = Counter(row.code for row in rows if row.code)
    if codes and codes.most_common(1)[0][1] > 1:
        # "204" then "02" then "01" on lines of their own (a PDF's text without its layout): the rows cannot be told
        table.problem = _("the code {code} heads more than one row (its 类, 款 and 项 codes printed apart)",
                          code=codes.most_common(1)[0][0])
        return
    _totals_placed(table, rows, {id(row) for row in rows if len(amount_lines[id(row)]) == 1}, fragments)


def _unit_rows(data_lines: list[list[_Token]]) -> list[Row] | None:
    """The rows of a table of units printed without a 栏次 line, their amounts loose: each line a unit's code, its name and
    its amounts ("401001 青岛市海川区农业农村局（本级） 70,561,355.20 58,861,355.20 11,700,000.00"), or the 合计's; None when a
    line is neither."""
    rows: list[Row] = []
    for tokens in data_lines:
        words = [t for t in tokens if t.text]
        named = len(words) > 1 and _UNIT_CODE.match(words[0].text) and not words[1].is_number
        if not words or not (named or words[0].text in _TOTAL_NAMES):
            return None
        row = Row(unit_code=words[0].text) if named else Row(name="合计")
        rest = words[1:]
        first = next((i for i, t in enumerate(rest) if t.is_number), len(rest))
        if not all(t.is_number for t in rest[first:]):
            return None
        row.name += "".join(t.text for t in rest[:first])
        row.loose = [t.as_value() for t in rest[first:]]
        for token in words:
            _row_span(row, token)
        rows.append(row)
    return rows or None


def _totals_placed(table: Table, rows: list[Row], one_line: set[int], fragments: bool) -> None:
    """Make ``rows``, their amounts loose, the table's: each row's total (the largest amount) in column 1, the others loose
    (see :func:`_parse_unnumbered_code_table`; ``one_line``: the rows, by id, whose amounts stand on one line; ``fragments``:
    whether names were broken over lines)."""
    table.layout = "space"
    table.columns = [1]
    header = "".join(word for line in table.header_lines for word in line)
    two_years = len(set(_YEAR_WORD.findall(header))) >= 2
    # A 决算 printed beside its budgets ("年初预算数 本年支出: 合计 基本支出 项目支出"): which amount is which cannot be
    # told once a layout drops the empty cells, so none is placed.
    budgeted = _BUDGET_TITLE_WORDS.search(header) is not None
    # A subtotal would count twice; another year's amounts or a change are no parts of the 合计.
    if "小计" not in header and not _NOT_PARTS.search(header) and not two_years and not budgeted:
        table.identities.append(Identity("栏", 1, (), N_("合计 = the row's other amounts"), 0, 0, implied=True))
    for row in rows:
        row.columns_known = False
        if fragments and row.code:
            row.name = ""  # which code a name fragment belongs to cannot be told
        # (beside last year's amount, the largest may be last year's: "2024年预算数 | 2025年预算数: 合计 …")
        if row.loose and all(value.value >= 0 for value in row.loose) and not two_years and not budgeted:
            largest = max(row.loose, key=lambda value: value.value)
            if id(row) in one_line and largest is not row.loose[0] and largest.value != row.loose[0].value:
                continue  # on one line, a part printed after the total is larger: which is the total is unsure
            row.loose.remove(largest)
            row.values[1] = largest
    table.rows = rows


def _code_joined(words: list[_Token]) -> list[_Token]:
    """``words`` with a subject code printed over the 类, 款 and 项 cells of a row ("201", "03",
    "01", in cells side by side) as one cell ("2010301") spanning them."""
    code, rest = _split_code(words)
    parts = words[:len(words) - len(rest)]
    if code is None or len(parts) < 2 or any(b.index >= 0 and b.index != a.index + 1 for a, b in zip(parts, parts[1:])):
        return words
    return [_token(code, parts[0].start, parts[-1].end, parts[0].index, parts[0].line), *rest]


def _under_parent_codes(data_lines: list[list[_Token]]) -> Iterator[list[_Token]]:
    """Each line's non-empty cells, a subject code printed over the 类, 款 and 项 cells with the cells of
    its parents left blank ("\t05\t\t统计信息事务", "201\t\t01\t行政运行": Word's cells merged down a block)
    read as one code under the codes of the rows above (the 类 cell is where a 类 code alone was printed)."""
    class_cell = last_code = None
    for tokens in data_lines:
        words = [t for t in tokens if t.text]
        if class_cell is not None and last_code and words:
            words = _filled_code(words, class_cell, last_code)
        code, _rest = _split_code(words)
        if code and words[0].index >= 0:
            last_code = code
            class_cell = words[0].index if len(words[0].text) == 3 else class_cell
        yield words


def _filled_code(words: list[_Token], class_cell: int, last_code: str) -> list[_Token]:
    """``words`` whose leading code cells (类 at ``class_cell``, 款, 项) leave a parent blank, with the
    code read whole: a blank level is ``last_code``'s, the levels above it being the same."""
    cells = {t.index: t for t in words[:3]}
    parts = [cells.get(class_cell + depth) for depth in range(3)]
    printed = [depth for depth, part in enumerate(parts)
               if part is not None and part.text.isdigit() and len(part.text) == _CODE_WIDTHS[depth]]
    if not printed or words[0] is not parts[printed[0]] or printed == list(range(printed[-1] + 1)):
        return words  # no code, or one printed whole
    code = ""
    for depth in range(printed[-1] + 1):
        if depth in printed:
            code += parts[depth].text
        elif last_code.startswith(code) and len(last_code) >= len(code) + _CODE_WIDTHS[depth]:
            code += last_code[len(code):len(code) + _CODE_WIDTHS[depth]]
        else:
            return words
    used = [parts[depth] for depth in printed]
    return [_token(code, used[0].start, used[-1].end, used[0].index, used[0].line), *words[len(used):]]


#: Digits of a 类, a 款 and a 项 code's own part.
_CODE_WIDTHS = (3, 2, 2)


def _split_code(words: list[_Token]) -> tuple[str | None, list[_Token]]:
    """A leading subject code, joined from its parts ("201 06 01" → "2010601"), and the rest."""
    if len(words) == 1 and words[0].text.isdigit() and not _CODE.match(words[0].text):
        return None, words
    if not words or not re.fullmatch(r"[12]\d{2}(?:\d{2}){0,2}", words[0].text):
        return None, words
    code, used = words[0].text, 1
    while len(code) < 7 and used < len(words) and re.fullmatch(r"\d{2}", words[used].text):
        code += words[used].text
        used += 1
    return code, words[used:]


#: The first cell of the 支出 side of a tab-separated 收支总表 (项目, 行次 and 金额 are the 收入 side's).
_TWO_SIDED_RIGHT = 3


#: Names of the 收入 side's items, whatever their 行次 (also a fund's part of 年初财政拨款结转和结余:
#: "一般公共预算财政拨款").
_INCOME_SIDE = compile_re(r"收入|年初|上年结转|使用非财政拨款结余|用事业基金弥补|拨款$")


#: The title of a two-sided table's one column of amounts on a side.
_SIDE_AMOUNT_TITLE = compile_re(r"(?:本年|年初|全年)?(?:预算数?|决算数?|金额|执行数)(?:[(（](?:万元|元)[)）])?")


def _one_amount_a_side(header_words: list[str]) -> bool:
    """Whether a two-sided table's header titles one amount on each side: "项目 | 行次 | 决算数" twice."""
    words = [_HALF_WIDTH(word).replace(" ", "") for word in header_words]
    return words.count("行次") == 2 and sum(1 for word in words if _SIDE_AMOUNT_TITLE.fullmatch(word)) == 2


def _parse_two_sided(table: Table, data_lines: list[list[_Token]]) -> None:
    """收入 rows (name, 行次, column 1) on the left, 支出 rows (name, 行次, columns 2…) on the right."""
    expected_right: int | None = None
    right_start: int | None = None  # the first 支出 行次: every 收入 行次 is below it
    rows: list[Row] = []
    for tokens in data_lines:
        groups: list[tuple[Row, list[_Token | None]]] = []
        for token in tokens:
            current = groups[-1] if groups else None
            if not token.text:
                if current and current[0].line_no is not None:
                    current[1].append(None)
                continue
            if not token.is_number:
                if current and current[0].line_no is None and not current[1]:
                    current[0].name += token.text
                else:
                    # A line whose 收入 cells (项目, 行次, 金额) are all empty opens on the 支出 side.
                    side = "收入" if current is None and token.index < _TWO_SIDED_RIGHT else "支出"
                    groups.append((Row(name=token.text, side=side), []))
                    _row_span(groups[-1][0], token)
                continue
            if current is None:
                if not token.is_integer:
                    table.problem = _("line {line} starts with an amount", line=token.line + 1)
                    return
                groups.append((Row(side="收入", line_no=decimal_int(token.text)), []))
            elif current[0].line_no is None and token.is_integer:
                current[0].line_no = decimal_int(token.text)
            elif current[0].side == "收入" and token.is_integer and (
                decimal_int(token.text) == expected_right
                or (token.index >= 0 and len(current[1]) >= len(table.side_columns("收入")))
            ):
                groups.append((Row(side="支出", line_no=decimal_int(token.text)), []))
            else:
                current[1].append(token)
            _row_span(groups[-1][0], token)
        for row, slots in groups:
            if row.line_no is None and not any(slots) and row.plain_name not in _TOTAL_NAMES:
                continue  # a row of nothing printed without its 行次 ("政府性基金预算财政拨款" and empty cells)
            if row.line_no is None and row.plain_name not in _TOTAL_NAMES:  # a 总计 may go unnumbered
                table.problem = _("row {row!r} has no 行次", row=row.name)
                return
            if row.side == "收入" and right_start is not None and (row.line_no or 0) >= right_start and len(groups) == 1 \
                    and not _INCOME_SIDE.search(row.name):
                # A space-separated line whose 收入 cells are empty ("十九、住房保障支出 51 …"); not a line of
                # both sides, nor an item of income the table numbers after the 支出 items ("本年收入合计 53").
                row.side = "支出"
            if row.side == "支出" and row.line_no is not None:
                expected_right = row.line_no + 1
                right_start = row.line_no if right_start is None else min(right_start, row.line_no)
            columns = table.side_columns(row.side)
            if table.layout == "tab":
                for slot, token in zip(columns, slots):
                    if token is not None:
                        row.values[slot] = token.as_value()
                extra = [t for t in slots[len(columns):] if t is not None]
            else:
                values = [t for t in slots if t is not None]
                if len(values) == len(columns):
                    row.values.update({c: t.as_value() for c, t in zip(columns, values)})
                else:
                    row.loose.extend(t.as_value() for t in values)
                extra = values[len(columns):]
            if extra:
                table.problem = _("row {row} has more values than columns", row=row.line_no)
                return
            rows.append(row)
    table.rows = rows
    if not any(identity.axis == "行" for identity in table.identities):  # no 注 prints them: the items add up
        table.identities.extend(_layout_sums({side: [row for row in rows if row.side == side] for side in ("收入", "支出")}))


def _place_two_sided_under_lanci(table: Table, lanci_lines: list[list[_Token]], lines: list[tuple[int, str]]) -> None:
    """Place the loose amounts of a space-separated two-sided table under its 栏次 line ("栏次 1 栏次 2 3
    4 5", and each page's again), as :func:`_placed_under_lanci` does a code table's: each under one
    of its side's columns left empty (see :func:`_columns_under`)."""
    pages = sorted((tokens[0].start, _lanci_numbers(tokens)) for tokens in lanci_lines if tokens)
    loose = [row for row in table.rows if row.loose]
    if not pages or not loose:
        return
    cases, known, sides = [], [], {}  # sides: each page's numbers of each side, one mapping shared by its rows
    for row in table.rows:
        page = next((index for index in range(len(pages) - 1, -1, -1) if pages[index][0] <= row.start), 0)
        if (page, row.side) not in sides:
            sides[page, row.side] = {c: pages[page][1][c] for c in table.side_columns(row.side) if c in pages[page][1]}
        numbers = sides[page, row.side]
        cases += [(value, numbers) for value in row.loose]
        known += [(value, numbers, column) for column, value in row.values.items() if column in numbers]
    columns = _columns_under(cases, lines, known)
    if columns is None:
        return
    placed = _in_rows(columns, [len(row.loose) for row in loose])
    if placed is None or any(set(columns) & row.values.keys() for row, columns in zip(loose, placed)):
        return
    for row, row_columns in zip(loose, placed):
        row.values.update(zip(row_columns, row.loose))
        row.loose = []


def _starts_item_row(tokens: list[_Token]) -> bool:
    """Whether a line opens the rows of a two-sided table printed without 栏次 or 行次: a numbered item
    ("一、一般公共预算拨款收入") with an amount on the line."""
    words = [t for t in tokens if t.text]
    return bool(words) and _ITEM.match(words[0].text) is not None and any(
        t.is_number and (not t.is_integer or len(t.text) > 2) for t in words[1:])  # an amount, not a 行次


def _has_line_numbers(data_lines: list[list[_Token]]) -> bool:
    """Whether the first row of a two-sided table prints its 行次: a small integer after its name, then
    an amount."""
    for tokens in data_lines:
        words = [t for t in tokens if t.text]
        if len(words) >= 3 and not words[0].is_number:
            return words[1].is_integer and len(words[1].text) <= 2 and words[2].is_number
    return False


#: A line that only numbers the next table ("表2", "表 3", "表二", a form's "公开02表", "部门公开表02", "附表4").
_NEXT_TABLE_NUMBER = compile_re(rf"^(?:{FORM_PREFIX}?表\s*{_NUMBER_WORDS}|{FORM_PREFIX}\s*(?P<form>\d{{1,2}})\s*表)$")


def next_table_number(line: str) -> int | None:
    """The number a line that only numbers the next table gives it (see :data:`_NEXT_TABLE_NUMBER`), else None."""
    lone = _NEXT_TABLE_NUMBER.match(line)
    return _table_number(lone.group("number") or lone.group("form")) if lone else None


#: A numbered item of a 收支总表 ("一、事业收入", "十二、住房保障支出").
_ITEM = compile_re(r"^[一二三四五六七八九十]+、")
#: Names of rows with no number of their own, by the side they stand on; on the 收入 side also a fund's
#: part of the balance carried in ("年初财政拨款结转和结余" over "一般公共预算财政拨款", "政府性基金预算财政拨款") and
#: a 预算's sources named 资金 ("五、单位资金", "财政专户管理资金"), on the 支出 side a budget's 预备费.
_INCOME_ROW = compile_re(r".*(?:收入|收入合计|收入总计|拨款|单位资金|财政专户管理资金)$|^(?:上年结转|年初|使用|用事业基金)")
_SPENDING_ROW = compile_re(r".*(?:支出|支出合计|支出总计|预备费)$|^(?:结转下年|年末|结余分配)")
#: A second row's name run on after a first's ("年初…结余年末…结余", "二、政府性基金预算财政拨款二、外交支出", "二、上年结转（四）住房
#: 保障支出").
_SECOND_ROW = compile_re(r"(?<=.)(?<![一二三四五六七八九十])(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|年初|年末)")


#: The title of a side's names ("项目", "收入项目", "支出项目"), kept apart when split off the title before it.
_ITEM_TITLE = compile_re(r"(?:收入|支出)?(项目)")


def _this_years_place(header_words: list[str]) -> int | None:
    """Where this year's amount stands (0, 1, …) among the amounts each side of a 收支总表 prints when the sides
    print two years (and maybe the change) alike ("项目 | 2024年预算数 | 2025年预算数 | 项目 | 2024年预算数 | 2025年预算数",
    Beijing's and Anhui's 预算; "项目 | 本年预算数 | 上年预算数 | 增减 | 项目 | …", Zhejiang's); None for another layout."""
    # (a title and the next run together, as a layout's spaces may join them: "上年预算数项目")
    words = [piece for word in header_words for piece in _ITEM_TITLE.split(_WHITESPACE.sub("", word)) if piece]
    names = [i for i, word in enumerate(words) if word == "项目"]
    if len(names) != 2:
        return None
    left = words[names[0] + 1:names[1]]
    right = words[names[1] + 1:names[1] + 1 + len(left)]
    periods = [(match["year"], match["word"], i) for i, word in enumerate(left) if (match := _PERIOD.fullmatch(word))]
    if left != right or len(periods) != 2:
        return None
    (year, word, place), (other_year, other_word, other_place) = periods
    if year and other_year and year != other_year:
        return place if int(year) > int(other_year) else other_place
    if {word, other_word} == {"本年", "上年"}:
        return place if word == "本年" else other_place
    return None


def _parse_unnumbered_two_sided(table: Table, data_lines: list[list[_Token]], header_words: list[str]) -> None:
    """A 收支总表 printed without 栏次 and 行次, as a 预算's is ("项目 预算数 项目 预算数"): each line holds
    a 收入 row (its name and one amount) and a 支出 row (its name and amounts), either of which may be
    missing. A row stands on the side of its cell (tab-separated lines), else of the row beside it, else
    of its name. Rows are numbered down the 收入 side, then down the 支出 side, as a 决算's 行次 are, but
    never printed; the sums the layout implies become the table's identities (see :func:`_item_sums`),
    and so does a 支出 side headed 合计 or 小计 over its sources (合计 = the other columns).
    The table is left unread when a row's side or a value's column cannot be told."""
    groups: list[tuple[str, _Token, list[_Token]]] = []  # (side or "", name, amounts)
    name_cells: dict[str, set[int]] = {"收入": set(), "支出": set()}
    this_year = _this_years_place(header_words)
    for tokens in data_lines:
        line: list[tuple[_Token, list[_Token]]] = []
        if len(tokens) == 1 and _NEXT_TABLE_NUMBER.match(tokens[0].text):
            continue  # the number of the next table, above its title ("表2")
        for token in tokens:
            if not token.text:
                continue
            if token.is_number:
                if not line:
                    table.problem = _("line {line} starts with an amount", line=token.line + 1)
                    return
                line[-1][1].append(token)
            elif line and not line[-1][1] and token.index == line[-1][0].index + 1:  # a name over two cells
                line[-1] = (line[-1][0]._replace(text=line[-1][0].text + token.text, end=token.end, index=token.index), [])
            else:
                line.append((token, []))
        if len(line) > 2:
            table.problem = _("line {line} holds more than two rows", line=line[0][0].line + 1)
            return
        if len(line) == 1 and len(_SECOND_ROW.findall(line[0][0].text)) == 1:
            line = _split_names(*line[0])
            groups.extend(zip(("收入", "支出"), *zip(*line)))
            continue
        if len(line) == 2:
            name_cells["收入"].add(line[0][0].index)
            name_cells["支出"].add(line[1][0].index)
        groups.extend((("收入", "支出")[i] if len(line) == 2 else "", *group) for i, group in enumerate(line))
    tabbed = any(t.index >= 0 for tokens in data_lines for t in tokens)
    if this_year is not None and not tabbed and len({len(amounts) for _, _, amounts in groups if amounts}) > 1:
        table.problem = _("its amounts cannot be placed in columns")  # spaces: which year a row's lone amount is of is unknown
        return
    rows: dict[str, list[Row]] = {"收入": [], "支出": []}
    for side, name, amounts in groups:
        side = side or _side_of(name, name_cells)
        if side is None:
            table.problem = _("row “{row}” stands on no side that can be told", row=name.text)
            return
        row = Row(name=name.text, side=side, start=name.start, end=(amounts[-1] if amounts else name).end)
        # The n-th cell after the name (tabs), or the n-th amount (spaces), is the side's n-th column.
        places = [a.index - name.index if name.index >= 0 else n for n, a in enumerate(amounts, 1)]
        row.values = {place + (0 if side == "收入" else 1): a.as_value() for place, a in zip(places, amounts)}
        if this_year is not None:  # two years a side: this year's amount is the side's only column
            value = row.values.get(this_year + (1 if side == "收入" else 2))
            row.values = {} if value is None else {1 if side == "收入" else 2: value}
        rows[side].append(row)
    if any(set(row.values) - {1} for row in rows["收入"]) or not rows["收入"] or not rows["支出"]:
        table.problem = _("its amounts cannot be placed in columns")
        return
    width = max((max(row.values) - 1 for row in rows["支出"] if row.values), default=1)
    if not tabbed and any(row.values and len(row.values) != width for row in rows["支出"]):
        table.problem = _("its amounts cannot be placed in columns")  # spaces: which cells are empty is unknown
        return
    table.columns = list(range(1, width + 2))
    table.rows = rows["收入"] + rows["支出"]
    table.layout, table.numbered_rows = "tab" if tabbed else "space", False
    for number, row in enumerate(table.rows, 1):
        row.line_no = number
    table.identities.extend(_layout_sums(rows))
    _imply_spending_total(table, header_words)


#: The line opening the 支出 block of a 收支总表 printed vertically ("支出", "二、支出", "支出项目").
_SPENDING_BLOCK = compile_re(r"(?:[二2][、.．]?)?支\s*出(?:项目|部分)?")
#: The line opening its 收入 block, when it stands among the rows ("收入", "一、收入").
_INCOME_BLOCK = compile_re(r"(?:[一1][、.．]?)?收\s*入(?:项目|部分)?")


def _spending_block(data_lines: list[list[_Token]], header_words: list[str]) -> int | None:
    """Where the 支出 block of a 收支总表 printed vertically begins (the 收入 rows, then a line "支出" and the 支出
    rows under the same columns: "项目 | 行次 | 金额" once, each row a name, maybe its 行次, and one amount), as a
    portrait page lays it; None for a table of two sides side by side."""
    words = [_HALF_WIDTH(word).replace(" ", "") for word in header_words]
    if sum(1 for word in words if _SIDE_AMOUNT_TITLE.fullmatch(word)) != 1 or words.count("项目") > 1:
        return None
    for at, tokens in enumerate(data_lines):
        cells = [t for t in tokens if t.text]
        if len(cells) == 1 and _SPENDING_BLOCK.fullmatch(cells[0].text):
            return at if 0 < at < len(data_lines) - 1 else None
    return None


def _parse_vertical_two_sided(table: Table, data_lines: list[list[_Token]], spending: int, numbered: bool,
                              lines: list[tuple[int, str]]) -> None:
    """A 收支总表 printed vertically (see :func:`_spending_block`): the rows above the line "支出" on the 收入 side
    (column 1), those below it on the 支出 side (columns 2…), but for a row whose name tells its side (the totals of
    both sides may follow the 支出 rows: "本年收入合计", "年初结转和结余"). The 支出 block may print a header of its own
    over several columns (a 财政拨款收支总表's 合计 and funds, numbered 1… on its 栏次 line), each amount placed under
    its number (see :func:`_columns_under`). The rows are ``numbered`` by the 行次 each prints first, else in order down
    the table. Left unread when a line holds more than one row, or amounts that cannot be placed."""
    body, lanci = _spending_header(data_lines, spending)
    width = max(len(lanci), 1)  # the 支出 side's columns
    # (the block's 栏次 by the table's columns, 2…: numbered from 1 in the block, or on from the 收入 side's 1)
    lanci = {number + 2 - min(lanci): token for number, token in lanci.items()} if lanci else {}
    rows: dict[str, list[Row]] = {"收入": [], "支出": []}
    loose: list[tuple[Row, list[_Token]]] = []
    full: list[list[_Token]] = []  # the amounts of 支出 rows printing every column
    for at, tokens in enumerate(data_lines):
        cells = [t for t in tokens if t.text]
        if spending <= at < body or (at == 0 and len(cells) == 1 and _INCOME_BLOCK.fullmatch(cells[0].text)):
            continue
        names = [t for t in cells if not t.is_number]
        if not names:
            table.problem = _("line {line} starts with an amount", line=cells[0].line + 1)
            return
        numbers = [t for t in cells if t.is_number]
        line_no = numbers.pop(0) if numbered and numbers and numbers[0].is_integer and len(numbers[0].text) <= 3 else None
        if cells[0].is_number or any(names[0].start < t.start < names[-1].start for t in numbers):
            table.problem = _("line {line} holds more than two rows", line=cells[0].line + 1)
            return
        name = "".join(t.text for t in names)
        by_name = [side for side, pattern in (("收入", _INCOME_ROW), ("支出", _SPENDING_ROW)) if pattern.match(_ITEM.sub("", name))]
        side = by_name[0] if len(by_name) == 1 else "收入" if at < spending else "支出"
        if len(numbers) > (1 if side == "收入" else width):
            table.problem = _("its amounts cannot be placed in columns")
            return
        row = Row(name=name, side=side, line_no=decimal_int(line_no.text) if line_no is not None else None,
                  start=names[0].start, end=(numbers[-1] if numbers else names[-1]).end)
        if side == "收入" or len(numbers) == width:
            row.values = {(1 if side == "收入" else 2) + i: token.as_value() for i, token in enumerate(numbers)}
            full += [numbers] if side == "支出" and width > 1 else []
        elif numbers:
            loose.append((row, numbers))
        rows[side].append(row)
    if loose and not _place_spending_amounts(loose, full, lanci, lines):
        table.problem = _("its amounts cannot be placed in columns")
        return
    if any(row.line_no is None for side in rows.values() for row in side):
        if numbered:
            table.problem = _("row {row!r} has no 行次", row=next(row.name for side in rows.values() for row in side
                                                               if row.line_no is None))
            return
        for number, row in enumerate(rows["收入"] + rows["支出"], 1):
            row.line_no = number
    table.numbered_rows = numbered
    table.columns, table.rows = list(range(1, width + 2)), rows["收入"] + rows["支出"]
    # (as the 支出 block's 栏次 line numbers them; its one column of amounts, as the 收入 block's: 栏1)
    table.printed_columns = {column: _column_number(token) for column, token in lanci.items()
                             if column != _column_number(token)} if lanci else {2: 1}
    table.layout = "tab" if any(t.index >= 0 for tokens in data_lines for t in tokens) else "space"
    if not any(identity.axis == "行" for identity in table.identities):  # no 注 prints them: the items add up
        table.identities.extend(_layout_sums(rows))
    _imply_spending_total(table, [t.text for tokens in data_lines[spending + 1:body] for t in tokens if t.text])


def _spending_header(data_lines: list[list[_Token]], spending: int) -> tuple[int, dict[int, _Token]]:
    """Where the 支出 rows of a vertical 收支总表 begin (past a header the 支出 block prints of its own: "项目 | 行次 | 合计 |
    一般公共预算财政拨款 …" over its 栏次 line), and the numbers of that 栏次 line by the 栏次 each is (none printed: {})."""
    at, titled = spending + 1, False
    while at < len(data_lines):
        cells = [t for t in data_lines[at] if t.text]
        if cells and _WHITESPACE.sub("", cells[0].text) == "栏次":
            return at + 1, _lanci_numbers(cells[1:])
        if not cells or any(t.is_number for t in cells) or _ITEM.match(cells[0].text) \
                or not (titled or cells[0].text.startswith("项目")):
            break
        at, titled = at + 1, True
    return (at if titled else spending + 1), {}


def _place_spending_amounts(loose: list[tuple[Row, list[_Token]]], full: list[list[_Token]], lanci: dict[int, _Token],
                            lines: list[tuple[int, str]]) -> bool:
    """Place the amounts of the 支出 rows that leave cells empty under the numbers of their block's 栏次 line (``lanci``,
    by the table's column: 2…), as rows printing every column (``full``) stand; False when they cannot be placed, each
    row's in order."""
    cases = [(token, lanci) for _, amounts in loose for token in amounts]
    known = [(token, lanci, column) for amounts in full for column, token in zip(sorted(lanci), amounts)]
    columns = _columns_under(cases, lines, known) if lanci else None
    placed = _in_rows(columns, [len(amounts) for _, amounts in loose]) if columns is not None else None
    if placed is None:
        return False
    for (row, amounts), row_columns in zip(loose, placed):
        row.values = {column: token.as_value() for column, token in zip(row_columns, amounts)}
    return True


def _imply_spending_total(table: Table, header_words: list[str]) -> None:
    """A 支出 side printing a 合计 (or 小计) column before the funds' ("合计 | 一般公共预算财政拨款 | 政府性基金…"):
    its first column is the sum of the others, a row at a time."""
    header = "".join(header_words)
    if len(table.side_columns("支出")) > 1 and ("合计" in header or "小计" in header) and "其中" not in header:
        table.identities.append(Identity("栏", 2, tuple((1, c) for c in table.columns[2:]),
                                         N_("合计 = the sum of the other columns"), 0, 0, implied=True))


def _split_names(name: _Token, amounts: list[_Token]) -> list[tuple[_Token, list[_Token]]]:
    """A 收入 row's name and a 支出 row's run together, as PDF text prints two cells side by side
    ("二、政府性基金预算财政拨款收入二、外交支出"): the 收入 row printed no amount (it would stand between
    the names), so ``amounts`` are the 支出 row's."""
    cut = _SECOND_ROW.search(name.text).start()
    left = name._replace(text=name.text[:cut], end=name.start + cut)
    right = name._replace(text=name.text[cut:], start=name.start + cut)
    return [(left, []), (right, amounts)]


def _side_of(name: _Token, name_cells: dict[str, set[int]]) -> str | None:
    """The side of a row alone on its line: its cell's, when rows of one side only use that cell, else
    its name's ("…收入", "上年结转" on the 收入 side; "…支出", "结转下年" on the 支出 side)."""
    sides = [side for side, cells in name_cells.items() if name.index >= 0 and name.index in cells]
    if len(sides) == 1:
        return sides[0]
    by_name = [side for side, pattern in (("收入", _INCOME_ROW), ("支出", _SPENDING_ROW))
               if pattern.match(_ITEM.sub("", name.text))]
    return by_name[0] if len(by_name) == 1 else None


def _layout_sums(rows: dict[str, list[Row]]) -> list[Identity]:
    """The identities a 收支总表's layout implies, for the rows of each side (see :func:`_item_sums` and
    :func:`_outline_sums`)."""
    found = []
    for side, subtotal, total in (("收入", "本年收入合计", "收入总计"), ("支出", "本年支出合计", "支出总计")):
        found += _item_sums(rows[side], subtotal, total) or _outline_sums(rows[side], total)
    if sum(row.line_no is None for side in rows.values() for row in side) > 1:
        # both sides' 总计 printed without their 行次: an identity naming a row by its 行次 cannot tell them apart
        found = [identity for identity in found
                 if identity.target is not None and all(line is not None for _, line in identity.terms)]
    return found


def _item_sums(rows: list[Row], subtotal: str, total: str) -> list[Identity]:
    """The identities of one side of a 收支总表 whose notes print none: its ``subtotal`` (本年收入合计) is the sum of
    the numbered items above it; its ``total`` (收入总计, or 总计) is the subtotal plus the balances
    carried in or over between them (上年结转, 年初结转和结余, 结转下年 …), whose own items, numbered or
    naming a fund ("年初财政拨款结转和结余" then "一、一般公共预算财政拨款"), break them down and are not added again."""
    names = [row.plain_name for row in rows]
    if subtotal not in names:
        return []
    at = names.index(subtotal)
    items = [row for row in rows[:at] if _ITEM.match(row.name)]
    found = []
    if items and not any(not row.name.strip() and (row.values or row.loose) for row in rows[:at]):
        # (not beside amounts whose name was printed around their line, "二、政府性基金预算财政拨" over "2  188.00" over
        # "款": a numbered item of its own, maybe)
        found.append(Identity("行", rows[at].line_no, tuple((1, row.line_no) for row in items),
                              N_("本年收入合计 = the sum of the numbered items above it") if subtotal.startswith("本年收入")
                              else N_("本年支出合计 = the sum of the numbered items above it"), 0, 0, implied=True))
    end = next((i for i in range(at + 1, len(rows)) if names[i] in (total, "总计")), None)
    if end is None:
        return found
    added, carried = [rows[at]], False
    for row in rows[at + 1:end]:
        if _CARRIED.match(row.plain_name):
            added.append(row)
            carried = True
        elif not (row.name or row.values or row.loose):
            continue  # an empty line of the other side's rows
        elif not (carried and (_ITEM.match(row.name) or "财政拨款" in row.plain_name)):
            return found  # a row of another kind between them: what the total adds up is not known
    found.append(Identity("行", rows[end].line_no, tuple((1, row.line_no) for row in added),
                          N_("收入总计 = 本年收入合计 and the balances below it") if subtotal.startswith("本年收入")
                          else N_("支出总计 = 本年支出合计 and the balances below it"), 0, 0, implied=True))
    return found


def _outline_sums(rows: list[Row], total: str) -> list[Identity]:
    """The identities of one side of a 收支总表 printed as an outline ("一、本年收入" over "（一）一般公共预算拨款"
    …, "二、上年结转", then "收入总计"): each first-level row with items under it is their sum, and the
    总计 the sum of the first-level rows (a flat list's 总计 the sum of its items). None when a row of another kind
    stands among them."""
    found, heads, current = [], [], None
    for row in rows:
        name = row.name.strip()
        if _ITEM.match(name):
            current = (row, [])
            heads.append(current)
        elif _OUTLINE_SECOND.match(name) and current is not None:
            current[1].append(row)
        elif row.plain_name in (total, "总计"):
            found.append(Identity("行", row.line_no, tuple((1, head.line_no) for head, _ in heads),
                                  N_("总计 = the sum of the first-level rows above it"), 0, 0, implied=True))
            break
        elif name:
            return []  # a row of another kind: the outline is not what the layout says
    if not any(items for _, items in heads):
        return found  # a flat list of items: the 总计 their sum, if it was found
    return [Identity("行", head.line_no, tuple((1, item.line_no) for item in items),
                     N_("a first-level row = the sum of the items under it"), 0, 0, implied=True)
            for head, items in heads if items] + found


#: The second level of an outline's row names ("（一）一般公共预算拨款", under "一、本年收入").
_OUTLINE_SECOND = compile_re(r"[(（][一二三四五六七八九十]+[)）]")

#: Rows between a 收支总表's 本年合计 and its 总计 that add to it: balances carried in or over.
_CARRIED = compile_re(r"^(?:上年结转|年初(?:财政拨款)?结转|使用非财政拨款结余|用事业基金弥补|结转下年|年末(?:财政拨款)?结转|结余分配)")


#: The quantities of a block of the 三公 table, in the order of its columns.
SANGONG_COLUMNS = ("合计", "因公出国(境)费", "公务用车购置及运行维护费", "公务用车购置费", "公务用车运行维护费", "公务接待费")


def sangong_blocks(table: Table) -> dict[str, list[int]]:
    """The columns of each block of a 三公 table by what it holds ("预算" or "决算"), each in the order
    of :data:`SANGONG_COLUMNS`: twelve columns pairing 预算数 and 决算数 under each quantity ("预算数 决算数
    预算数 决算数 …", as Shanghai prints them), or a 预算数 block then a 决算数 block (the national 决算
    table); six columns of the one its title or header names, also before a 机关运行经费 column. Labels wrapped
    over the header's lines are read in their order in the lines joined, when the amounts add up in it. Empty
    for another layout, or when its header does not name the quantities in that order."""
    if table.blocks:
        return table.blocks
    lines = ["".join(line) for line in table.header_lines]  # words joined, as a space-separated line has them
    order = _sangong_order(lines)
    if order is not None:
        return _blocks_in_order(table, lines, order)
    # Labels wrapped over the header's lines ("因公出国" over "（境）费", "公务用车" over "购置及运" over "行费"): their
    # order in the lines joined, kept only where every block's amounts add up in it.
    order = _wrapped_sangong_order(lines)
    blocks = _blocks_in_order(table, lines, order) if order is not None else {}
    if blocks and _blocks_add_up(table, blocks):
        return blocks
    # …or, where the labels' order cannot be told ("公务用车购置及运行维护费" spanning its columns on a line above
    # "因公出国" over "（境）费"), the national table's, when the amounts show it: every block's 合计 its three parts
    # and some block's cars their 购置费 and 运行费, or one block adding up wholly, two of its parts spent at least
    # (another block may carry a slip, for TBL002 to report).
    if not all(part in "".join(lines) for part in ("因公出国", "公务用车", "接待")):
        return {}  # (their order in the lines joined may not be told at all: "合计" centred below "因公出国（境）", over "费")
    blocks = _blocks_in_order(table, lines, _order_of_labels(1, 2, 3))
    return blocks if blocks and (_blocks_add_up(table, blocks, cars_in_one=True) or any(
        _blocks_add_up(table, {kind: columns}, spent=2) for kind, columns in blocks.items())) else {}


def _blocks_in_order(table: Table, lines: list[str], order: tuple[int, ...]) -> dict[str, list[int]]:
    """The blocks of :func:`sangong_blocks`, their quantities' order in a block known."""
    columns = table.columns
    said = {word for word in ("预算数", "决算数") if any(word in line for line in lines)}
    if len(columns) == 12 and said == {"预算数", "决算数"}:
        lines = [line.removeprefix("项目") for line in lines]  # (over a column of the rows' labels: "项目 | 预算数 | 决算数")
        if "预算数决算数" * 6 in lines:
            return {"预算": _in_sangong_order(columns[0::2], order), "决算": _in_sangong_order(columns[1::2], order)}
        if "预算数决算数" in lines:
            return {"预算": _in_sangong_order(columns[:6], order), "决算": _in_sangong_order(columns[6:], order)}
        return {}
    # Each block goes on with 会议费 and 培训费 after the 三公 (Chongqing's "“三公”经费、会议费、培训费支出决算表").
    extra = sum(len(_AFTER_SANGONG.findall(line)) for line in lines) // 2
    if extra and len(columns) == 2 * (6 + extra) and said == {"预算数", "决算数"} and "预算数决算数" in lines:
        return {"预算": _in_sangong_order(columns[:6], order),
                "决算": _in_sangong_order(columns[6 + extra:12 + extra], order)}
    years = next((_TWO_YEARS.search(line) for line in lines if _TWO_YEARS.search(line)), None)
    if len(columns) == 12 and years:
        # "2024年预算数 2025年预算数" (or "2024年执行数 2025年预算数", centrally): the latest year's block, and the
        # year's before as "上年…"; the two years under each quantity when the line pairs them six times.
        first, second = (columns[0::2], columns[1::2]) if years.group() * 6 in lines else (columns[:6], columns[6:])
        (_, before, earlier), (_, kind, later) = sorted(
            [(years.group("year"), years.group("kind"), first), (years.group("other_year"), years.group("other_kind"), second)],
            key=lambda block: block[0])
        if kind != "执行":
            return {kind: _in_sangong_order(later, order), f"上年{before}": _in_sangong_order(earlier, order)}
    kind = sangong_kind(table)
    if len(columns) == 6 and kind and said <= {f"{kind}数"}:
        return {kind: _in_sangong_order(columns, order)}
    if len(columns) == 7 and kind and said <= {f"{kind}数"} and _operating_costs_after(lines):
        return {kind: _in_sangong_order(columns[:6], order)}  # Shanghai's table adds 机关运行经费 after them
    return {}


def _operating_costs_after(lines: list[str]) -> bool:
    """Whether a 三公 table's header lines title a 机关运行经费 column after the 三公's."""
    return any("机关运行经费" in line and line.rfind("公务接待") < line.rfind("机关运行经费") for line in lines)


def operating_cost_column(table: Table) -> int | None:
    """The column of 机关运行经费 a 三公 table of one block prints after its six (Shanghai's "“三公”经费和机关
    运行经费预算表"), or None."""
    if len(table.columns) != len(SANGONG_COLUMNS) + 1 or len(sangong_blocks(table)) != 1:
        return None
    return table.columns[-1] if _operating_costs_after(["".join(line) for line in table.header_lines]) else None


def _wrapped_sangong_order(lines: list[str]) -> tuple[int, ...] | None:
    """The order of :func:`_sangong_order` from header lines whose labels wrap, joined: each quantity where its
    label first begins, the cars' 小计, 购置费 and 运行费 named below their label."""
    joined = "".join(lines)
    # "公务" over "接待费": its label begins where 接待 is, when the two lines never join it.
    starts = [joined.find(stem) for stem in ("因公出国", "公务用车")] + [joined.find("公务接待") if "公务接待" in joined
                                                                     else joined.find("接待")]
    if -1 in starts or "小计" not in joined or not _in_order(joined[joined.find("小计"):], ("购置", "运行")):
        return None
    return _order_of_labels(*starts)


def _order_of_labels(abroad: int, cars: int, hosting: int) -> tuple[int, ...]:
    """Where a block of six columns holds each quantity of :data:`SANGONG_COLUMNS`, given where the header
    names 因公出国, the cars (three columns: 小计, 购置费, 运行费) and 公务接待: 合计 first, the parts in
    the order of their labels."""
    positions, at = {}, 1
    for part, _start in sorted((("abroad", abroad), ("cars", cars), ("hosting", hosting)), key=lambda part: part[1]):
        positions[part] = at
        at += 3 if part == "cars" else 1
    return 0, positions["abroad"], positions["cars"], positions["cars"] + 1, positions["cars"] + 2, positions["hosting"]


def _blocks_add_up(table: Table, blocks: dict[str, list[int]], cars_in_one: bool = False, spent: int = 0) -> bool:
    """Whether the one row of a 三公 table adds up in every block as :data:`SANGONG_COLUMNS` orders it: its
    合计 the three parts, ``spent`` of them at least not 0, the cars' amount their 购置费 and 运行费 (a blank cell
    counting 0); with ``cars_in_one``, the cars' only in one block at least."""
    row = table.single_or_total()
    if row is None or any(row.amount(columns[0]) is None for columns in blocks.values()):
        return False  # no amounts yet (a table being read) or a block's total unprinted: nothing tells the order
    cars_add_up = []
    for columns in blocks.values():
        total, abroad, cars, purchase, running, hosting = (row.amount(column) or 0.0 for column in columns)
        if abs(total - abroad - cars - hosting) > 0.015 or sum(part != 0 for part in (abroad, cars, hosting)) < spent:
            return False
        cars_add_up.append(abs(cars - purchase - running) <= 0.01)
    return any(cars_add_up) if cars_in_one else all(cars_add_up)


def sangong_kind(table: Table, document_kind: str | None = None) -> str | None:
    """What a 三公 table's title says it holds, "决算" or "预算", or None. The 一般公共预算 it is paid
    from ("一般公共预算财政拨款“三公”经费情况表") says 预算 only when the document's kind is not known."""
    title = table.title.replace(" ", "")
    named = title.replace("一般公共预算", "")
    if "决算" in named or "预算" in named:
        return "决算" if "决算" in named else "预算"
    return document_kind or ("预算" if "预算" in title else None)


#: Header words of columns that are no parts of a row's 合计: a change, a rate, last year's amounts (not 上年结转, a source of
#: this year's).
_NOT_PARTS = compile_re(r"增减|增长|变动|比上年|较上年|上年(?!结转)|%|％|百分比")
#: A line naming who signs a table ("单位负责人：…", "制表人：…", "联系电话：…").
_SIGNED = compile_re(r"(?:单位负责人|主管会计工作负责人|会计机构负责人|财务负责人|负责人|联系人|制表人|填报人|审核人|联系电话)\s*[：:]")
#: The title of a budget column beside the 决算's ("年初预算数", "调整预算数", "全年预算数").
_BUDGET_TITLE_WORDS = compile_re(r"(?:年初|调整后?|全年)预算")
_YEAR_WORD = compile_re(r"20\d{2}(?=年)")
#: Two years' blocks side by side in a header line ("2024年预算数 2025年预算数").
_TWO_YEARS = compile_re(r"(?P<year>20\d{2})年度?(?P<kind>预算|决算|执行)数?\s*(?P<other_year>20\d{2})年度?(?P<other_kind>预算|决算|执行)数?")


def _sangong_stacked_blocks(table: Table, data_lines: list[list[_Token]], header: dict[int, int] | None,
                            header_words: list[str]) -> bool:
    """Read a 三公 table printed as its two blocks one above the other: "预算数", the quantities, 栏次 1–6 and
    the amounts, then "决算数", the quantities again, 栏次 7–12 and the amounts (the national table folded
    to fit a page), or "决算数" alone on a line over the second block's amounts (a workbook's sheet, its empty cells
    blank), as the one row of the layout :func:`sangong_blocks` knows."""
    if not header or len(header) != 6 or len(data_lines) < 3:
        return False
    second = next((i for i, tokens in enumerate(data_lines)
                   if [t.text for t in tokens if t.text] == [str(number) for number in range(7, 13)]), None)
    if second is None:
        second = next((i for i, tokens in enumerate(data_lines) if _BLOCK_ROW.fullmatch("".join(t.text for t in tokens))), None)
    if second is None or second == 0 or second + 1 >= len(data_lines):
        return False
    between = "".join(t.text for tokens in data_lines[1:second + 1] for t in tokens)
    first_kind, second_kind = (next((kind for word, kind in (("预算数", "预算"), ("决算数", "决算")) if word in words), None)
                               for words in ("".join(header_words), between))
    amounts = [_block_cells(data_lines[i], header) for i in (0, second + 1)]
    order = _sangong_order(["".join(line) for line in table.header_lines])
    if None in (first_kind, second_kind, order, *amounts) or first_kind == second_kind:
        return False
    _one_row_of_blocks(table, {first_kind: _in_sangong_order(amounts[0], order),
                               second_kind: _in_sangong_order(amounts[1], order)})
    return True


def _block_cells(tokens: list[_Token], header: dict[int, int]) -> list[_Token | None] | None:
    """The six cells of a line of a 三公 block's amounts, None where one is blank (a tab-separated line, its cells
    placed by the header's); None unless the line is amounts only, six of them when space-laid."""
    numbers = [t for t in tokens if t.text]
    if not numbers or not all(t.is_number for t in numbers):
        return None
    if numbers[0].index < 0:
        return numbers if len(numbers) == 6 else None
    placed = {header[t.index]: t for t in numbers if t.index in header}
    return [placed.get(column) for column in range(1, 7)] if len(placed) == len(numbers) else None


def _in_sangong_order(printed: list, order: tuple[int, ...]) -> list:
    """A block's six columns (or amounts) as printed, put in the order of :data:`SANGONG_COLUMNS`."""
    return [printed[position] for position in order]


def _without_operating_costs(data_lines: list[list[_Token]]) -> list[list[_Token]]:
    """The lines of a 三公 table without the 机关运行经费 printed below its one row of amounts, named on a line and its
    amount maybe on the next ("行政参公单位机关运行经费" then "86.42", Yunnan's 公开10表): not a 三公 quantity."""
    cells = [t for tokens in data_lines[1:] for t in tokens if t.text]
    if cells and all(t.is_number for t in data_lines[0] if t.text) and "机关运行经费" in "".join(t.text for t in cells if not t.is_number) and sum(t.is_number for t in cells) <= 2:
        return data_lines[:1]
    return data_lines


def _bare_amounts_row(table: Table, tokens: list[_Token], read_as_header: bool = True) -> bool:
    """Read a 三公 table printed without 栏次 whose one row is a line of 6 or 12 amounts (with decimals,
    or in a table in 元) alone (or after "合计") under a header :func:`sangong_blocks` knows: its amounts are
    columns 1, 2, … in order (``read_as_header``: the line was taken for the header's last)."""
    amounts = [t for t in tokens if t.text]
    if amounts and amounts[0].text in (*_TOTAL_NAMES, "金额"):
        amounts = amounts[1:]  # "合计 9.80 0.00 6.00 …", "金额 | 80,000.00 | …" under "栏次 | 1 | 2 | …"
    if len(amounts) not in (6, 12) or not all(t.is_number and ("." in t.text or table.unit == "元") for t in amounts):
        return False  # not amounts with decimals (or whole 元): a 栏次 line that does not count 1, 2, … perhaps
    header_line = table.header_lines.pop() if read_as_header else None
    table.columns = list(range(1, len(amounts) + 1))
    row = Row(name="合计", start=amounts[0].start, end=amounts[-1].end)
    row.values = {column: token.as_value() for column, token in enumerate(amounts, 1)}
    table.rows = [row]  # (a header whose labels wrap is read in the order its amounts add up in)
    if not sangong_blocks(table):
        if header_line is not None:
            table.header_lines.append(header_line)
        table.columns, table.rows = [], []
        return False
    table.layout = "tab" if amounts[0].index >= 0 else "space"
    return True


def _counts_one_by_one(header: dict[int, int]) -> bool:
    """Whether a 栏次 line numbers a 三公 table's 6 or 12 columns 1, 2, … in order (a 栏次 cell before them titling a
    column of labels: "栏次 | 1 | 2 | … | 12" over "金额 | 80,000.00 | …")."""
    return len(header) in (6, 12) and [header[index] for index in sorted(header)] == list(range(1, len(header) + 1))


#: The rows of a 三公 table printed with one row per quantity, in the order of :data:`SANGONG_COLUMNS`.
_SANGONG_ITEMS = tuple(compile_re(pattern) for pattern in (
    r"^(?:“?三公”?经费)?(?:支出)?合\s*计$|^“?三公”?经费(?:财政拨款)?支出(?:合计)?$", r"因公出国", r"公务用车购置及运行", r"(?<!及)购置费$", r"(?<!购置及)运行(?:维护)?费$", r"公务接待"))


def _sangong_item_rows(table: Table, data_lines: list[list[_Token]], header_words: list[str]) -> bool:
    """Read a 三公 table printed with a row per quantity ("合计 | 5.00 | 4.28", "1.因公出国（境）费 | …",
    "（1）公务用车购置费 | …") and a column per block ("项目 | 预算数 | 决算数"), as the one row of the
    layout :func:`sangong_blocks` knows: the blocks' six columns side by side. The rows must name the
    six quantities in order, each with an amount per block; the 相关统计数 below them are counts."""
    header = "".join(header_words)
    blocks = _item_row_blocks(header)
    # Columns of the change between the blocks after them ("2024年预算数 | 2025年预算数 | 增减额"): not read.
    changes = _change_columns([word for word in header_words if _CHANGE_COLUMN.fullmatch(word)]) if blocks else []
    numbered = "行次" in header_words or "栏次" in header_words  # "项目 | 行次 | 预算数 | 决算数": each row's 行次 first
    items: dict[int, list[_Token]] = {}
    change_rows: list[Row] = []
    operating: list[_Token | None] = []  # the row of 机关运行经费 after the quantities (Yunnan's 公开10表)
    done = False  # whether the quantities' rows have ended
    blank = False  # whether the line before named a quantity and printed no amount
    for tokens in data_lines:
        name = _ITEM_MARK.sub("", _HALF_WIDTH("".join(t.text for t in tokens if t.text and not t.is_number)))
        if numbered:
            tokens = _without_line_number(tokens)
        amounts = _row_cells(tokens, len(blocks) + len(changes)) or _rate_left_blank(
            [t for t in tokens if t.is_number], blocks, changes)
        if blank and not name and amounts:
            return False  # the amounts of the row above, wrapped onto a line of their own: no row left blank
        blank = False
        if "机关运行经费" in name and _MAIN_SANGONG_ITEMS - {0} <= items.keys():
            if len(amounts) == len(blocks) + len(changes):
                operating = amounts[:len(blocks)]
            continue  # "三、行政参公单位机关运行经费" after the parts (or between them and the 合计 printed last)
        if done or len(items) == len(_SANGONG_ITEMS) or name.startswith("栏次"):
            continue
        # In the national order, or any other a header names its quantities in (公务接待费 before 公务用车).
        item = next((i for i, pattern in enumerate(_SANGONG_ITEMS) if i not in items and pattern.search(name)), None)
        if item == 0 and not any(amounts):
            continue  # a heading over the rows ("一、“三公”经费支出" over "（一）支出合计", Yunnan's 公开10表)
        if item is None and _MAIN_SANGONG_ITEMS - {0} <= items.keys() and _AFTER_SANGONG.search(name):
            continue  # "4.会议费" between the parts and the 合计 printed last
        if item is None and _MAIN_SANGONG_ITEMS <= items.keys():
            done = True  # the rows after the quantities (外事接待费 under 公务接待费, the 相关统计数)
            continue
        blank = item is not None and item != 0 and not amounts
        if blank:
            items[item] = [None] * len(blocks)  # a row left blank: nothing spent ("1.因公出国（境）费" of none)
            continue
        if item is None or len(amounts) != len(blocks) + len(changes):
            return False
        items[item] = amounts[:len(blocks)]
        if changes and (change_row := _change_row(name, blocks, amounts, changes)) is not None:
            change_rows.append(change_row)
    if not blocks or not (_MAIN_SANGONG_ITEMS <= items.keys() or _MAIN_SANGONG_ITEMS - {2} | {3, 4} <= items.keys()):
        return False  # (nor are its change rows read: another reading of the table may read them)
    table.change_rows.extend(change_rows)
    # The cars' 购置费 and 运行维护费 may go unprinted (no row of their own), or their 小计: their columns stay empty.
    _one_row_of_blocks(table, {kind: [items[i][block] if i in items else None for i in range(len(_SANGONG_ITEMS))]
                               for block, (_, kind) in enumerate(blocks)}, lambda block, _: block + 1)
    table.operating_costs = {kind: (len(SANGONG_COLUMNS) * (block - 1) + 1, token.as_value())  # (printed as the block's 栏)
                             for block, ((_, kind), token) in enumerate(zip(blocks, operating), 1) if token is not None}
    return True


def _rate_left_blank(amounts: list[_Token], blocks: list[tuple[int, str]], changes: list[str]) -> list[_Token | None]:
    """A row's amounts, its rate of change None where the row prints no rate because last year's amount is 0
    ("1.因公出国（境）费  0.00  0.00  0.00" under "2024年预算数 | 2025年预算数 | 增减额 | 增减率": no rate of a change
    from nothing); else the amounts as printed."""
    earlier = _last_years_block(blocks)
    if len(amounts) != len(blocks) + len(changes) - 1 or earlier is None or not changes \
            or not _CHANGE_RATE.search(changes[-1]) or amounts[earlier].as_value().value != 0:
        return amounts
    return [*amounts, None]


def _last_years_block(blocks: list[tuple[int, str]]) -> int | None:
    """The index of the one block of ``blocks`` that is last year's ("上年预算"), or None."""
    earlier = [i for i, (_, kind) in enumerate(blocks) if kind.startswith("上年")]
    return earlier[0] if len(earlier) == 1 else None


def _change_row(name: str, blocks: list[tuple[int, str]], amounts: list[_Token], changes: list[str]) -> Row | None:
    """A 三公 row of two years' blocks and their change after them, as a row of this year's amount (栏1) with
    last year's and the change beside it; None unless the blocks are two years (one titled 上年…)."""
    earlier = _last_years_block(blocks)
    if len(blocks) != 2 or earlier is None:
        return None
    now, before = amounts[1 - earlier], amounts[earlier]
    if now is None or before is None:  # an empty cell is None
        return None
    printed = [t for t in amounts if t is not None]
    row = Row(name=name, start=min(t.start for t in printed), end=max(t.end for t in printed))
    row.values = {1: now.as_value()}
    row.earlier = before.as_value()
    for title, token in zip(changes, amounts[len(blocks):]):
        if token is None:
            continue
        if _CHANGE_RATE.search(title):
            row.change_rate = token.as_value()
        else:
            row.change = token.as_value()
    return row


def _without_line_number(tokens: list[_Token]) -> list[_Token]:
    """A row's cells without its 行次 (the first number after its label, a small whole number)."""
    label = next((i for i, t in enumerate(tokens) if t.text and not t.is_number), None)
    after = next((i for i in range(label + 1, len(tokens)) if tokens[i].text), None) if label is not None else None
    if after is None or not tokens[after].is_integer or len(tokens[after].text) > 2:
        return tokens
    return tokens[:after] + tokens[after + 1:]


#: The quantities every 三公 table prints a row for: 合计, 因公出国(境)费, 公务用车购置及运行(维护)费, 公务接待费.
_MAIN_SANGONG_ITEMS = {0, 1, 2, 5}


def _item_row_blocks(header: str) -> list[tuple[int, str]]:
    """``(position, block)`` of the columns of a 三公 table with a row per quantity, in the header's
    order: "预算数" and "决算数" (a 决算's "年初预算数 | 全年预算数 | 决算数", or 调整预算数: the 全年 one its 预算), or two years
    ("2024年执行数 | 2025年预算数"), the latest its own kind and the one before "上年" and its kind (上年执行, 上年预算)."""
    years = sorted((match.start(), match["year"], match["kind"]) for match in _PERIOD.finditer(header) if match["year"])
    if len(years) == 2 and years[0][1] != years[1][1]:
        latest = max(years, key=lambda y: y[1])
        return [(at, kind if (year, kind) == latest[1:] else f"上年{kind}") for at, year, kind in years]
    # "上年决算数 | 本年预算数 | 本年决算数": last year's block beside this year's
    relative = [(match.start(), f"上年{match['kind']}" if match["word"] == "上年" else match["kind"])
                for match in _RELATIVE_BLOCK.finditer(header)]
    if any(block.startswith("上年") for _, block in relative):
        return relative if len({block for _, block in relative}) == len(relative) else []
    # (a 决算's 年初 and 全年 (or 调整) budgets: the 全年 one is its 预算数)
    full = next((word for word in _FULL_YEAR_BUDGETS if word in header), None)
    words = ((("年初预算数", "年初预算"), (full, "预算"), ("决算数", "决算")) if "年初预算数" in header and full
             else _BUDGET_AND_FINAL)
    return sorted((header.find(word), kind) for word, kind in words if word in header)


#: A block titled relative to this year, or plainly ("上年决算数", "本年预算数", "决算数").
_RELATIVE_BLOCK = compile_re(r"(?<!年初|全年)(?P<word>上年|本年)?(?P<kind>预算|决算|执行)数")
#: The blocks of a 三公 table with a row per quantity, by the words titling them.
_BUDGET_AND_FINAL = (("预算数", "预算"), ("决算数", "决算"))
#: The titles of a 决算's budget for the whole year beside its 年初预算数.
_FULL_YEAR_BUDGETS = ("全年预算数", "调整后预算数", "调整预算数")



def _one_row_of_blocks(table: Table, blocks: dict[str, list[_Token]], printed: Callable[[int, int], int] | None = None) -> None:
    """Make ``table`` the one row of the layout :func:`sangong_blocks` knows: each block's amounts, in
    the order of :data:`SANGONG_COLUMNS`, side by side; ``printed(block, place)`` is the 栏 the table prints the
    amount of a block's quantity at a place as, where that is not its column (see ``Table.printed_columns``)."""
    size = len(SANGONG_COLUMNS)
    table.columns = list(range(1, size * len(blocks) + 1))
    if printed is not None:
        table.printed_columns = {column: printed((column - 1) // size, (column - 1) % size) for column in table.columns}
    table.blocks = {name: table.columns[size * i:size * (i + 1)] for i, name in enumerate(blocks)}
    cells = [token for amounts in blocks.values() for token in amounts]  # None where a quantity is unprinted
    printed = [token for token in cells if token is not None]
    if not printed:
        table.problem = _("no amount in its rows")
        return
    table.layout = "tab" if printed[0].index >= 0 else "space"
    row = Row(name="合计", start=min(t.start for t in printed), end=max(t.end for t in printed))
    row.values = {column: token.as_value() for column, token in enumerate(cells, 1) if token is not None}
    table.rows = [row]
    table.unprinted = frozenset(column for column, token in enumerate(cells, 1) if token is None)


#: The three parts of 三公经费 as a header names them, in the order of :data:`SANGONG_COLUMNS`.
_SANGONG_PARTS = ("因公出国", "公务用车购置及运行", "公务接待")


def _sangong_order(lines: list[str]) -> tuple[int, ...] | None:
    """Where a block of six printed columns holds each quantity of :data:`SANGONG_COLUMNS`, when
    header ``lines`` name them: 合计 first, then the three parts in the order the header prints
    them (公务接待费 may come before 公务用车), the cars' 小计, 购置费 and 运行费 together. None when
    the header does not name them."""
    first = next((line for line in lines if all(part in line for part in _SANGONG_PARTS)), None)
    if first is None:
        # The cars' label spans their three columns on a line of its own above the others' ("公务用车购置及运行费"
        # over "合计 因公出国 小计 公务用车 公务用车 公务接待费"), or is left out: their 小计 stands in its place.
        first = next((line.replace("小计", "公务用车购置及运行", 1) for index, line in enumerate(lines)
                      if "因公出国" in line and "公务接待" in line and _cars_subtotal(lines, index)), None)
    if first is None:
        return None
    cars = first.find("公务用车购置及运行")
    one_line = first.find("购置费", cars + len("公务用车购置及运行") + 2) != -1  # "…公务用车购置及运行费 公务用车购置费 公务用车运行费"
    if not one_line and not any(_cars_subtotal(lines, index) for index in range(len(lines))):
        return None
    return _order_of_labels(*(first.find(part) for part in _SANGONG_PARTS))


def _national_order_by_sums(header: list[str], data_lines: list[list[_Token]]) -> tuple[int, ...] | None:
    """The national order of :data:`SANGONG_COLUMNS` for a header whose wrapped labels cannot be told apart (a PDF's text:
    "因公出国 公务用车购置及运行维护费" over "合计 （境）费 小计 公务用车 …" over "购置费 运行维护费"), when it names the
    quantities and a row of six amounts adds up in that order (合计 = 出国 + 小计 + 接待, 小计 = 购置 + 运行; another row's
    slip is then TBL002's); else None."""
    rows = [[t.as_value() for t in tokens if t.is_number] for tokens in data_lines]
    rows = [[value.value for value in row] for row in rows if len(row) == len(SANGONG_COLUMNS)]
    if not all(word in "".join(header) for word in ("因公出国", "公务接待", "购置", "运行")):
        return None
    tail = 0.03 + 1e-9  # (rounding tails of the terms: three of 0.01, the finest a 三公 table prints)
    return tuple(range(len(SANGONG_COLUMNS))) if any(
        None not in row and any(row) and abs(row[0] - row[1] - row[2] - row[5]) <= tail and abs(row[2] - row[3] - row[4]) <= tail
        for row in rows) else None


def _cars_subtotal(lines: list[str], index: int) -> bool:
    """Whether header line ``index`` names the cars' 小计 before their 购置费 and 运行费 ("小计 购置费 运行费",
    or wrapped over two lines: "小计 公务用车 公务用车" over "购置费 运行费")."""
    line = lines[index]
    at = line.find("小计")
    if at == -1:
        return False
    return _in_order(line[at:], ("购置", "运行")) or (
        line.startswith("小计公务用车公务用车", at) and index + 1 < len(lines)
        and _in_order(lines[index + 1], ("购置", "运行")))


def _sangong_year_rows(table: Table, data_lines: list[list[_Token]]) -> bool:
    """Read a 三公 table with a row of six amounts per year ("2025年预算数 | 232.30 | 38.00 | …", then
    "2024年预算数 | …") or per block ("预算数 | …", then "决算数 | …") under a header naming the
    quantities in the order of :data:`SANGONG_COLUMNS`, as the one row of the layout
    :func:`sangong_blocks` knows: the latest year's row, in the block its title names (and the year's
    before, as 上年…), or the blocks side by side."""
    kind = sangong_kind(table)
    header = ["".join(line) for line in table.header_lines]
    order = _sangong_order(header) or _national_order_by_sums(header, data_lines)
    if order is None:
        return False
    # Columns after the six that are no 三公 ("…、会议费和培训费支出情况表", 机关运行经费): read past.
    extra = max((len(_AFTER_SANGONG.findall(line[line.find("公务接待"):])) for line in header if "公务接待" in line), default=0)
    count = len(SANGONG_COLUMNS) + extra
    years, year_kinds, blocks, differences = [], [], {}, []
    for tokens in data_lines:
        text = "".join(t.text for t in tokens if t.text and not t.is_number)
        amounts = _row_cells(tokens, count) or [t for t in tokens if t.is_number]
        if (difference := _DIFFERENCE_ROW.match(text)) and (years or blocks) \
                and not any("\u4e00" <= char <= "\u9fff" for char in text[difference.end():]):
            # "增减额 | -2.10 | …", "增减率 | -21.6% | …": the difference of the rows above
            if len(amounts) == count:
                differences.append((_CHANGE_RATE.search(text) is not None, _in_sangong_order(amounts[:len(SANGONG_COLUMNS)], order)))
            continue
        year, block = _YEAR_ROW.fullmatch(text), _BLOCK_ROW.fullmatch(text)
        if len(amounts) != count or not (year or block) or (block and block.group("kind") in blocks):
            return False
        amounts = amounts[:len(SANGONG_COLUMNS)]
        if year:
            number = int(year.group("year")) if year.group("year") else _RELATIVE_YEARS[year.group("relative")[0]]
            years.append((number, _in_sangong_order(amounts, order)))
            year_kinds.append({"执行": "决算"}.get(year.group("kind"), year.group("kind")))
            kind = kind or year_kinds[-1]
        else:
            blocks[block.group("kind")] = _in_sangong_order(amounts, order)
    if years and not blocks and kind:
        years.sort(key=lambda row: row[0])
        blocks = {kind: years[-1][1]}
        if len(years) > 1 and years[-2][0] == years[-1][0] - 1:
            blocks[f"上年{kind}"] = years[-2][1]  # the year before, as a table printing the two side by side
            if len(years) == 2:
                table.change_rows = _sangong_change_rows(years[-1][1], years[-2][1], differences)
    elif len(years) == 1 and year_kinds == ["决算"] and years[0][0] < _RELATIVE_YEARS["本"] and "决算" in blocks:
        # "预算数 | …", "决算数 | …", then "2023年决算数 | …": this year's blocks, and last year's 决算 below them
        blocks["上年决算"] = years[0][1]
    elif kind == "决算" and list(blocks) == ["预算"] and set(year_kinds) == {"决算"} and len(years) <= 2:
        # "年初预算数 | …", then "2024年决算数 | …" and "2023年决算数 | …": this year's budget, its 决算 and last year's
        years.sort(key=lambda row: row[0])
        blocks["决算"] = years[-1][1]
        if len(years) == 2:
            if years[0][0] != years[1][0] - 1:
                return False
            blocks["上年决算"] = years[0][1]
    elif years or not blocks:
        return False
    _one_row_of_blocks(table, blocks, lambda _, place: order[place] + 1)  # (each row prints the header's six 栏)
    return True


def _sangong_change_rows(now: list, before: list, differences: list[tuple[bool, list]]) -> list[Row]:
    """The rows of a 三公 table's two years and their difference printed under them ("增减额 | -2.10 | …", "增减率 |
    -10.6% | …"), a row per quantity: this year's amount, last year's and the change beside it (see ``Row.earlier``)."""
    rows = []
    for i, name in enumerate(SANGONG_COLUMNS):
        if now[i] is None or before[i] is None:
            continue
        row = Row(name=name, start=now[i].start, end=now[i].end)
        row.values, row.earlier = {1: now[i].as_value()}, before[i].as_value()
        for is_rate, cells in differences:
            if cells[i] is not None:
                if is_rate:
                    row.change_rate = _rate_as_number(cells[i]).as_value()
                else:
                    row.change = cells[i].as_value()
        rows.append(row)
    return rows if differences else []


def _row_cells(tokens: list[_Token], count: int) -> list[_Token | None] | None:
    """The ``count`` cells after a row's label, None for an empty one ("2024年预算数	3.50	0.00	2.60		2.60
    0.90": no 购置费 printed; "1.因公出国（境）费		": nothing spent; a space-separated row printing a dash
    in each empty cell); None when the row is not so laid out."""
    label = next((t for t in tokens if t.text and not t.is_number), None)
    if label is None or count == 0:
        return None
    if label.index < 0:  # space-separated: an empty cell counts only where it prints a dash
        cells = tokens[tokens.index(label) + 1:]
        if len(cells) != count or not any(t.text for t in cells):
            return None
    cells = [t for t in tokens if t.index > label.index] if label.index >= 0 else cells
    if len(cells) < count or any(t.text for t in cells[count:]):
        return None
    cells = cells[:count]
    if not all(t.is_number for t in cells if t.text):
        return None
    return [t if t.text else None for t in cells]


#: The label of a 三公 table's row of one block ("预算数", "年初预算数", "决算数").
_BLOCK_ROW = compile_re(r"(?:年初|全年|调整后?)?(?P<kind>预算|决算)数?")
#: The label of a row of two years' difference ("增减额", "增减率", "比上年增减").
_DIFFERENCE_ROW = compile_re(r"(?:(?:比上年)?增减(?:额|变化|幅度|率|%)?|差额|变动(?:额|率)?)(?:[(（]%[)）])?")
#: The label of a 三公 table's row of one year ("2025年预算数", "2024年决算", "上年预算数", "本年预算数"; "2025年" under a
#: "年度" column, the kind the title's).
_YEAR_ROW = compile_re(r"(?:(?P<year>20\d{2})年度?|(?P<relative>上一?年度?|本年度?|当年))(?:(?P<kind>预算|决算|执行)数?)?")
#: A year named relatively, numbered so that this year follows last year.
_RELATIVE_YEARS = {"本": 10000, "当": 10000, "上": 9999}
#: Columns printed after the 三公's in one table: 会议费, 培训费, 机关运行经费.
_AFTER_SANGONG = compile_re(r"会议费|培训费|机关运行经费")
#: A list item's mark before a row's name ("1.", "（2）").
_ITEM_MARK = compile_re(r"^\s*(?:其中[:：])?\s*(?:\d+[.、．]|[(（][\d一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)\s*")


def _in_order(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` holds each of ``words``, in that order."""
    positions = [text.find(word) for word in words]
    return -1 not in positions and positions == sorted(positions)


def _sangong_identities(table: Table) -> list[Identity]:
    """合计 = 因公出国(境)费 + 公务用车购置及运行维护费 + 公务接待费, and that 公务用车 column = its 购置费 +
    运行维护费, in each block of a 三公 table whose notes print no identity."""
    if any(identity.axis == "栏" for identity in table.identities):
        return []
    found = []
    for total, abroad, cars, purchase, running, hosting in sangong_blocks(table).values():
        if cars in table.unprinted and not {purchase, running} & table.unprinted:
            # (the cars' two parts printed without their 小计)
            found.append(Identity("栏", total, ((1, abroad), (1, purchase), (1, running), (1, hosting)),
                                  N_("合计 = 因公出国(境)费 + 公务用车购置费 + 运行维护费 + 公务接待费"), 0, 0, implied=True))
            continue
        found.append(Identity("栏", total, ((1, abroad), (1, cars), (1, hosting)),
                              N_("合计 = 因公出国(境)费 + 公务用车购置及运行维护费 + 公务接待费"), 0, 0, implied=True))
        if not {purchase, running} <= table.unprinted:  # a table may print no row for the cars' two parts
            found.append(Identity("栏", cars, ((1, purchase), (1, running)),
                                  N_("公务用车购置及运行维护费 = 购置费 + 运行维护费"), 0, 0, implied=True))
    return found


def _line_number_cells(lines: list[tuple[int, str]], data_lines: list[list[_Token]], title_start: int) -> set[int]:
    """The cells titled 行次 in the tab-separated header above ``data_lines`` and below the title at ``title_start`` ("科目编码 |
    科目名称 | 行次 | 决算数 | 科目编码 | …"), by index; none in a table without them or laid out with spaces."""
    # (the header may be read with the rows, above their first code: "人员经费 | 公用经费" then the titles)
    first = min((t.line for tokens in data_lines for t in tokens if _ECONOMIC_CODE.match(t.text)), default=0)
    for offset, raw in reversed(lines[:first]):
        if offset < title_start:
            break
        if "\t" in raw and "行次" in raw:
            return {index for index, cell in enumerate(raw.split("\t")) if cell.strip() == "行次"}
    return set()


def _parse_basic(table: Table, data_lines: list[list[_Token]], lines: list[tuple[int, str]]) -> None:
    """The 基本支出 table: blocks of (经济分类 code, name, amount) side by side, then the
    人员经费合计 / 公用经费合计 rows. Codes 301/303 are 人员经费, the others 公用经费. In a table laid out
    with spaces, a line of name parts only ends the names above it in whose column each part stands."""
    rows: list[Row] = []
    current: Row | None = None
    named_at: dict[int, int] = {}  # id(row) → the column its name starts at, in a table laid out with spaces
    above: list[Row] = []  # the rows the last line of codes started

    def column(token: _Token) -> int:
        offset, raw = lines[token.line]
        return display_width(raw[:token.start - offset])

    numbered = _line_number_cells(lines, data_lines, table.title_start)
    for tokens in _centred_names_joined(data_lines):
        if numbered:
            tokens = [t for t in tokens if t.index not in numbered]  # a 行次 cell ("301 | 工资福利支出 | 1 | 300.00")
        words = [t.text for t in tokens if t.text]
        if rows and words and _BASIC_HEADER.fullmatch("".join(words)):
            continue  # the header printed again atop the next page ("人员经费  公用经费", "科目编码 科目名称 决算数 …")
        if any(len(a) == 3 and _ECONOMIC_CODE.match(a) and re.fullmatch(r"\d{2}", b) for a, b in zip(words, words[1:])):
            table.problem = "economic codes split over cells (\"301 01\"): the columns cannot be told apart"
            return
        filled = [token for token in tokens if token.text]
        if len(above) > 1 and all(id(row) in named_at for row in above) and filled and all(
                token.index < 0 and not token.is_number and not _ECONOMIC_CODE.match(token.text)
                and not token.text.endswith("合计") for token in filled):
            # "30108 机关事业单位基本养 186.42 30206 电费 …" then "老保险缴费" right under the first name
            ends = [min(above, key=lambda row: abs(named_at[id(row)] - column(token))) for token in filled]
            if all(abs(named_at[id(row)] - column(token)) <= _NAME_COLUMN_SLACK for row, token in zip(ends, filled)):
                for row, token in zip(ends, filled):
                    row.name += token.text
                    _row_span(row, token)
                continue
        started = []
        for index, token in enumerate(filled):
            if _ECONOMIC_CODE.match(token.text) and not _amount_after_name(current, filled, index):
                current = Row(code=token.text, side=_side_of_code(token.text))
                rows.append(current)
                started.append(current)
            elif token.text.endswith("合计"):
                current = Row(name=token.text, side=token.text[:-2])
                rows.append(current)
            elif current is None:
                continue  # header words before the first code
            elif token.is_number:
                if current.values:
                    table.problem = _("two amounts for {row}", row=current.code or current.name)
                    return
                current.values[1] = token.as_value()
            elif current.values or current.is_total:
                table.problem = _("unexpected text {text!r}", text=token.text)
                return
            else:
                if not current.name and token.index < 0:
                    named_at[id(current)] = column(token)
                current.name += token.text
            _row_span(current, token)
        above = started or above
    table.columns = [1]
    table.rows = rows
    if any(_displaced_name(tokens) for tokens in data_lines):
        for row in rows:
            if row.code:
                row.name = ""  # a name printed away from its code: which code a part belongs to is unknown
    if not any(row.is_total for row in rows):
        table.problem = _("no 人员经费合计 / 公用经费合计 row")


def _centred_names_joined(data_lines: list[list[_Token]]) -> list[list[_Token]]:
    """The lines of a 基本支出 table with a long name that a PDF cell centres over three lines put back on its
    code's line: its head alone above the code's line, which prints no name, and its tail alone below it
    ("机关事业单位基本养老保" / "30108 446.11 30206 电费 18.86" / "险缴费"), as text extracted in reading order gives it."""
    joined: list[list[_Token]] = []
    index = 0
    while index < len(data_lines):
        head = _lone_piece(data_lines[index])
        below = [t for t in data_lines[index + 1] if t.text] if index + 1 < len(data_lines) else []
        if head is None or len(below) < 2 or not _ECONOMIC_CODE.match(below[0].text) or not _amount_cell(below[1]):
            joined.append(data_lines[index])
            index += 1
            continue
        tail = _lone_piece(data_lines[index + 2]) if index + 2 < len(data_lines) else None
        if tail is not None and _ends_name(below[0].text, head.text, tail.text):
            head, index = head._replace(text=head.text + tail.text), index + 3
        else:
            index += 2
        joined.append([below[0], head, *below[1:]])
    return joined


def _amount_cell(token: _Token) -> bool:
    """Whether a cell is an amount, not a code or a code's piece ("301 02", "303 99 302": codes split over cells)."""
    return token.is_number and not (token.text.isdigit() and len(token.text) <= 5)


def _lone_piece(line: list[_Token]) -> _Token | None:
    """The word of a line holding only a piece of a name."""
    words = [t for t in line if t.text]
    return words[0] if len(words) == 1 and words[0].index < 0 and _name_piece(words[0]) else None


#: How far (in columns) the end of a wrapped name may stand from where the name starts above it.
_NAME_COLUMN_SLACK = 2


def _amount_after_name(current: Row | None, filled: list[_Token], index: int) -> bool:
    """Whether the code-like number ``filled[index]`` is the amount of the row whose name it follows
    ("30207 邮电费 32160", a whole amount in 元): no name follows it, as one follows a code."""
    if current is None or not current.name or current.values or index == 0 or filled[index - 1].is_number:
        return False
    following = filled[index + 1] if index + 1 < len(filled) else None
    return following is None or following.is_number or following.text.endswith("合计")


#: A line of a 基本支出 table's header of blocks, which a page break prints again (words joined).
_BASIC_HEADER = compile_re(r"(?:人员经费|公用经费|经济分类科目|科目编码|科目名称|决算数|预算数|金额|项目|编码|名称)+")
#: The column titles of a 基本支出 table printed as one code table (a 预算's 表6): 合计, 人员经费, 公用经费.
_BASIC_TITLES = ("合计", "人员经费", "公用经费")
#: …and of a 支出 table by 经济分类 code.
_ECONOMIC_TITLES = ("合计", "基本支出", "项目支出")
#: 经济分类 类 of 人员经费 (the others are 公用经费).
_PERSONNEL_CLASSES = ("301", "303")


def basic_side(row: Row) -> str | None:
    """人员经费 or 公用经费, for a coded row of a 基本支出 table: its block's (a 决算's), else its 经济分类 类's
    (a 预算's one code table)."""
    return row.side or (_side_of_code(row.code) if row.code else None)


def _side_of_code(code: str) -> str:
    """人员经费 for the 经济分类 类 301 and 303, 公用经费 for the others."""
    return "人员经费" if code[:3] in _PERSONNEL_CLASSES else "公用经费"


def basic_part_cells(table: Table) -> dict[str, tuple[Row, int]]:
    """Where a 基本支出 table prints its 人员经费 and 公用经费 totals, as ``{"人员经费": (row, column), …}``: the
    人员经费合计 and 公用经费合计 rows of a 决算's three blocks (column 1), or the 人员经费 and 公用经费 columns
    (2 and 3) of the 合计 row of a 预算's one code table."""
    found = {part: (row, 1) for part in ("人员经费", "公用经费") if (row := table.row_named(f"{part}合计")) is not None}
    total = table.total()
    if not found and table.columns == [1, 2, 3] and total is not None:
        found = {"人员经费": (total, 2), "公用经费": (total, 3)}
    return found


def _basic_column_titles(data_lines: list[list[_Token]], titles: tuple[str, str, str] = _BASIC_TITLES,
                         ) -> tuple[int, dict[int, int | str]] | None:
    """``(line, {cell index: column})`` of the header line of a 基本支出 table printed as one code table
    ("科目编码 科目名称 合计 人员经费 公用经费", or one amount a year: see :func:`_compared_basic_columns`), before its
    first row; an empty map when its words are joined (space-separated); None for the three-block layout of a
    决算's 表6. An 经济分类 支出 table's ``titles`` are 合计, 基本支出 and 项目支出."""
    compared, merged = None, {}
    for position, tokens in enumerate(data_lines):
        words = [t for t in tokens if t.text]
        if any(t.is_number for t in words) or any(_ECONOMIC_CODE.match(t.text) for t in words):
            return compared  # the rows began
        if compared and any(t.text in titles for t in words):
            # this year's 合计, 人员经费 and 公用经费 under it, last year's 合计 and the change beside it ("2025年预算数
            # {合计 人员经费 公用经费} | 2024年预算数 | 增减额 | 增减率", Guangdong's); each year's split: not read
            return _split_this_year(compared, words, titles)
        # (the first column may be titled by what it holds: "决算数 | 人员经费 | 公用经费")
        cells = {(titles[0] if t.text in _AMOUNT_TITLES else t.text): t.index for t in words
                 if (t.text in titles or t.text in _AMOUNT_TITLES) and t.index >= 0}
        # (or over two lines: "合计 | 其中" over "人员经费 | 公用经费", the parts under a merged "其中")
        merged = {**cells, **merged} if titles is _BASIC_TITLES else cells
        for found in (cells, merged):
            if len(found) == 3 and titles[0] in found and found[titles[0]] < found[titles[1]] < found[titles[2]]:
                return position, {found[title]: column for column, title in enumerate(titles, 1)}
        if titles is _ECONOMIC_TITLES and list(cells) == [titles[0]] and data_lines[position + 1:] and any(
                t.is_number for t in data_lines[position + 1]):
            return position, {cells[titles[0]]: 1}  # one amount a row ("科目编码 | 科目名称 | 决算数": a 项目支出 table by class)
        if _in_order("".join(t.text for t in words), titles) and all(t.index < 0 for t in words):
            return position, {}
        columns = _compared_basic_columns(words)
        compared = (position, columns) if columns else compared
    return compared


def _split_this_year(compared: tuple[int, dict[int, int | str]], words: list[_Token], titles: tuple[str, str, str]):
    """``compared``'s header line and columns with this year's amount split under it into ``titles`` (tab cells), or
    None when the titles stand elsewhere (under each year)."""
    position, columns = compared
    cells = {t.text: t.index for t in words if t.text in titles and t.index >= 0}
    this_year = next((index for index, column in columns.items() if column == 1), None)
    if len(cells) != 3 or cells.get(titles[0]) != this_year or not cells[titles[0]] < cells[titles[1]] < cells[titles[2]]:
        return None
    return position + 1, {**{index: column for index, column in columns.items() if column != 1},
                          **{cells[title]: column for column, title in enumerate(titles, 1)}}


#: A code table's first column titled by what it holds, its 合计 ("决算数", "预算数", "金额").
_AMOUNT_TITLES = ("决算数", "预算数", "本年决算数", "本年预算数", "本年支出", "金额", "小计")


def _compared_basic_columns(words: list[_Token]) -> dict[int, int | str] | None:
    """``{cell index: column}`` of a 基本支出 table's header printing one amount a year and the change ("科目编码
    科目名称 2024年预算数 2025年预算数 增减额 增减率", Anhui's): this year's amount is its 合计 (column 1); last
    year's and the change are each row's ``earlier``, ``change`` and ``change_rate``."""
    cells = [t for t in words if t.index >= 0]
    years = sorted((int(match["year"]), t.index) for t in cells if (match := _PERIOD.fullmatch(t.text)) and match["year"])
    changes = {t.index: "change_rate" if _CHANGE_RATE.search(t.text) else "change"
               for t in cells if _CHANGE_COLUMN.search(t.text)}
    if len(years) != 2 or years[0][0] == years[1][0] or len(set(changes.values())) != len(changes):
        return None
    return {years[1][1]: 1, years[0][1]: "earlier", **changes}


def _parse_basic_columns(table: Table, data_lines: list[list[_Token]], columns: dict[int, int | str],
                         titles: tuple[str, str, str] = _BASIC_TITLES) -> None:
    """A 基本支出 table printed as one code table: rows keyed by 经济分类 code (or 合计), columns 合计 (1),
    人员经费 (2), 公用经费 (3), and 合计 = 人员经费 + 公用经费 in every row (of an 经济分类 支出 table: 合计 =
    基本支出 + 项目支出). Tab-separated values go by their cell; of space-separated rows, three values fill the
    columns, and in a 基本支出 table two are 合计 and the part the row's class belongs to (301 and 303 are
    人员经费); other values stay loose."""
    rows: list[Row] = []
    header = {"".join(line) for line in table.header_lines}
    for tokens in data_lines:
        current = rows[-1] if rows else None
        words = [_rate_as_number(t) if columns.get(t.index) == "change_rate" else t for t in tokens if t.text]
        if rows and "".join(t.text for t in words) in header:
            continue  # the header printed again atop the next page
        if _wraps_name(current, words, False):
            current.name += words[0].text  # "30108 机关事业单位基本养老 400,000" then "保险缴费"
            continue
        values = []
        for token in words:
            if _ECONOMIC_CODE.match(token.text) and token.index not in columns:  # not 30000 in a value's cell
                current = Row(code=token.text)
                rows.append(current)
            elif token.text in _TOTAL_NAMES:
                current = Row(name="合计")
                rows.append(current)
            elif current is None:
                continue  # header words
            elif token.is_number:
                values.append(token)
            elif values or current.values:
                table.problem = _("unexpected text {text!r}", text=token.text)
                return
            else:
                current.name += token.text
            _row_span(current, token)
        if not values:
            continue
        if current is None:
            table.problem = _("line {line} starts with an amount", line=values[0].line + 1)
            return
        if columns:
            for token in values:
                column = columns.get(token.index)
                if isinstance(column, str) and getattr(current, column) is None:
                    setattr(current, column, token.as_value())  # last year's amount or the change from it
                    continue
                if column is None or column in current.values:
                    table.problem = _("value {value} on line {line} is in no 栏次 column", value=token.text, line=token.line + 1)
                    return
                current.values[column] = token.as_value()
        elif len(values) == 3:
            current.values = {column: token.as_value() for column, token in enumerate(values, 1)}
        elif len(values) == 2 and current.code and titles == _BASIC_TITLES:
            part = 2 if current.code[:3] in _PERSONNEL_CLASSES else 3
            current.values = {1: values[0].as_value(), part: values[1].as_value()}
        else:
            current.loose.extend(token.as_value() for token in values)
    table.columns = sorted({column for column in columns.values() if isinstance(column, int)}) or [1, 2, 3]
    table.rows = rows
    table.layout = "tab" if columns else "space"
    if table.columns == [1, 2, 3]:
        table.identities.append(Identity("栏", 1, ((1, 2), (1, 3)), N_("合计 = 人员经费 + 公用经费") if titles == _BASIC_TITLES
                                         else N_("合计 = 基本支出 + 项目支出"), 0, 0, implied=True))


def _displaced_name(tokens: list[_Token]) -> bool:
    """A 基本支出 line where a code is directly followed by the next block's code ("30108 30206
    电费"): its name was printed on the lines around it, where it runs into the neighbours'."""
    words = [t.text for t in tokens if t.text]
    return any(_ECONOMIC_CODE.match(a) and _ECONOMIC_CODE.match(b) for a, b in zip(words, words[1:]))


def _subtotal_rule(table: Table, header_words: list[str]) -> list[Identity]:
    """A 支出 side headed "小计" (表4) is the sum of its other columns: used to place values only."""
    columns = table.side_columns("支出")
    if table.kind not in TWO_SIDED or len(columns) < 2 or "小计" not in "".join(header_words):
        return []
    return [Identity("栏", columns[0], tuple((1, c) for c in columns[1:]), "小计", 0, 0)]


def _implied_total(table: Table, header_words: list[str]) -> list[Identity]:
    """收入/支出/一般公共预算支出 tables (and 项目支出 tables whose first amount is a 合计) whose notes print
    no identity for their first column:
    the header's 合计 (本年收入合计, 本年支出合计, 小计, or a first column titled 总计, as a 部门支出总表 prints it) is the sum of
    the other columns, unless the
    header shows sub-columns (其中, 人员经费, 公用经费, a 小计 beside the 合计 or 总计: "单位资金: 小计 | 事业收入 | 其他收入",
    "总计 | 上年结转结余 | 本年收入: 小计 | …")
    that a plain sum would count twice."""
    header = "".join(header_words)
    # A 项目支出表 printing each project's 合计, then its sources or its kinds of spending.
    project = table.kind == PROJECT and _first_value_title(header_words) == "合计" and not _PERIOD.search(header)
    if ((table.kind not in _TOTAL_FIRST and not project) or len(table.columns) < 2
            or not ("合计" in header or "小计" in header or _first_value_title(header_words) == "总计")
            or any(i.axis == "栏" and i.target == table.columns[0] for i in table.identities)
            or any(word in header for word in ("其中", "人员经费", "公用经费"))
            or (("合计" in header or "总计" in header) and "小计" in header)):
        return []
    # (a column no row of a tab-separated table fills is no amount's: "项目名称 | 合计 | 备注" with its 备注 left empty)
    parts = [c for c in table.columns[1:] if table.layout != "tab" or any(row.cell(c) is not None for row in table.rows)]
    if not parts:
        return []
    return [Identity("栏", table.columns[0], tuple((1, c) for c in parts),
                     N_("合计 = the sum of the other columns"), 0, 0, implied=True)]


def _implied_fund_balance(table: Table, header_words: list[str]) -> list[Identity]:
    """A fund's table of the national template whose notes print no identity ("年初结转和结余 | 本年收入 | 本年支出:
    小计 | 基本支出 | 项目支出 | 年末结转和结余"): each row's year-end balance is its opening balance and income less its
    spending, and its spending is its 基本支出 and 项目支出."""
    header = "".join(header_words)
    if table.kind not in (FUND, STATE_CAPITAL) or table.columns != [1, 2, 3, 4, 5, 6] \
            or any(identity.axis == "栏" for identity in table.identities) \
            or not _in_order(header, ("年初结转和结余", "本年收入", "本年支出", "年末结转和结余")) \
            or not _in_order(header, ("本年支出", "基本支出", "项目支出")):  # (a header of two lines titles them below)
        return []
    return [Identity("栏", 6, ((1, 1), (1, 2), (-1, 3)), N_("年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出"), 0, 0,
                     implied=True),
            Identity("栏", 3, ((1, 4), (1, 5)), N_("本年支出 = 基本支出 + 项目支出"), 0, 0, implied=True)]


def _first_value_title(header_words: list[str]) -> str | None:
    """The first column title after a header's names ("项目名称", "单位名称（项目）", "科目名称")."""
    named = [i for i, word in enumerate(header_words) if "名称" in word or word in ("项目", "科目")]
    return next((word for word in header_words[named[-1] + 1:] if word), None) if named else None


def _place_loose_values(table: Table, extra_rules: list[Identity]) -> None:
    """Place loose values where the table's column identities leave only one possibility."""
    identities = [i for i in table.identities if i.axis == "栏"] + extra_rules
    for row in table.rows:
        if not row.loose:
            continue
        columns = [c for c in table.side_columns(row.side) if c not in row.values]
        values = row.loose
        if len(values) > len(columns):
            table.problem = _("row {row} has more values than columns", row=row.code or row.name)
            return
        if len(values) == len(columns):  # a row printing every column: its amounts in order, whatever they add up to
            row.values.update(zip(columns, values))
            row.loose.clear()
            continue
        if math.comb(len(columns), len(values)) > _PLACEMENT_BUDGET:
            continue  # too many ways to place them: they stay loose (TBL001 says so)
        survivors = []
        for chosen in itertools.combinations(columns, len(values)):
            placed = {**{c: v.value for c, v in row.values.items()}, **dict(zip(chosen, (v.value for v in values)))}
            if all(_holds(identity, placed) for identity in identities):
                survivors.append(chosen)
        if not survivors:
            row.unplaceable = [i for i in identities if i.text != "小计"] if table.identities else []
            continue
        for position, value in list(enumerate(values))[::-1]:
            if len({chosen[position] for chosen in survivors}) == 1:
                row.values[survivors[0][position]] = value
                row.loose.remove(value)


def _holds(identity: Identity, placed: dict[int, float]) -> bool:
    total = sum(sign * placed.get(column, 0.0) for sign, column in identity.terms)
    # Placement only needs to rule out the impossible: allow a few cents of tail difference.
    return abs(placed.get(identity.target, 0.0) - total) <= 0.01 * max(1, len(identity.terms)) + 1e-9


def table_from_grid(source: SourceText, grid) -> Table | None:
    """The table of a :class:`~linter.read.extracted.Grid` (a PDF, Word or Excel table): its rows
    are tab-separated lines of ``source``, so every value is placed by its cell. Where the table
    prints no 栏次 line, its value columns (from the first column holding an amount) are numbered
    1, 2, … as a 栏次 line would. None for a table that is not a disclosure table."""
    title = grid.title
    kind = table_kind(title)
    if kind is None:  # untitled: known by a header only one kind of table has
        title = ""
        header_lines = [source.lines()[i][1] for i in _line_indices(source, grid)[:4]]
        kind = next(filter(None, map(_untitled_kind, header_lines)), None)
    if kind is None:
        return None
    normal = _HALF_WIDTH(title).strip()
    numbered = _TITLE.match(normal) or _BUDGET_TITLE.match(normal)
    number = _table_number(numbered.group("number")) if numbered else grid.number
    table = Table(kind, number, title, grid.title_start, grid.title_end, grid.title_start, grid.title_start,
                  unit=grid.unit or None)
    if kind in UNREAD_KINDS or not grid.row_starts:
        if kind == OTHER and grid.row_starts:  # (its amounts unread, a malformed one is still NUM001's: no flow text has it)
            lines = source.lines()
            table.malformed = [Value(math.nan, t.text, t.start, t.end, 0) for i in _line_indices(source, grid)
                               for t in _tokens(*lines[i], i) if t.is_malformed]
        return table
    lines = [*source.lines()]  # this table's lines are changed below: the shared lines stay as they are
    body = _line_indices(source, grid)
    table.end = lines[body[-1]][0] + len(lines[body[-1]][1])
    if kind in BY_ECONOMIC_CODE:  # economic codes split in every block; a code table's are joined by _code_joined
        for index in body:
            lines[index] = (lines[index][0], _joined_economic_codes(lines[index][1]))
    if kind not in BY_ECONOMIC_CODE and not any(_header_columns(_tokens(*lines[i], i)) for i in body):
        body = _with_column_numbers(lines, body)
    if kind in TWO_SIDED and (numbered := _without_sequence_column(lines, body)) is not None:
        lines = numbered  # a first column of 序号 (a Word table's, as a text's)
    # The lines under the table, up to the next one's title: its notes (a 说明 may wrap over lines).
    under = [(offset, text) for offset, text in lines[body[-1] + 1:body[-1] + 1 + _NOTE_LINES] if text.strip()]
    notes = [text.strip() for _, text in under[:_NOTE_LINES // 2]]
    joined = "".join(notes)
    table.explanation = next((note for note in [*notes, joined] if _EMPTY_NOTE.search(_HALF_WIDTH(note))), None)
    for offset, text in under[:_NOTE_LINES // 2]:
        if text.strip().startswith("注") or "=" in _HALF_WIDTH(text):
            _note(table, offset, text, True)  # the identities a 注 under it prints ("1栏各行 = (2+3)栏各行")
    _parse(table, lines, body, from_cells=True)
    _mark_malformed_rows(table, source)
    _stamp_unit(table)
    return table


def _mark_malformed_rows(table: Table, source: SourceText) -> None:
    """Mark the rows holding a malformed cell, read as empty: it is no 0 (NUM001 reports it). A row read from several lines
    (a 三公 table's blocks, a year a line) holds it where another of its cells stands on its line."""
    text = source.text
    lines = [(text.rfind("\n", 0, value.start) + 1, value.start, end if (end := text.find("\n", value.start)) != -1 else len(text))
             for value in table.malformed]
    for row in table.rows if table.problem is None else ():
        if any(row.start <= at and "\n" not in text[row.start:at] for _, at, _ in lines) \
                or any(start <= cell.start < end for start, _, end in lines for cell in row.values.values()):
            row.columns_known, row.malformed = False, True


#: How many lines under a PDF, Word or Excel table are read for its 说明 (half of them not blank).
_NOTE_LINES = 8


def _joined_economic_codes(row: str) -> str:
    """A 基本支出 table row whose 经济分类 codes are split over 类 and 款 cells ("301\t01\t基本工资")
    with each code in its first cell ("30101\t\t基本工资"): same length, every cell where it was."""

    def join(match: re.Match) -> str:
        code = match.group(1) + match.group(2)
        return code + "\t" * (len(match.group()) - len(code))

    return re.sub(r"(?:(?<=^)|(?<=\t))(3\d{2})\t(\d{2})(?=\t)", join, row)


def _line_indices(source: SourceText, grid) -> list[int]:
    """The line index of each row of ``grid``."""
    import bisect

    return [bisect.bisect_right(source.line_starts, start) - 1 for start in grid.row_starts]


def _first_titled_value_cell(header: list[list[str]], row: list[str], first_amount: int) -> int:
    """The first value cell of a grid: the first the header titles after the name's title (past columns of
    words: "资金来源"), when the row's cells before its first amount are empty there ("年初结转和结余" over a
    column left blank), else the row's first amount."""
    named = min((c for cells in header for c, cell in enumerate(cells) if "名称" in cell), default=None)
    if named is None:
        return first_amount
    titled = min((c for cells in header for c, cell in enumerate(cells)
                  if c > named and cell.strip() and not _NUMBER.match(cell.strip()) and not _KEY_TITLE.search(cell)
                  and not _TEXT_COLUMN.search(cell.strip())),
                 default=first_amount)
    return titled if titled < first_amount and not any(cell.strip() for cell in row[titled:first_amount]) else first_amount


#: The title of a column that names or numbers a row rather than holding a value.
_KEY_TITLE = compile_re(r"名称|编码|代码|编号|科目|单位|项目|行次|栏次")


def _without_sequence_column(lines: list[tuple[int, str]], body: list[int]) -> list[tuple[int, str]] | None:
    """A copy of ``lines`` where the body's rows lose a first column of 序号 (as Hebei prints its 收支总表:
    "序号⇥收入⇥⇥支出", "栏次⇥1⇥2⇥3⇥4", "1⇥一、一般公共预算拨款收入⇥100.00⇥…"), each line starting that much later in
    the text; None when the table's header has no such column."""
    rows = [i for i in body if "\t" in lines[i][1]]
    titled = next((n for n, i in enumerate(rows[:4]) if lines[i][1].split("\t", 1)[0].strip() == "序号"), None)
    if titled is None:
        return None
    rows = rows[titled:]
    firsts = [lines[i][1].split("\t", 1)[0].strip() for i in rows]
    if not all(_SEQUENCE_CELL.fullmatch(cell) for cell in firsts):
        return None
    copy = [*lines]
    for i in rows:
        start, text = lines[i]
        cut = text.index("\t") + 1
        copy[i] = (start + cut, text[cut:])
    return copy


#: What a 序号 column's cell holds: its title, the 栏次 or 行次 label, a row's number, or nothing.
_SEQUENCE_CELL = compile_re(r"序号|栏次|行次|\d{1,3}|")


#: A cell of digits and separators only: an amount, maybe malformed ("6..84"), never a name.
_DIGITS_ONLY = compile_re(r"[-\d.,%]+")


#: The title of a column of codes ("功能分类科目编码", "科目代码").
_CODE_TITLE = compile_re(r"(?:编码|代码)\s*$")


def _with_column_numbers(lines: list[tuple[int, str]], body: list[int]) -> list[int]:
    """Insert a 栏次 line (as an extra entry of ``lines``) before the first row with an amount (with
    decimals, or a whole one in a cell after the row's name)."""
    coded: set[int] = set()  # (a code's column after the name is no amount's: "序号 | 项目名称 | 功能分类科目编码 | 年初预算数")
    merged = _merged_total_lines(lines, body)
    for position, index in enumerate(body):
        cells = ["", *lines[index][1].split("\t")] if index in merged else lines[index][1].split("\t")
        named = next((c for c, cell in enumerate(cells) if _HAN.search(cell)), None)
        amounts = [c for c, cell in enumerate(cells) if re.fullmatch(r"-?[\d,]*\d\.\d+", cell.strip())
                   or (named is not None and c > named and c not in coded and re.fullmatch(r"-?\d[\d,]*", cell.strip()))]  # whole 元
        if amounts and amounts[0] == 0 and any(cell.strip() and not _NUMBER.match(cell.strip())
                                               and not _DIGITS_ONLY.fullmatch(cell.strip()) for cell in cells):
            amounts = amounts[1:]  # a name cell that happens to be a number: the values start after it (not beside a
            # malformed amount, "6..84")
        if amounts:
            first = _first_titled_value_cell([lines[i][1].split("\t") for i in body[:position]], cells, amounts[0])
            # Up to the last cell any line fills (a Markdown row's closing pipe leaves an empty cell after it), but a
            # unit line padded to the page's width ("编制单位：某局<tab>…<tab>单位：万元") is no row.
            width = max(len(lines[i][1].rstrip().split("\t")) for i in body
                        if lines[i][1].strip() and not _UNIT_LINE.fullmatch(_HALF_WIDTH(lines[i][1].strip())))
            header = "\t" * first + "\t".join(str(n) for n in range(1, width - first + 1))
            lines.append((lines[index][0], header))
            return body[:position] + [len(lines) - 1] + body[position:]
        coded.update(c for c, title in enumerate(cells) if _CODE_TITLE.search(title))
    return body
