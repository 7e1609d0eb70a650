"""Property-based fuzzing of the whole pipeline (read → normalise → extract → every rule → every
output format) with the generators of ``fuzz_inputs``; ``scripts/fuzz_campaign.py`` runs the same
generators on ≥ 100,000 inputs. Deterministic (``derandomize``) and small enough for CI."""

from __future__ import annotations

import os
import random
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz_inputs import GENERATORS, check_invariants, fingerprint, lint_bytes

CI = settings(max_examples=50, derandomize=True, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def assert_sound(data: bytes) -> None:
    """No exception; positions inside the file; outputs render; a second run is identical."""
    outcome = lint_bytes(data)
    if outcome is None:
        return  # refused with a clean InputError
    text, findings = outcome
    check_invariants(text, findings)
    again = lint_bytes(data)
    assert again is not None and fingerprint(again[1]) == fingerprint(findings)


@pytest.mark.parametrize("kind", sorted(GENERATORS))
@CI
@given(rng=st.randoms(use_true_random=False))
def test_generated_documents(kind, rng):
    assert_sound(GENERATORS[kind](rng))


@CI
@given(text=st.text(min_size=1, max_size=400))
def test_any_unicode_text(text):
    assert_sound(text.encode("utf-8"))


@CI
@given(data=st.binary(min_size=1, max_size=400))
def test_any_bytes(data):
    assert_sound(data)


def test_output_is_the_same_under_another_hash_seed(tmp_path):
    """Set and dict order must not leak into findings: lint the same generated files in two
    processes with different ``PYTHONHASHSEED`` and compare the JSON."""
    rng = random.Random(20261123)
    for number in range(40):
        kind = sorted(GENERATORS)[number % len(GENERATORS)]
        (tmp_path / f"{number:02d}-{kind}.txt").write_bytes(GENERATORS[kind](rng))
    outputs = []
    for seed in ("0", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run([sys.executable, "-m", "linter", "check", str(tmp_path), "--style",
                                 "--format", "json", "--exit-zero"], capture_output=True, env=env, timeout=300)
        assert result.returncode in (0, 2), result.stderr.decode("utf-8", "replace")
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] and outputs[0].count(b'"code"') > 10


@pytest.mark.parametrize("sentence", [
    "公务用车保有量为{digits}辆，比上年增加1辆，增长50%。",  # CON005 converted the count to int
    "2016年预算{digits}万元，2015年预算12.5万元；对比减少4.35万元。",
    "采购预算金额为{digits}万元，实际采购金额为1万元，节约金额1万元，资金节约率为1%。",
])
def test_counts_and_amounts_of_thousands_of_digits(sentence):
    """Found by the fuzz campaign (seed 2086): a count of 4,400 digits is no count, never a crash."""
    assert_sound(sentence.format(digits="1" * 4400).encode("utf-8"))


ONES = "1" * 400


@pytest.mark.parametrize("text", [
    # a completion rate against a gap to the budget, both of 400 digits (ARI003: inf / inf in a ratio)
    f"2003年收入预算3596.7，支出预算{ONES}亿元，与上年预算相比，收、支预算总计各减少9333元，下降2813%。\n"
    f"本年收入{ONES}元，完成年初预算的4582.28%，比年初预算减收302,399,328,465,750,012,594,996,199,347元。\n",
    # last year's level no number (ARI002, ARI009: None − a float)
    "与2047年度相比，基本支出收入和支出各减少0万元和-1.5，分别增长7428%。\n合计5172亿元，比上年增加205.4亿元。主要原因是："
    "一是其中：增加,100949.亿元；二是下降减少00万元。2008年栏次预算2999548388,71849896元，上年预算-1.5元，增加2966.4元。\n",
    # a cell of 400 decimals (TBL002, TBL003: the table's resolution 0.0, its log undefined)
    "支出决算表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t10.5\t4\t6\n201\t一般公共服务支出\t10.5"
    + "0" * 400 + "1\t4\t6\n",
])
def test_numbers_too_long_for_a_float_or_no_number_fail_no_rule(text):
    """Found by the fuzz campaign (seeds 40–42): a rule failed on each (its finding E000), the others went on."""
    outcome = lint_bytes(text.encode("utf-8"))
    assert outcome is not None and not [f for f in outcome[1] if f.code == "E000"]

