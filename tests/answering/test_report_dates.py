"""Questions about a report itself (which year it covers, when it was published) and conflicts
whose text reading is written in words.

Shapes of real pages: a web page whose metadata line (发布日期:2010-01-01) disagrees with the
signature that ends the report (三月二十五日, no year); a statistics bureau's page whose index
number carries 2020 and whose 发布时间 is 2012 while its figures cover 2011; a report dated in
January of the very year it says it covers (a year copied from a template); a town report whose
text says no reconsideration happened while its table counts one. Bodies invented, own wording.
"""

from __future__ import annotations

import pytest

from assistant.ask import Assistant
from assistant.config import Settings
from assistant.ingest.pipeline import Ingestor
from assistant.ingest.report_dates import period_end, stated_dates

COMMISSION = """登录 | 注册
2009年度政府信息公开工作年度报告
发布日期:2010-01-01    点击数:

云岫市民委(宗教局)
2009年度政府信息公开工作年度报告
    现将委(局)2009年度政府信息公开工作情况报告如下。
    截止到2009年12月31日，委(局)共发布各类信息41条。2009年，委(局)没有收到政府信息公开申请。

                                                         三月二十五日
"""

BUREAU = """<html><head><title>青崖市统计局2011年政府信息公开工作年度报告</title></head><body>
<table><tr><td>索 引 号:</td><td>610700003-/2020000781</td><td>发布时间:</td><td>2012年02月17日 10:50</td></tr></table>
<p>青崖市统计局2011年政府信息公开工作年度报告</p>
<p>本报告所列数据的统计期限自2011年1月1日至12月31日。2011年，我局主动公开政府信息63条。</p>
</body></html>
"""

COPIED = """石泉县统计局2010年政府信息公开工作年度报告
发布时间：2010-01-27 17:00:31

报告所列数据的统计期限为2010年1月1日至2010年12月31日。2010年，我局主动公开政府信息25条，未收到政府信息公开申请。
"""

# a 2021 report whose 统计期限 still says 2020 (copied from the year before)
PERIOD = """<p>淮水市自然资源和规划局2021年政府信息公开工作年度报告</p>
<p>淮水市自然资源和规划局编制了本单位2021年政府信息公开年度报告。本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。</p>
<p>2021年，我局主动公开政府信息1268条。</p>
"""

TOWN = """<html><body>
<p>溪口镇2018年政府信息公开工作年度报告</p>
<p>一、概述</p><p>本年度溪口镇主动公开政府信息120条。</p>
<p>五、复议、诉讼和申诉情况</p>
<p>全年未发生因政府信息公开引起的行政复议、行政诉讼和申诉。</p>
<table>
<tr><td><p>统计指标</p></td><td><p>单位</p></td><td><p>统计数</p></td></tr>
<tr><td><p>一、主动公开情况</p></td><td><p>条</p></td><td><p>120</p></td></tr>
<tr><td><p>四、行政复议数量</p></td><td><p>件</p></td><td><p>1</p></td></tr>
</table>
</body></html>
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    (folder / "yunxiu_minwei_2009.txt").write_text(COMMISSION, encoding="utf-8")
    (folder / "qingya_tongjiju_2011.html").write_text(BUREAU, encoding="utf-8")
    (folder / "shiquan_tongjiju_2010.txt").write_text(COPIED, encoding="utf-8")
    (folder / "xikou_2018.html").write_text(TOWN, encoding="utf-8")
    (folder / "huaishui_zrgh_2021.html").write_text(PERIOD, encoding="utf-8")
    settings = Settings(store_dir=tmp_path_factory.mktemp("store"), embedder="hash")
    with Ingestor(settings, progress=False) as ingestor:
        assert ingestor.ingest([folder]).count("failed") == 0
    with Assistant(settings) as opened:
        yield opened


def test_stated_dates_reads_the_metadata_line_and_a_yearless_signature():
    dates = stated_dates(COMMISSION)
    assert [(d.label, d.written, d.year, d.month, d.day) for d in dates] == [
        ("发布日期", "2010-01-01", 2010, 1, 1),
        ("落款", "三月二十五日", None, 3, 25),
    ]
    assert all(COMMISSION[d.start : d.end] == d.written for d in dates)
    assert stated_dates("二〇一一年三月五日的会议上，我局……") == ()  # a date inside a sentence is no signature


def test_period_end_is_the_stated_end_else_the_last_day_of_the_year():
    assert period_end(COPIED, 2010) == (2010, 12, 31)
    assert period_end("统计期限为2016年1月1日至2016年6月30日。", 2016) == (2016, 6, 30)
    assert period_end("没有统计期限的报告", 2019) == (2019, 12, 31)


@pytest.mark.parametrize("question", ["云岫市民委2009年度报告是哪天发布的？", "When was the 2009 report of the Yunxiu ethnic affairs commission published?"])
def test_every_date_a_report_states_is_given_as_written_and_cited(assistant, question):
    data = assistant.ask(question).to_dict()
    assert data["status"] == "answered", data["answer"]
    assert data["value"] == "2010-01-01"
    assert "2010-01-01" in data["answer"] and "三月二十五日" in data["answer"]
    assert [c["quote"] for c in data["citations"]] == ["发布日期:2010-01-01    点击数:", "三月二十五日"]


@pytest.mark.parametrize(
    "question",
    ["青崖市统计局这份年报（索引号带2020、发布时间2012年）覆盖的是哪一年？", "Which year does the Qingya statistics bureau's report cover?"],
)
def test_the_covered_year_is_the_reports_not_the_years_its_page_shows(assistant, question):
    data = assistant.ask(question).to_dict()
    assert (data["status"], data["value"]) == ("answered", 2011), data["answer"]
    assert "2011" in data["citations"][0]["quote"]


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("淮水市自规局2021年政府信息公开年报中写的统计期限是哪一年？与报告年度一致吗？", 2020),
        ("What statistical period does the Huaishui natural resources bureau's 2021 report state?", "自2020年1月1日起至2020年12月31日止"),
        ("淮水市自规局2021年的年报反映的是哪一年的工作？", 2021),
        # one end of the period asked alone, as written (heldout12: 安阳街道 2017, period ending 20 December)
        ("What end date does the Huaishui natural resources bureau's 2021 report use for its statistical period?", "2020年12月31日"),
        ("What start date does the Huaishui natural resources bureau's 2021 report give for its statistical period?", "2020年1月1日"),
    ],
)
def test_a_statistical_period_copied_from_another_year_is_quoted_and_flagged(assistant, question, value):
    data = assistant.ask(question).to_dict()
    assert (data["status"], data["value"]) == ("answered", value), data["answer"]
    assert "自2020年1月1日起至2020年12月31日止" in data["answer"]
    assert "2020" in data["answer"] and ("不一致" in data["answer"] or "differs" in data["answer"])
    assert data["citations"][1]["quote"].endswith("至2020年12月31日止。")


@pytest.mark.parametrize(
    ("question", "verdict"),
    [("石泉县统计局2010年报的发布日期是否早于统计期限结束？", "yes"), ("Was the Shiquan statistics bureau's 2010 report published after its period ended?", "no")],
)
def test_a_publication_date_is_compared_with_the_end_of_the_period(assistant, question, verdict):
    data = assistant.ask(question).to_dict()
    assert (data["status"], data["value"]) == ("answered", verdict), data["answer"]
    assert data["citations"][0]["quote"] == "发布时间：2010-01-27 17:00:31"


def test_a_figure_question_with_a_date_word_stays_a_figure_question(assistant):
    data = assistant.ask("溪口镇2018年主动公开政府信息多少条？").to_dict()
    assert (data["status"], data["value"]) == ("answered", 120), data["answer"]


@pytest.mark.parametrize("question", ["溪口镇2018年有没有因政府信息公开被申请行政复议？", "Was Xikou Town's disclosure challenged by administrative reconsideration in 2018?"])
def test_a_reading_written_in_words_is_quoted_in_the_conflict(assistant, question):
    data = assistant.ask(question).to_dict()
    assert (data["status"], data["value"]) == ("answered", "yes"), data["answer"]
    assert "“全年未发生因政府信息公开引起的行政复议、行政诉讼和申诉”" in data["answer"]
    assert [c["value"] for c in data["conflicts"]] == [0]


# A report's own 文号: on its own line above the title (a 2012 township page), after a 备注/文号 label
# (a 2009 county bureau page), in brackets below the title (a 2009 city page); the numbers inside
# sentences are documents it cites. Bodies invented, own wording.
NUMBERED = {
    "xiyuan_2012.txt": """汀州市西岭乡人民政府
西岭政【2012】87号

2012年西岭乡政府信息公开工作年度报告
根据《关于做好2012年政府信息公开工作年度报告的通知》(汀政办〔2012〕12号)要求，现将我乡2012年工作报告如下。
2012年，我乡主动公开政府信息35条。
""",
    "linye_2009.txt": """    • 索 引 号:NX10106-2500-2009-00031
    • 发布机构:宁溪县林业局
    • 备注/文号:宁林〔2009〕63号
宁溪县林业局2009年政府信息公开工作年度报告
依据省政府办公厅《关于做好2009年度政府信息公开工作年度报告有关事项的通知》(闽政办〔2009〕182号)编制本报告。2009年共主动公开信息21条。
""",
    "city_2009.txt": """彭城市2009年政府信息公开工作年度报告
(彭政办发〔2010〕5号)
依照《关于印发政府信息公开工作年度报告制度(试行)》(桂政办发〔2008〕91号)的要求编制本报告。全年主动公开信息1200条。
""",
    "town_2024.txt": """云溪镇2024年政府信息公开工作年度报告
本报告依据《中华人民共和国政府信息公开工作年度报告格式》(国办公开办函〔2021〕30号)编制。全年主动公开政府信息22条。
""",
}


@pytest.fixture(scope="module")
def numbered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("numbered")
    for name, text in NUMBERED.items():
        (folder / name).write_text(text, encoding="utf-8")
    settings = Settings(store_dir=tmp_path_factory.mktemp("store"), embedder="hash")
    with Ingestor(settings, progress=False) as ingestor:
        assert ingestor.ingest([folder]).count("failed") == 0
    with Assistant(settings) as opened:
        yield opened


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("西岭乡2012年政府信息公开工作年度报告的文号是什么？", "西岭政【2012】87号"),
        ("宁溪县林业部门2009年年报的发文字号是多少？", "宁林〔2009〕63号"),
        ("What is the document number of Pengcheng's 2009 disclosure report?", "彭政办发〔2010〕5号"),
    ],
)
def test_a_report_s_own_document_number_is_the_one_it_gives_itself(numbered, question, number):
    answer = numbered.ask(question)
    assert (answer.status, answer.value) == ("answered", number), answer.answer
    assert answer.citations[0].quote.strip(" •()").endswith(number)


def test_numbers_of_documents_a_report_cites_are_not_its_own(numbered):
    answer = numbered.ask("云溪镇2024年报告的文号是什么？")
    assert answer.status == "not_found" and answer.value is None, answer.answer
    assert "国办公开办函" not in answer.answer


@pytest.mark.parametrize(
    "question",
    ["宁溪县林业局2009年年报引用的省政府办公厅文件文号是什么？", "Which document number does the Ningxi forestry bureau's 2009 report cite?"],
)
def test_a_number_the_report_cites_is_not_asked_as_its_own(numbered, question):
    answer = numbered.ask(question)
    assert answer.value != "宁林〔2009〕63号" and "文号为" not in answer.answer, answer.answer
    assert "document number of" not in answer.answer, answer.answer


def test_the_page_s_index_number_is_its_metadata_s_and_none_is_not_invented(numbered):
    answer = numbered.ask("宁溪县林业局2009年年报的索引号是多少？")
    assert (answer.status, answer.value) == ("answered", "NX10106-2500-2009-00031"), answer.answer
    assert "NX10106-2500-2009-00031" in answer.citations[0].quote
    english = numbered.ask("What is the index number of Pengcheng's 2009 report?")
    assert english.status == "not_found" and english.value is None, english.answer
