"""Exact sentence quotes, figures attached to a term, and rank fusion."""

from __future__ import annotations

from assistant.retrieval.hybrid import reciprocal_rank_fusion
from assistant.retrieval.quotes import best_sentences, figure_near_term


def test_best_sentences_are_whole_exact_sentences(jugezhuang_text):
    start = jugezhuang_text.index("四、教育培训工作")
    end = jugezhuang_text.index("五、政府政务主动公开情况")
    spans = best_sentences(jugezhuang_text, start, end, ["培训班", "培训人员"], limit=1)
    assert [jugezhuang_text[s:e] for s, e in spans] == ["2017年我镇共组织各类培训班5次,接受培训人员267人。"]


def test_figure_near_term():
    assert figure_near_term("通过门户网站发布政策解读132件", ["政策解读"])[:2] == (132, "件")
    sentence = "2017年我镇共组织各类培训班5次,接受培训人员267人。"
    assert figure_near_term(sentence, ["培训人员"])[:2] == (267, "人")
    assert figure_near_term(sentence, ["培训班"])[:2] == (5, "次")
    assert figure_near_term("按照《条例》第15条规定公开", ["条例"]) is None


def test_reciprocal_rank_fusion_rewards_agreement():
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["b", "d"]])
    assert [item for item, _ in fused][:2] == ["b", "a"]
