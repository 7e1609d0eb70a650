"""Find rules by code without importing them: one module per rule, grouped by family.

Rules live in ``linter/rules/<family>/<code>_<name>.py`` (e.g. ``arith/ari003_completion_rate.py``);
the file name alone gives the code, so selecting rules imports only the ones that run. What
``disclint rules`` lists and which rules are on by default come from :func:`catalogue`, cached
on disk, so neither needs to import every rule either.
"""

from __future__ import annotations

import os
import re
import zlib
from collections import namedtuple
from functools import cache

from linter.i18n import _
from linter.width import display_width

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

    from linter.check.rule import Rule

_LINTER_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_RULES_DIR = os.path.join(_LINTER_DIR, "rules")
_MODULE = re.compile(r"^([a-z]+\d{3})_\w+\.py$")


class UnknownRuleError(ValueError):
    """A rule code or prefix that matches no rule."""


@cache
def rule_index() -> dict[str, str]:
    """Map every rule code (upper case) to its module's import path."""
    index = {}
    for family, name in _rule_files():
        match = _MODULE.match(name)
        if match:
            index[match.group(1).upper()] = f"linter.rules.{family}.{name[:-3]}"
    return index


def _rule_files() -> list[tuple[str, str]]:
    """``(family, file name)`` of every Python file in a rule family folder, sorted."""
    return sorted(
        (family.name, name)
        for family in os.scandir(_RULES_DIR) if family.is_dir()
        for name in os.listdir(family.path) if name.endswith(".py")
    )


def load_rule(code: str) -> type[Rule]:
    """Import and return the rule class for ``code``."""
    import importlib

    from linter.check.rule import Rule

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


#: What ``disclint rules`` shows of a rule, known without importing it.
RuleInfo = namedtuple("RuleInfo", "code name severity default_enabled summary")


@cache
def catalogue() -> list[RuleInfo]:
    """Every rule's :class:`RuleInfo`, by code: read from a cache file named after a checksum of
    the rule sources (and of the rule base class), built by importing every rule when it is missing."""
    from linter.cache import cached_text

    sources = [os.path.join(_RULES_DIR, *parts) for parts in _rule_files()]
    sources += [os.path.join(_RULES_DIR, "__init__.py"), os.path.join(_LINTER_DIR, "check", "rule.py")]
    checksum = 0
    for source in sources:
        with open(source, "rb") as file:
            checksum = zlib.crc32(file.read(), zlib.crc32(source[len(_LINTER_DIR):].encode(), checksum))

    def build(path: Path) -> None:
        rows = ("\t".join((*info[:3], "on" if info.default_enabled else "off", info.summary)) for info in _describe())
        path.write_text("".join(f"{row}\n" for row in rows), encoding="utf-8")

    try:
        text = cached_text(f"rules-{len(sources)}-{checksum:08x}.tsv", build)
    except OSError:  # no writable cache folder
        return _describe()
    rows = [line.split("\t", 4) for line in text.splitlines()]
    return [RuleInfo(code, name, severity, default == "on", summary) for code, name, severity, default, summary in rows]


def rule_lines() -> list[str]:
    """``disclint rules``: one line per rule with its code, name (and its translation), default
    severity and summary, in the current language."""
    from linter.check.severity import Severity, severity_name

    names = [r.name if _(r.name) == r.name else f"{r.name} {_(r.name)}" for r in catalogue()]
    width = max(map(display_width, names)) + 1
    return [
        f"{r.code}  {_padded(name, width)} {_padded(severity_name(Severity.parse(r.severity)), 8)} "
        f"{_(r.summary)}{'' if r.default_enabled else _(' (off by default)')}"
        for r, name in zip(catalogue(), names)
    ]


def _padded(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def _describe() -> list[RuleInfo]:
    """The catalogue's rows, in English (the message ids; :func:`rule_lines` translates them)."""
    from linter.check.rule import prose_paragraphs

    return [RuleInfo(r.code, r.name, r.severity.name.lower(), r.default_enabled, prose_paragraphs(r)[0][1])
            for r in all_rules()]


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
        codes = {info.code for info in catalogue() if info.default_enabled}
    codes |= expand(extend_select or [])
    codes -= expand(ignore or [])
    return sorted(codes)
