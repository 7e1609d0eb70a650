"""The whole pipeline on the real disclosures in examples/: the real problems are found,
the correct claims stay quiet."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES
from linter.check.finding import Severity
from linter.config import Settings
from linter.engine import lint_paths

NARRATIVE_RULES = ["NUM", "ARI", "CON"]


@pytest.fixture(scope="module")
def findings():
    result = lint_paths([EXAMPLES], Settings(select=NARRATIVE_RULES))
    assert not result.errors and result.files == 5
    return result.findings


def _of(findings, prefix, code=None):
    return [f for f in findings if f.path.split("/")[-1].startswith(prefix) and (code is None or f.code == code)]


def test_malformed_completion_rate_is_reported_with_the_recomputation(findings):
    (malformed,) = _of(findings, "001", "NUM001")
    assert malformed.span.quote == "72.83.1%"
    (rate,) = _of(findings, "001", "ARI003")
    assert "852.68 / 1091.53 = 78.1%, but the text says 72.83.1%" in rate.message
    assert (rate.span.start.line, rate.span.start.column) == (malformed.span.start.line, malformed.span.start.column)


def test_completion_rate_that_does_not_follow_from_its_amounts(findings):
    messages = [f.message for f in _of(findings, "003", "ARI003")]
    assert any("854.16 / 76.5 = 1116.5%" in m and "1123.2%" in m for m in messages)
    assert any("161.73 / 162.27 = 99.7%" in m for m in messages)
    assert any("41.72 / 40.16 = 103.9%" in f.message for f in _of(findings, "004", "ARI003"))


def test_budget_of_a_subject_that_differs_from_the_total(findings):
    (exceed,) = _of(findings, "003", "ARI004")
    assert "年初预算" in exceed.message and "76.5" in exceed.message and "76.05" in exceed.message


def test_stated_increase_that_contradicts_another(findings):
    (contradiction,) = _of(findings, "000", "CON003")
    assert "28.75" in contradiction.span.quote and "144.11" in contradiction.message


def test_subject_amounts_that_exceed_the_total(findings):
    exceed, below_class = sorted(_of(findings, "000", "ARI004"), key=lambda f: f.span.start.line, reverse=True)
    assert "250.95" in exceed.message and "199.25" in exceed.message
    # the 项 of 一般公共服务 (事业运行 170.61, 其他网信事务支出 51.70) exceed the 类's stated 170.61
    assert "222.31" in below_class.message and below_class.span.start.line == 75


def test_share_of_a_named_whole(findings):
    assert any("11 / 11 = 100.0%" in f.message for f in _of(findings, "000", "ARI001"))
    assert any("717.67 / 717.67 = 100.0%" in f.message for f in _of(findings, "001", "ARI001"))


def test_correct_budget_document_is_quiet(findings):
    assert not [f for f in _of(findings, "002") if f.severity >= Severity.WARNING]


def test_tail_differences_are_info_only(findings):
    tails = _of(findings, "004", "CON004")
    assert tails and all(f.severity == Severity.INFO for f in tails)
    assert not [f for f in _of(findings, "004") if f.code in ("ARI004", "ARI005", "CON001")]


def test_every_finding_points_inside_the_original_text(findings):
    for finding in findings:
        text = (EXAMPLES / finding.path.split("/")[-1]).read_text(encoding="utf-8")
        line = text.splitlines()[finding.span.start.line - 1]
        assert line[finding.span.start.column - 1:].startswith(finding.span.quote.splitlines()[0])


@pytest.mark.parametrize("encoding,newline", [("gb18030", "\n"), ("utf-16", "\r\n"), ("utf-8-sig", "\r\n")])
def test_same_findings_whatever_the_encoding_and_line_endings(tmp_path, findings, encoding, newline):
    original = EXAMPLES / "001_46d27437a1fcb152.txt"
    copy = tmp_path / original.name
    copy.write_bytes(original.read_text(encoding="utf-8").replace("\n", newline).encode(encoding))
    again = lint_paths([copy], Settings(select=NARRATIVE_RULES)).findings
    expected = [(f.code, f.span.start, f.span.end) for f in _of(findings, "001")]
    assert [(f.code, f.span.start, f.span.end) for f in again] == expected


def test_rules_share_one_index_and_one_set_of_sums(monkeypatch):
    from linter.check import arith

    calls = []
    build, sums = arith._build_index, arith._sum_checks
    monkeypatch.setattr(arith, "_build_index", lambda d: calls.append("index") or build(d))
    monkeypatch.setattr(arith, "_sum_checks", lambda d, t: calls.append("sums") or sums(d, t))
    lint_paths([EXAMPLES / "003_13c379aef6052f8e.txt"], Settings(select=["ARI", "CON"]))
    assert sorted(calls) == ["index", "sums"]
