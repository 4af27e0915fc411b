"""Intent: what kind of answer a question asks for, from the first intent rule that holds.

A rule (``INTENT_RULES``, in priority order) fires when one of its cues occurs in the question;
it holds when its named condition (``_CONDITIONS``) is true of the bodies, years and metrics
after a follow-up filled them in. A breakdown then says what it splits by, a contact request
what it asks for.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from assistant.understanding.cues import (
    BREAKDOWN_CUES,
    BREAKDOWN_METRICS,
    BREAKDOWN_OF_METRIC,
    CONDITIONS,
    CONTACT_CUES,
    COUNTED_CUES,
    GENERIC_METRICS,
    INTENT_RULES,
    NAME_CUES,
    NOT_A_COUNT_CUES,
    cue_pattern,
)

if TYPE_CHECKING:
    from assistant.understanding.clauses import Reading

__all__ = [
    "INTENTS", "asks_a_count", "asks_names", "asks_no_count", "breakdown_cued", "breakdown_kind", "breakdown_metrics", "contact_kind",
    "cued_rules", "holds", "intent_of", "rule_condition",
]

_INTENT_PATTERNS = tuple(
    (intent, condition, cue_pattern(cues or [c for kind in BREAKDOWN_CUES.values() for c in kind]))
    for intent, condition, cues in INTENT_RULES
)
_BREAKDOWN_PATTERNS = tuple((kind, cue_pattern(cues)) for kind, cues in BREAKDOWN_CUES.items())
_CONTACT_PATTERNS = tuple((kind, cue_pattern(cues)) for kind, cues in CONTACT_CUES.items())
_NAME_PATTERN = cue_pattern(NAME_CUES)
_LOOKUP_PATTERN = next(p for intent, _, p in _INTENT_PATTERNS if intent == "lookup")
_NOT_A_COUNT_PATTERN = cue_pattern(NOT_A_COUNT_CUES)
_COUNTED_PATTERN = cue_pattern(COUNTED_CUES)

_Condition = Callable[[Sequence[str], Sequence[int], Sequence[str], "Reading"], bool]
_CONDITIONS: dict[str, _Condition] = {
    "always": lambda bodies, years, metrics, reading: True,
    # several bodies or years, or none named (every stored body)
    "several": lambda bodies, years, metrics, reading: len(bodies) != 1 or len(years) > 1,
    "no_body": lambda bodies, years, metrics, reading: not reading.bodies,
    "two": lambda bodies, years, metrics, reading: len(bodies) >= 2 or len(years) >= 2,
    "each": lambda bodies, years, metrics, reading: (
        len(bodies) <= 1 and len(years) <= 1 and bool(metrics) and metrics[0] in BREAKDOWN_OF_METRIC
    ),
    "splits": lambda bodies, years, metrics, reading: _splits(metrics, reading),
    # "公众号叫什么": a name as written; "申请人叫什么名字" asks the applicants, "多少" a count
    "a_form": lambda bodies, years, metrics, reading: not (_NAME_PATTERN.search(reading.lowered) or _LOOKUP_PATTERN.search(reading.lowered)),
    # "培训了多少人" asks a figure even with 培训 / 如何 in it
    "not_a_figure": lambda bodies, years, metrics, reading: not (metrics and _LOOKUP_PATTERN.search(reading.lowered)),
    # "接听咨询电话多少次" counts calls; "电话是多少" asks the number to call
    "not_counted": lambda bodies, years, metrics, reading: not _COUNTED_PATTERN.search(reading.lowered),
}
assert set(_CONDITIONS) == CONDITIONS, "every condition the cue file may name is defined here"
_INTENTS = tuple(dict.fromkeys(intent for intent, _, _ in INTENT_RULES))
INTENTS = _INTENTS  # every intent a rule gives, in the order rules first name them
# The condition an inherited intent must still meet (its first rule's).
_INTENT_CONDITION = {intent: condition for intent, condition, _ in reversed(INTENT_RULES)}


def _splits(metrics: Sequence[str], reading: Reading) -> bool:
    """A breakdown cue asks for parts: its kind is one only a breakdown names (原因, 办理结果,
    申请人类型), or the question names no figure, a figure with parts, or asks a count. The words
    of channels (方式, 途径, 形式, 渠道) also say how something is done: "用什么方式维护网站栏目"
    asks a description, not the channels of a figure that has none."""
    if breakdown_kind(reading.cue_text, ()) != "channel" or not metrics:
        return True
    return any(metric in BREAKDOWN_OF_METRIC for metric in metrics) or asks_a_count(reading.lowered)


def cued_rules(lowered: str, cue_text: str | None = None) -> tuple[int, ...]:
    """Indexes of the intent rules whose cues occur in the (lower-cased) question. A breakdown
    cue counts only in ``cue_text`` (the question without the words of metrics that have no
    parts: 理由 in 无正当理由逾期不补正 asks for no reasons)."""
    cue_text = lowered if cue_text is None else cue_text
    return tuple(
        i
        for i, (intent, _, pattern) in enumerate(_INTENT_PATTERNS)
        if pattern.search(cue_text if intent == "breakdown" else lowered)
    )


def intent_of(reading: Reading, bodies: Sequence[str], years: Sequence[int], metrics: Sequence[str]) -> str | None:
    """The first cued intent rule whose condition holds, else None."""
    for index in reading.rules:
        intent, condition, _ = INTENT_RULES[index]
        if _CONDITIONS[condition](bodies, years, metrics, reading):
            return intent
    return None


def rule_condition(intent: str) -> str:
    """The condition an inherited ``intent`` must still meet: its first rule's."""
    return _INTENT_CONDITION.get(intent, "always")


def holds(condition: str, reading: Reading, bodies: Sequence[str], years: Sequence[int], metrics: Sequence[str]) -> bool:
    return _CONDITIONS[condition](bodies, years, metrics, reading)


def asks_a_count(lowered: str) -> bool:
    """多少 / how many: a lookup cue."""
    return bool(_LOOKUP_PATTERN.search(lowered))


def asks_no_count(lowered: str) -> bool:
    """哪个 / 什么 / who: an interrogative asking for a name or a description, not a count."""
    return bool(_NOT_A_COUNT_PATTERN.search(lowered))


def asks_names(lowered: str) -> bool:
    """谁申请 / who applied: the names of applicants, not their number."""
    return bool(_NAME_PATTERN.search(lowered))


def breakdown_cued(lowered: str) -> bool:
    """A word that asks for parts (办理结果, by channel, reasons …) occurs."""
    return any(pattern.search(lowered) for _, pattern in _BREAKDOWN_PATTERNS)


def breakdown_kind(lowered: str, metrics: Sequence[str]) -> str:
    """What a breakdown splits by: the kind its cues name, else the first metric's, else channel."""
    kind = next((kind for kind, pattern in _BREAKDOWN_PATTERNS if pattern.search(lowered)), None)
    return kind or (BREAKDOWN_OF_METRIC.get(metrics[0]) if metrics else None) or "channel"


def breakdown_metrics(kind: str, metrics: tuple[str, ...]) -> tuple[str, ...]:
    """The metric a breakdown splits goes first: the one named if it fits, else the kind's default."""
    accepted = BREAKDOWN_METRICS.get(kind, ())
    if not accepted:
        return metrics or ("requests_received",)
    fitting = [m for m in metrics if m in accepted]
    first = fitting[0] if fitting and not (fitting[0] in GENERIC_METRICS and kind != "channel") else accepted[0]
    return (first, *(m for m in metrics if m != first))


def contact_kind(lowered: str) -> str:
    """fax, phone, postcode, email or address: the one named first in the question; else any."""
    kinds = contact_kinds(lowered)
    return kinds[0][0] if kinds else "any"


def contact_kinds(lowered: str) -> list[tuple[str, str]]:
    """Every contact detail a question names, in the order named, with the words naming it
    ("电话和邮编" -> phone 电话, postcode 邮编); a kind listed first in the cues wins a tie
    (传真号 is the fax, not a phone)."""
    found: dict[str, tuple[int, int, str]] = {}
    for order, (kind, pattern) in enumerate(_CONTACT_PATTERNS):
        match = pattern.search(lowered)
        if match and not any(start <= match.start() and not lowered[end : match.start()].strip() for start, end, _ in found.values()):
            # inside another detail's words, or its head noun ("e-mail address", 邮箱地址): the same detail
            found[kind] = (match.start(), match.end(), match.group(0))
    return [(kind, words) for kind, (_, _, words) in sorted(found.items(), key=lambda item: item[1][0])]
