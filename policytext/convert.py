"""Script conversion on OpenCC's dictionaries, fast and with alignment.

The dictionaries are those shipped by ``opencc-python-reimplemented``
(OpenCC's own ``TSCharacters``, ``TSPhrases``, ``STPhrases``, ``TWPhrases`` …).
Its converter runs at about 0.6 M chars/s and returns no offsets; the official
``opencc`` binding is fast but also returns no offsets and installs a module of
the same name.  So policytext compiles the same tables itself:

* characters go through ``str.translate`` (C speed);
* phrases go through one compiled regular expression of only those phrases
  whose conversion differs from the character-by-character result, longest
  first, left to right as OpenCC's maximum-match segmentation does;
* phrases that change length (``宏观`` ↔ ``巨集觀``) become alignment edits.

>>> Converter.get("t2s").convert("國內生產總值增長")
'国内生产总值增长'
>>> Converter.get("s2t").convert("发展")
'發展'
>>> Converter.get("s2twp").convert("软件项目")
'軟體專案'
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from ._data import data_lines
from .align import Step

__all__ = ["Converter", "CONVERSIONS", "opencc_dictionary_dir"]


def opencc_dictionary_dir() -> Path:
    """Folder of OpenCC's text dictionaries as installed by opencc-python-reimplemented."""
    spec = __import__("importlib.util").util.find_spec("opencc")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("opencc-python-reimplemented is not installed (pip install opencc-python-reimplemented)")
    d = Path(list(spec.submodule_search_locations)[0]) / "dictionary"
    if not (d / "TSCharacters.txt").exists():
        raise ImportError(
            f"no OpenCC dictionaries at {d}: the installed 'opencc' module is not "
            "opencc-python-reimplemented (policytext reads its dictionary files)"
        )
    return d


@functools.lru_cache(maxsize=None)
def _load(name: str) -> Mapping[str, str]:
    """One OpenCC dictionary: key → first candidate."""
    out: dict[str, str] = {}
    path = opencc_dictionary_dir() / f"{name}.txt"
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or "\t" not in line:
                continue
            k, v = line.split("\t", 1)
            out.setdefault(k, v.split(" ")[0])
    return out


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
class Stage:
    """One dictionary group of a conversion chain: phrases + characters."""

    chars: Mapping[int, str]
    phrase_re: "re.Pattern[str] | None"
    phrases: Mapping[str, str]
    all_phrases: frozenset[str] = frozenset()
    max_len: Mapping[str, int] = None  # type: ignore[assignment]

    @classmethod
    def build(cls, phrase_dicts: Iterable[Mapping[str, str]], char_dicts: Iterable[Mapping[str, str]]) -> "Stage":
        chars: dict[str, str] = {}
        for d in char_dicts:
            for k, v in d.items():
                if len(k) == 1:
                    chars.setdefault(k, v)
        phrases: dict[str, str] = {}
        for d in phrase_dicts:
            for k, v in d.items():
                phrases.setdefault(k, v)
        for d in char_dicts:  # multi-character keys of a character table act as phrases
            for k, v in d.items():
                if len(k) > 1:
                    phrases.setdefault(k, v)
        table = {ord(k): v for k, v in chars.items() if len(v) == 1 and k != v}
        # Every phrase takes part in the left-to-right longest-match segmentation
        # (奋斗 must shield 斗的), but only those whose result differs from the
        # character-wise one produce a replacement.  The stdlib engine runs a
        # large trie alternation several times faster than `regex` does.
        changed = {k: v for k, v in phrases.items() if k.translate(table) != v}
        if len(phrases) <= _REGEX_MAX_PHRASES:
            pattern = re.compile(trie_pattern(phrases)) if phrases else None
            return cls(table, pattern, changed)
        # Tens of thousands of phrases (STPhrases): a dictionary scan beats
        # any alternation, ~1 M chars/s against 0.1 M.
        max_len: dict[str, int] = {}
        for k in phrases:
            if len(k) > max_len.get(k[0], 0):
                max_len[k[0]] = len(k)
        return cls(table, None, changed, frozenset(phrases), max_len)

    def _scan(self, text: str) -> list[tuple[int, int, str]]:
        """Left-to-right longest match over the phrase set."""
        reps = []
        phrases, changed, max_len = self.all_phrases, self.phrases, self.max_len
        i, n = 0, len(text)
        while i < n:
            m = max_len.get(text[i])
            if m is None:
                i += 1
                continue
            for L in range(min(m, n - i), 1, -1):
                w = text[i : i + L]
                if w in phrases:
                    if w in changed:
                        reps.append((i, i + L, changed[w]))
                    i += L
                    break
            else:
                if text[i] in changed:
                    reps.append((i, i + 1, changed[text[i]]))
                i += 1
        return reps

    def apply(self, text: str) -> Step:
        """Convert ``text``; phrase matches first, the rest character by character."""
        if self.max_len is not None:
            reps = self._scan(text)
        elif self.phrase_re is None:
            return Step(text, text.translate(self.chars))
        else:
            phrases = self.phrases
            reps = [(m.start(), m.end(), phrases[w]) for m in self.phrase_re.finditer(text) if (w := m.group()) in phrases]
        translated = text.translate(self.chars)
        if not reps:
            return Step(text, translated)
        # translation is 1:1, so phrase offsets in the source are valid in `translated`
        step = Step.from_replacements(translated, reps)
        return Step(text, step.target, step.edits)


CONVERSIONS = ("t2s", "s2t", "s2tw", "s2twp", "s2hk", "tw2s", "hk2s", "tw2sp_repair")


class Converter:
    """A conversion chain (``t2s``, ``s2t``, ``s2tw``, ``s2twp``, ``s2hk``, ``tw2s``, ``hk2s``).

    Converters are immutable once built and cached per name, so creating one
    in a loop costs nothing.

    >>> c = Converter.get("t2s")
    >>> steps = c.steps("區屬生產總值221.8億元")
    >>> steps[-1].target
    '区属生产总值221.8亿元'
    """

    def __init__(self, name: str, stages: tuple[Stage, ...]):
        self.name = name
        self.stages = stages

    @staticmethod
    @functools.lru_cache(maxsize=None)
    def get(name: str) -> "Converter":
        L = _load
        if name == "t2s":
            stages = (Stage.build([L("TSPhrases")], [L("TSCharacters")]),)
        elif name == "s2t":
            stages = (Stage.build([L("STPhrases")], [L("STCharacters")]),)
        elif name == "s2tw":
            stages = (Stage.build([L("STPhrases")], [L("STCharacters")]), Stage.build([], [L("TWVariants")]))
        elif name == "s2twp":
            stages = (
                Stage.build([L("STPhrases")], [L("STCharacters")]),
                Stage.build([L("TWPhrases")], []),
                Stage.build([], [L("TWVariants")]),
            )
        elif name == "s2hk":
            stages = (
                Stage.build([L("STPhrases")], [L("STCharacters")]),
                Stage.build([L("HKVariantsPhrases")], [L("HKVariants")]),
            )
        elif name == "tw2s":
            stages = (
                Stage.build([L("TWVariantsRevPhrases")], [L("TWVariantsRev")]),
                Stage.build([L("TSPhrases")], [L("TSCharacters")]),
            )
        elif name == "hk2s":
            stages = (
                Stage.build([L("HKVariantsRevPhrases")], [L("HKVariantsRev")]),
                Stage.build([L("TSPhrases")], [L("TSCharacters")]),
            )
        elif name == "tw2sp_repair":
            # Undo s2twp's Taiwan phrases with the curated table of policytext
            # (OpenCC's TWPhrasesRev also turns 指標 into 指针, 新增 into 添加 …),
            # then the Taiwan variants (著 → 着, but 著作 stays), then t2s.
            stages = (
                Stage.build([_data_table("tw_repair.tsv"), L("TWVariantsRevPhrases")], [L("TWVariantsRev")]),
                Stage.build([L("TSPhrases")], [L("TSCharacters")]),
            )
        else:
            raise ValueError(f"unknown conversion {name!r}; choose from {', '.join(CONVERSIONS)}")
        return Converter(name, stages)

    def steps(self, text: str) -> list[Step]:
        """The chain of steps, each with its alignment edits."""
        out = []
        for stage in self.stages:
            step = stage.apply(text)
            out.append(Step(step.source, step.target, step.edits, self.name))
            text = step.target
        return out

    def convert(self, text: str) -> str:
        """Converted text only."""
        for stage in self.stages:
            text = stage.apply(text).target
        return text
