"""Figures stated in sentences, with their sentence as evidence."""

from __future__ import annotations

import json

import pytest

from assistant.catalogue import load_catalogue
from assistant.ingest.loaders import load_document
from assistant.ingest.old_tables import parse_old_table
from assistant.ingest.pipeline import parse_document
from assistant.ingest.prose import find_all_on_time_claims, parse_prose_facts, table_regions, is_change
from tests.conftest import ROOT


def _figures(text, facts):
    return {(f.row_path[0], f.value, f.unit) for f in facts}


def test_jugezhuang_prose_figures(jugezhuang_text):
    facts = parse_prose_facts(jugezhuang_text)
    assert _figures(jugezhuang_text, facts) == {
        ("2017年我镇共组织各类培训班", 5, "次"),
        ("接受培训人员", 267, "人"),
        ("2017年我镇主动公开政府政务信息共", 121, "条"),
        ("2017年我镇政府门户网站公开信息共", 180, "条"),
        ("我镇2017年度依申请公开政府政务信息目录", 7, "条"),
        # zeros stated in words
        ("我镇2017年度未发生针对本部门有关政府政务公开事务的行政复议案", 0, "件"),
        ("未发生针对本部门有关政府政务公开事务的行政诉讼案", 0, "件"),
        ("我镇政府政务公开未发生收费情况", 0, "万元"),
        # 申诉 named, the bracketed aside (包括信访、举报) is not part of the label
        ("未收到各类针对本部门政府政务公开事务有关的申诉案", 0, "件"),
        # one clause, three subjects: one zero each, labelled by its own subject
        ("由于我镇未发生针对本部门有关政府政务公开事务的行政复议案", 0, "件"),
        ("由于我镇未发生针对本部门有关政府政务公开事务的行政诉讼案", 0, "件"),
        ("由于我镇未发生针对本部门有关政府政务公开事务的有关的申诉案", 0, "件"),
    }
    for fact in facts:
        sentence = jugezhuang_text[fact.span.start : fact.span.end]
        assert fact.raw in sentence
        assert jugezhuang_text[fact.value_span.start : fact.value_span.end] == fact.raw
    training = next(f for f in facts if f.value == 267)
    assert jugezhuang_text[training.span.start : training.span.end] == "2017年我镇共组织各类培训班5次,接受培训人员267人。"
    assert training.table == "四、教育培训工作"


def test_xiji_prose_skips_articles_and_table(xiji_text):
    regions = table_regions(parse_old_table(xiji_text).facts)
    facts = parse_prose_facts(xiji_text, exclude=regions)
    figures = _figures(xiji_text, facts)
    assert ("发生依申请公开", 6, "件") in figures
    assert ("微信公众号新增信息", 840, "条") in figures
    assert ("全镇通过“通州信息网”新增信息", 654, "条") in figures
    assert ("发生针对本单位政府信息公开行政诉讼案件", 0, "件") in figures
    # 《条例》第9至12条 / 第15条 / 第33条 are articles, not figures; table cells are not prose
    assert not any(f.unit == "条" and f.value in (9, 12, 15, 33) for f in facts)
    assert all(f.span.end <= regions[0].start for f in facts)


def test_all_on_time_claim(xiji_text):
    claims = find_all_on_time_claims(xiji_text)
    assert [xiji_text[c.start : c.end] for c in claims] == ["所有申请均已按规定时限按时办结。"]


def test_full_width_and_thousands():
    facts = parse_prose_facts("全年共受理政府信息公开申请１,２０５件，办结1205件。")
    assert [(f.value, f.unit) for f in facts] == [(1205, "件"), (1205, "件")]


def test_plans_and_lower_bounds_are_not_counts_of_the_year():
    text = (
        "五、存在的主要问题及改进情况\n"
        "改进措施：2021年将加强业务培训，计划开展专题培训不少于4次。\n"
        "下一步拟新增政务公开专栏3个，力争全年发布解读20篇。\n"
        "本年度共组织政务公开业务培训3次，参训221人次。\n"
        "我局将收到的12件申请全部按时答复。\n"
    )
    assert _figures(text, parse_prose_facts(text)) == {
        ("本年度共组织政务公开业务培训", 3, "次"),
        ("参训", 221, "人次"),
        ("我局将收到的", 12, "件"),  # 将 marks the object here, not the future
    }


# ---------------------------------------------------------------------------------------------
# Realistic narrative reports (tests/fixtures/realistic/narrative_*.txt): invented bodies,
# written the way different clerks write. Each has a .truth.json: body, year, every figure with
# its canonical metric, and fragments that must not become figures.

REALISTIC = sorted((ROOT / "tests" / "fixtures" / "realistic").glob("narrative_*.txt"))


@pytest.mark.parametrize("path", REALISTIC, ids=lambda p: p.stem)
def test_realistic_narrative_reports_against_their_truth(path):
    truth = json.loads(path.with_suffix(".truth.json").read_text(encoding="utf-8"))
    parsed = parse_document(load_document(path))
    text = parsed.document.text
    assert (parsed.meta.body, parsed.meta.year) == (truth["body"], truth["year"])
    matched: set[int] = set()
    wrong = []
    for expected in truth["facts"]:
        low = text.index(expected["sentence_fragment"])
        high = low + len(expected["sentence_fragment"])
        hits = [
            i
            for i, f in enumerate(parsed.facts)
            if f.value_span.start < high and f.value_span.end > low and f.value == expected["value"]
            and f.metric == expected["metric"] and i not in matched
        ]
        if hits:
            matched.add(hits[0])
        else:
            wrong.append(expected)
    assert wrong == []
    # shares (办结率100%) and changes (比上年增加36条) are stored for questions asking them, never as
    # a metric's count of the year
    kept_apart = [f for f in parsed.facts if f.unit == "%" or is_change(f.row_path[0])]
    assert all(f.metric is None for f in kept_apart)
    invented = [(f.raw, f.value, f.metric) for i, f in enumerate(parsed.facts) if i not in matched and f not in kept_apart]
    assert invented == []
    for fragment in truth["not_facts"]:
        low = text.index(fragment)
        # no count there (a share such as 按时办结率100% is kept as a share only)
        assert not [f.raw for f in parsed.facts if low <= f.value_span.start and f.value_span.end <= low + len(fragment) and f not in kept_apart]
    assert parsed.findings == ()
    for fact in parsed.facts:
        assert text[fact.value_span.start : fact.value_span.end] == fact.raw


def _metrics(text):
    catalogue = load_catalogue()
    return {(f.row_path[0], f.value, f.unit, catalogue.match_prose(f.row_path[0], f.unit)) for f in parse_prose_facts(text) if f.unit != "%" and not is_change(f.row_path[0])}


def test_shares_are_kept_as_shares_never_as_a_metrics_count():
    # 解读率100% (北碚区 2023), 占信息公开总量的75.44% (长桥乡 2019), 同比增长14.75% (涡阳县 2019)
    text = "全年发布政策解读25条，解读率100%。其中工作动态43条，占信息公开总量的75.44%。公开信息较2018年增长14.75%。\n"
    shares = [(f.row_path[0], f.value, f.unit) for f in parse_prose_facts(text) if f.unit == "%"]
    # a clause stating only a share is labelled with the count it is a share of
    assert shares == [("解读率", 100, "%"), ("其中工作动态，占信息公开总量的", 75.44, "%"), ("公开信息较2018年增长", 14.75, "%")]
    assert all(load_catalogue().match_prose(label, "%") is None for label, _, _ in shares)


def test_zeros_stated_in_words_one_per_subject():
    text = (
        "2015年，我镇未发生因政府信息公开申请引起的行政复议和行政诉讼案件，收到举报投诉0件。"
        "行政复议、行政诉讼均未发生。"
        "全年未收到涉及政府信息公开的举报和投诉。"
        "本年度依申请公开信息收费为0元。"
        "我乡未向申请人收取任何费用。"
        "2016年，我乡没有收到政府信息公开申请。"
        "对于没有现成信息需要另行制作的申请，告知申请人。"
    )
    assert _metrics(text) == {
        ("我镇未发生因政府信息公开申请引起的行政复议", 0, "件", "reconsiderations"),
        ("我镇未发生因政府信息公开申请引起的行政诉讼案件", 0, "件", "lawsuits"),
        ("收到举报投诉", 0, "件", "complaints"),
        ("行政复议均未发生", 0, "件", "reconsiderations"),
        ("行政诉讼均未发生", 0, "件", "lawsuits"),
        ("全年未收到涉及政府信息公开的举报和投诉", 0, "件", "complaints"),
        ("本年度依申请公开信息收费为", 0, "万元", "fees"),
        ("我乡未向申请人收取任何费用", 0, "万元", "fees"),
        ("我乡没有收到政府信息公开申请", 0, "件", "requests_received"),
    }


def test_a_bare_total_after_figures_of_other_units_counts_what_its_clause_names():
    # 泾县 2012 (ahjx.gov.cn): 网站共发布主动公开信息28大项、79小项，合计6657条
    text = "2012年，县政府信息公开网站共发布主动公开信息28大项、79小项，合计6657条。\n"
    ((label, value, unit, _),) = _metrics(text)
    assert (label, value, unit) == ("县政府信息公开网站共发布主动公开信息，合计", 6657, "条")


def test_channels_named_by_their_verb_after_the_requests():
    # 花都区新华街道 2021 (Guangzhou counts requests in 宗): 从提交方式看，当面提交3宗…
    text = "全年我街共收到信息公开申请22宗。从提交方式看，当面提交3宗，占14%；通过网络提交4宗，占18%；通过邮寄提交15宗，占68%。\n"
    assert _metrics(text) == {
        ("全年我街共收到信息公开申请", 22, "宗", "requests_received"),
        ("当面提交", 3, "宗", "requests_in_person"),
        ("通过网络提交", 4, "宗", "requests_online"),
        ("通过邮寄提交", 15, "宗", "requests_letter"),
    }


def test_counts_in_other_wordings():
    text = (
        "街道办事处年内组织政务公开业务培训三次，参加培训人员共计180余人次。\n"
        "配备专职工作人员2名，兼职信息员28名。\n"
        "全年共发布政府信息1.2万余条，收取费用15元，专项经费2.5万元。\n"
        "在重点领域方面，共公开信息212条。\n"
    )
    assert _metrics(text) == {
        ("街道办事处年内组织政务公开业务培训", 3, "次", "training_sessions"),
        ("参加培训人员共计", 180, "人次", "trainees"),
        ("配备专职工作人员", 2, "名", "staff_full_time"),
        ("兼职信息员", 28, "名", "staff_part_time"),
        ("全年共发布政府信息", 12000, "条", "proactive_total"),
        ("收取费用", 15, "元", "fees"),
        ("专项经费", 2.5, "万元", "dedicated_budget"),
        ("在重点领域方面，共公开信息", 212, "条", "proactive_key_areas"),
    }


def test_changes_frequencies_deadlines_and_other_years_are_not_counts():
    text = (
        "微信公众号推送信息420条，较去年增加135条。\n"
        "与2015年相比，主动公开信息增加56条。\n"
        "全年收到申请12件（上年为8件）。\n"
        "街道每季度召开1次例会，每月更新一次公开栏。\n"
        "在征求第三方意见后于15个工作日内作出答复，统一次序办理。\n"
        "自2008年以来累计公开信息1万余条。\n"
    )
    counts = {(f.row_path[0], f.value) for f in parse_prose_facts(text) if not is_change(f.row_path[0])}
    assert counts == {("微信公众号推送信息", 420), ("全年收到申请", 12)}
    # the changes are kept apart, for questions that ask how much a figure changed
    assert {(f.row_path[0], f.value) for f in parse_prose_facts(text) if is_change(f.row_path[0])} == {
        ("较去年增加", 135), ("主动公开信息增加", 56)
    }


def test_carried_over_requests_named_after_their_number():
    text = "全年共受理政府信息公开申请12件，办结10件，另有2件结转至2019年继续办理。结转下一年度继续办理3件。1件结转至2018年办理。"
    assert _figures(text, parse_prose_facts(text)) == {
        ("全年共受理政府信息公开申请", 12, "件"),
        ("办结", 10, "件"),
        ("结转至2019年继续办理", 2, "件"),
        ("结转下一年度继续办理", 3, "件"),  # next year's carry-over is this year's count, not a plan
        ("结转至2018年办理", 1, "件"),
    }


def test_chinese_numerals_count_items_and_people_and_end_the_phrase_of_the_next_figure():
    text = (
        "全年共主动公开政府信息一百三十七条，较上年增加二十一条。\n"
        "全乡现有专职工作人员一名、兼职工作人员四名。\n"
        "坚持一条主线，培训干部三十人。\n"
    )
    assert _metrics(text) == {
        ("全年共主动公开政府信息", 137, "条", "proactive_total"),
        ("全乡现有专职工作人员", 1, "名", "staff_full_time"),
        ("全乡现有专职工作人员一名、兼职工作人员", 4, "名", "staff_part_time"),  # not the full-time count
        ("培训干部", 30, "人", "trainees"),  # 一条主线 is no count
    }


def test_deputies_suggestions_and_cppcc_proposals():
    text = "全年共办理人大代表建议18件、政协提案23件，办复率100％。\n"
    assert _metrics(text) == {
        ("全年共办理人大代表建议", 18, "件", "npc_suggestions"),
        ("政协提案", 23, "件", "cppcc_proposals"),  # each item of a list (…18件、政协提案23件) is its own label
    }


def test_a_figure_broken_over_two_printed_lines_is_one_figure():
    # PDF text of a 2019 county office report (涡阳县 in eval/reports/published): the printed line
    # ends inside the sentence, before the number or between the number and its unit
    text = "全年公开信息16697条，较2018年增长\n14.75%。全年新收申请31件，办结32件，1\n件结转2020年。\n二、标题\n3\n"
    figures = {(f.row_path[0], f.value, f.unit) for f in parse_prose_facts(text)}
    assert ("较2018年增长", 14.75, "%") in figures
    assert ("结转2020年", 1, "件") in figures
    assert not [f for f in parse_prose_facts(text) if f.value == 3]  # a page number alone is no figure


def test_a_figure_whose_words_follow_it_gets_their_metric():
    # seen on a 2016 city report (宿州市): the requests still open are named after the figure
    # (其余N件结转YYYY年办理); wording invented
    from assistant.records import Document

    text = (
        "蓥崖市人民政府2016年政府信息公开工作年度报告\n"
        "全年共收到政府信息公开申请52件，已办结49件，其余3件结转2017年办理。\n"
        # seen on a 2020 town page (blind6 shape) and a 2010 town (唐村镇): words after a figure that
        # is no remainder, or that list several outcomes, name no figure
        "办结的申请中，其余6件为不予公开、无法提供或不予处理。全年各举办一次政府信息公开业务培训。\n"
    )
    parsed = parse_document(Document(name="y.txt", path="y.txt", text=text, file_type="txt"), load_catalogue())
    metrics = {(f.metric, f.value) for f in parsed.facts if f.kind == "prose"}
    assert ("requests_carried_to_next_year", 3) in metrics
    assert ("requests_received", 52) in metrics and ("requests_completed", 49) in metrics
    assert {metric for metric, value in metrics if value in (6, 1)} <= {None}


@pytest.mark.parametrize(
    ("sentence", "value", "metric"),
    [
        # a town of heldout9: the clause before a bare 全年推送 names the channel
        ("镇政府还通过“幸福桥头”微信公众号发布政务信息，全年推送148条，内容以惠民政策为主。", 148, "proactive_wechat"),
        ("我镇在政府网站开设信息公开专栏，全年共发布62条。", 62, "proactive_website"),
        # a clause naming no channel lends nothing
        ("围绕疫情防控开展宣传，全年推送35条。", 35, None),
    ],
)
def test_a_bare_verb_counts_what_the_channel_clause_before_it_names(sentence, value, metric):
    catalogue = load_catalogue()
    (fact,) = [f for f in parse_prose_facts(sentence) if f.value == value]
    assert catalogue.match_prose(fact.row_path[0], fact.unit) == metric, fact.row_path
