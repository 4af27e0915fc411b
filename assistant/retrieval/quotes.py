"""Exact quotes: the best sentences of a passage, and the figure a sentence attaches to a term."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.ingest.numbers import parse_cell

_SENTENCE_RE = re.compile(r"[^。！？；;!?\n]+[。！？；;!?]?")
_PAD = " \t\u3000\u00a0"
_FIGURE_RE = re.compile(r"(?<![第0-9０-９.])([0-9０-９]+(?:[,，][0-9０-９]{3})*(?:\.[0-9]+)?)\s*(万)?\s*(人次|万元|件|条|次|人|个|篇|项|期|场|份|家)")


def best_sentences(text: str, span_start: int, span_end: int, terms: Sequence[str], *, limit: int = 2) -> list[tuple[int, int]]:
    """Whole sentences inside the span, most terms first (ties: earlier first)."""
    scored = []
    for match in _SENTENCE_RE.finditer(text, span_start, span_end):
        start, end = match.start(), match.end()
        while start < end and text[start] in _PAD:
            start += 1
        while end > start and text[end - 1] in _PAD:
            end -= 1
        if end - start < 4:
            continue
        sentence = text[start:end]
        score = sum(1 for term in terms if term and term in sentence)
        if len(sentence) < 16 and sentence[-1] not in "。！？；;!?":
            score -= 0.5  # a heading names the topic but says nothing about it
        scored.append((-score, start, end))
    scored.sort()
    return [(start, end) for _, start, end in scored[:limit]]


def figure_near_term(sentence: str, terms: Sequence[str]) -> tuple[float, str, int, int] | None:
    """The first figure after a term, within the term's clause: 发布政策解读132件 -> 132 件."""
    for term in terms:
        position = sentence.find(term) if term else -1
        if position < 0:
            continue
        clause_end = len(sentence)
        for mark in "，,；;。":
            found = sentence.find(mark, position + len(term))
            if found >= 0:
                clause_end = min(clause_end, found)
        match = _FIGURE_RE.search(sentence, position + len(term), clause_end)
        if match:
            parsed = parse_cell(match.group(1) + (match.group(2) or ""))
            if parsed and parsed.value is not None:
                return parsed.value, match.group(3), match.start(), match.end()
    return None
