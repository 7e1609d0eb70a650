"""ARI008 change-sum-mismatch."""

from __future__ import annotations

from collections import defaultdict

from linter.check.arith import identities_in, related
from linter.check.finding import Severity
from linter.check.interval import format_amount
from linter.check.rule import Rule
from linter.extract.claims import Change
from linter.extract.numbers import Number
from linter.extract.quantities import clean_name, describe, display_name, quantity_key
from linter.i18n import _
from linter.patterns import compile_re, compile_regex


class ChangeSumMismatch(Rule):
    """Year-on-year changes of a total's components that do not add up to the total's change.

    Some totals are the sum of their components by definition, in every year: “三公”经费 =
    因公出国(境)费 + 公务用车购置及运行维护费 + 公务接待费; 公务用车购置及运行维护费 = 购置费 +
    运行维护费; 基本支出 = 人员经费 + 公用经费; and, for 财政拨款, 支出 = 基本支出 + 项目支出. Where the
    text states the change of the total and of every component, against the same figure of the
    previous year and in one unit, the components' changes must add up to the total's, within
    a rounding tail per component (in a 预算, "比上年" and "比上年预算" are the same figure); components' changes
    given as the reasons for the total's ("主要原因是：一是基本支出增加…；二是项目支出减少…") are read so too. A
    component whose change the text does not state leaves the sum unchecked; one stated as 0
    and "持平" with last year (in its clause or in a sentence of its own after it) did not change, another level "持平" moved
    by 1% of it at most, and one said "与上年持平" without its level in the total's paragraph (or "…持平" after a
    comparison opening the sentence: "与2024年预算相比，因公出国（境）费持平，…") did not change ("基本持平" says it moved).
    Changes stated without their levels after a comparison opening their sentence ("与2024年预算相比，A增加…，B减少…") are
    taken against what it names. So must the
    changes of the parts a whole is listed as, where the parts make it up exactly this year ("一般公共预算支出预算5,963.70万元，
    比2024年预算增加310.11万元。按…类级科目划分：（一）节能环保支出5,442.39万元，…增加289.80万元；…"; or the changes stated
    after the list, without the levels: "…其中：基本支出增加189.77万元，项目支出增加675.68万元"); a part at 0 this year
    whose change is not stated ("…；上缴上级支出、经营支出均为0.00万元") fell or kept its level, so the others' changes must
    add up to at least the whole's.

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
        reported = set()  # the flow offsets of the changes reported
        for basis, in_scopes in scopes.items():
            identities = list(identities_in(in_scopes))
            components = {(scope, whole_base): part_bases for scope, whole_base, part_bases in identities}
            for scope, whole_base, part_bases in identities:
                whole = firsts.get(((scope, whole_base), basis))
                found = [_changes_of(document, firsts, components, basis, scope, base, whole) for base in part_bases]
                parts = None if None in found else [c for changes in found for c in changes]
                if whole is None or parts is None or any(p.delta.unit != whole.delta.unit for p in parts):
                    continue
                total = sum(p.sign * p.delta.value for p in parts)
                stated = whole.sign * whole.delta.value
                # a level said "持平" may have moved a little: by up to PAR_SLACK of it
                level_slack = sum(PAR_SLACK * abs(p.current.number.value) for p in parts
                                  if p.delta.value == 0 and p.current is not None and p.current.number.value)
                if abs(total - stated) <= tolerances.tail_per_item * len(parts) + level_slack + 1e-9:
                    continue
                reported.add(whole.delta.start)
                yield self._finding(document, whole, describe(whole.key), parts, stated, total)
        yield from self._listed(document, tolerances, reported)

    def _finding(self, document, whole, name, parts, stated, total, at_most=False):
        terms = " ".join(f"{(p.sign * p.delta.value) or 0.0:+.2f}" for p in parts)  # no "-0.00"
        return self.finding(
            document, document.span(whole.delta.start, whole.delta.end),
            _("the change of {whole} is {stated:+.2f}{unit}, but the changes of its components add "
              "up to {terms} = {total:+.2f}{unit} at most (the parts at 0 this year cannot have risen)", whole=name,
              stated=stated, unit=whole.delta.unit, terms=terms, total=total) if at_most else
            _("the change of {whole} is {stated:+.2f}{unit}, but the changes of its components add "
              "up to {terms} = {total:+.2f}{unit}", whole=name, stated=stated,
              unit=whole.delta.unit, terms=terms, total=total),
            expected=f"{format_amount(abs(total))}{whole.delta.unit}",
            related=related(document, *((describe(p.key) if p.key else display_name(p.current.name if p.current else p.name),
                                     p.delta) for p in parts)),
        )

    def _listed(self, document, tolerances, reported):
        """A whole listed as parts that make it up exactly this year ("一般公共预算支出预算5,963.70万元，比2024年预算增加
        310.11万元。按…类级科目划分：（一）节能环保支出5,442.39万元，…增加289.80万元；…"), each part's change stated against
        the same figure: the parts' changes must add up to the whole's, as the components' of an identity do."""
        claims = document.claims
        usable = [c for c in claims.changes if not c.rate_only and not c.against_budget and not c.delta.malformed]
        changes = {id(c.current): c for c in usable if c.current is not None}
        for breakdown in claims.breakdowns:
            if breakdown.whole is None:
                continue
            # (or stated after the list without the levels: "…其中：基本支出2,082.21万元…。与2023年度相比，本年支出合计增加
            # 847.45万元…。其中：基本支出增加189.77万元，项目支出增加675.68万元")
            # (by their quantity, or by their very name where none is known: "事业收入增加36.68万元；其他收入减少5.88万元")
            after = [c for c in usable if c.current is None and 0 < c.start - breakdown.whole.number.start <= _CHANGES_AFTER]
            by_key, by_name = {}, {}
            for change in after:
                if change.key is not None:
                    by_key.setdefault(change.key, change)
                if change.name:
                    by_name.setdefault(clean_name(change.name), change)

            def change_of(stated):
                return changes.get(id(stated)) or (by_key.get(stated.key) if stated.key is not None
                                                   else by_name.get(clean_name(stated.name or "")))

            whole = change_of(breakdown.whole)
            # A part at 0 this year whose change is not stated ("…；上缴上级支出、经营支出均为0.00万元") fell or kept its level.
            at_zero = {id(part) for part in breakdown.parts if change_of(part) is None and part.number.value == 0}
            parts = [change_of(part) for part in breakdown.parts if id(part) not in at_zero]
            if whole is None or whole.delta.start in reported or len(parts) < 2 or None in parts \
                    or any(p.delta.unit != whole.delta.unit or _basis(p, claims) != _basis(whole, claims) for p in parts) \
                    or any(part.number.unit != breakdown.whole.number.unit for part in breakdown.parts):
                continue
            slack = tolerances.tail_per_item * len(parts) + 1e-9
            if abs(sum(part.number.value for part in breakdown.parts) - breakdown.whole.number.value) > slack:
                continue  # the parts listed are not all of it this year
            total, stated = sum(p.sign * p.delta.value for p in parts), whole.sign * whole.delta.value
            if stated - total > slack or (total - stated > slack and not at_zero):
                yield self._finding(document, whole, display_name(breakdown.whole.name), parts, stated, total, bool(at_zero))


#: How far after a list's whole the changes of the whole and its parts may be stated without their levels.
_CHANGES_AFTER = 300


def _changes_of(document, firsts, components, basis, scope, base, whole) -> list[Change] | None:
    """The change of ``base`` (against ``basis``), or those of its own ``components`` where it has none stated
    ("人员经费…增加39.30万元；公用经费…减少1.65万元" for the 基本支出); None when neither is known."""
    change = firsts.get(((scope, base), basis)) or _level_at_zero(document, (scope, base)) \
        or (_unchanged(document, whole, base) if whole is not None else None)
    if change is not None:
        return [change]
    parts = [_changes_of(document, firsts, components, basis, scope, part, None) for part in components.get((scope, base), ())]
    return [c for found in parts for c in found] if parts and None not in parts else None


def _basis(change, claims) -> str:
    """What of the previous year ``change`` is taken against; in a 预算, "比上年" and "比上年预算" both
    name last year's budget."""
    return "" if claims.budget_document and change.basis == "预算" else change.basis


#: "持平" in the clause after an amount ("因公出国(境)费0万元，与上年持平", "…，与2024年预算持平"), or a sentence of its own right
#: after it ("因公出国（境）费支出0.00万元。与上年持平。").
_LEVEL = compile_re(r"[^。；;]{0,12}(?:[。；;]\s*(?:与|同|和|较|比)[^。；;，,]{0,10})?(?<!基本)持平")


#: How much of its level a quantity said "持平" with last year may have moved ("12.00万元，与2024年预算持平").
PAR_SLACK = 0.01


def _level_at_zero(document, key) -> Change | None:
    """A change of 0 for a quantity stated with its level and "持平" with last year: a level of 0 was 0 then
    too; another may have moved a little (by up to ``PAR_SLACK`` of it, which the sum allows)."""
    text = document.flow.text
    for value in document.claims.values:
        if value.key == key and value.number.value is not None and not value.number.malformed \
                and _LEVEL.match(text, value.number.end):
            zero = value.number._replace(text="0", value=0.0, decimals=0)
            return Change(value.name, key, 1, zero, None, None, value, value.number.start, value.number.end)
    return None


#: A quantity said unchanged without its level ("因公出国（境）费支出决算与2016年度持平", "与上年预算持平"); not
#: "基本持平", which says it moved a little.
_UNCHANGED = compile_regex(r"(?P<name>[^，,；;。：:]{2,30}?)(?:与|同|和|较|比)(?:上年度?|20\d{2}年度?)(?:预算数?|决算数?)?持平"
                           # (or in a sentence opening with the comparison: "与2024年预算相比，因公出国（境）费持平，…")
                           r"|(?<=(?:与|同|和)(?:上年度?|20\d{2}年度?)(?:预算数?|决算数?)?相比[，,])(?P<name>[^，,；;。：:\d]{2,30}?)"
                           r"(?<!基本)持平")


def _unchanged(document, whole: Change, base: str) -> Change | None:
    """A change of 0 for the component ``base`` of ``whole`` said unchanged in ``whole``'s paragraph."""
    text = document.flow.text
    start, end = text.rfind("\n", 0, whole.start) + 1, text.find("\n", whole.end)
    for match in _UNCHANGED.finditer(text, start, end if end != -1 else len(text)):
        key = quantity_key(match.group("name"), whole.key[0])
        if key is not None and key[1] == base:
            zero = Number("0", whole.delta.unit, match.start("name"), match.end(), 0.0, 0)
            return Change(match.group("name"), key, 1, zero, None, None, None, zero.start, zero.end)
    return None
