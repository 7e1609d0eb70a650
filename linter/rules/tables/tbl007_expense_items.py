"""TBL007 expense-items."""

from __future__ import annotations

from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.i18n import _
from linter.extract.subjects import codes_named
from linter.extract.tables import BASIC, basic_side
from linter.rules.tables.common import amount, first
from linter.rules.shared import flow_year
from linter.rules.tables.narrative import EXPENSE_LIST, expense_items, same_item, section_lines
from linter.patterns import compile_re


class ExpenseItems(Rule):
    """The items "主要包括：…" lists under 人员经费 / 公用经费 are not the 基本支出 table's rows
    that have amounts.

    A listed item must have an amount in the 基本支出 table (表6), and a row there when it is an official
    款 of a 类 whose 款 the table prints (tables leave out the 款 without amounts); a 款 with an amount that the
    list leaves out is reported at ``info`` level ("主要包括" names the main items, so an omission
    proves nothing), unless the list ends with "等" or lists its 类 ("对个人和家庭的补助").
    Item names are matched with the table's names and the official ones (政府收支分类科目); the last two may be
    joined by 和 or 及 ("退休费和生活补助"). A 决算's
    table prints 人员经费 and 公用经费 in blocks; a 预算's one code table files 301 and 303 under 人员经费.

    **Anti-pattern**

        2022年度一般公共预算财政拨款基本支出决算明细表（表6）
        人员经费    公用经费
        经济分类科目    科目名称    决算数    经济分类科目    科目名称    决算数
        301    工资福利支出    53.99    302    商品和服务支出    13.87
        30101    基本工资    53.99    30201    办公费    13.87
        30110    职工基本医疗保险缴费    30211    差旅费
        人员经费合计    53.99    公用经费合计    13.87
        六、一般公共预算财政拨款基本支出决算情况说明
        人员经费53.99万元，主要包括：基本工资、职工基本医疗保险缴费；公用经费13.87万元，主要包括：办公费。

    **Best practice**

        2022年度一般公共预算财政拨款基本支出决算明细表（表6）
        人员经费    公用经费
        经济分类科目    科目名称    决算数    经济分类科目    科目名称    决算数
        301    工资福利支出    53.99    302    商品和服务支出    13.87
        30101    基本工资    53.99    30201    办公费    13.87
        30110    职工基本医疗保险缴费    30211    差旅费
        人员经费合计    53.99    公用经费合计    13.87
        六、一般公共预算财政拨款基本支出决算情况说明
        人员经费53.99万元，主要包括：基本工资；公用经费13.87万元，主要包括：办公费。
    """

    code = "TBL007"
    name = "expense-items"
    severity = Severity.WARNING

    def check(self, document, context):
        table = first(document.tables, BASIC)
        if table is None:
            return
        for kind, offset, line in document.derived(section_lines):
            for match in EXPENSE_LIST.finditer(line):
                yield from self._check_list(document, offset, line, match, table)

    def _check_list(self, document, offset, line, match, table):
        side = match.group("side")
        rows = [r for r in table.rows if r.code and basic_side(r) == side]
        listed, year = set(), document.derived(flow_year)
        items = [(name, start) for whole, at, _amount in expense_items(line, match)
                 for name, start in _joined(whole, at, rows, year)]
        for name, start in items:
            # The one with an amount where two 类 print the name (30902 and 31002 办公设备购置)
            row = max((r for r in rows if same_item(r, name, year)), key=lambda r: r.has_amount, default=None)
            if row is None:
                missing = _unprinted_code(table, rows, name, year)
                if missing is not None:
                    yield self.finding(
                        document, document.span(offset + start, offset + start + len(name)),
                        _("{side} lists {item}, but {table} has no row for {code} {item} among its {klass} rows",
                          side=side, item=name, table=table.label, code=missing, klass=missing[:3]),
                    )
                continue  # else wording the table does not use: cannot decide
            listed.add(row.code)
            if not row.has_amount and not row.malformed:  # (a malformed cell is no empty one: NUM001 reports it)
                yield self.finding(
                    document, document.span(offset + start, offset + start + len(name)),
                    _("{side} lists {item}, but {table} has no amount for {code} {name}",
                      side=side, item=name, table=table.label, code=row.code, name=row.name),
                )
        if match.group("items").strip().endswith("等"):
            return
        for row in rows:
            if len(row.code) == 5 and row.has_amount and row.code not in listed and row.code[:3] not in listed:
                yield self.finding(
                    document, document.span(offset + match.start("items"), offset + match.end("items")),
                    _("{side} 主要包括 does not list {code} {name}, which has {amount} in {table}",
                      side=side, code=row.code, name=row.name, amount=amount(row.values[1].value),
                      table=table.label),
                    severity=Severity.INFO,  # "主要包括" names the main items: an omission is no proof
                )


def _joined(name: str, start: int, rows, year: int | None) -> list[tuple[str, int]]:
    """An item as ``(name, start)``, or two joined by 和 or 及 ("退休费和生活补助", the list's last two) when the table
    has a row of one and of the other too or an official 款 of that name, but none of the whole ("对个人和家庭的补助" is one)."""
    if any(same_item(row, name, year) for row in rows):
        return [(name, start)]
    if name in _SHARED_ENDINGS:  # "水电费": 水费 and 电费, as clerks write the two
        return [(part, start) for part in _SHARED_ENDINGS[name]]
    for joint in _JOINT.finditer(name):
        left, right = name[:joint.start()], name[joint.end():]
        in_table = [any(same_item(row, part, year) for row in rows) for part in (left, right)]
        # (each a row, or an official 款 the table leaves out: "退休费和医疗费补助" where 表6 has no 退休费 row)
        if any(in_table) and all(printed or codes_named(part, 5, "经济", year) for printed, part in zip(in_table, (left, right))):
            return [(left, start), (right, start + joint.end())]
    return [(name, start)]


#: Two items written as one, sharing their ending.
_SHARED_ENDINGS = {"水电费": ("水费", "电费")}
#: What joins the last two items of a list.
_JOINT = compile_re(r"以及|和|及")


def _unprinted_code(table, rows, name: str, year: int | None) -> str | None:
    """The official 款 code an item names ("取暖费" → 30208) when the table prints other 款 of its 类 but not
    it (tables leave out the 款 without amounts), else None: a name of no 款, or a 类 printed without 款."""
    codes = codes_named(name, 5, "经济", year)
    if len(codes) != 1 or table.row_by_code(codes[0]) is not None:
        return None
    return codes[0] if any(len(r.code) == 5 and r.code[:3] == codes[0][:3] for r in rows) else None
