"""Contact details (phone, fax, email, address) quoted from the newest report that gives them."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answering import phrases
from assistant.answering.ambiguity import not_found
from assistant.answering.context import Context, Question
from assistant.answering.phrases import CONTACT_LABELS_ZH, contact_label, fill, say
from assistant.answering.vocabulary import vocabulary
from assistant.ingest.reading import reading_view
from assistant.records import ANSWERED, NOT_FOUND, Answer, Span


def answer(ctx: Context, q: Question, bodies: Sequence[str]) -> Answer:
    """Each asked detail of each body, its value as a machine reads it (0743-8215620, a@b.com)
    and its citation quoting the report as written; the first value is the answer's value.

    With no year asked, the newest report that gives a detail answers; when the body's older
    reports give it differently (a postcode changed), the answer says what each of them gives."""
    kinds = ["phone", "email", "address"] if q.contact in (None, "any") else [q.contact]
    citations, lines, first = [], [], None
    for body in bodies:
        newest_first = ctx.reports_of(body, q.years[0] if q.years else None)[::-1]
        for kind in kinds:
            found = [(report, value) for report in newest_first if (value := _detail(ctx, report, kind)) is not None]
            if not found:
                continue
            report, (value, start, end) = found[0]  # the newest report that gives this detail
            citations.append(ctx.citation(report, start, end, "sentence"))
            line = f"{ctx.org(q, body)} {contact_label(q, kind)}{value}[{len(citations)}]"
            older = []
            for other, (other_value, other_start, other_end) in found[1:]:
                if other_value != value and other_value not in [o for o, _ in older]:
                    citations.append(ctx.citation(other, other_start, other_end, "sentence"))
                    older.append((other_value, fill(q, phrases.OLDER_CONTACT, year=other["year"], value=other_value, mark=len(citations))))
            lines.append(line + "".join(text for _, text in older))
            first = first or value
    if not citations:
        return _what_is_given(ctx, q, bodies, kinds) or not_found(q, say(q, *phrases.NO_CONTACT))
    return Answer(q.text, ANSWERED, say(q, *phrases.CONTACT_SEPARATOR).join(lines), first, None, tuple(citations))


# The details named in a not-found answer, in the order people look for them.
_GIVEN_KINDS = ("phone", "fax", "email", "address", "postcode")


def _what_is_given(ctx: Context, q: Question, bodies: Sequence[str], asked: Sequence[str]) -> Answer | None:
    """One detail asked that the body's reports do not give (a fax number): a not-found answer
    that says so and gives, cited, the details they do give; None when they give none."""
    if len(bodies) != 1:
        return None
    newest_first = ctx.reports_of(bodies[0], q.years[0] if q.years else None)[::-1]
    citations, given = [], []
    for kind in _GIVEN_KINDS:
        if kind in asked:
            continue
        found = next(((report, detail) for report in newest_first if (detail := _detail(ctx, report, kind)) is not None), None)
        if found is None:
            continue
        report, (value, start, end) = found
        citations.append(ctx.citation(report, start, end, "sentence"))
        given.append(f"{contact_label(q, kind)}{value}[{len(citations)}]")
    if not citations:
        return None
    text = fill(
        q, phrases.CONTACT_NOT_GIVEN, org=ctx.org(q, bodies[0]), asked_zh="、".join(CONTACT_LABELS_ZH[k] for k in asked),
        asked_en=" or ".join(asked), given=say(q, *phrases.CONTACT_SEPARATOR).join(given),
    )
    return Answer(q.text, NOT_FOUND, text, None, None, tuple(citations))


def _detail(ctx: Context, report: dict, kind: str) -> tuple[str, int, int] | None:
    """The report's first value of a detail, as a machine reads it (0743-8215620, a@b.com), and
    the span of the value as written."""
    v = vocabulary()
    source = report["source"]
    text = ctx.text(source)
    # a traditional-character page (電話, 郵編) is read as simplified, its value quoted as written
    view = ctx.memo(f"reading_view:{source}", lambda: reading_view(text))
    match = v.contact_patterns[kind].search(view.text)
    if match is None:
        return None
    span = view.span(Span(match.start(1), match.end(1)))
    written = text[span.start : span.end]
    quoted = written.strip()
    start = span.start + len(written) - len(written.lstrip())
    if kind in ("phone", "fax"):
        value = v.digit_dash.sub("-", v.area_code.sub(r"\1-", quoted))
    else:
        value = quoted.replace("＠", "@")
    return value, start, start + len(quoted)
