"""Places we do not have: a place name left in a question once the stored bodies' names and
regions are blanked out (朝阳区, "Qingyun Town", "the Yaoxu housing bureau")."""

from __future__ import annotations

import functools
import re

from assistant.understanding.cues import PLACE_WORDS, load_departments

__all__ = ["unknown_place"]


def _alternation(words: tuple[str, ...]) -> str:
    """Literal words as one regex alternation, in their order (街道 before 镇: first wins)."""
    return "|".join(re.escape(word) for word in words)


_WORDS = PLACE_WORDS
# A Chinese place ends in its level, a department of it in a department ending: 朝阳区, 朝阳区教委.
_PLACE_RE = re.compile(
    rf"[\u4e00-\u9fff]{{2,8}}?(?:{_alternation(_WORDS['zh_levels'])})"
    rf"(?:[\u4e00-\u9fff]{{1,6}}?(?:{_alternation(_WORDS['zh_department_endings'])})(?![\u4e00-\u9fff]))?"
)
_CONNECTIVES = "".join(_WORDS["connectives"])
# 向各街镇提出: every place of a kind, not one (巨各庄镇 is a name: 庄 is no kind of place)
_EACH_KIND_RE = re.compile(rf"各(?:{_alternation(_WORDS['kinds_of_places'])})$")
# 三个县, 两个区: a count of places, not one (个旧市 is a name: no numeral before 个)
_COUNT_OF_PLACES_RE = re.compile(r"[两二三四五六七八九十几多\d]+个")
# 哪个镇 / 各镇 / 本区 name no place.
_NOT_A_PLACE_START = _WORDS["not_a_place_start"]
# An English place name with its level: "Qingyun Town", "Miyun District".
_EN_PLACE_RE = re.compile(
    rf"\b((?:[A-Z][a-z]+(?:'[a-z]+)?)(?:[ -][A-Z][a-z]+(?:'[a-z]+)?)?)[ -]({_alternation(_WORDS['en_levels'])})\b"
)
# "the Yaoxu housing bureau", "Lintong Development Zone": a capitalised name, then words that
# end in a kind of department
_EN_DEPARTMENT_RE = re.compile(
    # a lookahead, so that "How many … bureau" does not hide the name inside it
    rf"(?=\b([A-Z][a-z]+)\s+((?:[A-Za-z\-']+\s+){{0,6}}?(?i:{_alternation(_WORDS['en_department_endings'])}))\b)"
)
_EN_LEVEL_WORDS = frozenset(word.lower() for word in _WORDS["en_levels"])
_NOT_AN_EN_PLACE = frozenset(_WORDS["not_an_en_place"])


_YEAR_WRITTEN_RE = re.compile(r"(?:19|20)\d{2}\s*年度?")


def unknown_place(masked: str, stored_words: frozenset[str] = frozenset()) -> str | None:
    """A place name left after stored bodies were blanked out: a body we do not have.

    Chinese names end in their level (朝阳区); English ones are capitalised words followed by
    one ("Qingyun Town", "Miyun District"), not a question word ("Which Town").
    """
    # 2019年在区政府网站…: a year's 年 starts no place name (年在区)
    masked = _YEAR_WRITTEN_RE.sub(lambda m: " " * len(m.group(0)), masked)
    for match in _PLACE_RE.finditer(masked):
        name = match.group(0).lstrip(_CONNECTIVES)
        if len(name) > 2 and not name.startswith(_NOT_A_PLACE_START) and not _EACH_KIND_RE.search(name) and not _COUNT_OF_PLACES_RE.search(name) and _may_be_a_name(masked, match):
            return name
    for match in _EN_PLACE_RE.finditer(masked):
        words = re.split(r"[ -]", match.group(1))
        while words and words[0].lower() in _NOT_AN_EN_PLACE:
            words = words[1:]
        if words:
            return " ".join(words) + " " + match.group(2)
    vocabulary = _department_words()
    for match in _EN_DEPARTMENT_RE.finditer(masked):
        name, inner = match.group(1), match.group(2).split()[:-1]
        # "the Education Bureau" names a kind of department, not a place; the words between the
        # name and the ending must be department words ("housing", "development"), not a sentence
        if name.lower() not in _NOT_AN_EN_PLACE | vocabulary | _EN_LEVEL_WORDS | stored_words and all(w.lower() in vocabulary for w in inner):
            return f"{name} {match.group(2)}"
    return None


def _may_be_a_name(text: str, match: re.Match) -> bool:
    """Whether a level-ended run can be a place's name: no word before its level that no name
    holds (政府门户网站乡, 公开了多少条区), and its level not the first half of a kind of place
    (乡镇, 县区, 镇街)."""
    name = match.group(0)
    level = next((lv for lv in _WORDS["zh_levels"] if name.endswith(lv)), "")
    if any(word in name[: len(name) - len(level)] for word in _WORDS["not_in_a_place_name"]):
        return False
    after = text[match.end() : match.end() + 2]
    # 乡镇, 县区 and 乡村 (组织乡村干部) are kinds of places, not a name ending in its level
    return not (level and not name.endswith(tuple(_WORDS["zh_department_endings"])) and after.startswith((*_WORDS["zh_levels"], "村")))


@functools.cache
def _department_words() -> frozenset[str]:
    """Every word of the English department names in ``assistant/data/departments.yaml``."""
    return frozenset(word.lower() for entry in load_departments() for name in entry["en"] for word in re.split(r"[\s\-]+", name))
