"""Values, units, qualifiers and changes, on real sentences of the corpus (file cited)."""
from __future__ import annotations

import pytest

from policytext import extract


def _values(sentence: str) -> list[tuple]:
    """(value, unit, qualifier, change value, change unit, direction) of each indicator."""
    out = []
    for i in extract(sentence).indicators:
        ch = i.change
        out.append((i.value, i.unit, i.qualifier, ch and ch.value, ch and ch.unit, ch and ch.direction))
    return out


@pytest.mark.parametrize("sentence,want", [
    # a 分别 list of changes after as many values: one to one, not all to the last value
    ("全年接待游客突破3亿人次，游客花费3595.42亿元，分别增长14%和21%，新疆正从旅游大区向旅游强区迈进",  # gwr-2025-p14
     [(3e8, "人次", "min", 14.0, "%", "up"), (3595.42e8, "元", None, 21.0, "%", "up")]),
    ("生产钾肥749万吨、碳酸锂13.5万吨，分别增长4.8%、22.3%",  # gwr-2025-p30
     [(7.49e6, "吨", None, 4.8, "%", "up"), (1.35e5, "吨", None, 22.3, "%", "up")]),
    ("原煤、原油、天然气产量达到6640.8万吨、1253.6万吨、9.1亿立方米，分别增长9.3%、7.3%、21.2%",  # gwr-2025-p23
     [(6.6408e7, "吨", None, 9.3, "%", "up"), (1.2536e7, "吨", None, 7.3, "%", "up"),
      (9.1e8, "立方米", None, 21.2, "%", "up")]),
    ("一九五七年生产氮肥九十万六千吨，磷肥十九万六千吨，分别比上一年增长百分之三十三点七和百分之六十三点九",  # gwr-1958
     [(9.06e5, "吨", None, 33.7, "%", "up"), (1.96e5, "吨", None, 63.9, "%", "up")]),
    # one unit written after the last number of a series is every member's
    ("生产型企业进出口占外贸比重78.7%，机电产品出口占出口比重62.6%，分别提高11.1、11.2个百分点",  # gwr-2025-p16
     [(78.7, "%", None, 11.1, "pp", "up"), (62.6, "%", None, 11.2, "pp", "up")]),
    ("小微企业贷款、涉农贷款增速比各项贷款平均增速分别高4.2和0.7个百分点",  # gwr-2015
     [(None, None, None, 4.2, "pp", "up"), (None, None, None, 0.7, "pp", "up")]),
    # 高于/低于/快于/优于 a measure: a gap in percentage points with that basis, not a value in %
    ("城市空气优良天数比例达89%、高于全国平均水平1.8个百分点",  # gwr-2025-p22
     [(89.0, "%", None, 1.8, "pp", "up")]),
    ("城镇调查失业率4.5%、低于全国0.6个百分点",  # gwr-2025-p15
     [(4.5, "%", None, 0.6, "pp", "down")]),
    ("农村居民人均可支配收入增速快于城镇居民3个百分点左右",  # gwr-2025-p20
     [(None, None, "approx", 3.0, "pp", "up")]),
    ("园区规模工业增加值、税收增速分别高于全省2.2个和3.7个百分点",  # gwr-2025-p22
     [(None, None, None, 2.2, "pp", "up"), (None, None, None, 3.7, "pp", "up")]),
    # but 不低于 a multiple is a floor, and 低于 a figure a limit
    ("特困人员基本生活标准不低于当地最低生活保障标准的1.6倍", []),  # gwr-2025
])
def test_values(sentence, want):
    got = _values(sentence)
    assert [(v and round(v, 3), u, q, c and round(c, 3), cu, d) for v, u, q, c, cu, d in got] == \
        [(v and round(v, 3), u, q, c and round(c, 3), cu, d) for v, u, q, c, cu, d in want]


def test_a_series_change_keeps_its_basis():
    ind = extract("进出口总额达4743亿美元，出口2492亿美元，分别比1995年增长69％和67％").indicators  # gwr-2001
    assert [i.change.basis for i in ind] == ["比1995年", "比1995年"]
    assert [i.change.value for i in ind] == [69.0, 67.0]


def test_a_gap_keeps_its_comparison():
    ind = extract("制造业投资增速高于全省6.7个百分点").indicators  # gwr-2025-p09
    assert [(i.name, i.change.basis) for i in ind] == [("制造业投资增速", "高于全省")]


@pytest.mark.parametrize("sentence,want", [
    # counts listed after one whose name follows it share its verb: each is a figure
    ("建设宜居宜业和美乡村，推进21个先行片区、200个样板村、2000个补短村建设",  # gwr-2026-sichuan
     [21.0, 200.0, 2000.0]),
    ("建成投用600个公共文化空间、182个口袋体育公园",  # gwr-2025-p09
     [600.0, 182.0]),
    ("一是新建改造50个社区养老工程、50个区域养老服务中心、100个标准化社区食堂",  # gwr-2025-p11
     [50.0, 50.0, 100.0]),
])
def test_listed_counts(sentence, want):
    assert [i.value for i in extract(sentence).indicators] == want



@pytest.mark.parametrize("sentence,want", [
    # a fraction takes the qualifier written after it, as a percentage does
    ("工业生产许可证种类压减三分之一以上",  # gwr-2019
     [(None, None, "min", 33.333, "%", "down")]),
    ("生产企业和基本建设单位的钢材周转数量减少三分之一左右",  # gwr-1958
     [(None, None, "approx", 33.333, "%", "down")]),
    ("战略性新兴产业营业收入占比超过三分之一",  # gwr-2025-p27
     [(33.333, "%", "min", None, None, None)]),
    # 约 ending 节约, 签约, 条约 is no 约 (about)
    ("预算执行数节约１０％", [(10.0, "%", None, None, None, None)]),  # gwr-1987
    ("缔结或者参加国际条约1 8 7 个", [(187.0, "个", None, None, None, None)]),  # gwr-1998
    ("受灾人口约七千万人", [(7e7, "人", "approx", None, None, None)]),
    # 约 before the verb makes the change approximate, and is no part of the basis
    ("其中：国营商业约增长百分之一百三十三点二", [(None, None, "approx", 133.2, "%", "up")]),  # gwr-1955
    # 约占……的 a share: the figure is approximate
    ("管理机构人员约占职工总数的四分之一", [(25.0, "%", "approx", None, None, None)]),  # gwr-1955
    ("在香港，高等教育開支約佔教育經費預算總額三分之一", [(33.333, "%", "approx", None, None, None)]),  # HK 1997

])
def test_qualifiers(sentence, want):
    got = _values(sentence)
    assert [(v and round(v, 3), u, q, c and round(c, 3), cu, d) for v, u, q, c, cu, d in got] == want


def test_about_before_the_verb_leaves_the_basis_whole():
    ind = extract("社会商品零售总额，比一九五二年大约增长百分之四十一点七").indicators  # gwr-1955
    assert [(i.change.basis, i.change.qualifier) for i in ind] == [("比一九五二年", "approx")]
