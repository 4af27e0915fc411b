"""Figures paired by 分别, categories listed where a table states the total, running totals that
start in a named year, and a report's words glossed in pinyin.

Shapes (bodies, figures and wording are this test's own):
- 「X」微信公众号、官方抖音号分别发布信息255条、63条: a 2025 city bureau's report (a traditional-
  character mirror of a Guangzhou bureau's page, heldout12 r11); the n-th figure after 分别 is the
  n-th channel's.
- 两项内容占比也最大，分别为总数的28%和20%: a 2010 Yongjia town page (heldout11 r02); the names are
  in the clause before 分别.
- 2014 Anhui town pages (泾县黄村镇, heldout12 r04): 共计十一大类条，分别为：政府领导231条、机构设置70条…
  in prose, the total (438) only in the old statistics table. A category the question names is
  the category's figure, never the table's total.
- A 2020 city bureau's report (黄石市住建局, heldout12 r08) lists 通知公告239条 under its website with
  no website total: the category answers.
- A 2014 Jiangxi town page (大余县池江镇, heldout12 r05): 从201411日至20141130日，累计主动公开政府信息
  1114条 (the statistics period, digits lost on the page) is the year's figure; 自2008年开展…以来，
  我镇历年累计主动公开政府信息5236条 is the running total a question "自2008年以来累计" asks.
- 2009 provincial department (陕西省教育厅, heldout12 r02): 共编发各类教育信息321期，其中…教育要情150期,
  asked in English with the bulletin's name glossed in pinyin ("(jiaoyu yaoqing)").
"""

from __future__ import annotations

import pytest

from assistant.ingest.prose import parse_prose_facts
from tests.conftest import assistant_over

CITY_BUREAU_2025 = """澄州市医疗保障局2025年政府信息公开工作年度报告
一、总体情况
（一）主动公开。全年通过门户网站发布各类政府信息180条；「澄州医保」微信公众号、官方抖音号分别发布信息241条、58条，主流媒体相关报道超3,200篇。
（二）依申请公开。全年新收政府信息公开申请17件，办结16件，结转下一年度1件。
"""

TOWN_2014_TABLE = """岚桥镇2014年政府信息公开工作年度报告
二、政府信息主动公开情况
（一）主动公开政府信息情况
全镇2014年主动公开政府信息共计十二大类条，分别为：政府领导205条、机构设置64条、政策法规12条、政府会议5条、应急管理11条、其他3条。
附表
| 统计指标 | 单位 | 统计数 |
| （一）主动公开政府信息数（不同渠道和方式公开相同信息计1条） | 条 | 300 |
| 2.政府网站公开政府信息数 | 条 | 300 |
"""

CITY_BUREAU_2020 = """澄州市住房和城乡建设局2020年政府信息公开工作年度报告
一、网站总体公开情况
2020年，我局网站共发布各类信息，其中通知公告212条，企业资质审批公告66条，工程项目遴选公告104条。
"""

TOWN_2014_RUNNING = """岚溪镇2014年政府信息公开工作年度报告
二、主动公开政府信息情况
我镇对政府部门信息进行了梳理和编目，从201411日至20141130日，累计主动公开政府信息986条。
按公开渠道分，通过县政府信息公开网公开902条，通过镇政务公开栏张贴公开84条。自2008年开展政府信息公开工作以来，我镇历年累计主动公开政府信息4630条。
"""

DEPARTMENT_2009 = """澄江省教育厅2009年政府信息公开工作年度报告
（二）加强信息员队伍建设。2009年全年共编发各类教育信息298期，其中送阅件40期、澄江教育简报31期、教育要情137期、澄江教育快报90期。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    reports = {
        "chengzhou_ybj_2025.txt": CITY_BUREAU_2025,
        "lanqiao_2014.md": TOWN_2014_TABLE,
        "chengzhou_zjj_2020.txt": CITY_BUREAU_2020,
        "lanxi_2014.txt": TOWN_2014_RUNNING,
        "chengjiang_jyt_2009.txt": DEPARTMENT_2009,
    }
    with assistant_over(tmp_path_factory, reports) as opened:
        yield opened


def _labelled(text: str) -> dict[float, str]:
    return {f.value: f.row_path[0] for f in parse_prose_facts(text)}


def test_each_figure_after_respectively_is_its_own_channels():
    facts = _labelled("「澄州医保」微信公众号、官方抖音号分别发布信息241条、58条，主流媒体相关报道超3,200篇。")
    assert facts[241] == "「澄州医保」微信公众号发布信息"
    assert facts[58] == "官方抖音号发布信息"


def test_shares_after_respectively_take_the_names_of_the_clause_before():
    facts = _labelled("在已公开的信息中，政务动态和村务公开两项内容占比最大，分别为总数的31%和17%。")
    assert facts[31].startswith("政务动态") and facts[17].startswith("村务公开")


@pytest.mark.parametrize(
    "text",
    [
        "通过网站、微博和公开栏分别公开信息120条、35条。",  # three names, two figures: nothing paired
        "全年受理申请12件、办结11件，分别占总数的50%和40%。",  # the figures come first
    ],
)
def test_nothing_is_paired_when_names_and_figures_do_not_match(text):
    facts = parse_prose_facts(text)
    assert not any(f.row_path[0].startswith(("通过网站", "受理申请", "办结")) and f.row_path[0].endswith(("公开信息", "总数的")) and f.value in (35, 40) for f in facts)


@pytest.mark.parametrize(
    "question, values",
    [
        ("澄州市医保局2025年微信公众号和抖音号分别发布了多少条信息？", [241, 58]),
        ("How many posts did the Chengzhou Medical Security Bureau publish on its WeChat account and on its Douyin account in 2025?", [241, 58]),
    ],
)
def test_channels_paired_by_respectively(assistant, question, values):
    answer = assistant.ask(question)
    assert [p.value for p in answer.parts] == values
    assert all(c.quote in CITY_BUREAU_2025 for p in answer.parts for c in p.citations)


@pytest.mark.parametrize(
    "question, value",
    [
        ("岚桥镇2014年主动公开的“政府领导”类信息有多少条？", 205),
        ("岚桥镇2014年主动公开信息中应急管理类多少条？", 11),
        ("How many items about institutional setup did Lanqiao Town publish in 2014?", 64),
        ("澄州市住建局2020年网站发布了多少条通知公告？", 212),
    ],
)
def test_a_named_category_beside_a_table_total_or_none(assistant, question, value):
    answer = assistant.ask(question)
    assert answer.status == "answered" and answer.value == value
    assert answer.citations[0].kind == "sentence"


def test_the_table_total_alone_is_still_the_total(assistant):
    assert assistant.ask("岚桥镇2014年主动公开政府信息多少条？").value == 300


@pytest.mark.parametrize(
    "question, value",
    [
        ("岚溪镇2014年主动公开政府信息多少条？", 986),  # 从…至…，累计: the statistics period's figure
        ("岚溪镇自2008年以来累计主动公开政府信息多少条？", 4630),
        ("Since it began disclosing government information in 2008, how many items has Lanxi Town published in total (cumulative)?", 4630),
    ],
)
def test_a_running_total_from_a_named_year(assistant, question, value):
    answer = assistant.ask(question)
    assert answer.status == "answered" and answer.value == value


def test_a_word_glossed_in_pinyin_is_the_reports_word(assistant):
    answer = assistant.ask(
        "In 2009, how many issues of education information did the Chengjiang Education Department compile, "
        "and how many of those were 'Education Key Situation' (jiaoyu yaoqing) issues?"
    )
    assert [p.value for p in answer.parts] == [298, 137]
