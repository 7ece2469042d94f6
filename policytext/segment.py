"""Segmentation: jieba on the Simplified view, tokens with original offsets.

Each :class:`Segmenter` owns a ``jieba.Tokenizer`` (never the module-level
singleton), loads the policy lexicon shipped in ``policytext/data`` (and any
the user adds), and keeps numbers with decimals, percents and per-mille whole.

>>> seg = Segmenter()
>>> [t.norm for t in seg.segment("坚持科学发展观，规上工业利税增长10.4%")]
['坚持', '科学发展观', '，', '规上工业', '利税', '增长', '10.4%']
"""
from __future__ import annotations

import logging
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Optional, Sequence, Union

from ._data import data_lines
from .align import Span
from .normalize import View, normalize

if TYPE_CHECKING:
    from .document import Document

__all__ = ["Token", "Segmenter", "load_lexicon", "load_stopwords", "cache_dir"]

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*(?:%|‰)?")
_PUNCT = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Token:
    """One word: ``text`` as written in the original, ``norm`` as analysed.

    ``span`` indexes the original text (``doc.text[span[0]:span[1]] == text``);
    ``view_span`` the Simplified view.
    """

    text: str
    norm: str
    span: Span
    view_span: Span

    def to_dict(self) -> dict:
        return {"text": self.text, "norm": self.norm, "span": list(self.span)}


def cache_dir() -> Path:
    """Where jieba's dictionary cache lives (``$POLICYTEXT_CACHE`` or the user cache)."""
    d = os.environ.get("POLICYTEXT_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "policytext"
    )
    try:
        os.makedirs(d, exist_ok=True)
        return Path(d)
    except OSError:
        return Path(tempfile.gettempdir())


def load_lexicon(path: Union[str, os.PathLike, None] = None) -> list[tuple[str, Optional[int]]]:
    """Lexicon entries ``(word, freq)``: policytext's own, or a user's file.

    The file format is jieba's user dictionary: ``word [freq] [tag]`` a line.
    """
    lines = data_lines("policy_lexicon.txt") if path is None else [
        ln.split("#", 1)[0].strip() for ln in Path(path).read_text(encoding="utf-8").splitlines()
        if ln.split("#", 1)[0].strip()
    ]
    out = []
    for ln in lines:
        parts = ln.split()
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        out.append((parts[0], freq))
    return out


def load_stopwords(path: Union[str, os.PathLike, None] = None) -> frozenset[str]:
    """Stopwords for speeches (同志们, 我们, 要, 进一步 …), or a user's list."""
    if path is None:
        return frozenset(data_lines("stopwords.txt"))
    return frozenset(
        ln.strip() for ln in Path(path).read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")
    )


class Segmenter:
    """jieba with the policy lexicon, on the Simplified view.

    Args:
        lexicon: extra lexicon files (jieba user-dictionary format) on top of
            policytext's own; ``use_default_lexicon=False`` drops ours.
        words: extra words to add.
        hmm: jieba's HMM for unknown words (off by default: names of
            measures are better left in dictionary words).
    """

    def __init__(
        self,
        lexicon: Sequence[Union[str, os.PathLike]] = (),
        *,
        words: Iterable[str] = (),
        use_default_lexicon: bool = True,
        hmm: bool = False,
        stopwords: Union[str, os.PathLike, Iterable[str], None] = None,
    ):
        import jieba

        jieba.setLogLevel(logging.WARNING)
        self.hmm = hmm
        if stopwords is None or isinstance(stopwords, (str, os.PathLike)):
            self.stopwords = load_stopwords(stopwords)
        else:
            self.stopwords = frozenset(stopwords)
        self._tok = jieba.Tokenizer()
        self._tok.tmp_dir = str(cache_dir())
        self._tok.initialize()
        entries: list[tuple[str, Optional[int]]] = []
        if use_default_lexicon:
            entries += load_lexicon()
        for path in lexicon:
            entries += load_lexicon(path)
        entries += [(w, None) for w in words]
        for word, freq in entries:
            self.add_word(word, freq)

    def add_word(self, word: str, freq: Optional[int] = None) -> None:
        """Add a word that should come out whole (``规上工业``)."""
        if freq is None:
            freq = max(self._tok.suggest_freq(word, False), 50)
        self._tok.add_word(word, freq)

    def cut(self, text: str) -> list[str]:
        """Plain jieba-style cut of Simplified text, numbers kept whole."""
        return [text[s:e] for s, e in self._spans(text)]

    def _spans(self, text: str) -> Iterator[Span]:
        """Token spans: one jieba pass, then numbers (221.8, 10.4%) made whole.

        The boundaries are jieba's plus the numbers' own, less any boundary
        that falls inside a number.
        """
        numbers = [m.span() for m in _NUMBER.finditer(text)]
        pos = 0
        k = 0  # the first number not yet passed
        n_num = len(numbers)
        start = 0
        for w in self._tok.cut(text, HMM=self.hmm):
            end = pos + len(w)
            pos = end
            while k < n_num and numbers[k][1] <= start:
                k += 1
            if k < n_num and numbers[k][0] < end and start < numbers[k][1]:
                a, b = numbers[k]
                if start < a:
                    yield (start, a)
                    start = a
                if end < b:
                    continue  # the number goes on: no boundary here
                if start < b:
                    yield (start, b)
                    start = b
                if b < end:
                    yield (b, end)
                    start = end
                continue
            yield (start, end)
            start = end

    def segment(
        self, doc_or_text: "Union[Document, View, str]", *, drop_stopwords: bool = False, drop_punct: bool = False
    ) -> list[Token]:
        """Tokens of a document (or text) with spans into its original text.

        Whitespace is always dropped; stopwords (同志们, 我们, 要 …) and
        punctuation only when asked, e.g. for keyword counts.

        >>> [t.norm for t in Segmenter().segment("同志们，我们要进一步招商引资", drop_stopwords=True, drop_punct=True)]
        ['招商引资']
        """
        from .document import Document

        if isinstance(doc_or_text, Document):
            view = doc_or_text.view("simplified")
        elif isinstance(doc_or_text, View):
            view = doc_or_text
        else:
            view = normalize(doc_or_text, script="simplified")
        original = view.original
        vt = view.text
        spans = [sp for sp in self._spans(vt) if not vt[sp[0]:sp[1]].isspace()]
        mapped = view.alignment.to_original_many(spans)
        out = [Token(original[os_:oe], vt[s:e], (os_, oe), (s, e)) for (s, e), (os_, oe) in zip(spans, mapped)]
        if drop_stopwords:
            out = [t for t in out if t.norm not in self.stopwords]
        if drop_punct:
            out = [t for t in out if not _PUNCT.fullmatch(t.norm)]
        return out
