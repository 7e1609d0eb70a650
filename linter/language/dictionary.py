"""jieba's dictionary as a memory-mapped trie, so a lint run does not pay ~0.8 s to load it.

jieba keeps its 350,000-word dictionary as a Python dict of words and all their prefixes,
unpickled on every start. Here the words go once into a marisa trie (with their counts in a
parallel array) cached on disk; later runs map the file in a millisecond. The tokenizer below
is jieba's own, except that it builds each sentence's word graph from the trie: the
segmentation is the same as jieba's without HMM.
"""

from __future__ import annotations

import sys
from array import array
from collections import defaultdict
from pathlib import Path

import marisa_trie

from linter.cache import cached


def _import_jieba():
    """Import jieba without pkg_resources: jieba only uses it to open its data files (it falls
    back to opening them directly), and importing it costs setuptools' ~0.15 s start-up."""
    if "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # makes `import pkg_resources` raise ImportError
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
    return jieba


jieba = _import_jieba()

#: Longest dictionary word looked up from one position.
_MAX_WORD = 16


def _source() -> Path:
    return Path(jieba.__file__).resolve().parent / "dict.txt"


def _frequencies(source: Path) -> dict[str, int]:
    frequencies = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) >= 2 and parts[1].isdigit():
            frequencies[parts[0]] = int(parts[1])
    return frequencies


def load_dictionary() -> tuple[marisa_trie.Trie, array]:
    """The trie of jieba's words and their counts by key id (the last element is the total)."""
    source = _source()
    stat = source.stat()
    stem = f"jieba-{jieba.__version__}-{stat.st_size}-{int(stat.st_mtime)}"
    trie_path = cached(f"{stem}.marisa", lambda path: marisa_trie.Trie(_frequencies(source)).save(str(path)))
    trie = marisa_trie.Trie()
    trie.mmap(str(trie_path))

    def build_counts(path: Path) -> None:
        frequencies = _frequencies(source)
        counts = array("Q", [0]) * len(trie)
        for word, frequency in frequencies.items():
            counts[trie.key_id(word)] = frequency
        counts.append(sum(frequencies.values()))
        path.write_bytes(counts.tobytes())

    counts = array("Q")
    counts.frombytes(cached(f"{stem}.counts", build_counts).read_bytes())
    return trie, counts


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

    def get_DAG(self, sentence: str) -> dict[int, list[int]]:
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
