"""The ``disclint`` executable. ``disclint --version`` and ``disclint rules``, which editors and
CI run to probe the tool, are answered without importing click (which alone takes twice the
interpreter's start-up); ``disclint check`` goes to a running daemon when there is one
(:mod:`linter.daemon`); every other command line goes to :mod:`linter.cli`."""

from __future__ import annotations

import sys


def main() -> None:
    arguments = sys.argv[1:]
    if arguments == ["--version"]:
        from linter import __version__

        print(f"disclint, version {__version__}")
    elif arguments == ["rules"]:
        from linter.check.registry import rule_lines

        sys.stdout.write("".join(f"{line}\n" for line in rule_lines()))
    else:
        if arguments[:1] == ["check"]:
            from linter.daemon import check_remotely

            status = check_remotely(arguments)
            if status is not None:  # a running daemon checked (see ``disclint daemon``)
                sys.exit(status)
        from linter.cli import main as click_main

        click_main()
