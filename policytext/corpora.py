"""Bundled corpora, loaded in one line.

``load("sample")`` gives the sample shipped with policytext (the repository's
``corpora/`` folder: national government work reports including the
consecutive years 2015–2019 and 2021–2025, a Shanghai report, the 2019
report machine-converted to Traditional, a scraped county speech) as a
:class:`~policytext.Corpus` with its manifest's metadata (year, level,
region, script …).  An installed package carries it as
``policytext/data/sample`` (a wheel built from the repository copies
``corpora/`` there: ``setup.py``); an editable install (``pip install -e``)
reads the ``corpora/`` folder of its clone.

>>> corpus = load("sample")
>>> national = corpus.filter(level="national")
>>> sorted(d.year for d in national)[-5:]
[2021, 2022, 2023, 2024, 2025]
"""
from __future__ import annotations

from pathlib import Path

from .document import Corpus

__all__ = ["load", "path", "NAMES"]

NAMES = ("sample",)
_HERE = Path(__file__).resolve().parent


def path(name: str = "sample") -> Path:
    """The folder of a bundled corpus (its ``manifest.csv`` lists the files)."""
    if name not in NAMES:
        raise ValueError(f"unknown corpus {name!r}: one of {', '.join(NAMES)}")
    for folder in (_HERE / "data" / name, _HERE.parent / "corpora"):
        if (folder / "manifest.csv").is_file():
            return folder
    raise FileNotFoundError(f"the sample corpus is missing: neither {_HERE / 'data' / name} nor "
                            f"{_HERE.parent / 'corpora'} holds a manifest.csv (reinstall policytext)")


def load(name: str = "sample") -> Corpus:
    """A bundled corpus as a lazy :class:`~policytext.Corpus` with its manifest's metadata."""
    return Corpus.from_manifest(path(name) / "manifest.csv")
