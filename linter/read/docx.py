"""Read a Word document (.docx, python-docx): paragraphs in order, tables as tables.

Numbers that Word generates for headings and list items (自动编号: "一、", "（二）", "3.") are not
in the paragraph's characters; they are computed from the document's numbering definitions and
put in front of the paragraph's text, as the reader sees them. A draft under review keeps its
tracked changes (修订): its text is read as it reads with them accepted (insertions in, deletions
out); paragraphs and tables inside content controls (内容控件) are read in their place.
"""

from __future__ import annotations

import re
from pathlib import Path

from linter.patterns import compile_re
from linter.read.decode import SourceFile
from linter.extract.tables import unit_of
from linter.read.extracted import ExtractedText, opens_with_total, refusing_broken, repeated_header_rows, table_width
from linter.read.location import Location

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DIGITS = "零一二三四五六七八九"
#: Elements that hold paragraphs and tables in the body or a cell: content controls, custom XML.
_BLOCK_CONTAINERS = {f"{_W}{tag}" for tag in ("sdt", "sdtContent", "customXml")}
#: Elements of a paragraph whose runs are shown text: hyperlinks, tracked insertions and moves,
#: content controls, smart tags, simple fields, text direction. Tracked deletions ("del",
#: "moveFrom") are not among them.
_INLINE_CONTAINERS = {f"{_W}{tag}" for tag in (
    "hyperlink", "ins", "moveTo", "smartTag", "sdt", "sdtContent", "customXml", "fldSimple", "dir", "bdo")}
#: What each element of a run shows (python-docx's reading of a run); "br" only when it breaks a line.
_RUN_CONTENT = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}


def read_docx(path: Path, workbook: Path | None = None) -> SourceFile:
    """The extracted text of the .docx at ``path`` (raises :class:`InputError` when unreadable),
    followed by the sheets of ``workbook`` (its tables, see :func:`linter.read.xlsx.add_workbook`)."""
    out = ExtractedText(str(path), "docx")
    with refusing_broken("Word (.docx)"):
        _add_document(out, path)
    if workbook is not None:
        from linter.read.xlsx import add_workbook

        add_workbook(out, workbook, own_path=True)
    return out.source()


def _add_document(out: ExtractedText, path: Path) -> None:
    """Append the paragraphs and tables of the Word document at ``path`` to ``out``."""
    import docx

    document = docx.Document(str(path))
    numbering = _Numbering(document)
    paragraph_number = table_number = 0
    recent: list[tuple[str, int]] = []  # paragraphs since the last table, with their offsets
    current: _OpenTable | None = None  # the last table, which the next Word table may go on
    for element in _blocks(document.element.body):
        if element.tag == f"{_W}p":
            paragraph_number += 1
            paragraph = docx.text.paragraph.Paragraph(element, document)
            prefix = numbering.label(paragraph)
            text = _shown_text(element).replace("\r", "").replace("\t", " ")
            if not (prefix + text).strip():
                continue
            if current is not None and not _carries_on(prefix + text, current.title):
                current.write(out)
                current = None
            lines = _soft_breaks_joined((prefix + text).split("\n"))
            start = out.line(lines[0], Location(paragraph=paragraph_number, column=1))
            for line in lines[1:]:  # after a manual line break
                out.line(line, Location(paragraph=paragraph_number, column=1))
            recent.append((prefix + text, start))
        elif element.tag == f"{_W}tbl":
            table_number += 1
            rows = _table_cells(docx.table.Table(element, document))
            first, inside = _lines_atop(out, rows, table_number)  # a title and unit line in the table's first rows
            title, start = _title(inside)
            if not title:  # lines atop the table that hold only its department and unit
                title, start = _title(recent)
            if current is not None and (not title or title == current.title or _continued(title, current.title)) \
                    and table_width(rows) == table_width(current.rows) \
                    and not opens_with_total(rows[first:], current.rows):
                # The same table after a page break, its header maybe repeated (Word splits it in two).
                current.add(rows, first + repeated_header_rows(rows[first:], current.rows), table_number)
            else:
                if current is not None:
                    current.write(out)
                unit = next((u for u in (unit_of(text) for text, _ in reversed(inside + recent)) if u), "")
                current = _OpenTable(title, unit, (start, start + len(title)) if title else None,
                                     _number_alone((recent + inside)[-4:]))
                current.add(rows, first, table_number)
            recent = []
    if current is not None:
        current.write(out)


class _OpenTable:
    """A table being read, which the next Word table may go on (one table split at a page break)."""

    def __init__(self, title: str, unit: str, title_at: tuple[int, int] | None, number: int | None = None) -> None:
        self.title, self.unit, self.title_at, self.number = title, unit, title_at, number
        self.rows: list[list[str]] = []
        self.where: list[tuple[int, int]] = []  # per row: its Word table and row there (1-based)

    def add(self, rows: list[list[str]], skip: int, table_number: int) -> None:
        for index in range(skip, len(rows)):
            self.rows.append(rows[index])
            self.where.append((table_number, index + 1))

    def write(self, out: ExtractedText) -> None:
        where = self.where
        out.table(self.title, self.unit, self.rows,
                  lambda r, c: Location(table=where[r][0], row=where[r][1], column=c + 1), number=self.number,
                  title_at=self.title_at)


def _carries_on(text: str, title: str) -> bool:
    """Whether a paragraph between two Word tables carries the first on: its unit line again, a
    continuation mark ("续表", "…（续）") or its very title."""
    from linter.extract.tables import CONTINUED_TITLE

    return bool(unit_of(text)) or CONTINUED_TITLE.search(text) is not None \
        or (bool(title) and text.replace(" ", "") == title.replace(" ", ""))


def _continued(title: str, first: str) -> bool:
    """Whether ``title`` marks the table titled ``first`` continued ("收入支出决算总表（续）" under "表1　收入支出决算总表")."""
    from linter.extract.tables import CONTINUED_TITLE, table_kind

    return CONTINUED_TITLE.search(title) is not None and table_kind(title) in (None, table_kind(first))


def _soft_breaks_joined(lines: list[str]) -> list[str]:
    """A paragraph's lines with a manual line break inside a phrase undone (Shift+Enter, or text pasted from a
    PDF: "…（款）机关事业单位职业年金" then "缴费支出（项）：…"): a line ending in a Chinese character goes on in the
    next when that one opens with one and no list item's mark."""
    joined = [lines[0]]
    for line in lines[1:]:
        if _HAN_END.search(joined[-1]) and _HAN_START.match(line) and not _ITEM_START.match(line):
            joined[-1] += line
        else:
            joined.append(line)
    return joined


#: A line ending in a Chinese character, and one opening with one (no punctuation between them).
_HAN_END = compile_re(r"[\u4e00-\u9fff]$")
_HAN_START = compile_re(r"[\u4e00-\u9fff]")
#: A list item's or a part's mark opening a line ("一、", "第二部分", "（三）" opens with no Chinese character).
_ITEM_START = compile_re(r"[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分")


def _blocks(element):
    """The paragraphs and tables among ``element``'s children, in order, also those inside content
    controls and custom XML."""
    for child in element.iterchildren():
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag in _BLOCK_CONTAINERS:
            yield from _blocks(child)


def _shown_text(paragraph) -> str:
    """The text of a paragraph element as Word shows it with its tracked changes accepted."""
    parts: list[str] = []

    def add(node) -> None:
        for child in node.iterchildren():
            if child.tag == f"{_W}r":
                for content in child.iterchildren():
                    if content.tag == f"{_W}t":
                        parts.append(content.text or "")
                    elif content.tag == f"{_W}br":
                        parts.append("\n" if content.get(f"{_W}type", "textWrapping") == "textWrapping" else "")
                    else:
                        parts.append(_RUN_CONTENT.get(content.tag, ""))
            elif child.tag in _INLINE_CONTAINERS:
                add(child)

    add(paragraph)
    return "".join(parts)


def _lines_atop(out: ExtractedText, rows: list[list[str]], table_number: int) -> tuple[int, list[tuple[str, int]]]:
    """The table's first rows that hold its title or unit line, as a table pasted from Excel prints
    them (one merged cell, or the unit beside the department): added as lines; how many, and
    their texts with their offsets."""
    first, lines = 0, []
    while first < len(rows):
        cells = [(column, text) for column, text in enumerate(rows[first]) if text.strip()]
        if not cells or not (len(cells) == 1 and not _AMOUNT.search(cells[0][1])
                             or len(cells) <= 3 and any(unit_of(text) for _, text in cells)):
            break
        for column, text in cells:
            lines.append((text, out.line(text, Location(table=table_number, row=first + 1, column=column + 1))))
        first += 1
    return first, lines


#: An amount in a cell: a row holding one is no title.
_AMOUNT = compile_re(r"\d[\d,]*\.\d")


def _title(paragraphs: list[tuple[str, int]]) -> tuple[str, int]:
    """The table's title and its offset: the last of the few paragraphs before the table (or lines
    atop it) that names a kind of table, and is no note ("注：本表反映…收入情况。")."""
    from linter.extract.tables import table_kind

    for text, start in reversed(paragraphs[-4:]):
        if table_kind(text) and not unit_of(text) and len(text) < 60 and not _NOTE.match(text):
            return text, start
    return "", 0


def _number_alone(paragraphs: list[tuple[str, int]]) -> int | None:
    """The number a paragraph before the table (or a line atop it) gives it on its own ("表1", "公开01表"), if any."""
    from linter.extract.tables import next_table_number

    return next((number for text, _ in reversed(paragraphs) if (number := next_table_number(text.strip()))), None)


#: A note or explanation under a table, or a sentence: never a title.
_NOTE = compile_re(r"^\s*(?:注|说明)|.*[。；]\s*$")


def _table_cells(table) -> list[list[str]]:
    """Cell texts by row; a merged cell's text appears once, in its first grid cell."""
    rows = []
    seen = set()
    for row in table.rows:
        cells = []
        for cell in row.cells:
            element = cell._tc  # a merged cell is the same element in every grid cell it covers
            text = "\n".join(_shown_text(block) for block in _blocks(element) if block.tag == f"{_W}p")
            cells.append("" if element in seen else text)
            seen.add(element)
        rows.append(cells)
    return rows


class _Numbering:
    """Counters of Word's automatic numbering, to render each numbered paragraph's label."""

    def __init__(self, document) -> None:
        self.formats: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for node in root.findall(f"{_W}abstractNum"):
            levels = {}
            for level in node.findall(f"{_W}lvl"):
                levels[int(level.get(f"{_W}ilvl", "0"))] = (
                    _val(level, "numFmt", "decimal"), _val(level, "lvlText", ""), int(_val(level, "start", "1")),
                )
            abstract[node.get(f"{_W}abstractNumId")] = levels
        for node in root.findall(f"{_W}num"):
            levels = abstract.get(_val(node, "abstractNumId", ""), {})
            for ilvl, spec in levels.items():
                self.formats[(node.get(f"{_W}numId"), ilvl)] = spec

    def label(self, paragraph) -> str:
        num_id, ilvl = _num_pr(paragraph)
        spec = self.formats.get((num_id, ilvl)) if num_id else None
        if spec is None or spec[0] in ("bullet", "none"):
            return ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        for level in range(ilvl + 1, 9):
            counters[level] = 0
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else self.formats[(num_id, ilvl)][2]

        def number(match: re.Match) -> str:
            level = int(match.group(1)) - 1
            fmt, _, start = self.formats.get((num_id, level), ("decimal", "", 1))
            return _format(counters[level] or start, fmt)

        return re.sub(r"%(\d)", number, spec[1])


def _val(node, child: str, default: str) -> str:
    found = node.find(f"{_W}{child}")
    return found.get(f"{_W}val", default) if found is not None else default


def _num_pr(paragraph) -> tuple[str | None, int]:
    """(numId, level) of a paragraph's numbering, directly or through its style."""
    for owner in (paragraph._p, getattr(paragraph.style, "element", None)):
        ppr = owner.find(f"{_W}pPr") if owner is not None else None
        numpr = ppr.find(f"{_W}numPr") if ppr is not None else None
        if numpr is not None:
            num_id = _val(numpr, "numId", "")
            if num_id and num_id != "0":
                return num_id, int(_val(numpr, "ilvl", "0"))
    return None, 0


def _format(n: int, fmt: str) -> str:
    if fmt.startswith(("chineseCounting", "ideographDigital", "japaneseCounting", "taiwaneseCounting")):
        return chinese_number(n)
    if fmt == "decimalEnclosedCircle" and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (beyond 99: digits)."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else _DIGITS[tens]) + "十" if tens else "") + (_DIGITS[ones] if ones else "")
