"""The pre-commit hook, for real: a throw-away repository of drafts uses this checkout's hook.

pre-commit clones the hook repository at a committed revision, so this tests the checkout's HEAD
commit (commit before running it). Slow (pre-commit builds a virtualenv with disclint), but it
runs in CI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


def _environment(cache: Path) -> dict[str, str]:
    """A committer identity, and a pre-commit cache of the test's own."""
    identity = {f"GIT_{who}_{what}": value for who in ("AUTHOR", "COMMITTER")
                for what, value in (("NAME", "Drafts"), ("EMAIL", "drafts@example.invalid"))}
    return {**os.environ, **identity, "PRE_COMMIT_HOME": str(cache)}


def _head() -> str | None:
    if shutil.which("git") is None:
        return None
    result = subprocess.run(["git", "rev-parse", "HEAD"], cwd=CHECKOUT, capture_output=True, text=True)
    return result.stdout.strip() if result.returncode == 0 else None


@pytest.mark.skipif(_head() is None, reason="needs git and a git checkout of disclint")
def test_precommit_hook_refuses_a_draft_with_a_problem_and_accepts_a_clean_one(tmp_path):
    pytest.importorskip("pre_commit", reason="pre-commit comes with the test extra: pip install -e '.[test]'")
    repo = tmp_path / "drafts"
    repo.mkdir()
    env = _environment(tmp_path / "pre-commit-cache")

    def git(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=600)

    git("init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {CHECKOUT}\n    rev: {_head()}\n    hooks:\n      - id: disclint\n",
        encoding="utf-8",
    )
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=env, check=True,
                   capture_output=True, timeout=120)

    (repo / "bad.txt").write_text("支出决算为852.68万元，完成年初预算的72.83.1%。\n", encoding="utf-8")
    git("add", ".pre-commit-config.yaml", "bad.txt")
    refused = git("commit", "-m", "draft with a malformed number")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "bad.txt:1:22: error NUM001 malformed number 72.83.1%" in output, output
    assert git("rev-list", "--all").stdout == ""  # nothing was committed

    # Fix the draft; an unstaged bad draft in the work tree is not the hook's business.
    (repo / "bad.txt").write_text("支出决算为852.68万元，完成年初预算的78.1%。\n", encoding="utf-8")
    (repo / "unstaged.txt").write_text("完成年初预算的72.83.1%。\n", encoding="utf-8")
    git("add", "bad.txt")
    accepted = git("commit", "-m", "clean draft")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "disclint" in accepted.stdout + accepted.stderr and "Passed" in accepted.stdout + accepted.stderr
    assert "unstaged.txt" not in accepted.stdout + accepted.stderr


@pytest.mark.parametrize("name, linted", [
    ("决算公开草稿.docx", True), ("决算表.xlsx", True), ("2024年度部门决算.pdf", True), ("草稿.txt", True),
    ("说明.md", True), ("照片.png", False), ("草稿.doc", False),
])
def test_the_hook_takes_the_formats_disclint_reads(name, linted):
    """Clerks draft in Word with tables in Excel and publish PDF: the hook passes those files too."""
    import re

    import yaml

    [hook] = yaml.safe_load((CHECKOUT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert bool(re.search(hook["files"], name)) is linted
    assert "types" not in hook  # `types: [text]` would drop the binary Word, Excel and PDF files
