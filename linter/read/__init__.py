"""Stage 1 — read: turn a file's bytes into text, or refuse with a clear error."""

from linter.read.decode import InputError, SourceFile, decode_bytes, read_path

__all__ = ["InputError", "SourceFile", "decode_bytes", "read_path"]
