"""Write ``linter/data/pinyin.txt``: the toneless common reading of every CJK character.

    python scripts/build_pinyin_table.py

The table ships with disclint so that no run has to import pypinyin (~0.4 s) or tabulate it
(~0.4 s more). One line per reading: the reading, a space, and every character read so.
Rerun it when pypinyin's data changes (tests/test_language.py compares the two).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from pypinyin import Style, pinyin

TABLE = Path(__file__).resolve().parent.parent / "linter" / "data" / "pinyin.txt"
#: CJK Unified Ideographs Extension A and the basic block.
CODE_POINTS = (*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000))


def readings() -> dict[str, str]:
    """Character → pypinyin's toneless common reading (characters it cannot read are left out)."""
    table = {}
    for code in CODE_POINTS:
        reading = pinyin(chr(code), style=Style.NORMAL, heteronym=False)[0][0]
        if reading != chr(code):
            table[chr(code)] = reading
    return table


def main() -> None:
    by_reading = defaultdict(list)
    for char, reading in readings().items():
        by_reading[reading].append(char)
    lines = [f"{reading} {''.join(chars)}\n" for reading, chars in sorted(by_reading.items())]
    TABLE.write_text("".join(lines), encoding="utf-8")
    print(f"wrote {TABLE} ({len(lines)} readings)")


if __name__ == "__main__":
    main()
