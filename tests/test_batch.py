"""The batch engine on real speeches and broken files: one row per input, kills, resume, exit statuses."""
from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from policytext.batch import EXIT_FAILED, EXIT_OK, iter_records, run
from policytext.cli import main
from policytext.inputs import iter_inputs
from policytext.sinks import open_sink

from .conftest import CORPORA, ROOT

SPEECHES = sorted(p.name for p in CORPORA.glob("*.txt"))


def broken_archive(folder: Path, one_line_chars: int = 0) -> set[str]:
    """The bundled speeches plus every kind of broken input; returns the sources a walk must report."""
    folder.mkdir()
    for name in SPEECHES:
        shutil.copy(CORPORA / name, folder / name)
    text = (CORPORA / "gwr-2015.txt").read_text(encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    gb = text[:3000].encode("gb18030")
    (folder / "truncated-gb18030.txt").write_bytes(gb[:-1])  # the last character cut in half
    (folder / "empty.txt").write_text(" \n\n", encoding="utf-8")
    (folder / "zero.txt").write_bytes(b"")
    (folder / "dir-named-like-a-file.txt").mkdir()
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    os.mkfifo(folder / "fifo.txt")  # would block a reader forever
    (folder / "sub").mkdir()
    shutil.copy(CORPORA / "gwr-1985.txt", folder / "sub" / "again-1985.txt")
    (folder / "sub" / "loop").symlink_to(folder)  # a symlink loop back to the top
    (folder / "notes.md").write_text("not a speech", encoding="utf-8")
    names = set(SPEECHES) | {"binary.txt", "truncated-gb18030.txt", "empty.txt", "zero.txt", "dir-named-like-a-file.txt",
                             "dangling.txt", "fifo.txt", "sub/again-1985.txt", "sub/loop"}
    if one_line_chars:
        (folder / "one-line.txt").write_text((text.replace("\n", "") * 50)[:one_line_chars], encoding="utf-8")
        names.add("one-line.txt")
    return {str(folder / n) for n in names}


def test_every_input_gives_exactly_one_row(tmp_path):
    expected = broken_archive(tmp_path / "archive", one_line_chars=600_000)  # 1.8 MB on one line
    recs = list(iter_records([str(tmp_path / "archive")], workers=2))
    assert sorted(r["source"] for r in recs) == sorted(expected)
    by = {os.path.relpath(r["source"], tmp_path / "archive"): r for r in recs}
    for name in ("binary.txt", "dir-named-like-a-file.txt", "dangling.txt", "fifo.txt", "sub/loop"):
        assert set(by[name]) >= {"source", "error", "reason"} and by[name]["reason"], name
    assert by["dir-named-like-a-file.txt"]["error"] == "not-a-file" and "directory" in by["dir-named-like-a-file.txt"]["reason"]
    assert "loop" in by["sub/loop"]["reason"] and "dangling" in by["dangling.txt"]["reason"]
    assert by["one-line.txt"]["indicators"]
    for name in SPEECHES + ["sub/again-1985.txt"]:
        assert "error" not in by[name] and by[name]["chars"] > 10000
    for r in recs:  # strict JSON
        json.loads(json.dumps(r, allow_nan=False))


def test_manifest_metadata_reaches_files_globs_and_manifests(tmp_path, capsys):
    for args in ([str(CORPORA / "gwr-2015.txt")], [str(CORPORA / "gwr-201*.txt")], [str(CORPORA / "manifest.csv")],
                 [str(CORPORA)]):
        recs = list(iter_records(args))
        assert recs and all(r["meta"]["id"] and r["meta"]["level"] for r in recs), args
    listed = (CORPORA / "manifest.csv").read_text(encoding="utf-8").strip().count("\n")  # rows less the header
    assert len(list(iter_inputs([str(CORPORA / "manifest.csv")]))) == listed
    # a manifest row whose file is missing is an error row, not silence
    folder = tmp_path / "a"
    folder.mkdir()
    shutil.copy(CORPORA / "gwr-1985.txt", folder / "x.txt")
    (folder / "manifest.csv").write_text("file,year\nx.txt,1985\nmissing.txt,1986\n", encoding="utf-8")
    recs = list(iter_records([str(folder)]))
    assert [(os.path.basename(r["source"]), r["meta"]["year"], r.get("error")) for r in recs] == [
        ("x.txt", 1985, None), ("missing.txt", 1986, "missing")]


def test_metadata_never_collides_with_indicator_fields(tmp_path):
    out = tmp_path / "ind.csv"
    assert main(["extract", str(CORPORA / "gwr-1985.txt"), "--format", "csv", "-o", str(out), "-q"]) == EXIT_OK
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {r["meta_year"] for r in rows} == {"1985"} and {r["meta_script"] for r in rows} == {"simplified"}
    assert {"1984", ""} <= {r["year"] for r in rows}  # an indicator's own year is its own column
    assert {r["meta_title"] for r in rows} == {"1985年中华人民共和国国务院政府工作报告"}


def test_exit_statuses_and_usage_errors(tmp_path, capsys):
    assert main(["extract", str(CORPORA / "gwr-1985.txt"), "-q"]) == EXIT_OK
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\xff" * 500)
    assert main(["extract", str(CORPORA / "gwr-1985.txt"), str(bad)]) == EXIT_FAILED
    err = capsys.readouterr().err
    assert "2 documents, 1 errors" in err
    for argv in (["extract", "corpora", "--workers", "0"], ["extract", "corpora", "--format", "xml"]):
        with pytest.raises(SystemExit) as e:
            main(argv)
        assert e.value.code == 2
    assert main(["extract", "corpora", "--format", "parquet"]) == 2  # parquet needs a folder


def test_strict_json_and_csv_on_non_finite_numbers(tmp_path):
    f = tmp_path / "huge.txt"
    f.write_text("各位代表：\n财政收入" + "9" * 400 + "亿元，增长8%。\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    main(["extract", str(f), "-o", str(out), "-q"])
    json.loads(out.read_text(encoding="utf-8"), parse_constant=lambda c: pytest.fail(f"{c} in JSON"))
    out_csv = tmp_path / "o.csv"
    main(["extract", str(f), "-o", str(out_csv), "--format", "csv", "-q"])
    assert "inf" not in out_csv.read_text(encoding="utf-8").lower()


def test_output_respects_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        for fmt, out in (("jsonl", tmp_path / "o.jsonl"), ("csv", tmp_path / "o.csv"), ("parquet", tmp_path / "pq")):
            run([str(CORPORA / "gwr-1985.txt")], str(out), fmt)
            files = [out] if out.is_file() else list(out.rglob("*.parquet"))
            assert files and all(p.stat().st_mode & 0o777 == 0o640 for p in files), fmt
    finally:
        os.umask(old)


# --- kills ---------------------------------------------------------------------------------------
def _cli(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "policytext.cli", "extract", *args, "--no-progress"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _children(pid: int) -> list[int]:
    kids = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                stat = Path(f"/proc/{d}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                kids.append(int(d))
    return kids


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _sources(fmt: str, out: Path) -> list[str]:
    """The source of every document in ``out`` (one per input when nothing is lost or doubled; a CSV
    table other than ``documents`` holds one block of rows per document that has any)."""
    if fmt == "jsonl":
        return [json.loads(line)["source"] for line in out.read_text(encoding="utf-8").splitlines()]
    if fmt == "csv":
        rows = [r["source"] for r in csv.DictReader(out.open(encoding="utf-8"))]
        return [s for i, s in enumerate(rows) if i == 0 or rows[i - 1] != s]
    import pyarrow.parquet as pq

    return pq.read_table(out / "documents").column("source").to_pylist()


def _content(fmt: str, out: Path) -> dict[str, list]:
    """Everything ``out`` holds, order aside: JSON lines, CSV rows, or the rows of each Parquet table."""
    if fmt == "jsonl":
        return {"lines": sorted(out.read_text(encoding="utf-8").splitlines())}
    if fmt == "csv":
        return {"rows": sorted(map(tuple, csv.reader(out.open(encoding="utf-8", newline=""))))}
    import pyarrow.parquet as pq

    return {t: sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in pq.read_table(out / t).to_pylist())
            for t in ("documents", "indicators", "enumerations", "formulations")}


def _wait_for_rows(fmt: str, out: Path, n: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout and proc.poll() is None:
        try:
            if len(_sources(fmt, out)) >= n:
                return
        except (OSError, ValueError, KeyError, json.JSONDecodeError, Exception):
            pass
        time.sleep(0.05)


@pytest.fixture(scope="module")
def killed_archive(tmp_path_factory):
    """The broken archive with four more copies of a long report (so a kill lands mid-run), the sources
    a run must report, and its records made once, in one piece, to compare every killed run against."""
    folder = tmp_path_factory.mktemp("kill") / "archive"
    expected = broken_archive(folder)
    for i in range(4):
        shutil.copy(CORPORA / "gwr-2015.txt", folder / f"copy-{i}.txt")
        expected.add(str(folder / f"copy-{i}.txt"))
    return folder, expected, list(iter_records([str(folder)], workers=2))


FORMATS = {"jsonl": [], "csv-documents": ["--table", "documents"], "csv-indicators": ["--table", "indicators"],
           "parquet": ["--part-size", "2"]}


@pytest.mark.parametrize("case", list(FORMATS))
def test_sigkill_then_resume_loses_and_doubles_nothing(tmp_path, killed_archive, case):
    folder, expected, records = killed_archive
    fmt, extra = case.split("-")[0], FORMATS[case]
    out = tmp_path / ("out" if fmt == "parquet" else f"out.{fmt}")
    whole = tmp_path / ("whole" if fmt == "parquet" else f"whole.{fmt}")  # the same records, never killed
    sink = open_sink(fmt, str(whole), table=extra[1] if fmt == "csv" else "indicators", part_size=2)
    for rec in records:
        sink.write(rec)
    sink.close()
    proc = _cli(str(folder), "-o", str(out), "--format", fmt, "--workers", "2", *extra)
    _wait_for_rows(fmt, out, 4, proc)
    workers = _children(proc.pid)
    proc.kill()
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run ended before the kill: make the archive larger"
    time.sleep(1.5)
    assert not [w for w in workers if _alive(w)], "orphaned workers"
    kept = _sources(fmt, out)
    assert 0 < len(kept) < len(expected) and len(set(kept)) == len(kept)
    assert main(["extract", str(folder), "-o", str(out), "--format", fmt, "--resume", "-q", *extra]) == EXIT_FAILED
    if case != "csv-indicators":  # that table has no row for an error or a document without indicators
        assert sorted(_sources(fmt, out)) == sorted(expected)
    assert _content(fmt, out) == _content(fmt, whole)  # nothing lost, nothing doubled, in every table
    assert not [p for p in [*tmp_path.rglob("*"), *folder.rglob("*.tmp")]
                if p.name.endswith(".tmp") or p.name.startswith(".policytext")]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_retry_errors_redoes_the_error_rows_only(tmp_path, fmt):
    """A file a manifest lists arrives after the run: --resume keeps its error row, --retry-errors redoes it."""
    folder = tmp_path / "a"
    folder.mkdir()
    shutil.copy(CORPORA / "gwr-1985.txt", folder / "a.txt")
    (folder / "z-binary.txt").write_bytes(b"\x00\xff" * 500)  # binary: an error every time
    # missing files come last, and never.txt last of all: a CSV table's last document is always redone on
    # resume (a kill may have torn its rows)
    (folder / "manifest.csv").write_text("file,year\na.txt,1985\nlate.txt,1997\nz-binary.txt,\nnever.txt,\n",
                                         encoding="utf-8")
    out = tmp_path / ("out" if fmt == "parquet" else f"out.{fmt}")
    extra = ["--table", "documents"] if fmt == "csv" else []

    def extract(*more: str) -> list[tuple[str, object]]:
        assert main(["extract", str(folder), "-o", str(out), "--format", fmt, "-q", *extra, *more]) == EXIT_FAILED
        if fmt == "jsonl":
            rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        elif fmt == "csv":
            rows = list(csv.DictReader(out.open(encoding="utf-8")))
        else:
            import pyarrow.parquet as pq

            rows = pq.read_table(out / "documents").to_pylist()
        return sorted((os.path.basename(r["source"]), r.get("error") or None) for r in rows)

    assert extract() == [("a.txt", None), ("late.txt", "missing"), ("never.txt", "missing"), ("z-binary.txt", "read")]
    shutil.copy(CORPORA / "gwr-1997.txt", folder / "late.txt")
    assert extract("--resume") == [("a.txt", None), ("late.txt", "missing"), ("never.txt", "missing"), ("z-binary.txt", "read")]
    assert extract("--resume", "--retry-errors") == [("a.txt", None), ("late.txt", None), ("never.txt", "missing"), ("z-binary.txt", "read")]
    if fmt == "parquet":  # the other tables got the late file's rows once
        import pyarrow.parquet as pq

        late = [s for s in pq.read_table(out / "indicators").column("source").to_pylist() if s.endswith("late.txt")]
        assert len(late) == len(next(iter_records([str(folder / "late.txt")]))["indicators"]) > 0
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp") or p.name.startswith(".policytext")]


def test_sigterm_stops_cleanly_and_resumes(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    for i in range(12):
        shutil.copy(CORPORA / SPEECHES[i % len(SPEECHES)], folder / f"{i:02d}.txt")
    out = tmp_path / "out.jsonl"
    proc = _cli(str(folder), "-o", str(out), "--workers", "2")
    _wait_for_rows("jsonl", out, 2, proc)
    workers = _children(proc.pid)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 143, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1 and "--resume" in err
    time.sleep(0.5)
    assert not [w for w in workers if _alive(w)]
    assert main(["extract", str(folder), "-o", str(out), "--resume", "-q"]) == EXIT_OK
    assert sorted(_sources("jsonl", out)) == sorted(str(p) for p in folder.iterdir())


# A worker killed while it sends its record leaves half a message in the pool's result pipe: the
# script makes one do so on purpose (a header promising 1,000 bytes, then 10), then kills the pool
# as SIGTERM does.  Before the fix the pool's shutdown waited for the rest for ever.
_HALF_SENT = r"""
import gc, os, struct, sys, time
from multiprocessing.queues import SimpleQueue
from policytext.batch import _kill_pool, _new_pool

def half_sent():
    queue = next(o for o in gc.get_objects() if isinstance(o, SimpleQueue) and hasattr(o, "_writer"))
    os.write(queue._writer.fileno(), struct.pack("!i", 1000) + b"x" * 10)
    time.sleep(60)

if __name__ == "__main__":
    ex = _new_pool(1)
    ex.submit(half_sent)
    time.sleep(1.0)  # the worker has written its half message; the manager thread waits for the rest
    t0 = time.monotonic()
    _kill_pool(ex)
    print(f"stopped in {time.monotonic() - t0:.2f} s")
"""


def test_killing_the_pool_while_a_worker_sends_does_not_hang(tmp_path):
    script = tmp_path / "half_sent.py"
    script.write_text(_HALF_SENT, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("stopped in"), done.stdout
