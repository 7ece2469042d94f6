"""From–to pairs: 由46.9%提高到48.2% is one indicator (48.2%, up 1.3 points), and a 分别 list from
figures to as many figures (分别从每人每月202元、270元提高到209元、280元) pairs them one to one; with
the records :mod:`.pairing` builds while it reads a sentence (a quantity's role, the pending indicator).

>>> from .quantities import quantities
>>> s = "城镇化率由46.9%提高到48.2%"
>>> a, b = quantities(s)
>>> p = from_to(s, a, (b, Role("value", False, None, None, b.start)))
>>> p.q.value, p.change.value, p.change.unit, p.change.direction
(48.2, 1.3, 'pp', 'up')
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple, Optional

from .._data import data_groups
from .names import YEAR_WORD
from .quantities import Quantity, canon_unit
from .records import Change

__all__ = ["DOWN", "DOWN_RE", "FROM_TO_GAP", "UP", "Pending", "Role", "from_to", "is_value", "series_from_to"]

_VERBS = data_groups("change_verbs.tsv")
UP = "|".join(_VERBS["up"])
DOWN = "|".join(_VERBS["down"])
DOWN_RE = re.compile(DOWN)
# 由46.9%提高到48.2%; the fifties also write 由……下降为……, 由……到一九五七年上升为……
FROM_TO_GAP = re.compile(rf"(?:(?:到|至){YEAR_WORD})?(?:(?:{UP}|{DOWN}|达|降|升)?(?:了)?(?:到|至)|(?:{UP}|{DOWN})为)"
                          rf"(?:{YEAR_WORD}的?|去年(?:底|末)?的?|上年的?)?")

class Role(NamedTuple):
    """What a quantity is in its sentence: a value or a change, maybe a member of a series (…、6.1%).
    (A named tuple, as :class:`~policytext.extract.quantities.Quantity` is: one is made for each figure.)"""

    what: str  # "value" or "change"
    series: bool
    direction: Optional[str]
    basis: Optional[str]
    start: int  # where the change's words (basis, verb) start; the number's start for a value


@dataclass
class Pending:
    """The indicator being built while the sentence is read."""

    q: Optional[Quantity]
    change: Optional[Change]
    name_end: int  # the name is looked for before here
    start: int
    end: int = 0
    series: bool = False  # a later member of a series: named by _split_series
    fromto: bool = False  # 由46.9%提高到48.2%: ``q`` is the later figure


def is_value(role: Optional[Role]) -> bool:
    return role is not None and role.what == "value" and not role.series


def from_to(sent: str, q: Quantity, nxt: tuple[Quantity, Role]) -> Optional[Pending]:
    """由46.9%提高到48.2% / 从去年的2.1%提高到2.3%: the pair is one indicator (or None)."""
    q2, role2 = nxt
    if not is_value(role2):
        return None
    gap = sent[q.end:q2.start]
    pre = sent[max(0, q.start - 8):q.start]
    if not (("由" in pre or "从" in pre) and FROM_TO_GAP.fullmatch(gap)):
        return None
    down = DOWN_RE.match(gap) is not None or (q2.value or 0) < (q.value or 0)
    ch = None
    if q.value is not None and q2.value is not None:
        diff = round(abs(q2.value - q.value), 6)
        unit = "pp" if q.unit == "%" else canon_unit(q.unit)
        ch = Change(diff, unit, "down" if down else "up")
    start = sent.rfind("由", 0, q.start) if "由" in pre else sent.rfind("从", 0, q.start)
    return Pending(q2, ch, start, start, fromto=True)


def series_from_to(sent: str, items: list[tuple[Quantity, Role]], k: int) -> Optional[list[Pending]]:
    """分别从每人每月202元、270元提高到209元、280元: a list of earlier figures, then as many later
    ones, paired one to one (202→209, 270→280), the first naming the series, the others its members;
    None unless ``items[k]`` opens such a pair of lists."""
    def run(i: int) -> int:  # the end of the list of values that starts at i
        j = i + 1
        while j < len(items) and items[j][1].series and items[j][1].what == "value":
            j += 1
        return j
    e1 = run(k)
    n = e1 - k
    if n < 2 or e1 >= len(items) or not is_value(items[e1][1]) or run(e1) - e1 != n:
        return None
    pre = sent[max(0, items[k][0].start - 8):items[k][0].start]
    if ("由" not in pre and "从" not in pre) or not FROM_TO_GAP.fullmatch(sent, items[e1 - 1][0].end, items[e1][0].start):
        return None
    start = sent.rfind("由", 0, items[k][0].start) if "由" in pre else sent.rfind("从", 0, items[k][0].start)
    out = []
    for i in range(n):
        a, b = items[k + i][0], items[e1 + i][0]
        ch = None
        if a.value is not None and b.value is not None:
            unit = "pp" if a.unit == "%" else canon_unit(a.unit)
            ch = Change(round(abs(b.value - a.value), 6), unit, "down" if b.value < a.value else "up")
        if i == 0:
            out.append(Pending(b, ch, start, start, fromto=True))
        else:
            out.append(Pending(b, ch, b.start, b.start, b.end, series=True, fromto=True))
    return out
