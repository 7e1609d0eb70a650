"""Compiled patterns kept on disk (linter/patterns.py): a pattern rebuilt from the cache file is
the pattern ``re``/``regex`` compiles, a broken file only costs a compile, and a second run
compiles nothing."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
import regex
from conftest import EXAMPLES
from regex import _regex

from linter import patterns

_RE_CASES = [(r"(?P<amount>\d+(?:\.\d+)?)\s*万元", 0), (r"^[一二三四五六七八九十]+、", re.MULTILINE),
             (r"(?x) 增 (?:加|长) # verbose", 0), ("[，。；,]", 0)]
_REGEX_CASES = [(r"(?<=\p{Han})\d+(?=%)", 0), (r"(?:(?P<word>\p{Han}{2})\g<word>)", regex.V1),
                (r"(?i)total|合计", 0)]
_TEXTS = ["收入合计1,234.56万元，增长12%。", "一、部门概况\n二、收支TOTAL 3 万元", "合计合计 增加 增长"]


def _fresh(monkeypatch, folder) -> None:
    """A process that has not read the cache file yet, with its cache folder at ``folder``."""
    monkeypatch.setenv("DISCLINT_CACHE_DIR", str(folder))
    monkeypatch.setattr(patterns, "_programs", None)
    monkeypatch.setattr(patterns, "_added", False)


def _behaviour(pattern) -> list:
    return [[(m.span(), m.groupdict()) for m in pattern.finditer(text)] for text in _TEXTS]


def test_patterns_come_back_from_the_file_as_compiled(tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path)
    first = [patterns.compile_re(p, f) for p, f in _RE_CASES] + [patterns.compile_regex(p, f) for p, f in _REGEX_CASES]
    patterns._save()
    assert len(list(tmp_path.glob("patterns-*.marshal"))) == 1

    compiled_now = [re.compile(p, f) for p, f in _RE_CASES]
    _fresh(monkeypatch, tmp_path)
    monkeypatch.setattr(patterns.re, "compile", None)  # a pattern compiled again would fail
    monkeypatch.setattr(patterns.regex, "compile", None)
    again = [patterns.compile_re(p, f) for p, f in _RE_CASES] + [patterns.compile_regex(p, f) for p, f in _REGEX_CASES]
    assert not patterns._added
    for before, after in zip(first, again):
        assert (after.pattern, after.flags, after.groupindex) == (before.pattern, before.flags, before.groupindex)
        assert _behaviour(after) == _behaviour(before)
    assert again[:len(_RE_CASES)] == compiled_now  # the same program


def test_a_broken_cache_file_means_compiling_as_usual(tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path)
    (tmp_path / patterns._cache_name()).write_bytes(b"\x00not marshal data")
    assert patterns.compile_re(r"\d+").fullmatch("2024")
    assert patterns.compile_regex(r"\p{Han}+").fullmatch("决算")
    patterns._save()
    _fresh(monkeypatch, tmp_path)
    shipped = patterns._read(lambda: patterns._decompress((patterns.FOLDER / patterns.shipped_name()).read_bytes()))
    assert set(patterns._load()) - set(shipped) == {("re", r"\d+", 0), ("regex", r"\p{Han}+", 0)}


def test_a_program_that_does_not_rebuild_the_pattern_is_not_kept():
    assert patterns._re_program(r"\d+", 0, re.compile(r"\d+")) is not None
    assert patterns._re_program(r"\d+", 0, re.compile(r"\d*")) is None


def test_every_cached_pattern_works_as_compiled_now():
    """Every program the cache of this test process holds (the package's module-level patterns)
    rebuilds what compiling gives: the same program for ``re``; for ``regex``, whose programs list
    sets in hash order, the same matches on an example disclosure."""
    import linter.engine  # noqa: F401  (imports the pipeline's modules)

    text = sorted(EXAMPLES.glob("*.txt"))[0].read_text(encoding="utf-8")
    programs = patterns._load()
    assert len(programs) > 50
    for (module, pattern, flags), program in programs.items():
        if module == "re":
            assert patterns._sre.compile(*program) == re.compile(pattern, flags), pattern
        else:
            rebuilt, compiled = _regex.compile(*program), regex.compile(pattern, flags)
            assert [m.span() for m in rebuilt.finditer(text)] == [m.span() for m in compiled.finditer(text)], pattern


def test_a_second_run_compiles_nothing_and_leaves_the_file_alone(tmp_path):
    environment = {**os.environ, "DISCLINT_CACHE_DIR": str(tmp_path)}
    command = [sys.executable, "-c", "import linter.extract.claims, linter.extract.tables"]
    subprocess.run(command, env=environment, check=True)
    [written] = tmp_path.glob("patterns-*.marshal")
    before = (written.read_bytes(), written.stat().st_mtime_ns)
    subprocess.run(command, env=environment, check=True)
    assert (written.read_bytes(), written.stat().st_mtime_ns) == before
    assert not list(tmp_path.glob("*.tmp"))


def _shipped() -> dict:
    """The ``re`` programs shipped for this interpreter (see ``scripts/build_pattern_programs.py``)."""
    path = patterns.FOLDER / patterns.shipped_name()
    if not path.exists():
        pytest.skip(f"no shipped programs for this interpreter ({path.name})")
    return patterns._read(lambda: patterns._decompress(path.read_bytes()))


def test_the_shipped_programs_are_what_re_compiles_now():
    shipped = _shipped()
    assert len(shipped) > 100
    for (module, pattern, flags), program in shipped.items():
        assert module == "re" and patterns._sre.compile(*program) == re.compile(pattern, flags), pattern


def test_the_shipped_programs_hold_every_pattern_the_modules_compile():
    """A first run on a new machine compiles none of the package's patterns; a pattern changed
    since the file was written is missing from it."""
    command = [sys.executable, "-c", "import json, linter.patterns as p, linter.cli, linter.engine as e, linter.config as c\n"
               "p._programs = {}\ne.instantiate_rules(c.Settings())\nprint(json.dumps([k for k in p._programs if k[0] == 're']))"]
    compiled = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    missing = {tuple(key) for key in compiled} - set(_shipped())
    assert not missing, f"rerun scripts/build_pattern_programs.py: {len(missing)} patterns are not shipped"


def test_an_empty_cache_folder_starts_from_the_shipped_programs(tmp_path, monkeypatch):
    shipped = _shipped()
    _fresh(monkeypatch, tmp_path)
    assert patterns._load() == shipped
    monkeypatch.setattr(patterns.re, "compile", None)  # a shipped pattern compiled again would fail
    (module, pattern, flags), _ = next(iter(shipped.items()))
    assert patterns.compile_re(pattern, flags).pattern == pattern and not patterns._added
    monkeypatch.undo()
    _fresh(monkeypatch, tmp_path)
    patterns.compile_re(r"\d+年", 0)
    patterns._save()  # the cache folder's file, once written, is read instead
    _fresh(monkeypatch, tmp_path)
    assert set(patterns._load()) == set(shipped) | {("re", r"\d+年", 0)}
