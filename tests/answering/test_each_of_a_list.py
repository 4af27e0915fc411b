"""Three things asked at once with 各 whose names hold the body's own (省政府办公厅文件, asked of
the provincial general office): each is the figure whose label is written like the question, not
the one whose words the body's name leaves equal (省政府文件).

Shape of a provincial general office's 2020 report (湖南省人民政府办公厅, development set, a
traditional-character mirror); body, figures and wording are this test's own.
"""

from __future__ import annotations

import pytest

from assistant.ask import Assistant
from assistant.config import Settings
from assistant.ingest.pipeline import Ingestor

OFFICE_2020 = """江西省人民政府辦公廳2020年政府信息公開工作年度報告
一、總體情況
2020年省政府門戶網站政府信息公開專欄發布省政府規章2件、省政府文件15件、省政府辦公廳文件39件，點擊量超過40萬次。
"""


TOWNSHIP_2017 = """杭坪乡2017年政府信息公开工作年度报告
二、主动公开政府信息情况
2017年度全乡共形成公文类政府信息95条,其中主动公开17条,涉密或依法免予公开的78条。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    (folder / "jiangxi_bgt_2020.txt").write_text(OFFICE_2020, encoding="utf-8")
    (folder / "hangping_2017.txt").write_text(TOWNSHIP_2017, encoding="utf-8")
    settings = Settings(store_dir=tmp_path_factory.mktemp("store"), embedder="hash")
    with Ingestor(settings, progress=False) as ingestor:
        assert ingestor.ingest([folder]).count("failed") == 0
    with Assistant(settings) as opened:
        yield opened


def test_each_of_three_documents(assistant):
    result = assistant.ask("江西省政府办公厅2020年在省政府门户网站信息公开专栏发布的省政府规章、省政府文件和省政府办公厅文件各多少件？")
    assert [part.value for part in result.parts] == [2, 15, 39], result.answer


def test_clicks_read_once(assistant):
    result = assistant.ask("江西省政府办公厅2020年信息公开专栏点击量超过多少次？")
    assert (result.status, result.value) == ("answered", 400000), result.answer


def test_what_was_kept_back(assistant):
    # a township's documents split into disclosed and kept back (shape of 前吴乡 2017, published set)
    result = assistant.ask("In 2017, how many official-document items of Hangping Township were classified or exempt from disclosure?")
    assert (result.status, result.value) == ("answered", 78), result.answer
