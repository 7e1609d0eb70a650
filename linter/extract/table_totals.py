"""The totals the tables print, as narrative quantities: 表3 合计 → (部门, 基本支出), ….

The narrative rules fall back on these where the text itself does not state a whole.
"""

from __future__ import annotations

from linter.extract import tables as t
from linter.extract.quantities import DEPARTMENT, FISCAL, GENERAL, Key

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
    return found
