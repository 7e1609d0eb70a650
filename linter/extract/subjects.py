"""The 政府收支分类科目 reference list (``linter/data/subjects.tsv``), loaded once on first use."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent.parent / "data" / "subjects.tsv"
_NORMAL = str.maketrans("（）［］", "()[]")


@dataclass(frozen=True)
class Subject:
    code: str
    name: str
    aliases: tuple[str, ...]
    #: "功能" (支出功能分类) or "经济" (支出经济分类).
    classification: str

    def accepts(self, name: str) -> bool:
        """Whether ``name`` is this subject's name or one of its former names."""
        name = normal_name(name)
        return name == normal_name(self.name) or name in map(normal_name, self.aliases)


def normal_name(name: str) -> str:
    """A subject name for comparison: no spaces, ASCII brackets, no "(类)" marker."""
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
        table[code] = Subject(code, name, tuple(a for a in aliases.split("|") if a), classification)
    return table


def class_code(name: str) -> str | None:
    """The 类 code (3 digits) of a 支出功能分类 class name, with or without its "支出" suffix."""
    name = normal_name(name)
    for candidate in (name, name + "支出"):
        for subject in subjects().values():
            if len(subject.code) == 3 and subject.classification == "功能" and subject.accepts(candidate):
                return subject.code
    return None


def codes_named(name: str, length: int, classification: str) -> list[str]:
    """Codes of the given length and classification whose reference name is ``name``."""
    return [
        s.code for s in subjects().values()
        if len(s.code) == length and s.classification == classification and s.accepts(name)
    ]
