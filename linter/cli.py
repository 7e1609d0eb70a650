"""The ``disclint`` command line: ``check``, ``report``, ``rules`` and ``explain``."""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import NoReturn

import click

from linter import __version__
from linter.check.registry import UnknownRuleError, all_rules, load_rule

#: 0: no finding at or above --fail-on; 1: such findings; 2: the run failed (bad usage,
#: configuration or input, a rule failing on a file, an internal error) — never 1 for a failure.
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
#: Set (to anything but "" or "0") to print tracebacks as ``--verbose`` does.
TRACEBACK_ENV = "DISCLINT_TRACEBACK"

_FAIL_ON = click.Choice(["error", "warning", "info", "never"], case_sensitive=False)


def _codes(values: tuple[str, ...]) -> list[str]:
    """Accept repeated options and comma-separated lists alike."""
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def _pairs(values: tuple[str, ...], separator: str, option: str) -> list[tuple[str, str]]:
    pairs = []
    for value in values:
        key, found, rest = value.partition(separator)
        if not found or not key.strip() or not rest.strip():
            raise click.UsageError(f"{option} expects KEY{separator}VALUE, got {value!r}")
        pairs.append((key.strip(), rest.strip()))
    return pairs


def _fail(message: str) -> NoReturn:
    _echo_err(f"disclint: error: {message}")
    sys.exit(EXIT_USAGE)


def _echo_err(text: str) -> None:
    """Print one message on standard error, control characters escaped and never unencodable."""
    from linter.safeio import encodable, escape_controls, stdout_encoding

    click.echo(encodable(escape_controls(text), stdout_encoding(sys.stderr)), err=True)


def _verbose_option(command):
    def remember(ctx: click.Context, _param, value: bool) -> bool:
        if value:
            ctx.meta["disclint.verbose"] = True
        return value

    return click.option("-v", "--verbose", is_flag=True, expose_value=False, callback=remember,
                        help=f"Print the traceback of every rule failure or internal error (for bug "
                             f"reports; or set {TRACEBACK_ENV}=1).")(command)


def _verbose(ctx: click.Context | None = None) -> bool:
    ctx = ctx or click.get_current_context(silent=True)
    return bool(ctx and ctx.meta.get("disclint.verbose")) or os.environ.get(TRACEBACK_ENV, "") not in ("", "0")


def _print_tracebacks(findings, errors) -> None:
    """With ``--verbose``: the traceback of each rule failure and internal error, on standard error."""
    from linter.engine import is_failure

    if not _verbose():
        return
    for finding in findings:
        if is_failure(finding):
            _echo_err_raw(f"disclint: {finding.path}: rule {finding.extra['rule']} failed:\n"
                          f"{finding.extra['traceback']}")
    for error in errors:
        if error.traceback:
            _echo_err_raw(f"disclint: {error.path}: {error.traceback}")


def _echo_err_raw(text: str) -> None:
    """A multi-line message (a traceback) on standard error, never unencodable."""
    from linter.safeio import encodable, stdout_encoding

    click.echo(encodable(text, stdout_encoding(sys.stderr)), err=True, nl=False)


class _ContainedGroup(click.Group):
    """A command group whose unexpected exceptions end in one line and exit 2, never a traceback
    and exit 1 (the traceback with ``--verbose``)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit, KeyboardInterrupt):
            raise
        except Exception as error:
            import traceback

            if _verbose(ctx):
                _echo_err_raw("".join(traceback.format_exception(type(error), error, error.__traceback__)))
            detail = " ".join(str(error).split())[:300]
            _fail(f"internal error ({type(error).__name__}: {detail}); please report it "
                  f"(--verbose shows the traceback)")


def settings_options(command):
    """The options that choose rules and settings, shared by ``check`` and ``report``."""
    options = [
        click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
                     help="Use this disclint.toml / pyproject.toml instead of searching upward from each file."),
        click.option("--isolated", is_flag=True, help="Ignore every configuration file."),
        click.option("--select", multiple=True,
                     help="Rule codes or prefixes to run, replacing the configured selection."),
        click.option("--extend-select", multiple=True, help="Rule codes or prefixes to run in addition."),
        click.option("--ignore", multiple=True, help="Rule codes or prefixes not to run."),
        click.option("--severity", "severities", multiple=True, metavar="CODE=LEVEL",
                     help="Override the severity of a rule or prefix (error, warning, info)."),
        click.option("--tolerance", "tolerances", multiple=True, metavar="KEY=VALUE",
                     help="Override a tolerance: amount-unit, tail-per-item, percent-slack."),
        click.option("--per-file-ignores", multiple=True, metavar="GLOB:CODES",
                     help="Do not run rules CODES (comma-separated) on files matching GLOB."),
        click.option("--exclude", multiple=True, metavar="GLOB", help="Do not lint files matching GLOB."),
        click.option("--style/--no-style", default=None,
                     help="Run (or never run) the number-style rules (STY); they are off by default."),
        click.option("--fail-on", type=_FAIL_ON, default=None,
                     help="Exit 1 when a finding at or above this severity is found [default: warning]."),
        click.option("--max-bytes", type=click.IntRange(min=1), default=None,
                     help="Refuse files larger than this [default: 20 MiB]."),
    ]
    for option in reversed(options):
        command = option(command)

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        kwargs["configuration"] = _configuration(
            kwargs.pop("config_file"), kwargs.pop("isolated"), kwargs.pop("select"),
            kwargs.pop("extend_select"), kwargs.pop("ignore"), kwargs.pop("severities"),
            kwargs.pop("tolerances"), kwargs.pop("per_file_ignores"), kwargs.pop("exclude"),
            kwargs.pop("style"), kwargs.pop("fail_on"), kwargs.pop("max_bytes"),
        )
        return command(*args, **kwargs)

    return wrapper


def _configuration(config_file, isolated, select, extend_select, ignore, severities, tolerances,
                   per_file_ignores, exclude, style, fail_on, max_bytes):
    """The command line's options as a :class:`~linter.config.Configuration`."""
    from linter.config import ConfigError, Configuration

    overrides: dict = {}
    if select:
        overrides["select"] = _codes(select)
    for key, values in (("extend-select", extend_select), ("ignore", ignore)):
        if values:
            overrides[key] = _codes(values)
    if severities:
        overrides["severity"] = dict(_pairs(severities, "=", "--severity"))
    if tolerances:
        pairs = _pairs(tolerances, "=", "--tolerance")
        try:
            overrides["tolerances"] = {key: float(value) for key, value in pairs}
        except ValueError:
            raise click.UsageError(f"--tolerance values must be numbers, got {tolerances}") from None
    if per_file_ignores:
        overrides["per-file-ignores"] = {
            glob: _codes((codes,)) for glob, codes in _pairs(per_file_ignores, ":", "--per-file-ignores")
        }
    if exclude:
        overrides["exclude"] = list(exclude)
    if style is not None:
        overrides["style"] = style
    if fail_on is not None:
        overrides["fail-on"] = fail_on.lower()
    if max_bytes is not None:
        overrides["max-bytes"] = max_bytes
    if config_file is not None and not config_file.is_file():
        _fail(f"{config_file}: no such configuration file")
    try:
        return Configuration(overrides, config_file=config_file, isolated=isolated)
    except ConfigError as error:
        _fail(str(error))


@click.group(cls=_ContainedGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="disclint")
def main() -> None:
    """Consistency linter for Chinese budget and final-account disclosures (部门预算/决算公开)."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@settings_options
@click.option("--format", "output_format", type=click.Choice(["text", "json", "github", "sarif"]),
              default="text", show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write the output to this file instead of standard output.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are found.")
@click.option("--stdin-filename", metavar="NAME",
              help="Lint standard input as if it were the file NAME (for editors' unsaved buffers).")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False),
              help="Report only findings that are not recorded in this baseline file.")
@click.option("--write-baseline", "write_baseline_file", type=click.Path(dir_okay=False),
              help="Record every current finding in this baseline file and exit 0.")
@click.option("--fix", "apply_fix", is_flag=True, help="Apply the safe fixes in place; report the rest.")
@click.option("--diff", "show_diff", is_flag=True, help="Print the safe fixes as a unified diff; change nothing.")
@_verbose_option
def check(paths, configuration, output_format, output, exit_zero, stdin_filename, baseline_file,
          write_baseline_file, apply_fix, show_diff) -> None:
    """Lint the documents at PATHS (files, or folders searched for *.txt and *.md)."""
    from linter.config import ConfigError
    from linter.engine import is_failure, lint_paths
    from linter.report.baseline import BaselineError, new_findings, write_baseline
    from linter.report.formatters import FORMATTERS

    if stdin_filename is None and not paths:
        raise click.UsageError("give PATHS to lint, or --stdin-filename NAME to lint standard input")
    if stdin_filename is not None and paths not in ((), ("-",)):
        raise click.UsageError("--stdin-filename lints standard input; give no PATHS with it")
    if stdin_filename is not None and (apply_fix or show_diff):
        raise click.UsageError("--fix and --diff change files; they do not work with --stdin-filename")
    try:
        if stdin_filename is not None:
            result = _lint_stdin(stdin_filename, configuration)
        else:
            result = lint_paths(paths, configuration)
        if write_baseline_file:
            recorded = write_baseline(result.findings, write_baseline_file)
            _echo_err(f"disclint: recorded {recorded} findings in {write_baseline_file}")
            _report_failures(result)
            sys.exit(EXIT_USAGE if _failed(result) else EXIT_OK)
        if baseline_file:
            result.findings = new_findings(result.findings, baseline_file)
    except (UnknownRuleError, ConfigError, BaselineError) as error:
        _fail(str(error))
    if show_diff or apply_fix:
        from linter.fix import fix_files

        applied, diff, refused = fix_files(result.findings, write=apply_fix and not show_diff,
                                           configuration=configuration)
        result.errors.extend(refused)
        if show_diff:
            _write_output(diff, None)
            _report_failures(result)
            sys.exit(EXIT_USAGE if _failed(result) else EXIT_FINDINGS if diff and not exit_zero else EXIT_OK)
        result.findings = [f for f in result.findings if f.fix not in applied]
    rendered = FORMATTERS[output_format](result.findings, result.errors, result.files)
    _write_output(rendered, output)
    _report_failures(result)
    if _failed(result):
        sys.exit(EXIT_USAGE)
    failing = any(
        (fail_on := configuration.for_path(f.path).fail_on) is not None and f.severity >= fail_on
        for f in result.findings
    )
    sys.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_OK)


def _failed(result) -> bool:
    """Whether a file could not be linted or a rule failed on one (exit 2)."""
    from linter.engine import is_failure

    return bool(result.errors) or any(is_failure(f) for f in result.findings)


def _report_failures(result) -> None:
    """Unreadable files and rule failures on standard error (tracebacks with ``--verbose``)."""
    from linter.engine import is_failure

    for error in result.errors:
        _echo_err(f"disclint: {error.path}: {error.message}")
    failures = [f for f in result.findings if is_failure(f)]
    for failure in failures:
        _echo_err(f"disclint: {failure.path}: {failure.message}")
    _print_tracebacks(failures, result.errors)
    if (failures or any(e.traceback for e in result.errors)) and not _verbose():
        _echo_err(f"disclint: rerun with --verbose (or {TRACEBACK_ENV}=1) to see the tracebacks")


def _lint_stdin(name: str, configuration):
    """Lint standard input as the file ``name`` (its configuration, exclusions and name apply)."""
    from linter.engine import FileError, RunResult, lint_source, rules_for
    from linter.read import InputError, decode_bytes

    result = RunResult()
    settings = configuration.for_path(name)
    if settings.excludes(name):
        return result
    result.files = 1
    data = sys.stdin.buffer.read(min(settings.max_bytes, sys.maxsize - 1) + 1)
    try:
        if len(data) > settings.max_bytes:
            raise InputError(f"input is too large (the limit is {settings.max_bytes:,} bytes, see --max-bytes)")
        result.findings = lint_source(decode_bytes(data, name), rules_for(settings), settings)
    except InputError as error:
        result.errors.append(FileError(name, str(error)))
    return result


def _write_output(text: str, output: str | None) -> None:
    """Print ``text``, or write it to ``output`` atomically (a failure leaves the old file whole);
    what the encoding cannot represent is escaped, never an error."""
    from linter.safeio import encodable, stdout_encoding, write_text_atomically

    if output is None:
        click.echo(encodable(text, stdout_encoding()), nl=False)
        return
    try:
        write_text_atomically(output, text)
    except OSError as error:
        _fail(f"{output}: cannot write: {error.strerror or error}")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@settings_options
@click.option("-o", "--output", "outputs", multiple=True, required=True,
              type=click.Path(dir_okay=False, writable=True),
              help="Report file to write: .html, .csv or .xlsx (repeat for several).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Files linted in parallel [default: all cores].")
@_verbose_option
def report(paths, configuration, outputs, jobs) -> None:
    """Lint many documents and write a report for reviewers (HTML, CSV, Excel).

    PATHS are files or folders searched for *.txt and *.md. A file that cannot be linted is
    listed in the report with its error; the run goes on.
    """
    from linter.config import ConfigError
    from linter.engine import is_failure
    from linter.report.batch import REPORT_WRITERS, run_batch

    unknown = [o for o in outputs if Path(o).suffix.lower() not in REPORT_WRITERS]
    if unknown:
        raise click.UsageError(f"cannot tell the report format of {unknown[0]!r}: name it .html, .csv or .xlsx")
    missing = [o for o in outputs if not Path(o).absolute().parent.is_dir()]
    if missing:
        _fail(f"{missing[0]}: cannot write: no such folder")
    try:
        batch = run_batch(paths, configuration, jobs)
    except (UnknownRuleError, ConfigError) as error:
        _fail(str(error))
    from linter.safeio import replacing

    for output in outputs:
        try:
            with replacing(output) as temporary:
                REPORT_WRITERS[Path(output).suffix.lower()](batch, temporary)
        except OSError as error:
            _fail(f"{output}: cannot write: {error.strerror or error}")
        _echo_err(f"disclint: wrote {output}")
    _echo_err(batch.summary())
    failures = [f for f in batch.findings if is_failure(f)]
    internal = [e for e in batch.errors if e.message.startswith("internal error")]
    for failure in failures:
        _echo_err(f"disclint: {failure.path}: {failure.message}")
    _print_tracebacks(failures, [])
    if failures or internal:
        sys.exit(EXIT_USAGE)


@main.command()
def rules() -> None:
    """List every rule: code, name, default severity and summary."""
    for rule in all_rules():
        state = "" if rule.default_enabled else " (off by default)"
        click.echo(f"{rule.code}  {rule.name:<32} {str(rule.severity):<8} {rule.summary()}{state}")


@main.command()
@click.argument("code")
def explain(code: str) -> None:
    """Print the documentation of rule CODE, with a failing and a passing example."""
    try:
        rule = load_rule(code)
    except UnknownRuleError as error:
        raise click.UsageError(str(error)) from None
    click.echo(f"{rule.code} ({rule.name}) — default severity: {rule.severity}\n")
    click.echo(rule.doc())
