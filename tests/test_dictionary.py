"""The trie-backed jieba tokenizer segments exactly like jieba, and the cache is reused."""

from __future__ import annotations

import logging
import random

from conftest import EXAMPLES
from linter import cache
from linter.language.dictionary import COMPILED_AFTER_CHARACTERS, TrieTokenizer, jieba


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


def _python_and_compiled_tokens(text: str, added: dict[str, int]) -> tuple[list[str], list[str]]:
    python, compiled = TrieTokenizer(), TrieTokenizer()
    compiled.load_compiled()
    for word, frequency in added.items():
        python.add_word(word, frequency)
        compiled.add_word(word, frequency)
    return list(jieba.Tokenizer.cut(python, text, HMM=False)), list(compiled.cut(text, HMM=False))


def test_compiled_segmenter_gives_the_same_tokens():
    """rjieba (jieba-rs) stands in for jieba only where its tokens are the same: the examples,
    and random mixes of Chinese, digits, ASCII, punctuation and white space."""
    sample = "".join(path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt")))
    alphabet = sorted(set(sample[:30000])) + list("abcXYZ019.%-+#&_ \t\n\r,.;:()")
    rng = random.Random(13)
    texts = [sample] + ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60))) for _ in range(500)]
    added = {"数据资源服务中心": 100000, "各各": 3, "够买": 1000}
    python, compiled = _python_and_compiled_tokens("\n".join(texts), added)
    assert python == compiled and len(compiled) > 50000


def test_long_texts_switch_to_the_compiled_segmenter():
    tokenizer = TrieTokenizer()
    tokenizer.add_word("数据资源服务中心", 100000)
    assert list(tokenizer.cut("数据资源服务中心", HMM=False)) == ["数据资源服务中心"] and tokenizer.compiled is None
    tokenizer.cut("预算" * COMPILED_AFTER_CHARACTERS, HMM=False)
    assert tokenizer.compiled is not None
    assert list(tokenizer.cut("本单位数据资源服务中心", HMM=False))[-1] == "数据资源服务中心"


def test_without_rjieba_segmentation_stays_in_python(monkeypatch):
    from linter.language import dictionary

    monkeypatch.setattr(dictionary, "_compiled_segmenter_class", lambda: None)
    tokenizer = TrieTokenizer()
    text = "与上年相比，收、支总计各增加1.5万元。" * (COMPILED_AFTER_CHARACTERS // 10)
    assert list(tokenizer.cut(text, HMM=False)) == list(jieba.Tokenizer.cut(tokenizer, text, HMM=False))
    assert tokenizer.compiled is None and tokenizer.segmented is None


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


def test_shipped_pinyin_table_is_pypinyins():
    """linter/data/pinyin.txt is what scripts/build_pinyin_table.py makes of the installed pypinyin."""
    import importlib.util

    from linter.language.lexicon import _pinyin_table, pinyins

    spec = importlib.util.spec_from_file_location("build_pinyin_table", EXAMPLES.parent / "scripts" / "build_pinyin_table.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    assert _pinyin_table() == builder.readings()
    assert pinyins("够") == pinyins("购") == {"gou"} and not pinyins("a")


def test_shipped_word_readings_are_pypinyins():
    """linter/data/word-readings.txt is what scripts/build_pinyin_table.py makes of the installed pypinyin, jieba's
    dictionary and the lexicon: the words in which a character is read otherwise than alone."""
    import importlib.util

    from linter.language.lexicon import word_readings

    spec = importlib.util.spec_from_file_location("build_pinyin_table", EXAMPLES.parent / "scripts" / "build_pinyin_table.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    assert word_readings() == {word: list(read) for word, read in builder.word_readings().items()}
    assert word_readings()["差旅"] == ["chai", "lv"] and word_readings()["银行"] == ["yin", "hang"]


def test_homophones_share_a_reading():
    """Two characters are homophones exactly when their readings (:func:`pinyins`) meet."""
    from linter.language.lexicon import homophones, pinyins

    assert homophones("够", "购") and homophones("购", "够") and not homophones("够", "句")
    assert not homophones("a", "a") and not homophones("够", "a")
    pairs = [(a, b) for a in "够购钩以衣已预予项像象" for b in "够购钩以衣已预予项像象a"]
    assert [homophones(a, b) for a, b in pairs] == [bool(pinyins(a) & pinyins(b)) for a, b in pairs]


def test_shipped_dictionary_is_a_fresh_build_of_the_installed_jieba(tmp_path):
    """linter/data holds what scripts/build_dictionary.py makes of this jieba, and runs use it."""
    from linter.language import dictionary

    trie, counts = dictionary.dictionary_files()
    assert trie.parent == counts.parent == dictionary.SHIPPED
    dictionary.build_trie(dictionary._source(), tmp_path / "trie")
    dictionary.build_counts(dictionary._source(), tmp_path / "trie", tmp_path / "counts")
    assert (tmp_path / "trie").read_bytes() == trie.read_bytes()
    assert (tmp_path / "counts").read_bytes() == counts.read_bytes()


def test_without_shipped_files_the_dictionary_is_built_into_the_cache(tmp_path, monkeypatch):
    from linter.language import dictionary

    shipped_counts = dictionary.dictionary_files()[1].read_bytes()
    monkeypatch.setenv("DISCLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(dictionary, "SHIPPED", tmp_path / "nothing")
    trie, counts = dictionary.dictionary_files()
    assert trie.parent == counts.parent == tmp_path / "cache"
    assert counts.read_bytes() == shipped_counts


def test_shipped_substitution_index_is_a_fresh_build(tmp_path):
    """linter/data holds the typo finder's index as scripts/build_dictionary.py writes it, and runs use it."""
    from linter.language import typos

    assert typos.substitution_index_file().parent == typos.SHIPPED
    typos.write_substitution_index(tmp_path / "index.tsv")
    assert (tmp_path / "index.tsv").read_bytes() == typos.substitution_index_file().read_bytes()


def test_without_a_shipped_substitution_index_it_is_built_into_the_cache(tmp_path, monkeypatch):
    from linter.language import typos

    shipped = typos.substitution_index_file().read_bytes()
    monkeypatch.setenv("DISCLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(typos, "SHIPPED", tmp_path / "nothing")
    built = typos.substitution_index_file()
    assert built.parent == tmp_path / "cache" and built.read_bytes() == shipped


def test_jiebas_hmm_model_is_imported_only_when_used():
    import subprocess
    import sys

    script = ("import sys; from linter.language.dictionary import TrieTokenizer, jieba; "
              "TrieTokenizer().cut('预算支出', HMM=False); print('jieba.finalseg.prob_emit' in sys.modules); "
              "print(jieba.finalseg.cut is not None, 'jieba.finalseg.prob_emit' in sys.modules)")
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert output.split() == ["False", "True", "True"]


def test_a_repeated_text_is_segmented_once_until_a_word_is_added():
    tokenizer = TrieTokenizer()
    built = []
    best_route = tokenizer._best_route
    tokenizer._best_route = lambda text: built.append(text) or best_route(text)
    first = list(tokenizer._cut_in_python("数据资源服务中心。数据资源服务中心"))
    assert built == ["数据资源服务中心"] and first[:3] == first[4:] and len(first) == 7
    tokenizer.add_word("数据资源服务中心", 100000)
    assert list(tokenizer._cut_in_python("数据资源服务中心")) == ["数据资源服务中心"]
    assert len(built) == 2


def test_best_route_is_jiebas_to_the_last_bit():
    tokenizer = TrieTokenizer()
    tokenizer.add_word("资金到位率", 3)  # an added word that is no dictionary word
    tokenizer.add_word("预算", 7)  # an added word that is one, with another count
    text = (EXAMPLES / "003_13c379aef6052f8e.txt").read_text(encoding="utf-8")
    for block in [b for b in jieba.re_han_default.split(text) if b and jieba.re_han_default.match(b)][:400]:
        jiebas = {}
        jieba.Tokenizer.calc(tokenizer, block, tokenizer.get_DAG(block), jiebas)
        assert tokenizer.route(block) == jiebas, block


def test_python_cut_is_jiebas():
    tokenizer = TrieTokenizer()
    text = (EXAMPLES / "001_46d27437a1fcb152.txt").read_text(encoding="utf-8")[:20000]
    assert list(tokenizer._cut_in_python(text)) == list(jieba.Tokenizer.cut(tokenizer, text, HMM=False))


def test_remembered_texts_are_bounded(monkeypatch):
    from linter.language import dictionary

    monkeypatch.setattr(dictionary, "MEMORISED_CHARACTERS", 10)
    tokenizer = TrieTokenizer()
    for text in ("财政拨款收入", "一般公共预算", "项目支出"):
        tokenizer.route(text)
    assert list(tokenizer._routes) == ["一般公共预算", "项目支出"] and tokenizer._memorised == 10
