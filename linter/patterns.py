"""Module-level regular expressions, compiled once per installation instead of once per run.

Both ``re`` and ``regex`` parse a pattern and generate its program in Python, then hand the
program (a list of integers) to their C engine: for disclint's ~150 patterns that is ~85 ms, a
quarter of a cold ``disclint check``. :func:`compile_re` and :func:`compile_regex` keep each
program in one file of the cache folder and rebuild the pattern straight from it on later runs.
The file is named after the versions of Python and ``regex``, entries are keyed on the pattern
and its flags, and a program is kept only when rebuilding it gives the pattern ``re`` compiles
(``regex`` rebuilds from the data it pickles a pattern with). A missing, unreadable or corrupt
file only means compiling as usual; new programs are written when the process exits.

Before the cache folder has a file (a new machine or virtual environment), the ``re`` programs
shipped in ``linter/data`` stand in, when they are of this interpreter's minor version and
``_sre`` format (``scripts/build_pattern_programs.py`` writes them): ``re`` spends most of the
compiling time, on the character classes of Chinese ranges.

Use them for patterns fixed when a module loads; a pattern built from a document's text goes
through ``re``/``regex`` as usual (it would only grow the file).
"""

from __future__ import annotations

import _sre
import atexit
import marshal
import re
import sys
from re import _compiler, _parser  # the two halves of re.compile, to keep the program between them
from typing import Callable

import regex
from regex import _regex

from linter import cache
from linter.data import FOLDER

#: Programs by ``(module, pattern, flags)``, loaded on first use; None until then.
_programs: dict[tuple[str, str, int], tuple] | None = None
#: Whether a program was added since the file was read.
_added = False


def compile_re(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, from the cached program when there is one."""
    return _compiled("re", pattern, flags, re.compile, _sre.compile, _re_program)


def compile_regex(pattern: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile(pattern, flags)``, from the cached program when there is one."""
    return _compiled("regex", pattern, flags, regex.compile, _regex.compile,
                     lambda pattern, flags, compiled: compiled._pickled_data)


def _compiled(module: str, pattern: str, flags: int, compile: Callable, rebuild: Callable, program_of: Callable):
    """``compile(pattern, flags)``, or ``rebuild(*program)`` when the cache holds the pattern's
    program; a newly compiled pattern's program (``program_of(pattern, flags, compiled)``) is
    remembered."""
    key = (module, pattern, int(flags))
    program = _load().get(key)
    if program is not None:
        try:
            return rebuild(*program)
        except Exception:  # not a program of this interpreter after all
            pass
    compiled = compile(pattern, flags)
    _remember(key, program_of(pattern, int(flags), compiled))
    return compiled


def _re_program(pattern: str, flags: int, compiled: re.Pattern) -> tuple | None:
    """The arguments of ``_sre.compile`` that ``re.compile`` passed for ``pattern``, or None when
    rebuilding from them does not give ``compiled`` (another interpreter's ``re`` internals)."""
    try:
        parsed = _parser.parse(pattern, flags)
        group_index = dict(parsed.state.groupdict)
        index_group = [None] * parsed.state.groups
        for name, index in group_index.items():
            index_group[index] = name
        program = (pattern, flags | parsed.state.flags, list(map(int, _compiler._code(parsed, flags))),
                   parsed.state.groups - 1, group_index, tuple(index_group))
        return program if _sre.compile(*program) == compiled else None
    except Exception:
        return None


def _cache_name() -> str:
    implementation = sys.implementation
    return (f"patterns-{implementation.name}-{implementation.version.major}.{implementation.version.minor}."
            f"{implementation.version.micro}-regex-{regex.__version__}.marshal")


def shipped_name() -> str:
    """The name of the shipped ``re`` programs for this interpreter: its minor version and the
    format of ``_sre``'s programs."""
    implementation = sys.implementation
    return (f"patterns-re-{implementation.name}-{implementation.version.major}.{implementation.version.minor}"
            f"-sre{_sre.MAGIC}-{_sre.CODESIZE}.marshal.zlib")


def _load() -> dict[tuple[str, str, int], tuple]:
    global _programs
    if _programs is None:
        _programs = _read(lambda: (cache.cache_dir() / _cache_name()).read_bytes())
        if not _programs:  # no cache file yet: the shipped programs, if they are of this interpreter
            _programs = _read(lambda: _decompress((FOLDER / shipped_name()).read_bytes()))
    return _programs


def _decompress(data: bytes) -> bytes:
    import zlib  # only a new cache folder reads the shipped programs

    return zlib.decompress(data)


def _read(data: Callable[[], bytes]) -> dict[tuple[str, str, int], tuple]:
    """The programs marshalled in ``data()``; none when it is missing, unreadable or corrupt."""
    try:
        loaded = marshal.loads(data())  # load(file) reads piecemeal
    except Exception:  # compile as usual
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _remember(key: tuple[str, str, int], program: tuple | None) -> None:
    global _added
    if program is None:
        return
    try:
        marshal.dumps(program)
    except ValueError:  # holds an object marshal cannot write
        return
    if not _added:
        atexit.register(_save)
    _added = True
    _load()[key] = program


def _save() -> None:
    """Write the programs (at exit, when some were added), atomically: a reader sees the old file or
    the new one, never part of one."""
    from linter.safeio import write_atomically

    try:
        write_atomically(cache.cache_dir() / _cache_name(), marshal.dumps(_programs))
    except Exception:  # no writable cache folder: the next run compiles again
        pass
