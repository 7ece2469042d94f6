"""Other projects' test data, taken at test time from their PyPI source distributions.

Nothing downloaded is kept in this repository: ``sdist`` fetches a pinned sdist once into a
cache directory (``$POLICYTEXT_TEST_CACHE``, else ``~/.cache/policytext-tests``) with
``python -m pip download --no-binary :all: --no-deps`` from the running interpreter, and
``members`` reads files straight out of the tarball. Without the network the tests skip,
saying why.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import pytest


def cache_dir() -> Path:
    """Where the sdists are kept between runs."""
    env = os.environ.get("POLICYTEXT_TEST_CACHE")
    base = Path(env) if env else Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "policytext-tests"
    base.mkdir(parents=True, exist_ok=True)
    return base


def _find(directory: Path, name: str, version: str) -> Path | None:
    want = f"{name.replace('-', '_').lower()}-{version}.tar.gz"
    return next((p for p in directory.glob("*.tar.gz") if p.name.lower() == want), None)


def sdist(name: str, version: str) -> Path:
    """The path of ``name==version``'s sdist, downloaded once; skip the test when it cannot be had."""
    cache = cache_dir()
    found = _find(cache, name, version)
    if found is not None:
        return found
    with tempfile.TemporaryDirectory(dir=cache) as tmp:
        cmd = [sys.executable, "-m", "pip", "download", f"{name}=={version}", "--no-binary", ":all:",
               "--no-deps", "--quiet", "--disable-pip-version-check", "-d", tmp]
        try:
            run = subprocess.run(cmd, check=False, capture_output=True, text=True, timeout=300)
        except (OSError, subprocess.TimeoutExpired) as err:
            pytest.skip(f"could not download the sdist of {name}=={version} from PyPI (offline?): {err}")
        got = _find(Path(tmp), name, version)
        if run.returncode != 0 or got is None:
            errors = [ln for ln in (run.stderr + run.stdout).splitlines() if ln.startswith("ERROR")] or ["no sdist"]
            pytest.skip(f"could not download the sdist of {name}=={version} from PyPI (offline?): {errors[0]}")
        target = cache / got.name
        os.replace(got, target)  # atomic: parallel runs never see half a file
    return target


def members(archive: Path, prefix: str) -> dict[str, str]:
    """The UTF-8 text of every file under ``prefix`` (after the top folder) in the tarball, by path under it."""
    out: dict[str, str] = {}
    with tarfile.open(archive) as tar:
        for member in tar:
            inner = member.name.split("/", 1)[-1]
            if member.isfile() and inner.startswith(prefix):
                out[inner[len(prefix):]] = tar.extractfile(member).read().decode("utf-8")
    return out
