"""Generate a corpus of disclosure-like documents with a known number of malformed numbers
(NUM001 findings), for the batch-report tests and scripts/benchmark_report.py."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

_CLEAN = [
    "{year}年度收入总计{a}万元，比上年增加{b}万元，增长{p}%。",
    "一般公共预算财政拨款支出{a}万元，占本年支出合计的{p}%。",
    "基本支出{a}万元，主要用于保障机构正常运转；项目支出{b}万元。",
    "“三公”经费财政拨款支出决算为{b}万元，完成预算的{p}%。",
    "政府采购支出总额{a}万元，其中：政府采购货物支出{b}万元。",
    "机关运行经费支出{b}万元，比上年减少{c}万元，下降{p}%，主要原因是厉行节约。",
]
_MALFORMED = [
    "完成年初预算的{x}.{d}.{d}%。",
    "收入合计{d},{dddd}.{d}万元。",
    "占本年支出{x}..{d}%。",
]
_HEADINGS = ["一、部门主要职能", "二、收入支出决算总体情况说明", "三、财政拨款支出决算情况说明", "四、其他重要事项的情况说明"]


@dataclass
class Corpus:
    folder: Path
    #: Malformed numbers written into each linted document, by path.
    expected: dict[str, int] = field(default_factory=dict)
    #: Files that cannot be linted.
    unreadable: list[str] = field(default_factory=list)

    @property
    def total_expected(self) -> int:
        return sum(self.expected.values())


def _amount(rng: random.Random) -> str:
    return f"{rng.randint(1, 99999) / 100:,.2f}"


def _sentence(rng: random.Random, template: str) -> str:
    return template.format(
        year=rng.choice([2021, 2022, 2023]), a=_amount(rng), b=_amount(rng), c=_amount(rng),
        p=f"{rng.randint(1, 999) / 10:.1f}", x=rng.randint(10, 99), d=rng.randint(1, 9),
        dddd=rng.randint(1000, 9999),
    )


def document_text(rng: random.Random, malformed: int, paragraphs: int = 12) -> str:
    """A document of ``paragraphs`` sections with exactly ``malformed`` malformed numbers."""
    sentences = [_sentence(rng, rng.choice(_CLEAN)) for _ in range(paragraphs * 3)]
    for _ in range(malformed):
        sentences.insert(rng.randrange(len(sentences) + 1), _sentence(rng, rng.choice(_MALFORMED)))
    lines = []
    for index, sentence in enumerate(sentences):
        if index % 3 == 0:
            lines += ["", _HEADINGS[(index // 3) % len(_HEADINGS)], ""]
        lines.append(sentence)
    return "\n".join(lines) + "\n"


def make_corpus(folder: Path, documents: int, seed: int = 5) -> Corpus:
    """Write ``documents`` documents (some GB18030-encoded, in sub-folders) plus one binary and
    one empty file into ``folder``."""
    rng = random.Random(seed)
    corpus = Corpus(folder)
    for index in range(documents):
        malformed = rng.choice([0, 0, 0, 1, 1, 2, 3])
        path = folder / f"region{index % 7}" / f"{index:04d}_部门决算.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        encoding = "gb18030" if index % 10 == 3 else "utf-8"
        path.write_bytes(document_text(rng, malformed).encode(encoding))
        corpus.expected[str(path)] = malformed
    for name, data in (("broken.txt", b"\x00\x01PK\x03\x04" * 50), ("empty.txt", b"")):
        (folder / name).write_bytes(data)
        corpus.unreadable.append(str(folder / name))
    return corpus
