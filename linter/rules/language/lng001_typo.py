"""LNG001 typo."""

from __future__ import annotations

from linter.check.finding import Fix, Severity
from linter.check.rule import Rule
from linter.i18n import _
from linter.language.lexicon import lexicon
from linter.language.script import in_traditional_run
from linter.language.typos import one_edit, typo_finder


class Typo(Rule):
    """A character sequence that is not a word but is one edit away from a domain word ("财收部").

    Found by a general method, not a list of known typos: the text is segmented with jieba and
    the domain lexicon (subject names, section titles, the standard 名词解释 and boilerplate);
    a near copy of a standard phrase with one homophone or look-alike, or a stray, missing or
    wrong character where no word stands, or a non-word that one homophone or look-alike
    character turns into a word the document uses (or, with stronger evidence from jieba's word
    model, a word of the domain lexicon or a common word), is reported with its correction. The fix is safe when the correction comes from the lexicon.
    A document written in traditional characters throughout is read in its simplified form
    (LNG005 reports the script once).

    **Anti-pattern**

        5.住房公积金：反映行政事业单位按人力资源和社会保障部、财收部规定的基本工资和津贴补贴以及规定比例为职工缴纳的住房公积金。

    **Best practice**

        5.住房公积金：反映行政事业单位按人力资源和社会保障部、财政部规定的基本工资和津贴补贴以及规定比例为职工缴纳的住房公积金。
    """

    code = "LNG001"
    name = "typo"
    severity = Severity.WARNING
    fixable = True

    def check(self, document, context):
        text = document.written_flow.text
        for typo in typo_finder(document.flow.text).find():
            if in_traditional_run(document, typo.start, typo.end):
                continue  # "應急" in a pasted run of traditional characters: LNG005's, read once converted
            if typo.relation == "missing" and _ends_a_line(document, typo.end):
                continue  # a word cut at a line's end, its end lost or printed elsewhere in a PDF's text ("精准防")
            found = text[typo.start:typo.end]  # as written, in a document of traditional script too
            if typo.relation == "transposition":
                evidence = _("two characters swapped")
            elif typo.relation == "missing":
                evidence = (_("a character missing from the standard phrase “{phrase}”", phrase=typo.evidence)
                            if typo.source == "lexicon" else
                            _("a character missing from “{word}”, which the document writes elsewhere", word=typo.correction))
            elif typo.source == "lexicon":
                evidence = _("standard phrase “{phrase}”", phrase=typo.evidence)
            elif typo.relation == "shape":
                evidence = (
                    _("“{word}” is used elsewhere in the document and looks alike", word=typo.correction)
                    if typo.source == "document" else
                    _("“{word}” is a common word and looks alike; “{found}” is none", word=typo.correction, found=found)
                )
            else:
                evidence = (
                    _("“{word}” is used elsewhere in the document and reads alike", word=typo.correction)
                    if typo.source == "document" else
                    _("“{word}” is a common word and reads alike; “{found}” is none", word=typo.correction, found=found)
                )
            yield self.finding(
                document,
                document.span(typo.start, typo.end),
                _("typo “{found}”, did you mean “{correction}”? ({evidence})",
                  found=found, correction=typo.correction, evidence=evidence),
                expected=typo.correction,
                fix=_fix(document, typo),
            )


def _ends_a_line(document, end: int) -> bool:
    """Whether the flow text's ``end`` is a line's end in the original."""
    after = document.flow.source_span(end - 1, end)[1]
    return document.original.text[after:after + 1] in ("\n", "\r")


def _fix(document, typo) -> Fix | None:
    """Edit only the characters that change, so line breaks inside the word stay."""
    if typo.relation == "transposition":
        return _swap(document, typo)
    edit = one_edit(typo.found, typo.correction)
    if edit is None:
        return None  # the narrowed typo is no longer one edit away from its correction
    flow_at = typo.start + edit.index
    origin = document.flow.source_span(flow_at, flow_at + 1)[0]
    safe = typo.source == "lexicon" or typo.correction in lexicon()
    if edit.kind == "substitute":
        return Fix(origin, origin + 1, typo.correction[edit.index], safe)
    if edit.kind == "insert":
        return Fix(origin, origin + 1, "", safe)
    return Fix(origin, origin, typo.correction[edit.index], safe)



def _swap(document, typo) -> Fix | None:
    """Swap the two characters back, where they stand side by side in the file."""
    at = next(i for i, (a, b) in enumerate(zip(typo.found, typo.correction)) if a != b)
    first, second = (document.flow.source_span(typo.start + i, typo.start + i + 1)[0] for i in (at, at + 1))
    if second != first + 1:
        return None  # a line break between them
    return Fix(first, first + 2, typo.correction[at:at + 2], typo.source == "lexicon" or typo.correction in lexicon())
