"""ARI009 year-change-mismatch."""

from __future__ import annotations

from linter.check.arith import amount, percent_matches, percent_severity, related, same_unit
from linter.check.finding import Severity
from linter.check.interval import format_amount, format_percent
from linter.check.rule import Rule
from linter.extract.year_pairs import year_pairs
from linter.i18n import _


class YearChangeMismatch(Rule):
    """A change between two years' stated amounts that the amounts cannot produce.

    Read where the text states one quantity's amounts of two consecutive years, named alike, and
    then the change ("公务接待费2016年预算8万元，2015年预算12.5万元，减少4.5万元，下降36%"). The change must
    go the way the amounts do and be their difference, within the rounding of the printed amounts;
    its rate, if stated, is the change divided by the earlier year's amount. A change stated with
    this year's amount only ("比上年减少4.5万元，下降36%") is ARI002's.

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
        for pair in year_pairs(document.flow.text):
            if not same_unit(pair.later, pair.earlier, pair.change):
                continue
            later, earlier, change = (amount(n, tolerances) for n in (pair.later, pair.earlier, pair.change))
            difference = later - earlier
            went = 1 if difference.lo > 0 else -1 if difference.hi < 0 else 0
            levels = dict(later_year=pair.later_year, later=format_amount(pair.later.value),
                          earlier_year=pair.earlier_year, earlier=format_amount(pair.earlier.value),
                          change=pair.change.text, unit=pair.change.unit)
            places = related(document, (_("{year}年 amount", year=pair.later_year), pair.later),
                             (_("{year}年 amount", year=pair.earlier_year), pair.earlier))
            span = document.span(pair.change.start, pair.change.end)
            if went and went != pair.sign and pair.change.value > 0:
                yield self.finding(
                    document, span,
                    _("{name} went from {earlier}{unit} in {earlier_year} to {later}{unit} in {later_year}, but "
                      "the text says it fell by {change}{unit}", name=pair.name, **levels) if went > 0 else
                    _("{name} went from {earlier}{unit} in {earlier_year} to {later}{unit} in {later_year}, but "
                      "the text says it rose by {change}{unit}", name=pair.name, **levels),
                    related=places,
                )
                continue
            if not difference.magnitude().overlaps(change):
                expected = format_amount(abs(pair.later.value - pair.earlier.value))
                yield self.finding(
                    document, span,
                    _("change of {name}: |{later} − {earlier}| = {expected}, but the text says {change}{unit}",
                      name=pair.name, expected=expected, **levels),
                    expected=f"{expected}{pair.change.unit}", related=places,
                )
                continue
            rate = pair.rate
            if rate is None or rate.malformed or pair.rate_sign != pair.sign or pair.earlier.value <= 0:
                continue
            if percent_matches(change, earlier, rate, tolerances) is False:
                computed = format_percent(100 * pair.change.value / pair.earlier.value, rate.decimals)
                yield self.finding(
                    document, document.span(rate.start, rate.end),
                    _("rate of change of {name}: {change} / {earlier} = {computed}, but the text says {stated}%",
                      name=pair.name, computed=computed, stated=rate.text, **levels),
                    expected=f"{computed}%", severity=percent_severity(change, earlier, rate, tolerances),
                    related=places,
                )
