"""The shared parser of digit runs and Chinese numerals."""

from __future__ import annotations

import pytest

from linter.numerals import MAX_DIGITS, chinese_int, decimal_int


@pytest.mark.parametrize("text,value", [
    ("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("二十二", 22), ("九十九", 99), ("一百", 100),
    ("一百零五", 105), ("一百一十", 110), ("两百", 200), ("两千", 2000), ("一千零一十", 1010),
    ("九千九百九十九", 9999), ("廿", 20), ("廿一", 21), ("卅五", 35), ("〇", 0), ("零", 0), ("两", 2),
    ("二〇二四", 2024), ("三万", 30000), ("一万零五", 10005), ("一万二千", 12000),
])
def test_chinese_numerals_are_read_completely(text, value):
    assert chinese_int(text) == value


@pytest.mark.parametrize("text", ["", "二十二十", "十百", "百", "一百五", "十十", "一二十", "一百零",
                                  "万", "一万万", "两二", "二十x", "三" * 30])
def test_malformed_chinese_numerals_are_none(text):
    assert chinese_int(text) is None


@pytest.mark.parametrize("text,value", [("12", 12), ("０７", 7), ("٣", 3), ("१२", 12), ("9" * MAX_DIGITS, 10**MAX_DIGITS - 1)])
def test_unicode_decimal_digits_are_numbers(text, value):
    assert decimal_int(text) == value


@pytest.mark.parametrize("text", ["", "²", "①", "1²", "Ⅻ", "-1", "+1", "1.5", " 1", "1,000", "9" * (MAX_DIGITS + 1),
                                  "1" * 5000])
def test_other_digit_like_text_is_not_a_number(text):
    assert decimal_int(text) is None


def test_headings_with_any_numeral_do_not_crash_the_structure_rules(lint):
    text = "一、基本情况\n二十二十、支出情况\n一百、说明\n廿一、其他\n两、附注\n〇、空\n"
    lint(text, select=["DOC"])  # contain=False in the test helper: an exception fails the test


def test_one_heading_numbered_wrong_alone_is_reported_once(lint):
    """"一、二、四、四、五": the first 四 is the slip; the second, counted on from the 三 it should have been,
    is numbered right."""
    text = "".join(f"{mark}、{title}情况说明\n正文略。\n" for mark, title in
                   zip("一二四四五", ("收入", "支出", "三公经费", "政府采购", "国有资产")))
    found = lint(text, select=["DOC004"])
    assert [(f.span.start.line, f.expected) for f in found] == [(5, "3")]
