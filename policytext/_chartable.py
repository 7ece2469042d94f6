"""One-character-for-one tables over code points, indexed with numpy.

``str.translate`` looks up a dict for every character (~7 M chars/s); a
code-point array indexed by numpy does the same at ~90 M chars/s.  Short
texts, and texts with lone surrogates (which UTF-32 cannot encode), go
through ``str.translate``, which gives the same result.

>>> table = {ord("國"): "国", ord("％"): "%"}
>>> translate("國內10％", table, code_table(table))
'国內10%'
>>> classes = class_table({ord("國"): 1, ord("国"): 2})
>>> count_classes("國內國" * 300, {ord("國"): 1, ord("国"): 2}, classes, 3).tolist()
[300, 600, 0]
>>> count_classes("國內国", {ord("國"): 1, ord("国"): 2}, classes, 3).tolist()
[1, 1, 1]
"""
from __future__ import annotations

from typing import Mapping, Optional

import numpy as np

NUMPY_MIN = 512  # below this, str.translate beats numpy's call overhead

__all__ = ["NUMPY_MIN", "code_table", "translate", "class_table", "count_classes"]


def code_table(chars: Mapping[int, str]) -> np.ndarray:
    """The array ``codes`` with ``codes[c]`` the code point ``chars`` maps ``c`` to (``c`` if none)."""
    codes = np.arange(max(chars, default=0) + 1, dtype=np.uint32)
    codes[list(chars)] = [ord(v) for v in chars.values()]
    return codes


def _code_points(text: str) -> Optional[np.ndarray]:
    """The code points of ``text``, or None when numpy would not pay or cannot encode it."""
    if len(text) < NUMPY_MIN:
        return None
    try:
        return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    except UnicodeEncodeError:  # lone surrogates
        return None


def translate(text: str, chars: Mapping[int, str], codes: np.ndarray) -> str:
    """``text.translate(chars)``, for a table of single characters; ``codes`` is ``code_table(chars)``."""
    if not chars:
        return text
    cp = _code_points(text)
    if cp is None:
        return text.translate(chars)
    if int(cp.max()) < len(codes):
        out = codes.take(cp)
    else:
        out = cp.copy()
        inside = cp < len(codes)
        out[inside] = codes.take(cp[inside])
    return out.tobytes().decode("utf-32-le")


def class_table(classes: Mapping[int, int]) -> np.ndarray:
    """The array ``table`` with ``table[c]`` the class of code point ``c`` (0 when unclassed)."""
    table = np.zeros(max(classes, default=0) + 1, dtype=np.uint8)
    table[list(classes)] = list(classes.values())
    return table


def count_classes(text: str, classes: Mapping[int, int], table: np.ndarray, n: int) -> np.ndarray:
    """How many characters of ``text`` fall in each class ``0 … n-1`` (``table`` is ``class_table(classes)``)."""
    cp = _code_points(text)
    if cp is None:
        counts = np.zeros(n, dtype=np.int64)
        for ch in text:
            counts[classes.get(ord(ch), 0)] += 1
        return counts
    inside = cp[cp < len(table)]
    counts = np.bincount(table.take(inside), minlength=n)[:n]
    counts[0] += len(cp) - len(inside)
    return counts
