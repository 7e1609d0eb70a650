"""Reference data shipped with disclint: the subject catalogue and the domain lexicon (read lazily)."""
