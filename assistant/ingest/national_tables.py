"""Parse the statistics tables of the national templates (2019 and the 2021 revision).

Input is the stored text of a report. Tables arrive in several flattened layouts and this
module reads all of them with one pipeline:

1. find the sections 二 / 三 / 四 by their headings;
2. cut every line into cells (``|``-joined rows, tab or multi-space rows, one cell per line,
   labels glued to numbers such as ``予以公开1288 21 0``), each cell keeping its exact span;
3. stream the cells into rows: label cells, then the value cells that follow them;
4. read each section with its own knowledge of the template: section 三 matches row labels
   against the template's row tree (so rowspan parents left out of later rows are still known),
   section 四 reads its 15 numbers by order, section 二 takes its columns from the header rows.

Facts carry ``kind="table"`` and ``metric=None``; metrics are assigned by a later stage.
Whenever a row cannot be mapped without guessing, the row is skipped and a warning says why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations
from typing import Sequence

from assistant.ingest.numbers import CellValue, strip_padding
from assistant.ingest import table_arithmetic as arithmetic
from assistant.ingest import table_cells as tc
from assistant.records import NATIONAL_2019, NATIONAL_2021, Fact, Span

__all__ = ["NationalParse", "detect_national_template", "parse_national_tables", "template_metrics"]


@dataclass(frozen=True)
class NationalParse:
    template: str | None  # NATIONAL_2019 / NATIONAL_2021, or None for any other report
    facts: tuple[Fact, ...]
    warnings: tuple[str, ...]


# ---------------------------------------------------------------------------------------------
# Template knowledge

_NEW_MARKERS = (
    "收到和处理政府信息公开申请", "本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量",
    # section 二 alone (a page cut before 三): its column heads are the new templates' own
    "本年新制作数量", "本年新公开数量", "对外公开总数量", "本年制发件数", "现行有效件数",
)
_2021_MARKERS = ("本年制发件数", "现行有效件数", "申请人无正当理由逾期不补正", "逾期未按收费通知要求缴纳费用", "本年收费金额")

SECTION_HEADINGS = {
    "二": "二、主动公开政府信息情况",
    "三": "三、收到和处理政府信息公开申请情况",
    "四": "四、政府信息公开行政复议、行政诉讼情况",
    "五": "五、存在的主要问题及改进情况",
    "六": "六、其他需要报告的事项",
}
_HEADING_KEYS = {
    "二": re.compile(r"主动公开"),
    "三": re.compile(r"收到和处理.{0,8}申请"),
    "四": re.compile(r"行政复议.{0,6}行政诉讼"),
    "五": re.compile(r"问题|改进"),
    "六": re.compile(r"其他需要报告|其它需要报告"),
}


@dataclass(frozen=True)
class _Entry:
    level: int  # 1: 一、…  2: （一）…  3: 1.…
    label: str  # the template's own wording, used when the report leaves a parent out
    key: str  # normalised start of the label used for matching
    parent: int | None  # index of the parent entry


def _tree(spec: list[tuple[int, str, str]]) -> tuple[_Entry, ...]:
    entries: list[_Entry] = []
    last_at: dict[int, int] = {}
    for level, label, key in spec:
        parent = last_at.get(level - 1) if level > 1 else None
        entries.append(_Entry(level, label, key, parent))
        last_at[level] = len(entries) - 1
    return tuple(entries)


_S3_HEAD = [
    (1, "一、本年新收政府信息公开申请数量", "本年新收"),
    (1, "二、上年结转政府信息公开申请数量", "上年结转"),
    (1, "三、本年度办理结果", "本年度办理结果"),
    (2, "（一）予以公开", "予以公开"),
    (2, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "部分公开"),
    (2, "（三）不予公开", "不予公开"),
    (3, "1.属于国家秘密", "属于国家秘密"),
    (3, "2.其他法律行政法规禁止公开", "其他法律行政法规禁止公开"),
    (3, "3.危及“三安全一稳定”", "危及三安全一稳定"),
    (3, "4.保护第三方合法权益", "保护第三方合法权益"),
    (3, "5.属于三类内部事务信息", "属于三类内部事务信息"),
    (3, "6.属于四类过程性信息", "属于四类过程性信息"),
    (3, "7.属于行政执法案卷", "属于行政执法案卷"),
    (3, "8.属于行政查询事项", "属于行政查询事项"),
    (2, "（四）无法提供", "无法提供"),
    (3, "1.本机关不掌握相关政府信息", "本机关不掌握"),
    (3, "2.没有现成信息需要另行制作", "没有现成信息"),
    (3, "3.补正后申请内容仍不明确", "补正后申请内容仍不明确"),
    (2, "（五）不予处理", "不予处理"),
    (3, "1.信访举报投诉类申请", "信访举报投诉"),
    (3, "2.重复申请", "重复申请"),
    (3, "3.要求提供公开出版物", "要求提供公开出版物"),
    (3, "4.无正当理由大量反复申请", "无正当理由大量反复申请"),
    (3, "5.要求行政机关确认或重新出具已获取信息", "要求行政机关确认或重新出具"),
    (2, "（六）其他处理", "其他处理"),
]
_S3_2021_OTHER = [
    (3, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "申请人无正当理由逾期不补正"),
    (3, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "申请人逾期未按收费通知"),
    (3, "3.其他", "其他"),
]
_S3_TAIL = [
    (2, "（七）总计", "总计"),
    (1, "四、结转下年度继续办理", "结转下年度继续办理"),
]
S3_ROWS = {
    NATIONAL_2019: _tree(_S3_HEAD + _S3_TAIL),
    NATIONAL_2021: _tree(_S3_HEAD + _S3_2021_OTHER + _S3_TAIL),
}

# Section 三 columns: applicant kinds. 法人或其他组织 is the group over the five middle columns.
S3_COLUMNS = arithmetic.APPLICANT_COLUMNS  # 自然人, the five 法人或其他组织 columns, 总计
_S3_NATURAL = {"自然人"}
_S3_GROUP = {"法人或其他组织", "法人或者其他组织"}
_S3_SUBS = {"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"}
_S3_TOTAL = {"总计", "合计"}
_S3_HEADER_OTHER = {"申请人情况"}

# Section 四: three groups of the same five results, read by order.
S4_GROUPS = (("行政复议",), ("行政诉讼", "未经复议直接起诉"), ("行政诉讼", "复议后起诉"))
S4_COLUMNS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")

_ARTICLE_RE = re.compile(r"第二十条\s*第?\s*[（(]\s*[一二三四五六七八九十]+\s*[）)]\s*项?")
_S2_COLUMN_RE = re.compile(r"数量|件数|金额|增/减|增减|增／减|项目数")
# the first line of a section 二 column head its cell wrapped: 本年新 | 制作数量, 本年 | 制发件数
_S2_HEAD_START_RE = re.compile(r"本年新?|上一年|对外公开|采购|本年收费")
# a head cut to its first line and standing alone in the header (本年新 | 本年新 | 对外公开总数量)
_S2_HEAD_STUBS = frozenset({"本年新", "本年"})

# ---------------------------------------------------------------------------------------------
# Sections


@dataclass(frozen=True)
class _Section:
    heading: str  # as written, or the template wording when the heading was not found
    start: int  # first character after the heading line
    end: int


def _find_headings(text: str) -> dict[str, tuple[int, int, str]]:
    """{number: (line start, line end, heading as written)} for sections 二 to 六, in order."""
    found: dict[str, tuple[int, int, str]] = {}
    order = ["二", "三", "四", "五", "六"]
    search_from = 0
    head_re = re.compile(r"^[#>*\s]*(?P<h>(?:(?P<n>[一二三四五六])\s*[、.．]|[（(](?P<m>[一二三四五六])[）)])\s*(?P<rest>.*?))[*\s]*$")
    lines = list(tc.lines(text, 0, len(text)))
    for number in order:
        for ls, le in lines:
            if ls < search_from:
                continue
            line = text[ls:le]
            if any(p in line for p in tc.PIPES) or len(strip_padding(line)) > 60:
                continue
            match = head_re.match(line)
            if not match or (match["n"] or match["m"]) != number:
                continue
            if _HEADING_KEYS[number].search(match["rest"]):
                found[number] = (ls, le, strip_padding(match["h"]))
                search_from = le
                break
    return found


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _sections(text: str, warnings: list[str]) -> dict[str, _Section]:
    heads = _find_headings(text)
    sections: dict[str, _Section] = {}
    n = len(text)

    # Section 三
    if "三" in heads:
        s3_start, s3_heading = heads["三"][1], heads["三"][2]
    else:
        anchor = re.search(r"本\s*年\s*新\s*收", text)
        if anchor is None:
            warnings.append("section 三: table not found")
            s3_start, s3_heading = None, SECTION_HEADINGS["三"]
        else:
            warnings.append("section 三: heading not found; reading the table from 本年新收")
            # the column header stands just above the first row
            window = max(0, anchor.start() - 600)
            header = re.search(r"申请人情况|自然人", text[window : anchor.start()])
            s3_start = _line_start(text, window + header.start() if header else anchor.start())
            s3_heading = SECTION_HEADINGS["三"]

    # Section 四
    after_s3 = s3_start or 0
    if "四" in heads:
        s4_start, s4_heading, s4_head_line = heads["四"][1], heads["四"][2], heads["四"][0]
    else:
        s4_heading = SECTION_HEADINGS["四"]
        carry = text.find("结转下年度", after_s3)
        anchor = text.find("行政复议", carry if carry >= 0 else after_s3)
        if anchor < 0:
            warnings.append("section 四: table not found")
            s4_start = s4_head_line = None
        else:
            warnings.append("section 四: heading not found; reading from 行政复议")
            s4_start = s4_head_line = _line_start(text, anchor)

    ends = [heads[k][0] for k in ("五", "六") if k in heads]
    if s4_start is not None:
        ends = [e for e in ends if e > s4_start]
        sections["四"] = _Section(s4_heading, s4_start, min(ends) if ends else n)
    if s3_start is not None:
        s3_end = s4_head_line if s4_head_line is not None and s4_head_line > s3_start else None
        if s3_end is None:
            later = [heads[k][0] for k in ("五", "六") if k in heads and heads[k][0] > s3_start]
            s3_end = min(later) if later else n
        sections["三"] = _Section(s3_heading, s3_start, s3_end)

    # Section 二
    s2_end = heads["三"][0] if "三" in heads else (_line_start(text, s3_start) if s3_start else n)
    if "二" in heads:
        sections["二"] = _Section(heads["二"][2], heads["二"][1], max(heads["二"][1], s2_end))
    else:
        article = _ARTICLE_RE.search(text, 0, s2_end)
        if article:
            sections["二"] = _Section(SECTION_HEADINGS["二"], _line_start(text, article.start()), s2_end)
    return sections


# ---------------------------------------------------------------------------------------------
# Section 三


def _s3_columns(header: list[tc.Cell], warnings: list[str]) -> list[str]:
    # named as the template writes them: a header cell broken by <br> (商业 企业) is 商业企业
    names = [tc.norm(c.text) for c in header]
    natural = [n for n in names if n in _S3_NATURAL]
    group = [n for n in names if n in _S3_GROUP]
    subs = list(dict.fromkeys(n for n in names if n in _S3_SUBS))
    total = [n for n in names if n in _S3_TOTAL]
    if natural and total and (subs or group):
        return [natural[0], *(subs or group[:1]), total[0]]
    if any(tc.norm(c.text) in _S3_NATURAL | _S3_GROUP | _S3_SUBS | _S3_TOTAL for c in header):
        warnings.append("section 三: column header not readable; assuming the standard 7 columns")
    return list(S3_COLUMNS)


def _match_entry(label: str, entries: tuple[_Entry, ...], pos: int) -> int | None:
    norm = tc.norm(label)
    if not norm:
        return None

    def fits(entry: _Entry) -> bool:
        if len(entry.key) <= 2 and norm != entry.key and any(e.key != entry.key and e.key.startswith(norm) for e in entries):
            return False  # 其他处 is a piece of （六）其他处理 printed beside its rows, not 3.其他
        return norm.startswith(entry.key) or (len(norm) >= 4 and entry.key.startswith(norm))

    for i in list(range(pos, len(entries))) + list(range(0, pos)):
        if fits(entries[i]):
            return i
    return None


_ROW_MARKER_RE = re.compile(r"\s*(?:[（(][一二三四五六七八九十]+[）)]|\d+\s*[.．、])")


def _unglued(cell: tc.Cell, entries: tuple[_Entry, ...], pos: int) -> tc.Cell | None:
    """A row label with the last characters of a group label printed one a line glued before it
    (三/、/本/…/结/果（一）予以公开, （/三/）/不/予/公/开1.属于国家秘密): the row's own label, or None."""
    for cut in range(1, 5):
        head, rest = cell.text[:cut], cell.text[cut:]
        head_norm = tc.norm(head)
        # one character of a group label printed one a line, in turn beside each row (三/、/本/年/度
        # of 三、本年度办理结果 before 5./6./7./8.: a district office of heldout5), or its last characters
        glued = any(head in e.label for e in entries) if cut == 1 else any(tc.norm(e.label).endswith(head_norm) for e in entries)
        if not _ROW_MARKER_RE.match(rest) or not head.strip() or not glued:
            continue  # the rest must open with its row's marker: （一）予以公开, 1.属于国家秘密
        if _match_entry(rest, entries, pos) is not None:
            return tc.Cell(cell.kind, rest, cell.start + cut, cell.end, cell.value)
    return None


def _parse_s3(text: str, section: _Section, template: str, warnings: list[str]) -> list[Fact]:
    # Match against the fuller 2021 tree: a 2019-looking report may still split （六）其他处理.
    entries = S3_ROWS[NATIONAL_2021]
    rows = tc.rows(text, section.start, section.end)
    header: list[tc.Cell] = []
    columns: list[str] | None = None
    stack: list[tuple[int, str] | None] = [None, None, None]  # (entry index, label as written)
    pos = 0
    started = False
    seen: set[int] = set()
    previous_entry: int | None = None  # the last row named, for its label's wrapped rest
    facts: list[Fact] = []
    short_rows: list[tuple[int, tuple[str, ...], int, list[tc.Cell], str]] = []
    full_rows: dict[int, list[float | None]] = {}  # the rows read whole: entry -> figures
    header_names = _S3_NATURAL | _S3_GROUP | _S3_SUBS | _S3_TOTAL | _S3_HEADER_OTHER

    for row in rows:
        row_entry: int | None = None
        row_cells: list[tc.Cell] = []  # the labels that name this row
        own_cell: tc.Cell | None = None  # the label of the row itself (the deepest one)
        last_was_row_label = False
        for cell in row.labels:
            norm = tc.norm(cell.text)
            if not started and (norm in header_names or "勾稽" in norm):
                header.append(cell)
                continue
            found = None if norm in header_names - {"其他", "总计"} else _match_entry(cell.text, entries, pos)
            if found is None and norm not in header_names:
                unglued = _unglued(cell, entries, pos)
                if unglued is not None:  # 果（一）予以公开: the group label's last character glued on
                    cell, norm = unglued, tc.norm(unglued.text)
                    found = _match_entry(cell.text, entries, pos)
            if found is not None:
                started = True
                pos = found + 1
                entry = entries[found]
                # parents the report left out (rowspan cells shown once) keep their written form
                chain = []
                up = entry.parent
                while up is not None:
                    chain.append(up)
                    up = entries[up].parent
                for anc in reversed(chain):
                    level = entries[anc].level
                    if stack[level - 1] is None or stack[level - 1][0] != anc:
                        stack[level - 1] = (anc, entries[anc].label)
                stack[entry.level - 1] = (found, cell.text)
                for deeper in range(entry.level, 3):
                    stack[deeper] = None
                row_entry = found
                own_cell = cell
                row_cells.append(cell)
                last_was_row_label = True
            elif started and last_was_row_label and row_entry is not None and norm not in header_names:
                # a label wrapped over two cells or lines: join it to the label it continues
                level = entries[row_entry].level
                index, written = stack[level - 1]
                stack[level - 1] = (index, written + cell.text)
                row_cells.append(cell)
            elif started and previous_entry is not None and norm and norm in tc.norm(entries[previous_entry].label):
                # the rest of the previous row's label, wrapped under its numbers (printed PDFs)
                last_was_row_label = False
            else:
                last_was_row_label = False
                # a piece of a group label printed one or two characters a line (三/本/年/度…) is no row
                piece = len(norm) <= 4 and any(norm in tc.norm(e.label) for e in entries)
                if started and norm and not piece:
                    warnings.append(f"section 三: unrecognised row label {cell.text!r}")

        if row_entry is not None:
            previous_entry = row_entry
        if not row.values:
            continue
        if row_entry is None:
            if tc.hard_count(row.values) and started:
                warnings.append(f"section 三: {tc.hard_count(row.values)} numbers without a known row label")
            continue
        if columns is None:
            columns = _s3_columns(header, warnings)
        label = stack[entries[row_entry].level - 1][1]
        values = tc.pick_values(row.values, len(columns))
        if values is None and len(columns) != len(S3_COLUMNS) and not seen:
            # a header wrapped by the column width (社会公益 / 组织) reads short: the first row's
            # count of numbers decides when it is the template's
            values = tc.pick_values(row.values, len(S3_COLUMNS))
            if values is not None:
                warnings.append(
                    f"section 三: the column header reads as {len(columns)} columns but the rows hold "
                    f"{len(S3_COLUMNS)} numbers; assuming the standard {len(S3_COLUMNS)} columns"
                )
                columns = list(S3_COLUMNS)
        # a label cut by a page break (三、本年度办理结 | 果 on the next page) is named as the template names it
        path = tuple(
            written if tc.norm(written).startswith(entries[index].key) else entries[index].label
            for index, written in stack[: entries[row_entry].level]
        )
        # the row as written starts at the first label on the line of the row's own label
        own_line = _line_start(text, own_cell.start)
        row_start = min(c.start for c in row_cells if _line_start(text, c.start) == own_line)
        if values is None:
            numbers = [v for v in row.values if v.kind == "value" and v.value is not None]
            if 0 < len(numbers) < len(columns):
                short_rows.append((row_entry, path, row_start, numbers, label))  # blank cells left out
            else:
                warnings.append(
                    f"section 三: row {label!r}: expected {len(columns)} numbers, found {tc.hard_count(row.values)}; row skipped"
                )
            continue
        seen.add(row_entry)
        full_rows[row_entry] = [cell.value.value if cell.value is not None else None for cell in values]
        span = Span(row_start, max(v.end for v in values))
        for column, cell in zip(columns, values):
            facts.append(_fact(section.heading, path, column, cell, span, default_unit="件"))

    placed = _place_blanks(short_rows, len(columns or S3_COLUMNS), full_rows, entries)
    for (row_entry, path, row_start, numbers, label), cells in zip(short_rows, placed):
        unread = [column for column, cell in zip(columns or S3_COLUMNS, cells) if cell is None]
        note = f"section 三: row {label!r}: {len(numbers)} numbers for {len(columns or S3_COLUMNS)} columns (blank cells left out)"
        if unread:
            warnings.append(f"{note}; where the blanks stand is not certain: {'、'.join(unread)} not read")
        else:
            warnings.append(f"{note}; placed by the row's arithmetic and the table's blank columns")
        # a cell the readings disagree on is stored unread: no figure, the row's numbers as written
        run = tc.Cell("value", text[numbers[0].start : numbers[-1].end], numbers[0].start, numbers[-1].end, None)
        seen.add(row_entry)
        span = Span(row_start, numbers[-1].end)
        for column, cell in zip(columns or S3_COLUMNS, cells):
            if isinstance(cell, tc.Cell):
                facts.append(_fact(section.heading, path, column, cell, span, default_unit="件"))
            elif cell is None:
                facts.append(_fact(section.heading, path, column, run, span, default_unit="件"))

    expected = S3_ROWS[template]
    leaves = [e.label for i, e in enumerate(expected) if not any(x.parent == i for x in expected)]
    seen_labels = {entries[i].label for i in seen}
    missing = [label for label in leaves if label not in seen_labels]
    if started and missing:
        warnings.append(f"section 三: {len(missing)} rows without values: " + "; ".join(missing))
    elif not started:
        warnings.append("section 三: no known row label found")
    return facts


_BLANK = "blank"


def _place_blanks(
    short_rows: list[tuple], width: int, full_rows: dict[int, list[float | None]], entries: Sequence[_Entry]
) -> list[list[tc.Cell | str | None]]:
    """Rows printed without their blank cells (``10 4 0 0 1 0`` for seven columns), each cell
    as a value cell, _BLANK, or None where it cannot be told.

    Every placement of the blanks is a reading; the row's arithmetic drops those it rules out
    (a blank is a count, never negative: when the written parts exceed the last number, the
    total is what is blank). Rows left with one reading show which columns the table leaves
    blank, and the others keep the readings that blank only those. Where the written numbers
    add up with the last as 总计 and no such column says otherwise, the total is the total.
    Then the table's column identities (the results add up to （七）总计; 本年新收 + 上年结转 =
    （七）总计 + 结转下年度) keep the readings that let every column add up, a blank counted 0
    (``_settled``). A cell the remaining readings disagree on is not read."""
    readings: list[list[tuple[arithmetic.Piece, ...]]] = []
    for _, _, _, numbers, _ in short_rows:
        written = [(cell.text, cell.value.value) for cell in numbers]
        readings.append(arithmetic.arrangements(written, width, arithmetic.row_sums, split_digits=False, blanks=True) or [])

    def blanks_of(reading: tuple[arithmetic.Piece, ...]) -> frozenset[int]:
        return frozenset(i for i, piece in enumerate(reading) if piece.token is None)

    blank_columns = frozenset().union(*(blanks_of(found[0]) for found in readings if len(found) == 1))
    narrowed: list[list[tuple[arithmetic.Piece, ...]]] = []
    for (_, _, _, numbers, _), found in zip(short_rows, readings):
        fitting = [r for r in found if blanks_of(r) <= blank_columns]
        if fitting:
            found = fitting
        elif sum(c.value.value for c in numbers[:-1]) == numbers[-1].value.value:
            found = [r for r in found if r[-1].token == len(numbers) - 1] or found
        narrowed.append(found)
    narrowed = _settled(short_rows, narrowed, full_rows, entries, width)
    out: list[list[tc.Cell | str | None]] = []
    for (_, _, _, numbers, _), found in zip(short_rows, narrowed):
        cells: list[tc.Cell | str | None] = []
        for piece in arithmetic.agreed(found) if found else [None] * width:
            cells.append(None if piece is None else _BLANK if piece.token is None else numbers[piece.token])
        out.append(cells)
    return out


def _settled(
    short_rows: list[tuple],
    found: list[list[tuple[arithmetic.Piece, ...]]],
    full_rows: dict[int, list[float | None]],
    entries: Sequence[_Entry],
    width: int,
) -> list[list[tuple[arithmetic.Piece, ...]]]:
    """The readings of the short rows that the section's column identities allow, when some
    short row still has several: the results (（一）…（六）, each group by its items when the
    report prints them, else by its own row) add up to （七）总计, and 一 + 二 = （七） + 四.
    An identity some of whose rows are missing is not used; a column that a whole row leaves
    blank is left out of the sums (its blank is an unknown count, not 0). When no choice of
    readings keeps the identities, every reading stays (the table breaks them, a finding says so)."""
    if all(len(f) <= 1 for f in found) or width != len(S3_COLUMNS):
        return found
    short_at = {row_entry: i for i, (row_entry, *_rest) in enumerate(short_rows)}
    present = set(full_rows) | set(short_at)
    index = {e.key: i for i, e in enumerate(entries)}
    results_group, total = index["本年度办理结果"], index["总计"]
    results: list[int] = []
    for i, entry in enumerate(entries):
        if entry.parent != results_group or i == total:
            continue
        items = [j for j, e in enumerate(entries) if e.parent == i]
        if items and any(j in present for j in items):
            results += items  # a group counted by its items (a missing one is caught below)
        else:
            results.append(i)
    identities = [[(row, 1) for row in results] + [(total, -1)]]
    identities.append([(index["本年新收"], 1), (index["上年结转"], 1), (total, -1), (index["结转下年度继续办理"], -1)])
    identities = [identity for identity in identities if all(row in present for row, _ in identity)]
    # a column some whole row leaves blank is an unknown, not a 0: it is out of the sums
    unknown = {j for values in full_rows.values() for j, v in enumerate(values) if v is None}
    rows = sorted(present)
    position = {row: i for i, row in enumerate(rows)}
    sums = [[(position[row], sign) for row, sign in identity] for identity in identities]

    def settled(choices: list[list[tuple[arithmetic.Piece, ...]]]) -> list[list[tuple[arithmetic.Piece, ...]]] | None:
        readings: list[list[tuple[float | None, ...]]] = []
        for row in rows:
            if row in short_at:
                options = [tuple(p.value for p in reading) for reading in choices[short_at[row]]]
            else:
                options = [tuple(full_rows[row])]
            readings.append([tuple(None if j in unknown else v for j, v in enumerate(r)) for r in options])
        kept = arithmetic.settle(readings, sums)
        if kept is None:
            return None
        return [[f[j] for j in kept[position[row]]] for (row, *_rest), f in zip(short_rows, choices)]

    # A table leaves the same columns blank (科研机构 and 法律服务机构 wherever they are 0): each
    # set of that many columns is a hypothesis, and those under which the identities hold are kept
    most = max(len(_blanks_of(r)) for f in found for r in f)
    agreeing: list[list[list[tuple[arithmetic.Piece, ...]]]] = []
    if 0 < most <= 3:
        for columns in combinations(range(width), most):
            restricted = [[r for r in f if _blanks_of(r) <= set(columns)] for f in found]
            if all(restricted):
                kept = settled(restricted)
                if kept is not None:
                    agreeing.append(kept)
    if agreeing:
        return [list(dict.fromkeys(r for kept in agreeing for r in kept[i])) for i in range(len(found))]
    return settled(found) or found


def _blanks_of(reading: tuple[arithmetic.Piece, ...]) -> frozenset[int]:
    return frozenset(i for i, piece in enumerate(reading) if piece.token is None)


def _fact(table: str, path: tuple[str, ...], column: str, cell: tc.Cell, span: Span, *, default_unit: str | None) -> Fact:
    value = cell.value if cell.value is not None else CellValue(None, None)
    return Fact(
        kind="table",
        table=table,
        row_path=path,
        column=column,
        value=value.value,
        unit=value.unit or default_unit,
        raw=cell.text,
        span=span,
        value_span=Span(cell.start, cell.end),
    )


# ---------------------------------------------------------------------------------------------
# Section 四


def _parse_s4(text: str, section: _Section, warnings: list[str]) -> list[Fact]:
    rows = tc.rows(text, section.start, section.end)
    written: dict[str, str] = {}
    for row in rows:
        for cell in row.labels:
            written.setdefault(tc.norm(cell.text), cell.text)
    values = [v for row in rows for v in row.values]
    picked: list[tc.Cell | None] | None = tc.pick_values(values, 15)
    if picked is None:
        picked = _s4_by_arithmetic(values, warnings)
    if picked is None:
        warnings.append(f"section 四: expected 15 numbers, found {tc.hard_count(values)}")
        return []

    # Evidence: the line holding the value when it holds several, else the whole run of 15.
    read = [cell for cell in picked if cell is not None]
    by_line: dict[int, list[tc.Cell]] = {}
    for cell in read:
        by_line.setdefault(_line_start(text, cell.start), []).append(cell)
    block = Span(read[0].start, read[-1].end)

    def as_written(name: str) -> str:
        return written.get(tc.norm(name), name)

    facts = []
    for i, cell in enumerate(picked):
        if cell is None:
            continue
        group, column = S4_GROUPS[i // 5], S4_COLUMNS[i % 5]
        line = by_line[_line_start(text, cell.start)]
        span = Span(line[0].start, line[-1].end) if len(line) > 1 else block
        path = tuple(as_written(part) for part in group)
        facts.append(_fact(section.heading, path, as_written(column), cell, span, default_unit="件"))
    return facts


def _s4_by_arithmetic(values: list[tc.Cell], warnings: list[str]) -> list[tc.Cell | None] | None:
    """表四's 15 cells from numbers printed fused (``01 04 50 12 25 00 10 1``) or with blank cells
    left out: every reading whose blocks add up (four results, then their 总计); a cell the
    readings disagree on stays unread (None). None when no reading adds up."""
    hard = [v for v in values if v.kind == "value" and v.value is not None]
    count = len(hard)
    if not hard or count == 15:
        return None
    check = arithmetic.blocks_sum(len(S4_COLUMNS))
    written = [(cell.text, cell.value.value) for cell in hard]
    found = arithmetic.arrangements(written, 15, check, split_digits=count < 15, blanks=False, prefix=check)
    how = "fused numbers split"
    if not found and 12 <= count < 15:  # a few blank cells left out, not a table half lost
        found = arithmetic.arrangements(written, 15, check, split_digits=False, blanks=True)
        how = "blank cells placed"
    if not found:
        return None
    agreed = arithmetic.agreed(found)
    cells: list[tc.Cell | None] = []
    for piece in agreed:
        if piece is None or piece.token is None:
            cells.append(None)  # unread, or a blank cell: no figure
            continue
        source = hard[piece.token]
        if (piece.start, piece.end) == (0, len(source.text)):
            cells.append(source)
        else:
            start = source.start + piece.start
            cells.append(tc.Cell("value", source.text[piece.start : piece.end], start, source.start + piece.end, CellValue(piece.value, None)))
    unread = sum(1 for piece in agreed if piece is None)
    note = f"section 四: {count} numbers for 15 cells; {how} by the identities (each block's results add up to its 总计)"
    if len(found) > 1:
        note += f": {len(found)} readings fit, {unread} cells differ between them and are not read" if unread else f": {len(found)} readings fit and agree"
    warnings.append(note)
    return cells if any(cell is not None for cell in cells) else None


# ---------------------------------------------------------------------------------------------
# Section 二


def _s2_unit(column: str) -> str | None:
    if "万元" in column:
        return "万元"
    if "元" in column:
        return "元"
    if "金额" in column:
        return "万元"
    if "件数" in column or "件" in column:
        return "件"
    return None


# Section 二's columns per article, as each template heads them: a row whose header the page
# lost or cut (本年新 | 本年新 | 对外公开总数量) takes them when the heads it kept are the template's.
_S2_YEARLY = ("上一年项目数量", "本年增/减", "处理决定数量")
S2_COLUMNS = {
    (NATIONAL_2019, "一"): ("本年新制作数量", "本年新公开数量", "对外公开总数量"),
    (NATIONAL_2021, "一"): ("本年制发件数", "本年废止件数", "现行有效件数"),
    (NATIONAL_2019, "五"): _S2_YEARLY,
    (NATIONAL_2019, "六"): _S2_YEARLY,
    (NATIONAL_2021, "五"): ("本年处理决定数量",),
    (NATIONAL_2021, "六"): ("本年处理决定数量",),
    (NATIONAL_2019, "八"): ("上一年项目数量", "本年增/减"),
    (NATIONAL_2021, "八"): ("本年收费金额（单位：万元）",),
    (NATIONAL_2019, "九"): ("采购项目数量", "采购总金额"),
}
_ARTICLE_NUMBER_RE = re.compile(r"[（(]\s*([一二三四五六七八九十]+)\s*[）)]")


def _template_columns(template: str, article: str | None, read: list[tc.Cell], count: int) -> tuple[str, ...] | None:
    """The template's columns of ``article`` when the row holds as many numbers and every head
    the page kept is one of them (whole, or its first line: 本年新)."""
    number = _ARTICLE_NUMBER_RE.search(article or "")
    heads = S2_COLUMNS.get((template, number.group(1))) if number else None
    if not heads or len(heads) != count or not read:
        return None
    kept = [tc.norm(c.text) for c in read]
    if all(any(h == k or h.startswith(k) for h in map(tc.norm, heads)) for k in kept):
        return heads
    return None


def _parse_s2(text: str, section: _Section, template: str, warnings: list[str]) -> list[Fact]:
    facts: list[Fact] = []
    article: str | None = None
    columns: list[tc.Cell] = []
    data_since_header = False
    for row in tc.rows(text, section.start, section.end):
        row_label: tc.Cell | None = None
        stub: tc.Cell | None = None  # a head cut to its first line, just read (本年新)
        for cell in row.labels:
            norm = tc.norm(cell.text)
            article_match = _ARTICLE_RE.search(cell.text)
            if article_match:
                article = article_match.group(0)
                columns, data_since_header, row_label = [], False, None
            elif norm == "信息内容" or _S2_COLUMN_RE.search(cell.text) or (norm in _S2_HEAD_STUBS and not data_since_header):
                if data_since_header:
                    columns, data_since_header = [], False
                if norm != "信息内容":
                    if stub is not None and not _S2_HEAD_START_RE.match(norm):
                        # a head wrapped by its cell (本年新 / 制作数量): one column, written as one
                        columns[-1] = tc.Cell("label", stub.text + cell.text, stub.start, cell.end)
                        stub = None
                        continue
                    if row_label is not None and _S2_HEAD_START_RE.fullmatch(tc.norm(row_label.text)):
                        cell = tc.Cell("label", row_label.text + cell.text, row_label.start, cell.end)
                        row_label = None
                    columns.append(cell)
                    stub = cell if norm in _S2_HEAD_STUBS else None
                    continue
                stub = None
            elif norm:
                row_label = cell
        if not row.values:
            continue
        where = f"section 二 {article or ''}".rstrip()
        if row_label is None:
            if tc.hard_count(row.values):
                warnings.append(f"{where}: {tc.hard_count(row.values)} numbers without a row label")
            continue
        if not columns:
            warnings.append(f"{where}: row {row_label.text!r} has numbers but no column header")
            continue
        names = [c.text for c in columns]
        values = tc.pick_values(row.values, len(columns))
        if values is None or any(tc.norm(c.text) in _S2_HEAD_STUBS for c in columns):
            count = len(values) if values is not None else tc.hard_count(row.values)
            heads = _template_columns(template, article, columns, count)
            if heads is not None:
                values = values or tc.pick_values(row.values, count)
            if values is None:
                warnings.append(f"{where}: row {row_label.text!r}: expected {len(columns)} numbers, found {count}; row skipped")
                continue
            if heads is not None:
                names = list(heads)
                warnings.append(f"{where}: row {row_label.text!r}: the column heads read {'、'.join(c.text for c in columns)}; the template's {'、'.join(heads)} used")
        data_since_header = True
        table = f"{section.heading} › {article}" if article else section.heading
        span = Span(row_label.start, max(v.end for v in values))
        for column, cell in zip(names, values):
            facts.append(_fact(table, (row_label.text,), column, cell, span, default_unit=_s2_unit(column)))
    return facts


# ---------------------------------------------------------------------------------------------


def request_table_metrics(catalogue) -> frozenset[str]:
    """The metrics the rows of the request table (三) hold: the only figures split by applicant
    (自然人, 商业企业 …)."""
    found: set[str | None] = set()
    entries = S3_ROWS[NATIONAL_2021]
    for entry in entries:
        path, up = [entry.label], entry.parent
        while up is not None:
            path.insert(0, entries[up].label)
            up = entries[up].parent
        found.add(catalogue.match_row(path, "总计", SECTION_HEADINGS["三"]))
    return frozenset(m for m in found if m is not None)


def template_metrics(catalogue) -> frozenset[str]:
    """The metrics the rows of the request table (三) and the review table (四) hold: figures a
    national-template report states in its tables, whatever its sentences say."""
    found: set[str | None] = set(request_table_metrics(catalogue))
    for group in S4_GROUPS:
        for column in S4_COLUMNS:
            found.add(catalogue.match_row(list(group), column, SECTION_HEADINGS["四"]))
    return frozenset(m for m in found if m is not None)


def detect_national_template(text: str) -> str | None:
    """NATIONAL_2021 / NATIONAL_2019 when the new template's markers occur, else None."""
    compact = re.sub(r"\s", "", text)
    if not any(marker in compact for marker in _NEW_MARKERS):
        return None
    if any(marker in compact for marker in _2021_MARKERS):
        return NATIONAL_2021
    return NATIONAL_2019


def parse_national_tables(text: str) -> NationalParse:
    """Every cell of the new-template tables of ``text``, with exact spans.

    Returns ``template=None`` and no facts when ``text`` is not a new-template report.
    """
    template = detect_national_template(text)
    if template is None:
        return NationalParse(None, (), ())
    warnings: list[str] = []
    sections = _sections(text, warnings)
    facts: list[Fact] = []
    if "二" in sections:
        facts += _parse_s2(text, sections["二"], template, warnings)
    else:
        warnings.append("section 二: not found")
    if "三" in sections:
        facts += _parse_s3(text, sections["三"], template, warnings)
    if "四" in sections:
        facts += _parse_s4(text, sections["四"], warnings)
    return NationalParse(template, tuple(facts), tuple(warnings))
