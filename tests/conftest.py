"""Shared helpers: lint a snippet of text with chosen rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.config import Settings
from linter.engine import instantiate_rules, lint_source
from linter.read import decode_bytes

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def lint_text(text: str, select: list[str] | None = None, **settings):
    """Findings of the ``select``-ed rules (default: all enabled) in ``text``."""
    config = Settings(select=select or [], **settings)
    source = decode_bytes(text.encode("utf-8"), "snippet.txt")
    return lint_source(source, instantiate_rules(config), config, contain=False)


@pytest.fixture
def lint():
    return lint_text
