"""A long fuzz campaign over the whole pipeline: report crashes, hangs and the slowest inputs.

    python scripts/fuzz_campaign.py --count 100000 --seed 1 --save fuzz-crashes/

Generates inputs with the generators of ``tests/fuzz_inputs.py`` (random Unicode, byte soup,
mutated examples, formulaic sentences, tables) in turn, lints each with every rule (style rules
too), and checks the invariants of the CI suite: no exception, positions inside the file, every
output format renders, and (on every ``--twice``-th input) an identical second run. An input
running longer than ``--timeout`` seconds is a hang. Crashing and hanging inputs are saved to
``--save`` for reproduction; the summary groups crashes by the line that raised.
"""

from __future__ import annotations

import argparse
import heapq
import json
import random
import signal
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fuzz_inputs import GENERATORS, check_invariants, fingerprint, lint_bytes  # noqa: E402


class Hang(Exception):
    """An input ran past the time limit."""


def _alarm(signum, frame):
    raise Hang()


def crash_site(error: BaseException) -> str:
    """``file:line exception`` of the innermost frame inside the project."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if "/linter/" in f.filename]
    frame = frames[-1] if frames else traceback.extract_tb(error.__traceback__)[-1]
    return f"{Path(frame.filename).name}:{frame.lineno} {type(error).__name__}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000, help="inputs to try [100000]")
    parser.add_argument("--seed", type=int, default=1, help="random seed [1]")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds before an input is a hang [10]")
    parser.add_argument("--twice", type=int, default=20, help="rerun every N-th input and compare [20]")
    parser.add_argument("--save", type=Path, help="folder to save crashing and hanging inputs in")
    parser.add_argument("--json", type=Path, help="also write the summary as JSON here")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    kinds = list(GENERATORS)
    crashes: Counter = Counter()
    examples: dict[str, str] = {}
    hangs, refused, findings_total = 0, 0, 0
    slowest: list[tuple[float, int, str, int]] = []
    per_kind = Counter()
    signal.signal(signal.SIGALRM, _alarm)
    lint_bytes("2023年收入100万元。".encode())  # load lexicons and grammars before timing
    started = time.perf_counter()
    for number in range(args.count):
        kind = kinds[number % len(kinds)]
        data = GENERATORS[kind](rng)
        per_kind[kind] += 1
        began = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, args.timeout)
        try:
            outcome = lint_bytes(data)
            if outcome is None:
                refused += 1
            else:
                text, findings = outcome
                findings_total += len(findings)
                check_invariants(text, findings)
                if args.twice and number % args.twice == 0:
                    again = lint_bytes(data)
                    assert again is not None and fingerprint(again[1]) == fingerprint(findings), "second run differs"
        except Hang:
            hangs += 1
            _save(args.save, f"hang-{number}", data)
        except Exception as error:  # the campaign records every crash and goes on
            site = crash_site(error)
            crashes[site] += 1
            if site not in examples:
                examples[site] = f"input {number} ({kind}): {type(error).__name__}: {str(error)[:200]}"
                _save(args.save, f"crash-{number}", data)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        elapsed = time.perf_counter() - began
        entry = (elapsed, number, kind, len(data))
        if len(slowest) < 10:
            heapq.heappush(slowest, entry)
        else:
            heapq.heappushpop(slowest, entry)
        if (number + 1) % 10_000 == 0:
            print(f"… {number + 1} inputs, {sum(crashes.values())} crashes, {hangs} hangs, "
                  f"{time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    seconds = time.perf_counter() - started
    summary = {
        "inputs": args.count, "seed": args.seed, "seconds": round(seconds, 1),
        "inputs_per_second": round(args.count / seconds, 1), "by_generator": dict(per_kind),
        "refused_as_unreadable": refused, "findings": findings_total,
        "crashes": sum(crashes.values()), "crash_sites": {site: [count, examples[site]] for site, count in crashes.most_common()},
        "hangs": hangs,
        "slowest": [{"seconds": round(s, 3), "input": n, "generator": k, "bytes": b}
                    for s, n, k, b in sorted(slowest, reverse=True)],
    }
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    if args.json:
        args.json.write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 1 if crashes or hangs else 0


def _save(folder: Path | None, name: str, data: bytes) -> None:
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.txt").write_bytes(data)


if __name__ == "__main__":
    sys.exit(main())
