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

from .names import AND, BOUNDARY, LEAD_STRIP, YEAR_WORD, clause_start, clean_name
from .quantities import GATE, quantities
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


def _ends_in_figure(part: str) -> bool:
    """A list part that ends in a figure is an earlier series, no name: 分别从每人每月202元、270元提高到…

    >>> _ends_in_figure("分别从每人每月202元"), _ends_in_figure("2007年中"), _ends_in_figure("PM10")
    (True, False, False)
    """
    part = part.rstrip()
    qs = quantities(part) if GATE.search(part) else []
    return bool(qs) and qs[-1].end >= len(part)


def _series_names(sent: str, base: int, first: Indicator, n: int) -> Indicator:
    """电子信息、高端装备制造、现代消费品营业收入分别达到……: the names run back over 、."""
    pos = first.name_span[0] - base
    while pos > 1 and sent[pos - 1] == "、" and len(AND.findall(sent[pos - 1:first.name_span[1] - base])) + 1 <= n:
        j = clause_start(sent, pos - 1)
        if j >= pos - 1 or _ends_in_figure(sent[j:pos - 1]):
            break
        pos = j
    pos += len(sent[pos:first.name_span[0] - base]) - len(sent[pos:first.name_span[0] - base].lstrip())  # an indent
    lead = LEAD_STRIP.match(sent[pos:first.name_span[0] - base])
    pos += lead.end() if lead else 0
    start = min(first.span[0], base + pos)
    return replace(first, name=sent[pos:first.name_span[1] - base], name_span=(base + pos, first.name_span[1]),
                   span=(start, first.span[1]), text=sent[start - base:first.span[1] - base])


def _segmenter():
    """The shared default Segmenter (jieba with the policy lexicon), built on first use."""
    from ..document import _default_segmenter

    return _default_segmenter()


def head_start(member: str, last: str) -> int:
    """Where the head noun that a list member shares with the last member starts in the last one.

    The member stands for as much of the last member as its own width, when a
    word boundary falls there (城镇、农村|居民人均可支配收入) or when the member
    with the rest of that word is itself a word (第一、第三产业 → 第一产业,
    中、高等 → 中等); otherwise for the whole word there, never cut inside it
    (汽车、有色金属|行业增加值, not 汽车金属……).  ``len(last)``: no head left.

    >>> [last[head_start(m, last):] for m, last in [("汽车", "有色金属行业增加值"), ("城市", "农村低保标准")]]
    ['行业增加值', '低保标准']
    >>> [x + "第三产业增加值"[head_start(x, "第三产业增加值"):] for x in ("第一", "家电")]
    ['第一产业增加值', '家电增加值']
    """
    seg = _segmenter()
    width, pos = len(member), 0
    for word in seg.cut(last):
        end = pos + len(word)
        if end == width:
            return width
        if pos < width < end:
            counterpart = member + last[width:end]
            return width if seg.cut(counterpart) == [counterpart] else end
        pos = end
    return len(last)


def _member_bounds(name: str, n: int):
    """(start, end) of each of the ``n`` measures a list name holds, or None: split on 、和与及, or on 、
    alone when 和 joins words inside the members (信息传输软件和信息技术服务业、租赁和商务服务业增加值)."""
    cuts = list(AND.finditer(name))
    if len(cuts) + 1 != n:
        cuts = [m for m in cuts if m.group() == "、"]
    if len(cuts) + 1 != n:
        return None
    bounds = list(zip([0] + [m.end() for m in cuts], [m.start() for m in cuts] + [len(name)]))
    return bounds if all(e > b for b, e in bounds) else None


# a member that ends so is a measure of its own (用水量, 能耗), not a modifier of the last one's head
_MEASURE_END = re.compile(r"[量率耗额数值价费款金资入出积度重比]$")


def _four_shares(member: str, last: str) -> bool:
    """Whether a four-character member modifies the last member's head (水土流失、沙化土地面积: 水土流失面积)
    rather than being a measure of its own (水库蓄水、生态补水) or an entity whose counterpart goes on
    (能源集团、林草生态公司利润: 公司 ends the counterpart, it is no head)."""
    if len(member) != 4 or _MEASURE_END.search(member):
        return False
    h = head_start(member, last)
    return h == 4 and len(last) - h >= 2 and not last.startswith(_ENTITY_WORDS, h)


_ENTITY_WORDS = ("公司", "集团", "企业", "银行", "机构", "服务", "中心")


def _split_names(first: Indicator, bounds) -> list[tuple[str, object]]:
    """The name and name span of each member; short parallel modifiers share the last member's head
    noun (城镇和农村常住居民人均可支配收入, 汽车、有色金属行业增加值, 水土流失、荒漠化、沙化土地面积;
    of a last member that is one word, its last two characters: 生育和基本医疗保险) unless a member is
    long enough or ends as a measure of its own (单位国内生产总值用水量、能耗、二氧化碳排放量)."""
    ns = first.name_span[0]
    last_b, last_e = bounds[-1]
    last = first.name[last_b:last_e]
    shared = all(e - b <= 3 or _four_shares(first.name[b:e], last) for b, e in bounds[:-1])
    out = []
    for b, e in bounds[:-1]:
        member = first.name[b:e]
        h = last_b + head_start(member, last) if shared else last_e
        if shared and h == last_e and len(last) >= len(member) + 2:
            h = last_e - 2  # 生育和基本医疗保险: one word, its last two characters the head (生育保险)
        if last_e - h >= 2 and first.name[h] not in "（(":
            out.append((member + first.name[h:last_e], ((ns + b, ns + e), (ns + h, ns + last_e))))
        else:
            out.append((member, (ns + b, ns + e)))
    out.append((last, (ns + last_b, ns + last_e)))
    return out


def _comma_list(sent: str, base: int, first: Indicator, n: int) -> Indicator:
    """A name after 、 is the last of a list that 、 separates, 和 joining words inside its members:
    信息传输软件和信息技术服务业、租赁和商务服务业增加值分别增长10.9%、10.4% (two measures, not
    租赁 and 商务服务业增加值).  The name unchanged unless 、 gives exactly ``n`` members, none with a figure."""
    a = pos = first.name_span[0] - base
    parts = first.name.count("、") + 1
    while parts < n and pos > 1 and sent[pos - 1] == "、":
        j = clause_start(sent, pos - 1)
        if j >= pos - 1 or _ends_in_figure(sent[j:pos - 1]):
            break
        pos, parts = j, parts + 1
    if parts != n or pos == a:
        return first
    pos += len(sent[pos:a]) - len(sent[pos:a].lstrip())
    lead = LEAD_STRIP.match(sent[pos:a])
    pos += lead.end() if lead else 0
    start = min(first.span[0], base + pos)
    return replace(first, name=sent[pos:first.name_span[1] - base], name_span=(base + pos, first.name_span[1]),
                   span=(start, first.span[1]), text=sent[start - base:first.span[1] - base])


def _list_before(sent: str, base: int, out: list[Indicator], i: int, n: int) -> bool:
    """Whether the ``n`` unnamed members of a 分别 series from ``out[i]`` on measure, one to one, the ``n``
    measures of the list in the clause just before (五年淘汰落后炼铁产能1亿吨、落后炼钢产能5500万吨，
    今年力争分别淘汰3000万吨和3500万吨): a list of as many figures of the same units, named apart."""
    if i < n:
        return False
    prev = out[i - n:i]
    gap = sent[prev[-1].span[1] - base:out[i].span[1] - base]
    if "分别" not in gap or sum(c in BOUNDARY for c in sent[prev[-1].span[1] - base:out[i].span[0] - base]) != 1:
        return False
    if any(p.span[0] - q.span[1] > 2 for q, p in zip(prev, prev[1:])):
        return False
    return (all(p.name for p in prev) and len({p.name for p in prev}) == n
            and all(p.unit == c.unit for p, c in zip(prev, out[i:i + n])))


# what stands between two figures of a list of measures: 4.3%和6.1%, 10.6万、3.8万 (not 248亿元，占58.2%)
_MEMBER_GAP = re.compile(r"\s*(?:、|和|及|与|以及|，|,|；)?\s*")


def split_series(sent: str, base: int, results: list[Indicator]) -> list[Indicator]:
    """Name the members of a 分别 series: A和B分别增长x%和y% → A: x, B: y."""
    out = list(results)
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and not out[j + 1].name and out[j + 1].span[0] - out[j].span[1] <= 2:
            j += 1
        if j > i and not out[i].name and _list_before(sent, base, out, i, j - i + 1):
            for k in range(j - i + 1):
                named = out[i - (j - i + 1) + k]
                out[i + k] = replace(out[i + k], name=named.name, name_span=named.name_span)
        elif j > i and out[i].name:
            n = j - i + 1
            first = out[i]
            listed = all(_MEMBER_GAP.fullmatch(sent, out[k].span[1] - base, out[k + 1].span[0] - base)
                         for k in range(i, j))
            if not listed:  # 工业部门为二百四十八亿元，占百分之五十八点二: the same measure, no list
                pass
            elif first.name_span and len(AND.findall(first.name)) + 1 < n:
                first = out[i] = _series_names(sent, base, first, n)
            elif first.name_span and sent[first.name_span[0] - base - 1:first.name_span[0] - base] == "、":
                first = out[i] = _comma_list(sent, base, first, n)
            bounds = _member_bounds(first.name, n) if first.name_span and listed else None
            if bounds:
                for k, (name, span) in enumerate(_split_names(first, bounds)):
                    out[i + k] = replace(out[i + k], name=name, name_span=span)
            else:
                for k in range(1, n):
                    out[i + k] = replace(out[i + k], name=first.name, name_span=first.name_span)
        i = j + 1
    return out
