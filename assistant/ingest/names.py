"""Every name a user may type for a body: short forms, 人民政府 ~ 政府, region-led forms, the
department short forms of ``assistant/data/departments.yaml`` and English (pinyin + level or
department function)."""

from __future__ import annotations

import functools
import re

from assistant.ingest.regions import level_of as _level_of

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


# How else English writes a level: a 街道 is "Chuncheng Street" as often as "Chuncheng Subdistrict".
_OTHER_ENGLISH = {"街道": ("Street", "Sub-district", "Street Office", "Subdistrict Office")}


def short_name(body: str, level: str | None) -> str:
    autonomous = _autonomous_short(body)
    if autonomous:
        return autonomous  # 广西壮族自治区 -> 广西, 长阳土家族自治县 -> 长阳
    if level and level != "department" and body.endswith(level) and len(body) > len(level) + 1:
        return body[: -len(level)]
    return body


@functools.cache
def _autonomous_re() -> re.Pattern[str]:
    from assistant.understanding.cues import PLACE_WORDS

    groups = "|".join(re.escape(g) for g in sorted(PLACE_WORDS["ethnic_groups"], key=len, reverse=True))
    return re.compile(rf"^(?P<name>[\u4e00-\u9fff]{{2,}}?)(?:(?:{groups})族)*自治(?:区|州|县|旗)$")


def _autonomous_short(name: str) -> str | None:
    """An autonomous place's own name, without its peoples and 自治X (内蒙古自治区 -> 内蒙古)."""
    found = _autonomous_re().match(name)
    return found.group("name") if found else None


def aliases(body: str, short: str, parent: str | None, level: str | None, raw: str) -> tuple[str, ...]:
    names = [body, short, raw, *_school_names(body)]
    matched = _department_entry(body) if level != "department" else None
    # a zone's own name is two characters or more before its ending: 梁园区 is the district 梁园,
    # not an industrial park (园区) named 梁
    zone = bool(matched and matched[0].get("zone") and len(body) - len(matched[1]) >= 2)
    if zone:
        # 来凤经济开发区, 池州高新区 are read as a 区, yet named as a zone: "Chizhou High-tech Zone",
        # never "Chizhougaoxin District"
        names += _department_aliases(body, parent)
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
            names += _road_names(short)
        parent_level = _level_of(parent) if parent else None
        # "Hengshan Town, Longyou County": the English name with its region, so that English
        # region words can tell two bodies of one name apart
        parent_english = [f"{p} {LEVEL_ENGLISH[parent_level]}" for p in to_pinyin(short_name(parent, parent_level))[:1]] if parent_level in LEVEL_ENGLISH else []
        for pinyin in [] if zone else to_pinyin(short):
            names.append(pinyin)
            if level in LEVEL_ENGLISH:
                names.append(f"{pinyin} {LEVEL_ENGLISH[level]}")
                names += [f"{pinyin} {other}" for other in _OTHER_ENGLISH.get(level, ())]
                names += [f"{pinyin} {LEVEL_ENGLISH[level]}, {region}" for region in parent_english]
        for pinyin in [] if zone else to_pinyin(short if short != body else body[: -len(level)] if level and body.endswith(level) else body):
            # "the Hunan provincial government", "Huan County People's Government"
            names += _government_names(pinyin, level)
        if level in LEVEL_ENGLISH and short == body and len(body) > len(level) and not zone:
            # a one-character name keeps its level in Chinese (威县, 攸县) and drops it in English
            names += [f"{pinyin} {LEVEL_ENGLISH[level]}" for pinyin in to_pinyin(body[: -len(level)])]
    # 人民政府 is written 政府 as often as not: 高平市政府办公室, 湖南省政府办公厅
    names += [name.replace("人民政府", "政府") for name in names if name and "人民政府" in name and not name.endswith("人民政府")]
    return tuple(dict.fromkeys(name for name in names if name))


# A school named by its number (怀远二中, 怀远县第二中学): "Huaiyuan No. 2 Middle School".
_SCHOOL_RE = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,6}?)(?:县|市|区)?(?:第(?P<n1>[一二三四五六七八九十]+)中学|(?P<n2>[一二三四五六七八九十]+)中)$")
_ORDINALS = ("First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth")


def _school_names(body: str) -> list[str]:
    match = _SCHOOL_RE.match(body)
    if not match:
        return []
    from assistant.numerals import chinese_number

    written = match["n1"] or match["n2"]
    number = int(chinese_number(written))
    names = [f"{match['place']}第{written}中学", f"{match['place']}{written}中"]
    for pinyin in to_pinyin(match["place"])[:2]:
        names += [f"{pinyin} No. {number} Middle School", f"{pinyin} No.{number} Middle School", f"{pinyin} No. {number} High School"]
        if number <= len(_ORDINALS):
            names.append(f"{pinyin} {_ORDINALS[number - 1]} Middle School")
    return names


# A subdistrict named after its road (华侨路街道, 解放大街街道): "Huaqiao Road Subdistrict".
_ROAD_ENGLISH = (("大街", ("Street", "Avenue")), ("路", ("Road",)), ("街", ("Street",)))


def _road_names(short: str) -> list[str]:
    names: list[str] = []
    for ending, words in _ROAD_ENGLISH:
        if short.endswith(ending) and len(short) - len(ending) >= 1:
            for pinyin in to_pinyin(short[: -len(ending)])[:2]:
                for word in words:
                    names += [*(f"{pinyin} {word} {level}" for level in ("Subdistrict", "Sub-district", "Street Office", "Subdistrict Office")), f"{pinyin} {word}"]
            break
    return names


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


def _department_entry(body: str) -> tuple[dict, str] | None:
    """The department type a body's name ends in, and the ending as written: its full form
    (文化广电新闻出版局) or one of its short forms (济宁市文广新局, 甘南州卫生健康委); the longest wins."""
    found = [(len(ending), -i, e, ending) for i, e in enumerate(departments()) for ending in (e["zh"], *e.get("short", ())) if body.endswith(ending)]
    if not found:
        return None
    _, _, entry, ending = max(found)
    return entry, ending


# A department's function without its kind (林业 of 林业局): "永春县林业部门" names the bureau.
_KIND_ENDINGS = ("委员会", "局", "厅", "委")


# A numbered body of a kind (第二人民医院, 第三中医院): its number is no place.
_NUMBERED_RE = re.compile(r"第(?P<n>[一二三四五六七八九十]{1,3})$")


def _department_aliases(body: str, parent: str | None) -> list[str]:
    """A department's names; a numbered one (临川市第二人民医院) by its place's names with the number
    put before the kind: "Linchuan No. 2 People's Hospital", "Linchuan Second People's Hospital"."""
    matched = _department_entry(body)
    numbered = _NUMBERED_RE.search(body[: -len(matched[1])]) if matched else None
    if not matched or not numbered or numbered.start() == 0:
        return _unnumbered_department_aliases(body, parent)
    from assistant.numerals import chinese_number

    entry, ending = matched
    number = int(chinese_number(numbered["n"]))
    place = body[: numbered.start()]
    words = [f"No. {number}", f"No.{number}"] + ([_ORDINALS[number - 1]] if number <= len(_ORDINALS) else [])
    names = []
    for name in _unnumbered_department_aliases(place + ending, parent):
        english = next((e for e in entry["en"] if name.endswith(e) and name.isascii()), None)
        if english:
            names += [f"{name[: -len(english)]}{word} {english}" for word in words]
        elif name.endswith(ending) and len(name) > len(ending):
            names.append(name[: -len(ending)] + numbered.group(0) + ending)  # 临川第二人民医院
    return names


def _unnumbered_department_aliases(body: str, parent: str | None) -> list[str]:
    """汧垭区教育委员会 -> 汧垭区教委, 教委, Qianya District Education Commission, Qianya Education
    Commission, Education Commission of Qianya District …, from the department endings of
    ``assistant/data/departments.yaml``."""
    matched = _department_entry(body)
    if matched is None:
        return []
    entry, ending = matched
    names = []
    region = body[: -len(ending)]
    if not parent and len(region) >= 3 and _level_of(region):
        parent = region  # 甘南州卫生健康委: the region is written, though no parent was read
    level = _level_of(parent) if parent and region.endswith(parent) else None
    region_short = short_name(parent, level) if level else ""
    unrelated = not parent or not region.endswith(parent)  # 遂宁经济技术开发区 read beside 遂宁市: the zone is named by itself
    if not region_short and unrelated and len(region) >= 2 and (_level_of(region) is None or _city_without_level(region)):
        # a zone named by itself: 龢屾 of 龢屾经济技术开发区管理委员会; one led by its city written
        # without 市 (大连长兴岛) is named by its last word (长兴岛)
        # (重庆市大足区海棠新城: the zone is 海棠新城, the divisions written before it are no part of its name)
        zone = _ZONE_AFTER_DIVISIONS_RE.sub("", region) if entry.get("zone") else region
        bare_parent = re.sub(r"(?:市|县|区|州|省|盟|旗)$", "", parent or "")
        if entry.get("zone") and len(bare_parent) >= 2 and zone.startswith(bare_parent) and len(zone) - len(bare_parent) >= 2:
            zone = zone[len(bare_parent) :]  # 宁川空港 read beside 宁川市: the zone is 空港
        zone = zone if len(zone) >= 2 else region
        region_short = zone if len(zone) <= 4 else _last_word(zone)
    if entry.get("named_alone") and len(region) >= 4:
        names.append(region)  # 五华科技产业园 of 五华科技产业园管理委员会
    if ending != entry["zh"]:
        names += [region + entry["zh"]] + ([region_short + entry["zh"]] if region_short and region_short != region else [])
    if region_short and region_short != region:
        names.append(region_short + entry["zh"])  # 垚溆住房和城乡建设局
    near = parent if parent and region.endswith(parent) and parent != region else ""
    for short in entry.get("short", ()):
        names += [region + short] + ([short] if len(short) > 2 else [])  # 新区 alone names every new area
        if near:
            names.append(near + short)  # 翀沅市罍坨区市场监督管理局 -> 罍坨区市场监管局
        if region_short and region_short != region:
            names.append(region_short + short)  # 垚溆住建局
    function = next((entry["zh"][: -len(k)] for k in _KIND_ENDINGS if entry["zh"].endswith(k) and len(entry["zh"]) - len(k) >= 2), "")
    if function and region and not entry.get("zone"):
        names += [region + function + "部门", region + function + "主管部门"]  # 永春县林业部门, 海南省生态环境主管部门
    # 青溪新区 is the new area 青溪, not a district 青溪新: its English names are the new area's
    for pinyin in to_pinyin(region_short) if region_short and not _NEW_AREA_RE.match(region) else []:
        for english in entry["en"]:
            names += [f"{pinyin} {english}", f"{english} of {pinyin}"]
            if level and not (parent and _autonomous_short(parent)):  # "Guangxi", never "Guangxi District"
                names += [f"{pinyin} {LEVEL_ENGLISH[level]} {english}", f"{english} of {pinyin} {LEVEL_ENGLISH[level]}"]
            if level == "市":
                names.append(f"{pinyin} Municipal {english}")
            if level == "省":
                names.append(f"{pinyin} Provincial {english}")  # Shanxi Provincial Department of Transport
        if entry["zh"] in ("人民政府办公室", "人民政府办公厅"):
            # the General Office of the X County People's Government
            names += [f"General Office of the {government}" for government in _government_names(pinyin, level)]
            names += [f"{government} Office" for government in _government_names(pinyin, level)]
            names += [f"{government} General Office" for government in _government_names(pinyin, level)]  # "… People's Government General Office"
        if entry.get("zone") and unrelated:
            names += [pinyin, f"{pinyin} Zone"]  # the zone is its place: "the Changxingdao zone"
    return names + _new_area_names(region, entry)


# The divisions a zone's name may start with (重庆市大足区 of 重庆市大足区海棠新城)
# (a district's or county's own name is short: 河西新城区 of 南京市河西新城区开发建设管委会 is the zone)
_ZONE_AFTER_DIVISIONS_RE = re.compile(r"^(?:[\u4e00-\u9fff]{1,6}?(?:省|自治区|市|自治州|州|地区|盟)|[\u4e00-\u9fff]{1,3}?(?:区|县|旗))+")


def _city_without_level(region: str) -> bool:
    """池州, 杭州: a city written without 市 (a one-character name and 州), not a prefecture (甘南州)."""
    return len(region) == 2 and region.endswith("州")


# A state-level new area (新区) named with its municipality or province glued before it:
# 重庆两江新区, 上海市浦东新区. People write the area alone (两江新区管委会办公室) and say "New Area".
_NEW_AREA_RE = re.compile(r"^(?:北京|上海|天津|重庆|[\u4e00-\u9fff]{2,3}[省市])?(?P<name>[\u4e00-\u9fff]{2,3}?)新区$")


def _new_area_names(region: str, entry: dict) -> list[str]:
    """两江新区管委会办公室, "Liangjiang New Area Management Committee Office" for a department of
    重庆两江新区."""
    match = _NEW_AREA_RE.match(region)
    if not match:
        return []
    area = match["name"] + "新区"
    names = [area + entry["zh"], *(area + short for short in entry.get("short", ()))]
    for pinyin in to_pinyin(match["name"])[:2]:
        for english in entry["en"]:
            names += [f"{pinyin} New Area {english}", f"{english} of {pinyin} New Area", f"{english} of the {pinyin} New Area"]
    return names


def _last_word(region: str) -> str:
    """The last word of a longer place name (大连长兴岛 -> 长兴岛), when it is a word of two
    characters or more after one of two or more; else ''. A landform's name is its two characters
    and the landform (长兴岛 of 大连长兴岛), however a tokenizer splits the rare ones."""
    from assistant.understanding.cues import LANDFORM_NAMES

    ending = next((landform for landform, _ in LANDFORM_NAMES if region.endswith(landform)), None)
    if len(region) >= 5 and ending:
        return region[-2 - len(ending) :]
    words = [w for w in _tokenizer().tokenize(region) if w.strip()]
    if len(words) >= 2 and len(words[-1]) >= 2 and len(region) - len(words[-1]) >= 2:
        return words[-1]
    return ""


@functools.lru_cache(maxsize=1)
def _tokenizer():
    from assistant.store.keyword import KeywordTokenizer

    return KeywordTokenizer()


def departments() -> tuple[dict, ...]:
    """The department endings of ``assistant/data/departments.yaml``, checked, longest first."""
    from assistant.understanding.cues import load_departments

    return load_departments()


def to_pinyin(name: str) -> list[str]:
    """西集 -> ["Xiji"]; a polyphonic character adds its other readings (朝阳 -> Chaoyang, 濛湫 -> Mengqiu)."""
    from pypinyin import Style, lazy_pinyin, pinyin

    from assistant.understanding.cues import ENGLISH_NAMES

    syllables = lazy_pinyin(name)
    if not syllables or not all(s.isascii() and s.isalpha() for s in syllables):
        return []
    # 陕西 is "Shaanxi" in English, whatever its pinyin says
    forms = [*([ENGLISH_NAMES[name]] if name in ENGLISH_NAMES else []), "".join(syllables).capitalize()]
    # a polyphonic character anywhere (濛湫: Mengjiao, Mengqiu) adds its other readings, one at a time
    for index, char in enumerate(name[: len(syllables)]):
        for other in pinyin(char, style=Style.NORMAL, heteronym=True)[0][:3]:
            forms.append("".join(syllables[:index] + [other] + syllables[index + 1 :]).capitalize())
    if any(s[0] in "aoe" for s in syllables[1:]):  # 柳岸 is written Liu'an as well as Liuan
        forms.append("".join(("'" + s if i and s[0] in "aoe" else s) for i, s in enumerate(syllables)).capitalize())
    for short, spelled in (("廿", "二十"), ("卅", "三十")):
        if short in name:  # 廿三里 is read out as 二十三里: "Ershisanli" as well as "Niansanli"
            forms += to_pinyin(name.replace(short, spelled))[:1]
    from assistant.understanding.cues import LANDFORM_NAMES

    for landform, english in LANDFORM_NAMES:
        if name.endswith(landform) and len(name) - len(landform) >= 2:
            forms += [f"{form} {english}" for form in to_pinyin(name[: -len(landform)])[:1]]  # 长兴岛: "Changxing Island"
    return list(dict.fromkeys(forms))

