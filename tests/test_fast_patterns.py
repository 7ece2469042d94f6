"""Patterns rewritten for speed find exactly what their plain forms find.

A pattern that opens with a character class (or a literal) lets the regex
engine skip ahead to such a character; one that opens with a lookbehind or
with alternatives is tried at every character.  Each rewritten pattern is
checked here against its plain form, on every paragraph of the bundled
speeches and on generated text from the characters numerals are made of.
"""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from policytext import read
from policytext.extract import quantities as Q
from policytext.layout import _CJK, _SPACED_PAIR

from .conftest import CORPORA

PLAIN_GATE = re.compile(Q._GATE_SRC)
PLAIN_CHENG = re.compile(r"(?P<num>[一二两三四五六七八九])成(?=[多左以上，。；、的]|$)"
                         r"|(?<![第统唯之万划专合同单逐均初再乱十百千零〇一二两三四五六七八九])(?P<num2>[一二两三四五六七八九])成"
                         r"(?![不员果就绩效本立熟功长型交品都])")
PLAIN_SPACED_PAIR = re.compile(rf"[{_CJK}] (?=[{_CJK}])")

PARAGRAPHS = [p for f in sorted(CORPORA.rglob("*.txt")) for p in read(f).view("simplified").text.split("\n") if p]
ALPHABET = "0123456789一二两三四五六七八九十百千万亿点零分之成翻番负-−%‰第统完不员多以上，。、的年元个 增长国内生产总值"


def _agree(text: str) -> None:
    gate, plain = Q.GATE.search(text), PLAIN_GATE.search(text)
    assert (gate and gate.start()) == (plain and plain.start()), text
    assert [m.span() for m in Q._CHENG.finditer(text)] == [m.span() for m in PLAIN_CHENG.finditer(text)], text
    assert len(_SPACED_PAIR.findall(text)) == len(PLAIN_SPACED_PAIR.findall(text)), text


def test_fast_patterns_agree_on_the_bundled_speeches():
    assert len(PARAGRAPHS) > 1000
    gated = 0
    for para in PARAGRAPHS:
        _agree(para)
        gated += Q.GATE.search(para) is not None
    assert 0 < gated < len(PARAGRAPHS)  # the gate lets some paragraphs through and keeps others out


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=30))
def test_fast_patterns_agree_on_generated_text(text):
    _agree(text)


def test_tenths_and_gate_on_their_edge_cases():
    assert [q.value for q in Q._special_quantities("其中七成为公营房屋，统一成为不统一，一成不变，三成员")] == [70.0]
    assert [q.value for q in Q._special_quantities("成两成")] == [20.0]  # a digit at the text's second character
    assert Q.GATE.search("一些统一的工作") is None
    assert all(Q.GATE.search(t) for t in ("翻两番", "三分之一", "两成", "负0.5%", "−3", "百分之八", "五万亩"))
