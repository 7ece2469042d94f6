"""The ``policytext`` command: a thin layer over the library.

    policytext convert FILE --to simplified|traditional|taiwan|hongkong|s2twp|tw2s|...
    policytext segment FILE --format jsonl
    policytext info FILE
    policytext extract PATH... [--format jsonl|csv|parquet] [-o OUT] [--workers N] [--resume]
    policytext reuse PATH... [--min-chars N] [--threshold T] [--format jsonl|csv]
    policytext outcomes PATH... [--format csv|jsonl] [-o OUT] [--measures FILE]

One module per group of commands, each with its ``cmd_*`` functions and the parsers of its
subcommands: :mod:`.text` (convert, segment, info), :mod:`.extract`, :mod:`.compare` (reuse,
keywords, compare, kwic, trend), :mod:`.outcomes`. The work lives in the library
(:mod:`policytext.batch`, :mod:`policytext.compare`, :mod:`policytext.outcomes`); these modules
only parse arguments.

>>> args = parse_args(["kwic", "招商引资", "corpora", "--width", "12"])
>>> args.func.__name__, args.term, args.width
('cmd_kwic', '招商引资', 12)
"""
from __future__ import annotations

import argparse
import sys

from .. import __version__
from ..reading import ReadError
from . import compare, extract, outcomes, text


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="policytext", description="Chinese policy speeches into data.",
                                epilog="example:\n  policytext extract corpora -o out/corpora.jsonl --progress",
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"policytext {__version__}")
    sub = p.add_subparsers(dest="cmd", required=True)
    text.add_parsers(sub)  # convert, segment, info
    extract.add_parser(sub)
    compare.add_parsers(sub)  # reuse, keywords, compare, kwic, trend
    outcomes.add_parser(sub)
    return p


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The parsed command line (``args.func`` runs the command)."""
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:  # positionals after an option (trend TERM... --by year PATH) belong to the command's list
        if not hasattr(args, "items") or any(x.startswith("-") for x in extra):
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        args.items += extra
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        return args.func(args)
    except ReadError as e:
        print(f"policytext: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `| head`
        return 0
