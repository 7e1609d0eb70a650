"""Compiled resources (jieba's dictionary as a trie, the pinyin table) cached on disk.

Built on first use, then reused by every later run; written under a temporary name and
renamed, so parallel runs never read a half-written file. The folder is
``$DISCLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/disclint`` (``~/.cache/disclint``), else the
system's temporary folder.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing itself takes ~5 ms to import, on the daemon client's path too
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Callable


def cache_dir() -> Path:
    from pathlib import Path  # not on import: the daemon's client reads configured_folder() only

    for folder in map(Path, _candidate_folders()):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if os.access(folder, os.W_OK):
                return folder
        except OSError:
            continue
    raise OSError("no writable cache folder (set DISCLINT_CACHE_DIR)")


def configured_folder() -> str:
    """``$DISCLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/disclint`` (``~/.cache/disclint``)."""
    configured = os.environ.get("DISCLINT_CACHE_DIR")
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return configured or os.path.join(base, "disclint")


def _candidate_folders():
    yield configured_folder()
    import tempfile  # the last resort only: importing it costs more than the rest of this module

    yield tempfile.gettempdir()


def cached(name: str, build: Callable[[Path], None]) -> Path:
    """The path of cache file ``name``, calling ``build(path)`` to make it when missing."""
    path = cache_dir() / name
    if not path.exists():
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        build(partial)
        os.replace(partial, path)
    return path


def cached_text(name: str, build: Callable[[Path], None]) -> str:
    """The text of cache file ``name`` (see :func:`cached`): read straight from the configured folder, where it
    usually is, without importing :mod:`pathlib` (``disclint rules`` reads one so)."""
    try:
        with open(os.path.join(configured_folder(), name), encoding="utf-8") as file:
            return file.read()
    except OSError:
        return cached(name, build).read_text(encoding="utf-8")
