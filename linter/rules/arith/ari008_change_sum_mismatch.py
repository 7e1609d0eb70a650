"""ARI008 change-sum-mismatch."""

from __future__ import annotations

from collections import defaultdict

from linter.check.arith import identities_in, related
from linter.check.finding import Severity
from linter.check.interval import format_amount
from linter.check.rule import Rule
from linter.extract.quantities import describe
from linter.i18n import _


class ChangeSumMismatch(Rule):
    """Year-on-year changes of a total's components that do not add up to the total's change.

    Some totals are the sum of their components by definition, in every year: “三公”经费 =
    因公出国(境)费 + 公务用车购置及运行维护费 + 公务接待费; 公务用车购置及运行维护费 = 购置费 +
    运行维护费; 基本支出 = 人员经费 + 公用经费; and, for 财政拨款, 支出 = 基本支出 + 项目支出. Where the
    text states the change of the total and of every component, against the same figure of the
    previous year and in one unit, the components' changes must add up to the total's, within
    a rounding tail per component (in a 预算, "比上年" and "比上年预算" are the same figure). A
    component whose change the text does not state (or only says "持平") leaves the sum unchecked.

    **Anti-pattern**

        “三公”经费财政拨款支出决算为15.00万元，比上年减少3.00万元。其中：因公出国(境)费支出决算为0万元，
        比上年减少0万元；公务用车购置及运行维护费支出决算为10.00万元，比上年减少2.00万元；公务接待费支出
        决算为5.00万元，比上年减少2.00万元。

    **Best practice**

        “三公”经费财政拨款支出决算为15.00万元，比上年减少3.00万元。其中：因公出国(境)费支出决算为0万元，
        比上年减少0万元；公务用车购置及运行维护费支出决算为10.00万元，比上年减少2.00万元；公务接待费支出
        决算为5.00万元，比上年减少1.00万元。
    """

    code = "ARI008"
    name = "change-sum-mismatch"
    severity = Severity.ERROR

    def check(self, document, context):
        tolerances = context.text_tolerances(document)
        firsts = {}  # the first change of each quantity, by what of the previous year it is taken against
        for change in document.claims.changes:
            if change.key and not change.delta.malformed and not change.rate_only and not change.against_budget:
                firsts.setdefault((change.key, _basis(change, document.claims)), change)
        scopes = defaultdict(set)
        for (scope, _base), basis in firsts:
            scopes[basis].add(scope)
        for basis, in_scopes in scopes.items():
            for scope, whole_base, part_bases in identities_in(in_scopes):
                whole = firsts.get(((scope, whole_base), basis))
                parts = [firsts.get(((scope, base), basis)) for base in part_bases]
                if whole is None or None in parts or any(p.delta.unit != whole.delta.unit for p in parts):
                    continue
                total = sum(p.sign * p.delta.value for p in parts)
                stated = whole.sign * whole.delta.value
                if abs(total - stated) <= tolerances.tail_per_item * len(parts) + 1e-9:
                    continue
                terms = " ".join(f"{(p.sign * p.delta.value) or 0.0:+.2f}" for p in parts)  # no "-0.00"
                yield self.finding(
                    document, document.span(whole.delta.start, whole.delta.end),
                    _("the change of {whole} is {stated:+.2f}{unit}, but the changes of its components add "
                      "up to {terms} = {total:+.2f}{unit}", whole=describe(whole.key), stated=stated,
                      unit=whole.delta.unit, terms=terms, total=total),
                    expected=f"{format_amount(abs(total))}{whole.delta.unit}",
                    related=related(document, *((describe(p.key), p.delta) for p in parts)),
                )


def _basis(change, claims) -> str:
    """What of the previous year ``change`` is taken against; in a 预算, "比上年" and "比上年预算" both
    name last year's budget."""
    return "" if claims.budget_document and change.basis == "预算" else change.basis
