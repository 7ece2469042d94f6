"""Line breaks of a text as read: which break a sentence, and where a long line is cut.

What :func:`policytext.normalize.normalize` deletes or inserts at line
breaks, as offsets of the text it is given:

* :func:`soft_breaks`: soft line breaks, where a web page broke a sentence at
  a link (``通过了我们国家的根本法——⏎中华人民共和国宪法⏎，接着``), put a list
  marker alone on a line (``一是⏎企业管理体制…``) or hard-wrapped its lines
  at a fixed width; judged by the text's :class:`LineLayout`.
* :func:`wrap_spaces`: the spaces a wrapped line left between two Han
  characters (``香港特別 行政區``).
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

__all__ = ["LineLayout", "line_layout", "is_soft_break", "soft_breaks", "wrap_spaces", "paragraph_cuts", "line_cuts",
           "MAX_PARAGRAPH"]

_END = set("。！？!?；;：:…」』”）)】》>")  # a line ending like this ends a paragraph
_MARKER_LINE = re.compile(r"^\s*(?:[一二三四五六七八九十]+是|[一二三四五六七八九十]+要|首先|其次|再次|最后|最後|第[一二三四五六七八九十]+)\s*[，,、:：]?\s*$")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_STARTS_ITEM = re.compile(r"^(?:[一二三四五六七八九十]+[、是要]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+|\d{1,2}[.、．](?!\d)|[①-⑩]|首先|其次|最后)")


@dataclass(frozen=True)
class LineLayout:
    """How a text lays out its lines, decided on the whole text: paragraphs apart by blank lines, hard-wrap width."""

    blank: bool = False
    wrap: int = 0


def line_layout(text: str) -> LineLayout:
    """The :class:`LineLayout` of ``text`` (what :func:`soft_breaks` judges each line break by).

    >>> line_layout("国内生产总值增长5%，\\n\\n城镇新增就业1100万人。")
    LineLayout(blank=True, wrap=0)
    """
    if "\n" not in text:
        return LineLayout()
    nonempty = [ln for ln in text.split("\n") if ln.strip()]
    blank = text.count("\n\n") >= 0.3 * max(1, len(nonempty))
    return LineLayout(blank, 0 if blank else _wrap_width(nonempty))


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
    """Offsets of ``\\n`` that break a sentence rather than end a paragraph.

    In a text whose paragraphs are set apart by blank lines (wiki and many web
    pages), a single newline inside a paragraph is soft when the line before it
    does not end a sentence.  In a text with one paragraph per line, only a
    line that is a bare list marker, or a next line that starts with
    sentence-internal punctuation, is joined.  ``layout`` is decided on
    ``text`` unless given (a block of a longer text takes the whole text's).

    >>> t = "通过了我们国家的根本法——\\n中华人民共和国宪法\\n，接着"
    >>> soft_breaks(t), soft_breaks(t, LineLayout(blank=True))
    ([23], [13, 23])
    """
    lines = text.split("\n")
    if len(lines) < 2:
        return []
    layout = layout or line_layout(text)
    out = []
    pos = 0
    for i in range(len(lines) - 1):
        pos += len(lines[i])
        if is_soft_break(lines[i], lines[i + 1], layout):
            out.append(pos)
        pos += 1
    return out


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


_WRAP_SPACE = re.compile(r"(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])")


def wrap_spaces(text: str) -> list[int]:
    """Offsets of the spaces a wrapped line left between two Han characters
    (香港特別 行政區, 一百八 十六億元), when a text has them throughout: at least
    20, one in 400 characters (a slogan pair 好客山东 好品山东 now and then is kept).

    >>> len(wrap_spaces("香港特別 行政區政府。" * 30)), wrap_spaces("礼乐和合 探知齐鲁")
    (30, [])
    """
    spaces = [m.start() for m in _WRAP_SPACE.finditer(text)]
    return spaces if len(spaces) >= max(20, len(text) / 400) else []


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
