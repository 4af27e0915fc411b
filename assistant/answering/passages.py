"""Answers read from prose: narrative questions, figures no table holds, applicants by name.

The retriever ranks passages; the answer quotes whole sentences of them, each cited. A figure
is taken from a sentence only beside one of its metric's names, so a question's own words never
make a number its answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.answering import counted, labelled, phrases
from assistant.answering.ambiguity import ambiguous_year, available, not_found, years_for
from assistant.answering.context import Context, Question
from assistant.answering.phrases import fill, say
from assistant.answering.vocabulary import vocabulary
from assistant.ingest.numbers import format_value
from assistant.records import ANSWERED, Answer, Citation


def answer(ctx: Context, q: Question, bodies: Sequence[str]) -> Answer:
    """A question no metric names: a figure its words name in one report's sentences, else the
    best passages (narrative, or asking for names)."""
    if len(bodies) == 1 and q.intent in ("lookup", "breakdown", "narrative") and not q.wants_names and vocabulary().asks_figure.search(q.text.lower()):
        years = years_for(ctx, q, bodies[0])
        if isinstance(years, list) and len(years) == 1:
            found = labelled.answer(ctx, q, bodies[0], years[0])
            if found is not None:
                return found
            # no label fits and no metric is named: what the question counts
            named = None if q.metrics else counted.counted_figure(ctx, q, bodies[0], years[0])
            if named is not None:
                return labelled.worded(ctx, q, bodies[0], years[0], named)
    return from_passages(ctx, plans_in_the_year_before(ctx, q, bodies), bodies)


def plans_in_the_year_before(ctx: Context, q: Question, bodies: Sequence[str]) -> Question:
    """"What did they plan for 2023?": plans for a year stand in the report of the year before,
    read there when the body has no report of the year itself."""
    if len(q.years) != 1 or not vocabulary().plans.search(q.text.lower()):
        return q
    year = q.years[0]
    known = {y for body in bodies for y in ctx.directory.years_of(body)}
    if year in known or year - 1 not in known:
        return q
    return replace(q, years=(year - 1,))


def from_passages(ctx: Context, q: Question, bodies: Sequence[str], *, year_hint: int | None = None, missing_metric: str | None = None) -> Answer:
    """Sentences of the best passages that answer ``q``; with ``missing_metric``, the figure of
    that metric a sentence states (the fact store has none) or a not-found naming it."""
    if ctx.retriever is None:
        return not_found(q, say(q, *phrases.NOTHING_STORED))
    years = [year_hint] if year_hint else list(q.years)
    if len(bodies) == 1 and not years:
        known = ctx.directory.years_of(bodies[0])
        if len(known) > 1 and q.intent != "narrative":
            return ambiguous_year(ctx, q, bodies[0], known, None)
    terms = ctx.terms(q, missing_metric)
    query = " ".join([q.text, *q.topic_terms])
    hits = ctx.retriever.search(query, bodies=list(bodies), years=years, k=6, kinds=["passage"])
    if not hits:
        return not_found(q, say(q, *phrases.NOTHING_STORED) + available(ctx, q))
    if missing_metric:  # a figure the fact store lacks may still stand in a sentence
        return _figure_in_sentences(ctx, q, bodies, hits, year_hint, missing_metric)
    citations: list[Citation] = []
    points: list[str] = []
    if q.wants_names:  # asked for by name: the sentences that name applicants, in text order
        _named_applicants(ctx, hits, citations, points)
    topic = vocabulary().section_topic(q.text) if q.intent == "narrative" and not citations else None
    if topic:  # "存在哪些问题": the points of that section, in order
        _section_points(ctx, hits, topic, citations, points)
    if not citations and not terms and q.intent != "narrative" and vocabulary().asks_figure.search(q.text.lower()):
        return not_found(q, say(q, *phrases.NO_MATCHING_FIGURE))
    if not citations:
        _best_sentences(ctx, q, hits, terms, citations, points)
    if not citations:
        return not_found(q, say(q, *phrases.NOTHING_STORED))
    head = say(q, *phrases.FROM_REPORTS)
    return Answer(q.text, ANSWERED, head + " ".join(points), None, None, tuple(citations))


def _figure_in_sentences(ctx: Context, q: Question, bodies: Sequence[str], hits: list, year_hint: int | None, metric: str) -> Answer:
    from assistant.retrieval.quotes import best_sentences, figure_near_term

    terms = ctx.terms(q, metric, metric_only=True)
    whole = metric in ctx.catalogue.metrics and ctx.catalogue.metrics[metric].parent is None
    for hit in hits:
        text = ctx.text(hit.source)
        for start, end in best_sentences(text, hit.start, hit.end, terms, limit=3):
            figure = figure_near_term(text[start:end], terms)
            if figure and labelled.is_cumulative(labelled.clause_before(text[start:end], figure[2])) != labelled.asks_cumulative(q.text):
                continue  # a running total never answers the year's figure, nor the other way round
            expected_unit = ctx.catalogue.metrics[metric].unit if metric in ctx.catalogue.metrics else None
            if figure and labelled.sessions_for_person_times(q, figure[1]):
                continue  # 培训2次 answers no "how many person-times"
            if figure and whole and _OF_WHICH_RE.match(text[start:end]):
                continue  # 其中，主动公开政策文件3条: a part of the total the sentence before states, never that total
            if figure and metric in ctx.catalogue.channels_listed(labelled.clause_before(text[start:end], figure[2]), figure[1]):
                continue  # 通过网站、融媒、微信公众号公开60条: every channel together, never the one asked
            if figure and labelled.one_of_several(ctx, metric, labelled.clause_before(text[start:end], figure[2]), figure[1]):
                continue  # 通过报刊、微信公众号等媒体公开信息344条: the channels listed together
            if figure and (expected_unit is None or figure[1] == expected_unit):
                value, unit, _, _ = figure
                citation = ctx.citation(ctx.report_by_source(hit.source), start, end, "sentence")
                said = fill(
                    q, phrases.FIGURE_IN_SENTENCE, org=ctx.org(q, hit.body or ""), year_zh=hit.year or "", year=hit.year,
                    value=format_value(value), unit=unit,
                )
                return Answer(q.text, ANSWERED, said, value, unit, (citation,))
    org = ctx.org(q, bodies[0]) if len(bodies) == 1 else ""
    return not_found(q, fill(q, phrases.NO_FIGURE_IN_REPORT, org=org, year=year_hint or "", name=ctx.metric_name(q, metric)))


_OF_WHICH_RE = re.compile(r"[\s，,。；;]*(?:其中|包括|含)")


def _named_applicants(ctx: Context, hits: list, citations: list[Citation], points: list[str]) -> None:
    """Append (at most six) sentences that name an applicant, with their citations."""
    from assistant.retrieval.quotes import sentence_spans

    for hit in hits[:4]:
        text = ctx.text(hit.source)
        for start, end in sentence_spans(text, hit.start, hit.end):
            if vocabulary().named_applicant.search(text[start:end]) and len(citations) < 6:
                citations.append(ctx.citation(ctx.report_by_source(hit.source), start, end, "sentence"))
                points.append(f"{text[start:end]}[{len(citations)}]")


def _section_points(ctx: Context, hits: list, topic, citations: list[Citation], points: list[str]) -> None:
    """Append the points of the first hit's report section whose heading matches ``topic``."""
    from assistant.retrieval.quotes import section_points

    for hit in hits:
        text = ctx.text(hit.source)
        found = section_points(text, topic, limit=8)
        if found:
            report = ctx.report_by_source(hit.source)
            for point in found:
                citations.append(ctx.citation(report, point.start, point.end, "sentence"))
                points.append(f"{point.sub_heading or ''}{text[point.start:point.end]}[{len(citations)}]")
            break


def _best_sentences(ctx: Context, q: Question, hits: list, terms: list[str], citations: list[Citation], points: list[str]) -> None:
    """Append the best sentence of each of the first four hits that holds one of ``terms``; a
    sentence naming an applicant only when names were asked for."""
    from assistant.retrieval.quotes import best_sentences, is_heading_line, points_under

    for hit in hits[:4]:
        text = ctx.text(hit.source)
        report = ctx.report_by_source(hit.source)
        for start, end in best_sentences(text, hit.start, hit.end, terms, limit=1):
            sentence = text[start:end]
            if (terms and not any(t in sentence for t in terms)) or (not q.wants_names and vocabulary().named_applicant.search(sentence)):
                continue
            # a heading names the topic and says nothing of it: the sentences under it answer
            spans = (points_under(text, start, end) or [(start, end)]) if is_heading_line(sentence) else [(start, end)]
            for s_start, s_end in spans:
                if any(c.start == s_start and c.source == hit.source for c in citations):
                    continue
                citations.append(ctx.citation(report, s_start, s_end, "sentence"))
                points.append(f"{text[s_start:s_end]}[{len(citations)}]")
