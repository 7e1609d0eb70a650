"""Render findings: ``text`` for people and error matchers, ``json`` for tools, ``github`` for
GitHub Actions annotations, ``sarif`` (SARIF 2.1.0) for code-scanning tools, ``gitlab`` for GitLab's
code quality report and ``junit`` (JUnit XML) for the test reports of Jenkins and other CI servers."""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from typing import Callable

from linter.check.finding import Finding
from linter.engine import FileError
from linter.i18n import _, ngettext
from linter.patterns import compile_regex
from linter.safeio import escape_controls


def render_text(findings: list[Finding], errors: list[FileError], files: int) -> str:
    """``path:line:col: severity CODE message`` lines (``path: page 3, line 12, col 5: …``,
    ``path: 表1!C7: …`` for PDF, Word and Excel files), then a one-line summary (control
    characters of file names and messages escaped: one finding, one line)."""
    lines = [
        escape_controls(f"{f.path}:{' ' if f.span.where else ''}{f.position}: {f.severity} {f.code} {_with_related(f)}")
        for f in findings
    ]
    lines += [escape_controls(f"{e.path}:1:1: error E000 " + _("cannot lint: {reason}", reason=e.message))
              for e in errors]
    lines.append(summary_line(findings, errors, files))
    return "\n".join(lines) + "\n"


def _with_related(finding: Finding) -> str:
    """The finding's message, with its related locations: "… (see 12:5, 40:3)" (separated by
    semicolons when they are page or cell labels, which contain commas)."""
    if not finding.related:
        return finding.message
    labelled = any(r.span.where is not None for r in finding.related)
    places = (_("; ") if labelled else _(", ")).join(
        r.span.where.label() if r.span.where is not None else f"{r.span.start.line}:{r.span.start.column}"
        for r in finding.related
    )
    return _("{message} (see {places})", message=finding.message, places=places)



def severity_tally(counts) -> str:
    """"3 errors, 1 warning" for counts by severity name ("" when all are 0)."""
    tallies = [
        ngettext("{count} error", "{count} errors", counts["error"]) if counts["error"] else "",
        ngettext("{count} warning", "{count} warnings", counts["warning"]) if counts["warning"] else "",
        ngettext("{count} info", "{count} infos", counts["info"]) if counts["info"] else "",
    ]
    return _(", ").join(tally for tally in tallies if tally)

def summary_line(findings: list[Finding], errors: list[FileError], files: int) -> str:
    """One sentence: first what could not be linted (missing paths, unreadable files), then what
    was found in the files that were."""
    missing = sum(1 for e in errors if not os.path.lexists(e.path))
    failures = []
    if missing:
        failures.append(ngettext("{count} path does not exist", "{count} paths do not exist", missing))
    if len(errors) > missing:
        failures.append(ngettext("{count} file could not be read", "{count} files could not be read",
                                 len(errors) - missing))
    linted = files - len(errors)
    found = severity_tally(Counter(str(f.severity) for f in findings)) or _("no problems")
    if not failures:
        return ngettext("Found {found} in {count} file.", "Found {found} in {count} files.", linted, found=found)
    if not linted:
        return _("{failures}; nothing was linted.", failures=_("; ").join(failures))
    return ngettext("{failures}; found {found} in the {count} other file.",
                    "{failures}; found {found} in the {count} other files.",
                    linted, failures=_("; ").join(failures), found=found)


def render_json(findings: list[Finding], errors: list[FileError], files: int) -> str:
    """A JSON array of findings; unreadable files appear as ``E000`` entries."""
    data = [f.to_dict() for f in findings]
    data += [
        {
            "path": e.path, "line": 1, "column": 1, "end_line": 1, "end_column": 1,
            "code": "E000", "rule": "unreadable-file", "severity": "error", "message": e.message,
        }
        for e in errors
    ]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_GITHUB_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def render_github(findings: list[Finding], errors: list[FileError], files: int) -> str:
    """GitHub Actions workflow commands: ``::error file=…,line=…,col=…,title=…::message``."""
    lines = []
    for f in findings:
        properties = {
            "file": f.path, "line": f.span.start.line, "col": f.span.start.column,
            "endLine": f.span.end.line, "endColumn": f.span.end.column, "title": f"{f.code} {f.name}",
        }
        lines.append(_workflow_command(_GITHUB_LEVELS[str(f.severity)], properties, f.message))
    for e in errors:
        lines.append(_workflow_command("error", {"file": e.path, "title": "E000 unreadable-file"}, e.message))
    lines.append(summary_line(findings, errors, files))
    return "\n".join(lines) + "\n"


def _workflow_command(level: str, properties: dict, message: str) -> str:
    props = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties.items())
    return f"::{level} {props}::{_escape_data(message)}"


def _escape_data(text: str) -> str:
    return escape_controls(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_sarif(findings: list[Finding], errors: list[FileError], files: int) -> str:
    from linter.report.sarif import sarif_log

    return json.dumps(sarif_log(findings, errors), ensure_ascii=False, indent=2) + "\n"


#: GitLab's code quality severities (info, minor, major, critical, blocker) of disclint's.
_GITLAB_SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render_gitlab(findings: list[Finding], errors: list[FileError], files: int) -> str:
    """GitLab's code quality report (``artifacts: reports: codequality``): a JSON array of issues,
    each with a fingerprint that does not depend on line numbers (file, rule, quoted text and
    message, and which of their repeats it is), so GitLab tells new issues from old ones after
    edits elsewhere in the document."""
    issues, seen = [], Counter()
    for f in findings:
        identity = (f.path, f.code, f.span.quote, f.message)
        seen[identity] += 1
        if f.span.where is None:
            description, location = f"{f.code} {f.message}", {"path": f.path, "positions": {
                "begin": {"line": f.span.start.line, "column": f.span.start.column},
                "end": {"line": f.span.end.line, "column": f.span.end.column},
            }}
        else:  # a PDF, Word or Excel file has no lines to show: its place goes into the description
            description, location = f"{f.code} {f.span.where.label()}: {f.message}", {"path": f.path, "lines": {"begin": 1}}
        issues.append({
            "description": description,
            "check_name": f"{f.code} {f.name}",
            "fingerprint": _fingerprint(*identity, str(seen[identity])),
            "severity": _GITLAB_SEVERITIES[str(f.severity)],
            "location": location,
        })
    issues += [{
        "description": f"E000 {e.message}", "check_name": "E000 unreadable-file",
        "fingerprint": _fingerprint(e.path, "E000"), "severity": "major",
        "location": {"path": e.path, "lines": {"begin": 1}},
    } for e in errors]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def render_junit(findings: list[Finding], errors: list[FileError], files: int) -> str:
    """JUnit XML: a test suite per file with findings, a failing test case per finding (named by
    its rule and place), an erroring one per file that could not be read; one passing test case
    when nothing was found, so that a CI server sees a report either way."""
    from xml.etree import ElementTree as ET

    def element(parent, tag: str, **attributes: str):
        return ET.SubElement(parent, tag, {key: _xml_text(value) for key, value in attributes.items()})

    root = ET.Element("testsuites", name="disclint", tests=str(len(findings) + len(errors)),
                      failures=str(len(findings)), errors=str(len(errors)))
    by_path: dict[str, list[Finding]] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    for path, found in by_path.items():
        suite = element(root, "testsuite", name=path, tests=str(len(found)), failures=str(len(found)), errors="0")
        for f in found:
            place = f.span.where.label() if f.span.where else str(f.position)
            case = element(suite, "testcase", name=f"{f.code} {f.name} at {place}", classname=path, file=path,
                           line=str(f.span.start.line))
            failure = element(case, "failure", message=f.message, type=str(f.severity))
            failure.text = _xml_text(f"{path}:{' ' if f.span.where else ''}{f.position}: {f.severity} {f.code} "
                                     f"{_with_related(f)}")
    if errors:
        suite = element(root, "testsuite", name="unreadable files", tests=str(len(errors)), failures="0",
                        errors=str(len(errors)))
        for e in errors:
            case = element(suite, "testcase", name=f"E000 unreadable-file at {e.path}", classname=e.path)
            element(case, "error", message=e.message, type="E000")
    if not findings and not errors:
        suite = element(root, "testsuite", name="disclint", tests="1", failures="0", errors="0")
        element(suite, "testcase", name=summary_line(findings, errors, files), classname="disclint")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


#: Characters XML 1.0 cannot hold besides control characters: surrogates (of an undecodable file
#: name) and the two non-characters.
_NOT_XML = compile_regex(r"[\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    """``text`` with the characters XML 1.0 cannot hold (or a reader would take for markup
    structure: line breaks in a one-line name) escaped as ``\\x..``/``\\u....``."""
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", escape_controls(text))


FORMATTERS: dict[str, Callable[[list[Finding], list[FileError], int], str]] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "sarif": render_sarif,
    "gitlab": render_gitlab,
    "junit": render_junit,
}
