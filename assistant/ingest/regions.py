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


