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

__all__ = ["Analyzer", "identity", "DocumentTermMatrix", "vectorize"]

_NUMERIC = re.compile(r"[\d.,%‰]+|[a-zA-Z]|[xX×*]+")  # numbers, lone letters, placeholders (xx区)


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
        """The segmenter given, or the shared default one (built once a process)."""
        if self.segmenter is None:
            from ..document import _default_segmenter

            return _default_segmenter()
        return self.segmenter

    def words(self, doc: Any) -> list[Optional[str]]:
        """The words in order, ``None`` where a dropped word breaks the sequence."""
        if isinstance(doc, (list, tuple)):
            return list(doc)
        stop = self.seg.stopword_set if self.drop_stopwords else frozenset()
        out: list[Optional[str]] = []
        for w in self.seg.norms(doc, keep_residue=self.keep_residue):
            c = w[0]
            if w in stop or ((c < "\u3000" or not c.isalnum()) and (  # the slow checks only off the CJK path
                    not any(ch.isalnum() for ch in w) or (self.drop_numbers and _NUMERIC.fullmatch(w)))):
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


@dataclass(frozen=True, eq=False)
class DocumentTermMatrix:
    """A sparse document-term matrix with its rows and columns labelled.

    ``matrix[i, j]`` is the count (or weight) of ``terms[j]`` in the document
    ``labels[i]``; ``rows[i]`` holds that document's source and metadata.
    """

    matrix: Any  # scipy.sparse.csr_matrix
    terms: tuple[str, ...]
    labels: tuple[str, ...]
    rows: tuple[dict, ...] = field(default=())

    @property
    def shape(self) -> tuple[int, int]:
        return self.matrix.shape

    def column(self, term: str):
        """One term's column as a dense 1-d array."""
        return self.matrix[:, self.terms.index(term)].toarray().ravel()

    def to_frame(self, sparse: bool = True):
        """A pandas DataFrame (documents × terms), sparse unless ``sparse=False``."""
        import pandas as pd

        if sparse:
            df = pd.DataFrame.sparse.from_spmatrix(self.matrix, index=list(self.labels), columns=list(self.terms))
        else:
            df = pd.DataFrame(self.matrix.toarray(), index=list(self.labels), columns=list(self.terms))
        df.index.name = "label"
        return df


def vectorize(
    corpus: Any,
    *,
    weighting: str = "count",
    analyzer: Optional[Analyzer] = None,
    ngram_range: tuple[int, int] = (1, 1),
    min_df: Union[int, float] = 1,
    max_df: Union[int, float] = 1.0,
    frame: bool = False,
) -> Union[DocumentTermMatrix, Any]:
    """The document-term matrix of a corpus: ``count`` or ``tfidf`` weights.

    ``corpus`` is a :class:`~policytext.Corpus`, a folder, or a list of
    documents, paths or texts.  Rows are labelled by the manifest id (else
    the file name); ``frame=True`` gives a pandas DataFrame instead.

    >>> dtm = vectorize(["坚持科学发展观，科学发展观", "深化供給側結構性改革"])
    >>> dtm.labels, dtm.terms, dtm.matrix.toarray().tolist()
    (('doc0', 'doc1'), ('供给侧结构性改革', '深化', '科学发展观'), [[0, 0, 2], [1, 1, 0]])
    """
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

    from ._docs import as_documents, doc_label, doc_row

    docs = list(as_documents(corpus))
    an = analyzer or Analyzer(ngram_range=ngram_range)
    if weighting not in ("count", "tfidf"):
        raise ValueError(f"weighting must be 'count' or 'tfidf', not {weighting!r}")
    cls = TfidfVectorizer if weighting == "tfidf" else CountVectorizer
    vec = cls(analyzer=an, min_df=min_df, max_df=max_df)
    X = vec.fit_transform(docs).tocsr()
    dtm = DocumentTermMatrix(X, tuple(vec.get_feature_names_out()), tuple(doc_label(d, i) for i, d in enumerate(docs)),
                             tuple(doc_row(d, i) for i, d in enumerate(docs)))
    return dtm.to_frame() if frame else dtm
