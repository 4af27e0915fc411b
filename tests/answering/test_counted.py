"""What a question counts, named right after its count word (设有多少子专栏, 接待了多少人次的咨询,
"how many public inquiries", "how many sub-columns"): the figure whose sentence names that thing
answers, never the figure of a metric the question's other words name (门户网站 -> the portal's
item count), and a generic word (people, items) names nothing.

Shapes of real reports: a 2008 town narrative (咨询30多人次, 其中来电来访20多次) and a 2015
city bureau whose old table counts portal items while a sentence says the redesigned portal has
20余个 sub-columns. Bodies invented, own wording.
"""

from __future__ import annotations

import pytest

from assistant.ask import Assistant
from assistant.config import Settings
from assistant.ingest.pipeline import Ingestor

TOWN = """泉山镇2008年政府信息公开工作年度报告
一、概述
2008年，我镇主动公开政府信息12条。
二、咨询处理情况
2008年镇政府接待群众有关政府信息公开的咨询30多人次，其中来电来访20多次，所问多为惠农补贴政策。
三、培训情况
全年举办培训班2次，参训人员45人次。
"""

BUREAU = """<html><body>
<p>云梦市文化广电新闻出版局2015年政府信息公开工作年度报告</p>
<p>一、主动公开情况</p>
<p>2015年3月，局门户网站完成改版，设政务公开、在线办事、互动交流等栏目，下设子专栏20余个。</p>
<table>
<tr><td>统计指标</td><td>单位</td><td>统计数</td></tr>
<tr><td>一、主动公开情况</td><td></td><td></td></tr>
<tr><td>（一）主动公开政府信息数</td><td>条</td><td>214</td></tr>
<tr><td>其中：政府网站公开政府信息数</td><td>条</td><td>214</td></tr>
</table>
</body></html>
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    (folder / "quanshan_2008.txt").write_text(TOWN, encoding="utf-8")
    (folder / "yunmeng_wgxj_2015.html").write_text(BUREAU, encoding="utf-8")
    settings = Settings(store_dir=tmp_path_factory.mktemp("store"), embedder="hash")
    with Ingestor(settings, progress=False) as ingestor:
        assert ingestor.ingest([folder]).count("failed") == 0
    with Assistant(settings) as opened:
        yield opened


@pytest.mark.parametrize(
    ("question", "value", "written"),
    [
        ("云梦市文化广电新闻出版局门户网站改版后设有多少子专栏？", 20, "20余个"),
        ("How many sub-columns does the Yunmeng culture bureau's portal have after its redesign?", 20, "20余个"),
        ("泉山镇2008年接待了多少人次的咨询？", 30, "30多人次"),
        ("How many public inquiries about government information did Quanshan Town receive in 2008?", 30, "30多人次"),
    ],
)
def test_the_counted_thing_names_the_figure(assistant, question, value, written):
    data = assistant.ask(question).to_dict()
    assert (data["status"], data["value"]) == ("answered", value), data["answer"]
    assert written in data["answer"]  # an approximate figure says how the report writes it


def test_the_metrics_own_count_is_still_answered(assistant):
    data = assistant.ask("云梦市文化广电新闻出版局2015年政府网站公开了多少条信息？").to_dict()
    assert (data["status"], data["value"]) == ("answered", 214), data["answer"]


def test_a_generic_word_counts_nothing_of_its_own(assistant):
    # "people" is no label of the trainees' sentence: the question asks who asked for information
    data = assistant.ask("How many people asked Quanshan Town for government information in 2008?").to_dict()
    assert data["value"] != 45, data["answer"]
