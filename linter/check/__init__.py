"""Stage 4 — check: rules that turn a document's claims and tables into findings."""
