"""TBL008 missing-table."""

from __future__ import annotations

from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.extract.tables import REQUIRED


#: Kinds of table a document must print before it counts as having a tables part (an excerpt
#: with one or two tables is not checked for the others).
_TABLES_PART = 3


class MissingTable(Rule):
    """A required table is missing, untitled, or empty without a 说明 saying why.

    A 部门决算/预算 publishes nine tables (收支总表, 收入, 支出, 财政拨款收支总表, 一般公共预算支出,
    基本支出, 政府性基金, 国有资本经营, "三公"经费). Only documents that contain tables are
    checked (at least three of the kinds). A table with no amounts must say why ("说明：本单位没有…", "…故本表无数据"). A
    table recognised by its header but printed without its title is reported at ``info`` level.

    **Anti-pattern**

        2022年度国有资本经营预算财政拨款支出决算表（表8）
        类	款	项	1	2	3
        合计

    **Best practice**

        2022年度国有资本经营预算财政拨款支出决算表（表8）
        类	款	项	1	2	3
        合计
        说明：我单位2022年度没有使用国有资本经营预算财政拨款安排的支出。
    """

    code = "TBL008"
    name = "missing-table"
    severity = Severity.WARNING

    def check(self, document, context):
        tables = [t for t in document.tables if t.kind in REQUIRED]
        if not tables:
            return
        anchor = document.source_span(tables[0].title_start, tables[0].title_end)
        present = {t.kind for t in tables}
        for kind in REQUIRED if len(present) >= _TABLES_PART else ():
            if kind not in present:
                yield self.finding(document, anchor, f"the tables part has no {kind} (a required table)")
        for table in tables:
            span = document.source_span(table.title_start, table.title_end)
            if not table.title:  # a table read from a file's structure may be titled without a number
                yield self.finding(
                    document, span,
                    f"a {table.kind} is printed without its title (recognised by its header)",
                    severity=Severity.INFO,
                )
            if table.problem is None and table.has_header and table.is_empty and not table.explanation:
                yield self.finding(
                    document, span,
                    f"{table.label} ({table.kind}) has no amounts and no 说明 explaining why it is empty",
                )
