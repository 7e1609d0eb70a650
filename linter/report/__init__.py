"""Stage 5 — report: render findings for people, editors and CI."""
