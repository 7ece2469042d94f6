"""Exact offsets, always: property tests over arbitrary text and every conversion."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policytext import Document, Step, normalize
from policytext.extract import extract

# CJK (both scripts, with the characters conversion touches), full-width forms,
# emoji, combining marks, newlines and spaces; no lone surrogates.
_POOL = (
    "国內生产總值增長发展巨集觀專案支援程式資訊網路軟硬體設定叢集著指標核心新增智慧執行視線上建立健全"
    "宏观项目支持一是二是第一，（一）首先其次億萬元百分之三十點五两成翻一番個百分點左右以上"
    "０１２３４５６７８９．％，。：；！？ＡＢａｂ　\u3000\u00a0\t\n 0123456789.%-—－~"
    "😀🇨🇳e\u0301a\u0300\u200b\u200d𠀀𪚥"
)
texts = st.text(alphabet=st.sampled_from(_POOL), max_size=120) | st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60
)
TARGETS = ["simplified", "traditional", "taiwan", "hongkong", "original"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, target=st.sampled_from(TARGETS), repair=st.sampled_from([None, True, False]))
def test_every_view_span_maps_to_an_exact_original_span(text, target, repair):
    v = normalize(text, script=target, repair=repair)
    n = len(v.text)
    prev = (0, 0)
    for i in range(n):
        s, e = v.to_original((i, i + 1))
        assert 0 <= s <= e <= len(text)
        # monotone: a later view character never maps before an earlier one (characters
        # of one merged or expanded piece share its span)
        assert s >= prev[0] and e >= prev[1], (i, (s, e), prev)
        prev = (s, e)
    whole = v.to_original((0, n))
    assert whole[0] <= whole[1] <= len(text)
    # nothing is lost on the way: every original character has a place in the view,
    # except the soft line breaks the view deletes
    for k in range(len(text)):
        vs, ve = v.to_view((k, k + 1))
        assert 0 <= vs <= ve <= n
        if vs == ve:
            assert text[k] == "\n"


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_token_spans_are_exact(text, segmenter):
    doc = Document.from_text(text)
    for tok in doc.tokens(segmenter, keep_residue=True):
        s, e = tok.span
        assert doc.text[s:e] == tok.text
        assert tok.norm.strip()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_extracted_spans_are_exact(text):
    doc = Document.from_text(text)
    ex = extract(doc)
    for ind in ex.indicators:
        assert doc.text[ind.span[0]:ind.span[1]] == ind.text
    for en in ex.enumerations:
        for it in en.items:
            assert doc.text[it.span[0]:it.span[1]] == it.text
    for f in ex.formulations:
        assert doc.text[f.span[0]:f.span[1]] == f.text


@given(text=st.text(alphabet=st.sampled_from("巨集觀專案支援ab\n"), max_size=40))
def test_step_round_trip(text):
    reps = []
    i = 0
    while True:
        j = text.find("巨集", i)
        if j < 0:
            break
        reps.append((j, j + 2, "宏"))
        i = j + 2
    step = Step.from_replacements(text, reps)
    for k in range(len(step.target)):
        s, e = step.to_source((k, k + 1))
        piece = text[s:e]
        assert piece in ("巨集",) or piece == step.target[k]
        back = step.to_target((s, e))
        assert back[0] <= k < back[1]


def test_length_changing_repair_maps_back():
    text = "有效應對了巨集觀政策逐步趨緊"
    v = normalize(text, script="simplified", repair=True)
    assert v.text == "有效应对了宏观政策逐步趋紧"
    i = v.text.index("宏观")
    assert v.original_text((i, i + 2)) == "巨集觀"
    assert v.original_text((i + 2, i + 4)) == "政策"
    assert v.to_view((5, 8)) == (i, i + 2)


def test_deleted_line_break_maps_back():
    # gwr-1954: a sentence broken where the wiki page had a link, paragraphs set apart by blank lines
    text = "各位代表：\n\n這個條約完全是殖民主義者的，它同\n聯合國憲章\n的宗旨和原則是背道而馳的。\n\n我們堅决反對。\n\n"
    v = normalize(text, script="simplified")
    assert "它同联合国宪章的宗旨" in v.text
    i = v.text.index("联合国宪章")
    assert v.original_text((i, i + 5)) == "聯合國憲章"
    assert v.original_text((i - 2, i + 6)) == "它同\n聯合國憲章\n的"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, target=st.sampled_from(TARGETS), cuts=st.lists(st.integers(0, 200), max_size=30))
def test_batch_mapping_equals_one_by_one(text, target, cuts):
    v = normalize(text, script=target)
    n = len(v.text)
    bounds = sorted({0, n, *(c % (n + 1) for c in cuts)})
    spans = list(zip(bounds, bounds[1:])) + [(b, b) for b in bounds]
    spans.sort()
    assert v.alignment.to_original_many(spans) == [v.to_original(sp) for sp in spans]
