"""Rules that compare statements of the same quantity across a document."""
