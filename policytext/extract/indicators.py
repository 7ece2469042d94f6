"""Numeric indicators: a named measure with its value and/or change.

Runs on the Simplified, half-width, line-joined view; every span is mapped
back to the original text by the caller.  The pass is regex-driven and needs
no word segmentation:

1. find quantities: number (Arabic or Chinese, ranges, 百分之/分之/成)
   with multiplier, unit and qualifier;
2. drop what is not an indicator: years and dates, durations, ordinals, list
   counts (五个理念), document numbers, PM2.5 / 5G / M2;
3. tell values from changes by the verb before the number (增长10.4% is a
   change; 涨幅3% is a value) and pair them (221.8亿元增长10.4%;
   上升3个百分点，达到51.2%; 由46.9%提高到48.2%);
4. name the measure from the words before the number (or after it:
   三万多亩的可利用土地) and tell target from actual by the sentence, the
   paragraph and the section.

>>> [(i.name, i.value, i.unit, i.change and i.change.value) for i in find_indicators("实现区属生产总值221.8亿元增长10.4%")]
[('区属生产总值', 22180000000.0, '元', 10.4)]
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import Optional

from .numbers import ARABIC, CN_NUM, parse_number

__all__ = ["RawIndicator", "Change", "find_indicators"]


@dataclass(frozen=True)
class Change:
    """The change of a measure: ``增长10.4%`` → value 10.4, unit ``%``, direction ``up``."""

    value: float
    unit: Optional[str]
    direction: str
    value_high: Optional[float] = None
    qualifier: Optional[str] = None
    basis: Optional[str] = None

    def to_dict(self) -> dict:
        return {"value": self.value, "value_high": self.value_high, "unit": self.unit,
                "direction": self.direction, "qualifier": self.qualifier, "basis": self.basis}


@dataclass(frozen=True)
class RawIndicator:
    """An indicator with spans into the view (the caller maps them to the original)."""

    name: str
    name_span: "Optional[tuple]"  # (start, end), or two such spans for a shared head noun
    value: Optional[float]
    value_high: Optional[float]
    unit: Optional[str]
    qualifier: Optional[str]
    change: Optional[Change]
    kind: str
    year: Optional[int]
    span: tuple[int, int]


# --- quantities ------------------------------------------------------------------
_UNITS = [
    "个百分点", "个工作日", "工作日", "个月", "个小时", "兆瓦", "吉瓦", "万千瓦", "新台币", "台币", "百分点", "平方公里", "平方千米", "平方米", "立方米", "千瓦时", "千瓦", "标准箱", "人次", "公里", "千米",
    "公顷", "公斤", "千克", "美元", "欧元", "港元", "港币", "日元", "元", "人", "户", "家", "个", "项", "亩", "吨", "斤", "担",
    "米", "辆", "套", "所", "座", "间", "张", "台", "件", "名", "位", "头", "只", "条", "倍", "岁", "篇", "部", "册", "艘",
    "架", "处", "床", "批", "起", "例", "棵", "株", "片", "块", "颗", "口", "种", "类", "支", "首", "场", "次",
    "度", "年", "月", "天", "日", "小时", "周年", "届", "号", "期", "级", "版", "代", "轮", "点", "方面", "大",
]
# 台 counts machines, but 两千三百万台湾同胞 speaks of Taiwan
_UNIT_RE = "|".join(re.escape(u) if u != "台" else "台(?![湾灣胞州北南中商资資企属屬独獨办辦])" for u in _UNITS)
# 兆 is 10^12 in Taiwan's usage (新臺幣1兆元), but 兆瓦 is a megawatt
_MULT = "万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千|兆(?!瓦|赫|字节|帕)"
_SEP = "[-－—–~～至到]|——"
# a year as these texts write it: 1987年, 2024年底, 一九八○年
_YEAR_WORD = r"(?:(?:19|20)\d\d年(?:底|末)?|[〇○零一二三四五六七八九]{4}年)"

# Chinese numerals are everywhere (一些, 统一): a position is tried only when a
# percent, an Arabic digit, or a Chinese numeral with a multiplier or unit starts there.
_QUANT_GATE = rf"(?=百分之|千分之|\d|{CN_NUM}(?:多|余)?(?:{_MULT})?(?:%|‰|{_UNIT_RE}))"
QUANT = re.compile(
    rf"{_QUANT_GATE}(?P<pct_pre>百分之|千分之)?(?P<num>{ARABIC}|{CN_NUM})"
    rf"(?P<approx1>多|余)?(?P<mult>{_MULT})?(?P<pct1>%|‰)?"
    rf"(?:(?P<sep>{_SEP})(?P<pct_pre2>百分之)?(?P<num2>{ARABIC}|{CN_NUM})(?P<mult2>{_MULT})?)?"
    rf"(?P<approx2>多|余)?(?P<unit>%|‰|{_UNIT_RE})?"
)
_FRACTION = re.compile(r"(?<![百千])(?P<den>[一二两三四五六七八九十]+|\d+)分之(?P<num>[一二两三四五六七八九十]+|\d+)")
_CHENG = re.compile(r"(?P<num>[一二两三四五六七八九])成(?=[多左以上，。；、的]|$)")
_FAN = re.compile(r"翻(?:了)?(?P<n>一|两|二|三|四|\d)番")

_NOT_INDICATOR_UNITS = {"个工作日", "工作日", "个月", "个小时", "年", "月", "天", "日", "小时", "周年", "届", "号", "期", "级", "版", "代", "轮", "点", "方面", "大", "种", "类", "次"}
_COUNT_UNITS = {"个", "项", "条", "点", "方面", "大", "种", "类", "批", "支"}
_UNIT_CANON = {"百分点": "pp", "个百分点": "pp", "平方千米": "平方公里", "千克": "公斤", "港币": "港元"}

_UP = "增长|增加|提高|上升|上涨|提升|扩大|调高|递增|成长|增|涨|多|攀升|上调|翻"
_DOWN = "下降|减少|降低|回落|下跌|调低|递减|压减|压降|削减|衰退|萎缩|减|降|缩小|压缩|下调|缩减|减产"
_CHANGE_VERB = re.compile(
    rf"(?:(?P<basis>同比|比上年|比去年|比上一年|比前一年|比上年同期|(?<![可对])比(?!重|例|率|较)[^\s，。；、]{{1,8}}?)?(?:实际|名义|平均每年|平均|年均|每年|分别|累计|又|再|还|共|均|约|已)?"
    rf"(?P<verb>{_UP}|{_DOWN})(?:了)?(?:约|近|超过|超)?)\s*$"
)
_TO_VERB = re.compile(rf"(?:{_UP}|{_DOWN}|达|降|升)(?:到|至)$|(?:达到|达|为|是|有|至|到)$")
_BOUNDARY = set("，。；：！？、,;:!?《》“”\"「」『』【】\n")
_STRONG_BOUNDARY = set("。；！？;!?\n")


def _qualifier(before: str, after: str, approx_inner: bool) -> Optional[str]:
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


@dataclass(frozen=True)
class _Q:
    start: int
    end: int  # end of number, unit and qualifier
    value: Optional[float]
    value_high: Optional[float]
    unit: Optional[str]
    qualifier: Optional[str]
    chinese: bool
    raw_unit: Optional[str]


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
        v = parse_number(num + mult)
        if v is not None:
            return v
    return parse_number(num, mult or "")


def _quantities(text: str) -> list[_Q]:
    out: list[_Q] = []
    for m in QUANT.finditer(text):
        num = m.group("num")
        chinese = not num[0].isdigit()
        s, e = m.span()
        unit = m.group("unit")
        pct = m.group("pct_pre") or m.group("pct1")
        if m.group("pct_pre") == "千分之":
            unit = "‰"
        elif m.group("pct1") == "‰" or unit == "‰":
            unit = "‰"
        elif pct or m.group("pct_pre2"):
            unit = unit or "%"
            if unit not in ("%", "‰", "个百分点", "百分点"):
                unit = "%"
        mult = m.group("mult")
        # a Chinese numeral carries its own 万/亿 unless a multiplier follows an 多
        if chinese:
            if not (unit or mult or m.group("pct_pre")):
                continue  # 一些, 统一, 千万 (must): Chinese numerals count only with a unit
            if len(num) == 1 and num in "一两" and not mult and unit in ("个", "项", "条", "种", "类", "次", "批", "支", "名", "位", "件", "家", "点", "方面", "大", None):
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
            sep = m.group("sep")
            v2 = _num(num2, m.group("mult2") or mult)
            if sep in ("到", "至") and not (m.group("pct1") or unit):
                v2 = None
            if v2 is not None and v2 > value:
                if not m.group("mult") and m.group("mult2"):
                    value = _num(num, m.group("mult2"))
                value_high = v2
            elif v2 is None:
                e = m.start("sep")
            else:
                e = m.start("sep")
        approx = bool(m.group("approx1") or m.group("approx2"))
        before = text[max(0, s - 4):s]
        after = text[e:e + 3]
        q = _qualifier(before, after, approx)
        if after.startswith(("左右", "以上", "以下", "以内", "之内", "上下")):
            e += 2
        if value_high is not None and q is None:
            q = "range"
        raw_unit = unit
        out.append(_Q(s, e, value, value_high, unit, q, chinese, raw_unit))
    return out


def _special_quantities(text: str) -> list[_Q]:
    """Fractions (三分之一), tenths (两成) and doublings (翻一番) as percentages."""
    out = []
    for m in _FRACTION.finditer(text):
        den, num = parse_number(m.group("den")), parse_number(m.group("num"))
        if den and num is not None and num <= den:
            out.append(_Q(m.start(), m.end(), round(num / den * 100, 3), None, "%", None, True, "分之"))
    for m in _CHENG.finditer(text):
        n = parse_number(m.group("num"))
        if n:
            e = m.end()
            q = _qualifier(text[max(0, m.start() - 4):m.start()], text[e:e + 3], text[e:e + 1] in "多余")
            e += 1 if text[e:e + 1] in "多余" else 0
            e += 2 if text[e:e + 2] in ("左右", "以上", "以下", "以内", "上下") else 0
            out.append(_Q(m.start(), e, n * 10, None, "%", q, True, "成"))
    for m in _FAN.finditer(text):
        n = parse_number(m.group("n"))
        if n:
            out.append(_Q(m.start(), m.end(), (2 ** n - 1) * 100.0, None, "%", None, True, "番"))
    return out


def _skip(text: str, q: _Q, residue) -> bool:
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
        return not m or m.end() == e - s and not re.search(_MULT, text[s:e])
    if unit in _COUNT_UNITS and q.chinese:
        return True  # 五个理念, 四个方面, 三大工程
    if unit in ("个", "大") and re.search(r"(?:以下|如下|下面|这|这些|那|其中|主要有|包括|做到|实现|抓好|把握好|强化|突出)$", text[max(0, s - 4):s]):
        return True
    return False


# --- names ---------------------------------------------------------------------------
_LEAD_STRIP = re.compile(
    r"^(?:其中|另外|此外|同时|并且|并|而且|而|但|和|及|以及|还有|特别是|尤其是|全年|当年|年末|年底|年内|年初|预计|初步|"
    r"即|也就是|就是|在(?=\d|[〇○零一二三四五六七八九]{4})|(?:全国)?平均每人|人均每人|力争|确保|要使|使|让|把|将|坚持|政府将|政府|平均每年|平均|每年|实现了|实现|完成了|完成|达到|累计|共计|共|就|我们|我区|我市|我省|我县|我国|"
    r"今年|去年|上年|明年|本年|其|这一年|一年来|五年来|过去一年|过去五年|主要预期目标是|主要目标是|预期目标是|"
    r"主要指标建议为|建议为|目标是|拟安排|安排|拟|储备了|储备|有|经济结构有新的优化|有新的提升|"
    r"增速稳|就业稳|价格稳|\d{4}年|[一二三四五六七八九十〇○零]{4}年|XX年|xx年|全区|全市|全县|全省|全国|全镇|全乡)+"
)
_TAIL_STRIP = re.compile(
    r"(?:达到了|达到|达|为|是|有|共计|共|约|近|超过|超|突破|实际|名义|同比|比上年同期|比上年|比去年|比上一年|分别|累计|"
    r"预计|首次|总计|合计|年均|平均|控制在|保持在|稳定在|仅|只有|已经|已|可以|可|将|要|在|的|了|完成|实现|也|都|均|"
    r"已达|再|又|还|由|从|上年的|去年的|去年|上年|力争|预期|"
    r"就|总量|年|全年|到|至|争取到|争取|每年|要求|安排|新台币|人民币|港币|都|可以|基本上|基本|不超过|不低于|不少于|不高于|不多于|低于|高于|少于|多于|不到|仍将|仍|准备|平均每年|平均|"
    r"(?:[\d〇○零一二三四五六七八九]+(?:到|至|—|-|～))?[一二三四五六七八九十两\d]+年(?:来|间|内|中|底|末)?|[〇○零一二三四五六七八九]{4}年|的?(?:宏观)?调控目标|的?预期目标|预期|目标|定|原定|"
    r"是在[^，]*?(?:基础上|前提下)|在[^，]*?(?:基础上|前提下)|(?:增加|提高|提升|增长|上升|上涨|下降|减少|降低|回落|扩大|缩小|降)(?:到|至))+$"
)
_NAME_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]")


def _clause_start(text: str, pos: int, limit: int = 40) -> int:
    i = pos
    lo = max(0, pos - limit)
    while i > lo and text[i - 1] not in _BOUNDARY:
        i -= 1
    return i


_BREAKER = re.compile(r".*(?:的时候|时候|期间|以来|之后|以后|[0-9Xx]年(?:底|末)?|[〇○零一二三四五六七八九]{4}年|(?<![一二三四五六七八九十两])[一二三四五六七八九十]年(?=[^来间内中])|使|让|(?<!坚持)把|坚持把|今年的?|明年的?|去年的?|全年|我们|我区|我市|我县|我省|我国|其中|同时|另外|此外|提出|要求|计划|[^的]在[^，]*?(?:基础上|前提下|条件下|情况下))")


def _clean_name(raw: str) -> tuple[str, int, int]:
    """Strip verbs and function words around a name; return (name, lead, tail) trimmed counts."""
    s = raw.strip()
    lead = len(raw) - len(raw.lstrip())
    b = _BREAKER.match(s)
    if b and b.end() < len(s) and _clean_name(s[b.end():])[0]:
        lead += b.end()
        s = s[b.end():]
    m = _LEAD_STRIP.match(s)
    if m and m.end() < len(s):
        lead += m.end()
        s = s[m.end():]
    elif m:
        return "", lead + len(s), 0
    m = _TAIL_STRIP.search(s)
    tail = 0
    if m and m.start() > 0:
        tail = len(s) - m.start()
        s = s[: m.start()]
    elif m and m.start() == 0:
        return "", lead, len(s)
    # a name with a verb inside (实现区属生产总值) keeps only what follows the verb
    m2 = re.search(r"(?:实现了|实现|完成了|完成|达到|储备了|争取到|争取|解决了|新建和改造|新建|建成|改造|引进)(?=[\u4e00-\u9fff]{2,})", s)
    if m2 and m2.end() < len(s):
        lead += m2.end()
        s = s[m2.end():]
    return s, lead, tail


_MODIFIER = r"(?:按可比价格计算|按现价计算|(?:扣除|剔除|考虑)(?:物价|价格)(?:上涨|下降|变动)?因素)?，?"


def _name_after(text: str, end: int) -> Optional[tuple[int, int]]:
    """A name that follows the number: 三万多亩的可利用土地, 6600多万农村人口饮水安全问题."""
    i = end
    if text[i:i + 1] == "的":
        i += 1
    j = i
    while j < len(text) and j - i < 14 and text[j] not in _BOUNDARY:
        j += 1
    chunk = text[i:j]
    m = re.search(r"(?:得到|得以|获得|实现|完成|达到|用于|用在|投向|投入|被|已|将|正在|进行|在|是|的|和|与|等)", chunk)
    if m:
        chunk = chunk[: m.start()]
    chunk = chunk.rstrip()
    if len(chunk) >= 2 and _NAME_CHARS.match(chunk):
        return (i, i + len(chunk))
    return None


# --- target or actual ----------------------------------------------------------------
# Cues of a plan or of a result.  Strong cues decide anywhere; weak ones (将, 今年,
# 了, 已 …) only where the section does not already say the opposite: a review
# section's 将提高研发费用加计扣除比例 does not make its figures targets.
_TARGET_STRONG = re.compile(
    r"(?:报告|计划|规划|会议|纲要)中?曾?(?:提出|确定|要求)|要(?:从|把|使)[^，。；]{0,16}(?:降|提高|增加|控制|达到)|预期目标|主要目标|目标是|目标为|目标任务|预期为|预期增长|力争|拟|计划(?:要求|安排|为|增长|达到)|安排为|建议为|"
    r"(?:^|(?<=[，。；：:,\s]))到20\d\d年|到本世纪|要达到|达到.{0,6}的目标|左右的速度|调控目标|定为"
)
# 控制在 is weak: a review says 居民消费价格涨幅控制在2.6% of a result
_TARGET_WEAK = re.compile(r"预期|预计|争取|确保|计划|建议|要求|控制在|今后|将达到|将|要使|今年|明年")
# 好于预期 / 超过预期 / 低于预期 are reports on a target, not targets
_NOT_TARGET = re.compile(
    r"(?:好于|高于|低于|超过|超出|超|快于|慢于|符合|达到|实现了?|完成了?)[^，。；：]{0,8}(?:预期|预定|计划|目标|规划)(?:的?(?:目标|任务|要求|指标))?|"
    r"(?:目标|任务|规划)[^，。；：]{0,6}(?:全面|超额|胜利|顺利)?(?:完成|实现)|力争上游|计划经济|计划生育|计划单列"
)
_ACTUAL_STRONG = re.compile(
    r"过去的?[一二三四五六七八九十XxＸ0-9]*年|[一二三四五六七八九十两\d]+年来|(?<![比从由])去年|(?<![比从由])上年(?!同期)|"
    r"已经|实现了|完成了|达到了|取得了|全面实现"
)
_ACTUAL_WEAK = re.compile(r"(?<![为除到])了(?!解)|已|取得|累计|实际(?=回落|下降|增长|上涨|完成|达到|为)|[0-9一二三四五六七八九〇○]{4}年.{0,8}(?:达到|为|是)")
_SECTION_ACTUAL = re.compile(r"回顾|过去一年|一年来|五年来|工作总结")
_SECTION_TARGET = re.compile(r"总体部署|总体要求|目标任务|主要任务|重点工作|今年.{0,6}工作|政府工作安排|工作安排")
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)")




_YEAR = re.compile(r"(?:(?P<y>(?:19|20)\d\d)|(?P<cn>[一二三四五六七八九〇○零]{4})|(?P<anon>[Xx]{2}))年")
_CN4 = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")}
_CN4.update({"○": "0", "零": "0"})


def _year_in(sentence: str, upto: int) -> Optional[int]:
    last = None
    for m in _YEAR.finditer(sentence, 0, upto):
        if m.group("y"):
            last = int(m.group("y"))
        elif m.group("cn"):
            last = int("".join(_CN4[c] for c in m.group("cn")))
        else:
            last = None
    return last


# --- the pass ------------------------------------------------------------------------
def _paragraphs(text: str):
    pos = 0
    for para in text.split("\n"):
        yield pos, para
        pos += len(para) + 1


_SENT = re.compile(r"[^。！？!?；;]*[。！？!?；;]?")


_GATE = re.compile(rf"\d|分之|[一二两三四五六七八九]成|翻.?[一两二三四]番|{_QUANT_GATE[3:-1]}")


class _Cues:
    """Target and actual cues of one paragraph: the kind at a position is told
    by the last cue before it, else by the section."""

    def __init__(self, para: str, section_kind: Optional[str]):
        masked = _NOT_TARGET.sub(lambda m: "已经" * (len(m.group()) // 2) + "已" * (len(m.group()) % 2), para)
        cues = [(m.end(), "target") for m in _TARGET_STRONG.finditer(masked)]
        cues += [(m.end(), "actual") for m in _ACTUAL_STRONG.finditer(masked)]
        if section_kind != "actual":
            cues += [(m.end(), "target") for m in _TARGET_WEAK.finditer(masked)]
        if section_kind != "target":
            cues += [(m.end(), "actual") for m in _ACTUAL_WEAK.finditer(masked)]
        cues.sort(key=lambda c: (c[0], c[1] == "actual"))  # at the same end, actual wins
        self.ends = [c[0] for c in cues]
        self.kinds = [c[1] for c in cues]
        self.default = section_kind or "actual"

    def at(self, pos: int) -> str:
        i = bisect_right(self.ends, pos) - 1
        return self.kinds[i] if i >= 0 else self.default


def find_indicators(text: str, residue=()) -> list[RawIndicator]:
    """All indicators of a (Simplified, half-width, line-joined) text, in order."""
    out: list[RawIndicator] = []
    section_kind: Optional[str] = None
    for ppos, para in _paragraphs(text):
        if not para.strip():
            continue
        if _HEADING.match(para) and len(para) < 60:
            # a new section: its heading says review, plan, or neither (then the cues decide)
            review = bool(_SECTION_ACTUAL.search(para))
            plan = bool(_SECTION_TARGET.search(para)) or (
                not review and bool(re.search(r"(?:(?:19|20)\d\d|今)年.{0,4}(?:工作|任务)", para)))
            section_kind = "actual" if review and not plan else "target" if plan and not review else None
        if not _GATE.search(para):
            continue
        cues = _Cues(para, section_kind)
        for sm in _SENT.finditer(para):
            sent = sm.group()
            if not sent.strip() or not _GATE.search(sent):
                continue
            out.extend(_sentence_indicators(sent, ppos + sm.start(), cues, sm.start(), residue))
    return out


def _sentence_indicators(sent: str, base: int, cues: "_Cues", offset: int, residue) -> list[RawIndicator]:
    qs = _quantities(sent)
    specials = _special_quantities(sent)
    if specials:
        qs = sorted([q for q in qs if not any(sp.start <= q.start < sp.end for sp in specials)] + specials,
                    key=lambda q: q.start)
    qs = [q for q in qs if not _skip(sent, q, [(a - base, b - base) for a, b in residue])]
    if not qs:
        return []
    # classify each quantity: value, change, or from-value of 由X提高到Y
    roles = []
    for qi, q in enumerate(qs):
        if qi and roles and roles[-1] is not None and re.fullmatch(r"\s*[、和及与]\s*", sent[qs[qi - 1].end:q.start]):
            prev_role = roles[-1]
            roles.append((prev_role[0].replace("_series", "") + "_series",) + prev_role[1:3] + (q.start,))
            continue
        before = sent[max(0, q.start - 16):q.start]
        cm = _CHANGE_VERB.search(before)
        if q.raw_unit == "番":
            basis = re.search(r"(?:比(?:\d{4}年|[^\s，。；、]{1,8}?))$", before)
            roles.append(("change", "up", basis.group() if basis else None, q.start - (len(basis.group()) if basis else 0)))
            continue
        if q.raw_unit == "倍" and not cm:
            roles.append(None)
            continue
        if cm and cm.group("verb") == "增" and before[: cm.start("verb") - len(before)].endswith("新"):
            cm = None  # 新增 is a count of the new, not a change
        if cm and not _TO_VERB.search(before):
            verb = cm.group("verb")
            direction = "down" if re.fullmatch(_DOWN, verb) else "up"
            if verb == "翻":
                roles.append(None)
                continue
            roles.append(("change", direction, cm.group("basis"), q.start - len(cm.group())))
        else:
            roles.append(("value", None, None, q.start))
    items: list[dict] = []
    for i, (q, role) in enumerate(zip(qs, roles)):
        if role is None:
            continue
        # a quantity inside a name (新增纳税超100万元企业64家): the next quantity
        # follows after a few name characters with no verb or boundary between
        if i + 1 < len(qs) and roles[i + 1] and roles[i + 1][0] == "value":
            gap = sent[q.end:qs[i + 1].start]
            if 1 <= len(gap) <= 8 and not any(c in _BOUNDARY for c in gap) and not re.search(
                rf"{_UP}|{_DOWN}|达|为|是|占|和|的|到|至|比", gap
            ):
                continue
        items.append({"q": q, "role": role, "i": i})

    results: list[RawIndicator] = []
    pending: Optional[dict] = None  # the indicator being built

    def flush():
        nonlocal pending
        if pending is not None:
            r = _finish(sent, base, pending, cues, offset)
            if r is not None:
                results.append(r)
            pending = None

    k = 0
    while k < len(items):
        it = items[k]
        q, role = it["q"], it["role"]
        if role[0].endswith("_series"):
            flush()
            if role[0] == "value_series":
                pending = {"q": q, "change": None, "name_end": q.start, "start": q.start, "end": q.end, "series": True}
            else:
                unit = "times" if q.raw_unit == "倍" else _canon_unit(q.unit)
                ch = Change(q.value, unit, role[1], q.value_high, q.qualifier if q.qualifier != "range" else None, role[2])
                pending = {"q": None, "change": ch, "name_end": q.start, "start": q.start, "end": q.end, "series": True}
            k += 1
            continue
        if role[0] == "value":
            # 由46.9%提高到48.2% / 从去年的2.1%提高到2.3%: the pair is one indicator
            nxt = items[k + 1] if k + 1 < len(items) else None
            if nxt is not None and nxt["role"][0] == "value":
                gap = sent[q.end:nxt["q"].start]
                pre = sent[max(0, q.start - 8):q.start]
                if re.search(r"[由从]", pre) and re.fullmatch(
                    rf"(?:{_UP}|{_DOWN}|达|降|升)?(?:了)?(?:到|至)(?:{_YEAR_WORD}的?|去年(?:底|末)?的?|上年的?)?", gap
                ):
                    flush()
                    down = re.match(_DOWN, gap) is not None or (nxt["q"].value or 0) < (q.value or 0)
                    ch = None
                    if q.value is not None and nxt["q"].value is not None:
                        diff = round(abs(nxt["q"].value - q.value), 6)
                        unit = "pp" if q.unit == "%" else _canon_unit(q.unit)
                        ch = Change(diff, unit, "down" if down else "up")
                    start = sent.rfind("由", 0, q.start) if "由" in pre else sent.rfind("从", 0, q.start)
                    pending = {"q": nxt["q"], "change": ch, "name_end": start, "start": start, "fromto": True}
                    flush()
                    k += 2
                    continue
            # value after a change of the same measure: 上升3个百分点，达到51.2%
            # (a bare comma is not enough: 增长5%，100个项目开工 starts a new measure)
            gap = sent[pending["end"]:q.start] if pending is not None else ""
            if (pending is not None and pending.get("q") is None and _continues(sent, pending["end"], q.start)
                    and (gap.strip(" ，,") or not gap.strip())):
                pending["q"] = q
                pending["end"] = q.end
                k += 1
                continue
            flush()
            pending = {"q": q, "change": None, "name_end": q.start, "start": q.start, "end": q.end}
        else:
            _, direction, basis, vstart = role
            unit = _canon_unit(q.unit)
            if q.raw_unit == "倍":
                unit = "times"
            ch = Change(q.value, unit, direction, q.value_high, q.qualifier if q.qualifier != "range" else None, basis)
            if pending is not None and pending.get("change") is None and _continues(sent, pending["end"], vstart):
                pending["change"] = ch
                pending["end"] = q.end
            else:
                flush()
                pending = {"q": None, "change": ch, "name_end": vstart, "start": vstart, "end": q.end}
        k += 1
    flush()
    results = _split_series(sent, base, results)
    for k in range(1, len(results)):
        cur, prev = results[k], results[k - 1]
        gap = sent[prev.span[1] - base:cur.span[0] - base]
        if not cur.name and prev.name and re.fullmatch(
            rf"[，,]\s*{_YEAR_WORD}(?:又?(?:为|达到|达|是|增加到|提高到|上升到|下降到))?", gap
        ):
            # 农民人均纯收入，1982年为270元，1987年为463元
            results[k] = replace(cur, name=prev.name, name_span=prev.name_span)
        elif not cur.name and prev.name and cur.unit == prev.unit and cur.unit and not _GATE.search(gap):
            # 物价涨幅要从14.8%降到10%左右，经过努力，实际回落到6.1%: the same measure again
            results[k] = replace(cur, name=prev.name, name_span=prev.name_span)
    return results


def _continues(sent: str, end: int, start: int) -> bool:
    """Whether the text between two quantities continues one measure's clause."""
    gap = sent[end:start]
    if len(gap) > 24:
        return False
    if any(c in _STRONG_BOUNDARY for c in gap):
        return False
    core = re.sub(r"^[，,\s]*", "", gap)
    # nothing but a basis, a verb and modifiers between them
    return bool(
        re.fullmatch(
            rf"{_MODIFIER}(?:同比|比上年同期|比上年|比去年|比上一年|比前一年|比[^\s，。；、]{{1,6}}?)?(?:实际|名义|平均每年|平均|年均|分别|累计|又|再|还|共|均|约|已|就|可以|将)?"
            rf"(?:{_UP}|{_DOWN}|达到|达|为|是|有|至|到)?(?:了)?(?:约|近|超过|超)?",
            core,
        )
    )


def _canon_unit(unit: Optional[str]) -> Optional[str]:
    if unit is None:
        return None
    return _UNIT_CANON.get(unit, unit)


_ACTION_ONLY = re.compile(
    r"(?:新|累计|全年|共|再)?(?:建成|新建|新增|改造|打造|举办|开展|培育|引进|建设|完成|推出|实施|提供|发放|创建|认定|"
    r"落地|签约|招引|出台|开通|布局|部署|改建|新开|开工|竣工|投用|启动|组织|帮助|支持|带动|吸引|解决|安置|救助|转移|培训|建立|设立|"
    r"投入|预留|拨款|拨出|投资|惠及|受益|结束|办好|推动|大力推动|启动建设)"
)
_GENERIC = {"目标", "任务", "水平", "规模", "总量", "其中", "合计", "总计", "共计"}
_CLASSIFIERS = {"个", "家", "项", "名", "位", "所", "座", "条", "件", "只", "头", "台", "辆", "艘", "架", "处"}


def _finish(sent: str, base: int, p: dict, cues: "_Cues", offset: int) -> Optional[RawIndicator]:
    q: Optional[_Q] = p["q"]
    ch: Optional[Change] = p["change"]
    name_end = p["name_end"]
    cs = _clause_start(sent, name_end)
    raw = "" if p.get("series") else sent[cs:name_end]
    name, lead, tail = _clean_name(raw)
    back_verb = (rf"\s*{_YEAR_WORD}?(?:定为|确定为|为|是|预期为|预计为|要达到|达到)\s*"
                 if not p.get("fromto") else r"\s*")
    if not name and re.search(r"(?:定为|为|是|达到|达)\s*$", raw):
        back_verb = r".*"  # 农民的纯收入，全国平均每人达到三百五十五元: only modifiers before the verb
    if ch is not None and q is None and not raw.strip() and cs > 1 and sent[cs - 1] in "，,":
        prev = sent[_clause_start(sent, cs - 1):cs - 1]
        if len(prev) <= 20 and not re.search(r"\d|[一二三四五六七八九十百千万亿]{2,}", prev):
            back_verb = r"\s*"  # 医院病床数，比上一年增长百分之十一点七
    if not name and not p.get("series") and cs > 0 and sent[cs - 1] in "，," and re.fullmatch(back_verb, raw):
        # 今年经济增长速度的宏观调控目标，定为百分之八至九: the name is a clause back
        cs2 = _clause_start(sent, cs - 1)
        if not _GATE.search(sent[cs2:cs - 1]):
            name, lead, tail = _clean_name(sent[cs2:cs - 1])
            cs = cs2
    name_span = (base + cs + lead, base + cs + lead + len(name)) if name else None
    if name in ("经济", "国民经济", "本港经济", "台湾经济") and ch is not None:
        # 经济增长7% / 經濟成長3.1%: the measure is called 经济增长
        grow = re.match(r"(?:实际|平均|年均)?(增长|成长)", sent[cs + lead + len(name):])
        if grow:
            name_span = (name_span[0], name_span[1] + grow.end())
            name = sent[name_span[0] - base:name_span[1] - base]
    first = q.start if q is not None else p["start"]
    if q is not None and ch is None and (q.unit not in ("%", "‰") or not name) and sent[q.end:q.end + 1] == "的":
        # 三万多亩的可利用土地, 3000-4000亩的用地指标: the name follows
        after = _name_after(sent, q.end)
        if after:
            name_span = None
    if name and q is not None and (_ACTION_ONLY.fullmatch(name) or name in _GENERIC):
        # 建成100个社区食堂: the verb before, the thing counted after
        after = _name_after(sent, q.end)
        if after:
            name_span = None
    if name_span is None and q is not None and ch is None and q.unit in _CLASSIFIERS and not sent[cs:name_end].strip():
        # 5个欠发达乡地处……: a count opening a clause is its subject, not a measure
        return None
    if name_span is None:
        # only a figure names what follows it (三万多亩的可利用土地); a change
        # followed by 的 modifies something else (递增7.9%的基础上)
        after = None if p.get("series") or q is None else _name_after(sent, q.end)
        if after:
            name = sent[after[0]:after[1]]
            name_span = (base + after[0], base + after[1])
    end = max(p.get("end", 0), q.end if q else 0)
    start = name_span[0] if name_span and name_span[0] < base + first else base + min(first, p["start"])
    if name_span and name_span[0] > base + first:
        end = max(end, name_span[1] - base)
    value = q.value if q else None
    unit = _canon_unit(q.unit) if q else None
    if unit == "pp" and q is not None and ch is None:
        unit = "%"
    qualifier = q.qualifier if q else (ch.qualifier if ch else None)
    year = _year_in(sent, first)
    kind = cues.at(offset + first)
    return RawIndicator(
        name=name,
        name_span=name_span,
        value=value,
        value_high=q.value_high if q else None,
        unit=unit,
        qualifier=qualifier,
        change=ch,
        kind=kind,
        year=year,
        span=(start, base + end),
    )


def _split_series(sent: str, base: int, results: list[RawIndicator]) -> list[RawIndicator]:
    """Name the members of a 分别 series: A和B分别增长x%和y% → A: x, B: y."""
    out = list(results)
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and not out[j + 1].name and out[j + 1].span[0] - out[j].span[1] <= 2:
            j += 1
        if j > i and out[i].name:
            n = j - i + 1
            first = out[i]
            if first.name_span and len(re.findall(r"[和、及与]", first.name)) + 1 < n:
                # 电子信息、高端装备制造、现代消费品营业收入分别达到……: the names run back over 、
                pos = first.name_span[0] - base
                while pos > 1 and sent[pos - 1] == "、" and len(re.findall(r"[和、及与]", sent[pos - 1:first.name_span[1] - base])) + 1 <= n:
                    j = _clause_start(sent, pos - 1)
                    if j >= pos - 1:
                        break
                    pos = j
                lead = _LEAD_STRIP.match(sent[pos:first.name_span[0] - base])
                pos += lead.end() if lead else 0
                first = replace(first, name=sent[pos:first.name_span[1] - base], name_span=(base + pos, first.name_span[1]),
                                span=(min(first.span[0], base + pos), first.span[1]))
                out[i] = first
            bounds = [0] + [m.end() for m in re.finditer(r"[和、及与]", first.name)]
            ends = [m.start() for m in re.finditer(r"[和、及与]", first.name)] + [len(first.name)]
            if len(bounds) == n and all(e > b for b, e in zip(bounds, ends)) and first.name_span:
                ns = first.name_span[0]
                last_b, last_e = bounds[-1], ends[-1]
                for k in range(n):
                    b, e = bounds[k], ends[k]
                    width = e - b
                    span = (ns + b, ns + e)
                    head = first.name[last_b + width:last_e]
                    if k < n - 1 and width <= 3 and len(head) >= 4 and head[0] not in "（(":
                        # 城镇和农村常住居民人均可支配收入: parallel modifiers share the head noun
                        span = ((ns + b, ns + e), (ns + last_b + width, ns + last_e))
                        name = first.name[b:e] + first.name[last_b + width:last_e]
                    else:
                        name = first.name[b:e]
                    out[i + k] = replace(out[i + k], name=name, name_span=span)
            else:
                for k in range(1, n):
                    out[i + k] = replace(out[i + k], name=first.name, name_span=first.name_span)
        i = j + 1
    return out
