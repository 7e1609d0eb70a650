"""Baselines: record today's findings, later report only the new ones.

An entry is matched on file, rule code and quoted text (and, to pair up repeated quotes, the
message), never on line numbers, so it survives edits elsewhere in the document.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

from linter.check.finding import Finding
from linter.i18n import _

FORMAT_VERSION = 1


class BaselineError(ValueError):
    """A baseline file that cannot be read."""


def _relative(path: str, folder: Path) -> str:
    """``path`` relative to the baseline's folder, so the baseline works from any working folder."""
    return Path(os.path.relpath(os.path.abspath(path), folder)).as_posix()


def write_baseline(findings: list[Finding], file: str | Path) -> int:
    """Record ``findings`` in ``file`` (JSON, sorted, one entry per finding; rule failures are
    never recorded), atomically; return how many were recorded."""
    from linter.engine import is_failure
    from linter.safeio import write_text_atomically

    findings = [f for f in findings if not is_failure(f)]
    folder = Path(os.path.abspath(file)).parent
    entries = sorted(
        (
            {"path": _relative(f.path, folder), "code": f.code, "quote": f.span.quote,
             "message": f.message, "line": f.span.start.line}
            for f in findings
        ),
        key=lambda e: (e["path"], e["line"], e["code"], e["quote"]),
    )
    data = {"disclint-baseline": FORMAT_VERSION, "findings": entries}
    try:
        write_text_atomically(file, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    except OSError as error:
        raise BaselineError(_("{path}: cannot write baseline: {reason}", path=file, reason=error.strerror or error)) from None
    return len(entries)


def read_baseline(file: str | Path) -> list[dict]:
    try:
        data = json.loads(Path(file).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(_("{path}: no such baseline file (write one with --write-baseline)", path=file)) from None
    except (OSError, ValueError, RecursionError) as error:
        raise BaselineError(_("{path}: cannot read baseline ({error})", path=file, error=error)) from None
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not all(_is_entry(e) for e in entries):
        raise BaselineError(_("{path}: not a disclint baseline (expected a 'findings' list of path/code/quote)",
                              path=file))
    return entries


def _is_entry(entry) -> bool:
    """An entry with text ``path``, ``code`` and ``quote`` (and a text ``message``, if any)."""
    return (isinstance(entry, dict)
            and all(isinstance(entry.get(key), str) for key in ("path", "code", "quote"))
            and isinstance(entry.get("message", ""), (str, type(None))))


def new_findings(findings: list[Finding], file: str | Path) -> list[Finding]:
    """The findings that the baseline in ``file`` does not account for.

    Each baseline entry absorbs one finding: first one with the same message, then any with the
    same file, code and quote.
    """
    from linter.engine import is_failure

    folder = Path(os.path.abspath(file)).parent
    entries = read_baseline(file)
    exact = Counter((e["path"], e["code"], e["quote"], e.get("message")) for e in entries)
    loose = Counter((e["path"], e["code"], e["quote"]) for e in entries)
    keyed = [(f, (_relative(f.path, folder), f.code, f.span.quote)) for f in findings]
    unmatched = []
    for finding, key in keyed:
        if is_failure(finding):
            unmatched.append((finding, None))
        elif exact[(*key, finding.message)] > 0:
            exact[(*key, finding.message)] -= 1
            loose[key] -= 1
        else:
            unmatched.append((finding, key))
    fresh = []
    for finding, key in unmatched:
        if key is not None and loose[key] > 0:
            loose[key] -= 1
        else:
            fresh.append(finding)
    return fresh
