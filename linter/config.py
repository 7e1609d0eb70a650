"""Settings of a run: which rules, at which severity, with which tolerances."""

from __future__ import annotations

from dataclasses import dataclass, field

from linter.check.finding import Severity
from linter.check.rule import Tolerances


@dataclass
class Settings:
    """Everything that shapes a lint run, whatever it came from (defaults, files, command line)."""

    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    #: Per-rule severity overrides, code → severity.
    severity: dict[str, Severity] = field(default_factory=dict)
    tolerances: Tolerances = field(default_factory=Tolerances)
    fail_on: Severity | None = Severity.WARNING
    max_bytes: int = 20 * 1024 * 1024
