"""``extract``: indicators, enumerations and formulations of many files; the engine is :mod:`policytext.batch`."""
from __future__ import annotations

import argparse
import sys

from ._common import _sub, _workers


def cmd_extract(args) -> int:
    from ..batch import EXIT_USAGE, Interrupted, count_inputs, run
    from ..progress import progress_bar, wanted

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


def add_parser(sub) -> None:
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
