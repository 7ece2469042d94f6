"""Names of measures: the words before a number (or after it), less verbs and function words.

The strip lists are in ``policytext/data/name_strips.tsv``.

>>> clean_name("全年实现区属生产总值")
('区属生产总值', 4, 0)
>>> clean_name("城镇居民人均可支配收入分别")
('城镇居民人均可支配收入', 0, 2)
>>> clean_name("在此基础上")  # nothing left of a measure
('', 0, 5)
>>> clean_name("煤炭、电解铝分别淘汰落后生产能力")  # a list's name ends before 分别
('煤炭、电解铝', 0, 10)
>>> clean_name("今年力争分别淘汰")  # nothing measured before 分别: the names are elsewhere
('', 4, 4)
"""
from __future__ import annotations

import re
from typing import Optional

from .._data import data_groups
from .._rx import finder

__all__ = ["AND", "TIME_AHEAD", "YEAR_WORD", "BOUNDARY", "STRONG_BOUNDARY", "LEAD_STRIP", "ACTION_ONLY", "GENERIC", "MODIFIER",
           "clause_start", "clean_name", "name_after", "quoted_list_before", "topic_before", "topic_name"]

_STRIPS = data_groups("name_strips.tsv")

BOUNDARY = frozenset("，。；：！？、,;:!?《》“”\"「」『』【】\n")
STRONG_BOUNDARY = frozenset("。；！？;!?\n")

LEAD_STRIP = re.compile("^(?:" + "|".join(_STRIPS["lead"]) + ")+")
# where the tail starts (finder: searched from the characters a tail word starts with, not from each one)
_TAIL_SRC = "(?:" + "|".join(_STRIPS["tail"]) + ")+$"
_TAIL_STRIP = finder(_TAIL_SRC)
# a date at the end (计划新开工项目9月底前): tried only on a name that holds 月, as most names hold none
_MONTH_TAIL = re.compile("(?:" + "|".join(_STRIPS["month"]) + ")(?:" + "|".join(_STRIPS["tail"]) + ")*$")
_BREAKER = re.compile(".*(?:" + "|".join(_STRIPS["breaker"]) + ")")
# a name with a verb inside (实现区属生产总值) keeps only what follows the verb; not a verb that modifies
# the name (通过互联网实现的餐饮收入)
_VERB_INSIDE = re.compile(r"(?:实现了|实现|完成了|完成|达到|储备了|争取到|争取|解决了|新建和改造|新?建成|新建|改造|引进|用好|用足|下达|落实)(?!成?的)(?=[\u4e00-\u9fff]{2,}|[A-Za-z0-9]+[\u4e00-\u9fff])")
# 建成100个社区食堂: an action before the number, the thing counted after it
# an adverb may go before it: 基本建成500万套, 加快推进5个, 全面完成25项
# and so are the adverbs and auxiliaries before it: 已预留10亿元, 还会动用九十四亿元, 可望额外提供2 120个
ACTION_ONLY = re.compile("(?:新|累计|全年|合共|共|再|基本|全面|加快|全力|稳步|有序|积极|大力|重点|要|将|已经|已|还|会|可望|可|额外|另|正|准备|只)*"
                         "(?P<verb>" + "|".join(_STRIPS["action"]) + ")了?")
# the topic a clause before opens: 在援助金额方面，还会动用九十四亿元
_TOPIC = re.compile(r"(?:在|就)(?P<topic>[^，。；、,]{2,12}?)方面\s*$")
GENERIC = frozenset({"目标", "任务", "水平", "规模", "总量", "其中", "合计", "总计", "共计"})
MODIFIER = r"(?:按可比价格计算|按现价计算|(?:扣除|剔除|考虑)(?:物价|价格)(?:上涨|下降|变动)?因素)?，?"
# a year as these texts write it: 1987年, 2024年底, 一九八○年, 1 9 9 7 年 (the 1998 report spaces its digits)
YEAR_WORD = r"(?:(?:1 ?9|2 ?0) ?\d ?\d ?年(?:底|末)?|[〇○零一二三四五六七八九]{4}年)"
# a clause of a time ahead and a modal only names nothing: 在未来十年会从, 在来年会 (the name is a clause back)
TIME_AHEAD = re.compile(r"\s*(?:在|于)?(?:(?:未来|今后|往后)[一二三四五六七八九十两几数\d]+个?(?:年|月)(?:内|间)?|来年|下一年)"
                        r"(?:还|亦|也|将|则|仍)?(?:会|将|要|可)?(?:从|由)?\s*")
_CHANGE_START = re.compile(r"(?:扩大|增加|提高|增长|下降|减少|降低|上升)(?!点|速度|率|极|幅|动力|潜力)")
# an adverb, a verb or the stub of a cut word alone names nothing (钢, 煤, 表 do); a preposition
# (对780万名寄宿学生……) is left: what follows it is a clause, not a name
_NO_NAME = frozenset({"比", "计", "這個", "这个", "较", "較", "等"} | set("只这這转轉时時先少加实實现現末高评評人利率省村新间間")
                     | set("一二三四五六七八九十"))
_NAME_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]")
_AFTER_STOP = re.compile(r"(?:提前|得到|得以|获得|实现|完成|达到|用于|用在|投向|投入|享受|参与|参加|开展|提供|实施|刷新|荣获|实行|设立|成立|配备|新(?=获)|(?<!荣)获得?|(?<=[\u4e00-\u9fff])(?:有望|取得|入选|加快|率先|全覆盖|全线|(?<![合兼吞归])并(?![购网联行列入存举重])|(?<![方面导外双定走倾取志意动指转])向)|平均每年|因地制宜|(?:[\d０-９]{1,2}|[一二三四五六七八九十]{1,3})月份?(?:底|末|初|中旬|上旬|下旬)?(?:前|以前)?|年(?:底|末)前?|年内|(?:扩大|增加|提高|增长|下降|减少|降低|上升)(?:到|至|为)|被|已|将|正在|进行|在|是|的|和"
                         r"|(?<![参给])与|(?<![授给赋准])予|(?<![高中初平同均对相])等|全部|全面|(?<![人平])均|都|分别|陆续|相继|先后|顺利|基本)")
# the words that join measures in a list: 、和 及 与, but not inside 普及, 惠及, 参与, 总和, 县级及以上
AND = re.compile(r"、|(?<![普以涉危波触企顾惠遍殃论提])及(?![时格早]|以上|以下)|(?<![参给赋])与|(?<![总温缓饱共祥调柔谦])和(?![谐平睦美顺])")
# a clause that ends in a conjunction before the figure (285所县中医院和534所县妇幼保健院): the figure
# opens the next member of a list, named by what follows it; not 碳中和, 可感可及
_YEAR_BACK = re.compile(r".+")
_AND_ENDS = frozenset("、和及与")
_ENDS_AND = re.compile(r"(?:以及|(?<!碳中)(?:" + AND.pattern + r"))$")


def clause_start(text: str, pos: int, limit: int = 40) -> int:
    """Where the clause holding ``pos`` starts (after the last boundary, at most ``limit`` back).

    >>> t = "粮食增产，工业增加值增长10%"
    >>> t[clause_start(t, t.index("增长")):]
    '工业增加值增长10%'
    """
    i = pos
    lo = max(0, pos - limit)
    while i > lo and text[i - 1] not in BOUNDARY:
        i -= 1
    return i


def clean_name(raw: str) -> tuple[str, int, int]:
    """Strip verbs and function words around a name; return (name, lead, tail) trimmed counts."""
    s = raw.strip()
    lead = len(raw) - len(raw.lstrip())
    cut = s.find("分别")
    if cut > 0 and clean_name(s[:cut])[0]:
        # 煤炭、电解铝分别淘汰落后生产能力: what follows 分别 is said of each measure named before it
        s, cut_off = s[:cut], len(s) - cut
    else:
        cut_off = 0
    b = _BREAKER.match(s)
    if b and b.end() < len(s) and clean_name(s[b.end():])[0]:
        lead += b.end()
        s = s[b.end():]
    m = LEAD_STRIP.match(s)
    if m and m.end() < len(s):
        lead += m.end()
        s = s[m.end():]
    elif m:
        return "", lead + len(s), cut_off
    if s[:1] in ("的", "了") and len(s) > 2 and not s.startswith("了解"):
        # 的就业人数, 目前的……, 提出了钢产量: a name never opens with 的 or 了
        lead += 1
        s = s[1:]
    m = _TAIL_STRIP.search(s)
    if "月" in s[-12:]:
        d = _MONTH_TAIL.search(s)
        m = d if d and (m is None or d.start() < m.start()) else m
    tail = cut_off
    if m and m.start() > 1 and s[m.start()] == "年" and s[m.start() - 1] in "今去上明本当":
        m = _YEAR_BACK.match(s, m.start() - 1)  # 就业率去年底达到: 去年底 goes whole, not 年底 alone
    if m and m.start() > 0:
        tail += len(s) - m.start()
        s = s[: m.start()]
    elif m and m.start() == 0:
        return "", lead, tail + len(s)
    m2 = _VERB_INSIDE.search(s)
    if m2 and m2.end() < len(s):
        lead += m2.end()
        s = s[m2.end():]
    if s[-1:] in _AND_ENDS and _ENDS_AND.search(s, max(0, len(s) - 3)) and not s.endswith("可及"):
        # 新增3个硕士授予单位和: the figure that follows belongs to the next member of the list
        return "", lead, tail + len(s)
    if s in _NO_NAME:
        # 比一九五二年的八百二十七亿元增长, 占百分之六十: a preposition or a verb alone names nothing
        return "", lead, tail + len(s)
    if s.startswith("分别"):
        # 今年力争分别淘汰: only the verb is left; the measures are named elsewhere (a clause before, a quoted list)
        return "", lead, tail + len(s)
    return s, lead, tail


_COPULA = re.compile(r"(?<![求不但可还总只凡或要若硬正而于就也都即更])是(?![否非])")


def topic_name(clause: str) -> tuple[str, int, int]:
    """The name a clause before the figure sets: a copular clause (X是Y) names its subject X, the
    measure the figure's clause then speaks of; else the clause's name as :func:`clean_name` finds it.

    >>> topic_name("经济增速是综合性指标")  # national/gwr-2021: ，今年预期目标设定为6%以上
    ('经济增速', 0, 6)
    """
    m = _COPULA.search(clause)
    if m and m.start() >= 2:
        name, lead, tail = clean_name(clause[:m.start()])
        if name:
            return name, lead, tail + len(clause) - m.start()
    return clean_name(clause)


_QUOTED_LIST = re.compile(r"(?:[“「][^“”「」，。；]{1,20}[”」](?:、|和|及|与)?)+")


def quoted_list_before(text: str, start: int) -> Optional[int]:
    """Where a list of quoted names that ends at ``start`` begins (a closing quote is a boundary, so the
    clause of the figure starts after it): “上海标准”、“上海品牌”分别新增11个和27项.

    >>> t = "“上海标准”、“上海品牌”分别新增11个和27项"
    >>> quoted_list_before(t, t.index("分别"))
    0
    """
    if start < 2 or text[start - 1] not in "”」":
        return None
    lo = max(0, start - 80)
    for m in _QUOTED_LIST.finditer(text, lo, start):
        if m.end() == start:
            return m.start()
    return None


def name_after(text: str, end: int) -> Optional[tuple[int, int]]:
    """A name that follows the number: 三万多亩的可利用土地, 6600多万农村人口饮水安全问题.

    >>> t = "开发三万多亩的可利用土地"
    >>> s, e = name_after(t, t.index("的"))
    >>> t[s:e]
    '可利用土地'
    """
    i = end
    if text[i:i + 1] == "的":
        i += 1
    elif text[i:i + 1] in ("为", "為") and not text.startswith(("为主", "為主", "为止", "為止"), i):
        i += 1  # 其中18萬名為合資格兒童或青年: a copula, the name follows it
    if i < len(text) and text[i] in "“「":  # 建成102个“美丽街区”: the quoted name, quotes and all
        close = text.find("”" if text[i] == "“" else "」", i + 1, i + 16)
        return (i, close + 1) if close > i + 2 else None
    j = i
    while j < len(text) and j - i < 14 and text[j] not in BOUNDARY:
        j += 1
    chunk = text[i:j]
    if _CHANGE_START.match(chunk):
        return None  # 比一九五二年的八百二十七亿元增长百分之六十八: a base figure, the change follows
    m = _AFTER_STOP.search(chunk)
    if m:
        chunk = chunk[: m.start()]
    chunk = chunk.rstrip()
    if len(chunk) >= 2 and _NAME_CHARS.match(chunk):
        return (i, i + len(chunk))
    return None


def topic_before(text: str, start: int) -> Optional[tuple[int, int]]:
    """The topic the clause before ``start`` sets (在……方面), for a figure whose own clause names
    only an action: 我们在援助金额方面，还会动用九十四亿元.

    >>> t = "我们在援助金额方面，还会动用九十四亿元"
    >>> s, e = topic_before(t, t.index("还"))
    >>> t[s:e]
    '援助金额'
    """
    if start < 2 or text[start - 1] not in "，,":
        return None
    cs = clause_start(text, start - 1)
    m = _TOPIC.search(text, cs, start - 1)
    return m.span("topic") if m else None
