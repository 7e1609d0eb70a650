"""Reading bytes and mapping normalised text back to exact original positions."""

from __future__ import annotations

import codecs
import re

import pytest

from linter.document import Document
from linter.normalise.position import Position, SourceText
from linter.read import InputError, decode_bytes, read_path

TEXT = "2022 年度收入合计 199.25\n\n万元。其中：财政拨款收入１９９．２５万元，占本年收入１００％。\n"


@pytest.mark.parametrize("data,encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
    (TEXT.encode("gb18030"), "gb18030"),
    (TEXT.encode("gbk"), "gb18030"),
])
def test_encodings_decode_to_the_same_text(data, encoding):
    source = decode_bytes(data)
    assert source.text == TEXT and source.encoding == encoding
    assert source.encode(source.text) == data or encoding == "gb18030"


@pytest.mark.parametrize("data,message", [
    (b"", "empty"),
    (b"  \n\n", "empty"),
    (codecs.BOM_UTF32_LE, "empty"),
    (codecs.BOM_UTF8 + "\u3000\n".encode("utf-8"), "empty"),
    (b"\x00\x01\x02binary\x00", "binary"),
    (bytes(range(128, 256)) * 4, "encoding"),
])
def test_bad_input_is_refused_with_a_reason(data, message):
    with pytest.raises(InputError, match=message):
        decode_bytes(data)


def test_huge_and_missing_files(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("收入" * 100, encoding="utf-8")
    with pytest.raises(InputError, match="too large"):
        read_path(big, max_bytes=10)
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "missing.txt")


def test_flow_joins_wrapped_lines_and_maps_back():
    document = Document(decode_bytes(TEXT.encode("utf-8")))
    flow = document.flow.text
    assert flow.startswith("2022年度收入合计199.25万元。")
    start = flow.index("199.25万元")
    span = document.span(start, start + len("199.25万元"))
    # "199.25" is on line 1, "万元" on line 3 after a blank line
    assert (span.start.line, span.start.column, span.end.line, span.end.column) == (1, 13, 3, 3)


def test_spaces_parting_an_amounts_thousands_are_dropped_and_map_back():
    """"2 404.15万元" (a careless drafter's thousands separator) reads as 2404.15; digits parted otherwise keep their space."""
    text = "本年支出合计2 404.15万元，其中：基本支出1 420.23 万元；栏次 1 2 3；共12 345 678.90元，第3 12项。\n"
    document = Document(decode_bytes(text.encode("utf-8")))
    flow = document.flow.text
    assert "合计2404.15万元" in flow and "基本支出1420.23万元" in flow and "共12345678.90元" in flow
    assert "栏次1 2 3" in flow and "第3 12项" in flow
    start = flow.index("2404.15")
    span = document.span(start, start + len("2404.15万元"))
    assert span.quote == "2 404.15万元" and (span.start.line, span.start.column) == (1, 7)


def test_full_width_digits_keep_their_columns():
    document = Document(decode_bytes(TEXT.encode("utf-8")))
    flow = document.flow.text
    start = flow.index("100%")
    span = document.span(start, start + 4)
    assert span.quote == "１００％"
    assert (span.start.line, span.start.column) == (3, 27)


def test_a_letter_spaced_line_is_read_without_its_spaces_and_maps_back():
    """"支 出 决 算 为 8 5 2 . 6 8 万 元": a 分散对齐 line as extraction tools give it. A line of 栏次
    numbers and spaced words too few to be letter-spaced keep their spaces."""
    text = "支 出 决 算 为 8 5 2 . 6 8 万 元 ， 完 成 7 2 . 8 3 . 1 % 。\n栏次 1 2 3 4 5 6\n2 0 2 2 年 度\n"
    document = Document(decode_bytes(text.encode("utf-8")))
    assert document.flow.text.splitlines() == ["支出决算为852.68万元，完成72.83.1%。", "栏次1 2 3 4 5 6", "2 0 2 2年度"]
    start = document.flow.text.index("72.83.1%")
    span = document.span(start, start + len("72.83.1%"))
    assert (span.start.line, span.start.column, span.end.column, span.quote) == (1, 33, 48, "7 2 . 8 3 . 1 %")


def test_markdown_table_rows_become_tab_separated_one_character_for_one():
    from linter.normalise.markdown import pipe_tables_as_tabs

    text = "说明 a|b\n| 合计 | 1.00 |\r\n|---|:--:|\n正文\n"
    converted, rows = pipe_tables_as_tabs(text)
    assert converted == "说明 a|b\n\t 合计 \t 1.00 \t\r\n" + " " * len("|---|:--:|") + "\n正文\n"
    assert rows == {text.index("| 合计"), text.index("|---")}
    assert pipe_tables_as_tabs("没有表格的文本\n") == ("没有表格的文本\n", frozenset())


def test_a_markdown_files_heading_and_bold_marks_and_cell_breaks_become_spaces():
    """pandoc's Markdown: "## 四、…", "**表3 支出决算表**" and "<br>" inside a cell are markup, read as
    spaces one for one (so positions stay), in a Markdown file, or a text file that is Markdown (its headings, bold
    or pipe tables say so); a text file's lone "**" stays."""
    text = ("## 四、财政拨款收入支出决算总体情况说明\n\n**表3 支出决算表**\n\n单位：万元\n\n"
            "| 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |\n|---|---|---|---|---|\n| 栏次 |  | 1 | 2 | 3 |\n"
            "|  | 合计 | 88.62 | 88.62 |  |\n| 2080505 | 机关事业单位基本养老保险<br>缴费支出 | 88.62 | 88.62 |  |\n")
    document = Document(decode_bytes(text.encode("utf-8"), "决算.md"))
    assert len(document.original.text) == len(text) and "##" not in document.flow.text
    (table,) = document.tables
    assert table.number == 3 and table.problem is None and table.rows[-1].name == "机关事业单位基本养老保险缴费支出"
    assert "**" not in Document(decode_bytes(text.encode("utf-8"), "决算.txt")).original.text
    plain = "本年支出合计100万元。\n注**：本表无数据。\n# 不是标题\n"
    assert Document(decode_bytes(plain.encode("utf-8"), "决算.txt")).original.text == plain


def test_wrapped_lines_of_a_text_extracted_with_its_layout_are_joined():
    """pdftotext -layout and pdfplumber's layout mode pad table rows with runs of spaces to the
    page's width: they must not make a wrapped numbered line look like a short heading."""
    narrative = "指事业单位开展专业业务活动及辅助活动所取得的收入，按规定纳入部门预算管理。"[:32]
    rows = [f"      201    06    0{i}       行政运行{' ' * 40}1,511.90{' ' * 12}1,511.89{' ' * 20}0.01" for i in range(12)]
    text = "\n".join([*rows, *[f"    {narrative}" for _ in range(10)],
                      "    三、经营收入：指事业单位在专业业务活动及其辅助活动之外开展非独立核算经",
                      "营活动取得的收入。", "    四、其他收入：指除上述收入以外的收入。"]) + "\n"
    flow = Document(decode_bytes(text.encode("utf-8"))).flow.text
    assert "三、经营收入：指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。\n四、" in flow


def test_the_page_width_is_measured_in_printed_characters():
    """A page holds about half as many full-width characters as ASCII digits: lines of amounts in 元
    are longer in characters than the page is wide, and so are rows of a table laid out in spaces.
    Neither may make a wrapped numbered line of full width look like a short heading."""
    amounts = "  2024年度收入总计21,040,923.76元、支出总计21,040,923.76元。与2023年度相比，收、"
    rows = [f"  2130{i}01    行政运行    1,511,900.00    1,511,890.00    10.00" for i in range(10)]
    text = "\n".join([*rows, *[amounts] * 20,
                      "  九、机关运行经费：指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买",
                      "货物和服务等的各项公用经费。", "  十、其他收入：指除上述收入以外的收入。"]) + "\n"
    flow = Document(decode_bytes(text.encode("utf-8"))).flow.text
    assert "运行用于购买货物和服务等的各项公用经费。\n十、" in flow


def test_a_heading_as_wide_as_a_narrow_page_stays_a_heading():
    """A section title may fill a narrow page's line; ending as titles do, it is still a heading."""
    paragraph = ["上海市某局2024年度无政府性基金预算财政拨款收入和支", "出，故本部分无数据。"] * 12
    text = "\n".join([*paragraph, "九、国有资本经营预算财政拨款收入支出决算情况说明",
                      "国有资本经营预算财政拨款收入100万元，支出100万元。"]) + "\n"
    flow = Document(decode_bytes(text.encode("utf-8"))).flow.text
    assert "\n九、国有资本经营预算财政拨款收入支出决算情况说明\n国有资本" in flow


def test_a_tables_title_unit_line_and_note_stay_apart():
    """With a table's rows read from the file's structure (or the table empty), its title, unit line and
    note are what is left: they must not run into one sentence, nor into the next table's title."""
    text = ("2024年度一般公共预算财政拨款支出决算表\n部门：某局            公开05表      金额单位：万元\n"
            "注：本表反映部门本年度一般公共预算财政拨款实际支出情况。\n"
            "2024年度一般公共预算财政拨款基本支出决算表\n单位：万元\n注：本表反映部门本年度基本支出明细情况。\n")
    flow = Document(decode_bytes(text.encode("utf-8"))).flow.text
    assert flow.split("\n")[:4] == ["2024年度一般公共预算财政拨款支出决算表", "部门：某局公开05表金额单位：万元",
                                    "注：本表反映部门本年度一般公共预算财政拨款实际支出情况。",
                                    "2024年度一般公共预算财政拨款基本支出决算表"]


@pytest.mark.parametrize("footer", ["第 3 页 共 30 页", "第3页/共30页", "3/30", "共30页 第3页", "— 3 —"])
def test_a_page_footer_splitting_a_sentence_or_a_table_is_dropped(footer):
    text = (f"6.住房保障支出(类)住房改革支出(款)提租补贴(项)。年初\n{footer}\n预算为1.89万元，支出决算为1.89万元。\n"
            f"支出决算表\n单位：万元\n科目编码\t科目名称\t合计\n\t合计\t187.19\n22102\t住房改革支出\t187.19\n{footer}\n"
            "2210201\t住房公积金\t187.19\n")
    document = Document(decode_bytes(text.encode("utf-8")))
    assert "年初预算为1.89万元" in document.flow.text and footer.split()[0] not in document.flow.text
    (table,) = document.tables
    assert table.problem is None and [row.code for row in table.rows] == [None, "22102", "2210201"]


def test_a_page_header_repeating_the_title_is_dropped_from_sentences_and_tables():
    """A PDF's running title, printed on every page, is no part of the sentence or the table it
    falls into; the title on the cover stays, and so does a title line printed twice only."""
    header = "青山区大数据中心 2022 年度部门决算"
    text = (f"{header}\n目录\n第一部分 概况\n第二部分 决算表\n第三部分 情况说明\n"
            f"一、收入支出决算总体情况说明\n2022年度收入总计100.00万元，支出\n{header}\n总计100.00万元。\n"
            f"支出决算表\n单位：万元\n科目编码\t科目名称\t合计\n\t合计\t100.00\n{header}\n"
            "201\t一般公共服务支出\t100.00\n"
            f"二、收入决算情况说明\n本年收入合计100.00万元。\n{header}\n")
    document = Document(decode_bytes(text.encode("utf-8")))
    assert "支出总计100.00万元。" in document.flow.text
    assert document.flow.text.startswith(header.replace(" ", "")) and document.flow.text.count("部门决算") == 1
    (table,) = document.tables
    assert table.problem is None and [row.code for row in table.rows] == [None, "201"]
    twice = text.replace(f"{header}\n201", "201")  # on the cover, in the sentence and at the end
    assert Document(decode_bytes(twice.encode("utf-8"))).flow.text.count("部门决算") == 3


def test_the_departments_name_opening_page_after_page_under_the_page_number_is_a_page_header():
    """"鸡西市公安局" atop each page, under the page number of the one before: no row of the table it falls into (which
    went unread); a name a page opens with twice only stays."""
    page_top = "\n— {} —\n\f鸡西市公安局\n"
    text = ("鸡西市公安局2024年度部门决算\n\n\n\n" + page_top.format(1)
            + "表5 一般公共预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t小计\n栏次\t\t1\n合计\t\t30.00\n"
            + "208\t社会保障和就业支出\t30.00\n" + page_top.format(2) + "2080501\t行政单位离退休\t10.00\n"
            + page_top.format(3) + "2080505\t机关事业单位基本养老保险缴费支出\t20.00\n" + page_top.format(4))
    for pages, read in ((4, True), (2, False)):
        cut = text[:text.index(page_top.format(pages + 1))] if pages < 4 else text
        (table,) = Document(decode_bytes(cut.encode("utf-8"))).tables
        assert (table.problem is None) is read


def test_page_numbers_are_dropped():
    text = "2022年度一般公共预算财政拨款支出年初预算为147.81万元，支出决算为\n\n— 14 —\n\n199.25万元，完成年初预算的134.8%。"
    document = Document(decode_bytes(text.encode("utf-8")))
    assert "支出决算为199.25万元" in document.flow.text
    assert "14" not in document.flow.text.replace("147.81", "")


def test_a_numbered_line_runs_on_into_the_amount_it_names():
    """A short numbered line looks like a heading, but one ending in a name before an amount on
    the next line is a wrapped sentence; a heading before a sentence stays a heading."""
    text = ("（一）收入预算：2024年本年收入合计\n11,000,000.00元，其中：一般公共预算拨款收入\n10,000,000.00元。\n"
            "（二）支出预算情况\n2024年本年支出合计12,345,678.90元。\n")
    flow = Document(decode_bytes(text.encode("utf-8"))).flow.text
    assert "本年收入合计11,000,000.00元，其中：一般公共预算拨款收入10,000,000.00元。" in flow
    assert "（二）支出预算情况\n2024年" in flow.replace("(", "（").replace(")", "）")


def test_an_amount_whose_digits_a_pdf_wrapped_is_joined_and_maps_back():
    """A PDF may wrap a line inside a number ("年初预算为2" + "000.00万元"): the amount is one again, and
    its first digit still points at the end of the first line; amounts of a table row stay apart."""
    text = "年初预算为2\n000.00万元，支出决算为2050.00万元。\n行政运行\t20103\n1,151.77\t1,151.77\n"
    document = Document(decode_bytes(text.encode("utf-8")))
    flow = document.flow.text
    assert "年初预算为2000.00万元，" in flow
    start = flow.index("2000.00")
    span = document.span(start, start + len("2000.00"))
    assert (span.start.line, span.start.column, span.end.line, span.end.column) == (1, 6, 2, 7)
    assert "20103\n1,151.77" in flow


@pytest.mark.parametrize("first, second", [("事业收入3864", "5.27万元，"), ("比上年增加2565.4", "2万元，"), ("支出决算为12345.", "67万元，")])
def test_an_amount_wrapped_after_many_digits_or_inside_its_decimals_is_joined(first, second):
    flow = Document(decode_bytes(f"{first}\n{second}增长7.5%。\n".encode("utf-8"))).flow.text
    assert first + second in flow


def test_a_subject_line_ending_in_a_colon_runs_on_into_its_amount_but_a_list_after_a_colon_does_not():
    """"…博物馆（项）2070205：" over "476.14万元，其中基本支出301.94万元…": one sentence (its 基本支出 was taken for the
    department's, two false CON001); "其中：" over "1.办公费…" stays a list."""
    text = ("（10）文化旅游体育与传媒支出（类）文物（款）博物馆（项）2070205：\n476.14万元，其中基本支出301.94万元。\n"
            "主要用于：\n1.办公费12.00万元。\n")
    flow = Document(decode_bytes(text.encode("utf-8"))).flow.text
    assert "2070205：476.14万元，其中" in flow
    assert "主要用于：\n1.办公费" in flow


def test_a_line_ending_in_a_semicolon_runs_on_unless_a_numbered_item_follows():
    text = ("本年收入合计5,000.00万元，其中：财政拨款收入4,800.00万元，占96%；事业收入150.00万元，占3%；\n"
            "其他收入50.00万元，占1%。\n主要用于：\n（1）办公费；\n（2）印刷费。\n")
    flow = Document(decode_bytes(text.encode("utf-8"))).flow.text
    assert "占3%；其他收入50.00万元" in flow
    assert "办公费；\n" in flow


def test_full_width_thousands_separators_become_ascii_in_amounts_only():
    text = "本年支出合计２，２００．００万元，其中：基本支出８００．００万元。共有3，100家企业参与。\n"
    document = Document(decode_bytes(text.encode("utf-8")))
    flow = document.flow.text
    assert "合计2,200.00万元，其中" in flow and "3，100家" in flow
    start = flow.index("2,200.00万元")
    assert document.span(start, start + 8).quote == "２，２００．００"


def test_tables_stay_on_their_lines():
    text = "201 一般公共服务支出 1,151.77\n20103 政府办公厅 1,140.37\n"
    flow = Document(decode_bytes(text.encode("utf-8"))).flow.text
    assert "1,151.77\n20103" in flow


@pytest.mark.parametrize("text", ["", "a", "a\n", "一\n二", "a\r\nb\rc\n\nd", "\r\n\r\n", "x\ry", "\n", "行\u2028内\x0c页\n"])
def test_lines_break_at_crlf_cr_and_lf_only_and_positions_count_characters(text):
    source = SourceText(text)
    starts = [0] + [match.end() for match in re.finditer(r"\r\n|\r|\n", text)]
    assert source.line_starts == starts
    assert source.lines() == list(zip(starts, re.split(r"\r\n|\r|\n", text)))
    assert [source.position(offset) for offset in starts] == [Position(line, 1) for line in range(1, len(starts) + 1)]


def test_the_documents_title_on_its_first_line_is_a_unit_of_its_own():
    """"某局2024年度部门决算" over the first paragraph: the paragraph's names do not start with the title."""
    from linter.document import Document
    from linter.read import decode_bytes

    text = Document(decode_bytes("萍乡市湘东区卫生健康局2022年度部门决算\n本年支出1246.35万元。\n".encode(), "t.txt")).flow.text
    assert text.split("\n")[:2] == ["萍乡市湘东区卫生健康局2022年度部门决算", "本年支出1246.35万元。"]
    wrapped = Document(decode_bytes("本部门2022年度收入合计\n1246.35万元。\n".encode(), "t.txt")).flow.text
    assert wrapped.startswith("本部门2022年度收入合计1246.35万元")


def test_comma_separated_rows_are_read_as_tab_separated_ones_with_their_offsets():
    """A spreadsheet's rows saved as CSV: separating commas become tabs, quotes spaces (one for one); a lone line
    or a sentence typed with ASCII commas stays as it is."""
    from linter.normalise.delimited import comma_rows_as_tabs

    rows = '科目编码,科目名称,小计\n合计,,"1,234.50"\n'
    text = "本年收入100万元,比上年增加10万元,增长11.1%\n" + rows + "注：本表无数据,故为空表,特此说明。\n"
    converted, starts = comma_rows_as_tabs(text)
    assert len(converted) == len(text) and converted.splitlines()[0] == text.splitlines()[0]
    assert converted.splitlines()[1:3] == ["科目编码\t科目名称\t小计", "合计\t\t 1,234.50 "]
    assert converted.splitlines()[3] == "注：本表无数据,故为空表,特此说明。"
    assert starts == {text.index("科目编码"), text.index("合计")}
    assert comma_rows_as_tabs("a,b,c\n") == ("a,b,c\n", frozenset())
