"""Native Traditional addresses (Hong Kong policy addresses, a Taiwanese inaugural): their
numerals, units, qualifiers, changes and names, on their own sentences (file cited)."""
from __future__ import annotations

import pytest

import policytext
from policytext import parse_number

HK = "hongkong/policy-address-{}.txt"


def inds(text: str):
    out = policytext.extract(text).indicators
    for i in out:
        assert text[i.span[0]:i.span[1]] == i.text
    return out


def one(text: str):
    found = inds(text)
    assert len(found) == 1, [i.text for i in found]
    return found[0]


@pytest.mark.parametrize("text,qualifier", [
    ("每月的供款佔家庭總入息一般不會超過40%", "max"),  # 2018-speech
    ("這些單位的售價不會低於2,000元", "min"),
    ("至少百分之二十五的課程利用新科技輔助教授", "min"),  # 1997
    ("私營房屋單位平均每年落成量約有13 600個", "approx"),  # 2014-from-pdf
    ("每屆最多100名", "max"),  # 2014-from-pdf
    ("逾3 000名學生受惠", "min"),
])
def test_hong_kong_qualifiers(text, qualifier):
    assert parse_number(text).qualifier == qualifier
    assert one(text).qualifier == qualifier


def test_or_below_after_the_unit():
    # 2018-speech: 月入50,000元或以下的僱員
    i = one("是說月入50,000元或以下的僱員")
    assert (i.value, i.qualifier) == (50000, "max") and "50,000元或以下" in i.text


def test_qualifier_words_stay_out_of_names():
    assert one("每月的供款佔家庭總入息一般不會超過40%").name == "每月的供款佔家庭總入息"
    assert not one("會供應大約二百八十五公頃").name.endswith("大")  # 1997: not 會供應大


def test_yuan_is_hong_kong_dollars_in_a_hong_kong_address():
    # 2018-speech: a bare 元 is the Hong Kong dollar; 人民幣 and a mainland report keep 元
    text = ("我今天在立法會發表我任內第二份《施政報告》。本港經濟增長強勁。"
            "財政預算案已為兩項工作分別預留了5億元和10億元，另以人民幣100億元計價。")
    units = [(i.value, i.unit) for i in inds(text)]
    assert (5e8, "港元") in units and (1e9, "港元") in units and (1e10, "元") in units
    assert one("中央财政安排109亿元").unit == "元"


def test_change_after_the_name_that_follows_the_figure():
    # 2018-speech: the change of 1 530 headquarters, with its basis, after their name and a comma
    i = one("其中1\u2005530間以香港作為地區總部，比去年同期上升8.3%")
    assert (i.value, i.unit, i.change.value, i.change.direction, i.change.basis) == (1530, "间", 8.3, "up", "比去年同期")
    # national/gwr-2019: the same in a mainland report
    i = one("赤字率拟按2.8%安排，比去年预算高0.2个百分点")
    assert (i.value, i.change.value, i.change.unit) == (2.8, 0.2, "pp")
    # a new name after the comma starts a new measure
    assert len(inds("实现营业收入100亿元，利润比上年增长5%")) == 2


def test_a_survey_that_shows_is_no_part_of_the_name():
    i = one("投資推廣署和政府統計處最新的年度調查顯示母公司在海外或內地的駐港公司突破8\u2005700間")
    assert (i.name, i.value, i.qualifier) == ("母公司在海外或內地的駐港公司", 8700, "min")


def test_paragraph_numbers_are_no_part_of_names():
    # 1997: paragraphs numbered 25. (a tab after the number in the 2003 address)
    assert one("25. 旅遊業的僱員人數佔全港工作人口百分之十二").name == "旅遊業的僱員人數佔全港工作人口"
    assert one("25.\t旅遊業的僱員人數佔全港工作人口百分之十二").name == "旅遊業的僱員人數佔全港工作人口"
    assert one("(11)  向香港展能精英運動員基金注資2億元").name.startswith("向香港")
    assert one("全国发放助学金1.5亿元").value == 1.5e8  # a decimal is no paragraph number


def test_two_amounts_joined_by_or():
    # 2014-from-pdf: 每月獲發全額基本津貼600元或1,000元
    assert [i.value for i in inds("每月獲發全額基本津貼600元或1,000元")] == [600, 1000]


@pytest.mark.parametrize("text,direction", [
    ("本地生產總值收縮3.5%", "down"), ("整體出口下滑2%", "down"), ("財政赤字收窄15%", "down"),
    ("訪港旅客人次回升7%", "up"), ("零售業總銷貨價值急跌20%", "down"),
])
def test_hong_kong_change_verbs(text, direction):
    i = one(text)
    assert (i.value, i.change.direction) == (None, direction)


def test_kilowatt_hours_stay_whole():
    # national/gwr-1987: 发电量达到4455亿千瓦小时
    assert one("发电量达到４４５５亿千瓦小时").unit == "千瓦时"


# --- on the addresses themselves (../shared) ------------------------------------------------
def find(shared, name, snippet):
    doc = policytext.read(shared / "corpus" / name)
    at = doc.text.index(snippet)
    hits = [i for i in policytext.extract(doc).indicators if i.span[0] < at + len(snippet) and at < i.span[1]]
    assert hits, snippet
    return hits


@pytest.mark.parametrize("snippet,value,qualifier", [
    ("約 16  700 名", 16700, "approx"),  # letter-spaced PDF: a real space is two
    ("月 入 14, 400 元 或 以", 14400, "max"),  # a space after the thousands comma
    ("約 4 億 7, 000 萬 元", 4.7e8, "approx"),
])
def test_letter_spaced_pdf_figures(shared, snippet, value, qualifier):
    i = find(shared, HK.format("2014-from-pdf"), snippet)[-1]
    assert (i.value, i.qualifier) == (value, qualifier)
    assert i.unit in ("名", "港元")


def test_letter_spaced_pdf_decimals(shared):
    i = find(shared, HK.format("2014-from-pdf"), "上 升 2. 6%")[-1]
    assert (i.change.value, i.change.direction) == (2.6, "up")
    i = find(shared, HK.format("2014-from-pdf"), "將 由 0. 5% 降 至 0. 05%")[-1]
    assert (i.value, i.change.value, i.change.direction) == (0.05, 0.45, "down")


def test_wrapped_lines_joined_by_spaces(shared):
    # 1997: the web copy's wrapped lines are joined with a space, even inside a numeral
    i = find(shared, HK.format("1997"), "增至一百八 十六億元")[-1]
    assert (i.value, i.unit) == (1.86e10, "港元")
    i = find(shared, HK.format("1997"), "由百分之二增至百分之 四")[-1]
    assert (i.value, i.change.value, i.change.unit) == (4, 2, "pp")


def test_every_hong_kong_address_reads_yuan_as_hong_kong_dollars(shared):
    for path in sorted((shared / "corpus" / "hongkong").glob("*.txt")):
        units = {i.unit for i in policytext.extract(policytext.read(path)).indicators}
        assert "港元" in units and "元" not in units, (path.name, units)
    for path in sorted((shared / "corpus" / "national").glob("gwr-199*.txt")):
        assert "港元" not in {i.unit for i in policytext.extract(policytext.read(path)).indicators}, path.name


@pytest.mark.parametrize("text,name,basis,direction", [
    ("整體出口較去年同期上升8%", "整體出口", "较去年同期", "up"),
    ("失業率較上季下降0.2個百分點", "失業率", "较上季", "down"),
    ("单位地区生产总值能耗较2020年下降11.7%", "单位地区生产总值能耗", "较2020年", "down"),  # provincial/gwr-2025-p28
])
def test_jiao_is_a_basis_like_bi(text, name, basis, direction):
    i = one(text)
    assert (i.name, i.change.basis, i.change.direction) == (name, basis, direction)


def test_jiao_as_an_adverb_is_no_basis():
    assert one("经济较快增长8%").change.basis is None
    # provincial/gwr-2025-p22: the change after a comma, with its 较 basis, is the figure's
    i = one("市县财力性转移支付达1379亿元，较上年增长8.6%")
    assert (i.value, i.change.value) == (1.379e11, 8.6)


@pytest.mark.parametrize("text,qualifier", [("可於課程修業期內獲每年最高15,000元", "max"), ("法定時薪最低37.5元", "min")])
def test_highest_and_lowest_bound_a_figure(text, qualifier):
    i = one(text)
    assert i.qualifier == qualifier and not i.name.endswith(("最高", "最低"))


@pytest.mark.parametrize("text", [
    "現時全港約有10萬名年滿60歲的長者",  # 2018-speech: 年滿60歲
    "為70歲的全長者寬敞戶提供租金津貼",  # 2018-speech
    "为全省60岁以上老年人免费接种流感疫苗",  # provincial/gwr-2025-p19
])
def test_an_age_that_marks_a_group_is_no_indicator(text):
    assert all(i.unit != "岁" for i in inds(text))


def test_life_expectancy_is_an_indicator():
    # provincial/gwr-2025-p06, national/gwr-1993
    assert (one("人均预期寿命达到78.5岁").value, one("人均预期寿命达到78.5岁").unit) == (78.5, "岁")
    assert one("人口的平均期望寿命已经达到70岁左右").qualifier == "approx"


@pytest.mark.parametrize("text,value,unit", [
    ("機場的貨運量為370萬公噸", 3.7e6, "吨"),  # 2014-from-pdf
    ("實用面積小於430平方呎", 430, "平方英尺"),
    ("全港共有約150幅", 150, "幅"),  # 2014-from-pdf: sites of land
    ("矿业权出让111宗", 111, "宗"),  # provincial/gwr-2025-p06
])
def test_hong_kong_and_mainland_units(text, value, unit):
    i = one(text)
    assert (i.value, i.unit) == (value, unit)


def test_a_range_of_years_is_no_figure():
    # 2014-from-pdf: 《香港資源循環藍圖2013-2022》
    assert inds("推出香港資源循環藍圖2013-2022") == ()


def test_bullets_are_no_part_of_names():
    # 1997: items set off with "O " (a letter O as a bullet)
    assert one("O 為超過三萬名教師提供培訓").name == "教師"
