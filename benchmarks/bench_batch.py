"""Batch throughput, start-up and memory, in one run.

    python benchmarks/bench_batch.py [--corpus FOLDER] [--copies 10] [--throughput-copies 2]

The corpus (``../shared/corpus`` when present, else the bundled ``corpora/``)
extracts in seconds, so pool start-up would dominate a run over it once:
throughput is measured over ``--throughput-copies`` copies (hard links) and
reported in steady state (documents/s from the 10th percentile of records to
the last), start-up (time to the first record) apart.  Each run is a fresh
process: ``policytext.batch.run`` to JSON Lines at 1, 2 and all workers and
on a Dask LocalCluster (2 worker processes; its own start-up apart).  CPU
seconds per document of the parent and of the workers say what a second
worker costs, whatever the load of the machine.  Peak memory (RSS of the
parent and of the largest worker, 2 workers) over the corpus and over
``--copies`` copies of it.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"

RUN = """
import json, os, resource, sys, time
t0 = time.perf_counter()
from policytext.batch import run
folder, out, workers, engine = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
scheduler, start = None, 0.0
if engine == "dask":
    from distributed import LocalCluster
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    scheduler, start = cluster.scheduler_address, time.perf_counter() - t0
    run([sys.argv[5]], out + ".warm", "jsonl", engine="dask", scheduler=scheduler)  # imports on the workers
t0, stamps, load = time.perf_counter(), [], os.getloadavg()[0]
before = resource.getrusage(resource.RUSAGE_SELF)  # after the imports: CPU of the run alone
s = run([folder], out, "jsonl", workers=workers, engine=engine, scheduler=scheduler,
        progress=lambda r: stamps.append(time.perf_counter() - t0))
wall = time.perf_counter() - t0
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"docs": s.documents, "errors": s.errors, "wall": wall, "stamps": stamps, "cluster_start": start,
                  "parent_cpu": me.ru_utime + me.ru_stime - before.ru_utime - before.ru_stime,
                  "workers_cpu": kids.ru_utime + kids.ru_stime,
                  "parent_mb": me.ru_maxrss / 1024, "worker_mb": kids.ru_maxrss / 1024,
                  "load": (load + os.getloadavg()[0]) / 2}))
"""


def measure(folder: Path, out: Path, workers: int, engine: str = "local", warm: Path = ROOT / "corpora") -> dict:
    """One run in a fresh process: documents, seconds, per-record timestamps, CPU seconds, peak RSS."""
    proc = subprocess.run([sys.executable, "-c", RUN, str(folder), str(out), str(workers), engine, str(warm)],
                          capture_output=True, text=True, cwd=ROOT)
    if proc.returncode:
        raise SystemExit(proc.stderr)
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    assert not r["errors"], f"{r['errors']} errors"
    st = r["stamps"]
    i = len(st) // 10
    r["steady"] = (len(st) - 1 - i) / (st[-1] - st[i]) if st[-1] > st[i] else float("nan")
    r["first"] = st[0]
    return r


def copies(corpus: Path, n: int, into: Path) -> Path:
    """``n`` copies of the corpus (hard links where the file system allows), each with its manifest."""
    for i in range(n):
        shutil.copytree(corpus, into / f"copy-{i:02d}", copy_function=_link)
    return into


def _link(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _line(label: str, r: dict, workers: int) -> str:
    cpu = f"; CPU per document: workers {1000 * r['workers_cpu'] / r['docs']:.0f} ms, parent " \
          f"{1000 * r['parent_cpu'] / r['docs']:.0f} ms" if workers > 1 else \
          f"; CPU per document {1000 * r['parent_cpu'] / r['docs']:.0f} ms"
    return (f"{label}: {r['docs']} documents, {r['steady']:.1f} documents/s steady "
            f"({r['docs'] / r['wall']:.1f} overall), first record after {r['first']:.2f} s{cpu} "
            f"(load average {r['load']:.1f})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = SHARED if (SHARED / "manifest.csv").exists() else ROOT / "corpora"
    ap.add_argument("--corpus", type=Path, default=default, help=f"the folder to extract (default {default})")
    ap.add_argument("--copies", type=int, default=10, help="the larger corpus of the memory figure (default 10)")
    ap.add_argument("--throughput-copies", type=int, default=2, help="copies the throughput runs extract (default 2)")
    args = ap.parse_args()
    ncpu = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        many = copies(args.corpus, args.throughput_copies, tmp / "many")
        big = copies(args.corpus, args.copies, tmp / "big")
        print(f"corpus: {args.corpus}; throughput over {args.throughput_copies} copies; {ncpu} CPUs; "
              f"load average {os.getloadavg()[0]:.1f} at start")
        runs = {}
        for w in sorted({1, 2, ncpu}):
            runs[w] = measure(many, tmp / f"w{w}.jsonl", w)
            print(_line(f"local, {w} worker(s)", runs[w], w))
        r1, r2 = runs[1], runs[2]
        cpu1 = r1["parent_cpu"] / r1["docs"]
        cpu2 = (r2["parent_cpu"] + r2["workers_cpu"]) / r2["docs"]
        overall = r2["docs"] / r2["wall"] / (r1["docs"] / r1["wall"])
        print(f"2 workers / 1 worker: {r2['steady'] / r1['steady']:.2f}x steady, {overall:.2f}x overall; "
              f"CPU per document {1000 * cpu2:.0f} ms against {1000 * cpu1:.0f} ms, so on 2 idle cores "
              f"at most {2 * cpu1 / cpu2:.2f}x")
        try:
            import distributed  # noqa: F401

            d = measure(many, tmp / "dask.jsonl", 2, engine="dask")
            print(_line("dask LocalCluster, 2 worker processes", d, 1).split("; CPU")[0]
                  + f" (cluster start-up {d['cluster_start']:.1f} s apart)")
        except ImportError:
            print("dask: not installed (pip install 'policytext[dask]')")
        m1 = measure(args.corpus, tmp / "m1.jsonl", 2)
        m10 = measure(big, tmp / "m10.jsonl", 2)
        print(f"peak memory, 2 workers: parent {m1['parent_mb']:.0f} MB, largest worker {m1['worker_mb']:.0f} MB for "
              f"{m1['docs']} documents; parent {m10['parent_mb']:.0f} MB, largest worker {m10['worker_mb']:.0f} MB "
              f"for {m10['docs']} ({args.copies}x): {m10['parent_mb'] / m1['parent_mb']:.2f}x and "
              f"{m10['worker_mb'] / m1['worker_mb']:.2f}x; 2 workers over {args.copies}x: {m10['steady']:.1f} documents/s")


if __name__ == "__main__":
    main()
