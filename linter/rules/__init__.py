"""The rules, one module per rule, grouped by family (see :mod:`linter.check.registry`)."""
