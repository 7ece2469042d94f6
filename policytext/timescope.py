"""Whether a figure of a report speaks of one year, or of a longer period.

A work report mixes the year with longer spans: the review of the past five
years (五年来，城镇新增就业6600万人以上), five-year plans (二、“十四五”时期主要
目标任务), averages (年均增长7.1%).  A :class:`Scope` decides for each figure
of one document whether it is about ``year`` alone, from the cues of its
paragraph (the last time cue before the figure's end wins: 五年来 against
刚刚过去的2017年) and, when the paragraph names no time, from the section it
stands in.  The cues are in ``policytext/data/measure_rules.tsv``.

>>> text = "五年来，城镇新增就业6600万人以上。\\n刚刚过去的2017年，城镇新增就业1351万人。"
>>> scope = Scope.of_review(text, 2017)
>>> scope.one_year((text.index("城镇"), text.index("以上") + 2), "城镇新增就业6600万人以上")
False
>>> s = text.rindex("城镇")
>>> scope.one_year((s, s + 13), text[s:s + 13])
True
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

from ._data import data_groups
from .extract.kind import HEADING

__all__ = ["Scope", "plan_sections"]

Span = tuple[int, int]
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")


def _rules(name: str) -> re.Pattern:
    return re.compile("|".join(data_groups("measure_rules.tsv")[name]))


def plan_sections(text: str, ends: re.Pattern) -> list[Span]:
    """Spans of ``text`` under a heading naming a plan or several years, up to a heading that ``ends`` matches.

    >>> text = "二、“十四五”时期主要目标任务\\n单位国内生产总值能耗降低13.5%\\n三、2021年重点工作\\n能耗降低3%左右"
    >>> [text[s:e].split("\\n")[0] for s, e in plan_sections(text, re.compile("今年|2021年"))]
    ['二、“十四五”时期主要目标任务']
    """
    plan = _rules("plan_heading")
    spans: list[Span] = []
    start: Optional[int] = None
    pos = 0
    for line in text.splitlines(keepends=True):
        head = unicodedata.normalize("NFKC", line)
        if HEADING.match(head):
            if start is not None and ends.search(head):
                spans.append((start, pos))
                start = None
            elif start is None and plan.search(head) and not ends.search(head):
                start = pos
        pos += len(line)
    if start is not None:
        spans.append((start, len(text)))
    return spans


@dataclass(frozen=True)
class Scope:
    """The time cues of one document for one year (build with :meth:`of_plan` or :meth:`of_review`)."""

    text: str
    year: int
    annual: re.Pattern
    period: re.Pattern
    sections: tuple[Span, ...]

    @classmethod
    def of_plan(cls, text: str, year: int) -> "Scope":
        """A report of ``year`` setting that year's targets (今年, 2021年 name the year)."""
        annual = re.compile(f"今年|本年|全年|{year}年")
        return cls(text, year, annual, _rules("period"), tuple(plan_sections(text, annual)))

    @classmethod
    def of_review(cls, text: str, year: int) -> "Scope":
        """The next year's report reviewing ``year`` (去年, 过去一年, 2024年 name it)."""
        annual = re.compile(f"去年|上年|过去一年|全年|{year}年")
        ends = re.compile(f"今年|明年|去年|{year}年|{year + 1}年")
        return cls(text, year, annual, _rules("period"), tuple(plan_sections(text, ends)))

    def one_year(self, span: Span, text: str, year: Optional[int] = None) -> bool:
        """Whether the figure at ``span`` (its ``text``; ``year`` as the extractor read it) is about the year."""
        if year is not None and year != self.year:
            return False
        own = unicodedata.normalize("NFKC", text)
        if any(int(y) not in (self.year, self.year - 1) for y in _YEAR.findall(own)):
            return False
        para = unicodedata.normalize("NFKC", self.text[self.text.rfind("\n", 0, span[0]) + 1:span[0]]) + own
        last_period = max((m.end() for m in self.period.finditer(para)), default=-1)
        last_year = max((m.end() for m in self.annual.finditer(para)), default=-1)
        if last_period >= 0 or last_year >= 0:
            return last_year > last_period
        return not any(s <= span[0] < e for s, e in self.sections)
