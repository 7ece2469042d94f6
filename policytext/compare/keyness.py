"""Keyness: which terms a target uses more than a reference does.

For every term a 2×2 table of counts — the term and all other terms, in the
target and in the reference — is tested as quanteda's ``textstat_keyness``
does: Pearson's chi-squared (Yates' continuity correction on by default),
the log-likelihood ratio G², pointwise mutual information, and the log
ratio as an effect size (Hardie 2014).  The statistics are those of
``scipy.stats.chi2_contingency`` on the same tables (``correction`` and
``lambda_="log-likelihood"``), computed for all terms at once; a statistic
is negative when the target uses the term less than expected.

>>> t = {"科学发展观": 30, "经济": 50, "建设": 120}
>>> r = {"科学发展观": 2, "经济": 400, "建设": 900}
>>> kw = keyness(t, r, measure="chi2")
>>> [(k.term, round(k.score, 1), k.n_target, k.n_reference) for k in kw]
[('科学发展观', 176.2, 30, 2), ('经济', -2.4, 50, 400), ('建设', -6.2, 120, 900)]
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Optional, Sequence

__all__ = ["Keyword", "Keywords", "keyness", "keyness_statistics", "count_terms", "MEASURES"]

MEASURES = ("chi2", "g2", "pmi", "log_ratio")


@dataclass(frozen=True)
class Keyword:
    """One term of a keyword table.

    ``score`` is the method's statistic (chi², G², PMI, log ratio, TF-IDF
    weight or TextRank); ``p`` its p-value (``None`` for TF-IDF and
    TextRank); ``log_ratio`` the effect size, log2 of the ratio of relative
    frequencies (a zero count taken as 0.5).
    """

    term: str
    score: float
    p: Optional[float] = None
    n_target: int = 0
    n_reference: Optional[int] = None
    log_ratio: Optional[float] = None

    def to_dict(self) -> dict:
        return {"term": self.term, "score": self.score, "p": self.p, "n_target": self.n_target,
                "n_reference": self.n_reference, "log_ratio": self.log_ratio}


@dataclass(frozen=True)
class Keywords:
    """A sorted keyword table: ``rows`` best first, from ``method``."""

    rows: tuple[Keyword, ...]
    method: str
    source: Optional[str] = None

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, i):
        return self.rows[i]

    @property
    def terms(self) -> list[str]:
        return [k.term for k in self.rows]

    def to_frame(self):
        """A pandas DataFrame: term, score, p, n_target, n_reference, log_ratio."""
        import pandas as pd

        return pd.DataFrame([k.to_dict() for k in self.rows],
                            columns=["term", "score", "p", "n_target", "n_reference", "log_ratio"])


def count_terms(docs: Iterable[Any], analyzer: Any = None) -> Counter:
    """Term counts summed over documents (as the analyzer cuts them)."""
    from ._docs import as_documents
    from .vectorize import Analyzer

    an = analyzer or Analyzer()
    counts: Counter = Counter()
    for doc in as_documents(docs):
        counts.update(an(doc))
    return counts


def keyness_statistics(a, b, n_target: int, n_reference: int, *, measure: str = "chi2", correction: bool = True):
    """Signed statistic and p-value for counts ``a`` (target) and ``b`` (reference), arrays.

    The 2×2 table of a term is ``[[a, b], [n_target - a, n_reference - b]]``.
    ``correction`` applies Yates' continuity correction (to chi² and G², as
    scipy does); PMI is ``ln(a / E[a])`` and the log ratio
    ``log2((a/n_target) / (b/n_reference))``, both with the G² p-value.

    >>> s, p = keyness_statistics([30], [2], 200, 1302, measure="g2", correction=False)
    >>> round(float(s[0]), 2), float(p[0]) < 1e-20
    (110.64, True)
    """
    import numpy as np
    from scipy.stats import chi2 as chi2_dist

    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {MEASURES}, not {measure!r}")
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    obs = np.stack([a, b, n_target - a, n_reference - b])  # 4 cells × terms
    n = float(n_target + n_reference)
    rows = np.stack([a + b, a + b, n - a - b, n - a - b])
    cols = np.array([n_target, n_reference, n_target, n_reference], dtype=float)[:, None]
    exp = rows * cols / n
    sign = np.where(a >= exp[0], 1.0, -1.0)
    if measure in ("chi2", "g2") and correction:
        diff = exp - obs
        obs = obs + np.sign(diff) * np.minimum(0.5, np.abs(diff))
    with np.errstate(divide="ignore", invalid="ignore"):
        if measure == "chi2":
            stat = np.sum((obs - exp) ** 2 / exp, axis=0)
        else:
            g2 = 2.0 * np.sum(np.where(obs > 0, obs * np.log(obs / exp), 0.0), axis=0)
            stat = g2
        p = chi2_dist.sf(stat, 1)
        if measure == "pmi":
            return np.log(a / exp[0]), p
        if measure == "log_ratio":
            return log_ratio(a, b, n_target, n_reference), p
    return sign * stat, p


def log_ratio(a, b, n_target: int, n_reference: int):
    """log2 of the ratio of relative frequencies; a zero count counts as 0.5."""
    import numpy as np

    a = np.where(np.asarray(a) == 0, 0.5, a)
    b = np.where(np.asarray(b) == 0, 0.5, b)
    return np.log2((a / n_target) / (b / n_reference))


def keyness(
    target: Mapping[str, int],
    reference: Mapping[str, int],
    *,
    measure: str = "chi2",
    correction: bool = True,
    top: Optional[int] = None,
    min_count: int = 1,
    source: Optional[str] = None,
) -> Keywords:
    """Keyness of target counts against reference counts, every term of the target.

    Sorted by the signed statistic, most distinctive of the target first;
    ``min_count`` drops terms the target uses fewer times.
    """
    import numpy as np

    terms: Sequence[str] = [t for t, c in target.items() if c >= min_count]
    n_t = sum(target.values())
    n_r = sum(reference.values())
    a = np.array([target[t] for t in terms], dtype=float)
    b = np.array([reference.get(t, 0) for t in terms], dtype=float)
    stat, p = keyness_statistics(a, b, n_t, n_r, measure=measure, correction=correction)
    lr = log_ratio(a, b, n_t, n_r)
    order = sorted(range(len(terms)), key=lambda i: (-stat[i], terms[i]))
    if top is not None:
        order = order[:top]
    rows = tuple(Keyword(terms[i], float(stat[i]), float(p[i]), int(a[i]), int(b[i]), float(lr[i])) for i in order)
    return Keywords(rows, measure, source)
