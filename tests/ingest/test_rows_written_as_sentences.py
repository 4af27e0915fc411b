"""A row of the national template written as a sentence: the row's name, a colon, its columns with
their figures (本年出台行政规范性文件:制发件数2件,废止件数1件,现行有效件数22件: a provincial department
of the development set, 海南省生态环境厅 2022). Each figure is that row's cell, as in the table.

Body, figures and wording are this test's own.
"""

from __future__ import annotations

import pytest

from tests.conftest import assistant_over

DEPARTMENT_2022 = """东江省林业厅2022年政府信息公开工作年度报告
一、总体情况
（二）规范性文件。本年出台行政规范性文件：制发件数3件，废止件数1件，现行有效件数17件。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    with assistant_over(tmp_path_factory, {"dongjiang_lyt_2022.txt": DEPARTMENT_2022}) as opened:
        yield opened


def test_each_column_is_the_rows_cell(assistant):
    facts = {f["row_path"]: f["metric"] for f in assistant.store.query_facts(body="东江省林业厅", year=2022)}
    assert facts == {
        "制发件数": "normative_documents_issued",
        "废止件数": "normative_documents_repealed",
        "现行有效件数": "normative_documents_in_force",
    }


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("东江省林业厅2022年现行有效的行政规范性文件有多少件？", 17),
        ("How many normative documents did the Dongjiang Forestry Department repeal in 2022?", 1),
    ],
)
def test_the_cells_are_asked_as_in_a_table(assistant, question, value):
    result = assistant.ask(question)
    assert (result.status, result.value) == ("answered", value), result.answer
