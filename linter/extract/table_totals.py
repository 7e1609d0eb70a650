"""The totals the tables print, as narrative quantities: 表3 合计 → (部门, 基本支出), ….

The narrative rules fall back on these where the text itself does not state a whole.
"""

from __future__ import annotations

from linter.extract import tables as t
from linter.extract.quantities import DEPARTMENT, FISCAL, FUND, GENERAL, STATE_CAPITAL, Key

#: (table kind, row name or "" for the 合计 row, side, 栏次 or None for the row's first value) → key
_TOTALS: tuple[tuple[str, str, str | None, int | None, Key], ...] = (
    (t.SUMMARY, "总计", "收入", None, (DEPARTMENT, "收支总计")),
    (t.SUMMARY, "本年收入合计", "收入", None, (DEPARTMENT, "收入")),
    (t.SUMMARY, "本年支出合计", "支出", None, (DEPARTMENT, "支出")),
    (t.FISCAL, "总计", "收入", None, (FISCAL, "收支总计")),
    (t.FISCAL, "本年收入合计", "收入", None, (FISCAL, "收入")),
    (t.EXPENDITURE, "", None, 2, (DEPARTMENT, "基本支出")),
    (t.EXPENDITURE, "", None, 3, (DEPARTMENT, "项目支出")),
    (t.GENERAL, "", None, 1, (GENERAL, "支出")),
    (t.GENERAL, "", None, 2, (GENERAL, "基本支出")),
    (t.GENERAL, "", None, 3, (GENERAL, "项目支出")),
    (t.BASIC, "人员经费合计", None, None, (GENERAL, "人员经费")),
    (t.BASIC, "公用经费合计", None, None, (GENERAL, "公用经费")),
)
#: The funds' tables, whose columns depend on their layout: by how many they print, the 栏次 of
#: (支出, 基本支出, 项目支出) — 合计 | 基本支出 | 项目支出, or the national 政府性基金 table's
#: 年初结转和结余 | 本年收入 | 本年支出 (小计, 基本支出, 项目支出) | 年末结转和结余.
_FUND_COLUMNS = {3: (1, 2, 3), 6: (3, 4, 5)}
_FUND_SCOPES = ((t.FUND, FUND), (t.STATE_CAPITAL, STATE_CAPITAL))


def table_totals(tables: list[t.Table]) -> dict[Key, tuple[str, t.Value]]:
    """Key → (where, value) for every total a confidently read table prints."""
    found: dict[Key, tuple[str, t.Value]] = {}
    by_kind = {table.kind: table for table in tables if table.problem is None}
    for kind, name, side, column, key in _TOTALS:
        table = by_kind.get(kind)
        if table is None or key in found:
            continue
        row = table.row_named(name, side) if name else table.total()
        if row is None:
            continue
        value = row.cell(column) if column else (row.all_values() or [None])[0]
        if value is not None:
            found[key] = (f"{table.label} {row.plain_name or '合计'}", value)
    for kind, scope in _FUND_SCOPES:
        table = by_kind.get(kind)
        columns = _FUND_COLUMNS.get(len(table.columns)) if table is not None else None
        row = table.total() if columns else None
        for column, base in zip(columns or (), ("支出", "基本支出", "项目支出")):
            value = row.cell(column) if row is not None else None
            if value is not None:
                found.setdefault((scope, base), (f"{table.label} 合计", value))
    return found
