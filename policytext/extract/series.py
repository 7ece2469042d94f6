"""Names shared across a sentence: a 分别 series, a list before 均/都, a measure named once.

>>> from policytext.extract.pairing import sentence_indicators
>>> from policytext.extract.kind import Cues
>>> [(i.name, i.change.value) for i in sentence_indicators("接待游客人次、旅游总花费均增长8%以上", 0, Cues("", None), 0)]
[('接待游客人次', 8.0), ('旅游总花费', 8.0)]
>>> [(i.name, i.value) for i in sentence_indicators("铁路、高速公路运营里程均超过10万公里", 0, Cues("", None), 0)]
[('铁路运营里程', 100000.0), ('高速公路运营里程', 100000.0)]
"""
from __future__ import annotations

import re
from dataclasses import replace

from .names import AND, LEAD_STRIP, YEAR_WORD, clause_start, clean_name
from .quantities import GATE
from .records import Indicator

__all__ = ["carry_names", "distribute", "split_series"]

# 均/都 after a list of measures (not 均衡, 都市): each gets the figure
_EACH = re.compile(r"\s*等?\s*(?:实际|名义)?[均都](?![衡匀等市会])")


def _each_parts(sent: str, start: int, end: int) -> list[tuple[int, int]]:
    """The measures of the list that ends at ``end`` (its last name starts at ``start``): back
    over 、, split on 、和与及, each cleaned of strip words; (start, end) of each in ``sent``."""
    pos = start
    while pos > 1 and sent[pos - 1] == "、":
        j = clause_start(sent, pos - 1)
        if j >= pos - 1:
            break
        pos = j
    bounds, a = [], pos
    for m in AND.finditer(sent, pos, end):
        bounds.append((a, m.start()))
        a = m.end()
    bounds.append((a, end))
    parts = []
    for a, b in bounds:
        name, lead, _ = clean_name(sent[a:b].rstrip("等"))
        if name:
            parts.append((a + lead, a + lead + len(name)))
    return parts


def _head(sent: str, part: tuple[int, int], last: tuple[int, int]):
    """The head noun a short first measure shares with the last one, when both end in the same
    character (铁路、高速公路运营里程: 铁路 + 运营里程), else None."""
    a, b = part
    if b - a > 3:
        return None
    k = sent.rfind(sent[b - 1], last[0] + 1, last[1] - 2)
    return (k + 1, last[1]) if k >= 0 else None


def distribute(sent: str, base: int, results: list[Indicator]) -> list[Indicator]:
    """都/均 give the figure to every measure named: 接待游客人次、旅游总花费均增长8%以上,
    清洁能源装机容量和发电量占比均超过50%."""
    out: list[Indicator] = []
    for r in results:
        ns = r.name_span
        if not ns or isinstance(ns[0], tuple) or not _EACH.match(sent, ns[1] - base):
            out.append(r)
            continue
        parts = _each_parts(sent, ns[0] - base, ns[1] - base)
        if len(parts) < 2:
            out.append(r)
            continue
        end = r.span[1] - base
        for a, b in parts:
            head = _head(sent, (a, b), parts[-1]) if (a, b) != parts[-1] else None
            if head:
                name, span = sent[a:b] + sent[head[0]:head[1]], ((base + a, base + b), (base + head[0], base + head[1]))
            else:
                name, span = sent[a:b], (base + a, base + b)
            out.append(replace(r, name=name, name_span=span, span=(base + a, base + end), text=sent[a:end]))
    return out


def carry_names(sent: str, base: int, results: list[Indicator]) -> list[Indicator]:
    """An unnamed figure after a named one, of the same measure, takes its name."""
    for k in range(1, len(results)):
        cur, prev = results[k], results[k - 1]
        gap = sent[prev.span[1] - base:cur.span[0] - base]
        if not cur.name and prev.name and re.fullmatch(
            rf"[，,]\s*{YEAR_WORD}(?:又?(?:为|达到|达|是|增加到|提高到|上升到|下降到))?", gap
        ):
            # 农民人均纯收入，1982年为270元，1987年为463元
            results[k] = replace(cur, name=prev.name, name_span=prev.name_span)
        elif not cur.name and prev.name and cur.unit == prev.unit and cur.unit and not GATE.search(gap):
            # 物价涨幅要从14.8%降到10%左右，经过努力，实际回落到6.1%: the same measure again
            results[k] = replace(cur, name=prev.name, name_span=prev.name_span)
    return results


def _series_names(sent: str, base: int, first: Indicator, n: int) -> Indicator:
    """电子信息、高端装备制造、现代消费品营业收入分别达到……: the names run back over 、."""
    pos = first.name_span[0] - base
    while pos > 1 and sent[pos - 1] == "、" and len(AND.findall(sent[pos - 1:first.name_span[1] - base])) + 1 <= n:
        j = clause_start(sent, pos - 1)
        if j >= pos - 1:
            break
        pos = j
    lead = LEAD_STRIP.match(sent[pos:first.name_span[0] - base])
    pos += lead.end() if lead else 0
    start = min(first.span[0], base + pos)
    return replace(first, name=sent[pos:first.name_span[1] - base], name_span=(base + pos, first.name_span[1]),
                   span=(start, first.span[1]), text=sent[start - base:first.span[1] - base])


def split_series(sent: str, base: int, results: list[Indicator]) -> list[Indicator]:
    """Name the members of a 分别 series: A和B分别增长x%和y% → A: x, B: y."""
    out = list(results)
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and not out[j + 1].name and out[j + 1].span[0] - out[j].span[1] <= 2:
            j += 1
        if j > i and out[i].name:
            n = j - i + 1
            first = out[i]
            if first.name_span and len(AND.findall(first.name)) + 1 < n:
                first = out[i] = _series_names(sent, base, first, n)
            bounds = [0] + [m.end() for m in AND.finditer(first.name)]
            ends = [m.start() for m in AND.finditer(first.name)] + [len(first.name)]
            if len(bounds) == n and all(e > b for b, e in zip(bounds, ends)) and first.name_span:
                ns = first.name_span[0]
                last_b, last_e = bounds[-1], ends[-1]
                for k in range(n):
                    b, e = bounds[k], ends[k]
                    width = e - b
                    span = (ns + b, ns + e)
                    head = first.name[last_b + width:last_e]
                    if k < n - 1 and width <= 3 and len(head) >= 4 and head[0] not in "（(":
                        # 城镇和农村常住居民人均可支配收入: parallel modifiers share the head noun
                        span = ((ns + b, ns + e), (ns + last_b + width, ns + last_e))
                        name = first.name[b:e] + first.name[last_b + width:last_e]
                    else:
                        name = first.name[b:e]
                    out[i + k] = replace(out[i + k], name=name, name_span=span)
            else:
                for k in range(1, n):
                    out[i + k] = replace(out[i + k], name=first.name, name_span=first.name_span)
        i = j + 1
    return out
