"""Find typos by a general method: a character sequence that is not a word but becomes a known
word or a standard phrase by one edit (a homophone or look-alike substituted or, in a long
standard phrase, any character substituted, inserted or deleted).

Two sources of known words, both with strong evidence required:

1. *Standard phrases* of the domain lexicon (four characters or more): a near copy of a
   phrase in the text, one edit away, is a typo of it. A homophone or look-alike substitution
   is enough; any other edit must fall on characters the segmenter cannot place in a word
   ("财收部" → 财/收/部), and needs a phrase of six characters or more.
2. *Words*: a window of two or three characters around a character the segmenter leaves
   loose (or reads in a rare word) that one homophone or look-alike turns into a word, ranked
   by jieba's likelihood gain; a word the document writes elsewhere ("准备够买" beside
   "已经购买") needs far less gain than a common word it never writes, a word of the domain
   lexicon (购买, 安排, 拨付) somewhat less.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate, compress, count, pairwise
from operator import ne
from pathlib import Path

import ahocorasick

from linter.cache import cached
from linter.language import lexicon as lex
from linter.language.dictionary import SHIPPED
from linter.language.shapes import shape_alike, similar_shapes
from linter.patterns import compile_re

#: Phrase lengths from which a near copy counts: homophone substitution, other edits.
MIN_HOMOPHONE_PHRASE = 4
MIN_EDIT_PHRASE = 6
#: A dictionary word must be this common (jieba count) to be proposed as a correction the
#: document does not use; one the document uses, this common.
COMMON_WORD_FREQUENCY = 500
KNOWN_WORD_FREQUENCY = 50
#: Last characters of organisations' short names ("工信部", "市政数局", "区卫健委", a county bureau's "城建股").
INSTITUTION_SUFFIXES = set("局部委办厅处院所站队科室会司股")
#: Last characters of place names: a non-word between an administrative level and one of them
#: ("漯河市淞江路") names a place, and so does one ending in 村 among other villages ("辖千丘田村、
#: 双龙溪村"). "单独健立街乡" is a slip: no level stands before it.
PLACE_SUFFIXES = set("路街巷村屯寨庄")
_PLACE_LEVELS = set("省市县区镇乡")
#: Last characters of institutions and places counted in a performance target ("司法所数", "卫生院数", "学校数").
_COUNTED_ENDINGS = INSTITUTION_SUFFIXES | set("校馆园村户")
#: A city, prefecture or county, then the first characters of the name of a place under it, up to a window.
_UNDER_A_PLACE = compile_re(r"[省市州盟县][\u4e00-\u9fff]{1,2}$")
_PLACE_NAME_REACH = 3
#: How far around a window ending in 村 another 村 makes it one of a list of villages.
_VILLAGE_REACH = 12
#: A field naming a person ("单位负责人：都日斯哈拉"): its value is a name, not words.
_PERSON_FIELDS = r"(?:负责人|联系人|编制人|填报人|填表人|制表人|审核人|经办人)"
_FIELD_PREFIX = r"(?:单位|财务|部门|主管|分管|会计|项目|业务)"
#: (A name ends where the next field's label begins: lines joined in the flow text, "包金山财务负责人：…".)
_PERSON_FIELD = compile_re(rf"{_PERSON_FIELDS}[:：]\s*((?:(?!{_FIELD_PREFIX}?{_PERSON_FIELDS})[\u4e00-\u9fff·]){{2,12}})"
                           r"|(?:记者|通讯员|编辑|摄影|作者)[:：]?\s*([\u4e00-\u9fff]{2,4})(?=[\s)）,，、])")
#: The rest of a firm's name after a window inside it ("…物业管理有限公司").
_COMPANY_AHEAD = compile_re(r"[\u4e00-\u9fff]{0,8}?(?:有限责任公司|有限公司|股份有限公司|集团有限公司)")
#: What ends an item of an enumeration: the next item, or 等 closing the list.
_ENUMERATION_END = ("、", "等")
#: Characters that follow a number's digits as its magnitude ("1.1亿件").
_MAGNITUDES = set("十百千万亿")
#: Administrative levels, written alone for their government ("市、区政府").
_LEVELS = set("省市区县镇乡村州盟旗")
#: Words of negation: one inserted in a standard phrase turns it around, never a slip of the hand.
_NEGATIONS = set("无不未非没否")
#: Conjunctions and adverbs a negation follows ("因未到期", "并未发生", "但未支付", "若无…"): no word with it.
_BEFORE_NEGATION = set("因而并但则若如且亦仍均都也又")
#: Comparisons whose function character a standard phrase cannot do without ("决算数小于年初预算数").
_COMPARISONS = frozenset({"大于", "小于", "等于", "高于", "低于", "多于", "少于"})
#: Prepositions a writer puts before a classification ("支出按经济分类科目反映"): inserted, they make no slip.
_PREPOSITIONS = set("按依照")
#: What opens a clause before a word.
_CLAUSE_MARKS = set("，,；;：:、")
#: Numerals and date words, among the function characters.
_COUNTING = set("年月日时号个一二三四五六七八九十")
#: The end of what 除 leaves out ("除上述“财政拨款收入”以外"), close after it in its clause.
_EXCEPT_END = compile_re(r"[^。；;]{1,60}?(?:以外|之外|外[，,的])")
#: Function characters and date words: a pair holding one is grammar, not a typo.
FUNCTION_CHARACTERS = set("的地得了着过是和或及与在为于至等之而并对从由将把被以除其所用即") | _COUNTING


@dataclass(frozen=True)
class Typo:
    """Flow-text range ``[start, end)`` reading ``found``, which should read ``correction``."""

    start: int
    end: int
    found: str
    correction: str
    #: Where the correction comes from: "lexicon" (a standard phrase), "document" (a word the
    #: document uses elsewhere) or "dictionary" (a common word).
    source: str
    #: The standard phrase or word the correction completes.
    evidence: str
    #: How the wrong character relates to the right one: "homophone", "shape" (look-alike) or
    #: "transposition" (two characters swapped).
    relation: str = "homophone"


@dataclass(frozen=True)
class _Edit:
    kind: str  # "substitute", "insert" (extra character in the text) or "delete" (one missing)
    index: int  # index in the text window


#: A subject's level marked after its name ("（款）", "(项)").
_LEVEL_MARK = compile_re(r"\s*[(（][类款项][)）]")


def one_edit(window: str, phrase: str) -> _Edit | None:
    """The single edit turning ``window`` into ``phrase``, or None when there is not exactly one."""
    if len(window) == len(phrase):
        diffs = list(compress(count(), map(ne, window, phrase)))
        return _Edit("substitute", diffs[0]) if len(diffs) == 1 else None
    if len(window) == len(phrase) + 1:
        longer, shorter, kind = window, phrase, "insert"
    elif len(window) + 1 == len(phrase):
        longer, shorter, kind = phrase, window, "delete"
    else:
        return None
    i = next(compress(count(), map(ne, longer, shorter)), len(shorter))  # the first difference
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
    def words(self) -> list[str]:
        """jieba's tokens of the text (dictionary words only, no HMM guessing)."""
        return list(lex.tokenizer().cut(self.text, HMM=False))

    @cached_property
    def _token_starts(self) -> list[int]:
        """The offset of every token of :attr:`words`, then the text's length."""
        return list(accumulate(map(len, self.words), initial=0))

    @cached_property
    def _word_counts(self) -> Counter[str]:
        """How often each token of :attr:`words` occurs."""
        return Counter(self.words)

    def _occurrences(self, tokens: set[str]) -> Iterator[tuple[str, int]]:
        """``(token, offset)`` of the tokens of :attr:`words` that are in ``tokens``."""
        return compress(zip(self.words, self._token_starts), map(tokens.__contains__, self.words))

    @cached_property
    def loose(self) -> set[int]:
        """Positions of Chinese characters that the segmenter could not place in a word."""
        characters = {word for word in self._word_counts if len(word) == 1 and lex.is_han(word)}
        return {start for _, start in self._occurrences(characters)}

    def _among_villages(self, at: int) -> bool:
        """Whether the 村 at ``at`` has another 村 near it: a list of villages."""
        text = self.text
        return text.count("村", max(0, at - _VILLAGE_REACH), at) + text.count("村", at + 1, at + 1 + _VILLAGE_REACH) > 0

    @cached_property
    def names(self) -> set[int]:
        """Offsets inside a person's name: a field's value ("单位负责人：都日斯哈拉"), a reporter's
        ("（记者 韩杰杰）")."""
        return {offset for m in _PERSON_FIELD.finditer(self.text)
                for offset in range(*m.span(1 if m.group(1) is not None else 2))}

    def token_at(self, at: int, default: tuple[int, int]) -> tuple[int, int]:
        """The token holding offset ``at``, or ``default`` outside the text."""
        if not 0 <= at < len(self.text):
            return default
        index = bisect_right(self._token_starts, at)
        return self._token_starts[index - 1], self._token_starts[index]

    def find(self) -> list[Typo]:
        dropped, every_phrase_typo = self._dropped_characters(), self._phrase_typos()
        # (a word missing a character, told whole, rather than the phrase's few characters around the gap inside it:
        # "年初预数" for 年初预算数, not "预数" for 预算数)
        phrase_typos = [typo for typo in every_phrase_typo if len(typo.correction) != len(typo.found) + 1
                        or not any(other.start <= typo.start and typo.end <= other.end for other in dropped)]
        kept, covered = (_covered(typos) for typos in (phrase_typos, every_phrase_typo))
        word_typos = [t for t in self._word_typos() + self._transpositions() + self._bound_lookalikes() + self._end_for_not()
                      if covered.isdisjoint(range(t.start, t.end))] \
            + [t for t in dropped if kept.isdisjoint(range(t.start, t.end))]
        return sorted(phrase_typos + word_typos, key=lambda t: t.start)

    # -- standard phrases -------------------------------------------------------------

    def _phrase_typos(self) -> list[Typo]:
        found: dict[tuple[int, int], list[tuple[str, str, _Edit]]] = defaultdict(list)
        entries = lex.lexicon()
        for phrase, start, window in self._near_windows():
            if window in entries or phrase in self.text[max(0, start - 1):start + len(window) + 1]:
                continue
            edit = one_edit(window, phrase)
            if edit and self._plausible(start, window, phrase, edit) and not self._other_word(start, window, phrase, edit) and not (
                    len(window) >= MIN_HOMOPHONE_PHRASE and lex.word_frequency(window)):  # a word of its own ("依法治国")
                found[(start, start + len(window))].append((window, phrase, edit))
        typos = []
        for (start, end), candidates in sorted(found.items()):
            # Several phrases may vouch for one correction; the longest is the best evidence.
            window, phrase, edit = max(candidates, key=lambda c: (len(c[1]), c[1]))
            typos.append(self._narrowed(start, window, phrase, edit))
        # Longest evidence last, so it wins where two windows narrow to the same typo.
        return _drop_nested(sorted(typos, key=lambda t: (len(t.evidence), t.evidence)))

    def _narrowed(self, start: int, window: str, phrase: str, edit: _Edit) -> Typo:
        """The typo as a reader would quote it: the word holding the edit, or the loose
        character with the tokens on either side ("财收部" → "财政部", "含高退休" → "含离退休")."""
        at = start + edit.index
        token = self.token_at(at, (at, at + 1))
        if token[1] - token[0] > 1 and edit.kind == "substitute":
            left, right = token
        else:
            before = self.token_at(at - 1, (at, at))
            after_at = at + (0 if edit.kind == "delete" else 1)
            after = self.token_at(after_at, (after_at, after_at))
            left, right = max(before[0], start), min(after[1], start + len(window))
        offset = left - start
        length_change = {"substitute": 0, "insert": -1, "delete": 1}[edit.kind]
        correction = phrase[offset:offset + (right - left) + length_change]
        return Typo(left, right, self.text[left:right], correction, "lexicon", phrase)

    def _near_windows(self) -> list[tuple[str, int, str]]:
        """``(phrase, start, window)``: text windows that may be one edit from a lexicon phrase,
        where one half of the phrase stands exactly but the whole phrase does not. An edit
        that changes the length falls inside the phrase (see :meth:`_plausible`), so the other
        half's outer character stays in place; a substitution leaves its inner or its outer
        character: these rule out most places cheaply. One Aho-Corasick scan finds every half
        in the text; each looks up the phrases it may start or end by the character at each of
        its checked offsets (see :func:`_phrase_halves`)."""
        text, found = self.text, set()
        size, startswith = len(text), text.startswith
        for last, (half_length, sole, checks) in _phrase_halves().iter(text):
            position = last + 1 - half_length
            if sole and startswith(sole[0], position + sole[1]):
                continue  # the only phrase the half belongs to stands
            for offset, by_character in checks:
                at = position + offset
                for phrase, phrase_offset, start_offset, length in by_character.get(text[at:at + 1] if at >= 0 else "", ()):
                    start = position + start_offset
                    if 0 <= start and start + length <= size and not startswith(phrase, position + phrase_offset):
                        found.add((start, length, phrase))
        return [(phrase, start, text[start:start + length]) for start, length, phrase in sorted(found)]

    def _other_word(self, start: int, window: str, phrase: str, edit: _Edit) -> bool:
        """Whether a substitution turns a common word of the text into another common word in a short phrase
        ("水质检测" beside the subject 水质监测: 检测 and 监测 are both words a writer means), or falls on a word that
        runs on past the window ("科技馆展品"): a different phrase, no slip."""
        if edit.kind != "substitute" or len(phrase) >= MIN_EDIT_PHRASE or _LEVEL_MARK.match(self.text, start + len(window)):
            return False  # a longer standard phrase, or a subject named with its level ("统计信息事物（款）"), is meant
        at = start + edit.index
        left, right = self.token_at(at, (at, at + 1))
        if (left < start or right > start + len(window)) and right - left > 1 \
                and lex.word_frequency(self.text[left:right]) >= KNOWN_WORD_FREQUENCY:
            return True  # the edge of the window begins a word that goes on past it ("科技馆展品" is 科技馆 + 展品, no 科技馆站)
        if right - left < 2 or left < start or right > start + len(window):
            return False
        meant = phrase[left - start:right - start]
        return min(lex.word_frequency(self.text[left:right]), lex.word_frequency(meant)) >= COMMON_WORD_FREQUENCY

    def _plausible(self, start: int, window: str, phrase: str, edit: _Edit) -> bool:
        """Strong evidence only: see the module docstring. An edit of a function character is
        a legitimate variant of the standard wording ("情况的说明", "和" for "或", "的" for "之")."""
        at = start + edit.index
        longer = window if edit.kind != "delete" else phrase
        if (longer[edit.index] in FUNCTION_CHARACTERS
                and not (edit.kind == "delete" and phrase[edit.index - 1:edit.index + 1] in _COMPARISONS)) or (
            edit.kind == "substitute" and phrase[edit.index] in FUNCTION_CHARACTERS
            and not _relation(window[edit.index], phrase[edit.index])
        ):
            return False  # (but a function character mistyped as a look-alike or homophone of it: "决算数大干年初预算数", or
            # one of a comparison left out: "决算数小年初预算数")
        if edit.kind == "substitute":
            wrong, right = window[edit.index], phrase[edit.index]
            if not (lex.is_han(wrong) and lex.is_han(right)):
                return False
            if wrong in _LEVELS and right == "本" and window[edit.index + 1:edit.index + 2] == "级":
                return False  # an administrative level for 本级 ("指州级财政当年拨付的资金"): the government named
            if _relation(wrong, right) or _near_homophones(wrong, right):
                return True  # (in a standard phrase, a reading of the other nasal or sibilant too: "乡村振新")
        if not 0 < edit.index < len(longer) - 1:
            return False  # other edits at the edge of a phrase make a different phrase (a missing character's place counted in
            # the phrase: "中央八项规定神" misses one inside it)
        if edit.kind == "substitute":
            return len(phrase) >= MIN_EDIT_PHRASE and at in self.loose
        if len(phrase) < MIN_EDIT_PHRASE:
            return False
        if edit.kind == "insert":
            extra = window[edit.index]
            if extra in _NEGATIONS or extra in INSTITUTION_SUFFIXES or extra in _PREPOSITIONS:
                # "年末无结转和结余" says there is none; "卫生健康局支出" is an organisation's amount; "支出按经济分类
                # 科目" says by what the spending is classified
                return False
            neighbours = window[max(0, edit.index - 1):edit.index + 2]
            # A doubled character is LNG002's; punctuation is PUN's; an administrative level names
            # its government ("指市本级财政当年拨付的资金").
            return lex.is_han(extra) and extra not in _LEVELS and neighbours.count(extra) == 1 and at in self.loose
        missing = phrase[edit.index]
        return lex.is_han(missing) and (at - 1 in self.loose or at in self.loose)

    # -- words broken by one character ------------------------------------------------

    def _word_typos(self) -> list[Typo]:
        """Around every character the segmenter leaves loose (or reads in a rare word), each
        non-word window of two or three characters is tried against the words one
        substitution away, the substituted character reading alike (or, with stronger evidence,
        looking alike). A candidate is ranked by how much likelier jieba's word model reads the
        clause corrected; the best one is reported when the gain is large enough: a smaller
        gain suffices when the document itself uses the corrected word. A window the document
        writes twice or more is its own vocabulary (a name, a new word such as 抗疫), not a slip."""
        text, best, apart = self.text, {}, {}
        candidates = self._candidates()
        written = self._written({word for _, _, _, word, _ in candidates})
        for start, window, i, word, relation in candidates:
            used = word in written
            if not used and (
                (lex.word_frequency(word) < COMMON_WORD_FREQUENCY and word not in lex.lexicon())
                or (window[i] in self._word_initials and self._initials.issuperset(window))
            ):
                # A correction the document never writes must be common, and the window must not be
                # the initials of words the document uses, the replaced one's twice: "可研" (可行性研究)
                # and "武数" (武汉, 数据) abbreviate ("燃科费" beside 科目 does not: no word begins with 燃).
                continue
            if self._continues_cell_above(start, window):
                continue
            if window[i] == "个" and text[start + i - 1:start + i] in _NUMERALS:
                continue  # a count's measure word ("4个类级科目"), no slip of 各
            if window[i] in _NUMERALS and _quoted(text, start, start + len(window)):
                continue  # a slogan numbering its points, in quotes ("“一优两高”战略": no 优良)
            if i == 1 and window[1] in _NEGATIONS and window[0] in _BEFORE_NEGATION:
                continue  # a conjunction, then a negation of the verb after it ("尾款因未到合同支付期": no 因为)
            if window not in apart:
                apart[window] = self._written_apart_twice(window)
            if apart[window]:
                continue
            needed = _NEEDED_GAIN[relation][used]
            if relation == "shape" and word in self._own_vocabulary:
                needed = OWN_WORD_SHAPE_GAIN  # a rare word the document writes twice ("授藏" beside 援藏)
            if not used and word in lex.lexicon():
                needed -= LEXICON_WORD_GAIN  # a word of the domain's vocabulary ("够买" for 购买)
            if not used and len(text) >= FOREIGN_CHARACTER_TEXT and text.count(window[i]) == 1:
                needed -= FOREIGN_CHARACTER_GAIN  # a character a whole document writes nowhere else
            if not FUNCTION_CHARACTERS.isdisjoint(window):
                # A function character is a word of its own: only the document or the domain's
                # lexicon ("士地" for 土地) vouches for a word read across it.
                if not (used or word in lex.lexicon()) or (
                        window[i] in FUNCTION_CHARACTERS and self._stands_alone(start, window, i, word)):
                    continue
                needed += FUNCTION_GAIN
            gain = _likelihood_gain(text, start, window, word, placed=not used)
            # (two windows correcting one character alike read the same corrected clause: "办工费" as 办公 or as 公费; the
            # gains differ only by rounding, and the first window is kept)
            if gain >= needed and (start + i not in best or gain - needed > best[start + i][0] + _SAME_GAIN):
                best[start + i] = (gain - needed, start, window, word, relation)
        typos = []
        # Best margin first: of two corrections of one window (资主: 自主 or the document's 资助), the
        # one read with more evidence to spare is kept.
        for _, start, window, word, relation in sorted(best.values(), key=lambda b: -b[0]):
            source = "document" if word in written else "dictionary"
            typos.append(Typo(start, start + len(window), window, word, source, word, relation))
        return _drop_nested(typos)

    def _transpositions(self) -> list[Typo]:
        """Two neighbouring characters the segmenter leaves loose, written in each other's place inside a
        common word or a lexicon phrase of three characters or more ("财拨政款" for 财政拨款, "人员费经" for
        人员经费): the window is no word, the swap makes one. The shortest such word is reported."""
        text, loose, typos = self.text, self.loose, []
        for at in sorted(loose):
            if at + 1 not in loose or text[at] == text[at + 1] or not (_suspect(text[at]) and _suspect(text[at + 1])):
                continue
            lo = max(0, at + 2 - MAX_TRANSPOSED_WORD)  # the swap and the widest window around it, not the whole text
            swapped = text[lo:at] + text[at + 1] + text[at] + text[at + 2:at + MAX_TRANSPOSED_WORD]
            for length in range(3, MAX_TRANSPOSED_WORD + 1):
                words = [(start, swapped[start - lo:start - lo + length]) for start in range(max(0, at + 2 - length), at + 1)]
                known = [(start, word) for start, word in words if _known_word(word) and not lex.is_word(text[start:start + length])]
                if known:
                    start, word = known[0]
                    source = "lexicon" if word in lex.lexicon() else "dictionary"
                    typos.append(Typo(start, start + length, text[start:start + length], word, source, word, "transposition"))
                    break
        return typos

    def _bound_lookalikes(self) -> list[Typo]:
        """A character that is no word alone, written alone where its look-alike is one ("1辆己达报废年限", "己全部随部门预算
        报送": 己 stands only in 自己, 知己 …; 已 is meant), before a Chinese character, outside names, the
        stems-and-branches years (己亥年) and a list labelled by the stems ("戊项目…；己项目…")."""
        text, loose, typos = self.text, self.loose, []
        for bound, meant in _BOUND_LOOKALIKES.items():
            if _STEM_BEFORE[bound] in text:
                continue  # the stems label a list ("甲项目…戊项目…己项目")
            at = text.find(bound)
            while at != -1:
                after = text[at + 1:at + 2]
                if at in loose and lex.is_han(after) and after not in _BRANCHES and at not in self.names:
                    typos.append(Typo(at, at + 1, bound, meant, "dictionary", meant, "shape"))
                at = text.find(bound, at + 1)
        return typos

    def _end_for_not(self) -> list[Typo]:
        """末 (end) written for its look-alike 未 (not) before a verb the budget does or does not do ("2025年部门预算末安排车辆
        购置经费"), where no period it ends stands before it (年末, 期末, 月末)."""
        # (its evidence the phrase corrected: "未安排")
        return [Typo(m.start(), m.start() + 1, "末", "未", "lexicon", "未" + m["verb"], "shape")
                for m in _END_BEFORE_VERB.finditer(self.text) if m.start() not in self.names]

    def _dropped_characters(self) -> list[Typo]:
        """A word of four characters or more that the document writes (twice, or once when the lexicon has it) written
        elsewhere with one character missing where the segmenter is left with a loose character ("事单位" beside
        事业单位, "完成年初预的" beside 年初预算) or a rare word the character completes ("住房积金": 积金), in a line of
        sentences (a table's cells are cut to fit). The shortened word is no word; it runs on into what follows (a word or a function character; not a line's end, a
        digit or a "、" of an abbreviation: "财政拨款收、支总计"); a character missing at its start is not looked for."""
        shortened = self._shortened_words()
        if shortened is None:
            return []
        boundaries, typos = self.boundaries, []
        for last, (found, word, i, join) in shortened.iter(self.text):
            start, end = last + 1 - len(found), last + 1
            if start in boundaries and end in boundaries and self._missing_from(start, end, word, i) \
                    and (not join or self._missing_from_compound(start, end, word, i, join)):
                typos.append(Typo(start, end, found, word, "lexicon" if word in lex.lexicon() else "document", word, "missing"))
        # the shortest of those around one gap ("财政款" in "政府性基金预算财政款")
        return [typo for typo in typos if not any(other is not typo and typo.start <= other.start and other.end <= typo.end
                                                  for other in typos)]

    def _missing_from(self, start: int, end: int, word: str, i: int) -> bool:
        """Whether ``text[start:end]`` is ``word`` written with its character ``i`` missing (see
        :meth:`_dropped_characters`), the span being whole tokens."""
        text, loose = self.text, self.loose
        found, at, after = text[start:end], start + i, text[end:end + 1]  # where the character is missing, what follows
        if not (at - 1 in loose or (at in loose and at < end) or self._completes_rare_word(at, word[i])) \
                or lex.is_word(found) or _quoted(text, start, end) \
                or (word[i] in FUNCTION_CHARACTERS and word not in _CORE_TERMS) \
                or (i == 1 and found[0] in FUNCTION_CHARACTERS and at in self.boundaries):
            # (a name in quotes is shortened as its owner chose: "“四好农村路”" beside 农村公路; a function character left
            # out is a variant of the wording: "反映用国有土地…收入安排的支出" beside 反映用于, but not of a core term: "公经费"
            # for 公用经费; one that reads as a function character before a word: "基础设施和乡村治理" beside 和美乡村)
            return False
        if after in _NOT_AFTER_SHORTENED or after == found[-1] or (after.isdigit() and not _MONEY_AFTER.match(text, end)) \
                or lex.to_simplified(text[at:at + 1]) == word[i] or text[start - 1:start].isdigit():
            # a word wrapped, or cut by a cell's figures in a PDF's text ("基本支" then "63.14 2.10%"; not its amount:
            # "公务接费3.82万元"), a character doubled (LNG002's), written in traditional script
            return False
        if i == len(word) - 1 and (after in _ENUMERATION_MARKS or at - 1 not in loose
                                    or (at in loose and after not in FUNCTION_CHARACTERS) or text[end + 1:end + 2] == word[i]):
            # ("财政拨款收、支总计", "正常运维率": 运维, a word jieba lacks; two words sharing their last character written
            # once, "国有资本经营预决算草案" for 预算和决算)
            return False
        pair = text[start - 1:start + 1]
        if start in loose and ((start - 1 in loose and lex.word_frequency(pair))
                               or (lex.is_han(pair[:1]) and (text.count(pair, start + 1) or text.count(pair, 0, start)))):
            # the end of a word jieba parts ("职业年金支出": 年金, no 金融支出 shortened), or one the document writes again
            # ("文旅宣传" beside 文旅融合: 文旅, no 旅游宣传 shortened)
            return False
        if found[0] in _PLACE_LEVELS and lex.is_han(text[start - 1:start]) and start in loose:
            return False  # a place's own ("石川乡卫生院", a 乡's, no 乡镇卫生院 shortened; not 乡村 of "推进乡村振补助资金")
        line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", start)
        # (a table's cells, cut to fit their columns: "事业收 | 经营收")
        return _SENTENCE_MARK.search(text, line_start, line_end if line_end != -1 else len(text)) is not None

    def _completes_rare_word(self, at: int, missing: str) -> bool:
        """Whether a rare word starts at ``at`` that ``missing`` before it makes a word ("住房积金": 积金, 公积金)."""
        start, end = self.token_at(at, (at, at))
        token = self.text[start:end]
        return start == at and len(token) > 1 and _rare_word(token) and lex.is_word(missing + token)

    def _missing_from_compound(self, start: int, end: int, compound: str, i: int, join: int) -> bool:
        """Whether ``text[start:end]`` is a compound of two words (:meth:`_compounds`) with its character ``i`` missing,
        not a word either shortens to ("本年一般" beside 本年度一般, "对分值" beside 对应分值, "部门本年" beside 部门本年度), the two after an
        abbreviation's "、" ("收、支总计" beside 支出总计), a form the document writes twice ("负责区机关" beside 负责区级) or a
        last character that makes a word with what follows ("项目本年" beside 项目本级)."""
        text, found = self.text, self.text[start:end]
        first, second = compound[:join], compound[join:]
        if text[start - 1:start] == "、" or (i < join and lex.is_word(first[:i] + first[i + 1:])) \
                or (len(second) > 2 and i >= join and lex.is_word(second[:i - join] + second[i - join + 1:])) \
                or text.startswith(compound, start) or self._written_as_words(found) > 1:
            return False  # (the compound whole where a line's end parts its tokens; a form written twice is meant: 负责区机关)
        return i < len(compound) - 1 or not lex.is_word(text[end - 1:end + 1])

    def _written_as_words(self, form: str) -> int:
        """How often the text writes ``form`` as whole tokens (not inside a word: "一般公" of 一般公务用车)."""
        boundaries, find, count = self.boundaries, self.text.find, 0
        at = find(form)
        while at != -1:
            count += at in boundaries and at + len(form) in boundaries
            at = find(form, at + 1)
        return count

    def _shortened_words(self) -> ahocorasick.Automaton | None:
        """An automaton finding the words :meth:`_dropped_characters` looks for, each with the word and the index of its
        missing character; None when there are none (a shortened form two words share, or a token of the document, is
        not looked for)."""
        lexicon, counts = lex.lexicon(), self._word_counts
        words = [word for word, written in counts.items()
                 if len(word) >= _DROPPED_FROM and (written > 1 or word in lexicon) and _HAN_RUN.fullmatch(word)]
        words += [word for word in _CORE_TERMS if word not in counts]  # (looked for where the document never writes them)
        # (an economic subject the document writes, in its tables maybe: "30209 物业管理费" beside "物业管费")
        words += [word for word in lex.economic_subjects() if len(word) >= _DROPPED_FROM and word not in counts and word in self.text]
        shortened: dict[str, tuple[str, int] | None] = {}
        for word, join in [(word, 0) for word in words] + self._compounds():
            for i, found in _shortened(word):
                if i != join:
                    shortened[found] = None if found in shortened else (word, i, join)
        automaton = ahocorasick.Automaton()
        for found, entry in shortened.items():
            if entry is not None and found not in counts:
                automaton.add_word(found, (found, *entry))
        if not len(automaton):
            return None
        automaton.make_automaton()
        return automaton

    def _compounds(self) -> list[tuple[str, int]]:
        """``(compound, join)``: two words of two characters or more the document writes side by side three times or more
        ("疾病预防控制", whose 控制 jieba keeps apart), and where the second starts, a character not looked for missing
        (妇幼保健院 is a word of its own beside 妇幼保健医院)."""
        chinese = {word for word in self._word_counts if len(word) > 1 and _HAN_RUN.fullmatch(word)}  # (tested once each)
        pairs = Counter(pair for pair in pairwise(self.words) if pair[0] in chinese and pair[1] in chinese)
        return [(first + second, len(first)) for (first, second), written in pairs.items()
                if written >= _COMPOUND_WRITTEN and first + second not in self._word_counts]

    def _continues_cell_above(self, start: int, window: str) -> bool:
        """Whether ``window`` opens a line under a table row whose first cell ends in a character it
        makes a common word with: a cell's text wrapped over two lines ("统计信息化建\t624.30" then
        "设及运维经费": 建设)."""
        text = self.text
        if start == 0 or text[start - 1] != "\n":
            return False
        above = _FIRST_CELL.match(text, text.rfind("\n", 0, start - 1) + 1)
        return above is not None and lex.word_frequency(above.group(1)[-1] + window[0]) >= COMMON_WORD_FREQUENCY

    @cached_property
    def _word_initials(self) -> set[str]:
        """First characters of the words of two characters or more the document writes twice or more."""
        return {word[0] for word, count in self._word_counts.items() if count > 1 and len(word) > 1 and lex.is_han(word[0])}

    @cached_property
    def _initials(self) -> set[str]:
        """First characters of the words of two characters or more the document writes."""
        return {word[0] for word in self._word_counts if len(word) > 1 and lex.is_han(word[0])}

    @cached_property
    def boundaries(self) -> set[int]:
        """Offsets where a token starts or ends."""
        return set(self._token_starts)

    def _written_apart_twice(self, window: str) -> bool:
        """Whether the document writes ``window`` twice or more, except as the end of one word
        and the start of the next (务项 in 事务/项目): 抗疫 as 抗/疫, inside a longer word, or 未采
        in 未/采样. Stops at the second."""
        boundaries, find, count = self.boundaries, self.text.find, 0
        at = find(window)
        while at != -1:
            end = at + len(window)
            count += at in boundaries or end in boundaries or boundaries.isdisjoint(range(at + 1, end))
            if count > 1:
                return True
            at = find(window, at + 1)
        return False

    def _written(self, words: set[str]) -> set[str]:
        """The ``words`` (of two characters or more) the document writes, as a word or inside a
        longer one. One scan finds the pairs of characters that may begin them; only a longer
        word whose first two are written is searched for."""
        if not words:
            return set()
        firsts, seconds = ("".join(sorted({word[i] for word in words})) for i in (0, 1))
        # The first character consumed (the scan skips others in C), the second looked ahead at.
        pairs = {a + b for a, b in re.findall(f"([{re.escape(firsts)}])(?=([{re.escape(seconds)}]))", self.text)}
        found = {word for word in words if word[:2] in pairs and (len(word) == 2 or word in self.text)}
        # Written as a word, or inside one, not across two ("表五一般…" writes no 五一).
        tokens = self._word_counts
        return {word for word in found if word in tokens or any(word in token for token in self._longer_tokens)}

    @cached_property
    def _longer_tokens(self) -> list[str]:
        """The distinct tokens of three characters or more that are words, not the lexicon's whole phrases (a definition
        of the 名词解释, "指事业单位使用以前年度积累的…", holds 用以 across 使用 and 以前)."""
        return [token for token in self._word_counts if 2 < len(token) <= _LONGEST_WORD]

    def _cuts_a_word(self, end: int) -> bool:
        """Whether a window ending at ``end`` takes the first characters of a token of two characters or more that
        is a word (饰项 of 银饰项圈; a window may start inside one: 部们 of 本部们)."""
        if not 0 < end < len(self.text) or end in self.boundaries:
            return False
        left, right = self.token_at(end, (end, end))
        return right - left > 1 and lex.is_word(self.text[left:right])

    @cached_property
    def _own_words(self) -> dict[str, str]:
        """The index of :func:`_common_words` over the words the document itself writes twice or
        more that it lacks ("援藏" for "授藏干部"): a document's own vocabulary vouches for them."""
        index, lexicon = defaultdict(list), lex.lexicon()
        for word, written in self._word_counts.items():
            # (:func:`_common_words` holds the words this common and the lexicon's)
            if written > 1 and 2 <= len(word) <= MAX_WORD - 1 and lex.word_frequency(word) < KNOWN_WORD_FREQUENCY \
                    and word not in lexicon and _HAN_RUN.fullmatch(word):
                for i in range(len(word)):
                    index[_key(word, i)].append(word)
        return {key: " ".join(words) for key, words in index.items()}

    @cached_property
    def _own_vocabulary(self) -> set[str]:
        """The words of :attr:`_own_words`."""
        return {word for words in self._own_words.values() for word in words.split()}

    def _candidates(self):
        """``(start, window, index, word, relation)``: a window holding a suspect character,
        which is no word, and a word one substitution at ``index`` away (see :meth:`_word_typos`)."""
        text, loose, boundaries = self.text, self.loose, self.boundaries
        suspects = self._suspects()
        # The starts of the windows of two characters, then of three: three only as a
        # two-character word and the suspect ("计算鸡"): a typo inside a longer word leaves a
        # two-character window that is no word.
        windows = {2: {*suspects, *map((-1).__add__, suspects)}, 3: set()}
        for at in suspects:
            if at - 1 not in boundaries and at - 2 in boundaries and at in boundaries:
                windows[3].add(at - 2)
            if at + 2 not in boundaries and at + 1 in boundaries and at + 3 in boundaries:
                windows[3].add(at)
        found, own = [], self._own_words
        for length, starts in windows.items():
            for start in starts:
                window = text[start:start + length] if start >= 0 else ""
                substitutions, suffix = _substitutions(window), text[start + length:start + length + 1]
                if own and len(window) == length and (
                        MASK + window[1:] in own or window[:1] + MASK + window[2:] in own
                        or (length == 3 and window[:2] + MASK in own)) and _broken(window):
                    substitutions += _related(window, own)  # a word of the document's own, one substitution away
                if window[-1:] in INSTITUTION_SUFFIXES:
                    # The end of an organisation's short name ("市政数局"), unless the correction runs on
                    # into the next character as a word ("燃科费": 燃料费).
                    substitutions = tuple(s for s in substitutions if s[0] < length - 1 or lex.word_frequency(s[1] + suffix))
                if not substitutions or self._cuts_a_word(start + length):
                    continue  # ("银饰项圈": 饰项 takes the first character of 项圈, no window a slip made)
                if suffix in INSTITUTION_SUFFIXES and start + length in loose:
                    # An organisation's short name ("机管局" for 机关事务管理局, "市政数局"), unless a
                    # correction names a known one ("财收部" for 财政部).
                    substitutions = tuple(s for s in substitutions if lex.is_word(s[1] + suffix))
                    if not substitutions:
                        continue
                if window[:1] in _MAGNITUDES and text[start - 1:start].isdigit():
                    continue  # a number's magnitude and its classifier ("1.1亿件", "1.2万人次")
                if _COMPANY_AHEAD.match(text, start + length):
                    continue  # inside a firm's name ("北京市朝阳区城服物业管理有限公司": 城服, no 服务 mistyped)
                if start in self.names or (suffix in PLACE_SUFFIXES
                                            and text[start - 1:start] in _PLACE_LEVELS and start + length in loose):
                    continue  # a person's name, a place's ("漯河市淞江路")
                if window[-1] in _PLACE_LEVELS and _UNDER_A_PLACE.search(text, max(0, start - _PLACE_NAME_REACH), start):
                    continue  # the end of a place's name under its city ("日喀则市桑珠孜区": 孜区, no 牧区 mistyped)
                if length == 2 and window[1] == "数" and window[0] in _COUNTED_ENDINGS and lex.is_han(text[start - 1:start]):
                    continue  # the number of the institutions named before ("完成规范化建设司法所数": no 所属 mistyped)
                if text[start + length:start + length + 1] in _LEVELS and (
                        not lex.is_han(text[start - 1:start]) or text[start - 1:start] in _LEVELS):
                    continue  # a place's name opening a field or after its city ("单位名称：宁江县…", "赣州市宁江县": no 宋江)
                if text[start - 1:start] == "、" and text[start + length:start + length + 1] in _ENUMERATION_END:
                    # a whole item of an enumeration of names ("下辖城关、石门桥、官垸等14个派出所"), unless the document
                    # writes the correction ("压减办公、差旅、会义等" beside 会议费)
                    written = self._written({word for _, word, _ in substitutions})
                    substitutions = tuple(s for s in substitutions if s[1] in written)
                    if not substitutions:
                        continue
                if _among_names_ending_alike(text, start, start + length):
                    continue  # an item of names ending alike ("长沙监狱、星城监狱、坪塘监狱"): a name
                if window[:1] == window[1:2] or window[1:2] == window[2:3]:
                    continue  # a character doubled ("共共有"): LNG002's, not a word mistyped
                if text[start - 1:start] in ("（", "(") and _unclosed(text, start):
                    continue  # "因公出国（境费": a bracket left open (PUN001's), not a word mistyped
                inside_a_word = start not in boundaries and self._inside_common_word(start)
                for i, word, relation in substitutions:
                    if i > 0 and inside_a_word:
                        continue  # "年中新录用": 中 ends the common word 年中, no window 中新 a slip made (中心)
                    if i == 0 and start not in boundaries and self._ends_known_word(start):
                        continue  # "报废年限后": 限 ends the word 年限, no window 限后 a slip made (先后)
                    if window[i] in _LEVELS and start + i in loose:
                        continue  # a level written alone ("及市、区政府")
                    if window[-1] == "村" and i < length - 1 and self._among_villages(start + length - 1):
                        continue  # a village's name ("千丘田村、双龙溪村")
                    if window[i] == "除" and _EXCEPT_END.match(text, start + i + 1):
                        continue  # "指除上述…以外的收入": 除 opens what is left out, up to its 以外
                    found.append((start, window, i, word, relation))
        return sorted(found)

    def _inside_common_word(self, at: int) -> bool:
        """Whether offset ``at`` is inside a token that is a common word ("年中")."""
        left, right = self.token_at(at, (at, at))
        return right - left > 1 and lex.word_frequency(self.text[left:right]) >= COMMON_WORD_FREQUENCY

    def _ends_known_word(self, at: int) -> bool:
        """Whether offset ``at`` is the last character of a token that is a known word ("年限")."""
        left, right = self.token_at(at, (at, at))
        return right - left > 1 and right == at + 1 and lex.word_frequency(self.text[left:right]) >= KNOWN_WORD_FREQUENCY

    def _stands_alone(self, start: int, window: str, i: int, word: str) -> bool:
        """Whether the function character at ``i`` is read as a word of its own: it opens its clause
        ("，即本部门…"), or the rest of the window, with the next character outside it, is a unit the
        document writes elsewhere after other characters than the correction's ("及本部门": 本部
        follows 是, 的 …)."""
        text = self.text
        if i == 0 and text[start - 1:start] in _CLAUSE_MARKS and window[0] not in _COUNTING:
            return True  # opening its clause ("，即本部门本级和…"): a word of its own (but "，七中" for 其中)
        if i == 0:
            rest = window[1:] + text[start + len(window):start + len(window) + 1]
            others = {text[m.start() - 1] for m in re.finditer(re.escape(rest), text) if m.start() > 0}
        else:
            rest = text[start - 1:start] + window[:i]
            others = {text[m.end():m.end() + 1] for m in re.finditer(re.escape(rest), text)}
        return _HAN_RUN.fullmatch(rest) is not None and len(others - {window[i], word[i]}) >= 2

    def _suspects(self) -> list[int]:
        """Positions of characters that may be typos: loose characters and the characters of
        rare dictionary words."""
        text = self.text
        suspects = [at for at in self.loose if _suspect(text[at])]
        rare = {word for word in self._word_counts if 1 < len(word) <= 3 and _rare_word(word)}
        for word, start in self._occurrences(rare):
            suspects.extend(start + i for i, char in enumerate(word) if _suspect(char))
        return suspects


#: Characters that are no word alone (bound in 自己, 知己 …; 辰巳) and the look-alike a writer means where one stands alone.
_BOUND_LOOKALIKES = {"己": "已", "巳": "已"}
#: The heavenly stem (or earthly branch) before each bound character: a document that writes it labels items in their
#: order, 己 after 戊, 巳 after 辰.
_STEM_BEFORE = {"己": "戊", "巳": "辰"}
#: What a count's measure word follows: a digit or a Chinese numeral ("4个", "四个", "两个").
_NUMERALS = frozenset("0123456789０１２３４５６７８９一二两三四五六七八九十百千几")
#: 末 before a verb of what a budget does, after no period it could end ("预算末安排", not "年末安排").
_END_BEFORE_VERB = compile_re(r"(?<![年月期周旬季岁始底学世])末(?=(?P<verb>安排|发生|使用|开展|实施|列支|达到|完成|支付|购置|到位|到支付))")
#: The earthly branches, which follow a heavenly stem in a year's name (己亥年, 己巳年).
_BRANCHES = frozenset("子丑寅卯辰巳午未申酉戌亥")
#: The shortest word a missing character is looked for in (see :meth:`TypoFinder._dropped_characters`).
_DROPPED_FROM = 4
#: The genre's commonest terms, a character missing from which is looked for even where the document does not write them
#: whole ("公益一类事单位").
_CORE_TERMS = ("事业单位", "行政单位", "财政拨款", "一般公共预算", "政府性基金", "基本支出", "项目支出", "人员经费", "公用经费",
               "公务接待", "公务用车", "政府采购", "机关运行经费", "国有资产", "中小企业", "国有资本经营", "国有资本经营预算",
               "一般性支出", "年初预算数", "检查指导")
#: How often a document writes two words side by side for a character missing from the pair to be looked for.
_COMPOUND_WRITTEN = 3
#: What never follows a word shortened by a slip: a line's end (a word wrapped), a space (a cell's end).
_NOT_AFTER_SHORTENED = frozenset("\n \t")
#: Marks after a word shortened on purpose, its end shared with the next ("收、支总计").
_ENUMERATION_MARKS = frozenset("、，,")
#: An amount of money right after a word ("3.82万元").
_MONEY_AFTER = compile_re(r"\d[\d,]*(?:\.\d+)?(?:万元|亿元|元)")
#: A sentence's marks: a line holding none is a table's.
_SENTENCE_MARK = compile_re(r"[，。；]")
#: The longest token read as a word that a correction may be written inside.
_LONGEST_WORD = 8
#: The mask of a character in the index keys.
MASK = "\0"
_HAN_RUN = compile_re(lex.HAN + "+")
#: A table row's first cell of Chinese text, before a tab, a wide gap or its amount.
_FIRST_CELL = compile_re(f"({lex.HAN}+)(?:\t| {{2,}}|\\d)")
#: Longest word tried as a correction.
MAX_WORD = 4
#: How much likelier (natural log of the ratio, jieba's word model) the clause must read
#: corrected, by relation of the characters, when the document does not / does use the word.
_NEEDED_GAIN = {"homophone": (8.2, 3.5), "shape": (9.0, 5.0)}
#: Needed for a look-alike of a word outside jieba's common ones that the document writes twice
#: or more: the document's own vocabulary is the evidence jieba's rare counts cannot give.
OWN_WORD_SHAPE_GAIN = 3.5
#: Less for a correction the domain lexicon lists (购买, 拨付), though the document does not write it.
LEXICON_WORD_GAIN = 2.0
#: More for a function character (的, 与, 于 …) read as part of a word.
FUNCTION_GAIN = 0.5
#: Less when the replaced character appears nowhere else in a document this long (衣上 for 以上).
FOREIGN_CHARACTER_GAIN = 1.2
FOREIGN_CHARACTER_TEXT = 3000
#: A loose character beside a correction must be this common a word of its own (的, 年, 各).
SINGLE_WORD_FREQUENCY = 20000
#: How much two gains may differ by rounding alone.
_SAME_GAIN = 1e-9
#: Characters of context on each side for the likelihood comparison.
CONTEXT = 6


#: The longest word two swapped characters are looked for in.
MAX_TRANSPOSED_WORD = 6


def _covered(typos: list[Typo]) -> set[int]:
    """The offsets ``typos`` span."""
    return {at for typo in typos for at in range(typo.start, typo.end)}


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands inside quotation marks on its line ("“四好农村路”")."""
    opened = text.rfind("“", max(0, start - _QUOTE_REACH), start)
    return opened != -1 and "”" not in text[opened:start] and "\n" not in text[opened:start] \
        and "”" in text[end:end + _QUOTE_REACH].split("\n")[0]


#: How far a quotation's marks may stand from a word inside it.
_QUOTE_REACH = 20


def _shortened(word: str) -> tuple[tuple[int, str], ...]:
    """``(index, form)``: ``word`` with its character at ``index`` left out, for every index but the first."""
    return tuple((i, word[:i] + word[i + 1:]) for i in range(1, len(word)))


@lru_cache(maxsize=1 << 16)
def _known_word(word: str) -> bool:
    """Whether ``word`` is a lexicon phrase or a common word of jieba's dictionary."""
    return word in lex.lexicon() or lex.word_frequency(word) >= COMMON_WORD_FREQUENCY


@lru_cache(maxsize=8192)
def _traditional(char: str) -> bool:
    return lex.to_simplified(char) != char


@lru_cache(maxsize=8192)
def _suspect(char: str) -> bool:
    """Whether a Chinese character may be a typo. Function characters are grammar; the last
    characters of organisations' short names ("市政数局") name; traditional characters are
    LNG005's."""
    return lex.is_han(char) and char not in FUNCTION_CHARACTERS and char not in INSTITUTION_SUFFIXES and not _traditional(char)


@lru_cache(maxsize=1 << 14)
def _rare_word(word: str) -> bool:
    """Whether a token of Chinese characters is a rare word of the dictionary (not the lexicon's)."""
    return _HAN_RUN.fullmatch(word) is not None and not lex.is_word(word)


@lru_cache(maxsize=1 << 16)
def _broken(window: str) -> bool:
    """Whether ``window`` is Chinese, no word and has no traditional character (LNG005's)."""
    return _HAN_RUN.fullmatch(window) is not None and not lex.is_word(window) and not any(map(_traditional, window))


@lru_cache(maxsize=1 << 16)
def _substitutions(window: str) -> tuple[tuple[int, str, str], ...]:
    """``(index, word, relation)`` for the common words one substitution from ``window`` when
    it is :func:`_broken`; the same for every document."""
    return _related(window, _common_words()) if _broken(window) else ()


def _related(window: str, index: dict[str, str]) -> tuple[tuple[int, str, str], ...]:
    """``(index, word, relation)`` for the words of ``index`` (by key, separated by spaces) one
    substitution from ``window`` whose character reads or looks alike (:func:`_relation`,
    inlined: a new document asks about tens of thousands of pairs)."""
    found, readings, in_words = [], lex.readings(), lex.word_readings()
    for i, char in enumerate(window):
        reading, alikes = readings.get(char), similar_shapes(char)
        for word in index.get(_key(window, i), "").split():
            other = word[i]  # never ``char``: the word is not the window
            # (as read in the word: 茶 reads as 差 alone, not as in 差旅)
            if reading and (in_words[word][i] if word in in_words else readings.get(other)) == reading:
                found.append((i, word, "homophone"))
            elif other in alikes or char in similar_shapes(other):
                found.append((i, word, "shape"))
    return tuple(found)


def _relation(found: str, intended: str) -> str | None:
    """How ``found`` may have been typed for ``intended``: "homophone", "shape" or None."""
    if lex.homophones(found, intended):
        return "homophone"
    if shape_alike(found, intended):
        return "shape"
    return None


def _near_homophones(found: str, intended: str) -> bool:
    """Whether two characters' readings differ only where speakers of many dialects confuse them: a final's nasal
    (新 xin for 兴 xing), a retroflex initial (zh/z, ch/c, sh/s), n/l."""
    readings = lex.readings()
    a, b = readings.get(found), readings.get(intended)
    return bool(a and b) and a != b and _blurred(a) == _blurred(b)


def _blurred(reading: str) -> str:
    """``reading`` with the sounds :func:`_near_homophones` confuses made one."""
    if reading[:2] in ("zh", "ch", "sh"):
        reading = reading[0] + reading[2:]
    if reading[0] == "l":
        reading = "n" + reading[1:]
    return reading[:-1] if reading.endswith(("ang", "eng", "ing")) else reading


def _key(word: str, i: int) -> str:
    """The index key of ``word`` with character ``i`` masked ("预算", 1 → "预\0"): words one
    substitution apart share it."""
    return word[:i] + MASK + word[i + 1:]


def _lengths(phrase: str) -> tuple[int, ...]:
    """Lengths of the windows that may be one edit from ``phrase``: a short phrase admits a
    substitution only (see :meth:`TypoFinder._plausible`)."""
    return (len(phrase),) if len(phrase) < MIN_EDIT_PHRASE else (len(phrase) - 1, len(phrase), len(phrase) + 1)


@lru_cache(maxsize=1)
def _phrase_halves() -> ahocorasick.Automaton:
    """An automaton finding every half of a lexicon phrase in a text, each with its length,
    ``sole`` and checks. A check is ``(offset, character → entries)``: the character at
    ``offset`` from the half (the other half's inner or outer character, for each window
    length) selects the entries ``(phrase, offset of the phrase, offset of the window, window
    length)`` it keeps in play. ``sole`` is ``(phrase, offset of the phrase)`` when the half
    belongs to one phrase only (where that phrase stands, nothing is in play), else None."""
    checks: dict[str, dict[int, dict[str, set]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(set)))
    for phrase in lex.lexicon():
        if len(phrase) >= MIN_HOMOPHONE_PHRASE:
            middle = len(phrase) // 2
            head, tail = phrase[:middle], phrase[middle:]
            # The head stands at the window's start: the tail's first character, or its last
            # at the window's end.
            checks[head][middle][phrase[middle]].add((phrase, 0, 0, len(phrase)))
            for length in _lengths(phrase):
                checks[head][length - 1][phrase[-1]].add((phrase, 0, 0, length))
            # The tail stands at the window's end: the head's last character, or its first at
            # the window's start.
            shift = len(tail) - len(phrase)
            checks[tail][-1][phrase[middle - 1]].add((phrase, shift, shift, len(phrase)))
            for length in _lengths(phrase):
                checks[tail][len(tail) - length][phrase[0]].add((phrase, shift, len(tail) - length, length))
    automaton = ahocorasick.Automaton()
    for half in sorted(checks):
        by_offset = tuple(
            (offset, {character: tuple(sorted(entries)) for character, entries in by_character.items()})
            for offset, by_character in sorted(checks[half].items())
        )
        placed = {entry[:2] for _, by_character in by_offset for entries in by_character.values() for entry in entries}
        automaton.add_word(half, (len(half), placed.pop() if len(placed) == 1 else None, by_offset))
    automaton.make_automaton()
    return automaton


def substitution_index_file() -> Path:
    """The index of jieba's known words by masked key (:func:`_key`): the copy shipped in
    ``linter/data`` (``scripts/build_dictionary.py``) when it is of this dictionary, else built
    once into the cache."""
    name = substitution_index_name()
    shipped = SHIPPED / name
    return shipped if shipped.exists() else cached(name, write_substitution_index)


def substitution_index_name() -> str:
    """Named after the dictionary (its size and total count) and the frequency bound."""
    tokenizer = lex.tokenizer()
    return f"substitution-words-{len(tokenizer.trie)}-{tokenizer.counts[-1]}-{KNOWN_WORD_FREQUENCY}.tsv"


def write_substitution_index(path: Path) -> None:
    """Write, a line per key, the words of two or three characters jieba counts at least
    ``KNOWN_WORD_FREQUENCY`` times that share it (the key's mask written ``*``)."""
    tokenizer = lex.tokenizer()
    trie, counts = tokenizer.trie, tokenizer.counts
    index: dict[str, list[str]] = defaultdict(list)
    for word, key in trie.iteritems():
        if 2 <= len(word) <= 3 and counts[key] >= KNOWN_WORD_FREQUENCY and _HAN_RUN.fullmatch(word):
            for i in range(len(word)):
                index[_key(word, i)].append(word)
    lines = (f"{key.replace(MASK, '*')}\t{' '.join(words)}\n" for key, words in index.items())
    path.write_text("".join(lines), encoding="utf-8")


@lru_cache(maxsize=1)
def _common_words() -> dict[str, str]:
    """:func:`_key` → jieba's common words of two or three characters (and the lexicon's
    words), separated by spaces: split only for the keys a document asks about."""
    text = substitution_index_file().read_text(encoding="utf-8").rstrip("\n")
    fields = iter(text.replace("*", MASK).replace("\n", "\t").split("\t"))  # key, words, key, words, …
    index = dict(zip(fields, fields))
    for word in lex.lexicon():
        if 2 <= len(word) <= MAX_WORD and _HAN_RUN.fullmatch(word):
            for i in range(len(word)):
                key = _key(word, i)
                words = index.get(key)
                if words is None:
                    index[key] = word
                elif word not in words.split(" "):
                    index[key] = f"{words} {word}"
    return index


def _likelihood_gain(text: str, start: int, window: str, word: str, placed: bool = True) -> float:
    """log P(clause with ``word``) − log P(clause with ``window``), the clause being a few
    characters of the same line on either side. With ``placed``, minus infinity when the
    corrected word would stand beside a character that no word takes (the window is part of a
    name: "管立林")."""
    end = start + len(window)
    left = max(text.rfind("\n", 0, start) + 1, start - CONTEXT)
    right = text.find("\n", end)
    right = min(right if right != -1 else len(text), end + CONTEXT)
    before, after = text[left:start], text[end:right]
    corrected, tokens = segment(before + word + after)
    if placed and not _well_placed(before + word + after, tokens, len(before), len(before) + len(word)):
        return -math.inf
    return corrected - segment(before + window + after)[0]


def _well_placed(clause: str, tokens: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether the tokens next to the ones covering ``[start, end)`` are words, non-Chinese
    characters or common one-character words."""
    return not any(stray_character(clause[s:e]) for s, e in tokens if e == start or s == end)


def stray_character(token: str) -> bool:
    """Whether a token is one Chinese character that is no common word of its own (left over by the
    segmenter, not 的, 年, 各)."""
    return len(token) == 1 and lex.is_han(token) and lex.word_frequency(token) < SINGLE_WORD_FREQUENCY


def segment(text: str) -> tuple[float, list[tuple[int, int]]]:
    """jieba's best segmentation of ``text`` (no HMM): its log probability and its tokens."""
    route = lex.tokenizer().route(text)
    tokens, position = [], 0
    while position < len(text):
        end = route[position][1] + 1
        tokens.append((position, end))
        position = end
    return route[0][0], tokens


def _among_names_ending_alike(text: str, start: int, end: int) -> bool:
    """Whether the window ``text[start:end]`` opens an item of an enumeration whose item beside it ends as this one
    does after the window ("长沙监狱、星城监狱、坪塘监狱": 星城 names a 监狱 as 长沙 and 坪塘 do), or ends an item with
    the last character of a place's name that the next item ends with too ("新增堵河、官渡河": rivers)."""
    if end - start > 1 and text[end - 1] in _PLACE_ENDINGS and text[end:end + 1] == "、":
        following = _ITEM_MARKS.split(text[end + 1:end + 1 + _ITEM_REACH])[0]
        if 0 < following.find(text[end - 1]) < _PLACE_NAME:
            return True  # (the item after may go on past the name: "官渡河部分河段")
    if text[start - 1:start] not in _ITEM_OPENERS or (rest := _ITEM_REST.match(text, end)) is None:
        return False
    ending, after = rest.group(), rest.end()
    if not _UNIT_ENDING.search(ending):
        return False  # not items of spending alike ("办公费、印刷费、差族费": a slip of 差旅费)
    before = _ITEM_MARKS.split(text[max(0, start - _ITEM_REACH):start - 1])[-1] if text[start - 1] == "、" else ""
    following = _ITEM_MARKS.split(text[after + 1:after + 1 + _ITEM_REACH])[0] if text[after:after + 1] == "、" else ""
    return any(len(item) > len(ending) and item.endswith(ending) for item in (before, following))


#: What opens an item of an enumeration, the rest of the item after a window (its name's ending), what parts items, and
#: how far an item beside it is read.
_ITEM_OPENERS = ("、", "：", ":", "，", ",")
_ITEM_REST = compile_re(r"[\u4e00-\u9fff]{1,4}(?=[、，,。；;])")
_ITEM_MARKS = compile_re(r"[、，,：:。；;\s]")
_ITEM_REACH = 12
#: How the names of places end (a river's, a lake's, a mountain's …).
_PLACE_ENDINGS = set("河江湖溪渠港湾岛山岭峰")
#: The longest place's name read before its ending.
_PLACE_NAME = 6
#: How the names of units end (a prison's, a school's, a village's …).
_UNIT_ENDING = compile_re(r"(?:局|中心|委员会|办公室|院|所|站|队|馆|处|学校|中学|小学|监狱|医院|社区|村|乡|镇|街道)$")


def _unclosed(text: str, start: int) -> bool:
    """Whether the bracket opened right before ``start`` stays open to the end of its sentence (a bracket opened and
    closed after it is another's: "因公出国（境费0万元，…无因公出国（境）计划")."""
    end = min((at for at in (text.find(mark, start) for mark in "。；;\n") if at != -1), default=len(text))
    depth = 1
    for char in text[start:end]:
        if char in "（(":
            depth += 1
        elif char in "）)":
            depth -= 1
            if depth == 0:
                return False
    return True


def _drop_nested(typos: list[Typo]) -> list[Typo]:
    """Keep one finding per place: a window inside a longer one goes."""
    typos.sort(key=lambda t: (t.start, -(t.end - t.start)))
    kept: list[Typo] = []
    for typo in typos:
        if kept and typo.start < kept[-1].end:
            continue
        kept.append(typo)
    return kept
