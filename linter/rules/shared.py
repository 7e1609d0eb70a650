"""Facts about a document that rules of several families read, each computed once per document
(through :meth:`linter.document.Document.derived`)."""

from __future__ import annotations

from linter.language.structure import Numbered, parts
from linter.patterns import compile_re
from linter.language.subjects import document_year, original_year  # noqa: F401 (the rules' import of it)

_YEAR = compile_re(r"(20\d{2})年")


def flow_year(document) -> int | None:
    """The year the disclosure is for (:func:`document_year`), read from the flow text."""
    return document_year(document.flow.text)


def names_another_year(text: str, year: int | None) -> bool:
    """Whether ``text`` names a year ("2019年") other than ``year``; any year when ``year`` is unknown."""
    return any(int(found) != year for found in _YEAR.findall(text))


def tables_kind_and_year(document) -> tuple[str | None, int | None]:
    """Whether the disclosure is a 决算 or a 预算, and its year, as its table titles (else its opening
    lines) tell (:func:`~linter.extract.tables.document_kind_and_year`)."""
    from linter.extract.tables import document_kind_and_year

    return document_kind_and_year(document.original, document.tables)


def part_headings(document) -> list[Numbered]:
    """The part headings of the flow text (:func:`parts`)."""
    return parts(document.flow.text)


def sangong_budgets(document, block: str = "预算") -> dict[str, object]:
    """The 预算数 a 决算's 三公 table prints for each quantity of
    :data:`~linter.extract.tables.SANGONG_COLUMNS` (its ``Value``), by that name, in its ``block`` ("预算", or "年初预算" where
    it prints that beside its 全年 or 调整 budget); empty when the document has no such table read with confidence."""
    from linter.extract.tables import SANGONG_COLUMNS, THREE_PUBLIC, sangong_blocks
    from linter.rules.tables.common import first

    table = first(document.tables, THREE_PUBLIC)
    if table is None:
        return {}
    blocks = sangong_blocks(table)
    if "决算" not in table.title.replace(" ", "") and "决算" not in blocks:
        return {}  # (a 决算's table titled otherwise prints its 决算数 beside: "“三公”经费、…机关运行经费情况表")
    columns = blocks.get(block)
    row = table.single_or_total()
    if columns is None or row is None:
        return {}
    return {name: row.cell(column) for name, column in zip(SANGONG_COLUMNS, columns) if row.cell(column) is not None}


def measures_year_on_year(document) -> list:
    """The counts and measures stated with last year's (:func:`~linter.extract.counts.measure_levels`) whose rate no
    count change (:func:`~linter.extract.counts.count_changes`, ARI002's) reads already."""
    from linter.extract.counts import count_changes, measure_levels

    text = document.flow.text
    read = {change.rate.start for change in count_changes(text)}
    return [levels for levels in measure_levels(text) if levels.rate is None or levels.rate.start not in read]
