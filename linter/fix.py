"""Apply the safe fixes of findings to a file (``disclint check --fix``) or show them (``--diff``).

Fixes are edits of original-file offsets; overlapping ones are skipped (the first wins), and the
result is written atomically (a temporary file in the same folder, then ``os.replace``) in the
file's own encoding, byte-order mark and line endings.
"""

from __future__ import annotations

import difflib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from linter.check.finding import Finding, Fix
from linter.normalise.position import SourceText
from linter.read import SourceFile


def safe_fixes(findings: list[Finding]) -> list[Fix]:
    """The safe, non-overlapping fixes of ``findings``, in file order."""
    chosen: list[Fix] = []
    for fix in sorted((f.fix for f in findings if f.fix and f.fix.safe), key=lambda x: (x.start, x.end)):
        if chosen and fix.start < chosen[-1].end or (chosen and fix.start == chosen[-1].start):
            continue
        chosen.append(fix)
    return chosen


def apply_fixes(text: str, fixes: list[Fix]) -> str:
    """``text`` with non-overlapping ``fixes`` (sorted by position) applied."""
    parts, position = [], 0
    for fix in fixes:
        parts.append(text[position:fix.start])
        parts.append(fix.replacement)
        position = fix.end
    parts.append(text[position:])
    return "".join(parts)


def unified_diff(source: SourceFile, fixed: str) -> str:
    """A unified diff of the file before and after its fixes."""
    return "".join(
        difflib.unified_diff(
            source.text.splitlines(keepends=True),
            fixed.splitlines(keepends=True),
            fromfile=f"a/{source.path}",
            tofile=f"b/{source.path}",
        )
    )


def write_atomically(source: SourceFile, text: str) -> None:
    """Replace the file with ``text``, encoded like the original, via a temporary file."""
    path = Path(source.path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(source.encode(text))
        os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


@dataclass(frozen=True)
class Change:
    """A safe fix as a person reads it: the file, the line, and the text around it before and after."""

    fix: Fix
    path: str
    line: int
    before: str
    after: str


#: Characters of the line shown on each side of a change.
CHANGE_CONTEXT = 6


def planned_changes(findings: list[Finding]) -> list[Change]:
    """The changes the safe fixes of ``findings`` make, file by file, in file order."""
    from linter.read import read_path

    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    changes = []
    for path, file_findings in by_path.items():
        fixes = safe_fixes(file_findings)
        if not fixes:
            continue
        text = read_path(path).text
        lines = SourceText(text)
        for fix in fixes:
            left = re.split(r"[\r\n]", text[max(0, fix.start - CHANGE_CONTEXT):fix.start])[-1]
            right = re.split(r"[\r\n]", text[fix.end:fix.end + CHANGE_CONTEXT])[0]
            changes.append(Change(fix, path, lines.position(fix.start).line,
                                  _shortened(left + text[fix.start:fix.end] + right),
                                  _shortened(left + fix.replacement + right)))
    return changes


def _shortened(text: str, limit: int = 3 * CHANGE_CONTEXT) -> str:
    """A long changed run as its beginning and end."""
    return text if len(text) <= 2 * limit + 1 else f"{text[:limit]}…{text[-limit:]}"


def fix_files(findings: list[Finding], write: bool) -> tuple[set[Fix], str]:
    """Apply (``write``) or diff the safe fixes of ``findings``, file by file.

    Returns the fixes applied (or that would be) and the unified diff of every changed file.
    """
    from linter.read import read_path

    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    applied: set[Fix] = set()
    diffs = []
    for path, file_findings in by_path.items():
        fixes = safe_fixes(file_findings)
        if not fixes:
            continue
        source = read_path(path)
        fixed = apply_fixes(source.text, fixes)
        diffs.append(unified_diff(source, fixed))
        if write:
            write_atomically(source, fixed)
        applied.update(fixes)
    return applied, "".join(diffs)
