"""The script of a document: simplified, or traditional throughout (a converted copy).

A document written in traditional characters gets one LNG005 finding; every rule reads its simplified copy instead
(``Document.flow``), so that 項目 is neither a typo of 项目 nor a word jieba does not know, and 萬元, 佔 and 增長 are
amounts, shares and changes; the findings quote the characters the file writes (``Document.written_flow``).
"""

from __future__ import annotations

from dataclasses import dataclass

from linter.language import lexicon as lex
from linter.patterns import compile_re

#: From this share of converted characters on, the whole document is in traditional script
#: (in traditional text about a third of the characters differ; a pasted paragraph is far less).
WHOLE_DOCUMENT_SHARE = 0.1
#: Everything but Chinese characters (the complement of the class ``lex.HAN``): deleting it
#: leaves the characters to count.
_NOT_HAN = compile_re(f"[^{lex.HAN[1:-1]}]+")


@dataclass(frozen=True)
class Conversion:
    """A text and its simplified copy, character for character (a line whose phrase
    conversion changes its length is converted a character at a time)."""

    text: str
    simplified: str
    #: How many characters convert, and how many Chinese characters the text has.
    converted: int
    chinese: int

    @property
    def traditional(self) -> bool:
        """Whether the text is written in traditional characters throughout."""
        return self.converted > 0 and self.converted >= WHOLE_DOCUMENT_SHARE * self.chinese


def conversion(text: str) -> Conversion:
    """``text`` converted to simplified characters, one for one."""
    # OpenCC matches no phrase across a line break: the text converts line by line at once.
    simplified = lex.to_simplified(text)
    if simplified == text:
        return Conversion(text, text, 0, 0)
    if len(simplified) != len(text):
        simplified = "\n".join(
            converted if len(converted) == len(line) else "".join(map(lex.to_simplified, line))
            for line, converted in zip(text.split("\n"), simplified.split("\n"))
        )
    converted = sum(a != b for a, b in zip(text, simplified))
    return Conversion(text, simplified, converted, len(_NOT_HAN.sub("", text)))


def document_conversion(document) -> Conversion:
    """The flow text's :class:`Conversion`, once per document (``document.derived``)."""
    return document.derived(_flow_conversion)


def _flow_conversion(document) -> Conversion:
    return conversion(document.written_flow.text)
