"""What a question asks, in catalogue and directory terms: the result of ``parse_question``.

A question has parts (``Question.parts``), one per thing it asks. Today every question has
exactly one part; the flat fields of ``Question`` (bodies, years, metrics, intent …) describe the
first part, and are what callers read. A compound question will add parts after the first.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from assistant.understanding.places import BodyCandidate

__all__ = ["Question", "QuestionPart"]

# The fields a part shares with the flat fields of its question.
_PART_FIELDS = ("bodies", "years", "all_years", "metrics", "intent", "breakdown", "contact", "column")


@dataclass(frozen=True)
class QuestionPart:
    """One thing a question asks: the clause that asks it, the bodies it may name (every stored
    name found in the clause, scored, best first) and its bodies, years, metrics and intent after
    any follow-up filled them in."""

    text: str  # the clause
    candidates: tuple[BodyCandidate, ...] = ()  # as the clause is written: nothing inherited
    bodies: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    all_years: bool = False
    metrics: tuple[str, ...] = ()
    intent: str = "lookup"
    breakdown: str | None = None
    contact: str | None = None
    column: str | None = None


@dataclass(frozen=True)
class Question:
    """What a question asks, in catalogue and directory terms (see parse_question).

    Contract: ``parts`` is never empty, and its first part's bodies, years, all_years, metrics,
    intent, breakdown, contact and column always equal the question's own. A question built (or
    copied with ``dataclasses.replace``) with other flat fields than its first part has gets a
    first part rewritten to match them; one built without parts gets one part, the whole text.
    """

    text: str
    lang: str  # "zh" or "en"
    bodies: tuple[str, ...]
    years: tuple[int, ...]
    all_years: bool
    metrics: tuple[str, ...]
    intent: str  # lookup, breakdown, compare, total, rank, trend, yesno, contact, narrative
    breakdown: str | None = None  # channel, applicant, outcome, reason
    contact: str | None = None  # phone, email, address, any
    wants_names: bool = False
    inherited: tuple[str, ...] = ()  # bodies, years, metrics, intent
    topic_terms: tuple[str, ...] = ()  # Chinese words the reports use for the question's topic
    column: str | None = None  # an applicant column of the national table (自然人 …)
    unknown_place: str | None = None  # a place name (Chinese or English) no stored report belongs to
    # a place we do not have named beside stored bodies ("珀溪镇和青云镇一共…"): the answer would leave it out
    unknown_beside: str | None = None
    # "珀溪镇2016年、棠岑街道2018年…": each body with its own year, not every year for every body
    paired_years: tuple[tuple[str, int], ...] = ()
    # the bodies a name several stored bodies share may mean ("水利局"): the answer asks which
    readings: tuple[str, ...] = ()
    parts: tuple[QuestionPart, ...] = ()  # one per thing asked; the first is the flat fields above

    def __post_init__(self) -> None:
        first = self.parts[0] if self.parts else QuestionPart(text=self.text)
        flat = {name: getattr(self, name) for name in _PART_FIELDS}
        if any(getattr(first, name) != value for name, value in flat.items()):
            first = replace(first, **flat)  # the flat fields win: callers set those
        # frozen: __post_init__ is the one place that may settle a field
        object.__setattr__(self, "parts", (first, *self.parts[1:]))
