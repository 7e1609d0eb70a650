"""The trie-backed jieba tokenizer segments exactly like jieba, and the cache is reused."""

from __future__ import annotations

import logging

from conftest import EXAMPLES
from linter import cache
from linter.language.dictionary import TrieTokenizer, jieba


def test_segmentation_equals_jiebas_own():
    jieba.setLogLevel(logging.WARNING)
    reference = jieba.Tokenizer()
    reference.initialize()
    trie = TrieTokenizer()
    text = (EXAMPLES / "000_81b5e1c742416f92.txt").read_text(encoding="utf-8")[:20000]
    assert list(trie.cut(text, HMM=False)) == list(reference.cut(text, HMM=False))
    for word in ("财政部", "预算", "不是一个词的序列"):
        assert trie.frequency(word) == reference.FREQ.get(word, 0)


def test_added_words_take_part_in_segmentation():
    trie = TrieTokenizer()
    before = list(trie.cut("数据资源服务中心", HMM=False))
    trie.add_word("数据资源服务中心", 100000)
    assert before != ["数据资源服务中心"] and list(trie.cut("数据资源服务中心", HMM=False)) == ["数据资源服务中心"]


def test_cached_files_are_built_once(tmp_path, monkeypatch):
    monkeypatch.setenv("DISCLINT_CACHE_DIR", str(tmp_path))
    calls = []

    def build(path):
        calls.append(path)
        path.write_text("x")

    first = cache.cached("thing", build)
    second = cache.cached("thing", build)
    assert first == second == tmp_path / "thing" and len(calls) == 1 and first.read_text() == "x"
    assert not list(tmp_path.glob("*.tmp"))
