"""Answer and report HTML: quotes marked in place, report text always escaped."""

from __future__ import annotations

from ui.render import all_citations, answer_html, context_bounds, highlighted_context, report_page, sources_html

TEXT = "一、概述\n申请情况：截止到2018年12月31日，发生依申请公开6件。其中<script>alert(1)</script>。\n二、其他"
QUOTE = "发生依申请公开6件"
START = TEXT.index(QUOTE)


def _citation(quote=QUOTE, start=START, source="a.txt"):
    return {"source": source, "org": "西集镇", "year": 2018, "quote": quote, "start": start,
            "end": start + len(quote), "kind": "sentence"}


def _answer(**extra):
    data = {"question": "q", "status": "answered", "answer": "西集镇2018年收到申请6件[1]。", "value": 6, "unit": "件",
            "citations": [_citation()], "conflicts": [], "candidates": []}
    data.update(extra)
    return data


def test_the_quote_is_marked_inside_its_paragraph_and_the_paragraph_stops_at_line_ends():
    left, right = context_bounds(TEXT, START, START + len(QUOTE))
    assert TEXT[left:right].startswith("申请情况") and TEXT[left:right].endswith("。")
    html = highlighted_context(TEXT, START, START + len(QUOTE))
    assert f"<mark>{QUOTE}</mark>" in html
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_long_paragraphs_are_cut_with_an_ellipsis():
    text = "甲" * 1000 + QUOTE + "乙" * 1000
    html = highlighted_context(text, 1000, 1000 + len(QUOTE))
    assert html.startswith("…") and html.endswith("…") and len(html) < 500


def test_sources_link_to_the_full_report_at_the_quote_and_escape_everything():
    html = sources_html(_answer(), {"a.txt": TEXT}, "zh")
    assert f'href="/report/a.txt?start={START}&amp;end={START + len(QUOTE)}#quote"' in html
    assert "<script>" not in html and "打开全文" in html and "句子" in html
    assert "open full report" in sources_html(_answer(), {"a.txt": TEXT}, "en")


def test_a_quote_that_does_not_match_the_stored_text_is_shown_alone_not_out_of_place():
    html = sources_html(_answer(citations=[_citation(start=0)]), {"a.txt": TEXT}, "zh")
    assert f"<mark>{QUOTE}</mark>" in html and "概述" not in html


def test_conflicts_and_candidates_are_numbered_after_the_citations():
    other = _citation("所有申请均已按时办结", 0)
    data = _answer(conflicts=[{"value": "yes", "citation": other}])
    assert [c["quote"] for c in all_citations(data)] == [QUOTE, "所有申请均已按时办结"]
    html = answer_html(data, "zh")
    assert 'answer-conflict' in html and "来源不一致" in html and "<b>是</b>" in html and "[2]" in html


def test_status_is_visible_in_the_markup():
    assert 'answer-answered' in answer_html(_answer(), "zh")
    assert 'answer-not_found' in answer_html(_answer(status="not_found", value=None, citations=[]), "en")
    ambiguous = _answer(status="ambiguous", value=None, candidates=[
        {"org": "西集镇", "year": 2018, "value": 6, "citation": _citation()},
        {"org": "西集镇", "year": 2019, "value": 6, "citation": None}])
    html = answer_html(ambiguous, "en")
    assert 'answer-ambiguous' in html and "西集镇 2019: <b>6</b>" in html


def test_a_streamed_prefix_shows_only_the_text_so_far():
    html = answer_html(_answer(conflicts=[{"value": 5, "citation": _citation()}]), "zh", text="西集镇")
    assert "西集镇</div>" in html and "disagree\"" not in html


def test_the_report_page_escapes_the_text_and_marks_the_quote():
    page = report_page("a.txt", TEXT, {"body": "西集镇", "year": 2018}, START, START + len(QUOTE))
    assert f'<mark id="quote">{QUOTE}</mark>' in page and "<script>alert" not in page
    assert "<title>西集镇 2018 · a.txt</title>" in page
    assert "<mark" not in report_page("a.txt", TEXT, None, 5, 99999)  # a bad span marks nothing
