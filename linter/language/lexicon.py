"""The domain lexicon (``linter/data``) and the heavy language resources, loaded lazily, once.

- :func:`lexicon` — words, section titles and standard sentences of budget disclosures,
  plus every subject name of the 政府收支分类科目 (``subjects.tsv``);
- :func:`subjects` — subject names by code, and obsolete names with today's name;
- :func:`tokenizer` — a jieba tokenizer that knows the lexicon's words (its dictionary is
  a memory-mapped trie compiled once into the cache folder);
- :func:`pinyins` — the toneless reading of a character (pypinyin's, tabulated in ``linter/data``);
- :func:`to_simplified` — OpenCC's traditional→simplified conversion.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache

from linter.data import FOLDER
from linter.normalise.flow import FULLWIDTH

#: jieba counts below this make a "word" too rare to vouch for a character sequence.
RARE_WORD_FREQUENCY = 5


def _data_lines(name: str) -> list[str]:
    text = (FOLDER / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def normalise(text: str) -> str:
    """Lexicon text in the flow text's alphabet (ASCII brackets and digits)."""
    return text.translate(FULLWIDTH)


@dataclass(frozen=True)
class Subjects:
    """Expenditure-by-function subjects: ``names[code]``, ``obsolete[old name] = today's name``
    and ``retired[old name] = (code, last year it was official)``."""

    names: dict[str, str]
    obsolete: dict[str, str]
    retired: dict[str, tuple[str, int]]

    def level(self, code: str) -> str:
        return {3: "类", 5: "款", 7: "项"}.get(len(code), "")


@cache
def subjects() -> Subjects:
    """The 支出功能分类 subjects of the shared reference list, with former names as obsolete."""
    from linter.extract.subjects import subjects as reference

    names, obsolete, retired = {}, {}, {}
    for subject in reference().values():
        if subject.classification != "功能":
            continue
        names[subject.code] = normalise(subject.name)
        for former in subject.former:
            if former.last is not None:
                obsolete[normalise(former.name)] = normalise(subject.name)
                retired[normalise(former.name)] = (subject.code, former.last)
    return Subjects(names, obsolete, retired)


@cache
def lexicon() -> frozenset[str]:
    """Every lexicon entry (flow-normalised), subject names included."""
    entries = {normalise(line) for line in _data_lines("lexicon.txt")}
    entries |= set(subjects().names.values())
    return frozenset(entries)


@cache
def economic_subjects() -> frozenset[str]:
    """The names of the 经济分类's subjects written in Chinese characters alone ("物业管理费", "办公设备购置"): not the
    lexicon's, whose words the segmenter keeps whole (职工基本医疗保险缴费 would swallow the 医疗保险缴费 a text writes)."""
    from linter.extract.subjects import subjects as reference

    names = (normalise(subject.name) for subject in reference().values() if subject.classification == "经济")
    return frozenset(name for name in names if all("\u4e00" <= c <= "\u9fff" for c in name))


@cache
def tokenizer():
    """A jieba tokenizer with the lexicon's words added; its dictionary is a cached trie
    (:mod:`linter.language.dictionary`), mapped on first call."""
    from linter.language.dictionary import TrieTokenizer, jieba

    jieba.setLogLevel(logging.WARNING)
    segmenter = TrieTokenizer()
    for entry in lexicon():
        if entry.isalnum() or all("\u4e00" <= c <= "\u9fff" for c in entry):
            segmenter.add_word(entry, max(segmenter.frequency(entry), 1000))
    return segmenter


def word_frequency(word: str) -> int:
    """jieba's count for ``word`` (0 when it is not a dictionary word)."""
    return tokenizer().frequency(word)


def is_word(word: str) -> bool:
    """A lexicon entry or a jieba word that is not rare."""
    return word in lexicon() or word_frequency(word) >= RARE_WORD_FREQUENCY


@cache
def _pinyin_table() -> dict[str, str]:
    """Character → toneless common reading, for every CJK character (pypinyin's, shipped as
    ``linter/data/pinyin.txt`` by ``scripts/build_pinyin_table.py``)."""
    table = {}
    for line in (FOLDER / "pinyin.txt").read_text(encoding="utf-8").splitlines():
        reading, chars = line.split(" ")
        table.update(dict.fromkeys(chars, reading))
    return table


@cache
def word_readings() -> dict[str, list[str]]:
    """Word → its characters' toneless readings, for the words in which a character is not read as alone (差旅: chai
    lv; shipped as ``linter/data/word-readings.txt`` by ``scripts/build_pinyin_table.py``)."""
    lines = (FOLDER / "word-readings.txt").read_text(encoding="utf-8").splitlines()
    return {word: read for word, *read in map(str.split, lines)}


def readings() -> dict[str, str]:
    """Character → toneless common reading, the table :func:`pinyins` and :func:`homophones` read."""
    return _pinyin_table()


@cache
def pinyins(char: str) -> frozenset[str]:
    """The toneless common reading of ``char`` (a polyphone's rare readings would make
    too many characters homophones); empty for non-Chinese characters. Cached: the typo
    finder asks about the same few thousand characters tens of thousands of times."""
    reading = _pinyin_table().get(char)
    return frozenset((reading,)) if reading else frozenset()


def homophones(a: str, b: str) -> bool:
    """Whether two Chinese characters share a reading (tones ignored): :func:`pinyins` of
    both intersect, compared on the table directly (the typo finder asks ~30k times a document)."""
    table = _pinyin_table()
    reading = table.get(a)
    return bool(reading) and reading == table.get(b)


@cache
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """``text`` converted by OpenCC's traditional→simplified table (phrases included), and the Hong Kong forms that table
    leaves (衞 of 衞生)."""
    return _converter().convert(text).translate(_HONG_KONG_FORMS)


#: Hong Kong standard forms OpenCC's t2s table does not convert, one for one.
_HONG_KONG_FORMS = str.maketrans("衞", "卫")


#: A Chinese character (the ranges of :func:`is_han`), for the fast ``re`` module.
HAN = "[\u3400-\u4dbf\u4e00-\u9fff]"


def is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"
