"""Language: typos, repeats, script and formulaic sentences (LNG)."""
