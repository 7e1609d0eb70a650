"""Run the pipeline: read → normalise → extract → check, over one text or many files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from linter.check.finding import Finding
from linter.check.registry import load_rule, selected_codes
from linter.check.rule import CheckContext, Rule
from linter.config import Configuration, Settings
from linter.document import Document
from linter.read import InputError, SourceFile, read_path

#: File name endings linted when a folder is given.
DOCUMENT_SUFFIXES = (".txt", ".md")


@dataclass
class FileError:
    """A file that could not be linted, with the reason."""

    path: str
    message: str


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


def lint_source(source: SourceFile, rules: list[Rule], settings: Settings) -> list[Finding]:
    """All findings of ``rules`` in one decoded document, sorted by position."""
    document = Document(source)
    context = CheckContext(settings.tolerances)
    findings = [finding for rule in rules for finding in rule.check(document, context)]
    return sorted(findings, key=lambda f: f.sort_key)


def iter_documents(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files named, and the ``*.txt`` / ``*.md`` files below the folders named, in order."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
            )
        else:
            yield path


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
    result.findings.sort(key=lambda f: f.sort_key)
    return result
