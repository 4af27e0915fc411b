"""A later ask naming a result of the figure asked first (…被申请行政复议几件？其中维持原答复的有几件？,
"…, and how many of them upheld the original reply?") and the same ask as a follow-up: the result
row of that figure, never the handling results of requests (答复 in 维持原答复 is the reply under
review, not 申请答复数).

Shape of a real 2017 county bureau report (old statistical table with 四、行政复议数量 and its
three result rows, 申请答复数 beside it); body invented, own wording.
"""

from __future__ import annotations

import pytest

from assistant.ask import Assistant
from assistant.config import Settings
from assistant.ingest.pipeline import Ingestor

BUREAU = """<html><body>
<p>柳湾区住房和城乡建设局2017年政府信息公开工作年度报告</p>
<p>一、概述</p><p>2017年，我局共收到政府信息公开申请7件，均已按时答复。因政府信息公开被申请行政复议1件，复议机关维持原答复。</p>
<table>
<tr><td>统计指标</td><td>单位</td><td>统计数</td></tr>
<tr><td>二、依申请公开情况</td><td></td><td></td></tr>
<tr><td>（一）收到申请数</td><td>件</td><td>7</td></tr>
<tr><td>（二）申请答复数</td><td>件</td><td>7</td></tr>
<tr><td>四、行政复议数量</td><td>件</td><td>1</td></tr>
<tr><td>（一）维持具体行政行为数</td><td>件</td><td>1</td></tr>
<tr><td>（二）被依法纠错数</td><td>件</td><td>0</td></tr>
<tr><td>（三）其他情形数</td><td>件</td><td>0</td></tr>
</table>
</body></html>
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    (folder / "liuwan_zjj_2017.html").write_text(BUREAU, encoding="utf-8")
    settings = Settings(store_dir=tmp_path_factory.mktemp("store"), embedder="hash")
    with Ingestor(settings, progress=False) as ingestor:
        assert ingestor.ingest([folder]).count("failed") == 0
    with Assistant(settings) as opened:
        yield opened


@pytest.mark.parametrize(
    "question",
    [
        "柳湾区住建局2017年被申请行政复议几件？其中维持原答复的有几件？",
        "How many administrative reconsiderations did the Liuwan housing bureau face in 2017, and how many of them upheld the original reply?",
    ],
)
def test_a_later_ask_for_a_result_gets_the_result_row(assistant, question):
    data = assistant.ask(question).to_dict()
    assert [(p["status"], p["value"]) for p in data["parts"]] == [("answered", 1), ("answered", 1)], data["answer"]
    assert "维持具体行政行为数" in data["parts"][1]["citations"][0]["quote"]


def test_a_result_asked_as_a_follow_up_keeps_the_figure_it_refines(assistant):
    first = "柳湾区住建局2017年被申请行政复议几件？"
    data = assistant.ask("其中维持原答复的有几件？", history=[first]).to_dict()
    assert (data["status"], data["value"]) == ("answered", 1), data["answer"]
    assert "维持具体行政行为数" in data["citations"][0]["quote"]


def test_replies_asked_alone_are_still_the_replies(assistant):
    data = assistant.ask("柳湾区住建局2017年申请答复数是多少？").to_dict()
    assert (data["status"], data["value"]) == ("answered", 7), data["answer"]
