"""ARI001 share-mismatch."""

from __future__ import annotations

from linter.check.arith import QuantityIndex, amount, component_sum, percent_matches, percent_severity, ratio_text, related, same_unit, truncated, find_typo, typo_finding
from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.i18n import _


class ShareMismatch(Rule):
    """A stated share ("占本年支出94.5%") that its part and whole cannot produce.

    The whole is the total the share names ("占政府采购支出总额的23.6%"), or, when it names
    none, the total the list belongs to ("支出199.25万元，主要用于以下方面：", "其中："); a 三公
    total the text never states is the sum of its three components. A share off by one unit of
    its last decimal ("99.86%" for 99.868%) is a warning.

    **Anti-pattern**

        2022年度支出合计199.25万元。其中：基本支出188.25万元，占本年支出84.5%。

    **Best practice**

        2022年度支出合计199.25万元。其中：基本支出188.25万元，占本年支出94.5%。
    """

    code = "ARI001"
    name = "share-mismatch"
    severity = Severity.ERROR

    def check(self, document, context):
        tolerances = context.text_tolerances(document)
        index = QuantityIndex.of(document)
        for share in document.claims.shares:
            whole, components = share.whole or index.whole(share.whole_key), []
            summed = component_sum(index, share.whole_key, tolerances) if whole is None else None
            if summed is not None:  # "占“三公”经费的75%", the total never stated: the sum of its parts
                whole, whole_interval, components = summed
            if whole is None or whole.number.malformed or not same_unit(whole.number, share.part.number):
                continue
            part = share.part.number
            part_interval = amount(part, tolerances)
            if not components:
                whole_interval = amount(whole.number, tolerances)
            if percent_matches(part_interval, whole_interval, share.percent, tolerances) is False:
                computed = ratio_text(part.value, whole.number.value, share.percent.decimals)
                of = share.whole_name or whole.name
                message = _("share of {whole}: {computed}, but the text says {stated}%",
                            whole=of, computed=computed, stated=share.percent.text)

                def holds(i, interval, part=part_interval, whole=whole_interval, percent=share.percent):
                    return percent_matches(*((interval, whole) if i == 0 else (part, interval)), percent, tolerances) is True

                suspects = [(_("part"), part)] + ([] if components else [(_("whole"), whole.number)])
                typo = find_typo(document, suspects, holds, tolerances, share.percent)
                if typo is not None:
                    yield typo_finding(self, document, message, typo, share.percent, _("share"))
                    continue
                if truncated(100 * part.value / whole.number.value, share.percent):
                    message = _("share of {whole}: {computed}, but the text says {stated}% (cut off instead of rounded)",
                                whole=of, computed=computed, stated=share.percent.text)
                yield self.finding(
                    document,
                    document.span(share.percent.start, share.percent.end),
                    message,
                    expected=computed.rsplit(" = ", 1)[1],
                    severity=percent_severity(part_interval, whole_interval, share.percent, tolerances),
                    related=related(document, (_("part"), part), (_("whole"), whole.number),
                                    *((_("component of the whole"), c.number) for c in components if c.number != part)),
                )
