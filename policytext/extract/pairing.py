"""Pairing: tell values from changes and join them into indicators, one sentence at a time.

A verb of change before a number makes it a change (增长10.4%; 涨幅3% is a
value); a value and the change that follows it are one indicator
(221.8亿元增长10.4%), and so are a change and the value that follows it
(上升3个百分点，达到51.2%), a from–to pair (由46.9%提高到48.2%) and the members
of a 分别 series.  The change verbs are in ``policytext/data/change_verbs.tsv``.

>>> [(i.name, i.value, i.change and (i.change.value, i.change.direction)) for i in
...  sentence_indicators("城镇化率由46.9%提高到48.2%", 0, Cues("", None), 0)]
[('城镇化率', 48.2, (1.3, 'up'))]
>>> [(i.name, i.change.value) for i in sentence_indicators("城镇和农村居民人均可支配收入分别增长4.3%和6.1%", 0, Cues("", None), 0)]
[('城镇居民人均可支配收入', 4.3), ('农村居民人均可支配收入', 6.1)]
"""
from __future__ import annotations

import re
from typing import Optional

from .kind import Cues, year_in
from .._rx import Fast
from .names import (ACTION_ONLY, BOUNDARY, GENERIC, MODIFIER, STRONG_BOUNDARY, TIME_AHEAD, YEAR_WORD, clause_start,
                    clean_name, name_after, quoted_list_before, topic_before, topic_name)
from .quantities import CLASSIFIERS, GATE, SERIES_GAP as _SERIES_GAP, Quantity, canon_unit, quantities
from .records import Change, Indicator
from .fromto import DOWN, DOWN_RE as _DOWN_RE, UP, Pending, Role
from .fromto import from_to as _from_to, is_value as _is_value, series_from_to as _series_from_to
from .series import carry_names, distribute, split_series

__all__ = ["sentence_indicators"]

# 较去年同期上升8.3%, 较上年增长 (Hong Kong writes 較 for 比); not 较快增长, 较大幅度
_THAN = "(?<![比相])较(?![快大好高低多少为强慢明显稳])"
# (Fast: these end at $ and open with optional words, so re would try them at each character)
_CHANGE_VERB = Fast(
    rf"(?:(?P<basis>同比|按年(?!度)|比上年|比去年|比上一年|比前一年|比上年同期|比{YEAR_WORD}|(?<![可对])比(?!重|例|率|较)[^\s，。；、]{{1,8}}?|{_THAN}[^\s，。；、]{{1,8}}?)?(?:实际|实质|名义|平均每年|平均|年均|每年|分别|累计|又|再|还|合共|共|均|(?P<about>大约|约)|已)?"
    rf"(?P<verb>{UP}|{DOWN})(?:了)?(?:约|近|超过|超)?)\s*$"
)
# 比……高/低: 城镇居民收入比全国平均水平高1.2个百分点
_COMPARE = Fast(rf"(?P<basis>(?:(?<![可对])比(?!重|例|率|较)|{_THAN})[^\s，。；、]{{1,10}}?)(?:分别|均|都)?(?P<verb>高出|高|低|多|少)(?:了)?\s*$")
# 高于全国……: a gap to a measure named after the verb, 增速高于全国0.7个百分点 (not 不低于, 低于10%)
_ABOVE = Fast(r"(?<!不)(?P<basis>(?P<verb>高于|低于|快于|慢于|优于|高出)[^\s\d，。；、的%％]{1,10}?)\s*$")
_TO_VERB = Fast(rf"(?:{UP}|{DOWN}|达|降|升)(?:到|至)$|(?:达到|达|为|是|有|至|到)$")
# a year as these texts write it: 1987年, 2024年底, 一九八○年
_IN_NAME_GAP = re.compile(rf"{UP}|{DOWN}|达|为|是|占|和|或|的|到|至|比")
_CONTINUES = re.compile(
    rf"{MODIFIER}(?:同比|按年(?!度)|比上年同期|比上年|比去年|比上一年|比前一年|比[^\s，。；、]{{1,6}}?|{_THAN}[^\s，。；、]{{1,6}}?)?(?:实际|实质|名义|平均每年|平均|年均|分别|累计|又|再|还|合共|共|均|约|已|就|可以|将)?"
    rf"(?:{UP}|{DOWN}|达到|达|为|是|有|至|到)?(?:了)?(?:约|近|超过|超)?"
)


_COUNT_DONE = re.compile(r"(?:\d{1,2}月(?:底|末)?前?|年底前|年内)?(?:全部|均已|均|都已|都|已经|已|顺利|陆续|相继|先后|基本|率先|提前)?(?:开工|建成|完成|启动|投产|投用|竣工|通过|实现|达标|获评|入选|列入|落地|签约|开通|通车|挂牌|改造|验收|交付)")
_LEAD_SEP = re.compile(r"^(?:安排)?[，,、\s]*")  # 赤字率拟按2.6%安排，比去年预算低0.4个百分点
_BACK_VERB = re.compile(rf"\s*{YEAR_WORD}?(?:定为|确定为|为|是|预期为|预计为|要达到|达到)\s*")
_SPACES = re.compile(r"\s*")
_ADVERB = re.compile(r"\s*(?:则|将|也|还|又|仍|却|预计将?)?\s*")  # 比重，将由……上升为……
_ANY = re.compile(r".*")
_ENDS_WITH_VERB = re.compile(r"(?:定为|为|是|达到|达)\s*$")
_ENDS_IN_FIGURE = re.compile(r"[\d零〇一二两三四五六七八九十百千万亿%％]\S{0,3}$")
_HAS_NUMBER = re.compile(r"\d|[一二三四五六七八九十百千万亿]{2,}")
_FIGURE_START = re.compile(r"[\d零〇一二两三四五六七八九十百千]")
_MORE_OR_FEWER = re.compile(r"增加|减少|增设|新增")
_GROWTH = re.compile(r"(?:实际|平均|年均)?(增长|成长)")


def _change(q: Quantity, role: Role) -> Change:
    """The change a quantity states; a negative one is a fall (增长-0.5%: 0.5, down).

    >>> _change(Quantity(2, 7, -0.5, None, "%", None, False, "%"), Role("change", False, "up", None, 0))
    Change(value=0.5, unit='%', direction='down', value_high=None, qualifier=None, basis=None)
    """
    unit = "times" if q.raw_unit == "倍" else canon_unit(q.unit)
    value, high, direction = q.value, q.value_high, role.direction
    if value is not None and value < 0 and (high is None or high <= 0):
        value, high = -value, (-high if high is not None else None)
        value, high = (high, value) if high is not None else (value, None)
        direction = "down" if direction == "up" else "up"
    return Change(value, unit, direction, high, q.qualifier if q.qualifier != "range" else None, role.basis)


def _roles(sent: str, qs: list[Quantity]) -> list[Optional[Role]]:
    """Value, change, or nothing (a bare 倍, a 翻 not of doubling) for each quantity."""
    roles: list[Optional[Role]] = []
    for qi, q in enumerate(qs):
        if qi and roles and roles[-1] is not None and _SERIES_GAP.fullmatch(sent, qs[qi - 1].end, q.start):
            prev = roles[-1]
            roles.append(Role(prev.what, True, prev.direction, prev.basis, q.start))
            continue
        before = sent[max(0, q.start - 16):q.start]
        cm = _CHANGE_VERB.search(before)
        if q.raw_unit == "番":
            basis = re.search(rf"(?:比(?:{YEAR_WORD}|[^\s，。；、]{{1,8}}?))$", before)
            roles.append(Role("change", False, "up", basis.group() if basis else None,
                              q.start - (len(basis.group()) if basis else 0)))
            continue
        if q.raw_unit == "倍" and not cm:
            roles.append(None)
            continue
        if cm and cm.group("verb") == "增" and before[: cm.start("verb") - len(before)].endswith("新"):
            cm = None  # 新增 is a count of the new, not a change
        if cm is None and q.raw_unit != "倍":
            cmp = _COMPARE.search(before) or (_ABOVE.search(before) if q.unit is not None else None)
            if cmp:
                direction = "down" if cmp.group("verb") in ("低", "少", "低于", "慢于") else "up"
                roles.append(Role("change", False, direction, cmp.group("basis"), q.start - len(cmp.group())))
                continue
        if cm and not _TO_VERB.search(before):
            verb = cm.group("verb")
            if verb == "翻":
                roles.append(None)
                continue
            direction = "down" if _DOWN_RE.fullmatch(verb) else "up"
            if cm.group("about") and q.qualifier is None:
                qs[qi] = q._replace(qualifier="approx")  # 比一九五二年大约增长百分之四十一点七
            roles.append(Role("change", False, direction, cm.group("basis"), q.start - len(cm.group())))
        else:
            roles.append(Role("value", False, None, None, q.start))
    return roles


def _items(sent: str, qs: list[Quantity], roles: list[Optional[Role]]) -> list[tuple[Quantity, Role]]:
    """The quantities that stand for a measure (not those inside a name: 新增纳税超100万元企业64家)."""
    items = []
    for i, (q, role) in enumerate(zip(qs, roles)):
        if role is None:
            continue
        # the next quantity follows after a few name characters with no verb or boundary between
        if i + 1 < len(qs) and _is_value(roles[i + 1]):
            gap = sent[q.end:qs[i + 1].start]
            if 1 <= len(gap) <= 8 and not any(c in BOUNDARY for c in gap) and not _IN_NAME_GAP.search(gap):
                continue
        items.append((q, role))
    return items


def _continues(sent: str, end: int, start: int) -> bool:
    """Whether the text between two quantities continues one measure's clause.

    >>> _continues("增长5%，达到51.2%", 4, 7), _continues("增长5%。工业达到51.2%", 4, 10)
    (True, False)
    """
    gap = sent[end:start]
    if len(gap) > 24:
        return False
    if any(c in STRONG_BOUNDARY for c in gap):
        return False
    core = _LEAD_SEP.sub("", gap, count=1)
    # nothing but a basis, a verb and modifiers between them
    return bool(_CONTINUES.fullmatch(core))


_NAME_THEN_COMMA = re.compile(r"[\u4e00-\u9fff]{1,12}[，,]")


def _after_name(sent: str, pending: Pending, role: Role) -> bool:
    """A change with a basis after the name that follows a figure is that figure's:
    其中1 530间以香港作为地区总部，比去年同期上升8.3% (not ，总投资比上年增长: a new name)."""
    return (pending.q is not None and role.basis is not None
            and _NAME_THEN_COMMA.fullmatch(sent, pending.end, role.start) is not None)


_EACH_CHANGE = re.compile(r"[，,]\s*[^\s，,]{0,6}?分别")


def _changes_to_values(sent: str, items: list[tuple[Quantity, Role]], k: int, done: list[Pending],
                       pending: Optional[Pending]) -> list[Pending]:
    """The values before a 分别 list of changes that take its changes one to one (the ``done``
    indicators and the ``pending`` one), or none:
    接待游客突破3亿人次，游客花费3595.42亿元，分别增长14%和21% (14% the visitors', 21% the spending's).

    The list opens a clause of its own (a comma, then 分别 and the verb) and holds as many
    changes as there are figures just before it, each a value with no change of its own.
    """
    n = 1
    while k + n < len(items) and items[k + n][1].series and items[k + n][1].what == "change":
        n += 1
    before = done + [pending] if pending is not None else done
    if n < 2 or len(before) < n:
        return []
    targets = before[-n:]
    if any(t.q is None or t.change is not None or t.fromto for t in targets):
        return []
    gap = sent[targets[-1].end:items[k][0].start]
    return targets if len(gap) <= 16 and _EACH_CHANGE.match(gap) else []


def _pair(sent: str, items: list[tuple[Quantity, Role]]) -> list[Pending]:
    """Join values and changes into the indicators of a sentence, in order."""
    done: list[Pending] = []
    pending: Optional[Pending] = None

    def flush(new: Optional[Pending] = None) -> None:
        nonlocal pending
        if pending is not None:
            done.append(pending)
        pending = new

    k = 0
    while k < len(items):
        q, role = items[k]
        k += 1
        if role.series:
            if role.what == "value":
                flush(Pending(q, None, q.start, q.start, q.end, series=True))
            else:
                flush(Pending(None, _change(q, role), q.start, q.start, q.end, series=True))
        elif role.what == "value":
            pairs = _series_from_to(sent, items, k - 1)
            if pairs is not None:
                for p in pairs:
                    flush(p)
                flush()
                k += 2 * len(pairs) - 1
                continue
            pair = _from_to(sent, q, items[k]) if k < len(items) else None
            if pair is not None:
                flush(pair)
                flush()
                k += 1
                continue
            # value after a change of the same measure: 上升3个百分点，达到51.2%
            # (a bare comma is not enough: 增长5%，100个项目开工 starts a new measure)
            gap = sent[pending.end:q.start] if pending is not None else ""
            if (pending is not None and pending.q is None and _continues(sent, pending.end, q.start)
                    and (gap.strip(" ，,") or not gap.strip())):
                pending.q = q
                pending.end = q.end
                continue
            flush(Pending(q, None, q.start, q.start, q.end))
        else:
            ch = _change(q, role)
            targets = _changes_to_values(sent, items, k - 1, done, pending)
            if targets:
                for t, (cq, crole) in zip(targets, items[k - 1:k - 1 + len(targets)]):
                    t.change = _change(cq, crole)
                k += len(targets) - 1
                continue
            if pending is not None and pending.change is None and (
                    _continues(sent, pending.end, role.start) or _after_name(sent, pending, role)):
                pending.change = ch
                pending.end = q.end
            else:
                flush(Pending(None, ch, role.start, role.start, q.end))
    flush()
    return done


def sentence_indicators(sent: str, base: int, cues: Cues, offset: int, residue=()) -> list[Indicator]:
    """The indicators of one sentence (``base``: its place in the text; ``offset``: in its paragraph;
    ``residue``: spans of the text to skip)."""
    qs = quantities(sent, [(a - base, b - base) for a, b in residue])
    if not qs:
        return []
    pendings = _pair(sent, _items(sent, qs, _roles(sent, qs)))
    results: list[Indicator] = []
    for p in pendings:
        r = _finish(sent, base, p, cues, offset, _listed_count(sent, base, p, results))
        if r is not None:
            results.append(r)
    return distribute(sent, base, carry_names(sent, base, split_series(sent, base, results)))


def _name_before(sent: str, p: Pending) -> tuple[str, int, int, int, str]:
    """The name written before the figure: (name, clause start, lead, tail, raw clause)."""
    cs = clause_start(sent, p.name_end)
    raw = "" if p.series else sent[cs:p.name_end]
    if raw.endswith("大") and sent.startswith("约", p.name_end):
        raw = raw[:-1]  # 大约 is the figure's qualifier: 會供應大約二百八十五公頃
    name, lead, tail = clean_name(raw)
    q0 = None if name or p.series or "分别" not in raw else quoted_list_before(sent, cs)
    if q0 is not None:  # “上海标准”、“上海品牌”分别新增11个和27项: the quoted list names the series
        cs, raw = q0, sent[q0:p.name_end]
        name, lead, tail = clean_name(raw)
    back_verb = _BACK_VERB if not p.fromto else _ADVERB
    if not name and _ENDS_WITH_VERB.search(raw):
        back_verb = _ANY  # 农民的纯收入，全国平均每人达到三百五十五元: only modifiers before the verb
    if p.change is not None and p.q is None and not raw.strip() and cs > 1 and sent[cs - 1] in "，,":
        prev = sent[clause_start(sent, cs - 1):cs - 1]
        if len(prev) <= 20 and not _HAS_NUMBER.search(prev):
            back_verb = _SPACES  # 医院病床数，比上一年增长百分之十一点七
    ahead = not name and TIME_AHEAD.fullmatch(raw) is not None
    if not name and not p.series and cs > 0 and sent[cs - 1] in "，," and (ahead or back_verb.fullmatch(raw)):
        # 今年经济增长速度的宏观调控目标，定为百分之八至九: the name is a clause back; so after a time ahead
        # (这类房屋所占的比例，在未来十年会从百分之二十), when no figure ends that clause
        cs2 = clause_start(sent, cs - 1)
        if not GATE.search(sent[cs2:cs - 1]) or (ahead and not _ENDS_IN_FIGURE.search(sent, cs2, cs - 1)):
            name, lead, tail = topic_name(sent[cs2:cs - 1])
            cs = cs2
    return name, cs, lead, tail, raw


def _is_figure(name: str) -> bool:
    """A figure alone names nothing (270元 of 分别从202元、270元提高到209元、280元).

    >>> _is_figure("270元"), _is_figure("110报警数")
    (True, False)
    """
    if not _FIGURE_START.match(name) or not GATE.search(name):
        return False
    qs = quantities(name)
    return len(qs) == 1 and qs[0].start == 0 and qs[0].end >= len(name)


def _instead_of_action(sent: str, base: int, q: Quantity, name: str, where: tuple[int, int], name_span):
    """The name of a figure whose name before it (``where``: its clause start, and how far into the
    clause it starts) is an action or a generic word only.

    建成100个社区食堂: the thing counted after the figure; else 在援助金额方面，还会动用九十四亿元:
    the topic before; else the action itself, as these texts name money by what is done with it
    (预留, 拨款, 注资), less its adverbs (已, 还会, 再).  (name, name span).
    """
    bare = ACTION_ONLY.fullmatch(name)
    if not bare and name not in GENERIC:
        return name, name_span
    after = name_after(sent, q.end)
    if after and not (bare and ACTION_ONLY.fullmatch(sent, *after)):  # not 预留10亿元设立「回收基金」
        return name, None
    if not bare:
        return name, name_span
    cs, at = where[0], where[0] + where[1]
    a, b = topic_before(sent, cs) or (at + bare.start("verb"), at + bare.end("verb"))
    return sent[a:b], (base + a, base + b)


def _count_change(sent: str, p: Pending) -> bool:
    """A change in a count of things added or cut (增加约11 900个公屋及居屋单位), whose name may
    follow it, not of things improved (提升122个劳务品牌知名度)."""
    ch = p.change
    return (p.q is None and ch is not None and ch.unit in CLASSIFIERS and not p.series
            and _MORE_OR_FEWER.search(sent, p.start, p.end) is not None)


# 约占……的: the 约 before the share's verb is the figure's
_ABOUT_SHARE = re.compile(r"(?:大约|约|約|大約)(?:占|佔)")
_LIST_JOIN = re.compile(r"[、和及与]")


def _listed_count(sent: str, base: int, p: Pending, results: list[Indicator]) -> bool:
    """A count listed after one that names what follows it shares its verb:
    推进21个先行片区、200个样板村、2000个补短村建设 (200个样板村 as 21个先行片区)."""
    if not results or p.q is None or p.change is not None or p.q.unit not in CLASSIFIERS:
        return False
    prev = results[-1]
    return (prev.change is None and prev.name_span is not None and prev.unit in CLASSIFIERS
            and prev.span[0] < prev.name_span[0] and prev.name_span[1] == base + p.q.start - 1
            and _LIST_JOIN.fullmatch(sent, p.q.start - 1, p.q.start) is not None)


def _finish(sent: str, base: int, p: Pending, cues: Cues, offset: int, listed: bool = False) -> Optional[Indicator]:
    q, ch = p.q, p.change
    name, cs, lead, _, _ = _name_before(sent, p)
    name = "" if _is_figure(name) else name
    name_span = (base + cs + lead, base + cs + lead + len(name)) if name else None
    if name in ("经济", "国民经济", "本港经济", "台湾经济") and ch is not None:
        # 经济增长7% / 經濟成長3.1%: the measure is called 经济增长
        grow = _GROWTH.match(sent, cs + lead + len(name))
        if grow:
            name_span = (name_span[0], name_span[1] + grow.end() - grow.start())
            name = sent[name_span[0] - base:name_span[1] - base]
    first = q.start if q is not None else p.start
    if q is not None and ch is None and (q.unit not in ("%", "‰") or not name) and sent[q.end:q.end + 1] == "的":
        # 三万多亩的可利用土地, 3000-4000亩的用地指标: the name follows
        if name_after(sent, q.end):
            name_span = None
    if name and q is not None:
        name, name_span = _instead_of_action(sent, base, q, name, (cs, lead), name_span)
        if q.qualifier is None and _ABOUT_SHARE.search(name):
            q = q._replace(qualifier="approx")  # 管理机构人员约占职工总数的四分之一
    if name_span is None and q is not None and ch is None and q.unit in CLASSIFIERS and not sent[cs:p.name_end].strip():
        # a count opening a clause is an indicator when the clause reports what the counted did
        # (19个城中村改造项目全部启动), not when it only describes them (5个欠发达乡地处……)
        after = name_after(sent, q.end)
        if after is None or not (listed or _COUNT_DONE.match(sent, after[1])):
            return None
    count = _count_change(sent, p)
    if count and cs < clause_start(sent, p.name_end) and name_after(sent, p.end):
        name_span = None  # 重建华富邨，合共增加约11 900个公屋及居屋单位: the thing counted, not the clause before
    if name_span is None:
        # only a figure names what follows it (三万多亩的可利用土地), or a change in a count
        # (增加约17 000个服务名额); a change in % followed by 的 modifies something else (递增7.9%的基础上)
        after = name_after(sent, q.end) if q is not None and not p.series else (
            name_after(sent, p.end) if count else None)
        if after:
            name = sent[after[0]:after[1]]
            name_span = (base + after[0], base + after[1])
    end = max(p.end, q.end if q else 0)
    start = name_span[0] if name_span and name_span[0] < base + first else base + min(first, p.start)
    if name_span and name_span[0] > base + first:
        end = max(end, name_span[1] - base)
    unit = canon_unit(q.unit) if q else None
    if unit == "pp" and q is not None and ch is None:
        unit = "%"
    return Indicator(
        name=name,
        value=q.value if q else None,
        value_high=q.value_high if q else None,
        unit=unit,
        qualifier=q.qualifier if q else (ch.qualifier if ch else None),
        change=ch,
        kind=cues.at(offset + first),
        year=year_in(sent, first),
        span=(start, base + end),
        text=sent[start - base:end],
        name_span=name_span,
    )
