"""Enumerations over whole documents: head nouns, announced counts, where lists end.

Sentences are quoted from the corpus file named in each test (so they run
without ../shared); tests that read whole reports of ../shared use the
``shared`` fixture.
"""
from __future__ import annotations

from policytext import extract, read

from .conftest import CORPORA


def lists(text: str):
    return [(e.category, e.announced, len(e.items)) for e in extract(text).enumerations]


# --- head noun without a count ----------------------------------------------------------
def test_head_noun_after_yixia_without_a_count():
    # national/gwr-1983.txt
    text = ("全面改革经济体制，要着重解决以下问题。\n\n　　\n"
            "第一、改革计划体制，加强国家对国民经济的有效管理和指导。\n计划体制的改革，是经济体制改革的重要环节。\n\n　　\n"
            "第二、按照社会化大生产的要求组织生产和流通，发展统一的社会主义市场。\n\n　　\n"
            "第三、改革财政体制和工资制度、劳动制度。\n")
    assert lists(text) == [("问题", None, 3)]


def test_principles_announced_without_a_count():
    # national/gwr-2009.txt
    text = ('做好今年政府工作，必须把握好以下原则：一是扩内需、保增长。坚持把扭转经济增速下滑趋势作为宏观调控最重要的目标，把扩大国内需求作为促进经济增长的长期战略方针和根本着力点，增加有效需求，加强薄弱环节，充分发挥内需特别是消费需求拉动经济增长的主导作用。\n\n'
            '\u3000\u3000二是调结构、上水平。坚持把推进经济结构调整和自主创新作为转变发展方式的主攻方向，变压力为动力，坚定不移地保护和发展先进生产力，淘汰落后产能，整合生产要素，拓展发展空间，实现保增长和调结构、增效益相统一，增强国民经济整体素质和发展后劲。\n\n'
            '\u3000\u3000三是抓改革、增活力。坚持把深化改革开放作为促进科学发展的根本动力，进一步解放思想，加大重点领域和关键环节改革力度，消除体制机制障碍，激发创造活力。四是重民生、促和谐。越是困难的时候，越要关注民生，越要促进社会和谐稳定。坚持把保障和改善民生作为经济工作的出发点和落脚点，实行更加积极的就业政策，把促进增长与扩大就业、改善民生紧密结合起来，让人民群众共享改革发展的成果。\n')
    assert lists(text) == [("原则", None, 4)]


def test_unspecified_counts():
    # national/gwr-2001.txt: 抓好几个环节; national/gwr-1987.txt: 以下几件事
    text = ('以技术进步为支撑，抓好几个环节。'
            '一是围绕增加品种、改善质量、节能降耗、防治污染和提高劳动生产率，在能源、冶金、化工、轻纺、机械、汽车、建材及建筑等行业，支持一批重点企业技术改造，切实提高工艺和装备水平。'
            '二是通过自主创新和引进技术，加快对推动结构升级的共性技术、关键技术和配套技术的开发。'
            '振兴装备制造业，开发制造急需的大型高效和先进成套技术装备。'
            '三是通过上市、兼并、联合、重组等形式，在主要行业形成若干拥有自主知识产权、主业突出、核心能力强的大公司和企业集团，使之成为调整结构、促进升级的骨干和依托。'
            '四是积极支持和促进老工业基地改造，充分发挥其基础雄厚、人才聚集的优势，努力提高产业水平。')
    assert lists(text) == [("环节", None, 4)]
    text = ("从当前来说，要集中力量抓好以下几件事：\n\n　　一、继续深入批评资产阶级自由化的错误观点；\n\n"
            "　　二、认真进行坚持四项基本原则的正面教育；\n\n　　三、进一步整顿、充实和加强舆论阵地；\n")
    assert lists(text) == [("事", None, 3)]


def test_head_noun_without_a_count_in_bundled_reports():
    # corpora/gwr-2019-s2twp.txt: 要注重把握好以下關係。一要……二要……三要……
    ex = extract(read(CORPORA / "gwr-2019-s2twp.txt"))
    rel = next(e for e in ex.enumerations if e.items[0].text.startswith("一要統籌好國內與國際的關係"))
    assert (rel.category, rel.announced, len(rel.items)) == ("关系", None, 3)
    # corpora/gwr-2015.txt: 主要做了以下工作。一是……五是……
    ex = extract(read(CORPORA / "gwr-2015.txt"))
    work = next(e for e in ex.enumerations if e.items[0].text.startswith("一是在区间调控基础上"))
    assert (work.category, work.announced, len(work.items)) == ("工作", None, 5)


def test_a_verb_after_fangmian_is_no_head_noun():
    # national/gwr-1981.txt: 从以下几个方面进行：
    text = ("进行技术改造要紧紧围绕提高经济效益，从以下几个方面进行：\n\n　　\n一、节约能源，节约原材料，降低消耗，降低生产成本；\n\n"
            "　　\n二、改革产品结构，使产品升级换代，提高性能和质量，满足国内外市场的需要；\n\n"
            "　　\n三、合理地利用资源，提高综合利用水平。\n")
    assert lists(text) == [("方面", None, 3)]


def test_a_quoted_slogan_is_no_announcement():
    # provincial/gwr-2025-p24.txt: “两个维护” is a slogan, five items follow
    text = ("我们将在以习近平同志为核心的党中央坚强领导下，忠诚铸魂、恪尽职守、为民造福，"
            "以实际行动坚定拥护“两个确立”、坚决做到“两个维护”。\n"
            "　　（一）以忠诚之魂永葆本色。学思想。\n　　（二）以改革之力推动发展。更大勇气破解难题。\n"
            "　　（三）以为民之心造福百姓。问需于民。\n　　（四）以务实之风履职尽责。干字当头。\n"
            "　　（五）以清廉之举树好形象。一刻不停推进自我革命。\n")
    assert lists(text) == [(None, None, 5)]
    # provincial/gwr-2026-ningxia.txt: the quoted count closes the sentence and the list delivers it
    text = ("进一步优化发展布局、强化发展举措，坚定实施“五大战略”、奋力实现“五个新突破”。\n"
            "一是坚定实施扩大内需战略，在加快推动消费投资增长上实现新突破。\n"
            "二是坚定实施产业兴区战略，在加快发展特色优势产业上实现新突破。\n"
            "三是坚定实施创新驱动战略，在加快培育新质生产力上实现新突破。\n"
            "四是坚定实施数字宁夏战略，在加快推进数实深度融合上实现新突破。\n"
            "五是坚定实施能源强区战略，在加快建设新型能源体系上实现新突破。\n")
    assert lists(text) == [("新突破", 5, 5)]


# --- where a list ends ----------------------------------------------------------------
def _list_starting(ex, prefix: str):
    # a marker may stand alone on its line in the file (一是⏎去年……)
    return next(e for e in ex.enumerations if e.items[0].text.replace("\n", "").startswith(prefix))


def test_numbering_resumed_in_another_section_is_another_list(shared):
    # national/gwr-1995.txt: 一是……四是 (why prices rose) in section 一; in section 二,
    # 首先要增加对农业的投入。……二是……十是 — its 五是 once continued the list of section 一
    ex = extract(read(shared / "corpus" / "national" / "gwr-1995.txt"))
    prices = _list_starting(ex, "一是去年出台的调价项目")
    assert [i.marker for i in prices.items] == ["一是", "二是", "三是", "四是"]
    assert "二、促进国民经济持续、快速、健康发展" not in prices.items[-1].text
    assert len(prices.items[-1].text) < 600
    farming = _list_starting(ex, "首先要增加对农业的投入")
    assert [i.marker for i in farming.items][:3] == ["首先", "二是", "三是"] and len(farming.items) == 10


def test_section_resumes_after_lists_inside_its_items(shared):
    # national/gwr-1955.txt: 四、为完成和超额完成第一个五年计划而奋斗 is the fourth section,
    # not the fourth point after 一、继续保持财政收支的平衡…… inside （五）
    ex = extract(read(shared / "corpus" / "national" / "gwr-1955.txt"))
    sections = ex.enumerations[0]
    assert [i.title for i in sections.items] == [
        "国家在过渡时期的总任务", "第一个五年计划概要", "第一個五年計劃的若幹問題", "为完成和超额完成第一个五年计划而奋斗"]
    market = _list_starting(ex, "一、继续保持财政收支的平衡")
    assert len(market.items) == 3 and "（六）" not in market.items[-1].text


def test_a_long_item_with_lists_inside_does_not_end_its_list(shared):
    # national/gwr-2008.txt: 今年要着重抓好以下九个方面工作： （一）……（九）; （六） holds eight lists
    ex = extract(read(shared / "corpus" / "national" / "gwr-2008.txt"))
    nine = next(e for e in ex.enumerations if e.announced == 9)
    assert len(nine.items) == 9 and nine.items[5].title.startswith("更加注重社会建设")
    inside = [e for e in ex.enumerations if e.parent == (ex.enumerations.index(nine), 5)]
    assert len(inside) >= 4


def test_points_under_a_section_end_with_their_paragraphs():
    # corpora/gwr-1985.txt: 一、……四、 price measures, one paragraph each; the 第一、 list
    # that follows two paragraphs later is not inside the fourth point
    ex = extract(read(CORPORA / "gwr-1985.txt"))
    prices = _list_starting(ex, "一、合理调整农村粮食购销价格")
    assert len(prices.items) == 4
    assert prices.items[-1].text.endswith("推动生产资料进入市场。")
    follow = _list_starting(ex, "第一、严格控制消费基金的盲目增长")
    assert follow.parent is None or ex.enumerations[follow.parent[0]] is not prices


def test_inline_list_ends_with_its_paragraph():
    # corpora/gwr-2015.txt: the five 一是……五是 paragraphs of the review, then 二、
    ex = extract(read(CORPORA / "gwr-2015.txt"))
    work = _list_starting(ex, "一是在区间调控基础上")
    assert "二、2015年工作总体部署" not in work.items[-1].text
    sections = ex.enumerations[0]
    assert work.parent == (0, 0) and len(sections.items) == 6


def test_markers_in_a_paragraph_announcing_a_new_list_belong_to_it():
    # national/gwr-2008.txt: education (一是……三是, then 必须抓好三项工作：一要……三要), then
    # 重点抓好四件事：一是……四是 — its 四是 belongs to the new list, never to the three before
    text = ('坚持优先发展教育。'
            '一是在全国城乡普遍实行免费义务教育。'
            '继续增加农村义务教育公用经费，提高保障水平。'
            '适当提高农村家庭经济困难寄宿生生活费补助标准。'
            '认真落实保障经济困难家庭、进城务工人员子女平等接受义务教育的措施。'
            '在试点基础上，从今年秋季起全面免除城市义务教育学杂费，这是推动义务教育均衡发展、促进教育公平的又一重大举措。'
            '二是大力发展职业教育。'
            '加强职业教育基础能力建设，深化职业教育管理、办学、投入等体制改革，培养高素质技能型人才。'
            '三是提高高等教育质量。'
            '优化学科专业结构，推进高水平大学和重点学科建设。'
            '普通高校招生增量继续向中西部地区倾斜。'
            '办好各级各类教育，必须抓好三项工作：一要全面实施素质教育，推进教育改革创新。'
            '深化教学内容和方式、考试和招生制度、质量评价制度等改革。'
            '切实减轻中小学生课业负担。'
            '二要加强教师队伍特别是农村教师队伍建设，完善和落实教师工资、津贴补贴制度。'
            '三要加大教育事业投入。'
            '今年中央财政用于教育的投入，将由去年的1076亿元增加到1562亿元；地方财政也都要增加投入。'
            '进一步规范教育收费。'
            '鼓励和规范民办教育发展。'
            '没有全民教育的普及和提高，便没有国家现代化的未来。'
            '要让孩子们上好学，办好人民满意的教育，提高全民族的素质。'
            '\n\n推进卫生事业改革和发展。'
            '重点抓好四件事：一是加快建设覆盖城乡居民的医疗保障制度。'
            '扩大城镇职工基本医疗保险覆盖面；城镇居民基本医疗保险试点要扩大到全国50%以上的城市；在全国农村全面推行新型农村合作医疗制度，用两年时间将筹资标准由每人每年50元提高到100元，其中中央和地方财政对参合农民的补助标准由40元提高到80元。'
            '健全城乡医疗救助制度。'
            '二是完善公共卫生服务体系。'
            '抓好重大疾病防治，落实扩大国家传染病免疫规划范围的政策措施，加大对艾滋病、结核病、血吸虫病等疾病患者免费治疗力度。'
            '加强地方病、职业病、精神病防治。'
            '做好妇幼保健工作。'
            '在中西部地区农村实施住院分娩补助政策。'
            '健全公共卫生服务经费保障机制。'
            '三是推进城乡医疗服务体系建设。'
            '重点健全农村三级卫生服务网络和城市社区医疗卫生服务体系。'
            '加大全科医护人员和乡村医生培养力度，鼓励高素质人才到基层服务。'
            '开展公立医院改革试点。'
            '制定和实施扶持中医药和民族医药事业发展的措施。'
            '四是建立国家基本药物制度和药品供应保障体系，保证群众基本用药和用药安全，控制药品价格上涨。'
            '今年中央财政将安排832亿元，比上年增加167亿元，支持卫生事业改革和发展，重点向农村和基层倾斜。')
    assert lists(text) == [(None, None, 3), ("工作", 3, 3), ("事", 4, 4)]
    health = extract(text).enumerations[2]
    assert health.items[0].text.startswith("一是加快建设覆盖城乡居民的医疗保障制度")
    assert health.items[-1].text.startswith("四是建立国家基本药物制度")


def test_adverbial_shouxian_opens_a_list_when_a_second_item_follows():
    # national/gwr-1999.txt: 首先要全面规划……其次，必须确保工程建设质量……第三，要严禁挤占
    text = ('进行基础设施建设，首先要全面规划，合理布局，选好项目，认真论证，决不能草率上马。'
            '上述这些领域的项目，有些可以通过收费偿还投资；有些虽然没有直接经济效益，但是社会效益显著，有利于整个经济发展，从而增强国家财政的综合偿还能力。'
            '其次，必须确保工程建设质量。'
            '最近暴露出来一些工程的严重质量事故，给国家造成重大损失，必须引起高度重视。'
            '不久前，国务院专门召开了全国性会议，部署加强工程质量管理的工作。'
            '工程建设是百年大计，必须坚持质量第一。'
            '要认真贯彻《建筑法》。'
            '所有项目都要严格执行建设程序，加强可行性研究，按规定的权限进行审批，精心勘察设计和施工，认真做好竣工验收工作；必须改革、整顿和规范建设市场，积极推行项目法人责任制、招标投标制、工程监理制和合同管理制，严禁层层转包和违法分包；要层层落实领导责任制，综合运用经济、法律、行政和舆论监督等手段严把工程质量关，对事故责任者和有关领导人必须严肃查处，直至追究刑事责任。'
            '第三，要严禁挤占、挪用财政债券资金，绝不允许把资金拿去弥补经常性开支或搞其他建设，甚至搞楼堂馆所。'
            '对重大项目要进行专项审计和跟踪审计。'
            '加大执法力度，依法严厉惩治建设领域的各种腐败行为。')
    e = extract(text).enumerations[0]
    assert [i.marker for i in e.items] == ["首先", "其次", "第三"]
    # but not alone, nor answered by another 首先 (seed speech; national/gwr-1981.txt)
    assert extract("抓落實,首先要從思想上落實。首先需要你們去引導、去調處。").enumerations == ()
    text = ('首先要明确企业对国家、职工对企业承担的经济责任，同时赋予企业一定的经济权限，给企业和职工应有的经济利益，使责、权、利三者结合起来，发挥企业和职工的积极性，改善企业的经营管理，健全厂内经济核算制度，促进生产的发展。'
            '目前在企业与企业之间、企业内部职工之间，平均主义、吃大锅饭的问题十分严重，实行经济责任制就能有效地解决这个问题，使企业和职工都有办好企业、挖掘潜力的内在动力。'
            '这是办好社会主义企业的重要环节。'
            '我们必须在思想上充分认识推行经济责任制的重大而深远的意义，在实践中稳步前进，努力创造出适合不同行业、不同企业特点的责任制形式，不要一哄而起，不要一刀切。'
            '在推行责任制的过程中，必须有平均先进定额，产品质量只许提高不能降低，成本只许降低不能提高，流动资金的周转速度必须加快，产品必须适销对路，不准违反国家纪律擅自提价。'
            '必须切实加强对企业的监督，要制定财务、工资、奖金、福利等各种规章条例和实施办法。'
            '增收部分的分配，要坚持首先是国家多得，其次是企业多留的原则，企业利润留成的增长幅度不能超过生产或利润的增长幅度。')
    assert extract(text).enumerations == ()


# --- across the corpus ----------------------------------------------------------------
# Reports that announce a count and number fewer items, quoted from the file.
ANNOUNCED_OTHERWISE = {
    # 大体上有四种类型：一是……二是……在这两大类之间，还有两类产品和企业。一类是……另一类是……
    ("gwr-1981.txt", "大体上有四种类型："),
}


def test_whole_reports_have_no_list_at_odds_with_itself(shared):
    """Every national work report 1954-2025 and every provincial report: no list whose
    announced count differs from its items (but the documented exceptions), no item
    running across the paragraph of an item of a list it does not sit in."""
    from policytext.extract.enumcheck import check_enumerations
    from policytext.extract.enumerations import find_enumerations

    corpus = shared / "corpus"
    files = sorted((corpus / "national").glob("gwr-*.txt")) + sorted((corpus / "provincial").glob("*.txt"))
    assert len(files) >= 80
    found = []
    for path in files:
        doc = read(path)
        text = doc.view("simplified").text
        lists = find_enumerations(text)
        for p in check_enumerations(text, lists):
            if p.kind == "LONG":
                continue  # a shape to look at, not an error by itself
            e = lists[p.list_index]
            intro = text[e.intro_span[0]:e.intro_span[1]] if e.intro_span else ""
            if p.kind == "COUNT" and any(path.name == f and intro.endswith(s) for f, s in ANNOUNCED_OTHERWISE):
                continue
            found.append(f"{path.name}: {p}")
    assert found == []


def test_items_under_titles_hold_lists_of_any_marker(shared):
    # national/gwr-1981.txt: （一）当前的经济形势 （二）今后经济建设的方针 （三）我国经济发展的前景,
    # with 一、依靠政策和科学，加快农业的发展 …… 十、 under （二), and the points
    # 一、节约能源，节约原材料，降低消耗，降低生产成本； under its 四、
    ex = extract(read(shared / "corpus" / "national" / "gwr-1981.txt"))
    parts = ex.enumerations[0]
    assert [i.title for i in parts.items] == ["当前的经济形势", "今后经济建设的方针", "我国经济发展的前景"]
    sections = _list_starting(ex, "一、依靠政策和科学")
    assert len(sections.items) == 10 and sections.parent == (0, 1)
    points = _list_starting(ex, "一、节约能源")
    assert len(points.items) == 3 and points.parent == (ex.enumerations.index(sections), 3)


def test_an_inline_list_inside_a_long_item_does_not_end_its_list(shared):
    # provincial/gwr-2025-p23.txt: 一是……八是 paragraphs of section 三; 七是 holds the
    # inline 一是……十是 of its own; 八是深化主动创安创稳 continues the paragraph list
    ex = extract(read(shared / "corpus" / "provincial" / "gwr-2025-p23.txt"))
    outer = next(e for e in ex.enumerations if any(i.text.startswith("八是深化主动创安创稳") for i in e.items))
    assert len(outer.items) == 8
    inner = [e for e in ex.enumerations if e.parent == (ex.enumerations.index(outer), 6)]
    assert [len(e.items) for e in inner] == [10]


def test_last_item_of_a_paragraph_list_ends_with_its_item(shared):
    # national/gwr-2016.txt: 六是促进社会和谐稳定…… is the last of six; the paragraphs that
    # follow (各位代表！ …… 一是经济持续较快发展) are not in it
    ex = extract(read(shared / "corpus" / "national" / "gwr-2016.txt"))
    work = _list_starting(ex, "一是")
    six = work.items[-1]
    assert six.text.startswith("六是促进社会和谐稳定") and "各位代表" not in six.text
    five_years = _list_starting(ex, "一是经济持续较快发展")
    assert five_years.parent != (ex.enumerations.index(work), 5)


def test_unspecified_count_ruogan_gives_the_head_noun():
    # realistic: no report of the corpus announces 若干问题 before a list, county speeches do
    from policytext import extract

    text = ("下面，我就当前工作讲若干问题。\n一是稳增长。要扩大有效投资。\n"
            "二是调结构。要培育新兴产业。\n三是惠民生。要稳定和扩大就业。")
    (en,) = extract(text).enumerations
    assert (en.category, en.announced, [i.marker for i in en.items]) == ("问题", None, ["一是", "二是", "三是"])


# --- formulations -----------------------------------------------------------------------
def forms(text: str):
    return [(f.text, f.numbers) for f in extract(text).formulations]


def test_quoted_numeral_ge_terms_are_formulations():
    # hongkong/policy-address-2018-speech.txt; party/cpc-congress-14.txt
    assert forms("憑着相信自己、相信香港和相信國家這「三個相信」，我們一定會看到希望。") == [("三個相信", (3,))]
    assert ("两个中国", (2,)) in forms("反对任何形式的“两个中国”、“一中一台”或“一国两府”，坚决反对任何旨在制造台湾独立的企图。")
    # provincial/gwr-2026-ningxia.txt
    assert forms("数字经济当年实现智算规模等“六个翻番”，第一增长极持续发展壮大") == [("六个翻番", (6,))]


def test_plan_periods_read_as_two_numbers():
    # provincial/gwr-2026-sichuan.txt; national/gwr-1986.txt
    assert forms("2025年工作回顾和“十四五”发展主要成绩") == [("十四五", (14, 5))]
    assert forms("“六五”时期同“五五”时期相比") == [("六五", (6, 5)), ("五五", (5, 5))]


def test_a_formula_of_several_plus_signs_is_whole():
    # provincial/gwr-2026-ningxia.txt: not the known 1+10 inside “1+1+10”
    assert forms("有效衔接全面发力。出台“1+1+10”系列政策措施") == [("1+1+10", (1, 1, 10))]
    # provincial/gwr-2025-p12.txt
    assert forms("打造“1+3+N”低空经济发展格局") == [("1+3+N", (1, 3))]


# --- announced counts without a verb before them ------------------------------------
def test_count_closing_the_clause_before_the_list_is_announced():
    # party/cpc-congress-20.txt
    text = ("十年来，我们经历了对党和人民事业具有重大现实意义和深远历史意义的三件大事："
            "一是迎来中国共产党成立一百周年，二是中国特色社会主义进入新时代，"
            "三是完成脱贫攻坚、全面建成小康社会的历史任务，实现第一个百年奋斗目标。")
    assert lists(text) == [("大事", 3, 3)]
    # national/gwr-1954.txt: the head noun after its modifier
    text = ("在工業的發展中應當指出三個值得特別注意的地方。第一是現代工業的産值在工農業總産值中的比重迅速上升。"
            "第二是生産資料的産值在工業總産值中的比重迅速上升。第三是國營、合作社營和公私合營工業在工業總産值中的比重迅速上升。")
    assert lists(text) == [("地方", 3, 3)]


def test_a_closing_count_that_differs_from_the_items_announces_nothing():
    # provincial/gwr-2026-ningxia.txt: 五个方面工作 before five items, and a made-up four
    text = "一年来，我们重点抓了五个方面工作：\n一是突出打好“六个攻坚战”。\n二是全面推进“五个振兴”。\n三是坚定守护“一河三山”基准线。\n四是着力筑牢“六个严防”底线。\n五是倾力推进“八项民生工程”。"
    assert lists(text) == [("工作", 5, 5)]
    assert lists(text.replace("五是倾力推进“八项民生工程”。", "")) == [(None, None, 4)]


def test_counts_in_arabic_digits():
    # provincial/gwr-2026-sichuan.txt
    text = "重点做好以下10个方面工作：\n" + "".join(f"（{n}）突出第{n}项。\n" for n in "一二三四五六七八九十")
    assert lists(text) == [("工作", 10, 10)]


def test_a_verb_after_the_counted_noun_leaves_no_head_noun():
    # national/gwr-1955.txt: 三个问题, not 说明
    text = "我现在就这三个问题作如下的说明。\n第一，增产和节约工业原料问题。\n第二，试制新种类产品问题。\n第三，提高企业的管理工作水平问题。"
    assert lists(text) == [(None, 3, 3)]


# --- （1） lists -----------------------------------------------------------------------
def test_arabic_numbers_in_brackets_make_a_list():
    # provincial/gwr-2025-p26.txt (shortened items)
    text = ("今年将继续统筹安排财力，扎实办好“十件民生实事”。" + "".join(
        f"（{n}）{t}，完成任务。" for n, t in enumerate(
            ["促进重点群体就业", "不断提升基础教育办学保障水平", "扩大优质医疗资源供给", "完善“一老一小”服务体系",
             "提升农村消防安全水平", "推进农村人居环境整治", "强化科技人才支撑", "提升普通公路本质安全水平",
             "持续推进平安贵州建设", "实施食品安全放心工程"], 1)))
    (en,) = extract(text).enumerations
    assert (en.category, en.announced, en.items[0].marker, en.items[0].title) == ("民生实事", 10, "（1）", "促进重点群体就业")


def test_a_shallower_inline_list_after_a_bracket_list_is_not_inside_its_last_item():
    # national/gwr-2008.txt: 一要……四要 follows （3）, it does not sit in it
    text = ("抓紧建立住房保障体系。总的指导原则是：（1）坚持从我国人多地少的基本国情出发，建立科学、合理的住房建设和消费模式。"
            "（2）坚持正确发挥政府和市场的作用。（3）坚持加强对房地产市场的调控和监管，促进房地产业持续稳定健康发展。"
            "今年要采取四项措施：一要健全廉租住房制度。二要增加中低价位、中小套型普通商品住房供应。"
            "三要综合运用税收、信贷、土地等手段。四要加强市场监管。")
    principles, measures = extract(text).enumerations
    assert [i.marker for i in principles.items] == ["（1）", "（2）", "（3）"]
    assert principles.items[-1].text.endswith("健康发展。")
    assert (measures.category, measures.announced, measures.parent) == ("措施", 4, None)


# --- outline headings 甲、乙、, numbered paragraphs, appendices ---------------------------
def test_stem_headings_hold_the_sections_and_paragraph_numbers_are_no_list():
    # hongkong/policy-address-2003-simplified.txt (paragraphs shortened; its numbering runs on past 30)
    paras = iter(range(1, 40))
    p = lambda: f"{next(paras)}.\t政府会继续努力。\n"
    text = ("甲、引言\n" + p() + p() + "乙、同舟共济  迎接挑战\n" + p() + p()
            + "丙、开拓创新  振兴经济\n一、振兴经济的条件\n" + p() + "二、推动经济转型\n" + p() + p()
            + "丁、加强与内地经济合作 \n一、把握新机遇\n" + p() + "二、全面推动合作\n" + p() + "三、加快珠三角经济融合\n"
            + "".join(p() for _ in range(25)))
    ex = extract(text)
    assert [(e.style, len(e.items), e.parent) for e in ex.enumerations] == [
        ("stem", 4, None), ("section", 2, (0, 2)), ("section", 3, (0, 3))]
    assert ex.enumerations[0].items[2].title == "开拓创新  振兴经济"


def test_a_glossary_ends_the_lists_of_the_speech(shared):
    # provincial/gwr-2026-sichuan.txt: （十）突出政府履职效能 ends before 名词解释, whose 1.……20. sit in no item
    ex = extract(read(shared / "corpus" / "provincial" / "gwr-2026-sichuan.txt"))
    tasks = _list_starting(ex, "（一）突出扩大内需战略基点")
    assert "名词解释" not in tasks.items[-1].text
    glossary = _list_starting(ex, "1.“两重”")
    assert (len(glossary.items), glossary.parent) == (20, None)


def test_a_list_of_semicolons_ends_with_its_sentence():
    # provincial/gwr-2026-ningxia.txt (items shortened)
    text = ("过去一年，全区各项事业取得了一系列标志性成果。至少有三个突出亮点：一是全区经济增长速度连续4年居全国前六（含并列），质与量实现整体提升；"
            "二是国际葡萄与葡萄酒宁夏交流合作中心正式运行；三是全区教育布局持续优化，为宁夏孩子圆梦大学提供了更多更公平的机会。"
            "这些亮点，每一项都是深入贯彻新发展理念的实践成果，更增强了我们干事创业的底气！")
    (en,) = extract(text).enumerations
    assert en.announced == 3 and en.items[-1].text.endswith("更公平的机会。")


def test_points_numbered_like_sections_that_run_on_are_a_list():
    # national/gwr-1955.txt (paragraphs shortened): 一、 opening a long paragraph, not a heading
    text = ("一、开垦宜于耕种的荒地。我国的人口很多，但已耕的土地还很少，必须积极地有计划地把宜于耕种的土地开垦起来。\n"
            "二、兴修水利。水利建设，既能够扩大灌溉面积，促进农作物的增产，又能够防止水旱灾害，避免农作物的减产。\n"
            "三、充分地有效地利用土地。我国人口众多这一特点，使我们有必要并有可能来充分地利用土地。\n")
    (en,) = extract(text).enumerations
    assert [i.title for i in en.items] == ["开垦宜于耕种的荒地", "兴修水利", "充分地有效地利用土地"]


def test_a_last_item_does_not_run_into_a_paragraph_addressed_to_the_audience():
    # provincial/gwr-2026-sichuan.txt (items shortened): the closing 各位代表！ paragraph is no part of （三）
    text = ("重点做好以下3个方面工作：\n（一）突出扩大内需战略基点。\n深入实施提振消费专项行动，推动消费扩容提质。\n"
            "扩大有效投资，实施一批打基础、利长远的重大项目。\n"
            "（二）突出科技创新全链发力。\n加快建设具有全国影响力的科技创新高地。\n深入实施科技成果转化行动，培育壮大创新主体。\n"
            "（三）突出政府履职效能。\n坚定拥护“两个确立”、坚决做到“两个维护”。\n"
            "各位代表！骐骥迎春至，万象启新程。我们要更加紧密地团结在以习近平同志为核心的党中央周围，不懈奋斗！\n")
    (en,) = extract(text).enumerations
    assert en.items[-1].text.endswith("坚决做到“两个维护”。")


def test_plain_words_with_a_numeral_are_no_slogans_when_bare():
    # seeds/000 (反对一言堂), national/gwr-1975.txt (党的一元化领导), provincial/gwr-2025-p01.txt (一揽子)
    assert forms("要坚持民主集中制度，发挥集体智慧，反对一言堂，家长作风，独断专行") == []
    assert forms("我们必须坚决拥护党的一元化领导。") == []
    assert forms("实施更加积极有为的宏观政策，用好一揽子增量政策") == []
    assert forms("深入推进“一站式”服务") == [("一站式", (1,))]  # quoted, the speaker stresses it


def test_a_last_item_after_yiji_is_an_item():
    # hongkong/policy-address-2014-from-pdf.txt (its PDF's letter spacing left out)
    text = ("就香港專業服務業發展的框架建議，包括五個主題：（一）加強與內地和海外經濟體的聯繫；（二）促進內地與香港專業制度接軌；"
            "（三）全面支援業界加強競爭力；（四）為支援業界打進新興市場和重點經濟體系，探討設立利便營商資訊平台的可行性；"
            "以及（五）促進跨界別專業服務的綜合發展，考慮在世界各地設立策略性據點。")
    assert lists(text) == [("主题", 5, 5)]


def test_an_intro_leaves_out_the_paragraph_number():
    # hongkong/policy-address-2014-from-pdf.txt (letter spacing left out)
    text = ("52.  建議的「低收入在職家庭津貼」將建基於以下三大原則：\n\n(1)  基本津貼會以家庭為單位，與就業及工時掛鈎；\n\n"
            "(2)  為確保資源有效運用，設有入息和資產審查；\n\n(3)  計劃的設計會盡量簡單。\n")
    (en,) = extract(text).enumerations
    assert (en.category, en.announced) == ("原则", 3)
    assert text[en.intro_span[0]:en.intro_span[1]] == "建議的「低收入在職家庭津貼」將建基於以下三大原則："
