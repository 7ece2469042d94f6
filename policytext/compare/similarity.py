"""How alike speeches are: cosine similarity over TF-IDF, neighbours, an ordering.

>>> sim = similarity(["坚持科学发展观，推进招商引资", "堅持科學發展觀，推進招商引資", "深化供给侧结构性改革"])
>>> sim.matrix.round(2).tolist()
[[1.0, 1.0, 0.0], [1.0, 1.0, 0.0], [0.0, 0.0, 1.0]]
>>> sim.neighbours("doc0", k=1)
[('doc1', 1.0)]
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional, Union

from .vectorize import Analyzer, DocumentTermMatrix, vectorize

__all__ = ["Similarity", "similarity"]


@dataclass(frozen=True, eq=False)
class Similarity:
    """A labelled, symmetric cosine similarity matrix."""

    matrix: Any  # numpy array
    labels: tuple[str, ...]
    rows: tuple[dict, ...] = ()

    def index(self, label: Union[str, int]) -> int:
        return label if isinstance(label, int) else self.labels.index(label)

    def neighbours(self, label: Union[str, int], k: int = 5) -> list[tuple[str, float]]:
        """The ``k`` documents most like ``label`` (itself left out), most alike first."""
        import numpy as np

        i = self.index(label)
        order = [j for j in np.argsort(-self.matrix[i], kind="stable") if j != i][:k]
        return [(self.labels[j], round(float(self.matrix[i, j]), 6)) for j in order]

    def linkage(self, method: str = "average"):
        """scipy's hierarchical-clustering linkage over cosine distance (1 − similarity)."""
        from scipy.cluster.hierarchy import linkage
        from scipy.spatial.distance import squareform
        import numpy as np

        dist = np.clip(1.0 - self.matrix, 0.0, None)
        np.fill_diagonal(dist, 0.0)
        return linkage(squareform(dist, checks=False), method=method, optimal_ordering=len(self.labels) > 2)

    def order(self, method: str = "average") -> list[str]:
        """Labels in the leaf order of a hierarchical clustering: alike speeches side by side."""
        from scipy.cluster.hierarchy import leaves_list

        if len(self.labels) < 3:
            return list(self.labels)
        return [self.labels[i] for i in leaves_list(self.linkage(method))]

    def clusters(self, n: int, method: str = "average") -> dict[str, int]:
        """Each label's cluster (1 … ``n``) when the tree is cut into ``n`` groups."""
        from scipy.cluster.hierarchy import fcluster

        if len(self.labels) < 2:
            return {lab: 1 for lab in self.labels}
        return dict(zip(self.labels, (int(c) for c in fcluster(self.linkage(method), n, criterion="maxclust"))))

    def to_frame(self, ordered: bool = False):
        """A pandas DataFrame, labels as index and columns (in clustering order if ``ordered``)."""
        import pandas as pd

        df = pd.DataFrame(self.matrix, index=list(self.labels), columns=list(self.labels))
        if ordered:
            o = self.order()
            df = df.loc[o, o]
        return df


def similarity(corpus: Any, *, analyzer: Optional[Analyzer] = None, min_df: Union[int, float] = 1,
               max_df: Union[int, float] = 1.0, dtm: Optional[DocumentTermMatrix] = None) -> Similarity:
    """Cosine similarity of every pair of documents over their TF-IDF vectors.

    ``corpus`` as for :func:`~policytext.compare.vectorize.vectorize`, or an
    already built TF-IDF ``dtm``.  Script-blind: a Traditional copy of a
    speech is as alike as its Simplified original.
    """
    import numpy as np
    from sklearn.metrics.pairwise import cosine_similarity

    if dtm is None:
        dtm = vectorize(corpus, weighting="tfidf", analyzer=analyzer, min_df=min_df, max_df=max_df)
    m = cosine_similarity(dtm.matrix)
    np.fill_diagonal(m, 1.0)
    return Similarity(np.clip(m, 0.0, 1.0), dtm.labels, dtm.rows)
