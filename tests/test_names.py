"""Names of measures, on real sentences of the corpus (file cited) and across the whole corpus."""
from __future__ import annotations

import re

import pytest

from policytext import extract, read

from .conftest import CORPORA


def _names(sentence: str) -> list[tuple[str, float]]:
    return [(i.name, i.change.value if i.change else i.value) for i in extract(sentence).indicators]


@pytest.mark.parametrize("sentence,want", [
    # the head noun starts at a word boundary of the last member, never inside a word
    ("汽车、有色金属行业增加值分别增长18.1%、16.6%",  # provincial/gwr-2025-p29
     [("汽车行业增加值", 18.1), ("有色金属行业增加值", 16.6)]),
    ("家电、新能源汽车零售额分别增长23.9%、35.8%",  # provincial/gwr-2025-p19
     [("家电零售额", 23.9), ("新能源汽车零售额", 35.8)]),
    ("制造业、战略性新兴产业贷款分别增长12.7%、27.2%",  # provincial/gwr-2025-p13
     [("制造业贷款", 12.7), ("战略性新兴产业贷款", 27.2)]),
    ("汽车、家电、通讯、家具零售额分别增长20%、10%、36%、40%",  # provincial/gwr-2025-p08
     [("汽车零售额", 20.0), ("家电零售额", 10.0), ("通讯零售额", 36.0), ("家具零售额", 40.0)]),
    # parallel modifiers of one width, where the member with the rest of the word is a word itself
    ("城镇、农村居民人均可支配收入分别增长4.8%、7%",  # provincial/gwr-2025-p08
     [("城镇居民人均可支配收入", 4.8), ("农村居民人均可支配收入", 7.0)]),
    ("第一、第三产业增加值分别增长2.5%、3.9%",  # provincial/gwr-2025-p02
     [("第一产业增加值", 2.5), ("第三产业增加值", 3.9)]),
    ("刑事、治安案件立案数分别下降25.7%、6%",  # provincial/gwr-2025-p06
     [("刑事案件立案数", 25.7), ("治安案件立案数", 6.0)]),
    ("2007年中、高等职业教育在校生分别达到2000万人和861万人",  # national/gwr-2008
     [("中等职业教育在校生", 2e7), ("高等职业教育在校生", 8.61e6)]),
    # a long first member is a measure of its own: the others are too (not 能耗化碳排放量)
    ("今后五年，单位国内生产总值用水量、能耗、二氧化碳排放量分别下降23%、15%、18%",  # national/gwr-2016
     [("单位国内生产总值用水量", 23.0), ("能耗", 15.0), ("二氧化碳排放量", 18.0)]),
    # a name never ends in 每: 每50公斤 is the figure's measure (national/gwr-2012)
    ("今年小麦、稻谷最低收购价平均每50公斤分别提高7.4元和16元",
     [("小麦最低收购价", 7.4), ("稻谷最低收购价", 16.0)]),
])
def test_shared_head_noun_of_a_list(sentence, want):
    assert _names(sentence) == want


def test_a_name_never_ends_in_the_unit_of_a_rate():
    # 每斤, 每月 go with the figure (national/gwr-2009, indented; provincial/gwr-2026-ningxia)
    assert _names("\u3000\u3000今年小麦、稻谷最低收购价平均每斤分别提高0.11元和0.13元。") == [
        ("小麦最低收购价", 0.11), ("稻谷最低收购价", 0.13)]
    assert _names("最低工资标准每月提高183元") == [("最低工资标准", 183.0)]


def _indicators_of(path, sentence_start: str):
    doc = read(path)
    at = doc.text.index(sentence_start)
    end = doc.text.index("。", at)
    return [(i.name, i.change.value if i.change else i.value) for i in extract(doc).indicators
            if at <= i.span[0] < end]


def test_series_names_end_before_fenbie():
    # what follows 分别 is said of each member: 分别净减少, 分别新增 are no part of a name
    got = _indicators_of(CORPORA / "national" / "gwr-2023.txt", "水土流失、荒漠化、沙化土地面积")
    assert [n for n, _ in got] == ["水土流失面积", "荒漠化面积", "沙化土地面积"]
    got = _indicators_of(CORPORA / "gwr-2025-p01.txt", "浦东新区法规、管理措施分别新增")
    assert got[:2] == [("浦东新区法规", 4.0), ("管理措施", 10.0)]


def test_list_members_joined_by_he_inside_are_split_on_dunhao():
    # 、 separates the two measures; 和 joins words inside each (national/gwr-2025)
    got = _indicators_of(CORPORA / "national" / "gwr-2025.txt", "信息传输软件和信息技术服务业、租赁和商务服务业增加值")
    assert got == [("信息传输软件和信息技术服务业", 10.9), ("租赁和商务服务业增加值", 10.4)]


def test_no_name_holds_fenbie_or_ends_in_mei_across_the_corpus(shared):
    """Every name of the corpus: none holds 分别 after a measure (a list's names end before it), none
    ends in 每 (每 always goes with the figure after it: 每50公斤)."""
    bad, n = [], 0
    for path in sorted((shared / "corpus").rglob("*.txt")):
        if path.name == "README.md":
            continue
        for ind in extract(read(path), enumerations=False, formulations=False).indicators:
            n += 1
            if re.search(".分[别別]", ind.name) or ind.name.endswith("每"):
                bad.append((path.name, ind.name, ind.text))
    assert n > 1000
    assert bad == []


def test_names_from_letter_spaced_text_drop_the_spacing(shared):
    """A PDF's letter-spaced lines (hongkong/policy-address-2014-from-pdf) and the stray spaces of old
    line wraps (policy-address-1997): the name is the measure without the spaces the view removed,
    its span still exact into the original."""
    spaced = 0
    for name in ("policy-address-2014-from-pdf.txt", "policy-address-1997.txt"):
        doc = read(shared / "corpus" / "hongkong" / name)
        for ind in extract(doc, enumerations=False, formulations=False).indicators:
            if not ind.name_span:
                continue
            pieces = ind.name_span if isinstance(ind.name_span[0], tuple) else (ind.name_span,)
            written = "".join(doc.text[a:b] for a, b in pieces)
            spaced += written != ind.name
            assert not re.search(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]", ind.name), ind.name
            assert re.sub(r"\s+", "", written) == re.sub(r"\s+", "", ind.name), (written, ind.name)
    assert spaced > 20  # most of the 2014 address is letter-spaced


def test_a_letter_spaced_line_names_its_measure():
    # the 2014 address's layout: every line letter-spaced, pages fed
    text = ("政 府 已 預 留 10 億 元 設 立 「 回 收 基 金 」 。\n" + "本 地 生 產 總 值 增 長 2. 9% 。\n" * 11) + "\f"
    ind = next(i for i in extract(text).indicators if i.change)
    assert (ind.name, ind.change.value) == ("本地生產總值", 2.9)
    assert text[ind.span[0]:ind.span[1]] == ind.text and ind.text.startswith("本 地 生 產 總 值")


@pytest.mark.parametrize("sentence,want", [
    # the thing the figure counts or pays for, after it (hongkong/policy-address-2014-from-pdf, -2018-speech)
    ("勞福局收到約40間機構的初步建議，涉及約60個原址擴建或重建項目，", ("原址擴建或重建項目", 60.0)),
    ("我在《施政報告》中公布了進一步改善教育質素和回應教師、校長和家長訴求的具體措施，涉及額外47億元經常開支。",
     ("經常開支", 4.7e9)),
    ("將為高中畢業生開拓更寬更廣的升學渠道，可望額外提供2 120個資助名額予香港學生在本地及境外升讀學位課程",
     ("資助名額", 2120.0)),
    ("在該處發展公營房屋並重建華富邨，合共增加約11 900個公屋及居屋單位。", ("公屋及居屋單位", 11900.0)),
    ("目前仍滯留在香港的，只剩下一千三百名難民、八百名船民", ("難民", 1300.0)),  # policy-address-1997
    # else the topic the clause before sets (hongkong/policy-address-1997, less a stray space of its line wraps)
    ("此外，我們在援助金額方面，還會動用九十四億元。", ("援助金額", 9.4e9)),
    # else the action itself, as these addresses name money by what is done with it, less its adverbs
    # (已, 再: policy-address-2014-from-pdf; 設立「回收基金」 says what for, it names nothing)
    ("為推動回收業的可持續發展，政府已預留10億元設立「回收基金」，並會制訂基金的具體應用細節。", ("預留", 1e9)),
    ("政府剛於去年為「創意智優計劃」再注資3億元，以繼續支援創意產業的發展。", ("注資", 3e8)),
])
def test_an_action_alone_names_nothing(sentence, want):
    inds = list(extract(sentence).indicators)
    got = [(i.name, i.change.value if i.change and i.value is None else i.value) for i in inds]
    assert want in got, got
    ind = inds[got.index(want)]
    assert sentence[ind.span[0]:ind.span[1]] == ind.text


def test_no_name_in_the_hong_kong_addresses_is_an_adverb_and_an_action(shared):
    """Names of the Hong Kong addresses: an action keeps no adverb (已預留, 再注資, 還會動用), and one
    with a noun phrase after its figure gives way to it (涉及約60個原址擴建或重建項目)."""
    from policytext.convert import Converter
    from policytext.extract.names import ACTION_ONLY

    t2s = Converter.get("t2s")
    names, bare = 0, []
    for path in sorted((shared / "corpus" / "hongkong").glob("*.txt")):
        for ind in extract(read(path), enumerations=False, formulations=False).indicators:
            names += bool(ind.name)
            m = ACTION_ONLY.fullmatch(t2s.convert(ind.name))
            before = re.sub(r"\s+", "", ind.text).startswith(ind.name)  # not 150億元的額外注資
            if m and before and m.start("verb") > 0:
                bare.append((path.name, ind.name, ind.text))
    assert names > 200
    assert bare == []


def test_a_copular_topic_names_its_subject():
    # national/gwr-2021: the clause before the figure says what the measure is (X是Y); X is the measure
    got = _indicators_of(CORPORA / "national" / "gwr-2021.txt", "经济增速是综合性指标")
    assert got[0] == ("经济增速", 6.0)


@pytest.mark.parametrize("sentence,want", [
    # what leads to the figure follows a copula: ordinal list items and framing subjects
    ("二是取消或停征中央涉企行政事业性收费35项",  # national/gwr-2017
     [("取消或停征中央涉企行政事业性收费", 35.0)]),
    ("十一是维修农村供水工程1800处",  # provincial/gwr-2025-p11
     [("维修农村供水工程", 1800.0)]),
    ("只是中国科学院所属的研究机构即将增加二十三所",  # national/gwr-1955
     [("中国科学院所属的研究机构", 23.0)]),
    # 是 followed by a rate unit stays a tail (每人446元 goes with the figure): national/gwr-1957
    ("1952年全国职工年平均工资是每人446元", [("职工年平均工资", 446.0)]),
    # a copula after the figure: the name follows it (hongkong/policy-address-2018-speech)
    ("其中七成為公營房屋", [("公營房屋", 70.0)]),
])
def test_a_copula_inside_a_name(sentence, want):
    assert _names(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    # an adverb or modal before the change verb is no part of the name
    ("财政性教育经费支出占国内生产总值比例继续超过4%",  # national/gwr-2017
     [("财政性教育经费支出占国内生产总值比例", 4.0)]),
    ("财政性教育经费占国内生产总值比例持续超过4%",  # national/gwr-2018
     [("财政性教育经费占国内生产总值比例", 4.0)]),
    ("根据1980年计划，积累率可能进一步降到30％左右",  # national/gwr-1980
     [("积累率", 30.0)]),
    ("我国在第一个五年计划完成之后，钢的产量仍然不过四百多万吨",  # national/gwr-1955
     [("钢的产量", 4e6)]),
    ("到一九三五年，年产量才增加到一千零二万吨",  # national/gwr-1959
     [("年产量", 1.002e7)]),
    ("而未來五年，非經常開支則會增加至二百二十二億元",  # hongkong/policy-address-1997
     [("非經常開支", 2.22e10)]),
    # 前 of a time or a rank goes with the figure (national/gwr-1957, provincial/gwr-2025-p05)
    ("食糖产量前三年共增加了十六万吨", [("食糖产量", 1.6e5)]),
    ("降幅居全国前5位", [("降幅", 5.0)]),
    # 提前 is an adverb after a count: 95个县市区提前完成存量隐性债务化解 (provincial/gwr-2025-p14)
    ("95个县市区提前完成存量隐性债务化解", [("县市区", 95.0)]),
])
def test_a_name_never_ends_in_an_adverb(sentence, want):
    assert _names(sentence) == want


def test_a_name_ending_in_cai_or_hui_as_a_noun_stays_whole():
    # 人才, 发布会: nouns, not the adverb 才 or the modal 会 (provincial/gwr-2025-p18, p10)
    assert _names("新引进顶尖人才22名、领军人才189名") == [("顶尖人才", 22.0), ("领军人才", 189.0)]
    assert _names("召开省级新闻发布会185场") == [("召开省级新闻发布会", 185.0)]


def test_a_fenbie_series_named_only_by_its_verb_takes_the_list_before():
    # national/gwr-2007: the two measures of the clause before, one to one (not 分别淘汰)
    assert _names("五年淘汰落后炼铁产能1亿吨、落后炼钢产能5500万吨，今年力争分别淘汰3000万吨和3500万吨") == [
        ("淘汰落后炼铁产能", 1e8), ("落后炼钢产能", 5.5e7), ("淘汰落后炼铁产能", 3e7), ("落后炼钢产能", 3.5e7)]
    # gwr-2025-p01: 累计分别达到 names the measures of the series before it, not the last one twice
    got = _indicators_of(CORPORA / "gwr-2025-p01.txt", "浦东新区法规、管理措施分别新增")
    assert got == [("浦东新区法规", 4.0), ("管理措施", 10.0), ("浦东新区法规", 22.0), ("管理措施", 31.0)]


def test_a_fenbie_series_after_a_quoted_list():
    # gwr-2025-p01: a closing quote ends a clause, but the quoted list names the series after it
    got = _indicators_of(CORPORA / "gwr-2025-p01.txt", "“上海标准”、“上海品牌”分别新增")
    assert got == [("“上海标准”", 11.0), ("“上海品牌”", 27.0), ("“上海标准”", 52.0), ("“上海品牌”", 204.0)]


def test_a_fenbie_series_from_a_list_to_a_list_pairs_one_to_one():
    # provincial/gwr-2025-p12: 202→209 is the first measure's, 270→280 the second's
    got = [(i.name, i.value, i.change.value) for i in extract(
        "困难残疾人生活补贴、重度残疾人护理补贴标准分别从每人每月202元、270元提高到209元、280元").indicators]
    assert got == [("困难残疾人生活补贴", 209.0, 7.0), ("重度残疾人护理补贴标准", 280.0, 10.0)]


def test_series_from_to_across_the_corpus(shared):
    """Both reports that write a 分别从 list to a list (2025 Guangdong, and its 2026 report) pair it so."""
    # 202元、270元提高到209元、280元 (2025); 209元、280元提高到217元、290元 (2026): the rises 7, 10 and 8, 10
    for path, rises in [("provincial/gwr-2025-p12.txt", (7.0, 10.0)), ("provincial/gwr-2026-guangdong.txt", (8.0, 10.0))]:
        got = _indicators_of(shared / "corpus" / path, "困难残疾人生活补贴、重度残疾人护理补贴标准")
        assert got == [("困难残疾人生活补贴", rises[0]), ("重度残疾人护理补贴标准", rises[1])]


@pytest.mark.parametrize("sentence,want", [
    # a clause that ends in 和/及 before the figure: the figure opens the next member of the list, named
    # by what follows it, never by the member before (national/gwr-2008, provincial/gwr-2025-p02,
    # hongkong/policy-address-2014-from-pdf, provincial/gwr-2025-p22)
    ("改造和新建1.88万所乡镇卫生院、786所县医院、285所县中医院和534所县妇幼保健院", ("县妇幼保健院", 534.0)),
    ("新增3个硕士授予单位和62个博士硕士学位授权点。", ("博士硕士学位授权点", 62.0)),
    ("政府的目標是平均每年提供約20 000個公屋單位和約8 000個居屋單位。", ("居屋單位", 8000.0)),
    ("园区贡献了全省74.6%的规模工业增加值和40%左右的税收。", ("税收", 40.0)),
    # a verb after the thing counted ends its name (provincial/gwr-2026-guangdong, gwr-2025-p07)
    ("5个地级市和5个县级城市新获评全国文明城市", ("县级城市", 5.0)),
    ("新梅江公园北段、柳林公园二期和56个口袋公园向市民开放", ("口袋公园", 56.0)),
])
def test_a_name_never_ends_in_a_conjunction(sentence, want):
    got = [(i.name, i.value) for i in extract(sentence).indicators]
    assert want in got, got
    assert not any(re.search("(?:和|及|与|、)$", n) for n, _ in got), got


def test_hui_ji_is_no_conjunction():
    # 惠及 ends in 及 but joins nothing: the action names the count (national/gwr-2025)
    assert _names("向困难群众发放一次性生活补助，惠及1100多万人。") == [("惠及", 1.1e7)]


def test_a_circled_ordinal_is_no_part_of_a_name():
    # provincial/gwr-2025-p22 numbers its list items ④ ⑤; the unnamed 485 is the same measure's
    got = _names("④建设社区老年助餐服务点500个。⑤城乡低保标准提高到不低于740元/月和485元/月")
    assert got == [("建设社区老年助餐服务点", 500.0), ("城乡低保标准", 740.0), ("城乡低保标准", 485.0)]


@pytest.mark.parametrize("sentence,want", [
    # a time ahead and a modal name nothing: the measure is the clause before (hongkong/policy-address-1997,
    # -2014-from-pdf); the figure 倍增至 reaches is the same measure's, not 倍
    ("這類樓齡超過三十年的房屋在私人樓宇所佔的比例，在未來十年會從百分之二十，倍增至百分之四十。",
     [("這類樓齡超過三十年的房屋在私人樓宇所佔的比例", 20.0), ("這類樓齡超過三十年的房屋在私人樓宇所佔的比例", 40.0)]),
    ("對制服團體如童軍、香港紅十字會和交通安全隊等的恆常資助，在來年會增加一倍，並提高撥款",
     [("香港紅十字會和交通安全隊等的恆常資助", 1.0)]),
    # the time ahead leads the name, never cuts into it (national/gwr-2006, gwr-2025-p04: 未来能源 is an industry)
    ("今后五年中央财政将投入100亿元", [("中央财政将投入", 1e10)]),
    ("重点培育人形机器人、商业航天、生物制造、新材料、未来能源等20个未来产业。", [("未来能源等", 20.0)]),
])
def test_a_time_ahead_is_no_name(sentence, want):
    assert _names(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    # a date or a span of months goes with the figure, never with the name (provincial/gwr-2025-p15,
    # -p13, national/gwr-2000, gwr-2018, gwr-1982, hongkong/policy-address-2018-speech)
    ("省重大项目投资7300亿元，230个计划新开工项目9月底前全部开工。", ("计划新开工项目", 230.0)),
    ("1—11月规模以上工业能耗强度下降8.9%", ("规模以上工业能耗强度", 8.9)),
    ("国家外汇储备年底达到1547亿美元", ("国家外汇储备", 1.547e11)),
    ("移动网络流量资费年内至少降低30%", ("移动网络流量资费", 30.0)),
    ("查处的经济违法犯罪案件从今年一月到九月共有十三万六千零二十四件", ("查处的经济违法犯罪案件", 136024.0)),
    ("截至9月的集資總額為2,380億港元", ("集資總額", 2.38e11)),
    # 五年内 leads the measure of five years (national/gwr-1982)
    ("五年内大学毕业生共一百五十万人", ("大学毕业生", 1.5e6)),
])
def test_a_date_is_no_part_of_a_name(sentence, want):
    got = [(i.name, i.change.value if i.change and i.value is None else i.value) for i in extract(sentence).indicators]
    assert want in got, got


@pytest.mark.parametrize("sentence,want", [
    # a one-word last member lends its last two characters (provincial/gwr-2025-p14)
    ("工伤三项社会保险参保2654.39万人次，生育和基本医疗保险分别参保448.2万人、2366.7万人", [("工伤三项社会保险参保", 2.65439e7), ("生育保险", 4.482e6), ("基本医疗保险", 2.3667e7)]),
    # a four-character member that is no measure of its own shares the head (national/gwr-2023,
    # provincial/gwr-2025-p19, gwr-2025-p24)
    ("水土流失、荒漠化、沙化土地面积分别净减少10.6万、3.8万、3.3万平方公里",
     [("水土流失面积", 1.06e5), ("荒漠化面积", 3.8e4), ("沙化土地面积", 3.3e4)]),
    ("机场旅客和国际货邮吞吐量分别增长14.2%、29.1%", [("机场旅客吞吐量", 14.2), ("国际货邮吞吐量", 29.1)]),
    ("城镇居民、农村居民人均可支配收入分别增长4.6%、6.7%",
     [("城镇居民人均可支配收入", 4.6), ("农村居民人均可支配收入", 6.7)]),
    # a member that is a measure of its own, or an entity whose counterpart goes on, stays whole
    # (provincial/gwr-2025-p14, gwr-2025-p03)
    ("供水、水库蓄水、生态补水分别增加2.34亿立方米、1亿立方米、3亿立方米",
     [("供水", 2.34e8), ("水库蓄水", 1e8), ("生态补水", 3e8)]),
    ("能源集团、林草生态公司利润分别增长1倍、2倍", [("能源集团", 1.0), ("林草生态公司利润", 2.0)]),
])
def test_a_list_member_shares_the_head_noun(sentence, want):
    assert _names(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    # adverbs and verbs that lead or end a name before its figure (provincial/gwr-2025-p09, -p13,
    # national/gwr-2017, gwr-1956, gwr-2004, gwr-2025-p21)
    ("汽车产量继续保持40%以上增长、达357万辆", ("汽车产量", 40.0)),
    ("新增职业技术大学、高等职业学校各2所。", ("高等职业学校", 2.0)),
    ("要深入实施精准扶贫精准脱贫，今年再减少农村贫困人口1000万以上", ("减少农村贫困人口", 1e7)),
    ("此外，１９５５年政府还支出农村救济费２亿余元", ("支出农村救济费", 2e8)),
    ("确保完成2005年前裁减军队员额20万等各项任务", ("裁减军队员额", 2e5)),
    ("城镇新增就业连续4年超过90万人", ("城镇新增就业", 9e5)),
    # a name never opens with 的 (hongkong/policy-address-2003-simplified)
    ("至于旅游业方面，去年的就业人数达到三百二十七万人", ("就业人数", 3.27e6)),
    # 再就业 is a noun: it stays (provincial/gwr-2025-p24)
    ("失业人员实现再就业14.3万人", ("再就业", 1.43e5)),
    # a verb after the thing counted ends its name (national/gwr-2008, hongkong/policy-address-2018-speech)
    ("为1.17万个乡镇卫生院配备了医疗设备", ("乡镇卫生院", 11700.0)),
])
def test_no_adverb_or_verb_at_either_end_of_a_name(sentence, want):
    got = [(i.name, i.change.value if i.change and i.value is None else i.value) for i in extract(sentence).indicators]
    assert want in got, got


def test_a_base_figure_before_its_change_is_not_named_by_the_change():
    # national/gwr-1959: 比一九五二年的八百二十七亿一千万元增长百分之六十八 — the base figure is named
    # neither 比 nor by the change after it
    got = _names("工农业总产值达到了一千三百八十七亿四千万元，比一九五二年的八百二十七亿一千万元增长百分之六十八")
    assert all(n not in ("比",) and not n.startswith("增长") for n, _ in got), got


def test_ji_yishang_joins_nothing():
    # 县级及以上 is one modifier: 均 gives the figure to the two measures (provincial/gwr-2025-p26)
    got = _names("主要河流出境断面水质优良率、县级及以上集中式饮用水水源地水质达标率均保持100%")
    assert got == [("主要河流出境断面水质优良率", 100.0), ("县级及以上集中式饮用水水源地水质达标率", 100.0)]


@pytest.mark.parametrize("sentence,want", [
    # 占 with nothing after it says the subject's share (national/gwr-1955, gwr-2010)
    ("私营商业将占百分之二十一点一。", [("私营商业", 21.1)]),
    ("重大基础设施建设占23%", [("重大基础设施建设", 23.0)]),
    # an amount and its share, a comma and 占 apart, are one measure's, not a list of two
    # (national/gwr-1955: not 运输部门 and 邮电部门)
    ("运输和邮电部门为八十二亿一千万元，占百分之十九点二；", [("运输和邮电部门", 8.21e9), ("运输和邮电部门", 19.2)]),
    # a year's end leads no name (national/gwr-2023)
    ("去年底企业数量超过5200万户", [("企业数量", 5.2e7)]),
])
def test_a_share_and_a_year_end(sentence, want):
    assert _names(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    # a verb that modifies the name with 的 stays in it (national/gwr-1982, provincial/gwr-2025-p06, gwr-1955)
    ("第六个五年计划期间，用于现有企业设备更新、技术改造的资金为一千三百亿元。", ("技术改造的资金", 1.3e11)),
    ("限额以上单位通过互联网实现的餐饮收入增长27.3%", ("限额以上单位通过互联网实现的餐饮收入", 27.3)),
    ("五年内新建成的铁路干线和支线共四千公里以上", ("新建成的铁路干线和支线", 4000.0)),
    # 了 opens no name (national/gwr-1959); 等 alone names nothing, the thing counted follows (gwr-2004)
    ("曾经讨论了一九五九年发展国民经济的主要任务和方针，提出了钢产量一千八百万吨", ("钢产量", 1.8e7)),
    ("制定《中华人民共和国道路交通安全法实施条例》等28部行政法规", ("行政法规", 28.0)),
])
def test_a_name_keeps_its_modifier_and_drops_a_particle(sentence, want):
    got = [(i.name, i.change.value if i.change and i.value is None else i.value) for i in extract(sentence).indicators]
    assert want in got, got


@pytest.mark.parametrize("sentence,want", [
    # 总量 is part of a measure's name (provincial/gwr-2025-p03, national/gwr-2016); alone it says the
    # measure of the clause before (provincial/gwr-2025-p12)
    ("信访总量下降46.5%", [("信访总量", 46.5)]),
    ("经济总量超过90万亿元", [("经济总量", 9e13)]),
    # a stub of a cut word or a lone adverb names nothing (national/gwr-2012: 全年人均增加1680元)
    ("连续第7年提高企业退休人员基本养老金，全年人均增加1680元", [("", 1680.0)]),
    # 只 before the figure is an adverb (national/gwr-1957)
    ("粮食产量合计只一万三千亿斤", [("粮食产量", 1.3e12)]),
])
def test_total_and_lone_stubs(sentence, want):
    assert _names(sentence) == want


def test_a_name_after_its_figure_ends_before_a_clause_goes_on():
    # national/gwr-2005, gwr-1999: 全线贯通并…, 并不容易 say what became of the thing measured
    assert ("西气东输管道", 4000.0) in _names("长达4000公里的西气东输管道全线贯通并投入商业运营")
    assert ("增长速度", 7.0) in _names("保持7％左右的增长速度并不容易")
