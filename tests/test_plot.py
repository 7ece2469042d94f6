"""Plots render to PNG with Chinese labels; a missing glyph is an error, not a tofu box."""
from __future__ import annotations

import math
import warnings
from collections import Counter

import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from policytext import Corpus, read  # noqa: E402
from policytext.compare import reuse  # noqa: E402
from policytext.compare.plot import cjk_font, plot_keyness, plot_reuse, plot_similarity, plot_trends  # noqa: E402

from .conftest import CORPORA  # noqa: E402


def _render(ax, path):
    """Save the figure; matplotlib's "Glyph … missing from font(s)" warning fails the test."""
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*[Gg]lyph.*missing.*")
        ax.figure.savefig(path, dpi=80)
    plt.close(ax.figure)
    assert path.stat().st_size > 5000


@pytest.fixture(scope="module")
def docs():
    return list(Corpus.from_manifest(CORPORA / "manifest.csv"))


def test_reuse_ribbons_across_scripts(tmp_path):
    a = read(CORPORA / "gwr-2015.txt")
    b = read(CORPORA / "gwr-2019-s2twp.txt")
    pair = reuse(a, b, min_chars=30)
    assert pair.passages and pair.length_a == len(a.text)
    ax = plot_reuse(pair, label_a="2015年政府工作报告", label_b="2019年政府工作報告（繁體）")
    labels = [t.get_text() for t in ax.texts]
    assert labels and all(label.endswith("…") for label in labels)
    _render(ax, tmp_path / "reuse.png")


def test_keyness_bars(docs, segmenter, tmp_path):
    """Log ratio of 2015's words against the other national reports, from real tokens."""
    target = Counter(t.norm for t in docs[0].tokens(segmenter, drop_stopwords=True, drop_punct=True))
    ref = Counter(t.norm for d in docs[1:4] for t in d.tokens(segmenter, drop_stopwords=True, drop_punct=True))
    nt, nr = sum(target.values()), sum(ref.values())
    rows = [{"term": w, "score": math.log2((c / nt) / ((ref[w] + 0.5) / nr))} for w, c in target.items() if c >= 8]
    ax = plot_keyness(pd.DataFrame(rows), top=15, title="2015年 关键词")
    assert len(ax.patches) == 15
    _render(ax, tmp_path / "keyness.png")


def test_trend_lines(docs, tmp_path):
    rows = []
    for d in docs:
        if d.year and d.level == "national":
            v = d.view().text
            for term in ("改革", "农业", "创新"):
                rows.append({"year": d.year, "term": term, "per_10k": v.count(term) * 1e4 / len(v)})
    ax = plot_trends(pd.DataFrame(rows).sort_values("year"), title="词频")
    assert len(ax.lines) == 3
    _render(ax, tmp_path / "trends.png")


def test_similarity_heatmap(docs, tmp_path):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    labels = [d.meta.get("title", d.source)[:12] for d in docs]
    m = TfidfVectorizer(analyzer="char", ngram_range=(2, 2)).fit_transform([d.view().text for d in docs])
    frame = pd.DataFrame(cosine_similarity(m), index=labels, columns=labels)
    ax = plot_similarity(frame, title="相似度")
    _render(ax, tmp_path / "similarity.png")


def test_missing_glyph_is_caught(tmp_path):
    """The guard above works: a Latin-only font on Chinese text raises."""
    fig, ax = plt.subplots()
    ax.set_title("政府工作报告", family="DejaVu Sans")
    with pytest.raises(UserWarning, match="missing"):
        _render(ax, tmp_path / "tofu.png")
    assert cjk_font()
