"""Write ``linter/data/shapes.tsv``: the visually similar characters (形近字) of every GB 2312 hanzi.

    python scripts/build_shape_table.py

Build-only dependencies (never needed at run time, only the tsv ships)::

    apt-get install fonts-noto-cjk           # Noto Sans/Serif CJK SC, SIL Open Font License 1.1
    pip install '.[build-data]'              # Pillow, numpy
    pip install --no-deps char-similar==0.0.2  # stroke orders, Apache License 2.0 (its pinned
                                               # dependencies are not needed: only data is read)

Method. The 6,763 hanzi of GB 2312 (levels 1 and 2: every common simplified character) are
rendered in Noto Sans CJK SC and Noto Serif CJK SC at 48 px on a fixed em box (position kept:
己/已 differ by a gap, 未/末 by stroke lengths) and compared by the cosine of their anti-aliased
grey levels; the two fonts' cosines are averaged. The 40 best-looking candidates of each character
are then re-ranked with a structural signal: the edit similarity of the two characters' stroke
orders (横竖撇点折 sequences, from char-similar)::

    score = 0.7 * bitmap cosine + 0.3 * (1 - stroke-order edit distance / longer stroke order)

Blurring the glyphs, other sizes (32–64 px), one font alone or a stroke-count penalty each
covered fewer of the textbook pairs (tests/test_shapes.py) and of pycorrector's same_stroke.txt
groups at the same table size; MIN_SCORE keeps about six look-alikes a character on average.

A character keeps at most ``NEIGHBOURS`` candidates scoring at least ``MIN_SCORE``, best first,
where a level-2 (less common) look-alike ranks as if it scored 0.05 less: otherwise rare
characters such as 纾, 陉, 泾 fill the eight places of a common one (经) and push out the look-alike a
typo most likely stands for (径). This raised the textbook pairs listed both ways from 64 to 66 of
71 and pycorrector's same_stroke pairs from 563 to 579, at the same table size.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

TABLE = Path(__file__).resolve().parent.parent / "linter" / "data" / "shapes.tsv"
FONTS = (  # (file, face index of the simplified-Chinese face in the collection)
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
)
GLYPH_PX, CANVAS_PX = 48, 56
CANDIDATES, NEIGHBOURS, MIN_SCORE = 40, 8, 0.63
BITMAP_WEIGHT, ORDER_WEIGHT = 0.7, 0.3
#: GB 2312 level 2 (次常用字) starts at row 0xD8; its characters rank a little lower.
LEVEL_2_START, LEVEL_2_HANDICAP = b"\xd8\xa1", 0.05
COMMAND = "python scripts/build_shape_table.py"


def gb2312_hanzi() -> list[str]:
    """The 6,763 hanzi of GB 2312 (rows 0xB0–0xF7; row 0xD7 stops at 0xF9), in code order."""
    return [
        bytes((row, cell)).decode("gb2312")
        for row in range(0xB0, 0xF8)
        for cell in range(0xA1, 0xFF)
        if not (row == 0xD7 and cell > 0xF9)
    ]


def render(chars: list[str], font_file: str, face: int) -> np.ndarray:
    """Grey glyphs (n, CANVAS_PX, CANVAS_PX) in [0, 1], centred on the em box."""
    font = ImageFont.truetype(font_file, GLYPH_PX, index=face)
    glyphs = []
    for char in chars:
        image = Image.new("L", (CANVAS_PX, CANVAS_PX), 0)
        ImageDraw.Draw(image).text((CANVAS_PX // 2, CANVAS_PX // 2), char, font=font, fill=255, anchor="mm")
        glyphs.append(np.asarray(image, dtype=np.float32) / 255)
    return np.stack(glyphs)


def font_version(font_file: str, face: int) -> str:
    """``Family version`` of a face, as fontconfig reads it (e.g. ``Noto Sans CJK SC 2.004``)."""
    fields = subprocess.run(
        ["fc-query", "--index", str(face), "--format", "%{family[0]}|%{fontversion}", font_file],
        capture_output=True, text=True, check=True,
    ).stdout.split("|")
    return f"{fields[0]} {int(fields[1]) / 65536:.3f}"


def bitmap_cosines(chars: list[str]) -> np.ndarray:
    """Pairwise cosine of the glyphs, averaged over FONTS; the diagonal is -inf."""
    total = np.zeros((len(chars), len(chars)), dtype=np.float32)
    for font_file, face in FONTS:
        vectors = render(chars, font_file, face).reshape(len(chars), -1)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        total += vectors @ vectors.T
    total /= len(FONTS)
    np.fill_diagonal(total, -np.inf)
    return total


def stroke_orders() -> dict[str, str]:
    """char-similar's stroke orders (digits 1–5 for 横竖撇点折), read from its data file."""
    package = Path(importlib.util.find_spec("char_similar").origin).parent
    return json.loads((package / "data" / "char_order.dict").read_text(encoding="utf-8"))


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, stroke_a in enumerate(a, 1):
        current = [i]
        for j, stroke_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (stroke_a != stroke_b)))
        previous = current
    return previous[-1]


def score(cosine: float, order_a: str, order_b: str) -> float:
    order_similarity = 1 - edit_distance(order_a, order_b) / max(len(order_a), len(order_b))
    return BITMAP_WEIGHT * cosine + ORDER_WEIGHT * order_similarity


def neighbours(chars: list[str]) -> dict[str, list[tuple[str, float]]]:
    """Each character's look-alikes scoring at least MIN_SCORE, at most NEIGHBOURS, best first
    (a level-2 character ranks as if it scored LEVEL_2_HANDICAP less)."""
    cosines = bitmap_cosines(chars)
    orders = stroke_orders()
    candidates = np.argpartition(-cosines, CANDIDATES, axis=1)[:, :CANDIDATES]
    table = {}
    for i, char in enumerate(chars):
        scored = [(chars[j], score(float(cosines[i, j]), orders[char], orders[chars[j]])) for j in candidates[i]]
        scored = [(other, value) for other, value in scored if value >= MIN_SCORE]
        scored.sort(key=lambda pair: (-rank_score(*pair), pair[0]))
        table[char] = scored[:NEIGHBOURS]
    return table


def rank_score(char: str, value: float) -> float:
    return value - LEVEL_2_HANDICAP * (char.encode("gb2312") >= LEVEL_2_START)


def table_text() -> str:
    """The tsv's text: its header, then one line per character that has look-alikes."""
    rows = [
        f"{char}\t{''.join(other for other, _ in near)}\t{' '.join(f'{value:.2f}' for _, value in near)}\n"
        for char, near in neighbours(gb2312_hanzi()).items()
        if near
    ]
    fonts = " + ".join(font_version(font_file, face) for font_file, face in FONTS)
    header = (
        "# Visually similar characters (形近字) of the GB 2312 hanzi.\n"
        "# Columns: character, its look-alikes, their scores (same order).\n"
        f"# Scores: {BITMAP_WEIGHT} × cosine of glyph bitmaps ({fonts}, fonts-noto-cjk,\n"
        f"#   SIL Open Font License 1.1) + {ORDER_WEIGHT} × stroke-order edit similarity (stroke orders:\n"
        "#   char-similar 0.0.2 data, Apache License 2.0, (c) yongzhuo).\n"
        f"# At most {NEIGHBOURS} look-alikes of score ≥ {MIN_SCORE}, best first; a GB 2312 level-2 character\n"
        f"#   ranks as if it scored {LEVEL_2_HANDICAP} less. Derived data, shipped under disclint's MIT licence\n"
        "#   with the attributions above.\n"
        f"# Rebuilt by: {COMMAND}\n"
    )
    return header + "".join(rows)


def main() -> None:
    text = table_text()
    TABLE.write_text(text, encoding="utf-8")
    rows = [line for line in text.splitlines() if not line.startswith("#")]
    print(f"wrote {TABLE} ({len(rows)} characters, {sum(len(row.split()[1]) for row in rows)} look-alikes)")

if __name__ == "__main__":
    main()
