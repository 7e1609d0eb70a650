"""PUN003 ascii-punctuation."""

from __future__ import annotations

from collections import Counter

from linter.check.finding import Fix, Severity
from linter.check.rule import Rule
from linter.i18n import _
from linter.patterns import compile_regex

FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
#: An ASCII mark between Chinese text on both sides (a space may follow it).
_ASCII = compile_regex(r"(?<=[\p{Han}”)])([,;:?!])(?= ?\p{Han})")
_FULL = compile_regex(r"(?<=[\p{Han}”)])([，；：？！])(?=\p{Han})")
#: The document must use the full-width mark this many times as often as the ASCII one.
MIN_RATIO = 10


class AsciiPunctuation(Rule):
    """An ASCII comma, colon or semicolon in a Chinese sentence of a full-width document ("资金,包括").

    Only marks between Chinese characters count, and only when the document writes the
    full-width mark at least ten times as often (a document written with ASCII marks
    throughout has a style, not a slip). Replacing it by the full-width mark is an unsafe fix.

    **Anti-pattern**

        主要原因是人员增加，项目增加，设备更新，系统升级，运维费用增加，培训增加，会议增加，差旅增加，印刷增加，邮电增加，物业费增加。
        机关运行经费：指为保障行政单位运行用于购买货物和服务的各项资金,包括办公费。

    **Best practice**

        主要原因是人员增加，项目增加，设备更新，系统升级，运维费用增加，培训增加，会议增加，差旅增加，印刷增加，邮电增加，物业费增加。
        机关运行经费：指为保障行政单位运行用于购买货物和服务的各项资金，包括办公费。
    """

    code = "PUN003"
    name = "ascii-punctuation"
    severity = Severity.INFO
    fixable = True

    def check(self, document, context):
        text = document.flow.text
        marks = list(_ASCII.finditer(text))
        if not marks:
            return
        full = Counter(_FULL.findall(text))
        ascii_counts = Counter(match.group() for match in marks)
        for match in marks:
            mark = match.group()
            if full.get(FULL_WIDTH[mark], 0) < MIN_RATIO * ascii_counts[mark]:
                continue
            origin = document.flow.source_span(match.start(), match.end())[0]
            yield self.finding(
                document,
                document.span(match.start(), match.end()),
                _("ASCII “{mark}” inside a Chinese sentence; the document writes “{full_width}” elsewhere",
                  mark=mark, full_width=FULL_WIDTH[mark]),
                expected=FULL_WIDTH[mark],
                fix=Fix(origin, origin + 1, FULL_WIDTH[mark], safe=False),
            )

