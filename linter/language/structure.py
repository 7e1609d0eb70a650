"""The parts (第一部分 …) and numbered headings (一、二、 …) of a disclosure's flow text."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from linter.normalise.flow import is_heading
from linter.numerals import chinese_int

_PART = regex.compile(r"^\s*第([一二三四五六七八九十]+)部分\s*(.*)$", regex.MULTILINE)
_HEADING = regex.compile(r"^\s*([一二三四五六七八九十]+)、(.*)$", regex.MULTILINE)
#: The parts of a 决算 / 预算 disclosure in their order, each known by a word of its title.
PART_KINDS = (("概况", "概况"), ("决算表", "表"), ("预算表", "表"), ("情况说明", "情况说明"), ("重点工作", "重点工作完成情况"),
              ("名词解释", "名词解释"), ("附件", "附件"))
REQUIRED_KINDS = ("概况", "表", "情况说明", "名词解释")
#: A section title the flow text glued to its first sentence ("…变化情况2024年…").
_GLUED_TITLE = regex.compile(r"^[^，。；：,;:\d]{4,40}(?:情况|说明)(?=\d)")


def chinese_number(numeral: str) -> int | None:
    """A positive number written in Chinese numerals ("十一" → 11); None when malformed ("二十二十")."""
    return chinese_int(numeral) or None


@dataclass(frozen=True)
class Numbered:
    """A numbered line: its number, title and flow range of the label."""

    number: int
    title: str
    start: int
    end: int

    @property
    def kind(self) -> str | None:
        """Which standard part a part heading is ("表" for 部门决算表), or None."""
        title = self.title.replace(" ", "")
        for key, kind in reversed(PART_KINDS):
            if key in title:
                return kind
        return None


def parts(text: str) -> list[Numbered]:
    """Part headings; a title wrapped onto the next line ("…大数据中心2022年度⏎部门决算表")
    is completed with it."""
    found = []
    for match in _PART.finditer(text):
        number, title = chinese_number(match.group(1)), match.group(2).strip()
        if not number:
            continue
        part = Numbered(number, title, match.start(1) - 1, match.end(1) + 2)
        if part.kind is None:
            following = text[match.end() + 1:].split("\n", 1)[0]
            part = Numbered(number, title + following.strip(), part.start, part.end)
        found.append(part)
    return found


def headings(text: str, start: int, end: int) -> list[Numbered]:
    """First-level headings ("三、支出决算情况说明") of flow range ``[start, end)``; table rows
    and sentences that begin with a numeral are left out."""
    found = []
    for match in _HEADING.finditer(text, start, end):
        line = match.group().strip()
        number = chinese_number(match.group(1))
        title = match.group(2)
        glued = _GLUED_TITLE.match(title)
        if glued:
            title = glued.group()
        elif not is_heading(line):
            continue
        if number and "\t" not in line and not regex.search(r"\d|、\S*、", title):
            found.append(Numbered(number, title.strip(), match.start(1), match.end(1) + 1))
    return found
