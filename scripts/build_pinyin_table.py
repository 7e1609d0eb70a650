"""Write ``linter/data/pinyin.txt``: the toneless common reading of every CJK character; and
``linter/data/word-readings.txt``: the words the typo finder corrects to (jieba's common words, the
lexicon's) in which a character takes another reading than its common one (差旅: chai, not cha).

    python scripts/build_pinyin_table.py

The tables ship with disclint so that no run has to import pypinyin (~0.4 s) or tabulate it
(~0.4 s more). ``pinyin.txt``: one line per reading, the reading, a space, and every character read
so. ``word-readings.txt``: one line per word, the word and its characters' readings, spaced. A word
pypinyin's phrase table lacks is read as every phrase holding it reads it, when they agree (差旅 as
in 差旅费). Rerun it when pypinyin's data, jieba's dictionary or the lexicon change
(tests/test_dictionary.py compares them).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from pypinyin import Style, lazy_pinyin, pinyin
from pypinyin.constants import PHRASES_DICT

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TABLE = ROOT / "linter" / "data" / "pinyin.txt"
WORD_TABLE = ROOT / "linter" / "data" / "word-readings.txt"
#: The lengths of the words read in phrases.
_WORD_LENGTHS = (2, 3, 4)
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


def word_readings() -> dict[str, tuple[str, ...]]:
    """Word → its characters' toneless readings, for the words a typo may be corrected to in which a character is
    not read as :func:`readings` reads it alone."""
    from linter.language import lexicon as lex
    from linter.language.typos import MAX_WORD, _common_words

    common = readings()
    words = {word for words in _common_words().values() for word in words.split()}
    words |= {word for word in lex.lexicon() if 2 <= len(word) <= MAX_WORD}
    in_phrases: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for phrase in PHRASES_DICT:
        read = lazy_pinyin(phrase, style=Style.NORMAL)
        for length in _WORD_LENGTHS:
            for start in range(len(phrase) - length + 1):
                in_phrases[phrase[start:start + length]].add(tuple(read[start:start + length]))
    found = {}
    for word in sorted(words):
        phrased = in_phrases.get(word, set())
        read = next(iter(phrased)) if word not in PHRASES_DICT and len(phrased) == 1 \
            else tuple(lazy_pinyin(word, style=Style.NORMAL))
        if len(read) == len(word) and any(common.get(char) != reading for char, reading in zip(word, read)):
            found[word] = read
    return found


def main() -> None:
    by_reading = defaultdict(list)
    for char, reading in readings().items():
        by_reading[reading].append(char)
    lines = [f"{reading} {''.join(chars)}\n" for reading, chars in sorted(by_reading.items())]
    TABLE.write_text("".join(lines), encoding="utf-8")
    print(f"wrote {TABLE} ({len(lines)} readings)")
    words = word_readings()
    WORD_TABLE.write_text("".join(f"{word} {' '.join(read)}\n" for word, read in words.items()), encoding="utf-8")
    print(f"wrote {WORD_TABLE} ({len(words)} words)")


if __name__ == "__main__":
    main()
