"""How serious a finding is, and its name in the user's language (apart from :mod:`finding` so
that `disclint rules` need not import dataclasses)."""

from __future__ import annotations

import enum

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
