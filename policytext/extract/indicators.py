"""Numeric indicators: a named measure with its value and/or change.

Runs on the Simplified, half-width, line-joined view; the caller maps every
record to the original text (``Indicator.to_original``).  The pass is
regex-driven and needs no word segmentation; each concern has its module:

1. ``quantities``: numbers (Arabic or Chinese, ranges, 百分之/分之/成) with
   multiplier, unit and qualifier, less what is not an indicator (years and
   dates, durations, ordinals, list counts such as 五个理念, PM2.5, 5G);
2. ``pairing``: values told from changes by the verb before the number
   (增长10.4% is a change; 涨幅3% is a value) and paired
   (221.8亿元增长10.4%; 上升3个百分点，达到51.2%; 由46.9%提高到48.2%);
3. ``names``: the measure's name from the words before the number (or after
   it: 三万多亩的可利用土地);
4. ``kind``: target or actual from the section and the cues of the paragraph.

>>> [(i.name, i.value, i.unit, i.change and i.change.value) for i in find_indicators("实现区属生产总值221.8亿元增长10.4%")]
[('区属生产总值', 22180000000.0, '元', 10.4)]
>>> [(i.name, i.kind) for i in find_indicators("一、2024年工作回顾\\n粮食产量1.4万亿斤。\\n二、2025年工作安排\\n粮食产量1.4万亿斤。")]
[('粮食产量', 'actual'), ('粮食产量', 'target')]
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from typing import Optional, Sequence

from .kind import HEADING, Cues, ListCarry, described_year, heading_year, next_section, section_kind
from .pairing import sentence_indicators
from .quantities import GATE, local_currency
from .records import Change, Indicator

__all__ = ["Indicator", "Change", "find_indicators"]

_SENT = re.compile(r"[^。！？!?；;]*[。！？!?；;]?")


def _paragraphs(text: str):
    pos = 0
    for para in text.split("\n"):
        yield pos, para
        pos += len(para) + 1


class _Residue:
    """Sorted, non-overlapping residue spans, looked up by bisection (a file may hold thousands)."""

    def __init__(self, spans: Sequence[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def within(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans that overlap ``[start, end)``."""
        i = max(0, bisect_right(self.starts, start) - 1)
        out = []
        while i < len(self.spans) and self.spans[i][0] < end:
            if self.spans[i][1] > start:
                out.append(self.spans[i])
            i += 1
        return out

    def covers(self, start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in self.within(start, end))


def find_indicators(text: str, residue=()) -> list[Indicator]:
    """All indicators of a (Simplified, half-width, line-joined) text, in order; spans into ``text``."""
    out: list[Indicator] = []
    section: Optional[str] = None
    section_year: Optional[int] = None  # the year a review or plan heading names (一、2009年工作回顾)
    res = _Residue(residue)
    carry = ListCarry()  # a plan's list of measures (以下措施：) carries its kind to its items
    for ppos, para in _paragraphs(text):
        if not para.strip() or res.covers(ppos, ppos + len(para)):
            continue
        if HEADING.match(para) and len(para) < 60:
            if section_kind(para) is not None:  # a mixed heading (1998年工作回顾和1999年……) names no one year
                section_year = heading_year(para) if section_kind(para) != "mixed" else None
            section = next_section(section, para)  # review, plan, or neither (then the cues decide)
            section_year = section_year if section is not None else None
        listed = carry.next(para, section)
        if not GATE.search(para):
            continue
        cues = Cues(para, section, listed)
        for sm in _SENT.finditer(para):
            sent = sm.group()
            if not sent.strip() or not GATE.search(sent):
                continue
            base = ppos + sm.start()
            for ind in sentence_indicators(sent, base, cues, sm.start(), res.within(base, base + len(sent))):
                if ind.year is None and ind.change is not None:
                    # 比上年增长8.7% under 一、2009年工作回顾, or after 1984年，……: the year it describes
                    year = described_year(ind.change.basis, para, ind.span[0] - ppos, section_year)
                    ind = replace(ind, year=year) if year else ind
                out.append(ind)
    currency = local_currency(text)
    return [_in_currency(i, currency) for i in out] if currency else out


_OTHER_CURRENCY = re.compile("人民币|美元|澳门元|澳元|新台币|日元|欧元|英镑")


def _in_currency(ind: Indicator, currency: str) -> Indicator:
    """元 as the currency of the text (港元 in a Hong Kong address), unless another is named.

    >>> _in_currency(find_indicators("预留了500亿元")[0], "港元").unit
    '港元'
    """
    if _OTHER_CURRENCY.search(ind.text):
        return ind
    change = ind.change
    if change is not None and change.unit == "元":
        change = replace(change, unit=currency)
    return replace(ind, unit=currency if ind.unit == "元" else ind.unit, change=change)
