"""ARI001 share-mismatch."""

from __future__ import annotations

from linter.check.arith import QuantityIndex, amount, percent_matches, ratio_text
from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.i18n import _


class ShareMismatch(Rule):
    """A stated share ("占本年支出94.5%") that its part and whole cannot produce.

    The whole is the total the share names ("占政府采购支出总额的23.6%"), or, when it names
    none, the total the list belongs to ("支出199.25万元，主要用于以下方面：", "其中：").

    **Anti-pattern**

        2022年度支出合计199.25万元。其中：基本支出188.25万元，占本年支出84.5%。

    **Best practice**

        2022年度支出合计199.25万元。其中：基本支出188.25万元，占本年支出94.5%。
    """

    code = "ARI001"
    name = "share-mismatch"
    severity = Severity.ERROR

    def check(self, document, context):
        tolerances = context.tolerances
        index = QuantityIndex.of(document)
        for share in document.claims.shares:
            whole = share.whole or index.whole(share.whole_key)
            if whole is None or whole.number.malformed:
                continue
            part = share.part.number
            matches = percent_matches(amount(part, tolerances), amount(whole.number, tolerances), share.percent, tolerances)
            if matches is False:
                computed = ratio_text(part.value, whole.number.value, share.percent.decimals)
                of = share.whole_name or whole.name
                yield self.finding(
                    document,
                    document.span(share.percent.start, share.percent.end),
                    _("share of {whole}: {computed}, but the text says {stated}%",
                      whole=of, computed=computed, stated=share.percent.text),
                    expected=computed.rsplit(" = ", 1)[1],
                )
