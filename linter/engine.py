"""Run the pipeline: read → normalise → extract → check, over one text or many files."""

from __future__ import annotations

import gc
import os
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from linter.check.finding import Finding, Severity
from linter.check.registry import load_rule, selected_codes
from linter.check.rule import CheckContext, Rule
from linter.config import Configuration, Settings
from linter.document import Document, Span
from linter.i18n import _, language_settled
from linter.read import DOCUMENT_SUFFIXES, REFUSED_SUFFIXES, InputError, SourceFile, WorkbookError, read_document


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
    #: Files found in the folders named whose type disclint does not read.
    skipped: list[str] = field(default_factory=list)


def instantiate_rules(settings: Settings) -> list[Rule]:
    """The selected rules, with their severities overridden where the settings say so."""
    codes = selected_codes(*settings.rule_selection())
    return [load_rule(code)(settings.severity.get(code)) for code in codes]


_RULES_BY_SETTINGS: dict[int, tuple[Settings, list[Rule]]] = {}
#: Settings objects whose rules are remembered, at most (each run makes one per configuration).
_REMEMBERED_SETTINGS = 64


def rules_for(settings: Settings) -> list[Rule]:
    """:func:`instantiate_rules`, once per settings object."""
    cached = _RULES_BY_SETTINGS.get(id(settings))
    if cached is None or cached[0] is not settings:
        if len(_RULES_BY_SETTINGS) >= _REMEMBERED_SETTINGS:  # a long-running process (the daemon)
            _RULES_BY_SETTINGS.clear()
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
        message=_("rule {rule} failed on this file: {error}: {detail} (please report it)",
                  rule=rule.code, error=type(error).__name__, detail=detail),
        span=Span(0, 0, position, position, ""),
        extra={"rule": rule.code,
               "traceback": "".join(traceback.format_exception(type(error), error, error.__traceback__))},
    )


def internal_error(path: str, error: Exception) -> FileError:
    """The :class:`FileError` of an unexpected exception while linting ``path``."""
    detail = " ".join(str(error).split())[:200]
    return FileError(path, _("internal error ({error}: {detail}); please report it",
                             error=type(error).__name__, detail=detail),
                     "".join(traceback.format_exception(type(error), error, error.__traceback__)))


def is_failure(finding: Finding) -> bool:
    """Whether ``finding`` reports a rule failure rather than a problem of the document."""
    return finding.code == FAILURE_CODE


def lint_source(source: SourceFile, rules: list[Rule], settings: Settings, contain: bool = True) -> list[Finding]:
    """All findings of ``rules`` in one decoded document, sorted by position.

    A rule that raises becomes one :func:`rule_failure` entry and the other rules still run
    (``contain=False`` lets the exception through, for tests)."""
    with collector_paused(), language_settled():
        findings = _run_rules(source, rules, settings, contain)
    for finding in findings:
        in_workbook = finding.span.where is not None and bool(finding.span.where.path)
        if not source.is_text or in_workbook:
            finding.fix = None  # disclint never rewrites a PDF, Word or Excel file
        if in_workbook:
            finding.path = finding.span.where.path  # a cell of the workbook read with a .docx or text file
    return sorted(findings, key=lambda f: f.sort_key)


def _run_rules(source: SourceFile, rules: list[Rule], settings: Settings, contain: bool) -> list[Finding]:
    """The findings of ``rules`` in one document, unsorted; the document's own structures are freed
    on return (they hold no reference cycle), before the garbage collector resumes."""
    document = Document(source)
    context = CheckContext(settings.tolerances)
    findings: list[Finding] = []
    for rule in rules:
        try:
            findings.extend(_once(rule.check(document, context)))
        except Exception as error:
            if not contain:
                raise
            findings.append(rule_failure(document, rule, error))
    return findings


def _once(findings: Iterable[Finding]) -> list[Finding]:
    """A rule's findings, each said once: the first of those with the same place and words (a table's cell that several
    sentences restate alike)."""
    kept: dict[tuple, Finding] = {}
    for finding in findings:
        kept.setdefault(finding.sort_key, finding)
    return list(kept.values())


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while the rules read one document. The pipeline
    makes tens of thousands of small objects a document (tokens, claims, table cells) that live
    until the document is done: the collector's passes over them find nothing to free, and cost
    a tenth of a warm document's CPU, a quarter of a 5 MB one's. The document's structures hold no
    reference cycle (``tests/test_reliability.py`` checks), so reference counting frees them all
    when it is done, and the collector resumes with nothing of it left to look at."""
    if not gc.isenabled():  # paused already (a nested call) or disabled by the host program
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def iter_documents(paths: Iterable[str | Path], skipped: list[str] | None = None) -> Iterator[Path]:
    """The files named, and the files below the folders named whose type disclint reads
    (:data:`~linter.read.DOCUMENT_SUFFIXES`), in order. Other files below the folders are added
    to ``skipped``; hidden files and Office lock files ("~$草稿.docx") are passed over.

    A file named twice (under any spelling) comes once; below a folder, symbolic links are
    followed only to files inside that folder, and folders are walked without recursion."""
    seen: set[str] = set()
    for path in map(Path, paths):
        found = _documents_below(path, skipped) if path.is_dir() else [path]
        for document in found:
            try:
                real = os.path.realpath(document)
            except ValueError:  # a NUL in the name: reading reports it
                real = str(document)
            if real not in seen:
                seen.add(real)
                yield document


def _documents_below(folder: Path, skipped: list[str] | None) -> list[Path]:
    """The documents below ``folder``, sorted; links leading outside it are left out."""
    root = os.path.realpath(folder)
    found, others, pending = [], [], [folder]
    while pending:
        try:
            entries = list(os.scandir(pending.pop()))
        except OSError:
            continue  # an unreadable folder holds nothing we can lint
        for entry in entries:
            try:
                if entry.name.startswith((".", "~$")):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    pending.append(Path(entry.path))
                elif not _inside(entry, root):
                    continue
                elif Path(entry.name).suffix.lower() in DOCUMENT_SUFFIXES + REFUSED_SUFFIXES:
                    found.append(Path(entry.path))
                else:
                    others.append(entry.path)
            except OSError:
                continue
    if skipped is not None:
        skipped.extend(sorted(others))
    return sorted(found)


def _inside(entry: os.DirEntry, root: str) -> bool:
    """Whether ``entry`` is a regular file, or a link to one inside ``root``."""
    if not entry.is_symlink():
        return entry.is_file(follow_symlinks=False)
    target = os.path.realpath(entry.path)
    return os.path.commonpath([root, target]) == root and os.path.isfile(target)


def pair_workbooks(files: list[Path]) -> dict[Path, Path]:
    """{Word document or text file: the Excel workbook holding its tables} among ``files``: an .xlsx
    (or .xls) pairs with the .docx, .txt or .md of the same stem in its folder, or with the folder's
    only .docx when it is the folder's only workbook."""
    by_folder: dict[Path, tuple[list[Path], list[Path]]] = {}
    for path in files:
        narratives, books = by_folder.setdefault(path.parent, ([], []))
        suffix = path.suffix.lower()
        (narratives if suffix in _NARRATIVE_SUFFIXES else books if suffix in (".xlsx", ".xls") else []).append(path)
    pairs = {}
    for narratives, books in by_folder.values():
        words = [path for path in narratives if path.suffix.lower() == ".docx"]
        for narrative in sorted(narratives, key=_narrative_rank):
            same_stem = [book for book in books if book.stem == narrative.stem and book not in pairs.values()]
            if same_stem:
                pairs[narrative] = same_stem[0]
            elif narrative in words and len(words) == 1 and len(books) == 1 and books[0] not in pairs.values():
                pairs[narrative] = books[0]
    return pairs


#: The files whose tables a workbook beside them may hold, the likeliest first: a workbook goes with one
#: of them (a Word draft before the notes of the same name).
_NARRATIVE_SUFFIXES = (".docx", ".txt", ".md")


def _narrative_rank(path: Path) -> tuple[int, str]:
    """Sorts Word documents first, then text files, then the other files."""
    suffix = path.suffix.lower()
    return (_NARRATIVE_SUFFIXES.index(suffix) if suffix in _NARRATIVE_SUFFIXES else len(_NARRATIVE_SUFFIXES)), path.name


def workbook_beside(path: Path) -> Path | None:
    """The workbook of ``path``'s stem in its folder (.xlsx, else .xls), for a Word document or text file; for a
    Word document the folder's only workbook when it is the folder's only Word document
    ("…部门决算.docx" beside "…部门决算表.xlsx"). Word's lock files ("~$…") do not count."""
    if path.suffix.lower() not in _NARRATIVE_SUFFIXES:
        return None
    same_stem = next((book for book in (path.with_suffix(".xlsx"), path.with_suffix(".xls")) if book.is_file()), None)
    if same_stem is not None or path.suffix.lower() != ".docx":
        return same_stem
    try:
        files = [p for p in path.parent.iterdir() if p.is_file() and not p.name.startswith("~$")]
    except OSError:
        return None
    words = [p for p in files if p.suffix.lower() == ".docx"]
    books = [p for p in files if p.suffix.lower() in (".xlsx", ".xls")]
    return books[0] if len(words) == 1 and len(books) == 1 else None


def lint_file(path: str | Path, settings: Settings, workbook: Path | None = None) -> list[Finding]:
    """All findings in the file at ``path`` (raises :class:`InputError` when it cannot be read);
    ``workbook``: the .xlsx or .xls holding the tables of the Word document or text file ``path``."""
    return lint_source(read_document(path, settings.max_bytes, workbook), rules_for(settings), settings)


def plan(paths: Iterable[str | Path], settings: Settings | Configuration,
         skipped: list[str] | None = None) -> list[tuple[Path, Path | None]]:
    """The documents to lint under ``paths`` that the settings do not exclude, each with its
    workbook (see :func:`pair_workbooks`; a Word document or text file named alone takes the workbook
    of its stem beside it); a paired workbook is not linted on its own."""
    files = [path for path in iter_documents(paths, skipped) if not settings.for_path(path).excludes(path)]
    pairs = pair_workbooks(files)
    for path in sorted(files, key=_narrative_rank):  # named alone: the workbook of its stem beside it
        if path not in pairs and (book := workbook_beside(path)) is not None and book not in pairs.values() \
                and not settings.for_path(book).excludes(book):
            pairs[path] = book
    books = set(pairs.values())
    return [(path, pairs.get(path)) for path in files if path not in books]


def lint_paths(paths: Iterable[str | Path], settings: Settings | Configuration) -> RunResult:
    """Lint every document under ``paths`` that the settings do not exclude; unreadable files
    become :class:`FileError` entries. ``settings`` may differ per file (a :class:`Configuration`)."""
    result = RunResult()
    for path, workbook in plan(paths, settings, result.skipped):
        file_settings = settings.for_path(path)
        result.files += 1
        try:
            try:
                result.findings.extend(lint_file(path, file_settings, workbook))
            except WorkbookError as error:  # the workbook is reported, the document checked without its tables
                result.files += 1
                result.errors.append(FileError(error.path, str(error)))
                result.findings.extend(lint_file(path, file_settings))
        except InputError as error:
            result.errors.append(FileError(str(path), str(error)))
        except Exception as error:  # a failure outside the rules still stops only this file
            result.errors.append(internal_error(str(path), error))
    result.findings.sort(key=lambda f: f.sort_key)
    return result
