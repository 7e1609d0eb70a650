"""TBL006 text-table-amount."""

from __future__ import annotations

import re

from linter.check.finding import Severity
from linter.check.interval import amount_interval
from linter.check.rule import Rule
from linter.i18n import _
from linter.extract.numbers import parse_number, Number
from linter.extract.subjects import class_code, normal_name
from linter.extract.tables import (
    BASIC, EXPENDITURE, FISCAL, FUND, GENERAL, INCOME, SUMMARY, Row, Table,
)
from linter.rules.tables.common import amount, first, gap_finding, row_label
from linter.rules.tables.narrative import AMOUNT, sections, sentence_before

_CJK = r"[\u4e00-\u9fff]"
_DECISION = r"(?:[。：:，,]?(?:年初(?:预算为[\d,.]+万元|无预算)[，,。])?支出决算为)?"
#: "一般公共服务(类)支出821.73万元", "卫生健康支出(类)支出7.6万元", "社会保障和就业支出26.71万元",
#: "城乡社区支出(类)：支出决算为690.4万元", "(二)其他支出。支出决算为6940.59万元".
_CLASS = re.compile(rf"(?<!{_CJK})(?P<name>{_CJK}{{2,16}}?)(?:\(类\))?(?:支出)?(?:\(类\))?(?:支出)?{_DECISION}{AMOUNT}")
#: "一般公共服务支出(类)网信事务(款)事业运行(项)。年初预算为1060.58万元，支出决算为760.05万元".
_ITEM = re.compile(
    rf"(?<!{_CJK})(?P<name>{_CJK}{{2,16}}?)(?:支出)?\(类\)(?P<kuan>[^()。，]{{2,30}}?)\(款\)"
    rf"(?P<xiang>[^()。，]{{2,30}}?)\(项\)[。，,：:]?(?:年初(?:预算为[\d,.]+万元|无预算)[，,。])?支出决算为{AMOUNT}"
)

#: Per section: (pattern, table kind, row chooser, column chooser) for totals.
_TOTALS = {
    SUMMARY: [(r"(?<!拨款)收、?支总计", SUMMARY, ("总计", "收入"), 1)],
    INCOME: [(r"收入合计", INCOME, None, 1), (r"(?<!非)财政拨款收入", INCOME, None, 2)],
    EXPENDITURE: [(r"支出合计", EXPENDITURE, None, 1), (r"基本支出", EXPENDITURE, None, 2),
                  (r"项目支出", EXPENDITURE, None, 3)],
    FISCAL: [(r"财政拨款收、?支总计", FISCAL, ("总计", "收入"), 1),
             (r"一般公共预算财政拨款收入", FISCAL, 1, 1), (r"政府性基金预算财政拨款收入", FISCAL, 2, 1)],
    GENERAL: [(r"(?:一般公共预算)?财政拨款支出", GENERAL, None, 1),
              (r"财政拨款支出年初预算为[\d,.]+万元[，,]支出决算为", GENERAL, None, 1),
              (r"基本支出", GENERAL, None, 2), (r"项目支出", GENERAL, None, 3)],
    BASIC: [(r"基本支出", GENERAL, None, 2), (r"人员经费", BASIC, "人员经费合计", 1),
            (r"公用经费", BASIC, "公用经费合计", 1)],
    FUND: [(r"本年收入", FUND, None, "income"), (r"本年支出", FUND, None, "spending")],
}


class TextTableAmount(Rule):
    """An amount the narrative states for a table quantity differs from the table.

    Each explanatory section ("五、一般公共预算财政拨款支出决算情况说明", …) is matched with its
    table by title words. Checked: totals (收、支总计, 收入合计, 支出合计, 基本支出, 项目支出,
    人员经费, 公用经费, 本年收入/本年支出 of 政府性基金), class lines ("一般公共服务(类)支出X万元",
    "城乡社区支出(类)：支出决算为X万元") and the 项 lines of the completion paragraph
    ("…(类)…(款)…(项)。年初预算为A万元，支出决算为B万元"). A difference of one rounding tail
    (``tail_per_item``) is ``info``.

    **Anti-pattern**

        2022年度一般公共预算财政拨款支出决算表（表5）
        项目    本年支出
        类    款    项    栏次    1    2    3
        合计    852.68    135.01    717.67
        201    一般公共服务支出    852.68    135.01    717.67
        五、一般公共预算财政拨款支出决算情况说明
        1.一般公共服务(类)支出812.73万元，占96.4%。

    **Best practice**

        2022年度一般公共预算财政拨款支出决算表（表5）
        项目    本年支出
        类    款    项    栏次    1    2    3
        合计    852.68    135.01    717.67
        201    一般公共服务支出    852.68    135.01    717.67
        五、一般公共预算财政拨款支出决算情况说明
        1.一般公共服务(类)支出852.68万元，占100.0%。
    """

    code = "TBL006"
    name = "text-table-amount"
    severity = Severity.ERROR

    def check(self, document, context):
        tables = document.tables
        if not tables:
            return
        for kind, offset, line in sections(document.flow.text):
            claims = list(self._totals(kind, line, tables))
            if kind in (GENERAL, FUND):
                claims += self._classes(kind, line, tables)
            for match, table, row, column in claims:
                yield from self._compare(document, context, offset, match, table, row, column)

    def _totals(self, kind, line, tables):
        for pattern, table_kind_, row_key, column in _TOTALS.get(kind, []):
            table = first(tables, table_kind_)
            if table is None:
                continue
            for match in re.finditer(rf"{pattern}{AMOUNT}", line):
                if "项目支出" in sentence_before(line, match.start()) and pattern != r"项目支出":
                    continue
                row = _row(table, row_key)
                if row is not None:
                    yield match, table, row, _column(table, column)

    def _classes(self, kind, line, tables):
        table = first(tables, GENERAL if kind == GENERAL else FUND)
        if table is None:
            return
        column = 1 if kind == GENERAL else _column(table, "spending")
        for match in _ITEM.finditer(line):
            row = _item_row(table, match)
            if row is not None:
                yield match, table, row, column
        for match in _CLASS.finditer(line):
            if "项目支出" in sentence_before(line, match.start()):
                continue  # "项目支出主要用于…文化旅游体育与传媒支出24.5万元" is a part, not the class
            code = class_code(match.group("name"))
            row = _class_row(table, code, match.group("name")) if code else None
            if row is not None:
                yield match, table, row, column

    def _compare(self, document, context, offset, match, table, row, column):
        if column is None:
            return
        printed = row.amount(column)
        value, decimals = parse_number(match.group("num"))
        if printed is None or value is None:
            return
        interval = amount_interval(Number(match.group("num"), "万元", 0, 0, value, decimals), context.tolerances)
        if interval.contains(printed):
            return
        message = (
            _("the text says {stated}万元 for {row} but the table prints {printed} (栏{column})",
              stated=match.group("num"), row=row_label(table, row), printed=amount(printed), column=column)
        )
        finding = gap_finding(self, document, context, document.span(offset + match.start("num"), offset + match.end()),
                              value, printed, 1, message)
        if finding:
            yield finding


def _row(table: Table, key) -> Row | None:
    if key is None:
        total = table.total()
        if total is None and not table.rows and table.has_header:
            return Row(name="合计")
        return total
    if isinstance(key, int):
        return table.row_by_line_no(key)
    if isinstance(key, tuple):
        return table.row_named(*key)
    return table.row_named(key)


def _column(table: Table, column):
    """A column number, or for the 政府性基金 table the 本年收入 / 本年支出 column its notes imply."""
    if isinstance(column, int):
        return column
    for identity in table.identities:
        signs = dict((c, s) for s, c in identity.terms)
        if identity.axis == "栏" and -1 in signs.values():
            if column == "spending":
                return next(c for c, s in signs.items() if s < 0)
            return max(c for c, s in signs.items() if s > 0)
    return {"spending": 3, "income": 2}[column] if len(table.columns) == 6 else None


def _class_row(table: Table, code: str, name: str) -> Row | None:
    row = table.row_by_code(code)
    if row is None:  # a table may file the class under a wrong code (TBL005 reports that)
        wanted = {normal_name(name), normal_name(name) + "支出"}
        row = next((r for r in table.rows if r.level == "类" and normal_name(r.name) in wanted), None)
    return row


def _item_row(table: Table, match) -> Row | None:
    code = class_code(match.group("name"))
    if code is None:
        return None
    kuan = next((r for r in table.rows if r.level == "款" and r.code.startswith(code)
                 and normal_name(r.name) == normal_name(match.group("kuan"))), None)
    if kuan is None:
        return None
    return next((r for r in table.rows if r.level == "项" and r.code.startswith(kuan.code)
                 and normal_name(r.name) == normal_name(match.group("xiang"))), None)
