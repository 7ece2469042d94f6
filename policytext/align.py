"""Offset alignment between a text and a rewritten copy of it.

Every normalisation step (width folding, line joining, script conversion,
Taiwan-phrase repair) rewrites the text.  Most rewrites are one character
for one character; the few that change length (``巨集觀`` → ``宏观``,
a deleted soft line break) are recorded as *edits*.  Between edits the two
texts run in step with a constant shift, so a position maps with one
binary search per step, and a 1:1 step costs nothing at all.

>>> step = Step.from_replacements("巨集觀調控", [(0, 3, "宏观")])
>>> step.target
'宏观調控'
>>> step.to_source((0, 2))      # 宏观 in the target is 巨集觀 in the source
(0, 3)
>>> step.to_source((2, 4))
(3, 5)
>>> step.to_target((3, 5))
(2, 4)
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Iterable, Sequence

Span = tuple[int, int]


@dataclass(frozen=True)
class Step:
    """One rewrite ``source`` → ``target`` and the edits that changed length.

    ``edits`` holds ``(a0, a1, b0, b1)`` tuples, sorted: source ``[a0, a1)``
    became target ``[b0, b1)``.  Outside the edits the texts align with a
    constant shift.  A step with no edits is the identity on offsets.
    """

    source: str
    target: str
    edits: tuple[tuple[int, int, int, int], ...] = ()
    name: str = ""
    _a0: tuple[int, ...] = field(default=(), repr=False, compare=False)
    _b0: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_a0", tuple(e[0] for e in self.edits))
        object.__setattr__(self, "_b0", tuple(e[2] for e in self.edits))

    @classmethod
    def from_replacements(
        cls, source: str, replacements: Iterable[tuple[int, int, str]], name: str = ""
    ) -> "Step":
        """Apply non-overlapping, sorted ``(start, end, new_text)`` replacements.

        Replacements of equal length are folded in without an edit record.
        """
        parts: list[str] = []
        edits: list[tuple[int, int, int, int]] = []
        pos = 0
        out_len = 0
        for a0, a1, new in replacements:
            if a0 < pos:
                raise ValueError(f"overlapping replacement at {a0}")
            parts.append(source[pos:a0])
            out_len += a0 - pos
            parts.append(new)
            if len(new) != a1 - a0:
                edits.append((a0, a1, out_len, out_len + len(new)))
            out_len += len(new)
            pos = a1
        parts.append(source[pos:])
        return cls(source, "".join(parts), tuple(edits), name)

    # -- mapping -----------------------------------------------------------
    @staticmethod
    def _map_start(p: int, starts: Sequence[int], edits, src: int, dst: int) -> int:
        i = bisect_right(starts, p) - 1
        if i < 0:
            return p
        e = edits[i]
        s1, d0, d1 = e[src + 1], e[dst], e[dst + 1]
        if p < s1:  # inside a replaced piece: start of its counterpart
            return d0
        return p - s1 + d1

    @staticmethod
    def _map_end(p: int, starts: Sequence[int], edits, src: int, dst: int) -> int:
        # the last edit that starts strictly before p
        i = bisect_right(starts, p - 1) - 1
        if i < 0:
            return p
        e = edits[i]
        s1, d1 = e[src + 1], e[dst + 1]
        if p <= s1:  # ends inside a replaced piece: end of its counterpart
            return d1
        return p - s1 + d1

    def to_source(self, span: Span) -> Span:
        """Map a span of ``target`` to the span of ``source`` it came from."""
        s, e = span
        if not self.edits:
            return (s, e)
        s2 = self._map_start(s, self._b0, self.edits, 2, 0)
        e2 = self._map_end(e, self._b0, self.edits, 2, 0) if e > s else s2
        return (s2, max(s2, e2))

    def to_source_many(self, spans: list[Span]) -> list[Span]:
        """:meth:`to_source` for many spans whose starts do not decrease (tokens).

        One merge-walk over the edits instead of a binary search per span.
        """
        if not self.edits:
            return spans
        edits = self.edits
        n = len(edits)
        out = []
        i = 0  # edits[:i] start at or before the current start
        for s, e in spans:
            while i < n and edits[i][2] <= s:
                i += 1
            # start: the last edit with b0 <= s is edits[i - 1]
            if i:
                a0, a1, b0, b1 = edits[i - 1]
                s2 = a0 if s < b1 else s - b1 + a1
            else:
                s2 = s
            if e > s:
                j = i
                while j < n and edits[j][2] < e:
                    j += 1
                if j:
                    a0, a1, b0, b1 = edits[j - 1]
                    e2 = a1 if e <= b1 else e - b1 + a1
                else:
                    e2 = e
            else:
                e2 = s2
            out.append((s2, max(s2, e2)))
        return out

    def to_target(self, span: Span) -> Span:
        """Map a span of ``source`` to the span of ``target`` it became."""
        s, e = span
        if not self.edits:
            return (s, e)
        s2 = self._map_start(s, self._a0, self.edits, 0, 2)
        e2 = self._map_end(e, self._a0, self.edits, 0, 2) if e > s else s2
        return (s2, max(s2, e2))


@dataclass(frozen=True)
class Alignment:
    """A chain of steps from an original text to its analysis view.

    >>> a = Alignment.identity("巨集觀").then(Step.from_replacements("巨集觀", [(0, 3, "宏观")]))
    >>> a.view
    '宏观'
    >>> a.to_original((1, 2))
    (0, 3)
    """

    original: str
    steps: tuple[Step, ...] = ()

    @classmethod
    def identity(cls, text: str) -> "Alignment":
        return cls(text, ())

    @property
    def view(self) -> str:
        return self.steps[-1].target if self.steps else self.original

    def then(self, step: Step) -> "Alignment":
        if step.source is not self.view and step.source != self.view:
            raise ValueError("step does not start from this alignment's view")
        if step.target == step.source and not step.edits:
            return self
        return Alignment(self.original, self.steps + (step,))

    def to_original(self, span: Span) -> Span:
        """Map a span of the view back to the exact span of the original."""
        for step in reversed(self.steps):
            span = step.to_source(span)
        return span

    def to_original_many(self, spans: list[Span]) -> list[Span]:
        """:meth:`to_original` for many spans in document order (tokens, items)."""
        for step in reversed(self.steps):
            spans = step.to_source_many(spans)
        return spans

    def to_view(self, span: Span) -> Span:
        """Map a span of the original forward into the view."""
        for step in self.steps:
            span = step.to_target(span)
        return span
