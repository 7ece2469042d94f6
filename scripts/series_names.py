"""List the names a 分别 series gives its members, across a corpus, to compare before and after a change.

A 分别 series (汽车、有色金属行业增加值分别增长7%、5%) names each of its figures
from one list of measures; this prints every such name with its sentence, one
a line (file, name, value or change, sentence), so that two runs can be
diffed::

    python scripts/series_names.py > /tmp/before.tsv      # default: every .txt under ../shared/corpus
    python scripts/series_names.py corpora > /tmp/sample.tsv

Names are those of the Simplified view the extractor reads (a Traditional
file's names are given back in its own script by ``extract``).
"""
from __future__ import annotations

import sys
from pathlib import Path

from policytext import read
from policytext.extract import pairing
from policytext.extract.indicators import find_indicators

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def series_names(text: str, residue=()):
    """(name, figure, shared head?, sentence) of every member of a 分别 list in a view's text."""
    found = []
    split = pairing.split_series

    def recording(sent, base, results):
        out = split(sent, base, results)
        if "分别" in sent:
            for before, after in zip(results, out):
                if after.name != before.name:
                    figure = after.value if after.change is None else after.change.value
                    shared = after.name_span is not None and isinstance(after.name_span[0], tuple)
                    found.append((after.name, figure, shared, sent.strip()))
        return out

    pairing.split_series = recording
    try:
        find_indicators(text, residue)
    finally:
        pairing.split_series = split
    return found


def main(argv: list[str]) -> int:
    only_shared = "--shared-heads" in argv
    argv = [a for a in argv if a != "--shared-heads"]
    roots = [Path(a) for a in argv] or [SHARED / "corpus"]
    files = sorted(p for r in roots for p in ([r] if r.is_file() else r.rglob("*.txt")) if p.name != "README.md")
    n = 0
    for path in files:
        doc = read(path)
        view = doc.view("simplified")
        for name, figure, shared, sent in series_names(view.text, [view.to_view(s) for s in doc.residue]):
            if shared or not only_shared:
                print(f"{path.name}\t{name}\t{figure}\t{'head' if shared else ''}\t{sent[:120]}")
                n += 1
    print(f"{n} names from 分别 lists in {len(files)} files", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
