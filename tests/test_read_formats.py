"""PDF, Word and Excel input: each format read from files the tests write, errors found at the
page, paragraph or cell where they are, the Word + Excel pair, folder walks and bad files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from linter.cli import main

docx = pytest.importorskip("docx")
openpyxl = pytest.importorskip("openpyxl")

SCHEMAS = Path(__file__).resolve().parent / "schemas"
NARRATIVE = "2024年度收入总计100.00万元，支出决算为80.00万元，完成年初预算的72.83.1%。"
#: A 支出决算表 whose 201 row adds up to 45 in 项目支出 while 合计 says 40 (TBL003).
EXPENDITURE = [
    ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"],
    ["", "合计", "100.00", "60.00", "45.00"],
    ["201", "一般公共服务支出", "100.00", "60.00", "40.00"],
]


def run(*args):
    return CliRunner().invoke(main, list(args))


def findings(*args) -> list[dict]:
    return json.loads(run("check", "--format", "json", *args).stdout)


# --- Word -------------------------------------------------------------------------------------

def _chinese_numbering(document) -> None:
    """Make the template's "List Number" style count 一、二、三、 as Word's 自动编号 does."""
    from docx.oxml.ns import qn

    numbering = document.part.numbering_part.element
    for level in numbering.iter(qn("w:lvl")):
        if level.get(qn("w:ilvl")) == "0":
            level.find(qn("w:numFmt")).set(qn("w:val"), "chineseCounting")
            level.find(qn("w:lvlText")).set(qn("w:val"), "%1、")


def write_docx(path: Path, table: list[list[str]] | None = EXPENDITURE, text: str = NARRATIVE,
               heading: str = "收入支出决算总体情况说明", title: str = "支出决算表", unit: str = "万元") -> Path:
    document = docx.Document()
    _chinese_numbering(document)
    document.add_paragraph(heading, style="List Number")  # paragraph 1
    document.add_paragraph(text)  # paragraph 2
    document.add_paragraph("支出决算情况说明", style="List Number")  # paragraph 3
    if table:
        _add_titled_table(document, table, title, unit)  # paragraphs 4 and 5, then the table
    document.save(str(path))
    return path


def _add_titled_table(document, table: list[list[str]] = EXPENDITURE, title: str = "支出决算表", unit: str = "万元"):
    """Add ``table`` to a Word ``document`` under a paragraph of its title and one of its unit; return the Word table."""
    document.add_paragraph(title)
    document.add_paragraph(f"单位：{unit}")
    grid = document.add_table(rows=len(table), cols=len(table[0]))
    for r, row in enumerate(table):
        for c, value in enumerate(row):
            grid.cell(r, c).text = value
    return grid


@pytest.mark.parametrize("label", ["表3", "公开03表"])
def test_a_paragraph_numbering_the_word_table_below_its_title_numbers_it(tmp_path, label):
    """"表3" (or "公开03表") in a paragraph of its own above the table's title: the table is 表3."""
    document = docx.Document()
    document.add_paragraph(label)
    _add_titled_table(document)
    document.save(str(tmp_path / "草稿.docx"))
    assert "# 支出决算表 | kind 支出表 | number 3 | unit 万元" in run("extract", str(tmp_path / "草稿.docx")).stdout


def test_a_word_tables_malformed_cell_is_read_as_left_empty_not_as_zero(tmp_path):
    """"10,87.80" in a Word table's cell: NUM001 reports it, and no sum reads it as 0 (as in a text file's table)."""
    table = [["科目编码", "科目名称", "本年收入合计", "财政拨款收入", "其他收入"],
             ["", "合计", "1,374.27", "1,374.27", "-"],
             ["213", "农林水支出", "1,374.27", "1,374.27", "-"],
             ["21303", "水利", "1,374.27", "1,374.27", "-"],
             ["2130301", "行政运行", "286.47", "286.47", "-"],
             ["2130305", "水利工程建设", "10,87.80", "1,087.80", "-"]]
    path = write_docx(tmp_path / "收入.docx", table, text="本年收入合计1,374.27万元。", title="收入决算表")
    assert sorted({f["code"] for f in findings("--select", "NUM001,TBL002,TBL003", str(path))}) == ["NUM001"]


def test_a_word_sangong_table_of_amounts_only_with_a_malformed_cell_is_still_read(tmp_path):
    """A 三公 table whose one row is twelve amounts without a name, one of them "6..84": the column numbers were laid one
    cell off (the malformed cell taken for a name), and the table left unread (TBL001)."""
    table = [["预算数", "", "", "", "", "", "决算数", "", "", "", "", ""],
             ["合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"] * 2,
             ["", "", "小计", "公务用车购置费", "公务用车运行费", ""] * 2,
             ["12.50", "0.00", "8.00", "0.00", "8.00", "4.50", "{total}", "0.00", "6.84", "0.00", "6..84", "3.27"]]
    for total, expected in (("10.11", ["NUM001"]), ("11.11", ["NUM001", "TBL002"])):
        grid = [[cell.format(total=total) for cell in row] for row in table]
        path = write_docx(tmp_path / f"三公{total}.docx", grid, text="本年支出合计10.11万元。", title="财政拨款“三公”经费支出决算表")
        assert sorted({f["code"] for f in findings("--select", "NUM001,TBL001,TBL002", str(path))}) == expected


def test_a_word_sangong_table_of_a_year_a_row_with_a_malformed_cell_is_no_zero(tmp_path):
    """A 三公 table printing last year's and this year's budgets a row each, "18.000.00" in this year's: read as one row
    of both blocks, its malformed cell was taken for an empty one (three errors on a right 合计 and a right text)."""
    table = [["项目", "合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"],
             ["", "", "", "小计", "购置费", "运行费", ""],
             ["2024年预算数", "342,000.00", "0.00", "322,000.00", "0.00", "322,000.00", "20,000.00"],
             ["2025年预算数", "689,000.00", "0.00", "671,000.00", "356,000.00", "315,000.00", "18.000.00"]]
    path = write_docx(tmp_path / "三公.docx", table, text="公务接待费预算18000.00元。", title="2025年一般公共预算“三公”经费支出预算表",
                      unit="元")
    assert sorted({f["code"] for f in findings("--select", "NUM001,TBL002,TBL006", str(path))}) == ["NUM001"]


def test_word_paragraphs_tables_and_generated_heading_numbers(tmp_path):
    path = write_docx(tmp_path / "草稿.docx")
    extracted = run("extract", str(path)).stdout
    assert "一、收入支出决算总体情况说明\n" in extracted and "二、支出决算情况说明\n" in extracted
    assert "\t合计\t100.00\t60.00\t45.00\n" in extracted
    assert "# 支出决算表 | kind 支出表 | number - | unit 万元" in extracted
    found = {f["code"]: f for f in findings(str(path))}
    assert found["NUM001"]["location"] == {"label": "paragraph 2, col 40", "paragraph": 2, "column": 40}
    assert found["NUM001"]["quote"] == "72.83.1%"
    assert found["TBL003"]["location"]["label"] == "table 1, row 2, col 5"
    assert "40" in found["TBL003"]["message"] and "45" in found["TBL003"]["message"]


def _tracked(tag: str, text: str):
    """A tracked insertion (``w:ins``) or deletion (``w:del``) of ``text``, as Word's 修订 records it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    change = OxmlElement(f"w:{tag}", attrs={qn("w:id"): "1", qn("w:author"): "审核", qn("w:date"): "2024-05-01T00:00:00Z"})
    run, content = OxmlElement("w:r"), OxmlElement("w:delText" if tag == "del" else "w:t")
    content.text = text
    run.append(content)
    change.append(run)
    return change


def _in_content_control(element):
    """``element`` (a paragraph or a table) wrapped in a content control (``w:sdt``) in its place."""
    from docx.oxml import OxmlElement

    control, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    element.addprevious(control)
    content.append(element)
    control.append(content)


def test_word_draft_with_tracked_changes_is_read_with_them_accepted(tmp_path):
    """An inserted amount counts (no "slot left unfilled"), a deleted one does not."""
    document = docx.Document()
    paragraph = document.add_paragraph("支出决算为")
    paragraph._p.append(_tracked("ins", "852.68"))
    paragraph._p.append(_tracked("del", "800.00"))
    paragraph.add_run("万元，完成年初预算的72.83.1%。")
    document.save(str(tmp_path / "修订稿.docx"))
    assert run("extract", str(tmp_path / "修订稿.docx")).stdout.splitlines()[1] == "支出决算为852.68万元，完成年初预算的72.83.1%。"
    assert [(f["code"], f["location"]["column"]) for f in findings(str(tmp_path / "修订稿.docx"))] == [("NUM001", 22)]


def test_word_paragraphs_and_tables_in_content_controls_are_read_in_their_place(tmp_path):
    document = docx.Document()
    document.add_paragraph("封面")
    _in_content_control(document.add_paragraph("各各部门完成年初预算的72.83.1%。")._p)
    grid = _add_titled_table(document)
    _in_content_control(grid._tbl)
    document.save(str(tmp_path / "模板稿.docx"))
    found = [(f["code"], f["location"]["label"]) for f in findings(str(tmp_path / "模板稿.docx"))]
    assert found[:2] == [("LNG002", "paragraph 2, col 1"), ("NUM001", "paragraph 2, col 12")]
    assert ("TBL003", "table 1, row 2, col 5") in found


def test_a_word_list_of_an_item_a_paragraph_is_summed_against_its_whole(tmp_path):
    """Word drafts put each item of a 其中 list in a paragraph of its own, ending in a semicolon."""
    document = docx.Document()
    for line in ("政府采购支出总额186.40万元，其中：", "政府采购货物支出12.80万元；", "政府采购工程支出0.00万元；",
                 "政府采购服务支出137.60万元。"):
        document.add_paragraph(line)
    document.save(str(tmp_path / "采购.docx"))
    found = [f for f in findings(str(tmp_path / "采购.docx")) if f["code"] == "ARI005"]
    assert len(found) == 1 and "12.8 + 0 + 137.6 = 150.4" in found[0]["message"]


def test_word_table_without_error_gives_no_table_finding(tmp_path):
    table = [row[:] for row in EXPENDITURE]
    table[1][4] = "40.00"
    path = write_docx(tmp_path / "草稿.docx", table, text="支出决算为80.00万元。")
    assert [f["code"] for f in findings(str(path))] == []


def test_word_table_in_yuan_is_compared_with_the_narratives_wan_yuan(tmp_path):
    """A Word table's unit comes from the paragraph above it: 1,000,000.00元 is the text's 100.00万元."""
    table = [["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"],
             ["", "合计", "1,000,000.00", "600,000.00", "400,000.00"],
             ["201", "一般公共服务支出", "1,000,000.00", "600,000.00", "400,000.00"]]
    text = "五、一般公共预算财政拨款支出决算情况说明\n一般公共服务(类)支出{amount}万元。"
    for amount, codes in (("100.00", []), ("110.00", ["TBL006"])):
        path = write_docx(tmp_path / f"草稿{amount}.docx", table, text=text.format(amount=amount),
                          title="一般公共预算财政拨款支出决算表", unit="元")
        assert [f["code"] for f in findings(str(path))] == codes


def test_word_table_total_in_yuan_is_no_whole_of_a_share_in_wan_yuan(tmp_path):
    """A share whose whole only a Word table in 元 prints is not divided by the table's 元 as if they
    were 万元 (40.00万元 of 400,000.00元 is 100%, not 0.01%)."""
    table = [["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
             ["", "合计", "1,000,000.00", "600,000.00", "400,000.00"],
             ["201", "一般公共服务支出", "1,000,000.00", "600,000.00", "400,000.00"]]
    text = "绩效自评共涉及项目2个，资金40.00万元，占一般公共预算项目支出总额的100.00%。"
    path = write_docx(tmp_path / "草稿.docx", table, text=text, title="一般公共预算财政拨款支出决算表", unit="元")
    assert findings(str(path)) == []


def test_word_table_whose_title_and_unit_stand_in_its_first_rows(tmp_path):
    """A table pasted from Excel prints its title and unit line in merged first rows, under the
    previous table's note: the title is the table's, not the note's, and the unit is read."""
    table = [["一般公共预算财政拨款支出决算表", "", "", "", ""], ["部门：某局", "", "", "", "单位：元"],
             ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"],
             ["", "合计", "1,000,000.00", "600,000.00", "400,000.00"],
             ["201", "一般公共服务支出", "1,000,000.00", "600,000.00", "400,000.00"]]
    text = "五、一般公共预算财政拨款支出决算情况说明\n一般公共服务(类)支出{amount}万元。"
    for amount, codes in (("100.00", []), ("110.00", ["TBL006"])):
        path = tmp_path / f"草稿{amount}.docx"
        document = docx.Document(str(write_docx(path, None, text=text.format(amount=amount))))
        document.add_paragraph("注：本表反映部门本年度取得的各项收入情况。")
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
        grid.cell(0, 0).merge(grid.cell(0, 4))
        document.save(str(path))
        found = findings(str(path))
        assert [f["code"] for f in found] == codes
        assert all(f["location"]["label"].startswith("paragraph") for f in found)


def test_word_table_whose_first_row_is_its_department_and_unit_takes_the_title_above_it(tmp_path):
    """"部门：某局 | … | 金额单位：万元" as the table's first row, its title a paragraph above: the table is
    found by that title (it went unread, its sums unchecked)."""
    for class_amount, codes in (("852.68", []), ("842.68", ["TBL002", "TBL003"])):
        table = [["部门：某局", "", "", "", "金额单位：万元"],
                 ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
                 ["", "合计", "852.68", "135.01", "717.67"],
                 ["207", "文化旅游体育与传媒支出", class_amount, "135.01", "717.67"],
                 ["20701", "文化和旅游", "852.68", "135.01", "717.67"]]
        path = tmp_path / f"草稿{class_amount}.docx"
        document = docx.Document()
        document.add_paragraph("一般公共预算财政拨款支出决算表")
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
        document.save(str(path))
        assert [f["code"] for f in findings(str(path))] == codes


def test_word_summary_table_without_line_numbers_is_checked_by_the_sums_of_its_layout(tmp_path):
    """A 预算's 收支总表 (项目 预算数 项目 预算数, no 行次): 本年收入合计 is the sum of the items above it."""
    table = [["项目", "预算数", "项目", "预算数"],
             ["一、一般公共预算拨款收入", "300.00", "一、一般公共服务支出", "250.00"],
             ["二、事业收入", "25.00", "二、卫生健康支出", "70.00"],
             ["本年收入合计", "320.00", "本年支出合计", "320.00"]]
    path = write_docx(tmp_path / "预算.docx", table, text="2024年收入预算总计320.00万元。", title="部门收支总表")
    (found,) = [f for f in findings(str(path)) if f["code"] == "TBL002"]
    assert found["location"]["label"] == "table 1, row 4, col 2"
    assert "本年收入合计 = the sum of the numbered items above it" in found["message"] and "325" in found["message"]


def test_word_sangong_table_with_budget_and_actual_side_by_side(tmp_path):
    """The amounts row starts in the table's first cell; each quantity's 决算数 is the second of its pair."""
    table = [["合计", "", "因公出国（境）费", "", "公务用车购置及运行维护费", "", "", "", "", "", "公务接待费", ""],
             ["", "", "", "", "小计", "", "公务用车购置费", "", "公务用车运行维护费", "", "", ""],
             ["预算数", "决算数"] * 6,
             ["10.00", "7.50", "0.00", "0.00", "6.00", "5.00", "0.00", "0.00", "6.00", "5.00", "4.00", "2.50"]]
    text = "2024年度“三公”经费财政拨款支出决算为7.50万元，其中：公务接待费支出决算为3.50万元。"
    path = write_docx(tmp_path / "决算.docx", table, text=text, heading="财政拨款“三公”经费支出决算情况说明",
                      title="财政拨款“三公”经费支出决算表")
    found = [f for f in findings(str(path)) if f["code"] == "TBL006"]
    assert [f["quote"] for f in found] == ["3.50万元"] and "the table prints 2.50 (栏12)" in found[0]["message"]


def _word_table_in_parts(path: Path, title: str, parts: list[list[list[str]]], captions: dict[int, str]) -> Path:
    """A Word file: ``title`` and a unit line, then each of ``parts`` as a Word table, a page break before each but the
    first, and before it its caption in ``captions`` (by the part's index), if any."""
    document = docx.Document()
    document.add_paragraph(title)
    document.add_paragraph("单位：万元")
    for index, rows in enumerate(parts):
        if index:
            document.add_page_break()
        if index in captions:
            document.add_paragraph(captions[index])
        grid = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    document.save(str(path))
    return path


def test_a_word_table_split_at_a_page_break_is_one_table(tmp_path):
    """Word splits a long table at a page break into two tables, the header row repeated: one table,
    its 合计 checked against the 类 rows of both parts, a row of the second part located there; a
    table after it that opens with its own 合计 stays a table of its own."""
    header = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
    parts = [[header, ["", "合计", "300.00", "200.00", "100.00"], ["201", "一般公共服务支出", "200.00", "100.00", "100.00"],
              ["20105", "统计信息事务", "200.00", "100.00", "100.00"]],
             [header, ["221", "住房保障支出", "100.00", "100.00", ""], ["22102", "住房改革支出", "90.00", "90.00", ""]],
             [header, ["", "合计", "5.00", "5.00", ""], ["201", "一般公共服务支出", "5.00", "5.00", ""]]]
    # (the same title again over the third part: a table of its own under it)
    path = _word_table_in_parts(tmp_path / "分页.docx", "支出决算表", parts, {2: "支出决算表"})
    from linter.document import Document
    from linter.read import read_document

    tables = Document(read_document(path)).tables
    assert [[row.code for row in table.rows] for table in tables] == [[None, "201", "20105", "221", "22102"], [None, "201"]]
    found = [f for f in findings(str(path)) if f["code"] == "TBL003"]  # 221's 100.00 over 22102's 90.00, 栏1 and 栏2
    assert [(f["location"]["table"], f["location"]["row"], f["location"]["column"]) for f in found] == [(2, 2, 3)]
    assert "221 住房保障支出" in found[0]["message"] and "栏2 is off by as much" in found[0]["message"]


def test_a_word_table_continued_under_a_caption_marking_it_so_is_one_table(tmp_path):
    """A drafter's caption between the two parts of a table split at a page break ("表1 支出决算表" … "支出决算表（续）"):
    one table, its 合计 checked against the 类 rows of both parts."""
    header = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
    parts = [[header, ["", "合计", "300.00", "200.00", "100.00"], ["201", "一般公共服务支出", "200.00", "100.00", "100.00"]],
             [header, ["221", "住房保障支出", "100.00", "100.00", ""]]]
    path = _word_table_in_parts(tmp_path / "续表.docx", "表3 支出决算表", parts, {1: "支出决算表（续）"})
    from linter.document import Document
    from linter.read import read_document

    assert [[row.code for row in table.rows] for table in Document(read_document(path)).tables] == [[None, "201", "221"]]
    assert [f for f in findings(str(path)) if f["severity"] != "info"] == []


def test_text_output_shows_the_location(tmp_path):
    path = write_docx(tmp_path / "草稿.docx")
    lines = run("check", str(path)).stdout.splitlines()
    assert f"{path}: paragraph 2, col 40: error NUM001 " in "\n".join(lines)
    assert any(line.startswith(f"{path}: table 1, row 2, col 5: error TBL003 ") for line in lines)


# --- Excel ------------------------------------------------------------------------------------

def write_xlsx(path: Path, title: str = "支出决算表", rows: list[list[str]] = EXPENDITURE) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "表3"
    sheet["A1"] = title
    sheet["A2"] = "单位：万元"
    for r, row in enumerate(rows, start=4):  # row 3 left empty
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(r, c)
            if value.replace(".", "").isdigit() and "." in value:
                cell.value, cell.number_format = float(value), "0.00"
            elif value:
                cell.value = value
    workbook.save(str(path))
    return path


def test_excel_sheet_is_a_table_with_title_unit_and_cells(tmp_path):
    path = write_xlsx(tmp_path / "决算表.xlsx")
    extracted = run("extract", str(path)).stdout
    assert "# 支出决算表 | kind 支出表 | number 3 | unit 万元 | at 表3!A1" in extracted
    assert "\t合计\t\t\t100.00\t60.00\t45.00\t\n" in extracted  # by 栏次, number format kept
    found = findings(str(path))
    hierarchy = [f for f in found if f["code"] == "TBL003"]
    assert [f["location"]["label"] for f in hierarchy] == ["表3!E5"]
    assert hierarchy[0]["location"] == {"label": "表3!E5", "sheet": "表3", "cell": "E5"}


@pytest.mark.parametrize("rate, found", [("116.4", []), ("114.6", ["TBL002"])])
def test_a_sheets_completion_rate_after_the_final_accounts_block_is_its_budget_share(tmp_path, rate, found):
    """Hunan's 一般公共预算 sheet: "年初预算数 | 全年预算数 | 决算数: 合计 基本支出 项目支出 | 完成率（%）", its note dividing by
    年初预算数: a rate that is not 决算数 / 年初预算数 went unchecked (the table's rows are no narrative ARI003 reads)."""
    path = write_xlsx(tmp_path / "2024年度部门决算.xlsx", "一般公共预算财政拨款支出决算表",
                      [["科目编码", "科目名称", "年初预算数", "全年预算数", "决算数", "", "", "完成率（%）"],
                       ["", "", "", "", "合计", "基本支出", "项目支出", ""],
                       ["", "合计", "160.00", "190.00", "186.30", "0.00", "186.30", "116.4"],
                       ["208", "社会保障和就业支出", "160.00", "190.00", "186.30", "0.00", "186.30", rate],
                       ["注：完成率=决算数÷年初预算数×100%。", "", "", "", "", "", "", ""]])
    assert [f["code"] for f in findings("--select", "TBL002,ARI003", str(path))] == found


@pytest.mark.parametrize("year, found", [("2024", ["DOC005"]), ("2025", [])])
def test_a_note_in_a_sheets_cells_under_its_table_is_read_as_narrative(tmp_path, year, found):
    """"注：本部门2024年度无政府性基金…" in a cell under an empty table of a 2025 决算's workbook: a note, read as the text
    file's note under its table is (the stale year went unreported: the row was left out with the table's)."""
    path = write_xlsx(tmp_path / "2025年度部门决算.xlsx", "2025年度政府性基金预算财政拨款收入支出决算表",
                      [["科目编码", "科目名称", "本年收入", "本年支出"], ["", "合计", "", ""],
                       [f"注：本部门{year}年度无政府性基金预算财政拨款收入支出，故本表为空表。", "", "", ""]])
    assert [f["code"] for f in findings("--select", "DOC005", str(path))] == found


@pytest.mark.parametrize("label", ["公开03表", "财决公开03表", "部门公开03表"])
def test_a_sheet_whose_title_row_holds_its_number_beside_the_title_is_a_table(tmp_path, label):
    """"…支出决算表 | | | | 公开03表" in the title row and "部门：某局 | 金额单位：万元" under it, as the
    national template's workbooks print them (some with the form's prefix: "财决公开03表"): the sheet is
    still one numbered table."""
    path = write_xlsx(tmp_path / "决算表.xlsx")
    workbook = openpyxl.load_workbook(str(path))
    sheet = workbook.active
    sheet.title = "公开03表"
    sheet["E1"], sheet["A2"], sheet["E2"] = label, "部门：某局", "金额单位：万元"
    workbook.save(str(path))
    extracted = run("extract", str(path)).stdout
    assert "# 支出决算表 | kind 支出表 | number 3 | unit 万元 | at 公开03表!A1" in extracted
    assert [f["location"]["label"] for f in findings(str(path)) if f["code"] == "TBL003"] == ["公开03表!E5"]


@pytest.mark.parametrize("name", ["公开03表", "财决03表 支出决算表"])
def test_a_sheet_named_by_the_forms_number_numbers_its_table(tmp_path, name):
    """A sheet named "公开03表" (the national template's form, no "表3" in its cells): the table is 表3."""
    path = write_xlsx(tmp_path / "决算表.xlsx")
    workbook = openpyxl.load_workbook(str(path))
    workbook.active.title = name
    workbook.save(str(path))
    assert f"# 支出决算表 | kind 支出表 | number 3 | unit 万元 | at {name}!A1" in run("extract", str(path)).stdout


def test_hidden_rows_and_columns_of_a_sheet_are_not_read(tmp_path):
    """A hidden helper column (上年数) and a hidden row are not printed: the visible table adds up."""
    rows = [[*row[:2], "上年数" if r == 0 else "999.00", *row[2:]] for r, row in enumerate(EXPENDITURE)]
    rows[1][5] = "40.00"  # the 合计 row now adds up
    rows.append(["2010101", "行政运行", "15.00", "15.00", "", ""])
    path = write_xlsx(tmp_path / "决算表.xlsx", rows=rows)
    workbook = openpyxl.load_workbook(path)
    workbook.active.column_dimensions["C"].hidden = True
    workbook.active.row_dimensions[7].hidden = True
    workbook.save(path)
    assert [f["code"] for f in findings(str(path))] == []
    workbook.active.column_dimensions["C"].hidden = False
    workbook.active.row_dimensions[7].hidden = False
    workbook.save(path)
    assert [f["code"] for f in findings(str(path))] != []


def test_a_workbook_whose_formulas_were_never_calculated_is_refused_with_the_way_out(tmp_path):
    path = write_xlsx(tmp_path / "决算表.xlsx")
    workbook = openpyxl.load_workbook(path)
    workbook.active["C5"] = "=D5+E5"  # openpyxl keeps no computed value
    workbook.save(path)
    result = run("check", str(path))
    assert result.exit_code == 2 and "its formulas were never calculated" in result.stderr


def test_a_blank_row_inside_a_sheet_table_does_not_shift_the_cells_after_it(tmp_path):
    rows = [EXPENDITURE[0], ["", "合计", "100.00", "60.00", "40.00"], ["", "", "", "", ""],
            ["201", "一般公共服务支出", "100.00", "60.00", "45.00"]]  # the 201 row is row 7, its 45.00 the slip
    path = write_xlsx(tmp_path / "决算表.xlsx", rows=rows)
    assert {f["location"]["label"] for f in findings(str(path)) if f["code"] == "TBL002"} == {"表3!E7"}


def test_an_empty_sheet_table_is_said_to_be_empty(tmp_path):
    path = write_xlsx(tmp_path / "决算表.xlsx", "政府性基金预算财政拨款收入支出决算表", EXPENDITURE[:1])
    (unread,) = [f for f in findings(str(path)) if f["code"] == "TBL001"]
    assert "no row of amounts under its header" in unread["message"] and "image" not in unread["message"]


def test_codes_over_the_class_and_item_cells_point_at_all_of_them(tmp_path):
    """类, 款 and 项 in cells of their own ("221", "02", "01"): one code, and a finding about it
    spans the three cells."""
    rows = [
        ["类", "款", "项", "科目名称", "本年支出合计", "基本支出", "项目支出"],
        ["", "", "", "合计", "30.00", "", "30.00"],
        ["221", "", "", "住房保障支出", "30.00", "", "30.00"],
        ["221", "02", "", "住房改革支出", "30.00", "", "30.00"],
        ["221", "02", "01", "提租补贴", "30.00", "", "30.00"],
    ]
    path = write_xlsx(tmp_path / "决算表.xlsx", "一般公共预算财政拨款支出决算表（表5）", rows)
    (code,) = [f for f in findings(str(path)) if f["code"] == "TBL005"]
    assert "2210201" in code["message"] and code["quote"].split() == ["221", "02", "01"]


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_workbook_beside_its_word_draft_is_checked_with_it(tmp_path, suffix):
    """The narrative of the .docx against the tables of the .xlsx (or .xls) with the same stem."""
    rows = [
        ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"],
        ["", "合计", "852.68", "135.01", "717.67"],
        ["201", "一般公共服务支出", "852.68", "135.01", "717.67"],
    ]
    writer = {".xlsx": write_xlsx, ".xls": write_xls}[suffix]
    writer(tmp_path / f"决算公开{suffix}", "一般公共预算财政拨款支出决算表（表5）", rows)
    write_docx(tmp_path / "决算公开.docx", table=None, text="一般公共服务(类)支出812.73万元，占96.4%。",
               heading="一般公共预算财政拨款支出决算情况说明")
    result = run("check", "--format", "json", str(tmp_path))
    found = [f for f in json.loads(result.stdout) if f["code"] == "TBL006"]
    assert len(found) == 1 and "852.68" in found[0]["message"]
    assert found[0]["path"] == str(tmp_path / "决算公开.docx") and found[0]["location"]["paragraph"] == 2
    assert "1 file" in run("check", str(tmp_path)).stdout  # the workbook is not linted alone
    named = [f for f in findings(str(tmp_path / "决算公开.docx")) if f["code"] == "TBL006"]
    assert len(named) == 1  # the draft named alone takes the workbook of its stem beside it
    # Without the workbook the same draft has no table to disagree with.
    (tmp_path / f"决算公开{suffix}").unlink()
    assert not [f for f in findings(str(tmp_path)) if f["code"] == "TBL006"]


def test_a_word_draft_named_alone_takes_its_folders_only_workbook_of_another_name(tmp_path):
    """"…部门决算.docx" beside "…部门决算表.xlsx", the pre-commit hook passing the changed draft alone: the folder's
    only Word document and only workbook are one document (Word's lock file "~$…" aside); a second draft leaves it
    unpaired."""
    rows = [
        ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"],
        ["", "合计", "852.68", "135.01", "717.67"],
        ["201", "一般公共服务支出", "852.68", "135.01", "717.67"],
    ]
    write_xlsx(tmp_path / "某局2024年度部门决算表.xlsx", "一般公共预算财政拨款支出决算表（表5）", rows)
    draft = write_docx(tmp_path / "某局2024年度部门决算.docx", table=None, text="一般公共服务(类)支出812.73万元，占96.4%。",
                       heading="一般公共预算财政拨款支出决算情况说明")
    (tmp_path / "~$某局2024年度部门决算.docx").write_bytes(b"lock")
    assert [f for f in findings(str(draft)) if f["code"] == "TBL006"]
    write_docx(tmp_path / "另一稿.docx", table=None)
    assert not [f for f in findings(str(draft)) if f["code"] == "TBL006"]


def test_a_word_findings_related_places_are_located_in_the_document(tmp_path):
    """In JSON, a related place of a Word document names its paragraph, as the finding itself does; the
    message names it too, not a line of the extracted text."""
    path = write_docx(tmp_path / "草稿.docx", table=None,
                      text="2022年度收入合计199.25万元。本年收入合计189.25万元。其中：财政拨款收入180.00万元，占本年收入的85.2%。")
    (conflict,) = [f for f in findings(str(path)) if f["code"] == "CON001"]
    assert "at paragraph 2, col 11" in conflict["message"]
    (share,) = [f for f in findings(str(path)) if f["code"] == "ARI001"]
    assert [r["location"]["label"] for r in share["related"]] == ["paragraph 2, col 44", "paragraph 2, col 26"]


def test_a_malformed_amount_in_a_sheet_of_another_kind_is_reported(tmp_path):
    """A 政府采购预算表 is no table whose amounts disclint reads, but "86.4.0" in it is still a malformed number, and no
    flow text holds the sheet's cells to find it in."""
    rows = [["采购项目", "采购品目", "合计", "货物", "工程", "服务"], ["合计", "", "86.40", "86.40", "0.00", "0.00"],
            ["办公设备购置", "计算机及办公设备", "86.40", "{typed}", "0.00", "0.00"]]
    path = write_xlsx(tmp_path / "采购表.xlsx", title="2025年政府采购预算表", rows=rows)
    workbook = openpyxl.load_workbook(str(path))
    workbook["表3"]["D6"] = "86.4.0"  # typed as text into a cell of numbers
    workbook.save(str(path))
    assert [f["location"]["label"] for f in findings(str(path)) if f["code"] == "NUM001"] == ["表3!D6"]


def test_workbook_finding_names_the_workbook(tmp_path):
    write_xlsx(tmp_path / "表.xlsx")
    write_docx(tmp_path / "草稿.docx", table=None, text="支出决算为80.00万元。")
    found = [f for f in findings(str(tmp_path)) if f["code"] == "TBL003"]
    assert [(Path(f["path"]).name, f["location"]["label"]) for f in found] == [("表.xlsx", "表3!E5")]


def test_a_broken_workbook_beside_its_word_draft_is_reported_and_the_draft_checked_alone(tmp_path):
    """A damaged workbook is the workbook's error, under its own name; the draft's narrative is still checked."""
    (tmp_path / "草稿.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    write_docx(tmp_path / "草稿.docx", table=None,
               text="2022年度收入合计199.25万元。其中：财政拨款收入180.00万元，占本年收入的85.2%。")
    result = run("check", "--format", "json", str(tmp_path))
    found = json.loads(result.stdout)
    assert result.exit_code == 2
    assert [Path(f["path"]).name for f in found if f["code"] == "E000"] == ["草稿.xlsx"]
    assert [Path(f["path"]).name for f in found if f["code"] == "ARI001"] == ["草稿.docx"]
    assert "1 file could not be read; found 1 error in the 1 other file." in run("check", str(tmp_path)).stdout


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_workbook_beside_its_text_narrative_is_checked_with_it(tmp_path, suffix):
    """A web page's text saved beside the workbook of its tables: its narrative against the sheets, its
    findings at line:col of the text, a finding in a sheet at the cell of the workbook."""
    rows = [
        ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"],
        ["", "合计", "852.68", "135.01", "717.67"],
        ["201", "一般公共服务支出", "852.68", "135.01", "707.67"],
    ]
    write_xlsx(tmp_path / "决算公开.xlsx", "一般公共预算财政拨款支出决算表（表5）", rows)
    (tmp_path / f"决算公开{suffix}").write_text(
        "某局2022年度部门决算\n五、一般公共预算财政拨款支出决算情况说明\n一般公共服务(类)支出812.73万元，占96.4%。\n",
        encoding="utf-8")
    found = findings(str(tmp_path))
    (stated,) = [f for f in found if f["code"] == "TBL006"]
    assert (Path(stated["path"]).name, stated["line"], stated["column"], stated.get("location")) == (
        f"决算公开{suffix}", 3, 12, None)
    (sheet,) = [f for f in found if f["code"] == "TBL002"]  # 201's 707.67, where its row and the 合计 give 717.67
    assert (Path(sheet["path"]).name, sheet["location"]["label"]) == ("决算公开.xlsx", "表3!E6")
    assert "1 file" in run("check", str(tmp_path)).stdout  # the workbook is not linted alone
    alone = findings(str(tmp_path / f"决算公开{suffix}"))  # named alone, it takes the workbook of its stem
    assert {f["code"] for f in alone} >= {"TBL006", "TBL002"}
    for extract in (["--workbook", str(tmp_path / "决算公开.xlsx")], []):  # named, or the one of its stem beside it
        extracted = run("extract", str(tmp_path / f"决算公开{suffix}"), *extract).stdout
        assert "# 一般公共预算财政拨款支出决算表（表5） | kind 一般公共预算支出表 | number 5 | unit 万元 | at 表3!A1" in extracted
    # A Word draft and notes of the same name: the workbook goes with the draft, its findings once.
    write_docx(tmp_path / "决算公开.docx", table=None, text="一般公共服务(类)支出852.68万元。",
               heading="一般公共预算财政拨款支出决算情况说明")
    assert len([f for f in findings(str(tmp_path)) if f["code"] == "TBL002"]) == 1


def test_a_narrative_listing_its_workbooks_tables_by_title_is_checked_with_the_sheets(tmp_path):
    """A text narrative naming the workbook's sheets one title a line ("附表5：…决算表"): the titles name the sheets, which
    are read (no title is a table printed without a body)."""
    rows = [
        ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"],
        ["", "合计", "852.68", "135.01", "717.67"],
        ["201", "一般公共服务支出", "852.68", "135.01", "707.67"],
    ]
    write_xlsx(tmp_path / "决算公开.xlsx", "一般公共预算财政拨款支出决算表（表5）", rows)
    (tmp_path / "决算公开.txt").write_text(
        "某局2022年度部门决算\n第二部分 部门决算表\n附表4：财政拨款收入支出决算总表\n附表5：一般公共预算财政拨款支出决算表\n"
        "五、一般公共预算财政拨款支出决算情况说明\n一般公共服务(类)支出812.73万元，占96.4%。\n", encoding="utf-8")
    found = findings(str(tmp_path))
    assert {f["code"] for f in found} >= {"TBL006", "TBL002"}
    assert not [f for f in found if f["code"] == "TBL001" and "表5" in f["message"]]


def test_extract_refuses_a_workbook_beside_a_pdf_or_a_workbook(tmp_path):
    """``--workbook`` goes with a Word document or a text file: with a workbook it says so, not silently ignored."""
    result = run("extract", str(write_xlsx(tmp_path / "表.xlsx")), "--workbook", str(write_xlsx(tmp_path / "表2.xlsx")))
    assert result.exit_code == 2 and "a Word document or a text file only" in result.output


def write_xls(path: Path, title: str = "支出决算表", rows: list[list[str]] = EXPENDITURE) -> Path:
    """The workbook of :func:`write_xlsx` saved in the Excel 97–2003 format."""
    xlwt = pytest.importorskip("xlwt")
    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("表3")
    sheet.write(0, 0, title)
    sheet.write(1, 0, "单位：万元")
    two_decimals = xlwt.easyxf(num_format_str="0.00")
    for r, row in enumerate(rows, start=3):  # row 3 left empty
        for c, value in enumerate(row):
            if value.replace(".", "").isdigit() and "." in value:
                sheet.write(r, c, float(value), two_decimals)
            elif value:
                sheet.write(r, c, value)
    workbook.save(str(path))
    return path


def test_excel_97_workbook_reads_as_the_same_xlsx_does(tmp_path):
    xls = run("extract", str(write_xls(tmp_path / "决算表.xls"))).stdout
    xlsx = run("extract", str(write_xlsx(tmp_path / "决算表.xlsx"))).stdout
    assert "\t合计\t\t\t100.00\t60.00\t45.00\t\n" in xls  # number format kept
    assert xls == xlsx.replace("决算表.xlsx", "决算表.xls")
    (hierarchy,) = [f for f in findings(str(tmp_path / "决算表.xls")) if f["code"] == "TBL003"]
    assert hierarchy["location"] == {"label": "表3!E5", "sheet": "表3", "cell": "E5"}


def test_a_workbook_is_read_by_its_content_whatever_its_name_says(tmp_path):
    """A portal's "表.xls" that is an .xlsx, and the other way round."""
    write_xlsx(tmp_path / "a.xls")
    write_xls(tmp_path / "b.xlsx")
    for name in ("a.xls", "b.xlsx"):
        assert [f["location"]["label"] for f in findings(str(tmp_path / name)) if f["code"] == "TBL003"] == ["表3!E5"]


def test_hidden_sheets_are_not_read(tmp_path):
    """A hidden copy of the table (last year's, or a helper sheet) is not what is published."""
    path = write_xlsx(tmp_path / "决算表.xlsx")
    workbook = openpyxl.load_workbook(path)
    hidden = workbook.copy_worksheet(workbook["表3"])
    hidden.sheet_state = "hidden"
    workbook.save(path)
    xlwt = pytest.importorskip("xlwt")
    old = xlwt.Workbook(encoding="utf-8")
    old.add_sheet("表3").write(0, 0, "说明")
    old_hidden = old.add_sheet("旧表")
    for r, row in enumerate(EXPENDITURE):
        for c, value in enumerate(row):
            old_hidden.write(r + 2, c, value)
    old_hidden.write(0, 0, "支出决算表")
    old_hidden.visibility = 1
    old.save(str(tmp_path / "旧.xls"))
    assert [f["location"]["sheet"] for f in findings(str(path)) if f["code"] == "TBL003"] == ["表3"]
    assert "旧表" not in run("extract", str(tmp_path / "旧.xls")).stdout


def test_excel_97_cells_show_as_the_sheet_does(tmp_path):
    xlwt = pytest.importorskip("xlwt")
    import datetime

    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("Sheet1")
    cells = [(0.7283, "0.0%"), (1234.5, "#,##0.00"), (12.0, "General"), (datetime.date(2024, 12, 31), "yyyy-mm-dd")]
    for c, (value, number_format) in enumerate(cells):
        sheet.write(0, c, "项目")
        sheet.write(1, c, value, xlwt.easyxf(num_format_str=number_format))
    sheet.write(1, 4, True)
    workbook.save(str(tmp_path / "cells.xls"))
    from linter.read import read_document

    assert "\n72.8%\t1,234.50\t12\t2024-12-31T00:00:00\tTRUE\n" in read_document(tmp_path / "cells.xls").text


@pytest.mark.parametrize("content", ["<html><body><table><tr><td>合计</td></tr></table></body></html>",
                                     '\ufeff<?xml version="1.0"?><Workbook></Workbook>'])
def test_a_web_page_saved_as_xls_is_refused_with_the_way_out(tmp_path, content):
    (tmp_path / "表.xls").write_text(content, encoding="utf-8")
    result = run("check", str(tmp_path / "表.xls"))
    assert result.exit_code == 2 and "save it as .xlsx" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("name", ["草稿.doc", "草稿.wps"])
def test_word_97_and_wps_documents_are_refused_with_the_way_out(tmp_path, name):
    (tmp_path / name).write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    result = run("check", str(tmp_path / name))
    assert result.exit_code == 2 and "save it as .docx or PDF" in result.stderr and "Traceback" not in result.stderr


# --- PDF --------------------------------------------------------------------------------------

def write_pdf(path: Path, after_table: list[str] = ()) -> Path:
    """Page 1: a heading and a sentence with a malformed number; page 2: a ruled 支出决算表 with
    a hierarchy error (then the paragraphs ``after_table``); a page-number footer on every page."""
    reportlab = pytest.importorskip("reportlab")  # noqa: F841 - the import is the check
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cn", fontName="STSong-Light", fontSize=11, leading=16, wordWrap="CJK")

    def footer(canvas, document):
        canvas.setFont("STSong-Light", 9)
        canvas.drawCentredString(A4[0] / 2, 20, f"- {document.page} -")

    grid = TableStyle([("FONT", (0, 0), (-1, -1), "STSong-Light", 10), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
    story = [
        Paragraph("一、收入支出决算总体情况说明", style), Paragraph(NARRATIVE, style), PageBreak(),
        Paragraph("支出决算表", style), Paragraph("单位：万元", style), Table(EXPENDITURE, style=grid),
        *(Paragraph(text, style) for text in after_table),
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story, onFirstPage=footer, onLaterPages=footer)
    return path


def test_a_pdf_tables_explanation_wrapped_over_lines_under_a_long_note_is_read(tmp_path):
    """Under a PDF table, a long 注 and a 说明 wrapped over lines: the 说明 is read as the table's (an
    empty table is then not reported as empty without one)."""
    note = "注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况，" * 2
    explanation = "说明：本部门2024年度没有使用政府性基金预算财政拨款安排的支出，故本表无数据。" * 2
    path = write_pdf(tmp_path / "决算.pdf", after_table=[note, explanation])
    from linter.document import Document
    from linter.read import read_document

    document = Document(read_document(path))
    (table,) = document.tables
    assert table.explanation and "没有使用政府性基金" in table.explanation


def test_a_template_instruction_printed_under_a_pdf_table_is_reported(tmp_path):
    """The template's instruction to the drafter printed below a PDF's ruled table (outside its grid): TBL008, as in a
    text copy, where the table runs on to it."""
    instruction = "无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明："
    path = write_pdf(tmp_path / "决算.pdf", after_table=[instruction, "说明：本部门2024年度没有使用政府性基金预算财政拨款安排的支出。"])
    (found,) = [f for f in findings(str(path)) if f["code"] == "TBL008" and "instruction" in f["message"]]
    assert found["location"]["page"] == 2


def test_pdf_text_and_ruled_table_are_read_back(tmp_path):
    path = write_pdf(tmp_path / "决算.pdf")
    extracted = run("extract", str(path)).stdout
    assert NARRATIVE in extracted  # the Chinese text comes back from the CID font
    assert "- 1 -" not in extracted and "- 2 -" not in extracted  # footers recognised as such
    assert "201\t一般公共服务支出\t100.00\t60.00\t40.00\n" in extracted
    found = {f["code"]: f for f in findings(str(path))}
    assert set(found) == {"NUM001", "TBL002", "TBL003"}  # TBL002: 合计's 100.00 ≠ 60.00 + 45.00
    assert found["NUM001"]["location"] == {"label": "page 1, line 2, col 40", "page": 1, "line": 2, "column": 40}
    cell = found["TBL003"]["location"]
    assert (cell["page"], cell["table"], cell["row"], cell["column"]) == (2, 1, 2, 5)


def test_pdf_table_over_a_page_break_is_one_table(tmp_path):
    """A long table split over two pages, its header row repeated: one table, the header once,
    an error in a row of the second page found on that page."""
    pytest.importorskip("reportlab")
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    rows = [EXPENDITURE[0], ["", "合计", "601.00", "600.00", ""]]
    for n in range(1, 61):  # 60 类 rows of 10.00, the last prints 11.00 over its 款 row's 10.00
        rows.append([str(200 + n), f"第{n}类支出", "11.00" if n == 60 else "10.00", "10.00", ""])
    rows.append(["26001", "第60类的款", "10.00", "10.00", ""])
    style = TableStyle([("FONT", (0, 0), (-1, -1), "STSong-Light", 10), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
    path = tmp_path / "长表.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([
        Paragraph("支出决算表", ParagraphStyle("cn", fontName="STSong-Light")), Table(rows, style=style, repeatRows=1),
    ])
    extracted = run("extract", str(path)).stdout
    assert extracted.count("# 支出决算表 |") == 1 and extracted.count("科目编码\t科目名称") == 1
    assert "260\t第60类支出\t11.00\t10.00\t\n" in extracted
    found = [f for f in findings(str(path)) if f["code"] == "TBL003"]
    assert len(found) == 1 and "260" in found[0]["message"]  # needs the rows of both pages in one table
    assert (found[0]["location"]["page"], found[0]["location"]["row"], found[0]["location"]["column"]) == (2, 62, 3)


def test_pdf_table_whose_number_and_title_are_printed_again_atop_the_next_page_is_one_table(tmp_path):
    """"表3", its title and its unit line printed again over the rest of a table on the next page: the
    table goes on (its 款 on the first page, the 款's 项 on the second, add up)."""
    pytest.importorskip("reportlab")
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    cn = ParagraphStyle("cn", fontName="STSong-Light")
    grid = TableStyle([("FONT", (0, 0), (-1, -1), "STSong-Light", 10), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
    header = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
    heading = [Paragraph("表3", cn), Paragraph("某县卫生健康局2025年部门支出总表", cn), Paragraph("单位：万元", cn)]
    first = [header, ["", "合计", "300.00", "200.00", "100.00"], ["210", "卫生健康支出", "300.00", "200.00", "100.00"],
             ["21001", "卫生健康管理事务", "300.00", "200.00", "100.00"], ["2100101", "行政运行", "200.00", "200.00", ""]]
    second = [header, ["2100199", "其他卫生健康管理事务支出", "100.00", "", "100.00"]]
    path = tmp_path / "预算.pdf"
    SimpleDocTemplate(str(path)).build([*heading, Table(first, style=grid), PageBreak(), *heading, Table(second, style=grid)])
    from linter.document import Document
    from linter.read import read_document

    (table,) = Document(read_document(path)).tables
    assert [row.code for row in table.rows] == [None, "210", "21001", "2100101", "2100199"]
    assert findings(str(path)) == []


def test_a_pdf_table_drawn_with_horizontal_rules_only_beside_a_ruled_one_is_read(tmp_path):
    """A table ruled on every side, then one drawn with horizontal rules only (no cell boxes, so
    pdfplumber finds no table): the second is read from its lines laid out in columns, its sum
    checked, and the finding located at the column a reader counts on its line."""
    pytest.importorskip("reportlab")
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    cn = ParagraphStyle("cn", fontName="STSong-Light")
    font = [("FONT", (0, 0), (-1, -1), "STSong-Light", 10), ("ALIGN", (2, 0), (-1, -1), "RIGHT")]
    ruled = TableStyle([*font, ("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
    rules_only = TableStyle([*font, ("LINEABOVE", (0, 0), (-1, -1), 0.5, colors.black),
                             ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.black)])
    income = [["科目编码", "科目名称", "本年收入合计", "财政拨款收入", "其他收入"], ["", "栏次", "1", "2", "3"],
              ["", "合计", "100.00", "90.00", "10.00"], ["201", "一般公共服务支出", "100.00", "90.00", "10.00"]]
    spending = [["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"], ["", "栏次", "1", "2", "3"],
                ["", "合计", "100.00", "60.00", "40.00"], ["201", "一般公共服务支出", "100.00", "60.00", "40.00"],
                ["20101", "人大事务", "100.00", "60.00", "45.00"]]
    path = tmp_path / "决算.pdf"
    SimpleDocTemplate(str(path)).build([
        Paragraph("收入决算表", cn), Paragraph("单位：万元", cn), Table(income, style=ruled), PageBreak(),
        Paragraph("支出决算表", cn), Paragraph("单位：万元", cn), Table(spending, style=rules_only),
    ])
    from linter.document import Document
    from linter.read import read_document

    tables = Document(read_document(path)).tables
    assert [table.kind for table in tables] == ["收入表", "支出表"]
    assert [row.code for row in tables[1].rows] == [None, "201", "20101"]
    (finding,) = [f for f in findings(str(path)) if f["code"] == "TBL002"]  # 45.00 where 201 prints 40.00
    assert "20101" in finding["message"] and finding["location"]["page"] == 2
    extracted = run("extract", str(path)).stdout.splitlines()
    row = " ".join(next(text for text in extracted if text.lstrip().startswith("20101")).split())
    assert finding["location"]["column"] == row.index("45.00") + 1  # the padding is not counted


def test_a_pdf_table_wider_than_its_page_is_read(tmp_path):
    """A table running off its page's right edge: its cells are read and checked, not the file refused."""
    pytest.importorskip("reportlab")
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = TableStyle([("FONT", (0, 0), (-1, -1), "STSong-Light", 10), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
    path = tmp_path / "宽表.pdf"
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=20).build([
        Paragraph("支出决算表", ParagraphStyle("cn", fontName="STSong-Light")),
        Table(EXPENDITURE, colWidths=[60, 200, 150, 150, 150], style=style),
    ])
    found = {f["code"] for f in findings(str(path))}
    assert "E000" not in found and "TBL003" in found


def test_extract_reads_text_files_too(tmp_path):
    path = tmp_path / "草稿.txt"
    path.write_text("支出决算表（表3）\n项目\t\t本年支出合计\n栏次\t\t1\n合计\t\t5.00\n201\t一般公共服务支出\t5.00\n", encoding="utf-8")
    result = run("extract", str(path))
    assert result.exit_code == 0
    assert "# 支出决算表(表3) | kind 支出表 | number 3 | unit -\n" in result.stdout
    assert "201\t一般公共服务支出\t\t\t5.00\t\n" in result.stdout
    missing = run("extract", str(tmp_path / "nothing.pdf"))
    assert missing.exit_code == 2 and "nothing.pdf: no such file" in missing.stderr


def test_scanned_pdf_is_refused_and_the_run_goes_on(tmp_path):
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    scan = canvas.Canvas(str(tmp_path / "扫描件.pdf"))
    scan.rect(100, 100, 300, 400, fill=1)  # a drawing, no text
    scan.save()
    (tmp_path / "草稿.txt").write_text("完成年初预算的72.83.1%。\n", encoding="utf-8")
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    assert "扫描件.pdf: no text layer: disclint does not do OCR" in result.stderr
    assert "草稿.txt:1:8: error NUM001" in result.stdout


def _pdf_reading(path: Path, lines: list[str]) -> Path:
    """A PDF whose text layer reads ``lines``: "(cid:N)" in them is what pdfminer reads for a glyph
    its font does not map to a character."""
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    page = canvas.Canvas(str(path))
    page.setFont("STSong-Light", 11)
    for index, line in enumerate(lines):
        page.drawString(72, 760 - 18 * index, line)
    page.save()
    return path


def test_pdf_of_unmapped_glyphs_is_refused(tmp_path):
    _pdf_reading(tmp_path / "乱码.pdf", ["(cid:3512)(cid:877)(cid:3090)(cid:1203)72.83.1%(cid:12)(cid:40)"])
    result = run("check", str(tmp_path / "乱码.pdf"))
    assert result.exit_code == 2 and "the PDF's fonts do not say which characters 6 of its glyphs are" in result.stderr


def test_pdf_with_a_few_unmapped_glyphs_reads_each_as_one_character(tmp_path):
    path = _pdf_reading(tmp_path / "决算.pdf", ["2024年度收入总计100.00万元(cid:3512)，完成年初预算的72.83.1%。"] + [NARRATIVE] * 3)
    assert "2024年度收入总计100.00万元\ufffd，完成年初预算的72.83.1%。" in run("extract", str(path)).stdout
    (malformed, *_) = [f for f in findings(str(path)) if f["code"] == "NUM001"]
    assert malformed["location"]["label"] == "page 1, line 1, col 28"  # the glyph one column
    assert not [f for f in findings(str(path)) if f["code"].startswith("PUN")]  # no bracket of "(cid:"


def test_letter_spaced_pdf_text_is_read_without_the_spaces_between_characters(tmp_path):
    """A line set with wide character spacing (分散对齐) comes out of pdfplumber as "支 出 决 算 为 8 5 2 . 6 8";
    a line of single numbers (a 栏次 line) keeps its spaces."""
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    page = canvas.Canvas(str(tmp_path / "分散对齐.pdf"))
    for index, (line, spacing) in enumerate([("支出决算为852.68万元，完成年初预算的72.83.1%。", 6), ("栏次 1 2 3 4 5 6", 0)]):
        text = page.beginText(40, 760 - 30 * index)
        text.setFont("STSong-Light", 11)
        text.setCharSpace(spacing)
        text.textLine(line)
        page.drawText(text)
    page.save()
    assert run("extract", str(tmp_path / "分散对齐.pdf")).stdout.splitlines()[1:3] == [
        "支出决算为852.68万元，完成年初预算的72.83.1%。", "栏次 1 2 3 4 5 6"]
    (malformed,) = [f for f in findings(str(tmp_path / "分散对齐.pdf")) if f["code"] == "NUM001"]
    assert malformed["quote"] == "72.83.1%" and malformed["location"]["label"] == "page 1, line 1, col 22"


# --- bad files, folders ------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["坏.pdf", "坏.docx", "坏.xlsx", "坏.xls"])
@pytest.mark.parametrize("start", [b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"])
def test_broken_file_gets_a_message_not_a_traceback(tmp_path, name, start):
    (tmp_path / name).write_bytes(start + b" not really" * 20)
    result = run("check", str(tmp_path / name))
    assert result.exit_code == 2
    assert f"{name}: not a readable" in result.stderr and "Traceback" not in result.stderr


def test_folder_walk_reads_every_format_and_reports_skipped_files(tmp_path):
    write_docx(tmp_path / "a.docx")
    (tmp_path / "b.txt").write_text("完成年初预算的72.83.1%。\n", encoding="utf-8")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "~$a.docx").write_bytes(b"lock")
    (tmp_path / "scan.jpg").write_bytes(b"\xff\xd8")
    result = run("check", str(tmp_path))
    assert result.exit_code == 2  # old.doc is taken, and refused with the way out
    assert "in the 2 other files." in result.stdout
    assert "old.doc: a Word 97–2003 (.doc) or WPS (.wps) document" in result.stderr
    assert "skipped 1 file of a type disclint does not read" in result.stderr and "scan.jpg" in result.stderr


def test_a_report_lists_the_files_it_could_not_read_and_exits_2(tmp_path):
    (tmp_path / "b.txt").write_text("完成年初预算的72.83.1%。\n", encoding="utf-8")
    (tmp_path / "old.wps").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("report", str(tmp_path), "-o", str(tmp_path / "r.csv"), "--fail-on", "never")
    assert result.exit_code == 2
    rows = (tmp_path / "r.csv").read_text(encoding="utf-8-sig").splitlines()
    assert sum(",E000," in row for row in rows) == 2 and any("old.wps" in row for row in rows)


def test_a_run_that_lints_nothing_says_so(tmp_path):
    (tmp_path / "scan.jpg").write_bytes(b"\xff\xd8")
    for command in (["check", str(tmp_path)], ["report", str(tmp_path), "-o", str(tmp_path / "r.html")]):
        result = run(*command)
        assert result.exit_code == 2
        assert "no document to lint" in result.stderr
    assert not (tmp_path / "r.html").exists()


def test_fix_never_rewrites_a_word_file(tmp_path):
    path = write_docx(tmp_path / "草稿.docx", table=None, text="各各部门完成年初预算的72.83.1%。")
    before = path.read_bytes()
    result = run("check", "--fix", str(path))
    assert path.read_bytes() == before
    assert f"{path}: not changed: --fix edits text files only" in result.stderr


# --- machine-readable and HTML output -----------------------------------------------------------

def test_sarif_carries_the_location_and_validates(tmp_path):
    path = write_xlsx(tmp_path / "决算表.xlsx")
    log = json.loads(run("check", "--format", "sarif", str(path)).stdout)
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    result = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "TBL003")
    assert result["properties"]["location"] == {"sheet": "表3", "cell": "E5"}
    assert result["locations"][0]["logicalLocations"][0]["name"] == "表3!E5"


def test_html_report_shows_the_location(tmp_path):
    write_xlsx(tmp_path / "决算表.xlsx")
    output = tmp_path / "report.html"
    assert run("report", str(tmp_path), "-o", str(output), "--jobs", "1", "--fail-on", "never").exit_code == 0
    assert re.search(r'<td class="num"(?: id="[^"]+")?>表3!E5</td>', output.read_text(encoding="utf-8"))
    write_docx(tmp_path / "草稿.docx", table=None)  # now the workbook holds the draft's tables
    assert run("report", str(tmp_path), "-o", str(output), "--jobs", "1", "--fail-on", "never").exit_code == 0
    page = output.read_text(encoding="utf-8")
    cell = r'<td class="num"(?: id="[^"]+")?>{}</td>'
    assert re.search(cell.format("决算表.xlsx: 表3!E5"), page) and re.search(cell.format("paragraph 2, col 40"), page)


# --- fuzzing ------------------------------------------------------------------------------------

@pytest.mark.parametrize("suffix", [".docx", ".xlsx", ".xls", ".pdf"])
def test_damaged_files_are_read_or_refused_never_crash(tmp_path, suffix):
    """Truncated and byte-flipped copies of a good file: a document or an InputError, nothing else."""
    import random

    from linter.read import InputError, read_document

    writers = {".docx": write_docx, ".xlsx": write_xlsx, ".xls": write_xls, ".pdf": write_pdf}
    good = writers[suffix](tmp_path / f"good{suffix}").read_bytes()
    rng = random.Random(11)
    for attempt in range(12):
        data = bytearray(good)
        if attempt % 2:
            data = data[: rng.randrange(len(data))]
        else:
            for _ in range(rng.randint(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        damaged = tmp_path / f"damaged{attempt}{suffix}"
        damaged.write_bytes(bytes(data))
        try:
            read_document(damaged)
        except InputError as error:
            assert str(error)


def test_the_identities_a_note_under_a_pdf_table_prints_are_checked(tmp_path):
    path = write_pdf(tmp_path / "决算.pdf", after_table=["注：1栏=2+3栏。"])
    found = [f for f in findings(str(path)) if f["code"] == "TBL002"]
    assert [f["message"].split(":")[0] for f in found] == ["1栏=2+3栏"]


def test_a_formula_whose_calculated_result_is_empty_text_is_no_uncalculated_formula(tmp_path):
    """A spreadsheet stores ``=IF(F6=0,"",F6)``'s empty result as a text cell (``t="str"``) with an empty value."""
    import zipfile

    path = write_xlsx(tmp_path / "决算表.xlsx")
    workbook = openpyxl.load_workbook(path)
    workbook.active["H5"] = '=IF(F5=0,"",F5)'
    workbook.save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = next(name for name in parts if name.startswith("xl/worksheets/sheet"))
    parts[sheet] = parts[sheet].replace(b'<c r="H5">', b'<c r="H5" t="str">')  # as a spreadsheet saves it
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert run("check", str(path)).exit_code != 2


def test_a_sheet_numbering_its_table_in_a_row_above_the_title_is_read(tmp_path):
    """"表5" alone in row 1, the title in row 2 (a common template); the sheet named otherwise."""
    path = write_xlsx(tmp_path / "决算表.xlsx", title="表5")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    sheet.title, sheet["A2"], sheet["A3"] = "Sheet1", "支出决算表", "单位：万元"
    workbook.save(path)
    assert "# 支出决算表 | kind 支出表 | number 5 | unit 万元 | at Sheet1!A2" in run("extract", str(path)).stdout
    assert "TBL003" in {f["code"] for f in findings(str(path))}  # 合计's 45.00, its 201 row's 40.00


def test_a_sheet_in_whole_yuan_with_codes_formatted_00_is_read(tmp_path):
    """Whole amounts in General format, 款 and 项 typed as numbers shown "05", an amount typed 5349370.78."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "表5"
    rows = [["2024年一般公共预算支出表"], ["单位：元"], ["类", "款", "项", "科目名称", "合计", "基本支出", "项目支出"],
            ["", "", "", "合计", 5349370.78, 5349370.78, None], [208, None, None, "社会保障和就业支出", 5349370.78, 5349370.78, None],
            [208, 5, None, "行政事业单位养老支出", 5349370.78, 5349370.78, None],
            [208, 5, 5, "机关事业单位基本养老保险缴费支出", 5339370.78, 5339370.78, None]]
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            sheet.cell(r, c, value)
            if c in (2, 3) and isinstance(value, int):
                sheet.cell(r, c).number_format = "00"
    path = tmp_path / "预算表.xlsx"
    workbook.save(path)
    extracted = run("extract", str(path)).stdout
    assert "208\t05\t05\t机关事业单位基本养老保险缴费支出\t5339370.78" in extracted
    assert [(f["code"], f["location"]["cell"]) for f in findings(str(path))][:1] == [("TBL003", "E6")]


def test_a_sheet_of_whole_amounts_without_column_numbers_is_checked(tmp_path):
    rows = [["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"], ["", "合计", "800000", "", "800000"],
            ["213", "农林水支出", "800000", "", "800000"], ["21366", "大中型水库库区基金安排的支出", "700000", "", "700000"]]
    path = write_xlsx(tmp_path / "预算表.xlsx", title="2024年政府性基金预算支出表", rows=rows)
    assert [(f["code"], f["location"]["cell"]) for f in findings(str(path))][:1] == [("TBL003", "C6")]


@pytest.mark.parametrize("carry_on", ["续表", "部门：某局        单位：万元"])
def test_pdf_table_over_a_page_break_under_a_line_that_carries_it_on_is_one_table(tmp_path, carry_on):
    """The second page of a long table under "续表" or the unit line a spreadsheet prints on every page."""
    pytest.importorskip("reportlab")
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    rows = [EXPENDITURE[0], ["", "合计", "600.00", "600.00", ""]]
    rows += [[str(200 + n), f"第{n}类支出", "10.00", "10.00", ""] for n in range(1, 61)]

    def later(canvas, document):
        canvas.setFont("STSong-Light", 10)
        canvas.drawString(72, A4[1] - 60, carry_on)

    style = TableStyle([("FONT", (0, 0), (-1, -1), "STSong-Light", 10), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
    path = tmp_path / "长表.pdf"
    SimpleDocTemplate(str(path), pagesize=A4, topMargin=90).build(
        [Paragraph("支出决算表", ParagraphStyle("cn", fontName="STSong-Light")), Table(rows, style=style, repeatRows=1)],
        onLaterPages=later)
    extracted = run("extract", str(path)).stdout
    assert extracted.count("# 支出决算表 |") == 1 and "260\t第60类支出\t10.00" in extracted
    assert not {f["code"] for f in findings(str(path))} & {"TBL002", "TBL003", "TBL008"}  # one table, adding up


@pytest.mark.parametrize("explained, expected", [
    ("1.行政运行：反映行政单位的基本支出。\n2.事业运行：反映事业单位的基本支出。", ["DOC001"]),
    ("1.行政运行：反映行政单位的基本支出。", []),
])
def test_the_glossary_is_checked_against_the_subjects_of_a_word_table(tmp_path, explained, expected):
    rows = [["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"], ["", "合计", "100.00", "100.00", ""],
            ["201", "一般公共服务支出", "100.00", "100.00", ""], ["20103", "政府办公厅（室）及相关机构事务", "100.00", "100.00", ""],
            ["2010301", "行政运行", "100.00", "100.00", ""]]
    text = f"名词解释\n一、本部门使用的支出功能分类科目（到项级）\n{explained}"
    path = write_docx(tmp_path / "决算.docx", table=rows, text="本年支出100.00万元。")
    document = docx.Document(str(path))
    for line in text.split("\n"):
        document.add_paragraph(line)
    document.save(str(path))
    assert [f["code"] for f in findings(str(path)) if f["code"] == "DOC001"] == expected


def test_a_manual_line_break_inside_a_phrase_is_undone_but_not_one_after_a_clause(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph("1.社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金")
    paragraph.add_run().add_break()  # Shift+Enter, as text pasted from a PDF keeps the PDF's line ends
    paragraph.add_run("缴费支出（项）：支出决算为36.23万元。")
    listing = document.add_paragraph("一、收入情况；")
    listing.add_run().add_break()
    listing.add_run("二、支出情况。")
    document.save(str(tmp_path / "断行.docx"))
    extracted = run("extract", str(tmp_path / "断行.docx")).stdout
    assert "机关事业单位职业年金缴费支出（项）：支出决算为36.23万元。\n" in extracted
    assert "一、收入情况；\n二、支出情况。\n" in extracted


def test_a_word_summary_table_with_a_first_column_of_row_numbers_is_read(tmp_path):
    """A 收支预算总表 whose first column numbers its rows (序号, as Hebei prints it): read as without that column, so a
    total that no longer adds up is reported at its cell."""
    def table(spent: str) -> list[list[str]]:
        return [
            ["序号", "收入", "", "支出", ""],
            ["", "项目", "预算数", "项目", "预算数"],
            ["栏次", "1", "2", "3", "4"],
            ["1", "一、一般公共预算拨款收入", "1,522.22", "一、一般公共服务支出", "1,209.91"],
            ["2", "二、政府性基金预算拨款收入", "50.00", "二、社会保障和就业支出", "362.31"],
            ["3", "本年收入合计", "1,572.22", "本年支出合计", spent],
            ["4", "收入总计", "1,572.22", "支出总计", spent],
        ]
    clean = write_docx(tmp_path / "clean.docx", table("1,572.22"), text="本年收入合计1,572.22万元。", title="收支预算总表")
    assert not [f for f in findings(str(clean)) if f["code"] == "TBL001"]
    slipped = write_docx(tmp_path / "slipped.docx", table("1,582.22"), text="本年收入合计1,572.22万元。", title="收支预算总表")
    assert "TBL002" in {f["code"] for f in findings(str(slipped))}


def test_a_word_table_of_projects_execution_rates_is_checked(tmp_path):
    """A Word draft's 绩效自评结果汇总表 (a table, so no flow text): a row whose 执行率 is not 执行数 / 全年预算数 is
    reported at its cell."""
    def table(rate: str) -> list[list[str]]:
        return [
            ["序号", "项目名称", "全年预算数", "执行数", "执行率（%）", "自评得分", "评价等级"],
            ["1", "财政业务综合管理经费", "420.00", "386.42", "92.0", "91.5", "优"],
            ["2", "预算管理一体化系统建设", "1,568.76", "1,126.58", rate, "86.5", "良"],
        ]
    clean = write_docx(tmp_path / "clean.docx", table("71.8"), title="2024年度项目支出绩效自评结果汇总表")
    assert not [f for f in findings(str(clean)) if f["code"] == "ARI003"]
    slipped = write_docx(tmp_path / "slipped.docx", table("77.8"), title="2024年度项目支出绩效自评结果汇总表")
    (rate,) = [f for f in findings(str(slipped)) if f["code"] == "ARI003"]
    assert "1126.58 / 1568.76 = 71.8%" in rate["message"] and rate["location"]["label"] == "table 1, row 3, col 5"
