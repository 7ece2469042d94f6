"""Hostile and damaged files, made here as scraped archives hold them: zip bombs, XML entities,
DTDs in web pages, flipped bytes, characters cut at the end."""
from __future__ import annotations

import io
import time
import zipfile

import pytest

from policytext import ReadError, read
from policytext.docx_reader import ReadLimits, _xml

from .conftest import CORPORA, corpus_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(document_xml: str | bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", document_xml)
    return buf.getvalue()


def _speech_paragraphs(n: int = 6) -> list[str]:
    return [p for p in corpus_text("gwr-2025-p01.txt").split("\n") if len(p) > 20][:n]


def test_docx_in_document_order_with_tables():
    paras = _speech_paragraphs(3)
    table = (f'<w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc>'
             f'<w:tc><w:p><w:r><w:t>5%左右</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paras[:2]) + table + \
        f"<w:p><w:r><w:t>{paras[2]}</w:t><w:tab/><w:t>完</w:t></w:r></w:p>"
    xml = f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    doc = read(_docx(xml))
    assert doc.format == "docx"
    assert doc.text.split("\n") == [paras[0], paras[1], "指标\t5%左右", paras[2] + "\t完"]


def test_zip_bomb_is_refused_quickly():
    xml = _xml("各位代表") + " " * (200 * 1024 * 1024)  # 200 MB of XML: deflates about a thousand times
    data = _docx(xml)
    del xml
    assert len(data) < 1_000_000
    t0 = time.perf_counter()  # the refusal only: making the bomb alone takes over 10 s on a loaded machine
    with pytest.raises(ReadError, match="zip bomb|limit"):
        read(data)
    assert time.perf_counter() - t0 < 10


def test_declared_size_over_limit_is_refused():
    data = _docx(_xml(*_speech_paragraphs(6)))
    with pytest.raises(ReadError, match="over the 0 MB limit"):
        read(data, limits=ReadLimits(max_xml_bytes=200))
    assert read(data).text.split("\n") == _speech_paragraphs(6)


@pytest.mark.parametrize("entity", ["<!ENTITY xxe SYSTEM \"file:///etc/passwd\">", "<!ENTITY xxe \"外部\">"])
def test_docx_entities_are_kept_as_written_never_dropped(entity):
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [{entity}]><w:document xmlns:w="{W}"><w:body>'
           "<w:p><w:r><w:t>各位代表 [&xxe;] 结束</w:t></w:r></w:p><w:p><w:r><w:t>现在，我代表政府</w:t></w:r></w:p>"
           "</w:body></w:document>")
    doc = read(_docx(xml))
    assert doc.text == "各位代表 [&xxe;] 结束\n现在，我代表政府"
    assert "root:" not in doc.text


def test_billion_laughs_docx_is_refused_without_expanding():
    lol = "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol0 "lol">{lol}]><w:document xmlns:w="{W}">'
           "<w:body><w:p><w:r><w:t>各位代表&lol9;</w:t></w:r></w:p></w:body></w:document>")
    t0 = time.perf_counter()
    with pytest.raises(ReadError, match="XML bomb"):
        read(_docx(xml))
    assert time.perf_counter() - t0 < 2


def test_broken_docx_is_a_clear_error(tmp_path):
    data = _docx(_xml("各位代表"))
    cut = tmp_path / "cut.docx"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(ReadError, match="cut.docx: not a readable .docx"):
        read(cut)
    bad = _docx('<?xml version="1.0"?><w:document xmlns:w="%s"><w:body><w:p>' % W)
    with pytest.raises(ReadError, match="not a readable .docx"):
        read(bad)


def test_html_internal_dtd_leaves_no_fragments(tmp_path):
    pytest.importorskip("bs4")
    paras = _speech_paragraphs(3)
    lol = "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    html = (f'<!DOCTYPE html [<!ENTITY lol0 "lol">{lol}]><html><head><meta charset="utf-8"></head><body>'
            + "".join(f"<p>{p}</p>" for p in paras) + "</body></html>")
    p = tmp_path / "page.html"
    p.write_text(html, encoding="utf-8")
    doc = read(p)
    assert doc.text.split("\n") == paras
    assert "]>" not in doc.text and "ENTITY" not in doc.text and "&lol" not in doc.text


def _speech_bytes(encoding: str) -> tuple[str, bytes]:
    text = (CORPORA / "gwr-2015.txt").read_text(encoding="utf-8")[:20000]
    text = text.encode(encoding, "ignore").decode(encoding)
    text = text[: text.rindex("。")]  # ends on a Chinese character
    return text, text.encode(encoding)


def test_one_flipped_byte_is_read_and_located():
    text, data = _speech_bytes("utf-8")
    pos = len(text[:5000].encode("utf-8")) + 1  # the middle byte of a character
    damaged = data[:pos] + b"\xff" + data[pos + 1:]
    doc = read(damaged)
    assert doc.encoding == "utf-8"
    assert doc.decode_errors == (pos - 1,)  # the run starts at the character's first byte
    assert doc.text.count("\ufffd") == 1
    assert doc.text[:5000] == text[:5000] and doc.text[5001:] == text[5001:]
    with pytest.raises(ReadError, match=f"offset {pos - 1}"):
        read(damaged, strict=True)


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_character_cut_at_the_end(encoding):
    text, data = _speech_bytes(encoding)
    doc = read(data[:-1])
    assert doc.encoding == encoding
    assert doc.text == text[:-1] + "\ufffd"
    assert len(doc.decode_errors) == 1


def test_big5_with_a_damaged_byte():
    text = corpus_text("gwr-1954.txt")[:6000].encode("big5hkscs", "ignore").decode("big5hkscs")
    data = text.encode("big5hkscs")
    pos = len(text[:3000].encode("big5hkscs"))
    doc = read(data[:pos] + b"\xff" + data[pos + 1:])
    assert doc.encoding == "big5hkscs" and len(doc.decode_errors) == 1


def test_many_damaged_bytes_are_still_an_error():
    text, data = _speech_bytes("utf-8")
    damaged = bytearray(data)
    for i in range(100, len(damaged), 300):  # one bad byte in 300: far past one in a thousand
        damaged[i] = 0xFF
    with pytest.raises(ReadError, match="cannot decode"):
        read(bytes(damaged))


def test_one_line_file_is_cut_into_bounded_paragraphs_with_exact_offsets():
    from policytext import extract
    from policytext.normalize import MAX_PARAGRAPH

    with_lines = read(CORPORA / "gwr-2015.txt")
    flat = read(with_lines.text.replace("\n", "").encode("utf-8"))
    view = flat.view()
    assert "chunks" in view.steps
    assert max(len(line) for line in view.text.split("\n")) <= MAX_PARAGRAPH
    ex = extract(flat)
    for ind in ex.indicators:
        assert flat.text[ind.span[0]:ind.span[1]] == ind.text
    for en in ex.enumerations:  # a list item never runs over the whole file
        assert all(it.span[1] - it.span[0] <= MAX_PARAGRAPH for it in en.items)
    # the same figures as the text with its line breaks
    def figures(e):
        return [(i.value, i.unit) for i in e.indicators if i.value is not None]

    a, b = figures(extract(with_lines)), figures(ex)
    common = sum(min(a.count(x), b.count(x)) for x in set(a))
    assert common >= 0.95 * len(a)


def test_concatenated_wiki_copies_have_one_trailer_span():
    text = corpus_text("gwr-2015.txt")
    doc = read(("\n\n".join([text] * 20)).encode("utf-8"))
    assert len(doc.residue) == 1
    start, end = doc.residue[0]
    assert doc.text[start:].startswith(text[start:start + 20]) and end == len(doc.text.rstrip())
