"""Number style of the publication requirements, off by default (STY)."""
