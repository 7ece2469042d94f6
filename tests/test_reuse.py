"""Text reuse on real speeches: planted passages, cross-script copies, provincial reports and the centre."""
from __future__ import annotations

import os
import re
from itertools import combinations

import pytest

import policytext
from policytext import Converter, Document, read
from policytext.compare import reuse, reuse_corpus
from policytext.compare.reuse import _keyed

from .conftest import CORPORA

_PUNCT_END = re.compile(r"[\W_]+$")


def _passage_from(doc: Document, lo: int = 150, hi: int = 400) -> tuple[int, int]:
    """Whole sentences, at least 100 characters, opening the first paragraph of ``lo``–``hi`` characters."""
    pos = 0
    for para in doc.text.split("\n"):
        if lo <= len(para.strip()) <= hi and para.count("。") >= 3:
            start = pos + len(para) - len(para.lstrip())
            end = start
            while end - start < 100:
                end = doc.text.index("。", end) + 1
            return start, end
        pos += len(para) + 1
    raise AssertionError("no paragraph to plant")


def _plant(host: Document, passage: str, nth_paragraph: int = 20) -> tuple[str, int]:
    """``host``'s text with ``passage`` as a new paragraph before its ``nth`` paragraph."""
    starts = [m.end() for m in re.finditer(r"\n+", host.text)]
    at = starts[nth_paragraph]
    return host.text[:at] + passage + "\n" + host.text[at:], at


def _strip_end(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span without its closing punctuation (passages run from letter to letter)."""
    m = _PUNCT_END.search(text[span[0]:span[1]])
    return (span[0], span[1] - (len(m.group()) if m else 0))


def _passage_at(pair, span_b):
    hits = [p for p in pair.passages if p.span_b[0] < span_b[1] and span_b[0] < p.span_b[1]]
    assert len(hits) == 1, hits
    return hits[0]


@pytest.mark.parametrize("host_name, convert", [
    ("gwr-1985.txt", None),                          # Simplified into Simplified
    ("gwr-1954.txt", "s2t"),                         # Traditional copy into a Traditional report
    ("seed-county-cadre-speech.txt", "s2twp"),       # Taiwan-phrase machine conversion into a scraped s2twp speech
])
def test_planted_passage_found_with_exact_spans(host_name, convert):
    src = read(CORPORA / "gwr-2015.txt")
    s0, s1 = _passage_from(src)
    planted = src.text[s0:s1]
    if convert:
        planted = Converter.get(convert).convert(planted)
        assert planted != src.text[s0:s1]
    host_text, at = _plant(read(CORPORA / host_name), planted)
    host = Document.from_text(host_text)
    pair = reuse(src, host, min_chars=50)
    p = _passage_at(pair, (at, at + len(planted)))
    assert p.span_a == _strip_end(src.text, (s0, s1))
    assert p.span_b == _strip_end(host_text, (at, at + len(planted)))
    assert p.text_a == src.text[p.span_a[0]:p.span_a[1]]
    assert p.text_b == host_text[p.span_b[0]:p.span_b[1]]      # in the host's own script
    assert p.chars == len(_keyed(Document.from_text(p.text_a)).key)  # every character of it matched
    assert 0 < pair.share_b < 0.1 and 0 < pair.share_a < 0.1


def test_edited_copy_is_one_passage_across_the_edits():
    src = read(CORPORA / "gwr-2015.txt")
    s0, s1 = _passage_from(src)
    text = src.text[s0:s1]
    # a copy that changes a word and drops another every ~40 characters stays one passage
    edited = "".join(ch if i % 40 != 20 else ("新" if i % 80 == 20 else "") for i, ch in enumerate(text))
    assert edited != text
    pair = reuse(src, "县委全会上传达如下：" + edited + "。下面讲三点意见。", min_chars=50)
    p = _passage_at(pair, (10, 10 + len(edited)))
    assert p.span_a[0] == s0 and p.span_a[1] >= s1 - 30
    assert p.text_b.startswith(edited[:15])


def test_traditional_s2twp_copy_of_the_whole_report(shared):
    simp = read(shared / "corpus" / "national" / "gwr-2019.txt")
    trad = read(CORPORA / "gwr-2019-s2twp.txt")
    pair = reuse(simp, trad)
    assert pair.share_a > 0.99 and pair.share_b > 0.99
    for p in pair.passages:
        assert trad.text[p.span_b[0]:p.span_b[1]] == p.text_b
        assert simp.text[p.span_a[0]:p.span_a[1]] == p.text_a
    assert any("國務院" in p.text_b for p in pair.passages)   # the copy's own characters


def test_provincial_reports_share_passages_with_the_national_report(shared):
    national = read(shared / "corpus" / "national" / "gwr-2025.txt")
    provinces = sorted((shared / "corpus" / "provincial").glob("gwr-2025-p*.txt"))
    assert len(provinces) >= 20
    with_guideline = with_passages = 0
    for path in provinces:
        doc = read(path)
        pair = reuse(national, doc, min_chars=40)
        with_passages += bool(pair.passages)
        for p in pair.passages:
            assert national.text[p.span_a[0]:p.span_a[1]] == p.text_a
            assert doc.text[p.span_b[0]:p.span_b[1]] == p.text_b
            assert p.chars >= 40
        # the year's guideline sentence, copied from the centre into the provinces
        with_guideline += any("稳中求进工作总基调" in p.text_b or "高质量完成“十四五”规划目标任务" in p.text_b
                              for p in pair.passages)
    assert with_passages >= len(provinces) * 9 // 10
    assert with_guideline >= len(provinces) * 2 // 3


def test_scrape_residue_is_not_reuse():
    doc = read(CORPORA / "seed-county-cadre-speech.txt")
    assert doc.residue
    pair = reuse(doc, Document.from_text(doc.text))
    for p in pair.passages:
        for s, e in doc.residue:
            assert not (p.span_a[0] < e and s < p.span_a[1]), doc.text[s:e]
    assert pair.share_a == pair.share_b > 0.99   # all but the title above the first residue line


def test_corpus_candidates_miss_no_pair_an_exhaustive_comparison_finds():
    docs = [read(p) for p in sorted(CORPORA.glob("*.txt"))]
    src = read(CORPORA / "gwr-2015.txt")
    s0, s1 = _passage_from(src)
    planted, _ = _plant(read(CORPORA / "gwr-1954.txt"), Converter.get("s2twp").convert(src.text[s0:s1]), 40)
    docs.append(Document.from_text(planted))
    corpus_pairs = reuse_corpus(docs, min_chars=50)
    found = {(r.source_a, r.source_b, r.passages) for r in corpus_pairs}
    window = 100  # the default, 2 * min_chars: a passage a window long is seen
    exhaustive = [reuse(a, b, min_chars=50) for a, b in combinations(docs, 2)]
    for pair in exhaustive:
        if any(p.chars >= window for p in pair.passages):
            assert (pair.source_a, pair.source_b, pair.passages) in found
    assert any(r.source_b is None and r.source_a.endswith("gwr-2015.txt") for r in corpus_pairs)  # the planted copy


def test_top_level_api():
    assert policytext.reuse is reuse
    pair = policytext.reuse("坚持以人民为中心的发展思想，不断实现人民对美好生活的向往。",
                            "必須堅持以人民為中心的發展思想，不斷實現人民對美好生活的嚮往。", min_chars=20)
    assert pair.passages[0].text_b.startswith("堅持以人民為中心")


def test_cli_two_files_jsonl_spans_index_each_file(tmp_path, capsys):
    import json

    from policytext.cli import main

    src = read(CORPORA / "gwr-2015.txt")
    s0, s1 = _passage_from(src)
    host_text, at = _plant(read(CORPORA / "seed-county-cadre-speech.txt"), Converter.get("s2twp").convert(src.text[s0:s1]))
    host = tmp_path / "copy.txt"
    host.write_text(host_text, encoding="utf-8")
    assert main(["reuse", str(CORPORA / "gwr-2015.txt"), str(host), "--min-chars", "50"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    rec = json.loads(line)
    assert rec["source_b"] == str(host) and 0 < rec["share_b"] < 0.1
    text_b = read(host).text
    assert any(p["span_b"][0] == at for p in rec["passages"])
    for p in rec["passages"]:
        assert text_b[p["span_b"][0]:p["span_b"][1]] == p["text_b"]
        assert src.text[p["span_a"][0]:p["span_a"][1]] == p["text_a"]


def test_cli_corpus_csv(capsys):
    import csv
    import io

    from policytext.cli import main

    # the top folder's speeches (corpora/national/ holds five consecutive reports that would only add time)
    assert main(["reuse", str(CORPORA / "*.txt"), "--format", "csv", "--min-chars", "30"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and set(rows[0]) >= {"source_a", "start_a", "end_a", "source_b", "start_b", "end_b", "chars"}
    texts = {}
    for row in rows:
        for side in "ab":
            path = row[f"source_{side}"]
            text = texts.setdefault(path, read(path).text)
            assert text[int(row[f"start_{side}"]):int(row[f"end_{side}"])] == row[f"text_{side}"]
        assert int(row["chars"]) >= 30


def test_window_signatures_are_datasketch_minhashes():
    from policytext.compare.reuse import _shingle_hashes, _template, window_signatures, window_starts

    key = _keyed(read(CORPORA / "gwr-2015.txt")).key
    sig = window_signatures(key, 100)
    hashes = _shingle_hashes(key, 5)
    bounds = window_starts(hashes.astype("uint32"), 100)
    assert len(sig) == len(bounds) - 2
    assert 35 <= len(hashes) / len(bounds) <= 70   # blocks of about half a window
    for w in range(0, len(sig), 7):
        m = _template(32).copy()
        m.update_batch([int(h) for h in hashes[bounds[w]:bounds[w + 2]]])
        assert (m.hashvalues == sig[w]).all()


def test_readme_reuse_example_is_what_comes_out():
    import doctest

    from .conftest import ROOT

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Text reuse", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    cwd = os.getcwd()
    try:
        os.chdir(ROOT)
        test = doctest.DocTestParser().get_doctest(block, {}, "README reuse", None, 0)
        runner = doctest.DocTestRunner()
        runner.run(test)
    finally:
        os.chdir(cwd)
    assert runner.summarize(verbose=False).failed == 0
