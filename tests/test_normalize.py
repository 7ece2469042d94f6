"""Normalisation, script detection, Taiwan-phrase repair and scrape residue on real speeches."""
from __future__ import annotations

import pytest

from policytext import Converter, Document, detect_script, normalize, read, residue_lines
from policytext.normalize import fold_width, needs_taiwan_repair

from .conftest import CORPORA

SEED = CORPORA / "seed-county-cadre-speech.txt"


@pytest.fixture(scope="module")
def seed():
    return read(SEED)


def test_seed_is_machine_converted_traditional(seed):
    assert seed.script == "traditional"
    assert seed.script_evidence.traditional_chars > 1000
    assert seed.machine_converted


def test_seed_simplified_view_reads_as_the_original(seed):
    v = seed.view("simplified").text
    for want in ("宏观", "项目", "支持", "网络", "软硬件", "设置", "集群", "带着"):
        assert want in v, want
    # what OpenCC's own tw2sp would wrongly produce
    for wrong in ("指针", "内核区", "添加纳税", "创建健全", "智能", "运行", "视在线"):
        assert wrong not in v, wrong
    for kept in ("指标", "核心区", "新增纳税", "建立健全", "智慧", "执行"):
        assert kept in v, kept


def test_opencc_tw2sp_really_makes_those_errors(seed):
    """The reason for our own repair table: OpenCC's tw2sp (its config, its dictionaries), on the same text."""
    out = Converter.get("tw2sp").convert(seed.text)
    for wrong in ("指针", "内核区", "添加纳税", "创建健全"):
        assert wrong in out, wrong


def test_repair_can_be_switched(seed):
    off = Document(seed.text).view("simplified", repair=False).text
    assert "巨集观" in off and "专案" in off
    on = Document(seed.text).view("simplified", repair=True).text
    assert "宏观" in on


def test_genuine_taiwanese_text_keeps_its_words():
    # a Taiwanese address: 專案 and 支援 are its own words
    text = "行政院今年將推動數位轉型專案，支援中小企業，立法院已審議通過相關預算，臺灣經濟持續成長。"
    assert not needs_taiwan_repair(text)
    v = normalize(text, script="simplified").text
    assert "专案" in v and "支援" in v


def test_script_detection_on_the_corpus():
    assert read(CORPORA / "gwr-1954.txt").script == "traditional"
    assert read(CORPORA / "gwr-2015.txt").script == "simplified"
    assert read(CORPORA / "gwr-2019-s2twp.txt").script == "traditional"
    mixed = read(CORPORA / "gwr-2015.txt").text[:3000] + read(CORPORA / "gwr-1954.txt").text[:3000]
    ev = detect_script(mixed)
    assert ev.script == "mixed" and ev.traditional_chars and ev.simplified_chars


def test_width_folding_on_1985_report():
    doc = read(CORPORA / "gwr-1985.txt")
    v = doc.view().text
    assert "７．９％" in doc.text and "7.9%" in v
    i = v.index("7.9%")
    assert doc.view().original_text((i, i + 4)) == "７．９％"
    assert fold_width("２０１２年") == "2012年"


def test_soft_breaks_joined_in_wiki_layout():
    v = read(CORPORA / "gwr-1954.txt").view().text
    assert "它同联合国宪章的宗旨" in v
    v97 = read(CORPORA / "gwr-1997.txt").view().text
    assert "\n一是企业管理体制" in v97  # the marker alone on its line rejoins its item


def test_paragraph_per_line_layout_keeps_paragraphs():
    doc = read(CORPORA / "gwr-2025-p01.txt")
    v = doc.view().text
    assert v.count("\n") >= doc.text.count("\n") - 3
    assert "\n  一、2024年工作回顾" in v or "\n一、2024年工作回顾" in v.replace("  ", "")


@pytest.mark.parametrize("target", ["traditional", "taiwan", "hongkong"])
def test_simplified_to_traditional_views(target):
    doc = read(CORPORA / "gwr-2015.txt")
    v = doc.view(target)
    assert "國內生產總值" in v.text
    i = v.text.index("國內生產總值")
    assert doc.view(target).original_text((i, i + 6)) == "国内生产总值"


def test_taiwan_view_uses_taiwan_phrases_and_maps_back():
    doc = Document.from_text("加强软件和信息服务，推进项目建设。")
    v = doc.view("taiwan")
    assert "軟體" in v.text and "資訊" in v.text and "專案" in v.text


def test_residue_marked_not_deleted(seed):
    lines = [seed.text[s:e] for s, e in seed.residue]
    assert "來源:瑞文範文網 1.5W" in lines and "熱門標籤" in lines
    wiki = read(CORPORA / "gwr-2015.txt")
    first = wiki.text[wiki.residue[0][0]:wiki.residue[0][1]]
    assert first.startswith("本作品是中华人民共和国的")
    assert wiki.residue[-1][1] <= len(wiki.text)
    assert "现在，我代表国务院" not in "".join(wiki.text[s:e] for s, e in wiki.residue)
    assert residue_lines("国内生产总值增长7%\n2.5\n") == []


def test_web_page_residue_lines():
    lines = ["当前位置：首页 > 政务公开 > 政府工作报告", "发布时间：2025-01-20 09:30", "浏览次数：1234",
             "【字体：大 中 小】", "各位代表：", "现在，我代表市人民政府，向大会报告工作。", "打印本页 关闭窗口", "责任编辑：王某"]
    text = "\n".join(lines)
    marked = [text[s:e] for s, e in residue_lines(text)]
    assert "各位代表：" not in marked and lines[5] not in marked
    assert set(marked) == set(lines) - {"各位代表：", lines[5]}


def test_hard_wrapped_text_reads_as_the_unwrapped_one():
    # the 2015 report as a fixed-width page saves it: 36 characters a line, no blank lines
    import textwrap

    from policytext import extract

    text = (CORPORA / "gwr-2015.txt").read_text(encoding="utf-8")
    paras = [p.strip() for p in text.split("\n") if p.strip()][:60]
    flat = "\n".join(paras)
    wrapped = "\n".join("\n".join(textwrap.wrap(p, 36)) for p in paras)
    assert wrapped.count("\n") > 2 * flat.count("\n")
    a, b = extract(Document.from_text(flat)), extract(Document.from_text(wrapped))
    assert [(i.name, i.value, i.change and i.change.value) for i in a.indicators] == \
           [(i.name, i.value, i.change and i.change.value) for i in b.indicators]
    assert [len(e.items) for e in a.enumerations] == [len(e.items) for e in b.enumerations]
    for i in b.indicators:
        assert wrapped[i.span[0]:i.span[1]] == i.text
