"""The README stays true: the rule table matches the rules, the quick start matches CI."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
sys.path.insert(0, str(ROOT / "scripts"))

from rules_table import rules_table  # noqa: E402


def test_rule_table_lists_every_rule_as_it_is():
    assert rules_table() in README, "README's ## Rules table is stale: run python scripts/rules_table.py"


def test_quick_start_has_two_commands_and_ci_runs_the_test_one():
    quick_start = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.search(r"```sh\n(.*?)```", quick_start, re.S).group(1).strip().splitlines()
    assert len(commands) == 2
    assert "disclint check examples/" in commands[0]
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
