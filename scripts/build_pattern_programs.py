"""Write the ``re`` programs shipped in ``linter/data`` for this interpreter (see ``linter/patterns.py``):
every pattern the modules compile when imported, and those compiled while linting the examples and
the shared corpus.

    python scripts/build_pattern_programs.py

Rerun it after changing a pattern (``tests/test_patterns.py`` says when the file misses one); a
missing program only costs its compile on a new machine's first run.
"""

from __future__ import annotations

import importlib
import marshal
import os
import pkgutil
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SOURCES = [ROOT / "examples", ROOT.parent / "shared" / "corpus"]


def main() -> None:
    os.environ["DISCLINT_CACHE_DIR"] = tempfile.mkdtemp()  # compile everything: no cache file
    from linter import patterns

    patterns._programs = {}  # nor the shipped programs
    import linter

    for module in pkgutil.walk_packages(linter.__path__, "linter."):
        if module.name.endswith("__main__"):  # runs the command line
            continue
        try:
            importlib.import_module(module.name)
        except ImportError:  # an optional reader's library is not installed
            pass
    from linter.config import Settings
    from linter.engine import instantiate_rules, lint_source
    from linter.read import read_path

    settings = Settings()
    rules = instantiate_rules(settings)
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            lint_source(read_path(path), rules, settings)
    programs = {key: program for key, program in patterns._programs.items() if key[0] == "re"}
    target = ROOT / "linter" / "data" / patterns.shipped_name()
    for stale in target.parent.glob("patterns-re-*"):
        stale.unlink()
    target.write_bytes(zlib.compress(marshal.dumps(programs), 9))
    print(f"wrote {target.relative_to(ROOT)}: {len(programs)} programs, {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()
