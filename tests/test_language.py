"""Language rules on whole documents, fixes that round-trip encodings, lazy resources."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, lint_text
from linter.cli import main
from linter.config import Settings
from linter.engine import lint_paths
from linter.fix import apply_fixes, safe_fixes

LANGUAGE = ["LNG", "PUN", "DOC"]
TEXT = "与上年相比，收、支总计各各增加144.11万元。\n部门：：大数据中心\n准备够\n买设备，已经购买。\n"


@pytest.mark.parametrize("encoding,bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gb18030", b"")])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_fix_round_trips_encoding_and_line_endings(tmp_path, encoding, bom, newline):
    path = tmp_path / "doc.txt"
    path.write_bytes(bom + TEXT.replace("\n", newline).encode(encoding))
    result = CliRunner().invoke(main, ["check", str(path), "--fix", "--select", "LNG,PUN", "--exit-zero"])
    assert result.exit_code == 0, result.output
    data = path.read_bytes()
    assert data.startswith(bom)
    fixed = data[len(bom):].decode(encoding)
    expected = "与上年相比，收、支总计各增加144.11万元。\n部门：大数据中心\n准备购\n买设备，已经购买。\n"
    assert fixed == expected.replace("\n", newline)
    assert "LNG002" not in result.output and "PUN002" not in result.output


def test_diff_shows_fixes_and_writes_nothing(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--diff", "--select", "LNG,PUN"])
    assert "-部门：：大数据中心" in result.output and "+部门：大数据中心" in result.output
    assert result.exit_code == 1
    assert path.read_text(encoding="utf-8") == TEXT


def test_unsafe_and_overlapping_fixes_are_not_applied():
    findings = lint_text("增加对部门工作点对点、点对点指导。部门：：中心", ["LNG003", "PUN002"])
    fixes = safe_fixes(findings)
    assert [f.replacement for f in fixes] == [""]
    assert apply_fixes("增加对部门工作点对点、点对点指导。部门：：中心", fixes).endswith("部门：中心")


def test_fix_inside_a_word_wrapped_over_two_lines_keeps_the_line_break():
    findings = lint_text("准备够\n买设备，已经购买。", ["LNG001"])
    assert findings and findings[0].span.start.line == 1
    assert apply_fixes("准备够\n买设备，已经购买。", safe_fixes(findings)) == "准备购\n买设备，已经购买。"


def test_heavy_resources_are_not_loaded_at_start_up():
    code = "import sys, linter.cli, linter.engine; print(any(m in sys.modules for m in ('jieba', 'opencc', 'pypinyin')))"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "False"


def test_jieba_dictionary_is_loaded_once():
    from linter.language.lexicon import tokenizer

    assert tokenizer() is tokenizer()


@pytest.fixture(scope="module")
def example_findings():
    findings = lint_paths([EXAMPLES], Settings(select=LANGUAGE)).findings
    return [(f.path.rsplit("/", 1)[-1][:3], f.code, "".join(f.span.quote.split()), f.message) for f in findings]


@pytest.mark.parametrize("document,code,quote", [
    ("000", "LNG002", "各各"), ("001", "LNG002", "各各"),
    ("000", "LNG001", "财收部"), ("000", "LNG001", "含高退休"), ("001", "LNG001", "含高退休"),
    ("000", "LNG001", "够买"), ("002", "LNG001", "收和"), ("003", "LNG001", "板式"),
    ("003", "LNG001", "物理"), ("002", "LNG003", "越来越来"), ("001", "LNG003", "点对点、点对点"),
    ("003", "LNG003", "项目项目"), ("002", "LNG006", "主要是减少了。"), ("003", "PUN002", "：："),
    ("004", "PUN002", "））"), ("002", "PUN001", "("), ("002", "PUN001", "）"), ("003", "DOC001", "财政事务"),
    ("003", "DOC001", "行政运行"), ("004", "DOC001", "宣传事务"), ("004", "DOC002", "医疗卫生与计划生育支出"),
])
def test_real_problems_of_the_examples_are_reported(example_findings, document, code, quote):
    assert any(d == document and c == code and q == quote for d, c, q, _ in example_findings)


def test_traditional_block_of_001_is_reported_as_runs(example_findings):
    runs = [q for d, c, q, _ in example_findings if c == "LNG005"]
    assert runs and all(d == "001" for d, c, _, _ in example_findings if c == "LNG005")
    assert sum(len(q) for q in runs) > 150


def test_repeated_paragraph_of_003_is_reported(example_findings):
    assert any(d == "003" and c == "LNG004" and "无下级单位" in q for d, c, q, _ in example_findings)


def test_examples_stay_quiet_otherwise(example_findings):
    """Every warning on the examples was judged real (see the README); this pins the count."""
    counts = Counter(c for _, c, _, _ in example_findings if not c.startswith("PUN003"))
    assert counts == {"LNG001": 7, "LNG002": 2, "LNG003": 4, "LNG004": 1, "LNG005": 11, "LNG006": 1,
                      "PUN001": 3, "PUN002": 2, "DOC001": 8, "DOC002": 3, "LNG007": 1}


BOILERPLATE = "本部门严格执行预算管理制度，按照规定用途安排各项资金，年度绩效目标全部完成。\n" * 80


@pytest.mark.parametrize("text,found", [
    (BOILERPLATE + "单价100万元（含）衣上设备共2台，均已验收。\n", "衣上"),
    ("单价100万元（含）衣上设备共2台，均已验收。\n", None),
    (BOILERPLATE + "全年少雨，植树成活率下降。\n", None),
    (BOILERPLATE + "（三）具体使用情况。按“款”“项”分述如下：\n", None),  # a lexicon phrase: 分述 is no slip for 分数
    (BOILERPLATE + "为区委、区政府落实“一优两高”战略提供统计信息。\n", None),  # a slogan's numeral: no slip for 优良
])
def test_a_character_a_whole_document_writes_once_needs_less_evidence(text, found):
    """In a long document, a homophone written nowhere else is a slip at a smaller likelihood gain;
    a short snippet says nothing about which characters the writer uses."""
    quotes = ["".join(f.span.quote.split()) for f in lint_text(text, ["LNG001"])]
    assert quotes == ([found] if found else [])
