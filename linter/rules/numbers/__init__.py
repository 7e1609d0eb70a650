"""Rules about how numbers are written."""
