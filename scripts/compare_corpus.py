"""Compare what disclint finds in each PDF of the shared corpus with its pdfplumber text version.

    python scripts/compare_corpus.py [CORPUS_FOLDER]     # default: ../shared/corpus

Prints, per document, the tables read with confidence (of those found) and the findings by rule
code for the .txt and the .pdf, then the codes whose counts differ.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter.config import Configuration  # noqa: E402
from linter.document import Document  # noqa: E402
from linter.engine import lint_source, rules_for  # noqa: E402
from linter.read import read_document  # noqa: E402

#: ``shared/corpus`` beside the checkout (or, from a worktree under /work/wt, beside /work/wt).
CANDIDATES = (ROOT.parent / "shared" / "corpus", ROOT.parent.parent / "shared" / "corpus")


def corpus_folder() -> Path | None:
    return next((folder for folder in CANDIDATES if folder.is_dir()), None)


def reading(path: Path) -> dict:
    """Tables found and read with confidence, findings by code, seconds."""
    settings = Configuration({}, isolated=True).for_path(path)
    started = time.perf_counter()
    source = read_document(path, 10**9)
    findings = lint_source(source, rules_for(settings), settings)
    tables = Document(source).tables
    return {
        "tables": len(tables),
        "readable": sum(1 for t in tables if t.problem is None),
        "codes": Counter(f.code for f in findings),
        "seconds": time.perf_counter() - started,
    }


def compare(folder: Path) -> list[tuple[str, dict, dict]]:
    return [(pdf.stem, reading(pdf.with_suffix(".txt")), reading(pdf)) for pdf in sorted(folder.glob("*.pdf"))
            if pdf.with_suffix(".txt").exists()]


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else corpus_folder()
    if folder is None or not folder.is_dir():
        sys.exit(f"no corpus folder (looked at {', '.join(map(str, CANDIDATES))})")
    for name, text, pdf in compare(folder):
        print(f"{name}")
        for label, result in (("txt", text), ("pdf", pdf)):
            codes = ", ".join(f"{code} {n}" for code, n in sorted(result["codes"].items())) or "none"
            print(f"  {label}: tables read {result['readable']}/{result['tables']}, "
                  f"{sum(result['codes'].values())} findings ({codes}), {result['seconds']:.1f} s")
        changed = sorted(set(text["codes"]) | set(pdf["codes"]))
        diff = [f"{c} {text['codes'][c]}→{pdf['codes'][c]}" for c in changed if text["codes"][c] != pdf["codes"][c]]
        print(f"  txt→pdf: {', '.join(diff) or 'same findings'}")


if __name__ == "__main__":
    main()
