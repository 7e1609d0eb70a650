"""Output formats of ``disclint check``: text (error matchers), json, github, sarif, gitlab, junit; stdin."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from linter.check.finding import Finding, Related, Severity
from linter.cli import main
from linter.document import Span
from linter.normalise.position import Position
from linter.read.location import Location
from linter.report.formatters import render_text
from linter.report.sarif import sarif_log

SCHEMAS = Path(__file__).resolve().parent / "schemas"
DRAFT = "一、收入支出决算总体情况\n\n支出决算为852.68万元，\n完成年初预算的72.83.1%。收入合计1,2345.6万元。\n"


@pytest.fixture
def draft(tmp_path, monkeypatch) -> str:
    """A draft with two malformed numbers (4:8 and 4:21), as a relative path in the current folder."""
    monkeypatch.chdir(tmp_path)
    Path("草稿.txt").write_text(DRAFT, encoding="utf-8")
    return "草稿.txt"


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_text_output_matches_the_usual_error_matchers(draft):
    result = run("check", draft)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    # vim's default errorformat %f:%l:%c:%m, Emacs compilation mode and VS Code's problem matcher.
    matcher = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning|info) (?P<code>[A-Z]+\d{3}) (?P<message>.+)$")
    found = [matcher.match(line).groupdict() for line in lines[:-1]]
    assert [(f["file"], f["line"], f["col"], f["code"]) for f in found] == [
        (draft, "4", "8", "NUM001"), (draft, "4", "21", "NUM001")
    ]
    assert lines[-1] == "Found 2 errors in 1 file."


def test_github_annotations(draft):
    lines = run("check", "--format", "github", draft).stdout.splitlines()
    assert lines[0] == (
        f"::error file={draft},line=4,col=8,endLine=4,endColumn=16,title=NUM001 malformed-number"
        "::malformed number 72.83.1%25: two decimal points (a number has one decimal point and thousands groups of three digits)"
    )
    assert len([line for line in lines if line.startswith("::error ")]) == 2


def test_github_escapes_property_separators(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a,b:c.txt").write_text(DRAFT, encoding="utf-8")
    assert run("check", "--format", "github", "a,b:c.txt").stdout.startswith("::error file=a%2Cb%3Ac.txt,line=4,")


def test_json_output(draft):
    data = json.loads(run("check", "--format", "json", draft).stdout)
    assert [(d["line"], d["column"], d["code"], d["quote"]) for d in data] == [
        (4, 8, "NUM001", "72.83.1%"), (4, 21, "NUM001", "1,2345.6万元")
    ]


def test_gitlab_code_quality_report(draft):
    issues = json.loads(run("check", "--format", "gitlab", draft, "missing.txt").stdout)
    assert [(i["check_name"], i["severity"], i["location"]["path"]) for i in issues] == [
        ("NUM001 malformed-number", "major", draft), ("NUM001 malformed-number", "major", draft),
        ("E000 unreadable-file", "major", "missing.txt"),
    ]
    assert issues[0]["location"]["positions"] == {"begin": {"line": 4, "column": 8}, "end": {"line": 4, "column": 16}}
    assert issues[0]["description"].startswith("NUM001 malformed number 72.83.1%")
    assert len({i["fingerprint"] for i in issues}) == 3


def test_gitlab_fingerprints_survive_edits_elsewhere_and_tell_repeats_apart(draft):
    """A line added above moves the findings but keeps their fingerprints; the same slip written
    twice gets two."""
    before = [i["fingerprint"] for i in json.loads(run("check", "--format", "gitlab", draft).stdout)]
    Path(draft).write_text("封面\n\n" + DRAFT + DRAFT.splitlines()[-1] + "\n", encoding="utf-8")
    after = json.loads(run("check", "--format", "gitlab", draft).stdout)
    assert [i["location"]["positions"]["begin"]["line"] for i in after] == [6, 6, 7, 7]
    assert [i["fingerprint"] for i in after][:2] == before and len({i["fingerprint"] for i in after}) == 4


def test_junit_report_has_a_failing_case_per_finding_and_an_error_per_unreadable_file(draft):
    from xml.etree import ElementTree as ET

    Path("坏\x1b.txt").write_bytes(b"\x00\x01binary")
    result = run("check", "--format", "junit", draft, "坏\x1b.txt")
    assert result.exit_code == 2  # a file could not be read
    root = ET.fromstring(result.stdout)
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("3", "2", "1")
    cases = root.findall("testsuite/testcase")
    assert [c.get("name") for c in cases] == [
        "NUM001 malformed-number at 4:8", "NUM001 malformed-number at 4:21", "E000 unreadable-file at 坏\\x1b.txt"]
    assert cases[0].find("failure").get("type") == "error" and cases[0].find("failure").text.startswith(f"{draft}:4:8: error NUM001")
    assert cases[2].find("error") is not None


def test_junit_report_of_a_clean_run_has_one_passing_case(tmp_path, monkeypatch):
    from xml.etree import ElementTree as ET

    monkeypatch.chdir(tmp_path)
    Path("clean.txt").write_text("一、收入支出决算总体情况\n", encoding="utf-8")
    root = ET.fromstring(run("check", "--format", "junit", "clean.txt").stdout)
    (case,) = root.findall("testsuite/testcase")
    assert case.get("name") == "Found no problems in 1 file." and not list(case)


def test_sarif_output_is_valid_sarif_2_1_0(draft):
    Path("empty.txt").write_bytes(b"")
    result = run("check", "--format", "sarif", draft, "empty.txt")
    log = json.loads(result.stdout)
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema, cls=jsonschema.Draft4Validator)
    run_ = log["runs"][0]
    assert run_["tool"]["driver"]["rules"][0]["id"] == "NUM001"
    region = run_["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["snippet"]["text"]) == (4, 8, "72.83.1%")
    assert run_["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "%E8%8D%89%E7%A8%BF.txt"
    assert run_["invocations"][0]["executionSuccessful"] is False
    assert "file is empty" in run_["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]


def test_sarif_schema_rejects_a_broken_log():
    """The vendored schema really constrains the output (guards against validating nothing)."""
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}, schema)


def test_output_file(draft):
    result = run("check", "--format", "sarif", "-o", "out.sarif", draft)
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(Path("out.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_stdin_filename_lints_standard_input_under_that_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("check", "--stdin-filename", "drafts/unsaved.txt", input=DRAFT.encode("utf-8"))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith("drafts/unsaved.txt:4:8: error NUM001 ")


def test_stdin_filename_uses_the_configuration_of_that_location(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "disclint.toml").write_text('ignore = ["NUM001"]\n', encoding="utf-8")
    result = run("check", "--stdin-filename", "drafts/unsaved.txt", input=DRAFT.encode("utf-8"))
    assert result.exit_code == 0, result.stdout
    assert run("check", "--stdin-filename", "other.txt", input=DRAFT.encode("utf-8")).exit_code == 1


def test_stdin_errors_are_reported_without_traceback(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("check", "--stdin-filename", "x.txt", input=b"\x00\x01\x02binary")
    assert result.exit_code == 2
    assert "binary" in result.stderr and "Traceback" not in result.output
    assert run("check", "--stdin-filename", "x.txt", "y.txt", input=b"").exit_code == 2
    assert run("check").exit_code == 2


RATE_DRAFT = "年初预算为 40.16 万元，支出决算为 41.72 万元，\n完成年初预算的 107.9%。\n"


def test_related_locations_in_text_json_and_sarif(tmp_path, monkeypatch):
    """A completion rate points at the rate; its budget and actual are listed as related places."""
    monkeypatch.chdir(tmp_path)
    Path("rate.txt").write_text(RATE_DRAFT, encoding="utf-8")
    text = run("check", "--select", "ARI003", "rate.txt").stdout.splitlines()[0]
    assert text.startswith("rate.txt:2:9: error ARI003") and text.endswith("(see 1:7, 1:22)")
    (finding,) = json.loads(run("check", "--select", "ARI003", "--format", "json", "rate.txt").stdout)
    assert [(r["line"], r["column"], r["label"], r["quote"]) for r in finding["related"]] == [
        (1, 7, "budget", "40.16 万元"), (1, 22, "actual", "41.72 万元")
    ]
    log = json.loads(run("check", "--select", "ARI003", "--format", "sarif", "rate.txt").stdout)
    related = log["runs"][0]["results"][0]["relatedLocations"]
    assert [r["physicalLocation"]["region"]["startColumn"] for r in related] == [7, 22]
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema, cls=jsonschema.Draft4Validator)


def _pdf_span(page: int, line: int, column: int, quote: str):
    return Span(0, len(quote), Position(1, 1), Position(1, 1 + len(quote)), quote, Location(page=page, line=line, column=column))


def test_related_locations_of_a_pdf_are_its_page_lines_in_text_and_sarif():
    """A PDF finding and its related numbers are shown by page and line; their labels, which hold
    commas, are separated by semicolons, and each SARIF location is a logical one."""
    finding = Finding("a.pdf", "ARI003", "completion-rate-mismatch", Severity.ERROR, "completion rate: …",
                      _pdf_span(2, 5, 9, "107.9%"),
                      related=[Related(_pdf_span(2, 4, 7, "40.16 万元"), "budget"),
                               Related(_pdf_span(3, 1, 22, "41.72 万元"), "actual")])
    line = render_text([finding], [], 1).splitlines()[0]
    assert line == ("a.pdf: page 2, line 5, col 9: error ARI003 completion rate: … "
                    "(see page 2, line 4, col 7; page 3, line 1, col 22)")
    result = sarif_log([finding], [])["runs"][0]["results"][0]
    assert [r["logicalLocations"][0]["name"] for r in result["relatedLocations"]] == [
        "page 2, line 4, col 7", "page 3, line 1, col 22"]
    assert "startLine" not in result["relatedLocations"][0]["physicalLocation"]["region"]
    assert result["properties"]["location"] == {"page": 2, "line": 5, "column": 9}
