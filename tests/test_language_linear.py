"""Language and punctuation rules take linear time on hostile input (issue 10's attack cases):
a size where a quadratic scan would take minutes must finish in seconds."""

from __future__ import annotations

import time

import pytest

from conftest import lint_text

SENTENCE = "本部门决算由纳入独立核算的单位本级决算组成"


@pytest.mark.parametrize("code,text", [
    ("PUN001", "费" + ")" * 100_000),
    ("PUN001", "（" * 50_000 + "）" * 50_000),
    ("PUN002", "。" * 100_000),
    ("PUN003", "，".join(["甲乙"] * 20_000) + "。" + "丙,丁" * 20_000),
    ("LNG003", (SENTENCE * 3000 + "。") * 2),
    ("LNG004", (SENTENCE * 3000 + "。") * 2),
    ("LNG002", "各" * 100_000),
])
def test_hostile_input_is_linted_in_linear_time(code, text):
    started = time.perf_counter()
    findings = lint_text(text, [code])
    assert time.perf_counter() - started < 10, code
    assert len(findings) <= 2


def test_a_long_sentence_pasted_twice_is_still_reported():
    sentence = SENTENCE * 40 + "。"
    assert lint_text(sentence + sentence.replace("单位", "单元", 1), ["LNG004"])
