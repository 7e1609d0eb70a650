"""The table parser on each layout, tail severities, and the tables of the bundled examples."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from conftest import EXAMPLES, lint_text
from linter.check.finding import Severity
from linter.check.rule import Tolerances
from linter.document import Document
from linter.extract.tables import (
    BASIC, FUND, GENERAL, INCOME, OTHER, PERFORMANCE, PROJECT, SUMMARY, THREE_PUBLIC, sangong_blocks, table_kind,
)
from linter.read import decode_bytes, read_path
from linter.width import display_width


def tables_of(text: str):
    return Document(decode_bytes(text.encode("utf-8"), "snippet.txt")).tables


def values(row):
    return {column: value.value for column, value in row.values.items()}


def one_checked_table(clean: str, slipped: str, code: str = "TBL002"):
    """The one table of ``clean``, read: ``clean`` gets nothing but infos (rounding tails), and ``slipped`` (one amount of
    it changed) gets ``code``."""
    [table] = tables_of(clean)
    assert table.problem is None
    assert [f for f in lint_text(clean) if f.severity != Severity.INFO] == []
    assert code in {f.code for f in lint_text(slipped)}
    return table


def test_tab_separated_code_table_places_values_by_cell():
    (table,) = tables_of(
        "2022年度一般公共预算财政拨款支出决算表（表5）\n类\t款\t项\t栏次\t1\t2\t3\n"
        "合计\t\t\t\t852.68\t135.01\t717.67\n2013704\t\t\t信息安全事务\t23.38\t\t23.38\n"
    )
    assert table.problem is None and table.columns == [1, 2, 3]
    assert values(table.rows[1]) == {1: 23.38, 3: 23.38}
    assert table.rows[1].code == "2013704" and table.rows[1].level == "项"


def test_the_next_tables_number_on_a_line_of_its_own_ends_a_table():
    """"表7" above the next title (as some 预算 print their tables) is not a value of the table before."""
    spending, three_public = tables_of(
        "表3\n部门支出总表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
        "\t合计\t100.00\t60.00\t40.00\n205\t教育支出\t100.00\t60.00\t40.00\n\n表7\n"
        "一般公共预算“三公”经费支出表\n单位：万元\n合计\t因公出国（境）费\n12.00\t0.00\n"
    )
    assert spending.problem is None and values(spending.rows[1]) == {1: 100.0, 2: 60.0, 3: 40.0}
    assert three_public.title == "一般公共预算“三公”经费支出表"


def test_a_long_title_under_its_number_on_a_line_of_its_own_starts_the_next_table():
    """A unit's long name before its title ("广西壮族自治区热带作物资源研究所2025年财政拨款“三公”经费、会议费和培训费支出情况表",
    44 characters) still titles a table: it was read as a row of the table above, which went unread."""
    basic, three_public = tables_of(
        "表六\n广西壮族自治区热带作物资源研究所2025年一般公共预算基本支出情况表\n单位：万元\n"
        "经济分类科目编码\t经济分类科目名称\t合计\t人员经费\t公用经费\n\t合计\t60.00\t50.00\t10.00\n"
        "301\t工资福利支出\t50.00\t50.00\t0.00\n302\t商品和服务支出\t10.00\t0.00\t10.00\n表七\n"
        "广西壮族自治区热带作物资源研究所2025年财政拨款“三公”经费、会议费和培训费支出情况表\n单位：万元\n"
        "年度\t“三公”经费合计\t因公出国（境）费\n2025年预算数\t2.00\t0.50\n"
    )
    assert basic.problem is None and three_public.title.endswith("会议费和培训费支出情况表")


def test_a_table_continued_under_its_title_opened_by_a_continuation_mark_is_one_table():
    """"（续表）收入决算表" atop the next page: the rows go on (the 合计 was summed without them)."""
    header = "科目编码\t科目名称\t本年收入合计\t财政拨款收入\t其他收入\n栏次\t\t1\t2\t3\n"
    (table,) = tables_of(
        "表2 收入决算表\n单位：万元\n" + header + "合计\t\t1,300.00\t1,200.00\t100.00\n"
        "204\t公共安全支出\t1,000.00\t900.00\t100.00\n\n— 3 —\n\n（续表）收入决算表\n" + header
        + "221\t住房保障支出\t300.00\t300.00\t\n"
    )
    assert table.problem is None and [row.code for row in table.rows] == [None, "204", "221"]


#: A 表5 converted to Markdown: a pipe table without 栏次 line, its 201 row off by 5 in 项目支出.
MARKDOWN_TABLE = (
    "2022年度一般公共预算财政拨款支出决算表（表5）\n\n单位：万元\n\n"
    "| 科目编码 | 科目名称 | 本年支出合计 | 基本支出 | 项目支出 |\n"
    "|---|---|:---:|---:|---:|\n"
    "|  | 合计 | 100.00 | 60.00 | 40.00 |\n"
    "| 201 | 一般公共服务支出 | 100.00 | 60.00 | 45.00 |\n"
    "\n一般公共服务(类)支出100.00万元。\n"
)


def test_markdown_table_is_read_by_its_cells_and_findings_point_into_them():
    (table,) = tables_of(MARKDOWN_TABLE)
    assert table.problem is None and table.unit == "万元"
    assert [values(row) for row in table.rows] == [{1: 100.0, 2: 60.0, 3: 40.0}, {1: 100.0, 2: 60.0, 3: 45.0}]
    found = {(f.code, f.span.start.line, f.span.start.column, f.span.quote) for f in lint_text(MARKDOWN_TABLE)}
    assert found == {("TBL002", 8, 37, "45.00")}  # the 201 row's 45.00 under a 合计 of 40.00; no finding of the pipes
    document, row = Document(decode_bytes(MARKDOWN_TABLE.encode("utf-8"))), MARKDOWN_TABLE.index("| 201")
    assert document.source_span(row, row + 7).quote == "| 201 |"  # quotes are as written


#: A 收入决算表 as a text converter gives a Shanghai PDF's table: tab-separated cells, empty ones
#: kept, no 栏次 line, the header's cells merged; its 201 row is off by 5 in 其他收入. Another table follows.
TAB_GRID = (
    "收入决算表\n单位：万元\n项目\t\t\t\t本年收入合计\t财政拨款收入\t事业收入\t其他收入\n"
    "支出功能分类\t\t\t科目名称\t\t\t\t\n"
    "类\t款\t项\t合计\t100.00\t60.00\t\t40.00\n"
    "201\t\t\t一般公共服务支出\t100.00\t60.00\t\t45.00\n"
    "201\t01\t\t人大事务\t100.00\t60.00\t\t45.00\n\n"
    "财政拨款“三公”经费支出决算表\n单位：万元\n合计\t因公出国（境）费\t公务用车购置及运行费\n"
)


def test_tab_table_without_line_numbers_that_keeps_its_empty_cells_is_read_as_a_grid():
    tables = tables_of(TAB_GRID)
    assert tables[0].problem is None and tables[0].columns == [1, 2, 3, 4] and len(tables) == 2
    assert [values(row) for row in tables[0].rows][:2] == [{1: 100.0, 2: 60.0, 4: 40.0}, {1: 100.0, 2: 60.0, 4: 45.0}]
    # 201 and 20101 each print 45.00 where 100.00 − 60.00 is 40.00: their rows are reported (not the 合计 above them)
    found = {(f.code, f.span.start.line, f.message.split(" (off")[0].split()[-1])
             for f in lint_text(TAB_GRID, select=["TBL002", "TBL003"])}
    assert found == {("TBL002", 6, "105.00万元"), ("TBL002", 7, "105.00万元")}


def test_tab_table_whose_rows_have_unequal_cells_is_not_read_as_a_grid():
    """A converter that drops empty cells: which column "45.00" is in cannot be told, so only each
    row's total (column 1) is placed."""
    text = TAB_GRID.replace("一般公共服务支出\t100.00\t60.00\t\t45.00", "一般公共服务支出\t100.00\t60.00\t45.00")
    assert tables_of(text)[0].columns == [1]
    assert not lint_text(text, select=["TBL003"])  # column sums need the columns


def test_shifted_total_cell_is_realigned():
    (table,) = tables_of(
        "2020年度支出决算表（表3）\n类\t款\t项\t栏次\t1\t2\t3\n⇥⇥合计\t1569.06\t67.86\t1501.2\n"
        .replace("⇥", "\t")
        + "201\t\t\t一般公共服务支出\t854.16\t67.86\t786.29\n"
    )
    assert values(table.total()) == {1: 1569.06, 2: 67.86, 3: 1501.2}


def test_space_separated_rows_and_names_broken_over_lines():
    (table,) = tables_of(
        "2022 年度收入决算表（表 2）\n栏次 1 2 3\n合计 10.00 10.00\n"
        "22904\n其他政府性基金及对应专项债务收入安排的支\n出\n10.00 10.00\n注：1栏各行＝（2＋3）栏各行。\n"
    )
    row = table.rows[1]
    assert row.name == "其他政府性基金及对应专项债务收入安排的支出"
    assert values(row) == {1: 10.0} and [v.value for v in row.loose] == [10.0]


def test_identities_place_space_separated_values():
    (table,) = tables_of(
        "2022 年度政府性基金预算财政拨款收入支出决算表（表 7）\n栏次 1 2 3 4 5 6\n"
        "合计 5.00 5.00 4.00 1.00\n注：6栏各行＝（1＋2－3）栏各行；3栏各行＝（4＋5）栏各行。\n"
    )
    assert table.layout == "space" and len(table.identities) == 2
    # 4 values in 6 columns: 3, 4 and 5 are forced; the first may be 年初结转 (1) or 本年收入 (2).
    assert values(table.total()) == {3: 5.0, 4: 4.0, 5: 1.0}
    assert [v.value for v in table.total().loose] == [5.0]


def test_two_sided_table_with_missing_left_names():
    (table,) = tables_of(
        "2022 年度收入支出决算总表（表 1）\n栏次 1 栏次 2\n"
        "一、一般公共预算财政拨款收入 1 1,265.16 一、一般公共服务支出 3 1,151.77\n"
        "2 九、卫生健康支出 4 113.39\n本年收入合计 5 1,265.16 本年支出合计 6 1,265.16\n"
    )
    assert table.kind == SUMMARY
    assert [(r.side, r.line_no, values(r)) for r in table.rows[:4]] == [
        ("收入", 1, {1: 1265.16}), ("支出", 3, {2: 1151.77}), ("收入", 2, {}), ("支出", 4, {2: 113.39}),
    ]


def test_a_tab_separated_two_sided_row_with_its_left_cells_empty_is_a_spending_row():
    """No 行次 on the 收入 side: the row opens in the 支出 side's cells."""
    (table,) = tables_of(
        "2023年度财政拨款收入支出决算总表（表4）\n项目\t行次\t金额\t项目\t行次\t合计\t一般公共预算\t政府性基金预算\n"
        "栏次\t\t1\t栏次\t\t2\t3\t4\n一、一般公共预算财政拨款\t1\t100.00\t一、一般公共服务支出\t30\t60.00\t60.00\t\n"
        "\t\t\t二、城乡社区支出\t31\t40.00\t\t40.00\n"
    )
    assert table.problem is None
    assert [(r.side, r.line_no, values(r)) for r in table.rows] == [
        ("收入", 1, {1: 100.0}), ("支出", 30, {2: 60.0, 3: 60.0}), ("支出", 31, {2: 40.0, 4: 40.0}),
    ]


BUDGET_SUMMARY = (
    "表1 部门收支总表\n单位：万元\n项目\t预算数\t项目\t预算数\n"
    "一、一般公共预算拨款收入\t860.40\t一、一般公共服务支出\t700.40\n"
    "二、事业收入\t40.00\t二、卫生健康支出\t200.00\n"
    "\t\t三、住房保障支出\t0.00\n"
    "本年收入合计\t900.40\t本年支出合计\t900.40\n"
    "年初结转和结余\t12.00\t年末结转和结余\t12.00\n"
    "一、一般公共预算拨款\t12.00\t\t\n"
    "收入总计\t912.40\t支出总计\t912.40\n"
)


def test_a_summary_table_without_line_numbers_is_read_side_by_side():
    """A 预算's 收支总表 prints neither 栏次 nor 行次: rows stand on the side of their cell, and the sums
    its layout implies are its identities (the item under 年初结转和结余 breaks it down, not added again)."""
    (table,) = tables_of(BUDGET_SUMMARY)
    assert table.kind == SUMMARY and table.problem is None and not table.numbered_rows
    assert [(r.side, r.plain_name, values(r)) for r in table.rows if r.side == "支出"][2:4] == [
        ("支出", "住房保障支出", {2: 0.0}), ("支出", "本年支出合计", {2: 900.4})]
    sums = {identity.text: [table.row_by_line_no(n).plain_name for _, n in identity.terms] for identity in table.identities}
    assert sums["收入总计 = 本年收入合计 and the balances below it"] == ["本年收入合计", "年初结转和结余"]
    assert sums["本年支出合计 = the sum of the numbered items above it"] == ["一般公共服务支出", "卫生健康支出", "住房保障支出"]
    assert not lint_text(BUDGET_SUMMARY, ["TBL002"])


def test_a_two_sided_table_whose_first_line_number_is_mistyped_is_still_read_by_its_line_numbers():
    (table,) = tables_of(
        "2022 年度收入支出决算总表（表 1）\n栏次 1 栏次 2\n"
        "一、一般公共预算财政拨款收入 3 1,265.16 一、一般公共服务支出 3 1,151.77\n"
        "2 九、卫生健康支出 4 113.39\n本年收入合计 5 1,265.16 本年支出合计 6 1,265.16\n"
    )
    assert table.problem is None and table.numbered_rows
    assert [(r.side, r.line_no) for r in table.rows[:2]] == [("收入", 3), ("支出", 3)]


def test_a_row_of_a_summary_table_whose_side_cannot_be_told_leaves_it_unread():
    (table,) = tables_of("部门收支总表\n单位：万元\n项目 预算数 项目 预算数\n"
                         "一、一般公共预算拨款收入 860.40 一、一般公共服务支出 860.40\n"
                         "专项资金 10.00\n本年收入合计 860.40 本年支出合计 860.40\n")
    assert table.problem is not None and "专项资金" in table.problem


def test_a_sangong_column_line_that_does_not_count_is_not_read_as_amounts():
    """A 栏次 line mistyped ("0 2 3 …") stays a header line: its integers are no row of amounts."""
    (table,) = tables_of("2023年度财政拨款“三公”经费支出决算表（表9）\n单位：万元\n预算数\t决算数\n"
                         "合计\t因公出国（境）费\t公务用车购置及运行维护费\t公务接待费\n小计\t公务用车购置费\t公务用车运行维护费\n"
                         "0\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\n")
    assert table.rows == [] and table.problem is not None
    assert not lint_text("2023年度财政拨款“三公”经费支出决算表（表9）\n单位：万元\n预算数\t决算数\n"
                         "合计\t因公出国（境）费\t公务用车购置及运行维护费\t公务接待费\n小计\t公务用车购置费\t公务用车运行维护费\n"
                         "0\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\n", ["TBL002"])


def test_three_block_basic_table():
    (table,) = tables_of(
        "2022年度一般公共预算财政拨款基本支出决算明细表（表6）\n人员经费\t\t\t公用经费\n"
        "301\t工资福利支出\t1.00\t302\t商品和服务支出\t2.00\t310\t资本性支出\t\n"
        "30101\t基本工资\t1.00\t30201\t办公费\t2.00\t31002\t办公设备购置\t\n"
        "人员经费合计\t\t1.00\t公用经费合计\t\t\t\t\t2.00\n"
    )
    assert table.kind == BASIC and table.problem is None
    assert {r.code: r.side for r in table.rows if r.code}["31002"] == "公用经费"
    assert values(table.row_named("公用经费合计")) == {1: 2.0}


def test_empty_table_keeps_its_explanation_and_untitled_tables_are_found():
    tables = tables_of(
        "2022年度收入支出决算总表（表1）\n栏次\t\t1\t栏次\t\t2\n本年收入合计\t1\t5.00\t本年支出合计\t2\t5.00\n"
        "注：本表反映部门本年度的总收支。\n"
        "项\t\t目\t本年收入合计\t财政拨款收入\t上级补助收入\n功能分类科目编码\t科目名称\t\t1\t2\t3\n\t\t\t5.00\t5.00\t\n"
        "2022年度国有资本经营预算财政拨款支出决算表（表8）\n类\t款\t项\t1\t2\t3\n合计\t\t\t\t\t\n"
        "说明：我单位2022年度没有使用国有资本经营预算财政拨款安排的支出。\n"
    )
    assert [t.kind for t in tables][:2] == [SUMMARY, INCOME]
    assert tables[1].number is None and values(tables[1].total()) == {1: 5.0, 2: 5.0}
    assert tables[2].is_empty and tables[2].explanation.startswith("说明")


T5 = (
    "2022年度一般公共预算财政拨款支出决算表（表5）\n类\t款\t项\t栏次\t1\t2\t3\n"
    "合计\t\t\t\t{total}\t135.01\t717.67\n注：1栏各行 = (2+3) 栏各行。\n"
)


@pytest.mark.parametrize("total,severity", [("852.68", None), ("852.69", Severity.INFO),
                                            ("852.70", Severity.INFO), ("852.71", Severity.ERROR)])
def test_tail_differences_are_info_and_larger_gaps_errors(total, severity):
    findings = lint_text(T5.format(total=total), ["TBL002"])
    assert [f.severity for f in findings] == ([severity] if severity else [])


def test_tail_tolerance_is_configurable():
    findings = lint_text(T5.format(total="852.70"), ["TBL002"], tolerances=Tolerances(tail_per_item=0.005))
    assert [f.severity for f in findings] == [Severity.ERROR]


def _example(prefix: str) -> Document:
    (path,) = EXAMPLES.glob(f"{prefix}_*.txt")
    return Document(read_path(path, 10**8))


@pytest.mark.parametrize("prefix,tables,rows", [("001", 9, 242), ("003", 9, 232), ("004", 9, 269)])
def test_example_tables_are_read(prefix, tables, rows):
    """The examples' disclosure tables (their 绩效 tables are found, not read) are read with confidence."""
    disclosure = [t for t in _example(prefix).tables if t.kind != PERFORMANCE]
    assert len(disclosure) == tables
    assert all(t.problem is None for t in disclosure)
    assert sum(len(t.rows) for t in disclosure) == rows


def _findings(prefix: str):
    document = _example(prefix)
    return lint_text(document.original.text, ["TBL"])


def test_examples_real_inconsistencies_are_errors_and_tails_only_infos():
    by_file = {prefix: _findings(prefix) for prefix in ("001", "003", "004")}
    errors = {p: Counter(f.code for f in fs if f.severity == Severity.ERROR) for p, fs in by_file.items()}
    assert errors["001"] == Counter({"TBL009": 1})  # 附件 2-1 and 2-3 share 项目编码 …101
    assert errors["003"] == Counter({"TBL005": 1})  # 表8 files 城乡社区支出 under 210
    assert errors["004"] == Counter()
    warnings = [f for f in by_file["004"] if f.severity == Severity.WARNING]
    assert not warnings  # 表1's 8,380.97 / 8,380.96 and the other tails are infos
    assert any("8,380.97" in f.message and f.severity == Severity.INFO for f in by_file["004"])  # (as the table prints it)
    assert any(f.code == "TBL006" and "128.97" in f.message for f in by_file["001"])


def _timed_tables(text: str, seconds: float = 2.0):
    import time

    began = time.perf_counter()
    tables = tables_of(text)
    assert time.perf_counter() - began < seconds
    return tables


def test_a_row_of_200000_digits_is_read_in_linear_time():
    row = "1" * 200_000
    (table,) = _timed_tables(f"2022年度支出决算表（表3）\n类\t款\t项\t栏次\t1\t2\t3\n合计\t\t\t\t{row}\t1\t2\n")
    assert table.total().cell(1).text == row


def test_placement_search_past_its_budget_leaves_values_loose():
    columns = " ".join(str(i) for i in range(1, 25))
    (table,) = _timed_tables(
        f"2022 年度支出决算表（表 3）\n栏次 {columns}\n合计 {' '.join(['1.00'] * 12)}\n注：1栏各行=(2+3)栏各行。\n"
    )
    assert table.problem is None and len(table.total().loose) == 12
    assert "could not be placed" in lint_text(
        f"2022 年度支出决算表（表 3）\n栏次 {columns}\n合计 {' '.join(['1.00'] * 12)}\n", ["TBL001"]
    )[0].message


@pytest.mark.parametrize("note,terms", [("3行=(1+…+16000000)行", None), ("4行=(1+…+3)行", 3)])
def test_identity_ranges_are_expanded_only_within_a_table(note, terms):
    (table,) = _timed_tables(
        "2022年度收入支出决算总表（表1）\n栏次\t\t1\t栏次\t\t2\n本年收入合计\t1\t5.00\t本年支出合计\t2\t5.00\n"
        f"注：{note}。\n"
    )
    assert [len(i.terms) for i in table.identities] == ([terms] if terms else [])


YUAN = (
    "2019年一般公共预算支出预算表\n金额单位：元\n类\t款\t项\t栏次\t1\t2\t3\n"
    "合计\t\t\t\t{total}\t1350100\t7176700\n注：1栏各行＝（2＋3）栏各行。\n"
)


@pytest.mark.parametrize("total,severity", [("8526800", None), ("8526801", Severity.INFO),
                                            ("8526803", Severity.ERROR)])
def test_a_table_in_yuan_without_decimals_has_a_tail_of_one_yuan(total, severity):
    findings = lint_text(YUAN.format(total=total), ["TBL002"])
    assert [f.severity for f in findings] == ([severity] if severity else [])
    if findings:
        assert f"{total}元" in findings[0].message  # amounts quoted in the table's own unit


def test_the_unit_line_gives_the_unit_of_the_table_and_its_values():
    (table,) = tables_of(YUAN.format(total="8526800"))
    assert table.unit == "元" and table.title == "2019年一般公共预算支出预算表"
    assert {v.unit for v in table.total().values.values()} == {"元"}
    (unitless,) = tables_of(T5.format(total="852.68"))
    assert unitless.unit is None  # never assumed


#: A code table as PDF text extraction gives it: no 栏次 line, codes split, names before or after
#: their code, a row's amounts over two lines.
PDF_LAYOUT = (
    "一般公共预算财政拨款支出决算表\n单位：万元\n项目\n合计 基本支出 项目支出\n科目编码 科目名称\n类 款 项\n"
    "教育支出\n205 {class_total} 40.00 60.50\n普通教育\n205 02 100.50 40.00 60.50\n"
    "小学教育 40.00\n205 02 03 100.50 60.50\n合计\n100.50 40.00 60.50\n"
)


def test_a_code_table_of_pdf_text_is_read_by_its_totals_only():
    (table,) = tables_of(PDF_LAYOUT.format(class_total="100.50"))
    assert table.problem is None and table.unit == "万元"
    assert [r.code for r in table.rows] == ["205", "20502", "2050203", None]
    assert all(not r.name or r.is_total for r in table.rows)  # names are never guessed
    assert {r.code: r.amount(1) for r in table.rows} == {"205": 100.5, "20502": 100.5, "2050203": 100.5, None: 100.5}
    assert lint_text(PDF_LAYOUT.format(class_total="100.50"), ["TBL002", "TBL003"]) == []


def test_a_wrong_class_total_in_pdf_text_is_found():
    findings = lint_text(PDF_LAYOUT.format(class_total="160.50"), ["TBL002", "TBL003"])
    assert {f.code for f in findings if f.severity == Severity.ERROR} == {"TBL002", "TBL003"}
    assert {f.code for f in findings if f.span.quote == "160.50"} == {"TBL002", "TBL003"}


def test_a_malformed_cell_is_a_num001_error_and_leaves_the_table_unchecked():
    text = PDF_LAYOUT.format(class_total="100.5.0")
    assert [f.span.quote for f in lint_text(text, ["NUM001"])] == ["100.5.0"]
    assert lint_text(text, ["TBL002", "TBL003"]) == []
    assert "100.5.0 is not a number" in lint_text(text, ["TBL001"])[0].message


def test_the_printed_step_is_the_finest_one_even_where_trailing_zeros_are_dropped():
    (table,) = tables_of("2020年度支出决算表（表3）\n类\t款\t项\t栏次\t1\t2\t3\n合计\t\t\t\t1501.2\t24.5\t1476.71\n")
    assert table.resolution == pytest.approx(0.01)


@pytest.mark.parametrize("unit_line", [
    "部门：青溪县市场监督管理局                              金额单位：元",
    "公开05表                                          单位：元",
])
def test_a_unit_line_that_also_names_the_department_or_the_table_number_finds_the_table(unit_line):
    """The national layout puts 公开05表 on a line of its own or beside the unit, and the unit beside
    the department: the title is found and the table's unit read."""
    text = (f"一般公共预算财政拨款支出决算表\n\n                         公开05表\n{unit_line}\n"
            "科目编码\t科目名称\t合计\t基本支出\t项目支出\n栏次\t\t1\t2\t3\n合计\t\t852.68\t135.01\t717.67\n")
    (table,) = tables_of(text)
    assert table.unit == "元" and table.problem is None
    assert values(table.total()) == {1: 852.68, 2: 135.01, 3: 717.67}


#: A 三公 table with a row per quantity and a column per block, as Markdown pipes.
SANGONG_ROWS = (
    "七、一般公共预算财政拨款“三公”经费支出决算表\n\n公开07表                      单位：万元\n\n"
    "| 项目 | 预算数 | 决算数 |\n|---|---|---|\n| 合计 | 5.00 | 4.28 |\n| 1.因公出国（境）费 | 0.00 | 0.00 |\n"
    "| 2.公务用车购置及运行维护费 | 4.00 | {cars} |\n| （1）公务用车购置费 | 0.00 | 0.00 |\n"
    "| （2）公务用车运行维护费 | 4.00 | 3.42 |\n| 3.公务接待费 | 1.00 | 0.86 |\n\n"
    "| 相关统计数 | 统计数 |\n|---|---|\n| 1.公务用车保有量（辆） | 1 |\n"
)


def test_a_sangong_table_with_a_row_per_quantity_is_read_as_its_blocks():
    (table,) = tables_of(SANGONG_ROWS.format(cars="3.42"))
    assert table.problem is None
    assert values(table.rows[0]) == {1: 5.0, 2: 0.0, 3: 4.0, 4: 0.0, 5: 4.0, 6: 1.0,
                                     7: 4.28, 8: 0.0, 9: 3.42, 10: 0.0, 11: 3.42, 12: 0.86}
    assert lint_text(SANGONG_ROWS.format(cars="3.42"), select=["TBL"]) == []
    wrong = lint_text(SANGONG_ROWS.format(cars="3.24"), select=["TBL"])
    assert {f.code for f in wrong} == {"TBL002"}  # a column identity within the one row


#: A 预算's 三公 table with a row per year.
SANGONG_YEARS = (
    "表7\n某厅2025年一般公共预算“三公”经费支出表\n单位：万元\n"
    "项目\t合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费\n"
    "\t\t\t小计\t公务用车购置费\t公务用车运行费\t\n"
    "2025年预算数\t{total}\t38.00\t171.80\t45.00\t126.80\t22.50\n"
    "2024年预算数\t254.60\t38.00\t191.20\t60.00\t131.20\t25.40\n"
    "增减额\t-22.30\t0.00\t-19.40\t-15.00\t-4.40\t-2.90\n"
)


def test_a_sangong_table_with_a_row_per_year_is_read_as_the_latest_years():
    (table,) = tables_of(SANGONG_YEARS.format(total="232.30"))
    assert table.problem is None and table.blocks["预算"] == [1, 2, 3, 4, 5, 6]
    assert {c: v for c, v in values(table.rows[0]).items() if c <= 6} == {1: 232.3, 2: 38.0, 3: 171.8, 4: 45.0, 5: 126.8, 6: 22.5}
    assert lint_text(SANGONG_YEARS.format(total="232.30"), select=["TBL"]) == []
    assert {f.code for f in lint_text(SANGONG_YEARS.format(total="223.30"), select=["TBL"])} == {"TBL002"}


def test_a_sangong_table_with_a_row_per_block_is_read_as_its_blocks_side_by_side():
    text = ("2024年度一般公共预算财政拨款“三公”经费支出决算表\n单位：万元\n"
            "项目\t合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\n"
            "\t\t\t小计\t购置费\t运行维护费\t\n"
            "预算数\t28.00\t0.00\t20.00\t0.00\t20.00\t8.00\n决算数\t22.18\t0.00\t15.36\t0.00\t15.36\t6.82\n")
    (table,) = tables_of(text)
    assert table.problem is None and table.blocks == {"预算": [1, 2, 3, 4, 5, 6], "决算": [7, 8, 9, 10, 11, 12]}
    assert values(table.rows[0])[7] == 22.18 and values(table.rows[0])[12] == 6.82
    assert {f.code for f in lint_text(text.replace("22.18", "22.81"), select=["TBL"])} == {"TBL002"}


def test_a_sangong_table_with_a_budget_row_over_two_years_final_rows_reads_this_years_final_account():
    """"年初预算数 | …", then "2024年决算数 | …" and "2023年决算数 | …" (a 单位决算's 三公 table): the row was taken for
    the 合计 of a table of quantities, its budget compared with the text's 决算 (six false TBL006)."""
    text = ("财政拨款“三公”经费支出决算表\n单位：万元\n"
            "项目\t合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\n"
            "\t\t\t小计\t购置费\t运行维护费\t\n"
            "年初预算数\t10.00\t0.00\t8.00\t0.00\t8.00\t2.00\n2024年决算数\t8.36\t0.00\t6.88\t0.00\t6.88\t1.49\n"
            "2023年决算数\t9.03\t0.00\t7.23\t0.00\t7.23\t1.80\n"
            "七、“三公”经费财政拨款支出决算情况说明\n2024年度“三公”经费财政拨款支出决算为{spent}万元，完成年初预算的83.60%。"
            "与2023年度相比，“三公”经费支出减少0.67万元。\n")
    table = one_checked_table(text.format(spent="8.36"), text.format(spent="8.63"), "TBL006")  # (a 0.01 tail: info)
    assert set(sangong_blocks(table)) == {"预算", "决算", "上年决算"}


#: A 预算's table laid out by ``pdftotext -layout`` with its titles stacked over two lines: "2026年" over "预算数", and
#: "2026年预算数" over "合计 基本支出 项目支出".
STACKED_YEARS = ("五、一般公共预算支出预算表\n"
    "                                                    单位：元\n"
    "科目编码 科目名称                                 2026年         2025年        增减额   增减率\n"
    "                                                  预算数         预算数\n"
    "         合计                                  {total}     900,000.00    100,000.00   11.11%\n"
    "208      社会保障和就业支出                     400,000.00     380,000.00     20,000.00    5.26%\n"
    "20805    行政事业单位养老支出                   400,000.00     380,000.00     20,000.00    5.26%\n"
    "2080505  机关事业单位基本养老保险缴费支出       400,000.00     380,000.00     20,000.00    5.26%\n"
    "213      农林水支出                             600,000.00     520,000.00     80,000.00   15.38%\n"
    "21302    林业和草原                             600,000.00     520,000.00     80,000.00   15.38%\n"
    "2130201  行政运行                               600,000.00     520,000.00     80,000.00   15.38%\n")
STACKED_BLOCK = ("五、一般公共预算支出预算表\n"
    "                                                    单位：元\n"
    "科目编码 科目名称                                        2026年预算数                   2025年预算数     增减额     增减率\n"
    "                                                合计          基本支出      项目支出\n"
    "         合计                                  {total}     400,000.00    600,000.00     900,000.00    100,000.00   11.11%\n"
    "208      社会保障和就业支出                     400,000.00     400,000.00                   380,000.00     20,000.00    5.26%\n"
    "20805    行政事业单位养老支出                   400,000.00     400,000.00                   380,000.00     20,000.00    5.26%\n"
    "2080505  机关事业单位基本养老保险缴费支出       400,000.00     400,000.00                   380,000.00     20,000.00    5.26%\n"
    "213      农林水支出                             600,000.00                   600,000.00     520,000.00     80,000.00   15.38%\n"
    "21302    林业和草原                             600,000.00                   600,000.00     520,000.00     80,000.00   15.38%\n"
    "2130201  行政运行                               600,000.00                   600,000.00     520,000.00     80,000.00   15.38%\n")


#: The same table as pdfplumber's text lays it out, single spaces between the cells.
STACKED_BLOCK_SINGLE_SPACED = ("五、一般公共预算支出预算表\n单位：元\n科目编码 科目名称 2025年执行数 2026年预算数 增减 增减率\n"
                               "小计 基本支出 项目支出\n合计 900,000.00 {total} 400,000.00 600,000.00 100,000.00 11.11%\n"
                               "208 社会保障和就业支出 380,000.00 400,000.00 400,000.00 0.00 20,000.00 5.26%\n"
                               "20805 行政事业单位养老支出 380,000.00 400,000.00 400,000.00 0.00 20,000.00 5.26%\n"
                               "2080505 机关事业单位基本养老保险缴费支出 380,000.00 400,000.00 400,000.00 0.00 20,000.00 5.26%\n"
                               "213 农林水支出 520,000.00 600,000.00 0.00 600,000.00 80,000.00 15.38%\n"
                               "21302 林业和草原 520,000.00 600,000.00 0.00 600,000.00 80,000.00 15.38%\n"
                               "2130201 行政运行 520,000.00 600,000.00 0.00 600,000.00 80,000.00 15.38%\n")


#: The same with this year's and the change's blocks titled relatively ("本年预算数", "本年比上年增减").
STACKED_RELATIVE_SINGLE_SPACED = ("五、一般公共预算支出预算表\n单位：元\n科目编码 科目名称 上年预算数 本年预算数 本年比上年增减\n"
                                  "小计 基本支出 项目支出 增减额 增减率（%）\n"
                                  + STACKED_BLOCK_SINGLE_SPACED.split("项目支出\n", 1)[1].replace("%", ""))


@pytest.mark.parametrize("layout", [STACKED_YEARS, STACKED_BLOCK, STACKED_BLOCK_SINGLE_SPACED, STACKED_RELATIVE_SINGLE_SPACED])
def test_a_space_laid_header_stacking_its_titles_over_two_lines_is_read(layout):
    """The second line titles no rows, so the table was left unread ("no 栏次 line found") or its amounts unplaced."""
    [table] = tables_of(layout.format(total="1,000,000.00"))
    assert table.problem is None and table.row_by_code("2130201").earlier.value == 520000
    assert lint_text(layout.format(total="1,000,000.00")) == []
    assert {"TBL002", "TBL003"} <= {f.code for f in lint_text(layout.format(total="1,100,000.00"))}


def test_a_final_tables_completion_rate_after_its_block_titled_on_the_first_header_line_is_set_aside():
    """"年初预算 | 调整预算 | 决算数: 小计 基本支出 项目支出 | 完成率（%）", the rate titled on the header's first line: the
    columns were read as two budget blocks of two, the 决算's block being 项目支出 and the rate (55 false errors)."""
    text = ("一般公共预算财政拨款支出决算表\n金额单位：万元\n"
            "科目编码  科目名称                  年初预算    调整预算    决算数                              完成率（%）\n"
            "                                                            小计        基本支出    项目支出\n"
            "          栏次                               1           2           3           4           5           6\n"
            "          合计                        1,067.78    2,150.06    {total}      658.31    1,211.85       86.98\n"
            "208       社会保障和就业支出            105.96      109.80      109.80      109.80                  100.00\n"
            "211       节能环保支出                  961.82    2,040.26    1,760.36      548.51    1,211.85       86.28\n")
    table = one_checked_table(text.format(total="1,870.16"), text.format(total="1,807.16"))
    assert values(table.rows[0]) == {1: 1870.16, 2: 658.31, 3: 1211.85}


def test_a_two_sided_table_with_line_numbers_and_one_amount_a_side_but_no_column_numbers_is_read():
    """"项目 行次 决算数 项目 行次 决算数" without a 栏次 line (as pdftotext gives many 公开01表): it was left unread ("no
    栏次 line found"), its 总计 unchecked."""
    text = ("收入支出决算总表\n单位：万元\n"
            "项目                          行次        决算数  项目                        行次        决算数\n"
            "一、一般公共预算财政拨款收入     1      3,276.11  社会保障和就业支出            30         88.44\n"
            "二、其他收入                     2         17.95  农林水支出                    31      3,205.62\n"
            "本年收入合计                     3      3,294.06  本年支出合计                  32      3,294.06\n"
            "总计                             4      {total}  总计                          33      3,294.06\n")
    table = one_checked_table(text.format(total="3,294.06"), text.format(total="3,249.06"))
    assert table.columns == [1, 2]


def test_a_final_tables_budget_column_before_its_spending_titled_this_years_subtotal_is_set_aside():
    """"年初预算数 | 本年支出小计 | 基本支出 | 项目支出" over 栏次 1–4 (a 单位决算's 公开05表): the budget was read as the
    合计 (36 false errors on one probe's copy)."""
    text = ("一般公共预算财政拨款支出决算表\n金额单位：万元\n"
            "科目编码  科目名称                    年初预算数  本年支出小计      基本支出      项目支出\n"
            "          栏次                               1             2             3             4\n"
            "          合计                        2,948.65      {total}      2,537.75        425.05\n"
            "201       一般公共服务支出            2,948.65      2,962.80      2,537.75        425.05\n")
    table = one_checked_table(text.format(total="2,962.80"), text.format(total="2,926.80"))
    assert values(table.rows[0]) == {1: 2962.8, 2: 2537.75, 3: 425.05}


def test_rows_of_units_after_their_codes_are_read_and_a_page_number_between_them_skipped():
    text = ("某厅2025年部门收入总表\n单位：万元\n单位编码\t单位名称\t合计\t上年结转\t一般公共预算拨款收入\n"
            "\t合计\t1,100.00\t100.00\t1,000.00\n101001\t某厅（本级）\t600.00\t100.00\t500.00\n— 5 —\n"
            "101002\t某中心\t500.00\t\t500.00\n")
    (table,) = tables_of(text)
    assert table.problem is None
    assert [(row.code, row.name, values(row)) for row in table.rows] == [
        (None, "合计", {1: 1100.0, 2: 100.0, 3: 1000.0}), (None, "某厅(本级)", {1: 600.0, 2: 100.0, 3: 500.0}),
        (None, "某中心", {1: 500.0, 3: 500.0})]


def test_space_laid_rows_of_units_after_their_codes_are_read_under_their_titles():
    """The same table laid with spaces, without 栏次, its empty cells blank: each unit's row, its amounts under the titles
    they end under (the table was left unchecked: "rows without a subject code")."""
    text = ("2025年部门收入总表\n单位：万元\n"
            "单位编码  单位名称                                  合计  一般公共预算拨款  政府性基金预算拨款  事业收入  其他收入\n"
            "          合计                                    718.03            646.03               60.00               12.00\n"
            "301001    株洲市渌口区文化旅游广电体育局（本级）  482.80            422.80               60.00\n"
            "301002    株洲市渌口区文化馆                      144.49            132.49                                   12.00\n"
            "301003    株洲市渌口区文物管理所                   90.74             90.74\n")
    (table,) = tables_of(text)
    assert table.problem is None
    assert [(row.name, values(row)) for row in table.rows] == [
        ("合计", {1: 718.03, 2: 646.03, 3: 60.0, 5: 12.0}), ("株洲市渌口区文化旅游广电体育局(本级)", {1: 482.8, 2: 422.8, 3: 60.0}),
        ("株洲市渌口区文化馆", {1: 144.49, 2: 132.49, 5: 12.0}), ("株洲市渌口区文物管理所", {1: 90.74, 2: 90.74})]


def test_a_space_laid_table_by_economic_class_places_its_amounts_under_its_column_numbers():
    """Sichuan's 一般公共预算财政拨款支出决算明细表 (经济分类 | 合计 | 基本支出 | 项目支出) laid with spaces under "栏次  1  2  3",
    a 项目支出 cell left blank: each amount stands under its number (two amounts were left loose)."""
    text = ("一般公共预算财政拨款支出决算明细表\n公开06表\n金额单位：万元\n"
            "经济分类科目编码  科目名称                                合计      基本支出      项目支出\n"
            "栏次                                                         1             2             3\n"
            "合计                                                 35,840.41     28,980.05      6,860.36\n"
            "301               工资福利支出                       27,850.49     26,414.29      1,436.20\n"
            "30101             基本工资                            4,326.84      4,326.84\n"
            "30199             其他工资福利支出                   23,523.65     22,087.45      1,436.20\n")
    [table] = tables_of(text)
    assert table.problem is None and not any(row.loose for row in table.rows)
    assert [(row.code, values(row)) for row in table.rows] == [
        (None, {1: 35840.41, 2: 28980.05, 3: 6860.36}), ("301", {1: 27850.49, 2: 26414.29, 3: 1436.2}),
        ("30101", {1: 4326.84, 2: 4326.84}), ("30199", {1: 23523.65, 2: 22087.45, 3: 1436.2})]


def test_a_single_spaced_two_sided_line_of_a_bare_income_row_and_a_bracket_numbered_spending_row_is_split():
    """pdfplumber's text of a 财政拨款收支总表 ("二、上年结转 （四）住房保障支出 72.54 72.54"): the 收入 row, printed without an
    amount, and the 支出 row beside it are two rows (the table was left unread: "stands on no side")."""
    text = ("2025年财政拨款收支总体情况表\n单位：万元\n收 入 支 出\n"
            "项 目 预算数 项 目 合计 一般公共预算 政府性基金预算 国有资本经营预算\n"
            "一、本年收入 100.00 一、本年支出 100.00 100.00\n"
            "（一）一般公共预算拨款 100.00 （一）一般公共服务支出 60.00 60.00\n"
            "二、上年结转 （二）住房保障支出 40.00 40.00\n"
            "收入总计 100.00 支出总计 100.00 100.00\n")
    (table,) = tables_of(text)
    assert table.problem is None
    assert [(row.name, row.side) for row in table.rows if row.name.startswith(("二", "(二)"))] == [
        ("二、上年结转", "收入"), ("(二)住房保障支出", "支出")]


def test_a_space_separated_two_sided_row_with_empty_income_cells_is_a_spending_row():
    text = ("财政拨款收入支出决算总表\n金额单位：万元\n收入                          支出\n"
            "项目          行次   金额      项目              行次   合计\n"
            "栏次                  1         栏次                     2\n"
            "一、一般公共预算财政拨款   1   100.00   一、一般公共服务支出   33   60.00\n"
            "                                        十九、住房保障支出     51   40.00\n"
            "本年收入合计   27   100.00   本年支出合计   59   100.00\n")
    (table,) = tables_of(text)
    assert table.problem is None
    assert [(row.line_no, row.side) for row in table.rows] == [(1, "收入"), (33, "支出"), (51, "支出"), (27, "收入"), (59, "支出")]


def test_a_budget_table_titled_after_its_number_and_spaces_or_said_to_be_elsewhere_is_found():
    text = ("表1  部门收支总表\n单位：万元\n收入\t\t支出\t\n项目\t预算数\t项目\t预算数\n"
            "一、一般公共预算拨款收入\t100.00\t一、一般公共服务支出\t100.00\n本年收入合计\t100.00\t本年支出合计\t100.00\n"
            "表2 部门收入预算总表（略，详见附件）\n表8 政府性基金预算支出表\n说明：本部门2024年无政府性基金预算拨款安排的支出，本表无数据。\n")
    tables = tables_of(text)
    assert [(t.number, t.kind) for t in tables] == [(1, SUMMARY), (2, INCOME), (8, FUND)]
    assert tables[0].problem is None and tables[1].explanation == "(略,详见附件)" and tables[1].problem is None
    assert not any("收入表" in f.message for f in lint_text(text, select=["TBL008"]))


def test_a_title_wrapped_before_its_table_number_is_found():
    text = ("2022年度一般公共预算财政拨款基本支出决算明细表\n（表6）\n部门：某中心\t\t公用经费\t\t单位：万元\n"
            "经济分类科目\t科目名称\t决算数\t经济分类科目\t科目名称\t决算数\n301\t工资福利支出\t128.98\t302\t商品和服务支出\t6.04\n"
            "人员经费合计\t\t128.98\t公用经费合计\t\t6.04\n")
    (table,) = tables_of(text)
    assert (table.kind, table.number, table.problem) == (BASIC, 6, None)


@pytest.mark.parametrize("note", ["注：27行=（1+2）行；28 行＝（27＋", "注：27行=（1+2）行；28", "注：27行=（1+2）行；28 行＝"])
def test_an_identity_wrapped_over_two_note_lines_is_read(note):
    rest = {"注：27行=（1+2）行；28 行＝（27＋": "3）行。", "注：27行=（1+2）行；28": "行＝（27＋3）行。",
            "注：27行=（1+2）行；28 行＝": "（27＋3）行。"}[note]
    text = ("收入支出决算总表（表1）\n单位：万元\n收入\t\t\t支出\t\t\n项目\t行次\t金额\t项目\t行次\t金额\n栏次\t\t1\t栏次\t\t2\n"
            "一、财政拨款收入\t1\t100.00\t一、一般公共服务支出\t32\t100.00\n二、其他收入\t2\t10.00\t\t33\t\n"
            "本年收入合计\t27\t110.00\t本年支出合计\t57\t100.00\n年初结转和结余\t3\t5.00\t年末结转和结余\t58\t15.00\n"
            f"总计\t28\t115.00\t总计\t59\t115.00\n{note}\n{rest}\n")
    (table,) = tables_of(text)
    assert sorted((i.axis, i.target, i.terms) for i in table.identities if not i.implied) == [
        ("行", 27, ((1, 1), (1, 2))), ("行", 28, ((1, 27), (1, 3)))]


def test_a_list_of_tables_in_the_contents_is_no_table_but_a_title_alone_still_is():
    contents = "某局2019年度部门决算公开目录\n第二部分 2019年度部门决算表\n表二：收入决算表\n表三：支出决算表\n第三部分 情况说明\n"
    body = "一、收入支出决算总体情况说明\n本年收入合计25.40万元。\n"
    table = ("表3 支出决算表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n栏次\t\t1\t2\t3\n"
             "合计\t\t25.40\t25.40\t\n2080501\t行政单位离退休\t25.40\t25.40\t\n")
    assert [(t.number, len(t.rows)) for t in tables_of(contents + body + table)] == [(3, 2)]
    image = "表2 收入决算表\n"  # a title alone in the body: the table may be an image
    tables = tables_of(contents + body + image + table)
    assert [(t.number, len(t.rows)) for t in tables] == [(2, 0), (3, 2)] and tables[0].problem is not None
    (finding,) = lint_text(contents + body + image + table, select=["TBL001"])
    assert "表2" in finding.message


def test_titles_one_after_another_list_the_tables_printed_later_under_titles_without_numbers():
    """"表1  收支预算总表" then "表2  部门收入总表" (a list of the tables without a 目录 heading) over the tables printed
    under "某局2026年部门支出总表": no table said to have no body; where no table of their kind follows (the 收支总表),
    the titles are all the text has of them (images) and are still reported."""
    listing = "第四部分  某局2026年部门预算公开表\n\n    表1  部门支出总表\n    表2  收支预算总表\n\n— 8 —\n"
    table = ("某局2026年部门支出总表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n栏次\t\t1\t2\t3\n"
             "合计\t\t25.40\t25.40\t\n2080501\t行政单位离退休\t25.40\t25.40\t\n")
    assert [(t.number, t.kind, len(t.rows)) for t in tables_of(listing + table)] == [(2, "收入支出总表", 0), (None, "支出表", 2)]
    alone = tables_of(listing)
    assert [t.number for t in alone] == [1, 2] and all(t.problem is not None for t in alone)


def test_a_space_laid_table_with_blank_cells_under_a_header_of_two_lines_is_placed_by_its_titles():
    """pdftotext's layout of a 收入总表: "一般公共预算" over "拨款收入", no 栏次 line, the empty cells blank: the
    amounts end where the upper line's titles do."""
    ends = (66, 82, 94, 106, 118, 132)
    titles, under = ["合计", "一般公共预算", "政府性基金", "国有资本", "财政专户", "其他收入"], ["拨款收入", "预算拨款", "经营预算", "管理资金"]
    header = (_laid_out("科目编码  科目名称", dict(enumerate(titles, 1)), ends, display_width)
              + _laid_out("", dict(enumerate(under, 2)), ends, display_width))
    rows = [("", "合    计", {1: "2,054,720.00", 2: "1,854,720.00", 6: "200,000.00"}),
            ("208", "社会保障和就业支出", {1: "1,854,720.00", 2: "1,854,720.00"}),
            ("20805", "行政事业单位养老支出", {1: "1,854,720.00", 2: "1,854,720.00"}),
            ("2080505", "机关事业单位基本养老保险缴费支出", {1: "1,854,720.00", 2: "1,854,720.00"}),
            ("213", "农林水支出", {1: "200,000.00", 6: "200,000.00"}),
            ("21301", "农业农村", {1: "200,000.00", 6: "200,000.00"}),
            ("2130122", "农业生产发展", {1: "200,000.00", 6: "200,000.00"})]
    body = "".join(_laid_out(f"{code:<10}{name}", amounts, ends, display_width) for code, name, amounts in rows)
    text = f"某局2026年部门收入总表\n部门：某局{' ' * 60}单位：元\n{header}{body}"
    table = one_checked_table(text, text.replace("200,000.00\n2130122", "210,000.00\n2130122"), "TBL003")
    assert values(table.rows[-1]) == {1: 200000.0, 6: 200000.0}


def test_a_budget_table_of_last_years_total_this_years_columns_and_the_change_under_a_header_of_two_lines():
    """"2025年预算数 | 2026年预算数 | 2026年比2025年" over "合计 人员经费 公用经费 项目支出 | 增减额 增减率", space-laid with
    blank cells: last year's total, this year's four columns (the first titled "2026年预算数合计" once the lines are
    merged) and the change are told apart."""
    ends = (63, 78, 93, 108, 123, 137, 147)
    header = (_laid_out("科目编码  科目名称", {1: "2025年预算数", 2: "2026年预算数", 7: "2026年比2025年"}, ends, display_width)
              + _laid_out("", dict(enumerate(["合计", "人员经费", "公用经费", "项目支出", "增减额", "增减率"], 2)), ends, display_width))
    rows = [("", "合    计", ["1,100.00", "1,200.00", "700.00", "100.00", "400.00", "100.00", "9.09%"]),
            ("208", "社会保障和就业支出", ["700.00", "700.00", "700.00", None, None, "0.00", "0.00%"]),
            ("213", "农林水支出", ["400.00", "500.00", None, "100.00", "400.00", "100.00", "25.00%"])]
    body = "".join(_laid_out(f"{code:<10}{name}", {i: cell for i, cell in enumerate(cells, 1) if cell}, ends, display_width)
                   for code, name, cells in rows)
    text = f"某局2026年一般公共预算支出表\n单位：万元\n{header}{body}"
    table = one_checked_table(text, text.replace("500.00        ", "510.00        "), "TBL003")
    assert [values(row) for row in table.rows] == [{1: 1200.0, 2: 700.0, 3: 100.0, 4: 400.0}, {1: 700.0, 2: 700.0},
                                                   {1: 500.0, 3: 100.0, 4: 400.0}]
    assert [row.earlier.value for row in table.rows] == [1100.0, 700.0, 400.0]


def test_last_years_total_titled_over_its_column_in_a_merged_header_stays_last_years():
    """"2024年预算数 | 2025年预算数 | 增减%" over "合计 | 小计 基本支出 项目支出": merged, "2024年预算数合计" is last year's
    total, not one of this year's columns."""
    ends = (55, 68, 81, 94, 110)
    header = (_laid_out("科目编码   科目名称", {1: "2024年预算数", 2: "2025年预算数", 5: "增减%"}, ends, display_width)
              + _laid_out("", {1: "合计", 2: "小计", 3: "基本支出", 4: "项目支出"}, ends, display_width))
    rows = [("", "合计", ["3,200.72", "3,839.90", "1,303.40", "2,536.50", "19.97"]),
            ("208", "社会保障和就业支出", ["468.35", "486.72", "486.72", None, "3.92"]),
            ("210", "卫生健康支出", ["2,732.37", "3,353.18", "816.68", "2,536.50", "22.72"])]
    body = "".join(_laid_out(f"{code:<11}{name}", {i: cell for i, cell in enumerate(cells, 1) if cell}, ends, display_width)
                   for code, name, cells in rows)
    [table] = tables_of(f"2025年一般公共预算支出预算表\n单位：万元\n{header}{body}")
    assert table.problem is None
    assert [(values(row), row.earlier.value) for row in table.rows] == [
        ({1: 3839.9, 2: 1303.4, 3: 2536.5}, 3200.72), ({1: 486.72, 2: 486.72}, 468.35), ({1: 3353.18, 2: 816.68, 3: 2536.5}, 2732.37)]


def test_an_empty_table_said_empty_in_a_part_of_its_own_is_explained():
    """Tianjin's "十二、关于空表的说明" after the tables: "…故2026年国有资本经营预算支出表为空表。" explains the table printed
    with its header and an empty 合计 row, far above; without it, the table is reported as unread."""
    table = ("九、2026年国有资本经营预算支出表\n部门：某局\t\t\t单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
             "\t合计\t\t\t\n\n— 11 —\n")
    note = "十二、关于空表的说明\n本部门2026年没有使用国有资本经营预算拨款安排的支出，故2026年国有资本经营预算支出表为空表。\n"
    (explained,) = tables_of(table + note)
    assert explained.problem is None and "为空表" in explained.explanation
    (unexplained,) = tables_of(table + "十二、关于其他事项的说明\n本部门2026年无其他需要说明的事项。\n")
    assert unexplained.problem is not None


def test_a_numbered_list_of_the_tables_names_the_empty_tables_printed_later():
    """"8.政府性基金…决算表" and "9.国有资本经营…决算表" in a list of the tables, each table printed later empty with its
    note: no table of its own said to be unread."""
    titles = ("政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款支出决算表")
    listing = "第二部分  2024年度单位决算表\n" + "".join(f"{n}.{title}\n" for n, title in enumerate(titles, 8))
    empty = "\n{}\n单位名称：某学院\t\t金额单位：元\n项目\t\t合计\t本年收入\n合计\t\t\t\n注：本单位2024年度无此项收支，故本表为空表。\n"
    tables = tables_of(listing + "".join(empty.format(title) for title in titles))
    assert [(t.title, t.problem) for t in tables] == [(title, None) for title in titles]


def test_a_space_separated_table_without_column_numbers_whose_rows_fill_every_titled_column():
    """pdftotext's layout of a 预算 table: no 栏次 line, but every row prints its three amounts under the
    three titles; a row printing fewer leaves which cell is empty unknown, so nothing is placed by order."""
    text = ("2025年一般公共预算支出表\n单位：万元\n科目编码    科目名称                合计    基本支出    项目支出\n"
            "            合计               1,000.00      800.00      200.00\n"
            "208         社会保障和就业支出    800.00      800.00        0.00\n"
            "220         自然资源海洋气象等支出  200.00        0.00      200.00\n")
    (table,) = tables_of(text)
    assert table.problem is None
    assert [(row.code, values(row), row.loose) for row in table.rows] == [
        (None, {1: 1000.0, 2: 800.0, 3: 200.0}, []), ("208", {1: 800.0, 2: 800.0, 3: 0.0}, []),
        ("220", {1: 200.0, 2: 0.0, 3: 200.0}, [])]
    assert {f.code for f in lint_text(text.replace("800.00        0.00", "800.00       10.00"), select=["TBL"])} >= {"TBL002"}
    (partial,) = tables_of(text.replace("200.00        0.00      200.00", "200.00                  200.00")
                           .replace("0.00      200.00", "200.00"))
    assert [values(row) for row in partial.rows][-1] == {1: 200.0}


def test_a_fund_table_without_column_numbers_is_read_by_its_titled_columns():
    text = ("2025年政府性基金预算支出表\n单位：万元\n科目编码  科目名称      合计   基本支出   项目支出\n"
            "          合计          50.00       0.00      50.00\n212       城乡社区支出  50.00       0.00      50.00\n")
    (table,) = tables_of(text)
    assert table.problem is None and [values(row) for row in table.rows] == [{1: 50.0, 2: 0.0, 3: 50.0}] * 2


def test_a_fund_table_whose_basic_column_is_empty_throughout_is_placed_by_its_titles():
    """pdftotext's layout of a fund's table spending on projects only: no row prints 基本支出, so the amounts end
    in two places; they lie under 合计 and 项目支出, the titles nearest them in order."""
    text = ("2025年政府性基金预算支出表\n单位：元\n科目编码  科目名称                                合计  基本支出    项目支出\n"
            "          合计                              8130000.00            8130000.00\n"
            "212       城乡社区支出                      6060000.00            6060000.00\n"
            "21208     国有土地使用权出让收入安排的支出  6060000.00            6060000.00\n"
            "2120803   城市建设支出                       860000.00             860000.00\n"
            "2120804   农村基础设施建设支出              5200000.00            5200000.00\n"
            "214       交通运输支出                      2070000.00            2070000.00\n"
            "21460     车辆通行费安排的支出              2070000.00            2070000.00\n"
            "2146001   公路还贷                          2070000.00            2070000.00\n")
    (table,) = tables_of(text)
    assert table.problem is None
    assert [values(row) for row in table.rows][:2] == [{1: 8130000.0, 3: 8130000.0}, {1: 6060000.0, 3: 6060000.0}]
    slipped = text.replace("860000.00             860000.00", "680000.00             860000.00")
    assert {f.code for f in lint_text(slipped, select=["TBL"])} >= {"TBL003"}


def test_a_sangong_table_of_a_row_per_quantity_leaving_a_row_blank_reads_nothing_spent_there():
    text = ("财政拨款“三公”经费支出决算表\n单位：万元\n项目                                  年初预算数        决算数\n"
            "栏次                                           1             2\n"
            "合计                                       13.50         11.20\n1.因公出国（境）费\n"
            "2.公务用车购置及运行维护费                 10.50          9.36\n  （1）公务用车购置费\n"
            "  （2）公务用车运行维护费                  10.50          9.36\n3.公务接待费                                3.00          1.84\n")
    (table,) = tables_of(text)
    assert table.problem is None and lint_text(text, select=["TBL"]) == []
    assert {f.code for f in lint_text(text.replace("11.20", "12.20"), select=["TBL"])} == {"TBL002"}
    # the amounts of the last row wrapped onto a line of their own: no row was left blank, and none is read so
    wrapped = text.replace("3.公务接待费                                3.00", "3.公务接待费\n                                            3.00")
    (unread,) = tables_of(wrapped)
    assert unread.problem is not None and not any(f.severity > Severity.INFO for f in lint_text(wrapped, select=["TBL"]))


def test_a_sangong_table_printing_hosting_before_cars_is_read_in_the_quantities_order():
    text = ("2025年一般公共预算“三公”经费支出表\n单位：万元\n"
            "      合计        因公出国    公务接待费  公务用车购置及运行维护费\n"
            "                  （境）费                          小计  公务用车购置费  公务用车运行费\n"
            "     {total}            8.00         12.50           36.80            0.00           36.80\n")
    (table,) = tables_of(text.format(total="57.30"))
    assert table.problem is None and sangong_blocks(table) == {"预算": [1, 2, 4, 5, 6, 3]}
    assert lint_text(text.format(total="57.30"), select=["TBL"]) == []
    assert {f.code for f in lint_text(text.format(total="75.30"), select=["TBL"])} == {"TBL002"}


def test_a_sangong_table_of_two_years_side_by_side_is_read_as_the_latest_years_and_the_year_before():
    text = ("表7 某台2025年一般公共预算“三公”经费支出表\n单位：元\n2024年预算数 2025年预算数\n"
            "合计 因公出国（境）费 公务用车购置及运行费 公务接待费 合计 因公出国（境）费 公务用车购置及运行费 公务接待费\n"
            "小计 公务用车购置费 公务用车运行费 小计 公务用车购置费 公务用车运行费\n"
            "67,000.00 0.00 52,000.00 0.00 52,000.00 15,000.00 {total} 0.00 48,000.00 0.00 48,000.00 12,000.00\n")
    (table,) = tables_of(text.format(total="60,000.00"))
    assert table.problem is None and sangong_blocks(table) == {"预算": [7, 8, 9, 10, 11, 12], "上年预算": [1, 2, 3, 4, 5, 6]}
    assert {f.code for f in lint_text(text.format(total="66,000.00"), select=["TBL"])} == {"TBL002"}


def test_a_sangong_tables_counts_under_its_amounts_are_not_read_as_amounts():
    text = ("财政拨款“三公”经费支出决算表\n金额单位：万元\n项目\t合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\n"
            "\t\t\t小计\t公务用车购置费\t公务用车运行维护费\t\n栏次\t1\t2\t3\t4\t5\t6\n"
            "预算数\t40.00\t0\t34.00\t16.00\t18.00\t6.00\n决算数\t36.47\t0\t32.10\t15.68\t16.42\t4.37\n相关统计数\n"
            "项目\t公务用车购置数（辆）\t公务用车保有量（辆）\t国内公务接待批次（个）\t国内公务接待人次（人）\n统计数\t1\t9\t52\t468\n"
            "注：本表反映部门本年度“三公”经费支出预决算情况。\n")
    (table,) = tables_of(text)
    assert table.problem is None and values(table.rows[0])[7] == 36.47


def test_a_sangong_tables_count_labels_after_a_statistics_word_are_not_read_as_a_row():
    """pdfplumber's text of a 三公 table: "统计数" and the count labels on one line (labels naming "（境）"), the counts on
    the line below; the counts were joined to the amounts' row ("row 合计 has more values than columns")."""
    text = ("一般公共预算财政拨款“三公”经费支出决算表\n金额单位：万元\n预算数 决算数\n"
            "合计 因公出国（境）费 公务用车购置及运行费 公务接待费 合计 因公出国（境）费 公务用车购置及运行费 公务接待费\n"
            "小计 公务用车购置费 公务用车运行费 小计 公务用车购置费 公务用车运行费\n栏次 1 2 3 4 5 6 7 8 9 10 11 12\n"
            "金额 62.00 8.00 52.00 0.00 52.00 2.00 56.73 6.85 48.62 0.00 48.62 1.26\n"
            "统计数 因公出国（境）团组数（个） 因公出国（境）人次数（人） 公务用车购置数（辆） 公务用车保有量（辆） 国内公务接待批次（个）"
            " 国内公务接待人次（人）\n1 3 0 36 8 64\n")
    (table,) = tables_of(text)
    assert table.problem is None and values(table.rows[0])[12] == 1.26


SUMMARY_WITHOUT_NOTES = (
    "表4 财政拨款收入支出决算总表\n金额单位：万元\n收入\t\t\t支出\t\t\t\t\n项目\t行次\t金额\t项目\t行次\t合计\t一般公共预算财政拨款\t政府性基金预算财政拨款\n"
    "栏次\t\t1\t栏次\t\t2\t3\t4\n"
    "一、一般公共预算财政拨款\t1\t{general}\t一、一般公共服务支出\t30\t60.00\t60.00\t\n"
    "二、政府性基金预算财政拨款\t2\t36.00\t二、卫生健康支出\t31\t96.00\t60.00\t36.00\n"
    "本年收入合计\t23\t136.00\t本年支出合计\t52\t156.00\t120.00\t36.00\n"
    "年初财政拨款结转和结余\t24\t40.00\t年末财政拨款结转和结余\t53\t20.00\t20.00\t\n"
    "一般公共预算财政拨款\t25\t40.00\t\t54\t\t\t\n"
    "总计\t27\t176.00\t总计\t56\t{total}\t140.00\t36.00\n")


def test_a_numbered_summary_table_whose_notes_print_no_identity_adds_up_its_items_and_balances():
    assert lint_text(SUMMARY_WITHOUT_NOTES.format(general="100.00", total="176.00"), select=["TBL002"]) == []
    found = lint_text(SUMMARY_WITHOUT_NOTES.format(general="109.00", total="167.00"), select=["TBL002"])
    assert {f.message.split(":")[0] for f in found} == {
        "本年收入合计 = the sum of the numbered items above it", "支出总计 = 本年支出合计 and the balances below it",
        "合计 = the sum of the other columns"}  # the 总计 row's 合计 (167) is not its funds' (140 + 36) either


@pytest.mark.parametrize("title", ["表五 北京市某局2025年一般公共预算支出情况表", "表五：北京市某局2025年一般公共预算支出情况表",
                                   "附表五 北京市某局2025年一般公共预算支出情况表", "北京市某局2025年一般公共预算支出情况表（表五）"])
def test_a_table_numbered_with_a_chinese_numeral_is_found(title):
    text = (f"{title}\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n栏次\t\t1\t2\t3\n"
            "合计\t\t100.00\t80.00\t20.00\n204\t公共安全支出\t100.00\t80.00\t20.00\n")
    (table,) = tables_of(text)
    assert (table.number, table.kind, table.problem) == (5, "一般公共预算支出表", None)


@pytest.mark.parametrize("note", ["注：本表1栏=2栏+3栏。", "注：1栏=（2+3）栏", "注：1栏各行=2栏各行+3栏各行"])
def test_a_column_identity_is_read_with_or_without_a_mark_after_each_term(note):
    text = ("支出决算表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n栏次\t\t1\t2\t3\n"
            "合计\t\t1383.95\t844.75\t539.20\n207\t文化旅游体育与传媒支出\t1383.95\t844.75\t539.20\n" + note + "\n")
    (table,) = tables_of(text)
    assert [(i.target, i.terms) for i in table.identities if i.axis == "栏"] == [(1, ((1, 2), (1, 3)))]
    assert lint_text(text, select=["TBL002"]) == []


def test_a_heading_naming_the_table_above_its_title_is_no_table_of_its_own():
    text = ("八、政府性基金预算支出情况表\n北京市某局2025年政府性基金预算支出情况表\n单位：万元\n"
            "科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t\t\t\n说明：本部门2025年无政府性基金预算支出，故本表无数据。\n")
    (table,) = tables_of(text)
    assert table.title.startswith("北京市") and table.explanation is not None
    assert lint_text(text, select=["TBL001"]) == []


def test_a_table_ends_at_the_title_of_a_table_of_another_kind():
    text = ("北京市某局2025年项目支出表\n单位：万元\n项目名称\t合计\n合计\t100.00\n社区矫正工作经费\t100.00\n"
            "北京市某局2025年政府采购预算表\n单位：万元\n采购项目\t采购品目\t金额\n办公设备\t计算机\t12.00\n")
    table, procurement = tables_of(text)
    assert table.problem is None and [row.name for row in table.rows] == ["合计", "社区矫正工作经费"]
    assert procurement.kind == OTHER and not procurement.rows  # a table of its own, not read


def test_a_sangong_table_with_a_one_line_header_naming_the_cars_parts_after_their_total():
    text = ("表7 一般公共预算“三公”经费支出表\n单位：万元\n"
            "项目\t合计\t因公出国（境）费\t公务接待费\t公务用车购置及运行费\t公务用车购置费\t公务用车运行费\n"
            "2022年预算数\t{total}\t5.00\t10.00\t38.60\t20.00\t18.60\n2021年预算数\t40.00\t5.00\t10.00\t25.00\t0.00\t25.00\n")
    (table,) = tables_of(text.format(total="53.60"))
    assert table.problem is None and values(table.rows[0]) == {1: 53.6, 2: 5.0, 3: 38.6, 4: 20.0, 5: 18.6, 6: 10.0,
                                                               7: 40.0, 8: 5.0, 9: 25.0, 10: 0.0, 11: 25.0, 12: 10.0}
    assert {f.code for f in lint_text(text.format(total="35.60"), select=["TBL"])} == {"TBL002"}


def test_a_summary_table_printed_as_an_outline_adds_up_its_levels():
    """Zhejiang's 财政拨款收支预算总表: "一、本年收入" over its "（一）…" items, then "二、上年结转" and 收入总计."""
    text = ("财政拨款收支预算总表\n单位：万元\n收入\t\t支出\t\t\t\n项目\t预算数\t项目\t合计\t一般公共预算\t政府性基金预算\n"
            "一、本年收入\t{income}\t一、本年支出\t100.00\t100.00\t0.00\n（一）一般公共预算拨款\t100.00\t（一）一般公共服务支出\t80.00\t80.00\t0.00\n"
            "（二）政府性基金预算拨款\t0.00\t（二）卫生健康支出\t20.00\t20.00\t0.00\n二、上年结转\t0.00\t二、结转下年\t0.00\t0.00\t0.00\n"
            "收入总计\t100.00\t支出总计\t100.00\t100.00\t0.00\n")
    assert lint_text(text.format(income="100.00"), select=["TBL002"]) == []
    found = lint_text(text.format(income="118.00"), select=["TBL002"])
    # the 总计 its items give (100.00) is printed: its gap to the slipped 一、本年收入 is that row's, reported once there
    assert [f.message.split(":")[0] for f in found] == ["a first-level row = the sum of the items under it"]
    found = lint_text(text.format(income="118.00").replace("收入总计\t100.00", "收入总计\t128.00"), select=["TBL002"])
    assert {f.message.split(":")[0] for f in found} == {"a first-level row = the sum of the items under it",
                                                       "总计 = the sum of the first-level rows above it"}


_BROKEN_OVER_PAGES = (
    "一般公共预算财政拨款支出决算表（表5）\n\t\t\t\t单位：万元\n项 目\t\t\t\t本年支出\n"
    "功能分类科目编码\t\t科目名称\t\t小计\t基本支出\t项目支出\n类\t款\t项\t栏次\t1\t2\t3\n"
    "合 计\t\t\t\t{total}\t30.00\t10.00\n201\t\t\t一般公共服务支出\t30.00\t20.00\t10.00\n"
    "20103\t\t\t政府办公厅（室）及相关机构事务\t30.00\t20.00\t10.00\n2010301\t\t\t行政运行\t30.00\t20.00\t10.00\n"
    "\n- 12 -\n{repeated}"
    "221\t\t\t住房保障支出\t10.00\t10.00\t\n22102\t\t\t住房改革支出\t10.00\t10.00\t\n2210201\t\t\t住房公积金\t10.00\t10.00\t\n"
)


@pytest.mark.parametrize("repeated", [
    "\t\t\t\t单位：万元\n项 目\t\t\t\t本年支出\n功能分类科目编码\t\t科目名称\t\t小计\t基本支出\t项目支出\n类\t款\t项\t栏次\t1\t2\t3\n",
    "功能分类科目编码\t科目名称\t\t小计\t基本支出项目支出\n",  # its words parted otherwise on the next page
    "续表5\n功能分类科目编码\t\t科目名称\t\t小计\t基本支出\t项目支出\n类\t款\t项\t栏次\t1\t2\t3\n",
    "一般公共预算财政拨款支出决算表（表5）（续）\n类\t款\t项\t栏次\t1\t2\t3\n",
])
def test_a_table_broken_over_pages_reads_on_past_its_repeated_header(repeated):
    """A PDF's table continued on the next page under its header (or its title marked 续) again."""
    text = _BROKEN_OVER_PAGES.format(total="40.00", repeated=repeated)
    [table] = tables_of(text)
    assert table.problem is None
    assert [row.code or row.name for row in table.rows] == ["合计", "201", "20103", "2010301", "221", "22102", "2210201"]
    assert lint_text(text) == []
    found = lint_text(_BROKEN_OVER_PAGES.format(total="41.00", repeated=repeated), select=["TBL002", "TBL003"])
    assert {f.code for f in found} == {"TBL002", "TBL003"} and {f.span.quote for f in found} == {"41.00"}


_SPACED_BROKEN_OVER_PAGES = (
    "表一 部门收支总表\n单位：万元\n收入 支出\n{header}\n一、一般公共预算拨款收入 {income} 一、一般公共服务支出\n"
    "二、卫生健康支出 300.00\n\n— 3 —\n\n表一 部门收支总表（续）\n{header}\n三、住房保障支出 63.08\n"
    "本年收入合计 363.08 本年支出合计 363.08\n收入总计 363.08 支出总计 363.08\n"
)


@pytest.mark.parametrize("header", ["项 目 预算数 项 目 预算数", "项目 预算数 项目 预算数"])
def test_a_space_laid_table_reads_on_past_its_header_repeated_as_one_name(header):
    """A 收支总表 as pdfplumber gives it, its header printed again atop the next page: a line of words parted by single
    spaces, read as one name ("项目预算数项目预算数"), is that header, not a row."""
    [table] = tables_of(_SPACED_BROKEN_OVER_PAGES.format(header=header, income="363.08"))
    assert table.problem is None
    assert "住房保障支出" in [row.plain_name for row in table.rows]
    found = lint_text(_SPACED_BROKEN_OVER_PAGES.format(header=header, income="336.08"), select=["TBL002"])
    assert [f.message.split(":")[0] for f in found] == ["本年收入合计 = the sum of the numbered items above it"]


def test_a_sangong_table_whose_total_row_ends_in_its_rate_reads_its_rows_above_its_counts():
    """"合计 | 120000.00 | 102000.00 | -18000.00 | -15.00%": a row of amounts and a rate opens the rows of a table printed
    without 栏次, also where the 相关统计数 follow them."""
    text = ("表七\n某局2026年一般公共预算“三公”经费支出表\n单位：元\n项目\t2025年预算数\t2026年预算数\t增减额\t增减率\n"
            "合计\t120000.00\t102000.00\t-18000.00\t-15.00%\n1.因公出国（境）费\t0.00\t0.00\t0.00\t\n"
            "2.公务用车购置及运行费\t84000.00\t72000.00\t-12000.00\t-14.29%\n（1）公务用车购置费\t0.00\t0.00\t0.00\t\n"
            "（2）公务用车运行费\t84000.00\t72000.00\t-12000.00\t-14.29%\n3.公务接待费\t36000.00\t30000.00\t-6000.00\t-16.67%\n"
            "相关统计数\n公务用车保有量（辆）\t\t4\n公务接待批次（批次）\t\t40\n")
    [table] = tables_of(text)
    assert table.problem is None and table.rows


_SPACED_SANGONG_WITH_CHANGES = (
    "表7\n某局2025年一般公共预算“三公”经费支出表\n单位：万元\n"
    "             项    目               2024年预算数  2025年预算数    增减额      增减率\n"
    "合计                                       17.00         15.00       -2.00     -11.76%\n"
    "1.因公出国（境）费                          0.00          0.00        0.00\n"
    "2.公务用车购置及运行费                     11.20         10.00       -1.20     -10.71%\n"
    "  （1）公务用车购置费                       0.00          0.00        0.00\n"
    "  （2）公务用车运行费                      11.20         10.00       -1.20     -10.71%\n"
    "3.公务接待费                                5.80          {reception}       -0.80     -13.79%\n")


_SANGONG_UNDER_NUMBERS = (
    '                                         财政拨款“三公”经费支出决算表\n'
    '                                                                                                公开09表\n'
    '部门：浔湖县住房和城乡建设局                                                金额单位：元\n'
    '                          预算数                                                              决算数\n'
    '   合计        因公出国     公务用车购置                               公务接待费       合计        因公出国     公务用车购置                               公务接待费\n'
    '               （境）费     及运行维护费                                                            （境）费     及运行维护费\n'
    '                               小计         购置费      运行维护费                                                 小计         购置费      运行维护费\n'
    '          1             2             3             4             5             6             7             8             9            10            11            12\n'
    ' 126,000.00                   96,000.00                   96,000.00     30,000.00    103,002.40                   84,362.40                   84,362.40     {reception}'
    "\n相关统计数：\n公务用车保有量（辆）                              4\n")


def test_a_space_laid_sangong_row_under_its_numbers_is_placed_and_its_blocks_told_by_one_adding_up():
    """The national 三公 table laid with spaces, its one row of amounts under "1 … 12" with its empty cells blank: each
    amount stands under its number; its wrapped labels tell no order, and the 预算 block adding up (two parts spent) shows
    the national one, though a slip in the 决算 block breaks that one (the row was left loose, the slip unchecked)."""
    [table] = tables_of(_SANGONG_UNDER_NUMBERS.format(reception="18,640.00"))
    assert table.problem is None and values(table.rows[0]) == {
        1: 126000.0, 3: 96000.0, 5: 96000.0, 6: 30000.0, 7: 103002.4, 9: 84362.4, 11: 84362.4, 12: 18640.0}
    found = lint_text(_SANGONG_UNDER_NUMBERS.format(reception="18,460.00"), select=["TBL002"])
    assert [f.span.quote for f in found] == ["103,002.40"]


def test_a_space_laid_sangong_row_of_no_rate_from_nothing_last_year_is_read():
    """"1.因公出国（境）费  0.00  0.00  0.00" under "2024年预算数 | 2025年预算数 | 增减额 | 增减率": no rate of a change from
    nothing is printed, and the row is still read (the table was left unchecked)."""
    [table] = tables_of(_SPACED_SANGONG_WITH_CHANGES.format(reception="5.00"))
    assert table.problem is None and table.rows
    found = lint_text(_SPACED_SANGONG_WITH_CHANGES.format(reception="5.50"), select=["TBL002"])
    assert len(found) == 2 and all(f.severity.name == "ERROR" for f in found)


def test_a_space_laid_total_row_ending_in_a_rate_under_a_header_of_two_lines_is_no_row_opened_wrongly():
    """The same 合计 row laid with spaces under "2025年预算数" over "2024年预算数 合计 基本支出 …": the year right before the
    合计 is last year's column, first (read otherwise, 合计 = the sum of the other columns failed on every row)."""
    text = ("五、一般公共预算支出预算表（按功能分类）\n单位：万元\n"
            "                                                       2025年预算数\n"
            "科目编码  科目名称                   2024年预算数        合计    基本支出    项目支出      增减额     增减率\n"
            "          合计                            1504.81     1516.33      294.03     1222.30       11.52      0.77%\n"
            "208       社会保障和就业支出               284.81      294.03      294.03                    9.22      3.24%\n"
            "220       自然资源海洋气象等支出          1220.00     1222.30                  1222.30        2.30      0.19%\n")
    assert [f for f in lint_text(text) if f.severity != Severity.INFO] == []
    slipped = text.replace("1222.30        2.30      0.19%", "1222.30        2.30      1.19%")
    assert [f.code for f in lint_text(slipped) if f.severity != Severity.INFO] == ["TBL002"]  # the rate is read


@pytest.mark.parametrize("wrapped", ["\t\t\t费支出\t\t\t\n", "费支出\n"])
def test_a_name_wrapped_below_its_amounts_ends_the_name_of_the_row_above(wrapped):
    """A PDF's narrow name column: "2080505 机关事业单位基本养老保险缴 10.68", then "费支出" on a line of its own."""
    text = ("一般公共预算财政拨款支出决算表（表5）\n类\t款\t项\t栏次\t1\t2\t3\n合计\t\t\t\t10.68\t10.68\t\n"
            "208\t\t\t社会保障和就业支出\t10.68\t10.68\t\n20805\t\t\t行政事业单位养老支出\t10.68\t10.68\t\n"
            "2080505\t\t\t{name}\t10.68\t10.68\t\n" + wrapped)
    [table] = tables_of(text.format(name="机关事业单位基本养老保险缴"))
    assert table.problem is None and table.rows[-1].name == "机关事业单位基本养老保险缴费支出"
    assert lint_text(text.format(name="机关事业单位基本养老保险缴")) == []
    assert [f.code for f in lint_text(text.format(name="机关事业单位职业年金缴"))] == ["TBL005"]


@pytest.mark.parametrize("years", [("2023年预算数", "2024年预算数"), ("上年预算数", "本年预算数")])
def test_a_spending_table_printing_last_years_total_first_is_read_as_this_years_columns(years):
    """Jiangsu's 一般公共预算支出表: "2023年预算数 | 2024年预算数: 小计 基本支出 项目支出"."""
    text = ("2024年一般公共预算支出表\n单位：万元\n科目编码\t\t\t科目名称\t{0}\t{1}\t\t\n类\t款\t项\t\t\t小计\t基本支出\t项目支出\n"
            "\t\t\t合计\t95.00\t100.00\t{basic}\t40.00\n212\t\t\t城乡社区支出\t95.00\t100.00\t{basic}\t40.00\n\n"
            "2024年一般公共预算基本支出表\n单位：万元\n科目编码\t科目名称\t合计\t人员经费\t公用经费\n\t合计\t60.00\t50.00\t10.00\n"
            "301\t工资福利支出\t50.00\t50.00\t\n302\t商品和服务支出\t10.00\t\t10.00\n")
    spending = tables_of(text.format(*years, basic="60.00"))[0]
    assert spending.columns == [1, 2, 3] and values(spending.rows[0]) == {1: 100.0, 2: 60.0, 3: 40.0}
    assert lint_text(text.format(*years, basic="60.00")) == []
    assert {f.code for f in lint_text(text.format(*years, basic="65.00"), select=["TBL002", "TBL004"])} == {"TBL002", "TBL004"}


@pytest.mark.parametrize("earlier", [True, False])
def test_a_spending_table_printing_the_change_from_last_year_keeps_this_years_columns(earlier):
    """A 预算's 一般公共预算支出表 with "增减额 | 增减率（%）" after this year's columns (and last year's
    before them): neither the change nor its rate is an amount of this year."""
    rows = [("", "合计", "111.25", "{total}"), ("210", "卫生健康支出", "111.25", "115.68"),
            ("2101101", "行政单位医疗", "68.40", "71.25"), ("2101102", "事业单位医疗", "42.85", "44.43")]
    changes = ["4.43\t4.0", "4.43\t4.0", "2.85\t4.2", "1.58\t3.7"]
    last_year = "2024年预算数\t" if earlier else ""
    text = ("某局2025年部门预算\n表2 一般公共预算财政拨款支出预算表\n单位：万元\n"
            f"科目编码\t科目名称\t{last_year}2025年预算数\t\t\t2025年预算数比2024年预算数增减变化\t\n"
            + "\t" * (2 + earlier) + "小计\t基本支出\t项目支出\t增减额\t增减率（%）\n"
            + "".join(f"{code}\t{name}\t{before + chr(9) if earlier else ''}{now}\t{now if code else '115.68'}\t\t{change}\n"
                      for (code, name, before, now), change in zip(rows, changes)))
    [table] = tables_of(text.format(total="115.68"))
    assert table.columns == [1, 2, 3] and values(table.rows[-1]) == {1: 44.43, 2: 44.43}
    assert lint_text(text.format(total="115.68")) == []
    assert {f.code for f in lint_text(text.format(total="116.68"), select=["TBL002", "TBL003"])} == {"TBL002", "TBL003"}


def test_a_table_numbered_with_a_chinese_numeral_on_a_line_of_its_own_takes_that_number():
    """"表一" over the title, "表二" over the next: neither is a row of the table above."""
    text = ("表一\n某局2021年部门收支总表\n单位：元\n项目\t预算数\t项目\t预算数\n一、一般公共预算拨款\t100\t一、农林水支出\t100\n"
            "收入总计\t100\t支出总计\t100\n\n表二\n某局2021年部门收入总表\n单位：元\n编码\t名称\t合计\t一般公共预算拨款\n"
            "\t合计\t100\t100\n213\t农林水支出\t100\t100\n")
    tables = tables_of(text)
    assert [(t.number, t.kind, t.problem) for t in tables] == [(1, SUMMARY, None), (2, INCOME, None)]


def test_a_sangong_table_in_whole_yuan_without_column_numbers_is_read():
    """A 三公 table in 元 printing whole amounts, laid out by ``pdftotext -layout`` (an Inner Mongolia budget)."""
    text = ("表7  某局2021年一般公共预算“三公”经费支出表\n编制单位：某局                单位：元\n"
            "        合计  因公出国（境）费        公务用车购置及运行费           公务接待费\n"
            "                                  小计      购置费      运行费\n"
            "     {total}             0       180,000             0       180,000        35,000\n")
    [table] = tables_of(text.format(total="215,000"))
    assert table.problem is None and values(table.rows[0])[1] == 215000
    assert lint_text(text.format(total="215,000")) == []
    assert [f.code for f in lint_text(text.format(total="225,000"))] == ["TBL002"]


def test_a_sangong_table_with_a_row_per_year_keeps_the_year_before_as_last_years_block():
    """"2024年预算数 | …" over "2025年预算数 | …": this year's row, and last year's, both checked."""
    text = ("清溪县教育局2025年部门预算\n表七 2025年一般公共预算“三公”经费支出预算表\n单位：万元\n"
            "项目\t合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\n"
            "\t\t\t小计\t购置费\t运行维护费\t\n"
            "2024年预算数\t{total}\t0.00\t12.00\t0.00\t12.00\t7.50\n2025年预算数\t16.60\t0.00\t10.20\t0.00\t10.20\t6.40\n"
            "七、“三公”经费预算情况说明\n2025年“三公”经费预算16.60万元，比2024年预算减少2.90万元。\n")
    [table] = tables_of(text.format(total="19.50"))
    assert set(sangong_blocks(table)) == {"预算", "上年预算"}
    assert lint_text(text.format(total="19.50")) == []
    assert {f.code for f in lint_text(text.format(total="21.50"))} == {"TBL002", "TBL006"}


def test_two_names_a_column_gap_apart_are_two_cells():
    """``pdftotext -layout`` prints a two-sided table's row without amounts as two names far apart."""
    text = ("表四\n某局2021年财政拨款收支总表\n单位：元\n          收    入                                             支    出\n"
            "      项    目                  预算数        项    目                      合计\n"
            "一、本年收入                {income}  一、本年支出                  100\n"
            "（一）一般公共预算拨款             100  （一）农林水支出                 100\n"
            "（二）政府性基金预算拨款                 二、结转下年\n"
            "     收 入 总 计                   100       支 出 总 计                     100\n")
    [table] = tables_of(text.format(income="100"))
    assert table.problem is None
    assert [(row.name, row.side) for row in table.rows if "政府性基金" in row.name or "结转" in row.name] == [
        ("(二)政府性基金预算拨款", "收入"), ("二、结转下年", "支出")]
    [found] = lint_text(text.format(income="110"), select=["TBL002"])  # (收入总计's gap is the slipped row's)
    assert "本年收入 — 栏1 is 110元" in found.message


def test_a_basic_table_reads_a_name_wrapped_below_its_amounts():
    """``pdftotext -layout``: "30108 机关事业单位基本养老 400,000 400,000", then "保险缴费"."""
    text = ("表六\n某局2021年一般公共预算基本支出表\n单位：元\n"
            "  编码               名称                          合计      人员经费      公用经费\n"
            "                         合计                 1,600,000     1,300,000       300,000\n"
            "301        工资福利支出                       1,300,000     1,300,000\n"
            "30101        基本工资                           900,000       900,000\n"
            "30108        机关事业单位基本养老               400,000       400,000\n               保险缴费\n"
            "302        商品和服务支出                       300,000                     300,000\n"
            "30201        办公费                             140,000                     140,000\n"
            "30211        差旅费                             {travel}                     {travel}\n")
    [table] = tables_of(text.format(travel="160,000"))
    assert table.problem is None and table.row_by_code("30108").name == "机关事业单位基本养老保险缴费"
    assert lint_text(text.format(travel="160,000")) == []
    assert {f.code for f in lint_text(text.format(travel="180,000"))} == {"TBL003"}


def test_a_basic_table_reads_a_name_a_pdf_cell_centres_over_three_lines():
    """pdftotext in reading order: the head of a long name above its code's line, which prints no name,
    and its tail below ("机关事业单位基本养老保" / "30108 446.11 30206 电费 18.86" / "险缴费")."""
    text = ("一般公共预算财政拨款基本支出决算表\n单位：万元\n经济分类 经济分类\n科目名称 决算数 科目名称 决算数\n"
            "科目编码 科目编码\n301 工资福利支出 546.11 302 商品和服务支出 28.86\n30101 基本工资 100.00 30201 办公费 10.00\n"
            "机关事业单位基本养老保\n30108 446.11 30206 电费 {power}\n险缴费\n"
            "人员经费合计 546.11 公用经费合计 28.86\n")
    [table] = tables_of(text.format(power="18.86"))
    assert table.problem is None and table.row_by_code("30108").name == "机关事业单位基本养老保险缴费"
    assert lint_text(text.format(power="18.86")) == []
    assert {f.code for f in lint_text(text.format(power="28.86"))} == {"TBL003"}


def test_a_layout_table_without_column_numbers_keeps_its_names_when_a_cell_centres_one_over_three_lines():
    """``pdftotext -layout`` of a table without 栏次: "机关事业单位基本养老保险缴费" above a code line printing no name and
    "支出" below it. The names were all dropped (the head alone names 30108, so the tail was not joined): the
    other rows' names, and TBL005 on a code that does not match its name, were lost."""
    text = ("                 一般公共预算支出预算表\n单位：万元\n科目编码      科目名称                 2025年预算数\n"
            "                                       合计          基本支出      项目支出\n"
            "            合计                            81.53         58.93         22.60\n"
            "201         一般公共服务支出                22.60                       22.60\n"
            "20105       统计信息事务                    22.60                       22.60\n"
            "{code}     统计抽样调查                    22.60                       22.60\n"
            "208         社会保障和就业支出              58.93         58.93\n"
            "20805       行政事业单位养老支出            58.93         58.93\n"
            "            机关事业单位基本养老保险缴费\n2080505                                     58.93         58.93\n"
            "            支出\n")
    [table] = tables_of(text.format(code="2010508"))
    assert table.row_by_code("2080505").name == "机关事业单位基本养老保险缴费支出"
    assert table.row_by_code("2010508").name == "统计抽样调查"
    assert [f.code for f in lint_text(text.format(code="2010506")) if f.severity != Severity.INFO] == ["TBL005"]


def test_a_sangong_table_of_a_row_per_quantity_under_last_years_and_this_years_blocks_is_read():
    """"上年决算数 | 本年预算数 | 本年决算数" (Yunnan's 三公 table): this year's 决算 is compared with the text, and the
    change the text states with last year's block."""
    text = ("财政拨款“三公”经费支出决算表\n金额单位：元\n项目\t上年决算数\t本年预算数\t本年决算数\n"
            "一、“三公”经费支出\t209,555.60\t230,000.00\t185,406.36\n（一）因公出国（境）费\t0.00\t0.00\t0.00\n"
            "（二）公务用车购置及运行维护费\t138,215.60\t150,000.00\t126,480.36\n（三）公务接待费\t71,340.00\t80,000.00\t58,926.00\n\n"
            "四、财政拨款“三公”经费支出决算情况说明\n2024年度“三公”经费财政拨款支出决算为18.54万元，比上年决算减少{change}万元。"
            "公务接待费支出决算{hosting}万元。\n")
    [table] = tables_of(text.format(change="2.41", hosting="5.89"))
    assert set(sangong_blocks(table)) == {"上年决算", "预算", "决算"}
    assert lint_text(text.format(change="2.41", hosting="5.89")) == []
    assert [f.code for f in lint_text(text.format(change="2.14", hosting="5.98"))] == ["TBL006", "TBL006"]


def test_a_sangong_table_of_a_row_per_quantity_with_the_operating_costs_before_its_total_is_read():
    """Chongqing's "财政拨款“三公”经费、行政参公单位机关运行经费情况表": the 机关运行经费 row between the 三公 parts and
    their 合计 printed last. The table was read row by row, its first part taken for the 合计."""
    text = ("财政拨款“三公”经费、行政参公单位机关运行经费情况表\n项目\t预算数\t决算数\n1.因公出国（境）费\t0.00\t{abroad}\n"
            "2.公务用车购置及运行维护费\t6.00\t5.48\n（1）公务用车购置费\t0.00\t0.00\n（2）公务用车运行维护费\t6.00\t5.48\n"
            "3.公务接待费\t4.50\t3.96\n4.行政参公单位机关运行经费\t132.00\t125.20\n“三公”经费合计\t10.50\t9.44\n")
    [table] = tables_of(text.format(abroad="0.00"))
    assert set(sangong_blocks(table)) == {"预算", "决算"} and table.single_or_total().amount(sangong_blocks(table)["决算"][0]) == 9.44
    assert lint_text(text.format(abroad="0.00")) == []
    assert [f.code for f in lint_text(text.format(abroad="1.20"))] == ["TBL002"]


def test_a_sangong_table_of_two_years_checks_the_difference_rows_under_them():
    """"2024年预算数 | …", "2025年预算数 | …", then "增减额 | …" and "增减率（%） | …": each quantity's difference
    is this year's less last year's (its rate of last year's), as the code tables' 增减额 columns are."""
    text = ("某局2025年一般公共预算“三公”经费支出预算表\n单位：万元\n项目\t合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\n"
            "\t\t\t小计\t公务用车购置费\t公务用车运行维护费\t\n2024年预算数\t19.80\t0.00\t14.60\t0.00\t14.60\t5.20\n"
            "2025年预算数\t17.70\t0.00\t13.20\t0.00\t13.20\t4.50\n增减额\t-2.10\t0.00\t-1.40\t0.00\t-1.40\t{hosting}\n"
            "增减率（%）\t-10.61\t\t-9.59\t\t-9.59\t-13.46\n")
    [table] = tables_of(text.format(hosting="-0.70"))
    assert [row.name for row in table.change_rows][-1] == "公务接待费" and table.change_rows[-1].change.value == -0.7
    assert lint_text(text.format(hosting="-0.70")) == []
    assert [f.code for f in lint_text(text.format(hosting="-0.07"))] == ["TBL002"]


@pytest.mark.parametrize("parts", [("基本支出", "项目支出"), ("一般公共预算拨款", "其他收入")])
def test_a_table_printing_the_change_columns_before_this_years_parts_reads_each_column_by_its_title(parts):
    """Beijing's "2024年预算数 | 2025年预算数 | 增减额 | 增减率 | 其中：基本支出 | 项目支出": the parts were read as the change
    (a clean 预算 gave 120 errors), and a 收入表 of that layout was left unread."""
    text = ("2025年部门支出总表\n单位：元\n科目编码\t科目名称\t2024年预算数\t2025年预算数\t增减额\t增减率\t其中：{0}\t{1}\n"
            "\t合计\t1,000,000.00\t1,100,000.00\t100,000.00\t10.00%\t800,000.00\t300,000.00\n"
            "20105\t统计信息事务\t1,000,000.00\t1,100,000.00\t100,000.00\t10.00%\t800,000.00\t300,000.00\n"
            "2010501\t行政运行\t700,000.00\t800,000.00\t100,000.00\t14.29%\t800,000.00\t0.00\n"
            "2010505\t专项统计业务\t300,000.00\t300,000.00\t{change}\t0.00%\t0.00\t300,000.00\n").format(*parts, change="{change}")
    [table] = tables_of(text.format(change="0.00"))
    row = table.row_by_code("2010501")
    assert table.problem is None and values(row) == {1: 800000.0, 2: 800000.0, 3: 0.0} and row.earlier.value == 700000.0
    assert lint_text(text.format(change="0.00")) == []
    assert [f.code for f in lint_text(text.format(change="10,000.00"))] == ["TBL002"]


def test_a_table_of_last_years_execution_beside_this_years_parts_titled_below_is_read():
    """Fujian's 收入表 by unit: "2024年执行数 | 2025年预算数" over "合计 上年结转 一般公共预算拨款 其他收入"; it was left
    unread ("its columns of this year cannot be told from last year's")."""
    text = ("表二  收入预算总表\n单位：万元\n单位编码\t单位名称\t2024年执行数\t2025年预算数\t\t\t\n"
            "\t\t\t合计\t上年结转\t一般公共预算拨款\t其他收入\n\t合计\t1,737.06\t1,784.52\t0.00\t1,784.52\t0.00\n"
            "318001\t某县财政局本级\t1,406.13\t1,412.62\t0.00\t{own}\t0.00\n"
            "318002\t某县财政投资评审中心\t330.93\t371.90\t0.00\t371.90\t0.00\n")
    [table] = tables_of(text.format(own="1,412.62"))
    assert table.problem is None and values(table.rows[1]) == {1: 1412.62, 2: 0.0, 3: 1412.62, 4: 0.0}
    assert table.rows[1].earlier.value == 1406.13
    assert lint_text(text.format(own="1,412.62")) == []
    assert "TBL002" in {f.code for f in lint_text(text.format(own="1,421.62"))}


def test_a_sangong_row_of_amounts_under_wrapped_labels_is_read_in_the_order_they_add_up_in():
    """Shanghai's 三公 table as pdftotext gives it: the labels wrapped over six lines, the cars' spanning label
    first, then one line of twelve amounts, 预算数 and 决算数 under each quantity."""
    text = ("财政拨款“三公”经费支出决算表\n单位：万元\n财政拨款“三公”经费\n公务用车购置及运行维护费\n因公出国\n"
            "合计 公务用车 公务用车 公务接待费\n（境）费 小计\n购置费 运行维护费\n" + "预算数 决算数 " * 6 + "\n"
            "10.85 9.39 1.00 0.00 6.00 4.00 0.00 0.00 6.00 {running} 3.85 5.39\n")
    [table] = tables_of(text.format(running="4.00"))
    assert table.problem is None and sangong_blocks(table)["决算"] == [2, 4, 6, 8, 10, 12]
    assert lint_text(text.format(running="4.00")) == []
    assert [f.code for f in lint_text(text.format(running="3.00"))] == ["TBL002"]  # the cars' 4.00 are not 0.00 + 3.00


def test_a_space_table_without_column_numbers_keeps_its_names_when_one_wraps_below_its_amounts():
    """The end of a subject's name wrapped below the row's amounts joins the name when the catalogue
    names the subject so; the other rows keep their names (they were all dropped)."""
    text = ("表五\n某局2021年一般公共预算支出表\n单位：元\n"
            "  编码               名称                              合计      基本支出      项目支出\n"
            "                         合计                     4,591,352     4,591,352\n"
            "208        社会保障和就业支出                     1,134,572     1,134,572\n"
            "20805        行政事业单位养老支出                 1,134,572     1,134,572\n"
            "2080505        机关事业单位基本养老保             1,134,572     1,134,572\n"
            "               险缴费支出\n"
            "213        农林水支出                             3,456,780     3,456,780\n"
            "21302        林业和草原                           3,456,780     3,456,780\n"
            "2130201        行政运行                           3,456,780     3,456,780\n")
    [table] = tables_of(text)
    assert [(row.code, row.name) for row in table.rows if row.code in ("2080505", "2130201")] == [
        ("2080505", "机关事业单位基本养老保险缴费支出"), ("2130201", "行政运行")]


def test_names_printed_above_their_code_lines_are_not_taken_for_names_wrapped_below_the_row_before():
    """pdftotext prints each name on the line above its code and amounts: a whole subject name after a
    code line without a name begins the next row, it does not end this one (names went one row off)."""
    text = ("一般公共预算财政拨款支出决算表\n单位：万元\n项目\n合计 基本支出 项目支出\n类 款 项\n"
            "一般公共服务支出\n201 2,106.66 1,503.52 603.14\n财政事务\n201 06 2,106.66 1,503.52 603.14\n"
            "行政运行\n201 06 01 1,511.89 1,503.52 8.37\n一般行政管理事务\n201 06 02 10.00 10.00\n"
            "信息化建设\n201 06 07 135.25 135.25\n财政委托业务支出\n201 06 08 449.52 449.52\n合计\n"
            "2,106.66 1,503.52 603.14\n")
    [table] = tables_of(text)
    assert [row.name for row in table.rows if row.code] == [""] * 6
    assert lint_text(text, select=["TBL005"]) == []


@pytest.mark.parametrize("number", ["（公开08表）", "（附表8）", "(表8)"])
def test_a_title_numbered_after_it_as_a_form_is_read(number):
    """"…决算表（公开08表）": the form's number after the title, as Hebei's and Henan's 决算 print it (the table was unread)."""
    text = (f"政府性基金预算财政拨款收入支出决算表{number}\n单位：万元\n项目\t\t本年收入\t本年支出\n类\t栏次\t1\t2\n"
            "合计\t\t100.00\t100.00\n212\t城乡社区支出\t100.00\t100.00\n")
    [table] = tables_of(text)
    assert (table.kind, table.number, table.problem) == (FUND, 8, None)


def test_a_project_table_of_names_and_amounts_without_column_numbers_is_read():
    """"项目名称 | 金额" and a row per project, as a Word table prints it: every project, its amount in 栏1."""
    text = ("一般公共预算财政拨款项目支出决算表（公开07表）\n单位：万元\n项目名称\t金额\n"
            "G235国道江州城区至临江段改建工程\t12,480.00\n农村公路提档升级工程\t6,162.80\n合计\t18,642.80\n")
    [table] = tables_of(text)
    assert table.problem is None and table.columns == [1]
    assert [(row.name, values(row)) for row in table.rows] == [
        ("G235国道江州城区至临江段改建工程", {1: 12480.0}), ("农村公路提档升级工程", {1: 6162.8}), ("合计", {1: 18642.8})]


def test_a_space_laid_project_table_naming_each_projects_subject_is_read():
    """"项目名称  科目编码  科目名称  合计  一般公共预算  其他收入" laid with spaces, without 栏次: each project's row keeps
    the subject it is charged to, and its amounts stand under their titles (the table was left unchecked)."""
    text = ("表10\n某局2025年项目支出表\n单位：万元\n"
            "            项目名称              科目编码         科目名称           合计     一般公共预算   其他收入\n"
            "合计                                                                   231.30        223.30        8.00\n"
            "农牧业实用技术推广服务            2130106    科技转化与推广服务         44.50         36.50        8.00\n"
            "青稞良种推广补助                  2130122    农业生产发展              186.80        186.80\n")
    [table] = tables_of(text)
    assert table.problem is None and table.columns == [1, 2, 3]
    assert [(row.code, row.name, values(row)) for row in table.rows] == [
        (None, "合计", {1: 231.3, 2: 223.3, 3: 8.0}), ("2130106", "农牧业实用技术推广服务", {1: 44.5, 2: 36.5, 3: 8.0}),
        ("2130122", "青稞良种推广补助", {1: 186.8, 2: 186.8})]


def test_a_title_without_a_unit_line_is_read_when_a_header_of_cells_follows_it():
    """"五、一般公共预算财政拨款支出决算表" over "科目编码 | 科目名称 | …" (no 单位 line): a table; the same
    title in a table of contents, among other titles, is none."""
    contents = "目录\n五、一般公共预算财政拨款支出决算表\n六、一般公共预算财政拨款基本支出决算表\n"
    table = ("五、一般公共预算财政拨款支出决算表\n\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n"
             "合计\t\t200.00\t200.00\t\n210\t卫生健康支出\t200.00\t200.00\t\n")
    [read] = tables_of(contents + table)
    assert read.problem is None and [row.code for row in read.rows] == [None, "210"]
    assert read.start > len(contents) - 1


def test_a_table_numbered_by_its_cells_leaves_the_shared_lines_alone():
    """Numbering a grid's columns added a line to the document's lines: a 目录 read after it ran past
    the end of the stripped lines (IndexError, every table rule failed)."""
    text = ("目录\n一、收入支出决算总表\n\n五、一般公共预算财政拨款支出决算表\n单位：万元\n"
            "科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n合计\t\t200.00\t200.00\t\n"
            "210\t卫生健康支出\t200.00\t200.00\t\n")
    assert not [f for f in lint_text(text) if f.code == "E000"]
    document = Document(decode_bytes(text.encode("utf-8"), "snippet.txt"))
    lines = list(document.original.lines())
    assert document.tables and document.original.lines() == lines and len(lines) == len(document.original.stripped_lines)


@pytest.mark.parametrize("gap", ["\t", "     "])
def test_income_items_numbered_after_the_spending_items_stay_on_the_income_side(gap):
    """"本年收入合计 3 | 本年支出合计 5": 行次 numbered across both sides, row by row; a line printing both sides
    keeps its first item on the 收入 side (本年收入合计 and 年初结转和结余 went to 支出: a false TBL002)."""
    text = ("2023年度收入支出决算总表（表1）\n项目{g}行次{g}金额{g}项目{g}行次{g}金额\n栏次{g}{g}1{g}栏次{g}{g}2\n"
            "一、一般公共预算财政拨款收入{g}1{g}100.00{g}一、一般公共服务支出{g}2{g}95.00\n"
            "本年收入合计{g}3{g}100.00{g}本年支出合计{g}5{g}95.00\n年初结转和结余{g}4{g}10.00{g}年末结转和结余{g}6{g}15.00\n"
            "总计{g}7{g}110.00{g}总计{g}8{g}110.00\n").replace("{g}", gap)
    [table] = tables_of(text)
    assert [(row.name, row.side) for row in table.rows if row.side == "收入"] == [
        ("一、一般公共预算财政拨款收入", "收入"), ("本年收入合计", "收入"), ("年初结转和结余", "收入"), ("总计", "收入")]
    assert lint_text(text) == []


@pytest.mark.parametrize("title, unit", [
    ("表5\n一般公共预算财政拨款支出决算表", "编制单位：天津市河东区春华街道办事处　　　　2023年度　　　　单位：万元\n"),
    ("2023年度一般公共预算财政拨款支出决算表", ""),
])
def test_a_title_over_a_space_aligned_header_or_a_unit_line_naming_the_year_is_read(title, unit):
    """A table pasted from a web page: its number on a line of its own and a unit line naming the department
    and the year, or no unit line and a header whose cells runs of spaces part (every table was unread)."""
    text = (f"{title}\n{unit}科目编码    科目名称    小计    基本支出    项目支出\n栏次        1    2    3\n"
            "合计    852.68    135.01    717.67\n201    一般公共服务支出    852.68    135.01    717.67\n")
    [table] = tables_of(text)
    assert (table.kind, table.problem, [row.code for row in table.rows]) == ("一般公共预算支出表", None, [None, "201"])


def test_a_subtotal_column_beside_the_total_implies_no_sum_of_all_columns():
    """"合计 | 一般公共预算 | 单位资金: 小计 事业收入 其他收入 | 上年结转" (Zhejiang's 收入预算表): the 小计 and its parts
    would be counted twice (a false TBL002 on every row)."""
    text = ("2025年部门收入预算表\n单位：万元\n单位编码\t单位名称\t合计\t一般公共预算\t单位资金\t\t\t上年结转\n"
            "\t\t\t\t小计\t事业收入\t其他收入\t\n\t合计\t300.00\t200.00\t80.00\t60.00\t20.00\t20.00\n")
    [table] = tables_of(text)
    assert not [i for i in table.identities if i.implied] and lint_text(text) == []


def test_a_unit_line_with_a_tab_and_a_narrative_heading_after_a_blank_line_leave_the_table_read():
    """"单位名称：某局<tab>单位：万元" is no row of the grid under it, and "一、关于…情况说明" after the table is no
    row of it (each left the table unread)."""
    sangong = ("2025年一般公共预算“三公”经费支出表\n单位名称：舟山市市场监督管理局\t单位：万元\n"
               "项目\t合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费\n\t\t\t小计\t公务用车购置费\t公务用车运行费\t\n"
               "2024年预算数\t97.10\t6.00\t83.60\t28.00\t55.60\t7.50\n2025年预算数\t59.20\t0.00\t52.40\t0.00\t52.40\t6.80\n")
    spending = ("2025年部门支出预算表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t300.00\t200.00\t100.00\n"
                "201\t一般公共服务支出\t300.00\t200.00\t100.00\n\n一、关于2025年收支预算总体情况说明\n2025年部门支出预算总计300.00万元。\n")
    assert [t.problem for t in tables_of(sangong)] == [None] and [t.problem for t in tables_of(spending)] == [None]


def test_a_form_number_above_the_next_title_numbers_that_table_and_ends_this_one():
    """``pdftotext -layout`` prints the form's number ("公开02表") right-aligned above the next table's title: it
    was a row of the table above (which was left unread)."""
    text = (
        "收入支出决算总表\n部门：某局                    金额单位：万元\n        收入                    支出\n"
        "   项目        金额          项目         金额\n一、一般公共预算财政拨款收入   1445.77   一、文化旅游体育与传媒支出   1445.77\n"
        "本年收入合计    1445.77   本年支出合计    1445.77\n总计    1445.77   总计    1445.77\n"
        "                                              公开02表\n               收入决算表\n"
        "部门：某局                          金额单位：万元\n科目编码     科目名称     本年收入合计     财政拨款收入\n"
        "      合计        1445.77       1445.77\n207     文化旅游体育与传媒支出      1445.77       1445.77\n")
    tables = tables_of(text)
    assert [(t.kind, t.number, t.problem) for t in tables] == [(SUMMARY, None, None), (INCOME, 2, None)]


@pytest.mark.parametrize("tail", ["[^1]", "[1]", "（注1）", "（单位：万元）", " 单位：万元", "<sup>1</sup>", "*"])
def test_a_title_followed_by_a_footnote_mark_or_its_unit_is_read(tail):
    """"表1 收入支出决算总表[^1]" (a Markdown footnote) or "…总表（单位：万元）": the table was dropped silently."""
    text = (f"表5 一般公共预算财政拨款支出决算表{tail}\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
            "\t合计\t100.00\t60.00\t40.00\n201\t一般公共服务支出\t100.00\t60.00\t40.00\n")
    [table] = tables_of(text)
    assert (table.number, table.problem) == (5, None)


@pytest.mark.parametrize("title", ["表七　一般公共预算财政拨款“三公”经\n费支出决算表", "表七　一般公共预算财政拨款“三公”经费支出决算\n表"])
def test_a_numbered_title_wrapped_over_two_lines_of_a_narrow_column_is_one_title(title):
    """A phone's narrow column wraps "表七…“三公”经费支出决算表" over two lines: its second line was taken
    for a title of its own ("费支出决算表", a 支出表) and the 三公 table was missing (a false TBL008)."""
    text = f"{title}\n单位：万元\n项目\t合计\n合计\t1.00\n"
    [table] = tables_of(text)
    assert (table.kind, table.number) == (THREE_PUBLIC, 7)
    assert text[table.title_start:table.title_end] == title  # the title's span covers both its lines


def test_a_sangong_table_of_a_row_per_quantity_without_the_cars_two_rows_is_read():
    """"合计 | 1.因公出国（境）费 | 2.公务用车购置及运行维护费 | 3.公务接待费" under "预算数 | 决算数", then 外事 and 国内
    接待费 rows: no row for the cars' 购置费 and 运行维护费 (the table was read as a code table, unchecked)."""
    text = ("财政拨款“三公”经费支出决算表\n项目\t预算数\t决算数\n栏次\t1\t2\n合计\t16.50\t{total}\n"
            "1.因公出国（境）费\t0.00\t0.00\n2.公务用车购置及运行维护费\t14.00\t12.36\n3.公务接待费\t2.50\t1.48\n"
            "（1）外事接待费\t0.00\t0.00\n（2）国内接待费\t2.50\t1.48\n")
    [table] = tables_of(text.format(total="13.84"))
    assert set(sangong_blocks(table)) == {"预算", "决算"} and table.problem is None
    assert lint_text(text.format(total="13.84")) == []
    assert [f.code for f in lint_text(text.format(total="14.02"))] == ["TBL002"]


def test_a_budgets_basic_table_reads_on_past_its_header_printed_again_on_the_next_page():
    """pdftotext prints a 预算's 基本支出 table's header again atop its second page: it is no row (the table was
    left unread, a wrong 302 unreported)."""
    text = ("2025年一般公共预算财政拨款基本支出表\n单位：万元\n  科目编码    科目名称        合计      人员经费      公用经费\n"
            "  合计                    30.00      20.00      10.00\n  301    工资福利支出    20.00      20.00\n"
            "  30101    基本工资    20.00      20.00\n                第 1 页 共 2 页\n"
            "  科目编码    科目名称        合计      人员经费      公用经费\n  302    商品和服务支出    10.00          10.00\n"
            "  30201    办公费    {office}          {office}\n")
    [table] = tables_of(text.format(office="10.00"))
    assert table.problem is None and [row.code for row in table.rows if row.code] == ["301", "30101", "302", "30201"]
    assert {f.code for f in lint_text(text.format(office="12.00"))} == {"TBL003"}


def test_a_sangong_table_printed_as_its_two_blocks_one_above_the_other_is_read():
    """"预算数", the quantities, 栏次 1–6 and amounts, then "决算数", the quantities, 栏次 7–12 and amounts: the
    national table folded to fit a page (its second amounts were in no 栏次 column, the table unread)."""
    header = "合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费\n\t\t小计\t公务用车购置费\t公务用车运行费\t\n"
    text = ("一般公共预算财政拨款“三公”经费支出决算表\n金额单位：万元\n预算数\t\t\t\t\t\n" + header
            + "1\t2\t3\t4\t5\t6\n31.00\t0.00\t26.00\t0.00\t26.00\t5.00\n决算数\t\t\t\t\t\n" + header
            + "7\t8\t9\t10\t11\t12\n{total}\t0.00\t24.36\t0.00\t24.36\t3.82\n")
    [table] = tables_of(text.format(total="28.18"))
    assert table.problem is None and set(sangong_blocks(table)) == {"预算", "决算"}
    assert lint_text(text.format(total="28.18")) == []
    assert [f.code for f in lint_text(text.format(total="29.18"))] == ["TBL002"]


def test_a_sangong_table_of_two_blocks_each_under_its_label_line_with_blank_cells_is_read():
    """A workbook's sheet: "预算数" over the quantities and the budget's amounts, then "决算数" alone over the final
    account's, the cells of nothing spent left blank (the table was left unread: "its rows are blocks … in a layout not
    read")."""
    text = ("财政拨款“三公”经费支出决算表\n单位：万元\n预算数\t\t\t\t\t\n"
            "合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费\n\t\t小计\t公务用车购置费\t公务用车运行费\t\n"
            "11.70\t\t8.50\t\t8.50\t3.20\n决算数\t\t\t\t\t\n10.60\t\t{cars}\t\t7.86\t2.74\n")
    [table] = tables_of(text.format(cars="7.86"))
    assert table.problem is None and set(sangong_blocks(table)) == {"预算", "决算"}
    assert values(table.rows[0])[sangong_blocks(table)["决算"][0]] == 10.6
    assert lint_text(text.format(cars="7.86")) == []
    assert "TBL002" in {f.code for f in lint_text(text.format(cars="7.68"))}


def test_a_grid_without_column_numbers_keeps_a_blank_first_value_column():
    """A Word table without a 栏次 line whose 年初结转和结余 column is empty: 本年收入 stays 栏2 (it became 栏1,
    and every column after it moved one to the left)."""
    text = ("政府性基金预算财政拨款收入支出决算表（公开08表）\n单位：万元\n"
            "科目编码\t科目名称\t年初结转和结余\t本年收入\t本年支出\t\t\t年末结转和结余\n"
            "\t\t\t\t小计\t基本支出\t项目支出\t\n"
            "\t合计\t\t4,862.15\t4,000.00\t\t4,000.00\t862.15\n"
            "214\t交通运输支出\t\t4,862.15\t4,000.00\t\t4,000.00\t862.15\n")
    [table] = tables_of(text)
    assert table.columns == [1, 2, 3, 4, 5, 6] and values(table.rows[0]) == {2: 4862.15, 3: 4000.0, 5: 4000.0, 6: 862.15}


def test_a_basic_tables_whole_amount_that_looks_like_an_economic_code_is_an_amount():
    """A sheet in General format prints 30000 in a value's cell: no row 30000."""
    text = ("2024年一般公共预算基本支出表\n单位：元\n经济分类科目\t\t科目名称\t合计\t人员经费\t公用经费\n"
            "\t\t合计\t50000\t\t50000\n302\t\t商品和服务支出\t50000\t\t50000\n30201\t\t办公费\t20000\t\t20000\n"
            "30207\t\t邮电费\t{post}\t\t{post}\n")
    [table] = tables_of(text.format(post="30000"))
    assert [row.code for row in table.rows] == [None, "302", "30201", "30207"]
    assert lint_text(text.format(post="30000")) == []
    assert {f.code for f in lint_text(text.format(post="31000"))} == {"TBL003"}


@pytest.mark.parametrize("gap", ["\t", "    "])
def test_a_whole_amount_that_looks_like_an_economic_code_after_its_name_in_a_table_of_blocks_is_an_amount(gap):
    """"30207 邮电费 32160" in a 决算's blocks (人员经费 | 公用经费): the amount of 邮电费, not a row 32160."""
    text = ("一般公共预算财政拨款基本支出决算表\n单位：元\n人员经费{g}{g}{g}公用经费\n"
            "科目编码{g}科目名称{g}决算数{g}科目编码{g}科目名称{g}决算数\n"
            "301{g}工资福利支出{g}100000{g}302{g}商品和服务支出{g}{total}\n"
            "30101{g}基本工资{g}100000{g}30201{g}办公费{g}10000\n"
            "{g}{g}{g}30207{g}邮电费{g}32160\n人员经费合计{g}{g}100000{g}公用经费合计{g}{g}{total}\n").replace("{g}", gap)
    [table] = tables_of(text.format(total="42160"))
    assert [row.code for row in table.rows if row.code] == ["301", "302", "30101", "30201", "30207"]
    assert values(table.rows[4]) == {1: 32160}
    assert lint_text(text.format(total="42160")) == []
    assert {f.code for f in lint_text(text.format(total="42260"))} == {"TBL003"}


def test_a_basic_table_of_blocks_reads_on_past_its_header_printed_again_after_a_page_break():
    text = (
        "一般公共预算财政拨款基本支出决算表\n单位：万元\n"
        "        人员经费                          公用经费\n"
        "科目编码   科目名称     决算数     科目编码   科目名称     决算数\n"
        "301   工资福利支出    100.00    302   商品和服务支出    30.00\n"
        "30101   基本工资    60.00    30201   办公费    {office}\n\n- 6 -\n"
        "        人员经费                          公用经费\n"
        "科目编码   科目名称     决算数     科目编码   科目名称     决算数\n"
        "30102   津贴补贴    40.00    30205   水费    10.00\n"
        "      人员经费合计    100.00         公用经费合计    30.00\n")
    [table] = tables_of(text.format(office="20.00"))
    assert table.problem is None and len(table.rows) == 8
    assert {f.code for f in lint_text(text.format(office="25.00"))} == {"TBL003"}


def test_a_budgets_source_named_unit_money_alone_on_its_line_stands_on_the_income_side():
    (table,) = tables_of("部门收支总表\n单位：万元\n项目 预算数 项目 预算数\n"
                         "一、一般公共预算拨款收入 860.40 一、一般公共服务支出 870.40\n"
                         "五、单位资金 10.00\n本年收入合计 870.40 本年支出合计 870.40\n")
    assert table.problem is None
    assert [row.side for row in table.rows if row.name == "五、单位资金"] == ["收入"]


def test_a_funds_part_of_the_balance_carried_in_stands_on_the_income_side_whatever_its_line_number():
    (table,) = tables_of("财政拨款收入支出决算总表\n单位：万元\n"
                         "项目\t行次\t金额\t项目\t行次\t合计\t一般公共预算财政拨款\t政府性基金预算财政拨款\n"
                         "一、一般公共预算财政拨款\t1\t100.00\t一、农林水支出\t4\t120.00\t120.00\t\n"
                         "本年收入合计\t8\t100.00\t本年支出合计\t12\t120.00\t120.00\t\n"
                         "年初财政拨款结转和结余\t9\t30.00\t年末财政拨款结转和结余\t13\t10.00\t10.00\t\n"
                         "一般公共预算财政拨款\t10\t30.00\t\t\t\t\t\n"
                         "总计\t14\t130.00\t总计\t15\t130.00\t130.00\t\n")
    assert [row.side for row in table.rows if row.line_no == 10] == ["收入"]


def test_a_markdown_tables_closing_pipe_adds_no_column():
    """A Markdown 三公 table of twelve amounts: twelve columns (the empty cell after the closing pipe is none),
    so its blocks are known."""
    text = ("一般公共预算财政拨款“三公”经费支出决算表\n\n单位：万元\n\n"
            "| 预算数 | | | | | | 决算数 | | | | | |\n" + "| --- " * 12 + "|\n"
            "| 合计 | 因公出国（境）费 | 公务用车购置及运行费小计 | 公务用车购置费 | 公务用车运行费 | 公务接待费 "
            "| 合计 | 因公出国（境）费 | 公务用车购置及运行费小计 | 公务用车购置费 | 公务用车运行费 | 公务接待费 |\n"
            "| 24.50 | 0.00 | 20.00 | 0.00 | 20.00 | 4.50 | 22.07 | 0.00 | 18.65 | 0.00 | 18.65 | 3.42 |\n")
    (table,) = Document(decode_bytes(text.encode("utf-8"), "a.md")).tables
    assert table.columns == list(range(1, 13)) and set(sangong_blocks(table)) == {"预算", "决算"}


def _laid_out(left: str, cells: dict[int, str], ends: tuple[int, ...], width=len) -> str:
    """A line as ``pdftotext -layout`` prints it: ``left``, then each cell ending at its column's place (counted in
    characters, or by ``width``: ``display_width`` as an editor lines up Chinese text)."""
    line = left
    for column, text in sorted(cells.items()):
        line += " " * max(0, ends[column - 1] - width(line) - width(text)) + text
    return line + "\n"


def test_pdftotext_layout_rows_are_placed_under_each_pages_lanci_line():
    """Blank cells are left out of ``pdftotext -layout`` text: each amount is placed under the 栏次
    number its width covers, on a continuation page under that page's 栏次 line, laid out aside."""
    def page(ends, rows):
        lanci = _laid_out("栏次", {1: "1", 2: "2", 3: "3"}, ends)
        return "科目编码  科目名称  小计  基本支出  项目支出\n" + lanci + "".join(_laid_out(left, cells, ends) for left, cells in rows)

    first = page((40, 56, 72), [("合计", {1: "300,000.00", 2: "100,000.00", 3: "200,000.00"}),
                                ("206       科学技术支出", {1: "200,000.00", 3: "200,000.00"})])
    continued = page((34, 50, 66), [("2060702   科普活动", {1: "200,000.00", 3: "200,000.00"}),
                                    ("208       社会保障和就业支出", {1: "100,000.00", 2: "100,000.00"})])
    table = tables_of("一般公共预算财政拨款支出决算表\n金额单位：元\n" + first + "\f（续表）\n" + continued)[0]
    assert table.problem is None
    assert {row.code or row.name: values(row) for row in table.rows} == {
        "合计": {1: 300000.0, 2: 100000.0, 3: 200000.0}, "206": {1: 200000.0, 3: 200000.0},
        "2060702": {1: 200000.0, 3: 200000.0}, "208": {1: 100000.0, 2: 100000.0}}


def test_a_title_printed_again_over_blank_lines_and_its_header_goes_on():
    """The title repeated atop the next page, then a unit line, blank lines and the header before
    the rows go on (no 合计 among them): one table."""
    header = "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
    first = "公开05表\n一般公共预算财政拨款支出决算表\n单位：万元\n" + header + "\t合计\t300.00\t200.00\t100.00\n" \
        "210\t卫生健康支出\t300.00\t200.00\t100.00\n21001\t卫生健康管理事务\t300.00\t200.00\t100.00\n" \
        "2100101\t行政运行\t200.00\t200.00\t\n"
    second = "公开05表\n一般公共预算财政拨款支出决算表\n单位：万元\n\n\n\n\n\n" + header + \
        "2100199\t其他卫生健康管理事务支出\t100.00\t\t100.00\n"
    (table,) = tables_of(first + "\f" + second)
    assert [row.code for row in table.rows] == [None, "210", "21001", "2100101", "2100199"]


@pytest.mark.parametrize(("title", "kind"), [
    ("财政拨款“三公”经费相关统计数", None),  # the counts alone: CON005 reads them
    ("一般公共预算“三公”经费支出及相关统计数表", THREE_PUBLIC),
    ("财政拨款“三公”经费支出决算表", THREE_PUBLIC),
])
def test_a_table_of_the_sangong_counts_alone_is_no_sangong_table(title, kind):
    assert table_kind(title) == kind


def test_the_national_project_income_and_spending_table_is_a_project_table():
    """公开05表 项目收入支出决算表 ("本年收入 | 本年支出 | 其中：资本性支出" by subject) is no 收入支出总表: read as one, its first
    row's code was "an amount" and the table went unchecked."""
    assert table_kind("项目收入支出决算表") == PROJECT
    assert table_kind("收入支出决算总表") == SUMMARY


def test_a_slip_in_a_kuan_cell_is_reported_at_that_row_only():
    """One 款 cell off by 1.00 (21004 prints 101.00 over its 项's 100.00): TBL003 reports the 款, not also its 类,
    whose own sum it breaks by the same 1.00."""
    text = ("一般公共预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t小计\t基本支出\t项目支出\n栏次\t\t1\t2\t3\n"
            "合计\t\t300.00\t200.00\t100.00\n210\t卫生健康支出\t300.00\t200.00\t100.00\n"
            "21001\t卫生健康管理事务\t200.00\t200.00\t\n2100101\t行政运行\t200.00\t200.00\t\n"
            "21004\t公共卫生\t101.00\t\t100.00\n2100409\t重大公共卫生服务\t100.00\t\t100.00\n")
    rows = {f.message.split(":")[0].split()[-2] for f in lint_text(text, select=["TBL003"])}
    assert rows == {"21004"}


@pytest.mark.parametrize("title", ["政府采购支出决算表", "一般公共预算机关运行经费支出决算表"])
def test_a_procurement_or_running_cost_table_is_of_no_kind_read(title):
    assert table_kind(title) == OTHER


def test_space_laid_columns_under_a_group_title_are_placed_by_their_titles():
    """A space-laid 收入总表 (pdftotext -layout) whose header groups its fund columns under "财政拨款" on the line above,
    one column empty throughout (政府性基金) and others in some rows only: each amount goes under the title it ends
    nearest."""
    text = (
        "                       2026年部门收入总表\n"
        "编制部门：某区教育局                                                                 单位：万元\n"
        "功能分类科目                                                    财政拨款\n"
        "编码      名称                                合计          小计          一般公共预算  政府性基金  事业收入    其他收入\n"
        "205       教育支出                               18,582.66     18,094.66     18,094.66                  426.00      62.00\n"
        "20503       职业教育                             15,922.45     15,434.45     15,434.45                  426.00      62.00\n"
        "2050302       中等职业教育                       15,922.45     15,434.45     15,434.45                  {fee}      62.00\n"
        "20507       特殊教育                              2,660.21      2,660.21      2,660.21\n"
        "2050701       特殊学校教育                        2,660.21      2,660.21      2,660.21\n"
    )
    table = one_checked_table(text.format(fee="426.00"), text.format(fee="462.00"), "TBL003")
    assert values(table.rows[2]) == {1: 15922.45, 2: 15434.45, 3: 15434.45, 5: 426.0, 6: 62.0}
    assert values(table.rows[4]) == {1: 2660.21, 2: 2660.21, 3: 2660.21}


def test_a_project_table_with_a_code_column_after_the_names_keeps_its_final_column():
    """"序号 | 项目名称 | 功能分类科目编码 | 年初预算数 | 支出决算数": the codes after the names are no amounts, so the 决算
    column is told from the budget's and the projects add up to the 合计."""
    text = ("一般公共预算财政拨款项目支出决算表\n公开07表\n部门：某县农业农村局\t\t\t\t金额单位：万元\n"
            "序号\t项目名称\t功能分类科目编码\t年初预算数\t支出决算数\n"
            "1\t农业技术推广体系建设项目\t2130106\t85.00\t82.36\n2\t高标准农田建设项目\t2130153\t1350.00\t{spent}\n"
            "\t合计\t\t1435.00\t1368.80\n")
    table = one_checked_table(text.format(spent="1286.44"), text.format(spent="1268.44"), "TBL003")
    assert table.columns == [1] and values(table.rows[0]) == {1: 82.36}


def test_the_last_entry_of_a_list_of_tables_before_a_page_number_is_no_table():
    """"表2 部门收入预算总表" closing a contents page ("- 2 -" under it, then the first part) names the 表2 printed later,
    even where that one is not read: it is no empty table of its own."""
    text = ("第四部分 2026年部门预算公开表\n表1 部门收支预算总表\n表2 部门收入预算总表\n- 2 -\n第一部分 部门概况\n"
            "本局是县政府工作部门。\n\n表2 部门收入预算总表\n单位：元\n科目编码 科目名称 合计 一般公共预算 事业收入\n"
            "2100408 基本公共卫生服务 4,862,300.00 4,862,300.00\n")
    assert [t.number for t in tables_of(text)] == [1, 2]
    assert [t.title_start for t in tables_of(text) if t.number == 2] == [text.index("表2 部门收入预算总表\n单位")]


VERTICAL_SUMMARY = ("收入支出决算总表\n金额单位：万元\n{income}\n项目                              行次          金额\n"
                    "一、一般公共预算财政拨款收入       1        1,234.56\n"
                    "二、其他收入                       2           15.44\n"
                    "本年收入合计                       3        1,250.00\n"
                    "年初结转和结余                     4           50.00\n"
                    "总计                               5        1,300.00\n"
                    "支出\n项目                              行次          金额\n"
                    "一、节能环保支出                   6          200.00\n"
                    "二、农林水支出                     7        {farming}\n"
                    "本年支出合计                       8        1,230.00\n"
                    "年末结转和结余                     9           70.00\n"
                    "总计                              10        {total}\n")


@pytest.mark.parametrize("income", ["收入", "一、收入"])
def test_a_summary_printed_vertically_reads_its_income_rows_then_its_spending_rows(income):
    """A portrait 收支总表 (the 收入 block, a line "支出", the 支出 block under the same columns) was read as rows
    of the 收入 side only and left unread ("no 栏次 line found")."""
    text = VERTICAL_SUMMARY.replace("{income}", income)
    table = one_checked_table(text.format(farming="1,030.00", total="1,300.00"),
                              text.format(farming="1,003.00", total="1,300.00"))
    assert [(row.line_no, row.side, values(row)) for row in table.rows][2:7] == [
        (3, "收入", {1: 1250.0}), (4, "收入", {1: 50.0}), (5, "收入", {1: 1300.0}), (6, "支出", {2: 200.0}),
        (7, "支出", {2: 1030.0})]
    assert "TBL002" in {f.code for f in lint_text(text.format(farming="1,030.00", total="1,310.00"))}


def test_a_summary_printed_vertically_without_line_numbers_is_numbered_down_the_table():
    def text(total: str) -> str:
        return re.sub(r" +(?:行次|\d{1,2})(?= +(?:金额|\d))", "",
                      VERTICAL_SUMMARY.replace("{income}", "收入").format(farming="1,030.00", total=total))
    table = one_checked_table(text("1,300.00"), text("1,330.00"))
    assert [row.line_no for row in table.rows] == list(range(1, 11)) and not table.numbered_rows


@pytest.mark.parametrize("numbers", ["1               2               3", "2               3               4"])
def test_a_fiscal_summary_printed_vertically_places_its_spending_amounts_under_its_own_column_numbers(numbers):
    """A vertical 财政拨款收支总表 whose 支出 block prints a header of its own (合计 and the funds over 栏次 1–3, or 2–4
    on from the 收入 side's 1): each amount of a row leaving cells empty stands under its number; the findings name the
    栏 as the block prints it."""
    text = ("财政拨款收入支出决算总表\n金额单位：万元\n收入\n"
            "项目                              行次            金额\n"
            "栏次                                                 1\n"
            "一、一般公共预算财政拨款           1        1,662.78\n"
            "二、政府性基金预算财政拨款         2          120.00\n"
            "支出\n"
            "项目                              行次            合计    一般公共预算      政府性基金\n"
            "                                                            财政拨款    预算财政拨款\n"
            "栏次                                                 " + numbers + "\n"
            "一、社会保障和就业支出             3          120.43          120.43\n"
            "二、农林水支出                     4        1,662.35        {farming}          120.00\n"
            "本年收入合计                       5        1,782.78\n"
            "本年支出合计                       6        1,782.78        1,662.78          120.00\n")
    table = one_checked_table(text.format(farming="1,542.35"), text.format(farming="1,524.35"))
    assert [(row.line_no, row.side, values(row)) for row in table.rows] == [
        (1, "收入", {1: 1662.78}), (2, "收入", {1: 120.0}), (5, "收入", {1: 1782.78}),
        (3, "支出", {2: 120.43, 3: 120.43}), (4, "支出", {2: 1662.35, 3: 1542.35, 4: 120.0}),
        (6, "支出", {2: 1782.78, 3: 1662.78, 4: 120.0})]
    column = numbers.split()[1]
    assert f"栏{column} is 1,524.35" in " ".join(f.message for f in lint_text(text.format(farming="1,524.35")))


@pytest.mark.parametrize("years, change, columns", [
    ("上年预算数\t本年预算数", "增减", "增减额\t增减率(%)"),  # Zhejiang's
    ("2025年预算数\t2026年预算数", "2026年预算数比2025年预算数增减变化", "金额\t%"),  # Chongqing's
])
def test_a_budget_table_titling_this_years_parts_and_the_change_below_one_header_line_is_read(years, change, columns):
    """"上年预算数 | 本年预算数 | 增减" over "小计 基本支出 项目支出 | 增减额 增减率（%）" (Zhejiang's 一般公共预算支出预算表),
    or "…比…增减变化" over "金额 | %" (Chongqing's): the parts below stand under this year's title, the change's columns
    under the change's; it was left unread ("its columns of this year cannot be told from last year's")."""
    text = ("2026年一般公共预算支出预算表\n单位：万元\n"
            f"科目编码\t科目名称\t{years}\t\t\t{change}\t\n"
            f"\t\t\t小计\t基本支出\t项目支出\t{columns}\n"
            "\t合计\t100.00\t110.00\t80.00\t30.00\t10.00\t{rate}\n"
            "201\t一般公共服务支出\t100.00\t110.00\t80.00\t30.00\t10.00\t10.0\n")
    table = one_checked_table(text.format(rate="10.0"), text.format(rate="16.0"))
    assert [(values(row), row.earlier.value, row.change.value) for row in table.rows][:1] == [
        ({1: 110.0, 2: 80.0, 3: 30.0}, 100.0, 10.0)]


def test_a_sangong_tables_operating_costs_printed_under_its_one_row_of_amounts_leave_the_row_read():
    """Yunnan's 公开10表: the 三公 amounts of both blocks on one line under their column numbers, then
    "行政参公单位机关运行经费" and its amount on lines of their own; the table was left unread ("unexpected text")."""
    text = ("财政拨款“三公”经费、行政参公单位机关运行经费情况表\n金额单位：万元\n"
            "预算数                                                决算数\n"
            "  合计  因公出国  公务用车购置及运行费                  公务接待费    合计  因公出国  公务用车购置及运行费                  公务接待费\n"
            "        （境）费      小计  购置费  运行费                    （境）费      小计  购置费  运行费\n"
            "     1         2         3       4       5         6       7         8         9      10      11        12\n"
            " 22.50      0.00     18.00    0.00   18.00      4.50   18.49      0.00     15.62    0.00   15.62      {visits}\n"
            "\n  行政参公单位机关运行经费\n                          86.42\n")
    table = one_checked_table(text.format(visits="2.87"), text.format(visits="2.78"))
    assert values(table.rows[0])[12] == 2.87


@pytest.mark.parametrize("slipped, line", [
    ("一、一般公共预算财政拨款\t1\t600.00\t一、农林水支出\t33\t600.00\t590.00\t10.00", 4),  # 表4's fund column: its row breaks
    ("\t合计\t590.00\t590.00", 10),  # 表5's 合计, which breaks its own table's identity: the finding stays there
])
def test_a_cross_table_finding_points_at_the_cell_whose_own_row_or_total_it_would_mend(slipped, line):
    """TBL004 pointed at the second table's cell whichever slipped; where the first's cell breaks its own table's identity
    (表4's 合计 = its funds' columns, 表1's 本年收入合计 = its items) and the other's amount would keep it, it points there."""
    rows = {"fiscal": "一、一般公共预算财政拨款\t1\t600.00\t一、农林水支出\t33\t600.00\t590.00\t10.00",
            "general": "\t合计\t590.00\t590.00"}
    text = ("财政拨款收入支出决算总表\n单位：万元\n项目\t行次\t金额\t项目\t行次\t合计\t一般公共预算财政拨款\t政府性基金预算财政拨款\n"
            "{fiscal}\n本年收入合计\t27\t600.00\t本年支出合计\t59\t600.00\t590.00\t10.00\n\n"
            "一般公共预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\n{general}\n"
            "213\t农林水支出\t590.00\t590.00\n")
    assert [f for f in lint_text(text.format(**rows)) if f.code == "TBL004"] == []
    slips = dict(rows, **{"fiscal" if line == 4 else "general": slipped.replace("590.00", "580.00", 1)})
    assert [f.span.start.line for f in lint_text(text.format(**slips)) if f.code == "TBL004"] == [line]


def test_a_general_table_splitting_its_year_end_balance_too_keeps_its_spending_and_their_printed_identity():
    """Yunnan's 公开05表: 年末结转和结余 titled over its own 小计 | 基本支出结转 | 项目支出结转和结余 after the spending's
    小计 | 基本支出 | 项目支出; it was left unread ("the columns of its spending cannot be told"). The note's "3栏=（4+5）栏"
    holds of the spending's columns as now numbered; those of the balances go with them."""
    text = ("一般公共预算财政拨款收入支出决算表\n金额单位：万元\n"
            "项目\t\t年初结转和结余\t本年收入\t本年支出\t\t\t年末结转和结余\t\t\n"
            "\t\t\t\t小计\t基本支出\t项目支出\t小计\t基本支出结转\t项目支出结转和结余\n"
            "科目编码\t科目名称\t1\t2\t3\t4\t5\t6\t7\t8\n"
            "\t合计\t10.00\t100.00\t{spent}\t60.00\t45.00\t5.00\t\t5.00\n"
            "213\t农林水支出\t10.00\t100.00\t105.00\t60.00\t45.00\t5.00\t\t5.00\n"
            "注：3栏=（4+5）栏；6栏=（1+2-3）栏；6栏=（7+8）栏。\n")
    table = one_checked_table(text.format(spent="105.00"), text.format(spent="150.00"))
    assert table.columns == [1, 2, 3] and values(table.rows[0]) == {1: 105.0, 2: 60.0, 3: 45.0}
    assert [(i.target, i.terms) for i in table.identities if i.axis == "栏" and not i.implied] == [(1, ((1, 2), (1, 3)))]


def test_a_single_spaced_table_reads_on_past_its_header_printed_again_atop_the_next_page():
    """A 表5 as pdfplumber gives it, its header line printed again atop the next page: the rows go on (not a 支出表
    printed without its title, which left the 类 and 款 rows above short of the rows below)."""
    header = "科目编码 科目名称 本年支出合计 基本支出 项目支出\n"
    text = ("表五 一般公共预算财政拨款支出决算表\n公开05表 单位：元\n" + header
            + "合计 3,500.00 2,000.00 1,500.00\n210 卫生健康支出 3,500.00 2,000.00 1,500.00\n"
            "21004 公共卫生 3,500.00 2,000.00 1,500.00\n" + header
            + "2100401 疾病预防控制机构 2,000.00 2,000.00 0.00\n2100409 重大公共卫生服务 1,500.00 0.00 1,500.00\n")
    [table] = tables_of(text)
    assert table.problem is None and [row.code for row in table.rows][-2:] == ["2100401", "2100409"]
    assert not lint_text(text, select=["TBL003", "TBL008"])


def _laid(code: str, name: str, *amounts: tuple[str, int]) -> str:
    """A space-laid row as ``pdftotext -layout`` prints it: each amount right-aligned to end at its character place."""
    row = "    " + code.ljust(10) + name
    for amount, end in amounts:
        row += " " * (end - len(row) - len(amount)) + amount
    return row + "\n"


def test_a_space_laid_table_whose_pages_lay_their_columns_apart_is_not_placed_as_one():
    """A 支出表 over two pages of ``pdftotext -layout`` text, each page laying its columns at its own places under its
    own header: the amounts of both pages together end in as many places as there are titles, but are no six columns
    (each page is placed on its own, or the table is left unread; no 栏1 read as 0.00 on the second page)."""
    text = ("三、支出决算表\n单位：万元\n"
            "      科目编码                 科目名称    本年支出合计            基本支出              项目支出"
            "              上缴上级支出     经营支出   对附属单位补助支出\n"
            + _laid("", "合计", ("420.00", 48), ("340.00", 65), ("80.00", 86))
            + _laid("208", "社会保障和就业支出", ("100.00", 47), ("100.00", 64))
            + _laid("20805", "行政事业单位养老支出", ("100.00", 47), ("100.00", 64))
            + _laid("2080501", "行政单位离退休", ("100.00", 47), ("100.00", 64))
            + _laid("213", "农林水支出", ("280.00", 48), ("200.00", 65), ("80.00", 86))
            + _laid("21301", "农业农村", ("280.00", 48), ("200.00", 65), ("80.00", 86))
            + _laid("2130101", "行政运行", ("200.00", 48), ("200.00", 65))
            + _laid("2130102", "一般行政管理事务", ("50.00", 47), ("50.00", 85))
            + "\f     科目编码                        科目名称                         本年支出合计         基本支出"
              "                  项目支出            上缴上级支出          经营支出   对附属单位补助支出\n"
            + _laid("2130119", "防灾救灾", ("30.00", 73), ("30.00", 111))
            + _laid("221", "住房保障支出", ("40.00", 73), ("40.00", 89))
            + _laid("22102", "住房改革支出", ("40.00", 73), ("40.00", 89))
            + _laid("2210201", "住房公积金", ("40.00", 73), ("40.00", 89)))
    assert not lint_text(text, select=["TBL002", "TBL003"])


def test_a_space_laid_table_without_lanci_reads_a_name_wrapped_onto_a_line_of_its_own():
    """A 支出总表 laid with spaces and no 栏次 line, a long subject name's tail alone on the line under its row
    ("2080505  机关事业单位基本养老保险缴费  390663.68 …" / "支出"): the rows are read, and a slip in them found."""
    text = ("鄂温克族自治旗林业和草原局2025年支出总表\n\n单位：元\n"
            "科目编码          科目名称                                    合计          基本支出        项目支出\n"
            "          合计                                          {total}        3963528.06      3577300.00\n"
            "208       社会保障和就业支出                             585995.52         585995.52\n"
            "20805       行政事业单位养老支出                         585995.52         585995.52\n"
            "2080505       机关事业单位基本养老保险缴费               390663.68         390663.68\n"
            "              支出\n"
            "2080506       机关事业单位职业年金缴费支出               195331.84         195331.84\n"
            "213       农林水支出                                    6954832.54        3377532.54      3577300.00\n"
            "21302       林业和草原                                  6954832.54        3377532.54      3577300.00\n"
            "2130201       行政运行                                  3377532.54        3377532.54\n"
            "2130205       森林资源培育                              3577300.00                        3577300.00\n")
    [table] = tables_of(text.format(total="7540828.06"))
    assert table.problem is None and "2080505" in [row.code for row in table.rows]
    assert not lint_text(text.format(total="7540828.06"), select=["TBL001", "TBL002", "TBL003"])
    assert {f.code for f in lint_text(text.format(total="7540288.06"), select=["TBL002", "TBL003"])} == {"TBL002", "TBL003"}


#: A 财政拨款收支总表 as ``pdftotext -layout`` gives it, two items' names wrapped around the line of their amounts
#: ("二、政府性基金预算财政拨" over "2  188.00 …" over "款").
_FISCAL_WRAPPED_LABELS = (
    '                   会理市教育和体育局2024年度财政拨款收入支出决算总表\n'
    ' 公开04表\n'
    ' 部门：会理市教育和体育局 金额单位：万元\n'
    '收入                                   支出\n'
    '                                                                                                      政府性基金         国有资本经\n'
    '                    行                                         行                        一般公共预\n'
    '项目                       金额          项目                              合计                               预算财政拨         营预算财政\n'
    '                    次                                         次                        算财政拨款\n'
    '                                                                                                      款             拨款\n'
    '栏次                       1           栏次                              2                 3              4             5\n'
    '一、一般公共预算财政拨款        1    69,008.75   一、一般公共服务支出               33     0.00              0.00           0.00          0.00\n'
    '二、政府性基金预算财政拨\n'
    '                    2    188.00      二、外交支出                   34     0.00              0.00           0.00          0.00\n'
    '款\n'
    '三、国有资本经营预算财政\n'
    '                    3    0.00        三、国防支出                   35     0.00              0.00           0.00          0.00\n'
    '拨款\n'
    '                                     五、教育支出                   37     56,967.47         56,967.47      0.00          0.00\n'
    '                                     七、文化旅游体育与传媒\n'
    '                                                              39     328.57            328.57         0.00          0.00\n'
    '                                     支出\n'
    '                                     八、社会保障和就业支出              40     6,942.14          6,942.14       0.00          0.00\n'
    '                                     九、卫生健康支出                 41     2,077.59          2,077.59       0.00          0.00\n'
    '                                     十四、住房保障支出                46     2,946.82          2,946.82       0.00          0.00\n'
    '                                     十五、其他支出                  47     192.50            0.00           192.50        0.00\n'
    '本年收入合计              19   69,196.75   本年支出合计                   59     69,455.09         69,262.59      192.50        0.00\n'
    '年初财政拨款结转和结余         20   1,246.36    年末财政拨款结转和结余              60     988.02            986.52         1.50          0.00\n'
    '一般公共预算财政拨款          21   1,240.36                             61\n'
    '政府性基金预算财政拨款         22   6.00                                 62\n'
    '国有资本经营预算财政拨款        23   0.00                                 63\n'
    '总计                  24   70,443.11   总计                       64     70,443.11         70,249.11      194.00        0.00\n'
)


def test_a_two_sided_total_is_not_summed_past_amounts_whose_name_wraps_around_their_line():
    """本年收入合计 = the numbered items above it is left unchecked when an item's amounts stand on a line of their own,
    its name above and below them (the 188.00 of 二、政府性基金预算财政拨款 was left out of the sum: three false TBL002)."""
    assert not lint_text(_FISCAL_WRAPPED_LABELS, select=["TBL002"])


def test_a_single_spaced_header_takes_back_a_title_wrapped_around_its_line():
    """A 收入决算表 as pdfplumber gives it, "附属单位上缴收入" wrapped and centred around the header line: the title goes back
    between 经营收入 and 其他收入, so the rows' seven amounts are placed (and a slip in them found)."""
    text = ("表二 收入决算表\n公开02表 单位：元\n附属单位上缴收\n"
            "科目编码 科目名称 本年收入合计 财政拨款收入 上级补助收入 事业收入 经营收入 其他收入\n入\n"
            "合计 4,900.00 4,000.00 0.00 500.00 0.00 300.00 100.00\n"
            "208 社会保障和就业支出 4,900.00 4,000.00 0.00 500.00 0.00 300.00 {other}\n")
    [table] = tables_of(text.format(other="100.00"))
    assert table.problem is None and values(table.rows[0]) == {1: 4900.0, 2: 4000.0, 3: 0.0, 4: 500.0, 5: 0.0, 6: 300.0, 7: 100.0}
    assert not lint_text(text.format(other="100.00"), select=["TBL001", "TBL002", "TBL003"])
    assert "TBL002" in {f.code for f in lint_text(text.format(other="10.00"), select=["TBL002", "TBL003"])}


def test_a_basic_spending_title_naming_its_economic_classes_by_level_is_a_title():
    """"六、一般公共预算基本支出情况表（经济分类款级科目）" (Xiamen's) titles a 基本支出表 of its own, not text inside the
    table above it (which was then left unread, and the 基本支出表 reported missing)."""
    text = ("五、一般公共预算支出情况表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t300.00\t200.00\t100.00\n"
            "2050203\t初中教育\t300.00\t200.00\t100.00\n"
            "六、一般公共预算基本支出情况表（经济分类款级科目）\n单位：万元\n科目编码\t科目名称\t合计\t人员经费\t公用经费\n"
            "\t合计\t200.00\t180.00\t20.00\n301\t工资福利支出\t180.00\t180.00\t\n302\t商品和服务支出\t20.00\t\t20.00\n")
    assert [(table.kind, table.problem) for table in tables_of(text)] == [(GENERAL, None), (BASIC, None)]


def test_a_tab_separated_total_row_whose_total_spans_the_code_and_name_cells_is_read_under_its_columns():
    """A table copied from a web page, its 合计 cell spanning 单位编码 and 单位名称 and pasted once ("合计<tab>44,548.56<tab>…"
    over "312001<tab>XX局<tab>3,809.11<tab>…"): the total's amounts stand under the rows' columns, and the table is read."""
    text = ("表2 部门收入总表\n单位：万元\n单位编码\t单位名称\t合计\t一般公共预算拨款收入\t事业收入\n"
            "合计\t{total}\t1,250.00\t50.00\n312001\t某区教育局（本级）\t800.00\t800.00\t\n"
            "312002\t某区第一中学\t500.00\t450.00\t50.00\n")
    [table] = tables_of(text.format(total="1,300.00"))
    assert table.problem is None and values(table.rows[0]) == {1: 1300.0, 2: 1250.0, 3: 50.0}
    assert not lint_text(text.format(total="1,300.00"), select=["TBL001", "TBL002", "TBL003"])
    assert lint_text(text.format(total="1,310.00"), select=["TBL002", "TBL003"])


def test_a_title_over_its_number_in_chinese_numerals_and_its_unit_starts_a_table():
    """"2024年度一般公共预算财政拨款支出决算表" over "表五 单位：元" (a number in Chinese numerals before the unit): a table
    (none of the document's tables was found, and nothing said so)."""
    text = ("第二部分 2024年度部门决算报表\n\n                 2024年度一般公共预算财政拨款支出决算表\n表五 单位：元\n"
            "科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t300.00\t200.00\t100.00\n"
            "2010101\t行政运行\t300.00\t200.00\t100.00\n")
    assert [(table.kind, table.problem) for table in tables_of(text)] == [(GENERAL, None)]


def test_a_basic_spending_table_reads_on_past_its_header_printed_again_atop_the_next_page():
    """A 基本支出表 by economic class as pdftotext lays it, its header (and 栏次 line) printed again atop the next page:
    the rows go on (it was left unread: "unexpected text '栏次'")."""
    header = (" 经济分类科目                           本年支出\n"
              "  科目编码                  科目名称       合计              人员经费               公用经费\n"
              "      栏次                           1                2                   3\n")
    text = ("                    2024年度一般公共预算财政拨款基本支出决算表\n单位：万元\n" + header
            + "           合计                          {total}        180.00             20.00\n"
            "301        工资福利支出                      180.00        180.00\n" + header
            + "30101        基本工资                                    180.00        180.00\n"
            "302        商品和服务支出                       20.00                          20.00\n"
            "30201        办公费                                       20.00                          20.00\n")
    [table] = tables_of(text.format(total="200.00"))
    assert table.problem is None and "30201" in [row.code for row in table.rows]
    assert not lint_text(text.format(total="200.00"), select=["TBL001", "TBL002", "TBL003"])


def test_a_sangong_table_with_a_column_of_labels_reads_its_one_row_under_its_lanci():
    """A national 三公 table with a column of its rows' labels ("项目 | 预算数 | … | 决算数" over "栏次 | 1 | … | 12" over
    "金额 | 80,000.00 | …"): its blocks and their sums are read (it was read with no identity: a slip went unreported)."""
    text = ("七、一般公共预算财政拨款“三公”经费支出决算表\n单位：元\n项目\t预算数\t\t\t\t\t\t决算数\t\t\t\t\t\n"
            "\t合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费\t合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费\n"
            "\t\t\t小计\t公务用车购置费\t公务用车运行费\t\t\t\t小计\t公务用车购置费\t公务用车运行费\t\n"
            "栏次\t1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\n"
            "金额\t80,000.00\t0.00\t60,000.00\t0.00\t60,000.00\t20,000.00\t{total}\t0.00\t48,620.50\t0.00\t48,620.50\t12,386.00\n")
    [table] = tables_of(text.format(total="61,006.50"))
    assert table.problem is None and sangong_blocks(table)
    assert not lint_text(text.format(total="61,006.50"), select=["TBL002"])
    assert [f.code for f in lint_text(text.format(total="61,600.50"), select=["TBL002"])] == ["TBL002"]


#: A national 三公 table as ``pdftotext -layout`` gives it, its labels wrapped over the header's lines so that their order
#: cannot be told from the lines ("合计" centred below "因公出国（境）", over "费").
_SANGONG_WRAPPED_LABELS = (
    '\x0c                                                      2024年度财政拨款安排的“三公”经费支出决算表\n'
    '                                                                                                                                                                公开09表\n'
    '编制单位：南宁市青秀区市场监督管理局                                                                                                                                            金额单位：元\n'
    '  预算数                                                                                  决算数\n'
    '\n'
    '                因公出国（境）       公务用车购置                                                                因公出国（境）       公务用车购置\n'
    '  合计                                                                     公务接待费         合计                                                                     公务接待费\n'
    '                   费          及运行维护费                                                                   费          及运行维护费\n'
    '\n'
    '                                             公务用车购置       公务用车运行                                                                 公务用车购置        公务用车运行\n'
    '                                小计                                                                                  小计\n'
    '                                                费            费                                                                      费             费\n'
    '\n'
    '    1              2             3             4             5             6            7              8             9             10            11             12\n'
    '\n'
    '   155,000.00          0.00     135,000.00         0.00     135,000.00     20,000.00   144,384.35          0.00     128,746.35          0.00     128,746.35     15,638.00\n'
)


def test_a_sangong_table_whose_wrapped_labels_leave_their_order_untold_is_read_in_the_national_order_when_it_adds_up():
    """The national order of the 三公 columns is taken when every block adds up in it (the table was read with no block:
    its 合计 and the text's amounts went unchecked)."""
    [table] = tables_of(_SANGONG_WRAPPED_LABELS)
    assert set(sangong_blocks(table)) == {"预算", "决算"}
    slipped = _SANGONG_WRAPPED_LABELS.replace("144,384.35", "144,834.35")
    assert [f.code for f in lint_text(slipped, select=["TBL002"])] == ["TBL002"]
