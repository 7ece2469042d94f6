"""The batch engine: many files in, one record or error row per file out.

``run`` walks the inputs (files, folders, globs, manifest CSVs: see
:mod:`policytext.inputs`), extracts each document in a pool of worker
processes, and streams every record to its sink (:mod:`policytext.sinks`)
as soon as it is made (fsync'd, at most half a second later, before it counts
as done).  One bad file is
one error row ``{"source", "error", "reason"}``; the run goes on.

Kills: a SIGKILL loses at most the documents in flight and ``resume=True``
continues from the output (``retry_errors=True`` also redoes the inputs that
gave an error row: a file that arrived or became readable since); SIGTERM and Ctrl-C stop the pool and raise
:class:`Interrupted` (the CLI turns it into a one-line message).  Workers
die with their parent (``PR_SET_PDEATHSIG`` on Linux, and a watch on the
parent elsewhere), so nothing is orphaned.

Exit statuses of ``policytext extract``: :data:`EXIT_OK` (0) every input
gave a record; :data:`EXIT_FAILED` (1) some gave an error row;
:data:`EXIT_USAGE` (2) bad arguments; 130 after Ctrl-C, 143 after SIGTERM.

>>> rec = extract_record("corpora/gwr-2015.txt", {"year": 2015})
>>> rec["source"], rec["meta"]["year"], rec["encoding"], len(rec["indicators"]) > 50
('corpora/gwr-2015.txt', 2015, 'utf-8', True)
>>> extract_record("corpora")["error"]
'not-a-file'
"""
from __future__ import annotations

import itertools
import os
import signal
import stat
import sys
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Mapping, Optional, Union

from .inputs import Input, iter_inputs
from .tables import clean

__all__ = ["run", "iter_records", "extract_record", "error_row", "tables", "Summary", "Interrupted",
           "EXIT_OK", "EXIT_FAILED", "EXIT_USAGE"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class Interrupted(BaseException):
    """Raised in the main process on SIGTERM (Ctrl-C raises KeyboardInterrupt); ``signum`` says which."""

    def __init__(self, signum: int = signal.SIGTERM):
        self.signum = signum
        super().__init__(f"stopped by signal {signum}")


def error_row(source: str, error: str, reason: str, meta: Optional[Mapping] = None) -> dict:
    """The row of an input that gave no record: ``error`` a short code, ``reason`` the detail."""
    row = {"source": source, "error": error, "reason": reason}
    if meta:
        row["meta"] = dict(meta)
    return row


def extract_record(source: str, meta: Optional[Mapping[str, Any]] = None, strict: bool = False) -> dict:
    """The record of one file, or its error row: never raises for a bad file.

    The record is the extraction record plus ``encoding``, ``format`` and,
    when a few damaged bytes were read as U+FFFD, their byte offsets
    (``decode_errors``); ``strict`` refuses any damaged byte.
    """
    from .document import read
    from .extract import extract
    from .reading import ReadError

    meta = dict(meta or {})
    try:
        st = os.stat(source)
    except FileNotFoundError:
        return error_row(source, "missing", "no such file", meta)
    except OSError as e:
        return error_row(source, "unreadable", e.strerror or str(e), meta)
    if stat.S_ISDIR(st.st_mode):
        return error_row(source, "not-a-file", "a directory, not a file", meta)
    if not stat.S_ISREG(st.st_mode):
        return error_row(source, "not-a-file", "not a regular file (a FIFO, socket or device)", meta)
    try:
        doc = read(source, meta=meta, strict=strict)
        rec = extract(doc).to_dict()
    except ReadError as e:
        return error_row(source, "read", e.reason, meta)
    except OSError as e:
        return error_row(source, "unreadable", e.strerror or str(e), meta)
    except (Exception, RecursionError) as e:  # one broken file must not stop ten thousand
        return error_row(source, "crash", f"{type(e).__name__}: {e}", meta)
    rec["encoding"], rec["format"] = doc.encoding, doc.format
    if doc.decode_errors:
        rec["decode_errors"] = list(doc.decode_errors)
    return clean(rec)


def _record_of(inp: Input, strict: bool = False) -> dict:
    if inp.error:
        return error_row(inp.source, inp.error, inp.reason or "", inp.meta)
    return extract_record(inp.source, inp.meta, strict)


def _head(rec: Mapping) -> dict:
    """What the parent needs of a record it does not see whole: source, meta, and error and reason."""
    return {k: rec[k] for k in ("source", "meta", "error", "reason") if k in rec}


def _finish(encode: Any, rec: dict) -> Any:
    return rec if encode is None else (_head(rec), encode(rec))


def _job(inp: Input, strict: bool, encode: Any) -> Any:
    """In a worker (a pool's or a Dask cluster's): the record of one input, encoded for the sink when
    ``encode`` is given (the parent then only writes: encoding there would take a tenth of a worker's time)."""
    return _finish(encode, _record_of(inp, strict))


# --- worker processes ---------------------------------------------------------------------------
def _die_with_parent() -> None:
    """In a worker: end when the parent ends (PDEATHSIG on Linux, a watch thread everywhere)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # died before prctl took hold
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _new_pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, initializer=_die_with_parent)


def _kill_pool(ex: ProcessPoolExecutor) -> None:
    """Kill the pool's workers and shut it down without hanging.

    A worker killed while it sends a record (100 KB, more than a pipe holds) leaves half a
    message in the result pipe, and the pool's manager thread then waits for the rest for
    ever, and ``shutdown`` with it (one SIGTERM in a few dozen hung so).  Once the workers
    are dead the parent's own copy of the pipe's writing end is the last: closing it turns
    that wait into an end of file, which the manager thread takes for a broken pool.
    """
    procs = list((getattr(ex, "_processes", None) or {}).values())
    for p in procs:
        try:
            p.kill()
        except (OSError, AttributeError):
            pass
    for p in procs:
        try:
            p.join(timeout=10)
        except (OSError, AttributeError, AssertionError):
            pass
    writer = getattr(getattr(ex, "_result_queue", None), "_writer", None)
    if writer is not None and not any(p.is_alive() for p in procs):
        writer.close()
    ex.shutdown(wait=True, cancel_futures=True)


def _pooled(inputs: Iterable[Input], workers: int, strict: bool = False, encode: Any = None) -> Iterator[Any]:
    """Records (or ``(head, encoded)`` pairs, see :func:`_job`) in input order from a pool; at most
    ``4 × workers`` documents in flight (a long one at the head keeps the others busy)."""
    ex = _new_pool(workers)
    window: deque = deque()  # (input, future or ready record, attempt)
    it = iter(inputs)
    clean_exit = False
    try:
        while True:
            while len(window) < 4 * workers:
                inp = next(it, None)
                if inp is None:
                    break
                window.append([inp, _finish(encode, _record_of(inp)) if inp.error
                               else ex.submit(_job, inp, strict, encode), 0])
            if not window:
                break
            inp, fut, attempt = window[0]
            if not isinstance(fut, Future):
                window.popleft()
                yield fut
                continue
            try:
                rec = fut.result()
            except BrokenProcessPool:  # a worker died (out of memory, killed): redo its documents once
                _kill_pool(ex)
                ex = _new_pool(workers)
                for w in window:
                    if isinstance(w[1], Future):
                        w[2] += 1
                        w[1] = (_finish(encode, error_row(w[0].source, "crash", "the worker process died (out of memory?)",
                                                          w[0].meta))
                                if w[2] > 1 else ex.submit(_job, w[0], strict, encode))
                continue
            window.popleft()
            yield rec
        clean_exit = True
    finally:
        if clean_exit:
            ex.shutdown(wait=True)
        else:
            _kill_pool(ex)


def iter_records(inputs: Iterable[Union[str, Input]], workers: int = 1, strict: bool = False) -> Iterator[dict]:
    """Records (or error rows) of ``inputs`` in input order; paths are expanded with :func:`iter_inputs`.

    >>> [r["source"] for r in iter_records(["corpora/gwr-1985.txt", "no/such.txt"])]
    ['corpora/gwr-1985.txt', 'no/such.txt']
    """
    return _records(inputs, workers, strict)


def _records(inputs: Iterable[Union[str, Input]], workers: int, strict: bool, encode: Any = None) -> Iterator[Any]:
    it = iter(inputs)
    first = next(it, None)
    if first is None:
        return
    items: Iterable[Input] = itertools.chain([first], it)
    if not isinstance(first, Input):
        items = iter_inputs(items)
    if workers > 1:
        yield from _pooled(items, workers, strict, encode)
    else:
        for inp in items:
            yield _finish(encode, _record_of(inp, strict))


# --- a run: inputs → sink ---------------------------------------------------------------------
@dataclass
class Summary:
    """What a run did: documents written (this run and kept from before), errors, seconds."""

    documents: int = 0
    errors: int = 0
    skipped: int = 0
    seconds: float = 0.0
    total: int = 0

    @property
    def exit_status(self) -> int:
        return EXIT_FAILED if self.errors else EXIT_OK

    def line(self) -> str:
        s = f"{self.documents} documents, {self.errors} errors, {self.seconds:.1f} s"
        return s + (f" ({self.skipped} kept from the previous run)" if self.skipped else "")


def _sigterm_raises():
    """Install a SIGTERM handler raising :class:`Interrupted` (main thread only); returns a restorer."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def handler(signum, frame):
        raise Interrupted(signum)

    old = signal.signal(signal.SIGTERM, handler)
    return lambda: signal.signal(signal.SIGTERM, old)


class _Durable:
    """Records written but not yet made durable: ``sync`` (fsync) at most every ``seconds``, then ``progress``."""

    def __init__(self, sink, progress: Any = None, seconds: float = 0.5) -> None:
        self.sink, self.progress, self.seconds = sink, progress, seconds
        self.pending: list = []
        self.last = time.monotonic()

    def add(self, rec: dict) -> None:
        self.pending.append(rec)
        if time.monotonic() - self.last >= self.seconds:
            self.sync()

    def sync(self) -> None:
        self.sink.sync()
        self.last = time.monotonic()
        if self.progress:
            for rec in self.pending:
                self.progress(rec)
        self.pending.clear()


def run(paths: Iterable[str], output: Optional[str] = None, fmt: str = "jsonl", *, workers: int = 1,
        resume: bool = False, table: str = "indicators", part_size: int = 50, progress: Any = None,
        engine: str = "local", scheduler: Optional[str] = None, strict: bool = False,
        retry_errors: bool = False) -> Summary:
    """Extract every input of ``paths`` into ``output`` (stdout when None) in ``fmt``; see the module doc.

    ``resume`` keeps the records ``output`` holds and extracts the rest; ``retry_errors`` (implies
    ``resume``) also redoes the inputs that gave an error row, whose new row replaces the old.

    ``progress`` is a callable ``(row)`` called once each record is durable, with the record's
    ``source``, ``meta`` and, for an error row, ``error`` and ``reason``
    (records are fsync'd together at most every half second; the CLI passes a progress bar).  ``engine="dask"`` runs on a Dask cluster
    (``scheduler`` an address, or a LocalCluster when None).
    """
    from .sinks import open_sink

    if workers < 1:
        raise ValueError("workers must be at least 1")
    t0 = time.monotonic()
    paths = list(paths)
    summary = Summary()
    restore = _sigterm_raises()
    sink = None
    try:
        sink = open_sink(fmt, output, resume=resume or retry_errors, table=table, part_size=part_size,
                         retry_errors=retry_errors)
        summary.skipped, summary.errors = len(sink.done), getattr(sink, "prior_errors", 0)
        todo = (inp for inp in iter_inputs(paths) if inp.source not in sink.done)
        if engine == "dask":
            from .cluster import dask_records

            records = dask_records(todo, scheduler=scheduler, workers=workers, strict=strict, encode=sink.encoder())
        else:
            records = _records(todo, workers, strict, sink.encoder())
        done = _Durable(sink, progress)
        for head, payload in records:
            sink.write_encoded(payload)
            summary.documents += 1
            summary.errors += "error" in head
            done.add(head)
        done.sync()
    finally:
        try:
            if sink is not None:
                sink.close()
        finally:
            restore()
            summary.seconds = time.monotonic() - t0
    return summary


def count_inputs(paths: Iterable[str]) -> int:
    """How many inputs ``paths`` name (a walk without reading; for progress totals)."""
    return sum(1 for _ in iter_inputs(paths))


def tables(paths_or_records: Iterable[Union[str, Mapping]], workers: int = 1) -> dict:
    """The four tables (documents, indicators, enumerations, formulations) as pandas DataFrames.

    Give paths (files, folders, globs, manifests) or records already made.
    Needs the ``frames`` extra.

    >>> t = tables(["corpora/gwr-2015.txt"])
    >>> int(t["documents"].loc[0, "meta_year"]), bool((t["indicators"]["meta_year"] == 2015).all())
    (2015, True)
    """
    from .tables import frames

    items = list(paths_or_records)
    recs = items if items and isinstance(items[0], Mapping) else iter_records(items, workers)
    return frames(recs)
