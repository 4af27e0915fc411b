"""A figure and its parts: by applicant column (自然人, 法人或其他组织 …) or by the metric's children
in the catalogue (by channel, by reason)."""

from __future__ import annotations

from assistant.answering import phrases
from assistant.answering.context import Context, Question
from assistant.answering.figures import fallback
from assistant.answering.lookup import figures
from assistant.answering.phrases import fill, say
from assistant.answering.vocabulary import vocabulary
from assistant.ingest.numbers import format_value
from assistant.records import ANSWERED, Answer


def answer(ctx: Context, q: Question, body: str, year: int, metric: str) -> Answer:
    """The total, cited [1] when stored, then each part with its citation; a metric with no parts
    is answered as a single figure."""
    if q.breakdown == "applicant":
        whole_columns = vocabulary().whole_columns
        rows = [r for r in ctx.store.query_facts(body=body, year=year, metric=metric) if r["kind"] == "table"]
        parts = [(r["column_name"], ctx.figure(r)) for r in rows if r["column_name"] not in whole_columns]
    else:
        parts = []
        for child in ctx.catalogue.children(metric):
            found = figures(ctx, body, year, child)
            if found:
                parts.append((ctx.metric_name(q, child), found[0]))
    if not parts:
        return fallback(ctx, q, body, year, metric)
    total = figures(ctx, body, year, metric)
    citations = ([total[0].citation] if total else []) + [f.citation for _, f in parts]
    offset = 2 if total else 1
    items = [f"{name} {format_value(f.value)}[{i}]" for i, (name, f) in enumerate(parts, start=offset)]
    head_value = total[0].value if total else None
    fields = dict(org=ctx.org(q, body), year=year, name=ctx.metric_name(q, metric))
    if total:
        head = fill(q, phrases.BREAKDOWN_TOTAL, value=format_value(head_value), unit=total[0].unit or "", **fields)
    else:
        head = fill(q, phrases.BREAKDOWN_HEAD, **fields)
    text = head + say(q, *phrases.LIST_SEPARATOR).join(items) + say(q, *phrases.FULL_STOP)
    value = head_value if head_value is not None else parts[0][1].value
    unit = (total[0].unit if total else parts[0][1].unit)
    return Answer(q.text, ANSWERED, text, value, unit, tuple(citations))
