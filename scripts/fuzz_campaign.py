"""A long fuzz campaign over the whole pipeline: report crashes, hangs and the slowest inputs.

    python scripts/fuzz_campaign.py --count 100000 --seed 1 --save fuzz-crashes/

Generates inputs with the generators of ``tests/fuzz_inputs.py`` (random Unicode, byte soup,
mutated examples, formulaic sentences, tables) in turn, lints each with every rule (style rules
too), and checks the invariants of the CI suite: no exception, positions inside the file, every
output format renders, and (on every ``--twice``-th input) an identical second run. An input
running longer than ``--timeout`` seconds is a hang. Crashing and hanging inputs are saved to
``--save`` for reproduction; the summary groups crashes by the line that raised. Input N is
generated from its own seed (``SEED-N``), so any one of them can be regenerated alone; ``--jobs``
spreads the inputs over processes. Stopped with Ctrl-C or SIGTERM, it prints the summary so far.
"""

from __future__ import annotations

import argparse
import functools
import heapq
import json
import multiprocessing
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


def _interrupt(signum, frame):
    raise KeyboardInterrupt()


def crash_site(error: BaseException) -> str:
    """``file:line exception`` of the innermost frame inside the project."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if "/linter/" in f.filename]
    frame = frames[-1] if frames else traceback.extract_tb(error.__traceback__)[-1]
    return f"{Path(frame.filename).name}:{frame.lineno} {type(error).__name__}"


def run_one(number: int, seed: int, timeout: float, twice: int) -> dict:
    """Generate input ``number`` (its own seeded random source: reproducible alone) and check it."""
    rng = random.Random(f"{seed}-{number}")
    kind = KINDS[number % len(KINDS)]
    data = GENERATORS[kind](rng)
    outcome = {"number": number, "kind": kind, "bytes": len(data), "findings": 0}
    began = time.perf_counter()
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        linted = lint_bytes(data)
        if linted is None:
            outcome["refused"] = True
        else:
            text, findings = linted
            outcome["findings"] = len(findings)
            check_invariants(text, findings)
            if twice and number % twice == 0:
                again = lint_bytes(data)
                assert again is not None and fingerprint(again[1]) == fingerprint(findings), "second run differs"
    except Hang:
        outcome.update(hang=True, data=data)
    except Exception as error:  # the campaign records every crash and goes on
        outcome.update(site=crash_site(error), error=f"{type(error).__name__}: {str(error)[:200]}", data=data)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    outcome["seconds"] = time.perf_counter() - began
    return outcome


KINDS = list(GENERATORS)


def _init_worker() -> None:
    signal.signal(signal.SIGALRM, _alarm)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the pool ends its workers with SIGTERM: no traceback
    lint_bytes("2023年收入100万元。".encode())  # load lexicons and grammars before timing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000, help="inputs to try [100000]")
    parser.add_argument("--seed", type=int, default=1, help="random seed [1]")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds before an input is a hang [10]")
    parser.add_argument("--twice", type=int, default=20, help="rerun every N-th input and compare [20]")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes [1]")
    parser.add_argument("--save", type=Path, help="folder to save crashing and hanging inputs in")
    parser.add_argument("--json", type=Path, help="also write the summary as JSON here")
    args = parser.parse_args()

    crashes: Counter = Counter()
    examples: dict[str, str] = {}
    totals = Counter()
    slowest: list[tuple[float, int, str, int]] = []
    started = time.perf_counter()
    signal.signal(signal.SIGTERM, _interrupt)
    with multiprocessing.Pool(args.jobs, initializer=_init_worker) as pool:
        work = functools.partial(run_one, seed=args.seed, timeout=args.timeout, twice=args.twice)
        try:
            for done, outcome in enumerate(pool.imap_unordered(work, range(args.count), chunksize=20), 1):
                totals["inputs"] += 1
                totals[outcome["kind"]] += 1
                totals["findings"] += outcome["findings"]
                totals["refused"] += outcome.get("refused", False)
                if outcome.get("hang"):
                    totals["hangs"] += 1
                    _save(args.save, f"hang-{outcome['number']}", outcome["data"])
                if "site" in outcome:
                    crashes[outcome["site"]] += 1
                    if outcome["site"] not in examples:
                        examples[outcome["site"]] = f"input {outcome['number']} ({outcome['kind']}): {outcome['error']}"
                        _save(args.save, f"crash-{outcome['number']}", outcome["data"])
                entry = (outcome["seconds"], outcome["number"], outcome["kind"], outcome["bytes"])
                (heapq.heappush if len(slowest) < 10 else heapq.heappushpop)(slowest, entry)
                if done % 10_000 == 0:
                    print(f"… {done} inputs, {sum(crashes.values())} crashes, {totals['hangs']} hangs, "
                          f"{time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
        except KeyboardInterrupt:
            print("interrupted: the summary covers the inputs done so far", file=sys.stderr)
            pool.terminate()
    seconds = time.perf_counter() - started
    summary = {
        "inputs": totals["inputs"], "seed": args.seed, "jobs": args.jobs, "seconds": round(seconds, 1),
        "inputs_per_second": round(totals["inputs"] / seconds, 1),
        "by_generator": {kind: totals[kind] for kind in KINDS},
        "refused_as_unreadable": totals["refused"], "findings": totals["findings"],
        "crashes": sum(crashes.values()),
        "crash_sites": {site: [count, examples[site]] for site, count in crashes.most_common()},
        "hangs": totals["hangs"],
        "slowest": [{"seconds": round(s, 3), "input": n, "generator": k, "bytes": b}
                    for s, n, k, b in sorted(slowest, reverse=True)],
    }
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    if args.json:
        args.json.write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 1 if crashes or totals["hangs"] else 0


def _save(folder: Path | None, name: str, data: bytes) -> None:
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.txt").write_bytes(data)


if __name__ == "__main__":
    sys.exit(main())
