"""How often speeches use a term, a term list or a dictionary's categories, per 10,000 characters.

Terms (in either script) are counted in each document's Simplified view,
scrape residue left out, and grouped by year or any manifest column; a
category dictionary (``category: term term …``, like quanteda's dictionary
lookup) counts every occurrence of any of its terms once.  The result is a
tidy table: one row per group and term (or category).

>>> docs = [Document.from_text("发展经济，保障民生。", meta={"year": 2001}),
...         Document.from_text("繼續發展經濟。", meta={"year": 2002})]
>>> [(r["year"], r["term"], r["count"], r["chars"]) for r in frequency_rows(docs, ["经济", "民生"])]
[(2001, '经济', 1, 10), (2001, '民生', 1, 10), (2002, '经济', 1, 7), (2002, '民生', 0, 7)]
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

from .._data import data_lines
from ..document import Document
from ..segment import in_spans
from ._docs import as_documents, doc_label
from .kwic import term_forms

__all__ = ["load_dictionary", "frequency", "frequency_rows"]

_SEP = re.compile(r"[\s,，、;；]+")


def load_dictionary(path: Union[str, Path, None] = None) -> dict[str, list[str]]:
    """A category dictionary: the user's file, or the small example shipped.

    >>> d = load_dictionary()
    >>> list(d)
    ['经济', '民生', '生态', '党建', '改革', '安全']
    >>> d["生态"][:3]
    ['生态', '环境保护', '生态文明']
    """
    if path is None:
        lines = data_lines("policy_dictionary.txt")
    else:
        lines = [ln.split("#", 1)[0].strip() for ln in Path(path).read_text(encoding="utf-8").splitlines()]
    out: dict[str, list[str]] = {}
    for ln in lines:
        if not ln:
            continue
        m = re.match(r"([^:：]+)[:：](.*)", ln)
        if not m:
            raise ValueError(f"dictionary line without 'category:': {ln!r}")
        out.setdefault(m.group(1).strip(), []).extend(t for t in _SEP.split(m.group(2)) if t)
    return out


def _pattern(terms: Sequence[str]) -> re.Pattern:
    forms = {f for t in terms for f in term_forms(t) if f}
    return re.compile("|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f))))


def _chars(doc: Document) -> int:
    """Characters of the text that count: not whitespace, not residue."""
    n = sum(not ch.isspace() for ch in doc.text)
    for s, e in doc.residue:
        n -= sum(not ch.isspace() for ch in doc.text[s:e])
    return n


def _count(doc: Document, pattern: re.Pattern) -> int:
    view = doc.view("simplified")
    n = 0
    for m in pattern.finditer(view.text):
        if not doc.residue or not in_spans(doc.residue, view.to_original(m.span())[0]):
            n += 1
    return n


def frequency_rows(
    corpus: Any,
    terms: Union[Sequence[str], Mapping[str, Sequence[str]]],
    *,
    by: Optional[str] = "year",
) -> list[dict]:
    """Rows ``{by, term, count, chars, per_10k, documents}``; ``terms`` a list or a dictionary.

    With a dictionary (a mapping category → terms) the ``term`` column is
    named ``category``.

    ``by`` is a metadata column (``year``, ``level``, ``region`` …) or
    ``None`` for one group per document (its label).  Groups are sorted.
    """
    groups: Mapping[str, Sequence[str]] = terms if isinstance(terms, Mapping) else {t: [t] for t in terms}
    patterns = {name: _pattern(ts) for name, ts in groups.items()}
    key = by or "label"
    counts: dict[Any, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    chars: dict[Any, int] = defaultdict(int)
    ndocs: dict[Any, int] = defaultdict(int)
    for i, doc in enumerate(as_documents(corpus)):
        g = doc_label(doc, i) if by is None else doc.meta.get(by)
        chars[g] += _chars(doc)
        ndocs[g] += 1
        for name, pat in patterns.items():
            counts[g][name] += _count(doc, pat)
    rows = []
    col = "category" if isinstance(terms, Mapping) else "term"
    for g in sorted(chars, key=_group_order):
        for name in groups:
            c = counts[g][name]
            rows.append({key: g, col: name, "count": c, "chars": chars[g],
                         "per_10k": round(c * 10000 / chars[g], 4) if chars[g] else 0.0, "documents": ndocs[g]})
    return rows


def _group_order(g: Any) -> tuple:
    """Numbers first (in order), then text, then no value."""
    if isinstance(g, (int, float)):
        return (0, g, "")
    return (1, 0, str(g)) if g is not None else (2, 0, "")


def frequency(
    corpus: Any,
    terms: Union[Sequence[str], Mapping[str, Sequence[str]], None] = None,
    *,
    dictionary: Union[str, Path, Mapping[str, Sequence[str]], None] = None,
    by: Optional[str] = "year",
):
    """A tidy DataFrame of frequencies per 10,000 characters, by ``by``.

    Give ``terms`` (a list, in either script) or a ``dictionary`` (a file
    path, a mapping category → terms, or ``"default"`` for the shipped
    example); with a dictionary the ``term`` column is named ``category``.
    """
    import pandas as pd

    if dictionary is not None:
        groups = dictionary if isinstance(dictionary, Mapping) else load_dictionary(None if dictionary == "default" else dictionary)
        return _frame(frequency_rows(corpus, groups, by=by))
    if terms is None:
        raise ValueError("give terms or a dictionary")
    if isinstance(terms, str):
        terms = [terms]
    return _frame(frequency_rows(corpus, terms, by=by))


def _frame(rows: list[dict]):
    """The rows as a DataFrame; a column of whole numbers with gaps stays whole (``Int64``)."""
    import pandas as pd

    df = pd.DataFrame(rows)
    if rows:
        col = next(iter(rows[0]))
        values = [r[col] for r in rows if r[col] is not None]
        if values and all(isinstance(v, int) for v in values):
            df[col] = pd.array([r[col] for r in rows], dtype="Int64")
    return df
