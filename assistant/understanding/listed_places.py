"""Places listed before one kind of body each of them has: 大竹县、黄龙县和麟游县三个县的自然资源局
names 大竹县自然资源局, 黄龙县自然资源局 and 麟游县自然资源局 (read by ``places.BodyDirectory``)."""

from __future__ import annotations

import re

__all__ = ["distributed"]

# Places listed before one kind of body they each have: 大竹县、黄龙县和麟游县三个县的自然资源局 names
# 大竹县自然资源局, 黄龙县自然资源局 and 麟游县自然资源局.
_LISTED_PLACE = r"[\u4e00-\u9fff]{1,6}?(?:街道|县|区|市|镇|乡|旗)"
_DISTRIBUTED_RE = re.compile(
    rf"(?P<places>{_LISTED_PLACE}(?:[、和及与]{_LISTED_PLACE})+)"
    r"(?:[两二三四五六七八九十\d]+个(?:街道|县|区|市|镇|乡|旗))?的?"
    r"(?P<kind>[\u4e00-\u9fff]{2,12}?(?:局|委员会|委|厅|办公室))"
)
_ONE_PLACE_RE = re.compile(_LISTED_PLACE)


def distributed(text: str) -> list[list[tuple[str, tuple[int, int]]]]:
    """Each place of a list written before one kind of body, as that place's body of the kind:
    for each place, its readings longest first (年大竹县, 大竹县: the list's first place may start
    with the words before it, a later one with the word joining it, 和麟游县), each as (name, span
    of the place in ``text``)."""
    found = []
    for listed in _DISTRIBUTED_RE.finditer(text):
        kind, at = listed.group("kind"), listed.start("places")
        for one in _ONE_PLACE_RE.finditer(listed.group("places")):
            place = one.group(0)
            found.append([(place[i:] + kind, (at + one.start() + i, at + one.end())) for i in range(len(place) - 1)])
    return found
