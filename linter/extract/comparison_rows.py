"""The small comparison tables a narrative prints between its sentences ("表1  收、支决算总计变化情况":
"项目 | 2023年 | 2024年 | 增减额 | 增减率"), as Sichuan's 情况说明 do, or this year's first ("2024年决算数 | 2023年决算数 | …",
Guangdong's).

Under a header that names two years (or 上年 and 本年), then the change and its rate (增减, 增（减）or 变动), in that order,
each row that prints its name and exactly four numbers (the two years', the change, the rate with or without "%", or a
dash for a rate from nothing)
is read as a row of this year's amount with last year's, the change and the rate beside it (``Row.earlier``,
``Row.change``, ``Row.change_rate``), which TBL002 checks as it checks a 三公 table's change columns. The
rows run to the first line that is no such row; anything else is skipped.
"""

from __future__ import annotations

from linter.extract.numbers import WELL_FORMED
from linter.extract.tables import Row, Table, Value, unit_of
from linter.normalise.flow import HALF_WIDTH
from linter.normalise.position import SourceText
from linter.patterns import compile_re

#: A header: two years (or 上年 and 本年), then the change and its rate ("2023年 | 2024年 | 增减额 | 增减率（%）", "上年数 | 本年数 |
#: 增（减）额 | 增（减）率").
_CHANGE_WORD = r"(?:增减|增[(（]减[)）]|变动)"
_HEADER = compile_re(r"(?:(?P<before>20\d{2})年度?|(?P<before_word>上年|本年))[^\t\n]{0,8}?(?:\t|\s{2,})\s*"
                     r"(?:(?P<now>20\d{2})年度?|(?P<now_word>上年|本年))[^\t\n]{0,8}?(?:\t|\s{2,})\s*"
                     rf"{_CHANGE_WORD}(?:额|数|金额)?(?:\s*[(（][^)）]{{0,4}}[)）])?(?:\t|\s{{2,}})\s*{_CHANGE_WORD}(?:率|幅度|比例)"
                     r"(?:\s*[(（]%[)）])?\s*$")
#: A rate's cell left without a number: a change from nothing ("—", "/").
_NO_RATE = compile_re(r"[-—–－/／]{1,2}")
#: The cells of a row: parted by a tab or two spaces or more.
_GAP = compile_re(r"\t|\s{2,}")
_AMOUNT = compile_re(rf"-?(?:{WELL_FORMED})")
_RATE = compile_re(rf"-?(?:{WELL_FORMED})%?")
#: How many lines above its header a table's unit line and title may stand ("单位：万元" over "项目 | 2023年 | …").
_UNIT_REACH = 3
#: The longest line read as such a table's title.
_TITLE_LENGTH = 40


def comparison_tables(source: SourceText) -> list[Table]:
    """Every comparison table of the text, each a table of ``change_rows`` only (no kind)."""
    found = []
    lines = source.lines()
    for index, (offset, raw) in enumerate(lines):
        if not ("增" in raw or "变动" in raw) or "年" not in raw:
            continue
        header = _HEADER.search(HALF_WIDTH(raw))
        if header is None or bool(header["now"]) != bool(header["before"]) \
                or (header["now"] or header["now_word"]) == (header["before"] or header["before_word"]):
            continue
        # "2024年决算数 | 2023年决算数 | 增减额 | 增减率", "本年数 | 上年数 | …"
        this_year_first = int(header["now"]) < int(header["before"]) if header["now"] else header["before_word"] == "本年"
        above = [text.strip() for _, text in lines[max(0, index - _UNIT_REACH):index]]
        unit = next((unit_of(text) for text in above if unit_of(text)), None)
        # its title: the line above that is no unit line nor a sentence ("表1  收、支决算总计变化情况"), else the years
        title = next((text for text in reversed(above) if text and not unit_of(text) and "。" not in text and "，" not in text
                      and len(text) <= _TITLE_LENGTH), _years_compared(header))
        table = Table(None, None, " ".join(title.split()), offset, offset + len(raw.rstrip()), offset, offset + len(raw),
                      unit=unit)
        for row_offset, row_raw in lines[index + 1:]:
            row = _row(row_offset, row_raw, this_year_first)
            if row is None:
                break
            if row.name != "栏次":  # the columns' numbers ("栏次 | 1 | 2 | 3 | 4"), no row of amounts
                table.change_rows.append(row)
        if table.change_rows:
            found.append(table)
    return found


def _years_compared(header) -> str:
    """The title of a table that prints none: the years its header compares."""
    if header["now"]:
        return f"{min(header['before'], header['now'])}年与{max(header['before'], header['now'])}年对比"
    return "上年与本年对比"


def _row(offset: int, raw: str, this_year_first: bool = False) -> Row | None:
    """A row of a name and four numbers: last year's, this year's (or this year's, then last year's), the change and the
    rate (or a dash for a rate from nothing: "0.00 | 0.00 | 0.00 | —")."""
    text = HALF_WIDTH(raw)
    cells, position = [], 0
    for piece in _GAP.split(text):
        at = text.index(piece, position) if piece else position
        if piece.strip():
            cells.append((piece.strip(), offset + at + len(piece) - len(piece.lstrip())))
        position = at + len(piece)
    if len(cells) != 5 or _AMOUNT.fullmatch(cells[0][0]) \
            or not all(_AMOUNT.fullmatch(text) for text, _ in cells[1:4]) \
            or not (_RATE.fullmatch(cells[4][0]) or _NO_RATE.fullmatch(cells[4][0])):
        return None
    before, now, change = (Value.printed(text, start, start + len(text)) for text, start in cells[1:4])
    if this_year_first:
        before, now = now, before
    rate_text, rate_start = cells[4][0].rstrip("%"), cells[4][1]
    rate = Value.printed(rate_text, rate_start, rate_start + len(rate_text)) if _RATE.fullmatch(cells[4][0]) else None
    row = Row(name=cells[0][0], start=cells[0][1], end=rate_start + len(cells[4][0]), earlier=before, change=change,
              change_rate=rate)
    row.values = {1: now}
    return row

