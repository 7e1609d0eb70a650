"""ARI011 average-mismatch."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import regex

from linter.check.arith import amount, related, unit_scale
from linter.check.finding import Severity
from linter.check.interval import Interval, format_like
from linter.check.rule import Rule
from linter.extract.numbers import WELL_FORMED, number_of
from linter.extract.quantities import NAME_JOINERS
from linter.i18n import _
from linter.patterns import compile_regex


class AverageMismatch(Rule):
    """An average per vehicle, per person, per student or per household ("平均每辆车运行维护费3.40万元", "人均公用经费3.52万元",
    "生均公用经费1,046.73元", "户均25,400元" of households or firms counted in 户 or 家, "次均接待费用983.72元" of receptions
    counted in 批次, "平均每项13.38万元" of events counted in 项 or 场, each one's after the count: "奖励学生412人，每人6,000元",
    "发放180户，每户28,000元")
    that is not the amount it averages divided by the count the
    paragraph states; or an average score ("平均得分93.60分") that is not the mean of the scores listed.

    Read where the average names what it averages ("运行维护费", "公用经费"), the paragraph states that amount
    before it ("公务用车运行维护费218.88万元"; or the paragraph before, when the average's own states no amount before it:
    "公用经费165.97万元。" then "按实有在职人员55人计算，人均公用经费3.02万元", also when it states only a change); an average naming nothing it averages, of its sentence's one amount, or
    the sentence before's: "演出项目支出156.80万元。全年完成演出186场，平均每场0.84万元") and one count of vehicles or of people between them or in the
    average's own sentence ("主要用于本单位72辆执法执勤用车…", "按年末在职人员45人计算", which wins over another count before it; for a 生均 one, of
    students: "在校学生52,318人"; a fleet stated in the sentence after an average per vehicle: "…平均每辆车运行维护费2.19万元。
    公务用车保有量为3辆。"): the average must be amount ÷ count within the rounding of the printed amounts. An average per
    vehicle that holds with the 公务用车保有量 the document states most, not with the count beside it, is left to CON005,
    which reports that count ("主要用于6辆公务用车…，平均每辆车2.95万元" of 14.73万元 where the 三公 table says 5); so is an
    average per reception that holds with the 公务接待批次 stated most.
    Where the amount's 预算 is followed by its 决算 ("支出预算为14.00万元，支出决算为12.36万元"), the average may be
    of either. A monthly average ("月人均补差500元") is not read, and another average is no amount it divides. An average with another count in its
    sentence, or none, is not read (but the cars bought beside the fleet: "购置数1辆，…保有量47辆", and the classes "其中" lists
    adding up to the count before them: "17辆公务用车…，其中执法执勤用车14辆、特种专业技术用车3辆", or after a count, to its
    clause's end: "保有量为268辆，其中执法执勤用车259辆；"); an average of 运行费 under a
    compound 购置及运行费 is of the 运行费 its brackets state. An average score ("平均得分93.60分") must be the mean of the
    scores its paragraph lists before it ("自评得分分别为：甲项目95.5分、…", "…自评得分94.5分；…自评得分92.0分"), or one a line
    (or all on one line) after it ("5个项目平均得分96.04分，具体如下：") or just above the line it opens ("4个项目平均得分93.25分"),
    as many as a count of projects in its sentence says; a whole score beside
    scores with decimals is exact to them ("94.5分、96分": 96.0). Where the total is printed coarser than the average
    ("1.86万元 / 12" for "次均接待费用1515.67元"), the message gives the averages its rounding allows and offers no fix. A
    standard per student or person stated before the count and the amount it comes to ("按每生每年950元标准安排，在校学生
    9,620人，安排913.90万元"), after the amount ("移民补助3,187,200.00元，按每人每年600元的标准，向5,312名移民发放…"), or after the
    count and before the amount ("资助学生2,450人，每人每年1,000元，安排245.00万元") must give that amount.

    **Anti-pattern**

        公务用车运行维护费218.88万元，主要用于本单位72辆执法执勤用车的燃料费、维修费等支出，平均每辆车运行维护费3.40万元。

    **Best practice**

        公务用车运行维护费218.88万元，主要用于本单位72辆执法执勤用车的燃料费、维修费等支出，平均每辆车运行维护费3.04万元。
    """

    code = "ARI011"
    name = "average-mismatch"
    severity = Severity.ERROR

    def check(self, document, context):
        from linter.rules.consistency.con005_sangong_count import stated_count  # (CON005's reading, only when this runs)

        text, tolerances = document.flow.text, context.text_tolerances(document)
        for average in _AVERAGE.finditer(text):
            if text[max(0, average.start() - 1):average.start()] == "月":
                continue  # a monthly average ("月人均补差500元", "每月人均…"): over months the text does not count
            paragraph = text.rfind("\n", 0, average.start()) + 1
            sentence = max(text.rfind(mark, 0, average.start()) for mark in "。；") + 1
            what, whole = average.group("what"), _BRACKETED_AFTER.search(text, max(0, average.start() - 30), average.start())
            if average.group().startswith(("每人", "每生", "每户")) and (
                    average.group().startswith("每户") or _ANY_AMOUNT.search(text, average.end(), _sentence_end(text, average.end()))):
                # "扶持自主创业45人，每人10,000.00元，计450,000.00元": of the total said after it, not the line's amount before
                # (each household's only so: "完成320户，每户补助3000元" averages an amount its sentence does not state)
                whole = _TOTAL_AFTER.match(text, average.end())
                if whole is None:
                    continue
            if whole is None and (what is None or what in _BARE_VERBS):  # "…发放残疾抚恤金1,856.74万元，人均4.15万元": of its sentence's one amount
                whole = _sole_amount(text, max(sentence, paragraph), average.start())
                if whole is None and sentence > paragraph and not _totals_in(text, sentence, average.start()):
                    # "演出项目支出156.80万元。全年完成文化惠民演出186场，平均每场0.94万元": of the sentence before's
                    whole = _sole_amount(text, max(paragraph, max(text.rfind(mark, 0, sentence - 1) for mark in "。；") + 1), sentence)
            if whole is None and what is not None:  # (a verb naming its amount too: "社区工作者补贴…元，…人均补贴…元")
                whole = _last(_amount_named(what), text, paragraph, average.start())
                if whole is None and paragraph and not _states_amount(text, paragraph, average.start()):
                    # "公用经费5,407.75万元。" then "按全日制在校学生31,486人计算，生均公用经费…": the paragraph before's
                    whole = _last(_amount_named(what), text, text.rfind("\n", 0, paragraph - 1) + 1, paragraph)
            if whole is None:
                continue
            per = "车" if average.group("car") else "户" if average.group("household") else \
                "次" if average.group("visit") else "项" if average.group("event") else "村" if average.group("village") else \
                "生" if average.group().startswith("生均") else "人"
            counts = _counts(text, min(whole.end(), max(sentence, paragraph)), average.start(), per)
            if not counts:  # "…，平均每辆车运行维护费2.28万元，公务用车保有量3辆。": the count after it, in its sentence
                sentence_end = _sentence_end(text, average.end())
                counts = _counts(text, average.end(), sentence_end, per)
                if not counts and per == "车" and text[sentence_end:sentence_end + 1] == "。":
                    # "…平均每辆车运行维护费2.19万元。使用财政拨款开支的公务用车保有量为3辆。": the fleet in the next sentence
                    fleet = _FLEET.match(text, sentence_end + 1)
                    counts = _counts(text, fleet.start("count"), fleet.end(), per) if fleet else []
            if len({c.group() for c in counts}) > 1 and whole.end() < max(sentence, paragraph):
                # "…1辆一般公务用车报废后不再更新。按保有一般公务用车2辆计算，平均每辆车…": the count its own sentence states
                counts = _counts(text, max(sentence, paragraph), average.start(), per) or counts
            if len(counts) > 1 and _BROKEN_DOWN.match(text, counts[0].end()):
                counts = counts[:1]  # "共有公务用车25辆，其中：执法执勤用车20辆，…": the total, then its parts
            counts = _without_parts(text, counts)
            if len(counts) > 2 and any(word in text[counts[0].end():counts[1].start()] for word in ("其中", "（", "(")) \
                    and _count_of(counts[0])[0] == sum(_count_of(c)[0] for c in counts[1:]):
                # "主要用于17辆公务用车的燃料费…，其中执法执勤用车14辆、特种专业技术用车3辆", "3辆公务用车（一般公务用车1辆、执法执勤用车
                # 2辆）": the fleet, then its parts adding up
                counts = counts[:1]
            if len(counts) > 1 and per == "车":
                fleet = [c for c in counts if _FLEET_BEFORE.search(text, max(0, c.start() - 16), c.start())]
                if len(fleet) == 1 and all(_BOUGHT_BEFORE.search(text, max(0, c.start() - 8), c.start()) for c in counts if c not in fleet):
                    counts = fleet  # "公务用车购置数1辆，…公务用车保有量47辆，平均每辆车…": the fleet, not the cars bought
            if len(counts) > 1 and (some := [c for c in counts if c.group("n").strip("0,.")]):
                counts = some  # "国内公务接待41批次，外事接待0批次": none divides by a count of nothing
            # (counts that agree are one: "保有量2辆，2025年预算安排运行维护费的公务用车2辆")
            if len({c.group() for c in counts}) != 1 or not (bounds := _count_of(counts[0]))[0]:
                continue
            totals = [number_of(match, "amount", match["unit"]) for match in _with_next_stage(whole, text)]
            total, each = totals[-1], number_of(average, "amount", average["unit"])
            scale = unit_scale(total, each)
            if scale is None or each.value is None or any(number.value is None for number in totals):
                continue
            printed, fewest, most = bounds
            if _gives(totals, scale, fewest, most, each, tolerances):
                continue
            if (stated := stated_count(document, per)) and not fewest <= stated <= most \
                    and _gives(totals, scale, stated, stated, each, tolerances):
                # "主要用于6辆公务用车…，平均每辆车2.95万元" where the table and the text elsewhere say 5 (or receptions: "接待
                # 16批次…次均接待费用1,102.02元" where they say 18): the count is the slip, not the average (CON005 reports it
                # against the count the document states most)
                continue
            computed = format_like(total.value * scale / printed, each)
            # (a total coarser than the average it gives, "1.86万元 / 12" for an average in 元: the averages its rounding allows)
            reach = amount(total, tolerances)
            low, high = format_like(reach.lo * scale / printed, each), format_like(reach.hi * scale / printed, each)
            count = counts[0].group("n").replace(",", "") + counts[0].group("wan")
            names = dict(total=total.text, total_unit=total.unit, count=count, computed=computed, unit=each.unit,
                         stated=each.text)
            yield self.finding(
                document, document.span(average.start("amount"), average.end("unit")),
                _("{total}{total_unit} / {count} = {computed}{unit}, but the text says {stated}{unit}", **names)
                if low == high else
                _("{total}{total_unit} / {count} = {computed}{unit} ({low}–{high}{unit} within the rounding of "
                  "{total}{total_unit}), but the text says {stated}{unit}", low=low, high=high, **names),
                expected=computed if low == high else None,
                related=related(document, (_("amount"), total)),
            )
        yield from self._standards(document, tolerances)
        yield from self._average_scores(document)

    def _standards(self, document, tolerances):
        """A standard per student or person, then how many, then the amount it comes to ("初中按每生每年950元标准安排，在校学生
        9,620人，安排913.90万元"): the amount must be the standard times the count, within its own rounding."""
        text = document.flow.text
        for match in _STANDARD.finditer(text):
            each, total = number_of(match, "amount", match["unit"]), number_of(match, "total", match["total_unit"])
            scale = unit_scale(total, each)  # (the standard in 元, the amount in 万元)
            count = int(match["n"].replace(",", ""))
            if scale is None or each.value is None or total.value is None or not count:
                continue
            product = each.value * count / scale
            if amount(total, tolerances).contains(product):
                continue
            yield self.finding(
                document, document.span(match.start("total"), match.end("total_unit")),
                _("{each}{unit} × {count} = {product}{total_unit}, but the text says {total}{total_unit}",
                  each=each.text, unit=each.unit, count=match["n"], product=format_like(product, total),
                  total_unit=total.unit, total=total.text),
                expected=f"{format_like(product, total)}{total.unit}",
                related=related(document, (_("standard"), each)),
            )

    def _average_scores(self, document):
        """An average score ("平均得分93.60分") that is not the mean of the scores its paragraph lists before it ("自评得分分别为：
        甲项目95.5分、乙项目92.0分…", "…自评得分94.5分；…自评得分92.0分"), or on the lines after it, one a line ("5个项目平均得分
        96.04分，具体如下：" then "1．甲项目自评得分98.85分。"), as many as a count of projects in its sentence says, or on the lines
        just before a paragraph it opens that counts them ("4个项目平均得分93.25分")."""
        text = document.flow.text
        for average in _AVERAGE_SCORE.finditer(text):
            paragraph = text.rfind("\n", 0, average.start()) + 1
            scores = _scores(text, paragraph, average.start())
            if not scores and _FOLLOWS.match(text, average.end()):
                below = text.find("\n", average.end())
                # one a line, or all on the line after ("具体如下：" then "甲项目自评得分95.5分；乙项目…")
                scores = _scores_a_line(text, below) or (_scores(text, below + 1, _line_end(text, below + 1)) if below != -1 else [])
            sentence = max(text.rfind(mark, 0, average.start()) for mark in "。；") + 1
            counted = _PROJECTS.search(text, max(sentence, paragraph), average.start())
            if not scores and counted is not None and sentence <= paragraph:
                # "1.森林资源培育项目。…自评得分95.00分。" … then "4个项目平均得分93.25分": the lines just above, as many as it counts
                scores = _scores_a_line_before(text, paragraph - 1)[-int(counted.group("n")):]
                if len(scores) < 2:  # all on the line above ("…自评得分88.6分；…自评得分94.5分；…" then "5个项目平均得分…")
                    scores = _scores(text, text.rfind("\n", 0, paragraph - 1) + 1, paragraph - 1)
            if len(scores) < 2 or (counted is not None and int(counted.group("n")) != len(scores)):
                continue  # (the scores of some projects only, or of none: not an average of them)
            stated = number_of(average, "score", "")
            half = 0.5 * 10.0 ** -stated.decimals
            # A whole score beside scores with decimals is exact to them ("94.5分、96分、95分、91.5分": 96 is 96.0).
            spread = 0.5 * 10.0 ** -max(s.decimals for s in scores)
            lo = sum(s.value - spread for s in scores) / len(scores)
            hi = sum(s.value + spread for s in scores) / len(scores)
            if lo - 1e-9 <= stated.value + half and stated.value - half <= hi + 1e-9:
                continue
            computed = sum(Decimal(s.text) for s in scores) / len(scores)  # (exact: 374.5 / 4 is 93.625, printed 93.63)
            yield self.finding(
                document, document.span(average.start("score"), average.end()),
                _("the average of the scores listed: ({scores}) / {count} = {computed}分, but the text says {stated}分",
                  scores=" + ".join(s.text for s in scores), count=len(scores),
                  computed=_half_up(computed, max(stated.decimals, 2)), stated=stated.text),
                expected=f"{_half_up(computed, stated.decimals)}分",
            )


def _half_up(value: Decimal, decimals: int) -> str:
    """``value`` rounded half up to ``decimals`` decimals, as scores are printed."""
    return str(value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


#: An average score ("平均得分93.60分", "平均分为92.5分").
_AVERAGE_SCORE = compile_regex(r"平均(?:得分|分|自评得分)(?:为|是)?(?P<score>\d{1,3}(?:\.\d{1,2})?)分")
#: What follows a score band's bound, no score ("90分以上", "90分（含）以上", "80分至90分").
_BAND = r"[以（(至\-~－—]"
#: A score a project got ("自评得分94.5分", "得分为92.0分", "甲项目自评93.5分", "乙项目95.0分"; no band: "90分以上"), or one item
#: of a list of scores after "分别为".
_SCORE = compile_regex(rf"(?:得分|评分|自评|项目)(?:为|是)?(?P<score>\d{{1,3}}(?:\.\d{{1,2}})?)分(?!{_BAND})")
_LISTED_SCORES = compile_regex(  # (or "得分为：A95.50分、…", "得分如下：甲项目95.2分；…")
    r"(?:得分|评分)(?:分别(?:为|是)[：:]?|(?:为|是)[：:]|如下[：:])(?P<list>[^。\n]*)")
_LISTED_SCORE = compile_regex(r"(?<![\d.])(?P<score>\d{1,3}(?:\.\d{1,2})?)分")
#: The words after an average that announce its scores on the lines below ("，具体如下：", maybe after a clause of no number:
#: "，评价等级均为“优”。具体情况如下：", or after its grades' breakdown: "，其中评价等级为“优”的项目4个、“良”的项目2个，具体如下：").
_FOLLOWS = compile_regex(r"[，,]?(?:[^，,。；;\d\n]{1,20}[，,。]|其中[^。；;\n]{1,60}?[，,])?(?:具体)?(?:如下|情况如下|分别为)[：:]")
#: The projects an average is of, counted in its sentence ("5个项目平均得分…").
_PROJECTS = compile_regex(r"(?P<n>\d{1,3})个\p{Han}{0,4}?项目|项目(?P<n>\d{1,3})个")  # ("3个重点项目", "抽评项目3个")
_BAND_AFTER = compile_regex(_BAND)


def _scores(text: str, start: int, end: int) -> list:
    """The scores listed in ``text[start:end]``: a list after "得分分别为", else each "得分X分"; none when a score of the span
    is not read so ("营养改善计划96.1分" beside "保教项目94.5分": the list's scores are not all known)."""
    listed = _LISTED_SCORES.search(text, start, end)
    if listed is not None:
        return [number_of(m, "score", "") for m in _LISTED_SCORE.finditer(text, listed.start("list"), listed.end("list"))]
    scores = [number_of(m, "score", "") for m in _SCORE.finditer(text, start, end)]
    every = [m for m in _LISTED_SCORE.finditer(text, start, end) if not _BAND_AFTER.match(text, m.end())]
    return scores if len(scores) == len(every) else []


def _scores_a_line(text: str, line_end: int) -> list:
    """The scores of the lines after ``line_end``, one "得分X分" a line, up to the first line without one."""
    scores = []
    while line_end != -1:
        next_end = text.find("\n", line_end + 1)
        found = list(_SCORE.finditer(text, line_end + 1, next_end if next_end != -1 else len(text)))
        if len(found) != 1:
            break
        scores.append(number_of(found[0], "score", ""))
        line_end = next_end
    return scores


def _line_end(text: str, start: int) -> int:
    """Where the line holding offset ``start`` ends."""
    end = text.find("\n", start)
    return end if end != -1 else len(text)


def _scores_a_line_before(text: str, line_end: int) -> list:
    """The scores of the lines ending at ``line_end`` and above it, one "得分X分" a line, up to the first line without one
    (in the order printed)."""
    scores = []
    while line_end > 0:
        line_start = text.rfind("\n", 0, line_end) + 1
        found = list(_SCORE.finditer(text, line_start, line_end))
        if len(found) != 1:
            break
        scores.append(number_of(found[0], "score", ""))
        line_end = line_start - 1
    return scores[::-1]


#: The kinds of average and the classifiers of the counts they divide by.
_CLASSIFIERS = {"车": ("辆",), "人": ("人", "名", "人次"), "生": ("人", "名"), "户": ("户", "家"), "次": ("批次", "批", "次"),
                "项": ("项", "场", "场次"), "村": ("个",)}
#: A count's breakdown right after it ("25辆，其中：…", "56辆（其中执法执勤用车51辆）"), or after what it counts ("48辆公务用车
#: （其中执法执勤用车45辆、特种专业技术用车3辆）").
_BROKEN_DOWN = compile_regex(r"[^，,。；;（(\d]{0,8}[，,（(]?\s*其中")
#: The words right before a fleet's count ("保有量47辆", "保有量为3辆", the level it reached: "保有量由7辆减少至6辆").
_FLEET_BEFORE = compile_regex(r"保有量(?:为|共|共计)?\s*$|保有量[由从]\d{1,4}辆(?:减少|增加|下降|增长|上升|降低)?[至到为]\s*$")
#: The words right before a count of cars bought or disposed of ("购置数1辆", "公务用车购置8辆", "更新车辆2辆", "报废1辆").
_BOUGHT_BEFORE = compile_regex(r"(?:购置|购买|更新|新增|报废|处置|淘汰)(?:车辆|公务用车)?(?:数量?)?(?:为|共)?\s*$")
#: A sentence stating the fleet ("使用财政拨款开支的公务用车保有量为3辆").
_FLEET = compile_regex(r"[^。；;\n]{0,30}?保有量(?:为|共)?(?P<count>\d{1,4}辆)")
#: The students a 生均 average divides by ("在校学生52,318人"), not the staff.
_STUDENTS = compile_regex(r"学生|在校生|学员|幼儿|生源")
#: An average: per vehicle or per person, what it averages, its amount (each one's, opening a clause after the count:
#: "奖励学生412人，每人6,000元", "每人每年960元", "每生每年2,500元"; not a monthly one: "每人每月300元").
_AVERAGE = compile_regex(
    r"(?:(?P<car>平均每辆车?|车均)|(?P<household>户均|平均每户|(?<=[，,、])每户(?:每年)?(?!每))|(?P<visit>次均|批均|平均每批次?|平均每次)"
    r"|(?P<event>平均每项|平均每场次?|场均)|(?P<village>(?:平均)?每个?村(?:每年)?|村均)|人均|生均|平均每(?:人次?|生)|(?<=[，,、])每[人生](?:每年)?(?!每))(?:公务用车|车辆)?(?P<what>[\p{Han}]{2,8}?)?(?:支出)?(?:为|约为)?"
    rf"(?P<amount>{WELL_FORMED})(?P<unit>万元|元)"
)
#: A standard per student or person, the count it applies to and the amount allocated ("按每生每年950元标准安排，在校学生9,620人，
#: 安排913.90万元"), in one sentence; or the amount first, its share maybe between ("移民补助（项）3,187,200.00元，占…的59.55%，
#: 按每人每年600元的标准，向5,312名大中型水库移民发放…").
_COUNTED = r"(?P<n>\d{1,3}(?:,\d{3})+|\d{1,7})\s*(?:人|名)"
_STANDARD = compile_regex(
    rf"按每[生人](?:每年)?(?P<amount>{WELL_FORMED})(?P<unit>元)的?标准(?:安排|补助|发放|补贴)?[，,]\s*[^，,。；;\d]{{0,12}}?"
    rf"{_COUNTED}[，,]\s*(?:共|合计|共计)?(?:安排|发放|补助|补贴|资助)(?:资金|经费)?(?:为)?\s*"
    rf"(?P<total>{WELL_FORMED})(?P<total_unit>万元|元)"
    rf"|(?<![\d.,])(?P<total>{WELL_FORMED})(?P<total_unit>万元|元)[，,]\s*(?:占[^，,。；;%]{{0,30}}?\d+(?:\.\d+)?%[，,]\s*)?"
    rf"按每[生人](?:每年)?(?P<amount>{WELL_FORMED})(?P<unit>元)的?标准[，,]?\s*(?:向|为|对|给)?[^，,。；;\d]{{0,12}}?{_COUNTED}"
    # the count, then the standard and the amount ("资助学生2,450人，每人每年1,000元，安排245.00万元", "按小学在校生41,250人、
    # 每生每年720元的标准安排2,907.00万元")
    rf"|(?<![\d.,]){_COUNTED}[、，,]\s*每[生人](?:每年)?(?P<amount>{WELL_FORMED})(?P<unit>元)(?:的?标准)?[，,]?\s*(?:共|合计|共计)?"
    rf"(?:安排|发放|补助|补贴|资助)(?:资金|经费)?(?:为)?\s*(?P<total>{WELL_FORMED})(?P<total_unit>万元|元)")
#: The total right after each one's amount ("每人10,000.00元，计450,000.00元", "每生每年1,250元，资助金额171.50万元").
_TOTAL_AFTER = compile_regex(rf"[，,]\s*(?:共计|合计|总计|计|共|(?:资助|补助|补贴|发放)?金额|资金)(?:为)?\s*(?P<amount>{WELL_FORMED})(?P<unit>万元|元)")
#: An amount right before a bracket that opens on its average ("村级组织办公经费210000元（每村每年30000元）").
_BRACKETED_AFTER = compile_regex(rf"(?<![\d.,])(?P<amount>{WELL_FORMED})(?P<unit>万元|元)[（(]$")
#: Verbs an average may say instead of naming what it averages ("人均发放4.15万元", "户均投入1.17万元").
_BARE_VERBS = ("发放", "领取", "补助", "资助", "享受", "获得", "投入", "补偿", "补贴", "奖补", "减免")
#: An amount, of whatever.
_ANY_AMOUNT = compile_regex(rf"(?<![\d.,])(?P<amount>{WELL_FORMED})(?P<unit>万元|元)")
#: A count of vehicles, of people (or of their attendances: 人次, which a 人均 of training divides), of households or firms,
#: or of receptions (批次, which a 次均 of 接待费 divides).
#: (a count of people may be printed in 万, "17.94万人"; villages are counted in 个: "18个行政村")
_COUNT = compile_regex(r"(?<![\d.])(?:(?P<n>\d{1,3}(?:,\d{3})+|\d{1,6})(?P<wan>)|(?P<n>\d{1,4}(?:\.\d{1,2})?)(?P<wan>万))\s*"
                       r"(?P<unit>辆|人次|人|名|户|家|批次|批|场次|场|项|次|个(?=(?:行政)?村))(?!次)")


def _count_of(count) -> tuple[float, float, float]:
    """The count as printed, and the fewest and most it may be: itself, or what a count printed in 万 may round from
    ("17.94万人": 179,400, and 179,350 to 179,450)."""
    digits = count.group("n").replace(",", "")
    if not count.group("wan"):
        return float(digits), float(digits), float(digits)
    value = float(digits) * 10_000
    half = 0.5 * 10 ** -len(digits.partition(".")[2]) * 10_000
    return value, value - half, value + half


def _without_parts(text: str, counts: list) -> list:
    """``counts`` without those a count's "其中" lists as its parts, up to the end of its clause ("主要用于268辆公务用车…。
    …保有量为268辆，其中执法执勤用车259辆；平均每辆车…": the fleet twice, not its class of cars)."""
    kept, parts_end = [], -1
    for count in counts:
        if count.start() < parts_end:
            continue
        kept.append(count)
        if _BROKEN_DOWN.match(text, count.end()):
            parts_end = _sentence_end(text, count.end())
    return kept


def _sentence_end(text: str, start: int) -> int:
    """Where the sentence (or clause ending in "；") going on at ``start`` ends."""
    return min((end for end in (text.find(mark, start) for mark in "。；\n") if end >= 0), default=len(text))


def _counts(text: str, start: int, end: int, per: str) -> list:
    """The counts in ``text[start:end]`` an average ``per`` vehicle, person, student, household or reception divides by."""
    return [c for c in _COUNT.finditer(text, start, end) if c.group("unit") in _CLASSIFIERS[per]
            and (per != "生" or _STUDENTS.search(text, max(0, c.start() - 12), c.start()))
            and not _CHANGE_BEFORE.search(text, max(0, c.start() - 4), c.start())  # (not a change: "较上年减少1辆")
            and not _PREVIOUS_LEVEL.search(text, max(0, c.start() - 6), c.start())  # (nor last year's: "由7辆减少至6辆")
            and not _IN_AN_ASIDE.search(text, max(start, c.start() - _ASIDE_REACH), c.start())]
            # (nor an aside after a count: "保有量23辆（年内报废2辆、新增1辆）", "26批次（上年31批次）")


#: The words right before a previous level ("保有量由7辆…", "从上年的12人…").
_PREVIOUS_LEVEL = compile_regex(r"[由从](?:上年|去年|\d{4}年)?(?:末|底)?的?$")
#: An aside opened after a count and not closed before another (see :func:`_counts`), and how far back it is looked for.
_IN_AN_ASIDE = compile_regex(r"\d[^\d（()）]{0,3}[（(][^（()）]*$")
_ASIDE_REACH = 30


def _amount_named(what: str):
    """A pattern of an amount of ``what`` ("公务用车运行维护费218.88万元", or "公务用车运行费…", a 费 for its 费用, "公用经费支出为146.25万元",
    "运行维护费预算支出5.60万元", "公用经费补助资金…", the name
    heading its item: "公务用车运行维护费：支出决算为10.86万元", "…运行维护费。2024年度决算数为15.47万元", its year after it:
    "公务接待费2025年预算数为186500.00元"): made for each average, so
    ``regex``'s own cache keeps it, not the package's compiled programs."""
    name = regex.escape(what).replace("运行维护费", "运行(?:维护)?费")  # "公务用车运行费1,008.72万元" (a 中央部门's word)
    # "平均每辆购置费用25.72万元" of "公务用车购置费支出138.60万元"; "次均接待费用" of "国内公务接待支出1.86万元"
    name = regex.sub(r"费用?$", "(?:费用?|支出)", name)
    return regex.compile(rf"{name}(?:[：:。](?:20\d{{2}}年度?)?(?:支出)?(?:决算|(?:年初|全年)?预算)?"
                         r"|(?:补助资金|补助|资金)?(?:20\d{2}年度?)?(?:支出)?(?:决算|(?:年初|全年)?预算)?(?:支出)?)"
                         rf"(?:数)?(?:为|共计|合计|总计)?(?P<amount>{WELL_FORMED})"
                         r"(?P<unit>万元|元)")


#: The same amount's next stage after a comma ("支出预算为14.00万元，支出决算为12.36万元").
_NEXT_STAGE = compile_regex(
    r"[，,]\s*(?:支出)?(?:决算|实际支出|执行)(?:数)?(?:为)?"
    rf"(?P<amount>{WELL_FORMED})(?P<unit>万元|元)"
)


def _with_next_stage(whole, text: str) -> list:
    """``whole`` and the stage of it that follows it ("预算为14.00万元，支出决算为12.36万元"): the average
    may be of either, and a finding names the last (the 决算)."""
    found = [whole]
    if following := _NEXT_STAGE.match(text, whole.end()):
        found.append(following)
    return found


def _states_amount(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` states an amount, not only a change ("…运行维护费减少1.68万元，下降4.4%")."""
    return any(not _CHANGE_BEFORE.search(text, max(start, match.start() - 3), match.start())
               for match in _ANY_AMOUNT.finditer(text, start, end))


#: A verb of change right before an amount or a count: it is the change.
_CHANGE_BEFORE = compile_regex(r"(?:增加|减少|增长|下降|节约|节支)了?$")


def _totals_in(text: str, start: int, end: int) -> list:
    """The amounts in ``text[start:end]`` that are no average themselves ("月人均补助315.99元" before "年人均补助…") nor a
    change ("公务接待费4.20万元，比2025年预算减少0.90万元")."""
    return [m for m in _ANY_AMOUNT.finditer(text, start, end) if not _AVERAGE_WORD.search(text[max(start, m.start() - 6):m.start()])
            and not _CHANGE_BEFORE.search(text, max(start, m.start() - 3), m.start())]


def _sole_amount(text: str, start: int, end: int):
    """The one amount in ``text[start:end]`` (averages left out), or the first of two when the second is its next stage
    ("全年预算数160.00万元，执行数156.80万元"); None otherwise."""
    amounts = _totals_in(text, start, end)
    if len(amounts) == 2 and (following := _NEXT_STAGE.match(text, amounts[0].end())) and following.start("amount") == amounts[1].start():
        return amounts[0]
    return amounts[0] if len(amounts) == 1 else None


def _last(pattern, text: str, start: int, end: int):
    """The last match of ``pattern`` in ``text[start:end]`` outside brackets (not a part the total holds:
    "公用经费支出合计574.25万元（含…城乡义务教育公用经费106.80万元…）"), and not the end of a compound name
    ("公务用车购置及运行费1,150.72万元（其中：…公务用车运行费1,008.72万元）": then the one in brackets)."""
    found = bracketed = None
    compound = False  # whether a compound name ends in the name before the match in brackets
    for match in pattern.finditer(text, start, end):
        before = text[start:match.start()]
        if before[-1:] in NAME_JOINERS:
            compound = True
            continue
        if _AVERAGE_WORD.search(before[-6:]) and _PROGRAMME.search(match.group(), 2) is None:
            continue  # (not another average: "城市…月人均补差500元；农村…月人均补差350元"; but a programme named after the
            # average it pays is a total: "小学生均公用经费补助8,352,000.00元")
        if before.count("（") + before.count("(") <= before.count("）") + before.count(")"):
            found = match
        elif compound:
            bracketed = match
    return found or bracketed


#: The words of a programme's money after the name of the average it pays ("生均公用经费补助"; not the name itself: "月人均补助").
_PROGRAMME = compile_regex(r"补助|资金")
#: Words of an average before an amount: no total.
_AVERAGE_WORD = compile_regex(r"(?:人均|平均|生均|车均|次均|户均|每人|每辆)\p{Han}{0,4}$")


def _gives(totals, scale: float, fewest: float, most: float, each, tolerances) -> bool:
    """Whether one of ``totals`` (each in its rounding) divided by a count from ``fewest`` to ``most`` may be the average
    ``each`` (in its rounding; ``scale`` converts the totals' unit to the average's)."""
    return any(Interval(interval.scaled(scale / most).lo, interval.scaled(scale / fewest).hi).overlaps(amount(each, tolerances))
               for interval in (amount(number, tolerances) for number in totals))
