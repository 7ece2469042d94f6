"""Target or actual: the section a figure stands in, and the cues before it in its paragraph.

Strong cues decide anywhere; weak ones (将, 今年, 了, 已 …) only where the
section does not already say the opposite: a review section's
将提高研发费用加计扣除比例 does not make its figures targets.  The cue lists are
in ``policytext/data/kind_cues.tsv``.

>>> c = Cues("今年经济增长预期目标为5%左右，去年增长5.2%", None)
>>> c.at(len("今年经济增长预期目标为")), c.at(len("今年经济增长预期目标为5%左右，去年增长"))
('target', 'actual')
>>> section_kind("一、2024年工作回顾"), section_kind("二、2025年工作安排"), section_kind("三、坚持党的领导")
('actual', 'target', None)
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Optional

from .._data import data_groups
from .._rx import Fast

__all__ = ["Cues", "ListCarry", "section_kind", "next_section", "HEADING", "year_in", "heading_year", "described_year"]

_CUES = data_groups("kind_cues.tsv")


def _alt(name: str) -> Fast:
    """The cues of ``name`` as one pattern, each opening lookbehind moved after the character it guards.

    ``(?<![比从由])去年`` matches where ``去(?<![比从由]去)年`` does; but a pattern
    whose every branch opens with a character lets the engine skip the
    characters no branch opens with, where a lookbehind is tried at every one
    (the cues of a one-line text's 4,000-character pieces read twice as fast).

    >>> _lookbehind_after("(?<![比从由])去年"), _lookbehind_after("(?<![为除到])了(?!解)")
    ('去(?<![比从由]去)年', '了(?<![为除到]了)(?!解)')
    """
    return Fast("|".join(_lookbehind_after(c) for c in _CUES[name]))


def _lookbehind_after(cue: str) -> str:
    return re.sub(r"^\(\?<!\[([^\]]+)\]\)([\u4e00-\u9fff])", r"\2(?<![\1]\2)", cue)


_TARGET_STRONG = _alt("target_strong")
_TARGET_WEAK = _alt("target_weak")  # 控制在 is weak: a review says 居民消费价格涨幅控制在2.6% of a result
_NOT_TARGET = _alt("not_target")  # 好于预期 / 超过预期 / 低于预期 are reports on a target, not targets
_TARGET_CLAUSE = _alt("target_clause")  # 应当, 必须: up to their clause's end only
_NO_CUE = _alt("no_cue")  # 有计划地, 计划生育: a cue's characters in a word that is no cue
_ACTUAL_STRONG = _alt("actual_strong")
_ACTUAL_WEAK = _alt("actual_weak")
_SECTION_ACTUAL = _alt("section_actual")
_SECTION_TARGET = _alt("section_target")
HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)")


def section_kind(heading: str) -> Optional[str]:
    """What a section heading says its figures are: review (actual), plan (target), both
    (mixed: 1998年工作回顾和1999年工作的总体要求; the cues decide), or neither (None)."""
    review = bool(_SECTION_ACTUAL.search(heading))
    plan = bool(_SECTION_TARGET.search(heading)) or (
        not review and bool(re.search(r"(?:(?:19|20)\d\d|今)年.{0,4}(?:工作|任务)", heading)))
    return "actual" if review and not plan else "target" if plan and not review else "mixed" if review else None


def next_section(current: Optional[str], heading: str) -> Optional[str]:
    """The section kind after a heading: its own, else a plan goes on (三、加强政府自身建设
    after 二、2025年工作安排 sets goals too), else none.

    >>> next_section("target", "三、全面加强政府自身建设"), next_section("actual", "二、坚持党的领导")
    ('target', None)
    """
    kind = section_kind(heading)
    if kind is not None:
        return kind
    return current if current == "target" else None


# Within a section the section decides, with three exceptions that name their time outright:
# a review quoting an earlier plan (去年政府工作报告提出，……控制在10%以内) until the
# sentence ends or the outcome follows (实际, 结果); in a plan, from a sentence that opens on
# a past period to the paragraph's end (五年来，……), a sentence that opens on last year ( 去年全国财政……超收7239亿元), and a clause
# saying what is already done (国家已设立400亿元……).
_QUOTED_PLAN = Fast(r"(?:报告|计划|规划|会议|纲要)》?中?曾?(?:提出|确定|要求)了?|到本世纪(?:末|中叶)")
_QUOTE_ENDS = re.compile(r"[。；！？;!?]|实际|结果")
_PAST_OPENING = Fast(r"(?:^|(?<=[。；！？;!?]))\s*(?:(?:过去|这)的?[一二三四五六七八九十两\d]+年|[一二三四五六七八九十两\d]+年(?:来|间))")
_PAST_SENTENCE = Fast(r"(?:^|(?<=[。；！？;!?]))\s*(?:去年|上年)[^。；！？;!?]*")
_ALREADY = Fast(r"(?<![要将])已(?:经)?(?!有|是|在|成为)(?![^，。；！？;!?的]{0,8}的)[^，。；！？;!?]*")


class Cues:
    """The kind at a position of one paragraph: the section's when the paragraph
    stands in a review or plan section, whatever cue words it holds (a review
    paragraph that opens with 主要目标 reports results; 争取……资金 in a review is
    money secured); else the last cue before the position (力争, 将 … against
    已, 了, 完成 …); else actual.

    >>> Cues("主要目标全面完成，粮食产量达到1.4万亿斤", "actual").at(12)
    'actual'
    >>> Cues("争取中央预算内投资155亿元", "actual").at(10)
    'actual'
    >>> c = Cues("去年政府工作报告提出，要把物价涨幅控制在10%以内，实际上涨21.7%", "actual")
    >>> c.at(len("去年政府工作报告提出，要把物价涨幅控制在")), c.at(len("去年政府工作报告提出，要把物价涨幅控制在10%以内，实际上涨"))
    ('target', 'actual')
    >>> Cues("五年来，国内生产总值年均增长9.5%", "target").at(12)
    'actual'

    Without a heading, tense and aspect decide:

    >>> [Cues(p, None).at(len(p)) for p in ("19个城中村改造项目全部开工建设", "城乡居民收入分别增长", "将完成造林", "力争实现")]
    ['actual', 'actual', 'target', 'target']
    """

    def __init__(self, para: str, section: Optional[str], default: Optional[str] = None):
        self.para, self.section = para, section
        self.default = section if section in ("actual", "target") else default or "actual"
        self.ends: Optional[list] = None  # read on first use: most paragraphs hold no indicator

    def _read(self) -> None:
        para, section = self.para, self.section
        if section == "actual":
            cues = [(m.end(), "target") for m in _QUOTED_PLAN.finditer(para)]
            if cues:
                cues += [(m.end(), "actual") for m in _QUOTE_ENDS.finditer(para)]
            self._set(cues)
            return
        if section == "target":
            past = _PAST_OPENING.search(para)
            cues = [(past.start(), "actual"), (len(para), "target")] if past else []
            for m in (*_PAST_SENTENCE.finditer(para), *_ALREADY.finditer(para)):
                cues += [(m.start(), "actual"), (m.end(), "target")]
            self._set(cues)
            return
        masked = _not_targets_masked(para)
        cues = [(m.end(), "target") for m in _TARGET_STRONG.finditer(masked)]
        cues += [(m.end(), "actual") for m in _ACTUAL_STRONG.finditer(masked)]
        cues += [(m.end(), "target") for m in _TARGET_WEAK.finditer(masked)]
        cues += [(m.end(), "actual") for m in _ACTUAL_WEAK.finditer(masked)]
        self._set(cues)
        scoped = [(m.end(), _clause_end(masked, m.end())) for m in _TARGET_CLAUSE.finditer(masked)]
        if scoped:
            cues += [(start, "target") for start, _ in scoped] + [(end, self.at(end)) for _, end in scoped]
            self._set(cues)

    def _set(self, cues: list) -> None:
        cues.sort(key=lambda c: (c[0], c[1] == "actual"))  # at the same end, actual wins
        self.ends = [c[0] for c in cues]
        self.kinds = [c[1] for c in cues]

    def at(self, pos: int) -> str:
        if self.ends is None:
            self._read()
        i = bisect_right(self.ends, pos) - 1
        return self.kinds[i] if i >= 0 else self.default


_CLAUSE_END = re.compile(r"[，,](?!即)|[；;。！？!?]")  # ，即 restates the clause before it


def _clause_end(para: str, pos: int) -> int:
    """Where the clause holding ``pos`` ends (after its ， or 。, a restating ，即…
    included), or the paragraph's end.

    >>> _clause_end("农村劳动力一般应当不少于80%。每人收入85元", 8), _clause_end("粮食产量要增长13.7%，即增产466亿斤，棉花", 5)
    (16, 22)
    """
    m = _CLAUSE_END.search(para, pos)
    return m.end() if m else len(para)


_LIST_ITEM = re.compile(r"\s*(?:[O○●•·▪]\s|[^，。；：:\d]{1,10}[：:])")


class ListCarry:
    """The kind a list's items inherit from the paragraph introducing them, where no heading decides:
    a plan's measures (我們會在下一學年採取以下措施：) set goals item after item
    (O 為超過三萬名教師提供更多應用資訊科技的訓練), unless an item's own cues say otherwise.

    >>> carry = ListCarry()
    >>> [carry.next(p, None) for p in ("我们会在下一学年采取以下措施：", "O 为超过三万名教师提供训练；", "O 增加电脑数目。", "89. 香港每年制作超过一百部电影。")]
    ['target', 'target', 'target', None]
    """

    def __init__(self) -> None:
        self.kind: Optional[str] = None

    def next(self, para: str, section: Optional[str]) -> Optional[str]:
        """The default kind of ``para`` (None: the cues' own), and the carry after it updated."""
        if section is not None:
            self.kind = None
        elif para.rstrip().endswith(("：", ":")):
            self.kind = "target" if Cues(para, None).at(len(para)) == "target" else None
            return self.kind
        elif not _LIST_ITEM.match(para):
            self.kind = None
        return self.kind


def _not_targets_masked(para: str) -> str:
    """``para`` with each report on a target (好于预期, 超过预期) written over with 已 (a cue of
    results), so that its 预期 is no target cue, and each word that is no cue (有计划地) with
    口 (no cue at all); offsets unchanged.

    >>> _not_targets_masked("增长好于预期，预期增长5%"), _not_targets_masked("有计划地进行建设")
    ('增长已经已经，预期增长5%', '口口口口进行建设')
    """
    marks = [(m.start(), m.end(), "已") for m in _NOT_TARGET.finditer(para)]
    marks += [(m.start(), m.end(), "口") for m in _NO_CUE.finditer(para)]
    if not marks:
        return para
    pieces, pos = [], 0
    for start, end, fill in sorted(marks):
        if start < pos:
            continue
        n = end - start
        pieces += [para[pos:start], "已经" * (n // 2) + "已" * (n % 2) if fill == "已" else fill * n]
        pos = end
    return "".join(pieces) + para[pos:]


_YEAR = re.compile(r"(?:(?P<y>(?:1 ?9|2 ?0) ?\d ?\d) ?|(?P<cn>[一二三四五六七八九〇○零][一二三四五六七八九〇○零\d]{3})|(?P<anon>[Xx]{2}))年")
_CN4 = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")}
_CN4.update({"○": "0", "零": "0"}, **{d: d for d in "0123456789"})  # 二００一年: numerals mixed with digits


# a year a figure is compared with (比1954年, 同1952年的实际数字作比较, 以一九五四年为基数, 按一九五七年
#不变价格) or starts from (从一九五六年开始, 由一九五二年的26.7%上升到, 2018年以来) is not the year the
# figure is about
_NOT_ITS_YEAR_BEFORE = frozenset("比较同与")
_FROM = frozenset("由从")  # 由一九五二年的26.7%上升到36%: the year of the 26.7%, not of the 36%
_TO = re.compile(r"[^，,；;。]*?[到为至]")
_NOT_ITS_YEAR_AFTER = re.compile(r"\s?(?:开始|起|以来|(?:为|的)?基[数期]|的?不变价格)")


def year_in(sentence: str, upto: int) -> Optional[int]:
    """The last year named in a sentence before ``upto`` (an XX年 of a template clears it),
    less the years a figure is compared with or counted from.

    >>> year_in("一九九二年粮食产量达到4400亿公斤", 10), year_in("二001年，我国国内生产总值达到九万亿元", 15)
    (1992, 2001)
    >>> s = "计划规定，一九五九年的工业和手工业总产值比一九五八年增长百分之四十一"
    >>> year_in(s, len(s) - 6), year_in("从一九五六年开始，在十二年内，分别达到四百斤", 20)
    (1959, None)
    >>> s = "积累率由1978年的36.5%降为33.6%"
    >>> year_in(s, s.index("36.5")), year_in(s, s.index("33.6"))
    (1978, None)
    """
    last = None
    for m in _YEAR.finditer(sentence, 0, upto):
        before = sentence[m.start() - 1] if m.start() else ""
        if before in _NOT_ITS_YEAR_BEFORE or _NOT_ITS_YEAR_AFTER.match(sentence, m.end()):
            continue
        if before in _FROM and _TO.match(sentence, m.end(), upto):
            continue
        if m.group("y"):
            last = int(m.group("y").replace(" ", ""))
        elif m.group("cn"):
            last = int("".join(_CN4[c] for c in m.group("cn")))
        else:
            last = None
    return last


def heading_year(heading: str) -> Optional[int]:
    """The year a section heading is about: the first it names.

    >>> heading_year("一、1993年国内工作的回顾和1994年工作的基本方针"), heading_year("一、过去五年工作回顾")
    (1993, None)
    """
    m = _YEAR.search(heading)
    return year_in(m.group(), len(m.group())) if m else None


# a change on the year before (比上年, 同比, 按年) describes the year the text is about
_ON_LAST_YEAR = re.compile(r"同比|按年|比上年(?:同期)?|比上一年|比前一年")
# the year a paragraph is about: one that opens what follows (１９８４年，我国农业……), not one
# a figure is compared with or aimed at (比1978年, 到2020年, 2018年以来); a relative year
# (去年, 今年) after it leaves the year unknown
_TOPIC = re.compile(r"(?<![比较到至从由于同])" + _YEAR.pattern + r"(?:底|末)?(?![底末以来前后至到—\-和、]|的基础|相比)"
                    r"|(?<![比较])(?P<rel>今年|去年|明年|上年|前年|上半年|下半年|过去五年|[两三四五六七八九十\d]+年来)")


def described_year(basis: Optional[str], para: str, upto: int, section_year: Optional[int]) -> Optional[int]:
    """The year a 比上年 change describes when its sentence names none: the year its paragraph
    is about (the last one named before ``upto``), else its section's (一、2009年工作回顾).

    >>> p = "1984年，我国农业又获得了大丰收。粮食产量达到四亿零七百多万吨，比上年增长5.1%"
    >>> described_year("比上年", p, p.index("粮食"), None), described_year("比上年", "粮食产量……", 0, 2009)
    (1984, 2009)
    >>> described_year("比上年", "把1984年末至1985年一度出现的经济过热现象调整过来。社会总产值增长", 40, None)
    >>> described_year("比上年", "去年居民消费价格总水平比上年上涨4.8%", 2, 2008), described_year("比原计划", p, 30, 2009)
    (None, None)
    """
    if not basis or not _ON_LAST_YEAR.fullmatch(basis):
        return None
    year = section_year
    for m in _TOPIC.finditer(para, 0, upto):
        year = None if m.group("rel") or m.group("anon") else year_in(m.group(), len(m.group()))
    return year
