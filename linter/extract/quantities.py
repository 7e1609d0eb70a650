"""Name the quantities the narrative talks about: "财政拨款收、支总计" is (财政拨款, 收支总计).

A quantity key is ``(scope, base)``. The scope says whose money (the whole department,
its 财政拨款, or the 一般公共预算 part of it); the base says which total. Two statements
are about the same quantity only when both agree, so a budget's department-wide
项目支出 and its 财政拨款 项目支出 are never compared with each other.
"""

from __future__ import annotations

from functools import lru_cache

from linter.patterns import compile_re, compile_regex

DEPARTMENT = "部门"
FISCAL = "财政拨款"
GENERAL = "一般公共预算财政拨款"
FUND = "政府性基金预算财政拨款"
STATE_CAPITAL = "国有资本经营预算财政拨款"
#: Money other than the 财政拨款 (事业收入, 经营收入 …): "“三公”经费非财政拨款预算安排情况说明".
NON_FISCAL = "非财政拨款"

#: The kinds of budget a text or a column's title names: the year's first (年初), the whole year's, the adjusted one.
_BUDGET_KINDS = ("年初", "全年", "调整")


def budget_kind(text: str) -> str:
    """"年初", "全年", "调整" or "" (a plain 预算) for "年初预算为", "完成全年预算数的", "调整预算数", …"""
    return next((kind for kind in _BUDGET_KINDS if kind in text), "")


#: Scope words as written → scope; longest first.
_SCOPES = (
    ("一般公共预算财政拨款", GENERAL),
    ("一般公共预算拨款", GENERAL),  # a 预算's wording: "一般公共预算拨款支出"
    ("一般公共预算", GENERAL),
    ("政府性基金预算财政拨款", FUND),
    ("政府性基金预算拨款", FUND),
    ("政府性基金预算", FUND),
    ("国有资本经营预算财政拨款", STATE_CAPITAL),
    ("国有资本经营预算拨款", STATE_CAPITAL),
    ("国有资本经营预算", STATE_CAPITAL),
    ("非财政拨款", NON_FISCAL),
    ("财政拨款", FISCAL),
    ("部门", DEPARTMENT),
)
#: (no parent for NON_FISCAL: a department's 三公经费 named without its scope is the 财政拨款's)
_SCOPE_PARENT = {GENERAL: FISCAL, FUND: FISCAL, STATE_CAPITAL: FISCAL, FISCAL: DEPARTMENT}

#: "决算为", "决算数", "合计", "决算合计" after a 三公 name: the name still means the amount spent.
_ACTUAL = r"(?:决算)?(?:合计|总额|共计)?(?:数)?(?:为|是)?"

#: Base quantities: label → pattern the rest of the name must match in full.
_BASES = (
    # 收入总计 and 支出总计 are the two sides of 收支总计 (本年收入合计 plus 上年结转, and so on).
    # "收入、支出决算总计" (the national 决算's wording) and "收支预算总计" name them too.
    # "收入预算总额" and "支出预算总额" (a 预算's words) name them too, and so do "收入总预算" and "支出总预算"; "支出总额" is the
    # year's 支出.
    ("收支总计", r"收入?支出?(?:预算|决算)?总(?:计|预算|数|额)|(?:收入|支出)(?:预算|决算)?总计|(?:收入|支出)(?:预算|决算)总额"
              r"|(?:收入|支出)总预算"
              r"|收入总计[和与及]?支出总计|收、?支(?:预算|决算)"),
    ("收入", r"(?:本年)?收入(?:合计|总计|预算)?"),
    ("基本支出", r"基本支出(?:总额)?"),
    ("项目支出", r"项目(?:支出|经费)(?:总额)?"),  # "项目经费": a word for it
    ("支出", r"(?:本年)?支出(?:合计|总额|预算|决算)?"),
    # "一般公共预算当年拨款": a 预算's name of the fund's spending paid from this year's appropriation (its 支出表's
    # 合计), which the fund's 支出 exceeds by what it spends of last year's carry-over ("政府性基金预算拨款支出902.50
    # 万元，…其中当年拨款860.00万元，上年结转42.50万元").
    ("当年拨款", r"当年拨款(?:规模)?"),
    ("人员经费", r"人员经费(?:支出)?"),
    ("公用经费", r"(?:日常)?公用经费(?:支出)?"),  # "日常公用经费": Sichuan's word for it
    ("机关运行经费", r"机关运行经费(?:支出)?"),
    ("政府采购支出", r"政府采购(?:预算)?支出(?:合计|总额)?"),
    ("授予中小企业合同金额", r"授予中小企业合同金额"),
    ("授予小微企业合同金额", r"授予小微企业合同金额"),
    # 三公经费 and its parts, as 决算 narratives name them ("公务接待费支出决算为").
    ("三公经费", rf"三公经费(?:财政拨款)?(?:支出)?{_ACTUAL}"),
    ("因公出国(境)费", rf"因公出国[(（]境[)）](?:费用?|经费)(?:支出)?{_ACTUAL}"),
    ("公务用车购置及运行维护费", rf"公务用车购置及运行(?:维护)?费(?:支出)?{_ACTUAL}"),
    ("公务用车购置费", rf"公务用车购置(?:费)?(?:支出)?{_ACTUAL}"),
    ("公务用车运行维护费", rf"公务用车运行(?:维护)?(?:费)?(?:支出)?{_ACTUAL}"),
    ("公务接待费", rf"公务接待费(?:支出)?{_ACTUAL}"),
)
_BASE_PATTERNS = [(label, compile_regex(pattern)) for label, pattern in _BASES]
_BASE_PARENT = {
    "收入": "收支总计",
    "支出": "收支总计",
    "基本支出": "支出",
    "项目支出": "支出",
    "当年拨款": "支出",
    "人员经费": "基本支出",
    "公用经费": "基本支出",
    # 机关运行经费: the 公用经费 of the 基本支出 of 行政单位 and 参公事业单位 (the 决算 template's 名词解释).
    "机关运行经费": "公用经费",
    "授予小微企业合同金额": "授予中小企业合同金额",
    "授予中小企业合同金额": "政府采购支出",
    "因公出国(境)费": "三公经费",
    "公务用车购置及运行维护费": "三公经费",
    "公务接待费": "三公经费",
    "公务用车购置费": "公务用车购置及运行维护费",
    "公务用车运行维护费": "公务用车购置及运行维护费",
}
#: The parts of 三公经费 (会议费 and 培训费, often listed beside them, are not among them).
SANGONG = "三公经费"


def parent_base(base: str) -> str | None:
    """The total a base quantity is part of ("公务接待费" → "三公经费")."""
    return _BASE_PARENT.get(base)


def covered(base: str, stated: set[str]) -> bool:
    """Whether ``stated`` bases account for all of ``base``: it is among them, or each of its components
    is covered (公务用车购置及运行维护费 by its 购置费 and 运行维护费)."""
    parts = [part for part, parent in _BASE_PARENT.items() if parent == base]
    return base in stated or (bool(parts) and all(covered(part, stated) for part in parts))

_NOISE = compile_regex(
    r"^(?:[(（]?[一二三四五六七八九十\d]+[)）、.．]\s*)+|^[一二三四五六七八九十]是|\d{4}年度?|本年度?(?=一般公共预算|政府性基金|国有资本|财政拨款)|本年度|当年(?!拨款)|全年(?=收入|支出)|年度|[、\s“”\"]"
    # A fund's money "arranged" for the quantity ("一般公共预算拨款安排的“三公”经费") is that fund's.
    r"|(?<=拨款|预算|资金)安排的"
)

#: The department naming itself before a quantity ("本部门收入合计", "我单位“三公”经费支出", "本局…", "全局收支预算总计",
#: "部门政府采购预算总额").
_SELF = compile_regex(r"^(?:[本我全](?:部门|单位|机关|局|委|办|院|中心)|部门(?=政府采购|“三公”|三公|机关运行))")

#: A name stated with its verb ("收、支总计均为", "收入合计为"): the quantity is the name before it.
_COPULA = compile_regex(r"(?<=\p{Han})(?:均|各|分别|共)?为$")

Key = tuple[str, str]


@lru_cache(maxsize=4096)  # the same names recur: a document asks ~900 times
def clean_name(name: str) -> str:
    """Drop list markers, years, spaces, quotes, the department naming itself and a closing 为:
    "2022年度收、支总计均为" → "收支总计", "本部门2023年度收入合计" → "收入合计"."""
    return without_copula(_SELF.sub("", _NOISE.sub("", name))).removesuffix("中")


def without_copula(name: str) -> str:
    """A name without the verb it was stated with: "收、支总计均为" and "收、支总计各" → "收、支总计"."""
    return _COPULA.sub("", name).removesuffix("各")


def scope_of(text: str) -> str | None:
    """The scope a name or heading speaks of, if it names one (财政拨款 not in 非财政拨款)."""
    for words, scope in _SCOPES:
        if words in (text.replace(NON_FISCAL, "") if scope == FISCAL else text):
            return scope
    return None


#: The department's own name before a quantity: "青山区大数据中心政府采购支出总额".
#: How the name of an organisation ends ("…局", "…中心", "…街道", a short "…国资委").
ORGANISATION_END = (r"(?:局|中心|委员会|委|办公室|部|院|所|站|队|馆|处|厅|署|社(?![区会保])|学校|中学|小学|大学|园|街道|镇|乡|政府"
                    # a 群团's ("嘉兴市总工会本年收入合计…", "妇女联合会", "科学技术协会", "红十字会", "工人文化宫"; not 工会经费), a
                    # bureau's offices ("民政局机关本年支出…"; not 机关运行经费)
                    r"|工会(?!经费)|联合会|协会|红十字会|文化宫|少年宫|机关(?!运行|事务|服务))")
_ORGANISATION = compile_regex(rf"\p{{Han}}{{2,30}}?{ORGANISATION_END}(?=\p{{Han}})")


def organisation_of(name: str) -> str | None:
    """The organisation a name opens with ("临川市水文站" of "临川市水文站本年支出"), if it opens with one; a unit
    named after its ministry is one ("水利部信息中心" of "水利部信息中心政府采购预算总额")."""
    end = 0
    while (match := _ORGANISATION.match(name, end)) is not None:
        end = match.end()
    return name[:end] or None


@lru_cache(maxsize=4096)
def quantity_key(name: str, context_scope: str | None = None) -> Key | None:
    """``(scope, base)`` for a name of a known total, else None (cached: the same names recur).

    A name without scope words takes ``context_scope`` (from its heading or its 其中 list).
    The department's own name before it is dropped.
    """
    name = clean_name(name)
    key = _key(name, context_scope)
    if key is None and _ARRANGED.search(name):
        key = _key(_ARRANGED.sub("", name), context_scope)  # "一般公共预算拨款安排“三公”经费": the 三公 of that money
    if key is None and (organisation := organisation_of(name)):
        key = _key(name.removeprefix(organisation), context_scope)
    if key is None:
        key = _subject_key(name, context_scope)
    return key


#: What joins two names into one compound name ("购置及运行费", "罪犯生活及医疗卫生支出").
NAME_JOINERS = ("及", "和", "与")
#: The verb between a fund and what it pays for ("一般公共预算拨款安排“三公”经费", "财政拨款安排基本支出").
_ARRANGED = compile_regex(r"(?<=拨款|预算|资金)安排(?=\p{Han})")
#: A subject of the 政府收支分类科目 named with its level: "一般公共服务(类)支出", "一般公共服务支出(类)
#: 网信事务(款)事业运行(项)".
_SUBJECT = compile_regex(
    r"(?P<path>(?:\p{Han}{2,20}?(?:支出)?[(（][类款项][)）])+)(?:支出)?(?:决算|合计)?(?:数)?(?:为)?[。:：]?"
)
_LEVEL = compile_regex(r"(?:支出)?[(（]([类款项])[)）]")


def _subject_key(name: str, context_scope: str | None) -> Key | None:
    """``(scope, "类:一般公共服务/款:…")`` for a budget subject named with its level, else None."""
    match = _SUBJECT.fullmatch(name)
    if match is None:
        return None
    parts, start = [], 0
    for level in _LEVEL.finditer(match.group("path")):
        parts.append(f"{level.group(1)}:{match.group('path')[start:level.start()]}")
        start = level.end()
    if not parts[0].startswith("类:"):
        return None  # "医疗(项)" alone is the tail of a subject wrapped over lines: which 类 is unknown
    return (context_scope or DEPARTMENT, "/".join(parts))


#: Sources of money other than the 财政拨款 ("事业收入", "自有资金", "非财政拨款资金").
OTHER_SOURCES = r"事业收入|经营收入|其他收入|自有资金|单位资金|其他资金|非财政拨款(?:资金)?"
#: Money other than the 财政拨款 a quantity is paid from, named before it, maybe after the payer ("医院使用事业收入安排“三公”经费
#: 预算14.00万元").
_OTHER_SOURCE = compile_regex(rf"(?:使用|用)?(?:{OTHER_SOURCES})安排的?")


def _key(name: str, context_scope: str | None) -> Key | None:
    scope = None
    if other_source := _OTHER_SOURCE.search(name):
        scope, name = NON_FISCAL, name[other_source.end():]
    else:
        for words, candidate in _SCOPES:
            if name.startswith(words):
                scope, name = candidate, name[len(words):]
                break
    for label, pattern in _BASE_PATTERNS:
        if pattern.fullmatch(name):
            if label.startswith(("政府采购", "授予")):
                return (DEPARTMENT, label)
            return (scope or context_scope or DEPARTMENT, label)
    return None


def _ancestors(value: str, parents: dict[str, str]) -> list[str]:
    chain = [value]
    while chain[-1] in parents:
        chain.append(parents[chain[-1]])
    return chain


def is_part_of(part: Key, whole: Key) -> bool:
    """Whether ``part`` can never exceed ``whole`` (a narrower scope or a component total). 机关运行经费 is
    paid from the 一般公共预算财政拨款 whatever scope its sentence names (the 决算 template's 名词解释)."""
    if part == whole:
        return False
    scope = GENERAL if part[1] == "机关运行经费" else part[0]
    return whole[0] in _ancestors(scope, _SCOPE_PARENT) and whole[1] in _ancestors(part[1], _BASE_PARENT)


def display_name(name: str) -> str:
    """A name as a message prints it: without the list marker it opened its item with ("3.公务接待费支出" →
    "公务接待费支出", "（二）…", "①…")."""
    return _LEADING_MARKER.sub("", name)


#: List markers opening a name.
_LEADING_MARKER = compile_regex(r"^\s*(?:(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．]|[①-⑳])\s*)+")


def describe(key: Key) -> str:
    """A reader's name for a key: (财政拨款, 收支总计) → "财政拨款收支总计"."""
    scope, base = key
    if base == "当年拨款" and scope != DEPARTMENT:
        return f"{scope.removesuffix(FISCAL)}{base}"  # "一般公共预算当年拨款", as the 预算 names it
    return base if scope == DEPARTMENT else f"{scope}{base}"


def in_last_years_aside(line: str, at: int) -> bool:
    """Whether offset ``at`` of ``line`` stands in brackets that open with last year ("（上年基本支出958.12万元，其中
    人员经费…）"): every amount there is last year's."""
    if not 0 <= at <= len(line):
        return False
    opened = max(line.rfind("（", 0, at), line.rfind("(", 0, at))
    closed = max(line.rfind("）", 0, at), line.rfind(")", 0, at))
    return opened > closed and _LAST_YEAR_ASIDE.match(line, opened + 1) is not None


#: The words opening an aside about last year ("（上年…", "（2023年度…" is a year the claims read themselves).
_LAST_YEAR_ASIDE = compile_re(r"\s*(?:上一?年度?|去年)")
