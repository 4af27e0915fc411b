"""The dates a report states about itself: when it was published and which period it covers.

Published pages carry a metadata line (发布日期:2010-01-01, 发布时间：2012年02月17日 10:50,
成文日期 …) and end with a signature date (二〇一〇年三月二十五日, or only 三月二十五日); the two
often disagree, and a report copied from an earlier template may even be dated before the end of
the year it covers. These functions read the dates as written, with their offsets in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.numerals import arabic_digits

__all__ = ["StatedDate", "StatedNumber", "StatedPeriod", "period_end", "stated_dates", "stated_index", "stated_numbers", "stated_period"]

_CN_DIGIT = "〇零○Ｏ一二三四五六七八九"
_YEAR = rf"(?:(?:19|20)\d{{2}}|[{_CN_DIGIT}]{{4}})"
_NUMBER = rf"(?:\d{{1,2}}|[{_CN_DIGIT}十]{{1,3}})"
# 2010-01-01, 2012年02月17日, 2010/3/25, 2010.3.25
_DATE = rf"{_YEAR}\s*[-年/.]\s*{_NUMBER}\s*[-月/.]\s*{_NUMBER}\s*日?"
_LABELLED_RE = re.compile(rf"(?P<label>(?:发布|公开|成文|印发|生成|发文)(?:日期|时间))\s*[:：]?\s*(?P<date>{_DATE})")
# the signature: a line that is a date alone (its year may be missing: 三月二十五日), or the
# body's name followed by the date
_SIGNATURE_RE = re.compile(rf"(?P<date>(?:{_YEAR}\s*年\s*)?{_NUMBER}\s*月\s*{_NUMBER}\s*日)\s*$")
_SIGNATURE_LINES = 12  # the signature stands among the report's last lines
_PERIOD_END_RE = re.compile(
    rf"统计(?:期限|时限|时间|期|区间)[^。；\n]{{0,30}}?(?:至|到|—|-|～|~)\s*(?P<date>(?:{_YEAR}\s*年\s*)?{_NUMBER}\s*月\s*{_NUMBER}\s*日)"
)

# 统计期限自2020年1月1日起至2020年12月31日止, 统计时限为2016年1月1日至12月31日
_PERIOD_RE = re.compile(
    rf"统计(?:期限|时限|时间|期|区间)[为是从：:\s]{{0,3}}(?P<period>自?\s*(?P<year>{_YEAR})\s*(?:年|(?=\d))[^。；;\n]{{0,12}}?"
    r"(?:至|到|—|-|－|～|~)[^。；;\n]{0,20}?日止?)"
)


@dataclass(frozen=True)
class StatedPeriod:
    """The period a report says its figures cover, as written (自2020年1月1日起至2020年12月31日止)."""

    written: str
    start: int
    end: int
    year: int  # the year it starts in


@dataclass(frozen=True)
class StatedDate:
    """A date as the report writes it, where it stands, and what the report calls it."""

    label: str  # 发布日期, 发布时间, 成文日期 … as written, or "落款" for the signature
    written: str  # 2010-01-01, 三月二十五日
    start: int
    end: int
    year: int | None  # None when the report writes no year (三月二十五日)
    month: int | None
    day: int | None


def stated_dates(text: str) -> tuple[StatedDate, ...]:
    """Every publication date the report states: metadata lines first, the signature last."""
    found = [_dated(m["label"], m, text) for m in _LABELLED_RE.finditer(text)]
    lines = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]
    for offset, line in lines[-_SIGNATURE_LINES:]:
        match = _SIGNATURE_RE.search(line.rstrip())
        if match and _is_signature(line, match):
            found.append(_dated("落款", match, text, offset))
    seen: set[int] = set()
    out = []
    for date in found:
        if date.start not in seen:
            seen.add(date.start)
            out.append(date)
    return tuple(out)


@dataclass(frozen=True)
class StatedNumber:
    """The report's own document number (文号) as written: 永林〔2009〕147号, 西政【2012】144号."""

    written: str
    start: int
    end: int


# 永林〔2009〕147号, 西政【2012】144号, 贺政办发〔2010〕3号: an issuer's abbreviation, the year in
# brackets, the serial number
_DOC_NUMBER_RE = re.compile(r"[\u4e00-\u9fff]{1,10}\s*[〔【\[［（(]\s*(?:19|20)\d{2}\s*[〕】\]］）)]\s*第?\s*\d{1,5}\s*号")
_NUMBER_LABEL_RE = re.compile(r"(?:发文字号|发文号|文号|文件编号)\s*[:：]\s*$")
_LINE_FRAME = " \t\u3000()（）[]【】"


def stated_numbers(text: str) -> tuple[StatedNumber, ...]:
    """The document numbers a report gives itself: one written after a 文号 label (备注/文号:
    永林〔2009〕147号), or one standing alone on its line (西政【2012】144号 above the title,
    (贺政办发〔2010〕3号) below it). Numbers inside sentences are documents the report cites
    (《关于…的通知》(闽政办〔2009〕182号)), never its own."""
    found: list[StatedNumber] = []
    for line in re.finditer(r"[^\n]+", text):
        for match in _DOC_NUMBER_RE.finditer(line.group(0)):
            before = line.group(0)[: match.start()]
            alone = not before.strip(_LINE_FRAME) and not line.group(0)[match.end() :].strip(_LINE_FRAME + "。")
            if alone or _NUMBER_LABEL_RE.search(before):
                start = line.start() + match.start()
                found.append(StatedNumber(match.group(0), start, line.start() + match.end()))
    return tuple(found)


# 索 引 号:QZ10106-2500-2009-00022, 索引号 | 014416330/2018-04736 |, 索引号: | zfb-2026-00011 |
_INDEX_RE = re.compile(r"索\s*引\s*号\s*[:：]?\s*\|?\s*(?P<index>[0-9A-Za-z][0-9A-Za-z\-/_.]{3,40})")


def stated_index(text: str) -> StatedNumber | None:
    """The page's index number (索引号) as its metadata writes it, if it writes one."""
    match = _INDEX_RE.search(text)
    return StatedNumber(match["index"], match.start("index"), match.end("index")) if match else None


def stated_period(text: str) -> StatedPeriod | None:
    """The 统计期限 the report states, if it states one."""
    match = _PERIOD_RE.search(text)
    if not match:
        return None
    return StatedPeriod(match["period"], match.start("period"), match.end("period"), int(arabic_digits(match["year"])))


def period_end(text: str, year: int | None) -> tuple[int, int, int] | None:
    """The last day of the period the report's figures cover: its 统计期限's end as written,
    else 31 December of the year it covers."""
    match = _PERIOD_END_RE.search(text)
    if match:
        y, m, d = _numbers(match["date"])
        if m and d and (y or year):
            return (y or year, m, d)  # type: ignore[return-value]
    return (year, 12, 31) if year else None


def _is_signature(line: str, match: re.Match[str]) -> bool:
    """A date alone on its line, or after a name only (白城市民委 二〇一〇年三月二十五日)."""
    before = line[: match.start()].strip()
    return not before or (len(before) <= 30 and not re.search(r"[，。；,;：:]", before))


def _dated(label: str, match: re.Match[str], text: str, offset: int = 0) -> StatedDate:
    start, end = offset + match.start("date"), offset + match.end("date")
    written = text[start:end].strip()
    end = start + len(written)
    year, month, day = _numbers(written)
    return StatedDate(label, written, start, end, year, month, day)


def _numbers(written: str) -> tuple[int | None, int | None, int | None]:
    parts = [p for p in re.split(r"[-年月日/.\s]+", arabic_digits(_ordinal_digits(written))) if p]
    numbers = [int(p) for p in parts if p.isdigit()]
    if len(numbers) == 3:
        return numbers[0], numbers[1], numbers[2]
    if len(numbers) == 2:
        return None, numbers[0], numbers[1]
    return None, None, None


def _ordinal_digits(written: str) -> str:
    """三月二十五日 -> 3月25日: month and day numbers written with 十 (the year's digits are read
    one by one by ``arabic_digits``)."""

    def number(match: re.Match[str]) -> str:
        word = match.group(0)
        digits = {c: str(i) for i, c in enumerate("零一二三四五六七八九")}
        if "十" not in word:
            return word
        tens, _, ones = word.partition("十")
        return str((int(digits.get(tens, "1")) if tens else 1) * 10 + (int(digits[ones]) if ones else 0))

    return re.sub(r"[一二三四五六七八九]?十[一二三四五六七八九]?(?=[月日])", number, written)
