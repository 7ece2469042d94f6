"""Segmentation: jieba on the Simplified view, tokens with original offsets.

Each :class:`Segmenter` owns a ``jieba.Tokenizer`` (never the module-level
singleton), loads the policy lexicon shipped in ``policytext/data`` (and any
the user adds), and keeps numbers with decimals, percents and per-mille whole.

>>> seg = Segmenter()
>>> [t.norm for t in seg.segment("坚持科学发展观，规上工业利税增长10.4%")]
['坚持', '科学发展观', '，', '规上工业', '利税', '增长', '10.4%']
"""
from __future__ import annotations

import inspect
import os
import re
from bisect import bisect_right
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Protocol, Sequence, Union

from ._data import data_lines
from .align import Span
from .blocks import BLOCK_SIZE
from .normalize import View, normalize
from .residue import residue_lines
from .script import detect_script, needs_taiwan_repair


class HasView(Protocol):
    """What :meth:`Segmenter.segment` needs of a document (``policytext.Document`` has it)."""

    residue: Sequence[Span]

    def view(self, script: str = ..., *, repair: Optional[bool] = ...) -> View: ...

__all__ = ["Token", "Segmenter", "load_lexicon", "load_stopwords", "cache_dir", "in_spans"]

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

    A scikit-learn-style component: ``__init__`` only stores its parameters
    (so ``sklearn.base.clone`` and ``get_params`` work), the
    ``jieba.Tokenizer`` is built on first use and left out when the
    segmenter is pickled (jieba's holds a lock), so it ships to joblib or
    Dask workers and goes into a ``Pipeline`` (``transform`` gives token
    lists).

    Args:
        lexicon: extra lexicon files (jieba user-dictionary format) on top of
            policytext's own; ``use_default_lexicon=False`` drops ours.
        words: extra words to add.
        use_default_lexicon: load ``policytext/data/policy_lexicon.txt``.
        hmm: jieba's HMM for unknown words (off by default: names of
            measures are better left in dictionary words).
        stopwords: a stopword file, a collection of words, or ``None`` for
            the speech stopwords shipped (used when ``drop_stopwords=True``).
        repair: undo Taiwan phrases of machine conversion in the Simplified
            view (``None``: decide from the text).

    >>> import pickle
    >>> seg = pickle.loads(pickle.dumps(Segmenter(words=["金西开发区"])))
    >>> seg.cut("加快金西开发区建设")
    ['加快', '金西开发区', '建设']
    """

    def __init__(
        self,
        lexicon: Sequence[Union[str, os.PathLike]] = (),
        *,
        words: Iterable[str] = (),
        use_default_lexicon: bool = True,
        hmm: bool = False,
        stopwords: Union[str, os.PathLike, Iterable[str], None] = None,
        repair: Optional[bool] = None,
    ):
        self.lexicon = lexicon
        self.words = words
        self.use_default_lexicon = use_default_lexicon
        self.hmm = hmm
        self.stopwords = stopwords
        self.repair = repair

    # --- scikit-learn protocol ----------------------------------------------------
    @classmethod
    def _param_names(cls) -> list[str]:
        sig = inspect.signature(cls.__init__)
        return [p for p in sig.parameters if p != "self"]

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """The constructor parameters, as scikit-learn's ``clone`` reads them."""
        return {k: getattr(self, k) for k in self._param_names()}

    def set_params(self, **params: Any) -> "Segmenter":
        for k, v in params.items():
            if k not in self._param_names():
                raise ValueError(f"Segmenter has no parameter {k!r}")
            setattr(self, k, v)
        self.__dict__.pop("_tok_", None)  # rebuilt with the new parameters
        self.__dict__.pop("_stop_", None)
        return self

    def fit(self, X: Any = None, y: Any = None) -> "Segmenter":
        """Nothing to learn; here so the segmenter can open a ``Pipeline``."""
        return self

    def transform(self, X: Iterable[Any]) -> list[list[str]]:
        """Each document (or text) as its list of content words (``norm``)."""
        return [[t.norm for t in self.segment(x, drop_stopwords=True, drop_punct=True)] for x in X]

    def fit_transform(self, X: Iterable[Any], y: Any = None) -> list[list[str]]:
        return self.transform(X)

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.pop("_tok_", None)  # jieba's Tokenizer holds a lock: rebuilt on first use
        return state

    def __repr__(self) -> str:
        changed = {k: v for k, v in self.get_params().items() if v != _DEFAULTS.get(k)}
        return f"Segmenter({', '.join(f'{k}={v!r}' for k, v in changed.items())})"

    # --- the jieba tokenizer, built lazily --------------------------------------
    @property
    def _tok(self):
        tok = self.__dict__.get("_tok_")
        if tok is None:
            tok = self.__dict__["_tok_"] = self._build()
        return tok

    def _build(self):
        from ._jieba import tokenizer

        tok = tokenizer(str(cache_dir()))
        entries: list[tuple[str, Optional[int]]] = []
        if self.use_default_lexicon:
            entries += load_lexicon()
        for path in ([self.lexicon] if isinstance(self.lexicon, (str, os.PathLike)) else self.lexicon):
            entries += load_lexicon(path)
        entries += [(w, None) for w in self.words]
        entries += self.__dict__.get("_added", [])
        for word, freq in entries:
            if freq is None:
                freq = max(tok.suggest_freq(word, False), 50)
            tok.add_word(word, freq)
        return tok

    @property
    def stopword_set(self) -> frozenset[str]:
        """The stopwords in force (the ``stopwords`` parameter resolved)."""
        stop = self.__dict__.get("_stop_")
        if stop is None:
            sw = self.stopwords
            stop = load_stopwords(sw) if sw is None or isinstance(sw, (str, os.PathLike)) else frozenset(sw)
            self.__dict__["_stop_"] = stop
        return stop

    def add_word(self, word: str, freq: Optional[int] = None) -> None:
        """Add a word that should come out whole (``规上工业``); kept across pickling."""
        self.__dict__.setdefault("_added", []).append((word, freq))
        tok = self.__dict__.get("_tok_")
        if tok is not None:
            tok.add_word(word, max(tok.suggest_freq(word, False), 50) if freq is None else freq)

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
        self,
        doc_or_text: Union[HasView, View, str],
        *,
        drop_stopwords: bool = False,
        drop_punct: bool = False,
        keep_residue: bool = False,
    ) -> list[Token]:
        """Tokens of a document, a view or a text, with spans into its original text.

        Whitespace is always dropped; scrape residue (``來源:瑞文範文網 1.5W``)
        unless ``keep_residue``; stopwords (同志们, 我们, 要 …) and punctuation
        only when asked, e.g. for keyword counts.

        >>> [t.norm for t in Segmenter().segment("同志们，我们要进一步招商引资", drop_stopwords=True, drop_punct=True)]
        ['招商引资']
        >>> [t.text for t in Segmenter().segment("來源:瑞文範文網 1.5W\\n招商引資")]
        ['招商引資']
        """
        view, residue = self._view(doc_or_text, keep_residue)
        return self._tokens(view, residue, 0, 0, drop_stopwords, drop_punct)

    def stream(self, doc_or_text: Union[HasView, View, str], *, drop_stopwords: bool = False,
               drop_punct: bool = False, keep_residue: bool = False, block: int = BLOCK_SIZE) -> Iterator[Token]:
        """The tokens of :meth:`segment`, yielded as each block of the text is segmented.

        A 200 MB page saved as one line gives its first tokens after its first
        few thousand characters: the text is cut where its view breaks a line
        anyway (:mod:`policytext.blocks`), each block normalised and cut alone,
        with the same tokens, spans and view spans as :meth:`segment`.

        >>> import itertools
        >>> toks = Segmenter().stream("国内生产总值增长5%。城镇新增就业1100万人。" * 3000)
        >>> [t.text for t in itertools.islice(toks, 4)]
        ['国内生产总值', '增长', '5%', '。']
        """
        for toks in self.stream_blocks(doc_or_text, drop_stopwords=drop_stopwords, drop_punct=drop_punct,
                                       keep_residue=keep_residue, block=block):
            yield from toks

    def stream_blocks(self, doc_or_text: Union[HasView, View, str], *, drop_stopwords: bool = False,
                      drop_punct: bool = False, keep_residue: bool = False,
                      block: int = BLOCK_SIZE) -> Iterator[list[Token]]:
        """:meth:`stream`, a list of tokens per block (a paragraph or a few, or a piece of a long line)."""
        from .blocks import view_blocks
        from .document import Document

        if isinstance(doc_or_text, View) or not isinstance(doc_or_text, (str, Document)):
            view, residue = self._view(doc_or_text, keep_residue)  # the view is there already
            yield self._tokens(view, residue, 0, 0, drop_stopwords, drop_punct)
            return
        text, script = (doc_or_text, None) if isinstance(doc_or_text, str) else (doc_or_text.text, doc_or_text.script)
        for b in view_blocks(text, script=script, repair=self._repair_of(doc_or_text), size=block):
            res = [] if keep_residue else b.residue
            yield self._tokens(b.view, res, b.start, b.view_start, drop_stopwords, drop_punct)
            if b.trailer and not keep_residue:
                return

    def _tokens(self, view: View, residue: Sequence[Span], start: int, view_start: int,
                drop_stopwords: bool, drop_punct: bool) -> list[Token]:
        """Tokens of ``view``, whose original begins at ``start`` of the text (``view_start`` of its view)."""
        original = view.original
        vt = view.text
        spans = [sp for sp in self._spans(vt) if not vt[sp[0]:sp[1]].isspace()]
        mapped = view.alignment.to_original_many(spans)
        out = [Token(original[os_:oe], vt[s:e], (os_ + start, oe + start), (s + view_start, e + view_start))
               for (s, e), (os_, oe) in zip(spans, mapped)]
        if residue:
            out = [t for t in out if not in_spans(residue, t.span[0])]
        if drop_stopwords:
            stop = self.stopword_set
            out = [t for t in out if t.norm not in stop]
        if drop_punct:
            out = [t for t in out if not _PUNCT.fullmatch(t.norm)]
        return out

    def _repair_of(self, doc_or_text: Union[HasView, str]) -> Optional[bool]:
        """The repair decision of :meth:`_view`: the segmenter's, else ``Document.view``'s."""
        if self.repair is not None or isinstance(doc_or_text, str):
            return self.repair
        return doc_or_text.machine_converted

    def _view(self, doc_or_text: Union[HasView, View, str], keep_residue: bool) -> tuple[View, Sequence[Span]]:
        """The Simplified view to cut, and the residue spans (of the original) to skip.

        A text is normalised as ``Document.view`` would: script and Taiwan-phrase
        repair decided on the text as read.
        """
        if isinstance(doc_or_text, str):
            src = detect_script(doc_or_text).script
            repair = self.repair if self.repair is not None else src != "simplified" and needs_taiwan_repair(doc_or_text)
            view = normalize(doc_or_text, script="simplified", repair=repair, source_script=src)
            return view, (residue_lines(doc_or_text) if not keep_residue else [])
        if isinstance(doc_or_text, View):
            return doc_or_text, (residue_lines(doc_or_text.original) if not keep_residue else [])
        view = doc_or_text.view("simplified", repair=self.repair)  # a Document, or anything with view() and residue
        return view, (doc_or_text.residue if not keep_residue else [])

    def norms(self, doc_or_text: Union[HasView, View, str], *, keep_residue: bool = False) -> list[str]:
        """Just the words (``Token.norm``) of :meth:`segment`, without building tokens: for counting.

        >>> Segmenter().norms("來源:瑞文範文網 1.5W\\n招商引資，科學發展觀")
        ['招商引资', '，', '科学发展观']
        """
        view, residue = self._view(doc_or_text, keep_residue)
        vt = view.text
        spans = self._spans(vt)
        if residue:  # token starts only grow: one walk over the residue spans, not a search per token
            spans = _outside(spans, [view.to_view(sp) for sp in residue])
        return [w for s, e in spans if not (w := vt[s:e]).isspace()]


_DEFAULTS = {k: p.default for k, p in inspect.signature(Segmenter.__init__).parameters.items() if k != "self"}


def _outside(tokens: Iterable[Span], spans: Sequence[Span]) -> Iterator[Span]:
    """The tokens (starts not decreasing) that start in none of ``spans`` (sorted, ends not decreasing).

    >>> list(_outside([(0, 2), (2, 4), (4, 6), (6, 8)], [(1, 3), (6, 7)]))
    [(0, 2), (4, 6)]
    """
    j, n = 0, len(spans)
    for tok in tokens:
        s = tok[0]
        while j < n and spans[j][1] <= s:
            j += 1
        if j == n or s < spans[j][0]:
            yield tok


def in_spans(spans: Sequence[Span], pos: int) -> bool:
    """Whether ``pos`` lies in one of ``spans`` (sorted, not overlapping).

    >>> in_spans([(0, 5), (10, 12)], 11), in_spans([(0, 5), (10, 12)], 5)
    (True, False)
    """
    i = bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and pos < spans[i][1]
