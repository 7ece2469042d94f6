"""Canonical measures: which indicator names are one measure, and what its figure is.

Work reports name one measure many ways: 国内生产总值, 国民生产总值 (before
1994), 生产总值, 地区生产总值 (provinces), 经济增长, GDP.  The shipped table
``policytext/data/measures.tsv`` gives each measure a canonical name, the
quantity that is compared (a growth rate, a fall, a rate, an amount) and its
direction (a floor to reach or a ceiling to stay under); users extend it with
their own file of the same format or a mapping.

>>> table = measure_table()
>>> table.match("全省地区生产总值").name, table.match("國內生產總值").name
('gdp_growth', 'gdp_growth')
>>> table.match("单位国内生产总值能耗").name, table.match("居民消费价格涨幅").direction
('energy_intensity', 'ceiling')
>>> table.match("服务业增加值占国内生产总值比重") is None
True
>>> mine = measure_table({"粮食产量": ("grain_output", "amount", "floor"), "经济增速目标": "gdp_growth"})
>>> mine.match("粮食产量").quantity, mine.match("经济增速目标").name
('amount', 'gdp_growth')
"""
from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, replace
from typing import Mapping, Optional, Union

from ._data import data_groups, data_rows
from .convert import Converter
from .extract.records import Indicator

__all__ = ["Measure", "MeasureTable", "Figure", "measure_table", "figure_of"]

QUANTITIES = ("growth", "fall", "rate", "amount")
DIRECTIONS = ("floor", "ceiling")
MAX_TAIL = 4  # characters a name may run on after the measure's name (赤字率拟按, 国民生产总值计划)

# {synonym: canonical} for a measure already in the table, or {synonym: (canonical, quantity, direction)}
Extension = Union[str, "os.PathLike[str]", Mapping[str, Union[str, tuple[str, str, str]]], None]


@dataclass(frozen=True)
class Measure:
    """One canonical measure: ``gdp_growth`` is a ``growth`` rate, a ``floor`` to reach."""

    name: str
    quantity: str
    direction: str
    names: tuple[str, ...]

    def __post_init__(self) -> None:
        if self.quantity not in QUANTITIES:
            raise ValueError(f"measure {self.name}: quantity {self.quantity!r} is not one of {', '.join(QUANTITIES)}")
        if self.direction not in DIRECTIONS:
            raise ValueError(f"measure {self.name}: direction {self.direction!r} is not one of {', '.join(DIRECTIONS)}")


@dataclass(frozen=True)
class Figure:
    """The compared figure of an indicator: ``增长6%－6.5%`` → value 6.0, high 6.5, qualifier ``range``."""

    value: float
    high: Optional[float]
    qualifier: Optional[str]
    unit: Optional[str]


def _fold(name: str) -> str:
    """A name as the table spells it: Simplified, width-folded, no spaces, Latin in capitals."""
    name = unicodedata.normalize("NFKC", name)
    name = Converter.get("t2s").convert(name)
    return "".join(name.split()).upper()


@dataclass(frozen=True)
class MeasureTable:
    """Measures by name, with the rules that fold a written name onto one (see ``measure_rules.tsv``)."""

    measures: tuple[Measure, ...]
    prefixes: tuple[str, ...] = ()
    stops: tuple[str, ...] = ()

    def by_name(self, canonical: str) -> Optional[Measure]:
        return next((m for m in self.measures if m.name == canonical), None)

    def match(self, name: str) -> Optional[Measure]:
        """The measure a written name stands for, or None (longest name of the table first)."""
        folded = _fold(name)
        for p in self.prefixes:
            if folded.startswith(p) and len(folded) > len(p):
                folded = folded[len(p):]
                break
        best: Optional[tuple[int, Measure]] = None
        for m in self.measures:
            for n in m.names:
                if folded.startswith(n) and (best is None or len(n) > best[0]):
                    best = (len(n), m)
        if best is None:
            return None
        tail = folded[best[0]:]
        if len(tail) > MAX_TAIL or any(s in tail for s in self.stops):
            return None
        return best[1]

    def extend(self, extra: Extension) -> "MeasureTable":
        """This table with a user's measures and names added (a file of measures.tsv's format, or a mapping)."""
        if extra is None:
            return self
        if not isinstance(extra, Mapping):
            with open(extra, encoding="utf-8") as f:
                return self._with(_parse(f.read().splitlines()))
        added: list[Measure] = []
        for synonym, target in extra.items():
            if isinstance(target, str):
                known = self.by_name(target) or next((m for m in added if m.name == target), None)
                if known is None:
                    raise ValueError(f"{synonym!r} names measure {target!r}, which is not in the table: "
                                     "give (measure, quantity, direction) for a new one")
                added.append(replace(known, names=(_fold(synonym),)))
            else:
                canonical, quantity, direction = target
                added.append(Measure(canonical, quantity, direction, (_fold(synonym),)))
        return self._with(added)

    def _with(self, added: list[Measure]) -> "MeasureTable":
        merged = {m.name: m for m in self.measures}
        for m in added:
            old = merged.get(m.name)
            if old is not None and (old.quantity, old.direction) != (m.quantity, m.direction):
                raise ValueError(f"measure {m.name} is a {old.quantity} {old.direction} already, "
                                 f"not a {m.quantity} {m.direction}")
            names = (old.names if old else ()) + tuple(n for n in m.names if not old or n not in old.names)
            merged[m.name] = Measure(m.name, m.quantity, m.direction, names)
        return replace(self, measures=tuple(merged.values()))


def _parse(lines: list[str]) -> list[Measure]:
    rows = [ln.split("#", 1)[0].rstrip().split("\t") for ln in lines]
    out = []
    for row in rows:
        if row == [""]:
            continue
        if len(row) != 4:
            raise ValueError(f"a measure line has four tab-separated columns "
                             f"(measure, quantity, direction, names): {row}")
        out.append(Measure(row[0], row[1], row[2], tuple(_fold(n) for n in row[3].split())))
    return out


def measure_table(extra: Extension = None) -> MeasureTable:
    """The shipped measures (``policytext/data/measures.tsv``), extended with ``extra`` when given.

    ``extra`` is a file of the same four columns, or a mapping from a name to
    a measure already in the table (``{"经济增速目标": "gdp_growth"}``) or to
    ``(measure, quantity, direction)`` for a new one.
    """
    rules = data_groups("measure_rules.tsv")
    shipped = _parse(["\t".join(r) for r in data_rows("measures.tsv")])
    table = MeasureTable(tuple(shipped), tuple(_fold(p) for p in rules.get("prefix", ())),
                         tuple(_fold(s) for s in rules.get("stop", ())))
    return table.extend(extra)


def figure_of(ind: Indicator, measure: Measure) -> Optional[Figure]:
    """The figure of ``ind`` that ``measure`` compares, as written (8 for 8%), or None.

    >>> from policytext import extract
    >>> gdp = measure_table().by_name("gdp_growth")
    >>> ind = extract("国内生产总值增长6%－6.5%").indicators[0]
    >>> figure_of(ind, gdp)
    Figure(value=6.0, high=6.5, qualifier='range', unit='%')
    """
    c = ind.change
    if measure.quantity in ("growth", "fall"):
        if c is not None and c.unit == "%":
            sign = 1 if (c.direction == "up") == (measure.quantity == "growth") else -1
            lo, hi = c.value * sign, (c.value_high * sign if c.value_high is not None else None)
            if hi is not None and hi < lo:
                lo, hi = hi, lo
            return Figure(lo, hi, "range" if hi is not None else c.qualifier, "%")
        if c is None and ind.unit == "%" and ind.value is not None:  # the name is a rate: 经济增长速度8%
            return Figure(ind.value, ind.value_high, ind.qualifier, "%")
        return None
    if ind.value is None or (ind.unit == "%") != (measure.quantity == "rate"):
        return None
    return Figure(ind.value, ind.value_high, ind.qualifier, ind.unit)
