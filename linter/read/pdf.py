"""Read a PDF (pdfplumber): text lines and ruled tables from the page geometry.

- Tables are found from their ruling lines and cell boxes (pdfplumber's ``find_tables``); their
  characters are left out of the text lines. Every other line keeps its layout: runs of characters
  set apart by a wide gap stand at their column on the page, as ``pdftotext -layout`` prints them,
  so a table drawn with horizontal rules only (or none) is read from its lines as text is. A table
  that goes on over a page break (no title above it, as many columns as the table before) is
  joined to it, repeated header rows dropped.
- Headers and footers are lines in the top or bottom margin that are page numbers ("- 3 -",
  "第 3 页") or recur on several pages; they are left out of the text.
- Each text line and table row remembers its page and its line on the page (counting every
  visual line from the top of the page, as a reader counts).
- A line set letter-spaced (分散对齐, or justified wide) comes out of pdfplumber with a space between
  every two characters ("支 出 决 算 为 8 5 2 . 6 8 万 元"); such a run is read without them.
- A PDF without a text layer (a scan) is refused: disclint does not do OCR. So is one whose fonts
  do not say which character each glyph is (pdfminer then reads "(cid:1234)" for a glyph) when such
  glyphs make up much of its text; a few of them each read as one "\ufffd".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from linter.patterns import compile_re
from linter.read.decode import InputError, SourceFile
from linter.i18n import _
from linter.normalise.flow import letter_spaced_runs
from linter.extract.tables import unit_of
from linter.read.extracted import ExtractedText, opens_with_total, repeated_header_rows, table_width
from linter.read.location import Location
from linter.width import display_width

#: Share of the page height at the top and at the bottom where headers and footers live.
MARGIN = 0.08
#: A glyph whose font does not map it to a character, as pdfminer reads it.
_UNMAPPED_GLYPH = compile_re(r"\(cid:\d+\)")
#: A gap between characters of a line, in digit widths, that separates cells rather than words.
WIDE_GAP = 2.0
#: Share of a PDF's characters that may be unmapped glyphs before its text is refused as unreadable.
UNMAPPED_GLYPHS = 0.05
_PAGE_NUMBER = compile_re(r"^[\s\-—–－_~·]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*/\s*(?:共\s*)?\d{1,4}\s*页?)?[\s\-—–－_~·]*$")


@dataclass
class _Line:
    text: str
    top: float
    bottom: float
    #: ``(start, end, column)`` of each run of the text between wide gaps: its offsets in ``text``
    #: and the column it starts at when the gaps are read as one space (as a reader counts).
    pieces: tuple[tuple[int, int, int], ...] = ()


@dataclass
class _Table:
    top: float
    rows: list[list[str]]
    row_tops: list[float]


@dataclass
class _Page:
    number: int
    height: float
    lines: list[_Line] = field(default_factory=list)
    tables: list[_Table] = field(default_factory=list)
    visual_tops: list[float] = field(default_factory=list)

    def line_on_page(self, top: float) -> int:
        """1-based line number of something at height ``top``, counting visual lines above it."""
        return 1 + sum(1 for t in self.visual_tops if t < top - 1.0)


def read_pdf(path: Path) -> SourceFile:
    """The extracted text of the PDF at ``path`` (raises :class:`InputError` when unreadable)."""
    try:
        import pdfplumber
    except ImportError as error:
        raise InputError(_("reading PDF needs pdfplumber: pip install 'disclint[pdf]'")) from error
    try:
        with pdfplumber.open(str(path)) as pdf:
            pages = [_read_page(page, number) for number, page in enumerate(pdf.pages, 1)]
    except InputError:
        raise
    except Exception as error:  # pdfminer raises many kinds of errors on broken files
        name = type(error).__name__
        if "Password" in name or "Encrypt" in name:
            raise InputError(_("the PDF is encrypted; disclint needs a PDF it can open without a password")) from error
        raise InputError(_("not a readable PDF ({error_kind}: {error})", error_kind=name, error=error)) from error
    if not pages:
        raise InputError(_("the PDF has no pages"))
    if not any(page.lines or page.tables for page in pages):
        raise InputError(_("no text layer: disclint does not do OCR (the PDF is a scan or its text is drawn as images)"))
    _replace_unmapped_glyphs(pages)
    return _assemble(str(path), pages)


def _replace_unmapped_glyphs(pages: list[_Page]) -> None:
    """Read each unmapped glyph ("(cid:1234)") as one "\ufffd"; refuse the PDF when they are more than
    ``UNMAPPED_GLYPHS`` of its characters (its text cannot be read)."""
    texts = [line.text for page in pages for line in page.lines]
    texts += [cell for page in pages for table in page.tables for row in table.rows for cell in row]
    unmapped = sum(len(_UNMAPPED_GLYPH.findall(text)) for text in texts)
    if not unmapped:
        return
    characters = sum(len(_UNMAPPED_GLYPH.sub("\ufffd", text)) for text in texts)
    if unmapped > UNMAPPED_GLYPHS * characters:
        raise InputError(_("the PDF's fonts do not say which characters {count} of its glyphs are, so its text cannot "
                           "be read: lint the Word or Excel file it was made from, or a PDF exported with its fonts "
                           "embedded", count=unmapped))
    for page in pages:
        for line in page.lines:
            line.text = _UNMAPPED_GLYPH.sub("\ufffd", line.text)
        for table in page.tables:
            table.rows = [[_UNMAPPED_GLYPH.sub("\ufffd", cell) for cell in row] for row in table.rows]


def _read_page(page, number: int) -> _Page:
    result = _Page(number, float(page.height))
    found = page.find_tables()
    text_page = page
    for table in found:
        text_page = text_page.outside_bbox(table.bbox, strict=False)  # a table wider than its page
        rows = table.extract()
        tops = [row.bbox[1] if row.bbox else table.bbox[1] for row in table.rows]
        result.tables.append(_Table(float(table.bbox[1]), [[_unspaced(c or "") for c in row] for row in rows], tops))
    lines = [line for line in text_page.extract_text_lines(strip=True, return_chars=True) if line["text"].strip()]
    sizes = sorted(char["size"] for line in lines for char in line["chars"] if char["text"].strip())
    if sizes:
        pitch = sizes[len(sizes) // 2] / 2  # the width of a digit in the page's commonest type
        left = min(char["x0"] for line in lines for char in line["chars"] if char["text"].strip())
        for line in lines:
            chars = [char for char in line["chars"] if char["text"].strip()]
            text, pieces = _laid_out(line["text"].strip(), chars, pitch, left)
            result.lines.append(_Line(text, float(line["top"]), float(line["bottom"]), pieces))
    result.visual_tops = _visual_lines(page)
    return result


def _laid_out(text: str, chars: list[dict], pitch: float, left: float) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    """A line's text as ``pdftotext -layout`` prints it: each run of characters closer than a
    wide gap (``WIDE_GAP`` digits) starts at the column of its position on the page, counted in
    digit widths (a Chinese character is two) from the page's left margin, so the cells of a table
    drawn without vertical rules stand in columns. A narrower gap keeps the space pdfplumber
    reads there, if any (``text`` is pdfplumber's line, ``chars`` its characters but the spaces);
    a letter-spaced run is read without its spaces. Returns the text and its runs' places."""
    if any(len(char["text"]) != 1 for char in chars) or "".join(char["text"] for char in chars) != text.replace(" ", ""):
        return _unspaced(text), ()  # characters that do not spell the line: not laid out
    runs: list[str] = []
    starts: list[float] = []
    previous, spaced, chars = None, False, iter(chars)
    for character in text:
        if character == " ":
            spaced = True  # where pdfplumber parts words
            continue
        char = next(chars)
        gap = char["x0"] - previous["x1"] if previous else 0.0
        if previous is None or gap >= WIDE_GAP * pitch:
            runs.append(character)
            starts.append(char["x0"])
        else:
            runs[-1] += (" " if spaced else "") + character
        previous, spaced = char, False
    runs = [_unspaced(run) for run in runs]
    if len(runs) < 2:
        return " ".join(runs), ()
    text, pieces, column = "", [], 1
    for run, x in zip(runs, starts):
        padding = max(round((x - left) / pitch) - display_width(text), 2 if text else 0)
        start = len(text) + padding
        text += " " * padding + run
        pieces.append((start, len(text), column))
        column += len(run) + 1
    return text, tuple(pieces)


def _unspaced(text: str) -> str:
    """``text`` without the spaces pdfplumber puts between letter-spaced characters (see
    :func:`~linter.normalise.flow.letter_spaced_runs`)."""
    parts, position = [], 0
    for start, end in letter_spaced_runs(text):
        parts += [text[position:start], text[start:end:2]]
        position = end
    return "".join(parts) + text[position:]


def _visual_lines(page) -> list[float]:
    """The tops of the page's visual lines (characters whose tops are within 2 points group)."""
    tops = sorted(float(char["top"]) for char in page.chars if char["text"].strip())
    lines: list[float] = []
    for top in tops:
        if not lines or top - lines[-1] > 2.0:
            lines.append(top)
    return lines


def _margin_lines(pages: list[_Page]) -> set[tuple[int, int]]:
    """(page, line index) of every header and footer line."""
    def zone(page: _Page, line: _Line) -> bool:
        return line.bottom < page.height * MARGIN or line.top > page.height * (1 - MARGIN)

    def key(text: str) -> str:
        return re.sub(r"\d+", "#", text.replace(" ", ""))

    recurring = Counter(key(line.text) for page in pages for line in page.lines if zone(page, line))
    threshold = max(2, len(pages) // 3)
    return {
        (page.number, index)
        for page in pages for index, line in enumerate(page.lines)
        if zone(page, line) and (_PAGE_NUMBER.match(line.text) or recurring[key(line.text)] >= threshold)
    }


@dataclass
class _OpenTable:
    """A table being read, which the next page may continue."""

    number: int
    title: str
    title_at: tuple[int, int] | None
    unit: str
    rows: list[list[str]] = field(default_factory=list)
    #: Per row: the cell's location from its column index.
    where: list = field(default_factory=list)

    def add(self, page: _Page, table: _Table, skip: int = 0) -> None:
        for row, top in zip(table.rows[skip:], table.row_tops[skip:]):
            self.where.append(_cell_location(page, top, self.number, len(self.rows)))
            self.rows.append(row)

    def continues_in(self, table: _Table) -> bool:
        return table_width(table.rows) == table_width(self.rows)

    def write(self, out: ExtractedText) -> None:
        out.table(self.title, self.unit, self.rows, lambda r, c: self.where[r](c), title_at=self.title_at)


def _assemble(path: str, pages: list[_Page]) -> SourceFile:
    """The extracted text: each page's text lines and tables from top to bottom, headers and
    footers left out, a table without a title at the top of a page joined to the one before."""
    out = ExtractedText(path, "pdf")
    margins = _margin_lines(pages)
    current: _OpenTable | None = None
    count = 0
    recent: list[tuple[str, int]] = []  # text lines since the last table, with their offsets
    for page in pages:
        items = [(line.top, 0, line) for i, line in enumerate(page.lines) if (page.number, i) not in margins]
        items += [(table.top, 1, table) for table in page.tables]
        items.sort(key=lambda item: (item[0], item[1]))
        page_top = True  # only lines that carry a table on (its unit line, "续表") stand above on this page
        for _top, is_table, item in items:
            if not is_table:
                page_top = page_top and current is not None and _carries_on(item.text, current.title)
                if current and not page_top:
                    current.write(out)
                    current = None
                start = out.laid_out_line(item.text, item.pieces, Location(page=page.number, line=page.line_on_page(item.top)))
                if not page_top:
                    recent.append((item.text, start))
                continue
            title, title_start = _title(recent)
            if current and page_top and not title and current.continues_in(item) \
                    and not opens_with_total(item.rows, current.rows):
                page_top = False
                current.add(page, item, repeated_header_rows(item.rows, current.rows))
                continue
            page_top = False
            if current:
                current.write(out)
            count += 1
            unit = next((u for u in (unit_of(text) for text, _start in reversed(recent[-4:])) if u), "")
            current = _OpenTable(count, title, (title_start, title_start + len(title)) if title else None, unit)
            current.add(page, item)
            recent = []
    if current:
        current.write(out)
    return out.source()


def _carries_on(text: str, title: str) -> bool:
    """Whether a line atop a page carries the table of the page before (titled ``title``) on: its unit
    line repeated ("部门：某局    单位：万元", as a spreadsheet prints every page), a continuation mark
    ("续表3", "…（续）"), its number alone ("表5") or its very title."""
    from linter.extract.tables import CONTINUED_TITLE

    return bool(unit_of(text)) or CONTINUED_TITLE.search(text) is not None or _TABLE_NUMBER.fullmatch(text.strip()) is not None \
        or (bool(title) and text.replace(" ", "") == title.replace(" ", ""))


#: A table's number on a line of its own ("表5"), printed atop each page with its title.
_TABLE_NUMBER = re.compile(r"表\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})")


def _cell_location(page: _Page, top: float, table: int, row: int):
    line = page.line_on_page(top)
    return lambda column: Location(page=page.number, line=line, table=table, row=row + 1, column=column + 1)


def _title(recent: list[tuple[str, int]]) -> tuple[str, int]:
    """The title among the few lines before a table: the last one that names a kind of table."""
    from linter.extract.tables import table_kind

    for text, start in reversed(recent[-4:]):
        if table_kind(text) and not unit_of(text) and len(text) < 60 and "。" not in text:
            return text, start
    return "", 0
