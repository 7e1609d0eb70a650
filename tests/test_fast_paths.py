"""Fast paths give what the plain code they replace gives: each is compared with the slow form
on generated texts drawn from the characters that matter to it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.rules.numbers import num002_unfilled_slot

FAST = settings(max_examples=2000, derandomize=True, deadline=None, database=None)


def _texts(*pieces: str):
    """Texts of up to 40 of ``pieces`` (characters or short strings)."""
    return st.lists(st.sampled_from(pieces), max_size=40).map("".join)


@FAST
@given(_texts(*"万元亿占为五单位以数（(“”\" %，。：:,、12.人员经费支出\n", "万元", "亿元", "单位："))
def test_slots_are_the_slot_patterns_matches(text):
    expected = [m.span() for m in num002_unfilled_slot._SLOT.finditer(text)]
    assert [m.span() for m in num002_unfilled_slot._slots(text)] == expected
