"""Reference data shipped with disclint: the subject catalogue and the domain lexicon (read lazily)."""

from pathlib import Path

#: The folder of the data files (a plain path: importlib.resources costs ~3 ms of imports).
FOLDER = Path(__file__).resolve().parent
