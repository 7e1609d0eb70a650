"""ARI010 listed-count-mismatch."""

from __future__ import annotations

from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.extract.named_lists import named_lists
from linter.i18n import _


class ListedCountMismatch(Rule):
    """A count of named things ("内设机构6个", "下属单位3个") followed by a list of their names that names
    another number of them.

    Read where the names surely make the whole list: after "分别为", "分别是", "具体为", "具体包括", "即" or a
    colon right after the count, inline and separated by "、" (a last "和" or "及" may join two names, a
    comma may separate them: every reading is tried), or on numbered lines right after a line ending in
    the colon ("包括：" then "1．…", "2．…"); also a count of units in 家 or of schools in 所, names after the count
    named again in the next sentence ("所属学校7个。所属学校分别是：…") or clause ("…所属4个事业单位预算组成，所属事业单位分别是：…"), names before their count
    ("内设A、B、C3个综合办事机构", "…共3个科室", "…，共3个科室", "…共4个股室（大队）"), items ending in "；" ("共4个，包括：1.…；2.…；3.…。") and names in
    brackets right after their count ("普通高中3所（A、B、C）"). A list that is open ("等"), holds numbers or anything but
    short names is not read. A reorganisation copied into last year's sentence leaves the old count or
    the old names behind.

    **Anti-pattern**

        内设机构7个，分别为：党政办公室、党建工作办公室、社区发展治理办公室、民生服务办公室、平安建设办公室、城市管理办公室。

    **Best practice**

        内设机构6个，分别为：党政办公室、党建工作办公室、社区发展治理办公室、民生服务办公室、平安建设办公室、城市管理办公室。
    """

    code = "ARI010"
    name = "listed-count-mismatch"
    severity = Severity.WARNING

    def check(self, document, context):
        for listed in document.derived(_named_lists):
            if listed.count not in listed.readings:
                named = min(listed.readings, key=lambda n: abs(n - listed.count))
                yield self.finding(
                    document, document.span(listed.start, listed.end),
                    _("{count}{measure}{what} stated, but its list names {named}: {names}", count=listed.count,
                      measure=listed.measure, what=listed.what, named=named, names="、".join(listed.names)),
                    expected=f"{named}{listed.measure}",
                )


def _named_lists(document):
    return named_lists(document.flow.text)
