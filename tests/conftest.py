"""Shared fixtures: the bundled corpus, and ../shared when it is beside the clone."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs once per submission: property tests there replay a fixed set of examples
# (derandomized); a developer's run explores new ones (and keeps what it finds in .hypothesis/).
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
SHARED = ROOT.parent / "shared"


def corpus_text(name: str) -> str:
    return (CORPORA / name).read_text(encoding="utf-8")


@pytest.fixture
def shared() -> Path:
    """The project's shared folder; tests that need it skip, saying why, when it is absent."""
    if not (SHARED / "corpus" / "manifest.csv").exists():
        pytest.skip(f"{SHARED} is not beside this clone (the full corpus, seed and gold live there)")
    return SHARED


@pytest.fixture(scope="session")
def segmenter():
    from policytext import Segmenter

    return Segmenter()
