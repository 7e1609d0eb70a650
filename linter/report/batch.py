"""Batch reports: lint many documents in parallel and gather the results for reviewers.

A file that cannot be linted (unreadable, or a rule failing on it) becomes a
:class:`DocumentResult` with an ``error``; the run always goes on.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from linter.check.finding import Finding, Severity
from linter.config import Configuration
from linter.engine import FileError, lint_source, plan, rules_for
from linter.i18n import _, current_language, set_language
from linter.patterns import compile_re
from linter.read import InputError, WorkbookError, read_document
from linter.report.identity import document_identity

#: Characters of the original text shown on each side of a finding's quote.
CONTEXT_CHARS = 24
_LINE_BREAK = compile_re(r"\r\n|\r|\n")


@dataclass
class DocumentResult:
    """The outcome for one document: its findings (each with its quote in context), or an error."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    #: The title and department its first lines state (empty when they do not).
    title: str = ""
    department: str = ""

    def counts(self) -> Counter:
        """Findings per severity name (``error``, ``warning``, ``info``)."""
        return Counter(str(f.severity) for f in self.findings)

    @property
    def badness(self) -> tuple:
        """Sort key, worst first: unreadable, then most errors, warnings, infos."""
        counts = self.counts()
        return (self.error is None, -counts["error"], -counts["warning"], -counts["info"], self.path)


@dataclass
class RuleSummary:
    code: str
    name: str
    severity: str
    findings: int
    documents: int


@dataclass
class BatchResult:
    documents: list[DocumentResult]
    seconds: float = 0.0
    #: Files in the folders whose type disclint does not read.
    skipped: list[str] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [f for d in self.documents for f in d.findings]

    @property
    def errors(self) -> list[FileError]:
        return [FileError(d.path, d.error) for d in self.documents if d.error is not None]

    def counts(self) -> Counter:
        return Counter(str(f.severity) for f in self.findings)

    def worst_first(self) -> list[DocumentResult]:
        return sorted(self.documents, key=lambda d: d.badness)

    def rules(self) -> list[RuleSummary]:
        """One summary per rule that fired, most severe and most frequent first."""
        by_code: dict[str, list[Finding]] = {}
        for finding in self.findings:
            by_code.setdefault(finding.code, []).append(finding)
        summaries = [
            RuleSummary(code, found[0].name, str(max(f.severity for f in found)), len(found),
                        len({f.path for f in found}))
            for code, found in by_code.items()
        ]
        return sorted(summaries, key=lambda r: (-Severity.parse(r.severity), -r.findings, r.code))

    def summary(self) -> str:
        from linter.report.formatters import summary_line

        return summary_line(self.findings, self.errors, len(self.documents))


def context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> tuple[str, str]:
    """The ``width`` characters before and after ``[start, end)``, line breaks shown as ⏎."""
    before = _LINE_BREAK.sub("⏎", text[max(0, start - width):start])
    after = _LINE_BREAK.sub("⏎", text[end:end + width])
    return before, after


def lint_document(path: str, configuration: Configuration, workbook: str | None = None) -> DocumentResult:
    """Lint one file (a Word document with its ``workbook``) for a report; never raises for a bad file."""
    try:
        settings = configuration.for_path(path)
        source = read_document(path, settings.max_bytes, Path(workbook) if workbook else None)
        findings = lint_source(source, rules_for(settings), settings)
    except WorkbookError as error:  # (its narrative alone is no document a reviewer would judge)
        return DocumentResult(path, error=_("its workbook {workbook}: {reason}", workbook=Path(error.path).name, reason=error))
    except InputError as error:
        return DocumentResult(path, error=str(error))
    except Exception as error:  # a rule failing on one odd document must not stop a batch
        return DocumentResult(path, error=_("internal error ({kind}: {error}); please report it",
                                            kind=type(error).__name__, error=error))
    for finding in findings:
        before, after = context(source.text, finding.span.start_offset, finding.span.end_offset)
        finding.extra.update(context_before=before, context_after=after)
    return DocumentResult(path, findings, None, *document_identity(source.text))


_worker_configuration: Configuration | None = None


def _init_worker(configuration: Configuration, language: str) -> None:
    global _worker_configuration
    _worker_configuration = configuration
    set_language(language)


def _lint_in_worker(job: tuple[str, str | None]) -> DocumentResult:
    return lint_document(job[0], _worker_configuration, job[1])


def run_batch(paths: Iterable[str | Path], configuration: Configuration, jobs: int | None = None,
              scheduler: str | None = None) -> BatchResult:
    """Lint every document under ``paths`` (``jobs`` processes; default: all cores), or on the
    Dask cluster whose scheduler is at ``scheduler`` (see :mod:`linter.report.cluster`)."""
    import time

    started = time.perf_counter()
    skipped: list[str] = []
    files = [(str(path), workbook and str(workbook)) for path, workbook in plan(paths, configuration, skipped)]
    jobs = min(jobs or available_cores(), max(1, len(files)))
    with _Progress(len(files)) as advance:
        if scheduler:
            from linter.report.cluster import run_on_cluster

            documents = run_on_cluster(files, configuration, scheduler, advance)
        elif jobs == 1:
            documents = []
            for path, workbook in files:
                documents.append(lint_document(path, configuration, workbook))
                advance()
        else:
            documents = _run_parallel(files, configuration, jobs, advance)
    return BatchResult(documents, time.perf_counter() - started, skipped)


def _run_parallel(files: list[tuple[str, str | None]], configuration: Configuration, jobs: int,
                  advance: Callable[[], None]) -> list[DocumentResult]:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # The first file is linted here, before the pool starts: the rule modules and language
    # resources it loads are then inherited by forked workers instead of loaded again in each.
    documents: list[DocumentResult] = [lint_document(files[0][0], configuration, files[0][1])]
    advance()
    chunksize = max(1, min(16, len(files) // (jobs * 8)))
    try:
        with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(configuration, current_language())) as pool:
            for document in pool.map(_lint_in_worker, files[1:], chunksize=chunksize):
                documents.append(document)
                advance()
    except BrokenProcessPool:
        message = _("a worker process died while linting this file or one near it; rerun with --jobs 1")
        documents += [DocumentResult(path, error=message) for path, _workbook in files[len(documents):]]
    return documents


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


class _Progress:
    """A progress bar on standard error when it is a terminal and not CI; otherwise nothing."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.bar = None

    def __enter__(self) -> Callable[[], None]:
        if not (sys.stderr.isatty() and not os.environ.get("CI")):
            return lambda: None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(TextColumn(_("linting")), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                            console=Console(stderr=True), transient=True)
        self.bar.start()
        task = self.bar.add_task("lint", total=self.total)
        return lambda: self.bar.advance(task)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


def _write_html(batch: BatchResult, output: str) -> None:
    from linter.report.html import render_html

    Path(output).write_text(render_html(batch), encoding="utf-8", errors="backslashreplace")


def _write_csv(batch: BatchResult, output: str) -> None:
    from linter.report.tables import write_csv

    write_csv(batch, output)


def _write_xlsx(batch: BatchResult, output: str) -> None:
    from linter.report.tables import write_xlsx

    write_xlsx(batch, output)


#: Report writers by output file suffix.
REPORT_WRITERS: dict[str, Callable[[BatchResult, str], None]] = {
    ".html": _write_html,
    ".htm": _write_html,
    ".csv": _write_csv,
    ".xlsx": _write_xlsx,
}
