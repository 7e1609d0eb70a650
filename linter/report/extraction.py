"""``disclint extract``: the text disclint read from a document, then each table as TSV."""

from __future__ import annotations


def render_extraction(document) -> str:
    """The document's (extracted) text, then per table a header line and its rows as TSV:
    subject code, name, 行次, side, then the value of each 栏次 column (loose values last)."""
    units = {grid.title_start: grid.unit for grid in document.source.grids}
    parts = [f"# text of {document.path}\n", document.original.text.rstrip("\n") + "\n"]
    for table in document.tables:
        where = document.source_span(table.title_start, table.title_end).where
        header = [f"# {table.title or '(untitled table)'}", f"kind {table.kind}",
                  f"number {table.number or '-'}", f"unit {units.get(table.title_start) or table.unit or '-'}"]
        if where is not None:
            header.append(f"at {where.label()}")
        if table.problem:
            header.append(f"NOT CHECKED: {table.problem}")
        parts.append("\n" + " | ".join(header) + "\n")
        parts.append("\t".join(["code", "name", "行次", "side", *map(str, table.columns), "loose"]) + "\n")
        for row in table.rows:
            cells = [row.code or "", row.name, str(row.line_no or "") if table.numbered_rows else "", row.side]
            cells += [row.values[c].text if c in row.values else "" for c in table.columns]
            cells.append(" ".join(value.text for value in row.loose))
            parts.append("\t".join(cells) + "\n")
    return "".join(parts)
