"""Throughput of policytext beside plain jieba, on the same text in the same run.

    python benchmarks/bench.py            # the full ../shared corpus if present, else corpora/
    python benchmarks/bench.py FILE...    # your own files

Prints chars/second for: reading + normalising; script conversion t2s (on the
Traditional documents) and s2twp (on the Simplified ones), policytext's and the
OpenCC binding's when one is installed; segmentation (policytext.Segmenter, plain
jieba.lcut); extraction (policytext.extract).  Each figure is the best of
REPEAT runs over all the text.
"""
from __future__ import annotations

import argparse
import os
import platform
import sys
from pathlib import Path

import jieba

from policytext import Document, Segmenter, extract, read
from policytext.convert import Converter

ROOT = Path(__file__).resolve().parents[1]
from _common import best, default_paths  # noqa: E402  (run as a script: benchmarks/ is on sys.path)




def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--conversion", action="store_true", help="only the conversion rows (t2s, s2twp)")
    args = ap.parse_args(argv)
    paths = args.paths or default_paths()
    texts = [read(p).text for p in paths]
    n = sum(len(t) for t in texts)
    trad = [t for t in texts if Document(t).script != "simplified"]
    n_trad = sum(len(t) for t in trad)
    jieba.setLogLevel(60)
    jieba.initialize()
    seg = None if args.conversion else Segmenter()

    def normalise():
        for p in paths:
            read(p).view("simplified")

    simp = [t for t in texts if Document(t).script == "simplified"]
    n_simp = sum(len(t) for t in simp)

    def ours(name, docs):
        c = Converter.get(name)
        return lambda: [c.convert(t) for t in docs]

    def theirs(name, docs):
        try:
            import opencc
        except ImportError:
            return None
        c = opencc.OpenCC(name)
        return lambda: [c.convert(t) for t in docs]

    try:
        import opencc

        binding = f"OpenCC {opencc.__version__}" if hasattr(opencc, "__version__") else "opencc-python-reimplemented"
    except ImportError:
        binding = "OpenCC binding"

    views = [] if args.conversion else [Document(t).view("simplified").text for t in texts]

    def plain_jieba():
        for v in views:
            jieba.lcut(v)

    def ours_segment():
        for t in texts:
            seg.segment(Document(t))

    def ours_extract():
        for t in texts:
            extract(Document(t))

    conv_rows = []
    for name, docs, chars in (("t2s", trad, n_trad), ("s2twp", simp, n_simp)):
        conv_rows.append((f"{name}, policytext converter", chars, best(ours(name, docs), args.repeat)))
        fn = theirs(name, docs)
        conv_rows.append((f"{name}, {binding}", chars, best(fn, 1) if fn else 0.0))
    if args.conversion:
        rows = conv_rows
    else:
        rows = [
            ("read + normalise (files → Simplified view)", n, best(normalise, args.repeat)),
            *conv_rows,
            ("segment, plain jieba.lcut (on the view)", n, best(plain_jieba, args.repeat)),
            ("segment, policytext.Segmenter (view + spans)", n, best(ours_segment, args.repeat)),
            ("extract, policytext.extract (whole pipeline)", n, best(ours_extract, args.repeat)),
        ]
    print(f"# {len(paths)} documents, {n:,} chars ({n_trad:,} in Traditional, {n_simp:,} in Simplified); python {platform.python_version()}, "
          f"{os.cpu_count()} cores; best of {args.repeat}")
    print(f"{'what':48} {'chars':>10} {'seconds':>8} {'chars/s':>12}")
    for what, chars, secs in rows:
        rate = chars / secs if secs and chars else float("nan")
        print(f"{what:48} {chars:>10,} {secs:>8.3f} {rate:>12,.0f}")
    if not args.conversion:
        jb = rows[-3][1] / rows[-3][2]
        ex = rows[-1][1] / rows[-1][2]
        print(f"extraction runs at {ex / jb:.1f}x plain jieba segmentation of the same text")
    return 0


if __name__ == "__main__":
    sys.exit(main())
