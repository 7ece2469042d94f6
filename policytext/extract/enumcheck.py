"""Checks on whole-document lists: the shapes that betray a list gone wrong.

``check_enumerations(text, lists)`` looks at the lists that
:func:`~policytext.extract.enumerations.find_enumerations` found in a
(Simplified) text and names what looks wrong: an announced count that differs
from the items, an item that runs across a section heading, an item far longer
than its siblings.

>>> from policytext.extract.enumerations import find_enumerations
>>> t = "一、回顾\\n\\n我们做了三件事：一是稳增长。二是促改革。三是惠民生。\\n\\n二、部署\\n\\n今年任务很重。"
>>> check_enumerations(t, find_enumerations(t))
[]
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass

from .enumerations import RANK, RawEnumeration

__all__ = ["Problem", "check_enumerations"]


@dataclass(frozen=True)
class Problem:
    kind: str  # COUNT | HEADING | LONG
    list_index: int
    item_index: "int | None"
    detail: str

    def __str__(self) -> str:
        where = f"[{self.list_index}]" + (f" item {self.item_index + 1}" if self.item_index is not None else "")
        return f"{self.kind} {where}: {self.detail}"


def _headings(text: str, lists: list[RawEnumeration]) -> list[tuple[int, int]]:
    """(position, rank) of every item marker that opens a paragraph."""
    out = []
    for e in lists:
        for it in e.items:
            s = it.span[0]
            ls = text.rfind("\n", 0, s) + 1
            if not text[ls:s].strip():
                out.append((s, RANK[e.family]))
    return out


def check_enumerations(text: str, lists: list[RawEnumeration], long_factor: float = 5.0,
                       long_min: int = 2000) -> list[Problem]:
    """What looks wrong in the lists of one document (empty when nothing does)."""
    problems: list[Problem] = []
    heads = _headings(text, lists)
    for li, e in enumerate(lists):
        n = len(e.items)
        if e.announced is not None and e.announced != n:
            problems.append(Problem("COUNT", li, None, f"announced {e.announced}, {n} items: "
                                    + text[e.intro_span[0]:e.intro_span[1]][-40:] if e.intro_span else ""))
        rank = RANK[e.family]
        lens = [b - a for a, b in (it.span for it in e.items)]
        for ii, it in enumerate(e.items):
            a, b = it.span
            inside = [p for p, r in heads if a < p < b and r < rank]
            if inside:
                p = inside[0]
                problems.append(Problem("HEADING", li, ii, f"{it.marker} runs across "
                                        f"{text[p:text.find(chr(10), p)][:30]!r} at {p}"))
            others = lens[:ii] + lens[ii + 1:]
            if others and lens[ii] > long_min and lens[ii] > long_factor * statistics.median(others):
                problems.append(Problem("LONG", li, ii, f"{it.marker} {lens[ii]} chars, siblings {others}"))
    return problems
