"""One numeral run to its value: the arithmetic under ``numbers``' grammar.

A run is what ``numbers.RUN_SRC`` matches (folded to Simplified, half-width):
Arabic figures with their separators, Chinese numerals with units (万万 is 亿),
digit-by-digit years, approximate pairs.  ``run_value`` gives (value, high end
of a pair) as Decimals, or None for what is no number of these documents.

>>> run_value("七十二万一千零十二"), run_value("六万万"), run_value("十七八万")
((Decimal('721012'), None), (Decimal('600000000'), None), (Decimal('170000'), Decimal('180000')))
>>> run_value("16  700"), run_value("千万"), run_value("一二三")
((Decimal('16700'), None), None, (Decimal('123'), None))
"""
from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation
from typing import Optional

__all__ = ["run_value", "CN_DIGITS", "CN_DIGIT_CLASS", "ZEROS", "SMALL", "BIG", "MAX_RUN", "MAX_DIGITS"]

CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "幺": 1, "二": 2, "两": 2, "贰": 2,
             "三": 3, "叁": 3, "参": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6,
             "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
_ZEROS = "零〇○"
_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_TENS = {"廿": 20, "卅": 30}  # 廿二 = 22
_BIG = {"万": 10 ** 4, "亿": 10 ** 8, "兆": 10 ** 12}
CN_DIGIT_CLASS = "零〇○一二两三四五六七八九壹贰叁肆伍柒捌玖幺"
MAX_RUN = 48  # longer runs are serial numbers, digit noise or attacks, not figures
MAX_DIGITS = 20  # nor is an integer part of more digits
ZEROS, SMALL, BIG = _ZEROS, _SMALL, _BIG


def _arabic(tok: str) -> Optional[Decimal]:
    """An Arabic figure with its separators: 8,500 / 27，203，319，000 / 7 426 / 1 9 9 7 / 1 0 .0 6 / 16  700 / 14, 400 / 2. 6."""
    if re.fullmatch(r"\d{1,3}(?:(?:  |, )\d{3})+|\d+\. \d+", tok):
        tok = tok.replace(" ", "")  # letter-spaced PDF text: a real space doubled, a space after a comma or point
    if " " in tok:
        groups = tok.split(" ")
        if all(re.fullmatch(r"\.?\d", g) for g in groups):
            tok = "".join(groups)  # digits spaced one by one
        elif re.fullmatch(r"\d{1,3}(?: \d{3})+(?:\.\d+)?", tok):
            tok = tok.replace(" ", "")
        else:
            return None
    if "," in tok or "，" in tok:
        if not re.fullmatch(r"\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?", tok):
            return None
        tok = tok.replace(",", "").replace("，", "")
    if tok.count(".") > 1 or tok.startswith(".") or tok.endswith(".") or len(tok.split(".")[0]) > MAX_DIGITS:
        return None
    try:
        return Decimal(tok)
    except InvalidOperation:
        return None


_TOKEN = re.compile(rf"(?P<a>[0-9][0-9,，. ]*)|(?P<c>[{CN_DIGIT_CLASS}参陆])|(?P<u>[十拾百佰千仟])|(?P<t>[廿卅])"
                    r"|(?P<b>[万亿兆])|(?P<p>点)")


def _tokens(run: str):
    """(kind, value, raw) for each token; None when a piece is malformed."""
    out = []
    for m in _TOKEN.finditer(run):
        k = m.lastgroup
        raw = m.group()
        if k == "a":
            raw = raw.rstrip(" ")
            v = _arabic(raw)
            if v is None:
                return None
            out.append(("a", v, raw))
        elif k == "c":
            out.append(("z" if raw in _ZEROS else "d", Decimal(CN_DIGITS[raw]), raw))
        elif k == "u":
            out.append(("u", _SMALL[raw], raw))
        elif k == "t":
            out.append(("t", _TENS[raw], raw))
        elif k == "b" and raw == "万" and out and out[-1][2] == "万":
            out[-1] = ("b", _BIG["亿"], "万万")  # 六万万人: 万万 is 亿, as the 1950s reports write it
        elif k == "b":
            out.append(("b", _BIG[raw], raw))
        else:
            out.append(("p", None, raw))
    return out


def _integer(toks) -> Optional[Decimal]:
    """Value of a numeral with units (一千零十, 4亿零700万, 三万五, 1亿2000万), or None."""
    parts: list[tuple[Decimal, int]] = []  # closed by 万/亿/兆: (value, scale)
    section = Decimal(0)
    cur: Optional[Decimal] = None
    cur_lone = False  # a single digit, read colloquially after a unit (三万五)
    after_zero = False
    last_small: Optional[int] = None
    prev_unit: Optional[int] = None  # the unit just before cur
    seen_any = False
    for i, (kind, v, raw) in enumerate(toks):
        if kind in ("d", "a"):
            if cur is not None:
                return None  # two figures in a row
            if kind == "a" and "." in raw and any(t[0] != "b" for t in toks[i + 1:]):
                return None  # a decimal is the last figure: 10.1万零100 is no number
            cur = v
            cur_lone = not after_zero and (kind == "d" or (len(raw) == 1))
            if kind == "a" and len(raw) > 1 and raw[0] == "0" and "." not in raw:
                cur_lone = False  # 1百01: the 0 stands for 零
            after_zero = False
            seen_any = True
        elif kind == "z":
            if cur is not None or not seen_any:
                return None
            after_zero = True
        elif kind == "t":
            if cur is not None or last_small is not None:
                return None
            section += v
            last_small, prev_unit, cur = 10, None, None
            seen_any = True
        elif kind == "u":
            if cur is None:
                if v != 10 and not seen_any:
                    return None  # 百姓, 千万 (must): no digit before 百/千
                cur = Decimal(1)
            if cur >= 10 or (last_small is not None and v >= last_small):
                return None
            section += cur * v
            last_small, prev_unit, cur = v, v, None
            after_zero = False
            seen_any = True
        elif kind == "b":
            s = section + (cur or 0)
            while parts and parts[-1][1] < v:
                s += parts.pop()[0]
            if s == 0 or (parts and parts[-1][1] <= v) or (parts and s * v >= parts[-1][1]):
                return None  # bare 万, 亿万, 一万一万, 1亿20000万
            parts.append((s * v, v))
            section, cur, last_small, prev_unit = Decimal(0), None, None, v
            after_zero = False
            seen_any = True
        else:
            return None
    return _close(parts, section, cur, cur_lone, prev_unit, last_small)


def _close(parts, section: Decimal, cur: Optional[Decimal], cur_lone: bool, prev_unit: Optional[int],
           last_small: Optional[int]) -> Optional[Decimal]:
    """The value once every token is read: the figure left over joins the last section."""
    rem = section
    if cur is not None:
        if cur_lone and prev_unit is not None and prev_unit >= 100 and cur == cur.to_integral_value():
            cur = cur * prev_unit / 10  # 三万五 = 35000, 一百二 = 120
        rem += cur
        bound = last_small if last_small is not None and cur_lone is False and section else None
        if bound is not None and cur >= bound:
            return None
    if not parts and section == 0 and cur is None:
        return None
    if parts and rem >= parts[-1][1]:
        return None  # 1万12000
    return sum((p[0] for p in parts), Decimal(0)) + rem


def _digits(toks) -> Optional[Decimal]:
    """Digit by digit: 一九六七 = 1967, 二〇〇二 = 2002; not 一两, 三五 (one or two)."""
    ds = "".join(str(int(t[1])) for t in toks)
    if len(ds) < 3 and not any(t[0] == "z" for t in toks):
        return None
    if len(ds) > 1 and ds[0] == "0" or len(ds) > MAX_DIGITS:
        return None  # 零三, 零零三: codes, not quantities
    return Decimal(ds)


def _pair(toks):
    """Split an approximate pair (三五百, 十七八万, 四五千): (low tokens, high tokens), or None."""
    for i in range(len(toks) - 1):
        a, b = toks[i], toks[i + 1]
        if a[0] == "d" and b[0] == "d":
            x, y = int(a[1]), int(b[1])
            # only before a unit: 十四五, 十三五 are plans, 一二三产业 industries
            if y == x + 1 and i + 2 < len(toks) and toks[i + 2][0] in ("u", "b"):
                return toks[:i] + [a] + toks[i + 2:], toks[:i] + [b] + toks[i + 2:]
            return None
    return None


@functools.lru_cache(maxsize=1 << 14)
def run_value(run: str) -> Optional[tuple[Decimal, Optional[Decimal]]]:
    """(value, high end of an approximate pair) of one numeral run, or None.

    Cached: a report writes the same few thousand numerals over and over, and the
    reading depends on the run alone (the result is immutable).
    """
    if len(run) > MAX_RUN:
        return None
    toks = _tokens(run)
    if not toks:
        return None
    if any(t[0] == "p" for t in toks):
        i = next(k for k, t in enumerate(toks) if t[0] == "p")
        whole, rest = toks[:i], toks[i + 1:]
        frac = []
        while rest and rest[0][0] in ("d", "z", "a"):
            if rest[0][0] == "a" and not rest[0][2].isdigit():
                return None
            frac.append(rest.pop(0))
        if not whole or not frac or any(t[0] != "b" for t in rest):
            return None
        if len(whole) == 1 and whole[0][0] in ("d", "z", "a"):
            w = whole[0][1]
        elif all(t[0] in ("d", "z") for t in whole):
            w = _digits(whole)
        else:
            w = _integer(whole)
        if w is None or w != w.to_integral_value():
            return None
        v = Decimal(f"{int(w)}.{''.join(str(int(t[1])) if t[0] != 'a' else t[2] for t in frac)}")
        for t in rest:
            v *= t[1]
        if rest and w >= 10 ** 4:
            return None
        return v, None
    if all(t[0] in ("d", "z") for t in toks):
        if len(toks) == 1:
            return (toks[0][1], None)
        v = _digits(toks)
        return (v, None) if v is not None else None
    if not any(t[0] in ("u", "b", "t") for t in toks):
        if len(toks) == 1 and toks[0][0] == "a":
            if re.match(r"0\d", toks[0][2]):
                return None  # 000, 007: a code or the tail of a broken figure, not a quantity
            return toks[0][1], None
        return None
    pair = _pair(toks)
    if pair is not None:
        lo, hi = _integer(pair[0]), _integer(pair[1])
        if lo is None or hi is None or lo >= hi:
            return None
        return lo, hi
    v = _integer(toks)
    return (v, None) if v is not None else None
