"""Which script a text is written in, and whether it was machine-converted with Taiwan phrases.

What :func:`policytext.normalize.normalize` decides its conversion by:
:func:`detect_script` counts characters that exist in one script only;
:func:`needs_taiwan_repair` tells a mainland speech run through OpenCC's
s2twp (``巨集觀`` for 宏观, 黨委, 國務院) from a genuine Taiwanese or Hong Kong
address (立法院, 特區政府).

>>> detect_script("財政總收入32.1億元").script, needs_taiwan_repair("財政總收入32.1億元")
('traditional', False)
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

import numpy as np

from . import _chartable
from ._sample import spread
from .convert import _load

__all__ = ["Script", "ScriptEvidence", "detect_script", "needs_taiwan_repair"]

Script = Literal["simplified", "traditional", "mixed"]


@functools.lru_cache(maxsize=1)
def _script_classes() -> tuple[dict[int, int], np.ndarray]:
    """Script-only characters by code point: 1 Traditional only, 2 Simplified only.

    Counted through a numpy table (:func:`._chartable.count_classes`); a regex
    character class of four thousand characters was twenty times slower.
    """
    ts, st = _load("TSCharacters"), _load("STCharacters")
    trad_only = {k for k, v in ts.items() if len(k) == 1 and k != v and k not in st}
    simp_only = {k for k, v in st.items() if len(k) == 1 and k != v and k not in ts}
    classes = {ord(c): 1 for c in trad_only}
    classes.update({ord(c): 2 for c in simp_only})
    return classes, _chartable.class_table(classes)


@dataclass(frozen=True)
class ScriptEvidence:
    """What the script verdict rests on: counts of script-specific characters.

    In a text longer than :data:`policytext._sample.SAMPLE` characters (1 M),
    the counts are those of a sample spread over it (:func:`~policytext._sample.spread`).
    """

    script: Script
    traditional_chars: int
    simplified_chars: int

    @property
    def traditional_share(self) -> float:
        n = self.traditional_chars + self.simplified_chars
        return self.traditional_chars / n if n else 0.0


def detect_script(text: str, *, mixed_share: float = 0.1) -> ScriptEvidence:
    """Classify a text as simplified, traditional or mixed.

    Counts characters that exist only in one script (``國`` vs ``国``); a text
    whose minority script exceeds ``mixed_share`` of them is ``mixed``.  A text
    with no script-specific characters at all is called simplified.  A text
    longer than a million characters is judged on a sample spread over it
    (:mod:`policytext._sample`): in bounded time, and alike by the whole-text
    and the streamed paths.

    >>> detect_script("國內生產總值").script
    'traditional'
    >>> detect_script("国内生产总值").script
    'simplified'
    """
    _, t, s = (int(n) for n in _chartable.count_classes(spread(text), *_script_classes(), 3))
    n = t + s
    if n == 0 or t <= mixed_share * n:
        script: Script = "simplified"
    elif s <= mixed_share * n:
        script = "traditional"
    else:
        script = "mixed"
    return ScriptEvidence(script, t, s)


_MAINLAND = re.compile(
    "黨委|黨中央|黨組|幹部|社會主義|人民代表大會|國務院|同志們|鄉鎮|縣委|市委|省委|區委|政協|小康|"
    "五年規劃|十[一二三四五]五|全面從嚴|習近平|中國共產黨|規上"
)
# words only s2twp writes: 宏 became 巨集 (the computing "macro") in 宏观
_ARTIFACT = re.compile("巨集觀|巨集經濟|巨集調控|巨集政策")
_ELSEWHERE = re.compile("臺灣|台灣|中華民國|立法院|行政院|總統|國人|立法會|特區政府|行政長官|香港特別行政區|澳門|議員")


def needs_taiwan_repair(text: str) -> bool:
    """Whether a Traditional text reads as Simplified mainland text run through s2twp.

    A mainland speech machine-converted with Taiwan phrases speaks of 黨委,
    幹部, 國務院 and writes 巨集觀 for 宏观; a genuine Taiwanese or Hong Kong
    address speaks of 立法院, 行政院, 特區政府, and keeps its 專案.  A text longer
    than a million characters is judged on a sample (as :func:`detect_script`).

    >>> needs_taiwan_repair("區委、區政府領導下,全區幹部有效應對巨集觀政策,推進專案建設")
    True
    >>> needs_taiwan_repair("行政院將推動專案,立法院審議,臺灣經濟持續成長")
    False
    """
    text = spread(text)
    if _ARTIFACT.search(text):
        return True
    mainland = len(_MAINLAND.findall(text))
    elsewhere = len(_ELSEWHERE.findall(text))
    return mainland >= 2 and mainland > 2 * elsewhere
