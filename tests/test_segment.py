"""Segmentation on the Simplified view with the policy lexicon."""
from __future__ import annotations

import time

import jieba

from policytext import Document, Segmenter, read
from policytext.segment import cache_dir, load_lexicon, load_stopwords

from .conftest import CORPORA


def test_policy_terms_are_single_tokens(segmenter):
    text = "坚持科学发展观，加大招商引资力度，规上工业增加值增长10.4%，深化供给侧结构性改革和放管服改革。"
    norms = [t.norm for t in segmenter.segment(text)]
    for term in ("科学发展观", "招商引资", "供给侧结构性改革", "放管服", "10.4%"):
        assert term in norms, (term, norms)
    assert "规上工业" in [t.norm for t in segmenter.segment("全区规上工业实现利税")]


def test_seed_tokens_point_into_the_traditional_original(segmenter):
    doc = read(CORPORA / "seed-county-cadre-speech.txt")
    toks = doc.tokens(segmenter)
    assert len(toks) > 5000
    for t in toks:
        assert doc.text[t.span[0]:t.span[1]] == t.text
    by_norm = {t.norm: t.text for t in toks}
    assert by_norm["221.8"] == "221.8"
    assert by_norm["宏观政策"] == "巨集觀政策"  # a length-changing repair, mapped back
    assert by_norm["三级干部大会"] == "三級幹部大會"
    assert not any(t.text.startswith("來源") for t in toks)  # residue skipped


def test_numbers_stay_whole(segmenter):
    norms = segmenter.cut("国内生产总值221.8亿元增长10.4%，人口自然增长率5‰，1,322万人")
    for n in ("221.8", "10.4%", "5‰", "1,322"):
        assert n in norms


def test_own_tokenizer_not_the_global_one():
    before = jieba.dt.FREQ.get("规上工业")
    seg = Segmenter(words=["某某专项行动"])
    assert seg._tok is not jieba.dt
    assert jieba.dt.FREQ.get("某某专项行动") is None
    assert jieba.dt.FREQ.get("规上工业") == before
    assert "某某专项行动" in seg.cut("开展某某专项行动")


def test_user_lexicon_file(tmp_path):
    lex = tmp_path / "my.txt"
    lex.write_text("# county terms\n金西开发区 100 n\n", encoding="utf-8")
    seg = Segmenter([lex])
    assert "金西开发区" in seg.cut("加快金西开发区建设")


def test_lexicon_and_stopwords_shipped():
    words = [w for w, _ in load_lexicon()]
    assert len(words) >= 300
    for w in ("科学发展观", "全面小康", "招商引资", "党风廉政建设", "规上工业", "农转用", "转型升级", "三级干部"):
        assert w in words
    stop = load_stopwords()
    for w in ("同志们", "我们", "要", "进一步"):
        assert w in stop


def test_second_start_uses_the_cache():
    Segmenter(use_default_lexicon=False)
    assert any(p.name.startswith("jieba") for p in cache_dir().iterdir())
    t0 = time.perf_counter()
    Segmenter(use_default_lexicon=False)
    assert time.perf_counter() - t0 < 5  # loading the cache, not rebuilding the prefix dictionary


def test_traditional_tokens_match_simplified_tokens(segmenter):
    simp = Document.from_text("国内生产总值比上年增长7.4%，规上工业利税同比增长100%以上。")
    trad = Document.from_text("國內生產總值比上年增長7.4%，規上工業利稅同比增長100%以上。")
    assert [t.norm for t in simp.tokens(segmenter)] == [t.norm for t in trad.tokens(segmenter)]


def test_stopwords_and_punctuation_can_be_dropped(segmenter):
    doc = read(CORPORA / "seed-county-cadre-speech.txt")
    content = doc.tokens(segmenter, drop_stopwords=True, drop_punct=True)
    norms = {t.norm for t in content}
    assert not norms & {"同志们", "我们", "要", "进一步", "，", "。"}
    assert {"招商引资", "三级干部大会"} <= norms
    for t in content[:200]:
        assert doc.text[t.span[0]:t.span[1]] == t.text
    own = Segmenter(stopwords=["招商引资"])
    assert "招商引资" not in [t.norm for t in own.segment("加大招商引资力度", drop_stopwords=True)]


# --- a scikit-learn-style component -------------------------------------------------
def _content_words(seg_and_text):
    seg, text = seg_and_text
    return [t.norm for t in seg.segment(text, drop_stopwords=True, drop_punct=True)]


def test_segmenter_only_stores_parameters_and_builds_jieba_lazily(tmp_path):
    lex = tmp_path / "my.txt"
    lex.write_text("金西开发区 100 n\n", encoding="utf-8")
    seg = Segmenter([lex], words=["某某专项行动"], hmm=True, stopwords=["招商引资"], repair=False)
    assert "_tok_" not in seg.__dict__  # nothing built yet
    assert seg.get_params() == {"lexicon": [lex], "words": ["某某专项行动"], "use_default_lexicon": True,
                                "hmm": True, "stopwords": ["招商引资"], "repair": False}
    assert "金西开发区" in seg.cut("加快金西开发区建设")
    assert "_tok_" in seg.__dict__


def test_segmenter_pickles_clones_and_runs_in_worker_processes():
    import pickle

    from joblib import Parallel, delayed
    from sklearn.base import clone

    seg = Segmenter(words=["某某专项行动"])
    seg.add_word("金西开发区")
    text = "开展某某专项行动，加快金西开发区建设"
    before = seg.cut(text)
    assert {"某某专项行动", "金西开发区"} <= set(before)
    blob = pickle.dumps(seg)  # jieba's Tokenizer (it holds a lock) is not in it
    assert b"jieba" not in blob
    assert pickle.loads(blob).cut(text) == before
    twin = clone(seg)
    assert twin.get_params() == seg.get_params() and twin is not seg
    assert "某某专项行动" in twin.cut(text)
    texts = [read(CORPORA / "seed-county-cadre-speech.txt").text[:3000], text]
    in_workers = Parallel(n_jobs=2)(delayed(_content_words)((seg, t)) for t in texts)
    assert in_workers == [_content_words((seg, t)) for t in texts]
    assert "金西开发区" in in_workers[1]


def test_segmenter_opens_a_pipeline():
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.pipeline import make_pipeline

    from policytext.compare import identity

    pipe = make_pipeline(Segmenter(), CountVectorizer(analyzer=identity))
    docs = [read(CORPORA / "gwr-2015.txt"), read(CORPORA / "gwr-2019-s2twp.txt")]
    X = pipe.fit_transform(docs)
    vocab = pipe[-1].vocabulary_
    assert X.shape[0] == 2 and "供给侧结构性改革" in vocab and "同志们" not in vocab


def test_residue_is_skipped_whatever_the_entry_point(segmenter):
    doc = read(CORPORA / "seed-county-cadre-speech.txt")
    via_doc = doc.tokens(segmenter)
    via_seg = segmenter.segment(doc)
    via_view = segmenter.segment(doc.view())
    assert via_doc == via_seg == via_view
    residue_words = {"來源", "瑞文", "範文網", "1.5", "W"}
    assert not residue_words & {t.text for t in via_seg[:50]}
    kept = segmenter.segment(doc, keep_residue=True)
    assert residue_words <= {t.text for t in kept[:50]}
    assert doc.tokens(segmenter, keep_residue=True) == kept


def test_fast_jieba_load_equals_jiebas_own(tmp_path):
    """policytext._jieba reads jieba's cache at once (3x faster than jieba's marshal.load of the file):
    the same prefix dictionary as jieba's own initialize, and a torn cache is rebuilt, not fatal."""
    import jieba

    from policytext._jieba import tokenizer
    from policytext.segment import cache_dir

    fast = tokenizer(str(cache_dir()))
    own = jieba.Tokenizer()
    own.tmp_dir = str(cache_dir())
    own.initialize()
    assert fast.initialized and fast.total == own.total and fast.FREQ == own.FREQ
    (tmp_path / "jieba.cache").write_bytes(b"\x00torn by a kill")
    rebuilt = tokenizer(str(tmp_path))
    assert rebuilt.total == own.total
    text = "坚持稳中求进工作总基调，全面建成小康社会"
    assert rebuilt.lcut(text, HMM=False) == fast.lcut(text, HMM=False) == own.lcut(text, HMM=False)
