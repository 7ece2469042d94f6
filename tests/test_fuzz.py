"""Fuzzing read → extract → segment on mutated real speeches (issue #9).

Byte flips, control characters, long runs of digits and numerals, repeated
markers and deletions, applied to excerpts of the bundled speeches in
several encodings.  Whatever comes in: only ``ReadError`` escapes, every
span is exact, the record is strict JSON, and no input takes long.

The run is bounded for CI (``POLICYTEXT_FUZZ_EXAMPLES``, default 40); set it
to a few thousand for a long run::

    POLICYTEXT_FUZZ_EXAMPLES=5000 python -m pytest tests/test_fuzz.py
"""
from __future__ import annotations

import json
import os
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policytext import ReadError, Segmenter, extract, read

from .conftest import CORPORA

EXAMPLES = int(os.environ.get("POLICYTEXT_FUZZ_EXAMPLES", "40"))
SPEECHES = [p.read_bytes() for p in sorted(CORPORA.glob("*.txt"))]
INSERTS = ["9", "一", "亿", "万", "零", "十", "点", ".", "%", "、", "百分之", "一是", "（一）", "第一，", "三高一低",
           "增长", "由", "提高到", "比上年", "分别", "“", "\u3000", "\r", "\x00", "\x1b"]
SEGMENTER = Segmenter()
WARM = ["国内生产总值增长5%左右", "全區幹部有效應對巨集觀政策，推進專案建設", "國內生產總值增長5%"]


@st.composite
def mutated_speech(draw) -> bytes:
    base = draw(st.sampled_from(SPEECHES))
    start = draw(st.integers(0, max(0, len(base) - 1)))
    chunk = bytearray(base[start:start + draw(st.sampled_from([300, 3000, 20000]))])
    encoding = draw(st.sampled_from([None, "gb18030", "big5hkscs", "utf-16"]))
    if encoding:
        chunk = bytearray(bytes(chunk).decode("utf-8", "ignore").encode(encoding, "ignore"))
    for _ in range(draw(st.integers(1, 5))):
        op = draw(st.sampled_from(["flip", "control", "run", "marker", "delete"]))
        i = draw(st.integers(0, len(chunk)))
        if op == "flip" and chunk:
            j = min(i, len(chunk) - 1)
            chunk[j] ^= 1 << draw(st.integers(0, 7))
        elif op == "control":
            chunk[i:i] = bytes([draw(st.integers(0, 31))]) * draw(st.integers(1, 4))
        elif op == "run":
            chunk[i:i] = draw(st.sampled_from(INSERTS[:10])).encode() * draw(st.sampled_from([5, 50, 400, 3000]))
        elif op == "marker":
            chunk[i:i] = draw(st.sampled_from(INSERTS)).encode() * draw(st.integers(1, 30))
        else:
            del chunk[i:i + draw(st.integers(1, 200))]
    return bytes(chunk)


def _check_spans(text: str, ex) -> None:
    for ind in ex.indicators:
        assert text[ind.span[0]:ind.span[1]] == ind.text
    for en in ex.enumerations:
        for it in en.items:
            assert 0 <= it.span[0] <= it.span[1] <= len(text)
            assert text[it.span[0]:].startswith(it.marker)
    for f in ex.formulations:
        assert text[f.span[0]:f.span[1]] == f.text


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_speech())
def test_mutated_speeches_never_crash(data):
    for warm in WARM:  # jieba's dictionary, the patterns and the converters load on first use: not the input's time
        SEGMENTER.segment(warm)
        extract(warm)
    t0 = time.process_time()  # CPU time: waiting for other jobs on a loaded machine is not the input's either
    try:
        doc = read(data)
    except ReadError:
        return
    ex = extract(doc)
    _check_spans(doc.text, ex)
    json.dumps(ex.to_dict(), allow_nan=False)  # strict JSON: no NaN or Infinity
    for tok in SEGMENTER.segment(doc):
        assert doc.text[tok.span[0]:tok.span[1]] == tok.text
    # linear time: well under a second per 100 KB on a quiet machine (generous for a loaded one)
    assert time.process_time() - t0 < 1 + 5 * len(data) / 100_000
