"""Target or actual, and the year, of figures in speeches without review or plan headings (party
congress reports, Hong Kong addresses, the 1950s reports): tense, aspect and time phrases decide.
Each case is a real passage of ../shared/corpus (file cited), given as plain text so that no
heading decides."""
from __future__ import annotations

import pytest

from policytext import extract


def figure(text: str, fragment: str):
    """The first indicator of ``text`` whose text holds ``fragment``."""
    inds = [i for i in extract(text).indicators if fragment in i.text]
    assert inds, [i.text for i in extract(text).indicators]
    return inds[0]


KINDS = [
    # 将近 is "nearly", 有计划地 an adverb: neither makes the history of steel output a plan (gwr-1955)
    ("它们工业发展的历史已有一两百年，少的也将近一百年，我国工业发展的历史比它们落后了一百多年，或者几十年，"
     "仅仅在人民掌握了国家政权以后，才有可能有计划地进行建设。我国在一九○七年，才建设起一个汉阳钢铁厂，"
     "当年的钢产量只有八千五百多吨。", "八千五百多吨", "actual"),
    ("例如，棉纱的产量，比上一年增加将近六十万件，增长百分之十二点七；糖的产量，比上一年增加十七万三千吨，"
     "增长百分之二十点六。", "十七万三千吨", "actual"),  # gwr-1958
    # within N years, before a verb of the plan (gwr-1955), and 未來N年 (policy-address-1997)
    ("五年内修建公路一万公里以上，新增加的通车里程为七千一百公里以上。", "一万公里", "target"),
    ("47. 我們的目標，是在五年內，讓至少百分之二十五的課程利用新科技 輔助教授；", "百分之二十五", "target"),
    ("按照目前的重建速度，這類樓齡超過 三十年的房屋在私人樓宇所佔的比例，在未來十年會從百分之二十，倍增至百分 之四十。",
     "百分之二十", "target"),
    # ... but not a past span, nor 十年内乱 (gwr-1988, gwr-1982)
    ("各级政府和有关部门为加强法制建设作了很大努力。五年内国务院提请全国人大常委会审议通过的法律有３０项，"
     "国务院制定和颁布的行政法规有２５５项。", "３０项", "actual"),
    ("从一九七九年起，由于调整经济和解决长期以来特别是十年内乱遗留下来的大量问题，国家财政收入连续三年下降。"
     "一九八一年国内财政收入比一九七八年减少一百多亿元，减少近百分之十。", "一百多亿元", "actual"),
    # 将要达到…计划 and 一九五七年将达到 are plans, not reports on a plan (gwr-1956, gwr-1955)
    ("１９５６年基本建设完成的工作量，连同１９５３年到１９５５年所完成的工作量，将要达到五年计划原定总投资额的８７．６％。",
     "８７．６％", "target"),
    ("其中五个最大的煤矿企业在一九五七年将达到的年产能力如下：抚顺矿务局所属煤矿为九百三十万吨，"
     "阜新矿务局所属煤矿为八百四十五万吨。", "八百四十五万吨", "target"),
    # Hong Kong: 早前 reports, 現正籌劃 plans, 去年建議將 is a past proposal (policy-address-2014)
    ("152. 此外，政府也會推廣電動車的使用。為測試表現，政府早前撥款予專營巴士公司購買36部單層電動巴士，"
     "第一批電動巴士可望在年底前抵港。", "36部", "actual"),
    ("183. 政府致力增加文化藝術設施和場地，現正籌劃在牛頭角興建跨區社區文化中心，設施包括約1 200個座位的演藝廳及"
     "約550個座位的劇場，成為東九龍的重要文化設施。", "1 200個", "target"),
    ("125. 政府去年建議將36幅共約27公頃GIC及其他政府用地改作住宅用途，當中18幅已劃作住宅用途或正進行法定規劃程序。",
     "18幅", "actual"),
    # 精心筹划 (a noun use) is no plan (gwr-1983)
    ("对于重点建设项目，国家计委、各个主管经济部门和有关的地方政府，都要象“一五”时期建设一百五十六项工程那样，"
     "认真做好建设前期的准备工作，严格按照基建程序办事，精心筹划，精心设计，精心施工。"
     "目前基本建设中浪费现象十分惊人，许多重点项目的投资超过工程概算。"
     "据对一百七十六个在建的大中型项目的检查，现在要花的投资就比原来的概算增加一百八十五亿元，"
     "其中固然有些是原概算偏低，但大量的是由于种种不合理的因素造成的。", "一百八十五亿元", "actual"),
    # 应当 sets a norm for its own clause (gwr-1959) ...
    ("人民公社化的实现，公共食堂、托儿所的建立，虽然从家务劳动中把成千成万的妇女解放出来了，但是，"
     "由于生产任务大大增加了，所以农村劳动力仍感不足。在目前条件下，从事农业（包括农、林、牧、副、渔各业）的"
     "农村劳动力，一般应当不少于百分之八十。", "百分之八十", "target"),
    # ... not for the clauses after it, and 不应当 / 应当是 (amounts to) set none (cpc-congress-01, gwr-1959)
    ("同志们，不应当只限于成立工会，工会成立以后，首先应当引导它与企业主交锋，只有这样，工人才会对自己的工会感兴趣，"
     "才相信工会的力量，工人群众没有知识，不认识字，十人当中只有一人能看报，因此，印刷宣传工作自然做得很差。",
     "一人", "actual"),
    ("这样，一九五七年的工农业总产值就应当是一千二百四十一亿元，工业和手工业总产值是七百零四亿元，"
     "农业总产值是五百三十七亿元。", "五百三十七亿元", "actual"),
    # 要 before a verb of change sets a target for its clause and the ，即 restating it (gwr-1955)
    ("农业生产的任务是很紧张的，以一九五四年为基数，粮食产量要增长百分之十三点七，即增产四百六十六亿斤，"
     "棉花产量要增长百分之五十三点五，即增产一千一百四十万担；", "四百六十六亿斤", "target"),
    ("从一九七八年到一九八五年八年间，我国农业总产值每年要增长百分之四到五，工业总产值每年要增长百分之十以上。",
     "百分之十以上", "target"),
    # ... not 要 as "cost" (gwr-1958)
    ("根据许多调查，在保证工程质量的一般情况下，现在就可以用六十元、七十元或者八十元，去办过去要用一百元钱才能办好的事情了。",
     "一百元", "actual"),
    # a budget sets the year's figures (gwr-1956)
    ("１９５６年国家预算规定债款支出７５９，２２７，０００元，占本年预算支出的２．４７％；", "２．４７％", "target"),
]


@pytest.mark.parametrize("text,fragment,kind", KINDS, ids=[k[1] for k in KINDS])
def test_kind_without_headings(text, fragment, kind):
    assert figure(text, fragment).kind == kind


YEARS = [
    # the year a figure is compared with is not its year (gwr-1959, gwr-1956, cpc-congress-16)
    ("计划规定，一九五九年的工业和手工业总产值比一九五八年增长百分之四十一，农业总产值比一九五八年增长百分之三十九。",
     "百分之三十九", 1959),
    ("其他各种主要农作物，除了甘蔗比１９５４年稍有减少外，都有不同的增长：甜菜比１９５４年增长６１％，黄麻增长９５％，"
     "烤烟增长２８％，花生增长６％，茶叶增长１７％，蚕茧增长４４％，各种水果增长１０％。", "茶叶", None),
    ("二００一年，我国国内生产总值达到九万五千九百三十三亿元，比一九八九年增长近两倍，年均增长百分之九点三，"
     "经济总量已居世界第六位。", "百分之九点三", 2001),  # 二００一年: numerals mixed with digits
    # nor the year it is counted from (gwr-1960) or a base year (gwr-1955)
    ("农业生产的任务是很紧张的，以一九五四年为基数，粮食产量要增长百分之十三点七，即增产四百六十六亿斤。",
     "百分之十三点七", None),
    ("全国农业发展纲要要求：从一九五六年开始，在十二年内，粮食每亩平均年产量，在三种不同的地区，"
     "分别达到四百斤、五百斤和八百斤。", "八百斤", None),
    # nor the year of a price base (gwr-1958)
    ("一九五八年的工业总产值，拟定为六百四十三亿七千万元（按一九五七年不变价格计算），比一九五七年预计数增加八十一亿九千万元，"
     "增长百分之十四点六。", "百分之十四点六", 1958),
    # 由X年的A上升到B: X is A's year, not B's (gwr-1956, gwr-1954)
    ("在工业总产值中，国营工业所占的比重由１９５４年的５９％上升到６３％，合作社工业所占的比重由１９５４年的４％上升到５％。",
     "５％", None),
    ("經濟建設費佔整個財政支出的比重，也從一九五〇年的百分之二十五點五增加到一九五四年預算的百分之四十五點四。",
     "百分之二十五點五", 1950),
    # the year the sentence is about stays (gwr-1982)
    ("从一九七九年起，由于调整经济和解决长期以来特别是十年内乱遗留下来的大量问题，国家财政收入连续三年下降。"
     "一九八一年国内财政收入比一九七八年减少一百多亿元，减少近百分之十。", "一百多亿元", 1981),
]


@pytest.mark.parametrize("text,fragment,year", YEARS, ids=[y[1] for y in YEARS])
def test_year_without_headings(text, fragment, year):
    assert figure(text, fragment).year == year


def test_plan_for_1959_is_a_target_of_1959():
    ind = figure(YEARS[0][0], "百分之四十一")
    assert (ind.kind, ind.year) == ("target", 1959)


def test_a_plans_list_carries_its_kind_to_its_items():
    """policy-address-1997 ¶48 and gwr-1955: items under 采取以下措施： / 如下列： are goals."""
    text = ("為貫徹這個目標，我們會在下一學年採取以下措 施：\n\n"
            "O 增加中、小學的電腦數目，每所小學由十五部增加至平均四十部，而中學則 由二十部增加至平均八十二部；\n\n"
            "O 為超過三萬名教師提供更多應用資訊科技的訓練，並成立一所資訊科技資源 中心，加強對學校管理資訊科技系統的支援；\n\n"
            "27. 香港每年製作超過一百部電影和五千小時的電視節目。")
    kinds = [(i.kind, "電影" in i.text or "一百部" in i.text) for i in extract(text).indicators]
    assert kinds and all(kind == ("actual" if last else "target") for kind, last in kinds), kinds
    assert kinds[-1] == ("actual", True)
    text = ("　　按照计划，主要农业产品一九五七年的计划产量及其比一九五二年增长的情况如下列：\n\n"
            "　　粮食：达到三千八百五十六亿斤，增长百分之十七点六。\n\n"
            "　　棉花：达到三千二百七十万担，增长百分之二十五点四。")
    assert {i.kind for i in extract(text).indicators} == {"target"}

