"""Rows of comma-separated cells pasted from a spreadsheet saved as CSV ("合计,,\"3,431,116.27\",\"3,215,486.27\""), read as
tab-separated rows: each separating comma becomes a tab and each double quote a space, one character for one, so
every offset stays the file's.

A line is such a row when it holds no tab nor two spaces running (a layout's), two commas or more outside double quotes
(which hold a cell's own commas: thousands separators) that part no unquoted number's thousands, no full-width mark of a
sentence ("，。；"), no amount stated after words ("收入100万元": a sentence typed with ASCII commas) and balanced quotes,
and stands in a run of two such lines or more.
"""

from __future__ import annotations

from linter.patterns import compile_re

#: A cell in double quotes, and the marks of a sentence.
_QUOTED = compile_re(r'"[^"\n]*"')
_SENTENCE_MARKS = compile_re(r"[，。；]")
#: A separating comma: not an unquoted number's thousands separator ("85,000.00" of a row laid out in spaces).
_SEPARATOR = compile_re(r",(?!(?<=\d,)\d{3}(?!\d))")
#: An amount stated after words ("本年收入100万元", "增长11.1%"): a sentence's, not a cell's (cells print bare numbers).
_STATED_AMOUNT = compile_re(r"[\u4e00-\u9fff]\d[\d.]*(?:万元|亿元|元|%)")
#: The fewest separating commas a row holds, and the fewest rows a table of them has.
_FEWEST_COMMAS = 2
_FEWEST_ROWS = 2


def comma_rows_as_tabs(text: str) -> tuple[str, frozenset[int]]:
    """``text`` with its comma-separated rows as tab-separated ones, and the offset where each of those rows starts
    (``text`` itself, and no offset, when it has none)."""
    if text.count(",") < _FEWEST_COMMAS * _FEWEST_ROWS:
        return text, frozenset()
    lines = text.splitlines(keepends=True)
    rows = [_is_row(line.rstrip("\r\n")) for line in lines]
    starts, offset, run = set(), 0, []
    for index in range(len(lines) + 1):
        if index < len(lines) and rows[index]:
            run.append(index)
        else:
            if len(run) >= _FEWEST_ROWS:
                for row in run:
                    body = lines[row].rstrip("\r\n")
                    lines[row] = _as_tabs(body) + lines[row][len(body):]
            run = []
    for line, row in zip(lines, rows):
        if row and "\t" in line:
            starts.add(offset)
        offset += len(line)
    return ("".join(lines), frozenset(starts)) if starts else (text, frozenset())


def _is_row(line: str) -> bool:
    """Whether ``line`` may be a row of comma-separated cells (see the module docstring)."""
    if "\t" in line or line.count('"') % 2 or "," not in line:
        return False
    bare = _QUOTED.sub("", line)
    return len(_SEPARATOR.findall(bare)) >= _FEWEST_COMMAS and "  " not in bare and not _SENTENCE_MARKS.search(line) \
        and not _STATED_AMOUNT.search(bare)


def _as_tabs(line: str) -> str:
    """A row's separating commas as tabs and its quotes as spaces."""
    cells, quoted = [], False
    for char in line:
        if char == '"':
            quoted = not quoted
            cells.append(" ")
        elif char == "," and not quoted:
            cells.append("\t")
        else:
            cells.append(char)
    return "".join(cells)
