"""Apply the safe fixes of findings to a file (``disclint check --fix``) or show them (``--diff``).

Fixes are edits of original-file offsets; overlapping ones are skipped (the first wins). Writing
loses nothing:

* the file is re-read and re-linted under a lock on its folder, so fixes always apply to the text
  they were computed on — a file named twice, or two ``--fix`` runs at once, fix it once;
* the result is written atomically (a temporary file in the same folder, then ``os.replace``) in
  the file's own encoding, byte-order mark and line endings, keeping its mode (and owner): killed
  at any moment, the file is either the original or the fully fixed one;
* a symbolic link is fixed through: its target is rewritten, the link stays;
* a file with several hard links is refused with a message (replacing it would split the links).
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from linter.check.finding import Finding, Fix
from linter.i18n import _
from linter.normalise.position import SourceText
from linter.read import InputError, SourceFile


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


def changes_in(source: SourceFile, fixes: list[Fix]) -> list[Change]:
    """What ``fixes`` change in ``source``, in file order."""
    text, lines = source.text, SourceText(source.text)
    changes = []
    for fix in fixes:
        left = re.split(r"[\r\n]", text[max(0, fix.start - CHANGE_CONTEXT):fix.start])[-1]
        right = re.split(r"[\r\n]", text[fix.end:fix.end + CHANGE_CONTEXT])[0]
        changes.append(Change(fix, source.path, lines.position(fix.start).line,
                              _shortened(left + text[fix.start:fix.end] + right),
                              _shortened(left + fix.replacement + right)))
    return changes


def _shortened(text: str, limit: int = 3 * CHANGE_CONTEXT) -> str:
    """A long changed run as its beginning and end."""
    return text if len(text) <= 2 * limit + 1 else f"{text[:limit]}…{text[-limit:]}"


def fix_files(findings: list[Finding], write: bool, configuration) -> tuple[list[Change], str, list]:
    """Apply (``write``) or diff the safe fixes of ``findings``, file by file.

    Returns the changes made (or that would be), the unified diff of every changed file and
    the :class:`~linter.engine.FileError` of each file that could not be fixed.
    """
    from linter.engine import FileError

    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    changes: list[Change] = []
    diffs, refused, done = [], [], set()
    for path, file_findings in by_path.items():
        target = os.path.realpath(path)
        if not safe_fixes(file_findings) or target in done:
            continue
        done.add(target)
        try:
            with _folder_locked(target, write):
                source, fixes = _relint(path, target, configuration)
                if not fixes:
                    continue
                fixed = apply_fixes(source.text, fixes)
                if write:
                    _write_fixed(source, target, fixed)
        except (InputError, OSError) as error:
            message = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            refused.append(FileError(path, _("not fixed: {reason}", reason=message)))
            continue
        diffs.append(unified_diff(source, fixed))
        changes.extend(changes_in(source, fixes))
    return changes, "".join(diffs), refused


def _relint(path: str, target: str, configuration) -> tuple[SourceFile, list[Fix]]:
    """The file's current text and the safe fixes computed on exactly that text."""
    from linter.engine import lint_source, rules_for
    from linter.read import read_path

    settings = configuration.for_path(path)
    source = dataclasses.replace(read_path(target, settings.max_bytes), path=path)
    return source, safe_fixes(lint_source(source, rules_for(settings), settings))


def _write_fixed(source: SourceFile, target: str, fixed: str) -> None:
    """Replace ``target`` atomically with ``fixed``, encoded like the original."""
    from linter.safeio import write_atomically

    links = os.stat(target).st_nlink
    if links > 1:
        raise InputError(_("the file has {links} hard links, and --fix replaces the file, which would "
                           "split them; apply the fixes with --diff and patch", links=links))
    write_atomically(target, source.encode(fixed))


@contextmanager
def _folder_locked(target: str, lock: bool) -> Iterator[None]:
    """Hold an exclusive lock on the folder of ``target`` (not on the file: it gets replaced)."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; the re-lint still keeps fixes consistent
        fcntl = None
    if not lock or fcntl is None:
        yield
        return
    descriptor = os.open(Path(target).parent, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)
