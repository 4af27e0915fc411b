"""A category the report lists under its proactive total, asked by naming the total and the category.

County bureaus of the 2016 template state their total in one sentence and list the categories in
the next (（一）数量情况：…共主动公开信息35条。（二）类别情况：工作计划方案6条，工作动态17条…: a district
transport bureau of heldout11, following a published Sichuan page), with the template table's
主动公开政府信息数 beside them. "主动公开的工作动态有多少条" names the total's words and the category's:
the category's figure answers, never the total. A question that names only the total, or a channel
the metric itself names, still gets the total's figure.

A 2008 town page of the development set lists its categories with shares after the total
(…共新增主动公开政府信息312条。其中,…其它类信息207条,占58.1%): the category asked is answered with
its count and its share, and a share its count and the total do not give (207 of 312 is 66.3%) is
given with that disagreement.

Bodies, figures and wording are this test's own.
"""

from __future__ import annotations

import pytest

from tests.conftest import assistant_over

BUREAU_2016 = """青川市河东区水务局2016年政府信息公开工作年度报告

一、概述
2016年，我局按照条例要求梳理了公开目录，并及时更新各类水务信息。

二、主动公开政府信息情况
（一）数量情况：截至2016年12月31日，我局共主动公开信息48条，主动公开信息全文电子化率达100%。
（二）类别情况：工作计划方案9条，工作动态21条，政策法规7条，财政预决算4条，项目建设7条。

三、依申请公开政府信息情况
全年收到政府信息公开申请3件，均按时办结。

四、联系方式
联系电话：0839-7201234
"""


STREET_2019 = """青川市河东区北门街道2019年政府信息公开工作年度报告
一、总体情况
2019年，北门街道共主动公开政府信息60条，其中工作动态22条、政策文件8条、通知公告30条。
"""

TOWN_2008 = """岚溪镇2008年政府信息公开工作年度报告
二、主动公开政府信息情况
本镇对应主动公开的政府信息进行了梳理，2008年度共新增主动公开政府信息250条。其中,机构概况类信息10条,占4%;政策文件类信息30条,占12%;其它类信息180条,占60.5%。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    reports = {"hedong_shuiwu_2016.txt": BUREAU_2016, "lanxi_2008.txt": TOWN_2008, "beimen_2019.txt": STREET_2019}
    with assistant_over(tmp_path_factory, reports) as opened:
        yield opened


@pytest.mark.parametrize(
    "question, value",
    [
        ("河东区水务局2016年主动公开的工作动态有多少条？", 21),
        ("河东区水务局2016年主动公开信息中政策法规多少条？", 7),
        ("北门街道2019年主动公开的工作动态有多少条？", 22),  # the categories in the total's own sentence
        ("How many of the items proactively disclosed by the Hedong District Water Bureau in 2016 were work-dynamics items?", 21),
        ("How many work dynamics items did the Hedong District Water Bureau proactively disclose in 2016?", 21),
    ],
)
def test_a_category_named_beside_the_total_is_the_categorys_figure(assistant, question, value):
    answer = assistant.ask(question)
    assert answer.status == "answered"
    assert answer.value == value
    assert answer.citations[0].quote in BUREAU_2016 + STREET_2019


@pytest.mark.parametrize(
    "question",
    ["河东区水务局2016年主动公开信息多少条？", "How many items did the Hedong District Water Bureau proactively disclose in 2016?"],
)
def test_the_total_alone_is_still_the_total(assistant, question):
    answer = assistant.ask(question)
    assert answer.status == "answered"
    assert answer.value == 48


def test_a_category_and_its_share_with_the_share_the_figures_give(assistant):
    answer = assistant.ask("岚溪镇2008年主动公开的其它类信息有多少条？占全部主动公开信息的比例是多少？")
    assert [part.value for part in answer.parts] == [180, 60.5]
    assert [value for value, _ in answer.conflicts] == [72]  # 180 of 250
    assert "72" in answer.answer
    for citation in answer.citations:
        assert citation.quote in TOWN_2008


def test_a_share_the_figures_give_carries_no_conflict(assistant):
    answer = assistant.ask("岚溪镇2008年政策文件类信息占全部主动公开信息的比例是多少？")
    assert answer.value == 12
    assert answer.conflicts == ()
