"""Where a body sits: the region chain written before its name and the county whose portal a
town's report is published on.

Region words are context that narrows a body (通州区西集镇, 安徽省六安市霍山县与儿街镇); they are read
from the text, never from a list of places.
"""

from __future__ import annotations

import re

CJK = r"\u4e00-\u9fff"
_CJK = CJK
# Government suffixes that are not part of the body's name.
GOV_SUFFIX_RE = re.compile(r"(?:人民政府|政府|办事处|人民)$")
# Administrative units, outermost first; the last one found is the body's level.
# a unit's ending is not followed by another ending: 金乡县 (not 金乡|县), 梅县区 (not 梅县|区)
LEVEL_RE = re.compile(rf"[{_CJK}]+?(?:自治区|自治州|省|市|地区|盟|自治县|区|县|旗|街道|镇|乡)(?![县区市旗])")
_LEVELS = ("街道", "镇", "乡", "区", "县", "市", "旗", "盟", "州", "省")
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
    name = GOV_SUFFIX_RE.sub("", body_raw.strip("（）() "))
    inner = [parent] if parent else []
    anchor = parent or name
    best: list[str] = []
    for match in re.finditer(re.escape(anchor), text):
        before = text[max(0, match.start() - 24) : match.start()]
        for cut in range(len(before) - 2, -1, -1):
            chain = _CHAIN_RE.fullmatch(before[cut:])
            units = LEVEL_RE.findall(chain.group(0)) if chain else []
            if not units or not all(2 <= len(u) <= 10 for u in units):
                continue
            # the chain starts at a word edge (地址：安徽省…, 由澄河区…) or at a unit the text
            # writes again, so glued words (申请公开…) are never taken for a region
            edge = cut == 0 or not re.match(rf"[{_CJK}]", before[cut - 1]) or before[cut - 1] in _EDGE_CHARS
            if (edge or text.count(units[0]) >= 2) and len(units) > len(best):
                best = units
    return tuple(dict.fromkeys(best + inner))


def region_aliases(region: tuple[str, ...], body: str, short: str, level: str | None, aliases: tuple[str, ...]) -> list[str]:
    """Every outer part of the chain before the body: 霍山县与儿街镇, 六安市霍山县与儿街镇 …"""
    names = []
    for start in range(len(region)):
        prefix = "".join(region[start:])
        for base in ([body] if level == "department" else [body, short]):
            if region[-1] in base and not base.startswith(region[-1]):
                continue  # 杭州市上城区人民政府办公室 already holds its region
            if base.startswith(region[-1]):  # a department written with its region: 大竹县自然资源局
                if start == len(region) - 1:
                    continue
                base = base[len(region[-1]) :]
            names.append(prefix + base)
    return [n for n in dict.fromkeys(names) if n not in aliases]


def level_of(name: str) -> str | None:
    for level in _LEVELS:
        if name.endswith(level):
            return level
    return None


def parent_from_text(text: str, body: str) -> str | None:
    """The district or county written right before the body (通州区西集镇)."""
    pattern = re.compile(rf"([{_CJK}]{{1,8}}(?:区|县|市))\s*{re.escape(body)}")
    return _likeliest(text, [(m.group(1), m.end(1)) for m in pattern.finditer(text)])


# 本报告在安居区人民政府门户网站发布, 通过漳平市政府网站, 海丰县人民政府门户网站 > 政务公开, 利辛县政务公开网,
# a site header 西咸新区门户网站:
# a town's report is published on its county's portal
_PORTAL_RE = re.compile(rf"([{_CJK}]{{1,8}}(?:区|县|市|旗))(?:(?:人民)?政府(?:门户)?网站?|门户网站?|(?:人民)?政府\s*[（(]\s*https?:|政务(?:公开|服务)?网)")


# the government one level up, written with its name: 锡山区政府开放月, 《天水市人民政府办公室关于…》,
# 安徽省政务公开办公室 (a town's county, a county's city, a city's province)
_GOVERNMENT_OF = {
    "镇": r"(?:区|县|旗)", "乡": r"(?:区|县|旗)", "街道": r"(?:区|县|旗|市)",
    "县": r"(?:市|州|盟)", "区": r"(?:市)", "旗": r"(?:市|盟)", "市": r"(?:省|自治区)",
}


def parent_from_government(text: str, level: str | None) -> str | None:
    """The unit one level up whose government (or its office) the text names: the parent of a
    body whose title and name give no region."""
    units = _GOVERNMENT_OF.get(level or "")
    if units is None:
        return None
    pattern = re.compile(rf"([{_CJK}]{{1,8}}{units})(?:人民)?(?:政府|政务公开办公室|委员会|委)")
    found = _likeliest(text, [(m.group(1), m.end(1)) for m in pattern.finditer(text)])
    return found if found and not set(found[:-1]) & _NOT_IN_A_NAME else None


def parent_from_portal(text: str) -> str | None:
    """The county or district whose government portal a town's, township's or street office's
    report says it is published on (漳平市 of 通过漳平市政府网站发布): the town's parent."""
    found = _likeliest(text, [(m.group(1), m.end(1)) for m in _PORTAL_RE.finditer(text)])
    # 并在县政府网站公开: a portal named by its level alone names no county
    return found if found and not set(found[:-1]) & _NOT_IN_A_NAME else None


_NOT_IN_A_NAME = _EDGE_CHARS | frozenset("并还也将已均全本我该")


_LEAD_WORD_RE = re.compile(r"按照|根据|依据|依照|参照|通过|经过|关于|对于|结合|落实|依托|借助|利用|登录|登陆|访问|进入")


def _likeliest(text: str, written: list[tuple[str, int]]) -> str | None:
    """The unit meant by words that end in a unit (申请公开通州区, 通过漳平市): the characters
    before 区 are ambiguous, so every suffix is a candidate, and the one written most often in
    the whole text wins; then one at a word edge (：梅河口市, 由通州区); then the shortest."""
    candidates: dict[str, bool] = {}
    for words, end in written:
        for n in range(3, min(len(words), 6) + 1):
            start = end - n
            edge = start == 0 or not re.match(rf"[{_CJK}]", text[start - 1]) or text[start - 1] in _EDGE_CHARS
            if _LEAD_WORD_RE.match(words[-n:]):
                continue  # 按照安徽省…: a word that leads into a name is no part of it
            candidates[words[-n:]] = candidates.get(words[-n:], False) or edge
    if not candidates:
        return None
    return max(candidates, key=lambda c: (text.count(c), candidates[c], -len(c)))
