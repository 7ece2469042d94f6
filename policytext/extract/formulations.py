"""Numbered formulations: slogans and shorthands built on numerals.

Three shapes cover what these speeches coin:

* several numeral + word pairs in quotation marks: ``“三高一低”``,
  ``“一带两城三区四园”``, ``“三去一降一补”`` (bare, 一心一意 and 九月八日
  look the same, so only the known ones of ``data/formulations.txt`` are
  taken unquoted);
* one numeral + 个/大/项/位/级 + a short term: ``四个全面``, ``五大行动计划``,
  ``五位一体``, ``三级联创``;
* a quoted short term with a numeral in it: ``“两区”``, ``“2+6”``,
  ``“十四五”``.

Where the speech spells one out (``即……``, ``就是……``, ``：……``) the
expansion is kept.

>>> [f.text for f in find_formulations("总的来说就是“三高一低”，即原材料价格上涨高、人工工资高")]
['三高一低']
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from typing import Optional

from .._data import data_lines
from ..convert import trie_pattern
from .numbers import parse_chinese

__all__ = ["RawFormulation", "find_formulations"]


@dataclass(frozen=True)
class RawFormulation:
    text: str
    numbers: tuple[int, ...]
    span: tuple[int, int]
    expansion: Optional[str]
    expansion_span: Optional[tuple[int, int]]


_D = "[一二两三四五六七八九十]"
_H = "[\u4e00-\u9fff]"
# two or more numeral+word parts inside quotation marks: “三高一低”
_MULTI_Q = re.compile(rf"[“\"「]((?:{_D}{_H}{{1,2}}){{2,5}})[”\"」]")
# the numeral opens the pattern and the character before it is checked after it
# (a lookbehind over both): a lookbehind opening a pattern is tried at every character
_SINGLE = re.compile(
    rf"(?P<t>{_D}(?<![\u4e00-\u9fff第]{_D})(?:个|大|位|项|级|大行动|大工程)(?:{_H}{{2,4}}))"
)
_QUOTED = re.compile(r"[“\"「]([^”\"」\n]{1,10})[”\"」]")
# a quoted numeral + 个 + term is a slogan too (“三个相信”, “两个中国”, “六个翻番”); 一个 stays out (_NOT_SLOGAN)
_HAS_NUM = re.compile(rf"^(?:{_D}(?!是|些|样|起|直|定|切|般|方面)|\d+(?:\s*\+\s*(?:\d+|N))+$)")
_NOT_SLOGAN = re.compile(r"^(?:一是|一些|一个|一种|一批|一年|一定|一直|一起|一样|一切|一般|一方面|一次|一把手|一线|两个?字|十分)")
_SINGLE_TERMS = re.compile(r"(?:全面|自信|意识|维护|确立|坚持|一体|布局|战略|工程|行动|行动计划|计划|中心|基地|产业|联创|体系|建设|文明|统筹|服务|创新|保障|一批|攻坚战|严禁|不得|基层)$")


@functools.lru_cache(maxsize=1)
def _lexicon() -> "re.Pattern[str]":
    """Known slogans (data/formulations.txt), found even unquoted: 四个现代化."""
    terms = data_lines("formulations.txt")
    # two-character terms (三级, 两区) are too often plain words when unquoted
    # (三级干部); only the hand-listed classics among them are looked for bare
    return re.compile(trie_pattern([t for t in terms if len(t) >= 3 or t in _BARE_SHORT]))


_BARE_SHORT = {"三农", "四风", "六稳", "六保", "三反", "五反", "四化", "两基", "三北", "双碳"}


_NUM_RUN = re.compile(rf"{_D}+|\d+")


@functools.lru_cache(maxsize=4096)  # the same slogans come back in every report
def _numbers(s: str) -> tuple[int, ...]:
    """The numerals of a formulation; a run that is no one number is read as
    several (the plan periods ``十四五`` → 14, 5 and ``九五`` → 9, 5).

    >>> _numbers("十四五"), _numbers("三去一降一补"), _numbers("1+1+10")
    ((14, 5), (3, 1, 1), (1, 1, 10))
    """
    out: list[int] = []
    for m in _NUM_RUN.finditer(s):
        run = m.group()
        out.extend([int(run)] if run.isdigit() else _run_values(run))
    return tuple(out)


def _run_values(run: str) -> list[int]:
    """A run of Chinese numerals as one number, or as the longest numbers it starts with."""
    for k in range(len(run), 0, -1):
        v = parse_chinese(run[:k])
        if v is not None and v == int(v):
            return [int(v)] + (_run_values(run[k:]) if k < len(run) else [])
    return []


def _expansion(text: str, end: int) -> tuple[Optional[str], Optional[tuple[int, int]]]:
    """``即……`` / ``就是……`` / ``：……`` right after the formulation, to the sentence end."""
    m = re.match(r"[”\"」]?\s*[，,]?\s*(?:即|就是|也就是|指的是|是指|[:：])\s*", text[end:end + 8])
    if not m:
        return None, None
    s = end + m.end()
    e = s
    while e < len(text) and text[e] not in "。；;！？!?\n" and e - s < 160:
        e += 1
    if e - s < 2:
        return None, None
    return text[s:e], (s, e)


def find_formulations(text: str) -> list[RawFormulation]:
    """Numbered slogans in a (Simplified) text, in order, each once per place."""
    found: dict[tuple[int, int], str] = {}
    spans: list[tuple[int, int]] = []  # the keys of ``found``, sorted: no span holds another
    longest = [0]

    def add(s: int, e: int, known: bool = False) -> None:
        t = text[s:e]
        if (_NOT_SLOGAN.match(t) and not known) or len(_numbers(t)) == 0:
            return
        i = bisect_right(spans, (s, len(text) + 1))
        j = i - 1  # a span holding this one starts at most ``longest`` before it
        while j >= 0 and spans[j][0] >= s - longest[0]:
            if spans[j][1] >= e:
                return
            j -= 1
        k = bisect_left(spans, (s, s))
        while k < len(spans) and spans[k][0] <= e:  # spans this one holds go
            if spans[k][1] <= e:
                del found[spans.pop(k)]
            else:
                k += 1
        insort(spans, (s, e))
        found[(s, e)] = t
        longest[0] = max(longest[0], e - s)

    for m in _MULTI_Q.finditer(text):
        add(m.start(1), m.end(1))
    for m in _QUOTED.finditer(text):
        inner = m.group(1).strip()
        if _HAS_NUM.search(inner) and not re.search(r"[，。、,]", inner) and not re.fullmatch(r"[\d.%]+", inner):
            if re.fullmatch(r"\d{4}", inner):
                continue
            add(m.start(1), m.end(1))
    for m in _SINGLE.finditer(text):
        t = m.group("t")
        if _SINGLE_TERMS.search(t):
            sub = _SINGLE_TERMS.search(t)
            add(m.start("t"), m.start("t") + sub.end())
    for m in _lexicon().finditer(text):
        s, e = m.span()
        before, after = text[s - 1:s], text[e:e + 1]
        # a whole term: not 第十五届, not 三农村, not the middle of a longer numeral
        # nor a piece of a longer formula (1+10 of “1+1+10”)
        if before and (before in "第+" or before.isdigit() or before in "一二两三四五六七八九十百千万亿零〇"):
            continue
        if after and after in "届次年日号周个岁万亿千百%倍点时期项条+":
            continue
        add(s, e, known=True)
    out = []
    for (s, e), t in sorted(found.items()):
        exp, espan = _expansion(text, e)
        out.append(RawFormulation(t, _numbers(t), (s, e), exp, espan))
    return out
