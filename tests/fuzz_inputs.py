"""Fuzz inputs for the whole pipeline and the checks every input must pass.

Shared by the hypothesis suite (``tests/test_fuzz.py``, a few hundred inputs in CI) and the long
campaign (``scripts/fuzz_campaign.py``, ≥ 100,000 inputs). Each generator takes a
:class:`random.Random` and returns the bytes of one document, so hypothesis drives the same
generators (through ``st.randoms``) as the campaign's seeded loop.
"""

from __future__ import annotations

import random
from functools import lru_cache
from pathlib import Path

from linter.check.finding import Finding
from linter.config import Settings
from linter.engine import instantiate_rules, lint_source
from linter.read import InputError, decode_bytes
from linter.report.formatters import FORMATTERS

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

_HAN = "的一是在了不和有大这主中人上为们地个用工时要动国产以我到他会作来分生对于学下级就年阶义发成部民可出能方进同行面说种过命度革而多子后自社加小机也经力线本电高量长党得实家定深法表着水理化争现所二起政三好十战无农使性前等反体合斗路图把结第里正新开论之物从当两些还天资事队批点育重其思与间内去因件日利相由压员气业代全组数果期导平各基或月毛然如应形想制心样干都向变关问比展那它最及外没看治提五解系林者米群头意只明四道马认次文通但条较克又公孔领军流入接席位情运器并飞原油放立题质指建区验活众很教决特此常石强极土少已根共直团统式转别造切九你取西持总料连任志观调七么山程百报更见必真保热委手改管处己将修支识病象几先老光专什六型具示复安带每东增则完风回南广劳轮科北打积车计给节做务被整联步类集号列温装即毫知轴研单色坚据速防史拉世设达尔场织历花受求传口断况采精金界品判参层止边清至万确究书术状厂须离再目海交权且儿青才证低越际八试规斯近注办布门铁需走议县兵固除般引齿千胜细影济白格效置推空配刀叶率述今选养德话查差半敌始片施响收华觉备名红续均药标记难存测士身紧液派准斤角降维板许破述技消底床田势端感往神便贺村构照容非搞亚磨族火段算适讲按值美态黄易彪服早班麦削信排台声该击素张密害侯草何树肥继右属市严径螺检左页抗苏显苦英快称坏移约巴材省黑武培著河帝仅针怎植京助升王眼她抓含苗副杂普谈围食射源例致酸旧却充足短划剂宣环落首尺波承粉践府鱼随考刻靠够满夫失包住促枝局菌杆周护岩师举曲春元超负砂封换太模贫减阳扬江析亩木言球朝医校古呢稻宋听唯输滑站另卫字鼓刚写刘微略范供阿块某功套友限项余倒卷创律雨让骨远帮初皮播优占死毒圈伟季训控激找叫云互跟裂粮粒母练塞钢顶策双留误础吸阻故寸盾晚丝女散焊功株亲院冷彻弹错散商视艺灭版烈零室轻血倍缺厘泵察绝富城冲喷壤简否柱李望盘磁雄似困巩益洲脱投送奴侧润盖挥距触星松送获兴独官混纪依未突架宽冬章湿偏纹吃执阀矿寨责熟稳夺硬价努翻奇甲预职评读背协损棉侵灰虽矛厚罗泥辟告卵箱掌氧恩爱停曾溶营终纲孟钱待尽俄缩沙退陈讨奋械载胞幼哪剥迫旋征槽倒握担仍呀鲜吧卡粗介钻逐弱脚怕盐末阴丰雾冠丙街莱贝辐肠付吉渗瑞惊顿挤秒悬姆烂森糖圣凹陶词迟蚕亿矩"
_FINANCE = ["收入", "支出", "决算", "预算", "财政拨款", "基本支出", "项目支出", "三公经费", "一般公共预算",
            "政府性基金", "合计", "总计", "年初结转和结余", "年末结转和结余", "公务接待费", "万元", "亿元", "元",
            "增长", "减少", "增加", "下降", "上年", "本年", "与上年相比", "完成年初预算的", "占", "其中：",
            "主要原因是", "行", "栏", "表", "栏次", "类", "款", "项"]
_ODD = ["²", "³", "①", "⑫", "٣", "３", "१", "Ⅻ", "〇", "零", "两", "廿", "百", "千", "万", "亿", "\t", "\r",
        "\r\n", "\x00", "\x1b[31m", "\u3000", "\u200b", "\ufeff", "\u202e", "…", "...", "——", "~", "+", "=", "/"]
_MARKS = list("。，、；：？！（）()【】[]《》“”\"'%.,;:-+=…")
_NUMERALS = "〇一二三四五六七八九十百千两廿零"


def random_unicode(rng: random.Random) -> bytes:
    """Any Unicode (surrogates aside) mixed with Chinese, digits, marks and odd characters."""
    parts = []
    for _ in range(rng.randint(1, 60)):
        kind = rng.random()
        if kind < 0.25:
            parts.append(chr(rng.choice([rng.randint(0x20, 0xD7FF), rng.randint(0xE000, 0x10FFFF)])))
        elif kind < 0.45:
            parts.append("".join(rng.choice(_HAN) for _ in range(rng.randint(1, 8))))
        elif kind < 0.6:
            parts.append(rng.choice(_FINANCE))
        elif kind < 0.75:
            parts.append(_number(rng))
        elif kind < 0.85:
            parts.append(rng.choice(_MARKS))
        elif kind < 0.93:
            parts.append(rng.choice(_ODD))
        else:
            parts.append(rng.choice(["\n", "\n\n", " ", "  "]))
    return "".join(parts).encode("utf-8")


def byte_soup(rng: random.Random) -> bytes:
    """Random bytes, sometimes behind a byte-order mark or inside valid text."""
    soup = bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 300)))
    prefix = rng.choice([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", "收入合计".encode("gb18030")])
    return prefix + soup


@lru_cache(maxsize=None)
def _example_lines() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.read_text(encoding="utf-8").splitlines(keepends=True))
                 for p in sorted(EXAMPLES.glob("*.txt")))


def mutated_example(rng: random.Random) -> bytes:
    """A window of an example (headings, narrative, tables) with a few random mutations."""
    lines = list(rng.choice(_example_lines()))
    start = rng.randrange(len(lines))
    window = lines[start:start + rng.randint(5, 120)]
    for _ in range(rng.randint(1, 8)):
        window = _mutate(rng, window)
    return "".join(window).encode(rng.choice(["utf-8", "utf-8", "gb18030", "utf-16"]), "replace")


def _mutate(rng: random.Random, lines: list[str]) -> list[str]:
    if not lines:
        return ["\n"]
    index = rng.randrange(len(lines))
    choice = rng.randrange(7)
    if choice == 0:
        del lines[index]
    elif choice == 1:
        lines.insert(index, lines[index])
    elif choice == 2:
        other = rng.randrange(len(lines))
        lines[index], lines[other] = lines[other], lines[index]
    else:
        line = lines[index]
        at = rng.randint(0, len(line))
        insert = rng.choice([
            _number(rng), rng.choice(_ODD), rng.choice(_MARKS), "\t", "\r", "\x00", "．", "，", "％",
            "".join(rng.choice(_NUMERALS) for _ in range(rng.randint(1, 6))) + "、",
            "9" * (5000 if rng.random() < 0.02 else rng.choice([5, 50, 500])),
            "(" * rng.randint(1, 30), ")" * rng.randint(1, 30),
            chr(rng.randint(0xFF01, 0xFF5E)),
        ])
        lines[index] = line[:at] + insert + line[at:]
    return lines


def _number(rng: random.Random) -> str:
    """A printed number: ordinary, extreme, malformed or written oddly."""
    kind = rng.randrange(10)
    if kind < 4:
        return f"{rng.uniform(0, 10000):.{rng.randint(0, 2)}f}"
    if kind == 4:
        return f"{rng.randint(0, 10**rng.randint(1, 60)):,}"
    if kind == 5:
        return rng.choice(["0", "0.00", "00", "-0", "-1.5", "1e5", "NaN", "inf", "0.0000001"])
    if kind == 6:
        return ".".join(str(rng.randint(0, 99)) for _ in range(rng.randint(2, 4)))
    if kind == 7:
        return "".join(rng.choice("0123456789,.") for _ in range(rng.randint(1, 20)))
    if kind == 8:  # digit runs past the caps (long ones are rare: the linearity tests cover them)
        return "1" * (4400 if rng.random() < 0.02 else rng.choice([41, 400]))
    zero = rng.choice([0xFF10, 0x0660, 0x0966])  # full-width, Arabic-Indic, Devanagari digits
    return "".join(chr(zero + rng.randint(0, 9)) for _ in range(rng.randint(1, 6)))


def formulaic(rng: random.Random) -> bytes:
    """The formulaic sentences of a disclosure, with extreme and inconsistent numbers."""
    n = lambda: _number(rng)  # noqa: E731
    unit = lambda: rng.choice(["万元", "亿元", "元", ""])  # noqa: E731
    templates = [
        lambda: f"{rng.randint(1900, 2100)}年度收入总计{n()}{unit()}，支出总计{n()}{unit()}。",
        lambda: f"与上年相比，收、支总计各{rng.choice(['增加', '减少'])}{n()}{unit()}，"
                f"{rng.choice(['增长', '下降'])}{n()}%。",
        lambda: f"年初预算为{n()}{unit()}，支出决算为{n()}{unit()}，完成年初预算的{n()}%。",
        lambda: f"其中：基本支出{n()}{unit()}，占本年支出{n()}%；项目支出{n()}{unit()}，占本年支出{n()}%。",
        lambda: f"{rng.choice(_NUMERALS)}{rng.choice(_NUMERALS)}、{rng.choice(_FINANCE)}情况说明",
        lambda: f"第{''.join(rng.choice(_NUMERALS) for _ in range(rng.randint(1, 4)))}部分 {rng.choice(_FINANCE)}",
        lambda: f"（{rng.choice(_NUMERALS)}）{rng.choice(_FINANCE)}{n()}{unit()}，比上年{rng.choice(['增加', '减少'])}"
                f"{n()}{unit()}，主要原因是{rng.choice(_FINANCE)}。",
        lambda: f"“三公”经费支出{n()}万元，其中：公务接待费{n()}万元，公务用车购置及运行费{n()}万元。",
        # Years a draft copied from last year's file may leave (DOC005): a title, comparisons, dates.
        lambda: f"XX局{rng.randint(1990, 2100)}{rng.choice(['年度', '年', ' 年度'])}部门{rng.choice(['决算', '预算'])}",
        lambda: f"{rng.choice(['与', '比', '较'])}{rng.randint(1990, 2100)}年{rng.choice(['度', '度决算', '预算', ''])}"
                f"{rng.choice(['相比，', '', '同期相比'])}{rng.choice(['增加', '减少', '持平'])}{n()}{unit()}。",
        lambda: f"截至{rng.randint(1990, 2100)}年{rng.choice(['12月31日', '底', '末', ''])}，共有车辆{n()}辆。",
        lambda: f"公务接待费由上年的{n()}{unit()}{rng.choice(['减少到', '增加至', '减少'])}{n()}{unit()}，"
                f"{rng.choice(['增长', '下降'])}{n()}%。",
        lambda: f"{rng.choice(_FINANCE)}{n()}{unit()}，其中：\n（一）{rng.choice(_FINANCE)}{n()}{unit()}"
                f"（其中：{rng.choice(_FINANCE)}{n()}{unit()}）。\n（二）{rng.choice(_FINANCE)}{n()}{unit()}，上年{n()}{unit()}。",
        lambda: f"共有车辆{n()}辆，其中：{rng.choice(['女性', '其他用车', '一般公务用车'])}{n()}辆、单价{n()}万元以上设备{n()}台。",
        lambda: f"预算执行情况\t预算数\t{rng.choice(['全年执行数', '执行数'])}\t{rng.choice(['分值', ''])}\t执行率\n"
                f"年度资金总额\t{n()}\t{n()}\t{rng.choice([n(), ''])}\t{n()}%\t{n()}",
        lambda: f"支出决算为{n()}{unit()}，比年初预算{rng.choice(['增加', '减少'])}{n()}{unit()}，下降{n()}%；"
                f"比上年决算均{rng.choice(['增加', '减少'])}{n()}{unit()}，增长{n()}%。",
        # Forms read since 2026-12-04: the gap to the budget after a completion rate, the budget inside
        # the rate's phrase, previous levels with the comparison, a second 其中, 增收/减收, a lone 增/减.
        lambda: f"本年收入{n()}{unit()}，完成年初预算的{n()}%，比年初预算{rng.choice(['减少', '增加', '减收'])}{n()}{unit()}。",
        lambda: f"支出总计{n()}{unit()}，与上年相比减少{n()}{unit()}，降低{n()}%；完成年初预算{n()}%，"
                f"决算数{rng.choice(['大于', '小于', '等于'])}预算数{n()}{unit()}。",
        lambda: f"支出决算为{n()}{unit()}，完成预算{n()}{unit()}的{n()}%，较上年{rng.choice(['减', '增'])}{n()}{unit()}，"
                f"{rng.choice(['减幅', '增幅', '同比增长'])}{n()}%。",
        lambda: f"培训费{n()}{unit()}，较上年{n()}{unit()}{rng.choice(['增长', '减少'])}{rng.choice([n() + unit() + '，下降', ''])}{n()}%。",
        lambda: f"收入总数{n()}{unit()}，其中{rng.choice(_FINANCE)}{n()}{unit()}，其中：{rng.choice(_FINANCE)}{n()}{unit()}；"
                f"{rng.choice(_FINANCE)}{n()}{unit()}；支出总计{n()}{unit()}，其中{rng.choice(_FINANCE)}{n()}{unit()}。",
        lambda: f"“三公”经费预算为{n()}{unit()}，其中：公务接待费{n()}{unit()}。“三公”经费支出共计{n()}{unit()}，"
                f"较上年支出数{rng.choice(['减少', '增加'])}{n()}{unit()}，占“三公”经费的{n()}%。",
        # Forms read since the sixth session: a list printing its unit once, a letter-spaced line.
        lambda: f"{rng.choice(_FINANCE)}、{rng.choice(_FINANCE)}{rng.choice(['分别', '各', '依次'])}为"
                f"{'、'.join(n() for _ in range(rng.randint(2, 30)))}{unit()}，分别{rng.choice(['占', '比上年减少', '下降'])}"
                f"{'、'.join(n() for _ in range(rng.randint(1, 30)))}{rng.choice(['%', '万元', ''])}。",
        lambda: " ".join(f"年初预算为{n()}{unit()}，支出决算为{n()}{unit()}，完成年初预算的{n()}%。"),
        # Forms read since the eighth session: two years' amounts and their change, a share against
        # last year's in points, counts with their change, a procurement's saving, the amount first.
        lambda: f"公务接待费{rng.randint(1990, 2100)}年预算{n()}{unit()}，{rng.randint(1990, 2100)}年预算{n()}{unit()}；"
                f"{rng.choice(['对比', '', '与上年相比'])}{rng.choice(['增加', '减少'])}{n()}{unit()}；减少率{n()}%。",
        lambda: f"占一般公共预算支出的比例为{n()}%，比上年的{n()}%{rng.choice(['增加了', '下降', '提高'])}{n()}个百分点。",
        lambda: f"公务用车保有量为{n()}辆，比上年{rng.choice(['增加', '减少'])}{n()}辆，{rng.choice(['增长', '下降'])}{n()}%。",
        lambda: f"采购预算金额为{n()}{unit()}，实际采购金额为{n()}{unit()}，节约金额{n()}{unit()}，资金节约率为{n()}%。",
        lambda: f"XX局{rng.randint(1990, 2100)}年部门预算\n“三公”经费预算数为{n()}{unit()}，比上年预算减少{n()}{unit()}。"
                f"其中：因公出国（境）费{n()}{unit()}，与上年持平；公务接待费{n()}{unit()}，比上年减少{n()}{unit()}。",
        lambda: f"财政拨款支出{n()}{unit()}，年初预算为{n()}{unit()}，完成年初预算的{n()}%。其中主要项目：\n"
                f"1.{rng.choice(_FINANCE)}（类）。年初预算为{n()}{unit()}，支出决算为{n()}{unit()}，完成年初预算的{n()}%。",
        # Forms read since the ninth session: the comparison before the names, respectively changes
        # without amounts, a change after a completion, the amount first under a subject line, a list
        # of units, a subject named with its code, the disclosure naming itself.
        lambda: f"{rng.choice(['较上年', '比上年', '同比'])}收、支预算总计各{rng.choice(['增加', '减少'])}{n()}{unit()}，"
                f"{rng.choice(['增长', '下降'])}{n()}%。",
        lambda: f"与{rng.randint(1990, 2100)}年度相比，{rng.choice(_FINANCE)}收入和支出{rng.choice(['分别', '各'])}"
                f"{rng.choice(['增加', '减少'])}{n()}{unit()}和{n()}{unit()}，分别增长{n()}%和{n()}%。",
        lambda: f"“三公”经费预算为{n()}{unit()}，支出决算为{n()}{unit()}，完成预算的{n()}%，比上年{rng.choice(['减少', '增加'])}"
                f"{n()}{unit()}，{rng.choice(['下降', '增长'])}{n()}%。",
        lambda: f"{rng.choice(_NUMERALS)}.{rng.choice(_FINANCE)}（类）{rng.choice(_FINANCE)}（款）{rng.choice(_FINANCE)}（项）。\n"
                f"{rng.choice(['支出', '支出决算', '决算'])}{n()}{unit()}，年初预算为{n()}{unit()}，完成年初预算的{n()}%。",
        lambda: f"局本级、{rng.choice(_FINANCE)}站和{rng.choice(_FINANCE)}中心本年支出分别为"
                f"{'、'.join(n() for _ in range(rng.randint(1, 5)))}{unit()}，分别占本年支出合计的{n()}%和{n()}%。",
        lambda: f"{rng.choice(_FINANCE)}（{rng.choice([str(rng.randint(201, 230)), str(rng.randint(2010101, 2309999)), n()])}）"
                f"{rng.choice(['', '预算数为', '支出'])}{n()}{unit()}。",
        lambda: f"第{rng.choice(_NUMERALS)}部分 XX局{rng.randint(1990, 2100)}年度{rng.choice(['部门', '单位'])}"
                f"{rng.choice(['决算', '预算'])}{rng.choice(['情况说明', '编制范围', '公开'])}",
        # Forms read since the tenth session: the gap before the rate, a rate without its budget, both
        # sides stated alike, lists named after a total, respective shares after the amounts, points
        # with last year's level first, counts with thousands separators, a year series, averages.
        lambda: f"{rng.choice(_FINANCE)}支出决算{n()}{unit()}，较{rng.choice(['年初', '调整', ''])}预算{rng.choice(['减少', '增加'])}"
                f"{n()}{unit()}，完成{rng.choice(['年初', '调整', ''])}预算的{n()}%。",
        lambda: f"{rng.choice(['公务接待费', '公务用车购置及运行维护费', '因公出国（境）费'])}支出{n()}{unit()}，完成预算{n()}%。",
        lambda: f"{rng.randint(1990, 2100)}年收入预算{n()}{unit()}，支出预算{n()}{unit()}，与上年预算相比，收、支预算总计各"
                f"{rng.choice(['增加', '减少'])}{n()}{unit()}，{rng.choice(['增长', '下降'])}{n()}%。",
        lambda: f"财政拨款收支预算{n()}{unit()}。{rng.choice(['其中：', ''])}收入包括：{rng.choice(_FINANCE)}{n()}{unit()}"
                f"{rng.choice(['；', '，'])}支出包括：{rng.choice(_FINANCE)}{n()}{unit()}。本年支出中：\n1.{rng.choice(_FINANCE)}{n()}{unit()}。",
        lambda: f"其中：基本支出{n()}{unit()}，项目支出{n()}{unit()}，分别占{rng.choice(_FINANCE)}的{n()}%{rng.choice(['和', '、'])}{n()}%。",
        lambda: f"{rng.choice(_FINANCE)}所占比重由上年的{n()}%{rng.choice(['提高到', '降低至'])}{n()}%，"
                f"{rng.choice(['提高', '降低'])}{n()}个百分点。",
        lambda: f"受理案件{rng.randint(0, 10**rng.randint(1, 12)):,}件，比上年{rng.choice(['增加', '减少'])}"
                f"{rng.randint(0, 10**rng.randint(1, 12)):,}件，{rng.choice(['增长', '下降'])}{n()}%。",
        lambda: f"{rng.randint(1990, 2100)}年、{rng.randint(1990, 2100)}年{rng.choice(_FINANCE)}分别为"
                f"{n()}{unit()}、{n()}{unit()}，人均{rng.choice(_FINANCE)}{n()}{unit()}，平均每辆车运行维护费{n()}{unit()}。",
        lambda: f"{rng.choice(['表', '附表'])}{rng.choice(_NUMERALS)}{rng.choice(['：', ' '])}XX局{rng.randint(1990, 2100)}年"
                f"{rng.choice(_FINANCE)}情况表\n单位：万元\n科目编码    科目名称    合计    基本支出    项目支出\n"
                f"            合计    {n()}    {n()}    {n()}\n201    一般公共服务支出    {n()}    {n()}    {n()}",
        # Forms read since the eleventh session: last year's amount inside 与…相比, a budget figure with
        # 预算为, an amount and its restatement in brackets, a negation in a phrase, a 项 named alone,
        # a table broken over a page under its header or 续表, a name wrapped below its amounts.
        lambda: f"{rng.choice(_FINANCE)}{n()}{unit()}，{rng.choice(['与', '和'])}{rng.randint(1990, 2100)}年度"
                f"{rng.choice(['决算数', '预算数', ''])}{n()}{unit()}{rng.choice(['相比，', '相比', '比较，'])}"
                f"{rng.choice(['增加', '减少'])}{n()}{unit()}，{rng.choice(['增长', '下降'])}{n()}%。",
        lambda: f"{rng.choice(['', '。'])}与{rng.randint(1990, 2100)}年度决算数{n()}{unit()}相比，{rng.choice(['增加', '减少'])}"
                f"{n()}{unit()}，{rng.choice(['增长', '下降'])}{n()}%。",
        lambda: f"{rng.choice(_FINANCE)}（项）：{rng.randint(1990, 2100)}年预算数为{n()}{unit()}，比{rng.randint(1990, 2100)}年"
                f"预算数{rng.choice([n() + unit(), ''])}{rng.choice(['增加', '减少'])}{n()}{unit()}，{rng.choice(['增长', '下降'])}{n()}%。",
        lambda: f"{rng.choice(_FINANCE)}{n()}{unit()}（{rng.choice(['', '约', '含'])}{n()}{unit()}）。年末{rng.choice(['无', '未'])}结转和结余。",
        lambda: f"{rng.choice(_FINANCE)}表\n单位：万元\n类\t款\t项\t栏次\t1\t2\t3\n合计\t\t\t\t{n()}\t{n()}\t\n"
                f"2080505\t\t\t机关事业单位基本养老保\t{n()}\t{n()}\t\n\t\t\t险缴费支出\n\n- {rng.randint(1, 99)} -\n"
                + rng.choice(["续表", "类\t款\t项\t栏次\t1\t2\t3", "单位：万元"]) + f"\n2210201\t\t\t住房公积金\t{n()}\t{n()}\t",
        # Forms read since the eighteenth session: a list of uses, then a bare 其中 or one ending a line with an item a
        # line; a balance then an unamounted use; a respectively list after a classification; a share after an amount's
        # breakdown in brackets; a completion rate after a share; names before their count; last year's budget in brackets.
        lambda: f"{rng.choice(['具体包括', '主要用于', '按支出功能分类'])}：{rng.choice(_FINANCE)}{n()}{unit()}。"
                f"{rng.choice(['其中：', '其中：' + chr(10)])}{rng.choice(_FINANCE)}{n()}{unit()}{rng.choice(['；', '，', '。', ''])}\n"
                f"{rng.choice(_FINANCE)}{n()}{unit()}，占{n()}%{rng.choice(['；', '。'])}",
        lambda: f"{rng.choice(_FINANCE)}{n()}{unit()}，年末结转{n()}{unit()}，全部用于{rng.choice(_FINANCE)}，其中："
                f"{rng.choice(_FINANCE)}{n()}{unit()}，{rng.choice(_FINANCE)}{n()}{unit()}。",
        lambda: f"按支出功能分类，{rng.choice(_FINANCE)}、{rng.choice(_FINANCE)}分别为{n()}{unit()}和{n()}{unit()}。",
        lambda: f"{rng.choice(_FINANCE)}{n()}{unit()}（其中：{rng.choice(_FINANCE)}{n()}{unit()}，{rng.choice(_FINANCE)}"
                f"{n()}{unit()}），占{rng.choice(_FINANCE)}的{n()}%；{rng.choice(_FINANCE)}{n()}{unit()}，占{n()}%。",
        lambda: f"{rng.choice(_FINANCE)}（项）{rng.choice(['：年初预算为' + n() + unit() + '，支出决算为', ''])}{n()}{unit()}，"
                f"占{n()}%，{rng.choice(['', '年初预算为' + n() + unit() + '，'])}完成年初预算的{n()}%。",
        lambda: f"内设{'、'.join(rng.choice(_FINANCE) + '科' for _ in range(rng.randint(1, 5)))}{rng.choice(_NUMERALS)}"
                f"{rng.choice(['个', '家', '所'])}{rng.choice(_FINANCE)}。所属单位{n()}家。所属单位分别是：{rng.choice(_FINANCE)}、{rng.choice(_FINANCE)}。",
        lambda: f"{rng.randint(1990, 2100)}年收支总预算为{rng.randint(1990, 2100)}年预算（{n()}{unit()}）的{n()}%。\n"
                f"其中，{rng.choice(_FINANCE)}{n()}{unit()}，占{n()}%；{rng.choice(_FINANCE)}{n()}{unit()}，占{n()}%。",
        lambda: f"项目\t{rng.randint(1990, 2100)}年执行数\t{rng.randint(1990, 2100)}年预算数\n合计\t{n()}\t{n()}\n"
                f"因公出国（境）费\t{n()}\t{n()}\n公务接待费\t{n()}\t{n()}\n公务用车购置及运行维护费\t{n()}\t{n()}\n"
                f"其中：公务用车购置费\t{n()}\t{n()}\n公务用车运行维护费\t{n()}\t{n()}",
        # Forms read since the nineteenth session: last year's level before the change, bare parts under a whole's
        # change, amounts then their changes in order, a change against a year before last, a negative change, a
        # breakdown by unit, a part's breakdown after 主要是, a source in a bracket of what an amount includes.
        lambda: f"{rng.choice(_FINANCE)}比{rng.randint(1990, 2100)}年预算{n()}{unit()}{rng.choice(['增加', '减少'])}{n()}{unit()}"
                f"{rng.choice(['，增长' + n() + '%', ''])}。",
        lambda: f"与{rng.randint(1990, 2100)}年度相比，{rng.choice(_FINANCE)}{rng.choice(['减少', '增加'])}{n()}{unit()}，下降{n()}%。"
                f"其中：{rng.choice(_FINANCE)}减少{n()}{unit()}；{rng.choice(_FINANCE)}{rng.choice(['增加', '减少'])}{n()}{unit()}"
                f"{rng.choice(['，下降' + n() + '%', ''])}。",
        lambda: f"{rng.choice(_FINANCE)}{n()}{unit()}，{rng.choice(_FINANCE)}{n()}{unit()}，与上年相比各{rng.choice(['增加', '减少'])}"
                f"{n()}{unit()}、{n()}{unit()}，{rng.choice(['增长', '下降'])}{n()}%、{n()}%。其中：{rng.choice(_FINANCE)}{n()}{unit()}。",
        lambda: f"{rng.choice(_FINANCE)}、{rng.choice(_FINANCE)}各{rng.choice(['增加', '减少'])}{n()}{unit()}、{n()}{unit()}。",
        lambda: f"{rng.choice(_FINANCE)}{n()}{unit()}，比{rng.randint(1990, 2100)}年度减少{n()}{unit()}；"
                f"比{rng.randint(1990, 2100)}年度{rng.choice(['增加', '减少'])}-{n()}{unit()}，增长-{n()}%。",
        lambda: f"按单位分，{rng.choice(_FINANCE)}{n()}{unit()}，{rng.randint(0, 9)}所{rng.choice(_FINANCE)}合计{n()}{unit()}。其中：\n"
                f"{rng.choice(_FINANCE)}{n()}{unit()}（{n()}{unit()}），占{rng.choice(_FINANCE)}{n()}{unit()}的{n()}%。",
        lambda: f"收入预算{n()}{unit()}。其中：{rng.choice(_FINANCE)}{n()}{unit()}；其他收入{n()}{unit()}，主要是{rng.choice(_FINANCE)}"
                f"{n()}{unit()}和{rng.choice(_FINANCE)}{n()}{unit()}。基本支出{n()}{unit()}（含{rng.choice(_FINANCE)}{n()}{unit()}、"
                f"事业收入{n()}{unit()}），其中：用于基本支出{n()}{unit()}。",
        # Forms read since the twentieth session: a list after "，分别为：" (after a part of a 其中 list too), parts named
        # with their counts, counts after "。其中", names after an organisation's 设, a component "与上年持平", the
        # template's "X年度“三公”经费支出决算数大于预算数", a malformed count, a whole named "X支出中".
        lambda: f"{rng.choice(_FINANCE)}{n()}{unit()}，其中：{rng.choice(_FINANCE)}{n()}{unit()}；{rng.choice(_FINANCE)}{n()}{unit()}，"
                f"共{rng.randint(0, 9)}个项目，分别为：{rng.choice(_FINANCE)}{n()}{unit()}、{rng.choice(_FINANCE)}{n()}{unit()}。",
        lambda: f"涉及预算金额{n()}{unit()}，其中：{rng.choice(_FINANCE)}项目{rng.randint(0, 9)}个，金额{n()}{unit()}；"
                f"{rng.choice(_FINANCE)}项目{rng.randint(0, 9)}个，金额{n()}{unit()}。",
        lambda: f"预算单位共{rng.randint(0, 99)}个。其中行政单位{rng.randint(0, 9)}个，事业单位{rng.randint(0, 99)}个。"
                f"区政协设{'、'.join(rng.choice(_FINANCE) + '委员会' for _ in range(rng.randint(1, 5)))}{rng.randint(0, 9)}个专门委员会。",
        lambda: f"{rng.randint(1990, 2100)}年度“三公”经费支出决算数比{rng.randint(1990, 2100)}年度减少{n()}{unit()}，其中："
                f"因公出国（境）费与上年持平；公务接待费减少{n()}{unit()}。{rng.randint(1990, 2100)}年度“三公”经费支出决算数"
                f"{rng.choice(['大于', '小于'])}预算数的主要原因是{rng.choice(_FINANCE)}。参保人数{n()}万人，车辆{n()}辆。",
        lambda: f"财政拨款支出中，基本支出{n()}{unit()}。基本支出中，人员经费{n()}{unit()}，占基本支出的{n()}%；"
                f"资产总额{n()}{unit()}，其中：固定资产原值{n()}{unit()}、净值{n()}{unit()}。",
        # Forms read since the twenty-first session: a list closed by "以上合计", an aside of last year's figures, both
        # years' levels after a completion rate, "收入中：", a count list in brackets, another unit's same total.
        lambda: f"{rng.choice(_FINANCE)}{n()}{unit()}，主要用于：\n（1）{rng.choice(_FINANCE)}{n()}{unit()}；\n"
                f"（2）{rng.choice(_FINANCE)}{n()}{unit()}。\n{rng.choice(['以上合计', '合计', '上述项目合计'])}{n()}{unit()}。",
        lambda: f"人员经费{n()}{unit()}，占基本支出的{n()}%（上年基本支出{n()}{unit()}，其中人员经费{n()}{unit()}，占{n()}%）。"
                f"{rng.choice(_FINANCE)}{n()}{unit()}，完成预算的{n()}%，比上年{n()}{unit()}{rng.choice(['增加', '减少'])}"
                f"{n()}{unit()}，同比{rng.choice(['增长', '下降'])}{n()}%。",
        lambda: f"医疗收入{n()}{unit()}。医疗收入中：门急诊收入{n()}{unit()}，占医疗收入的{n()}%；住院收入{n()}{unit()}。"
                f"项目{rng.randint(0, 99)}个（其中，{rng.choice(_FINANCE)}{rng.randint(0, 99)}个；{rng.choice(_FINANCE)}"
                f"{rng.randint(0, 99)}个）。厅机关本年收入{n()}{unit()}，其中财政拨款收入{n()}{unit()}；所属事业单位本年收入{n()}{unit()}。",
        lambda: f"公务用车运行维护费{n()}{unit()}，主要用于{n()}辆公务用车，平均每辆车运行维护费{n()}{unit()}。公用经费{n()}{unit()}。"
                f"按在职人员{n()}人计算，人均公用经费{n()}{unit()}；车均运行维护费{n()}{unit()}。",
        lambda: f"表{rng.randint(0, 9)}  {rng.choice(_FINANCE)}变化情况\n单位：万元\n项    目{rng.choice(['  ', chr(9)])}"
                f"{rng.randint(1990, 2100)}年  {rng.randint(1990, 2100)}年{rng.choice(['  ', chr(9)])}增减额  增减率\n"
                + "\n".join(f"{rng.choice(_FINANCE)}  {n()}  {n()}  {n()}  {n()}{rng.choice(['%', ''])}"
                             for _ in range(rng.randint(1, 6))),
        # the twenty-second session's forms: reasons as changes, year-first pairs, averages per student and per month,
        # counts restated before 中, a 其中 of 城市 and 农村, a balance by the kind of spending, nested subject lines
        lambda: f"{rng.choice(_FINANCE)}{n()}{unit()}，比上年{rng.choice(['增加', '减少'])}{n()}{unit()}。主要原因是："
                f"一是{rng.choice(_FINANCE)}{rng.choice(['增加', '减少'])}{n()}{unit()}；二是{rng.choice(_FINANCE)}"
                f"{rng.choice(['增加', '减少'])}{n()}{unit()}。{rng.randint(1990, 2100)}年{rng.choice(_FINANCE)}预算{n()}{unit()}，"
                f"{rng.choice(['上年', str(rng.randint(1990, 2100)) + '年'])}预算{n()}{unit()}，{rng.choice(['增加', '减少'])}{n()}{unit()}。",
        lambda: f"在校学生{n()}人，生均公用经费{n()}{unit()}；城市低保对象{n()}人，月人均补差{n()}元。事业编制人员{n()}人；"
                f"事业编制人员中，专任教师{n()}人，管理人员{n()}人。资金{n()}{unit()}，其中：城市{n()}{unit()}，农村{n()}{unit()}。"
                f"年末结转和结余{n()}{unit()}（其中：基本支出结转{n()}{unit()}，项目支出结转和结余{n()}{unit()}）。",
        lambda: f"（一）{rng.choice(_FINANCE)}（类）\n1.{rng.choice(_FINANCE)}（款）\n（1）行政运行（项）：{rng.randint(1990, 2100)}年预算数为"
                f"{n()}{unit()}，主要用于：{rng.choice(_FINANCE)}{n()}{unit()}。\n①{rng.choice(_FINANCE)}（项）。年初预算为{n()}{unit()}，"
                f"支出决算为{n()}{unit()}，完成年初预算的{n()}%。内设{rng.choice(_FINANCE)}、{rng.choice(_FINANCE)}共{rng.randint(0, 9)}个科室；"
                f"普通高中{rng.randint(0, 9)}所（{rng.choice(_FINANCE)}、{rng.choice(_FINANCE)}）。主要原因是：主要原因是：{rng.choice(_FINANCE)}。",
    ]
    lines = [rng.choice(templates)() for _ in range(rng.randint(1, 12))]
    return "\n".join(lines).encode("utf-8")


def sangong_table(rng: random.Random) -> bytes:
    """A 三公 table in one of its printed layouts (a row per quantity, with two years and their change or not,
    per block or per year), a unit-coded 收入表 and the national layout's title lines, with extreme numbers
    and stray cells."""
    n = lambda: rng.choice([_number(rng), "", "-", "—"])  # noqa: E731
    separator = rng.choice(["\t", "  ", " | "])
    quantities = ["合计", "1.因公出国（境）费", "2.公务用车购置及运行维护费", "（1）公务用车购置费", "（2）公务用车运行维护费",
                  "3.公务接待费"]
    lines = [f"{rng.randint(1990, 2100)}年度一般公共预算财政拨款“三公”经费支出{rng.choice(['决算', '预算'])}表",
             rng.choice(["公开07表      单位：万元", "部门：某局        金额单位：元", "单位：万元", "— 5 —"])]
    layout = rng.choice(["items", "changes", "blocks", "years", "units"])
    if layout == "items":
        lines.append(separator.join(rng.choice([["项目", "预算数", "决算数"], ["项目", "年初预算数", "全年预算数", "决算数"]])
                                    [:rng.randint(1, 4)]))
        lines += [separator.join([q, n(), n()][:rng.randint(1, 4)]) for q in rng.sample(quantities, rng.randint(1, 6))]
    elif layout == "changes":  # two years and their change after them, a row per quantity
        lines.append(separator.join(["项目", f"{rng.randint(1990, 2100)}年决算数", f"{rng.randint(1990, 2100)}年决算数", "增减额",
                                     "增减率（%）"][:rng.randint(2, 5)]))
        lines += [separator.join([q, n(), n(), n(), n()][:rng.randint(1, 5)]) for q in rng.sample(quantities, rng.randint(1, 6))]
    elif layout in ("blocks", "years"):
        lines += [separator.join(["项目", "合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"]),
                  separator.join(["", "", "", "小计", "公务用车购置费", "公务用车运行费", ""])]
        labels = (["预算数", "决算数", "年初预算数", "增减额"] if layout == "blocks"
                  else [f"{rng.randint(1990, 2100)}年预算数" for _ in range(3)] + ["增减额"])
        lines += [separator.join([rng.choice(labels)] + [n() for _ in range(rng.randint(1, 8))]) for _ in range(rng.randint(1, 4))]
    else:
        lines[0] = "某厅2025年部门收入总表"
        lines.append(separator.join(["单位编码", "单位名称", "合计", "上年结转", "一般公共预算拨款收入"]))
        lines += [separator.join([str(rng.randint(0, 10**rng.randint(1, 12))), rng.choice(_FINANCE), n(), n(), n()])
                  for _ in range(rng.randint(1, 12))]
    return "\n".join(lines).encode(rng.choice(["utf-8", "gb18030"]))


def table_text(rng: random.Random) -> bytes:
    """A disclosure table: title, 栏次 line, rows of codes or 行次 and values, identity notes."""
    separator = rng.choice(["\t", " ", "  ", "\t\t"])
    columns = rng.randint(1, 8)
    title = rng.choice(["收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表",
                        "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款基本支出决算表", "“三公”经费支出决算表"])
    # (a title numbered in brackets, or repeated a cell a column before its form's number, as a pasted sheet prints it)
    lines = [rng.choice([f"{rng.randint(2000, 2100)}年度{title}（表{rng.randint(1, 12)}）",
                         "\t".join([title] * rng.randint(1, 5) + [f"公开{rng.randint(1, 12):02d}表"])]), "单位：万元",
             separator.join(["项目", "行次" if rng.random() < 0.5 else "科目名称"]
                            + [rng.choice([f"本年{rng.choice(_FINANCE)}", "年初预算数", "全年预算数", "决算数", "资金来源"])
                               for _ in range(columns)]),
             separator.join(["类", "款", "项", "栏次"] + [str(i + 1) for i in range(columns)])]
    for row in range(rng.randint(1, 30)):
        code = rng.choice([str(rng.randint(201, 230)), str(rng.randint(20101, 23099)),
                           str(rng.randint(2010101, 2309999)), str(row + 1), "", "合计", "总计"])
        cells = [code, rng.choice(_FINANCE)] + [rng.choice([_number(rng), "", "-"]) for _ in range(columns)]
        lines.append(separator.join(cells))
    if rng.random() < 0.2:  # a Markdown pipe table, its delimiter row under the header
        rows = [f"| {' | '.join(line.split(separator))} |" for line in lines[2:]]
        lines[2:] = rows[:1] + ["|" + "---|" * (columns + 2)] + rows[1:]
    if rng.random() < 0.5:
        a, b = rng.randint(1, 40), rng.randint(1, 40)
        lines.append(f"注：{a}行=（{b}+{b + 1}+…+{rng.choice([b + 5, b + 500, 10**rng.randint(1, 9)])}）行；"
                     f"{a}栏={b}+{b + 1}栏。")
    return "\n".join(lines).encode(rng.choice(["utf-8", "gb18030"]))


def aligned_table(rng: random.Random) -> bytes:
    """A table laid out with spaces as ``pdftotext -layout`` prints one, without a 栏次 line: amounts
    right-aligned (padded by characters or by display width), empty cells blank or a dash, names of
    any length, rows cut short or run long."""
    titles = ["合计", "基本支出", "项目支出", "小计", "人员经费", "公用经费", "上缴上级支出"][:rng.randint(1, 7)]
    wide = rng.random() < 0.5
    width = (lambda text: sum(2 if "\u4e00" <= c <= "\u9fff" else 1 for c in text)) if wide else len  # noqa: E731
    lines = [f"{rng.randint(1990, 2100)}年{rng.choice(['一般公共预算支出表', '部门支出总表', '部门收入总表'])}",
             rng.choice(["单位：万元", "部门（单位）：某镇    单位：万元", ""]),
             "科目编码   科目名称" + " " * rng.randint(1, 30) + "  ".join(titles)]
    for _ in range(rng.randint(1, 25)):
        code = rng.choice(["", str(rng.randint(201, 230)), str(rng.randint(20101, 23099)), str(rng.randint(2010101, 2309999))])
        name = rng.choice(_FINANCE + ["合计", "行政运行", "一般行政管理事务"]) * rng.randint(1, 2)
        line = code.ljust(rng.choice([8, 11])) + name
        line += " " * max(1, 40 - width(line))
        for _ in range(rng.randint(0, len(titles) + 1)):
            line += rng.choice([_number(rng), "", "-", "—"]).rjust(rng.choice([10, 12, 13]))
        lines.append(line)
    return "\n".join(lines).encode(rng.choice(["utf-8", "gb18030"]))


def document_layout(rng: random.Random) -> bytes:
    """A whole disclosure's layout: a 目录, part headings, tables titled and numbered in their many ways
    (a number on a line of its own, "（公开05表）", none), unit lines naming the department and year, headers
    of cells parted by tabs or spaces with or without a 栏次 line, blank columns, and numbered "（一）" items."""
    gap = rng.choice(["\t", "    ", "\u3000\u3000", " | "])
    titles = ["收入支出决算总表", "一般公共预算财政拨款支出决算表", "政府性基金预算财政拨款收入支出决算表", "项目支出表",
              "一般公共预算财政拨款基本支出决算表", "部门收支总表"]
    lines = ["目录"] + [f"{_CHINESE[i % len(_CHINESE)]}、{rng.choice(titles)}" for i in range(rng.randint(0, 6))]
    for index in range(rng.randint(1, 4)):
        title, number = rng.choice(titles), rng.randint(1, 12)
        lines += rng.choice([[f"表{number}", title], [f"{title}（公开{number:02d}表）"], [title], [f"{title}（附表{number}）"],
                             [f"部门公开表{number:02d}", title], [title, f"财决公开{number:02d}表"]])
        if rng.random() < 0.7:
            lines.append(rng.choice(["单位：万元", f"编制单位：某局{gap}{rng.randint(1990, 2100)}年度{gap}单位：元", "金额单位：元"]))
        columns = rng.randint(1, 7)
        lines.append(gap.join(rng.choice([[], ["序号"]]) + ["科目编码", rng.choice(["科目名称", "项目名称", "项目"])]
                              + rng.sample(["年初结转和结余", "本年收入", "本年支出", "小计", "基本支出", "项目支出", "增减额",
                                            "增减率（%）", "2024年预算数", "金额"], columns)))
        if rng.random() < 0.5:
            lines.append(gap.join(["栏次", ""] + [str(c + 1) for c in range(columns)]))
        for _ in range(rng.randint(0, 12)):
            code = rng.choice(["", "合计", str(rng.randint(201, 230)), str(rng.randint(2010101, 2309999)), "30207"])
            lines.append(gap.join([code, rng.choice(_FINANCE)] + [rng.choice([_number(rng), "", "32160"]) for _ in range(columns)]))
        lines.append(f"{_CHINESE[index % len(_CHINESE)]}、情况说明")
        for item in range(rng.randint(0, 5)):
            label = _CHINESE[rng.choice([item, item + 1, item + 2]) % len(_CHINESE)]
            lines.append(rng.choice([f"（{label}）{rng.choice(_FINANCE)}{_number(rng)}万元。",
                                     f"（{label}）{rng.choice(_FINANCE)}情况", f"。（{label}）"]))
    return "\n".join(lines).encode(rng.choice(["utf-8", "gb18030"]))


_CHINESE = "一二三四五六七八九十"


GENERATORS = {
    "unicode": random_unicode,
    "bytes": byte_soup,
    "example": mutated_example,
    "formulaic": formulaic,
    "table": table_text,
    "sangong": sangong_table,
    "document": document_layout,
    "aligned": aligned_table,
}


def lint_bytes(data: bytes, name: str = "fuzz.txt", contain: bool = False) -> tuple[str, list[Finding]] | None:
    """Read → normalise → extract → every rule (style rules too) on ``data``: the decoded text and
    its findings, or None when the input is refused as unreadable (a clean :class:`InputError`)."""
    try:
        source = decode_bytes(data, name)
    except InputError:
        return None
    settings = _all_rules_settings()
    return source.text, lint_source(source, _rules(), settings, contain=contain)


@lru_cache(maxsize=None)
def _all_rules_settings() -> Settings:
    return Settings(style=True)


@lru_cache(maxsize=None)
def _rules():
    return instantiate_rules(_all_rules_settings())


def check_invariants(text: str, findings: list[Finding]) -> None:
    """Raise :class:`AssertionError` unless every finding lies inside the file and every output
    format renders to encodable text."""
    lines = text.count("\n") + text.count("\r") - text.count("\r\n") + 1
    for f in findings:
        span = f.span
        assert 0 <= span.start_offset <= span.end_offset <= len(text), (f.code, span)
        assert span.quote == text[span.start_offset:span.end_offset], f.code
        for position in (span.start, span.end):
            assert 1 <= position.line <= lines and position.column >= 1, (f.code, position)
    for render in FORMATTERS.values():
        render(findings, [], 1).encode("utf-8")


def fingerprint(findings: list[Finding]) -> list[dict]:
    """What must be identical across runs: every finding as plain data."""
    return [f.to_dict() for f in findings]
