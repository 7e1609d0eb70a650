"""CON006 inconsistent-project-amount."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from linter.check.finding import Related, Severity
from linter.check.interval import amount_interval
from linter.check.rule import Rule
from linter.extract.numbers import Number
from linter.i18n import _
from linter.patterns import compile_regex

#: "编报绩效目标的2024年度项目39个，涉及预算金额4415.48万元": a stage of performance
#: management, the number of its projects and the money they involve, on the flow text.
_STAGE = compile_regex(
    r"(?:(?P<stage>[\p{Han}“”]{2,16}?)的(?:\d{4}年度?)?项目(?P<count>\d+)个"
    # "对11个项目编报了绩效目标，涉及资金…；对（上述）11个项目开展了绩效自评，涉及资金…": the count first.
    r"|对(?:上述|以上|全部|所有)?(?P<count>\d+)个(?:\d{4}年度?)?项目(?P<stage>(?:编报|开展|实施|进行)了?[\p{Han}]{2,8}?))[，,]?"
    r"(?P<measure>(?:共)?涉及[\p{Han}]{0,12}?(?:金额|资金|拨款))(?:为|共|共计)?"
    r"(?P<amount>\d[\d,.]*)(?P<unit>万元|亿元|元)"
)


#: A measure of the projects' budget ("涉及预算金额", "涉及项目预算资金"), the same at every stage.
_BUDGET_MEASURE = compile_regex(r"预算(?:金额|资金)$")


def _one_slip_apart(a: str, b: str) -> bool:
    """Whether two printed amounts differ by one digit typed wrong or two neighbouring digits swapped."""
    a, b = a.replace(",", ""), b.replace(",", "")
    if len(a) != len(b):
        return False
    diffs = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(diffs) == 1 or (len(diffs) == 2 and diffs[1] == diffs[0] + 1
                               and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]])


@dataclass(frozen=True)
class _Stage:
    """One stage's clause: its name, project count and amount (flow-text offsets of the amount)."""

    name: str
    count: int
    measure: str
    amount: Number


class InconsistentProjectAmount(Rule):
    """Two stages of performance management (编报绩效目标, 绩效跟踪评价, 绩效自评 …) of one
    paragraph state the same number of projects but amounts that no rounding makes equal.

    Each stage covers projects of the ones with performance targets; the same count of them,
    with the money measured the same way (both "涉及预算金额"), is the same projects and the
    same money. A count of 0, different counts, or different measures are not compared. Money other
    than a budget amount ("涉及资金", "涉及一般公共预算当年财政拨款") may grow between the targets set at the
    start of the year and the self-evaluation at its end: its stages are reported only when their
    amounts are one typed slip apart (a digit, or two neighbouring digits swapped). When
    all stages but one agree, the odd one is reported; otherwise the later of the two. It is a
    warning: the text cannot show which of the amount and the count was mistyped.

    **Anti-pattern**

        编报绩效目标的2024年度项目39个，涉及预算金额4415.48万元；绩效跟踪评价的2024年度项目39个，
        涉及预算金额4410.48万元；绩效自评的2024年度项目39个，涉及预算金额4415.48万元。

    **Best practice**

        编报绩效目标的2024年度项目39个，涉及预算金额4415.48万元；绩效跟踪评价的2024年度项目39个，
        涉及预算金额4415.48万元；绩效自评的2024年度项目39个，涉及预算金额4415.48万元。
    """

    code = "CON006"
    name = "inconsistent-project-amount"
    severity = Severity.WARNING

    def check(self, document, context):
        offset, amounts = 0, None
        for paragraph in document.flow.text.split("\n"):
            start, offset = offset, offset + len(paragraph) + 1
            if "绩效" not in paragraph:
                continue
            if amounts is None:  # the document's well-formed amounts, by flow offset
                amounts = {n.start: n for n in document.numbers if n.is_amount and not n.malformed}
            groups: dict[tuple, list[_Stage]] = {}
            for stage in _stages(paragraph, start, amounts):
                if stage.count:
                    groups.setdefault((stage.count, stage.measure, stage.amount.unit), []).append(stage)
            for stages in groups.values():
                yield from self._disagreements(document, context, stages)

    def _disagreements(self, document, context, stages: list[_Stage]):
        """A finding for the stage whose amount differs from the others' (see the class doc)."""
        intervals = [amount_interval(stage.amount, context.text_tolerances(document)) for stage in stages]
        if all(intervals[0].overlaps(other) for other in intervals[1:]):
            return
        values = Counter(stage.amount.value for stage in stages)
        [(common, times)] = values.most_common(1)
        odd = [stage for stage in stages if stage.amount.value != common]
        if times > 1 and len(odd) == 1:
            wrong, reference = odd[0], next(stage for stage in stages if stage.amount.value == common)
        else:
            reference, wrong = stages[0], next(s for s, i in zip(stages, intervals) if not intervals[0].overlaps(i))
        if not _BUDGET_MEASURE.search(wrong.measure) and not _one_slip_apart(wrong.amount.text, reference.amount.text):
            return  # money allocated grows over the year: only a typed slip shows between its stages
        place = document.span(reference.amount.start, reference.amount.end)
        yield self.finding(
            document,
            document.span(wrong.amount.start, wrong.amount.end),
            _("{stage} states {count} projects involving {amount}{unit}, but {other_stage} states the same "
              "{count} projects involving {other}{unit} ({place}): the same projects involve the same "
              "money, so an amount or a count is wrong",
              stage=wrong.name, count=wrong.count, amount=wrong.amount.text, unit=wrong.amount.unit,
              other_stage=reference.name, other=reference.amount.text, place=place.place),
            expected=reference.amount.text,
            related=[Related(place, _("the same projects"))],
        )


def _stages(paragraph: str, offset: int, amounts: dict[int, Number]) -> list[_Stage]:
    """The stage clauses of one paragraph of the flow text starting at ``offset`` (a malformed
    amount is NUM001's: its clause is left out)."""
    stages = []
    for match in _STAGE.finditer(paragraph):
        amount = amounts.get(offset + match.start("amount"))
        if amount is not None:
            stages.append(_Stage(match.group("stage"), int(match.group("count")), match.group("measure"), amount))
    return stages
