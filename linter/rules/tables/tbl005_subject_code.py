"""TBL005 subject-code."""

from __future__ import annotations

import re
from collections import defaultdict

from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.i18n import _
from linter.extract.subjects import class_code, codes_named, nearest_named, normal_name, subjects
from linter.language.lexicon import to_simplified
from linter.language.script import document_conversion
from linter.extract.tables import BY_ECONOMIC_CODE, PROJECT
from linter.patterns import compile_re
from linter.rules.shared import flow_year
from linter.rules.tables.common import classification as table_classification


class SubjectCode(Rule):
    """A subject code whose name differs from the official 政府收支分类科目 (e.g. "210 城乡社区支出",
    where 210 is 卫生健康支出 and 城乡社区支出 is 212).

    Codes are compared with the reference list shipped in ``linter/data/subjects.tsv``: every 类
    of the 支出功能分类, the 款 and 项 seen in real disclosures, and the 支出经济分类 codes of the
    基本支出 table. Former names (e.g. 医疗卫生与计划生育支出, until 2018) are accepted in a
    document of a year they were official in, or of unknown year; in a later document they
    are reported with the name of its year. A name without its last 支出 ("201 一般公共服务") is the
    subject abbreviated. A code printed twice in a table with two names is reported, known or not. Codes the list does not know are not judged, except a
    行政运行, 一般行政管理事务 or 机关服务 numbered as another of them (every 款 numbers them 01, 02,
    03), a 支出经济分类 code the list does not know named as a code of its class ("30131 住房公积金"
    for 30113), a 款 or 项 code the list does not know named as its sibling the list has ("2130121 农业生产发展":
    2130122; a name is one child of its parent), and a 类 code the list does not know (it lists every 类: "225" is
    a warning). In a table that could not be read (TBL001), a line's code is judged when its name is
    another code's; in a table of projects, each code cell with the name cell after it, where the header titles
    the two side by side ("项目名称 | 科目编码 | 科目名称 | …", "… | 功能科目编码 | 功能科目名称 | …"; a 项目支出表 of
    subjects' rows is read as any table of codes). The narrative's subjects named with their code in brackets ("住房公积金（2210203）",
    also after their level: "病虫害控制（项）（2130108）", or without brackets after it: "文物保护（项）2070204：", or the code
    first, before the name and its level: "列2130310水土保持（项）")
    are checked too, when the name is another code's (an unknown code's, when it is its sibling's); and so are its paths of 类, 款 and 项
    ("公共安全支出（类）国防动员（款）民兵（项）"): a 款 under a 类 its codes (the reference list's and
    the tables') are not part of, or a 项 the tables print under another 款.

    **Anti-pattern**

        2020年度政府性基金预算财政拨款收入支出决算表（表8）
        类    款    项    1    2    3    4    5    6
        合计    690.4    690.4    690.4
        210    城乡社区支出    690.4    690.4    690.4

    **Best practice**

        2020年度政府性基金预算财政拨款收入支出决算表（表8）
        类    款    项    1    2    3    4    5    6
        合计    690.4    690.4    690.4
        212    城乡社区支出    690.4    690.4    690.4
    """

    code = "TBL005"
    name = "subject-code"
    severity = Severity.ERROR

    def check(self, document, context):
        reference = subjects()
        year = document.derived(flow_year)
        traditional = document_conversion(document).traditional
        for table in document.tables:
            classification = table_classification(table)
            rows = ((row.code, row.name, lambda row=row: _code_span(document, row)) for row in table.rows if row.code)
            # (a column of projects: "项目名称", "单位名称（项目）")
            projects = any("项目名称" in word or _PROJECTS_TITLE.search(word) for line in table.header_lines for word in line)
            if projects or (table.kind == PROJECT and not any(row.code for row in table.rows)):
                # A row names its project beside the subject it is charged to: the subject's code and name are read from
                # their own cells, where the header titles them side by side ("科目编码 | 科目名称", "功能科目编码 | 功能科目名称").
                # (A 项目支出表 of subjects' rows, "208 社会保障和就业支出 | 586.92", is read as any table of codes.)
                if not any(_SUBJECT_COLUMNS.search("\t".join(line)) for line in table.header_lines):
                    continue
                rows = _coded_cells(document, table)
            elif table.problem is not None and not table.rows:
                rows = _coded_lines(document, table)  # a code and its name need no amounts
            named: dict[str, str] = {}  # the name each code is first printed with in the table
            for code, name, span in rows:
                first = named.setdefault(code, normal_name(name or ""))
                if name and first and normal_name(name) != first:
                    yield self.finding(
                        document, span(),
                        _("{table}: code {code} is printed twice, named {first} and {name}", table=table.label,
                          code=code, first=first, name=normal_name(name)),
                    )
                    continue
                subject = reference.get(code)
                if subject is not None and not subject.in_catalogue(year):
                    subject = None  # a code retired before the document's year ("21005 医疗保障" in 2023): unknown
                if subject is None and classification == "功能" and len(code) == 3 and name:
                    # every 类 is in the catalogue: one it does not know is a slip ("225 灾害防治及应急管理支出")
                    known = codes_named(name, 3, classification)
                    yield self.finding(
                        document, span(),
                        _("{table}: code {code} is no 类 of the 政府收支分类科目", table=table.label, code=code)
                        + (_(" ({name} is code {codes})", name=normal_name(name), codes=", ".join(known)) if known else ""),
                        expected=known[0] if known else None, severity=Severity.WARNING,
                    )
                    continue
                if subject is None and classification == "功能" and len(code) in (5, 7) and name and (
                        elsewhere := [c for c in codes_named(name, len(code), classification, year) if c[:-2] == code[:-2]]):
                    # a 款 or 项 name is its parent's one child of that name: an unknown code beside a sibling's name
                    yield self.finding(
                        document, span(),
                        _("{table}: code {code} is not in the 政府收支分类科目 as disclint lists it, but {name} is code {codes} under the same parent",
                          table=table.label, code=code, name=normal_name(name), codes=", ".join(elsewhere)),
                        expected=elsewhere[0],
                    )
                    continue
                if subject is None and classification == "功能" and (expected := _standard_item(code, name)):
                    yield self.finding(
                        document, span(),
                        _("{table}: code {code} is named {name}, which is the {suffix} 项 of every 款 that has it "
                          "(here {expected})", table=table.label, code=code, name=normal_name(name),
                          suffix=expected[-2:], expected=expected),
                        expected=expected,
                    )
                    continue
                if subject is None and classification == "经济" and name and reference.get(code[:3]) is not None \
                        and (elsewhere := [c for c in codes_named(name, len(code), classification, year) if c[:3] == code[:3]]):
                    # The 支出经济分类 is a short closed list: an unknown code named as one of its class is a slip.
                    yield self.finding(
                        document, span(),
                        _("{table}: code {code} is no 支出经济分类 code; {name} is code {codes}", table=table.label,
                          code=code, name=normal_name(name), codes=", ".join(elsewhere)),
                        expected=elsewhere[0],
                    )
                    continue
                if subject is None or not name or subject.classification != classification:
                    continue
                if subject.accepts(name, year) or (traditional and subject.accepts(to_simplified(name), year)):
                    continue  # a document in traditional script names its subjects so (LNG005 reports the script)
                if subject.accepts(name):  # a name of another year
                    official = subject.name_in(year)
                    yield self.finding(
                        document, span(),
                        _("{table}: code {code} is named {name}, a name the {year} 政府收支分类科目 no longer "
                          "has; it calls the subject {official}", table=table.label, code=code,
                          name=normal_name(name), year=year, official=official),
                        expected=official,
                    )
                    continue
                elsewhere = nearest_named(name, code, classification, year)
                if table.problem is not None and not elsewhere:
                    continue  # a line of a table not read with confidence may hold part of a name ("机关事业单位基本养")
                message = _("{table}: code {code} is {official} in 政府收支分类科目, but the table names it {name}",
                            table=table.label, code=code, official=subject.name, name=normal_name(name))
                if elsewhere:
                    message = _("{message} (which is code {codes})", message=message, codes=", ".join(elsewhere))
                yield self.finding(document, span(), message, expected=elsewhere[0] if elsewhere else subject.name)
        yield from self._narrative(document, reference, year)
        yield from self._paths(document)

    def _narrative(self, document, reference, year):
        """"住房公积金（2210203）", "病虫害控制（项）（2130106）": a name another code has, beside a code the reference list
        names otherwise."""
        for code, names, start, end in _narrated_codes(document.flow.text):
            subject = reference.get(code)
            if subject is not None and subject.classification != "功能":
                continue
            if subject is not None and any(subject.accepts(name, year) for name in names):
                continue
            name, elsewhere = next(((n, c) for n in names if (c := [x for x in codes_named(n, len(code), "功能") if x != code])),
                                   (None, None))
            if name is None or (subject is None and (len(code) < 5 or not all(other[:-2] == code[:-2] for other in elsewhere))):
                continue  # no subject's name (or an unknown code named as no sibling of it): not judged
            yield self.finding(
                document, document.span(start, end),
                _("code {code} is {official} in 政府收支分类科目, but the text names it {name} (which is code {codes})",
                  code=code, official=subject.name, name=name, codes=", ".join(elsewhere)) if subject is not None else
                _("code {code} is not in 政府收支分类科目, and the text names it {name}, its sibling {codes}'s name",
                  code=code, name=name, codes=", ".join(elsewhere)),
                expected=elsewhere[0],
            )


    def _paths(self, document):
        """"公共安全支出（类）国防动员（款）…", "…检察（款）案件审判（项）": a 款 under a 类 it is not part
        of (by the reference list and the tables' codes), or a 项 the tables print under another 款."""
        printed: dict[str, set[str]] = defaultdict(set)  # the tables' 功能分类 codes by name
        for table in document.tables:
            if table.kind not in BY_ECONOMIC_CODE:
                for row in table.rows:
                    if row.code and row.code.startswith("2"):
                        printed[normal_name(row.name)].add(row.code)
        text = document.flow.text
        for match in _paths_in(text):
            kuan = normal_name(match.group("kuan"))
            kuans = {c for c in printed.get(kuan, ()) if len(c) == 5} | set(codes_named(kuan, 5, "功能"))
            words = match.group("lei")
            lei = next((code for i in range(len(words) - 1) if (code := class_code(words[i:]))), None)
            if lei and kuans and not any(code.startswith(lei) for code in kuans):
                yield self._misplaced(document, match, "kuan", "款", words.removeprefix(_LIST_MARK_PREFIX.match(words).group()),
                                      "类", sorted(kuans))
                continue
            xiang = normal_name(match.group("xiang") or "")
            if xiang in _STANDARD_ITEMS or xiang == "事业运行":
                continue  # a 项 every 款 has ("民政管理事务（款）行政运行（项）" is 2080201, whatever the tables print)
            xiangs = {c for c in printed.get(xiang, ()) if len(c) == 7}
            if kuans and xiangs and not any(code[:5] in kuans for code in xiangs):
                yield self._misplaced(document, match, "xiang", "项", match.group("kuan"), "款", sorted(xiangs))

    def _misplaced(self, document, match, group, level, parent, parent_level, codes):
        return self.finding(
            document, document.span(match.start(group), match.end(group)),
            _("the text names {name}（{level}） under {parent}（{parent_level}）, but {name} is {codes}, under another "
              "{parent_level}", name=match.group(group), level=level, parent=parent, parent_level=parent_level,
              codes=", ".join(codes)),
            expected=codes[0],
        )


#: A subject named with its 类 and 款, and its 项 if any: "1.城乡社区支出（类）农村综合改革（款）…（项）".
_PATH = compile_re(r"(?P<lei>[\u4e00-\u9fff\d.、]{2,24})\(类\)(?P<kuan>[\u4e00-\u9fff]{2,30})\(款\)"
                   r"(?:(?P<xiang>[\u4e00-\u9fff]{2,40})\(项\))?")
_LIST_MARK_PREFIX = compile_re(r"[\d.、]*")
#: How far a path reaches before and after its "(类)" (see :data:`_PATH`).
_PATH_BEFORE, _PATH_AFTER = 24, 3 + 30 + 3 + 40 + 3


def _paths_in(text: str):
    """The matches of :data:`_PATH` in ``text``, looked for around each "(类)" only (linear time)."""
    searched = 0
    at = text.find("(类)")
    while at != -1:
        match = _PATH.search(text, max(searched, at - _PATH_BEFORE), at + _PATH_AFTER)
        if match is not None:
            yield match
            searched = match.end()
        at = text.find("(类)", at + 3)


#: The 项 every 款 numbers alike, by name: 行政运行 01, 一般行政管理事务 02, 机关服务 03.
_STANDARD_ITEMS = {"行政运行": "01", "一般行政管理事务": "02", "机关服务": "03"}


def _standard_item(code: str, name: str) -> str | None:
    """The code a 项 of the reference list's unknown codes should have, when its name is one every 款
    numbers alike and its code's last two digits are another of those numbers; else None."""
    suffix = _STANDARD_ITEMS.get(normal_name(name or ""))
    if len(code) != 7 or suffix is None or code[-2:] == suffix or code[-2:] not in (*_STANDARD_ITEMS.values(), "50"):
        return None
    return code[:5] + suffix


#: A subject's code in brackets in the narrative (flow text: ASCII brackets), or bare after its level ("(项)2070204："),
#: and the name before it.
_BRACKETED_CODE = compile_re(r"\((?P<code>2\d{2}(?:\d{2}){0,2})\)|(?<=\([类款项]\))(?P<bare>2\d{2}(?:\d{2}){0,2})(?![\d.,]|\s*(?:[万亿]?元|%))")
_NAME_BEFORE = compile_re(r"[\u4e00-\u9fff]{2,24}$")
_LEVEL_BEFORE = compile_re(r"\([类款项]\)")
_NAME_REACH = 24


def _narrated_codes(text: str):
    """``(code, the names it may be given, start, end)`` of each subject's code the narrative names: in brackets after its
    name ("主要用于住房公积金（2210201）", "病虫害控制（项）（2130108）": the name ends the words before it, its level maybe
    between), or before it and its level ("列2130310水土保持（项）")."""
    for match in _BRACKETED_CODE.finditer(text):
        end = match.start() - 3 if _LEVEL_BEFORE.match(text, max(0, match.start() - 3)) else match.start()
        before = _NAME_BEFORE.search(text, max(0, end - _NAME_REACH), end)
        if before is not None:
            group = "code" if match.group("code") else "bare"
            words = before.group()
            yield match.group(group), [words[i:] for i in range(len(words) - 1)], match.start(group), match.end(group)
    for match in _CODE_BEFORE_NAME.finditer(text):
        yield match["code"], [match["name"]], match.start("code"), match.end("code")


#: A subject's code before its name and level in the narrative ("列2130310水土保持（项）", flow text: ASCII brackets).
_CODE_BEFORE_NAME = compile_re(r"(?<![\d.,])(?P<code>2\d{4}(?:\d{2})?)(?P<name>[\u4e00-\u9fff]{2,24})\([类款项]\)")


#: A table line opening with a subject code and its name ("2101102	公务员医疗补助	…", "2101102  公务员医疗补助  …").
_CODED_LINE = compile_re(r"^[ \t\u3000]*(?P<code>[23]\d{2}(?:\d{2}){0,2})(?:\t|[ \u3000]+)[ \t\u3000]*"
                         r"(?P<name>[\u4e00-\u9fff][^\t\d]*?)(?=\t|[ \u3000]{2}|[ \u3000]*$|[ \u3000]+-?\d)", re.M)


def _coded_lines(document, table):
    """``(code, name, span)`` of the lines of an unread table's body that open with a code and a name."""
    text = document.original.text
    for match in _CODED_LINE.finditer(text, table.title_end, table.end):
        yield match["code"], match["name"].strip(), lambda match=match: document.source_span(match.start("code"), match.end("code"))


#: A column's title naming the projects in brackets ("单位名称（项目）").
_PROJECTS_TITLE = compile_re(r"[(（]项目[)）]")
#: A header titling a subject's code and its name side by side; a tab-separated cell of a code, then its name's.
_SUBJECT_COLUMNS = compile_re(r"科目编码\t+(?:支出)?(?:功能|经济)?(?:分类)?科目名称")
_CODED_CELL = compile_re(r"(?:^|(?<=\t))[ \u3000]*(?P<code>2\d{2}(?:\d{2}){0,2})[ \u3000]*\t(?P<name>[\u4e00-\u9fff][^\t\d\n]*?)[ \u3000]*(?=\t|$)",
                         re.M)


def _coded_cells(document, table):
    """``(code, name, span)`` of the cells of a table's body holding a subject's code, each with its name in the next cell."""
    text = document.original.text
    for match in _CODED_CELL.finditer(text, table.title_end, table.end):
        yield match["code"], match["name"], lambda match=match: document.source_span(match.start("code"), match.end("code"))


def _code_span(document, row):
    """The span of a row's code, also when it is printed over the 类, 款 and 项 cells ("221 02 01")."""
    text, end, digits = document.original.text, row.start, 0
    while digits < len(row.code) and end < len(text):
        digits += text[end].isdigit()
        end += 1
    return document.source_span(row.start, end)
