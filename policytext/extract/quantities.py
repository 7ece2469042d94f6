"""Quantities: a number with its multiplier, unit and qualifier, and what is not an indicator.

Runs on one sentence of the Simplified, half-width view.  The units and their
kinds (durations, list counts, classifiers) are in ``policytext/data/units.tsv``.

>>> [(q.value, q.value_high, q.unit, q.qualifier) for q in quantities("粮食产量1.3万亿斤，增长百分之八至九")]
[(1300000000000.0, None, '斤', None), (8.0, 9.0, '%', 'range')]

Years, ordinals, list counts, PM2.5 and 5G are not quantities of a measure:

>>> [q.value for q in quantities("2024年第3次全会提出五个理念，PM2.5浓度下降到30微克")]
[]
>>> [(q.value, q.unit) for q in quantities("两成以上的村，三分之一的乡，翻两番")]
[(20.0, '%'), (33.333, '%'), (300.0, '%')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .._data import data_rows
from .numbers import ARABIC, CN_NUM, value_of

__all__ = ["Quantity", "quantities", "canon_unit", "GATE", "CLASSIFIERS", "UNITS"]


def _load_units():
    units, tags = [], {}
    for row in data_rows("units.tsv"):
        units.append(row[0])
        tags[row[0]] = row[1].split() if len(row) > 1 else []
    return units, tags


UNITS, _UNIT_TAGS = _load_units()


def _with_tag(tag: str) -> frozenset:
    return frozenset(u for u, t in _UNIT_TAGS.items() if tag in t)


def _unit_alt(unit: str) -> str:
    guard = [t[len("not_before:"):] for t in _UNIT_TAGS[unit] if t.startswith("not_before:")]
    return re.escape(unit) + (f"(?![{guard[0]}])" if guard else "")


_UNIT_RE = "|".join(_unit_alt(u) for u in UNITS)
_NOT_INDICATOR_UNITS = _with_tag("time")
_COUNT_UNITS = _with_tag("count")
_ARTICLE_UNITS = _with_tag("article")
CLASSIFIERS = _with_tag("classifier")
_UNIT_CANON = {u: t[1:] for u, ts in _UNIT_TAGS.items() for t in ts if t.startswith("=")}

# 兆 is 10^12 in Taiwan's usage (新臺幣1兆元), but 兆瓦 is a megawatt
MULT = "万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千|兆(?!瓦|赫|字节|帕)"
_SEP = "[-－—–~～至到]|——"

# Chinese numerals are everywhere (一些, 统一): a position is tried only when a
# percent, an Arabic digit, or a Chinese numeral with a multiplier or unit starts there.
_QUANT_GATE_BODY = rf"百分之|千分之|\d|{CN_NUM}(?:多|余)?(?:{MULT})?(?:%|‰|{_UNIT_RE})"
QUANT = re.compile(
    rf"(?={_QUANT_GATE_BODY})(?P<pct_pre>百分之|千分之)?(?P<num>{ARABIC}|{CN_NUM})"
    rf"(?P<approx1>多|余)?(?P<mult>{MULT})?(?P<pct1>%|‰)?"
    rf"(?:(?P<sep>{_SEP})(?P<pct_pre2>百分之)?(?P<num2>{ARABIC}|{CN_NUM})(?P<mult2>{MULT})?)?"
    rf"(?P<approx2>多|余)?(?P<unit>%|‰|{_UNIT_RE})?"
)
# whether a text may hold a quantity at all (a cheap test before the full pass)
GATE = re.compile(rf"\d|分之|[一二两三四五六七八九]成|翻.?[一两二三四]番|{_QUANT_GATE_BODY}")
_FRACTION = re.compile(r"(?<![百千])(?P<den>[一二两三四五六七八九十]+|\d+)分之(?P<num>[一二两三四五六七八九十]+|\d+)")
_CHENG = re.compile(r"(?P<num>[一二两三四五六七八九])成(?=[多左以上，。；、的]|$)")
_FAN = re.compile(r"翻(?:了)?(?P<n>一|两|二|三|四|\d)番")
_AFTER_QUALIFIERS = ("左右", "以上", "以下", "以内", "之内", "上下")


@dataclass(frozen=True)
class Quantity:
    """A number in a sentence: ``start``/``end`` cover number, unit and qualifier.

    ``raw_unit`` is the unit as matched, or how a special form was written
    (``分之``, ``成``, ``番``); ``unit`` is the one the record carries.
    """

    start: int
    end: int
    value: Optional[float]
    value_high: Optional[float]
    unit: Optional[str]
    qualifier: Optional[str]
    chinese: bool
    raw_unit: Optional[str]


def qualifier(before: str, after: str, approx_inner: bool) -> Optional[str]:
    """The qualifier told by the words around a number: min, max, approx or None.

    >>> qualifier("不低于", "", False), qualifier("控制在", "以内", False), qualifier("", "左右", False)
    ('min', 'max', 'approx')
    >>> qualifier("控制在", "", False) is None  # 控制在3% alone is a level, not a ceiling
    True
    """
    if re.search(r"(?:不超过|不高于|不多于|不到)$", before):
        return "max"
    if re.search(r"(?:不低于|不少于)$", before):
        return "min"
    if re.search(r"(?:不低于|不少于|超过|超|多于|高于|突破|以上)$", before) or after.startswith(("以上", "多人")):
        return "min"
    if re.search(r"(?:不超过|不高于|低于|少于|控制在|以内|以下)$", before) and after.startswith(("以内", "以下", "之内")):
        return "max"
    if after.startswith(("以内", "以下", "之内")):
        return "max"
    if re.search(r"(?:不超过|不高于|低于|少于|不到)$", before):
        return "max"
    if approx_inner or after.startswith(("左右", "上下")) or re.search(r"(?:约|近|大约|接近|将近)$", before):
        return "approx"
    return None


def _num(num: Optional[str], mult: Optional[str]) -> Optional[float]:
    """A numeral with the multiplier written after it (after 多/余, too).

    A Chinese numeral takes the multiplier into its own reading, so that
    四亿零七百多万 is 4亿 + 700万, not (4亿 + 700) × 1万.

    >>> _num("四亿零七百", "万"), _num("6600", "万")
    (407000000.0, 66000000.0)
    """
    if not num:
        return None
    if mult and not num[0].isdigit() and mult in ("万", "亿", "万亿", "千", "百"):
        v = value_of(num + mult)
        if v is not None:
            return v
    return value_of(num, mult or "")


def _unit_of(m: re.Match) -> Optional[str]:
    unit = m.group("unit")
    pct = m.group("pct_pre") or m.group("pct1")
    if m.group("pct_pre") == "千分之":
        return "‰"
    if m.group("pct1") == "‰" or unit == "‰":
        return "‰"
    if pct or m.group("pct_pre2"):
        unit = unit or "%"
        if unit not in ("%", "‰", "个百分点", "百分点"):
            unit = "%"
    return unit


def _plain_quantities(text: str) -> list[Quantity]:
    """Numbers with multiplier and unit; ranges (3000-4000亩, 6.5%－7%).

    >>> [(q.value, q.value_high) for q in _plain_quantities("从36%提高到59%，3000-4000亩")]
    [(36.0, None), (59.0, None), (3000.0, 4000.0)]
    >>> _plain_quantities("一些统一的千万")  # Chinese numerals count only with a unit
    []
    """
    out: list[Quantity] = []
    for m in QUANT.finditer(text):
        num = m.group("num")
        chinese = not num[0].isdigit()
        s, e = m.span()
        unit = _unit_of(m)
        pct = m.group("pct_pre") or m.group("pct1")
        mult = m.group("mult")
        if chinese:
            if not (unit or mult or m.group("pct_pre")):
                continue  # 一些, 统一, 千万 (must): Chinese numerals count only with a unit
            if len(num) == 1 and num in "一两" and not mult and (unit is None or unit in _ARTICLE_UNITS):
                continue  # 一个, 两项: articles and list counts
        value = _num(num, mult)
        if value is None:
            continue
        if chinese and not mult and not pct and unit not in ("个百分点", "百分点", "倍", "%", "‰"):
            # 一亩三分地, 二元结构, 一座, 千名干部: small or bare Chinese numerals are words
            if value < 10 or all(c in "百千万亿" for c in num):
                continue  # also 亿万人民, 千万 (must), 千亿斤 as a name
        num2 = m.group("num2")
        value_high = None
        if num2:
            v2 = _num(num2, m.group("mult2") or mult)
            if m.group("sep") in ("到", "至") and not (m.group("pct1") or unit or m.group("mult2")):
                v2 = None  # 从36到59: a from-to pair, not a range
            if v2 is not None and v2 > value:
                if not m.group("mult") and m.group("mult2"):
                    value = _num(num, m.group("mult2"))
                value_high = v2
            else:
                e = m.start("sep")
        approx = bool(m.group("approx1") or m.group("approx2"))
        after = text[e:e + 3]
        q = qualifier(text[max(0, s - 4):s], after, approx)
        if after.startswith(_AFTER_QUALIFIERS):
            e += 2
        if value_high is not None and q is None:
            q = "range"
        out.append(Quantity(s, e, value, value_high, unit, q, chinese, unit))
    return out


def _special_quantities(text: str) -> list[Quantity]:
    """Fractions (三分之一), tenths (两成) and doublings (翻一番) as percentages.

    >>> [(q.value, q.qualifier) for q in _special_quantities("两成多，四分之三，翻一番")]
    [(75.0, None), (20.0, 'approx'), (100.0, None)]
    """
    out = []
    for m in _FRACTION.finditer(text):
        den, num = value_of(m.group("den")), value_of(m.group("num"))
        if den and num is not None and num <= den:
            out.append(Quantity(m.start(), m.end(), round(num / den * 100, 3), None, "%", None, True, "分之"))
    for m in _CHENG.finditer(text):
        n = value_of(m.group("num"))
        if n:
            e = m.end()
            q = qualifier(text[max(0, m.start() - 4):m.start()], text[e:e + 3], text[e:e + 1] in "多余")
            e += 1 if text[e:e + 1] in "多余" else 0
            e += 2 if text[e:e + 2] in ("左右", "以上", "以下", "以内", "上下") else 0
            out.append(Quantity(m.start(), e, n * 10, None, "%", q, True, "成"))
    for m in _FAN.finditer(text):
        n = value_of(m.group("n"))
        if n:
            out.append(Quantity(m.start(), m.end(), (2 ** n - 1) * 100.0, None, "%", None, True, "番"))
    return out


def _skip(text: str, q: Quantity, residue) -> bool:
    """Not the quantity of a measure: ordinals, PM2.5, 5G, durations, list counts, residue.

    >>> [_skip(t, _plain_quantities(t)[0], ()) for t in ("第3个", "5G网络", "十五个方面", "3个月", "100个项目")]
    [True, True, True, True, False]
    """
    if q.raw_unit in ("分之", "成", "番"):
        return bool(residue) and any(a <= q.start < b for a, b in residue)
    s, e = q.start, q.end
    prev = text[s - 1] if s else ""
    nxt = text[e] if e < len(text) else ""
    if residue and any(a <= s < b for a, b in residue):
        return True
    if prev == "第" or (prev.isascii() and prev.isalpha()) or (prev and prev in ".-/:") or (nxt.isascii() and nxt.isalpha() and not q.unit):
        return True  # ordinals, PM2.5, M2, 5G, 12:30
    if prev and prev in "“\"「『" and not q.unit:
        return True
    unit = q.raw_unit
    if unit in _NOT_INDICATOR_UNITS:
        return True
    if unit is None and q.value is not None and not q.chinese:
        # a bare number: only with a multiplier (人口4.3万)
        m = re.match(rf"{ARABIC}", text[s:e])
        return not m or m.end() == e - s and not re.search(MULT, text[s:e])
    if unit in _COUNT_UNITS and q.chinese:
        return True  # 五个理念, 四个方面, 三大工程
    if unit in ("个", "大") and re.search(r"(?:以下|如下|下面|这|这些|那|其中|主要有|包括|做到|实现|抓好|把握好|强化|突出)$", text[max(0, s - 4):s]):
        return True
    return False


def quantities(sent: str, residue=()) -> list[Quantity]:
    """The quantities of measures in a sentence, in order (residue spans are sentence-relative)."""
    qs = _plain_quantities(sent)
    specials = _special_quantities(sent)
    if specials:
        qs = sorted([q for q in qs if not any(sp.start <= q.start < sp.end for sp in specials)] + specials,
                    key=lambda q: q.start)
    return [q for q in qs if not _skip(sent, q, residue)]


def canon_unit(unit: Optional[str]) -> Optional[str]:
    """The unit as records write it: 百分点 → pp, 平方千米 → 平方公里.

    >>> canon_unit("个百分点"), canon_unit("千克"), canon_unit("亩")
    ('pp', '公斤', '亩')
    """
    if unit is None:
        return None
    return _UNIT_CANON.get(unit, unit)
