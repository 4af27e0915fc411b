"""Two bodies of one name in two counties are two bodies (issue 11).

Shapes from 龙游县横山镇 (2023, titled with its county) and 遂宁市安居区横山镇 (2022, untitled, the
district named only in the portal it is published on); a third report gives one body two years
whose regions nest (亳州市 in one year, 利辛县 in the other, as 利辛县望疃镇's pages do). Invented
names and wording.
"""

from __future__ import annotations

import pytest

from assistant.ask import Assistant
from assistant.config import Settings
from assistant.ingest.pipeline import Ingestor

REPORTS = {
    "a_2023.txt": "鹿溪县石屏镇2023年政府信息公开工作年度报告\n（测试数据）\n2023年，我镇主动公开政府信息130条。\n传真：0570-7000001\n",
    "b_2022.txt": (
        "发布机构:石屏镇  发布日期:2023-01-16\n一、总体情况\n全年主动公开政府信息76条。\n"
        "2022年度我镇没有收到政府信息公开申请。\n本报告在鹭洲区人民政府门户网站政府信息公开专栏发布。\n"
    ),
    "c_2019.txt": "沅州市砚山镇2019年政府信息公开工作年度报告\n（测试数据）\n2019年，我镇收到政府信息公开申请4件。\n",
    "w_1.txt": "沅州市水利局2017年政府信息公开工作年度报告\n（测试数据）\n2017年，我局收到政府信息公开申请3件。\n",
    "w_2.txt": "鹿溪市水利局2017年政府信息公开工作年度报告\n（测试数据）\n2017年，我局收到政府信息公开申请8件。\n",
    "c_2023.txt": "沅州市澧川县砚山镇2023年政府信息公开工作年度报告\n（测试数据）\n2023年，我镇收到政府信息公开申请2件。\n",
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


@pytest.mark.parametrize(
    ("question", "status", "value"),
    [
        ("鹭洲区石屏镇2022年主动公开了多少条政府信息？", "answered", 76),
        ("鹿溪县石屏镇主动公开了多少条政府信息？", "answered", 130),
        ("鹿溪县石屏镇2022年主动公开了多少条政府信息？", "not_found", None),  # that year is the other one's
        ("石屏镇主动公开了多少条政府信息？", "ambiguous", None),
        ("石屏镇2023年主动公开了多少条政府信息？", "answered", 130),  # only one of them reports 2023
        ("What is the fax number of Shiping Town, Luxi County?", "answered", "0570-7000001"),
        ("How many items did Shiping Town (Luzhou District) disclose proactively?", "answered", 76),
        ("两个石屏镇一共主动公开了多少条信息？", "answered", 206),
        # a department written short in English, its city before it (the Tongxiang water bureau)
        ("How many information requests did the Yuanzhou water bureau receive in 2017?", "answered", 3),
        ("水利局2017年收到多少件政府信息公开申请？", "ambiguous", None),
        # one body, two years, regions that nest: still one body
        ("砚山镇2019年收到多少件政府信息公开申请？", "answered", 4),
        ("澧川县砚山镇2023年收到多少件政府信息公开申请？", "answered", 2),
    ],
)
def test_two_bodies_of_one_name_are_told_apart_by_their_region(assistant, question, status, value):
    data = assistant.ask(question).to_dict()
    assert (data["status"], data["value"]) == (status, value), data["answer"]


def test_the_store_keys_them_by_region(assistant):
    keys = {r["source"]: r["body"] for r in assistant.store.list_reports()}
    assert keys["a_2023.txt"] == "鹿溪县石屏镇" and keys["b_2022.txt"] == "鹭洲区石屏镇"
    assert keys["c_2019.txt"] == keys["c_2023.txt"]
