"""A total a sentence states while the parts it lists add up to another figure (issue 12): the
stated total is the answer, and the parts' sum stands beside it as a conflict.

Shapes of real narrative reports (a 2024 town whose 21 items are listed as parts adding up to
14; a 2023 district whose settled requests are listed with the carried-over ones); invented
bodies, own wording.
"""

from __future__ import annotations

import pytest

from assistant.ask import Assistant
from assistant.config import Settings
from assistant.ingest.pipeline import Ingestor

TOWN = """砚台镇2024年政府信息公开工作年度报告
（本文件为测试数据，镇名虚构）
一、总体情况
在2024年,砚台镇主动公开政府信息21条,其中,规章文件4条,规范计划5条,其他文件4条,政务(工作)动态信息0条,政府信息公开工作年度报告1条;全年收到政府信息公开申请3件,其中网络申请2件、信函申请1件。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    (folder / "yantai_2024.txt").write_text(TOWN, encoding="utf-8")
    settings = Settings(store_dir=tmp_path_factory.mktemp("store"), embedder="hash")
    with Ingestor(settings, progress=False) as ingestor:
        assert ingestor.ingest([folder]).count("failed") == 0
    with Assistant(settings) as opened:
        yield opened


@pytest.mark.parametrize(
    "question",
    ["砚台镇2024年主动公开政府信息多少条？", "How many items did Yantai Town proactively disclose in 2024?"],
)
def test_a_total_whose_parts_disagree_carries_their_sum(assistant, question):
    data = assistant.ask(question).to_dict()
    assert (data["status"], data["value"]) == ("answered", 21), data["answer"]
    assert [c["value"] for c in data["conflicts"]] == [14]
    assert "14" in data["answer"] and "21" in data["answer"]
    quote = data["conflicts"][0]["citation"]["quote"]
    assert quote.startswith("4条") and "年度报告1" in quote


def test_a_total_whose_parts_add_up_carries_no_conflict(assistant):
    data = assistant.ask("砚台镇2024年收到多少件政府信息公开申请？").to_dict()
    assert (data["status"], data["value"], data["conflicts"]) == ("answered", 3, []), data["answer"]
