"""Ghost lines: a line holding nothing visible (a zero-width space, a no-break space, a BOM …) that a scraped
page left between two halves of a sentence is not a paragraph break; the break is judged between the lines
either side of it, in the view, in streaming and in names. On the bundled 2021 report (twelve such lines) and
on the reports in ../shared."""
from __future__ import annotations

import re
import textwrap

import pytest

from policytext import Document, extract, read
from policytext.blocks import view_blocks
from policytext.lines import _INVISIBLE, _ghost, line_layout, soft_break_at, soft_breaks
from policytext.normalize import fold_width

from .conftest import CORPORA

REPORT_2021 = CORPORA / "national" / "gwr-2021.txt"

# the 2017 national report as published on the web: 74.4, a line holding only U+200B, then 万亿元
GDP_2016 = ("——经济运行缓中趋稳、稳中向好。国内生产总值达到74.4\n{ghost}\n万亿元，增长6.7%，名列世界前茅，"
            "对全球经济增长的贡献率超过30%。居民消费价格上涨2%。\n\n——就业增长超出预期。全年城镇新增就业1314万人。")

# zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen, no-break space, ideographic space, and mixes
GHOSTS = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u00a0", "\u3000", " \u200b ", "\u200e\u00a0"]


def _flanked_ghosts(text: str) -> list[tuple[str, str, str]]:
    """(line before, ghost line, line after) for every ghost line between two lines with something visible."""
    lines = text.split("\n")
    return [(lines[i - 1], lines[i], lines[i + 1]) for i in range(1, len(lines) - 1)
            if _ghost(lines[i]) and lines[i - 1].strip() and lines[i + 1].strip()
            and not _ghost(lines[i - 1]) and not _ghost(lines[i + 1])]


@pytest.mark.parametrize("ghost", GHOSTS, ids=[ascii(g) for g in GHOSTS])
def test_a_figure_and_its_unit_read_across_a_ghost_line(ghost):
    doc = Document.from_text(GDP_2016.format(ghost=ghost))
    assert "国内生产总值达到74.4万亿元，增长6.7%" in doc.view().text
    gdp = [i for i in extract(doc).indicators if i.name == "国内生产总值"]
    assert len(gdp) == 1 and (gdp[0].value, gdp[0].unit, gdp[0].change.value) == (74.4e12, "元", 6.7)
    s, e = gdp[0].span
    assert doc.text[s:e] == gdp[0].text == f"国内生产总值达到74.4\n{ghost}\n万亿元，增长6.7%"


def test_an_empty_line_or_two_ghost_lines_still_end_the_paragraph():
    """An empty line is a paragraph break in a text laid out with blank lines; so is a run of ghost lines."""
    for gap in ("", "\u200b\n\u200b"):
        v = Document.from_text(GDP_2016.format(ghost=gap)).view().text
        assert "74.4万亿元" not in v and "74.4\n" in v


def test_a_ghost_line_in_a_paragraph_per_line_text_keeps_its_break():
    """安徽 2025 (one paragraph a line): a no-break-space line after the byline; 各位代表 opens the next line."""
    text = ("2025年1月20日在安徽省第十四届人民代表大会第三次会议上安徽省人民政府省长\u00a0王清宪作政府工作报告\n\u00a0\n"
            "各位代表：\n现在，我代表省人民政府，向大会报告政府工作，请予审议，并请省政协委员提出意见。")
    assert not line_layout(text).blank
    assert "\n各位代表：" in Document.from_text(text).view().text


def _with_ghosts(text: str, breaks: list[int]) -> str:
    """``text`` with a ghost line (each kind in turn) before the line break at each offset of ``breaks``."""
    out, prev = [], 0
    for k, b in enumerate(sorted(breaks)):
        out += [text[prev:b], "\n" + GHOSTS[k % len(GHOSTS)]]
        prev = b
    return "".join(out) + text[prev:]


@pytest.mark.parametrize("wrapped", [False, True], ids=["blank-lines", "hard-wrapped"])
def test_ghost_lines_added_anywhere_change_nothing_but_themselves(wrapped):
    """The 2015 report as published (paragraphs apart by blank lines) and as a fixed-width page saves it (36
    characters a line): a ghost line added at every soft break leaves the view and the extraction as they were
    (spans exact into the new text); one added after every line that ends a paragraph stays a line of its own."""
    text = (CORPORA / "gwr-2015.txt").read_text(encoding="utf-8")
    if wrapped:
        text = "\n".join("\n".join(textwrap.wrap(p.strip(), 36)) for p in text.split("\n") if p.strip())
        assert line_layout(text).wrap
    soft = soft_breaks(fold_width(text))
    lines = text.split("\n")
    starts = [0]
    for ln in lines:
        starts.append(starts[-1] + len(ln) + 1)
    hard = [starts[i + 1] - 1 for i in range(len(lines) - 1) if lines[i].strip() and starts[i + 1] - 1 not in soft]
    assert soft and hard
    base = Document.from_text(text)
    ghosted = Document.from_text(_with_ghosts(text, soft + hard))
    assert re.sub(rf"\n(?:[^\S\n]|[{_INVISIBLE}])+(?=\n)", "", ghosted.view().text) == base.view().text
    a, b = extract(base).indicators, extract(ghosted).indicators
    assert [(i.name, i.value, i.unit, i.change) for i in a] == [(i.name, i.value, i.unit, i.change) for i in b]
    assert all(ghosted.text[i.span[0]:i.span[1]] == i.text for i in b)


def test_the_bundled_2021_report_joins_what_its_ghost_lines_cut():
    doc = read(REPORT_2021)
    view = doc.view().text
    flanked = _flanked_ghosts(doc.text)
    assert len(flanked) >= 10
    layout = line_layout(doc.text)
    for a, g, b in flanked:
        if soft_break_at(a, g, b, None, layout):
            assert a[-8:] + b[:8] in view, (a[-8:], b[:8])
        else:  # only a line that ends a sentence (……健全数字规则。) keeps its break
            assert a.rstrip()[-1] in "。！？；", a[-8:]
    target = next(i for i in extract(doc).indicators if i.text.endswith("为6%以上"))
    assert target.kind == "target" and target.text.endswith("今年预期目标设定\n\u200b\n为6%以上")
    assert doc.text[target.span[0]:target.span[1]] == target.text


def test_names_hold_no_line_break_and_nothing_invisible(shared):
    """城镇新增⏎\\u200b⏎就业预期目标比去年多100万人 (2017) is named 城镇新增就业, as it reads."""
    invisible = set(chr(c) for c in range(0x200B, 0x2010)) | {"\u00ad", "\u2060", "\ufeff", "\n"}
    names = []
    for year in (1957, 2017, 2021):
        names += [i.name for i in extract(read(shared / "corpus" / "national" / f"gwr-{year}.txt")).indicators]
    assert "城镇新增就业" in names and "全社会研发经费支出与国内生产总值之比" in names
    assert not [n for n in names if invisible & set(n)]


@pytest.mark.parametrize("year", [1957, 2017, 2021])
def test_streamed_blocks_are_the_whole_view(year, shared):
    """Blocks never cut at a ghost line whose neighbours the whole view joins, whatever the block size."""
    path = shared / "corpus" / "national" / f"gwr-{year}.txt"
    doc = read(path)
    assert _flanked_ghosts(doc.text)
    whole = doc.view().text
    for size in (1, 200):
        for b in view_blocks(doc.text, script=doc.script, size=size):
            assert whole[b.view_start:b.view_start + len(b.view.text)] == b.view.text, (size, b.start)


def test_invisible_characters_of_the_rule_are_format_characters():
    """The ghost line's characters beside white space are Unicode format characters (Cf)."""
    import re
    import unicodedata

    chars = [chr(c) for c in range(0x10000) if re.fullmatch(f"[{_INVISIBLE}]", chr(c))]
    assert chars and all(unicodedata.category(c) == "Cf" for c in chars)
