"""ARI001 share-mismatch."""

from __future__ import annotations

import math
from collections import defaultdict

from linter.check.arith import (
    QuantityIndex, amount, bare_name, component_sum, count_ratio_mismatch, percent_matches, percent_severity, ratio_text, related,
    same_unit, stated_by_name, truncated, find_typo, typo_finding, unit_scale,
)
from linter.check.finding import Severity
from linter.check.interval import Interval, format_amount, format_ratio, percent_interval
from linter.check.rule import Rule
from linter.extract.counts import count_shares
from linter.extract.numbers import number_of
from linter.extract.quantities import ORGANISATION_END, clean_name, display_name, quantity_key, scope_of
from linter.language.subjects import original_year
from linter.i18n import _
from linter.patterns import compile_re, compile_regex

#: Wholes each part has its own of ("完成年初预算的45%", "占上年的", "任务数"): shares of them never
#: imply one common whole.
_OWN_WHOLES = compile_re(r"^(?:年初|全年|调整后?)?预算数?$|任务|计划|上年|同期|同类")


class ShareMismatch(Rule):
    """A stated share ("占本年支出94.5%") that its part and whole cannot produce.

    The whole is the total the share names ("占政府采购支出总额的23.6%", also by a name no known
    quantity has, "总收入3,215.40万元…占总收入的65.31%"), or, when it names none, the total the
    list belongs to ("支出199.25万元，主要用于以下方面：", "其中："); a 三公 total the text never
    states is the sum of its three components. Where the text states no amount for the whole, the
    shares of it must agree on it: "基本支出1,860,420.50元，占一般公共预算支出的80.12%" and
    "项目支出461,500元，占一般公共预算支出的23.40%" put it at 2322042 and 1972222, and no one whole
    gives both (the one share out is reported, or the later of two; with several out, none).
    Shares naming no whole and belonging to no list, three or more in a paragraph, are of one whole
    too ("一般公共服务支出2,200.00万元，占81.47%；…"); when they disagree, an amount stated in the paragraph before them that
    all but one agree with is their whole, and that one is reported. A share off by one unit of its last
    decimal ("99.86%" for 99.868%) is a warning. A part said to be 100% of a whole it exceeds is an error
    even where the ratio rounds to 100% ("资金2226.22万元，占项目支出总额的100%" of 2222.62).
    A share naming its part and its whole without their amounts ("人员经费占基本支出的85.75%") is of the
    amounts stated under those names in its paragraph or the two before it, when each name has one amount there.

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
        unstated = []
        year = document.derived(original_year)
        for share in document.claims.shares:
            if share.whole is None and (share.whole_name or "").startswith("当年") and share.part.year \
                    and year and share.part.year[:4] != str(year):
                continue  # "2023年度授予中小企业合同金额…，占当年政府采购支出总额的80.12%": of that year's total
            if share.whole is None and document.claims.final_document and _at_the_budget_stage(document.flow.text, share):
                continue  # "年初预算编制阶段…涉及…5,980.00万元，占一般公共预算项目支出的100%": of the budget, no amount spent
            whole, components = share.whole or _named_in_its_sentence(document, share) or _named_just_before(document, share) \
                or index.whole(share.whole_key) \
                or stated_by_name(document, share), []
            summed = component_sum(index, share.whole_key, tolerances) if whole is None else None
            if summed is not None:  # "占“三公”经费的75%", the total never stated: the sum of its parts
                whole, whole_interval, components = summed
            if whole is None:
                unstated.append(share)
                continue
            scale = unit_scale(whole.number, share.part.number)  # a whole in 亿元, its part in 万元, both in the text
            if scale != 1.0 and not any(whole is value for value in document.claims.values):
                scale = None  # a table's total in another unit (its unit line may be the text's)
            if whole.number.malformed or scale is None or whole.number == share.part.number:
                continue  # a share of itself: two quantities named alike ("授予中小微型公司的合同金额…占…")
            part = share.part.number
            part_interval = amount(part, tolerances)
            whole_value = whole.number.value * scale
            if not components:
                whole_interval = amount(whole.number, tolerances).scaled(scale)
            if share.percent.value == 100 and part_interval.lo > whole_interval.hi \
                    and percent_matches(part_interval, whole_interval, share.percent, tolerances) is not False:
                # "资金2226.22万元，占一般公共预算项目支出总额的100%" of 2222.62: all of it, and more (100.16% rounds to 100%)
                yield self.finding(
                    document, document.span(share.percent.start, share.percent.end),
                    _("the text says {part} is {stated}% of {whole}, which is {amount}: a part cannot exceed its whole",
                      part=format_amount(part.value), whole=share.whole_name or whole.name, stated=share.percent.text,
                      amount=format_amount(whole_value)),
                    related=related(document, (_("part"), part), (_("whole"), whole.number)),
                )
                continue
            if percent_matches(part_interval, whole_interval, share.percent, tolerances) is False:
                scoped = _scoped_whole(index, share)
                if scoped is not None and not scoped.number.malformed and same_unit(scoped.number, part) and \
                        percent_matches(part_interval, amount(scoped.number, tolerances), share.percent, tolerances) is not False:
                    continue  # of the whole its own section states: "一般公共预算基本支出…。公用经费…，占基本支出的19.5%"
                outer = _outer_whole(document, whole) if share.whole_name is None else None
                if outer is not None and same_unit(outer.number, part) and \
                        percent_matches(part_interval, amount(outer.number, tolerances), share.percent, tolerances) is True:
                    continue  # of the list its whole stands in: "单位资金200万元，占20%（其中事业收入150万元，占15%；…）"
                if _of_the_wholes_whole(document, share, whole, tolerances):
                    continue  # "社会保障和就业支出（类）200.00万元，占20.00%。其中：…（款）150.00万元，占15.00%"
                computed = ratio_text(part.value, whole_value, share.percent.decimals)
                of = share.whole_name or whole.name
                message = _("share of {whole}: {computed}, but the text says {stated}%",
                            whole=of, computed=computed, stated=share.percent.text)

                def holds(i, interval, part=part_interval, whole=whole_interval, percent=share.percent):
                    return percent_matches(*((interval, whole) if i == 0 else (part, interval)), percent, tolerances.exact_percent()) is True

                suspects = [(_("part"), part)] + ([] if components else [(_("whole"), whole.number)])
                typo = find_typo(document, suspects, holds, tolerances, share.percent) if scale == 1.0 else None
                if typo is not None:
                    yield typo_finding(self, document, message, typo, share.percent, _("share"))
                    continue
                if truncated(100 * part.value / whole_value, share.percent):
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
        yield from self._disagreeing(document, unstated, tolerances)
        yield from self._count_shares(document, tolerances)
        yield from self._named_shares(document, index, tolerances)

    def _named_shares(self, document, index, tolerances):
        """"人员经费占基本支出的85.75%": a share naming its part and its whole, each stated with its amount in the
        paragraph or the two before it (the last statement of each, when one reads it by its name)."""
        text, claimed = document.flow.text, {share.percent.start for share in document.claims.shares}
        for match in _NAMED_SHARE.finditer(text):
            if match.start("pct") in claimed:
                continue
            reach = _paragraphs_start(text, match.start(), _SHARE_REACH)
            part = _stated_named(document, index, match["part"], reach, match.start())
            whole = _stated_named(document, index, match["whole"], reach, match.start(), _wider_than(match["part"], match["whole"]))
            if part is None or whole is None or part is whole or part.number.malformed or whole.number.malformed \
                    or not same_unit(part.number, whole.number):
                continue
            percent = number_of(match, "pct", "%")
            part_interval, whole_interval = amount(part.number, tolerances), amount(whole.number, tolerances)
            if percent_matches(part_interval, whole_interval, percent, tolerances) is not False:
                continue
            computed = ratio_text(part.number.value, whole.number.value, percent.decimals)
            yield self.finding(
                document, document.span(percent.start, percent.end),
                _("share of {whole}: {computed}, but the text says {stated}%", whole=match["whole"], computed=computed,
                  stated=percent.text),
                expected=computed.rsplit(" = ", 1)[1],
                severity=percent_severity(part_interval, whole_interval, percent, tolerances),
                related=related(document, (_("part"), part.number), (_("whole"), whole.number)),
            )


    def _count_shares(self, document, tolerances):
        """"在职职工2,860人，其中卫生技术人员2,480人，占在职职工的86.7%": a count's share of the count it is listed under
        (counts are exact, so only the rate is rounded)."""
        for share in count_shares(document.flow.text):
            computed = count_ratio_mismatch(share.part.value, share.whole.value, share.rate, tolerances)
            if computed is None:
                continue
            yield self.finding(
                document, document.span(share.rate.start, share.rate.end),
                _("share of {whole}: {computed}, but the text says {stated}%", whole=display_name(share.whole_name),
                  computed=computed, stated=share.rate.text),
                expected=computed.rsplit(" = ", 1)[1],
                related=related(document, (_("part"), share.part), (_("whole"), share.whole)),
            )

    def _disagreeing(self, document, shares, tolerances):
        """Findings where shares of one whole the text never states imply wholes no one amount
        can be: the share whose whole is outside what all the others agree on, or the later of two
        named alike. Shares naming no whole are of one whole within a paragraph, when at least
        three of them say so ("一般公共服务支出2,200.00万元，占81.47%；社会保障和就业支出…，占…"), and
        so are those of subjects in paragraphs one after another ("（一）一般公共服务支出（类）2200.00万元，
        占18.72%。" then "（二）教育支出（类）…")."""
        groups = defaultdict(list)
        runs = _subject_runs(document, shares)
        for share in shares:
            part, percent = share.part.number, share.percent
            if (share.whole_name and _OWN_WHOLES.search(share.whole_name)) or part.malformed or percent.malformed \
                    or percent.value <= 0:
                continue
            whole = _implied_whole(share, tolerances)
            if not (0 < whole.lo and whole.hi < math.inf):  # a part that may be 0, or "8782.60…%" of digits
                continue
            of = share.whole_key or share.whole_name or runs.get(id(share)) or document.flow.text.rfind("\n", 0, percent.start)
            groups[(of, share.part.year, part.unit)].append((share, whole))
        for (of, _year, _unit), members in groups.items():
            group, implied = [share for share, _ in members], [whole for _, whole in members]
            if len(group) < (3 if isinstance(of, int) else 2) or _common(implied) is not None:
                continue
            if (stated := _whole_stated_before(document, group, implied)) is not None:
                # "一般公共预算拨款支出3284.13万元。…主要用于以下方面：" over the list: the whole all shares but one agree with
                share, number = stated
                yield self._disagreement(document, share, [s for s in group if s is not share], amount(number, tolerances),
                                         tolerances, stated=number)
                continue
            odd = []
            for index, share in enumerate(group):
                others = _common(implied[:index] + implied[index + 1:])
                if others is not None and not others.overlaps(implied[index]):
                    odd.append((share, group[:index] + group[index + 1:], others))
            total = None
            if len(odd) > 1 and len(group) > 2:
                # (of several out, the one whose whole cannot be the parts' sum, which all the others' can: the list is
                # the whole's every part)
                total = sum(share.part.number.value for share in group)
                odd = [(share, others, whole) for share, others, whole in odd
                       if whole.lo <= total <= whole.hi and not implied[group.index(share)].lo <= total <= implied[group.index(share)].hi]
            if len(odd) == 1 or (len(odd) == 2 and len(group) == 2):  # one out, else undecided; of two, the later
                yield self._disagreement(document, *odd[-1], tolerances, subjects=isinstance(of, tuple), total=total)

    def _disagreement(self, document, share, others, whole, tolerances, subjects=False, total=None, stated=None):
        """The finding on ``share``, whose whole the ``others`` put at ``whole`` (or which ``stated`` or the parts'
        ``total`` is)."""
        part, percent = share.part.number, share.percent
        if stated is not None:
            total = stated.value
        computed = ratio_text(part.value, total, percent.decimals) if total is not None \
            else _ratio_range(part.value, whole, percent.decimals)
        if stated is not None:
            message = _("the amount stated before the list, {total}, is a whole all its other shares agree with; {computed}, "
                        "but the text says {stated}%", total=stated.text + stated.unit, computed=computed, stated=percent.text)
        elif total is not None:
            message = _("the parts listed add up to {total}, a whole their other shares agree with; {computed}, but the text "
                        "says {stated}%", total=format_amount(total), computed=computed, stated=percent.text)
        elif share.whole_name:
            message = _("share of {whole}: no amount of it is read, but its other shares put it at "
                        "{low}–{high}; {computed}, but the text says {stated}%",
                        whole=share.whole_name, low=format_amount(whole.lo), high=format_amount(whole.hi),
                        computed=computed, stated=percent.text)
        elif subjects:
            message = _("the shares of the other subjects listed put their whole at {low}–{high}; {computed}, "
                        "but the text says {stated}%",
                        low=format_amount(whole.lo), high=format_amount(whole.hi), computed=computed, stated=percent.text)
        else:
            message = _("the other shares of this paragraph put their whole at {low}–{high}; {computed}, "
                        "but the text says {stated}%",
                        low=format_amount(whole.lo), high=format_amount(whole.hi), computed=computed, stated=percent.text)
        return self.finding(
            document,
            document.span(percent.start, percent.end),
            message,
            expected=computed.rsplit(" = ", 1)[1],
            severity=percent_severity(amount(part, tolerances), whole, percent, tolerances),
            related=related(document, *((_("another share of the whole"), other.percent) for other in others)),
        )


def _whole_stated_before(document, group: list, implied: list[Interval]):
    """``(share, whole)``: the one share of ``group`` (three or more, naming no whole) whose implied whole excludes the
    one amount stated in the paragraph before the list that every other share's implied whole (``implied``) includes
    ("一般公共预算拨款支出3284.13万元，…主要用于以下方面：" over "152.96万元，占4.7%；3086.09万元，占93.4%；63.08万元，占1.9%":
    93.4%); None when there is no such amount, or no such share."""
    if len(group) < 3:
        return None
    first = min(share.part.number.start for share in group)
    text = document.flow.text
    start = max(text.rfind("\n\n", 0, first), first - _STATED_WHOLE_REACH, 0)
    largest = max(share.part.number.value for share in group)
    unit = group[0].part.number.unit
    found = []
    for number in document.numbers:
        if not start <= number.start < first or number.malformed or number.unit != unit or number.value <= largest:
            continue
        outside = [share for share, whole in zip(group, implied) if not whole.lo <= number.value <= whole.hi]
        if len(outside) == 1:
            found.append((outside[0], number))
    return found[-1] if len({share.percent.start for share, _ in found}) == 1 else None


#: How far before a list of shares its whole may be stated (the paragraph's first sentence).
_STATED_WHOLE_REACH = 300


def _subject_runs(document, shares) -> dict[int, tuple[str, int]]:
    """For each share naming no whole whose part is a subject (类, 款, 项), the run of paragraphs one
    after another holding such shares that it stands in (by the flow offset of the run's first)."""
    text, runs = document.flow.text, {}
    run = previous_end = None
    for share in shares:
        key = share.part.key
        if share.whole_name or share.whole_key or not key or not key[1].startswith(("类:", "款:", "项:")):
            continue
        start = text.rfind("\n", 0, share.percent.start) + 1
        if previous_end is None or text.count("\n", previous_end, start) > 1:
            run = ("subjects", start)
        previous_end = start
        runs[id(share)] = run
    return runs


#: Words of a 决算's sentence on the budget's preparation (the projects' 绩效目标 set when the budget was drawn up): a
#: share there is of the budget's amount.
_BUDGET_STAGE = compile_re(r"年初预算编制|预算编制阶段|编报(?:了)?绩效目标|绩效目标(?:编制|编报|设置|申报)")


def _at_the_budget_stage(text: str, share) -> bool:
    """Whether the sentence of ``share`` speaks of the budget's preparation (see ``_BUDGET_STAGE``)."""
    return _BUDGET_STAGE.search(text, _sentence_start(text, share.part.number.start), share.percent.start) is not None


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence (or line) holding flow offset ``at`` starts."""
    return max(text.rfind(mark, 0, at) for mark in "。\n") + 1


def _named_in_its_sentence(document, share):
    """The amount its own sentence states before the share under a name holding the whole's name ("全市一般公共预算收入完成
    186.43亿元，其中税收收入129.58亿元，占一般公共预算收入的69.5%": the city's, not the department's stated elsewhere), maybe
    shortened ("…预留政府采购项目预算金额9236.18万元，其中，预留给小微企业的金额7389.94万元，占面向中小企业预留金额的80.01%")."""
    if not share.whole_name:
        return None
    text, name = document.flow.text, clean_name(share.whole_name)
    sentence_start = _sentence_start(text, share.percent.start)
    # (not a part with a share of its own: "基本支出3,299.29万元，占支出预算的59.78%；项目支出…，占支出预算的40.22%")
    parts = document.derived(_share_parts)
    named = [value for value in document.claims.values if sentence_start <= value.number.start < share.part.number.start
             and value is not share.part and id(value) not in parts and _holds_name(clean_name(value.name), name)]
    return named[-1] if named else None


def _share_parts(document) -> set[int]:
    """The ids of the amounts the document states a share of."""
    return {id(share.part) for share in document.claims.shares}


def _named_just_before(document, share):
    """The amount stated under the whole's very name (maybe after its organisation's) shortly before the share ("（一）收入总计
    500.00万元。包括：1．财政拨款收入400.00万元，占收入总计的80.00%": the total just stated, not a 财政拨款收、支总计 stated
    elsewhere)."""
    if not share.whole_name:
        return None
    name, start = clean_name(share.whole_name), share.part.number.start
    return next((value for value in reversed(document.claims.values)
                 if start - _JUST_BEFORE <= value.number.start < start and _names_of_own(clean_name(value.name), name)),
                None)


def _names_of_own(stated: str, name: str) -> bool:
    """Whether ``stated`` is ``name``, maybe after the organisation whose it is and before 预算 ("区教委收入预算" of "收入预算",
    or of "收入" as a 预算 names it)."""
    return any(named == name or (named.endswith(name) and _OWNER.fullmatch(named[:-len(name)]) is not None)
               for named in {stated, _BUDGET_END.sub("", stated)})


_BUDGET_END = compile_re(r"预算数?$")


#: An organisation named before a quantity ("区教委", "本局").
_OWNER = compile_regex(rf"[\p{{Han}}]{{0,12}}{ORGANISATION_END}")


#: How many characters before a share's part the amount of its whole's very name is looked for.
_JUST_BEFORE = 120


def _holds_name(stated: str, name: str) -> bool:
    """Whether an amount's ``stated`` name holds the whole's ``name``, whole or shortened: its head and its last words with
    words left out between them ("面向中小企业预留金额" of "本部门面向中小企业预留政府采购项目预算金额")."""
    if name in stated:
        return True
    head, tail = name[:_NAME_HEAD], name[-2:]
    at = stated.find(head)
    return len(name) >= 2 * _NAME_HEAD and at >= 0 and stated.endswith(tail) and _in_order(name[_NAME_HEAD:-2], stated[at + _NAME_HEAD:-2])


def _in_order(characters: str, text: str) -> bool:
    """Whether ``characters`` appear in ``text`` in their order."""
    rest = iter(text)
    return all(character in rest for character in characters)


#: How many first characters of a whole's shortened name its stated name must hold as they are.
_NAME_HEAD = 4


def _scoped_whole(index, share):
    """The whole a share names without scope words as stated in its part's scope, when that is not
    the department's: in a section on 一般公共预算, "占基本支出的19.5%" may be of that section's 基本支出.
    A part of no known quantity ("工资福利支出预算…，占基本支出预算88.76%") is in the scope of the last
    statement of the whole before it in another scope ("2025年一般公共预算基本支出7,556,420.50元")."""
    key, part_key = share.whole_key, share.part.key
    if not (share.whole_name and key) or scope_of(share.whole_name):
        return None
    if part_key is None:
        before = [stated for other, statements in index.by_key.items() if other[1] == key[1] and other[0] != key[0]
                  for stated in statements if stated.number.start < share.percent.start
                  and stated.number.value]  # (not a fund's nothing: "政府性基金预算财政拨款收入0万元；其他收入…，占…")
        scoped = max(before, key=lambda stated: stated.number.start, default=None)
    elif part_key[0] != key[0]:
        scoped = index.whole((part_key[0], key[1]))
    else:
        return None
    return None if scoped is None or scoped.number == share.part.number else scoped  # never the part itself


def _outer_whole(document, whole):
    """The whole of the list ``whole`` is itself a part of, if one is."""
    return next((b.whole for b in document.claims.breakdowns
                 if b.whole is not None and b.whole is not whole and any(p is whole for p in b.parts)), None)


def _of_the_wholes_whole(document, share, whole, tolerances) -> bool:
    """Whether ``share``, naming no whole, may be of the total ``whole``'s own share is of: the part and its
    percentage imply the total the whole and its percentage imply (a class's share, then its 款's shares of the
    same total)."""
    if share.whole_name is not None or share.percent.malformed or share.part.number.malformed:
        return False  # a share naming its whole is of it
    return any(other.part.number is whole.number and not other.percent.malformed and other.percent.value > 0
               and _implied_whole(share, tolerances).overlaps(_implied_whole(other, tolerances))
               for other in document.claims.shares)


def _implied_whole(share, tolerances) -> Interval:
    """The wholes ``share``'s part and percentage allow: part ÷ percentage."""
    percent = percent_interval(share.percent, tolerances)
    return amount(share.part.number, tolerances).ratio(Interval(max(percent.lo, 1e-9) / 100, percent.hi / 100))


def _common(intervals: list[Interval]) -> Interval | None:
    """The values every interval holds, or None when there is none."""
    low, high = max(i.lo for i in intervals), min(i.hi for i in intervals)
    return Interval(low, high) if low <= high else None


#: A share naming its part and its whole, no amount beside them ("社区工作者补贴占其他城乡社区管理事务支出的76.65%").
_NAMED_SHARE = compile_regex(r"(?m)(?:^|(?<=[。；;，,：:]))(?:其中[：:，,]?)?(?P<part>[\p{Han}“”]{2,24}?)占"
                             r"(?P<whole>[\p{Han}“”]{2,24}?)的?(?:比重|比例)?(?:为|是)?(?P<pct>\d{1,3}(?:\.\d{1,2})?)%")
#: How many paragraphs before its own a named share's amounts may stand.
_SHARE_REACH = 2


def _paragraphs_start(text: str, offset: int, before: int) -> int:
    """Where the paragraph ``before`` paragraphs above the one holding ``offset`` starts."""
    start = text.rfind("\n", 0, offset)
    for _paragraph in range(before):
        if start < 0:
            break
        start = text.rfind("\n", 0, start)
    return start + 1


def _wider_than(part: str, whole: str) -> bool:
    """Whether a share's whole, named without a scope, is the department's own: its part is the same quantity of a
    narrower scope ("财政拨款收入占收入预算的98.95%": of the department's 收入, not of another scope's)."""
    part_key, whole_key = quantity_key(part), quantity_key(whole)
    return part_key is not None and whole_key is not None and part_key[1] == whole_key[1] \
        and scope_of(part) is not None and scope_of(whole) is None


def _stated_named(document, index, name: str, start: int, end: int, own_scope: bool = False):
    """The amount stated between flow offsets ``start`` and ``end`` under ``name``: by its quantity's key (of any scope
    when the name states none, unless ``own_scope``), or by the name itself when it names no known quantity; None when the
    name has several amounts there (each community's "社区工作者补贴…")."""
    key = quantity_key(name)
    if key is not None:
        statements = [s for k, values in index.by_key.items()
                      if k[1] == key[1] and (k[0] == key[0] or (scope_of(name) is None and not own_scope)) for s in values]
    else:
        bare = bare_name(name)
        statements = [v for v in document.claims.values if v.key is None and bare_name(v.name) == bare]
    found = sorted((s for s in statements if start <= s.number.start < end), key=lambda s: s.number.start)
    return found[-1] if len({(s.number.value, s.number.unit) for s in found}) == 1 else None


def _ratio_range(part: float, whole, decimals: int) -> str:
    """``part`` as a share of a whole known to lie in ``whole``: "1683.6 / 1910.87–1945.56 = 86.5–88.1%", or one share
    where both ends round alike."""
    low, high = format_ratio(part, whole.hi, decimals), format_ratio(part, whole.lo, decimals)
    if low == high:
        return ratio_text(part, (whole.lo + whole.hi) / 2, decimals)
    return f"{format_amount(part)} / {format_amount(whole.lo)}–{format_amount(whole.hi)} = {low.removesuffix('%')}–{high}"

