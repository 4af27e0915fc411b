"""Figures stated in sentences, with their sentence as evidence."""

from __future__ import annotations

from assistant.ingest.old_tables import parse_old_table
from assistant.ingest.prose import find_all_on_time_claims, parse_prose_facts, table_regions


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
