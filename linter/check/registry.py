"""Find rules by code without importing them: one module per rule, grouped by family.

Rules live in ``linter/rules/<family>/<code>_<name>.py`` (e.g. ``arith/ari003_completion_rate.py``);
the file name alone gives the code, so selecting rules imports only the ones that run.
"""

from __future__ import annotations

import importlib
import re
from functools import cache
from pathlib import Path

from linter.check.rule import Rule
from linter.i18n import _

_RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
_MODULE = re.compile(r"^([a-z]+\d{3})_\w+\.py$")


class UnknownRuleError(ValueError):
    """A rule code or prefix that matches no rule."""


@cache
def rule_index() -> dict[str, str]:
    """Map every rule code (upper case) to its module's import path."""
    index = {}
    for path in sorted(_RULES_DIR.glob("*/*.py")):
        match = _MODULE.match(path.name)
        if match:
            index[match.group(1).upper()] = f"linter.rules.{path.parent.name}.{path.stem}"
    return index


def load_rule(code: str) -> type[Rule]:
    """Import and return the rule class for ``code``."""
    code = code.upper()
    try:
        module = importlib.import_module(rule_index()[code])
    except KeyError:
        raise UnknownRuleError(_("unknown rule code {code!r}; `disclint rules` lists them", code=code)) from None
    for value in vars(module).values():
        if isinstance(value, type) and issubclass(value, Rule) and getattr(value, "code", None) == code:
            return value
    raise UnknownRuleError(f"module {module.__name__} defines no rule {code}")


def all_rules() -> list[type[Rule]]:
    """Every rule, by code."""
    return [load_rule(code) for code in sorted(rule_index())]


def expand(patterns: list[str]) -> set[str]:
    """Codes matching each code or prefix in ``patterns`` (``ALL`` matches everything)."""
    codes = set()
    for pattern in patterns:
        pattern = pattern.strip().upper()
        if not pattern:
            continue
        matched = {c for c in rule_index() if pattern == "ALL" or c.startswith(pattern)}
        if not matched:
            raise UnknownRuleError(_("{pattern!r} matches no rule code; `disclint rules` lists them", pattern=pattern))
        codes |= matched
    return codes


def selected_codes(
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    extend_select: list[str] | None = None,
) -> list[str]:
    """Codes to run: ``select`` (default: every rule enabled by default) plus ``extend_select``
    minus ``ignore``."""
    if select:
        codes = expand(select)
    else:
        codes = {c for c in rule_index() if load_rule(c).default_enabled}
    codes |= expand(extend_select or [])
    codes -= expand(ignore or [])
    return sorted(codes)
