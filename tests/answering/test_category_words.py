"""Categories a report lists its disclosures by, asked two at a time in English (institutional-
function items, general-profile items, key-work items, interactive responses): each part gets
its own category's figure, never the total the question quotes.

Shapes of real reports: a 2013 town listing 86 items by category (机构职能类13条 … 工作动态类34条)
and a 2019 county portal listing policy documents and interactive responses. Bodies invented,
own wording.
"""

from __future__ import annotations

import pytest

from assistant.ask import Assistant
from assistant.config import Settings
from assistant.ingest.pipeline import Ingestor

TOWN = """岭下镇2013年政府信息公开工作年度报告
一、主动公开情况
2013年公开的信息共86条，其中机构职能类13条，政策法规类9条，工作动态类34条，通知公告类30条。
"""

COUNTY = """青石县2019年政府信息公开工作年度报告
一、主动公开情况
2019年县政府门户网站共发布信息5469条，其中概况信息2条，政策文件85条，重点工作3条，互动回应98条。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    (folder / "lingxia_2013.txt").write_text(TOWN, encoding="utf-8")
    (folder / "qingshi_2019.txt").write_text(COUNTY, encoding="utf-8")
    settings = Settings(store_dir=tmp_path_factory.mktemp("store"), embedder="hash")
    with Ingestor(settings, progress=False) as ingestor:
        assert ingestor.ingest([folder]).count("failed") == 0
    with Assistant(settings) as opened:
        yield opened


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("Of the 86 items Lingxia Town disclosed in 2013, how many were institutional-function items and how many were work news?", [13, 34]),
        ("Of the 5469 items on the Qingshi County portal in 2019, how many were policy documents and how many were interactive responses?", [85, 98]),
        ("Qingshi County 2019: how many general-profile items and how many key-work items did it publish on the county website?", [2, 3]),
    ],
)
def test_each_category_asked_gets_its_own_figure(assistant, question, parts):
    data = assistant.ask(question).to_dict()
    assert [p["value"] for p in data["parts"]] == parts, data["answer"]
