"""Normalisation with alignment: the analysis view of a speech.

The view is what the extractor and the segmenter read; every span of it maps
back to the exact span of the text as read.  Steps, in order:

1. **width**: full-width digits, letters and signs to half-width
   (``２０１２年`` → ``2012年``, ``％`` → ``%``), odd spaces (U+3000, NBSP,
   em space) to a plain space; one character for one.
2. **lines**: soft line breaks deleted, where a web page broke a sentence
   at a link (``通过了我们国家的根本法——⏎中华人民共和国宪法⏎，接着``)
   or put a list marker alone on a line (``一是⏎企业管理体制…``).
3. **script**: OpenCC t2s / s2t / s2tw / s2hk, or the repair of text that
   was machine-converted with Taiwan phrases (``巨集觀`` → ``宏观``,
   ``專案`` → ``项目``, but ``指標`` stays ``指标``).

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

import functools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterator, Literal, Optional

import numpy as np

from . import _chartable
from .align import Alignment, Span, Step
from .convert import Converter, _load
from .layout import layout_edits
from .residue import residue_lines

__all__ = [
    "View",
    "normalize",
    "detect_script",
    "ScriptEvidence",
    "needs_taiwan_repair",
    "residue_lines",
    "fold_width",
]

Script = Literal["simplified", "traditional", "mixed"]
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


# --- 2. soft line breaks ------------------------------------------------------
_END = set("。！？!?；;：:…」』”）)】》>")  # a line ending like this ends a paragraph
_MARKER_LINE = re.compile(r"^\s*(?:[一二三四五六七八九十]+是|[一二三四五六七八九十]+要|首先|其次|再次|最后|最後|第[一二三四五六七八九十]+)\s*[，,、:：]?\s*$")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class LineLayout:
    """How a text lays out its lines, decided on the whole text: paragraphs apart by blank lines, hard-wrap width."""

    blank: bool = False
    wrap: int = 0


def line_layout(text: str) -> LineLayout:
    """The :class:`LineLayout` of ``text`` (what :func:`_soft_breaks` judges each line break by).

    >>> line_layout("国内生产总值增长5%，\\n\\n城镇新增就业1100万人。")
    LineLayout(blank=True, wrap=0)
    """
    if "\n" not in text:
        return LineLayout()
    nonempty = [ln for ln in text.split("\n") if ln.strip()]
    blank = text.count("\n\n") >= 0.3 * max(1, len(nonempty))
    return LineLayout(blank, 0 if blank else _wrap_width(nonempty))


def is_soft_break(cur: str, nxt: str, layout: LineLayout) -> bool:
    """Whether the line break between the lines ``cur`` and ``nxt`` breaks a sentence (see :func:`_soft_breaks`).

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


def _soft_breaks(text: str, layout: Optional[LineLayout] = None) -> list[int]:
    """Offsets of ``\\n`` that break a sentence rather than end a paragraph.

    In a text whose paragraphs are set apart by blank lines (wiki and many web
    pages), a single newline inside a paragraph is soft when the line before it
    does not end a sentence.  In a text with one paragraph per line, only a
    line that is a bare list marker, or a next line that starts with
    sentence-internal punctuation, is joined.  ``layout`` is decided on
    ``text`` unless given (a block of a longer text takes the whole text's).
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


_STARTS_ITEM = re.compile(r"^(?:[一二三四五六七八九十]+[、是要]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+|\d{1,2}[.、．](?!\d)|[①-⑩]|首先|其次|最后)")


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


def _wrap_spaces(text: str) -> list[int]:
    """Offsets of the spaces a wrapped line left between two Han characters
    (香港特別 行政區, 一百八 十六億元), when a text has them throughout: at least
    20, one in 400 characters (a slogan pair 好客山东 好品山东 now and then is kept).

    >>> len(_wrap_spaces("香港特別 行政區政府。" * 30)), _wrap_spaces("礼乐和合 探知齐鲁")
    (30, [])
    """
    spaces = [m.start() for m in _WRAP_SPACE.finditer(text)]
    return spaces if len(spaces) >= max(20, len(text) / 400) else []


# --- 2b. bounded paragraphs -----------------------------------------------------
MAX_PARAGRAPH = 4000
_SENTENCE_ENDS = "。！？!?；;"
_CLAUSE_ENDS = "，,、：:"


def _paragraph_cuts(text: str, limit: int) -> list[int]:
    """Where to insert a line break so that no line is longer than ``limit``.

    A cut goes after the last sentence end in the second half of the window,
    else after a clause end, else at the limit itself; linear in the text.

    >>> t = "增长5%。" * 5
    >>> _paragraph_cuts(t, 12)
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
    """The cuts of :func:`_paragraph_cuts` in the line ``text[start:end]``, one at a time."""
    pos = start
    while end - pos > limit:
        lo, hi = pos + limit // 2, pos + limit
        cut = max(text.rfind(c, lo, hi) for c in _SENTENCE_ENDS)
        if cut < 0:
            cut = max(text.rfind(c, lo, hi) for c in _CLAUSE_ENDS)
        cut = hi if cut < 0 else cut + 1
        yield cut
        pos = cut


# --- 3. script -------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _script_classes() -> tuple[dict[int, int], np.ndarray]:
    """Script-only characters by code point: 1 Traditional only, 2 Simplified only.

    Counted through a numpy table (:func:`._chartable.count_classes`); a regex
    character class of four thousand characters was twenty times slower.
    """
    ts, st = _load("TSCharacters"), _load("STCharacters")
    trad_only = {k for k, v in ts.items() if len(k) == 1 and k != v and k not in st}
    simp_only = {k for k, v in st.items() if len(k) == 1 and k != v and k not in ts}
    classes = {ord(c): 1 for c in trad_only}
    classes.update({ord(c): 2 for c in simp_only})
    return classes, _chartable.class_table(classes)


@dataclass(frozen=True)
class ScriptEvidence:
    """What the script verdict rests on: counts of script-specific characters."""

    script: Script
    traditional_chars: int
    simplified_chars: int

    @property
    def traditional_share(self) -> float:
        n = self.traditional_chars + self.simplified_chars
        return self.traditional_chars / n if n else 0.0


def detect_script(text: str, *, mixed_share: float = 0.1) -> ScriptEvidence:
    """Classify a text as simplified, traditional or mixed.

    Counts characters that exist only in one script (``國`` vs ``国``); a text
    whose minority script exceeds ``mixed_share`` of them is ``mixed``.  A text
    with no script-specific characters at all is called simplified.

    >>> detect_script("國內生產總值").script
    'traditional'
    >>> detect_script("国内生产总值").script
    'simplified'
    """
    _, t, s = (int(n) for n in _chartable.count_classes(text, *_script_classes(), 3))
    n = t + s
    if n == 0 or t <= mixed_share * n:
        script: Script = "simplified"
    elif s <= mixed_share * n:
        script = "traditional"
    else:
        script = "mixed"
    return ScriptEvidence(script, t, s)


_MAINLAND = re.compile(
    "黨委|黨中央|黨組|幹部|社會主義|人民代表大會|國務院|同志們|鄉鎮|縣委|市委|省委|區委|政協|小康|"
    "五年規劃|十[一二三四五]五|全面從嚴|習近平|中國共產黨|規上"
)
# words only s2twp writes: 宏 became 巨集 (the computing "macro") in 宏观
_ARTIFACT = re.compile("巨集觀|巨集經濟|巨集調控|巨集政策")
_ELSEWHERE = re.compile("臺灣|台灣|中華民國|立法院|行政院|總統|國人|立法會|特區政府|行政長官|香港特別行政區|澳門|議員")


def needs_taiwan_repair(text: str) -> bool:
    """Whether a Traditional text reads as Simplified mainland text run through s2twp.

    A mainland speech machine-converted with Taiwan phrases speaks of 黨委,
    幹部, 國務院 and writes 巨集觀 for 宏观; a genuine Taiwanese or Hong Kong
    address speaks of 立法院, 行政院, 特區政府, and keeps its 專案.

    >>> needs_taiwan_repair("區委、區政府領導下,全區幹部有效應對巨集觀政策,推進專案建設")
    True
    >>> needs_taiwan_repair("行政院將推動專案,立法院審議,臺灣經濟持續成長")
    False
    """
    if _ARTIFACT.search(text):
        return True
    mainland = len(_MAINLAND.findall(text))
    elsewhere = len(_ELSEWHERE.findall(text))
    return mainland >= 2 and mainland > 2 * elsewhere


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
    al = Alignment.identity(text)
    names = []
    cur = text
    if width:
        folded = fold_width(cur)
        if folded != cur:
            al = al.then(Step(cur, folded, (), "width"))
            names.append("width")
            cur = folded
    pdf = layout_edits(cur) if join_lines and layout is None else []
    if pdf:  # a PDF's text layer: letter spacing, printed lines and page furniture
        step = Step.from_replacements(cur, pdf, "pdf")
        al = al.then(step)
        names.append("pdf")
        cur = step.target
    elif join_lines:
        breaks = sorted(_soft_breaks(cur, layout) + _wrap_spaces(cur))
        if breaks:
            step = Step.from_replacements(cur, [(b, b + 1, "") for b in breaks], "lines")
            al = al.then(step)
            names.append("lines")
            cur = step.target
    if max_paragraph:
        cuts = _paragraph_cuts(cur, max_paragraph)
        if cuts:
            step = Step.from_replacements(cur, [(c, c, "\n") for c in cuts], "chunks")
            al = al.then(step)
            names.append("chunks")
            cur = step.target
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
                al = al.then(step)
                cur = step.target
        conv = _TARGET_CONVERSION[script]
    if conv:
        for step in Converter.get(conv).steps(cur):
            al = al.then(step)
            cur = step.target
        names.append(conv)
    return View(cur, al, script, tuple(names))
