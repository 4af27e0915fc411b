"""Who published a report and which year it covers, read from its text.

Titles can be split over lines (西集镇2018年政府信息公开工作 / 年度报告) or missing altogether;
then the body comes from phrases such as 由北京市密云区巨各庄镇人民政府编制 and the year from
统计期限自2017年1月1日 or 结合2017年度工作实际.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from assistant.ingest import bodies
from assistant.ingest.names import LEVEL_ENGLISH, aliases as _aliases, departments, short_name as _short_name, to_pinyin
from assistant.ingest.regions import GOV_SUFFIX_RE as _GOV_SUFFIX_RE, LEVEL_RE as _LEVEL_RE, level_of as _level_of, parent_from_government, parent_from_portal, parent_from_text, region_aliases, region_chain
from assistant.numerals import arabic_digits
from assistant.records import ReportMeta, Span

# LEVEL_ENGLISH and to_pinyin are read from here by eval.make_gold
__all__ = ["LEVEL_ENGLISH", "departments", "extract_meta", "to_pinyin"]

_CJK = r"\u4e00-\u9fff"
# (…信息公开年报: 2011年谷来镇人民政府信息公开年报, a town of heldout11 whose opening names a stale 2008年度;
# 信息年度公开报告: 黄村镇2014年度信息年度公开报告, a town of heldout12 whose opening names 2013年度)
_REPORT = r"(?:政府)?(?:信息|政务)(?:年度)?公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)"
# Titles put the year before the body, after it, or at the end: 青槐镇2016年…报告,
# 2016年度澄河区青槐镇…报告, 澄河区青槐镇…年度报告（2016年度）.
_TITLE_RES = (
    re.compile(
        rf"(?P<body>[{_CJK}（）()]{{2,40}}?)\s*(?:（|\()?\s*(?P<year>(?:19|20)\d{{2}})\s*年度?\s*(?:）|\))?\s*"
        + _REPORT
    ),
    re.compile(rf"(?P<year>(?:19|20)\d{{2}})\s*年度?\s*(?P<body>[{_CJK}（）()]{{2,40}}?)" + _REPORT),
    re.compile(rf"(?P<body>[{_CJK}]{{2,40}}?)" + _REPORT + r"\s*[（(]\s*(?P<year>(?:19|20)\d{2})\s*年度?\s*[）)]"),
)
_TITLE_WITHOUT_YEAR_RE = re.compile(rf"^(?P<body>[{_CJK}（）()]{{2,40}}?(?:政府|局|委员会|委|办事处|办公室|镇|乡|街道|区|县|市))" + _REPORT + "$")
# Words glued before or after the body in the title's sentence or by joined lines:
# 现公布澄河区柳岸街道办事处2017年度…, 首页>年度报告 / 石桥乡…, 由…人民政府编制的2016年度…
_BODY_LEAD_RE = re.compile(rf"^[{_CJK}（）()]*(?:公布|发布|印发|现将|特将|报告|首页|位置|栏目)|^由")
# 我镇, 本街道, 我局: the report speaking of itself, no name.
_SELF_REFERENCE_RE = re.compile(r"^[我本](?:镇|乡|街道?|区|县|市|局|委|办|单位|机关|部门)$")
_BODY_TAIL_RE = re.compile(r"(?:关于|(?:负责)?编制的?|发布的?|的)$")
_YEAR_PATTERNS = (
    # 统计期限自2017年1月1日, 统计时限为2016年1月1日, 统计期为2025年…; digits lost or fused in
    # copies (2022年11日, 自201511日起) still start with the year
    re.compile(r"统计(?:期限|时限|时间|期|区间)(?:为|是|从)?自?\s*(?P<year>(?:19|20)\d{2})(?:\s*年|(?=\d{1,4}\s*日))"),
    re.compile(r"结合(?P<year>(?:19|20)\d{2})\s*年度?工作实际"),
    re.compile(r"(?P<year>(?:19|20)\d{2})\s*年度(?:政府)?(?:信息|政务)公开"),
    re.compile(r"(?P<year>(?:19|20)\d{2})\s*年(?:政府)?(?:信息|政务)公开(?:工作)?(?:年度)?报告"),
    re.compile(r"截[止至]到?\s*(?P<year>(?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日"),
    # 报告覆盖…2011年1月1日至12月31日: the year's whole span
    re.compile(r"(?P<year>(?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:起\s*)?[至到\-—～~]\s*(?:(?P=year)\s*年\s*)?12\s*月\s*31\s*日"),
)
_DEPARTMENT_RE = re.compile(r"(?:局|委员会|委|办公室|中心|厅|署|院|所|站|队|管委会|学校|中学|小学|大学|幼儿园|公司|集团|馆)$")


_CJK_CHARS = "\u4e00-\u9fff"
# 区政府办公室, 县人民政府: a body named by its level alone (a page on its own district's site)
_LEVEL_ONLY_RE = re.compile(r"(?P<level>区|县|市|州|旗|盟|镇|乡)(?:人民)?政府(?P<office>办公室|办公厅)?")


def _named_in_full(text: str, found: bodies.BodyCandidate) -> bodies.BodyCandidate:
    """A body the title names by its level alone (区政府办公室2023年…报告) is the one the page
    names in full with that level and office (杭州市上城区人民政府办公室 in its signature or its
    rules' titles): the unit written most often, in its last full name (the signature on a tie)."""
    level_only = _LEVEL_ONLY_RE.fullmatch(found.name)
    if level_only is None:
        return _zone_named_in_full(text, found)
    level, office = level_only["level"], level_only["office"] or ""
    pattern = re.compile(rf"([{_CJK_CHARS}]{{2,12}}?{level})(?:人民)?政府{office}" + ("" if office else "(?!办公)"))
    seen: dict[str, list[tuple[int, str]]] = {}  # unit -> (start, full name) of each time it is written
    for match in pattern.finditer(text):
        if bodies.valid_name(match.group(1)):
            seen.setdefault(match.group(1), []).append((match.start(), match.group(0)))
    if not seen:
        return found
    unit = max(seen, key=lambda u: (len(seen[u]), seen[u][-1][0]))
    start, name = seen[unit][-1]
    return bodies.BodyCandidate(name, start, start + len(name), "full name", found.score)


@functools.cache
def _zone_kinds() -> tuple[str, ...]:
    """How zones are named by their kind alone (高新区管委会, 经开区, 管委会), longest first."""
    return tuple(sorted({k for e in departments() if e.get("zone") for k in (e["zh"], *e.get("short", ()))}, key=len, reverse=True))


def _zone_named_in_full(text: str, found: bodies.BodyCandidate) -> bodies.BodyCandidate:
    """A zone named by its kind alone (高新区管委会) is the one the page writes with its place
    before it (乐山高新区管委会2010年年报…): that name, the one written most often (the last on a tie)."""
    if found.name not in _zone_kinds():
        return found
    pattern = re.compile(rf"([{_CJK_CHARS}]{{2,4}}?){re.escape(found.name)}")
    seen: dict[str, list[int]] = {}
    for match in pattern.finditer(text):
        place = match.group(1)
        if bodies.valid_name(place + found.name) and not re.search(r"[年月日的在由和及与对为是]", place):
            seen.setdefault(place, []).append(match.start())
    if not seen:
        return found
    place = max(seen, key=lambda p: (len(seen[p]), seen[p][-1]))
    start = seen[place][-1]
    name = place + found.name
    return bodies.BodyCandidate(name, start, start + len(name), "full name", found.score)


def extract_meta(text: str) -> ReportMeta:
    """Find body, parent region, level, year and aliases; warn about what is missing."""
    warnings: list[str] = []
    text = _arabic_years(text)  # same length: every span below still indexes the stored text
    head = text[:600]
    title = _title_on_lines(head) or _find_title(_join_lines(head))
    body_raw, body_span = None, None
    year, year_span = None, None
    title_body = None
    if title:
        title_raw, year_text = title
        title_span = _locate(text, title_raw)
        title_body = (title_raw, title_span.start if title_span else 0)
        if year_text:
            year = int(year_text)
            year_span = _locate(text, year_text)
    # the title, the 发布机构 line, the 编制 sentence, the contact paragraph …: the best-scored name
    found = bodies.best(text, title_body)
    if found:
        found = _named_in_full(text, found)
        body_raw = found.name
        body_span = Span(found.start, found.end)
    if year is None:
        for pattern in _YEAR_PATTERNS:
            match = pattern.search(text)
            if match:
                year = int(match["year"])
                year_span = Span(match.start("year"), match.end("year"))
                break

    body, parent, level = _split_body(body_raw) if body_raw else (None, None, None)
    if body and body_span and body in body_raw:  # the span covers the body, not its region (通州区|西集镇)
        offset = body_span.start + body_raw.find(body)
        body_span = Span(offset, offset + len(body))
    if body and not parent:
        parent = parent_from_text(text, body)
    if body and not parent and level in ("镇", "乡", "街道"):
        parent = parent_from_portal(text)
    if body and not parent:
        parent = parent_from_government(text, level)
        parent = None if parent and parent in body else parent  # 宿州市 names no parent of 宿州市
    region = region_chain(text, body_raw, parent) if body else ()
    if region and (not parent or region[-1].endswith(parent)):
        parent = region[-1]
    if body is None:
        warnings.append("could not find the publishing body (no title, no 由…编制)")
    if year is None:
        # no title year, no 统计期限: the year the report speaks of itself in (2020年度我街办…,
        # 2020年，湖南省人民政府办公厅…), else the year before an early publication date
        found_year = _self_year(text, [n for n in (body_raw, body, _short_name(body, level) if body else None) if n]) or _year_before_publication(text)
        if found_year:
            year, year_span = found_year
            warnings.append(f"year {year} read from the report's own sentences or its publication date (no title year, no 统计期限)")
    if year is None:
        warnings.append("could not find the year the report covers")
    short = _short_name(body, level) if body else None
    aliases = _aliases(body, short, parent, level, body_raw) if body else ()
    aliases += tuple(region_aliases(region, body, short, level, aliases))
    second = _second_name(text, body_span, parent) if body and level == "department" else None
    if second:
        aliases += tuple(a for a in _aliases(second, second, parent, level, second) if a not in aliases)
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


# One body with two names (一个机构两块牌子), the second in brackets after the first:
# 白城市民委(宗教局), 人力资源和社会保障局（医疗保障局）, 淮北市妇幼保健计划生育服务中心（市妇幼保健院）.
_SECOND_NAME_RE = re.compile(r"\s*[（(](?P<name>[\u4e00-\u9fff]{2,12}?(?:局|委员会|委|办公室|办|中心|厅|院))[）)]")


def _second_name(text: str, span: Span | None, parent: str | None) -> str | None:
    """The body's second name written in brackets right after its first, with its region."""
    if span is None:
        return None
    match = _SECOND_NAME_RE.match(text, span.end)
    if not match:
        return None
    name = match["name"]
    if parent and name[0] == parent[-1] and not name.startswith(parent):
        name = name[1:]  # 淮北市妇幼保健计划生育服务中心（市妇幼保健院）: 市 is its own city
    return name if not parent or name.startswith(parent) else parent + name


_CN_YEAR_RE = re.compile(r"[〇零○Ｏ一二三四五六七八九]{4}(?=\s*年)")


_SELF_REFERENCE = r"[我本](?:镇|乡|街道?|街办|区|县|市|旗|局|委|办|厅|单位|机关|部门)"
_YEAR_LED_RE = r"(?P<year>(?:19|20)\d{2})\s*年度?\s*[，,]?\s*" + bodies.SETTING_CLAUSE + r"(?:全年\s*)?"
_PUBLISHED_RE = re.compile(
    r"(?:发布|成文|公开|生成|印发)(?:日期|时间)\s*[:：]?\s*(?P<year>(?:19|20)\d{2})\s*[-年/.]\s*(?P<month>\d{1,2})"
)


def _self_year(text: str, names: list[str]) -> tuple[int, Span] | None:
    """The year most often written right before the report's self-reference or its own name."""
    subjects = "|".join([_SELF_REFERENCE, *(re.escape(n) for n in names)])
    matches = list(re.finditer(_YEAR_LED_RE + rf"(?:{subjects})", text))
    if not matches:
        return None
    counts = Counter(m["year"] for m in matches)
    best = max(counts, key=lambda y: (counts[y], y))
    first = next(m for m in matches if m["year"] == best)
    return int(best), Span(first.start("year"), first.end("year"))


def _year_before_publication(text: str) -> tuple[int, Span] | None:
    """An annual report published in the first half of a year covers the year before
    (发布日期：2023-01-16 -> 2022): the reports are due by 31 January (since 2019) or 31 March."""
    match = _PUBLISHED_RE.search(text)
    if not match or not 1 <= int(match["month"]) <= 6:
        return None
    return int(match["year"]) - 1, Span(match.start("year"), match.end("year"))


def _arabic_years(text: str) -> str:
    """二〇一八年 read as 2018年, character for character, so offsets do not move."""
    return _CN_YEAR_RE.sub(lambda m: arabic_digits(m.group(0)), text)


def _title_on_lines(head: str) -> tuple[str, str | None] | None:
    """The title read from its own line (or two adjacent lines: a title wrapped after the body),
    so that a web page's menu and breadcrumb lines above it never glue onto the body's name."""
    lines = [line for line in head.split("\n") if line.strip()]
    pairs = ["".join(lines[index : index + 2]) for index in range(len(lines) - 1)]
    for candidate in lines + pairs:
        title = _find_title(_join_lines(candidate))
        if title:
            return title
    for line in lines[:3]:  # 甗渚区人民政府政府信息公开工作年度报告: a title without a year
        match = _TITLE_WITHOUT_YEAR_RE.match(_join_lines(line))
        body = _trim_body(match["body"]) if match else None
        if body:
            return body, None
    return None


def _find_title(head: str) -> tuple[str, str] | None:
    """(body as written, year) of the earliest title-like phrase whose body survives trimming."""
    found = []
    for pattern in _TITLE_RES:
        for match in pattern.finditer(head):
            body = _trim_body(match["body"])
            if body and body.endswith("人民") and head.startswith("政府", match.end("body")):
                body += "政府"  # 青槐镇人民|政府信息公开: the lazy body stopped inside 人民政府
            if body and bodies.title_name(body):  # a notice's title (关于做好2008年度…报告) is no title of ours
                found.append((match.start(), body, match["year"]))
                break
    if not found:
        return None
    _, body, year = min(found)
    return body, year


def _trim_body(raw: str) -> str | None:
    """The body's name without the words around it; None when nothing name-like is left."""
    body = raw
    previous = None
    while previous != body:
        previous = body
        body = _BODY_LEAD_RE.sub("", body)
        body = _BODY_TAIL_RE.sub("", body)
    name = _GOV_SUFFIX_RE.sub("", body.strip("（）() "))
    if len(name) < 2 or _SELF_REFERENCE_RE.match(name):
        return None
    return body


def _join_lines(head: str) -> str:
    """Titles split over lines read as one: drop line breaks and padding between characters."""
    return re.sub(r"[\s\u3000\u00a0]+", "", head)


def _locate(text: str, fragment: str) -> Span | None:
    index = text.find(fragment)
    return Span(index, index + len(fragment)) if index >= 0 else None


def _split_body(raw: str) -> tuple[str | None, str | None, str | None]:
    """北京市密云区巨各庄镇人民政府 -> (巨各庄镇, 密云区, 镇); a department keeps its full name."""
    name = _GOV_SUFFIX_RE.sub("", raw.strip("（）() "))
    # 南京市鼓楼区人民政府华侨路街道办事处: the district's government written before its street office
    name = re.sub(rf"(?<=[区县市旗])(?:人民)?政府(?=[{_CJK}]{{2,}}(?:街道|镇|乡)$)", "", name)
    if not name:
        return None, None, None
    if _DEPARTMENT_RE.search(name):
        # the region is what stands before the department's ending: 垚溆市|住房和城乡建设局 (not
        # 住房和城乡), 龢屾|经济技术开发区管理委员会 (no region level at all)
        ending = next((e["zh"] for e in departments() if name.endswith(e["zh"]) and len(name) > len(e["zh"])), "")
        units = _LEVEL_RE.findall(name[: len(name) - len(ending)])
        parent = units[-1] if units and name != units[-1] else None
        return name, parent, "department"
    units = _LEVEL_RE.findall(name)
    if not units or "".join(units) != name:
        return name, None, _level_of(name)
    body = units[-1]
    parent = units[-2] if len(units) >= 2 else None
    return body, parent, _level_of(body)


