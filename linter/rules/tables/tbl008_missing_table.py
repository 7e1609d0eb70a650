"""TBL008 missing-table."""

from __future__ import annotations

from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.i18n import _
from linter.extract.tables import FUND, REQUIRED, STATE_CAPITAL, STATED_ZERO, required_tables
from linter.patterns import compile_re
from linter.rules.shared import tables_kind_and_year


#: Kinds of table a document must print before it counts as having a tables part (an excerpt
#: with one or two tables is not checked for the others).
_TABLES_PART = 3


#: The template's instruction under an empty table ("…的，仍保留该表格式，并在本表下方作下述说明：").
_INSTRUCTION = compile_re(r"[^\n]{0,40}(?:仍保留该表格式|作下述说明)[^\n]{0,20}")
#: Its key words alone: searched first, as the instruction is rare and its pattern slow to search.
_INSTRUCTION_KEY = compile_re(r"仍保留该表格式|作下述说明")
#: How far below a table's last row its instruction may stand (characters).
_BELOW = 300
#: A blank template, whose instructions belong there ("上海市XX局", "XX单位").
_PLACEHOLDER = compile_re(r"[XＸ×]{2}\s*(?:局|委|部|单位|部门|区)")


class MissingTable(Rule):
    """A required table is missing, untitled, or empty without a 说明 saying why.

    A 部门/单位 决算 or 预算 publishes a national set of tables (收支总表, 收入, 支出, 财政拨款收支
    总表, 一般公共预算支出, 基本支出, "三公"经费, 政府性基金, and 国有资本经营预算 from a 2020 决算 and
    a 2022 预算 on; a 预算 names them 收支预算总表, 收入预算总表, …). The set is chosen by the
    document's kind and year, read from its table titles or opening lines; when either is unknown, or the year is before
    2017, no table is claimed missing, nor a 政府性基金 or 国有资本经营 table where the text says the department has
    none of that money ("本镇2025年无国有资本经营预算收支，不编制…", as Yunnan's table set leaves it out). Only documents that contain tables are checked (at least
    three of the kinds). A table with no amounts must say why ("说明：本单位没有…", "…故本表无数
    据"), under it or in the section explaining it, unless every table is blank (a form); the template's instruction to the drafter
    ("…仍保留该表格式，并在本表下方作下述说明：") must not be left in. A table recognised by its
    header but printed without its title is reported at ``info`` level.

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
        document_kind, year = document.derived(tables_kind_and_year)
        required = required_tables(document_kind, year) if len(present) >= _TABLES_PART else None
        said_none = _funds_said_none(document.flow.text) if required else set()
        for kind in required or ():
            if kind not in present and kind not in said_none:
                yield self.finding(
                    document, anchor,
                    _("the tables part has no {kind} (a table every {year} {document_kind} publishes)",
                      kind=kind, year=year, document_kind=document_kind),
                )
        blank_form = len(tables) >= _TABLES_PART and not any(t.rows and not t.is_empty for t in tables)
        text = document.original.text
        # The instruction is rare: tables are searched for it only when the text holds its key words
        # and is not a blank template (whose instructions belong there).
        drafted = _INSTRUCTION_KEY.search(text) is not None and _PLACEHOLDER.search(text) is None
        starts = sorted(table.start for table in tables)
        for table in tables:
            instruction = None
            # (under the table: a PDF's grid ends at its last row, the instruction printed below it)
            end = min([start for start in starts if start > table.start] + [table.end + _BELOW])
            if drafted and _INSTRUCTION_KEY.search(text, table.start, end):
                instruction = _INSTRUCTION.search(text, table.start, end)
            if instruction:
                yield self.finding(
                    document, document.source_span(instruction.start(), instruction.end()),
                    _("{table} keeps the template's instruction to the drafter (“{instruction}”): "
                      "delete it from the published table", table=table.label, instruction=instruction.group()),
                )
            span = document.source_span(table.title_start, table.title_end)
            if not table.title:  # a table read from a file's structure may be titled without a number
                yield self.finding(
                    document, span,
                    _("a {kind} is printed without its title (recognised by its header)", kind=table.kind),
                    severity=Severity.INFO,
                )
            if table.problem is None and table.has_header and table.is_empty and not table.explanation and not blank_form \
                    and not _section_says_none(document, table.kind):
                yield self.finding(
                    document, span,
                    _("{table} ({kind}) has no amounts and no 说明 explaining why it is empty",
                      table=table.label, kind=table.kind),
                )


#: The text saying the department has none of a fund's money, or of two ("…无政府性基金预算支出和国有资本经营预算支出")
#: ("凤鸣镇2025年无国有资本经营预算收支，不编制国有资本
#: 经营预算支出预算表"): its table may be left out (Yunnan's table set has none).
_NONE_OF_A_FUND = compile_re(r"(?:没有|无|未安排|不涉及)[^，。；\d]{0,6}?(?P<fund>政府性基金|国有资本经营)")
#: Another fund joined to the one before ("…支出和国有资本经营…").
_AND_FUND = compile_re(r"[^，。；\d]{0,12}?(?:和|及|、|与)(?P<fund>政府性基金|国有资本经营)")
_FUND_TABLES = {"政府性基金": FUND, "国有资本经营": STATE_CAPITAL}


def _funds_said_none(text: str) -> set[str]:
    """The kinds of the fund tables the text says the department has no money of."""
    kinds = set()
    for match in _NONE_OF_A_FUND.finditer(text):
        kinds.add(_FUND_TABLES[match["fund"]])
        while (joined := _AND_FUND.match(text, match.end())) is not None:
            kinds.add(_FUND_TABLES[joined["fund"]])
            match = joined
    return kinds
#: A sentence saying there is none of a table's money ("本单位2024年度无国有资本经营预算财政拨款支出，故…为空表",
#: "“三公”经费支出决算为0万元").
_SAYS_NONE = compile_re(rf"(?:没有|无)[^，。；]{{0,40}}?(?:收入|支出|收支)|空表|无数据|{STATED_ZERO}")


def _section_says_none(document, kind: str) -> bool:
    """Whether the section explaining tables of ``kind`` says it has none of their money."""
    from linter.rules.tables.narrative import section_lines

    return any(found == kind and _SAYS_NONE.search(line) for found, _offset, line in document.derived(section_lines))
