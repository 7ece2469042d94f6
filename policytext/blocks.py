"""A long text in blocks, each normalised alone, for streaming.

:func:`view_blocks` cuts a text where the view of the whole text
(:func:`policytext.normalize.normalize`) has a line break that it keeps: a
hard line break, or a cut of a long line into paragraphs.  Each block is
normalised with the decisions taken on the whole text (its script, the
Taiwan-phrase repair, how its lines are laid out), so the blocks' views put
one after the other are the whole view, and a 200 MB page saved as one line
gives its first block after a few thousand characters rather than after the
whole file.  Residue (:mod:`policytext.residue`) comes with each block.

>>> text = "国内生产总值增长5%。\\n來源:瑞文範文網 1.5W\\n城镇新增就业1100万人。"
>>> [(b.start, b.view.text, b.residue) for b in view_blocks(text, size=1)]
[(0, '国内生产总值增长5%。\\n', []), (12, '来源:瑞文范文网 1.5W\\n', [(12, 25)]), (26, '城镇新增就业1100万人。', [])]
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional

from ._sample import spread
from .align import Span
from .layout import is_pdf_layout
from .lines import MAX_PARAGRAPH, LineLayout, line_cuts, line_layout, soft_break_at
from .normalize import View, fold_width, normalize
from .script import detect_script, needs_taiwan_repair
from .residue import line_residue, residue_lines

__all__ = ["Block", "view_blocks", "BLOCK_SIZE"]

BLOCK_SIZE = 8_000  # characters gathered into a block before it is cut at the next hard line break
FIRST_BLOCK = 500  # the first block's size: each next one is twice the last, up to BLOCK_SIZE


@dataclass(frozen=True)
class Block:
    """``text[start:end]`` of a longer text, its Simplified view, and its residue.

    ``view_start`` is where the block's view begins in the whole text's view;
    ``residue`` holds spans of the whole text; ``trailer`` says a licence
    trailer began here or before, so all that follows is residue.
    """

    start: int
    end: int
    view: View
    view_start: int
    residue: list[Span]
    trailer: bool = False


def view_blocks(text: str, *, script: Optional[str] = None, repair: Optional[bool] = None,
                size: int = BLOCK_SIZE, max_paragraph: int = MAX_PARAGRAPH) -> Iterator[Block]:
    """The Simplified view of ``text`` block by block (see the module's docstring).

    ``script`` is the text's script when known (``Document.script``);
    ``repair`` as in :func:`~policytext.normalize.normalize`, ``None``
    deciding from the whole text as ``Document.view`` does.  The decisions
    on the whole text take bounded time (on a sample of a text over a million
    characters, as ``normalize`` takes them), so the first block comes as
    soon as it is normalised.  A PDF's text layer, whose layout is judged
    page by page, comes as one block.
    """
    sample = spread(text)  # the whole text's decisions, taken in bounded time (policytext._sample)
    src = script or detect_script(sample).script
    if repair is None:
        repair = src != "simplified" and needs_taiwan_repair(sample)
    folded = fold_width(sample)  # what normalize judges the layout on: spread and fold commute
    if is_pdf_layout(folded) or is_pdf_layout(sample):  # the view's PDF edits, or the residue's page furniture
        view = normalize(text, repair=repair, source_script=src, max_paragraph=max_paragraph)
        yield Block(0, len(text), view, 0, residue_lines(text))
        return
    layout = line_layout(folded)
    view_pos = 0
    line_res: dict[Span, tuple[list[Span], bool]] = {}
    trailer = False
    for s, e, cut, line in _pieces(text, layout, size, max_paragraph):
        view = normalize(text[s:e], repair=repair, source_script=src, max_paragraph=max_paragraph, layout=layout)
        if trailer:  # a licence trailer began in an earlier block: the rest is its
            res = [(s, e)]
        elif line is None:
            res, trailer = line_residue(text, s, e)
        else:  # a piece of a long line: the line is residue as a whole or not at all
            if line not in line_res:
                line_res[line] = line_residue(text, *line)
            res, trailer = line_res[line]
        yield Block(s, e, view, view_pos, res, trailer)
        view_pos += len(view.text) + cut  # the whole view has a line break at a cut


def _pieces(text: str, layout: LineLayout, size: int, limit: int) -> Iterator[tuple[int, int, int, Optional[Span]]]:
    """``(start, end, cut, line)`` of each block: whole lines up to a hard break once ``size`` is reached
    (:data:`FIRST_BLOCK` for the first block, twice as much for each next one, up to ``size``).

    A line longer than ``limit`` with hard breaks on both sides is cut where
    ``normalize`` cuts it (``cut`` is 1 when the view inserts a line break
    after the piece; ``line`` is then the long line's span), unless the text
    has wrap spaces to delete (:attr:`LineLayout.spaced`): the view cuts
    such a line where it has fewer characters than the text, so it comes
    whole, in one block.
    """
    n = len(text)
    start = pos = 0
    prev_hard = True
    want = min(size, FIRST_BLOCK)  # the first blocks small, so that the first tokens come at once
    while pos < n:
        nl = text.find("\n", pos)
        stop = n if nl < 0 else nl
        nxt = min(stop + 1, n)
        hard = nl < 0 or not _soft_after(text, pos, stop, layout)
        if limit and stop - pos > limit and prev_hard and hard and not layout.spaced:
            if start < pos:
                yield start, pos, 0, None
            p = pos
            for c in line_cuts(text, pos, stop, limit):
                yield p, c, 1, (pos, stop)
                p = c
            yield p, nxt, 0, (pos, stop)
            start = nxt
        elif hard and nxt - start >= want:
            yield start, nxt, 0, None
            start = nxt
            want = min(size, 2 * want)
        prev_hard = hard
        pos = nxt
    if start < n:
        yield start, n, 0, None


def _soft_after(text: str, pos: int, stop: int, layout: LineLayout) -> bool:
    """Whether the line break ending the line ``text[pos:stop]`` is soft (judged with the lines around it)."""
    end = text.find("\n", stop + 1)
    nxt_end = len(text) if end < 0 else end
    before = text[text.rfind("\n", 0, pos - 1) + 1:pos - 1] if pos else None
    after = None if end < 0 else text[end + 1:len(text) if (e2 := text.find("\n", end + 1)) < 0 else e2]
    return soft_break_at(before, text[pos:stop], text[stop + 1:nxt_end], after, layout)
