"""TBL006 text-table-amount."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

import regex

from linter.check.finding import Severity
from linter.check.arith import percent_matches, ratio_text
from linter.check.interval import amount_interval
from linter.check.rule import Rule
from linter.i18n import _
from linter.extract.numbers import Number, parse_signed
from linter.extract.quantities import NON_FISCAL, OTHER_SOURCES, in_last_years_aside, organisation_of
from linter.extract.subjects import CLASS_HEADING, class_code, codes_named, normal_name
from linter.extract.tables import (
    BASIC, EXPENDITURE, FISCAL, FUND, GENERAL, INCOME, SANGONG_COLUMNS, STATE_CAPITAL, SUMMARY, THREE_PUBLIC, Row,
    Table,
    basic_part_cells, basic_side, operating_cost_column, sangong_blocks, sangong_kind,
)
from linter.patterns import compile_re
from linter.rules.shared import names_another_year, original_year, tables_kind_and_year
from linter.rules.tables.common import (
    GAP, YUAN, amount, basic_split, carries_over, cell_span, compare, first, gap_finding, general_appropriation, in_unit, income_columns,
    identity_gives, project_spending_column, row_above, row_label, rows_under,
)
from linter.rules.tables.narrative import AMOUNT, EXPENSE_LIST, expense_items, same_item, section_lines, sentence_before

_CJK = r"[\u4e00-\u9fff]"
#: What a 决算 says of its budget before the amount spent ("年初预算为…，", "年初未安排预算，").
_BUDGET_SAID = (r"年初(?:预算为?[\d,.]+万?元|无预算|未安排预算|没有安排预算|未列预算)[，,。]"
                r"(?:(?:全年|调整后?的?)预算(?:数)?为?[\d,.]+万?元[，,。])?")  # (Hunan's 全年预算 after it)
_DECISION = rf"(?:[。：:，,]?(?:{_BUDGET_SAID})?支出决算为)?"
#: "一般公共服务(类)支出821.73万元", "卫生健康支出(类)支出7.6万元", "社会保障和就业支出26.71万元",
#: "城乡社区支出(类)：支出决算为690.4万元", "(二)其他支出。支出决算为6940.59万元".
_CLASS = compile_re(rf"(?<!{_CJK})(?P<name>{_CJK}{{2,16}}?)(?:\(类\))?(?:支出)?(?:\(类\))?(?:支出)?{_DECISION}{AMOUNT}")
#: A 项 named with its 类 and 款: "一般公共服务支出(类)网信事务(款)事业运行(项)", also of a 款 named with "(室)"
#: ("政府办公厅(室)及相关机构事务(款)") and as Shanghai quotes the subject ("“…(项)”科目", "“…(项)”2025年预算数为…"), or with
#: its code after it ("…事业运行(项)(2130104)2026年预算数为…", Jiangxi's).
_ITEM_PATH = (rf"(?<!{_CJK})(?P<name>{_CJK}{{2,16}}?)(?:支出)?\(类\)(?P<kuan>(?:[^()。，]|\(室\)){{2,30}}?)\(款\)"
              rf"(?P<xiang>(?:[^()。，]|\(室\)){{2,30}}?)\(项\)(?:\(\d{{7}}\))?(?:[”\"]?科目|[”\"])?")
#: Its amount spent: "…(项)。年初预算为1060.58万元，支出决算为760.05万元" (为 or not), "…(项)：年初未安排预算，决算数为…",
#: "…(项)决算数为36.54万元".
_ITEM = compile_re(rf"{_ITEM_PATH}[。，,：:]?(?:{_BUDGET_SAID})?(?:支出决算数?|(?<=[，,)])决算数?)[为是]?{AMOUNT}")
#: A 款 and 项 listed under a 类 named before them ("…（类）4138.72万元。其中：应用研究（款）社会公益研究（项）
#: 680.00万元"), with the 类 that names them (the last before), also a numbered line each under a line naming the
#: 类 ("（一）卫生健康支出（类）436.06万元。其中：" then "1.行政事业单位医疗（款）事业单位医疗（项）84.54万元。").
_ITEM_UNDER_CLASS = compile_re(rf"(?:(?<=[：:；;，,])|(?<=^\d[.．、])|(?<=^\d\d[.．、]))(?P<kuan>{_CJK}{{2,30}}?)\(款\)(?P<xiang>(?:[^()。，]|\(室\)){{2,30}}?)\(项\)"
                               rf"[，,：:]?(?:20\d{{2}}年度?)?(?:预算数?|预算安排|支出决算|支出)?为?{AMOUNT}")
_CLASS_NAMED = compile_re(rf"(?<!{_CJK})(?P<name>{_CJK}{{2,16}}?)(?:支出)?\(类\)")
#: In a 决算, its amount spent printed right after it: "…(项)258.60万元，主要用于征地补偿".
_SPENT_ITEM = compile_re(rf"{_ITEM_PATH}[，,：:]?{AMOUNT}")
#: Its budget, in a 预算: "…(项)2025年预算数为1026.36万元", "…(项)568.9万元，主要用于…".
_BUDGET_ITEM = compile_re(rf"{_ITEM_PATH}[，,：:]?(?:20\d{{2}}年度?)?(?:预算数?|预算安排)?为?{AMOUNT}")
#: A 项 named alone, in a 预算: "城乡社区环境卫生（项）2025年预算数8,771.60万元" (not the end of a path: after "(款)").
_BUDGET_ITEM_ALONE = compile_re(rf"(?:(?<=^\(\d\))|(?<=^\(\d\d\))|(?<![)\w]))(?P<name>{_CJK}{{2,20}}?)\(项\)[，,：:]?(?:20\d{{2}}年度?)?(?:预算数?|预算安排)?为?{AMOUNT}")
#: A subject named with its code in brackets: "事业运行（2010350）321.56万元", "行政运行(2130101)预算为50万元".
_CODED = compile_re(rf"(?<!{_CJK})(?P<name>{_CJK}{{2,20}}?)\((?P<code>\d{{3}}(?:\d{{2}}){{0,2}})\)(?:支出)?"
                    rf"(?:(?:年初)?预算数?)?(?:[为是])?{AMOUNT}")

#: Not after a fund's or a source's name ("财政拨款项目支出", "其他资金基本支出").
_OF_ALL_FUNDS = r"(?<!拨款)(?<!资金)"
#: Before a side's 合计 of all the department's money: nothing, or the year, the department or 本年 ("2025年收入合计",
#: "本部门支出合计", "本年支出合计").
_OWN_TOTAL = r"(?:(?<![\u4e00-\u9fff])|(?<=[年度门位局委办院厅心站所会]))(?:本年)?"
#: A fund (or the 财政拨款 of all funds) named before an amount: the amount is of that money only.
_ONE_FUND = compile_re(r"一般公共预算|财政拨款|政府性基金|国有资本经营")
#: An amount of one unit, or of some units, of the department ("局机关本级…", "二级预算单位…").
_ONE_UNITS = compile_re(r"本级|二级(?:预算)?单位|下属单位|所属单位")
#: A sentence going through the department's units one by one ("分单位看，湘滨县水利局机关收入预算…；…中心收入预算…").
_BY_UNIT = compile_re(r"分(?:预算)?单位(?:看|来看|情况)?[，,：:]")
#: One fund's spending named ("一般公共预算拨款支出预算…"): a 收支总表's 支出 rows are of every fund.
_FUND_SPENDING = compile_re(r"(?:一般公共预算|财政拨款|政府性基金|国有资本经营)[^，,。；;\d]{0,6}支出")
#: Per section: (pattern, table kind, row chooser, column chooser) for totals.
#: The row key of a side's total of the year, in a 预算 that may mean its 本年…合计 or its 总计.
_YEARS_TOTAL = "本年或总计"
_TOTALS = {
    # "收入、支出决算总计" (the national 决算's wording) states both sides at once: read as the 收入 side.
    SUMMARY: [(r"(?<!拨款)收、?支(?:(?:决算|预算)?总计|总预算)", SUMMARY, ("总计", "收入"), 1),
              (r"(?<!拨款)收入、?支出(?:决算|预算)?总计", SUMMARY, ("总计", "收入"), 1),
              # Not one source's ("单位资金收入预算总计0.00万元", as Jiangsu lists each source).
              (r"(?<!拨款)(?<!资金)(?<!事业)(?<!经营)(?<!其他)(?<!补助)(?<!上缴)(?<!本年)收入(?:(?:预算|决算)?总计|总预算)", SUMMARY,
               ("总计", "收入"), 1),
              (r"(?<!拨款)(?<![、入])(?<!本年)支出(?:(?:预算|决算)?总计|总预算)", SUMMARY, ("总计", "支出"), 2),
              # The year's own 收入 and 支出 (the 收支总表's 本年收入合计 and 本年支出合计 rows), 合计 or not, or
              # 总计 as Jiangsu writes it ("本年收入总计3,321.14万元" beside "收入预算总计3,366.14万元").
              (r"(?<!拨款)(?<!预算)本年收入(?:总计)?", SUMMARY, ("本年收入合计", "收入"), 1),
              (r"(?<!拨款)(?<!预算)本年支出(?:总计)?", SUMMARY, ("本年支出合计", "支出"), 2),
              # …also without 本年 ("2024年度收入合计1189.65万元"), not a source's or a fund's.
              (r"(?<![本款算金业营他助缴])收入合计", SUMMARY, ("本年收入合计", "收入"), 1),
              (r"(?<![本款算金目费])支出合计", SUMMARY, ("本年支出合计", "支出"), 2),
              # A 预算's "某局收入预算…，支出预算…": the side's total of the year, which is its 总计 when nothing
              # was carried over (else it may be either: not compared).
              (r"(?<=[年门位局委办院厅心站所会])收入预算(?:总额)?", SUMMARY, (_YEARS_TOTAL, "收入"), 1),
              (r"(?<=[年门位局委办院厅心站所会])支出预算(?:总额)?", SUMMARY, (_YEARS_TOTAL, "支出"), 2),
              # The spending by its nature, of all funds ("支出预算2575.15万元。按支出性质分，基本支出1448.65万元"): the 支出表's.
              # Not a source's part ("事业收入…，其中：用于基本支出456,400.00元").
              (rf"(?<!用于){_OF_ALL_FUNDS}基本支出", EXPENDITURE, None, 2), (rf"(?<!用于){_OF_ALL_FUNDS}项目支出", EXPENDITURE, None, 3)],
    # 财政拨款收入, not one of its funds ("一般公共预算财政拨款收入"), which the 收入表 does not print apart.
    # "本部门收入预算…", "2025年收入预算…": a 预算's 收入合计.
    # (not a part's named subtotal: "财政拨款收入合计8771.45万元", "债务还本付息支出合计7232.45万元")
    INCOME: [(rf"{_OWN_TOTAL}收入合计|(?<=[年门位])收入预算(?:总额|总计)?", INCOME, None, 1),
             (r"(?<!非)(?<!预算)财政拨款收入", INCOME, None, "fiscal")],
    # All funds' spending, not one fund's share ("项目支出…，其中：一般公共预算财政拨款项目支出…，其他资金项目支出…").
    # ("项目支出合计…": the 项目支出 column's, not the 合计's)
    EXPENDITURE: [(rf"{_OWN_TOTAL}支出合计|(?<=[年门位])支出预算(?:总额|总计)?", EXPENDITURE, None, 1), (rf"{_OF_ALL_FUNDS}基本支出", EXPENDITURE, None, 2),
                  (rf"{_OF_ALL_FUNDS}项目支出", EXPENDITURE, None, 3)],
    # 财政拨款收、支总计, not one fund's ("一般公共预算财政拨款收、支总计各为…", a column of its own).
    FISCAL: [(r"(?<!预算)财政拨款收、?支(?:(?:决算|预算)?总计|总预算)|(?<!预算)财政拨款收入、?支出(?:决算)?总计", FISCAL, ("总计", "收入"), 1),
             (r"一般公共预算财政拨款收入", FISCAL, 1, 1), (r"政府性基金预算财政拨款收入", FISCAL, 2, 1),
             # 财政拨款收入 and 支出 of the year, not one fund's: 表4's 本年收入合计 and 本年支出合计.
             (r"(?<![预算非])财政拨款(?:本年)?收入(?:合计)?(?:决算数?)?", FISCAL, ("本年收入合计", "收入"), 1),
             (r"(?<![预算非])财政拨款(?:本年)?支出(?:合计)?(?:决算数?)?", FISCAL, ("本年支出合计", "支出"), 2)],
    GENERAL: [(r"(?:一般公共预算)?财政拨款支出|一般公共预算(?:拨款)?支出", GENERAL, None, 1),
              (r"一般公共预算当年拨款(?:规模)?(?:预算)?(?:数)?", GENERAL, None, 1),  # a 预算's wording of the table's 合计
              (r"财政拨款支出年初预算为[\d,.]+万?元[，,]支出决算为", GENERAL, None, 1),
              (r"基本支出", GENERAL, None, 2), (r"项目支出", GENERAL, None, 3),
              # The 基本支出's parts ("1.基本支出2128.36万元，其中：人员经费1691.52万元；公用经费436.84万元").
              (r"基本支出[^。；]{0,30}?(?<!人均)(?<!平均)(?<!生均)(?<!户均)人员经费(?:支出)?", BASIC, "人员经费合计", 1),
              (r"基本支出[^。；]{0,60}?(?<!人均)(?<!平均)(?<!生均)(?<!户均)公用经费(?:支出)?", BASIC, "公用经费合计", 1),
              # …or on a line of their own after the 基本支出's ("…基本支出491.53万元，…。其中：" then "人员经费437.53万元，主要
              # 包括…；公用经费54.00万元")
              (r"^人员经费(?:支出)?", BASIC, "人员经费合计", 1),
              (r"^人员经费[^。]{0,300}?[；;]公用经费(?:支出)?", BASIC, "公用经费合计", 1)],
    BASIC: [(r"基本支出", GENERAL, None, 2), (r"(?<!人均)(?<!平均)(?<!生均)(?<!户均)人员经费(?:支出)?", BASIC, "人员经费合计", 1),
            (r"(?<!人均)(?<!平均)(?<!生均)(?<!户均)公用经费(?:支出)?", BASIC, "公用经费合计", 1)],
    FUND: [(r"本年收入|政府性基金预算财政拨款收入", FUND, None, "income"),
           (r"本年支出|政府性基金(?:预算)?(?:财政)?(?:拨款)?支出(?:预算)?(?:支出)?|(?<=[，,])支出", FUND, None, "spending"),
           # "政府性基金预算拨款42660.00万元": in a 预算 (a table of the fund's spending) what it spends.
           (r"政府性基金预算(?:财政)?拨款(?!收入|支出)", FUND, None, "allocated"),
           (r"年初结转和结余", FUND, None, "opening"), (r"年末结转和结余", FUND, None, "closing")],
    STATE_CAPITAL: [(r"本年收入|国有资本经营预算财政拨款收入", STATE_CAPITAL, None, "income"),
                    (r"本年支出|国有资本经营(?:预算)?(?:财政)?(?:拨款)?支出(?:预算)?(?:支出)?|(?<=[，,])支出", STATE_CAPITAL,
                     None, "spending"),
                    (r"年初结转和结余", STATE_CAPITAL, None, "opening"), (r"年末结转和结余", STATE_CAPITAL, None, "closing")],
}


def _parent_less_siblings(context, table, row, amount_of) -> float | None:
    """A 款 or 项 row's ``amount_of`` as its parent row and its siblings give it (the 款 row's less the other 项 rows
    under it); None when the table prints no parent, one of them has no amount there, or a sibling's own cells disagree
    (its 小计 not 基本支出 + 项目支出: another slip, no evidence)."""
    if not row.code or len(row.code) not in (5, 7):
        return None
    parent = row_above(table, row)
    others = [other for other in table.rows if other.code != row.code and other.code
              and len(other.code) == len(row.code) and other.code.startswith(row.code[:-2])]
    siblings = [amount_of(other) for other in others]
    if parent is None or amount_of(parent) is None or None in siblings \
            or any(_disagrees_with_itself(context, table, other) for other in others):
        return None
    return amount_of(parent) - sum(siblings)


def _disagrees_with_itself(context, table, row) -> bool:
    """Whether a column identity of ``table`` gives ``row``'s target cell otherwise than it prints it."""
    for identity in table.identities:
        if identity.axis == "栏" and (printed := row.amount(identity.target)) is not None \
                and (given := identity_gives(row, identity, identity.target)) is not None \
                and compare(printed, given, len(identity.terms), context.tolerances, table.resolution) == GAP:
            return True
    return False


def _by_other_columns(table, row, column) -> tuple[float, int] | None:
    """``row``'s amount in ``column`` as the first column identity of ``table`` naming it gives it from the row's other
    cells (see :func:`identity_gives`), and how many terms it adds; None when none does."""
    return next(((given, len(identity.terms)) for identity in table.identities
                 if identity.axis == "栏" and identity.target in table.side_columns(row.side)
                 and (given := identity_gives(row, identity, column)) is not None), None)


def _by_other_rows(table, row, column) -> tuple[float, int] | None:
    """``row``'s amount in ``column`` as the first row identity of ``table`` naming its 行次 gives it from the other rows
    of its side (总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余; a row left blank counting 0), and how many terms it
    adds; None when none does, or a row it needs is not printed."""
    for identity in table.identities:
        terms = {number: sign for sign, number in identity.terms}
        mine = row.line_no
        if identity.axis != "行" or mine is None or (mine != identity.target and mine not in terms) \
                or len(terms) != len(identity.terms):
            continue
        others = {number: table.row_by_line_no(number, row.side) for number in (identity.target, *terms) if number != mine}
        if None in others.values():
            continue
        amounts = {number: other.amount(column) or 0.0 for number, other in others.items()}
        rest = sum(sign * amounts[number] for number, sign in terms.items() if number != mine)
        return (rest if mine == identity.target else terms[mine] * (amounts[identity.target] - rest)), len(terms)
    return None


#: Words joining the items of a list before a total ("A、B和C合计").
_LISTED = compile_re(r"[、和及与]")


def _items_added_up(line: str, position: int) -> bool:
    """Whether the clause before ``position`` lists items joined before their total ("上级补助收入、
    经营收入和其他收入合计"); a department's name joining words ("住房和城乡建设局") lists none, nor does an
    equation's side ("…＋本年收入56,806.92万元＝本年支出…")."""
    start = max(*(line.rfind(mark, 0, position) for mark in "，；。+="), 0)
    clause = _YEAR_OR_MARK.sub("", line[start:position])
    # (the organisation read with the words after it: "沂泉县教育和体育局2025年政府性基金…" names one)
    organisation = organisation_of(_YEAR_OR_MARK.sub("", line[start:])) or ""
    return _LISTED.search(clause.removeprefix(organisation)) is not None


#: A year and a list mark, left out before looking for the department's name.
_YEAR_OR_MARK = compile_re(r"^[，；。\s]*(?:[(（]?[一二三四五六七八九十\d]+[)）、.．])?|20\d{2}年度?")
#: :data:`_TOTALS` with each pattern compiled followed by its amount ("收、支总计均为X万元", "项目支出合计X万元"),
#: and whether it is 项目支出.
_TOTAL_AMOUNTS = {
    kind: [(compile_re(rf"(?:{pattern})(?:合计)?(?:[均各]?为)?{AMOUNT}"), pattern == r"项目支出", *rest) for pattern, *rest in totals]
    for kind, totals in _TOTALS.items()
}


#: The 三公 quantities in the order of the columns of a block of the 三公 table (合计, 因公出国(境)费(用),
#: 公务用车购置及运行(维护)费, its 购置费 and 运行(维护)费, 公务接待费).
_SANGONG_NAMES = (r"三公”?经费", r"因公出国\(境\)费(?:用)?", r"公务用车购置及运行(?:维护)?费", r"公务用车购置费",
                  r"公务用车运行(?:维护)?费", r"公务接待费(?:用)?")
#: Each as a change's name may hold it ("1.因公出国（境）费预算支出").
_SANGONG_NAME_PATTERNS = [compile_re(name) for name in _SANGONG_NAMES]
#: A name not part of a sub-item's ("国内公务接待费", "国(境)外公务接待费" under 公务接待费).
_WHOLE_NAME = r"(?<![内外])"
#: Each with its amount, spent ("公务接待费支出决算为8万元", "公务接待费：支出决算为8万元", also after its budget: "“三公”经费财政拨款支出年初
#: 预算为2.85万元，支出决算为0.39万元") or budgeted ("公务接待费预算数为10万元", "公务接待费预算支出6.40万元").
_SANGONG_AMOUNTS = {
    # (the name may head its item: "3.公务接待费。支出决算为4.92万元")
    # (its year between: "3．公务接待费。2024年度预算为2.00万元，支出决算为1.73万元", "公务接待费：年初预算3.00万元，决算1.68万元")
    words: [compile_re(rf"{_WHOLE_NAME}{name}(?:[：:]|。(?=(?:20\d{{2}}年度?)?(?:支出|决算|年初|全年|预算)))?(?:财政拨款)?(?:支出)?"
                       rf"{budget}(?:支出)?(?:{words})?(?:数|支出)?(?:合计|共计)?(?:[均各]?为)?{AMOUNT}")
            for name in _SANGONG_NAMES]
    for words, budget in (("决算", r"(?:(?:20\d{2}年度?)?(?:年初|全年)?预算数?为?[\d,.]+万?元[，,])?"), ("预算", ""))
}
#: Each with its budget, in a 决算 ("“三公”经费财政拨款支出年初预算为2.85万元", "公务接待费全年预算数为10万元").
_SANGONG_BUDGETS = [compile_re(rf"{_WHOLE_NAME}{name}(?:财政拨款)?(?:支出)?(?P<basis>年初|全年|调整后的?)?预算数?为{AMOUNT}")
                    for name in _SANGONG_NAMES]
#: A 三公 table's note saying its 预算数 is the budget as adjusted during the year ("预算数为“三公”经费全年预算
#: 数，反映按规定程序调整后的预算数"): a 年初预算 may then differ from it.
_ADJUSTED_BUDGET = compile_re(r"全年预算|调整后")
#: A 三公 table's note saying its 预算数 is the budget set at the year's start ("预算数为“三公”经费年初预算数"):
#: a budget the text says was adjusted ("年中调整后“三公”经费预算为8.50万元") is then another quantity.
_INITIAL_BUDGET = compile_re(r"年初预算")
#: The words before a 三公 name saying its budget is the adjusted one ("年中调整后“三公”经费预算…").
_ADJUSTED_BEFORE = compile_re(r"调整后?的?“?$")
#: An average before an amount ("平均每辆公务用车运行维护费3.12万元", "人均“三公”经费0.34万元", "生均财政拨款公用经费…"): no total of
#: the table.
_AVERAGE_BEFORE = compile_re(r"(?:平均|人均|户均|生均|单车|每辆|每人)[^，,。；;\d]{0,16}$")
#: Money of another source than the 三公 table's paying for the 三公 a sentence states ("地方财政拨款安排的“三公”经费支出
#: 78.46万元，其中：…" in a 决算 whose 财政拨款 is the central government's, "使用事业收入安排的“三公”经费").
_ANOTHER_SOURCE = compile_re(rf"(?:地方财政拨款|{OTHER_SOURCES})安排")
#: Words of a sentence about another year's amount ("上年公务接待费支出6万元").
_OTHER_YEAR = compile_re(r"上一?年|去年|同期")
_YEAR = compile_re(r"(20\d{2})年")


#: The budget a completion rate is of ("完成年初预算的", "完成全年预算数的", "完成预算的").
_RATE_BASIS = compile_re(r"完成(?P<basis>年初|全年|调整)?预算数?的?$")
#: What a change is compared with: last year's amount, of a kind maybe ("比2024年预算", "与上年决算数相比").
_COMPARED_WITH = compile_re(r"[比较与](?:上年|上一年|20\d{2}年)度?(?P<kind>预算|决算|执行)?")


class TextTableAmount(Rule):
    """An amount the narrative states for a table quantity differs from the table.

    Each explanatory section ("五、一般公共预算财政拨款支出决算情况说明", …) is matched with its
    table by title words. Checked: totals (收、支总计 or 收入总计 and 支出总计, 收入合计, 支出合计, 基本支出, 项目支出,
    人员经费, 公用经费, 本年收入/本年支出 and the balances of 政府性基金 and 国有资本经营 (a subject's own balance, after
    its line, is not the table's 合计), and in a 预算 what it allocates:
    "政府性基金预算拨款X万元", and its "某局收入预算…，支出预算…" when nothing was carried over, so that the
    year's total is the 总计), the items and balances of the 收支总表 its
    section lists ("支出包括：教育支出…", "年初结转和结余…"), the balances the 收入 and 支出 sections restate
    ("年末结转和结余7.18万元", "使用非财政拨款结余…") and those of the 财政拨款收支总表 its section restates
    ("年初财政拨款结转和结余…"), the sources of income the 收入表's header titles ("一般公共预算拨款收入",
    "事业收入", …), class lines ("一般公共服务(类)支出X万元",
    "城乡社区支出(类)：支出决算为X万元") and the 项 lines of the completion paragraph
    ("…(类)…(款)…(项)。年初预算为A万元，支出决算为B万元"; in a 预算, "…(项)2025年预算数为A万元", also with the 项's code after
    it: "…(项)(2130104)2026年预算数为…"), subjects named with their code in brackets
    ("事业运行（2010350）321.56万元", when the name is the code's), also when the subject line wraps,
    a sentence ("主要用于：…") sits between, or the table prints its codes without names; the items a 人员经费
    or 公用经费 list gives with their amounts ("主要包括：基本工资50.00万元、…") against the 基本支出 table's rows; and the 三公
    amounts of the 三公 section ("“三公”经费", 因公出国(境)费, 公务用车购置及运行维护费 with its 购置费 and
    运行维护费, 公务接待费) against the 三公 table's 决算数 (of a 决算) or 预算数 (of a 预算), whether it
    prints the two in blocks or side by side under each quantity, and a 决算's 三公 budgets
    ("“三公”经费财政拨款支出预算为…") against its 预算数 (a 年初预算 that differs is a ``warning``: the
    table's 预算数 is the budget as adjusted during the year, and when its note says so, a 年初预算 is
    not compared); the changes from last year the 三公 section states ("比上年预算减少2万元") against a 三公
    table printing last year's block beside this year's ("2023年预算数 | 2024年预算数"), and so the change a subject's line
    states with its amount against a code table printing last year's total beside this year's
    ("2024年预算数 | 2025年预算数: 合计 基本支出 项目支出"); a subject's 年初预算 (or 调整, 全年 预算) against the budget
    column of that kind a 决算 table prints before its 决算 columns ("年初预算数 | 调整预算数 | 决算数"), and a completion
    rate stated without its budget ("支出决算为862.47万元，完成年初预算的134.75%") against that column; a 项 line's amount for a 项 the 一般公共预算支出表 does not print
    under its 款 (a ``warning``: a subject copied from another year's text, or named for its sibling); and a 政府性基金, 国有资本经营 or 三公 section that says there is none
    ("无政府性基金预算财政拨款收入", "没有“三公”经费支出", "本单位无此项支出") beside a table that prints
    amounts there (the table of the fund it names, in a section on both funds). A table
    in 元 is converted to the text's 万元; a text in 元 beside a table in 万元 is more precise than
    the table, which must print it rounded ("5,360.00元" beside 0.54, not 0.36). A difference of one
    rounding tail (``tail_per_item``) is ``info``. Where the rows a code table prints under the cell (its 类, 款 or 项
    rows) add up to the text's amount, or its parent row less the other rows under that parent gives it, the finding
    points at the table's cell, the likely slip; an item of the 收支总表 that the 支出表 (a class) or the 收入表 (a source of
    income) prints as the text says is not reported (the 收支总表's cell is the slip, TBL004's).

    **Anti-pattern**

        2022年度一般公共预算财政拨款支出决算表（表5）
        项目    本年支出
        类    款    项    栏次    1    2    3
        合计    852.68    135.01    717.67
        201    一般公共服务支出    852.68    135.01    717.67
        五、一般公共预算财政拨款支出决算情况说明
        1.一般公共服务(类)支出812.73万元，占96.4%。

    **Best practice**

        2022年度一般公共预算财政拨款支出决算表（表5）
        项目    本年支出
        类    款    项    栏次    1    2    3
        合计    852.68    135.01    717.67
        201    一般公共服务支出    852.68    135.01    717.67
        五、一般公共预算财政拨款支出决算情况说明
        1.一般公共服务(类)支出852.68万元，占100.0%。
    """

    code = "TBL006"
    name = "text-table-amount"
    severity = Severity.ERROR

    def check(self, document, context):
        tables = document.tables
        if not tables:
            return
        general_lines = []
        # Amounts of something narrower than the quantity they are named after: a unit's 基本支出
        # ("某某中心1500.00万元（基本支出1000.00万元，…）"), a fund's share of the projects' money; and
        # the subjects a source of money is spent on ("江苏援藏资金180.00万元，其中：…（项）120.00万元").
        others = {value.number.start for value in document.claims.values if value.narrower}
        from linter.extract.claims import EXCLUDING, LAST_YEARS, of_counted_units, parts_of_sources, unit_line

        whole_of = {part.number.start: breakdown.whole.number.start for breakdown in document.claims.breakdowns
                    if breakdown.whole is not None for part in breakdown.parts}
        cells: dict[int, tuple] = {}  # the table cell each compared amount was compared with, by its flow offset
        # (and money other than the 财政拨款: "使用事业收入安排“三公”经费预算14.00万元，其中：…", no table's)
        compared = {part.number.start for part in parts_of_sources(document.claims)} \
            | {value.number.start for value in document.claims.values if value.key and value.key[0] == NON_FISCAL}
        year = document.derived(tables_kind_and_year)[1] or document.derived(original_year)
        class_named = None  # the 类 the lines of a subjects' section named last
        other_units = document.claims.other_units_from
        for kind, offset, line in document.derived(section_lines):
            if unit_line(line, document.claims.department) or (other_units is not None and offset >= other_units):
                continue  # one unit's amounts ("2.盐城市审计中心。2025年度收入预算740.90万元，其中…"), no table's
            claims = [claim for claim in self._totals(kind, line, tables, document.claims.budget_document)
                      if offset + claim[0].start("num") not in others]
            if kind == INCOME:
                claims += self._income_sources(line, tables)
            if kind == GENERAL:
                claims = [claim for claim in claims if not self._all_funds_spending(document, context, claim[0], tables)]
            # Last year's amount restated beside this year's ("…3,865,420.00元，2023年度事业收入3,412,860.00元").
            # So is one named 上年's ("上年收、支总计均为2,276.30万元").
            claims = [claim for claim in claims if not names_another_year(before := _clause_before(line, claim[0].start()), year)
                      and not LAST_YEARS.search(_CHANGE_CLAUSE.sub("", before))]
            if kind == SUMMARY:  # its section lists its items ("支出包括：一般公共服务支出…")
                # (an item the 支出表 or the 收入表 prints as the text says: 表1's cell is the slip, TBL004's)
                claims += [claim for claim in self._summary_items(line, first(tables, SUMMARY))
                           if not _confirmed_by_another_table(document, context, tables, *claim)]
            elif kind == FISCAL:  # so does the 财政拨款 section, an item maybe of one fund (a column of its own)
                claims += [(match, table, row, column) for match, table, row, column
                           in self._summary_items(line, first(tables, FISCAL))
                           if not any(self._agrees(document, context, match, table, row, other)
                                      for other in table.side_columns(row.side))]
            elif kind in (INCOME, EXPENDITURE):
                # A balance restated in another section ("年末结转和结余7.18万元", "年初财政拨款结转和结余…"), and one
                # fund's income, which the 收入表 prints with the others' ("一般公共预算财政拨款收入2,707.17万元").
                claims += self._summary_items(line, first(tables, SUMMARY),
                                              _BALANCE_OR_FUND_INCOME if kind == INCOME else _BALANCE_ITEM)
                # (the 财政拨款's balances, which the 财政拨款收支总表 prints when the 收支总表 does not: "年末财政拨款结转和结余
                # 15.06万元")
                read = {claim[0].start() for claim in claims}
                claims += [claim for claim in self._summary_items(line, first(tables, FISCAL), _FISCAL_BALANCE)
                           if claim[0].start() not in read]
            if kind in (GENERAL, FUND, STATE_CAPITAL, EXPENDITURE):  # (the 支出 section's subjects: of every fund)
                claims += self._classes(kind, line, tables, document.claims.budget_document, class_named,
                                        lambda at, own, offset=offset: _subject_before(document.flow.text, offset + at, own),
                                        lambda: _names_by_code(document, tables))
                class_named = _last_class_named(line, class_named)
                if kind == GENERAL:
                    yield from self._items_not_printed(document, offset, line, first(tables, GENERAL))
            else:
                class_named = None
            claims += self._expense_items(line, first(tables, BASIC), year)
            claims += self._operating_costs(line, tables, document.derived(tables_kind_and_year)[0], year)
            if kind == THREE_PUBLIC:
                claims += self._sangong(line, tables, document.derived(tables_kind_and_year)[0], year)
                yield from self._sangong_budgets(document, context, offset, line, tables, year)
                yield from self._sangong_changes(document, context, offset, line, tables,
                                                 {offset + claim[0].start("num") for claim in claims})
            if kind == GENERAL:
                general_lines.append((offset, offset + len(line)))
            for match, table, row, column in claims:
                said, at = sentence_before(line, match.start()), offset + match.start("num")
                if at in compared or EXCLUDING.search(said) or _AVERAGE_BEFORE.search(said) \
                        or of_counted_units(line, match.start()):
                    continue  # compared already, what is left without something ("剔除公务用车购置费后，…"), an average, or some units'
                if year and names_another_year(match.group(), year):
                    continue  # "…（项）：2024年预算数为4980.00万元，2025年预算数为…": another year's amount
                cell = (id(table), row.start, column)
                if cells.get(whole_of.get(at)) == cell:
                    continue  # a part of an amount compared with this very cell ("政府性基金预算支出18,700.00万元。其中：本年
                    # 政府性基金预算拨款16,600.00万元，上年结转…": by source of money, the first named as the table's total)
                compared.add(at)
                cells[at] = cell
                yield from self._compare(document, context, offset, match, table, row, column)
                if column == 1 and row.earlier is not None:
                    yield from self._row_change(document, context, offset + match.start("num"), table, row)
                if column == 1 and row.budgets:
                    yield from self._row_budgets(document, context, offset + match.start("num"), table, row)
        yield from self._completions(document, context, tables, general_lines, compared)
        yield from self._operating_costs_elsewhere(document, context, tables, compared, year)
        yield from self._items_elsewhere(document, context, tables, compared, year)
        yield from self._nothing_said(document, tables)

    def _operating_costs_elsewhere(self, document, context, tables, compared, year):
        """The 机关运行经费 stated outside the sections explaining a table ("第四部分 其他重要事项…一、机关运行经费支出情况"),
        against the row a 三公 table prints for it (:meth:`_operating_costs`)."""
        three_public = first(tables, THREE_PUBLIC)
        if three_public is None or not three_public.operating_costs:
            return
        document_kind, offset = document.derived(tables_kind_and_year)[0], 0
        for line in document.flow.text.split("\n"):
            for match, table, row, column in self._operating_costs(line, tables, document_kind, year):
                if offset + match.start("num") not in compared:
                    compared.add(offset + match.start("num"))
                    yield from self._compare(document, context, offset, match, table, row, column)
            offset += len(line) + 1

    def _completions(self, document, context, tables, general_lines, compared):
        """The 支出决算 of each subject's completion sentence in the 一般公共预算 section, against
        the subject's row of the 一般公共预算支出表 (also when the sentence's subject is wrapped over
        lines or the table prints its codes without names)."""
        table = first(tables, GENERAL)
        if table is None:
            return
        text = document.flow.text
        names = _names_by_code(document, tables)
        for completion in document.claims.completions:
            actual = completion.actual
            if actual.start in compared or actual.unit not in YUAN or not any(a <= actual.start < b for a, b in general_lines):
                continue
            own = _LIST_NUMBER.sub("", completion.subject or "") if _SUBJECT_LINE_PART.search(completion.subject or "") else ""
            row = _subject_row(table, names, _subject_before(text, completion.start, own))
            if row is None:
                continue
            compared.add(actual.start)
            yield from self._compare_number(document, context, actual.text, actual.unit, actual.start, actual.end,
                                            table, row, 1)
            if row.budgets:  # (its subject on the line before: "…（项）。⏎年初预算为402.00万元，支出决算为…")
                yield from self._row_budgets(document, context, actual.start, table, row)

    def _totals(self, kind, line, tables, budget_document=True):
        for pattern, project, table_kind_, row_key, column in _TOTAL_AMOUNTS.get(kind, []):
            table = first(tables, table_kind_)
            if table is None or (isinstance(row_key, tuple) and row_key[0] == _YEARS_TOTAL and not budget_document):
                continue
            for match in pattern.finditer(line):
                before = sentence_before(line, match.start())
                if ("项目支出" in before and not project) or in_last_years_aside(line, match.start()):
                    continue  # (last year's amounts: "（上年基本支出958.12万元，其中人员经费815.00万元）")
                if table_kind_ == EXPENDITURE and _ONE_FUND.search(before):
                    continue  # "一般公共预算财政拨款支出50万元，其中：基本支出40万元": one fund's, not the 支出表's
                if table_kind_ in (FUND, STATE_CAPITAL) and _names_a_subject_row(table, line[:match.start()]):
                    continue  # "…城市建设支出（项）1270万元。年末结转和结余190万元": a subject's row, not the 合计
                if _items_added_up(line, match.start()):
                    continue  # items added up ("上级补助收入、经营收入和其他收入合计11,304.17万元"), not the table's total
                if _of_units(line, match.start()):
                    continue  # one unit's, not the department's total
                if table_kind_ == INCOME and column == 1 and (before.endswith("本年") or match.group().startswith("本年")) \
                        and carries_over(table):
                    continue  # "本年收入预算合计…": the year's own, without the 上年结转 the table's 合计 holds
                if table.kind == BASIC:  # 人员经费合计 / 公用经费合计: a row, or a column of the 合计 row
                    row, chosen = basic_part_cells(table).get(row_key.removesuffix("合计"), (None, None))
                else:
                    row, chosen = _row(table, row_key), _column(table, column)
                if "当年拨款" in match.group() and (fiscal := first(tables, FISCAL)) is not None:
                    this_year, carried = general_appropriation(fiscal)
                    if carried is not None and carried.amount(1):
                        # The 支出表 spends what was carried over too: the year's appropriation is 表4's item.
                        table, row, chosen = fiscal, this_year, 1
                if row is not None and not (isinstance(chosen, int) and table.columns and chosen not in table.columns):
                    yield match, table, row, chosen  # (a column the table does not print is not compared)

    def _income_sources(self, line, tables):
        """The sources of income the 收入 section states ("一般公共预算拨款收入3,000.00万元", "事业收入…")
        against the 收入表's 合计 row, in the column its header titles so (see :func:`~linter.rules.tables.common.income_columns`);
        财政拨款收入 and 收入合计 are :data:`_TOTALS`'. A sentence about another year is not compared."""
        table = first(tables, INCOME)
        if table is None:
            return
        row = table.total()
        for title, column in income_columns(table).items():
            if row is None or title in _INCOME_TOTALS or column == table.columns[0]:
                continue
            for match in _item_amount(title).finditer(line):
                if not _OTHER_YEAR.search(sentence_before(line, match.start())):
                    yield match, table, replace(row, name=f"{row.name} {title}"), column

    def _nothing_said(self, document, tables):
        """A 政府性基金, 国有资本经营 or 三公 section that says there is nothing ("本部门2023年度无政府性基金预算
        财政拨款收入，也无使用…安排的支出", "本单位无此项支出", "没有“三公”经费支出") beside a table that prints
        amounts there: the sentence of last year's draft, or the table of another unit. A sentence naming
        another year than the document's ("2019年度本部门无政府性基金…, 2020年度新增…") is not compared."""
        year = document.derived(tables_kind_and_year)[1] or document.derived(original_year)
        for section_kind, offset, line in document.derived(section_lines):
            if section_kind not in _NOTHING_COLUMNS:
                continue
            for match in _NOTHING.finditer(line):
                scope = match.group("scope") or ""
                # (of the fund it names, in a section on both: "（五）政府性基金预算和国有资本经营预算情况 …本部门无国有资本经营预算
                # 财政拨款支出")
                kind = next((k for k, words in _FUND_NAMED if scope.startswith(words)), section_kind) \
                    if section_kind in (FUND, STATE_CAPITAL) else section_kind
                table = first(tables, kind)
                if table is None or (row := table.single_or_total()) is None:
                    continue
                before = sentence_before(line, match.start())
                if (kind == THREE_PUBLIC) != bool(match.group("sangong")) or not scope.startswith(_NOTHING_SCOPES[kind]) \
                        or _OTHER_YEAR.search(before) or names_another_year(before, year):
                    continue
                for column in _NOTHING_COLUMNS[kind](table, match.group("which")):
                    printed = row.amount(column) if column is not None else None
                    if printed:
                        yield self.finding(
                            document, document.span(offset + match.start(), offset + match.end()),
                            _("the text says there is no {what}, but {row} is {printed} (栏{column})",
                              what=match.group().removeprefix("没有").removeprefix("无"),
                              row=row_label(table, row), printed=in_unit(table, printed), column=table.printed_column(column)),
                            expected=amount(printed),
                        )
                        break

    def _summary_items(self, line, table, items=None):
        """The items of a 收支总表 a section lists ("支出包括：教育支出2,900.00万元，…", "一般公共预算
        拨款收入3,000.00万元", "年末结转和结余7.18万元") against their rows, on their side; totals are
        :data:`_TOTALS`'. ``items``: the rows' names compared (default :data:`_SUMMARY_ITEM`)."""
        if table is None:
            return
        seen = set()
        for row in table.rows:
            name = row.plain_name
            if (row.side, name) in seen:
                continue  # "二、上年结转" then "（一）一般公共预算拨款" again: the year's own is the first
            seen.add((row.side, name))
            # "一、财政拨款" (Shanghai's 财务收支预算总表), which the text calls 财政拨款收入.
            source = items is None and table.kind == SUMMARY and row.side == "收入" and name == "财政拨款"
            if row.is_total or not (source or (items or _SUMMARY_ITEM).fullmatch(name)) or not table.side_columns(row.side):
                continue
            # "一般公共预算拨款2255.51万元" for the row 一般公共预算拨款收入, in a sentence on the income (Hunan's wording)
            bare = row.side == "收入" and name.endswith("拨款收入") and not source
            pattern = _item_amount(name.removesuffix("收入"), "收入") if bare else _item_amount(name, "收入" if source else "")
            for match in pattern.finditer(line):
                before = sentence_before(line, match.start())
                if _OTHER_YEAR.search(before) or (table.kind == SUMMARY and row.side == "支出" and _FUND_SPENDING.search(before)):
                    continue  # another year's; or one fund's spending on it ("一般公共预算拨款支出…，其中：农林水支出…")
                if bare and not match.group().startswith(name) and ("收入" not in before or "支出" in before):
                    continue  # the fund named without 收入 outside a sentence on the income: maybe what it spends
                if _of_units(line, match.start()):
                    continue  # one unit's source, not the department's
                if _INCLUDED_ASIDE.search(before):
                    continue  # a source's part of another amount ("基本支出…元（含…、事业收入456,400.00元、…）")
                if _INCLUDES_CARRIED_OVER.match(line, match.end()):
                    continue  # this year's and what was carried over ("一般公共预算拨款40,894,608.61元（含上年结转…）")
                yield match, table, row, table.side_columns(row.side)[0]

    @staticmethod
    def _expense_items(line, table, year):
        """The items listed with their amounts under 人员经费 or 公用经费 ("人员经费80.00万元，主要包括：基本工资50.00万元、
        津贴补贴30.00万元") against the 基本支出 table's rows of that side."""
        if table is None:
            return
        for listing in EXPENSE_LIST.finditer(line):
            if year and names_another_year(sentence_before(line, listing.start()), year):
                continue
            rows = [row for row in table.rows if row.code and basic_side(row) == listing.group("side") and row.has_amount]
            for name, _start, stated in expense_items(line, listing):
                row = next((row for row in rows if same_item(row, name, year)), None) if stated is not None else None
                if row is not None:
                    yield stated, table, row, 1

    def _sangong(self, line, tables, document_kind, year):
        """The 三公 amounts of the 三公 section against the 三公 table: in a 决算's table (so titled, or in
        a 决算) the amounts spent, in a 预算's those budgeted, in the columns :func:`sangong_blocks` finds for them.
        A sentence about another year's amounts is not compared."""
        table = first(tables, THREE_PUBLIC)
        if table is None:
            return
        words = sangong_kind(table, document_kind)
        columns = sangong_blocks(table).get(words)
        row = table.single_or_total()
        if columns is None or row is None:
            return
        for label, column, pattern in zip(SANGONG_COLUMNS, columns, _SANGONG_AMOUNTS[words]):
            for match in pattern.finditer(line):
                before = sentence_before(line, match.start())
                if _of_another_year(before, table, year) or _AVERAGE_BEFORE.search(before) or _ANOTHER_SOURCE.search(before):
                    continue
                yield match, table, replace(row, name=f"{words}数 {label}"), column

    def _operating_costs(self, line, tables, document_kind, year):
        """The 机关运行经费 a line states ("本部门机关运行经费预算为1,051.42万元") against the column a 三公 table
        prints for it after its six (Shanghai's "“三公”经费和机关运行经费预算表"), or the row after its quantities (Yunnan's
        公开10表), where the table holds one block,
        the year's. A sentence about another year's amount is not compared."""
        table = first(tables, THREE_PUBLIC)
        if table is None or "机关运行经费" not in line:
            return
        column = operating_cost_column(table)
        row = table.single_or_total() if column is not None and sangong_kind(table, document_kind) in sangong_blocks(table) else None
        if column is None and (printed := table.operating_costs.get(sangong_kind(table, document_kind) or "")) is not None:
            # a row of its own after the quantities (Yunnan's 公开10表: "三、行政参公单位机关运行经费 | | 126.39")
            column, cell = printed
            row = Row(name="机关运行经费", start=cell.start, end=cell.end, values={column: cell})
        if row is None:
            return
        for match in _OPERATING_COSTS.finditer(line):
            before = sentence_before(line, match.start())
            if _of_another_year(before, table, year) or _AVERAGE_BEFORE.search(line, 0, match.start() + len("机关运行经费")):
                continue  # (nor an average: "人均机关运行经费2.38万元")
            yield match, table, replace(row, name="机关运行经费"), column

    def _sangong_budgets(self, document, context, offset, line, tables, year):
        """The 三公 budgets a 决算's 三公 section states ("“三公”经费财政拨款支出预算为…") against the
        三公 table's 预算数. The table's 预算数 is the budget as adjusted during the year: a 年初预算
        that differs from it is a ``warning`` (the budget may have been adjusted), and is not
        compared when the table's note says its 预算数 is so adjusted; nor is a budget the text says
        was adjusted when the note says the 预算数 is the 年初预算. A table printing its 年初预算数 beside its 全年预算数
        compares the text's 年初预算 with that column."""
        table = first(tables, THREE_PUBLIC)
        # (a 决算's table whose title names no 决算: "财政拨款“三公”经费、行政参公单位机关运行经费情况表")
        if table is None or sangong_kind(table, document.derived(tables_kind_and_year)[0]) != "决算":
            return
        blocks = sangong_blocks(table)
        columns, initial_columns = blocks.get("预算"), blocks.get("年初预算") or ()
        row = table.single_or_total()
        if columns is None or row is None:
            return
        adjusted = any(_ADJUSTED_BUDGET.search(note) for note in table.notes)
        initial_only = not adjusted and any(_INITIAL_BUDGET.search(note) for note in table.notes)
        for index, (label, column, pattern) in enumerate(zip(SANGONG_COLUMNS, columns, _SANGONG_BUDGETS)):
            for match in pattern.finditer(line):
                initial = match.group("basis") == "年初"
                before = sentence_before(line, match.start())
                said_adjusted = (match.group("basis") or "").startswith("调整") or _ADJUSTED_BEFORE.search(before)
                if initial and initial_columns:  # the table prints the 年初预算数 beside the 全年预算数
                    yield from self._compare(document, context, offset, match, table,
                                             replace(row, name=f"年初预算数 {label}"), initial_columns[index])
                    continue
                if (initial and adjusted) or (said_adjusted and initial_only) or _other_year(before, table) \
                        or (year and names_another_year(before, year)):
                    continue  # the other budget, or another year's ("2025年“三公”经费预算为22.00万元" in a 2024 决算)
                for finding in self._compare(document, context, offset, match, table,
                                             replace(row, name=f"预算数 {label}"), column):
                    if initial and finding.severity == Severity.ERROR:
                        finding.severity = Severity.WARNING
                        finding.message = _("{message}, unless the budget was adjusted during the year",
                                            message=finding.message)
                    yield finding

    def _sangong_changes(self, document, context, offset, line, tables, amounts_compared):
        """The changes from last year the 三公 section states ("因公出国（境）费预算支出6万元，比上年预算减少2万元")
        against a 三公 table printing last year's block beside this year's ("2023年预算数 | 2024年预算数"):
        the change must be this year's amount less last year's (unless it is its stated amount's, at a flow offset in
        ``amounts_compared``, less last year's: that amount is compared with the table, see :func:`_follows_its_own_amount`)."""
        from linter.extract.claims import EXCLUDING

        table = first(tables, THREE_PUBLIC)
        blocks = sangong_blocks(table) if table is not None else {}
        own = sangong_kind(table, document.derived(tables_kind_and_year)[0]) if table is not None else None
        kind = own if own in blocks else next((kind for kind in blocks if not kind.startswith("上年")), None)
        earlier = [block for block in blocks if block.startswith("上年")]
        row = table.single_or_total() if table is not None else None
        if row is None or kind is None or not earlier:
            return
        end = offset + len(line)
        for change in document.claims.changes:
            # Against the year before's block of what it names ("比2024年执行数", "比上年预算"), or its one block.
            before = f"上年{change.basis}" if change.basis else (f"上年{kind}" if f"上年{kind}" in blocks else earlier[0])
            if not offset <= change.start < end or change.against_budget or change.delta.unit not in YUAN \
                    or (change.key and change.key[0] == NON_FISCAL) \
                    or before not in blocks or not change.name \
                    or EXCLUDING.search(sentence_before(line, change.start - offset)):
                continue
            named = [i for i, pattern in enumerate(_SANGONG_NAME_PATTERNS) if pattern.search(change.name)]
            if len(named) != 1 or _RECEPTION_PART.search(change.name):
                continue  # (nor the 国内 or 外事 part of the 公务接待费: "国内公务接待费减少6.97万元")
            this_year, last_year = (row.amount(blocks[key][named[0]]) for key in (kind, before))
            if this_year is None or last_year is None or (
                    change.current is not None and change.current.number.start in amounts_compared
                    and _follows_its_own_amount(change, table, this_year, last_year)):
                continue
            label = "“三公”经费" if named[0] == 0 else SANGONG_COLUMNS[named[0]]
            finding = self._change_gap(
                document, context, change, table, this_year, last_year,
                lambda: _("the text says {label} rose by {stated} from last year, but the 三公 table's {kind}数 is "
                          "{this_year} this year and its {before}数 {last_year} last year, a change of {change}"),
                lambda: _("the text says {label} fell by {stated} from last year, but the 三公 table's {kind}数 is "
                          "{this_year} this year and its {before}数 {last_year} last year, a change of {change}"),
                label=label, kind=kind, before=before.removeprefix("上年"))
            if finding:
                yield finding

    def _row_budgets(self, document, context, start, table, row):
        """The budgets a completion states with the amount at flow offset ``start`` ("…（项）：年初预算为440.00万元，支出决算为
        …") against the row's budget columns of the same kind ("年初预算数 | 调整预算数 | 决算数"); a plain 预算 against the
        one budget column a table prints."""
        for unstated in document.claims.unstated_budget_rates:
            if unstated.stated.number.start == start:
                yield from self._rate_of_row_budget(document, context, unstated, table, row)
        for completion in document.claims.completions:
            if completion.actual.start != start:
                continue
            for kind, budget in completion.budgets.items():
                printed = row.budgets.get(kind) or (next(iter(row.budgets.values())) if not kind and len(row.budgets) == 1 else None)
                if budget is None or printed is None or budget.unit not in YUAN:
                    continue
                label = next(name for name, value in row.budgets.items() if value is printed)
                # (the budget's own 栏: "年初预算数 | 调整预算数 | 决算数" prints 调整 as 栏2)
                printed_as = replace(table, printed_columns={1: table.budget_columns[label]}) \
                    if label in table.budget_columns else table
                yield from self._compare_number(document, context, budget.text, budget.unit, budget.start, budget.end, printed_as,
                                                replace(row, name=f"{label}预算数 {row.name}".strip(), values={1: printed}), 1,
                                                lambda other, label=label: getattr(other.budgets.get(label), "value", None))

    def _rate_of_row_budget(self, document, context, unstated, table, row):
        """A completion rate stated with the amount but not its budget ("…（项）：支出决算为862.47万元，完成年初预算的134.75%")
        against the row's budget column of the kind it names (a plain 预算: the one budget column the table prints)."""
        text = document.flow.text
        named = _RATE_BASIS.search(text, max(0, unstated.rate.start - 12), unstated.rate.start)
        kind = named["basis"] or "" if named else None
        budget = row.budgets.get(kind) if kind else (next(iter(row.budgets.values())) if kind == "" and len(row.budgets) == 1
                                                      else None)
        actual = unstated.stated.number
        if budget is None or unstated.rate.malformed or actual.unit != (table.unit or "万元"):
            return
        tolerances = context.text_tolerances(document)
        if percent_matches(amount_interval(actual, tolerances), amount_interval(budget, tolerances), unstated.rate,
                           tolerances) is not False:
            return
        computed = ratio_text(actual.value, budget.value, unstated.rate.decimals)
        yield self.finding(
            document, document.span(unstated.rate.start, unstated.rate.end),
            _("completion rate: {computed} (the budget is {row}'s {kind}预算数), but the text says {stated}%",
              computed=computed, row=row_label(table, row), kind=kind, stated=unstated.rate.text),
            expected=computed.rsplit(" = ", 1)[1],
        )

    def _change_gap(self, document, context, change, table, this_year, last_year, rose, fell, **named):
        """The finding for a change from last year the text states (``change``) that the table's two years do not give,
        in the words ``rose()`` or ``fell()`` return as the text says it, filled with ``named``, the stated change
        (``stated``), the two years (``this_year``, ``last_year``) and the table's change (``change``, signed: "+1.37万元"),
        in the table's unit. A text in 万元 beside a table in 元 rounds the table's change to its own decimals ("减少26.33万元" for
        -263,314.60元): compared in the text's unit."""
        stated = _in_table_unit(change.sign * change.delta.value, change.delta.unit, table)
        coarser = YUAN[change.delta.unit] > YUAN[table.unit or "万元"]
        scale = YUAN[table.unit or "万元"] / YUAN[change.delta.unit] if coarser else 1
        if coarser and change.sign * (this_year - last_year) >= 0 and amount_interval(
                change.delta, context.text_tolerances(document)).contains(abs(this_year - last_year) * scale):
            return None  # (9,150.00元 printed 0.92万元: rounded half up, as the amount beside it is)
        return gap_finding(self, document, context, lambda: document.span(change.delta.start, change.delta.end),
                           stated * scale, (this_year - last_year) * scale, 2,
                           lambda: (rose if change.sign > 0 else fell)().format(
                               stated=in_unit(table, abs(stated)), this_year=in_unit(table, this_year),
                               last_year=in_unit(table, last_year),
                               change=("+" if this_year >= last_year else "−") + in_unit(table, abs(this_year - last_year)),
                               **named),
                           10.0 ** -change.delta.decimals if coarser else table.resolution)

    def _classes(self, kind, line, tables, budget_document, class_named=None, subject_at=None, names=None):
        """The subjects' amounts a line states against the table of ``kind``: by the path it names, a 款 and 项 under the
        类 named before (``class_named``), a 项 named alone that no other 款 names alike, or under the 款 and 类 lines
        above it (``subject_at(offset, own)``, the rows found by the tables' ``names()``), by code."""
        table = first(tables, kind)
        if table is None:
            return
        column = 1 if kind in (GENERAL, EXPENDITURE) else _column(table, "spending")
        for pattern in (_BUDGET_ITEM,) if budget_document else (_ITEM, _SPENT_ITEM):
            for match in pattern.finditer(line):
                row = _item_row(table, match)
                if row is not None:
                    yield match, table, row, column
        for match in _ITEM_UNDER_CLASS.finditer(line):
            # "科学技术支出（类）4138.72万元。其中：应用研究（款）社会公益研究（项）680.00万元": the 类 named before
            named = _last_class_named(line[:match.start()], class_named)
            row = _item_row(table, match, named) if named is not None else None
            if row is not None:
                yield match, table, row, column
        if budget_document:
            for match in _BUDGET_ITEM_ALONE.finditer(line):
                rows = [r for r in table.rows if r.level == "项" and normal_name(r.name) == normal_name(match.group("name"))]
                if len(rows) == 1:  # "城乡社区环境卫生（项）2025年预算数…": a 项 no other 款 names alike
                    yield match, table, rows[0], column
                elif rows and subject_at is not None:  # "（1）行政运行（项）：…" under "1.检察（款）" under "（一）…（类）"
                    row = _subject_row(table, names(), subject_at(match.start(), match.group("name") + "(项)"))
                    if row is not None:
                        yield match, table, row, column
        if kind in (FUND, STATE_CAPITAL):
            yield from _fund_subjects_named(line, table, column)
        for match in _CODED.finditer(line):
            row = table.row_by_code(match.group("code"))
            if row is not None and normal_name(row.name) == normal_name(match.group("name")):
                yield match, table, row, column  # a name that is not the code's is TBL005's
        for match in _CLASS.finditer(line):
            if "项目支出" in sentence_before(line, match.start()):
                continue  # "项目支出主要用于…文化旅游体育与传媒支出24.5万元" is a part, not the class
            code = class_code(match.group("name"))
            row = _class_row(table, code, match.group("name")) if code else None
            if row is not None:
                yield match, table, row, column

    def _items_not_printed(self, document, offset, line, table):
        """A 项 line stating an amount for a 项 the 一般公共预算支出表 does not print under its 款 ("…行政事业单位医疗（款）
        事业单位医疗（项）：…支出决算为33.85万元" beside a 21011 printing only 2101101 and 2101103): a subject copied from
        another year's text, or named for its sibling; a warning."""
        if table is None:
            return
        names = None
        for pattern in (_BUDGET_ITEM,) if document.claims.budget_document else (_ITEM, _SPENT_ITEM):
            for match in pattern.finditer(line):
                code = class_code(match.group("name"))
                kuan = next((r for r in table.rows if r.level == "款" and code and r.code.startswith(code)
                             and normal_name(r.name) == normal_name(match.group("kuan"))), None)
                if kuan is None or _item_row(table, match) is not None or not parse_signed(match.group("num"))[0]:
                    continue
                names = names if names is not None else _names_by_code(document, [table])
                xiang = _child_code(names, kuan.code, "项", 7, match.group("xiang"))
                if xiang is None or table.row_by_code(xiang) is not None:
                    continue
                printed = "、".join(f"{r.code} {r.name}" for r in table.rows if r.level == "项" and r.code.startswith(kuan.code))
                yield self.finding(
                    document, document.span(offset + match.start("num"), offset + match.end()),
                    _("the text states {amount} for {code} {name}, which {table} does not print under {kuan} (it prints "
                      "{printed})", amount=match.group("num") + match.group("unit"), code=xiang, name=match.group("xiang"),
                      table=table.label, kuan=f"{kuan.code} {kuan.name}", printed=printed or _("no 项")),
                    severity=Severity.WARNING,
                )

    def _items_elsewhere(self, document, context, tables, compared, year):
        """A 项 named with its 类 and 款 and an amount outside the sections matched with one table
        ("（二）财政拨款支出预算情况：1.“…（类）…（款）…（项）”科目1,191.32万元"), against every table printing
        that 项 (支出表, 一般公共预算支出表, 政府性基金表): reported when a fund's table prints it and it is
        none of theirs (the 支出表 alone also counts money other than the funds')."""
        budget = document.claims.budget_document
        candidates = [(table, 1 if table.kind != FUND else _column(table, "spending"))
                      for table in (first(tables, EXPENDITURE), first(tables, GENERAL), first(tables, FUND)) if table]
        text = document.flow.text
        for match in (_BUDGET_ITEM if budget else _ITEM).finditer(text):
            if match.start("num") in compared or (year and names_another_year(match.group(), year)):
                continue
            cells = [(table, row, column) for table, column in candidates
                     if column is not None and (row := _item_row(table, match)) is not None]
            fund = next((cell for cell in cells if cell[0].kind in (GENERAL, FUND)), None)
            if fund is not None and not any(self._agrees(document, context, match, *cell) for cell in cells):
                yield from self._compare(document, context, 0, match, *fund)

    @staticmethod
    def _all_funds_spending(document, context, match, tables) -> bool:
        """Whether a "财政拨款支出" the 一般公共预算 section states is the spending of every fund the 财政拨款收支总表 prints
        ("2024年度本部门财政拨款支出46,857.41万元，主要用于以下方面：…其他支出185.50万元", the 政府性基金's among them)."""
        fiscal = first(tables, FISCAL)
        bare = match.group().startswith("财政拨款支出") and not match.string.endswith("一般公共预算", 0, match.start())
        row = fiscal.row_named("本年支出合计", "支出") if fiscal is not None and bare else None
        return row is not None and _may_be_the_cells(document, context, match, fiscal, row, fiscal.side_columns("支出")[0]) is True

    @staticmethod
    def _agrees(document, context, match, table, row, column) -> bool:
        """Whether the amount of ``match`` may be the cell's, rounding allowed (or cannot be compared)."""
        return _may_be_the_cells(document, context, match, table, row, column) is not False

    def _row_change(self, document, context, start, table, row):
        """The change from last year stated with the amount at flow offset ``start`` ("…（项）2025年预算数为124.50万元，比2024年
        预算增加24.50万元") against its row's, in a table printing last year's total beside this year's ("2024年预算数 |
        2025年预算数: 合计 基本支出 项目支出 | 增减额"): this year's 合计 less last year's."""
        for change in document.claims.changes:
            if change.current is None or change.current.number.start != start or change.against_budget \
                    or change.delta.unit not in YUAN or change.basis not in ("", table.earlier_kind):
                continue
            compared = [m["kind"] for m in _COMPARED_WITH.finditer(document.flow.text, change.start, change.delta.start)]
            if compared and compared[-1] not in (None, table.earlier_kind):
                continue  # "比2024年决算增加…" beside a column of last year's 预算
            this_year, last_year = row.amount(1), row.earlier.value if row.earlier else None
            if this_year is None or last_year is None:
                continue  # a cell malformed ("62..40", NUM001's) or empty: no change to compare
            finding = self._change_gap(
                document, context, change, table, this_year, last_year,
                lambda: _("the text says {row} rose by {stated} from last year, but the table prints {this_year} this "
                          "year and {last_year} last year, a change of {change}"),
                lambda: _("the text says {row} fell by {stated} from last year, but the table prints {this_year} this "
                          "year and {last_year} last year, a change of {change}"),
                row=row_label(table, row))
            if finding:
                yield finding

    def _compare(self, document, context, offset, match, table, row, column):
        yield from self._compare_number(document, context, match.group("num"), match.group("unit"),
                                        offset + match.start("num"), offset + match.end(), table, row, column)

    def _compare_number(self, document, context, stated, unit, start, end, table, row, column, amount_of=None):
        """Compare the amount ``stated`` in ``unit`` (flow span ``[start, end)``) with a table cell,
        converted to ``unit`` from the table's (万元 when it prints none). A text in 万元 rounds a
        table in 元 to its decimals; a text in 元 beside a table in 万元 is more precise than the
        table, which must print it rounded (see :meth:`_finer_text`)."""
        if column is not None and unit in YUAN and YUAN[unit] < YUAN[table.unit or "万元"]:
            yield from self._finer_text(document, context, stated, unit, start, end, table, row, column)
            return
        pair = _in_text_unit(stated, unit, table, row, column)
        if pair is None or amount_interval(pair[0], context.text_tolerances(document)).contains(pair[1]) \
                or _rounds_to_the_cell(pair[0], row.cell(column), pair[1]):
            return
        (number, in_text_unit), table_unit, printed = pair, table.unit or "万元", row.amount(column)
        cell = row.cell(column)
        as_printed = cell.text if cell is not None and cell.value == printed else amount(printed)  # ("64218.60", as printed)

        def describe() -> str:
            if table_unit == unit:
                return _("the text says {stated}{unit} for {row} but the table prints {printed} (栏{column})",
                         stated=stated, unit=unit, row=row_label(table, row), printed=as_printed, column=table.printed_column(column))
            return _("the text says {stated}{unit} for {row} but the table prints {printed}{table_unit} (栏{column}), "
                     "which is {converted}{unit}", stated=stated, unit=unit, row=row_label(table, row),
                     printed=as_printed, table_unit=table_unit, column=table.printed_column(column), converted=amount(in_text_unit))

        def says(value, items: int = 1) -> bool:
            """Whether ``value`` (in the table's unit) is the text's amount: within the text's rounding, or, where the cell
            breaks the identity that gives it from ``items`` cells and the rows under it do not add up to it, within a
            rounding tail of them."""
            if value is None or not printed:
                return False
            return amount_interval(number, context.text_tolerances(document)).contains(value * in_text_unit / printed) \
                or (items > 1 and compare(printed, value, items, context.tolerances, table.resolution) == GAP
                    and (under is None or compare(printed, under, 1, context.tolerances, table.resolution) == GAP)
                    and compare(number.value * printed / in_text_unit, value, items, context.tolerances,
                                table.resolution) != GAP)

        # The table's own rows under the cell, or its parent row less its siblings, give the text's amount: the cell is
        # the slip, not the text.
        by_cell = amount_of is None
        amount_of = amount_of or (lambda other: other.amount(column))
        under = rows_under(table, row, amount_of)
        if says(own := under):
            because = _("the rows under it add up to {own}", own=amount(own))
        elif says(own := _parent_less_siblings(context, table, row, amount_of)):
            because = _("the row above it less the other rows under that row gives {own}", own=amount(own))
        elif by_cell and (given := _by_other_columns(table, row, column)) and says(*given):
            because = _("the row's other columns give {own} by the table's identities", own=amount(given[0]))
        elif by_cell and (given := _by_other_rows(table, row, column)) and says(*given):
            because = _("the table's other rows give {own} by its identities", own=amount(given[0]))
        else:
            because = None
        if because is not None:
            finding = gap_finding(
                self, document, context, lambda: cell_span(document, row, row.cell(column)), printed,
                number.value * printed / in_text_unit, 1,
                lambda: _("{message}; {because}, as the text says: the table's cell is the likely slip",
                          message=describe(), because=because))
        else:
            finding = gap_finding(self, document, context, lambda: document.span(start, end), number.value, in_text_unit,
                                  1, describe)
        if finding:
            yield finding


    def _finer_text(self, document, context, stated, unit, start, end, table, row, column):
        """A text in 元 beside a table in 万元 ("公务接待费支出5,360.00元" beside 0.36): the table's cell must be the
        text's amount rounded to the table's decimals (a tail is ``info``)."""
        printed, (value, _decimals) = row.amount(column), parse_signed(stated)
        if printed is None or value is None:
            return
        table_unit = table.unit or "万元"
        # rounded half up, as the tables print it (41,263,550.00元 is 4126.36万元): in decimals, not in floats
        places = round(-math.log10(table.resolution))
        exact = Decimal(repr(value)).scaleb(round(math.log10(YUAN[unit] / YUAN[table_unit])))
        in_table_unit = float(exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))
        finding = gap_finding(
            self, document, context, lambda: document.span(start, end), in_table_unit, printed, 1,
            lambda: _("the text says {stated}{unit} for {row}, which is {converted}{table_unit}, but the table prints "
                      "{printed}{table_unit} (栏{column})", stated=stated, unit=unit, row=row_label(table, row),
                      converted=amount(in_table_unit), table_unit=table_unit, printed=amount(printed),
                      column=table.printed_column(column)),
            table.resolution,
        )
        if finding:
            yield finding


def _rounds_to_the_cell(number: Number, cell, in_text_unit: float) -> bool:
    """Whether the text's more precise amount rounds to the cell a table prints with fewer decimals ("41.28万元" beside a
    table of one decimal printing 41.3): the cell's half last digit, in the text's unit, around it holds the amount."""
    if cell is None or number.value is None or cell.decimals >= number.decimals or not cell.value:
        return False
    half = 0.5 * 10.0 ** -cell.decimals * abs(in_text_unit / cell.value)
    return abs(number.value - in_text_unit) <= half + 1e-9


def _in_text_unit(stated: str, unit: str, table: Table, row: Row, column) -> tuple[Number, float] | None:
    """The amount ``stated`` in ``unit`` and the cell's in that unit; None when the two cannot be compared
    (no cell, or a text in 元 beside a table in 万元, which the text is more precise than)."""
    table_unit = table.unit or "万元"
    if column is None or table_unit not in YUAN or YUAN[unit] < YUAN[table_unit]:
        return None
    printed, (value, decimals) = row.amount(column), parse_signed(stated)
    if printed is None or value is None:
        return None
    return Number(stated, unit, 0, 0, value, decimals), printed * YUAN[table_unit] / YUAN[unit]


#: Sources of income :data:`_TOTALS` already compares.
_INCOME_TOTALS = ("财政拨款收入", "收入合计", "本年收入合计")


#: An aside in brackets still open, naming what the amount before it includes ("（含一般公共预算拨款…、").
_INCLUDED_ASIDE = compile_re(r"[(（](?:其中[:：]?)?含[^()（）]*$")
#: An aside after an amount saying it includes the year's carry-over ("（含上年结转1,150,000.00元）").
_INCLUDES_CARRIED_OVER = compile_re(r"\s*[(（，,]\s*(?:其中[:：]?\s*)?(?:含|包括|包含)\s*上年\w{0,6}结转")
#: An item of a 收支总表 its section may list: a source of income, a class of spending, a balance.
_BALANCES = r"\w{0,8}结转和?结余|上年结转|结转下年|结余分配|使用非财政拨款结余|用事业基金弥补收支差额"
_SUMMARY_ITEM = compile_re(rf"\w{{2,30}}(?:收入|支出|预算拨款)|{_BALANCES}")  # (a 预算's "（一）一般公共预算拨款")
#: The balances of a 收支总表, which other sections restate.
_BALANCE_ITEM = compile_re(_BALANCES)
#: …and one fund's income ("一、一般公共预算财政拨款收入", a 预算's "一般公共预算拨款收入").
_BALANCE_OR_FUND_INCOME = compile_re(rf"{_BALANCES}|(?:一般公共预算|政府性基金预算|国有资本经营预算)(?:财政)?拨款收入")
#: The balances of the 财政拨款, which its 收支总表 prints.
_FISCAL_BALANCE = compile_re(r"(?:年初|年末)财政拨款结转和?结余")


def _follows_its_own_amount(change, table, this_year: float, last_year: float) -> bool:
    """Whether a change the table's two years do not give is its stated amount less last year's, that amount being
    another than the table's this year ("“三公”经费预算37.10万元，比上年预算减少2.50万元" where the table prints 38.10 and
    39.60): the amount differs, and is reported as such where it is compared; the change is no slip of its own."""
    current, delta = change.current.number if change.current is not None else None, change.delta
    if current is None or current.value is None or current.unit not in YUAN or delta.unit not in YUAN:
        return False
    said = _in_table_unit(current.value, current.unit, table)
    stated = _in_table_unit(change.sign * delta.value, delta.unit, table)
    slack = _in_table_unit(10.0 ** -current.decimals, current.unit, table) + _in_table_unit(10.0 ** -delta.decimals, delta.unit, table)
    return abs(said - this_year) > slack and abs(said - last_year - stated) <= slack + table.resolution


def _in_table_unit(value: float, unit: str, table) -> float:
    """An amount the text states in ``unit``, in the unit of ``table`` (万元 where its unit line gives none)."""
    return value * YUAN[unit] / YUAN[table.unit or "万元"]


@lru_cache(maxsize=256)
def _item_amount(name: str, said_after: str = "") -> re.Pattern:
    """``name`` (and ``said_after`` it, if the text adds it) followed by its amount ("事业收入为100.50万元", also after
    a year: "2024年度年初结转和结余…", or 本年: "本年结余分配…", and a class marked so: "社会保障和就业支出(类)334.21万元", "社会保障和就业(类)
    支出…", "住房保障支出(类)支出501.26万元"), not inside a longer name ("非财政拨款收入", "项目支出" in "一般公共预算项目支出")."""
    named = re.escape(name) + (f"(?:{said_after})?" if said_after else "") + (
        r"(?:\(类\)(?:支出)?)?" if name.endswith("支出") else r"(?:\(类\))?")
    if name.endswith("支出"):
        named = rf"(?:{named}|{re.escape(name.removesuffix('支出'))}\(类\)支出)"
    return compile_re(rf"(?:(?<=其中)|(?<=\d年)|(?<=\d年度)|(?<=本年)|(?<![非\w])){named}(?:[均各]?为)?{AMOUNT}")


#: "There is none": "无政府性基金预算财政拨款收入", "也无使用…安排的支出", "无此项支出", "没有“三公”经费支出".
_NOTHING = compile_re(
    r"(?:没有|无)(?:使用)?(?P<scope>政府性基金预算(?:财政)?拨款|国有资本经营预算(?:财政)?拨款|财政拨款)?(?:安排的?)?"
    r"(?P<sangong>“?三公”?经费(?:财政拨款)?)?(?:此项|该项|相关)?(?P<which>收入和?支出|收支|收入|支出)"
)
#: The fund a "there is none" names, by the words its scope begins with.
_FUND_NAMED = ((FUND, "政府性基金"), (STATE_CAPITAL, "国有资本"))
#: The scope a section's "there is none" may name (or none: "本单位无此项支出").
_NOTHING_SCOPES = {FUND: ("", "政府性基金", "财政拨款"), STATE_CAPITAL: ("", "国有资本", "财政拨款"),
                   THREE_PUBLIC: ("", "财政拨款")}


def _fund_columns(table: Table, which: str) -> list[int | None]:
    return [_column(table, side) for side, word in (("income", "收入"), ("spending", "支出")) if word in which or which == "收支"]


def _sangong_columns(table: Table, which: str) -> list[int | None]:
    blocks = sangong_blocks(table).get(sangong_kind(table) or "预算", [])
    return blocks[:1] if "支出" in which or which == "收支" else []


#: Per section kind: the columns of its table that "there is none" of 收入, 支出 or both speaks of.
_NOTHING_COLUMNS = {
    FUND: _fund_columns,
    STATE_CAPITAL: lambda table, which: table.columns[:1] if "支出" in which or which == "收支" else [],
    THREE_PUBLIC: _sangong_columns,
}


def _of_units(line: str, position: int) -> bool:
    """Whether the amount at ``position`` of ``line`` is one unit's or some units' of the department ("局机关本级项目支出
    30.00万元"; a sentence going through the units: "分单位看，…机关收入预算…，其中一般公共预算拨款…；…中心…")."""
    return bool(_ONE_UNITS.search(_clause_before(line, position))
                or _BY_UNIT.search(line, line.rfind("。", 0, position) + 1, position))


def _clause_before(line: str, position: int) -> str:
    """The part of the clause that precedes ``position`` in ``line``."""
    return line[max(line.rfind(mark, 0, position) for mark in "，,。；;") + 1:position]


def _of_another_year(before: str, table: Table, year: int | None) -> bool:
    """Whether the sentence before an amount speaks of another year than ``table``'s or the document's ``year``
    (the change clause before it aside)."""
    return _other_year(before, table) or bool(year and names_another_year(_CHANGE_CLAUSE.sub("", before), year))


def _other_year(before: str, table: Table) -> bool:
    """Whether the sentence before an amount (``before``) speaks of another year than ``table``'s
    ("上年公务接待费支出6万元", "2022年…" beside a 2023 table); a change from last year stated before
    ("…12.60万元，比上年减少1.20万元，其中：购置费…") speaks of this year's amount."""
    before = _CHANGE_CLAUSE.sub("", before)
    years = set(_YEAR.findall(table.title))
    return bool(_OTHER_YEAR.search(before)) or bool(years and not years >= set(_YEAR.findall(before)))


#: A change from another year ("比上年减少1.20万元", "较2023年预算增加2万元，增长5%").
_CHANGE_CLAUSE = compile_re(r"(?:比|较|与|同比)(?:上一?年度?|去年|20\d{2}年度?)[^，,。；;]{0,12}?(?:增加|减少|增长|下降|持平)[^，,。；;]*")


def _row(table: Table, key) -> Row | None:
    if key is None:
        total = table.total()
        if total is None and not table.rows and table.has_header:
            return Row(name="合计")
        return total
    if isinstance(key, int):  # a 行次 of the national table: not the place of a row the table does not number
        return table.row_by_line_no(key) if table.numbered_rows else None
    if isinstance(key, tuple) and key[0] == _YEARS_TOTAL:  # the 本年…合计, when it is the 总计 too
        year, grand = _row(table, (f"本年{key[1]}合计", key[1])), _row(table, ("总计", key[1]))
        columns = table.side_columns(key[1])[:1]
        if year is None or grand is None or not columns:
            return year or grand
        return grand if year.amount(columns[0]) == grand.amount(columns[0]) else None
    if isinstance(key, tuple):  # ("总计", side): a 预算's 收支总表 says 收入总计 / 支出总计
        return table.row_named(*key) or table.row_named(key[1] + key[0], key[1])
    return table.row_named(key)


def _names_a_subject_row(table: Table, words: str) -> bool:
    """Whether ``words`` name a subject the table prints a row of (not its 合计)."""
    plain = normal_name(words)
    return any(row.code and len(name := normal_name(row.name)) >= 2 and name in plain for row in table.rows)


def _column(table: Table, column):
    """A column number; for the 政府性基金 table the 本年收入 / 本年支出 / balance column its notes imply (or its
    first, of a table of spending only, also for what the fund "allocates"); for the 收入表
    the 财政拨款收入 column, the second unless its header titles the columns otherwise (a 预算's "合计 |
    上年结转 | 财政拨款收入 | …") or the funds apart ("合计 | 一般公共预算 | 政府性基金 | …": none)."""
    if isinstance(column, int):
        if column == 3:
            return project_spending_column(table)
        return None if column == 2 and basic_split(table) else column  # (合计 | 人员经费 | 公用经费 | 项目支出: no 基本支出 column)
    if column == "fiscal":
        titled = income_columns(table)
        if titled:
            return titled.get("财政拨款收入")
        # (the funds' columns apart, "合计 | 一般公共预算 | 政府性基金 | …" under "财政拨款资金": no one column is all of it)
        funds_apart = any("政府性基金" in word for line in table.header_lines for word in line)
        return None if carries_over(table) or funds_apart else 2
    spending_only = table.columns and not any("收入" in word or "结转" in word for line in table.header_lines for word in line)
    if column == "allocated":
        return table.columns[0] if spending_only else None
    for identity in table.identities:
        signs = dict((c, s) for s, c in identity.terms)
        if identity.axis == "栏" and -1 in signs.values():
            added = sorted(c for c, s in signs.items() if s > 0)
            if column == "closing":
                return identity.target
            if column == "opening":
                return added[0] if len(added) > 1 else None
            if column == "spending":
                return next(c for c, s in signs.items() if s < 0)
            return added[-1]
    if len(table.columns) == 6:  # 年初结转和结余 | 本年收入 | 本年支出 小计 基本 项目 | 年末结转和结余
        return {"opening": 1, "income": 2, "spending": 3, "closing": 6}[column]
    if column == "spending" and spending_only:
        return table.columns[0]  # a 预算's table of the fund's spending: 合计 | 基本支出 | 项目支出
    return None


def _class_row(table: Table, code: str, name: str) -> Row | None:
    row = table.row_by_code(code)
    if row is None:  # a table may file the class under a wrong code (TBL005 reports that)
        wanted = {normal_name(name), normal_name(name) + "支出"}
        row = next((r for r in table.rows if r.level == "类" and normal_name(r.name) in wanted), None)
    return row


#: The department's 机关运行经费 with its amount ("机关运行经费预算为1,051.42万元", "机关运行经费支出…"), not a unit's.
_OPERATING_COSTS = compile_re(rf"(?<![本级位])机关运行经费(?:财政拨款)?(?:支出)?(?:预算|决算)?(?:数)?(?:合计|共计)?(?:[均各]?为)?{AMOUNT}")


def _fund_subjects_named(line: str, table: Table, column):
    """A fund's 款 and 项 named bare with their amounts ("支出主要用于：征地和拆迁补偿支出1,650.00万元，土地开发支出
    610.00万元"): each name the table prints on one row only, and long enough to be no common word."""
    rows: dict[str, list[Row]] = {}
    for row in table.rows:
        if row.code and len(row.code) > 3 and len(normal_name(row.name)) >= 4:
            rows.setdefault(normal_name(row.name), []).append(row)
    for name, named in rows.items():
        if len(named) == 1 and name in line:
            for match in regex.finditer(rf"(?<![\p{{Han}}])(?:{regex.escape(name)}|{regex.escape(name.removesuffix('支出'))})"
                                        rf"(?:支出)?(?:决算数?|预算数?)?(?:为)?{AMOUNT}", line):
                yield match, table, named[0], column


def _last_class_named(text: str, before: str | None) -> str | None:
    """The name of the last 类 ``text`` names ("卫生健康支出（类）"), or ``before`` when it names none."""
    named = None
    for named in _CLASS_NAMED.finditer(text):
        pass
    return named.group("name") if named is not None else before


def _item_row(table: Table, match, name: str | None = None) -> Row | None:
    """The row of the 项 a path names ("…(类)…(款)…(项)"), its 类 named in it or as ``name``."""
    code = class_code(name or match.group("name"))
    if code is None:
        return None
    kuan = next((r for r in table.rows if r.level == "款" and r.code.startswith(code)
                 and normal_name(r.name) == normal_name(match.group("kuan"))), None)
    if kuan is None:
        return None
    return next((r for r in table.rows if r.level == "项" and r.code.startswith(kuan.code)
                 and normal_name(r.name) == normal_name(match.group("xiang"))), None)


_BRACKETS = str.maketrans("（）", "()")
#: The characters of a subject name on a table row's line.
_NAME_CHARACTER = compile_re(rf"{_CJK}|[()（）]")
#: A subject line of a completion paragraph: "城乡社区支出(类)城乡社区管理事务(款)行政运行(项)".
#: A name's characters: a bracket of its own included ("政府办公厅(室)及相关机构事务").
_NAME_PART = r"(?:[^()。，；\d]|\((?![类款项]\))[^()。，；\d]{1,4}\))"
_SUBJECT = compile_re(
    rf"(?P<name>{_CJK}{{2,16}}?)(?:支出)?\(类\)(?:(?P<kuan>{_NAME_PART}{{2,30}}?)\(款\)"
    rf"(?:(?P<xiang>{_NAME_PART}{{2,30}}?)\(项\))?)?"
)


#: A level mark whose bracket was left open ("行政单位医疗（项。年初预算为…"; PUN001 reports it): read as closed.
_UNCLOSED_LEVEL = compile_re(r"\((类|款|项)(?=[。：:，,；;]|$)")


def _subject_before(text: str, start: int, own: str = ""):
    """The subject line a completion sentence at ``start`` speaks of: the last one in the words
    before it, joined over line breaks, with no amount between it and the sentence; the sentence's
    own 款 and 项 (``own``: "行政事业单位养老支出(款)行政单位离退休(项)") go on the 类 a sub-heading names
    ("（1）社会保障和就业支出（类）")."""
    own = _UNCLOSED_LEVEL.sub(r"(\1)", own.translate(_BRACKETS))
    if own and "(类)" not in own:
        heading = None
        for heading in CLASS_HEADING.finditer(text, max(0, start - 2000), start):
            pass
        if heading is None:  # a 类 line stating its own amounts ("1.住房保障支出（类）。年初预算为…") over its 款 lines
            for heading in _CLASS_LINE.finditer(text, max(0, start - 2000), start):
                pass
        if heading is not None:
            if "(款)" not in own:  # "①基本公共卫生服务（项）" under "（1）公共卫生（款）" under the 类
                kuan = None
                for kuan in _KUAN_HEADING.finditer(text, heading.end(), start):
                    pass
                own = (re.sub(r"\s+", "", kuan.group("kuan")) + "(款)" if kuan is not None else "") + own
            return _SUBJECT.fullmatch(re.sub(r"\s+", "", (heading.group("name") + own).translate(_BRACKETS)))
    window = _UNCLOSED_LEVEL.sub(r"(\1)", re.sub(r"\s+", "", text[max(0, start - 240):start].translate(_BRACKETS)))
    subject = None
    for subject in _SUBJECT.finditer(window):
        pass
    if subject is None or re.search(r"\d|\((?:款|项)\)", window[subject.end():]):
        return None  # an amount between, or a 款 or 项 the match did not take: which row is not known
    if own and "(项)" in own and "(款)" not in own and subject.group().endswith("(款)"):
        # "1.社会保障和就业支出（类）人力资源和社会保障管理事务（款）" over "（1）行政运行（项）：年初预算…": the 项 under the 款
        return _SUBJECT.fullmatch(subject.group() + own)
    return subject


#: A line opening with a 类 ("1.住房保障支出（类）。年初预算为…"), the 款 lines below it named without it.
_CLASS_LINE = compile_re(r"(?m)^\s*(?:[(（][\d一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.、．]|[一二三四五六七八九十]{1,3}、)?\s*"
                         r"(?P<name>[\u4e00-\u9fff]{2,16}?(?:支出)?[(（]类[)）])(?![^。\n]*[(（][款项][)）])")
#: A 款 heading a line of its own opens ("（1）公共卫生（款）"), the 项 below it named alone.
_KUAN_HEADING = compile_re(r"(?m)^\s*(?:[(（]\d{1,2}[)）]|\d{1,2}[.、．])?\s*(?P<kuan>[\u4e00-\u9fff]{2,30})[(（]款[)）]")
#: A list item's number ("1.", "（2）") opening a completion's subject.
_LIST_NUMBER = compile_re(r"^\s*(?:\d{1,2}[.、．]|[(（]\d{1,2}[)）]|[①-⑳])")
#: A 款 or 项 named in a completion's subject.
_SUBJECT_LINE_PART = compile_re(r"[(（][款项][)）]")


def _names_by_code(document, tables: list[Table]) -> dict[str, set[str]]:
    """The subject names the document's tables print beside each code (also where the table
    reader kept no name: the words of the row's line)."""
    names: dict[str, set[str]] = {}
    for table in tables:
        for row in table.rows:
            if row.code:
                line = row.name or document.original.text[row.start:row.end]
                names.setdefault(row.code, set()).add(normal_name("".join(_NAME_CHARACTER.findall(line))))
    return names


def _subject_row(table: Table, names: dict[str, set[str]], subject) -> Row | None:
    """The row of ``table`` for the subject named by ``_SUBJECT``'s match: by code, found from the
    names (those the document's tables print beside codes, else the reference list)."""
    if subject is None:
        return None
    code = class_code(subject.group("name"))
    for level, length, group in (("款", 5, "kuan"), ("项", 7, "xiang")):
        if code is None or subject.group(group) is None:
            break
        code = _child_code(names, code, level, length, subject.group(group))
    return table.row_by_code(code) if code else None


def _child_code(names: dict[str, set[str]], parent: str, level: str, length: int, name: str) -> str | None:
    """The code of the subject ``name`` below ``parent``: from the tables' names, else the reference."""
    name = normal_name(name)
    named = [code for code, printed in names.items() if len(code) == length and code.startswith(parent) and name in printed]
    named = named or [c for c in codes_named(name, length, "功能") if c.startswith(parent)]
    if not named and level == "项":
        named = [parent + suffix for pattern, suffix in _COMMON_ITEMS if re.fullmatch(pattern, name)]
    return named[0] if len(named) == 1 else None


#: 项 that every 款 of the 支出功能分类 numbers alike (2120101 行政运行, 2200150 事业运行, …99 其他…支出).
_COMMON_ITEMS = (("行政运行", "01"), ("一般行政管理事务", "02"), ("机关服务", "03"), ("事业运行", "50"),
                 (r"其他\w+支出", "99"))


#: A part of the 公务接待费 the 三公 table does not print apart.
_RECEPTION_PART = compile_re(r"国内|外事|外宾|境外|国[(（]境[)）]外")


def _may_be_the_cells(document, context, match, table, row, column) -> bool | None:
    """Whether the amount of ``match`` may be the cell's, rounding allowed; None when the two cannot be compared."""
    pair = _in_text_unit(match.group("num"), match.group("unit"), table, row, column)
    return None if pair is None else amount_interval(pair[0], context.text_tolerances(document)).contains(pair[1])


def _confirmed_by_another_table(document, context, tables, match, table, row, column) -> bool:
    """Whether an item of the 收支总表 the text states is printed so by the other table that restates it: a class
    ("卫生健康支出76.55万元") by the 支出表's row of that class, a source of income ("其他收入4.60万元") by the 收入表's 合计
    in the column titled alike. Where 表1's cell differs, it is the slip (TBL004 reports it), not the text."""
    if row.is_total:
        return False
    if row.side == "支出":
        other_table, code = first(tables, EXPENDITURE), class_code(row.plain_name)
        other, other_column = (other_table.row_by_code(code) if other_table is not None and code else None), 1
    else:
        other_table = first(tables, INCOME)
        titled = income_columns(other_table) if other_table is not None else {}
        other_column = titled.get(row.plain_name) or titled.get(row.plain_name.removesuffix("收入") + "收入")
        other = other_table.total() if other_column is not None else None
    if other is None or other.amount(other_column) is None:
        return False
    return _may_be_the_cells(document, context, match, other_table, other, other_column) is True
