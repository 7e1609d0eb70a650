"""Benchmark disclint on distinct documents: start-up, throughput, size scaling and memory.

    python scripts/benchmark.py [--rounds 15] [--documents 40] [--max-size-mb 5]

Every document linted is a distinct copy of an example (see ``scripts/distinct.py``), so no
cache serves a repeated text. Timings are CPU seconds (user + system) of the process measured,
which other load on the machine disturbs less than wall-clock time; start-up figures are
ratios to the bare interpreter (``python -c pass`` of the same environment) measured in the
same rounds, interleaved, so that a busy machine slows both alike; the warm throughput is also
given in bare-interpreter starts of CPU per document. `disclint check` is also timed with
``disclint daemon`` running (the command's CPU plus the daemon's). The load average before
and after is printed: figures taken under load are noisier. Not a test: results go to
standard output, in the form the README quotes. Run it in a fresh virtual environment (as
``pip install`` users have): an interpreter whose site-packages run ``.pth`` start-up hooks
starts slower and makes every ratio to it look better than it is.
"""

from __future__ import annotations

import argparse
import compileall
import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from distinct import distinct_documents, perturbed  # noqa: E402

#: Sizes of the scaling run, in bytes of UTF-8 text (the last is --max-size-mb).
SCALING_BASE = 50_000


def machine() -> str:
    """Date, processor, cores and Python: the line the README quotes with the figures."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    environment = "virtual environment" if sys.prefix != sys.base_prefix else "NOT a virtual environment"
    return (f"{time.strftime('%Y-%m-%d', time.gmtime())}, {model}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()} ({environment}), load average {load()}")


def load() -> str:
    try:
        return " ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def disclint_command() -> list[str]:
    """The installed ``disclint`` beside this interpreter (as users run it), else ``-m linter``."""
    script = Path(sys.executable).with_name("disclint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "linter"]


def cpu_seconds(command: list[str], environment: dict | None = None) -> tuple[float, float]:
    """``(CPU seconds, wall seconds)`` of one run of ``command`` (in its own process: no daemon,
    unless ``environment`` says otherwise)."""
    environment = environment or {**os.environ, "DISCLINT_DAEMON": "0"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, wall


def start_up(rounds: int, folder: Path) -> None:
    """Cold commands as ratios to the bare interpreter, paired round by round."""
    disclint = disclint_command()
    documents = distinct_documents(rounds + 1)
    commands = {
        "python -c pass": lambda _: [sys.executable, "-c", "pass"],
        "disclint --version": lambda _: [*disclint, "--version"],
        "disclint rules": lambda _: [*disclint, "rules"],
        "disclint check FILE": lambda path: [*disclint, "check", "--exit-zero", str(path)],
    }
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for index, (name, text) in enumerate(documents):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        for label, command in commands.items():
            measured = cpu_seconds(command(path))
            if index:  # the first round builds caches and warms the file system
                samples[label].append(measured)
    bare = samples["python -c pass"]
    print(f"\nStart-up ({rounds} rounds, each `check` on a distinct copy of an example; "
          f"median CPU, ratio to the bare interpreter of the same round):")
    for label, measured in samples.items():
        ratios = [cpu / base for (cpu, _), (base, _) in zip(measured, bare)]
        print(f"  {label:<22} {1000 * statistics.median(c for c, _ in measured):7.1f} ms CPU  "
              f"{ratio_summary(ratios)}, wall median {1000 * statistics.median(w for _, w in measured):.0f} ms")


def ratio_summary(ratios: list[float]) -> str:
    """"median× the interpreter (quartiles q1–q3×)" of the ratios of the rounds."""
    ratios = sorted(ratios)
    quartiles = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else ratios * 3
    return f"{statistics.median(ratios):5.1f}× the interpreter (quartiles {quartiles[0]:.1f}–{quartiles[2]:.1f}×)"


def with_daemon(rounds: int, folder: Path) -> None:
    """`disclint check FILE` while `disclint daemon` runs (its own cache folder, started and
    stopped here): the wall time, and the CPU of the command plus the daemon's share (the
    daemon reports its CPU time), as a ratio to the bare interpreter of the same round."""
    from linter import daemon

    disclint = disclint_command()
    environment = {**os.environ, "DISCLINT_CACHE_DIR": str(folder / "daemon-cache")}
    environment.pop(daemon.DAEMON_ENV, None)
    saved = os.environ.get("DISCLINT_CACHE_DIR")
    os.environ["DISCLINT_CACHE_DIR"] = environment["DISCLINT_CACHE_DIR"]  # for daemon.request below
    try:
        subprocess.run([*disclint, "daemon", "start"], env=environment, check=True, stdout=subprocess.DEVNULL)
        samples = []
        for index, (name, text) in enumerate(distinct_documents(rounds + 1)):
            path = folder / f"daemon_{name}"
            path.write_text(text, encoding="utf-8")
            bare, _ = cpu_seconds([sys.executable, "-c", "pass"])
            before = daemon.request({"command": "status"})["cpu_seconds"]
            client, wall = cpu_seconds([*disclint, "check", "--exit-zero", str(path)], environment)
            served = daemon.request({"command": "status"})
            if index:  # the first round loads what the warm-up did not
                samples.append((client + served["cpu_seconds"] - before, wall, bare))
        assert served["served"] == rounds + 1, "a check did not reach the daemon"
    finally:
        subprocess.run([*disclint, "daemon", "stop"], env=environment, stdout=subprocess.DEVNULL)
        if saved is None:
            del os.environ["DISCLINT_CACHE_DIR"]
        else:
            os.environ["DISCLINT_CACHE_DIR"] = saved
    print(f"\n`disclint check FILE` with `disclint daemon` running ({rounds} rounds, distinct copies): "
          f"wall median {1000 * statistics.median(w for _, w, _ in samples):.0f} ms; "
          f"CPU of the command and the daemon {1000 * statistics.median(c for c, _, _ in samples):.1f} ms, "
          f"{ratio_summary([cpu / bare for cpu, _, bare in samples]).strip()}")


def first_run(rounds: int, folder: Path) -> None:
    """A check with every cache empty (a new machine) against the same check with warm caches."""
    disclint = disclint_command()
    ratios = []
    for index, (name, text) in enumerate(distinct_documents(rounds)):
        path = folder / f"first_{name}"
        path.write_text(text, encoding="utf-8")
        empty = Path(tempfile.mkdtemp(dir=folder))
        fresh = {**os.environ, "DISCLINT_CACHE_DIR": str(empty), "TMPDIR": str(empty)}
        cold, _ = cpu_seconds([*disclint, "check", "--exit-zero", str(path)], fresh)
        warm, _ = cpu_seconds([*disclint, "check", "--exit-zero", str(path)])
        ratios.append(cold / warm)
        shutil.rmtree(empty)
    print(f"\nFirst run with empty caches (disclint's and Lark's) / warm run, same file, {rounds} pairs: "
          f"median {statistics.median(ratios):.2f}× (range {min(ratios):.2f}–{max(ratios):.2f}×)")


def _lint_in_this_process(texts: list[str]) -> list[float]:
    """CPU seconds of linting each text, in this process, with all default rules."""
    from linter.config import Settings
    from linter.engine import instantiate_rules, lint_source
    from linter.read import decode_bytes

    settings = Settings()
    rules = instantiate_rules(settings)
    seconds = []
    for index, text in enumerate(texts):
        source = decode_bytes(text.encode("utf-8"), f"document{index}.txt")
        started = time.process_time()
        lint_source(source, rules, settings)
        seconds.append(time.process_time() - started)
    return seconds


def _warm_up(texts: list[str]) -> int:
    """Lint ``texts`` in this process until it has loaded everything it loads lazily (the compiled
    segmenter loads once enough text is segmented, see ``linter/language/dictionary.py``); how
    many it took."""
    from linter.language.lexicon import tokenizer

    for count, text in enumerate(texts, 1):
        _lint_in_this_process([text])
        if tokenizer().segmented is None:  # the compiled segmenter is loaded (or not installed)
            return count
    raise SystemExit("the compiled segmenter did not load: give the warm-up more documents")


def throughput(count: int) -> None:
    """Warm documents per second per core: one process, distinct documents, after the documents
    that warm it (every lazy load done, see :func:`_warm_up`); also as bare-interpreter starts
    of CPU per document (the interpreter timed just before and after, so that the machine's speed
    of the moment cancels out)."""
    texts = [text for _, text in distinct_documents(count + 10)]
    warm_up = _warm_up(texts[:10])
    texts = texts[warm_up:warm_up + count]
    bare = [cpu_seconds([sys.executable, "-c", "pass"])[0] for _ in range(5)]
    seconds = _lint_in_this_process(texts)
    bare += [cpu_seconds([sys.executable, "-c", "pass"])[0] for _ in range(5)]
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    per_document = sum(seconds) / count
    print(f"\nWarm throughput ({count} distinct documents after {warm_up} warming the process, {megabytes:.1f} MB, "
          f"one process, all default rules): {count / sum(seconds):.1f} documents/s per core "
          f"(median {1000 * statistics.median(seconds):.0f} ms CPU per document; "
          f"{per_document / statistics.median(bare):.2f} interpreter starts per document, "
          f"the interpreter taking {1000 * statistics.median(bare):.1f} ms)")


def scaled_document(size: int) -> str:
    """A document of about ``size`` bytes: distinct copies of the examples one after another
    (as in a compilation of many departments' disclosures)."""
    parts, total, index = [], 0, 0
    examples = [text for _, text in distinct_documents(5)]
    while total < size:
        text = perturbed(examples[index % len(examples)], 1000 + index)
        encoded = len(text.encode("utf-8"))
        if total + encoded > size:
            text = text[: int(len(text) * (size - total) / encoded)]
            text = text[: text.rfind("\n") + 1] or text
        parts.append(text)
        total += len(text.encode("utf-8"))
        index += 1
    return "".join(parts)


def _measure_one_size(size: int) -> None:
    """In a child process: lint one warm-up document, then one of ``size`` bytes; print JSON."""
    _lint_in_this_process([distinct_documents(1)[0][1]])
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    [seconds] = _lint_in_this_process([scaled_document(size)])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "peak_growth_kb": peak - before, "peak_kb": peak}))


def scaling(max_size: int) -> None:
    """Lint time and peak memory against document size, each size in a fresh process."""
    sizes = [SCALING_BASE]
    while sizes[-1] * 10 <= max_size:
        sizes.append(sizes[-1] * 10)
    if sizes[-1] < max_size:
        sizes.append(max_size)
    results = []
    for size in sizes:
        output = subprocess.run([sys.executable, __file__, "--measure-size", str(size)],
                                capture_output=True, text=True, check=True).stdout
        results.append(json.loads(output.strip().splitlines()[-1]))
    print("\nSize scaling (one document of each size, made of distinct example copies; warm process):")
    for size, result in zip(sizes, results):
        print(f"  {size / 1e6:6.2f} MB  {result['seconds']:7.2f} s CPU  "
              f"{result['seconds'] / size * 1e6:6.2f} s/MB  peak memory +{result['peak_growth_kb'] / 1024:.0f} MB "
              f"(process {result['peak_kb'] / 1024:.0f} MB)")
    xs = [math.log(size) for size in sizes]
    ys = [math.log(max(result["seconds"], 1e-9)) for result in results]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / sum((x - mean_x) ** 2 for x in xs)
    ratio = results[-1]["seconds"] / (results[0]["seconds"] * sizes[-1] / sizes[0])
    print(f"  exponent {slope:.2f} (1 = linear); the {sizes[-1] / 1e6:g} MB document takes {ratio:.2f}× "
          f"{sizes[-1] // sizes[0]} × the {sizes[0] // 1000} KB one")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15, help="paired start-up rounds")
    parser.add_argument("--documents", type=int, default=40, help="distinct documents for the throughput")
    parser.add_argument("--max-size-mb", type=float, default=5.0, help="largest document of the scaling run")
    parser.add_argument("--skip", nargs="*", default=[], choices=["start-up", "daemon", "first-run", "throughput", "scaling"])
    parser.add_argument("--measure-size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_size:
        _measure_one_size(args.measure_size)
        return
    print(f"Machine: {machine()}")
    # Bytecode as an installation has it (pip compiles it; a checkout may not, e.g. under
    # PYTHONDONTWRITEBYTECODE), so that start-up does not include compiling disclint's sources.
    compileall.compile_dir(Path(__file__).resolve().parent.parent / "linter", quiet=1)
    with tempfile.TemporaryDirectory() as temporary:
        if "start-up" not in args.skip:
            start_up(args.rounds, Path(temporary))
        if "daemon" not in args.skip:
            with_daemon(args.rounds, Path(temporary))
        if "first-run" not in args.skip:
            first_run(max(3, args.rounds // 3), Path(temporary))
    if "throughput" not in args.skip:
        throughput(args.documents)
    if "scaling" not in args.skip:
        scaling(int(args.max_size_mb * 1e6))
    print(f"\nLoad average at the end: {load()}")


if __name__ == "__main__":
    main()
