"""Decode a disclosure's bytes: UTF-8 (with or without BOM), UTF-16/32 with BOM, GB18030/GBK.

Anything else is refused with an :class:`InputError` that names the problem, so the
command line can report it and go on with the other files.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from linter.i18n import _
from linter.patterns import compile_re

#: Files larger than this are refused unless the caller raises the limit.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = compile_re(r"[\x00-\x08\x0e-\x1f\x7f]")


class InputError(Exception):
    """A file that cannot be linted: unreadable, empty, binary, too large or of unknown encoding."""


class WorkbookError(InputError):
    """The workbook read with a Word document or text file as its tables cannot be read (``path``: the workbook's)."""

    def __init__(self, message: str, path: str):
        super().__init__(message)
        self.path = path


@dataclass(frozen=True)
class SourceFile:
    """The decoded text of one document and what is needed to write it back unchanged."""

    path: str
    text: str
    encoding: str
    bom: bytes = b""
    #: "text", or "pdf" / "docx" / "xlsx" for a document read from its structure; then ``text``
    #: is the extracted text, ``locator`` maps its offsets to pages, paragraphs or cells and
    #: ``grids`` holds its tables (see :mod:`linter.read.extracted`).
    format: str = "text"
    locator: object = None
    grids: tuple = ()
    #: A text file read with the workbook beside it: where its own text ends in ``text`` (the workbook's
    #: sheets follow, located by ``locator`` and read as ``grids``); None otherwise.
    own_end: int | None = None

    @property
    def is_text(self) -> bool:
        """Whether this is a text file (which ``--fix`` may rewrite)."""
        return self.format == "text"

    def encode(self, text: str) -> bytes:
        """Encode ``text`` the way this file was encoded (same codec, same BOM)."""
        return self.bom + text.encode(self.encoding)


def read_path(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceFile:
    """Read and decode the regular file at ``path`` (FIFOs, devices and sockets are refused
    without blocking; at most ``max_bytes`` are read even when the size on disk is wrong)."""
    max_bytes = min(max_bytes, sys.maxsize - 1)
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError as exc:
        raise InputError(_("is a directory")) from exc
    except FileNotFoundError as exc:
        raise InputError(_("no such file or folder")) from exc
    except PermissionError as exc:
        raise InputError(_("permission denied")) from exc
    except (OSError, ValueError) as exc:
        raise InputError(_("cannot read file: {reason}", reason=getattr(exc, "strerror", None) or exc)) from exc
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise InputError(_("is a directory"))
        if not stat.S_ISREG(mode):
            raise InputError(_("not a regular file (a FIFO, device or socket); disclint reads only regular files"))
        size = os.fstat(descriptor).st_size
        if size > max_bytes:
            raise InputError(
                _("file is too large ({size:,} bytes; the limit is {limit:,}, see --max-bytes)",
                  size=size, limit=max_bytes)
            )
        data = _read_at_most(descriptor, max_bytes + 1)
    except OSError as exc:
        raise InputError(_("cannot read file: {reason}", reason=exc.strerror or exc)) from exc
    finally:
        os.close(descriptor)
    if len(data) > max_bytes:
        raise InputError(_("file is too large (the limit is {limit:,} bytes, see --max-bytes)", limit=max_bytes))
    return decode_bytes(data, str(path))


def _read_at_most(descriptor: int, limit: int) -> bytes:
    chunks, total = [], 0
    while total < limit:
        chunk = os.read(descriptor, min(limit - total, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def decode_bytes(data: bytes, path: str = "<stdin>") -> SourceFile:
    """Decode ``data``; raise :class:`InputError` for empty, binary or undecodable input."""
    if not data.strip():
        raise InputError(_("file is empty"))
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(_("invalid {encoding} after its byte-order mark: {reason}",
                                   encoding=encoding, reason=exc.reason)) from exc
            return _checked(SourceFile(path, text, encoding, bom))
    if b"\x00" in data:
        raise InputError(_("looks like a binary file (it contains NUL bytes); disclint reads text"))
    try:
        return _checked(SourceFile(path, data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise InputError(_(
            "unknown text encoding (not UTF-8, UTF-16 with BOM or GB18030/GBK); convert it to UTF-8"
        )) from exc
    if not _looks_like_chinese_text(text):
        raise InputError(_(
            "unknown text encoding (the bytes decode as GB18030 but not to readable text); convert it to UTF-8"
        ))
    return _checked(SourceFile(path, text, "gb18030"))


def _checked(source: SourceFile) -> SourceFile:
    if not source.text.strip():
        raise InputError(_("file is empty"))
    if len(_CONTROL.findall(source.text)) > max(8, len(source.text) // 100):
        raise InputError(_("looks like a binary file (too many control characters)"))
    return source


def _looks_like_chinese_text(text: str) -> bool:
    """GB18030 decodes most byte soups; accept it only when the result reads as text."""
    readable = sum(1 for ch in text if ch.isprintable() or ch in "\r\n\t")
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef")
    return readable >= 0.98 * len(text) and cjk >= 0.2 * len(text.strip())
