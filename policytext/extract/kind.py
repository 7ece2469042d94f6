"""Target or actual: the section a figure stands in, and the cues before it in its paragraph.

Strong cues decide anywhere; weak ones (将, 今年, 了, 已 …) only where the
section does not already say the opposite: a review section's
将提高研发费用加计扣除比例 does not make its figures targets.  The cue lists are
in ``policytext/data/kind_cues.tsv``.

>>> c = Cues("今年经济增长预期目标为5%左右，去年增长5.2%", None)
>>> c.at(len("今年经济增长预期目标为")), c.at(len("今年经济增长预期目标为5%左右，去年增长"))
('target', 'actual')
>>> section_kind("一、2024年工作回顾"), section_kind("二、2025年工作安排"), section_kind("三、坚持党的领导")
('actual', 'target', None)
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Optional

from .._data import data_groups

__all__ = ["Cues", "section_kind", "HEADING", "year_in"]

_CUES = data_groups("kind_cues.tsv")


def _alt(name: str) -> re.Pattern:
    return re.compile("|".join(_CUES[name]))


_TARGET_STRONG = _alt("target_strong")
_TARGET_WEAK = _alt("target_weak")  # 控制在 is weak: a review says 居民消费价格涨幅控制在2.6% of a result
_NOT_TARGET = _alt("not_target")  # 好于预期 / 超过预期 / 低于预期 are reports on a target, not targets
_ACTUAL_STRONG = _alt("actual_strong")
_ACTUAL_WEAK = _alt("actual_weak")
_SECTION_ACTUAL = _alt("section_actual")
_SECTION_TARGET = _alt("section_target")
HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)")


def section_kind(heading: str) -> Optional[str]:
    """What a section heading says its figures are: review (actual), plan (target), or neither (None)."""
    review = bool(_SECTION_ACTUAL.search(heading))
    plan = bool(_SECTION_TARGET.search(heading)) or (
        not review and bool(re.search(r"(?:(?:19|20)\d\d|今)年.{0,4}(?:工作|任务)", heading)))
    return "actual" if review and not plan else "target" if plan and not review else None


class Cues:
    """Target and actual cues of one paragraph: the kind at a position is told
    by the last cue before it, else by the section."""

    def __init__(self, para: str, section: Optional[str]):
        masked = _NOT_TARGET.sub(lambda m: "已经" * (len(m.group()) // 2) + "已" * (len(m.group()) % 2), para)
        cues = [(m.end(), "target") for m in _TARGET_STRONG.finditer(masked)]
        cues += [(m.end(), "actual") for m in _ACTUAL_STRONG.finditer(masked)]
        if section != "actual":
            cues += [(m.end(), "target") for m in _TARGET_WEAK.finditer(masked)]
        if section != "target":
            cues += [(m.end(), "actual") for m in _ACTUAL_WEAK.finditer(masked)]
        cues.sort(key=lambda c: (c[0], c[1] == "actual"))  # at the same end, actual wins
        self.ends = [c[0] for c in cues]
        self.kinds = [c[1] for c in cues]
        self.default = section or "actual"

    def at(self, pos: int) -> str:
        i = bisect_right(self.ends, pos) - 1
        return self.kinds[i] if i >= 0 else self.default


_YEAR = re.compile(r"(?:(?P<y>(?:19|20)\d\d)|(?P<cn>[一二三四五六七八九〇○零]{4})|(?P<anon>[Xx]{2}))年")
_CN4 = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")}
_CN4.update({"○": "0", "零": "0"})


def year_in(sentence: str, upto: int) -> Optional[int]:
    """The last year named in a sentence before ``upto`` (an XX年 of a template clears it).

    >>> year_in("一九九二年粮食产量达到4400亿公斤", 10)
    1992
    """
    last = None
    for m in _YEAR.finditer(sentence, 0, upto):
        if m.group("y"):
            last = int(m.group("y"))
        elif m.group("cn"):
            last = int("".join(_CN4[c] for c in m.group("cn")))
        else:
            last = None
    return last
