"""DOC002 obsolete-subject."""

from __future__ import annotations

import re

import regex

from linter.check.finding import Fix, Severity
from linter.check.rule import Rule
from linter.i18n import _
from linter.language.lexicon import normalise, subjects
from linter.extract.quantities import NAME_JOINERS
from linter.extract.subjects import subjects as reference
from linter.language.subjects import SubjectUse
from linter.rules.shared import flow_year

#: Obsolete names this long are subject names wherever they stand; shorter ones are common
#: words ("医疗保障") and count only in the glossary's subject list or before a level marker.
MIN_FREE_STANDING = 6


#: Words that go on from a name into a longer phrase (not its 支出: "行政事业单位离退休支出" is the subject).
_RUNS_ON = re.compile(r"(?!支出)[\u4e00-\u9fff]")
#: Words before a name that make it a description of what a subject covers, not the subject's name
#: ("行政事业单位养老支出（款）：反映行政事业单位离退休支出及…", "…：指行政事业单位离退休、机关事业单位…").
_DESCRIBING = ("反映", "用于", "指", "包括")
#: A duty the clause states (the department's 职责: "负责管理县级财政社会保障和就业及医疗卫生支出"): its words
#: are the 三定 wording of the department's work, not subjects.
_DUTY = re.compile(r"负责|承担|协助|指导")


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding ``at`` starts (after the last mark of a clause or a line's end)."""
    return max(text.rfind(mark, 0, at) for mark in "，,。；;：:\n") + 1


class ObsoleteSubject(Rule):
    """A subject called by a name the 政府收支分类科目 no longer had in the document's year
    ("医疗卫生与计划生育支出" in a 2022 disclosure).

    Subjects were renamed (2019: 医疗卫生与计划生育支出 → 卫生健康支出; 文化体育与传媒支出 →
    文化旅游体育与传媒支出; 医疗保障 → 行政事业单位医疗, …); an old name shows a glossary or
    table copied from an old disclosure. The catalogue is versioned (``subjects.tsv`` gives
    each name's years): a name is judged against the catalogue of the document's own year,
    read from its title ("2022年度部门决算"); a document whose year is unknown is not judged.
    The name of that year is offered as an unsafe fix.

    **Anti-pattern**

        2022年度部门决算
        2、医疗卫生与计划生育支出(类)医疗保障(款)事业单位医疗(项)。

    **Best practice**

        2022年度部门决算
        2、卫生健康支出(类)行政事业单位医疗(款)事业单位医疗(项)。
    """

    code = "DOC002"
    name = "obsolete-subject"
    severity = Severity.WARNING
    fixable = True

    def check(self, document, context):
        text = document.flow.text
        year = document.derived(flow_year)
        if year is None:
            return
        retired = {name: (code, last) for name, (code, last) in subjects().retired.items() if last < year}
        if not retired:
            return
        use = SubjectUse(text)  # its glossary is looked for at the first obsolete name
        # A class named with its marker before its 支出 ("医疗卫生与计划生育（类）支出").
        stems = {name[:-2]: name for name in retired if name.endswith("支出") and len(name) > 4}
        # ``re``: twice as fast as ``regex`` on an alternation of plain names.
        pattern = re.compile("|".join([re.escape(name) for name in sorted(retired, key=len, reverse=True)]
                                      + [re.escape(stem) + r"(?=\(类\)支出)" for stem in stems]))
        for match in pattern.finditer(text):
            name = stems.get(match.group(), match.group())
            glossary = use.glossary if use.lists_every_subject else (0, 0)  # not the prose of items by path
            in_glossary = glossary[0] <= match.start() < glossary[1]
            marked = regex.match(r"\s*\((类|款|项)\)", text[match.end():match.end() + 6])
            if len(name) < MIN_FREE_STANDING and not (in_glossary or marked):
                continue
            if text[match.start() - 1:match.start()] in NAME_JOINERS:
                continue  # the end of a compound name ("罪犯生活及医疗卫生支出": 2040704's, no 医疗卫生支出)
            start, end = document.flow.source_span(match.start(), match.end())
            if not marked and (_RUNS_ON.match(text, match.end()) or text[max(0, match.start() - 2):match.start()].endswith(_DESCRIBING)
                               or _DUTY.search(text, _clause_start(text, match.start()), match.start())):
                # the start of a longer phrase ("行政事业单位离退休人员经费", also wrapped), what a subject covers
                # ("反映行政事业单位离退休支出") or a duty ("负责管理县级…医疗卫生支出"), not the subject
                continue
            code, last = retired[name]
            current = normalise(reference()[code].name_in(year))
            fix = Fix(start, end, current, safe=False) if end - start == len(name) else None
            yield self.finding(
                document,
                document.span(match.start(), match.end()),
                _("“{name}” is an obsolete subject name: it was used until {last}; the {year} 政府收支分类科目 "
                  "calls it “{current}”", name=name, last=last, year=year, current=current),
                expected=current,
                fix=fix,
            )
