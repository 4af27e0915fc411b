"""Which body published a page: shapes seen on published pages (eval/real-shapes.md), in our own words."""

from __future__ import annotations

import pytest

from assistant.ingest.bodies import clean_name, valid_name
from assistant.ingest.metadata import extract_meta


@pytest.mark.parametrize(
    ("written", "body"),
    [
        ("长坑乡人民政府办公室", "长坑乡人民政府"),  # a town's office answers for the town
        ("涵江区教育局办公室", "涵江区教育局"),  # a bureau's office for the bureau
        ("五常街道党政办公室", "五常街道"),
        ("双牌县政务公开领导小组办公室", "双牌县"),  # the disclosure office compiles the county's report
        ("嘉善县大云镇人民政府综合信息指挥室(党政综合办公室)", "嘉善县大云镇人民政府"),
        ("阳新县人民政府办公室", "阳新县人民政府办公室"),  # a county's general office is a body itself
        ("广元市人民政府重点建设项目领导小组办公室综合科", "广元市人民政府重点建设项目领导小组办公室"),
        ("巨各庄镇人民政府", "巨各庄镇人民政府"),  # 各 inside a name is no sentence word
        ("全椒县", "全椒县"),
        ("本溪市统计局", "本溪市统计局"),
        ("澄岭县政府信息中心", "澄岭县政府"),  # the information centre answers for the county (a 2009 county page)
    ],
)
def test_an_office_inside_a_body_is_dropped(written, body):
    assert clean_name(written) == body


@pytest.mark.parametrize("words", ["关于做好", "年度", "本单位", "政务公开工作要点落实情况及做好", "我镇", "编制我单位", "由嘉善县大云镇人民政府"])
def test_notice_words_and_self_references_are_no_body(words):
    assert not valid_name(words) or clean_name(words) is None


def test_a_page_that_opens_with_a_notice_is_named_by_its_contact_paragraph():
    # seen: real-reports 028 (a 关于做好…的通知 in the first sentence, the body only in 请与…联系)
    text = (
        "本报告根据条例以及区政府信息公开办公室《关于做好2017年政府信息公开工作年度报告的通知》要求编制。"
        "本报告中所列数据的统计期限自2017年1月1日起至2017年12月31日止。如对本报告有任何疑问，"
        "请与杭州市余杭区五常街道党政办公室联系（地址：杭州市余杭区五常街道文一西路1号）。\n一、概述\n2017年我街道…"
    )
    meta = extract_meta(text)
    assert (meta.body, meta.parent, meta.year) == ("五常街道", "余杭区", 2017)
    assert "杭州市余杭区五常街道" in meta.aliases
    assert text[meta.body_span.start : meta.body_span.end] == "五常街道"


def test_a_web_page_names_its_body_in_the_publisher_line():
    # seen: p1 pages with 发布机构 only (the title has no body)
    text = "发布机构:横山镇  发布日期:2023-01-16  浏览次数:\n\n一、总体情况\n我镇按照条例推进工作，全年主动公开政府信息76条。2022年度我镇没有收到申请。"
    assert extract_meta(text).body == "横山镇"


def test_the_government_office_that_compiles_a_district_report_is_not_the_body():
    # seen: real-reports 029 (由…区人民政府办公室编制, and the report says 我区)
    text = "由福州市长乐区人民政府办公室编制完成本报告。本报告中所列数据的统计时限自2018年1月1日至2018年12月31日。2018年，我区推进公开，我区各部门…"
    meta = extract_meta(text)
    assert (meta.body, meta.year) == ("长乐区", 2018)


def test_a_department_named_in_a_sentence_that_speaks_for_it():
    # seen: real-reports 065 (no title; the notice names the county office; 我局 and the bureau's account name)
    text = (
        "报告根据条例和《黄龙县人民政府办公室关于做好2023年度政府信息公开工作年度报告编制工作的通知》要求，"
        "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n一、总体情况\n2023年我局共主动公开信息91条，"
        "通过黄龙县人民政府门户网站、微信公众号“黄龙县自然资源局”发布。我局…"
    )
    meta = extract_meta(text)
    assert (meta.body, meta.parent, meta.level, meta.year) == ("黄龙县自然资源局", "黄龙县", "department", 2023)


def test_a_fused_date_in_the_statistics_period_still_gives_the_year():
    # seen: real-reports 054 (统计期限为2022年11日至1231日)
    meta = extract_meta("海南省生态环境厅\n\n2022政府信息公开工作年度报告\n\n本报告中所列数据的统计期限为2022年11日至1231日。")
    assert meta.year == 2022


def test_the_region_chain_before_the_body_gives_region_aliases():
    text = "青槐镇2016年政府信息公开工作年度报告\n本报告由澄河区青槐镇人民政府编制。地址：安徽省六安市澄河区青槐镇青槐路1号。"
    meta = extract_meta(text)
    assert meta.parent == "澄河区"
    assert {"六安市澄河区青槐镇", "安徽省六安市澄河区青槐镇"} <= set(meta.aliases)


def test_a_one_character_county_in_english_and_government_short_forms():
    assert "Wei County" in extract_meta("威县2021年政府信息公开工作年度报告").aliases
    aliases = extract_meta("高平市人民政府办公室2022年政府信息公开工作年度报告").aliases
    assert {"高平市政府办公室", "高平市政府办", "Gaoping City Government Office"} <= set(aliases)
    aliases = extract_meta("嵩明县卫生健康局2025年政府信息公开工作年度报告").aliases
    assert {"嵩明县卫健局", "Songming County Health Bureau"} <= set(aliases)


def test_governments_and_their_offices_by_their_english_names():
    assert "Hunan Provincial Government" in extract_meta("湖南省人民政府2016年政府信息公开工作年度报告").aliases
    assert "Huan County People's Government" in extract_meta("环县2025年政府信息公开工作年度报告").aliases
    aliases = extract_meta("高平市人民政府办公室2022年政府信息公开工作年度报告").aliases
    assert "General Office of the Gaoping Municipal People's Government" in aliases


def test_a_district_government_written_before_its_street_office():
    # seen: eval/real-shapes.md (XX区人民政府XX街道办事处 in titles)
    meta = extract_meta("南京市鼓楼区人民政府华侨路街道办事处2021年政府信息公开工作年度报告")
    assert (meta.body, meta.parent, meta.level) == ("华侨路街道", "鼓楼区", "街道")


def test_an_untitled_town_page_is_named_where_a_clause_starts_with_the_town():
    # a 2014 township page with no title and no contact: it says 我乡 and, once, starts a
    # clause with its own name (shape of a 资阳 township page of the development set)
    text = (
        "根据《中华人民共和国政府信息公开条例》，现将我乡2014年政府信息公开工作情况报告如下。\n"
        "一、概述\n我乡成立了工作领导小组，配备了专人。\n"
        "二、收费情况\n2014年，蓼溪乡未收取任何政府信息公开费用。我乡将继续做好公开工作。\n"
    )
    meta = extract_meta(text)
    assert meta.body == "蓼溪乡"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # a provincial general office's page with no title: its overview opens "2020年，<body>…"
        # (shape of a traditional-character mirror of a provincial office's 2020 report)
        ("本报告由总体情况等六个部分组成。\n一、总体情况\n2020年，江南省人民政府办公厅认真落实条例，深化公开。\n"
         "（一）主动公开。全年发布省政府文件18件。", "江南省人民政府办公厅"),
        # a county with a one-character name, its title without the body: 2011年，<county>在…
        ("2011年度政府信息公开年度报告\n一、概述\n2011年,澧县在省、市主管部门的指导下，全面推进政府信息公开。", "澧县"),
        # no title; the report says 我县 and names itself only where its portal is given
        ("2021年,我县认真贯彻条例，持续优化政务服务。本报告的电子版可在澄岭县人民政府(http://www.example.gov.cn)"
         "政府信息公开年度报告专栏获取。\n一、总体情况\n2021年，我县政务公开工作稳步推进。", "澄岭县"),
        # the body only in the contact line, its name starting with 向 (向阳区, 从化区 …)
        ("一、总体情况\n本报告依条例编制。如对本报告有任何疑问，请联系:向阳区人民政府办公室,联系电话:0454-8607012。\n"
         "2023年区政府办主动公开信息158条。", "向阳区人民政府办公室"),
    ],
)
def test_an_untitled_page_is_named_by_its_year_led_subject_portal_or_contact(text, body):
    assert extract_meta(text).body == body


def test_a_management_committee_says_wo_wei_and_keeps_its_whole_ending():
    # 我委 of a 管委会 (a 2010 development-zone page, 樂山高新區管委會 in the development set)
    text = ("2010年政府信息公开工作年度报告\n澄河高新区管委会2010年年报根据条例编制。\n"
            "2010年，高新区管委会政府信息公开工作稳步推进，我委主动公开信息57条。我委将继续努力。")
    assert extract_meta(text).body.endswith("管委会")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # written with the short ending of its type: the full type is a name of it too
        ("济宁市文广新局2015年政府信息公开工作年度报告", {"济宁市文化广电新闻出版局", "Jining Culture, Radio, TV and Press Bureau"}),
        # a prefecture's commission written short, no parent read: the prefecture is its region
        ("甘南州卫生健康委2025年政府信息公开工作年度报告", {"甘南州卫生健康委员会", "Health Commission of Gannan Prefecture"}),
        # English "X of Y" and the function named as a 部门
        ("海南省生态环境厅2022年政府信息公开工作年度报告", {"Department of Ecology and Environment of Hainan Province"}),
        ("永春县林业局2009年政府信息公开工作年度报告", {"永春县林业部门", "Forestry Bureau of Yongchun County"}),
        # ... and its 主管部门 (development set: 海南省生态环境主管部门2022年作出行政处罚多少项)
        ("海南省生态环境厅2022年政府信息公开工作年度报告", {"海南省生态环境主管部门"}),
        # a zone without its 管理委员会
        ("来凤经济开发区2018年政府信息公开工作年度报告", {"Laifeng Economic Development Zone", "来凤经开区"}),
    ],
)
def test_department_names_by_their_short_endings_and_english_of_forms(title, expected):
    assert expected <= set(extract_meta(title).aliases)
