"""Markdown tables read as the tab-separated rows they stand for.

A disclosure converted to Markdown (by pandoc, or a PDF-to-Markdown tool) prints its tables as
pipe tables: "| 201 | 一般公共服务支出 | 100.00 |" under a delimiter row "|---|---|---|". Each pipe of
a row becomes the tab between two cells and a delimiter row becomes blank, one character for
one, so every offset, line and column of the file stays where it was.
"""

from __future__ import annotations

from linter.patterns import compile_re

#: A Markdown table row ("| 201 | 一般公共服务支出 | 100.00 |") and its delimiter row ("|---|:---:|").
_PIPE_ROW = compile_re(r"[ \t]*\|.*\|[ \t]*")
_DELIMITER_ROW = compile_re(r"[ \t|:]*-{3,}[ \t|:-]*")


def pipe_tables_as_tabs(text: str) -> tuple[str, frozenset[int]]:
    """``text`` with its Markdown table rows as tab-separated rows, and the offset where each of
    those rows starts (``text`` itself, and no offset, when it has none)."""
    if "|" not in text:
        return text, frozenset()
    lines = text.splitlines(keepends=True)
    starts, offset = set(), 0
    for index, line in enumerate(lines):
        body = line.rstrip("\r\n")
        if "|" in body and _PIPE_ROW.fullmatch(body):
            cells = " " * len(body) if _DELIMITER_ROW.fullmatch(body) else body.replace("|", "\t")
            lines[index] = cells + line[len(body):]
            starts.add(offset)
        offset += len(line)
    return ("".join(lines), frozenset(starts)) if starts else (text, frozenset())
