"""Not found and ambiguous: say what is stored instead of guessing, or ask which body or year.

An ambiguous answer lists its candidates (with their figures, cited, where the question names
a metric) so that the interface can offer them as choices.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answering import phrases
from assistant.answering.context import Context, Question
from assistant.answering.lookup import figures
from assistant.answering.phrases import fill, say
from assistant.ingest.numbers import format_value
from assistant.records import AMBIGUOUS, NOT_FOUND, Answer, Candidate, Citation


def not_found(q: Question, text: str) -> Answer:
    return Answer(q.text, NOT_FOUND, text)


def available(ctx: Context, q: Question) -> str:
    """" Stored reports: …", or "" when none is stored."""
    # a report whose year was not found is listed without one
    items = sorted({(r["body"], r["year"]) for r in ctx.reports if r["body"]}, key=lambda item: (item[0], item[1] or 0))
    if not items:
        return ""
    return fill(
        q, phrases.STORED_REPORTS, listing_zh="、".join(f"{b}{y}年" if y else b for b, y in items),
        listing_en=", ".join(f"{ctx.org(q, b)} {y}" if y else ctx.org(q, b) for b, y in items),
    )


def years_for(ctx: Context, q: Question, body: str) -> list[int] | Answer:
    """The asked years the body has reports for; else a not-found answer naming the years it has,
    or a question asking which year when none is asked and several are stored."""
    known = ctx.directory.years_of(body)
    if q.years:
        present = [y for y in q.years if y in known]
        if not present:
            return not_found(q, fill(
                q, phrases.NO_REPORT_OF_YEARS, org=ctx.org(q, body), asked="、".join(str(y) for y in q.years),
                have="、".join(str(y) for y in known), have_en=", ".join(map(str, known)),
            ))
        return present
    if len(known) == 1:
        return list(known)
    if not known:
        return not_found(q, say(q, *phrases.NO_REPORT_OF_BODY))
    return ambiguous_year(ctx, q, body, known, q.metrics[0] if q.metrics else None)


def ambiguous_year(ctx: Context, q: Question, body: str, years: Sequence[int], metric: str | None) -> Answer:
    candidates = []
    for year in years:
        found = figures(ctx, body, year, metric) if metric else []
        f = found[0] if found else None
        candidates.append(Candidate(body, year, f.value if f else None, f.citation if f else None))
    citations: list[Citation] = []  # every value shown is cited, like any other figure
    shown_zh, shown_en = [], []
    for c in candidates:
        if c.value is None:
            shown_zh.append(f"{c.year}年")
            shown_en.append(f"{c.year}")
            continue
        mark = ""
        if c.citation is not None:
            citations.append(c.citation)
            mark = f"[{len(citations)}]"
        shown_zh.append(f"{c.year}年：{format_value(c.value)}{mark}")
        shown_en.append(f"{c.year}: {format_value(c.value)} {mark}".rstrip())
    text = fill(q, phrases.WHICH_YEAR, org=ctx.org(q, body), shown_zh="；".join(shown_zh), shown_en="; ".join(shown_en))
    return Answer(q.text, AMBIGUOUS, text, citations=tuple(citations), candidates=tuple(candidates))


def ambiguous_body(ctx: Context, q: Question, bodies: Sequence[str]) -> Answer:
    if not bodies:
        return not_found(q, say(q, *phrases.NO_REPORTS_YET))
    candidates = [Candidate(b, None, None, None) for b in bodies]
    text = fill(q, phrases.WHICH_BODY, names_zh="、".join(bodies), names_en=", ".join(ctx.org(q, b) for b in bodies))
    return Answer(q.text, AMBIGUOUS, text, candidates=tuple(candidates))


def ambiguous_reading(ctx: Context, q: Question, bodies: Sequence[str]) -> Answer:
    """A name several stored bodies share ("自然资源局"): ask which, showing each one's figure for
    the year and metric asked (or citing where its report names itself), never picking one."""
    candidates, citations, shown_zh, shown_en = [], [], [], []
    for body in bodies:
        years = [y for y in (q.years or ctx.directory.years_of(body)[-1:]) if y in ctx.directory.years_of(body)]
        year = years[0] if years else None
        found = figures(ctx, body, year, q.metrics[0]) if year and q.metrics else []
        citation = found[0].citation if found else _named_in(ctx, body, year)
        value = found[0].value if found else None
        candidates.append(Candidate(body, year, value, citation))
        mark = ""
        if citation is not None:
            citations.append(citation)
            mark = f"[{len(citations)}]"
        shown = f"{format_value(value)}{mark}" if value is not None else mark
        shown_zh.append(f"{body}（{year}年：{shown}）" if year and value is not None else f"{body}{mark}")
        shown_en.append(f"{ctx.org(q, body)} ({year}: {shown})" if year and value is not None else f"{ctx.org(q, body)} {mark}".rstrip())
    text = fill(q, phrases.WHICH_BODY, names_zh="、".join(shown_zh), names_en=", ".join(shown_en))
    return Answer(q.text, AMBIGUOUS, text, citations=tuple(citations), candidates=tuple(candidates))


def _named_in(ctx: Context, body: str, year: int | None) -> Citation | None:
    """Where the body's report writes its name: the place to check which body it is."""
    for report in ctx.reports_of(body, year) or ctx.reports_of(body, None):
        start = ctx.text(report["source"]).find(body)
        if start >= 0:
            return ctx.citation(report, start, start + len(body), "name")
    return None
