"""Metrics a question names: catalogue matches, the refinements its words make (people not
sessions, a lawsuit's result), fallbacks the catalogue's names cannot carry, the applicant
column it asks about and the Chinese words the reports use for its topic.
"""

from __future__ import annotations

import re

from assistant.catalogue import Catalogue
from assistant.understanding.cues import (
    COLUMN_CUES,
    EN_TOPIC_TERMS,
    FALLBACK_METRIC_CUES,
    GENERIC_METRICS,
    PERSON_CUES,
    PERSON_METRICS,
    REQUEST_TOPIC_GROUPS,
    REQUEST_TOPICS,
    REQUEST_WORDS,
    RESULT_CUES,
    RESULT_METRICS,
    TABLE_COLUMN_CUES,
    ZH_TOPIC_TERMS,
    cue_pattern,
)

from assistant.understanding.language import language

__all__ = ["asks_requests_on_a_topic", "column_of", "metrics", "refine_column", "refine_result", "topic_terms"]

_COLUMN_PATTERNS = tuple((column, cue_pattern(cues)) for column, cues in COLUMN_CUES)
_TABLE_COLUMN_PATTERNS = tuple((column, cue_pattern(cues)) for column, cues in TABLE_COLUMN_CUES)
_PERSON_PATTERN = cue_pattern(PERSON_CUES)
_REQUEST_PATTERN = cue_pattern(REQUEST_WORDS)
_RESULT_PATTERNS = tuple((kind, cue_pattern(cues)) for kind, cues in RESULT_CUES.items())
# result metric id -> the count it belongs to ("lawsuits_upheld" -> "lawsuits")
_RESULT_BASE = {pattern.format(kind): base for base, pattern in RESULT_METRICS.items() for kind in RESULT_CUES}
_FALLBACK_METRIC_PATTERNS = tuple((cue_pattern([cue]), metric) for cue, metric in FALLBACK_METRIC_CUES)
_TOPIC_PATTERNS = tuple((cue_pattern([stem]), words) for stem, words in EN_TOPIC_TERMS)
_ZH_TOPIC_PATTERNS = tuple((cue_pattern([cue]), words) for cue, words in ZH_TOPIC_TERMS)
_REQUEST_TOPIC_PATTERNS = tuple(re.compile(pattern, re.IGNORECASE) for pattern in REQUEST_TOPICS)


def metrics(text: str, catalogue: Catalogue) -> tuple[str, ...]:
    """Catalogue metrics, the most specific first: parts before the totals they belong to."""
    found = list(catalogue.find_in_question(text))
    lowered = text.lower()
    if language(text) == "en" and not _REQUEST_PATTERN.search(lowered):
        # "disclose through other forms": no request is spoken of, so no request's outcome is meant
        found = [m for m in found if m not in catalogue.metrics or catalogue.metrics[m].group != "outcomes"]
    if not found:
        found = [metric for pattern, metric in _FALLBACK_METRIC_PATTERNS if pattern.search(lowered) and metric in catalogue][:1]
    if found and found[0] in PERSON_METRICS and _PERSON_PATTERN.search(lowered):
        person = PERSON_METRICS[found[0]]
        found = [person] + [m for m in found if m != person]
    ancestors = {a for m in found for a in _ancestors(catalogue, m)}
    specific = [m for m in found if m not in ancestors and m not in GENERIC_METRICS]
    wider = [m for m in found if m in ancestors and m not in GENERIC_METRICS]
    generic = [m for m in found if m in GENERIC_METRICS]
    return tuple(dict.fromkeys(specific + wider + generic))


def asks_requests_on_a_topic(text: str, catalogue: Catalogue) -> bool:
    """Whether a question asks the requests about a subject that no figure of the request table
    names ("how many requests were about planning permits", 涉及规划许可的申请): then no metric
    answers it, only a figure the report labels with the subject."""
    for pattern in _REQUEST_TOPIC_PATTERNS:
        found = pattern.search(text)
        if found is None or not found.group("topic").strip():
            continue
        named = catalogue.find_in_question(found.group(0))  # 信访举报投诉类申请: a row of 不予处理
        return not any(m in catalogue.metrics and catalogue.metrics[m].group in REQUEST_TOPIC_GROUPS for m in named)
    return False


def refine_result(metrics: tuple[str, ...], lowered: str, catalogue: Catalogue) -> tuple[str, ...]:
    """"行政诉讼中被依法纠错的" asks for lawsuits_corrected, "how many of them were upheld" after a
    lawsuit question for lawsuits_upheld: the first metric, if a count with results, becomes the
    result a cue names."""
    if not metrics:
        return metrics
    base = _RESULT_BASE.get(metrics[0], metrics[0])
    if base not in RESULT_METRICS:
        return metrics
    kind = next((kind for kind, pattern in _RESULT_PATTERNS if pattern.search(lowered)), None)
    refined = RESULT_METRICS[base].format(kind) if kind else None
    if refined is None or refined not in catalogue or refined == metrics[0]:
        return metrics
    return (refined, *(m for m in metrics if m != refined))


def refine_column(metrics: tuple[str, ...], lowered: str, catalogue: Catalogue) -> tuple[str, ...]:
    """"规范性文件现行有效多少件" / "normative documents … currently in force": the first metric, a
    row of section 二, becomes the metric of the column a cue names, when its group has one. A
    column no metric of the group reads leaves the metrics as they are."""
    if not metrics:
        return metrics
    for column, pattern in _TABLE_COLUMN_PATTERNS:
        if not pattern.search(lowered):
            continue
        sibling = catalogue.column_sibling(metrics[0], column)
        if sibling is not None and sibling != metrics[0]:
            return (sibling, *(m for m in metrics if m != sibling))
        if sibling is not None:
            return metrics
    return metrics


def _ancestors(catalogue: Catalogue, metric_id: str) -> list[str]:
    out: list[str] = []
    parent = catalogue.metrics[metric_id].parent if metric_id in catalogue else None
    while parent is not None and parent not in out:
        out.append(parent)
        parent = catalogue.metrics[parent].parent if parent in catalogue else None
    return out


def column_of(lowered: str) -> str | None:
    """The applicant column of the national table a question names (自然人 …), most specific first."""
    return next((column for column, p in _COLUMN_PATTERNS if p.search(lowered)), None)


def topic_terms(lowered: str, *, zh: bool = False) -> tuple[str, ...]:
    """Chinese words the reports use for the question's topic, for keyword search and quoting."""
    terms: list[str] = []
    for pattern, words in _ZH_TOPIC_PATTERNS if zh else _TOPIC_PATTERNS:
        if pattern.search(lowered):
            terms += words
    return tuple(dict.fromkeys(terms))
