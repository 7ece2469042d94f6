"""Vectorising throughput beside plain jieba, on the same text in the same run.

    python benchmarks/bench_compare.py          # the full ../shared corpus if present, else corpora/
    python benchmarks/bench_compare.py FILE...  # your own files

Prints chars/second for plain ``jieba.lcut`` (default HMM on, the global
dictionary) and for each stage of policytext.compare's vectorising, each on
all the text: the Simplified view (normalise, convert, repair), the
segmenter (jieba on the view, numbers whole, spans mapped back, residue
skipped), the Analyzer (plus stopwords, punctuation, numbers dropped) and a
full ``CountVectorizer(analyzer=Analyzer())`` document-term matrix from the
texts; then keyness of one document against the rest and the cosine
similarity matrix.  Each figure is the best of REPEAT rounds in CPU time of
this process, the stages taking turns round by round (see
_common.best_rounds), so the ratios hold on a machine shared with other jobs.
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import jieba

from policytext import Document, read
from policytext.compare import Analyzer, keyness, similarity, vectorize

ROOT = Path(__file__).resolve().parents[1]
from _common import best, best_rounds, default_paths  # noqa: E402  (run as a script: benchmarks/ is on sys.path)




def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args(argv)
    paths = args.paths or default_paths()
    texts = [read(p).text for p in paths]
    n = sum(len(t) for t in texts)
    jieba.setLogLevel(60)
    jieba.initialize()
    an = Analyzer()
    an.seg.cut("预热")  # build the tokenizer outside the timings
    vectorize(texts[:2], analyzer=an)  # and import scikit-learn
    print(f"{len(texts)} documents, {n:,} characters; best of {args.repeat} rounds, CPU seconds\n")
    docs = [Document(t) for t in texts]
    for d in docs:
        d.view()
    stages = {
        "plain jieba.lcut (HMM on)": lambda: [jieba.lcut(t) for t in texts],
        "plain jieba.lcut(HMM=False)": lambda: [jieba.lcut(t, HMM=False) for t in texts],
        "Simplified view (normalise)": lambda: [Document(t).view() for t in texts],
        "segmenter on the ready views": lambda: [an.seg.segment(d) for d in docs],
        "Analyzer on the ready views": lambda: [an(d) for d in docs],
        "Analyzer from text (view+segment+filter)": lambda: [an(Document(t)) for t in texts],
        "vectorize: document-term matrix from text": lambda: vectorize([Document(t) for t in texts], analyzer=an),
    }
    secs = best_rounds(stages, args.repeat)
    lcut = secs["plain jieba.lcut (HMM on)"]
    print(f"{'stage':45s} {'chars/s':>12s} {'vs lcut':>8s}")
    for name, t in secs.items():
        print(f"{name:45s} {n / t:12,.0f} {lcut / t:7.2f}x")
    print(f"\nvectorising runs at {lcut / secs['vectorize: document-term matrix from text']:.2f}x plain jieba.lcut "
          "(aim: at least 0.8x)")
    counts = [Counter(an(d)) for d in docs]
    rest = sum(counts[1:], Counter())
    t_key = best(lambda: keyness(counts[0], rest, measure="chi2"), args.repeat)
    dtm = vectorize(docs, weighting="tfidf", analyzer=an)
    t_sim = best(lambda: similarity(None, dtm=dtm).order(), args.repeat)
    print(f"\nkeyness of one document against the rest (counts ready): {t_key * 1000:.0f} ms")
    print(f"similarity matrix + clustering order from the TF-IDF matrix ({len(docs)} docs): {t_sim * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
