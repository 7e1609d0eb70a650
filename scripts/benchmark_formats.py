"""Benchmark reading PDF, Word and Excel documents.

    python scripts/benchmark_formats.py [PDF_FOLDER]    # default: the shared corpus
    python scripts/benchmark_formats.py --install       # also: install time and size of the format libraries

Prints, per PDF: pages, seconds to read it (pdfplumber: text, tables, headers), seconds to read
and lint it (all default rules), and seconds per page; then the import time of each format library
in a fresh interpreter. ``--install`` creates a throw-away virtualenv and times ``pip install``
of pdfplumber and python-docx, with the size each adds.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from compare_corpus import corpus_folder  # noqa: E402

from linter.config import Configuration  # noqa: E402
from linter.engine import lint_source, rules_for  # noqa: E402
from linter.read import read_document  # noqa: E402


def benchmark_pdfs(folder: Path) -> None:
    import pdfplumber

    settings = Configuration({}, isolated=True).for_path(folder)
    rules = rules_for(settings)
    total_pages = total_seconds = 0.0
    for pdf in sorted(folder.glob("*.pdf")):
        with pdfplumber.open(str(pdf)) as opened:
            pages = len(opened.pages)
        started = time.perf_counter()
        source = read_document(pdf, 10**9)
        read = time.perf_counter() - started
        lint_source(source, rules, settings)
        whole = time.perf_counter() - started
        total_pages += pages
        total_seconds += whole
        print(f"{pdf.name}: {pages} pages, read {read:.2f} s, read+lint {whole:.2f} s, {whole / pages:.3f} s/page")
    print(f"all: {total_pages:.0f} pages, {total_seconds:.1f} s, {total_seconds / total_pages:.3f} s/page")


def import_times() -> None:
    for module in ("pdfplumber", "docx", "openpyxl"):
        code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
        seconds = float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        print(f"import {module}: {seconds:.2f} s")


def install_costs() -> None:
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([sys.executable, "-m", "venv", folder], check=True)
        python = str(Path(folder) / "bin" / "python")
        site = Path(subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                   capture_output=True, text=True, check=True).stdout.strip())
        for package in ("python-docx", "pdfplumber"):
            before = _size(site)
            started = time.perf_counter()
            subprocess.run([python, "-m", "pip", "install", "-q", package], check=True, capture_output=True)
            print(f"pip install {package}: {time.perf_counter() - started:.1f} s, "
                  f"+{(_size(site) - before) / 2**20:.0f} MiB installed")


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    arguments = [a for a in sys.argv[1:] if a != "--install"]
    folder = Path(arguments[0]) if arguments else corpus_folder()
    if folder is None:
        sys.exit("no PDF folder given and no shared corpus found")
    benchmark_pdfs(folder)
    import_times()
    if "--install" in sys.argv:
        install_costs()


if __name__ == "__main__":
    main()
