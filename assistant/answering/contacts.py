"""Contact details (phone, fax, email, address) quoted from the newest report that gives them."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answering import phrases
from assistant.answering.ambiguity import not_found
from assistant.answering.context import Context, Question
from assistant.answering.phrases import contact_label, say
from assistant.answering.vocabulary import vocabulary
from assistant.records import ANSWERED, Answer


def answer(ctx: Context, q: Question, bodies: Sequence[str]) -> Answer:
    """Each asked detail of each body, its value as a machine reads it (0743-8215620, a@b.com)
    and its citation quoting the report as written; the first value is the answer's value."""
    kinds = ["phone", "email", "address"] if q.contact in (None, "any") else [q.contact]
    v = vocabulary()
    citations, lines, first = [], [], None
    for body in bodies:
        newest_first = ctx.reports_of(body, q.years[0] if q.years else None)[::-1]
        for kind in kinds:  # the newest report that gives this detail
            found = next(
                ((report, match) for report in newest_first
                 for match in v.contact_patterns[kind].finditer(ctx.text(report["source"]))),
                None,
            )
            if found is None:
                continue
            report, match = found
            quoted = match.group(1).strip()
            citations.append(ctx.citation(report, match.start(1), match.start(1) + len(quoted), "sentence"))
            # the value as a machine reads it (0743-8215620, a@b.com); the quote stays as written
            if kind in ("phone", "fax"):
                value = v.digit_dash.sub("-", v.area_code.sub(r"\1-", quoted))
            else:
                value = quoted.replace("＠", "@")
            lines.append(f"{ctx.org(q, body)} {contact_label(q, kind)}{value}[{len(citations)}]")
            first = first or value
    if not citations:
        return not_found(q, say(q, *phrases.NO_CONTACT))
    return Answer(q.text, ANSWERED, say(q, *phrases.CONTACT_SEPARATOR).join(lines), first, None, tuple(citations))
