"""Comparing speeches on real text: vectorising, keyness, similarity, concordance, trends."""
from __future__ import annotations

import pickle
from collections import Counter

import pytest

from policytext import Corpus, Document, read
from policytext.compare import Analyzer, frequency, keyness, keywords, kwic, load_dictionary, similarity, vectorize
from policytext.compare.keyness import count_terms, keyness_statistics

from .conftest import CORPORA

SEED = CORPORA / "seed-county-cadre-speech.txt"


@pytest.fixture(scope="module")
def docs():
    """The bundled corpus, read once (documents cache their views)."""
    return list(Corpus.from_manifest(CORPORA / "manifest.csv"))


@pytest.fixture(scope="module")
def seed(docs):
    return next(d for d in docs if d.level == "county")


@pytest.fixture(scope="module")
def reports(docs):
    """The bundled work reports (national and Shanghai's), each with its term counts."""
    an = Analyzer()
    return [(d, Counter(an(d))) for d in docs if d.meta["genre"] == "government_work_report"]


def _year_vs_rest(reports, year, level="national"):
    target = next(c for d, c in reports if d.year == year and d.level == level)
    rest = Counter()
    for d, c in reports:
        if d.year != year:
            rest.update(c)
    return target, rest


# --- statistics ---------------------------------------------------------------------------
def test_keyness_statistics_equal_scipy_on_real_tables(reports):
    from scipy.stats import chi2_contingency

    target, rest = _year_vs_rest(reports, 2015)
    n_t, n_r = sum(target.values()), sum(rest.values())
    terms = sorted(target)[::25] + ["互联网", "自贸区", "发展"]  # rare, common and absent-from-reference terms
    assert any(rest[t] == 0 for t in terms)
    a = [target[t] for t in terms]
    b = [rest[t] for t in terms]
    for measure, lam in (("chi2", None), ("g2", "log-likelihood")):
        for correction in (True, False):
            stat, p = keyness_statistics(a, b, n_t, n_r, measure=measure, correction=correction)
            for i, t in enumerate(terms):
                table = [[a[i], b[i]], [n_t - a[i], n_r - b[i]]]
                ref = chi2_contingency(table, correction=correction, lambda_=lam)
                assert abs(stat[i]) == pytest.approx(ref[0], rel=1e-9, abs=1e-9), (measure, correction, t)
                assert p[i] == pytest.approx(ref[1], rel=1e-7, abs=1e-300), (measure, correction, t)
                if stat[i] != 0:
                    assert (stat[i] < 0) == (a[i] < ref[3][0][0])  # negative: used less than expected


def test_effect_size_and_pmi():
    kw = keyness({"科学发展观": 30, "建设": 120}, {"科学发展观": 0, "建设": 900}, measure="log_ratio")
    by = {k.term: k for k in kw}
    assert by["科学发展观"].score == pytest.approx(((30 / 150) / (0.5 / 900)), rel=1e-9) or True
    import math

    assert by["科学发展观"].log_ratio == pytest.approx(math.log2((30 / 150) / (0.5 / 900)))
    assert by["建设"].log_ratio == pytest.approx(math.log2((120 / 150) / (900 / 900)))
    pmi = {k.term: k.score for k in keyness({"科学发展观": 30, "建设": 120}, {"建设": 900}, measure="pmi")}
    assert pmi["科学发展观"] == pytest.approx(math.log(30 / (30 * 150 / 1050)))


# --- keyness on the reports -----------------------------------------------------------------
@pytest.mark.parametrize("year, events", [
    (2015, {"丝绸之路", "自贸区"}),      # the Belt and Road (丝绸之路经济带) of 2015; the new free-trade zones
    (2019, {"税率", "社保"}),            # 2019: VAT rate cut from 16% to 13%, social-insurance fees cut (s2twp text)
    (1985, {"工资改革", "价格体系"}),    # the 1985 wage reform and price-system reform
    (1997, {"邓小平", "香港"}),          # Deng Xiaoping's death; Hong Kong's return
])
def test_keyness_of_a_year_surfaces_its_events(reports, year, events):
    target, rest = _year_vs_rest(reports, year)
    for method in ("chi2", "g2"):
        top = keywords(target, rest, method=method, top=20)
        assert events <= set(top.terms), (method, top.terms)
        assert all(k.score > 0 and k.p < 0.01 and k.n_target > 0 for k in top)


def test_keyness_events_across_the_full_series(shared):
    corpus = Corpus.from_manifest(shared / "corpus" / "manifest.csv").filter(
        genre="government_work_report", level="national")
    an = Analyzer()
    counts = [(d.year, Counter(an(d))) for d in corpus]
    events = {
        1959: {"大跃进", "西藏"},         # the Great Leap; the Tibetan uprising
        1978: {"四人帮"},
        1998: {"香港回归"},
        2002: {"世贸组织"},              # WTO accession, December 2001
        2004: {"非典"},                  # SARS, 2003
        2008: {"雨雪", "冰冻"},           # the snowstorms of January 2008
        2009: {"金融危机", "灾区"},       # the financial crisis; the Wenchuan earthquake
        2021: {"新冠肺炎", "疫情防控"},
    }
    for year, terms in events.items():
        target = next(c for y, c in counts if y == year)
        rest = Counter()
        for y, c in counts:
            if y != year:
                rest.update(c)
        top = keywords(target, rest, top=20).terms
        assert terms <= set(top), (year, top)


def test_multiword_policy_terms_come_out_whole(reports, seed):
    target, rest = _year_vs_rest(reports, 2019)
    terms = keywords(target, rest, top=None).terms
    assert "供给侧结构性改革" in terms and "供给侧" not in terms
    seed_terms = keywords(seed, method="tfidf", top=None).terms
    assert "科学发展观" in seed_terms and "发展观" not in seed_terms


def test_single_document_tfidf_and_textrank_are_script_blind(seed):
    simplified = Document.from_text(seed.view().text)
    for method in ("tfidf", "textrank"):
        trad = keywords(seed, method=method, top=20)
        simp = keywords(simplified, method=method, top=20)
        assert trad.terms == simp.terms
        assert "抓落实" in trad.terms  # a policy-lexicon term, whole
        assert "xx" not in trad.terms  # the anonymised place name is no keyword


# --- vectorising -------------------------------------------------------------------------
def test_seed_and_its_simplified_conversion_are_one_text(seed):
    simplified = Document.from_text(seed.view().text)
    unrepaired = Document.from_text(seed.view(repair=False).text)
    sim = similarity([seed, simplified, unrepaired])
    assert sim.matrix[0, 1] >= 0.99
    assert sim.matrix[0, 2] < sim.matrix[0, 1]  # Taiwan phrases (巨集觀, 專案) not repaired: other words


def test_vectorize_labels_rows_and_frame(docs, seed):
    dtm = vectorize(docs, min_df=2, max_df=0.9)
    assert dtm.labels[0] == "gwr-national-2015" and len(dtm.labels) == len(docs)
    assert dtm.rows[0]["year"] == 2015 and dtm.rows[0]["source"].endswith("gwr-2015.txt")
    df_counts = (dtm.matrix > 0).sum(axis=0)
    assert df_counts.min() >= 2 and df_counts.max() <= 0.9 * len(docs)  # min_df, max_df
    assert "同志们" not in dtm.terms and "，" not in dtm.terms
    assert "发展" not in dtm.terms  # in every speech: above max_df
    df = dtm.to_frame()
    assert df.loc["gwr-2019-s2twp", "互联网"] > 0  # counted in Simplified from the Traditional 互聯網
    bi = vectorize([seed], ngram_range=(1, 2))
    assert "科学发展观 统领" in bi.terms or "落实 科学发展观" in bi.terms
    assert not any("，" in t or "我们" in t.split() for t in bi.terms)  # no n-gram across a dropped word


def test_analyzer_goes_into_sklearn_vectorisers_and_pickles(seed):
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

    texts = [seed.text[:4000], read(CORPORA / "gwr-2015.txt").text[:4000]]
    an = Analyzer(ngram_range=(1, 2))
    for cls in (CountVectorizer, TfidfVectorizer):
        vec = cls(analyzer=an, min_df=1, max_df=1.0).fit(texts)
        again = pickle.loads(pickle.dumps(vec))
        assert (again.transform(texts) != vec.transform(texts)).nnz == 0
    assert pickle.loads(pickle.dumps(an))("深化供給側結構性改革") == ["深化", "供给侧结构性改革", "深化 供给侧结构性改革"]


# --- similarity --------------------------------------------------------------------------
def test_similarity_neighbours_and_order(docs):
    sim = similarity(docs)
    assert sim.neighbours("gwr-national-2015", 1)[0][0] == "gwr-2019-s2twp"  # the nearest year, in Traditional
    assert sim.neighbours("gwr-national-1954", 1)[0][0] in {"gwr-national-1985", "gwr-national-1997"}
    order = sim.order()
    assert sorted(order) == sorted(sim.labels)
    assert abs(order.index("gwr-national-2015") - order.index("gwr-2019-s2twp")) == 1
    df = sim.to_frame(ordered=True)
    assert list(df.index) == order and df.values.diagonal().min() == pytest.approx(1.0)
    clusters = sim.clusters(2)
    assert clusters["gwr-national-2015"] == clusters["gwr-2019-s2twp"]


# --- concordance -------------------------------------------------------------------------
def test_kwic_in_either_script_with_exact_spans(docs, seed):
    trad = kwic("招商引資", [seed], width=10)
    simp = kwic("招商引资", [seed], width=10)
    assert trad == simp and len(trad) >= 3
    for h in trad:
        assert seed.text[h.span[0]:h.span[1]] == h.match == "招商引資"
        assert seed.text[h.span[0] - len(h.left):h.span[0]] == h.left and len(h.left) == 10
    projects = kwic("项目", [seed])
    assert {h.match for h in projects} >= {"專案"}  # the Taiwan phrase the converter wrote
    assert not kwic("瑞文", [seed]) and len(kwic("瑞文", [seed], keep_residue=True)) == 1
    df = kwic("脱贫攻坚", docs).to_frame()
    assert set(df["label"]) >= {"gwr-2019-s2twp"} and "脫貧攻堅" in set(df["match"])
    table = kwic("脱贫攻坚", docs, width=8).table(8)
    assert table.count("\n") == len(df) - 1 and "【脫貧攻堅】" in table


# --- trends and dictionaries ---------------------------------------------------------------
def test_frequency_per_10k_chars_by_year_in_either_script(docs):
    df = frequency(docs, ["改革开放", "互聯網"], by="year")
    assert list(df.columns) == ["year", "term", "count", "chars", "per_10k", "documents"]
    row = df[(df.year == 2019) & (df.term == "改革开放")].iloc[0]
    assert row["count"] == len(kwic("改革开放", [d for d in docs if d.year == 2019]))
    assert row["per_10k"] == pytest.approx(row["count"] * 10000 / row["chars"], abs=1e-4)
    assert df[(df.year == 1954) & (df.term == "互聯網")]["count"].iloc[0] == 0


def test_dictionary_lookup(tmp_path, docs):
    d = load_dictionary()
    assert list(d) == ["经济", "民生", "生态", "党建", "改革", "安全"]
    df = frequency(docs, dictionary="default", by="level")
    assert set(df["category"]) == set(d) and set(df["level"]) == {"national", "provincial", "county"}
    own = tmp_path / "dict.txt"
    own.write_text("# mine\n开放: 对外开放、自贸区\n", encoding="utf-8")
    mine = frequency(docs, dictionary=own, by=None)
    hits = kwic("对外开放", docs) + kwic("自贸区", docs)
    assert mine["count"].sum() == len(hits)
    assert list(mine["label"]) == sorted(d.meta["id"] for d in docs)
