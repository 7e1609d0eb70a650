"""Turn each rule's YAML file of pass/fail cases (tests/rules/CODE.yml) into pytest cases."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import lint_text
from linter.check.registry import rule_index

CASES_DIR = Path(__file__).resolve().parent / "rules"


def _cases():
    for path in sorted(CASES_DIR.glob("*.yml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in spec["cases"]:
            yield pytest.param(spec["rule"], spec.get("settings", {}), case, id=f"{spec['rule']}-{case['name']}")


@pytest.mark.parametrize("code,settings,case", list(_cases()))
def test_rule_case(code, settings, case):
    text = case.get("fail", case.get("pass"))
    findings = [f for f in lint_text(text, [code], **settings) if f.code == code]
    if "fail" in case:
        assert findings, f"{code} should fire on: {text}"
        if "quote" in case:
            assert any(f.span.quote == case["quote"] for f in findings), [f.span.quote for f in findings]
        if "message" in case:
            assert any(case["message"] in f.message for f in findings), [f.message for f in findings]
        if "severity" in case:
            assert any(str(f.severity) == case["severity"] for f in findings), [str(f.severity) for f in findings]
        if "count" in case:
            assert len(findings) == case["count"], [f.message for f in findings]
        if "expected" in case:  # the value a finding offers in the cell's place
            assert any(f.expected == case["expected"] for f in findings), [f.expected for f in findings]
        if "related" in case:  # a place (its line, and its quote) a finding lists beside its own
            line, quote = case["related"]
            assert any((r.span.start.line, r.span.quote) == (line, quote) for f in findings for r in f.related), \
                [[(r.span.start.line, r.span.quote) for r in f.related] for f in findings]
        if "unlike" in case:  # words no finding may say
            assert not any(case["unlike"] in f.message for f in findings), [f.message for f in findings]
    else:
        assert not findings, [f.message for f in findings]


def test_every_rule_has_cases_that_fail_and_pass():
    missing = []
    for code in rule_index():
        path = CASES_DIR / f"{code}.yml"
        if not path.exists():
            missing.append(f"{code}: no {path.name}")
            continue
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
        if not any("fail" in c for c in cases) or not any("pass" in c for c in cases):
            missing.append(f"{code}: needs a failing and a passing case")
    assert not missing, missing
