"""English asks that list what they count, one ask per item: "publish via the X platform and via
the county website", "how many were government-affairs, financial and Party-affairs items",
"… were 'work situation' items and 'other information to be disclosed' items"."""

from __future__ import annotations

import re

# English asks that list what they count: "publish via the X platform and via the county website",
# "how many were government-affairs, financial and Party-affairs items".
_EN_PREPOSITIONS = ("via", "on", "through", "in", "by", "from", "at")
_EN_PARALLEL_RE = re.compile(rf",?\s+and\s+(?=(?:{'|'.join(_EN_PREPOSITIONS)})\s)", re.IGNORECASE)
_EN_MODIFIER_LIST_RE = re.compile(
    r"(?P<list>[A-Za-z][\w'-]*(?:,\s+[A-Za-z][\w'-]*)*,?\s+and\s+[A-Za-z][\w'-]*)\s+(?P<head>items|requests|applications|cases|documents|posts|pieces)\b"
)

# "… were 'work situation' items and 'other information to be disclosed' items": each named thing
# with the same counted noun after it (a quoted name may be long, a bare one is a few words)
_EN_NOT_NAMING = r"(?!(?i:how|many|much|were|was|are|is|did|do|does|of|them|the|and|or)\b)"
_EN_NAMED = rf"(?:'[^']+'|\"[^\"]+\"|“[^”]+”|{_EN_NOT_NAMING}[A-Za-z][\w-]*(?:\s{_EN_NOT_NAMING}[A-Za-z][\w-]*){{0,2}})"
_EN_REPEATED_HEAD_RE = re.compile(
    rf"(?<![\w'])(?P<first>{_EN_NAMED})\s+(?P<head>items|requests|applications|cases|documents|posts|pieces|articles)"
    rf"(?P<join>,?\s+and\s+|,\s+)(?P<second>{_EN_NAMED})\s+(?P=head)\b"
)

# "… were newly issued, repealed, and currently valid?": states of one count, listed after its verb
_EN_PREDICATE_LIST_RE = re.compile(
    r"\b(?:were|was|are|is)\s+(?P<list>[a-z][a-z -]*?(?:,\s+[a-z][a-z -]*?)+,?\s+and\s+[a-z][a-z -]*?)\s*(?=[?.]|$)"
)


def english_lists(ask: str) -> list[str]:
    """One ask per item of a list an English ask counts (parallel phrases led by the same kind
    of preposition, or modifiers of one noun); the ask itself when it lists nothing."""
    if not re.match(r"^[\x00-\x7f]*$", ask) or not re.search(r"how (?:many|much)", ask, re.IGNORECASE):
        return [ask]
    parallel = _EN_PARALLEL_RE.search(ask)
    if parallel:
        before = ask[: parallel.start()]
        leads = [m for m in re.finditer(rf"\b(?:{'|'.join(_EN_PREPOSITIONS)})\s", before, re.IGNORECASE)]
        if leads and leads[-1].start() > before.lower().find("how"):
            return [before, before[: leads[-1].start()] + ask[parallel.end() :]]
    repeated = _EN_REPEATED_HEAD_RE.search(ask)
    if repeated:
        # "how many of them were 'work situation' items and 'other …' items": one ask per name
        before, after = ask[: repeated.start()], ask[repeated.end() :]
        return [before + repeated[name] + " " + repeated["head"] + after for name in ("first", "second")]
    predicates = _EN_PREDICATE_LIST_RE.search(ask)
    if predicates:
        # "how many documents were newly issued, repealed, and currently valid": one ask per state
        items = [i for i in re.split(r",\s+(?:and\s+)?|,?\s+and\s+", predicates["list"]) if i]
        if len(items) >= 3:
            return [ask[: predicates.start("list")] + item + ask[predicates.end("list") :] for item in items]
    listed = _EN_MODIFIER_LIST_RE.search(ask)
    if listed:
        items = [i for i in re.split(r",\s+(?:and\s+)?|,?\s+and\s+", listed["list"]) if i]
        if len(items) >= 2:
            return [ask[: listed.start("list")] + item + ask[listed.end("list") :] for item in items]
    return [ask]
