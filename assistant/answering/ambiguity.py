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
