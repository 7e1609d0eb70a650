"""Extract the formulaic claims of a disclosure's narrative.

Each line of the flow text is cut into sentences; each sentence into tokens
(:mod:`linter.extract.tokens`). A regex over the tokens' one-letter codes finds
candidate spans of every sentence family, and the Lark grammar (``grammars/claims.lark``,
run by the parser generated from it, :mod:`linter.extract.claims_parser`) decides whether a
span really is that family; a :class:`ClaimBuilder` Transformer turns
the parse tree into plain data. What does not parse is skipped.

The context that ties claims together — the heading's scope, the total before "其中",
the lead of a numbered list ("支出199.25万元，主要用于以下方面："), the subject line
before a completion sentence — is tracked here, in :func:`extract_claims`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import takewhile

import regex

from linter.extract.claims_parser import DATA, MEMO, Lark, LarkError, Lexer, Token, Transformer, Tree, v_args
from linter.extract.counts import CLASSIFIERS
from linter.extract.numbers import Number
from linter.extract.quantities import (
    DEPARTMENT, FUND, GENERAL, ORGANISATION_END, SANGONG, STATE_CAPITAL, Key, budget_kind, clean_name, in_last_years_aside,
    is_part_of, organisation_of, parent_base, quantity_key, scope_of, without_copula,
)
from linter.extract.subjects import CLASS_HEADING, class_code, codes_named, is_subject_name
from linter.extract.tokens import ClaimToken, may_hold_number, tokenize
from linter.normalise.flow import disclosure_title, is_heading
from linter.numerals import chinese_int
from linter.patterns import compile_re, compile_regex

# ---------------------------------------------------------------------------
# Plain data: what the narrative claims
# ---------------------------------------------------------------------------


@dataclass
class Stated:
    """An amount stated for a named quantity."""

    name: str
    number: Number
    key: Key | None = None
    year: str | None = None
    #: Whether the amount is of something narrower than the quantity its name names (a unit's 基本支出, a
    #: fund's share of the projects' money): it is then given no key.
    narrower: bool = False


@dataclass
class Share:
    """``part`` is ``percent`` of a whole, named (``whole_name``) or implied by context."""

    part: Stated
    percent: Number
    whole_name: str | None
    whole: Stated | None = None

    @property
    def whole_key(self) -> Key | None:
        """The named whole: without scope words, a share is of the department's total, except a total
        its part is a component of ("公务接待费3.07万元，占“三公”经费的33.85%", "公用经费…，占基本支出的8.31%"),
        which is of its part's scope. A share of a 三公 part that names no whole is of the 三公 total."""
        if self.whole_name:
            key = quantity_key(self.whole_name, DEPARTMENT)
            part = self.part.key
            if key and key[0] == DEPARTMENT and part and part[0] != DEPARTMENT and scope_of(self.whole_name) is None \
                    and (key[1] == SANGONG or (part[1] != key[1] and is_part_of(part, (part[0], key[1])))):
                # "一般公共预算财政拨款…公用经费349万元，占基本支出的8.31%": the whole of the part's scope
                return (part[0], key[1])
            return key
        key = self.part.key
        if key and parent_base(key[1]) == SANGONG:
            return (key[0], SANGONG)
        return None


@dataclass
class Change:
    """A year-on-year change: ``delta`` (signed by ``sign``) and optionally its ``rate``."""

    name: str | None
    key: Key | None
    sign: int
    delta: Number
    rate: Number | None
    rate_sign: int | None
    current: Stated | None
    start: int
    end: int
    #: A change that only checks its rate, neither filed as the quantity's amount nor compared with
    #: its year-on-year changes: of a budget figure ("“三公”经费预算数为…，比上年减少…", a 决算 states a
    #: quantity's budget and its actual amount, each with its own change), or against the budget
    #: ("支出决算18.6万元，比年初预算减少1.4万元，下降7%").
    rate_only: bool = False
    #: The change is the gap to the budget, not to the previous year.
    against_budget: bool = False
    #: What of the previous year it is compared with, where the text says: "预算" ("比2023年预算增加"),
    #: "执行" ("比2023年执行数增加"); "" for the previous year's amount (比上年, 比上年决算); after the year
    #: when it is a year before last, compared right after last year's ("；比2022年度减少…": "2022年").
    basis: str = ""
    #: Stated with neither a comparison nor a rate ("其中：因公出国（境）费减少0万元"): a change only as a part of a
    #: list under its whole's change, taken against what that one is (see ``_under_a_change``).
    listed: bool = False
    #: The year it is compared with, where the comparison names one ("比2022年度减少…": "2022").
    compared_year: str | None = None
    #: A sentence of its own that opens with the comparison ("。较2020年度决算数减少17.40万元，下降67.5%"):
    #: a change of the amount stated before it in the paragraph (see ``_opening_change_of``).
    opening: bool = False
    #: The change of a figure stated as a budget ("“三公”经费预算数为15万元，比上年减少1万元").
    budgeted: bool = False
    #: Last year's amount, stated between this year's and the change ("…48,915.36元，上年决算数为
    #: 61,204.87元，比上年减少12,289.51元").
    previous: Stated | None = None

    def __post_init__(self) -> None:
        if self.delta.value is not None and self.delta.value < 0:
            # "比上年增加-2.30万元" (a template filled in with a negative number): a fall of 2.30万元
            self.sign = -self.sign
            self.delta = self.delta._replace(text=self.delta.text[1:], start=self.delta.start + 1, value=-self.delta.value)


@dataclass
class Transition:
    """"由上年的10万元减少到8万元，下降20%": a quantity's previous and current amount, and its rate."""

    name: str
    previous: Number
    current: Number
    sign: int
    rate: Number | None
    rate_sign: int | None
    start: int
    end: int
    #: The change stated between the two levels ("比2023年度的44.90万元增加3.54万元"), if any.
    change: Number | None = None


@dataclass
class Completion:
    """年初预算 / 支出决算 / 完成年初预算的 Z% of one subject (``budget`` None: 年初无预算)."""

    subject: str
    budget: Number | None
    actual: Number
    rate: Number | None
    direction: str | None
    start: int
    end: int
    #: Every budget stated, by kind ("年初", "全年", "调整" or "" for a plain 预算): a rate may be of any.
    budgets: dict[str, Number | None] = field(default_factory=dict)
    #: The kind of ``budget``: the one the rate names, else the first stated.
    budget_kind: str = ""
    #: The change of the amount spent stated after the rate ("完成预算的85.6%，比上年减少0.19万元").
    change: Change | None = None
    #: The kind of budget the rate names ("完成调整预算的…": "调整"), or "" when it names none ("完成预算的…").
    rate_kind: str = ""

    @property
    def level(self) -> str:
        """"项", "款" or "类" for a subject line, "item" for another numbered line, "" for a total."""
        for level in ("项", "款", "类"):
            if f"({level})" in self.subject or f"（{level}）" in self.subject:
                return level
        return "item" if _NUMBERED.match(self.subject) else ""


@dataclass
class Execution:
    """Budget, amount executed and the stated execution rate of a project or department."""

    budget: Number
    actual: Number
    rate: Number | None
    start: int
    end: int
    #: Every budget stated, by kind (a 绩效自评表 row prints 年初预算数 and 全年预算数): a rate may be of any.
    budgets: dict[str, Number] = field(default_factory=dict)


@dataclass
class GapCompletion:
    """"本年收入1205.11万元，完成年初预算的70%，比年初预算减少537.35万元": a completion rate stated with
    the gap to the budget instead of the budget (the budget is ``actual − sign × gap``)."""

    actual: Number
    rate: Number
    sign: int
    gap: Number


@dataclass
class UnstatedBudgetRate:
    """A completion rate stated with the amount spent but no budget ("公务接待费4.37万元，完成预算72.83%"):
    the budget is printed elsewhere (a 三公 table's 预算数)."""

    stated: Stated
    rate: Number


@dataclass
class BudgetGap:
    """An amount and its budget, both stated, and the gap between them as the text states it: after a
    completion ("年初预算为1000万元，支出决算为1100万元，完成年初预算的110%，比年初预算增加100万元，增长10%")
    or after the amount and its budget ("支出数363.82万元，预算数378万元，支出数比预算数减少14.18万元，下降率为
    3.75%"). ``sign`` is +1 when the text says the amount is above the budget."""

    actual: Number
    budget: Number
    sign: int
    gap: Number
    rate: Number | None = None
    rate_sign: int | None = None
    #: Whether the direction is said in words ("决算数大于预算数") after a completion, which ARI006 checks.
    worded: bool = False


@dataclass
class Breakdown:
    """A whole and the parts listed after 其中 / 主要用于 / a numbered list."""

    whole: Stated | None
    whole_name: str
    parts: list[Stated] = field(default_factory=list)
    shares: list[Share] = field(default_factory=list)
    #: Whether the list has ended (a next total was stated in its sentence).
    closed: bool = False
    #: Whether the whole is named as the parts' sum ("…、…，合计579.30万元"): they are every part.
    summed: bool = False


@dataclass
class CompletionGroup:
    """A total completion sentence and the per-subject completion sentences below it."""

    total: Completion
    items: list[Completion] = field(default_factory=list)
    #: Whether a line below names a subject with its amounts but was not read as an item: the items
    #: read are then not every part of the total.
    unread: bool = False


@dataclass
class ClaimSet:
    values: list[Stated] = field(default_factory=list)
    shares: list[Share] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    transitions: list[Transition] = field(default_factory=list)
    completions: list[Completion] = field(default_factory=list)
    executions: list[Execution] = field(default_factory=list)
    gap_completions: list[GapCompletion] = field(default_factory=list)
    unstated_budget_rates: list[UnstatedBudgetRate] = field(default_factory=list)
    budget_gaps: list[BudgetGap] = field(default_factory=list)
    breakdowns: list[Breakdown] = field(default_factory=list)
    completion_groups: list[CompletionGroup] = field(default_factory=list)
    #: Whether the document is a 预算 (its title says so): its figures of the year are budgets.
    budget_document: bool = False
    #: Whether it is a 决算 (its title says so): a figure named a budget is not the year's amount.
    final_document: bool = False
    #: The department its title names ("萍乡市湘东区卫生健康局" of "…卫生健康局2022年度部门决算"), if any.
    department: str | None = None
    #: Where (a flow offset) the part on another unit's own accounts begins ("第五部分 附件：某中心2024年度单位决算情况说明"),
    #: if any: its amounts are that unit's, stated under the department's names, and not read.
    other_units_from: int | None = None


# ---------------------------------------------------------------------------
# Grammar: candidate spans, parser, transformer
# ---------------------------------------------------------------------------

#: Candidate spans per family, as regexes over token codes, in order of preference.
_CANDIDATES = compile_re(
    "|".join(
        f"(?P<{family}>{pattern})"
        for family, pattern in (
            ("completion", r"(?:y?n:?)?(?:[BJ]A|Z)(?:,BA)*,XA(?:,(?:C|n?K)P)?(?:,G)?(?:[,;]T[UD]A(?:,T?[UD]P)?)?"),
            ("completion_of", r"y?nXA,CAOP"),
            ("completion_after", r"(?:y?nX?|X)A(?:,BA)+,CP(?:[,;]T[UD]A(?:,T?[UD]P)?)?"),
            ("adjusted_execution", r"y?nA,nA,RA,KP"),
            ("execution", r"(?:y?n)?(?:Jn?|B)A,n?RA(?:,(?:C|n?K)P)?"),
            ("change_with", r"(?:W,?n?|T,?n)E?[UD]A(?:,T?[UD]P)?"),
            ("change_than_level", r"y?nA,TA,?[UD]A(?:,T?[UD]P)?"),
            ("change_than", r"y?nA,T[UD]A(?:,T?[UD]P)?"),
            ("change_rate_first", r"y?nA,T[UD]P,[UD]A"),
            ("change_budgeted", r"(?:y?n|ny|n:y)BA,T[UD]A(?:,T?[UD]P)?"),
            ("change_named", r"y?nTE?[UD]A(?:,T?[UD]P)?"),
            ("change_restated", r"y?n[UD],T[UD]A(?:,T?[UD]P)?"),
            ("change_bare", r"y?n[UD]A(?:,T?[UD]P)?"),
            ("change_from_level", r"y?nTA,?[UD]A(?:,T?[UD]P)?"),
            ("change_from_to", r"y?nFA,?[UD]A(?:,[UD]A)?(?:,T?[UD]P)?"),
            ("change_opening", r"^[TV],?[UD]A(?:,T?[UD]P)?"),
            ("share_of_amount", r"y?nA,Sy?[nB]?AOP"),
            ("share", r"y?nA,Sn?O?P"),
            ("actual_share", r"y?nXA,Sn?O?P"),
            ("value", r"y?n:?A"),
            ("actual_value", r"y?nXA"),
            ("budget_share", r"(?:y?n|ny|n:y)BA,Sn?O?P"),
            ("budget_value", r"(?:y?n|ny|n:y)BA(?!O)"),  # not "为…全年预算46,908万元的80.43%"
        )
    )
)
#: A sentence: up to and with its closing mark, or the rest of a line that has none.
_SENTENCE = compile_re(r"[^。！？!?]*[。！？!?]|[^。！？!?]+")


class _TokenStream(Lexer):
    """Feed pre-made tokens to Lark (the tokens come from :func:`tokenize`)."""

    def __init__(self, lexer_conf) -> None:
        pass

    def lex(self, tokens, *_):
        yield from tokens


@cache
def parser() -> Lark:
    """The claims parser, built once from the tables generated from grammars/claims.lark, reading our tokens."""
    frontend = DATA["parser"]
    lexer_conf = {**frontend["lexer_conf"], "lexer_type": _TokenStream}
    return Lark._load_from_dict({**DATA, "parser": {**frontend, "lexer_conf": lexer_conf}}, MEMO)


@cache
def claim_builder() -> ClaimBuilder:
    """The transformer (it keeps no state between parses)."""
    return ClaimBuilder()


def _num(token) -> Number:
    return token.claim_token.number


def _tokens(children, *types: str) -> list:
    return [c for c in children if getattr(c, "type", None) in types]


def _first_name(children) -> str | None:
    names = _tokens(children, "NAME")
    return str(names[0]).lstrip("、") if names else None  # "收入总计…、支出总计…": the enumeration's mark


@v_args(inline=True)
class ClaimBuilder(Transformer):
    """Parse tree → claim objects (offsets are flow-text offsets). It has methods for rules only,
    so tokens are not visited; its methods are bound once (``v_args`` wraps a method anew at
    every lookup): build it once, with :func:`claim_builder`.
    """

    def __init__(self) -> None:
        super().__init__(visit_tokens=False)
        for name, method in vars(ClaimBuilder).items():
            if not name.startswith("_"):
                setattr(self, name, getattr(self, name))

    def subject(self, *tokens):
        year = next((str(t) for t in tokens if t.type == "YEAR"), None)
        return year, without_copula(_first_name(tokens) or ""), tokens[0].start_pos

    def rate(self, *tokens):
        verb, percent = tokens[-2:]  # after the comparison said again ("同比增长2.8%"), if it is
        return _rate_sign(verb, percent), _num(percent), percent.end_pos

    def whole(self, *tokens):
        return _RATIO_WORDS.sub("", _first_name(tokens) or "")  # "占总支出比例为12.5%": of 总支出

    def value(self, subject, amount):
        year, name, _ = subject
        return Stated(name, _num(amount), year=year)

    def actual_value(self, subject, _actual, amount):
        year, name, _ = subject
        return Stated(f"{name}支出", _num(amount), year=year)

    def budget_value(self, subject, _budget_is, amount):
        year, name, _ = subject
        return Stated(name if name.endswith("预算") else f"{name}预算", _num(amount), year=year)

    def budget_share(self, subject, _budget_is, amount, *rest):
        share = self.share(subject, amount, *rest)
        share.part = self.budget_value(subject, _budget_is, amount)
        return share

    def share(self, subject, amount, *rest):
        year, name, _ = subject
        whole = next((r for r in rest if isinstance(r, str) and not hasattr(r, "type")), None)
        percent = _tokens(rest, "PERCENT")[-1]
        return Share(Stated(name, _num(amount), year=year), _num(percent), whole or None)

    def share_of_amount(self, subject, amount, _share, *rest):
        year, name, _ = subject
        rest = [r for r in rest if getattr(r, "type", None) != "YEAR"]  # "占2025年本年支出1,120.28万元的75.8%"
        whole_name = str(rest[0]) if len(rest) == 4 else ""
        whole = Stated(whole_name, _num(rest[-3]))
        return Share(Stated(name, _num(amount), year=year), _num(rest[-1]), whole_name or None, whole)

    def actual_share(self, subject, _actual, amount, *rest):
        year, name, start = subject
        return self.share((year, f"{name}支出", start), amount, *rest)

    def change_with(self, compare, *rest):
        verb = _tokens(rest, "UP", "DOWN")[0]
        amount = _tokens(rest, "AMOUNT")[0]
        rate = next((r for r in rest if isinstance(r, tuple)), (None, None, amount.end_pos))
        return Change(_first_name(rest), None, _sign(verb), _num(amount), rate[1], rate[0], None,
                      compare.start_pos, rate[2], basis=_basis(compare), compared_year=_compared_year(compare))

    def change_than(self, subject, amount, compare, verb, delta, rate=None):
        year, name, start = subject
        rate = rate or (None, None, delta.end_pos)
        current = Stated(name, _num(amount), year=year)
        return Change(name, None, _sign(verb), _num(delta), rate[1], rate[0], current, start, rate[2],
                      basis=_basis(compare), compared_year=_compared_year(compare))

    def change_than_level(self, subject, amount, compare, previous, verb, delta, rate=None):
        change = self.change_than(subject, amount, compare, verb, delta, rate)
        change.previous = Stated(change.name or "", _num(previous), year=change.compared_year)
        return change

    def change_rate_first(self, subject, amount, compare, rate_verb, percent, verb, delta):
        if rate_verb.type != verb.type:
            return None  # "增长3%，减少100万元" contradicts itself: which is meant is unknown
        return self.change_than(subject, amount, compare, verb, delta, (_rate_sign(rate_verb, percent), _num(percent), delta.end_pos))

    def change_budgeted(self, subject, _budget_is, amount, compare, verb, delta, rate=None):
        change = self.change_than(subject, amount, compare, verb, delta, rate)
        change.rate_only = change.budgeted = True
        return change

    def change_vs_budget(self, subject, *rest):
        amount, delta = _tokens(rest, "AMOUNT")
        verb = _tokens(rest, "UP", "DOWN")[0]
        rate = next((r for r in rest if isinstance(r, tuple)), None)
        change = self.change_than(subject, amount, None, verb, delta, rate)
        change.rate_only = change.against_budget = True
        return change

    def budget(self, *tokens):
        amounts = _tokens(tokens, "AMOUNT")
        kind = budget_kind(str(tokens[0]))
        return _Budget(kind, _num(amounts[0]) if amounts else None, tokens[0].start_pos)

    def completion_change(self, compare, verb, delta, rate=None):
        rate = rate or (None, None, delta.end_pos)
        return Change(None, None, _sign(verb), _num(delta), rate[1], rate[0], None, compare.start_pos, rate[2],
                      basis=_basis(compare), compared_year=_compared_year(compare))

    def completion(self, *children):
        change = children[-1] if isinstance(children[-1], Change) else None
        children = children[:-1] if change else children
        subject = children[0] if isinstance(children[0], tuple) else (None, "", None)
        budgets = {b.kind: b.number for b in reversed([c for c in children if isinstance(c, _Budget)])}
        first = next(c for c in children if isinstance(c, _Budget))
        amounts = _tokens(children, "AMOUNT")
        percents = _tokens(children, "PERCENT")
        completes = _tokens(children, "COMPLETE")
        directions = _tokens(children, "DIRECTION")
        tokens = [c for c in children if hasattr(c, "start_pos")]
        start = subject[2] if subject[2] is not None else first.start
        named = budget_kind(str(completes[0])) if completes else first.kind
        kind = named if named in budgets else first.kind
        end = tokens[-1].end_pos if tokens else amounts[-1].end_pos
        return Completion(subject[1], budgets[kind], _num(amounts[-1]), _num(percents[0]) if percents else None,
                          str(directions[0]) if directions else None, start, end, budgets, kind, change,
                          budget_kind(str(completes[0])) if completes else "")

    def completion_of(self, subject, _actual_is, actual, complete, budget, _of, percent):
        kind = budget_kind(str(complete))
        return Completion(subject[1], _num(budget), _num(actual), _num(percent), None, subject[2],
                          percent.end_pos, {kind: _num(budget)}, kind, rate_kind=kind)

    def completion_after(self, *children):
        change = children[-1] if isinstance(children[-1], Change) else None
        children = children[:-1] if change else children
        named = isinstance(children[0], tuple)
        subject = children[0] if named else (None, "", children[0].start_pos)
        actual, *budgets, complete, percent = [c for c in children[named:] if getattr(c, "type", None) != "ACTUAL_IS"]
        by_kind = {b.kind: b.number for b in reversed(budgets)}
        named = budget_kind(str(complete))
        kind = named if named in by_kind else budgets[0].kind
        return Completion(subject[1], by_kind[kind], _num(actual), _num(percent), None, subject[2], percent.end_pos,
                          by_kind, kind, change)

    def change_opening(self, compare, verb, delta, rate=None):
        rate = rate or (None, None, delta.end_pos)
        return Change(None, None, _sign(verb), _num(delta), rate[1], rate[0], None, compare.start_pos, rate[2],
                      basis=_basis(compare), compared_year=_compared_year(compare), rate_only=True, against_budget=compare.type == "CMP_BUDGET", opening=True)

    def change_bare(self, subject, verb, delta, rate=None):
        return self.change_named(subject, None, verb, delta, rate)

    def change_named(self, subject, compare, *rest):
        year, name, start = subject
        verb, delta, rate = [*(r for r in rest if getattr(r, "type", None) != "EACH"), None][:3]  # 各 says nothing more
        rate = rate or (None, None, delta.end_pos)
        return Change(name, None, _sign(verb), _num(delta), rate[1], rate[0], None, start, rate[2],
                      basis=_basis(compare), compared_year=_compared_year(compare))

    def change_from_level(self, subject, compare, previous, verb, delta, rate=None):
        change = self.change_named(subject, compare, verb, delta, rate)
        change.previous = Stated(change.name or "", _num(previous), year=change.compared_year)
        return change

    def change_from_to(self, subject, _from, previous, verb, current, *rest):
        if not _reaches(verb):
            return None  # "由10万元增加5万元" names no level reached
        change = None
        if len(rest) > 1:  # "…增加至5.2万元，增加1.2万元": the change between the levels
            change_verb, change, *rest = rest
            if change_verb.type != verb.type:
                return None  # "增加至…，减少…" contradicts itself: which is meant is unknown
            change = _num(change)
        year, name, start = subject
        rate = rest[0] if rest else (None, None, (change or _num(current)).end)
        return Transition(name, _num(previous), _num(current), _sign(verb), rate[1], rate[0], start, rate[2], change)

    def change_restated(self, subject, first_verb, compare, verb, delta, rate=None):
        if first_verb.type != verb.type:
            return None  # "增加，较上年减少…" contradicts itself: which is meant is unknown
        return self.change_named(subject, compare, verb, delta, rate)

    def execution(self, *children):
        amounts = _tokens(children, "AMOUNT")
        percents = _tokens(children, "PERCENT")
        start = children[0][2] if isinstance(children[0], tuple) else children[0].start_pos  # its subject's, if named
        return Execution(_num(amounts[0]), _num(amounts[1]), _num(percents[0]) if percents else None,
                         start, children[-1].end_pos)

    def adjusted_execution(self, subject, _first, name, second, _exec, actual, _rate, percent):
        if "调整" not in str(name):
            return None  # which budget the rate is of is not said: skip
        return Execution(_num(second), _num(actual), _num(percent), subject[2], percent.end_pos)


@dataclass(frozen=True)
class _Budget:
    """A budget of a completion sentence: its kind, amount (None: 年初无预算) and offset."""

    kind: str
    number: Number | None
    start: int


def _budget_of(claim, kind: str):
    """The budget of ``kind`` a completion or an execution states ("年初", "全年", "调整"), or its one budget for ""."""
    return claim.budgets.get(kind) if kind else claim.budget


def _basis(compare) -> str:
    """What of the previous year a comparison ("比2023年执行数", "与上年预算相比") names: see ``Change.basis``."""
    text = str(compare) if compare is not None else ""
    return "执行" if "执行" in text else "预算" if "预算" in text else ""


def _under_a_change(change: Change, tokens: list[ClaimToken], qizhong: int | None, first: int, state: _Context,
                    claims: ClaimSet) -> bool:
    """Whether ``change``, stated bare (see ``Change.listed``) at token ``first``, is a part of the sentence's 其中 list
    under the change of its whole, stated before the 其中 on the same line ("与2023年度相比，“三公”经费…减少2.85万元，
    下降10.6%。其中：因公出国（境）费减少0万元；…"); it is then taken against what that change is."""
    if qizhong is None or first <= qizhong:
        return False
    whole = next((c for c in reversed(claims.changes[-_RECENT:]) if c.end <= tokens[qizhong].start), None)
    if whole is None or whole.start < state.line_start or whole.listed or whole.against_budget:
        return False
    change.basis, change.compared_year, change.rate_only = whole.basis, whole.compared_year, whole.rate_only
    return True


def _after_an_opening_comparison(change: Change, tokens: list[ClaimToken]) -> bool:
    """Whether ``change``, stated bare, follows a comparison opening its sentence ("与2024年预算相比，一般公共预算拨款收入
    增加340.13万元，政府性基金预算拨款收入减少50.00万元，…"); it is then taken against what that comparison names."""
    if not tokens or tokens[0].type != "CMP_WITH":
        return False
    change.basis, change.compared_year = _basis(tokens[0].text), _compared_year(tokens[0].text)
    return True


def _key_of_leading_quantity(name: str, scope: str | None, budget_document: bool) -> Key | None:
    """The key of the quantity a listed change's name opens with, its reason following ("人员经费因调整基本工资标准…相应
    增加39.30万元", "项目支出压减36.00万元")."""
    name = clean_name(name)
    for match in _AFTER_A_QUANTITY.finditer(name, 2, 13):
        if (key := _key_of(name[:match.start()], scope, budget_document)) is not None:
            return key
    return None


#: Words that may follow a quantity's name to say why it changed (its reason or the verb's first character).
_AFTER_A_QUANTITY = compile_re(r"因|由于|落实|按照|随着|主要|相应|压")


def _reasons(tokens: list[ClaimToken]) -> int | None:
    """The token that opens a sentence's reasons for a change ("主要原因是：一是基本支出增加148.44万元；二是…"): its
    bare changes are the parts of that change, as after 其中."""
    return next((i for i, t in enumerate(tokens) if t.type == "NAME" and _REASONS_OPEN.search(t.text)), None)


#: Words opening the reasons for a change, at the start of a sentence ("主要原因是", "增加的原因：", "原因主要是").
_REASONS_OPEN = compile_re(r"^[^，,。]{0,12}原因(?:主要)?(?:是|为|有)?$")


def _against_an_earlier_year(change: Change, state: _Context, claims: ClaimSet) -> bool:
    """Whether ``change`` is taken against a year before last, right after the same quantity's change from
    last year ("…决算8.50万元，比2023年度减少1.24万元；比2022年度减少2.36万元，连续两年下降" in a 2024 决算). Alone,
    "比2024年预算" in a 2026 预算 is more likely last year's, its year mistyped."""
    if not (change.compared_year and state.year and int(change.compared_year) < int(state.year) - 1 and claims.changes):
        return False
    last = claims.changes[-1]
    between = state.line[last.end - state.line_start:change.delta.start - state.line_start] if last.end >= state.line_start else "。"
    return last.name == change.name and last.compared_year in (None, str(int(state.year) - 1)) and "。" not in between


def _compared_year(compare) -> str | None:
    """The year a comparison ("比2022年度", "与2023年预算相比") names, if any."""
    year = _SENTENCE_YEAR.search(str(compare)) if compare is not None else None
    return year.group()[:4] if year else None


def _reaches(verb) -> bool:
    """Whether a verb of change names the level reached ("减少到", "增加至", "下降为"), not the change."""
    return str(verb).endswith(("到", "至", "为"))


def _sign(verb) -> int:
    return 1 if verb.type == "UP" else -1


def _rate_sign(verb, percent: str) -> int:
    """The sign of a rate: its verb's, turned by a minus after a rise ("增长-16.67%" is a fall; in
    "下降-81.75%" the minus only repeats the fall)."""
    return -1 if percent.startswith("-") else _sign(verb)


def parse_sentence(tokens: list[ClaimToken]) -> list[tuple[int, int, object]]:
    """Claims of one sentence as ``(first token index, end index, claim)``, left to right."""
    codes = "".join(t.code for t in tokens)
    builder = claim_builder()
    claims, (first, end) = _respectively(tokens, codes)
    if not claims:
        claims, (first, end) = _respective_changes(tokens, codes)
    if not claims:
        claims, (first, end) = _changes_of_amounts_before(tokens, codes)
    read_after: list[tuple[int, int]] = []  # the changes read after a stated amount
    for match in _CANDIDATES.finditer(codes):
        if first <= match.start() < end or first < match.end() <= end:
            continue  # read as one of the "respectively" claims
        if any(start <= match.start() < stop for start, stop in read_after):
            continue  # read already as the change of the amount before it
        family = match.lastgroup
        if family in ("value", "share") and match.start() and codes[match.start() - 1] in "UD":
            continue  # "增加基本支出12.5万元" states a change, not the level of 基本支出
        if family in ("value", "share") and match.start() and codes[match.start() - 1] == "A" \
                and tokens[match.start()].text.strip() == "(":
            continue  # "1,000,000.00元(100.00万元)": the amount before, in another unit
        stream = tokens[match.start():match.end()]
        if codes.startswith("n:yB", match.start()):
            stream = [stream[0], *stream[2:]]  # "…（项）：2021年预算数为…": the subject, a colon, its year
        claim = _parse(stream, family, builder)
        if family == "change_bare" and claim is not None and claim.rate is None:
            claim.listed = True  # no comparison, no rate: a change only in a list under its whole's
        if isinstance(claim, Stated) and match.end() >= 2 and _RESPECTIVELY_LEAD.search(tokens[match.end() - 2].text):
            continue  # "2019年、2020年、2021年本年支出合计分别为…": the first item of a list not read as one
        if claim is not None:
            claims.append((match.start(), match.end(), claim))
            gap = _budget_gap_after(tokens, codes, match.end(), claim)
            if gap is None and isinstance(claim, Completion) and (other := _OTHER_COMPLETION.match(codes, match.end())):
                gap = _budget_gap_after(tokens, codes, other.end(), claim)  # "…完成年初预算的105.1%，完成调整预算的97.6%，较年初预算减少…"
            if gap is not None:
                claims.append(gap)
                read_after.append(gap[:2])  # the budget stated before it is read as before
                rated = _OTHER_COMPLETION.match(codes, gap[1]) if isinstance(claim, Completion) and claim.rate is None else None
                if rated is not None and not tokens[rated.start("rate")].number.malformed:
                    # "…支出决算为1,423.76万元，比年初预算增加803.76万元，完成年初预算的239.64%": the completion's rate, after its gap
                    _rate_after_share(claim, tokens[rated.start("complete")].text, tokens[rated.start("rate")].number)
                    read_after.append((rated.start(), rated.end()))
        rated_end = None  # where a completion rate right after the amount ends
        if family in ("value", "actual_value") and isinstance(claim, Stated):
            rate = _RATE_WITHOUT_BUDGET.match(codes, match.end())
            if rate is not None and not tokens[rate.start("rate")].number.malformed:
                claims.append((rate.start(), rate.end(), UnstatedBudgetRate(claim, tokens[rate.start("rate")].number)))
                read_after.append((rate.start(), rate.end()))
                rated_end = rate.end()
        if family in ("share", "actual_share") and isinstance(claim, Share) \
                and (rate := _RATE_WITHOUT_BUDGET.match(codes, match.end())) is not None \
                and not tokens[rate.start("rate")].number.malformed:
            # "公务接待费。支出决算为1.06万元，占16.21%，完成年初预算的35.00%": the amount's rate, its budget unstated
            claims.append((rate.start(), rate.end(), UnstatedBudgetRate(claim.part, tokens[rate.start("rate")].number)))
            read_after.append((rate.start(), rate.end()))
        if family == "share" and isinstance(claim, Share) and (later := _BUDGET_THEN_RATE.match(codes, match.end())):
            # "…（项）36.80万元，占6.86%，年初预算为40.00万元，完成年初预算的93.11%": the amount's completion
            budget, rate = tokens[later.start("budget") + 1].number, tokens[later.start("rate")].number
            if not (budget.malformed or rate.malformed or claim.part.number.malformed):
                kind = budget_kind(tokens[later.start("budget")].text)
                claims.append((later.start(), later.end(), Completion(
                    claim.part.name, budget, claim.part.number, rate, None, tokens[match.start()].start, rate.end,
                    {kind: budget}, kind, rate_kind=budget_kind(tokens[later.start("complete")].text))))
                read_after.append((later.start(), later.end()))
        if family == "completion" and isinstance(claim, Completion) and (share := _SHARE_AFTER.match(codes, match.end())):
            # "…年初预算为32.00万元，支出决算为27.46万元，占一般公共预算财政拨款基本支出的1.39%": of the amount spent
            whole = tokens[share.start("whole")].text.strip() if share.group("whole") else None
            percent = tokens[share.start("percent")].number
            claims.append((share.start(), share.end(), Share(Stated(claim.subject, claim.actual), percent, whole)))
            read_after.append((share.start(), share.end()))
            rated = _OTHER_COMPLETION.match(codes, share.end()) if claim.rate is None else None
            if rated is not None and not tokens[rated.start("rate")].number.malformed:
                # "…支出决算为3860.00万元，占64.47%，完成年初预算的95.60%": the completion's rate, after the share
                _rate_after_share(claim, tokens[rated.start("complete")].text, tokens[rated.start("rate")].number)
                read_after.append((rated.start(), rated.end()))
        if family == "completion" and isinstance(claim, Completion) \
                and (other := _OTHER_COMPLETION.match(codes, match.end())) is not None:
            # "…，完成年初预算的213.3%，完成调整预算的94.6%": the rate of another budget the sentence states
            kind, rate = budget_kind(tokens[other.start("complete")].text), tokens[other.start("rate")].number
            if kind != claim.budget_kind and claim.budgets.get(kind) is not None and not rate.malformed:
                claims.append((other.start(), other.end(),
                               Execution(claim.budgets[kind], claim.actual, rate, tokens[other.start()].start, rate.end)))
                read_after.append((other.start(), other.end()))
        if family == "completion" and isinstance(claim, Completion) \
                and (later := _BUDGET_THEN_RATE.match(codes, match.end())) is not None:
            # "…完成年初预算的122.38%；调整预算为612.00万元，完成调整预算的97.98%": another budget, and the rate of it
            budget, rate = tokens[later.start("budget") + 1].number, tokens[later.start("rate")].number
            kind = budget_kind(tokens[later.start("budget")].text)
            if kind != claim.budget_kind and budget_kind(tokens[later.start("complete")].text) in (kind, "") \
                    and not (budget.malformed or rate.malformed):
                claims.append((later.start(), later.end(), Execution(budget, claim.actual, rate, tokens[later.start()].start, rate.end)))
                read_after.append((later.start(), later.end()))
        if family == "completion" and isinstance(claim, Completion) and claim.change is None:
            level = _level_after(codes, match.end())  # "…支出决算为38.88万元，较2022年度决算43.00万元增加…"
            if level is not None and not any(number.malformed for number in _level_numbers(tokens, level)):
                claims.append((level.start(), level.end(),
                               _transition(tokens, level, claim.subject, claim.actual, tokens[match.start()].start)))
                read_after.append((level.start(), level.end()))
        if family in ("share", "share_of_amount", "actual_share", "actual_value", "value", "budget_value", "budget_share", "change_than",
                      "completion_of"):
            after = _change_after(tokens, codes, match, builder)
            level = (claim.part if isinstance(claim, Share) else claim if isinstance(claim, Stated)
                     else claim.current if isinstance(claim, Change) else None)  # "…7042.05万元，比上年执行数增加…；比上年预算数增加…"
            for _, _, change in after:
                if isinstance(change, Change) and change.current is None:
                    change.current = level  # the amount it follows, also one no known quantity names
            claims.extend(after)
            # (the amount's parts before its change are read as its parts: see _change_after)
            read_after += [(_past_parts(codes, _after_bracket(tokens, match.end())), stop) for _, stop, _ in after]
            stated = level or (claim.current if isinstance(claim, Change) else None)
            changed_end = max((stop for _, stop, _ in after), default=match.end() if isinstance(claim, Change) else rated_end)
            if changed_end is None and family in ("value", "actual_value") and match.end() < len(tokens) \
                    and tokens[match.end()].text.strip() in ("（", "("):
                # "财政拨款收入2308.61万元（其中：…），占本年收入合计的99.74%": the share after the amount's breakdown
                changed_end = _after_bracket(tokens, match.end())
            if family != "share" and stated is not None and changed_end is not None:
                share = _share_after(tokens, codes, changed_end, stated)
                if share is not None:  # "…支出900万元，比上年减少100万元，下降10%，占本年支出合计的90%" (or "，完成预算的68.4%，占…")
                    claims.append(share)
                    read_after.append(share[:2])
    if end:  # the "respectively" claims in their place among the others ("…总额3268.54万元，其中：货物、工程、服务支出分别为…")
        respective = [claim for claim in claims if claim[:2] == (first, end)]
        others = [claim for claim in claims if claim[:2] != (first, end)]
        at = next((i for i, claim in enumerate(others) if claim[0] >= first), len(others))
        claims = others[:at] + respective + others[at:]
    return _with_respective_shares(tokens, codes, claims)


def _next_line_item(found: list[tuple[int, int, object]], listing: Breakdown, going_on: bool) -> bool:
    """Whether a sentence opening a line goes on with ``listing``, whose items stand a line each: it opens with an
    amount, after an item ending in a semicolon ("政府采购货物支出12.80万元；⏎政府采购工程支出0.00万元；", as Word
    drafts put each item in a paragraph), or of a quantity that is a component of the list's whole
    ("公用经费383.14万元，占15.21%。" after "…基本支出2716.58万元，其中：⏎人员经费2333.44万元，占85.90%。")."""
    if not found or found[0][0] != 0 or listing.whole is None:
        return False
    claim = found[0][2]
    stated = claim.part if isinstance(claim, Share) else claim if isinstance(claim, Stated) else None
    if stated is None or going_on:
        return stated is not None
    key = quantity_key(stated.name)
    return key is not None and listing.whole.key is not None and is_part_of((listing.whole.key[0], key[1]), listing.whole.key)


def _rate_after_share(claim: Completion, complete: str, rate: Number) -> None:
    """Give ``claim`` the completion rate stated after the share of its amount (or its gap to the budget); the rate names
    the budget it is of."""
    named = budget_kind(complete)
    if named in claim.budgets:
        claim.budget_kind, claim.budget = named, claim.budgets[named]
    claim.rate, claim.rate_kind, claim.end = rate, named, rate.end


#: A name before the first item of a "respectively" list.
_RESPECTIVELY_LEAD = compile_re(r"(?:分别|依次)(?:为|是)?$")
#: A completion rate right after an amount, with no budget stated ("…4.37万元，完成预算72.83%。"), and no gap
#: to the budget after it (a GapCompletion's).
_RATE_WITHOUT_BUDGET = compile_re(r",C(?P<rate>P)(?![,;](?:V|n?A))")
#: A second completion rate right after a completion's, of another budget ("，完成调整预算的94.6%").
_OTHER_COMPLETION = compile_re(r",(?P<complete>C)(?P<rate>P)")
#: A budget and the completion rate after an amount's share ("…36.80万元，占6.86%，年初预算为40.00万元，完成年初预算的93.11%"),
#: or after a completion ("…完成年初预算的122.38%；调整预算为612.00万元，完成调整预算的97.98%").
_BUDGET_THEN_RATE = compile_re(r"[,;](?P<budget>B)A,(?P<complete>C)(?P<rate>P)")
#: Shares listed respectively after the amounts they are of ("…，分别占本年支出合计的77.8%和21.2%").
_RESPECTIVE_SHARES = compile_re(r",(?P<respectively>n)S(?P<whole>n)?O?(?P<percents>P(?:nP)+)")
#: The words between the shares of such a list.
_SHARE_JOINER = compile_re(r"和|及|、|与")


def _with_respective_shares(tokens: list[ClaimToken], codes: str, claims: list) -> list:
    """``claims`` with the shares a sentence lists respectively after its amounts ("其中：基本支出95,206.17万元，
    项目支出27,127.30万元，分别占本年支出合计的77.8%和21.2%", "基本支出…、项目支出…，分别占34.6%、65.4%"), each right after the
    amount it is of: the last amounts stated before the list, one per share, each a clause of its own or joined by "、"."""
    match = _RESPECTIVE_SHARES.search(codes)
    if match is None or tokens[match.start("respectively")].text != "分别":
        return claims
    percents = [tokens[i] for i in range(match.start("percents"), match.end("percents"), 2)]
    if any(_SHARE_JOINER.fullmatch(tokens[i].text) is None for i in range(match.start("percents") + 1, match.end("percents"), 2)):
        return claims
    stated = [(n, c) for n, (first, last, c) in enumerate(claims) if isinstance(c, Stated) and last <= match.start()]
    if len(stated) < len(percents) or any(p.number.malformed for p in percents):
        return claims
    items = stated[-len(percents):]
    if any(not (claims[n][1] == claims[m][0] - 1 and codes[claims[n][1]] in ",、"
                or claims[n][1] == claims[m][0] and tokens[claims[m][0]].text.startswith("、"))
           for (n, _), (m, _) in zip(items, items[1:])) or claims[items[-1][0]][1] != match.start():
        return claims  # the amounts must be listed one per clause (or joined by "、") right before the shares
    whole = tokens[match.start("whole")].text if match.group("whole") else None
    found = list(claims)
    for (n, part), percent in reversed(list(zip(items, percents))):
        found.insert(n + 1, (match.start(), match.end(), Share(part, percent.number, whole)))
    return found


#: A share stated after an amount's change ("，比上年减少100万元，下降10%，占本年支出合计的90%"), or right after a completion,
#: of the amount spent ("…，支出决算为27.46万元，占基本支出的1.39%").
_SHARE_AFTER = compile_re(r",(?P<share>S)(?P<whole>n)?O?(?P<percent>P)")


def _share_after(tokens: list[ClaimToken], codes: str, end: int, stated: Stated) -> tuple[int, int, Share] | None:
    """The share of ``stated`` that follows its change, which ends at token ``end``."""
    match = _SHARE_AFTER.match(codes, end)
    if match is None or tokens[match.start("percent")].number.malformed:
        return None
    whole = _RATIO_WORDS.sub("", tokens[match.start("whole")].text) if match.group("whole") else None
    return match.start(), match.end(), Share(stated, tokens[match.start("percent")].number, whole or None)


#: Names, then their amounts, then (optionally) their shares and their changes, each in the same order:
#: "基本支出和项目支出分别为2000万元和1100万元，（分别）占本年支出的64.52%和35.48%", "收、支总计各为
#: 1250万元、1230万元，与上年相比，各增加250万元、230万元，各增长25%、23%" (the comma after the amounts
#: is "," in the codes, as is one between them).
_RESPECTIVELY = compile_re(
    r"y?nA(?:[n,]A)+"
    r"(?P<shares>,[nE]?Sn?O?P(?:nP)+)?"
    r"(?P<changes>,[nE]?(?:T|W,[nE]?)[UD]A(?:nA)+)?(?(changes)(?P<rates>,[nE]?T?[UD]P(?:nP)+)?)"
)
_RESPECTIVELY_VERB = compile_re(r"(?:分别|各)(?:为|是)$")
#: The words that say "respectively" before a list of shares or changes.
_RESPECTIVELY_WORDS = ("分别", "各")
#: What may join the items of a list of amounts or of shares (amounts also by a comma: "分别为
#: 9175.8亿元，17492.4亿元和10302.4亿元").
_ITEM_JOINERS = ("和", "、", "及", "与", "，", ",")


def _respectively(tokens: list[ClaimToken], codes: str) -> tuple[list[tuple[int, int, object]], tuple[int, int]]:
    """The claims of a "respectively" statement in ``tokens`` (see ``_RESPECTIVELY``), each item read
    as if stated alone ("基本支出2000万元，占本年支出的64.52%，比上年增加200万元，增长11.1%"), and the
    range of tokens it spans; no claims (and an empty range) when there is none or its lists do not
    pair up one to one."""
    nothing = [], (0, 0)
    match = _RESPECTIVELY.search(codes)
    if match is None:
        return nothing
    year = tokens[match.start():match.start() + 1] if codes[match.start()] == "y" else []
    names_token = tokens[match.start() + len(year)]
    verb = _RESPECTIVELY_VERB.search(names_token.text)
    items = _list_items(names_token.text[:verb.start()]) if verb else []
    names = _units_named(_shared_suffix(items))
    sections = [(match.start() + len(year) + 1, _section_end(match, "shares", "changes", "rates"), "A")]
    for group, code in (("shares", "P"), ("changes", "A"), ("rates", "P")):
        if match.start(group) != -1:
            sections.append((match.start(group), match.end(group), code))
    lists = [_item_list(tokens[start:stop], code) for start, stop, code in sections]
    if not names or any(found is None or len(found[1]) != len(names) for found in lists):
        return nothing
    claims = []
    for read in _items_read(items, names, names_token, year, lists):  # each change against its item's amount
        if not read or (match.start("changes") != -1 and not any(isinstance(c, Change) for c in read)):
            return nothing
        claims += [(match.start(), match.end(), claim) for claim in read]
    return claims, match.span()


def _items_read(items: list[str], names: list[str], names_token: ClaimToken, before: list[ClaimToken],
                lists: list[tuple[list[ClaimToken], list[ClaimToken]]]) -> Iterator[list]:
    """The claims of each item of a "respectively" statement read as if stated alone: the tokens
    ``before`` the names, the item's name (at its place in ``names_token``), then from each list its
    lead and its item."""
    offset = 0
    for index, (item, name) in enumerate(zip(items, names)):
        offset = names_token.text.index(item, offset)
        start = names_token.start + offset
        stream = [*before, ClaimToken("NAME", name, start, start + len(item))]
        for lead, listed in lists:
            stream += [*lead, listed[index]]
        yield [claim for _, _, claim in parse_sentence(stream)]
        offset += len(item)


def _units_named(names: list[str]) -> list[str]:
    """"局本级、临川市水文站和临川市供水节水管理中心本年支出分别为…": a list of units whose last item names
    the quantity they share states that quantity of each unit, none of the department: the last item
    keeps its unit's name only, as the others have."""
    if len(names) < 2:
        return names
    *others, last = names
    unit = organisation_of(last)
    if unit is None or quantity_key(last) is None or any(quantity_key(name) for name in others):
        return names
    return [*others, unit]


#: Names, then their changes and (optionally) their rates, each list in the same order, after a
#: comparison: "与2023年度相比，政府性基金预算财政拨款收入和支出分别增加220万元和172.56万元，分别增长34.38%和26.96%".
_RESPECTIVE_CHANGES = compile_re(r"(?P<compare>W,|T,?)n(?P<each>E)?(?P<changes>[UD]A(?:nA)+)(?P<rates>,[nE]?T?[UD]P(?:nP)+)?")
#: The word "respectively" ending the names of :data:`_RESPECTIVE_CHANGES`.
_RESPECTIVELY_END = compile_re(r"(?:分别|各)$")


def _respective_changes(tokens: list[ClaimToken], codes: str) -> tuple[list[tuple[int, int, object]], tuple[int, int]]:
    """The changes of a "respectively" statement without amounts (see :data:`_RESPECTIVE_CHANGES`),
    each item read as if stated alone ("与2023年度相比，政府性基金预算财政拨款收入增加220万元，增长34.38%"),
    and the range of tokens it spans; none when its lists do not pair up one to one."""
    nothing = [], (0, 0)
    match = _RESPECTIVE_CHANGES.search(codes)
    if match is None:
        return nothing
    compare = tokens[match.start():match.end("compare")]
    names_token = tokens[match.end("compare")]
    respectively = _RESPECTIVELY_END.search(names_token.text)
    if respectively:
        items = _list_items(names_token.text[:respectively.start()])
    else:  # "…、本年支出合计各增加…": 各 a token of its own before the verb
        items = _list_items(names_token.text) if match.group("each") else []
    names = _shared_prefix(items)
    lists = [_item_list(tokens[match.start(group):match.end(group)], code)
             for group, code in (("changes", "A"), ("rates", "P")) if match.start(group) != -1]
    if len(names) < 2 or any(found is None or len(found[1]) != len(names) for found in lists):
        return nothing
    if compare[-1].code != ",":  # "与2023年度相比，" as the grammar wants it before a name
        compare.append(ClaimToken("_COMMA", "，", compare[-1].end, compare[-1].end))
    claims = []
    for read in _items_read(items, names, names_token, compare, lists):
        changes = [claim for claim in read if isinstance(claim, Change)]
        if len(changes) != 1:
            return nothing
        claims.append((match.start(), match.end(), changes[0]))
    return claims, match.span()


#: Amounts stated one after another, then their changes and (optionally) their rates in the same order after a
#: comparison: "本年收入合计100.00万元，本年支出合计90.00万元，与上年相比各增加10.00万元、20.00万元，增长11.1%、28.6%".
_AMOUNTS_THEN_CHANGES = compile_re(r"(?P<amounts>(?:nA,){2,})(?P<compare>W,?|T,?)E?(?P<changes>[UD]A(?:nA)+)"
                                   r"(?P<rates>,T?[UD]P(?:nP)+)?")
#: What joins the items of such a list.
_LIST_JOINERS = ("、", "和", "及", "与")


def _changes_of_amounts_before(tokens: list[ClaimToken], codes: str) -> tuple[list[tuple[int, int, object]], tuple[int, int]]:
    """The changes of :data:`_AMOUNTS_THEN_CHANGES`, each read as the change of the amount stated in its place
    ("本年收入合计比上年增加10.00万元，增长11.1%"), and the range of tokens they span; none when the lists do not
    pair up one to one."""
    nothing = [], (0, 0)
    match = _AMOUNTS_THEN_CHANGES.search(codes)
    if match is None:
        return nothing
    names = [tokens[i - 1] for i in range(*match.span("amounts")) if codes[i] == "A"]
    lists = [[i for i in range(*match.span(group)) if codes[i] == code] for group, code in (("changes", "A"), ("rates", "P"))
             if match.start(group) != -1]
    joiners = [tokens[i].text.strip() for group in ("changes", "rates") if match.start(group) != -1
               for i in range(*match.span(group)) if codes[i] == "n"]
    if any(len(items) != len(names) for items in lists) or any(joiner not in _LIST_JOINERS for joiner in joiners):
        return nothing
    compare = tokens[match.start("compare")]._replace(type="CMP_THAN")
    verb = tokens[match.start("changes")]
    rate_verb = next((tokens[i] for i in range(*match.span("rates")) if codes[i] in "UD"), None) if len(lists) > 1 else None
    builder, claims = claim_builder(), []
    for n, name in enumerate(names):
        stream = [name, compare, verb, tokens[lists[0][n]]]
        if rate_verb is not None:
            stream += [ClaimToken("_COMMA", "，", rate_verb.start, rate_verb.start), rate_verb, tokens[lists[1][n]]]
        claim = _parse(stream, "change_named", builder)
        if claim is None:
            return nothing
        claims.append((match.start("compare"), match.end(), claim))
    return claims, (match.start("compare"), match.end())


def _shared_prefix(items: list[str]) -> list[str]:
    """"政府性基金预算财政拨款收入和支出" → …收入, 政府性基金预算财政拨款支出: the items after the first that
    are a bare 收入 or 支出 share the first's name before its own."""
    if len(items) < 2:
        return items
    first, *others = items
    head = next((h for h in ("收入", "支出") if first.endswith(h)), None)
    if head is None or not all(item in ("收入", "支出") for item in others):
        return items
    return [first, *(first[:-len(head)] + item for item in others)]


def _section_end(match, *groups: str) -> int:
    """Where the list of amounts of a "respectively" match ends: where its first later list starts."""
    return min([match.start(group) for group in groups if match.start(group) != -1] or [match.end()])


def _item_list(section: list[ClaimToken], code: str) -> tuple[list[ClaimToken], list[ClaimToken]] | None:
    """``(lead, items)`` of one list of a "respectively" statement: the tokens before its first item
    without the word "respectively" (分别, 各), and the items (tokens of ``code``); None when the
    joiners are not a list's or a word after a comma is no "respectively"."""
    first = next(index for index, token in enumerate(section) if token.code == code)
    lead, listed = section[:first], section[first:]
    if not {token.text.strip() for token in listed[1::2]} <= set(_ITEM_JOINERS):
        return None
    kept = []
    for previous, token in zip([None, *lead], lead):
        if token.code == "E" or (previous is not None and previous.code == "," and token.code == "n"):
            if token.text.strip() not in _RESPECTIVELY_WORDS:
                return None
            continue
        kept.append(token)
    return kept, listed[0::2]


def _list_items(text: str) -> list[str]:
    """The items of a list written "A、B和C" (or with 及 / 与 before the last); an item keeps a joiner of
    its own name when the list's last joiner comes after it ("社会保障和就业支出、…和…"), and the last
    item keeps it when it is a subject's name ("…、商品和服务支出、对个人和家庭的补助")."""
    items = text.split("、")
    last = items.pop()
    joiner = next((joiner for joiner in ("和", "及", "与") if joiner in last), None)
    if joiner is not None and not is_subject_name(last):
        items.extend(last.rsplit(joiner, 1))
    else:
        items.append(last)
    items = [item.strip() for item in items]
    return items if all(items) else []


#: Heads of a list whose last item carries the name they share ("收、支总计", "收入、支出总计"), spelt out.
_SHARED_SUFFIX_HEADS = {"收入": "收入", "支出": "支出", "收": "收入", "支": "支出"}


def _shared_suffix(items: list[str]) -> list[str]:
    """"收、支总计" → 收入总计, 支出总计: heads whose last carries the name they share; other items as they are."""
    if len(items) < 2:
        return items
    *heads, last = items
    head = next((h for h in _SHARED_SUFFIX_HEADS if last.startswith(h) and len(last) > len(h)), None)
    if not heads or head is None or any(h not in _SHARED_SUFFIX_HEADS for h in heads):
        return items
    return [_SHARED_SUFFIX_HEADS[h] + last[len(head):] for h in [*heads, head]]


#: The change that follows an amount (or its share, or the amount spent and its completion rate),
#: naming no quantity of its own: "支出856.4万元，占本年支出合计的92.15%，比上年减少34.6万元，下降3.88%",
#: "支出决算为18.6万元，完成预算的93%，比上年决算增加2.6万元", "支出50万元，与上年相比增加5万元，增长11.1%",
#: "支出决算18.6万元，比年初预算减少1.4万元，下降7%" (a gap to the budget: see ``Change.rate_only``).
_CHANGE_AFTER = compile_re(r"(?:,C(?P<completion>P))?[,;](?:(?P<than>T)|(?P<with>W),?|(?P<budget>V)(?P<budget_amount>A)?,?)"
                           r"(?P<change>[UD]A(?:,T?[UD]P)?)")
_SUBJECT = compile_re(r"y?n")
#: A completion rate, then how far the amount is above or below the budget ("；完成年初预算100%，决算数大于
#: 预算数55.93万元").
_GAP_AFTER = compile_re(r"[,;]C(?P<rate>P),(?P<words>n)(?P<gap>A)")
_GAP_WORDS = compile_re(r"(?:支出)?决算数?(大于|小于|高于|低于)(?:年初|全年|调整)?预算数?|(超支|超预算|节约|节支)(?:资金)?")


#: Which budget a comparison or a completion names.
_BUDGET_KIND = compile_re(r"年初|全年|调整")


def _gap_sign(said) -> int:
    """+1 when the words of a gap (``_GAP_WORDS``) say the amount is above the budget."""
    return 1 if said.group(1) in ("大于", "高于") or said.group(2) in ("超支", "超预算") else -1
#: The previous level stated with the comparison, then the rate ("，较2022年预算1.50万元增长75%"), the
#: change and its rate ("，较上年2.08万元减少0.03万元，减少了1.44%", "，比2023年的15万元减少3万元，降幅20%") or the
#: change alone ("，比2023年度的44.90万元增加3.54万元"), the rate said 同比 again ("，比上年4.12万元增加2.72万元，同比增长66.02%"), also
#: after the amount's completion rate ("…48.36万元，完成预算的87.93%，比上年52.18万元减少3.82万元"): see :func:`_level_after`.
_LEVEL_AFTER = compile_re(r"(?:,CP)?,TO?(?P<previous>A)(?P<verb>[UD])(?P<change>A)?(?:(?<=A),T?[UD](?=P))?(?P<rate>P)?")


def _level_after(codes: str, at: int) -> re.Match | None:
    """A match of :data:`_LEVEL_AFTER` at ``at`` that states a change or a rate after the previous level."""
    level = _LEVEL_AFTER.match(codes, at)
    return level if level is not None and (level.group("change") or level.group("rate")) else None


#: After an amount, the levels it went from and to, the change between them and its rate (", 由 2024年的15.80万元 减少至
#: 12.50万元 , 减少 3.30万元 , 下降 20.9%").
_FROM_TO_AFTER = compile_re(r",F(?P<previous>A),?(?P<verb>[UD])(?P<current>A)(?:,(?P<change_verb>[UD])(?P<change>A))?(?:,T?[UD](?P<rate>P))?")


def _from_to_after(tokens: list[ClaimToken], codes: str, at: int) -> re.Match | None:
    """A match of :data:`_FROM_TO_AFTER` at ``at`` whose verb names the level reached and whose change, if stated, goes
    the same way; None when a number it reads is malformed."""
    reached = _FROM_TO_AFTER.match(codes, at)
    if reached is None or not _reaches(tokens[reached.start("verb")].text) or (
            reached.group("change") and codes[reached.start("change_verb")] != codes[reached.start("verb")]):
        return None
    return None if any(number.malformed for number in _level_numbers(tokens, reached)) \
        or tokens[reached.start("current")].number.malformed else reached


#: After an amount, last year's named as such and the change from it ("152.60万元 , 上年预算 168.30万元 , 增加 15.70万元 , 下降
#: 9.3%"): the amount before is this year's.
_LAST_YEARS_AFTER = compile_re(r",(?P<named>n)(?P<previous>A),(?P<verb>[UD])(?P<change>A)(?:,T?[UD](?P<rate>P))?")


def _last_years_after(tokens: list[ClaimToken], codes: str, at: int) -> re.Match | None:
    """A match of :data:`_LAST_YEARS_AFTER` at ``at`` whose name is last year's level (``_PREVIOUS_LEVEL``); None when it is
    another or a number it reads is malformed."""
    level = _LAST_YEARS_AFTER.match(codes, at)
    if level is None or not _PREVIOUS_LEVEL.fullmatch(tokens[level.start("named")].text.strip()):
        return None
    return None if any(number.malformed for number in _level_numbers(tokens, level)) else level


def _level_numbers(tokens: list[ClaimToken], level: re.Match) -> list[Number]:
    """The numbers a match of :data:`_LEVEL_AFTER` or :data:`_OPENING_LEVEL` reads: previous level, change, rate."""
    return [tokens[level.start(group)].number for group in ("previous", "change", "rate")
            if level.groupdict().get(group)]


#: The gap to a budget, after a completion ("，比年初预算增加100万元，增长10%", "，决算数大于预算数55.93万元")
#: or after an amount, with the budget stated between them ("，预算数378万元，支出数比预算数减少14.18万元，
#: 下降率为3.75%").
_BUDGET_GAP_AFTER = compile_re(
    r"[,;](?:(?P<budget_name>[nB])(?P<budget>A),)?"
    r"(?:n?(?P<compare>V),?(?P<verb>[UD])|(?P<words>n))(?P<gap>A)(?:,T?(?P<rate_verb>[UD])(?P<rate>P))?"
)
#: A sentence after a completion opening with its gap to the budget: "支出决算数比年初预算数增加18.42万元",
#: "比年初预算增加…，增长5.4%" (the amount spent named, or not).
_OPENING_GAP = compile_re(r"(?P<name>n)?(?P<compare>V),?(?P<verb>[UD])(?P<gap>A)(?:,T?(?P<rate_verb>[UD])(?P<rate>P))?")
_ACTUAL_NAMED = compile_re(r"(?:支出)?决算数?")
#: The name of a budget stated before its amount ("预算数", "年初预算为").
_BUDGET_NAME = compile_re(r"(?:年初|全年|调整后?)?预算数?(?:为|是)?")


def _budget_gap_after(tokens: list[ClaimToken], codes: str, end: int, claim) -> tuple[int, int, BudgetGap] | None:
    """``(start, end, gap)`` of the gap to a budget stated right after ``claim`` (a completion, a project's
    execution, or an amount followed by its budget: see ``_BUDGET_GAP_AFTER``), which ends at token
    ``end``; None when there is none, the budget it names is not stated, or a number is malformed."""
    match = _BUDGET_GAP_AFTER.match(codes, end)
    if match is None or not isinstance(claim, (Completion, Execution, Stated)):
        return None
    compare_token = bool(match.group("compare"))
    compare = tokens[match.start("compare")].text if compare_token else None
    if compare is None:
        said = _GAP_WORDS.fullmatch(tokens[match.start("words")].text)
        if said is None:
            return None
        compare, sign = said.group(), _gap_sign(said)
    else:
        sign = _sign(tokens[match.start("verb")])
    kind = budget_kind(compare)
    if isinstance(claim, (Completion, Execution)):
        if match.group("budget"):
            return None  # another budget follows the completion: which one the gap is of is unclear
        actual, budget = claim.actual, _budget_of(claim, kind)
    else:
        name = tokens[match.start("budget_name")]
        if not match.group("budget") or not (name.type == "BUDGET_IS" or _BUDGET_NAME.fullmatch(name.text.strip())):
            return None
        if budget_kind(name.text) != kind and kind:
            return None  # "预算数378万元，…比年初预算减少…": of another budget
        actual, budget = claim.number, tokens[match.start("budget")].number
    gap = _budget_gap(tokens, match, actual, budget, sign,
                      worded=not compare_token and said.group(1) is not None and isinstance(claim, Completion))
    return None if gap is None else (match.start("compare") if compare_token else match.start("words"), match.end(), gap)


def _budget_gap(tokens: list[ClaimToken], match, actual: Number, budget: Number | None, sign: int,
                worded: bool = False) -> BudgetGap | None:
    """The gap to ``budget`` a match of :data:`_BUDGET_GAP_AFTER` or :data:`_OPENING_GAP` states (its
    ``gap``, and its rate if ``rate``); None when the budget is unknown or a number is malformed."""
    gap = tokens[match.start("gap")].number
    rate = tokens[match.start("rate")] if match.group("rate") else None
    if budget is None or any(n.malformed for n in (actual, budget, gap)) or (rate is not None and rate.number.malformed):
        return None
    return BudgetGap(actual, budget, sign, gap, rate.number if rate else None,
                     _rate_sign(tokens[match.start("rate_verb")], rate.text) if rate else None, worded=worded)


def _after_bracket(tokens: list[ClaimToken], index: int) -> int:
    """``index``, or past the bracket that opens there and closes in the same clause: a change may
    follow an amount's own breakdown ("公务用车购置及运行维护费15万元（其中：购置费0万元，运行维护费15万元），
    比上年减少1万元，下降6.25%") or an aside without numbers ("1,036.58万元（含参公单位），比上年增加…")."""
    if index < len(tokens) and tokens[index].code == "n" and _ASIDE.fullmatch(tokens[index].text.strip()):
        return index + 1
    if index >= len(tokens) or tokens[index].code != "n" or tokens[index].text.strip() not in ("（", "("):
        return index
    for close in range(index + 1, len(tokens)):
        text = tokens[close].text.strip()
        if tokens[close].code == ";" or "。" in text:
            return index
        if text in ("）", ")"):
            return close + 1
    return index


#: A clause saying what an amount paid for, between it and its change ("，主要用于公务活动").
_USE_CLAUSE = compile_re(r"[,;]M:?n(?=[,;])")
#: The parts of an amount after it ("，其中：基本支出1,793,220.00元，项目支出620,000.00元").
_PARTS = compile_re(r",Q:?(?:nA,)*nA")


def _past_parts(codes: str, at: int) -> int:
    """Where the parts listed at ``at`` end when the amount's change follows them after a semicolon ("，其中：基本支出…，
    项目支出…；比2024年预算数增加…"), else ``at``."""
    parts = _PARTS.match(codes, at)
    return parts.end() if parts is not None and codes.startswith(";T", parts.end()) else at
#: A bracketed aside of words ("（含参公单位）", "（包括厅机关和3个参公单位）").
_ASIDE = compile_re(r"[（(][^（()）。，,；;]{1,40}[）)]")


def _clause_start(codes: str, index: int) -> int:
    """The index of the first token of the clause that token ``index`` belongs to."""
    separator = max(codes.rfind(mark, 0, index) for mark in ",;:")
    return separator + 1


def _change_after(tokens, codes: str, stated, builder) -> list[tuple[int, int, object]]:
    """The changes stated right after ``stated`` (a code match of an amount, a share or an amount
    spent), read as changes of its subject (whose level is already stated): a gap to the budget and
    a change on the year may follow one another ("支出决算为5.2万元，比年初预算减少0.8万元，下降13.33%；
    比上年决算减少0.6万元，下降10.34%"). Compared "与上年相比", a change is only read with its rate."""
    subject = _SUBJECT.match(codes, stated.start())
    if subject is None:
        return []
    if codes.startswith(";T", stated.end()) and (whole := codes.rfind(",Q", 0, stated.start())) != -1 \
            and _PARTS.fullmatch(codes, whole, stated.end()):
        return []  # the last part of a breakdown closed by a semicolon: the change after it is the whole's (see below)
    amount_end = codes.index("A", stated.start()) + 1
    found, end = [], _after_bracket(tokens, stated.end())
    rated = end  # "…2.87万元，完成年初预算的82.00%，完成调整预算的82.00%，比上年减少0.25万元": past its completion rates to
    # its change on the year (a gap to the budget after them is the rates' own: "…，完成年初预算的80%，比年初预算减少230.60万元")
    while (rate := _OTHER_COMPLETION.match(codes, rated)) is not None:
        rated = rate.end()
    if rated != end and (after := _CHANGE_AFTER.match(codes, rated)) is not None and not after.group("budget"):
        end = rated
    if (use := _USE_CLAUSE.match(codes, end)) is not None:
        # "公务接待费合计14,200元，主要用于公务活动；较上年的18,600元减少…", "…预算数为318.00万元，主要用于…考评；比2025年
        # 预算增加32.00万元": past what it paid for, the comparison after it read as if right after the amount.
        past = codes[:use.end()] + "," + codes[use.end() + 1:]
        if _level_after(past, use.end()) is not None or _CHANGE_AFTER.match(past, use.end()) is not None:
            codes, end = past, use.end()
    # "…预算数为2,413,220.00元，其中：基本支出1,793,220.00元，项目支出620,000.00元；比2024年预算数增加…": past its parts
    end = _past_parts(codes, end)
    reached = _from_to_after(tokens, codes, end) or _last_years_after(tokens, codes, end)
    if reached is not None:  # "…预算为12.50万元，由2024年的15.80万元减少至12.50万元，减少3.30万元": both levels, after it
        clause = _clause_start(codes, amount_end - 1)
        name = "".join(t.text for t in tokens[clause:amount_end - 1])
        current = tokens[reached.start("current")].number if reached.groupdict().get("current") else tokens[amount_end - 1].number
        return [(reached.start(), reached.end(), _transition(tokens, reached, without_copula(name), current, tokens[clause].start))]
    level = _level_after(codes, end)
    if level is not None:  # "培训费2023年预算2万元，较2022年预算1.50万元增长75%": both levels stated
        if tokens[amount_end - 1].number.malformed or any(number.malformed for number in _level_numbers(tokens, level)):
            return found
        clause = _clause_start(codes, amount_end - 1)
        name = "".join(t.text for t in tokens[clause:amount_end - 1])
        found.append((level.start(), level.end(),
                      _transition(tokens, level, without_copula(name), tokens[amount_end - 1].number, tokens[clause].start)))
        if level.group("change"):  # the change itself, as "比2024年预算增加79.73万元" states it (its rate is the transition's)
            compare = level.start() + 1
            stream = tokens[subject.start():subject.end()] + [tokens[compare]] + tokens[level.start("verb"):level.end("change")]
            change = _parse(stream, "change_named", builder)
            if change is not None:
                change.basis = _basis(tokens[compare].text)
                found.append((level.start(), level.end("change"), change))
        return found
    for _ in range(2):
        after = _CHANGE_AFTER.match(codes, end)
        if after is None:
            break
        if after.group("budget"):  # against the budget: the amount, then its gap to the budget
            start = after.start("budget")  # "，比年初预算减少…" or "，与年初预算相比，减少…"
            stream = tokens[subject.start():amount_end] + tokens[start - 1:start + 1] + tokens[after.start("change"):after.end()]
            claim = _parse(stream, "change_vs_budget", builder)
            if claim is not None and after.group("budget_amount"):  # "…86.45万元，比年初预算数92.00万元减少5.45万元"
                gap = _stated_budget_gap(tokens, amount_end - 1, after, claim)
                if gap is not None:
                    found.append((start, after.end(), gap))
            rate = tokens[after.start("completion")].number if after.group("completion") else None
            if claim is not None and rate is not None and not rate.malformed:  # "…，完成年初预算的70%，比年初预算减少…"
                found.append((start, after.end(), GapCompletion(tokens[amount_end - 1].number, rate, claim.sign, claim.delta)))
            rate_after = _completion_after_gap(tokens, codes, after) if claim is not None and rate is None else None
        else:
            start = after.start("than") if after.group("than") else after.start("change")
            stream = tokens[subject.start():subject.end()] + tokens[start:after.end()]
            claim = _parse(stream, "change_named" if after.group("than") else "change_bare", builder)
            rate_after = None
            if claim is not None and after.group("with"):  # "与2021年度预算相比，": its basis
                claim.basis = _basis(tokens[after.start("with")].text)
        if claim is None:
            break
        found.append((start, after.end(), claim))
        end = after.end()
        if rate_after is not None:  # "…，较年初预算减少2.14万元，完成年初预算的88.17%"
            found.append((end, end + 3, GapCompletion(tokens[amount_end - 1].number, rate_after, claim.sign, claim.delta)))
            end += 3
    gap = _GAP_AFTER.match(codes, end)
    said = _GAP_WORDS.fullmatch(tokens[gap.start("words")].text) if gap is not None else None
    if said is not None:  # "…；完成年初预算100%，决算数大于预算数55.93万元": the gap, not the budget
        actual, rate, amount = (tokens[i].number for i in (amount_end - 1, gap.start("rate"), gap.start("gap")))
        if not (actual.malformed or rate.malformed or amount.malformed):
            found.append((gap.start(), gap.end(), GapCompletion(actual, rate, _gap_sign(said), amount)))
    return found


def _stated_budget_gap(tokens: list[ClaimToken], amount: int, after, claim: Change) -> BudgetGap | None:
    """The gap of a change against a budget that names the budget's amount ("…支出86.45万元，比年初预算数92.00万元
    减少5.45万元，降低6.03%"): the amount at ``amount``, the budget's after the comparison (``after``, a match of
    ``_CHANGE_AFTER``); None when a number is malformed."""
    actual, budget = tokens[amount].number, tokens[after.start("budget_amount")].number
    if actual.malformed or budget.malformed:
        return None
    return BudgetGap(actual, budget, claim.sign, claim.delta, claim.rate, claim.rate_sign)


def _completion_after_gap(tokens: list[ClaimToken], codes: str, gap) -> Number | None:
    """The completion rate stated right after a gap to the budget (``gap``, a match of
    ``_CHANGE_AFTER``), when it is of the same budget: "较年初预算减少2.14万元，完成年初预算的88.17%", not
    "完成调整预算的95%"."""
    if not codes.startswith(",CP", gap.end()):
        return None
    gap_budget = _BUDGET_KIND.search(tokens[gap.start("budget")].text)
    rate_budget = _BUDGET_KIND.search(tokens[gap.end() + 1].text)
    if gap_budget and rate_budget and gap_budget.group() != rate_budget.group():
        return None
    rate = tokens[gap.end() + 2].number
    return None if rate.malformed else rate


def _parse(stream: list[ClaimToken], family: str, builder) -> object | None:
    """The claim ``stream`` states as a sentence of ``family``; None when it does not parse, the
    transformer declines it, or an input amount is malformed."""
    shape = _shape(family, tuple(t.type for t in stream))
    if shape is None:
        return None
    try:
        claim = builder.transform(_filled(shape, [t.lark() for t in stream]))
    except LarkError:
        return None
    return None if claim is None or _has_malformed_number(claim) else claim


@lru_cache(maxsize=1024)
def _shape(family: str, types: tuple[str, ...]) -> Tree | None:
    """The parse tree of a stream of tokens of ``types`` as a sentence of ``family``, each token
    given by its index in the stream; None when such a stream does not parse. The parser reads
    token types only, so every stream of these types parses alike: a document's sentences,
    stated in a few forms, are parsed once a form."""
    stream = [Token(kind, "", start_pos=index) for index, kind in enumerate(types)]
    try:
        return _indexed(parser().parse(stream, start=family))
    except LarkError:
        return None


def _indexed(tree: Tree) -> Tree:
    return Tree(tree.data, [_indexed(c) if isinstance(c, Tree) else c.start_pos if isinstance(c, Token) else c
                            for c in tree.children])


def _filled(shape: Tree, tokens: list) -> Tree:
    """The parse tree of ``shape`` (see :func:`_shape`) with its tokens."""
    return Tree(shape.data, [_filled(c, tokens) if isinstance(c, Tree) else tokens[c] if isinstance(c, int) else c
                             for c in shape.children])


def _has_malformed_number(claim) -> bool:
    """Whether an input amount is malformed (a malformed stated percentage is for the rules)."""
    amounts = [v for v in vars(claim).values() if isinstance(v, Number) and not v.is_percent]
    amounts += [v.number for v in vars(claim).values() if isinstance(v, Stated)]
    if isinstance(claim, Stated):
        amounts.append(claim.number)
    return any(a.malformed for a in amounts)


# ---------------------------------------------------------------------------
# Context: headings, 其中, numbered lists, completion groups
# ---------------------------------------------------------------------------

#: A subject named with its level ("…（类）", "…(款)", "…(项)").
SUBJECT_LEVEL = compile_re(r"[(（]([类款项])[)）]")
_NUMBERED = compile_regex(r"^\s*(?:\d{1,2}[.、．]|[(（]\d{1,2}[)）])(?!\d)")
_OPEN_QIZHONG = compile_regex(r"其中[：:，,]?\s*$")
#: A sentence naming a quantity whose parts follow ("本年支出中：", "支出包括："), stated earlier in its paragraph.
_NAMED_LIST = compile_regex(r"(?:按[\p{Han}]{2,16}[，,])?(?P<name>[\p{Han}“”、]{2,24}?)(?:中|(?:主要|具体)?包括|主要用于(?:以下方面)?)[：:]")
#: A heading announcing the parts of a total stated in the paragraph before it, the 预算 template's
#: "（二）一般公共预算当年拨款结构情况".
_STRUCTURE_HEADING = compile_regex(r"^\s*[(（][一二三四五六七八九十]{1,3}[)）]\s*(?P<name>[\p{Han}]{2,20}?)(?:的)?结构(?:情况)?(?:说明)?\s*$")
#: A line announcing the classes of the amount just stated, naming no quantity ("按支出功能分类科目“类”级分：").
_CLASSIFIED_LIST = compile_regex(r"按[\p{Han}“”]{2,16}分类[\p{Han}“”()（）]{0,10}?(?:级)?分[：:]")  # (also "科目（类级）划分：")
#: A sub-heading's number ("（二）"), under a part's ("三、").
_SUB_HEADING_MARK = compile_re(r"\s*[(（][一二三四五六七八九十]+[)）]")
_LEAD_MARKER = compile_regex(r"^\s*(?:[(（]?[一二三四五六七八九十]+[)）、]|第[一二三四五六七八九十]+部分)")
#: Quick tests of the first character before the patterns above, which run slowly, a line or a
#: sentence at a time: no list number opens with a Han character, a lead marker opens with a space,
#: a bracket, 第 or a Chinese numeral (``re``'s spaces include the ``regex`` module's).
_NUMBERED_FIRST = compile_re(r"[^\u4e00-\u9fff]")
#: A line naming a project, then a sentence stating an amount by a bare word of the year's flow ("1.老旧小区改造项目。" then
#: "全年支出2,164.38万元").
_PROJECT_LINE = compile_re(r"(?:项目|工程|专项|经费|资金)$")
#: A sentence that is a name alone ("公务用车运行维护费。").
_NAME_ALONE = compile_regex(r"[\p{Han}“”（）()]{2,20}。")
#: The year named without its number before an amount spent ("本年度支出决算…").
_THIS_YEAR_WORD = compile_re(r"本年度?|当年|全年")
_PROJECT_FLOW = compile_re(r"(?:全年|本年|年度|当年)?(?:支出|收入|投入|执行|使用资金|拨付资金)(?:数|金额)?(?:为|共计|合计)?")
_LEAD_MARKER_FIRST = compile_re(r"[\s(（第一二三四五六七八九十]")
#: The number of a list item opening a sentence: "(二)", "（2）", "2.", "2、", "二、".
_ITEM_MARKER = compile_regex(r"^\s*(?:[(（]\s*([一二三四五六七八九十]+|\d{1,2})\s*[)）]|([一二三四五六七八九十]+|\d{1,2})([、.．]))(?!\d)")


def _budget_before(tokens: list[ClaimToken], index: int, final_document: bool) -> bool:
    """Whether the amount last stated before token ``index`` is a budget figure ("预算为20万元", and in a
    决算 "“三公”经费预算11324.44万元", which in a 预算 is the year's amount)."""
    amount = next((i for i in range(index - 1, -1, -1) if tokens[i].type == "AMOUNT"), None)
    if amount is None or amount == 0:
        return False
    before = tokens[amount - 1]
    return before.type == "BUDGET_IS" or (
        final_document and before.type == "NAME" and _BUDGET_SUFFIX.search(before.text) is not None)


def _budgets_listed(tokens: list[ClaimToken], index: int, final_document: bool) -> bool:
    """Whether, in a 决算, the list after token ``index`` opens with a budget figure ("…支出决算为476.60万元。
    其中：因公出国（境）费预算为0万元，…": the budgets' parts, not the amount spent's)."""
    at = next((i for i in range(index + 1, min(index + 3, len(tokens))) if tokens[i].type == "NAME"), None)
    return final_document and at is not None and (
        _BUDGET_SUFFIX.search(tokens[at].text) is not None or (at + 1 < len(tokens) and tokens[at + 1].type == "BUDGET_IS"))


def _marker_before(tokens: list[ClaimToken], stated: Stated) -> tuple[str, int] | None:
    """The list marker ("二、", "(3)") of the item whose amount is ``stated``, in the clause before it."""
    index = next((i for i, t in enumerate(tokens) if t.start == stated.number.start), None)
    if index is None:
        return None
    for token in reversed(tokens[max(0, index - 3):index]):
        if token.type.startswith("_"):
            return None
        if token.type == "NAME" and (marker := _item_marker(token.text.strip())) is not None:
            return marker
    return None


def _item_marker(text: str) -> tuple[str, int] | None:
    """``(style, number)`` of the list item ``text`` opens with: "(二)" is ``("一()", 2)``, "2." is ``("1.", 2)``."""
    match = _ITEM_MARKER.match(text)
    if match is None:
        return None
    numeral = match.group(1) or match.group(2)
    digits = numeral.isdigit()
    number = int(numeral) if digits else chinese_int(numeral)
    separator = "()" if match.group(1) else match.group(3).replace("．", ".")
    return ("1" if digits else "一") + separator, number


#: A name opening with last year ("上年同期", "上年一般公共预算财政拨款支出", "2023年度…" is a year label): the amount is
#: last year's. Not a balance carried from it ("上年结转", "上年结余", "上年末").
LAST_YEARS = compile_re(r"(?:上一?年度?|去年)(?!结转|结余|末)")


#: A paragraph opening with a total of the 收支总表 ("2024年度本年支出合计…", "本年收入合计…", "收、支总计…").
_TABLES_TOTAL = compile_re(r"\s*(?:(?:\d{1,2}[.、．]|[(（][\d一二三四五六七八九十]{1,2}[)）])\s*)?(?:20\d{2}年度?)?"
                           r"(?:本年(?:收入|支出)合计|(?:收入|支出)总计|收、?支总计)")

#: A comparison opening a sentence ("与2023年度相比，").
_OPENING_COMPARISON = compile_re(r"\s*(?:与|和|同)[^，,。；;]{0,16}?(?:相比|比较)[，,]")


def extract_claims(document) -> ClaimSet:
    """All claims of ``document``'s narrative, with their context resolved."""
    text = document.flow.text
    title = disclosure_title(text)
    department = text[text.rfind("\n", 0, title.start()) + 1:title.start()].strip() if title else ""
    claims = ClaimSet(budget_document=title is not None and title.group(2) == "预算",
                      final_document=title is not None and title.group(2) == "决算", department=department or None)
    claims.other_units_from = other_units_from(text, claims.department)
    state = _Context(year=title.group(1) if title else None)
    offset = 0
    for line in document.flow.text.split("\n"):
        if claims.other_units_from is not None and offset >= claims.other_units_from:
            break  # another unit's accounts: its claims are not the department's (nor checked against its tables)
        if state.scope_before is not None:
            (state.scope,), state.scope_before = state.scope_before, None
        if _LEAD_MARKER_FIRST.match(line) and _LEAD_MARKER.match(line) and is_heading(line.strip(), 10_000):
            group = state.group
            state.enter_heading(line)
            if CLASS_HEADING.fullmatch(line):
                state.group = group  # "（一）卫生健康支出（类）" over its 款 and 项: the completion lines go on
        state.previous_values = state.line_values
        state.section_values += state.line_values
        if state.pending_whole is None and _TABLES_TOTAL.match(line):
            # A paragraph naming a total of the 收支总表 speaks of its section's scope again, not of a list's before it:
            # "…财政拨款支出3,578.84万元，其中：…。" then "2024年度本年支出合计3,590.14万元。" is the department's (so is
            # a numbered item's: "1.财政拨款收入…。其中：…" then "2.本年支出合计…").
            state.scope = state.heading_scope
        if (structure := _STRUCTURE_HEADING.search(line)) is not None:
            # "（二）一般公共预算当年拨款结构情况" over "一般公共服务支出…万元，占…%；…": the parts of the total it names
            state.structure_whole = _named_whole(structure.group("name"), state)
        state.paragraph_scope, state.line_start, state.line, state.line_values = None, offset, line, []
        group, items = state.group, len(state.group.items) if state.group else 0
        for sentence in _SENTENCE.finditer(line):
            if state.scope_before is not None and _TABLES_TOTAL.match(_OPENING_COMPARISON.sub("", sentence.group(), count=1)):
                # "财政拨款收入中，一般公共预算…。与2023年度相比，本年收入合计增加…": the department's total again
                (state.scope,), state.scope_before = state.scope_before, None
            values, breakdowns = len(claims.values), len(claims.breakdowns)
            _read_sentence(sentence.group(), offset + sentence.start(), state, claims)
            if len(claims.breakdowns) == breakdowns:
                _total_after_items(claims.values[values:], claims) \
                    or _total_of_list_above(sentence.group(), claims.values[values:], state, claims)
        if group is not None and group is state.group and len(group.items) == items and SUBJECT_LEVEL.search(line) \
                and may_hold_number(line):
            group.unread = True  # "…(项)：年初预算安排50万元，实际支出50万元" is an item not read as one
        offset += len(line) + 1
    return claims


#: A total named by the word alone ("合计", "共计为", "总计", "以上合计", "上述项目合计", "上述2个项目合计").
_BARE_TOTAL = compile_re(r"(?:以上|上述(?:\d{1,2}个)?[^，,。；;\d]{0,8}?)?(?:合计|共计|总计)(?:为)?")


def _total_after_items(values: list[Stated], claims: ClaimSet) -> bool:
    """A sentence that lists amounts and then their total by the word alone ("涉及一般公共预算当年拨款
    517.30万元、政府性基金预算当年拨款80.00万元，合计579.30万元") breaks that total down, into
    every part (``summed``). Read only where the sentence lists nothing else (no 其中 or 主要用于)."""
    if len(values) < 3 or not _BARE_TOTAL.fullmatch(clean_name(values[-1].name)):
        return False
    parts = values[:-1]
    if not _counts_its_parts(values[-1], parts):
        return False
    if any(_BARE_TOTAL.fullmatch(clean_name(part.name)) or part.number.unit != values[-1].number.unit for part in parts) \
            or any(part is listed for breakdown in claims.breakdowns[-3:] for listed in (breakdown.whole, *breakdown.parts)
                   for part in parts):
        return False
    claims.breakdowns.append(Breakdown(values[-1], values[-1].name, parts=list(parts), summed=True))
    return True


def _total_of_list_above(sentence: str, values: list[Stated], state: "_Context", claims: ClaimSet) -> None:
    """A sentence opening with the total of the list just read, by the word alone, and stating nothing else
    ("以上合计1217.05万元。" under "（1）…万元；⏎（2）…万元。"): that total is the sum of every part of the list."""
    listing = state.last_list
    if len(values) != 1 or listing is None or len(listing.parts) < 2 or not _BARE_TOTAL.match(sentence.lstrip()) \
            or not _BARE_TOTAL.fullmatch(clean_name(values[0].name)) \
            or any(part.number.unit != values[0].number.unit for part in listing.parts) \
            or not _counts_its_parts(values[0], listing.parts):
        return
    claims.breakdowns.append(Breakdown(values[0], values[0].name, parts=list(listing.parts), summed=True))


def _counts_its_parts(total: Stated, parts: list[Stated]) -> bool:
    """Whether a total naming how many it adds ("上述2个项目合计") names as many as ``parts`` (one naming none does)."""
    counted = _COUNTED_TOTAL.search(total.name)
    return counted is None or int(counted.group(1)) == len(parts)


#: How many items a total adds up ("上述5个单位合计": 5).
_COUNTED_TOTAL = compile_re(r"上述(\d{1,2})个")


@dataclass
class _Context:
    #: The year the disclosure is of, as its title says.
    year: str | None = None
    scope: str | None = None
    #: The scope the section's heading names (``scope`` may narrow to a breakdown's whole's after it),
    #: and the one its part's heading names, which a sub-heading naming none goes on with.
    heading_scope: str | None = None
    part_scope: str | None = None
    list_whole: Breakdown | None = None
    #: Where the line starts on which ``list_whole`` opened and listed its uses in the same sentence ("项目支出…，主要用于：
    #: A…，B…。"); None when its parts follow on the next lines, or when it classifies its whole ("按支出性质分：…").
    list_listed_on: int | None = None
    pending_whole: Breakdown | None = None
    #: The total a heading announces the parts of ("（二）一般公共预算当年拨款结构情况"): the whole of the shares
    #: under it that name none and stand in no list.
    structure_whole: Stated | None = None
    #: A whole whose parts are numbered items after "其中：" (each item opens a sentence), the
    #: items' style and the last item's number.
    items: tuple[Breakdown, str, int] | None = None
    last_value: Stated | None = None
    subject_line: str | None = None
    group: CompletionGroup | None = None
    #: The scope of this paragraph's last 本年收入 or 本年支出 named with one ("一般公共预算财政拨款本年
    #: 收入979.53万元，…；本年支出869万元": the 本年支出 is of the same scope).
    paragraph_scope: str | None = None
    #: The year of the sentence being read, for its parts of a whole it could not read.
    parts_year: str | None = None
    #: The last amount stated as the base of a comparison (see ``_whole_before``).
    compared: Stated | None = None
    #: Where the last amount named a total in the sentences read so far ends (see ``_whole_before``).
    last_total_end: int = -1
    #: Where the paragraph being read starts in the flow text, and its text.
    line_start: int = 0
    line: str = ""
    #: The amounts stated in the paragraph so far, and in the paragraph before.
    line_values: list[Stated] = field(default_factory=list)
    previous_values: list[Stated] = field(default_factory=list)
    #: The last list opened ("其中：…", "主要用于燃料费…、维修费…").
    last_list: Breakdown | None = None
    #: The list a 其中 ending a line opened, whose items stand a line each, and whether its last item ended in a
    #: semicolon or a comma (the list goes on).
    line_list: tuple[Breakdown, bool] | None = None
    #: The amounts stated in the section's earlier paragraphs.
    section_values: list[Stated] = field(default_factory=list)
    #: The scope before a whole named "X中" narrowed it, to go back to at the paragraph's end.
    scope_before: tuple[str | None] | None = None

    def enter_heading(self, heading: str) -> None:
        # A table's title in a list of tables ("九、财政拨款“三公”经费支出决算表") opens no section of its scope.
        own = scope_of(heading) if not heading.rstrip().endswith("表") else None
        if _SUB_HEADING_MARK.match(heading):
            own = own or self.part_scope  # "三、一般公共预算拨款支出情况" then "（二）按支出性质划分"
        else:
            self.part_scope = own
        self.scope = self.heading_scope = own
        self.list_whole = self.pending_whole = self.last_value = self.items = self.structure_whole = None
        self.subject_line = None
        self.group = None
        self.section_values = []
        self.line_list = self.last_list = None


def _read_sentence(text: str, offset: int, state: _Context, claims: ClaimSet) -> None:
    state.parts_year = None
    tokens = tokenize(text, offset) if may_hold_number(text) else []
    has_numbers = any(t.type in ("AMOUNT", "PERCENT") for t in tokens)
    line_list, state.line_list = state.line_list, None
    if not has_numbers:
        if SUBJECT_LEVEL.search(text) or (_NUMBERED_FIRST.match(text) and _NUMBERED.match(text)) \
                or (_ITEM_MARKER.match(text) and quantity_key(_ITEM_MARKER.sub("", text).rstrip("。；;：: "))) \
                or (offset == state.line_start and text.rstrip().endswith("。") and _NAME_ALONE.fullmatch(text.strip())
                    and quantity_key(text.strip().rstrip("。"))):
            # "2.公务用车购置及运行维护费。", "（二）公务接待费。", "公务用车运行维护费。" opening its line: its subject
            state.subject_line = text.rstrip("。；;：: ")
        if _CLASSIFIES.search(text):
            state.last_value = None  # "按项目类型，分为货物、工程和服务三种类型。其中：…": a whole not stated
        if "其中" in text and _OPEN_QIZHONG.search(text):
            state.pending_whole = _open_breakdown(_whole_before(tokens, len(tokens), state), claims, state)
        elif text.endswith(("：", ":")) and (named := _NAMED_LIST.fullmatch(text)):
            state.pending_whole = _open_breakdown(_named_whole(named.group("name"), state), claims, state)
        elif text.endswith(("：", ":")) and _CLASSIFIED_LIST.fullmatch(text):
            # "…支出9358.89万元。" then "按支出功能分类科目“类”级分：": the amount just stated, by class
            whole = next((v for v in reversed(state.previous_values + state.line_values)
                          if v.key and v.key[1] in ("支出", "收入")), None)
            state.pending_whole = _open_breakdown(whole, claims, state)
        return
    tokens = _without_asides(tokens)
    # "本年支出合计8,580.05万元，较2023年度增加…。本年支出合计中：基本支出…" (maybe after a clause saying how it is
    # divided: "从收入的单位构成看，本年收入合计中：…"): the amount just stated, broken down
    opens = 2 if [t.type for t in tokens[:2]] == ["NAME", "_COMMA"] else 0
    if len(tokens) > opens + 2 and tokens[opens].type == "NAME" and tokens[opens].text.endswith("中") \
            and tokens[opens + 1].type == "_COLON" and state.last_value is not None \
            and clean_name(tokens[opens].text[:-1]) == clean_name(state.last_value.name):
        tokens = [tokens[opens]._replace(type="QIZHONG"), *tokens[opens + 1:]]
    opening = [t.type for t in tokens[:2]]
    this_year = opening == ["NAME", "ACTUAL_IS"] and _THIS_YEAR_WORD.fullmatch(tokens[0].text.strip()) is not None
    if state.subject_line and (opening in (["YEAR", "BUDGET_IS"], ["YEAR", "ACTUAL_IS"]) or opening[:1] == ["ACTUAL_IS"] or this_year) \
            and (SUBJECT_LEVEL.search(state.subject_line) or quantity_key(_ITEM_MARKER.sub("", state.subject_line))):
        # "（二）社会保障和就业支出（类）" on a line of its own, then "2025年预算数为…，比2024年预算数增加…"; "3．公务接待费。
        # 支出决算为2.51万元": the amounts of the subject the line names
        subject = _ITEM_MARKER.sub("", state.subject_line)
        # (after the year the sentence opens with: "3.公务接待费。2024年度支出决算为…" reads as "2024年度公务接待费支出决算为…")
        at = 1 if opening[:1] == ["YEAR"] or this_year else 0  # (or "本年度": "2.….。本年度支出决算98,612.30元")
        tokens = [*tokens[:at], ClaimToken("NAME", subject, tokens[at].start, tokens[at].start), *tokens[at:]]
        state.subject_line = None
    if state.subject_line and opening == ["NAME", "AMOUNT"] and _PROJECT_FLOW.fullmatch(tokens[0].text.strip()) \
            and _PROJECT_LINE.search(state.subject_line):
        # "1.老旧小区改造项目。全年支出2,164.38万元": the project's spending, no department's
        tokens = [tokens[0]._replace(text=_ITEM_MARKER.sub("", state.subject_line) + tokens[0].text.strip()), *tokens[1:]]
        state.subject_line = None
    if "".join(t.code for t in tokens).startswith("BA,CP") and (spent := _spent_before(state)) is not None:
        # "（项）：本年支出18,902.15万元。年初预算为16,000.00万元，完成年初预算的128.1%": the completion of the amount spent
        # the sentence before states
        tokens = [ClaimToken("NAME", spent.name, tokens[0].start, tokens[0].start),
                  ClaimToken("AMOUNT", spent.number.text + spent.number.unit, spent.number.start, spent.number.end, spent.number),
                  ClaimToken("_COMMA", "，", tokens[0].start, tokens[0].start), *tokens]
    if (compared := _comparison_naming_a_level(tokens)) is not None:
        tokens = compared  # "与2024年预算总计2420.40万元相比，增加…": read as "比2024年预算总计2420.40万元增加…"
    if tokens and tokens[0].type == "CMP_THAN" and (transition := _opening_transition(tokens, state, claims)):
        claims.transitions.append(transition)
        return
    if tokens and (gap := _opening_gap(tokens, state, claims)) is not None:
        (claims.gap_completions if isinstance(gap, GapCompletion) else claims.budget_gaps).append(gap)
        return
    found = parse_sentence(tokens)
    if state.pending_whole is None and line_list is not None and offset == state.line_start \
            and _next_line_item(found, *line_list):
        state.pending_whole = line_list[0]  # "…基本支出2716.58万元，其中：⏎人员经费…。⏎公用经费…。": an item a line
    breakdown = pending = state.pending_whole
    state.pending_whole = None
    first_claim = found[0][2] if found else None
    if pending is not None and isinstance(first_claim, Stated) and "支出" in pending.whole_name and "收入" not in pending.whole_name \
            and "收入" in first_claim.name and "支出" not in first_claim.name:
        breakdown = pending = None  # "收入预算总计…，支出预算总计…。其中：⏎（一）收入预算…": each side restated, under neither
    if pending is not None and offset == state.line_start and found and found[0][0] == 0:
        state.line_list = pending, text.rstrip().endswith(("；", ";", "，", ","))
    item_of = _next_item(text, breakdown, state)
    qizhongs = [i for i, t in enumerate(tokens) if t.type == "QIZHONG"]
    qizhong = qizhongs[0] if qizhongs else None
    reasons = _reasons(tokens) if qizhong is None else None  # (once a sentence: its changes listed after it)
    # A later 其中 outside brackets breaks down the amount right before it ("收入总数9657351.13元，其中
    # 财政补助收入9589412.13元，其中：初中教育8657036.38元…") up to the end of its clause (；), where
    # the list before it goes on ("…；公务接待费3万元").
    # So does a 包括 or 主要为 after a part of the list ("其中：人员经费…元，包括工资福利支出…元、…；公用经费…元",
    # "…，其他收入19,195.23万元，主要为地方财政拨款18,320.15万元").
    main_use = next((i for i, t in enumerate(tokens) if t.type == "MAIN_USE"), None)
    # A named list opening a clause of its own after the sentence's first list ("收入包括：…；支出包括：…")
    # (or after a 其中 list's clause: "其中：一般公共预算拨款…，政府性基金预算拨款…；支出包括：…")
    later_lists = {i for i, t in enumerate(tokens) if t.type == "MAIN_USE" and i > 1
                   and tokens[i - 1].type == "NAME" and tokens[i - 2].type in ("_SEMI", "_COMMA")
                   and (i != main_use or (tokens[i - 2].type == "_SEMI" and qizhong is not None and qizhong < i))}
    # The whole classified again after the first list ("按支出功能分类科目划分，…；按支出性质划分，基本支出…").
    reclassified = {i for i, t in enumerate(tokens) if t.type == "MAIN_USE" and t.text.startswith("按")
                    and i > 1 and tokens[i - 1].type == "_SEMI"}
    nested = sorted(i for i, t in enumerate(tokens)
                    if (qizhong is not None and i > qizhong
                        and (t.type == "QIZHONG" or (t.type == "MAIN_USE" and t.text in ("包括", "主要包括", "具体包括", "主要为", "主要用于",
                                                                                         "主要是", "分别为", "分别是", "含", "具体为",
                                                                                         "具体是")))
                        and i not in later_lists
                        and (not _in_brackets(text, t.start - offset) or _in_brackets(text, tokens[qizhong].start - offset)))
                    # "包括：1.本年支出90.00万元，主要用于教育支出60.00万元、…": what a part of the list is used for
                    or (qizhong is None and main_use is not None and main_use < 2 and i > main_use + 3
                        and t.type == "MAIN_USE" and t.text.startswith("主要用于") and tokens[i - 2].type == "AMOUNT"))
    outer: tuple[int, Breakdown | None] | None = None  # where the nested list ends, the list to go on with
    use_read = False  # whether the list of the sentence's 主要用于 (or 按…分类) was looked for
    opened, whole_marker = False, None
    qizhong_in_brackets = qizhong is not None and _in_brackets(text, tokens[qizhong].start - offset)
    opened_in_brackets = False  # whether the list being read was opened by a 其中 inside brackets
    bracketed: tuple[int, Breakdown | None] = (-1, None)  # the bracket being read and the whole it breaks down
    # "“三公”经费预算为20万元，其中：…公务接待费9万元，…": the parts of a budget are budget figures,
    # no statements of the quantities they name (but in a 预算, where the budget is the year's amount).
    budget_parts = qizhong is not None and not claims.budget_document and (_budget_before(tokens, qizhong, claims.final_document)
                                            or _budgets_listed(tokens, qizhong, claims.final_document))
    for n, (first, last, claim) in enumerate(found):
        if budget_parts and first > qizhong and isinstance(claim, Stated):
            continue
        if isinstance(claim, Change) and claim.listed and not _under_a_change(
                claim, tokens, qizhong if qizhong is not None else reasons, first, state, claims) \
                and not _after_an_opening_comparison(claim, tokens):
            continue
        # A 其中 after a use of the list 主要用于 opened breaks that use down, up to the end of its clause
        # ("主要用于其他支出（类）120.00万元，其中：运动会80.00万元，篮球联赛40.00万元").
        if qizhong is not None and main_use is not None and main_use < qizhong and first in (qizhong + 1, qizhong + 2) \
                and not opened and outer is None and breakdown is not None and breakdown is not pending:
            clause_end = _clause_end(tokens, qizhong)
            outer = (clause_end, breakdown)
            breakdown = _open_breakdown(_whole_before(tokens, qizhong, state), claims, state)
            opened = True
        # So does a 主要包括 after an item of the list a 其中 on the line before opened ("…基本支出3110.62万元，
        # 其中：" then "人员经费2698.24万元，主要包括：工资福利支出…").
        if breakdown is not None and breakdown is pending and main_use is not None and n > 0 and outer is None \
                and first in (main_use + 1, main_use + 2):
            clause_end = _clause_end(tokens, main_use)
            outer = (clause_end, breakdown)
            breakdown = _main_use_breakdown(tokens, main_use, state, claims)
        # A 其中 after the item's own amount breaks the item down, not the pending whole; its first part may be
        # named over words before its amount ("其中：一般公共预算项目3个，金额2,020.35万元；…").
        if qizhong is not None and _first_after(tokens, qizhong, first) and not opened and (
                breakdown is None or (breakdown is pending and n > 0)):
            if pending is not None and breakdown is pending and outer is None and found[0][0] < qizhong:
                # (up to the end of its clause, where the pending list goes on: "人员经费599.78万元，其中：工资福利支出…，
                # 对个人和家庭的补助6.88万元；" then "公用经费113.20万元，其中：…", a line each, of the 基本支出 before)
                outer = (_clause_end(tokens, qizhong), pending)
            breakdown = _open_breakdown(_whole_before(tokens, qizhong, state), claims, state)
            opened, opened_in_brackets = True, qizhong_in_brackets
            whole_marker = _marker_before(tokens, breakdown.whole) if breakdown is not None else None
        if opened and breakdown is not None and whole_marker is not None and isinstance(claim, Stated) and (
                (_marker_before(tokens, claim) or ("",))[0] == whole_marker[0]):
            breakdown = None  # "二、…150万元，其中…；三、公务接待费预算200万元": the next item of the outer list
        if opened_in_brackets and breakdown is not None and not _in_brackets(text, tokens[first].start - offset):
            breakdown, opened_in_brackets = None, False  # "转移性收入707163万元（其中：…），一般债券转贷收入…"
        if outer is not None and first > outer[0]:
            if _same_level_as_first_part(claim, breakdown):
                # "农林水（类）支出…，其中：农业农村（款）…，主要用于…；巩固…（款）…；住房保障（类）…": the next 款 goes on
                # with the 类's parts, up to its clause's end
                outer = (_clause_end(tokens, first), outer[1])
            else:
                breakdown, outer = outer[1], None
        if nested and (opened or use_read) and first in (nested[0] + 1, nested[0] + 2):
            later = nested.pop(0)
            clause_end = _clause_end(tokens, later)
            outer = (clause_end, breakdown)
            amount_before = state.last_value
            breakdown = _open_breakdown(None if amount_before is None or _balance_then_use(tokens[:later], amount_before)
                                        else amount_before, claims, state)
            if breakdown is not None and tokens[later].text.startswith("分别"):
                breakdown.summed = True  # "项目支出300.00万元，共2个项目，分别为：…": every part
        if breakdown is not None and breakdown.whole is not None and reclassified.intersection((first - 1, first - 2)):
            breakdown = Breakdown(breakdown.whole, breakdown.whole_name)
            claims.breakdowns.append(breakdown)
        if main_use is not None and first in (main_use + 1, main_use + 2, _after_classification(tokens, main_use)) \
                and breakdown is None and not use_read:
            use_read = True  # once: the items of a "respectively" list all start there
            breakdown = _main_use_breakdown(tokens, main_use, state, claims)
            if breakdown is not None and _opens_list(tokens, main_use):
                # (a list of uses, not a classification, which the next line's may go on with: "…，按支出性质分：…。" then
                # "按支出功能分类：…")
                state.list_whole = breakdown
                state.list_listed_on = None if tokens[main_use].text.startswith("按") else state.line_start
        elif (listed := next((i for i in (first - 1, first - 2) if i in later_lists), None)) is not None:
            breakdown = _main_use_breakdown(tokens, listed, state, claims)  # "收入包括：…；支出包括：…": the next list
        # "公务用车购置及运行维护费30.1万元（购置费0万元，运行维护费30.1万元）": amounts in brackets
        # break down the item before them, not the list the item belongs to.
        sub_item = isinstance(claim, (Stated, Share)) and not opened_in_brackets and _in_brackets(text, tokens[last - 1].start - offset)
        if breakdown is None and item_of is not None and n == 0 and first <= 1:
            _record(claim, state, claims, item_of)  # the item's own amount, not the amounts it goes on to list
            continue
        if sub_item:
            bracket = _bracket_start(text, tokens[last - 1].start - offset)
            if bracket != bracketed[0]:
                bracketed = (bracket, _bracket_breakdown(text, offset, bracket, state, claims))
            _record(claim, state, claims, bracketed[1])
            continue
        _record(claim, state, claims, breakdown)
    if main_use is not None and state.last_value is not None and text.rstrip().endswith(("：", ":")):
        lead = _main_use_breakdown(tokens, main_use, state, claims)
        if lead is not None:
            state.list_whole = state.pending_whole = lead  # its parts follow, maybe as numbered items
            state.list_listed_on = None
    if qizhongs and qizhongs[-1] >= len(tokens) - 2 and tokens[-1].type in ("_COLON", "QIZHONG"):
        # "…其中：" ends the sentence (not "…，其中：基本支出…，具体支出预算如下："): the list follows
        state.pending_whole = _open_breakdown(_whole_before(tokens, qizhongs[-1], state), claims, state)
    state.last_total_end = max(state.last_total_end, _last_total_end(tokens, len(tokens)))
    if state.last_value is not None and _compared(tokens, state.last_value):
        state.compared = state.last_value


#: A clause ending in a count ("共涉及采购项目10个"): the amount before it is still what a 其中 after it breaks down.
_COUNT_CLAUSE = compile_re(r"\d\s*[个项家所人名辆台套批]$")


_HAN_CHARACTERS = compile_re(r"[\u4e00-\u9fff]")


def _whole_before(tokens: list[ClaimToken], qizhong: int, state: _Context) -> Stated | None:
    """The amount a 其中 at token ``qizhong`` of a sentence breaks down: the last amount stated before
    it, unless
    - a total read as no statement stands between them ("…上年结转结余5.73亿元。一般公共预算支出合计预算为
      80.71亿元。其中：…");
    - a number it cannot read as an amount, or one written with 万 alone, stands right before the 其中 ("…合计为807.95万，
      其中：");
    - the whole is the base of a comparison ("比2017年初预算37221万元，增加4705万元。其中：");
    - the 其中 follows a classification ("如按功能科目分类其中：");
    - a clause of its own names what the 其中 breaks down, after a "；" ("…46.44万元；散居孤儿…标准为每人每月1,550元，其中…");
    - the amount is of an earlier paragraph, and this one says something before the 其中 ("事业收入主要是…。
      其中：");
    - what follows the 其中 names the items above together ("其中，全年通过上述科目发放…909.85万元", after the last of
      a list of subjects).
    None then, the whole being unclear. An aside in brackets after the amount ("(含结转下年支出…)") is
    passed over."""
    if any(_ABOVE.search(t.text) for t in takewhile(lambda t: t.type != "AMOUNT", tokens[qizhong + 1:])):
        return None
    before = [t for t in tokens[:qizhong] if t.type != "_COMMA"]
    if before and ((before[-1].type == "NAME" and _DIGIT.search(before[-1].text) and not _COUNT_CLAUSE.search(before[-1].text))
                   or (before[-1].type == "AMOUNT" and before[-1].text.endswith("万"))):
        # An amount it cannot read is broken down ("2021年的三公经费决算数合计为807.95万，其中："): its
        # parts are of the year the sentence names, as the whole's would be.
        year = _SENTENCE_YEAR.search("".join(t.text for t in before))
        state.parts_year = year.group() if year else None
        return None
    whole = state.last_value
    if whole is not None and _INCLUDED.match(whole.name) and len(state.line_values) > 1 and state.line_values[-1] is whole:
        whole = state.line_values[-2]  # "支出合计334959万元(含结转下年支出10277万元)。其中：": the amount before the aside
    if whole is None or (qizhong > 0 and tokens[qizhong - 1].type == "MAIN_USE" and tokens[qizhong - 1].text.startswith("按")):
        return None
    between = [t for t in tokens[:qizhong] if t.start >= whole.number.end]
    semis = [i for i, t in enumerate(between) if t.type == "_SEMI"]
    if semis and any(t.type == "NAME" and len(_HAN_CHARACTERS.findall(t.text)) >= 2 for t in between[semis[-1] + 1:]):
        # "…18人需46.44万元；散居孤儿…标准为每人每月1,550元，其中…": a clause of its own names what the 其中 breaks down
        return None
    # A whole of an earlier year that names no quantity ("为2024年预算（53,132.05万元）的104.4%") looks back over the
    # section for the next year's amount.
    bare = bool(whole.year and whole.year[:4].isdigit()) and _BARE_BASE.fullmatch(clean_name(whole.name)) is not None
    near = [v for v in state.section_values[-_RECENT:] if bare and v.year and v.year[:4].isdigit()
            and int(v.year[:4]) == int(whole.year[:4]) + 1 and whole.number.start - v.number.start < 2 * _NEAR]
    later = [v for v in near + state.line_values if whole.year and v.year and v.year[:4] > whole.year[:4]]
    if later:  # "2021年度…总额486.52万元，2020年度为421.08万元，增加…。其中：" breaks down this year's, as does
        # "…2025年收、支总预算各55,449.28万元…。⏎2025年收支总预算为2024年预算（53,132.05万元）的104.4%。⏎其中，…"
        whole = max(later, key=lambda v: (v.year[:4], v.number.start))
    elif _other_years(whole, state, values := state.previous_values + state.line_values):
        # "…收、支总预算各1000.00万元…。…为2024年预算（800.00万元）的125.0%。其中，…": this year's, stated before
        whole = next((v for v in reversed(values) if v.key and not _other_years(v, state, values)), None)
        if whole is None:
            return None
    elif tokens and whole.number.start < tokens[0].start and LAST_YEARS.match(clean_name(whole.name)) \
            and (this := _this_years_before(whole, state)) is not None:
        return this  # "本年收入合计2,822.96万元，上年收入合计2,641.37万元，增加…。其中：" breaks down this year's
    if max(state.last_total_end, _last_total_end(tokens, qizhong)) > whole.number.end:
        return None
    if whole.number.start < state.line_start and any(t.type == "AMOUNT" for t in tokens[:qizhong]):
        return None  # "其他收入146.00万元。⏎2024年全年执行数4105.38万元，其中：": the amount it can't read, not the one above
    if whole.number.start < state.line_start and qizhong < len(tokens) and \
            state.line[:tokens[qizhong].start - state.line_start].strip():
        return None  # "…上年结转3205.20万元。⏎事业收入主要是…。其中：…": of what that sentence names, not the amount above
    if whole is state.compared or _compared(tokens[:qizhong], whole):
        return None
    if _balance_then_use(tokens[:qizhong], whole):
        return None  # "…资金14,625,300.00元，年末结转374,700.00元，全部用于灌区项目，其中：…": of the money used
    if not any(t.type == "NAME" for t in tokens[:qizhong]) and state.last_list is not None \
            and state.last_list.parts and state.last_list.parts[-1] is whole \
            and (not tokens or whole.number.start < tokens[0].start):
        # "…主要用于燃料费…、过路过桥费9,620.00元。其中：…", "…服务预算487.00万元。其中，预留给中小企业的…": a 其中
        # opening the sentence after a list speaks of the list's whole, unless its first part is a component of the
        # last item ("…，本年财政拨款收入38,652,417.36元。⏎其中：本年一般公共预算财政拨款收入…").
        first = next((t for t in tokens[qizhong + 1:qizhong + 3] if t.type == "NAME"), None)
        key = quantity_key(first.text, state.scope) if first is not None else None
        if not (key and whole.key and is_part_of(key, whole.key)):
            return state.last_list.whole
    if tokens and whole.number.start < tokens[0].start and any(
            t.type == "NAME" and (key := quantity_key(t.text, state.scope)) and key != whole.key for t in tokens[:qizhong]):
        return None  # "经营支出5.00万元。本年支出合计较上年增长6.53%，其中…": of the total the sentence names, not the amount above
    after = next((t for t in tokens[qizhong + 1:qizhong + 3] if t.type == "NAME"), None)
    named = _NAMED_INSIDE.match(after.text) if after is not None else None
    if named is not None and clean_name(named.group("outer")) not in clean_name(whole.name):
        return None  # "其中，教育支出中普通教育（款）…" names its whole, not the amount above
    return whole


#: A part named inside its whole ("教育支出中普通教育（款）"): the whole's name (an amount of money), then 中.
_NAMED_INSIDE = compile_re(r"[，,：:]?(?P<outer>[^，,。；;：:中]{0,18}(?:支出|收入|经费|资金))中(?=\S)")


def _balance_then_use(tokens: list[ClaimToken], whole: Stated) -> bool:
    """Whether ``whole`` is a balance carried over that ``tokens`` follow with a use named without an amount ("年末结转
    374,700.00元，全部用于灌区项目，", "…年末结转640.89万元。资金主要用于业务装备经费，"): a 其中 after them breaks down
    the money used, not the balance."""
    return _BALANCE.search(whole.name) is not None and any(
        t.type in ("NAME", "MAIN_USE") and "用于" in t.text and t.start >= whole.number.end for t in tokens)


#: An aside in brackets naming a part of the amount before it ("(含结转下年支出10277万元)").
_INCLUDED = compile_re(r"\s*[(（]\s*(?:其中)?[含包]")


def _compared(tokens: list[ClaimToken], value: Stated) -> bool:
    """Whether ``value``, stated in ``tokens``, is the base of a comparison ("比2017年初预算37221万元")."""
    at = next((i for i, t in enumerate(tokens) if t.start == value.number.start), None)
    while at and tokens[at - 1].type in ("NAME", "YEAR"):
        at -= 1
    return bool(at) and tokens[at - 1].type in ("CMP_THAN", "CMP_WITH", "CMP_BUDGET")


def _last_total_end(tokens: list[ClaimToken], stop: int) -> int:
    """Where the last amount of ``tokens[:stop]`` named a total ("…支出合计预算为80.71亿元") or a budget
    ("…，全年预算数为12734.63万元") ends, or -1."""
    for i in range(stop - 1, -1, -1):
        if tokens[i].type == "AMOUNT" and i and tokens[i - 1].type not in ("UP", "DOWN") and (
                tokens[i - 1].type == "BUDGET_IS"
                or any(t.type == "NAME" and _TOTAL_NAME.search(t.text) for t in tokens[max(0, i - 2):i])):
            return tokens[i].end
    return -1


def _next_item(text: str, pending: Breakdown | None, state: _Context) -> Breakdown | None:
    """The whole a numbered item after the first one belongs to: "其中：⏎（一）…。⏎（二）…。⏎（三）…"
    lists its parts as items, each opening a sentence; the first item takes the pending whole
    (``pending``), each next number of the same style goes on with it, another number of that
    style ends the list. Sentences without a number (an item's reasons) leave it open."""
    marker = _item_marker(text) if pending is not None or state.items is not None else None
    if pending is not None:
        state.items = (pending, *marker) if marker is not None else None
        return None
    if marker is None or state.items is None:
        return None
    whole, style, number = state.items
    if marker != (style, number + 1):
        if marker[0] == style:
            state.items = None
        return None
    state.items = (whole, style, number + 1)
    return whole


#: A bracket that lists the parts of the amount before it: "（其中：…）", "（含…）", "（包括…）".
_PARTS_BRACKET = compile_re(r"[(（]\s*(?:其中|含|包括)")


def _bracket_start(text: str, position: int) -> int:
    """Where the innermost bracket still open at ``position`` of a sentence opens."""
    depth = 0
    for index in range(position - 1, -1, -1):
        if text[index] in ")）":
            depth += 1
        elif text[index] in "(（":
            if depth == 0:
                return index
            depth -= 1
    return -1


def _after_classification(tokens: list[ClaimToken], at: int) -> int:
    """The token after the classification at ``at`` ("按支出性质划分，", "按支出功能分类科目分：") where its list starts."""
    at += 1
    while at < len(tokens) and (tokens[at].type in ("_COLON", "_COMMA") or tokens[at].text.strip() in _CLASSIFIED_BY):
        at += 1
    return at


#: The verb ending a classification, read as a name of its own ("按支出功能分类科目" then "分").
_CLASSIFIED_BY = ("分", "划分", "分类", "来分", "来看")


#: The name of last year's amount a comparison opens with ("与上年决算数42,156,380.00元相比").
_COMPARISON_BASE = compile_re(r"[，,\s]*(?:与|和|同)(?:上一?年|去年|20\d{2}年)")
#: What may stand between an amount and the bracket listing its parts: nothing, or its share
#: ("4404.78亿元，占总支出的67%（包括…）").
_OWN_SHARE = compile_re(r"\s*(?:[，,]\s*占[^()（）。；;，,\d]{0,16}\d+(?:\.\d+)?%\s*)?")


def _bracket_breakdown(text: str, offset: int, bracket: int, state: _Context, claims: ClaimSet) -> Breakdown | None:
    """"项目支出400万元（其中：信息化项目200万元、设备购置150万元）": a bracket right after an amount
    (or its share) that opens with 其中, 含 or 包括 lists that amount's parts, and so does any bracket
    after a unit's amount ("某某中心1500.00万元（基本支出1000.00万元，项目支出500.00万元）"); another
    bracket ("（上年为90万元）") breaks nothing down."""
    whole = state.last_value
    if (whole is None or not (_PARTS_BRACKET.match(text, bracket) or _names_a_unit(whole))
            or whole.number.end - offset < 0 or not _OWN_SHARE.fullmatch(text, whole.number.end - offset, bracket)):
        return None
    breakdown = Breakdown(whole, whole.name)
    claims.breakdowns.append(breakdown)
    return breakdown


def _in_brackets(text: str, position: int) -> bool:
    """Whether ``position`` of a sentence lies inside a bracket opened before it in the sentence."""
    positions, depths = _bracket_depths(text)
    before = bisect_left(positions, position)
    return before > 0 and depths[before - 1] > 0


@lru_cache(maxsize=4)
def _bracket_depths(text: str) -> tuple[list[int], list[int]]:
    """Where ``text``'s brackets stand and how many are open after each: found once a sentence, so that asking
    at every claim of a long sentence stays linear."""
    positions, depths, depth = [], [], 0
    for bracket in _BRACKET.finditer(text):
        depth += 1 if bracket.group() in "(（" else -1
        positions.append(bracket.start())
        depths.append(depth)
    return positions, depths


_BRACKET = compile_re(r"[()（）]")


def _opens_list(tokens: list[ClaimToken], main_use: int) -> bool:
    """"主要用于以下方面：" introduces a list that runs on over the next sentences."""
    return main_use + 1 < len(tokens) and tokens[main_use + 1].type == "_COLON"


def _named_whole(name: str, state: _Context) -> Stated | None:
    """The last statement in the paragraph being read, or in the one before, of the quantity ``name``
    names, in any scope when the name says none ("…本年收入5070.50万元，本年支出4857.80万元。本年支出中：";
    "…一般公共预算支出预算1286.45万元。" then "按支出功能分类科目，一般公共预算支出主要用于以下方面：")."""
    key = quantity_key(name, state.scope)
    if key is None:
        return None
    scoped = scope_of(name) is not None
    values = state.previous_values + state.line_values
    return next((v for v in reversed(values)
                 if v.key and (v.key == key if scoped else v.key[1] == key[1]) and not _other_years(v, state, values)), None)


def _listed_under_another(stated: Stated, named: str, listed: Breakdown | None) -> bool:
    """Whether ``stated`` is a part of the list ``listed`` and not the quantity ``named`` ("收入包括：当年拨款90.00万元、上年
    结转10.00万元；支出包括：…": 当年拨款 is a part of the income, no whole of the spending listed next)."""
    return listed is not None and any(part is stated for part in listed.parts) \
        and clean_name(stated.name).removesuffix("合计") != clean_name(named).removesuffix("合计")  # (本年支出合计 is 本年支出)


def _this_years_before(last_years: Stated, state: _Context) -> Stated | None:
    """This year's amount of the quantity ``last_years`` states last year's, stated before it in the paragraph."""
    name = clean_name(last_years.name)
    key = quantity_key(name[LAST_YEARS.match(name).end():], state.scope)
    return next((v for v in reversed(state.line_values) if key and v.key == key and v is not last_years), None)


def _other_years(stated: Stated, state: _Context, values: list[Stated]) -> bool:
    """Whether ``stated`` is labelled with another year than the disclosure's, near an amount of ``values`` that
    states the disclosure's year's ("2023年度“三公”经费决算数为9.02万元，2024年度为8.10万元。" then "“三公”经费财政拨款
    支出决算中，…" lists this year's): no whole of this year's parts."""
    return bool(stated.year and state.year and stated.year[:4] != state.year and any(
        v.year and v.year[:4] == state.year and abs(v.number.start - stated.number.start) < _NEAR for v in values))


#: How near (in characters) an amount of this year stands to one of another year for the two to be told apart.
_NEAR = 200
#: The name of a year's figure that names no quantity ("2024年预算（", "上年决算数").
_BARE_BASE = compile_re(r"(?:年初|全年)?(?:预算|决算|执行)数?[(（]?")
#: How many amounts of the section's earlier paragraphs a whole of an earlier year looks back over for this year's.
_RECENT = 6


def _first_after(tokens, qizhong: int, first: int) -> bool:
    """Whether a claim starting at token ``first`` is the first after the 其中 at ``qizhong``: right after it (or its
    colon), or after a part named with its count ("其中：一般公共预算项目3个，金额…"; not "其中：房屋18,426.50平方米，
    原值…，净值…", an item with two amounts)."""
    between = tokens[qizhong + 1:first]
    return first in (qizhong + 1, qizhong + 2) or (
        first > qizhong + 2 and all(t.type in ("NAME", "_COMMA", "_COLON") for t in between)
        and any(t.type == "NAME" and _COUNTED_PART.search(t.text) for t in between))


#: A part named with its count before its amount ("一般公共预算项目3个").
_COUNTED_PART = compile_re(r"\d+(?:个|项)$")


def _open_breakdown(whole: Stated | None, claims: ClaimSet, state: _Context) -> Breakdown | None:
    """Parts follow "其中"; the rest of the section speaks of the whole's scope."""
    if whole is None:
        return None
    if whole.key:
        state.scope = whole.key[0]
    breakdown = Breakdown(whole, whole.name)
    claims.breakdowns.append(breakdown)
    state.last_list = breakdown
    return breakdown


#: A name pointing back at what was listed above ("上述支出", "以上资金").
_ABOVE = compile_re(r"(?:上述|以上|前述)")
#: A name pointing back at the amount just stated ("该项资金", "上述资金", "该笔经费").
_REFERS_BACK = compile_re(r"(?:该|此|上述|这)(?:项|笔|部分)?(?:资金|经费|支出|款项)")


def _adds_up_to(tokens, whole: Stated) -> bool:
    """Whether the amounts among ``tokens`` (two at least, in ``whole``'s unit) add up to ``whole``, within a unit of its last
    digit each."""
    amounts = [t.number for t in tokens if t.type == "AMOUNT" and t.number is not None and t.number.unit == whole.number.unit]
    return len(amounts) >= 2 and whole.number.value is not None and None not in (a.value for a in amounts) \
        and abs(sum(a.value for a in amounts) - whole.number.value) <= len(amounts) * 10.0 ** -whole.number.decimals + 1e-9


def _main_use_breakdown(tokens, index: int, state: _Context, claims: ClaimSet) -> Breakdown | None:
    """"X主要用于…": the whole is X if named right before, else the amount just stated. A sentence that
    opens with a classification ("按经济分类：…", after "支出5430万元，按功能分类：…") classifies the
    same whole as the list before it, or the one amount its paragraph has stated ("…支出6049.60万元。
    按支出功能分类科目划分：…")."""
    named = tokens[index - 1].text if index and tokens[index - 1].type == "NAME" else ""
    listed_above = state.last_list if _ABOVE.match(named.strip("，, ")) and state.last_list is not None \
        and state.last_list.whole is not None and state.last_value is not None \
        and any(part is state.last_value for part in state.last_list.parts) else None
    if listed_above is None and _ABOVE.match(named.strip("，, ")) and tokens[index].text == "中":
        return None  # "（一）…；（二）…。上述支出中，…": of the items above together, whose whole is not read
    if _REFERS_BACK.fullmatch(named.strip("，, ")):
        named = ""  # "预算数为3,980.00万元，该项资金主要用于…": the amount just stated
    if tokens[index].text.startswith("按") and not any(t.type == "AMOUNT" for t in tokens[:index]):
        listed = state.list_whole
        if state.list_listed_on is not None and state.list_listed_on < state.line_start:
            listed = None  # "项目支出…，主要用于：A…，B…。" on the line before: its list is done, its whole a part of another
        if listed is None and state.last_list is not None and state.last_list.whole is not None \
                and (state.last_list.whole.number.start >= state.line_start or (
                    any(v is state.last_list.whole for v in state.previous_values) and _TOTAL_NAMED.search(state.last_list.whole.name))):
            # "收入预算2680.85万元，其中：…。按单位划分，…": the whole of the 其中 list before it, also a total's on the line before
            # ("本年支出合计34574.30万元，其中：基本支出…。" then "按支出功能分类，教育支出…")
            listed = state.last_list
        whole = listed.whole if listed is not None else _sole_amount_of_line(state, claims)
        if whole is None and listed is None:
            # "2025年年初预算数5909.27万元，其中：…。" then "按支出性质分：基本支出2659.42万元，…；项目支出3249.85万元，…": the
            # amount of the line before that the amounts classifying it add up to
            whole = next((v for v in state.previous_values if _adds_up_to(tokens[index:], v)), None)
        elif whole is not None and not _adds_up_to(tokens[index:], whole):
            # "支出预算6,501.13万元，其中：财政拨款支出预算6,482.49万元…。按支出性质分，基本支出3,446.64万元…；项目支出3,054.49万元":
            # the amount stated before that the classifying amounts add up to, not the last list's whole they miss
            whole = next((v for v in reversed(state.previous_values + state.line_values) if _adds_up_to(tokens[index:], v)), whole)
        if whole is None:
            return None
        breakdown = Breakdown(whole, whole.name)
    elif listed_above is not None:
        # "具体为：（一）…4,493.00万元。（二）…3,608.54万元。上述支出中，…": the whole of the list above, not its last part
        breakdown = Breakdown(listed_above.whole, listed_above.whole.name)
    elif named:
        breakdown = Breakdown(None, named)
        key = quantity_key(named, state.scope)
        if key and scope_of(named) and key[0] != state.scope:
            # "财政拨款支出中，基本支出…": the parts are of the whole's scope, to the paragraph's end
            state.scope_before = state.scope_before or (state.scope,)
            state.scope = key[0]
        # "2024年度“三公”经费财政拨款支出决算中，…" after "2023年度…决算数为9.65万元": of the year the sentence names
        year = next((t.text[:4] for t in tokens[:index] if t.type == "YEAR"), None)
        stated = [next((v for v in reversed(claims.values) if key and v.key == key
                        and not _other_years(v, state, claims.values)
                        and not _listed_under_another(v, named, state.last_list)
                        and not (year and v.year and v.year[:4] != year)
                        and not (v.number.start < state.line_start and _subjects_item(state.line))), None),
                  None if "本年" in named else _side_of_total(key, claims)]  # (本年's excludes the balance brought in)
        # The later of the two: "财政拨款收入2856.43万元。…二、财政拨款收支情况 2024年财政拨款收支总预算2892.03万元。收入包括：…"
        breakdown.whole = max((v for v in stated if v is not None), key=lambda v: v.number.start, default=None)
        if breakdown.whole is None:  # "…年末结转和结余823.78万元。年末结转和结余中，…": the amount named so just before
            before = [] if _subjects_item(state.line) else state.previous_values
            breakdown.whole = next((v for v in reversed(before + state.line_values)
                                    if clean_name(v.name) == clean_name(named)), None)
    elif state.last_value is not None:
        whole = state.last_value
        if state.last_list is not None and any(part is whole for part in state.last_list.parts):
            return None  # "…其中：货物465.00万元、服务260.00万元。主要用于…": the uses are of none of the parts named
        if whole.number.start < state.line_start and index > 1 and tokens[0].type == "NAME":
            return None  # "经营支出为2个单位的支出，分别是：…" under a paragraph ending "…教育支出1236.50万元。": its own subject
        amount = tokens[index - 2] if index >= 2 and tokens[index - 1].type == "_COMMA" else None
        if amount is not None and amount.type == "AMOUNT" and amount.number.start != whole.number.start:
            return None  # "实际支出608.90万元，主要用于…": of an amount not read as a statement, not the last one
        if _BALANCE_CARRIED.search(whole.name):
            # "本年支出600.50万元，年末结转和结余11.80万元。主要用于：…": what was spent is used, not the balance.
            whole = next((v for v in reversed(state.line_values) if _SPENDING.search(clean_name(v.name))), whole)
        # "涉及资金3,791,800.00元，分别为：…": the amount's every part, named one by one
        breakdown = Breakdown(whole, whole.name, summed=tokens[index].text.startswith("分别"))
    else:
        return None
    claims.breakdowns.append(breakdown)
    state.last_list = breakdown
    return breakdown


def _subjects_item(line: str) -> bool:
    """Whether ``line`` is a numbered item of a subject ("9.城乡社区支出（类）…（项）2026年预算数为…"): the wholes its lists
    name are the subject's, not those an earlier item states ("项目支出主要用于…" after item 8's "项目支出144.60万元")."""
    return _ITEM_MARKER.match(line) is not None and SUBJECT_LEVEL.search(line) is not None


#: A total's name ("本年支出合计", "收入总计", "支出预算总额").
_TOTAL_NAMED = compile_re(r"合计|总计|总额")


def _sole_amount_of_line(state: _Context, claims: ClaimSet) -> Stated | None:
    """The amount stated on the current line when it is the only one."""
    on_line = [v for v in claims.values[-2:] if v.number.start >= state.line_start]
    return on_line[0] if len(on_line) == 1 else None


def _side_of_total(key, claims: ClaimSet) -> Stated | None:
    """The side of the 收支总计 a list of 收入 or 支出 breaks down, stated under its own name before
    it: "收入预算总计3250.5万元，支出预算总计3250.5万元。…支出包括：教育支出2900万元，…"."""
    if key is None or key[1] not in ("收入", "支出"):
        return None
    return next((v for v in reversed(claims.values) if v.key == (key[0], "收支总计") and _names_side(v.name, key[1])), None)


def _names_side(name: str, side: str) -> bool:
    """Whether a name of the 收支总计 names ``side`` (收入 or 支出): by name, or both sides at once
    ("财政拨款收支预算", "收、支总计")."""
    name = clean_name(name)
    other = "支出" if side == "收入" else "收入"
    return side in name or (("收支" in name or "收、支" in name) and other not in name)


_DIGIT = compile_re(r"\d")
#: The words naming a ratio after a share's whole ("总支出比例为", "本年支出合计的比重").
_RATIO_WORDS = compile_re(r"的?(?:比例|比重)(?:为|是|达到?)?$")
#: A year a sentence names ("鄂城区2022年的“三公”经费…").
_SENTENCE_YEAR = compile_re(r"(?<!\d)(?:19|20)\d{2}年度?")
#: "预算" or "预算数" ending a quantity's name ("“三公”经费预算", "基本支出预算数").
_BUDGET_SUFFIX = compile_re(r"预算数?$")


def _of_family(key: Key | None, total: str) -> bool:
    """Whether ``key`` is ``total`` or one of its components, at any depth (公务接待费 of 三公经费)."""
    return key is not None and (key[1] == total or is_part_of(key, (key[0], total)))


#: Both sides named bare ("收支", "收、支"), as a change after the 收入总计 and 支出总计 names them.
_BOTH_SIDES = compile_re(r"收、?支")


def _key_of(name: str, scope: str | None, budget_document: bool) -> Key | None:
    """The key of a quantity named ``name``; in a 预算 document, the amounts of the year are budgets,
    so a name of 三公经费, 支出 or their parts ending in 预算 ("“三公”经费预算120万元", "基本支出预算800万元",
    "项目支出预算") names the quantity itself, and so does a share's whole ("占项目支出预算的100.00%").
    In a 决算 the budget stays apart from the amount spent."""
    key = quantity_key(name, scope)
    if key is None and budget_document and _BUDGET_SUFFIX.search(name):
        bare = quantity_key(_BUDGET_SUFFIX.sub("", name), scope)
        if _of_family(bare, SANGONG) or _of_family(bare, "支出"):
            key = bare
    return key


#: The end of the name of a budget figure of spending or income ("…支出预算", "…收入年初预算数").
_BUDGET_FIGURE = compile_re(r"(?:支出|收入|经费)(?:年初|全年|调整)?预算数?$")


def _grand_total(name: str) -> bool:
    """Whether ``name`` is a 收支总表's grand total (收、支总计, 支出总计) named without a scope: a
    scope narrows it only by name or by its section's heading."""
    key = quantity_key(name)
    return key is not None and key[1] == "收支总计" and scope_of(clean_name(name)) is None


#: The names of a whole its siblings' shares share: a total's, which names one amount.
_SHARED_WHOLE = compile_re(rf"{_TOTAL_NAMED.pattern}|本年收入|本年支出")


def _sibling_naming_a_whole(shares: list[Share]) -> Share | None:
    """The last of ``shares`` when it names its whole by a total's name: the whole of the shares after it that name none
    (not "收入" of "占收入预算的96.6%", which any 收入 before may be read as)."""
    last = shares[-1] if shares else None
    return last if last is not None and last.whole_name and _SHARED_WHOLE.search(last.whole_name) else None


def _record(claim, state: _Context, claims: ClaimSet, breakdown: Breakdown | None) -> None:
    """File one parsed claim, resolving its names against the current context: a part listed under
    a whole (after 其中 or 主要用于, also in a later sentence of the list) is of the whole's scope."""
    container = breakdown or state.list_whole
    scope = container.whole.key[0] if container and container.whole and container.whole.key else state.scope
    if container is None and isinstance(claim, Stated) and _grand_total(claim.name):
        scope = state.heading_scope  # "…其中一般公共预算财政拨款收入…。⏎（二）支出总计…": the section's, not the list's
    if isinstance(claim, Stated):
        _state(claim, scope, state, claims, breakdown)
    elif isinstance(claim, Share):
        if in_last_years_aside(state.line, claim.part.number.start - state.line_start):
            return  # "（上年基本支出958.12万元，其中人员经费815.00万元，占85.1%）": last year's share
        if not claim.part.name and claims.completions and claims.completions[-1].actual is not None \
                and claims.completions[-1].actual.start == claim.part.number.start:
            # "2.公务用车购置及运行维护费。全年预算9.00万元，支出决算7.46万元，…，占“三公”经费决算的84.5%": the amount spent
            # of the completion it follows, named by its subject line
            claim.part.name = claims.completions[-1].subject
        if not (claims.values and claims.values[-1] is claim.part):  # filed already (a share after a change)
            _state(claim.part, scope, state, claims, breakdown)
        if claim.whole_name and claim.whole_name.startswith("本单位") and unit_line(state.line, claims.department):
            # "湖南省人民医院2025年支出预算…，其中：基本支出…，占本单位支出的82.75%": of the unit's amount its paragraph states
            claim.whole = _units_own(claim.whole_name.removeprefix("本单位"), claim.part, state)
            if claim.whole is None:
                return
        if container is not None and container.whole is not None \
                and (_above_its_whole(claim.part, container) or _of_another_class(claim.part, container)):
            container = None  # "（二）社会保障和就业支出（类）634.49万元，占14.16%" after a 项's list: of no list of it
        if container is not None and container.closed and all(part is not claim.part for part in container.parts):
            # No part of it after all (a 项 of another 类): of the list it stands in, if one is open.
            outer = state.list_whole
            container = outer if outer is not None and outer is not container and not outer.closed else None
        if claim.whole_name and _BUDGET_SUFFIX.search(claim.whole_name) \
                and (key := _key_of(claim.whole_name, scope, claims.budget_document)) is not None \
                and _key_of(bare := _BUDGET_SUFFIX.sub("", claim.whole_name), scope, claims.budget_document) == key:
            claim.whole_name = bare  # "占基本支出预算81.25%" in a 预算 (not "占收入总预算的…")
        if claim.whole is None and claim.whole_name and (regional := _regional_whole(claim, state)) is not None:
            claim.whole = regional  # "全省一般公共预算支出7,161.04亿元，民生支出…，占一般公共预算支出的78.6%": the region's
        elif claim.whole is None and container is not None and container.whole is not None and claim.whole_name \
                and _REGION.fullmatch(clean_name(claim.whole_name)) \
                and clean_name(container.whole.name).startswith(clean_name(claim.whole_name)):
            claim.whole = container.whole  # "全州共安排…资金4114.00万元，其中龙山县656.00万元，占全州的15.95%": the list's
        elif claim.whole_name is None and container is not None:
            before = _sibling_naming_a_whole(container.shares)
            if before is not None and not _names_the_whole(before.whole_name, container.whole):
                # "本年收入中：一般公共预算拨款收入…，占收入总计的9.3%；事业收入…，占86.5%": of the whole its sibling names
                claim.whole_name, claim.whole = before.whole_name, before.whole
            else:
                claim.whole = container.whole
            if breakdown is None:
                container.parts.append(claim.part)
        elif claim.whole_name is None and claim.whole is None and (sibling := _sibling_naming_a_whole(claims.shares)) is not None \
                and sibling.part.number.start >= state.line_start:
            # "一般公共预算拨款收入…，占收入总计的96.7%；政府性基金预算拨款收入120.00万元，占1.6%": of the whole its sibling names
            claim.whole_name, claim.whole = sibling.whole_name, sibling.whole
        elif claim.whole_name is None and claim.whole is None and state.structure_whole is not None:
            claim.whole = state.structure_whole  # a share under "（二）…结构情况", of the total it names
        elif claim.whole is None and container is not None and container.whole is not None and claim.whole_name \
                and claim.whole_name.endswith("份额") and 1 < len(claim.whole_name) - 2 \
                and claim.whole_name[:-2] in container.whole.name:
            claim.whole = container.whole  # "预留政府采购项目预算874.50万元，其中预留给小微企业…，占预留份额的71.0%": the list's
        elif claim.whole is None and container is not None and _names_the_whole(claim.whole_name, container.whole) \
                and not _share_named(container.whole, claim.whole_name, claims):
            claim.whole = container.whole  # "财政拨款基本支出3455.91万元，其中：人员经费…，占基本支出的45.31%"
        elif claim.whole is None and container is not None and claim.whole_name and ("(类)" in claim.whole_name or "(款)" in claim.whole_name):
            # "农林水（类）支出617.70万元，…；住房保障（类）…。其中：…（款）…，占农林水（类）支出的63.1%": a 类 (or
            # 款) stated earlier in the paragraph, not the list's last.
            claim.whole = next((value for value in reversed(claims.values) if value.number.start >= state.line_start
                                and value is not claim.part and value.key and _names_the_whole(claim.whole_name, value)), None)
        if container is not None:
            container.shares.append(claim)
        claims.shares.append(claim)
    elif isinstance(claim, Change):
        if claim.budgeted and claims.budget_document and claim.current is not None \
                and _of_family(quantity_key(claim.current.name, scope), SANGONG):
            claim.rate_only = False  # a 预算's budget figure is the year's amount
        if claim.current is not None and (this_year := _before_last_years(claim.current, state)) is not None:
            # "事业收入3,865,420.00元，2023年度事业收入3,412,860.00元，比上年增加…": of this year's amount.
            if not (claims.values and claims.values[-1] is claim.current) and not _PREVIOUS_LEVEL.fullmatch(claim.current.name):
                _state(claim.current, scope, state, claims, breakdown)
            claim.current, claim.previous = this_year, claim.current
            claim.key = this_year.key
            claims.changes.append(claim)
            return
        if claim.current is not None and LAST_YEARS.match(clean_name(claim.current.name)):
            return  # "…。上年同期为150.61万元，同比增加5.62万元": last year's amount, of a quantity not stated before it
        if claim.current is not None and (claim.current.year or "")[:4].isdigit() and \
                f"{int(claim.current.year[:4]) + 1}年" in _sentence_before(state, claim.current.number.start):
            return  # "2025年预算156.30万元，2024年预算198.40万元，较上年减少42.10万元": a year pair's change (ARI009's)
        if _against_an_earlier_year(claim, state, claims):
            claim.basis = f"{claim.compared_year}年{claim.basis}"  # a series of its own
        if claim.opening:
            claim.current = _opening_change_of(claim.start, state, claims)
            if claim.current is None:
                return  # which amount it is a change of is not clear
            claim.key = claim.current.key
            # the amount's year-on-year change, as its components' are ("…费支出9.74万元，占“三公”经费支出的63.4%。比2023年度
            # 减少29.78万元"), unless of a gap to the budget or of a 决算's budget figure
            claim.rate_only = claim.against_budget or (not claims.budget_document and "预算" in claim.current.name)
        elif claim.current is not None and not claim.rate_only:
            if not (claims.values and claims.values[-1] is claim.current):  # filed already (a respectively item)
                _state(claim.current, scope, state, claims, breakdown)
            claim.key = claim.current.key
        elif claim.current is None and claim.name is None and (named := _named_before_comparison(claim, state)):
            claim.name = named  # "收入支出总计与上年相比，增加446.62万元": of the quantity it opens with
            claim.key = _key_of(named, state.scope, claims.budget_document)
        elif claim.current is None and claim.name:
            claim.key = _key_of(claim.name, _listing_scope(claim, state, claims), claims.budget_document)
            if claim.key is None and claim.listed:
                claim.key = _key_of_leading_quantity(claim.name, state.scope, claims.budget_document)
            if claim.key is None and _BOTH_SIDES.fullmatch(clean_name(claim.name)):
                claim.key = (state.scope or DEPARTMENT, "收支总计")  # "收支较上年决算数增加…", after both totals
            if claim.key is not None and scope_of(claim.name) is None:
                claim.key = _scoped_like_paragraph(claim.key, claim.start, state)
            if claim.key is not None and _BARE_FLOW.fullmatch(clean_name(claim.name)) and len(state.line_values) == 1 \
                    and (item := state.line_values[0]).key not in (None, claim.key) and item.key[1] not in ("支出", "收入"):
                # "（1）公务用车购置费支出决算为91.84万元。上年未购置公务用车，本年支出比上年增加91.84万元": the item's
                claim.key, claim.current = item.key, item
            if claim.key and claim.key[1] == "收支总计":
                claim.current = _both_sides(claim, state)
            elif claim.key is None:
                claim.current = _named_alike_before(claim, state)
        elif claim.current is None and claim.name is None and not state.line_values and len(state.previous_values) == 1 \
                and (item := state.previous_values[0]).key is not None and _ITEM_MARKER.match(item.name) \
                and not _ITEM_MARKER.match(state.line):
            # "3.公务用车运行费。…支出决算为9.84万元，…。" then "决算数小于年初预算数的主要原因是…。与2023年度相比减少0.49万元": of
            # the numbered item, its paragraph broken after its first sentence
            claim.key = item.key
        elif claim.current is None and state.last_value is not None and state.last_value.number.start >= state.line_start:
            # "收入总计1,151.41万元，支出总计1,151.41万元，与2020年度相比，各增加29.6万元": of the amount before
            claim.key = state.last_value.key or _keyed_alike(state.last_value, state, claims)
            if claim.key is None and state.line_values[:1] == [state.last_value]:
                # "6．其他收入2,974.18万元。与上年相比减少344.46万元": of the paragraph's one amount, which no key names (not
                # of a list's last part: "其中：…；外事接待支出0.00元。与2023年度相比，减少3,514.00元", the whole's maybe)
                claim.current = _opening_change_of(claim.start, state, claims)
        if claim.key is not None and unit_line(state.line, claims.department):
            claim.key = None  # "2.…执法大队：…收支预算比上年预算306.80万元增加21.60万元": one unit's, not the department's
        if claim.key is not None and EXCLUDING.search(_sentence_before(state, claim.delta.start)):
            claim.key = None  # "剔除公务用车购置费后，“三公”经费比2024年执行数减少1.1万元": of what is left, no quantity named
        if claim.rate_only and claim.current is not None and state.last_value is not claim.current:
            # "森林草原防灾减灾预算数为96.60万元，较上年增加…。主要用于…": an amount stated but not filed; a list after
            # it is not of the amount stated before it, but of this one where a 预算 states its budget ("…（项）2025年
            # 预算数为180.00万元，比2024年预算增加20.00万元。主要用于：…")
            state.last_value = claim.current if claims.budget_document and claim.budgeted else None
        claims.changes.append(claim)
    elif isinstance(claim, Completion):
        if state.subject_line and (not claim.subject or claim.subject in _BARE_SUBJECTS or (
                SUBJECT_LEVEL.search(state.subject_line) and not SUBJECT_LEVEL.search(claim.subject))):
            # "1.…（项）。支出1500万元，年初预算为…": of the subject line (also when a slip mangled the
            # words before the budget, "年初预预算为…")
            claim.subject = state.subject_line
        state.subject_line = None
        claims.completions.append(claim)
        if claim.level:
            group = state.group or _sangong_group(claim, claims)
            if group is not None:
                group.items.append(claim)
            if quantity_key(claim.subject, scope):
                _file_amount_spent(claim, scope, state, claims)  # "1.公务接待费预算为…"
            elif claim.change is not None and claim.subject:
                # "住房改革支出（款）。…支出决算584.44万元，比上年决算增加29.97万元，增长15.4%": a 款 named without its
                # 类, no quantity of its own, but its change is of the amount spent
                subject = _ITEM_MARKER.sub("", claim.subject)
                claim.change.name, claim.change.current = subject, Stated(subject, claim.actual)
                claims.changes.append(claim.change)
        else:
            if _holds_subjects(claim.subject, scope) and not _listed_under(state.group, claim, state):
                state.group = CompletionGroup(claim)
                claims.completion_groups.append(state.group)
            if claim.subject:
                _file_amount_spent(claim, scope, state, claims)
    elif isinstance(claim, Execution):
        claims.executions.append(claim)
    elif isinstance(claim, GapCompletion):
        claims.gap_completions.append(claim)
    elif isinstance(claim, UnstatedBudgetRate):
        claims.unstated_budget_rates.append(claim)
    elif isinstance(claim, BudgetGap):
        claims.budget_gaps.append(claim)
    elif isinstance(claim, Transition):
        claims.transitions.append(claim)


def _named_before_comparison(change: Change, state: _Context) -> str | None:
    """The quantity a sentence names before its comparison ("收入支出总计与上年相比，增加…"), when that
    is all it says before it."""
    before = _sentence_before(state, change.start).strip()
    return before if before and quantity_key(before) is not None else None


def _both_sides(change: Change, state: _Context) -> Stated | None:
    """The level of a change of 收支总计 stated earlier on its line as its two sides alike ("2025年收入预算
    47,622,020.50元，支出预算47,622,020.50元，与2024年预算相比，收、支预算总计各增加…"), when the line states
    no 收支总计 itself."""
    scope = change.key[0]
    on_line = [value for value in state.line_values if value.number.start < change.start]
    if any(value.key == change.key for value in on_line):
        return None
    sides = {value.key[1]: value for value in on_line if value.key in ((scope, "收入"), (scope, "支出"))}
    income, spending = sides.get("收入"), sides.get("支出")
    if income is None or spending is None or (income.number.text, income.number.unit) != (spending.number.text, spending.number.unit):
        return None
    return income


def _keyed_alike(value: Stated, state: _Context, claims: ClaimSet) -> Key | None:
    """The key of the amount stated right before ``value`` on its line when it is the same amount: a
    part that is all of its quantity ("公务接待费支出决算为12,356.00元，…。其中：国内公务接待支出12,356.00元。
    与2023年度相比，减少…" compares 公务接待费, whichever of the two it speaks of)."""
    values = claims.values
    at = next((i for i in range(len(values) - 1, -1, -1) if values[i] is value), None)
    before = values[at - 1] if at else None
    if before is None or before.key is None or before.number.start < state.line_start:
        return None
    return before.key if before.number.value == value.number.value and before.number.unit == value.number.unit else None


def _subject_of_a_sources_paragraph(stated: Stated, state: _Context) -> bool:
    """Whether a subject's amount ("…（类）608.90万元") stands in a paragraph about a source of money
    narrower than the department's ("1.对口援疆资金使用情况。…实际支出608.90万元，主要用于…（类）608.90万元"):
    that source's share of the subject."""
    if not SUBJECT_LEVEL.search(stated.name):
        return False
    opening = state.line[:max(0, stated.number.start - state.line_start)]
    first = _FIRST_SENTENCE.match(opening)
    return first is not None and _SOURCE_OF_MONEY.search(first.group()) is not None


#: A paragraph's first sentence, or its heading ("1.对口援疆资金使用情况。").
_FIRST_SENTENCE = compile_re(r"[^。；]*[。；]")


def _excluding(stated: Stated, state: _Context) -> bool:
    """Whether the sentence qualifies the amount as what is left without something ("剔除公务用车购置费后，
    “三公”经费预算19.00万元"): narrower than the quantity named."""
    return EXCLUDING.search(_sentence_before(state, stated.number.start)) is not None


def _item_of_public_costs(stated: Stated, state: _Context) -> bool:
    """Whether a 三公 part is named among the items of the 公用经费 ("公用经费中，金额较大的有：办公费68.40万元、公务用车
    运行维护费52.80万元"): the economic item the 基本支出 pays (30231), not the 三公's, which projects pay for too."""
    key = quantity_key(stated.name)
    return key is not None and parent_base(key[1]) is not None and _of_family(key, SANGONG) \
        and _PUBLIC_COSTS_ITEMS.search(_sentence_before(state, stated.number.start)) is not None


#: A sentence listing what the 公用经费 were spent on.
_PUBLIC_COSTS_ITEMS = compile_re(r"公用经费[^，。；;]{0,20}?(?:中|包括|主要(?:用于|包括|有|是)|较大的(?:有|是)|明细)")


def _sentence_before(state: _Context, offset: int) -> str:
    """The part of its sentence that precedes flow offset ``offset`` of the line being read."""
    start = offset - state.line_start
    return state.line[max(state.line.rfind("。", 0, start), state.line.rfind("；", 0, start)) + 1:start]


#: Words leaving something out of an amount ("剔除…后", "扣除…因素", "不含…").
EXCLUDING = compile_re(r"剔除|扣除|除去|不含|不包括")


def _before_last_years(stated: Stated, state: _Context) -> Stated | None:
    """When ``stated``, which a change is said of, is last year's amount (named by a year before
    another of the paragraph's amounts of its quantity, or "上年决算数为…"), this year's amount stated
    right before it in the paragraph; None otherwise."""
    earlier = [v for v in state.line_values if v is not stated and v.number.start < stated.number.start]
    if not earlier:
        return None
    if _PREVIOUS_LEVEL.fullmatch(stated.name):
        return earlier[-1]  # "其他收入48,915.36元，上年决算数为61,204.87元，比上年减少…" (not "上年结转资金150.00万元")
    year = _YEAR_DIGITS.match(stated.year or "")
    if year is None:
        return None
    # ("…本年支出合计124,831.16万元，2023年度为118,920.47万元": a year's amount named by its year alone is of the one before)
    name = clean_name(without_copula(stated.name)).removesuffix("为")
    same = [v for v in earlier if clean_name(v.name).endswith(name) or v.key == stated.key and v.key]
    later = [v for v in same if (own := _YEAR_DIGITS.match(v.year or "")) is None or own.group() > year.group()]
    return later[-1] if later else None


#: A clause saying what an amount is made of in full ("全部为一般公共预算拨款收入"): an aside between it and its change.
_ALL_OF = compile_re(r"(?:全部|均|全)(?:为|是|系|来自|属于)")


def _clause_end(tokens: list[ClaimToken], start: int) -> int:
    """The index of the first "；" at or after token ``start``, else the sentence's end."""
    return next((i for i in range(start, len(tokens)) if tokens[i].type == "_SEMI"), len(tokens))


def _same_level_as_first_part(claim, breakdown: Breakdown | None) -> bool:
    """Whether ``claim`` is an amount of a subject of the level (款, 项) the first part of ``breakdown`` names."""
    if not isinstance(claim, Stated) or breakdown is None or not breakdown.parts:
        return False
    level = SUBJECT_LEVEL.findall(claim.name)
    return bool(level) and level[-1] != "类" and level[-1:] == SUBJECT_LEVEL.findall(breakdown.parts[0].name)[-1:]


def _without_asides(tokens: list[ClaimToken]) -> list[ClaimToken]:
    """The tokens without a clause saying what the amount before it is made of in full, with its comma
    ("收入预算896.81万元，全部为一般公共预算拨款收入，比2024年预算减少38.51万元": the change is the amount's), and without
    a colon between a name and its verb ("公务接待费：支出决算为5.86万元")."""
    drop = {i for i in range(2, len(tokens) - 2) if tokens[i].type == "NAME" and _ALL_OF.match(tokens[i].text)
            and tokens[i - 1].type == "_COMMA" and tokens[i - 2].type == "AMOUNT" and tokens[i + 1].type == "_COMMA"
            and tokens[i + 2].type == "CMP_THAN"}
    drop |= {i + 1 for i in drop}  # (and the comma after it)
    # "3.公务接待费：支出决算为5.86万元": the colon between a name and its verb introduces nothing
    drop |= {i for i in range(1, len(tokens) - 1) if tokens[i].type == "_COLON" and tokens[i - 1].type == "NAME"
             and tokens[i + 1].type in ("ACTUAL_IS", "BUDGET_IS")}
    return [t for i, t in enumerate(tokens) if i not in drop] if drop else tokens


def _listing_scope(change: Change, state: _Context, claims: ClaimSet) -> str | None:
    """The scope a change's bare name is read in: that of the change it is listed under in its paragraph
    ("一般公共预算拨款支出较2024年预算增加31.65万元，其中：基本支出增加25.15万元，…": the fund's 基本支出), else the section's."""
    if change.listed and scope_of(change.name) is None:
        whole = next((c for c in reversed(claims.changes) if not c.listed and c.start >= state.line_start), None)
        if whole is not None and whole.key is not None:
            return whole.key[0]
    return state.scope


def _scoped_like_paragraph(key: Key, start: int, state: _Context) -> Key:
    """A bare quantity's key in the scope of the paragraph's amounts of that quantity stated before it, when they have
    one ("政府性基金预算财政拨款本年支出375.00万元。本年支出比上年增加…": the fund's)."""
    scoped = {v.key for v in state.line_values if v.number.start < start and v.key and v.key[1] == key[1]}
    return scoped.pop() if len(scoped) == 1 else key


def _named_alike_before(change: Change, state: _Context) -> Stated | None:
    """The paragraph's one amount stated earlier under the very name a change of no known quantity names ("其中：经营支出
    1,035.60万元，占21.7%。经营支出比2023年度减少58.66万元"); None when the paragraph states none, or several."""
    name = clean_name(change.name)
    same = [v for v in state.line_values if v.number.start < change.start and clean_name(v.name) == name]
    return same[0] if len(same) == 1 and same[0].year is None and not same[0].narrower else None


_YEAR_DIGITS = compile_re(r"20\d{2}")
#: A balance carried over to the next year, which nothing is "used for".
_BALANCE_CARRIED = compile_re(r"结转|结余")


def _opening_change_of(start: int, state: _Context, claims: ClaimSet) -> Stated | None:
    """The amount an opening change (``Change.opening``, at flow offset ``start``) is of: the paragraph's last amount, when only
    that amount's own changes and text without digits stand between them ("1.上级补助收入8.38万元，为…的
    收入。较2020年度决算数减少17.40万元"; "支出6954.57万元，较上年决算数增加841.13万元，增长13.36%。主要原因
    是…。较年初预算数减少1312.85万元") and the paragraph states no amount of another year; None otherwise."""
    value = state.last_value
    if value is None or value.number.start < state.line_start:
        return None
    if any(other.year != value.year for other in claims.values if other.number.start >= state.line_start):
        return None  # "本年收入100万元，2019年收入80万元。较上年增加…": of which year's amount is unclear
    between, position = [], value.number.end
    for own in (c for c in claims.changes if c.current is value and c.end > position):
        between.append(state.line[position - state.line_start:max(position, own.start) - state.line_start])
        position = own.end
    between.append(state.line[position - state.line_start:start - state.line_start])
    # The amount's own completion rate or share may stand between ("支出决算为38.88万元，完成预算的86.40%。较…", "…4.18万元，完成预算的
    # 69.7%，占“三公”经费财政拨款支出决算的22.0%。比2023年度减少0.48万元"), and
    # a count of what it pays for ("…24.36万元，主要用于9辆执法执勤用车的燃料费等支出。比上年减少2.84万元"), and an average
    # of it ("…3.47万元，全年共接待28批次、196人次，次均接待费用1239.29元。较2023年度减少0.55万元").
    return None if any(character.isdigit() for piece in between
                       for character in _COUNTED.sub("", _OWN_RATE.sub("", _AVERAGE_AMOUNT.sub("", piece)))) else value


def _spent_before(state: _Context) -> Stated | None:
    """The amount spent that the last sentence of the paragraph ends with ("…（项）：本年支出18,902.15万元。"), if it is one."""
    last = state.line_values[-1] if state.line_values else None
    if last is None or not _SPENT.search(clean_name(last.name)):
        return None
    after = state.line[last.number.end - state.line_start:]
    return last if _SENTENCE_END.match(after) else None


#: The name of an amount spent ("本年支出", "…（项）支出决算").
_SPENT = compile_re(r"支出(?:决算数?)?$")
#: The end of a sentence right after an amount, or after its share ("…，占本年支出合计的99.58%。").
_SENTENCE_END = compile_re(r"(?:\s*[，,]\s*占[^，,。；;\d]{0,20}?\d{1,3}(?:\.\d{1,2})?%)?\s*[。；;]")


def _opening_gap(tokens: list[ClaimToken], state: _Context, claims: ClaimSet) -> BudgetGap | GapCompletion | None:
    """The gap to the budget a sentence opens with, of the completion just stated in its paragraph
    ("…完成年初预算的104.8%。支出决算数比年初预算数增加18.42万元，主要原因是…"), or of an amount stated with its
    completion rate alone ("公务用车…费支出12.36万元，完成预算的88.29%。公务用车…费支出决算比年初预算增加1.64万元");
    None otherwise."""
    codes = "".join(t.code for t in tokens)
    match = _OPENING_GAP.match(codes)
    if match is None:
        return _opening_worded_gap(tokens, codes, state, claims)
    name = tokens[0].text.strip() if match.group("name") else ""
    rated = claims.unstated_budget_rates[-1] if claims.unstated_budget_rates else None
    if rated is not None and rated.stated.number.start >= state.line_start and \
            _ACTUAL_NAMED.fullmatch(name.removeprefix(without_copula(rated.stated.name))) and \
            not any(n.malformed for n in (rated.stated.number, tokens[match.start("gap")].number)):
        return GapCompletion(rated.stated.number, rated.rate, _sign(tokens[match.start("verb")]),
                             tokens[match.start("gap")].number)
    completion = _last_completion(state, claims)
    if completion is None or not _ACTUAL_NAMED.fullmatch(name):
        return None
    budget = _budget_of(completion, budget_kind(tokens[match.start("compare")].text))
    return _budget_gap(tokens, match, completion.actual, budget, _sign(tokens[match.start("verb")]))


def _opening_worded_gap(tokens: list[ClaimToken], codes: str, state: _Context, claims: ClaimSet) -> BudgetGap | None:
    """The gap a sentence opens with in words, of the completion just stated in its paragraph ("…完成调整预算的96.65%。
    决算数小于调整预算数0.57万元")."""
    match = _OPENING_WORDED_GAP.match(codes)
    said = _GAP_WORDS.fullmatch(tokens[0].text.strip()) if match is not None else None
    completion = _last_completion(state, claims)
    if said is None or completion is None:
        return None
    budget = _budget_of(completion, budget_kind(said.group()))
    return _budget_gap(tokens, match, completion.actual, budget, _gap_sign(said), worded=said.group(1) is not None)


def _last_completion(state: _Context, claims: ClaimSet) -> Completion | None:
    """The completion stated last in the paragraph, which a sentence opening with a gap to the budget is of; None when there
    is none, or it is a part listed after 其中 under another ("…支出决算为21.81万元。其中：公务接待费…支出决算为3.16万元。
    决算数比年初预算减少2.19万元": of the whole or of the part, the text does not say)."""
    stated = list(takewhile(lambda c: c.actual.start >= state.line_start, reversed(claims.completions)))
    if not stated:
        return None
    if len(stated) > 1 and "其中" in state.line[stated[-1].actual.end - state.line_start:stated[0].actual.start - state.line_start]:
        return None
    return stated[0]


#: A sentence opening with the gap to the budget in words ("决算数小于调整预算数0.57万元").
_OPENING_WORDED_GAP = compile_re(r"(?P<words>n)(?P<gap>A)(?:,T?(?P<rate_verb>[UD])(?P<rate>P))?")


#: A sentence opening with a comparison that names last year's amount inside it, then the change ("与 2024年 预算总计
#: 2420.40万元 相比 ， 增加 64.62万元").
_COMPARISON_AROUND_A_LEVEL = compile_re(r"ny?n?An,(?=[UD]A)")


def _comparison_naming_a_level(tokens: list[ClaimToken]) -> list[ClaimToken] | None:
    """The tokens of a sentence opening "与…X万元相比，增加…" (see :data:`_COMPARISON_AROUND_A_LEVEL`) as if it opened "比…X万元增加…":
    a comparison token, the amount, then the change; None for another sentence."""
    around = _COMPARISON_AROUND_A_LEVEL.match("".join(t.code for t in tokens))
    if around is None or tokens[0].text.strip() not in ("与", "同", "和") \
            or tokens[around.end() - 2].text.strip() not in ("相比", "比较", "相较"):
        return None
    amount = around.end() - 3
    compare = ClaimToken("CMP_THAN", "".join(t.text for t in tokens[:amount]), tokens[0].start, tokens[amount - 1].end)
    return [compare, tokens[amount], *tokens[around.end():]]


def _opening_transition(tokens: list[ClaimToken], state: _Context, claims: ClaimSet) -> Transition | None:
    """A sentence opening with a comparison that names last year's amount ("。与2022年度决算数43.00万元相比，增加
    4.12万元，增长9.58%", "…相比，收、支总计各增加0.72亿元"): the transition from that amount to the paragraph's last one (see
    :func:`_opening_change_of`)."""
    level = _OPENING_LEVEL.match("".join(t.code for t in tokens))
    if level is None or any(number.malformed for number in _level_numbers(tokens, level)):
        return None
    value = _opening_change_of(tokens[0].start, state, claims) or _named_in_comparison(tokens[0].text, state)
    if value is None or (level.group("named") and not _names_again(tokens[level.start("named")].text, value)):
        return None
    return _transition(tokens, level, without_copula(value.name), value.number, tokens[0].start)


def _named_in_comparison(compare: str, state: _Context) -> Stated | None:
    """The amount this year's quantity that an opening comparison names ("与2022年度本年收入合计4615.42万元相比，…" on the line
    after "2023年度本年收入合计4725.52万元，其中：…") was last stated at, on this line or the one before; None when it names
    none."""
    named = _COMPARISON_HEAD.sub("", compare)
    key = quantity_key(named)
    compared = _YEAR_IN.search(compare)
    this_year = state.year or (compared and str(int(compared.group()) + 1))
    if key is None:
        # (no known quantity: the amounts of this year its words end, when they agree: "…收入预算总计2485.02万元，支出预算总计
        # 2485.02万元。与2024年预算总计…相比")
        alike = [value for value in state.line_values if len(named) >= 3 and clean_name(value.name).endswith(named)
                 and (value.year is None or value.year[:4] == this_year)]
        return alike[-1] if alike and len({(v.number.value, v.number.unit) for v in alike}) == 1 else None
    return next((value for value in reversed(state.previous_values + state.line_values)
                 if value.key == key and (value.year is None or value.year[:4] == this_year)), None)


#: A year in a comparison.
_YEAR_IN = compile_re(r"(?:19|20)\d{2}")
#: The words opening a comparison before the quantity it names ("与2022年度").
_COMPARISON_HEAD = compile_re(r"^(?:与|和|同|比|较)\s*(?:(?:19|20)\d{2}\s*年度?|上年度?|去年)?")


def _names_again(name: str, value: Stated) -> bool:
    """Whether ``name`` names the quantity of ``value`` again ("“三公”经费支出" after "“三公”经费财政拨款支出决算为…")."""
    key = quantity_key(name)
    if key is None and value.key is None:
        return clean_name(name) in clean_name(value.name)  # no known quantity: by the words
    # (or the same quantity, its words naming the value's scope or none: "“三公”经费财政拨款支出决算" of the 三公 section's)
    return key == value.key or (key is not None and value.key is not None and key[1] == value.key[1]
                                and scope_of(clean_name(name)) in (None, value.key[0]))


def _transition(tokens: list[ClaimToken], level, name: str, current: Number, start: int) -> Transition:
    """The transition to ``current`` from the amount, verb and rate a match of :data:`_LEVEL_AFTER` or
    :data:`_OPENING_LEVEL` over ``tokens``' codes names (``previous``, ``verb``, ``rate``)."""
    groups = level.groupdict()
    rate = tokens[level.start("rate")] if groups.get("rate") else None
    change = tokens[level.start("change")].number if groups.get("change") else None
    return Transition(name, tokens[level.start("previous")].number, current, _sign(tokens[level.start("verb")]),
                      rate.number if rate else None, _rate_sign(tokens[level.start("rate") - 1], rate.text) if rate else None,
                      start, tokens[level.end() - 1].end, change)


#: An amount's completion rate, or its share of a whole ("，占本年支出合计的99.7%"), or both, right after it.
_OWN_RATE = compile_re(r"^(?:[，,](?:完成[^，。；\d]{0,8}?|占[^，。；\d]{1,30}?)\d+(?:\.\d+)?%)+")
#: A count of things ("9辆", "24批次"), which no change of an amount of money is of.
_COUNTED = compile_re(rf"(?<![\d.,])\d{{1,6}}(?:{'|'.join(CLASSIFIERS)})")
#: An opening comparison with last year's amount, its change and rate: "比2022年度决算数 43.00万元 增加 4.12万元 ， 增长 9.58%",
#: also naming the quantity again and without the rate ("与2023年度决算数5.41万元相比，“三公”经费支出增加0.63万元").
_OPENING_LEVEL = compile_re(r"T(?P<previous>A)(?P<named>n)?E?(?P<verb>[UD])(?P<change>A)(?:,T?[UD](?P<rate>P))?")


#: The words of an average ("人均", "次均", "平均").
_AVERAGE_WORDS = r"[人生户次车批]均|平均"
#: An average ("人均公用经费", "生均支出", "平均每辆车运行维护费", "每人每年"): a rate, not an amount of a total.
AVERAGE = compile_re(rf"{_AVERAGE_WORDS}|每(?:人|辆|车|户|个|名|年|月|天|次|批)")
#: An average amount ("次均接待费用1239.29元", "平均每辆车运行维护费0.78万元").
_AVERAGE_AMOUNT = compile_re(rf"[^，,。；;\d]{{0,12}}(?:{_AVERAGE_WORDS})[^，,。；;\d]{{0,12}}\d[\d,]*(?:\.\d+)?万?元")
#: A programme named after an average ("学前教育生均公用经费补助项目"): its amount is a level, not a rate.
_PROGRAMME = compile_re(r"(?:项目|补助|资金)(?:支出)?(?:为|是)?$")
#: The name of a budget alone ("预算", "年初预算数为", "年中追加预算"): after an amount, that amount's budget.
_OWN_BUDGET = compile_re(r"(?:为|是|占)?(?:年中|年内)?(?:经批准)?(?:(?:年初|全年|调整后?的?|追加)?预算数?[、和及与]?)?"
                         r"(?:年初|全年|调整后?的?|追加)?预算数?(?:[均都各])?(?:为|是)?")  # (also two alike: "年初预算、调整预算均为")
#: The name of last year's level alone ("上年", "去年同期为", "上年决算数"); "上年结转" is this year's.
_PREVIOUS_LEVEL = compile_re(r"(?:上一?年度?|去年)(?:同期)?(?:决算|预算|执行)?数?(?:为|是)?")
#: Names of differences ("差值为", "节约", "增减") and of changes: no whole that parts could follow.
#: A balance carried over ("年初结转和结余", "结转结余", "项目支出结余", "财政拨款结余") and a unit's 结余分配 (its surplus set aside) are levels,
#: not differences, and so are amounts of work on saving (水资源节约管理, 节约用水).
_DIFFERENCE = compile_re(r"差值|(?<!弥补收支)差额|差异|节约(?!管理|用水|能源|型)|(?<!结转和)(?<!结转)(?<!拨款)(?<!支出)结余(?!分配|缴纳|提取)|增减|变动|增加|减少|增收|减收|超支")


def _names_the_whole(name: str | None, whole: Stated | None) -> bool:
    """Whether a share's whole ``name`` without scope words names the total its list belongs to, read in
    that total's scope ("基本支出" in a list under 财政拨款基本支出), or is a total of income or spending
    that names no one quantity ("总收入" in a list under 本年收入合计)."""
    if not (name and whole is not None and whole.key and scope_of(name) is None):
        return False
    return quantity_key(name, whole.key[0]) == whole.key or whole.key[1] in _GENERIC_TOTALS.get(name, ())


#: Totals of income or spending that name no one quantity ("总收入" may be 本年收入合计 or 收入总计), by
#: the quantities they may be: inside the list of one of these, they name its total.
_GENERIC_TOTALS = {
    "总收入": ("收入", "收支总计"), "收入总额": ("收入", "收支总计"), "全部收入": ("收入", "收支总计"),
    "总支出": ("支出", "收支总计"), "全部支出": ("支出", "收支总计"),
}


def _share_named(part: Stated, whole_name: str, claims: ClaimSet) -> bool:
    """Whether the text states ``part`` as a share of a whole called ``whole_name``: a list's total
    "占收入合计的99.94%" reads its parts' "占收入合计" as the same department total."""
    for share in reversed(claims.shares):
        if share.part.number.start < part.number.start:
            return False
        if share.part is part:
            return share.whole_name == whole_name
    return False


#: Totals the completion lines below them break down: spending by its subjects (类, 款, 项), the 三公
#: total, 公务用车购置及运行维护费 and 公务接待费 (国内, 外事) by their components.
_SUBJECT_TOTALS = ("支出", "基本支出", "项目支出", SANGONG, "公务用车购置及运行维护费", "公务接待费")


def _holds_subjects(subject: str, scope: str) -> bool:
    """Whether a completion of ``subject`` may be the total of completion lines below it: a spending
    total, the 三公 total or a name of no known quantity, not an item such as 机关运行经费 or 培训费."""
    key = quantity_key(subject, scope) if subject else None
    return key is None or key[1] in _SUBJECT_TOTALS


#: A completion's subject that names no quantity of its own: the subject line before it does.
_BARE_SUBJECTS = frozenset({"支出", "决算", "支出决算", "实际支出", "决算数"})


def _file_amount_spent(claim: Completion, scope: str, state: _Context, claims: ClaimSet) -> None:
    """File a completion's amount spent as a statement of its subject, and the change stated after it."""
    if any(value.number.start == claim.actual.start for value in state.line_values):
        return  # stated the sentence before ("本年支出18,902.15万元。年初预算为…，完成年初预算的…": see _spent_before)
    filed = len(claims.values)
    _state(Stated(claim.subject, claim.actual), scope, state, claims, None)
    if claim.change is not None and len(claims.values) > filed:  # not filed: a difference, last year's level
        claim.change.name, claim.change.current = claim.subject, claims.values[-1]
        _record(claim.change, state, claims, None)


def _listed_under(group: CompletionGroup | None, claim: Completion, state: _Context) -> bool:
    """Whether ``claim`` follows 其中 in the paragraph of ``group``'s total ("完成年初预算的108.57%，其中：
    基本支出年初预算为…；项目支出年初预算为…"): a part of that total, not the total of the lines below."""
    if group is None or group.total.start < state.line_start:
        return False
    return "其中" in state.line[group.total.end - state.line_start:claim.start - state.line_start]


def _sangong_group(claim: Completion, claims: ClaimSet) -> CompletionGroup | None:
    """A 三公 part's completion ("1.因公出国(境)费预算为…", also of a part of the cars' "2.公务用车购置费…")
    under its own sub-heading belongs to the 三公 total's completion stated before it."""
    key = quantity_key(claim.subject)
    if not _of_family(key, SANGONG) or key[1] == SANGONG:
        return None
    return next((g for g in reversed(claims.completion_groups)
                 if (total := quantity_key(g.total.subject)) and total[1] == SANGONG), None)


def _beside_sangong(stated: Stated, breakdown: Breakdown) -> bool:
    """会议费 and 培训费 are listed beside the 三公 parts but are not part of 三公经费."""
    whole = breakdown.whole
    return bool(whole and whole.key and whole.key[1] == SANGONG and regex.search(r"会议费|培训费", stated.name))


def _inside_a_part(stated: Stated, breakdown: Breakdown) -> bool:
    """A component of a part listed before it ("公务用车购置及运行维护费9万元，其中公务用车购置费0万元")
    breaks that part down; it is not one more part of the list."""
    if stated.key is not None and any(part.key and is_part_of(stated.key, part.key) for part in breakdown.parts):
        return True
    # Named inside the part ("…，公用经费196.88万元，公用经费中机关运行经费148.35万元"), or all of it ("…9.00万元，全部为…").
    name = clean_name(stated.name)
    return bool(breakdown.parts) and (name.startswith(_ALL_OF_IT) or any(
        name.startswith(clean_name(part.name) + inside) for part in breakdown.parts for inside in _INSIDE))


#: Words naming what a part holds after its name ("公用经费中…", "…里", "…当中"), or all of it.
_INSIDE = ("中", "里", "当中", "内含", "内")
_ALL_OF_IT = ("全部为", "全部是", "均为")


#: The name of a total: "收入合计", "政府性基金支出总计", "共计".
_TOTAL_NAME = compile_re(r"合计|总计|共计|总额")


def _next_total(stated: Stated, breakdown: Breakdown) -> bool:
    """Whether ``stated`` is a total at least as large as the whole, stated after its parts
    ("…其中本级收入103万元，上级补助收入1331万元；支出总计3319万元，其中…"): the list has ended."""
    whole = breakdown.whole
    return (whole is not None and stated is not whole and _TOTAL_NAME.search(stated.name) is not None
            and stated.number.value >= whole.number.value)


def _same_quantity_of_another(stated: Stated, breakdown: Breakdown) -> bool:
    """Whether ``stated`` is the whole's quantity of another unit, both qualified by words naming no scope
    ("厅机关本年收入…，其中…；所属事业单位本年收入…"): the list of the whole's parts has ended."""
    whole, own = clean_name(breakdown.whole_name or ""), clean_name(stated.name)
    common = 0
    while common < min(len(whole), len(own)) and whole[-1 - common] == own[-1 - common]:
        common += 1
    if common < 4 or common == len(whole) or common == len(own) or quantity_key(whole[-common:]) is None:
        return False
    return scope_of(whole[:-common]) is None and scope_of(own[:-common]) is None


def _other_end_of_year(stated: Stated, breakdown: Breakdown) -> bool:
    """Whether ``stated`` is the whole's balance at the year's other end ("年初财政拨款结转和结余…，其中：…；年末财政拨款结转
    和结余…"): the list of the whole's parts has ended."""
    return _named_as_counterpart(breakdown.whole_name or "", stated.name, (("年初", "年末"), ("年末", "年初")))


def _named_as_counterpart(whole_name: str, name: str, pairs: tuple[tuple[str, str], ...]) -> bool:
    """Whether ``name`` is ``whole_name`` with one word of a pair put for the other ("年初…" for "年末…"), the verbs
    before their amounts left out ("全市一般公共预算收入完成" and "全市一般公共预算支出")."""
    whole, own = (_STATED_AS.sub("", clean_name(name)) for name in (whole_name, name))
    return any(word in whole and whole.replace(word, other) == own for word, other in pairs)


#: A verb a name ends with before its amount ("全市一般公共预算收入完成186.43亿元").
_STATED_AS = compile_re(r"(?:完成|实现|达到|共计|合计|为)+$")


def _sibling_source(stated: Stated, breakdown: Breakdown) -> bool:
    """Whether ``stated`` is another source of income than the whole, which is one ("事业收入286.24万元，
    其中：学费收入…，住宿费收入…；经营收入193.65万元…"): the list of the whole's parts has ended."""
    whole = _INCOME_SOURCE.fullmatch(clean_name(breakdown.whole_name or ""))
    own = _INCOME_SOURCE.fullmatch(clean_name(stated.name))
    return whole is not None and own is not None and whole.group(1) != own.group(1)


def _another_fund(stated: Stated, breakdown: Breakdown) -> bool:
    """Whether ``stated`` is of another fund than the whole, which names one ("一般公共预算财政拨款支出3570.80万元，其中：
    基本支出…，项目支出…；政府性基金预算财政拨款支出365.80万元"): the list of the whole's parts has ended."""
    whole, own = (scope_of(clean_name(name)) for name in (breakdown.whole_name or "", stated.name))
    return whole in _FUNDS and own in _FUNDS and whole != own


#: The scopes of the three funds of the 财政拨款.
_FUNDS = (GENERAL, FUND, STATE_CAPITAL)
#: A unit's sources of income, named as the 收入表's columns.
_INCOME_SOURCE = compile_re(r"(?:\d+[.、．]|[(（][一二三四五六七八九十\d]+[)）])?(财政拨款|事业|经营|上级补助|附属单位上缴|其他)收入")


def _subtotal(stated: Stated, breakdown: Breakdown) -> bool:
    """Whether ``stated`` is a total named so (合计, 总计 …) of the parts listed so far, within their
    rounding: it stands for them in the list."""
    parts = [part.number for part in breakdown.parts]
    if not parts or stated.number.malformed or any(n.malformed or n.unit != stated.number.unit for n in parts) \
            or not _TOTAL_NAME.search(stated.name):
        return False
    allowance = sum(0.5 * 10.0 ** -n.decimals for n in parts) + 1e-9
    return abs(sum(n.value for n in parts) - stated.number.value) <= allowance


def _income_keyed_as_spending(stated: Stated, scope: str | None, breakdown: Breakdown | None) -> bool:
    """Whether ``stated`` is listed under income with a name a 预算 reads as spending without saying so ("收入包括：当年拨款
    90.00万元、上年结转10.00万元": this 当年拨款 is income, no 支出 to compare)."""
    if breakdown is None or "支出" in stated.name:
        return False
    name, key = breakdown.whole_name or "", quantity_key(stated.name, scope)
    return "收入" in name and "支出" not in name and key is not None and key[1] == "支出"


def _named_as_its_sibling(stated: Stated, breakdown: Breakdown) -> bool:
    """Whether ``stated`` is named as the whole is, by what the money is used for ("用于产业发展2944.35万元，其中中央资金…；
    用于农村基础设施建设1261.55万元"): the whole's sibling, and the list has ended."""
    whole, name = clean_name(breakdown.whole_name or ""), clean_name(stated.name)
    opening = _USE_OPENING.match(whole)
    return opening is not None and name.startswith(opening.group()) and name != whole


#: What a use of money opens its name with ("用于…", "安排…").
_USE_OPENING = compile_re(r"用于|安排用于|安排")


#: Money a part drew in from elsewhere ("带动", "撬动", "拉动", "吸引"): none of the whole's.
_LEVERAGED = compile_re(r"(?:带动|撬动|拉动|吸引|引导|引进)")


def _other_side(stated: Stated, breakdown: Breakdown) -> bool:
    """Whether ``stated`` is income under a whole of spending ("…支出483亿元其中民生支出411.6亿元⏎…一般公共
    预算收入156.1亿元", a web page's title run into its text), or the other side of the whole's account: the list has
    ended. (A 预算's balanced 财政拨款收入 is often broken down by its uses, "其中：基本支出…".)"""
    name = breakdown.whole_name or ""
    if _named_as_counterpart(name, stated.name, (("收入", "支出"), ("支出", "收入"))):
        return True  # "全市一般公共预算收入完成…，其中…；全市一般公共预算支出…": the other side of the same account
    if breakdown.whole is not None and breakdown.whole.key and breakdown.whole.key[1] == "收支总计":
        # Under both sides at once ("收、支总计均为…。其中：本年收入合计…；本年支出合计…"): the 支出 side
        # begins after the 收入 side's items.
        spending = "支出" in stated.name and "收入" not in stated.name
        return spending and any("收入" in part.name for part in breakdown.parts)
    if "收入" in name and "支出" not in name and _SPENDING_TOTAL.fullmatch(clean_name(stated.name)):
        return True  # "收入预算744.01万元，其中一般公共预算拨款744.01万元；支出预算744.01万元": the other side's total
    return "支出" in name and "收入" not in name and "收入" in stated.name and "支出" not in stated.name


#: The total of spending, named as nothing else ("支出预算", "2025年支出合计", "本年支出"): no use of the income.
_SPENDING_TOTAL = compile_re(r"(?:20\d{2}年度?)?(?:部门|单位|本年|全年)?支出(?:预算|决算)?(?:合计|总计|总额)?数?为?")


def _flow_under_balance(stated: Stated, breakdown: Breakdown):
    """The pattern of the totals of ``stated``'s side when it is spending or income listed under a balance
    (结转和结余), which holds neither; else None."""
    whole = breakdown.whole
    if whole is None or stated is whole or _BALANCE.search(_INCLUDING.sub("", whole.name)) is None:
        return None  # (not "一般公共预算支出（含上年结转）": spending, what it includes said aside)
    name = clean_name(stated.name)
    return next((flow for flow in (_SPENDING, _INCOME) if flow.search(name)), None)


#: The name of a balance carried over, and of an amount spent or received.
_BALANCE = compile_re(r"结转|结余")
#: An aside saying what an amount includes ("（含上年结转）").
_INCLUDING = compile_re(r"[(（]含[^()（）]{1,20}[)）]")
_SPENDING = compile_re(r"支出(?:合计|总额|决算数?)?$")
_INCOME = compile_re(r"收入(?:预算|决算)?(?:合计|总额|总计)?$")


def _listing_whole_with(stated: Stated, breakdown: Breakdown, claims: ClaimSet) -> Breakdown | None:
    """The earlier list of parts that names both the whole of ``breakdown`` and ``stated`` ("收、支总计…，
    其中：年初结转和结余…，本年收入X。⏎其中：本年一般公共预算收入X，年初结转和结余…"): ``stated`` is no part of its
    sibling, and the later list breaks down the whole they are both parts of."""
    whole = breakdown.whole
    if whole is None or stated is whole:
        return None
    name = clean_name(stated.name)
    return next((other for other in claims.breakdowns
                 if other is not breakdown and other.whole is not None and any(part is whole for part in other.parts)
                 and any(part is not whole and clean_name(part.name) == name for part in other.parts)), None)


def _by_another_division(stated: Stated, breakdown: Breakdown) -> bool:
    """Whether ``stated`` divides the list's whole another way than its parts so far: the 中小企业 or 小微
    企业 contracts after the kinds of procurement ("其中：货物类…、工程类…、服务类…；授予中小企业合同金额…")."""
    return (stated.key is not None and stated.key[1] in _BY_SUPPLIER and bool(breakdown.parts)
            and not any(part.key and part.key[1] in _BY_SUPPLIER for part in breakdown.parts)
            and (breakdown.whole is None or breakdown.whole.key is None or breakdown.whole.key[1] not in _BY_SUPPLIER))


def _divided_anew(stated: Stated, breakdown: Breakdown, state: _Context) -> bool:
    """Whether a new division of the whole opens after the parts listed so far ("其中出口15.27亿元；按贸易方式分，一般贸易
    进出口14.90亿元，加工贸易进出口3.72亿元"): its parts are another list."""
    if not breakdown.parts or breakdown.parts[-1].number.end < state.line_start:
        return False
    between = state.line[breakdown.parts[-1].number.end - state.line_start:stated.number.start - state.line_start]
    return _NEW_DIVISION.search(between) is not None


#: A clause opening another division ("；按贸易方式分，", "。按资金来源划分：", "，按贸易方式分，").
_NEW_DIVISION = compile_re(r"[，,；;。]\s*按[^，,；;。：:]{1,12}?(?:分|划分|分类|统计)[，,：:]")


#: The contracts a procurement total awards to small suppliers: a division of it by supplier, not by kind.
_BY_SUPPLIER = ("授予中小企业合同金额", "授予小微企业合同金额")


def _class_of_name(name: str) -> str | None:
    """The 类 a subject's name is filed under: "教育支出(类)普通教育(款)…" → 教育 (the word before the
    first "(类)" with one, without 支出). Walked back by hand: a pattern searching for the word before
    "(类)" tries every start of a long name, which takes time quadratic in its length."""
    at = name.find("(类)")
    while at != -1:
        start = at
        while start and (name[start - 1].isalnum() or name[start - 1] == "_"):
            start -= 1
        word = name[start:at]
        if word:
            return word[:-2] if len(word) > 2 and word.endswith("支出") else word
        at = name.find("(类)", at + 3)
    return None


def _above_its_whole(stated: Stated, breakdown: Breakdown) -> bool:
    """Whether ``stated`` names a subject of a higher level than its list's whole ("（二）社会保障和就业支出（类）634.49万元"
    after a 项's "主要用于：…"): the list has ended, a 类 is no part of a 项."""
    levels = [_LEVEL_ORDER.get(found[-1]) if (found := SUBJECT_LEVEL.findall(name)) else None
              for name in (stated.name, breakdown.whole.name if breakdown.whole is not None else "")]
    return None not in levels and levels[0] < levels[1]


#: The subject levels from the highest.
_LEVEL_ORDER = {"类": 0, "款": 1, "项": 2}


def _of_another_class(stated: Stated, breakdown: Breakdown) -> bool:
    """Whether ``stated`` names a subject of another 类 than its whole does ("住房保障支出(类)70万元。
    ⏎其中：教育支出(类)普通教育(款)小学教育(项)2650万元": the 其中 opens a new paragraph about the
    first class; "教育支出…，其中：高等教育…；科学技术支出…"): the list has ended."""
    whole = breakdown.whole
    if whole is None or stated is whole:
        return False
    part, of_whole = (_class_of_name(clean_name(name).replace("（", "(").replace("）", ")"))
                      for name in (stated.name, whole.name))
    if part and of_whole:
        return part != of_whole
    whole_class = class_code(clean_name(whole.name))
    # (a path naming its 类, "其中，公共安全支出（类）公安（款）…", under a 类 named bare: "（四）住房保障支出…。")
    if whole_class is not None and (part_class := class_code(part or clean_name(stated.name))) is not None:
        return part_class != whole_class  # "教育支出…，其中：高等教育…；科学技术支出…": two classes by name
    # A 项 or 款 named alone, of a 类 the catalogue knows ("住房保障支出10.68万元。其中，公务员医疗补助（项）…":
    # 2101103 is of 210).
    level = _LEVEL_NAMED.fullmatch(clean_name(stated.name).replace("（", "(").replace("）", ")"))
    if whole_class is None and level is None:
        # …and a 类 named bare after a 项 named alone ("（1）其他检察支出（项）：…主要用于：…。" then "社会保障和就业
        # 支出634.49万元"): 20499 is not of 208
        level, whole_class = _LEVEL_NAMED.fullmatch(clean_name(whole.name).replace("（", "(").replace("）", ")")), \
            class_code(clean_name(stated.name))
    if whole_class is None or level is None:
        return False
    classes = {code[:3] for code in codes_named(level.group(1), {"款": 5, "项": 7}[level.group(2)], "功能")}
    return bool(classes) and whole_class not in classes


#: A subject named with its level, 款 or 项, alone: "公务员医疗补助(项)支出".
_LEVEL_NAMED = compile_re(r"(?:[(（]?[一二三四五六七八九十\d]+[)）、.．])?(\w+?)\((款|项)\)(?:支出)?(?:决算|预算)?数?为?")


#: This year's revenue or spending, with its scope words or without: "一般公共预算财政拨款本年收入", "本年支出",
#: "政府性基金预算财政拨款收入", "支出". One named with scope words gives its scope to the paragraph's
#: next one named without ("政府性基金预算财政拨款收入50万元，支出50万元").
_YEAR_FLOW = compile_re(r"\w*?本年(?:收入|支出)|(?:(?:一般公共|政府性基金|国有资本经营)预算)?(?:财政)?(?:拨款)?(?:收入|支出)")

#: A sentence announcing a classification of a total it does not state.
_CLASSIFIES = compile_re(r"分为|划分为")

#: How a line of spending splits: its own 基本支出 and 项目支出.
_SPLIT = compile_re(r"(?:其中[：:]?)?(?:基本支出|项目支出)")


def _project_named_like_basic(stated: Stated, breakdown: Breakdown | None) -> bool:
    """Whether ``stated`` is a project listed under 项目支出 whose name ends like a part of 基本支出
    ("项目支出主要用于：义务教育学校公用经费979.7万元": the schools' running-cost funding, not the
    department's 公用经费)."""
    whole = breakdown.whole if breakdown is not None else None
    if whole is None or whole.key is None or whole.key[1] != "项目支出":
        return False
    key = _key_of(stated.name, whole.key[0], False)
    return key is not None and is_part_of(key, (key[0], "基本支出"))


#: The end of a unit's name ("某某中心", "某某委员会本级", "德州市第二人民医院").
_UNIT_END = compile_re(r"(?:局|中心|委员会|办公室|院|所|站|队|馆|处|厅|社|学校|幼儿园|街道|镇|乡|政府|本级|医院)$")


def _names_a_unit(stated: Stated) -> bool:
    """Whether ``stated`` is the amount of a unit named alone ("分单位看：某某中心1500.00万元"), no known total."""
    return stated.key is None and _UNIT_END.search(clean_name(stated.name)) is not None


def _part_of_a_unit(breakdown: Breakdown | None) -> bool:
    """Whether ``breakdown`` lists a unit's amount: its parts (基本支出, 项目支出) are the unit's, not the
    department's."""
    return breakdown is not None and breakdown.whole is not None and _names_a_unit(breakdown.whole)


def _another_unit(name: str, department: str | None) -> bool:
    """Whether ``name`` opens with an organisation other than the department its title names ("疾控中心支出"
    in the 决算 of a 卫生健康局, which consolidates the 疾控中心's): a unit's own amount, not the department's."""
    organisation = organisation_of(clean_name(name)) if department else None
    return organisation is not None and organisation not in department and department not in organisation


#: Some of a department's units named before a quantity ("学校（幼儿园）一般公共预算安排的公用经费…" in an 教育局's 汇总,
#: "局机关公用经费…"): their share of it.
_SOME_UNITS = compile_re(r"(?:所属|下属|直属)?(?:学校|幼儿园|中小学|二级单位|局机关|机关本级)")


#: A paragraph about one unit, opening with its name and a colon or as a sentence of its own ("3.清溪县农业技术推广中心：
#: 2025年收入预算…", "清溪县农业农村局本级：…", "1.盐城市审计局（本级）。2025年度收入预算…"), or with its name and the year
#: ("宁湖县中学2025年收入预算…" in an 教育局's).
_UNIT_LINE = compile_regex(r"^\s*(?:\d{1,2}\s*[.．、]|[(（][一二三四五六七八九十\d]{1,3}[)）])?\s*"
                           rf"(?P<unit>\p{{Han}}{{2,30}}?{ORGANISATION_END})(?P<own>本级|[(（]本级[)）])?(?:[：:。]|(?=20\d{{2}}年))")


#: A sentence opening with a total, then 中 and a flow of the year ("财政拨款支出总计中：本年支出").
_OPENED_BY_A_TOTAL = compile_re(r"^\s*([^，,；;：:。]{2,20}?(?:总计|合计))中[：:，,]?\s*(?:本年)?(?:收入|支出)(?:合计)?(?:为)?$")
#: A sentence opening with the budget of a scope, then what was spent ("一般公共预算财政拨款年初预算3886.53万元，全年支出").
_OPENED_BY_A_BUDGET = compile_re(r"^\s*(?:20\d{2}年度?)?([^，,；;：:。\d]{2,24}?)(?:年初|全年|调整后?的?)?预算数?为?\d[\d,.]*万?元[，,]\s*"
                                 r"(?:全年|实际)?支出(?:决算)?数?为?$")


def _units_own(name: str, part: Stated, state: _Context) -> Stated | None:
    """The amount of the quantity ``name`` names that a unit's paragraph states before ``part``, if one."""
    key = quantity_key(name)
    return next((value for value in state.line_values if key and value is not part
                 and (own := quantity_key(clean_name(value.name))) is not None and own[1] == key[1]), None)


def of_counted_units(line: str, at: int) -> bool:
    """Whether the sentence of ``line`` before offset ``at`` counts some of the department's units ("12所市直中学2024年度
    收入合计…", "3家省直公立医院收入预算合计…", to the end of the sentence: "…等3个单位…收入合计…；支出合计…"): the
    amounts there are theirs, not the department's."""
    return _COUNTED_UNITS.search(line, line.rfind("。", 0, at) + 1, at) is not None


_COUNTED_UNITS = compile_regex(r"\d{1,3}\s*(?:所|家|个)[^，,。；;\d]{0,10}?(?:学校|中学|小学|幼儿园|医院|单位|学院|中心)")


#: A year opening a sentence, maybe after its list number ("2024年本部门…", "2.2024年度…").
_YEAR_OPENING = compile_re(r"\s*(?:\d{1,2}\s*[.．、]\s*)?(?P<year>20\d{2}年度?)(?![\d月底末初])")


def _regional_whole(claim: Share, state: _Context) -> Stated | None:
    """The amount of a whole its sentence states for a region ("全省一般公共预算支出7,161.04亿元") before a share naming
    it without the region ("占一般公共预算支出的78.6%"): the region's, not the department's."""
    name = clean_name(claim.whole_name)
    sentence = state.line_start + max(state.line.rfind("。", 0, claim.part.number.start - state.line_start), 0)
    return next((value for value in reversed(state.line_values) if value is not claim.part
                 and value.number.start >= sentence and (match := _REGION.match(clean_name(value.name)))
                 and clean_name(value.name)[match.end():] == name), None)


#: A region a figure is of, opening its name ("全省", "全市", "全国").
_REGION = compile_re(r"全(?:国|省|市|县|区|州|盟|旗|镇|乡)")


def _of_counted_projects(stated: Stated, state: _Context) -> bool:
    """Whether a bare flow ("支出390.90万元") follows a count of projects or works in its sentence ("实施办公用房维修改造项目6个，
    涉及面积2.14万平方米，支出…"), or of things bought ("购置执法执勤用车1辆，支出24.80万元"): theirs, not the department's."""
    return clean_name(stated.name) in ("支出", "收入") and (
        _COUNTED_PROJECTS.search(_sentence_before(state, stated.number.start)) is not None
        or _of_the_heading_item(state, stated.number.start))


def _of_the_heading_item(state: _Context, offset: int) -> bool:
    """Whether the line opens with an item of a total other than 支出 or 收入, or a project, and a colon, before a bare flow at
    ``offset`` ("公务用车购置费：2024年度未购置公务用车，支出0.00万元"): the item's amount."""
    head = _HEADING_ITEM.match(state.line[:offset - state.line_start])
    key = quantity_key(head.group("item")) if head else None
    # (or a project: "（二）校舍维修改造项目：全年支出318.60万元")
    return (key is not None and key[1] not in ("支出", "收入")) or (head is not None and _PROJECT_END.search(head.group("item")))


#: How a project's name ends.
_PROJECT_END = compile_re(r"(?:项目|工程)$")
#: An item heading its line before a colon ("公务用车购置费：", "2.公务接待费：").
_HEADING_ITEM = compile_re(r"\s*(?:\d{1,2}\s*[.．、]|[(（][一二三四五六七八九十\d]{1,3}[)）])?\s*(?P<item>[^：:，,。；;\d]{2,20})[：:]")


_COUNTED_PROJECTS = compile_regex(r"(?:项目|工程)\d{1,3}\s*[个项]|\d{1,3}\s*[个项]\p{Han}{0,8}?(?:项目|工程)"
                                  r"|购置[^，,。；;\d]{0,16}\d{1,4}\s*(?:辆|台|套|件)")  # ("购置执法执勤用车1辆，支出24.80万元")


#: A paragraph about the department's own unit, named without the department ("委机关本级2025年收入预算…", "局机关本级：…").
_OWN_UNIT_LINE = compile_regex(r"^\s*(?:\d{1,2}\s*[.．、]|[(（][一二三四五六七八九十\d]{1,3}[)）])?\s*\p{Han}{0,3}机关本级(?:[：:。]|(?=20\d{2}年))")


def other_units_from(text: str, department: str | None) -> int | None:
    """Where the first heading of a part on units' own accounts begins in flow text ``text`` ("第五部分  附件：远安县公路事业
    发展中心2024年度单位决算情况说明（摘要）", "第二部分  单位预算", "二、某中心2025年单位预算"), of a unit the department's
    name (``department``) is not, or of its 本级; None when there is none. A heading the text repeats further on is an entry
    of its contents."""
    headings = [(heading, "".join(heading.group().split())) for heading in _OTHER_UNITS_PART.finditer(text)]
    for at, (heading, words) in enumerate(headings):
        unit = heading["unit"]
        others = not unit or heading["own"] or (department and unit not in department and department not in unit)
        if others and department and not any(words == later for _, later in headings[at + 1:]):
            return heading.start()
    return None


#: A heading opening a part on units' own accounts: the part's ("第二部分 单位预算"), or one unit's, named before its year
#: (maybe its 本级).
_OTHER_UNITS_PART = compile_regex(
    rf"(?m)^\s*(?:第[一二三四五六七八九十]{{1,3}}部分\s*(?:单位(?:决算|预算)\s*$)?|[一二三四五六七八九十]{{1,3}}、|\d{{1,2}}[.、．])?"
    rf"\s*(?:附件\s*\d{{0,2}}\s*[：:]?\s*)?(?:(?P<unit>\p{{Han}}{{2,30}}?{ORGANISATION_END})(?P<own>\s*[(（]本级[)）]|本级)?"
    rf"\s*20\d{{2}}\s*年度?\s*单位(?:决算|预算)|(?<=部分\s*单位(?:决算|预算)\s*)$)")


def unit_line(line: str, department: str | None) -> bool:
    """Whether the paragraph ``line`` states one unit's amounts (see ``_UNIT_LINE``): another unit than the
    department its title names, or the department's 本级."""
    if _OWN_UNIT_LINE.match(line):
        return True  # "委机关本级2025年收入预算…": the department's own unit's
    match = _UNIT_LINE.match(line)
    if match is None or (not department and not match.group().endswith(("：", ":", "。"))):
        return False  # (a name before the year is another unit's only beside the department's own name)
    return match["own"] is not None or not department or match["unit"] not in department


def _qualified_like_the_item_before(stated: Stated, state: _Context) -> bool:
    """Whether ``stated`` follows, after "、", an item whose total is qualified by words naming no scope
    ("学校本级收入合计181,046.85万元、支出合计183,027.64万元": the 本级's 支出, not the department's), or is a
    bare 收入 or 支出 after a comma ("职工基本医疗保险基金收入12.86亿元，支出11.34亿元": the fund's)."""
    previous = state.line_values[-1] if state.line_values else None
    if previous is None or previous.key is not None or previous.number.end > stated.number.start:
        return False
    between = state.line[previous.number.end - state.line_start:stated.number.start - state.line_start]
    name = clean_name(previous.name)
    joined = between.startswith("、") or (between.startswith(("，", ",")) and _BARE_SIDE.fullmatch(clean_name(stated.name)))
    return joined and any(quantity_key(name[i:]) for i in range(1, len(name) - 1))


#: A side named bare ("支出11.34亿元"), maybe with its copula.
_BARE_SIDE = compile_re(r"(?:收入|支出)(?:为)?")


def _split_of_a_line(stated: Stated, breakdown: Breakdown | None) -> bool:
    """Whether ``stated`` is the 基本支出 or 项目支出 of a line that is no known total ("机构运行
    1100910.5元，其中：基本支出1100910.5元，项目支出0元"): the line's own split, not the department's."""
    whole = breakdown.whole if breakdown is not None else None
    return (whole is not None and stated is not whole and whole.key is None
            and _SPLIT.fullmatch(clean_name(stated.name)) is not None)


def _of_a_procurement_kind(stated: Stated, state: _Context) -> bool:
    """Whether ``stated`` is the money awarded to small firms of one kind of purchase its sentence states first ("政府采购
    货物支出6,318.42万元，授予中小企业合同金额4,512.36万元"): that kind's, not the whole procurement's."""
    return _AWARDED.match(clean_name(stated.name)) is not None \
        and _PROCUREMENT_KIND.search(_sentence_before(state, stated.number.start)) is not None


#: Money awarded to small firms, and a kind of purchase stated before it in its sentence.
_AWARDED = compile_re(r"授予(?:中小|小微)(?:型)?企业")
_PROCUREMENT_KIND = compile_re(r"(?:货物|工程|服务)(?:类)?(?:采购)?(?:支出|金额)?(?:为)?\d")


#: A sentence about a project named before it ("新冠肺炎疫情防控专项。该项目年初预算…，全年支出…"): its amounts are the project's.
_PROJECTS_OWN = compile_re(r"\s*(?:该|本|此)(?:项目|专项)")


def _flow_of_what_precedes(stated: Stated, state: _Context) -> bool:
    """Whether ``stated`` is a bare 收入 or 支出 ("本年收入365.00万元", "支出218.46万元") of what its paragraph names
    before it: a subject ("1.其他支出（类）…（项）。本年收入365.00万元，本年支出386.50万元", a fund's line) or, in
    its sentence, a group of people counted ("全年保障城市特困人员142人，支出218.46万元") or a project ("2.信息化建设项目，
    支出386,500.00元"), not its section's total."""
    if _BARE_FLOW.fullmatch(clean_name(stated.name)) is None:
        return False
    before = state.line[:stated.number.start - state.line_start]
    sentence = before[max(before.rfind("。"), before.rfind("；")) + 1:]
    return SUBJECT_LEVEL.search(before) is not None or _PEOPLE_COUNTED.search(sentence) is not None \
        or _PROJECT_BEFORE.search(sentence) is not None


#: A bare flow of money, of the year or not.
_BARE_FLOW = compile_re(r"(?:本年)?(?:收入|支出)")
#: People counted in a clause ("保障城市特困人员142人", "实施临时救助2346人次").
_PEOPLE_COUNTED = compile_re(r"\d\s*(?:人次|人|户)[，,]")
#: A project named right before a bare flow ("2.信息化建设项目，支出…").
_PROJECT_BEFORE = compile_re(r"(?:项目|专项)[，,：:]\s*(?:本年)?(?:收入|支出)为?\s*$")


def _split_of_a_subject_line(stated: Stated, state: _Context) -> bool:
    """Whether ``stated`` is the 基本支出 or 项目支出 after a 其中 in a subject's line ("1.教育支出（类）…高中教育（项）：
    2025年预算数为4835.20万元，…，其中：基本支出4680.90万元，项目支出154.30万元", also in a sentence of its own after
    the subject's: "…结算。其中：基本支出…"): the subject's split."""
    before = state.line[:stated.number.start - state.line_start]
    opened = before.rfind("其中")  # (the last 其中 before it: "…其中：基本支出…。…城乡社区（类）支出…，其中基本支出…")
    clause = before[max(before.rfind("。", 0, opened), before.rfind("；", 0, opened)) + 1:opened]
    if not clause.strip(" ，,"):
        clause = before[:opened]  # "…（项）：年初预算为…，支出决算为…。…原因是…。其中：基本支出…": 其中 opening its sentence
    return _SPLIT.fullmatch(clean_name(stated.name)) is not None and opened >= 0 and SUBJECT_LEVEL.search(clause) is not None


def _fund_share_of_narrower_whole(stated: Stated, breakdown: Breakdown | None) -> bool:
    """Whether ``stated`` names a fund's whole 支出 or 收入 but is listed under a narrower whole: the
    fund's share of that whole ("涉及项目支出预算5,860,000.00元，其中一般公共预算当年拨款800,000.00元": of the
    projects' money, not all the fund's spending), or of an amount no known total names ("涉及项目预算
    资金459.00万元，其中一般公共预算当年拨款409.00万元")."""
    whole = breakdown.whole if breakdown is not None else None
    if whole is None or stated is whole:
        return False
    key = quantity_key(stated.name)
    if key is None or key[1] not in ("支出", "收入", "当年拨款"):
        return False
    return whole.key is None or is_part_of((key[0], whole.key[1]), key)


def parts_of_sources(claims: ClaimSet) -> list[Stated]:
    """The parts listed under a source of money narrower than the department's (see :func:`_part_of_a_source`)."""
    return [part for breakdown in claims.breakdowns if _part_of_a_source(breakdown) for part in breakdown.parts]


def _part_of_a_source(breakdown: Breakdown | None) -> bool:
    """Whether a part is listed under a source of money narrower than the department's ("江苏援藏资金180.00
    万元，其中：农林水支出（类）…（项）120.00万元"), under its 机关运行经费 (its administrative units'
    only), or under an amount another source paid for ("地方财政拨款安排的“三公”经费支出78.46万元，其中：…" in a
    决算 whose 财政拨款 is the central government's): the whole's share of the quantity named, not the
    quantity's amount."""
    return breakdown is not None and (
        _SOURCE_OF_MONEY.search(breakdown.whole_name or "") is not None
        or (breakdown.whole is not None and breakdown.whole.key is None and "安排的" in breakdown.whole_name))


#: Sources of money that pay for part of a subject (aid from another province, earmarked transfers,
#: bonds), and the 机关运行经费, which pays part of the 三公 (the administrative units').
_SOURCE_OF_MONEY = compile_re(r"援[藏疆青]|对口支援|专项资金|转移支付|债券|特别国债|补助资金|帮扶资金|衔接资金|奖补资金"
                              r"|机关运行经费")


#: A balance named with its fund ("政府性基金预算财政拨款年初结转"): the paragraph's amounts after it are that fund's.
_BALANCE_OF_A_SCOPE = compile_re(r"(?:年初|上年)结转")


#: An item named, then its amount of one year, then another year's amount unnamed ("因公出国（境）费2023年度无支出，2024年度
#: 支出"), up to that amount.
_YEARS_OF_A_NAME = compile_re(r"(?:^|[：:，,；;])\s*(?P<name>[^\d，,。；;：:]{2,30}?)(?:19|20)\d{2}年度?(?:无|没有|未发生)?(?:支出|收入)"
                              r"[^，,；;。]*[，,](?:19|20)\d{2}年度?(?:支出|收入)(?:为|是)?\s*$")


def _last_years_of_the_part_before(stated: Stated, before: Stated, state: _Context) -> bool:
    """Whether ``stated`` is an earlier year's level of the part listed before it, named by its last words ("公务用车购置费0万元，
    …；2023年度购置费26.80万元", "上年购置费26.80万元")."""
    name = clean_name(stated.name)
    earlier = LAST_YEARS.match(name) is not None or bool(stated.year and state.year and stated.year[:4] < state.year)
    base = LAST_YEARS.sub("", name, count=1)
    return earlier and len(base) >= 2 and clean_name(before.name).endswith(base)


def _state(stated: Stated, scope: str | None, state: _Context, claims: ClaimSet, breakdown: Breakdown | None) -> None:
    if _DIFFERENCE.search(stated.name) and not (
            clean_name(stated.name) == "结余" and breakdown is not None and "结转" in (breakdown.whole_name or "")):
        return  # "差值为12.3万元" is budget − actual, never a level or a whole with parts (but "结转和结余…，其中：结转…，结余…")
    if _PREVIOUS_LEVEL.fullmatch(stated.name) or (
            stated.year and state.year and stated.year[:4] != state.year and _REFERS_BACK.fullmatch(clean_name(stated.name))):
        # "基本支出600万元，上年550万元", "…，2023年度该项支出为27.80万元": another year's level of the item before, no part of
        # this year's
        return
    if in_last_years_aside(state.line, stated.number.start - state.line_start):
        return  # "（上年基本支出958.12万元，其中人员经费815.00万元）": last year's figures, each of them
    if breakdown is not None and breakdown.parts and _last_years_of_the_part_before(stated, breakdown.parts[-1], state):
        return  # "其中：公务用车购置费0万元，…；2023年度购置费26.80万元，…": the item's level of another year, no part
    if _OWN_BUDGET.fullmatch(clean_name(stated.name)) and state.last_value is not None \
            and state.last_value.number.start >= state.line_start:
        return  # "公务接待费4.26万元，预算6.00万元": the budget of the item before on its line, no part of the list
    if (average := AVERAGE.search(stated.name)) and not (
            (programme := _PROGRAMME.search(stated.name)) and programme.start() - average.end() >= 2):
        # "平均每辆车运行维护费0.78万元", "人均公用经费3.00万元", "人均补助1500元": a rate, no level or part of a total (but
        # "学前教育生均公用经费补助项目…": a programme named after the average it pays)
        return
    if stated.name in ("支出", "收入") and (named := _YEARS_OF_A_NAME.search(_sentence_before(state, stated.number.start))):
        # "其中：因公出国（境）费2023年度无支出，2024年度支出9.86万元": the spending of the item named before the years
        stated.name = named.group("name") + stated.name
    if _YEAR_FLOW.fullmatch(name := clean_name(stated.name)):
        # (or by the total its sentence opens with: "财政拨款支出总计中：本年支出97,121.22万元", or by the budget it opens with:
        # "2024年度一般公共预算财政拨款年初预算3886.53万元，全年支出4887.98万元")
        before = _sentence_before(state, stated.number.start)
        opened = _OPENED_BY_A_TOTAL.match(before) or _OPENED_BY_A_BUDGET.match(before)
        named = scope_of(name) or (scope_of(clean_name(opened.group(1))) if opened else None)
        if named is not None:
            state.paragraph_scope = scope = named
        elif state.paragraph_scope is not None:
            scope = state.paragraph_scope
    elif _BALANCE_OF_A_SCOPE.search(name) and (named := scope_of(name)) is not None:
        # "…；政府性基金预算财政拨款年初结转520.36万元，本年收入7120.00万元": the fund's balance, then its 本年收入
        state.paragraph_scope = named
    stated.narrower = _split_of_a_line(stated, breakdown) or _split_of_a_subject_line(stated, state) \
        or _project_named_like_basic(stated, breakdown) \
        or _fund_share_of_narrower_whole(stated, breakdown) or _part_of_a_unit(breakdown) or _part_of_a_source(breakdown) \
        or _another_unit(stated.name, claims.department) or unit_line(state.line, claims.department) \
        or _SOME_UNITS.match(clean_name(stated.name)) is not None \
        or of_counted_units(state.line, stated.number.start - state.line_start) \
        or _of_counted_projects(stated, state) or _qualified_like_the_item_before(stated, state) \
        or _excluding(stated, state) or _subject_of_a_sources_paragraph(stated, state) or _item_of_public_costs(stated, state) \
        or _flow_of_what_precedes(stated, state) or _PROJECTS_OWN.match(_sentence_before(state, stated.number.start)) is not None \
        or _of_a_procurement_kind(stated, state)
    stated.key = None if stated.narrower or _income_keyed_as_spending(stated, scope, breakdown) \
        or (claims.final_document and _BUDGET_FIGURE.search(clean_name(stated.name))) \
        else _key_of(stated.name, scope, claims.budget_document)  # (a 决算's "…支出年初预算为250.00万元" states no 支出)
    if stated.year is None and claims.budget_document and state.year \
            and (opening := _YEAR_OPENING.match(_sentence_before(state, stated.number.start))
                 or _YEAR_OPENING.match(state.line)) and opening.group("year")[:4] < state.year:
        # "2024年本部门…调整预算为…，全年支出…" in a 2025 预算 (or a paragraph opening so: "2024年预算执行情况：…；全年支出…"):
        # last year's execution (in a 决算, a year left from last year's file labels this year's amounts: DOC005's)
        stated.year = opening.group("year")
    if stated.year is None and state.parts_year is not None:
        stated.year = state.parts_year
    claims.values.append(stated)
    state.line_values.append(stated)
    if breakdown is not None and (_next_total(stated, breakdown) or _of_another_class(stated, breakdown)
                                  or _above_its_whole(stated, breakdown)
                                  or _same_quantity_of_another(stated, breakdown) or _other_end_of_year(stated, breakdown)
                                  or _sibling_source(stated, breakdown) or _another_fund(stated, breakdown)
                                  or _other_side(stated, breakdown) or _by_another_division(stated, breakdown)
                                  or _divided_anew(stated, breakdown, state)
                                  or _LEVERAGED.match(stated.name.lstrip("，, "))
                                  or _named_as_its_sibling(stated, breakdown)):
        breakdown.closed = True  # (money a part drew in: "…支出1,286.40万元，带动全市医疗救助资金支出8,400.55万元")
    if breakdown is not None and not breakdown.closed and _subtotal(stated, breakdown):
        breakdown.parts.clear()  # "…一般公共预算收入1917837万元；加上中央财政收入1321480万元，合计…3239317万元"
    if breakdown is not None and not breakdown.closed and not breakdown.parts \
            and (flow := _flow_under_balance(stated, breakdown)) is not None:
        # "本年支出51,697.75万元，年末结转和结余3,164.40万元。其中：车辆通行费安排的支出…": the spending's parts;
        # "本年收入预算合计100.00万元，上年结转资金0.00万元，其中：⏎一般公共预算收入…": the income's.
        total = next((v for v in reversed(state.previous_values + state.line_values[:-1])
                      if flow.search(clean_name(v.name)) and not _BALANCE.search(v.name)), None)
        breakdown.closed = total is None
        if total is not None:
            breakdown.whole, breakdown.whole_name = total, total.name
    if breakdown is not None and not breakdown.closed and (parent := _listing_whole_with(stated, breakdown, claims)):
        # The list is not of that whole but of the one it is listed under with ``stated``.
        breakdown.whole, breakdown.whole_name = parent.whole, parent.whole_name
    if (breakdown is not None and not breakdown.closed and stated is not breakdown.whole
            and not _beside_sangong(stated, breakdown) and not _inside_a_part(stated, breakdown)
            and not stated.name.startswith("与")):  # "经营收入30万元，与经营支出25万元相抵后…": set against a part
        breakdown.parts.append(stated)
    if not _COMPARISON_BASE.match(stated.name):  # "与上年决算数42,156,380.00元相比，增加…。其中：…": the 其中 is not of it
        state.last_value = stated
