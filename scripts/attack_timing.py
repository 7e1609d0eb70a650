"""Time the linear-time attacks of issue 10 at their full sizes: 1×, 4× and 16×.

    python scripts/attack_timing.py [--timeout 120] [--only closing-brackets]

Each run lints one attack document (``tests/attacks.py``) with every rule in a fresh process
and prints its wall time and peak memory; a size that passes ``--timeout`` is reported as such
and the larger sizes of that attack are skipped. ``tests/test_linear_time.py`` checks the same
attacks at small sizes.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from attacks import ATTACKS  # noqa: E402

_CHILD = """
import resource, sys, time
sys.path.insert(0, {tests!r})
from attacks import ATTACKS
from fuzz_inputs import lint_bytes
lint_bytes("收入100万元。".encode())
data = ATTACKS[{name!r}][0]({size}).encode("utf-8")
started = time.perf_counter()
lint_bytes(data, contain=True)
print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, len(data))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per run [120]")
    parser.add_argument("--only", action="append", choices=sorted(ATTACKS), help="attacks to run [all]")
    args = parser.parse_args()
    print(f"{'attack':<26}{'size':>12}{'bytes':>12}{'seconds':>10}{'peak MB':>9}")
    for name in args.only or sorted(ATTACKS):
        _, size = ATTACKS[name]
        for multiple in (1, 4, 16):
            scaled = size * multiple if name != "wide-space-table" else size + 4 * (multiple.bit_length() - 1)
            code = _CHILD.format(tests=str(ROOT / "tests"), name=name, size=scaled)
            try:
                result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                        timeout=args.timeout)
            except subprocess.TimeoutExpired:
                print(f"{name:<26}{scaled:>12,}{'':>12}{'> ' + str(int(args.timeout)):>10}")
                break
            if result.returncode != 0:
                print(f"{name:<26}{scaled:>12,}  failed: {result.stderr.strip().splitlines()[-1]}")
                break
            seconds, peak, length = result.stdout.split()
            print(f"{name:<26}{scaled:>12,}{int(length):>12,}{float(seconds):>10.2f}{int(peak):>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
