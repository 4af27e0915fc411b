"""How questions name a national table's cells and the bodies that publish them, in the shapes
published reports and their readers use (published set: 聊城市水利局, 涡阳县人民政府办公室,
大连长兴岛经济技术开发区管理委员会; eval/tables: every cell asked by its row and column)."""

from __future__ import annotations

import pytest

from assistant.catalogue import load_catalogue
from assistant.ingest.names import aliases
from assistant.understanding import BodyDirectory, parse_question
from assistant.understanding.years import years


def _report(body, short, parent, level, year):
    return {"body": body, "short_name": short, "parent": parent, "level": level, "year": year,
            "aliases": list(aliases(body, short, parent, level, body))}


REPORTS = [
    _report("聊城市水利局", "聊城市水利局", "聊城市", "department", 2025),
    _report("涡阳县人民政府办公室", "涡阳县人民政府办公室", "涡阳县", "department", 2019),
    _report("大连长兴岛经济技术开发区管理委员会", "大连长兴岛经济技术开发区管理委员会", None, "department", 2025),
    _report("云湾镇", "云湾", "青岫区", "镇", 2021),
    _report("唐村镇", "唐村", "邹城市", "镇", 2020),
    _report("唐村镇", "唐村", "邹城市", "镇", 2010),
]


@pytest.fixture(scope="module")
def ask():
    catalogue, directory = load_catalogue(), BodyDirectory.from_reports(REPORTS)
    return lambda text: parse_question(text, catalogue=catalogue, directory=directory)


@pytest.mark.parametrize(
    "question, metric",
    [
        # a column word after the row: the row's metric under that column (section 二)
        ("How many normative documents of the Liaocheng Water Resources Bureau were currently in force in 2025?", "normative_documents_in_force"),
        ("聊城市水利局2025年行政规范性文件现行有效多少件？", "normative_documents_in_force"),
        ("聊城市水利局2025年废止了多少件规范性文件？", "normative_documents_repealed"),
        ("云湾镇2021年规章对外公开总数量是多少？", "regulations_disclosed_total"),
        ("涡阳县政府（办公室）2019年政府集中采购项目数量是多少？", "procurement_items"),
        ("How much did the Guoyang County Government Office spend on centralised procurement in 2019?", "procurement_amount"),
        # a plural term matches its singular inside a phrase
        ("How much administrative fee revenue did the Liaocheng Water Resources Bureau report for 2025?", "administrative_fees"),
    ],
)
def test_a_column_word_picks_the_cell_of_its_row(ask, question, metric):
    assert ask(question).metrics[0] == metric


def test_a_body_name_with_brackets_and_a_zone_named_by_its_place(ask):
    assert ask("涡阳县政府（办公室）2019年政府集中采购项目数量是多少？").bodies == ("涡阳县人民政府办公室",)
    # 大连长兴岛: the zone's own name is its last word, its pinyin alone names it
    q = ask("How many times did the Changxingdao zone adjust its website column settings in 2025?")
    assert q.bodies == ("大连长兴岛经济技术开发区管理委员会",)
    assert ask("长兴岛经开区2025年主动公开了多少条信息？").bodies == ("大连长兴岛经济技术开发区管理委员会",)


def test_a_possessive_names_the_body():
    directory = BodyDirectory.from_reports([
        _report("遂宁市人力资源和社会保障局", "遂宁市人力资源和社会保障局", "遂宁市", "department", 2019),
        _report("济宁市人力资源和社会保障局", "济宁市人力资源和社会保障局", "济宁市", "department", 2020),
    ])
    q = parse_question("How many requests did Suining's human resources and social security bureau receive in 2019?",
                       catalogue=load_catalogue(), directory=directory)
    assert q.bodies == ("遂宁市人力资源和社会保障局",)


def test_settings_is_no_verb_form_of_settled(ask):
    # "settled" is a synonym of requests completed; "settings" is not "setting" of it
    q = ask("How many times did the Changxingdao zone adjust its website column settings in 2025?")
    assert "requests_completed" not in q.metrics


def test_a_year_heading_a_question_with_a_colon(ask):
    assert years("Tangcun Town 2020: how many requests were carried over?") == (2020,)
    assert years("2018.5 20:18 2019：3") == ()
    q = ask("Tangcun Town 2020: how many requests were carried over from the previous year?")
    assert q.years == (2020,) and q.metrics[0] == "requests_carried_over_from_last_year"


@pytest.mark.parametrize(
    "question, metric, column",
    [
        # 理由 inside 无正当理由逾期不补正 names the row; it asks for no reasons
        ("云湾镇2021年其他处理中申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请，商业企业有多少件？", "outcome_other_no_amendment", "商业企业"),
        ("云湾镇2021年其他处理中其他有多少件？", "outcome_other_other", None),
        ("云湾镇2021年本年新收政府信息公开申请数量，其他组织有多少件？", "requests_received", "其他"),
        # "results" is the asked figure's own name: one cell, not a breakdown by outcome
        ("How many requests answered (total of handling results) did Yunwan report for 2021, from natural persons?", "outcome_total", "自然人"),
        ("How many administrative reconsiderations with other results did Yunwan have in 2021?", "reconsideration_other", None),
        ("How many information disclosure requests received did Yunwan report for 2021, from public-interest organisations?", "requests_received", "社会公益组织"),
    ],
)
def test_a_cell_named_by_its_row_and_column_is_one_cell(ask, question, metric, column):
    q = ask(question)
    assert q.intent == "lookup", q
    assert q.metrics[0] == metric and q.column == column


def test_legal_persons_and_other_organisations_is_the_group_column(ask):
    q = ask("How many requests did legal persons and other organisations file with Yunwan Town in 2021?")
    assert q.column == "法人或其他组织"
    assert ask("云湾镇2021年法人和其他组织提出了多少件申请？").column == "法人或其他组织"


def test_a_breakdown_asked_in_words_outside_the_figure_name_stays_a_breakdown(ask):
    q = ask("云湾镇2021年的申请办理结果如何？")
    assert q.intent == "breakdown" and q.breakdown == "outcome"
    q = ask("云湾镇2021年不予公开的理由有哪些？")
    assert q.intent == "breakdown" and q.breakdown == "reason"


@pytest.mark.parametrize(
    ("question", "outcome_read"),
    [
        # proactive items "disclosed" are no request granted (published pp036 shape)
        ("How many items did Qingshui County disclose through other forms in 2019?", False),
        ("How many requests were disclosed in full in 2019?", True),
        ("And how many of those were disclosed in full?", True),  # a follow-up about requests
        ("And how many were refused?", True),
    ],
)
def test_an_english_request_outcome_needs_requests_spoken_of(question, outcome_read):
    from assistant.catalogue import load_catalogue
    from assistant.understanding.metrics import metrics

    catalogue = load_catalogue()
    found = metrics(question, catalogue)
    assert any(catalogue.metrics[m].group == "outcomes" for m in found if m in catalogue.metrics) == outcome_read
