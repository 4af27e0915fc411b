"""Questions about how a report writes something: the number of a document it cites, the period
its figures cover as printed, what its WeChat account or its website column is called. The
answer's value is the words as written, an exact substring of the report; where two candidates
stand alike, both are shown and neither is the value.

Shapes reproduced from published pages (own wording, invented bodies): a 2012 county report that
bases itself on a State Council notice and a provincial one, each followed by its number in
brackets, with the numbers and the period fused as the page prints them (泾县 2012,
ahjx.gov.cn: 国办发〔201226号, 从201211日到1231日止); a 2024 zone report whose platform paragraph
quotes its portal column and its WeChat account (咸宁高新区 2024: 门户网站“政务公开”专栏 …
“咸宁高新发布”微信公众号); a district government office's report that names the district's main
new-media account (上城区政府办公室 2023: 以“上城发布”为主 … 政务新媒体矩阵).
"""

from __future__ import annotations

import pytest

from assistant.ask import Assistant
from assistant.config import Settings
from assistant.ingest.pipeline import Ingestor

COUNTY = """您现在所在的位置: 网站首页 > 政府信息公开 > 榆溪县人民政府(办公室) > 政府信息公开年报
榆溪县人民政府2012年政府信息公开工作年度报告
本报告依据《中华人民共和国政府信息公开条例》、《国务院办公厅关于印发2012年政府信息公开重点工作安排的通知》(国办发〔201226号)和《关于开展全省政务公开和政务服务“标准化建设年”活动的通知》(皖政务办〔20121号 )等规定编制。本年度报告所列数据的统计期限从201211日到1231日止。
一、主动公开情况
2012年，全县主动公开政府信息4210条。
"""

ZONE = """榕州高新区2024年政府信息公开工作年度报告
一、总体情况
（一）主动公开情况。2024年，主动公开政府信息512条。
（四）政府信息公开平台建设情况
门户网站“政务公开”专栏全年新增栏目5个，“榕州高新发布”微信公众号发布信息188条。
"""

OFFICE = """杭泽市澄湖区人民政府办公室2023年政府信息公开工作年度报告
一、总体情况
（一）主动公开情况。全年主动公开政府信息203条。
（四）政府信息公开平台建设
打造以“澄湖发布”为主、部门账号为支撑的政务新媒体矩阵，加强政务新媒体规范管理。
"""

BUREAU = """鹭城市统计局2020年政府信息公开工作年度报告
本年度报告中所列数据的统计期限从202011日至20201231日。本报告依据《鹭城市人民政府关于进一步推进政务公开的实施意见》(鹭政发〔2009〕63号)编制。
镇政府发布微信公众平台信息前须填写《鹭城市统计局发布微信公众平台信息审核表》，经分管领导审核后发布。
"""

TWO_ACCOUNTS = """石门镇2022年政府信息公开工作年度报告
一、总体情况
本年度，“石门之声”微信公众号发布信息90条，“石门发布”微信公众号发布信息35条。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    for name, text in (("yuxi_2012.txt", COUNTY), ("rongzhou_gxq_2024.txt", ZONE), ("chenghu_zfb_2023.txt", OFFICE), ("shimen_2022.txt", TWO_ACCOUNTS), ("lucheng_tjj_2020.txt", BUREAU)):
        (folder / name).write_text(text, encoding="utf-8")
    settings = Settings(store_dir=tmp_path_factory.mktemp("store"), embedder="hash")
    with Ingestor(settings, progress=False) as ingestor:
        assert ingestor.ingest([folder]).count("failed") == 0
    with Assistant(settings) as assistant:
        yield assistant


@pytest.mark.parametrize(
    ("question", "written", "source"),
    [
        ("榆溪县2012年年报引用的国务院办公厅文件文号是怎么写的？", "国办发〔201226号", "yuxi_2012.txt"),
        ("Which document number does the Yuxi County 2012 report cite for the State Council General Office notice? How is it written?", "国办发〔201226号", "yuxi_2012.txt"),
        ("How does the Yuxi County 2012 report write the period its figures cover?", "从201211日到1231日止", "yuxi_2012.txt"),
        ("What is the Rongzhou High-tech Zone's WeChat official account called?", "榕州高新发布", "rongzhou_gxq_2024.txt"),
        ("榕州高新区门户网站的专栏叫什么名字？", "政务公开", "rongzhou_gxq_2024.txt"),
        ("澄湖区政府办公室2023年报告里的主要政务新媒体账号叫什么？", "澄湖发布", "chenghu_zfb_2023.txt"),
        (
            "What is the name of the main government new-media account of Chenghu District mentioned in the district government office's 2023 report?",
            "澄湖发布", "chenghu_zfb_2023.txt",
        ),
    ],
)
def test_the_words_as_written(assistant, question, written, source):
    _written(assistant, question, written, source)


@pytest.mark.parametrize(
    ("question", "written"),
    [
        # heldout8 shapes: a period ending on a full date with no 止, the number of a document the
        # report bases itself on, the name of a form
        ("How does the Lucheng Statistics Bureau's 2020 report write the period its data cover?", "从202011日至20201231日"),
        ("鹭城市统计局2020年年报依据的市政府实施意见文号是什么？", "鹭政发〔2009〕63号"),
        ("What is the name of the form the Lucheng Statistics Bureau uses to review posts on its WeChat public platform?", "鹭城市统计局发布微信公众平台信息审核表"),
    ],
)
def test_the_words_as_written_in_other_shapes(assistant, question, written):
    _written(assistant, question, written, "lucheng_tjj_2020.txt")


def _written(assistant, question, written, source):
    result = assistant.ask(question)
    assert result.status == "answered", result.answer
    assert result.value == written, result.answer
    citation = result.citations[0]
    assert citation.source == source and written in citation.quote
    text = assistant.store.report_text(source)
    assert text[citation.start : citation.end] == citation.quote  # quoted exactly


def test_two_names_alike_are_both_shown_and_neither_chosen(assistant):
    result = assistant.ask("石门镇的微信公众号叫什么？")
    assert result.status == "ambiguous", result.answer
    assert result.value is None
    assert "石门之声" in result.answer and "石门发布" in result.answer
    assert len(result.citations) == 2


def test_a_count_asked_is_still_a_count(assistant):
    result = assistant.ask("榕州高新区2024年微信公众号发布信息多少条？")
    assert (result.status, result.value) == ("answered", 188), result.answer
