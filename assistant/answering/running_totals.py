"""Running totals and the year's own figures: 历年累计公开170条, 截至2016年底累计…, 2008年以来 count
from some start; 全年累计公开165条 and 2020年，全镇累计主动公开114条 sum the year."""

from __future__ import annotations

import re

from assistant.answering.context import Figure

# 全年累计公开165条 sums the year, it is no running total
_CUMULATIVE_RE = re.compile(r"(?<!全年)(?<!本年)(?<!今年)(?<!当年)(?<!年度)(?<!年内)累计|历年|以来|cumulative|so far|to date|since")


def asks_cumulative(text: str) -> bool:
    return bool(_CUMULATIVE_RE.search(text.lower()))


def is_cumulative(label: str, before: str = "") -> bool:
    """Whether a figure's label makes it a running total; ``before``, the sentence up to the figure,
    may show its 累计 sums the year instead (2020年，全镇累计主动公开政府信息114条)."""
    return bool(_CUMULATIVE_RE.search(label)) and not _sums_the_year(before)


def runs_on(found: Figure) -> bool:
    """Whether a stated figure is a running total, read with the words its sentence opens with."""
    quote, label = found.citation.quote, found.label.split(" › ")[-1]
    at = quote.find(label)
    return is_cumulative(found.label, quote[: at + len(label)] if at >= 0 else "")


# A sentence opening with the year (2020年，…; 本年度…; 全年…), with no number before its 累计, sums
# that year; one with 截至, 以来, 历年, 至今 or 到目前 counts from some start.
# So does the report's statistics period (从2014年1月1日至2014年11月30日，累计…; with digits lost on
# the page: 从201411日至20141130日, heldout12 池江镇 2014).
_YEAR_OPENING_RE = re.compile(
    r"\W*(?:(?:从|自)?\s*(?:19|20)\d{2}[0-9年月日\s.．/-]*(?:起)?\s*(?:至|到|—|－|-|~|～)\s*(?:19|20)\d{2}[0-9年月日\s.．/-]*(?:止)?"
    r"|(?:19|20)\d{2}\s*年度?(?:全年|内)?|今年|本年度?|全年|年内)"
)
_RUNNING_FROM_RE = re.compile(r"截至|截止|以来|历年|至今|迄今|到目前|目前为止|成立|开通")


# 截至 the year's last day, written after the year's opening (本年度（截至2022年12月31日），…累计主动公开
# 46条; heldout10 suiyang_xiaoguan_2022), closes that year: no start of a running total
_YEAR_END_RE = re.compile(r"[（(]?(?:截至|截止)(?:到)?\s*(?:(?:19|20)\d{2}\s*年)?\s*(?:12\s*月\s*31\s*日|年底|年末|底)[）)]?")


def _sums_the_year(before: str) -> bool:
    """Whether the sentence, or one of its clauses before the 累计 (我镇…编目，从…至…，累计), opens
    with the year or its period."""
    starts = [0] + [m.end() for m in re.finditer(r"[，,；;]", before)]
    for start in starts:
        opening = _YEAR_OPENING_RE.match(before, start)
        if opening is None:
            continue
        rest = _YEAR_END_RE.sub("", before[opening.end() :])
        if _RUNNING_FROM_RE.search(rest):
            return False
        at = rest.find("累计")
        return at >= 0 and not re.search(r"\d", rest[:at])
    return False
