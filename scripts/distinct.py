"""Distinct documents for honest benchmarks: copies of the real examples, each with its own numbers.

Linting one text again and again measures caches, not the linter. Each copy here changes the
last digit of about one number in eight (chosen by the copy's seed), so no two copies share a
text, and the documents keep their size, structure and wording.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def perturbed(text: str, seed: int) -> str:
    """``text`` with about one number in eight given another last digit."""
    rng = random.Random(seed)

    def change(match: re.Match) -> str:
        number = match.group()
        if rng.random() >= 1 / 8:
            return number
        return number[:-1] + str((int(number[-1]) + rng.randint(1, 9)) % 10)

    return _NUMBER.sub(change, text)


def example_texts() -> list[tuple[str, str]]:
    """``(file name, text)`` of every example, by name."""
    return [(path.name, path.read_text(encoding="utf-8")) for path in sorted(EXAMPLES.glob("*.txt"))]


def distinct_documents(count: int) -> list[tuple[str, str]]:
    """``count`` distinct ``(file name, text)`` documents, cycling through the examples."""
    examples = example_texts()
    return [
        (f"{index:05d}_{examples[index % len(examples)][0]}", perturbed(examples[index % len(examples)][1], index))
        for index in range(count)
    ]


def write_distinct_corpus(folder: Path, count: int, regions: int = 7) -> None:
    """Write ``count`` distinct documents into ``regions`` sub-folders of ``folder``."""
    for index, (name, text) in enumerate(distinct_documents(count)):
        target = folder / f"region{index % regions}" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
