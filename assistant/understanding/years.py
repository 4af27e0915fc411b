"""Years: single years, ranges (2017-2019, 2017至2019年), Chinese-numeral years (二〇一八年),
and the carry-over rows a year names ("carried over to 2023" is the 2022 report's 结转下年度).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant.understanding.cues import ALL_YEARS_CUES, cue_pattern
from assistant.numerals import cn_year

if TYPE_CHECKING:
    from assistant.understanding.places import BodyDirectory

__all__ = ["all_years", "asks_all_years", "name_carry_over_rows", "paired_years", "years"]

_YEAR = r"(?:19|20)\d{2}"
# No year inside a longer number, a phone number (010-61576445, 010 2018 5566) or a date written
# 2018.5 / 2018/5 / 20:18; and none that counts something (2018件). A year ending a sentence
# or heading a question ("in 2020.", "Tangcun Town 2020: how many …") is a year.
_YEAR_BEFORE = r"(?<![\d\-－–/.．:：])(?<!\d\s)"
_YEAR_AFTER = r"(?![\d\-－–/%％]|[.．:：]\d|\s\d{3}|\s*(?:件|条|人|次|个|元|万|份|项|篇|期|名|场|家|起|号|号码))"
_RANGE_RE = re.compile(
    rf"{_YEAR_BEFORE}(?:from\s+)?({_YEAR})\s*(?:年度?)?\s*(?:-|－|–|—|~|～|至|到|\bto\b|\bthrough\b|\buntil\b|\btill\b)\s*({_YEAR})(?!\d)",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(rf"{_YEAR_BEFORE}({_YEAR}){_YEAR_AFTER}")
_CN_YEAR_RE = re.compile(r"([〇零○Ｏ一二三四五六七八九]{4})\s*年")
_MAX_RANGE = 30
# "carried over to 2023" / "结转至2023年" asks about the 2022 report's 结转下年度 row
_CARRIED_INTO_RE = re.compile(
    rf"(?:carr(?:y|ied|ies|ying)(?:\s+(?:over|forward))?\s+(?:in)?to|结转(?:至|到)|转入|转到)\s*(?:the\s+)?(?:year\s+)?({_YEAR})(?!\d)",
    re.IGNORECASE,
)
# "carried over from 2021" / "从2021年结转" asks about the 2022 report's 上年结转 row
_CARRIED_FROM_RE = re.compile(
    rf"carr(?:y|ied|ies|ying)(?:\s+(?:over|forward))?\s+from\s*(?:the\s+)?(?:year\s+)?({_YEAR})(?!\d)"
    rf"|从\s*({_YEAR})(?=\s*年?度?结转)",
    re.IGNORECASE,
)
_ALL_YEARS_PATTERN = cue_pattern(ALL_YEARS_CUES)
# The year a running total counts from ("自2008年以来累计公开多少条", "since it began disclosing in
# 2008, how many … in total"): the start of the total a later report states, no report's year.
_RUNNING_START_RE = re.compile(
    rf"(?:自|从)\s*({_YEAR})\s*年?[^，。？?；]{{0,20}}?(?:以来|至今|开始|起)|({_YEAR})\s*年以来"
    rf"|\bsince\s+(?:[a-z'-]+\s+){{0,3}}?({_YEAR})\b|\b(?:began|begun|started|starting)\b[^.?;]{{0,50}}?\bin\s+({_YEAR})\b",
    re.IGNORECASE,
)
_RUNNING_TOTAL_ASKED_RE = re.compile(r"累计|历年|cumulative|in total|altogether|so far|to date", re.IGNORECASE)


def years(text: str) -> tuple[int, ...]:
    """Years in order of mention; a range (2017-2019, 2017至2019年, from 2017 to 2019) gives each year;
    the start of a running total asked (自2008年以来累计) is none."""
    found: list[tuple[int, list[int]]] = []
    covered = [False] * len(text)
    for match in _RANGE_RE.finditer(text):
        low, high = int(match.group(1)), int(match.group(2))
        if low < high <= low + _MAX_RANGE:
            found.append((match.start(), list(range(low, high + 1))))
            covered[match.start() : match.end()] = [True] * (match.end() - match.start())
    for pattern, shift in ((_CARRIED_FROM_RE, 1), (_CARRIED_INTO_RE, -1)):
        for match in pattern.finditer(text):
            group = 1 if match.group(1) else 2
            found.append((match.start(group), [int(match.group(group)) + shift]))
            covered[match.start(group) : match.end(group)] = [True] * (match.end(group) - match.start(group))
    if _RUNNING_TOTAL_ASKED_RE.search(text):
        for match in _RUNNING_START_RE.finditer(text):
            group = next(g for g in range(1, 5) if match.group(g))
            covered[match.start(group) : match.end(group)] = [True] * (match.end(group) - match.start(group))
    for match in _YEAR_RE.finditer(text):
        if not covered[match.start()]:
            found.append((match.start(), [int(match.group(1))]))
    for match in _CN_YEAR_RE.finditer(text):
        year = cn_year(match.group(1))
        if 1900 <= year <= 2099:
            found.append((match.start(), [year]))
    found.sort(key=lambda item: item[0])
    return tuple(dict.fromkeys(year for _, years in found for year in years))


def asks_all_years(lowered: str) -> bool:
    """"两年" / "历年" / "both years": every year the bodies have, not one."""
    return bool(_ALL_YEARS_PATTERN.search(lowered))


def all_years(directory: BodyDirectory, bodies: Sequence[str], wanted: bool) -> tuple[int, ...]:
    """Every year any of ``bodies`` has a report for, ascending; () unless ``wanted``."""
    if not wanted:
        return ()
    return tuple(sorted({year for body in bodies for year in directory.years_of(body)}))


def name_carry_over_rows(text: str) -> str:
    """"carried over to 2023" names the 结转下年度 row, "carried over from 2021" the 上年结转 one,
    not whichever carry-over the catalogue meets first."""
    def named(match: re.Match[str], zh: str, en: str) -> str:
        return zh if re.search(r"[\u4e00-\u9fff]", match.group(0)) else en

    text = _CARRIED_INTO_RE.sub(lambda m: named(m, "结转下年度", "carried over to next year"), text)
    return _CARRIED_FROM_RE.sub(lambda m: named(m, "上年结转", "carried over from the previous year"), text)


def paired_years(masked: str, mentions: list[tuple[str, int, int]]) -> tuple[tuple[str, int], ...]:
    """Each of several bodies followed by exactly one year before the next body is named:
    ("珀溪镇2016年、棠岑街道2018年", "Poxi (2016), Tangcen (2018)"); otherwise nothing."""
    bodies = list(dict.fromkeys(body for body, _, _ in mentions))
    if len(bodies) < 2 or len(bodies) != len(mentions):
        return ()
    pairs = []
    for index, (body, _, end) in enumerate(mentions):
        stop = mentions[index + 1][1] if index + 1 < len(mentions) else len(masked)
        found = years(masked[end:stop])
        if len(found) != 1:
            return ()
        pairs.append((body, found[0]))
    return tuple(pairs) if len({year for _, year in pairs}) > 1 else ()
