"""``disclint report --scheduler``: a two-worker Dask LocalCluster writes the same reports as a
local run; without the option Dask is never imported."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import openpyxl
import pytest
from click.testing import CliRunner

from corpus import make_corpus
from linter.cli import main

DOCUMENTS = 30


def _report(corpus_folder, out, *options):
    out.mkdir()
    outputs = [str(out / name) for name in ("report.html", "report.csv", "report.xlsx")]
    result = CliRunner().invoke(main, ["report", str(corpus_folder), "--fail-on", "never", *options,
                                       *(arg for o in outputs for arg in ("-o", o))])
    assert result.exit_code == 2, result.output  # the corpus holds two files that cannot be read
    return out


def _contents(out):
    html = (out / "report.html").read_text(encoding="utf-8")
    html = re.sub(r"linted in [\d.]+ s|\d{4}-\d\d-\d\d \d\d:\d\d UTC", "…", html)  # when and how long
    workbook = openpyxl.load_workbook(out / "report.xlsx")
    sheets = {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook}
    return html, (out / "report.csv").read_text(encoding="utf-8-sig"), sheets


def test_cluster_report_equals_the_local_one(tmp_path, monkeypatch):
    distributed = pytest.importorskip("distributed")
    corpus = make_corpus(tmp_path / "corpus", DOCUMENTS)
    monkeypatch.chdir(tmp_path)  # relative paths: the workers must get them made absolute
    local = _contents(_report("corpus", tmp_path / "local", "--jobs", "1"))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, silence_logs=50) as cluster:
        remote = _contents(_report("corpus", tmp_path / "cluster", "--scheduler", cluster.scheduler_address))
        monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", cluster.scheduler_address)
        from_environment = _contents(_report("corpus", tmp_path / "environment"))
    assert remote == local == from_environment
    assert f"{DOCUMENTS + 2} documents" in local[0] and len(local[1].splitlines()) > DOCUMENTS
    assert any(row[-1] for row in local[2]["Documents"][1:]), "the unreadable files are listed"
    assert sum(corpus.expected.values()) <= local[1].count(",NUM001,")


def test_unreachable_scheduler_is_a_clear_error(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.setattr("linter.report.cluster.CONNECT_TIMEOUT", 1)
    (tmp_path / "a.txt").write_text("收入合计1.5万元。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(tmp_path), "--scheduler", "tcp://127.0.0.1:9",
                                       "-o", str(tmp_path / "r.csv")])
    assert result.exit_code == 2 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output


def test_findings_do_not_depend_on_the_process(tmp_path):
    """Workers are other processes with other hash seeds: what a rule finds must not depend on
    the order of a set."""
    corpus = make_corpus(tmp_path, DOCUMENTS)
    outputs = []
    for seed in ("1", "2", "3"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-m", "linter", "check", str(corpus.folder), "--format", "json", "--exit-zero"]
        outputs.append(subprocess.run(command, capture_output=True, text=True, env=environment).stdout)
    assert outputs[0] == outputs[1] == outputs[2] and '"CON001"' in outputs[0]


def test_local_reports_never_import_dask(tmp_path):
    (tmp_path / "a.txt").write_text("收入合计1.5万元。\n", encoding="utf-8")
    code = ("import sys\nfrom linter.cli import main\ntry:\n    main(['report', sys.argv[1], '--jobs', '1', "
            "'-o', sys.argv[1] + '/r.csv'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))")
    environment = {k: v for k, v in os.environ.items() if k != "DASK_SCHEDULER_ADDRESS"}
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True,
                            env=environment, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"
