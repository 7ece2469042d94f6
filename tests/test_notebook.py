"""The notebook stays thin and runs: its code cells are executed against the bundled corpus."""
from __future__ import annotations

import json

import pytest

from .conftest import ROOT


def test_notebook_cells_run(monkeypatch):
    pytest.importorskip("pandas")
    nb = json.loads((ROOT / "notebooks" / "explore.ipynb").read_text(encoding="utf-8"))
    monkeypatch.chdir(ROOT / "notebooks")
    ns: dict = {}
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code
    for cell in code:
        src = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        exec(compile(src, "explore.ipynb", "exec"), ns)
    assert len(ns["df"]) > 100 and set(ns["df"]["kind"]) == {"actual", "target"}
