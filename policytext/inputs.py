"""What a batch run reads: files, folders, globs and manifest CSVs, walked lazily.

Every input becomes one :class:`Input`: a path to extract with the metadata
a ``manifest.csv`` gives it, or, for something met on the way that cannot be
a speech (a directory named ``x.txt``, a symlink loop, a dangling link, a
FIFO), an input that already carries its error, so that it becomes an error
row of the output instead of silence.

A file named on its own or matched by a glob gets the metadata of a
``manifest.csv`` in its folder (or a folder above) that lists it; a
``manifest.csv`` named as an input stands for the files it lists.

>>> [(i.source, i.meta["year"]) for i in iter_inputs(["corpora/gwr-2015.txt"])]
[('corpora/gwr-2015.txt', 2015)]
"""
from __future__ import annotations

import csv
import glob as globmod
import os
import stat
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Mapping, Optional

__all__ = ["Input", "iter_inputs", "TEXT_SUFFIXES", "MANIFEST"]

TEXT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".docx", ".pdf")
MANIFEST = "manifest.csv"


@dataclass(frozen=True)
class Input:
    """One input of a batch run: a path and its metadata, or an error found while walking."""

    source: str
    meta: Mapping[str, Any] = field(default_factory=dict)
    error: Optional[str] = None
    reason: Optional[str] = None


def _cell(v: Optional[str]) -> Any:
    if v is None or v == "":
        return None
    return int(v) if v.isdigit() else v


def read_manifest(path: str, path_column: str = "file") -> list[tuple[str, dict]]:
    """``(path, metadata)`` for each row of a manifest CSV (paths relative to the CSV)."""
    base = os.path.dirname(path)
    rows = []
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            rel = row.get(path_column)
            if rel:
                rows.append((os.path.normpath(os.path.join(base, rel)),
                             {k: _cell(v) for k, v in row.items() if k != path_column and k is not None}))
    return rows


class _Manifests:
    """Manifest metadata looked up by a file's real path, each manifest read once."""

    def __init__(self) -> None:
        self._by_dir: dict[str, dict[str, dict]] = {}

    def of_dir(self, d: str) -> dict[str, dict]:
        d = os.path.realpath(d)
        if d not in self._by_dir:
            m = os.path.join(d, MANIFEST)
            try:
                self._by_dir[d] = {os.path.realpath(p): meta for p, meta in read_manifest(m)} if os.path.isfile(m) else {}
            except (OSError, UnicodeDecodeError, csv.Error):
                self._by_dir[d] = {}
        return self._by_dir[d]

    def meta(self, path: str) -> dict:
        """Metadata of ``path`` from the nearest manifest (its folder or above) that lists it."""
        real = os.path.realpath(path)
        d = os.path.dirname(real)
        while True:
            m = self.of_dir(d)
            if real in m:
                return dict(m[real])
            parent = os.path.dirname(d)
            if parent == d:
                return {}
            d = parent


def _has_suffix(name: str, suffixes: Iterable[str]) -> bool:
    return name.lower().endswith(tuple(suffixes))


def _walk(folder: str, manifests: _Manifests, suffixes, seen_dirs: set) -> Iterator[Input]:
    """Inputs below ``folder`` in sorted order; loops, unreadable folders and odd entries as errors."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        yield Input(folder, {}, "unreadable", f"cannot list the folder: {e.strerror or e}")
        return
    for e in entries:
        path = os.path.join(folder, e.name)
        try:
            st = os.stat(path)  # follows links
        except OSError as err:
            what = "a symlink loop" if err.errno == 40 else ("a dangling symlink" if e.is_symlink() else "unreadable")
            yield Input(path, {}, "unreadable", f"{what}: {err.strerror or err}")
            continue
        if stat.S_ISDIR(st.st_mode):
            real = os.path.realpath(path)
            if _has_suffix(e.name, suffixes):
                yield Input(path, {}, "not-a-file", "a directory named like a file")
            elif real in seen_dirs:
                yield Input(path, {}, "unreadable", "a symlink loop: this folder was already walked")
            else:
                seen_dirs.add(real)
                yield from _walk(path, manifests, suffixes, seen_dirs)
        elif not _has_suffix(e.name, suffixes) or e.name == MANIFEST:
            continue  # not a speech: README.md, data.json, the manifest itself
        elif stat.S_ISREG(st.st_mode):
            yield Input(path, manifests.meta(path))
        else:
            yield Input(path, {}, "not-a-file", "not a regular file (a FIFO, socket or device)")


def iter_inputs(paths: Iterable[str], suffixes=TEXT_SUFFIXES) -> Iterator[Input]:
    """Every input named by ``paths`` (files, folders, globs, manifest CSVs), each source once."""
    manifests = _Manifests()
    emitted: set[str] = set()
    for inp in _expand(paths, manifests, suffixes):
        key = os.path.normpath(inp.source)
        if key in emitted:
            continue
        emitted.add(key)
        yield inp


def _expand(paths: Iterable[str], manifests: _Manifests, suffixes) -> Iterator[Input]:
    for p in paths:
        p = os.fspath(p)
        if os.path.isdir(p):
            if _has_suffix(p.rstrip("/"), suffixes):
                yield Input(p, {}, "not-a-file", "a directory named like a file")
                continue
            walked: list[str] = []
            for inp in _walk(p, manifests, suffixes, {os.path.realpath(p)}):
                walked.append(os.path.realpath(inp.source))
                yield inp
            yield from _missing_from_manifests(p, manifests, set(walked))
        elif os.path.basename(p) == MANIFEST or (p.lower().endswith(".csv") and os.path.isfile(p)):
            try:
                rows = read_manifest(p)
            except (OSError, UnicodeDecodeError, csv.Error) as e:
                yield Input(p, {}, "unreadable", f"cannot read the manifest: {e}")
                continue
            for path, meta in rows:
                yield Input(path, meta)
        elif not os.path.lexists(p) and any(ch in p for ch in "*?["):
            matches = sorted(globmod.glob(p, recursive=True))
            if not matches:
                yield Input(p, {}, "missing", "no file matches this pattern")
            yield from _expand(matches, manifests, suffixes)
        else:
            yield Input(p, manifests.meta(p) if os.path.isfile(p) else {})


def _missing_from_manifests(folder: str, manifests: _Manifests, walked: set) -> Iterator[Input]:
    """Files a manifest inside ``folder`` lists but the walk did not find: an error each, not silence."""
    root = os.path.realpath(folder)
    for d, listing in list(manifests._by_dir.items()):
        if d == root or d.startswith(root + os.sep):
            for real in listing:
                if real not in walked:
                    rel = os.path.relpath(real, root)
                    yield Input(os.path.join(folder, rel), listing[real])
