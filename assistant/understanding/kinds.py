"""The stored bodies of a kind a question names without naming one ("the health commission", "the
provincial people's government", "the education bureau"): a question asked of a kind is asked of
those bodies, never of every stored report.

A department's kind comes from its Chinese ending (``assistant/data/departments.yaml``): the
English renderings of that ending, without their kind word, are its function ("ecology and
environment" of 生态环境局 and 生态环境厅), and a question that writes a function followed by a
kind word names every body with that function. A government's kind is its level ("provincial
government", "county people's government").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from assistant.understanding.cues import load_departments
from assistant.understanding.places import BodyDirectory

__all__ = ["bodies_of_kind"]

# English kind words that end (or open) a department's name: "Health Bureau", "Department of …".
_KIND_WORDS = ("bureau", "commission", "committee", "department", "office", "administration", "authority")
_KIND_RE = re.compile(rf"^(?:{'|'.join(_KIND_WORDS)})\s+of\s+|\s+(?:{'|'.join(_KIND_WORDS)})$")
# How English writes a government of each level.
_GOVERNMENT_LEVELS = {
    "省": ("provincial",), "市": ("municipal", "city"), "县": ("county",), "区": ("district",),
    "镇": ("town",), "乡": ("township",), "街道": ("subdistrict",), "州": ("prefecture", "prefectural"),
}
_GOVERNMENT_RE = re.compile(
    rf"\b({'|'.join(sorted({w for words in _GOVERNMENT_LEVELS.values() for w in words}, key=len, reverse=True))})"
    r"\s+(?:people's\s+)?government\b(?!\s+(?:general\s+)?office)"
)


def bodies_of_kind(text: str, directory: BodyDirectory, bodies: Sequence[str], years: Sequence[int] = ()) -> list[str]:
    """The bodies among ``bodies`` of the kind an English question names, with a report for one
    of ``years`` when years are asked; [] when the question names no kind."""
    lowered = f" {text.lower()} "
    if not text.isascii() and len(re.findall(r"[A-Za-z]+", text)) < 3:
        return []  # Chinese questions name a kind by its ending, which the names index reads
    found = []
    for body in bodies:
        entry = directory.entry(body)
        if entry is None:
            continue
        if entry.level == "department":
            functions = _functions(body)
            if functions and any(_names_function(lowered, f) for f in functions):
                found.append(body)
            elif _GOVERNMENT_OFFICE_BODY_RE.search(body) and _GOVERNMENT_OFFICE_RE.search(lowered):
                found.append(body)  # "the district government office": a government's own office
        elif entry.level in _GOVERNMENT_LEVELS:
            match = _GOVERNMENT_RE.search(lowered)
            if match and match.group(1) in _GOVERNMENT_LEVELS[entry.level]:
                found.append(body)
    if years:
        found = [b for b in found if set(years) & set(directory.years_of(b))]
    return found


# A government's office (上城区人民政府办公室, 湖南省人民政府办公厅) and how English names it.
_GOVERNMENT_OFFICE_BODY_RE = re.compile(r"政府办公[室厅]$")
_GOVERNMENT_OFFICE_RE = re.compile(r"\bgovernment(?:'s)?\s+(?:general\s+)?office\b|\bgeneral\s+office\b")


def _names_function(lowered: str, function: str) -> bool:
    return bool(re.search(rf"\b{re.escape(function)}\s+(?:{'|'.join(_KIND_WORDS)})\b|\b(?:{'|'.join(_KIND_WORDS)})\s+of\s+{re.escape(function)}\b", lowered))


@functools.cache
def _functions(body: str) -> tuple[str, ...]:
    """The English functions of a department body's ending: 嵩明县卫生健康局 -> ("health", …)."""
    found = [(len(ending), entry) for entry in load_departments() for ending in (entry["zh"], *entry.get("short", ())) if body.endswith(ending)]
    if not found:
        return ()
    _, entry = max(found, key=lambda item: item[0])
    functions = {_KIND_RE.sub("", name.lower()).strip() for name in entry["en"]}
    return tuple(sorted(f for f in functions if f and f not in _KIND_WORDS and "government" not in f))
