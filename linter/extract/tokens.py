"""Turn a sentence of flow text into the tokens of ``grammars/claims.lark``.

Fixed phrases, amounts and percentages become typed tokens; every other run of text
becomes one ``NAME``. Each token also has a one-letter code so that candidate spans of
each sentence family can be found with a regex over the codes (:mod:`linter.extract.claims`).
"""

from __future__ import annotations

from typing import NamedTuple

from linter.extract.claims_parser import Token
from linter.extract.numbers import MINUS_SIGNS, Number, parse_signed, same_amount
from linter.patterns import compile_re, compile_regex

#: A number not glued to letters or to a number before it (an ASCII comma after a word or a unit,
#: "9175.8亿元,17492.4亿元", separates; after a digit it is a thousands or list separator).
_NUMBER = r"(?<![A-Za-z0-9_.])(?<![0-9.],)\d+(?:[.,]\d+)*"
_OTHER_WAY = r"[(（](?:增加|增长|上升|减少|下降|降低)[)）]"
#: A verb's 为 naming the level reached from one stated in its clause ("由3.00万元下降为2.00万元").
_REACHED_FROM = r"(?<=[由从][^，,。；;]{1,30})为(?=\d)"
_YEAR = r"(?:\d{4}年度?|上一?年(?:度|同期|末|底)?|上一度|去年(?:同期|末|底)?)"  # "上一度": 上一年度 with 年 dropped; "上年末": a balance's
#: A budget's gloss in brackets ("全年预算（调整后预算）为", "全年预算数（调整预算数）"): part of its words.
_BUDGET_GLOSS = r"(?:[（(][\u4e00-\u9fff]{0,6}预算数?[）)])?"

#: Token type → (code letter, pattern). Order matters: earlier phrases win.
TOKEN_TYPES: dict[str, tuple[str, str]] = {
    # A rate whose % sign was left out ("增长13.95。", reported by NUM002) is still the rate.
    # A rate may be printed with a minus after its verb ("增长-16.67%": a fall).
    "PERCENT": ("P", rf"(?<=(?:增长|增幅|下降|降幅)(?:率)?(?:为|了)?\s{{0,2}})-(?=\d){_NUMBER}%|{_NUMBER}%"
                     rf"|(?<=(?:增长|下降)\s{{0,3}})\d+\.\d+(?=[。，；,;])"),
    # A negative amount ("支出决算为-12,345.00元": money recovered) keeps its minus, but not a range's dash ("5-10万元").
    # A sum of money written with 万 alone ("其他收入3.6万，", "增加13.3万，") reads as 万元 beside amounts in 万元 (see tokenize).
    "AMOUNT": ("A", rf"(?:(?<![\dA-Za-z.,%])[-－−](?=\d))?{_NUMBER}(?:万元|亿元|元|万(?=[，,。；;、)）]|$))"),
    # "与2024年一般公共预算相比": the year's figures may be named between the year and 相比.
    "CMP_WITH": ("W", rf"(?:与|和|同){_YEAR}(?:[\u4e00-\u9fff]{{0,12}}?(?:决算数?|预算数?|执行数?))?(?:相比|比较)(?:较)?"),
    "CMP_BUDGET": ("V", r"(?:比|较|与)(?:年初|全年|调整后?)?预算(?:数)?(?:相比)?"),
    "CMP_THAN": ("T", rf"(?:比|较|同比|相比|相较|对比|较之){_YEAR}(?:决算数|预算数|执行数|支出数|决算|预算|支出(?!合计|总计|数))?(?:的(?=\d))?|同比"),
    # Not a day's date ("截至2024年12月31日实际支出…", "较上年末（2023年12月31日）增加…"), which names no year's figures.
    "YEAR": ("y", r"\d{4}年度?(?!\d{1,2}月)"),
    "NO_BUDGET": ("Z", r"年初(?:无|未安排|没有安排|未列|没有)预算"),
    # "全年预算数60万元" (a 绩效自评表's column read out) states a budget as "全年预算数为60万元" does, and so does
    # "年初安排10,500.00万元" (then "全年执行9,834.50万元"), and "项目年度预算数50.98万元" (a 绩效自评's).
    # Not the end of a gap's words ("决算数大于年初预算数90万元": the gap, not a budget).
    # A budget may be glossed in brackets ("全年预算（调整后预算）为1163.81万元", Shanxi's).
    "BUDGET_IS": ("B", rf"(?:年初|全年|调整后?)?预算(?:数)?{_BUDGET_GLOSS}为|(?<![大小高低]于)(?:年初|全年|调整后?)预算数?(?:合计)?{_BUDGET_GLOSS}(?=\d)"
                       r"|(?<![\u4e00-\u9fff])预算数?(?:合计)?(?=\d)|年初安排(?=\d)|(?<![\d年])年度预算数?(?=\d)"),
    # "，决算数为45万元" (after a budget: no name before it) and "支出决算20万元" state the amount spent.
    # Not "，决算数为年初预算的96.14%", a completion rate (COMPLETE).
    "ACTUAL_IS": ("X", r"支出决算数?(?:为(?!(?:年初|全年|调整后?)?预算)|(?=\d))"
                       r"|(?<=[，,；;])决算(?:支出)?数?(?:为(?!(?:年初|全年|调整后?)?预算)|(?=\d))"),
    "DIRECTION": ("G", r"支出决算数?(?:大于|小于|等于)年初预算数?"),
    # "，决算数为年初预算的96.14%" (Hubei) as "，为年初预算的…" says it, and "，支出决算完成年初预算的…" as "，完成…".
    # "…完成年初预算的117.35%、全年预算的99.72%" (Hunan's): the second rate's words after the first's "、".
    # "年初预算131280.00万元，决算137649.40万元，完成104.58%": 完成 alone before the rate, of the budget just stated.
    "COMPLETE": ("C", r"(?:(?:(?<=[，,])(?:支出)?决算数?)?完成|(?<=[，,])(?:(?:支出)?决算数?)?(?:为|是|达到))(?:年初|全年|调整后?)?预算(?:数)?"
                      r"(?:的|(?=\d))|(?<=%、)(?:年初|全年|调整后?)预算数?的|(?<=[，,])完成(?=\d+(?:\.\d+)?%)"),
    "PROJ_BUDGET": ("J", r"(?<!采购)项目(?:全年|转入|年初)?预算(?:数)?为?"),  # not "政府采购项目预算金额"
    # (a 预算's "预计执行"; "执行" alone opening a clause: "全年预算数5,317.02万元，执行5,173.32万元"; what was paid out of a
    # budget so far: "补助资金预算24660000.00元，截至2025年11月30日已支付22916840.00元")
    "EXEC_IS": ("R", r"执行数(?:合计)?(?:为|(?=\d))|实际支付|实际支出|已支付|已拨付|(?:全年|实际|预计(?:全年)?|(?<=[，,；;]))执行(?=\d)"),
    "RATE_IS": ("K", r"(?:执行|完成)率为?"),
    # (a 各 doubled, "收、支总计各各增加…", is LNG002's: the change is still read)
    "EACH": ("E", r"(?:各各|[各均都])(?=增加|减少|增长|下降)"),
    # "由上年的10万元减少到8万元": the previous amount; the verb then ends in 到/至 (or 为: "由3万元下降为2万元").
    "FROM": ("F", rf"[由从](?:{_YEAR})?的?(?=\d)"),
    # A template's unmade choice "下降（增长）" reads as its first word (NUM002 reports the choice).
    # "较上年减0.04万元，增0.01%": a lone 增 or 减 right before a number is the verb.
    # (not a project's name: "教师素质提高项目50.00万元", "能力提升工程")
    "UP": ("U", rf"(?:增长率|增长幅度|增幅)(?:为|达到?)?|(?:增加|增长|上升|提高|增收|增支)(?!项目|工程|计划|行动|专项)(?:了|到|至|{_REACHED_FROM})?(?:{_OTHER_WAY})?"
                rf"|(?<!新)增(?=\d)|(?<=预算|预算数)多(?:支出?)?(?=\d)"),
    # "比年初预算节约17.75万元", "比调整预算少支出770.43万元": what was saved against a budget is the amount it fell short by.
    "DOWN": ("D", rf"(?:下降幅度|下降率|降低率|降幅|减幅)(?:为|达到?)?|(?:减少|下降|降低|减收|减支)(?!项目|工程|计划|行动|专项)(?:了|到|至|{_REACHED_FROM})?(?:{_OTHER_WAY})?|减(?=\d)"
                   r"|(?<=预算|预算数)(?:节约|少(?:支出?)?)(?=\d)"),
    "SHARE": ("S", r"所?占(?:比重?为?)?(?!用)"),
    "OF": ("O", r"的(?:比重|比例)?为?(?=\d)"),
    "QIZHONG": ("Q", r"其中"),
    # A list of parts: "主要用于以下方面：", "具体项目为：", "收入总计包括…", "一般公共预算财政拨款支出决算中，…", an income opening its
    # sentence ("医疗收入中：…", "本年收入中，…"; not an aside in brackets), or a
    # classification of the amount ("按功能分类：", "按支出经济分类：", "按支出功能分类科目划分：", "按单位分，").
    # "…总额1,286.40万元，从采购类型来看，…货物支出726.30万元、…": the amount seen part by part (a way of dividing
    # it named, not "从执行情况看").
    "MAIN_USE": ("M", r"主要用于(?:以下方面)?|(?<=[，,])分别(?:为|是)(?=[：:])|(?:(?<=[，,])|^\s*)(?:具体(?:项目)?|主要项目)(?:为|是|有)(?=[：:])|(?:主要|具体)?包括|(?<=[，,])从[^，,。；;\d]{0,6}?(?:类型|类别|结构|构成|来源|性质|用途|科目|分类)(?:来|上)?看(?=[，,：:])|(?<=[，,])主要(?:为|是)(?=[^，。；\d]{1,20}\d)|(?<=[，,])含(?=[^，。；\d]{1,20}\d)|(?<=[算出余额])中(?=[，,：:])|(?<=^\s*[\u4e00-\u9fff]{0,12}收入)中(?=[，,：:])|按(?:政府预算|部门预算)?(?:支出)?(?:功能|经济|性质)(?:分类(?:科目)?(?:[（(][类款项]级[）)])?(?:分类|划分)?|(?:科目)?(?:分类|划分))(?:[，,](?:主要)?用于(?:以下方面)?)?|按(?:资金|支出|经费)(?:性质|来源|用途)分(?=[，,：:])"
                       r"|按(?:预算)?单位(?:分|划分|来看|看)(?=[，,：:])|(?<=主要项目)有(?=[：:])"),
    # Separators start with "_": Lark keeps them out of parse trees.
    # An opening bracket before a rate or a change ("增加100万元（增长12.5%）") separates like a comma.
    # So does one before a comparison or a share ("3,871.26万元（比上年增加373.21万元，增长11.7%）",
    # "3,480.28万元（占一般公共预算财政拨款支出的92.0%）").
    # So does a plus or an equals sign after an amount ("年初结转和结余11,230.15万元＋本年收入56,806.92万元＝…").
    "_COMMA": (",", r"[，,]|(?<=%)、(?=(?:年初|全年|调整后?)预算数?的)|(?<=元)\s?[+=]\s?|[（(](?=(?:增长|下降|增幅|降幅|减少|增加|上升|降低)了?\s?\d|(?:比|较|同比|占)[^（()）\d]{0,20}\d)"),
    "_SEMI": (";", r"[；;]"),
    "_COLON": (":", r"[：:]"),
}
#: A list whose unit only its last item prints ("分别为600、300万元", "分别比上年减少30、20万元", "分别占本年支出的
#: 66.7、33.3%"): "respectively", a verb (after a comparison), then the items before the last (at most
#: ``_LIST_ITEMS``), each a plain number and a joiner; the last item is an AMOUNT or PERCENT token.
_LIST_ITEMS = 20
_SHARED_UNIT_LIST = compile_regex(
    r"(?:分别|依次|各)(?:(?:比|较|与)[^，。；、\d]{0,10})?(?:为|是|增加了?|减少了?|增长了?|下降了?|占[^，。；、,;\d%]{0,15})"
    rf"(?P<items>(?:\d+(?:\.\d+)?[、和及]){{1,{_LIST_ITEMS}}}){_NUMBER}(?P<unit>万元|亿元|元|%)"
)
_LIST_ITEM = compile_re(r"\d+(?:\.\d+)?")
#: Words of money, or of a change, before an amount written with 万 alone, and how far before it they are looked for.
_MONEY_BEFORE = compile_re(r"收入|支出|经费|资金|拨款|预算|结余|结转|费")
_CHANGE_BEFORE = compile_re(r"增加|减少|下降|增长|节约")
_MONEY_REACH = 10
#: How every AMOUNT and PERCENT token ends: keep it in step with their patterns above.
_NUMBER_END = compile_regex(r"\d(?:%|[万亿]?元|[。，；,;])")
NAME_CODE = "n"
#: The words between an amount and its restatement in another unit ("27,897.11万元，即2.79亿元").
RESTATING_WORDS = ("即", "合", "折合", "约合", "约")
_RESTATING_WORD = compile_re(rf"[，,]\s*(?:{'|'.join(RESTATING_WORDS)})\s*\d")
#: After an amount that is a threshold ("100万元（含）以上"), not a quantity stated.
_THRESHOLD_AFTER = compile_re(r"\s*(?:[(（]含[)）])?(?:以上|以下|以内)")
#: The characters around a percentage inside a name ("全国1%人口抽样调查"): Chinese on both sides, neither a verb of
#: rates or shares before it ("占1%", "增长5%") nor a word after a rate ("5%以上", "10%左右", "3%的").
_IN_A_NAME = compile_re(r"[\u4e00-\u9fff](?<![占为达至到长降加少率幅比约近过是了])[\u4e00-\u9fff](?<![以左之的及和与上下内，])")
#: Before an amount that is a threshold ("单价100万元", "超过100万元的项目") or an approximation ("近3000万元", "约8800万元";
#: not "节约17.75万元", "最近").
_THRESHOLD_BEFORE = compile_re(r"(?:单价|超过|高于|低于|不足|少于|多于|大于|小于|(?<!节)约为?|(?<![最附])近)\s*$")
_GROUP_TYPES = {name.lstrip("_"): name for name in TOKEN_TYPES}

_MASTER = compile_regex("|".join(f"(?P<{name.lstrip('_')}>{pattern})" for name, (_, pattern) in TOKEN_TYPES.items()))


class ClaimToken(NamedTuple):
    """A token with its flow-text offsets and, for amounts and percentages, its number (a named
    tuple: a document has hundreds, and a tuple is made several times faster than a dataclass)."""

    type: str
    text: str
    start: int
    end: int
    number: Number | None = None

    @property
    def code(self) -> str:
        return NAME_CODE if self.type == "NAME" else TOKEN_TYPES[self.type][0]

    def lark(self) -> Token:
        token = LarkToken(self.type, self.text, start_pos=self.start, end_pos=self.end)
        token.claim_token = self  # the Transformer reads offsets and numbers from here
        return token


class LarkToken(Token):
    """A Lark token that remembers the :class:`ClaimToken` it was made from."""

    __slots__ = ("claim_token",)


def tokenize(text: str, offset: int = 0) -> list[ClaimToken]:
    """Tokens of ``text``; offsets are shifted by ``offset`` (the sentence's flow position)."""
    tokens: list[ClaimToken] = []
    position = 0
    items = _shared_unit_items(text) if "分别" in text or "依次" in text or "各" in text else []
    for match in _MASTER.finditer(text):
        start, end = match.span()
        if match.lastgroup == "AMOUNT" and (_THRESHOLD_AFTER.match(text, end) or _THRESHOLD_BEFORE.search(text, max(0, start - 6), start)):
            continue  # "单价100万元以上设备", "超过100万元的项目": a threshold, part of the name
        if match.lastgroup == "PERCENT" and _IN_A_NAME.match(text[max(0, start - 1):start] + text[end:end + 1]):
            continue  # "全国1%人口抽样调查经费": a percentage inside a name, no rate
        if match.lastgroup == "AMOUNT" and text[end - 1] == "万" and not (
                _MONEY_BEFORE.search(text, max(0, start - _MONEY_REACH), start)
                or ("万元" in text and _CHANGE_BEFORE.search(text, max(0, start - _MONEY_REACH), start))):
            continue  # "新增就业1.2万，": 万 alone names money after a word of money, or of a change beside amounts in 万元
        tokens += _gap(text, position, start, offset, items)
        kind = _GROUP_TYPES[match.lastgroup]
        word = match.group()
        tokens.append(ClaimToken(kind, word, offset + start, offset + end, _number(word, kind, offset + start)))
        position = end
    tokens += _gap(text, position, len(text), offset, items)
    if "实际支出" in text:
        tokens = _actual_without_budget(tokens)
    if "预算" in text and "支出" in text:
        tokens = _spent_after_budget(tokens)
    if "预算" in text and ("执行" in text or "决算" in text):
        tokens = _budget_named_before_execution(tokens)
    if "追加" in text or "追减" in text or "调增" in text or "调减" in text or "调整" in text:
        tokens = _without_budget_adjustments(tokens)
    if _RESTATING_WORD.search(text) or "元(" in text or "元（" in text:
        tokens = _bracketed_parts(_without_restatements(_without_approximations(tokens)))
    if "比" in text and ("用于" in text or "原因" in text or "个" in text or "项" in text):
        tokens = _without_asides_before_changes(tokens)
    if "用于" in text:
        tokens = _without_money_named_again(tokens)
    if "(含" in text or "（含" in text:
        tokens = _without_included_asides(tokens)
    if "其中" in text and ("完成" in text or "率" in text):
        tokens = _without_breakdown_before_rate(tokens)
    if tokens and tokens[0].type == "CMP_WITH":
        tokens = _comparison_moved_to_change(tokens)
    if "元中" in text:
        tokens = _amount_broken_down_after_zhong(tokens)
    if "比" in text or "较" in text:
        tokens = _comparison_naming_its_quantity(tokens)
        if "月" in text:
            tokens = _comparison_dated(tokens)
    if "相比" in text or "比较" in text:
        tokens = _compared_with_amounts(tokens)
    return _without_money_named_before_change(tokens) if any(word in text for word in _MONEY_AGAIN) else tokens


def _comparison_naming_its_quantity(tokens: list[ClaimToken]) -> list[ClaimToken]:
    """"比上年“三公”经费财政拨款支出10.15万元减少0.83万元" read as "比上年 10.15万元 减少…": a comparison that names
    its quantity before last year's amount and the change is one CMP_THAN (the amount is last year's, as after
    "比2023年度决算数")."""
    found, i = [], 0
    while i < len(tokens):
        token = tokens[i]
        following = tokens[i + 1:i + 4]
        if token.type == "CMP_THAN" and [t.code for t in following[:2]] == [NAME_CODE, "A"] and len(following) == 3 \
                and following[2].type in ("UP", "DOWN") and _QUANTITY_NAME.fullmatch(following[0].text):
            found.append(token._replace(text=token.text + following[0].text, end=following[0].end))
            i += 2
            continue
        found.append(token)
        i += 1
    return found


#: A day's date in brackets ("（2023年12月31日）").
_DATE_ASIDE = compile_re(r"\s*[(（]\s*\d{4}年\d{1,2}月\d{1,2}日\s*[)）]\s*")


def _comparison_dated(tokens: list[ClaimToken]) -> list[ClaimToken]:
    """"较上年末（2023年12月31日）增加3,215.40万元" read as "较上年末增加…": the date the comparison is of, in brackets
    after it, is part of it."""
    found: list[ClaimToken] = []
    for token in tokens:
        if found and found[-1].type == "CMP_THAN" and token.type == "NAME" and _DATE_ASIDE.fullmatch(token.text):
            found[-1] = found[-1]._replace(text=found[-1].text + token.text, end=token.end)
        else:
            found.append(token)
    return found


#: The name of a quantity inside a comparison: words without a clause's punctuation.
_QUANTITY_NAME = compile_re(r"[^，,。；;：:、\d]{1,24}")


#: A comparison opening a sentence, then a quantity's amount and its change ("与2023年度相比，本年支出合计…元，减少…").
_MOVED_COMPARISON = compile_re(rf"W,?{NAME_CODE}A,[UD]A")


def _comparison_moved_to_change(tokens: list[ClaimToken]) -> list[ClaimToken]:
    """"与2023年度相比，本年支出合计20,006,104.66元，减少128,765.89元，下降0.64%" read as "本年支出合计
    20,006,104.66元，比2023年度减少128,765.89元，…": a comparison opening the sentence, then a quantity's
    amount and its change, compares that amount."""
    if not _MOVED_COMPARISON.match("".join(t.code for t in tokens[:7])):
        return tokens
    at = 2 if tokens[1].code == "," else 1
    compare = tokens[0]._replace(type="CMP_THAN")
    return [*tokens[at:at + 3], compare, *tokens[at + 3:]]


def _amount_broken_down_after_zhong(tokens: list[ClaimToken]) -> list[ClaimToken]:
    """"其中，突发公共卫生事件应急处理（项）支出1,532.68万元中，使用中央特殊转移支付资金865.00万元，…" read as
    "突发公共卫生事件应急处理（项）支出1,532.68万元，其中，使用…": an amount followed by 中 and a comma is the
    whole of what follows (the 中 becomes its 其中), and a 其中 opening the sentence before it names no other whole."""
    at = next((i for i in range(1, len(tokens) - 2) if tokens[i].type == "AMOUNT" and tokens[i + 1].type == "NAME"
               and tokens[i + 1].text.strip() == "中" and tokens[i + 2].code == ","), None)
    if at is None:
        return tokens
    zhong = tokens[at + 1]._replace(type="QIZHONG")
    first = 0
    if tokens[0].type == "QIZHONG":
        first = 2 if tokens[1].code in (",", ":") else 1
    return [*tokens[first:at + 1], zhong, *tokens[at + 2:]]


def _without_included_asides(tokens: list[ClaimToken]) -> list[ClaimToken]:
    """The tokens without what an amount includes, in brackets after it ("全年预算数2,536,215.40元（含上年
    结转386,215.40元），执行数…" reads as "全年预算数2,536,215.40元，执行数…")."""
    found: list[ClaimToken] = []
    i = 0
    while i < len(tokens):
        found.append(tokens[i])
        aside = tokens[i + 1:i + 4]
        if tokens[i].type == "AMOUNT" and [t.code for t in aside] == [NAME_CODE, "A", NAME_CODE] \
                and aside[0].text.strip().startswith(("(含", "（含")) and aside[2].text.strip() in (")", "）"):
            i += 4
        else:
            i += 1
    return found


#: A breakdown of the amount spent between it and its completion rate ("支出决算为356.80万元，其中：使用上年结转资金46.80万元，
#: 完成年初预算的118.9%"): the rate is of the amount before it.
_BREAKDOWN_BEFORE_RATE = compile_re(r"(?<=[XR]A,)Q:?nA,(?=C|n?K)")


def _without_breakdown_before_rate(tokens: list[ClaimToken]) -> list[ClaimToken]:
    """The tokens without a "其中：" breakdown of the amount spent standing before its completion rate (see
    :data:`_BREAKDOWN_BEFORE_RATE`)."""
    codes = "".join(token.code for token in tokens)
    dropped = {i for match in _BREAKDOWN_BEFORE_RATE.finditer(codes) for i in range(match.start(), match.end())}
    return [token for i, token in enumerate(tokens) if i not in dropped] if dropped else tokens


def _without_money_named_again(tokens: list[ClaimToken]) -> list[ClaimToken]:
    """The tokens without the word naming again the money an amount just stated before what it is used for ("全年支出
    9,865.42万元，资金主要用于：…" reads as "全年支出9,865.42万元，主要用于：…")."""
    drop = {i for i in range(2, len(tokens) - 1) if tokens[i].type == "NAME" and tokens[i].text.strip() in _MONEY_AGAIN
            and tokens[i + 1].type == "MAIN_USE" and tokens[i - 1].type == "_COMMA" and tokens[i - 2].type == "AMOUNT"}
    return [t for i, t in enumerate(tokens) if i not in drop] if drop else tokens


#: Words naming again the money just stated.
_MONEY_AGAIN = ("资金", "该资金", "上述资金", "该项资金", "经费", "该经费", "该项经费", "款项")


def _without_money_named_before_change(tokens: list[ClaimToken]) -> list[ClaimToken]:
    """The tokens without the word naming again the money compared before its change ("与2022年度项目支出3986.50万元
    相比，资金增加…" reads as "比2022年度项目支出 3986.50万元 增加…")."""
    drop = {i for i in range(2, len(tokens) - 1) if tokens[i].type == "NAME" and tokens[i].text.strip() in _MONEY_AGAIN
            and tokens[i + 1].type in ("UP", "DOWN") and tokens[i - 1].type == "AMOUNT" and tokens[i - 2].type == "CMP_THAN"}
    return [t for i, t in enumerate(tokens) if i not in drop] if drop else tokens


def _without_asides_before_changes(tokens: list[ClaimToken]) -> list[ClaimToken]:
    """The tokens without a clause between an amount and its change: what the amount is used for ("运行维护费24.36万元，
    主要用于燃料费等支出，比上年减少2.84万元" reads as "运行维护费24.36万元，比上年减少2.84万元") or a reason ("支出决算为
    150.00万元，决算数大于年初预算数的主要原因是年中追加资金，比2023年度决算数120.00万元增加…" reads as "支出决算为150.00万元，
    比2023年度决算数…")."""
    found: list[ClaimToken] = []
    i = 0
    while i < len(tokens):
        found.append(tokens[i])
        comma = _aside_before_change(tokens, i + 1) if tokens[i].type == "AMOUNT" else None
        i = comma if comma is not None else i + 1  # (the comma before the comparison is kept)
    return found


_USE = compile_re(r"\s*(?:全部|专项)?用于")
#: A count of what the amount pays for, in a clause of its own ("，共4个项目，").
_COUNT_ASIDE = compile_re(r"\s*(?:共|涉及|包括|含)?\d{1,4}(?:个|项|家|所)[\u4e00-\u9fff]{0,6}\s*")


def _aside_before_change(tokens: list[ClaimToken], start: int) -> int | None:
    """The index of the comma ending a use's or a reason's clause that opens with the comma at ``start`` and is followed by a
    comparison (a CMP_THAN), or None."""
    use, reason = tokens[start:start + 4], tokens[start:start + 3]
    if [t.code for t in use] == [",", "M", NAME_CODE, ","] and use[1].text.endswith("用于"):
        end = start + 3
    elif [t.code for t in reason] == [",", NAME_CODE, ","] and ("原因" in reason[1].text or _USE.match(reason[1].text)
                                                                 or _COUNT_ASIDE.fullmatch(reason[1].text)):
        end = start + 2  # (a use said without 主要: "，用于行政单位职工基本医疗保险单位缴费，"; a count: "，共4个项目，")
    else:
        return None
    return end if end + 1 < len(tokens) and tokens[end + 1].type == "CMP_THAN" else None


def _actual_without_budget(tokens: list[ClaimToken]) -> list[ClaimToken]:
    """"实际支出" executes the budget stated before it ("预算18.50万元，实际支出15.62万元"); with no amount
    before it, it states the amount spent, as "支出决算为" does ("“三公”经费实际支出15.62万元")."""
    found, budgeted = [], False
    for token in tokens:
        budgeted = budgeted or token.type in ("BUDGET_IS", "PROJ_BUDGET", "AMOUNT")
        if token.type == "EXEC_IS" and token.text == "实际支出" and not budgeted:
            token = token._replace(type="ACTUAL_IS")
        found.append(token)
    return found


#: A budget's adjustment during the year, named before its amount ("年中追加", "追加预算", "年中调减").
_ADJUSTMENT = compile_re(r"(?:年中|年度中|年内|期间)?(?:追加|追减|调增|调减)(?:预算)?(?:资金)?")
#: …and one named before the word of its direction ("年中预算调整增加27.00万元", Chongqing's).
_ADJUSTED = compile_re(r"(?:年中|年度中|年内|期间)?(?:预算)?调整(?:预算)?")


def _without_budget_adjustments(tokens: list[ClaimToken]) -> list[ClaimToken]:
    """The tokens without an adjustment's clause between a budget and the amount spent ("年初预算为3,960,000.00元，年中追加
    255,678.40元，支出决算为…", or "…，年中预算调整增加27.00万元，…", reads as "年初预算为3,960,000.00元，支出决算为…"): what was
    added is no budget of its own, and the completion rate is still of the budget stated."""
    found: list[ClaimToken] = []
    i = 0
    while i < len(tokens):
        clause = tokens[i:i + 3]
        after_amount = len(found) >= 2 and found[-1].code == "," and found[-2].type == "AMOUNT"
        if after_amount and [t.code for t in clause] == [NAME_CODE, "A", ","] and _ADJUSTMENT.fullmatch(clause[0].text.strip()):
            i += 3
            continue
        if after_amount and len(tokens) > i + 3 and tokens[i].type == "NAME" and tokens[i + 1].type in ("UP", "DOWN") \
                and tokens[i + 2].type == "AMOUNT" and tokens[i + 3].code == "," and _ADJUSTED.fullmatch(tokens[i].text.strip()):
            i += 4
            continue
        found.append(tokens[i])
        i += 1
    return found


def _spent_after_budget(tokens: list[ClaimToken]) -> list[ClaimToken]:
    """"支出" alone after a budget's amount states the amount spent, as "支出决算为" does ("职业培训补贴预算为500.00万元，
    支出642.85万元，完成预算的…"), and so does "全年支出" after a project's ("人民调解工作经费项目年初预算138.00万元，全年支出
    135.20万元，预算执行率…"; after a fund's, "全年支出" is the fund's spending: CON001's)."""
    found = list(tokens)
    for i in range(3, len(found) - 1):
        spent = found[i].text.strip()
        if found[i].type == "NAME" and found[i + 1].type == "AMOUNT" and found[i - 1].code == "," and found[i - 2].type == "AMOUNT" \
                and ((spent == "支出" and found[i - 3].type == "BUDGET_IS")
                     or (spent in ("支出", "全年支出") and found[i - 3].type == "PROJ_BUDGET")):
            found[i] = found[i]._replace(type="ACTUAL_IS")
    return found


#: A name ending in the word of its budget ("部门整体支出预算数", "一般公共预算拨款预算", "涉及年初预算资金").
_NAMED_BUDGET = compile_re(r"(?P<name>.*\S)(?P<budget>预算(?:数|资金)?为?)\s*")


def _budget_named_before_execution(tokens: list[ClaimToken]) -> list[ClaimToken]:
    """A name ending in 预算 before an amount, then what was executed or spent of it, states that budget as "预算数为" does
    ("2024年度部门整体支出预算数33,984.62万元，执行数33,158.27万元，预算执行率97.6%", "…一般公共预算拨款预算12,077,771.84元，
    全年执行11,903,842.27元", "年初财政拨款预算数3,186.34万元，决算数4,009.67万元，决算数大于预算数823.33万元")."""
    found: list[ClaimToken] = []
    spent = ("EXEC_IS", "ACTUAL_IS")
    for i, token in enumerate(tokens):
        after = [t.type for t in tokens[i + 1:i + 5]] + [""] * 4
        # (its amount, a comma, then what was spent, maybe named: "…预算数A，全年执行B", "…预算数A，项目执行数B")
        if token.type == "NAME" and after[:2] == ["AMOUNT", "_COMMA"] \
                and (after[2] in spent or (after[2] == "NAME" and after[3] in spent)) \
                and (named := _NAMED_BUDGET.fullmatch(token.text)):
            split = token.start + named.start("budget")
            found += [token._replace(text=named["name"], end=split),
                      ClaimToken("BUDGET_IS", token.text[named.start("budget"):], split, token.end)]
        else:
            found.append(token)
    return found


#: An amount restated roughly in brackets, read as one name ("（约247.40万元）", "（约1.19亿元）").
_APPROXIMATION = compile_re(r"\s*[(（]\s*(?:约|约合|折合|大约)\s*[\d,.]+\s*(?:万元|亿元|元)\s*[)）]\s*")


def _without_approximations(tokens: list[ClaimToken]) -> list[ClaimToken]:
    """The tokens without an amount's rough restatement in brackets right after it ("政府采购预算总额2,474,000.00元（约247.40
    万元），其中：…" reads as "…2,474,000.00元，其中：…"): it names nothing of its own."""
    return [token for i, token in enumerate(tokens)
            if not (i and tokens[i - 1].type == "AMOUNT" and token.type == "NAME" and _APPROXIMATION.fullmatch(token.text))]


def _without_restatements(tokens: list[ClaimToken]) -> list[ClaimToken]:
    """The tokens without an amount's restatement in another unit ("27,897.11万元，即2.79亿元，比上年增加…"
    reads as "27,897.11万元，比上年增加…") or in brackets ("8.10万元（81,000元），完成预算的77.14%", "8,600元（8,600.00元），
    占…"): the restated amount names no quantity of its own."""
    found: list[ClaimToken] = []
    i = 0
    while i < len(tokens):
        found.append(tokens[i])
        restated = tokens[i + 1:i + 4]
        codes = [t.code for t in restated]
        if tokens[i].type == "AMOUNT" and codes == [",", NAME_CODE, "A"] \
                and restated[1].text.strip() in RESTATING_WORDS and restated[2].number.unit != tokens[i].number.unit:
            i += 4
        elif tokens[i].type == "AMOUNT" and codes == [NAME_CODE, "A", NAME_CODE] and restated[0].text in ("(", "（") \
                and restated[2].text in (")", "）") and same_amount(tokens[i].number, restated[1].number):
            i += 4
        else:
            i += 1
    return found


def _bracketed_parts(tokens: list[ClaimToken]) -> list[ClaimToken]:
    """"基本支出188.25万元（人员经费141.96万元、公用经费36.29万元）" read as "基本支出188.25万元，其中：人员经费141.96万元、
    公用经费36.29万元": two amounts or more, each named, listed in brackets right after an amount are its parts."""
    found: list[ClaimToken] = []
    i = 0
    while i < len(tokens):
        found.append(tokens[i])
        end = _bracketed_list_end(tokens, i + 1) if tokens[i].type == "AMOUNT" else None
        if end is None:
            i += 1
            continue
        opening, closing = tokens[i + 1], tokens[end]
        at = opening.start + opening.text.index(opening.text.strip()[0]) + 1  # after the bracket
        found += [ClaimToken("_COMMA", "，", at, at), ClaimToken("QIZHONG", "其中", at, at), ClaimToken("_COLON", "：", at, at),
                  opening._replace(text=opening.text[at - opening.start:], start=at), *tokens[i + 2:end]]
        after = closing.text.lstrip()[1:]  # what follows the closing bracket ("）。")
        if after:
            found.append(closing._replace(text=after, start=closing.end - len(after)))
        i = end + 1
    return found


def _bracketed_list_end(tokens: list[ClaimToken], start: int) -> int | None:
    """The index of the token closing a bracketed list of named amounts opening at ``start`` ("（人员经费" 141.96万元 "、公用经费"
    36.29万元 "）"), or None when none opens there."""
    if start >= len(tokens) or tokens[start].type != "NAME" or not _BRACKETED_OPENING.fullmatch(tokens[start].text):
        return None
    at, parts = start + 1, 0
    while at + 1 < len(tokens) and tokens[at].type == "AMOUNT":
        parts, following = parts + 1, tokens[at + 1]
        if following.type == "NAME" and following.text.lstrip()[:1] in ("）", ")"):
            return at + 1 if parts >= 2 else None
        if following.type != "NAME" or not _BRACKETED_ITEM.fullmatch(following.text):
            return None
        at += 2
    return None


#: The opening of a bracketed list of named amounts, and each next item's separator and name (words only: no restatement,
#: no change, no other aside).
_BRACKETED_OPENING = compile_regex(r"\s*[（(](?!含|即|折合|约|其中|比|较)[\u4e00-\u9fff“”]{2,30}")
_BRACKETED_ITEM = compile_regex(r"\s*[、，,](?!含|即|折合|约|比|较)[\u4e00-\u9fff“”]{2,30}")


def _compared_with_amounts(tokens: list[ClaimToken]) -> list[ClaimToken]:
    """"与2022年度决算数43.00万元相比，增加…" read as "比2022年度决算数 43.00万元 增加…": a comparison naming the
    previous year's amount is a CMP_THAN before that amount (the change after it goes on as after "比…X万元")."""
    found, i = [], 0
    while i < len(tokens):
        match = _WITH_AMOUNT.match("".join(t.code for t in tokens[i:i + 6]))
        words = tokens[i:i + match.end("name")] if match else []
        if match and (_LAST_YEAR_BASE.fullmatch(words[0].text.strip()) if len(words) == 1 else (
                words[0].text.strip() in ("与", "和", "同") and (len(words) == 2 or words[2].text.strip() in _BASES
                                                                or _NAMED_BASE.fullmatch(words[2].text.strip())))) \
                and tokens[i + match.end("amount")].text.strip() in ("相比", "比较"):
            found.append(ClaimToken("CMP_THAN", "".join(t.text for t in words), words[0].start, words[-1].end))
            found.append(tokens[i + match.start("amount")])
            i += match.end()
            continue
        found.append(tokens[i])
        i += 1
    return found


#: "与 2022年度 决算数 43.00万元 相比 ，": the words, then the amount, then 相比 and its comma (the year's figure maybe an
#: 执行数: "与2024年执行数39,213.65万元相比"; or the words one name: "与上年决算数42,156,380.00元相比").
_WITH_AMOUNT = compile_re(r"(?P<name>ny[nOR]?|n)(?P<amount>A)n,?")
_LAST_YEAR_BASE = compile_re(r"(?:与|和|同)(?:上一?年度?|去年)(?:的|(?:决算|预算|执行|支出)数?)?")
#: What of the previous year a comparison names before its amount: the figures it names ("与2022年度决算数43.00万元相比",
#: "与2024年预算3,267.37万元相比", "与2024年财政拨款预算…相比", "与2022年度本年收入合计…相比"), or the 的 before it.
_BASES = ("的", "决算数的")
_NAMED_BASE = compile_re(r"[\u4e00-\u9fff]{0,10}(?:决算|预算|执行|支出)数?|[\u4e00-\u9fff]{0,12}(?:收入|支出)(?:合计|总计)")

def _shared_unit_items(text: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, kind, unit)`` of the items of the lists in ``text`` whose unit only their last
    item prints (see ``_SHARED_UNIT_LIST``), in order."""
    items = []
    for match in _SHARED_UNIT_LIST.finditer(text):
        unit = match.group("unit")
        for item in _LIST_ITEM.finditer(text, match.start("items"), match.end("items")):
            items.append((item.start(), item.end(), "PERCENT" if unit == "%" else "AMOUNT", unit))
    return items


def _gap(text: str, start: int, end: int, offset: int, items: list[tuple[int, int, str, str]]) -> list[ClaimToken]:
    """The tokens of ``text[start:end]``, which no token pattern matched: the items of a list that
    prints its unit once (see :func:`_shared_unit_items`), and NAMEs between them (none of spaces only)."""
    tokens = []
    for item_start, item_end, kind, unit in items:
        if start <= item_start and item_end <= end:
            tokens += _gap(text, start, item_start, offset, [])
            word = text[item_start:item_end]
            tokens.append(ClaimToken(kind, word, offset + item_start, offset + item_end,
                                     _number(word, kind, offset + item_start, unit)))
            start = item_end
    if start < end and not text[start:end].isspace():
        tokens.append(_name(text, start, end, offset))
    return tokens


def may_hold_number(text: str) -> bool:
    """False when ``text`` surely holds no AMOUNT or PERCENT token (a quick test before :func:`tokenize`)."""
    return bool(_NUMBER_END.search(text))


def _name(text: str, start: int, end: int, offset: int) -> ClaimToken:
    return ClaimToken("NAME", text[start:end], offset + start, offset + end)


def _number(text: str, kind: str, start: int, unit: str | None = None) -> Number | None:
    """The number of an AMOUNT or PERCENT token; ``unit`` for an item of a list whose last item
    prints it."""
    if kind not in ("AMOUNT", "PERCENT"):
        return None
    unit = unit or ("%" if kind == "PERCENT" else text[-2:] if text.endswith(("万元", "亿元")) else "万元" if text.endswith("万")
                    else "元")
    if text.startswith("-") and kind == "PERCENT":  # a rate's minus ("增长-16.67%") is its verb's, not the number's
        text, start = text[1:], start + 1
    digits = text.removesuffix(unit).removesuffix("万")
    if digits[:1] in MINUS_SIGNS:
        digits = "-" + digits[1:]
    value, decimals = parse_signed(digits)
    return Number(digits, unit, start, start + len(text), value, decimals)
