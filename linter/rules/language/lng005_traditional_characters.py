"""LNG005 traditional-characters."""

from __future__ import annotations

from linter.check.finding import Fix, Severity
from linter.check.rule import Rule
from linter.i18n import _
from linter.language import lexicon as lex
from linter.language.script import document_conversion, traditional_runs



class TraditionalCharacters(Rule):
    """A run of traditional characters in a simplified-Chinese document ("負責區級電子政務").

    Text pasted from a traditional-script source keeps its characters. OpenCC's
    traditional→simplified table (with its phrase table) tells which characters change;
    runs of at least three converted characters are reported, one finding a run, with the
    simplified text as a fix, safe (``--fix`` applies it) when no phrase decides a character. A
    document written in traditional characters throughout (a converted copy, a Hong Kong or Taiwan
    style text) gets one finding saying so.

    **Anti-pattern**

        負責區級電子政務信息系統的建設、維護和技術保障。

    **Best practice**

        负责区级电子政务信息系统的建设、维护和技术保障。
    """

    code = "LNG005"
    name = "traditional-characters"
    severity = Severity.WARNING
    fixable = True

    def check(self, document, context):
        script = document_conversion(document)
        runs = [(start, end, count, script.text[start:end], script.simplified[start:end])
                for start, end, count in traditional_runs(document)]
        if not runs:
            return
        if script.traditional:
            start, end, old, new = runs[0][:2] + runs[0][3:]
            yield self.finding(
                document,
                document.span(start, end),
                _("the document is written in traditional characters ({converted} of {chinese} Chinese "
                  "characters convert, e.g. “{found}” → “{simplified}”); a disclosure is published in "
                  "simplified characters", converted=script.converted, chinese=script.chinese, found=_shortened(old),
                  simplified=_shortened(new)),
            )
            return
        for start, end, count, old, new in runs:
            yield self.finding(
                document,
                document.span(start, end),
                _("{count} traditional characters in a simplified document: “{found}” → “{simplified}”",
                  count=count, found=_shortened(old), simplified=_shortened(new)),
                expected=new,
                fix=_fix(document, start, end),
            )


def _shortened(text: str, limit: int = 16) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _fix(document, start: int, end: int) -> Fix | None:
    """The original text of the run, converted (None when conversion changes its length); safe when
    every character converts on its own as it does in the run."""
    source_start, source_end = document.flow.source_span(start, end)
    original = document.original.text[source_start:source_end]
    converted = lex.to_simplified(original)
    if len(converted) != len(original):
        return None
    # Safe when no phrase chose a character: each converts the same on its own.
    return Fix(source_start, source_end, converted, safe=converted == "".join(map(lex.to_simplified, original)))
