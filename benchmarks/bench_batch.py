"""Batch throughput and memory, in one run.

    python benchmarks/bench_batch.py [--copies 10] [--corpus FOLDER]

Prints documents/s of ``policytext.batch.run`` at 1, 2 and all workers and on
a Dask LocalCluster (2 worker processes, when the ``dask`` extra is
installed), then the peak memory (RSS of a fresh process, one worker) over
the corpus and over ``--copies`` copies of it.  The corpus is ``../shared/corpus``
when present, else the bundled ``corpora/``.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from policytext.batch import count_inputs, run  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"
CORPUS = SHARED if (SHARED / "manifest.csv").exists() else ROOT / "corpora"

PEAK = """
import resource, sys
from policytext.batch import run
s = run([sys.argv[1]], sys.argv[2], "jsonl")
print(s.documents, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def throughput(workers: int, out: Path, engine: str = "local", scheduler=None) -> tuple[int, float]:
    t0 = time.perf_counter()
    s = run([str(CORPUS)], str(out), "jsonl", workers=workers, engine=engine, scheduler=scheduler)
    assert not s.errors, f"{s.errors} errors"
    return s.documents, s.documents / (time.perf_counter() - t0)


def peak_memory(folder: Path, out: Path) -> tuple[int, float]:
    """Documents and peak RSS (MB) of a fresh process extracting ``folder`` with one worker."""
    proc = subprocess.run([sys.executable, "-c", PEAK, str(folder), str(out)], capture_output=True, text=True,
                          cwd=ROOT, check=True)
    docs, kb = proc.stdout.split()
    return int(docs), int(kb) / 1024


def copies(n: int, into: Path) -> Path:
    """``n`` copies of the corpus (hard links where the file system allows), each with its manifest."""
    for i in range(n):
        shutil.copytree(CORPUS, into / f"copy-{i:02d}", copy_function=_link)
    return into


def _link(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def main() -> None:
    global CORPUS
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=10, help="the larger corpus for the memory figure (default 10)")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help=f"the folder to extract (default {CORPUS})")
    args = ap.parse_args()
    CORPUS = args.corpus
    n = count_inputs([str(CORPUS)])
    print(f"corpus: {CORPUS} ({n} documents); {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        rates = {}
        for w in sorted({1, 2, os.cpu_count() or 1}):
            docs, rate = throughput(w, tmp / f"w{w}.jsonl")
            rates[w] = rate
            print(f"local, {w} worker(s): {docs} documents, {rate:.1f} documents/s")
        print(f"2 workers / 1 worker: {rates[2] / rates[1]:.2f}x")
        try:
            from distributed import LocalCluster

            t0 = time.perf_counter()
            with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
                start = time.perf_counter() - t0
                throughput(2, tmp / "warm.jsonl", engine="dask", scheduler=cluster.scheduler_address)  # imports
                docs, rate = throughput(2, tmp / "dask.jsonl", engine="dask", scheduler=cluster.scheduler_address)
            print(f"dask LocalCluster, 2 worker processes: {docs} documents, {rate:.1f} documents/s "
                  f"(second pass; cluster start-up {start:.1f} s)")
        except ImportError:
            print("dask: not installed (pip install 'policytext[dask]')")
        d1, m1 = peak_memory(CORPUS, tmp / "m1.jsonl")
        big = copies(args.copies, tmp / "big")
        d10, m10 = peak_memory(big, tmp / "m10.jsonl")
        print(f"peak memory, 1 worker: {m1:.0f} MB for {d1} documents, {m10:.0f} MB for {d10} documents "
              f"({args.copies}x the corpus): {m10 / m1:.2f}x")


if __name__ == "__main__":
    main()
