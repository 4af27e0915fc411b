"""A development zone that reports under its own name (遂宁经济技术开发区-like: no 管委会 in the
title) and is published on its city's portal (依托…市人民政府网站经开区子站): named by itself in
English and by its short form, never given a parent such as "依托…市"; its key-area disclosures
asked in English.

Shape of a real 2021 zone report (2021 template, key areas listed 环境保护46条…); body invented,
own wording.
"""

from __future__ import annotations

import pytest

from assistant.ask import Assistant
from assistant.config import Settings
from assistant.ingest.metadata import extract_meta
from assistant.ingest.pipeline import Ingestor

ZONE = """榆川经济技术开发区2021年政府信息公开工作年度报告
一、总体情况
（一）主动公开情况。2021年，主动公开政府信息977条。围绕重点领域公开信息218条，其中环境保护46条、安全生产38条、财政预决算21条。
（二）平台建设情况。依托榆川市人民政府网站经开区子站公开信息，对栏目进行梳理优化。
"""


def test_a_zone_named_by_itself_has_its_english_and_short_names():
    meta = extract_meta(ZONE)
    assert meta.body == "榆川经济技术开发区"
    assert meta.parent == "榆川市"  # not 依托榆川市: 依托 leads into the name
    for alias in ("榆川经开区", "Yuchuan Economic and Technological Development Zone", "Yuchuan ETDZ", "Yuchuan Development Zone"):
        assert alias in meta.aliases


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    (folder / "yuchuan_jkq_2021.txt").write_text(ZONE, encoding="utf-8")
    (folder / "other_town_2021.txt").write_text("石门镇2021年政府信息公开工作年度报告\n2021年，石门镇主动公开政府信息120条。\n", encoding="utf-8")
    settings = Settings(store_dir=tmp_path_factory.mktemp("store"), embedder="hash")
    with Ingestor(settings, progress=False) as ingestor:
        assert ingestor.ingest([folder]).count("failed") == 0
    with Assistant(settings) as opened:
        yield opened


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("How many environmental-protection items were among the Yuchuan ETDZ's 2021 key-area disclosures?", 46),
        ("How many work safety items did the Yuchuan Economic and Technological Development Zone disclose in 2021?", 38),
        ("榆川经开区2021年重点领域中环境保护信息公开了多少条？", 46),
    ],
)
def test_a_key_area_asked_is_its_own_count_not_the_areas_total(assistant, question, value):
    data = assistant.ask(question).to_dict()
    assert (data["status"], data["value"]) == ("answered", value), data["answer"]


# A state-level new area's committee office reporting as a department (重庆两江新区管理委员会办公室
# 2024 shape: breadcrumb 部门 > 办公室, title naming the office, the municipality glued before the area)
OFFICE = """您当前的位置: 首页> 政务公开> 政府信息公开年报> 部门 > 办公室
重庆云岭新区管理委员会办公室2024年政府信息公开工作年度报告
依照《中华人民共和国政府信息公开条例》的规定，编制并发布《重庆云岭新区管理委员会办公室2024年政府信息公开工作年度报告》。
办公室牵头办理向管委会提出的政府信息公开申请31件。
"""


def test_a_committee_office_that_publishes_its_own_report_keeps_its_office():
    meta = extract_meta(OFFICE)
    assert meta.body == "重庆云岭新区管理委员会办公室"
    for alias in ("云岭新区管委会办公室", "云岭新区管理委员会办公室", "Yunling New Area Management Committee Office"):
        assert alias in meta.aliases


def test_a_towns_office_still_names_the_town():
    meta = extract_meta("石门镇人民政府办公室2021年政府信息公开工作年度报告\n2021年，石门镇主动公开政府信息120条。\n")
    assert meta.body == "石门镇"  # a town's office is never a body of its own
