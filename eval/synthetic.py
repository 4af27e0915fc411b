"""Synthetic new-template annual reports with known truth, for testing the table parsers.

Every report is invented: the bodies (星岚镇, 雾松街道, 霁川区 …) are made-up names, the figures
are random but consistent (parts add up to totals, 新收 + 上年结转 = 办理结果总计 + 结转下年度),
and each file says in its first line (or HTML meta) that it is synthetic. Next to each report
``<name>.truth.json`` holds the body, year, template, layout and every table cell expected,
as ``{table, row_path, column, value}`` (value None for a blank cell).

    python -m eval.synthetic --out eval/reports/synthetic

The output is deterministic for a given ``--seed``.
"""

from __future__ import annotations

import argparse
import html
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

NATIONAL_2019 = "national_2019"  # same strings as assistant.records
NATIONAL_2021 = "national_2021"

MARKER = "（本报告为测试用合成数据，机构名称均为虚构。）"

H1 = "一、总体情况"
H2 = "二、主动公开政府信息情况"
H3 = "三、收到和处理政府信息公开申请情况"
H4 = "四、政府信息公开行政复议、行政诉讼情况"
H5 = "五、存在的主要问题及改进情况"
H6 = "六、其他需要报告的事项"

S3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANTS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
LEGAL = "法人或其他组织"
TOTAL = "总计"
S4_GROUPS = (("行政复议",), ("行政诉讼", "未经复议直接起诉"), ("行政诉讼", "复议后起诉"))
S4_COLUMNS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")

L1_NEW = "一、本年新收政府信息公开申请数量"
L1_PREV = "二、上年结转政府信息公开申请数量"
L1_RESULT = "三、本年度办理结果"
L1_CARRY = "四、结转下年度继续办理"
# (level-2 label, level-3 labels or () when the level-2 row holds the values itself)
RESULT_GROUPS_2019 = (
    ("（一）予以公开", ()),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ()),
    (
        "（三）不予公开",
        (
            "1.属于国家秘密",
            "2.其他法律行政法规禁止公开",
            "3.危及“三安全一稳定”",
            "4.保护第三方合法权益",
            "5.属于三类内部事务信息",
            "6.属于四类过程性信息",
            "7.属于行政执法案卷",
            "8.属于行政查询事项",
        ),
    ),
    ("（四）无法提供", ("1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确")),
    (
        "（五）不予处理",
        (
            "1.信访举报投诉类申请",
            "2.重复申请",
            "3.要求提供公开出版物",
            "4.无正当理由大量反复申请",
            "5.要求行政机关确认或重新出具已获取信息",
        ),
    ),
    ("（六）其他处理", ()),
)
OTHER_2021 = (
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
)
L2_TOTAL = "（七）总计"


def result_groups(template: str):
    if template == NATIONAL_2019:
        return RESULT_GROUPS_2019
    return RESULT_GROUPS_2019[:-1] + (("（六）其他处理", OTHER_2021),)


# ---------------------------------------------------------------------------------------------
# The report as data


@dataclass
class S2Table:
    article: str  # 第二十条第（一）项
    columns: tuple[str, ...]
    rows: list[tuple[str, list[float]]]


@dataclass
class S3Row:
    path: tuple[str, ...]  # full path as written, outermost first
    values: list[float | None]  # one per column


@dataclass
class Report:
    name: str
    body: str
    parent: str
    year: int
    template: str
    layout: str
    s2: list[S2Table]
    s3_columns: tuple[str, ...]
    s3_rows: list[S3Row]
    s4: list[float]
    prose: dict
    contact: dict
    style: dict = field(default_factory=dict)

    @property
    def title(self) -> str:
        return f"{self.body}{self.year}年政府信息公开工作年度报告"

    def truth(self) -> dict:
        facts = []
        for table in self.s2:
            for label, values in table.rows:
                for column, value in zip(table.columns, values):
                    facts.append({"table": f"{H2} › {table.article}", "row_path": [label], "column": column, "value": value})
        for row in self.s3_rows:
            for column, value in zip(self.s3_columns, row.values):
                facts.append({"table": H3, "row_path": list(row.path), "column": column, "value": value})
        for i, value in enumerate(self.s4):
            facts.append(
                {"table": H4, "row_path": list(S4_GROUPS[i // 5]), "column": S4_COLUMNS[i % 5], "value": value}
            )
        return {
            "synthetic": True,
            "note": "Invented test data: bodies, figures and contacts are made up.",
            "name": self.name,
            "title": self.title,
            "body": self.body,
            "parent": self.parent,
            "year": self.year,
            "template": self.template,
            "layout": self.layout,
            "contact": self.contact,
            "prose": self.prose,
            "facts": facts,
        }


def _s2_tables(rng: random.Random, template: str, big: bool) -> list[S2Table]:
    scale = 40 if big else 6

    def n(k=scale):
        return float(rng.randint(0, k))

    if template == NATIONAL_2021:
        return [
            S2Table("第二十条第（一）项", ("本年制发件数", "本年废止件数", "现行有效件数"),
                    [("规章", [n(2), n(1), n(5)]), ("行政规范性文件", [n(), n(3), n(scale * 3)])]),
            S2Table("第二十条第（五）项", ("本年处理决定数量",), [("行政许可", [n(scale * 30)])]),
            S2Table("第二十条第（六）项", ("本年处理决定数量",), [("行政处罚", [n(scale * 10)]), ("行政强制", [n(scale)])]),
            S2Table("第二十条第（八）项", ("本年收费金额（单位：万元）",),
                    [("行政事业性收费", [round(rng.uniform(0, 50 if big else 5), 1)])]),
        ]

    def change() -> float:
        return float(rng.choice([0, 0, 1, 2, -1, -2]))

    return [
        S2Table("第二十条第（一）项", ("本年新制作数量", "本年新公开数量", "对外公开总数量"),
                [("规章", [n(2), n(2), n(8)]), ("规范性文件", [n(), n(), n(scale * 3)])]),
        S2Table("第二十条第（五）项", ("上一年项目数量", "本年增/减", "处理决定数量"),
                [("行政许可", [n(), change(), n(scale * 30)]), ("其他对外管理服务事项", [n(), change(), n(scale)])]),
        S2Table("第二十条第（六）项", ("上一年项目数量", "本年增/减", "处理决定数量"),
                [("行政处罚", [n(), change(), n(scale * 10)]), ("行政强制", [n(), change(), n(scale)])]),
        S2Table("第二十条第（八）项", ("上一年项目数量", "本年增/减"), [("行政事业性收费", [n(3), change()])]),
        S2Table("第二十条第（九）项", ("采购项目数量", "采购总金额"),
                [("政府集中采购", [n(scale), round(rng.uniform(0, 900 if big else 60), 1)])]),
    ]


def _s3_rows(rng: random.Random, template: str, big: bool, columns: str) -> tuple[tuple[str, ...], list[S3Row]]:
    """Consistent per-applicant counts: every row of every column adds up."""
    groups = result_groups(template)
    leaves: list[tuple[str, ...]] = []
    for l2, l3s in groups:
        if l3s:
            leaves.extend((L1_RESULT, l2, l3) for l3 in l3s)
        else:
            leaves.append((L1_RESULT, l2))
    per_col: list[dict[tuple[str, ...], int]] = []
    weights = (1.0, 0.5, 0.1, 0.1, 0.15, 0.2)
    for w in weights:
        col: dict[tuple[str, ...], int] = {}
        for leaf in leaves:
            main = leaf[1].startswith(("（一）", "（二）")) or leaf[-1].startswith("1.本机关")
            top = (1500 if big else 25) if main else (12 if big else 2)
            col[leaf] = int(rng.random() < 0.7 * w + 0.1) * rng.randint(0, max(1, int(top * w)))
        total = sum(col.values())
        carry_next = rng.randint(0, 3 if big else 1)
        prev = rng.randint(0, min(4, total + carry_next))
        col[(L1_NEW,)] = total + carry_next - prev
        col[(L1_PREV,)] = prev
        col[(L1_RESULT, L2_TOTAL)] = total
        col[(L1_CARRY,)] = carry_next
        per_col.append(col)
    order = [(L1_NEW,), (L1_PREV,), *leaves, (L1_RESULT, L2_TOTAL), (L1_CARRY,)]
    rows = []
    for path in order:
        values = [c[path] for c in per_col]
        if columns == "3":
            rows.append(S3Row(path, [float(values[0]), float(sum(values[1:])), float(sum(values))]))
        else:
            rows.append(S3Row(path, [float(v) for v in values] + [float(sum(values))]))
    header = (APPLICANTS[0], LEGAL, TOTAL) if columns == "3" else (*APPLICANTS, TOTAL)
    return header, rows


def _s4(rng: random.Random, big: bool) -> list[float]:
    out: list[float] = []
    for _ in range(3):
        parts = [rng.choice([0, 0, 0, 1, 2]) * (3 if big else 1) for _ in range(4)]
        out.extend(float(p) for p in parts + [sum(parts)])
    return out


# ---------------------------------------------------------------------------------------------
# Bodies: invented names (rare character pairs chosen not to be real places).

REPORTS = [
    # name, body, parent, pinyin for the e-mail, year, template, layout, style
    ("syn01_xinglan_2021", "星岚镇", "霁川区", "xinglan", 2021, "html", {}),
    ("syn02_wusong_2019", "雾松街道", "霁川区", "wusong", 2019, "html", {"zero": "—", "blank": True}),
    ("syn03_jichuan_2022", "霁川区", "", "jichuan", 2022, "md", {"thousands": True, "big": True}),
    ("syn04_lanting_2020", "澜汀乡", "翠溟县", "lanting", 2020, "md", {"zero": "/", "blank": True}),
    ("syn05_cuiming_2023", "翠溟县", "", "cuiming", 2023, "cells", {"big": True, "pad": True}),
    ("syn06_xiuyan_2019", "岫烟镇", "翠溟县", "xiuyan", 2019, "cells", {"pad": True}),
    ("syn07_xiyue_2021", "汐月街道", "霁川区", "xiyue", 2021, "glued", {"fullwidth": True}),
    ("syn08_tailing_2020", "苔岭镇", "翠溟县", "tailing", 2020, "glued", {"zero": "—"}),
    ("syn09_liuwu_2022", "琉梧乡", "翠溟县", "liuwu", 2022, "tabs", {"columns": "3"}),
    ("syn10_aiquan_2019", "霭泉区", "", "aiquan", 2019, "spaces", {"fullwidth": True, "big": True}),
    ("syn11_zhiting_2023", "芷汀街道", "霭泉区", "zhiting", 2023, "docx", {}),
    ("syn12_moying_2020", "墨萤镇", "霭泉区", "moying", 2020, "docx", {"zero": "/"}),
    # Two more years of 雾松街道: one body over three years and both templates (trends, a
    # question without a year is ambiguous).
    ("syn13_wusong_2020", "雾松街道", "霁川区", "wusong", 2020, "spaces", {}),
    ("syn14_wusong_2021", "雾松街道", "霁川区", "wusong", 2021, "tabs", {"zero": "—"}),
    # Printed reports: ruled tables with merged cells, read back from the PDF.
    ("syn15_xianshi_2022", "霰石镇", "翠溟县", "xianshi", 2022, "pdf", {}),
    ("syn16_yulan_2020", "萸岚乡", "霁川区", "yulan", 2020, "pdf", {"zero": "—", "big": True}),
]


def build_report(rng: random.Random, spec) -> Report:
    name, body, parent, pinyin, year, layout, style = spec
    template = NATIONAL_2019 if year < 2021 else NATIONAL_2021
    big = bool(style.get("big"))
    s2 = _s2_tables(rng, template, big)
    columns, s3_rows = _s3_rows(rng, template, big, style.get("columns", "7"))
    if style.get("blank"):
        # one blank cell: unknown, not zero (the 部分公开 row, 科研机构 column)
        s3_rows[3].values[2] = None
    s4 = _s4(rng, big)
    received = int(s3_rows[0].values[-1] or 0)
    published = rng.randint(40, 900) * (8 if big else 1)
    web = rng.randint(published // 3, published)
    prose = {
        "proactive_items": published,
        "proactive_items_website": web,
        "requests_received": received,
        "trainings": rng.randint(1, 9),
        "trainees": rng.randint(20, 300),
    }
    contact = {
        "phone": f"0000-555{rng.randint(1000, 9999)}",
        "email": f"{pinyin}_gongkai@example.com",
        "address": f"{parent}{body}{body[:2]}路{rng.randint(1, 99)}号",
    }
    return Report(name, body, parent, year, template, layout, s2, columns, s3_rows, s4, prose, contact, dict(style))


# ---------------------------------------------------------------------------------------------
# Rendering numbers and prose

_FULLWIDTH = str.maketrans("0123456789.,-", "０１２３４５６７８９．，－")


def cell(report: Report, value: float | None) -> str:
    if value is None:
        return ""
    style = report.style
    if value == 0 and style.get("zero"):
        return style["zero"]
    if float(value).is_integer():
        text = f"{int(value):,}" if style.get("thousands") else str(int(value))
    else:
        text = f"{value:,.1f}" if style.get("thousands") else f"{value:.1f}"
    if style.get("fullwidth"):
        text = text.translate(_FULLWIDTH)
    return text


def prose_sections(report: Report) -> dict[str, list[str]]:
    p = report.prose
    who = f"{report.parent}{report.body}" if report.parent else report.body
    return {
        H1: [
            f"{report.year}年，{who}人民政府坚持以公开为常态、不公开为例外，扎实推进政务公开各项工作。",
            f"（一）主动公开。全年主动公开政府信息{p['proactive_items']}条，其中通过政府网站发布{p['proactive_items_website']}条，其余通过政务新媒体发布。",
            f"（二）依申请公开。全年共收到政府信息公开申请{p['requests_received']}件，均在法定期限内答复。",
            f"（三）平台建设。组织政务公开业务培训{p['trainings']}次，参训{p['trainees']}人次。",
        ],
        H5: [
            "存在的主要问题：一是信息发布的及时性有待提高；二是政策解读形式较为单一。",
            f"改进措施：{report.year + 1}年将加强业务培训，计划开展专题培训不少于{p['trainings'] + 1}次。",
        ],
        H6: [
            "本年度未收取信息处理费。",
            f"联系电话：{report.contact['phone']}；电子邮箱：{report.contact['email']}；地址：{report.contact['address']}。",
        ],
    }


# ---------------------------------------------------------------------------------------------
# Layouts. Each returns the file content (str, or bytes for docx).


def _s3_row_cells(report: Report) -> list[tuple[list[str], list[str]]]:
    """(labels shown on this row, values); parents only on the first row they span."""
    out = []
    shown: tuple[str, ...] = ()
    for row in report.s3_rows:
        labels = [part for i, part in enumerate(row.path) if shown[: i + 1] != row.path[: i + 1]]
        shown = row.path
        out.append((labels, [cell(report, v) for v in row.values]))
    return out


def render_html(report: Report) -> str:
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="generator" content="eval.synthetic: synthetic test data, invented bodies">',
        f"<title>{e(report.title)}</title></head><body>",
        f"<p>{e(MARKER)}</p>",
        f"<h1>{e(report.title)}</h1>",
    ]
    prose = prose_sections(report)
    out.append(f"<h2>{H1}</h2>")
    out += [f"<p>{e(t)}</p>" for t in prose[H1]]
    out.append(f"<h2>{H2}</h2>")
    for table in report.s2:
        width = 1 + len(table.columns)
        out.append('<table border="1">')
        out.append(f'<tr><td colspan="{width}">{table.article}</td></tr>')
        out.append("<tr><td>信息内容</td>" + "".join(f"<td>{c}</td>" for c in table.columns) + "</tr>")
        for label, values in table.rows:
            out.append(f"<tr><td>{label}</td>" + "".join(f"<td>{cell(report, v)}</td>" for v in values) + "</tr>")
        out.append("</table>")

    out.append(f"<h2>{H3}</h2>")
    out.append('<table border="1">')
    out.append(f'<tr><td colspan="3" rowspan="3">{S3_NOTE}</td><td colspan="7">申请人情况</td></tr>')
    out.append(f'<tr><td rowspan="2">自然人</td><td colspan="5">{LEGAL}</td><td rowspan="2">总计</td></tr>')
    out.append("<tr>" + "".join(f"<td>{c}</td>" for c in APPLICANTS[1:]) + "</tr>")
    spans: dict[tuple[str, ...], int] = {}
    for row in report.s3_rows:
        for depth in range(1, len(row.path)):
            spans[row.path[:depth]] = spans.get(row.path[:depth], 0) + 1
    shown: tuple[str, ...] = ()
    for row in report.s3_rows:
        tds = []
        for depth, part in enumerate(row.path, start=1):
            if shown[:depth] == row.path[:depth]:
                continue
            rowspan = spans.get(row.path[:depth], 1)
            colspan = 3 - depth + 1 if depth == len(row.path) else 1
            attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")
            tds.append(f"<td{attrs}>{part}</td>")
        shown = row.path
        tds += [f"<td>{cell(report, v)}</td>" for v in row.values]
        out.append("<tr>" + "".join(tds) + "</tr>")
    out.append("</table>")

    out.append(f"<h2>{H4}</h2>")
    out.append('<table border="1">')
    out.append('<tr><td colspan="5" rowspan="2">行政复议</td><td colspan="10">行政诉讼</td></tr>')
    out.append('<tr><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>')
    out.append("<tr>" + "".join(f"<td>{c}</td>" for c in S4_COLUMNS * 3) + "</tr>")
    out.append("<tr>" + "".join(f"<td>{cell(report, v)}</td>" for v in report.s4) + "</tr>")
    out.append("</table>")
    for heading in (H5, H6):
        out.append(f"<h2>{heading}</h2>")
        out += [f"<p>{e(t)}</p>" for t in prose[heading]]
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def render_md(report: Report) -> str:
    prose = prose_sections(report)
    out = [MARKER, "", f"# {report.title}", "", f"## {H1}", ""]
    for t in prose[H1]:
        out += [t, ""]
    out += [f"## {H2}", ""]
    for table in report.s2:
        out += [f"**{table.article}**", ""]
        out.append("| 信息内容 | " + " | ".join(table.columns) + " |")
        out.append("|" + "---|" * (1 + len(table.columns)))
        for label, values in table.rows:
            out.append(f"| {label} | " + " | ".join(cell(report, v) for v in values) + " |")
        out.append("")
    out += [f"## {H3}", ""]
    # a rectangular grid: three label columns, parents only on their first row
    out.append(f"| {S3_NOTE} | | | " + " | ".join(report.s3_columns) + " |")
    out.append("|" + "---|" * (3 + len(report.s3_columns)))
    for row, (labels, values) in zip(report.s3_rows, _s3_row_cells(report)):
        grid = [""] * 3
        for i, lab in enumerate(labels):
            grid[len(row.path) - len(labels) + i] = lab
        out.append("| " + " | ".join(grid) + " | " + " | ".join(values) + " |")
    out += ["", f"## {H4}", ""]
    out.append("| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |")
    out.append("|" + "---|" * 15)
    out.append("| | | | | | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |")
    out.append("| " + " | ".join(S4_COLUMNS * 3) + " |")
    out.append("| " + " | ".join(cell(report, v) for v in report.s4) + " |")
    out.append("")
    for heading in (H5, H6):
        out += [f"## {heading}", ""]
        for t in prose[heading]:
            out += [t, ""]
    return "\n".join(out)


def _prose_block(report: Report, heading: str) -> list[str]:
    return [heading, *prose_sections(report)[heading]]


def render_cells(report: Report) -> str:
    """One cell per line, tab-indented, values padded with U+3000, blank lines between rows."""
    pad = "\u3000" if report.style.get("pad") else ""
    out = [MARKER, report.title, *_prose_block(report, H1), H2]
    for table in report.s2:
        out += ["", f"\t{table.article}", "", "\t信息内容", *[f"\t{c}" for c in table.columns]]
        for label, values in table.rows:
            out += ["", f"\t{label}", *[f"\t{pad}{cell(report, v)}" for v in values]]
    out += ["", H3, "", f"\t{S3_NOTE}", "\t申请人情况", "\t自然人", f"\t{LEGAL}", "\t总计"]
    out += [f"\t{c}" for c in APPLICANTS[1:]]
    for labels, values in _s3_row_cells(report):
        out.append("")
        for lab in labels:
            if lab.startswith("（二）部分公开"):  # a label wrapped over two lines
                cut = lab.index("只计")
                out += [f"\t{lab[:cut]}", f"\t{lab[cut:]}"]
            else:
                out.append(f"\t{lab}")
        out += [f"\t{pad}{v}" if i % 2 else f"\t{v}{pad}" for i, v in enumerate(values)]
    out += ["", H4, "", "\t行政复议", "\t行政诉讼", "\t未经复议直接起诉", "\t复议后起诉", *[f"\t{c}" for c in S4_COLUMNS * 3]]
    out += [f"\t{pad}{cell(report, v)}" for v in report.s4]
    out += ["", *_prose_block(report, H5), *_prose_block(report, H6)]
    return "\n".join(out) + "\n"


def render_glued(report: Report) -> str:
    """Labels glued to their numbers: 予以公开1288 21 0 0 50 3 1362."""
    out = [MARKER, report.title, *_prose_block(report, H1), H2]
    for table in report.s2:
        out += [table.article, "信息内容 " + " ".join(table.columns)]
        for label, values in table.rows:
            out.append(label + " ".join(cell(report, v) for v in values))
    out += [H3, S3_NOTE, "申请人情况", f"自然人 {LEGAL} 总计", " ".join(APPLICANTS[1:])]
    for labels, values in _s3_row_cells(report):
        for lab in labels[:-1]:
            out.append(lab)
        out.append(labels[-1] + " ".join(values))
    out += [H4, "行政复议 行政诉讼", "未经复议直接起诉 复议后起诉", " ".join(S4_COLUMNS)]
    for i in range(3):
        out.append(" ".join(cell(report, v) for v in report.s4[i * 5 : i * 5 + 5]))
    out += [*_prose_block(report, H5), *_prose_block(report, H6)]
    return "\n".join(out) + "\n"


def _render_separated(report: Report, sep: str) -> str:
    out = [MARKER, report.title, *_prose_block(report, H1), H2]
    for table in report.s2:
        out += [table.article, sep.join(("信息内容", *table.columns))]
        for label, values in table.rows:
            out.append(sep.join([label, *(cell(report, v) for v in values)]))
    out += [H3, S3_NOTE, sep.join(report.s3_columns)]
    for labels, values in _s3_row_cells(report):
        out.append(sep.join([*labels, *values]))
    out += [H4, sep.join(("行政复议", "行政诉讼")), sep.join(S4_COLUMNS), sep.join(S4_COLUMNS), sep.join(S4_COLUMNS)]
    out.append(" ".join(cell(report, v) for v in report.s4))  # one bare row of 15 numbers
    out += [*_prose_block(report, H5), *_prose_block(report, H6)]
    return "\n".join(out) + "\n"


def render_tabs(report: Report) -> str:
    return _render_separated(report, "\t")


def render_spaces(report: Report) -> str:
    return _render_separated(report, "    ")


def render_docx(report: Report) -> bytes:
    import io

    import docx

    document = docx.Document()
    document.core_properties.comments = "synthetic test data, invented bodies"
    document.add_paragraph(MARKER)
    document.add_paragraph(report.title)
    prose = prose_sections(report)
    for t in [H1, *prose[H1], H2]:
        document.add_paragraph(t)
    for table in report.s2:
        width = 1 + len(table.columns)
        grid = document.add_table(rows=2 + len(table.rows), cols=width)
        merged = grid.cell(0, 0).merge(grid.cell(0, width - 1))
        merged.text = table.article
        for j, text in enumerate(("信息内容", *table.columns)):
            grid.cell(1, j).text = text
        for i, (label, values) in enumerate(table.rows, start=2):
            grid.cell(i, 0).text = label
            for j, v in enumerate(values, start=1):
                grid.cell(i, j).text = cell(report, v)

    document.add_paragraph(H3)
    rows = report.s3_rows
    grid = document.add_table(rows=3 + len(rows), cols=10)
    grid.cell(0, 0).merge(grid.cell(2, 2)).text = S3_NOTE
    grid.cell(0, 3).merge(grid.cell(0, 9)).text = "申请人情况"
    grid.cell(1, 3).merge(grid.cell(2, 3)).text = "自然人"
    grid.cell(1, 4).merge(grid.cell(1, 8)).text = LEGAL
    grid.cell(1, 9).merge(grid.cell(2, 9)).text = "总计"
    for j, text in enumerate(APPLICANTS[1:], start=4):
        grid.cell(2, j).text = text
    first_row: dict[tuple[str, ...], int] = {}
    last_row: dict[tuple[str, ...], int] = {}
    for i, row in enumerate(rows, start=3):
        for depth in range(1, len(row.path) + 1):
            first_row.setdefault(row.path[:depth], i)
            last_row[row.path[:depth]] = i
    for prefix, top in first_row.items():
        depth = len(prefix)
        is_leaf = any(r.path == prefix for r in rows)
        right = 2 if is_leaf else depth - 1
        area = grid.cell(top, depth - 1).merge(grid.cell(last_row[prefix], right))
        area.text = prefix[-1]
    for i, row in enumerate(rows, start=3):
        for j, v in enumerate(row.values, start=3):
            grid.cell(i, j).text = cell(report, v)

    document.add_paragraph(H4)
    grid = document.add_table(rows=4, cols=15)
    grid.cell(0, 0).merge(grid.cell(1, 4)).text = "行政复议"
    grid.cell(0, 5).merge(grid.cell(0, 14)).text = "行政诉讼"
    grid.cell(1, 5).merge(grid.cell(1, 9)).text = "未经复议直接起诉"
    grid.cell(1, 10).merge(grid.cell(1, 14)).text = "复议后起诉"
    for j, text in enumerate(S4_COLUMNS * 3):
        grid.cell(2, j).text = text
    for j, v in enumerate(report.s4):
        grid.cell(3, j).text = cell(report, v)
    for heading in (H5, H6):
        for t in (heading, *prose[heading]):
            document.add_paragraph(t)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()

def render_pdf(report: Report) -> bytes:
    """A printed report: ruled tables with merged header and label cells, as a PDF's text layer
    and pdfplumber see them. Needs reportlab (the dev extra); bytes are reproducible."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    text_style = ParagraphStyle("body", fontName="STSong-Light", fontSize=10, leading=15, wordWrap="CJK")
    cell_style = ParagraphStyle("cell", fontName="STSong-Light", fontSize=7, leading=9, wordWrap="CJK")

    def table(rows: list[list[str]], spans: list[tuple[tuple[int, int], tuple[int, int]]], widths) -> Table:
        data = [[Paragraph(html.escape(c), cell_style) if c else "" for c in row] for row in rows]
        commands = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
        commands += [("SPAN", a, b) for a, b in spans]
        grid = Table(data, colWidths=widths, repeatRows=0)
        grid.setStyle(TableStyle(commands))
        return grid

    prose = prose_sections(report)
    story: list = [Paragraph(report.title, text_style), Spacer(1, 6)]
    story += [Paragraph(html.escape(t), text_style) for t in [H1, *prose[H1], H2]]
    for s2 in report.s2:
        width = 1 + len(s2.columns)
        rows = [[s2.article] + [""] * (width - 1), ["信息内容", *s2.columns]]
        rows += [[label, *(cell(report, v) for v in values)] for label, values in s2.rows]
        story += [table(rows, [((0, 0), (width - 1, 0))], [120] + [360 / (width - 1)] * (width - 1)), Spacer(1, 6)]

    story.append(Paragraph(H3, text_style))
    s3 = report.s3_rows
    rows = [[S3_NOTE] + [""] * 2 + ["申请人情况"] + [""] * 6,
            [""] * 3 + ["自然人", LEGAL, "", "", "", "", "总计"],
            [""] * 3 + ["", *APPLICANTS[1:], ""]]
    spans = [((0, 0), (2, 2)), ((3, 0), (9, 0)), ((3, 1), (3, 2)), ((4, 1), (8, 1)), ((9, 1), (9, 2))]
    first_row: dict[tuple[str, ...], int] = {}
    last_row: dict[tuple[str, ...], int] = {}
    for i, row in enumerate(s3, start=3):
        rows.append([""] * 3 + [cell(report, v) for v in row.values])
        for depth in range(1, len(row.path) + 1):
            first_row.setdefault(row.path[:depth], i)
            last_row[row.path[:depth]] = i
    for prefix, top in first_row.items():
        depth = len(prefix)
        right = 2 if any(r.path == prefix for r in s3) else depth - 1
        rows[top][depth - 1] = prefix[-1]
        if (right, last_row[prefix]) != (depth - 1, top):
            spans.append(((depth - 1, top), (right, last_row[prefix])))
    story += [table(rows, spans, [60, 60, 90] + [40] * 7), Spacer(1, 6)]

    story.append(Paragraph(H4, text_style))
    rows = [["行政复议"] + [""] * 4 + ["行政诉讼"] + [""] * 9,
            [""] * 5 + ["未经复议直接起诉"] + [""] * 4 + ["复议后起诉"] + [""] * 4,
            list(S4_COLUMNS * 3),
            [cell(report, v) for v in report.s4]]
    spans = [((0, 0), (4, 1)), ((5, 0), (14, 0)), ((5, 1), (9, 1)), ((10, 1), (14, 1))]
    story += [table(rows, spans, [32] * 15), Spacer(1, 6)]
    for heading in (H5, H6):
        story += [Paragraph(html.escape(t), text_style) for t in (heading, *prose[heading])]
    story.append(Paragraph(MARKER, text_style))

    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, invariant=1, title=report.title,
                                 subject="synthetic test data, invented bodies", leftMargin=40, rightMargin=40)
    document.build(story)
    return buffer.getvalue()


RENDERERS = {
    "html": (".html", render_html),
    "md": (".md", render_md),
    "cells": (".txt", render_cells),
    "glued": (".txt", render_glued),
    "tabs": (".txt", render_tabs),
    "spaces": (".txt", render_spaces),
    "docx": (".docx", render_docx),
    "pdf": (".pdf", render_pdf),
}


def generate(out_dir: Path, seed: int = 20240611) -> list[Path]:
    """Write every synthetic report and its truth file; returns the report paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for spec in REPORTS:
        rng = random.Random(f"{seed}:{spec[0]}")
        report = build_report(rng, spec)
        suffix, render = RENDERERS[report.layout]
        content = render(report)
        path = out_dir / f"{report.name}{suffix}"
        if isinstance(content, bytes):
            path.write_bytes(_stable_docx(content) if suffix == ".docx" else content)
        else:
            path.write_text(content, encoding="utf-8")
        truth = out_dir / f"{report.name}.truth.json"
        truth.write_text(_dump_truth(report.truth()), encoding="utf-8")
        written.append(path)
    return written


def _dump_truth(truth: dict) -> str:
    """Pretty JSON with one fact per line: small files and readable diffs."""
    head = {k: v for k, v in truth.items() if k != "facts"}
    text = json.dumps(head, ensure_ascii=False, indent=1)[:-2]
    def compact(fact: dict) -> str:
        value = fact["value"]
        fact = {**fact, "value": int(value) if isinstance(value, float) and value.is_integer() else value}
        return json.dumps(fact, ensure_ascii=False, separators=(",", ":"))

    facts = ",\n  ".join(compact(f) for f in truth["facts"])
    return text + ',\n "facts": [\n  ' + facts + "\n ]\n}\n"



def _stable_docx(data: bytes) -> bytes:
    """Rewrite the zip with fixed timestamps and core dates so the bytes are reproducible."""
    import io
    import re
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in sorted(src.infolist(), key=lambda i: i.filename):
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2024-01-01T00:00:00Z", body)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, body)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="eval/reports/synthetic", help="output folder")
    parser.add_argument("--seed", type=int, default=20240611)
    args = parser.parse_args(argv)
    paths = generate(Path(args.out), args.seed)
    for path in paths:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
