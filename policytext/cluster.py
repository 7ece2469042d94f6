"""Extraction on a Dask cluster: the same records as a local run, one partition per file.

``dask_records`` is the engine behind ``policytext extract --engine dask``:
each file is read and extracted on a worker; records come back in input
order; a file that breaks on a worker (or a worker that dies) gives its error
row.  ``bag`` gives a dask bag of records and ``dataframes`` dask DataFrames
of the four tables of :mod:`policytext.tables`, partitioned by file.
Needs the ``dask`` extra (``dask[distributed]``).

>>> from dask.distributed import Client, LocalCluster                    # doctest: +SKIP
>>> client = Client(LocalCluster(n_workers=2, processes=True))            # doctest: +SKIP
>>> t = dataframes(["corpora"])                                           # doctest: +SKIP
>>> t["indicators"].groupby("meta_year").size().compute()                 # doctest: +SKIP
"""
from __future__ import annotations

import contextlib
from collections import deque
from typing import Any, Iterable, Iterator, Optional, Union

from .batch import _finish, _job, _record_of, error_row
from .inputs import Input, iter_inputs

__all__ = ["dask_records", "bag", "dataframes", "client"]


def _inputs(paths_or_inputs: Iterable[Union[str, Input]]) -> list[Input]:
    items = list(paths_or_inputs)
    return items if items and isinstance(items[0], Input) else list(iter_inputs(items))


@contextlib.contextmanager
def client(scheduler: Optional[str] = None, workers: int = 2):
    """A Dask client: to ``scheduler`` when given, else to a LocalCluster of ``workers`` processes here."""
    from dask.distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as c:
            yield c
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as c:
        yield c


def dask_records(inputs: Iterable[Union[str, Input]], scheduler: Optional[str] = None, workers: int = 2,
                 strict: bool = False, window: int = 0, encode: Any = None) -> Iterator[Any]:
    """Records of ``inputs`` in input order, extracted on a Dask cluster (files read on the workers).

    With ``encode`` (a sink's encoder), ``(head, encoded)`` pairs instead, encoded on the workers.
    """
    with client(scheduler, workers) as c:
        nthreads = sum(c.nthreads().values()) or workers
        window = window or 4 * nthreads
        pending: deque = deque()
        it = iter(_inputs(inputs) if not isinstance(inputs, Iterator) else inputs)
        while True:
            while len(pending) < window:
                inp = next(it, None)
                if inp is None:
                    break
                if isinstance(inp, str):
                    inp = Input(inp)
                pending.append((inp, c.submit(_job, inp, strict, encode, pure=False)))
            if not pending:
                return
            inp, fut = pending.popleft()
            try:
                yield fut.result()
            except Exception as e:  # the worker died or the task could not run there
                yield _finish(encode, error_row(inp.source, "crash", f"on a Dask worker: {type(e).__name__}: {e}",
                                                inp.meta))


def bag(paths: Iterable[Union[str, Input]], strict: bool = False):
    """A dask bag of records, one partition per file; files are read on the workers."""
    import dask.bag as db

    items = _inputs(paths)
    return db.from_sequence(items, npartitions=max(1, len(items))).map(_record_of, strict)


def _frame(records: list, table: str):
    from .tables import frames

    return frames(records)[table]


def dataframes(paths: Iterable[Union[str, Input]], strict: bool = False) -> dict:
    """Dask DataFrames of the four tables (documents, indicators, enumerations, formulations), one partition per file."""
    import dask
    import dask.dataframe as dd

    from .tables import TABLES, arrow_table, to_pandas

    parts = bag(paths, strict).to_delayed()
    return {t: dd.from_delayed([dask.delayed(_frame)(p, t) for p in parts], meta=to_pandas(arrow_table(t, [])),
                               verify_meta=False)
            for t in TABLES}
