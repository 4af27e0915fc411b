"""Every cell of a national table asked as a question, in Chinese and English (issue 13): the
answer gives the cell's figure or none, never a figure of another row or column. Reports of
eval/tables/ (written blind, with the truth of every cell), as a web page and as the text
pypdf and pdfplumber extract from the PDF (blank cells gone, 表四 fused, page numbers inside the
table): a row that could not be read is answered by no sentence that merely shares its words."""

from __future__ import annotations

import pytest

from assistant.ask import Assistant
from assistant.config import Settings
from assistant.ingest.pipeline import Ingestor
from eval.table_ask import run
from eval.table_check import ROOT

# one of each template; 溪桐县教育局 2020 has blank cells the printed text loses
REPORTS = ["t21_yunwan_2021", "t19_xitong_jiaoyu_2020", "t21_xitong_weijian_2021"]


@pytest.mark.skipif(not (ROOT / "truth").is_dir(), reason="eval/tables not present")
@pytest.mark.parametrize("layout, floor", [("web", 1.0), ("pypdf", 0.8), ("plumber", 0.75)])
def test_every_cell_asked_gets_its_own_figure_or_none(layout, floor):
    asked = run(layout, REPORTS)
    assert {a.lang for a in asked} == {"zh", "en"}
    wrong = [f"{a.question} -> {a.value} (truth {a.expected:g})" for a in asked if a.verdict == "WRONG"]
    assert not wrong, "figures of another row or column:\n" + "\n".join(wrong[:10])
    right = sum(1 for a in asked if a.verdict == "right")
    assert right / len(asked) >= floor, f"{layout}: {right}/{len(asked)} cells answered"


@pytest.mark.skipif(not (ROOT / "truth").is_dir(), reason="eval/tables not present")
def test_a_cell_whose_blanks_cannot_be_placed_is_said_to_be_unreadable(tmp_path):
    # pypdf text of 溪桐县教育局 2020 prints 一、本年新收 as "24 7 3 3 1 38": six numbers for seven
    # columns, and no arithmetic tells where the blank stands; the total is read, the columns are not
    settings = Settings(store_dir=tmp_path, embedder="hash")
    with Ingestor(settings, progress=False) as ingestor:
        ingestor.ingest([ROOT / "pypdf" / "t19_xitong_jiaoyu_2020.txt"])
    with Assistant(settings, dense=False) as assistant:
        total = assistant.ask("溪桐县教育局2020年本年新收政府信息公开申请多少件？")
        assert (total.status, total.value) == ("answered", 38)
        for question, words in [
            ("溪桐县教育局2020年本年新收政府信息公开申请中自然人有多少件？", "“24 7 3 3 1 38”，6个数字对应7栏"),
            ("How many requests from natural persons did the Xitong education bureau receive in 2020?", "cannot be read reliably"),
        ]:
            answer = assistant.ask(question)
            assert answer.status == "not_found" and answer.value is None, answer.answer
            assert words in answer.answer, answer.answer
            assert "24 7 3 3 1 38" in answer.citations[0].quote
