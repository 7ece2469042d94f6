"""The data files policytext ships (``policytext/data``): one reader for all."""
from __future__ import annotations

from importlib import resources


def data_lines(name: str) -> list[str]:
    """Non-empty lines of a shipped data file, ``#`` comments removed.

    >>> data_lines("stopwords.txt")[:3]
    ['同志们', '各位代表', '各位']
    """
    text = resources.files("policytext").joinpath("data", name).read_text(encoding="utf-8")
    lines = (ln.split("#", 1)[0].strip() for ln in text.splitlines())
    return [ln for ln in lines if ln]
