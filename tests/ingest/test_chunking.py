"""Chunking: exact spans, section paths, token limits, table rows instead of table passages."""

from __future__ import annotations

import pytest

from assistant.ingest.chunking import chunk_report, count_tokens, table_areas
from assistant.records import Fact, Span


def _passages(chunks):
    return [c for c in chunks if c.kind == "passage"]


def _check_spans(text, chunks):
    for chunk in _passages(chunks):
        assert text[chunk.span.start : chunk.span.end] == chunk.text
        assert chunk.text.strip() == chunk.text and chunk.text


@pytest.mark.parametrize("max_tokens", [256, 64])
def test_narrative_report_spans_sections_and_limits(jugezhuang_text, max_tokens):
    chunks = chunk_report(jugezhuang_text, (), max_tokens=max_tokens, overlap_tokens=16)
    assert chunks and all(c.kind == "passage" for c in chunks)
    _check_spans(jugezhuang_text, chunks)
    assert all(count_tokens(c.text) <= max_tokens for c in chunks)
    training = [c for c in chunks if "共组织各类培训班5次" in c.text]
    assert training and all(c.section.startswith("四、教育培训工作") for c in training)
    nested = [c for c in chunks if "门户网站公开信息共180条" in c.text]
    assert nested[0].section == "五、政府政务主动公开情况 › (二)政府门户网站公开情况"
    # every non-blank line of the text is covered by some passage
    covered = set()
    for c in chunks:
        covered.update(range(c.span.start, c.span.end))
    for position, ch in enumerate(jugezhuang_text):
        if not ch.isspace() and not _is_heading_only(jugezhuang_text, position):
            assert position in covered, jugezhuang_text[position : position + 20]
    # chunks are in text order and deterministic
    assert [c.span.start for c in chunks] == sorted(c.span.start for c in chunks)
    assert chunks == chunk_report(jugezhuang_text, (), max_tokens=max_tokens, overlap_tokens=16)


def _is_heading_only(text, position):
    """Headings directly followed by a sub-heading (五、… then (一)…) live on in section paths."""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line = text[line_start:line_end].strip()
    return line in {"五、政府政务主动公开情况", "十一、主要问题和改进措施"}


def test_small_limit_splits_with_overlap(jugezhuang_text):
    chunks = chunk_report(jugezhuang_text, (), max_tokens=40, overlap_tokens=20)
    _check_spans(jugezhuang_text, chunks)
    assert all(count_tokens(c.text) <= 40 for c in chunks)
    overlapping = [(a, b) for a, b in zip(chunks, chunks[1:]) if b.span.start < a.span.end]
    assert overlapping  # short sentences are repeated at the start of the next passage


def test_sentence_without_punctuation_is_cut_hard():
    text = "一、概述\n" + "政府信息公开工作" * 200 + "\n"
    chunks = chunk_report(text, (), max_tokens=32, overlap_tokens=0)
    _check_spans(text, chunks)
    assert len(chunks) > 10 and all(count_tokens(c.text) <= 32 for c in chunks)
    assert all(c.section == "一、概述" for c in chunks)


def test_old_template_report(xiji_text):
    from assistant.ingest.old_tables import parse_old_table

    facts = parse_old_table(xiji_text).facts
    chunks = chunk_report(xiji_text, facts)
    _check_spans(xiji_text, chunks)
    passages = _passages(chunks)
    lawsuit = [c for c in passages if "行政诉讼案件0件" in c.text]
    assert lawsuit[0].section == "七、复议和诉讼情况 › （二）行政诉讼"
    # the table never becomes a passage: no passage overlaps a table area
    areas = table_areas(xiji_text, facts)
    assert len(areas) == 1
    for c in passages:
        for area in areas:
            assert c.span.end <= area.start or c.span.start >= area.end, c.text
    assert not any("统计数" in c.text or "填报单位" in c.text for c in passages)
    rows = [c for c in chunks if c.kind == "table_row"]
    assert len(rows) == len({f.span for f in facts})
    received = [c for c in rows if c.text.endswith("（一）收到申请数: 6 件")]
    assert received and received[0].text.startswith("政府信息公开情况统计表 › 三、依申请公开情况")
    assert received[0].section == "政府信息公开情况统计表"
    assert "收到申请数" in xiji_text[received[0].span.start : received[0].span.end]


def _fact(text, label, value, column=None, table="统计表", unit="件", row=None):
    row = row or label
    start = text.index(row)
    end = start + len(row)
    raw = str(value)
    value_start = text.index(raw, start)
    return Fact(
        kind="table",
        table=table,
        row_path=(label,),
        column=column,
        value=float(value),
        unit=unit,
        raw=raw,
        span=Span(start, end),
        value_span=Span(value_start, value_start + len(raw)),
    )


TABLE_TEXT = (
    "一、总体情况\n本年度工作平稳推进。\n"
    "三、收到和处理政府信息公开申请情况\n"
    "申请人情况 | 自然人 | 法人 | 总计\n"
    "本年新收申请数量 | 5 | 2 | 7\n"
    "上年结转申请数量 | 1 | 0 | 1\n"
    "四、行政复议情况\n"
    "复议数量 | 3\n"
    "五、存在的主要问题\n今年将继续加强培训。\n"
)


def test_table_rows_from_hand_made_facts():
    text = TABLE_TEXT
    new_row = "本年新收申请数量 | 5 | 2 | 7"
    old_row = "上年结转申请数量 | 1 | 0 | 1"
    s3 = "三、收到和处理政府信息公开申请情况"
    facts = []
    for row, values in ((new_row, (5, 2, 7)), (old_row, (1, 0, 1))):
        start = text.index(row)
        for column, value in zip(("自然人", "法人", "总计"), values):
            at = text.index(f"| {value}", start) + 2
            start = at
            facts.append(
                Fact("table", s3, (row.split(" |")[0],), column, float(value), "件", str(value),
                     Span(text.index(row), text.index(row) + len(row)), Span(at, at + 1))
            )
    facts.append(_fact(text, "复议数量", 3, table="四、行政复议情况", row="复议数量 | 3"))
    chunks = chunk_report(text, facts)
    _check_spans(text, chunks)
    rows = [c for c in chunks if c.kind == "table_row"]
    assert [c.text for c in rows] == [
        f"{s3} › 本年新收申请数量 | 自然人: 5 件; 法人: 2 件; 总计: 7 件",
        f"{s3} › 上年结转申请数量 | 自然人: 1 件; 法人: 0 件; 总计: 1 件",
        "四、行政复议情况 › 复议数量: 3 件",
    ]
    assert [text[c.span.start : c.span.end] for c in rows] == [new_row, old_row, "复议数量 | 3"]
    assert rows[0].section == s3 and rows[2].section == "四、行政复议情况"
    passages = _passages(chunks)
    assert not any("申请数量" in c.text or "申请人情况" in c.text or "复议数量" in c.text for c in passages)
    assert [c.section for c in passages] == ["一、总体情况", "五、存在的主要问题"]
    for c in passages:
        for area in table_areas(text, facts):
            assert c.span.end <= area.start or c.span.start >= area.end


def test_prose_between_tables_stays_a_passage():
    text = (
        "二、主动公开政府信息情况\n规章 | 1\n"
        "说明：本年度规章较上年减少，主要原因是机构改革。\n"
        "行政许可 | 9\n"
    )
    facts = (
        _fact(text, "规章", 1, table="二", row="规章 | 1"),
        _fact(text, "行政许可", 9, table="二", row="行政许可 | 9"),
    )
    chunks = chunk_report(text, facts)
    _check_spans(text, chunks)
    passages = _passages(chunks)
    assert len(passages) == 1 and passages[0].text.startswith("说明：本年度规章较上年减少")
    assert passages[0].section == "二、主动公开政府信息情况"


def test_blank_text_gives_no_chunks():
    assert chunk_report("", ()) == ()
    assert chunk_report(" \n\u3000\n\t", ()) == ()


def test_markdown_headings_and_pipe_tables():
    text = (
        "## 一、总体情况\n\n全年主动公开政府信息2776条。\n\n"
        "## 二、主动公开政府信息情况\n\n**第二十条第（五）项**\n\n"
        "| 信息内容 | 本年处理决定数量 |\n|---|---|\n| 行政许可 | 53 |\n\n"
        "## 五、存在的主要问题及改进情况\n\n信息发布的及时性有待提高。\n"
    )
    facts = (_fact(text, "行政许可", 53, column="本年处理决定数量", table="二、主动公开政府信息情况", row="行政许可 | 53"),)
    chunks = chunk_report(text, facts)
    _check_spans(text, chunks)
    assert [(c.kind, c.section) for c in chunks] == [
        ("passage", "一、总体情况"),
        ("table_row", "二、主动公开政府信息情况"),
        ("passage", "五、存在的主要问题及改进情况"),
    ]
    assert chunks[1].text == "二、主动公开政府信息情况 › 行政许可 | 本年处理决定数量: 53 件"
    assert not any("|" in c.text for c in _passages(chunks))
