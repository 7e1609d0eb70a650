"""Benchmark ``disclint report``: documents per second with 1 and with 2 jobs.

The corpus is made of copies of the real disclosures in ``examples/`` (default rules) or, with
``--synthetic``, of generated documents (see ``tests/corpus.py``). Each run is the whole command
(start-up, linting, writing the HTML, CSV and Excel reports), timed from outside.

    python scripts/benchmark_report.py --documents 400 --jobs 1 2
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from corpus import make_corpus  # noqa: E402


def copy_examples(folder: Path, documents: int) -> None:
    examples = sorted((ROOT / "examples").glob("*.txt"))
    for index in range(documents):
        target = folder / f"region{index % 7}" / f"{index:05d}_{examples[index % len(examples)].name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(examples[index % len(examples)], target)


def time_report(folder: Path, jobs: int, output: Path, repeat: int) -> float:
    """Best wall-clock seconds of ``repeat`` runs."""
    command = [sys.executable, "-m", "linter", "report", str(folder), "--jobs", str(jobs), "--fail-on", "never",
               "-o", str(output / "report.html"), "-o", str(output / "report.csv"), "-o", str(output / "report.xlsx")]
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, check=True, cwd=ROOT, capture_output=True)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--synthetic", action="store_true", help="generated documents instead of examples/")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder, output = Path(temporary) / "corpus", Path(temporary) / "out"
        output.mkdir()
        if args.synthetic:
            make_corpus(folder, args.documents)
        else:
            copy_examples(folder, args.documents)
        files = sum(1 for p in folder.rglob("*") if p.is_file())
        megabytes = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6
        print(f"corpus: {files} files, {megabytes:.1f} MB ({'synthetic' if args.synthetic else 'examples/ copies'})")
        for jobs in args.jobs:
            seconds = time_report(folder, jobs, output, args.repeat)
            print(f"--jobs {jobs}: {seconds:6.2f} s  {files / seconds:7.1f} documents/s")


if __name__ == "__main__":
    main()
