"""Stage 3 — extract: numbers, formulaic claims and tables out of the normalised text."""
