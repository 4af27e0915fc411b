"""Who published a report and which year it covers, read from its text.

Titles can be split over lines (西集镇2018年政府信息公开工作 / 年度报告) or missing altogether;
then the body comes from phrases such as 由北京市密云区巨各庄镇人民政府编制 and the year from
统计期限自2017年1月1日 or 结合2017年度工作实际.
"""

from __future__ import annotations

import re
from collections import Counter

from assistant.records import ReportMeta, Span

_CJK = r"\u4e00-\u9fff"
_TITLE_RE = re.compile(
    rf"(?P<body>[{_CJK}（）()]{{2,40}}?)\s*(?:（|\()?\s*(?P<year>(?:19|20)\d{{2}})\s*年度?\s*(?:）|\))?\s*"
    r"(?:政府)?(?:信息|政务)公开(?:工作)?(?:年度)?(?:工作)?报告"
)
_COMPILED_BY_RE = re.compile(rf"由(?P<body>[{_CJK}]{{2,40}}?)(?:负责)?编制")
_YEAR_PATTERNS = (
    re.compile(r"统计期限(?:为|是)?自?\s*(?P<year>(?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日"),
    re.compile(r"结合(?P<year>(?:19|20)\d{2})\s*年度?工作实际"),
    re.compile(r"(?P<year>(?:19|20)\d{2})\s*年度(?:政府)?(?:信息|政务)公开"),
    re.compile(r"截[止至]到?\s*(?P<year>(?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日"),
)
# Government suffixes that are not part of the body's name.
_GOV_SUFFIX_RE = re.compile(r"(?:人民政府|政府|办事处)$")
# Administrative units, outermost first; the last one found is the body's level.
_LEVEL_RE = re.compile(rf"[{_CJK}]+?(?:自治区|自治州|省|市|地区|盟|自治县|区|县|旗|街道|镇|乡)")
_LEVELS = ("街道", "镇", "乡", "区", "县", "市", "旗")
_DEPARTMENT_RE = re.compile(r"(?:局|委员会|委|办公室|中心|厅|署|院|所|站|队|管委会)$")

LEVEL_ENGLISH = {
    "镇": "Town",
    "乡": "Township",
    "街道": "Subdistrict",
    "区": "District",
    "县": "County",
    "市": "City",
    "旗": "Banner",
}


def extract_meta(text: str) -> ReportMeta:
    """Find body, parent region, level, year and aliases; warn about what is missing."""
    warnings: list[str] = []
    head = text[:600]
    title = _TITLE_RE.search(_join_lines(head))
    body_raw, body_span = None, None
    year, year_span = None, None
    if title:
        body_raw = title["body"]
        year = int(title["year"])
        body_span = _locate(text, body_raw)
        year_span = _locate(text, title["year"])
    if body_raw is None:
        compiled = _COMPILED_BY_RE.search(text)
        if compiled:
            body_raw = compiled["body"]
            body_span = Span(compiled.start("body"), compiled.end("body"))
    if year is None:
        for pattern in _YEAR_PATTERNS:
            match = pattern.search(text)
            if match:
                year = int(match["year"])
                year_span = Span(match.start("year"), match.end("year"))
                break

    body, parent, level = _split_body(body_raw) if body_raw else (None, None, None)
    if body and not parent:
        parent = _parent_from_text(text, body)
    if body is None:
        warnings.append("could not find the publishing body (no title, no 由…编制)")
    if year is None:
        warnings.append("could not find the year the report covers")
    short = _short_name(body, level) if body else None
    aliases = _aliases(body, short, parent, level, body_raw) if body else ()
    return ReportMeta(
        body=body,
        short_name=short,
        parent=parent,
        level=level,
        year=year,
        aliases=aliases,
        body_span=body_span,
        year_span=year_span,
        warnings=tuple(warnings),
    )


def _join_lines(head: str) -> str:
    """Titles split over lines read as one: drop line breaks and padding between characters."""
    return re.sub(r"[\s\u3000\u00a0]+", "", head)


def _locate(text: str, fragment: str) -> Span | None:
    index = text.find(fragment)
    return Span(index, index + len(fragment)) if index >= 0 else None


def _split_body(raw: str) -> tuple[str | None, str | None, str | None]:
    """北京市密云区巨各庄镇人民政府 -> (巨各庄镇, 密云区, 镇); a department keeps its full name."""
    name = _GOV_SUFFIX_RE.sub("", raw.strip("（）() "))
    if not name:
        return None, None, None
    if _DEPARTMENT_RE.search(name):
        units = _LEVEL_RE.findall(name)
        parent = units[-1] if units and name != units[-1] else None
        return name, parent, "department"
    units = _LEVEL_RE.findall(name)
    if not units or "".join(units) != name:
        return name, None, _level_of(name)
    body = units[-1]
    parent = units[-2] if len(units) >= 2 else None
    return body, parent, _level_of(body)


def _level_of(name: str) -> str | None:
    for level in _LEVELS:
        if name.endswith(level):
            return level
    return None


def _parent_from_text(text: str, body: str) -> str | None:
    """The district or county written right before the body (通州区西集镇).

    The characters before 区 are ambiguous (申请公开通州区西集镇), so every suffix is a
    candidate and the one written most often on its own in the whole text wins.
    """
    pattern = re.compile(rf"([{_CJK}]{{1,8}}(?:区|县|市))\s*{re.escape(body)}")
    candidates: set[str] = set()
    for match in pattern.finditer(text):
        written = match.group(1)
        candidates.update(written[-n:] for n in range(3, min(len(written), 6) + 1))
    if not candidates:
        return None
    return max(sorted(candidates, key=len), key=text.count)


def _short_name(body: str, level: str | None) -> str:
    if level and level != "department" and body.endswith(level) and len(body) > len(level) + 1:
        return body[: -len(level)]
    return body


def _aliases(body: str, short: str, parent: str | None, level: str | None, raw: str) -> tuple[str, ...]:
    names = [body, short, raw]
    if level == "department":
        if parent and body.find(parent) > 0:
            names.append(body[body.find(parent) :])  # 北京市通州区财政局 -> 通州区财政局
    else:
        if parent:
            names += [parent + body, parent + short]
        names += [body + "人民政府", body + "政府"]
        if level == "街道":
            names.append(body + "办事处")
        for pinyin in to_pinyin(short):
            names.append(pinyin)
            if level in LEVEL_ENGLISH:
                names.append(f"{pinyin} {LEVEL_ENGLISH[level]}")
    return tuple(dict.fromkeys(name for name in names if name))


def to_pinyin(name: str) -> list[str]:
    """西集 -> ["Xiji"]; a polyphonic first character adds its other readings (朝阳 -> Chaoyang)."""
    from pypinyin import Style, lazy_pinyin, pinyin

    syllables = lazy_pinyin(name)
    if not syllables or not all(s.isascii() and s.isalpha() for s in syllables):
        return []
    forms = ["".join(syllables).capitalize()]
    for first in pinyin(name[0], style=Style.NORMAL, heteronym=True)[0][:3]:
        forms.append((first + "".join(syllables[1:])).capitalize())
    return list(dict.fromkeys(forms))
