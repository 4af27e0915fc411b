"""Figures read beside what a question asks: the share a sentence states right after the count
it is of (无法提供的49件，占50%), and the figure whose sentence names what the question counts
(设有多少子专栏, "how many public inquiries") when no label or metric says it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answering import labelled, phrases
from assistant.answering.context import Context, Figure, Question
from assistant.answering.phrases import fill
from assistant.ingest.numbers import format_value
from assistant.ingest.prose import is_change
from assistant.records import ANSWERED, Answer
from assistant.understanding.clauses import first_ask
from assistant.understanding.cues import load_figure_words

__all__ = ["counted_figure", "counted_words", "share_beside"]


# A share stated right after a count, in its own clause: 无法提供的49件，占50%; 主动公开977条，超额完成
# 全年目标任务40%; 统计信息类共129条，包括…，占总数的60.6%.
_SHARE_AFTER_RE = re.compile(r"(?P<clause>[^，,；;。：:]*?)(?P<value>\d+(?:\.\d+)?)\s*[%％]")
_COUNT_RE = re.compile(r"\d+(?:\.\d+)?\s*(?:件|条|个|项|次|人次|人|名|篇|期|万元|元)")


def share_beside(q: Question, answer: Answer) -> Answer | None:
    """A share asked, a count answered: the share its sentence states right after the count
    (before any other count), when that clause is the count's share (占…) or says what the
    question asks (超额完成全年目标任务40%). None when the sentence states none."""
    if not answer.citations or not isinstance(answer.value, (int, float)):
        return None
    citation = answer.citations[0]
    quote = citation.quote
    written = format_value(answer.value) + (answer.unit or "")
    at = quote.find(written)
    if at < 0:
        return None
    after = quote[at + len(written) :]
    end = re.search(r"[；;。]", after)
    after = after[: end.start()] if end else after
    found = _SHARE_AFTER_RE.search(after)
    if not found or _COUNT_RE.search(after[: found.start("value")]):
        return None
    clause = found["clause"].strip()
    asked = q.text
    if not (clause.startswith(("占", "约占")) or any(asked.find(clause[i : i + 4]) >= 0 for i in range(max(len(clause) - 3, 0)))):
        return None
    begin = max((quote.rfind(mark, 0, at) for mark in "，,；;。：:"), default=-1) + 1
    said = quote[begin : at + len(written) + found.end()].strip()
    value = float(found["value"])
    text = fill(q, phrases.SHARE_BESIDE, said=said, value=format_value(value))
    return Answer(q.text, ANSWERED, text, value, "%", (citation,))


# The thing a question counts, written right after its count word: 设有多少子专栏, 接待了多少人次的咨询,
# "how many public inquiries …", "how many sub-columns". A figure whose label names that thing
# answers, when the figure found for the question's metric names something else.
_ZH_COUNTED_RE = re.compile(
    r"(?:多少|几)(?:个|项|条|件|期|次|名|人次|家|篇|场|处)?的?(?P<noun>[\u4e00-\u9fff]{2,6}?)(?=[？?。，,；;、]|呢|吗|$)"
)
_EN_COUNTED_RE = re.compile(r"how many (?P<noun>[a-z\-]+(?: [a-z\-]+){0,3}?)(?= (?:did|does|do|were|was|are|is|has|have|had|in|of|about|for|on|at|by|to|that|which)\b|[?,.]|$)")


def counted_words(q: Question) -> tuple[str, ...]:
    """The Chinese words of what the question's first ask counts (子专栏; 咨询 for "inquiries")."""
    text = first_ask(q.text.lower())
    zh = _ZH_COUNTED_RE.search(text)
    if zh:
        return (zh["noun"],)
    en = _EN_COUNTED_RE.search(text)
    if not en:
        return ()
    words = en["noun"].split()
    found: list[str] = []
    for english, chinese in load_figure_words():
        if any(e not in _GENERIC_ENGLISH and re.search(rf"(?<![a-z]){re.escape(e)}(?![a-z])", " ".join(words)) for e in english):
            found += chinese
    return tuple(dict.fromkeys(found))


# English words too general to say what is counted (items, information, work …)
_GENERIC_ENGLISH = frozenset({
    "items", "information", "pieces of information", "people", "persons", "staff", "work", "work situation", "request", "requests",
    "application", "applications", "department", "departments", "municipal", "material", "materials", "platform", "project", "projects",
})


def counted_figure(ctx: Context, q: Question, body: str, year: int, names: Sequence[str] = ()) -> Figure | None:
    """The one stated figure whose label names what the question counts, when ``names`` (the
    metric's names and the labels of the figures found for it) do not; None when no label or
    several with different values name it (no guess)."""
    words = counted_words(q)
    if not words or any(w in name for w in words for name in names):
        return None
    text = first_ask(q.text.lower())
    asked = labelled.unit_asked(text)
    cumulative = labelled.asks_cumulative(text)
    rows = []
    for row in ctx.store.query_facts(body=body, year=year):
        if row["kind"] != "prose" or row["value"] is None or (asked and row["unit"] not in asked):
            continue
        label = row["row_path"]
        before = ctx.text(row["source"])[row["start"] : row["value_start"] or row["start"]]
        if labelled.is_cumulative(label, before) != cumulative or is_change(label):
            continue
        if any(w in label for w in words):
            rows.append(row)
    if not rows or len({(r["value"], r["unit"]) for r in rows}) > 1:
        return None
    return ctx.figure(rows[0])
