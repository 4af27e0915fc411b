"""Follow-ups: what a question inherits from the one before it.

"那2017年呢？", "and by letter?", "巨各庄呢？" leave out what they do not change; a fresh question
(a body plus a metric or an intent cue, no 呢 / what about) borrows nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant.understanding import intent
from assistant.understanding.cues import ACROSS_BODIES_CUES, FOLLOW_UP_CUES, cue_pattern

if TYPE_CHECKING:
    from assistant.understanding.clauses import Reading
    from assistant.understanding.model import Question

__all__ = ["borrow", "inherit_intent", "is_follow_up"]

_FOLLOW_UP_PATTERN = cue_pattern(FOLLOW_UP_CUES)
_ACROSS_PATTERN = cue_pattern(ACROSS_BODIES_CUES)


def is_follow_up(reading: Reading) -> bool:
    """Anything but a fresh question (a body plus a metric or an intent cue, no 呢/what about)."""
    if reading.unknown_place:
        return False  # a place we do not have: say so, do not answer about the last one
    if _FOLLOW_UP_PATTERN.search(reading.lowered.strip()):
        return True
    asks_something = bool(reading.metrics) or reading.cued(*(i for i in intent.INTENTS if i != "lookup"))
    return not (reading.bodies and asks_something)


def borrow(
    reading: Reading, previous: Question | None
) -> tuple[tuple[str, ...], tuple[int, ...], bool, tuple[str, ...], list[str]]:
    """Bodies, years, all_years, metrics and the names of those taken from ``previous``."""
    bodies, years, all_years, metrics = reading.bodies, reading.years, reading.all_years, reading.metrics
    inherited: list[str] = []
    if previous is None:
        return bodies, years, all_years, metrics, inherited
    if not bodies and previous.bodies and not _across_bodies(reading):
        bodies = previous.bodies
        inherited.append("bodies")
    if not years and not all_years and (previous.years or previous.all_years):
        # "every year" stays every year of whatever body the follow-up names
        years, all_years = (() if previous.all_years else previous.years), previous.all_years
        inherited.append("years")
    if not metrics and previous.metrics and not reading.cued("contact", "narrative"):
        metrics = previous.metrics
        inherited.append("metrics")
    return bodies, years, all_years, metrics, inherited


def inherit_intent(
    previous: Question, reading: Reading, bodies: Sequence[str], years: Sequence[int], metrics: Sequence[str]
) -> bool:
    """Whether a follow-up that fires no rule of its own keeps the previous intent: only while
    that intent's condition still holds ("星岚镇呢" after a compare of two is a lookup)."""
    return intent.holds(intent.rule_condition(previous.intent), reading, bodies, years, metrics)


def _across_bodies(reading: Reading) -> bool:
    return bool(_ACROSS_PATTERN.search(reading.lowered))
