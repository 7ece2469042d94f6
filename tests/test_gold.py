"""The development gold in ../shared/eval, scored by the shared script through our CLI."""
from __future__ import annotations

import os
import subprocess
import sys


from .conftest import ROOT

# The national growth target of each work report that states one: year: the rate (lower end) as the report
# words it (2001's is the "十五" plan's yearly average, 年均7%左右: that report sets no target for 2001 alone).
STATED_GROWTH_TARGETS = {
    1992: 6, 1993: 8, 1994: 9, 1995: 8, 1997: 8, 1998: 8, 1999: 7, 2001: 7, 2003: 7, 2004: 7, 2005: 8, 2006: 8,
    2007: 8, 2008: 8, 2009: 8, 2010: 8, 2011: 8, 2012: 7.5, 2013: 7.5, 2014: 7.5, 2015: 7, 2016: 6.5,
    2017: 6.5, 2018: 6.5, 2019: 6, 2021: 6, 2022: 5.5, 2023: 5, 2024: 5, 2025: 5,
}


def test_development_gold(shared, tmp_path):
    gold = sorted(str(p) for p in (shared / "eval" / "gold").glob("*.json"))
    assert gold
    cli = f"{sys.executable} -m policytext.cli extract {{files}} --format jsonl"
    proc = subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), *gold, "--run", cli, "-v",
         "--min-indicator-f1", "0.95", "--min-record", "0.90", "--min-item-f1", "0.95", "--min-lists", "0.9",
         "--min-formulation-recall", "0.8"],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "span-errors=0" in proc.stdout


def test_growth_targets_1992_2025(shared):
    """Every national report that states a growth target yields it as a target indicator."""
    import re

    from policytext import extract, read

    name = re.compile("国内生产总值|国民生产总值|经济增长")
    missing = []
    for year, rate in STATED_GROWTH_TARGETS.items():
        path = shared / "corpus" / "national" / f"gwr-{year}.txt"
        inds = [i for i in extract(read(path)).indicators if i.kind == "target" and name.search(i.name)]
        rates = {i.value if i.value is not None else i.change.value for i in inds}
        if not any(abs((r or 0) - rate) < 1e-9 for r in rates):
            missing.append((year, sorted(r for r in rates if r is not None)))
    assert not missing, missing


def test_hong_kong_gold(shared):
    """The Hong Kong gold (2018 address: figures with space-separated thousands, 七成為, 港元,
    a change after the name that follows its figure): at the figures it reaches, as a floor."""
    gold = sorted(str(p) for p in (shared / "eval" / "gold-hongkong").glob("*.json"))
    assert gold
    cli = f"{sys.executable} -m policytext.cli extract {{files}} --format jsonl"
    for mode in ([], ["--excerpt"]):  # the whole address, and the excerpts without their context
        proc = subprocess.run(
            [sys.executable, str(shared / "eval" / "score.py"), *gold, "--run", cli, "-v", *mode,
             "--min-indicator-f1", "1.0", "--min-record", "1.0"],
            capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert "span-errors=0" in proc.stdout
