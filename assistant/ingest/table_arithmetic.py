"""The national templates' arithmetic, used to read rows that printed text leaves ambiguous.

The templates are fixed, and so are their identities: a row's 总计 is the sum of its applicant
columns; in 表四 each block's four results sum to its 总计. PDF text breaks rows in two ways
these identities can undo:

- blank cells vanish (``0 1 0 0 1 0`` for seven columns: which one was blank?);
- numbers fuse (``01 04 50 12 25 00 10 1`` for fifteen).

``arrangements`` lists every way of laying the written numbers onto the template's cells (each
digit run split into numbers, blank cells inserted) that the identities allow; ``agreed`` keeps
the cells that every such way reads alike. A cell the arrangements disagree on is not read: no
figure is better than a figure from the neighbouring column.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Callable, Sequence

from assistant.records import NATIONAL_2019, NATIONAL_2021

__all__ = ["Piece", "agreed", "arrangements", "blocks_sum", "row_sums", "settle"]

# Enough for any real row; a run that could be cut in more ways than this is left unread.
_MAX_ARRANGEMENTS = 64
_MAX_STEPS = 200_000


@dataclass(frozen=True)
class Piece:
    """One template cell as read: which written token it comes from and which characters of it
    (``None`` for a blank cell the text left out)."""

    token: int | None
    start: int = 0
    end: int = 0
    value: float | None = None


Check = Callable[[Sequence[float | None]], bool]


def row_sums(values: Sequence[float | None]) -> bool:
    """The last cell (总计) is the sum of the others. A blank cell is an unknown count, never
    negative: a row with a blank part passes while its known parts do not exceed the total."""
    *parts, total = values
    if total is None:
        return True
    known = sum(v for v in parts if v is not None)
    if any(v is None for v in parts):
        return known <= total + 1e-9
    return abs(known - total) < 1e-9


def blocks_sum(size: int) -> Check:
    """表四: every block of ``size`` cells ends with the sum of the others."""

    def check(values: Sequence[float | None]) -> bool:
        return all(row_sums(values[i : i + size]) for i in range(0, len(values) - size + 1, size))

    return check


def arrangements(
    written: Sequence[tuple[str, float | None]],
    wanted: int,
    check: Check,
    *,
    split_digits: bool,
    blanks: bool,
    prefix: Check | None = None,
) -> list[tuple[Piece, ...]] | None:
    """Every reading of the ``written`` value cells (text, value) as ``wanted`` cells that
    ``check`` accepts.

    With ``split_digits`` a run of ASCII digits may be cut into several numbers (none with a
    leading zero); any other cell is kept whole. With ``blanks`` cells the text left out may be
    inserted anywhere. ``prefix`` prunes readings early (the blocks read so far must add up).
    None when the possibilities are too many to list (the row is then not read)."""
    tokens = [text for text, _ in written]
    values = [value for _, value in written]
    splittable = [split_digits and t.isascii() and t.isdigit() and len(t) > 1 for t in tokens]
    found: list[tuple[Piece, ...]] = []
    steps = 0

    def bounds(index: int, offset: int) -> tuple[int, int]:
        """The fewest and the most cells the text from (index, offset) on can make."""
        rest = range(index, len(tokens))
        low = sum(1 for i in rest if i > index or offset < len(tokens[i]))
        high = sum((len(tokens[i]) - (offset if i == index else 0)) if splittable[i] else 1 for i in rest)
        return low, high

    def walk(index: int, offset: int, cells: list[Piece]) -> bool:
        nonlocal steps
        steps += 1
        if steps > _MAX_STEPS or len(found) > _MAX_ARRANGEMENTS:
            return False
        if index < len(tokens) and offset == len(tokens[index]):
            return walk(index + 1, 0, cells)
        low, high = bounds(index, offset)
        room = wanted - len(cells)
        if low > room or (not blanks and high < room):
            return True
        if index == len(tokens):
            for arranged in _insertions(cells, wanted) if blanks else [cells]:
                if len(arranged) == wanted and check([c.value for c in arranged]):
                    found.append(tuple(arranged))
            return True
        token = tokens[index]
        if not splittable[index]:
            return walk(index + 1, 0, cells + [Piece(index, 0, len(token), values[index])])
        for end in range(offset + 1, len(token) + 1):
            if end - offset > 1 and token[offset] == "0":
                break  # no number starts with 0 but 0 itself
            piece = Piece(index, offset, end, float(token[offset:end]))
            extended = cells + [piece]
            if prefix is not None and not prefix([c.value for c in extended]):
                continue
            if not walk(index, end, extended):
                return False
        return True

    if not walk(0, 0, []):
        return None
    return found


def _insertions(cells: list[Piece], wanted: int):
    """``cells`` with blank cells inserted to make ``wanted``, every way."""
    missing = wanted - len(cells)
    if missing < 0:
        return
    for places in combinations(range(wanted), missing):
        out, it = [], iter(cells)
        for position in range(wanted):
            out.append(Piece(None) if position in places else next(it))
        yield out


def agreed(found: Sequence[tuple[Piece, ...]]) -> list[Piece | None]:
    """Per cell, the piece every arrangement reads alike (same token, same characters), else
    None: the cell cannot be read."""
    if not found:
        return []
    out: list[Piece | None] = []
    for cells in zip(*found):
        first = cells[0]
        out.append(first if all(c == first for c in cells[1:]) else None)
    return out


# The most partial sums a settling walk keeps: beyond it the rows are left as the rows read them.
_MAX_STATES = 20_000


def settle(
    readings: Sequence[Sequence[Sequence[float | None]]],
    identities: Sequence[Sequence[tuple[int, int]]],
) -> list[list[int]] | None:
    """Which readings of each row a reading of every other row agrees with, under the table's
    column identities (each a list of (row, sign): Σ sign · row = 0 in every column; a blank
    counts 0). ``readings[r]`` lists row r's readings, one figure (or None: blank) a column.

    Per row, the indices of the readings that take part in at least one choice of a reading per
    row for which every identity holds; rows in no identity keep all theirs. None when no
    choice makes the identities hold (they then decide nothing: the table breaks them) or when
    the choices are too many to follow. Walks the rows forward and backward keeping only the
    distinct partial sums, so many rows of two readings each cost little."""
    involved = sorted({row for identity in identities for row, _ in identity})
    if not involved or any(not readings[row] for row in involved):
        return None
    width = max(len(r) for row in involved for r in readings[row])
    signs = {row: [0] * len(identities) for row in involved}
    for k, identity in enumerate(identities):
        for row, sign in identity:
            signs[row][k] += sign

    def vector(row: int, reading: Sequence[float | None]) -> tuple[int, ...]:
        cells = [round((v or 0) * 10_000) for v in reading] + [0] * (width - len(reading))
        return tuple(sign * cell for sign in signs[row] for cell in cells)

    vectors = [[vector(row, r) for r in readings[row]] for row in involved]
    zero = (0,) * (width * len(identities))

    def add(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
        return tuple(x + y for x, y in zip(a, b))

    forward = [{zero}]
    for options in vectors:
        forward.append({add(state, v) for state in forward[-1] for v in set(options)})
        if len(forward[-1]) > _MAX_STATES:
            return None
    if zero not in forward[-1]:
        return None
    backward = [{zero}]
    for options in reversed(vectors):
        backward.append({add(state, v) for state in backward[-1] for v in set(options)})
        if len(backward[-1]) > _MAX_STATES:
            return None
    backward.reverse()  # backward[i]: the sums the rows after the i-th can make
    kept = [list(range(len(r))) for r in readings]
    for i, row in enumerate(involved):
        after = backward[i + 1]
        kept[row] = [
            j for j, v in enumerate(vectors[i])
            if any(tuple(-x for x in add(state, v)) in after for state in forward[i])
        ]
    return kept


# ---------------------------------------------------------------------------------------------
# Which identities a decoded national table keeps


@dataclass(frozen=True)
class IdentityCheck:
    """One identity of the national templates over a report's stored cells: ``holds`` is True
    when every instance that can be checked holds, False when one fails (``detail`` names it),
    None when no instance has all its cells (a table not read, or blank cells)."""

    name: str
    holds: bool | None
    detail: str = ""


APPLICANT_COLUMNS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
_REVIEW_BLOCKS = (
    ("reconsiderations", "reconsideration"),
    ("lawsuits_direct", "lawsuits_direct"),
    ("lawsuits_after_reconsideration", "lawsuits_after_reconsideration"),
)
_RESULTS = ("upheld", "corrected", "other", "pending")
# the handling results of section 三, in the template's order: a group is counted by its items
# when the report states them (2021: （六）其他处理 has three), else by its own row
_RESULT_GROUPS = ("outcome_disclosed", "outcome_partially_disclosed", "outcome_not_disclosed",
                  "outcome_unable_to_provide", "outcome_not_processed", "outcome_other")
_Key = tuple[str, str | None]  # (metric, applicant column or None)


def check_identities(cells: Sequence[tuple[str, str | None, float | None]], children: Callable[[str], list[str]]) -> tuple[IdentityCheck, ...]:
    """The templates' identities over a report's table cells, given as (metric, column, value)
    with the applicant column for section 三 and None for 表四; ``children`` lists a metric's
    parts (the catalogue's). Empty when the report holds no national request table."""
    value: dict[_Key, float | None] = {}
    for metric, column, number in cells:
        value.setdefault((metric, column), number)
    if not any(metric == "requests_received" for metric, _ in value):
        return ()

    def run(name: str, instances: list[tuple[str, list[tuple[_Key, int]], _Key]]) -> IdentityCheck:
        """Each instance: (label, signed parts, total); it holds when the parts sum to the total."""
        checked, failed = 0, []
        for label, parts, total in instances:
            numbers = [value.get(key) for key, _ in parts] + [value.get(total)]
            if any(n is None for n in numbers):
                continue
            checked += 1
            summed = sum(n * sign for n, (_, sign) in zip(numbers, parts))
            if abs(summed - numbers[-1]) > 1e-9:
                failed.append(f"{label}: {summed:g} ≠ {numbers[-1]:g}")
        if failed:
            return IdentityCheck(name, False, "; ".join(failed))
        return IdentityCheck(name, True if checked else None, f"{checked} checked" if checked else "cells missing")

    def parts_of(group: str) -> list[str]:
        items = [c for c in children(group) if any(m == c for m, _ in value)]
        return items or [group]

    # 一 + 二 = 七 + 四, checked as 一 + 二 - 四 = 七
    carry = [
        (column, [(("requests_received", column), 1), (("requests_carried_over_from_last_year", column), 1),
                  (("requests_carried_to_next_year", column), -1)], ("outcome_total", column))
        for column in APPLICANT_COLUMNS
    ]
    results = [
        (column, [((m, column), 1) for g in _RESULT_GROUPS for m in parts_of(g)], ("outcome_total", column))
        for column in APPLICANT_COLUMNS
    ]
    rows = [(m, [((m, c), 1) for c in APPLICANT_COLUMNS[:-1]], (m, "总计")) for m in sorted({m for m, c in value if c})]
    review = [(total, [((f"{base}_{r}", None), 1) for r in _RESULTS], (total, None)) for total, base in _REVIEW_BLOCKS]
    return (
        run("本年新收 + 上年结转 = （七）总计 + 结转下年度", carry),
        run("（一）至（六）之和 = （七）总计", results),
        run("每行总计 = 各类申请人之和", rows),
        run("表四 每栏四项结果之和 = 总计", review),
    )


def identities_of_facts(facts: Sequence, children: Callable[[str], list[str]]) -> tuple[IdentityCheck, ...]:
    """check_identities over a report's facts: ``Fact`` objects or stored fact rows (dicts)."""
    cells = []
    for fact in facts:
        if isinstance(fact, dict):
            kind, metric, column, number = fact["kind"], fact["metric"], fact["column_name"], fact["value"]
        else:
            kind, metric, column, number = fact.kind, fact.metric, fact.column, fact.value
        if kind != "table" or metric is None:
            continue
        review = metric.startswith(("reconsideration", "lawsuits"))  # 表四's 总计 is no applicant column
        cells.append((metric, None if review or column not in APPLICANT_COLUMNS else column, number))
    return check_identities(cells, children)


def identity_rows(store, catalogue, source: str | None = None) -> list[dict]:
    """One row per identity of each stored national-template report (``source`` alone when
    given): {source, body, year, kind: "identity_check", name, holds, detail, message}."""
    out = []
    for report in store.list_reports():
        if (source is not None and report["source"] != source) or report["template"] not in (NATIONAL_2019, NATIONAL_2021):
            continue
        for check in identities_of_facts(store.query_facts(source=report["source"]), catalogue.children):
            verdict = {True: "holds", False: "fails", None: "not checked"}[check.holds]
            out.append({
                "source": report["source"], "body": report["body"], "year": report["year"], "kind": "identity_check",
                "name": check.name, "holds": check.holds, "detail": check.detail,
                "message": f"{check.name}: {verdict} ({check.detail})",
            })
    return out
