"""Line breaks of a text as read: which break a sentence, and where a long line is cut.

What :func:`policytext.normalize.normalize` deletes or inserts at line
breaks, as offsets of the text it is given:

* :func:`soft_breaks`: soft line breaks, where a web page broke a sentence at
  a link (``通过了我们国家的根本法——⏎中华人民共和国宪法⏎，接着``), put a list
  marker alone on a line (``一是⏎企业管理体制…``) or hard-wrapped its lines
  at a fixed width; judged by the text's :class:`LineLayout`.
* :func:`wrap_spaces`: the spaces a wrapped line left between two Han
  characters (``香港特別 行政區``), in a text that has them throughout.
* :func:`paragraph_cuts`: where a line too long to work on (a page flattened
  to one line) is cut into paragraphs at sentence ends.

>>> t = "一是\\n企业管理体制改革。"
>>> soft_breaks(t), t[:2] + t[3:]
([2], '一是企业管理体制改革。')
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterator, Optional

from ._sample import spread

__all__ = ["LineLayout", "line_layout", "is_soft_break", "soft_break_at", "soft_breaks", "unbroken", "wrap_spaces",
           "paragraph_cuts", "line_cuts", "MAX_PARAGRAPH"]

_END = set("。！？!?；;：:…」』”）)】》>")  # a line ending like this ends a paragraph
_MARKER_LINE = re.compile(r"^\s*(?:[一二三四五六七八九十]+是|[一二三四五六七八九十]+要|首先|其次|再次|最后|最後|第[一二三四五六七八九十]+)\s*[，,、:：]?\s*$")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_STARTS_ITEM = re.compile(r"^(?:[一二三四五六七八九十]+[、是要]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+|\d{1,2}[.、．](?!\d)|[①-⑩]|首先|其次|最后)")


@dataclass(frozen=True)
class LineLayout:
    """How a text lays out its lines, decided on the whole text.

    ``blank``: paragraphs apart by blank lines; ``wrap``: the hard-wrap width
    (0: none); ``spaced``: wrapped lines left spaces between Han characters
    throughout (:func:`wrap_spaces` are deleted).
    """

    blank: bool = False
    wrap: int = 0
    spaced: bool = False


def line_layout(text: str) -> LineLayout:
    """The :class:`LineLayout` of ``text`` (what :func:`soft_breaks` judges each line break by).

    A text longer than a million characters is judged on a sample spread over
    it (:mod:`policytext._sample`), so that a block of it (:mod:`policytext.blocks`)
    is normalised with the decision the whole text's view takes.

    >>> line_layout("国内生产总值增长5%，\\n\\n城镇新增就业1100万人。")
    LineLayout(blank=True, wrap=0, spaced=False)
    """
    text = spread(text)
    spaced = len(wrap_spaces(text)) >= max(20, len(text) / 400)
    if "\n" not in text:
        return LineLayout(spaced=spaced)
    nonempty = [ln for ln in text.split("\n") if ln.strip() and not _ghost(ln)]
    blank = text.count("\n\n") >= 0.3 * max(1, len(nonempty))
    return LineLayout(blank, 0 if blank else _wrap_width(nonempty), spaced)


def is_soft_break(cur: str, nxt: str, layout: LineLayout) -> bool:
    """Whether the line break between the lines ``cur`` and ``nxt`` breaks a sentence (see :func:`soft_breaks`).

    >>> is_soft_break("一是", "企业管理体制改革", LineLayout())
    True
    """
    c, n = cur.rstrip(), nxt.strip()
    if not (c.strip() and n):
        return False
    if _MARKER_LINE.match(c):
        return True
    if c[-1] in _END:
        return False
    if n[0] in "，,、。；;：:）)》”" or (layout.blank and _sentence_piece(c, n)):
        return True
    return bool(layout.wrap and len(c.strip()) >= layout.wrap - 2 and not _STARTS_ITEM.match(n))


def soft_breaks(text: str, layout: Optional[LineLayout] = None) -> list[int]:
    """Offsets of the characters to delete where a line break breaks a sentence rather than ends a paragraph:
    the soft ``\\n`` themselves, and a ghost line's characters between two soft ones (see :func:`soft_break_at`).

    In a text whose paragraphs are set apart by blank lines (wiki and many web
    pages), a single newline inside a paragraph is soft when the line before it
    does not end a sentence.  In a text with one paragraph per line, only a
    line that is a bare list marker, or a next line that starts with
    sentence-internal punctuation, is joined.  ``layout`` is decided on
    ``text`` unless given (a block of a longer text takes the whole text's).

    >>> t = "通过了我们国家的根本法——\\n中华人民共和国宪法\\n，接着"
    >>> soft_breaks(t), soft_breaks(t, LineLayout(blank=True))
    ([23], [13, 23])
    >>> soft_breaks("国内生产总值达到74.4\\n\\u200b\\n万亿元，增长6.7%", LineLayout(blank=True))
    [12, 13, 14]
    """
    lines = text.split("\n")
    if len(lines) < 2:
        return []
    layout = layout or line_layout(text)
    out: list[int] = []
    pos = 0
    n = len(lines)
    for i in range(n - 1):
        pos += len(lines[i])
        if soft_break_at(lines[i - 1] if i else None, lines[i], lines[i + 1], lines[i + 2] if i + 2 < n else None,
                         layout):
            if _ghost(lines[i]):  # the ghost between two halves of a sentence goes with the breaks around it
                out.extend(range(pos - len(lines[i]), pos))
            out.append(pos)
        pos += 1
    return out


# a line holding nothing visible: spaces of any width, and format characters (soft hyphen, zero-width space,
# non-joiner and joiner, direction marks, word joiner, BOM), what a scraped page leaves of an inline element
_INVISIBLE = "\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
_GHOST = re.compile(rf"[\s{_INVISIBLE}]+")
_BREAK = re.compile(rf"\n(?:(?:[^\S\n]|[{_INVISIBLE}])+\n)?")


def unbroken(text: str) -> str:
    """``text`` less its line breaks and the ghost lines between them: a name written across lines, as one.

    >>> unbroken("城镇新增\\n\\u200b\\n就业"), unbroken("国内生产\\n总值")
    ('城镇新增就业', '国内生产总值')
    """
    return _BREAK.sub("", text)


def _ghost(line: str) -> bool:
    """Whether ``line`` is a ghost line: not empty, nothing visible (``"\\u200b"``, ``"\\xa0"``, ``"\\u3000\\u3000"``)."""
    return bool(line) and _GHOST.fullmatch(line) is not None


def soft_break_at(before: Optional[str], cur: str, nxt: str, after: Optional[str], layout: LineLayout) -> bool:
    """Whether the line break between the lines ``cur`` and ``nxt`` is soft, given the lines around them.

    A single ghost line (nothing visible, see :func:`_ghost`) between two
    lines is not a paragraph break of its own (an empty line is): the break is
    judged between the lines either side of it, and both breaks around the
    ghost are soft or neither.  ``before`` is the line before ``cur`` and
    ``after`` the line after ``nxt`` (``None`` at the text's edges).

    >>> blank = LineLayout(blank=True)
    >>> soft_break_at(None, "国内生产总值达到74.4", "\\u200b", "万亿元，增长6.7%", blank)
    True
    >>> soft_break_at("国内生产总值达到74.4", "\\u200b", "万亿元，增长6.7%", None, blank)
    True
    >>> soft_break_at(None, "国内生产总值达到74.4", "", "万亿元，增长6.7%", blank)
    False
    """
    if _ghost(cur):
        return before is not None and not _ghost(before) and not _ghost(nxt) and is_soft_break(before, nxt, layout)
    if _ghost(nxt):
        return after is not None and not _ghost(after) and is_soft_break(cur, after, layout)
    return is_soft_break(cur, nxt, layout)


def _wrap_width(lines: list[str]) -> int:
    """The column a hard-wrapped text breaks at, or 0.

    Text saved from fixed-width pages breaks every line at the same width,
    mid-sentence; most of its lines have that length and do not end a sentence.
    """
    if len(lines) < 8:
        return 0
    lengths = [len(ln.strip()) for ln in lines]
    counts = Counter(lengths)
    top = max(set(lengths), key=counts.__getitem__)  # as lengths.count, without a pass over the lines per length
    at_width = sum(1 for n in lengths if top - 2 <= n <= top)
    unfinished = sum(1 for ln in lines if ln.rstrip() and ln.rstrip()[-1] not in _END)
    if top >= 16 and at_width >= 0.5 * len(lines) and unfinished >= 0.5 * len(lines):
        return top
    return 0


def _sentence_piece(cur: str, nxt: str) -> bool:
    """Whether ``cur`` and ``nxt`` look like one sentence cut at a link."""
    # a heading ("一、2014年工作回顾") is followed by a blank line in such texts,
    # so two non-blank lines in a row are one paragraph; a short last line
    # without end punctuation followed by a CJK or ASCII piece is a cut.
    return bool(_CJK.search(cur[-1:]) or cur[-1].isalnum() or cur[-1] in "—-（(《“、，,") and bool(
        _CJK.match(nxt) or nxt[0].isalnum() or nxt[0] in "（(《“—-"
    )


# a space before a Han character (one after a Han character is checked by hand): the engine looks for the
# space alone, rare in Chinese text, instead of trying a lookbehind at every character
_WRAP_SPACE = re.compile(r" (?=[\u3400-\u9fff])")


def wrap_spaces(text: str) -> list[int]:
    """Offsets of the spaces between two Han characters, as a wrapped line leaves them (香港特別 行政區,
    一百八 十六億元); deleted only in a text that has them throughout (:attr:`LineLayout.spaced`: at least
    20, one in 400 characters), so that a slogan pair 好客山东 好品山东 now and then is kept.

    >>> t = "香港特別 行政區政府。" * 30
    >>> len(wrap_spaces(t)), line_layout(t).spaced, line_layout("礼乐和合 探知齐鲁").spaced
    (30, True, False)
    """
    return [p for m in _WRAP_SPACE.finditer(text) if (p := m.start()) and "\u3400" <= text[p - 1] <= "\u9fff"]


# --- bounded paragraphs -----------------------------------------------------------
MAX_PARAGRAPH = 4000
_SENTENCE_ENDS = "。！？!?；;"
_CLAUSE_ENDS = "，,、：:"


def paragraph_cuts(text: str, limit: int) -> list[int]:
    """Where to insert a line break so that no line is longer than ``limit``.

    A cut goes after the last sentence end in the second half of the window,
    else after a clause end, else at the limit itself; linear in the text.

    >>> t = "增长5%。" * 5
    >>> paragraph_cuts(t, 12)
    [10, 20]
    """
    cuts: list[int] = []
    pos = 0
    n = len(text)
    while pos < n:
        end = text.find("\n", pos)
        end = n if end < 0 else end
        if end - pos > limit:
            cuts.extend(line_cuts(text, pos, end, limit))
        pos = end + 1
    return cuts


def line_cuts(text: str, start: int, end: int, limit: int) -> Iterator[int]:
    """The cuts of :func:`paragraph_cuts` in the line ``text[start:end]``, one at a time."""
    pos = start
    while end - pos > limit:
        lo, hi = pos + limit // 2, pos + limit
        cut = max(text.rfind(c, lo, hi) for c in _SENTENCE_ENDS)
        if cut < 0:
            cut = max(text.rfind(c, lo, hi) for c in _CLAUSE_ENDS)
        cut = hi if cut < 0 else cut + 1
        yield cut
        pos = cut
