"""Data files shipped with the package: the domain lexicon and the subject catalogue."""
