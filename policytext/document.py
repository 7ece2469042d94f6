"""Documents and corpora.

A :class:`Document` is the text as read plus what is known of it; views,
script evidence, residue and tokens are computed when first asked for.  A
:class:`Corpus` reads a folder, a glob or a manifest CSV lazily, one
document at a time, so a 10 GB archive is never held in memory at once.

>>> doc = Document.from_text("各位代表：\\n国内生产总值增长６．５％左右。")
>>> doc.script, doc.view().text.splitlines()[1]
('simplified', '国内生产总值增长6.5%左右。')
"""
from __future__ import annotations

import csv
import functools
from bisect import bisect_right
import glob as globmod
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Mapping, Optional, Sequence, Union

from .align import Span
from .normalize import Target, View, normalize
from .residue import residue_lines
from .script import ScriptEvidence, detect_script, needs_taiwan_repair
from .reading import PathOrBytes, ReadError, read_text
from .segment import Segmenter, Token, in_spans

__all__ = ["Document", "Corpus", "read"]

TEXT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".docx", ".pdf")


@dataclass(frozen=True, eq=False)
class Document:
    """One speech: its text as read, its metadata, and lazily computed views.

    Attributes:
        text: the text as decoded (BOM removed, newlines ``\\n``); every
            offset in policytext indexes it.
        source: the path as given, or ``None`` for in-memory text.
        encoding: the encoding found (``utf-8``, ``gb18030``, ``big5hkscs`` …).
        meta: title, year, date, speaker_or_org, region, level … as known
            (metadata only: no column of a manifest changes how the text is
            read or analysed).

    Processing options are arguments of the step they steer:
    ``read(..., encoding=...)``, ``view(..., repair=...)``,
    ``Segmenter(repair=...)``.
    """

    text: str
    source: Optional[str] = None
    encoding: Optional[str] = None
    format: str = "text"
    meta: Mapping[str, Any] = field(default_factory=dict)
    decode_errors: tuple[int, ...] = ()  # byte offsets of damaged bytes read as U+FFFD (see reading)

    @classmethod
    def from_text(cls, text: str, meta: Optional[Mapping[str, Any]] = None, *, source: Optional[str] = None) -> "Document":
        """A document from a string (newlines folded to ``\\n``, BOM removed)."""
        text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
        return cls(text, source, None, "text", dict(meta or {}))

    # --- metadata shortcuts --------------------------------------------------
    @property
    def title(self) -> Optional[str]:
        return self.meta.get("title")

    @property
    def year(self) -> Optional[int]:
        y = self.meta.get("year")
        try:
            return int(y) if y not in (None, "") else None
        except (TypeError, ValueError):
            return None

    @property
    def date(self) -> Optional[str]:
        return self.meta.get("date")

    @property
    def speaker(self) -> Optional[str]:
        """The speaker or the organisation (``国务院``, ``上海市人民政府``)."""
        return self.meta.get("speaker") or self.meta.get("speaker_or_org")

    @property
    def region(self) -> Optional[str]:
        return self.meta.get("region")

    @property
    def level(self) -> Optional[str]:
        """``national``, ``provincial``, ``county`` … as the manifest says."""
        return self.meta.get("level")

    # --- derived, computed once ---------------------------------------------------
    @functools.cached_property
    def script_evidence(self) -> ScriptEvidence:
        return detect_script(self.text)

    @property
    def script(self) -> str:
        """``simplified``, ``traditional`` or ``mixed`` (see :attr:`script_evidence`)."""
        return self.script_evidence.script

    @functools.cached_property
    def machine_converted(self) -> bool:
        """Whether the text reads as mainland text machine-converted with Taiwan phrases."""
        return self.script != "simplified" and needs_taiwan_repair(self.text)

    @functools.cached_property
    def _views(self) -> dict:
        return {}

    def view(self, script: Target = "simplified", *, repair: Optional[bool] = None) -> View:
        """The aligned analysis view in ``script`` (cached).

        ``repair`` undoes the Taiwan phrases of machine conversion in the
        Simplified view (``巨集觀`` → ``宏观``); ``None`` decides from the text.
        """
        if script == "simplified" and repair is None:
            repair = self.machine_converted
        key = (script, repair if script == "simplified" else None)
        v = self._views.get(key)
        if v is None:
            v = normalize(self.text, script=script, repair=repair, source_script=self.script)
            self._views[key] = v
        return v

    # --- pages (a PDF's, or the form feeds of a text dumped from one) ----------
    @functools.cached_property
    def page_starts(self) -> tuple[int, ...]:
        """Offset in :attr:`text` where each page begins; ``()`` for a text without pages.

        A PDF's pages are joined by ``\\n\\f`` when read; a text dumped from a
        PDF (``pdftotext``) has the same form feeds, so its pages are known too.

        >>> Document.from_text("第一页\\n\\f第二页").page_starts
        (0, 5)
        """
        if "\f" not in self.text:
            return (0,) if self.format == "pdf" else ()
        return (0,) + tuple(m.end() for m in re.finditer("\f", self.text))

    def page_of(self, offset: Union[int, Span]) -> Optional[int]:
        """The page (1-based, as the PDF viewer counts) that ``offset`` or a span's start is on.

        >>> doc = Document.from_text("封面\\n\\f国内生产总值增长5.2%")
        >>> doc.page_of(doc.text.index("5.2%")), doc.page_of((0, 2))
        (2, 1)
        """
        pos = offset[0] if isinstance(offset, tuple) else offset
        return bisect_right(self.page_starts, pos) or None

    def page_label(self, offset: Union[int, Span]) -> Optional[str]:
        """The page number printed on the page of ``offset`` (what a reader cites as "p. 12"), or None.

        >>> doc = Document.from_text("封面\\n\\f各位代表：\\n\\n1\\n\\f国内生产总值增长5.2%\\n\\n2")
        >>> doc.page_of(doc.text.index("5.2%")), doc.page_label(doc.text.index("5.2%"))
        (3, '2')
        """
        page = self.page_of(offset)
        return self._printed_pages[page - 1] if page else None

    @functools.cached_property
    def _printed_pages(self) -> list[Optional[str]]:
        from .layout import printed_page_numbers

        return printed_page_numbers(self.text)

    @functools.cached_property
    def residue(self) -> list[Span]:
        """Spans of scrape-residue lines (source lines, tags, wiki licence trailer)."""
        return residue_lines(self.text)

    def in_residue(self, pos: int) -> bool:
        """Whether offset ``pos`` of :attr:`text` lies on a residue line."""
        return in_spans(self.residue, pos)

    def tokens(self, segmenter: Optional[Segmenter] = None, *, keep_residue: bool = False,
               drop_stopwords: bool = False, drop_punct: bool = False) -> list[Token]:
        """Tokens of the Simplified view with spans into :attr:`text`.

        The same as ``segmenter.segment(doc, ...)``: scrape residue is skipped
        unless ``keep_residue``.  Without a segmenter, one shared default
        (policy lexicon, no user words) is built on first use; pass your own
        to add words.

        >>> doc = Document.from_text("來源:瑞文範文網 1.5W\\n同志們：招商引資")
        >>> [t.text for t in doc.tokens(drop_stopwords=True, drop_punct=True)]
        ['招商引資']
        """
        seg = segmenter or _default_segmenter()
        return seg.segment(self, keep_residue=keep_residue, drop_stopwords=drop_stopwords, drop_punct=drop_punct)

    def __repr__(self) -> str:
        return f"Document(source={self.source!r}, chars={len(self.text)}, script={self.script!r})"


@functools.lru_cache(maxsize=1)
def _default_segmenter() -> Segmenter:
    return Segmenter()


def read(path_or_bytes: PathOrBytes, *, encoding: Optional[str] = None, meta: Optional[Mapping[str, Any]] = None,
         strict: bool = False, limits=None) -> Document:
    """Read a speech file (or bytes) into a :class:`Document`.

    Args:
        encoding: force an encoding (default: detected).
        meta: metadata to attach (title, year …); never read as options.
        strict: refuse any damaged byte; by default a few are read as U+FFFD
            and listed in ``doc.decode_errors`` (byte offsets).
        limits: a :class:`policytext.docx_reader.ReadLimits` for .docx files.

    >>> doc = read("財政總收入32.1億元".encode("big5"), meta={"year": 2012})
    >>> doc.encoding, doc.script, doc.year
    ('big5hkscs', 'traditional', 2012)
    """
    raw = read_text(path_or_bytes, encoding=encoding, strict=strict, limits=limits)
    return Document(raw.text, raw.source, raw.encoding, raw.format, dict(meta or {}), raw.decode_errors)


class Corpus:
    """A lazily read collection of documents.

    Args:
        paths: file paths (already expanded).
        meta: per-path metadata (from a manifest).

    Build one with :meth:`from_folder`, :meth:`from_glob` or
    :meth:`from_manifest`.  Iteration reads one file at a time.

    >>> c = Corpus.from_manifest("corpora/manifest.csv")  # doctest: +SKIP
    >>> [d.year for d in c.filter(level="national")]       # doctest: +SKIP
    """

    def __init__(self, paths: Sequence[Union[str, os.PathLike]], meta: Optional[Mapping[str, Mapping[str, Any]]] = None):
        self.paths = [str(p) for p in paths]
        self.meta = {k: dict(v) for k, v in (meta or {}).items()}

    @classmethod
    def from_folder(cls, folder: Union[str, os.PathLike], suffixes: Sequence[str] = TEXT_SUFFIXES) -> "Corpus":
        """Every file with a text suffix below ``folder``, sorted; a manifest.csv there supplies metadata."""
        folder = Path(folder)
        manifest = folder / "manifest.csv"
        if manifest.exists():
            return cls.from_manifest(manifest)
        paths = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in suffixes and p.name != "manifest.csv")
        return cls(paths)

    @classmethod
    def from_glob(cls, pattern: str) -> "Corpus":
        return cls(sorted(globmod.glob(pattern, recursive=True)))

    @classmethod
    def from_manifest(cls, manifest: Union[str, os.PathLike], path_column: str = "file") -> "Corpus":
        """A CSV with a path column (relative to the CSV) and metadata columns."""
        manifest = Path(manifest)
        paths, meta = [], {}
        with open(manifest, encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                rel = row.get(path_column)
                if not rel:
                    continue
                p = str(manifest.parent / rel)
                paths.append(p)
                meta[p] = {k: _cell(v) for k, v in row.items() if k != path_column}
        return cls(paths, meta)

    @classmethod
    def from_paths(cls, paths: Sequence[Union[str, os.PathLike]]) -> "Corpus":
        """Files and folders as a user names them on a command line."""
        out: list[str] = []
        meta: dict = {}
        for p in paths:
            if os.path.isdir(p):
                c = cls.from_folder(p)
                out += c.paths
                meta.update(c.meta)
            elif any(ch in str(p) for ch in "*?["):
                out += cls.from_glob(str(p)).paths
            else:
                out.append(str(p))
        return cls(out, meta)

    def __len__(self) -> int:
        return len(self.paths)

    def __iter__(self) -> Iterator[Document]:
        for p in self.paths:
            yield self.read(p)

    def read(self, path: str) -> Document:
        """Read one member (raises :class:`ReadError` for a bad file)."""
        return read(path, meta=self.meta.get(path))

    def iter_safe(self) -> Iterator[tuple[str, Union[Document, ReadError]]]:
        """``(path, document or error)`` for every member: one bad file is not a crash."""
        for p in self.paths:
            try:
                yield p, self.read(p)
            except ReadError as e:
                yield p, e

    def filter(self, **where: Any) -> "Corpus":
        """Members whose metadata match every ``key=value`` (values compared as text)."""
        keep = [p for p in self.paths if all(str(self.meta.get(p, {}).get(k)) == str(v) for k, v in where.items())]
        return Corpus(keep, {p: self.meta[p] for p in keep if p in self.meta})


def _cell(v: Optional[str]) -> Any:
    if v is None or v == "":
        return None
    if v.isdigit():
        return int(v)
    return v
