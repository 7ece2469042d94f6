"""Grouping item markers into lists, and where each list ends.

Markers are read in order against a stack of open lists, as an outline is
read: a marker continues the innermost open list whose next ordinal it
carries (closing every list opened inside it: ``二、`` after ``（三）`` ends the
``（一）`` list of section one), or, with ordinal one, opens a list inside the
last item of the list on top of the stack, unless that list has ended
before it.  A list has ended when

- a paragraph opens with a marker of a higher level (``（一）`` after ``一是``
  paragraphs; but items under titles hold lists of any marker), or with the
  first marker of a new list of the same family;
- the new list starts beyond the reach of the last item: an inline list
  (``一是……二是……`` in one paragraph) reaches to the end of its paragraph,
  a list of paragraphs as many paragraphs as its longest item.

A marker never continues a list across a stretch far longer than the list's
items so far, nor across the end of the list it belongs to, so ``四是`` in one
section and ``五是`` thousands of characters later in another are no list.

>>> t = "一、回顾\\n一是稳增长。\\n二是促改革。\\n二、部署\\n三是惠民生。"
>>> [[m.text for m in g.markers] for g in group(markers_for_doctest(t), t, len(t))]
[['一、', '二、'], ['一是', '二是']]
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

__all__ = ["Group", "Marker", "group"]

# a continuation may not follow a stretch longer than this many times the list's longest item so far
_FAR = 10
_FAR_MIN = 1000
_MAX_GAP = {"stem": 10**9, "section": 10**9, "part": 10**9, "di_point": 20000, "paren": 12000, "arabic": 6000, "paren_arabic": 3000, "circled": 1500,
            "shi": 3000, "yao": 3000, "di": 6000, "seq": 3000}
_WEAK_GAP = 600  # an adverbial 首先要 opens a list only if its second item follows within a few sentences
_UNCAPPED = ("stem", "section", "part")  # as headings, their last item runs to the next heading or the end


@dataclass
class Marker:
    pos: int  # start of the marker
    end: int
    family: str
    rank: float
    ordinal: int | None  # None: 最后 (last)
    text: str
    para_start: bool
    headline: bool = False  # the marker's line is a title, not a sentence: its items may hold lists of any marker
    weak: bool = False  # 首先要: a first item only if a second follows at once


@dataclass
class Group:
    family: str
    rank: float  # the family's rank, never above (shallower than) the list it sits in
    markers: list = field(default_factory=list)
    parent: Group | None = None
    parent_item: int | None = None
    end: int | None = None  # where the last item ends
    done: bool = False  # 最后 closed it
    children: list = field(default_factory=list)

    @property
    def inline(self) -> bool:
        return not self.markers[0].para_start or not all(m.para_start for m in self.markers[1:])


_MARKER_ONLY = re.compile(r"\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]|第[一二三四五六七八九十]{1,3}[，,、:：]?"
                          r"|[一二三四五六七八九十]{1,3}[是要]|首先[，,:：]?|其次[，,:：]?|最后[，,:：]?)\s*")


_ADDRESS = re.compile(r"[ \t\u3000]*(?:各位代表|代表们|同志们|朋友们|各位委员|各位议员|主席)[！!，,：:]")


class _Paragraphs:
    """Paragraphs (non-blank lines) of a text; a marker alone on its line opens
    the paragraph of the line that follows (（一）⏎进一步……)."""

    def __init__(self, text: str):
        self.text = text
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        joined = False
        for line in text.split("\n"):
            if line.strip():
                if joined:
                    ends[-1] = pos + len(line)
                else:
                    starts.append(pos)
                    ends.append(pos + len(line))
                joined = bool(_MARKER_ONLY.fullmatch(line)) and not joined
            pos += len(line) + 1
        self.starts = starts
        self.ends = ends

    def addressed(self, i: int) -> bool:
        """Whether paragraph i turns to the audience (各位代表！…, 同志们！…): the speaker
        closes a part there, so no last item runs on into it."""
        return _ADDRESS.match(self.text, self.starts[i]) is not None

    def index(self, pos: int) -> int:
        """Index of the paragraph holding pos."""
        return bisect.bisect_right(self.starts, pos) - 1

    def start(self, pos: int) -> int:
        i = self.index(pos)
        return self.starts[i] if i >= 0 else 0

    def end_of(self, i: int, limit: int) -> int:
        """End of paragraph i, at most limit."""
        return limit if i < 0 else min(limit, self.ends[i])


def _reach(g: Group, paras: _Paragraphs, limit: int, nesting: bool = False) -> int:
    """How far the last item of g may run: its paragraph for an inline list; as
    many paragraphs and characters as its longest sibling for a list of
    paragraphs; as far as
    a second item may follow the first while there is only one.

    For ``nesting`` (may a new list still open inside the last item?) the
    last item may be twice as long as its longest sibling, and an item under a
    title as long as a next title may follow: it ends at the next marker of its
    level, which is yet to come."""
    last = g.markers[-1]
    if g.family in _UNCAPPED and any(m.headline for m in g.markers):
        return limit
    if len(g.markers) == 1:
        return min(limit, last.pos + _MAX_GAP[g.family])
    if _semicolons(g, paras.text):  # one sentence: the last item ends with it
        return min(limit, paras.end_of(paras.index(last.pos), limit), _sentence_end(paras.text, last.end))
    i = paras.index(last.pos)
    n = 1
    if not g.inline:
        counts = [paras.index(b.pos) - paras.index(a.pos) for a, b in zip(g.markers, g.markers[1:])]
        n = max(counts + [1])
    if n > 1 and nesting and all(m.headline for m in g.markers):
        return min(limit, last.pos + _MAX_GAP[g.family])
    j = i
    if n > 1:  # as many paragraphs and characters as its longest sibling (twice, for nesting)
        longest = max(b.pos - a.pos for a, b in zip(g.markers, g.markers[1:]))
        k = 2 if nesting else 1
        while (j + 1 < len(paras.starts) and j + 1 < i + k * n
               and paras.starts[j + 1] - last.pos < k * longest and not paras.addressed(j + 1)):
            j += 1
    end = paras.end_of(j, limit)
    for c in g.children:
        if c.end is not None:
            end = max(end, c.end)
    return end


_SENTENCE_END = re.compile(r"[。！？!?][”」’]*")


def _semicolons(g: Group, text: str) -> bool:
    """Whether every item but the last ends with a semicolon: the list is one
    sentence (第一，我们要有……硬件；第二，……；第四，……文化和环境。), so what
    follows its full stop (这些成果……, 这三项措施将让约27万名学生受惠) is no part of it."""
    return all(_char_before(text, b.pos) in ("；", ";") for b in g.markers[1:])


def _char_before(text: str, pos: int) -> str:
    """The last character before pos that is not blank."""
    while pos > 0 and text[pos - 1] in " \t\n\u3000":
        pos -= 1
    return text[pos - 1] if pos > 0 else ""


def _sentence_end(text: str, pos: int) -> int:
    m = _SENTENCE_END.search(text, pos)
    return m.end() if m else len(text)


def _continues(g: Group, mk: Marker, text: str) -> bool:
    if g.done:
        return False
    # 首先……第二/其次, 首先要……二是
    fam_ok = g.family == mk.family or (g.family == "seq" and mk.family in ("di", "shi"))
    if not fam_ok:
        return False
    expected = len(g.markers) + 1
    if mk.ordinal is None:
        if not (g.family == "seq" and mk.family == "seq" and len(g.markers) >= 2):
            return False
    elif mk.ordinal != expected:
        return False
    gap = mk.pos - g.markers[-1].pos
    # 其次 answers the nearest 首先 (首先要……，要坚持首先是国家多得，其次是企业多留)
    if g.markers[0].weak and len(g.markers) == 1 and (gap > _WEAK_GAP or "首先" in text[g.markers[0].end:mk.pos]):
        return False
    titles = mk.headline and all(m.headline for m in g.markers)  # （三）我国经济发展的前景: a heading, however far
    if gap > _MAX_GAP[g.family] and not titles:
        return False
    if len(g.markers) >= 2:
        longest = max(b.pos - a.pos for a, b in zip(g.markers, g.markers[1:]))
        if gap > max(_FAR_MIN, _FAR * longest):
            return False
    return True


def _kind(mk: Marker) -> tuple[bool, bool]:
    return (mk.para_start, mk.headline)


def _find_continued(stack: list[Group], mk: Marker, text: str) -> int | None:
    """The open list mk continues, innermost first; a list of the marker's own
    kind (paragraph or inline, heading or sentence) is preferred."""
    fits = [i for i in range(len(stack) - 1, -1, -1) if _continues(stack[i], mk, text)]
    if not fits:
        return None
    same = [i for i in fits if _kind(stack[i].markers[-1]) == _kind(mk)]
    return (same or fits)[0]


def _ended(top: Group, mk: Marker, stack: list[Group], paras: _Paragraphs, limit: int) -> bool:
    """Whether the list on top of the stack has ended before mk opens a new list."""
    family_open = any(g.family == mk.family for g in stack)
    titles = all(m.headline for m in top.markers)  # items under titles may hold lists of any marker
    if mk.para_start and mk.rank < top.rank and not family_open and not titles:
        return True  # a higher-level marker opens a paragraph
    if not mk.para_start and top.inline and mk.rank < top.rank and not family_open:
        return True  # 一要 after （1）……（3） in one paragraph: a shallower list follows the deeper one
    # a new list of the same family opening a paragraph, unless it lists points under
    # a heading of the same numbering (一、 points under 一、); an inline one ends the
    # list only beyond the reach of its last item
    same = mk.family == top.family and mk.para_start
    if same and not (top.family in _UNCAPPED and top.markers[0].headline and not mk.headline):
        return True
    return mk.pos >= _reach(top, paras, limit, nesting=True)


def _close(g: Group, at: int, mk: Marker | None, paras: _Paragraphs, limit: int) -> None:
    """Close g where a later marker (or the end of the text) ends its last item."""
    end = at
    if mk is not None and not mk.para_start and paras.index(mk.pos) != paras.index(g.markers[-1].pos):
        end = paras.start(mk.pos)  # the paragraph of an inline marker opens after the item
    g.end = min(end, _reach(g, paras, limit))


def group(markers: list[Marker], text: str, limit: int, paras: _Paragraphs | None = None) -> list[Group]:
    """Lists of two or more items, in order of their first item, with parents and ends."""
    paras = paras or _Paragraphs(text)
    stack: list[Group] = []
    lists: list[Group] = []
    for mk in markers:
        i = _find_continued(stack, mk, text)
        if i is not None:
            for g in reversed(stack[i + 1:]):
                _close(g, mk.pos, mk, paras, limit)
            del stack[i + 1:]
            g = stack[i]
            if mk.ordinal is None:
                mk.ordinal = len(g.markers) + 1
                g.done = True
            g.markers.append(mk)
            continue
        if mk.ordinal != 1:
            continue
        while stack and _ended(stack[-1], mk, stack, paras, limit):
            _close(stack.pop(), mk.pos, mk, paras, limit)
        parent = stack[-1] if stack else None
        new = Group(mk.family, max(mk.rank, parent.rank if parent else mk.rank), [mk], parent,
                    len(parent.markers) - 1 if parent else None)
        if parent:
            parent.children.append(new)
        stack.append(new)
        lists.append(new)
    for g in reversed(stack):
        _close(g, limit, None, paras, limit)
    return lists


def markers_for_doctest(text: str) -> list[Marker]:
    from .enumerations import _markers

    return _markers(text)
