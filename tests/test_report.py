"""``disclint report``: a generated corpus of a few hundred documents, linted in parallel, written
as HTML (checked in headless Chromium), CSV and Excel."""

from __future__ import annotations

import csv
import html
import re
import shutil
import subprocess

import openpyxl
import pytest
from click.testing import CliRunner

from corpus import make_corpus
from linter.cli import main
from linter.config import Configuration
from linter.report import batch as batch_module
from linter.report.batch import context, lint_document, run_batch

DOCUMENTS = 300


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("corpus"), DOCUMENTS)


@pytest.fixture(scope="module")
def reports(corpus, tmp_path_factory):
    """The CLI run once with two jobs, writing all three formats (exit 2: two files cannot be read)."""
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(main, [
        "report", str(corpus.folder), "--select", "NUM001", "--jobs", "2",
        "-o", str(out / "report.html"), "-o", str(out / "report.csv"), "-o", str(out / "report.xlsx"),
    ])
    assert result.exit_code == 2, result.output
    return out, result


def test_parallel_run_finds_every_planted_problem_and_lists_bad_files(corpus):
    batch = run_batch([corpus.folder], Configuration({"select": ["NUM001"]}), jobs=2)
    assert len(batch.documents) == DOCUMENTS + 2
    found = {d.path: len(d.findings) for d in batch.documents if d.error is None}
    assert found == corpus.expected
    assert sorted(d.path for d in batch.documents if d.error) == sorted(corpus.unreadable)
    worst = batch.worst_first()
    assert {d.path for d in worst[:2]} == set(corpus.unreadable)
    assert [len(d.findings) for d in worst[2:]] == sorted(corpus.expected.values(), reverse=True)


def test_one_and_two_jobs_give_the_same_result(corpus):
    configuration = Configuration({"select": ["NUM001"]})
    one = run_batch([corpus.folder], configuration, jobs=1)
    two = run_batch([corpus.folder], configuration, jobs=2)
    assert [(d.path, [f.to_dict() for f in d.findings], d.error) for d in one.documents] == [
        (d.path, [f.to_dict() for f in d.findings], d.error) for d in two.documents
    ]


def test_a_rule_crashing_on_one_file_does_not_stop_the_batch(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("完成年初预算的72.83.1%。\n", encoding="utf-8")

    def crash(*args):
        raise RuntimeError("boom")

    monkeypatch.setattr(batch_module, "lint_source", crash)
    document = lint_document(str(tmp_path / "a.txt"), Configuration())
    assert document.error == "internal error (RuntimeError: boom); please report it"


def test_context_shows_line_breaks():
    assert context("第一行\n完成72.83.1%。\r\n下一行", 6, 14, width=4) == ("行⏎完成", "。⏎下")


def test_csv_has_one_row_per_finding_and_per_bad_file(corpus, reports):
    out, _ = reports
    raw = (out / "report.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len([r for r in rows if r["code"] == "NUM001"]) == corpus.total_expected
    assert len([r for r in rows if r["code"] == "E000"]) == 2
    sample = next(r for r in rows if r["code"] == "NUM001")
    assert f"【{sample['quote']}】" in sample["context"]


def test_xlsx_has_documents_rules_and_findings_sheets(corpus, reports):
    out, _ = reports
    workbook = openpyxl.load_workbook(out / "report.xlsx", read_only=True)
    assert workbook.sheetnames == ["Documents", "Rules", "Findings"]
    documents = list(workbook["Documents"].iter_rows(min_row=2, values_only=True))
    assert len(documents) == DOCUMENTS + 2
    assert sum(row[3] for row in documents) == corpus.total_expected  # path, title, department, errors
    rules = list(workbook["Rules"].iter_rows(min_row=2, values_only=True))
    assert rules == [("NUM001", "malformed-number", "error", corpus.total_expected,
                      sum(1 for n in corpus.expected.values() if n))]
    assert len(list(workbook["Findings"].iter_rows(min_row=2))) == corpus.total_expected + 2


def test_html_is_self_contained(reports):
    out, _ = reports
    page = (out / "report.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "<script src" not in page and "@import" not in page
    assert page.count("<script>") == 1  # the inline filter script


def test_report_is_quiet_when_not_on_a_terminal(corpus, reports):
    out, result = reports
    assert result.stderr.splitlines() == [
        f"disclint: wrote {out / name}" for name in ("report.html", "report.csv", "report.xlsx")
    ] + [f"2 files could not be read; found {corpus.total_expected} errors in the {DOCUMENTS} other files."]
    assert "\r" not in result.stderr and "\x1b" not in result.stderr


def test_report_rejects_an_unknown_output_format(tmp_path):
    result = CliRunner().invoke(main, ["report", str(tmp_path), "-o", str(tmp_path / "r.pdf")])
    assert result.exit_code == 2 and "name it .html, .csv or .xlsx" in result.stderr
    result = CliRunner().invoke(main, ["report", str(tmp_path), "-o", str(tmp_path / "no" / "r.html")])
    assert result.exit_code == 2 and "no such folder" in result.stderr


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(_chromium() is None, reason="chromium is not installed (apt-get install chromium; .ci/run does)")
def test_html_report_shows_the_counts_in_headless_chromium(corpus, reports, tmp_path):
    out, _ = reports
    command = [
        _chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", (out / "report.html").as_uri(),
    ]
    dom = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True).stdout

    def total(key: str) -> int:
        return int(re.search(rf'id="total-{key}"[^>]*>(\d+)<', dom).group(1))

    assert total("documents") == DOCUMENTS + 2
    assert total("error") == corpus.total_expected
    assert total("warning") == 0 and total("info") == 0
    assert total("unreadable") == 2
    assert dom.count('<details id="doc-') == 2 + sum(1 for n in corpus.expected.values() if n)
    worst = min(corpus.expected, key=lambda path: (-corpus.expected[path], path))
    first_document_row = re.search(r"<tr><td><a href=\"#doc-2\">(.*?)</a></td>", dom).group(1)
    assert html.unescape(first_document_row) == worst


def _dom(page_uri: str, profile) -> str:
    command = [
        _chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", "--dump-dom", page_uri,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True).stdout


@pytest.fixture(scope="module")
def small_reports(tmp_path_factory):
    """One report per language of two documents: a titled one with an error, one with an info only."""
    folder = tmp_path_factory.mktemp("small")
    (folder / "a.txt").write_text(
        "2022年度武汉市某区数据中心\n部门决算公开\n目录\n第一部分 某区数据中心概况\n完成年初预算的72.83.1%。\n",
        encoding="utf-8")
    (folder / "b.txt").write_text(
        "基本支出419.83万元。\n六、一般公共预算财政拨款基本支出决算情况说明\n一般公共预算财政拨款基本支出419.84万元。\n"
        "五、一般公共预算财政拨款支出\n基本支出419.83万元。\n", encoding="utf-8")
    pages = {}
    for language in ("en", "zh"):
        page = folder / f"report-{language}.html"
        result = CliRunner().invoke(main, ["report", "--lang", language, "--select", "NUM001,CON004",
                                           str(folder / "a.txt"), str(folder / "b.txt"), "-o", str(page)])
        assert result.exit_code == 1, result.output
        pages[language] = page
    return pages


def _visible_codes(dom: str) -> list[str]:
    return re.findall(r'<tr class="finding" data-severity="\w+" data-code="(\w+)">', dom)


@pytest.mark.skipif(_chromium() is None, reason="chromium is not installed (apt-get install chromium; .ci/run does)")
@pytest.mark.parametrize("language, heading, rule_name", [
    ("en", "Findings by document", "malformed-number"),
    ("zh", "各文档发现的问题", "数字格式有误"),
])
def test_html_report_in_both_languages_filters_in_headless_chromium(small_reports, tmp_path, language, heading,
                                                                   rule_name):
    uri = small_reports[language].as_uri()
    dom = _dom(uri, tmp_path / "profile")
    assert f"<h2>{heading}</h2>" in dom and f'lang="{"zh-CN" if language == "zh" else "en"}"' in dom
    assert "2022年度武汉市某区数据中心部门决算公开" in dom and "某区数据中心" in dom
    assert f"NUM001<br>{rule_name}" in dom
    assert sorted(_visible_codes(dom)) == ["CON004", "NUM001"] and " hidden" not in dom.split('id="details"')[1]
    hidden_info = _dom(uri + "#hide-info", tmp_path / "profile")
    assert re.search(r'<tr class="finding" data-severity="info" data-code="CON004" hidden="">', hidden_info)
    assert not re.search(r'data-code="NUM001" hidden', hidden_info)
    one_rule = _dom(uri + "#rule=CON004", tmp_path / "profile")
    assert re.search(r'data-code="NUM001" hidden', one_rule)
    assert not re.search(r'data-code="CON004" hidden', one_rule)


@pytest.mark.parametrize("options, code", [([], 0), (["--fail-on", "info"], 1), (["--fail-on", "never"], 0)])
def test_report_exit_code_follows_fail_on(tmp_path, options, code):
    """An info finding fails the run only when --fail-on info asks for it."""
    (tmp_path / "tail.txt").write_text(
        "基本支出419.83万元。\n六、一般公共预算财政拨款基本支出决算情况说明\n一般公共预算财政拨款基本支出419.84万元。\n"
        "五、一般公共预算财政拨款支出\n基本支出419.83万元。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(tmp_path / "tail.txt"), "--select", "CON004", *options,
                                       "-o", str(tmp_path / "r.csv")])
    assert result.exit_code == code, result.output


def test_the_html_report_names_and_links_the_numbers_a_finding_involves(tmp_path):
    """A completion rate that does not hold names its budget and actual with their places, and
    links each to the findings of its line."""
    (tmp_path / "a.txt").write_text(
        "一、收入支出决算总体情况说明\n年初预算为100.00万元，\n支出决算为50.00万元，完成年初预算的60.0%。\n",
        encoding="utf-8")
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", str(tmp_path / "a.txt"), "-o", str(out), "--fail-on", "never",
                                       "--select", "ARI003"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    links = re.findall(r'<a class="related" href="#([^"]+)">([^<]+)</a>', page)
    assert ("doc-0-l3", "actual 3:6") in links  # the actual, on the finding's own line
    assert "budget 2:6" in page and 'href="#doc-0-l2"' not in page  # no finding on line 2: no link
    assert 'id="doc-0-l3"' in page


def test_the_html_report_counts_a_documents_findings_in_the_plural(tmp_path):
    (tmp_path / "a.txt").write_text("完成年初预算的72.83.1%。占比为1.2.3%。\n", encoding="utf-8")
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", str(tmp_path / "a.txt"), "-o", str(out), "--fail-on", "never",
                                       "--select", "NUM001", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert re.search(r"<summary>[^<]*a\.txt[^<]* — 2 errors</summary>", out.read_text(encoding="utf-8"))


def test_xlsx_keeps_formula_like_and_error_code_text_as_text(tmp_path):
    """A title read from a document is never run as a formula or shown as an Excel error, and a
    character Excel cannot hold is dropped instead of failing the workbook."""
    from linter.report.batch import BatchResult, DocumentResult
    from linter.report.tables import write_xlsx

    documents = [DocumentResult("a.txt", title="=HYPERLINK(\"http://x\")", department="#N/A"),
                 DocumentResult("b.txt", title="部门\x07决算", department="+1", error="=1+1")]
    write_xlsx(BatchResult(documents), str(tmp_path / "r.xlsx"))
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["Documents"]
    cells = {(row[0].value, column): row[column] for row in sheet.iter_rows(min_row=2) for column in (1, 2, 7)}
    assert cells[("a.txt", 1)].value == "=HYPERLINK(\"http://x\")" and cells[("a.txt", 1)].data_type == "s"
    assert cells[("a.txt", 2)].value == "#N/A" and cells[("a.txt", 2)].data_type == "s"
    assert cells[("b.txt", 1)].value == "部门决算"
    assert cells[("b.txt", 2)].value == "+1" and cells[("b.txt", 7)].data_type == "s"


@pytest.mark.parametrize("interruption", [KeyboardInterrupt, OSError(28, "No space left on device")])
def test_reports_are_replaced_all_together_or_not_at_all(tmp_path, monkeypatch, interruption):
    """Ctrl-C or a full disk while the Excel report is written leaves last run's reports as they
    were, the HTML already written included, and no temporary file behind."""
    from linter.report import batch

    (tmp_path / "a.txt").write_text("完成年初预算的72.83.1%。\n", encoding="utf-8")
    outputs = [tmp_path / name for name in ("r.html", "r.xlsx", "r.csv")]
    for output in outputs:
        output.write_text("last run", encoding="utf-8")

    def fail(_batch, _path):
        raise interruption

    monkeypatch.setitem(batch.REPORT_WRITERS, ".xlsx", fail)
    result = CliRunner().invoke(main, ["report", str(tmp_path / "a.txt"), *(a for o in outputs for a in ("-o", str(o)))])
    assert result.exit_code == (130 if interruption is KeyboardInterrupt else 2), result.output
    assert [o.read_text(encoding="utf-8") for o in outputs] == ["last run"] * 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "r.csv", "r.html", "r.xlsx"]


@pytest.mark.parametrize("text, title, department", [
    ("廊坊市第十九中学2023年度单位决算\n目录\n第一部分 单位概况\n", "廊坊市第十九中学2023年度单位决算", "廊坊市第十九中学"),
    ("某县水利局2024年度部门决算\n某县水利局2024年度部门决算\n发布时间：2025-09-12 来源：本站 浏览次数：1203\n"
     "https://www.example.gov.cn/info/11.htm\n一、部门主要职能\n", "某县水利局2024年度部门决算", "某县水利局"),
    ("2024年部门预算\n第一部分 汉阳区大数据中心概况\n", "2024年部门预算", "汉阳区大数据中心"),
    ("云溪县档案馆2024年度部门决算\n\n云溪县档案馆\n2025年8月\n\n目录\n", "云溪县档案馆2024年度部门决算", "云溪县档案馆"),
])
def test_a_documents_title_and_department_leave_out_web_page_details_and_generic_names(text, title, department):
    from linter.report.identity import document_identity

    assert document_identity(text) == (title, department)
