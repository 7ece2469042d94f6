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
