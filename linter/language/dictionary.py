"""jieba's segmentation without its start-up cost, and with a compiled segmenter for long texts.

jieba keeps its 350,000-word dictionary as a Python dict of words and all their prefixes,
unpickled on every start. Here the words go once into a marisa trie (with their counts in a
parallel array), shipped prebuilt for the jieba release disclint is tested with and otherwise
built once into the cache; every run maps the file in a millisecond. The tokenizer below
is jieba's own, except that without HMM it finds each sentence's best route in one pass over
the trie's prefixes: the segmentation is the same as jieba's without HMM.

Segmenting in Python costs ~3 µs a character. rjieba (jieba-rs, the same dictionary and
algorithm compiled) gives the same tokens ~30× faster but takes ~0.12 s to load its
dictionary, so :meth:`TrieTokenizer.cut` switches to it once this process has segmented
enough text for the load to pay (a long document, or the second of a batch).
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
import types
from array import array
from collections import defaultdict
from functools import cache
from math import log
from pathlib import Path

import marisa_trie

from linter.cache import cached
from linter.data import FOLDER


def _import_jieba():
    """Import jieba without pkg_resources: jieba only uses it to open its data files (it falls
    back to opening them directly), and importing it costs setuptools' ~0.15 s start-up. Its HMM
    model (``jieba.finalseg``, ~20 ms to import) loads on first use only: disclint segments
    without HMM."""
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    sys.modules.setdefault("jieba.finalseg", _ImportedOnFirstUse("jieba.finalseg"))
    if "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # makes `import pkg_resources` raise ImportError
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
    return jieba


class _ImportedOnFirstUse(types.ModuleType):
    """Stands in for a module in ``sys.modules`` and imports it when an attribute is first read."""

    def __getattr__(self, attribute: str):
        del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), attribute)


jieba = _import_jieba()

#: Longest dictionary word looked up from one position.
_MAX_WORD = 16
#: Characters segmented in Python before loading the compiled segmenter pays for itself
#: (its load takes about as long as segmenting this much text in Python: measured on the examples,
#: about 2.8 µs a character in a fresh process against a load of ~0.12 s).
COMPILED_AFTER_CHARACTERS = 40_000


#: Characters of text whose best route is remembered, beyond which the routes are forgotten.
MEMORISED_CHARACTERS = 50_000

#: Where the prebuilt trie and counts ship (``scripts/build_dictionary.py`` writes them).
SHIPPED = FOLDER


def _source() -> Path:
    return Path(jieba.__file__).resolve().parent / "dict.txt"


def _frequencies(source: Path) -> dict[str, int]:
    """Word → count of jieba's dictionary (lines ``word count tag``; a repeated word's last count)."""
    fields = source.read_text(encoding="utf-8").split()
    return dict(zip(fields[0::3], map(int, fields[1::3])))


def load_dictionary() -> tuple[marisa_trie.Trie, array]:
    """The trie of jieba's words and their counts by key id (the last element is the total)."""
    trie_path, counts_path = dictionary_files()
    trie = marisa_trie.Trie()
    trie.mmap(str(trie_path))
    counts = array("I")
    counts.frombytes(counts_path.read_bytes())
    return trie, counts


def dictionary_files() -> tuple[Path, Path]:
    """The trie and counts files of the installed jieba: the copies shipped in ``linter/data``
    (``scripts/build_dictionary.py``) when they are of this jieba, else built once into the cache."""
    source = _source()
    # Named after the version and size (not the time stamp), so every venv of one jieba shares them.
    stem = f"jieba-{jieba.__version__}-{source.stat().st_size}"
    shipped = SHIPPED / f"{stem}.marisa", SHIPPED / f"{stem}.counts-u32"
    if sys.byteorder == "little" and all(path.exists() for path in shipped):  # built on a little-endian machine
        return shipped
    trie_path = cached(shipped[0].name, lambda path: build_trie(source, path))
    return trie_path, cached(shipped[1].name, lambda path: build_counts(source, trie_path, path))


def build_trie(source: Path, path: Path) -> None:
    """Write the trie of the words of jieba's dictionary ``source`` to ``path``."""
    marisa_trie.Trie(_frequencies(source)).save(str(path))


def build_counts(source: Path, trie_path: Path, path: Path) -> None:
    """Write the counts of ``source``'s words by their key id in the trie at ``trie_path``, then
    their total, as 32-bit unsigned integers (jieba's total is about 6 × 10⁷)."""
    trie = marisa_trie.Trie()
    trie.mmap(str(trie_path))
    frequencies = _frequencies(source)
    counts = array("I", [0]) * len(trie)
    for word, frequency in frequencies.items():
        counts[trie.key_id(word)] = frequency
    counts.append(sum(frequencies.values()))
    path.write_bytes(counts.tobytes())


@cache
def _compiled_segmenter_class():
    """rjieba's ``Jieba`` class, or None when rjieba is not installed. The rjieba package builds a
    default segmenter on import (~0.15 s) that disclint never uses, so its compiled module is
    loaded without the package's ``__init__``."""
    spec = importlib.util.find_spec("rjieba")
    if spec is None:
        return None
    for folder in spec.submodule_search_locations or ():
        for suffix in importlib.machinery.EXTENSION_SUFFIXES:
            path = Path(folder) / f"rjieba{suffix}"
            if path.is_file():
                loader = importlib.machinery.ExtensionFileLoader("rjieba.rjieba", str(path))
                module = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
                loader.exec_module(module)
                return module.Jieba
    import rjieba  # an unusual layout: pay for the default segmenter

    return rjieba.Jieba


class TrieTokenizer(jieba.Tokenizer):
    """A jieba tokenizer reading the trie dictionary; ``FREQ`` fills with the words it meets."""

    def __init__(self) -> None:
        super().__init__()
        self.trie, counts = load_dictionary()
        self.counts = counts
        self.total = counts[-1]
        self.FREQ = {}
        self.added: dict[str, int] = {}
        self._added_by_first: dict[str, list[str]] = defaultdict(list)
        self.initialized = True
        self.compiled = None
        #: Characters segmented so far, or None once the compiled segmenter is loaded or missing.
        self.segmented: int | None = 0
        #: The best route of the texts segmented in Python, by text: a document repeats its
        #: phrases (about 45% of an example's Chinese text is blocks seen before).
        self._routes: dict[str, dict[int, tuple[float, int]]] = {}
        self._memorised = 0

    def initialize(self, dictionary=None) -> None:
        self.initialized = True

    def frequency(self, word: str) -> int:
        """jieba's count for ``word`` (0 when it is not a dictionary word)."""
        if word in self.added:
            return self.added[word]
        key = self.trie.get(word)
        return self.counts[key] if key is not None else 0

    def add_word(self, word, freq=None, tag=None) -> None:
        frequency = int(freq) if freq is not None else 1
        if word not in self.added:
            self._added_by_first[word[0]].append(word)
        self.added[word] = self.FREQ[word] = frequency
        self.total += frequency
        self._forget()
        if self.compiled is not None:
            self.compiled.add_word(word, frequency, None)

    def cut(self, sentence, cut_all=False, HMM=True, use_paddle=False):
        """jieba's ``cut``; without HMM, long texts go to the compiled segmenter (same tokens)."""
        if cut_all or HMM or use_paddle:
            return super().cut(sentence, cut_all, HMM, use_paddle)
        if self.segmented is not None:
            self.segmented += len(sentence)
            if self.segmented > COMPILED_AFTER_CHARACTERS:
                self.load_compiled()
        if self.compiled is None:
            return self._cut_in_python(sentence)
        return iter(self.compiled.cut(sentence, False))

    def _cut_in_python(self, sentence: str):
        """jieba's ``cut`` without HMM: its blocks, its best route (:meth:`route`), and a run of
        one-character ASCII letters and digits kept together as one token."""
        for block in jieba.re_han_default.split(sentence):
            if not block:
                continue
            if not jieba.re_han_default.match(block):
                for piece in jieba.re_skip_default.split(block):
                    if jieba.re_skip_default.match(piece):
                        yield piece
                    else:
                        yield from piece
                continue
            route, position, buffer = self.route(block), 0, ""
            while position < len(block):
                end = route[position][1] + 1
                word = block[position:end]
                if end - position == 1 and jieba.re_eng.match(word):
                    buffer += word
                else:
                    if buffer:
                        yield buffer
                        buffer = ""
                    yield word
                position = end
            if buffer:
                yield buffer

    def load_compiled(self) -> None:
        """Load a compiled segmenter of its own with the words added so far (without rjieba,
        segmentation stays in Python: slower, the same tokens)."""
        self.segmented = None
        segmenter_class = _compiled_segmenter_class()
        if self.compiled is None and segmenter_class is not None:
            self.compiled = segmenter_class()
            for word, frequency in self.added.items():
                self.compiled.add_word(word, frequency, None)

    def route(self, sentence: str) -> dict[int, tuple[float, int]]:
        """jieba's best route through ``sentence`` (``calc`` over ``get_DAG``), remembered by text."""
        route = self._routes.get(sentence)
        if route is None:
            if self._memorised + len(sentence) > MEMORISED_CHARACTERS:
                self._forget()
            self._memorised += len(sentence)
            route = self._routes[sentence] = self._best_route(sentence)
        return route

    def _forget(self) -> None:
        """Forget the remembered routes."""
        self._routes.clear()
        self._memorised = 0

    def _best_route(self, sentence: str) -> dict[int, tuple[float, int]]:
        """jieba's ``calc`` over its DAG in one backward pass: from each position, the words the
        trie (and :meth:`add_word`) knows there, with the same sums in the same order; a position
        no word starts at is a character of its own (jieba counts it 1)."""
        length = len(sentence)
        route = {length: (0, 0)}
        log_total = log(self.total)
        prefixes, counts, added, added_by_first = (
            self.trie.iter_prefixes_with_ids, self.counts, self.added, self._added_by_first)
        for start in range(length - 1, -1, -1):
            best = None
            for word, key in prefixes(sentence[start:start + _MAX_WORD]):
                count = counts[key]
                if count and word not in added:  # an added word counts as added, below
                    candidate = (log(count) - log_total + route[start + len(word)][0], start + len(word) - 1)
                    if best is None or candidate > best:
                        best = candidate
            for word in added_by_first.get(sentence[start], ()):
                if sentence.startswith(word, start):
                    candidate = (log(added[word] or 1) - log_total + route[start + len(word)][0], start + len(word) - 1)
                    if best is None or candidate > best:
                        best = candidate
            route[start] = best or (log(1) - log_total + route[start + 1][0], start)
        return route

    def get_DAG(self, sentence: str) -> dict[int, list[int]]:
        """jieba's DAG of ``sentence``: the end of every dictionary word starting at each position
        (for jieba's other modes; :meth:`cut` without HMM goes by :meth:`route`)."""
        dag = {}
        prefixes, counts, seen = self.trie.iter_prefixes_with_ids, self.counts, self.FREQ
        for start in range(len(sentence)):
            ends = []
            for word, key in prefixes(sentence[start:start + _MAX_WORD]):
                count = counts[key]
                if count:
                    seen.setdefault(word, count)  # an added word keeps its own count
                    ends.append(start + len(word) - 1)
            added = self._added_by_first.get(sentence[start])
            if added:
                ends = sorted({*ends, *(start + len(w) - 1 for w in added if sentence.startswith(w, start))})
            dag[start] = ends or [start]
        return dag
