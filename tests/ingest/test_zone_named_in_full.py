"""A zone whose page names it by its kind alone in most places (高新區管委會) and in full once, with
its city before it (眉山高新區管委會2010年年報根據…), on a traditional-character mirror: the body is
the full name, read in simplified characters, and English questions reach it.

Shape of the development set's 乐山高新区管委会 2010 page (a traditional-character encyclopedia
mirror, title without a body); body, figures and wording are this test's own.
"""

from __future__ import annotations

import pytest

from assistant.ask import Assistant
from assistant.config import Settings
from assistant.ingest.metadata import extract_meta
from assistant.ingest.pipeline import Ingestor
from assistant.ingest.reading import reading_view

MIRROR = """2010年政府信息公開工作年度報告

眉山高新區管委會2010年年報根據《條例》和《實施辦法》規定進行編制。全文包括概述、主動公開政府信息情況等6個部分。

概述

2010年，高新區管委會按照條例要求推進政府信息公開工作。

主動公開政府信息情況

2010年，高新區管委會新增主動公開政府信息43條，累計主動公開政府信息198條。
"""


def test_the_zone_is_read_with_its_city():
    meta = extract_meta(reading_view(MIRROR).text)
    assert meta.body == "眉山高新区管委会"
    assert "Meishan High-tech Zone" in meta.aliases


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    (folder / "meishan_gxq_2010.txt").write_text(MIRROR, encoding="utf-8")
    settings = Settings(store_dir=tmp_path_factory.mktemp("store"), embedder="hash")
    with Ingestor(settings, progress=False) as ingestor:
        assert ingestor.ingest([folder]).count("failed") == 0
    with Assistant(settings) as opened:
        yield opened


@pytest.mark.parametrize(
    "question",
    ["眉山高新区管委会2010年新增主动公开政府信息多少条？", "How many items did the Meishan High-tech Zone newly disclose in 2010?"],
)
def test_questions_reach_it(assistant, question):
    result = assistant.ask(question)
    assert (result.status, result.value) == ("answered", 43), result.answer
    assert "43條" in result.citations[0].quote  # quoted as the page writes it
