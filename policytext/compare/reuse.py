"""Text reuse: passages two speeches share, and who shares them across a corpus.

Local speeches copy templates, each other and the centre; Traditional copies
of Simplified originals circulate.  Both documents are compared on their
Simplified, width-folded view with punctuation and spaces left out (the
*comparison text*), so a Traditional or s2twp-converted copy of a Simplified
passage matches it, and a changed comma does not break a passage.

Between two documents, passages are found by seed-and-extend: every shared
``k``-character string is a seed, seeds on one diagonal join into exact runs,
and runs a few characters apart on both sides (a changed figure, a dropped
word) chain into one passage.  Its spans are exact in both original texts.

Across a corpus, candidate pairs come from MinHash/LSH (``datasketch``) over
overlapping windows of every document, so only pairs that share a window-long
stretch are aligned: no all-pairs comparison.

>>> nat = "坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。"
>>> loc = "全市上下要坚持稳中求進工作總基調，完整準確全面貫徹新發展理念，加快構建新發展格局。"
>>> r = reuse(nat, loc, min_chars=20)
>>> p = r.passages[0]
>>> p.chars, p.text_b
(33, '坚持稳中求進工作總基調，完整準確全面貫徹新發展理念，加快構建新發展格局')
>>> loc[p.span_b[0]:p.span_b[1]] == p.text_b
True
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional, Union

import numpy as np

from ..align import Span
from ..document import Corpus, Document

__all__ = ["Passage", "ReusePair", "reuse", "reuse_corpus", "reuse_frame", "reuse_rows"]

DocLike = Union[Document, str]

_KEY_RUN = re.compile(r"[^\W_]+|\x00")
_WALL = "\x00"  # stands for a residue line: nothing matches it, no passage runs across it


@dataclass(frozen=True)
class Passage:
    """One passage shared by two documents.

    ``span_a``/``span_b`` index each document's original text:
    ``doc_a.text[span_a[0]:span_a[1]] == text_a``, in that file's own script.
    ``chars`` counts the characters that match exactly (on the comparison
    text: Simplified, no punctuation or spaces); the passage may hold a few
    edited characters between them.
    """

    source_a: Optional[str]
    span_a: Span
    source_b: Optional[str]
    span_b: Span
    chars: int
    text_a: str
    text_b: str

    def to_dict(self) -> dict:
        return {"source_a": self.source_a, "span_a": list(self.span_a), "source_b": self.source_b,
                "span_b": list(self.span_b), "chars": self.chars, "text_a": self.text_a, "text_b": self.text_b}


@dataclass(frozen=True)
class ReusePair:
    """What two documents share: the passages, and the share of each text they cover.

    ``share_a`` is the part of document a's comparison text (letters and
    digits outside scrape residue) that lies in a shared passage;
    ``length_a`` is the length of its original text.
    """

    source_a: Optional[str]
    source_b: Optional[str]
    passages: tuple[Passage, ...]
    share_a: float
    share_b: float
    length_a: int = 0
    length_b: int = 0

    @property
    def chars(self) -> int:
        return sum(p.chars for p in self.passages)

    def to_dict(self) -> dict:
        return {"source_a": self.source_a, "source_b": self.source_b, "share_a": round(self.share_a, 4),
                "share_b": round(self.share_b, 4), "chars": self.chars,
                "passages": [{k: v for k, v in p.to_dict().items() if k not in ("source_a", "source_b")}
                             for p in self.passages]}


# --- the comparison text ------------------------------------------------------------
@dataclass(frozen=True)
class _Keyed:
    """A document's comparison text and where each of its characters sits in the view."""

    doc: Document
    key: str
    pos: np.ndarray  # view offset of every key character

    @property
    def size(self) -> int:
        """Characters of the comparison text (residue walls not counted)."""
        return len(self.key) - self.key.count(_WALL)

    def to_original(self, k0: int, k1: int) -> Span:
        view = self.doc.view()
        return view.to_original((int(self.pos[k0]), int(self.pos[k1 - 1]) + 1))


def _as_doc(d: DocLike) -> Document:
    return d if isinstance(d, Document) else Document.from_text(d)


def _keyed(doc: Document) -> _Keyed:
    """Letters and digits of the Simplified view, lower-cased; a residue line becomes one ``_WALL``."""
    view = doc.view()
    text = view.text
    if doc.residue:
        parts, last = [], 0
        for span in doc.residue:
            s, e = view.to_view(span)
            parts += [text[last:s], _WALL + " " * (e - s - 1) if e > s else ""]
            last = max(last, e)
        text = "".join(parts) + text[last:]
    runs = [(m.start(), m.end()) for m in _KEY_RUN.finditer(text)]
    key = "".join(text[s:e] for s, e in runs).lower()
    pos = np.concatenate([np.arange(s, e, dtype=np.int32) for s, e in runs]) if runs else np.zeros(0, dtype=np.int32)
    return _Keyed(doc, key, pos)


# --- alignment of two comparison texts -------------------------------------------------
def _seed_runs(a: str, b: str, k: int, max_occ: int) -> list[list[int]]:
    """Exact runs ``[a0, a1, b0, b1]`` from shared ``k``-grams joined along their diagonal.

    A ``k``-gram found more than ``max_occ`` times in ``b`` (a stock phrase
    repeated all over) seeds nothing.
    """
    index: dict[str, list[int]] = {}
    for j in range(len(b) - k + 1):
        index.setdefault(b[j:j + k], []).append(j)
    open_runs: dict[int, list[int]] = {}  # diagonal -> run
    runs: list[list[int]] = []
    for i in range(len(a) - k + 1):
        js = index.get(a[i:i + k])
        if not js or len(js) > max_occ or _WALL in a[i:i + k]:
            continue
        for j in js:
            run = open_runs.get(j - i)
            if run is not None and run[1] >= i + k - 1:
                run[1] = i + k
                run[3] = j + k
            else:
                run = [i, i + k, j, j + k]
                open_runs[j - i] = run
                runs.append(run)
    for run in runs:  # extend exactly past what seeds cover (fewer than k characters)
        while run[0] > 0 and run[2] > 0 and a[run[0] - 1] == b[run[2] - 1] != _WALL:
            run[0] -= 1
            run[2] -= 1
        while run[1] < len(a) and run[3] < len(b) and a[run[1]] == b[run[3]] != _WALL:
            run[1] += 1
            run[3] += 1
    return runs


def _chain(runs: list[list[int]], gap: int, a: str, b: str) -> list[list[int]]:
    """Join runs that follow each other within ``gap`` characters on both sides (and no residue between).

    Returns passages ``[a0, a1, b0, b1, matched]``; ``matched`` counts the
    characters of ``a`` covered by exact runs.
    """
    passages: list[list[int]] = []
    open_: list[list[int]] = []
    for a0, a1, b0, b1 in sorted(runs):
        open_ = [p for p in open_ if a0 - p[1] <= gap]
        best, best_d = None, None
        for p in open_:
            da, db = a0 - p[1], b0 - p[3]
            if (-gap <= da and -gap <= db <= gap and a1 > p[1] and b1 > p[3]
                    and _WALL not in a[p[1]:a0] and _WALL not in b[p[3]:b0]):
                d = abs(da) + abs(db)
                if best_d is None or d < best_d:
                    best, best_d = p, d
        if best is None:
            p = [a0, a1, b0, b1, a1 - a0]
            passages.append(p)
            open_.append(p)
        else:
            best[4] += a1 - max(a0, best[1])
            best[1], best[3] = a1, max(best[3], b1)
    return passages


def _align(ka: _Keyed, kb: _Keyed, *, min_chars: int, k: int, gap: int, max_occ: int = 20) -> ReusePair:
    runs = _seed_runs(ka.key, kb.key, k, max_occ)
    found = [p for p in _chain(runs, gap, ka.key, kb.key) if p[4] >= min_chars]
    found.sort(key=lambda p: (p[0], p[2]))
    da, db = ka.doc, kb.doc
    passages = []
    for a0, a1, b0, b1, matched in found:
        sa, sb = ka.to_original(a0, a1), kb.to_original(b0, b1)
        passages.append(Passage(da.source, sa, db.source, sb, matched, da.text[sa[0]:sa[1]], db.text[sb[0]:sb[1]]))
    return ReusePair(da.source, db.source, tuple(passages),
                     _covered([(p[0], p[1]) for p in found], ka.size), _covered([(p[2], p[3]) for p in found], kb.size),
                     len(da.text), len(db.text))


def _covered(spans: list[tuple[int, int]], n: int) -> float:
    if not n:
        return 0.0
    total, end = 0, 0
    for s, e in sorted(spans):
        s = max(s, end)
        if e > s:
            total += e - s
            end = e
    return total / n


def reuse(doc_a: DocLike, doc_b: DocLike, *, min_chars: int = 50, k: int = 8, gap: int = 12) -> ReusePair:
    """The passages two documents share (in either script), with exact spans in both.

    Args:
        doc_a, doc_b: documents, or texts.
        min_chars: shortest passage reported, in matching characters of the
            comparison text (punctuation and spaces not counted).
        k: seed length: a passage must share a ``k``-character string to be seen.
        gap: longest edit (characters on either side) a passage runs across.

    Scrape residue (source lines, a wiki licence trailer) is never reuse.

    >>> a = "各地区各部门要坚决贯彻党中央决策部署，确保各项目标任务落到实处。"
    >>> r = reuse(a, "会议要求，各地区各部門要堅決貫徹黨中央決策部署，確保各項目標任務落到實處。", min_chars=25)
    >>> round(r.share_a, 2), r.passages[0].span_b
    (1.0, (5, 36))
    """
    return _align(_keyed(_as_doc(doc_a)), _keyed(_as_doc(doc_b)), min_chars=min_chars, k=k, gap=gap)


# --- across a corpus: candidate pairs by MinHash/LSH ------------------------------------
def _identity(x):
    return x


def _shingle_hashes(key: str, q: int) -> np.ndarray:
    """A 32-bit hash of every ``q``-character shingle, computed at once with numpy."""
    codes = np.frombuffer(key.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = len(codes) - q + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint64)
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(q):
            h = h * np.uint64(1000003) + codes[j:j + n]
        h ^= h >> np.uint64(29)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(32)
    return h & np.uint64(0xFFFFFFFF)


@functools.lru_cache(maxsize=4)
def _template(num_perm: int):
    """An empty datasketch MinHash: its permutations and scheme sign every window."""
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=1, hashfunc=_identity)


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser, as datasketch applies it before its affine permutations."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def window_signatures(key: str, window: int, num_perm: int = 32, q: int = 5) -> np.ndarray:
    """MinHash signatures (rows) of content-defined windows of ``key``, about ``window`` characters each.

    A window runs from one anchor to the next but one (:func:`window_starts`).
    Anchors depend on the text only, so
    a passage two documents share is cut into the same windows in both, wherever
    it stands.  Row ``w`` equals what datasketch's ``MinHash.update_batch`` gives
    for the ``q``-character shingle hashes of window ``w`` (checked in the tests),
    computed for all windows at once: a Python call per window costs more.
    """
    hashes = _shingle_hashes(key, q).astype(np.uint32)
    if not len(hashes):
        return np.zeros((0, num_perm), dtype=np.uint32)
    starts = window_starts(hashes, window)[:-1]
    a, b = (x.astype(np.uint32) for x in _template(num_perm).permutations)
    with np.errstate(over="ignore"):
        phv = _fmix32(hashes)[:, None] * a[None, :] + b[None, :]  # (shingles, num_perm), mod 2^32
    blocks = np.minimum.reduceat(phv, starts, axis=0)
    if len(blocks) == 1:
        return blocks
    return np.minimum(blocks[:-1], blocks[1:])  # a window is two adjacent blocks


def window_starts(hashes: np.ndarray, window: int) -> list[int]:
    """Block boundaries in the shingle ``hashes`` (the first is 0, the last the end).

    A block starts at an anchor, a shingle whose hash is 0 modulo ``window // 4``,
    at least ``window // 4`` shingles after the block before: blocks are about
    ``window // 2`` long and two make a window.
    """
    m = max(1, window // 4)
    out = [0]
    for i in np.flatnonzero(hashes % np.uint32(m) == 0).tolist():
        if i - out[-1] >= m:
            out.append(i)
    out.append(len(hashes))
    return out


def candidate_pairs(keys: list[str], *, window: int, threshold: float, num_perm: int = 32) -> set[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of texts with a window pair above ``threshold`` (datasketch LSH).

    Every window goes into a :class:`datasketch.MinHashLSH`; texts that meet in
    one of its buckets are candidates.
    """
    from datasketch import LeanMinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    scheme = getattr(_template(num_perm), "scheme", None)
    with lsh.insertion_session() as session:
        for i, key in enumerate(keys):
            for w, sig in enumerate(window_signatures(key, window, num_perm)):
                session.insert((i, w), LeanMinHash(seed=1, hashvalues=sig, scheme=scheme), check_duplication=False)
    pairs: set[tuple[int, int]] = set()
    for table in lsh.hashtables:
        for bucket in table.keys():
            docs = sorted({i for i, _ in table.get(bucket)})
            pairs.update((x, y) for n, x in enumerate(docs) for y in docs[n + 1:])
    return pairs


def reuse_corpus(corpus: Union[Corpus, Iterable[DocLike]], *, min_chars: int = 50, threshold: float = 0.4,
                 window: Optional[int] = None, k: int = 8, gap: int = 12) -> list[ReusePair]:
    """Every pair of documents in ``corpus`` that shares a passage, most shared first.

    Content-defined windows of about ``window`` characters (default
    ``2 * min_chars``) of every comparison text are MinHashed and indexed in a
    datasketch LSH; pairs with a window pair above its ``threshold`` (Jaccard
    of 5-character shingles) are aligned in full with :func:`reuse`.  A
    passage at least a window long is (very likely) seen; shorter ones are
    reported for pairs that are candidates anyway.  On the 41 work reports of
    the 2020s in ../shared, the default finds every pair that shares a
    100-character passage and 451 of the 506 that share a 50-character one.

    >>> docs = ["全面贯彻党的二十大精神，扎实推进中国式现代化，统筹推进经济建设、政治建设、文化建设、社会建设、生态文明建设。",
    ...         "今年的工作要全面貫徹黨的二十大精神，紮實推進中國式現代化，統籌推進經濟建設、政治建設、文化建設、社會建設、生態文明建設。",
    ...         "农业农村优先发展，粮食产量保持在1.3万亿斤以上。"]
    >>> [(p.share_a, round(p.share_b, 2)) for p in reuse_corpus(docs, min_chars=30, window=30)]
    [(1.0, 0.89)]
    """
    docs = [_as_doc(d) for d in corpus]
    keyed = [_keyed(d) for d in docs]
    window = window or 2 * min_chars
    pairs = candidate_pairs([kd.key for kd in keyed], window=window, threshold=threshold)
    out = []
    for i, j in sorted(pairs):
        r = _align(keyed[i], keyed[j], min_chars=min_chars, k=k, gap=gap)
        if r.passages:
            out.append(r)
    out.sort(key=lambda r: -r.chars)
    return out


ROW_COLUMNS = ("source_a", "start_a", "end_a", "source_b", "start_b", "end_b", "chars", "share_a", "share_b",
               "text_a", "text_b")


def reuse_rows(pairs: Iterable[ReusePair]) -> Iterator[dict]:
    """One flat row per shared passage (the CSV and DataFrame form): sources, spans, chars, shares, texts."""
    for r in pairs:
        for p in r.passages:
            yield {"source_a": p.source_a, "start_a": p.span_a[0], "end_a": p.span_a[1],
                   "source_b": p.source_b, "start_b": p.span_b[0], "end_b": p.span_b[1], "chars": p.chars,
                   "share_a": round(r.share_a, 4), "share_b": round(r.share_b, 4), "text_a": p.text_a, "text_b": p.text_b}


def reuse_frame(pairs: Iterable[ReusePair]):
    """:func:`reuse_rows` as a pandas DataFrame."""
    import pandas as pd

    return pd.DataFrame(list(reuse_rows(pairs)), columns=list(ROW_COLUMNS))
