"""The old statistics table (reports up to 2018): 统计指标 | 单位 | 统计数.

Real files bring it in several shapes: one row per line (``收到申请数 | 件 | 6`` from HTML or
Word, or tab-separated), or flattened with every cell on its own tab-indented line, labels
wrapped over two lines and values padded with U+3000 (seed 000). Both are read as one stream
of cells; a row is ``label-cells, [unit], value``. Nesting comes from the numbering
(一、 › （一） › 1. › 其中：).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.ingest.numbers import parse_cell, strip_padding
from assistant.records import Fact, Span

_HEADER_RE = re.compile(r"统\s*计\s*指\s*标")
_TABLE_TITLE_RE = re.compile(r"[^\n]*?(?:政府)?信息公开(?:工作)?(?:情况)?统计表")
_UNITS = frozenset({"件", "条", "次", "人", "个", "篇", "万元", "元", "人次", "项", "期", "场", "份"})
_MARKERS = (
    (0, re.compile(r"^[一二三四五六七八九十]+\s*[、.．]")),
    (1, re.compile(r"^[（(]\s*[一二三四五六七八九十]+\s*[）)]")),
    (2, re.compile(r"^\d+\s*[.．、]|^[（(]\d+[）)]|^[①②③④⑤⑥⑦⑧⑨⑩]")),
)
_OF_WHICH_RE = re.compile(r"^其中\s*[:：]?")
_PROSE_END = ("。", "；", "！", "？")
DEFAULT_TABLE_NAME = "政府信息公开情况统计表"


@dataclass(frozen=True)
class OldTableParse:
    facts: tuple[Fact, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class _Cell:
    text: str  # stripped of padding
    start: int  # span of the stripped text (or of the blank cell)
    end: int

    @property
    def blank(self) -> bool:
        return not self.text


def parse_old_table(text: str) -> OldTableParse:
    """Every cell of an old-template statistics table as a fact; no header, no facts."""
    header = _HEADER_RE.search(text)
    if not header:
        return OldTableParse((), ())
    title = _table_title(text, header.start())
    cells = _cells_after_header(text, header.end())
    rows, warnings = _assemble_rows(cells)
    facts = _rows_to_facts(rows, title)
    if not facts:
        warnings.append("found a 统计指标 header but no rows with values under it")
    return OldTableParse(tuple(facts), tuple(warnings))


def _table_title(text: str, header_start: int) -> str:
    before = text[max(0, header_start - 400) : header_start]
    titles = _TABLE_TITLE_RE.findall(before)
    return strip_padding(titles[-1]) if titles else DEFAULT_TABLE_NAME


def _cells_after_header(text: str, start: int) -> list[_Cell | None]:
    """Cells in reading order; None marks an empty line (a row boundary in flattened files)."""
    line_start = text.find("\n", start)
    if line_start < 0:
        return []
    # skip the rest of the header (单位 / 统计数 cells)
    cells: list[_Cell | None] = []
    position = line_start + 1
    for line in text[position:].split("\n"):
        line_end = position + len(line)
        if not line.strip("\r"):
            cells.append(None)
        else:
            cells.extend(_split_line(line, position))
        position = line_end + 1
    while cells and cells[0] is not None and cells[0].text in ("单位", "统计数", "计量单位"):
        cells.pop(0)
    return [c for c in cells if c is None or c.text not in ("单位", "统计数", "计量单位")]


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
    return pieces


def _pieces(line: str, offset: int, sep: str) -> list[_Cell]:
    cells = []
    position = 0
    for piece in line.split(sep):
        stripped = strip_padding(piece)
        lead = piece.find(stripped) if stripped else 0
        start = offset + position + lead
        cells.append(_Cell(stripped, start, start + len(stripped)))
        position += len(piece) + len(sep)
    return cells


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
    if cell.text in _UNITS:
        return "unit"
    parsed = parse_cell(cell.text)
    if parsed is not None and parsed.value is not None:
        return "number"
    return "text"


def _assemble_rows(cells: list[_Cell | None]) -> tuple[list[_Row], list[str]]:
    """Label cells, then an optional unit, then a value; blanks stand for missing cells."""
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
            if cell.text.endswith(_PROSE_END) and len(cell.text) > 40:
                break  # prose after the table
            if current is not None and slots == 0 and not _starts_new_row(cell.text):
                current.labels.append(cell)  # a label wrapped over two lines
                continue
            if current is not None:
                rows.append(current)
            current, slots = _Row([cell]), 0
            continue
        if current is None:
            if kind != "blank":
                warnings.append(f"a {kind} cell without a row label at offset {cell.start}: {cell.text!r}")
            continue
        if kind == "unit" and current.unit is None and current.value is None:
            current.unit = cell
            slots += 1
        elif kind == "number" and current.value is None:
            current.value = cell
            slots += 1
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
            unit = row.unit.text
        else:
            parsed = parse_cell(value_cell.text)
            value = parsed.value if parsed else None
            raw = value_cell.text
            value_span = Span(value_cell.start, value_cell.end)
            unit = (row.unit.text if row.unit else None) or (parsed.unit if parsed else None)
            end_cell = value_cell
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
