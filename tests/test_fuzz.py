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
