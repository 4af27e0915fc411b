"""Two reports compared by the figure each is asked for, a running total kept out of a comparison,
and a not-found that cites the report it searched.

Shapes (bodies, figures and wording are this test's own):
- "how many more items did A publish on its website than B proactively disclosed" and
  江门市人社局通过部门频道主动公开的…，比铜官区人社局主动公布的…多多少条 (development set R047, R111:
  a prefecture health commission's website count against a county bureau's total; a city bureau's
  部门频道 count, inside 共发布各类信息3682条，其中，通过部门频道(url)主动公开政府信息1233条).
- 乐山高新区管委会 2010 (development set R056, a traditional mirror): 累計主動公開政府信息272條。
  2010年新增主動公開政府信息57條 — the running total is no year's figure in a comparison.
- A contact the report does not give at all (heldout12: 池江镇 2014, 面甸镇 2025; a title wrapped over
  two lines: 黄石市住建局 2020): not found, with the report's title cited as the report searched.
"""

from __future__ import annotations

import pytest

from tests.conftest import assistant_over

PREFECTURE_2025 = """澄南州卫生健康委员会2025年政府信息公开工作年度报告
一、总体情况
2025年，澄南州卫生健康委在委门户网站公开政府信息912条，其中政策文件46条。
"""

COUNTY_2025 = """澄明县卫生健康局2025年政府信息公开工作年度报告
2025 年，县卫生健康局全年累计主动公开政府信息 148 条，其中通过 “悦读澄明” 平台发布 52 条，通过澄明县人民政府网站公开 96 条。
"""

CITY_2024 = """澄门市人力资源和社会保障局2024年政府信息公开工作年度报告
（一）政府信息主动公开情况。2024年，共发布各类信息3120条，其中，通过部门频道(http://www.example.gov.cn/bmpd/rsj/)主动公开政府信息1105条，含政府规范性文件类信息3条，其他文件类信息1102条。
"""

DISTRICT_2024 = """岚官区人力资源和社会保障局2024年政府信息公开工作年度报告
一、总体情况
2024年，我局及时主动向社会公布信息共512条，其中专题领域主动公开230条。
"""

ZONE_2010 = """澄山高新區管委會2010年政府信息公開工作年度報告
一、主動公開政府信息情況
高新區管委會累計主動公開政府信息318條。2010年新增主動公開政府信息64條，其中，部門新聞類12條，工作動態類15條。
"""

TOWN_2012 = """澄埠乡2012年政府信息公开工作年度报告
一、主动公开情况
2012年，我乡主动公开政府信息290条。
"""

TOWN_2014 = """您当前所在位置: 首页 > 乡镇信息公开 > 岚江镇政府 > 年度报告
2014年岚江镇政府信息公开工作年度报告
一、概述
2014年，我镇主动公开政府信息203条。
"""

BUREAU_2020 = """2020 年澄石市住房和城乡建设局
政府信息公开工作年度报告
来源：信息中心　　时间：2025-03-07 17:01
一、网站总体公开情况
2020年，我局网站共发布各类信息612条。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    reports = {
        "chengnan_wjw_2025.txt": PREFECTURE_2025, "chengming_wjj_2025.txt": COUNTY_2025,
        "chengmen_rsj_2024.txt": CITY_2024, "languan_rsj_2024.txt": DISTRICT_2024,
        "chengshan_gxq_2010.txt": ZONE_2010, "chengbu_2012.txt": TOWN_2012,
        "lanjiang_2014.txt": TOWN_2014, "chengshi_zjj_2020.txt": BUREAU_2020,
    }
    with assistant_over(tmp_path_factory, reports) as opened:
        yield opened


@pytest.mark.parametrize(
    "question, gap, values",
    [
        ("In 2025, how many more items did the Chengnan Prefecture Health Commission publish on its website than the Chengming County Health Bureau proactively disclosed?", 764, (912, 148)),
        ("2024年澄门市人社局通过部门频道主动公开的政府信息，比岚官区人社局主动公布的信息多多少条？", 593, (1105, 512)),
    ],
)
def test_each_body_is_compared_by_the_figure_asked_of_it(assistant, question, gap, values):
    answer = assistant.ask(question)
    assert answer.status == "answered" and answer.value == gap
    for value in values:
        assert str(value) in answer.answer


def test_one_figure_named_for_both_compares_both_by_it(assistant):
    answer = assistant.ask("2024年澄门市人社局主动公开的政府信息比岚官区人社局多多少条？")
    assert answer.value == 3120 - 512


def test_a_running_total_is_no_years_figure_in_a_comparison(assistant):
    answer = assistant.ask("澄山高新区管委会2010年新增主动公开的信息与澄埠乡2012年主动公开的信息相差多少条？")
    assert answer.status == "answered" and answer.value == 290 - 64
    assert "318" not in answer.answer


@pytest.mark.parametrize(
    "question, source, title",
    [
        ("What is the contact phone number for Lanjiang Town's 2014 information disclosure report?", "lanjiang_2014.txt", "2014年岚江镇政府信息公开工作年度报告"),
        ("澄石市住建局2020年的联系电话是多少？", "chengshi_zjj_2020.txt", "2020 年澄石市住房和城乡建设局\n政府信息公开工作年度报告"),
    ],
)
def test_a_detail_not_given_cites_the_report_searched(assistant, question, source, title):
    answer = assistant.ask(question)
    assert answer.status == "not_found" and answer.value is None
    assert [(c.source, c.quote) for c in answer.citations] == [(source, title)]
    assert "[1]" in answer.answer


def test_no_report_of_the_year_cites_nothing(assistant):
    answer = assistant.ask("岚江镇2019年收到多少申请？")
    assert answer.status == "not_found" and not answer.citations
