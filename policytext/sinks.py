"""Where batch records go: JSON Lines, CSV or Parquet, durable as they are made.

Each sink writes a record as soon as it is made and hands it to the
operating system (flush), so a run killed even with SIGKILL keeps every
finished document; ``sync()`` makes what was written durable (fsync, about
10 ms on the development machine's disk, so the batch engine calls it at
most every half second and counts records as done after it).
``open_sink(..., resume=True)`` first reads what a previous run left and
returns the sources already done; a torn tail (the last line or document
block a kill cut) is cut off and its document redone.  ``retry_errors=True``
also drops the error rows, so that those inputs are redone and their new
rows replace the old: the file (or each ``documents`` part holding one) is
rewritten into a temporary file renamed over it.  Parquet parts too are
written to a temporary file renamed into place when complete (a stale
``.part-*.tmp`` of a SIGKILL is removed on the next run).

- JSON Lines (``OUT.jsonl``): one record or error row a line.
- CSV (``OUT.csv``): one table of :mod:`policytext.tables` (``indicators`` by default).
- Parquet (``OUT/``): a folder with a sub-folder per table
  (``OUT/documents/part-00000.parquet`` …); a part holds ``part_size``
  documents, so a SIGKILL loses at most the unwritten part; ``documents``
  parts are written last and are the commit: parts of other tables without
  their ``documents`` part are dropped on resume.
"""
from __future__ import annotations

import contextlib
import csv
import functools
import io
import json
import os
import sys
from typing import Any, Mapping, Optional

from .tables import COLUMNS, TABLES, arrow_table, csv_value, table_rows

__all__ = ["open_sink", "Sink", "FORMATS"]

FORMATS = ("jsonl", "csv", "parquet")


def _fsync(f) -> None:
    f.flush()
    try:
        os.fsync(f.fileno())
    except (OSError, io.UnsupportedOperation, AttributeError, ValueError):
        pass  # a pipe or terminal: nothing to make durable


def write_atomically(path: str, text: str) -> None:
    """``text`` into ``path`` whole or not at all: written to a temporary file beside it, made
    durable, then renamed over it (a run stopped halfway leaves the old file, or none).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "outcomes.csv"
    >>> write_atomically(str(p), "issuer,year\\n国务院,2024\\n"); p.read_text(encoding="utf-8")
    'issuer,year\\n国务院,2024\\n'
    """
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with _replacing(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write(text)
        _fsync(f)


@contextlib.contextmanager
def _replacing(path: str, tmp: Optional[str] = None):
    """A temporary path beside ``path`` (``.policytext-NAME.tmp`` unless given) for the block to
    write; renamed over ``path`` when the block ends without an exception, removed in any case."""
    tmp = tmp or os.path.join(os.path.dirname(os.path.abspath(path)), f".policytext-{os.path.basename(path)}.tmp")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def jsonl_line(rec: Mapping[str, Any]) -> str:
    """A record as one strict JSON line (no NaN or Infinity).

    >>> jsonl_line({"source": "gwr-2015.txt", "name": "国内生产总值"})
    '{"source": "gwr-2015.txt", "name": "国内生产总值"}\\n'
    """
    return json.dumps(rec, ensure_ascii=False, allow_nan=False) + "\n"


def csv_text(table: str, cols: tuple, rec: Mapping[str, Any]) -> str:
    """The CSV lines one record contributes to ``table`` (columns ``cols``)."""
    buf = io.StringIO()
    w = csv.writer(buf)
    for row in table_rows(rec)[table]:
        w.writerow([csv_value(row.get(c)) for c in cols])
    return buf.getvalue()


class Sink:
    """Base: ``write(record)``, ``close()``; ``done`` holds the sources a resumed run skips,
    ``prior_errors`` how many of them were error rows (when the format tells).

    ``encoder()`` is a picklable function turning a record into what
    ``write_encoded`` takes (a JSON line, CSV text, table rows): the batch
    engine runs it in the worker that made the record, so that the parent
    process only writes.  ``write(rec)`` is ``write_encoded(encoder()(rec))``.
    """

    done: set
    prior_errors: int = 0

    def encoder(self) -> Any:  # pragma: no cover - interface
        raise NotImplementedError

    def write_encoded(self, payload: Any) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def write(self, rec: Mapping[str, Any]) -> None:
        self.write_encoded(self.encoder()(rec))

    def sync(self) -> None:
        """Make every record written so far durable (a no-op where writing already does)."""
        f = getattr(self, "f", None)
        if f is not None:
            _fsync(f)

    def close(self) -> None:
        pass


def jsonl_bytes(rec: Mapping[str, Any]) -> bytes:
    """:func:`jsonl_line` in UTF-8: what a worker hands the parent (bytes cross a pipe as they are)."""
    return jsonl_line(rec).encode("utf-8")


class JsonlSink(Sink):
    """One record a line, written as UTF-8 bytes (a binary file; stdout's buffer)."""

    def __init__(self, path: Optional[str], resume: bool, retry_errors: bool = False) -> None:
        self.done = set()
        if path is None:
            sys.stdout.flush()
            self.f, self._own = getattr(sys.stdout, "buffer", sys.stdout), False
        elif resume and os.path.exists(path):
            self.done, self.prior_errors = _resume_jsonl(path, retry_errors)
            self.f, self._own = open(path, "ab"), True
        else:
            self.f, self._own = open(path, "wb"), True

    def encoder(self) -> Any:
        return jsonl_bytes

    def write_encoded(self, line: bytes) -> None:
        if isinstance(self.f, io.TextIOBase):  # a stdout without a buffer (a notebook, a test's capture)
            self.f.write(line.decode("utf-8"))
        else:
            self.f.write(line)
        self.f.flush()

    def close(self) -> None:
        self.sync()
        if self._own:
            self.f.close()


def _resume_jsonl(path: str, retry_errors: bool = False) -> tuple[set, int]:
    """Sources with a complete line in ``path`` and how many were errors; a torn last line is cut off.

    ``retry_errors``: error rows are dropped too (the file rewritten without them), so their inputs are redone.
    """
    done, good_end, errors = set(), 0, 0
    with open(path, "rb") as f:
        for line in f:
            try:
                rec = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError):
                break  # torn by a kill: everything from here is redone
            if not line.endswith(b"\n"):
                break
            good_end += len(line)
            if isinstance(rec, dict) and rec.get("source"):
                done.add(rec["source"])
                errors += "error" in rec
    os.truncate(path, good_end)
    if retry_errors and errors:
        done = _rewrite(path, _jsonl_without_errors)
        errors = 0
    return done, errors


def _jsonl_without_errors(src, dst) -> set:
    kept = set()
    for line in src:
        rec = json.loads(line)
        if "error" not in rec:
            dst.write(line)
            kept.add(rec.get("source"))
    return kept


def _rewrite(path: str, keep) -> Any:
    """Rewrite ``path`` through ``keep(src, dst)`` (binary files) into a temporary file renamed over it."""
    with _replacing(path) as tmp:
        with open(path, "rb") as src, open(tmp, "wb") as dst:
            result = keep(src, dst)
            _fsync(dst)
        os.chmod(tmp, os.stat(path).st_mode & 0o7777)
    return result


class CsvSink(Sink):
    def __init__(self, path: Optional[str], resume: bool, table: str = "indicators",
                 retry_errors: bool = False) -> None:
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}: one of {', '.join(TABLES)}")
        self.table, self.done, self.cols = table, set(), COLUMNS[table]
        if path is None:
            self.f, self._own = sys.stdout, False
        else:
            fresh = not (resume and os.path.exists(path) and os.path.getsize(path) > 0)
            if not fresh:
                self.done, self.prior_errors = _resume_csv(path, self.cols, retry_errors)
            self.f, self._own = open(path, "w" if fresh else "a", encoding="utf-8", newline=""), True
        self.w = csv.writer(self.f)
        if path is None or fresh:
            self.w.writerow(self.cols)

    def encoder(self) -> Any:
        return functools.partial(csv_text, self.table, tuple(self.cols))

    def write_encoded(self, text: str) -> None:
        self.f.write(text)
        self.f.flush()

    def close(self) -> None:
        self.sync()
        if self._own:
            self.f.close()


def _resume_csv(path: str, cols: list, retry_errors: bool = False) -> tuple[set, int]:
    """Sources in a CSV table but its last one, whose rows are cut off (a kill may have torn them).

    ``retry_errors``: the rows of error documents are dropped too (only the ``documents`` table has them;
    the other tables hold no row for an error, so those inputs are redone anyway).
    """
    sources = _csv_sources(path, cols)
    if not sources:
        return set(), 0
    end = sources[-1][1]
    sources = sources[:-1]
    os.truncate(path, end)
    errors = sum(e for _, _, e in sources)
    if retry_errors and errors:
        bounds = [(start, nxt[1]) for (_, start, err), nxt in zip(sources, sources[1:] + [("", end, False)]) if not err]

        def keep(src, dst):
            data = src.read()
            dst.write(data[:sources[0][1]])  # the header
            for s, e in bounds:
                dst.write(data[s:e])

        _rewrite(path, keep)
        return {s for s, _, e in sources if not e}, 0
    return {s for s, _, _ in sources}, errors


def _csv_sources(path: str, cols: list) -> list[tuple[str, int, bool]]:
    """(source, byte offset of its first row, an error row) of each document in a CSV table, in order."""
    with open(path, "rb") as f:
        data = f.read()
    starts: list[int] = []  # byte offset of each physical line
    pos = 0
    for ln in data.splitlines(keepends=True):
        starts.append(pos)
        pos += len(ln)
    starts.append(pos)
    reader = csv.reader(io.StringIO(data.decode("utf-8", errors="replace"), newline=""))
    sources: list[tuple[str, int, bool]] = []
    err = cols.index("error") if "error" in cols else None
    header = True
    last_src, line_no = None, 0
    rows = iter(reader)
    while True:
        try:
            row = next(rows)
        except (StopIteration, csv.Error):
            break
        row_start = starts[min(line_no, len(starts) - 1)]
        line_no = reader.line_num
        if header:
            header = False
            continue
        if row and row[0] != last_src:
            sources.append((row[0], row_start, err is not None and len(row) > err and bool(row[err])))
            last_src = row[0]
    return sources


class ParquetSink(Sink):
    def __init__(self, folder: str, resume: bool, part_size: int = 50, retry_errors: bool = False) -> None:
        import pyarrow.parquet as pq

        self.pq, self.folder, self.part_size = pq, folder, max(1, part_size)
        for t in TABLES:
            os.makedirs(os.path.join(folder, t), exist_ok=True)
        self.done, self.next_part = set(), 0
        committed = set(os.listdir(os.path.join(folder, "documents")))
        for t in TABLES:
            d = os.path.join(folder, t)
            for name in os.listdir(d):
                stale = name.endswith(".tmp") or (name.endswith(".parquet") and name not in committed)
                if stale or (not resume and name.endswith(".parquet")):
                    os.unlink(os.path.join(d, name))
        if resume:
            for name in sorted(os.listdir(os.path.join(folder, "documents"))):
                if name.endswith(".parquet"):
                    self._resume_part(os.path.join(folder, "documents", name), retry_errors)
                    self.next_part = max(self.next_part, int(name[5:10]) + 1)
        self.rows: dict[str, list[dict]] = {t: [] for t in TABLES}
        self.count = 0

    def _resume_part(self, path: str, retry_errors: bool) -> None:
        """Count a committed ``documents`` part as done; ``retry_errors`` rewrites it without its error rows
        (the other tables hold no row for an error document)."""
        import pyarrow.compute as pc

        part = self.pq.read_table(path)
        errors = part.column("error").is_valid()
        if retry_errors and pc.any(errors).as_py():
            part = part.filter(pc.invert(errors))
            self._write_atomically(part, path)
            errors = part.column("error").is_valid()
        self.done.update(part.column("source").to_pylist())
        self.prior_errors += pc.sum(errors.cast("int32")).as_py() or 0

    def _write_atomically(self, table, path: str) -> None:
        """Write ``table`` to ``.NAME.tmp`` beside ``path``, make it durable, then rename it into place."""
        with _replacing(path, os.path.join(os.path.dirname(path), f".{os.path.basename(path)}.tmp")) as tmp:
            self.pq.write_table(table, tmp)
            with open(tmp, "rb") as f:
                os.fsync(f.fileno())

    def encoder(self) -> Any:
        return table_rows

    def write_encoded(self, rows: dict) -> None:
        for t, rs in rows.items():
            self.rows[t].extend(rs)
        self.count += 1
        if self.count >= self.part_size:
            self.flush()

    def flush(self) -> None:
        if not self.count:
            return
        name = f"part-{self.next_part:05d}.parquet"
        for t in TABLES[1:] + TABLES[:1]:  # documents last: its part commits the others
            self._write_atomically(arrow_table(t, self.rows[t]), os.path.join(self.folder, t, name))
        self.rows = {t: [] for t in TABLES}
        self.count = 0
        self.next_part += 1

    def close(self) -> None:
        self.flush()


def open_sink(fmt: str, output: Optional[str], resume: bool = False, table: str = "indicators",
              part_size: int = 50, retry_errors: bool = False) -> Sink:
    """A sink for ``fmt`` writing to ``output`` (a file; a folder for Parquet; None: stdout).

    ``resume`` keeps what ``output`` holds; ``retry_errors`` (with ``resume``) drops its error rows so
    that those inputs are redone.
    """
    if fmt == "parquet":
        if not output:
            raise ValueError("--format parquet needs -o FOLDER")
        return ParquetSink(output, resume, part_size, retry_errors)
    if output:
        d = os.path.dirname(os.path.abspath(output))
        os.makedirs(d, exist_ok=True)
    if fmt == "csv":
        return CsvSink(output, resume, table, retry_errors)
    if fmt == "jsonl":
        return JsonlSink(output, resume, retry_errors)
    raise ValueError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
