"""The indicator record: one type, built on the view, mapped to the original text once."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Optional, Union

from ..lines import unbroken

__all__ = ["Change", "Indicator"]

_SPACE = re.compile(r"\s")

Span = tuple[int, int]
# a name's place: one span, or two for a shared head noun (城镇和农村常住居民人均可支配收入 → 农村 + 常住居民…)
NameSpan = Union[Span, tuple[Span, Span], None]


@dataclass(frozen=True)
class Change:
    """The change of a measure: ``增长10.4%`` → value 10.4, unit ``%``, direction ``up``."""

    value: float
    unit: Optional[str]
    direction: str
    value_high: Optional[float] = None
    qualifier: Optional[str] = None
    basis: Optional[str] = None

    def to_dict(self) -> dict:
        return {"value": self.value, "value_high": self.value_high, "unit": self.unit,
                "direction": self.direction, "qualifier": self.qualifier, "basis": self.basis}


@dataclass(frozen=True)
class Indicator:
    """A quantity attached to a named measure (see the record format).

    ``span`` and ``name_span`` point into the text it was found in; ``text`` is
    that text's slice.  ``to_original`` moves all three to the original text.
    """

    name: str
    value: Optional[float]
    value_high: Optional[float]
    unit: Optional[str]
    qualifier: Optional[str]
    change: Optional[Change]
    kind: str
    year: Optional[int]
    span: Span
    text: str
    name_span: NameSpan = field(default=None, compare=False)

    def to_dict(self) -> dict:
        return {
            "name": self.name, "value": self.value, "value_high": self.value_high, "unit": self.unit,
            "qualifier": self.qualifier, "change": self.change.to_dict() if self.change else None,
            "kind": self.kind, "year": self.year, "span": list(self.span), "text": self.text,
        }

    def to_original(self, to_original: Callable[[Span], Span], original: str) -> "Indicator":
        """The same indicator with spans, text and name as written in ``original``.

        Names drop what the view removed: soft line breaks and the ghost lines between them, a PDF's letter
        spacing (國 內 生 產 總 值 → 國內生產總值), page furniture.
        """
        s, e = to_original(self.span)
        name_span = self.name_span
        name = self.name
        if name_span is not None:
            pieces = name_span if isinstance(name_span[0], tuple) else (name_span,)  # a name from two pieces
            written = [_as_written(piece, to_original, original) for piece in pieces]
            name = "".join(w for w, _ in written)
            name_span = tuple(sp for _, sp in written) if len(pieces) > 1 else written[0][1]
        # built field by field: dataclasses.replace costs as much again, once per indicator
        return Indicator(unbroken(name), self.value, self.value_high, self.unit, self.qualifier, self.change,
                         self.kind, self.year, (s, e), original[s:e], name_span)


def _as_written(span: Span, to_original: Callable[[Span], Span], original: str) -> tuple[str, Span]:
    """The text of a view's span as written in ``original`` less the characters the view removed
    (the original characters of each view character, in order), and the original span.

    >>> from policytext import Document
    >>> doc = Document.from_text("國 內 生 產 總 值 增 長 6 %\\n" * 12 + "\\f")  # a PDF's letter-spaced lines
    >>> _as_written((0, 6), doc.view("simplified").to_original, doc.text)
    ('國內生產總值', (0, 11))
    """
    s, e = to_original(span)
    text = original[s:e]
    if len(text) == span[1] - span[0] and _SPACE.search(text) is None:
        return text, (s, e)
    kept: list[list[int]] = []
    for k in range(span[0], span[1]):
        a, b = to_original((k, k + 1))
        if kept and a < kept[-1][1]:  # one original run read as several view characters (巨集觀 → 宏观)
            kept[-1][1] = max(kept[-1][1], b)
        else:
            kept.append([a, b])
    return "".join(original[a:b] for a, b in kept), (s, e)
