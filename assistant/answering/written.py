"""Questions about how a report writes something: what its WeChat account is called, how it
writes the number of a document it cites, how it prints the period its figures cover.

The answer is the words as written, an exact substring of the report: the value a person copies
(咸宁高新发布, 国办发〔201226号 as printed, 从201211日到1231日止). ``written_forms`` in
``assistant/data/answer_vocabulary.yaml`` gives the pattern of what is asked (a 文号, a period, a
quoted name); every match in the report is a candidate, scored by the words around it: the
things the question names (微信公众号 for "WeChat account", from ``written_things``) count most,
then the question's other two-character words (国务院办公厅 before the number asked). A form no
word of the question stands beside answers only when it is the report's only one (its one
统计期限); two candidates that score alike with different words are both shown and neither is the
value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.answering import passages, phrases
from assistant.answering.ambiguity import years_for
from assistant.answering.context import Context, Question
from assistant.answering.phrases import fill
from assistant.answering.vocabulary import vocabulary
from assistant.records import AMBIGUOUS, ANSWERED, Answer

__all__ = ["answer", "asked_end"]

_AFTER = 12  # characters after a form that still speak of it (“咸宁高新发布”微信公众号)
_THING_WEIGHT = 3
_CJK_RUN_RE = re.compile(r"[\u4e00-\u9fff]+")
# words of the question that ask rather than describe
_ASKING_RE = re.compile(r"怎么|如何|怎样|叫什么|什么|名称|名字|写法|原文|表述|书写|是|的|了|吗|呢|年报|报告|年度")


@dataclass(frozen=True)
class _Candidate:
    value: str
    start: int  # of the value in the report text
    end: int
    sentence: tuple[int, int]
    score: int


def answer(ctx: Context, q: Question, bodies: Sequence[str]) -> Answer:
    """The asked thing as one report of the body writes it; the best passages when none is found."""
    form = vocabulary().written_form(q.text)
    if len(bodies) != 1 or form is None:
        return passages.answer(ctx, q, bodies)
    years = years_for(ctx, q, bodies[0])
    if isinstance(years, Answer):
        return years
    reports = ctx.reports_of(bodies[0], years[0])
    if not reports:
        return passages.answer(ctx, q, bodies)
    report = reports[0]
    text = ctx.text(report["source"])
    found = _candidates(text, form, vocabulary().things_named(q.text), _qualifiers(q, ctx, bodies[0]))
    if not found or (max(c.score for c in found) == 0 and len({c.value for c in found}) > 1):
        return passages.answer(ctx, q, bodies)  # nothing written beside the words asked
    best = max(c.score for c in found)
    top = [c for c in found if c.score == best]
    org = ctx.org(q, bodies[0])
    values = list(dict.fromkeys(c.value for c in top))
    if len(values) > 1:
        shown = top[:4]
        citations = tuple(ctx.citation(report, *c.sentence, "sentence") for c in shown)
        listed = "；".join(f"{c.value}[{i}]" for i, c in enumerate(shown, start=1))
        return Answer(q.text, AMBIGUOUS, fill(q, phrases.WRITTEN_FORMS, org=org, year=report["year"], listed=listed), None, None, citations)
    chosen = _one_end(q, top[0], text)
    citation = ctx.citation(report, *chosen.sentence, "sentence")
    said = fill(q, phrases.WRITTEN_FORM, org=org, year=report["year"], written=chosen.value)
    return Answer(q.text, ANSWERED, said, chosen.value, None, (citation,))


# A period's two ends: 自2017年1月1日起至2017年12月20日止, 从201411日到1231日止.
_PERIOD_ENDS_RE = re.compile(r"^(?:自|从)\s*(?P<start>.+?)\s*起?\s*(?:至|到)\s*(?P<end>.+?)\s*止?$")


def asked_end(q: Question, written: str) -> tuple[int, int] | None:
    """Where, in a period as written, the end (or start) the question asks alone stands; None when
    the question asks the whole period or the period has no two ends."""
    v = vocabulary()
    lowered = q.text.lower()
    wanted = "end" if v.asks_period_end.search(lowered) else "start" if v.asks_period_start.search(lowered) else None
    ends = _PERIOD_ENDS_RE.match(written) if wanted else None
    return (ends.start(wanted), ends.end(wanted)) if ends else None


def _one_end(q: Question, chosen: _Candidate, text: str) -> _Candidate:
    """The end (or the start) of a period when the question asks that end alone, as written."""
    span = asked_end(q, chosen.value)
    if span is None:
        return chosen
    start, end = chosen.start + span[0], chosen.start + span[1]
    return _Candidate(text[start:end], start, end, chosen.sentence, chosen.score)


def _qualifiers(q: Question, ctx: Context, body: str) -> frozenset[str]:
    """The question's two-character words that describe what is asked, without the body's names,
    the years and the words that only ask."""
    text = q.text
    entry = ctx.directory.entry(body)
    for name in sorted((entry.aliases if entry else ()) + (body,), key=len, reverse=True):
        if name and not name.isascii():
            text = text.replace(name, " ")
    text = _ASKING_RE.sub(" ", re.sub(r"(?:19|20)\d{2}", " ", text))
    return frozenset(run[i : i + 2] for run in _CJK_RUN_RE.findall(text) for i in range(len(run) - 1))


def _candidates(text: str, form: re.Pattern[str], things: tuple[str, ...], qualifiers: frozenset[str]) -> list[_Candidate]:
    """Every written form in the report's sentences, scored by the words of the question around it."""
    from assistant.retrieval.quotes import sentence_spans

    found = []
    for start, end in sentence_spans(text):
        matches = list(form.finditer(text, start, end))
        for index, match in enumerate(matches):
            group = next(g for g in range(1, (form.groups or 0) + 1) if match.group(g) is not None)
            before_start = matches[index - 1].end() if index else start
            after_end = min(end, match.end() + _AFTER, matches[index + 1].start() if index + 1 < len(matches) else end)
            window = text[before_start : match.start()] + text[match.end() : after_end]
            score = _THING_WEIGHT * sum(1 for thing in things if thing in window)
            score += sum(1 for pair in qualifiers if pair in window)
            found.append(_Candidate(match.group(group), match.start(group), match.end(group), (start, end), score))
    return found
