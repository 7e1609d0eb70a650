"""Where a warm document's time goes: CPU milliseconds per document of each pipeline stage and
each rule, on distinct copies of the examples (``scripts/distinct.py``).

    python scripts/profile_stages.py [--documents 40] [--top 15]

The stages (flow text, numbers, claims, tables) are computed first, so each rule is charged only
its own work (and any shared result it is the first to ask ``document.derived`` for). The first
document warms the process: it is reported on its own, with the imports and the rules' set-up
before it (what a cold ``disclint check`` pays besides the interpreter and the command line); the compiled segmenter loads once the process
has segmented enough text (see ``linter/language/dictionary.py``), and that load is counted
with the rule that triggers it. Not a test: results go to standard output.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from distinct import distinct_documents  # noqa: E402

STAGES = ("flow", "numbers", "claims", "tables")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=40, help="distinct documents measured")
    parser.add_argument("--top", type=int, default=15, help="stages and rules listed")
    args = parser.parse_args()
    texts = [text for _, text in distinct_documents(args.documents + 1)]
    started = time.process_time()
    from linter.config import Settings
    from linter.engine import instantiate_rules
    from linter.read import decode_bytes

    settings = Settings()
    rules = instantiate_rules(settings)
    print(f"imports and rules' set-up: {1000 * (time.process_time() - started):.0f} ms CPU")
    first = _profile(decode_bytes(texts[0].encode("utf-8"), "first.txt"), rules, settings)
    print(f"first document ({len(texts[0])} characters): {1000 * sum(first.values()):.0f} ms CPU, of which "
          + ", ".join(f"{name} {1000 * seconds:.0f} ms" for name, seconds in first.most_common(3)))
    spent: Counter[str] = Counter()
    for index, text in enumerate(texts[1:]):
        spent += _profile(decode_bytes(text.encode("utf-8"), f"document{index}.txt"), rules, settings)
    count = len(texts) - 1
    print(f"then {1000 * sum(spent.values()) / count:.1f} ms CPU per document ({count} distinct documents):")
    for name, seconds in spent.most_common(args.top):
        print(f"  {1000 * seconds / count:6.2f} ms  {name}")


def _profile(source, rules, settings) -> Counter[str]:
    """CPU seconds of each stage, then each rule, on one document."""
    from linter.check.rule import CheckContext
    from linter.document import Document

    document, spent = Document(source), Counter()
    for stage in STAGES:
        started = time.process_time()
        getattr(document, stage)
        spent[f"stage {stage}"] += time.process_time() - started
    context = CheckContext(settings.tolerances)
    for rule in rules:
        started = time.process_time()
        list(rule.check(document, context))
        spent[f"rule {rule.code}"] += time.process_time() - started
    return spent


if __name__ == "__main__":
    main()
