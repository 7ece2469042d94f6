"""PDF reading: the text layer with exact offsets and pages; clear errors on bad files."""
from __future__ import annotations

import re
import time
from collections import Counter

import pytest

pytest.importorskip("pypdf")
pytest.importorskip("reportlab")

from policytext import extract, read
from policytext.pdf import read_pdf
from policytext.reading import ReadError

from .conftest import CORPORA, corpus_text
from .pdfmaker import bomb_pdf, encrypted_pdf, image_only_pdf, page_tree_loop_pdf, report_pdf


def _paragraphs(name: str, n: int = 30) -> list[str]:
    return [p.strip() for p in corpus_text(name).split("\n") if p.strip()][:n]


@pytest.fixture(scope="module")
def gwr2015_pdf(tmp_path_factory) -> tuple:
    paras = _paragraphs("gwr-2015.txt")
    path = tmp_path_factory.mktemp("pdf") / "gwr-2015.pdf"
    path.write_bytes(report_pdf(paras))
    return path, paras


def test_pdf_reads_to_a_document_with_pages(gwr2015_pdf):
    path, _ = gwr2015_pdf
    doc = read(path)
    assert doc.format == "pdf" and doc.encoding == "pdf"
    starts = doc.page_starts
    assert len(starts) > 3 and starts[0] == 0
    assert all(doc.text[s - 1] == "\f" for s in starts[1:])
    # a figure is found on the page that prints it
    i = doc.text.index("63.6万亿元")
    page = doc.page_of(i)
    assert doc.text.rfind("\f", 0, i) + 1 == starts[page - 1]
    assert f"— {page} —" in doc.text[starts[page - 1]:(starts + (len(doc.text),))[page]]


def test_pdf_text_keeps_every_character_in_order(gwr2015_pdf):
    path, paras = gwr2015_pdf
    doc = read(path)
    lines = doc.text.split("\n")
    # the running header and page number the maker prints on every page
    body = "".join(ln for i, ln in enumerate(lines) if not (ln.startswith("\f") or (i == 0 and ln == "政府工作报告")
                                                            or re.fullmatch(r"— \d+ —", ln)))
    assert "".join(body.split()) == "".join("".join(paras).split())


def test_pdf_is_recognised_by_its_header_without_suffix(gwr2015_pdf):
    path, _ = gwr2015_pdf
    doc = read(path.read_bytes())
    assert doc.format == "pdf" and doc.page_of(0) == 1


def test_encrypted_pdf_says_so():
    with pytest.raises(ReadError, match="encrypted"):
        read(encrypted_pdf())


def test_pdf_restricted_by_an_owner_password_only_is_read():
    assert read(encrypted_pdf(user_password="")).text.strip() == "各位代表："


def test_image_only_pdf_asks_for_ocr():
    with pytest.raises(ReadError, match="OCR is needed"):
        read(image_only_pdf())


def test_damaged_pdf_says_so(gwr2015_pdf):
    data = gwr2015_pdf[0].read_bytes()
    with pytest.raises(ReadError, match="damaged PDF"):
        read(data[: len(data) // 3])


def test_page_tree_loop_is_a_damaged_pdf_not_a_hang():
    t = time.monotonic()
    with pytest.raises(ReadError, match="damaged PDF"):
        read(page_tree_loop_pdf())
    assert time.monotonic() - t < 5


def test_compression_bomb_is_refused_quickly():
    data = bomb_pdf(100_000_000)
    assert len(data) < 1_000_000
    t = time.monotonic()
    with pytest.raises(ReadError, match="compression bomb"):
        read(data)
    assert time.monotonic() - t < 5


def test_reading_stops_at_the_time_limit(gwr2015_pdf):
    with pytest.raises(ReadError, match="longer than 0 s"):
        read_pdf(gwr2015_pdf[0].read_bytes(), timeout=0)


def test_page_and_char_caps(gwr2015_pdf):
    data = gwr2015_pdf[0].read_bytes()
    with pytest.raises(ReadError, match="more than the limit of 2"):
        read_pdf(data, max_pages=2)
    with pytest.raises(ReadError, match="more than 1000 characters"):
        read_pdf(data, max_chars=1000)
    assert read_pdf(data).pages > 2


# --- normalising the debris -------------------------------------------------------
def _key(ind) -> tuple:
    d = ind.to_dict()
    return d["value"], d["value_high"], d["unit"], d["kind"], str(d["change"])


@pytest.fixture(scope="module")
def gwr2015_pair():
    """The bundled 2015 report as text, and laid out as a PDF (header, page numbers, contents page) and read back."""
    text_doc = read(CORPORA / "gwr-2015.txt")
    paras = [p for p in text_doc.text.split("\n") if p.strip()]
    heads = [p for p in paras if re.match("[一二三四五六七八九十]、", p)]
    return text_doc, read(report_pdf(paras, contents=heads))


def test_pdf_report_extracts_the_records_of_its_text(gwr2015_pair):
    text_doc, pdf_doc = gwr2015_pair
    a, b = extract(text_doc).indicators, extract(pdf_doc).indicators
    same = sum((Counter(map(_key, a)) & Counter(map(_key, b))).values())
    assert len(a) > 50 and same >= 0.95 * len(a) and len(b) <= 1.05 * len(a)
    for ind in b:  # offsets exact into the PDF's text, and every indicator on a page
        assert pdf_doc.text[ind.span[0]:ind.span[1]] == ind.text
        assert 1 <= pdf_doc.page_of(ind.span) <= len(pdf_doc.page_starts)
        assert pdf_doc.page_label(ind.span) == str(pdf_doc.page_of(ind.span))  # the maker prints the viewer's count


def test_sentences_broken_by_printed_lines_and_pages_are_joined(gwr2015_pair):
    _, pdf_doc = gwr2015_pair
    inds = extract(pdf_doc).indicators
    broken = [i for i in inds if "\n" in i.text]  # mentions the printed lines cut in two
    assert broken
    view = pdf_doc.view()
    for ind in broken:
        s, e = view.to_view(ind.span)
        assert "\n" not in view.text[s:e] and "\f" not in view.text[s:e]


def test_pdf_furniture_and_contents_are_residue(gwr2015_pair):
    _, doc = gwr2015_pair
    for s in doc.page_starts[1:]:
        assert doc.in_residue(s - 1)  # the form feed
    for m in re.finditer(r"— \d+ —", doc.text):
        assert doc.in_residue(m.start())
    toc = doc.text.index("目录")
    first_page_end = doc.page_starts[1]
    assert all(doc.in_residue(p) for p in range(toc, first_page_end - 1) if not doc.text[p].isspace())
    ex = extract(doc)
    assert not [e for e in ex.enumerations if e.span[0] < first_page_end]
    assert not [i for i in ex.indicators if i.span[0] < first_page_end]


def test_pdftotext_dump_is_normalised(shared):
    """A policy address dumped from its PDF: letter-spaced lines, page numbers, a contents page."""
    doc = read(shared / "corpus" / "hongkong" / "policy-address-2014-from-pdf.txt")
    assert len(doc.page_starts) > 40
    view = doc.view("original")
    assert "pdf" in view.steps
    assert "使超過41萬長者受惠" in view.text  # letter spaces gone, the line break inside the clause joined
    assert not re.search("[\u4e00-\u9fff] [\u4e00-\u9fff]", view.text[view.text.index("主席、各位議員"):])
    ex = extract(doc)
    body = doc.text.index("主 席、各位議員")
    assert not [i for i in ex.indicators if i.span[0] < body]  # the contents' paragraph ranges are no figures
    ind = next(i for i in ex.indicators if i.value == 114e8)
    assert doc.text[ind.span[0]:ind.span[1]] == ind.text
    page = doc.page_of(ind.span)
    printed = [doc.text[s:e] for s, e in doc.residue if doc.page_of(s) == page and doc.text[s:e].strip().isdigit()]
    assert printed == ["1"]  # the page the figure is on prints the number 1, after a cover and a contents
    assert doc.page_label(ind.span) == "1" and page > 1


def test_figures_spaced_out_by_justified_lines_are_read_whole(shared):
    """Letter spacing doubles a thousands space (16  700), and spaces out a comma or a decimal point (14, 400; 2. 6%)."""
    doc = read(shared / "corpus" / "hongkong" / "policy-address-2014-from-pdf.txt")
    found = {(i.value, i.unit, i.change.value if i.change else None): i for i in extract(doc).indicators}
    for key, written in [((16700, "名", None), "16  700 名"), ((14400, "港元", None), "14, 400 元"),
                         ((3700000, "吨", 2.6), "2. 6%"), ((0.05, "%", 0.45), "0. 05%")]:
        assert key in found and written in found[key].text
        assert doc.text[found[key].span[0]:found[key].span[1]] == found[key].text


def test_cid_font_without_pypdfium2_says_what_to_install(tmp_path, monkeypatch):
    """Without pypdfium2 such pages are refused with the remedy, never given as pypdf's garbage."""
    import sys

    from .pdfmaker import unmapped_cid_pdf

    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # import fails as if not installed
    path = tmp_path / "distilled.pdf"
    path.write_bytes(unmapped_cid_pdf())
    with pytest.raises(ReadError, match=r"no Unicode map.*pip install 'policytext\[pdf\]'"):
        read(path)


def test_heading_after_a_full_line_that_ends_a_sentence_stays_apart():
    """Page 6 of the 2014 Hong Kong policy address as PDFium reads it: no blank lines, and the paragraph before
    the heading 物流業 ends on a full line; the heading is not joined to it, the broken sentences are."""
    from policytext.align import Step
    from policytext.layout import layout_edits

    page = ("\f6\n品牌；（四）為支援業界打進新興市場和重點經濟體系，探討設\n"
            "立 利 便 營 商 資 訊 平 台 的 可 行 性 ， 協 助 香 港 專 業 服 務 業 尋 找 商\n"
            "機；以及（五）促進跨界別專業服務的綜合發展，考慮在世界各\n"
            "地設立策略性據點，提供資源援助及諮詢服務的可行性。\n物流業\n"
            "27. 近年物流服務業日趨蓬勃。政府已在屯門西預留10公頃\n"
            "土 地 作 為 物 流 用 地 ， 也 會 在 新 發 展 區 ， 劃 出 土 地 發 展 現 代 物\n"
            "流。在航空貨運方面，香港國際機場在過去10年均為全球最繁\n"
            "忙的國際貨運機場。在去年首11個月，機場的貨運量為370萬公\n"
            "噸，較2012年同期上升2. 6%。另外，隨着第三個機場空運貨站\n")
    view = Step.from_replacements(page, layout_edits(page)).target
    assert "諮詢服務的可行性。\n物流業\n27.近年物流服務業日趨蓬勃" in view
    assert "探討設立利便營商資訊平台" in view and "劃出土地發展現代物流。" in view and "上升2.6%" in view


def test_lines_of_an_item_set_with_a_hanging_indent_are_joined():
    """Page 11 of the 2014 Hong Kong policy address as PDFium reads it: items (1) (2) (3) set 22-24 cells wide
    on a page 28 wide; their lines are joined as the page's are, and each item stays apart."""
    from policytext.align import Step
    from policytext.layout import layout_edits

    page = ("\f10\n續就業，有助防止他們跌入綜合社會保障援助（綜援）的安全\n網。\n"
            "51. 二、特別關顧這些家庭的兒童和青年，為他們提供適切\n的支援，促進向上流動，打破跨代貧窮的惡性循環。\n"
            "52. 建 議 的 「 低 收 入 在 職 家 庭 津 貼 」 將 建 基 於 以 下 三 大 原\n則：\n"
            "(1) 基本津貼會以家庭為單位，與就業及工時掛鈎，鼓\n勵自力更生，多勞多得。家中有合資格兒童和青年\n"
            "會獲發額外津貼；\n(2) 為確保資源有效運用，設有入息和資產審查，水平\n可較為寛鬆；以及\n\f11\n"
            "(3) 計劃的設計會盡量簡單易明，同時有適當的防止濫\n用機制。\n"
            "53. 政府已在屯門西預留10公頃土地作為物流用地，也會在新\n發展區，劃出土地發展現代物流。在航空貨運方面，香港國際\n"
            "機場在過去10年均為全球最繁忙的國際貨運機場。在去年首\n11個月，機場的貨運量為370萬公噸。\n")
    view = Step.from_replacements(page, layout_edits(page)).target
    assert "(1) 基本津貼會以家庭為單位，與就業及工時掛鈎，鼓勵自力更生，多勞多得。家中有合資格兒童和青年會獲發額外津貼；\n" in view
    assert "\n(2) 為確保資源有效運用，設有入息和資產審查，水平可較為寛鬆；以及\n(3) " in view
    assert "防止濫用機制。\n53." in view and "大原則：\n(1) " in view


def _real_pairs() -> list:
    """Published PDFs with their web text beside them (``X.pdf`` + ``X.txt``): tests/data, or $POLICYTEXT_REAL_PDFS."""
    import os
    from pathlib import Path

    folders = [Path(__file__).parent / "data"] + [Path(p) for p in os.environ.get("POLICYTEXT_REAL_PDFS", "").split(os.pathsep) if p]
    return sorted(p for f in folders if f.is_dir() for p in f.glob("*.pdf") if p.with_suffix(".txt").exists())


def test_cid_font_without_unicode_map_is_read_through_the_character_collection(tmp_path):
    """Identity-H CID fonts without a ToUnicode map (Distiller's Chinese PDFs; the 2014 Hong Kong policy
    address): pypdf alone writes CIDs as code points; policytext reads those pages with PDFium."""
    import io

    from pypdf import PdfReader

    from policytext.pdf import unmapped_cid_font

    from .pdfmaker import unmapped_cid_pdf

    pytest.importorskip("pypdfium2")
    data = unmapped_cid_pdf()
    reader = PdfReader(io.BytesIO(data))
    assert "国内生产总值" not in reader.pages[0].extract_text()  # what pypdf alone gives
    assert unmapped_cid_font(reader.pages[0]) == "/STSong-Light"
    path = tmp_path / "distilled.pdf"
    path.write_bytes(data)
    doc = read(path)
    assert doc.text.split("\f")[1] == "国内生产总值增长5.2%，城镇新增就业1244万人。"
    ex = extract(doc)
    jobs = next(i for i in ex.indicators if i.value == 12440000)
    assert doc.text[jobs.span[0]:jobs.span[1]] == jobs.text and doc.page_of(jobs.span) == 1
    assert any(i.change and i.change.value == 5.2 for i in ex.indicators)
    assert unmapped_cid_font(PdfReader(io.BytesIO(report_pdf(["各位代表："]))).pages[0]) is None  # mapped fonts stay with pypdf


@pytest.mark.parametrize("pdf_path", _real_pairs() or [pytest.param(None, marks=pytest.mark.skip(
    reason="no published PDF with its text version (X.pdf beside X.txt) in tests/data or $POLICYTEXT_REAL_PDFS "
           "(README, PDF: how to get the 2014 Hong Kong policy address)"))])
def test_published_pdf_extracts_the_records_of_its_web_text(pdf_path):
    """At least 95 % of the text version's indicators (value, unit, kind, change), each span exact, each page known."""
    pdf_doc, text_doc = read(pdf_path), read(pdf_path.with_suffix(".txt"))
    a, b = extract(text_doc).indicators, extract(pdf_doc).indicators
    same = sum((Counter(map(_key, a)) & Counter(map(_key, b))).values())
    assert same >= 0.95 * len(a), f"{same} of {len(a)} indicators of the web text found in the PDF"
    for ind in b:
        assert pdf_doc.text[ind.span[0]:ind.span[1]] == ind.text and pdf_doc.page_of(ind.span)


_CJK_FONTS = ["/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
              "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/truetype/arphic/uming.ttc"]


def test_embedded_font_letter_spaced_pdf_extracts_the_records_of_its_text():
    """An embedded TrueType subset with a ToUnicode map, as word processors write (when the machine has a CJK font)."""
    import os

    from .pdfmaker import truetype

    path = next((f for f in _CJK_FONTS if os.path.exists(f)), None)
    if path is None:
        pytest.skip("no CJK TrueType font on this machine (e.g. apt-get install fonts-wqy-zenhei)")
    text_doc = read(CORPORA / "gwr-2015.txt")
    paras = [p for p in text_doc.text.split("\n") if p.strip()]
    pdf_doc = read(report_pdf(paras, font=truetype(path), letter_spaced=True))
    a, b = extract(text_doc).indicators, extract(pdf_doc).indicators
    same = sum((Counter(map(_key, a)) & Counter(map(_key, b))).values())
    assert same >= 0.95 * len(a)
    assert all(pdf_doc.text[i.span[0]:i.span[1]] == i.text and pdf_doc.page_of(i.span) for i in b)


def test_cli_extracts_the_pdfs_of_a_folder(tmp_path, gwr2015_pdf):
    import json

    from policytext.cli import main

    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "report.pdf").write_bytes(gwr2015_pdf[0].read_bytes())
    (folder / "scan.pdf").write_bytes(image_only_pdf())
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(folder), "-o", str(out)]) == 1  # the scan fails, saying why
    rows = {r["source"].rsplit("/", 1)[-1]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert "OCR is needed" in rows["scan.pdf"]["reason"]
    assert any(i["text"] == "63.6万亿元" or "63.6万亿元" in i["text"] for i in rows["report.pdf"]["indicators"])
