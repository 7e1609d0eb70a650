"""Benchmark ``disclint report``: documents per second with ``--jobs 1`` and ``--jobs 2``.

    python scripts/benchmark_report.py [--documents 200] [--jobs 1 2] [--repeat 3] [--synthetic]

The corpus is made of distinct copies of the real disclosures in ``examples/`` (see
``scripts/distinct.py``; no two share a text) or, with ``--synthetic``, of generated documents
(``tests/corpus.py``). Each run is the whole command (start-up, linting with all default rules,
writing the HTML, CSV and Excel reports), timed from outside: wall-clock documents per second,
and documents per CPU-second (per core) counting every process of the run. Runs with 1 and 2
jobs alternate, ``--repeat`` times, so that other load on the machine touches both alike; the
best wall time of each is kept, and the load average before and after is printed.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "scripts"))

from benchmark import load, machine  # noqa: E402
from corpus import make_corpus  # noqa: E402
from distinct import write_distinct_corpus  # noqa: E402


def run_report(folder: Path, jobs: int, output: Path) -> tuple[float, float]:
    """``(wall seconds, CPU seconds of every process)`` of one ``disclint report`` run."""
    command = [sys.executable, "-m", "linter", "report", str(folder), "--jobs", str(jobs), "--fail-on", "never",
               "-o", str(output / "report.html"), "-o", str(output / "report.csv"), "-o", str(output / "report.xlsx")]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--synthetic", action="store_true", help="generated documents instead of examples/ copies")
    args = parser.parse_args()
    print(f"Machine: {machine()}")
    with tempfile.TemporaryDirectory() as temporary:
        folder, output = Path(temporary) / "corpus", Path(temporary) / "out"
        output.mkdir()
        if args.synthetic:
            make_corpus(folder, args.documents)
        else:
            write_distinct_corpus(folder, args.documents)
        files = [p for p in folder.rglob("*") if p.is_file()]
        megabytes = sum(p.stat().st_size for p in files) / 1e6
        kind = "generated documents" if args.synthetic else "distinct copies of examples/"
        print(f"Corpus: {len(files)} files, {megabytes:.1f} MB ({kind}); all default rules; HTML, CSV and Excel written")
        best = {jobs: (float("inf"), 0.0) for jobs in args.jobs}
        for _ in range(args.repeat):
            for jobs in args.jobs:
                wall, cpu = run_report(folder, jobs, output)
                best[jobs] = min(best[jobs], (wall, cpu))
        for jobs, (wall, cpu) in best.items():
            speed_up = best[args.jobs[0]][0] / wall
            print(f"--jobs {jobs}: {wall:6.1f} s  {len(files) / wall:6.1f} documents/s  "
                  f"{len(files) / cpu:5.1f} documents per CPU-second  "
                  f"speed-up {speed_up:.2f}× over --jobs {args.jobs[0]}")
    print(f"Load average at the end: {load()} ({os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
