"""Find typos by a general method: a character sequence that is not a word but becomes a known
word or a standard phrase by one edit (a homophone or, in a long standard phrase, any
character substituted; a character inserted or deleted).

Two sources of known words, both with strong evidence required:

1. *Standard phrases* of the domain lexicon (four characters or more): a near copy of a
   phrase in the text, one edit away, is a typo of it. A homophone substitution is enough;
   any other edit must fall on characters the segmenter cannot place in a word
   ("财收部" → 财/收/部), and needs a phrase of six characters or more.
2. *Words of the same document*: a word jieba knows only as rare (a misspelling of its
   corpus) that is one homophone away from a common word used elsewhere in the document
   ("准备够买" beside "已经购买") is a typo of it; so is a pair of characters the segmenter
   leaves loose between two words, when one homophone makes it a lexicon word.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache

from linter.language import lexicon as lex

#: Phrase lengths from which a near copy counts: homophone substitution, other edits.
MIN_HOMOPHONE_PHRASE = 4
MIN_EDIT_PHRASE = 6
#: A document word must be this common (jieba count) to be proposed as a correction.
COMMON_WORD_FREQUENCY = 200
#: Function characters and date words: a pair holding one is grammar, not a typo.
_FUNCTION_CHARACTERS = set("的地得了着过是和或及与在为于至等之而并对从由将把被以其所年月日时号个一二三四五六七八九十")


@dataclass(frozen=True)
class Typo:
    """Flow-text range ``[start, end)`` reading ``found``, which should read ``correction``."""

    start: int
    end: int
    found: str
    correction: str
    #: Where the correction comes from: "lexicon" (a standard phrase) or "document".
    source: str
    #: The standard phrase or word the correction completes.
    evidence: str


@dataclass(frozen=True)
class _Edit:
    kind: str  # "substitute", "insert" (extra character in the text) or "delete" (one missing)
    index: int  # index in the text window


def one_edit(window: str, phrase: str) -> _Edit | None:
    """The single edit turning ``window`` into ``phrase``, or None when there is not exactly one."""
    if len(window) == len(phrase):
        diffs = [i for i, (a, b) in enumerate(zip(window, phrase)) if a != b]
        return _Edit("substitute", diffs[0]) if len(diffs) == 1 else None
    if len(window) == len(phrase) + 1:
        longer, shorter, kind = window, phrase, "insert"
    elif len(window) + 1 == len(phrase):
        longer, shorter, kind = phrase, window, "delete"
    else:
        return None
    i = 0
    while i < len(shorter) and longer[i] == shorter[i]:
        i += 1
    if longer[i + 1:] != shorter[i:]:
        return None
    return _Edit(kind, i)


@lru_cache(maxsize=4)
def typo_finder(text: str) -> "TypoFinder":
    """One finder per flow text, shared by the rules that need its segmentation."""
    return TypoFinder(text)


class TypoFinder:
    """Typos of one flow text; segmentation and indexes are computed once."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def tokens(self) -> list[tuple[int, int]]:
        """``(start, end)`` of every jieba token (dictionary words only, no HMM guessing)."""
        spans, position = [], 0
        for token in lex.tokenizer().cut(self.text, HMM=False):
            spans.append((position, position + len(token)))
            position += len(token)
        return spans

    @cached_property
    def loose(self) -> set[int]:
        """Positions of Chinese characters that the segmenter could not place in a word."""
        return {
            start for start, end in self.tokens
            if end - start == 1 and lex.is_han(self.text[start])
        }

    def find(self) -> list[Typo]:
        typos = {(t.start, t.end): t for t in self._document_typos()}
        typos.update({(t.start, t.end): t for t in self._phrase_typos()})
        return sorted(typos.values(), key=lambda t: t.start)

    # -- standard phrases -------------------------------------------------------------

    def _phrase_typos(self) -> list[Typo]:
        found: dict[tuple[int, int], list[tuple[str, str, _Edit]]] = defaultdict(list)
        entries = lex.lexicon()
        for phrase in entries:
            if len(phrase) < MIN_HOMOPHONE_PHRASE:
                continue
            for start, window in self._near_windows(phrase):
                if window in entries or phrase in self.text[max(0, start - 1):start + len(window) + 1]:
                    continue
                edit = one_edit(window, phrase)
                if edit and self._plausible(start, window, phrase, edit):
                    found[(start, start + len(window))].append((window, phrase, edit))
        typos = []
        for (start, end), candidates in found.items():
            # Several phrases may vouch for one correction; the longest is the best evidence.
            window, phrase, edit = max(candidates, key=lambda c: (len(c[1]), c[1]))
            typos.append(self._narrowed(start, window, phrase, edit))
        # Longest evidence last, so it wins where two windows narrow to the same typo.
        return _drop_nested(sorted(typos, key=lambda t: (len(t.evidence), t.evidence)))

    def _narrowed(self, start: int, window: str, phrase: str, edit: _Edit) -> Typo:
        """The typo as a reader would quote it: the word holding the edit, or the loose
        character with the tokens on either side ("财收部" → "财政部", "含高退休" → "含离退休")."""
        at = start + edit.index
        token = next(((s, e) for s, e in self.tokens if s <= at < e), (at, at + 1))
        if token[1] - token[0] > 1 and edit.kind == "substitute":
            left, right = token
        else:
            before = next(((s, e) for s, e in self.tokens if s <= at - 1 < e), (at, at))
            after_at = at + (0 if edit.kind == "delete" else 1)
            after = next(((s, e) for s, e in self.tokens if s <= after_at < e), (after_at, after_at))
            left, right = max(before[0], start), min(after[1], start + len(window))
        offset = left - start
        length_change = {"substitute": 0, "insert": -1, "delete": 1}[edit.kind]
        correction = phrase[offset:offset + (right - left) + length_change]
        return Typo(left, right, self.text[left:right], correction, "lexicon", phrase)

    def _near_windows(self, phrase: str):
        """Text windows that may be one edit from ``phrase``: one half of it matches exactly."""
        half = len(phrase) // 2
        head, tail = phrase[:half], phrase[half:]
        seen = set()
        for anchor, at_head in ((head, True), (tail, False)):
            position = self.text.find(anchor)
            while position != -1:
                for length in (len(phrase) - 1, len(phrase), len(phrase) + 1):
                    start = position if at_head else position + len(tail) - length
                    if start >= 0 and start + length <= len(self.text) and (start, length) not in seen:
                        seen.add((start, length))
                        yield start, self.text[start:start + length]
                position = self.text.find(anchor, position + 1)

    def _plausible(self, start: int, window: str, phrase: str, edit: _Edit) -> bool:
        """Strong evidence only: see the module docstring."""
        at = start + edit.index
        if edit.kind == "substitute":
            wrong, right = window[edit.index], phrase[edit.index]
            if not (lex.is_han(wrong) and lex.is_han(right)):
                return False
            if lex.homophones(wrong, right):
                return True
        if not 0 < edit.index < len(window) - 1:
            return False  # other edits at the edge of a phrase make a different phrase
        if edit.kind == "substitute":
            return len(phrase) >= MIN_EDIT_PHRASE and at in self.loose
        if len(phrase) < MIN_EDIT_PHRASE:
            return False
        if edit.kind == "insert":
            extra = window[edit.index]
            neighbours = window[max(0, edit.index - 1):edit.index + 2]
            # A doubled character is LNG002's; punctuation is PUN's.
            return lex.is_han(extra) and neighbours.count(extra) == 1 and at in self.loose
        missing = phrase[edit.index]
        return lex.is_han(missing) and (at - 1 in self.loose or at in self.loose)

    # -- words of the same document ---------------------------------------------------

    @cached_property
    def _word_counts(self) -> Counter:
        return Counter(
            self.text[s:e] for s, e in self.tokens
            if e - s in (2, 3) and all(lex.is_han(c) for c in self.text[s:e])
        )

    @cached_property
    def _homophone_index(self) -> dict[tuple[str, int, str], set[str]]:
        """(word with one character masked, masked index, reading) → common words."""
        index: dict[tuple[str, int, str], set[str]] = defaultdict(set)
        for word in self._word_counts:
            if lex.word_frequency(word) < COMMON_WORD_FREQUENCY and word not in lex.lexicon():
                continue
            for i, char in enumerate(word):
                for reading in lex.pinyins(char):
                    index[(word[:i] + "_" + word[i + 1:], i, reading)].add(word)
        return index

    def _document_typos(self) -> list[Typo]:
        typos = []
        for start, end in self._unknown_sequences():
            sequence = self.text[start:end]
            candidates = set()
            for i, char in enumerate(sequence):
                for reading in lex.pinyins(char):
                    candidates |= self._homophone_index.get((sequence[:i] + "_" + sequence[i + 1:], i, reading), set())
            candidates.discard(sequence)
            if lex.word_frequency(sequence) == 0:
                candidates &= lex.lexicon()
            if len(candidates) == 1:
                word = candidates.pop()
                typos.append(Typo(start, end, sequence, word, "document", word))
        return typos

    def _unknown_sequences(self):
        """Rare dictionary words (two or three characters) and pairs of loose characters
        between words; runs of three or more loose characters are abbreviations and names
        ("区卫健局", "多措并举"), characters that OpenCC converts are LNG005's."""
        for start, end in self.tokens:
            word = self.text[start:end]
            if end - start in (2, 3) and all(lex.is_han(c) for c in word) and not lex.is_word(word):
                candidate = (start, end)
            elif (
                end - start == 1 and start in self.loose and end in self.loose
                and start - 1 not in self.loose and end + 1 not in self.loose
                and not lex.is_word(self.text[start:end + 1])
            ):
                candidate = (start, end + 1)
            else:
                continue
            sequence = self.text[candidate[0]:candidate[1]]
            if _FUNCTION_CHARACTERS.isdisjoint(sequence) and lex.to_simplified(sequence) == sequence:
                yield candidate


def _drop_nested(typos: list[Typo]) -> list[Typo]:
    """Keep one finding per place: a window inside a longer one goes."""
    typos.sort(key=lambda t: (t.start, -(t.end - t.start)))
    kept: list[Typo] = []
    for typo in typos:
        if kept and typo.start < kept[-1].end:
            continue
        kept.append(typo)
    return kept
