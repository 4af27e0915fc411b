"""Shares stated beside counts, and running totals asked as such.

Shapes of real reports: a statistics bureau listing its disclosures by kind, each count followed
by its share (…类共129条，包括…，占总数的60.6%); a general office stating how many replies were
"unable to provide" and their share (…无法提供的49件，占50%); a development zone whose count is
followed by how far it beat its target (977条，超额完成全年目标任务40%); an education bureau
stating both the year's count and a running total (截至2014年底累计…1032条). Bodies invented,
own wording.
"""

from __future__ import annotations

import pytest

from assistant.ask import Assistant
from assistant.config import Settings
from assistant.ingest.pipeline import Ingestor
from assistant.ingest.prose import parse_prose_facts

BUREAU = """梅岭区统计局2017年政府信息公开工作年度报告
一、主动公开政府信息情况
2017年，我局全年主动公开政府信息213件。所公开的信息中，统计信息类共129条，包括统计年鉴、统计公报及月度数据解读等，占总数的60.6%；通过微信平台发布季度数据8次，占总数的3.8%；其他各类工作动态占35.6%。
二、依申请公开情况
我局共收到政府信息公开申请98件，其中予以公开49件，因本机关不掌握等原因无法提供的49件，占50%。
"""

ZONE = """青溪经济技术开发区2021年政府信息公开工作年度报告
一、总体情况
2021年，主动公开政府信息977条，超额完成全年目标任务40%。
"""

EDUCATION = """柏林县教育局2014年政府信息公开工作年度报告
一、主动公开政府信息情况
2014年，我局主动公开政府信息186条。截至2014年底，我局累计主动公开政府信息1032条。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    (folder / "meiling_tjj_2017.txt").write_text(BUREAU, encoding="utf-8")
    (folder / "qingxi_jkq_2021.txt").write_text(ZONE, encoding="utf-8")
    (folder / "bolin_jyj_2014.txt").write_text(EDUCATION, encoding="utf-8")
    settings = Settings(store_dir=tmp_path_factory.mktemp("store"), embedder="hash")
    with Ingestor(settings, progress=False) as ingestor:
        assert ingestor.ingest([folder]).count("failed") == 0
    with Assistant(settings) as opened:
        yield opened


def test_a_share_clause_is_labelled_with_the_count_it_is_of():
    labels = {f.value: f.row_path[0] for f in parse_prose_facts(BUREAU) if f.unit == "%"}
    assert labels[60.6] == "统计信息类共，占总数的"
    assert labels[50.0] == "因本机关不掌握等原因无法提供的，占"
    assert labels[35.6] == "其他各类工作动态占"  # a clause naming its own subject keeps it


@pytest.mark.parametrize(
    "question",
    ["梅岭区统计局2017年公开的信息中统计信息类占多少比例？", "What share of the Meiling District Statistics Bureau's 2017 proactive disclosures was statistical information?"],
)
def test_a_share_of_a_listed_kind_is_its_stated_share(assistant, question):
    data = assistant.ask(question).to_dict()
    assert (data["status"], data["value"], data["unit"]) == ("answered", 60.6, "%"), data["answer"]


@pytest.mark.parametrize(
    ("question", "share"),
    [("梅岭区统计局2017年答复中无法提供的占多少比例？", 50), ("青溪经开区2021年主动公开政府信息超额完成全年目标任务百分之多少？", 40)],
)
def test_a_share_stated_right_after_the_count_answers(assistant, question, share):
    data = assistant.ask(question).to_dict()
    assert (data["status"], data["value"], data["unit"]) == ("answered", share, "%"), data["answer"]
    assert f"{share}%" in data["citations"][0]["quote"]


def test_a_count_asked_is_still_the_count(assistant):
    data = assistant.ask("青溪经开区2021年主动公开政府信息多少条？").to_dict()
    assert (data["status"], data["value"]) == ("answered", 977), data["answer"]


@pytest.mark.parametrize(
    "question",
    ["柏林县教育局截至2014年底累计主动公开政府信息多少条？", "How many items had the Bolin County education bureau disclosed cumulatively by the end of 2014?"],
)
def test_a_running_total_asked_is_the_running_total_and_no_conflict(assistant, question):
    data = assistant.ask(question).to_dict()
    assert (data["status"], data["value"]) == ("answered", 1032), data["answer"]
    assert data["conflicts"] == []
    assert "累计" in data["answer"]


def test_the_years_figure_is_not_contradicted_by_the_running_total(assistant):
    data = assistant.ask("柏林县教育局2014年主动公开政府信息多少条？").to_dict()
    assert (data["status"], data["value"], data["conflicts"]) == ("answered", 186, []), data["answer"]
