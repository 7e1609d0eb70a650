"""Write the prebuilt jieba dictionary that ships in ``linter/data``: its trie and word counts, and
the typo finder's index of known words by masked character (``linter/language/typos.py``).

    python scripts/build_dictionary.py

A first run would otherwise spend ~1.3 s building them from jieba's ``dict.txt`` into the cache.
The files are named after jieba's version and the size of its dictionary, so a run with another
jieba ignores them and builds its own. Rerun this when the jieba disclint is tested with changes
(tests/test_dictionary.py compares the shipped files with a fresh build).
"""

from __future__ import annotations

from linter.language import typos
from linter.language.dictionary import SHIPPED, _source, build_counts, build_trie, jieba


def main() -> None:
    source = _source()
    stem = f"jieba-{jieba.__version__}-{source.stat().st_size}"
    for old in [*SHIPPED.glob("jieba-*.marisa"), *SHIPPED.glob("jieba-*.counts-u32"),
                *SHIPPED.glob("substitution-words-*.tsv")]:
        old.unlink()
    trie = SHIPPED / f"{stem}.marisa"
    build_trie(source, trie)
    build_counts(source, trie, SHIPPED / f"{stem}.counts-u32")
    index = SHIPPED / typos.substitution_index_name()  # of the dictionary just written
    typos.write_substitution_index(index)
    print(f"wrote {trie}, its counts and {index.name}")


if __name__ == "__main__":
    main()
