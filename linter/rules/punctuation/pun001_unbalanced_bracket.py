"""PUN001 unbalanced-bracket."""

from __future__ import annotations

import regex

from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.i18n import _

#: Opening → closing characters checked (flow text has full-width brackets made ASCII).
PAIRS = {"(": ")", "[": "]", "【": "】", "《": "》", "“": "”", "‘": "’", "〔": "〕"}
_CLOSERS = {closer: opener for opener, closer in PAIRS.items()}
#: A list label with a lone closing bracket ("1)", "a)", "二)") starting a paragraph or clause.
_LABEL = regex.compile(r"(?:^|[，；。：、,;:\s])[0-9A-Za-z一二三四五六七八九十]{1,2}$")


class UnbalancedBracket(Rule):
    """A bracket or quotation mark opened and never closed, or closed without being opened.

    Brackets are matched within a paragraph (wrapped lines are joined, so a pair may span a
    line break). A closing bracket doubled ("税））") is PUN002's; table rows, whose cells
    are split over lines, are skipped.

    **Anti-pattern**

        财政拨款收入(含一般公共预算财政拨款收入、其他收入。

    **Best practice**

        财政拨款收入(含一般公共预算财政拨款收入、其他收入)。
    """

    code = "PUN001"
    name = "unbalanced-bracket"
    severity = Severity.WARNING

    def check(self, document, context):
        for start, paragraph in _joined_paragraphs(document.flow.text):
            for position, char in unbalanced(paragraph):
                at = start + position
                if char in _CLOSERS:
                    message = _("“{mark}” closes a “{opener}” that was never opened", mark=char, opener=_CLOSERS[char])
                else:
                    message = _("“{mark}” is never closed (expected a “{closer}” in this paragraph)",
                                mark=char, closer=PAIRS[char])
                yield self.finding(document, document.span(at, at + 1), message)


def unbalanced(paragraph: str) -> list[tuple[int, str]]:
    """Positions of the brackets of ``paragraph`` that have no partner."""
    stack: list[tuple[int, str]] = []
    lonely: list[tuple[int, str]] = []
    for position, char in enumerate(paragraph):
        if char in PAIRS:
            stack.append((position, char))
        elif char in _CLOSERS:
            if stack and stack[-1][1] == _CLOSERS[char]:
                stack.pop()
            elif any(opener == _CLOSERS[char] for _, opener in stack):
                while stack[-1][1] != _CLOSERS[char]:
                    lonely.append(stack.pop())
                stack.pop()
            elif not (char == ")" and _LABEL.search(paragraph, 0, position)) and paragraph[position - 1:position] != char:
                lonely.append((position, char))
    return sorted(lonely + stack)


def _joined_paragraphs(text: str):
    """Paragraphs (table rows skipped); a paragraph left open is joined with the next one when
    that one closes a bracket it never opened (flow text breaks after short numbered lines)."""
    pieces, start = [], 0
    for paragraph in text.split("\n"):
        pieces.append((start, paragraph))
        start += len(paragraph) + 1
    index = 0
    while index < len(pieces):
        start, paragraph = pieces[index]
        index += 1
        if "\t" in paragraph:
            continue
        while index < len(pieces) and "\t" not in pieces[index][1] and _open(paragraph) and _closes(pieces[index][1]):
            paragraph = text[start:pieces[index][0] + len(pieces[index][1])]
            index += 1
        yield start, paragraph


def _open(paragraph: str) -> bool:
    return any(char in PAIRS for _, char in unbalanced(paragraph))


def _closes(paragraph: str) -> bool:
    return any(char in _CLOSERS for _, char in unbalanced(paragraph))
