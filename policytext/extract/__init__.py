"""Extraction: indicators, enumerations and numbered formulations.

``extract(doc_or_text)`` runs on the document's Simplified view and returns
records whose spans and texts point into the user's original text, whatever
conversion ran underneath.  ``Extraction.to_dict()`` is the record of
``shared/spec/extraction-format.md``.

>>> ex = extract("實現區屬生產總值221.8億元增長10.4%")
>>> ind = ex.indicators[0]
>>> ind.name, ind.value, ind.unit, ind.change.value, ind.text
('區屬生產總值', 22180000000.0, '元', 10.4, '區屬生產總值221.8億元增長10.4%')
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional, Union

from ..document import Document
from ..lines import unbroken
from .enumerations import find_enumerations
from .formulations import find_formulations
from .indicators import find_indicators
from .records import Change, Indicator

__all__ = ["Indicator", "Item", "Enumeration", "Formulation", "Extraction", "Change", "extract", "indicators_frame"]

Span = tuple[int, int]


@dataclass(frozen=True)
class Item:
    ordinal: int
    marker: str
    span: Span
    title: str
    key: Optional[str]
    text: str

    def to_dict(self) -> dict:
        return {"ordinal": self.ordinal, "marker": self.marker, "span": list(self.span), "title": self.title,
                "key": self.key, "text": self.text}


@dataclass(frozen=True)
class Enumeration:
    category: Optional[str]
    announced: Optional[int]
    intro_span: Optional[Span]
    items: tuple[Item, ...]
    parent: Optional[tuple[int, int]]
    span: Span
    style: str

    def to_dict(self) -> dict:
        return {"category": self.category, "announced": self.announced,
                "intro_span": list(self.intro_span) if self.intro_span else None,
                "items": [i.to_dict() for i in self.items], "parent": list(self.parent) if self.parent else None,
                "span": list(self.span), "style": self.style}


@dataclass(frozen=True)
class Formulation:
    text: str
    numbers: tuple[int, ...]
    span: Span
    expansion: Optional[str]

    def to_dict(self) -> dict:
        return {"text": self.text, "numbers": list(self.numbers), "span": list(self.span), "expansion": self.expansion}


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document."""

    source: Optional[str]
    script: str
    chars: int
    indicators: tuple[Indicator, ...]
    enumerations: tuple[Enumeration, ...]
    formulations: tuple[Formulation, ...]
    meta: Any = None

    def to_dict(self) -> dict:
        d = {
            "source": self.source, "script": self.script, "chars": self.chars,
            "indicators": [i.to_dict() for i in self.indicators],
            "enumerations": [e.to_dict() for e in self.enumerations],
            "formulations": [f.to_dict() for f in self.formulations],
        }
        if self.meta:
            d["meta"] = dict(self.meta)
        return d


def extract(doc_or_text: Union[Document, str], *, indicators: bool = True, enumerations: bool = True,
            formulations: bool = True) -> Extraction:
    """Extract indicators, enumerations and formulations from a document or text."""
    doc = doc_or_text if isinstance(doc_or_text, Document) else Document.from_text(doc_or_text)
    view = doc.view("simplified")
    vt = view.text
    orig = doc.text
    res_view = [view.to_view(s) for s in doc.residue]
    paged = "pdf" in view.steps  # a PDF's page furniture is residue all along, not a trailer
    body_end = len(vt) if paged else min((s for s, _ in res_view if s > len(vt) * 0.5), default=len(vt))
    body = _masked(vt, res_view) if paged else vt  # the contents page lists no sections

    def o(span: Span) -> Span:
        return view.to_original(span)

    def otext(span, fallback: str) -> str:
        if span is None:
            return fallback
        if isinstance(span[0], tuple):  # a name put together from two pieces
            return "".join(otext(piece, "") for piece in span)
        s, e = o(span)
        return orig[s:e]

    def oname(span, fallback: str) -> str:
        """A name or title as written, less the soft line breaks (and ghost lines) the view removed."""
        return unbroken(otext(span, fallback))

    inds = []
    if indicators:
        inds = [r.to_original(o, orig) for r in find_indicators(vt, res_view)]
    enums = []
    if enumerations:
        for en in find_enumerations(body, body_end):
            items = []
            for it in en.items:
                s, e = o(it.span)
                items.append(Item(it.ordinal, otext(_marker_span(it), it.marker), (s, e),
                                  oname(it.title_span, it.title), otext(it.key_span, it.key or "") if it.key else None, orig[s:e]))
            enums.append(Enumeration(en.category, en.announced, o(en.intro_span) if en.intro_span else None,
                                     tuple(items), en.parent, o(en.span), en.family))
    forms = []
    if formulations:
        for f in find_formulations(body[:body_end]):
            s, e = o(f.span)
            forms.append(Formulation(orig[s:e], f.numbers, (s, e), otext(f.expansion_span, f.expansion or "") if f.expansion else None))
    return Extraction(doc.source, doc.script, len(orig), tuple(inds), tuple(enums), tuple(forms), doc.meta or None)


def _masked(text: str, spans) -> str:
    """``text`` with the characters of ``spans`` blanked (line breaks kept): offsets unchanged.

    >>> _masked("目录\\n一、回顾\\n一、回顾", [(0, 7)])
    '  \\n    \\n一、回顾'
    """
    chars = list(text)
    for s, e in spans:
        for k in range(s, e):
            if chars[k] != "\n":
                chars[k] = " "
    return "".join(chars)


def _marker_span(it) -> Span:
    return (it.span[0], it.span[0] + len(it.marker))


def indicators_frame(extractions):
    """A pandas DataFrame of indicators, one row each, with the document's metadata as ``meta_*`` columns.

    The rows of :mod:`policytext.tables` (the same as CSV and Parquet output):
    an indicator's own ``year`` and ``text`` sit beside the document's
    ``meta_year`` and ``meta_title``.  Needs the ``frames`` extra (pandas).
    """
    try:
        from ..tables import frames
    except ImportError as e:  # pragma: no cover - optional
        raise ImportError("indicators_frame needs pandas: pip install 'policytext[frames]'") from e
    return frames(ex.to_dict() for ex in extractions)["indicators"]
