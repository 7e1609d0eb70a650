"""Fast paths give what the plain code they replace gives: each is compared with the slow form
on generated texts drawn from the characters that matter to it."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from linter.rules.numbers import num002_unfilled_slot

FAST = settings(max_examples=2000, derandomize=True, deadline=None, database=None)


def _texts(*pieces: str, most: int = 40):
    """Texts of up to ``most`` of ``pieces`` (characters or short strings)."""
    return st.lists(st.sampled_from(pieces), max_size=most).map("".join)


@FAST
@given(_texts(*"万元亿占为五单位以数（(“”\" %，。：:,、12.人员经费支出\n", "万元", "亿元", "单位："))
def test_slots_are_the_slot_patterns_matches(text):
    expected = [m.span() for m in num002_unfilled_slot._SLOT.finditer(text)]
    assert [m.span() for m in num002_unfilled_slot._slots(text)] == expected


def test_a_typo_explanation_tests_numbers_printed_alike_once():
    from linter.check.arith import typo_explanation
    from linter.check.rule import Tolerances
    from linter.document import Document
    from linter.extract.numbers import Number
    from linter.read import decode_bytes

    document = Document(decode_bytes("收入合计12.5万元。\n".encode() * 50, "a.txt"))
    wrong = Number("12.6", "万元", 0, 4, 12.6, 1)
    tested = []
    meant = typo_explanation(document, wrong, lambda interval: tested.append(interval) or True, Tolerances())
    assert meant == document.numbers[0] and len(document.numbers) == 50 and len(tested) == 1


@FAST
@given(_texts("1", "13.95", "2023年", ".", ",", "%", "％", "元", "万元", "亿元", "增长", "下降", "占", "为", "，", "。", "；", " ", "A",
              most=8))
def test_a_text_said_to_hold_no_number_has_no_amount_or_percent_token(text):
    from linter.extract.tokens import may_hold_number, tokenize

    if any(t.type in ("AMOUNT", "PERCENT") for t in tokenize(text)):
        assert may_hold_number(text)


@FAST
@given(_texts(*"０１９．％（）［］＋－＝，0.%()[]+-=, 年度收入表\t"))
def test_one_for_one_translates_as_str_translate(text):
    from linter.extract.tables import _HALF_WIDTH
    from linter.normalise.flow import HALF_WIDTH

    for half_width in (HALF_WIDTH, _HALF_WIDTH):
        assert half_width(text) == text.translate(half_width.table)


@FAST
@given(_texts(*"收入决算表支出单位：万元 （表1）：，\n\t"))
def test_a_plain_title_ends_in_biao(text):
    """Table detection tries a plain title only on lines ending in 表."""
    from linter.extract import tables

    if tables._PLAIN_TITLE.match(text.strip()):
        assert text.strip().endswith("表")


def _flow_line_by_run(line: str) -> tuple[str, list[int]]:
    """The slow form of a flow line: every run of spaces looked at, one origin per character."""
    import regex

    from linter.normalise.flow import HALF_WIDTH

    text, pieces, position = HALF_WIDTH(line), [], 0
    wide = lambda char: bool(char) and (ord(char) > 0x2000 or char == "%")  # noqa: E731
    for match in regex.finditer(r"[ \u3000\u00a0]+", text):
        pieces.append((text[position:match.start()], position))
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if not (wide(before) or wide(after)):
            pieces.append((" ", match.start()))
        position = match.end()
    pieces.append((text[position:], position))
    return "".join(p for p, _ in pieces), [origin + i for p, origin in pieces for i in range(len(p))]


@FAST
@given(_texts(*"a1中%（１ \u3000\u00a0", most=12))
def test_a_flow_line_is_the_slow_form_run_by_run(text):
    from linter.normalise.flow import _add_line
    from linter.normalise.position import MappedTextBuilder

    line = text.strip()
    builder = MappedTextBuilder()
    builder.add("x", 100)  # a run before the line: the line's runs must not continue it
    _add_line(builder, line, 7)
    mapped = builder.build()
    expected_text, expected_origins = _flow_line_by_run(line)
    assert mapped.text == "x" + expected_text
    assert [mapped.origin(i) for i in range(1, len(mapped.text))] == [7 + o for o in expected_origins]


@FAST
@given(_texts(*"ab。！？!?", most=12))
def test_sentences_end_at_each_closing_mark(line):
    import regex

    from linter.extract.claims import _SENTENCE

    expected, start = [], 0
    for match in regex.finditer(r"[。！？!?]", line):
        expected.append((start, match.end()))
        start = match.end()
    if start < len(line):
        expected.append((start, len(line)))
    assert [m.span() for m in _SENTENCE.finditer(line)] == expected


@FAST
@given(_texts(*"表（）()１1 .．、年收入决算", "表", most=12))
def test_a_title_starts_or_ends_as_the_quick_test_says(text):
    """Table detection tries the title patterns only where the quick test allows."""
    from linter.extract import tables

    line = text.strip()
    normal = tables._HALF_WIDTH(line)
    if tables._TITLE.match(normal) or tables._BUDGET_TITLE.match(normal):
        assert tables._may_be_title(line)


@FAST
@given(_texts(*"1１.．,，a", most=8))
def test_decimals_of_any_width_are_the_decimals_made_half_width(text):
    from linter.extract import tables

    assert bool(tables._DECIMALS_ANY_WIDTH.search(text)) == bool(tables._DECIMALS.search(tables._HALF_WIDTH(text)))


@FAST
@given(_texts(*"1２+-=＝行栏各() ", most=12))
def test_an_identity_holds_an_equals_sign(text):
    """Table notes look for identities only in lines with "="."""
    from linter.extract import tables

    if tables._ROW_IDENTITY.search(text) or tables._COLUMN_IDENTITY.search(text):
        assert "=" in text


#: Characters that tell the first-character tests apart: Han characters that may and may not open
#: a page number, heading or list number, digits (also exotic ones), brackets, dashes and spaces.
_OPENINGS = (*"第一五十附表图收支页部分元1１٣().（）、-—*· \u3000\x1c\t", "\U00011f50")


@FAST
@given(_texts(*_OPENINGS, most=10))
def test_page_numbers_and_headings_open_as_the_quick_tests_say(text):
    from linter.normalise import flow

    assert flow.is_page_number(text) == bool(flow._PAGE_NUMBER.match(text))
    assert flow._starts_heading(text) == bool(flow._HEADING_START.match(text))


@FAST
@given(_texts(*_OPENINGS, most=10))
def test_list_numbers_and_lead_markers_open_as_the_quick_tests_say(text):
    from linter.extract import claims

    if claims._NUMBERED.match(text):
        assert claims._NUMBERED_FIRST.match(text)
    if claims._LEAD_MARKER.match(text):
        assert claims._LEAD_MARKER_FIRST.match(text)


@FAST
@given(_texts(*"第一三十部分附件、情况说明收1\t ", most=10))
def test_a_part_opens_as_the_quick_test_says(text):
    from linter.extract import tables

    assert tables._is_part(text) == bool(tables._PART.match(text))


@FAST
@given(_texts("收入", "支出", "199.25万元", "3.5万元", "，", "占", "的", "85.6%", "比上年", "与上年相比", "增加", "下降",
              "年初预算为", "年初无预算", "支出决算为", "完成年初预算的", "2022年度", "项目预算为", "执行数为", "执行率为",
              "其中", "调整预算", "实际支出", most=14))
def test_a_stream_parses_as_its_shape_says(text):
    """A parse is reused for every stream of the same token types: it is the parse of the stream."""
    from linter.extract.claims import _CANDIDATES, LarkError, _filled, _shape, parser
    from linter.extract.tokens import tokenize

    tokens = tokenize(text)
    for match in _CANDIDATES.finditer("".join(t.code for t in tokens)):
        stream = [t.lark() for t in tokens[match.start():match.end()]]
        try:
            expected = parser().parse(stream, start=match.lastgroup)
        except LarkError:
            expected = None
        shape = _shape(match.lastgroup, tuple(t.type for t in stream))
        assert (None if shape is None else _filled(shape, stream)) == expected


@FAST
@given(_texts(*"123,.人个项名中其，,：: \t\n。比较增加上年学生", "其中", "包括", "比上年增加", most=30))
@example("在校学生38,400人，比2024年度增加1,126人，其中：小学1,000人；教职工1,000 人  其中\n教师900人")
def test_counts_before_zhong_are_the_patterns_matches(text):
    import regex

    from linter.extract import counts

    for head, tail, anchored in ((counts._WHOLE_TO_ZHONG, r"[ \t]*[：:，,]?\n?", counts._WHOLES),
                                 (counts._COUNTED_BEFORE_ZHONG, "", counts._COUNTS_BEFORE_ZHONG)):
        expected = [(m.span(), m.groupdict()) for m in regex.finditer(head + tail, text)]
        assert [(m.span(), m.groupdict()) for m in anchored.finditer(text)] == expected


@FAST
@given(_texts(*"甲乙丙丁：:，,。a1", "甲乙，", "甲乙丙：", most=30))
def test_words_pasted_twice_with_their_mark_are_the_patterns_matches(text):
    import re

    from linter.language.lexicon import HAN
    from linter.rules.language import lng003_repeated_phrase

    expected = [(m.start(), m.group(1)) for m in re.finditer(f"({HAN}{{2,8}}[：:，,])\\1", text)]
    assert lng003_repeated_phrase._marked_twice(text) == expected


@FAST
@given(_texts(*"0129年度，", "2025年", "2025年度", "12025年", most=20))
def test_years_written_twice_are_the_patterns_matches(text):
    import re

    from linter.rules.language import lng003_repeated_phrase

    expected = [(m.start(), m.group(1)) for m in re.finditer(r"(?<!\d)((?:19|20)\d{2}年度?)\1", text)]
    assert lng003_repeated_phrase._years_twice(text) == expected


@FAST
@given(_texts(*"()（）其中万元", most=20))
def test_a_position_in_brackets_is_one_more_bracket_opened_than_closed_before_it(text):
    from linter.extract.claims import _in_brackets

    for position in range(len(text) + 1):
        before = text[:position]
        opened = before.count("(") + before.count("（") - before.count(")") - before.count("）")
        assert _in_brackets(text, position) == (opened > 0)
