"""The ``disclint`` command line: ``check``, ``report``, ``extract``, ``rules`` and ``explain``."""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import NoReturn

import click

from linter import __version__
from linter.i18n import N_, _, chosen_language, ngettext, set_language

#: 0: no finding at or above --fail-on; 1: such findings; 2: the run failed (bad usage,
#: configuration or input, a rule failing on a file, an internal error) — never 1 for a failure.
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
#: After Ctrl-C, as a shell reports a command killed by SIGINT.
EXIT_INTERRUPTED = 130
#: Set (to anything but "" or "0") to print tracebacks as ``--verbose`` does.
TRACEBACK_ENV = "DISCLINT_TRACEBACK"

_FAIL_ON = click.Choice(["error", "warning", "info", "never"], case_sensitive=False)

#: Click's own texts that disclint's users see (usage, option headings, common errors), so that
#: the catalogue translates them too (click looks them up through :func:`translate_click`).
CLICK_MESSAGES = (
    N_("Usage:"), N_("Options"), N_("Commands"), N_("Show this message and exit."),
    N_("Error: {message}"), N_("Try '{command} {option}' for help."),
    N_("No such option {name!r}."), N_("Did you mean {possibility}?"),
    N_("(Did you mean one of: {possibilities}?)"), N_("No such command {name!r}."),
    N_("Missing argument"), N_("Missing option"), N_("Missing command."),
    N_("Invalid value for {param_hint}: {message}"), N_("Invalid value: {message}"),
    N_("{value!r} is not one of {choices}."), N_("{value!r} is not {choice}."),
    N_("{value!r} is not a valid {number_type}."), N_("{value} is not in the range {range}."),
    N_("Option {name!r} requires an argument."), N_("Option {name!r} does not take a value."),
    N_("default"), N_("default: {default}"), N_("required"), N_("Aborted!"),
)


def translate_click() -> None:
    """Let click's own texts follow the chosen language (click looks them up by module-level
    ``_`` and ``ngettext`` names; they are pointed at disclint's catalogue)."""
    from click import core, decorators, exceptions, formatting, parser, types

    from linter import i18n

    for module in (core, decorators, exceptions, formatting, parser, types):
        if hasattr(module, "_"):
            module._ = i18n.lookup
        if hasattr(module, "ngettext"):
            module.ngettext = i18n.lookup_plural


class TranslatedOption(click.Option):
    """An option whose help (an English message id) is shown in the current language."""

    def get_help_record(self, ctx):
        english = self.help
        self.help = _(english) if english else english
        try:
            return super().get_help_record(ctx)
        finally:
            self.help = english


class TranslatedCommand(click.Command):
    """A command whose help and short help are shown in the current language."""

    def format_help_text(self, ctx, formatter):
        english = self.help
        self.help = _(english) if english else english
        try:
            super().format_help_text(ctx, formatter)
        finally:
            self.help = english

    def get_short_help_str(self, limit: int = 45) -> str:
        return _(self.help).split("\n\n")[0] if self.help else ""


class TranslatedGroup(TranslatedCommand, click.Group):
    """The command group; it reads ``--lang`` before parsing, so that click's own errors about the
    rest of the command line are in that language too."""

    command_class = TranslatedCommand

    def main(self, args=None, *rest, **kwargs):
        arguments = list(sys.argv[1:] if args is None else args)
        set_language(None)
        for index, argument in enumerate(arguments):
            value = argument.partition("=")[2] if argument.startswith("--lang=") else (
                arguments[index + 1] if argument == "--lang" and index + 1 < len(arguments) else None)
            if value and value.lower() in ("zh", "en"):
                set_language(value)
        return super().main(arguments, *rest, **kwargs)


def _choose_language(ctx, param, value) -> None:
    if value is not None:
        set_language(value)


#: ``click.option`` with its help shown in the current language.
option = functools.partial(click.option, cls=TranslatedOption)


def lang_option(command):
    """``--lang zh|en``: the language of messages, help and reports (eager, so that it applies to
    ``--help`` given after it)."""
    return option(
        "--lang", type=click.Choice(["zh", "en"], case_sensitive=False), default=None, is_eager=True,
        expose_value=False, callback=_choose_language,
        help=N_("Language of messages and reports [default: configuration key lang, else the locale]."),
    )(command)


def _codes(values: tuple[str, ...]) -> list[str]:
    """Accept repeated options and comma-separated lists alike."""
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def _pairs(values: tuple[str, ...], separator: str, option: str) -> list[tuple[str, str]]:
    pairs = []
    for value in values:
        key, found, rest = value.partition(separator)
        if not found or not key.strip() or not rest.strip():
            raise click.UsageError(_("{option} expects KEY{separator}VALUE, got {value!r}",
                                     option=option, separator=separator, value=value))
        pairs.append((key.strip(), rest.strip()))
    return pairs


def _fail(message: str) -> NoReturn:
    _echo_err(_("disclint: error: {message}", message=message))
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

    return option("-v", "--verbose", is_flag=True, expose_value=False, callback=remember,
                  help=N_("Print the traceback of every rule failure or internal error (for bug "
                          "reports; or set DISCLINT_TRACEBACK=1)."))(command)


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


class _ContainedGroup(TranslatedGroup):
    """A command group whose unexpected exceptions end in one line and exit 2, never a traceback
    and exit 1 (the traceback with ``--verbose``)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            sys.unraisablehook = lambda _unraisable: None  # writers cut off mid-way are collected quietly
            _echo_err(_("disclint: interrupted; every file it writes is complete or untouched"))
            sys.exit(EXIT_INTERRUPTED)
        except Exception as error:
            import traceback

            if _verbose(ctx):
                _echo_err_raw("".join(traceback.format_exception(type(error), error, error.__traceback__)))
            detail = " ".join(str(error).split())[:300]
            _fail(_("internal error ({error}: {detail}); please report it (--verbose shows the traceback)",
                    error=type(error).__name__, detail=detail))


def settings_options(command):
    """The options that choose rules and settings, shared by ``check`` and ``report``."""
    options = [
        option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
                     help=N_("Use this disclint.toml / pyproject.toml instead of searching upward from each file.")),
        option("--isolated", is_flag=True, help=N_("Ignore every configuration file.")),
        option("--select", multiple=True,
                     help=N_("Rule codes or prefixes to run, replacing the configured selection.")),
        option("--extend-select", multiple=True, help=N_("Rule codes or prefixes to run in addition.")),
        option("--ignore", multiple=True, help=N_("Rule codes or prefixes not to run.")),
        option("--severity", "severities", multiple=True, metavar="CODE=LEVEL",
                     help=N_("Override the severity of a rule or prefix (error, warning, info).")),
        option("--tolerance", "tolerances", multiple=True, metavar="KEY=VALUE",
                     help=N_("Override a tolerance: amount-unit, tail-per-item, percent-slack.")),
        option("--per-file-ignores", multiple=True, metavar="GLOB:CODES",
                     help=N_("Do not run rules CODES (comma-separated) on files matching GLOB.")),
        option("--exclude", multiple=True, metavar="GLOB", help=N_("Do not lint files matching GLOB.")),
        option("--style/--no-style", default=None,
                     help=N_("Run (or never run) the number-style rules (STY); they are off by default.")),
        option("--fail-on", type=_FAIL_ON, default=None,
                     help=N_("Exit 1 when a finding at or above this severity is found [default: warning].")),
        option("--max-bytes", type=click.IntRange(min=1), default=None,
                     help=N_("Refuse files larger than this [default: 20 MiB].")),
    ]
    for decorator in reversed(options):
        command = decorator(command)
    command = lang_option(command)

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        kwargs["configuration"] = _configuration(
            kwargs.pop("config_file"), kwargs.pop("isolated"), kwargs.pop("select"),
            kwargs.pop("extend_select"), kwargs.pop("ignore"), kwargs.pop("severities"),
            kwargs.pop("tolerances"), kwargs.pop("per_file_ignores"), kwargs.pop("exclude"),
            kwargs.pop("style"), kwargs.pop("fail_on"), kwargs.pop("max_bytes"),
        )
        if chosen_language() is None:
            _language_from_configuration(kwargs["configuration"], kwargs.get("paths") or (kwargs.get("stdin_filename"),))
        return command(*args, **kwargs)

    return wrapper


def _language_from_configuration(configuration, paths) -> None:
    """Speak the ``lang`` of the configuration that applies to the first path, if it sets one."""
    from linter.config import ConfigError

    try:
        set_language(configuration.for_path(paths[0] or ".").lang)
    except ConfigError as error:
        _fail(str(error))


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
            raise click.UsageError(_("--tolerance values must be numbers, got {values}",
                                     values=", ".join(tolerances))) from None
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
        _fail(_("{path}: no such configuration file", path=config_file))
    try:
        return Configuration(overrides, config_file=config_file, isolated=isolated)
    except ConfigError as error:
        _fail(str(error))


translate_click()


@click.group(cls=_ContainedGroup, context_settings={"help_option_names": ["-h", "--help"]},
             help=N_("Consistency linter for Chinese budget and final-account disclosures (部门预算/决算公开)."))
@click.version_option(__version__, prog_name="disclint", cls=TranslatedOption, help=N_("Show the version and exit."))
@lang_option
def main() -> None:
    """The ``disclint`` command group."""


@main.command(help=N_(
    "Lint the documents at PATHS (files, or folders searched for *.txt, *.md, *.pdf, *.docx, *.xlsx and *.xls; "
    "a Word document or text file and the Excel workbook beside it are checked together)."
))
@click.argument("paths", nargs=-1, type=click.Path())
@settings_options
@option("--format", "output_format", type=click.Choice(["text", "json", "github", "sarif", "gitlab", "junit"]),
              default="text", show_default=True, help=N_("Output format."))
@option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help=N_("Write the output to this file instead of standard output."))
@option("--exit-zero", is_flag=True, help=N_("Exit 0 even when findings are found."))
@option("--stdin-filename", metavar="NAME",
              help=N_("Lint standard input as if it were the file NAME (for editors' unsaved buffers)."))
@option("--baseline", "baseline_file", type=click.Path(dir_okay=False),
              help=N_("Report only findings that are not recorded in this baseline file."))
@option("--write-baseline", "write_baseline_file", type=click.Path(dir_okay=False),
              help=N_("Record every current finding in this baseline file and exit 0."))
@option("--fix", "apply_fix", is_flag=True, help=N_("Apply the safe fixes in place; report the rest."))
@option("--diff", "show_diff", is_flag=True, help=N_("Print the safe fixes as a unified diff; change nothing."))
@_verbose_option
def check(paths, configuration, output_format, output, exit_zero, stdin_filename, baseline_file,
          write_baseline_file, apply_fix, show_diff) -> None:
    from linter.check.registry import UnknownRuleError
    from linter.config import ConfigError
    from linter.engine import lint_paths
    from linter.report.baseline import BaselineError, new_findings, write_baseline
    from linter.report.formatters import FORMATTERS

    if stdin_filename is None and not paths:
        raise click.UsageError(_("give PATHS to lint, or --stdin-filename NAME to lint standard input"))
    if stdin_filename is not None and paths not in ((), ("-",)):
        raise click.UsageError(_("--stdin-filename lints standard input; give no PATHS with it"))
    if stdin_filename is not None and (apply_fix or show_diff):
        raise click.UsageError(_("--fix and --diff change files; they do not work with --stdin-filename"))
    try:
        if stdin_filename is not None:
            result = _lint_stdin(stdin_filename, configuration)
        else:
            result = lint_paths(paths, configuration)
        if write_baseline_file:
            recorded = write_baseline(result.findings, write_baseline_file)
            _echo_err(ngettext("disclint: recorded {count} finding in {path}",
                               "disclint: recorded {count} findings in {path}",
                               recorded, path=write_baseline_file))
            _report_failures(result)
            sys.exit(EXIT_USAGE if _failed(result) else EXIT_OK)
        if baseline_file:
            result.findings = new_findings(result.findings, baseline_file)
    except (UnknownRuleError, ConfigError, BaselineError) as error:
        _fail(str(error))
    if show_diff or apply_fix:
        from linter.fix import fix_files

        changes, diff, refused = fix_files(result.findings, write=apply_fix and not show_diff,
                                           configuration=configuration)
        result.errors.extend(refused)
        if show_diff:
            _write_output(diff, None)
            _report_failures(result)
            sys.exit(EXIT_USAGE if _failed(result) else EXIT_FINDINGS if diff and not exit_zero else EXIT_OK)
        _report_unfixable_formats(result.findings)
        _report_changes(changes)
        applied = {change.fix for change in changes}
        result.findings = [f for f in result.findings if f.fix not in applied]
    rendered = FORMATTERS[output_format](result.findings, result.errors, result.files)
    _write_output(rendered, output)
    _report_failures(result)
    _report_skipped(result.skipped)
    if not result.files and stdin_filename is None:
        _fail(_("no document to lint in {paths} (disclint reads {readable})", paths=", ".join(paths),
                readable=_READABLE))
    if _failed(result):
        sys.exit(EXIT_USAGE)
    failing = any(
        (fail_on := configuration.for_path(f.path).fail_on) is not None and f.severity >= fail_on
        for f in result.findings
    )
    sys.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_OK)


def _report_unfixable_formats(findings) -> None:
    """Say, once per file, that ``--fix`` leaves a PDF, Word or Excel file with findings as it is."""
    from linter.read import STRUCTURED_SUFFIXES

    for path in dict.fromkeys(f.path for f in findings if f.path.lower().endswith(STRUCTURED_SUFFIXES)):
        _echo_err(_("{path}: not changed: --fix edits text files only; correct a PDF, Word or Excel file in "
                    "the program that made it", path=path))


def _report_changes(changes) -> None:
    """Each change ``--fix`` made (file, line, before → after), then how many, on standard error."""
    for change in changes:
        _echo_err(_("{path}:{line}: fixed “{before}” → “{after}”", path=change.path, line=change.line,
                     before=change.before, after=change.after))
    _echo_err(ngettext("disclint: applied {count} fix in {files} file(s)",
                        "disclint: applied {count} fixes in {files} file(s)",
                        len(changes), files=len({change.path for change in changes})))


_READABLE = "*.txt, *.md, *.pdf, *.docx, *.xlsx, *.xls"


def _report_skipped(skipped: list[str]) -> None:
    """Name the files found in the folders whose type disclint does not read."""
    if skipped:
        shown = ", ".join(skipped[:5]) + (", …" if len(skipped) > 5 else "")
        _echo_err(ngettext("disclint: skipped {count} file of a type disclint does not read ({readable}): {shown}",
                            "disclint: skipped {count} files of a type disclint does not read ({readable}): {shown}",
                            len(skipped), readable=_READABLE, shown=shown))


def _failed(result) -> bool:
    """Whether a file could not be linted or a rule failed on one (exit 2)."""
    from linter.engine import is_failure

    return bool(result.errors) or any(is_failure(f) for f in result.findings)


def _report_failures(result) -> None:
    """Unreadable files and rule failures on standard error (tracebacks with ``--verbose``)."""
    from linter.engine import is_failure

    for error in result.errors:
        _echo_err(_("disclint: {path}: {message}", path=error.path, message=error.message))
    failures = [f for f in result.findings if is_failure(f)]
    for failure in failures:
        _echo_err(_("disclint: {path}: {message}", path=failure.path, message=failure.message))
    _print_tracebacks(failures, result.errors)
    if (failures or any(e.traceback for e in result.errors)) and not _verbose():
        _echo_err(_("disclint: rerun with --verbose (or {variable}=1) to see the tracebacks", variable=TRACEBACK_ENV))


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
            raise InputError(_("input is too large (the limit is {limit:,} bytes, see --max-bytes)",
                               limit=settings.max_bytes))
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
        _fail(_("{path}: cannot write: {reason}", path=output, reason=error.strerror or error))


@main.command(help=N_(
    "Lint many documents and write a report for reviewers (HTML, CSV, Excel).\n\n"
    "PATHS are files or folders searched for *.txt, *.md, *.pdf, *.docx, *.xlsx and *.xls. A file that cannot be linted is listed "
    "in the report with its error; the run goes on, and exits 2 at the end. Otherwise exits 1 when a "
    "finding at or above --fail-on was found."
))
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@settings_options
@option("-o", "--output", "outputs", multiple=True, required=True,
              type=click.Path(dir_okay=False, writable=True),
              help=N_("Report file to write: .html, .csv or .xlsx (repeat for several)."))
@option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help=N_("Files linted in parallel [default: all cores]."))
@option("--scheduler", envvar="DASK_SCHEDULER_ADDRESS", metavar="ADDRESS",
              help=N_("Lint on the Dask cluster of this scheduler (e.g. tcp://host:8786; also read from "
                      "DASK_SCHEDULER_ADDRESS); needs disclint[dask] and the files at the same path on every worker."))
@_verbose_option
def report(paths, configuration, outputs, jobs, scheduler) -> None:
    from linter.check.registry import UnknownRuleError
    from linter.config import ConfigError
    from linter.engine import is_failure
    from linter.report.batch import REPORT_WRITERS, run_batch
    from linter.report.cluster import ClusterError

    unknown = [o for o in outputs if Path(o).suffix.lower() not in REPORT_WRITERS]
    if unknown:
        raise click.UsageError(_("cannot tell the report format of {path!r}: name it .html, .csv or .xlsx",
                                 path=unknown[0]))
    missing = [o for o in outputs if not Path(o).absolute().parent.is_dir()]
    if missing:
        _fail(_("{path}: cannot write: no such folder", path=missing[0]))
    try:
        batch = run_batch(paths, configuration, jobs, scheduler)
    except (UnknownRuleError, ConfigError, ClusterError) as error:
        _fail(str(error))
    _report_skipped(batch.skipped)
    if not batch.documents:
        _fail(_("no document to lint in {paths} (disclint reads {readable}); no report written", paths=", ".join(paths), readable=_READABLE))
    from contextlib import ExitStack

    from linter.safeio import replacing

    output = None
    try:
        with ExitStack() as written:  # every report is renamed into place once all are written, or none is
            for output in outputs:
                REPORT_WRITERS[Path(output).suffix.lower()](batch, written.enter_context(replacing(output)))
    except OSError as error:
        _fail(_("{path}: cannot write: {reason}; no report was changed", path=output, reason=error.strerror or error))
    for output in outputs:
        _echo_err(_("disclint: wrote {path}", path=output))
    _echo_err(batch.summary())
    failures = [f for f in batch.findings if is_failure(f)]
    for failure in failures:
        _echo_err(_("disclint: {path}: {message}", path=failure.path, message=failure.message))
    _print_tracebacks(failures, [e for e in batch.errors if e.traceback])
    if failures or batch.errors:  # a file not read (listed in the report) or a failure
        sys.exit(EXIT_USAGE)
    failing = any(
        (fail_on := configuration.for_path(f.path).fail_on) is not None and f.severity >= fail_on
        for f in batch.findings
    )
    sys.exit(EXIT_FINDINGS if failing else EXIT_OK)


@main.command(help=N_(
    "Print what disclint read from PATH: its text, then each table it found as TSV.\n\n"
    "For a PDF, Word or Excel file the text is the extracted text that the rules see (its line numbers "
    "are the line of JSON output); each table follows with its title, unit, kind and the values read "
    "into each 栏次 column."
))
@click.argument("path", type=click.Path())
@option("--workbook", type=click.Path(dir_okay=False),
        help=N_("An .xlsx or .xls whose sheets are the tables of the Word document or text file PATH "
                "[default: the workbook of PATH's name beside it, as check reads it]."))
@option("--max-bytes", type=click.IntRange(min=1), default=None,
        help=N_("Refuse files larger than this [default: 20 MiB]."))
@lang_option
def extract(path, workbook, max_bytes) -> None:
    from linter.document import Document
    from linter.engine import workbook_beside
    from linter.read import DEFAULT_MAX_BYTES, InputError, read_document
    from linter.report.extraction import render_extraction

    try:
        book = Path(workbook) if workbook else workbook_beside(Path(path))
        source = read_document(path, max_bytes or DEFAULT_MAX_BYTES, book)
    except InputError as error:
        _fail(_("{path}: {reason}", path=path, reason=error))
    click.echo(render_extraction(Document(source)), nl=False)


@main.command(help=N_("List every rule: code, name, default severity and summary."))
@lang_option
def rules() -> None:
    from linter.check.registry import rule_lines

    for line in rule_lines():
        click.echo(line)


@main.command(help=N_("Print the documentation of rule CODE, with a failing and a passing example."))
@click.argument("code")
@lang_option
def explain(code: str) -> None:
    from linter.check.finding import severity_name
    from linter.check.registry import UnknownRuleError, load_rule

    try:
        rule = load_rule(code)
    except UnknownRuleError as error:
        raise click.UsageError(str(error)) from None
    click.echo(_("{code} ({name}) — default severity: {severity}",
                 code=rule.code, name=rule.name if rule.title() == rule.name else f"{rule.name} {rule.title()}",
                 severity=severity_name(rule.severity)) + "\n")
    click.echo(rule.doc())


@main.group(cls=TranslatedGroup, help=N_(
    "Keep disclint loaded in a background process (the daemon) that runs `disclint check` for you: "
    "a check then starts in milliseconds instead of a quarter of a second. While the daemon runs, "
    "`disclint check` hands it the command line and prints what it answers; set DISCLINT_DAEMON=0 to "
    "check in the command's own process. Needs Unix sockets (Linux, macOS)."
))
@lang_option
def daemon() -> None:
    """The ``disclint daemon`` commands."""


def _idle_timeout_option(command):
    from linter.daemon import DEFAULT_IDLE_TIMEOUT

    return option("--idle-timeout", type=click.FloatRange(min=1), default=DEFAULT_IDLE_TIMEOUT, show_default=True,
                  metavar="SECONDS", help=N_("Exit after this many seconds without a check."))(command)


@daemon.command(help=N_("Start the daemon in the background (nothing happens when it already runs)."))
@_idle_timeout_option
@lang_option
def start(idle_timeout: float) -> None:
    from linter.daemon import DaemonError, start as start_daemon

    try:
        pid = start_daemon(idle_timeout)
    except DaemonError as error:
        _fail(str(error))
    click.echo(_("disclint daemon running (process {pid})", pid=pid))


@daemon.command(help=N_("Run the daemon in this process, in the foreground (for service managers and tests)."))
@_idle_timeout_option
@lang_option
def serve(idle_timeout: float) -> None:
    from linter.daemon import DaemonError, serve as serve_requests

    try:
        serve_requests(idle_timeout)
    except DaemonError as error:
        _fail(str(error))


@daemon.command(help=N_("Stop the daemon."))
@lang_option
def stop() -> None:
    from linter.daemon import request

    if request({"command": "stop"}) is None:
        click.echo(_("no disclint daemon is running"))
    else:
        click.echo(_("disclint daemon stopped"))


@daemon.command(help=N_("Tell whether the daemon runs, with its process, socket and the checks it has run."))
@lang_option
def status() -> None:
    from linter.daemon import request

    reply = request({"command": "status"})
    if reply is None:
        click.echo(_("no disclint daemon is running"))
        sys.exit(EXIT_FINDINGS)
    click.echo(_("disclint daemon {version} running (process {pid}, socket {socket}): {served} checks run",
                 version=reply["version"], pid=reply["pid"], socket=reply["socket"], served=reply["served"]))
