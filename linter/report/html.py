"""Batch report as one self-contained HTML page (inline CSS, no scripts, no external assets)."""

from __future__ import annotations

import datetime
from collections import Counter
from html import escape

from linter import __version__
from linter.report.batch import BatchResult, DocumentResult

_STYLE = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 2em;
       color: #1f2328; line-height: 1.45; }
h1 { margin-bottom: .2em; } .meta { color: #656d76; margin-top: 0; }
table { border-collapse: collapse; margin: .5em 0 1.5em; }
th, td { border: 1px solid #d0d7de; padding: .25em .6em; text-align: left; vertical-align: top; }
th { background: #f6f8fa; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.totals td { font-size: 1.4em; font-weight: bold; text-align: center; min-width: 4.5em; }
.error { color: #b42318; } .warning { color: #9a6700; } .info { color: #0969da; }
.unreadable { color: #b42318; font-style: italic; }
details { margin: .4em 0; } summary { cursor: pointer; font-weight: bold; }
.context { font-family: monospace; white-space: pre-wrap; } .context .around { color: #656d76; }
mark { background: #ffd8a8; padding: 0 .1em; }
.clean { color: #1a7f37; } .zero { color: #8c959f; }
"""

_SEVERITIES = ("error", "warning", "info")


def render_html(batch: BatchResult) -> str:
    """The whole report page."""
    documents = batch.worst_first()
    anchors = {d.path: f"doc-{index}" for index, d in enumerate(documents)}
    generated = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>disclint report — {len(documents)} documents</title><style>{_STYLE}</style></head><body>",
        "<h1>disclint report</h1>",
        f'<p class="meta">{len(documents)} documents linted in {batch.seconds:.1f} s · '
        f"disclint {escape(__version__)} · {escape(generated)}</p>",
        _totals(batch),
        _document_table(documents, anchors),
        _rule_table(batch),
        '<section id="details"><h2>Findings by document</h2>',
        *(_document_details(d, anchors[d.path]) for d in documents if d.findings or d.error),
        "</section></body></html>",
    ]
    return "\n".join(parts) + "\n"


def _totals(batch: BatchResult) -> str:
    counts = batch.counts()
    cells = [("documents", "Documents", len(batch.documents))]
    cells += [(s, f"{s.capitalize()}s", counts[s]) for s in _SEVERITIES]
    cells.append(("unreadable", "Could not lint", len(batch.errors)))
    head = "".join(f"<th>{label}</th>" for _, label, _ in cells)
    body = "".join(
        f'<td id="total-{key}" class="{key if value or key == "documents" else "zero"}">{value}</td>'
        for key, _, value in cells
    )
    return f'<section id="summary"><table class="totals"><tr>{head}</tr><tr>{body}</tr></table></section>'


def _document_table(documents: list[DocumentResult], anchors: dict[str, str]) -> str:
    rows = []
    for d in documents:
        counts = d.counts()
        by_rule = Counter(f.code for f in d.findings)
        if d.error:
            rules = f'<span class="unreadable">cannot lint: {escape(d.error)}</span>'
        elif by_rule:
            rules = ", ".join(f"{code} ×{n}" for code, n in sorted(by_rule.items(), key=lambda i: (-i[1], i[0])))
        else:
            rules = '<span class="clean">no findings</span>'
        name = escape(d.path)
        link = f'<a href="#{anchors[d.path]}">{name}</a>' if d.findings or d.error else name
        cells = "".join(
            f'<td class="num {s if counts[s] else "zero"}" data-severity="{s}">{counts[s]}</td>' for s in _SEVERITIES
        )
        rows.append(f"<tr><td>{link}</td>{cells}<td>{rules}</td></tr>")
    return (
        '<section id="documents"><h2>Documents, worst first</h2><table><tr><th>Document</th>'
        "<th>Errors</th><th>Warnings</th><th>Infos</th><th>Rules</th></tr>"
        + "".join(rows) + "</table></section>"
    )


def _rule_table(batch: BatchResult) -> str:
    rows = [
        f'<tr><td>{escape(r.code)}</td><td>{escape(r.name)}</td><td class="{r.severity}">{r.severity}</td>'
        f'<td class="num">{r.findings}</td><td class="num">{r.documents}</td></tr>'
        for r in batch.rules()
    ]
    if not rows:
        rows = ['<tr><td colspan="5" class="clean">no findings</td></tr>']
    return (
        '<section id="rules"><h2>Rules</h2><table><tr><th>Code</th><th>Rule</th><th>Severity</th>'
        "<th>Findings</th><th>Documents</th></tr>" + "".join(rows) + "</table></section>"
    )


def _where(finding, document: DocumentResult) -> str:
    """The finding's place; in the Excel workbook of a Word document, with the workbook's name."""
    if finding.path == document.path:
        return finding.position
    return f"{finding.path.replace(chr(92), '/').rsplit('/', 1)[-1]}: {finding.position}"


def _document_details(document: DocumentResult, anchor: str) -> str:
    counts = document.counts()
    tally = ", ".join(f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in _SEVERITIES if counts[s])
    if document.error:
        return (
            f'<details id="{anchor}" open><summary>{escape(document.path)}</summary>'
            f'<p class="unreadable">cannot lint: {escape(document.error)}</p></details>'
        )
    rows = []
    for f in document.findings:
        before, after = f.extra.get("context_before", ""), f.extra.get("context_after", "")
        quote = (
            f'<span class="context"><span class="around">{escape(before)}</span>'
            f'<mark>{escape(f.span.quote)}</mark><span class="around">{escape(after)}</span></span>'
        )
        expected = f"<br>expected: {escape(f.expected)}" if f.expected else ""
        rows.append(
            f'<tr><td class="num">{escape(_where(f, document))}</td>'
            f'<td class="{f.severity}">{f.severity}</td><td>{escape(f.code)}</td>'
            f"<td>{escape(f.message)}{expected}</td><td>{quote}</td></tr>"
        )
    return (
        f'<details id="{anchor}" open><summary>{escape(document.path)} — {tally}</summary>'
        "<table><tr><th>Where</th><th>Severity</th><th>Code</th><th>Message</th><th>Text</th></tr>"
        + "".join(rows) + "</table></details>"
    )
