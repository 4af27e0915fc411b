"""Places: the stored bodies with every name a user may type for them, and places we do not have.

The directory is built from the stored reports, so names come from what was ingested, never from
a fixed list. ``BodyDirectory.candidates`` lists every name found in a text with a score;
``BodyDirectory.choose`` keeps the best non-overlapping ones, and ``find`` is the two together.
Today the score is the length of the name typed, so the longest name wins (西集 inside
通州区西集镇 is one mention of the longer name); a better scorer only has to change ``_score``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import ahocorasick

from assistant.understanding.cues import PLACE_WORDS, load_departments
from assistant.understanding.listed_places import distributed
from assistant.understanding.name_folding import alnum_at, fold
from assistant.understanding.unknown_places import unknown_place

__all__ = ["BodyCandidate", "BodyDirectory", "BodyEntry", "mask", "mask_regions", "unknown_place"]


def _alternation(words: tuple[str, ...]) -> str:
    """Literal words as one regex alternation, in their order (街道 before 镇: first wins)."""
    return "|".join(re.escape(word) for word in words)


_WORDS = PLACE_WORDS
@dataclass(frozen=True)
class BodyEntry:
    body: str
    short_name: str | None
    parent: str | None
    level: str | None
    aliases: tuple[str, ...]
    years: tuple[int, ...]


@dataclass(frozen=True)
class BodyCandidate:
    """One name of a stored body found in a text: which body, how good a reading, where."""

    body: str
    alias: str  # the stored name that matched (西集, Xiji Town, 通州区西集镇)
    score: float  # higher is better; candidates of equal score keep the directory's order
    span: tuple[int, int]  # (start, end) in the text


class BodyDirectory:
    """Every stored body with the names a user may type for it."""

    def __init__(self, bodies: Iterable[BodyEntry]):
        self.bodies: tuple[BodyEntry, ...] = tuple(bodies)
        # every name, once, in an Aho-Corasick automaton over its folded form: a question is read
        # in one pass however many bodies are stored (no scan of every name per question)
        self._index = ahocorasick.Automaton()
        owners: dict[str, list[str]] = {}
        for entry in self.bodies:
            for name in (entry.body, entry.short_name or "", *entry.aliases):
                name = name.strip()
                if len(name) < 2:
                    continue
                if name.lower() in owners:
                    if entry.body not in owners[name.lower()]:
                        owners[name.lower()].append(entry.body)
                    continue  # the name reads as the first body's; ``shared`` lists the others
                owners[name.lower()] = [entry.body]
                # (order added: equal scores keep the directory's order, name, body)
                key = fold(name)[0]
                self._index.add_word(key, (len(owners), name, entry.body, len(key)))
        self._indexed = bool(owners)
        self._owners = owners
        if self._indexed:
            self._index.make_automaton()
        # a name several stored bodies answer to (水利局 of two counties): one name, two readings
        self.shared: dict[str, tuple[str, ...]] = {name: tuple(bodies) for name, bodies in owners.items() if len(bodies) > 1}
        self._by_body = {entry.body: entry for entry in self.bodies}
        self._kind_words = _kind_words()
        # The first words of stored bodies' English names (Zhangcheng of "Zhangcheng Population and
        # Family Planning Commission"): "the Zhangcheng commission" is one of ours, written short.
        # the English words of each body's names: a level word after its name that none of them
        # holds ("League" after "Xing'an" for 兴安区) names another place
        self._english_words = {
            entry.body: frozenset(w.lower() for alias in entry.aliases if alias.isascii() for w in re.findall(r"[A-Za-z]+", alias))
            for entry in self.bodies
        }
        self.english_name_words = frozenset(
            alias.split()[0].lower() for entry in self.bodies for alias in entry.aliases if alias.isascii() and " " in alias
        )

    @classmethod
    def from_reports(cls, reports: Iterable[Mapping]) -> "BodyDirectory":
        """One entry per body from report rows (one row per report, as FactStore.list_reports)."""
        merged: dict[str, dict] = {}
        for report in reports:
            body = report.get("body")
            if not body:
                continue
            entry = merged.setdefault(body, {"short_name": None, "parent": None, "level": None, "aliases": [], "years": set()})
            for key in ("short_name", "parent", "level"):
                if entry[key] is None and report.get(key):
                    entry[key] = report[key]
            aliases = report.get("aliases") or ()
            entry["aliases"] += [aliases] if isinstance(aliases, str) else list(aliases)
            if report.get("year") is not None:
                entry["years"].add(int(report["year"]))
        return cls(
            BodyEntry(
                body=body,
                short_name=e["short_name"],
                parent=e["parent"],
                level=e["level"],
                aliases=tuple(dict.fromkeys(a for a in e["aliases"] if a)),
                years=tuple(sorted(e["years"])),
            )
            for body, e in merged.items()
        )

    def candidates(self, text: str) -> list[BodyCandidate]:
        """Every stored name found in ``text``, best first (overlapping ones included).

        Chinese names match as substrings; Latin names case-insensitively on word boundaries
        ("Xiji", "xiji town"). Equal scores keep the directory's order, then text order.
        """
        if not self._indexed:
            return []
        folded, spans = fold(text)
        found = []
        for last, (order, name, body, length) in self._index.iter(folded):
            first = last - length + 1
            start, end = spans[first][0], spans[last][1]
            if name.isascii() and (alnum_at(text, start - 1) or alnum_at(text, end)):
                continue  # Latin names stand on word boundaries: Xiji, not Xijiang
            if name.isascii() and self._other_level_after(body, text, end):
                continue  # "Xing'an League" is not Xing'an District: the level written names another place
            if name in self._kind_words and _PLACE_BEFORE_RE.search(text[max(0, start - 12) : start]):
                continue  # 杨柳镇政府办公室, 济宁市文化广电新闻出版局: the office of the place written, not a body of that kind elsewhere
            found.append((-_score(name), order, start, BodyCandidate(body, name, _score(name), (start, end))))
        for readings in distributed(text):
            # 大竹县、黄龙县和麟游县三个县的自然资源局: each place's bureau
            owned = [(name, span, self._owners.get(name.lower(), [])) for name, span in readings]
            name, (start, end), owners = next((item for item in owned if item[2]), (None, (0, 0), []))
            if name and len(owners) == 1:
                found.append((-_score(name), 0, start, BodyCandidate(owners[0], name, _score(name), (start, end))))
        found.sort(key=lambda item: item[:3])
        return [candidate for *_, candidate in found]

    def _other_level_after(self, body: str, text: str, end: int) -> bool:
        after = _EN_LEVEL_AFTER_RE.match(text, end)
        if not after:
            return False
        words = {_SAME_LEVEL.get(w, w) for w in self._english_words.get(body, frozenset())}
        return _SAME_LEVEL.get(after.group(1).lower(), after.group(1).lower()) not in words

    @staticmethod
    def choose(candidates: Sequence[BodyCandidate]) -> list[tuple[str, int, int]]:
        """(body, start, end) of the candidates kept, in text order: each in turn, best first,
        unless it overlaps one kept before it."""
        taken: list[bool] = []
        found: list[tuple[str, int, int]] = []
        for candidate in candidates:
            start, end = candidate.span
            if end > len(taken):
                taken += [False] * (end - len(taken))
            if any(taken[start:end]):
                continue
            taken[start:end] = [True] * (end - start)
            found.append((candidate.body, start, end))
        found.sort(key=lambda item: item[1])
        return found

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """(body, start, end) of each mention, in text order; longest name first, never overlapping.

        Chinese names match as substrings (西集 inside 通州区西集镇 is one mention of the longer
        name); Latin names case-insensitively on word boundaries ("Xiji", "xiji town").
        """
        return self.choose(self.candidates(text))

    def readings(self, text: str, mentions: Sequence[tuple[str, int, int]]) -> tuple[str, ...] | None:
        """The bodies a question may mean when every body it names is named by a name several
        stored bodies share ("自然资源局" with two counties' bureaus stored); a region written
        before the name keeps those of that region (聊城市的水利局), and () when it keeps none
        (长春市水利局: a body we do not have). None when some name is one body's own."""
        if not mentions:
            return None
        found: list[str] = []
        for _, start, end in mentions:
            owners = self.shared.get(text[start:end].lower().strip())
            if not owners:
                return None  # a name of one body: that body is meant
            owners = self._owners_in_region(text, start, end, owners)
            if not owners:
                return ()
            found += owners
        return tuple(dict.fromkeys(found))

    def narrowed(self, text: str, mentions: Sequence[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
        """Mentions beside one body's own name, each shared name read by the regions the question
        writes: before it (邹城市太平镇), else anywhere in it (邹城市唐村镇2020年和太平镇2024年:
        the 太平镇 of 邹城市). A shared name no region narrows to one body stays as it was."""
        written = [m.group(0) for m in _ZH_CHAIN_RE.finditer(text)]
        kept: list[tuple[str, int, int]] = []
        for body, start, end in mentions:
            owners = self.shared.get(text[start:end].lower().strip())
            if owners:
                near = self._owners_in_region(text, start, end, owners)
                if len(near) != 1 and written:
                    near = tuple(b for b in owners if any(self._in_region(b, w) for w in written))
                if len(near) == 1:
                    body = near[0]
            kept.append((body, start, end))
        return kept

    def _owners_in_region(self, text: str, start: int, end: int, owners: tuple[str, ...]) -> tuple[str, ...]:
        """The owners of a shared name that the region written right before (or, in English,
        beside) it keeps; () when a Chinese region keeps none (a body we do not have)."""
        before = text[max(0, start - 24) : start]
        region = _ZH_CHAIN_BEFORE_RE.search(before)
        near = tuple(b for b in owners if self._named_before(b, before))
        if near:
            return near  # 济宁文广新局: the region written short, right before the name
        if region:
            # 长春市水利局 with 桐乡市 and 聊城市 水利局 stored: the region picks one, or none
            written = region.group(0).rstrip(" 的")
            return tuple(b for b in owners if self._in_region(b, written))
        # "Hengshan Town, Longyou County", "Hengshan Town (Anju District)": the English
        # region words keep the bodies whose English names hold them
        return self._named_in_english(text, start, end, owners) or owners

    def _named_in_english(self, text: str, start: int, end: int, owners: tuple[str, ...]) -> tuple[str, ...]:
        words = {
            word for c0, c1 in _region_context(text, start, end) + _en_comma_context(text, end)
            for word in re.findall(r"[a-z']{3,}", text[c0:c1].lower()) if word not in _EN_REGION_LEVEL_WORDS
        }
        return tuple(
            b for b in owners
            if words and any(w in alias.lower() for w in words for alias in self._by_body[b].aliases if alias.isascii())
        )

    def _named_before(self, body: str, before: str) -> bool:
        entry = self._by_body.get(body)
        parent = entry.parent if entry else None
        return bool(parent) and any(len(form) >= 2 and before.rstrip(" 的").endswith(form) for form in (parent, parent[:-1]))

    def _in_region(self, body: str, written: str) -> bool:
        """Whether a body's stored names or region hold the region words a question wrote."""
        entry = self._by_body.get(body)
        if entry is None:
            return False
        units = re.findall(rf"{_ZH_UNIT}", written)
        names = (entry.body, entry.parent or "", *entry.aliases)
        return any(unit in name or unit.rstrip("市县区") in name for unit in units for name in names if name)

    def in_region(self, place: str) -> tuple[str, ...]:
        """The stored bodies that lie in a place a question writes (上城区, "Shangcheng District"):
        its parent, or a name of theirs that holds the place (杭州市上城区人民政府办公室,
        "Shangcheng District Government Office")."""
        lowered = place.lower().strip()
        found = []
        for entry in self.bodies:
            names = (entry.body, entry.parent or "", *entry.aliases)
            if place.isascii():
                held = any(alias.lower().startswith(lowered + " ") for alias in names if alias.isascii())
            else:
                held = entry.parent == place or any(place in name and name != place for name in names if name)
            if held:
                found.append(entry.body)
        return tuple(found)

    def years_of(self, body: str) -> tuple[int, ...]:
        entry = self._by_body.get(body)
        return entry.years if entry else ()

    def entry(self, body: str) -> BodyEntry | None:
        return self._by_body.get(body)


def _score(name: str) -> float:
    """How good a reading a stored name gives where it occurs: its length (a longer name says more)."""
    return float(len(name))


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """Blank out body names so their letters never read as metric words or years."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = [" "] * (end - start)
    return "".join(chars)


def mask_regions(masked: str, bodies: Sequence[str], directory: BodyDirectory, mentions: Sequence[tuple[str, int, int]] = ()) -> str:
    """Blank the regions the named bodies lie in: "市人口计生委（鄣郕市）" names no second place.

    A region written against a body's name is context that narrows the body, never a second
    place: 会昌县中村乡, 中村乡（会昌县）, "Zhongcun Township (Huichang County)", "Shuitou Town in
    Pingyang County", "Huichang County's Zhongcun Township". It is kept (and so reads as a place we
    do not have) only when it contradicts the region stored for that body.
    """
    for body in bodies:
        entry = directory.entry(body)
        region = entry.parent if entry else None
        if region:
            masked = masked.replace(region, " " * len(region))
            # … and its English name wherever written ("the Chaotian District government website")
            for english in {alias.split(", ", 1)[1] for alias in entry.aliases if alias.isascii() and ", " in alias}:
                masked = re.sub(rf"\b{re.escape(english)}\b", lambda m: " " * len(m.group(0)), masked, flags=re.IGNORECASE)
    for body, start, end in mentions:
        entry = directory.entry(body)
        for context in _region_context(masked, start, end):
            if _consistent(masked[context[0] : context[1]], entry):
                masked = masked[: context[0]] + " " * (context[1] - context[0]) + masked[context[1] :]
    return masked


_ZH_UNIT = rf"[\u4e00-\u9fff]{{1,8}}?(?:{_alternation(_WORDS['zh_region_levels'])})"
_ZH_CHAIN_BEFORE_RE = re.compile(rf"(?:{_ZH_UNIT})+\s*的?\s*$")
_ZH_CHAIN_RE = re.compile(rf"(?:{_ZH_UNIT})+")
_ZH_BRACKET_AFTER_RE = re.compile(rf"^\s*[（(]\s*(?:{_ZH_UNIT})+\s*[）)]")
_EN_REGION = rf"(?:[A-Z][a-z']+[ -]?)+\s+(?:{_alternation(_WORDS['en_region_levels'])})"
_EN_BRACKET_AFTER_RE = re.compile(r"^\s*\(([^()]{2,60})\)")
_EN_IN_AFTER_RE = re.compile(rf"^,?\s+(?:in|of)\s+(?:the\s+)?({_EN_REGION}(?:,\s*[A-Z][a-z]+)?)")
_EN_BEFORE_RE = re.compile(rf"({_EN_REGION})(?:'s|’s)\s+$")


_EN_REGION_LEVEL_WORDS = frozenset(w.lower() for w in (*_WORDS["en_region_levels"], *_WORDS["en_levels"])) | {"the", "and"}
_EN_COMMA_AFTER_RE = re.compile(rf"^,\s*({_EN_REGION})")


def _en_comma_context(text: str, end: int) -> list[tuple[int, int]]:
    """"Hengshan Town, Longyou County": the region after a comma."""
    match = _EN_COMMA_AFTER_RE.match(text[end : end + 60])
    return [(end + match.start(1), end + match.end(1))] if match else []


def _region_context(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the region words written against the mention at [start, end)."""
    spans = []
    before = masked[max(0, start - 30) : start]
    for pattern in (_ZH_CHAIN_BEFORE_RE, _EN_BEFORE_RE):
        match = pattern.search(before)
        if match:
            spans.append((start - len(before) + match.start(), start))
    after = masked[end : end + 80]
    for pattern in (_ZH_BRACKET_AFTER_RE, _EN_BRACKET_AFTER_RE, _EN_IN_AFTER_RE):
        match = pattern.match(after)
        if match:
            spans.append((end + match.start(), end + match.end()))
    return spans


def _consistent(context: str, entry: BodyEntry | None) -> bool:
    """Whether the region words may describe this body: nothing stored says otherwise.

    A stored region of the same level that is not among the words contradicts them
    (龙游县横山镇 for a 横山镇 stored under 安居区)."""
    if entry is None or not entry.parent:
        return True
    parent = entry.parent
    if parent in context or any(alias.endswith(entry.body) and context.strip(" 的（）()") in alias for alias in entry.aliases):
        return True
    if context.isascii():
        words = context.lower()
        names = {alias.lower() for alias in entry.aliases if alias.isascii()}
        return any(word and any(word in name for name in names) for word in re.findall(r"[a-z']{3,}", words)) or not _names_a_level_of(parent, words)
    if parent[-1] not in "区县旗":
        return True  # a city may be the county's city or a county-level city: nothing to contradict
    # another county-level unit (区, 县, 旗) than the stored one names another body
    return not re.search(r"[\u4e00-\u9fff]+?[区县旗](?![\u4e00-\u9fff]*[区县旗])", context.strip(" 的（）()"))


def _names_a_level_of(parent: str, words: str) -> bool:
    """Whether English region words name a unit of the stored parent's level (county for 县)."""
    level = {"县": "county", "区": "district", "市": "city", "旗": "banner", "盟": "league", "州": "prefecture", "省": "province"}.get(parent[-1])
    return bool(level and level in words)


# A place's name right before a word: two characters or more, then its level (杨柳镇, 济宁市).
# English writes one level two ways: a 镇 is a "town" or a "township", a 街道 a "subdistrict" or a "street"
_SAME_LEVEL = {"township": "town", "street": "subdistrict"}
_EN_LEVEL_AFTER_RE = re.compile(rf"\s+({'|'.join(map(re.escape, PLACE_WORDS['en_levels']))})\b", re.I)
_PLACE_BEFORE_RE = re.compile(r"[\u4e00-\u9fff]{2,}[镇乡区县市州旗盟省]$")


@functools.cache
def _kind_words() -> frozenset[str]:
    """The names of a kind of department (教育局, 政府办公室, 文广新局): a body's name only when
    no place is written before them."""
    words = {form for entry in load_departments() for form in (entry["zh"], *entry.get("short", ()))}
    return frozenset(words | {w.replace("人民政府", "政府") for w in words})

