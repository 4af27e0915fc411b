"""A figure of several channels listed together and closed by 等 is no figure of one of them.

A prefecture health commission's 2025 page (development set) writes 通过报刊、微信公众号等媒体公开信息
344条 and leaves its WeChat account's own count blank (…微信公众号编辑发布信息条). Asked how many items
the WeChat account published, the answer is that the report gives no such figure, never the 344 of
newspapers and WeChat together. The channels' figure still answers what it counts, and a list
closed by 等 that names what was published (工作动态、社区活动等信息, a street office of heldout6) is
no list of channels: the channel named before it answers.

Bodies, figures and wording are this test's own.
"""

from __future__ import annotations

import pytest

from tests.conftest import assistant_over

COMMISSION_2025 = """青川州卫生健康委员会2025年政府信息公开工作年度报告
一、总体情况
（一）主动公开。一是通过门户网站主动公开政务信息203条。通过报刊、微信公众号等媒体公开信息287条。二是通过政务新媒体主动发布政务信息。“青川健康”微信公众号编辑发布信息条，订阅用户5120人。
"""


STREET_2022 = """青川市岭南街道2022年政府信息公开工作年度报告
一、总体情况
街道坚持应公开尽公开，同时通过“善治岭南”新媒体发布街道工作动态、社区活动等信息约380条。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    reports = {"qingchuan_wjw_2025.txt": COMMISSION_2025, "lingnan_jd_2022.txt": STREET_2022}
    with assistant_over(tmp_path_factory, reports) as opened:
        yield opened


@pytest.mark.parametrize(
    "question",
    [
        "青川州卫生健康委2025年通过微信公众号发布了多少条信息？",
        "How many posts did the Qingchuan Prefecture Health Commission's WeChat account publish in 2025?",
    ],
)
def test_one_channel_of_a_list_closed_by_deng_is_not_found(assistant, question):
    answer = assistant.ask(question)
    assert answer.status == "not_found"
    assert answer.value is None


def test_the_website_figure_is_still_the_websites(assistant):
    answer = assistant.ask("青川州卫生健康委2025年通过门户网站公开了多少条信息？")
    assert answer.status == "answered"
    assert answer.value == 203


def test_a_list_of_what_was_published_is_no_list_of_channels(assistant):
    answer = assistant.ask("岭南街道2022年通过“善治岭南”新媒体发布了大约多少条信息？")
    assert answer.status == "answered"
    assert answer.value == 380
