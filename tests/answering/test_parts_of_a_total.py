"""A part is never the whole, and a part can still decide a comparison.

Shapes of real reports (development set: a 2024 town whose only total is its portal's, followed
by 其中，主动公开政策文件3条; a 2017 street office that states only 通过政府网站向外发布信息共895条;
a 2019 township that writes its own name inside the phrase, 主动公开长桥乡人民政府信息57条; a
2020 comparison asked with 谁…更多). Bodies invented, own wording.
"""

from __future__ import annotations

import pytest

from assistant.ask import Assistant
from assistant.config import Settings
from assistant.ingest.pipeline import Ingestor

REPORTS = {
    "yunxi_2024.txt": """嘉禾县云溪镇2024年政府信息公开工作年度报告
一、总体情况
（一）主动公开情况
全年共通过门户网站主动公开政府信息22条，内容包括政策文件、人事信息、财政信息和公示公告等。其中，主动公开政策文件3条，政策解读做到应解尽解。
（二）依申请公开情况
全年共收到依申请公开1件，已按期答复。
""",
    "shihu_2024.txt": """临川市石湖镇2024年政府信息公开工作年度报告
一、总体情况
2024年，石湖镇通过门户网站、政务新媒体等渠道主动公开政府信息424条。
""",
    "liuan_2017.txt": """东城区柳岸街道2017年政府信息公开工作年度报告
一、概述
2017年，我街道主动公开信息569条，其中工作动态320条。
""",
    "songgang_2017.txt": """宝安区松岗街道2017年政府信息公开工作年度报告
一、主动公开政府信息情况
2017年，松岗街道办事处通过政府网站向外发布信息共895条，其中工作动态603条，通知公告132条。
""",
    "xiaohe_2017.txt": """宝安区小河街道2017年政府信息公开工作年度报告
一、主动公开政府信息情况
2017年，小河街道办事处通过政府网站向外发布信息共300条，其中工作动态200条。
""",
    "nanping_2019.txt": """广昌县南坪乡2019年政府信息公开工作年度报告
一、主动公开政府信息情况
2019年我乡通过广昌县人民政府网站主动公开南坪乡人民政府信息57条：其中部门公告4条，工作动态43条。
""",
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    settings = Settings(store_dir=tmp_path_factory.mktemp("store"), embedder="hash")
    with Ingestor(settings, progress=False) as ingestor:
        assert ingestor.ingest([folder]).count("failed") == 0
    with Assistant(settings) as opened:
        yield opened


def test_a_part_opened_by_qizhong_never_answers_the_total(assistant):
    answer = assistant.ask("2024年嘉禾县云溪镇和临川市石湖镇主动公开的政府信息相差多少条？")
    assert (answer.status, answer.value) == ("answered", 402), answer.answer
    assert "22条" in answer.answer and "3条" not in answer.answer


def test_the_body_named_inside_the_phrase_is_no_part_of_what_is_counted(assistant):
    answer = assistant.ask("南坪乡2019年主动公开了多少条政府信息？")
    assert (answer.status, answer.value) == ("answered", 57), answer.answer


@pytest.mark.parametrize(
    "question",
    ["2017年柳岸街道和松岗街道哪个主动公开的信息更多？", "In 2017, which published more items, Liuan Subdistrict or Songgang Subdistrict?"],
)
def test_a_side_that_states_only_a_part_wins_when_the_part_alone_is_higher(assistant, question):
    answer = assistant.ask(question)
    assert (answer.status, answer.value) == ("answered", "松岗街道"), answer.answer
    assert "895" in answer.answer and "569" in answer.answer
    assert "至少多326条" in answer.answer or "by at least 326" in answer.answer
    assert {c.source for c in answer.citations} == {"liuan_2017.txt", "songgang_2017.txt"}


def test_a_gap_known_only_as_a_floor_is_no_value(assistant):
    answer = assistant.ask("2017年柳岸街道和松岗街道主动公开的信息相差多少条？")
    assert answer.status == "answered" and answer.value is None, answer.answer
    assert "至少多326条" in answer.answer


def test_a_part_below_the_other_figure_decides_nothing(assistant):
    answer = assistant.ask("2017年柳岸街道和小河街道哪个主动公开的信息更多？")
    assert answer.status == "not_found" and answer.value is None, answer.answer


def test_who_with_words_between_asks_a_comparison(assistant):
    answer = assistant.ask("2024年，云溪镇和石湖镇谁主动公开的政府信息更多？")
    assert (answer.status, answer.value) == ("answered", "石湖镇"), answer.answer
