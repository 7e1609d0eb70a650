"""PUN001 unbalanced-bracket."""

from __future__ import annotations

import re
import unicodedata

import regex

from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.i18n import _
from linter.patterns import compile_re, compile_regex

#: Opening → closing characters checked (flow text has full-width brackets made ASCII).
PAIRS = {"(": ")", "[": "]", "【": "】", "《": "》", "“": "”", "‘": "’", "〔": "〕"}
_CLOSERS = {closer: opener for opener, closer in PAIRS.items()}
#: An ASCII quotation mark closing a typographic one ("“三公"经费").
_ASCII_CLOSERS = {'"': "“", "'": "‘"}
#: Every character :func:`_scan` looks at: the brackets and quotation marks, typographic and ASCII.
_MARKS = compile_re("[" + re.escape("".join([*PAIRS, *_CLOSERS, *_ASCII_CLOSERS])) + "]")  # ``re``: cheaper per call
#: A Latin letter: a ’ after one is an apostrophe ("Government’s"), no closing quote.
_LATIN_LETTER = compile_re(r"[A-Za-z]")
#: A list label with a lone closing bracket ("1)", "a)", "二)") starting a paragraph or clause;
#: matched backwards from the bracket, so each test costs a few characters.
_LABEL = compile_regex(r"(?:^|[，；。：、,;:\s])[0-9A-Za-z一二三四五六七八九十]{1,2}", regex.REVERSE)
#: Full-width forms of the brackets the flow text made ASCII.
_WIDE = {"(": "（", ")": "）", "[": "［", "]": "］"}
#: Characters quoted beside a bracket in a message.
CONTEXT = 8
#: A web page's controls beside a bracket: not the disclosure's text.
_CHROME = compile_re(r"字体|字号[:：]|关闭窗口|打印本页")
#: A bracket pair spans at most this many flow lines (wrapped numbered lines, not whole pages).
MAX_JOINED = 8
#: A paragraph ending like this is complete; anything else at the end of the file was cut off.
_COMPLETE_END = "。！？!?；;：:”’)]】》〕"


class UnbalancedBracket(Rule):
    """A bracket or quotation mark opened and never closed, closed without being opened, or
    closed by a bracket of the other width ("住房公积金(项）").

    Brackets are matched within a paragraph (wrapped lines are joined, so a pair may span a
    line break). A half-width bracket closed by a full-width one (or the reverse) is a
    mismatch, and so is a “ closed by an ASCII " or by a second “ ("“三公“经费"; reported once, not
    as two unclosed quotes). A
    closing bracket doubled ("税））") is PUN002's; table rows, whose cells are split over
    lines, are skipped, and so is a web page's font-size bar copied with the text ("【字体：大 中 小").
    Text cut off at the end of the file (an excerpt) gets at most one info.

    **Anti-pattern**

        财政拨款收入(含一般公共预算财政拨款收入、其他收入。

    **Best practice**

        财政拨款收入(含一般公共预算财政拨款收入、其他收入)。
    """

    code = "PUN001"
    name = "unbalanced-bracket"
    severity = Severity.WARNING

    def check(self, document, context):
        for start, paragraph, (pairs, problems), last in _joined_paragraphs(document.flow.text):
            # A web page's font-size bar ("【字体：大 中 小】") copied with the text is no part of it.
            problems = [(p, c) for p, c in problems if not _CHROME.search(paragraph, max(0, p - CONTEXT), p + CONTEXT)]
            if last and _cut_off(paragraph):
                openers = [(p, c) for p, c in problems if c in PAIRS]
                if openers:
                    at = start + openers[0][0]
                    yield self.finding(
                        document, document.span(at, at + 1),
                        _("“{mark}” is still open where the file ends: the text looks cut off", mark=openers[0][1]),
                        severity=Severity.INFO,
                    )
                problems = [(p, c) for p, c in problems if c not in PAIRS]
            reversed_pairs = _reversed_pairs(paragraph, problems)
            for opener, closer in reversed_pairs:
                at = start + closer
                yield self.finding(
                    document, document.span(at, at + 1),
                    _("“{mark}” after “{quoted}” should close the quotation: write “{closer}”",
                      mark=paragraph[closer], quoted=paragraph[opener + 1:closer], closer=PAIRS[paragraph[closer]]),
                    expected=PAIRS[paragraph[closer]],
                )
            paired = {position for pair in reversed_pairs for position in pair}
            for position, char in problems:
                if position in paired:
                    continue
                at = start + position
                printed = document.original.text[document.flow.origin(at)]  # "（" where the flow text reads "("
                yield self.finding(document, document.span(at, at + 1),
                                   _message(_as_printed(document, start, paragraph), position, char, printed))
            yield from self._width_mismatches(document, start, paragraph, pairs)

    def _width_mismatches(self, document, start: int, paragraph: str, pairs: list[tuple[int, int]]):
        """The ``(opener, closer)`` pairs of ``paragraph`` whose opener and closer have different
        widths in the original file."""
        original, origin = document.original.text, document.flow.origin
        for opener, closer in pairs:
            if paragraph[opener] not in _WIDE:
                continue
            opened, closed = original[origin(start + opener)], original[origin(start + closer)]
            if (opened in _WIDE) != (closed in _WIDE):
                at = start + closer
                yield self.finding(
                    document, document.span(at, at + 1),
                    _("“{opened}” is closed by “{closed}” in “{context}”: one bracket is half-width, the "
                      "other full-width", opened=opened, closed=closed,
                      context=_as_printed(document, start, paragraph)[opener:closer + 1][-2 * CONTEXT:]),
                    expected=_WIDE[paragraph[closer]] if opened not in _WIDE else paragraph[closer],
                )


def _as_printed(document, start: int, paragraph: str) -> str:
    """``paragraph`` (of the flow text, from ``start``) with each character the file prints in another width as the file
    prints it ("（款" where the flow text reads "(款"), for quoting: the flow's own characters stay as they are."""
    original, origin = document.original.text, document.flow.origin
    return "".join(printed if (printed := original[origin(start + i)]) != char and unicodedata.normalize("NFKC", printed) == char
                   else char for i, char in enumerate(paragraph))


#: The longest quotation a reversed closing mark ends ("“三公“经费").
MAX_REVERSED_QUOTE = 12


def _reversed_pairs(paragraph: str, problems: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """``(opener, closer)`` positions of quotations closed by a second opening mark ("“三公“经费"):
    two unclosed “ (or ‘) a short quotation apart, with no bracket or quotation mark between."""
    found, used = [], -1
    for (first, char), (second, other) in zip(problems, problems[1:]):
        if (char == other and char in "“‘" and first > used and 0 < second - first - 1 <= MAX_REVERSED_QUOTE
                and not _MARKS.search(paragraph, first + 1, second)):
            found.append((first, second))
            used = second
    return found


def _message(paragraph: str, position: int, char: str, printed: str) -> str:
    """What is wrong with the bracket at ``position`` (``char`` of the flow text, ``printed`` in the file: a
    full-width one is quoted so, with its full-width partner), quoting the words next to it."""
    before, after = paragraph[max(0, position - CONTEXT):position], paragraph[position + 1:position + 1 + CONTEXT]
    wide = printed != char and printed == _WIDE.get(char)

    def shown(mark: str) -> str:
        return _WIDE.get(mark, mark) if wide else mark

    if char in _ASCII_CLOSERS:
        return _("“{opener}” is closed by an ASCII {mark} after “{before}”; write “{closer}”",
                 opener=_ASCII_CLOSERS[char], mark=char, before=before, closer=PAIRS[_ASCII_CLOSERS[char]])
    if char in _CLOSERS:
        return _("“{mark}” after “{before}” closes a “{opener}” that was never opened",
                 mark=printed, before=before, opener=shown(_CLOSERS[char]))
    return _("“{mark}” before “{after}” is never closed (expected a “{closer}” in this paragraph)",
             mark=printed, after=after, closer=shown(PAIRS[char]))


def _scan(paragraph: str) -> tuple[list[tuple[int, int]], list[tuple[int, str]]]:
    """Matched ``(opener, closer)`` positions and the brackets left without a partner (an ASCII
    quote closing a typographic one stands for the pair), in one pass: each opener is pushed and
    popped at most once, and a closer finds out whether its opener is on the stack from a count
    per kind, so the scan is linear."""
    if not _MARKS.search(paragraph):
        return [], []
    stack: list[tuple[int, str]] = []
    open_count = dict.fromkeys(PAIRS, 0)
    pairs: list[tuple[int, int]] = []
    lonely: list[tuple[int, str]] = []
    for mark in _MARKS.finditer(paragraph):
        position, char = mark.start(), mark.group()
        if char in PAIRS:
            stack.append((position, char))
            open_count[char] += 1
            continue
        opener = _CLOSERS.get(char) or _ASCII_CLOSERS.get(char)
        if opener is None:
            continue
        if char in _ASCII_CLOSERS and not open_count[opener]:
            continue  # an ASCII quote of its own ("5" for inches, an apostrophe)
        if char == "’" and not open_count[opener] and _LATIN_LETTER.fullmatch(paragraph[position - 1:position] or " "):
            continue  # an apostrophe after a Latin letter ("Government’s")
        if open_count[opener]:
            while stack[-1][1] != opener:
                lonely.append(stack.pop())
                open_count[lonely[-1][1]] -= 1
            at, _ = stack.pop()
            open_count[opener] -= 1
            if char in _ASCII_CLOSERS:
                lonely.append((position, char))
            else:
                pairs.append((at, position))
        elif not (char == ")" and _LABEL.match(paragraph, 0, position)) and paragraph[position - 1:position] != char:
            lonely.append((position, char))
    return pairs, sorted(lonely + stack)


def _cut_off(paragraph: str) -> bool:
    """Whether the file's last paragraph stops mid-sentence (an excerpt, a truncated page)."""
    return not paragraph.rstrip() or paragraph.rstrip()[-1] not in _COMPLETE_END


def _joined_paragraphs(text: str):
    """The paragraphs that hold a bracket or quotation mark (table rows skipped), with their
    :func:`_scan` and whether they are the text's last paragraph; a paragraph left open is joined
    with the next one when that one closes a bracket it never opened (flow text breaks after
    short numbered lines)."""
    pieces, start = [], 0
    for paragraph in text.split("\n"):
        pieces.append((start, paragraph))
        start += len(paragraph) + 1
    last = len(pieces) - 1
    while last >= 0 and "\t" in pieces[last][1]:
        last -= 1
    index = 0
    while index < len(pieces):
        start, paragraph = pieces[index]
        index += 1
        if "\t" in paragraph or not _MARKS.search(paragraph):
            continue
        scan = _scan(paragraph)
        joined = 0
        while (
            joined < MAX_JOINED and index < len(pieces) and "\t" not in pieces[index][1]
            and any(char in PAIRS for _, char in scan[1])
            and any(char in _CLOSERS for _, char in _scan(pieces[index][1])[1])
        ):
            paragraph = text[start:pieces[index][0] + len(pieces[index][1])]
            scan = _scan(paragraph)
            index += 1
            joined += 1
        yield start, paragraph, scan, index > last
