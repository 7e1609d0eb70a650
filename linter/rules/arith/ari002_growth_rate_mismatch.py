"""ARI002 growth-rate-mismatch."""

from __future__ import annotations

from linter.check.arith import (
    QuantityIndex, amount, change_rate_matches, find_typo, one_typo_apart, percent_matches, percent_severity, previous_level, related,
    printed_as_meant, retyped, same_unit, typo_finding, unit_scale,
)
from linter.check.finding import Severity
from linter.check.interval import Interval, format_amount, format_ratio
from linter.extract.counts import count_changes, count_transitions
from linter.check.rule import Rule
from linter.extract.claims import AVERAGE
from linter.extract.quantities import display_name
from linter.i18n import _
from linter.patterns import compile_re
from linter.rules.shared import measures_year_on_year


class GrowthRateMismatch(Rule):
    """A growth rate ("增长261.4%") that does not follow from the change and the current amount.

    The previous year's amount is the current amount minus the change; the rate is the
    change divided by it. The rate's direction must also match the change's (增加 … 增长).
    A change from nothing (previous amount 0) has no rate; it is written "增长100%", and another
    rate there is a warning. A gap to the budget ("比年初预算减少1.4万元，下降7%") is taken against
    the budget the same way. Where both years' amounts are stated ("由上年的10万元减少到8万元，下降20%"),
    the rate is their difference divided by the previous amount, and the words must go the way the
    amounts do; where only the previous one is ("比2024年预算1,266.96万元增加19.29万元"), the change divided by it.
    A change printed with the current amount's decimals may be the difference of the two years' printed amounts, each
    rounded: it is taken with the rounding of both ("6.84万元，比2023年度减少0.65万元，下降8.59%", of 68,420元 and 74,850元).
    Counts with their change ("保有量为3辆，比上年增加1辆，增长50%") are exact: only the
    rate is rounded; a count said to go from one level to another must go the way the words say ("由7辆减少至8辆"); so must a count or a
    measure stated with last year's, in 万 or not ("接待游客356.82万人次，比2023年的300.86万人次增长18.6%", "14.62万吨，较上年
    13.97万吨增长4.65%"), and its rate follow from the two. An amount and its change in different units ("12.35亿元，比上年增加7,238.38万元")
    are compared in one; when the rate holds only with the change in the amount's unit ("255,325万元，
    比上年同期增支14,484元，增长6.01%"), the change's unit is reported as a slip. When no amount printed elsewhere tells
    whether the rate or the change slipped, but one change a digit away (retyped, or two swapped) gives the rate and the
    rate is no typo of the computed one, nor does the current amount a digit away give the rate (or one printed nowhere,
    where a table prints the current amount as the text does), the message names it ("减少1.03万元，下降12.15%" of 9.40万元:
    1.30). A change the other way is named only where it gives the rate as printed,
    not only at the edge of the rounding.

    **Anti-pattern**

        2022年度收、支总计199.25万元。与2021年度相比，收、支总计各增加144.11万元，增长72.3%。

    **Best practice**

        2022年度收、支总计199.25万元。与2021年度相比，收、支总计各增加144.11万元，增长261.4%。
    """

    code = "ARI002"
    name = "growth-rate-mismatch"
    severity = Severity.ERROR

    def check(self, document, context):
        tolerances = context.text_tolerances(document)
        index = QuantityIndex.of(document)
        for change in document.claims.changes:
            if change.rate is None or change.delta.malformed:
                continue
            span = document.span(change.rate.start, change.rate.end)
            if change.rate_sign != change.sign:
                message = (
                    _("the amount rose by {delta}{unit} but the rate says it fell", delta=change.delta.text,
                      unit=change.delta.unit)
                    if change.sign > 0 else
                    _("the amount fell by {delta}{unit} but the rate says it rose", delta=change.delta.text,
                      unit=change.delta.unit)
                )
                verb = _verb_before(document.flow.text, change.delta.start)
                before = _base_for(change, index, tolerances, change.rate_sign)
                if verb is not None and before is not None and not change.rate.malformed \
                        and percent_matches(amount(change.delta, tolerances), before, change.rate, tolerances) is True:
                    # "支出198.65万元，比上年增加12.65万元，下降5.99%": 12.65 / 211.30 is the rate of a fall; the verb slipped
                    yield self.finding(
                        document, document.span(*verb.span()),
                        _("{message}; the rate holds for a change the other way ({delta} / {previous} = {stated}%): "
                          "“{verb}” is likely the slip", message=message, delta=format_amount(change.delta.value),
                          previous=format_amount((before.lo + before.hi) / 2), stated=change.rate.text, verb=verb.group()),
                        related=related(document, (_("rate"), change.rate)),
                    )
                    continue
                yield self.finding(document, span, message)
                continue
            if change.previous is not None and (change.current is None or change.current.number.unit != change.delta.unit
                                                == change.previous.number.unit):
                # (also beside this year's in another unit: "2.77亿元，比2024年预算数26,153.94万元增加…": the base stated, as
                # precise as the change)
                yield from self._from_previous(document, change, tolerances)
                continue
            if change.previous is not None and change.current is not None and not change.previous.number.malformed \
                    and not change.current.number.malformed and change.previous.number.unit == change.current.number.unit \
                    and percent_matches(
                        (amount(change.current.number, tolerances) - amount(change.previous.number, tolerances)).magnitude(),
                        amount(change.previous.number, tolerances), change.rate, tolerances):
                continue  # "3,072.57万元，与2024年预算3,267.37万元相比，减少149.80万元，下降6.0%": the rate of the two amounts
                # stated, the change the slip (ARI009's)
            if (stated := _stated_previous(change)) is not None and stated.value and percent_matches(
                    amount(change.delta, tolerances), amount(stated, tolerances), change.rate, tolerances):
                continue  # "8.30万元，比上年预算数9.50万元减少1.30万元，下降13.7%": the change over the base stated, the two
                # levels' gap ARI009's
            current = change.current or index.last_before(change.key, change.delta.start, change.name)
            scale = unit_scale(current.number, change.delta) if current is not None else None
            if scale is None or current.number.malformed or _average_after_its_amount(document.flow.text, current):
                continue
            printed_now, stated_delta = amount(current.number, tolerances), amount(change.delta, tolerances)
            delta = _as_difference(stated_delta, change.delta, current.number, printed_now, scale)
            now = printed_now.scaled(scale)  # in the change's unit ("12.35亿元", "增加7,238.38万元")
            now_value = current.number.value * scale
            previous = previous_level(now, delta, change.sign)
            if previous.hi < 0 and scale != 1.0 and not change.rate.malformed and percent_matches(
                    delta, previous_level(printed_now, delta, change.sign), change.rate, tolerances):
                # "机关运行经费支出575.28元，比2022年度增加15.18万元，增长2.71%": no year before can be less than
                # nothing; in the change's unit the amount gives the rate
                yield self.finding(
                    document, document.span(current.number.start, current.number.end),
                    _("{quantity} is {current}{unit}, less than its change {delta}{delta_unit}; the rate {stated}% holds "
                      "with {current}{delta_unit}: the amount's unit is likely a slip",
                      quantity=display_name(current.name), current=current.number.text, unit=current.number.unit,
                      delta=change.delta.text, delta_unit=change.delta.unit, stated=change.rate.text),
                    expected=f"{current.number.text}{change.delta.unit}",
                    related=related(document, (_("change"), change.delta), (_("rate"), change.rate)),
                )
                continue
            if previous.lo <= 0 <= previous.hi:
                if (change.sign > 0 and change.delta.value > 0 and not change.against_budget and not change.rate.malformed
                        and abs(change.rate.value - 100) > 1e-9):  # "增加0万元，增长0%" from 0 is no rise
                    yield self.finding(
                        document, span,
                        _("{quantity} rose from nothing ({current} − {delta} = 0): such a change is written "
                          "增长100%, but the text says {stated}%", quantity=display_name(current.name),
                          current=format_amount(now_value), delta=format_amount(change.delta.value),
                          stated=change.rate.text),
                        expected="100%", severity=Severity.WARNING,
                        related=related(document, (_("change"), change.delta), (_("current amount"), current.number)),
                    )
                continue
            if change_rate_matches(now, delta, change.sign, change.rate, tolerances) is False:
                if scale != 1.0 and percent_matches(
                        delta, previous_level(printed_now, delta, change.sign), change.rate, tolerances):
                    # "一般公共预算支出完成255,325万元，比上年同期增支14,484元，增长6.01%": the change's unit slipped
                    yield self.finding(
                        document, document.span(change.delta.start, change.delta.end),
                        _("the rate {stated}% holds with a change of {delta}{unit}, in the unit of {quantity} "
                          "({current}{unit}), not with {delta}{delta_unit}: the change's unit is likely a slip",
                          stated=change.rate.text, delta=change.delta.text, unit=current.number.unit,
                          quantity=display_name(current.name), current=current.number.text, delta_unit=change.delta.unit),
                        expected=f"{change.delta.text}{current.number.unit}",
                        related=related(document, (_("current amount"), current.number), (_("rate"), change.rate)),
                    )
                    continue
                if _fits_the_list_total(document, current, delta, change, tolerances):
                    continue  # "总预算A元，其中：基本支出B元，项目支出C元，同比增加D元，增长E%": the total's change
                before = now_value - change.sign * change.delta.value
                expected = format_ratio(change.delta.value, before, change.rate.decimals)
                message = _("rate of change of {quantity}: {delta} / ({base} = {current} {operator} {delta} = "
                            "{previous}) = {computed}, but the text says {stated}%",
                            quantity=display_name(current.name), delta=format_amount(change.delta.value),
                            base=_("budget") if change.against_budget else _base_year(change),
                            current=format_amount(now_value), operator="−" if change.sign > 0 else "+",
                            previous=format_amount(before), computed=expected, stated=change.rate.text)

                def holds(i, interval, now=now, delta=stated_delta, sign=change.sign, rate=change.rate):
                    # (a typo is looked for in the amounts as printed: the change as stated, no difference of two)
                    now, delta = (interval, delta) if i == 0 else (now, interval)
                    before = previous_level(now, delta, sign)
                    if before.lo <= 0 <= before.hi:  # from nothing: written 增长100%
                        return sign > 0 and rate.value == 100
                    return change_rate_matches(now, delta, sign, rate, tolerances.exact_percent()) is True

                typo = find_typo(document, [(_("current amount"), current.number), (_("change"), change.delta)], holds, tolerances,
                                 change.rate) if scale == 1.0 else None
                if typo is not None:
                    yield typo_finding(self, document, message, typo, change.rate, _("rate"))
                    continue
                other_way = now_value + change.sign * change.delta.value  # the year before, had it gone the other way
                if change_rate_matches(now, delta, -change.sign, change.rate, tolerances) is True \
                        and format_ratio(change.delta.value, other_way, change.rate.decimals) == f"{change.rate.text}%":
                    # "比2024年预算增加9.00万元，增长9.47%" of 86.00 where the year before was 95.00: the direction slipped
                    # (not where that holds only at the edge of the rounding: "减少0.78万元，下降6.7%" of 11.40 gives 6.84%)
                    message = (_("{message}; it holds if the amount fell by {delta} ({delta} / {previous} = {stated}%): "
                                 "the word of direction is likely the slip", message=message,
                                 delta=format_amount(change.delta.value), previous=format_amount(other_way),
                                 stated=change.rate.text)
                               if change.sign > 0 else
                               _("{message}; it holds if the amount rose by {delta} ({delta} / {previous} = {stated}%): "
                                 "the word of direction is likely the slip", message=message,
                                 delta=format_amount(change.delta.value), previous=format_amount(other_way),
                                 stated=change.rate.text))
                elif scale == 1.0 and change.rate.decimals and not one_typo_apart(change.rate.text, expected.removesuffix("%")) \
                        and not _meant_otherwise(document, current.number, lambda interval: holds(0, interval), tolerances) \
                        and len(meant := retyped(change.delta, lambda interval: holds(1, interval), tolerances)) == 1:
                    # "减少1.03万元，下降12.15%" of 9.40万元: no amount printed elsewhere says which is wrong, but the
                    # change with two digits swapped gives the rate, the rate is no typo of the one computed, and the
                    # current amount a digit away gives no rate ("38,000.00元，…减少4,000.00元" of 36,000.00 does), or one
                    # printed nowhere where a table prints the current amount as the text does
                    message = _("{message}; or, if the rate is right, the change {wrong} is likely a typo for {meant}, "
                                "with which it holds", message=message, wrong=change.delta.text, meant=meant.pop())
                yield self.finding(
                    document, span,
                    message,
                    expected=expected,
                    severity=percent_severity(delta, previous, change.rate, tolerances),
                    related=related(document, (_("change"), change.delta), (_("current amount"), current.number)),
                )
        yield from self._transitions(document, tolerances)
        yield from self._count_changes(document, tolerances)
        yield from self._count_transitions(document)

    def _count_transitions(self, document):
        """"车辆保有量由7辆减少至8辆": a count said to fall while it rose, or the other way."""
        for claim in count_transitions(document.flow.text):
            went = (claim.after.value > claim.before.value) - (claim.after.value < claim.before.value)
            if went == 0 or went == claim.sign:
                continue
            levels = dict(previous=claim.before.text, current=claim.after.text, unit=claim.after.unit)
            yield self.finding(
                document, document.span(claim.before.start, claim.after.end),
                _("the count went from {previous}{unit} to {current}{unit}, but the text says it fell", **levels) if went > 0
                else _("the count went from {previous}{unit} to {current}{unit}, but the text says it rose", **levels),
            )

    def _from_previous(self, document, change, tolerances):
        """"比2024年预算1,266.96万元增加19.29万元，增长1.5%": last year's level stated, the rate is the change
        divided by it."""
        previous = change.previous.number
        if previous.malformed or previous.unit != change.delta.unit or not previous.value or change.rate.malformed:
            return
        delta, before = amount(change.delta, tolerances), amount(previous, tolerances)
        if percent_matches(delta, before, change.rate, tolerances) is not False:
            return
        computed = format_ratio(change.delta.value, previous.value, change.rate.decimals)
        yield self.finding(
            document, document.span(change.rate.start, change.rate.end),
            _("rate of change of {quantity}: {delta} / {previous} (last year's amount, as stated) = {computed}, but "
              "the text says {stated}%", quantity=display_name(change.name), delta=format_amount(change.delta.value),
              previous=format_amount(previous.value), computed=computed, stated=change.rate.text),
            expected=computed,
            severity=percent_severity(delta, before, change.rate, tolerances),
            related=related(document, (_("change"), change.delta), (_("previous amount"), previous)),
        )

    def _count_changes(self, document, tolerances):
        """"保有量为3辆，比上年增加1辆，增长50%": counts are exact, so only the rate is rounded."""
        for claim in count_changes(document.flow.text):
            before = claim.current.value - claim.sign * claim.delta.value
            if claim.rate_sign != claim.sign or before <= 0 or claim.delta.value == 0:
                continue  # a wrong direction or a rise from nothing is left to the amounts' checks
            exact = Interval(claim.delta.value, claim.delta.value)
            if percent_matches(exact, Interval(before, before), claim.rate, tolerances) is not False:
                continue
            computed = format_ratio(claim.delta.value, before, claim.rate.decimals)
            yield self.finding(
                document, document.span(claim.rate.start, claim.rate.end),
                _("rate of change of {quantity}: {delta} / ({base} = {current} {operator} {delta} = "
                  "{previous}) = {computed}, but the text says {stated}%",
                  quantity=display_name(claim.name or "") or claim.current.text + claim.current.unit, delta=format_amount(claim.delta.value),
                  base=_("previous year"), current=format_amount(claim.current.value),
                  operator="−" if claim.sign > 0 else "+", previous=format_amount(before), computed=computed,
                  stated=claim.rate.text),
                expected=computed,
                related=related(document, (_("change"), claim.delta), (_("current amount"), claim.current)),
            )

    def _transitions(self, document, tolerances):
        """"由上年的10万元减少到8万元，下降20%": the direction and the rate of two stated levels, of money or of a count or a
        measure ("接待游客356.82万人次，比2023年的300.86万人次增长18.6%")."""
        for claim in [*document.claims.transitions, *document.derived(measures_year_on_year)]:
            previous, current = claim.previous, claim.current
            if not same_unit(previous, current) or None in (previous.value, current.value) or previous.value == current.value:
                continue  # (a level no number: "619936,971622,18亿元", NUM001's)
            went = 1 if current.value > previous.value else -1
            if claim.rate is None and went == claim.sign:
                continue  # "由15批次减少至12批次": a direction, and no rate, to check
            # The rate, or the verb itself when there is none ("由41,260.00元增加至35,680.00元").
            span = document.span(*((claim.rate.start, claim.rate.end) if claim.rate else (claim.start, claim.end)))
            levels = dict(quantity=display_name(claim.name), previous=previous.text, current=current.text, unit=current.unit)
            if went != claim.sign or went != claim.rate_sign:
                message = (_("{quantity} went from {previous}{unit} to {current}{unit}, but the text says it fell", **levels)
                           if went > 0 else
                           _("{quantity} went from {previous}{unit} to {current}{unit}, but the text says it rose", **levels))
                yield self.finding(document, span, message, related=related(
                    document, (_("previous amount"), previous), (_("current amount"), current)))
                continue
            # An average ("生均支出为6497元") is a quotient rounded to its last printed digit.
            level = _last_digit_rounded if AVERAGE.search(claim.name) else amount
            before, now = level(previous, tolerances), level(current, tolerances)
            moved = now - before if went > 0 else before - now
            if claim.rate.malformed or percent_matches(moved, before, claim.rate, tolerances) is not False:
                continue
            computed = format_ratio(abs(current.value - previous.value), previous.value, claim.rate.decimals)
            yield self.finding(
                document, span,
                _("rate of change of {quantity}: |{current} − {previous}| / {previous} = {computed}, but the text says "
                  "{stated}%", quantity=display_name(claim.name), current=format_amount(current.value),
                  previous=format_amount(previous.value), computed=computed, stated=claim.rate.text),
                expected=computed,
                severity=percent_severity(moved, before, claim.rate, tolerances),
                related=related(document, (_("previous amount"), previous), (_("current amount"), current)),
            )


def _average_after_its_amount(text: str, current) -> bool:
    """Whether ``current`` is an average stated after another amount of its sentence ("运行维护费86.42万元，平均每辆车运行维护费
    2.11万元，较上年减少5.73万元，下降6.2%"): the change after it may be of either."""
    sentence = max(text.rfind(mark, 0, current.number.start) for mark in "。；;\n") + 1
    return AVERAGE.search(current.name) is not None and _AN_AMOUNT.search(text, sentence, current.number.start) is not None


#: An amount of money.
_AN_AMOUNT = compile_re(r"\d(?:万元|亿元|元)")


def _as_difference(delta: Interval, stated, current, printed: Interval, scale: float) -> Interval:
    """The change ``stated`` as it may have been worked out: the difference of the two years' amounts as printed, each
    rounded as the current one is (``printed``), when it prints as many decimals in the same unit ("6.84万元，比2023年度减少
    0.65万元，下降8.59%": 6.84 − 7.49, of 68,420元 and 74,850元)."""
    if scale != 1.0 or stated.decimals != current.decimals:
        return delta
    half = (printed.hi - printed.lo) / 2
    return Interval(delta.lo - half, delta.hi + half)


def _last_digit_rounded(number, tolerances) -> Interval:
    """The values ``number`` may stand for rounded to its last printed digit (or as an amount, if wider)."""
    half, printed = 0.5 * 10.0 ** -number.decimals, amount(number, tolerances)
    return Interval(min(printed.lo, number.value - half), max(printed.hi, number.value + half))


def _fits_the_list_total(document, current, delta, change, tolerances) -> bool:
    """Whether a change read after the last part of a 其中 list is, by its rate, the change of the
    list's total instead: which of the two it speaks of is then undecided."""
    for breakdown in document.claims.breakdowns:
        whole = breakdown.whole
        if breakdown.parts and breakdown.parts[-1] is current and whole is not None and same_unit(whole.number, change.delta):
            previous = previous_level(amount(whole.number, tolerances), delta, change.sign)
            return percent_matches(delta, previous, change.rate, tolerances) is True
    return False


def _base_year(change) -> str:
    """What a change is taken against, in its rate's message: the previous year, or the year before last it names
    ("比2022年度减少2.36万元" after the change from 2023)."""
    earlier = change.compared_year and change.basis.startswith(change.compared_year)
    return f"{change.compared_year}年" if earlier else _("previous year")


def _verb_before(text: str, at: int):
    """The verb of change right before a change's amount ("增加", "减少", "增支"), as a match, or None."""
    return _CHANGE_VERB.search(text, max(0, at - 4), at)


def _stated_previous(change):
    """Last year's level as the text states it with ``change`` ("比上年预算数9.50万元减少1.30万元"), in the change's unit; None
    when it states none so, or a malformed one."""
    previous = change.previous.number if change.previous is not None else None
    return previous if previous is not None and not previous.malformed and previous.unit == change.delta.unit else None


def _base_for(change, index, tolerances, sign: int):
    """Last year's level of ``change``'s quantity, an interval, were the change in direction ``sign``: as the text states
    it, or this year's amount (stated with the change or before it) less (or plus) the change; None when neither is read in
    the change's unit."""
    if (stated := _stated_previous(change)) is not None:
        return amount(stated, tolerances)
    current = change.current or index.last_before(change.key, change.delta.start, change.name)
    if current is None or current.number.malformed or current.number.unit != change.delta.unit:
        return None
    base = previous_level(amount(current.number, tolerances), amount(change.delta, tolerances), sign)
    return base if base.lo > 0 else None


#: A verb of change right before its amount.
_CHANGE_VERB = compile_re(r"(?:增加|减少|增长|下降|增支|减支|节约|上升|降低)了?(?=[\d\s]*$)")


def _meant_otherwise(document, number, fits, tolerances) -> bool:
    """Whether ``number`` a digit away (retyped, or two swapped) makes a claim hold (``fits``), and is not printed as
    meant (:func:`printed_as_meant`)."""
    alternatives = retyped(number, fits, tolerances)
    return bool(alternatives) and not printed_as_meant(document, number, alternatives)
