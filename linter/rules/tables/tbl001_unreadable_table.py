"""TBL001 unreadable-table."""

from __future__ import annotations

from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.i18n import _


class UnreadableTable(Rule):
    """A table that could not be read with confidence, or whose values' columns cannot be told.

    disclint checks only what it could read. A table whose body is missing (often an image in
    the PDF), whose rows do not fit its 栏次 line, whose amounts have no 栏次 line to place them
    by (two-sided tables in PDF text), which holds a malformed amount (NUM001 reports the cell),
    or whose space-separated rows drop empty cells so that a value's column is ambiguous (or
    could be placed in too many ways to try), is reported here so that silence about it is not
    mistaken for a pass.

    **Anti-pattern**

        表 5. 一般公共预算支出表
        表 6. 一般公共预算基本支出表

    (a title with no rows under it)

    **Best practice**

        2022年度国有资本经营预算财政拨款支出决算表（表8）
        项目	本年支出
        类	款	项	1	2	3
        合计
        说明：我单位2022年度没有使用国有资本经营预算财政拨款安排的支出。
    """

    code = "TBL001"
    name = "unreadable-table"
    severity = Severity.INFO

    def check(self, document, context):
        for table in document.tables:
            span = document.source_span(table.title_start, table.title_end)
            if table.problem:
                yield self.finding(
                    document, span,
                    _("{table} ({kind}) could not be read with confidence: {problem}; its amounts are not checked",
                      table=table.label, kind=table.kind, problem=table.problem),
                )
                continue
            loose = sum(len(row.loose) for row in table.rows)
            if loose:
                yield self.finding(
                    document, span,
                    _("{table} ({kind}): {count} values in space-separated rows could not be placed in a 栏次 "
                      "column (empty cells are not printed); checks that need them are skipped",
                      table=table.label, kind=table.kind, count=loose),
                )
