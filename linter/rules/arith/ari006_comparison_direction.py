"""ARI006 comparison-direction."""

from __future__ import annotations

from linter.check.arith import amount, related, same_unit
from linter.check.finding import Severity
from linter.check.interval import format_amount
from linter.check.rule import Rule
from linter.i18n import _
from linter.patterns import compile_regex


class ComparisonDirection(Rule):
    """"支出决算数大于年初预算数" (or 小于, 等于) said of amounts that compare the other way.

    Also the sentence right after a completion: "决算数小于全年预算数的主要原因",
    "决算数与全年预算数持平", "决算数同预算数持平" (持平 says the two are equal).

    **Anti-pattern**

        年初预算为1060.58万元，支出决算为760.05万元，支出决算数大于年初预算数的主要原因：…

    **Best practice**

        年初预算为1060.58万元，支出决算为760.05万元，支出决算数小于年初预算数的主要原因：…
    """

    code = "ARI006"
    name = "comparison-direction"
    severity = Severity.ERROR

    def check(self, document, context):
        tolerances = context.text_tolerances(document)
        for claim in document.claims.completions:
            if claim.direction is not None:
                said = claim.direction
                budgets, kind, start, end = [claim.budget], "年初", claim.end - len(said), claim.end
            else:
                said, budgets, kind, start, end = _following(document.flow.text, claim)
            budgets = [b for b in budgets if b is not None and same_unit(claim.actual, b)]
            if said is None or not budgets:
                continue
            said = next(word for word in ("大于", "小于", "等于") if word in said)
            truths = [_truth(claim.actual, b, tolerances) for b in budgets]
            if None in truths or said in truths:
                continue  # a cent apart (rounding cannot tell), or true of one of the budgets it may mean
            yield self.finding(
                document,
                document.span(start, end),
                _("the text says 支出决算数{said}{kind}预算数, but 支出决算 {actual}{actual_unit} {truth} "
                  "{kind}预算 {budget}{budget_unit}", said=said, truth=truths[0], kind=kind,
                  actual=format_amount(claim.actual.value), actual_unit=claim.actual.unit,
                  budget=format_amount(budgets[0].value), budget_unit=budgets[0].unit),
                expected=f"支出决算数{truths[0]}{kind}预算数",
                related=related(document, (_("budget"), budgets[0]), (_("actual"), claim.actual)),
            )


def _truth(actual_number, budget_number, tolerances) -> str | None:
    """How the actual compares with the budget (大于, 小于, 等于); None when rounding cannot tell."""
    actual, budget = amount(actual_number, tolerances), amount(budget_number, tolerances)
    if actual.lo > budget.hi:
        return "大于"
    if actual.hi < budget.lo:
        return "小于"
    if actual_number.value == budget_number.value:
        return "等于"
    return None


#: The sentence after a completion that compares its amounts: "决算数小于全年预算数", "决算数与预算数持平".
_FOLLOWING = compile_regex(
    r"[。；，,]?(?P<phrase>(?:支出)?决算数?(?:(?P<word>大于|小于|等于|高于|低于)(?P<kind>年初|全年|调整)?预算数?"
    r"|(?:与|同|和)(?P<kind2>年初|全年|调整)?预算数?(?P<equal>持平|相等|一致)))"
)
_WORDS = {"高于": "大于", "低于": "小于"}


def _following(text: str, claim):
    """``(direction, budgets it may be of, budget kind, flow start, flow end)`` of the phrase right
    after ``claim`` (line breaks allowed inside); direction None when there is none. A plain 预算数
    may mean any budget the sentence states."""
    window = text[claim.end:claim.end + 40]
    kept = [i for i, c in enumerate(window) if not c.isspace()]
    match = _FOLLOWING.match("".join(window[i] for i in kept))
    if match is None:
        return None, [], "", 0, 0
    kind = match.group("kind") or match.group("kind2") or ""
    budgets = [claim.budgets[kind]] if kind in claim.budgets else [claim.budget, *claim.budgets.values()]
    word = "等于" if match.group("equal") else _WORDS.get(match.group("word"), match.group("word"))
    return word, budgets, kind, claim.end + kept[match.start("phrase")], claim.end + kept[match.end() - 1] + 1
