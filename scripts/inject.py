"""Error-injection benchmark: plant one realistic error at a time in clean documents and count
how many disclint finds (recall per error class), and what the clean documents already get.

    python scripts/inject.py [PATHS...] [--trials N] [--seed S] [--classes A,B] [--json FILE]

PATHS are documents or folders (default: examples/ and ../shared/corpus/ when present). Each
error class comes from a module of scripts/injection/ (see its docstring for the contract). For
every document and class, ``--trials`` injections are tried with seeds derived from ``--seed``,
so a run is reproducible. An injection counts as found when a warning or error, whose code is
one the injector names and which the clean document does not already have, touches a line of
the planted error, or names it as a related location (a finding reported on another sentence
that lists the planted number among those it compared) on a line where the clean document has no
alarm of that code. Not a test: it prints figures for the README's Benchmark section.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from injection import Injection  # noqa: E402

from linter.check.finding import Finding, Severity  # noqa: E402
from linter.config import Settings  # noqa: E402
from linter.engine import instantiate_rules, iter_documents, lint_source  # noqa: E402
from linter.read import SourceFile, read_path  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


def injectors() -> dict[str, object]:
    """Every error class of every module in scripts/injection/, by class name."""
    import injection

    classes: dict[str, object] = {}
    for module in pkgutil.iter_modules(injection.__path__):
        classes.update(importlib.import_module(f"injection.{module.name}").CLASSES)
    return classes


def alarms(findings: list[Finding]) -> list[Finding]:
    """The findings a reviewer must act on (warnings and errors)."""
    return [f for f in findings if f.severity >= Severity.WARNING]


def line_range(text: str, start: int, end: int) -> range:
    """The 1-based lines that ``text[start:end]`` touches."""
    first = text.count("\n", 0, start) + 1
    return range(first, first + text.count("\n", start, max(start, end - 1)) + 1)


def found(injection: Injection, findings: list[Finding], clean: list[Finding]) -> bool:
    """Whether a new alarm of an accepted code touches the planted error's lines, or names it as
    a related location while the clean document has no alarm of that code on the finding's line."""
    lines = line_range(injection.text, injection.start, injection.end)
    known = {(f.code, f.message) for f in clean}
    known_lines = {(f.code, f.span.start.line) for f in alarms(clean)}
    for finding in alarms(findings):
        if finding.code not in injection.codes or (finding.code, finding.message) in known:
            continue
        if finding.span.start.line <= lines[-1] and finding.span.end.line >= lines[0]:
            return True
        if (finding.code, finding.span.start.line) not in known_lines \
                and any(_touches(related.span, injection) for related in finding.related):
            return True
    return False


def _touches(span, injection: Injection) -> bool:
    """Whether a related location overlaps the planted characters."""
    return span.start_offset < max(injection.end, injection.start + 1) and span.end_offset > injection.start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--trials", type=int, default=10, help="injections per document and class")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--classes", help="comma-separated class names (default: all)")
    parser.add_argument("--json", help="also write the figures as JSON to this file")
    parser.add_argument("--verbose", action="store_true", help="print every missed injection")
    args = parser.parse_args()

    paths = args.paths or [str(ROOT / "examples")] + ([str(CORPUS)] if CORPUS.is_dir() else [])
    classes = injectors()
    if args.classes:
        classes = {name: classes[name] for name in args.classes.split(",")}
    settings = Settings()
    rules = instantiate_rules(settings)

    tried: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    clean_alarms: dict[str, list[str]] = {}
    misses: dict[str, list[str]] = defaultdict(list)
    crashes: list[str] = []
    for path in iter_documents(paths):
        if path.suffix.lower() not in (".txt", ".md"):
            continue
        source = read_path(path)
        findings = lint_source(source, rules, settings)
        clean_alarms[str(path)] = [f"{f.span.start.line}:{f.code} {f.message}" for f in alarms(findings)]
        for name, inject in sorted(classes.items()):
            for trial in range(args.trials):
                rng = random.Random(f"{args.seed}:{path.name}:{name}:{trial}")
                injection = inject(source.text, rng)
                if injection is None:
                    break
                tried[name] += 1
                mutated = SourceFile(path=source.path, text=injection.text, encoding=source.encoding)
                line = line_range(injection.text, injection.start, injection.end)[0]
                try:
                    mutated_findings = lint_source(mutated, rules, settings)
                except Exception as error:  # a crash is a miss, reported, and the run goes on
                    crashes.append(f"{path.name}:{line} {injection.label}: {type(error).__name__}: {error}")
                    continue
                if found(injection, mutated_findings, findings):
                    hit[name] += 1
                else:
                    misses[name].append(f"{path.name}:{line} {injection.label}")

    print(f"{'class':<24} {'found':>6} {'tried':>6} {'recall':>7}")
    for name in sorted(classes):
        rate = f"{hit[name] / tried[name]:.1%}" if tried[name] else "-"
        print(f"{name:<24} {hit[name]:>6} {tried[name]:>6} {rate:>7}")
    total_tried, total_hit = sum(tried.values()), sum(hit.values())
    if total_tried:
        print(f"{'overall':<24} {total_hit:>6} {total_tried:>6} {total_hit / total_tried:>7.1%}")
    print("\nwarnings and errors on the clean documents:")
    for path, lines in clean_alarms.items():
        print(f"  {len(lines):>3}  {path}")
    if crashes:
        print(f"\n{len(crashes)} injected documents crashed disclint:")
        for crash in crashes:
            print(f"  {crash}")
    if args.verbose:
        for name, lines in sorted(misses.items()):
            print(f"\nmissed {name}:")
            for line in lines:
                print(f"  {line}")
    if args.json:
        figures = {
            "recall": {name: {"found": hit[name], "tried": tried[name]} for name in sorted(classes)},
            "clean_alarms": clean_alarms,
            "misses": misses,
            "crashes": crashes,
        }
        Path(args.json).write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
