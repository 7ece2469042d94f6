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
from policytext._rx import Fast, finder
from policytext.extract import kind as K
from policytext.extract import names as N
from policytext.extract import pairing as P
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


# --- policytext._rx: patterns searched from the characters they may start with -------------
FAST = {name: getattr(mod, name) for mod in (K, P) for name in dir(mod) if isinstance(getattr(mod, name), Fast)}
FINDERS = {"GATE": (Q.GATE, Q._GATE_SRC), "_TAIL_STRIP": (N._TAIL_STRIP, N._TAIL_SRC)}
# the 16 characters before each figure, as the change verbs are looked for
WINDOWS = [p[max(0, k - 16):k] for p in PARAGRAPHS for k, c in enumerate(p) if c.isdigit()]
FAST_ALPHABET = "".join(sorted({c for f in FAST.values() for c in f._find.pattern[1:f._find.pattern.index("]")]}
                               | set("0123456789，。；年比上去增长下降提高到达为是已将要了预期目标计划 \n")))


def _found(fast: Fast, text: str):
    return [(m.span(), m.groupdict()) for m in fast.finditer(text)]


def _plain(fast: Fast, text: str):
    return [(m.span(), m.groupdict()) for m in fast.pattern.finditer(text)]


def test_every_fast_pattern_has_a_finder():
    assert len(FAST) >= 14
    for name, fast in FAST.items():
        assert fast._find.pattern != fast.pattern.pattern, f"{name} is searched at every character"


def test_fast_patterns_find_what_re_finds_on_the_bundled_speeches():
    assert len(WINDOWS) > 2000
    for name, fast in FAST.items():
        for text in PARAGRAPHS:
            assert _found(fast, text) == _plain(fast, text), (name, text)
        for text in WINDOWS:
            m, plain = fast.search(text), fast.pattern.search(text)
            assert (m and (m.span(), m.groupdict())) == (plain and (plain.span(), plain.groupdict())), (name, text)
    for name, (find, src) in FINDERS.items():
        plain = re.compile(src)
        for text in WINDOWS + PARAGRAPHS:
            a, b = find.search(text), plain.search(text)
            assert (a and a.start()) == (b and b.start()), (name, text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=FAST_ALPHABET, max_size=40))
def test_fast_patterns_find_what_re_finds_on_generated_text(text):
    for name, fast in FAST.items():
        assert _found(fast, text) == _plain(fast, text), name
    for name, (find, src) in FINDERS.items():
        a, b = find.search(text), re.search(src, text)
        assert (a and a.start()) == (b and b.start()), name


def test_a_pattern_whose_start_cannot_be_told_is_searched_as_it_is():
    for src in (".+是", "[^，]增长", "(?:增长)?", "(?i)gdp"):
        assert finder(src).pattern == src
    fast = Fast("(?:增长)?")  # may match the empty string: re's own finditer, empty matches and all
    assert [m.span() for m in fast.finditer("增长快")] == [m.span() for m in re.finditer("(?:增长)?", "增长快")]
