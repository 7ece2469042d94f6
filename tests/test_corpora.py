"""The bundled sample: ``corpora.load("sample")`` from a clone and from a built (non-editable) package."""
from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys

import pytest

from policytext import corpora

from .conftest import CORPORA, ROOT


def _listed() -> list[str]:
    with open(CORPORA / "manifest.csv", encoding="utf-8", newline="") as f:
        return [row["file"] for row in csv.DictReader(f)]


def test_load_sample_from_the_clone():
    assert corpora.path("sample") == CORPORA  # an editable install reads the clone's corpora/
    corpus = corpora.load("sample")
    assert sorted(os.path.relpath(p, CORPORA) for p in corpus.paths) == sorted(_listed())
    with pytest.raises(ValueError):
        corpora.load("no-such-corpus")


def test_a_built_package_carries_the_sample(tmp_path):
    """What a wheel installs (``build_py``'s output) holds corpora/ as policytext/data/sample, and the loader
    of that package reads it there, wherever it runs from."""
    pytest.importorskip("setuptools")
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md"):
        shutil.copy(ROOT / name, src / name)
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in ("policytext", "corpora"):
        shutil.copytree(ROOT / name, src / name, ignore=skip)
    lib = tmp_path / "lib"
    subprocess.run([sys.executable, "setup.py", "-q", "build_py", "--build-lib", str(lib)], cwd=src, check=True,
                   capture_output=True)
    sample = lib / "policytext" / "data" / "sample"
    assert all((sample / f).is_file() for f in _listed())
    code = "from policytext import corpora; c = corpora.load('sample'); print(corpora.path(), len(c))"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(lib)},
                         capture_output=True, text=True, check=True).stdout.split()
    assert out == [str(sample), str(len(_listed()))]
