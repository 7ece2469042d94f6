"""Test PDFs made on the spot with reportlab and its built-in CID font (no font file).

A report is laid out as print shops lay out work reports: fixed-width lines
broken mid-sentence, a running header and a page number on every page, and,
when asked, justified lines whose characters are spread apart (the
letter-spaced lines of a PDF's text layer) and a contents page.
"""
from __future__ import annotations

import io
import zlib
from typing import Optional, Sequence

FONT = "STSong-Light"


def _canvas(buf, **kw):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return canvas.Canvas(buf, pagesize=(595, 842), **kw)


def wrap(paragraphs: Sequence[str], width: int = 34) -> list[str]:
    """Break paragraphs into lines of ``width`` characters (indent of two), as a typesetter would."""
    lines = []
    for p in paragraphs:
        p = "\u3000\u3000" + p.strip()
        lines += [p[i:i + width] for i in range(0, len(p), width)]
    return lines


def truetype(path: str) -> str:
    """Register a CJK TrueType font (embedded as a subset with a ToUnicode map, as word processors do); its name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = "Embedded-" + path.rsplit("/", 1)[-1].split(".")[0]
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, path, subfontIndex=0) if path.endswith(".ttc") else TTFont(name, path))
    return name


def report_pdf(paragraphs: Sequence[str], *, header: Optional[str] = "政府工作报告", letter_spaced: bool = False,
               contents: Optional[Sequence[str]] = None, width: int = 34, lines_per_page: int = 36,
               font: str = FONT, **canvas_kw) -> bytes:
    """A PDF of ``paragraphs``: header and page number on every page, optionally a contents page first.

    ``font`` is the built-in CID font (no file, no ToUnicode map) unless a
    :func:`truetype` font is named.
    """
    buf = io.BytesIO()
    c = _canvas(buf, **canvas_kw)
    pages: list[list[str]] = []
    if contents:
        pages.append(["目录"] + [f"{t}{'.' * 8}{i + 1}" for i, t in enumerate(contents)])
    body = wrap(paragraphs, width)
    pages += [body[i:i + lines_per_page] for i in range(0, len(body), lines_per_page)]
    for n, page in enumerate(pages, 1):
        c.setFont(font, 9)
        if header:
            c.drawCentredString(297, 800, header)
        c.drawCentredString(297, 40, f"— {n} —")
        c.setFont(font, 12)
        for k, line in enumerate(page):
            y = 760 - 20 * k
            full = len(line) >= width - 1
            if letter_spaced and full:  # justified by character spacing (the Tc operator)
                t = c.beginText(72, y)
                t.setFont(font, 12)
                t.setCharSpace(max(0.0, (451 - c.stringWidth(line, font, 12)) / max(1, len(line) - 1)) + 4)
                t.textOut(line)
                c.drawText(t)
            else:
                c.drawString(72, y, line)
        c.showPage()
    c.save()
    return buf.getvalue()


def encrypted_pdf(user_password: str = "secret") -> bytes:
    """Encrypted; with an empty user password it opens without one (owner restrictions only)."""
    from reportlab.lib import pdfencrypt

    buf = io.BytesIO()
    c = _canvas(buf, encrypt=pdfencrypt.StandardEncryption(user_password, ownerPassword="owner", canPrint=0))
    c.setFont(FONT, 12)
    c.drawString(72, 700, "各位代表：")
    c.save()
    return buf.getvalue()


def image_only_pdf(pages: int = 2) -> bytes:
    """Pages that carry only drawn shapes, like a scan: no text layer at all."""
    buf = io.BytesIO()
    c = _canvas(buf)
    for _ in range(pages):
        c.rect(72, 72, 451, 698, fill=1)
        c.showPage()
    c.save()
    return buf.getvalue()


def raw_pdf(objects: Sequence[bytes]) -> bytes:
    """A PDF of hand-written objects (1 is the catalog) with a correct cross-reference table."""
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def page_tree_loop_pdf() -> bytes:
    """A page tree whose node lists itself among its kids."""
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                    b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"])


def bomb_pdf(inflated: int = 200_000_000) -> bytes:
    """One page whose content stream is a few hundred kB that inflate to ``inflated`` bytes."""
    z = zlib.compressobj(9)
    data = z.compress(b"0 0 m " * (inflated // 6)) + z.flush()
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                    b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"])


# Adobe-GB1 CIDs (Adobe's published character collection for Simplified Chinese) of the
# characters of the sentence below, as a PDF set in a CID font without a ToUnicode map
# draws them.  CIDs 1-95 are the ASCII range (17 is "0").
_GB1 = dict(zip("国内生产总值增长，城镇新增就业万人。", (1875, 2877, 3379, 1217, 4665, 4532, 4409, 1225, 273,
                                                      1260, 4499, 3981, 4409, 2300, 4156, 3747, 3238, 98)))
_GB1.update({c: 17 + int(c) for c in "0123456789"}, **{".": 15, "%": 6})


def unmapped_cid_pdf(sentence: str = "国内生产总值增长5.2%，城镇新增就业1244万人。", pages: int = 2) -> bytes:
    """Pages set in a CID font with the Identity-H encoding and no ToUnicode map, as Acrobat Distiller writes
    a non-embedded Chinese font: the text layer gives Adobe-GB1 CIDs, not Unicode."""
    codes = b"".join(b"%04X" % _GB1[c] for c in sentence)
    content = b"BT /F1 14 Tf 72 760 Td <%s> Tj ET" % codes
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(pages))
    n = 3 + pages
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (n, n + 1))
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                    b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages)]
                   + [page] * pages
                   + [b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
                      b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H "
                      b"/DescendantFonts [%d 0 R] >>" % (n + 2),
                      b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
                      b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> "
                      b"/FontDescriptor %d 0 R /DW 1000 >>" % (n + 3),
                      b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
                      b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>"])
