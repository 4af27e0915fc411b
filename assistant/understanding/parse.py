"""``parse_question``: a question's bodies, years, metrics and intent, from the pieces of this package.

Pure: the body directory is built from the stored reports and the metrics come from the
catalogue. It runs in four steps:

1. read what the question itself says (bodies, years, metrics, which cue rules fire);
2. a follow-up fills in what it leaves out from the previous question;
3. "both years" / "历年" / a trend become every year the bodies have;
4. the first intent rule whose cue fires and whose condition holds wins.
"""

from __future__ import annotations

import re

from assistant.catalogue import Catalogue
from assistant.understanding import follow_ups, intent, metrics as metric_words, places, years as year_words
from assistant.understanding.clauses import clauses, first_ask, read
from assistant.understanding.language import language
from assistant.understanding.model import Question, QuestionPart
from assistant.understanding.places import BodyDirectory

__all__ = ["parse_question"]

_CJK_RE = re.compile(r"[\u4e00-\u9fff]")


def parse_question(text: str, *, catalogue: Catalogue, directory: BodyDirectory, previous: Question | None = None) -> Question:
    """Bodies, years, metrics and intent of a question; a follow-up borrows from ``previous``."""
    (clause,) = clauses(text)  # one clause for now: the whole question
    reading = read(clause, catalogue, directory)
    follow_up = previous if previous is not None and follow_ups.is_follow_up(reading) else None
    bodies, years, all_years, metrics, inherited = follow_ups.borrow(reading, follow_up)
    # a result named in a later ask (…多少件？其中结果纠正几件？) does not refine the first figure
    metrics = metric_words.refine_result(metrics, first_ask(reading.lowered), catalogue)
    metrics = metric_words.refine_column(metrics, first_ask(reading.lowered), catalogue)
    every_year = years or year_words.all_years(directory, bodies, all_years)  # what the intent rules count

    found = intent.intent_of(reading, bodies, every_year, metrics)
    breakdown = contact = None
    if found is None and follow_up is not None:
        if follow_ups.inherit_intent(follow_up, reading, bodies, every_year, metrics):
            found, breakdown, contact = follow_up.intent, follow_up.breakdown, follow_up.contact
            inherited.append("intent")
    if (
        found is None
        and not reading.all_years
        and not intent.asks_a_count(reading.lowered)
        and intent.asks_no_count(reading.lowered)
    ):
        found = "narrative"  # "西集镇在哪个网站设立了专栏": no rule holds, no count asked, a name is
    found = found or "lookup"
    if found == "breakdown" and metrics and intent.asks_a_count(reading.lowered) and metric_words.column_of(reading.lowered):
        # "how many requests answered (total of handling results) … from natural persons": one
        # cell, when the only words asking for parts are the asked figure's own name
        own = places.mask(reading.cue_text, catalogue.term_spans(reading.cue_text, {metrics[0]}))
        if not intent.breakdown_cued(own):
            found = "lookup"
    if found == "trend" and not years:
        all_years = True
    if all_years and not years:
        years = year_words.all_years(directory, bodies, True)
    if found == "breakdown":
        breakdown = breakdown or intent.breakdown_kind(reading.cue_text, metrics)
        metrics = intent.breakdown_metrics(breakdown, metrics)
    if found == "contact":
        contact = contact or intent.contact_kind(reading.lowered)
    column = metric_words.column_of(reading.lowered)
    column = None if breakdown == "applicant" and found == "breakdown" else column
    part = QuestionPart(
        text=clause,
        candidates=reading.candidates,
        bodies=bodies,
        years=years,
        all_years=all_years,
        metrics=metrics,
        intent=found,
        breakdown=breakdown if found == "breakdown" else None,
        contact=contact if found == "contact" else None,
        column=column,
    )
    return Question(
        text=text,
        lang=language(text),
        bodies=bodies,
        years=years,
        all_years=all_years,
        metrics=metrics,
        intent=found,
        breakdown=breakdown if found == "breakdown" else None,
        contact=contact if found == "contact" else None,
        wants_names=intent.asks_names(reading.lowered),
        inherited=tuple(inherited),
        topic_terms=metric_words.topic_terms(reading.lowered, zh=bool(_CJK_RE.search(text))),
        column=column,
        unknown_place=reading.unknown_place,
        unknown_beside=reading.unknown_beside,
        readings=reading.readings if not bodies else (),
        paired_years=reading.paired_years if not {"bodies", "years"} & set(inherited) else (),
        parts=(part,),
    )

