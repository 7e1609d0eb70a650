"""TBL003 table-hierarchy."""

from __future__ import annotations

from collections import defaultdict

from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.i18n import N_, _
from linter.extract.tables import BASIC, CODE_KINDS
from linter.rules.tables.common import cell_span, gap_finding, in_unit, readable, row_label


class TableHierarchy(Rule):
    """A 类 row is not the sum of its 款 rows, a 款 row not the sum of its 项 rows, or 合计 not
    the sum of the 类 rows.

    Subject codes nest: 类 (3 digits) ⊃ 款 (5) ⊃ 项 (7); in the 基本支出 table 类 (301) ⊃ 款
    (30101) and 人员经费合计 / 公用经费合计 are the sums of their 类. Each column is checked
    separately. A difference within the rounding tail (0.01 per added item) is ``info``.

    **Anti-pattern**

        2022年度一般公共预算财政拨款支出决算表（表5）
        类    款    项    栏次    1    2    3
        合计    852.68    135.01    717.67
        201    一般公共服务支出    852.68    135.01    717.67
        20137    网信事务    842.68    135.01    707.67

    **Best practice**

        2022年度一般公共预算财政拨款支出决算表（表5）
        类    款    项    栏次    1    2    3
        合计    852.68    135.01    717.67
        201    一般公共服务支出    852.68    135.01    717.67
        20137    网信事务    852.68    135.01    717.67
    """

    code = "TBL003"
    name = "table-hierarchy"
    severity = Severity.ERROR

    def check(self, document, context):
        for table in readable(document.tables):
            if table.kind not in CODE_KINDS and table.kind != BASIC:
                continue
            coded = [row for row in table.rows if row.code]
            children = defaultdict(list)  # by the code of their parent: 201 → 20101, 20102, …
            for row in coded:
                children[row.code[:-2]].append(row)
            for parent in coded:
                yield from self._check(document, context, table, parent, children.get(parent.code), N_("its sub-rows"))
            for total in (row for row in table.rows if row.is_total):
                classes = [r for r in coded if len(r.code) == 3 and (r.side == total.side or table.kind != BASIC)]
                yield from self._check(document, context, table, total, classes, N_("the 类 rows"))

    def _check(self, document, context, table, parent, children, what):
        if not children:
            return
        for column in table.columns:
            printed = parent.amount(column)
            values = [child.amount(column) for child in children]
            if printed is None or any(v is None for v in values):
                continue
            computed = sum(values)
            items = sum(1 for v in values if v)
            codes = "+".join(child.code for child in children if child.amount(column))
            finding = gap_finding(
                self, document, context, lambda: cell_span(document, parent, parent.cell(column)),
                printed, computed, items,
                lambda: _("{row}: 栏{column} is {printed} but {parts} ({codes}) add up to {computed}",
                          row=row_label(table, parent), column=column, printed=in_unit(table, printed),
                          parts=_(what), codes=codes or _("none with amounts"), computed=in_unit(table, computed)),
                table.resolution,
            )
            if finding:
                yield finding
