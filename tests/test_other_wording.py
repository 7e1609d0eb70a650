"""The whole pipeline on disclosures worded and laid out unlike the Wuhan examples: a 决算 that says
收入总计 and 同比, a 预算 in 元 that compares with 执行数, a 三公 section with completion rates and
changes in one sentence, a 收入支出决算总表 printed in 元, a district's 决算 with 均为 totals, shares of
本年收入 and counts broken down after 其中. Each document is consistent: it must draw
no warning or error; each planted slip must be found; and wrapping the narrative as a PDF does
(lines of 24 or 30 characters, never inside a number) must not change what is found."""

from __future__ import annotations

import re

import pytest

from conftest import lint_text
from linter.check.finding import Severity

#: Structure rules are left out: these are excerpts, without all the parts of a disclosure.
CHECKED = ["ARI", "CON", "TBL", "NUM", "LNG", "PUN"]

FINAL = """\
一、收入支出决算总体情况说明
2023年度收入总计2,356.78万元、支出总计2,356.78万元。与2022年度相比，收入总计和支出总计各增加156.78万元，增长7.13%。主要原因是高标准农田建设项目资金增加。
二、收入决算情况说明
2023年度本年收入合计2,100.50万元，其中：财政拨款收入2,000.00万元，占95.21%；其他收入100.50万元，占4.79%。
三、支出决算情况说明
2023年度本年支出合计2,200.00万元，其中：基本支出800.00万元，占36.36%；项目支出1,400.00万元，占63.64%。
四、财政拨款收入支出决算总体情况说明
2023年度财政拨款收入总计2,050.00万元，支出总计2,050.00万元。与2022年度相比，财政拨款收入、支出总计各减少50.00万元，下降2.38%。
五、一般公共预算财政拨款支出决算情况说明
2023年度一般公共预算财政拨款支出1,900.00万元，同比增加90.00万元，增幅4.97%。主要用于以下方面：农林水支出1,500.00万元，占78.95%；社会保障和就业支出250.00万元，占13.16%；卫生健康支出100.00万元，占5.26%；住房保障支出50.00万元，占2.63%。
六、机关运行经费支出说明
2023年度机关运行经费支出100.00万元，与上年相比增加10.00万元，增长11.11%，主要原因是新增办公用房。
七、政府采购支出说明
2023年度政府采购支出总额500.00万元，其中：政府采购货物支出200.00万元、政府采购工程支出100.00万元、政府采购服务支出200.00万元。授予中小企业合同金额400.00万元，占政府采购支出总额的80%，其中：授予小微企业合同金额300.00万元，占授予中小企业合同金额的75%。
"""

BUDGET = """\
一、2024年部门预算收支情况
2024年收入总计12,345,678.90元，支出总计12,345,678.90元，与上年相比，收、支总计各增加1,234,567.89元，增长11.11%。
（一）收入预算：2024年本年收入合计11,000,000.00元，其中：一般公共预算拨款收入10,000,000.00元，占90.91%；其他收入1,000,000.00元，占9.09%。上年结转1,345,678.90元。
（二）支出预算：2024年本年支出合计12,345,678.90元，其中：基本支出8,000,000.00元，占64.8%；项目支出4,345,678.90元，占35.2%。
二、一般公共预算当年拨款情况
2024年一般公共预算当年拨款10,000,000.00元，比2023年执行数增加500,000.00元，增长5.26%。
1.一般公共服务支出（类）市场监督管理事务（款）行政运行（项）2024年预算数为1,800,000.00元，比2023年执行数增加100,000.00元，增长5.88%，主要原因是人员增资。
三、“三公”经费预算情况
2024年“三公”经费预算数为150,000.00元，比上年减少10,000.00元，下降6.25%。其中：因公出国（境）费0元，与上年持平；公务用车购置及运行费100,000.00元，比上年减少5,000.00元，下降4.76%；公务接待费50,000.00元，比上年减少5,000.00元，下降9.09%。
"""

SANGONG = """\
七、“三公”经费财政拨款支出决算情况说明
2023年度“三公”经费财政拨款支出决算为18.60万元，完成预算的93%，比上年决算增加2.60万元，增长16.25%，决算数小于预算数的主要原因是厉行节约。其中：
（一）因公出国（境）费支出决算为0万元，全年未安排因公出国（境）。
（二）公务用车购置及运行维护费支出决算为12.60万元，完成预算的90%，比上年决算增加2.60万元，增长26%。其中：公务用车购置费0万元；公务用车运行维护费12.60万元，主要用于车辆燃料费、维修费、保险费。
（三）公务接待费支出决算为6.00万元，完成预算的100%，与上年持平。
一、部门职责
负责全县农机购置补贴、耕地地力保护补贴的发放，推进撂荒地整治。开展爱国卫生月活动，组织病媒生物防制；加强职业病防治。
"""

YUAN_TABLE = """\
2023年度收入支出决算总表（表1）
单位：元
收 入\t\t\t支 出\t\t
项 目\t行次\t决算数\t项 目\t行次\t决算数
栏次\t\t1\t栏次\t\t2
一、一般公共预算财政拨款收入\t1\t12,345,678.91\t一、一般公共服务支出\t31\t13,345,678.91
六、其他收入\t6\t1,000,000.00\t\t\t
本年收入合计\t7\t13,345,678.91\t本年支出合计\t34\t13,345,678.91
年初结转和结余\t9\t500,000.00\t年末结转和结余\t36\t500,000.00
总计\t10\t13,845,678.91\t总计\t37\t13,845,678.91
一、收入支出决算总体情况说明
2023年度收、支总计均为1,384.57万元。与2022年度相比，收、支总计各增加84.57万元，增长6.51%。
"""

DISTRICT = """\
一、收入支出决算总体情况说明
2023年度收、支总计均为3,210.45万元。与2022年度相比，收、支总计各减少210.55万元，下降6.15%。主要原因是一次性项目资金在本年不再安排。
二、收入决算情况说明
本年收入合计3,000.00万元，其中：财政拨款收入2,900.00万元，占本年收入96.67%；其他收入100.00万元，占本年收入3.33%。
三、支出决算情况说明
本年支出合计3,100.00万元，其中：基本支出2,000.00万元，占本年支出64.52%；项目支出1,100.00万元，占本年支出35.48%。
四、财政拨款收入支出决算总体情况说明
2023年度财政拨款收、支总计均为3,010.45万元。与2022年度相比，财政拨款收、支总计各减少190.00万元，下降5.94%。
五、一般公共预算财政拨款支出决算情况说明
2023年度一般公共预算财政拨款支出2,950.00万元，占本年支出合计的95.16%。一般公共预算财政拨款支出主要用于以下方面：农林水支出2,500.00万元，占84.75%；社会保障和就业支出300.00万元，占10.17%；住房保障支出150.00万元，占5.08%。
1.农林水支出（类）农业农村（款）行政运行（项）。年初预算为500.00万元，支出决算为520.00万元，完成年初预算的104%。决算数大于年初预算数的主要原因是人员增资。
2.农林水支出（类）农业农村（款）病虫害控制（项）。年初预算为200.00万元，支出决算为180.00万元，完成年初预算的90%。决算数小于年初预算数的主要原因是项目结余。
六、一般公共预算财政拨款基本支出决算情况说明
2023年度一般公共预算财政拨款基本支出1,950.00万元，其中：人员经费1,600.00万元，主要包括：基本工资、津贴补贴；公用经费350.00万元，主要包括：办公费、差旅费。
七、国有资产占用情况说明
截至2023年12月31日，共有车辆5辆，其中：一般公务用车2辆、执法执勤用车3辆、其他用车0辆。实有人员28人，其中：在职人员25人，离退休人员3人。
"""

DOCUMENTS = {"final": FINAL, "budget": BUDGET, "sangong": SANGONG, "yuan_table": YUAN_TABLE, "district": DISTRICT}

#: (document, text as written, slip, rule that must report it, quoted text)
SLIPS = [
    ("final", "增长7.13%", "增长7.31%", "ARI002", "7.31%"),
    ("final", "占36.36%", "占63.36%", "ARI001", "63.36%"),
    ("final", "增幅4.97%", "增幅5.97%", "ARI002", "5.97%"),
    ("final", "增长11.11%", "增长12.11%", "ARI002", "12.11%"),
    ("final", "的75%", "的70%", "ARI001", "70%"),
    ("final", "基本支出800.00万元", "基本支出900.00万元", "ARI004", "2,200.00万元"),
    ("budget", "占90.91%", "占90.19%", "ARI001", "90.19%"),
    ("budget", "增长5.26%", "增长5.62%", "ARI002", "5.62%"),
    ("budget", "增长5.88%", "增长6.88%", "ARI002", "6.88%"),
    ("budget", "下降6.25%", "下降6.5%", "ARI002", "6.5%"),
    ("sangong", "增长16.25%", "增长16.5%", "ARI002", "16.5%"),
    ("sangong", "增长26%", "增长24%", "ARI002", "24%"),
    ("sangong", "公务接待费支出决算为6.00万元", "公务接待费支出决算为7.00万元", "ARI004", "18.60万元"),
    ("sangong", "发放，推进", "发放，推进推进", "LNG003", "推进推进"),
    ("yuan_table", "均为1,384.57万元", "均为1,385.57万元", "TBL006", "1,385.57万元"),
    ("district", "下降6.15%", "下降6.51%", "ARI002", "6.51%"),
    ("district", "下降5.94%", "下降5.49%", "ARI002", "5.49%"),
    ("district", "预算的104%", "预算的140%", "ARI003", "140%"),
    ("district", "占84.75%", "占87.45%", "ARI001", "87.45%"),
    ("district", "人员经费1,600.00万元", "人员经费1,700.00万元", "ARI004", "1,950.00万元"),
    ("district", "病虫害控制", "病虫害空制", "LNG001", "空制"),
    ("district", "其他用车0辆", "其他用车1辆", "ARI004", "5辆"),
    ("district", "执法执勤用车3辆", "执法执勤用车2辆", "ARI005", "5辆"),
    ("district", "离退休人员3人", "离退休人员4人", "ARI004", "28人"),
]


def _reported(text: str) -> list[tuple[str, str]]:
    """``(code, quote)`` of every warning and error of the checked rules."""
    return sorted((f.code, f.span.quote) for f in lint_text(text, CHECKED) if f.severity >= Severity.WARNING)


def _wrapped(text: str, width: int) -> str:
    """The narrative wrapped at ``width`` characters as a PDF's text layer gives it (table rows,
    with their tabs, are left whole), never inside a number."""
    lines = []
    for line in text.split("\n"):
        if "\t" in line:
            lines.append(line)
            continue
        current = ""
        for piece in re.findall(r"[\d,.]+%?(?:万元|元)?|.", line):
            if current and len(current) + len(piece) > width:
                lines.append(current)
                current = ""
            current += piece
        lines.append(current)
    return "\n".join(lines)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_consistent_document_draws_no_warning_or_error(name):
    assert _reported(DOCUMENTS[name]) == []


@pytest.mark.parametrize("name,written,slip,code,quote", SLIPS, ids=[f"{s[0]}-{s[3]}-{s[2]}" for s in SLIPS])
def test_each_slip_is_found(name, written, slip, code, quote):
    assert DOCUMENTS[name].count(written) == 1
    assert (code, quote) in _reported(DOCUMENTS[name].replace(written, slip))


@pytest.mark.parametrize("width", [24, 30])
@pytest.mark.parametrize("name,written,slip,code,quote", SLIPS, ids=[f"{s[0]}-{s[3]}-{s[2]}" for s in SLIPS])
def test_wrapping_the_narrative_changes_nothing_found(width, name, written, slip, code, quote):
    text = DOCUMENTS[name].replace(written, slip)
    codes = [c for c, _ in _reported(text)]
    assert [c for c, _ in _reported(_wrapped(text, width))] == codes
