"""PDF reading: the text layer with exact offsets and pages; clear errors on bad files."""
from __future__ import annotations

import re
import time

import pytest

pytest.importorskip("pypdf")
pytest.importorskip("reportlab")

from policytext import read  # noqa: E402
from policytext.pdf import read_pdf  # noqa: E402
from policytext.reading import ReadError  # noqa: E402

from .conftest import corpus_text  # noqa: E402
from .pdfmaker import bomb_pdf, encrypted_pdf, image_only_pdf, page_tree_loop_pdf, report_pdf  # noqa: E402


def _paragraphs(name: str, n: int = 30) -> list[str]:
    return [p.strip() for p in corpus_text(name).split("\n") if p.strip()][:n]


@pytest.fixture(scope="module")
def gwr2015_pdf(tmp_path_factory) -> tuple:
    paras = _paragraphs("gwr-2015.txt")
    path = tmp_path_factory.mktemp("pdf") / "gwr-2015.pdf"
    path.write_bytes(report_pdf(paras))
    return path, paras


def test_pdf_reads_to_a_document_with_pages(gwr2015_pdf):
    path, paras = gwr2015_pdf
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
    data = bomb_pdf(200_000_000)
    assert len(data) < 1_000_000
    t = time.monotonic()
    with pytest.raises(ReadError, match="compression bomb"):
        read(data)
    assert time.monotonic() - t < 5


def test_page_and_char_caps(gwr2015_pdf):
    data = gwr2015_pdf[0].read_bytes()
    with pytest.raises(ReadError, match="more than the limit of 2"):
        read_pdf(data, max_pages=2)
    with pytest.raises(ReadError, match="more than 1000 characters"):
        read_pdf(data, max_chars=1000)
    assert read_pdf(data).pages > 2
