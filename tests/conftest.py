"""Shared helpers: lint a snippet of text with chosen rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.config import Settings
from linter.engine import instantiate_rules, lint_source
from linter.i18n import LOCALE_VARIABLES, set_language
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


@pytest.fixture(autouse=True)
def no_daemon(monkeypatch):
    """Commands run by tests check in their own process, whatever daemon the developer runs
    (tests/test_daemon.py starts its own)."""
    monkeypatch.setenv("DISCLINT_DAEMON", "0")


@pytest.fixture(autouse=True)
def english_locale(monkeypatch):
    """Tests read English messages whatever the developer's locale; a test that wants Chinese
    sets ``LANG`` or the language itself."""
    for name in LOCALE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    set_language(None)
    yield
    set_language(None)
