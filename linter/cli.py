"""The ``disclint`` command line."""

from __future__ import annotations

import sys

import click

from linter import __version__
from linter.check.finding import Severity
from linter.check.registry import UnknownRuleError, all_rules, load_rule

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

_SEVERITIES = click.Choice(["error", "warning", "info", "never"], case_sensitive=False)


def _codes(values: tuple[str, ...]) -> list[str]:
    """Accept repeated options and comma-separated lists alike."""
    return [code for value in values for code in value.split(",") if code.strip()]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="disclint")
def main() -> None:
    """Consistency linter for Chinese budget and final-account disclosures (部门预算/决算公开)."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@click.option("--select", multiple=True, help="Rule codes or prefixes to run (default: all enabled by default).")
@click.option("--extend-select", multiple=True, help="Rule codes or prefixes to run in addition.")
@click.option("--ignore", multiple=True, help="Rule codes or prefixes not to run.")
@click.option("--fail-on", type=_SEVERITIES, default="warning", show_default=True,
              help="Exit 1 when a finding at or above this severity is found.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are found.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=20 * 1024 * 1024, show_default=True,
              help="Refuse files larger than this.")
@click.option("--fix", "apply_fix", is_flag=True, help="Apply the safe fixes in place; report the rest.")
@click.option("--diff", "show_diff", is_flag=True, help="Print the safe fixes as a unified diff; change nothing.")
def check(paths, output_format, select, extend_select, ignore, fail_on, exit_zero, max_bytes,
          apply_fix, show_diff) -> None:
    """Lint the documents at PATHS (files, or folders searched for *.txt and *.md)."""
    from linter.config import Settings
    from linter.engine import lint_paths
    from linter.report.formatters import FORMATTERS

    settings = Settings(
        select=_codes(select),
        ignore=_codes(ignore),
        extend_select=_codes(extend_select),
        fail_on=None if fail_on == "never" else Severity.parse(fail_on),
        max_bytes=max_bytes,
    )
    try:
        result = lint_paths(paths, settings)
    except UnknownRuleError as error:
        raise click.UsageError(str(error)) from None
    if show_diff or apply_fix:
        from linter.fix import fix_files

        applied, diff = fix_files(result.findings, write=apply_fix and not show_diff)
        if show_diff:
            click.echo(diff, nl=False)
            sys.exit(EXIT_FINDINGS if diff and not exit_zero else EXIT_OK)
        result.findings = [f for f in result.findings if f.fix not in applied]
    click.echo(FORMATTERS[output_format](result.findings, result.errors, result.files), nl=False)
    for error in result.errors:
        click.echo(f"disclint: {error.path}: {error.message}", err=True)
    if result.errors:
        sys.exit(EXIT_USAGE)
    failing = settings.fail_on is not None and any(f.severity >= settings.fail_on for f in result.findings)
    sys.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_OK)


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
