"""ARI006 comparison-direction."""

from __future__ import annotations

from linter.check.arith import amount, related, unit_scale
from linter.check.finding import Severity
from linter.check.interval import format_amount, percent_interval
from linter.check.rule import Rule
from linter.extract.quantities import budget_kind, clean_name, quantity_key
from linter.i18n import _
from linter.patterns import compile_regex


class ComparisonDirection(Rule):
    """"支出决算数大于年初预算数" (or 小于, 等于) said of amounts that compare the other way.

    Also the sentence right after a completion, or after a sentence comparing with last year or
    saying what the money paid for ("主要用于…") there:
    "决算数小于全年预算数的主要原因", "公务接待费决算数大于预算数", "决算数与全年预算数持平",
    "决算数同预算数持平", "与年初预算持平" (持平 says the two are equal), "超出年初预算主要是…" (the amount spent
    unnamed: 超出, 超过 and 超支 say it is the larger, 未达到 and 少于 the smaller), and the next clause's of the other budget
    ("决算数大于年初预算数的主要原因是…；决算数大于全年预算数的主要原因是…"); and after a
    completion rate stated without its budget
    ("支出决算为6.00万元，完成预算的120%。决算数小于预算数的主要原因…": a rate above 100% says the
    actual is the larger).

    Also the reasons given right after a change, for a change the other way ("比2024年预算减少6.60万元，下降3.32%，…。公用经费
    增加的主要原因是…"), and the sentence after the completions of a whole's parts that names the whole
    ("…完成预算的77.61%，其中：…公务接待费…完成预算的68.73%。“三公”经费支出决算数大于预算数…"). Amounts printed alike say
    nothing of which is the larger: the decimals left off may make either so.

    **Anti-pattern**

        年初预算为1060.58万元，支出决算为760.05万元，支出决算数大于年初预算数的主要原因：…

    **Best practice**

        年初预算为1060.58万元，支出决算为760.05万元，支出决算数小于年初预算数的主要原因：…
    """

    code = "ARI006"
    name = "comparison-direction"
    severity = Severity.ERROR

    def check(self, document, context):
        tolerances = context.text_tolerances(document)
        text = document.flow.text
        completions = document.claims.completions
        for index, claim in enumerate(completions):
            if claim.direction is not None:
                phrases = [(claim.direction, [claim.budget], "年初", claim.end - len(claim.direction), claim.end)]
            else:
                phrases = [_following(text, claim.end, claim.budget, claim.budgets, claim.subject)]
                if phrases[0][0] is None:
                    # "“三公”经费…完成预算的77.61%。其中：公务接待费…完成预算的68.73%。“三公”经费支出决算数大于预算数…": the
                    # phrase after the parts' completions that names this one's quantity
                    phrases = [_named_after_parts(text, claim, completions[index + 1:index + 1 + _PARTS_BETWEEN])]
                if phrases[0][0] is not None and (after := _next_clause(text, phrases[0][4])) is not None:
                    # "决算数大于年初预算数的主要原因是…；决算数大于全年预算数的主要原因是…": each budget's phrase
                    phrases.append(_following(text, after, claim.budget, claim.budgets, claim.subject))
            for said, budgets, kind, start, end in phrases:
                yield from self._judged(document, tolerances, claim, said, budgets, kind, start, end)
        yield from self._against_rates(document, context)
        yield from self._against_budget_changes(document)
        yield from self._reasons_against_changes(document)

    def _judged(self, document, tolerances, claim, said, budgets, kind, start, end):
        """A phrase saying the actual is ``said`` (大于, 小于, 等于) the budget when none of ``budgets`` it may mean makes it so."""
        budgets = [b for b in budgets if b is not None and unit_scale(b, claim.actual) is not None]
        if said is None or not budgets:
            return
        said = next(word for word in ("大于", "小于", "等于") if word in said)
        truths = [_truth(claim.actual, b, tolerances) for b in budgets]
        if None in truths or said in truths:
            return  # a cent apart (rounding cannot tell), or true of one of the budgets it may mean
        yield self.finding(
            document,
            document.span(start, end),
            _("the text says “{quoted}”, but 支出决算 {actual}{actual_unit} {truth} {kind}预算 {budget}{budget_unit}",
              quoted=document.flow.text[start:end], truth=truths[0], kind=kind,
              actual=format_amount(claim.actual.value), actual_unit=claim.actual.unit,
              budget=format_amount(budgets[0].value), budget_unit=budgets[0].unit),
            expected=f"支出决算数{truths[0]}{kind}预算数",
            related=related(document, (_("budget"), budgets[0]), (_("actual"), claim.actual)),
        )

    def _against_budget_changes(self, document):
        """The phrase after a change against the budget ("2024年度决算数为15.47万元，比年初预算减少3.13万元，…。决算数大于年初
        预算的主要原因是…"): a rise says 大于, a fall 小于."""
        text = document.flow.text
        for change in document.claims.changes:
            if not change.against_budget or not change.delta.value or change.delta.malformed:
                continue
            said, _budgets, kind, start, end = _following(text, change.end)
            basis = budget_kind(change.basis or "")
            truth = "大于" if change.sign > 0 else "小于"
            if said is None or said in (truth, "等于") or (kind and basis and kind != basis):
                continue
            yield self.finding(
                document, document.span(start, end),
                _("the text says 支出决算数{said}{kind}预算数, but the change against the budget stated before it "
                  "({change}) says 支出决算 {truth} {kind}预算", said=said, kind=kind, truth=truth,
                  change=text[change.delta.start - 2:change.delta.end].lstrip("，, ")),
                expected=f"支出决算数{truth}{kind}预算数",
                related=related(document, (_("change"), change.delta)),
            )

    def _reasons_against_changes(self, document):
        """"比2024年预算减少6.60万元，下降3.32%，…。公用经费增加的主要原因是…": the reasons given for a change in the
        other direction than the one just stated, of the same quantity (named so, or unnamed), before any other change,
        unless, in a sentence of their own, they may explain an earlier change of the paragraph after the reasons given
        before."""
        text = document.flow.text
        changes = sorted((c for c in document.claims.changes if not c.against_budget and c.delta.value), key=lambda c: c.end)
        for change, following in zip(changes, [*changes[1:], None]):
            limit = min(following.start if following is not None else len(text), change.end + _REASON_REACH,
                        text.find("\n", change.end) if "\n" in text[change.end:change.end + _REASON_REACH] else len(text))
            reason = _REASON_DIRECTION.search(text, change.end, limit)
            if reason is None or _DIRECTIONS[reason["word"]] == change.sign:
                continue
            named = reason["name"] or ""
            if named and not _same_quantity(change.name, named):
                continue  # the reasons of another quantity
            since = max(text.rfind("\n", 0, change.start), text.rfind("原因", 0, change.start))
            if _SENTENCE_END.search(text, change.end, reason.start("word")) and any(since < other.start < change.start and other.sign == _DIRECTIONS[reason["word"]]
                   and (not named or _same_quantity(other.name, named)) for other in changes):
                continue  # "减少…。其中：…减少…；…增加…。支出减少的主要原因": in a sentence of their own, the reasons of an
                # earlier change of the paragraph, none given since
            quoted = text[reason.start("word"):reason.end()]
            yield self.finding(
                document, document.span(reason.start("word"), reason.end("word")),
                (_("the text says it rose by {delta}{unit}, but explains why it fell (“{quoted}”)", delta=change.delta.text,
                   unit=change.delta.unit, quoted=quoted) if change.sign > 0 else
                 _("the text says it fell by {delta}{unit}, but explains why it rose (“{quoted}”)", delta=change.delta.text,
                   unit=change.delta.unit, quoted=quoted)),
                related=related(document, (_("change"), change.delta)),
            )

    def _against_rates(self, document, context):
        """The phrase after a completion rate no completion claim reads (its budget unstated): a rate
        surely above 100% says 大于, surely below says 小于."""
        text, tolerances = document.flow.text, context.text_tolerances(document)
        read = {claim.rate.start for claim in document.claims.completions if claim.rate is not None}
        for rate in document.numbers:
            before = _COMPLETION_RATE.search(text, max(0, rate.start - 12), rate.start) \
                if rate.unit == "%" and not rate.malformed and rate.start not in read else None
            if before is None:
                continue
            said, _budgets, kind, start, end = _following(text, rate.end)
            if kind and before.group("basis") and kind[:2] != before.group("basis")[:2]:
                continue  # "完成调整预算的97.3%。决算数大于年初预算数": a rate of another budget
            if rate.value == 0:
                continue  # "支出决算为0万元，完成预算的0%，决算数与预算数持平": a template's 0 ÷ 0, both may be 0
            if _of_another_quantity(text, rate.start, text[start:end]):
                continue  # "…公务接待费…，完成预算的120.00%。“三公”经费支出决算数小于预算数…": of the total, not of this part
            interval = percent_interval(rate, tolerances)
            truth = "大于" if interval.lo > 100 else "小于" if interval.hi < 100 else None
            if said is None or truth is None or said == truth:  # _following names 大于, 小于 or 等于
                continue
            yield self.finding(
                document,
                document.span(start, end),
                _("the text says 支出决算数{said}{kind}预算数, but the completion rate {rate}% says 支出决算 {truth} {kind}预算",
                  said=said, kind=kind, rate=rate.text, truth=truth),
                expected=f"支出决算数{truth}{kind}预算数",
                related=related(document, (_("completion rate"), rate)),
            )


def _of_another_quantity(text: str, rate_start: int, phrase: str) -> bool:
    """Whether ``phrase`` names a known quantity other than the one whose completion rate starts at ``rate_start`` (the
    subject opening the rate's sentence or clause)."""
    named = _PHRASE_NAMED.match(phrase)
    clause = text[max(text.rfind(mark, 0, rate_start) for mark in "。；;\n") + 1:rate_start]
    subject = _CLAUSE_SUBJECT.match(clause)
    if named is None or subject is None:
        return False
    phrase_key, own_key = quantity_key(named.group("named")), quantity_key(subject.group("subject"))
    return phrase_key is not None and own_key is not None and phrase_key[1] != own_key[1]


#: The quantity a direction phrase names before its 决算 ("2024年度“三公”经费支出决算数小于…"), and the subject opening a clause.
_PHRASE_NAMED = compile_regex(r"[。；，,]?\s*(?:20\d{2}年度?)?(?P<named>[\p{Han}“”\"]{2,16}?)(?:财政拨款)?(?:支出)?决算数?")
_CLAUSE_SUBJECT = compile_regex(r"\s*(?:其中[：:])?(?P<subject>[\p{Han}“”\"（）()]{2,24}?)(?:支出)?(?:决算|预算)")
#: The reasons given for a change in one direction ("公用经费增加的主要原因是", "减少原因："), the quantity named before.
_REASON_DIRECTION = compile_regex(r"[。；，,]\s*(?P<name>\p{Han}{0,16}?)(?P<word>增加|减少|增长|下降|上升|降低)的?(?:主要)?原因")
_SENTENCE_END = compile_regex("[。；;]")
_DIRECTIONS = {"增加": 1, "增长": 1, "上升": 1, "减少": -1, "下降": -1, "降低": -1}
#: How far after a change its reasons are looked for.
_REASON_REACH = 120


def _truth(actual_number, budget_number, tolerances) -> str | None:
    """How the actual compares with the budget (大于 or 小于); None when rounding cannot tell (amounts printed alike
    may differ in the decimals left off: "年初预算为21.40万元，支出决算为21.40万元，完成年初预算的100.02%。决算数大于…")."""
    scale = unit_scale(budget_number, actual_number)  # ("年初预算为7.50万元，支出决算为56,856.80元")
    actual, budget = amount(actual_number, tolerances), amount(budget_number, tolerances).scaled(scale)
    if actual.lo > budget.hi:
        return "大于"
    if actual.hi < budget.lo:
        return "小于"
    return None


#: The actual amount a comparison names ("支出决算数", "公务接待费决算数", "2023年度决算数", "2024年度“三公”经费支出
#: 决算数"); 持平 may leave it
#: unsaid ("年初预算为6.00万元，支出决算为6.00万元，与年初预算持平").
_ACTUAL = r"(?:20\d{2}年度?)?(?P<named>[\p{Han}“”\"]{2,16}?)?(?:支出)?决算数?"
#: The sentence after a completion that compares its amounts: "决算数小于全年预算数", "决算数与预算数持平".
_FOLLOWING = compile_regex(
    rf"[。；，,]?(?P<phrase>{_ACTUAL}(?P<word>大于|小于|等于|高于|低于)(?P<kind>年初|全年|调整)?预算数?"
    # "…，完成87.81%，超出年初预算主要是年中追加资金": the actual, unnamed, exceeding the budget
    rf"|(?P<word2>超出|超过|超支|未达到|少于)(?P<kind3>年初|全年|调整)?预算数?"
    rf"|(?:{_ACTUAL})?(?:与|同|和)(?P<kind2>年初|全年|调整)?预算数?(?P<equal>持平|相等|一致))"
)
_WORDS = {"高于": "大于", "低于": "小于", "超出": "大于", "超过": "大于", "超支": "大于", "未达到": "小于", "少于": "小于"}
#: A sentence comparing with last year, or saying what the money paid for, or breaking it down ("。其中：基本支出…") (or a clause
#: saying so: "，主要用于…",
#: "，比上年减少25.63万元", "；上年决算512.38万元", the gap to the budget: "，较预算减少17.76万元", the year-end balance:
#: "，年末结转和结余89.54万元"; or why the budget was adjusted: "全年预算数大于年初预算数的主要原因是…；"), between the completion and
#: that phrase.
_SENTENCE_BETWEEN = compile_regex(r"(?:[^。；\n]{0,6}[。；]\s*(?:与[^。；\n]{0,60}?相比|主要用于|其中[：:，,]|(?:比|较)(?:上年|上一年|20\d{2}年)"
                                  r"|(?:全年|调整后?的?)预算数?[大小高低]于年初预算)|[，,]\s*主要用于"
                                  r"|[，,；;]\s*(?:(?:比|较)(?:上年|上一年|20\d{2}年|(?:年初|全年|调整后?)?预算)|上年|年末结转和?结余))"
                                  r"[^。；\n]{0,80}(?=[。；])")


#: How many such clauses or sentences may stand between ("…，年末结转和结余89.54万元。主要用于…。决算数大于…").
_MOST_BETWEEN = 3
#: The completion rate of another budget right after the first ("，完成调整预算的100.0%", Hunan's "、全年预算的97.82%").
_OTHER_RATE = compile_regex(r"(?:[，,]完成|、)(?:年初|全年|调整后?)预算数?的?\d+(?:\.\d+)?%")
#: The rest of a clause up to its semicolon, inside its sentence.
_REST_OF_CLAUSE = compile_regex(r"[^。；;\n]{0,80}[；;]")


def _next_clause(text: str, end: int) -> int | None:
    """Where the clause after the one ending past ``end`` begins, when a semicolon ends it inside the sentence."""
    rest = _REST_OF_CLAUSE.match(text, end)
    return rest.end() if rest else None
#: What comes before a completion rate ("完成预算的", "完成年初预算").
_COMPLETION_RATE = compile_regex(r"完成(?P<basis>年初|全年|调整后?)?预算数?的?$")


def _following(text: str, after: int, budget=None, budgets=None, subject: str | None = None):
    """``(direction, budgets it may be of, budget kind, flow start, flow end)`` of the phrase right
    after flow offset ``after`` (the end of a completion, or of a completion rate; line breaks
    allowed inside), or after a clause giving the gap to the budget ("，较预算减少17.76万元。决算数…"), a sentence comparing
    with last year or saying what the money paid for
    there (or a clause saying so: "…支出决算为1190.00万元，主要用于补助。决算数大于…"); direction None when there is none. A plain 预算数 may mean any budget the
    sentence states (``budget``, the other ``budgets`` by kind). A phrase naming another quantity than
    ``subject`` is of that one ("…公务接待费预算为0万元，支出决算为0万元。“三公”经费财政拨款支出决算数小于…")."""
    budgets = budgets or {}
    if (rate := _OTHER_RATE.match(text, after)) is not None:
        after = rate.end()  # "…完成年初预算的101.4%，完成调整预算的100.0%。决算数小于年初预算数…"
    for _hop in range(_MOST_BETWEEN):
        if (between := _SENTENCE_BETWEEN.match(text, after)) is None:
            break
        after = between.end()  # "…完成预算的82.5%。与2016年度相比，…下降17.2%。决算数大于预算数…"
    window = text[after:after + 40]
    kept = [i for i, c in enumerate(window) if not c.isspace()]
    match = _FOLLOWING.match("".join(window[i] for i in kept))
    if match is None or (subject and match.group("named") and _other_quantity(match.group("named"), subject)):
        return None, [], "", 0, 0
    kind = match.group("kind") or match.group("kind2") or match.group("kind3") or ""
    # (a budget of another kind than the sentence states is none of its: "全年预算为700,000.00元…。决算数大于年初预算数")
    meant = [budgets[kind]] if kind in budgets else [] if kind and any(budgets) else [budget, *budgets.values()]
    said = match.group("word") or match.group("word2")
    word = "等于" if match.group("equal") else _WORDS.get(said, said)
    return word, meant, kind, after + kept[match.start("phrase")], after + kept[match.end() - 1] + 1


def _named_after_parts(text: str, claim, parts: list):
    """The phrase after the completions of ``claim``'s parts that follow it (``parts``: the next completions) that names
    ``claim``'s own quantity, as :func:`_following` gives it; no phrase when none does."""
    for part in parts:
        if part.start - claim.end > _PARTS_REACH:
            break
        said, meant, kind, start, end = _following(text, part.end, claim.budget, claim.budgets, claim.subject)
        if said is not None:
            named = _FOLLOWING.match("".join(text[start:end].split()))
            if named is not None and named.group("named") and _same_key(named.group("named"), claim.subject):
                return said, meant, kind, start, end
    return None, [], "", 0, 0


#: How many completions of parts, and how many characters of them, may stand between a completion and the phrase naming it.
_PARTS_BETWEEN = 3
_PARTS_REACH = 300


def _same_key(named: str, subject: str) -> bool:
    """Whether ``named`` and ``subject`` name the same known quantity."""
    named_key, subject_key = quantity_key(named), quantity_key(subject)
    return named_key is not None and subject_key is not None and named_key[1] == subject_key[1]


def _same_quantity(name: str | None, named: str) -> bool:
    """Whether a change's ``name`` and the quantity ``named`` before its reasons may be one: one ends with the other."""
    return bool(name) and (clean_name(name).endswith(clean_name(named)) or clean_name(named).endswith(clean_name(name)))


def _other_quantity(named: str, subject: str) -> bool:
    """Whether ``named`` and ``subject`` name known quantities, and different ones."""
    if named == "支出":
        return False  # "支出决算数大于预算数": the completion's own 支出, whatever it names
    named_key, subject_key = quantity_key(named), quantity_key(subject)
    return named_key is not None and subject_key is not None and named_key[1] != subject_key[1]
