"""Extraction, one construction at a time, each on a real sentence of the corpus (file cited)."""
from __future__ import annotations

import json
import re

import pytest

from policytext import Document, extract, read
from policytext.convert import Converter
from policytext.extract.numbers import parse_chinese, value_of

from .conftest import CORPORA, ROOT


def one(sentence: str, **want):
    """The single indicator of ``sentence``, checked against ``want``."""
    text = sentence
    inds = extract(text).indicators
    assert len(inds) == 1, [i.text for i in inds]
    ind = inds[0]
    for key, value in want.items():
        got = ind.change.to_dict() if key == "change" else getattr(ind, key)
        if key == "change":
            for k, v in value.items():
                assert got[k] == pytest.approx(v) if isinstance(v, float) else got[k] == v, (k, got)
        elif isinstance(value, float):
            assert got == pytest.approx(value), (key, got)
        else:
            assert got == value, (key, got)
    assert text[ind.span[0]:ind.span[1]] == ind.text
    return ind


# --- numbers -------------------------------------------------------------------
@pytest.mark.parametrize("s,v", [("三万", 30000), ("一千二百三十四点五", 1234.5), ("十五点九", 15.9), ("一九六七", 1967),
                                 ("八千一百九十九万", 81990000), ("一万三千五百十三", 13513), ("两", 2), ("十", 10),
                                 ("一亿二千万", 120000000), ("三百零五", 305)])
def test_chinese_numerals(s, v):
    assert parse_chinese(s) == pytest.approx(v)


def test_numbers_with_multipliers():
    assert value_of("63.6", "万亿") == pytest.approx(6.36e13)
    assert value_of("8,500") == 8500
    assert parse_chinese("一两") is None  # "one or two"


def test_arabic_decimal_and_multiplier():
    # seed speech (corpora/seed-county-cadre-speech.txt)
    one("實現區屬生產總值221.8億元增長10.4%", name="區屬生產總值", value=22180000000.0, unit="元",
        change={"value": 10.4, "unit": "%", "direction": "up"}, kind="actual")


def test_thousands_separator():
    # national/gwr-1957.txt
    one("第一个五年期间铁路共新建8,500公里", value=8500.0, unit="公里")


def test_full_width_digits():
    # national/gwr-1984.txt
    one("家庭按人口平均的生活费收入达到５２６元", name="家庭按人口平均的生活费收入", value=526.0, unit="元",
        text="家庭按人口平均的生活费收入达到５２６元")


def test_chinese_numerals_in_traditional_text():
    # national/gwr-1954.txt
    one("原煤八千一百九十九萬噸", name="原煤", value=81990000.0, unit="吨")
    one("金屬切削機床一萬三千五百十三台", name="金屬切削機床", value=13513.0, unit="台")


def test_percent_written_out():
    # national/gwr-1954.txt, national/gwr-1955.txt
    one("平均每年遞增百分之三十六點九", change={"value": 36.9, "unit": "%", "direction": "up"})
    one("比一九四九年增长了百分之七十七点五", change={"value": 77.5, "basis": "比一九四九年"})


def test_approx_chinese_quantity_named_after():
    # seed speech
    one("就儲備了三萬多畝的可利用土地", name="可利用土地", value=30000.0, unit="亩", qualifier="approx")


def test_tenths_and_fractions():
    # national/gwr-1980.txt, provincial/gwr-2025-p13.txt, seed speech
    one("夏粮减产一成以上", name="夏粮", change={"value": 10.0, "direction": "down"}, qualifier="min")
    one("坚持把八成左右的财政支出用于民生", name="财政支出", value=80.0, unit="%", qualifier="approx")
    inds = extract("山區的地域面積有457.7平方公里,佔全區總面積的三分之一,人口4.3萬").indicators
    assert [i.value for i in inds] == pytest.approx([457.7, 33.333, 43000.0])


def test_doubling():
    # national/gwr-1981.txt
    one("力争用二十年的时间使工农业总产值翻两番", name="工农业总产值", kind="target",
        change={"value": 300.0, "unit": "%", "direction": "up"})


def test_ranges():
    # seed speech; national/gwr-2016.txt; national/gwr-1957.txt; national/gwr-2011.txt
    one("每年都可以爭取到3000-4000畝的用地指標", name="用地指標", value=3000.0, value_high=4000.0, unit="亩", qualifier="range")
    one("国内生产总值增长6.5%－7%", change={"value": 6.5, "value_high": 7.0, "unit": "%"})
    one("也只占去年全部支出的5—6%", value=5.0, value_high=6.0, unit="%")
    one("小麦、稻谷最低收购价提高了25%到40%", change={"value": 25.0, "value_high": 40.0})


def test_from_to_is_not_a_range():
    # national/gwr-2003.txt, national/gwr-2013.txt
    one("高考录取率从36%提高到59%", name="高考录取率", value=59.0, unit="%", change={"value": 23.0, "unit": "pp"})
    one("不良贷款率由6.1%下降到0.95%", value=0.95, change={"direction": "down"})


def test_per_mille_and_points():
    # national/gwr-2003.txt, national/gwr-2013.txt, national/gwr-2005.txt
    one("人口自然增长率降到6.45‰", name="人口自然增长率", value=6.45, unit="‰")
    one("服务业增加值占国内生产总值比重提高2.7个百分点", name="服务业增加值占国内生产总值比重",
        change={"value": 2.7, "unit": "pp", "basis": None})
    one("增幅比一季度回落17.2个百分点", change={"value": 17.2, "unit": "pp", "direction": "down", "basis": "比一季度"})


@pytest.mark.parametrize("text,qualifier", [
    ("城镇新增就业人数不低于900万人", "min"),  # national/gwr-2007.txt
    ("农民负担的全部农业税在农业产量中所占的比例仍将不超过１２％", "max"),  # national/gwr-1956.txt
    ("农村社队和农民收入将增加近100亿元", "approx"),  # national/gwr-1980.txt
    ("夏征和秋征的总额准备增加到约４１４亿斤", "approx"),  # national/gwr-1956.txt
    ("直接带动消费超330亿元", "min"),  # provincial/gwr-2025-p02.txt
    ("航运集聚区新落户企业300余家", "approx"),  # provincial/gwr-2025-p07.txt
    ("城镇登记失业率4.5%以内", "max"),  # national/gwr-2015.txt
])
def test_qualifiers(text, qualifier):
    inds = extract(text).indicators
    assert len(inds) == 1 and inds[0].qualifier == qualifier


def test_times():
    # national/gwr-2008.txt, national/gwr-2001.txt
    one("实现利润增长2.23倍", name="利润", change={"value": 2.23, "unit": "times"})
    one("居民储蓄存款余额五年增长1倍", name="居民储蓄存款余额", change={"value": 1.0, "unit": "times"})


def test_absolute_changes():
    # national/gwr-1997.txt, national/gwr-1993.txt
    one("全年农村贫困人口减少７００万", name="农村贫困人口", value=None, change={"value": 7000000.0, "direction": "down"})
    one("比上一个五年增加１７１０亿元", change={"value": 171000000000.0, "unit": "元"})


def test_value_then_change_across_a_comma():
    # national/gwr-2015.txt
    ind = one("2014年，国内生产总值达到63.6万亿元，比上年增长7.4%", name="国内生产总值", value=63600000000000.0,
              change={"value": 7.4, "basis": "比上年"}, year=2014)
    assert ind.text == "国内生产总值达到63.6万亿元，比上年增长7.4%"


def test_change_then_value():
    # national/gwr-2015.txt
    one("消费对经济增长的贡献率上升3个百分点，达到51.2%", name="消费对经济增长的贡献率", value=51.2,
        change={"value": 3.0, "unit": "pp"})


def test_fenbie_series():
    # national/gwr-1992.txt, national/gwr-2012.txt (s2twp copy), national/gwr-1958.txt
    inds = extract("水泥和化肥（折纯）分别达到２．４８亿吨和１９８８万吨").indicators
    assert [(i.name, i.value) for i in inds] == [("水泥", 248000000.0), ("化肥（折纯）", 19880000.0)]
    inds = extract("城鎮居民人均可支配收入和農村居民人均純收入實際增長8.4％和11.4％").indicators
    assert [(i.name, i.change.value) for i in inds] == [("城鎮居民人均可支配收入", 8.4), ("農村居民人均純收入", 11.4)]
    inds = extract("甘蔗和甜菜要求分别增长百分之二十七点五和百分之二十九点五。").indicators
    assert [(i.name, i.change.value, i.kind) for i in inds] == [("甘蔗", 27.5, "target"), ("甜菜", 29.5, "target")]


def test_implied_series_names():
    # seed speech: each measure of a target list names itself
    text = "今年全區經濟社會發展主要指標建議為:國內生產總值比上年增長10%;財政收入增長12%;固定資產投資增長15%;"
    inds = extract(text).indicators
    assert [(i.name, i.change.value, i.kind) for i in inds] == [
        ("國內生產總值", 10.0, "target"), ("財政收入", 12.0, "target"), ("固定資產投資", 15.0, "target")]


def test_quantity_inside_a_name():
    # seed speech
    one("新增納稅超100萬元企業64家", name="新增納稅超100萬元企業", value=64.0, unit="家")


def test_targets_and_actuals_by_section():
    # national/gwr-2015.txt: review, then the year's goals
    text = (CORPORA / "gwr-2015.txt").read_text(encoding="utf-8")
    ex = extract(read(CORPORA / "gwr-2015.txt"))
    by_text = {i.text: i for i in ex.indicators}
    assert by_text["国内生产总值达到63.6万亿元，比上年增长7.4%"].kind == "actual"
    assert by_text["国内生产总值增长7%左右"].kind == "target"
    assert by_text["城镇登记失业率4.5%以内"].kind == "target"
    assert by_text["财政赤字1.62万亿元，比去年增加2700亿元"].kind == "target"
    assert text.index("国内生产总值增长7%左右") > text.index("国内生产总值达到63.6万亿元")


def test_reported_against_expectation_is_actual():
    # national/gwr-2021.txt: 好于预期 reports a result
    text = "经过艰苦努力，我们率先实现复工复产，经济恢复好于预期，全年国内生产总值增长2.3％，宏观调控积累了新的经验。"
    one(text, name="国内生产总值", kind="actual")


def test_slogan_with_lizheng_is_not_a_target():
    # national/gwr-1959.txt: 力争上游 is part of the general line
    assert extract("鼓足干劲、力争上游、多快好省地建设社会主义的总路线").indicators == ()


def test_year_and_anonymised_year():
    # seed speech: XX年 gives no year
    ind = one("我XX年到東陽的時候全年財政收入僅24億元", name="財政收入", value=2400000000.0)
    assert ind.year is None


@pytest.mark.parametrize("text", [
    "回顾十年来的发展历程，十年的历程告诉我们",  # durations
    "我们隆重庆祝了新中国成立50周年",  # national/gwr-2000.txt
    "以细颗粒物（PM2.5）和可吸入颗粒物（PM10）为重点",  # national/gwr-2014.txt
    "一九六七年",  # a year
    "按照国发〔2015〕12号文件要求",  # document numbers
    "一定要堅持強化好以下五個理念",  # seed: a list count
    "中国共产党第十四届中央委员会",  # ordinal
    "“十四五”规划",  # a plan's name
])
def test_not_indicators(text):
    assert extract(text).indicators == ()


def test_scrape_residue_is_no_indicator():
    doc = read(CORPORA / "seed-county-cadre-speech.txt")
    ex = extract(doc)
    assert not any("1.5W" in i.text for i in ex.indicators)


# --- enumerations -----------------------------------------------------------------
def test_enumerations_of_the_seed():
    ex = extract(read(CORPORA / "seed-county-cadre-speech.txt"))
    lists = {e.items[0].text[:6]: e for e in ex.enumerations}
    ideas = lists["一是要強化“"]
    assert (ideas.category, ideas.announced, len(ideas.items)) == ("理念", 5, 5)
    assert ideas.items[0].key.startswith("“xx是金華的主城區")
    leaders = lists["首先是要做興"]
    assert (leaders.category, leaders.announced) == ("带头人", 4)
    assert [i.marker for i in leaders.items][:2] == ["首先是要", "其次是要"] or leaders.items[1].ordinal == 2
    parent_list, parent_item = leaders.parent
    assert ex.enumerations[parent_list].items[parent_item].text.startswith("五是要深化持續抓人")
    demands = lists["第一點要求:"]
    assert (demands.category, demands.announced, len(demands.items)) == ("要求", 3, 3)
    di = ex.enumerations.index(demands)
    nested = [e for e in ex.enumerations if e.parent and e.parent[0] == di]
    assert [e.parent[1] for e in nested] == [0, 1, 2]
    assert nested[2].style == "yao" and len(nested[2].items) == 4


def test_enumerations_of_a_work_report():
    ex = extract(read(CORPORA / "gwr-2015.txt"))
    sections = ex.enumerations[0]
    assert sections.style == "section" and len(sections.items) == 6
    shi = next(e for e in ex.enumerations if e.style == "shi")
    assert shi.parent == (0, 0) and len(shi.items) == 5
    di = next(e for e in ex.enumerations if e.style == "di")
    assert di.parent == (0, 1) and di.announced == 3


def test_marker_alone_on_its_line():
    # national/gwr-1997.txt: 一是 on a line of its own, the item on the next
    doc = read(CORPORA / "gwr-1997.txt")
    ex = extract(doc)
    found = [e for e in ex.enumerations if e.items[0].text.startswith("一是\n")]
    assert found and found[0].items[0].title.startswith("企业管理体制")


def test_announced_count_from_intro():
    # national/gwr-1981.txt
    text = "当前要特别注意做好以下四项工作：\n\n一是整顿企业。\n\n二是调整结构。\n\n三是改善管理。\n\n四是提高效益。\n\n"
    e = extract(text).enumerations[0]
    assert (e.announced, e.category, len(e.items)) == (4, "工作", 4)


def test_first_as_adverb_is_no_list():
    # seed speech: 首先要 / 首先需要 are adverbs
    assert extract("抓落實,首先要從思想上落實。首先需要你們去引導、去調處。").enumerations == ()


def test_item_spans_in_original_script():
    doc = read(CORPORA / "seed-county-cadre-speech.txt")
    for e in extract(doc).enumerations:
        for it in e.items:
            assert doc.text[it.span[0]:it.span[1]] == it.text
            assert it.text.startswith(it.marker)


# --- formulations -----------------------------------------------------------------------
def test_formulations_of_the_seed():
    ex = extract(read(CORPORA / "seed-county-cadre-speech.txt"))
    texts = {f.text: f for f in ex.formulations}
    for want in ("三高一低", "一軸二域三區", "一帶兩城三區四園", "2+6", "三治三問", "五大行動計劃", "三級聯創", "兩區"):
        assert want in texts, want
    assert texts["三高一低"].numbers == (3, 1)
    assert texts["一帶兩城三區四園"].numbers == (1, 2, 3, 4)
    assert texts["三高一低"].expansion.startswith("原材料價格上漲高")


def test_formulations_of_reports():
    # national/gwr-2016.txt / gwr-2017.txt wording
    ex = extract("坚持“四个全面”战略布局，统筹推进“五位一体”总体布局，扎实推进“三去一降一补”，开展“两学一做”学习教育。")
    assert {f.text for f in ex.formulations} >= {"四个全面", "五位一体", "三去一降一补", "两学一做"}


# --- the record ---------------------------------------------------------------------------
def test_record_format():
    ex = extract(read(CORPORA / "seed-county-cadre-speech.txt"))
    d = json.loads(json.dumps(ex.to_dict(), ensure_ascii=False))
    assert set(d) >= {"source", "script", "chars", "indicators", "enumerations", "formulations"}
    ind = d["indicators"][0]
    assert set(ind) >= {"name", "value", "value_high", "unit", "qualifier", "change", "kind", "year", "span", "text"}
    assert set(ind["change"]) >= {"value", "value_high", "unit", "direction", "qualifier"}
    en = d["enumerations"][0]
    assert set(en) >= {"category", "announced", "intro_span", "items", "parent", "span"}
    assert set(en["items"][0]) >= {"ordinal", "marker", "span", "title", "key"}
    assert set(d["formulations"][0]) >= {"text", "numbers", "span", "expansion"}


def test_same_speech_in_both_scripts_gives_the_same_records():
    simp = read(CORPORA / "gwr-2015.txt")
    trad = Document(Converter.get("s2twp").convert(simp.text))  # as the web converts it
    a, b = extract(simp), extract(trad)
    strip = lambda ex: [(i.value, i.value_high, i.unit, i.qualifier, i.change and i.change.value, i.kind, i.year)
                        for i in ex.indicators]
    assert strip(a) == strip(b)
    back = Converter.get("tw2sp_repair").convert
    assert [back(i.name) for i in b.indicators] == [i.name for i in a.indicators]
    assert [[it.ordinal for it in e.items] for e in a.enumerations] == [[it.ordinal for it in e.items] for e in b.enumerations]
    assert [f.numbers for f in a.formulations] == [f.numbers for f in b.formulations]


def test_shared_pair_in_both_scripts(shared):
    simp = read(shared / "corpus" / "national" / "gwr-2019.txt")
    trad = read(shared / "corpus" / "traditional" / "gwr-2019-s2twp.txt")
    a, b = extract(simp), extract(trad)
    va = [(i.value, i.change and i.change.value, i.kind) for i in a.indicators]
    vb = [(i.value, i.change and i.change.value, i.kind) for i in b.indicators]
    assert va == vb
    assert [e.style for e in a.enumerations] == [e.style for e in b.enumerations]


def test_dataframe_of_indicators():
    pytest.importorskip("pandas")
    from policytext.extract import indicators_frame

    docs = [read(CORPORA / "gwr-2015.txt", meta={"year": 2015, "level": "national"})]
    df = indicators_frame([extract(d) for d in docs])
    assert len(df) == len(extract(docs[0]).indicators)
    assert {"name", "value", "change_value", "kind", "year", "meta_level", "meta_year", "source"} <= set(df.columns)
    assert set(df["meta_year"]) == {2015} and set(df["meta_level"]) == {"national"}  # never shadowed by `year`


# --- wording of other decades and places ---------------------------------------------
def test_year_between_name_and_value():
    # national/gwr-1988.txt
    text = "国民生产总值１９８７年达到１０９２０亿元，按可比价格计算平均每年增长１１．１％。"
    ind = one(text, name="国民生产总值", value=1092000000000.0, year=1987,
              change={"value": 11.1, "basis": None})
    assert ind.text.endswith("１１．１％")


def test_series_of_years_keeps_the_name():
    # national/gwr-1988.txt
    inds = extract("农民人均纯收入，１９８２年为２７０元，１９８７年为４６３元。").indicators
    assert [(i.name, i.value, i.year) for i in inds] == [("农民人均纯收入", 270.0, 1982), ("农民人均纯收入", 463.0, 1987)]


def test_name_in_the_clause_before_a_change():
    # national/gwr-1958.txt
    one("卫生部系统的医院病床数，比上一年增长百分之十一点七。", name="卫生部系统的医院病床数",
        change={"value": 11.7, "basis": "比上一年"})


def test_plan_wording_of_the_fifties():
    # national/gwr-1958.txt: 安排为 sets a plan figure
    one("进出口贸易总额安排为一百一十亿元，比上一年增长百分之八点六", name="进出口贸易总额", kind="target",
        value=11000000000.0, change={"value": 8.6})


def test_units_of_the_fifties():
    """公尺, 平方公尺, 立方公尺 (metres of the 1950s reports), 瓩 (kilowatt) and 马力 are units."""
    cases = {
        "各大水库，共可蓄水三十八亿立方公尺以上。": (3.8e9, "立方米", "min"),
        "两年中由国家建筑的各种房屋面积约七千八百余万平方公尺。": (7.8e7, "平方米", "approx"),
        "棉布一亿一千万公尺。": (1.1e8, "米", None),
        "建设一座7,000瓩的重水型原子反应堆。": (7000.0, "千瓦", None),
        "内燃机2，000万马力。": (2e7, "马力", None),
    }
    for text, (value, unit, qualifier) in cases.items():
        ind = extract(text).indicators[0]
        assert (ind.value, ind.unit, ind.qualifier) == (value, unit, qualifier), text


def test_idioms_are_no_numbers():
    # national/gwr-2010.txt and speeches generally
    assert extract("凝聚起亿万人民的力量，千万不能松懈").indicators == ()


def test_shared_head_noun_in_a_series():
    # provincial/gwr-2025-p26.txt
    inds = extract("城镇和农村常住居民人均可支配收入分别增长5%左右、7%左右；其中一、二、三产增加值分别增长3.5%以上、7%左右、5%以上。").indicators
    assert [i.name for i in inds] == ["城镇常住居民人均可支配收入", "农村常住居民人均可支配收入",
                                      "一产增加值", "二产增加值", "三产增加值"]
    assert [i.qualifier for i in inds] == ["approx", "approx", "min", "approx", "min"]


def test_names_running_back_over_a_list():
    # provincial/gwr-2025-p11.txt
    inds = extract("电子信息、高端装备制造、现代消费品营业收入预计分别达到2000亿元、1800亿元、1400亿元。").indicators
    assert [(i.name, i.value, i.kind) for i in inds] == [
        ("电子信息", 2e11, "target"), ("高端装备制造", 1.8e11, "target"), ("现代消费品营业收入", 1.4e11, "target")]


def test_taiwan_and_hong_kong_wording():
    # Traditional addresses write 成長, 兆 (10^12), 港元, 新臺幣
    inds = extract("去年臺灣經濟成長率達到4.3%，失業率降到3.4%。臺灣去年經濟成長3.1%，政府將投入新臺幣1兆元推動建設。").indicators
    got = [(i.name, i.value, i.change and i.change.value) for i in inds]
    assert got[:3] == [("臺灣經濟成長率", 4.3, None), ("失業率", 3.4, None), ("經濟成長", None, 3.1)]
    assert inds[3].value == 1e12 and inds[3].unit == "元"
    one("今年本港經濟預計增長2%至3%", change={"value": 2.0, "value_high": 3.0}, kind="target")
    one("政府將預留1,000億港元", value=1e11, unit="港元")
    one("風電裝機達到500兆瓦", value=500.0, unit="兆瓦")


def test_arabic_and_circled_lists_nested():
    # party/cpc-congress-01b.txt (1921): 1．… with ①② inside item 3, under section 三、
    text = (
        "三、今后意见\n\n\n1．吸收新党员\n\n\n广州的党员人数不多，这就使得我们要更多地注意这方面的工作。\n\n\n\n"
        "2．成立工会\n\n\n这个问题更是困难，因为去年一年之中，工会已增加到一百多个。\n\n\n\n"
        "3．成立工人学校\n\n\n①工会学校\n\n\n成立这类学校的计划是：要求所有的工会各派两名代表。\n\n\n\n"
        "②工人夜校\n\n\n目前，只有一所学校是由我们的同志直接领导的。\n\n\n\n"
        "4．对农民的宣传工作\n\n\n我们要千方百计地帮助他扩大影响，扩大宣传。\n\n\n\n"
        "5．与士兵的联系\n\n\n我们特意把这一段放在最后。\n"
    )
    ex = extract(text)
    arabic = next(e for e in ex.enumerations if e.style == "arabic")
    circled = next(e for e in ex.enumerations if e.style == "circled")
    assert [i.title for i in arabic.items] == ["吸收新党员", "成立工会", "成立工人学校", "对农民的宣传工作", "与士兵的联系"]
    assert [i.title for i in circled.items] == ["工会学校", "工人夜校"]
    assert circled.parent == (ex.enumerations.index(arabic), 2)


def test_other_licence_trailers_are_residue():
    # party/cpc-congress-01b.txt ends with another wiki notice
    text = "5．与士兵的联系\n\n我们特意把这一段放在最后。\n\n这部作品在1931年1月1日以前以匿名或別名發表，確實作者身份不明（包括僅以法人名義發表），在\n美國\n以及\n"
    doc = Document.from_text(text)
    assert doc.text[doc.residue[0][0]:].startswith("这部作品在1931年")
    assert not any("1931" in i.text for i in extract(doc).indicators)


def test_weak_cues_do_not_override_a_review_section():
    # national/gwr-2014.txt and gwr-2019.txt: review sections whose sentences say 控制在 and 将
    text = (
        "一、2013年工作回顾\n\n"
        "——经济运行稳中向好。国内生产总值达到56.9万亿元，比上年增长7.7%。居民消费价格涨幅控制在2.6%。城镇登记失业率4.1%。\n\n"
        "强化企业技术创新主体地位，将提高研发费用加计扣除比例政策扩大至所有企业。技术合同成交额增长30%以上。\n\n"
        "二、2014年工作总体部署\n\n"
        "今年经济社会发展的主要预期目标是：国内生产总值增长7.5%左右，居民消费价格涨幅控制在3.5%左右。\n"
    )
    kinds = {i.text: i.kind for i in extract(text).indicators}
    assert kinds["居民消费价格涨幅控制在2.6%"] == "actual"
    assert kinds["城镇登记失业率4.1%"] == "actual"
    assert kinds["技术合同成交额增长30%以上"] == "actual"
    assert kinds["国内生产总值增长7.5%左右"] == "target"
    assert kinds["居民消费价格涨幅控制在3.5%左右"] == "target"


def test_unrecognised_heading_resets_the_section():
    # national/gwr-1994.txt: 二、保持国民经济持续快速健康发展 follows a review section
    text = ("一、１９９３年国内工作的回顾\n\n国内生产总值增长百分之十三。\n\n二、保持国民经济持续快速健康发展\n\n"
            "根据这个要求，今年计划国内生产总值增长百分之九。\n")
    assert [i.kind for i in extract(text).indicators] == ["actual", "target"]


def test_party_congress_wording():
    # party/cpc-congress-12.txt (1982) and cpc-congress-17.txt (2007)
    text = ("我们的总的奋斗目标是，在不断提高经济效益的前提下，力争使全国工农业的年总产值翻两番，"
            "即由一九八○年的七千一百亿元增加到二○○○年的二万八千亿元左右。")
    doubling, fromto = extract(text).indicators
    assert doubling.change.value == 300.0 and doubling.kind == "target"
    assert (fromto.value, fromto.qualifier, fromto.year, fromto.change.value) == (2.8e12, "approx", 2000, 2.09e12)
    assert not any(i.unit == "台" for i in extract("十三亿大陆同胞和两千三百万台湾同胞是血脉相连的命运共同体").indicators)


def test_known_slogans_unquoted():
    # national/gwr-1979.txt writes 四个现代化 bare; 第十五届 is no slogan
    ex = extract("为实现四个现代化而奋斗，坚持四项基本原则，以一个中心两个基本点为指导。中共第十五届中央委员会。")
    assert [(f.text, f.numbers) for f in ex.formulations] == [
        ("四个现代化", (4,)), ("四项基本原则", (4,)), ("一个中心两个基本点", (1, 2))]


def test_aspects_as_head_noun():
    # the wording of many reports: 重点抓好以下四个方面
    text = "今年要重点抓好以下四个方面：\n\n一是稳增长。\n\n二是促改革。\n\n三是调结构。\n\n四是惠民生。\n"
    e = extract(text).enumerations[0]
    assert (e.announced, e.category) == (4, "方面")


def test_past_target_quoted_in_a_review():
    # national/gwr-1997.txt: last year's goal, then what happened
    text = ("一、1996年工作回顾\n\n去年政府工作报告提出，物价涨幅要从１４．８％降到１０％左右，经过上下各方面的努力，"
            "实际回落到６．１％，明显低于预定的调控目标。\n")
    goal, result = extract(text).indicators
    assert (goal.name, goal.value, goal.kind) == ("物价涨幅", 10.0, "target")
    assert (result.name, result.value, result.kind) == ("物价涨幅", 6.1, "actual")


def test_item_titles_keep_quoted_slogans_whole():
    # seed speech: the title runs past the comma inside the quotation
    doc = read(CORPORA / "seed-county-cadre-speech.txt")
    e = extract(doc).enumerations[0]
    assert e.items[0].title == "強化“xx是金華的主城區,也是中心城市的核心區”的理念"
    assert doc.text[e.intro_span[0]:e.intro_span[1]] == "我們一定要堅持強化好以下五個理念:"


def test_full_width_thousands_separators():
    # national/gwr-1956.txt writes its budget with full-width commas
    inds = extract("１９５５年本年收入合计２７，２０３，３１９，０００元，加上上年结转收入３，１５４，６５７，０００元。").indicators
    assert [i.value for i in inds] == [27203319000.0, 3154657000.0]
    assert inds[0].year == 1955 and inds[0].unit == "元"
    # but a comma between clauses is no separator
    assert [i.change.value for i in extract("工业总产值增长5%，100个项目开工").indicators] == [5.0]


def test_chinese_numerals_with_duo_before_the_multiplier():
    # national/gwr-1985.txt
    text = ("粮食产量达到四亿零七百多万吨，比上年增长５．１％；棉花达到六百零八万吨，增长３１．１％。"
            "特别令人高兴的是能源的生产超过计划的要求，原煤产量达到七亿七千多万吨，原油达到一亿一千四百多万吨。")
    inds = extract(text).indicators
    assert [(i.name, i.value, i.qualifier) for i in inds] == [
        ("粮食产量", 407000000.0, "approx"), ("棉花", 6080000.0, None),
        ("原煤产量", 770000000.0, "approx"), ("原油", 114000000.0, "approx")]
    assert all(i.kind == "actual" for i in inds)  # 超过计划的要求 reports a result


def test_price_adjusted_change_and_name_before_a_modifier():
    # national/gwr-1985.txt
    text = ("去年全国城镇居民家庭平均每人可用于生活费的收入达到六百零八元，扣除物价上涨因素，比上年增长１２．５％；"
            "农民的纯收入，全国平均每人达到三百五十五元，比上年增长１４．７％。")
    a, b = extract(text).indicators
    assert (a.value, a.change.value) == (608.0, 12.5)
    assert (b.name, b.value, b.change.value) == ("农民的纯收入", 355.0, 14.7)


def test_numbered_paragraphs_are_layout_not_a_list():
    # a Hong Kong policy address numbers every paragraph; a short 1. 2. 3. list stays a list
    paras = [f"{n}. 政府會繼續推動經濟發展，第{n}段的內容。" for n in range(1, 61)]
    assert extract("\n".join(paras)).enumerations == ()
    short = "\n".join(["今年重點做好三項工作：", "1. 穩經濟。", "2. 促就業。", "3. 保民生。"])
    e = extract(short).enumerations[0]
    assert (e.style, len(e.items), e.announced) == ("arabic", 3, 3)


def test_corner_bracket_quotes_as_keys():
    # Taiwan and Hong Kong texts quote with 「」
    text = "我們要推動以下兩項工作：\n\n第一，落實「五大信賴產業」，擴大投資。\n\n第二，推動「健康台灣」，照顧人民。\n"
    e = extract(text).enumerations[0]
    assert [i.key for i in e.items] == ["「五大信賴產業」", "「健康台灣」"]
    assert e.announced == 2


def test_review_and_plan_sections_decide_the_kind(shared):
    """In the 2025 provincial reports with a review and a plan heading, figures agree with their section."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("section_agreement", ROOT / "scripts" / "section_agreement.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    good = total = reports = 0
    for path in sorted((shared / "corpus" / "provincial").glob("gwr-2025-*.txt")):
        r = mod.agreement(path)
        if r is not None:
            reports, good, total = reports + 1, good + r[0], total + r[1]
    assert reports >= 24 and total > 4000
    assert good / total >= 0.995, (good, total)


_GOAL = re.compile(r"(?:预期目标|主要目标)[^。]{0,80}?(?:生产总值|经济)增长([\d.]+)[%％](?:[-—–~至到]([\d.]+)[%％])?(左右|以上)?")


def test_first_growth_target_of_every_provincial_report(shared):
    """The first GDP growth target found is the one the report sets for its year, with its qualifier."""
    from policytext import read

    name = re.compile("生产总值|经济增长")
    checked, wrong = 0, []
    for path in sorted((shared / "corpus" / "provincial").glob("gwr-*.txt")):
        doc = read(path)
        goal = _GOAL.search(doc.text)
        if goal is None:
            continue
        checked += 1
        low, high = float(goal.group(1)), goal.group(2) and float(goal.group(2))
        qualifier = {"左右": "approx", "以上": "min"}.get(goal.group(3)) if not high else None
        found = [i for i in extract(doc, enumerations=False, formulations=False).indicators
                 if i.kind == "target" and i.change is not None and name.search(i.name) and "人均" not in i.name]
        first = found[0] if found else None
        if first is None or (first.change.value, first.change.value_high, first.qualifier) != (low, high, qualifier):
            wrong.append((path.name, goal.group(), first and first.text))
    assert checked >= 30 and not wrong, wrong


# Names, units and changes that read right; each sentence is quoted from a report of ../shared/corpus.
def _rows(sentence):
    return [(i.name, i.value, i.unit, i.change and (i.change.value, i.change.unit, i.change.direction, i.change.basis))
            for i in extract(sentence).indicators]


def test_count_opening_a_clause_that_reports_is_an_indicator():
    # gwr-2025-p13: 19个城中村改造项目全部启动; a list count is not (五个理念)
    rows = _rows("改造城镇老旧小区1376个、14万户，19个城中村改造项目全部启动")
    assert rows[-1] == ("城中村改造项目", 19.0, "个", None)
    assert _rows("坚持五个理念") == []


def test_comparison_with_higher_or_lower_is_a_change():
    # gwr-2025-p04
    rows = _rows("农村居民人均可支配收入增长6.7%左右，增速比城镇居民高2.4个百分点")
    assert rows[1] == ("增速", None, None, (2.4, "pp", "up", "比城镇居民"))
    # gwr-2018: 低, joined to the figure it compares (安排 between them)
    assert _rows("今年赤字率拟按2.6%安排，比去年预算低0.4个百分点") == [
        ("赤字率", 2.6, "%", (0.4, "pp", "down", "比去年预算"))]


def test_change_after_a_comma_or_enumeration_comma_belongs_to_the_figure_before():
    # gwr-2025-p14, gwr-2025-p01
    assert _rows("空气质量优良天数比例达90%、提高3.4个百分点") == [
        ("空气质量优良天数比例", 90.0, "%", (3.4, "pp", "up", None))]
    assert _rows("上海港集装箱吞吐量达到5150.6万标准箱、增长4.8%")[0][:3] == ("上海港集装箱吞吐量", 51506000.0, "标准箱")


def test_each_measure_named_before_dou_or_jun_gets_the_change():
    # gwr-2025-p26
    rows = _rows("接待游客人次、旅游总花费均增长8%以上")
    assert [(r[0], r[3][0]) for r in rows] == [("接待游客人次", 8.0), ("旅游总花费", 8.0)]
    # lists joined by 和 and 、 together (gwr-2025-p21), 都 with a basis (gwr-1985), a value (gwr-2023)
    rows = _rows("项目结算率、决算率和通过率均提高20个百分点以上")
    assert [(r[0], r[3][:2]) for r in rows] == [("项目结算率", (20.0, "pp")), ("决算率", (20.0, "pp")), ("通过率", (20.0, "pp"))]
    assert [(r[0], r[3][3]) for r in _rows("国民收入和国家财政收入都比上年增长１２％")] == [
        ("国民收入", "比上年"), ("国家财政收入", "比上年")]
    assert [r[:3] for r in _rows("草原综合植被盖度和湿地保护率均达50%以上")] == [
        ("草原综合植被盖度", 50.0, "%"), ("湿地保护率", 50.0, "%")]
    # a short first measure shares the head noun after the character both end in (gwr-2014, gwr-2025-p04)
    assert [r[0] for r in _rows("铁路、高速公路运营里程均超过10万公里")] == ["铁路运营里程", "高速公路运营里程"]
    assert [r[0] for r in _rows("食品、药品抽检合格率均超99%")] == ["食品抽检合格率", "药品抽检合格率"]
    assert all(ind.text == "铁路、高速公路运营里程均超过10万公里"[ind.span[0]:ind.span[1]]
               for ind in extract("铁路、高速公路运营里程均超过10万公里").indicators)


def test_compound_units_stay_whole():
    # gwr-2025-p19; gwr-2025-p01; gwr-2025-p26; gwr-2025-p14
    assert _rows("发电量超过2600亿千瓦时、增长8.2%") == [("发电量", 2.6e11, "千瓦时", (8.2, "%", "up", None))]
    assert _rows("机场旅客吞吐量4854.4万人次、增长18.5%")[0][1:3] == (48544000.0, "人次")
    assert _rows("保障重大项目用能指标1600万吨标准煤")[0][1:3] == (16000000.0, "吨标准煤")
    assert [r[2] for r in _rows("旅客周转量达到500亿人公里，货物周转量2000亿吨公里")] == ["人公里", "吨公里"]


def test_names_hold_no_verb_or_adverb_fragment():
    # gwr-2025-p14: 统筹用好中央149.2亿元乡村振兴补助资金
    assert _rows("进一步用好专项债券资金200亿元")[0][0] == "专项债券资金"
    assert _rows("企业净增15万户、达157万户")[0][:3] == ("企业", 1570000.0, "户")
    # an action (with its adverb) before a count names nothing: the thing counted follows, quoted or not
    # (gwr-2025-p05, gwr-2025-p04, gwr-2025-p01, gwr-2025-p21, gwr-2012)
    assert _rows("全面完成25项民生实事")[0][:2] == ("民生实事", 25.0)
    assert _rows("推进89个平急两用公共基础设施项目")[0][:2] == ("平急两用公共基础设施项目", 89.0)
    assert _rows("建成102个“美丽街区”")[0][:2] == ("“美丽街区”", 102.0)
    assert _rows("新建5G基站2.3万个以上")[0][:2] == ("5G基站", 23000.0)
    assert _rows("城镇保障性住房基本建成432万套")[0][:2] == ("城镇保障性住房", 4320000.0)
    # 增至, 高达, 大幅 are verbs and adverbs, not the end of a name (gwr-2025-p26, gwr-1955, gwr-2025-p04)
    assert _rows("高校增至80所")[0][:3] == ("高校", 80.0, "所")
    assert _rows("单位造价高达三百四十六元")[0][:2] == ("单位造价", 346.0)
    assert _rows("入境游客大幅增长186.8%")[0][0] == "入境游客"
    # 大約 qualifies the figure (gwr-1954); Hong Kong's 會 (will) opens no name
    assert _rows("這個比重大約是百分之十七")[0][:3] == ("這個比重", 17.0, "%")
    assert _rows("政府會撥款五十億元")[0][:2] == ("撥款", 5e9)  # the appropriation, as Hong Kong names it


def test_later_figure_of_a_from_to_pair_carries_the_measure():
    # gwr-2026-ningxia
    assert _rows("常住人口由上年729万人增加到732万人") == [("常住人口", 7320000.0, "人", (30000.0, "人", "up", None))]
    # the fifties write 由……下降为……, 将由……到一九五七年上升为…… (gwr-1955, gwr-1956)
    assert _rows("私营工业产值所占的比重，则由一九四九年的百分之六十三点三下降为一九五二年的百分之三十九") == [
        ("私营工业产值所占的比重", 39.0, "%", (24.3, "pp", "down", None))]
    inds = extract("生产资料的产值在工业总产值中所占的比重，将由一九五二年的百分之三十九点七到一九五七年上升为百分之四十五点四").indicators
    assert [(i.name, i.value, i.change.value, i.year) for i in inds] == [
        ("生产资料的产值在工业总产值中所占的比重", 45.4, pytest.approx(5.7), 1957)]
    assert _rows("私营工业所占的比重则由１９５４年的２５％下降为１６％") == [
        ("私营工业所占的比重", 16.0, "%", (9.0, "pp", "down", None))]


def test_spaced_year_is_a_year_not_part_of_a_name():
    # gwr-1998 spaces its digits one by one
    inds = extract("1 9 9 7 年国内生产总值达到7 4 7 7 2 亿元，按可比价格计算，平均每年增长1 1 ％").indicators
    assert [(i.name, i.value, i.year) for i in inds] == [("国内生产总值", 7477200000000.0, 1997)]
    ind = extract("本世纪末国民生产总值比1 9 8 0 年翻两番").indicators[0]
    assert (ind.name, ind.change.value, ind.change.basis) == ("国民生产总值", 300.0, "比1 9 8 0 年")


def test_change_on_the_year_before_gets_the_year_it_describes():
    # the year the paragraph opens with (gwr-1985), else its section heading's (gwr-2010)
    text = "１９８４年，我国农业又获得了大丰收。粮食产量达到四亿零七百多万吨，比上年增长５．１％；棉花达到六百零八万吨，增长３１．１％。"
    assert [(i.name, i.year) for i in extract(text).indicators][0] == ("粮食产量", 1984)
    text = "一、2009年工作回顾\n国内生产总值达到33.5万亿元，比上年增长8.7%。\n二、2010年主要任务\n中央财政拟安排补贴资金1335亿元，比上年增加60.4亿元。"
    assert [(i.name, i.year, i.kind) for i in extract(text).indicators] == [
        ("国内生产总值", 2009, "actual"), ("中央财政拟安排补贴资金", 2010, "target")]
    # a relative year, a range of years or a mixed heading names no one year (gwr-2008, gwr-1987, gwr-1999)
    assert extract("二、2008年主要任务\n去年居民消费价格总水平比上年上涨4.8%。").indicators[0].year is None
    assert extract("使1984年末至1985年一度出现的经济过热现象初步调整过来。全国社会总产值达到18774亿元，比上年增长9.1%").indicators[0].year is None
    assert extract("一、1998年工作回顾和1999年工作的总体要求\n国内生产总值比上年增长7.8%。").indicators[0].year is None


def test_years_of_changes_on_the_year_before_across_the_national_reports(shared):
    """Each national work report's review (2000s-2010s) says how the economy grew on the year before:
    that change gets the year the report reviews, the one before the report's."""
    from policytext import read

    checked = 0
    for year in range(2006, 2016):
        path = shared / "corpus" / "national" / f"gwr-{year}.txt"
        gdp = [i for i in extract(read(path), enumerations=False, formulations=False).indicators
               if i.name == "国内生产总值" and i.change is not None and i.change.basis == "比上年"]
        if gdp:
            checked += 1
            assert gdp[0].year == year - 1, (year, gdp[0].text, gdp[0].year)
    assert checked >= 5


def test_names_are_never_cut_inside_a_word():
    # a strip word (有, 就, 其, 使, 年, 定, 近, 均) is not cut off a word it begins or ends:
    # gwr-2025-p26, gwr-2025-p28, gwr-1955, gwr-2012, gwr-1958, gwr-2019, gwr-2025-p02
    assert _rows("化工、有色行业增加值增速均超过30%")[-1][0] == "有色行业增加值增速"
    assert _rows("退役军人职业技能培训合格率、就业率均超过90%")[-1][0] == "就业率"
    assert _rows("其他收入为６８１，３４７，０００元")[0][0] == "其他收入"
    assert _rows("实际使用外商直接投资1160亿美元")[0][0] == "实际使用外商直接投资"
    assert _rows("钢产量拟定为六百二十四万八千吨")[0][:2] == ("钢产量", 6248000.0)
    assert _rows("服务业对经济增长贡献率接近60%")[0][0] == "服务业对经济增长贡献率"
    assert _rows("服务覆盖学生和青少年不少于100万人次")[0][0] == "服务覆盖学生和青少年"
    # 及 of 普及率 joins no list (gwr-2025-p20)
    rows = _rows("农村生活污水治理率、自来水普及率、生活垃圾分类屋（亭）行政村覆盖率分别达90%、96%、100%")
    assert [(r[0], r[1]) for r in rows] == [("农村生活污水治理率", 90.0), ("自来水普及率", 96.0),
                                            ("生活垃圾分类屋（亭）行政村覆盖率", 100.0)]
