"""Documents and corpora: metadata, lazy iteration, manifests."""
from __future__ import annotations

import types

from policytext import Corpus, Document, ReadError, read

from .conftest import CORPORA


def test_manifest_corpus_has_metadata():
    c = Corpus.from_manifest(CORPORA / "manifest.csv")
    assert len(c) == 12
    docs = iter(c)
    assert isinstance(docs, types.GeneratorType)  # lazy: one file at a time
    d = next(docs)
    assert isinstance(d, Document) and d.meta["title"] and d.year
    shanghai = next(x for x in c if x.region == "上海市")
    assert (shanghai.level, shanghai.speaker, shanghai.year) == ("provincial", "上海市人民政府", 2025)
    assert shanghai.source.endswith("gwr-2025-p01.txt")
    national = c.filter(level="national")
    assert {x.year for x in national} == {2015, 1997, 1985, 1954, 2019, 2021, 2022, 2023, 2024, 2025}


def test_folder_corpus_uses_its_manifest():
    c = Corpus.from_folder(CORPORA)
    assert all(p.endswith(".txt") for p in c.paths)
    assert c.meta[c.paths[0]]["id"]


def test_glob_and_paths(tmp_path):
    assert len(Corpus.from_glob(str(CORPORA / "gwr-19*.txt"))) == 3
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    c = Corpus.from_paths([str(CORPORA / "gwr-1985.txt"), str(bad)])
    results = dict(c.iter_safe())
    assert isinstance(results[str(bad)], ReadError)
    assert isinstance(results[str(CORPORA / "gwr-1985.txt")], Document)


def test_document_views_are_cached_and_lazy():
    doc = read(CORPORA / "gwr-2015.txt", meta={"title": "2015年政府工作报告"})
    assert doc.title == "2015年政府工作报告"
    assert "_views" not in doc.__dict__ or not doc.__dict__["_views"]
    assert doc.view() is doc.view()


def test_manifest_columns_are_metadata_never_options(tmp_path):
    """A manifest with columns named like options (repair, encoding) only adds metadata."""
    import shutil

    shutil.copy(CORPORA / "seed-county-cadre-speech.txt", tmp_path / "seed.txt")
    (tmp_path / "manifest.csv").write_text("file,title,repair,encoding,script\nseed.txt,发言,0,big5,simplified\n",
                                           encoding="utf-8")
    doc = next(iter(Corpus.from_manifest(tmp_path / "manifest.csv")))
    assert doc.meta["repair"] == 0 and doc.meta["encoding"] == "big5" and doc.meta["script"] == "simplified"
    assert doc.encoding == "utf-8" and doc.script == "traditional"
    assert "宏观政策" in doc.view().text  # repaired, as decided from the text
    assert "巨集观政策" in doc.view(repair=False).text
    assert doc.view(repair=True) is doc.view()
