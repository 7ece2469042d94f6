"""Reading speech files in whatever form archives hold them.

``read`` decodes UTF-8 (with or without BOM), UTF-16/32 with BOM, GB18030
(and so GBK and GB2312) and Big5 with HKSCS; strips the BOM; turns ``\\r\\n``
and ``\\r`` into ``\\n``; and reads Word ``.docx`` and saved web pages
(``.html``) as text with one paragraph a line, and the text layer of a PDF
(pages joined by ``\\n\\f``: see :mod:`policytext.pdf`).  Text that cannot be decoded
raises :class:`ReadError` naming the file and the reason: no mojibake passes
silently.  Every offset elsewhere in policytext is into the text read here.

>>> raw = read_text("各位代表：\\r\\n现在，我代表国务院".encode("gb18030"))
>>> raw.encoding, raw.text
('gb18030', '各位代表：\\n现在，我代表国务院')
"""
from __future__ import annotations

import codecs
import functools
import io
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

from ._data import data_lines

__all__ = ["ReadError", "RawText", "Decoded", "read_text", "decode", "decode_report"]

PathOrBytes = Union[str, os.PathLike, bytes]


class ReadError(ValueError):
    """A file that cannot be read as text; the message names file and reason."""

    def __init__(self, source: Optional[str], reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source or '<bytes>'}: {reason}")


@dataclass(frozen=True)
class RawText:
    """Decoded text with what was learnt on the way."""

    text: str
    encoding: str
    format: str  # "text" | "docx" | "html" | "pdf"
    source: Optional[str]
    decode_errors: tuple[int, ...] = ()  # byte offsets of damaged runs read as U+FFFD


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

@functools.lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    """Frequent characters of running prose in either script (data/common_chars.txt):
    the right decoding of a GB or Big5 file is full of them, a wrong one is not."""
    return frozenset("".join(data_lines("common_chars.txt")))


_PROSE_MARKS = set("，。、；：？！“”‘’（）《》〈〉【】「」『』—…·％‰　～－")


def _score(text: str) -> float:
    """How plausible a decoding is: the share of common characters among the
    CJK ones, where symbols a wrong decoding produces (box drawing, kana,
    private-use, Greek and Cyrillic letters) count against it.

    >>> _score("招商引資") > _score("┷坝ま戈")
    True
    """
    cjk = odd = 0
    hits = 0
    common = _common()
    for c in text:
        if "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" or c >= "\U00020000":
            cjk += 1
            hits += c in common
        elif c > "\x7f" and c not in _PROSE_MARKS and not ("\uff01" <= c <= "\uff5e"):
            odd += 1
    if not cjk:
        return 0.0
    return hits / (cjk + odd)


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    ctrl = sum(1 for b in sample if b < 9 or 13 < b < 32 and b != 27)
    return bool(sample) and ctrl / len(sample) > 0.05


def _utf16_without_bom(data: bytes) -> Optional[str]:
    """UTF-16 without BOM shows NUL in every other byte for ASCII; CJK has none."""
    if len(data) % 2:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _score(text) > 0.3 and "\x00" not in text:
            return text
    return None


# A file whose encoding is clear may still hold a few bad bytes (a flipped
# byte, a character cut at the end): read it with each bad run replaced by
# U+FFFD when they are at most one byte in a thousand, and say where.
MAX_ERROR_SHARE = 0.001
_BAD_RUN = re.compile("[\udc80-\udcff]+")


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding, and the byte offsets of the invalid runs replaced by U+FFFD."""

    text: str
    encoding: str
    errors: tuple[int, ...] = ()


def _lenient(data: bytes, enc: str, max_errors: int) -> Optional[Decoded]:
    """Decode with bad byte runs replaced, or None past ``max_errors`` runs.

    >>> d = _lenient("国内生产总值".encode("utf-8")[:-1], "utf-8", 2)
    >>> d.text, d.errors
    ('国内生产总\ufffd', (15,))
    """
    try:
        text = data.decode(enc, "surrogateescape")
    except (UnicodeDecodeError, LookupError):
        return None
    runs = list(_BAD_RUN.finditer(text))
    if len(runs) > max_errors:
        return None
    offsets, parts = [], []
    byte, char = 0, 0
    for m in runs:
        byte += len(text[char:m.start()].encode(enc, "surrogateescape"))
        offsets.append(byte)
        byte += m.end() - m.start()  # one surrogate per bad byte
        parts.append(text[char:m.start()])
        parts.append("\ufffd")
        char = m.end()
    parts.append(text[char:])
    return Decoded("".join(parts), enc, tuple(offsets))


def _first_bad_byte(data: bytes, enc: str) -> str:
    try:
        data.decode(enc)
    except UnicodeDecodeError as e:
        return f" (first invalid byte at offset {e.start})"
    except LookupError:
        pass
    return ""


def decode(data: bytes, source: Optional[str] = None, encoding: Optional[str] = None) -> tuple[str, str]:
    """Decode bytes of a text file strictly; return ``(text, encoding)``.

    UTF-8 is tried first; then GB18030 and Big5-HKSCS, the more plausible
    winning when both decode (the share of common characters decides); then
    charset-normalizer for anything else.  See :func:`decode_report` for
    reading files with a few damaged bytes.

    >>> decode("財政總收入32.1億元".encode("big5"))[1]
    'big5hkscs'
    """
    d = decode_report(data, source, encoding, strict=True)
    return d.text, d.encoding


def decode_report(data: bytes, source: Optional[str] = None, encoding: Optional[str] = None, *,
                  strict: bool = False) -> Decoded:
    """Decode bytes of a text file, tolerating a few damaged bytes unless ``strict``.

    >>> data = "各位代表：现在，我代表国务院".encode("utf-8")
    >>> d = decode_report(data[:7] + bytes([255]) + data[8:])
    >>> d.encoding, d.errors, d.text[:4]
    ('utf-8', (6,), '各位\\ufffd表')
    """
    max_errors = 0 if strict else max(2, int(len(data) * MAX_ERROR_SHARE))
    if encoding:
        try:
            return Decoded(_newlines(data.decode(encoding)).lstrip("\ufeff"), encoding)
        except (UnicodeDecodeError, LookupError) as e:
            d = _lenient(data, encoding, max_errors) if max_errors else None
            if d is None:
                raise ReadError(source, f"not valid {encoding}: {e}") from None
            return Decoded(_newlines(d.text).lstrip("\ufeff"), encoding, d.errors)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            enc = enc.replace("-sig", "")
            d = _lenient(data[len(bom):], enc, max_errors)
            if d is None:
                raise ReadError(source, f"has a {enc} byte-order mark but is not valid {enc}"
                                        f"{_first_bad_byte(data[len(bom):], enc)}") from None
            return Decoded(_newlines(d.text), enc + ("-sig" if bom == codecs.BOM_UTF8 else ""),
                           tuple(o + len(bom) for o in d.errors))
    if not data:
        return Decoded("", "utf-8")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _looks_binary(data):
            raise ReadError(source, "binary data (control bytes), not a text file")
        return Decoded(_newlines(text) if b"\r" in data else text, "utf-8")  # memchr on bytes: no str scans
    if b"\x00" in data[:4096]:
        text = _utf16_without_bom(data)
        if text is not None:
            return Decoded(_newlines(text), "utf-16")
        raise ReadError(source, "binary data (NUL bytes), not a text file")
    if _looks_binary(data):
        raise ReadError(source, "binary data (control bytes), not a text file")
    d = _lenient(data, "utf-8", max_errors) if max_errors else None
    if d is not None and _score(d.text) >= 0.2:  # UTF-8 with a few damaged bytes: its structure is unmistakable
        return Decoded(_newlines(d.text), "utf-8", d.errors)
    found = _legacy(data, source, max_errors)
    if found is not None:
        return found
    raise ReadError(source, "cannot decode: not UTF-8" + _first_bad_byte(data, "utf-8")
                    + ", UTF-16, GB18030 or Big5, and no other encoding fits")


def _legacy(data: bytes, source: Optional[str], max_errors: int) -> Optional[Decoded]:
    """GB18030 or Big5-HKSCS (strict, then with a few damaged bytes), then charset-normalizer."""
    candidates = []
    for enc in ("gb18030", "big5hkscs"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_score(text), enc, text))
    if candidates:
        score, enc, text = max(candidates)
        if score >= 0.2:
            return Decoded(_newlines(text), enc)
    if max_errors:
        lenient = [d for enc in ("gb18030", "big5hkscs") if (d := _lenient(data, enc, max_errors)) is not None]
        scored = [(len(d.errors), -_score(d.text), d) for d in lenient]
        good = [t for t in scored if -t[1] >= 0.2]
        if good:
            d = min(good, key=lambda t: t[:2])[2]
            return Decoded(_newlines(d.text), d.encoding, d.errors)
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - core dependency
        return None
    best = from_bytes(data).best()
    if best is not None and best.encoding:
        text = str(best)
        if _score(text) >= 0.2 or not any("\u4e00" <= c <= "\u9fff" for c in text):
            return Decoded(_newlines(text), best.encoding)
    return None


_HTML_START = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<meta|<body|<div|<p[ >])", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", re.I)
_BLOCKS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "title", "td", "dd", "dt", "blockquote", "pre")


# <!DOCTYPE html [ <!ENTITY lol "..."> ]>: html.parser would leave the internal subset's tail as text
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.I | re.S)


def _html_to_text(data: bytes, source: Optional[str], strict: bool = False) -> Decoded:
    m = _META_CHARSET.search(data[:4096])
    declared = m.group(1).decode("ascii").lower() if m else None
    if declared in ("gb2312", "gbk"):
        declared = "gb18030"
    if declared == "big5":
        declared = "big5hkscs"
    try:
        d = decode_report(data, source, declared, strict=True)
    except ReadError:
        d = decode_report(data, source, strict=strict)  # a wrong <meta> is common on scraped pages
    html = _DOCTYPE_SUBSET.sub("", d.text, count=1)
    try:
        from bs4 import BeautifulSoup
    except ImportError:
        raise ReadError(source, "reading .html needs beautifulsoup4: pip install 'policytext[formats]'") from None
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    for tag in soup.find_all("br"):
        tag.replace_with("\n")
    for tag in soup.find_all(_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    text = soup.get_text()
    lines = [ln.strip(" \t") for ln in _newlines(text).split("\n")]
    return Decoded("\n".join(ln for ln in lines if ln.strip()), d.encoding, d.errors)


def _docx_to_text(data: bytes, source: Optional[str], limits) -> str:
    from .docx_reader import DEFAULT_LIMITS, docx_text

    return _newlines(docx_text(data, source, limits or DEFAULT_LIMITS))


def read_text(path_or_bytes: PathOrBytes, *, encoding: Optional[str] = None, format: Optional[str] = None,
              strict: bool = False, limits=None) -> RawText:
    """Read a file (or bytes) to text; see the module docstring for what is understood.

    Args:
        strict: refuse a file with any invalid byte; by default a few damaged
            bytes (at most one in a thousand) are read as U+FFFD and their
            byte offsets reported in ``decode_errors``.
        limits: a :class:`policytext.docx_reader.ReadLimits` for .docx files.
    """
    if isinstance(path_or_bytes, (bytes, bytearray, memoryview)):
        data, source, suffix = bytes(path_or_bytes), None, ""
    else:
        p = Path(path_or_bytes)
        source, suffix = str(path_or_bytes), p.suffix.lower()
        try:
            data = p.read_bytes()
        except FileNotFoundError:
            raise ReadError(source, "no such file") from None
        except IsADirectoryError:
            raise ReadError(source, "is a folder, not a file") from None
        except OSError as e:
            raise ReadError(source, f"cannot be read: {e.strerror or e}") from None
    fmt = format
    if fmt is None:
        if suffix == ".docx" or (data[:2] == b"PK" and _is_docx(data)):
            fmt = "docx"
        elif suffix in (".html", ".htm", ".xhtml") or _HTML_START.match(data[:512].lstrip(codecs.BOM_UTF8)):
            fmt = "html"
        elif suffix == ".pdf" or data[:1024].lstrip().startswith(b"%PDF-"):
            fmt = "pdf"
        elif data[:2] == b"PK":
            raise ReadError(source, "a zip archive, not a text or .docx file")
        else:
            fmt = "text"
    if fmt == "docx":
        return RawText(_docx_to_text(data, source, limits), "docx", "docx", source)
    if fmt == "pdf":
        from .pdf import read_pdf

        return RawText(read_pdf(data, source).text, "pdf", "pdf", source)
    if fmt == "html":
        d = _html_to_text(data, source, strict)
        return RawText(d.text, d.encoding, "html", source, d.errors)
    d = decode_report(data, source, encoding, strict=strict)
    return RawText(d.text, d.encoding, "text", source, d.errors)


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except zipfile.BadZipFile:
        return False
