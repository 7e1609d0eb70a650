"""Languages: every message translated with the same placeholders, the language chosen by
``--lang``, the configuration and the locale, and Chinese wherever a Chinese user looks."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from click.testing import CliRunner

from linter.cli import main
from linter.config import ConfigError, Configuration
from linter.i18n import _, chosen_language, language_from_environment, language_settled, set_language

ROOT = Path(__file__).resolve().parent.parent
MALFORMED = "完成年初预算的72.83.1%。\n"


def _script():
    spec = importlib.util.spec_from_file_location("i18n_script", ROOT / "scripts" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script():
    return _script()


def test_every_message_is_translated_with_the_same_placeholders(script):
    """Fails listing each message of the code, rule names and rule docs that has no Chinese
    translation, a fuzzy one, or other placeholders; and when the .mo is stale
    (fix: ``python scripts/i18n.py update``, translate, ``update`` again)."""
    assert script.problems() == []


def test_the_check_can_fail(script):
    template = Catalog()
    template.add("{part} / {whole} = {computed}")
    template.add("no placeholder")
    template.add("not translated")
    template.add(("{count} file", "{count} files"))
    catalog = Catalog(locale="zh")
    catalog.add("{part} / {whole} = {computed}", "{part} / {total} = {computed}")
    catalog.add("no placeholder", "没有{占位符}")
    catalog.add(("{count} file", "{count} files"), ("个文件",))
    problems = script.translation_problems(template, catalog, "zh")
    assert len(problems) == 3
    assert "placeholders differ" in problems[0] and "'whole'" in problems[0]
    assert "placeholders differ" in problems[1]
    assert problems[2] == "zh: untranslated (): 'not translated'"


def test_a_message_formatted_before_translation_is_reported(script, tmp_path):
    source = tmp_path / "rule.py"
    source.write_text('x = _(f"share of {name}")\ny = _("share of {name}", name=1)\n', encoding="utf-8")
    assert list(script.calls(source)) == [(1, None), (2, "share of {name}")]


def test_a_finding_message_without_translation_is_reported(script, tmp_path):
    source = tmp_path / "rule.py"
    source.write_text(
        'def check(self, document, span, x):\n'
        '    yield self.finding(document, span, f"share of {x}")\n'
        '    yield self.finding(document, span, message="plain")\n'
        '    yield self.finding(document, span, _("share of {x}", x=x))\n', encoding="utf-8")
    assert list(script.untranslated_findings(source)) == [2, 3]


def test_untranslated_help_is_reported(script, tmp_path):
    source = tmp_path / "cli.py"
    source.write_text(
        '@option("--a", help="plain")\n@option("--b", help=N_("marked"))\n'
        '@main.command()\ndef extract():\n    """Docstring help."""\n'
        '@main.command(help=N_("Marked."))\ndef rules():\n    """Developer note."""\n', encoding="utf-8")
    assert sorted(script.untranslated_help(source)) == [1, 4]


def test_calls_inside_f_strings_are_extracted(script, tmp_path):
    source = tmp_path / "page.py"
    source.write_text("""page = f"<h1>{_('Report')}</h1>"\n""", encoding="utf-8")
    assert list(script.calls(source)) == [(1, "Report")]


@pytest.mark.parametrize("environment, language", [
    ({"LANG": "zh_CN.UTF-8"}, "zh"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({}, "en"),
    ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
    ({"LC_MESSAGES": "en_GB", "LANG": "zh_CN"}, "en"),
    ({"LC_ALL": "", "LANG": "zh_CN"}, "zh"),
])
def test_the_locale_chooses_the_language(environment, language):
    assert language_from_environment(environment) == language


def test_placeholders_are_named_and_filled():
    set_language("zh")
    assert _("{path}: no such configuration file", path="a.toml") == "a.toml：配置文件不存在"
    set_language("en")
    assert _("{path}: no such configuration file", path="a.toml") == "a.toml: no such configuration file"


def test_a_settled_language_holds_until_the_work_is_done(monkeypatch):
    set_language(None)
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    with language_settled():
        monkeypatch.setenv("LC_ALL", "en_US.UTF-8")  # read once, when the work began
        assert _("{path}: no such configuration file", path="a.toml") == "a.toml：配置文件不存在"
    assert chosen_language() is None
    assert _("{path}: no such configuration file", path="a.toml") == "a.toml: no such configuration file"


def _check(tmp_path, *options, env=None):
    (tmp_path / "a.txt").write_text(MALFORMED, encoding="utf-8")
    return CliRunner().invoke(main, ["check", "--select", "NUM001", *options, str(tmp_path / "a.txt")], env=env)


def test_a_chinese_locale_gets_chinese_messages_and_summary(tmp_path):
    result = _check(tmp_path, env={"LANG": "zh_CN.UTF-8"})
    assert result.exit_code == 1
    finding, summary = result.stdout.splitlines()
    assert finding.endswith("error NUM001 数字格式有误：72.83.1%，有两个小数点（数字只能有一个小数点，千分位每组三位）")
    assert summary == "检查 1 个文件：1 个错误。"


def test_lang_overrides_the_locale(tmp_path):
    result = _check(tmp_path, "--lang", "en", env={"LANG": "zh_CN.UTF-8"})
    assert result.stdout.splitlines()[-1] == "Found 1 error in 1 file."
    result = _check(tmp_path, "--lang", "zh", env={"LANG": "en_US.UTF-8"})
    assert result.stdout.splitlines()[-1] == "检查 1 个文件：1 个错误。"


def test_the_configuration_key_lang_chooses_chinese_and_lang_overrides_it(tmp_path):
    (tmp_path / "disclint.toml").write_text('lang = "zh"\n', encoding="utf-8")
    assert _check(tmp_path).stdout.splitlines()[-1] == "检查 1 个文件：1 个错误。"
    assert _check(tmp_path, "--lang", "en").stdout.splitlines()[-1] == "Found 1 error in 1 file."


def test_an_unknown_configured_language_is_an_error(tmp_path):
    (tmp_path / "disclint.toml").write_text('lang = "fr"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown language 'fr'"):
        Configuration().for_path(tmp_path / "a.txt")


def test_machine_formats_keep_codes_and_fields_and_carry_the_chosen_language(tmp_path):
    chinese = json.loads(_check(tmp_path, "--format", "json", "--lang", "zh").stdout)
    english = json.loads(_check(tmp_path, "--format", "json", "--lang", "en").stdout)
    assert [sorted(f) for f in chinese] == [sorted(f) for f in english]
    assert (chinese[0]["code"], chinese[0]["rule"], chinese[0]["severity"]) == ("NUM001", "malformed-number", "error")
    assert chinese[0]["message"].startswith("数字格式有误") and english[0]["message"].startswith("malformed number")


def test_help_and_click_errors_follow_lang():
    result = CliRunner().invoke(main, ["check", "--lang", "zh", "--help"])
    assert "用法：" in result.stdout and "将结果写入该文件" in result.stdout
    result = CliRunner().invoke(main, ["check", "--lang", "zh", "--bogus"])
    assert result.exit_code == 2 and "没有选项 '--bogus'" in result.stderr
    result = CliRunner().invoke(main, ["check", "--bogus"])
    assert "No such option '--bogus'" in result.stderr
    group = CliRunner().invoke(main, ["--lang", "zh", "--help"]).stdout
    assert "命令:" in group and "批量检查文档，生成供审核人员阅读的报告" in group


def test_rules_shows_the_chinese_name_beside_the_code_and_name():
    result = CliRunner().invoke(main, ["rules", "--lang", "zh"])
    line = next(line for line in result.stdout.splitlines() if line.startswith("ARI003"))
    assert "completion-rate-mismatch 完成比例计算有误" in line and "错误" in line
    english = CliRunner().invoke(main, ["rules"]).stdout
    assert "完成比例计算有误" not in english


def test_explain_translates_prose_and_keeps_examples():
    chinese = CliRunner().invoke(main, ["explain", "ARI003", "--lang", "zh"]).stdout
    english = CliRunner().invoke(main, ["explain", "ARI003"]).stdout
    assert "**错误示例**" in chinese and "默认级别：错误" in chinese
    example = "年初预算为1091.53万元，支出决算为852.68万元，完成年初预算的72.8%。"
    assert example in chinese and example in english
    assert "**Anti-pattern**" in english


def test_a_missing_path_is_reported_as_missing(tmp_path):
    result = CliRunner().invoke(main, ["check", str(tmp_path / "nothing.txt")])
    assert result.exit_code == 2
    assert result.stdout.splitlines()[-1] == "1 path does not exist; nothing was linted."
    result = CliRunner().invoke(main, ["check", "--lang", "zh", str(tmp_path / "nothing.txt")])
    assert result.stdout.splitlines()[-1] == "1 个路径不存在；未检查任何文件。"


def test_the_summary_leads_with_unreadable_files(tmp_path):
    (tmp_path / "good.txt").write_text(MALFORMED, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--select", "NUM001", str(tmp_path)])
    assert result.stdout.splitlines()[-1] == "1 file could not be read; found 1 error in the 1 other file."


def test_spreadsheet_reports_are_in_chinese(tmp_path):
    import csv

    import openpyxl

    (tmp_path / "a.txt").write_text(MALFORMED, encoding="utf-8")
    outputs = [str(tmp_path / "r.csv"), str(tmp_path / "r.xlsx")]
    result = CliRunner().invoke(main, ["report", "--lang", "zh", "--select", "NUM001", str(tmp_path / "a.txt"),
                                       "-o", outputs[0], "-o", outputs[1]])
    assert result.exit_code == 1 and result.stderr.splitlines()[-1] == "检查 1 个文件：1 个错误。"
    header, row = list(csv.reader((tmp_path / "r.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert header[:8] == ["文件", "行", "列", "结束行", "结束列", "级别", "编号", "规则"]
    assert row[5:8] == ["错误", "NUM001", "数字格式有误"]
    workbook = openpyxl.load_workbook(outputs[1], read_only=True)
    assert workbook.sheetnames == ["文档", "规则", "问题"]
    assert next(workbook["规则"].iter_rows(min_row=2, values_only=True))[:3] == ("NUM001", "数字格式有误", "错误")


def test_related_locations_follow_the_language(tmp_path):
    (tmp_path / "rate.txt").write_text("年初预算为 40.16 万元，支出决算为 41.72 万元，\n完成年初预算的 107.9%。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--select", "ARI003", "--lang", "zh", str(tmp_path / "rate.txt")])
    assert result.stdout.splitlines()[0].endswith("文中却为107.9%（另见1:7、1:22）")
