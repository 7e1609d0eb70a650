"""The 政府收支分类科目 reference list (``linter/data/subjects.tsv``), loaded once on first use."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from linter.patterns import compile_re

_DATA = Path(__file__).resolve().parent.parent / "data" / "subjects.tsv"
_NORMAL = str.maketrans("（）［］", "()[]", "“”\"‘’'")

#: A 类 named on a line of its own, over its 款 and 项 ("（1）农林水支出（类）", "（一）卫生健康支出（类）").
CLASS_HEADING = compile_re(r"^\s*(?:[(（][\d一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.、．]|[一二三四五六七八九十]{1,3}、)?\s*(?P<name>[\u4e00-\u9fff]{2,16}?(?:支出)?[(（]类[)）])[：:]?\s*$", re.M)


@dataclass(frozen=True)
class Former:
    """A former (or variant) name and the years it was official (None: open-ended)."""

    name: str
    first: int | None = None
    last: int | None = None

    def valid_in(self, year: int | None) -> bool:
        """Whether the name was official in ``year`` (any name is, for an unknown year)."""
        return year is None or ((self.first is None or self.first <= year) and (self.last is None or year <= self.last))


@dataclass(frozen=True)
class Subject:
    code: str
    name: str
    aliases: tuple[str, ...]
    #: "功能" (支出功能分类) or "经济" (支出经济分类).
    classification: str
    #: The former names with their years (``aliases`` are their names).
    former: tuple[Former, ...] = ()
    #: The last year the code is in the catalogue (a code retired: "21005 医疗保障@-2018"), None while it is.
    last: int | None = None

    def in_catalogue(self, year: int | None) -> bool:
        """Whether the code is in the catalogue of ``year`` (any code is, for an unknown year)."""
        return year is None or self.last is None or year <= self.last

    def accepts(self, name: str, year: int | None = None) -> bool:
        """Whether ``name`` is this subject's name, or one of its former names official in
        ``year`` (any former name when the year is unknown), or either without its last 支出
        ("201 一般公共服务", "2296004 用于教育事业的彩票公益金": the subject abbreviated, not another);
        never in a year after the code was retired."""
        if not self.in_catalogue(year):
            return False
        name = normal_name(name)
        names = [normal_name(self.name)] + [normal_name(f.name) for f in self.former if f.valid_in(year)]
        return any(name in (official, official.removesuffix("支出")) for official in names)

    def name_in(self, year: int | None) -> str:
        """The official name in ``year`` (today's when the year is unknown or later)."""
        for former in self.former:
            if former.last is not None and year is not None and former.valid_in(year):
                return former.name
        return self.name


def _former(entry: str) -> Former:
    """ "医疗卫生与计划生育支出@2014-2018" → the name and its years ("@-2013": until 2013)."""
    name, _, years = entry.partition("@")
    if not years:
        return Former(name)
    first, _, last = years.partition("-")
    return Former(name, int(first) if first else None, int(last) if last else None)


@lru_cache(maxsize=65_536)  # the reference list is compared with every table row's name
def normal_name(name: str) -> str:
    """A subject name for comparison: no spaces or quotes ("“两庭”建设" as "两庭建设"), ASCII brackets, no "(类)" marker."""
    name = re.sub(r"\s+", "", name.translate(_NORMAL))
    return name.replace("(类)", "")


@cache
def subjects() -> dict[str, Subject]:
    """Every reference subject by code."""
    table = {}
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        code, name, aliases, classification = line.split("\t")
        former = tuple(_former(a) for a in aliases.split("|") if a)
        current = _former(name)  # (a retired code's name carries its years: "医疗保障@-2018")
        table[code] = Subject(code, current.name, tuple(f.name for f in former), classification, former, current.last)
    return table


@cache
def _subjects_by_name() -> dict[str, tuple[Subject, ...]]:
    """Reference subjects by every name they accept in some year (today's and former), in the
    order of the reference list."""
    index: dict[str, list[Subject]] = {}
    for subject in subjects().values():
        for name in dict.fromkeys(normal_name(n) for n in (subject.name, *subject.aliases)):
            index.setdefault(name, []).append(subject)
    return {name: tuple(found) for name, found in index.items()}


def is_subject_name(name: str) -> bool:
    """Whether ``name`` is the name of a reference subject (today's or a former one)."""
    return normal_name(name) in _subjects_by_name()


def class_code(name: str) -> str | None:
    """The 类 code (3 digits) of a 支出功能分类 class name, with or without its "支出" suffix."""
    name = normal_name(name)
    for candidate in (name, name + "支出"):
        for subject in _subjects_by_name().get(candidate, ()):
            if len(subject.code) == 3 and subject.classification == "功能":
                return subject.code
    return None


def codes_named(name: str, length: int, classification: str, year: int | None = None) -> list[str]:
    """Codes of the given length and classification whose reference name is ``name`` (in ``year``, when
    known: "医疗费" is 30114 since 2018 and 30307 before). Where a retired code had the name too, it is the
    name's code in the years it was in the catalogue, and today's is the code otherwise ("公务员医疗补助" is
    2100503 in 2018, 2101103 in 2023 or an unknown year)."""
    found = [
        s for s in _subjects_by_name().get(normal_name(name), ())
        if len(s.code) == length and s.classification == classification and (year is None or s.accepts(name, year))
    ]
    preferred = [s for s in found if (s.last is None) == (year is None)]
    return [s.code for s in (preferred or found)]


def nearest_named(name: str, code: str, classification: str, year: int | None = None) -> list[str]:
    """The other codes :func:`codes_named` gives ``name`` at ``code``'s level, under ``code``'s parent, else under its 类,
    else all: "一般行政管理事务" printed as 2012906 is 2012902, not every 款's 02."""
    codes = [c for c in codes_named(name, len(code), classification, year) if c != code]
    return [c for c in codes if c[:-2] == code[:-2]] or [c for c in codes if c[:3] == code[:3]] or codes


def code_named(code: str, name: str, classification: str, year: int | None = None) -> str:
    """The code ``name`` says a row printed with ``code`` is: ``code`` itself, unless it is a known subject of another
    name and one code of ``name`` stands nearest it ("2110303 环境监测与监察" of a 2110203's row: 2110203)."""
    subject = subjects().get(code)
    if subject is None or not name or subject.classification != classification or subject.accepts(name, year) \
            or subject.accepts(name):
        return code
    named = nearest_named(name, code, classification, year)
    return named[0] if len(named) == 1 else code
