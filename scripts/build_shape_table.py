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
            + 0.12 * common share

The last term covers what the bitmaps miss when two unlike radicals (讠/氵, 冫/礻) sit beside one
shared part: 形声字 of the same phonetic such as 清/请/情, 况/祝, 效/郊. Two characters of the same
structure (char-similar's left-right, top-bottom, … codes) with different radicals whose first-level
parts (char-similar's decompositions) agree in all places but one — parts agree when written with the
same strokes in the same order, so 务 = 夕 + 力 (as char-similar splits it) matches 各 = 夂 + 口 —
where the differing parts have at
most 5 strokes and no more than the shared ones, are candidates too, scored with the share of the
larger character's strokes they have in common (请/清: 8 of 11). Requiring different radicals keeps
out pairs of one radical with unlike short phonetics (钋/钏, 扎/扩). This lifted the textbook pairs
of that kind (tests/test_shapes.py) from 54 to 72 of 94 for 1.5% more look-alikes in the table.

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
COMPONENT_WEIGHT, MAX_DIFFERING_STROKES = 0.12, 5
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


def char_similar_data(name: str) -> dict:
    """One of char-similar's data files (``char_<name>.dict``, JSON keyed by character)."""
    package = Path(importlib.util.find_spec("char_similar").origin).parent
    return json.loads((package / "data" / f"char_{name}.dict").read_text(encoding="utf-8"))


def stroke_orders() -> dict[str, str]:
    """char-similar's stroke orders (digits 1–5 for 横竖撇点折)."""
    return char_similar_data("order")


def part_strokes(char: str, parts: list[str], strokes: dict[str, int], radical: str) -> list[int] | None:
    """Strokes of each part of ``char`` as written in it. char-similar names a side radical by its
    full form (请 = 言 + 青), so when the parts' counts overrun the character's, the part not
    matching what is left beside the radical's short form (讠) is counted as that short form."""
    counts = [strokes.get(part) for part in parts]
    if None in counts or char not in strokes:
        return None
    total = strokes[char]
    if sum(counts) != total and len(parts) == 2 and radical in strokes:
        beside = total - strokes[radical]
        if counts[1] == beside:
            counts[0] = strokes[radical]
        elif counts[0] == beside:
            counts[1] = strokes[radical]
    return counts


def shared_components(chars: list[str]) -> dict[tuple[str, str], float]:
    """Pairs (a < b) of the same structure (left-right, top-bottom, …) and different radicals that
    share every part but one, in the same place (parts compared by stroke order: 夕 and 夂 agree),
    where the two differing parts have at most MAX_DIFFERING_STROKES strokes and no more than the
    shared ones (清/请/情, 况/祝, 效/郊): the share of the larger character's strokes in common."""
    structures, decompositions = char_similar_data("struct"), char_similar_data("stroke")
    strokes, radicals = char_similar_data("number"), char_similar_data("component")
    orders = stroke_orders()
    groups: dict[tuple, list[tuple[str, list[int]]]] = {}
    for char in chars:
        parts, structure = decompositions.get(char, []), structures.get(char, "0")
        counts = part_strokes(char, parts, strokes, radicals.get(char, ""))
        if len(parts) < 2 or structure == "0" or counts is None:
            continue
        for place in range(len(parts)):
            written = [orders.get(part, part) for part in parts]
            key = (structure, place, *written[:place], *written[place + 1:])
            groups.setdefault(key, []).append((char, counts))
    shared = {}
    for (_, place, *_), members in groups.items():
        for char_a, counts_a in members:
            for char_b, counts_b in members:
                differing = max(counts_a[place], counts_b[place])
                common = sum(counts_a) - counts_a[place]
                if (char_a < char_b and radicals.get(char_a) != radicals.get(char_b)
                        and differing <= min(MAX_DIFFERING_STROKES, common)):
                    shared[char_a, char_b] = common / max(sum(counts_a), sum(counts_b))
    return shared


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, stroke_a in enumerate(a, 1):
        current = [i]
        for j, stroke_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (stroke_a != stroke_b)))
        previous = current
    return previous[-1]


def score(cosine: float, order_a: str, order_b: str, common_share: float = 0.0) -> float:
    order_similarity = 1 - edit_distance(order_a, order_b) / max(len(order_a), len(order_b))
    return BITMAP_WEIGHT * cosine + ORDER_WEIGHT * order_similarity + COMPONENT_WEIGHT * common_share


def neighbours(chars: list[str]) -> dict[str, list[tuple[str, float]]]:
    """Each character's look-alikes scoring at least MIN_SCORE, at most NEIGHBOURS, best first
    (a level-2 character ranks as if it scored LEVEL_2_HANDICAP less)."""
    cosines = bitmap_cosines(chars)
    orders = stroke_orders()
    shared = shared_components(chars)
    index = {char: i for i, char in enumerate(chars)}
    candidates = [set(row) for row in np.argpartition(-cosines, CANDIDATES, axis=1)[:, :CANDIDATES].tolist()]
    for char_a, char_b in shared:
        candidates[index[char_a]].add(index[char_b])
        candidates[index[char_b]].add(index[char_a])
    table = {}
    for i, char in enumerate(chars):
        scored = [
            (chars[j], score(float(cosines[i, j]), orders[char], orders[chars[j]],
                             shared.get((min(char, chars[j]), max(char, chars[j])), 0.0)))
            for j in candidates[i]
        ]
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
        "#   char-similar 0.0.2 data, Apache License 2.0, (c) yongzhuo)\n"
        f"#   + {COMPONENT_WEIGHT} × the share of strokes in a common part when only a short part by the radical\n"
        "#   differs (char-similar's structures and decompositions: 清/请, 况/祝).\n"
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
