"""Write the prebuilt jieba dictionary that ships in ``linter/data``: its trie and word counts.

    python scripts/build_dictionary.py

A first run would otherwise spend ~1 s building them from jieba's ``dict.txt`` into the cache.
The files are named after jieba's version and the size of its dictionary, so a run with another
jieba ignores them and builds its own. Rerun this when the jieba disclint is tested with changes
(tests/test_dictionary.py compares the shipped files with a fresh build).
"""

from __future__ import annotations

from linter.language.dictionary import SHIPPED, _source, build_counts, build_trie, jieba


def main() -> None:
    source = _source()
    stem = f"jieba-{jieba.__version__}-{source.stat().st_size}"
    for old in [*SHIPPED.glob("jieba-*.marisa"), *SHIPPED.glob("jieba-*.counts-u32")]:
        old.unlink()
    trie = SHIPPED / f"{stem}.marisa"
    build_trie(source, trie)
    build_counts(source, trie, SHIPPED / f"{stem}.counts-u32")
    print(f"wrote {trie} and its counts")


if __name__ == "__main__":
    main()
