"""ARI009 year-change-mismatch."""

from __future__ import annotations

from linter.check.arith import amount, percent_matches, percent_severity, related, unit_scale
from linter.check.finding import Severity
from linter.check.interval import format_amount, format_ratio, percent_interval
from linter.check.rule import Rule
from linter.extract.year_pairs import YearPair, year_pairs
from linter.i18n import _
from linter.rules.shared import measures_year_on_year


class YearChangeMismatch(Rule):
    """A change between two years' stated amounts that the amounts cannot produce.

    Read where the text states one quantity's amounts of two consecutive years, named alike, and
    then the change ("公务接待费2016年预算8万元，2015年预算12.5万元，减少4.5万元，下降36%"; also the year first, the
    earlier year named by the later one's last words or as 上年: "2025年机关运行经费预算512.36万元，上年预算520.80万元，
    减少8.44万元"). The change must
    go the way the amounts do and be their difference, within the rounding of the printed amounts;
    its rate, if stated, is the change divided by the earlier year's amount. A share compared with
    last year's in percentage points ("比例为11.32%，比上年的10.54%增加了0.78个百分点",
    "比重由上年的77.3%提高到77.8%，提高0.5个百分点", "…83.3%，比上年提高10.7个百分点（上年占72.6%）", "…83.3%，上年占72.6%，比上年
    提高10.7个百分点") is read alike, and so is an amount followed by last year's in its comparison
    and the change ("41.36万元，比2023年度的44.90万元减少3.54万元", "与2023年度44.90万元相比，减少…"), or
    by last year's stated on its own ("其他收入48,915.36元，上年决算数为61,204.87元，比上年减少12,289.51元"), and
    counts compared with last year's ("接待18批次、126人次；与2023年度的21批次、152人次相比，减少3批次、26人次", "由2024年的
    9,412人增加到9,860人，增加448人", "58.63万卷，较上年末的56.78万卷增加1.85万卷"). A
    change stated with this year's amount only ("比上年减少4.5万元，下降36%") is ARI002's.

    **Anti-pattern**

        公务接待费2016年预算8万元，2015年预算12.5万元；对比减少4.35万元。

    **Best practice**

        公务接待费2016年预算8万元，2015年预算12.5万元；对比减少4.5万元。
    """

    code = "ARI009"
    name = "year-change-mismatch"
    severity = Severity.ERROR

    def check(self, document, context):
        tolerances = context.text_tolerances(document)
        read = set()  # the changes read: a sentence both readings take is checked once
        for pair in [*year_pairs(document.flow.text), *_stated_with_comparison(document)]:
            if pair.change.start in read:
                continue
            read.add(pair.change.start)
            if pair.later.unit == "%":
                if pair.earlier.unit != "%":
                    continue
                later, earlier = percent_interval(pair.later, tolerances), percent_interval(pair.earlier, tolerances)
                change, later_scale, earlier_scale = percent_interval(pair.change, tolerances), 1.0, 1.0
            else:  # amounts in the change's unit ("5.29万元，较2023年度决算数6.01万元减少7,207.45元")
                later_scale, earlier_scale = unit_scale(pair.later, pair.change), unit_scale(pair.earlier, pair.change)
                if later_scale is None or earlier_scale is None:
                    continue
                later = amount(pair.later, tolerances).scaled(later_scale)
                earlier = amount(pair.earlier, tolerances).scaled(earlier_scale)
                change = amount(pair.change, tolerances)
            difference = later - earlier
            went = difference.sign()
            levels = dict(name=pair.name, later=pair.later.text + pair.later.unit, later_label=pair.later_label,
                          earlier=pair.earlier.text + pair.earlier.unit, earlier_label=pair.earlier_label,
                          change=pair.change.text + pair.change.unit)
            places = related(document, (pair.later_label, pair.later), (pair.earlier_label, pair.earlier))
            span = document.span(pair.change.start, pair.change.end)
            if went and went != pair.sign and pair.change.value > 0:
                yield self.finding(
                    document, span,
                    _("{name} went from {earlier} ({earlier_label}) to {later} ({later_label}), but the text "
                      "says it fell by {change}", **levels) if went > 0 else
                    _("{name} went from {earlier} ({earlier_label}) to {later} ({later_label}), but the text "
                      "says it rose by {change}", **levels),
                    related=places,
                )
                continue
            if not difference.magnitude().overlaps(change):
                later_value, earlier_value = pair.later.value * later_scale, pair.earlier.value * earlier_scale
                expected = format_amount(abs(later_value - earlier_value))
                yield self.finding(
                    document, span,
                    _("change of {name}: |{later_value} − {earlier_value}| = {expected}, but the text says {change}",
                      expected=expected, later_value=format_amount(later_value),
                      earlier_value=format_amount(earlier_value), **levels),
                    expected=f"{expected}{pair.change.unit}", related=places,
                )
                continue
            rate = pair.rate
            if rate is None or rate.malformed or pair.rate_sign != pair.sign or pair.earlier.value <= 0:
                continue
            if percent_matches(change, earlier, rate, tolerances) is False:
                computed = format_ratio(pair.change.value, pair.earlier.value * earlier_scale, rate.decimals)
                yield self.finding(
                    document, document.span(rate.start, rate.end),
                    _("rate of change of {name}: {change_value} / {earlier_value} = {computed}, but the text says "
                      "{stated}%", computed=computed, stated=rate.text, change_value=pair.change.text,
                      earlier_value=format_amount(pair.earlier.value * earlier_scale), **levels),
                    expected=f"{computed}%", severity=percent_severity(change, earlier, rate, tolerances),
                    related=places,
                )


def _stated_with_comparison(document) -> list[YearPair]:
    """The changes stated after an amount and last year's in its comparison ("41.36万元，比2023年度的44.90万元
    增加3.54万元"), or after it ("…，上年决算数为41,580.00元，比上年减少…"), as pairs of levels; their rate
    is ARI002's, and so is their direction when it has one."""
    pairs = []
    for claim in [*document.claims.transitions, *document.derived(measures_year_on_year)]:
        scale = unit_scale(claim.previous, claim.current)  # (last year's in 万元 beside this year's in 元)
        if claim.change is None or scale is None or None in (claim.current.value, claim.previous.value):
            continue  # (a level no number: "619936,971622,18亿元", NUM001's)
        went = claim.current.value - claim.previous.value * scale
        if claim.rate is not None and went * claim.sign < 0:
            continue
        pairs.append(YearPair(claim.name, _("this year"), claim.current, _("previous amount"), claim.previous,
                              claim.sign, claim.change))
    for change in document.claims.changes:  # "…36,842.50元，…，上年决算数为41,580.00元，减少4,377.50元"
        if change.previous is not None and change.current is not None:
            pairs.append(YearPair(change.current.name or change.name, _("this year"), change.current.number,
                                  _("previous amount"), change.previous.number, change.sign, change.delta))
    return pairs
