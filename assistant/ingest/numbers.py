"""Reading the numbers written in reports: cells and figures inside sentences.

Real cells carry ideographic-space padding, full-width digits, thousands separators, dashes
for "none" and amounts such as ``12.5万元``. A blank cell is unknown (None), never zero.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Full-width digits and punctuation that appear in numbers.
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－／", "0123456789.,-/")
# Padding seen around cells: spaces, tabs, NBSP, ideographic space, zero-width characters.
_PAD = " \t\r\n\u00a0\u3000\u200b\ufeff"
# Marks that mean "none" (zero) in a statistics cell.
NONE_MARKS = frozenset({"—", "——", "－", "-", "--", "/", "／", "–", "―", "无", "0件"})

UNITS = ("人次", "万元", "元", "件", "条", "次", "人", "个", "篇", "项", "期", "场", "份", "家", "天", "日", "%")

_NUMBER_RE = re.compile(
    r"^(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<wan>万)?\s*(?P<unit>" + "|".join(UNITS) + r")?$"
)


@dataclass(frozen=True)
class CellValue:
    value: float | None  # None when the cell is blank
    unit: str | None  # a unit written inside the cell ("12.5万元" -> "万元")


def strip_padding(text: str) -> str:
    return text.strip(_PAD)


def parse_cell(raw: str) -> CellValue | None:
    """Read one statistics cell.

    Returns ``CellValue(None, None)`` for a blank cell, ``CellValue(0, None)`` for a dash,
    and None when the text is not a number at all (a label, a note).
    """
    text = strip_padding(raw).translate(_FULLWIDTH)
    if not text:
        return CellValue(None, None)
    if text in NONE_MARKS:
        return CellValue(0.0, None)
    match = _NUMBER_RE.match(text)
    if not match:
        return None
    value = float(match["num"].replace(",", ""))
    unit = match["unit"]
    if match["wan"]:
        if unit == "元":
            unit = "万元"
        else:
            value *= 10_000
    return CellValue(value, unit)


def is_number_cell(raw: str) -> bool:
    parsed = parse_cell(raw)
    return parsed is not None and parsed.value is not None


def format_value(value: float | None) -> str:
    """Print 6.0 as "6" and 12.5 as "12.5"."""
    if value is None:
        return "—"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
