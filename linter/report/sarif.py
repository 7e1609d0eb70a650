"""SARIF 2.1.0 output (the format GitHub code scanning and SARIF viewers read)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from urllib.parse import quote

from linter import __version__
from linter.check.finding import Finding
from linter.check.registry import UnknownRuleError, load_rule
from linter.engine import FileError
from linter.i18n import _

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def sarif_log(findings: list[Finding], errors: list[FileError]) -> dict:
    """A SARIF log with one run: the rules that fired, one result per finding, and the files that
    could not be read as tool execution notifications."""
    codes = sorted({f.code for f in findings})
    rule_index = {code: index for index, code in enumerate(codes)}
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "disclint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [_rule_descriptor(code) for code in codes],
                    }
                },
                # Columns count characters (code points), as in the text output.
                "columnKind": "unicodeCodePoints",
                "invocations": [
                    {
                        "executionSuccessful": not errors,
                        "toolExecutionNotifications": [_notification(e) for e in errors],
                    }
                ],
                "results": [_result(f, rule_index[f.code]) for f in findings],
            }
        ],
    }


def artifact_uri(path: str) -> str:
    """A relative path as a URI reference; an absolute one as a ``file://`` URI (the bytes of a
    file name that is not UTF-8 are percent-encoded as they are)."""
    posix = quote(os.fsencode(Path(path).as_posix()))
    return f"file://{posix}" if Path(path).is_absolute() else posix


def _rule_descriptor(code: str) -> dict:
    descriptor: dict = {"id": code}
    try:
        rule = load_rule(code)
    except UnknownRuleError:
        return descriptor
    descriptor.update(
        name=rule.name,
        shortDescription={"text": rule.summary()},
        help={"text": rule.doc(), "markdown": rule.doc()},
        defaultConfiguration={"level": _LEVELS[str(rule.severity)]},
    )
    return descriptor


def _result(finding: Finding, rule_index: int) -> dict:
    span = finding.span
    fingerprint = hashlib.sha256(f"{finding.code}\0{span.quote}".encode("utf-8", "surrogatepass")).hexdigest()[:32]
    result = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": _LEVELS[str(finding.severity)],
        "message": {"text": finding.message},
        "locations": [_physical(finding.path, span)],
        "partialFingerprints": {"disclintQuote/v1": fingerprint},
    }
    if finding.related:
        result["relatedLocations"] = [
            {"id": number, "message": {"text": related.label}, **_physical(finding.path, related.span)}
            for number, related in enumerate(finding.related, 1)
        ]
    if span.where is not None:
        result["properties"] = {"location": span.where.fields()}
    return result


def _physical(path: str, span) -> dict:
    """A SARIF location of ``span`` in the file at ``path``."""
    if span.where is not None:
        # A PDF, Word or Excel file has no text lines: the place is a page line, paragraph or cell.
        return {
            "physicalLocation": {"artifactLocation": {"uri": artifact_uri(path)},
                                 "region": {"snippet": {"text": span.quote}}},
            "logicalLocations": [{"name": span.where.label(), "kind": "element"}],
        }
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(path)},
            "region": {
                "startLine": span.start.line,
                "startColumn": span.start.column,
                "endLine": span.end.line,
                "endColumn": span.end.column,
                "snippet": {"text": span.quote},
            },
        }
    }


def _notification(error: FileError) -> dict:
    return {
        "level": "error",
        "message": {"text": _("cannot lint: {reason}", reason=error.message)},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(error.path)}}}],
    }
