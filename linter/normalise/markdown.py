"""Markdown read as the plain text and tab-separated rows it stands for.

A disclosure converted to Markdown (by pandoc, or a PDF-to-Markdown tool) prints its tables as
pipe tables: "| 201 | 一般公共服务支出 | 100.00 |" under a delimiter row "|---|---|---|". Each pipe of
a row becomes the tab between two cells, a delimiter row becomes blank, and a line break inside a
cell ("机关事业单位基本养老保险<br>缴费支出") becomes spaces. In a Markdown file (named ``.md``, or a text file with
Markdown's headings or pipe tables), a heading's marks ("## 四、…") and bold marks ("**表1 收入支出决算总表**") become
spaces too. Every change is one
character for one, so every offset, line and column of the file stays where it was.
"""

from __future__ import annotations

import re

from linter.patterns import compile_re

#: A Markdown table row ("| 201 | 一般公共服务支出 | 100.00 |") and its delimiter row ("|---|:---:|").
_PIPE_ROW = compile_re(r"[ \t]*\|.*\|[ \t]*")
_DELIMITER_ROW = compile_re(r"[ \t|:]*-{3,}[ \t|:-]*")


#: A line break inside a table cell, as pandoc writes it.
_BREAK_TAG = compile_re(r"<br\s*/?>", re.IGNORECASE)
#: Markup of a Markdown file that is no part of the text: a heading's marks, bold marks.
_MARKUP = compile_re(r"^[ \t]{0,3}#{1,6}(?=[ \t])|\*\*", re.MULTILINE)


def _as_spaces(match: re.Match) -> str:
    return " " * len(match.group())


def looks_like_markdown(text: str) -> bool:
    """Whether a text file (not named ``.md``) is Markdown: two headings marked "#" or more, one beside a pipe table's
    row, a pipe table's delimiter row ("|---|---|"), or words in bold ("**68,736.13万元**")."""
    headings = len(_HEADING.findall(text, 0, _MARKDOWN_REACH))
    return headings >= 2 or _DELIMITER_LINE.search(text) is not None or _BOLD.search(text) is not None or (
        headings == 1 and _TABLE_LINE.search(text) is not None)


#: A heading line of Markdown, a delimiter row of a pipe table, and how much of a file is looked at for headings.
_HEADING = compile_re(r"^[ \t]{0,3}#{1,6}[ \t]+\S", re.MULTILINE)
_DELIMITER_LINE = compile_re(r"^[ \t]*\|[ \t:]*-{3,}[ \t|:-]*$", re.MULTILINE)
_TABLE_LINE = compile_re(r"^[ \t]*\|.*\|[ \t]*$", re.MULTILINE)
_BOLD = compile_re(r"\*\*[^*\n]{1,80}\*\*")
_MARKDOWN_REACH = 200_000


def markup_as_spaces(text: str) -> str:
    """A Markdown file's ``text`` with its heading and bold marks as spaces (see the module docstring)."""
    return _MARKUP.sub(_as_spaces, text) if "#" in text or "**" in text else text


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
            cells = " " * len(body) if _DELIMITER_ROW.fullmatch(body) else _BREAK_TAG.sub(_as_spaces, body).replace("|", "\t")
            lines[index] = cells + line[len(body):]
            starts.add(offset)
        offset += len(line)
    return ("".join(lines), frozenset(starts)) if starts else (text, frozenset())
