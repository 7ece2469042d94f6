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
from typing import NamedTuple, Optional

from .._data import data_rows
from .._rx import finder
from .numbers import ARABIC, NUMBER_AT, NUMBER_SRC, RUN_CHARS, RUN_START, qualifier_of, read_match, read_or_retry, value_of

__all__ = ["Quantity", "quantities", "canon_unit", "local_currency", "GATE", "CLASSIFIERS", "UNITS", "SERIES_GAP"]


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


def _run_opening(least: int, most: int) -> str:
    """``RUN_START`` then ``least`` to ``most`` run characters, the start checked after the
    first character by lookbehinds over two: a lookbehind opening an alternative is tried at
    every character of every sentence (the gate and ``QUANT`` run twice as fast this way).

    >>> [bool(re.compile(_run_opening(1, 24) + "亿").match(t, 1)) for t in ("约三亿", "十三亿", "点三亿")]
    [True, False, False]
    """
    m = re.fullmatch(r"\(\?<!\[(?P<before>[^\]]+)\]\)\(\?!\(\?<=(?P<p>[^()])\)\[(?P<next>[^\]]+)\]\)", RUN_START)
    if m is None:  # RUN_START of another form: as it stands
        return rf"{RUN_START}[{RUN_CHARS}]{{{least},{most}}}"
    return (rf"[{RUN_CHARS}](?<![{m['before']}].)(?<!{m['p']}[{m['next']}])"
            rf"[{RUN_CHARS}]{{{least - 1},{most - 1}}}")


# Chinese numerals are everywhere (一些, 统一): a position is tried only when a
# percent, a sign, an Arabic digit, or a Chinese numeral with a multiplier or unit starts there.
# The numeral itself is numbers.NUMBER_SRC, the grammar parse_number reads.
_QUANT_GATE_BODY = (rf"百分之|千分之|负|[-−]?\d|{_run_opening(1, 2)}\d|{_run_opening(1, 24)}(?:多|余)?(?:(?:—|--|[-—–~至到])[{RUN_CHARS}]{{1,24}})?"
                    rf"(?:多|余)?(?: ?(?:{MULT}))?(?:%|‰|个亿(?!元)|{_UNIT_RE})")
QUANT = re.compile(rf"(?={_QUANT_GATE_BODY}){NUMBER_SRC}")
_UNIT_AFTER = re.compile(rf"(?P<approx>多|余)?(?P<unit>%|‰|{_UNIT_RE})?")
# after a figure spaced out (1 8 7 个, 7 426 名) a space may stand before the unit, too
_UNIT_AFTER_SPACED = re.compile(rf"(?P<approx>多|余)?(?: ?(?P<unit>%|‰|{_UNIT_RE}))?")
# whether a text may hold a quantity at all (a cheap test before the full pass), searched from
# the characters a quantity may start with (three times faster than the bare alternatives)
_GATE_SRC = rf"\d|分之|[一二两三四五六七八九]成|翻.?[一两二三四]番|{_QUANT_GATE_BODY}"
GATE = finder(_GATE_SRC)
# bounded, and tried only where a numeral starts: linear on a run of any length
_FRACTION = re.compile(r"(?<![百千一二两三四五六七八九十\d])(?P<den>[一二两三四五六七八九十]{1,8}|\d{1,8})分之"
                       r"(?P<num>[一二两三四五六七八九十]{1,8}|\d{1,8})")
# 两成, 七成为公营房屋, 全港七成家庭: tenths; not 统一成为, 一成不变, 三成员 (a word around the digit or after 成)
# (the pattern opens with the digit, so that the engine skips ahead to one; the word before is checked after 成)
_CHENG = re.compile(r"(?P<num>[一二两三四五六七八九])成(?:(?=[多左以上，。；、的]|$)"
                    r"|(?<![第统唯之万划专合同单逐均初再乱十百千零〇一二两三四五六七八九]..)"
                    r"(?![不员果就绩效本立熟功长型交品都]))")
_FAN = re.compile(r"翻(?:了)?(?P<n>一|两|二|三|四|\d)番")
_AFTER_QUALIFIERS = ("左右", "以上", "以下", "以内", "之内", "上下")
_ARABIC_RE = re.compile(ARABIC)
_MULT_RE = re.compile(MULT)
# 以下五个方面, 这三大工程: the count announces a list
_LIST_LEADS = ("以下", "如下", "下面", "这", "这些", "那", "其中", "主要有", "包括", "做到", "实现", "抓好", "把握好", "强化", "突出")


_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*[-—–~至到]\s*(?:19|20)?\d\d")
_HAN = re.compile(r"[\u3400-\u9fff]")
_AGE_BEFORE = re.compile(r"(?:满|年届|年龄)$")


class Quantity(NamedTuple):
    """A number in a sentence: ``start``/``end`` cover number, unit and qualifier.

    ``raw_unit`` is the unit as matched, or how a special form was written
    (``分之``, ``成``, ``番``); ``unit`` is the one the record carries.  A named
    tuple, not a record: made for every figure of every sentence, and a frozen
    dataclass costs four times as much to make.
    """

    start: int
    end: int
    value: Optional[float]
    value_high: Optional[float]
    unit: Optional[str]
    qualifier: Optional[str]
    chinese: bool
    raw_unit: Optional[str]


qualifier = qualifier_of  # one reading of 左右, 以上, 不超过 for parse_number and the extractor


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


def _plain_quantities(text: str) -> list[Quantity]:
    """Numbers with multiplier and unit; ranges (3000-4000亩, 6.5%－7%).

    >>> [(q.value, q.value_high) for q in _plain_quantities("从36%提高到59%，3000-4000亩")]
    [(36.0, None), (59.0, None), (3000.0, 4000.0)]
    >>> _plain_quantities("一些统一的千万")  # Chinese numerals count only with a unit
    []
    >>> [(q.value, q.value_high, q.unit) for q in _plain_quantities("一千到两千万元，增长-0.5%，7 426个")]
    [(10000000.0, 20000000.0, '元'), (-0.5, None, '%'), (7426.0, None, '个')]
    """
    out: list[Quantity] = []
    for m in QUANT.finditer(text):
        n, m = read_or_retry(text, m)
        if n is None:
            continue
        s, e = n.span
        um = (_UNIT_AFTER_SPACED if " " in n.text else _UNIT_AFTER).match(text, e)
        unit = um.group("unit")
        if n.qualifier == "range" and m.group("sep").strip() in ("到", "至") and not (n.unit or unit or n.multiplier):
            # 从36到59: a from-to pair, not a range (70至110萬人口, with its multiplier, is one)
            m1 = NUMBER_AT.match(text, m.start(), m.start("sep"))
            n = read_match(text, m1) if m1 else None
            if n is None:
                continue
            s, e = n.span
            um = _UNIT_AFTER.match(text, e)
            unit = um.group("unit")
        if unit is not None or um.group("approx"):
            e = um.end()
        if n.unit:
            unit = "‰" if n.unit == "‰" or unit == "‰" else unit if unit in ("%", "个百分点", "百分点") else "%"
        run = m.group("run")
        chinese = not run[0].isdigit()
        mult = n.multiplier is not None or bool(m.group("mult"))
        if chinese:
            if not (unit or mult or m.group("pre")):
                continue  # 一些, 统一, 千万 (must): Chinese numerals count only with a unit
            if len(run) == 1 and run in "一两" and not mult and (unit is None or unit in _ARTICLE_UNITS):
                continue  # 一个, 两项: articles and list counts
            if not mult and not n.unit and unit not in ("个百分点", "百分点", "倍", "%", "‰") and abs(n.value) < 10:
                continue  # 一亩三分地, 二元结构, 一座: small Chinese numerals are words
        approx = n.qualifier == "approx" or bool(um.group("approx"))
        after = text[e:e + 3]
        q = qualifier(text[max(0, s - 6):s], after, approx)
        if after.startswith(_AFTER_QUALIFIERS):
            e += 2
        elif after.startswith("或") and after[1:].startswith(_AFTER_QUALIFIERS):
            e += 3  # 400元或以下
        if n.value_high is not None and q is None:
            q = "range"
        out.append(Quantity(s, e, n.value, n.value_high, unit, q, chinese, unit))
    return out


def _special_quantities(text: str) -> list[Quantity]:
    """Fractions (三分之一), tenths (两成) and doublings (翻一番) as percentages.

    >>> [(q.value, q.qualifier) for q in _special_quantities("两成多，四分之三，翻一番")]
    [(75.0, None), (20.0, 'approx'), (100.0, None)]
    >>> [q.value for q in _special_quantities("其中七成为公营房屋，统一成为不统一，一成不变")]
    [70.0]
    """
    out: list[Quantity] = []
    if "分之" in text:  # each pattern opens with a class the engine cannot skip ahead by: test its word first
        out += _fractions(text)
    if "成" in text:
        out += _tenths(text)
    if "番" in text:
        out += _doublings(text)
    return out


def _fractions(text: str) -> list[Quantity]:
    """三分之一 as 33.333%, with the qualifier around it (压减三分之一以上: min; 三分之二左右: approx).

    >>> [(q.value, q.qualifier, q.end) for q in _fractions("压减三分之一以上，三分之二左右")]
    [(33.333, 'min', 8), (66.667, 'approx', 15)]
    """
    out = []
    for m in _FRACTION.finditer(text):
        den, num = value_of(m.group("den")), value_of(m.group("num"))
        if den and num is not None and num <= den:
            e = m.end()
            q = qualifier(text[max(0, m.start() - 6):m.start()], text[e:e + 3])
            e += 2 if text[e:e + 2] in _AFTER_QUALIFIERS else 0
            out.append(Quantity(m.start(), e, round(num / den * 100, 3), None, "%", q, True, "分之"))
    return out


def _tenths(text: str) -> list[Quantity]:
    out = []
    for m in _CHENG.finditer(text):
        n = value_of(m.group("num"))
        if n:
            e = m.end()
            q = qualifier(text[max(0, m.start() - 6):m.start()], text[e:e + 3], text[e:e + 1] in "多余")
            e += 1 if text[e:e + 1] in "多余" else 0
            e += 2 if text[e:e + 2] in ("左右", "以上", "以下", "以内", "上下") else 0
            out.append(Quantity(m.start(), e, n * 10, None, "%", q, True, "成"))
    return out


def _doublings(text: str) -> list[Quantity]:
    out = []
    for m in _FAN.finditer(text):
        n = value_of(m.group("n"))
        if n:
            out.append(Quantity(m.start(), m.end(), (2 ** n - 1) * 100.0, None, "%", None, True, "番"))
    return out


def _skip(text: str, q: Quantity, residue) -> bool:
    """Not the quantity of a measure: ordinals, PM2.5, 5G, durations, list counts, residue.

    >>> [_skip(t, _plain_quantities(t)[0], ()) for t in ("第3个", "十五个方面", "3个月", "100个项目")]
    [True, True, True, False]
    >>> [_skip(t, _plain_quantities(t)[0], ()) for t in ("60岁以上老年人", "年满60岁", "人均预期寿命达到78.5岁")]
    [True, True, False]
    >>> _plain_quantities("5G网络")  # letters glued to digits: a code, no numeral at all
    []
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
    if unit is None and q.value_high is not None and _YEAR_RANGE.fullmatch(text, s, e):
        return True  # 香港資源循環藍圖2013-2022: years, not a range of a measure
    if unit is None and q.value is not None and not q.chinese:
        # a bare number: only with a multiplier (人口4.3万)
        m = _ARABIC_RE.match(text, s, e)
        return not m or m.end() == e and not _MULT_RE.search(text, s, e)
    if unit == "岁" and (_HAN.match(nxt) or _AGE_BEFORE.search(text, 0, s)):
        return True  # 60岁以上老年人, 年满60岁: an age that marks a group (寿命达到78.5岁 is a measure)
    if unit in _COUNT_UNITS and q.chinese:
        return True  # 五个理念, 四个方面, 三大工程
    if unit in ("个", "大") and text[max(0, s - 4):s].endswith(_LIST_LEADS):
        return True
    return False


# what stands between two members of a series of figures: 3.2%、4.5%, 2.2个和3.7个百分点
SERIES_GAP = re.compile(r"\s*[、和及与]\s*")


def _share_units(sent: str, qs: list[Quantity]) -> list[Quantity]:
    """A bare number in a series takes the unit written once after its last member.

    >>> [(q.value, q.unit) for q in _share_units("分别提高11.1、11.2个百分点", _plain_quantities("分别提高11.1、11.2个百分点"))]
    [(11.1, '个百分点'), (11.2, '个百分点')]
    >>> [(q.value, q.unit) for q in _share_units("3、4亿元", _plain_quantities("3、4亿元"))]  # a multiplier is not shared
    [(3.0, None), (400000000.0, '元')]
    >>> [(q.value, q.unit) for q in _share_units("2.2个和3.7个百分点", _plain_quantities("2.2个和3.7个百分点"))]
    [(2.2, '个百分点'), (3.7, '个百分点')]
    """
    for i in range(len(qs) - 2, -1, -1):
        q, nxt = qs[i], qs[i + 1]
        if (q.raw_unit == "个" and nxt.raw_unit == "个百分点" and sent.endswith("个", 0, q.end)
                and SERIES_GAP.fullmatch(sent, q.end, nxt.start)):
            qs[i] = q._replace(unit=nxt.unit, raw_unit=nxt.raw_unit)  # 分别高于全省2.2个和3.7个百分点
        elif (q.unit is None and q.value_high is None and not q.chinese and nxt.unit is not None
                and nxt.raw_unit not in ("分之", "成", "番") and SERIES_GAP.fullmatch(sent, q.end, nxt.start)
                and _ARABIC_RE.fullmatch(sent, q.start, q.end) and not _MULT_RE.search(sent, nxt.start, nxt.end)):
            shared = nxt.qualifier if nxt.qualifier != "range" else None
            qs[i] = q._replace(unit=nxt.unit, raw_unit=nxt.raw_unit, qualifier=q.qualifier or shared)
    return qs


def quantities(sent: str, residue=()) -> list[Quantity]:
    """The quantities of measures in a sentence, in order (residue spans are sentence-relative)."""
    qs = _plain_quantities(sent)
    if len(qs) > 1:
        qs = _share_units(sent, qs)
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


# words only a Hong Kong address uses of itself (a national report names 立法会 once at most)
_HONG_KONG = re.compile("本港|立法会|施政报告")


def local_currency(text: str) -> Optional[str]:
    """The currency a bare 元 stands for in this (Simplified view of a) text: ``港元`` in
    a Hong Kong address (本港, 立法会, 施政报告 three times or more), else None.

    >>> local_currency("我今天在立法会发表施政报告。本港经济按年实质增长4%，预留了500亿元")
    '港元'
    >>> local_currency("国内生产总值增长5%左右，支持香港更好融入国家发展大局") is None
    True
    """
    found = 0
    for _ in _HONG_KONG.finditer(text):
        found += 1
        if found >= 3:
            return "港元"
    return None
