"""Streaming segmentation (issue #9): tokens block by block, the same as segment()."""
from __future__ import annotations

import io
import json
import os
import re

import pytest

from policytext import Document, Segmenter, read
from policytext import _sample as sample_mod
from policytext import blocks as blocks_mod
from policytext._sample import SAMPLE
from policytext.blocks import view_blocks
from policytext.cli import main
from policytext.normalize import MAX_PARAGRAPH

from .conftest import CORPORA

SPEECHES = sorted(CORPORA.glob("*.txt"))


@pytest.mark.parametrize("path", SPEECHES, ids=lambda p: p.name)
def test_streamed_tokens_equal_segmented(path, segmenter):
    """Same tokens, original spans and view spans, cut in blocks of a line or two or of a few paragraphs."""
    doc = read(path)
    ref = segmenter.segment(doc)
    assert list(segmenter.stream(doc, block=1)) == ref
    assert list(segmenter.stream(doc.text, drop_stopwords=True, drop_punct=True, block=500)) == segmenter.segment(
        doc.text, drop_stopwords=True, drop_punct=True)


@pytest.mark.parametrize("name", ["gwr-2015.txt", "gwr-2019-s2twp.txt", "seed-county-cadre-speech.txt"])
def test_one_line_text_streams_the_same_tokens(name, segmenter):
    """A speech saved as one line: pieces of the long line are cut where the view cuts it."""
    text = (CORPORA / name).read_text(encoding="utf-8").replace("\n", "")
    assert len(text) > 3 * MAX_PARAGRAPH
    toks = list(segmenter.stream(text))
    assert toks == segmenter.segment(text)
    assert all(text[t.span[0]:t.span[1]] == t.text for t in toks)


def test_residue_and_trailer_skipped_while_streaming(segmenter):
    text = ("各位代表：\n來源:瑞文範文網 1.5W\n国内生产总值增长5%。" * 3 + "国内生产总值增长5%" * 2000
            + "\n本作品是中华人民共和国政府的文件，不受著作权保护。\n招商引资")
    got = list(segmenter.stream(text, block=10))
    assert got == segmenter.segment(text)
    assert not any(set(t.text) & set("來源範網作品") for t in got) and got[-1].text == "5%"
    assert list(segmenter.stream(text, keep_residue=True, block=10)) == segmenter.segment(text, keep_residue=True)


def test_first_tokens_come_before_the_rest_is_read(monkeypatch, segmenter):
    """The first tokens of a long one-line text come when only its first piece has been normalised and cut."""
    normalised, cut = [], []
    real_normalize = blocks_mod.normalize

    def counting_normalize(text, **kw):
        normalised.append(len(text))
        return real_normalize(text, **kw)

    class Counting(Segmenter):
        def _spans(self, text):
            cut.append(len(text))
            return super()._spans(text)

    monkeypatch.setattr(blocks_mod, "normalize", counting_normalize)
    text = (CORPORA / "gwr-2015.txt").read_text(encoding="utf-8").replace("\n", "") * 4  # 160 K chars, one line
    seg = Counting()
    stream = seg.stream(text)
    first = [next(stream) for _ in range(20)]
    assert sum(normalised) <= MAX_PARAGRAPH and sum(cut) <= MAX_PARAGRAPH  # one piece, not the text
    rest = list(stream)
    assert len(normalised) > len(text) // MAX_PARAGRAPH  # the rest came piece by piece
    assert first + rest == seg.segment(text)


def test_a_view_or_document_like_object_streams_in_one_block(segmenter):
    doc = Document.from_text("來源:瑞文範文網 1.5W\n国内生产总值增长5%")
    view = doc.view()
    assert list(segmenter.stream(view)) == segmenter.segment(view)
    assert [len(b) for b in segmenter.stream_blocks(view)] == [len(segmenter.segment(view))]


class _Stdout(io.StringIO):
    """A stdout that records how many lines had been written at each flush."""

    def __init__(self):
        super().__init__()
        self.flushed_at: list[int] = []

    def flush(self):
        self.flushed_at.append(self.getvalue().count("\n"))


def test_cli_segment_prints_block_by_block(tmp_path, monkeypatch, segmenter):
    path = tmp_path / "one-line.txt"
    path.write_text((CORPORA / "gwr-2015.txt").read_text(encoding="utf-8").replace("\n", ""), encoding="utf-8")
    out = _Stdout()
    monkeypatch.setattr("sys.stdout", out)
    assert main(["segment", str(path), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert rows == [t.to_dict() for t in segmenter.segment(read(path))]
    assert len(out.flushed_at) > 3 and 0 < out.flushed_at[0] < len(rows)  # printed as it went


def test_cli_segment_text_format_unchanged(monkeypatch, segmenter):
    out = _Stdout()
    monkeypatch.setattr("sys.stdout", out)
    path = CORPORA / "seed-county-cadre-speech.txt"
    assert main(["segment", str(path), "--format", "text"]) == 0
    assert out.getvalue() == " ".join(t.text for t in segmenter.segment(read(path))) + "\n"


# --- texts long enough to be judged on a sample (policytext._sample) --------------------------------------
def _archive(one_line: bool, chars: int) -> str:
    """The bundled speeches one after another, their licence trailers cut but the last, repeated to ``chars``."""
    bodies = [re.split(r"^本作品是中", p.read_text(encoding="utf-8"), maxsplit=1, flags=re.M)[0] for p in SPEECHES]
    unit = "\n".join(bodies)
    if one_line:
        unit = unit.replace("\n", "")
    text = unit * (chars // len(unit) + 1)
    return text + ("" if one_line else "\n本作品是中华人民共和国的法律、法规，不受著作权法保护。")


@pytest.mark.parametrize("one_line", [False, True], ids=["lines", "one-line"])
def test_blocks_of_a_text_over_the_sample_are_its_view(one_line):
    """A text of a few MB, over the sample size: every decision on the whole text is taken on the sample by
    both paths, so the blocks' views sit in the whole view as they are, mapped to the same original spans,
    and their residue is the whole text's."""
    text = _archive(one_line, SAMPLE + SAMPLE // 5)
    assert len(text) > SAMPLE and len(text.encode("utf-8")) > 3_000_000
    doc = Document.from_text(text)
    view = doc.view()
    end, res = 0, []
    for b in view_blocks(text, script=doc.script, repair=doc.machine_converted):
        assert b.start == end and view.text[b.view_start:b.view_start + len(b.view.text)] == b.view.text
        n = len(b.view.text)
        probes = [(i, min(n, i + 5)) for i in range(0, n, 97)]
        mapped = view.alignment.to_original_many([(b.view_start + s, b.view_start + e) for s, e in probes])
        assert [(s + b.start, e + b.start) for s, e in b.view.alignment.to_original_many(probes)] == mapped
        end, res = b.end, res + [sp for sp in b.residue if sp not in res[-1:]]
    assert end == len(text) and res == doc.residue


@pytest.mark.parametrize("name", ["gwr-1954.txt", "gwr-2019-s2twp.txt", "seed-county-cadre-speech.txt"])
def test_speeches_judged_on_a_sample_stream_the_same_tokens(name, monkeypatch, segmenter):
    """With a sample smaller than the speech, the sampled decisions are the same for segment and stream."""
    monkeypatch.setattr(sample_mod, "SAMPLE", 5_000)
    doc = read(CORPORA / name)
    assert len(doc.text) > 2 * sample_mod.SAMPLE
    for text in (doc.text, doc.text.replace("\n", "")):
        assert list(segmenter.stream(text, block=700)) == segmenter.segment(text)


@pytest.mark.skipif(not os.environ.get("POLICYTEXT_LARGE"), reason="a few MB through jieba twice: POLICYTEXT_LARGE=1")
@pytest.mark.parametrize("one_line", [False, True], ids=["lines", "one-line"])
def test_a_text_over_the_sample_streams_the_same_tokens(one_line, segmenter):
    text = _archive(one_line, SAMPLE + SAMPLE // 5)
    assert list(segmenter.stream(text)) == segmenter.segment(text)


def test_a_long_line_with_wrap_spaces_streams_the_same_tokens(segmenter):
    """In a text with wrap spaces throughout (香港特別 行政區), the view cuts a long line after deleting them:
    the stream gives the same view spans as segment, not cuts shifted by the spaces."""
    line = "".join(f"香港特別 行政區政府第{i}年投入{i}億元，推動 經濟發展。" for i in range(300))
    text = "各位議員：\n" + line + "\n多謝各位。\n"
    assert len(line) > 2 * MAX_PARAGRAPH
    assert list(segmenter.stream(text, block=50)) == segmenter.segment(text)
