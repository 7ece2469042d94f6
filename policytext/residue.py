"""Scrape residue: the lines of a saved page that are not the speech.

Source lines (``來源:瑞文範文網 1.5W``), tag and navigation lines, the licence
trailer of wiki copies, and in a PDF's text layer its page furniture and
contents page.  Lines are marked, never deleted, so offsets stay valid.
:func:`line_residue` is the line-by-line part alone, which a block of a long
text (:mod:`policytext.blocks`) can run on its own.
"""
from __future__ import annotations

import re
from typing import Optional

from .align import Span
from .layout import contents_span, is_pdf_layout, page_furniture

__all__ = ["residue_lines", "line_residue"]

_RESIDUE_LINE = re.compile(
    r"^\s*(?:"
    r"(?:來源|来源|出處|出处|作者|編輯|编辑|責任編輯|责任编辑)\s*[:：].{0,40}|"
    r"熱門標籤|热门标签|相關推薦|相关推荐|相關文章|相关文章|猜你喜歡|猜你喜欢|"
    r"上一篇.*|下一篇.*|返回首頁|返回首页|返回頂部|返回顶部|分享到.*|掃一掃.*|扫一扫.*|"
    r"點擊.{0,10}(?:閱讀|查看|下載)|点击.{0,10}(?:阅读|查看|下载)|"
    r"版權所有.*|版权所有.*|Copyright.*|©.*|Public domain|false|true|↑|"
    r"注：中文維基文庫.*|注：中文维基文库.*|"
    r"(?:首頁|首页)\s*[>＞»].{0,60}|(?:當前位置|当前位置|您的位置|您现在的位置)\s*[:：].{0,60}|"
    r"(?:發布|发布|發佈|发表|更新)(?:時間|时间|日期)\s*[:：].{0,60}|(?:瀏覽|浏览|閱讀|阅读|点击)(?:次數|次数|量)\s*[:：].{0,20}|"
    r"(?:\s*(?:打印本頁|打印本页|關閉窗口|关闭窗口|【打印】|【关闭】|【關閉】|收藏本页|收藏本頁))+|【?字[體体号號][:：].{0,12}|"
    r"\S{0,12}\s+\d+(?:\.\d+)?[KkWw萬万]|\d+(?:\.\d+)?[KkWw萬万]?\s*(?:字|次?瀏覽|次?浏览|次?閱讀|次?阅读)"
    r")\s*$",
    re.M,  # matched line by line in place (match(text, pos, endpos)): ^ at a line's start, $ at its end
)
# licence notices that wiki copies append: everything from here on is residue
_TRAILER_START = re.compile(r"^\s*(?:本作品|这部作品|這部作品)(?:是|來自|来自|在|以).{0,60}$|^\s*本作品是中[华華]人民共和[国國]", re.M)
_NONBLANK = re.compile(r"\S")


def residue_lines(text: str) -> list[Span]:
    """Spans of lines that are scrape residue, not speech.

    Source lines (``來源:瑞文範文網 1.5W``), tag and navigation lines, and the
    licence trailer of wiki copies (from ``本作品是中华人民共和国的…`` to the
    end); in a PDF's text layer, page numbers, running headers, form feeds and
    the contents page (:mod:`policytext.layout`).  Lines are marked, never
    deleted: offsets stay valid.

    >>> t = "三級幹部大會發言大綱\\n\\n來源:瑞文範文網 1.5W\\n\\n同志們:"
    >>> [t[s:e] for s, e in residue_lines(t)]
    ['來源:瑞文範文網 1.5W']
    """
    out, _ = line_residue(text)
    if is_pdf_layout(text):
        contents = contents_span(text)
        out = _union(out + page_furniture(text) + ([contents] if contents else []))
    return out


def line_residue(text: str, start: int = 0, end: Optional[int] = None) -> tuple[list[Span], bool]:
    """The residue lines of ``text[start:end]`` judged line by line, and whether a licence trailer began.

    ``start`` is a line start; the spans index ``text``.  A trailer's span runs
    to ``end`` (less trailing blanks): what follows it is residue too.  No
    line is copied, so a 200 MB line costs no more than its first characters.

    >>> line_residue("国内生产总值增长5%\\n本作品是中华人民共和国政府的文件\\n以下略")
    ([(11, 31)], True)
    """
    end = len(text) if end is None else end
    out: list[Span] = []
    pos = start
    while pos <= end:
        stop = text.find("\n", pos, end)
        stop = end if stop < 0 else stop
        if _NONBLANK.search(text, pos, stop):
            if _TRAILER_START.match(text, pos, stop):  # the rest of the text, as one span
                last = end
                while last > pos and text[last - 1].isspace():
                    last -= 1
                out.append((pos, last))
                return out, True
            if _RESIDUE_LINE.match(text, pos, stop):
                out.append((pos, stop))
        pos = stop + 1
    return out, False


def _union(spans: list[Span]) -> list[Span]:
    """Sorted spans with overlapping ones merged."""
    out: list[Span] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
