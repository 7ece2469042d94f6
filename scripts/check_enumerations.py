"""Print the lists policytext finds in whole reports and flag the shapes that betray an error.

    python scripts/check_enumerations.py [FILES or FOLDERS ...] [--all] [--quiet]

Default: every national work report (1954-2025) and every provincial report of
``../shared/corpus``.  For each list: style, markers, count, announced count,
head noun and the length of every item.  Flags:

- ``COUNT``: the announced count differs from the number of items;
- ``HEADING``: an item's span runs across a section heading;
- ``LONG``: an item far longer than its siblings (more than five times the
  median of the others and over 2,000 characters);
- ``SKIP`` (printed, not counted): an ordinal marker (二 or later) that belongs
  to no list: numbering that skips or resumes far away.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from policytext import read
from policytext.extract.enumcheck import check_enumerations, orphan_markers
from policytext.extract.enumerations import find_enumerations

SHARED = Path(__file__).resolve().parents[2] / "shared"


def default_files() -> list[Path]:
    corpus = SHARED / "corpus"
    return sorted((corpus / "national").glob("gwr-*.txt")) + sorted((corpus / "provincial").glob("*.txt"))


def body_end(doc) -> int:
    """Where the speech ends: before the residue in its second half (as ``extract`` does)."""
    view = doc.view("simplified")
    starts = [view.to_view(s)[0] for s in doc.residue]
    return min((s for s in starts if s > len(view.text) * 0.5), default=len(view.text))


def main(argv: list[str]) -> int:
    quiet = "--quiet" in argv
    args = [a for a in argv if not a.startswith("--")]
    files: list[Path] = []
    for a in args:
        p = Path(a)
        files += sorted(p.glob("*.txt")) if p.is_dir() else [p]
    files = files or default_files()
    total = flagged = 0
    for path in files:
        doc = read(path)
        text = doc.view("simplified").text
        raw = find_enumerations(text, body_end(doc))
        problems = check_enumerations(text, raw)
        skips = orphan_markers(text, raw)
        total += len(raw)
        flagged += len(problems)
        if quiet and not problems:
            continue
        print(f"== {path.name}: {len(raw)} lists")
        if not quiet:
            for i, e in enumerate(raw):
                lens = [it.span[1] - it.span[0] for it in e.items]
                markers = " ".join(it.marker.replace("\n", "") for it in e.items)
                print(f"  [{i}] {e.family:8} n={len(e.items):2} announced={e.announced} category={e.category} "
                      f"parent={e.parent} lens={lens} :: {markers}")
        for p in problems:
            print("  !!", p)
        if not quiet:
            for p in skips:
                print("  ..", p)
    print(f"{len(files)} files, {total} lists, {flagged} flagged", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
