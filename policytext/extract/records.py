"""The indicator record: one type, built on the view, mapped to the original text once."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, Optional, Union

from ..lines import unbroken

__all__ = ["Change", "Indicator"]

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

        Names drop the soft line breaks the view removed.
        """
        s, e = to_original(self.span)
        name_span = self.name_span
        name = self.name
        if name_span is not None:
            if isinstance(name_span[0], tuple):  # a name put together from two pieces
                name_span = tuple(to_original(piece) for piece in name_span)
                name = "".join(original[a:b] for a, b in name_span)
            else:
                name_span = to_original(name_span)
                name = original[name_span[0]:name_span[1]]
        return replace(self, name=unbroken(name), span=(s, e), text=original[s:e], name_span=name_span)
