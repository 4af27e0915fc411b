"""Whole-year counts written the way real reports write them:
- a count published through several channels listed together (通过市政府门户网站、融媒、“XX发布”微信
  公众号主动公开政府信息80余条) is the total, not the count of the last channel named;
- 全年累计公开165条 sums the year, it is no running total;
- the report's own parts (本报告由总体情况、…收到和处理政府信息公开申请情况…等6个部分组成) are no
  count of requests.

Shapes of a 2024 town report (落水镇, 宣威市) and a 2025 county health bureau report (嵩明县卫生健康局),
both in the development set; bodies, figures and wording are this test's own.
"""

from __future__ import annotations

import pytest

from assistant.ask import Assistant
from assistant.config import Settings
from assistant.ingest.pipeline import Ingestor

TOWN_2024 = """富源县后所镇2024年政府信息公开工作年度报告
本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等6个部分组成。
一、总体情况
（一）主动公开情况。后所镇通过富源县人民政府门户网站、富源融媒、“富源发布”微信公众号及时主动公开政府信息60余条。
"""

BUREAU_2025 = """宜良县卫生健康局2025年政府信息公开工作年度报告
一、总体情况
全年累计主动公开政府信息143条，通过“宜良卫健”平台发布51条，通过宜良县人民政府网站公开92条。
2025年，本局收到政府信息公开申请2件。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    for name, text in (("housuo_2024.txt", TOWN_2024), ("yiliang_wjj_2025.txt", BUREAU_2025)):
        (folder / name).write_text(text, encoding="utf-8")
    settings = Settings(store_dir=tmp_path_factory.mktemp("store"), embedder="hash")
    with Ingestor(settings, progress=False) as ingestor:
        assert ingestor.ingest([folder]).count("failed") == 0
    with Assistant(settings) as opened:
        yield opened


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("后所镇2024年主动公开政府信息大约多少条？", 60),
        ("About how many items did Housuo Town proactively disclose in 2024?", 60),
        ("宜良县卫生健康局2025年主动公开政府信息多少条？", 143),
        ("How many items did the Yiliang County Health Bureau disclose proactively in 2025?", 143),
        ("宜良县卫生健康局2025年收到多少件政府信息公开申请？", 2),
    ],
)
def test_whole_year_counts(assistant, question, value):
    result = assistant.ask(question)
    assert (result.status, result.value) == ("answered", value), result.answer


def test_the_reports_parts_are_no_requests(assistant):
    result = assistant.ask("后所镇2024年收到多少件政府信息公开申请？")
    assert (result.status, result.value) == ("not_found", None), result.answer


def test_a_channel_listed_with_others_is_not_that_channels_count(assistant):
    result = assistant.ask("后所镇2024年通过微信公众号发布了多少条信息？")
    assert result.value != 60, result.answer


def test_a_platform_quoted_in_pinyin(assistant):
    # an English question quoting the platform's name in pinyin finds the one the report quotes
    result = assistant.ask("How many items did the Yiliang County Health Bureau publish via the 'Yiliang Weijian' platform in 2025?")
    assert (result.status, result.value) == ("answered", 51), result.answer
