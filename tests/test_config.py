"""Configuration files, their discovery and merging with the command line; baselines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.check.finding import Severity
from linter.cli import main
from linter.config import ConfigError, Configuration, Settings, find_config_file

DRAFT = "支出决算为852.68万元，完成年初预算的72.83.1%。\n"
CLEAN = "2022年度收入合计199.25万元。其中：财政拨款收入199.25万元，占本年收入100%。\n"


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A folder with drafts/a.txt and archive/old.txt (one malformed number each), as the current folder."""
    monkeypatch.chdir(tmp_path)
    for name in ("drafts/a.txt", "archive/old.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(DRAFT, encoding="utf-8")
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_discovery_nearest_wins_and_pyproject_needs_a_disclint_table(project):
    write(project / "pyproject.toml", '[tool.disclint]\nfail-on = "error"\n')
    assert find_config_file(project / "drafts" / "a.txt") == project / "pyproject.toml"
    write(project / "drafts" / "pyproject.toml", '[project]\nname = "x"\n')
    assert find_config_file(project / "drafts" / "a.txt") == project / "pyproject.toml"
    write(project / "drafts" / "disclint.toml", 'fail-on = "info"\n')
    assert find_config_file(project / "drafts" / "a.txt") == project / "drafts" / "disclint.toml"
    configuration = Configuration()
    assert configuration.for_path("drafts/a.txt").fail_on is Severity.INFO
    assert configuration.for_path("archive/old.txt").fail_on is Severity.ERROR


def test_every_option_is_read(project):
    write(project / "disclint.toml", """
select = ["NUM"]
extend-select = ["NUM001"]
ignore = []
fail-on = "error"
style = true
max-bytes = 1000
exclude = ["archive"]
[severity]
NUM001 = "warning"
[tolerances]
amount-unit = 0.005
tail-per-item = 0.02
percent-slack = 0.5
[per-file-ignores]
"drafts/*" = ["NUM001"]
""")
    settings = Configuration().settings_for(project / "disclint.toml")
    assert settings.select == ["NUM"] and settings.extend_select == ["NUM001"]
    assert settings.severity == {"NUM001": Severity.WARNING}
    assert (settings.tolerances.amount_unit, settings.tolerances.tail_per_item, settings.tolerances.percent_slack) == (0.005, 0.02, 0.5)
    assert settings.fail_on is Severity.ERROR and settings.style is True and settings.max_bytes == 1000
    assert settings.excludes(project / "archive" / "old.txt") and not settings.excludes(project / "drafts" / "a.txt")
    assert "NUM001" in settings.for_path(project / "drafts" / "a.txt").ignore
    assert "NUM001" not in settings.for_path(project / "other.txt").ignore


@pytest.mark.parametrize("toml, message", [
    ('selct = ["NUM"]\n', "unknown key 'selct'; did you mean 'select'?"),
    ('select = ["XYZ"]\n', "'XYZ' matches no rule code"),
    ('[severity]\nNUM001 = "fatal"\n', "unknown severity 'fatal'"),
    ('[severity]\nZZZ999 = "error"\n', "'ZZZ999' matches no rule code"),
    ('[tolerances]\namount = 0.1\n', "unknown tolerance 'amount'; did you mean 'amount-unit'?"),
    ('[per-file-ignores]\n"*.txt" = ["NUM9"]\n', "'NUM9' matches no rule code"),
    ('fail-on = "sometimes"\n', "unknown severity 'sometimes'"),
    ('exclude = "archive"\n', "'exclude' must be a list"),
    ("select = [\n", "invalid TOML"),
])
def test_configuration_errors_are_clear_and_exit_2(project, toml, message):
    config = write(project / "disclint.toml", toml)
    with pytest.raises(ConfigError, match=f"^{config}"):
        Configuration().for_path("drafts/a.txt")
    result = run("check", "drafts/a.txt")
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output


def test_unknown_codes_on_the_command_line_exit_2(project):
    result = run("check", "--select", "NOPE1", "drafts/a.txt")
    assert result.exit_code == 2 and "'NOPE1' matches no rule code" in result.stderr
    assert run("check", "--tolerance", "amount-unit", "drafts/a.txt").exit_code == 2
    assert run("check", "--severity", "NUM001=loud", "drafts/a.txt").exit_code == 2
    assert run("check", "--config", "missing.toml", "drafts/a.txt").exit_code == 2


def test_configuration_changes_what_check_reports(project):
    assert run("check", "drafts/a.txt").exit_code == 1
    write(project / "pyproject.toml", '[tool.disclint]\nignore = ["NUM"]\n')
    result = run("check", "drafts/a.txt")
    assert result.exit_code == 0 and result.stdout == "Found no problems in 1 file.\n"
    # The command line extends the ignores and replaces the selection; --isolated skips the file.
    assert run("check", "--isolated", "drafts/a.txt").exit_code == 1
    assert run("check", "--select", "NUM001", "drafts/a.txt").exit_code == 0


def test_severity_override_and_fail_on(project):
    write(project / "disclint.toml", '[severity]\nNUM001 = "warning"\n')
    result = run("check", "drafts/a.txt")
    assert result.exit_code == 1 and ": warning NUM001 " in result.stdout
    assert run("check", "--fail-on", "error", "drafts/a.txt").exit_code == 0
    write(project / "disclint.toml", 'fail-on = "never"\n')
    assert run("check", "drafts/a.txt").exit_code == 0
    assert run("check", "--fail-on", "error", "drafts/a.txt").exit_code == 1
    result = run("check", "--severity", "NUM=info", "--fail-on", "warning", "drafts/a.txt")
    assert result.exit_code == 0 and ": info NUM001 " in result.stdout


def test_exclude_and_per_file_ignores(project):
    write(project / "disclint.toml", 'exclude = ["archive"]\n[per-file-ignores]\n"drafts/*.txt" = ["NUM001"]\n')
    result = run("check", ".")
    assert result.exit_code == 0 and result.stdout == "Found no problems in 1 file.\n"
    # Globs given on the command line, too, are relative to the configuration file's folder.
    result = run("check", "--isolated", "--exclude", "drafts/*", "--per-file-ignores", "*/old.txt:NUM", ".")
    assert result.stdout == "Found no problems in 1 file.\n"


def test_style_switch_adds_or_removes_the_sty_rules(monkeypatch):
    monkeypatch.setattr("linter.config.rule_index", lambda: {"NUM001": "", "STY001": "", "STY002": ""})
    assert Settings(style=True).rule_selection() == ([], [], ["STY001", "STY002"])
    assert Settings(style=False, ignore=["NUM"]).rule_selection() == ([], ["NUM", "STY001", "STY002"], [])
    assert Settings().rule_selection() == ([], [], [])


def test_tolerances_reach_the_rules(project, monkeypatch):
    seen = []
    monkeypatch.setattr("linter.engine.CheckContext", lambda tolerances: seen.append(tolerances))
    monkeypatch.setattr("linter.engine.rules_for", lambda settings: [])
    run("check", "--tolerance", "percent-slack=0.3", "drafts/a.txt")
    assert seen and seen[0].percent_slack == 0.3


def test_baseline_reports_only_new_findings_and_survives_unrelated_edits(project):
    draft = project / "drafts" / "a.txt"
    # Only the number rule: the drafts below repeat sentences on purpose (LNG004 would say so).
    write(project / "disclint.toml", 'select = ["NUM"]\n')
    result = run("check", "--write-baseline", "baseline.json", "drafts")
    assert result.exit_code == 0 and "recorded 1 finding in" in result.stderr
    entry = json.loads((project / "baseline.json").read_text(encoding="utf-8"))["findings"][0]
    assert (entry["path"], entry["code"], entry["quote"]) == ("drafts/a.txt", "NUM001", "72.83.1%")
    assert run("check", "--baseline", "baseline.json", "drafts").exit_code == 0
    # Unrelated edits move the old finding to another line: still known.
    write(draft, "一、总体情况\n\n" + CLEAN + DRAFT)
    assert run("check", "--baseline", "baseline.json", "drafts").exit_code == 0
    # The baseline is relative to its own folder, not to the working folder.
    assert run("check", "--baseline", str(project / "baseline.json"), str(draft)).exit_code == 0
    # A second copy of the same problem, and a new problem, are new.
    write(draft, DRAFT + DRAFT + "收入合计1,2345.6万元。\n")
    result = run("check", "--baseline", "baseline.json", "drafts")
    assert result.exit_code == 1
    assert [line.split(": ")[0] for line in result.stdout.splitlines()[:-1]] == ["drafts/a.txt:2:22", "drafts/a.txt:3:5"]


def test_unreadable_baseline_exits_2(project):
    assert run("check", "--baseline", "nope.json", "drafts").exit_code == 2
    write(project / "bad.json", "[1, 2]")
    result = run("check", "--baseline", "bad.json", "drafts")
    assert result.exit_code == 2 and "not a disclint baseline" in result.stderr


def test_rules_and_explain():
    listing = run("rules").stdout
    assert any(line.startswith("NUM001  malformed-number") and "error" in line for line in listing.splitlines())
    explained = run("explain", "num001").stdout
    assert "**Anti-pattern**" in explained and "72.83.1%" in explained and "**Best practice**" in explained
    assert run("explain", "XYZ123").exit_code == 2


def test_the_readme_configuration_example_is_valid(project):
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Configuration", 1)[1]
    example = section.split("```toml\n", 1)[1].split("```", 1)[0]
    write(project / "disclint.toml", example)
    settings = Configuration().for_path("drafts/a.txt")
    assert settings.fail_on is Severity.ERROR and settings.severity == {"NUM001": Severity.WARNING}
