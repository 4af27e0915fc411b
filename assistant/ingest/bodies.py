"""Which body published a report: every place its text names a body, scored, the best one kept.

Published pages name their body in many places and often not in the title: a web page's
发布机构 / 来源 line, the 编制 sentence (由X编制, X编制了本报告, 本年报由X依据…编制), the sentence
that announces the report (现将X2019年…报告公布如下), the contact paragraph (请与X联系, 请联系：X
办公室), a heading line holding only the name. Some of these name an office inside the body
(长坑乡人民政府办公室, 涵江区教育局办公室, 五常街道党政办公室, 双牌县政务公开领导小组办公室): the
office is dropped, since the report is its body's. A page can also open with another document's
words (关于做好…的通知, 政务公开工作要点落实情况及做好…) or web furniture: a candidate must end in
a body's ending and hold none of the words that only notices and sentences use.

Each candidate is scored by where it stands (a title beats a contact line), by how often the
text names it, and by whether the report's own self-reference agrees (我局 for a 局, 我镇 for a
镇). Pure: text in, one ``BodyCandidate`` (or None) out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_CJK = r"\u4e00-\u9fff"
_NAME = rf"[{_CJK}·（）()]"

# Endings a body's name has; the longest is tried first where it matters.
_ENDINGS = (
    "人民政府办公室", "人民政府办公厅", "政府办公室", "政府办公厅", "人民政府", "政府", "街道办事处", "办事处",
    "管理委员会", "管委会", "委员会", "办公室", "办公厅", "开发区", "新区", "园区", "街道", "镇", "乡",
    "区", "县", "市", "州", "盟", "旗", "省", "局", "委", "厅", "署", "中心",
    # public institutions report under the same regulation: hospitals (淮北市人民医院, 晋城市妇幼保健院,
    # 乡镇卫生院), schools, companies and libraries
    "院", "学校", "中学", "小学", "大学", "幼儿园", "公司", "集团", "馆",
)
# ... and a school named by its number (怀远二中, 榆阳一中)
_ENDING_RE = re.compile("(?:" + "|".join(map(re.escape, _ENDINGS)) + "|[一二三四五六七八九十]中)$")
# Words a body's name never holds: they belong to notices, sentences and web furniture.
_NOT_A_NAME_RE = re.compile(
    r"关于|通知|做好|要点|落实|编制|编写|特此|报告|年度|年报|公开|政府信息|工作|根据|依据|按照|结合|如下|现将|"
    r"以下|简称|条例|规定|办法|我|^本(?:机关|单位|[局委镇乡区县市])|该[局委镇乡区县市]|各[级部镇乡单]|其[他中]|联系|地址|电话|网站|首页|位置|栏目|"
    r"发布|来源|机构|单位|日期|时间|浏览|字号|打印|关闭|索引|文号|分类|主题|统计期|统计数|期限|负责|承办|具体|有关|"
    r"上级|下级|所属|情况|部署|要求|规范|制度|全区|全县|全市|全镇|全乡|全省"
)
# Offices inside a body that compile its report or answer its telephone.
_OFFICE_TAIL_RE = re.compile(
    r"(?:(?:政府)?(?:信息|政务)公开(?:工作)?(?:领导小组)?办公室|(?:政府)?(?:信息|政务)(?:公开)?中心|(?:党政)?(?:综合)?办公室|党政办|"
    r"(?:综合|秘书|文秘|信息|行政|办公)(?:科|股)|[{0}]{{1,8}}室)$".format(_CJK)
)
_GOVERNMENT_OFFICE_RE = re.compile(r"(?:(?:人民)?政府|管理委员会|管委会)办公(?:室|厅)$")
# A government level before 办公室/办公厅 keeps the office as a candidate body of its own (a county's
# 人民政府办公室 publishes its own report); a town's office never does.
_LOCAL_LEVELS = ("镇", "乡", "街道", "街道办事处", "办事处")

# Where a name stands, and how much that place is worth.
_SOURCE_WEIGHT = {
    "title": 20.0,
    "compiled": 8.0,
    "announced": 8.0,
    "publisher": 7.0,
    "heading": 7.0,
    "contact": 6.0,
    "mentioned": 2.0,
}
_SOURCE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # 由X编制 / 由X负责编制 / 本年报由X依据《条例》编制
    ("compiled", re.compile(rf"由(?P<name>{_NAME}{{2,40}}?)(?:负责)?(?:编制|编写|依据|根据|按照|结合|汇总)")),
    # 鄑岚市水务局编制了本年度报告 / X编写了本报告 / X特此编制2024年度… (a clause that starts with the body)
    ("compiled", re.compile(
        rf"(?:^|[，,。；;：:\n])\s*(?P<name>{_NAME}{{2,30}}?)(?:特此|负责|组织)?编(?:制|写)(?:完成)?了?(?:本|该|此|(?:19|20)\d{{2}})"
    )),
    # 现将/现公布/现向社会公布 X 2019年度…报告
    ("announced", re.compile(
        rf"(?:现将|现公布|现公开|现发布|现予公布|向社会公布|特公布|予以公布|编制)了?\s*(?:(?:19|20)\d{{2}}\s*年度?)?\s*(?P<name>{_NAME}{{2,40}}?)\s*(?:(?:19|20)\d{{2}}\s*年|(?:政府)?(?:信息|政务)公开)"
    )),
    # 发布机构：X / 来源: | X | / 信息来源：X
    ("publisher", re.compile(
        rf"(?:发布机构|发布单位|发布部门|公开主体|发文机关|信息来源|来\s*源)\s*[:：]\s*\|?\s*(?P<name>{_NAME}{{2,40}}?)(?=\s|\||$|[，,。；;]|发布|公开|浏览|点击|作者|字号|时间|日期)",
        re.M,
    )),
    # 请与X联系 / 请联系：X（地址… / 如有疑问请与X（地址… / 联系单位：X
    ("contact", re.compile(rf"(?:请与|请联系[:：]?|联系单位[:：]|请咨询)\s*(?P<name>{_NAME}{{2,40}}?)\s*(?:联系|[（(，,:：；;]|$)", re.M)),
    # 对报告有疑问的，请联系诸暨市安华镇人民政府，地址…
    ("contact", re.compile(rf"请联系(?P<name>{_NAME}{{2,40}}?)(?:[，,（(：:]|$)", re.M)),
)
_LEADS = r"向社会公布|现将|公布|公开|发布|印发|特将|首页|位置|栏目|现向社会|由|请与|可与|联系|编制|[>＞»]"
_LEAD_RE = re.compile(rf"^[{_CJK}]{{0,3}}?(?:{_LEADS})")
_ANY_LEAD_RE = re.compile(_LEADS)
_REGION_START_RE = re.compile(rf"[{_CJK}]{{1,8}}?(?:自治区|省|市|州|盟|地区|区|县|旗)(?=[{_CJK}]{{2,}})")
_HEADING_RE = re.compile(rf"^\s*(?P<name>{_NAME}{{2,30}})\s*$", re.M)
_SELF_RE = re.compile(r"[我本](镇|乡|街道办|街办|街道|区|县|市|州|盟|旗|省|局|委|厅|办|中心|院|校|公司|馆)")
_SELF_LEVEL = {
    "镇": ("镇",), "乡": ("乡",), "街道": ("街道", "办事处"), "街道办": ("街道", "办事处"), "街办": ("街道", "办事处"),
    "区": ("区", "开发区", "新区", "管委会", "管理委员会"), "县": ("县",), "市": ("市",), "州": ("州",), "盟": ("盟",),
    "旗": ("旗",), "省": ("省",), "局": ("局",), "委": ("委", "委员会", "管委会", "管理委员会"), "厅": ("厅", "办公厅"),
    "办": ("办公室", "办公厅", "办"), "中心": ("中心",), "院": ("院",),
    "校": ("学校", "中学", "小学", "大学", "学院", "幼儿园"), "公司": ("公司", "集团"), "馆": ("馆",),
}
_GOV_SUFFIX_RE = re.compile(r"(?:人民政府|政府|办事处)$")
_NOT_A_FIRST_CHAR = frozenset("由向在对经据将及或把被从为是请可了")
_HEAD_CHARS = 1500  # a page's furniture, title and introduction


@dataclass(frozen=True)
class BodyCandidate:
    """A body's name as one place of the text writes it, with where it stands."""

    name: str  # cleaned: no office inside it, no words around it
    start: int  # span of ``name`` in the text (the cleaned name is a prefix of what was written)
    end: int
    source: str  # title, compiled, announced, publisher, heading, contact
    score: float = 0.0


def clean_name(raw: str, bounded: bool = False) -> str | None:
    """The body's name in ``raw`` without an office inside it; None when no body is left.

    >>> clean_name("长坑乡人民政府办公室"), clean_name("双牌县政务公开领导小组办公室")
    ('长坑乡人民政府', '双牌县')
    """
    name = re.sub(r"[（(][^（）()]*[）)]$", "", raw.strip(" ·|")).strip(" （）()·|") or raw
    name = re.sub(r"(?<=政府)机关$", "", name)  # 城口县人民政府机关: the government and its office reporting as one
    while True:
        # the shortest office tail that leaves a body before it (综合信息指挥室, not 政府综合信息指挥室)
        cut = next((i for i in range(len(name) - 2, 1, -1) if _OFFICE_TAIL_RE.fullmatch(name[i:]) and valid_name(name[:i], bounded)), None)
        if cut is None:
            break  # 重点建设项目领导小组办公室 is a body of its own: nothing body-like before it
        rest = name[:cut]
        if _GOVERNMENT_OFFICE_RE.search(name) and re.search(r"(?:人民)?政府$|管理委员会$|管委会$", rest) and not _local(rest):
            break  # 阳新县人民政府办公室 and 两江新区管理委员会办公室 publish their own reports; a town's office never does
        name = rest
    return name if valid_name(name, bounded) else None


def _local(name: str) -> bool:
    return _GOV_SUFFIX_RE.sub("", name).endswith(_LOCAL_LEVELS)


def valid_name(name: str, bounded: bool = False) -> bool:
    """Whether ``name`` can be a body: a body's ending, no notice or sentence words, not 我镇.
    ``bounded``: the text has a word edge before it (请联系：向阳区…), so its first character may
    be one a glued lead word ends in (向, 从, 将: 向阳区, 从化区, 将乐县)."""
    if not name or len(name) < 2 or len(name) > 40 or (name[0] in _NOT_A_FIRST_CHAR and not bounded):
        return False
    if not re.fullmatch(rf"[{_CJK}（）()·]+", name) or name.count("(") + name.count("（") != name.count(")") + name.count("）"):
        return False
    if not _ENDING_RE.search(name) or _NOT_A_NAME_RE.search(name):
        return False
    core = _GOV_SUFFIX_RE.sub("", name)
    return len(core) >= 2 and not re.fullmatch(r"(?:省|市|区|县|镇|乡|街道|局|委|厅|办|中心)+", core)


def candidates(text: str, title: tuple[str, int] | None = None, selves: Counter | None = None) -> list[BodyCandidate]:
    """Every body named in the usual places of the page, scored; best first.

    ``title`` is the body as the title writes it and where, when the title was read; ``selves``
    how the report speaks of itself (computed here when not given).
    """
    head = text[:_HEAD_CHARS]
    found: list[BodyCandidate] = []
    if title:
        name = _last_name(title[0])
        if name:
            start = title[1] + max(title[0].rfind(name), 0)
            found.append(BodyCandidate(name, start, start + len(name), "title"))
    for source, pattern in _SOURCE_PATTERNS:
        scope = text if source in ("compiled", "contact") else head
        for match in pattern.finditer(scope):
            name = _last_name(match["name"])
            if not name and match.start("name") > 0 and not re.match(rf"[{_CJK}]", scope[match.start("name") - 1]):
                name = clean_name(match["name"], bounded=True)  # 请联系：向阳区人民政府办公室
            if name:
                start = match.start("name") + match["name"].rfind(name)
                found.append(BodyCandidate(name, start, start + len(name), source))
    selves = _self_levels(text) if selves is None else selves
    found += _mentions(head, selves)
    found += _subjects(head)
    for match in _HEADING_RE.finditer(head[:400]):
        name = clean_name(match["name"])
        if name and name == match["name"].strip():
            found.append(BodyCandidate(name, match.start("name"), match.start("name") + len(name), "heading"))
    if not found:
        return []
    scored = [BodyCandidate(c.name, c.start, c.end, c.source, _score(c, text, found, selves)) for c in found]
    return sorted(scored, key=lambda c: (-c.score, c.start))


def _mentions(head: str, selves: Counter) -> list[BodyCandidate]:
    """Names with a region that end as the report speaks of itself (我局 -> 黄龙县自然资源局)."""
    if not selves:
        return []
    level = selves.most_common(1)[0][0]
    found = []
    endings = _SELF_LEVEL.get(level, ())
    for ending in endings:
        for match in re.finditer(re.escape(ending), head):
            if _inside_longer_ending(head, match.start(), ending):
                continue  # 委 of 管委会: the name ends with the longer word
            before = head[max(0, match.start() - 16) : match.end()]
            options = []
            for cut in range(len(before) - len(ending) - 2, -1, -1):
                unit = _REGION_START_RE.match(before[cut:])
                if not unit and ending in _REGION_LEVELS and _BARE_REGION_RE.fullmatch(before[cut:]):
                    unit = _BARE_REGION_RE.fullmatch(before[cut:])  # 我县 … 兴海县人民政府: the county itself
                if unit and valid_name(before[cut:]):
                    # the name starts after a word boundary (“黄龙县…, 由澄河区…), at the region
                    # written most often on its own (黄龙县, not 龙县 or 通过黄龙县)
                    boundary = cut == 0 or not re.match(rf"[{_CJK}]", before[cut - 1]) or before[cut - 1] in _NOT_A_FIRST_CHAR
                    options.append((boundary, head.count(unit.group(0)), len(unit.group(0)), before[cut:]))
            if options:
                written = max(options)[3]
                found.append(BodyCandidate(written, match.end() - len(written), match.end(), "mentioned"))
    if level in ("镇", "乡", "街道"):
        # a town that names itself without its county, as a clause's subject (2014年，南薰乡未收取…)
        for match in _BARE_TOWN_RE.finditer(head):
            name = match["name"]
            if valid_name(name) and name[-1] in level and not _NOT_A_NAME_RE.search(name):
                found.append(BodyCandidate(name, match.start("name"), match.end("name"), "mentioned"))
    return found


# A clause that opens with its year and then its subject: 2020年，湖南省人民政府办公厅认真落实…,
# 2011年，攸县在省、市主管部门的指导下…: the subject is the body the report speaks for.
# A setting clause may stand between (2020年，在区委、区政府领导下，广州市越秀区人民政府北京街道办事处贯彻…).
SETTING_CLAUSE = r"(?:在[^，,。；;\n]{2,24}?(?:领导|指导|带领|部署|要求)下\s*[，,]\s*)?"
_YEAR_SUBJECT_RE = re.compile(
    rf"(?:^|[。；;\n])\s*(?:19|20)\d{{2}}\s*年度?\s*[，,]\s*{SETTING_CLAUSE}(?P<words>[{_CJK}]{{2,24}})"
)
# Bodies above every report's own: never the subject that names a report's body.
_NATIONAL_RE = re.compile(r"^(?:国务院|国家|中央|党中央|全国)")


def _subjects(head: str) -> list[BodyCandidate]:
    """The body a year-led clause opens with: the longest start of its words that is a body's
    name and whose places each start a word (攸县, not 攸县在省)."""
    found = []
    for match in _YEAR_SUBJECT_RE.finditer(head):
        words = match["words"]
        for end in range(len(words), 1, -1):
            name = words[:end]
            if not valid_name(name) or _NATIONAL_RE.match(name) or clean_name(name) != name:
                continue
            if any(words[i + 1] in _NOT_A_FIRST_CHAR for i in range(end - 1) if words[i] in "省市县区州盟旗镇乡"):
                continue
            found.append(BodyCandidate(name, match.start("words"), match.start("words") + end, "mentioned"))
            break
    return found


_REGION_LEVELS = frozenset({"县", "区", "市", "州", "盟", "旗", "省"})
_BARE_REGION_RE = re.compile(rf"[{_CJK}]{{2,6}}")


def _inside_longer_ending(text: str, start: int, ending: str) -> bool:
    """Whether ``ending`` written at ``start`` is part of a longer ending there (委 of 管委会)."""
    for longer in _ENDINGS:
        if len(longer) > len(ending) and ending in longer:
            offset = longer.index(ending)
            if text.startswith(longer, start - offset) and start - offset >= 0:
                return True
    return False


_BARE_TOWN_RE = re.compile(rf"(?:(?:19|20)\d{{2}}\s*年度?\s*[，,]?|[，,。；;：:\n])\s*(?P<name>[{_CJK}]{{2,4}}(?:镇|乡|街道))(?=[{_CJK}])")


def _last_name(written: str) -> str | None:
    """The name in a captured phrase; words glued before it are cut at the last lead word
    (并向社会公布乐山市…办公室 -> 乐山市…办公室, 请与兴安盟生态环境局 -> 兴安盟生态环境局)."""
    lead = _LEAD_RE.match(written)
    while lead and clean_name(written[lead.end():]):
        written = written[lead.end():]
        lead = _LEAD_RE.match(written)
    name = clean_name(written)
    if name:
        return name
    leads = list(_ANY_LEAD_RE.finditer(written))
    return clean_name(written[leads[-1].end():]) if leads else None


def title_name(written: str) -> str | None:
    """The body's name in what a title regex took for it, or None (关于做好, 年度: no body)."""
    return _last_name(written)


def _core(name: str) -> str:
    return _GOV_SUFFIX_RE.sub("", name)


def _score(candidate: BodyCandidate, text: str, found: list[BodyCandidate], selves: Counter) -> float:
    core = _core(candidate.name)
    score = _SOURCE_WEIGHT[candidate.source]
    # other places naming the same body (written longer or shorter) add to it
    score += sum(0.5 * _SOURCE_WEIGHT[o.source] for o in found if o is not candidate and (_core(o.name).endswith(core) or core.endswith(_core(o.name))))
    score += min(text.count(core), 6) * 0.3
    if selves:
        level, _ = selves.most_common(1)[0]
        endings = _SELF_LEVEL.get(level, ())
        if any(candidate.name.endswith(e) or core.endswith(e) for e in endings):
            score += 3.0
        elif level in ("局", "委", "厅", "办", "中心", "镇", "乡", "街道", "街办", "街道办", "院", "校", "公司", "馆"):
            score -= 2.0
    return score


def _self_levels(text: str) -> Counter:
    """How the report speaks of itself: 我局 ×5, 我镇 ×1 …"""
    return Counter(match.group(1) for match in _SELF_RE.finditer(text))


def best(text: str, title: tuple[str, int] | None = None) -> BodyCandidate | None:
    """The best-scored body of the page, or None when no place names one."""
    selves = _self_levels(text)
    found = candidates(text, title, selves)
    if not found:
        return None
    top = found[0]
    level = selves.most_common(1)[0][0] if selves else None
    if level in ("区", "县", "市", "省", "州", "盟", "旗") and _GOVERNMENT_OFFICE_RE.search(top.name):
        # the government's office compiled the government's report (由福州市长乐区人民政府办公室编制,
        # and the report says 我区): the body is the government
        government = _GOVERNMENT_OFFICE_RE.sub("", top.name)
        if government.endswith(level):
            return BodyCandidate(government, top.start, top.start + len(government), top.source, top.score)
    # of the names of the same body, the longest written form carries its region (邹城市唐村镇)
    same = [c for c in found if _core(c.name).endswith(_core(top.name)) and c.source not in ("contact", "mentioned") or c is top]
    return max(same, key=lambda c: (len(_core(c.name)), c.score))
