"""A bounded sample of a long text, for the decisions taken on a whole text.

The script of a text, whether it is a PDF's text layer, how its lines are
laid out: each is judged on the whole text when it is at most :data:`SAMPLE`
characters long (every real speech: the longest in the corpus has 58 K), and
on :func:`spread` of it beyond, so that a 200 MB file is judged in the time of
a million characters, before its first block is normalised
(:mod:`policytext.blocks`).  The sample is spread over the whole text rather
than taken from its head, so that an archive of many speeches is judged by
all of them.  The whole-text path (``normalize``) and the streamed one judge
the same sample and so make the same decisions.

>>> text = "各位代表：\\n" + "国内生产总值增长5%。\\n" * 300
>>> spread(text) is text, len(spread(text, 100, 4)) <= 100
(True, True)
>>> spread(text, 100, 4).split("\\n")[:2]
['各位代表：', '国内生产总值增长5%。']
"""
from __future__ import annotations

from typing import Optional

__all__ = ["SAMPLE", "WINDOWS", "spread"]

SAMPLE = 1_000_000  # characters: at most this many are judged
WINDOWS = 50  # stretches the sample of a longer text is made of


def spread(text: str, size: Optional[int] = None, windows: int = WINDOWS) -> str:
    """``text`` itself when at most ``size`` characters long, else ``windows`` stretches spread evenly over it.

    Each stretch holds whole lines where it holds a line break (it starts
    after the first break and ends at the last), so that line lengths and
    line ends are judged as the text has them; the stretches are joined by a
    line break (by nothing in a text without any).  The sample is at most
    ``size`` (default :data:`SAMPLE`) characters long, so ``spread(spread(t)) == spread(t)``, and it
    commutes with a one-for-one mapping of characters that keeps line breaks
    (:func:`policytext.normalize.fold_width`).
    """
    size = SAMPLE if size is None else size
    n = len(text)
    if n <= size:
        return text
    lined = "\n" in text
    width = size // windows - 1
    step = (n - width) / (windows - 1)
    parts = []
    for i in range(windows):
        a = int(i * step)
        b = min(a + width, n)
        if lined and a > 0:
            nl = text.find("\n", a - 1, b)
            a = nl + 1 if nl >= 0 else a
        if lined and b < n:
            nl = text.rfind("\n", a, b)
            b = nl if nl > a else b
        parts.append(text[a:b])
    return ("\n" if lined else "").join(parts)
