"""The old statistics table (reports up to 2018): 统计指标 | 单位 | 统计数.

Real files bring it in several shapes: one row per line (``收到申请数 | 件 | 6`` from HTML or
Word, or tab-separated), or flattened with every cell on its own tab-indented line, labels
wrapped over two lines and values padded with U+3000 (seed 000). Both are read as one stream
of cells; a row is ``label-cells, [unit], value``. Nesting comes from the numbering
(一、 › （一） › 1. › 其中：).

Clerks write the table in many ways, and all of them are read: cells separated by tabs, by
runs of spaces (PDF layout) or by single spaces; the value column before the unit column; a
label wrapped after its values; a page break that repeats the header (统计指标 单位 统计数)
between page numbers (- 2 -, 第2页 共3页); web pages copied as text with &nbsp; and <br>
left in; "—", "/", "无" for zero and full-width digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.ingest.numbers import parse_cell, strip_padding
from assistant.records import Fact, Span

_HEADER_RE = re.compile(r"统\s*计\s*指\s*标|指\s*标\s*名\s*称")
_HEADER_WORDS = frozenset({"单位", "计量单位", "统计数", "统计数量", "数量", "数值"})
_TABLE_TITLE_RE = re.compile(r"[^\n]*?(?:政府)?信息公开(?:工作)?(?:情况)?统计表")
# A line holding the table title alone: where rows start when a report prints no header row.
_TITLE_LINE_RE = re.compile(
    r"^[ \t\u3000\u00a0]*(?:附表|附件)?\s*\d*\s*[:：]?\s*\S{0,30}?(?:政府)?信息公开(?:工作)?(?:情况)?统计表[ \t\u3000\u00a0]*$",
    re.M,
)
_UNITS = frozenset(
    {"件", "条", "次", "人", "个", "篇", "万元", "元", "人次", "项", "期", "场", "份"}
    | {"家", "起", "天", "批", "户", "名", "册"}
)
_MARKERS = (
    (0, re.compile(r"^[一二三四五六七八九十]+\s*[、.．]")),
    (1, re.compile(r"^[（(]\s*[一二三四五六七八九十]+\s*[）)]")),
    (2, re.compile(r"^\d+\s*[.．、）)]|^[（(]\s*\d+\s*[）)]|^[①②③④⑤⑥⑦⑧⑨⑩⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽]")),
)
_OF_WHICH_RE = re.compile(r"^其中\s*[:：]?")
_PROSE_END = ("。", "；", "！", "？")
# Web pages copied as text keep entities and tags; they are padding, not content.
_MARKUP_RE = re.compile(
    r"&(?:nbsp|ensp|emsp|thinsp|#160|#12288|#xa0);?|<\s*/?\s*[a-zA-Z][^<>]{0,80}>", re.I
)
# Page furniture a printed table carries across a page break: - 2 -, — 2 —, 第2页 共3页.
_PAGE_LINE_RE = re.compile(
    r"^[-—–－]+\s*\d+\s*[-—–－]+$"
    r"|^第\s*\d+\s*页\s*[,，/]?\s*(?:共\s*\d+\s*页)?$"
    r"|^共\s*\d+\s*页\s*[,，/]?\s*第\s*\d+\s*页$"
)
_PAD_CHARS = " \t\r\n\u00a0\u3000\u200b\ufeff"
DEFAULT_TABLE_NAME = "政府信息公开情况统计表"
_MIN_ROWS_WITHOUT_HEADER = 5
# A label line at least this long may have been wrapped by the page width.
_WRAP_WIDTH = 15


@dataclass(frozen=True)
class OldTableParse:
    facts: tuple[Fact, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class _Cell:
    text: str  # stripped of padding
    start: int  # span of the stripped text (or of the blank cell)
    end: int
    line: int = 0  # the line it stands on, counted from the header

    @property
    def blank(self) -> bool:
        return not self.text


def parse_old_table(text: str) -> OldTableParse:
    """Every cell of an old-template statistics table as a fact; no header or title, no facts."""
    header = _HEADER_RE.search(text)
    if header:
        title = _table_title(text, header.start())
        start = header.end()
    else:  # some clerks drop the header row: rows start under the title line
        title_line = _TITLE_LINE_RE.search(text)
        if not title_line:
            return OldTableParse((), ())
        title = strip_padding(_MARKUP_RE.sub("", title_line.group(0)))
        title = title[title.find("政府") if "政府" in title else 0 :] or DEFAULT_TABLE_NAME
        start = title_line.end() - 1
    cells = _cells_after_header(text, start)
    rows, warnings = _assemble_rows(cells)
    facts = _rows_to_facts(rows, title)
    if not header and len(facts) < _MIN_ROWS_WITHOUT_HEADER:
        return OldTableParse((), ())  # a title mentioned in the text, not a table under it
    if not facts:
        warnings.append("found a 统计指标 header but no rows with values under it")
    return OldTableParse(tuple(facts), tuple(warnings))


def _table_title(text: str, header_start: int) -> str:
    before = text[max(0, header_start - 400) : header_start]
    titles = _TABLE_TITLE_RE.findall(before)
    return strip_padding(_MARKUP_RE.sub("", titles[-1])) if titles else DEFAULT_TABLE_NAME


def _cells_after_header(text: str, start: int) -> list[_Cell | None]:
    """Cells in reading order; None marks an empty line (a row boundary in flattened files)."""
    line_start = text.find("\n", start)
    if line_start < 0:
        return []
    # skip the rest of the header (单位 / 统计数 cells)
    cells: list[_Cell | None] = []
    position = line_start + 1
    for number, line in enumerate(text[position:].split("\n")):
        line_end = position + len(line)
        if not _clean(line)[0]:
            cells.append(None)
        elif not _is_page_furniture(line):
            cells.extend(replace(cell, line=number) for cell in _split_line(line, position))
        position = line_end + 1
    return [c for c in cells if c is None or c.text not in _HEADER_WORDS]


def _is_page_furniture(line: str) -> bool:
    """A page number, a 填报单位 line, or the header row repeated at the top of the next page."""
    text = _clean(line)[0]
    if _PAGE_LINE_RE.match(text) or text.startswith(("填报单位", "填表单位", "填报人", "填报日期")):
        return True
    header = _HEADER_RE.match(text)
    if not header:
        return False
    rest = re.sub(r"[\s|\u3000\u00a0]", "", text[header.end() :])
    for word in sorted(_HEADER_WORDS, key=len, reverse=True):
        rest = rest.replace(word, "")
    return not rest


def _split_line(line: str, offset: int) -> list[_Cell]:
    if "|" in line:
        pieces = _pieces(line, offset, "|")
        if line.strip().startswith("|"):
            pieces = pieces[1:]
        if line.strip().endswith("|"):
            pieces = pieces[:-1]
        if all(set(p.text) <= set("-: ") for p in pieces):  # markdown separator line
            return []
        return pieces
    pieces = _pieces(line, offset, "\t")
    if line.startswith("\t") and len(pieces) > 1:
        pieces = pieces[1:]  # the indentation before the first cell is no cell
    filled = [p for p in pieces if not p.blank]
    if len(filled) == 1 and line.startswith("\t") and line.rstrip(" \u3000").endswith("\t"):
        pieces = filled  # "\t条\t", "\t\u3000380\t": one cell between tabs, the tab after it no blank cell
    if len(filled) == 1 and _kind(filled[0]) == "text":
        peeled = _peel(line, offset, filled[0])
        return peeled if len(peeled) > 1 else pieces
    return pieces


def _peel(line: str, offset: int, cell: _Cell) -> list[_Cell]:
    """Split a one-cell line whose cells are separated by spaces: label, then unit and value.

    PDF text puts a row on one line with runs of spaces (or single spaces) between the cells,
    the value sometimes before the unit. Only trailing tokens that read as a value or a unit
    are split off; a unit alone needs a wide gap (a row whose value cell is blank).
    """
    tokens = [(m.start(), m.end()) for m in re.finditer(r"[^ \t\u3000\u00a0]+", line[: cell.end - offset])]
    tokens = [t for t in tokens if t[0] >= cell.start - offset]
    if len(tokens) < 2:
        return [cell]
    as_cells = [_Cell(line[a:b], offset + a, offset + b) for a, b in tokens]
    kinds = [_kind(c) for c in as_cells]
    take = 0
    if kinds[-1] == "number":
        take = 2 if len(kinds) > 2 and kinds[-2] == "unit" else 1
    elif kinds[-1] == "unit":
        if len(kinds) > 2 and kinds[-2] == "number":
            take = 2
        elif tokens[-1][0] - tokens[-2][1] >= 2:
            take = 1
    if not take or len(tokens) - take < 1:
        return [cell]
    label_end = tokens[-take - 1][1]
    label = _Cell(_unmarked(line[cell.start - offset : label_end]), cell.start, offset + label_end)
    if _kind(label) != "text":
        return [cell]
    return [label, *as_cells[-take:]]


def _pieces(line: str, offset: int, sep: str) -> list[_Cell]:
    cells = []
    position = 0
    for piece in line.split(sep):
        text, lead, length = _clean(piece)
        start = offset + position + lead
        cells.append(_Cell(text, start, start + length))
        position += len(piece) + len(sep)
    return cells


def _clean(piece: str) -> tuple[str, int, int]:
    """Text of a cell without padding and markup, with where its content starts and its length."""
    lead, end = 0, len(piece)
    while True:
        before = (lead, end)
        while lead < end and piece[lead] in _PAD_CHARS:
            lead += 1
        while end > lead and piece[end - 1] in _PAD_CHARS:
            end -= 1
        match = _MARKUP_RE.match(piece, lead, end)
        if match:
            lead = match.end()
        for match in _MARKUP_RE.finditer(piece, lead, end):
            if match.end() == end:
                end = match.start()
        if (lead, end) == before:
            break
    return _unmarked(piece[lead:end]), lead, end - lead


def _unmarked(text: str) -> str:
    return strip_padding(_MARKUP_RE.sub("", text))


@dataclass
class _Row:
    labels: list[_Cell]
    unit: _Cell | None = None
    value: _Cell | None = None

    @property
    def label(self) -> str:
        return "".join(c.text for c in self.labels)


def _kind(cell: _Cell) -> str:
    if cell.blank:
        return "blank"
    if _unit_text(cell.text) in _UNITS:
        return "unit"
    parsed = parse_cell(cell.text)
    if parsed is not None and parsed.value is not None:
        return "number"
    return "text"


def _unit_text(text: str) -> str:
    """件 written as （件） or (件) is still the unit 件."""
    return text.strip("（）() ")


def _assemble_rows(cells: list[_Cell | None]) -> tuple[list[_Row], list[str]]:
    """Label cells, then an optional unit, then a value; blanks stand for missing cells.

    A unit right after a value belongs to that value's row (tables whose 统计数 column comes
    before 单位), and a label fragment with the closing half of a parenthesis after a finished
    row is the rest of that row's wrapped label.
    """
    rows: list[_Row] = []
    warnings: list[str] = []
    current: _Row | None = None
    slots = 0  # cells seen after the label (unit and value positions)
    for cell in cells:
        if cell is None:
            if current is not None and slots:
                rows.append(current)
                current, slots = None, 0
            continue
        kind = _kind(cell)
        if kind == "text":
            if _is_prose(cell.text):
                break  # prose after the table
            if current is not None and slots == 0 and not _starts_new_row(cell.text):
                current.labels.append(cell)  # a label wrapped over two lines
                continue
            if current is None and rows and _continues(rows[-1], cell.text):
                rows[-1].labels.append(cell)  # the rest of a label, printed after its values
                continue
            if current is not None and slots == 0 and rows and _is_wrapped_tail(current.labels, rows[-1]):
                rows[-1].labels.extend(current.labels)
            elif current is not None:
                rows.append(current)
            current, slots = _Row([cell]), 0
            continue
        if current is None:
            last = rows[-1] if rows else None
            if kind == "unit" and last is not None and last.value is not None and last.unit is None:
                last.unit = cell  # the unit column after the value column
            elif kind != "blank":
                warnings.append(f"a {kind} cell without a row label at offset {cell.start}: {cell.text!r}")
            continue
        if kind == "unit" and current.unit is None and current.value is None:
            current.unit = cell
            slots += 1
        elif kind == "number" and current.value is None:
            current.value = cell
            slots += 1
            earlier = [c for c in current.labels if c.line < cell.line]
            if earlier and len(earlier) < len(current.labels):  # a row on one line, under other lines
                if rows and _is_wrapped_tail(earlier, rows[-1]):
                    rows[-1].labels.extend(earlier)
                    current.labels = current.labels[len(earlier) :]
                elif _is_row_without_cells(earlier, current.labels[len(earlier)]):
                    rows.append(_Row(earlier))
                    current.labels = current.labels[len(earlier) :]
            rows.append(current)
            current, slots = None, 0
        elif kind == "blank":
            slots += 1
            if slots >= 2:  # unit and value both blank: a heading row
                rows.append(current)
                current, slots = None, 0
        else:
            warnings.append(f"unexpected {kind} cell {cell.text!r} in row {current.label!r}")
    if current is not None:
        rows.append(current)
    return rows, warnings


def _is_prose(text: str) -> bool:
    """A sentence, not a label: table labels carry no full stop."""
    return (text.endswith(_PROSE_END) and len(text) > 40) or ("。" in text and len(text) > 30)


def _is_wrapped_tail(labels: list[_Cell], previous: _Row) -> bool:
    """``分配和退出等信息数`` on a line of its own after a long row that has its values: the end
    of that row's label (PDF layout wraps long labels below the row), not a row of its own,
    which would be numbered or carry cells on its line."""
    return (
        previous.value is not None
        and len(labels) == 1
        and labels[0].line > previous.value.line
        and not _starts_new_row(labels[0].text)
        and len(previous.labels[-1].text) >= _WRAP_WIDTH
    )


def _is_row_without_cells(labels: list[_Cell], next_label: _Cell) -> bool:
    """``涉及商业秘密`` alone on a line, then ``涉及个人隐私  件  1``: a row whose cells were left
    empty, not the first half of the next label (a label is wrapped only when it is long, and
    its second half is no parenthetical note)."""
    return (
        len(labels) == 1
        and len(labels[0].text) < _WRAP_WIDTH
        and _level(labels[0].text) is None
        and not next_label.text.startswith(("（", "("))
    )


def _continues(row: _Row, text: str) -> bool:
    """``信息计1条）`` after the row ``（一）主动公开政府信息数（不同渠道和方式公开相同``."""
    label = row.label
    opened = label.count("（") + label.count("(") - label.count("）") - label.count(")")
    return opened > 0 and not _starts_new_row(text) and ("）" in text or ")" in text)


def _starts_new_row(label: str) -> bool:
    return _level(label) is not None or bool(_OF_WHICH_RE.match(label))


def _level(label: str) -> int | None:
    for level, pattern in _MARKERS:
        if pattern.match(label):
            return level
    return None


def _rows_to_facts(rows: list[_Row], table: str) -> list[Fact]:
    facts: list[Fact] = []
    stack: list[tuple[float, str]] = []  # (level, label) of the current ancestors
    of_which_level: float | None = None
    for row in rows:
        label = row.label
        level = _level(label)
        if _OF_WHICH_RE.match(label):
            parent_level = stack[-1][0] if stack else -1
            row_level = parent_level + 0.5
            of_which_level = row_level
        elif level is not None:
            row_level = float(level)
            of_which_level = None
        elif of_which_level is not None:
            row_level = of_which_level  # unnumbered siblings that follow 其中：
        else:
            row_level = (stack[-1][0] + 0.5) if stack else 0.0
        while stack and stack[-1][0] >= row_level:
            stack.pop()
        path = tuple(l for _, l in stack) + (label,)
        stack.append((row_level, label))
        if row.value is None and row.unit is None:
            continue  # a heading row such as 一、主动公开情况
        value_cell = row.value
        if value_cell is None:  # a unit but a blank value: unknown, not zero
            end_cell = row.unit
            value, raw, value_span = None, "", Span(end_cell.end, end_cell.end)
            unit = _unit_text(row.unit.text)
        else:
            parsed = parse_cell(value_cell.text)
            value = parsed.value if parsed else None
            raw = value_cell.text
            value_span = Span(value_cell.start, value_cell.end)
            unit = (_unit_text(row.unit.text) if row.unit else None) or (parsed.unit if parsed else None)
            unit = unit or _unit_in_label(label)
            end_cell = value_cell if row.unit is None or row.unit.end < value_cell.end else row.unit
        facts.append(
            Fact(
                kind="table",
                table=table,
                row_path=path,
                column="统计数",
                value=value,
                unit=unit,
                raw=raw,
                span=Span(row.labels[0].start, end_cell.end),
                value_span=value_span,
            )
        )
    return facts


def _unit_in_label(label: str) -> str | None:
    """七、依申请公开信息收取的费用（万元）: a unit written in the label when no column holds it."""
    match = re.search(r"[（(]\s*([^（）()]{1,3})\s*[）)]\s*$", label)
    return match.group(1) if match and match.group(1) in _UNITS else None
