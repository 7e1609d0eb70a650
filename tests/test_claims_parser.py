"""The claims parser shipped in the package is what Lark generates from grammars/claims.lark,
and a check runs it without importing Lark."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _script():
    spec = importlib.util.spec_from_file_location("build_claims_parser", ROOT / "scripts" / "build_claims_parser.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_parser_is_up_to_date_with_the_grammar():
    """Fails after an edit of grammars/claims.lark until ``python scripts/build_claims_parser.py`` is rerun."""
    script = _script()
    assert script.tables(script.GENERATED.read_text(encoding="utf-8")) == script.tables(script.generate())


def test_claims_are_parsed_without_importing_lark():
    code = ("import sys\nfrom linter.document import Document\nfrom linter.read import decode_bytes\n"
            "document = Document(decode_bytes('基本支出188.25万元，占本年支出94.5%。'.encode(), 'a.txt'))\n"
            "print(len(document.claims.shares), 'lark' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["1", "False"]
