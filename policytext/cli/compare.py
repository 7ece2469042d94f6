"""``reuse``, ``keywords``, ``compare``, ``kwic`` and ``trend``: comparing speeches (:mod:`policytext.compare`)."""
from __future__ import annotations

import csv
import json
import sys

from ..document import Corpus
from ..reading import ReadError
from ._common import _corpus, _out, _sub


def cmd_reuse(args) -> int:
    from ..compare.reuse import ROW_COLUMNS, reuse, reuse_corpus, reuse_rows

    docs = []
    for path, doc in Corpus.from_paths(args.paths).iter_safe():
        if isinstance(doc, ReadError):
            print(f"policytext: skipped {path}: {doc}", file=sys.stderr)
        else:
            docs.append(doc)
    if len(docs) == 2:  # two files: compared in full, no candidate step
        pairs = [r for r in [reuse(*docs, min_chars=args.min_chars)] if r.passages]
    else:
        pairs = reuse_corpus(docs, min_chars=args.min_chars, threshold=args.threshold)
    if args.format == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=list(ROW_COLUMNS), lineterminator="\n")
        w.writeheader()
        w.writerows(reuse_rows(pairs))
    else:
        for r in pairs:
            _out(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
    return 0


def cmd_keywords(args) -> int:
    from ..compare.keywords import keywords_each

    ref = _corpus(args.reference) if args.reference else None
    tables = keywords_each(_corpus(args.targets), ref, method=args.method, top=args.top)
    if args.format == "csv":
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(["source", "rank", "term", "score", "p", "n_target", "n_reference", "log_ratio"])
        for t in tables:
            for rank, k in enumerate(t, 1):
                w.writerow([t.source, rank, k.term, k.score, k.p, k.n_target, k.n_reference, k.log_ratio])
    else:
        for t in tables:
            _out(json.dumps({"source": t.source, "method": t.method, "keywords": [k.to_dict() for k in t]},
                            ensure_ascii=False) + "\n")
    return 0


def cmd_compare(args) -> int:
    from ..compare.similarity import similarity

    sim = similarity(_corpus(args.paths))
    order = sim.order() if args.order else list(sim.labels)
    idx = [sim.index(lab) for lab in order]
    names = [sim.rows[i].get("source") or sim.labels[i] for i in idx]
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow([""] + names)
    for i, name in zip(idx, names):
        w.writerow([name] + [f"{sim.matrix[i, j]:.4f}" for j in idx])
    return 0


def cmd_kwic(args) -> int:
    from ..compare.kwic import kwic

    hits = kwic(args.term, _corpus(args.paths), width=args.width, keep_residue=args.keep_residue)
    if args.format == "table":
        if hits:
            _out(hits.table(args.width) + "\n")
    elif args.format == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=["label", "source", "start", "end", "left", "match", "right"],
                           lineterminator="\n")
        w.writeheader()
        w.writerows(h.to_dict() for h in hits)
    else:
        for h in hits:
            _out(json.dumps(h.to_dict(), ensure_ascii=False) + "\n")
    print(f"policytext kwic: {len(hits)} hit(s)", file=sys.stderr)
    return 0


def cmd_trend(args) -> int:
    from ..compare.trends import frequency_rows, load_dictionary

    *terms, path = args.items
    if not terms and not args.dictionary:
        print("policytext trend: give TERM... PATH, or --dictionary FILE PATH", file=sys.stderr)
        return 2
    groups = load_dictionary(None if args.dictionary == "default" else args.dictionary) if args.dictionary else terms
    rows = frequency_rows(_corpus([path]), groups, by=None if args.by == "document" else args.by)
    if not rows:
        return 0
    w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return 0


def add_parsers(sub) -> None:
    r = _sub(sub, "reuse", "passages documents share (either script), one line per pair of documents",
             "policytext reuse corpora/gwr-2019-s2twp.txt corpora/gwr-2015.txt --format csv")
    r.add_argument("paths", nargs="+", help="files, folders or globs; two files are compared in full")
    r.add_argument("--min-chars", type=int, default=50, help="shortest passage, in letters and digits (default 50)")
    r.add_argument("--threshold", type=float, default=0.4,
                   help="LSH Jaccard threshold for candidate pairs in a corpus (default 0.4)")
    r.add_argument("--format", choices=["jsonl", "csv"], default="jsonl",
                   help="jsonl: one pair a line with its passages; csv: one passage a row")
    r.set_defaults(func=cmd_reuse)

    k = _sub(sub, "keywords", "keywords of each target: keyness against a reference, TF-IDF or TextRank",
             "policytext keywords corpora/gwr-2015.txt --reference corpora --top 20",
             "policytext keywords corpora/gwr-1985.txt --method textrank --top 10 --format csv")
    k.add_argument("targets", nargs="+", help="files, folders, globs or a manifest CSV; one result per file")
    k.add_argument("--reference", nargs="+", help="the reference corpus (a target in it is left out of its own reference)")
    k.add_argument("--method", choices=["chi2", "g2", "pmi", "log_ratio", "tfidf", "textrank"],
                   help="default: chi2 with a reference, tfidf without")
    k.add_argument("--top", type=int, default=20, help="keywords per target (default 20)")
    k.add_argument("--format", choices=["jsonl", "csv"], default="jsonl",
                   help="jsonl: one target a line with its keywords; csv: one keyword a row")
    k.set_defaults(func=cmd_keywords)

    c = _sub(sub, "compare", "cosine similarity (TF-IDF) of every pair of documents, as CSV",
             "policytext compare corpora --order")
    c.add_argument("paths", nargs="+", help="files, folders, globs or a manifest CSV")
    c.add_argument("--format", choices=["csv"], default="csv", help="csv: a square matrix with a header row")
    c.add_argument("--order", action="store_true", help="rows and columns in hierarchical-clustering order")
    c.set_defaults(func=cmd_compare)

    q = _sub(sub, "kwic", "a term in context (either script), each hit as written in its file",
             "policytext kwic 招商引资 corpora --width 12",
             "policytext kwic 互聯網 corpora/manifest.csv --format csv")
    q.add_argument("term", help="a word or phrase, in Simplified or Traditional (both match)")
    q.add_argument("paths", nargs="+", help="files, folders, globs or a manifest CSV")
    q.add_argument("--width", type=int, default=20, help="characters of context either side (default 20)")
    q.add_argument("--format", choices=["table", "csv", "jsonl"], default="table",
                   help="table: aligned for reading (default); csv or jsonl: one hit a row with its span")
    q.add_argument("--keep-residue", action="store_true", help="also search scrape-residue lines")
    q.set_defaults(func=cmd_kwic)

    t = _sub(sub, "trend", "frequency per 10,000 characters of terms or dictionary categories, as CSV",
             "policytext trend 改革开放 互联网 --by year corpora/manifest.csv",
             "policytext trend --dictionary default --by level corpora")
    t.add_argument("items", nargs="+", metavar="TERM... PATH",
                   help="terms in either script, then a folder, a file or a manifest CSV")
    t.add_argument("--by", default="year", help="a manifest column (year, level, region …) or 'document' (default year)")
    t.add_argument("--dictionary", help="a category dictionary file ('category: term term …'), or 'default'")
    t.set_defaults(func=cmd_trend)
