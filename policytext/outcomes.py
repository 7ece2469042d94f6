"""Targets against outcomes: each report's targets beside what the next report says came of them.

A government work report of year Y sets targets for Y (kind ``target``:
国内生产总值增长5%左右); the report of Y+1 opens by reviewing Y (kind
``actual``: 国内生产总值增长5.2%).  :func:`outcomes` pairs the two for every
measure of the table (:mod:`policytext.measures`) and every issuer whose
reports of consecutive years are in the corpus.

Which figures count.  A target is the first figure of the measure in report Y
that is a target for Y: not one of a plan period (年均增长7%, 累计, 翻一番),
not one naming another year (到2025年); the outcome is the first such figure
of kind ``actual`` in report Y+1 that describes Y (its years, if it names any,
are Y or Y−1 as in 比2024年增长).  When report Y+1 states no outcome (the 2008
report gives only the five-year average), the row is there with outcome and
``met`` empty.

When is a target met.  The qualifier decides first: 以上/不低于 (``min``) is
met when the outcome is at least the target, 以内/不超过 (``max``) when it is at
most the target.  Otherwise the measure's direction decides: a floor (growth,
new jobs) is met when the outcome reaches the target, the low end of a range
(6%–6.5% is met by 6.1%); a ceiling (CPI, unemployment, the deficit ratio) when
the outcome stays at or under the target, the top of a range.  左右 (about) is
read as the target itself: 7%左右 is not met by 6.9%, 3%左右 on CPI is met by
3%.  Target and outcome are both in the table for any other reading.

>>> from policytext import corpora
>>> corpus = corpora.load("sample").filter(level="national")
>>> rows = outcome_rows(corpus)
>>> r = next(r for r in rows if (r.year, r.measure) == (2022, "gdp_growth"))
>>> r.issuer, r.target, r.qualifier, r.outcome, r.met
('中国', 5.5, 'approx', 3.0, False)
>>> r.target_text, r.outcome_text
('国内生产总值增长5.5%左右', '国内生产总值增长3%')
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Optional

from ._data import data_groups
from .document import Corpus, Document
from .extract import extract
from .extract.records import Indicator
from .inputs import iter_inputs
from .measures import Extension, Figure, Measure, MeasureTable, figure_of, measure_table
from .timescope import Scope

__all__ = ["Outcome", "outcome_rows", "outcomes", "issuer_of", "COLUMNS"]

Span = tuple[int, int]
COLUMNS = ("issuer", "level", "year", "measure", "target", "target_high", "qualifier", "outcome", "met", "unit",
           "target_text", "target_span", "target_source", "outcome_text", "outcome_span", "outcome_source")


@dataclass(frozen=True)
class Outcome:
    """One issuer's target for one year and measure, beside the outcome its next report states."""

    issuer: str
    level: Optional[str]
    year: int
    measure: str
    target: float
    target_high: Optional[float]
    qualifier: Optional[str]
    outcome: Optional[float]
    met: Optional[bool]
    unit: Optional[str]
    target_text: str
    target_span: Span
    target_source: Optional[str]
    outcome_text: Optional[str] = None
    outcome_span: Optional[Span] = None
    outcome_source: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        """A flat row: numbers as written (8 for 8%, 5.5 for 5.5%), spans as ``[start, end]`` into each source's text."""
        d = {c: _plain(getattr(self, c)) for c in COLUMNS}
        d["target_span"] = list(self.target_span)
        d["outcome_span"] = list(self.outcome_span) if self.outcome_span else None
        return d


def _plain(v: Any) -> Any:
    return int(v) if isinstance(v, float) and v.is_integer() else v


def met(target: Figure, outcome: float, direction: str) -> bool:
    """Whether ``outcome`` meets ``target`` (see the module's rule).

    >>> met(Figure(6.0, None, "min", "%"), 8.1, "floor"), met(Figure(7.0, None, "approx", "%"), 6.9, "floor")
    (True, False)
    >>> met(Figure(3.0, None, "approx", "%"), 0.2, "ceiling"), met(Figure(6.0, 6.5, "range", "%"), 6.1, "floor")
    (True, True)
    """
    if target.qualifier == "min":
        return outcome >= target.value
    if target.qualifier == "max" or direction == "ceiling":
        return outcome <= (target.high if target.high is not None else target.value)
    return outcome >= target.value


def issuer_of(meta: dict) -> tuple[Optional[str], str]:
    """``(level, issuer)`` from a manifest row: the region (or speaker_or_org) without its administrative suffix.

    >>> issuer_of({"level": "provincial", "region": "宁夏回族自治区"}), issuer_of({"level": "provincial", "region": "四川省"})
    (('provincial', '宁夏'), ('provincial', '四川'))
    """
    name = str(meta.get("region") or meta.get("speaker_or_org") or meta.get("speaker") or "")
    for suffix in _issuer_suffixes():
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            name = name[:-len(suffix)]
    return meta.get("level"), name


def _issuer_suffixes() -> list[str]:
    return data_groups("measure_rules.tsv")["issuer_suffix"]


def _firsts(inds: Iterable[Indicator], kind: str, scope: Scope, table: MeasureTable
            ) -> dict[str, tuple[Indicator, Figure, Measure]]:
    """The first figure of each measure, of ``kind``, about the scope's year alone, in document order."""
    found: dict[str, tuple[Indicator, Figure, Measure]] = {}
    for ind in inds:
        if ind.kind != kind:
            continue
        m = table.match(ind.name)
        if m is None or m.name in found or not scope.one_year(ind.span, ind.text, ind.year):
            continue
        fig = figure_of(ind, m)
        if fig is not None:
            found[m.name] = (ind, fig, m)
    return found


def _documents(corpus, on_error: Optional[Callable[[str, str], Any]] = None) -> Iterable[Document]:
    """Documents with their metadata from a Corpus, documents, or paths (files, folders, globs, manifest CSVs);
    ``on_error(source, message)`` hears of each input that could not be read."""
    if isinstance(corpus, (str, os.PathLike)):
        corpus = [corpus]
    if not isinstance(corpus, Corpus):
        items = list(corpus)
        if not all(isinstance(x, (str, os.PathLike)) for x in items):
            return items
        inputs = list(iter_inputs([os.fspath(x) for x in items]))
        for i in inputs:
            if i.error is not None and on_error is not None:
                on_error(i.source, i.reason or i.error)
        inputs = [i for i in inputs if i.error is None]
        corpus = Corpus([i.source for i in inputs], {i.source: i.meta for i in inputs})
    return _readable(corpus, on_error)


def _readable(corpus: Corpus, on_error) -> Iterator[Document]:
    for source, doc in corpus.iter_safe():
        if isinstance(doc, Document):
            yield doc
        elif on_error is not None:
            on_error(source, str(doc))


def _by_issuer_year(docs: Iterable[Document]) -> dict[tuple, Document]:
    """One document per (level, issuer, genre, year): an original before a machine conversion of it."""
    chosen: dict[tuple, Document] = {}
    for doc in docs:
        if doc.year is None:
            continue
        level, issuer = issuer_of(dict(doc.meta))
        key = (level, issuer, doc.meta.get("genre"), doc.year)
        if key not in chosen or (chosen[key].machine_converted and not doc.machine_converted):
            chosen[key] = doc
    return chosen


def outcome_rows(corpus, measures: Extension = None, *,
                 on_error: Optional[Callable[[str, str], Any]] = None) -> list[Outcome]:
    """Targets against outcomes as :class:`Outcome` records, by issuer, year and measure.

    Args:
        corpus: a :class:`~policytext.Corpus` (its manifest gives year, level,
            region/speaker_or_org, genre), paths (files, folders, globs, manifest
            CSVs: a ``manifest.csv`` beside the files gives the metadata), or
            documents with that metadata.  Documents without a year are left out.
        measures: names to add to the shipped table (see :func:`policytext.measures.measure_table`),
            or a :class:`~policytext.measures.MeasureTable` to use as it is.
        on_error: called as ``on_error(source, message)`` for each input that could not be
            read (a missing file, an unknown format); it is left out either way.
    """
    table = measures if isinstance(measures, MeasureTable) else measure_table(measures)
    docs = _by_issuer_year(_documents(corpus, on_error))
    rows: list[Outcome] = []
    cache: dict[tuple, list[Indicator]] = {}

    def indicators(key: tuple) -> list[Indicator]:
        if key not in cache:
            cache[key] = extract(docs[key]).indicators
        return cache[key]

    for key in sorted(docs, key=lambda k: tuple(str(x) for x in k)):
        *who, year = key
        nxt = (*who, year + 1)
        if nxt not in docs:
            continue
        targets = _firsts(indicators(key), "target", Scope.of_plan(docs[key].text, year), table)
        if targets:
            results = _firsts(indicators(nxt), "actual", Scope.of_review(docs[nxt].text, year), table)
            rows += [_row(key, docs[key], docs[nxt], t, results.get(name)) for name, t in targets.items()]
    return rows


def _row(key: tuple, doc: Document, nxt: Document, target: tuple, result: Optional[tuple]) -> Outcome:
    level, issuer, _genre, year = key
    ind, fig, m = target
    base = dict(issuer=issuer, level=level, year=year, measure=m.name, target=fig.value, target_high=fig.high,
                qualifier=fig.qualifier, unit=fig.unit, target_text=ind.text, target_span=ind.span,
                target_source=doc.source)
    if result is None or result[1].unit != fig.unit:
        return Outcome(outcome=None, met=None, **base)
    rind, rfig, _ = result
    return Outcome(outcome=rfig.value, met=met(fig, rfig.value, m.direction), outcome_text=rind.text,
                   outcome_span=rind.span, outcome_source=nxt.source, **base)


def outcomes(corpus, measures: Extension = None):
    """Targets against outcomes as a tidy pandas DataFrame, one row per issuer, year and measure.

    Columns: issuer, level, year, measure, target, target_high, qualifier,
    outcome, met, unit, then text, span (into the original text) and source of
    the target and of the outcome.  Percent figures are as written (8 for 8%),
    amounts in base units (城镇新增就业1100万人 → 11000000).  See the module for
    which figures count and when a target is met.

    >>> import policytext
    >>> from policytext import corpora
    >>> t = policytext.outcomes(corpora.load("sample").filter(level="national"))
    >>> t.query("measure == 'cpi'")[["year", "target", "qualifier", "outcome", "met"]].to_string(index=False)
    ' year  target qualifier  outcome  met\\n 2021     3.0    approx      0.9 True\\n 2022     3.0    approx      2.0 True\\n 2023     3.0    approx      0.2 True\\n 2024     3.0    approx      0.2 True'
    """
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - the frames extra
        raise ImportError("policytext.outcomes needs pandas: pip install 'policytext[frames]' "
                          "(outcome_rows gives the same rows without it)") from e
    frame = pd.DataFrame([r.to_dict() for r in outcome_rows(corpus, measures)], columns=list(COLUMNS))
    frame["target_span"] = frame["target_span"].map(lambda s: tuple(s) if s else None)
    frame["outcome_span"] = frame["outcome_span"].map(lambda s: tuple(s) if s else None)
    return frame
