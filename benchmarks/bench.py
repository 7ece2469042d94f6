"""Throughput of policytext beside plain jieba, on the same text in the same run.

    python benchmarks/bench.py            # the full ../shared corpus if present, else corpora/
    python benchmarks/bench.py FILE...    # your own files

Prints chars/second for: reading + normalising; script conversion (ours and
opencc-python-reimplemented); segmentation (policytext.Segmenter, plain
jieba.lcut); extraction (policytext.extract).  Each figure is the best of
REPEAT runs over all the text.
"""
from __future__ import annotations

import argparse
import glob
import os
import platform
import sys
import time
from pathlib import Path

import jieba

from policytext import Document, Segmenter, extract, read
from policytext.convert import Converter

ROOT = Path(__file__).resolve().parents[1]


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def default_paths() -> list[str]:
    shared = ROOT.parent / "shared" / "corpus"
    if shared.exists():
        return sorted(glob.glob(str(shared / "*" / "*.txt")))
    return sorted(glob.glob(str(ROOT / "corpora" / "*.txt")))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    paths = args.paths or default_paths()
    texts = [read(p).text for p in paths]
    n = sum(len(t) for t in texts)
    trad = [t for t in texts if Document(t).script != "simplified"]
    n_trad = sum(len(t) for t in trad)
    jieba.setLogLevel(60)
    jieba.initialize()
    seg = Segmenter()

    def normalise():
        for p in paths:
            read(p).view("simplified")

    def our_t2s():
        c = Converter.get("t2s")
        for t in trad:
            c.convert(t)

    def reimpl_t2s():
        import opencc

        c = opencc.OpenCC("t2s")
        for t in trad:
            c.convert(t)

    views = [Document(t).view("simplified").text for t in texts]

    def plain_jieba():
        for v in views:
            jieba.lcut(v)

    def ours_segment():
        for t in texts:
            seg.segment(Document(t))

    def ours_extract():
        for t in texts:
            extract(Document(t))

    rows = [
        ("read + normalise (files → Simplified view)", n, best(normalise, args.repeat)),
        ("t2s, policytext converter (Traditional docs)", n_trad, best(our_t2s, args.repeat)),
        ("t2s, opencc-python-reimplemented", n_trad, best(reimpl_t2s, 1)),
        ("segment, plain jieba.lcut (on the view)", n, best(plain_jieba, args.repeat)),
        ("segment, policytext.Segmenter (view + spans)", n, best(ours_segment, args.repeat)),
        ("extract, policytext.extract (whole pipeline)", n, best(ours_extract, args.repeat)),
    ]
    print(f"# {len(paths)} documents, {n:,} chars ({n_trad:,} in Traditional); python {platform.python_version()}, "
          f"{os.cpu_count()} cores; best of {args.repeat}")
    print(f"{'what':48} {'chars':>10} {'seconds':>8} {'chars/s':>12}")
    for what, chars, secs in rows:
        rate = chars / secs if secs and chars else float("nan")
        print(f"{what:48} {chars:>10,} {secs:>8.3f} {rate:>12,.0f}")
    jb = rows[3][1] / rows[3][2]
    ex = rows[5][1] / rows[5][2]
    print(f"extraction runs at {ex / jb:.1f}x plain jieba segmentation of the same text")
    return 0


if __name__ == "__main__":
    sys.exit(main())
