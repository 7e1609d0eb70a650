"""Subjects (政府收支分类科目) a document uses in its tables and explains in its 名词解释."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache, cached_property

import regex

from linter.language.lexicon import is_han, normalise, subjects
from linter.normalise.flow import TITLE_YEAR
from linter.patterns import compile_regex

#: A subject code of a table row (类 3, 款 5, 项 7 digits) followed by its name; also printed over the
#: 类, 款 and 项 cells ("201	01	02	一般行政管理事务", "201 01 02").
_CODED = compile_regex(r"(?<![\d.,])(2\d{2}|2\d{4}|2\d{6}|2\d{2}[ \t]+\d{2}(?:[ \t]+\d{2})?)(?![\d.,])[ \t]*(?=\p{Han})")
_CODE_GAP = compile_regex(r"[ \t]+")
_GLOSSARY_HEADING = compile_regex(r"^.{0,12}名词解释\s*$", regex.MULTILINE)
#: (not a table's header naming a column: "项目名称	支出功能分类科目编码	决算数")
#: The level a glossary's item of the subjects names in its heading ("本部门使用的支出功能分类科目（到款级）").
_LISTED_LEVEL = compile_regex(r"[^\n]{0,30}?到(?P<level>类|款|项)级")
_SUBJECT_ITEM = compile_regex(r"^[^\t\n]{0,12}支出功能分类科目(?!编码|代码|名称)[^\t\n]*$", regex.MULTILINE)
#: A glossary item explaining a subject by its path ("一、科学技术支出（类）应用研究（款）…（项）：").
_PATH_ITEM = compile_regex(r"^[ \t\u3000]*(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．])?[ \t\u3000]*\p{Han}{2,30}\((?:类|款)\)",
                           regex.MULTILINE)
#: The next item of the glossary's outer list, marked as the subjects' item is ("(十一)结余分配" after
#: "(十)本部门使用的…", "九、…" after "八、本部门使用的…", "12." after "11."), or the next part.
_OUTER_MARKS = (r"\([一二三四五六七八九十]+\)", r"[一二三四五六七八九十]+、", r"\d{1,2}[.、](?!\d)")
_NEXT_ITEMS = {mark: compile_regex(rf"^(?:{mark}|第[一二三四五六七八九十]+部分|附件)", regex.MULTILINE) for mark in _OUTER_MARKS}
_LEVEL = compile_regex(r"\s*\((类|款|项)\)")
#: A name the glossary explains is marked with its level, defined ("事业运行：反映…"), listed ("事业运行、
#: 其他宣传事务支出(项)", "宣传事务(款)事业运行") or on a line of its own; one inside an explanation
#: ("…方面的其他支出") is prose.
_TERM_END = compile_regex(r"\s*[:：、，,]")
#: What a listed name follows: another's level marker ("宣传事务(款)事业运行") or a list mark.
_AFTER_TERM = compile_regex(r"(?:\((?:类|款)\)|[、，,])\s*$")
#: A subject named with its code in brackets, as a glossary item may explain it ("住房公积金（2210201）：").
_NAME_AND_CODE = compile_regex(r"(?<![\p{Han}(])(?P<name>\p{Han}[\p{Han}()、]{1,30}?)\((?P<code>2\d{2}(?:\d{2}){0,2})\)")
#: The code printed after a name, maybe after the rest of a longer name ("支出（2120810）").
_CODE_AFTER = compile_regex(r"\p{Han}{0,6}\((2\d{2}(?:\d{2}){0,2})\)")
#: An item's definition opened after its colon ("：反映…", "：指…"), up to the position read: the names in it are prose.
_DEFINITION = compile_regex(r"[:：]\s*(?:反映|指|是指|用于)[^:：]*$")
_ITEM_START = compile_regex(r"\s*(?:[(（]?[\d一二三四五六七八九十]{1,3}[)）.、．]\s*)*")



def original_year(document) -> int | None:
    """The year the disclosure is for (:func:`document_year`), read from the original text."""
    return document_year(document.original.text)


def document_year(text: str) -> int | None:
    """The year a disclosure is for, read from its title and part headings ("2022年度…部门决算");
    the year written most often wins (a budget may also name last year's final account).
    None when no such phrase is there."""
    years = Counter(int(match.group(1)) for match in TITLE_YEAR.finditer(text))
    if not years:
        return None
    return max(years, key=lambda year: (years[year], year))


@dataclass(frozen=True)
class Mention:
    """A subject name at flow-text ``[start, end)``, with the level marker written after it."""

    name: str
    start: int
    end: int
    level: str


class SubjectUse:
    """What one flow text says about subjects; ``rows``: ``(code, name)`` of the rows of tables read from a
    file's structure (a Word, Excel or PDF table), which the flow text leaves out."""

    def __init__(self, text: str, rows: tuple[tuple[str, str], ...] = ()) -> None:
        self.text = text
        self.rows = rows

    def name_at(self, position: int) -> str | None:
        """The longest current or obsolete subject name written at ``position``, if any."""
        names = _names_by_first_character().get(self.text[position:position + 1], ())
        return next((name for name in names if self.text.startswith(name, position)), None)

    @cached_property
    def used(self) -> dict[str, str]:
        """code → name of every subject a table row carries with its code."""
        used, catalogue = {}, subjects().names
        for match in _CODED.finditer(self.text):
            code = _CODE_GAP.sub("", match.group(1))
            name = self.name_at(match.end())
            if name and catalogue.get(code, name) == name and not _han_at(self.text, match.end() + len(name)):
                used[code] = name
        for code, name in self.rows:
            name = normalise(name)
            if catalogue.get(code, name) == name and name in _known_names():
                used[code] = name
        return used

    @cached_property
    def printed_codes(self) -> set[str]:
        """Every subject code a table row carries, whatever its name (also one the catalogue lacks)."""
        return {_CODE_GAP.sub("", match.group(1)) for match in _CODED.finditer(self.text)} | {code for code, _name in self.rows}

    @cached_property
    def explained_codes(self) -> list[tuple[str, str, int, int]]:
        """``(name, code, start, end)`` of each subject the glossary item names with its code in
        brackets ("农村危房改造（2210105）：反映…")."""
        if self.glossary is None:
            return []
        start, end = self.glossary
        return [(match.group("name"), match.group("code"), match.start(), match.end())
                for match in _NAME_AND_CODE.finditer(self.text, start, end)]

    def used_at(self, level: str) -> set[str]:
        return {name for code, name in self.used.items() if subjects().level(code) == level}

    @cached_property
    def glossary(self) -> tuple[int, int] | None:
        """Flow range of the glossary item listing the subjects used, if there is one; else of the
        glossary's items that explain a subject each by its path ("一、科学技术支出（类）应用研究（款）机构
        运行（项）：…", two or more), which need not list every subject (see :attr:`lists_every_subject`)."""
        heading = None
        for heading in _GLOSSARY_HEADING.finditer(self.text):
            pass
        if heading is None:
            return None
        item = _SUBJECT_ITEM.search(self.text, heading.end())
        if item is None:
            paths = list(_PATH_ITEM.finditer(self.text, heading.end()))
            if len(paths) < 2:
                return None
            end = self.text.find("\n", paths[-1].end())
            return paths[0].start(), end if end != -1 else len(self.text)
        mark = next((mark for mark in _OUTER_MARKS if regex.match(mark, item.group())), _OUTER_MARKS[0])
        following = _NEXT_ITEMS[mark].search(self.text, item.end())
        return item.start(), following.start() if following else len(self.text)

    @cached_property
    def lists_every_subject(self) -> bool:
        """Whether the glossary's subjects are its item "本部门使用的支出功能分类科目", which lists them all."""
        return self.glossary is not None and _SUBJECT_ITEM.match(self.text, self.glossary[0]) is not None

    @property
    def listed_level(self) -> str:
        """The level down to which the item lists the subjects: 项, unless its heading says another ("（到款级）")."""
        level = _LISTED_LEVEL.match(self.text, self.glossary[0]) if self.glossary is not None else None
        return level["level"] if level else "项"

    @cached_property
    def explained(self) -> list[Mention]:
        """Subject names written in the glossary item, with their level marker."""
        if self.glossary is None:
            return []
        start, end = self.glossary
        mentions, position = [], start
        while position < end:
            name = self.name_at(position)
            if name is None:
                position += 1
                continue
            after = position + len(name)
            marker = _LEVEL.match(self.text, after)
            coded = _CODE_AFTER.match(self.text, after)
            if (marker and _han_at(self.text, position - 1)) or (coded and subjects().names.get(coded.group(1), name if coded.group().startswith("(") else "") != name):
                # Part of a name the catalogue lacks: "残疾人体育(项)" is no "体育", "棚户区改造支出（2120810）"
                # no "棚户区改造" (2210103); a code the catalogue lacks names what its name says, as in the tables
                # ("信息化建设（2040219）").
                position = after
                continue
            listed = _AFTER_TERM.search(self.text, max(0, position - 4), position)
            if listed and not marker and _han_at(self.text, after):
                listed = None  # the start of a longer word in a list of prose ("地面、高空、大气成分")
            line_start = self.text.rfind("\n", 0, position) + 1
            if not marker and not listed and _han_at(self.text, position - 1) \
                    and ("：" in self.text[line_start:position] or ":" in self.text[line_start:position]):
                position = after
                continue  # the end of a longer word in an item's definition ("…（项）：反映统计信息化建设、…")
            if not marker and _DEFINITION.search(self.text, line_start, position):
                position = after
                continue  # a word of an item's definition ("应急救援（项）：反映应急救援队伍建设、应急物资储备、…")
            if marker or (self.lists_every_subject and (
                    _TERM_END.match(self.text, after) or listed
                    or _ITEM_START.fullmatch(self.text, self.text.rfind("\n", 0, position) + 1, position))):
                # (Items that explain a subject each by its path name it with its level; the rest is prose.)
                mentions.append(Mention(name, position, after, marker.group(1) if marker else ""))
            position = after
        return mentions


def _han_at(text: str, position: int) -> bool:
    """Whether a Chinese character stands at ``position``: a name runs on into it (before a name found
    there, or after its end)."""
    return 0 <= position < len(text) and is_han(text[position])


@cache
def _known_names() -> frozenset[str]:
    """Every current or obsolete subject name."""
    catalogue = subjects()
    return frozenset(catalogue.names.values()) | frozenset(catalogue.obsolete)


@cache
def _names_by_first_character() -> dict[str, tuple[str, ...]]:
    """Current and obsolete subject names by their first character, longest first (so a name
    is not read inside a longer one)."""
    catalogue = subjects()
    names = sorted(set(catalogue.names.values()) | set(catalogue.obsolete), key=len, reverse=True)
    index: dict[str, list[str]] = {}
    for name in names:
        index.setdefault(name[0], []).append(name)
    return {first: tuple(group) for first, group in index.items()}
