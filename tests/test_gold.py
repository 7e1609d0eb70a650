"""The table checks on the annotated corpus (scripts/gold/corpus.yml): every annotated table error
found, no table alarm that is not a real problem. Skipped when ../shared/corpus is absent."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import score_gold  # noqa: E402

pytestmark = pytest.mark.skipif(not score_gold.CORPUS.is_dir(), reason="../shared/corpus is absent")


def test_table_checks_find_the_annotated_errors_and_nothing_else():
    scores = score_gold.score(score_gold.CORPUS, score_gold.GOLD, ["TBL", "NUM"])
    assert scores, "no gold document found in the corpus"
    for name, result in scores.items():
        assert not result.false, result.false
        assert not result.missed, result.missed
