"""Reading PDF beside reading text: pages/s and chars/s, and the three PDF libraries compared.

    python benchmarks/bench_pdf.py              # the bundled reports laid out as PDFs (reportlab)
    python benchmarks/bench_pdf.py --compare --font /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc --letter-spaced
    python benchmarks/bench_pdf.py FILE.pdf...  # your own PDFs (each with FILE.txt beside it, if any, for the text path)
    POLICYTEXT_REAL_PDFS=DIR python benchmarks/bench_pdf.py   # also the published PDFs of DIR (X.pdf beside X.txt)

For each report: policytext.read of the PDF (pypdf, the library the ``pdf``
extra installs) and of the same report as text, then the aligned view
(normalising the PDF's debris) and extraction.  With ``--compare``, pypdf,
pypdfium2 and pdfminer.six read the same PDFs (when installed) and each is
scored on CJK quality: characters of the report lost, characters added, and
spaces put between two CJK characters.  Each figure is the best of REPEAT runs.
"""
from __future__ import annotations

import argparse
import difflib
import io
import os
import platform
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
from _common import best  # noqa: E402  (run as a script: benchmarks/ is on sys.path)
sys.path.insert(0, str(ROOT))

from policytext import extract, read

REPORTS = ["gwr-1985.txt", "gwr-1997.txt", "gwr-2015.txt", "gwr-2025-p01.txt"]



def made_pdfs(font_file: str = "", letter_spaced: bool = False) -> list[tuple[str, bytes, str]]:
    from tests.pdfmaker import FONT, report_pdf, truetype

    font = truetype(font_file) if font_file else FONT
    out = []
    for name in REPORTS:
        text = (ROOT / "corpora" / name).read_text(encoding="utf-8")
        paras = [p for p in text.split("\n") if p.strip()]
        out.append((name.replace(".txt", ".pdf"), report_pdf(paras, font=font, letter_spaced=letter_spaced), text))
    return out


def given_pdfs(paths: list[str]) -> list[tuple[str, bytes, str]]:
    out = []
    for p in paths:
        txt = Path(p).with_suffix(".txt")
        out.append((p, Path(p).read_bytes(), read(txt).text if txt.exists() else ""))
    return out


def real_pdfs() -> list[tuple[str, bytes, str]]:
    """The published PDFs with their text version in the folders of $POLICYTEXT_REAL_PDFS (as tests/test_pdf.py)."""
    folders = [Path(p) for p in os.environ.get("POLICYTEXT_REAL_PDFS", "").split(os.pathsep) if p]
    return given_pdfs(sorted(str(p) for f in folders if f.is_dir() for p in f.glob("*.pdf")
                             if p.with_suffix(".txt").exists()))


def agreement(pdfs) -> None:
    """How many of each text version's indicators the PDF gives (value, unit, kind, change), as the tests count."""
    from collections import Counter

    def key(i):
        d = i.to_dict()
        return d["value"], d["value_high"], d["unit"], d["kind"], str(d["change"])

    for name, data, text in pdfs:
        if text:
            a, b = Counter(map(key, extract(read(text.encode("utf-8"))).indicators)), Counter(map(key, extract(read(data)).indicators))
            same = sum((a & b).values())
            print(f"  {Path(name).name}: {same} of {sum(a.values())} indicators of the text version found in the PDF "
                  f"({same / max(1, sum(a.values())):.1%}); the PDF gives {sum(b.values())}")


def _pypdf(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [pg.extract_text() or "" for pg in PdfReader(io.BytesIO(data)).pages]


def _pdfium(data: bytes) -> list[str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]


def _pdfminer(data: bytes) -> list[str]:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data)).split("\f")


def quality(pages: list[str], reference: str) -> tuple[int, int, int]:
    """(lost, added, spaces between CJK) against the reference text, whitespace and page numbers aside."""
    body = re.sub(r"— \d+ —|政府工作报告", "", "\n".join(pages))
    got, ref = re.sub(r"\s", "", body), re.sub(r"\s|政府工作报告", "", reference)
    ops = difflib.SequenceMatcher(None, got, ref, autojunk=False).get_opcodes()
    lost = sum(j2 - j1 for op, i1, i2, j1, j2 in ops if op in ("insert", "replace"))
    added = sum(i2 - i1 for op, i1, i2, j1, j2 in ops if op in ("delete", "replace"))
    spaces = len(re.findall(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])", body))
    return lost, added, spaces


def compare(pdfs, repeat: int) -> None:
    print("\nPDF libraries on the same files (lost / added characters, spaces between CJK):")
    for lib, fn in [("pypdf", _pypdf), ("pypdfium2", _pdfium), ("pdfminer.six", _pdfminer)]:
        try:
            fn(pdfs[0][1])
        except ImportError:
            print(f"  {lib:13} not installed")
            continue
        pages = sum(len(fn(d)) for _, d, _ in pdfs)
        t = best(lambda fn=fn: [fn(d) for _, d, _ in pdfs], repeat)
        q = [quality(fn(d), ref) for _, d, ref in pdfs if ref]
        lost, added, spaces = (sum(x[k] for x in q) for k in range(3))
        print(f"  {lib:13} {pages / t:8.1f} pages/s   lost {lost:4d}  added {added:4d}  spaces {spaces:5d}")


def table(label: str, pdfs, repeat: int) -> None:
    docs = [read(d) for _, d, _ in pdfs]
    pages = sum(len(d.page_starts) for d in docs)
    chars = sum(len(d.text) for d in docs)
    texts = [t for _, _, t in pdfs if t]
    tchars = sum(len(t) for t in texts)
    print(f"\n{label}: {len(pdfs)} PDFs, {pages} pages, {chars:,} chars of text layer; Python "
          f"{platform.python_version()}, best of {repeat} (the text path: the same reports as text, {tchars:,} chars)")
    raw = [t.encode("utf-8") for t in texts]
    stages = [("read", lambda x: read(x)), ("read + view", lambda x: read(x).view()),
              ("read + extract", lambda x: extract(read(x)))]
    print(f"{'stage':16} {'PDF pages/s':>12} {'PDF chars/s':>13} {'text chars/s':>13}")
    for name, fn in stages:
        t_pdf = best(lambda fn=fn: [fn(d) for _, d, _ in pdfs], repeat)
        t_txt = best(lambda fn=fn: [fn(b) for b in raw], repeat) if raw else 0.0
        txt = f"{tchars / t_txt:13,.0f}" if t_txt else f"{'-':>13}"
        print(f"{name:16} {pages / t_pdf:12.1f} {chars / t_pdf:13,.0f} {txt}")
    agreement(pdfs)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--compare", action="store_true", help="also time and score pypdfium2 and pdfminer.six")
    ap.add_argument("--font", default="", help="lay the reports out in this CJK TrueType font (embedded, with a "
                    "ToUnicode map, as word processors write) instead of the built-in CID font STSong-Light")
    ap.add_argument("--letter-spaced", action="store_true", help="justify full lines by character spacing")
    args = ap.parse_args(argv)
    blocks = [("given", given_pdfs(args.paths))] if args.paths else [
        ("the bundled reports laid out by reportlab", made_pdfs(args.font, args.letter_spaced)),
        ("published PDFs of $POLICYTEXT_REAL_PDFS", real_pdfs())]
    for label, pdfs in blocks:
        if pdfs:
            table(label, pdfs, args.repeat)
    pdfs = [p for _, block in blocks for p in block]
    if args.compare:
        compare(pdfs, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
