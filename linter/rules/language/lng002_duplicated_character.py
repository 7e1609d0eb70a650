"""LNG002 duplicated-character."""

from __future__ import annotations

import math

import regex

from linter.check.finding import Fix, Severity
from linter.check.rule import Rule
from linter.i18n import _
from linter.language import lexicon as lex
from linter.language.spans import adjacent_in_source
from linter.language.typos import typo_finder

_DOUBLED = regex.compile(r"(\p{Han})\1")
#: How much likelier (jieba's word model) the text must read without the second character.
_LIKELIER = math.log(50)


class DuplicatedCharacter(Rule):
    """A character typed twice ("各各增加").

    A doubled character is reported when the pair is no word (人人, 常常 and the like are), the
    segmenter places neither copy in a word ("申报报批" is 申报 + 报批, "市市场" is 市 + 市场), the
    copies touch in the file (two table cells "无 无" do not) and the sentence reads far likelier
    with one of them (jieba's word model). Deleting the second copy is a safe fix.

    **Anti-pattern**

        与2021年度相比，财政拨款收、支总计各各增加144.11万元。

    **Best practice**

        与2021年度相比，财政拨款收、支总计各增加144.11万元。
    """

    code = "LNG002"
    name = "duplicated-character"
    severity = Severity.WARNING
    fixable = True

    def check(self, document, context):
        text = document.flow.text
        loose = None
        for match in _DOUBLED.finditer(text):
            second = match.start() + 1
            if lex.is_word(match.group()) or not adjacent_in_source(document, second, second):
                continue
            loose = loose if loose is not None else typo_finder(text).loose
            if not {match.start(), match.start() + 1} <= loose or not _reads_better_once(text, match.start()):
                continue
            origin = document.flow.source_span(second, second + 1)[0]
            yield self.finding(
                document,
                document.span(match.start(), match.end()),
                _("duplicated character “{found}”: write “{single}” once", found=match.group(), single=match.group(1)),
                expected=match.group(1),
                fix=Fix(origin, origin + 1, ""),
            )


def _reads_better_once(text: str, at: int) -> bool:
    """Whether the clause around a doubled character at ``at`` is far likelier without one."""
    start = max(0, at - 4)
    doubled, single = text[start:at + 6], text[start:at + 1] + text[at + 2:at + 6]
    return _log_probability(single) - _log_probability(doubled) > _LIKELIER


def _log_probability(text: str) -> float:
    """jieba's best-segmentation log probability of ``text``."""
    segmenter = lex.tokenizer()
    dag = segmenter.get_DAG(text)
    route: dict[int, tuple[float, int]] = {}
    segmenter.calc(text, dag, route)
    return route[0][0]
