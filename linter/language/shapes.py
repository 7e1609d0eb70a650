"""Visually similar characters (形近字), from ``linter/data/shapes.tsv``.

The table is built offline by ``scripts/build_shape_table.py`` (glyph bitmaps of two CJK fonts
plus stroke orders) and read once per process, on first use.
"""

from __future__ import annotations

from functools import cache

from linter.data import FOLDER


@cache
def _table() -> dict[str, str]:
    """Character → the rest of its tsv line (look-alikes, a tab, their scores), split on use."""
    text = (FOLDER / "shapes.tsv").read_text(encoding="utf-8")
    return {line[0]: line[2:] for line in text.splitlines() if line and line[0] != "#"}


#: Look-alikes outside GB 2312 that input methods offer beside a common character, with the one meant
#: ("政府釆购" for 政府采购): the table covers GB 2312 only.
_OUTSIDE_GB2312 = {"釆": "采"}
#: Look-alikes of the disclosures' own words that the table's eight best by glyph leave out, each pair both ways
#: ("财攻" for 财政, "续效" for 绩效: the same radical beside a part of a like shape).
_ALSO_ALIKE = {"攻": "政", "政": "攻", "续": "绩", "绩": "续"}


@cache
def similar_shapes(char: str) -> str:
    """The characters that look like ``char``, most similar first (a less common one, of GB 2312
    level 2, ranks as if it scored 0.05 less); at most 8 (and those of :data:`_ALSO_ALIKE`), empty when none or when
    ``char`` is not a GB 2312 hanzi (but for :data:`_OUTSIDE_GB2312`). Cached per character (the typo finder asks
    tens of thousands of times)."""
    return (_table().get(char, "").partition("\t")[0] or _OUTSIDE_GB2312.get(char, "")) + _ALSO_ALIKE.get(char, "")


def shape_similarity(a: str, b: str) -> float:
    """The table's score of ``b`` as a look-alike of ``a`` (or of ``a`` of ``b``); 0 when
    neither lists the other."""
    for char, other in ((a, b), (b, a)):
        alikes, _, scores = _table().get(char, "").partition("\t")
        if len(other) == 1 and other in alikes:
            return float(scores.split()[alikes.index(other)])
    return 0.0


def shape_alike(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are look-alikes: either lists the other (so symmetric)."""
    return len(a) == len(b) == 1 and a != b and (b in similar_shapes(a) or a in similar_shapes(b))
