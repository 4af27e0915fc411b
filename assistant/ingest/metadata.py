"""Who published a report and which year it covers, read from its text.

Titles can be split over lines (西集镇2018年政府信息公开工作 / 年度报告) or missing altogether;
then the body comes from phrases such as 由北京市密云区巨各庄镇人民政府编制 and the year from
统计期限自2017年1月1日 or 结合2017年度工作实际.
"""

from __future__ import annotations

import re

from assistant.ingest import bodies
from assistant.numerals import arabic_digits
from assistant.records import ReportMeta, Span

_CJK = r"\u4e00-\u9fff"
_REPORT = r"(?:政府)?(?:信息|政务)公开(?:工作)?(?:年度)?(?:工作)?报告"
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
)
# Government suffixes that are not part of the body's name.
_GOV_SUFFIX_RE = re.compile(r"(?:人民政府|政府|办事处|人民)$")
# Administrative units, outermost first; the last one found is the body's level.
# a unit's ending is not followed by another ending: 金乡县 (not 金乡|县), 梅县区 (not 梅县|区)
_LEVEL_RE = re.compile(rf"[{_CJK}]+?(?:自治区|自治州|省|市|地区|盟|自治县|区|县|旗|街道|镇|乡)(?![县区市旗])")
_LEVELS = ("街道", "镇", "乡", "区", "县", "市", "旗", "盟", "州", "省")
_DEPARTMENT_RE = re.compile(r"(?:局|委员会|委|办公室|中心|厅|署|院|所|站|队|管委会)$")

LEVEL_ENGLISH = {
    "镇": "Town",
    "乡": "Township",
    "街道": "Subdistrict",
    "区": "District",
    "县": "County",
    "市": "City",
    "旗": "Banner",
    "盟": "League",
    "州": "Prefecture",
    "省": "Province",
}


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
        parent = _parent_from_text(text, body)
    region = region_chain(text, body_raw, parent) if body else ()
    if region and (not parent or region[-1].endswith(parent)):
        parent = region[-1]
    if body is None:
        warnings.append("could not find the publishing body (no title, no 由…编制)")
    if year is None:
        warnings.append("could not find the year the report covers")
    short = _short_name(body, level) if body else None
    aliases = _aliases(body, short, parent, level, body_raw) if body else ()
    aliases += tuple(_region_aliases(region, body, short, level, aliases))
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


_CN_YEAR_RE = re.compile(r"[〇零○Ｏ一二三四五六七八九]{4}(?=\s*年)")


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


_UNIT = rf"[{_CJK}]{{1,9}}?(?:自治区|自治州|自治县|特别行政区|省|市|地区|州|盟|区|县|旗)(?![县区市旗])"
_CHAIN_RE = re.compile(rf"(?:{_UNIT}){{1,3}}")
_EDGE_CHARS = frozenset("由在于至与和及的是为对经向从自即")


def region_chain(text: str, body_raw: str, parent: str | None) -> tuple[str, ...]:
    """The regions above the body, outermost first, as the text writes them before its name:
    六安市霍山县 of 霍山县与儿街镇, 乐山市五通桥区 of 乐山市五通桥区人民政府办公室.

    The parent (from the body's written name or the text) is the innermost unit; the longest
    chain written right before it (or before the body, when no parent is known) anywhere in
    the text adds the outer ones.
    """
    name = _GOV_SUFFIX_RE.sub("", body_raw.strip("（）() "))
    inner = [parent] if parent else []
    anchor = parent or name
    best: list[str] = []
    for match in re.finditer(re.escape(anchor), text):
        before = text[max(0, match.start() - 24) : match.start()]
        for cut in range(len(before) - 2, -1, -1):
            chain = _CHAIN_RE.fullmatch(before[cut:])
            units = _LEVEL_RE.findall(chain.group(0)) if chain else []
            if not units or not all(2 <= len(u) <= 10 for u in units):
                continue
            # the chain starts at a word edge (地址：安徽省…, 由澄河区…) or at a unit the text
            # writes again, so glued words (申请公开…) are never taken for a region
            edge = cut == 0 or not re.match(rf"[{_CJK}]", before[cut - 1]) or before[cut - 1] in _EDGE_CHARS
            if (edge or text.count(units[0]) >= 2) and len(units) > len(best):
                best = units
    return tuple(dict.fromkeys(best + inner))


def _region_aliases(region: tuple[str, ...], body: str, short: str, level: str | None, aliases: tuple[str, ...]) -> list[str]:
    """Every outer part of the chain before the body: 霍山县与儿街镇, 六安市霍山县与儿街镇 …"""
    names = []
    for start in range(len(region)):
        prefix = "".join(region[start:])
        for base in ([body] if level == "department" else [body, short]):
            if base.startswith(region[-1]):  # a department written with its region: 大竹县自然资源局
                if start == len(region) - 1:
                    continue
                base = base[len(region[-1]) :]
            names.append(prefix + base)
    return [n for n in dict.fromkeys(names) if n not in aliases]


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
    candidates: dict[str, bool] = {}
    for match in pattern.finditer(text):
        written = match.group(1)
        for n in range(3, min(len(written), 6) + 1):
            start = match.end(1) - n
            # a suffix that starts at a word edge (：梅河口市, 由通州区) beats a shorter one
            edge = start == 0 or not re.match(rf"[{_CJK}]", text[start - 1]) or text[start - 1] in _EDGE_CHARS
            candidates[written[-n:]] = candidates.get(written[-n:], False) or edge
    if not candidates:
        return None
    # the suffix written most often on its own wins; then one at a word edge; then the shortest
    return max(candidates, key=lambda c: (text.count(c), candidates[c], -len(c)))


def _short_name(body: str, level: str | None) -> str:
    if level and level != "department" and body.endswith(level) and len(body) > len(level) + 1:
        return body[: -len(level)]
    return body


def _aliases(body: str, short: str, parent: str | None, level: str | None, raw: str) -> tuple[str, ...]:
    names = [body, short, raw]
    if level == "department":
        if parent and body.find(parent) > 0:
            names.append(body[body.find(parent) :])  # 北京市通州区财政局 -> 通州区财政局
        if parent and parent in body and len(body) - body.find(parent) - len(parent) >= 3:
            names.append(body[body.find(parent) + len(parent) :])  # 澄河区水务局 -> 水务局
        names += _department_aliases(body, parent)
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
        for pinyin in to_pinyin(short if short != body else body[: -len(level)] if level and body.endswith(level) else body):
            # "the Hunan provincial government", "Huan County People's Government"
            names += _government_names(pinyin, level)
        if level in LEVEL_ENGLISH and short == body and len(body) > len(level):
            # a one-character name keeps its level in Chinese (威县, 攸县) and drops it in English
            names += [f"{pinyin} {LEVEL_ENGLISH[level]}" for pinyin in to_pinyin(body[: -len(level)])]
    # 人民政府 is written 政府 as often as not: 高平市政府办公室, 湖南省政府办公厅
    names += [name.replace("人民政府", "政府") for name in names if name and "人民政府" in name and not name.endswith("人民政府")]
    return tuple(dict.fromkeys(name for name in names if name))


# How English writes a government of each level: "Hunan Provincial Government".
_GOVERNMENT_ADJECTIVES = {
    "省": ("Provincial",), "市": ("Municipal", "City"), "县": ("County",), "区": ("District",), "旗": ("Banner",),
    "盟": ("League",), "州": ("Prefecture",), "镇": ("Town",), "乡": ("Township",), "街道": ("Subdistrict",),
}


def _government_names(pinyin: str, level: str | None) -> list[str]:
    names = []
    for adjective in _GOVERNMENT_ADJECTIVES.get(level or "", ()):
        names += [f"{pinyin} {adjective} Government", f"{pinyin} {adjective} People's Government"]
    return names


def _department_aliases(body: str, parent: str | None) -> list[str]:
    """汧垭区教育委员会 -> 汧垭区教委, 教委, Qianya District Education Commission, Qianya Education
    Commission …, from the department endings of ``assistant/data/departments.yaml``."""
    entry = next((e for e in departments() if body.endswith(e["zh"])), None)
    if entry is None:
        return []
    names = []
    region = body[: -len(entry["zh"])]
    level = _level_of(parent) if parent and region.endswith(parent) else None
    region_short = _short_name(parent, level) if level else ""
    if not region_short and not parent and 2 <= len(region) <= 4 and _level_of(region) is None:
        region_short = region  # a zone named by itself: 龢屾 of 龢屾经济技术开发区管理委员会
    if region_short and region_short != region:
        names.append(region_short + entry["zh"])  # 垚溆住房和城乡建设局
    near = parent if parent and region.endswith(parent) and parent != region else ""
    for short in entry.get("short", ()):
        names += [region + short, short]
        if near:
            names.append(near + short)  # 翀沅市罍坨区市场监督管理局 -> 罍坨区市场监管局
        if region_short and region_short != region:
            names.append(region_short + short)  # 垚溆住建局
    for pinyin in to_pinyin(region_short) if region_short else []:
        for english in entry["en"]:
            names.append(f"{pinyin} {english}")
            if level:
                names.append(f"{pinyin} {LEVEL_ENGLISH[level]} {english}")
            if level == "市":
                names.append(f"{pinyin} Municipal {english}")
        if entry["zh"] in ("人民政府办公室", "人民政府办公厅"):
            # the General Office of the X County People's Government
            names += [f"General Office of the {government}" for government in _government_names(pinyin, level)]
            names += [f"{government} Office" for government in _government_names(pinyin, level)]
    return names


def departments() -> tuple[dict, ...]:
    """The department endings of ``assistant/data/departments.yaml``, checked, longest first."""
    from assistant.understanding.cues import load_departments

    return load_departments()


def to_pinyin(name: str) -> list[str]:
    """西集 -> ["Xiji"]; a polyphonic character adds its other readings (朝阳 -> Chaoyang, 濛湫 -> Mengqiu)."""
    from pypinyin import Style, lazy_pinyin, pinyin

    syllables = lazy_pinyin(name)
    if not syllables or not all(s.isascii() and s.isalpha() for s in syllables):
        return []
    forms = ["".join(syllables).capitalize()]
    # a polyphonic character anywhere (濛湫: Mengjiao, Mengqiu) adds its other readings, one at a time
    for index, char in enumerate(name[: len(syllables)]):
        for other in pinyin(char, style=Style.NORMAL, heteronym=True)[0][:3]:
            forms.append("".join(syllables[:index] + [other] + syllables[index + 1 :]).capitalize())
    if any(s[0] in "aoe" for s in syllables[1:]):  # 柳岸 is written Liu'an as well as Liuan
        forms.append("".join(("'" + s if i and s[0] in "aoe" else s) for i, s in enumerate(syllables)).capitalize())
    return list(dict.fromkeys(forms))
