"""Clauses: the pieces of a question that each ask one thing, and what each says by itself.

Today a question is a single clause, the whole of it; a compound question ("西集镇2018年收到多少
申请，其中当面申请多少？") will split here, and every clause is read the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.catalogue import Catalogue
from assistant.understanding import intent, metrics, places, years
from assistant.understanding.cues import INTENT_RULES
from assistant.understanding.places import BodyCandidate, BodyDirectory

__all__ = ["Reading", "asks", "clauses", "first_ask", "read"]


@dataclass(frozen=True)
class Reading:
    """What a clause says by itself, before any follow-up or intent rule."""

    text: str
    lowered: str
    cue_text: str  # lowered, with the words of metrics that have no parts blanked
    bodies: tuple[str, ...]
    years: tuple[int, ...]
    all_years: bool
    metrics: tuple[str, ...]
    rules: tuple[int, ...]  # indexes of INTENT_RULES whose cues occur
    unknown_place: str | None
    unknown_beside: str | None
    paired_years: tuple[tuple[str, int], ...] = ()
    candidates: tuple[BodyCandidate, ...] = ()  # every stored name found, best first
    readings: tuple[str, ...] = ()  # the bodies a name several bodies share may mean

    def cued(self, *intents: str) -> bool:
        return any(INTENT_RULES[i][0] in intents for i in self.rules)


def clauses(text: str) -> tuple[str, ...]:
    """The clauses of a question, in order: for now exactly one, the whole question."""
    return (text,)


def read(text: str, catalogue: Catalogue, directory: BodyDirectory) -> Reading:
    """Bodies, years, metrics and cued intent rules of one clause, nothing borrowed."""
    candidates = directory.candidates(text)
    mentions = directory.choose(candidates)
    readings = directory.readings(text, mentions)
    if readings is not None and len(readings) == 1:
        mentions = [(readings[0], start, end) for _, start, end in mentions]  # the region picked one
        readings = None
    bodies = () if readings is not None else tuple(dict.fromkeys(body for body, _, _ in mentions))
    masked = places.mask(text, [(start, end) for _, start, end in mentions])  # names are no metric words
    lowered = masked.lower()
    cue_text = places.mask(lowered, catalogue.leaf_term_spans(lowered))  # a row's own words are no cues
    return Reading(
        text=text,
        lowered=lowered,
        cue_text=cue_text,
        bodies=bodies,
        years=years.years(masked),
        all_years=years.asks_all_years(lowered),
        metrics=_first_asked_first(masked, catalogue),
        rules=intent.cued_rules(lowered, cue_text),
        unknown_place=(
            None if bodies or readings
            # a shared name whose region is none of ours (长春市水利局): that region's body is not stored
            else places.unknown_place(text if readings == () else masked, directory.english_name_words)
        ),
        unknown_beside=(
            places.unknown_place(places.mask_regions(masked, bodies, directory, mentions), directory.english_name_words)
            if bodies
            else None
        ),
        paired_years=years.paired_years(masked, mentions),
        readings=readings or (),
        candidates=tuple(candidates),
    )


# Where a question asking several figures turns to the next one: "…多少件？其中网络申请几件？",
# "…多少件，其中…", "how many requests, and how many were disclosed in full?"
_NEXT_ASK_RE = re.compile(r"[？?；;]|其中|，\s*(?=(?:and\s+)?how (?:many|much))|,\s*(?=(?:and\s+)?how (?:many|much))|,?\s+and how (?:many|much)")
_ASKS_RE = re.compile(r"多少|几[件个条次人名项期篇]|how (?:many|much)", re.IGNORECASE)


def first_ask(lowered: str) -> str:
    """The part of a question that asks its first figure (all of it when it asks one)."""
    pieces = [piece for piece in _NEXT_ASK_RE.split(lowered) if piece and piece.strip()]
    asking = [piece for piece in pieces if _ASKS_RE.search(piece)]
    if len(asking) < 2:
        return lowered
    return pieces[0] if _ASKS_RE.search(pieces[0]) else asking[0]


def _first_asked_first(masked: str, catalogue: Catalogue) -> tuple[str, ...]:
    """The metrics of a clause, the first figure asked first.

    Within one ask the most specific metric leads (申请中当面申请多少: 当面); when a question asks
    several figures in turn, the first ask's metric leads, so the primary value is the figure
    asked first (收到多少件？其中网络申请几件？ -> 收到 first)."""
    text = years.name_carry_over_rows(masked)
    found = metrics.metrics(text, catalogue)
    first = metrics.metrics(first_ask(text), catalogue)
    return tuple(dict.fromkeys([*first, *found])) if first else found


_NEXT_ASK_ANY_CASE_RE = re.compile(_NEXT_ASK_RE.pattern, re.IGNORECASE)
# "网络申请和信函申请各多少件", "通过门户网站和公开目录分别公开了多少条": the things listed before 各 or
# 分别 are asked one by one
_EACH_RE = re.compile(r"(?P<items>[^，,；;：:？?。]+?)(?P<each>各(?:有|是)?|分别(?:是|为|有)?)(?P<ask>[^，,；;？?。]*?(?:多少|几)[^，,；;？?。]*)")
_ITEM_SPLIT_RE = re.compile(r"(?:和|、|及|以及|与)")


def asks(text: str) -> tuple[str, ...]:
    """Each figure a question asks, as its own question text, in the order asked.

    "…收到多少件？其中网络申请几件？" gives two; "其中网络申请和信函申请各多少件" gives one per item
    ("其中网络申请多少件", "信函申请多少件"); "how many requests, and how many were disclosed in
    full?" gives two. A question asking one figure gives itself.
    """
    pieces = [piece.strip(" ，,。") for piece in _NEXT_ASK_ANY_CASE_RE.split(text) if piece and piece.strip(" ，,。")]
    found: list[str] = []
    for piece in pieces:
        if not _ASKS_RE.search(piece.lower()):
            continue  # words that ask nothing (before 其中: 收到申请12件，其中…) are no ask
        each = _EACH_RE.search(piece)
        items = _ITEM_SPLIT_RE.split(each["items"]) if each else []
        if each and len(items) >= 2 and all(len(i.strip()) >= 2 for i in items):
            head = piece[: each.start("items")]
            found += [head + item.strip() + each["ask"] for item in items]
        else:
            found.append(piece)
    return tuple(found) if len(found) > 1 else (text,)
