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


def default_paths() -> list[str]:
    """The full ``../shared`` corpus when it is beside the clone, else the bundled ``corpora/``."""
    shared = ROOT.parent / "shared" / "corpus"
    if shared.exists():
        return sorted(glob.glob(str(shared / "*" / "*.txt")))
    return sorted(glob.glob(str(ROOT / "corpora" / "*.txt")))
