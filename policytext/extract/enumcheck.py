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

__all__ = ["Problem", "check_enumerations", "orphan_markers"]


@dataclass(frozen=True)
class Problem:
    kind: str  # COUNT | HEADING (across a higher-level item) | CROSS (across another list's item) | LONG | SKIP
    list_index: int
    item_index: int | None
    detail: str

    def __str__(self) -> str:
        where = (f"[{self.list_index}]" if self.list_index >= 0 else "") + (
            f" item {self.item_index + 1}" if self.item_index is not None else "")
        return f"{self.kind} {where}: {self.detail}"


def _inside(lists: list[RawEnumeration], li: int) -> set[tuple[int, int]]:
    """The items (list, item) that list li sits in, at any depth."""
    out = set()
    p = lists[li].parent
    while p is not None:
        out.add(tuple(p))
        p = lists[p[0]].parent
    return out


def _para_markers(text: str, lists: list[RawEnumeration]) -> list[tuple[int, int, set]]:
    """(position, list index, enclosing items) of every item marker that opens a paragraph."""
    out = []
    for li, e in enumerate(lists):
        inside = _inside(lists, li)
        for it in e.items:
            s = it.span[0]
            ls = text.rfind("\n", 0, s) + 1
            if not text[ls:s].strip():
                out.append((s, li, inside))
    return out


def check_enumerations(text: str, lists: list[RawEnumeration], long_factor: float = 5.0,
                       long_min: int = 2000) -> list[Problem]:
    """What looks wrong in the lists of one document (empty when nothing does)."""
    problems: list[Problem] = []
    heads = _para_markers(text, lists)
    for li, e in enumerate(lists):
        n = len(e.items)
        if e.announced is not None and e.announced != n:
            problems.append(Problem("COUNT", li, None, f"announced {e.announced}, {n} items: "
                                    + text[e.intro_span[0]:e.intro_span[1]][-40:] if e.intro_span else ""))
        lens = [b - a for a, b in (it.span for it in e.items)]
        for ii, it in enumerate(e.items):
            a, b = it.span
            # a paragraph opened by an item of a list that does not sit in this item
            across = [(p, lj) for p, lj, inside in heads if a < p < b and lj != li and (li, ii) not in inside]
            if across:
                p, lj = across[0]
                kind = "HEADING" if RANK[lists[lj].family] < RANK[e.family] else "CROSS"
                problems.append(Problem(kind, li, ii, f"{it.marker} runs across "
                                        f"{text[p:text.find(chr(10), p)][:30]!r} at {p} (list {lj})"))
            others = lens[:ii] + lens[ii + 1:]
            if others and lens[ii] > long_min and lens[ii] > long_factor * statistics.median(others):
                problems.append(Problem("LONG", li, ii, f"{it.marker} {lens[ii]} chars, siblings {others}"))
    return problems


def orphan_markers(text: str, lists: list[RawEnumeration]) -> list[Problem]:
    """Markers numbered two or more that belong to no list: numbering that skips
    (二是 after 首先要, a （三） missing from the source) or resumes far away."""
    from .enumerations import _markers

    used = {it.span[0] for e in lists for it in e.items}
    return [Problem("SKIP", -1, None, f"{mk.text} at {mk.pos}: {text[max(0, mk.pos - 20):mk.pos + 20]!r}")
            for mk in _markers(text) if mk.pos not in used and mk.ordinal and mk.ordinal >= 2
            and mk.family != "circled"]
