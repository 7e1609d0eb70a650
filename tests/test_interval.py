"""Printing recomputed amounts and percentages as a clerk rounds them (四舍五入)."""

from __future__ import annotations

import math

import pytest

from linter.check.interval import format_amount, format_percent


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
