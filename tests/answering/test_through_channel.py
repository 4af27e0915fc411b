"""A township's whole disclosure stated as published through one channel, its categories each with
their share: 通过XX县人民政府(http://…)主动公开…信息57条：其中工作动态43条，占信息公开总量的75.44%….

The website's count is the total the sentence states through the website (the address in brackets
names the site); a later ask for "the share of that" is the share written beside the figure before
it. Shape of a 2019-template township report (长桥乡, 广昌县, in the development set) and a zone
stating only its portal's count (来凤经济开发区 2018); bodies, figures and wording are this
test's own.
"""

from __future__ import annotations

import pytest

from assistant.ask import Assistant
from assistant.config import Settings
from assistant.ingest.pipeline import Ingestor

TOWNSHIP_2019 = """索 引 号:NFX0031/2020-00117
发文机关: 白舍乡
白舍乡2019年政府信息公开年度工作报告
一、总体情况
2019年我乡按照县政务公开工作部署推进各项公开工作。2019年我乡通过南丰县人民政府(http://www.jxnf.gov.cn)主动公开白舍乡人民政府信息64条:其中部门公告5条,占信息公开总量的7.81%;工作动态48条,占信息公开总量的75.00%;人事信息6条,占信息公开总量的9.38%;财政信息5条,占信息公开总量的7.81%。
"""

BUREAU_2021 = """莆田市城厢区教育局2021年政府信息公开工作年度报告
一、总体情况
2021年我局通过城厢区人民政府网站“政府信息公开”平台主动公开政府信息58件，其中“规划计划”4件、“工作情况”9件、“应主动公开的其他信息”45件。
"""

TOWN_2020 = """桥头镇2020年政府信息公开工作年度报告
一、总体情况
全年通过县政府网站主动公开政府信息30条，镇政务微信公众号另外推送信息12条。
"""

ZONE_2018 = """鹤峰经济开发区2018年政府信息公开工作年度报告
一、概述
2018年度我区政府门户网站发布信息总数为71条，其中政策文件12条。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    for name, text in (("baishe_2019.txt", TOWNSHIP_2019), ("hefeng_kfq_2018.txt", ZONE_2018), ("chengxiang_jyj_2021.txt", BUREAU_2021), ("qiaotou_2020.txt", TOWN_2020)):
        (folder / name).write_text(text, encoding="utf-8")
    settings = Settings(store_dir=tmp_path_factory.mktemp("store"), embedder="hash")
    with Ingestor(settings, progress=False) as ingestor:
        assert ingestor.ingest([folder]).count("failed") == 0
    with Assistant(settings) as opened:
        yield opened


@pytest.mark.parametrize(
    "question",
    ["南丰县白舍乡2019年通过县政府网站主动公开了多少条信息？", "How many items did Baishe Township publish on the county government website in 2019?"],
)
def test_the_website_count_is_the_total_stated_through_it(assistant, question):
    result = assistant.ask(question)
    assert (result.status, result.value) == ("answered", 64), result.answer
    assert "http://www.jxnf.gov.cn" in result.citations[0].quote


def test_the_total_is_still_the_total(assistant):
    result = assistant.ask("白舍乡2019年主动公开政府信息多少条？")
    assert (result.status, result.value) == ("answered", 64), result.answer


def test_a_comparison_with_a_portal_count(assistant):
    result = assistant.ask("Which disclosed more items on its website, Baishe Township in 2019 or the Hefeng Economic Development Zone in 2018, and by how many?")
    assert (result.status, result.value) == ("answered", 7), result.answer


@pytest.mark.parametrize(
    ("question", "values"),
    [
        ("Of the 64 items Baishe Township disclosed in 2019, how many were work updates, and what share of the total was that?", [48, 75]),
        ("白舍乡2019年人事信息多少条？占比多少？", [6, 9.38]),
    ],
)
def test_the_share_of_the_figure_asked_before(assistant, question, values):
    result = assistant.ask(question)
    assert [part.value for part in result.parts] == values, result.answer
    assert result.parts[1].citations and "%" in result.parts[1].citations[0].quote


def test_no_share_is_made_up(assistant):
    # the zone states no share of its 12 policy documents: the share part is not found
    result = assistant.ask("鹤峰经济开发区2018年政策文件多少条？占比多少？")
    assert [part.value for part in result.parts] == [12, None], result.answer


@pytest.mark.parametrize(
    "question",
    ["城厢区教育局2021年主动公开政府信息多少件？", "How many items did the Chengxiang District Education Bureau proactively disclose in 2021?"],
)
def test_the_total_stated_through_its_one_channel(assistant, question):
    # 通过区政府网站…平台主动公开政府信息58件, and no other channel: that is what it disclosed
    result = assistant.ask(question)
    assert (result.status, result.value) == ("answered", 58), result.answer


def test_two_channels_state_no_total(assistant):
    # the website's 30 and WeChat's 12: neither is what the town disclosed in all
    result = assistant.ask("桥头镇2020年主动公开政府信息多少条？")
    assert result.value not in (30, 12), result.answer
