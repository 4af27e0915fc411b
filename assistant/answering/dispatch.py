"""From an understood question to an honest, cited answer: which kind of answer it needs.

Figures come from the fact store by SQL; everything else from hybrid retrieval. Every citation
quotes the stored text exactly. When sources disagree the answer says so and gives every value;
when nothing covers the question it says what is available instead of guessing.

``Answerer.answer`` settles the bodies (or says none is stored, or asks which), picks the kind of
answer with ``_kind`` and calls it from ``_KINDS``, a table from kind to function. Kinds that
answer one figure of one body and year get that year settled first (``_one_figure``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from assistant.answering import across, breakdowns, conflicts, contacts, counted, figures, labelled, passages, phrases, report_dates, written, yesno
from assistant.answering.ambiguity import ambiguous_body, ambiguous_reading, available, not_found, years_for
from assistant.answering.context import BodyDirectory, Context, Question
from assistant.answering.phrases import fill, say
from assistant.catalogue import Catalogue
from assistant.answering.vocabulary import vocabulary
from assistant.ingest.numbers import format_value
from assistant.records import ANSWERED, NOT_FOUND, Answer
from assistant.understanding.clauses import first_ask
from assistant.understanding.kinds import bodies_of_kind
from assistant.store.facts_db import FactStore

AnswerKind = Callable[[Context, Question, Sequence[str]], Answer]
OneFigure = Callable[[Context, Question, str, int, str], Answer]

_ACROSS_INTENTS = ("compare", "total", "rank", "trend")


def _one_figure(kind: OneFigure) -> AnswerKind:
    """An answer kind for one body: its year settled first (or a not-found or which-year answer)."""

    def answer(ctx: Context, q: Question, bodies: Sequence[str]) -> Answer:
        years = years_for(ctx, q, bodies[0])
        if isinstance(years, Answer):
            return years
        return kind(ctx, q, bodies[0], years[0], q.metrics[0])

    return answer


_KINDS: dict[str, AnswerKind] = {
    "contact": contacts.answer,
    "report": report_dates.answer,
    "passages": passages.answer,
    "written": written.answer,
    "across": across.answer,
    "breakdown": _one_figure(breakdowns.answer),
    "yesno": _one_figure(yesno.answer),
    "figure": _one_figure(figures.answer),
}


def _kind(q: Question, bodies: Sequence[str]) -> str:
    """The key in ``_KINDS`` of the answer ``q`` needs over ``bodies``."""
    if q.intent == "contact":
        return "contact"
    if q.intent in ("report_year", "report_date", "report_number"):
        return "report"  # the report itself: the year it covers, the dates it states
    if q.intent == "written":
        return "written"  # a name, a cited number, a period: the words as written
    if not q.metrics or q.intent == "narrative" or (q.wants_names and q.intent == "lookup"):
        return "passages"  # "谁申请了…": the applicants' names stand in sentences, not in a count
    if q.intent in _ACROSS_INTENTS or len(bodies) > 1 or len(q.years) > 1:
        return "across"
    if q.intent in ("breakdown", "yesno"):
        return q.intent
    return "figure"


def _of_kind_in_region(ctx: Context, q: Question) -> str | None:
    """The one stored body that lies in the place a question writes and is of the kind it names
    (a district's government office asked as "the district government office … of Shangcheng
    District"); None when the place holds none or several, or the question names no kind."""
    in_region = ctx.directory.in_region(q.unknown_place or "")
    of_kind = bodies_of_kind(q.text, ctx.directory, in_region, q.years) if in_region else []
    return of_kind[0] if len(of_kind) == 1 else None


def _stated_change(ctx: Context, q: Question, body: str) -> Answer | None:
    """The change a report states itself (公开信息较2018年增长14.75%), for a question asking how a
    figure changed from the year before."""
    for year in sorted(q.years or ctx.directory.years_of(body), reverse=True):
        if year in ctx.directory.years_of(body):
            stated = labelled.answer(ctx, q, body, year)
            if stated is not None:
                return stated
    return None


def _kept_to_what_is_asked(q: Question, answer: Answer) -> Answer:
    """A share asked is answered only by a figure in %, a change from the year before only by a
    sentence that states one: a count of the year is neither, and is said to be what is given."""
    if answer.status != ANSWERED:
        return answer
    v = vocabulary()
    asked = first_ask(q.text.lower())
    if isinstance(answer.value, str):
        return answer  # a name, a phone number, yes or no
    if answer.value is None or not answer.citations:
        # sentences that merely share words with a share or a change asked state neither
        if v.asks_share.search(asked):
            return Answer(q.text, NOT_FOUND, say(q, *phrases.NO_SHARE))
        if v.asks_change.search(asked):
            return Answer(q.text, NOT_FOUND, say(q, *phrases.NO_CHANGE))
        return answer
    value, unit = format_value(answer.value), answer.unit or ""
    if v.asks_share.search(asked) and unit not in ("%", "％"):
        beside = counted.share_beside(q, answer)
        if beside is not None:
            return beside
        return Answer(q.text, NOT_FOUND, fill(q, phrases.NOT_A_SHARE, value=value, unit=unit), None, None, answer.citations[:1])
    if v.asks_change.search(asked) and not any(v.states_change.search(c.quote) for c in answer.citations[:1]):
        return Answer(q.text, NOT_FOUND, fill(q, phrases.NOT_A_CHANGE, value=value, unit=unit), None, None, answer.citations[:1])
    return answer


class Answerer:
    """Answers understood questions over one open store."""

    def __init__(self, store: FactStore, catalogue: Catalogue, directory: BodyDirectory, retriever=None):
        self.context = Context(store, catalogue, directory, retriever)

    @property
    def store(self) -> FactStore:
        return self.context.store

    @property
    def catalogue(self) -> Catalogue:
        return self.context.catalogue

    @property
    def directory(self) -> BodyDirectory:
        return self.context.directory

    @property
    def retriever(self):
        return self.context.retriever

    def answer(self, q: Question) -> Answer:
        ctx = self.context
        bodies = list(q.bodies)
        if not bodies and q.readings and q.intent in ("total", "rank", "compare"):
            bodies = list(q.readings)  # "across the two Hengshan Town reports": every reading is asked
        if not bodies and q.readings:  # one name, several stored bodies: never pick one silently
            held = [b for b in q.readings if set(q.years) & set(ctx.directory.years_of(b))]
            if len(held) != 1:
                return ambiguous_reading(ctx, q, list(q.readings))
            # 横山镇2023年 with only 龙游县横山镇 reporting 2023: the year names the body
            q = replace(q, bodies=(held[0],), readings=())
            bodies = [held[0]]
        if not bodies:
            held = _of_kind_in_region(ctx, q) if q.unknown_place else None
            if held:
                # "the government office of Shangcheng District": the one stored body of the kind
                # the question names in the place it writes
                q = replace(q, bodies=(held,), unknown_place=None)
                bodies = [held]
            elif q.unknown_place:
                return not_found(q, fill(q, phrases.NO_REPORT_OF_PLACE, place=q.unknown_place) + available(ctx, q))
            bodies = list(dict.fromkeys(r["body"] for r in ctx.reports if r["body"]))
            of_kind = bodies_of_kind(q.text, ctx.directory, bodies, q.years)
            if len(of_kind) > 1 and q.intent not in ("total", "rank", "compare"):
                # "the health commission": each stored one of that kind, with its figure
                return ambiguous_reading(ctx, q, of_kind)
            if of_kind:
                bodies = of_kind  # the only one of that kind, or every one of them compared
                q = replace(q, bodies=tuple(of_kind)) if len(of_kind) == 1 else q
            elif len(bodies) != 1 and q.intent not in ("total", "rank", "compare"):
                return ambiguous_body(ctx, q, bodies)
        if q.unknown_beside:
            return not_found(q, fill(q, phrases.NO_REPORT_OF_PLACE, place=q.unknown_beside) + available(ctx, q))
        kind = _kind(q, bodies)
        if kind == "across" and len(bodies) == 1 and vocabulary().asks_change.search(first_ask(q.text.lower())):
            stated = _stated_change(ctx, q, bodies[0])
            if stated is not None:
                return stated
        answer = _KINDS[kind](ctx, q, bodies)
        if kind != "across":
            answer = report_dates.with_report_searched(ctx, q, bodies, answer)
        if kind == "across" and answer.status == ANSWERED and isinstance(answer.value, (int, float)) and len({c.year for c in answer.citations}) < 2:
            # a change asked, one year's figure found (no report of the other year): not the change
            return _kept_to_what_is_asked(q, answer)
        if kind not in ("figure", "passages"):
            return answer
        return self.with_disagreements(q, _kept_to_what_is_asked(q, answer))

    def with_disagreements(self, q: Question, answer: Answer) -> Answer:
        """A figure's answer with what the report says against it: parts that do not add up,
        requests that do not balance, a share its count and total do not give; and an
        approximation (80余条) said as written."""
        ctx = self.context
        answer = conflicts.with_balance_broken(ctx, q, conflicts.with_parts_disagreeing(ctx, q, answer))
        return conflicts.with_approximation(q, conflicts.with_share_disagreeing(ctx, q, answer))
