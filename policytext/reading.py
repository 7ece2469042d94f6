"""Reading speech files in whatever form archives hold them.

``read`` decodes UTF-8 (with or without BOM), UTF-16/32 with BOM, GB18030
(and so GBK and GB2312) and Big5 with HKSCS; strips the BOM; turns ``\\r\\n``
and ``\\r`` into ``\\n``; and reads Word ``.docx`` and saved web pages
(``.html``) as text with one paragraph a line.  Text that cannot be decoded
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

__all__ = ["ReadError", "RawText", "read_text", "decode"]

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
    format: str  # "text" | "docx" | "html"
    source: Optional[str]


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


def decode(data: bytes, source: Optional[str] = None, encoding: Optional[str] = None) -> tuple[str, str]:
    """Decode bytes of a text file; return ``(text, encoding)``.

    UTF-8 is tried first and strictly; then GB18030 and Big5-HKSCS, both
    strict, the more plausible winning when both decode (the share of common
    characters decides); then charset-normalizer for anything else.

    >>> decode("財政總收入32.1億元".encode("big5"))[1]
    'big5hkscs'
    """
    if encoding:
        try:
            return _newlines(data.decode(encoding)).lstrip("\ufeff"), encoding
        except (UnicodeDecodeError, LookupError) as e:
            raise ReadError(source, f"not valid {encoding}: {e}") from None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return _newlines(data[len(bom):].decode(enc.replace("-sig", ""))), enc
            except UnicodeDecodeError as e:
                raise ReadError(source, f"has a {enc} byte-order mark but is not valid {enc}: {e}") from None
    if not data:
        return "", "utf-8"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _looks_binary(data):
            raise ReadError(source, "binary data (control bytes), not a text file")
        return _newlines(text), "utf-8"
    if b"\x00" in data[:4096]:
        text = _utf16_without_bom(data)
        if text is not None:
            return _newlines(text), "utf-16"
        raise ReadError(source, "binary data (NUL bytes), not a text file")
    if _looks_binary(data):
        raise ReadError(source, "binary data (control bytes), not a text file")
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
            return _newlines(text), enc
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - core dependency
        from_bytes = None
    if from_bytes is not None:
        best = from_bytes(data).best()
        if best is not None and best.encoding:
            text = str(best)
            if _score(text) >= 0.2 or not any("\u4e00" <= c <= "\u9fff" for c in text):
                return _newlines(text), best.encoding
    raise ReadError(source, "cannot decode: not UTF-8, UTF-16, GB18030 or Big5, and no other encoding fits")


_HTML_START = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<meta|<body|<div|<p[ >])", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", re.I)
_BLOCKS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "title", "td", "dd", "dt", "blockquote", "pre")


def _html_to_text(data: bytes, source: Optional[str]) -> tuple[str, str]:
    m = _META_CHARSET.search(data[:4096])
    declared = m.group(1).decode("ascii").lower() if m else None
    if declared in ("gb2312", "gbk"):
        declared = "gb18030"
    if declared == "big5":
        declared = "big5hkscs"
    try:
        html, enc = decode(data, source, declared)
    except ReadError:
        html, enc = decode(data, source)  # a wrong <meta> is common on scraped pages
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
    out = "\n".join(ln for ln in lines if ln.strip())
    return out, enc


def _docx_to_text(data: bytes, source: Optional[str]) -> str:
    try:
        import docx  # python-docx
    except ImportError:
        raise ReadError(source, "reading .docx needs python-docx: pip install 'policytext[formats]'") from None
    try:
        d = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises several kinds for a broken package
        raise ReadError(source, f"not a readable .docx file: {e}") from None
    paras = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            paras.append("\t".join(cell.text for cell in row.cells))
    return _newlines("\n".join(paras))


def read_text(path_or_bytes: PathOrBytes, *, encoding: Optional[str] = None, format: Optional[str] = None) -> RawText:
    """Read a file (or bytes) to text; see the module docstring for what is understood."""
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
        elif suffix == ".pdf" or data[:5] == b"%PDF-":
            raise ReadError(source, "PDF is not read: extract its text first (e.g. pdftotext) and read that")
        elif data[:2] == b"PK":
            raise ReadError(source, "a zip archive, not a text or .docx file")
        else:
            fmt = "text"
    if fmt == "docx":
        return RawText(_docx_to_text(data, source), "docx", "docx", source)
    if fmt == "html":
        text, enc = _html_to_text(data, source)
        return RawText(text, enc, "html", source)
    text, enc = decode(data, source, encoding)
    return RawText(text, enc, "text", source)


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except zipfile.BadZipFile:
        return False
