"""DOC004 numbering-gap."""

from __future__ import annotations

from bisect import bisect_right

from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.i18n import _
from linter.language.structure import definitions, heading_lists, numbered_items, sub_headings
from linter.numerals import chinese_int
from linter.patterns import compile_re
from linter.rules.shared import part_headings


class NumberingGap(Rule):
    """Numbered headings of a part skip or repeat a number ("一、二、四、").

    Within each part (and before the first), first-level headings "一、" … go up by one; a
    new list may start again at 一. Under each of them, the items "（一）" … that open a line or follow
    a sentence's end go up by one too, and so do the items "1." (or "1、") under each of those, or under
    the heading before its first "（一）", where they open a line or follow a sentence's or a clause's end
    ("具体项目如下：1.…；2.…"); there a number may go back (a list inside a list numbered alike) but not
    skip one. Numerals are read in full (十一, 二十, 廿一). Sentences and
    table rows that begin with a numeral are not headings: a run of numbered lines holding
    figures, tab-separated cells or two labels side by side is a table, and so is a line inside a
    table read as one (its row labels one cell a line, as a PDF's text gives them); a table of
    contents is a list of its own, and so is an appendix's ("附件：…"); a heading wrapped onto the
    next line or holding quotes (“三公”) is one heading. The terms a 名词解释 part defines, numbered sentences
    ("一、财政拨款收入：指…", "2.事业收入：指…"), go up by one as well.

    **Anti-pattern**

        一、收入支出决算总体情况说明
        2022年度收、支总计199.25万元，主要原因是业务量增加。
        二、收入决算情况说明
        2022年度收入合计199.25万元，主要原因是业务量增加。
        四、支出决算情况说明
        2022年度支出合计199.25万元，主要原因是业务量增加。

    **Best practice**

        一、收入支出决算总体情况说明
        2022年度收、支总计199.25万元，主要原因是业务量增加。
        二、收入决算情况说明
        2022年度收入合计199.25万元，主要原因是业务量增加。
        三、支出决算情况说明
        2022年度支出合计199.25万元，主要原因是业务量增加。
    """

    code = "DOC004"
    name = "numbering-gap"
    severity = Severity.WARNING

    def check(self, document, context):
        text = document.flow.text
        parts = document.derived(part_headings)
        bounds = [0] + [part.start for part in parts] + [len(text)]
        # A table's title stays a heading: numbered among the tables' titles ("五、政府采购预算明细表", a table not
        # read, before "六、财政拨款“三公”经费支出表").
        regions = sorted((max(table.start, table.title_end), table.end) for table in document.tables)
        starts = [a for a, _ in regions]
        reported = set()
        for start, end in zip(bounds, bounds[1:]):
            for found in heading_lists(text, start, end):
                # A table's row labels ("一、本年收入", "二、上年结转", one cell a line in a PDF's text) are no headings.
                found = [h for h in found if not _in_a_table(document.flow.origin(h.start), regions, starts)]
                for finding in self._gaps(document, found):
                    reported.add(finding.span.start_offset)
                    yield finding
                # The "（一）" items under each heading are numbered on their own, and the "1." items under each of
                # those (or under the heading, before its first "（一）").
                sections = [h.start for h in found] + [end]
                for section_start, section_end in zip(sections, sections[1:]):
                    items = [h for h in sub_headings(text, section_start, section_end)
                             if not _in_a_table(document.flow.origin(h.start), regions, starts)]
                    yield from self._gaps(document, items)
                    bounds = [section_start] + [h.start for h in items] + [section_end]
                    for item_start, item_end in zip(bounds, bounds[1:]):
                        listed = [h for h in numbered_items(text, item_start, item_end)
                                  if not _in_a_table(document.flow.origin(h.start), regions, starts)]
                        yield from self._gaps(document, listed, repeats=False)

        # The terms a 名词解释 part defines ("一、财政拨款收入：指…"), numbered sentences, are numbered on their own too.
        for part, following in zip(parts, [*parts[1:], None]):
            if "名词解释" in part.title:
                for found in definitions(text, part.end, following.start if following else len(text)):
                    yield from (f for f in self._gaps(document, found) if f.span.start_offset not in reported)

    def _gaps(self, document, found, repeats: bool = True):
        """The headings of ``found`` that skip a number (or, with ``repeats``, repeat or go back to one)."""
        # The number each heading should have had: a heading numbered wrong alone ("十、…", "十二、…",
        # "十二、…", "十三、…") is the only one reported, the next counted on from the number it should have.
        expected_numbers = [heading.number for heading in found]
        for index in range(1, len(found)):
            previous, heading = found[index - 1], found[index]
            before = expected_numbers[index - 1]
            if heading.number in (1, before + 1) or (not repeats and heading.number <= before):
                continue  # (a list numbered 1., 2. … may hold a list numbered alike: going back is no slip there)
            if heading.number > before + 1 and _numbered_lines_between(document.flow.text, previous.end, heading.start) \
                    >= set(range(before + 1, heading.number)):
                continue  # the numbers between open lines of their own that run on as sentences: items, no gap
                # ("十三、…（项）：" then "十四、…（项）：反映…" … "二十、…", then "二十一、…（项）：", a 名词解释's terms)
            following = found[index + 1].number if index + 1 < len(found) else None
            if following == before + 2:
                expected_numbers[index] = before + 1  # this heading alone was numbered wrong
            yield self.finding(
                document,
                document.span(heading.start, heading.end),
                _("heading number {number} follows {previous}; expected {expected} (“{title}” after “{previous_title}”)",
                  number=heading.number, previous=before, title=heading.title, previous_title=previous.title,
                  expected=before + 1),
                expected=str(before + 1),
            )


def _numbered_lines_between(text: str, start: int, end: int) -> set[int]:
    """The numbers "十四、" … of the lines between flow offsets ``start`` and ``end`` that open with one, and hold words
    only (no table's row: "三、国防支出  11")."""
    return {number for match in _LINE_NUMBER.finditer(text, start, end) if (number := chinese_int(match[1])) is not None}


#: A line opening with a first-level number ("十四、"), no digit or tab on it.
_LINE_NUMBER = compile_re(r"(?m)^[ \u3000]*([一二三四五六七八九十百]{1,4})、[^\d\t\n]*$")


def _in_a_table(offset: int, regions: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether original offset ``offset`` lies in one of the tables' ``regions`` (sorted; ``starts``
    their starts): the last one starting before it, or the one before (regions may nest)."""
    at = bisect_right(starts, offset)
    return any(regions[i][0] <= offset < regions[i][1] for i in range(max(0, at - 2), at))
