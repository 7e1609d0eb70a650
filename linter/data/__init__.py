"""Reference data shipped with disclint (read lazily by the modules that need it)."""
