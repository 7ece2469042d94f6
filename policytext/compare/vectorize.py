"""Documents → terms → a labelled document-term matrix.

:class:`Analyzer` turns a document (a :class:`~policytext.Document`, a
:class:`~policytext.View`, a text in either script, or a list of words
already cut) into the terms that are counted: the policy lexicon's words
whole, speech stopwords, punctuation and bare numbers dropped, word n-grams
on request.  It is a picklable callable, so scikit-learn takes it as
``CountVectorizer(analyzer=Analyzer())`` or ``TfidfVectorizer(analyzer=...)``
and ships it to joblib or Dask workers.  Terms are always Simplified: a
Traditional copy of a speech counts the same words as its original.

>>> Analyzer()("深化供給側結構性改革，堅持科學發展觀")
['深化', '供给侧结构性改革', '科学发展观']
>>> Analyzer(ngram_range=(1, 2))("深化供给侧结构性改革")
['深化', '供给侧结构性改革', '深化 供给侧结构性改革']
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional, Sequence, Union

from ..segment import Segmenter

__all__ = ["Analyzer", "identity"]

_NUMERIC = re.compile(r"[\d.,%‰]+|[a-zA-Z]")


def identity(tokens: Sequence[str]) -> Sequence[str]:
    """Tokens already cut (e.g. by ``Segmenter.transform`` in a Pipeline) pass through.

    >>> identity(["招商引资"])
    ['招商引资']
    """
    return tokens


class Analyzer:
    """A document's terms, as scikit-learn's vectorisers count them.

    Args:
        segmenter: the :class:`~policytext.Segmenter` (lexicon, user words,
            stopwords); a default one when ``None``.
        ngram_range: word n-grams ``(min_n, max_n)``; n-grams are joined by
            a space and never span a dropped word (punctuation, a stopword).
        drop_stopwords: drop the segmenter's stopwords.
        drop_numbers: drop bare numbers and single Latin letters.
        keep_residue: also count scrape residue.
    """

    def __init__(
        self,
        segmenter: Optional[Segmenter] = None,
        *,
        ngram_range: tuple[int, int] = (1, 1),
        drop_stopwords: bool = True,
        drop_numbers: bool = True,
        keep_residue: bool = False,
    ):
        self.segmenter = segmenter
        self.ngram_range = ngram_range
        self.drop_stopwords = drop_stopwords
        self.drop_numbers = drop_numbers
        self.keep_residue = keep_residue

    @property
    def seg(self) -> Segmenter:
        if self.segmenter is None:
            self.segmenter = Segmenter()
        return self.segmenter

    def words(self, doc: Any) -> list[Optional[str]]:
        """The words in order, ``None`` where a dropped word breaks the sequence."""
        if isinstance(doc, (list, tuple)):
            return list(doc)
        stop = self.seg.stopword_set if self.drop_stopwords else frozenset()
        out: list[Optional[str]] = []
        for t in self.seg.segment(doc, keep_residue=self.keep_residue):
            w = t.norm
            if w in stop or not any(ch.isalnum() for ch in w) or (self.drop_numbers and _NUMERIC.fullmatch(w)):
                if out and out[-1] is not None:
                    out.append(None)
                continue
            out.append(w)
        return out

    def __call__(self, doc: Any) -> list[str]:
        words = self.words(doc)
        lo, hi = self.ngram_range
        if hi <= 1:
            return [w for w in words if w is not None]
        out = [w for w in words if w is not None] if lo <= 1 else []
        for n in range(max(lo, 2), hi + 1):
            for i in range(len(words) - n + 1):
                gram = words[i:i + n]
                if None not in gram:
                    out.append(" ".join(gram))  # type: ignore[arg-type]
        return out

    def __repr__(self) -> str:
        return f"Analyzer(segmenter={self.segmenter!r}, ngram_range={self.ngram_range!r})"
