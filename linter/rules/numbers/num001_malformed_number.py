"""NUM001 malformed-number."""

from __future__ import annotations

from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.extract.numbers import problem
from linter.i18n import N_, _
from linter.patterns import compile_re

#: A number broken by a space after a thousands comma ("6,214, 380.55元", a line break mended by hand).
_SPACED = compile_re(r"(?<![\d.,，])\d{1,3}(?:,\d{3})*, \d{3}(?:\.\d+)?(?=[万亿]?元)")
#: An amount or a percentage with a letter O typed among its digits ("13O57.94万元"): the text reads no
#: number there at all, so it is found apart (a letter or digit before it makes it a code, "CO2").
_LETTER_O = compile_re(r"(?<![A-Za-z0-9_.,])\d[\d.,]*(?:[OoО][\d.,]*)+\d(?=\s?(?:%|万元|亿元|元))")


class MalformedNumber(Rule):
    """An amount or percentage that is not a number ("72.83.1%", "1,2345.6万元", "12..5%"), in
    the text or in a table cell.

    Hand edits of copied drafts leave two decimal points, doubled separators or thousands
    groups that are not three digits long; a line break mended by hand leaves a space after a
    thousands comma ("6,214, 380.55元"). No reader can tell which value was meant. Numbers
    listed with a comma after their decimals ("1234.56,2345.67万元") are a list, not one number.
    A malformed rate none of whose readings the amounts give ("72.83.1%" for 78.1%) is also
    recomputed by ARI001–ARI003; one holding the right digits ("75.3.1%" for 75.3%) is this rule's alone.

    **Anti-pattern**

        完成年初预算的72.83.1%。

    **Best practice**

        完成年初预算的78.1%。
    """

    code = "NUM001"
    name = "malformed-number"
    severity = Severity.ERROR

    def check(self, document, context):
        for number in document.numbers:
            if number.malformed:
                yield self.finding(
                    document,
                    document.span(number.start, number.end),
                    _("malformed number {number}: {problem} (a number has one decimal point and thousands "
                      "groups of three digits)", number=number.text + number.unit, problem=_(problem(number.text))),
                )
        text = document.flow.text
        # (each pattern only where the text holds what it needs: a look is far faster than a scan)
        for needs, pattern, problem_of in (((", ",), _SPACED, lambda _number: N_("a space inside it")),
                                           (("O", "o", "О"), _LETTER_O, problem)):
            for match in pattern.finditer(text) if any(need in text for need in needs) else ():
                yield self.finding(
                    document,
                    document.span(match.start(), match.end()),
                    _("malformed number {number}: {problem} (a number has one decimal point and thousands "
                      "groups of three digits)", number=match.group(), problem=_(problem_of(match.group()))),
                )
        for table in document.tables:
            for cell in table.malformed:
                yield self.finding(
                    document,
                    document.source_span(cell.start, cell.end),
                    _("malformed number {number} in {table}: {problem} (a number has one decimal point and "
                      "thousands groups of three digits)", number=cell.text, table=table.label,
                      problem=_(problem(cell.text))),
                )
