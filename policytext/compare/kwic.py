"""Concordance (keyword in context): every place a term stands, in either script.

The term may be given in Simplified or Traditional; it is looked for in each
document's Simplified view (Taiwan phrases repaired), and every hit is given
in its file's own script — ``doc.text[hit.span[0]:hit.span[1]] == hit.match``
— with ``width`` characters of context either side.

>>> hits = kwic("科学发展观", ["坚持以邓小平理论为指导，深入贯彻落实科学发展观。", "落實科學發展觀，加快發展。"], width=4)
>>> [(h.left, h.match, h.right, h.span) for h in hits]
[('贯彻落实', '科学发展观', '。', (18, 23)), ('落實', '科學發展觀', '，加快發', (2, 7))]
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any, Optional

from ..align import Span
from ..convert import Converter
from ..segment import in_spans
from ._docs import as_documents, doc_label

__all__ = ["Hit", "Concordance", "kwic", "term_forms"]


@dataclass(frozen=True)
class Hit:
    """One occurrence: ``match`` as written at ``span`` of the document's text, with context."""

    label: str
    source: Optional[str]
    span: Span
    match: str
    left: str
    right: str

    def to_dict(self) -> dict:
        return {"label": self.label, "source": self.source, "start": self.span[0], "end": self.span[1],
                "left": self.left, "match": self.match, "right": self.right}


class Concordance(tuple):
    """The hits of :func:`kwic` (a tuple), with a DataFrame and a text table."""

    def to_frame(self):
        import pandas as pd

        return pd.DataFrame([h.to_dict() for h in self],
                            columns=["label", "source", "start", "end", "left", "match", "right"])

    def table(self, width: int = 20) -> str:
        """A readable table: label, left context right-aligned, the match, right context."""
        if not self:
            return ""
        lab_w = max(_display_width(h.label) for h in self)
        lines = []
        for h in self:
            left = _pad(_flat(h.left), width, right=True)
            lines.append(f"{_pad(h.label, lab_w)}  {h.span[0]:>7}  {left} 【{_flat(h.match)}】 {_flat(h.right)}")
        return "\n".join(lines)


def term_forms(term: str) -> list[str]:
    """The Simplified forms to look for: plain t2s, and with Taiwan phrases undone.

    >>> term_forms("專案"), term_forms("项目")
    (['专案', '项目'], ['项目'])
    """
    forms = [Converter.get("t2s").convert(term), Converter.get("tw2sp_repair").convert(term)]
    return list(dict.fromkeys(forms))


def kwic(term: str, corpus: Any, *, width: int = 20, keep_residue: bool = False) -> Concordance:
    """Every occurrence of ``term`` in the corpus, in document order."""
    forms = term_forms(term)
    hits: list[Hit] = []
    for i, doc in enumerate(as_documents(corpus)):
        view = doc.view("simplified")
        vt, original = view.text, doc.text
        found: list[Span] = []
        for form in forms:
            start = vt.find(form)
            while start >= 0 and form:
                found.append((start, start + len(form)))
                start = vt.find(form, start + len(form))
        label = doc_label(doc, i)
        last_end = -1
        for vs in sorted(set(found)):
            if vs[0] < last_end:
                continue  # one form inside another's hit
            last_end = vs[1]
            s, e = view.to_original(vs)
            if not keep_residue and in_spans(doc.residue, s):
                continue
            hits.append(Hit(label, doc.source, (s, e), original[s:e], original[max(0, s - width):s], original[e:e + width]))
    return Concordance(hits)


def _flat(s: str) -> str:
    return " ".join(s.split())


def _display_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, width: int, right: bool = False) -> str:
    """Pad to ``width`` columns (wide characters count two)."""
    fill = " " * max(0, width * (2 if right else 1) - _display_width(s)) if right else " " * max(0, width - _display_width(s))
    return fill + s if right else s + fill
