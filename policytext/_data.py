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


def data_rows(name: str) -> list[list[str]]:
    """The tab-separated columns of each line of a shipped data file.

    >>> data_rows("units.tsv")[0]
    ['个百分点', '=pp']
    """
    return [ln.split("\t") for ln in data_lines(name)]


def data_groups(name: str) -> dict[str, list[str]]:
    """A ``class<TAB>entry`` file as {class: [entries in file order]}.

    >>> data_groups("change_verbs.tsv")["down"][:3]
    ['下降', '减少', '降低']
    """
    groups: dict[str, list[str]] = {}
    for row in data_rows(name):
        groups.setdefault(row[0], []).append(row[1])
    return groups
