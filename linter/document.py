"""A document on its way through the pipeline; each stage's product is computed lazily, once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from linter.i18n import _
from linter.normalise import MappedText, SourceText, build_flow
from linter.normalise.delimited import comma_rows_as_tabs
from linter.normalise.markdown import looks_like_markdown, markup_as_spaces, pipe_tables_as_tabs
from linter.normalise.position import Position
from linter.patterns import compile_re
from linter.read import SourceFile


#: A table's row that is a note printed in its cells, under its rows.
_NOTE_ROW = compile_re(r"[ \t\u3000]*(?:注|说明)[ \t\u3000]*[:：]")


@dataclass(frozen=True)
class Span:
    """A range of the original file: offsets, 1-based positions and the text it covers."""

    start_offset: int
    end_offset: int
    start: Position
    end: Position
    quote: str
    #: Page, paragraph or cell of a PDF, Word or Excel document (None in a text file).
    where: object = None

    @property
    def place(self) -> str:
        """Where the span starts, as a message names it: "line 12" in a text file, "page 3, line 4,
        col 5", "table 2, row 3, col 4" or "表1!C7" in a PDF, Word or Excel file."""
        return self.where.label() if self.where is not None else _("line {line}", line=self.start.line)


class Document:
    """One disclosure: original text (a Markdown table's rows read as tab-separated ones, see
    :mod:`linter.normalise.markdown`, and so are a spreadsheet's comma-separated rows, see
    :mod:`linter.normalise.delimited`), flow text, and (lazily) its numbers, claims and tables."""

    def __init__(self, source: SourceFile) -> None:
        self.source = source
        self.path = source.path
        markdown = source.path.lower().endswith((".md", ".markdown")) or (source.is_text and looks_like_markdown(source.text))
        text = markup_as_spaces(source.text) if markdown else source.text
        text, self.markdown_rows = pipe_tables_as_tabs(text) if source.is_text else (text, frozenset())
        if source.is_text:
            text, comma_rows = comma_rows_as_tabs(text)
            self.markdown_rows |= comma_rows
        self.original = SourceText(text)
        self._derived: dict = {}

    @cached_property
    def written_flow(self) -> MappedText:
        """The narrative, normalised (see :mod:`linter.normalise.flow`), in the script the file writes it in: with the
        notes a table's cells print under it ("注：本部门2024年度无政府性基金…") as a text file has them, not its rows."""
        text = self.original.text
        rows = frozenset(start for grid in self.source.grids for start in grid.row_starts if not _NOTE_ROW.match(text, start))
        return build_flow(self.original, hard_breaks=self.source.format in ("docx", "xlsx"), table_rows=rows)

    @cached_property
    def flow(self) -> MappedText:
        """The narrative as the rules read it: :attr:`written_flow`, or its simplified copy, one character for one, when
        it is written in traditional characters throughout (萬元, 佔, 增長 read as 万元, 占, 增长; LNG005 reports the script)."""
        from linter.language.script import document_conversion

        written, converted = self.written_flow, document_conversion(self)
        return MappedText(converted.simplified, written.starts, written.origins) if converted.traditional else written

    @cached_property
    def numbers(self):
        """Every number token of the flow text (:mod:`linter.extract.numbers`)."""
        from linter.extract.numbers import find_numbers

        return find_numbers(self.flow.text)

    @cached_property
    def claims(self):
        """The formulaic claims of the narrative (:mod:`linter.extract.claims`)."""
        from linter.extract.claims import extract_claims

        return extract_claims(self)

    @cached_property
    def tables(self):
        """The disclosure tables, read from the original lines (:mod:`linter.extract.tables`), or
        built from the cells of a PDF, Word or Excel file's tables."""
        from linter.extract.tables import find_tables, table_from_grid

        if not self.source.grids:
            return find_tables(self.original, self.markdown_rows)
        grids = [table for table in (table_from_grid(self.original, grid) for grid in self.source.grids) if table]
        if self.source.format == "pdf":
            # Tables drawn without vertical rules are no grids: their rows are laid-out text lines.
            kinds = {table.kind for table in grids}
            drawn = [table for table in find_tables(self._without_grids(), self.markdown_rows) if table.kind not in kinds]
            return sorted(grids + drawn, key=lambda table: table.start)
        if self.source.own_end is None:
            return grids
        # A text file read with its workbook: its own tables, then the sheets' of the kinds it has not. A title of the
        # text with nothing under it ("附表5：一般公共预算财政拨款支出决算表", listing the workbook's sheets) names a sheet.
        sheets = {table.kind for table in grids}
        own = [table for table in find_tables(SourceText(self.original.text[:self.source.own_end]), self.markdown_rows)
               if table.kind not in sheets or table.rows or table.header_lines or table.explanation or table.identities]
        kinds = {table.kind for table in own}
        return own + [table for table in grids if table.kind not in kinds]

    def _without_grids(self) -> SourceText:
        """The original text with the rows of its grids blanked (offsets kept)."""
        text = self.original.text
        parts, position = [], 0
        for start in sorted(start for grid in self.source.grids for start in grid.row_starts):
            end = text.find("\n", start)
            end = len(text) if end == -1 else end
            parts += [text[position:start], " " * (end - start)]
            position = end
        return SourceText("".join(parts) + text[position:])

    def derived(self, compute, *args):
        """``compute(self, *args)``, computed once per document and shared by the rules that need it."""
        key = (compute, args)
        if key not in self._derived:
            self._derived[key] = compute(self, *args)
        return self._derived[key]

    def span(self, start: int, end: int) -> Span:
        """The original-file span of flow-text range ``[start, end)``."""
        src_start, src_end = self.flow.source_span(start, end)
        return self.source_span(src_start, src_end)

    def source_span(self, start: int, end: int) -> Span:
        """The span of original-file offsets ``[start, end)``."""
        return Span(
            start,
            end,
            self.original.position(start),
            self.original.position(end),
            self.source.text[start:end],  # as written: a Markdown row's pipes are tabs in ``original``
            self.source.locator.locate(start) if self.source.locator else None,
        )
