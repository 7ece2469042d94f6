"""The Dask engine on a LocalCluster (2 worker processes): the same records as a local run."""
from __future__ import annotations

import json
import shutil

import pytest

from policytext.batch import iter_records
from policytext.cli import main

from .conftest import CORPORA

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def test_dask_gives_the_local_records(tmp_path, scheduler):
    from policytext.cluster import dataframes, dask_records

    folder = tmp_path / "archive"
    folder.mkdir()
    for name in ("gwr-1985.txt", "seed-county-cadre-speech.txt"):
        shutil.copy(CORPORA / name, folder / name)
    (folder / "broken.txt").write_bytes(bytes(range(256)) * 20)  # breaks on the worker that reads it
    local = sorted(iter_records([str(folder)]), key=lambda r: r["source"])
    remote = sorted(dask_records([str(folder)], scheduler=scheduler), key=lambda r: r["source"])
    assert remote == local
    assert [r["error"] for r in remote if "error" in r] == ["read"]
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(folder), "-o", str(out), "--engine", "dask", "--scheduler", scheduler, "-q"]) == 1
    assert [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] == local
    with distributed.Client(scheduler):
        frames = dataframes([str(folder)])
        assert frames["indicators"].npartitions == 3  # one partition per file
        docs = frames["documents"].compute()
    assert sorted(docs["source"]) == [r["source"] for r in local]
    assert docs.set_index("source").loc[str(folder / "broken.txt"), "error"] == "read"
