"""Yes/no questions: "were all requests settled on time?", "were there any lawsuits?".

The verdict comes from the count (late == 0; lawsuits > 0), never from a sentence alone when the
table counts it; a sentence that claims otherwise is listed as a conflict.
"""

from __future__ import annotations

from dataclasses import replace

from assistant.answering import phrases
from assistant.answering.conflicts import claims, on_time_statement
from assistant.answering.context import Context, Question
from assistant.answering.figures import state
from assistant.answering.lookup import figures
from assistant.answering.passages import from_passages
from assistant.answering.phrases import fill, say
from assistant.answering.vocabulary import vocabulary
from assistant.ingest.numbers import format_value
from assistant.records import ANSWERED, Answer


def answer(ctx: Context, q: Question, body: str, year: int, metric: str) -> Answer:
    """"Were all requests settled on time?": late == 0, with every disagreeing source."""
    if metric in ("requests_on_time", "requests_late"):
        counted = _on_time(ctx, q, body, year, metric)
        if counted is not None:
            return counted
    found = figures(ctx, body, year, metric)
    if not found:
        return from_passages(ctx, q, [body], year_hint=year, missing_metric=metric)
    counted = state(ctx, q, body, year, metric, found)
    if counted.status != ANSWERED or not isinstance(counted.value, (int, float)):
        return counted
    # "有没有行政诉讼" / "were there any lawsuits": yes or no, with the count that says so
    verdict = "yes" if counted.value > 0 else "no"
    lead = say(q, *(phrases.THERE_ARE if verdict == "yes" else phrases.THERE_ARE_NONE))
    return replace(counted, answer=lead + counted.answer, value=verdict, unit=None)


def _on_time(ctx: Context, q: Question, body: str, year: int, metric: str) -> Answer | None:
    """The verdict from the late count, else from the report's own statement; None when the
    report has neither."""
    late = figures(ctx, body, year, "requests_late")
    if not late or late[0].value is None:
        return on_time_statement(ctx, q, body, year)
    said = claims(ctx, body, year, "requests_on_time")
    org = ctx.org(q, body)
    verdict_no = late[0].value > 0  # "were all settled on time?"
    asks_late = metric == "requests_late"  # "were any settled late?": the other way round
    on_time = figures(ctx, body, year, "requests_on_time")
    citations = ([on_time[0].citation] if on_time else []) + [late[0].citation] + [c for _, _, c in said]
    late_index = 2 if on_time else 1
    if verdict_no:
        verdict_zh, verdict_en = phrases.YES if asks_late else phrases.NO
        # a narrative report counts late requests in a sentence, not in a table
        where_zh, where_en = phrases.WHERE_LATE_TABLE if late[0].kind == "table" else phrases.WHERE_LATE_TEXT
        text = fill(
            q, phrases.LATE_COUNTED, verdict_zh=verdict_zh, verdict_en=verdict_en, where_zh=where_zh, where_en=where_en,
            org=org, year=year, on_time=format_value(on_time[0].value) if on_time else "?",
            late=format_value(late[0].value), late_index=late_index,
        )
    else:
        verdict_zh, verdict_en = phrases.NO if asks_late else phrases.YES
        text = fill(q, phrases.NONE_LATE, verdict_zh=verdict_zh, verdict_en=verdict_en, org=org, year=year, late_index=late_index)
    conflicts = []
    if said and verdict_no:
        # the claim in the report's own words, so the reader sees what the table contradicts
        words = vocabulary().all_on_time.search(said[0][2].quote)
        claim = phrases.CLAIM_CONTRADICTED_QUOTED if words else phrases.CLAIM_CONTRADICTED
        text += fill(q, claim, index=len(citations) - len(said) + 1, written=words.group(0) if words else "")
        conflicts = [("yes", c) for _, _, c in said]
    verdict = "yes" if verdict_no == asks_late else "no"
    return Answer(q.text, ANSWERED, text, verdict, None, tuple(citations), tuple(conflicts))
