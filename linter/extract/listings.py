"""Tables that list items under a 合计 (a 政府采购预算表 of 品目, a 政府购买服务预算表 of services, a list of projects), where
the table reader finds no table of a known kind: they print no subject codes, so only their sums are read.

Under a title naming a table ("表10 政府购买服务预算表", on its own line or on the line above), a header line of tab-separated
titles, one or more of them an amount's ("预算金额", "金额", "预算数", "合计"), then the rows, tab-separated, the cells in
the header's places. A row holding "合计" or "总计" in a cell of its own is the total; one holding "小计" (or a name ending
in it, or numbered 一, 二, … in a cell of its own or opening its name: "一、生均公用经费") is a group's subtotal, of the item
rows after it (when the first row under the total is a 小计) or before it. The rows run to the first line without a tab.
An amount column is read only where every item row prints a number in it or nothing (not "2项"), and a table only with a
total and two items or more, none of them opening with 其中 (the parts of the row above, where the rows after it may be
parts too: no list of items).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from linter.extract.numbers import WELL_FORMED
from linter.extract.tables import Value, unit_of
from linter.normalise.flow import HALF_WIDTH
from linter.normalise.position import SourceText
from linter.patterns import compile_re

#: A title naming a table ("表10", "政府购买服务预算表", "表5  某委2025年政府采购预算明细表").
_TITLE = compile_re(r"表\s*\d{1,2}|[\u4e00-\u9fff]表\s*$|[\u4e00-\u9fff]表[（(]")
#: The title of a column of amounts.
_AMOUNT_TITLE = compile_re(r"^(?:\S{0,12}(?:金额|预算数|决算数|资金)|合计|小计|总计|预算|\S{0,8}拨款)(?:[（(](?:万元|元)[)）])?$")
_NUMBER = compile_re(rf"-?(?:{WELL_FORMED})")
_TOTAL = compile_re(r"^(?:合\s*计|总\s*计)$")
_SUBTOTAL = compile_re(r"小\s*计$")
#: A subject code among a row's words ("2010301 行政运行"): no listing's row.
_CODE = compile_re(r"(?:^| )[23]\d{2}(?:\d{2}){0,2}(?= |$)")
#: A row that begins the parts of the row above it ("其中：公务用车购置费"), the next rows maybe too.
_PARTS_OF_ROW = compile_re(r"其中")
#: How many lines above a header its title and unit line may stand.
_TITLE_REACH = 3


@dataclass
class ListingRow:
    """A row: what it names, its amounts by column, and whether it is the total or a subtotal."""

    name: str
    start: int
    end: int
    amounts: dict[int, Value]
    total: bool = False
    subtotal: bool = False


@dataclass
class Listing:
    """A listing table: its title, its amount columns' titles by place, its rows."""

    title: str
    start: int
    unit: str | None
    columns: dict[int, str]
    rows: list[ListingRow] = field(default_factory=list)


def listings(source: SourceText, read: list[tuple[int, int]]) -> list[Listing]:
    """Every listing table of the text outside the ranges ``read`` (the tables of a known kind)."""
    found = []
    lines = source.lines()
    index = 0
    while index < len(lines):
        offset, raw = lines[index]
        listing = _listing(lines, index) if "\t" in raw and not any(start <= offset < end for start, end in read) else None
        if listing is None:
            index += 1
            continue
        found.append(listing)
        index += 1 + len(listing.rows)
    return found


def _listing(lines: list[tuple[int, str]], index: int) -> Listing | None:
    """The listing table whose header is line ``index``, if it is one."""
    offset, raw = lines[index]
    titles = [cell.strip() for cell in HALF_WIDTH(raw).split("\t")]
    if any(_NUMBER.fullmatch(title) for title in titles if title):
        return None
    columns = {place: title for place, title in enumerate(titles) if _AMOUNT_TITLE.match(title)}
    above = [text.strip() for _, text in lines[max(0, index - _TITLE_REACH):index]]
    title = next((text for text in reversed(above) if _TITLE.search(text) and "。" not in text), None)
    if not columns or title is None or len([t for t in titles if t]) < 2:
        return None
    listing = Listing(" ".join(title.split()), offset, next((unit_of(text) for text in above if unit_of(text)), None), columns)
    for row_offset, row_raw in lines[index + 1:]:
        row = _row(row_offset, row_raw, columns)
        if row is None:
            break
        if row.name != "栏次":  # the columns' numbers ("栏次 | | | 1 | 2"), no row of amounts
            listing.rows.append(row)
    _keep_amount_columns(listing)
    items = [row for row in listing.rows if not row.total and not row.subtotal]
    if not listing.columns or len(items) < 2 or not any(row.total for row in listing.rows) \
            or any(_CODE.search(row.name) or _PARTS_OF_ROW.match(row.name) for row in items):
        return None  # (a table of subject codes, or of rows broken down "其中：…", is a hierarchy, its rows no items to add up)
    return listing


#: A group's number heading its row ("一 | 货物类 | 4,700,000.00" over items numbered 1, 2, …): its subtotal.
_GROUP_NUMBER = compile_re(r"[一二三四五六七八九十]{1,3}[、.．]?")
#: …or opening its name ("一、生均公用经费 | 66,610 | 5,173.32" over "学前教育生均公用经费 | …").
_GROUP_HEADING = compile_re(r"[一二三四五六七八九十]{1,3}、")


def _row(offset: int, raw: str, columns: dict[int, str]) -> ListingRow | None:
    """A row of the table: its cells in the header's places; None for a line without a tab."""
    if "\t" not in raw:
        return None
    text = HALF_WIDTH(raw)
    cells, position = [], 0
    for cell in text.split("\t"):
        cells.append((cell.strip(), offset + position + len(cell) - len(cell.lstrip())))
        position += len(cell) + 1
    amounts, words = {}, []
    for place, (cell, start) in enumerate(cells):
        if place in columns and cell:
            amounts[place] = Value.printed(cell, start, start + len(cell)) if _NUMBER.fullmatch(cell) else None
        elif cell:
            words.append(cell)
    name = " ".join(words)
    return ListingRow(name, offset, offset + len(raw.rstrip()), amounts,
                      total=any(_TOTAL.fullmatch(word) for word in words),
                      subtotal=any(_SUBTOTAL.search(word) for word in words)
                      or (len(words) > 1 and _GROUP_NUMBER.fullmatch(words[0]) is not None)
                      or _GROUP_HEADING.match(name) is not None)


def _keep_amount_columns(listing: Listing) -> None:
    """Drop the columns some row prints no number in ("2项" under 数量, a source's name under 资金来源)."""
    for place in list(listing.columns):
        if any(place in row.amounts and row.amounts[place] is None for row in listing.rows):
            del listing.columns[place]
    for row in listing.rows:
        row.amounts = {place: value for place, value in row.amounts.items() if place in listing.columns}


def sums(listing: Listing) -> list[tuple[ListingRow, int, list[ListingRow]]]:
    """``(row, column, the rows it sums)`` for the total and each subtotal: a subtotal sums its group's items (after it,
    when the first row under the total is a subtotal; else before it), the total its subtotals (unless it is the sum of
    every item), or the items when there are none."""
    body = [row for row in listing.rows if not row.total]
    subtotals_first = bool(body) and body[0].subtotal
    groups: list[tuple[ListingRow, list[ListingRow]]] = []
    pending: list[ListingRow] = []
    for row in body:
        if row.subtotal and subtotals_first:
            groups.append((row, []))
        elif row.subtotal:
            groups.append((row, pending))
            pending = []
        elif subtotals_first and groups:
            groups[-1][1].append(row)
        else:
            pending.append(row)
    found = []
    for column in listing.columns:
        for subtotal, items in groups:
            found.append((subtotal, column, items))
        parts = [subtotal for subtotal, _ in groups] + ([] if subtotals_first else pending) if groups else pending
        items = [row for row in body if not row.subtotal]
        # (a total that is the sum of every item is right: a subtotal that makes the subtotals disagree is reported alone)
        found += [(total, column, parts) for total in listing.rows
                  if total.total and not (groups and _sum_is(items, column, total.amounts.get(column)))]
    return [(row, column, parts) for row, column, parts in found
            if column in row.amounts and len(parts) >= 2 and any(column in part.amounts for part in parts)]


def _sum_is(rows: list[ListingRow], column: int, cell) -> bool:
    """Whether ``cell`` is the sum of the ``rows``' amounts in ``column``, to the cent."""
    amounts = [row.amounts[column].value for row in rows if column in row.amounts]
    return cell is not None and len(amounts) >= 2 and abs(sum(amounts) - cell.value) < 0.005
