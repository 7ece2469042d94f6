"""``outcomes``: each report's targets beside the outcome the next report states (:mod:`policytext.outcomes`)."""
from __future__ import annotations

import csv
import io
import json
import sys

from ._common import _out, _sub


def cmd_outcomes(args) -> int:
    from ..batch import EXIT_FAILED
    from ..outcomes import COLUMNS, outcome_rows
    from ..sinks import jsonl_line, write_atomically

    bad: list[str] = []

    def skipped(source: str, message: str) -> None:  # a typo in a path is said, not read as a report without targets
        bad.append(source)
        print(f"policytext outcomes: skipped {message if source in message else f'{source}: {message}'}",
              file=sys.stderr)

    rows = [r.to_dict() for r in outcome_rows(args.paths, args.measures, on_error=skipped)]
    if bad and not rows:
        print("policytext outcomes: no targets found and some inputs could not be read; nothing written",
              file=sys.stderr)
        return EXIT_FAILED
    out = io.StringIO()
    if args.format == "csv":
        w = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\n")
        w.writeheader()
        w.writerows({k: json.dumps(v) if isinstance(v, list) else v for k, v in r.items()} for r in rows)
    else:
        out.writelines(jsonl_line(r) for r in rows)  # strict JSON: a NaN would raise, never be written
    if args.output:
        write_atomically(args.output, out.getvalue())
    else:
        _out(out.getvalue())
    print(f"policytext outcomes: {len(rows)} target(s), {sum(r['outcome'] is not None for r in rows)} with an "
          f"outcome, {sum(bool(r['met']) for r in rows)} met", file=sys.stderr)
    return EXIT_FAILED if bad else 0


def add_parser(sub) -> None:
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
