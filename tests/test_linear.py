"""Linear time (issue #9): in the length of a numeral run, of a line, of a paragraph.

Each case times read → extract → segment (CPU time, the best of three, so
that other jobs on a loaded machine count little) on a text and on one
four times as long in the dimension tested.  Linear work takes about four
times as long, quadratic work sixteen: the check allows eight.
"""
from __future__ import annotations

import time

import pytest

from policytext import Segmenter, extract, read
from policytext.extract.formulations import find_formulations

from .conftest import CORPORA

SEG = Segmenter()
SPEECH = read(CORPORA / "gwr-2015.txt").text
SENTENCES = [s + "。" for s in SPEECH.replace("\n", "").split("。") if s]


def _work(text: str) -> None:
    extract(text)
    list(SEG.stream(text))


def _cpu(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        _work(text)
        best = min(best, time.process_time() - t0)
    return best


def _ratio(make, n: int) -> float:
    _work(make(n))  # patterns, converters and jieba's dictionary loaded before timing
    return _cpu(make(4 * n)) / max(_cpu(make(n)), 1e-3)


def _paragraph(chars: int) -> str:
    out, size = [], 0
    for s in SENTENCES:
        if size >= chars:
            break
        out.append(s)
        size += len(s)
    return "".join(out)


RUNS = {
    "亿": lambda n: "国内生产总值增长" + "亿" * n + "元。",
    "一": lambda n: "增长" + "一" * n + "%，",
    "digits": lambda n: "财政收入" + "9" * n + "亿元，",
    "thousands": lambda n: "投资" + "8,000" * (n // 5) + "亿元。",
    "mixed": lambda n: "城镇新增就业" + "一千二百万零两" * (n // 7) + "人。",
    "spaced": lambda n: "增长 " + "1 " * (n // 2) + "%。",
}


@pytest.mark.parametrize("kind", list(RUNS))
def test_time_is_linear_in_a_numeral_run(kind):
    make = RUNS[kind]
    assert _ratio(lambda n: SENTENCES[3] + make(n) + SENTENCES[4], 2000) < 8


def test_time_is_linear_in_a_line():
    """A speech saved as one line, and four times as much of it."""
    one_line = SPEECH.replace("\n", "")
    assert _ratio(lambda n: (one_line * 4)[:n], 12_000) < 8


def test_time_is_linear_in_a_paragraph():
    """Ten paragraphs of a speech's sentences, each 1,000 then 4,000 characters long (no cut into pieces)."""
    assert _ratio(lambda n: "\n".join([_paragraph(n)] * 10), 1000) < 8


def test_time_is_linear_in_the_number_of_formulations():
    """The numbered slogans of the bundled speeches, repeated, then four times as many (each checked against those found)."""
    views = "\n".join(read(p).view().text for p in sorted(CORPORA.glob("*.txt")))

    def cpu(text: str) -> float:
        t0 = time.process_time()
        find_formulations(text)
        return time.process_time() - t0

    cpu(views[:1000])
    small = min(cpu(views * 8) for _ in range(2))  # 1,150 formulations in 1 M chars
    assert min(cpu(views * 32) for _ in range(2)) / max(small, 1e-3) < 8
