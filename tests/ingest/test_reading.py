"""Traditional-character mirrors with injected pinyin are read as simplified; spans stay on the page's text."""

from __future__ import annotations

from assistant.ingest.pipeline import parse_document
from assistant.ingest.reading import reading_view
from assistant.records import Document, Span

# The shape of a mirror seen in real-reports 001/004/010 (our own sentences): traditional
# characters, a reading in brackets after many of them.
MIRROR = (
    "根據(jù)條例規(guī)定,現(xiàn)將2008年度青槐鎮(zhèn)政府信息公開年度報(bào)告公布如下。"
    "本報(bào)告的統(tǒng)計期限自2008年1月1日起至2008年12月31日止。\n"
    "一、概述\n2008年我鎮(zhèn)主動公開政府信息52條,全年共收到政府信息公開申請3件。\n"
)


def test_a_page_without_traditional_characters_or_readings_is_read_as_it_is():
    text = "青槐镇2018年政府信息公开工作年度报告(app)"
    view = reading_view(text)
    assert view.identical and view.text == text


def test_the_view_drops_readings_and_maps_spans_back():
    view = reading_view(MIRROR)
    assert "青槐镇政府信息公开年度报告" in view.text and "(zhèn)" not in view.text
    start = view.text.index("青槐镇")
    span = view.span(Span(start, start + 3))
    assert MIRROR[span.start : span.end] == "青槐鎮"


def test_a_mirror_gives_its_body_year_and_figures_quoted_as_the_page_writes_them():
    parsed = parse_document(Document(name="mirror.txt", path="mirror.txt", text=MIRROR, file_type="txt"))
    assert (parsed.meta.body, parsed.meta.year) == ("青槐镇", 2008)
    assert MIRROR[parsed.meta.body_span.start : parsed.meta.body_span.end] == "青槐鎮"
    received = [f for f in parsed.facts if f.metric == "requests_received"]
    assert [f.value for f in received] == [3.0]
    fact = received[0]
    assert MIRROR[fact.value_span.start : fact.value_span.end] == fact.raw and fact.raw.startswith("3")
    assert "申請3件" in MIRROR[fact.span.start : fact.span.end]


def test_a_simplified_page_keeps_a_character_opencc_would_change():
    # 乾县 is a county; t2s would write 干县. Only a page written in traditional characters is converted.
    text = "乾县2019年政府信息公开工作年度报告\n一、总体情况\n2019年，乾县主动公开政府信息120条。"
    assert reading_view(text).identical
