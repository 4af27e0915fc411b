"""Requests asked by what they were about.

A county-level city's natural-resources bureau of heldout10 lists its requests by content (规划许可
类3件，生态修复类1件，其它类1件) and publishes 207 administrative-licensing items. "How many requests
were about planning permits" is the 规划许可 requests: never the 207 licensing items (another
table's row) nor the request total; a subject the report does not list is not found. A subject
that names a figure of the request table itself (涉及国家秘密: a reason for refusal) stays that figure.

Bodies, figures and wording are this test's own.
"""

from __future__ import annotations

import pytest

from tests.conftest import assistant_over

BUREAU_2023 = """青石市自然资源和规划局2023年政府信息公开工作年度报告
一、总体情况
（一）主动公开情况。全年在市政府网站公开行政许可信息186条，行政处罚信息41条。
（二）依申请公开情况。2023年度我局共受理政府信息公开申请6件，按内容分：规划许可类4件，土地征收类1件，其它类1件。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    with assistant_over(tmp_path_factory, {"qingshi_zrzy_2023.txt": BUREAU_2023}) as opened:
        yield opened


@pytest.mark.parametrize(
    "question",
    [
        "How many requests were about planning permits at the Qingshi natural resources and planning bureau in 2023?",
        "青石市自然资源和规划局2023年涉及规划许可的申请有多少件？",
        "青石市自然资源和规划局2023年规划许可类申请有几件？",
    ],
)
def test_requests_about_a_subject_are_the_ones_listed_under_it(assistant, question):
    result = assistant.ask(question)
    assert (result.status, result.value) == ("answered", 4), result.answer


@pytest.mark.parametrize(
    "question",
    [
        "青石市自然资源和规划局2023年关于生态修复的申请有几件？",
        "How many requests concerned ecological restoration at the Qingshi natural resources and planning bureau in 2023?",
    ],
)
def test_a_subject_the_report_does_not_list_is_not_found(assistant, question):
    result = assistant.ask(question)
    assert result.value is None, result.answer  # neither the total (6) nor another row (186)


def test_a_subject_that_names_a_request_tables_row_keeps_it(assistant):
    question = assistant.understand("青石市自然资源和规划局2023年涉及国家秘密的申请有几件？")
    assert question.metrics, question
