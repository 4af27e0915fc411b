"""A volume of use written without its unit (总点击量达到66万) is a count of times, read once; one
written with its unit (点击量超过65万次) is read by the unit, never twice. Shapes of a city health
commission's 2024 WeChat sentence and a provincial office's 2020 portal sentence (development set);
wording is this test's own."""

from __future__ import annotations

import pytest

from assistant.ingest.prose import parse_prose_facts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“健康某市”官方微信平台共推文1320篇，总点击量达到58万。", [(1320.0, "篇"), (580000.0, "次")]),
        ("专栏发布省政府规章2件，点击量超过41万次。", [(2.0, "件"), (410000.0, "次")]),
        ("门户网站全年访问量约120万，较上年有所增加。", [(1200000.0, "次")]),
        ("网站浏览量为3.5万余，留言回复率100%。", [(35000.0, "次"), (100.0, "%")]),
    ],
)
def test_volumes_without_a_unit(text, expected):
    assert [(f.value, f.unit) for f in parse_prose_facts(text)] == expected
