"""Word ``.docx`` files to text, in bounded memory and without expanding entities.

A ``.docx`` is a zip archive whose ``word/document.xml`` holds the text.
Archives scraped from the web hold hostile ones too: a few megabytes that
inflate to gigabytes (a zip bomb), XML with a DTD whose entities would
expand a billion times or read local files.  So before parsing:

* the declared size of ``word/document.xml`` and its compression ratio are
  checked against :class:`ReadLimits`, and the bytes actually inflated are
  counted while parsing, so a lying header cannot get past the limit;
* the XML is parsed by lxml with entity resolution, DTD loading and network
  access off; an entity reference stays in the text as written
  (``&xxe;``), never silently dropped with the text after it.

Paragraphs become lines, in document order; a table row becomes one line with
its cells separated by tabs.

>>> import io, zipfile
>>> buf = io.BytesIO()
>>> with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
...     z.writestr("word/document.xml", _xml("各位代表：", "现在，我代表国务院"))
>>> docx_text(buf.getvalue())
'各位代表：\\n现在，我代表国务院'
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import BinaryIO, Iterator, Optional

from .reading import ReadError

try:
    from lxml import etree
except ImportError:  # pragma: no cover - lxml comes with the formats extra
    etree = None

__all__ = ["ReadLimits", "docx_text"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _T, _TAB, _BR, _CR, _TR, _TC = (_W + t for t in ("p", "t", "tab", "br", "cr", "tr", "tc"))


@dataclass(frozen=True)
class ReadLimits:
    """Bounds on what one file may make policytext read.

    Attributes:
        max_xml_bytes: the most XML a ``.docx`` may inflate to (declared and
            actual); a long government work report is under 2 MB.
        max_ratio: the highest compression ratio accepted for a member; real
            Word XML compresses 5-30 times, a zip bomb thousands of times.
    """

    max_xml_bytes: int = 50 * 1024 * 1024
    max_ratio: float = 200.0


DEFAULT_LIMITS = ReadLimits()


class _Capped(io.RawIOBase):
    """A read-only stream that refuses to give more than ``limit`` bytes."""

    def __init__(self, raw: BinaryIO, limit: int):
        self.raw, self.limit, self.count = raw, limit, 0

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        chunk = self.raw.read(n if n is not None and n >= 0 else self.limit + 1 - self.count)
        self.count += len(chunk)
        if self.count > self.limit:
            raise _TooLarge(self.count)
        return chunk


class _TooLarge(Exception):
    pass


def docx_text(data: bytes, source: Optional[str] = None, limits: ReadLimits = DEFAULT_LIMITS) -> str:
    """The text of a ``.docx`` (bytes), one paragraph a line; :class:`ReadError` if refused."""
    if etree is None:  # pragma: no cover - lxml comes with the formats extra
        raise ReadError(source, "reading .docx needs lxml: pip install 'policytext[formats]'")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        info = zf.getinfo("word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as e:
        raise ReadError(source, f"not a readable .docx file: {e}") from None
    mb = limits.max_xml_bytes / 1e6
    if info.file_size > limits.max_xml_bytes:
        raise ReadError(source, f"word/document.xml declares {info.file_size / 1e6:.0f} MB of XML, over the {mb:.0f} MB limit")
    if info.compress_size and info.file_size / info.compress_size > limits.max_ratio:
        raise ReadError(source, f"word/document.xml is compressed {info.file_size / info.compress_size:.0f} times "
                                f"(over {limits.max_ratio:.0f}): a zip bomb, not a Word file")
    try:
        with zf.open(info) as raw:
            return "\n".join(_lines(_Capped(raw, limits.max_xml_bytes)))
    except _TooLarge:
        raise ReadError(source, f"word/document.xml inflates past the {mb:.0f} MB limit (its header lied about its size)") from None
    except etree.XMLSyntaxError as e:
        if "amplification" in str(e):
            raise ReadError(source, "word/document.xml declares entities that would expand past any real "
                                    "speech (an XML bomb); refused") from None
        raise ReadError(source, f"not a readable .docx file: {e}") from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as e:
        raise ReadError(source, f"not a readable .docx file: {e}") from None


def _lines(stream: BinaryIO) -> Iterator[str]:
    """Paragraph and table-row lines, streaming: finished elements are freed."""
    events = etree.iterparse(stream, events=("end",), tag=(_P, _TR), resolve_entities=False, load_dtd=False,
                             no_network=True, huge_tree=False)
    for _, el in events:
        if el.tag == _TR:
            if not _inside(el, (_TR,)):
                yield "\t".join(" ".join(_para_text(p) for p in tc.iter(_P)) for tc in el.iter(_TC))
                _free(el)
        elif not _inside(el, (_P, _TC)):  # a text box's paragraphs are read with the one that holds them
            yield _para_text(el)
            _free(el)


def _inside(el, tags: tuple[str, ...]) -> bool:
    return any(a.tag in tags for a in el.iterancestors())


def _free(el) -> None:
    el.clear()
    parent = el.getparent()
    while parent is not None and el.getprevious() is not None:
        del parent[0]


def _para_text(p) -> str:
    """A paragraph's text: runs, tabs and breaks; entity references kept as written."""
    parts: list[str] = []
    for el in p.iter():
        tag = el.tag
        if tag == _T:
            parts.append(el.text or "")
            for child in el:  # entity references inside the text, with the text after them
                parts.append((child.text or "") if isinstance(child, etree._Entity) else "")
                parts.append(child.tail or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag in (_BR, _CR):
            parts.append("\n")
    return "".join(parts)


def _xml(*paragraphs: str) -> str:
    """A minimal ``word/document.xml`` holding ``paragraphs`` (for examples and tests)."""
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W[1:-1]}"><w:body>{body}</w:body></w:document>'
