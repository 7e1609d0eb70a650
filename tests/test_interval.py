"""Printing recomputed amounts and percentages as a clerk rounds them (四舍五入)."""

from __future__ import annotations

import math

import pytest

from linter.check.interval import format_amount, format_percent, format_ratio


@pytest.mark.parametrize("value,decimals,printed", [
    (100 * 2.6 / 16, 1, "16.3%"),   # 16.25: format() would print 16.2
    (16.2499999, 1, "16.2%"),
    (100 * 10 / 17, 2, "58.82%"),
    (-3.455, 2, "-3.46%"),
    (-0.004, 1, "0.0%"),
    (99.96, 1, "100.0%"),
    (7.0, 0, "7.0%"),               # at least one decimal
])
def test_percentages_round_half_up(value, decimals, printed):
    assert format_percent(value, decimals) == printed


@pytest.mark.parametrize("part,whole,decimals,printed", [
    (139.17, 120, 2, "115.98%"),    # 115.975: 100 * 139.17 / 120 is 115.97499… in binary
    (2.6, 16, 1, "16.3%"),
    (10, 17, 2, "58.82%"),
])
def test_ratios_round_half_up_on_the_printed_numbers(part, whole, decimals, printed):
    assert format_ratio(part, whole, decimals) == printed


@pytest.mark.parametrize("part,whole,printed", [
    (float("inf"), float("inf"), "nan%"),   # fifty digits read as two amounts: the rule fails no more (a fuzzed input)
    (5.0, float("inf"), "0.0%"),
    (5.0, 0.0, "nan%"),
])
def test_a_ratio_of_numbers_too_long_for_a_float_or_of_nothing_is_printed_not_raised(part, whole, printed):
    assert format_ratio(part, whole, 1) == printed


@pytest.mark.parametrize("value,printed", [
    (852.675, "852.68"),            # stored as 852.67499…
    (12.345, "12.35"),
    (7.6, "7.6"),
    (1200.0, "1200"),
    (0.004, "0"),
    (8526801.0, "8526801"),         # large amounts keep their cents exact
    (8526800.01, "8526800.01"),
])
def test_amounts_round_half_up_and_drop_trailing_zeros(value, printed):
    assert format_amount(value) == printed


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan, 1e300])
def test_extreme_values_still_print(value):
    assert format_amount(value) and format_percent(value).endswith("%")


def _tolerances_of(text: str):
    from linter.check.interval import text_tolerances
    from linter.check.rule import Tolerances
    from linter.document import Document
    from linter.read import decode_bytes

    return text_tolerances(Document(decode_bytes(text.encode("utf-8"), "snippet.txt")), Tolerances())


def test_a_text_printing_no_cents_rounds_each_amount_to_its_own_digits():
    """"3,018.7万元" beside tables to the cent stands for 3,018.65–3,018.75; where one amount prints
    cents, the others only dropped their trailing zeros ("7.6" is 7.60)."""
    from linter.check.interval import amount_interval
    from linter.extract.numbers import Number

    coarse = _tolerances_of("支出3,018.7万元，基本支出2,362.8万元，项目支出655.9万元，公务接待费3万元，会议费1.2万元。")
    exact = _tolerances_of("支出3,018.74万元，基本支出2,362.8万元，项目支出655.9万元，公务接待费3万元，会议费1.2万元。")
    assert coarse.rounded_amounts and not exact.rounded_amounts
    three = Number("3", "万元", 0, 1, 3.0, 0)
    assert amount_interval(three, coarse).contains(2.86) and not amount_interval(three, exact).contains(2.86)


def test_a_narrative_its_tables_show_rounded_rounds_its_shorter_amounts():
    """Where the tables print the narrative's shorter amounts with more digits ("281.1万元" beside 281.14),
    they were rounded on purpose (281.05–281.15); where the tables print them as the text does, they are exact."""
    from linter.check.interval import amount_interval
    from linter.extract.numbers import Number

    tables = ("收入决算表\n单位：万元\n项目\t本年收入合计\t财政拨款收入\t其他收入\n合计\t285.67\t{}\t{}\n"
              "支出决算表\n单位：万元\n项目\t本年支出合计\t基本支出\t项目支出\n合计\t285.67\t{}\t{}\n\n")
    narrative = "收入合计285.67万元，其中：财政拨款收入281.1万元；其他收入4.5万元。其中：基本支出241.4万元；项目支出44.3万元。"
    rounded = _tolerances_of(tables.format("281.14", "4.53", "241.38", "44.29") + narrative)
    exact = _tolerances_of(tables.format("281.10", "4.50", "241.40", "44.30") + narrative)
    assert rounded.rounded_short_amounts and not exact.rounded_short_amounts
    basic = Number("241.4", "万元", 0, 5, 241.4, 1)
    assert amount_interval(basic, rounded).contains(241.38) and not amount_interval(basic, exact).contains(241.38)
