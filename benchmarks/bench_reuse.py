"""Corpus-wide text reuse at 1×, 4× and 16× a corpus: how the time grows.

    python benchmarks/bench_reuse.py                  # corpora/ (the bundled sample)
    python benchmarks/bench_reuse.py ../shared/corpus # a bigger corpus (16× takes minutes)

The n× corpus is the corpus plus n-1 copies of it.  Each copy is lightly
edited (one character in two hundred replaced, one sentence in fifty
dropped), stripped of scrape residue, and written in its own cipher alphabet: every Chinese character of
the copy is replaced through a permutation of the corpus's characters.  So
copy c of a report shares with copy c of another report exactly what the two
originals share, while copies do not share text with each other: the 16×
corpus is sixteen corpora like this one, with sixteen times the reuse, which
is what a bigger archive looks like.  (Copies that all repeat the same text
would make the *answer* grow with the square of the copies: every copy
reuses every other.)

Prints, per size: documents, characters, candidate pairs from the LSH,
pairs sharing a passage, the CPU time to find candidates, the CPU and wall
time of the whole ``reuse_corpus``, and CPU seconds per million characters
(CPU time, because on a shared machine wall time measures the neighbours).
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

from policytext import Converter, Corpus, Document
from policytext.compare import reuse_corpus
from policytext.compare.reuse import _keyed, candidate_pairs

ROOT = Path(__file__).resolve().parents[1]
_CJK = re.compile(r"[\u4e00-\u9fff]")


def alphabet(texts: list[str]) -> list[str]:
    """The corpus's Chinese characters that Traditional→Simplified leaves as they are."""
    chars = sorted({c for t in texts for c in _CJK.findall(t)})
    t2s = Converter.get("t2s")
    return [c for c in chars if t2s.convert(c) == c]


def edited_copy(text: str, cipher: dict[str, str], rng: random.Random, letters: list[str]) -> str:
    """``text`` lightly edited, then enciphered."""
    sentences = re.split(r"(?<=[。！？\n])", text)
    kept = [s for s in sentences if s.endswith("\n") or rng.random() >= 0.02]
    out = "".join(kept)
    out = "".join(rng.choice(letters) if _CJK.match(c) and rng.random() < 0.005 else c for c in out)
    return out.translate(cipher)


def scaled(docs: list[Document], n: int, letters: list[str]) -> list[Document]:
    out = list(docs)
    for c in range(1, n):
        rng = random.Random(c)
        shuffled = letters[:]
        rng.shuffle(shuffled)
        cipher = str.maketrans(dict(zip(letters, shuffled)))
        out += [Document.from_text(edited_copy(_speech(d), cipher, rng, letters)) for d in docs]
    return out


def _speech(doc: Document) -> str:
    """The Simplified view without scrape residue (a cipher would hide it from the residue rules)."""
    text, last = [], 0
    for s, e in doc.residue:
        text.append(doc.text[last:s])
        last = e
    return Document.from_text("".join(text) + doc.text[last:]).view().text


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(ROOT / "corpora"))
    ap.add_argument("--sizes", default="1,4,16")
    ap.add_argument("--min-chars", type=int, default=50)
    args = ap.parse_args(argv)
    base = [d for d in Corpus.from_paths([args.corpus])]
    letters = alphabet([d.view().text for d in base])
    print(f"corpus: {args.corpus} ({len(base)} documents); python {sys.version.split()[0]}")
    print("| size | documents | M chars | candidate pairs | pairs sharing | candidates CPU s | reuse_corpus CPU s "
          "| wall s | CPU s per M chars |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in (int(x) for x in args.sizes.split(",")):
        docs = scaled(base, n, letters)
        chars = sum(len(d.text) for d in docs) / 1e6
        for d in docs:  # views as a reader would have them: reading and normalising are benchmarked in bench.py
            d.view()
        c0 = time.process_time()
        cands = candidate_pairs([_keyed(d).key for d in docs], window=2 * args.min_chars, threshold=0.4)
        c1, t1 = time.process_time(), time.perf_counter()
        pairs = reuse_corpus(docs, min_chars=args.min_chars)
        c2, t2 = time.process_time(), time.perf_counter()
        print(f"| {n}× | {len(docs)} | {chars:.2f} | {len(cands)} | {len(pairs)} | {c1 - c0:.1f} | {c2 - c1:.1f} "
              f"| {t2 - t1:.1f} | {(c2 - c1) / chars:.1f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
