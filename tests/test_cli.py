"""The command line: formats, exit codes, bad input."""

from __future__ import annotations

import json

from click.testing import CliRunner

from conftest import EXAMPLES
from linter.cli import main

BAD = "2022年度一般公共预算财政拨款支出年初预算为1091.53万元，支出决算为852.68万元，完成年初预算的72.83.1%。\n"
GOOD = "2022年度收入合计199.25万元。其中：财政拨款收入199.25万元，占本年收入100%。\n"


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_text_format_and_exit_status(tmp_path):
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    result = run("check", str(tmp_path))
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert first.startswith(f"{tmp_path / 'bad.txt'}:1:") and " error " in first
    assert result.output.splitlines()[-1].startswith("Found 2 errors in 2 files")
    assert run("check", str(tmp_path / "good.txt")).exit_code == 0
    assert run("check", str(tmp_path), "--exit-zero").exit_code == 0
    assert run("check", str(tmp_path), "--fail-on", "never").exit_code == 0


def test_json_format(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text(BAD, encoding="utf-8")
    data = json.loads(run("check", str(path), "--format", "json").output)
    codes = {item["code"] for item in data}
    assert codes == {"NUM001", "ARI003"}
    item = next(i for i in data if i["code"] == "ARI003")
    assert item["line"] == 1 and item["end_line"] == 1 and item["end_column"] - item["column"] == len("72.83.1%")
    assert item["expected"] == "78.1%" and item["severity"] == "error" and item["rule"] == "completion-rate-mismatch"


def test_select_and_ignore(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text(BAD, encoding="utf-8")
    assert "ARI003" not in run("check", str(path), "--select", "NUM").output
    assert "NUM001" not in run("check", str(path), "--ignore", "NUM001").output
    result = run("check", str(path), "--select", "XYZ")
    assert result.exit_code == 2 and "matches no rule" in result.output


def test_unreadable_files_are_reported_and_the_run_goes_on(tmp_path):
    (tmp_path / "a_binary.txt").write_bytes(b"\x00\x01\x02\x03")
    (tmp_path / "b_bad.txt").write_text(BAD, encoding="utf-8")
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    assert "a_binary.txt" in result.output and "binary" in result.output
    assert "ARI003" in result.output
    assert "Traceback" not in result.output


def test_rules_and_explain():
    listing = run("rules").output
    assert "ARI003  completion-rate-mismatch" in listing
    doc = run("explain", "ari003").output
    assert "**Anti-pattern**" in doc and "**Best practice**" in doc
    assert run("explain", "NOPE1").exit_code == 2


def test_examples_run_end_to_end():
    result = run("check", str(EXAMPLES), "--exit-zero")
    assert result.exit_code == 0 and "Found" in result.output


def test_findings_are_sorted_by_path_then_position(tmp_path):
    for name in ("b.txt", "a.txt"):
        (tmp_path / name).write_text(BAD + BAD.replace("2022年度", "2023年度"), encoding="utf-8")
    lines = run("check", "--select", "NUM", str(tmp_path / "b.txt"), str(tmp_path / "a.txt")).output.splitlines()[:-1]
    keys = [(line.split(":")[0], int(line.split(":")[1])) for line in lines]
    assert keys == sorted(keys) and keys[0][0].endswith("a.txt")
