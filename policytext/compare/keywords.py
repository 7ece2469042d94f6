"""Keywords of a speech: keyness against a reference, TF-IDF, TextRank.

:func:`keywords` is the one entry point:

- with a ``reference`` (documents, a corpus or counts): keyness of the
  target against it (``chi2``, ``g2``, ``pmi``, ``log_ratio``; see
  :mod:`.keyness`), or ``tfidf`` with the idf of target and reference;
- without one: single-document ``tfidf`` (idf from the table jieba ships,
  as ``jieba.analyse.extract_tags`` uses) or ``textrank`` (co-occurrence
  within five words, PageRank, as ``jieba.analyse.textrank``) — on
  policytext's own tokens, so policy terms (科学发展观, 供给侧结构性改革)
  stay whole, in either script.

>>> keywords("深化供給側結構性改革。推進供給側結構性改革，落實科學發展觀。", method="textrank", top=1).terms
['供给侧结构性改革']
>>> keywords("深化供給側結構性改革。推進供給側結構性改革，落實科學發展觀。", method="tfidf", top=2).terms
['供给侧结构性改革', '科学发展观']
"""
from __future__ import annotations

import functools
import math
import os
from collections import Counter, defaultdict
from typing import Any, Iterator, Mapping, Optional

from ._docs import as_documents, doc_label
from .keyness import MEASURES, Keyword, Keywords, count_terms, keyness
from .vectorize import Analyzer

__all__ = ["keywords", "keywords_each", "tfidf_keywords", "textrank_keywords", "METHODS"]

METHODS = MEASURES + ("tfidf", "textrank")


def keywords(
    target: Any,
    reference: Any = None,
    *,
    method: Optional[str] = None,
    top: Optional[int] = 20,
    analyzer: Optional[Analyzer] = None,
    correction: bool = True,
    min_count: int = 1,
) -> Keywords:
    """The ``top`` keywords of ``target`` (a document, path, text, corpus or term counts).

    ``method`` defaults to ``chi2`` with a reference and ``tfidf`` without.
    Several target documents are counted together.
    """
    method = method or ("chi2" if reference is not None else "tfidf")
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, not {method!r}")
    an = analyzer or Analyzer()
    source = _source(target)
    if method == "textrank":
        docs = list(as_documents(target))
        return textrank_keywords(docs, top=top, analyzer=an, source=source)
    tcounts = target if isinstance(target, Mapping) else count_terms(target, an)
    if method == "tfidf":
        return tfidf_keywords(tcounts, reference, top=top, analyzer=an, source=source)
    if reference is None:
        raise ValueError(f"method {method!r} compares the target with a reference: give reference=")
    rcounts = reference if isinstance(reference, Mapping) else count_terms(reference, an)
    return keyness(tcounts, rcounts, measure=method, correction=correction, top=top, min_count=min_count,
                   source=source)


def keywords_each(
    targets: Any,
    reference: Any = None,
    *,
    method: Optional[str] = None,
    top: Optional[int] = 20,
    analyzer: Optional[Analyzer] = None,
    correction: bool = True,
    min_count: int = 1,
) -> Iterator[Keywords]:
    """Keywords of each target document in turn, the reference read once.

    A target that is also in the reference (the same file) is left out of
    the reference it is compared with, so ``keywords_each(corpus, corpus)``
    sets every speech against all the others.
    """
    method = method or ("chi2" if reference is not None else "tfidf")
    an = analyzer or Analyzer()
    if reference is None or method == "textrank":
        for doc in as_documents(targets):
            yield keywords(doc, method=method, top=top, analyzer=an)
        return
    ref = [(_key(d, i), Counter(an(d))) for i, d in enumerate(as_documents(reference))]
    total: Counter = Counter()
    for _, c in ref:
        total.update(c)
    for i, doc in enumerate(as_documents(targets)):
        key = _key(doc, i)
        tcounts = next((c for k, c in ref if k == key and key[0] is not None), None) or Counter(an(doc))
        others = [c for k, c in ref if k != key or key[0] is None]
        source = doc.source or doc_label(doc, i)
        if method == "tfidf":
            yield tfidf_keywords(tcounts, others, top=top, analyzer=an, source=source)
            continue
        rest = total.copy() if len(others) == len(ref) else sum(others, Counter())
        yield keyness(tcounts, rest, measure=method, correction=correction, top=top, min_count=min_count,
                      source=source)


def _key(doc: Any, i: int) -> tuple:
    return (os.path.abspath(doc.source) if doc.source else None, i if not doc.source else 0)


def _all_counts(reference: Any) -> bool:
    return isinstance(reference, list) and bool(reference) and all(isinstance(r, Mapping) for r in reference)


def _source(target: Any) -> Optional[str]:
    if isinstance(target, Mapping):
        return None
    if isinstance(target, (str, os.PathLike)) and os.path.isfile(target):
        return str(target)
    if hasattr(target, "source") and hasattr(target, "text"):
        return target.source or doc_label(target)
    return None


@functools.lru_cache(maxsize=1)
def jieba_idf() -> tuple[Mapping[str, float], float]:
    """jieba's idf table (``jieba/analyse/idf.txt``) and its median, as jieba.analyse uses them."""
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "analyse", "idf.txt")
    idf: dict[str, float] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            word, _, value = line.strip().partition(" ")
            if value:
                idf[word] = float(value)
    values = sorted(idf.values())
    return idf, values[len(values) // 2]


def tfidf_keywords(counts: Mapping[str, int], reference: Any = None, *, top: Optional[int] = 20,
                   analyzer: Optional[Analyzer] = None, source: Optional[str] = None) -> Keywords:
    """TF-IDF of the target's terms: idf over target + reference documents, else jieba's table.

    ``reference`` may also be a list of term counts, one a document.
    With a reference, idf is scikit-learn's smoothed ``ln((1+n)/(1+df)) + 1``
    over the reference documents and the target (one more document); terms
    shorter than two characters are left out, as jieba.analyse does.
    """
    total = sum(counts.values()) or 1
    if reference is not None:
        an = analyzer or Analyzer()
        dfs: Counter = Counter()
        n = 1
        for doc in reference if _all_counts(reference) else as_documents(reference):
            dfs.update(set(doc if isinstance(doc, Mapping) else an(doc)))
            n += 1
        idf = {t: math.log((1 + n) / (1 + dfs[t] + 1)) + 1 for t in counts}
    else:
        table, median = jieba_idf()
        idf = {t: table.get(t, median) for t in counts}
    scored = [(c / total * idf[t], t) for t, c in counts.items() if len(t) >= 2]
    scored.sort(key=lambda x: (-x[0], x[1]))
    if top is not None:
        scored = scored[:top]
    return Keywords(tuple(Keyword(t, s, None, counts[t]) for s, t in scored), "tfidf", source)


def textrank_keywords(docs: list, *, top: Optional[int] = 20, analyzer: Optional[Analyzer] = None,
                      window: int = 5, damping: float = 0.85, iterations: int = 10,
                      source: Optional[str] = None) -> Keywords:
    """TextRank: words of two characters or more linked when within ``window`` words; PageRank.

    As ``jieba.analyse.textrank`` (no part-of-speech filter: policytext's
    tokens carry none; stopwords and punctuation are dropped instead);
    scores are divided by the highest.
    """
    an = analyzer or Analyzer()
    weights: dict[str, Counter] = defaultdict(Counter)
    counts: Counter = Counter()
    for doc in docs:
        words = an.words(doc)
        for i, w in enumerate(words):
            if w is None or len(w) < 2:
                continue
            counts[w] += 1
            for j in range(i + 1, min(i + window, len(words))):
                v = words[j]
                if v is not None and len(v) >= 2 and v != w:
                    weights[w][v] += 1
                    weights[v][w] += 1
    nodes = sorted(weights)
    out_sum = {n: sum(weights[n].values()) for n in nodes}
    rank = {n: 1.0 / (len(nodes) or 1) for n in nodes}
    for _ in range(iterations):
        for n in nodes:  # in place, in sorted order, as jieba iterates
            rank[n] = (1 - damping) + damping * sum(w / out_sum[m] * rank[m] for m, w in weights[n].items())
    best = max(rank.values(), default=1.0)
    scored = sorted(((r / best, n) for n, r in rank.items()), key=lambda x: (-x[0], x[1]))
    if top is not None:
        scored = scored[:top]
    return Keywords(tuple(Keyword(n, s, None, counts[n]) for s, n in scored), "textrank", source)
