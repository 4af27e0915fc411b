"""The new national templates: every synthetic report against its truth, plus small hand cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.ingest.national_tables import parse_national_tables
from assistant.records import NATIONAL_2019, NATIONAL_2021

ROOT = Path(__file__).resolve().parents[2]
SYNTHETIC = ROOT / "eval" / "reports" / "synthetic"
SEEDS = ROOT / "data" / "reports"
S3 = "三、收到和处理政府信息公开申请情况"
S4 = "四、政府信息公开行政复议、行政诉讼情况"
S3_HEAD = "三、收到和处理政府信息公开申请情况\n自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n"
S4_HEAD = "四、政府信息公开行政复议、行政诉讼情况\n"


def _spans_exact(text, result):
    for fact in result.facts:
        assert fact.kind == "table" and fact.metric is None
        assert text[fact.value_span.start : fact.value_span.end] == fact.raw, fact
        assert fact.span.start <= fact.value_span.start <= fact.value_span.end <= fact.span.end, fact
        assert 0 <= fact.span.start < fact.span.end <= len(text), fact


def _by_key(result):
    out = {}
    for fact in result.facts:
        key = (fact.table, fact.row_path, fact.column)
        assert key not in out, f"duplicate fact {key}"
        out[key] = fact
    return out


# ---------------------------------------------------------------------------------------------
# Synthetic reports


def _load_text(path: Path) -> str:
    """The stored text: the project's loader when it exists, else a minimal local rendering
    following the loader contract (one line per table row, cells joined by " | ", merged
    cells once, on the first row they span)."""
    try:
        from assistant.ingest.loaders import load_document
    except ImportError:
        load_document = None
    if load_document is not None:
        return load_document(path).text
    if path.suffix == ".html":
        from bs4 import BeautifulSoup

        lines = []
        for element in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").body.find_all(
            ["p", "h1", "h2", "h3", "table"], recursive=False
        ):
            if element.name == "table":
                for tr in element.find_all("tr"):
                    lines.append(" | ".join(td.get_text(" ", strip=True) for td in tr.find_all(["td", "th"])))
            else:
                lines.append(element.get_text(" ", strip=True))
        return "\n".join(lines) + "\n"
    if path.suffix == ".docx":
        import docx
        from docx.oxml.ns import qn
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(str(path))
        lines = []
        for child in document.element.body.iterchildren():
            if child.tag == qn("w:p"):
                lines.append(Paragraph(child, document).text)
            elif child.tag == qn("w:tbl"):
                table = Table(child, document)
                for tr in table._tbl.tr_lst:
                    cells = []
                    for tc in tr.tc_lst:
                        if tc.vMerge == "continue":
                            continue
                        cells.append("".join(t.text or "" for t in tc.iter(qn("w:t"))).strip())
                    lines.append(" | ".join(cells))
        return "\n".join(lines) + "\n"
    return path.read_text(encoding="utf-8")


REPORTS = sorted(p for p in SYNTHETIC.glob("*") if p.suffix != ".json" and p.with_suffix(".truth.json").exists())


def test_synthetic_set_is_present():
    assert len(REPORTS) >= 12
    layouts = {json.loads(p.with_suffix(".truth.json").read_text(encoding="utf-8"))["layout"] for p in REPORTS}
    assert {"html", "md", "cells", "glued", "tabs", "spaces", "docx", "pdf"} <= layouts


def test_synthetic_set_is_what_the_generator_writes(tmp_path):
    from eval.synthetic import generate

    generate(tmp_path)
    for made in sorted(tmp_path.iterdir()):
        assert made.read_bytes() == (SYNTHETIC / made.name).read_bytes(), f"regenerate: {made.name} differs"


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_synthetic_report_matches_truth(path):
    truth = json.loads(path.with_suffix(".truth.json").read_text(encoding="utf-8"))
    text = _load_text(path)
    result = parse_national_tables(text)
    assert result.template == truth["template"]
    _spans_exact(text, result)
    found = _by_key(result)
    missing, wrong = [], []
    for expected in truth["facts"]:
        key = (expected["table"], tuple(expected["row_path"]), expected["column"])
        if key not in found:
            missing.append(key)
        elif found[key].value != expected["value"]:
            wrong.append((key, found[key].value, expected["value"], found[key].raw))
    assert not missing, missing[:5]
    assert not wrong, wrong[:5]
    assert len(found) == len(truth["facts"]), "facts the truth does not know"
    assert not [w for w in result.warnings if "expected" in w], result.warnings


# ---------------------------------------------------------------------------------------------
# Hand-written cases


def test_glued_label_and_numbers():
    text = S3_HEAD + "三、本年度办理结果\n（一）予以公开1288 21 0 0 50 3 1362\n"
    result = parse_national_tables(text)
    _spans_exact(text, result)
    row = [f for f in result.facts if f.row_path == ("三、本年度办理结果", "（一）予以公开")]
    assert [f.value for f in row] == [1288, 21, 0, 0, 50, 3, 1362]
    assert [f.column for f in row] == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    assert row[0].span.of(text) == "（一）予以公开1288 21 0 0 50 3 1362"
    assert row[0].raw == "1288" and row[0].unit == "件"


def test_glued_row_without_parent_and_labels_with_digits():
    text = S3_HEAD + (
        "予以公开1288 21 0 0 50 3 1362\n"
        "（三）不予公开\n"
        "1.属于国家秘密0 0 0 0 0 0 0\n"
        "3.危及“三安全一稳定”2 0 0 0 0 0 2\n"
    )
    found = _by_key(parse_national_tables(text))
    # the parent left out is supplied from the template wording
    assert found[(S3, ("三、本年度办理结果", "予以公开"), "总计")].value == 1362
    assert found[(S3, ("三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"), "自然人")].value == 0
    assert found[(S3, ("三、本年度办理结果", "（三）不予公开", "3.危及“三安全一稳定”"), "总计")].value == 2


def test_labels_with_digits_are_not_split():
    text = (
        "二、主动公开政府信息情况\n（不同渠道和方式公开相同信息计1条）\n第二十条第（一）项\n"
        "信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n规章0 1 2\n"
        + S3_HEAD
        + "3.危及“三安全一稳定”0 0 0 0 0 0 0\n"
    )
    result = parse_national_tables(text)
    _spans_exact(text, result)
    found = _by_key(result)
    assert found[("二、主动公开政府信息情况 › 第二十条第（一）项", ("规章",), "对外公开总数量")].value == 2
    assert found[(S3, ("三、本年度办理结果", "（三）不予公开", "3.危及“三安全一稳定”"), "总计")].value == 0
    assert not [w for w in result.warnings if "numbers without" in w], result.warnings


def test_one_cell_per_line_with_wrapped_label_and_padding():
    text = S3_HEAD + (
        "\n\t（二）部分公开（区分处理的，\n\t只计这一情形，不计其他情形）\n"
        + "".join(f"\t\u3000{v}\n" for v in (1, 0, 0, 0, 2, 0, 3))
        + "\t\u3000\n"
    )
    result = parse_national_tables(text)
    _spans_exact(text, result)
    label = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    row = [f for f in result.facts if f.row_path == ("三、本年度办理结果", label)]
    assert [f.value for f in row] == [1, 0, 0, 0, 2, 0, 3]
    assert row[0].span.of(text).startswith("（二）部分公开（区分处理的，\n")


def test_rowspan_parents_carry_over_pipe_rows():
    text = S3_HEAD.replace(" ", " | ") + (
        "三、本年度办理结果 | （一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1\n"
        "（三）不予公开 | 1.属于国家秘密 | 2 | 0 | 0 | 0 | 0 | 0 | 2\n"
        "2.其他法律行政法规禁止公开 | 3 | 0 | 0 | 0 | 0 | 0 | 3\n"
        "（四）无法提供 | 1.本机关不掌握相关政府信息 | 4 | 0 | 0 | 0 | 0 | 0 | 4\n"
        "2.没有现成信息需要另行制作 | 5 | 0 | 0 | 0 | 0 | 0 | 5\n"
    )
    result = parse_national_tables(text)
    _spans_exact(text, result)
    found = _by_key(result)
    assert found[(S3, ("三、本年度办理结果", "（三）不予公开", "2.其他法律行政法规禁止公开"), "自然人")].value == 3
    assert found[(S3, ("三、本年度办理结果", "（四）无法提供", "2.没有现成信息需要另行制作"), "总计")].value == 5
    fact = found[(S3, ("三、本年度办理结果", "（四）无法提供", "2.没有现成信息需要另行制作"), "总计")]
    assert fact.span.of(text) == "2.没有现成信息需要另行制作 | 5 | 0 | 0 | 0 | 0 | 0 | 5"


def test_section_four_bare_row_of_fifteen():
    numbers = "1 0 0 0 1 2 1 0 0 3 0 0 1 1 2"
    text = S4_HEAD + "行政复议 行政诉讼\n" + numbers + "\n五、存在的主要问题及改进情况\n无。\n"
    text = "本年新收政府信息公开申请数量\n" + text  # a new-template marker
    result = parse_national_tables(text)
    _spans_exact(text, result)
    found = _by_key(result)
    assert found[(S4, ("行政复议",), "结果维持")].value == 1
    assert found[(S4, ("行政复议",), "总计")].value == 1
    assert found[(S4, ("行政诉讼", "未经复议直接起诉"), "结果维持")].value == 2
    assert found[(S4, ("行政诉讼", "未经复议直接起诉"), "总计")].value == 3
    assert found[(S4, ("行政诉讼", "复议后起诉"), "尚未审结")].value == 1
    assert found[(S4, ("行政诉讼", "复议后起诉"), "总计")].value == 2
    assert found[(S4, ("行政复议",), "结果维持")].span.of(text) == numbers


def test_section_four_wrong_count_warns():
    # 13 numbers for 15 cells, no reading adds up: nothing is read
    text = "本年新收政府信息公开申请数量\n" + S4_HEAD + "3 0 0 0 1 2 0 0 0 0 7 0 0\n"
    result = parse_national_tables(text)
    assert not [f for f in result.facts if f.table == S4]
    assert "section 四: expected 15 numbers, found 13" in result.warnings


def test_section_four_blank_cells_are_placed_by_the_blocks_or_left_unread():
    # two blank cells left out of the printed 表四: every placement whose blocks add up is a
    # reading; the cells all readings share are read, the others are not, and a warning says so
    text = "本年新收政府信息公开申请数量\n" + S4_HEAD + "0 0 0 0 0 1 0 0 0 1 0 0 0\n"
    result = parse_national_tables(text)
    read = {(f.row_path[-1], f.column): f.value for f in result.facts if f.table == S4}
    assert read[("行政复议", "总计")] == 0 and read[("未经复议直接起诉", "结果维持")] == 1
    assert ("复议后起诉", "总计") not in read
    assert any("13 numbers for 15 cells" in w and "not read" in w for w in result.warnings), result.warnings


def _s3_2019(short_row: str) -> str:
    """A 2019-template section 三 as PDF text gives it, every row whole but （一）予以公开."""
    zero = "0 0 0 0 0 0 0"
    rows = [
        "一、本年新收政府信息公开申请数量 8 3 0 2 0 1 14",
        "二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1",
        "三、本年度办理结果",
        f"（一）予以公开 {short_row}",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 1 0 0 0 0 0 1",
        f"（三）不予公开 1.属于国家秘密 {zero}",
        f"2.其他法律行政法规禁止公开 {zero}", f"3.危及“三安全一稳定” {zero}",
        "4.保护第三方合法权益 1 0 0 0 0 0 1",
        f"5.属于三类内部事务信息 {zero}", f"6.属于四类过程性信息 {zero}",
        f"7.属于行政执法案卷 {zero}", f"8.属于行政查询事项 {zero}",
        "（四）无法提供 1.本机关不掌握相关政府信息 2 1 0 0 0 0 3",
        f"2.没有现成信息需要另行制作 {zero}", f"3.补正后申请内容仍不明确 {zero}",
        f"（五）不予处理 1.信访举报投诉类申请 {zero}", f"2.重复申请 {zero}", f"3.要求提供公开出版物 {zero}",
        f"4.无正当理由大量反复申请 {zero}", f"5.要求行政机关确认或重新出具已获取信息 {zero}",
        "（六）其他处理 0 0 0 1 0 0 1",
        "（七）总计 9 3 0 2 0 1 15",
        f"四、结转下年度继续办理 {zero}",
    ]
    return "政府信息公开工作年度报告\n" + S3_HEAD + "\n".join(rows) + "\n" + S4_HEAD


def test_a_blank_cell_the_row_cannot_place_is_placed_by_the_columns_that_must_add_up():
    # （一）予以公开 printed "5 2 1 0 1 9": the blank could stand in any column as far as the row's
    # sum goes; only 科研机构 lets every column of the results add up to （七）总计
    result = parse_national_tables(_s3_2019("5 2 1 0 1 9"))
    read = {f.column: f.value for f in result.facts if f.table == S3 and f.row_path[-1] == "（一）予以公开"}
    assert read == {"自然人": 5, "商业企业": 2, "社会公益组织": 1, "法律服务机构": 0, "其他": 1, "总计": 9}
    assert any("placed by the row's arithmetic" in w for w in result.warnings), result.warnings


def test_a_blank_cell_the_columns_cannot_place_either_is_not_read():
    # 法律服务机构 and 其他 both 0 in every other row and in （七）总计: "5 2 0 2 0 9" fits every
    # sum with the blank in either of them, so neither is read (the rest of the row is)
    text = _s3_2019("5 2 0 2 0 9").replace("（七）总计 9 3 0 2 0 1 15", "（七）总计 9 3 0 3 0 0 15")
    text = text.replace("8 3 0 2 0 1 14", "8 3 0 3 0 0 14")
    result = parse_national_tables(text)
    row = [f for f in result.facts if f.table == S3 and f.row_path[-1] == "（一）予以公开"]
    assert {f.column: f.value for f in row if f.value is not None} == {"自然人": 5, "商业企业": 2, "科研机构": 0, "社会公益组织": 2, "总计": 9}
    # the two it cannot tell are stored unread: no figure, the row's numbers as written
    assert {f.column: f.raw for f in row if f.value is None} == {"法律服务机构": "5 2 0 2 0 9", "其他": "5 2 0 2 0 9"}
    assert any("where the blanks stand is not certain" in w for w in result.warnings), result.warnings


def test_dashes_blank_fullwidth_and_thousands():
    text = S3_HEAD.replace(" ", " | ") + (
        "一、本年新收政府信息公开申请数量 | — | / | ０ | １２ |  | 1,234 | 1,246\n"
    )
    result = parse_national_tables(text)
    _spans_exact(text, result)
    row = [f for f in result.facts if f.row_path == ("一、本年新收政府信息公开申请数量",)]
    assert [f.value for f in row] == [0, 0, 0, 12, None, 1234, 1246]
    assert [f.raw for f in row] == ["—", "/", "０", "１２", "", "1,234", "1,246"]


def test_missing_column_row_warns_instead_of_guessing():
    text = S3_HEAD + "一、本年新收政府信息公开申请数量 5 1 6\n二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n"
    result = parse_national_tables(text)
    # 5 + 1 = 6: the last is the total, but which five applicant cells were blank is not known
    row = {f.column: f.value for f in result.facts if f.row_path == ("一、本年新收政府信息公开申请数量",) and f.value is not None}
    assert row == {"总计": 6}
    unread = {f.column: f.raw for f in result.facts if f.row_path == ("一、本年新收政府信息公开申请数量",) and f.value is None}
    assert unread == dict.fromkeys(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], "5 1 6")
    assert any("3 numbers for 7 columns" in w and "not read" in w for w in result.warnings), result.warnings
    assert len([f for f in result.facts if f.row_path == ("二、上年结转政府信息公开申请数量",)]) == 7


def test_three_column_header_is_used_as_written():
    text = "三、收到和处理政府信息公开申请情况\n自然人\t法人或其他组织\t总计\n一、本年新收政府信息公开申请数量\t5\t1\t6\n"
    found = _by_key(parse_national_tables(text))
    assert found[(S3, ("一、本年新收政府信息公开申请数量",), "法人或其他组织")].value == 1
    assert found[(S3, ("一、本年新收政府信息公开申请数量",), "总计")].value == 6


def test_section_two_articles_and_units():
    text = (
        "二、主动公开政府信息情况\n"
        "第二十条第（一）项\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n"
        "规章 | 0 | 0 | 3\n行政规范性文件 | 4 | 1 | 27\n"
        "第二十条第（八）项\n信息内容 | 本年收费金额（单位：万元）\n行政事业性收费 | 12.5\n"
        "三、收到和处理政府信息公开申请情况\n"
    )
    result = parse_national_tables(text)
    assert result.template == NATIONAL_2021
    _spans_exact(text, result)
    found = _by_key(result)
    art1 = "二、主动公开政府信息情况 › 第二十条第（一）项"
    assert found[(art1, ("行政规范性文件",), "现行有效件数")].value == 27
    fee = found[("二、主动公开政府信息情况 › 第二十条第（八）项", ("行政事业性收费",), "本年收费金额（单位：万元）")]
    assert fee.value == 12.5 and fee.unit == "万元"


def test_signed_change_in_2019_template():
    text = (
        "二、主动公开政府信息情况\n第二十条第（五）项\n信息内容 上一年项目数量 本年增/减 处理决定数量\n"
        "行政许可 12 -2 340\n三、收到和处理政府信息公开申请情况\n"
    )
    result = parse_national_tables(text)
    assert result.template == NATIONAL_2019
    found = _by_key(result)
    assert found[("二、主动公开政府信息情况 › 第二十条第（五）项", ("行政许可",), "本年增/减")].value == -2


@pytest.mark.parametrize("name", ["000_ea7bc199d63c6f0a.txt", "004_bcaa58b8f0f134a6.txt"])
def test_other_templates_are_not_new_template(name):
    result = parse_national_tables((SEEDS / name).read_text(encoding="utf-8"))
    assert result.template is None
    assert result.facts == ()


def test_a_narrow_table_padded_to_the_grid_width():
    text = (
        "二、主动公开政府信息情况\n"
        "第二十条第（六）项 |  |  | \n信息内容 | 本年处理决定数量 |  | \n行政处罚 | 86 |  | \n行政强制 | 0 |  | \n"
        "三、收到和处理政府信息公开申请情况\n"
    )
    result = parse_national_tables(text)
    assert [(f.row_path, f.column, f.value) for f in result.facts] == [
        (("行政处罚",), "本年处理决定数量", 86), (("行政强制",), "本年处理决定数量", 0),
    ]
    assert not [w for w in result.warnings if w.startswith("section 二")]


def test_a_cell_holding_a_group_and_its_first_item():
    text = S3_HEAD + (
        "三、本年度办理结果\n"
        "| （三）不予公开 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        "| 2.其他法律行政法规禁止公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
    )
    result = parse_national_tables(text)
    _spans_exact(text, result)
    paths = {f.row_path for f in result.facts}
    assert ("三、本年度办理结果", "（三）不予公开", "1.属于国家秘密") in paths
    assert ("三、本年度办理结果", "（三）不予公开", "2.其他法律行政法规禁止公开") in paths


def test_a_group_label_one_character_a_line_glued_to_its_first_row():
    # 清水县 2019 (text copied from its PDF): 三/、/本/年/度/办/理/结/果（一）予以公开 7 1 0 0 0 1 9,
    # （/三/）/不/予/公/开1.属于国家秘密 0 0 0 0 0 0 0
    text = S3_HEAD + (
        "一、本年新收政府信息公开申请数量 20 2 0 0 0 1 23\n"
        + "\n".join("三、本年度办理结") + "\n果（一）予以公开 7 1 0 0 0 1 9\n"
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 2 0 0 0 0 0 2\n"
        + "\n".join("（三）不予公") + "\n开1.属于国家秘密 0 0 0 0 0 0 0\n"
        "2.其他法律行政法规禁止公开 1 0 0 0 0 0 1\n"
    )
    result = parse_national_tables(text)
    _spans_exact(text, result)
    found = _by_key(result)
    assert found[(S3, ("三、本年度办理结果", "（一）予以公开"), "总计")].value == 9
    assert found[(S3, ("三、本年度办理结果", "（一）予以公开"), "自然人")].value == 7
    assert found[(S3, ("三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"), "总计")].value == 0
    assert found[(S3, ("三、本年度办理结果", "（三）不予公开", "2.其他法律行政法规禁止公开"), "总计")].value == 1


def test_a_group_label_one_character_a_line_beside_each_row():
    # a district office of heldout5 (text copied from its PDF): 三、本年度办理结果 printed down the side,
    # one character beside each row: 三5.属于三类内部事务信息, 、6.属于四类过程性信息, 本7.…, 度（四）无法提供1.…
    text = S3_HEAD + (
        "一、本年新收政府信息公开申请数量 30 0 0 0 0 0 30\n"
        "（一）予以公开 15 0 0 0 0 0 15\n"
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 2 0 0 0 0 0 2\n"
        "（三）不予公开1.属于国家秘密 0 0 0 0 0 0 0\n"
        "三5.属于三类内部事务信息 0 0 0 0 0 0 0\n"
        "、6.属于四类过程性信息 3 0 0 0 0 0 3\n"
        "本7.属于行政执法案卷 1 0 0 0 0 0 1\n"
        "年8.属于行政查询事项 0 0 0 0 0 0 0\n"
        "度（四）无法提供1.本机关不掌握相关政府信息 7 0 0 0 0 0 7\n"
        "办2.没有现成信息需要另行制作 0 0 0 0 0 0 0\n"
        "理3.补正后申请内容仍不明确 2 0 0 0 0 0 2\n"
    )
    result = parse_national_tables(text)
    _spans_exact(text, result)
    totals = {f.row_path[-1]: f.value for f in result.facts if f.column == "总计"}
    assert totals["6.属于四类过程性信息"] == 3 and totals["7.属于行政执法案卷"] == 1
    assert totals["8.属于行政查询事项"] == 0 and totals["3.补正后申请内容仍不明确"] == 2
    assert all(f.row_path[-1][0] not in "三、本年度办理" for f in result.facts), result.facts


def test_a_header_wrapped_by_the_column_width_reads_from_the_rows():
    """A PDF table without ruling lines: 社会公益组织 and 法律服务机构 wrap onto a second header
    line, and a long row label wraps under its numbers."""
    text = (
        "三、收到和处理政府信息公开申请情况\n"
        "（本列数据的勾稽关系为：第一项加第二项之和， 申请人情况\n"
        "等于第三项加第四项之和） 自然人 法人或其他组织 总计\n"
        "商业企业 科研机构 社会公益 法律服务 其他\n"
        "组织 机构\n"
        "一、本年新收政府信息公开申请数量 9 1 0 0 0 0 10\n"
        "三、本年度办理结果\n"
        "（六）其他处理 1.申请人无正当理由逾期不补正、 0 0 0 0 0 0 0\n"
        "行政机关不再处理其政府信息公开申请\n"
        "2.申请人逾期未按收费通知要求缴纳 0 0 0 0 2 0 2\n"
    )
    result = parse_national_tables(text)
    _spans_exact(text, result)
    found = _by_key(result)
    received = ("一、本年新收政府信息公开申请数量",)
    assert [found[(S3, received, column)].value for column in
            ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")] == [9, 1, 0, 0, 0, 0, 10]
    unpaid = ("三、本年度办理结果", "（六）其他处理", "2.申请人逾期未按收费通知要求缴纳")
    assert found[(S3, unpaid, "法律服务机构")].value == 2
    assert not [w for w in result.warnings if "unrecognised" in w], result.warnings


def test_header_cells_broken_by_line_breaks_name_the_template_columns():
    # <br> inside a web page's header cell leaves 商业 企业; the column is still 商业企业
    text = (
        "三、收到和处理政府信息公开申请情况\n"
        "自然人 | 法人或其他组织 | 总计\n"
        " | 商业 企业 | 科研 机构 | 社会公益 组织 | 法律服务 机构 | 其他 | \n"
        "一、本年新收政府信息公开申请数量 | 27 | 9 | 0 | 1 | 2 | 0 | 39\n"
    )
    found = _by_key(parse_national_tables(text))
    received = ("一、本年新收政府信息公开申请数量",)
    assert found[(S3, received, "商业企业")].value == 9
    assert found[(S3, received, "法律服务机构")].value == 2
