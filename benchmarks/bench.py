"""Throughput of policytext beside plain jieba, on the same text in the same run.

    python benchmarks/bench.py            # the full ../shared corpus if present, else corpora/
    python benchmarks/bench.py FILE...    # your own files

Prints chars/second for: reading + normalising; script conversion t2s (on the
Traditional documents) and s2twp (on the Simplified ones), policytext's and the
OpenCC binding's when one is installed; segmentation (policytext.Segmenter, plain
jieba.lcut); extraction (policytext.extract).  Each figure is CPU time of this
process: conversions the best of REPEAT rounds over all their text, the other
stages per document the best of REPEAT calls, the stages taking turns on each
document (see _common.best_per_item), so that the ratios hold on a machine
shared with other jobs.  t2s converts the Traditional documents over
and over, some 2 M chars a call, to time more than a few milliseconds.
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
from _common import best_per_item, best_rounds, default_paths  # noqa: E402  (run as a script: benchmarks/ is on sys.path)


def _binding():
    """The official OpenCC binding's module and name, or (None, its absence)."""
    try:
        import opencc
    except ImportError:
        return None, "OpenCC binding"
    return opencc, (f"OpenCC {opencc.__version__}" if hasattr(opencc, "__version__") else "opencc-python-reimplemented")


def _conversion_stages(texts: list[str]) -> tuple[dict, dict]:
    """Conversion stages (name → function) and the chars each converts: t2s on the
    Traditional documents (repeated to some 2 M chars), s2twp on the Simplified ones."""
    trad = [t for t in texts if Document(t).script != "simplified"]
    simp = [t for t in texts if Document(t).script == "simplified"]
    passes = max(1, 2_000_000 // max(1, sum(len(t) for t in trad)))
    opencc, binding = _binding()
    stages, chars = {}, {}
    for name, docs, times in (("t2s", trad, passes), ("s2twp", simp, 1)):
        n = sum(len(t) for t in docs) * times
        for who, conv in (("policytext converter", Converter.get(name)),
                          (binding, opencc.OpenCC(name) if opencc else None)):
            if conv is None:
                continue
            stages[f"{name}, {who}"] = lambda conv=conv, docs=docs, times=times: [
                conv.convert(t) for _ in range(times) for t in docs]
            chars[f"{name}, {who}"] = n
    return stages, chars


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--conversion", action="store_true", help="only the conversion rows (t2s, s2twp)")
    args = ap.parse_args(argv)
    paths = args.paths or default_paths()
    texts = [read(p).text for p in paths]
    n = sum(len(t) for t in texts)
    n_trad = sum(len(t) for t in texts if Document(t).script != "simplified")
    jieba.setLogLevel(60)
    jieba.initialize()
    stages, chars = _conversion_stages(texts)
    secs = best_rounds(stages, args.repeat)
    if not args.conversion:
        seg = Segmenter()
        seg.cut("预热")  # the tokenizer is built outside the timings
        items = [(p, t, Document(t).view("simplified").text) for p, t in zip(paths, texts)]
        per_doc = {
            "read + normalise (files → Simplified view)": lambda it: read(it[0]).view("simplified"),
            "segment, plain jieba.lcut (on the view)": lambda it: jieba.lcut(it[2]),
            "segment, policytext.Segmenter (view + spans)": lambda it: seg.segment(Document(it[1])),
            "extract, policytext.extract (whole pipeline)": lambda it: extract(Document(it[1])),
        }
        secs.update(best_per_item(per_doc, items, args.repeat))
        stages.update(per_doc)
        chars.update({k: n for k in per_doc})
    print(f"# {len(paths)} documents, {n:,} chars ({n_trad:,} in Traditional, {n - n_trad:,} in Simplified); "
          f"python {platform.python_version()}, {os.cpu_count()} cores; best of {args.repeat} rounds, CPU seconds")
    print(f"{'what':48} {'chars':>10} {'seconds':>8} {'chars/s':>12}")
    rate = {k: chars[k] / secs[k] if secs[k] else float("nan") for k in stages}
    for what in stages:
        print(f"{what:48} {chars[what]:>10,} {secs[what]:>8.3f} {rate[what]:>12,.0f}")
    t2s = rate["t2s, policytext converter"]
    print(f"t2s conversion: {t2s / 1e6:.1f} M chars/s (aim: at least 10 M)")
    if not args.conversion:
        ratio = rate["extract, policytext.extract (whole pipeline)"] / rate["segment, plain jieba.lcut (on the view)"]
        print(f"extraction runs at {ratio:.2f}x plain jieba segmentation of the same text (aim: at least 3x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
