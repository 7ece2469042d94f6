"""``outcomes``: each report's targets beside the outcome the next report states (:mod:`policytext.outcomes`)."""
from __future__ import annotations

import csv
import json
import os
import sys
from contextlib import nullcontext

from ._common import _sub


def cmd_outcomes(args) -> int:
    from ..outcomes import COLUMNS, outcome_rows

    rows = [r.to_dict() for r in outcome_rows(args.paths, args.measures)]
    if args.output and os.path.dirname(args.output):
        os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, "w", encoding="utf-8", newline="") if args.output else nullcontext(sys.stdout) as out:
        if args.format == "csv":
            w = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\n")
            w.writeheader()
            w.writerows({k: json.dumps(v) if isinstance(v, list) else v for k, v in r.items()} for r in rows)
        else:
            for r in rows:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"policytext outcomes: {len(rows)} target(s), {sum(r['outcome'] is not None for r in rows)} with an "
          f"outcome, {sum(bool(r['met']) for r in rows)} met", file=sys.stderr)
    return 0


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
