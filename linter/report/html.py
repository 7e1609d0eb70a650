"""Batch report as one self-contained HTML page (inline CSS and a few lines of inline script to
filter the findings; no external assets, so it opens offline), in the current language."""

from __future__ import annotations

import datetime
from collections import Counter
from html import escape

from linter import __version__
from linter.check.finding import Severity, severity_name
from linter.i18n import _, current_language, ngettext
from linter.report.batch import BatchResult, DocumentResult
from linter.report.formatters import severity_tally

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
.clean { color: #1a7f37; } .zero { color: #8c959f; } .department { color: #656d76; }
#filters { margin: .5em 0 1em; } #filters label { margin-right: 1.5em; }
"""

#: Hides the findings the filters exclude, and the documents left without a visible finding; the
#: page's address may preset the filters (``report.html#hide-info&rule=ARI003``).
_SCRIPT = """
function applyFilters() {
  var hideInfo = document.getElementById('hide-info').checked;
  var rule = document.getElementById('rule-filter').value;
  document.querySelectorAll('#details details').forEach(function (details) {
    var shown = 0;
    details.querySelectorAll('tr.finding').forEach(function (row) {
      var visible = !(hideInfo && row.dataset.severity === 'info') && (!rule || row.dataset.code === rule);
      row.hidden = !visible;
      if (visible) { shown += 1; }
    });
    details.hidden = details.querySelector('tr.finding') !== null && shown === 0;
  });
}
var wanted = new URLSearchParams(location.hash.slice(1));  // e.g. report.html#hide-info&rule=ARI003
document.getElementById('hide-info').checked = wanted.has('hide-info');
document.getElementById('rule-filter').value = wanted.get('rule') || '';
document.getElementById('hide-info').addEventListener('change', applyFilters);
document.getElementById('rule-filter').addEventListener('change', applyFilters);
applyFilters();
"""

_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def render_html(batch: BatchResult) -> str:
    """The whole report page."""
    documents = batch.worst_first()
    anchors = {d.path: f"doc-{index}" for index, d in enumerate(documents)}
    generated = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    language = "zh-CN" if current_language() == "zh" else "en"
    title = ngettext("disclint report — {count} document", "disclint report — {count} documents", len(documents))
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{language}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{escape(_('disclint report'))}</h1>",
        '<p class="meta">' + escape(ngettext(
            "{count} document linted in {seconds} s", "{count} documents linted in {seconds} s",
            len(documents), seconds=f"{batch.seconds:.1f}",
        )) + f" · disclint {escape(__version__)} · {escape(generated)}</p>",
        _totals(batch),
        _document_table(documents, anchors),
        _rule_table(batch),
        f'<section id="details"><h2>{escape(_("Findings by document"))}</h2>',
        _filters(batch),
        *(_document_details(d, anchors[d.path]) for d in documents if d.findings or d.error),
        f"</section><script>{_SCRIPT}</script></body></html>",
    ]
    return "\n".join(parts) + "\n"


def _totals(batch: BatchResult) -> str:
    counts = batch.counts()
    cells = [("documents", _("Documents"), len(batch.documents))]
    cells += [(str(s), _plural_heading(s), counts[str(s)]) for s in _SEVERITIES]
    cells.append(("unreadable", _("Could not lint"), len(batch.errors)))
    head = "".join(f"<th>{escape(label)}</th>" for _key, label, _value in cells)
    body = "".join(
        f'<td id="total-{key}" class="{key if value or key == "documents" else "zero"}">{value}</td>'
        for key, _label, value in cells
    )
    return f'<section id="summary"><table class="totals"><tr>{head}</tr><tr>{body}</tr></table></section>'


def _plural_heading(severity: Severity) -> str:
    return {Severity.ERROR: _("Errors"), Severity.WARNING: _("Warnings"), Severity.INFO: _("Infos")}[severity]


def _document_table(documents: list[DocumentResult], anchors: dict[str, str]) -> str:
    rows = []
    for d in documents:
        counts = d.counts()
        by_rule = Counter(f.code for f in d.findings)
        if d.error:
            rules = f'<span class="unreadable">{escape(_("cannot lint: {reason}", reason=d.error))}</span>'
        elif by_rule:
            rules = ", ".join(f"{code} ×{n}" for code, n in sorted(by_rule.items(), key=lambda i: (-i[1], i[0])))
        else:
            rules = f'<span class="clean">{escape(_("no findings"))}</span>'
        name = escape(d.path)
        link = f'<a href="#{anchors[d.path]}">{name}</a>' if d.findings or d.error else name
        cells = "".join(
            f'<td class="num {s if counts[str(s)] else "zero"}" data-severity="{s}">{counts[str(s)]}</td>'
            for s in _SEVERITIES
        )
        rows.append(f"<tr><td>{link}</td><td>{_identity(d)}</td>{cells}<td>{rules}</td></tr>")
    headings = [_("Document"), _("Title and department"), _("Errors"), _("Warnings"), _("Infos"), _("Rules")]
    return (
        f'<section id="documents"><h2>{escape(_("Documents, worst first"))}</h2><table><tr>'
        + "".join(f"<th>{escape(h)}</th>" for h in headings) + "</tr>"
        + "".join(rows) + "</table></section>"
    )


def _identity(document: DocumentResult) -> str:
    """The document's title, and its department when the title does not already name it."""
    parts = [escape(document.title)] if document.title else []
    if document.department and document.department not in document.title:
        parts.append(f'<span class="department">{escape(document.department)}</span>')
    return "<br>".join(parts)


def _rule_table(batch: BatchResult) -> str:
    rows = [
        f'<tr><td>{escape(r.code)}</td><td>{escape(_(r.name))}</td>'
        f'<td class="{r.severity}">{escape(severity_name(Severity.parse(r.severity)))}</td>'
        f'<td class="num">{r.findings}</td><td class="num">{r.documents}</td></tr>'
        for r in batch.rules()
    ]
    if not rows:
        rows = [f'<tr><td colspan="5" class="clean">{escape(_("no findings"))}</td></tr>']
    headings = [_("Code"), _("Rule"), _("Severity"), _("Findings"), _("Documents")]
    return (
        f'<section id="rules"><h2>{escape(_("Rules"))}</h2><table><tr>'
        + "".join(f"<th>{escape(h)}</th>" for h in headings) + "</tr>" + "".join(rows) + "</table></section>"
    )


def _filters(batch: BatchResult) -> str:
    """A switch that hides info findings and a choice of one rule (see ``_SCRIPT``)."""
    options = "".join(
        f'<option value="{escape(r.code)}">{escape(r.code)} {escape(_(r.name))}</option>' for r in batch.rules()
    )
    return (
        '<p id="filters">'
        f'<label><input type="checkbox" id="hide-info"> {escape(_("Hide info findings"))}</label>'
        f'<label>{escape(_("Rule:"))} <select id="rule-filter"><option value="">{escape(_("all rules"))}</option>'
        f"{options}</select></label></p>"
    )


def _where(finding, document: DocumentResult) -> str:
    """The finding's place; in the Excel workbook of a Word document, with the workbook's name."""
    if finding.path == document.path:
        return finding.position
    return f"{finding.path.replace(chr(92), '/').rsplit('/', 1)[-1]}: {finding.position}"


def _message_with_related(finding, row_ids: dict[int, str]) -> str:
    """The finding's message and the other numbers it involves ("另见 预算数 382:54"), each a link
    to the findings on its line when the report lists some."""
    if not finding.related:
        return escape(finding.message)
    places = []
    for related in finding.related:
        where = related.span.where.label() if related.span.where is not None else \
            f"{related.span.start.line}:{related.span.start.column}"
        text = escape(f"{related.label} {where}")
        row_id = row_ids.get(related.span.start.line) if related.span.where is None else None
        places.append(f'<a class="related" href="#{row_id}">{text}</a>' if row_id else text)
    return _("{message} (see {places})", message=escape(finding.message), places=escape(_("; ")).join(places))


def _document_details(document: DocumentResult, anchor: str) -> str:
    tally = severity_tally(document.counts())
    heading = escape(document.path) + (f" — {escape(document.title)}" if document.title else "")
    if document.error:
        return (
            f'<details id="{anchor}" open><summary>{heading}</summary>'
            f'<p class="unreadable">{escape(_("cannot lint: {reason}", reason=document.error))}</p></details>'
        )
    rows = []
    row_ids = {}  # the first finding on each line is the row other findings' related places link to
    for f in document.findings:
        row_ids.setdefault(f.span.start.line, f"{anchor}-l{f.span.start.line}")
    linked = set()
    for f in document.findings:
        line = f.span.start.line
        row_id = f' id="{row_ids[line]}"' if line not in linked else ""
        linked.add(line)
        before, after = f.extra.get("context_before", ""), f.extra.get("context_after", "")
        quote = (
            f'<span class="context"><span class="around">{escape(before)}</span>'
            f'<mark>{escape(f.span.quote)}</mark><span class="around">{escape(after)}</span></span>'
        )
        expected = "<br>" + escape(_("expected: {value}", value=f.expected)) if f.expected else ""
        rows.append(
            f'<tr class="finding" data-severity="{f.severity}" data-code="{escape(f.code)}">'
            f'<td class="num"{row_id}>{escape(_where(f, document))}</td>'
            f'<td class="{f.severity}">{escape(severity_name(f.severity))}</td>'
            f"<td>{escape(f.code)}<br>{escape(_(f.name))}</td>"
            f"<td>{_message_with_related(f, row_ids)}{expected}</td><td>{quote}</td></tr>"
        )
    headings = [_("Where"), _("Severity"), _("Rule"), _("Message"), _("Text")]
    return (
        f'<details id="{anchor}" open><summary>{heading} — {escape(tally)}</summary><table><tr>'
        + "".join(f"<th>{escape(h)}</th>" for h in headings) + "</tr>"
        + "".join(rows) + "</table></details>"
    )
