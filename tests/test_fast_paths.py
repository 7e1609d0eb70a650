"""Fast paths give what the plain code they replace gives: each is compared with the slow form
on generated texts drawn from the characters that matter to it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.rules.numbers import num002_unfilled_slot

FAST = settings(max_examples=2000, derandomize=True, deadline=None, database=None)


def _texts(*pieces: str, most: int = 40):
    """Texts of up to ``most`` of ``pieces`` (characters or short strings)."""
    return st.lists(st.sampled_from(pieces), max_size=most).map("".join)


@FAST
@given(_texts(*"万元亿占为五单位以数（(“”\" %，。：:,、12.人员经费支出\n", "万元", "亿元", "单位："))
def test_slots_are_the_slot_patterns_matches(text):
    expected = [m.span() for m in num002_unfilled_slot._SLOT.finditer(text)]
    assert [m.span() for m in num002_unfilled_slot._slots(text)] == expected


def test_a_typo_explanation_tests_numbers_printed_alike_once():
    from linter.check.arith import typo_explanation
    from linter.check.rule import Tolerances
    from linter.document import Document
    from linter.extract.numbers import Number
    from linter.read import decode_bytes

    document = Document(decode_bytes("收入合计12.5万元。\n".encode() * 50, "a.txt"))
    wrong = Number("12.6", "万元", 0, 4, 12.6, 1)
    tested = []
    meant = typo_explanation(document, wrong, lambda interval: tested.append(interval) or True, Tolerances())
    assert meant == document.numbers[0] and len(document.numbers) == 50 and len(tested) == 1


@FAST
@given(_texts("1", "13.95", "2023年", ".", ",", "%", "％", "元", "万元", "亿元", "增长", "下降", "占", "为", "，", "。", "；", " ", "A",
              most=8))
def test_a_text_said_to_hold_no_number_has_no_amount_or_percent_token(text):
    from linter.extract.tokens import may_hold_number, tokenize

    if any(t.type in ("AMOUNT", "PERCENT") for t in tokenize(text)):
        assert may_hold_number(text)


@FAST
@given(_texts(*"０１９．％（）［］＋－＝，0.%()[]+-=, 年度收入表\t"))
def test_one_for_one_translates_as_str_translate(text):
    from linter.extract.tables import _HALF_WIDTH
    from linter.normalise.flow import HALF_WIDTH

    for half_width in (HALF_WIDTH, _HALF_WIDTH):
        assert half_width(text) == text.translate(half_width.table)


@FAST
@given(_texts(*"收入决算表支出单位：万元 （表1）：，\n\t"))
def test_a_plain_title_ends_in_biao(text):
    """Table detection tries a plain title only on lines ending in 表."""
    from linter.extract import tables

    if tables._PLAIN_TITLE.match(text.strip()):
        assert text.strip().endswith("表")
