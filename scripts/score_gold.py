"""Score disclint against the hand annotation of the corpus documents' real errors.

    python scripts/score_gold.py [--corpus DIR] [--gold FILE] [--codes TBL,NUM] [--verbose]

Lints every document the gold file lists (scripts/gold/corpus.yml; corpus default
../shared/corpus/) and compares its warnings and errors with the annotated errors: an alarm is
true when it is on an annotated error's lines with one of its codes, false otherwise; an
annotated error no alarm matches is missed. ``--codes`` restricts both sides to rule-code
prefixes (``TBL,NUM``: the table checks). Prints precision and recall per document and overall.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter.check.finding import Finding, Severity  # noqa: E402
from linter.config import Settings  # noqa: E402
from linter.engine import instantiate_rules, lint_source  # noqa: E402
from linter.read import read_path  # noqa: E402

GOLD = ROOT / "scripts" / "gold" / "corpus.yml"
CORPUS = ROOT.parent / "shared" / "corpus"
if not CORPUS.is_dir():  # a worktree of /work/wt/* sits one level deeper than the main checkout
    CORPUS = ROOT.parent.parent / "shared" / "corpus"


@dataclass
class Score:
    """True and false alarms and missed errors of one document (or of all)."""

    true: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        alarms = len(self.true) + len(self.false)
        return len(self.true) / alarms if alarms else 1.0

    @property
    def recall(self) -> float:
        errors = len(self.true) + len(self.missed)
        return len(self.true) / errors if errors else 1.0

    def add(self, other: "Score") -> None:
        self.true += other.true
        self.false += other.false
        self.missed += other.missed


def _selected(code: str, prefixes: list[str] | None) -> bool:
    return prefixes is None or any(code.startswith(p) for p in prefixes)


def _matches(finding: Finding, error: dict) -> bool:
    first, last = error["line"], error.get("line_end", error["line"])
    codes = error["codes"]
    return finding.span.start.line <= last and finding.span.end.line >= first and (
        "any" in codes or finding.code in codes
    )


def score_document(path: Path, errors: list[dict], prefixes: list[str] | None) -> Score:
    settings = Settings()
    findings = lint_source(read_path(path), instantiate_rules(settings), settings)
    alarms = [f for f in findings if f.severity >= Severity.WARNING and _selected(f.code, prefixes)]
    wanted = [e for e in errors if any(_selected(c, prefixes) for c in e["codes"] if c != "any")
              or (prefixes is None and "any" in e["codes"])]
    score = Score()
    for finding in alarms:
        where = f"{path.name}:{finding.span.start.line} {finding.code} {finding.message}"
        (score.true if any(_matches(finding, e) for e in wanted) else score.false).append(where)
    for error in wanted:
        if not any(_matches(f, error) for f in alarms):
            score.missed.append(f"{path.name}:{error['line']} {'/'.join(error['codes'])} {error['note']}")
    # Two alarms on one error count once as true; the error's others are not false alarms either.
    score.true = sorted(set(score.true))
    return score


def score(corpus: Path, gold: Path, prefixes: list[str] | None) -> dict[str, Score]:
    """Score per document of the gold file found in ``corpus``."""
    documents = yaml.safe_load(gold.read_text(encoding="utf-8"))["documents"]
    return {
        name: score_document(corpus / name, entry["errors"] or [], prefixes)
        for name, entry in documents.items()
        if (corpus / name).is_file()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--codes", help="comma-separated rule-code prefixes (default: every rule)")
    parser.add_argument("--verbose", action="store_true", help="list the false alarms and missed errors")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"no corpus folder at {args.corpus}")
    prefixes = args.codes.split(",") if args.codes else None
    scores = score(args.corpus, args.gold, prefixes)
    total = Score()
    print(f"{'document':<40} {'true':>5} {'false':>6} {'missed':>7} {'precision':>10} {'recall':>7}")
    for name, result in scores.items():
        total.add(result)
        print(f"{name:<40} {len(result.true):>5} {len(result.false):>6} {len(result.missed):>7} "
              f"{result.precision:>10.1%} {result.recall:>7.1%}")
    print(f"{'overall':<40} {len(total.true):>5} {len(total.false):>6} {len(total.missed):>7} "
          f"{total.precision:>10.1%} {total.recall:>7.1%}")
    if args.verbose:
        for title, lines in (("false alarms", total.false), ("missed", total.missed)):
            print(f"\n{title}:")
            for line in lines:
                print(f"  {line}")


if __name__ == "__main__":
    main()
