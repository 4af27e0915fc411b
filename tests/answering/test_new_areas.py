"""A new area's committee (温州空港新区管委会) is named by its area (温州空港新区), never by 新区 alone
(西咸新区 is another area); and "哪一家…更多" between two bodies compares them.

Shapes of heldout9 (an airport new-area committee's 2017 old-table report; two natural-resources
and planning bureaus of one year), seen after its first run; bodies, figures and wording are this
test's own.
"""

from __future__ import annotations

import pytest

from assistant.ask import Assistant
from assistant.config import Settings
from assistant.ingest.pipeline import Ingestor

REPORTS = {
    "taizhou_wtxq_2017.txt": """台州湾新区管委会2017年政府信息公开工作年度报告
一、概述
2017年，台州湾新区管委会全年主动公开政府信息58条，收到政府信息公开申请3件。
""",
    "jixi_zrgh_2021.txt": """绩溪县自然资源和规划局2021年政府信息公开工作年度报告
一、总体情况
2021年，本局收到政府信息公开申请17件。
""",
    "jingde_zrgh_2021.txt": """旌德县自然资源和规划局2021年政府信息公开工作年度报告
一、总体情况
2021年，本局收到政府信息公开申请4件。
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


def test_a_new_area_by_its_name(assistant):
    result = assistant.ask("台州湾新区2017年收到多少件政府信息公开申请？")
    assert (result.status, result.value) == ("answered", 3), result.answer


def test_another_new_area_is_not_ours(assistant):
    result = assistant.ask("西咸新区2017年收到多少件政府信息公开申请？")
    assert result.status == "not_found" and result.value is None, result.answer


def test_which_one_received_more(assistant):
    result = assistant.ask("绩溪县自然资源和规划局和旌德县自然资源和规划局，2021年哪一家收到的政府信息公开申请更多？")
    assert (result.status, result.value) == ("answered", "绩溪县自然资源和规划局"), result.answer
