"""Exact sentence quotes and the figure a sentence attaches to a term, on real report text."""

from __future__ import annotations

import pytest

from assistant.retrieval.quotes import best_sentences, figure_near_term, sentence_spans

PAD = " \t\r\n\u3000\u00a0"
ENDS = "。！？；;!?"


def _training_section(text: str) -> tuple[int, int]:
    return text.index("四、教育培训工作"), text.index("五、政府政务主动公开情况")


def test_best_sentence_of_the_training_section(jugezhuang_text):
    start, end = _training_section(jugezhuang_text)
    spans = best_sentences(jugezhuang_text, start, end, ["培训班", "培训人员"], limit=2)
    quotes = [jugezhuang_text[s:e] for s, e in spans]
    assert quotes[0] == "2017年我镇共组织各类培训班5次,接受培训人员267人。"
    assert len(quotes) == 2 and quotes[1].startswith("为加强对政府政务公开工作的管理")


def test_every_span_is_a_whole_trimmed_sentence_inside_the_span(xiji_text, jugezhuang_text):
    for text in (xiji_text, jugezhuang_text):
        for lo, hi in ((0, len(text)), (137, 1900), (len(text) // 3, len(text) // 2)):
            spans = best_sentences(text, lo, hi, ["公开", "申请"], limit=50)
            assert spans
            for s, e in spans:
                quote = text[s:e]
                assert lo <= s < e <= hi
                assert quote == quote.strip(PAD)
                assert not any(mark in quote[:-1] for mark in "。！？；\n")  # one sentence
                # whole: it starts after a sentence end (or the text start) and ends at one
                before = text[:s].rstrip(PAD)
                assert not before or before[-1] in ENDS + "\n" or text[s - 1] in PAD
                assert quote[-1] in ENDS or e == len(text) or text[e] in PAD


def test_sentences_cut_by_the_span_are_left_out(jugezhuang_text):
    sentence = "2017年我镇共组织各类培训班5次,接受培训人员267人。"
    s = jugezhuang_text.index(sentence)
    e = s + len(sentence)
    assert sentence_spans(jugezhuang_text, s, e) == [(s, e)]
    assert sentence_spans(jugezhuang_text, s + 1, e) == []  # starts mid-sentence
    assert sentence_spans(jugezhuang_text, s, e - 1) == []  # ends before its full stop
    later = best_sentences(jugezhuang_text, s + 3, e + 40, ["培训班"], limit=5)
    assert later and all(start >= e for start, _ in later)  # the cut sentence is never quoted
    assert sorted(later) == sentence_spans(jugezhuang_text, s + 3, e + 40)


def test_ties_go_to_the_earlier_sentence_and_limit_applies():
    text = "　一、培训\n第一句有培训。第二句也有培训；第三句没有。\n"
    spans = best_sentences(text, 0, len(text), ["培训"], limit=3)
    assert [text[s:e] for s, e in spans] == ["第一句有培训。", "第二句也有培训；", "一、培训"]
    assert best_sentences(text, 0, len(text), ["培训"], limit=0) == []
    no_terms = best_sentences(text, 0, len(text), [], limit=2)
    assert [text[s:e] for s, e in no_terms] == ["第一句有培训。", "第二句也有培训；"]  # headings last
    assert best_sentences(text, 5, 5, ["培训"]) == []


@pytest.mark.parametrize(
    ("sentence", "terms", "expected"),
    [
        ("通过门户网站发布政策解读132件", ["政策解读"], (132.0, "件", "132件")),
        ("2017年我镇共组织各类培训班5次,接受培训人员267人。", ["培训人员"], (267.0, "人", "267人")),
        ("2017年我镇共组织各类培训班5次,接受培训人员267人。", ["培训班"], (5.0, "次", "5次")),
        # the first occurring term wins
        ("2017年我镇共组织各类培训班5次,接受培训人员267人。", ["培训人员", "培训班"], (5.0, "次", "5次")),
        # an occurrence without a figure gives way to the next one
        ("加强培训人员管理,接受培训人员267人次。", ["培训人员"], (267.0, "人次", "267人次")),
        ("依据《条例》第15条,公开信息12条", ["公开信息"], (12.0, "条", "12条")),
        ("根据条例第 15 条及第9至12条规定,公开政府信息8条", ["条例"], None),
        ("公开信息1,200条。", ["公开信息"], (1200.0, "条", "1,200条")),
        ("共收取费用0.5万元", ["收取费用"], (0.5, "万元", "0.5万元")),
        ("政策解读100余篇", ["政策解读"], (100.0, "篇", "100余篇")),
        ("政务微博发布信息１２３条", ["政务微博"], (123.0, "条", "１２３条")),
        ("主动公开信息2017年12件", ["主动公开信息"], (12.0, "件", "12件")),
    ],
)
def test_figure_near_term(sentence, terms, expected):
    found = figure_near_term(sentence, terms)
    if expected is None:
        assert found is None
        return
    value, unit, start, end = found
    assert (value, unit, sentence[start:end]) == expected


@pytest.mark.parametrize(
    ("sentence", "terms"),
    [
        ("按照《条例》第15条规定公开", ["条例"]),  # article number
        ("政策解读于2019年12月发布", ["政策解读"]),  # dates
        ("政策解读占比95%", ["政策解读"]),  # percentage
        ("办结率提高3个百分点", ["办结率"]),  # rate
        ("答复申请在5个工作日内完成，共3件", ["答复申请"]),  # a period; the count is in another clause
        ("发布132件政策解读", ["政策解读"]),  # the figure comes before the term
        ("收到申请12件", ["行政复议"]),  # no term
        ("收到申请12件", []),
    ],
)
def test_no_figure_attached(sentence, terms):
    assert figure_near_term(sentence, terms) is None


def test_figure_on_seed_sentences(xiji_text, jugezhuang_text):
    for text in (xiji_text, jugezhuang_text):
        start, end = 0, len(text)
        for s, e in best_sentences(text, start, end, ["培训"], limit=5):
            found = figure_near_term(text[s:e], ["培训班", "培训人员"])
            if found:
                value, unit, fs, fe = found
                assert text[s + fs : s + fe].startswith(str(int(value))) and unit in text[s + fs : s + fe]
    sentence_start = jugezhuang_text.index("2017年我镇共组织各类培训班5次")
    sentence = jugezhuang_text[sentence_start : jugezhuang_text.index("。", sentence_start) + 1]
    assert figure_near_term(sentence, ["培训人员"])[:2] == (267.0, "人")


def test_section_points_list_the_items_of_the_asked_section():
    import re

    from assistant.retrieval.quotes import section_points

    text = (
        "四、政府信息公开行政复议、行政诉讼情况\n本年度未发生行政复议。\n"
        "五、存在的主要问题及改进情况\n"
        "　　（一）存在的主要问题。一是信息更新不够及时；二是政策解读形式单一。\n"
        "　　（二）改进措施。一是建立标准目录年度动态调整机制；二是推行图解解读。\n"
        "六、其他需要报告的事项\n本年度未收取信息处理费。\n"
    )
    points = section_points(text, re.compile("问题|改进"))
    assert [text[p.start : p.end] for p in points] == [
        "一是信息更新不够及时；", "二是政策解读形式单一。", "一是建立标准目录年度动态调整机制；", "二是推行图解解读。",
    ]
    assert [p.sub_heading for p in points] == ["（一）存在的主要问题。", None, "（二）改进措施。", None]
    assert section_points(text, re.compile("培训")) == []
