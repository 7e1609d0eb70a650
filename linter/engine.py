"""Run the pipeline: read → normalise → extract → check, over one text or many files."""

from __future__ import annotations

import os
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from linter.check.finding import Finding, Severity
from linter.check.registry import load_rule, selected_codes
from linter.check.rule import CheckContext, Rule
from linter.config import Configuration, Settings
from linter.document import Document, Span
from linter.read import InputError, SourceFile, read_path

#: File name endings linted when a folder is given.
DOCUMENT_SUFFIXES = (".txt", ".md")


@dataclass
class FileError:
    """A file that could not be linted, with the reason."""

    path: str
    message: str
    #: The traceback of an internal error, for ``--verbose``.
    traceback: str = ""


@dataclass
class RunResult:
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    files: int = 0


def instantiate_rules(settings: Settings) -> list[Rule]:
    """The selected rules, with their severities overridden where the settings say so."""
    codes = selected_codes(*settings.rule_selection())
    return [load_rule(code)(settings.severity.get(code)) for code in codes]


_RULES_BY_SETTINGS: dict[int, tuple[Settings, list[Rule]]] = {}


def rules_for(settings: Settings) -> list[Rule]:
    """:func:`instantiate_rules`, once per settings object."""
    cached = _RULES_BY_SETTINGS.get(id(settings))
    if cached is None or cached[0] is not settings:
        cached = _RULES_BY_SETTINGS[id(settings)] = (settings, instantiate_rules(settings))
    return cached[1]


#: The code of the entry that stands for a rule failing on a document (and for unreadable files).
FAILURE_CODE = "E000"
#: Set (to anything but "" or "0") to print the traceback of every rule failure.
TRACEBACK_ENV = "DISCLINT_TRACEBACK"


def rule_failure(document: Document, rule: Rule, error: BaseException) -> Finding:
    """The ``E000`` entry that stands for ``rule`` raising ``error`` on ``document``: file, rule
    and exception on one line; the traceback kept in ``extra["traceback"]`` for ``--verbose``."""
    position = document.original.position(0)
    detail = " ".join(str(error).split())[:200]
    return Finding(
        path=document.path, code=FAILURE_CODE, name="rule-failed", severity=Severity.ERROR,
        message=f"rule {rule.code} failed on this file: {type(error).__name__}: {detail} (please report it)",
        span=Span(0, 0, position, position, ""),
        extra={"rule": rule.code,
               "traceback": "".join(traceback.format_exception(type(error), error, error.__traceback__))},
    )


def internal_error(path: str, error: Exception) -> FileError:
    """The :class:`FileError` of an unexpected exception while linting ``path``."""
    detail = " ".join(str(error).split())[:200]
    return FileError(path, f"internal error ({type(error).__name__}: {detail}); please report it",
                     "".join(traceback.format_exception(type(error), error, error.__traceback__)))


def is_failure(finding: Finding) -> bool:
    """Whether ``finding`` reports a rule failure rather than a problem of the document."""
    return finding.code == FAILURE_CODE


def lint_source(source: SourceFile, rules: list[Rule], settings: Settings, contain: bool = True) -> list[Finding]:
    """All findings of ``rules`` in one decoded document, sorted by position.

    A rule that raises becomes one :func:`rule_failure` entry and the other rules still run
    (``contain=False`` lets the exception through, for tests)."""
    document = Document(source)
    context = CheckContext(settings.tolerances)
    findings: list[Finding] = []
    for rule in rules:
        try:
            findings.extend(rule.check(document, context))
        except Exception as error:
            if not contain:
                raise
            findings.append(rule_failure(document, rule, error))
    return sorted(findings, key=lambda f: f.sort_key)


def iter_documents(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files named, and the ``*.txt`` / ``*.md`` files below the folders named, in order.

    A file named twice (under any spelling) comes once; below a folder, symbolic links are
    followed only to files inside that folder, and folders are walked without recursion."""
    seen: set[str] = set()
    for path in map(Path, paths):
        found = _documents_below(path) if path.is_dir() else [path]
        for document in found:
            try:
                real = os.path.realpath(document)
            except ValueError:  # a NUL in the name: reading reports it
                real = str(document)
            if real not in seen:
                seen.add(real)
                yield document


def _documents_below(folder: Path) -> list[Path]:
    """The documents below ``folder``, sorted; links leading outside it are left out."""
    root = os.path.realpath(folder)
    found, pending = [], [folder]
    while pending:
        try:
            entries = list(os.scandir(pending.pop()))
        except OSError:
            continue  # an unreadable folder holds nothing we can lint
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(Path(entry.path))
                elif Path(entry.name).suffix.lower() in DOCUMENT_SUFFIXES and _inside(entry, root):
                    found.append(Path(entry.path))
            except OSError:
                continue
    return sorted(found)


def _inside(entry: os.DirEntry, root: str) -> bool:
    """Whether ``entry`` is a regular file, or a link to one inside ``root``."""
    if not entry.is_symlink():
        return entry.is_file(follow_symlinks=False)
    target = os.path.realpath(entry.path)
    return os.path.commonpath([root, target]) == root and os.path.isfile(target)


def lint_file(path: str | Path, settings: Settings) -> list[Finding]:
    """All findings in the file at ``path`` (raises :class:`InputError` when it cannot be read)."""
    return lint_source(read_path(path, settings.max_bytes), rules_for(settings), settings)


def lint_paths(paths: Iterable[str | Path], settings: Settings | Configuration) -> RunResult:
    """Lint every document under ``paths`` that the settings do not exclude; unreadable files
    become :class:`FileError` entries. ``settings`` may differ per file (a :class:`Configuration`)."""
    result = RunResult()
    for path in iter_documents(paths):
        file_settings = settings.for_path(path)
        if file_settings.excludes(path):
            continue
        result.files += 1
        try:
            result.findings.extend(lint_file(path, file_settings))
        except InputError as error:
            result.errors.append(FileError(str(path), str(error)))
        except Exception as error:  # a failure outside the rules still stops only this file
            result.errors.append(internal_error(str(path), error))
    result.findings.sort(key=lambda f: f.sort_key)
    return result
