"""Synthetic national-template annual reports with every cell's truth, in every layout a user ingests.

Run from the repository root::

    python -m eval.table_reports            # writes eval/tables/
    python -m eval.table_reports --no-pdf   # keep the committed PDFs, re-extract their text
    python -m eval.table_reports --force-pdf

Twelve reports (8 in the 2021 national template, 4 in the 2019 one) of invented bodies, with seeded
random figures that satisfy the templates' identities (勾稽关系). Each report is written as:

- ``docx/``     Word, tables built from the cells of ``../shared/templates/national-2021-template.docx``
                (real ``gridSpan``/``vMerge`` merges, the template's borders, fonts and row heights);
- ``pdf/``      LibreOffice's PDF of the Word file (only where ``soffice`` exists; otherwise the
                committed PDFs are kept);
- ``pypdf/``    ``pypdf`` ``extract_text()`` of every page, joined with newlines;
- ``plumber/``  ``pdfplumber`` ``page.extract_text()`` of every page, joined with newlines;
- ``web/``      the report as a published web page (``<table>`` with rowspan/colspan);
- ``webtext/pipes_repeat/``, ``webtext/pipes_empty/``, ``webtext/cells/``: text copied from web pages;
- ``truth/``    ``<name>.json``: body, region, year, template and every table cell's value.

Every file is byte-for-byte deterministic for a given LibreOffice version (the PDFs' creation date
and file id are overwritten with fixed values of the same length). A PDF is only rebuilt when its
Word file changed (``pdf-sources.json`` keeps the Word files' hashes) or with ``--force-pdf``.
Every file states that it is test data. The generator asserts the identities on every truth file
and reads every value back from the Word tables before it finishes.
"""
from __future__ import annotations

import argparse
import copy
import datetime
import hashlib
import html
import io
import json
import random
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT.parent / "shared" / "templates" / "national-2021-template.docx"
OUT = ROOT / "eval" / "tables"
LAYOUTS = ("docx", "pdf", "pypdf", "plumber", "web",
           "webtext/pipes_repeat", "webtext/pipes_empty", "webtext/cells")
TEST_NOTE = "注：本文件为评测用合成数据（测试数据），机构名称、地址、电话和全部数字均为虚构。"
FIXED_ZIP_DATE = (2024, 1, 1, 0, 0, 0)

# --------------------------------------------------------------------------- template labels

APPLICANTS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
REQ_COLUMNS = APPLICANTS + ["总计"]
REQ_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
R_NEW = "一、本年新收政府信息公开申请数量"
R_PREV = "二、上年结转政府信息公开申请数量"
R_GROUP = "三、本年度办理结果"
R_OPEN = "（一）予以公开"
R_PART = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
R_TOTAL = "（七）总计"
R_NEXT = "四、结转下年度继续办理"
WITHHELD = ("（三）不予公开", ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
                          "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
                          "7.属于行政执法案卷", "8.属于行政查询事项"])
UNABLE = ("（四）无法提供", ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"])
NOT_PROCESSED = ("（五）不予处理", ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物",
                                "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息"])
OTHER_2021 = ("（六）其他处理", ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                             "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                             "3.其他"])
OTHER_2019 = "（六）其他处理"


def outcome_groups(template: str) -> list[tuple[str, list[str]]]:
    """The 办理结果 groups in template order; a group without items is one row of its own."""
    other = OTHER_2021 if template == "2021" else (OTHER_2019, [])
    return [(R_OPEN, []), (R_PART, []), WITHHELD, UNABLE, NOT_PROCESSED, other]


def outcome_rows(template: str) -> list[str]:
    """Truth labels of the leaves of 三、本年度办理结果 (without （七）总计)."""
    rows = []
    for group, items in outcome_groups(template):
        rows += [f"{group}/{item}" for item in items] if items else [group]
    return rows


def request_rows(template: str) -> list[str]:
    return [R_NEW, R_PREV, *outcome_rows(template), R_TOTAL, R_NEXT]


REVIEW_BLOCKS = ["行政复议", "行政诉讼/未经复议直接起诉", "行政诉讼/复议后起诉"]
REVIEW_RESULTS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
REVIEW_COLUMNS = [f"{b}/{r}" for b in REVIEW_BLOCKS for r in REVIEW_RESULTS]
REVIEW_ROW = ""  # 表四 has one row of figures and no row label

S2_2021 = [  # (article, header columns, [(row, truth columns)])
    ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"],
     [("规章", ["本年制发", "本年废止", "现行有效"]), ("行政规范性文件", ["本年制发", "本年废止", "现行有效"])]),
    ("第二十条第（五）项", ["本年处理决定数量"], [("行政许可", ["本年处理决定数量"])]),
    ("第二十条第（六）项", ["本年处理决定数量"],
     [("行政处罚", ["本年处理决定数量"]), ("行政强制", ["本年处理决定数量"])]),
    ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("行政事业性收费", ["本年收费金额（万元）"])]),
]
C19_MGMT = ["上一年项目数量", "本年增/减", "处理决定数量"]
S2_2019 = [
    ("第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
     [("规章", ["本年新制作数量", "本年新公开数量", "对外公开总数量"]),
      ("规范性文件", ["本年新制作数量", "本年新公开数量", "对外公开总数量"])]),
    ("第二十条第（五）项", C19_MGMT, [("行政许可", C19_MGMT), ("其他对外管理服务事项", C19_MGMT)]),
    ("第二十条第（六）项", C19_MGMT, [("行政处罚", C19_MGMT), ("行政强制", C19_MGMT)]),
    ("第二十条第（八）项", ["上一年项目数量", "本年增/减", ""], [("行政事业性收费", ["上一年项目数量", "本年增/减"])]),
    ("第二十条第（九）项", ["采购项目数量", "采购总金额"], [("政府集中采购", ["采购项目数量", "采购总金额"])]),
]

# --------------------------------------------------------------------------- the twelve reports


@dataclass(frozen=True)
class Spec:
    name: str
    template: str          # "2021" or "2019"
    year: int
    body: str              # the body as it names itself
    region: str            # the region chain written before it in the title ("" when none)
    title_region: bool     # whether the title carries the region
    kind: str              # town, street, office, dept
    scale: str             # zero, small, medium, large
    widths: str            # request-table column widths: template, narrow, tight
    header: bool           # page header with the report title
    footer: str            # "-N-", "第N页", "N/M"
    repeat_header: bool    # request-table header rows repeat on each page
    html_style: str        # plain, br, nested, furniture
    prose: int             # paragraphs of 总体情况 (moves the page breaks)
    blanks: str = ""       # "", "total_column", "org_columns"
    cells_style: str = "blank"  # webtext/cells: blank, bar (cell | per line), ideographic (U+3000 padding)
    fuse: bool = False     # 表四 figures set flush against each other (no cell margins, alternating alignment)
    address: str = ""


SPECS = [
    Spec("t21_yunwan_2021", "2021", 2021, "云湾镇人民政府", "某省岚州市青岫区", True, "town", "small",
         "narrow", False, "-N-", False, "br", 3, address="某省岚州市青岫区云湾镇兴湾路18号"),
    Spec("t21_bolin_2022", "2021", 2022, "柏林街道办事处", "岚州市青岫区", True, "street", "small",
         "tight", True, "-N-", False, "nested", 5, cells_style="ideographic",
         address="岚州市青岫区柏林路203号"),
    Spec("t21_xitong_weijian_2021", "2021", 2021, "溪桐县卫生健康局", "某省澄湖市", False, "dept", "medium",
         "template", False, "第N页", True, "plain", 4, fuse=True, address="某省澄湖市溪桐县康宁街66号"),
    Spec("t21_chenghu_ziran_2023", "2021", 2023, "澄湖市自然资源和规划局", "某省", False, "dept", "large",
         "narrow", True, "-N-", True, "furniture", 6, address="某省澄湖市望湖大道1号"),
    Spec("t21_heting_zfb_2022", "2021", 2022, "鹤汀区人民政府办公室", "岚州市", True, "office", "large",
         "tight", False, "-N-", False, "br", 2, blanks="total_column", address="岚州市鹤汀区行政中心3号楼"),
    Spec("t21_shimen_2024", "2021", 2024, "石门乡人民政府", "澄湖市临渊县", True, "town", "zero",
         "narrow", False, "N/M", False, "plain", 1, fuse=True, address="澄湖市临渊县石门乡石门街1号"),
    Spec("t21_xitong_shichang_2023", "2021", 2023, "溪桐县市场监督管理局", "某省澄湖市", False, "dept", "medium",
         "tight", True, "第N页", False, "nested", 3, cells_style="bar", address="某省澄湖市溪桐县建设路88号"),
    Spec("t21_heting_renshe_2024", "2021", 2024, "鹤汀区人力资源和社会保障局", "岚州市", True, "dept", "medium",
         "template", False, "-N-", False, "br", 4, address="岚州市鹤汀区人民路120号"),
    Spec("t19_yunwan_2020", "2019", 2020, "云湾镇人民政府", "某省岚州市青岫区", True, "town", "small",
         "narrow", False, "-N-", False, "plain", 2, cells_style="bar", address="某省岚州市青岫区云湾镇兴湾路18号"),
    Spec("t19_chenghu_ziran_2019", "2019", 2019, "澄湖市自然资源和规划局", "某省", False, "dept", "large",
         "tight", True, "第N页", False, "furniture", 4, fuse=True, address="某省澄湖市望湖大道1号"),
    Spec("t19_xitong_jiaoyu_2020", "2019", 2020, "溪桐县教育局", "某省澄湖市", False, "dept", "medium",
         "narrow", False, "-N-", True, "nested", 3, blanks="org_columns", address="某省澄湖市溪桐县学府路9号"),
    Spec("t19_wangjiang_2019", "2019", 2019, "望江街道办事处", "岚州市鹤汀区", True, "street", "small",
         "template", True, "-N-", False, "br", 2, cells_style="ideographic", address="岚州市鹤汀区望江路56号"),
]

# --------------------------------------------------------------------------- figures


def _split(rng: random.Random, total: int, weights: list[float]) -> list[int]:
    out = [0] * len(weights)
    for _ in range(total):
        out[rng.choices(range(len(weights)), weights)[0]] += 1
    return out


def _outcome_weights(template: str) -> list[float]:
    w = [0.36, 0.08,
         0.004, 0.01, 0.004, 0.02, 0.01, 0.02, 0.006, 0.02,
         0.24, 0.04, 0.02,
         0.04, 0.03, 0.01, 0.004, 0.01]
    return w + ([0.04, 0.004, 0.05] if template == "2021" else [0.09])


def make_figures(spec: Spec) -> dict:
    """All values of one report, keyed (table, row, column); every identity holds here."""
    rng = random.Random(f"table-reports/{spec.name}")
    v: dict[tuple[str, str, str], object] = {}
    # --- requests
    resolved_total = {"zero": 0, "small": rng.choice([2, 3, 5, 6]), "medium": rng.randint(18, 60),
                      "large": rng.randint(260, 640)}[spec.scale]
    col_w = [0.74, 0.12, 0.012, 0.025, 0.07, 0.033]
    per_col = _split(rng, resolved_total, col_w)
    outs = outcome_rows(spec.template)
    weights = _outcome_weights(spec.template)
    rows = request_rows(spec.template)
    for c, col in enumerate(APPLICANTS):
        t = per_col[c]
        leaves = _split(rng, t, weights)
        if spec.scale == "large":
            carry_next = rng.randint(0, max(1, t // 12))
            carried = rng.randint(0, max(1, t // 15))
        elif spec.scale == "zero":
            carry_next = carried = 0
        else:
            carry_next = rng.choice([0, 0, 0, 1]) if t else 0
            carried = rng.choice([0, 0, 0, 1])
        carried = min(carried, t + carry_next)
        new = t + carry_next - carried
        v[("requests", R_NEW, col)] = new
        v[("requests", R_PREV, col)] = carried
        for row, n in zip(outs, leaves):
            v[("requests", row, col)] = n
        v[("requests", R_TOTAL, col)] = t
        v[("requests", R_NEXT, col)] = carry_next
    for row in rows:
        v[("requests", row, "总计")] = sum(v[("requests", row, c)] for c in APPLICANTS)
    # --- review / litigation
    hi = {"zero": 0, "small": 1, "medium": 4, "large": 18}[spec.scale]
    for b, block in enumerate(REVIEW_BLOCKS):
        top = hi if b == 0 else hi // 2
        parts = [rng.randint(0, top) if rng.random() < 0.7 else 0 for _ in range(4)]
        for r, n in zip(REVIEW_RESULTS[:4], parts):
            v[("review", REVIEW_ROW, f"{block}/{r}")] = n
        v[("review", REVIEW_ROW, f"{block}/总计")] = sum(parts)
    # --- section 二
    big = spec.scale == "large"
    permits = {"town": rng.randint(0, 30), "street": rng.randint(0, 12), "office": 0,
               "dept": rng.randint(40, 900)}[spec.kind]
    penalties = {"town": rng.choice([0, 0, 3, 12]), "street": rng.choice([0, 2, 7]), "office": 0,
                 "dept": rng.randint(5, 420)}[spec.kind]
    forced = rng.choice([0, 0, 0, 1, 4]) if spec.kind == "dept" else 0
    has_rules = spec.kind == "office" or (spec.kind == "dept" and big)
    if spec.template == "2021":
        made = rng.randint(0, 3) if has_rules and spec.kind == "office" else 0
        v[("section2", "规章", "本年制发")] = made
        v[("section2", "规章", "本年废止")] = rng.choice([0, 1]) if made else 0
        v[("section2", "规章", "现行有效")] = made + rng.randint(0, 25) if spec.kind == "office" else 0
        nf = rng.randint(0, 6) if spec.kind != "town" or rng.random() < 0.4 else 0
        v[("section2", "行政规范性文件", "本年制发")] = nf
        v[("section2", "行政规范性文件", "本年废止")] = rng.randint(0, 3)
        v[("section2", "行政规范性文件", "现行有效")] = nf + rng.randint(0, 40)
        v[("section2", "行政许可", "本年处理决定数量")] = permits
        v[("section2", "行政处罚", "本年处理决定数量")] = penalties
        v[("section2", "行政强制", "本年处理决定数量")] = forced
        fee = rng.choice([0, 0, round(rng.uniform(0.5, 380), 2)]) if spec.kind == "dept" else 0
        v[("section2", "行政事业性收费", "本年收费金额（万元）")] = fee
    else:
        for row in ("规章", "规范性文件"):
            made = (rng.randint(0, 5) if row == "规范性文件" else 0)
            v[("section2", row, "本年新制作数量")] = made
            v[("section2", row, "本年新公开数量")] = made
            v[("section2", row, "对外公开总数量")] = made + (rng.randint(0, 30) if row == "规范性文件" else 0)
        for row, n in (("行政许可", permits), ("其他对外管理服务事项", rng.randint(0, 60)),
                       ("行政处罚", penalties), ("行政强制", forced)):
            prev = rng.randint(0, 40) if spec.kind == "dept" else rng.randint(0, 8)
            prev = max(prev, 1) if n else prev      # decisions need at least one listed item
            v[("section2", row, "上一年项目数量")] = prev
            v[("section2", row, "本年增/减")] = rng.choice([0, 0, 1, 2, -1, -3]) if prev else 0
            v[("section2", row, "处理决定数量")] = n
        v[("section2", "行政事业性收费", "上一年项目数量")] = rng.randint(0, 6) if spec.kind == "dept" else 0
        v[("section2", "行政事业性收费", "本年增/减")] = rng.choice([0, 0, -1]) if v[
            ("section2", "行政事业性收费", "上一年项目数量")] else 0
        k = rng.randint(0, 14)
        v[("section2", "政府集中采购", "采购项目数量")] = k
        v[("section2", "政府集中采购", "采购总金额")] = round(rng.uniform(3, 900), 4) if k else 0
    check_identities(spec.template, v, spec.name)
    return v


def apply_blanks(spec: Spec, values: dict) -> dict:
    """The values as the Word table shows them: cells left blank by the body become None."""
    shown = dict(values)
    if spec.blanks == "total_column":   # only the two rows a reader most needs keep their 总计
        for row in request_rows(spec.template):
            if row not in (R_NEW, R_TOTAL):
                shown[("requests", row, "总计")] = None
        shown[("section2", "规章", "现行有效")] = None
    elif spec.blanks == "org_columns":  # columns of applicants that never applied left empty
        for row in request_rows(spec.template):
            for col in ("科研机构", "法律服务机构"):
                if values[("requests", row, col)] == 0:
                    shown[("requests", row, col)] = None
        shown[("section2", "行政事业性收费", "上一年项目数量")] = None
        shown[("section2", "行政事业性收费", "本年增/减")] = None
        shown[("review", REVIEW_ROW, "行政诉讼/复议后起诉/尚未审结")] = None
    return shown


class IdentityError(AssertionError):
    pass


def check_identities(template: str, v: dict, where: str) -> None:
    """Assert the template's identities; a term that is None (blank cell) skips that identity."""
    def get(t, r, c):
        return v[(t, r, c)]

    def holds(total, parts, what):
        if total is None or any(p is None for p in parts):
            return
        if total != sum(parts):
            raise IdentityError(f"{where}: {what}: {total} != {' + '.join(map(str, parts))}")

    rows = request_rows(template)
    for row in rows:
        holds(get("requests", row, "总计"), [get("requests", row, c) for c in APPLICANTS], f"row {row} 总计")
    for col in REQ_COLUMNS:
        holds(get("requests", R_TOTAL, col), [get("requests", r, col) for r in outcome_rows(template)],
              f"column {col} （七）总计")
        a, b, c, d = (get("requests", r, col) for r in (R_NEW, R_PREV, R_TOTAL, R_NEXT))
        if None not in (a, b, c, d) and a + b != c + d:
            raise IdentityError(f"{where}: column {col}: 一+二 {a}+{b} != 三+四 {c}+{d}")
    for block in REVIEW_BLOCKS:
        holds(get("review", REVIEW_ROW, f"{block}/总计"),
              [get("review", REVIEW_ROW, f"{block}/{r}") for r in REVIEW_RESULTS[:4]], f"{block} 总计")


def check_truth_file(path: Path) -> None:
    """Re-read a written truth file and assert its identities and completeness."""
    truth = json.loads(path.read_text(encoding="utf-8"))
    v = {(c["table"], c["row"], c["column"]): c["value"] for c in truth["cells"]}
    if len(v) != len(truth["cells"]):
        raise IdentityError(f"{path}: duplicate cells")
    expected = {("requests", r, c) for r in request_rows(truth["template"]) for c in REQ_COLUMNS}
    expected |= {("review", REVIEW_ROW, c) for c in REVIEW_COLUMNS}
    for _, _, rows in (S2_2021 if truth["template"] == "2021" else S2_2019):
        expected |= {("section2", r, c) for r, cols in rows for c in cols}
    if set(v) != expected:
        raise IdentityError(f"{path}: cells differ from the template: {sorted(set(v) ^ expected)[:5]}")
    check_identities(truth["template"], v, str(path))


# --------------------------------------------------------------------------- table models


@dataclass
class Cell:
    text: str                       # display text; "\n" is a line break inside the cell
    rs: int = 1
    cs: int = 1
    kind: str = "label"             # head, label, value, note
    key: tuple | None = None        # truth key of a value cell
    align: str = "center"


@dataclass
class TableModel:
    ident: str                      # section2, requests, review
    widths: list[int]               # grid column widths (twips)
    rows: list[list[Cell]] = field(default_factory=list)
    header_rows: int = 0

    def placed(self) -> list[list[tuple[int, Cell]]]:
        """Rows of (grid column, cell), laid out the way HTML lays out rowspan/colspan."""
        taken: set[tuple[int, int]] = set()
        out = []
        for r, row in enumerate(self.rows):
            g, placed = 0, []
            for cell in row:
                while (r, g) in taken:
                    g += 1
                placed.append((g, cell))
                for dr in range(cell.rs):
                    for dc in range(cell.cs):
                        taken.add((r + dr, g + dc))
                g += cell.cs
            out.append(placed)
        return out

    def grid(self) -> list[list[tuple[Cell, bool]]]:
        """Every grid position: (the cell covering it, whether it is the cell's anchor)."""
        n = len(self.widths)
        g = [[None] * n for _ in self.rows]
        for r, row in enumerate(self.placed()):
            for c, cell in row:
                for dr in range(cell.rs):
                    for dc in range(cell.cs):
                        g[r + dr][c + dc] = (cell, dr == 0 and dc == 0)
        for r, row in enumerate(g):
            if any(x is None for x in row):
                raise ValueError(f"{self.ident}: row {r} does not fill the grid")
        return g


def fmt_value(key: tuple, value) -> str:
    if value is None:
        return ""
    if key[2] == "本年增/减" and value > 0:
        return f"+{value}"
    if isinstance(value, float):
        return f"{value:.4f}" if key[2] == "采购总金额" else f"{value:.2f}"
    return str(value)


def section2_model(template: str, shown: dict) -> TableModel:
    m = TableModel("section2", [2435] * 4)
    for article, heads, rows in (S2_2021 if template == "2021" else S2_2019):
        m.rows.append([Cell(article, cs=4, kind="head", align="left")])
        if len(heads) == 1:
            m.rows.append([Cell("信息内容", kind="head"), Cell(heads[0], cs=3, kind="head")])
        elif len(heads) == 2:
            m.rows.append([Cell("信息内容", kind="head"), Cell(heads[0], kind="head"),
                           Cell(heads[1], cs=2, kind="head")])
        else:
            m.rows.append([Cell("信息内容", kind="head")] + [Cell(h, kind="head") for h in heads])
        for label, cols in rows:
            cells = [Cell(label)]
            for i, col in enumerate(cols):
                key = ("section2", label, col)
                span = 3 if len(heads) == 1 else 2 if len(heads) == 2 and i == 1 else 1
                cells.append(Cell(fmt_value(key, shown[key]), cs=span, kind="value", key=key))
            if len(heads) == 3 and len(cols) == 2:
                cells.append(Cell("", kind="label"))     # the 第（八）项 row's unused fourth cell
            m.rows.append(cells)
    return m


REQ_WIDTHS = {
    "template": [754, 921, 3271] + [685] * 7,   # the template's own grid
    "narrow": [400, 640, 2300] + [915] * 7,      # label columns one or two characters wide
    "tight": [520, 760, 1960] + [930] * 7,
}


def requests_model(template: str, shown: dict, widths: str) -> TableModel:
    m = TableModel("requests", REQ_WIDTHS[widths], header_rows=3)
    m.rows.append([Cell(REQ_NOTE, rs=3, cs=3, kind="note"), Cell("申请人情况", cs=7, kind="head")])
    m.rows.append([Cell("自然人", rs=2, kind="head"), Cell("法人或其他组织", cs=5, kind="head"),
                   Cell("总计", rs=2, kind="head")])
    m.rows.append([Cell(t, kind="head") for t in ("商业\n企业", "科研\n机构", "社会公益组织", "法律服务机构", "其他")])

    def values(row):
        return [Cell(fmt_value(("requests", row, c), shown[("requests", row, c)]), kind="value",
                     key=("requests", row, c)) for c in REQ_COLUMNS]

    m.rows.append([Cell(R_NEW, cs=3, align="left")] + values(R_NEW))
    m.rows.append([Cell(R_PREV, cs=3, align="left")] + values(R_PREV))
    groups = outcome_groups(template)
    group_rows = sum(len(items) or 1 for _, items in groups) + 1
    first = True
    for group, items in groups:
        lead = [Cell(R_GROUP, rs=group_rows)] if first else []
        first = False
        if not items:
            m.rows.append(lead + [Cell(group, cs=2, align="left")] + values(group))
            continue
        for i, item in enumerate(items):
            head = [Cell(group, rs=len(items), align="left")] if i == 0 else []
            m.rows.append(lead + head + [Cell(item, align="left")] + values(f"{group}/{item}"))
            lead = []
    m.rows.append([Cell(R_TOTAL, cs=2, align="left")] + values(R_TOTAL))
    m.rows.append([Cell(R_NEXT, cs=3, align="left")] + values(R_NEXT))
    return m


def review_model(shown: dict) -> TableModel:
    m = TableModel("review", [649] * 7 + [650] * 8, header_rows=3)
    m.rows.append([Cell("行政复议", cs=5, kind="head"), Cell("行政诉讼", cs=10, kind="head")])
    m.rows.append([Cell("结果维持", rs=2, kind="head"), Cell("结果\n纠正", rs=2, kind="head"),
                   Cell("其他\n结果", rs=2, kind="head"), Cell("尚未\n审结", rs=2, kind="head"),
                   Cell("总计", rs=2, kind="head"), Cell("未经复议直接起诉", cs=5, kind="head"),
                   Cell("复议后起诉", cs=5, kind="head")])
    m.rows.append([Cell(t, kind="head") for t in ["结果\n维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计"] * 2])
    m.rows.append([Cell(fmt_value(("review", REVIEW_ROW, c), shown[("review", REVIEW_ROW, c)]), kind="value",
                        key=("review", REVIEW_ROW, c)) for c in REVIEW_COLUMNS])
    return m


# --------------------------------------------------------------------------- prose


def office_of(spec: Spec) -> str:
    return {"town": "党政综合办公室", "street": "党工委办公室", "office": "政务公开科",
            "dept": "办公室"}[spec.kind]


def we(spec: Spec) -> str:
    return {"town": "我镇" if "镇" in spec.body else "我乡", "street": "我街道", "office": "我办",
            "dept": "我局"}[spec.kind]


def full_name(spec: Spec) -> str:
    return (spec.region if spec.title_region else "") + spec.body


def title_of(spec: Spec) -> str:
    year = f"{spec.year}年度" if spec.year % 2 else f"{spec.year}年"
    return f"{full_name(spec)}{year}政府信息公开工作年度报告"


def contact(spec: Spec, rng: random.Random) -> dict:
    area = {"岚州": "0571", "澄湖": "0739"}["岚州" if "岚州" in spec.address else "澄湖"]
    phone = f"{area}-{rng.randint(2, 8)}{rng.randint(100000, 999999)}"
    return {"office": spec.body + office_of(spec), "address": spec.address, "phone": phone,
            "postcode": f"{rng.randint(310, 420)}{rng.randint(100, 999)}"}


def prose(spec: Spec, values: dict, rng: random.Random, info: dict) -> dict[str, list[str]]:
    y = spec.year
    w = we(spec)
    new_total = values[("requests", R_NEW, "总计")]
    done = values[("requests", R_TOTAL, "总计")]
    items = rng.randint(40, 900) if spec.scale != "large" else rng.randint(1500, 9000)
    intro = (f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条和"
             f"《中华人民共和国政府信息公开工作年度报告格式》要求编制。全文包括总体情况、主动公开政府信息情况、"
             f"收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、"
             f"其他需要报告的事项。本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。"
             f"如对本报告有疑问，请与{info['office']}联系（地址：{info['address']}；邮编：{info['postcode']}；"
             f"联系电话：{info['phone']}）。")
    general = [
        f"{y}年，{w}坚持以公开为常态、不公开为例外，认真贯彻落实《条例》和上级政务公开工作要点，"
        f"围绕中心工作做好政府信息公开，全年通过政府门户网站、政务新媒体和公开栏主动公开政府信息{items}条。",
        f"（一）主动公开。{w}及时更新机构职能、政策文件、财政预决算、重点项目等栏目，"
        f"做好政策文件的发布与解读，确保信息发布准确、及时、规范。",
        (f"（二）依申请公开。全年新收政府信息公开申请{new_total}件，办结{done}件，均在法定期限内答复。"
         if new_total else "（二）依申请公开。本年度未收到政府信息公开申请。"),
        "（三）政府信息管理。严格落实信息发布“三审三校”和保密审查制度，对拟公开信息逐条审核，"
        "防止泄露国家秘密和个人隐私。",
        "（四）平台建设。持续优化政府信息公开专栏，规范栏目设置，清理空白和过期栏目，"
        "提升信息检索和查阅的便利度。",
        "（五）监督保障。明确分管领导和专职工作人员，将政务公开纳入年度工作考核，"
        "定期开展自查，发现问题及时整改。",
        "（六）政策解读与回应关切。对涉及群众切身利益的政策文件同步开展解读，"
        "通过图表、问答等形式提升解读的可读性。",
    ][:spec.prose + 1]
    problems = [f"{y}年{w}政府信息公开工作取得一定成效，但仍存在一些不足：一是部分栏目更新不够及时；"
                f"二是政策解读形式较为单一；三是工作人员业务能力有待提高。",
                f"下一步，{w}将加强业务培训，完善信息发布审核机制，丰富解读形式，"
                f"进一步提升政府信息公开工作质量。"]
    fee = "本年度未收取信息处理费。" if spec.template == "2021" else "本年度无其他需要报告的事项。"
    other = [fee, f"{w}本年度无政务公开工作要点落实、人大代表建议和政协提案办理结果公开以外的其他需要报告事项。"]
    return {"intro": [intro], "general": general, "problems": problems, "other": other}


SECTION_HEADS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                 "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]


def sign_date(spec: Spec, rng: random.Random) -> str:
    return f"{spec.year + 1}年1月{rng.randint(10, 28)}日"


# --------------------------------------------------------------------------- Word


def _strip_ids(el) -> None:
    for node in el.iter():
        for att in list(node.attrib):
            if att.endswith("}paraId") or att.endswith("}textId"):
                del node.attrib[att]


class WordBuilder:
    """Tables made of the template's own XML: its tblPr, row properties, cell properties and runs."""

    def __init__(self, template: Path):
        self.template = template
        proto = docx.Document(str(template))
        t0, t1, _ = (t._tbl for t in proto.tables)
        self.tbl_proto = copy.deepcopy(t1)
        self.tr_proto = copy.deepcopy(t0.tr_lst[2])        # the 规章 row: heights, borders, runs
        self.tc_label = copy.deepcopy(t0.tr_lst[2].tc_lst[0])
        for el in (self.tbl_proto, self.tr_proto, self.tc_label):
            _strip_ids(el)
        self.template_signature = [self.signature(t._tbl) for t in proto.tables]

    @staticmethod
    def signature(tbl) -> list[list[tuple[str, int, str]]]:
        """Merge structure of a Word table: per row, (text, gridSpan, vMerge) of each tc."""
        out = []
        for tr in tbl.tr_lst:
            row = []
            for tc in tr.tc_lst:
                pr = tc.tcPr
                gs = pr.find(qn("w:gridSpan")) if pr is not None else None
                vm = pr.find(qn("w:vMerge")) if pr is not None else None
                text = "".join(t.text or "" for t in tc.iter(qn("w:t")))
                row.append((text.replace("\u3000", "").strip(),
                            int(gs.get(qn("w:val"))) if gs is not None else 1,
                            (vm.get(qn("w:val")) or "continue") if vm is not None else ""))
            out.append(row)
        return out

    def _tc(self, text: str, width: int, span: int, vmerge: str, align: str, size: int,
            flush: bool = False) -> object:
        tc = copy.deepcopy(self.tc_label)
        pr = tc.tcPr
        if flush:
            for side in pr.find(qn("w:tcMar")):
                side.set(qn("w:w"), "0")
        pr.find(qn("w:tcW")).set(qn("w:w"), str(width))
        borders = pr.find(qn("w:tcBorders"))
        for side in ("top", "left", "bottom", "right"):
            b = borders.find(qn(f"w:{side}"))
            for att in list(b.attrib):
                del b.attrib[att]
            b.set(qn("w:val"), "single"), b.set(qn("w:color"), "auto"), b.set(qn("w:sz"), "4")
            b.set(qn("w:space"), "0")
        if span > 1:
            gs = OxmlElement("w:gridSpan")
            gs.set(qn("w:val"), str(span))
            pr.find(qn("w:tcW")).addnext(gs)
        if vmerge:
            vm = OxmlElement("w:vMerge")
            if vmerge == "restart":
                vm.set(qn("w:val"), "restart")
            (pr.find(qn("w:gridSpan")) if span > 1 else pr.find(qn("w:tcW"))).addnext(vm)
        p = tc.find(qn("w:p"))
        p.pPr.find(qn("w:jc")).set(qn("w:val"), align)
        run = p.find(qn("w:r"))
        for sz in (run.rPr.find(qn("w:sz")), run.rPr.find(qn("w:szCs"))):
            sz.set(qn("w:val"), str(size))
        run.remove(run.find(qn("w:t")))
        if not text or vmerge == "continue":
            p.remove(run)
            return tc
        for i, part in enumerate(text.split("\n")):
            if i:
                run.append(OxmlElement("w:br"))
            t = OxmlElement("w:t")
            t.text = part
            t.set(qn("xml:space"), "preserve")
            run.append(t)
        return tc

    def table(self, model: TableModel, *, size: int = 20, repeat_header: bool = False, fuse: bool = False):
        tbl = copy.deepcopy(self.tbl_proto)
        for tr in list(tbl.tr_lst):
            tbl.remove(tr)
        pr = tbl.tblPr
        pr.find(qn("w:tblW")).set(qn("w:w"), str(sum(model.widths)))
        for b in pr.find(qn("w:tblBorders")):
            b.set(qn("w:val"), "single"), b.set(qn("w:sz"), "4")
        grid = tbl.tblGrid
        for gc in list(grid):
            grid.remove(gc)
        for wdt in model.widths:
            gc = OxmlElement("w:gridCol")
            gc.set(qn("w:w"), str(wdt))
            grid.append(gc)
        cover = model.grid()
        for r, row in enumerate(cover):
            tr = copy.deepcopy(self.tr_proto)
            for tc in list(tr.tc_lst):
                tr.remove(tc)
            tpr = tr.find(qn("w:trPr"))
            if repeat_header and r < model.header_rows:
                tpr.append(OxmlElement("w:tblHeader"))
            g = 0
            while g < len(row):
                cell, anchor = row[g]
                # a position below a vertical merge's anchor is a "continue" cell of the same span
                vmerge = ("restart" if cell.rs > 1 else "") if anchor else "continue"
                align = cell.align if cell.kind != "value" else "center"
                flush = fuse and cell.kind == "value"
                if flush:   # neighbours' digits end up a hair apart: extraction fuses them into one run
                    align = "right" if g % 2 == 0 else "left"
                tr.append(self._tc(cell.text if anchor else "", sum(model.widths[g:g + cell.cs]), cell.cs,
                                   vmerge, align, size, flush))
                g += cell.cs
            tbl.append(tr)
        return tbl


def _run_font(run, size_pt: float, *, bold: bool = False, font: str = "仿宋") -> None:
    run.font.size = docx.shared.Pt(size_pt)
    run.font.bold = bold
    rpr = run._r.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for att in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(att), font)


def _page_field(paragraph, instr: str) -> None:
    for kind, text in (("begin", None), (None, instr), ("separate", None), ("text", "1"), ("end", None)):
        r = OxmlElement("w:r")
        if kind in ("begin", "separate", "end"):
            fc = OxmlElement("w:fldChar")
            fc.set(qn("w:fldCharType"), kind)
            r.append(fc)
        elif kind == "text":
            t = OxmlElement("w:t")
            t.text = text
            r.append(t)
        else:
            it = OxmlElement("w:instrText")
            it.set(qn("xml:space"), "preserve")
            it.text = f" {instr} "
            r.append(it)
        paragraph._p.append(r)


def _plain_run(paragraph, text: str) -> None:
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    paragraph._p.append(r)


def build_docx(spec: Spec, doc_parts: dict, builder: WordBuilder, models: list[TableModel]) -> bytes:
    d = docx.Document(str(builder.template))
    body = d.element.body
    for el in list(body):
        if el.tag != qn("w:sectPr"):
            body.remove(el)
    sect_pr = body.find(qn("w:sectPr"))

    def para(text: str, *, size=16, bold=False, align=None, indent=True, font="仿宋"):
        p = d.add_paragraph()
        if align == "center":
            p.alignment = docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
        elif align == "right":
            p.alignment = docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
        if indent:
            p.paragraph_format.first_line_indent = docx.shared.Pt(size * 2)
        p.paragraph_format.space_after = docx.shared.Pt(0)
        _run_font(p.add_run(text), size, bold=bold, font=font)
        return p

    para(doc_parts["title"], size=20, bold=True, align="center", indent=False, font="方正小标宋简体")
    para("", indent=False)
    for t in doc_parts["intro"]:
        para(t)
    tables = {m.ident: m for m in models}
    for i, head in enumerate(SECTION_HEADS):
        para(head, bold=True, font="黑体", indent=True)
        if i == 0:
            for t in doc_parts["general"]:
                para(t)
        elif i in (1, 2, 3):
            ident = ("section2", "requests", "review")[i - 1]
            tbl = builder.table(tables[ident], repeat_header=spec.repeat_header and ident == "requests",
                                fuse=spec.fuse and ident == "review")
            sect_pr.addprevious(tbl)
            para("", size=10, indent=False)
        elif i == 4:
            for t in doc_parts["problems"]:
                para(t)
        else:
            for t in doc_parts["other"]:
                para(t)
    para("", indent=False)
    para(spec.body, align="right", indent=False)
    para(doc_parts["date"], align="right", indent=False)
    para(TEST_NOTE, size=10.5, indent=False)

    sec = d.sections[0]
    if spec.header:
        hp = sec.header.paragraphs[0]
        hp.alignment = docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
        _plain_run(hp, doc_parts["title"])
    fp = sec.footer.paragraphs[0]
    fp.alignment = docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    if spec.footer == "-N-":
        _plain_run(fp, "- ")
        _page_field(fp, "PAGE")
        _plain_run(fp, " -")
    elif spec.footer == "第N页":
        _plain_run(fp, "第 ")
        _page_field(fp, "PAGE")
        _plain_run(fp, " 页")
    else:
        _page_field(fp, "PAGE")
        _plain_run(fp, "/")
        _page_field(fp, "NUMPAGES")

    cp = d.core_properties
    cp.title = doc_parts["title"]
    cp.author = "测试数据"
    cp.comments = TEST_NOTE
    cp.subject = "test data"
    cp.created = cp.modified = cp.last_printed = datetime.datetime(2024, 1, 1)
    cp.last_modified_by = "eval.table_reports"
    cp.revision = 1
    buf = io.BytesIO()
    d.save(buf)
    return _fix_zip_dates(buf.getvalue())


def _fix_zip_dates(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, FIXED_ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def _is_number(text: str) -> bool:
    return text.lstrip("+-").replace(".", "", 1).isdigit()


def verify_docx(path: Path, models: list[TableModel], builder: WordBuilder, template: str) -> None:
    """Read every value back from the Word file, and compare a 2021 file's merges with the template's."""
    d = docx.Document(str(path))
    if len(d.tables) != 3:
        raise AssertionError(f"{path}: {len(d.tables)} tables")
    for table, model in zip(d.tables, models):
        cover = model.grid()
        for r, row in enumerate(cover):
            cells = table.rows[r].cells
            for g, (cell, anchor) in enumerate(row):
                if cell.kind == "value" and anchor:
                    got = cells[g].text.strip()
                    if got != cell.text:
                        raise AssertionError(f"{path}: {model.ident} r{r} c{g}: {got!r} != {cell.text!r}")
    if template == "2021":
        for table, want in zip(d.tables, builder.template_signature):
            got = builder.signature(table._tbl)
            shape = [[(gs, vm) for _, gs, vm in row] for row in got]
            want_shape = [[(gs, vm) for _, gs, vm in row] for row in want]
            labels = [[t for t, _, _ in row if t and not _is_number(t)] for row in got]
            want_labels = [[t for t, _, _ in row if t] for row in want]
            if shape != want_shape:
                raise AssertionError(f"{path}: merge structure differs from the template")
            flat = [t.replace("\n", "") for row in labels for t in row]
            want_flat = [t.replace("\n", "") for row in want_labels for t in row]
            if flat != want_flat:
                raise AssertionError(f"{path}: labels differ from the template: {set(flat) ^ set(want_flat)}")


# --------------------------------------------------------------------------- web page


FURNITURE_TD = ("border:solid windowtext 1.0pt;border-top:none;mso-border-top-alt:solid windowtext .5pt;"
                "mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt")
FURNITURE_SPAN = "font-size:10.5pt;font-family:宋体;mso-ascii-font-family:宋体;mso-bidi-font-family:宋体;color:black"


def _cell_html(cell: Cell, style: str) -> str:
    text = cell.text
    if style == "br" and cell.kind != "value":
        if text == R_GROUP:
            text = "三、本年度\n办理结果"
        elif text in (WITHHELD[0], UNABLE[0], NOT_PROCESSED[0], OTHER_2021[0]) and "\n" not in text:
            text = text[:3] + "\n" + text[3:]
    else:
        text = text.replace("\n", "") if style in ("plain", "nested") else text
    inner = "<br>".join(html.escape(part) for part in text.split("\n"))
    if style == "nested":
        inner = f'<p><span>{inner}</span></p>' if inner else "<p><span></span></p>"
    elif style == "furniture":
        inner = (f'<p class="MsoNormal" align="center" style="text-align:center;line-height:15.0pt">'
                 f'<span style="{FURNITURE_SPAN}">{inner or "&nbsp;"}</span></p>')
    elif not inner:
        inner = "&nbsp;" if cell.kind == "value" else ""
    attrs = ""
    if cell.rs > 1:
        attrs += f' rowspan="{cell.rs}"'
    if cell.cs > 1:
        attrs += f' colspan="{cell.cs}"'
    if style == "furniture":
        attrs += f' valign="middle" style="{FURNITURE_TD}"'
    elif style == "plain" and cell.kind == "value":
        attrs += ' align="center"'
    return f"<td{attrs}>{inner}</td>"


def table_html(model: TableModel, style: str) -> str:
    if style == "furniture":
        open_tag = ('<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" width="100%" '
                    'style="width:100.0%;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;'
                    'mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt">')
    elif style == "nested":
        open_tag = '<table class="table-data" width="100%">'
    else:
        open_tag = '<table border="1" cellspacing="0" cellpadding="0">'
    rows = []
    for r, row in enumerate(model.rows):
        tr_attr = f' style="mso-yfti-irow:{r};height:20.0pt"' if style == "furniture" else ""
        rows.append(f"<tr{tr_attr}>" + "".join(_cell_html(c, style) for c in row) + "</tr>")
    body = "\n".join(rows)
    return f"{open_tag}\n<tbody>\n{body}\n</tbody>\n</table>"


def build_html(spec: Spec, parts: dict, models: list[TableModel], rng: random.Random) -> str:
    tables = {m.ident: m for m in models}
    style = spec.html_style
    pub = f"{spec.year + 1}-01-{rng.randint(10, 28)}"
    index_no = f"{rng.randint(10**17, 10**18 - 1)}/{spec.year + 1}-{rng.randint(10000, 99999)}"
    out = ['<!DOCTYPE html>', '<html lang="zh-CN">', "<head>", '<meta charset="utf-8">',
           f"<title>{html.escape(parts['title'])}</title>",
           f'<meta name="ArticleTitle" content="{html.escape(parts["title"])}">',
           f'<meta name="ContentSource" content="{html.escape(spec.body)}">',
           '<meta name="description" content="测试数据：虚构机构的政府信息公开工作年度报告">',
           "</head>", "<body>",
           '<div class="top-bar">首页 &gt; 政府信息公开 &gt; 法定主动公开内容 &gt; 政府信息公开年报</div>']
    if style in ("plain", "furniture"):
        out += ['<table class="xxgk-meta" width="100%">',
                f"<tr><td>索引号：</td><td>{index_no}</td><td>分类：</td><td>政府信息公开年报</td></tr>",
                f"<tr><td>发布机构：</td><td>{html.escape(spec.body)}</td><td>发文日期：</td><td>{pub}</td></tr>",
                "</table>"]
    out += [f'<h1 class="article-title">{html.escape(parts["title"])}</h1>',
            f'<div class="article-info">来源：{html.escape(spec.body)}　发布时间：{pub}　'
            "字号：<a>大</a> <a>中</a> <a>小</a></div>", '<div class="article-content">']

    def p(text, bold=False):
        t = html.escape(text)
        if style == "furniture":
            return (f'<p class="MsoNormal" style="text-indent:32.0pt;line-height:28.0pt">'
                    f'<span style="font-size:16.0pt;font-family:仿宋_GB2312">{"<b>" + t + "</b>" if bold else t}'
                    "</span></p>")
        return f"<p>{'<strong>' + t + '</strong>' if bold else t}</p>"

    for t in parts["intro"]:
        out.append(p(t))
    for i, head in enumerate(SECTION_HEADS):
        out.append(p(head, bold=True))
        if i == 0:
            out += [p(t) for t in parts["general"]]
        elif i in (1, 2, 3):
            model = tables[("section2", "requests", "review")[i - 1]]
            out.append(table_html(model, style))
        elif i == 4:
            out += [p(t) for t in parts["problems"]]
        else:
            out += [p(t) for t in parts["other"]]
    out += [f'<p style="text-align:right">{html.escape(spec.body)}</p>',
            f'<p style="text-align:right">{html.escape(parts["date"])}</p>',
            "</div>", f'<p class="test-note">{html.escape(TEST_NOTE)}</p>',
            '<div class="bottom-tools">【打印本页】【关闭窗口】</div>',
            f'<div class="footer">主办：{html.escape(spec.body)}　网站标识码：0000000000（测试）</div>',
            "</body>", "</html>", ""]
    return "\n".join(out)


class _TableGrid(HTMLParser):
    """Lays out the report tables of a page the way a browser does (rowspan/colspan)."""

    def __init__(self):
        super().__init__()
        self.tables: list[list[list[str | None]]] = []
        self.depth = 0
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self.depth += 1
            self.tables.append([])
            self.taken: dict[tuple[int, int], str] = {}
            self.r = -1
        elif tag == "tr":
            self.r += 1
            self.c = 0
        elif tag == "td":
            self.cell = []
            self.span = (int(a.get("rowspan", 1)), int(a.get("colspan", 1)))
        elif tag == "br" and self.cell is not None:
            self.cell.append("\n")

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)

    def handle_endtag(self, tag):
        if tag == "td":
            while (self.r, self.c) in self.taken:
                self.c += 1
            text = "".join(self.cell).replace("\xa0", "").strip()
            rs, cs = self.span
            for dr in range(rs):
                for dc in range(cs):
                    self.taken[(self.r + dr, self.c + dc)] = text if dr == dc == 0 else None
            self.c += cs
            self.cell = None
        elif tag == "table":
            n_rows = max(r for r, _ in self.taken) + 1 if self.taken else 0
            n_cols = max(c for _, c in self.taken) + 1 if self.taken else 0
            self.tables[-1] = [[self.taken.get((r, c), "") for c in range(n_cols)] for r in range(n_rows)]


def verify_html(page: str, models: list[TableModel], where: str) -> None:
    """Every value cell of the page's tables sits where the model puts it."""
    parser = _TableGrid()
    parser.feed(page)
    tables = [t for t in parser.tables if t and len(t[0]) >= 4 and any("信息内容" in (x or "") or "行政复议" in (x or "")
                                                                      or "申请人情况" in (x or "") for x in t[0] + t[1])]
    if len(tables) != len(models):
        raise AssertionError(f"{where}: {len(tables)} report tables in the page")
    for grid, model in zip(tables, models):
        for r, row in enumerate(model.grid()):
            for g, (cell, anchor) in enumerate(row):
                if cell.kind == "value" and anchor and grid[r][g] != cell.text:
                    raise AssertionError(f"{where}: {model.ident} r{r} c{g}: {grid[r][g]!r} != {cell.text!r}")


# --------------------------------------------------------------------------- web text


FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _flat(text: str) -> str:
    return text.replace("\n", "")


def pipes_text(model: TableModel, repeat: bool) -> list[str]:
    """Rows as pipes. repeat: a merged cell's text in every grid position it covers (markdown-ish,
    with a separator after the first row); otherwise the text once and empty cells collapsed the way
    pages copied from a CMS show them (``| 第二十条第（一）项 | |||``)."""
    lines = []
    for r, row in enumerate(model.grid()):
        texts = [_flat(cell.text) if (repeat or anchor) else "" for cell, anchor in row]
        if repeat:
            lines.append("| " + " | ".join(texts) + " |")
            if r == 0:
                lines.append("|" + "---|" * len(texts))
            continue
        while len(texts) > 1 and not texts[-1]:
            texts.pop()
        trailing = len(row) - len(texts)
        line = "| " + " | ".join(texts) + " | " + "|" * trailing
        lines.append(line.rstrip())
    return lines


def cells_text(model: TableModel, style: str) -> list[str]:
    """One cell per line, a blank line between cells (what a browser's copy of a table gives)."""
    lines = []
    for row in model.placed():
        for _, cell in row:
            t = _flat(cell.text)
            if style == "bar":
                lines.append(f"{t} |" if t else "|")
                continue
            if style == "ideographic":
                t = f"\u3000{t}\u3000" if cell.kind == "value" and t else t
                t = "\t" + t if cell.kind == "value" else t
            lines += [t, ""]
        if style == "bar" and len(row) < len(model.widths):
            lines.append("|" * (len(model.widths) - len(row)))
    return lines


def build_webtext(spec: Spec, parts: dict, models: list[TableModel], variant: str) -> str:
    tables = {m.ident: m for m in models}
    out = [parts["title"], f"来源：{spec.body}", ""]
    sep = "\n" if variant == "cells" else ""
    out += parts["intro"]
    for i, head in enumerate(SECTION_HEADS):
        out.append(head)
        if i == 0:
            out += parts["general"]
        elif i in (1, 2, 3):
            model = tables[("section2", "requests", "review")[i - 1]]
            if variant == "pipes_repeat":
                out += pipes_text(model, True)
            elif variant == "pipes_empty":
                out += pipes_text(model, False)
            else:
                lines = cells_text(model, spec.cells_style)
                if spec.cells_style == "ideographic" and spec.template == "2019":
                    lines = [ln.translate(FULLWIDTH) if ln.startswith("\t") else ln for ln in lines]
                out += lines
        elif i == 4:
            out += parts["problems"]
        else:
            out += parts["other"]
        if sep:
            out.append("")
    out += [spec.body, parts["date"], TEST_NOTE, ""]
    return "\n".join(out)


# --------------------------------------------------------------------------- PDF


def convert_pdfs(docx_paths: list[Path], out_dir: Path) -> None:
    soffice = shutil.which("soffice")
    if not soffice or not docx_paths:
        return
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
               "--outdir", str(out_dir), *map(str, docx_paths)]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)


def normalize_pdf(path: Path, seed: str) -> None:
    """Replace LibreOffice's creation date and random file id by fixed values of the same length
    (byte offsets, and so the xref table, stay valid): the same Word file gives the same PDF."""
    import re
    data = path.read_bytes()
    data = re.sub(rb"/CreationDate\(D:\d{14}", b"/CreationDate(D:20240101000000", data)
    fixed = hashlib.md5(seed.encode()).hexdigest().upper().encode()
    data = re.sub(rb"(/ID\s*\[\s*)<[0-9A-Fa-f]{32}>\s*<[0-9A-Fa-f]{32}>",
                  lambda m: m.group(1) + b"<" + fixed + b"> <" + fixed + b">", data)
    data = re.sub(rb"/DocChecksum\s*/[0-9A-Fa-f]{32}", b"/DocChecksum /" + fixed, data)
    path.write_bytes(data)


def pdf_texts(pdf: Path) -> tuple[str, str]:
    import pdfplumber
    import pypdf
    reader = pypdf.PdfReader(str(pdf))
    a = "\n".join(page.extract_text() for page in reader.pages)
    with pdfplumber.open(str(pdf)) as doc:
        b = "\n".join(page.extract_text() or "" for page in doc.pages)
    return a + "\n", b + "\n"


# --------------------------------------------------------------------------- driver


def truth_record(spec: Spec, parts: dict, shown: dict, info: dict) -> dict:
    cells = []
    for row in request_rows(spec.template):
        for col in REQ_COLUMNS:
            cells.append({"table": "requests", "row": row, "column": col, "value": shown[("requests", row, col)]})
    for _, _, rows in (S2_2021 if spec.template == "2021" else S2_2019):
        for row, cols in rows:
            for col in cols:
                cells.append({"table": "section2", "row": row, "column": col,
                              "value": shown[("section2", row, col)]})
    for col in REVIEW_COLUMNS:
        cells.append({"table": "review", "row": REVIEW_ROW, "column": col, "value": shown[("review", REVIEW_ROW, col)]})
    return {
        "name": spec.name,
        "test_data": True,
        "title": parts["title"],
        "body": spec.body,
        "full_name": full_name(spec),
        "region": spec.region,
        "region_in_title": spec.title_region,
        "year": spec.year,
        "template": spec.template,
        "contact": {"office": info["office"], "address": info["address"], "phone": info["phone"],
                    "postcode": info["postcode"]},
        "blank_cells": spec.blanks or None,
        "layout": {"docx_widths": spec.widths, "docx_header": spec.header, "docx_footer": spec.footer,
                   "docx_repeat_header": spec.repeat_header, "html_style": spec.html_style,
                   "cells_style": spec.cells_style, "review_fused": spec.fuse},
        "cells": cells,
    }


def truth_json(record: dict) -> str:
    """Indented JSON with one cell per line (readable diffs, greppable rows)."""
    head = {k: v for k, v in record.items() if k != "cells"}
    text = json.dumps(head, ensure_ascii=False, indent=1)[:-2]
    cells = ",\n".join("  " + json.dumps(c, ensure_ascii=False) for c in record["cells"])
    return f"{text},\n \"cells\": [\n{cells}\n ]\n}}\n"


def _write(path: Path, data: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def generate(out: Path = OUT, *, pdf: str = "auto") -> list[Path]:
    """Write every layout and truth file under ``out``; returns the files written or kept."""
    builder = WordBuilder(TEMPLATE)
    manifest_path = out / "pdf-sources.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    to_convert, written = [], []
    for spec in SPECS:
        rng = random.Random(f"table-reports/{spec.name}/text")
        values = make_figures(spec)
        shown = apply_blanks(spec, values)
        check_identities(spec.template, shown, spec.name)
        info = contact(spec, rng)
        parts = prose(spec, values, rng, info)
        parts["title"] = title_of(spec)
        parts["date"] = sign_date(spec, rng)
        models = [section2_model(spec.template, shown), requests_model(spec.template, shown, spec.widths),
                  review_model(shown)]
        docx_path = out / "docx" / f"{spec.name}.docx"
        data = build_docx(spec, parts, builder, models)
        _write(docx_path, data)
        verify_docx(docx_path, models, builder, spec.template)
        digest = hashlib.sha256(data).hexdigest()
        pdf_path = out / "pdf" / f"{spec.name}.pdf"
        if pdf == "force" or (pdf == "auto" and (not pdf_path.exists() or manifest.get(spec.name) != digest)):
            to_convert.append(docx_path)
            manifest[spec.name] = digest
        page = build_html(spec, parts, models, rng)
        verify_html(page, models, spec.name)
        _write(out / "web" / f"{spec.name}.html", page)
        for variant in ("pipes_repeat", "pipes_empty", "cells"):
            _write(out / "webtext" / variant / f"{spec.name}.txt", build_webtext(spec, parts, models, variant))
        truth_path = out / "truth" / f"{spec.name}.json"
        _write(truth_path, truth_json(truth_record(spec, parts, shown, info)))
        check_truth_file(truth_path)
    if to_convert and shutil.which("soffice"):
        (out / "pdf").mkdir(parents=True, exist_ok=True)
        convert_pdfs(to_convert, out / "pdf")
        for docx_path in to_convert:
            normalize_pdf(out / "pdf" / f"{docx_path.stem}.pdf", manifest[docx_path.stem])
        _write(manifest_path, json.dumps(dict(sorted(manifest.items())), indent=1) + "\n")
    elif to_convert:
        print("soffice not found: PDFs (and their text) kept as committed", file=sys.stderr)
    for spec in SPECS:
        pdf_path = out / "pdf" / f"{spec.name}.pdf"
        if pdf_path.exists():
            a, b = pdf_texts(pdf_path)
            _write(out / "pypdf" / f"{spec.name}.txt", a)
            _write(out / "plumber" / f"{spec.name}.txt", b)
    for layout in (*LAYOUTS, "truth"):
        written += sorted((out / layout).glob("*.*"))
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.table_reports", description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--no-pdf", action="store_const", const="none", dest="pdf", help="never run soffice")
    g.add_argument("--force-pdf", action="store_const", const="force", dest="pdf", help="rebuild every PDF")
    ap.set_defaults(pdf="auto")
    args = ap.parse_args(argv)
    files = generate(args.out, pdf=args.pdf)
    for f in files:
        print(f"{f.stat().st_size:>8}  {f.relative_to(args.out)}")
    print(f"{len(files)} files under {args.out}; identities hold in all {len(SPECS)} truth files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
