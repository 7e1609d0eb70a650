"""Print the README's rule table (``## Rules``) from the rule registry.

    python scripts/rules_table.py

tests/test_readme.py fails when the README's table and the rules disagree.
"""

from linter.check.registry import all_rules


def rules_table() -> str:
    lines = ["| code | name | default severity | what it reports |", "| --- | --- | --- | --- |"]
    for rule in all_rules():
        severity = str(rule.severity) + ("" if rule.default_enabled else " (off by default)")
        summary = rule.summary().replace("|", "\\|")
        lines.append(f"| {rule.code} | {rule.name} | {severity} | {summary} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(rules_table(), end="")
