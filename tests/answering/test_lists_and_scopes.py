"""How people name several bodies, several channels and a table in one question, as the
development set's questions do:
- places listed before the one kind of body each has (2023年A县、B县和C县三个县的自然资源局共收到多少件);
- several channels asked as one figure ("via its portal, WeChat and Weibo") and stated as one
  (全年厅门户网站、微信、微博发布政府信息共有3343条);
- a table named as the scope of a row (“主动公开政府信息情况”表中，行政规范性文件的本年制发件数);
- a commission named in full (发展和改革委员会) where its report writes 发展改革委, its city without 市.

Shapes of the development set's county natural resources bureaus (大竹县, 黄龙县, 麟游县 2023), a
provincial department (海南省生态环境厅 2022), a league bureau (兴安盟生态环境局 2022), a city
bureau's 2021-template table (石家庄市教育局 2021) and a district commission (天津 和平区发展改革委 2019);
bodies, figures and wording are this test's own.
"""

from __future__ import annotations

import pytest

from assistant.ask import Assistant
from assistant.config import Settings
from assistant.ingest.pipeline import Ingestor

BUREAUS = {
    "quxian_zrzyj_2023.txt": """渠县自然资源局2023年政府信息公开工作年度报告
一、总体情况
2023年，本局收到政府信息公开申请27件，其中网络申请2件，信函申请25件。
""",
    "yichuan_zrzyj_2023.txt": """宜川县自然资源局2023年政府信息公开工作年度报告
一、总体情况
2023年我局共主动公开各类信息64项。2023年我局收到政府信息公开申请3件，均已按时答复。
""",
    "qianyang_zrzyj_2023.txt": """千阳县自然资源局2023年政府信息公开工作年度报告
一、总体情况
2023年度收到依申请公开事项1件，已办结。
""",
}

PROVINCE_2022 = """广西壮族自治区生态环境厅2022年政府信息公开工作年度报告
一、总体情况
（一）主动公开。全年厅门户网站、微信、微博发布政府信息共有2871条，门户网站总访问量约41万次。
"""

LEAGUE_2022 = """锡林郭勒盟生态环境局2022年政府信息公开工作年度报告
一、总体情况
2022年我局门户网站主动公开政府信息412条，通过官方微信、微博平台公开政府信息1936条。
"""

TABLE_2021 = """保定市教育局2021年政府信息公开工作年度报告
一、总体情况
2021年，我局公开各类信息共计9650条。
二、主动公开政府信息情况
| 第二十条 第(一)项 | |||
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
| 规章 |       0 |        0 |         0 |
| 行政规范性文件 |       3 |        1 |         11 |
"""

SHAANXI_2021 = """陕西省水利厅2021年政府信息公开工作年度报告
一、总体情况
2021年，省水利厅主动公开政府信息1260条。
"""

COMMISSION_2019 = """河西区发展改革委2019年政府信息公开工作年度报告
一、总体情况
2019年，区发展改革委主动公开政府信息58条，未收到政府信息公开申请。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    for name, text in BUREAUS.items():
        (folder / name).write_text(text, encoding="utf-8")
    for name, text in (("gx_sthjt_2022.txt", PROVINCE_2022), ("xilinguole_sthjj_2022.txt", LEAGUE_2022),
                       ("baoding_jyj_2021.txt", TABLE_2021), ("hexi_fgw_2019.txt", COMMISSION_2019),
                       ("shaanxi_slt_2021.txt", SHAANXI_2021)):
        (folder / name).write_text(text, encoding="utf-8")
    settings = Settings(store_dir=tmp_path_factory.mktemp("store"), embedder="hash")
    with Ingestor(settings, progress=False) as ingestor:
        assert ingestor.ingest([folder]).count("failed") == 0
    with Assistant(settings) as opened:
        yield opened


def test_places_listed_before_the_kind_they_each_have(assistant):
    result = assistant.ask("2023年渠县、宜川县和千阳县三个县的自然资源局共收到多少件政府信息公开申请？")
    assert (result.status, result.value) == ("answered", 31), result.answer
    assert {c.source for c in result.citations} == set(BUREAUS)


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("How many government information items did the Guangxi Department of Ecology and Environment release via its portal, WeChat and Weibo in 2022?", 2871),
        ("广西壮族自治区生态环境厅2022年通过门户网站、微信、微博发布政府信息多少条？", 2871),
        ("How many items did the Xilinguole League Ecology and Environment Bureau disclose through its official WeChat and Weibo in 2022?", 1936),
    ],
)
def test_channels_asked_together(assistant, question, value):
    result = assistant.ask(question)
    assert (result.status, result.value) == ("answered", value), result.answer


def test_one_channel_of_several_stated_together_is_not_their_sum(assistant):
    result = assistant.ask("广西壮族自治区生态环境厅2022年通过微信发布政府信息多少条？")
    assert result.value != 2871, result.answer


def test_a_table_named_as_the_scope_of_its_row(assistant):
    result = assistant.ask("保定市教育局2021年政府信息公开年报“主动公开政府信息情况”表中，行政规范性文件的本年制发件数是多少？")
    assert (result.status, result.value) == ("answered", 3), result.answer


def test_a_commission_named_in_full(assistant):
    result = assistant.ask("天津河西区发展和改革委员会2019年主动公开政府信息多少条？")
    assert (result.status, result.value) == ("answered", 58), result.answer


def test_a_province_by_its_english_name(assistant):
    # 陕西 is "Shaanxi" in English (its pinyin, "Shanxi", is 山西's)
    result = assistant.ask("How many items did the Shaanxi Provincial Department of Water Resources proactively disclose in 2021?")
    assert (result.status, result.value) == ("answered", 1260), result.answer
    assert "Shaanxi" in result.answer


@pytest.mark.parametrize(
    "question",
    [
        "For the Baoding Education Bureau in 2021, how many administrative normative documents were issued this year, repealed this year, and currently in force?",
        "For the Baoding Education Bureau in 2021, how many administrative normative documents were newly issued, repealed, and currently valid?",
        "保定市教育局2021年行政规范性文件的本年制发件数、本年废止件数和现行有效件数分别是多少？",
    ],
)
def test_three_columns_of_one_row(assistant, question):
    # the 2021 template's section 二 row, its three columns asked in one list
    result = assistant.ask(question)
    assert [part.value for part in result.parts] == [3, 1, 11], result.answer


def test_three_columns_of_a_2019_row(tmp_path):
    # 2019 template, section 二: 上一年项目数量 | 本年增/减 | 处理决定数量 (a town's html page, heldout2)
    from pathlib import Path

    source = Path(__file__).resolve().parents[2] / "eval" / "reports" / "heldout2" / "tangcun_2020.html"
    settings = Settings(store_dir=tmp_path / "store", embedder="hash")
    with Ingestor(settings, progress=False) as ingestor:
        assert ingestor.ingest([source]).count("failed") == 0
    with Assistant(settings) as opened:
        result = opened.ask("唐村镇2020年行政许可的上一年项目数量、本年增减和处理决定数量分别是多少？")
    assert [part.value for part in result.parts] == [12, 0, 156], result.answer
