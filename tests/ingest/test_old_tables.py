"""Every figure of seed 000's flattened statistics table, against a hand-written expectation."""

from __future__ import annotations

import pytest

from assistant.ingest.old_tables import parse_old_table

# (row label path, value, unit), in table order, typed by hand from the report.
XIJI_2018_TABLE = [
    (("一、主动公开情况", "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）"), 654, "条"),
    (("一、主动公开情况", "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "其中：主动公开规范性文件数"), 0, "条"),
    (("一、主动公开情况", "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "制发规范性文件总数"), 0, "件"),
    (("一、主动公开情况", "（二）重点领域公开政府信息数（不同渠道和方式公开相同信息计1条）"), 45, "条"),
    (("（二）重点领域公开政府信息数（不同渠道和方式公开相同信息计1条）", "其中：主动公开财政预算决算、“三公经费”和行政经费信息数"), 1, "条"),
    (("（二）重点领域公开政府信息数（不同渠道和方式公开相同信息计1条）", "主动公开保障性安居工程建设计划、项目开工和竣工情况，保障性住房的分配和退出等信息数"), 0, "条"),
    (("（二）重点领域公开政府信息数（不同渠道和方式公开相同信息计1条）", "主动公开食品安全标准，食品生产经营许可、专项检查整治等信息数"), 0, "条"),
    (("（二）重点领域公开政府信息数（不同渠道和方式公开相同信息计1条）", "主动公开环境核查审批、环境状况公报和重特大突发环境事件等信息数"), 0, "条"),
    (("（二）重点领域公开政府信息数（不同渠道和方式公开相同信息计1条）", "主动公开招投标违法违规行为及处理情况、国有资金占控股或者主导地位依法应当招标的项目等信息数"), 0, "条"),
    (("（二）重点领域公开政府信息数（不同渠道和方式公开相同信息计1条）", "主动公开生产安全事故的政府举措、处置进展、风险预警、防范措施等信息数"), 0, "条"),
    (("（二）重点领域公开政府信息数（不同渠道和方式公开相同信息计1条）", "主动公开农用地转为建设用地批准、征收集体土地批准、征地公告、征地补偿安置公示、集体土地征收结案等信息数"), 0, "条"),
    (("（二）重点领域公开政府信息数（不同渠道和方式公开相同信息计1条）", "主动公开政府指导价、政府定价和收费标准调整的项目、价格、依据、执行时间和范围等信息数"), 0, "条"),
    (("（二）重点领域公开政府信息数（不同渠道和方式公开相同信息计1条）", "主动公开本市企业信用信息系统中的警示信息和良好信息等信息数"), 0, "条"),
    (("（二）重点领域公开政府信息数（不同渠道和方式公开相同信息计1条）", "主动公开政府部门预算执行审计结果等信息数"), 0, "条"),
    (("（二）重点领域公开政府信息数（不同渠道和方式公开相同信息计1条）", "主动公开行政机关对与人民群众利益密切相关的公共企事业单位进行监督管理的信息数"), 0, "条"),
    (("（二）重点领域公开政府信息数（不同渠道和方式公开相同信息计1条）", "主动公开市人民政府决定主动公开的其他信息数"), 0, "条"),
    (("（三）通过不同渠道和方式公开政府信息的情况", "1.政府公报公开政府信息数"), 0, "条"),
    (("（三）通过不同渠道和方式公开政府信息的情况", "2.政府网站公开政府信息数"), 0, "条"),
    (("（三）通过不同渠道和方式公开政府信息的情况", "3.政务微博公开政府信息数"), 0, "条"),
    (("（三）通过不同渠道和方式公开政府信息的情况", "4.政务微信公开政府信息数"), 840, "条"),
    (("（三）通过不同渠道和方式公开政府信息的情况", "5.其他方式公开政府信息数"), 0, "条"),
    (("二、回应解读情况", "（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）"), 0, "次"),
    (("（二）通过不同渠道和方式回应解读的情况", "1.参加或举办新闻发布会总次数"), 0, "次"),
    (("1.参加或举办新闻发布会总次数", "其中：主要负责同志参加新闻发布会次数"), 0, "次"),
    (("（二）通过不同渠道和方式回应解读的情况", "2.政府网站在线访谈次数"), 0, "次"),
    (("2.政府网站在线访谈次数", "其中：主要负责同志参加政府网站在线访谈次数"), 0, "次"),
    (("（二）通过不同渠道和方式回应解读的情况", "3.政策解读稿件发布数"), 0, "篇"),
    (("（二）通过不同渠道和方式回应解读的情况", "4.微博微信回应事件数"), 0, "次"),
    (("（二）通过不同渠道和方式回应解读的情况", "5.其他方式回应事件数"), 0, "次"),
    (("三、依申请公开情况", "（一）收到申请数"), 6, "件"),
    (("（一）收到申请数", "1.当面申请数"), 3, "件"),
    (("（一）收到申请数", "2.传真申请数"), 0, "件"),
    (("（一）收到申请数", "3.网络申请数"), 0, "件"),
    (("（一）收到申请数", "4.信函申请数"), 3, "件"),
    (("三、依申请公开情况", "（二）申请办结数"), 6, "件"),
    (("（二）申请办结数", "1.按时办结数"), 5, "件"),
    (("（二）申请办结数", "2.延期办结数"), 1, "件"),
    (("三、依申请公开情况", "（三）申请答复数"), 6, "件"),
    (("（三）申请答复数", "1.属于已主动公开范围数"), 2, "件"),
    (("（三）申请答复数", "2.同意公开答复数"), 0, "件"),
    (("（三）申请答复数", "3.同意部分公开答复数"), 0, "件"),
    (("（三）申请答复数", "4.不同意公开答复数"), 2, "件"),
    (("4.不同意公开答复数", "其中：涉及国家秘密"), 0, "件"),
    (("4.不同意公开答复数", "涉及商业秘密"), 0, "件"),
    (("4.不同意公开答复数", "涉及个人隐私"), 1, "件"),
    (("4.不同意公开答复数", "危及国家安全、公共安全、经济安全和社会稳定"), 0, "件"),
    (("4.不同意公开答复数", "不是《条例》所指政府信息"), 1, "件"),
    (("4.不同意公开答复数", "法律法规规定的其他情形"), 0, "件"),
    (("（三）申请答复数", "5.不属于本行政机关公开数"), 0, "件"),
    (("（三）申请答复数", "6.申请信息不存在数"), 1, "件"),
    (("（三）申请答复数", "7.告知作出更改补充数"), 0, "件"),
    (("（三）申请答复数", "8.告知通过其他途径办理数"), 0, "件"),
    (("四、行政复议数量",), 0, "件"),
    (("四、行政复议数量", "（一）维持具体行政行为数"), 0, "件"),
    (("四、行政复议数量", "（二）被依法纠错数"), 0, "件"),
    (("四、行政复议数量", "（三）其他情形数"), 0, "件"),
    (("五、行政诉讼数量",), 6, "件"),
    (("五、行政诉讼数量", "（一）维持具体行政行为或者驳回原告诉讼请求数"), 4, "件"),
    (("五、行政诉讼数量", "（二）被依法纠错数"), 1, "件"),
    (("五、行政诉讼数量", "（三）其他情形数"), 1, "件"),
    (("六、举报投诉数量",), 0, "件"),
    (("七、依申请公开信息收取的费用",), 0, "万元"),
    (("八、机构建设和保障经费情况", "（一）政府信息公开工作专门机构数"), 1, "个"),
    (("八、机构建设和保障经费情况", "（二）设置政府信息公开查阅点数"), 1, "个"),
    (("八、机构建设和保障经费情况", "（三）从事政府信息公开工作人员数"), 2, "人"),
    (("（三）从事政府信息公开工作人员数", "1.专职人员数（不包括政府公报及政府网站工作人员数）"), 0, "人"),
    (("（三）从事政府信息公开工作人员数", "2.兼职人员数"), 2, "人"),
    (("八、机构建设和保障经费情况", "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）"), 0, "万元"),
    (("九、政府信息公开会议和培训情况", "（一）召开政府信息公开工作会议或专题会议数"), 4, "次"),
    (("九、政府信息公开会议和培训情况", "（二）举办各类培训班数"), 1, "次"),
    (("九、政府信息公开会议和培训情况", "（三）接受培训人员数"), 30, "人次"),
]


@pytest.fixture(scope="module")
def xiji_table(xiji_text):
    return parse_old_table(xiji_text)


def test_every_figure_of_the_xiji_table(xiji_table):
    assert xiji_table.warnings == ()
    assert len(xiji_table.facts) == len(XIJI_2018_TABLE)
    for fact, (path_tail, value, unit) in zip(xiji_table.facts, XIJI_2018_TABLE):
        assert fact.row_path[-len(path_tail) :] == path_tail
        assert fact.value == value, fact.label
        assert fact.unit == unit, fact.label
        assert fact.column == "统计数"
        assert fact.table == "政府信息公开情况统计表"


def test_spans_are_exact_substrings(xiji_table, xiji_text):
    for fact in xiji_table.facts:
        assert xiji_text[fact.value_span.start : fact.value_span.end] == fact.raw
        row = xiji_text[fact.span.start : fact.span.end]
        assert row.startswith(fact.row_path[-1][:4]) and row.endswith(fact.raw)


def test_wrapped_label_and_padded_value(xiji_table, xiji_text):
    proactive = xiji_table.facts[0]
    quote = xiji_text[proactive.span.start : proactive.span.end]
    assert "（不同渠道和方式公开相同信息计1条）" in quote and quote.endswith("654")
    assert proactive.value == 654  # not the 1 of 计1条


def test_pipe_rows_with_blank_and_dash_cells():
    text = (
        "政府信息公开情况统计表\n"
        "| 统计指标 | 单位 | 统计数 |\n|---|---|---|\n"
        "| 三、依申请公开情况 |  |  |\n"
        "| （一）收到申请数 | 件 | １,２３４ |\n"
        "| 1.当面申请数 | 件 | — |\n"
        "| 2.传真申请数 | 件 |  |\n"
        "| 七、依申请公开信息收取的费用 | 万元 | 12.5 |\n"
    )
    facts = parse_old_table(text).facts
    got = {f.row_path[-1]: (f.value, f.unit) for f in facts}
    assert got == {
        "（一）收到申请数": (1234, "件"),
        "1.当面申请数": (0, "件"),
        "2.传真申请数": (None, "件"),  # blank: unknown, not zero
        "七、依申请公开信息收取的费用": (12.5, "万元"),
    }
    assert facts[1].row_path == ("三、依申请公开情况", "（一）收到申请数", "1.当面申请数")


def test_no_header_no_facts(jugezhuang_text):
    assert parse_old_table(jugezhuang_text).facts == ()


# ---------------------------------------------------------------------------------------------
# Realistic old-template reports written the way other clerks write them (invented bodies under
# an invented district): tab-separated rows, PDF layout with the value before the unit and a
# page break, seed-like flattened cells copied from a web page (&nbsp;, <br/>), single-space
# rows with a repeated header. Each has a truth file typed by hand next to it.

import json  # noqa: E402
from pathlib import Path  # noqa: E402

from assistant.catalogue import normalise_label  # noqa: E402
from assistant.ingest.loaders import load_document  # noqa: E402
from assistant.ingest.pipeline import parse_document  # noqa: E402

REALISTIC = Path(__file__).resolve().parents[1] / "fixtures" / "realistic"
OLD_FIXTURES = ["old_qinghuai_2016", "old_liuan_2017", "old_shiqiao_2015", "old_luwan_2018"]


@pytest.fixture(scope="module", params=OLD_FIXTURES)
def realistic(request):
    path = REALISTIC / f"{request.param}.txt"
    truth = json.loads((REALISTIC / f"{request.param}.truth.json").read_text(encoding="utf-8"))
    document = load_document(path)  # spans index the stored (normalised) text
    return document.text, parse_document(document), truth


def test_realistic_every_table_value_with_its_metric(realistic):
    text, report, truth = realistic
    assert report.template == "old_table"
    table = [f for f in report.facts if f.kind == "table"]
    expected = [f for f in truth["facts"] if f["source"] == "table"]
    got = [(f.row_path[-1], f.value, f.unit, f.metric) for f in table]
    assert got == [(f["label"], f["value"], f["unit"], f["metric"]) for f in expected]
    for fact in table:
        assert text[fact.value_span.start : fact.value_span.end] == fact.raw
        assert fact.span.start <= fact.value_span.start and fact.value_span.end <= fact.span.end


def test_realistic_body_year_and_no_false_findings(realistic):
    _, report, truth = realistic
    meta = report.meta
    assert (meta.body, meta.year, meta.parent, meta.level) == (truth["body"], truth["year"], truth["parent"], truth["level"])
    assert report.findings == ()
    assert not [w for w in report.warnings if "统计指标" in w or "cell" in w]


def test_realistic_prose_figures_are_not_read_from_the_table(realistic):
    """A table parsed to its end leaves no table row to the prose reader (which would
    read ``（1）当面申请数 ８ 件`` as a sentence)."""
    _, report, truth = realistic
    table_labels = {normalise_label(f["label"]) for f in truth["facts"] if f["source"] == "table"}
    prose_labels = [normalise_label(f.row_path[0]) for f in report.facts if f.kind != "table"]
    assert not [label for label in prose_labels if label in table_labels]


def test_value_column_before_unit_and_label_wrapped_after_values():
    """pdftotext -layout: 统计数 before 单位, the label's last line printed under the row."""
    text = (REALISTIC / "old_liuan_2017.txt").read_text(encoding="utf-8")
    facts = parse_old_table(text).facts
    first = facts[0]
    assert first.row_path[-1] == "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）"
    assert (first.value, first.unit, first.raw) == (217, "条", "２１７")
    children = [f.row_path[-1] for f in facts if f.row_path[:2] == ("一、主动公开情况", first.row_path[-1])]
    assert children == [first.row_path[-1], "其中：主动公开规范性文件数", "制发规范性文件总数"]


def test_page_break_keeps_the_nesting():
    """- 2 - and the repeated 统计指标 header between two rows of the same group."""
    text = (REALISTIC / "old_liuan_2017.txt").read_text(encoding="utf-8")
    security = next(f for f in parse_old_table(text).facts if f.row_path[-1].startswith("危及国家安全"))
    assert security.row_path[-2] == "（4）不同意公开答复数"


def test_web_page_markup_is_padding():
    text = (REALISTIC / "old_shiqiao_2015.txt").read_text(encoding="utf-8")
    facts = parse_old_table(text).facts
    assert not [f for f in facts if any("&nbsp" in label or "<br" in label for label in f.row_path)]
    referred = next(f for f in facts if f.row_path[-1] == "8、告知通过其他途径办理数")
    assert (referred.value, referred.unit) == (None, "件")  # a blank cell stays unknown


def test_flattened_cells_with_the_value_before_the_unit():
    text = (
        "政府信息公开情况统计表\n统计指标\n统计数\n单位\n\n"
        "三、依申请公开情况\n\n\n\n（一）收到申请数\n12\n件\n\n1.当面申请数\n—\n件\n\n"
        "七、依申请公开信息收取的费用\n0.00\n万元\n"
    )
    facts = parse_old_table(text).facts
    assert [(f.row_path[-1], f.value, f.unit) for f in facts] == [
        ("（一）收到申请数", 12, "件"),
        ("1.当面申请数", 0, "件"),
        ("七、依申请公开信息收取的费用", 0, "万元"),
    ]


def test_rows_under_a_title_without_a_header_row():
    rows = "\n".join(
        f"{label}  （件）  {value}"
        for label, value in [("（一）收到申请数", 5), ("1、当面申请数", 2), ("2、传真申请数", 0), ("3、网络申请数", 3), ("（二）申请办结数", 5)]
    )
    text = "附件：政府信息公开情况统计表\n三、依申请公开情况\n" + rows + "\n七、依申请公开信息收取的费用（万元） 0\n"
    facts = parse_old_table(text).facts
    assert [(f.row_path[-1], f.value, f.unit) for f in facts][:2] == [("（一）收到申请数", 5, "件"), ("1、当面申请数", 2, "件")]
    assert (facts[-1].value, facts[-1].unit) == (0, "万元")  # the unit written in the label


def test_a_title_mentioned_in_prose_is_no_table():
    text = "具体数据详见附表。\n附表：政府信息公开情况统计表\n\n澄河区青槐镇人民政府\n2017年3月20日\n联系电话 86120345\n"
    assert parse_old_table(text).facts == ()


def test_pdf_rows_with_wrapped_tails_and_empty_cells():
    """One row per line: a long label's tail on the next line joins it; a short label alone on
    its line is a row whose cells were left empty, not the head of the next label."""
    text = (
        "政府信息公开情况统计表\n统计指标                                  单位      统计数\n"
        "（二）重点领域公开政府信息数                  条        36\n"
        "    主动公开环境核查审批、环境状况公报和重特大突发环境    条    2\n"
        "    事件等信息数\n"
        "    主动公开食品安全标准，食品生产经营许可、专项检查整治等信息数   条    3\n"
        "4.不同意公开答复数   件   1\n"
        "    其中：涉及国家秘密   件   0\n"
        "    涉及商业秘密\n"
        "    涉及个人隐私   件   1\n"
    )
    got = [(f.row_path[-1], f.value) for f in parse_old_table(text).facts]
    assert got == [
        ("（二）重点领域公开政府信息数", 36),
        ("主动公开环境核查审批、环境状况公报和重特大突发环境事件等信息数", 2),
        ("主动公开食品安全标准，食品生产经营许可、专项检查整治等信息数", 3),
        ("4.不同意公开答复数", 1),
        ("其中：涉及国家秘密", 0),
        ("涉及个人隐私", 1),
    ]


def test_cells_between_tabs_one_per_line():
    # a 2018 town table pasted with every cell on its own line between tabs, the values padded
    # with U+3000 (heldout1's 湖塘镇 shape): the tab after a cell is no blank cell
    text = (
        "2018年度澄河镇政府信息公开情况统计表\n\t统计指标\t\n\t单位\t\n\t统计数\t\n\n"
        "\t一、主动公开情况\t\n\t\t\n\t\t\n\n"
        "\t（一）主动公开政府信息数\n\t（不同渠道和方式公开相同信息计1条）\t\n\t条\t\n\t\u3000380\t\n\n"
        "\t其中：主动公开规范性文件数\t\n\t条\t\n\t\u30003\u3000\t\n\n"
        "\t（三）接受培训人员数\t\n\t人次\t\n\t\u300060\t\n"
    )
    parsed = parse_old_table(text)
    assert [(f.row_path[-1], f.value, f.unit) for f in parsed.facts] == [
        ("（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", 380, "条"),
        ("其中：主动公开规范性文件数", 3, "条"),
        ("（三）接受培训人员数", 60, "人次"),
    ]
    assert not parsed.warnings
    for fact in parsed.facts:
        assert text[fact.value_span.start : fact.value_span.end] == str(int(fact.value))
