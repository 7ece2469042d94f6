"""Numbers as policy speeches write them.

Arabic numerals with decimals and thousands separators, Chinese numerals
(``三万多``, ``一千二百三十四点五``, ``一九六七``), percentages written out
(``百分之十五点九``), fractions (``三分之一``), tenths (``两成``), and the
multipliers 十/百/千/万/亿/万亿.  All functions work on the Simplified,
half-width view.

>>> parse_chinese("一千二百三十四点五")
1234.5
>>> parse_chinese("三万")
30000.0
>>> parse_chinese("一九六七")
1967.0
>>> parse_number("63.6", "万亿")
63600000000000.0
>>> parse_number("1,322", "万")
13220000.0
>>> parse_number("27，203，319，000")
27203319000.0
"""
from __future__ import annotations

import re
from typing import Optional

__all__ = ["CN_DIGITS", "parse_chinese", "parse_number", "MULTIPLIERS", "NUM_RE_SRC"]

CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9, "幺": 1}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}

MULTIPLIERS = {
    "万亿": 1e12, "兆": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8,
    "千万": 1e7, "百万": 1e6, "十万": 1e5, "万": 1e4, "千": 1e3, "百": 1e2,
}

# a Chinese numeral: digits with 十百千万亿 and a decimal 点
CN_NUM = "[零〇○一二两三四五六七八九十百千万亿]+(?:点[零〇○一二三四五六七八九]+)?"
# thousands separators: 8,500; the 1950s reports write 27，203，319，000 with full-width commas
ARABIC = r"(?:\d{1,3}(?:，\d{3})+(?![\d，])|\d+(?:,\d{3})*)(?:\.\d+)?"
NUM_RE_SRC = f"(?:{ARABIC}|{CN_NUM})"


def _int_part(s: str) -> Optional[float]:
    """Value of a Chinese integer numeral, or None if it is not one."""
    if not s:
        return None
    if all(c in CN_DIGITS for c in s) and len(s) > 1:
        if len(s) < 3 and not any(c in "零〇○" for c in s):
            return None  # 一两, 三五: "one or two", not 12
        # digit by digit: 一九六七 is 1967
        return float(int("".join(str(CN_DIGITS[c]) for c in s)))
    total = 0.0
    section = 0.0
    digit: Optional[float] = None
    for c in s:
        if c in CN_DIGITS:
            if digit is not None and digit != 0:
                return None  # two digits in a row outside the digit-by-digit form
            digit = float(CN_DIGITS[c])
        elif c in _SMALL_UNITS:
            section += (1.0 if digit is None else digit) * _SMALL_UNITS[c]
            digit = None
        elif c in _BIG_UNITS:
            section += digit or 0.0
            if section == 0 and total == 0:
                section = 1.0
            if c == "亿":
                total = (total + section) * _BIG_UNITS[c]
            else:
                total += section * _BIG_UNITS[c]
            section = 0.0
            digit = None
        else:
            return None
    return total + section + (digit or 0.0)


def parse_chinese(s: str) -> Optional[float]:
    """Value of a Chinese numeral (with an optional ``点`` decimal part).

    >>> parse_chinese("百分之十五点九".removeprefix("百分之"))
    15.9
    >>> parse_chinese("两")
    2.0
    """
    if "点" in s:
        whole, frac = s.split("点", 1)
        w = _int_part(whole) if whole else 0.0
        if w is None or not frac or not all(c in CN_DIGITS for c in frac):
            return None
        return float(f"{int(w)}.{''.join(str(CN_DIGITS[c]) for c in frac)}")
    return _int_part(s)


def parse_number(num: str, multiplier: str = "") -> Optional[float]:
    """A numeral (Arabic or Chinese) times its multiplier (``万``, ``亿`` …)."""
    num = num.strip()
    if not num:
        return None
    if re.fullmatch(ARABIC, num):
        v = float(num.replace(",", "").replace("，", ""))
    else:
        v = parse_chinese(num)
        if v is None:
            return None
    if multiplier:
        m = MULTIPLIERS.get(multiplier[:2]) or MULTIPLIERS.get(multiplier[:1])
        if m is None:
            return None
        v *= m
    return float(round(v, 6)) if abs(v) < 1e15 else v
