"""The debris of a PDF's text layer: what a page adds that the speech does not say.

A report taken out of a PDF (``policytext.read("report.pdf")`` or a
``pdftotext`` dump) has pages apart by form feeds, a page number and often a
running header on every page, a contents page, lines broken where the printed
line ended (mid-sentence, even mid-number), and, from justified lines, spaces
between every two characters.  Nothing is deleted from the text:
:func:`page_furniture` and :func:`contents_span` give spans that
``residue_lines`` marks as residue, and :func:`layout_edits` gives the
deletions of the aligned view (spaces inside CJK runs, soft line breaks, page
furniture between two halves of a sentence).

>>> t = "本 屆 政 府 致 力 發 展 經 濟 ， 改 善 民 生 ； 推 動 政 制 發 展 ， 加\\n強 管 治 。\\n\\n1\\n\\n\\f2.  政 府 全 力 增 加 土 地 供 應 。"
>>> is_pdf_layout(t)
True
>>> [t[s:e] for s, e in page_furniture(t)]
['1', '\\x0c']
>>> from policytext.align import Step
>>> Step.from_replacements(t, layout_edits(t)).target
'本屆政府致力發展經濟，改善民生；推動政制發展，加強管治。\\n2.政府全力增加土地供應。'
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from ._sample import spread
from .align import Span

__all__ = ["is_pdf_layout", "page_furniture", "contents_span", "layout_edits", "pages", "printed_page_numbers"]

_CJK = "\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff01-\uff5e\u2018\u2019\u201c\u201d\u2014\u2026\u00b7"
_AN = "0-9A-Za-z%.\u2030"
# a run of spaces inside a CJK run, or between CJK and a number or a Latin word
_SPACED = re.compile(rf"(?<=[{_CJK}])[ \u3000\u00a0]+(?=[{_CJK}{_AN}])|(?<=[{_AN}])[ \u3000\u00a0]+(?=[{_CJK}])")
# in figures set on justified lines: the thousands space doubled by letter spacing (16  700),
# a space after a thousands comma (14, 400) or a decimal point (上升2. 6%) that the line's spacing put there
_DIGIT_GAP = re.compile(r"(?<=\d)( )[ \u3000\u00a0]+(?=\d{3}(?!\d))|(?<=\d,)(?<!\d{4},)[ \u3000\u00a0]+(?=\d{3}(?!\d))"
                        r"|(?<=\d\.)[ \u3000\u00a0]+(?=\d+ ?[%\u2030])")
# a space between two CJK characters, counted from the space (a literal the engine skips ahead to)
_SPACED_PAIR = re.compile(rf" (?<=[{_CJK}] )(?=[{_CJK}])")
_PAIR = re.compile(rf"[{_CJK}][ \u3000]?(?=[{_CJK}])")
_SPACED_AT = re.compile(rf"(?=[{_CJK}][ \u3000][{_CJK}])")  # every place a spaced pair of _PAIR may start
_PAGE_NUMBER = re.compile(r"^[\s\-—–－_~·•]*(?:第\s*)?(?:\d{1,4}|[ivxlcIVXLC]{1,6})(?:\s*[页頁])?"
                          r"(?:\s*(?:/|of|共)\s*\d{1,4}\s*[页頁]?)?[\s\-—–－_~·•]*$")
# a contents heading alone on its line (目 and 录 may come on two lines: PDFium reads a spaced heading so)
_CONTENTS = re.compile(r"^[ \t\f\u3000]*(?:目[ \t\u3000]*\n?[ \t\u3000]*[录錄]|contents|CONTENTS|Contents)[ \t\u3000]*$", re.M)
_FINAL = re.compile(r"[。！？!?…](?:[”」』’）)]?)$")  # a sentence ends here
_ITEM = re.compile(r"^(?:[一二三四五六七八九十]+[、是要]|[（(][一二三四五六七八九十\d]+[）)]|第[一二三四五六七八九十]+|"
                   r"\d{1,3}[.、．](?!\d)|[①-⑳]|首先|其次|最后|最後)")


def pages(text: str) -> list[Span]:
    """The pages of a text as spans, split at form feeds (the form feed ends a page)."""
    out, start = [], 0
    for m in re.finditer("\f", text):
        out.append((start, m.end()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _despaced(line: str) -> str:
    return _SPACED.sub("", line.strip(" \t\f\u3000"))


def is_pdf_layout(text: str) -> bool:
    """Whether ``text`` is a PDF's text layer: it has pages (form feeds), or many letter-spaced lines.

    >>> is_pdf_layout("各位代表：\\n现在，我代表国务院")
    False
    """
    text = spread(text)  # a text of over a million characters: judged on a sample (policytext._sample)
    if "\f" in text:
        return True
    if text.count("\n") < 9 or len(_SPACED_PAIR.findall(text)) < 80:  # one pass in C: most texts stop here
        return False
    # a letter-spaced line has 8 pairs or more, 60 % of them spaced: only a line with 5 spaced pairs can be one
    spaced = 0
    for s, e in _lines_with(text, _SPACED_AT, 5):
        n, two = _pairs(text[s:e])
        spaced += n >= 8 and two >= 0.6 * n
    if spaced < 10:
        return False
    cjk_lines = 0
    for line in text.split("\n"):
        cjk_lines += _pairs(line)[0] >= 8
    return spaced >= 0.2 * cjk_lines


def _lines_with(text: str, pattern: re.Pattern, least: int) -> list[Span]:
    """The lines of ``text`` (spans) where ``pattern`` matches at ``least`` places or more."""
    out: list[Span] = []
    end, count = -1, 0
    for m in pattern.finditer(text):
        p = m.start()
        if p >= end:
            if count >= least:
                out.append((start, end))
            start = text.rfind("\n", 0, p) + 1
            end = text.find("\n", p)
            end = len(text) if end < 0 else end
            count = 0
        count += 1
    if count >= least:
        out.append((start, end))
    return out


def _pairs(line: str) -> tuple[int, int]:
    """How many CJK pairs ``line`` holds, and how many of them are spaced; bounded memory on a long line."""
    if len(line) <= 10_000:
        pairs = _PAIR.findall(line)
        return len(pairs), sum(1 for p in pairs if len(p) == 2)
    n = two = 0
    for m in _PAIR.finditer(line):
        n += 1
        two += m.end() - m.start() == 2
    return n, two


def _line_spans(text: str, start: int, end: int) -> list[Span]:
    """Non-blank lines of ``text[start:end]`` as spans (form feeds and edge spaces excluded)."""
    out, pos = [], start
    for line in text[start:end].split("\n"):
        s = pos + len(line) - len(line.lstrip(" \t\f\u3000"))
        e = pos + len(line.rstrip(" \t\f\u3000"))
        if e > s:
            out.append((s, e))
        pos += len(line) + 1
    return out


def _edge_lines(text: str, n: int = 2) -> list[list[Span]]:
    """For each page, its first and last ``n`` non-blank lines."""
    out = []
    for s, e in pages(text):
        lines = _line_spans(text, s, e)
        out.append(lines[:n] + [ln for ln in lines[-n:] if ln not in lines[:n]])
    return out


def page_furniture(text: str) -> list[Span]:
    """Page numbers, running headers and footers, and form feeds of a PDF text layer (sorted spans).

    A page number is a bare number (``12``, ``- 12 -``, ``第12页``) among the
    first or last two lines of a page; a running header or footer is an edge
    line that comes back (digits aside) on at least three pages and a third of
    them.  A text without form feeds has only its bare-number lines marked.
    """
    if not is_pdf_layout(text):
        return []
    found: set[Span] = set()
    if "\f" in text:
        edges = _edge_lines(text)
        keys = Counter()
        for lines in edges:
            keys.update({re.sub(r"\d+", "#", _despaced(text[s:e])) for s, e in lines})
        recurring = {k for k, c in keys.items() if c >= 3 and c >= len(edges) / 3}
        for lines in edges:
            for s, e in lines:
                line = _despaced(text[s:e])
                if _PAGE_NUMBER.match(line) or re.sub(r"\d+", "#", line) in recurring:
                    found.add((s, e))
        found.update((m.start(), m.end()) for m in re.finditer("\f", text))
    else:
        found.update((s, e) for s, e in _line_spans(text, 0, len(text)) if re.fullmatch(r"\d{1,3}", text[s:e]))
    return sorted(found)


def printed_page_numbers(text: str) -> list[Optional[str]]:
    """The number each page prints (``"12"`` for ``- 12 -`` or ``第12页``), or None, page by page.

    What a reader cites is the printed number, which runs behind the viewer's
    count when a cover or a contents page comes first.

    >>> printed_page_numbers("封面\\n\\f各位代表：\\n\\n1\\n\\f现在，我代表国务院\\n\\n2")
    [None, '1', '2']
    """
    furniture = page_furniture(text)
    out: list[Optional[str]] = []
    for s, e in pages(text):
        found = [text[a:b] for a, b in furniture if s <= a < e]
        nums = [m.group() for f in found if _PAGE_NUMBER.match(_despaced(f)) for m in [re.search(r"\d+|[ivxlcIVXLC]+", f)] if m]
        out.append(nums[0] if nums else None)
    return out


def _is_prose(line: str) -> bool:
    """A line of running text: long, with sentence punctuation, not a contents entry."""
    return len(line) >= 15 and bool(re.search("[，。；]", line)) and not re.search(r"[.…·]{4,}|\s\d+$", line)


def contents_span(text: str) -> Optional[Span]:
    """The contents page(s) of a PDF text layer: from a ``目录`` heading to the page where prose starts.

    Only a heading in the first fifth of the text counts.  With form feeds the
    whole page that carries the heading is contents (a text layer may give
    the heading after the entries, as the Hong Kong policy address of 2014
    does); without them the contents end at the first line of prose.

    >>> t = "封面\\n\\f(一) 引言 1–9\\n(二) 經濟 10–45\\n目錄\\n\\f" + "本屆政府致力發展經濟，改善民生。" * 12
    >>> s, e = contents_span(t)
    >>> t[s:e]
    '(一) 引言 1–9\\n(二) 經濟 10–45\\n目錄\\n\\x0c'
    """
    if not is_pdf_layout(text):
        return None
    m = _CONTENTS.search(text, 0, len(text) // 5 + 1)
    if m is None:
        return None
    head = m.start() + len(m.group()) - len(m.group().lstrip())
    if "\f" in text:
        head = next(s for s, e in pages(text) if s <= head < e)
    end = head
    for s, e in (pages(text) if "\f" in text else [(s, e + 1) for s, e in _line_spans(text, head, len(text))]):
        if e <= head:
            continue
        if any(_is_prose(_despaced(text[a:b])) for a, b in _line_spans(text, max(s, head), e)):
            break
        end = e
    return (head, end) if end > head else None


def _cells(line: str) -> int:
    """The printed width of a line in CJK cells: a Latin letter, digit or space is half a cell.

    >>> _cells("在本屆政府任期內，增加6 200個康復服務名額"), _cells("(1) 基本津貼")
    (20, 6)
    """
    half = sum(1 for c in line if c < "\u1100" or "\uff61" <= c <= "\uffdc")
    return round(len(line) - half / 2)


def _width(lines: list[str]) -> int:
    """The width of a full printed line in cells: the most common width among the longer lines."""
    lengths = [_cells(ln) for ln in lines if len(ln) >= 10]
    if not lengths:
        return 0
    top = Counter(lengths).most_common(3)
    return max(n for n, _ in top)


def layout_edits(text: str) -> list[tuple[int, int, str]]:
    """Deletions that make a PDF text layer read as running text (for ``Step.from_replacements``).

    Spaces inside CJK runs go.  A line break goes when the line before is a
    full printed line (at a page break: one that does not end a sentence),
    while the next line does not open a paragraph (indent) or an item
    (``一、``, ``（二）``, ``3.``).  Between pages, the page number, header and
    form feed go from the view too (a paragraph that ends there keeps one
    ``\\n``).
    """
    if not is_pdf_layout(text):
        return []
    junk = set(page_furniture(text))
    lines = [ln for ln in _line_spans(text, 0, len(text)) if ln not in junk]
    width = _width([_despaced(text[s:e]) for s, e in lines])
    edits: list[tuple[int, int, str]] = []
    cells = [_cells(_despaced(text[s:e])) for s, e in lines]
    for i, (s, e) in enumerate(lines):
        edits += [(m.start(), m.end(), "") for m in _SPACED.finditer(text, s, e)]
        edits += [(m.end(1) if m.group(1) else m.start(), m.end(), "") for m in _DIGIT_GAP.finditer(text, s, e)]
        if i + 1 < len(lines):
            near = [cells[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)
                    and text[min(lines[j][1], e):max(lines[j][0], s)].count("\n") == 1]
            gap = _gap_edit(text, (s, e), lines[i + 1], width, _full(text[s:e], cells[i], near, width))
            if gap:
                edits.append(gap)
    return sorted(edits)


def _full(line: str, cells: int, near: list[int], width: int) -> bool:
    """Whether a line fills its printed measure: the page's width, or that of an indented block.

    An item set with a hanging indent ((1) ..., its lines 22 cells on a page
    of 28) has lines as long as each other: a line as long as the line before
    or after it in its block (two cells either way: the label hangs out), that
    ends no clause, is full too.

    >>> _full("勵自力更生，多勞多得。家中有合資格兒童和青年", 22, [24, 8], 28)
    True
    >>> _full("用機制。", 4, [24], 28), _full("會獲發額外津貼；", 8, [22, 24], 28)
    (False, False)
    """
    if not width:
        return False
    if cells >= 0.85 * width:
        return True
    return (cells >= 0.6 * width and any(abs(cells - n) <= 2 for n in near)
            and not re.search(r"[。！？；：!?;:][”」』’）)]?$", line.rstrip()))


def _gap_edit(text: str, line: Span, nxt_line: Span, width: int, full: bool) -> Optional[tuple[int, int, str]]:
    """The edit of what lies between two lines of text (only blanks and page furniture lie there)."""
    (s, e), (s2, e2) = line, nxt_line
    gap = text[e:s2]
    page_break = "\f" in gap
    if not page_break and gap.count("\n") > 1:
        return None  # a blank line: the paragraph ends
    prev, nxt = _despaced(text[s:e]), text[s2:e2]
    # a short line is a heading or a paragraph's last; an indent or a marker opens a paragraph
    ends = not full or bool(_ITEM.match(nxt)) or text[s2 - 1] in " \u3000\t"
    if not ends and _FINAL.search(prev) and _is_heading(_despaced(nxt), width):
        ends = True  # a sentence ends with the line and a heading follows (物流業 before 27.)
    if not ends and page_break and _FINAL.search(prev):
        ends = True  # a sentence ends with the page: keep the paragraph break a page gives
    if ends:
        return (e, s2 - _indent(text, s2), "\n") if page_break else None
    sep = " " if prev[-1].isascii() and prev[-1].isalpha() and nxt[0].isascii() and nxt[0].isalpha() else ""
    return (e, s2, sep)


def _is_heading(line: str, width: int) -> bool:
    """A short line without clause punctuation: a heading, never the rest of a paragraph's sentence.

    >>> _is_heading("物流業", 30), _is_heading("貿易增長為物流業帶來機遇。", 30)
    (True, False)
    """
    return len(line) <= width // 2 and not re.search(r"[，。；：！？,;:!?、]", line)


def _indent(text: str, pos: int) -> int:
    n = 0
    while pos - n - 1 >= 0 and text[pos - n - 1] in " \u3000\t":
        n += 1
    return n
