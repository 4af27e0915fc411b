"""Every cell of a national table asked as a question, in Chinese and English (issue 13): the
answer gives the cell's figure or none, never a figure of another row or column. Reports of
eval/tables/ (written blind, with the truth of every cell), as a web page and as the text
pypdf and pdfplumber extract from the PDF (blank cells gone, 表四 fused, page numbers inside the
table): a row that could not be read is answered by no sentence that merely shares its words."""

from __future__ import annotations

import pytest

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
