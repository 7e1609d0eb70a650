"""Language error classes: typos (doubled character, homophone, shape-alike), a run of
traditional characters, an unbalanced bracket, a repeated phrase and a repeated sentence.

Errors are planted in the narrative only (lines with sentence punctuation and no tab), into
the words a drafter types: jieba's segmentation of the line gives the words, jieba's counts say
which are common. A typo must turn a word into a non-word (a typo that makes another real word
is a grammar problem, not a spelling one, and no spelling checker claims it).
"""

from __future__ import annotations

import random

import regex

from injection import Injection
from linter.language import lexicon as lex

#: A word must be this common (jieba count) to receive a typo: drafters mistype words they use.
COMMON_WORD = 1000
#: A replacement character must be this common as a word of its own (an input method offers
#: common characters first).
COMMON_CHARACTER = 3000
#: Characters often confused by shape (in 五笔 input or handwriting-based drafting), both ways.
SHAPE_ALIKE = [
    "己已巳", "未末", "拨拔", "候侯", "辨辩辫", "析折", "货贷", "径经", "顶预", "顷项", "土士", "人入",
    "日曰", "准淮", "休体", "戊戌戍", "汩汨", "延廷", "券卷", "崇祟", "赢羸", "徒徙", "治冶", "刺剌",
    "侍待", "特持", "历厉", "责贵", "载栽", "壁璧", "恃持", "滴摘", "密蜜", "狠恨", "代伐", "导异",
    "务各", "资姿", "调凋", "识织", "计针", "设没", "收攸", "算箅", "财材", "划刘", "门闩", "单早",
    "位住", "织积", "理埋", "管菅", "部剖", "建健", "施旅", "绩续", "效郊", "保堡", "障嶂", "技枝",
    "情清", "况祝", "明朋", "据拒", "运远", "维雏", "护沪", "购构", "买卖",
]
_SHAPE_OF = {c: group.replace(c, "") for group in SHAPE_ALIKE for c in group if len(group) > 1}
_PROSE = regex.compile(r"^[^\t\n]*[，。；][^\t\n]*$", regex.MULTILINE)
_SENTENCE = regex.compile(r"(?<=^|[。！？])[^。！？\n]{15,120}。", regex.MULTILINE)


def _prose_lines(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _PROSE.finditer(text) if len(m.group().strip()) >= 10]


def _words(text: str, rng: random.Random, sample: int = 40):
    """``(offset, word)`` of the Chinese words of randomly chosen narrative lines, shuffled."""
    lines = _prose_lines(text)
    rng.shuffle(lines)
    words = []
    for start, line in lines[:sample]:
        position = start
        for token in lex.tokenizer().cut(line, HMM=False):
            if len(token) >= 2 and all(lex.is_han(c) for c in token):
                words.append((position, token))
            position += len(token)
    rng.shuffle(words)
    return words


def _non_word(word: str) -> bool:
    return not lex.is_word(word) and lex.to_simplified(word) == word


def _substituted(text: str, rng: random.Random, alternatives, codes: frozenset[str], kind: str) -> Injection | None:
    """A common word with one character replaced by one of ``alternatives(character)``."""
    for start, word in _words(text, rng):
        if lex.word_frequency(word) < COMMON_WORD or len(word) > 4:
            continue
        positions = list(range(len(word)))
        rng.shuffle(positions)
        for i in positions:
            options = [c for c in alternatives(word[i]) if c != word[i]]
            rng.shuffle(options)
            for option in options:
                typo = word[:i] + option + word[i + 1:]
                if _non_word(typo):
                    at = start + i
                    return Injection(text[:at] + option + text[at + 1:], start, start + len(word), codes,
                                     f"{kind} {word} → {typo}")
    return None


def _homophones_of(char: str) -> list[str]:
    readings = lex.pinyins(char)
    return [c for c in _common_characters() if lex.pinyins(c) & readings]


_COMMON: list[str] = []


def _common_characters() -> list[str]:
    """Common simplified characters (jieba counts them as words of their own)."""
    if not _COMMON:
        for code in range(0x4E00, 0xA000):
            char = chr(code)
            if lex.word_frequency(char) >= COMMON_CHARACTER and lex.to_simplified(char) == char:
                _COMMON.append(char)
    return _COMMON


def homophone(text: str, rng: random.Random) -> Injection | None:
    return _substituted(text, rng, _homophones_of, frozenset({"LNG001"}), "homophone")


def shape_alike(text: str, rng: random.Random) -> Injection | None:
    return _substituted(text, rng, lambda c: list(_SHAPE_OF.get(c, "")), frozenset({"LNG001"}), "shape-alike")


def doubled_character(text: str, rng: random.Random) -> Injection | None:
    """A character of a common word typed twice ("支出" → "支支出")."""
    for start, word in _words(text, rng):
        if lex.word_frequency(word) < COMMON_WORD:
            continue
        i = rng.randrange(len(word))
        if lex.is_word(word[i] * 2) or text[start - 1:start] == word[0]:
            continue
        at = start + i
        return Injection(text[:at] + word[i] + text[at:], start, start + len(word) + 1,
                         frozenset({"LNG002", "LNG001", "LNG003"}), f"doubled {word} → {word[:i + 1]}{word[i:]}")
    return None


def traditional_run(text: str, rng: random.Random) -> Injection | None:
    """A clause pasted in traditional characters."""
    import opencc

    converter = opencc.OpenCC("s2t")
    lines = _prose_lines(text)
    rng.shuffle(lines)
    for start, line in lines:
        clauses = [m for m in regex.finditer(r"\p{Han}{6,30}", line)]
        rng.shuffle(clauses)
        for clause in clauses:
            converted = converter.convert(clause.group())
            changed = sum(a != b for a, b in zip(clause.group(), converted))
            if len(converted) == len(clause.group()) and changed >= 3:
                at = start + clause.start()
                return Injection(text[:at] + converted + text[at + len(converted):], at, at + len(converted),
                                 frozenset({"LNG005"}), f"traditional {clause.group()} → {converted}")
    return None


def _choose(text: str, rng: random.Random, places) -> tuple[int, regex.Match] | None:
    """``(line start, match)``: a random one of ``places(start, line)`` in a random narrative
    line that has any."""
    lines = _prose_lines(text)
    rng.shuffle(lines)
    for start, line in lines:
        found = places(start, line)
        if found:
            return start, rng.choice(found)
    return None


def _bracket_pairs(start: int, line: str) -> list[regex.Match]:
    """Bracket pairs of a line, list labels ("(三)", "(1)") left out: "1)" without its opener
    is a label style of its own."""
    return [m for m in regex.finditer(r"[（(][^（()）\n]{1,40}[)）]", line)
            if not regex.fullmatch(r".[\d一二三四五六七八九十]{1,3}.", m.group())]


def unbalanced_bracket(text: str, rng: random.Random) -> Injection | None:
    """A closing (or opening) bracket of a pair in a sentence deleted."""
    chosen = _choose(text, rng, _bracket_pairs)
    if chosen is None:
        return None
    start, pair = chosen
    at = start + (pair.end() - 1 if rng.random() < 0.7 else pair.start())
    return Injection(text[:at] + text[at + 1:], start + pair.start(), start + pair.end() - 1,
                     frozenset({"PUN001"}), f"bracket deleted in {pair.group()}")


def repeated_phrase(text: str, rng: random.Random) -> Injection | None:
    """A word pasted twice: directly, with a 、 between, or at the wrap of a paragraph (the last
    word of a line again at the start of the next)."""
    if rng.random() < 1 / 3:
        wrapped = _wrapped_word(text, rng)
        if wrapped:
            return wrapped
    for start, word in _words(text, rng):
        if lex.word_frequency(word) < COMMON_WORD:
            continue
        end = start + len(word)
        style = rng.choice(["direct", "enumeration"])
        copy = {"direct": word, "enumeration": "、" + word}[style]
        return Injection(text[:end] + copy + text[end:], start, end + len(copy),
                         frozenset({"LNG003"}), f"repeated ({style}) {word}")
    return None


def _wrapped_word(text: str, rng: random.Random) -> Injection | None:
    """The last word of a wrapped narrative line repeated at the start of the next line."""
    def line_ends(start: int, line: str) -> list[regex.Match]:
        following = text[start + len(line) + 1:start + len(line) + 2]
        return list(regex.finditer(r"\p{Han}{2,4}$", line)) if following and lex.is_han(following) else []

    chosen = _choose(text, rng, line_ends)
    if chosen is None:
        return None
    start, match = chosen
    tokens = list(lex.tokenizer().cut(match.group(), HMM=False))
    word = tokens[-1]
    if len(word) < 2:
        return None
    at = start + match.end() + 1  # the start of the next line
    return Injection(text[:at] + word + text[at:], at - 1 - len(word), at + len(word),
                     frozenset({"LNG003"}), f"repeated (wrap) {word}")


def repeated_sentence(text: str, rng: random.Random) -> Injection | None:
    """A whole sentence pasted twice in a row."""
    def sentences(start: int, line: str) -> list[regex.Match]:
        before = text[max(0, start - 40):start].rstrip()
        return [m for m in _SENTENCE.finditer(line) if m.start() or not before or before[-1] in "。！？"]

    chosen = _choose(text, rng, sentences)
    if chosen is None:
        return None
    start, sentence = chosen
    copy = sentence.group()
    at = start + sentence.end()
    return Injection(text[:at] + copy + text[at:], at, at + len(copy), frozenset({"LNG004"}),
                     f"repeated sentence {copy[:12]}…")


CLASSES = {
    "doubled-character": doubled_character,
    "homophone": homophone,
    "shape-alike": shape_alike,
    "traditional-run": traditional_run,
    "unbalanced-bracket": unbalanced_bracket,
    "repeated-phrase": repeated_phrase,
    "repeated-sentence": repeated_sentence,
}
