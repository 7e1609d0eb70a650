"""The ``disclint`` command line: ``check``, ``report``, ``extract``, ``rules`` and ``explain``."""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import NoReturn

import click

from linter import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

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
    click.echo(f"disclint: error: {message}", err=True)
    sys.exit(EXIT_USAGE)


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
def check(paths, configuration, output_format, output, exit_zero, stdin_filename, baseline_file,
          write_baseline_file, apply_fix, show_diff) -> None:
    """Lint the documents at PATHS (files, or folders searched for *.txt, *.md, *.pdf, *.docx and
    *.xlsx; a Word document and the Excel workbook beside it are checked together)."""
    from linter.check.registry import UnknownRuleError
    from linter.config import ConfigError
    from linter.engine import lint_paths
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
            write_baseline(result.findings, write_baseline_file)
            click.echo(f"disclint: recorded {len(result.findings)} findings in {write_baseline_file}", err=True)
            sys.exit(EXIT_OK)
        if baseline_file:
            result.findings = new_findings(result.findings, baseline_file)
    except (UnknownRuleError, ConfigError, BaselineError) as error:
        _fail(str(error))
    if show_diff or apply_fix:
        from linter.fix import fix_files

        applied, diff = fix_files(result.findings, write=apply_fix and not show_diff)
        if show_diff:
            click.echo(diff, nl=False)
            sys.exit(EXIT_FINDINGS if diff and not exit_zero else EXIT_OK)
        result.findings = [f for f in result.findings if f.fix not in applied]
    rendered = FORMATTERS[output_format](result.findings, result.errors, result.files)
    _write_output(rendered, output)
    for error in result.errors:
        click.echo(f"disclint: {error.path}: {error.message}", err=True)
    _report_skipped(result.skipped)
    if not result.files and stdin_filename is None:
        _fail(f"no document to lint in {', '.join(paths)} (disclint reads {_READABLE})")
    if result.errors:
        sys.exit(EXIT_USAGE)
    failing = any(
        (fail_on := configuration.for_path(f.path).fail_on) is not None and f.severity >= fail_on
        for f in result.findings
    )
    sys.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_OK)


_READABLE = "*.txt, *.md, *.pdf, *.docx, *.xlsx"


def _report_skipped(skipped: list[str]) -> None:
    """Name the files found in the folders whose type disclint does not read."""
    if skipped:
        shown = ", ".join(skipped[:5]) + (", …" if len(skipped) > 5 else "")
        click.echo(f"disclint: skipped {len(skipped)} file{'s' if len(skipped) != 1 else ''} "
                   f"of a type disclint does not read ({_READABLE}): {shown}", err=True)


def _lint_stdin(name: str, configuration):
    """Lint standard input as the file ``name`` (its configuration, exclusions and name apply)."""
    from linter.engine import FileError, RunResult, lint_source, rules_for
    from linter.read import InputError, decode_bytes

    result = RunResult()
    settings = configuration.for_path(name)
    if settings.excludes(name):
        return result
    result.files = 1
    data = sys.stdin.buffer.read(settings.max_bytes + 1)
    try:
        if len(data) > settings.max_bytes:
            raise InputError(f"input is too large (the limit is {settings.max_bytes:,} bytes, see --max-bytes)")
        result.findings = lint_source(decode_bytes(data, name), rules_for(settings), settings)
    except InputError as error:
        result.errors.append(FileError(name, str(error)))
    return result


def _write_output(text: str, output: str | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
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
@click.option("--scheduler", envvar="DASK_SCHEDULER_ADDRESS", metavar="ADDRESS",
              help="Lint on the Dask cluster of this scheduler (e.g. tcp://host:8786; also read from "
                   "DASK_SCHEDULER_ADDRESS); needs disclint[dask] and the files at the same path on every worker.")
def report(paths, configuration, outputs, jobs, scheduler) -> None:
    """Lint many documents and write a report for reviewers (HTML, CSV, Excel).

    PATHS are files or folders searched for *.txt, *.md, *.pdf, *.docx and *.xlsx. A file that cannot be linted is
    listed in the report with its error; the run goes on.
    """
    from linter.check.registry import UnknownRuleError
    from linter.config import ConfigError
    from linter.report.batch import REPORT_WRITERS, run_batch
    from linter.report.cluster import ClusterError

    unknown = [o for o in outputs if Path(o).suffix.lower() not in REPORT_WRITERS]
    if unknown:
        raise click.UsageError(f"cannot tell the report format of {unknown[0]!r}: name it .html, .csv or .xlsx")
    missing = [o for o in outputs if not Path(o).absolute().parent.is_dir()]
    if missing:
        _fail(f"{missing[0]}: cannot write: no such folder")
    try:
        batch = run_batch(paths, configuration, jobs, scheduler)
    except (UnknownRuleError, ConfigError, ClusterError) as error:
        _fail(str(error))
    _report_skipped(batch.skipped)
    if not batch.documents:
        _fail(f"no document to lint in {', '.join(paths)} (disclint reads {_READABLE}); no report written")
    for output in outputs:
        try:
            REPORT_WRITERS[Path(output).suffix.lower()](batch, output)
        except OSError as error:
            _fail(f"{output}: cannot write: {error.strerror or error}")
        click.echo(f"disclint: wrote {output}", err=True)
    click.echo(batch.summary(), err=True)


@main.command()
@click.argument("path", type=click.Path())
@click.option("--workbook", type=click.Path(dir_okay=False),
              help="An .xlsx whose sheets are the tables of the Word document PATH.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None,
              help="Refuse files larger than this [default: 20 MiB].")
def extract(path, workbook, max_bytes) -> None:
    """Print what disclint read from PATH: its text, then each table it found as TSV.

    For a PDF, Word or Excel file the text is the extracted text that the rules see (its line
    numbers are the ``line`` of JSON output); each table follows with its title, unit, kind and
    the values read into each 栏次 column."""
    from linter.document import Document
    from linter.read import DEFAULT_MAX_BYTES, InputError, read_document
    from linter.report.extraction import render_extraction

    try:
        source = read_document(path, max_bytes or DEFAULT_MAX_BYTES, Path(workbook) if workbook else None)
    except InputError as error:
        _fail(f"{path}: {error}")
    click.echo(render_extraction(Document(source)), nl=False)


@main.command()
def rules() -> None:
    """List every rule: code, name, default severity and summary."""
    from linter.check.registry import rule_lines

    for line in rule_lines():
        click.echo(line)


@main.command()
@click.argument("code")
def explain(code: str) -> None:
    """Print the documentation of rule CODE, with a failing and a passing example."""
    from linter.check.registry import UnknownRuleError, load_rule

    try:
        rule = load_rule(code)
    except UnknownRuleError as error:
        raise click.UsageError(str(error)) from None
    click.echo(f"{rule.code} ({rule.name}) — default severity: {rule.severity}\n")
    click.echo(rule.doc())
