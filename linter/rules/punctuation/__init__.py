"""Punctuation: brackets, quotes, doubled and ASCII punctuation (PUN)."""
