"""Every notebook runs top to bottom (nbclient, a real kernel) and is kept without outputs."""
from __future__ import annotations

import json

import pytest

from .conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_top_to_bottom(path):
    nbclient = pytest.importorskip("nbclient")
    nbformat = pytest.importorskip("nbformat")
    pytest.importorskip("ipykernel")
    nb = nbformat.read(path, as_version=4)
    assert not [c for c in nb.cells if c.cell_type == "code" and (c.outputs or c.execution_count)], \
        f"{path.name}: strip the outputs before committing"
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors


def test_notebooks_exist():
    assert {"quickstart", "growth_targets", "explore"} <= {p.stem for p in NOTEBOOKS}
    for p in NOTEBOOKS:
        json.loads(p.read_text(encoding="utf-8"))
