"""The ``policytext`` command: a thin layer over the library.

    policytext convert FILE --to simplified|traditional|taiwan|hongkong|s2twp|tw2s|...
    policytext segment FILE --format jsonl
    policytext info FILE
    policytext extract PATH... [--format jsonl|csv|parquet] [-o OUT] [--workers N] [--resume]
    policytext reuse PATH... [--min-chars N] [--threshold T] [--format jsonl|csv]
    policytext outcomes PATH... [--format csv|jsonl] [-o OUT] [--measures FILE]

The extract engine lives in :mod:`policytext.batch`; this module only parses arguments.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from typing import Optional

from . import __version__
from .convert import CONVERSIONS, Converter
from .document import Corpus, read
from .reading import ReadError


_SCRIPTS = ("simplified", "traditional", "taiwan", "hongkong", "original")


def _out(s: str) -> None:
    sys.stdout.write(s)


def cmd_convert(args) -> int:
    doc = read(args.file)
    if args.to in _SCRIPTS:
        _out(doc.view(args.to, repair=args.repair).text)
    else:  # an OpenCC config by name: exactly what OpenCC would write
        _out(Converter.get(args.to).convert(doc.text))
    if not doc.text.endswith("\n"):
        _out("\n")
    return 0


def cmd_segment(args) -> int:
    from .segment import Segmenter

    doc = read(args.file)
    seg = Segmenter(args.lexicon or (), repair=args.repair)
    sep = ""
    for toks in seg.stream_blocks(doc, keep_residue=args.keep_residue):  # printed as each block is cut
        if args.format == "jsonl":
            _out("".join(json.dumps(t.to_dict(), ensure_ascii=False) + "\n" for t in toks))
        elif toks:
            _out(sep + " ".join(t.text for t in toks))
            sep = " "
        sys.stdout.flush()
    if args.format != "jsonl":
        _out("\n")
    return 0


def cmd_info(args) -> int:
    doc = read(args.file)
    ev = doc.script_evidence
    info = {
        "source": doc.source, "encoding": doc.encoding, "format": doc.format, "chars": len(doc.text),
        "lines": doc.text.count("\n") + 1, "pages": len(doc.page_starts), "script": ev.script,
        "evidence": {"traditional_chars": ev.traditional_chars, "simplified_chars": ev.simplified_chars},
        "machine_converted_taiwan": doc.machine_converted,
        "view_steps": list(doc.view().steps),
        "boilerplate_lines": [{"span": [s, e], "text": doc.text[s:e][:80]} for s, e in doc.residue],
    }
    _out(json.dumps(info, ensure_ascii=False, indent=2) + "\n")
    return 0


def cmd_extract(args) -> int:
    from .batch import EXIT_USAGE, Interrupted, count_inputs, run
    from .progress import progress_bar, wanted

    if args.format == "parquet" and not args.output:
        print("policytext extract: --format parquet needs -o FOLDER", file=sys.stderr)
        return EXIT_USAGE
    if args.scheduler and args.engine != "dask":
        print("policytext extract: --scheduler goes with --engine dask", file=sys.stderr)
        return EXIT_USAGE
    show = not args.quiet and wanted(args.progress)
    bar = progress_bar(count_inputs(args.paths) if show else None, desc="extract", enabled=show)

    def tick(rec: dict) -> None:
        bar.update(1)
        if args.verbose and "error" in rec:
            print(f"policytext extract: {rec['source']}: {rec['error']}: {rec['reason']}", file=sys.stderr)

    try:
        summary = run(args.paths, args.output, args.format, workers=args.workers, resume=args.resume,
                      table=args.table, part_size=args.part_size, progress=tick, engine=args.engine,
                      scheduler=args.scheduler, strict=args.strict, retry_errors=args.retry_errors)
    except (KeyboardInterrupt, Interrupted) as e:
        bar.close()
        signum = getattr(e, "signum", 2)
        where = f"; rerun with --resume to continue {args.output}" if args.output else ""
        print(f"policytext extract: stopped by {'SIGTERM' if signum == 15 else 'Ctrl-C'}{where}", file=sys.stderr)
        return 128 + signum
    bar.close()
    if not args.quiet:
        print(f"policytext extract: {summary.line()}", file=sys.stderr)
    return summary.exit_status


def _workers(v: str) -> int:
    try:
        n = int(v)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {v!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def _sub(sub, name: str, help: str, *examples: str) -> argparse.ArgumentParser:
    """A subcommand whose --help ends with examples (each runs from a clone's top folder, on corpora/)."""
    return sub.add_parser(name, help=help, description=help[0].upper() + help[1:] + ".",
                          epilog="examples:\n" + "\n".join(f"  {x}" for x in examples),
                          formatter_class=argparse.RawDescriptionHelpFormatter)


_REPAIR_HELP = "undo (--repair) or keep (--no-repair) Taiwan phrases of machine conversion (default: decide from the text)"


def cmd_reuse(args) -> int:
    from .compare.reuse import ROW_COLUMNS, reuse, reuse_corpus, reuse_rows

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


def _corpus(paths: list[str]) -> Corpus:
    """Files, folders, globs, or a manifest CSV, as a corpus."""
    if len(paths) == 1 and paths[0].endswith(".csv") and os.path.isfile(paths[0]):
        return Corpus.from_manifest(paths[0])
    return Corpus.from_paths(paths)


def cmd_keywords(args) -> int:
    from .compare.keywords import keywords_each

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
    from .compare.similarity import similarity

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
    from .compare.kwic import kwic

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
    from .compare.trends import frequency_rows, load_dictionary

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


def _add_compare_parsers(sub) -> None:
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


def cmd_outcomes(args) -> int:
    from .outcomes import COLUMNS, outcome_rows

    rows = [r.to_dict() for r in outcome_rows(args.paths, args.measures)]
    if args.output and os.path.dirname(args.output):
        os.makedirs(os.path.dirname(args.output), exist_ok=True)
    out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
    try:
        if args.format == "csv":
            w = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\n")
            w.writeheader()
            w.writerows({k: json.dumps(v) if isinstance(v, list) else v for k, v in r.items()} for r in rows)
        else:
            for r in rows:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
    finally:
        if args.output:
            out.close()
    print(f"policytext outcomes: {len(rows)} target(s), {sum(r['outcome'] is not None for r in rows)} with an "
          f"outcome, {sum(bool(r['met']) for r in rows)} met", file=sys.stderr)
    return 0


def _add_outcomes_parser(sub) -> None:
    o = _sub(sub, "outcomes", "each report's targets against the outcome the next report of the same issuer states",
             "policytext outcomes corpora --format csv -o out/outcomes.csv",
             "policytext outcomes corpora/national --format jsonl")
    o.description += (" One row per issuer, year and measure: issuer, level, year, measure, target, target_high,"
                      " qualifier, outcome, met, unit, then text, span and source of the target and of the outcome."
                      " Percent figures as written (8 for 8%), amounts in base units; issuer, level and year come"
                      " from the manifest (region or speaker_or_org), so reports need a manifest.csv.")
    o.add_argument("paths", nargs="+", help="report files, folders (walked; a manifest.csv gives year, level, region), "
                                            "globs, or manifest CSVs")
    o.add_argument("--format", choices=["csv", "jsonl"], default="csv",
                   help="csv: one row a line, spans as [start, end] (default); jsonl: one JSON object a line")
    o.add_argument("-o", "--output", help="the output file (default: stdout)")
    o.add_argument("--measures", help="a file of extra measures and names, in the four tab-separated columns of "
                                      "policytext/data/measures.tsv (measure, quantity, direction, names)")
    o.set_defaults(func=cmd_outcomes)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="policytext", description="Chinese policy speeches into data.",
                                epilog="example:\n  policytext extract corpora -o out/corpora.jsonl --progress",
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"policytext {__version__}")
    sub = p.add_subparsers(dest="cmd", required=True)

    c = _sub(sub, "convert", "print the text converted to another script",
             "policytext convert corpora/gwr-1954.txt --to simplified",
             "policytext convert corpora/gwr-2015.txt --to s2twp")
    c.add_argument("file", help="a speech file (text, .docx or saved web page, any encoding)")
    c.add_argument("--to", choices=_SCRIPTS + CONVERSIONS, default="simplified", metavar="TO",
                   help="a script, the normalised view (simplified (default), traditional, taiwan, hongkong, original), "
                        f"or an OpenCC config applied to the text as read ({', '.join(CONVERSIONS)})")
    c.add_argument("--repair", action=argparse.BooleanOptionalAction, default=None, help=_REPAIR_HELP)
    c.set_defaults(func=cmd_convert)

    s = _sub(sub, "segment", "tokens with spans into the original text",
             "policytext segment corpora/gwr-2015.txt --format jsonl",
             "policytext segment corpora/seed-county-cadre-speech.txt --format text")
    s.add_argument("file", help="a speech file")
    s.add_argument("--format", choices=["jsonl", "text"], default="jsonl",
                   help='jsonl: {"text", "norm", "span"} a line; text: tokens separated by spaces')
    s.add_argument("--lexicon", action="append", help="an extra lexicon file (jieba user-dictionary format); repeatable")
    s.add_argument("--keep-residue", action="store_true", help="also segment scrape-residue lines")
    s.add_argument("--repair", action=argparse.BooleanOptionalAction, default=None, help=_REPAIR_HELP)
    s.set_defaults(func=cmd_segment)

    i = _sub(sub, "info", "encoding, script, characters, boilerplate lines",
             "policytext info corpora/seed-county-cadre-speech.txt")
    i.add_argument("file", help="a speech file")
    i.set_defaults(func=cmd_info)

    e = _sub(sub, "extract", "indicators, enumerations and formulations, one record per document",
             "policytext extract corpora -o out/corpora.jsonl --progress",
             "policytext extract corpora -o out/tables --format parquet --workers 2 --resume",
             "policytext extract corpora/manifest.csv --format csv --table documents -o out/documents.csv")
    e.description += (" A file that cannot be read gives an error row {source, error, reason}; records are"
                      " written as they are made, so a killed run continues with --resume. Exit status: 0 every"
                      " input gave a record, 1 some gave an error row, 2 usage error, 130/143 stopped by"
                      " Ctrl-C/SIGTERM.")
    e.add_argument("paths", nargs="+", help="files, folders (walked; a manifest.csv adds metadata), globs, "
                                            "or manifest CSVs (their listed files)")
    e.add_argument("--format", choices=["jsonl", "csv", "parquet"], default="jsonl",
                   help="jsonl: one record a line; csv: one table (see --table); parquet: a folder of tables "
                        "(documents, indicators, enumerations, formulations), needs -o")
    e.add_argument("-o", "--output", help="the output file (a folder for parquet); default: stdout")
    e.add_argument("--table", choices=["documents", "indicators", "enumerations", "formulations"],
                   default="indicators", help="the table --format csv writes (default: indicators)")
    e.add_argument("--workers", type=_workers, default=1, help="worker processes (at least 1; default 1)")
    e.add_argument("--resume", action="store_true",
                   help="keep what OUTPUT already holds (cutting a torn tail) and extract only the rest")
    e.add_argument("--retry-errors", action="store_true",
                   help="with --resume (implied): also redo the inputs that gave an error row; their new row "
                        "replaces the old (default: error rows are kept, like records)")
    e.add_argument("--part-size", type=_workers, default=50,
                   help="parquet: documents per part file (a kill loses at most one part; default 50)")
    e.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local: a process pool here; dask: a Dask cluster (needs the dask extra)")
    e.add_argument("--scheduler", help="--engine dask: the scheduler address (default: a LocalCluster here)")
    e.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="a progress bar with documents/s and ETA on stderr (default: when stderr is a terminal)")
    e.add_argument("--strict", action="store_true",
                   help="a file with any damaged byte is an error row (default: a few are read as U+FFFD)")
    e.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary line")
    e.add_argument("-v", "--verbose", action="store_true", help="also name each input that gave an error row")
    e.set_defaults(func=cmd_extract)

    r = _sub(sub, "reuse", "passages documents share (either script), one line per pair of documents",
             "policytext reuse corpora/gwr-2019-s2twp.txt corpora/gwr-2015.txt --format csv")
    r.add_argument("paths", nargs="+", help="files, folders or globs; two files are compared in full")
    r.add_argument("--min-chars", type=int, default=50, help="shortest passage, in letters and digits (default 50)")
    r.add_argument("--threshold", type=float, default=0.4,
                   help="LSH Jaccard threshold for candidate pairs in a corpus (default 0.4)")
    r.add_argument("--format", choices=["jsonl", "csv"], default="jsonl",
                   help="jsonl: one pair a line with its passages; csv: one passage a row")
    r.set_defaults(func=cmd_reuse)
    _add_compare_parsers(sub)
    _add_outcomes_parser(sub)
    return p


def parse_args(argv: Optional[list[str]] = None) -> argparse.Namespace:
    """The parsed command line (``args.func`` runs the command)."""
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:  # positionals after an option (trend TERM... --by year PATH) belong to the command's list
        if not hasattr(args, "items") or any(x.startswith("-") for x in extra):
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        args.items += extra
    return args


def main(argv: Optional[list[str]] = None) -> int:
    args = parse_args(argv)
    try:
        return args.func(args)
    except ReadError as e:
        print(f"policytext: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `| head`
        return 0


if __name__ == "__main__":
    sys.exit(main())
