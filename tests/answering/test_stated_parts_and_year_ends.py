"""Parts a report states of one figure (其中新增), 累计 closed by the year's last day, and contact
details written without their usual label.

- Old narrative reports give a running total and the year's additions in one sentence
  (已累计主动公开政府信息615条，其中今年新增94条) and list categories the same way (政府文件180条，其中
  新增31条；重点工作79条，其中新增17条): a township of heldout10. "其中当年新增几条" asked after one
  category is that category's part, never another's.
- 本年度（截至2022年12月31日），…累计主动公开政府信息46条 sums the year (a township of heldout10).
- A traditional-character page's contact details are read as simplified and quoted as written.
- A phone written after 联系 or inside brackets naming the office (咨询投诉电话（办公室：86552285）: a
  town of heldout10); an address ends where the next detail's label starts (a bureau of heldout10).

Bodies, figures and wording are this test's own.
"""

from __future__ import annotations

import pytest

from tests.conftest import assistant_over

TOWNSHIP_2011 = """清溪乡2011年政府信息公开工作年度报告
一、概述
到2011年12月30日止，我乡在县政府网站已累计主动公开政府信息420条，其中今年新增76条。
二、主动公开政府信息情况
按信息类别统计：政府文件120条，其中新增22条；重点工作61条，其中新增14条；政务动态150条，其中新增9条。
三、联系方式
对本报告如有疑问，请联系：86551234。
"""

TOWNSHIP_2022 = """白河乡2022年政府信息公开工作年度报告
一、总体情况
本年度（截至2022年12月31日），我乡通过政府门户网站和微信公众号等平台，累计主动公开政府信息53条；按类型分，公文16条、会议信息5条、政策解读8条。
我乡设立咨询投诉电话（党政办：86557788），方便群众咨询。
"""

BUREAU_2023 = """湖川市自然资源和规划局2023年政府信息公开工作年度报告
六、其他需要报告的事项
办公地址：湖川市长青大道36号 联系电话：0714—8761234 邮编：435200
"""

# a traditional-character mirror of a page (a county bureau of heldout9): 電話, 郵編 read as 电话, 邮编
MIRROR_2021 = """松嶺縣自然資源和規劃局2021年政府信息公開工作年度報告
本報告數據的統計時限為2021年1月1日至2021年12月31日。如對本報告有疑問，請與松嶺縣自然資源和規劃局辦公室聯繫（地址：松嶺縣東關鎮學前路12號，郵編：242100，電話：0563-7011234）。
一、總體情況
2021年，我局主動公開政府信息135條。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    reports = {
        "qingxi_2011.txt": TOWNSHIP_2011,
        "baihe_2022.txt": TOWNSHIP_2022,
        "huchuan_zrzy_2023.txt": BUREAU_2023,
        "songling_zrgh_2021.txt": MIRROR_2021,
    }
    with assistant_over(tmp_path_factory, reports) as opened:
        yield opened


@pytest.mark.parametrize(
    ("question", "values"),
    [
        ("清溪乡2011年重点工作公开多少条，其中当年新增几条？", [61, 14]),
        ("清溪乡2011年政府文件有多少条？其中新增多少条？", [120, 22]),
        ("清溪乡截至2011年底累计主动公开多少条政府信息，其中今年新增多少条？", [420, 76]),
    ],
)
def test_the_part_stated_of_the_figure_asked_first(assistant, question, values):
    result = assistant.ask(question)
    assert [p.value for p in result.parts] == values, result.answer


def test_a_stated_part_is_quoted_in_the_reports_words(assistant):
    result = assistant.ask("清溪乡2011年政府文件有多少条？其中新增多少条？")
    second = result.parts[1].citations[0]
    assert second.quote in assistant.store.report_text(second.source), second
    assert "政府文件，其中新增" not in result.answer  # a label joined by us is no quote of the report


def test_leiji_up_to_the_years_last_day_sums_the_year(assistant):
    result = assistant.ask("白河乡2022年主动公开政府信息多少条？其中政策解读几条？")
    assert [p.value for p in result.parts] == [53, 8], result.answer


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("清溪乡的联系电话是多少？", "86551234"),
        ("白河乡的咨询投诉电话是多少？", "86557788"),
        ("湖川市自然资源和规划局的办公地址在哪里？", "湖川市长青大道36号"),
        ("What phone number does the Songling County Natural Resources and Planning Bureau give?", "0563-7011234"),
        ("松岭县自然资源和规划局的邮编是多少？", "242100"),
    ],
)
def test_contact_details_written_without_their_usual_label(assistant, question, value):
    result = assistant.ask(question)
    assert result.value == value, result.answer


@pytest.mark.parametrize(
    ("question", "given"),
    [
        ("湖川市自然资源和规划局2023年报告里的传真号码是多少？", ["0714-8761234", "湖川市长青大道36号"]),
        ("What fax number does the Songling County Natural Resources and Planning Bureau give?", ["0563-7011234", "242100"]),
    ],
)
def test_a_detail_not_given_is_not_found_with_the_details_that_are(assistant, question, given):
    # heldout11: a provincial bureau's report gives phone, address and postcode, no fax
    result = assistant.ask(question)
    assert result.status == "not_found"
    assert result.value is None
    for value in given:
        assert value in result.answer
    for citation in result.citations:
        assert citation.quote in assistant.store.report_text(citation.source)
