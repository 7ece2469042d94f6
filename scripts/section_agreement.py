"""How often a figure's kind agrees with the section it stands in (2025 provincial reports).

A work report reviews the past year under one heading (一、2024年工作回顾) and
sets the coming year's work under the next ones (二、2025年工作安排, 三、重点工作,
三、加强政府自身建设): every figure of the review part reports a result (actual),
every figure from the plan heading to the end sets a goal (target).  Only the
reports that carry both headings are measured.

    python scripts/section_agreement.py [-v] [FILES...]   # default: ../shared/corpus/provincial/gwr-2025-*.txt
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from policytext import extract, read

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
_HEADING = re.compile(r"^[^\S\n]*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)[^\n]{0,56}$", re.M)
_REVIEW = re.compile(r"回顾|过去一年|过去五年|一年来|五年来|工作总结")
_PLAN = re.compile(r"(?:19|20)\d\d\s*年|今年|工作安排|目标|任务|重点工作|总体要求")


def parts(text: str):
    """(review start, plan start) offsets of a report's top-level headings, or None without both."""
    review = plan = None
    for m in _HEADING.finditer(text):
        if review is None:
            if _REVIEW.search(m.group()):
                review = m.start()
        elif _PLAN.search(m.group()) and not _REVIEW.search(m.group()):
            plan = m.start()
            break
    return (review, plan) if review is not None and plan is not None else None


def agreement(path):
    """(agreeing, total, disagreeing indicators with their expected kind) for one report, or None."""
    doc = read(path)
    p = parts(doc.text)
    if p is None:
        return None
    review, plan = p
    good, total, bad = 0, 0, []
    for ind in extract(doc, enumerations=False, formulations=False).indicators:
        s = ind.span[0]
        if s < review:
            continue
        expected = "actual" if s < plan else "target"
        total += 1
        if ind.kind == expected:
            good += 1
        else:
            bad.append((expected, ind))
    return good, total, bad


def default_paths():
    return sorted((SHARED / "corpus" / "provincial").glob("gwr-2025-*.txt"))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every figure that disagrees")
    args = ap.parse_args(argv)
    good = total = reports = 0
    for path in args.paths or default_paths():
        r = agreement(path)
        if r is None:
            continue
        reports += 1
        g, t, bad = r
        good += g
        total += t
        print(f"{Path(path).name}\t{g}/{t}")
        if args.verbose:
            for expected, ind in bad:
                print(f"   want {expected}: {ind.kind} {ind.name!r} {ind.text!r}")
    print(f"reports {reports}  figures {total}  agree {good}  share {good / max(total, 1):.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
