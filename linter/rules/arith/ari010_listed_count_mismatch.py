"""ARI010 listed-count-mismatch."""

from __future__ import annotations

from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.extract.named_lists import named_lists
from linter.i18n import _
from linter.patterns import compile_regex


class ListedCountMismatch(Rule):
    """A count of named things ("内设机构6个", "下属单位3个") followed by a list of their names that names
    another number of them.

    Read where the names surely make the whole list: after "分别为", "分别是", "具体为", "具体包括", "即" or a
    colon right after the count, inline and separated by "、" (a last "和" or "及" may join two names, a
    comma may separate them: every reading is tried), or on numbered lines right after a line ending in
    the colon ("包括：" then "1．…", "2．…"); also a count of units in 家 or of schools in 所, names after the count
    named again in the next sentence ("所属学校7个。所属学校分别是：…") or clause ("…所属4个事业单位预算组成，所属事业单位分别是：…"), names before their count
    ("内设A、B、C3个综合办事机构", "…共3个科室", "…，共3个科室", "…共4个股室（大队）"), items ending in "；" ("共4个，包括：1.…；2.…；3.…。") and names in
    brackets right after their count ("普通高中3所（A、B、C）"). A count of units made of the department's own office
    (one) and a count of the others must make the whole ("共6家，包括局本级和4家所属事业单位"). A list that is open ("等"), holds numbers or anything but
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
        yield from self._own_office_and_units(document)
        for listed in document.derived(_named_lists):
            if listed.count not in listed.readings:
                named = min(listed.readings, key=lambda n: abs(n - listed.count))
                names = "、".join(listed.names)
                yield self.finding(
                    document, document.span(listed.start, listed.end),
                    _("{stated} make {count}, but its list names {named}: {names}", stated=listed.stated,
                      count=listed.count, named=named, names=names) if listed.stated else
                    _("{count}{measure}{what} stated, but its list names {named}: {names}", count=listed.count,
                      measure=listed.measure, what=listed.what, named=named, names=names),
                    expected=f"{named}{listed.measure}",
                )


    def _own_office_and_units(self, document):
        """A count of units made of the department's own office and a count of the others ("共6家，包括局本级和4家所属事业
        单位", "共22个，包括局机关本级和所属事业单位20个"): the office is one, and the two must make the count."""
        for match in _OWN_AND_COUNTED.finditer(document.flow.text):
            total, others = int(match["total"]), int(match["others"] or match["after"])
            if others + 1 != total:
                yield self.finding(
                    document, document.span(match.start("total"), match.end("measure")),
                    _("{total}{measure} stated, but {own} and {others} make {made}", total=total, measure=match["measure"],
                      own=match["own"], others=match["counted"], made=others + 1),
                    expected=f"{others + 1}{match['measure']}",
                )


def _named_lists(document):
    return named_lists(document.flow.text)


#: A count of units, then the department's own office and a count of the others, the clause ending there.
_OWN_AND_COUNTED = compile_regex(
    r"共(?P<total>\d{1,3})(?P<measure>个|家)[，,]?(?:包括|包含|含|即|由)[：:]?(?P<own>[^，,。；;、\d]{0,12}?(?:本级|机关))"
    r"(?:和|及|以及|、)(?P<counted>(?P<others>\d{1,3})(?:个|家)[^，,。；;、\d]{1,12}?|[^，,。；;、\d]{1,12}?(?P<after>\d{1,3})(?:个|家))"
    r"(?=[，,。；;）)]|的|$)")

