"""What a rule reports: a finding at an exact span, with an optional fix."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from linter.document import Span
from linter.i18n import N_, _


class Severity(enum.IntEnum):
    """How serious a finding is; ``--fail-on`` compares against this order."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> "Severity":
        try:
            return cls[text.upper()]
        except KeyError:
            raise ValueError(_("unknown severity {level!r} (expected error, warning or info)", level=text)) from None


#: Severity names as people read them (machine formats keep ``str(severity)``).
_SEVERITY_NAMES = {Severity.INFO: N_("info"), Severity.WARNING: N_("warning"), Severity.ERROR: N_("error")}


def severity_name(severity: Severity) -> str:
    """``severity`` in the current language (错误 / 警告 / 提示)."""
    return _(_SEVERITY_NAMES[severity])


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
        return {
            "line": self.span.start.line,
            "column": self.span.start.column,
            "end_line": self.span.end.line,
            "end_column": self.span.end.column,
            "label": self.label,
            "quote": self.span.quote,
        }


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
