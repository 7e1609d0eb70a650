"""What a rule reports: a finding at an exact span, with an optional fix."""

from __future__ import annotations

from dataclasses import dataclass, field

from linter.check.severity import Severity, severity_name  # noqa: F401 (used with findings)

TYPE_CHECKING = False
if TYPE_CHECKING:  # importing the document pipeline would slow `disclint rules` down
    from linter.document import Span


@dataclass(frozen=True)
class Fix:
    """Replace original-file offsets ``[start, end)`` with ``replacement``.

    ``safe`` fixes are certain (``--fix`` applies them); unsafe ones are only suggested.
    """

    start: int
    end: int
    replacement: str
    safe: bool = True


@dataclass(frozen=True)
class Related:
    """Another place a finding involves (the numbers it was computed from), with a short label."""

    span: Span
    label: str

    def to_dict(self) -> dict:
        """Plain data, as :meth:`Finding.to_dict` gives it: in a PDF, Word or Excel file ``location``
        names the page, paragraph or cell."""
        data = {
            "line": self.span.start.line,
            "column": self.span.start.column,
            "end_line": self.span.end.line,
            "end_column": self.span.end.column,
            "label": self.label,
            "quote": self.span.quote,
        }
        if self.span.where is not None:
            data["location"] = {"label": self.span.where.label(), **self.span.where.fields()}
        return data


@dataclass
class Finding:
    """One problem found in one document."""

    path: str
    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    expected: str | None = None
    fix: Fix | None = None
    extra: dict = field(default_factory=dict)
    #: The other numbers the finding involves; ``span`` is the one that is wrong.
    related: list[Related] = field(default_factory=list)

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.span.start_offset, self.span.end_offset, self.code, self.message)

    @property
    def position(self) -> str:
        """Where a person finds it: ``line:col`` in a text file; page and line, paragraph, table
        cell or sheet cell in a PDF, Word or Excel file (see :class:`linter.read.location.Location`)."""
        if self.span.where is not None:
            return self.span.where.label()
        return f"{self.span.start.line}:{self.span.start.column}"

    def to_dict(self) -> dict:
        """Plain data for machine-readable formats (``line``/``column`` of a PDF, Word or Excel
        file are those of its extracted text; ``location`` gives page, paragraph or cell)."""
        data = {
            "path": self.path,
            "line": self.span.start.line,
            "column": self.span.start.column,
            "end_line": self.span.end.line,
            "end_column": self.span.end.column,
            "code": self.code,
            "rule": self.name,
            "severity": str(self.severity),
            "message": self.message,
            "quote": self.span.quote,
        }
        if self.span.where is not None:
            data["location"] = {"label": self.span.where.label(), **self.span.where.fields()}
        if self.expected is not None:
            data["expected"] = self.expected
        if self.related:
            data["related"] = [r.to_dict() for r in self.related]
        if self.fix is not None:
            data["fix"] = {
                "replacement": self.fix.replacement,
                "safe": self.fix.safe,
                "start_offset": self.fix.start,
                "end_offset": self.fix.end,
            }
        return data
