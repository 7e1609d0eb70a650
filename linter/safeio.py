"""Writing that never fails halfway and never loses a file: atomic replacement, encodings that
cannot fail, and text made safe for terminals.

* :func:`write_atomically` writes a temporary file in the target's folder and renames it over the
  target only when complete, so a failure (or ``kill -9``) leaves the old file whole.
* :func:`encodable` escapes what an encoding cannot represent (lone surrogates from file names
  that are not UTF-8, Chinese on an ASCII terminal) as ``\\udcff``-style escapes.
* :func:`escape_controls` shows control characters (terminal escape sequences, newlines inside a
  file name) as ``\\x1b``, ``\\n``… so one finding stays one line and cannot drive the terminal.
"""

from __future__ import annotations

import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from linter.patterns import compile_regex

#: Control characters, line and paragraph separators and bidirectional overrides.
_UNSAFE = compile_regex(r"[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def escape_controls(text: str) -> str:
    """``text`` with control characters escaped (``\\n``, ``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def encodable(text: str, encoding: str | None) -> str:
    """``text`` with every character ``encoding`` cannot encode escaped (never raises)."""
    encoding = encoding or "utf-8"
    try:
        return text.encode(encoding, "backslashreplace").decode(encoding)
    except LookupError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


@contextmanager
def replacing(path: str | Path) -> Iterator[str]:
    """A temporary file name next to ``path`` to write to; renamed over ``path``
    when the block completes, deleted when it fails — so ``path`` is never left half-written.
    An existing file keeps its permissions (and owner, when allowed); a new one gets the usual
    ``0666 & ~umask``."""
    path = Path(path)
    try:
        existing = os.stat(path)
    except FileNotFoundError:
        existing = None
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:64]}.",
                                             suffix=".tmp")
    os.close(descriptor)
    try:
        yield temporary
        with open(temporary, "rb+") as stream:
            os.fsync(stream.fileno())
        if existing is not None:
            os.chmod(temporary, existing.st_mode & 0o7777)
            _keep_owner(temporary, existing)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        if os.path.lexists(temporary):
            os.unlink(temporary)
        raise


def write_atomically(path: str | Path, data: bytes) -> None:
    """Replace the file at ``path`` (or create it) with ``data`` through :func:`replacing`.
    Raises :class:`OSError` on failure, leaving any previous file untouched."""
    with replacing(path) as temporary, open(temporary, "wb") as stream:
        stream.write(data)


def _keep_owner(temporary: str, existing: os.stat_result) -> None:
    if hasattr(os, "chown") and (existing.st_uid, existing.st_gid) != (os.getuid(), os.getgid()):
        try:
            os.chown(temporary, existing.st_uid, existing.st_gid)
        except PermissionError:
            pass  # only root may give a file away; the mode is kept all the same


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text_atomically(path: str | Path, text: str) -> None:
    """:func:`write_atomically` of ``text`` in UTF-8 (unencodable characters escaped)."""
    write_atomically(path, text.encode("utf-8", "backslashreplace"))


def stdout_encoding(stream=None) -> str:
    stream = stream or sys.stdout
    return getattr(stream, "encoding", None) or "utf-8"
