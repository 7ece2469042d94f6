"""Parquet tables: typed, readable without policytext (pandas, polars, DuckDB), resumable; tables() gives the same."""
from __future__ import annotations

import pytest

from policytext.batch import run, tables
from policytext.tables import COLUMNS, TABLES

from .conftest import CORPORA

pq = pytest.importorskip("pyarrow.parquet")

GROWTH_SQL = """
    SELECT meta_year AS year, list(DISTINCT coalesce(change_value, value) ORDER BY 1) AS rates
    FROM read_parquet('{out}/indicators/*.parquet')
    WHERE kind = 'target' AND meta_level = 'national' AND regexp_matches(name, '国内生产总值|国民生产总值|经济增长')
      AND coalesce(change_unit, unit) = '%'
    GROUP BY meta_year ORDER BY meta_year
"""


def _growth_targets(out) -> dict:
    duckdb = pytest.importorskip("duckdb")
    return {year: rates for year, rates in duckdb.sql(GROWTH_SQL.format(out=out)).fetchall()}


def _read_by_polars(out, docs: int) -> None:
    """Every table read by polars alone (a glob over the part files), with the columns and types written."""
    pl = pytest.importorskip("polars")
    for t in TABLES:
        df = pl.read_parquet(f"{out}/{t}/*.parquet")
        assert df.columns == COLUMNS[t] and len(df) == pq.read_table(out / t).num_rows, t
        assert df.schema["meta_year"] == pl.Int32 and df["source"].null_count() == 0, t
    assert len(pl.read_parquet(f"{out}/documents/*.parquet")) == docs
    assert pl.read_parquet(f"{out}/formulations/*.parquet").schema["numbers"] == pl.List(pl.Int32)
    targets = (pl.scan_parquet(f"{out}/indicators/*.parquet")
               .filter((pl.col("kind") == "target") & (pl.col("name") == "国内生产总值") & (pl.col("meta_year") == 2015))
               .select("change_value").collect())
    assert 7.0 in targets["change_value"].to_list()  # 2015: 国内生产总值增长7%左右


def test_parquet_tables_of_the_sample(tmp_path):
    out = tmp_path / "tables"
    summary = run([str(CORPORA)], str(out), "parquet", part_size=3)
    assert summary.documents == len(list(CORPORA.rglob("*.txt"))) and summary.errors == 0
    for t in TABLES:
        assert pq.read_schema(next((out / t).glob("*.parquet"))).names == COLUMNS[t]
    docs = pq.read_table(out / "documents").to_pandas()
    assert len(docs) == summary.documents and docs["error"].isna().all()
    assert str(pq.read_schema(next((out / "indicators").glob("*.parquet"))).field("meta_year").type) == "int32"
    targets = _growth_targets(out)
    for year, rate in {1997: 8, 2015: 7, 2021: 6, 2022: 5.5, 2023: 5, 2024: 5, 2025: 5}.items():  # as worded
        assert rate in targets[year], (year, targets.get(year))
    _read_by_polars(out, docs=summary.documents)
    # the same tables in Python
    frames = tables([str(CORPORA)])
    assert sorted(frames["indicators"]["text"]) == sorted(pq.read_table(out / "indicators").column("text").to_pylist())
    enum = frames["enumerations"]
    assert (enum.groupby(["source", "list"])["item"].count() == enum.groupby(["source", "list"])["count"].first()).all()


def test_parquet_tables_of_the_whole_corpus(shared, tmp_path):
    out = tmp_path / "tables"
    summary = run([str(shared / "corpus")], str(out), "parquet", workers=2)
    assert summary.errors == 0 and summary.documents >= 100
    _read_by_polars(out, docs=summary.documents)
    targets = _growth_targets(out)
    stated = {1992: 6, 1997: 8, 2005: 8, 2012: 7.5, 2015: 7, 2016: 6.5, 2019: 6, 2021: 6, 2022: 5.5, 2025: 5}
    assert not {y: targets.get(y) for y, r in stated.items() if r not in (targets.get(y) or [])}
