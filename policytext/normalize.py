"""Normalisation with alignment: the analysis view of a speech.

The view is what the extractor and the segmenter read; every span of it maps
back to the exact span of the text as read.  Steps, in order:

1. **width**: full-width digits, letters and signs to half-width
   (``２０１２年`` → ``2012年``, ``％`` → ``%``), odd spaces (U+3000, NBSP,
   em space) to a plain space; one character for one.
2. **lines**: soft line breaks deleted, where a web page broke a sentence
   at a link (``通过了我们国家的根本法——⏎中华人民共和国宪法⏎，接着``)
   or put a list marker alone on a line (``一是⏎企业管理体制…``)
   (:mod:`policytext.lines`); in a PDF's text layer, letter spacing and page
   furniture too (:mod:`policytext.layout`); a line too long to work on is
   cut into paragraphs at sentence ends.
3. **script**: OpenCC t2s / s2t / s2tw / s2hk, or the repair of text that
   was machine-converted with Taiwan phrases (``巨集觀`` → ``宏观``,
   ``專案`` → ``项目``, but ``指標`` stays ``指标``), as decided by
   :mod:`policytext.script`.

>>> v = normalize("實現區屬生產總值２２１．８億元增長10.4％", script="simplified")
>>> v.text
'实现区属生产总值221.8亿元增长10.4%'
>>> v.to_original((4, 13))
(4, 13)
>>> v = normalize("有效應對了巨集觀政策", script="simplified")
>>> v.text
'有效应对了宏观政策'
>>> v.original[slice(*v.to_original((5, 7)))]
'巨集觀'
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Optional

from . import _chartable
from .align import Alignment, Span, Step
from .convert import Converter
from .layout import layout_edits
from .lines import MAX_PARAGRAPH, LineLayout, line_layout, paragraph_cuts, soft_breaks, wrap_spaces
from .residue import residue_lines
from .script import Script, ScriptEvidence, detect_script, needs_taiwan_repair

__all__ = [
    "View",
    "normalize",
    "detect_script",
    "ScriptEvidence",
    "needs_taiwan_repair",
    "residue_lines",
    "fold_width",
]

Target = Literal["simplified", "traditional", "taiwan", "hongkong", "original"]

# --- 1. width -----------------------------------------------------------------
# digits, letters and signs fold; the CJK sentence punctuation ，：；（）！？ stays as written
_WIDTH = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F) if chr(i) not in "，：；（）！？"}
# every space of U+2000-U+200A (Hong Kong addresses separate thousands with U+2005: 8 700間), narrow NBSP too
_WIDTH.update({0x3000: 0x20, 0x00A0: 0x20, **{c: 0x20 for c in range(0x2000, 0x200B)}, 0x202F: 0x20, 0x205F: 0x20,
               0x200B: 0x20, 0x200D: 0x20, 0xFEFF: 0x20, 0x0009: 0x20, 0xFFE5: ord("¥"), 0x2215: ord("/")})
_WIDTH_CODES = _chartable.code_table({k: chr(v) for k, v in _WIDTH.items()})


def fold_width(text: str) -> str:
    """Full-width forms to half-width, odd spaces to a plain space; 1:1.

    >>> fold_width("平均每年递增７．９％")
    '平均每年递增7.9%'
    """
    return _chartable.translate(text, _WIDTH, _WIDTH_CODES)


# --- the view --------------------------------------------------------------------
@dataclass(frozen=True)
class View:
    """An analysis copy of a text, aligned to the original.

    ``text`` is what analysis reads; ``to_original`` maps any span of it to the
    exact span of ``original``.
    """

    text: str
    alignment: Alignment
    target: str
    steps: tuple[str, ...]

    @property
    def original(self) -> str:
        return self.alignment.original

    def to_original(self, span: Span) -> Span:
        return self.alignment.to_original(span)

    def to_view(self, span: Span) -> Span:
        return self.alignment.to_view(span)

    def original_text(self, span: Span) -> str:
        s, e = self.to_original(span)
        return self.original[s:e]


_TARGET_CONVERSION = {
    "simplified": None,  # chosen from the script
    "traditional": "s2t",
    "taiwan": "s2twp",
    "hongkong": "s2hk",
    "original": None,
}


def normalize(
    text: str,
    *,
    script: Target = "simplified",
    repair: Optional[bool] = None,
    width: bool = True,
    join_lines: bool = True,
    max_paragraph: int = MAX_PARAGRAPH,
    source_script: Optional[Script] = None,
    layout: Optional[LineLayout] = None,
) -> View:
    """Build the aligned analysis view of ``text``.

    Args:
        text: the text as read (``Document.text``).
        script: ``simplified`` (default, what segmentation and extraction
            read), ``traditional``, ``taiwan``, ``hongkong``, or ``original``
            (no conversion).
        repair: undo Taiwan phrases of machine conversion (``巨集觀`` → ``宏观``)
            when converting to Simplified; ``None`` decides from the text
            (:func:`needs_taiwan_repair`).
        width: fold full-width forms.
        join_lines: delete soft line breaks; in a PDF's text layer
            (:func:`policytext.layout.is_pdf_layout`) also the spaces of
            letter-spaced lines and the page furniture between two halves of
            a sentence.
        max_paragraph: a line longer than this (a page flattened to one
            line, a 200 MB file without line breaks) is cut into paragraphs
            at sentence ends, so that everything downstream works on bounded
            pieces; ``0`` keeps lines whole.  No real speech's paragraph
            comes near the default (the longest in the corpus: 1,343 chars).
        source_script: skip detection when the caller knows it.
        layout: the line layout of the whole text when ``text`` is a block
            of it (:mod:`policytext.blocks`): soft line breaks are judged by
            it, and the text is known not to be a PDF's text layer.
    """
    state = (Alignment.identity(text), text, ())
    if width:
        state = _width_step(state)
    if join_lines:
        state = _line_steps(state, layout)
    if max_paragraph:
        state = _chunk_step(state, max_paragraph)
    al, cur, names = _script_steps(state, script, repair, source_script)
    return View(cur, al, script, names)


_State = tuple[Alignment, str, tuple[str, ...]]  # the alignment so far, the view so far, the steps' names


def _then(state: _State, step: Step, name: Optional[str]) -> _State:
    al, _, names = state
    return al.then(step), step.target, names + ((name,) if name else ())


def _width_step(state: _State) -> _State:
    cur = state[1]
    folded = fold_width(cur)
    return _then(state, Step(cur, folded, (), "width"), "width") if folded != cur else state


def _line_steps(state: _State, layout: Optional[LineLayout]) -> _State:
    """A PDF's text layer (letter spacing, printed lines, page furniture), else soft line breaks deleted."""
    cur = state[1]
    pdf = layout_edits(cur) if layout is None else []
    if pdf:
        return _then(state, Step.from_replacements(cur, pdf, "pdf"), "pdf")
    layout = layout or line_layout(cur)
    breaks = sorted(soft_breaks(cur, layout) + (wrap_spaces(cur) if layout.spaced else []))
    if breaks:
        return _then(state, Step.from_replacements(cur, [(b, b + 1, "") for b in breaks], "lines"), "lines")
    return state


def _chunk_step(state: _State, max_paragraph: int) -> _State:
    cur = state[1]
    cuts = paragraph_cuts(cur, max_paragraph)
    if cuts:
        return _then(state, Step.from_replacements(cur, [(c, c, "\n") for c in cuts], "chunks"), "chunks")
    return state


def _script_steps(state: _State, script: Target, repair: Optional[bool], source_script: Optional[Script]) -> _State:
    """The conversion to ``script``: through the Simplified pivot, with the Taiwan-phrase repair when asked."""
    cur = state[1]
    conv = None
    if script == "simplified":
        src = source_script or detect_script(cur).script
        if src != "simplified":
            do_repair = needs_taiwan_repair(cur) if repair is None else repair
            conv = "tw2sp_repair" if do_repair else "t2s"
    elif script != "original":
        if script not in _TARGET_CONVERSION:
            raise ValueError(f"unknown script {script!r}: choose simplified, traditional, taiwan, hongkong or original")
        src = source_script or detect_script(cur).script
        if src != "simplified":  # bring Traditional to the Simplified pivot first
            for step in Converter.get("t2s").steps(cur):
                state = _then(state, step, None)
                cur = step.target
        conv = _TARGET_CONVERSION[script]
    if conv:
        for step in Converter.get(conv).steps(cur):
            state = _then(state, step, None)
            cur = step.target
        state = state[0], state[1], state[2] + (conv,)
    return state
