"""LNG002 duplicated-character."""

from __future__ import annotations

import math

import regex

from linter.check.finding import Fix, Severity
from linter.check.rule import Rule
from linter.i18n import _
from linter.language import lexicon as lex
from linter.language.spans import adjacent_in_source
from linter.language.script import in_traditional_run
from linter.language.typos import COMMON_WORD_FREQUENCY, FUNCTION_CHARACTERS, segment, stray_character, typo_finder
from linter.patterns import compile_re

#: A character twice (``re`` is several times faster than ``regex`` here).
_DOUBLED = compile_re(f"({lex.HAN})\\1")
#: A number's magnitudes and unit, and its measure words.
_MAGNITUDES = frozenset("万亿元")
_MEASURES = frozenset("个家人名辆项次所台套件座户间张条处吨亩批")
#: Chinese digits, which name a unit's number digit by digit ("一一九地质大队": the 119th).
_DIGIT_CHARACTERS = frozenset("〇零一二三四五六七八九")
#: What follows 年 in a word naming a part of the year (年中, 年初, 年末, 年底, 年度, 年内, 年终).
_PARTS_OF_A_YEAR = frozenset("中初末底度内终")
#: Measure words doubled to say "every one" ("件件有落实", "项项落实到位", "桩桩件件"), and what follows them so.
_EACH = frozenset("件项桩条笔户村处家样")
#: Characters before 约 or 近 that make a word of it (节约, 制约, 接近, 最近): the copy after them is "about" a number.
_ENDS_BEFORE_ABOUT = frozenset("节制契简接最将附")
_AFTER_EACH = frozenset("有都要必皆见落抓")
#: What 本 stands before for "this" one ("本部门", "本单位", "本级", "本年度").
_THIS_ONES = compile_re(r"部门|单位|级|年")
#: The characters before 没 that make a word of it (埋没, 淹没, 出没): the 没 after them may begin 没有.
_SINKS = frozenset("埋淹出吞沉湮隐覆辱泯")
#: Particles that follow a word ending in them ("以营利为目的的公益", "采购标的的金额").
_PARTICLES = frozenset("的地得之")
_EACH_PAIR = compile_re(r"(\w)\1(\w)\2")
#: The last characters of a river's, a lake's, a road's name… before a word beginning with them
#: ("玉龙喀什河河道", "中山路路面改造").
_PLACES = set("河江湖山路街溪渠沟港桥岛")
#: Administrative levels, written alone for their government ("市市场监管局" = 市 + 市场监管局),
#: offices before their head's title ("规划科科长", "财务处处长") and the ends of places' names.
_OFFICES = set("局处科所站队院部厅")
_LEVELS = set("省市区县镇乡村州盟旗") | _OFFICES | _PLACES
#: The end of an award's name before a word beginning with it ("市科学技术奖奖金", "科技创新大赛奖奖励"), and how long the
#: words before it are at least (not a verb: "发放奖奖金" is a slip).
_AWARD_END = "奖"
_AWARD_NAME = 3


def _award_named(finder, match) -> bool:
    """Whether the first copy ends an award's name, the words before it long ones ("科学技术" + 奖, then 奖金)."""
    left, right = finder.token_at(match.start() - 1, (0, 0))
    return match.group(1) == _AWARD_END and right == match.start() and right - left >= _AWARD_NAME


#: A transliterated name's part before or after its middle dot (Uyghur, Kazakh: "麦麦提·吐尔逊").
_TRANSLITERATED = compile_re(f"{lex.HAN}{{2,8}}[·•・]{lex.HAN}")
_TRANSLITERATED_AFTER = compile_re(f"{lex.HAN}[·•・]{lex.HAN}{{0,6}}$")
#: How much likelier (jieba's word model) the text must read without the second character.
_LIKELIER = math.log(50)
#: Much likelier when both copies read in words.
_OVERLAP_LIKELIER = math.log(1500)
#: Below this count (jieba's), a word one copy reads in is the segmenter's reading of a slip when it is a
#: common word without that copy ("管理制制度": 管理制 8, 管理 common); "公路路网" (路网 39) is two words.
_OVERLAP_WORD_FREQUENCY = 20


class DuplicatedCharacter(Rule):
    """A character typed twice ("各各增加").

    Inside words as well as between them ("支支出", "万元元"): a doubled character is reported
    when the segmenter leaves one copy out of every word (or, for a pair that is a word such as
    单单, the character after it), the copies touch in the file or stand either side of the
    break of a wrapped line of prose (two table cells "无 无" do not)
    and the sentence reads far likelier with one of them (jieba's word model). Reduplicated
    words (人人, 常常, 看看) and overlaps of two words ("申报报批", "湖北省省级") place both
    copies in words and are left alone, unless the sentence reads very much likelier with one
    copy ("进行政政务") and the two words do not spell out a word they share the character in
    ("公路路网" = 公路 + 路网, for 公路网). An administrative level, an office or the end of a
    place's name before a word beginning with it ("市市场监管局", "规划科科长", "喀什河河道") is no
    slip (but 各 and 没 are never doubled: "各各增加", "也没没有", nor 本 before 部门, 单位, 级 or 年: "纳入本本部门"), nor is an award's name after long words ("市科学技术奖奖金"), nor is a conjunction before such a word ("管护和和美乡村建设"), nor is a name written with the middle dot ("麦麦提·吐尔逊"), nor a copy that may end or begin a
    word the segmenter does not know ("水族族源", "卯节节日"); a copy it reads into a rare word that is a
    common one without it is a slip ("管理制制度" = 管理制 + 制度), and so is a copy inside a set phrase of
    the lexicon, whatever words it makes ("一般般性支出", "过紧紧日子"), and so is a number's magnitude or unit typed twice
    ("96.80万万元") or its measure word before the clause ends ("527家家。"). A character typed three times
    where two words meet ("在职职职工" for 在职 + 职工) is a slip too. Deleting the second copy is a
    safe fix. A document written in traditional characters throughout is read in its simplified
    form (LNG005 reports the script once).

    **Anti-pattern**

        与2021年度相比，财政拨款收、支总计各各增加144.11万元。

    **Best practice**

        与2021年度相比，财政拨款收、支总计各增加144.11万元。
    """

    code = "LNG002"
    name = "duplicated-character"
    severity = Severity.WARNING
    fixable = True

    def check(self, document, context):
        text, written = document.flow.text, document.written_flow.text
        finder = loose = None
        for match in _DOUBLED.finditer(text):
            if in_traditional_run(document, match.start(), match.end()):
                continue  # "專業業務" (专业业务) in a pasted run of traditional characters: LNG005's, read once converted
            second = match.start() + 1
            if text[match.start() - 1:match.start()] == match.group(1) or text[second + 1:second + 2] == match.group(1):
                if _tripled_between_words(text, match.start()) and adjacent_in_source(document, second + 1, second + 1):
                    origin = document.flow.source_span(second + 1, second + 2)[0]
                    yield self.finding(
                        document, document.span(match.start() - 1, match.start() + 4),
                        _("“{character}” typed three times: “{found}” for “{meant}”", character=written[second],
                          found=written[match.start() - 1:match.start() + 4],
                          meant=written[match.start() - 1:match.start() + 2] + written[match.start() + 3]),
                        expected=written[second], fix=Fix(origin, origin + 1, ""),
                    )
                continue  # exactly two: a longer run is a pattern of its own, not a slip
            if not adjacent_in_source(document, second, second, wrapped=True):
                continue
            if match.group(1) == "年" and text[match.start() - 1:match.start()].isdigit() and text[second + 1:second + 2] in _PARTS_OF_A_YEAR:
                continue  # a year, then a word of its parts ("2024年年中追加预算", "2023年年初结转")
            if text[match.start() - 1:match.start()].isdigit() and (match.group(1) in _MAGNITUDES or (
                    match.group(1) in _MEASURES and not lex.is_han(text[second + 1:second + 2]))):
                # A number's magnitude or unit typed twice ("96.80万万元"), or its measure word before the clause ends
                # ("在孵企业达到527家家。"; not "12家家政企业")
                yield self._finding(document, written, match)
                continue
            if match.group(1) == "某":
                continue  # a template's placeholder ("某某县水利局")
            if match.group(1) == "本" and _THIS_ONES.match(text, second + 1) \
                    and not lex.is_word(text[match.start() - 1:match.start() + 1]):
                yield self._finding(document, written, match)  # "纳入本本部门": 本本 is a word, but not before 部门 (成本本年 is)
                continue
            if match.group(1) == "各" or (match.group(1) == "没" and text[match.start() - 1:match.start()] not in _SINKS):
                yield self._finding(document, written, match)  # "各各级国家机关": 各 is never doubled, nor 没 ("也没没有")
                continue
            if match.group(1) in "约近" and text[match.start() - 1:match.start()] in _ENDS_BEFORE_ABOUT \
                    and text[second + 1:second + 2].isdigit():
                continue  # a word ending in it, then an approximate amount ("比年初预算节约约3万元", "最近近30年")
            if match.group(1) in _EACH and (text[second + 1:second + 2] in _AFTER_EACH or _EACH_PAIR.search(
                    text, max(0, match.start() - 2), min(len(text), second + 3))):
                continue  # "every one": "件件有落实", "桩桩件件", "项项落实到位"
            if _TRANSLITERATED.match(text, match.start()) \
                    or _TRANSLITERATED_AFTER.search(text, max(0, match.start() - 8), match.end()):
                continue  # a name written with the middle dot ("麦麦提·吐尔逊", "阿依古丽·买买提")
            if match.group(1) == "五" and text[match.start() - 1:match.start()] == "十":
                continue  # the 15th five-year plan ("“十五五”规划")
            if match.group(1) in _DIGIT_CHARACTERS and (text[second + 1:second + 2] in _DIGIT_CHARACTERS
                                                        or text[match.start() - 1:match.start()] in _DIGIT_CHARACTERS):
                continue  # a number written digit by digit ("一一九地质大队", "二二一厂", "一〇一一")
            if match.group(1) not in _LEVELS and _in_standard_phrase(text, match.start()):
                yield self._finding(document, written, match)  # "一般般性支出", "过紧紧日子": a set phrase, whatever the words
                continue
            finder = finder or typo_finder(text)
            if match.start() in finder.names:
                continue  # a person's name ("（记者 韩杰杰）")
            loose = finder.loose
            if match.group(1) in _PARTICLES and second in loose and _ends_a_word(finder, match.start()):
                continue  # a word ending in the particle, then the particle: "以营利为目的的公益", "采购标的的金额"
            if match.group(1) in _CONJUNCTIONS and match.start() in loose and _word_starts(finder, second):
                continue  # a conjunction before a word beginning with it: "管护和和美乡村建设", "发展和和谐"
            if _unknown_word_beside(text, match.start(), loose, finder):
                continue  # "水书书写", "卯节节日", "水族族源", "村寨寨内": a word the segmenter does not know, beside another
            if (match.start() in loose and second not in loose) or (
                    lex.is_word(match.group()) and match.end() in loose and lex.is_word(text[second:second + 2])):
                # A copy before a word that begins with it ("支支出" = 支 + 支出, "单单位" = 单单 +
                # 位, where 单位 is a word; "个个是" is the word 个个 before 是): a slip, unless the character is an administrative level standing for its
                # government ("市市场监管局", "区区级项目"), an office before its head ("规划科科长")
                # or a date's unit ("2022年年度预算").
                stray = match.group(1) not in _LEVELS and not text[match.start() - 1:match.start()].isdigit() \
                    and not _award_named(finder, match)
                # "一张网网络" = 一张网 + 网络: the document writes the words ending in the first
                # copy elsewhere too, followed by something else than the rest of this word.
                if stray and regex.fullmatch(r"\p{Han}{3}", text[max(0, match.start() - 2):second]):
                    stray = _unit_ends(text, text[match.start() - 2:second]) < 2
                likelier = _LIKELIER
                if stray and lex.is_word(text[match.start() - 1:match.start() + 1]):
                    # The loose copy also ends a word with the character before it ("港航海事事业": 海事 +
                    # 事业, read 航海/事/事业): two words overlapping, as below.
                    stray, likelier = not _strands_a_character(text, match.start() - 1, second), _OVERLAP_LIKELIER
            elif lex.is_word(match.group()) or second in loose:
                # A level after a name ending in it stands for its government ("东莞市市本级").
                # A pair that is a word ("人人") is one when both copies stand loose; not when the first
                # ends a longer word ("进一步步压减", "严格格控制").
                stray = (second in loose and not (lex.is_word(match.group()) and match.start() in loose)
                         and (match.group(1) not in _LEVELS or _common_word_ending(text, match.start())))
                likelier = _LIKELIER
                if stray and second + 1 in loose and lex.is_word(text[second:second + 2]):
                    # The second copy and the loose character after it make a word the segmenter
                    # found too rare to read ("耕地地力" = 耕地 + 地力, 力 left loose): both copies read
                    # in words. ("专用用材料费" is no such case: 材 reads in 材料费.)
                    likelier = _OVERLAP_LIKELIER
            else:
                # Both copies read in words ("进行政政务" = 进/行政/政务, "申报报批" = 申报/报批): a
                # slip only when one copy fewer reads very much likelier, and not when the two words
                # spell out a word they share the character in ("公路路网" = 公路 + 路网, for 公路网).
                stray, likelier = match.group(1) not in _LEVELS, _OVERLAP_LIKELIER
                first_word, second_word = finder.token_at(match.start(), (0, 0)), finder.token_at(second, (0, 0))
                if _rare_reading(text, first_word, match.start()) or _rare_reading(text, second_word, second):
                    # A rare word read across the copies ("管理制制度" = 管理制 + 制度, "一般性性支出" = 一般性 +
                    # 性支出): the segmenter's way out of a slip, no words a writer put side by side.
                    likelier = _LIKELIER
                elif lex.is_word(text[first_word[0]:match.start()] + text[second:second_word[1]]) \
                        or _strands_a_character(text, first_word[0], second):
                    stray = False
            if not stray or not _reads_better_once(text, match.start(), likelier):
                continue
            yield self._finding(document, written, match)

    def _finding(self, document, written: str, match):
        """The finding of the doubled character ``match`` finds, deleting its second copy as a safe fix."""
        second = match.start() + 1
        origin = document.flow.source_span(second, second + 1)[0]
        return self.finding(
            document,
            document.span(match.start(), match.end()),
            _("duplicated character “{found}”: write “{single}” once",
              found=written[match.start():match.end()], single=written[second]),
            expected=written[second],
            fix=Fix(origin, origin + 1, ""),
        )


#: The shortest and the longest set phrase of the lexicon a doubled character is looked for in, and the end of the
#: shorter ones looked for too: an expense item's name ("差旅旅费", "燃料料费"; 燃料 + 料费 both read in words).
_PHRASE_LENGTHS = range(4, 9)
_EXPENSE_END = "费"


def _in_standard_phrase(text: str, at: int) -> bool:
    """Whether the text with the second copy of the character at ``at`` left out holds a set phrase of the
    lexicon around it ("一般般性支出" → "一般性支出", "过紧紧日子" → "过紧日子"), the character inside the phrase, not
    at its start ("市市场…" is 市 + 市场…), and the text as written does not hold it there."""
    phrases = lex.lexicon()
    once = text[max(0, at - 8):at + 1] + text[at + 2:at + 10]
    join = min(at, 8)  # where the kept copy stands in ``once``
    for length in range(_PHRASE_LENGTHS.start - 1, _PHRASE_LENGTHS.stop):
        for start in range(max(0, join - length + 2), join):
            phrase = once[start:start + length]
            if len(phrase) == length and (length >= _PHRASE_LENGTHS.start or phrase[-1] == _EXPENSE_END) \
                    and phrase in phrases and phrase not in text[max(0, at - 8):at + 10]:
                return True
    return False


#: Conjunctions, which join two things before a word that may begin with the same character ("和" + "和美乡村").
_CONJUNCTIONS = frozenset("和与及或")
#: Characters that stand alone before or after a word: function characters and demonstratives ("本单单位" is a slip).
_STANDS_ALONE = FUNCTION_CHARACTERS | set("本各全该每此其")


def _word_starts(finder, at: int) -> bool:
    """Whether a word of two characters or more starts at ``at``."""
    start, end = finder.token_at(at, (0, 0))
    return start == at and end - at >= 2


def _unknown_word_beside(text: str, at: int, loose: set[int], finder) -> bool:
    """Whether the copies at ``at`` and ``at + 1`` stand where one of them may end or begin a word the segmenter
    does not know, written beside a word holding the other: the loose copy's other neighbour is loose too, and no
    function character ("卯" + 节 before 节日, 水书 before 书写; 族 + "源" after 水族). A slip leaves its neighbours
    in words ("项目支支出", "严格格控制"), or its neighbour makes a word with the other copy's ("维护护费": 维护费)."""
    first, second = at, at + 1
    if text[at] in FUNCTION_CHARACTERS:
        return False  # "用于于茶巴朗村": a function character typed twice
    if first in loose and second not in loose:
        neighbour = first - 1
        word = finder.token_at(second, (second, second + 1))
        joined = text[max(neighbour, 0):first] + text[second:word[1]]
    elif second in loose and first not in loose:
        neighbour = second + 1
        word = finder.token_at(first, (first, first + 1))
        joined = text[word[0]:first + 1] + text[neighbour:neighbour + 1]
    else:
        return False
    if not 0 <= neighbour < len(text):
        return False  # the copies at the text's start or end
    return (neighbour in loose and lex.is_han(text[neighbour]) and text[neighbour] not in _STANDS_ALONE
            and not lex.word_frequency(joined))  # jieba knows "维护费", if only as rare


def _rare_reading(text: str, word: tuple[int, int], copy: int) -> bool:
    """Whether the token ``word`` holding one copy (at ``copy``) is a rare word that is a common one
    without it ("管理制" → 管理, "性支出" → 支出; not "建立健全" → 建立健)."""
    rest = text[word[0]:copy] + text[copy + 1:word[1]]
    return len(rest) >= 2 and lex.word_frequency(text[word[0]:word[1]]) < _OVERLAP_WORD_FREQUENCY \
        and lex.word_frequency(rest) >= COMMON_WORD_FREQUENCY


def _tripled_between_words(text: str, at: int) -> bool:
    """Whether the character at ``at`` starts a run of exactly three that one copy fewer reads as two
    words meeting ("在职职职工" for 在职 + 职工); a longer run, or one no words hold, is left alone."""
    character = text[at]
    if at < 1 or text[at:at + 3] != character * 3 or text[at - 1] == character or text[at + 3:at + 4] == character:
        return False
    return lex.is_word(text[at - 1] + character) and lex.is_word(character + text[at + 3:at + 4])


def _ends_a_word(finder, at: int) -> bool:
    """Whether the character at ``at`` ends a word of two characters or more the segmenter reads ("目的")."""
    left, right = finder.token_at(at, (at, at + 1))
    return right == at + 1 and right - left > 1 and lex.is_word(finder.text[left:right])


def _common_word_ending(text: str, at: int) -> bool:
    """Whether the character at ``at`` ends a common word with the one before it, not a place's name
    ("道路路提升" = 道路 + a stray 路; "解放路路口" is a street's name), nor an office before its head's title
    ("有所所减少" = 有所 + a stray 所; "研究所所长" is the institute's head)."""
    if text[at] not in _PLACES and (text[at] not in _OFFICES or text[at + 2:at + 3] == "长"):
        return False
    return lex.word_frequency(text[at - 1:at + 1]) >= COMMON_WORD_FREQUENCY


def _strands_a_character(text: str, first_word_start: int, second: int) -> bool:
    """Whether, one copy fewer, the characters before the doubled one no longer make words: the copies
    belong to two words ("港航海事事业" = 海事 + 事业; without one, 港 stands alone: 港/航海/事业). A slip's
    words stay whole ("进行政政务" → 进行/政务)."""
    start = max(0, first_word_start - 2)
    reduced = text[start:second] + text[second + 1:second + 3]
    _, tokens = segment(reduced)
    return any(stray_character(reduced[s:e]) for s, e in tokens if e <= second - start)


def _reads_better_once(text: str, at: int, likelier: float) -> bool:
    """Whether the clause around a doubled character at ``at`` is ``likelier`` (log ratio)
    without one copy."""
    start = max(0, at - 4)
    doubled, single = text[start:at + 6], text[start:at + 1] + text[at + 2:at + 6]
    return segment(single)[0] - segment(doubled)[0] > likelier


def _unit_ends(text: str, unit: str) -> int:
    """How often ``text`` writes ``unit`` before a character that makes no word with its last
    one: "一张网" before 覆盖 ends a unit; "系统运" before 行 (运行) does not."""
    return sum(
        not lex.is_word(unit[-1] + text[m.end():m.end() + 1])
        for m in regex.finditer(regex.escape(unit), text)
    )
