"""Batch reports as tables: CSV (one row per finding) and Excel (documents, rules, findings sheets)."""

from __future__ import annotations

import csv

from linter.check.finding import Severity, severity_name
from linter.i18n import N_, _
from linter.patterns import compile_re
from linter.report.batch import BatchResult

FINDING_COLUMNS = [N_("path"), N_("line"), N_("column"), N_("end_line"), N_("end_column"), N_("severity"),
                   N_("code"), N_("rule"), N_("message"), N_("quote"), N_("context"), N_("expected"), N_("location")]
DOCUMENT_COLUMNS = [N_("path"), N_("title"), N_("department"), N_("errors"), N_("warnings"), N_("infos"),
                    N_("findings"), N_("cannot lint")]
RULE_COLUMNS = [N_("code"), N_("rule"), N_("severity"), N_("findings"), N_("documents")]
#: Text a spreadsheet would run as a formula.
_FORMULA = compile_re(r"^[=+\-@](?![\d.,]+%?$)")


def finding_rows(batch: BatchResult) -> list[list]:
    """One row per finding, then one per file that could not be linted (code ``E000``)."""
    rows = []
    for f in batch.findings:
        before, after = f.extra.get("context_before", ""), f.extra.get("context_after", "")
        rows.append([
            f.path, f.span.start.line, f.span.start.column, f.span.end.line, f.span.end.column,
            severity_name(f.severity), f.code, _(f.name), f.message, f.span.quote,
            f"{before}【{f.span.quote}】{after}", f.expected or "", f.position,
        ])
    for e in batch.errors:
        rows.append([e.path, 1, 1, 1, 1, severity_name(Severity.ERROR), "E000", _("unreadable-file"), e.message,
                     "", "", "", ""])
    return rows


def document_rows(batch: BatchResult) -> list[list]:
    """Counts per document, worst first."""
    rows = []
    for d in batch.worst_first():
        counts = d.counts()
        rows.append([d.path, d.title, d.department, counts["error"], counts["warning"], counts["info"],
                     len(d.findings), d.error or ""])
    return rows


def rule_rows(batch: BatchResult) -> list[list]:
    return [[r.code, _(r.name), severity_name(Severity.parse(r.severity)), r.findings, r.documents]
            for r in batch.rules()]


def _spreadsheet_safe(value):
    return "'" + value if isinstance(value, str) and _FORMULA.match(value) else value


def write_csv(batch: BatchResult, output: str) -> None:
    """The findings as CSV, UTF-8 with a byte-order mark so that Excel reads the Chinese text."""
    with open(output, "w", encoding="utf-8-sig", errors="backslashreplace", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([_(name) for name in FINDING_COLUMNS])
        writer.writerows([_spreadsheet_safe(v) for v in row] for row in finding_rows(batch))


def write_xlsx(batch: BatchResult, output: str) -> None:
    """An Excel workbook with the sheets Documents (worst first), Rules and Findings (named in the
    current language)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    def excel_value(value):
        """``value`` as the sheet takes it: text cleaned of what Excel cannot hold, and kept as text
        where openpyxl would read a formula or an error code (only those become cells of their
        own: a cell is several times slower to write than a plain value)."""
        if not isinstance(value, str):
            return value
        text = ILLEGAL_CHARACTERS_RE.sub("", value.encode("utf-8", "backslashreplace").decode("utf-8"))
        if not (text.startswith("=") or text in ERROR_CODES):
            return text
        cell = WriteOnlyCell(sheet, value=text)
        cell.data_type = "s"  # never a formula
        return cell

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    sheets = [
        (_("Documents"), DOCUMENT_COLUMNS, document_rows(batch), [60, 40, 30, 8, 9, 7, 9, 40]),
        (_("Rules"), RULE_COLUMNS, rule_rows(batch), [10, 32, 9, 9, 11]),
        (_("Findings"), FINDING_COLUMNS, finding_rows(batch), [40, 7, 7, 9, 11, 9, 8, 24, 70, 20, 60, 20, 24]),
    ]
    for title, columns, rows, widths in sheets:
        sheet = workbook.create_sheet(title)
        for index, width in enumerate(widths):
            sheet.column_dimensions[chr(ord("A") + index)].width = width
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{chr(ord('A') + len(columns) - 1)}{len(rows) + 1}"
        header = []
        for name in columns:
            cell = WriteOnlyCell(sheet, value=_(name))
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in rows:
            sheet.append([excel_value(value) for value in row])
    workbook.save(output)
