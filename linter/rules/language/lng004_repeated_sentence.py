"""LNG004 repeated-sentence."""

from __future__ import annotations

import os
from collections import Counter
from difflib import SequenceMatcher

from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.i18n import _
from linter.language.spans import adjacent_in_source
from linter.patterns import compile_re, compile_regex

#: A sentence: up to and including its full stop.
_SENTENCE = compile_re(r"[^。！？!?\n]+[。！？!?]?")
#: List items and table cells ("目标 1：", "6、") repeat by design (长期目标 beside 年度目标).
_LIST_ITEM = compile_regex(r"^(?:\p{Han}{0,4}\s*\d{1,2}\s*[、.:：]|[一二三四五六七八九十]+、|\(\S{1,3}\))")
#: Shorter sentences repeat legitimately ("无。", "详见附表。").
MIN_LENGTH = 15
#: Similarity (difflib ratio) from which two neighbouring sentences are one pasted twice.
MIN_SIMILARITY = 0.9
#: At most this many characters (or a tenth of the sentence) may differ.
MAX_CHANGED = 4
#: Longer sentences are compared by their common head and tail only (linear time; difflib is
#: quadratic), which finds a paste with its changes in one place.
MAX_ALIGNED = 300


class RepeatedSentence(Rule):
    """A sentence or paragraph repeated right after itself, verbatim or with small changes.

    Two neighbouring full sentences (ending in "。") of fifteen characters or more that differ
    in at most four characters are a paste left twice: a reader cannot tell which version is
    meant. Sentences that differ in figures only (one a year), in one word for another ("开展了绩效监控" then
    "开展了绩效自评", the template's parallel sentences), or that define different terms
    ("学前教育（项）：反映…", "小学教育（项）：反映…"), are parallel statements. Table rows, headings and list items on lines of their own repeat by design and are
    skipped (a list item pasted twice onto one line is not). A paragraph of several sentences
    pasted twice in a row is reported too, and so is a numbered heading printed on two lines in a row.

    **Anti-pattern**

        从单位构成看，本部门决算由纳入独立核算的单位本级决算组成，无下属单位。
        从单位构成看，本部门决算由纳入独立核算的单位本级决算组成，无下级单位。

    **Best practice**

        从单位构成看，本部门决算由纳入独立核算的单位本级决算组成，无下属单位。
    """

    code = "LNG004"
    name = "repeated-sentence"
    severity = Severity.WARNING

    def check(self, document, context):
        previous = before = None
        for match in _SENTENCE.finditer(document.flow.text):
            sentence = match.group().strip()
            if "\t" in match.group() or len(sentence) < MIN_LENGTH or sentence[-1] not in "。！？!?":
                previous = None
                continue
            # A list item repeats the one before it only when pasted right after it (items side by
            # side in a table's cells are apart in the file).
            if previous is not None and not _defines_another_term(before, sentence) and _similar(before, sentence) and (
                not _LIST_ITEM.match(sentence) or adjacent_in_source(document, previous.end(), match.start())
            ):
                yield self.finding(
                    document,
                    document.span(match.start(), match.end()),
                    _("this sentence (“{start}…”) repeats the one before it", start=sentence[:12])
                    if before == sentence else
                    _("this sentence (“{start}…”) repeats the one before it with small changes (before: “{before}”)",
                      start=sentence[:12], before=before),
                )
            previous, before = match, sentence
        yield from self._repeated_paragraphs(document)

    def _repeated_paragraphs(self, document):
        """A paragraph of several sentences pasted twice in a row ("A。B。" then "A。B。": no two
        neighbouring sentences alike)."""
        text, offset, before = document.flow.text, 0, None
        for line in text.split("\n"):
            paragraph = line.strip()
            if paragraph and paragraph == before and "\t" not in line and len(_SENTENCE_ENDS.findall(paragraph)) >= 2:
                yield self.finding(
                    document, document.span(offset, offset + len(line)),
                    _("this paragraph (“{start}…”) repeats the one before it", start=paragraph[:12]),
                )
            elif paragraph and paragraph == before and _NUMBERED_HEADING.fullmatch(paragraph):
                yield self.finding(  # "二、收入决算情况说明" on two lines in a row: one heading pasted twice
                    document, document.span(offset, offset + len(line)),
                    _("this heading (“{start}”) repeats the line before it", start=paragraph[:20]),
                )
            if paragraph:
                before = paragraph
            offset += len(line) + 1


#: A numbered heading ("二、收入决算情况说明", "（三）支出情况"): no sentence, no table's row.
_NUMBERED_HEADING = compile_re(r"(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）])[^\d\t。，,]{2,40}")
#: The end of a full sentence.
_SENTENCE_ENDS = compile_re(r"[。！？!?]")


#: A definition's term before its colon ("小学教育（项）：反映…").
_TERM = compile_re(r"[^：:，,。]{2,24}(?=[：:])")


def _defines_another_term(a: str, b: str) -> bool:
    """Whether two sentences define different terms ("学前教育（项）：反映各部门举办的学前教育支出。" then
    "小学教育（项）：…"): parallel entries of a glossary, not a paste."""
    term_a, term_b = _TERM.match(a), _TERM.match(b)
    return term_a is not None and term_b is not None and term_a.group() != term_b.group()


def _similar(a: str, b: str) -> bool:
    allowed = max(MAX_CHANGED, len(a) // 10)
    if abs(len(a) - len(b)) > allowed:
        return False
    if max(len(a), len(b)) > MAX_ALIGNED:
        head = len(os.path.commonprefix([a, b]))
        tail = len(os.path.commonprefix([a[head:][::-1], b[head:][::-1]]))
        return max(len(a), len(b)) - head - tail <= allowed and not _figures_only(
            [a[head:len(a) - tail], b[head:len(b) - tail]])
    # Every character of a sentence outside the matched blocks counts as changed, and no alignment
    # matches a character the other sentence lacks, nor more characters than the two have in
    # common: two linear bounds first (the cheaper one rules out most neighbours).
    kinds_a, kinds_b = set(a), set(b)
    if max(len(kinds_a - kinds_b), len(kinds_b - kinds_a)) > allowed:
        return False
    if max(len(a), len(b)) - sum((Counter(a) & Counter(b)).values()) > allowed:
        return False
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < MIN_SIMILARITY or matcher.ratio() < MIN_SIMILARITY:
        return False
    changes = [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]
    changed = sum(max(i2 - i1, j2 - j1) for i1, i2, j1, j2 in changes)
    return changed <= allowed and not _figures_only([a[i1:i2] + b[j1:j2] for i1, i2, j1, j2 in changes]) \
        and not _another_word([(a[i1:i2], b[j1:j2]) for i1, i2, j1, j2 in changes])


def _another_word(changes: list[tuple[str, str]]) -> bool:
    """Whether the two sentences differ in one word of two characters or more for another sharing none
    of them ("开展了绩效监控" then "开展了绩效自评", the template's parallel sentences), not an edit of a paste."""
    if len(changes) != 1:
        return False
    before, after = changes[0]
    return min(len(before), len(after)) >= 2 and not set(before) & set(after) \
        and all("\u4e00" <= character <= "\u9fff" for character in before + after)


def _figures_only(changes: list[str]) -> bool:
    """Whether the two sentences differ in figures only: one sentence a year, a figure of its own
    ("2019年…采购金额为78.99万元。" then "2020年…采购金额为74.3万元。"), parallel, not a paste."""
    text = "".join(changes)
    return bool(text) and all(character in _FIGURE_CHARACTERS for character in text)


_FIGURE_CHARACTERS = set("0123456789.,%")
