"""notebooks/compare.ipynb stays thin and runs: its code cells are executed against the bundled corpus."""
from __future__ import annotations

import json

import pytest

from .conftest import ROOT


def test_compare_notebook_runs_with_outputs_stripped(monkeypatch):
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    nb = json.loads((ROOT / "notebooks" / "compare.ipynb").read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code and all(not c["outputs"] and c["execution_count"] is None for c in code)
    monkeypatch.chdir(ROOT / "notebooks")
    ns: dict = {}
    for cell in code:
        exec(compile("".join(cell["source"]), "compare.ipynb", "exec"), ns)
    assert "互联网" in set(ns["key"]["term"])
    assert ns["sim"].neighbours("gwr-national-2015", 1)[0][0] == "gwr-2019-s2twp"
    assert ns["pair"].passages and set(ns["trend"]["category"]) == {"经济", "民生", "生态", "党建", "改革", "安全"}
    import matplotlib.pyplot as plt

    plt.close("all")
