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


def default_paths() -> list[str]:
    """The full ``../shared`` corpus when it is beside the clone, else the bundled ``corpora/``."""
    shared = ROOT.parent / "shared" / "corpus"
    if shared.exists():
        return sorted(glob.glob(str(shared / "*" / "*.txt")))
    return sorted(glob.glob(str(ROOT / "corpora" / "*.txt")))
