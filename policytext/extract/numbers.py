"""Numerals as policy speeches write them: one grammar for ``parse_number`` and the extractor.

Arabic figures (decimals; thousands separated by ``,``, ``，`` or the Hong
Kong/Taiwan space ``7 426``; digits spaced one by one as in ``1 9 9 7 年``),
Chinese numerals in either script (``七十二万一千零十二``, ``兩千六``,
``一九六七``, banker's capitals ``壹佰貳拾``), the two mixed
(``4亿零700万``, ``1亿2000万``), percent and per-mille (``百分之十五点九``,
``千分之三``, ``6.5%``), negatives (``负0.5%``, ``-0.5%``), ranges that share
one multiplier (``一千到两千万``, ``70至110萬``), approximate pairs
(``三五百``, ``十七八万``) and ``多``/``余``.

>>> n = parse_number("今年财政赤字率拟按3%左右安排")
>>> n.value, n.unit, n.qualifier, n.span
(3.0, '%', 'approx', (9, 11))
>>> parse_number("一千到两千万元").value_high
20000000.0
>>> parse_number("七十二万一千零十二").value
721012.0
>>> parse_number("國民生產總值達到一萬二千億元").value
1200000000000.0
>>> parse_number("零点零零零零零零一").value
1e-07
>>> parse_number("千万不能") is None, parse_number("亿万人民") is None
(True, True)

The extractor matches ``NUMBER_RE`` (or a pattern built on ``NUMBER_SRC``) on
its Simplified, half-width view and reads each match with ``read_match``:
``parse_number`` is that same pair over any text.  A numeral longer than
``MAX_RUN`` characters, or too large for a float, is not a number.  The
arithmetic of one run (万万, 三万五, 十七八万 …) is in ``numeral_runs``.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple, Optional

from .numeral_runs import BIG as _BIG, CN_DIGIT_CLASS as _CN_DIGIT_CLASS, CN_DIGITS, MAX_RUN
from .numeral_runs import SMALL as _SMALL, ZEROS as _ZEROS, run_value as _run_value

__all__ = ["Number", "parse_number", "read_match", "read_or_retry", "NUMBER_RE", "NUMBER_SRC", "RUN_SRC", "RUN_START", "MAX_RUN",
           "RUN_CHARS", "NUMBER_AT", "CN_DIGITS", "parse_chinese", "value_of", "ARABIC", "CN_NUM", "MULTIPLIERS", "qualifier_of"]


# --- characters -----------------------------------------------------------------------
MULTIPLIERS = {"万亿": 1e12, "兆": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8,
               "千万": 1e7, "百万": 1e6, "十万": 1e5, "万": 1e4, "千": 1e3, "百": 1e2}

# Traditional and full-width forms folded one character for one, so spans stay exact
_FOLD = str.maketrans({
    **{chr(0xFF10 + i): str(i) for i in range(10)},
    "萬": "万", "億": "亿", "兩": "两", "點": "点", "貳": "贰", "參": "叁", "陸": "陆", "負": "负",
    "餘": "余", "幾": "几", "會": "会", "過": "过", "於": "于", "約": "约", "達": "达", "內": "内", "將": "将",
    "應": "应", "為": "为", "碼": "码", "頂": "顶", "０": "0", "．": ".", "％": "%", "−": "-", "－": "-", "～": "~",
    "\u3000": " ", "\u00a0": " ", "\u202f": " ", "\u205f": " ", **{chr(c): " " for c in range(0x2000, 0x200B)},
})

# One numeral run: digits of both scripts, units, and the separators a figure holds
# (a thousands comma before three digits, a decimal point, one space between digits).
# 参 and 陆 count only next to a banker's capital or unit (参加, 大陆 are words); 点 only before a digit;
# 兆 is 10^12 (新臺幣1兆元) but 兆瓦 is a megawatt.
_UNIT_CLASS = "十百千万亿拾佰仟廿卅"
_RUN_UNIT_CLASS = "十百万亿拾佰仟廿卅"  # 千 apart: after 万 or a digit, 千瓦 千米 千克 are units (3.7亿千瓦)
_RUN_CHAR = (
    rf"[0-9{_CN_DIGIT_CLASS}{_RUN_UNIT_CLASS}]|(?<![0-9万亿兆千百十])千|千(?![瓦克米卡帕焦伏升])|[参陆](?=[拾佰仟])|(?<=[拾佰仟万亿点零壹贰叁肆伍柒捌玖])[参陆]|兆(?!瓦|赫|字节|帕|焦|比特|欧)"
    rf"|(?<=[{_CN_DIGIT_CLASS}{_UNIT_CLASS}])点(?=[0-9{_CN_DIGIT_CLASS}])|[,，](?<=\d[,，])(?=\d{{3}}(?!\d))|\.(?<=[\d ]\.)(?=\d)|(?<=\d) (?=[\d.])"
    r"|(?<=\d)  (?=\d{3}(?!\d))|(?<=\d), (?=\d{3}(?!\d))|(?<=\d)\. (?=\d{1,3} ?[%‰万亿])"  # a letter-spaced PDF's 16  700, 14, 400, 2. 6%
)
_RUN_START = rf"(?<![0-9{_CN_DIGIT_CLASS}{_UNIT_CLASS}兆.])(?!(?<=点)[{_CN_DIGIT_CLASS}])"  # 点零 is no number
RUN_SRC = rf"{_RUN_START}(?:{_RUN_CHAR})+"
RUN_START = _RUN_START
RUN_CHARS = f"{_CN_DIGIT_CLASS}{_UNIT_CLASS}点参陆兆"  # the Chinese characters a run may hold (for gates)

_MULT_WORD = "万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|兆(?!瓦|赫|字节|帕|焦|比特|欧)"
_SIGN = rf"(?<![税减抱胜自欠重背肩辜正担不])负(?=[0-9{_CN_DIGIT_CLASS}十拾廿参陆])|(?<![0-9A-Za-z.%)）\]])[-−](?=\d)"
_SEP = r" ?(?:——|--|[-−—–~至到]) ?"


def _amount(i: str) -> str:
    return (rf"(?P<pre{i}>百分之|千分之)?(?P<neg{i}>{_SIGN})?(?P<run{i}>{RUN_SRC})"
            rf"(?P<approx{i}>多|余)?(?:(?: |个(?=亿(?!元)))?(?P<mult{i}>{_MULT_WORD}))?(?: ?(?P<pct{i}>[%‰]))?")


NUMBER_SRC = rf"{_amount('')}(?:(?P<sep>{_SEP}){_amount('2')})?"
NUMBER_RE = re.compile(NUMBER_SRC)
NUMBER_AT = re.compile(NUMBER_SRC.replace(_RUN_START, "", 1))  # for a match at a given position

# a lone digit closing a numeral (三万五, 十万零一) unless a word starts there (3万一线, 两千六百万台胞)
_COLLOQ_FOLLOW = set("元块角人个户家名位亩吨斤公千米台辆件项所座间张多余左上以%‰次")

# what the extractor imported before: an Arabic figure and a Chinese numeral (for old callers)
ARABIC = r"(?:\d{1,3}(?:，\d{3})+(?![\d，])|\d{1,3}(?:,\d{3})+(?![\d,])|\d+)(?:\.\d+)?"
CN_NUM = "[零〇○一二两三四五六七八九十百千万亿]+(?:点[零〇○一二三四五六七八九]+)?"


@dataclass(frozen=True)
class Number:
    """One numeral expression.

    ``value`` (and ``value_high`` for a range) with the multiplier applied
    (``221.8亿`` → 22180000000.0); ``multiplier`` is the scale written last
    (``亿`` → 100000000), ``unit`` ``"%"`` or ``"‰"`` for 百分之/千分之/%/‰,
    ``qualifier`` ``approx``/``min``/``max``/``range``, ``span`` the numeral
    in the text given (qualifier words around it are read, not spanned).

    >>> parse_number("增长-0.5%")
    Number(value=-0.5, value_high=None, multiplier=None, unit='%', qualifier=None, span=(2, 7), text='-0.5%')
    """

    value: float
    value_high: Optional[float]
    multiplier: Optional[int]
    unit: Optional[str]
    qualifier: Optional[str]
    span: tuple[int, int]
    text: str


def _trim(run: str, after: str) -> str:
    """Drop a closing lone Chinese digit that starts a word (3万一线, 十万零一次)."""
    if len(run) >= 2 and run[-1].isdigit() and run[-2] in "百千万亿佰仟兆":
        return run[:-1]  # 40万3岁以下: an Arabic digit after 万 is the next figure
    if len(run) >= 2 and run[-1] in CN_DIGITS and run[-1] not in _ZEROS and run[-2] in "百千万亿佰仟兆":
        if after and "\u4e00" <= after[0] <= "\u9fff" and after[0] not in _COLLOQ_FOLLOW or run[-1] == "两":
            return run[:-1]  # 两 closes no colloquial numeral (三万二, not 三万两): 黄金七万万两 is taels
    return run


_FOLLOW = set("元块角毛人个户家名位亩吨斤公千米台辆件项所座间张多余左上以次倍年月日天岁条种类批届号期级版代轮"
              "点只头棵株片颗口支首场部册艘架处床例起篇分成番")


def _lone_in_word(text: str, run: str, end: int, other: bool) -> bool:
    """A lone Chinese digit inside a word (统一, 零售, 零下) is no number; 一个, 两年, 十万 are.
    (``run`` as read, ending at ``end``; ``other``: a percent word, a sign or a range's high end goes with it.)"""
    if not (len(run) == 1 and run in CN_DIGITS or run and all(c in _ZEROS for c in run)):
        return False
    if other:
        return False
    after = text[end:end + 1]
    return bool(after) and "\u4e00" <= after <= "\u9fff" and after not in _FOLLOW


_COUNTED = re.compile(r"[人户次件个总指函参系分常变基]数")


def _vague(text: str, start: int, end: int) -> bool:
    """几十万, 十几, 数百亿 (but not 人数3万, 指数100)."""
    before = text[max(0, start - 2):start]
    return before.endswith("几") or text.startswith("几", end) or (
        before.endswith("数") and text[start] in "十百千万亿" and not _COUNTED.match(before))


def _glued(text: str, start: int, end: int) -> bool:
    before = text[start - 1:start]
    after = text[end:end + 1]
    return (text[start].isdigit() and before.isascii() and before.isalpha()) or (
        text[end - 1].isdigit() and after.isascii() and after.isalpha())


def _finite(v: Decimal) -> Optional[float]:
    f = float(v)
    return f if math.isfinite(f) and abs(f) < 1e300 else None


class _Amount(NamedTuple):  # made for every numeral read: a named tuple is four times cheaper to make
    low: Decimal
    high: Optional[Decimal]  # approximate pair
    end: int
    mult: Optional[int]  # trailing 万/亿/… scale
    pct: Optional[str]
    neg: bool
    approx: bool
    bare: bool  # no unit of any kind inside the run (一千 has 千; 8500 has none)


_TRAIL_MULT = re.compile(r"(?:万亿|万|亿|兆)+$")
# the groups of one amount of NUMBER_SRC ("" the first, "2" the high end of a range), read in one call
_GROUPS = {i: tuple(g + i for g in ("run", "approx", "mult", "pct", "pre", "neg")) for i in ("", "2")}
_SCALE = {w: Decimal(str(int(v))) for w, v in MULTIPLIERS.items()}
_UNIT_CHARS = frozenset(_UNIT_CLASS + "兆")


def _read_amount(text: str, m: re.Match, i: str) -> Optional[_Amount]:
    names = _GROUPS[i]
    run, approx_w, mult_w, pct_w, pre, neg = m.group(*names)
    rs, end = m.span(names[0])
    trimmed = _trim(run, text[end:end + 1] if not approx_w and not mult_w else "")
    whole = trimmed == run  # a trimmed run ends the amount: what followed it is not its own
    if not whole:
        end = rs + len(trimmed)
        run = trimmed
        if not run:
            return None
    rv = _run_value(run)
    if rv is None:
        return None
    low, high = rv
    mult_scale: Optional[int] = None
    tm = _TRAIL_MULT.search(run) if run[-1] in "万亿兆" else None
    if tm:
        mult_scale = 1
        for c in tm.group():
            mult_scale *= _BIG[c]
    approx = False
    if whole and approx_w:
        approx = True
        end = m.end(names[1])
    if whole and mult_w and not tm:
        scale = _SCALE[mult_w]
        if not run[0].isdigit() and not approx and mult_w[0] in "千百十":
            return None
        # a Chinese numeral takes the multiplier into its own reading: 四亿零七百多万 = 4亿 + 700万
        joined = _run_value(run + mult_w) if approx and not run[-1].isdigit() else None
        if joined is not None and joined[1] is None and high is None:
            low = joined[0]
        else:
            low, high = low * scale, (high * scale if high is not None else None)
        mult_scale = int(scale)
        end = m.end(names[2])
    pct = None
    if whole and pct_w:
        pct = pct_w
        end = m.end(names[3])
    if pre:
        pct = "%" if pre == "百分之" else "‰"
    bare = _UNIT_CHARS.isdisjoint(run) and not mult_w
    return _Amount(low, high, end, mult_scale, pct, bool(neg), approx, bare)


def _shared(lo: Decimal, hi: Decimal, lone: bool, b: "_Amount", run2: str) -> Decimal:
    """The low end of a range read with the high end's multiplier, when it shares it:
    一千到两千万, 两到三万, 两~3百, 八到九百亿; not 从8500到3万."""
    if b.mult is not None:
        core = hi / b.mult
        shared = lo * b.mult
        sm = re.fullmatch(r"[^十百千拾佰仟]?([十百千拾佰仟])(?:万亿|万|亿|兆)*", run2)
        if lone and sm:
            shared *= _SMALL[sm.group(1)]  # a lone digit takes 百/千 too: 八到九百亿
        return shared if lo <= core else lo
    sm = re.fullmatch(r"[^十百千拾佰仟]([十百千拾佰仟])", run2)
    return lo * _SMALL[sm.group(1)] if lone and sm else lo  # 两到三百


def read_match(text: str, m: re.Match) -> Optional[Number]:
    """The Number of a ``NUMBER_RE`` match (its span may end before the match's),
    or None when the match is no numeral of these documents (千万, 一万一万, a
    run too long, a value too large).  Qualifier words around it are not read
    here (see ``qualifier_of``); ``approx`` (多/余, 三五百) and ``range`` are."""
    a = _read_amount(text, m, "")
    if a is None:
        return None
    rs = m.start("run")
    if _glued(text, rs, a.end):
        return None  # 5G, PM2.5, 15k: letters glued to digits make a code
    pre, neg, run2 = m.group("pre", "neg", "run2")
    other = bool(pre or neg or a.end < m.end() and run2)
    if _lone_in_word(text, text[rs:a.end], a.end, other) or _vague(text, rs, a.end):
        return None  # 十几, 几十万, 数百亿: vague, and a guessed range would be a wrong value
    start = m.start("pre") if pre else m.start("neg") if neg else rs
    low, high, end, mult, pct = a.low, a.high, a.end, a.mult, a.pct
    qualifier = "approx" if a.approx or a.high is not None else None
    if a.neg:  # 负一二亿: the range stays ordered, low below high
        low, high = (-high, -low) if high is not None else (-low, None)
    if run2 and high is None and not a.approx and a.end == m.start("sep"):
        b = _read_amount(text, m, "2")
        if b is not None and b.high is None:
            lo_v, hi_v = low, (-b.low if b.neg else b.low)
            if a.mult is None and not a.neg:
                lone = len(m.group("run")) == 1 and (m.group("run") in CN_DIGITS or m.group("run").isdigit())
                lo_v = _shared(lo_v, hi_v, lone, b, m.group("run2"))
            if lo_v < hi_v and (pct == b.pct or pct is None or b.pct is None):
                low, high, end, qualifier = lo_v, hi_v, b.end, "range"
                pct = pct or b.pct
                mult = b.mult or mult
    lv, hv = _finite(low), (_finite(high) if high is not None else None)
    if lv is None or (high is not None and hv is None):
        return None
    return Number(lv, hv, mult, pct, qualifier, (start, end), text[start:end])


def read_or_retry(text: str, m: re.Match) -> tuple[Optional[Number], re.Match]:
    """``read_match``, and when the run fails, again from its first Arabic digit: a run
    may begin with a word's last character (统一3万亩). Returns the match that was read.

    >>> read_or_retry("统一3万亩", NUMBER_RE.search("统一3万亩"))[0].text
    '3万'
    """
    n = read_match(text, m)
    if n is not None:
        return n, m
    rs, rend = m.span("run")
    lead = len(text[rs:rend]) - len(text[rs:rend].lstrip(_CN_DIGIT_CLASS + _UNIT_CLASS + "参陆兆点"))
    if 0 < lead <= 2 and lead < rend - rs and text[rs + lead].isdigit():
        m2 = NUMBER_AT.match(text, rs + lead)
        n = read_match(text, m2) if m2 else None
        if n is not None:
            return n, m2
    return None, m


_NOT = r"不(?:会|能|得|可|应|宜|致)?"  # 不超过, 一般不會超過
_MAX_BEFORE = re.compile(rf"(?:{_NOT}(?:超过|高于|多于)|不到|最多|至多|顶多|最高)$")
_MIN_BEFORE = re.compile(rf"(?:{_NOT}(?:低于|少于)|超过|超|逾|多于|高于|突破|以上|至少|最少|起码|最低)$")
# 约 as a word of its own, not the end of 节约, 签约, 条约, 制约 (节约二十亿元 is an amount saved)
_APPROX_BEFORE = re.compile(r"(?:(?<![节签条制合公预履集简缔违])约|近|大约|接近|将近|大概|差不多|近乎)(?:为|有|达|占|是)?$")
_BELOW_BEFORE = re.compile(r"(?:低于|少于)$")  # compiled once: qualifier_of runs for every number


def qualifier_of(before: str, after: str, approx: bool = False) -> Optional[str]:
    """The qualifier the words around a number give it: min, max, approx or None.

    >>> qualifier_of("不超过", ""), qualifier_of("", "以上"), qualifier_of("约", "")
    ('max', 'min', 'approx')
    >>> qualifier_of("控制在", "以内"), qualifier_of("控制在", "") is None  # 控制在3% alone is a level
    ('max', True)

    Hong Kong and Taiwan usage: 一般不會超過40%, 至少百分之二十五, 逾百萬, 約有13 600個, 400元或以下.

    >>> [qualifier_of(b, a) for b, a in (("一般不会超过", ""), ("至少", ""), ("逾", ""), ("约有", ""), ("", "或以下"))]
    ['max', 'min', 'min', 'approx', 'max']
    >>> qualifier_of("为国家节约", ""), qualifier_of("项目签约", ""), qualifier_of("大约", "")
    (None, None, 'approx')
    """
    after = after[1:] if after.startswith("或") else after  # 400元或以下, 60歲或以上
    if _MAX_BEFORE.search(before):
        return "max"
    if _MIN_BEFORE.search(before) or after.startswith(("以上", "多人")):
        return "min"
    if after.startswith(("以内", "以下", "之内")) or _BELOW_BEFORE.search(before):
        return "max"
    if approx or after.startswith(("左右", "上下")) or _APPROX_BEFORE.search(before):
        return "approx"
    return None


def _with_context(text: str, folded: str, n: Number) -> Number:
    s, e = n.span
    q = n.qualifier
    if q is None or q == "approx":
        q = qualifier_of(folded[max(0, s - 6):s], folded[e:e + 3], q == "approx") or q
    return Number(n.value, n.value_high, n.multiplier, n.unit, q, n.span, text[s:e])


def parse_number(text: str) -> Optional[Number]:
    """The first numeral expression in ``text``, in either script, or None.

    >>> parse_number("4亿零700万").value, parse_number("三万五").value
    (407000000.0, 35000.0)
    >>> n = parse_number("70至110萬人")
    >>> n.value, n.value_high, n.qualifier, n.text
    (700000.0, 1100000.0, 'range', '70至110萬')
    >>> n = parse_number("从8500到3万港元")
    >>> n.value, n.value_high
    (8500.0, 30000.0)
    >>> parse_number("约4.287亿美元").qualifier
    'approx'
    """
    folded = text.translate(_FOLD)
    pos = 0
    while True:
        m = NUMBER_RE.search(folded, pos)
        if m is None:
            return None
        n, _ = read_or_retry(folded, m)
        if n is not None:
            return _with_context(text, folded, n)
        pos = m.end()


# --- the older helpers, on the same grammar ------------------------------------------------
def parse_chinese(s: str) -> Optional[float]:
    """Value of a Chinese numeral (with an optional ``点`` decimal part), or None.

    >>> parse_chinese("十五点九"), parse_chinese("两"), parse_chinese("一两")
    (15.9, 2.0, None)
    """
    rv = _run_value(s.translate(_FOLD)) if s else None
    if rv is None or rv[1] is not None:
        return None
    return _finite(rv[0])


def value_of(num: str, multiplier: str = "") -> Optional[float]:
    """A numeral (Arabic or Chinese) times its multiplier word (``万``, ``亿`` …).

    >>> value_of("63.6", "万亿"), value_of("1,322", "万"), value_of("27，203，319，000")
    (63600000000000.0, 13220000.0, 27203319000.0)
    """
    num = num.strip()
    rv = _run_value(num.translate(_FOLD)) if num else None
    if rv is None or rv[1] is not None:
        return None
    v = rv[0]
    if multiplier:
        m = MULTIPLIERS.get(multiplier[:2]) or MULTIPLIERS.get(multiplier[:1])
        if m is None:
            return None
        v *= Decimal(str(int(m)))
    return _finite(v)
