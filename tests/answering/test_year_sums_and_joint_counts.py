"""累计 that sums the year, counts of two things stated together, and shares that answer no count.

- A sentence that opens with its year and says 累计 before its number sums that year (2020年，全镇
  累计主动公开政府信息114条: a town of heldout4); one that counts from a start (截至…累计, 以来)
  stays a running total, and so does 累计 after the year's own figure (新增57条，累计272条).
- A figure whose words join two metrics of one group (人大建议、政协提案办理答复件全文公开18件: a
  provincial department of heldout8) is neither metric; the parts after it answer each.
- "How many were settled on time" asks a count: 按期办结率100% is no answer to it (a district
  government office of heldout5).

Bodies, figures and wording are this test's own.
"""

from __future__ import annotations

import pytest

from tests.conftest import assistant_over

TOWN_2020 = """桑园镇2020年政府信息公开工作年度报告
一、总体情况
2020年，全镇累计主动公开政府信息128条，其中政务动态类41条、财政信息类9条。
"""

TOWN_2016 = """柳湾镇2016年政府信息公开工作年度报告
一、总体情况
2016年新增主动公开政府信息35条，累计主动公开政府信息410条。
截至2016年底，全镇累计公开办事指南62条。
"""

DEPARTMENT_2023 = """东江省水利厅2023年政府信息公开工作年度报告
一、总体情况
主办的人大建议、政协提案办理答复件全文公开23件，其中人大建议答复19件、政协提案答复4件。
"""

OFFICE_2023 = """石渠区人民政府办公室2023年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
2023年，办公室共受理政府信息公开申请42件，按期办结率100%。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    reports = {
        "sangyuan_2020.txt": TOWN_2020,
        "liuwan_2016.txt": TOWN_2016,
        "dongjiang_slt_2023.txt": DEPARTMENT_2023,
        "shiqu_zfb_2023.txt": OFFICE_2023,
    }
    with assistant_over(tmp_path_factory, reports) as opened:
        yield opened


def test_leiji_after_the_year_sums_the_year(assistant):
    result = assistant.ask("桑园镇2020年全年主动公开政府信息多少条？其中政务动态类多少条？")
    assert [p.value for p in result.parts] == [128, 41], result.answer


def test_leiji_after_the_years_own_figure_is_a_running_total(assistant):
    result = assistant.ask("柳湾镇2016年主动公开政府信息多少条？")
    assert (result.status, result.value) == ("answered", 35), result.answer
    running = assistant.ask("截至2016年底，柳湾镇累计公开办事指南多少条？")
    assert running.value == 62, running.answer
    year = assistant.ask("柳湾镇2016年公开办事指南多少条？")
    assert year.value != 62, year.answer  # the running total is never the year's figure


def test_two_things_counted_together_are_neither(assistant):
    result = assistant.ask("东江省水利厅2023年全文公开的人大建议答复和政协提案答复各多少件？")
    assert [p.value for p in result.parts] == [19, 4], result.answer
    english = assistant.ask(
        "How many replies to NPC deputies' suggestions and how many replies to CPPCC proposals did the Dongjiang Water Resources Department publish in full in 2023?"
    )
    assert [p.value for p in english.parts] == [19, 4], english.answer


def test_a_share_answers_no_count(assistant):
    result = assistant.ask("How many information requests did the Shiqu District government office receive in 2023, and how many were settled on time?")
    assert result.parts[0].value == 42, result.answer
    assert result.parts[1].value is None and result.parts[1].status == "not_found", result.answer


def test_the_running_total_then_the_years_figure(assistant):
    result = assistant.ask("How many items had Liuwan Town proactively disclosed cumulatively, and how many new items were added in 2016?")
    assert [p.value for p in result.parts] == [410, 35], result.answer
