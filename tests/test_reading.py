"""Reading: every encoding archives hold, built from real speeches; Word and web pages; clear errors."""
from __future__ import annotations

import codecs

import pytest

from policytext import ReadError, read
from policytext.reading import decode

from .conftest import CORPORA, corpus_text


def _paragraphs(name: str, encoding: str, n: int = 12) -> str:
    """Real paragraphs of a bundled speech that the encoding can hold."""
    out = []
    for para in corpus_text(name).split("\n"):
        if len(para) < 20:
            continue
        try:
            para.encode(encoding)
        except UnicodeEncodeError:
            continue
        out.append(para)
        if len(out) == n:
            break
    assert out, f"no paragraph of {name} fits {encoding}"
    return "\n".join(out)


SIMPLIFIED = "gwr-2015.txt"
TRADITIONAL = "gwr-1954.txt"


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "gb2312"])
def test_gb_family(tmp_path, encoding):
    text = _paragraphs(SIMPLIFIED, encoding)
    p = tmp_path / f"speech-{encoding}.txt"
    p.write_bytes(text.encode(encoding))
    doc = read(p)
    assert doc.text == text
    assert doc.encoding == "gb18030"  # GB18030 is a superset of GBK and GB2312
    assert doc.script == "simplified"


@pytest.mark.parametrize("encoding", ["big5", "big5hkscs", "cp950"])
def test_big5_family(tmp_path, encoding):
    text = _paragraphs(TRADITIONAL, encoding)
    p = tmp_path / "speech-big5.txt"
    p.write_bytes(text.encode(encoding))
    doc = read(p)
    assert doc.text == text
    assert doc.encoding == "big5hkscs"
    assert doc.script == "traditional"


def test_big5_seed_speech(tmp_path):
    # the scraped county speech, as a Taiwanese site would serve it
    text = _paragraphs("seed-county-cadre-speech.txt", "big5hkscs", 20)
    doc = read(text.encode("big5hkscs"))
    assert doc.text == text and doc.encoding == "big5hkscs"


@pytest.mark.parametrize(
    "bom,encoding",
    [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
     (codecs.BOM_UTF32_LE, "utf-32-le")],
)
def test_boms_are_stripped(bom, encoding):
    text = _paragraphs(SIMPLIFIED, "utf-8", 5)
    doc = read(bom + text.encode(encoding))
    assert doc.text == text
    assert not doc.text.startswith("\ufeff")


def test_plain_utf8_and_newlines():
    text = _paragraphs(SIMPLIFIED, "utf-8", 5)
    crlf = text.replace("\n", "\r\n").encode("utf-8")
    cr = text.replace("\n", "\r").encode("utf-8")
    assert read(crlf).text == text
    assert read(cr).text == text
    assert read(text.encode("utf-8")).encoding == "utf-8"


def test_utf16_without_bom():
    text = _paragraphs(SIMPLIFIED, "utf-8", 3)
    doc = read(text.encode("utf-16-le"))
    assert doc.text == text


def test_full_width_digits_survive_reading():
    doc = read(CORPORA / "gwr-1985.txt")
    assert "７．９％" in doc.text  # reading changes nothing but BOM and newlines


def test_docx(tmp_path):
    docx = pytest.importorskip("docx")
    paras = corpus_text("gwr-2025-p01.txt").split("\n")[:8]
    d = docx.Document()
    for p in paras:
        d.add_paragraph(p)
    path = tmp_path / "report.docx"
    d.save(path)
    doc = read(path)
    assert doc.format == "docx"
    assert doc.text.split("\n") == paras


def test_html_saved_page_in_gbk(tmp_path):
    pytest.importorskip("bs4")
    paras = _paragraphs(SIMPLIFIED, "gbk", 4).split("\n")
    body = "".join(f"<p>{p}</p>\n" for p in paras)
    html = (
        '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        "<title>政府工作报告</title><script>var x = '广告';</script></head>"
        f"<body><div class='nav'>首页 &gt; 时政</div>{body}</body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("gbk"))
    doc = read(path)
    assert doc.format == "html"
    lines = doc.text.split("\n")
    for p in paras:
        assert p in lines  # paragraphs kept as lines
    assert "广告" not in doc.text  # scripts dropped


def test_binary_file_is_a_clear_error(tmp_path):
    p = tmp_path / "scan.txt"
    p.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(ReadError) as e:
        read(p)
    assert "scan.txt" in str(e.value) and "binary" in str(e.value)


def test_mojibake_does_not_pass(tmp_path):
    # a GBK file cut in the middle of a character, then garbage: not UTF-8, not GB, not Big5
    p = tmp_path / "broken.txt"
    p.write_bytes(b"\x81\x30\xff\xfe\xfa\x00\x01" * 50)
    with pytest.raises(ReadError) as e:
        read(p)
    assert "broken.txt" in str(e.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        read(tmp_path / "nope.txt")
    with pytest.raises(ReadError, match="folder"):
        read(tmp_path)


def test_truncated_pdf_is_a_damaged_pdf(tmp_path):
    pytest.importorskip("pypdf")
    p = tmp_path / "report.pdf"
    p.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    with pytest.raises(ReadError, match="damaged PDF"):
        read(p)


def test_wrong_declared_encoding_is_an_error():
    with pytest.raises(ReadError, match="not valid utf-8"):
        decode("国内生产总值".encode("gbk"), "x.txt", "utf-8")


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    assert read(p).text == ""


def _short_lines(n: int = 80) -> list[str]:
    """Short real lines (headings, list items) of the bundled speeches: the hard case for guessing."""
    out = []
    for name in ("gwr-2015.txt", "gwr-2025-p01.txt", "gwr-1997.txt"):
        for line in corpus_text(name).split("\n"):
            line = line.strip()
            if 2 <= len(line) <= 14 and any("\u4e00" <= c <= "\u9fff" for c in line):
                out.append(line)
    return out[:n]


def test_short_texts_decode_right_in_both_families():
    from policytext import Converter

    s2t = Converter.get("s2t").convert
    wrong = []
    for line in _short_lines():
        for text, enc in ((line, "gbk"), (s2t(line), "big5hkscs")):
            try:
                data = text.encode(enc)
            except UnicodeEncodeError:
                continue
            if decode(data)[0] != text:
                wrong.append((enc, text))
    assert not wrong, wrong
