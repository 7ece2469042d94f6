"""Enumerated structures: the numbered and ordered lists a speaker builds.

Markers (on the Simplified view): ``一、`` section headings, ``第一点要求``,
``（一）``, ``1.``/``1、``, ``①``, ``一是``/``一要``, ``第一，``/``第一是``, and
``首先……其次……再次/第三……最后``.  Items are grouped into lists by family
and ordinal, as an outline is read (:mod:`.enumgroup`: a list starts at
ordinal one, sits in the item it opens in, and ends where a higher-level
marker or the reach of its last item ends it); its announced count and head
noun come from the clause that introduces it (``以下五个理念：``,
``再提三点要求``, ``要把握好以下三点``, and without a count ``以下问题``,
``几个环节``).

>>> t = "要把握好以下三点。\\n第一，稳定政策。\\n第二，保持增长。\\n第三，培育动力。"
>>> [(e.announced, [i.marker for i in e.items]) for e in find_enumerations(t)]
[(3, ['第一', '第二', '第三'])]
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterator, Optional

from .enumgroup import Group, Marker, _Paragraphs, group
from .numbers import parse_chinese

__all__ = ["RawItem", "RawEnumeration", "find_enumerations"]


@dataclass(frozen=True)
class RawItem:
    ordinal: int
    marker: str
    span: tuple[int, int]
    title: str
    title_span: tuple[int, int]
    key: Optional[str]
    key_span: Optional[tuple[int, int]]


@dataclass(frozen=True)
class RawEnumeration:
    category: Optional[str]
    announced: Optional[int]
    intro_span: Optional[tuple[int, int]]
    items: tuple[RawItem, ...]
    parent: Optional[tuple[int, int]]
    span: tuple[int, int]
    family: str


_N = "[一二三四五六七八九十][一二三四五六七八九十]{0,2}"  # one to three; a class first lets the engine skip ahead
# Where a marker may stand: "para" at a paragraph's start only; "break" at the
# text's start or after a line break, a clause's end or a space (checked on each
# candidate by _after_break: a lookbehind opening a pattern is tried at every
# character, five times slower); "any" anywhere.
_BREAK = re.compile(r"[\n。；;：:，,！？!?”」）)\s及]")  # 及: ……；以及（五）促进……
_MARKERS = [
    # family, rank, pattern (group 'n' is the ordinal), where
    # 甲、乙、丙、 over 一、 (the Hong Kong 2003 address: 丙、开拓创新 振兴经济 ⏎ 一、振兴经济的条件)
    ("stem", -1, re.compile(r"(?P<m>(?P<s>[甲乙丙丁戊己庚辛壬癸])、)"), "para"),  # para checked on each: rare
    ("section", 0, re.compile(rf"(?m)^[ \t]*(?P<m>(?P<n>{_N})、)"), "para"),
    ("part", 0, re.compile(rf"(?m)^[ \t]*(?P<m>第(?P<n>{_N})部分[，,、:：\s]?)"), "para"),
    ("di_point", 1, re.compile(rf"(?P<m>第(?P<n>{_N})(?:点|条|项|个方面)(?:要求|意见|建议|任务|措施|体会|想法|打算|工作)?(?:是|[，,、:：]))"), "break"),
    # （一）, and in the same search （1）（2）… (paren_arabic, ranked below 一是: 总的指导原则是：（1）坚持……)
    ("paren", 2, re.compile(rf"(?P<m>[（(](?:(?P<n>{_N})|(?P<d>\d{{1,2}}))[）)])"), "break"),
    ("arabic", 2, re.compile(r"(?m)^[ \t]*(?P<m>(?P<d>\d{1,2})[.、．](?!\d))"), "para"),
    ("circled", 4, re.compile(r"(?P<m>(?P<c>[①②③④⑤⑥⑦⑧⑨⑩]))"), "any"),
    ("shi", 3, re.compile(rf"(?P<m>(?P<n>{_N})是(?:要)?)"), "break"),
    ("yao", 3, re.compile(rf"(?P<m>(?P<n>{_N})要(?!求|素|点|害|件|闻|职|案|事|务))"), "break"),
    ("di", 3, re.compile(rf"(?P<m>第(?P<n>{_N})(?:是|[，,、:：]))"), "break"),
    # 首先 as an adverb (首先要, 首先需要) opens no list: a marker is followed by 是 or a comma
    ("seq", 3, re.compile(rf"(?P<m>(?P<w>首先|其次|再次|再者|最后)(?:是|[，,、:：]))"), "break"),
    # 首先要 / 首先必须: an adverb, unless a second item follows at once (首先要增加对农业的投入。……二是保护耕地)
    ("seq", 3, re.compile(rf"(?P<m>(?P<w>首先))(?=要|需要|必须|应当|应该)"), "break"),
]
RANK = {family: rank for family, rank, _, _ in _MARKERS} | {"paren_arabic": 3.5}
_SEQ_ORD = {"首先": 1, "其次": 2, "再次": 3, "再者": 3}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
_STEMS = "甲乙丙丁戊己庚辛壬癸"


def _after_break(pat: re.Pattern, text: str) -> Iterator[re.Match]:
    """``pat.finditer(text)``, keeping only the matches at the text's start or after a break.

    >>> [m.start() for m in _after_break(re.compile("一是"), "统一是，一是")]
    [4]
    """
    pos = 0
    while (m := pat.search(text, pos)) is not None:
        s = m.start()
        if s == 0 or _BREAK.match(text, s - 1):
            yield m
            pos = m.end()
        else:
            pos = s + 1


def _markers(text: str) -> list[Marker]:
    out: list[Marker] = []
    seen: set[int] = set()
    for family, rank, pat, where in _MARKERS:
        para_only = where == "para"
        for m in (_after_break(pat, text) if where == "break" else pat.finditer(text)):
            s = m.start("m")
            if s in seen:
                continue
            fam, rk = ("paren_arabic", RANK["paren_arabic"]) if family == "paren" and m.group("d") else (family, rank)
            if fam in ("arabic", "paren_arabic"):
                n: Optional[int] = int(m.group("d"))
            elif family == "stem":
                n = _STEMS.index(m.group("s")) + 1
            elif family == "circled":
                n = _CIRCLED.index(m.group("c")) + 1
            elif family == "seq":
                n = _SEQ_ORD.get(m.group("w"))
            else:
                v = parse_chinese(m.group("n"))
                if v is None or v < 1 or v != int(v):
                    continue
                n = int(v)
            line_start = text.rfind("\n", 0, s) + 1
            para_start = not text[line_start:s].strip()
            if para_only and not para_start:
                continue
            if family == "stem" and not _is_heading(text, m.end("m")):
                continue
            seen.add(s)
            out.append(Marker(s, m.end("m"), fam, rk, n, m.group("m"), para_start,
                              para_start and _is_headline(text, m.end("m")),
                              weak=family == "seq" and not pat.pattern.endswith(r"[，,、:：]))")))
    out.sort(key=lambda mk: mk.pos)
    return out


def _is_headline(text: str, end: int) -> bool:
    """The marker's line is a title (四、为完成和超额完成第一个五年计划而奋斗;
    一、依靠政策和科学，加快农业的发展), not a sentence (一、节约能源，节约原材料，降低消耗；)."""
    nl = text.find("\n", end)
    line = text[end: nl if nl >= 0 else len(text)].strip()
    return 0 < len(line) <= 40 and not re.search("[。；;：:！？!?]", line)


def _is_heading(text: str, end: int) -> bool:
    """``甲、`` opens a section when its line is a short heading, not a sentence run-on
    (``一、`` opens one either way: 一、开垦宜于耕种的荒地。我国的人口很多…… is a point)."""
    nl = text.find("\n", end)
    line = text[end: nl if nl >= 0 else len(text)]
    return 0 < len(line.strip()) <= 40 or not re.search("[。；]", line[:-1])


_MAX_ARABIC_ITEMS = 30


def _para_end(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl


def _rstrip(text: str, s: int, e: int) -> int:
    while e > s and text[e - 1] in " \t\n\u3000":
        e -= 1
    return e


_INTRO = re.compile(
    r"(?P<pre>以下|下列|如下|下面|这|再提|提出|提|讲|谈|抓好|做好|把握好|强化好|强化|突出|实现|做到|做|有|从|要|是"
    r"|强调|注意|把握|处理好|解决好|明确)?的?"
    r"(?P<q>[“\"「])?"
    # a count (五个), an unspecified count (几个, 若干), or none after 以下/下列 (以下问题)
    r"(?:(?P<num>[一二两三四五六七八九十]{1,2}|\d{1,2})(?P<cl>个|点|项|条|大|种|类|句|件|方面)"
    r"|(?P<some>几(?:个|点|项|条|种|类|件|方面)|若干(?:个|点|项|条)?)|(?<=以下|下列)|(?<=以下的|下列的))"
    r"(?:方面的?)?"
    r"[“\"「]?(?P<cat>[\u4e00-\u9fff]{0,6}?)[”\"」]?(?=\s*(?P<after>[：:，,。；;])|\s*$|希望)"
)


_PARAGRAPH_NO = re.compile(r"[ \t\u3000]*\d{1,3}[.．](?!\d)[ \t\u3000]*")


def _announcement(m: "re.Match[str]", window: str, n_items: int) -> bool:
    """Whether a count phrase announces the list that follows.

    A quoted count is a slogan (做到“两个维护”，自觉……) unless a colon follows
    it, or it closes the sentence before the list and the list has that many
    items (奋力实现“五个新突破”。一是……五是……); a number needs the verb before
    it (讲三点), no number at all (以下问题：) needs a head noun.
    """
    if m.group("q") and m.group("after") not in ("：", ":"):
        closes = not window[m.end():].strip(" \t\n\u3000。；;”\"」")
        if not (closes and m.group("num") and _count(m.group("num")) == n_items):
            return False
    if m.group("some"):
        return True
    return bool(m.group("pre") and (m.group("num") or m.group("cat") or "方面" in m.group(0)))


def _intro(text: str, first: Marker, limit_start: int, n_items: int) -> tuple[Optional[int], Optional[str], Optional[tuple[int, int]]]:
    """The announcing clause before the first item: count and head noun."""
    s = first.pos
    # the clause before the marker, or the last sentence of the previous paragraph
    e = s
    while e > limit_start and text[e - 1] in " \t\n\u3000":
        e -= 1
    if e <= limit_start:
        return None, None, None
    window_start = max(limit_start, e - 120)
    window = text[window_start:e]
    # the last sentence only
    cut = max(window.rfind(c, 0, len(window) - 1) for c in "。！？\n；")
    if cut >= 0:
        window_start += cut + 1
        window = text[window_start:e]
    number = _PARAGRAPH_NO.match(window)  # 52.  建議的……將建基於以下三大原則：
    if number:
        window_start += number.end()
        window = window[number.end():]
    found = [m for m in _INTRO.finditer(window) if _announcement(m, window, n_items)]
    if not found:
        return _closing_count(window, window_start, e, n_items)
    m = found[-1]
    n = _count(m.group("num")) if m.group("num") else None
    cat = m.group("cat") or None
    if cat:
        cat = re.sub(r"^(?:的|方面的?)", "", cat) or None
    if m.group("pre") == "从" or window[:m.start()].endswith("从"):  # 从以下四个方面来看: a verb follows
        cat = None
    if cat is None and "方面" in m.group(0):
        cat = "方面"  # 抓好以下四个方面
    clause = max(window.rfind(c, 0, m.start()) for c in "，,：:")
    span = (window_start + clause + 1, e)
    if cat in ("", None) or cat in ("的", "个"):
        cat = None
    return (int(n) if n else None), cat, span


def _count(num: str) -> Optional[float]:
    """``五`` or ``10`` of an announced count (以下10个方面)."""
    return float(num) if num.isdigit() else parse_chinese(num)


# A count that closes the sentence or clause right before the first item, the
# head noun after any modifier: 我们面临着需要立即着手解决的两个重要问题：
# 应当指出三个值得特别注意的地方。 必须努力实现十个方面关系全局的主要任务。
_CLOSING = re.compile(
    r"(?:(?P<num>[一二两三四五六七八九十]{1,2}|\d{1,2})|(?P<some>几))(?:个|点|项|条|大|种|类|件)(?:方面的?)?"
    r"(?P<cat>[\u4e00-\u9fff“”「」]{0,14})\s*[：:。]?\s*$"
)


def _closing_count(window: str, window_start: int, e: int, n_items: int
                   ) -> tuple[Optional[int], Optional[str], Optional[tuple[int, int]]]:
    """An announcement without a verb before its count: the count ends the
    clause before the list and is the number of its items (or 几, unspecified).

    >>> w = "十年来，我们经历了具有深远历史意义的三件大事："
    >>> _closing_count(w, 0, len(w), 3)
    (3, '大事', (4, 23))
    """
    m = _CLOSING.search(window)
    if not m or (m.group("num") and _count(m.group("num")) != n_items):
        return None, None, None
    cat = m.group("cat").strip("“”「」").rsplit("的", 1)[-1]
    if re.search("(?<![工合协])作|做|进行|加以", m.group("cat")):  # 就这三个问题作如下的说明: the count is of 问题, not of 说明
        cat = ""
    clause = max(window.rfind(c, 0, m.start()) for c in "，,：:")
    n = int(_count(m.group("num"))) if m.group("num") else None
    return n, (cat if 0 < len(cat) <= 6 else None), (window_start + clause + 1, e)


def _title(text: str, start: int, end: int) -> tuple[str, tuple[int, int], Optional[str], Optional[tuple[int, int]]]:
    s = start
    while s < end and text[s] in " \t\u3000:：，,":
        s += 1
    m = re.search(r"[。；;！？!?\n]", text[s:end])
    sent_end = s + m.start() if m else end
    # the lead phrase: up to the first clause punctuation outside quotation marks
    t_end = s
    depth = 0
    limit = min(end, s + 60)
    while t_end < limit:
        c = text[t_end]
        if c in "“「『":
            depth += 1
        elif c in "”」』":
            depth = max(0, depth - 1)
        elif depth == 0 and c in "，,：:。；;！？!?\n":
            break
        t_end += 1
    key = None
    key_span = None
    q = re.search(r"“[^”]{1,60}”|「[^」]{1,60}」|『[^』]{1,60}』", text[s:sent_end])
    if q:
        key = q.group(0)
        key_span = (s + q.start(), s + q.end())
    return text[s:t_end], (s, t_end), key, key_span


def find_enumerations(text: str, end_of_text: Optional[int] = None) -> list[RawEnumeration]:
    """All lists in a (Simplified, line-joined) text, in order of their first item."""
    limit = len(text) if end_of_text is None else end_of_text
    markers = [mk for mk in _markers(text) if mk.pos < limit]
    numbering = _paragraph_numbers(markers)
    kept = [g for g in _grouped(markers, text, limit) if _kept(g) and g.markers[0].pos not in numbering]
    index = {id(g): i for i, g in enumerate(kept)}
    parents = [_kept_parent(g, index) for g in kept]
    # an intro may not reach back before the parent item's marker end
    intros = [_intro(text, g.markers[0], kept[p[0]].markers[p[1]].end if p else 0, len(g.markers))
              for g, p in zip(kept, parents)]
    firsts = [g.markers[0].pos for g in kept]
    out: list[RawEnumeration] = []
    for g, parent, (n, cat, intro_span) in zip(kept, parents, intros):
        mks = g.markers
        ends = [mk.pos for mk in mks[1:]] + [_last_end(g, limit, firsts, intros)]
        spans = [(mk.pos, _rstrip(text, mk.pos, e)) for mk, e in zip(mks, ends)]
        if cat is None:
            m = re.match(r"第[一二三四五六七八九十]+(?:点|条|项|个方面)(要求|意见|建议|任务|措施|体会|想法|打算|工作)", mks[0].text)
            if m:
                cat = m.group(1)
        items = []
        for mk, (a, b) in zip(mks, spans):
            title, tspan, key, kspan = _title(text, mk.end, b)
            marker = mk.text.rstrip("，,、:：是 ") if mk.family not in ("shi", "yao") else mk.text
            items.append(RawItem(mk.ordinal or 0, marker, (a, b), title, tspan, key, kspan))
        out.append(RawEnumeration(cat, n, intro_span, tuple(items), parent, (spans[0][0], spans[-1][1]), g.family))
    return out


def _last_end(g: Group, limit: int, firsts: list[int], intros: list) -> int:
    """Where the last item of g ends: before the announcing clause of the list
    that follows it (（3）坚持加强……健康发展。|今年要采取四项措施：一要……)."""
    end = g.end if g.end is not None else limit
    k = bisect.bisect_left(firsts, end)
    if k < len(firsts) and intros[k][2] is not None and g.markers[-1].end < intros[k][2][0] < end:
        return intros[k][2][0]
    return end


# A heading of what is appended to the speech: 名词解释, 附件1, 附录.
_APPENDIX = re.compile(r"[名注附](?:词[解注]释|释|[件录]\s*\d*)[ \t\u3000]*[：:]?[ \t\u3000]*(?=\n|$)")


def _grouped(markers: list[Marker], text: str, limit: int) -> list[Group]:
    """Lists of the speech and of each appendix apart: an appendix heading ends
    every list before it (（十）…… of 2026 Sichuan does not run into its
    名词解释 1.……20., which sits in no item)."""
    cuts = [m.start() for m in _APPENDIX.finditer(text, 0, limit)
            if not text[text.rfind("\n", 0, m.start()) + 1:m.start()].strip(" \t\u3000")] + [limit]
    if len(cuts) == 1:
        return group(markers, text, limit)
    paras = _Paragraphs(text)
    out: list[Group] = []
    start = 0
    for cut in cuts:
        out += group([mk for mk in markers if start <= mk.pos < cut], text, cut, paras)
        start = cut
    return out


def _paragraph_numbers(markers: list[Marker]) -> set[int]:
    """Positions of the paragraph numbers 1. 2. … that run through a whole
    address past _MAX_ARABIC_ITEMS (Hong Kong's 1. to 62., broken into pieces by
    its 甲、 and 一、 headings): read back from the highest number, each time
    the nearest number one lower before it.

    >>> from .enumgroup import markers_for_doctest as m
    >>> t = "".join(f"{n}. 段落。\\n" for n in range(1, 33))
    >>> len(_paragraph_numbers(m(t)))
    32
    """
    paras = [mk for mk in markers if mk.family == "arabic"]
    top = max((i for i, mk in enumerate(paras) if mk.ordinal > _MAX_ARABIC_ITEMS),
              key=lambda i: paras[i].ordinal, default=None)
    if top is None:
        return set()
    chain = [paras[top]]
    for mk in reversed(paras[:top]):
        if mk.ordinal == chain[-1].ordinal - 1:
            chain.append(mk)
    return {mk.pos for mk in chain} if chain[-1].ordinal == 1 else set()


def _kept(g: Group) -> bool:
    # Numbered paragraphs running through a whole address (a Hong Kong policy
    # address numbers every paragraph, 1. to 200.) are layout, not a list the
    # speaker builds.
    return len(g.markers) >= 2 and not (g.family == "arabic" and len(g.markers) > _MAX_ARABIC_ITEMS)


def _kept_parent(g: Group, index: dict) -> Optional[tuple[int, int]]:
    """[list, item] of the nearest enclosing list that was kept."""
    p, item = g.parent, g.parent_item
    while p is not None and id(p) not in index:
        p, item = p.parent, p.parent_item
    return (index[id(p)], item) if p is not None else None
