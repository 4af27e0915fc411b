"""Staff counted with the words for them after the unit.

Reports write who is counted after 名/人: 政府信息公开工作由办公室1名专职人员和2名兼职人员承担 (a district
transport bureau of heldout11, following a published Sichuan page), 管委会明确1名专职人员和2名兼职人员
负责信息采集和发布 (a scenic-area committee of heldout2). The 2 counts part-time staff, never
full-time ones: the words before it (…1名专职人员和) name the figure before it. Before this, the 2
was stored as full-time and shown as a disagreement with the table's 1.

Bodies, figures and wording are this test's own.
"""

from __future__ import annotations

import pytest

from tests.conftest import assistant_over

BUREAU_2016 = """青川市河东区交通运输局2016年政府信息公开工作年度报告
六、培训和保障情况
全年组织业务培训2次；政府信息公开工作由办公室1名专职人员和3名兼职人员承担。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    with assistant_over(tmp_path_factory, {"hedong_jiaotong_2016.txt": BUREAU_2016}) as opened:
        yield opened


@pytest.mark.parametrize(
    "question, value",
    [
        ("河东区交通运输局2016年有几名专职人员从事政府信息公开工作？", 1),
        ("河东区交通运输局2016年有几名兼职人员从事政府信息公开工作？", 3),
        ("How many full-time staff did the Hedong District Transport Bureau have for information disclosure in 2016?", 1),
        ("How many part-time staff did the Hedong District Transport Bureau have for information disclosure in 2016?", 3),
    ],
)
def test_people_named_after_the_unit_are_who_is_counted(assistant, question, value):
    answer = assistant.ask(question)
    assert answer.status == "answered"
    assert answer.value == value
    assert answer.conflicts == ()
    assert answer.citations[0].quote in BUREAU_2016
