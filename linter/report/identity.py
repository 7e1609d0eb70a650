"""A disclosure's title and department, read from its first lines (for batch reports)."""

from __future__ import annotations

import re

from linter.patterns import compile_re

_SPACE = compile_re(r"\s+")
#: Where the cover ends: the table of contents or the first heading.
_COVER_END = compile_re(r"^(?:目录|第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、)")
#: Cover lines that are not part of the title: a date ("2025年8月"), "附件1", a page number, and a web page's
#: address and publishing details ("发布时间：2024-09-12 来源：本站").
_NOT_TITLE = compile_re(r"^(?:\d{4}年\d{1,2}月(?:\d{1,2}日)?|附件\d*|[-—\d]{1,3})$|https?:|www\.|发布时间|来源[:：]|浏览|点击")
#: Names of the department that name none ("第一部分 单位概况", "部门概况").
_GENERIC = {"单位", "部门", "本单位", "本部门", "基本", "单位基本", "部门基本"}
#: The year that ends the department's name in a title ("廊坊市第十九中学2023年度单位决算").
_TITLE_YEAR = compile_re(r"\d{4}年")
#: "第一部分 汉阳区大数据中心概况" names the department.
_PROFILE = compile_re(r"第一部分(.{2,40}?)概况")
#: What a title says besides the department ("2022年度…部门决算公开").
_TITLE_WORDS = compile_re(r"\d{4}年度?|\d{4}|年度|部门|决算|预算|公开")
_COVER_LINES = 6
_MAX_TITLE = 80
_PROFILE_WINDOW = 8000


def document_identity(text: str) -> tuple[str, str]:
    """``(title, department)`` of a disclosure; either is empty when its first lines do not say.

    The title is the cover (the lines before the table of contents or the first heading) when it
    names a 决算 or 预算 (a line repeated, as a web page's title and heading are, counts once, and a
    line the lines before contain adds nothing: the department's name under the title); the
    department is the subject of "第一部分 …概况" unless that is a generic word ("单位概况"), else the
    title before its year, else the title without its year and document kind.
    """
    cover: list[str] = []
    for line in text[:_PROFILE_WINDOW].splitlines():
        line = _SPACE.sub("", line)
        if not line or _NOT_TITLE.search(line) or any(line in earlier for earlier in cover):
            continue  # a repeated line, or the department's name under its title ("云溪县档案馆")
        if _COVER_END.match(line) or len(cover) == _COVER_LINES:
            break
        cover.append(line)
    title = "".join(cover)
    if not re.search("决算|预算", title) or len(title) > _MAX_TITLE:
        title = ""
    profile = _PROFILE.search(_SPACE.sub("", text[:_PROFILE_WINDOW]))
    if profile and profile.group(1) not in _GENERIC:
        return title, profile.group(1)
    year = _TITLE_YEAR.search(title)
    return title, title[:year.start()] if year and year.start() >= 2 else _TITLE_WORDS.sub("", title)
