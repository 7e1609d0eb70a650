"""Settings of a run: which rules, at which severity, with which tolerances — and where they come from.

Settings are read from ``disclint.toml`` or the ``[tool.disclint]`` table of ``pyproject.toml``,
found upward from each linted file (the nearest wins; in one folder ``disclint.toml`` wins), and
the command line overrides them (see README "Configuration").
"""

from __future__ import annotations

import dataclasses
import difflib
import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter.check.finding import Severity
from linter.check.registry import UnknownRuleError, expand, rule_index
from linter.check.rule import Tolerances
from linter.i18n import _, parse_language

#: The prefix of the style rules that ``style = true`` turns on.
STYLE_PREFIX = "STY"
_TOLERANCE_KEYS = {f.name.replace("_", "-"): f.name for f in dataclasses.fields(Tolerances)}


class ConfigError(ValueError):
    """A configuration file or option that cannot be used; the message says where and why."""


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
    #: Glob → rule codes or prefixes not to run on the files it matches.
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    #: Globs of files not to lint.
    exclude: list[str] = field(default_factory=list)
    #: ``True`` runs the style rules (STY), ``False`` never runs them, ``None`` keeps their default (off).
    style: bool | None = None
    #: Language of messages and reports (``zh`` / ``en``); ``None``: the locale's.
    lang: str | None = None
    #: The folder globs are relative to (the configuration file's folder).
    root: Path = field(default_factory=Path.cwd)
    #: The settings of each combination of matching per-file-ignores globs (rules get built once per entry).
    _per_file: dict[tuple[str, ...], Settings] = field(default_factory=dict, init=False, repr=False, compare=False)

    def for_path(self, path: str | Path) -> Settings:
        """These settings as they apply to ``path`` (with its per-file ignores)."""
        matched = tuple(glob for glob in self.per_file_ignores if _matches(path, glob, self.root))
        if not matched:
            return self
        if matched not in self._per_file:
            extra = [code for glob in matched for code in self.per_file_ignores[glob]]
            self._per_file[matched] = dataclasses.replace(self, ignore=self.ignore + extra, per_file_ignores={})
        return self._per_file[matched]

    def excludes(self, path: str | Path) -> bool:
        """Whether ``path`` matches an ``exclude`` glob."""
        return any(_matches(path, glob, self.root) for glob in self.exclude)

    def rule_selection(self) -> tuple[list[str], list[str], list[str]]:
        """``(select, ignore, extend_select)`` with the ``style`` switch applied."""
        style_codes = [code for code in rule_index() if code.startswith(STYLE_PREFIX)]
        if self.style is True:
            return self.select, self.ignore, self.extend_select + style_codes
        if self.style is False:
            return self.select, self.ignore + style_codes, self.extend_select
        return self.select, self.ignore, self.extend_select


def _matches(path: str | Path, glob: str, root: Path) -> bool:
    """Whether ``glob`` matches ``path`` relative to ``root``, its file name or one of its folders."""
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(Path(os.path.abspath(root))).as_posix()
    except ValueError:
        relative = absolute.as_posix()
    glob = glob.rstrip("/")
    if fnmatch.fnmatchcase(relative, glob) or fnmatch.fnmatchcase(relative, glob + "/*"):
        return True
    return "/" not in glob and any(fnmatch.fnmatchcase(part, glob) for part in Path(relative).parts)


# --- configuration files ---------------------------------------------------------------------


def find_config_file(start: str | Path, seen: dict[Path, Path | None] | None = None) -> Path | None:
    """The nearest ``disclint.toml``, or ``pyproject.toml`` with a ``[tool.disclint]`` table,
    in the folder of ``start`` or above (``seen`` caches the answer per folder)."""
    seen = {} if seen is None else seen
    folder = Path(os.path.abspath(start))
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        if candidate not in seen:
            seen[candidate] = _config_in(candidate)
        if seen[candidate]:
            return seen[candidate]
    return None


def _config_in(folder: Path) -> Path | None:
    if (folder / "disclint.toml").is_file():
        return folder / "disclint.toml"
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file() and "disclint" in _table(_read_toml(pyproject).get("tool"), pyproject, "tool"):
        return pyproject
    return None


def _table(value: Any, path: Path, key: str) -> dict[str, Any]:
    """``value`` when it is a table (missing: an empty one); otherwise a :class:`ConfigError`."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ConfigError(_("{path}: {key!r} must be a table, not {type}", path=path, key=key, type=type(value).__name__))
    return value


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # only when a configuration file is there: a few milliseconds of start-up

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(_("{path}: invalid TOML: {error}", path=path, error=error)) from None
    except UnicodeDecodeError:
        raise ConfigError(_("{path}: invalid TOML: not UTF-8 text", path=path)) from None
    except RecursionError:
        raise ConfigError(_("{path}: invalid TOML: nested too deeply", path=path)) from None
    except OSError as error:
        raise ConfigError(_("{path}: cannot read: {reason}", path=path, reason=error.strerror or error)) from None


def load_config_file(path: str | Path) -> dict[str, Any]:
    """The disclint table of ``path``: the whole of a ``disclint.toml``, ``[tool.disclint]`` of a
    ``pyproject.toml`` (:func:`apply_options` validates it)."""
    path = Path(path)
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = _table(_table(data.get("tool"), path, "tool").get("disclint"), path, "tool.disclint")
    return data


#: Every configuration key, with the type of its value.
OPTIONS: dict[str, type | tuple[type, ...]] = {
    "select": list,
    "ignore": list,
    "extend-select": list,
    "severity": dict,
    "tolerances": dict,
    "per-file-ignores": dict,
    "exclude": list,
    "fail-on": str,
    "style": bool,
    "max-bytes": int,
    "lang": str,
}


def validate_options(data: dict[str, Any], where: str) -> None:
    """Raise :class:`ConfigError` for an unknown key, a value of the wrong type or an unknown code."""
    for key, value in data.items():
        if key not in OPTIONS:
            raise ConfigError(_("{where}: unknown key {key!r}{hint}", where=where, key=key,
                                hint=_did_you_mean(key, OPTIONS)))
        expected = OPTIONS[key]
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise ConfigError(_("{where}: {key!r} must be a {kind}, not {value!r}",
                                where=where, key=key, kind=_type_name(expected), value=value))
        if expected is list and not all(isinstance(item, str) for item in value):
            raise ConfigError(_("{where}: {key!r} must be a list of strings", where=where, key=key))
    for key in ("select", "ignore", "extend-select"):
        _check_codes(data.get(key, []), f"{where}: {key!r}")
    for code, level in data.get("severity", {}).items():
        _check_codes([code], f"{where}: 'severity'")
        _parse_severity(level, f"{where}: 'severity' of {code}")
    for key, value in data.get("tolerances", {}).items():
        if key not in _TOLERANCE_KEYS:
            raise ConfigError(_("{where}: unknown tolerance {key!r}{hint}", where=where, key=key,
                                hint=_did_you_mean(key, _TOLERANCE_KEYS)))
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ConfigError(_("{where}: tolerance {key!r} must be a number >= 0, not {value!r}",
                                where=where, key=key, value=value))
    for glob, codes in data.get("per-file-ignores", {}).items():
        if not isinstance(codes, list) or not all(isinstance(code, str) for code in codes):
            raise ConfigError(_("{where}: 'per-file-ignores' of {glob!r} must be a list of rule codes",
                                where=where, glob=glob))
        _check_codes(codes, f"{where}: 'per-file-ignores' of {glob!r}")
    if "fail-on" in data:
        _parse_fail_on(data["fail-on"], f"{where}: 'fail-on'")
    if "lang" in data:
        try:
            parse_language(data["lang"])
        except ValueError as error:
            raise ConfigError(f"{where}: 'lang': {error}") from None
    if data.get("max-bytes", 1) < 1:
        raise ConfigError(_("{where}: 'max-bytes' must be at least 1", where=where))


def _check_codes(codes: list[str], where: str) -> None:
    try:
        expand(codes)
    except UnknownRuleError as error:
        raise ConfigError(f"{where}: {error}") from None


def _parse_severity(level: Any, where: str) -> Severity:
    try:
        return Severity.parse(str(level))
    except ValueError as error:
        raise ConfigError(f"{where}: {error}") from None


def _parse_fail_on(level: Any, where: str) -> Severity | None:
    return None if str(level).lower() == "never" else _parse_severity(level, where)


def _did_you_mean(key: str, known) -> str:
    close = difflib.get_close_matches(key, list(known), n=1)
    hint = _("; did you mean {key!r}?", key=close[0]) if close else ""
    return hint + _(" (known: {keys})", keys=", ".join(sorted(known)))


def _type_name(expected) -> str:
    return {list: _("list"), dict: _("table"), str: _("string"), bool: _("boolean"), int: _("integer")}[expected]


# --- merging files and the command line -------------------------------------------------------


def settings_from_options(options: dict[str, Any], root: Path, where: str = "command line") -> Settings:
    """Settings from validated kebab-case ``options`` (a configuration table), over the defaults."""
    return apply_options(Settings(root=root), options, where)


def apply_options(settings: Settings, options: dict[str, Any], where: str = "command line") -> Settings:
    """``settings`` overridden by ``options``: ``select``, ``fail-on``, ``style``, ``max-bytes`` replace;
    ``ignore``, ``extend-select``, ``exclude``, ``per-file-ignores``, ``severity`` and ``tolerances``
    add to what is there."""
    validate_options(options, where)
    changes: dict[str, Any] = {}
    if "select" in options:
        changes["select"] = list(options["select"])
    for key in ("ignore", "extend-select", "exclude"):
        if key in options:
            name = key.replace("-", "_")
            changes[name] = getattr(settings, name) + list(options[key])
    if "severity" in options:
        severity = dict(settings.severity)
        for pattern, level in options["severity"].items():
            for code in expand([pattern]):
                severity[code] = _parse_severity(level, where)
        changes["severity"] = severity
    if "tolerances" in options:
        changes["tolerances"] = dataclasses.replace(
            settings.tolerances,
            **{_TOLERANCE_KEYS[key]: float(value) for key, value in options["tolerances"].items()},
        )
    if "per-file-ignores" in options:
        changes["per_file_ignores"] = {**settings.per_file_ignores, **options["per-file-ignores"]}
    if "fail-on" in options:
        changes["fail_on"] = _parse_fail_on(options["fail-on"], where)
    if "style" in options:
        changes["style"] = options["style"]
    if "max-bytes" in options:
        changes["max_bytes"] = options["max-bytes"]
    if "lang" in options:
        changes["lang"] = parse_language(options["lang"])
    return dataclasses.replace(settings, **changes)


@dataclass
class Configuration:
    """Settings per linted file: its configuration file (found upward, or the one given) under the
    command line's options."""

    #: Command-line options, as kebab-case configuration keys.
    overrides: dict[str, Any] = field(default_factory=dict)
    #: A configuration file to use for every file instead of searching for one.
    config_file: Path | None = None
    #: Use no configuration file at all.
    isolated: bool = False
    _by_file: dict[Path | None, Settings] = field(default_factory=dict, repr=False)
    _by_folder: dict[Path, Path | None] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        validate_options(self.overrides, "command line")

    def for_path(self, path: str | Path) -> Settings:
        """The settings that apply to ``path`` (including its per-file ignores)."""
        return self.settings_for(self.config_path(path)).for_path(path)

    def config_path(self, path: str | Path) -> Path | None:
        if self.isolated:
            return None
        return self.config_file or find_config_file(path, self._by_folder)

    def settings_for(self, config: Path | None) -> Settings:
        """The settings of configuration file ``config`` (``None``: defaults) under the overrides.
        Globs, from the file or the command line, are relative to the file's folder."""
        if config not in self._by_file:
            if config is None:
                base = Settings(root=Path.cwd())
            else:
                base = settings_from_options(load_config_file(config), config.parent.resolve(), str(config))
            self._by_file[config] = apply_options(base, self.overrides)
        return self._by_file[config]
