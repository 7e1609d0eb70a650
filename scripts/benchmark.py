"""Benchmark `disclint check`: per-document time, documents per second, and cold start-up.

    python scripts/benchmark.py [FOLDER] [--repeat N]

Not a test: timings depend on the machine. Results go to standard output.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from linter.config import Settings
from linter.engine import instantiate_rules, iter_documents, lint_source
from linter.read import read_document

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "examples"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    settings = Settings()
    rules = instantiate_rules(settings)
    paths = list(iter_documents([args.folder]))
    lint_source(read_document(paths[0]), rules, settings)  # warm caches (grammar, lexicons)

    total = 0.0
    print(f"{'document':<40} {'ms/doc':>8} {'findings':>9}")
    for path in paths:
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            findings = lint_source(read_document(path), rules, settings)
            times.append(time.perf_counter() - start)
        best = min(times)
        total += best
        print(f"{path.name:<40} {1000 * best:>8.1f} {len(findings):>9}")
    print(f"\n{len(paths)} documents in {total:.3f} s: {len(paths) / total:.1f} documents/second (warm, one process)")

    command = shutil.which("disclint")
    if command:
        starts = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            subprocess.run([command, "check", str(paths[0]), "--exit-zero"], capture_output=True, check=True)
            starts.append(time.perf_counter() - start)
        print(f"cold `disclint check {paths[0].name}`: median {statistics.median(starts):.3f} s "
              f"(min {min(starts):.3f} s) including interpreter start")
    else:
        print("disclint is not installed on PATH: skipped the start-up measurement", file=sys.stderr)


if __name__ == "__main__":
    main()
