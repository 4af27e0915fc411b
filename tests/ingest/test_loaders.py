"""The file loaders, on real files written by the tests: encodings, HTML, Word, PDF, refusals."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest

from assistant.errors import (
    BinaryFile,
    EmptyFile,
    FileTooLarge,
    IngestError,
    UndecodableFile,
    UnsupportedFileType,
)
from assistant.ingest.loaders import SUPPORTED_SUFFIXES, iter_report_files, load_document, normalize_text
from tests.conftest import SEED_JUGEZHUANG, SEED_XIJI

REPORT = "西集镇2018年政府信息公开工作年度报告\n一、概述\n全年主动公开政府信息\u3000654\u3000条。\n"


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# ---------------------------------------------------------------------------------------------
# Plain text and encodings


def test_utf8_text(tmp_path):
    path = write(tmp_path, "report.txt", REPORT)
    document = load_document(path)
    assert document.text == REPORT
    assert (document.name, document.path, document.file_type, document.warnings) == (
        "report.txt",
        str(path),
        "txt",
        (),
    )


def test_markdown_is_read_as_text(tmp_path):
    document = load_document(write(tmp_path, "report.md", "# 报告\n\n| 指标 | 数 |\n"))
    assert (document.text, document.file_type) == ("# 报告\n\n| 指标 | 数 |\n", "md")


def test_utf8_bom_is_removed_without_warning(tmp_path):
    document = load_document(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + REPORT.encode("utf-8")))
    assert document.text == REPORT
    assert document.warnings == ()


def test_gbk_text(tmp_path):
    document = load_document(write(tmp_path, "gbk.txt", REPORT.encode("gbk")))
    assert document.text == REPORT
    assert document.warnings == ("decoded as GB18030",)


def test_gb18030_text_beyond_gbk(tmp_path):
    text = "申请人吉𠮷祥提出申请1件。\n"
    with pytest.raises(UnicodeEncodeError):
        text.encode("gbk")  # the four-byte GB18030 character is really needed
    document = load_document(write(tmp_path, "gb18030.txt", text.encode("gb18030")))
    assert document.text == text
    assert document.warnings == ("decoded as GB18030",)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_utf16_with_bom(tmp_path, codec):
    data = REPORT.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    document = load_document(write(tmp_path, "u16.txt", data))
    assert document.text == REPORT
    assert document.warnings == ("decoded as UTF-16",)


def test_big5_is_not_taken_for_gb18030(tmp_path):
    text = "政府信息公開工作年度報告，本年度收到申請654件，均已按時辦結。\n"
    document = load_document(write(tmp_path, "big5.txt", text.encode("big5")))
    assert document.text == text
    assert document.warnings == ("decoded as BIG5 (guessed)",)


def test_normalisation_touches_only_line_ends_bom_nul_nfc_and_full_width_digits(tmp_path):
    raw = "第一行\r\n第二行\r\t\u3000６５４\u00a0件\ufeff\r\nCafe\u0301\n１２．５万元（一）：ＡＢ\n"
    document = load_document(write(tmp_path, "mixed.txt", raw))
    # full-width digits (and a full-width point between them) read as ASCII; other full-width
    # characters, such as （）： that the templates are written with, stay as they are
    assert document.text == "第一行\n第二行\n\t\u3000654\u00a0件\nCafé\n12.5万元（一）：ＡＢ\n"
    assert normalize_text("a\x00b\ufeffc\r\r\n") == "abc\n\n"


def test_trailing_nul_padding_is_dropped(tmp_path):
    document = load_document(write(tmp_path, "padded.txt", REPORT.encode("utf-8") + b"\x00" * 64))
    assert document.text == REPORT


@pytest.mark.parametrize("seed", [SEED_XIJI, SEED_JUGEZHUANG], ids=lambda p: p.name)
def test_seed_text_is_stored_as_written(seed):
    document = load_document(seed)
    assert document.text == seed.read_bytes().decode("utf-8").replace("\r\n", "\n")
    assert document.warnings == ()


def test_seed_keeps_ideographic_space_padding():
    assert "\u3000654" in load_document(SEED_XIJI).text


# ---------------------------------------------------------------------------------------------
# HTML

HTML_REPORT = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>不应出现的标题</title>
<style>p { color: red; }</style></head>
<body>
<script>var hidden = "脚本内容";</script>
<noscript>请启用脚本</noscript>
<style>.cell { border: 1px; }</style>
<h1>星岚镇2021年政府信息公开
   工作年度报告</h1>
<!-- a comment -->
<p>一、总体情况</p>
<p>全年主动公开政府信息<b>281</b>条，
其中网站发布203条。<br>第二行&nbsp;内容</p>
<div>三、收到和处理政府信息公开申请情况</div>
<table border="1">
  <caption>表3\u3000收到和处理申请情况</caption>
  <tr><th>办理结果</th><th colspan="2">申请人情况</th><th></th><th>总计</th></tr>
  <tr><td>予以<span>公开</span></td><td>10</td><td> 2 </td><td></td><td>12</td></tr>
  <tr><td rowspan="2"><p>（三）不予</p><p>公开</p></td><td>1</td><td>0</td><td>—</td><td>1</td></tr>
  <tr><td>3</td><td>0</td><td>0</td><td>3</td></tr>
  <tr><td></td><td></td></tr>
</table>
<p>四、结转下年度继续办理</p>


<p></p><p></p>
<ul><li>联系电话：0000-5552695</li><li>地址：星岚路84号</li></ul>
</body></html>
"""

HTML_TEXT = (
    "星岚镇2021年政府信息公开 工作年度报告\n"
    "一、总体情况\n"
    "全年主动公开政府信息281条， 其中网站发布203条。\n"
    "第二行\u00a0内容\n"
    "三、收到和处理政府信息公开申请情况\n"
    "表3\u3000收到和处理申请情况\n"
    "办理结果 | 申请人情况 |  | 总计\n"
    "予以公开 | 10 | 2 |  | 12\n"
    "（三）不予 公开 | 1 | 0 | — | 1\n"
    "3 | 0 | 0 | 3\n"
    "四、结转下年度继续办理\n"
    "联系电话：0000-5552695\n"
    "地址：星岚路84号"
)


def test_html_report(tmp_path):
    document = load_document(write(tmp_path, "report.html", HTML_REPORT))
    assert document.text == HTML_TEXT
    assert document.file_type == "html"
    assert document.warnings == ()
    lines = document.text.split("\n")
    assert "予以公开 | 10 | 2 |  | 12" in lines
    for hidden in ("脚本", "color", "border", "不应出现", "请启用", "comment"):
        assert hidden not in document.text


def test_htm_with_declared_gb2312_charset(tmp_path):
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>' \
        "<body><p>镕基路收到申请6件</p><table><tr><td>按时办结</td><td>5</td></tr></table></body></html>"
    document = load_document(write(tmp_path, "gbk.htm", page.encode("gbk")))  # 镕 is GBK, not GB2312
    assert document.text == "镕基路收到申请6件\n按时办结 | 5"
    assert document.warnings == ("decoded as GB18030",)
    assert document.file_type == "html"


def test_html_without_charset_in_gbk(tmp_path):
    document = load_document(write(tmp_path, "plain.html", "<p>依申请公开</p><p>共6件</p>".encode("gbk")))
    assert document.text == "依申请公开\n共6件"
    assert document.warnings == ("decoded as GB18030",)


def test_html_layout_table_is_read_as_blocks(tmp_path):
    page = (
        "<body><table><tr><td><p>一、总体情况</p><p>全年公开281条。</p>"
        "<table><tr><td>规章</td><td>1</td></tr></table></td></tr>"
        "<tr><td>联系电话：0000-5552695</td></tr></table></body>"
    )
    assert load_document(write(tmp_path, "layout.html", page)).text == (
        "一、总体情况\n全年公开281条。\n规章 | 1\n联系电话：0000-5552695"
    )


def test_html_line_breaks_keep_at_most_one_empty_line(tmp_path):
    page = "<body>第一段<br><br><br><br>第二段<br>第三段</body>"
    assert load_document(write(tmp_path, "br.html", page)).text == "第一段\n\n第二段\n第三段"


# ---------------------------------------------------------------------------------------------
# Word


def make_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_heading("墨萤镇2020年政府信息公开工作年度报告", level=1)
    document.add_paragraph("一、总体情况")
    document.add_paragraph("全年主动公开政府信息\u3000281\u3000条。")
    table = document.add_table(rows=4, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "信息内容"  # merged across two columns
    table.cell(0, 2).text = "现行有效件数"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "规范性文件"  # merged down two rows
    table.cell(1, 1).text = "规章"
    table.cell(1, 2).text = "5"
    table.cell(2, 1).text = "行政规范性文件"
    table.cell(2, 2).text = ""  # blank: unknown
    table.cell(3, 0).text = "合计"
    cell = table.cell(3, 1)
    cell.text = "两段"
    cell.add_paragraph("说明")
    table.cell(3, 2).text = "14"
    document.add_paragraph("")
    document.add_paragraph("")
    document.add_paragraph("二、主动公开政府信息情况")
    document.save(str(path))
    return path


def test_docx_keeps_paragraph_and_table_order(tmp_path):
    document = load_document(make_docx(tmp_path / "report.docx"))
    assert document.text == (
        "墨萤镇2020年政府信息公开工作年度报告\n"
        "一、总体情况\n"
        "全年主动公开政府信息\u3000281\u3000条。\n"
        "信息内容 | 现行有效件数\n"
        "规范性文件 | 规章 | 5\n"
        "行政规范性文件 | \n"
        "合计 | 两段 说明 | 14\n"
        "\n"
        "二、主动公开政府信息情况"
    )
    assert (document.file_type, document.warnings) == ("docx", ())


def test_random_bytes_named_docx(tmp_path):
    path = write(tmp_path, "broken.docx", random.Random(7).randbytes(3000))
    with pytest.raises(IngestError) as caught:
        load_document(path)
    assert str(caught.value) == f"{path}: is not a Word .docx file (not a ZIP package)"


def test_zip_that_is_not_a_word_package(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "not a document")
    path = write(tmp_path, "fake.docx", buffer.getvalue())
    with pytest.raises(IngestError) as caught:
        load_document(path)
    assert caught.value.reason.startswith("is not a readable Word .docx file (")
    assert "Traceback" not in str(caught.value)


def test_old_word_file_renamed_docx(tmp_path):
    path = write(tmp_path, "old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(IngestError, match=r"old Word \.doc file: save it as \.docx"):
        load_document(path)


# ---------------------------------------------------------------------------------------------
# PDF


def make_pdf(path: Path, *, with_text: bool = True) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    width, height = A4
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setFont("STSong-Light", 12)
    if with_text:
        pdf.drawString(72, height - 72, "西集镇2019年政府信息公开工作年度报告")
        pdf.drawString(72, height - 100, "一、总体情况")
    rows = [["信息内容", "本年制发件数", "现行有效件数"], ["规章", "3", ""], ["行政规范性文件", "12", "40"]]
    top, row_height, xs = height - 140, 24, [72, 222, 342, 462]
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            if with_text:
                pdf.drawString(xs[j] + 4, top - (i + 1) * row_height + 8, text)
    for i in range(len(rows) + 1):
        pdf.line(xs[0], top - i * row_height, xs[-1], top - i * row_height)
    for x in xs:
        pdf.line(x, top, x, top - len(rows) * row_height)
    if with_text:
        pdf.drawString(72, top - len(rows) * row_height - 30, "二、主动公开政府信息情况")
    pdf.showPage()
    pdf.setFont("STSong-Light", 12)
    if with_text:
        pdf.drawString(72, height - 72, "联系电话：0000-5552695")
    pdf.rect(72, 300, 100, 100)
    pdf.save()
    return path


def test_pdf_text_and_table(tmp_path):
    document = load_document(make_pdf(tmp_path / "report.pdf"))
    assert document.text == (
        "西集镇2019年政府信息公开工作年度报告\n"
        "一、总体情况\n"
        "信息内容 | 本年制发件数 | 现行有效件数\n"
        "规章 | 3 | \n"
        "行政规范性文件 | 12 | 40\n"
        "二、主动公开政府信息情况\n"
        "联系电话：0000-5552695"
    )
    assert (document.file_type, document.warnings) == ("pdf", ())


def test_pdf_without_text_layer(tmp_path):
    path = make_pdf(tmp_path / "scan.pdf", with_text=False)
    with pytest.raises(EmptyFile) as caught:
        load_document(path)
    assert caught.value.reason == "has no text layer (a scanned PDF?); OCR is not supported"


def test_random_bytes_named_pdf(tmp_path):
    path = write(tmp_path, "broken.pdf", random.Random(3).randbytes(3000))
    with pytest.raises(IngestError) as caught:
        load_document(path)
    assert caught.value.reason == "is not a PDF file (no %PDF header)"


def test_truncated_pdf(tmp_path):
    whole = make_pdf(tmp_path / "whole.pdf").read_bytes()
    path = write(tmp_path, "truncated.pdf", whole[: len(whole) // 2])
    with pytest.raises(IngestError) as caught:
        load_document(path)
    assert type(caught.value) is IngestError
    assert caught.value.reason.startswith("is not a readable PDF file (PdfminerException: ")


# ---------------------------------------------------------------------------------------------
# Refusals


def test_empty_file(tmp_path):
    path = write(tmp_path, "empty.txt", b"")
    with pytest.raises(EmptyFile) as caught:
        load_document(path)
    assert str(caught.value) == f"{path}: is empty (0 bytes)"


def test_whitespace_only_file(tmp_path):
    path = write(tmp_path, "blank.md", " \n\t\r\n\u3000\u00a0\n")
    with pytest.raises(EmptyFile) as caught:
        load_document(path)
    assert caught.value.reason == "contains no text, only whitespace"


def test_html_with_only_markup_is_empty(tmp_path):
    with pytest.raises(EmptyFile):
        load_document(write(tmp_path, "blank.html", "<html><head><title>标题</title></head><body> <p></p></body></html>"))


def test_binary_junk_named_txt(tmp_path):
    path = write(tmp_path, "junk.txt", bytes(range(1, 256)) * 4)
    with pytest.raises(BinaryFile) as caught:
        load_document(path)
    assert caught.value.reason == "is mostly control bytes: it looks like a binary file, not text"


def test_random_bytes_named_txt(tmp_path):
    path = write(tmp_path, "random.txt", random.Random(11).randbytes(4096))
    with pytest.raises(BinaryFile, match="binary file, not text"):
        load_document(path)


def test_nul_bytes_inside_text(tmp_path):
    path = write(tmp_path, "nul.txt", "收到申请\x006件".encode("utf-8"))
    with pytest.raises(BinaryFile) as caught:
        load_document(path)
    assert caught.value.reason == "contains NUL bytes: it looks like a binary file, not text"


def test_png_renamed_txt(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100)
    path = write(tmp_path, "picture.txt", png)
    with pytest.raises(BinaryFile) as caught:
        load_document(path)
    assert str(caught.value) == f"{path}: is a PNG image, not a text file"


def test_undecodable_text(tmp_path):
    rng = random.Random(1)
    path = write(tmp_path, "odd.txt", bytes(rng.randrange(0x80, 0x100) for _ in range(600)))
    with pytest.raises(UndecodableFile) as caught:
        load_document(path)
    assert caught.value.reason == (
        "is neither UTF-8 nor GB18030/GBK text and its encoding could not be detected"
    )


def test_unsupported_type(tmp_path):
    path = write(tmp_path, "stats.xls", b"\xd0\xcf\x11\xe0")
    with pytest.raises(UnsupportedFileType) as caught:
        load_document(path)
    assert str(caught.value) == (
        f"{path}: unsupported file type '.xls'; supported types are .txt, .md, .html, .htm, .docx, .pdf"
    )


def test_file_without_suffix(tmp_path):
    with pytest.raises(UnsupportedFileType, match="unsupported file type without a suffix"):
        load_document(write(tmp_path, "README", "text"))


def test_suffix_case_is_ignored(tmp_path):
    assert load_document(write(tmp_path, "REPORT.TXT", REPORT)).text == REPORT


def test_too_large(tmp_path):
    path = write(tmp_path, "big.txt", "x" * 27)
    with pytest.raises(FileTooLarge) as caught:
        load_document(path, max_bytes=10)
    assert caught.value.reason == "is 27 bytes, larger than the limit of 10 bytes"
    assert load_document(path, max_bytes=27).text == "x" * 27


def test_too_large_in_mebibytes(tmp_path):
    path = write(tmp_path, "big.txt", b"a" * (3 * 1024 * 1024))
    with pytest.raises(FileTooLarge) as caught:
        load_document(path, max_bytes=2 * 1024 * 1024)
    assert caught.value.reason == (
        "is 3.0 MiB (3,145,728 bytes), larger than the limit of 2.0 MiB (2,097,152 bytes)"
    )


def test_missing_file(tmp_path):
    with pytest.raises(IngestError) as caught:
        load_document(tmp_path / "gone.txt")
    assert caught.value.reason == "no such file"


# ---------------------------------------------------------------------------------------------
# Finding files


def test_iter_report_files_walks_folders(tmp_path):
    root = tmp_path / "reports"
    for name in [
        "b.txt",
        "a.HTML",
        "notes.xls",
        ".hidden.txt",
        "~$draft.docx",
        "2019/z.pdf",
        "2019/a.docx",
        "2019/.cache/x.txt",
        ".git/c.txt",
        "2018/deep/report.md",
        "2018/page.htm",
    ]:
        write(root, name, "x")
    found = iter_report_files([root])
    assert [p.relative_to(root).as_posix() for p in found] == [
        "2018/deep/report.md",
        "2018/page.htm",
        "2019/a.docx",
        "2019/z.pdf",
        "a.HTML",
        "b.txt",
    ]
    assert iter_report_files([root]) == found


def test_iter_report_files_keeps_named_files(tmp_path):
    xls = write(tmp_path, "stats.xls", "x")
    hidden = write(tmp_path, ".named.txt", "x")
    txt = write(tmp_path, "sub/r.txt", "x")
    assert iter_report_files([xls, str(hidden), tmp_path / "sub", txt]) == [xls, hidden, txt]


def test_iter_report_files_missing_path(tmp_path):
    with pytest.raises(IngestError) as caught:
        iter_report_files([tmp_path / "nowhere"])
    assert str(caught.value) == f"{tmp_path / 'nowhere'}: no such file or folder"


def test_supported_suffixes():
    assert SUPPORTED_SUFFIXES == (".txt", ".md", ".html", ".htm", ".docx", ".pdf")


def test_pdf_lines_wrapped_by_the_page_width_are_joined(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "wrapped.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setFont("STSong-Light", 12)
    lines = [  # x, text: the first line of a paragraph is indented two characters
        (96, "五、存在的主要问题及改进情况"),
        (96, "改进措施：落实专人负责网站栏目更新，建立信息发布台账，2023年计划"),
        (72, "开展政务公开培训3次，进一步提升工作人员的业务能力和服务水平。"),
        (96, "本年度未收取信息处理费。"),
        # a line the width broke right before a figure (溧阳市城市管理局 2025, PDF: 回复各类信访事项 / 1358起)
        (96, "全年公示行政许可1097件、一般程序行政处罚60件，回复各类信访事项"),
        (72, "1358起，未发生行政复议案件。"),
    ]
    for row, (x, text) in enumerate(lines):
        pdf.drawString(x, 800 - 20 * row, text)
    pdf.save()
    assert load_document(path).text.split("\n") == [
        "五、存在的主要问题及改进情况",
        "改进措施：落实专人负责网站栏目更新，建立信息发布台账，2023年计划开展政务公开培训3次，进一步提升工作人员的业务能力和服务水平。",
        "本年度未收取信息处理费。",
        "全年公示行政许可1097件、一般程序行政处罚60件，回复各类信访事项1358起，未发生行政复议案件。",
    ]
