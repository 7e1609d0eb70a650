"""Every rule's documented examples (``disclint explain``) do what they say: the anti-pattern
triggers the rule when linted, the best practice does not."""

from __future__ import annotations

import inspect
import textwrap

import pytest

from linter.check.registry import all_rules

from conftest import lint_text


def examples(rule) -> tuple[str, str]:
    """The indented example blocks after **Anti-pattern** and after **Best practice**."""
    doc = inspect.getdoc(rule)
    bad_part, good_part = doc.split("**Anti-pattern**", 1)[1].split("**Best practice**", 1)

    def blocks(part: str) -> str:
        paragraphs = [p for p in part.split("\n\n") if p[:1].isspace() or p.startswith("\n ")]
        return textwrap.dedent("\n".join(p.strip("\n") for p in paragraphs)) + "\n"

    return blocks(bad_part), blocks(good_part)


RULES = all_rules()


@pytest.mark.parametrize("rule", RULES, ids=[rule.code for rule in RULES])
def test_the_anti_pattern_triggers_the_rule(rule):
    bad, _good = examples(rule)
    assert bad.strip(), f"{rule.code} documents no anti-pattern example"
    assert any(f.code == rule.code for f in lint_text(bad, select=[rule.code])), bad


@pytest.mark.parametrize("rule", RULES, ids=[rule.code for rule in RULES])
def test_the_best_practice_passes(rule):
    _bad, good = examples(rule)
    assert good.strip(), f"{rule.code} documents no best-practice example"
    assert [f.message for f in lint_text(good, select=[rule.code]) if f.code == rule.code] == []


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_prose_paragraphs_are_not_read_as_examples(rule):
    """A line written flush left inside a docstring makes every other line look indented: its prose then reads
    as an example block, and ``explain`` shows it untranslated."""
    for paragraph in (inspect.getdoc(rule) or "").split("\n\n"):
        lines = [line for line in paragraph.splitlines() if line.strip()]
        if lines and lines[0][:1].isspace():
            assert all(line[:1].isspace() for line in lines), f"{rule.code}: {lines[0].strip()[:40]}…"
