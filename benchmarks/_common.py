"""What every benchmark script shares: timing the best of runs, and the default corpus."""
from __future__ import annotations

import glob
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def best(fn, repeat: int) -> float:
    """Seconds of the fastest of ``repeat`` calls of ``fn``."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def best_rounds(stages: dict, repeat: int) -> dict:
    """CPU seconds of the fastest of ``repeat`` calls of each of ``stages`` (name → function).

    The stages take turns, one call each per round, and each call is timed in
    CPU time of this process (``time.process_time``): on a machine shared with
    other jobs, wall time measures their load too, and a reference timed a
    minute before or after its comparison met another load.  Ratios of the
    figures are what the code costs, whatever else runs.
    """
    out = {name: float("inf") for name in stages}
    for _ in range(repeat):
        for name, fn in stages.items():
            t0 = time.process_time()
            fn()
            out[name] = min(out[name], time.process_time() - t0)
    return out


def best_per_item(stages: dict, items: list, repeat: int) -> dict:
    """CPU seconds of each of ``stages`` (name → function of one item) over all ``items``:
    for each item the fastest of ``repeat`` calls, summed.

    The stages take turns on each item, so a burst of load from other jobs
    meets every stage alike; :func:`best_rounds` alternates whole passes over
    the corpus, which a load changing every few seconds still tells apart.
    """
    out = {name: [float("inf")] * len(items) for name in stages}
    for _ in range(repeat):
        for k, item in enumerate(items):
            for name, fn in stages.items():
                t0 = time.process_time()
                fn(item)
                out[name][k] = min(out[name][k], time.process_time() - t0)
    return {name: sum(times) for name, times in out.items()}


def default_paths() -> list[str]:
    """The full ``../shared`` corpus when it is beside the clone, else the bundled ``corpora/``."""
    shared = ROOT.parent / "shared" / "corpus"
    if shared.exists():
        return sorted(glob.glob(str(shared / "*" / "*.txt")))
    return sorted(glob.glob(str(ROOT / "corpora" / "*.txt")))
