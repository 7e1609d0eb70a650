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
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from linter.check.finding import Finding, Fix
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


def fix_files(findings: list[Finding], write: bool, configuration) -> tuple[set[Fix], str, list]:
    """Apply (``write``) or diff the safe fixes of ``findings``, file by file.

    Returns the fixes applied (or that would be), the unified diff of every changed file and
    the :class:`~linter.engine.FileError` of each file that could not be fixed.
    """
    from linter.engine import FileError

    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    applied: set[Fix] = set()
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
            refused.append(FileError(path, f"not fixed: {message}"))
            continue
        diffs.append(unified_diff(source, fixed))
        applied.update(fixes)
    return applied, "".join(diffs), refused


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
        raise InputError(f"the file has {links} hard links, and --fix replaces the file, which would "
                         "split them; apply the fixes with --diff and patch")
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
