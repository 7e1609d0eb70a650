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
#: Converted characters this close together belong to one run (so do those of one sentence, farther apart).
MAX_GAP = 6
#: The marks that end a sentence: converted characters on either side of one are of two runs unless close together.
_SENTENCE_ENDS = frozenset("。；;！!？?")
#: A run needs this many converted characters (single ones are often variants in good use).
MIN_CONVERTED = 3
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


def traditional_runs(document) -> list[tuple[int, int, int]]:
    """``(start, end, converted characters)`` of each run of traditional characters in the written flow text (LNG005's),
    once per document: at least :data:`MIN_CONVERTED` converted characters close together or in one sentence."""
    return document.derived(_traditional_runs)


def in_traditional_run(document, start: int, end: int) -> bool:
    """Whether flow text ``[start, end)`` lies in a run of traditional characters pasted into a simplified document
    (LNG005 reports the run; the words in it are read once it is converted)."""
    return not document_conversion(document).traditional and any(
        run_start < end and start < run_end for run_start, run_end, _ in traditional_runs(document))


def _traditional_runs(document) -> list[tuple[int, int, int]]:
    script, runs, line_start = document_conversion(document), [], 0
    if not script.converted:
        return runs
    for line, simplified in zip(script.text.split("\n"), script.simplified.split("\n")):
        if simplified != line:
            changed = [i for i, (a, b) in enumerate(zip(line, simplified)) if a != b]
            runs += [(line_start + run[0], line_start + run[-1] + 1, len(run)) for run in _runs(changed, line)
                     if len(run) >= MIN_CONVERTED]
        line_start += len(line) + 1
    return runs


def _runs(positions: list[int], line: str) -> list[list[int]]:
    """The converted characters' ``positions`` on ``line``, grouped in runs: close together or in one sentence
    ("負責全旗森林草原防火工作，承擔旗…指揮部": one run, though no three of them stand within :data:`MAX_GAP`)."""
    runs: list[list[int]] = []
    for position in positions:
        if runs and (position - runs[-1][-1] <= MAX_GAP or _SENTENCE_ENDS.isdisjoint(line[runs[-1][-1]:position])):
            runs[-1].append(position)
        else:
            runs.append([position])
    return runs
