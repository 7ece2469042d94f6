"""One row schema for every flat output: CSV, Parquet, pandas.

A record (one document's extraction, or an error row) flattens into four
tidy tables.  Every row of every table starts with the document's columns:
``source`` and its manifest metadata, prefixed ``meta_`` (``meta_year``,
``meta_title`` …), so that an indicator's own ``year`` or ``text`` never
shadows the document's.

- ``documents``: one row per input: metadata, encoding, format, script,
  chars, the number of indicators/enumerations/formulations, the byte
  offsets of damaged bytes read as U+FFFD (``decode_errors``), or the error
  and its reason;
- ``indicators``: one row per indicator, the change flattened (``change_value`` …);
- ``enumerations``: one row per item, with its list's index in the document
  (``list``), the enclosing list and item (``parent_list``, ``parent_item``),
  the number of items (``count``) and the announced count;
- ``formulations``: one row per numbered slogan.

>>> rec = {"source": "a.txt", "script": "simplified", "chars": 9, "meta": {"year": 2015, "level": "national"},
...        "indicators": [{"name": "国内生产总值", "value": None, "value_high": None, "unit": None,
...                        "qualifier": "approx", "change": {"value": 7.0, "value_high": None, "unit": "%",
...                        "direction": "up", "qualifier": None, "basis": None}, "kind": "target",
...                        "year": None, "span": [0, 13], "text": "国内生产总值增长7%左右"}],
...        "enumerations": [], "formulations": []}
>>> row = table_rows(rec)["indicators"][0]
>>> row["meta_year"], row["year"], row["change_value"], row["text"]
(2015, None, 7.0, '国内生产总值增长7%左右')
"""
from __future__ import annotations

import json
import math
from typing import Any, Iterable, Mapping

__all__ = ["TABLES", "META_FIELDS", "COLUMNS", "table_rows", "clean", "arrow_schema", "arrow_table", "frames", "to_pandas"]

TABLES = ("documents", "indicators", "enumerations", "formulations")

# metadata fields of the manifests with their own column; any other key goes to meta_other (JSON)
META_FIELDS = ("id", "title", "year", "date", "speaker_or_org", "level", "region", "script", "genre")

# (column, type) per table; types name pyarrow types, so every part file has the same schema
_DOC = [("source", "string")] + [(f"meta_{k}", "int32" if k == "year" else "string") for k in META_FIELDS] + [
    ("meta_other", "string")]
_SPEC: dict[str, list[tuple[str, str]]] = {
    "documents": _DOC + [("error", "string"), ("reason", "string"), ("encoding", "string"), ("format", "string"),
                         ("script", "string"), ("chars", "int64"), ("n_indicators", "int32"),
                         ("n_enumerations", "int32"), ("n_formulations", "int32"),
                         ("decode_errors", "list<int64>")],
    "indicators": _DOC + [("index", "int32"), ("name", "string"), ("value", "float64"), ("value_high", "float64"),
                          ("unit", "string"), ("qualifier", "string"), ("change_value", "float64"),
                          ("change_value_high", "float64"), ("change_unit", "string"),
                          ("change_direction", "string"), ("change_qualifier", "string"),
                          ("change_basis", "string"), ("kind", "string"), ("year", "int32"),
                          ("span_start", "int64"), ("span_end", "int64"), ("text", "string")],
    "enumerations": _DOC + [("list", "int32"), ("category", "string"), ("announced", "int32"), ("count", "int32"),
                            ("style", "string"), ("parent_list", "int32"), ("parent_item", "int32"),
                            ("list_start", "int64"), ("list_end", "int64"), ("intro_start", "int64"),
                            ("intro_end", "int64"), ("item", "int32"), ("ordinal", "int32"), ("marker", "string"),
                            ("title", "string"), ("key", "string"), ("span_start", "int64"), ("span_end", "int64"),
                            ("text", "string")],
    "formulations": _DOC + [("index", "int32"), ("text", "string"), ("numbers", "list<int32>"),
                            ("span_start", "int64"), ("span_end", "int64"), ("expansion", "string")],
}
COLUMNS: dict[str, list[str]] = {t: [c for c, _ in spec] for t, spec in _SPEC.items()}


def clean(obj: Any) -> Any:
    """The record with every non-finite float (inf, nan) turned into ``None``: strict JSON, no ``inf`` in CSV.

    >>> clean({"value": float("inf"), "items": [1.5, float("nan")]})
    {'value': None, 'items': [1.5, None]}
    """
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {k: clean(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [clean(v) for v in obj]
    return obj


def _doc_columns(rec: Mapping) -> dict:
    meta = dict(rec.get("meta") or {})
    row: dict[str, Any] = {"source": rec.get("source")}
    for k in META_FIELDS:
        v = meta.pop(k, None)
        row[f"meta_{k}"] = _int(v) if k == "year" else (None if v is None else str(v))
    row["meta_other"] = json.dumps(meta, ensure_ascii=False, sort_keys=True) if meta else None
    return row


def _int(v: Any):
    try:
        return int(v) if v not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _span(span, prefix: str) -> dict:
    s, e = span if span else (None, None)
    return {f"{prefix}_start": s, f"{prefix}_end": e}


def table_rows(rec: Mapping) -> dict[str, list[dict]]:
    """The rows one record contributes to each table (an error row: one ``documents`` row)."""
    rec = clean(rec)
    doc = _doc_columns(rec)
    out: dict[str, list[dict]] = {t: [] for t in TABLES}
    if "error" in rec:
        out["documents"].append({**doc, "error": rec["error"], "reason": rec.get("reason")})
        return out
    out["documents"].append({**doc, "encoding": rec.get("encoding"), "format": rec.get("format"),
                             "script": rec.get("script"), "chars": rec.get("chars"),
                             "n_indicators": len(rec["indicators"]), "n_enumerations": len(rec["enumerations"]),
                             "n_formulations": len(rec["formulations"]),
                             "decode_errors": list(rec.get("decode_errors") or [])})
    for i, ind in enumerate(rec["indicators"]):
        ch = ind.get("change") or {}
        out["indicators"].append({
            **doc, "index": i, "name": ind["name"], "value": ind["value"], "value_high": ind["value_high"],
            "unit": ind["unit"], "qualifier": ind["qualifier"], "change_value": ch.get("value"),
            "change_value_high": ch.get("value_high"), "change_unit": ch.get("unit"),
            "change_direction": ch.get("direction"), "change_qualifier": ch.get("qualifier"),
            "change_basis": ch.get("basis"), "kind": ind["kind"], "year": ind["year"],
            **_span(ind["span"], "span"), "text": ind["text"]})
    for li, en in enumerate(rec["enumerations"]):
        parent = en.get("parent") or (None, None)
        common = {**doc, "list": li, "category": en["category"], "announced": en["announced"],
                  "count": len(en["items"]), "style": en["style"], "parent_list": parent[0], "parent_item": parent[1],
                  **_span(en["span"], "list"), **_span(en.get("intro_span"), "intro")}
        for ii, it in enumerate(en["items"]):
            out["enumerations"].append({**common, "item": ii, "ordinal": it["ordinal"], "marker": it["marker"],
                                        "title": it["title"], "key": it["key"], **_span(it["span"], "span"),
                                        "text": it.get("text")})
    for i, f in enumerate(rec["formulations"]):
        out["formulations"].append({**doc, "index": i, "text": f["text"], "numbers": list(f["numbers"]),
                                    **_span(f["span"], "span"), "expansion": f["expansion"]})
    return out


def arrow_schema(table: str):
    """The pyarrow schema of ``table`` (needs the ``frames`` extra)."""
    import pyarrow as pa

    def typ(name: str):
        if name.startswith("list<"):
            return pa.list_(getattr(pa, name[5:-1])())
        return getattr(pa, name)()

    return pa.schema([(c, typ(t)) for c, t in _SPEC[table]])


def arrow_table(table: str, rows: list[dict]):
    """A typed pyarrow Table of ``rows`` (missing columns are null)."""
    import pyarrow as pa

    schema = arrow_schema(table)
    cols = {c: [r.get(c) for r in rows] for c in schema.names}
    return pa.Table.from_pydict(cols, schema=schema)


def frames(records: Iterable[Mapping]) -> dict:
    """pandas DataFrames of the four tables for ``records`` (typed as in Parquet)."""
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    for rec in records:
        for t, rs in table_rows(rec).items():
            rows[t].extend(rs)
    return {t: to_pandas(arrow_table(t, rs)) for t, rs in rows.items()}


def to_pandas(table):
    """A pyarrow Table as a DataFrame with nullable integers (a missing year stays an integer column)."""
    import pandas as pd
    import pyarrow as pa

    ints = {pa.int32(): pd.Int32Dtype(), pa.int64(): pd.Int64Dtype()}
    return table.to_pandas(types_mapper=ints.get)


def csv_value(v: Any) -> Any:
    """A cell as CSV writes it: lists as JSON, None as empty."""
    if isinstance(v, list):
        return json.dumps(v)
    return "" if v is None else v
