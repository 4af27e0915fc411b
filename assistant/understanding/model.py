"""What a question asks, in catalogue and directory terms: the result of ``parse_question``."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Question"]


@dataclass(frozen=True)
class Question:
    """What a question asks, in catalogue and directory terms (see parse_question)."""

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
