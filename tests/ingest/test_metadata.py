"""Body, parent, level, year and aliases read from real and varied report openings."""

from __future__ import annotations

import pytest

from assistant.ingest.metadata import extract_meta


def test_xiji_title_split_over_two_lines(xiji_text):
    meta = extract_meta(xiji_text)
    assert (meta.body, meta.short_name, meta.parent, meta.level, meta.year) == ("西集镇", "西集", "通州区", "镇", 2018)
    assert {"西集", "西集镇", "通州区西集镇", "Xiji", "Xiji Town"} <= set(meta.aliases)
    assert xiji_text[meta.body_span.start : meta.body_span.end] == "西集镇"
    assert meta.warnings == ()


def test_jugezhuang_without_title(jugezhuang_text):
    meta = extract_meta(jugezhuang_text)
    assert (meta.body, meta.short_name, meta.parent, meta.level, meta.year) == ("巨各庄镇", "巨各庄", "密云区", "镇", 2017)
    assert {"巨各庄", "Jugezhuang", "Jugezhuang Town", "密云区巨各庄镇"} <= set(meta.aliases)
    assert jugezhuang_text[meta.year_span.start : meta.year_span.end] == "2017"


@pytest.mark.parametrize(
    ("opening", "body", "parent", "level", "year"),
    [
        ("北京市海淀区东升镇2021年度政府信息公开工作年度报告\n", "东升镇", "海淀区", "镇", 2021),
        ("上海市浦东新区陆家嘴街道办事处2022年政府信息公开工作年度报告", "陆家嘴街道", "浦东新区", "街道", 2022),
        ("朝阳区人民政府\n2020年政府信息公开工作年度报告", "朝阳区", None, "区", 2020),
        ("北京市通州区财政局2019年政府信息公开工作年度报告", "北京市通州区财政局", "通州区", "department", 2019),
        ("某某乡（2016年度）政府信息公开工作年度报告", "某某乡", None, "乡", 2016),
    ],
)
def test_titles(opening, body, parent, level, year):
    meta = extract_meta(opening)
    assert (meta.body, meta.parent, meta.level, meta.year) == (body, parent, level, year)


def test_nothing_found_gives_warnings_and_nulls():
    meta = extract_meta("本单位认真做好各项工作。")
    assert meta.body is None and meta.year is None and meta.aliases == ()
    assert len(meta.warnings) == 2
