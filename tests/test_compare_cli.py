"""The compare commands on the bundled corpus, as a newcomer's clone runs them (no ../shared)."""
from __future__ import annotations

import csv
import io
import json

from policytext.cli import main

from .conftest import CORPORA

SEED = str(CORPORA / "seed-county-cadre-speech.txt")


def test_keywords_jsonl_each_target_against_the_rest(capsys):
    targets = [str(CORPORA / "gwr-2015.txt"), str(CORPORA / "gwr-1985.txt")]
    assert main(["keywords", *targets, "--reference", str(CORPORA), "--top", "20"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["source"] for r in lines] == targets
    for r in lines:
        assert len(r["keywords"]) == 20 and r["method"] == "chi2"
        assert set(r["keywords"][0]) >= {"term", "score", "p", "n_target", "n_reference", "log_ratio"}
    assert "自贸区" in [k["term"] for k in lines[0]["keywords"]]  # 2015, left out of its own reference
    assert "工资改革" in [k["term"] for k in lines[1]["keywords"]]


def test_keywords_csv_without_reference(capsys):
    assert main(["keywords", SEED, "--method", "textrank", "--top", "5", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["rank"] for r in rows] == ["1", "2", "3", "4", "5"]
    assert "抓落实" in [r["term"] for r in rows]


def test_compare_csv_matrix(capsys):
    assert main(["compare", str(CORPORA), "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    header, body = rows[0], rows[1:]
    assert header[0] == "" and header[1:] == [r[0] for r in body] and len(body) == (CORPORA / "manifest.csv").read_text(encoding="utf-8").strip().count("\n")
    i = header.index(str(CORPORA / "gwr-2015.txt"))
    assert body[i - 1][i] == "1.0000"
    assert max((float(v), header[j + 1]) for j, v in enumerate(body[i - 1][1:]) if j + 1 != i)[1].endswith("gwr-2019-s2twp.txt")


def test_kwic_table(capsys):
    assert main(["kwic", "招商引资", str(CORPORA), "--width", "8"]) == 0
    out = capsys.readouterr()
    lines = out.out.splitlines()
    seed = [ln for ln in lines if ln.startswith("seed-county-2012")]
    assert len(seed) == 3 and all("【招商引資】" in ln for ln in seed)  # each hit in its file's own script
    assert all("【招商引资】" in ln for ln in lines if ln not in seed)
    assert f"{len(lines)} hit(s)" in out.err


def test_trend_by_year_and_dictionary(capsys):
    assert main(["trend", "改革开放", "互聯網", "--by", "year", str(CORPORA / "manifest.csv")]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    got = {(r["year"], r["term"]): float(r["per_10k"]) for r in rows}
    assert got[("2015", "互聯網")] > 0 and got[("1954", "改革开放")] == 0
    assert main(["trend", "--dictionary", "default", "--by", "level", str(CORPORA)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["category"] for r in rows} == {"经济", "民生", "生态", "党建", "改革", "安全"}
