"""The ``policytext`` command: a thin layer over the library.

    policytext convert FILE --to simplified|traditional|taiwan|hongkong
    policytext segment FILE --format jsonl
    policytext info FILE
    policytext extract PATH... [--format jsonl|csv] [-o OUT] [--workers N] [--resume]
    policytext reuse PATH... [--min-chars N] [--threshold T] [--format jsonl|csv]

``extract`` never stops at a bad file: it writes an error record
(``{"source": ..., "error": ...}``) for it and goes on; ``-o`` output is
written atomically, and ``--resume`` skips sources already in OUT.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from typing import Iterable, Iterator, Optional

from . import __version__
from .document import Corpus, read
from .reading import ReadError


def _out(s: str) -> None:
    sys.stdout.write(s)


def cmd_convert(args) -> int:
    doc = read(args.file)
    _out(doc.view(args.to, repair=args.repair).text)
    if not doc.text.endswith("\n"):
        _out("\n")
    return 0


def cmd_segment(args) -> int:
    from .segment import Segmenter

    doc = read(args.file)
    seg = Segmenter(args.lexicon or (), repair=args.repair)
    toks = seg.segment(doc, keep_residue=args.keep_residue)
    if args.format == "jsonl":
        for t in toks:
            _out(json.dumps(t.to_dict(), ensure_ascii=False) + "\n")
    else:
        _out(" ".join(t.text for t in toks) + "\n")
    return 0


def cmd_info(args) -> int:
    doc = read(args.file)
    ev = doc.script_evidence
    info = {
        "source": doc.source, "encoding": doc.encoding, "format": doc.format, "chars": len(doc.text),
        "lines": doc.text.count("\n") + 1, "script": ev.script,
        "evidence": {"traditional_chars": ev.traditional_chars, "simplified_chars": ev.simplified_chars},
        "machine_converted_taiwan": doc.machine_converted,
        "view_steps": list(doc.view().steps),
        "boilerplate_lines": [{"span": [s, e], "text": doc.text[s:e][:80]} for s, e in doc.residue],
    }
    _out(json.dumps(info, ensure_ascii=False, indent=2) + "\n")
    return 0


def _extract_one(path_meta: tuple[str, dict]) -> dict:
    from .extract import extract

    path, meta = path_meta
    try:
        doc = read(path, meta=meta)
        return extract(doc).to_dict()
    except ReadError as e:
        return {"source": path, "error": str(e)}
    except Exception as e:  # one broken file must not stop ten thousand
        return {"source": path, "error": f"{type(e).__name__}: {e}"}


def iter_records(paths: list[str], meta: dict, workers: int = 1, progress: bool = False) -> Iterator[dict]:
    """Extraction records in input order, a worker pool when ``workers > 1``."""
    jobs = [(p, meta.get(p, {})) for p in paths]
    bar = None
    if progress:
        try:
            from tqdm import tqdm

            bar = tqdm(total=len(jobs), unit="doc", file=sys.stderr)
        except ImportError:
            bar = None
    if workers > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(max_workers=workers) as ex:
            for rec in ex.map(_extract_one, jobs, chunksize=4):
                if bar:
                    bar.update(1)
                yield rec
    else:
        for job in jobs:
            rec = _extract_one(job)
            if bar:
                bar.update(1)
            yield rec
    if bar:
        bar.close()


_CSV_COLUMNS = ["source", "name", "value", "value_high", "unit", "qualifier", "change_value", "change_value_high",
                "change_unit", "change_direction", "change_basis", "kind", "year", "span_start", "span_end", "text", "error"]


def _csv_rows(rec: dict) -> Iterator[dict]:
    if "error" in rec:
        yield {"source": rec["source"], "error": rec["error"]}
        return
    for ind in rec["indicators"]:
        ch = ind.get("change") or {}
        yield {
            "source": rec["source"], "name": ind["name"], "value": ind["value"], "value_high": ind["value_high"],
            "unit": ind["unit"], "qualifier": ind["qualifier"], "change_value": ch.get("value"),
            "change_value_high": ch.get("value_high"), "change_unit": ch.get("unit"),
            "change_direction": ch.get("direction"), "change_basis": ch.get("basis"), "kind": ind["kind"],
            "year": ind["year"], "span_start": ind["span"][0], "span_end": ind["span"][1], "text": ind["text"],
        }


def _good_records(path: str) -> list[tuple[str, str]]:
    """``(source, line)`` of the records in a previous output that need no redoing."""
    good: list[tuple[str, str]] = []
    if not os.path.exists(path):
        return good
    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue  # a torn last line of an interrupted run
            if "error" not in rec and rec.get("source"):
                good.append((rec["source"], line))
    return good


def cmd_extract(args) -> int:
    corpus = Corpus.from_paths(args.paths)
    paths = corpus.paths
    if not paths:
        print("policytext extract: no files found", file=sys.stderr)
        return 2
    prior: list[str] = []
    if args.output and args.resume and args.format == "jsonl":
        good = _good_records(args.output)
        done = {source for source, _ in good}
        prior = [line for _, line in good]
        paths = [p for p in paths if p not in done]
    records = iter_records(paths, corpus.meta, args.workers, progress=args.progress)
    errors = 0
    if args.output:
        d = os.path.dirname(os.path.abspath(args.output))
        os.makedirs(d, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".policytext-", dir=d)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
                errors = _write(records, f, args.format, prior)
            os.replace(tmp, args.output)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
    else:
        errors = _write(records, sys.stdout, args.format, prior)
    if errors:
        print(f"policytext extract: {errors} file(s) could not be read; see the error records", file=sys.stderr)
    return 0


def _write(records: Iterable[dict], f, fmt: str, prior: list[str]) -> int:
    errors = 0
    if fmt == "csv":
        w = csv.DictWriter(f, fieldnames=_CSV_COLUMNS)
        w.writeheader()
        for rec in records:
            errors += "error" in rec
            for row in _csv_rows(rec):
                w.writerow(row)
        return errors
    for line in prior:
        f.write(line if line.endswith("\n") else line + "\n")
    for rec in records:
        errors += "error" in rec
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        f.flush()
    return errors


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


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="policytext", description="Chinese policy speeches into data.")
    p.add_argument("--version", action="version", version=f"policytext {__version__}")
    sub = p.add_subparsers(dest="cmd", required=True)

    c = sub.add_parser("convert", help="print the text converted to another script")
    c.add_argument("file")
    c.add_argument("--to", choices=["simplified", "traditional", "taiwan", "hongkong", "original"], default="simplified")
    c.add_argument("--repair", action=argparse.BooleanOptionalAction, default=None,
                   help="undo Taiwan phrases of machine conversion (default: decide from the text)")
    c.set_defaults(func=cmd_convert)

    s = sub.add_parser("segment", help="tokens with spans into the original text")
    s.add_argument("file")
    s.add_argument("--format", choices=["jsonl", "text"], default="jsonl")
    s.add_argument("--lexicon", action="append", help="an extra lexicon file (jieba user-dictionary format)")
    s.add_argument("--keep-residue", action="store_true", help="also segment scrape-residue lines")
    s.add_argument("--repair", action=argparse.BooleanOptionalAction, default=None)
    s.set_defaults(func=cmd_segment)

    i = sub.add_parser("info", help="encoding, script, characters, boilerplate lines")
    i.add_argument("file")
    i.set_defaults(func=cmd_info)

    e = sub.add_parser("extract", help="indicators, enumerations and formulations, one record per document")
    e.add_argument("paths", nargs="+", help="files, folders (a manifest.csv there adds metadata) or globs")
    e.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    e.add_argument("-o", "--output", help="write here (atomically) instead of stdout")
    e.add_argument("--workers", type=int, default=1, help="worker processes")
    e.add_argument("--resume", action="store_true", help="keep records already in OUTPUT and skip their files")
    e.add_argument("--progress", action="store_true", help="a progress bar on stderr (needs tqdm)")
    e.set_defaults(func=cmd_extract)

    r = sub.add_parser("reuse", help="passages documents share (either script), one line per pair of documents")
    r.add_argument("paths", nargs="+", help="files, folders or globs; two files are compared in full")
    r.add_argument("--min-chars", type=int, default=50, help="shortest passage, in letters and digits (default 50)")
    r.add_argument("--threshold", type=float, default=0.3,
                   help="LSH Jaccard threshold for candidate pairs in a corpus (default 0.3)")
    r.add_argument("--format", choices=["jsonl", "csv"], default="jsonl",
                   help="jsonl: one pair a line with its passages; csv: one passage a row")
    r.set_defaults(func=cmd_reuse)
    return p


def main(argv: Optional[list[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ReadError as e:
        print(f"policytext: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `| head`
        return 0


if __name__ == "__main__":
    sys.exit(main())
