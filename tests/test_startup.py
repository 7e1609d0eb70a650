"""Start-up stays lean: the probes editors and CI run import no click and no rule, selecting
rules imports only those, and the rule catalogue follows the rule sources."""

from __future__ import annotations

import os
import subprocess
import sys

from linter.check import registry
from linter.check.registry import RuleInfo, all_rules, catalogue, rule_lines


def _modules_after(code: str, environment: dict[str, str] | None = None) -> set[str]:
    """The module names loaded by a fresh interpreter running ``code`` (which may exit)."""
    script = f"import sys\ntry:\n    {code}\nexcept SystemExit:\n    pass\nprint(' '.join(sys.modules), file=sys.stderr)"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=environment)
    return set(result.stderr.split())


def _run_entry(*arguments: str) -> str:
    """Code running ``disclint ARGUMENTS`` as the installed command does."""
    return f"sys.argv = ['disclint', *{list(arguments)!r}]; from linter.entry import main; main()"


def test_version_and_rules_need_neither_click_nor_any_rule():
    for arguments in (("--version",), ("rules",)):
        loaded = _modules_after(_run_entry(*arguments))
        assert "click" not in loaded and not any(m.startswith("linter.rules.") for m in loaded), arguments


def test_rules_in_english_need_no_gettext_pathlib_or_typing(tmp_path):
    environment = {**os.environ, "LC_ALL": "C", "DISCLINT_CACHE_DIR": str(tmp_path)}
    _modules_after(_run_entry("rules"), environment)  # builds the catalogue in the cache folder
    already = _modules_after("pass", environment)  # an editable install's import hook may load some at start-up
    loaded = _modules_after(_run_entry("rules"), environment) - already
    assert not loaded & {"gettext", "pathlib", "typing", "importlib.util"}


def test_other_command_lines_go_to_click():
    loaded = _modules_after(_run_entry("rules", "--help"))
    assert "click" in loaded


def test_selecting_one_rule_imports_only_that_rule(tmp_path):
    (tmp_path / "a.txt").write_text("收入合计1.5万元。\n", encoding="utf-8")
    loaded = _modules_after(_run_entry("check", "--isolated", "--select", "NUM001", "--exit-zero", str(tmp_path)))
    rules = {m for m in loaded if m.startswith("linter.rules.") and m.count(".") == 3}
    assert rules == {"linter.rules.numbers.num001_malformed_number"}
    assert "lark" not in loaded and "jieba" not in loaded
    assert "tomllib" not in loaded  # no configuration file was read


def test_catalogue_matches_the_rules_themselves():
    expected = [RuleInfo(r.code, r.name, str(r.severity), r.default_enabled, r.summary()) for r in all_rules()]
    assert catalogue() == expected and len(rule_lines()) == len(expected)
    assert any(not info.default_enabled for info in expected) and any(info.default_enabled for info in expected)


def test_catalogue_is_rebuilt_when_a_rule_source_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("DISCLINT_CACHE_DIR", str(tmp_path))
    builds = []
    monkeypatch.setattr(registry, "_describe", lambda: builds.append(1) or [RuleInfo("X001", "x", "info", True, "x")])
    for _ in range(2):
        registry.catalogue.cache_clear()
        assert registry.catalogue() == [RuleInfo("X001", "x", "info", True, "x")]
    assert len(builds) == 1
    original = registry._rule_files()
    monkeypatch.setattr(registry, "_rule_files", lambda: original[:-1])
    registry.catalogue.cache_clear()
    registry.catalogue()
    assert len(builds) == 2 and len(list(tmp_path.glob("rules-*.tsv"))) == 2
    registry.catalogue.cache_clear()
