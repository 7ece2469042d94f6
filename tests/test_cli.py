"""The command line: convert, segment, info, extract; error rows, atomic output, resume."""
from __future__ import annotations

import csv
import json
import os
import shutil


from policytext import Corpus
from policytext.cli import main

from .conftest import CORPORA

SEED = str(CORPORA / "seed-county-cadre-speech.txt")


def test_convert_to_every_script(capsys):
    assert main(["convert", SEED, "--to", "simplified"]) == 0
    out = capsys.readouterr().out
    assert "宏观政策" in out and "三级干部大会" in out
    assert main(["convert", str(CORPORA / "gwr-2015.txt"), "--to", "taiwan"]) == 0
    assert "國內生產總值" in capsys.readouterr().out
    assert main(["convert", SEED, "--to", "simplified", "--no-repair"]) == 0
    assert "巨集观" in capsys.readouterr().out


def test_segment_jsonl(capsys):
    text = open(SEED, encoding="utf-8").read()
    assert main(["segment", SEED, "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) > 5000
    for line in lines[:500]:
        tok = json.loads(line)
        assert set(tok) == {"text", "norm", "span"}
        assert text[tok["span"][0]:tok["span"][1]] == tok["text"]


def test_info(capsys):
    assert main(["info", SEED]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["encoding"] == "utf-8" and info["script"] == "traditional"
    assert info["machine_converted_taiwan"] is True
    assert any(b["text"].startswith("來源") for b in info["boilerplate_lines"])


def test_extract_folder_with_a_broken_file(tmp_path, capsys):
    folder = tmp_path / "archive"
    folder.mkdir()
    shutil.copy(CORPORA / "gwr-1985.txt", folder / "a.txt")
    shutil.copy(CORPORA / "seed-county-cadre-speech.txt", folder / "b.txt")
    (folder / "c.txt").write_bytes(b"\x00\xff\x00\xfe" * 300)
    out = tmp_path / "out" / "records.jsonl"
    assert main(["extract", str(folder), "-o", str(out)]) == 1  # one input failed
    recs = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert [os.path.basename(r["source"]) for r in recs] == ["a.txt", "b.txt", "c.txt"]
    assert recs[2]["error"] == "read" and recs[2]["reason"]
    assert recs[1]["indicators"] and recs[1]["script"] == "traditional"
    assert "3 documents, 1 errors" in capsys.readouterr().err
    # resume: a torn last line is cut off and its document redone; complete rows are kept as they are
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:1]) + lines[1][:200], encoding="utf-8")
    assert main(["extract", str(folder), "-o", str(out), "--resume"]) == 1
    recs2 = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert recs2 == recs


def test_extract_csv_and_workers(tmp_path):
    out = tmp_path / "ind.csv"
    assert main(["extract", str(CORPORA / "gwr-2015.txt"), SEED, "--format", "csv", "-o", str(out), "--workers", "2"]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {r["source"] for r in rows} == {str(CORPORA / "gwr-2015.txt"), SEED}
    assert any(r["name"] == "區屬生產總值" and float(r["value"]) == 22180000000.0 for r in rows)


def test_extract_manifest_metadata(tmp_path, capsys):
    assert main(["extract", str(CORPORA)]) == 0
    recs = [json.loads(l) for l in capsys.readouterr().out.splitlines()]
    assert len(recs) == len(Corpus.from_manifest(CORPORA / "manifest.csv"))  # subfolders too
    assert recs[0]["meta"]["title"]


def test_missing_file_is_a_clear_error(capsys):
    assert main(["info", "no/such/file.txt"]) == 1
    assert "no such file" in capsys.readouterr().err
