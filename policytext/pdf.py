"""Reading the text layer of a PDF, page by page, within limits.

A published report's PDF carries its text in a text layer; :func:`read_pdf`
takes it out with pypdf (pure Python: of the three libraries measured in
``benchmarks/bench_pdf.py`` the only one that lost no character and added no
space on CJK reports; pypdfium2 was 3-6x faster but dropped one-glyph strings,
pdfminer.six spaced out letter-spaced lines and was slowest).  The text of each page is kept as extracted
(line breaks ``\\r\\n`` made ``\\n``); pages are joined by ``\\n\\f`` as
``pdftotext`` joins them, so a form feed opens every page after the first
and :attr:`PdfText.page_starts` (or ``Document.page_of``) tells which page
any offset is on.

Bad files raise :class:`~policytext.reading.ReadError` with the reason: an
encrypted file, one without a text layer (scanned pages: OCR is needed), a
damaged one.  Hostile files are bounded: a stream that inflates past
``max_stream_bytes`` is refused before PDFium parses it, and pages, characters
and seconds are capped.

>>> from policytext.pdf import join_pages
>>> text, starts = join_pages(["各位代表：\\r\\n现在，", "我代表国务院"])
>>> text.split("\\f"), starts
(['各位代表：\\n现在，\\n', '我代表国务院'], (0, 11))
"""
from __future__ import annotations

import io
import re
import time
import zlib
from dataclasses import dataclass
from typing import Optional, Sequence

from .reading import ReadError

__all__ = ["PdfText", "read_pdf", "join_pages", "unmapped_cid_font", "PAGE_BREAK"]

PAGE_BREAK = "\n\f"  # between two pages, as pdftotext writes it

MAX_PAGES = 5000
MAX_CHARS = 20_000_000
MAX_STREAM_BYTES = 64 * 1024 * 1024
TIMEOUT = 120.0


@dataclass(frozen=True)
class PdfText:
    """The text layer of a PDF: its pages joined, and where each page starts."""

    text: str
    page_starts: tuple[int, ...]

    @property
    def pages(self) -> int:
        return len(self.page_starts)


def join_pages(pages: Sequence[str]) -> tuple[str, tuple[int, ...]]:
    """Join page texts with :data:`PAGE_BREAK`; return the text and each page's start offset.

    ``\\r\\n`` and ``\\r`` become ``\\n``; a form feed inside a page becomes
    ``\\n`` so that form feeds mark page breaks only.
    """
    parts, starts, pos = [], [], 0
    for i, page in enumerate(pages):
        if i:
            parts.append(PAGE_BREAK)
            pos += len(PAGE_BREAK)
        page = page.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\x00", "")
        starts.append(pos)
        parts.append(page)
        pos += len(page)
    return "".join(parts), tuple(starts)


_STREAM = re.compile(rb"(?<!end)stream\r?\n")


def check_streams(data: bytes, limit: int = MAX_STREAM_BYTES, source: Optional[str] = None) -> None:
    """Refuse a PDF with a Flate stream that inflates past ``limit`` bytes.

    A compression bomb (a few hundred kB that inflate to gigabytes of content)
    would make PDFium parse for minutes; inflating each stream here, stopping
    at ``limit``, costs one pass of zlib over the file.
    """
    view = memoryview(data)
    for m in _STREAM.finditer(data):
        head = data[max(0, m.start() - 400):m.start()]
        if b"Fl" not in head:  # /FlateDecode or its abbreviation /Fl
            continue
        end = data.find(b"endstream", m.end())
        end = len(data) if end < 0 else end
        try:
            out = zlib.decompressobj().decompress(view[m.end():end], limit + 1)
        except zlib.error:
            continue  # not Flate after all, or damaged: PDFium will judge
        if len(out) > limit:
            raise ReadError(source, f"a stream at byte {m.end()} inflates past {limit // 2**20} MB: "
                            "refused as a likely compression bomb")


def _open(data: bytes, source: Optional[str]):
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError:
        raise ReadError(source, "reading PDF needs pypdf: pip install 'policytext[pdf]'") from None
    if b"%%EOF" not in data[-4096:]:
        raise ReadError(source, "a damaged PDF: truncated (no end-of-file marker)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError(source, "an encrypted (password-protected) PDF: its text cannot be read without the password")
        return reader
    except ReadError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, IndexError, RecursionError) as e:
        if "decrypt" in str(e).lower() or "cryptography" in str(e).lower():
            raise ReadError(source, f"an encrypted PDF that cannot be decrypted here ({e})") from None
        raise ReadError(source, f"a damaged PDF that cannot be opened ({e})") from None


_PAGE_ERRORS: tuple = (ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError, AssertionError)


def _fonts(resources, depth: int = 0):
    """The font dictionaries of a resource dictionary and of the form XObjects it draws (three levels deep)."""
    resources = resources.get_object() if resources is not None else None
    if not hasattr(resources, "get") or depth > 3:
        return
    fonts = resources.get("/Font")
    fonts = fonts.get_object() if fonts is not None else None
    for font in (fonts.values() if hasattr(fonts, "values") else ()):
        yield font.get_object()
    xobjects = resources.get("/XObject")
    xobjects = xobjects.get_object() if xobjects is not None else None
    for xo in (xobjects.values() if hasattr(xobjects, "values") else ()):
        xo = xo.get_object()
        if hasattr(xo, "get") and xo.get("/Subtype") == "/Form":
            yield from _fonts(xo.get("/Resources"), depth + 1)


def unmapped_cid_font(page) -> Optional[str]:
    """The name of a font on ``page`` whose characters pypdf cannot map to Unicode, or None.

    A composite font with the ``Identity-H``/``Identity-V`` encoding and no
    ``ToUnicode`` map gives CIDs of a character collection (Adobe-CNS1 for
    Traditional Chinese, Adobe-GB1 for Simplified), which only Adobe's
    CID-to-Unicode tables turn into text: pypdf has none and writes each CID
    as a code point (the Hong Kong policy address of 2014, set in DFMingHK
    by Acrobat Distiller, comes out as ``ۜ ೠ ʿ``).  PDFium carries those
    tables.
    """
    for font in _fonts(page.get("/Resources")):
        if (hasattr(font, "get") and font.get("/Subtype") == "/Type0" and "/ToUnicode" not in font
                and font.get("/Encoding") in ("/Identity-H", "/Identity-V")):
            return str(font.get("/BaseFont", "?"))
    return None


def _pdfium_page(data: bytes, docs: list, i: int, source: Optional[str]) -> str:
    """The text of page ``i`` read by PDFium (the document opened once, kept in ``docs``)."""
    try:
        import pypdfium2
    except ImportError:
        raise ReadError(source, "this PDF's fonts carry no Unicode map; reading them needs pypdfium2: "
                        "pip install 'policytext[pdf]'") from None
    try:
        if not docs:
            docs.append(pypdfium2.PdfDocument(data))
        page = docs[0][i]
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        textpage.close()
        page.close()
        return text
    except pypdfium2.PdfiumError as e:
        raise ReadError(source, f"a damaged PDF: page {i + 1} cannot be read ({e})") from None


def _page_texts(reader, data: bytes, source: Optional[str], max_pages: int, max_chars: int, timeout: float) -> list[str]:
    from pypdf.errors import PyPdfError

    try:
        n = len(reader.pages)
    except (PyPdfError,) + _PAGE_ERRORS as e:
        raise ReadError(source, f"a damaged PDF: its page tree cannot be read ({e})") from None
    if n > max_pages:
        raise ReadError(source, f"{n} pages, more than the limit of {max_pages}")
    deadline = time.monotonic() + timeout
    pages: list[str] = []
    chars = 0
    pdfium_docs: list = []
    try:
        for i in range(n):
            try:
                page = reader.pages[i]
                if unmapped_cid_font(page):
                    pages.append(_pdfium_page(data, pdfium_docs, i, source))
                else:
                    pages.append(page.extract_text() or "")
            except (PyPdfError,) + _PAGE_ERRORS as e:
                raise ReadError(source, f"a damaged PDF: page {i + 1} cannot be read ({e})") from None
            chars += len(pages[-1])
            if chars > max_chars:
                raise ReadError(source, f"more than {max_chars} characters of text by page {i + 1}: refused")
            if time.monotonic() > deadline:
                raise ReadError(source, f"reading took longer than {timeout:g} s (stopped at page {i + 1} of {n})")
    finally:
        for doc in pdfium_docs:
            doc.close()
    return pages


def read_pdf(data: bytes, source: Optional[str] = None, *, max_pages: int = MAX_PAGES, max_chars: int = MAX_CHARS,
             max_stream_bytes: int = MAX_STREAM_BYTES, timeout: float = TIMEOUT) -> PdfText:
    """Read the text layer of a PDF (bytes).

    Raises ReadError for an encrypted, damaged or image-only PDF, and when a
    limit is passed (more than ``max_pages`` pages or ``max_chars``
    characters, ``timeout`` seconds, a stream inflating past
    ``max_stream_bytes``).
    """
    check_streams(data, max_stream_bytes, source)
    pages = _page_texts(_open(data, source), data, source, max_pages, max_chars, timeout)
    n = len(pages)
    if not any(p.strip() for p in pages):
        raise ReadError(source, f"no text layer in {n} page(s): scanned images, OCR is needed")
    return PdfText(*join_pages(pages))
