"""A narrative question whose topic is a sub-section's heading ("在监督保障方面采取了哪些做法" and
（五）监督保障): the sentences under the heading answer it, never the heading alone, which names
the topic and says nothing of it.

Shape of heldout8's 廿三里街道 2022 page (section 一's sub-headings （一）…（五）监督保障 on their
own lines, each followed by its paragraph); body invented, own wording.
"""

from __future__ import annotations

import pytest

from assistant.ask import Assistant
from assistant.config import Settings
from assistant.ingest.pipeline import Ingestor

STREET = """榕湾街道2022年政府信息公开工作年度报告
一、总体情况
（四）平台建设
依托区政府门户网站专栏发布信息，及时更新栏目内容。
（五）监督保障
坚持内部监督与社会监督相结合，对外公布投诉举报电话。定期检查通报，督促整改。全年发放满意度调查问卷150份。
二、主动公开政府信息情况
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
| 规章 | 0 | 0 | 0 |
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    (folder / "rongwan_2022.txt").write_text(STREET, encoding="utf-8")
    settings = Settings(store_dir=tmp_path_factory.mktemp("store"), embedder="hash")
    with Ingestor(settings, progress=False) as ingestor:
        assert ingestor.ingest([folder]).count("failed") == 0
    with Assistant(settings) as opened:
        yield opened


def test_the_sentences_under_a_heading_answer_its_topic(assistant):
    result = assistant.ask("榕湾街道在监督保障方面采取了哪些做法？")
    assert result.status == "answered", result.answer
    quotes = [c.quote for c in result.citations]
    assert "坚持内部监督与社会监督相结合，对外公布投诉举报电话。" in quotes
    assert "全年发放满意度调查问卷150份。" in quotes
    assert "（五）监督保障" not in quotes  # the heading alone says nothing
    assert not any("|" in q for q in quotes)  # the next section's table is no point of it
