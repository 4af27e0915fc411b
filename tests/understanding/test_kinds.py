"""A question that names a kind of body and no body ("the health commission") is asked of the
stored bodies of that kind (dev-set shapes: two 2025 health bodies, three 2022 ecology and
environment bodies, two 2016 provincial governments); invented names."""

from __future__ import annotations

import pytest

from assistant.understanding import BodyDirectory
from assistant.understanding.kinds import bodies_of_kind

REPORTS = [
    {"body": "蓥崖县卫生健康局", "short_name": "蓥崖县卫生健康局", "parent": "蓥崖县", "level": "department", "year": 2025, "aliases": ["蓥崖县卫生健康局"]},
    {"body": "甘泽州卫生健康委", "short_name": "甘泽州卫生健康委", "parent": "甘泽州", "level": "department", "year": 2025, "aliases": ["甘泽州卫生健康委"]},
    {"body": "澄河省生态环境厅", "short_name": "澄河省生态环境厅", "parent": "澄河省", "level": "department", "year": 2022, "aliases": ["澄河省生态环境厅"]},
    {"body": "岑湾市生态环境局", "short_name": "岑湾市生态环境局", "parent": "岑湾市", "level": "department", "year": 2022, "aliases": ["岑湾市生态环境局"]},
    {"body": "岑湾市教育局", "short_name": "岑湾市教育局", "parent": "岑湾市", "level": "department", "year": 2021, "aliases": ["岑湾市教育局"]},
    {"body": "澄河省", "short_name": "澄河", "parent": None, "level": "省", "year": 2016, "aliases": ["澄河省"]},
    {"body": "砚溪镇", "short_name": "砚溪", "parent": None, "level": "镇", "year": 2016, "aliases": ["砚溪镇"]},
]


@pytest.fixture(scope="module")
def directory():
    return BodyDirectory.from_reports(REPORTS)


@pytest.mark.parametrize(
    ("question", "years", "expected"),
    [
        ("How many items did the health commission proactively disclose in 2025?", (2025,), {"蓥崖县卫生健康局", "甘泽州卫生健康委"}),
        ("How many requests did the ecology and environment bureau receive in 2022?", (2022,), {"澄河省生态环境厅", "岑湾市生态环境局"}),
        ("How many requests did the education bureau handle in 2021?", (2021,), {"岑湾市教育局"}),
        ("How many items did the provincial people's government disclose in 2016?", (2016,), {"澄河省"}),
        # a year none of that kind reported, no kind at all, a Chinese question: none
        ("How many requests did the education bureau handle in 2019?", (2019,), set()),
        ("How many requests were received in 2016?", (2016,), set()),
        ("卫生健康局2025年主动公开了多少条信息？", (2025,), set()),
    ],
)
def test_a_kind_named_is_every_stored_body_of_that_kind(directory, question, years, expected):
    bodies = [r["body"] for r in REPORTS]
    assert set(bodies_of_kind(question, directory, bodies, years)) == expected
