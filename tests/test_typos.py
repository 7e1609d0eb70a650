"""The typo finder's indexes give what their plain definitions give (they exist for speed only)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from linter.language import lexicon as lex
from linter.language import typos
from linter.language.typos import MIN_HOMOPHONE_PHRASE, TypoFinder, _lengths, one_edit
from tests.conftest import EXAMPLES

#: An example's text with near copies of standard phrases planted: a homophone, a missing and
#: an extra character, a phrase cut at the start of the text.
TEXT = (
    "般公共服务支出\n"
    + (EXAMPLES / "001_46d27437a1fcb152.txt").read_text(encoding="utf-8")
    + "\n一般公共服物支出，一般公共服务务支出，一般公共服支出"
)


def _positions(text: str, part: str):
    """Every offset where ``part`` stands in ``text``."""
    at = text.find(part)
    while at != -1:
        yield at
        at = text.find(part, at + 1)


def _plain_near_windows(text: str) -> list[tuple[str, int, str]]:
    """Every window of a phrase's length (±1 from six characters) where one half of the phrase
    stands, the phrase does not, and the other half keeps its inner or outer character."""
    found = set()
    for phrase in lex.lexicon():
        if len(phrase) < MIN_HOMOPHONE_PHRASE:
            continue
        middle = len(phrase) // 2
        head, tail = phrase[:middle], phrase[middle:]
        for position in _positions(text, head):
            if not text.startswith(phrase, position):
                for length in _lengths(phrase):
                    inner = text[position + middle:position + middle + 1] == phrase[middle] and length == len(phrase)
                    if inner or text[position + length - 1:position + length] == phrase[-1]:
                        found.add((position, length, phrase))
        for position in _positions(text, tail):
            after = position + len(tail)
            if not (after >= len(phrase) and text.startswith(phrase, after - len(phrase))):
                for length in _lengths(phrase):
                    inner = position > 0 and text[position - 1] == phrase[middle - 1] and length == len(phrase)
                    if inner or (after >= length and text[after - length] == phrase[0]):
                        found.add((after - length, length, phrase))
    return [(phrase, start, text[start:start + length]) for start, length, phrase in sorted(found)
            if start >= 0 and start + length <= len(text)]


def test_near_windows_are_those_of_the_plain_definition():
    assert TypoFinder(TEXT)._near_windows() == _plain_near_windows(TEXT)


def test_near_copies_planted_in_the_text_are_found():
    windows = {(phrase, window) for phrase, _, window in TypoFinder(TEXT)._near_windows()}
    for near_copy in ("一般公共服物支出", "一般公共服务务支出", "一般公共服支出"):
        assert ("一般公共服务支出", near_copy) in windows
    assert ("一般公共服务支出", "般公共服务支出") not in windows  # its first character missing, no outer one stands


def test_written_words_are_the_words_the_text_writes_as_words():
    finder = TypoFinder(TEXT)
    words = {word for word in lex.lexicon() if 2 <= len(word) <= 3} | {"支出", "鸡鸭", "预算支", "政府采购", "采购鸭"}
    tokens = set(finder.words)
    # written as a token, or inside a word's token (not inside a lexicon phrase read whole)
    assert finder._written(words) == {word for word in words
                                      if any(word == token or (word in token and len(token) <= typos._LONGEST_WORD)
                                             for token in tokens)}
    assert finder._written(set()) == set()


def test_a_word_written_across_two_words_is_not_written():
    assert TypoFinder("表五 一般公共预算财政拨款支出表".replace(" ", ""))._written({"五一", "一般"}) == {"一般"}


@given(st.text("ab", max_size=6), st.text("ab", max_size=6))
def test_one_edit_is_the_only_single_edit(window, phrase):
    edits = {
        ("substitute", i) for i in range(len(window))
        if len(window) == len(phrase) and window[:i] + window[i + 1:] == phrase[:i] + phrase[i + 1:] and window[i] != phrase[i]
    } | {("insert", i) for i in range(len(window)) if window[:i] + window[i + 1:] == phrase} \
      | {("delete", i) for i in range(len(phrase)) if phrase[:i] + phrase[i + 1:] == window}
    edit = one_edit(window, phrase)
    assert (edit is None) == (not edits)
    assert edit is None or (edit.kind, edit.index) in edits


def test_a_bracket_left_open_stays_open_past_another_pair_in_its_sentence():
    """"因公出国（境费0万元，…无因公出国（境）计划": the later pair closes itself, not the bracket before 境费 (PUN001's slip,
    which no typo of 经费 should be read into)."""
    from linter.language.typos import _unclosed

    text = "因公出国（境费0万元，与上年持平，本部门2025年无因公出国（境）计划。"
    assert _unclosed(text, text.index("境费"))
    closed = "因公出国（境）费0万元。"
    assert not _unclosed(closed, closed.index("境"))


def test_words_of_the_lexicon_jieba_lacks_are_no_slips_in_a_whole_document():
    """In a whole document a character written nowhere else needs less evidence (see ``FOREIGN_CHARACTER_TEXT``):
    the lexicon's words that jieba's dictionary lacks must stand there too."""
    text = (EXAMPLES / "001_46d27437a1fcb152.txt").read_text(encoding="utf-8")
    for sentence in ("决算数小于预算数的主要原因是加强车辆统一调度，优先安排合乘出行。",
                     "完成3个片区雨污分流改造，提升区域污水收集能力。"):
        assert TypoFinder(text + "\n" + sentence).find() == TypoFinder(text).find()
