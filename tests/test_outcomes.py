"""Targets against outcomes, on real reports: the bundled national 2021-2025, the whole national series
1992-2025 and the provincial reports of 2025 and 2026 in ../shared."""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import unicodedata

import pytest

from policytext import Corpus, corpora, outcomes, read
from policytext.measures import Figure, measure_table
from policytext.outcomes import COLUMNS, issuer_of, met, outcome_rows

from .conftest import ROOT
from .test_gold import STATED_GROWTH_TARGETS


@pytest.fixture(scope="module")
def sample_rows():
    return outcome_rows(corpora.load("sample").filter(level="national"))


@pytest.fixture(scope="module")
def national_rows():
    shared = ROOT.parent / "shared"
    if not (shared / "corpus" / "manifest.csv").exists():
        pytest.skip(f"{shared} is not beside this clone (the full national series lives there)")
    return outcome_rows([str(shared / "corpus" / "national")])


def _check_spans(rows) -> None:
    """Each row's target and outcome point, exactly, into the original text of their reports."""
    texts: dict = {}

    def text(src):
        if src not in texts:
            texts[src] = read(src).text
        return texts[src]

    for r in rows:
        s, e = r.target_span
        assert text(r.target_source)[s:e] == r.target_text
        if r.outcome is not None:
            s, e = r.outcome_span
            assert text(r.outcome_source)[s:e] == r.outcome_text


def _number_in(value: float, text: str) -> bool:
    """Whether a text ends on the figure, when it ends on Arabic digits (width-folded, 8 ．8 ％ unspaced)."""
    folded = re.sub(r"\s", "", unicodedata.normalize("NFKC", text))
    last = re.search(r"(\d+(?:\.\d+)?)(?:%|万人|个百分点)?(?:以上|以内|左右)?$", folded)
    return last is None or abs(float(last.group(1)) - abs(value)) < 1e-9 or abs(float(last.group(1)) * 1e4 - value) < 1e-6


def test_sample_years_paired_by_the_next_report(sample_rows):
    years = sorted(d.year for d in corpora.load("sample").filter(level="national") if d.year)
    paired = {y for y in years if y + 1 in years}
    gdp = {r.year: r for r in sample_rows if r.measure == "gdp_growth"}
    assert set(gdp) == paired
    assert all(r.issuer == "中国" and r.level == "national" for r in sample_rows)
    assert all(r.outcome is not None and _number_in(r.outcome, r.outcome_text) for r in gdp.values())
    _check_spans(sample_rows)


def test_sample_rows_read_from_the_text(sample_rows):
    """2022: 国内生产总值增长5.5%左右 against the 2023 report's 国内生产总值增长3%, the only missed growth target."""
    by = {(r.year, r.measure): r for r in sample_rows}
    r = by[2022, "gdp_growth"]
    assert (r.target, r.qualifier, r.outcome, r.met) == (5.5, "approx", 3.0, False)
    assert r.target_source.endswith("gwr-2022.txt") and r.outcome_source.endswith("gwr-2023.txt")
    jobs = by[2021, "urban_new_jobs"]  # 城镇新增就业1100万人以上 → 1269万人 in the 2022 report
    assert (jobs.target, jobs.qualifier, jobs.outcome, jobs.unit, jobs.met) == (11e6, "min", 12.69e6, "人", True)
    assert by[2024, "cpi"].met and by[2024, "cpi"].outcome == 0.2  # 3%左右 is a ceiling: 0.2% keeps under it


def test_frame_is_tidy(sample_rows):
    frame = outcomes(corpora.load("sample").filter(level="national"))
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == len(sample_rows)
    assert not frame.duplicated(["issuer", "year", "measure"]).any()
    assert frame["target"].dtype.kind == "f" and frame["year"].dtype.kind == "i"


def test_met_follows_qualifier_and_direction():
    assert met(Figure(6.0, None, "min", "%"), 6.0, "floor")          # 增长6%以上 met by 6%
    assert not met(Figure(5.5, None, "approx", "%"), 5.3, "floor")   # 增长5.5%左右 is read as 5.5
    assert met(Figure(6.0, 6.5, "range", "%"), 6.1, "floor")         # 6%－6.5%: the low end is the floor
    assert met(Figure(3.0, None, "approx", "%"), 3.0, "ceiling")     # CPI 3%左右: at most 3
    assert not met(Figure(3.0, None, "approx", "%"), 3.3, "ceiling")
    assert met(Figure(5.5, None, "max", "%"), 5.5, "ceiling") and not met(Figure(5.5, None, "max", "%"), 5.6, "ceiling")


def test_measure_table_names_and_extension(tmp_path):
    table = measure_table()
    assert {table.match(n).name for n in ("国内生产总值", "國民生產總值", "地区生产总值", "经济增长速度", "GDP")} \
        == {"gdp_growth"}
    assert table.match("城镇登记失业率").name != table.match("城镇调查失业率").name
    for other in ("人均国内生产总值", "国内生产总值和城乡居民人均收入", "占国内生产总值比重", "海洋生产总值"):
        assert table.match(other) is None, other
    extra = tmp_path / "mine.tsv"
    extra.write_text("grain_output\tamount\tfloor\t粮食产量 粮食总产量\n", encoding="utf-8")
    mine = measure_table(extra)
    assert mine.match("粮食总产量").name == "grain_output" and mine.match("国内生产总值").name == "gdp_growth"
    assert measure_table({"经济增长预期": "gdp_growth"}).match("经济增长预期").name == "gdp_growth"
    with pytest.raises(ValueError, match="not in the table"):
        measure_table({"粮食产量": "grain_output"})
    with pytest.raises(ValueError, match="quantity"):
        measure_table({"粮食产量": ("grain_output", "tons", "floor")})


def test_user_measure_pairs_in_the_corpus():
    """A measure the shipped table leaves out, added by the user, pairs like the others (粮食产量 in 2021-2025)."""
    rows = outcome_rows(corpora.load("sample").filter(level="national"),
                        {"粮食产量": ("grain_output", "amount", "floor")})
    grain = [r for r in rows if r.measure == "grain_output"]
    assert grain and all(r.unit and r.target > 0 for r in grain)
    _check_spans(grain)


def test_issuer_from_the_manifest():
    assert issuer_of({"level": "provincial", "region": "宁夏回族自治区", "speaker_or_org": "x"}) == ("provincial", "宁夏")
    assert issuer_of({"level": "provincial", "region": "广东", "speaker_or_org": "广东省人民政府"}) == ("provincial", "广东")
    assert issuer_of({"level": "county", "speaker_or_org": "区委"}) == ("county", "区委")


def test_national_series_1992_2025(national_rows):
    """Every year that states a growth target and whose next report is in the corpus has its row, with the target."""
    folder = ROOT.parent / "shared" / "corpus" / "national"
    present = {int(m.group(1)) for p in folder.glob("gwr-*.txt") if (m := re.fullmatch(r"gwr-(\d{4})", p.stem))}
    # 2001 states only the "十五" plan's yearly average (年均7%左右), not a target for 2001: no row
    expected = {y for y in STATED_GROWTH_TARGETS if y + 1 in present} - {2001}
    gdp = {r.year: r for r in national_rows if r.measure == "gdp_growth"}
    assert expected <= set(gdp), sorted(expected - set(gdp))
    assert all(gdp[y].target == STATED_GROWTH_TARGETS[y] for y in expected)
    assert 2001 not in gdp
    # the next report states no figure for the year: 2000 says 国内生产总值增长率达到预期目标, 2008 reviews five
    # years (比2002年增长65.5%, 年均增长10.6%)
    unstated = {1999, 2007}
    assert all(gdp[y].outcome is not None for y in expected - unstated)
    assert all(gdp[y].outcome is None for y in unstated)
    # 2017 writes 74.4, a line holding only a zero-width space, then 万亿元，增长6.7%: read across the ghost line
    r = gdp[2016]
    assert (r.target, r.target_high, r.qualifier, r.outcome, r.met) == (6.5, 7, "range", 6.7, True)
    assert r.outcome_text.endswith("74.4\n\u200b\n万亿元，增长6.7%")
    for r in gdp.values():
        if r.outcome is not None:
            assert _number_in(r.outcome, r.outcome_text), r
    _check_spans(national_rows)


def test_national_outcomes_are_of_the_year(national_rows):
    """Five-year reviews never stand in for the year: 2008 reviews 2003-2007, 2018 2013-2017."""
    for r in national_rows:
        if r.outcome is not None:
            assert not re.search("年均|平均每年|累计|五年", r.outcome_text), r
    by = {(r.year, r.measure): r for r in national_rows}
    assert by[2017, "urban_new_jobs"].outcome == 13.51e6  # 城镇新增就业1351万人, not 五年来……6600万人以上
    assert by[2021, "energy_intensity"].target == 3  # 单位国内生产总值能耗降低3%左右, not the 十四五 plan's 13.5%


def test_provincial_pairs_by_region(shared):
    """2025 targets against what the 2026 report of the same region says of 2025 (read in both texts)."""
    rows = outcome_rows(Corpus.from_manifest(shared / "corpus" / "manifest.csv").filter(level="provincial"))
    prov = {(r.issuer, r.measure): r for r in rows if r.level == "provincial"}
    regions = {r.issuer for r in rows if r.level == "provincial"}
    assert regions == {"四川", "宁夏", "广东"}  # the regions with a 2026 report beside their 2025 one
    assert all(r.year == 2025 for r in rows if r.level == "provincial")
    sichuan, ningxia, guangdong = prov["四川", "gdp_growth"], prov["宁夏", "gdp_growth"], prov["广东", "gdp_growth"]
    assert (sichuan.target, sichuan.qualifier, sichuan.outcome, sichuan.met) == (5.5, "min", 5.5, True)
    assert (ningxia.target, ningxia.qualifier, ningxia.outcome, ningxia.met) == (5.5, "approx", 5.3, False)
    assert (guangdong.target, guangdong.outcome, guangdong.met) == (5, 3.9, False)
    jobs = prov["广东", "urban_new_jobs"]  # 城镇新增就业110万人以上 → 城镇新增就业149.4万人
    assert (jobs.target, jobs.outcome, jobs.met) == (1.1e6, 1.494e6, True)
    _check_spans([r for r in rows if r.level == "provincial"])


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "policytext.cli", "outcomes", *args], capture_output=True,
                          text=True, cwd=ROOT)


def test_cli_csv_and_jsonl(tmp_path):
    proc = _cli("corpora/national/gwr-2022.txt", "corpora/national/gwr-2023.txt")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert list(rows[0]) == list(COLUMNS)
    gdp = next(r for r in rows if r["measure"] == "gdp_growth")
    assert (gdp["issuer"], gdp["year"], gdp["target"], gdp["qualifier"], gdp["outcome"], gdp["met"]) == \
        ("中国", "2022", "5.5", "approx", "3", "False")
    jobs = next(r for r in rows if r["measure"] == "urban_new_jobs")
    assert jobs["target"] == "11000000" and json.loads(jobs["target_span"])[1] > json.loads(jobs["target_span"])[0]
    out = tmp_path / "o" / "outcomes.jsonl"
    proc = _cli("corpora", "--format", "jsonl", "-o", str(out))
    assert proc.returncode == 0 and "with an outcome" in proc.stderr
    recs = [json.loads(ln) for ln in out.read_text(encoding="utf-8").splitlines()]
    assert {(r["year"], r["measure"]) for r in recs} >= {(y, "gdp_growth") for y in (2021, 2022, 2023, 2024)}
    assert isinstance(recs[0]["target"], (int, float)) and isinstance(recs[0]["target_span"], list)
    for ln in out.read_text(encoding="utf-8").splitlines():  # strict JSON: no NaN or Infinity
        json.loads(ln, parse_constant=lambda c: pytest.fail(f"{c} in {ln}"))
    assert [p.name for p in out.parent.iterdir()] == ["outcomes.jsonl"]  # written whole, no temporary file left


def test_cli_output_is_replaced_whole_and_kept_on_failure(tmp_path):
    out = tmp_path / "outcomes.csv"
    out.write_text("an earlier run\n", encoding="utf-8")
    proc = _cli("corpora/national/gwr-2022.txt", "corpora/national/gwr-2023.txt", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.read_text(encoding="utf-8").startswith(",".join(COLUMNS))
    before = out.read_bytes()
    proc = _cli(str(tmp_path / "no-such-report.txt"), "-o", str(out))  # nothing to read: the old file stays
    assert proc.returncode == 1 and "no-such-report.txt" in proc.stderr and "nothing written" in proc.stderr
    assert out.read_bytes() == before
    proc = _cli("corpora/national/gwr-2022.txt", "corpora/national/gwr-2023.txt", str(tmp_path / "typo.txt"))
    assert proc.returncode == 1 and "skipped" in proc.stderr and "typo.txt" in proc.stderr  # said, and the rest read
    assert "gdp_growth" in proc.stdout
    assert [p.name for p in tmp_path.iterdir()] == ["outcomes.csv"]


def test_inputs_that_cannot_be_read_are_reported_and_left_out(tmp_path):
    heard = []
    (tmp_path / "report.xyz").write_bytes(b"\x00\x01 not a report")
    rows = outcome_rows(["corpora/national/gwr-2022.txt", "corpora/national/gwr-2023.txt", "no/such.txt",
                         str(tmp_path / "report.xyz")], on_error=lambda source, message: heard.append(source))
    assert any(r.measure == "gdp_growth" and r.year == 2022 for r in rows)
    assert heard == ["no/such.txt", str(tmp_path / "report.xyz")]  # a missing file, and binary data
