"""Render findings: ``text`` for people and error matchers, ``json`` for tools, ``github`` for
GitHub Actions annotations and ``sarif`` (SARIF 2.1.0) for code-scanning tools."""

from __future__ import annotations

import json
from collections import Counter
from typing import Callable

from linter.check.finding import Finding
from linter.engine import FileError


def render_text(findings: list[Finding], errors: list[FileError], files: int) -> str:
    """``path:line:col: severity CODE message`` lines, then a one-line summary."""
    lines = [
        f"{f.path}:{f.span.start.line}:{f.span.start.column}: {f.severity} {f.code} {f.message}{_see(f)}"
        for f in findings
    ]
    lines += [f"{e.path}:1:1: error E000 cannot lint: {e.message}" for e in errors]
    lines.append(summary_line(findings, errors, files))
    return "\n".join(lines) + "\n"


def _see(finding: Finding) -> str:
    """" (see 12:5, 40:3)" for a finding's related locations."""
    if not finding.related:
        return ""
    return " (see " + ", ".join(f"{r.span.start.line}:{r.span.start.column}" for r in finding.related) + ")"


def summary_line(findings: list[Finding], errors: list[FileError], files: int) -> str:
    counts = Counter(str(f.severity) for f in findings)
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in ("error", "warning", "info") if counts[s]]
    found = ", ".join(parts) if parts else "no problems"
    unreadable = f"; {len(errors)} file{'s' if len(errors) != 1 else ''} could not be read" if errors else ""
    return f"Found {found} in {files} file{'s' if files != 1 else ''}{unreadable}."


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
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_sarif(findings: list[Finding], errors: list[FileError], files: int) -> str:
    from linter.report.sarif import sarif_log

    return json.dumps(sarif_log(findings, errors), ensure_ascii=False, indent=2) + "\n"


FORMATTERS: dict[str, Callable[[list[Finding], list[FileError], int], str]] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "sarif": render_sarif,
}
