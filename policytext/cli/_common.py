"""What the command modules share: writing to stdout, a subcommand with examples, argument types."""
from __future__ import annotations

import argparse
import os
import sys

from ..document import Corpus

_SCRIPTS = ("simplified", "traditional", "taiwan", "hongkong", "original")

_REPAIR_HELP = "undo (--repair) or keep (--no-repair) Taiwan phrases of machine conversion (default: decide from the text)"


def _out(s: str) -> None:
    sys.stdout.write(s)


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


def _corpus(paths: list[str]) -> Corpus:
    """Files, folders, globs, or a manifest CSV, as a corpus."""
    if len(paths) == 1 and paths[0].endswith(".csv") and os.path.isfile(paths[0]):
        return Corpus.from_manifest(paths[0])
    return Corpus.from_paths(paths)
