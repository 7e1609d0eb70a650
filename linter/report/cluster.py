"""``disclint report --scheduler ADDRESS``: lint the files on a Dask cluster.

Each file (a Word document with its workbook) is one task: a worker reads it (at the same
absolute path: the files live in a folder every worker sees) and lints it with :func:`~linter.report.batch.lint_document`, exactly as a
local run does; the findings come back to this process, which writes the reports. Imported only
when a scheduler is named, so local runs never import Dask.
"""

from __future__ import annotations

from linter.i18n import _

import os
from typing import Callable

from linter.config import Configuration
from linter.report.batch import DocumentResult, lint_document

#: Seconds to wait for the scheduler before giving up.
CONNECT_TIMEOUT = 10


class ClusterError(RuntimeError):
    """The cluster cannot be used (Dask missing, scheduler unreachable)."""


def run_on_cluster(files: list[tuple[str, str | None]], configuration: Configuration, address: str,
                   advance: Callable[[], None]) -> list[DocumentResult]:
    """One :class:`DocumentResult` per ``(file, workbook)``, in order, linted by the workers of ``address``."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise ClusterError(_("--scheduler needs Dask's distributed package: pip install 'disclint[dask]'")) from None
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, ValueError) as error:
        raise ClusterError(_("cannot reach the Dask scheduler at {address}: {error}", address=address, error=error)) from None
    # Paths relative to this process's folder mean nothing to a worker: it gets absolute ones,
    # and the results get the paths as given back.
    given = {os.path.abspath(path): path for job in files for path in job if path}
    with client:
        [shared] = client.scatter([configuration], broadcast=True)
        futures = client.map(  # files may change between runs: results are never reused (pure=False)
            _lint, [os.path.abspath(job[0]) for job in files],
            [job[1] and os.path.abspath(job[1]) for job in files],
            configuration=shared, pure=False,
        )
        for _done in as_completed(futures):
            advance()
        return [_as_given(job[0], future, given) for job, future in zip(files, futures)]


def _lint(path: str, workbook: str | None, configuration: Configuration) -> DocumentResult:
    """:func:`lint_document` with its arguments in the order ``Client.map`` passes them."""
    return lint_document(path, configuration, workbook)


def _as_given(path: str, future, given: dict[str, str]) -> DocumentResult:
    """The worker's result, with the paths as given (as a local run reports them)."""
    try:
        document = future.result()
    except Exception as error:  # a worker died on this file more often than Dask retries
        return DocumentResult(path, error=f"the cluster could not lint this file ({type(error).__name__}: {error})")
    document.path = path
    for finding in document.findings:
        finding.path = given.get(finding.path, finding.path)
    return document
