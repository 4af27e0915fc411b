"""A question that states the whole and asks its parts (issue 12): "X received 211 new requests in
2025. How many were addressed to the district government and its departments, and how many to
the subdistricts and towns?", "how many … were among the 59 items …", 在发布的1287条信息中.
The metric the question names is the whole it gives; each part is the sentence whose label says
what is asked, and the whole is never answered as a part.

Shapes of published reports in eval/reports/published: a district's own report splitting its new
requests by addressee (北碚区 2025), a subdistrict's disclosures listed by category after 包括
(安镇街道 2025), a bureau's website items with categories written inside longer words (雨水情信息,
聊城市水利局 2025), and a guidance count after a setting clause (对重点单位点对点指导, 北碚区政府办公室
2023). Bodies, figures and wording are this test's own.
"""

from __future__ import annotations

import pytest

from assistant.ask import Assistant
from assistant.config import Settings
from assistant.ingest.pipeline import Ingestor
from assistant.understanding.clauses import stated_figures, without_statement

DISTRICT_2025 = """重庆市江津区2025年政府信息公开工作年度报告
一、总体情况
（二）依申请公开情况。2024年全区结转政府信息公开申请9件。2025年全区新收到政府信息公开申请146件，其中向区政府及各部门提出121件，向各街镇提出25件，内容主要涉及征地拆迁和住房保障。全年办结148件，7件结转至2026年办理。
（五）监督保障情况。组织全区政务公开培训2次，对重点单位点对点指导9次。
"""

STREET_2025 = """锡山区东亭街道2025年政府信息公开工作年度报告
一、总体情况
（一）主动公开情况
2025年，东亭街道通过政务公开平台累计公开信息64条，包括政务信息15条、基层政务7条、工作动态34条、通知公告8条。“东亭发布”微信公众号全年发布信息410篇。
"""

BUREAU_2025 = """德州市水利局2025年政府信息公开工作年度报告
一、总体情况
（一）深化主动公开。全年以部门网站为主要平台发布信息1342条，其中本单位政务动态类171条，雨水情信息96条，公开目录信息88条。
（二）规范依申请公开。全年新收政府信息公开申请6件。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    for name, text in (("jiangjin_2025.txt", DISTRICT_2025), ("dongting_2025.txt", STREET_2025), ("dezhou_slj_2025.txt", BUREAU_2025)):
        (folder / name).write_text(text, encoding="utf-8")
    settings = Settings(store_dir=tmp_path_factory.mktemp("store"), embedder="hash")
    with Ingestor(settings, progress=False) as ingestor:
        assert ingestor.ingest([folder]).count("failed") == 0
    with Assistant(settings) as opened:
        yield opened


@pytest.mark.parametrize(
    ("question", "values"),
    [
        ("Jiangjin District received 146 new requests in 2025. How many were addressed to the district government and its departments, "
         "and how many to the subdistricts and towns?", [121, 25]),
        ("江津区2025年新收到申请146件，其中向区政府及各部门提出多少件？向各街镇提出多少件？", [121, 25]),
        ("How many government-affairs items and how many work-news items were among the 64 items Dongting Subdistrict published in 2025?", [15, 34]),
        ("东亭街道2025年公开的64条信息中，政务信息多少条？工作动态多少条？", [15, 34]),
        ("Of the 1342 items the Dezhou Water Resources Bureau published on its website in 2025, how many were government-affairs news "
         "and how many were rain and water-condition reports?", [171, 96]),
        ("In 2025 how many rounds of one-to-one guidance did Jiangjin District give key units, and how many training sessions did it hold?", [9, 2]),
    ],
)
def test_each_part_of_a_stated_whole(assistant, question, values):
    result = assistant.ask(question)
    assert [part.value for part in result.parts] == values, result.answer
    assert all(part.citations for part in result.parts)


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("江津区2025年新收到的政府信息公开申请中，向各街镇提出的有多少件？", 25),
        ("Of the requests Jiangjin District received in 2025, how many were addressed to the subdistricts and towns?", 25),
    ],
)
def test_a_part_after_the_scope_of_its_whole(assistant, question, value):
    # the metric (收到的申请) sets the scope; the words after it (向各街镇提出) name the part
    result = assistant.ask(question)
    assert (result.status, result.value) == ("answered", value), result.answer


def test_a_part_the_report_does_not_give(assistant):
    result = assistant.ask("江津区2025年新收到的政府信息公开申请中，涉及征地拆迁的有多少件？")
    assert (result.status, result.value) == ("not_found", None), result.answer
    assert "146" in result.answer, result.answer  # what is given: the whole


def test_the_whole_is_never_a_part(assistant):
    # the report splits its 6 requests by nothing: the part asked is not found, never 6
    for question in ("德州市水利局2025年新收申请6件，其中向局机关提出多少件？", "Dezhou Water Resources Bureau received 6 requests in 2025. How many were addressed to its divisions?"):
        result = assistant.ask(question)
        assert (result.status, result.value) == ("not_found", None), result.answer
        assert "6" in result.answer, result.answer  # it says the 6 is the whole the question gives


def test_a_question_stating_nothing_is_unchanged(assistant):
    result = assistant.ask("江津区2025年新收到政府信息公开申请多少件？")
    assert (result.status, result.value) == ("answered", 146), result.answer


@pytest.mark.parametrize(
    ("text", "figures", "rest"),
    [
        ("X received 211 new requests in 2025. How many were addressed to the district government",
         (211,), "How many were addressed to the district government"),
        ("How many government-affairs items were among the 59 items X published in 2025", (59,), "How many government-affairs items were"),
        ("Of the 1287 items X published on its website in 2025, how many were news", (1287,), "how many were news"),
        ("安镇街道2025年公开的59条信息中政务信息多少条", (59,), "政务信息多少条"),
        ("西集镇2018年收到多少政府信息公开申请", (), "西集镇2018年收到多少政府信息公开申请"),
        ("超山风景名胜区2018年举办的第10届梅花节有多少人参加", (), "超山风景名胜区2018年举办的第10届梅花节有多少人参加"),
    ],
)
def test_stated_figures_and_the_ask_without_them(text, figures, rest):
    assert stated_figures(text) == figures
    assert without_statement(text) == rest


def test_the_previous_years_carried_requests_are_no_new_ones(assistant):
    # 2024年全区结转政府信息公开申请9件 in a 2025 report: carried over from 2024, not received in 2025
    received = assistant.ask("How many requests did Jiangjin District receive in 2025?")
    assert (received.status, received.value) == ("answered", 146), received.answer
    assert not received.conflicts, received.answer
    carried = assistant.ask("江津区2025年上年结转的申请有多少件？")
    assert (carried.status, carried.value) == ("answered", 9), carried.answer
