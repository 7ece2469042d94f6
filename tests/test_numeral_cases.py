"""Other projects' numeral suites (cn2an, JioNLP, NeMo, WeTextProcessing) against parse_number:
tests/data/numeral_cases.tsv, with its sources, licences and excluded categories at the top."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from policytext import parse_number

CASES = Path(__file__).parent / "data" / "numeral_cases.tsv"


def _rows():
    lines = [ln for ln in CASES.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = _rows()
RUN = [r for r in ROWS if not r["excluded"]]


def test_several_hundred_cases_most_of_them_run():
    assert len(ROWS) > 500 and len(RUN) > 0.85 * len(ROWS)
    categories = {r["excluded"] for r in ROWS} - {""}
    header = CASES.read_text(encoding="utf-8").split("\nsource\t")[0]
    assert all(f"#     {c}" in header or f", {c}" in header for c in categories), categories


def _check(row):
    text, expected = row["input"], row["expected"]
    n = parse_number(text)
    if expected == "none":
        return n is None or n.span != (0, len(text))
    if n is None:
        return False
    if "~" in expected:
        low, high = (float(x) for x in expected.split("~"))
        return (n.value, n.value_high) == (low, high)
    return n.value == float(expected) and n.value_high is None


def test_every_case_passes():
    failed = [(r["source"], r["input"], r["expected"], parse_number(r["input"])) for r in RUN if not _check(r)]
    assert not failed, "\n".join(map(str, failed))
