"""``--fix`` says what it changed; LNG005's traditional → simplified conversion is a safe fix
when no phrase decides a character."""

from __future__ import annotations

from click.testing import CliRunner

from linter.cli import main

#: Simplified text around the traditional runs, so that the document is not one written in traditional
#: characters throughout (which gets one finding without a fix).
SIMPLIFIED = "二、机构设置\n本部门内设综合科、信息科、数据管理科三个科室，下属单位一个，均纳入本部门决算编制范围。\n" * 2
TRADITIONAL = "一、部门主要职能\n负责全区电子政务工作。負責區級電子政務信息系統的建設。\n"


def test_fix_prints_each_change_and_a_count(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("收、支总计各各增加144.11万元。\n部门：：财政拨款。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--select", "LNG002,PUN002", "--fix", str(draft)])
    assert draft.read_text(encoding="utf-8") == "收、支总计各增加144.11万元。\n部门：财政拨款。\n"
    assert result.stderr.splitlines() == [
        f"{draft}:1: fixed “收、支总计各各增加144.” → “收、支总计各增加144.”",
        f"{draft}:2: fixed “部门：：财政拨款。” → “部门：财政拨款。”",
        "disclint: applied 2 fixes in 1 file(s)",
    ]


def test_fix_reports_in_chinese(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("部门：：财政拨款。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--lang", "zh", "--select", "PUN002", "--fix", str(draft)])
    assert result.stderr.splitlines() == [
        f"{draft}:1: 已修改 “部门：：财政拨款。” → “部门：财政拨款。”",
        "disclint：已在 1 个文件中修改 1 处",
    ]


def test_traditional_run_is_converted_by_fix_and_shown_by_diff(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(TRADITIONAL + SIMPLIFIED, encoding="utf-8")
    diff = CliRunner().invoke(main, ["check", "--select", "LNG005", "--diff", str(draft)])
    assert diff.exit_code == 1 and "+负责全区电子政务工作。负责区级电子政务信息系统的建设。" in diff.stdout
    CliRunner().invoke(main, ["check", "--select", "LNG005", "--fix", str(draft)])
    assert draft.read_text(encoding="utf-8") == (
        "一、部门主要职能\n负责全区电子政务工作。负责区级电子政务信息系统的建设。\n" + SIMPLIFIED)


def test_a_conversion_a_phrase_decides_is_only_suggested(lint):
    """乾 alone becomes 干, but 乾隆 keeps it: the phrase decides, so the fix is not safe."""
    [finding] = lint("記錄乾隆時期的書。\n" + SIMPLIFIED, select=["LNG005"])
    assert finding.fix.replacement == "记录乾隆时期的书" and not finding.fix.safe
    [finding] = lint("記錄時期的書。\n" + SIMPLIFIED, select=["LNG005"])
    assert finding.fix.safe
