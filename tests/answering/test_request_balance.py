"""New requests that what a report's sentences say was settled and carried on cannot account for.

Every request of the year, new or carried over from the year before, is either settled or carried
on to the next one. A city market regulation bureau's 2022 page (development set) writes
受理…11件,其中网络申请11件,申请办结数8件,结转下一年办理1件: 8 + 1 = 9 cannot be the 11 received. The
stated figure stays the answer; the note gives the other figures and their sum, and the sum is
listed as a conflict. A development zone's office of heldout5 writes 办理…申请31件（含上年结转3件）:
the carried-over requests are counted in, and settled plus carried on making 31 is no conflict.

Bodies, figures and wording are this test's own.
"""

from __future__ import annotations

import pytest

from tests.conftest import assistant_over

UNBALANCED_2022 = """禾城市文化广电旅游局2022年政府信息公开工作年度报告
一、总体情况
（二）依申请公开情况。2022年,禾城市文化广电旅游局受理政府信息依申请公开13件,其中网络申请12件,申请办结数9件,结转下一年办理2件,均在法定时间内答复。政府信息公开行政复议0件,行政诉讼0件。
"""

COUNTED_IN_2023 = """青溪新区管委会办公室2023年政府信息公开工作年度报告
一、总体情况
办公室牵头办理政府信息公开申请26件（含上年结转4件），其中予以公开9件、部分公开5件、不予公开3件，申请办结数21件，另有5件结转下年继续办理。
"""

BALANCED_2021 = """石桥镇2021年政府信息公开工作年度报告
一、总体情况
全年共受理政府信息公开申请7件，申请办结数6件，结转下一年办理1件。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    reports = {"hecheng_wglj_2022.txt": UNBALANCED_2022, "qingxi_xinqu_2023.txt": COUNTED_IN_2023, "shiqiao_2021.txt": BALANCED_2021}
    with assistant_over(tmp_path_factory, reports) as opened:
        yield opened


@pytest.mark.parametrize(
    "question",
    [
        "禾城市文化广电旅游局2022年受理了多少件政府信息公开申请？",
        "禾城市文化广电旅游局2022年受理了多少件政府信息依申请公开？办结和结转下一年各多少件？",
        "How many information requests did the Hecheng Culture, Radio, Television and Tourism Bureau accept in 2022?",
    ],
)
def test_received_requests_the_settled_and_carried_on_cannot_account_for_carry_a_conflict(assistant, question):
    answer = assistant.ask(question)
    assert answer.status == "answered"
    assert answer.value == 13  # the stated figure stays the answer
    assert [value for value, _ in answer.conflicts] == [11]
    assert "11" in answer.answer and "13" in answer.answer
    for citation in answer.citations:
        assert citation.quote in UNBALANCED_2022


def test_the_other_parts_of_a_compound_question_are_still_answered(assistant):
    answer = assistant.ask("禾城市文化广电旅游局2022年受理了多少件政府信息依申请公开？办结和结转下一年各多少件？")
    assert [part.value for part in answer.parts] == [13, 9, 2]


@pytest.mark.parametrize(
    "question, value",
    [("青溪新区管委会办公室2023年办理了多少件政府信息公开申请？", 26), ("石桥镇2021年受理了多少件政府信息公开申请？", 7)],
)
def test_requests_that_balance_carry_no_conflict(assistant, question, value):
    answer = assistant.ask(question)
    assert answer.status == "answered"
    assert answer.value == value
    assert answer.conflicts == ()


def test_a_later_parts_conflict_is_the_answers_too(assistant):
    answer = assistant.ask("禾城市文化广电旅游局2022年办结了多少件政府信息公开申请？受理了多少件？")
    assert [part.value for part in answer.parts] == [9, 13]
    assert [value for value, _ in answer.conflicts] == [11]
