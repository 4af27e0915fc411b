"""Table text as cells and rows: the layouts published reports flatten their tables into.

A table arrives as ``|``-joined rows, tab or multi-space rows, one cell per line, or labels glued
to their numbers (``予以公开1288 21 0``). Every line is cut into cells, each keeping its exact span
in the text, and the cells are streamed into rows: label cells, then the value cells after them.
Page furniture inside a table (``- 2 -``, ``3/4``, ``第2页``, the running title of the report)
is no cell at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.ingest.numbers import CellValue, parse_cell, strip_padding

__all__ = ["Cell", "PAD_CHARS", "PIPES", "Row", "hard_count", "is_furniture", "lines", "norm", "parse_value", "pick_values", "rows", "strip_span"]

PAD_CHARS = " \t\r\n\u00a0\u3000\u200b\ufeff\u2002\u2003\u2009"
_TOKEN_RE = re.compile(f"[^{PAD_CHARS}]+")
PIPES = "|｜"
_MD_SEPARATOR = re.compile(r"^\s*[|｜]?\s*:?-{3,}:?\s*(?:[|｜]\s*:?-{3,}:?\s*)*[|｜]?\s*$")
# A label with a number glued to its end: 予以公开1288, 1.属于国家秘密0, （七）总计1,234.
_GLUED_RE = re.compile(
    r"^(?P<label>.*[^\d０-９,，.．+\-－—/／\s])(?P<num>[\d０-９](?:[\d０-９]|[,，.．](?=[\d０-９]))*|—{1,2}|[/／])$"
)
# A numbering marker standing alone as a token: "1." "（一）" "三、".
_MARKER_ONLY = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、.．]|\d+[.．、])$")
_MARKER_PREFIX = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、.．]|\d+[.．、])\s*")
_NORM_DROP = re.compile(r"[\s\u3000\u00a0“”\"'‘’「」『』、，,。.．；;：:（）()【】\[\]·•]")
_SIGNS = "+-－＋−"


def norm(label: str) -> str:
    """A label reduced for matching: numbering markers, spaces, quotes and punctuation dropped."""
    text = strip_padding(label)
    while True:
        stripped = _MARKER_PREFIX.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    return _NORM_DROP.sub("", text)


def parse_value(raw: str) -> CellValue | None:
    """parse_cell, plus signed numbers (本年增/减 may be "-2" or "+1")."""
    parsed = parse_cell(raw)
    if parsed is not None:
        return parsed
    text = strip_padding(raw)
    if len(text) > 1 and text[0] in _SIGNS:
        inner = parse_cell(text[1:])
        if inner is not None and inner.value is not None:
            sign = 1.0 if text[0] in "+＋" else -1.0
            return CellValue(sign * inner.value, inner.unit)
    return None


@dataclass
class Cell:
    kind: str  # "label", "value", "blank" (empty cell: unknown), "soft" (a padding-only line)
    text: str  # the cell text exactly as in the source (stripped of padding)
    start: int
    end: int
    value: CellValue | None = None


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in PAD_CHARS:
        start += 1
    while end > start and text[end - 1] in PAD_CHARS:
        end -= 1
    return start, end


def _classify(text: str, start: int, end: int, *, glued: bool) -> list[Cell]:
    raw = text[start:end]
    parsed = parse_value(raw)
    if parsed is not None and parsed.value is not None:
        return [Cell("value", raw, start, end, parsed)]
    if glued:
        match = _GLUED_RE.match(raw)
        if match:
            number = parse_value(match["num"])
            label_end = start + strip_span(raw, 0, match.end("label"))[1]
            if number is not None and number.value is not None and label_end > start:
                num_start = start + match.start("num")
                return [
                    Cell("label", text[start:label_end], start, label_end),
                    Cell("value", text[num_start:end], num_start, end, number),
                ]
    group = _GROUP_AND_ITEM_RE.match(raw)
    if group:  # one cell holding a group and its first item: （三）不予公开 1.属于国家秘密
        item = start + group.start("item")
        return [Cell("label", text[start : start + group.end("group")], start, start + group.end("group")),
                Cell("label", text[item:end], item, end)]
    return [Cell("label", raw, start, end)]


_GROUP_AND_ITEM_RE = re.compile(
    r"(?P<group>[（(][一二三四五六七八九十]+[）)][^\s\u3000\d]{2,12})[\s\u3000\u00a0]+(?P<item>\d+[.．、]\S.*)$"
)


def _split_words(text: str, start: int, end: int) -> list[Cell]:
    """Whitespace-separated tokens; a lone numbering marker joins the label after it."""
    cells: list[Cell] = []
    for match in _TOKEN_RE.finditer(text, start, end):
        cells.extend(_classify(text, match.start(), match.end(), glued=True))
    merged: list[Cell] = []
    for cell in cells:
        prev = merged[-1] if merged else None
        if prev is not None and prev.kind == "label" and cell.kind == "label" and _MARKER_ONLY.match(prev.text):
            merged[-1] = Cell("label", text[prev.start : cell.end], prev.start, cell.end)
        else:
            merged.append(cell)
    return merged


def _drop_label_position_blanks(cells: list[Cell]) -> list[Cell]:
    """Empty cells are unknown values only where values stand: after the last label of a row
    that holds numbers, or anywhere in a row of numbers alone. Elsewhere they are filler."""
    if not any(c.kind == "value" for c in cells):
        return [c for c in cells if c.kind == "label"]
    last_label = max((i for i, c in enumerate(cells) if c.kind == "label"), default=-1)
    return [c for i, c in enumerate(cells) if not (c.kind == "blank" and i < last_label)]


# Page furniture a printed table is cut by: page numbers (- 2 -, -2-, 第2页, 第 2 页 共 4 页, 2/4)
# and the running title of the report repeated at the top of each page.
_PAGE_NUMBER_RE = re.compile(
    r"^[\s\u3000]*(?:[-－—–]\s*\d{1,3}\s*[-－—–]|第\s*\d{1,3}\s*页(?:\s*[，,]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3})[\s\u3000]*$"
)
# a page number glued to the text after it: "-5-法提供"
_PAGE_NUMBER_LEAD_RE = re.compile(r"^[\s\u3000]*[-－—–]\s*\d{1,3}\s*[-－—–](?=\S)")
_RUNNING_TITLE_RE = re.compile(r"政府信息公开.{0,6}(?:年度报告|工作报告)")


def is_furniture(line: str) -> bool:
    """A page number or the report's running title: no cell of the table it interrupts."""
    return bool(_PAGE_NUMBER_RE.match(line)) or (
        len(line) <= 80 and not any(p in line for p in PIPES) and bool(_RUNNING_TITLE_RE.search(line))
    )


def _line_cells(text: str, ls: int, le: int) -> list[Cell]:
    line = text[ls:le]
    if is_furniture(line):
        return []
    lead = _PAGE_NUMBER_LEAD_RE.match(line)
    if lead:
        ls, line = ls + lead.end(), line[lead.end() :]
    if any(p in line for p in PIPES):
        if _MD_SEPARATOR.match(line):
            return []
        cuts = [ls + i for i, ch in enumerate(line) if ch in PIPES]
        bounds = list(zip([ls] + [c + 1 for c in cuts], cuts + [le]))
        if not strip_padding(text[bounds[0][0] : bounds[0][1]]):
            bounds = bounds[1:]  # leading pipe
            if bounds and not strip_padding(text[bounds[-1][0] : bounds[-1][1]]):
                bounds = bounds[:-1]  # trailing pipe closing a markdown row
        elif len(bounds) == 2 and not strip_padding(text[bounds[-1][0] : bounds[-1][1]]):
            bounds = bounds[:-1]  # one cell closed by its pipe ("12 |": one cell per line)
        cells: list[Cell] = []
        for bs, be in bounds:
            s, e = strip_span(text, bs, be)
            if s == e:
                pos = min(bs + 1, be) if be > bs else bs
                cells.append(Cell("blank", "", pos, pos, CellValue(None, None)))
            else:
                cells.extend(_classify(text, s, e, glued=False))
        return _drop_label_position_blanks(cells)

    s, e = strip_span(text, ls, le)
    if s == e:
        if any(ch in "\u3000\u00a0" for ch in line):
            return [Cell("soft", "", s, s, CellValue(None, None))]
        return []
    if "\t" in text[s:e]:
        cells = []
        pos = s
        for segment in text[s:e].split("\t"):
            ss, se = strip_span(text, pos, pos + len(segment))
            if ss == se:
                cells.append(Cell("blank", "", pos, pos, CellValue(None, None)))
            else:
                cells.extend(_split_words(text, ss, se))
            pos += len(segment) + 1
        return _drop_label_position_blanks(cells)
    return _split_words(text, s, e)


@dataclass
class Row:
    labels: list[Cell] = field(default_factory=list)
    values: list[Cell] = field(default_factory=list)


def lines(text: str, start: int, end: int):
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        yield pos, stop
        pos = stop + 1


def rows(text: str, start: int, end: int) -> list[Row]:
    """Stream cells into rows: labels, then the values after them; a label after values starts a row."""
    rows: list[Row] = []
    current = Row()
    for ls, le in lines(text, start, end):
        for cell in _line_cells(text, ls, le):
            if cell.kind == "label":
                if current.values:
                    rows.append(current)
                    current = Row()
                current.labels.append(cell)
            else:
                current.values.append(cell)
    if current.labels or current.values:
        rows.append(current)
    return rows


def pick_values(values: list[Cell], wanted: int) -> list[Cell] | None:
    """The row's values when their count fits, else None.

    Padding-only lines count only when they must; empty cells in front of the values (a label
    column left empty in a rectangular grid) and after them (a narrow table padded to the
    grid's width) are dropped when there are too many.
    """
    hard = [v for v in values if v.kind != "soft"]
    for candidate in (values, hard):
        trimmed = list(candidate)
        while len(trimmed) > wanted and trimmed[0].kind != "value":
            trimmed.pop(0)
        while len(trimmed) > wanted and trimmed[-1].kind == "blank":
            trimmed.pop()  # the empty cells a rectangular grid pads a narrower table with
        if len(trimmed) == wanted:
            return trimmed
    return None


def hard_count(values: list[Cell]) -> int:
    return sum(1 for v in values if v.kind != "soft")
