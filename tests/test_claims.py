"""The grammar's sentence families, on hand-written snippets."""

from __future__ import annotations

import pytest

from linter.document import Document
from linter.read import decode_bytes


def claims_of(text: str):
    return Document(decode_bytes(text.encode("utf-8"), "snippet.txt")).claims


def test_change_with_comparison_year():
    claims = claims_of("2022年度收、支总计199.25万元。与2021年度相比，收、支总计各增加144.11万元，增长261.4%，主要原因是业务量增加。")
    (change,) = claims.changes
    assert (change.key, change.sign, change.delta.value, change.rate.value) == (("部门", "收支总计"), 1, 144.11, 261.4)


def test_change_than_with_current_amount():
    claims = claims_of("2024年部门收入预算1316.82万元，比2023年预算减少53.37万元，下降3.9%，主要是压减了项目预算。")
    (change,) = claims.changes
    assert change.current.number.value == 1316.82
    assert (change.key, change.sign, change.delta.value, change.rate_sign) == (("部门", "收入"), -1, 53.37, -1)


def test_change_without_rate():
    claims = claims_of("一般公共预算财政拨款收入199.25万元，比2021年度决算数增加28.75万元。")
    (change,) = claims.changes
    assert change.rate is None and change.key == ("一般公共预算财政拨款", "收入")


def test_shares_after_qizhong_take_the_whole_before_it():
    claims = claims_of("2022年度支出合计199.25万元。其中：基本支出188.25万元，占本年支出94.5%；项目支出11万元，占本年支出5.5%。")
    assert [s.percent.value for s in claims.shares] == [94.5, 5.5]
    (breakdown,) = claims.breakdowns
    assert breakdown.whole.number.value == 199.25
    assert [p.number.value for p in breakdown.parts] == [188.25, 11]


def test_numbered_list_shares_take_the_lead_total():
    claims = claims_of("2022年度一般公共预算财政拨款支出199.25万元，主要用于以下方面：\n"
                       "1.一般公共服务(类)支出170.61万元，占85.6%。主要是用于网信事务。\n"
                       "2.住房保障支出(类)支出28.64万元，占14.4%。")
    assert [s.whole.number.value for s in claims.shares] == [199.25, 199.25]


def test_named_whole_of_a_procurement_share():
    claims = claims_of("授予中小企业合同金额1854.9万元，占政府采购支出总额的23.6%。")
    (share,) = claims.shares
    assert share.whole_name == "政府采购支出总额" and share.whole_key == ("部门", "政府采购支出")


def test_completion_with_subject_on_the_previous_sentence():
    claims = claims_of("2022年度一般公共预算财政拨款支出年初预算为147.81万元，支出决算为199.25万元，完成年初预算的134.8%。\n"
                       "1.一般公共服务支出(类)网信事务(款)事业运行(项)。年初预算为119.17万元，支出决算为170.61万元，"
                       "完成年初预算的143.2%，支出决算数大于年初预算数的主要原因：业务量增加。")
    total, item = claims.completions
    assert (total.budget.value, total.actual.value, total.rate.value, total.level) == (147.81, 199.25, 134.8, "")
    assert item.level == "项" and item.direction == "支出决算数大于年初预算数"
    assert claims.completion_groups[0].items == [item]


def test_completion_without_budget():
    claims = claims_of("2.文化旅游体育与传媒支出(类)。年初无预算，支出决算为24.50万元。")
    (completion,) = claims.completions
    assert completion.budget is None and completion.actual.value == 24.5


def test_basic_expenditure_split():
    claims = claims_of("2022年度一般公共预算财政拨款基本支出188.25万元，其中：\n人员经费141.96万元，主要包括：基本工资。\n"
                       "公用经费46.29万元，主要包括：办公费。")
    keys = {v.key: v.number.value for v in claims.values}
    assert keys[("一般公共预算财政拨款", "人员经费")] == 141.96
    assert keys[("一般公共预算财政拨款", "公用经费")] == 46.29


@pytest.mark.parametrize("text,budget,actual,rate", [
    ("项目全年预算数为11万元，执行数为11万元，完成预算的100%。", 11, 11, 100),
    ("项目转入预算数为489.75万元，执行数为408.13万元，完成预算的83.3%。", 489.75, 408.13, 83.3),
    ("项目预算162.27万元，大数据中心实际支付161.73万元，执行率99.4%。", 162.27, 161.73, 99.4),
    ("支出预算数76.05万元，预算调整数2112.76万元，实际支出1569.06万元，执行率为74.0%。", 2112.76, 1569.06, 74.0),
])
def test_project_execution(text, budget, actual, rate):
    (execution,) = claims_of(text).executions
    assert (execution.budget.value, execution.actual.value, execution.rate.value) == (budget, actual, rate)


def test_unrecognised_sentences_are_skipped():
    claims = claims_of("截至11月23日我区已完成场所码部署29955个，其中盘龙城地区场所码7580个。主要原因是业务量增加。")
    assert not (claims.values or claims.shares or claims.changes or claims.completions or claims.executions)


def test_adjusted_execution_needs_to_say_which_budget():
    assert not claims_of("支出预算数76.05万元，另一数2112.76万元，实际支出1569.06万元，执行率为74.0%。").executions


def test_claims_with_a_malformed_amount_are_skipped():
    assert not claims_of("年初预算为1,0915.3万元，支出决算为852.68万元，完成年初预算的78.1%。").completions


def test_a_change_is_never_a_level():
    claims = claims_of("与上年相比，增加基本支出12.5万元。项目支出减少8万元。差值为15.1万元，其中：基本支出60.1万元。")
    assert not [v for v in claims.values if v.key and v.key[1] in ("基本支出", "项目支出") and v.number.value in (12.5, 8)]
    assert not claims.breakdowns  # 差值 is budget − actual, not a whole with parts


@pytest.mark.parametrize("text,kind,value", [
    ("年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，完成全年预算的95.89%。", "全年", 321.02),
    ("年初预算为40.16万元，支出决算为41.72万元，完成年初预算的103.9%。", "年初", 40.16),
])
def test_completion_takes_the_budget_its_rate_names(text, kind, value):
    (completion,) = claims_of(text).completions
    assert (completion.budget_kind, completion.budget.value) == (kind, value)


@pytest.mark.parametrize("text,sign,delta,rate", [
    ("本年收入合计1,106.8万元，同比减少93.2万元，下降7.8%。", -1, 93.2, 7.8),
    ("本年支出合计2,260万元，较去年增加260万元，增幅为13.0%。", 1, 260, 13.0),
    ("2019年部门支出预算318.4万元，比上年预算增加12.5万元，增长4.1%。", 1, 12.5, 4.1),
])
def test_budget_and_final_account_change_wordings(text, sign, delta, rate):
    (change,) = claims_of(text).changes
    assert (change.sign, change.delta.value, change.rate.value) == (sign, delta, rate)


def test_sangong_parts_are_quantities_and_meeting_costs_are_not():
    claims = claims_of("“三公”经费财政拨款支出12.6万元，其中：因公出国（境）费1万元，公务接待费3.2万元，会议费6.5万元。")
    (breakdown,) = claims.breakdowns
    assert [p.key[1] for p in breakdown.parts] == ["因公出国(境)费", "公务接待费"]


def test_numbers_listed_after_decimals_are_two_amounts():
    from linter.extract.numbers import find_numbers

    numbers = find_numbers("分别为1234.56,2345.67万元，另有1,2345.6万元")
    assert [(n.text, n.unit, n.malformed) for n in numbers] == [
        ("1234.56", "万元", False), ("2345.67", "万元", False), ("1,2345.6", "万元", True)
    ]


def test_the_year_stated_first_is_the_documents_year_when_two_years_are_stated_equally_often():
    from linter.check.arith import QuantityIndex

    document = Document(decode_bytes("2022年度收入合计199.25万元。2021年度支出合计100.00万元。".encode("utf-8"), "snippet.txt"))
    assert list(QuantityIndex.of(document).by_key) == [("部门", "收入")]



def test_an_overflowing_ratio_is_never_called_cut_off():
    """A ratio of extreme printed numbers overflows to infinity: it is not a cut-off rate, and
    judging it raises nothing (found by the fuzz suite)."""
    from linter.check.arith import truncated
    from linter.extract.numbers import Number

    stated = Number("100.0", "%", 0, 5, 100.0, 1)
    assert truncated(float("inf"), stated) is False
    assert truncated(99.97, Number("99.9", "%", 0, 4, 99.9, 1)) is True


@pytest.mark.parametrize("compare, basis", [("与上年相比", ""), ("与2021年度预算相比", "预算"), ("与上年预算数相比", "预算")])
def test_a_change_after_an_amount_keeps_the_basis_its_comparison_names(compare, basis):
    claims = claims_of(f"公务接待费支出3.50万元，{compare}，增加1.50万元，增长75%。")
    (change,) = [c for c in claims.changes if c.key]
    assert change.basis == basis


@pytest.mark.parametrize("part", [
    "第五部分  附件：远安县公路事业发展中心2024年度单位决算情况说明（摘要）",
    "第二部分  单位预算\n一、远安县交通运输局（本级）2024年度单位决算",
    "二、远安县公路事业发展中心2024年度单位决算",
])
def test_a_part_on_units_own_accounts_is_found_past_its_entry_in_the_contents(part):
    """The units' accounts begin at the part's heading, not at its entry in the 目录 (which the heading repeats), nor at a
    heading of the department's own 部门决算."""
    contents = "目  录\n" + part.split("\n")[0] + "\n"
    text = f"远安县交通运输局\n2024年度部门决算\n{contents}第一部分 远安县交通运输局2024年度部门决算情况说明\n一、收支总计\n{part}\n二、收支\n"
    document = Document(decode_bytes(text.encode("utf-8"), "snippet.txt"))
    heading = part.split("\n")[0].replace("  ", "").replace("（", "(").replace("）", ")")
    assert document.claims.other_units_from == document.flow.text.rindex(heading)
