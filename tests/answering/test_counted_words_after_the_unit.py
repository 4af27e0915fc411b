"""A district bureau's prose (shape of 永川区市场监管局 2022, development set; body, figures and
wording are this test's own):

- the report lists the template's section titles before 共6项: a count of its own parts (asked as
  such: "由几个部分组成", "how many parts"), never the items it published;
- 通过不同渠道公开了21218条政府信息 names what it counts after the unit: the year's total;
- 国家企业信用信息公示系统 holds 企业, yet names no applicant: only the request table is split by
  applicant, so the platform's figure answers.
"""

from __future__ import annotations

import pytest

from tests.conftest import assistant_over

BUREAU_2022 = """重庆市璧山区市场监督管理局2022年政府信息公开工作年度报告
本报告包含总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议行政诉讼情况、存在的主要问题及改进情况和其他需要报告事项共6项。
一、总体情况
（一）主动公开方面。我局围绕市场监管重点工作，通过不同渠道公开了18342条政府信息，具体为局门户网站287条、国家企业信用信息公示系统（重庆）17960条和其他媒体平台发布宣传信息95条。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    with assistant_over(tmp_path_factory, {"bishan_scjgj_2022.txt": BUREAU_2022}) as opened:
        yield opened


def test_the_total_named_after_its_unit(assistant):
    result = assistant.ask("璧山区市场监管局2022年主动公开了多少条政府信息？")
    assert (result.status, result.value) == ("answered", 18342), result.answer


def test_the_reports_own_parts_are_no_figure_of_its_sections(assistant):
    facts = assistant.store.query_facts(body="重庆市璧山区市场监督管理局", year=2022)
    six = [f for f in facts if f["value"] == 6]
    assert six and all(f["metric"] == "report_parts" for f in six)


# 报告包括概述,…,其他需要报告的事项等 7 个部分 (枫坪乡 2015 of the development set) or 等六个部分组成 in
# Chinese numerals (several reports of the development set): asked as the report's parts
TOWNSHIP_2015 = """丰岭乡2015年政府信息公开工作年度报告
本报告由概述、主动公开政府信息情况、依申请公开政府信息情况、政府信息公开的收费及减免情况、因政府信息公开申请行政复议和提起行政诉讼的情况、存在的主要问题及改进情况等六个部分组成。
一、概述
2015年，我乡主动公开政府信息88条。
"""


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory):
    with assistant_over(tmp_path_factory, {"bishan_scjgj_2022.txt": BUREAU_2022, "fengling_2015.txt": TOWNSHIP_2015}) as opened:
        yield opened


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("璧山区市场监管局2022年的年报由几个部分组成？", 6),
        ("How many parts does Fengling Township's 2015 disclosure report consist of?", 6),
        ("丰岭乡2015年主动公开政府信息多少条？", 88),
    ],
)
def test_the_reports_parts_asked(two_reports, question, value):
    result = two_reports.ask(question)
    assert (result.status, result.value) == ("answered", value), result.answer


def test_a_platform_holding_qiye_names_no_applicant(assistant):
    result = assistant.ask("璧山区市场监管局2022年通过局门户网站和国家企业信用信息公示系统（重庆）分别公开了多少条信息？")
    assert [p.value for p in result.parts] == [287, 17960], result.answer


# A subdistrict whose staff grew within one sentence (shape of 五常街道 2017, development set) and a
# city bureau that writes its website as 官网 (shape of 深圳市生态环境局 2022, development set).
SUBDISTRICT_2017 = """仓前街道2017年政府信息公开工作年度报告
一、概述
街道综合治理科负责依申请公开，专兼职工作人员由原来的3人增加到现在的6人。
"""

CITY_BUREAU_2022 = """江州市生态环境局2022年政府信息公开工作年度报告
一、总体情况
全年通过官网发布生态环境领域相关信息4127条。
"""


@pytest.fixture(scope="module")
def grown(tmp_path_factory):
    reports = {"cangqian_2017.txt": SUBDISTRICT_2017, "jiangzhou_sthjj_2022.txt": CITY_BUREAU_2022}
    with assistant_over(tmp_path_factory, reports) as opened:
        yield opened


def test_the_level_reached_not_the_level_before(grown):
    result = grown.ask("仓前街道2017年专兼职政府信息公开工作人员增加到了多少人？")
    assert (result.status, result.value) == ("answered", 6), result.answer
    before = [f for f in grown.store.query_facts(body="仓前街道", year=2017) if f["value"] == 3]
    assert before and all(f["metric"] is None for f in before)


def test_guanwang_is_the_website(grown):
    result = grown.ask("江州市生态环境局2022年在网站上发布了多少条信息？")
    assert (result.status, result.value) == ("answered", 4127), result.answer
