"""TBL003 table-hierarchy."""

from __future__ import annotations

from collections import defaultdict

from linter.check.finding import Finding, Severity
from linter.check.rule import Rule
from linter.i18n import N_, _
from linter.patterns import compile_re
from linter.extract.subjects import code_named
from linter.extract.tables import BASIC, BY_ECONOMIC_CODE, CODE_KINDS, PROJECT
from linter.rules.shared import flow_year
from linter.rules.tables.common import GAP, amount, cell_span, classification, compare, gap_finding, identity_gives, in_unit, readable, row_label


class TableHierarchy(Rule):
    """A 类 row is not the sum of its 款 rows, a 款 row not the sum of its 项 rows, or 合计 not
    the sum of the 类 rows.

    Subject codes nest: 类 (3 digits) ⊃ 款 (5) ⊃ 项 (7); in the 基本支出 table 类 (301) ⊃ 款
    (30101) and 人员经费合计 / 公用经费合计 are the sums of their 类 (of their 款, where the table prints
    no 类 row). Each column is checked
    separately, and so is each budget a 决算 table prints beside its amounts (年初预算数, 调整预算数). A row whose gap is one child's, that child disagreeing with its own sub-rows by as much (a slip
    in that child's cell), is left to the child's finding; so is one a child's cell makes that its own row's identity
    ("1栏各行=(2+3)栏各行") does not give (TBL002 reports it on that row). A row printed with another subject's code
    ("2110303 建设项目环评审查与监督", TBL005's slip) is summed under the parent its name says, where its printed parent
    does not add up with it (else its name slipped: "2081901 临时救助支出" under 20819). A 项目支出表 without 类 rows lists projects: its 合计 is their sum, or, where rows name units
    over their projects, the sum of the units' rows, each the sum of its projects; a table by unit ("108002 江岭大学 …") sums its units' rows in its 合计, and a department's row
    ("401 …局") the rows of the units under it where its own part is one of them ("401001 …局（本级）", "401002 …中心"),
    laid out in cells or, with the row's largest amount its 合计, with single spaces as pdfplumber's text prints them. A difference within the rounding tail (0.01 per added item) is ``info``.

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
            if table.kind not in CODE_KINDS and table.kind not in BY_ECONOMIC_CODE:
                continue
            coded = [row for row in table.rows if row.code]
            code_of = _codes_meant(table, coded, document.derived(flow_year))
            children = defaultdict(list)  # by the code of their parent: 201 → 20101, 20102, …
            for row in coded:
                children[code_of[id(row)][:-2]].append(row)
            for parent in coded:
                yield from self._check(document, context, table, parent, children.get(code_of[id(parent)]), N_("its sub-rows"),
                                       children)
            for total in (row for row in table.rows if row.is_total):
                classes = [r for r in coded if len(r.code) == 3 and (r.side == total.side or table.kind != BASIC)]
                yield from self._check(document, context, table, total, classes, N_("the 类 rows"), children)
                if table.kind == BASIC and not classes:  # a 基本支出 table printing its 款 alone (30101, 30201 …)
                    items = [r for r in coded if len(r.code) == 5 and r.side == total.side]
                    yield from self._check(document, context, table, total, items, N_("the 款 rows"))
                if table.kind == PROJECT and not classes:
                    yield from self._check(document, context, table, total, _projects(table), N_("the projects"))
                    groups = _unit_groups(table)
                    yield from self._check(document, context, table, total, [unit for unit, _ in groups], N_("the units' rows"))
                    for unit, projects in groups:
                        yield from self._check(document, context, table, unit, projects, N_("its projects"))
                if not coded:
                    units = _units(table)
                    yield from self._check(document, context, table, total, [unit for unit, _ in units], N_("the units' rows"))
                    for unit, under in units:  # a department's row over its units' ("401" over "401001", "401002" …)
                        if any(_OWN_PART.search(row.name) for row in under):  # (else its own amounts are beside theirs)
                            yield from self._check(document, context, table, unit, under, N_("its units' rows"))

    def _check(self, document, context, table, parent, children, what, below=None):
        if not children:
            return
        found: list[Finding] = []
        by_gap: dict[str | None, Finding] = {}  # the finding of a column, by how far the row is off there
        for column in table.columns:
            for finding in self._compare(document, context, table, parent, children, what, below,
                                         lambda row, column=column: row.cell(column),
                                         lambda row, column=column: row.amount(column),
                                         lambda: _("栏{column}", column=table.printed_column(column)), column):
                gap = amount(parent.amount(column) - sum(child.amount(column) for child in children)) \
                    if finding.severity == self.severity else None
                if gap is not None and gap in by_gap:
                    # one sub-row's slip in two of its cells (合计 and 项目支出): one finding, naming both columns
                    first = by_gap[gap]
                    first.message = _("{message}; 栏{column} is off by as much: one slip in both", message=first.message,
                                      column=table.printed_column(column))
                    continue
                by_gap.setdefault(gap, finding)
                found.append(finding)
        yield from found  # (once complete: a finding's message may name a later column)
        if parent.earlier is not None:  # last year's column beside this year's ("2024年预算数 | 2025年预算数")
            yield from self._compare(document, context, table, parent, children, what, below,
                                     lambda row: row.earlier, lambda row: row.earlier.value if row.earlier else None,
                                     lambda: _("last year's column"))
        for kind in parent.budgets:  # a 决算's budgets printed beside its amounts ("年初预算数 | 调整预算数 | 决算数")
            yield from self._compare(document, context, table, parent, children, what, below,
                                     lambda row, kind=kind: row.budgets.get(kind),
                                     lambda row, kind=kind: _budget(row, kind),
                                     lambda kind=kind: _("{kind}预算数", kind=kind))

    def _compare(self, document, context, table, parent, children, what, below, cell, amount, label, column=None):
        """The finding for ``parent``'s amount in one column (``cell`` and ``amount`` of a row) against its children's sum."""
        printed = amount(parent)
        values = [amount(child) for child in children]
        if printed is None or any(v is None for v in values):
            return
        computed = sum(values)
        if below and _one_child_off(children, values, amount, printed - computed, below, table.resolution):
            return  # a child that disagrees with its own sub-rows makes the gap: reported there, not here too
        items = sum(1 for v in values if v)
        if column is not None and _child_off_its_row(context, table, children, column, printed, computed, items):
            return  # a child's cell its own row's identity does not give makes the gap: TBL002 reports it on that row
        with_amounts = [child for child, value in zip(children, values) if value]
        codes = ("+".join(sorted(child.code for child in with_amounts)) if all(child.code for child in with_amounts)
                 else _("{count} rows", count=len(with_amounts)))
        vouched = []  # the parent adds up with its siblings: the slip is a child's, no amount of the parent's is expected

        def describe() -> str:
            message = _("{row}: {column} is {printed} but {parts} ({codes}) add up to {computed}",
                        row=row_label(table, parent), column=label(), printed=in_unit(table, printed),
                        parts=_(what), codes=codes or _("none with amounts"), computed=in_unit(table, computed))
            if below and compare(printed, computed, items, context.tolerances, table.resolution) == GAP \
                    and (above := _vouched_for(context, table, parent, below, amount)) is not None:
                # (not of a rounding tail: no slip then)
                message = _("{message}; {code} adds up with the rows beside it to {above}: one of its own rows is the likely "
                            "slip", message=message, code=parent.code, above=row_label(table, above))
                vouched.append(above)
            return message

        finding = gap_finding(
            self, document, context, lambda: cell_span(document, parent, cell(parent)),
            printed, computed, items, describe, table.resolution,
        )
        if finding:
            if vouched:
                finding.expected = None
            yield finding


def _codes_meant(table, coded: list, year: int | None) -> dict[int, str]:
    """The code each row is summed under (by the row's id): its own, or, for a row printed with another subject's code
    (TBL005's slip), the code its name says where its parent does not add up with it ("2110303 建设项目环评审查与监督":
    2110203's amount; but "2081901 临时救助支出" under a 20819 it adds up to: the name slipped, not the code)."""
    by_code = {row.code: row for row in coded}
    printed = defaultdict(list)
    for row in coded:
        printed[row.code[:-2]].append(row)
    meant = {}
    for row in coded:
        named = code_named(row.code, row.name, classification(table), year)
        parent = by_code.get(row.code[:-2])
        if named != row.code and ((parent is not None and not _adds_up(table, parent, printed[parent.code]))
                                  or (not printed[row.code] and printed[named])):
            # (or its rows are printed under the code its name says: "217 卫生健康支出" over 21011, 21012)
            meant[id(row)] = named
    return {id(row): meant.get(id(row), row.code) for row in coded}


def _adds_up(table, parent, children: list) -> bool:
    """Whether ``parent``'s amounts are its ``children``'s sums in every column, within the rounding tail."""
    for column in table.columns:
        printed = parent.amount(column)
        if printed is not None and abs(printed - sum(child.amount(column) or 0.0 for child in children)) \
                > 0.01 * len(children) + 1e-9:
            return False
    return True


def _vouched_for(context, table, row, below: dict, amount):
    """The row above ``row`` (its parent, or the 合计 above a 类) whose amount ``row`` and its siblings add up to, if it is
    printed and they do: ``row`` is then right, and one of its own rows is the slip."""
    if not row.code:
        return None
    side = row.side if table.kind == BASIC else ""  # (a 基本支出 table's 302 adds up with 310 to 公用经费合计)
    above = table.total(side) if len(row.code) == 3 else table.row_by_code(row.code[:-2])
    siblings = [sibling for sibling in below.get(row.code[:-2], ())
                if len(sibling.code) == len(row.code) and (not side or sibling.side == side)]
    if above is None or amount(above) is None or len(siblings) < 2:
        return None
    values = [amount(sibling) for sibling in siblings]
    if None in values or compare(amount(above), sum(values), max(1, len(values)), context.tolerances, table.resolution) == GAP:
        return None
    return above


def _child_off_its_row(context, table, children, column: int, printed: float, computed: float, items: int) -> bool:
    """Whether one child's cell in ``column`` is not what its row's identity ("1栏各行=(2+3)栏各行") gives from its other
    cells, and with that value in its place the children add up to ``printed`` (their sum being ``computed``): the cell
    is the slip ("2040650 356.36" where 栏2 + 栏3 = 365.36, under "20406 2,132.86"; "30206 公用经费 24000" where 栏1 − 栏2 =
    42000, under "302"), which TBL002 reports on the child's row."""
    for identity in table.identities:
        if identity.axis != "栏" or not identity.terms:
            continue
        for child in children:
            own, given = child.amount(column), identity_gives(child, identity, column)
            if own is None or given is None:
                continue
            if compare(own, given, len({term for _, term in identity.terms}), context.tolerances, table.resolution) == GAP \
                    and compare(printed, computed - own + given, items, context.tolerances, table.resolution) != GAP:
                return True
    return False


def _budget(row, kind: str) -> float | None:
    """A row's budget of ``kind``: 0 for an empty cell, None when a loose value may sit there."""
    if kind in row.budgets:
        return row.budgets[kind].value
    return None if row.loose or not row.columns_known else 0.0


def _one_child_off(children, values, amount, gap: float, below: dict, resolution: float) -> bool:
    """Whether the parent's ``gap`` (printed − the children's sum) is one child's own: a child whose sub-rows add up
    to its printed amount plus the gap ("21004 公共卫生 101.00" over 100.00 of 项, its 类 printing 100.00), so the
    slip is that child's cell, which its own check reports."""
    if abs(gap) <= resolution / 2:
        return False
    for child, value in zip(children, values):
        amounts = [amount(row) for row in below.get(child.code or "", ())]
        if amounts and None not in amounts and abs(sum(amounts) - value - gap) <= resolution / 2:
            return True
    return False


#: A unit's own part of a department's amounts, listed beside the units under it ("某区农业农村局（本级）").
_OWN_PART = compile_re(r"本级[)）]?$")


def _units(table) -> list:
    """``(unit's row, the rows of the units under it)`` of a table by unit ("108002 江岭大学 …") under its 合计, when
    every other row is a unit's: the units whose code begins no other's (a department's "401" over its units' "401001",
    "401002" …), each with those whose code begins with its own."""
    rows = [row for row in table.rows if not row.is_total]
    if not rows or not all(row.unit_code for row in rows):
        return []
    # (each row's own unit: the one of the longest code its code begins with)
    above = {id(row): max((other for other in rows if other is not row and row.unit_code.startswith(other.unit_code)),
                          key=lambda other: len(other.unit_code), default=None) for row in rows}
    return [(unit, [row for row in rows if above[id(row)] is unit]) for unit in rows if above[id(unit)] is None]


#: A row naming a unit over its projects ("青山县卫生健康局（本级）", "青山县疾病预防控制中心", "中共广元市委组织部（本级）"), or a
#: subtotal.
_UNIT_NAME = compile_re(r".{0,30}(?:局|中心|委员会|委|部|办公室|院|所|站|队|馆|处|厅|署|社|学校|园|街道|镇|乡|政府|单位)"
                        r"(?:[(（]本级[)）]|本级)?|.*(?:本级|小计)[)）]?")


def _unit_groups(table) -> list:
    """``(unit's row, its projects' rows)`` of a 项目支出表 whose rows are units' subtotals (a row without a
    subject code naming an organisation, "甘肃省生态环境监测中心") each over its projects (rows with a subject
    code); empty for any other layout."""
    groups = []
    for row in (row for row in table.rows if not row.is_total):
        if not row.code and _UNIT_NAME.fullmatch(row.name.replace(" ", "")):
            groups.append((row, []))
        elif groups and row.code:
            groups[-1][1].append(row)
        else:
            return []
    return groups if all(projects for _, projects in groups) else []


def _projects(table) -> list:
    """The rows of a 项目支出表 under its 合计, when each is one project: none when a row without a subject
    code names an organisation (a unit's subtotal over its projects; a project's row may name its unit
    beside it, "古建筑保护修缮 | 河北省古代建筑保护研究所 | 2070204 | …") or the rows add up to twice the total."""
    rows = [row for row in table.rows if not row.is_total]
    if any(not row.code and _UNIT_NAME.fullmatch(row.name.replace(" ", "")) for row in rows):
        return []
    total = table.total()
    first = table.columns[0] if table.columns else None
    amounts = [row.amount(first) for row in rows]
    if total is None or first is None or None in amounts or not total.amount(first):
        return []
    return [] if abs(sum(amounts) - 2 * total.amount(first)) < 0.01 * len(rows) + 0.005 else rows
