"""The answering vocabulary, loaded once from ``assistant/data/answer_vocabulary.yaml`` and checked.

The YAML file holds the words and patterns (see the comment at its top); this module holds the
schema and compiles the patterns. Any problem raises ``VocabularyError`` naming the file and the
key at fault, at load time rather than on the first question that needs the pattern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from assistant.errors import AssistantError

__all__ = ["Vocabulary", "VocabularyError", "load_vocabulary", "vocabulary"]

_DEFAULT_RESOURCE = "data/answer_vocabulary.yaml"
_PATTERNS = (
    "named_applicant", "asks_difference", "asks_which", "plans", "asks_figure", "all_on_time", "area_code", "digit_dash",
    "asks_share", "asks_change", "states_change", "asks_before", "asks_after", "asks_period_end", "asks_period_start",
)
_CONTACT_KINDS = ("fax", "phone", "postcode", "email", "address")
_TOP_KEYS = ("columns", "question_words", "patterns", "contact_patterns", "section_topics", "written_forms", "written_things")


class VocabularyError(AssistantError):
    """The answering vocabulary file is unreadable or breaks its schema; the message names the key."""


@dataclass(frozen=True)
class Vocabulary:
    """Words and compiled patterns the answer kinds share."""

    whole_columns: tuple[str | None, ...]  # columns that hold a row's whole figure
    legal_entity_columns: tuple[str, ...]  # the parts of 法人或其他组织
    question_words: frozenset[str]  # words that say nothing about where an answer stands
    named_applicant: re.Pattern[str]
    asks_difference: re.Pattern[str]
    asks_which: re.Pattern[str]
    plans: re.Pattern[str]
    asks_figure: re.Pattern[str]
    all_on_time: re.Pattern[str]
    area_code: re.Pattern[str]
    digit_dash: re.Pattern[str]
    asks_share: re.Pattern[str]
    asks_change: re.Pattern[str]
    states_change: re.Pattern[str]
    asks_before: re.Pattern[str]
    asks_after: re.Pattern[str]
    asks_period_end: re.Pattern[str]
    asks_period_start: re.Pattern[str]
    contact_patterns: dict[str, re.Pattern[str]]  # group 1 holds the value
    section_topics: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]  # (asked, heading)
    written_forms: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = ()  # (asked, form)
    written_things: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = ()  # (English words, report words)

    def section_topic(self, question: str) -> re.Pattern[str] | None:
        """The heading pattern of the section that answers a narrative question, if any."""
        return next((heading for asked, heading in self.section_topics if asked.search(question)), None)

    def written_form(self, question: str) -> re.Pattern[str] | None:
        """The pattern of what a written-form question asks for (a 文号, a period, a quoted name)."""
        return next((form for asked, form in self.written_forms if asked.search(question)), None)

    def things_named(self, question: str) -> tuple[str, ...]:
        """The report words of every thing the question names (微信公众号 for "WeChat account")."""
        lowered = question.lower()
        words: list[str] = []
        for english, chinese in self.written_things:
            if english.search(lowered) or any(word in question for word in chinese):
                words += [word for word in chinese if word not in words]
        return tuple(words)


@cache
def vocabulary() -> Vocabulary:
    """The packaged vocabulary, read and checked once."""
    resource = resources.files("assistant").joinpath(_DEFAULT_RESOURCE)
    source = f"assistant/{_DEFAULT_RESOURCE}"
    try:
        text = resource.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise VocabularyError(f"{source}: cannot read the answering vocabulary: {error}") from error
    return parse_vocabulary(text, source)


def load_vocabulary(path: str | Path) -> Vocabulary:
    """A vocabulary from another file (tests, experiments); not cached."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise VocabularyError(f"{path}: cannot read the answering vocabulary: {error}") from error
    return parse_vocabulary(text, str(path))


def parse_vocabulary(text: str, source: str) -> Vocabulary:
    """Parse and check a vocabulary; ``source`` names the file in every error."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise VocabularyError(f"{source}: not valid YAML: {error}") from error
    top = _mapping(data, source, "", _TOP_KEYS)
    columns = _mapping(top["columns"], source, "columns", ("whole", "legal_entity"))
    patterns = _mapping(top["patterns"], source, "patterns", _PATTERNS)
    contacts = _mapping(top["contact_patterns"], source, "contact_patterns", _CONTACT_KINDS)
    topics = top["section_topics"]
    if not isinstance(topics, list) or not topics:
        raise VocabularyError(f"{source}: section_topics: expected a non-empty list of {{asked, heading}}")
    forms = top["written_forms"]
    if not isinstance(forms, list) or not forms:
        raise VocabularyError(f"{source}: written_forms: expected a non-empty list of {{asked, form}}")
    things = top["written_things"]
    if not isinstance(things, list) or not things:
        raise VocabularyError(f"{source}: written_things: expected a non-empty list of {{en, zh}}")
    return Vocabulary(
        whole_columns=_words(columns["whole"], source, "columns.whole", nullable=True),
        legal_entity_columns=_words(columns["legal_entity"], source, "columns.legal_entity"),
        question_words=frozenset(_words(top["question_words"], source, "question_words")),
        **{name: _compile(patterns[name], source, f"patterns.{name}") for name in _PATTERNS},
        contact_patterns={kind: _compile(contacts[kind], source, f"contact_patterns.{kind}", groups=1) for kind in _CONTACT_KINDS},
        section_topics=tuple(
            (
                _compile(entry["asked"], source, f"section_topics[{i}].asked", flags=re.I),
                _compile(entry["heading"], source, f"section_topics[{i}].heading"),
            )
            for i, entry in enumerate(_mapping(e, source, f"section_topics[{i}]", ("asked", "heading")) for i, e in enumerate(topics))
        ),
        written_forms=tuple(
            (
                _compile(entry["asked"], source, f"written_forms[{i}].asked", flags=re.I),
                _compile(entry["form"], source, f"written_forms[{i}].form", groups=1),
            )
            for i, entry in enumerate(_mapping(e, source, f"written_forms[{i}]", ("asked", "form")) for i, e in enumerate(forms))
        ),
        written_things=tuple(
            (
                _compile(r"\b(?:" + "|".join(_words(entry["en"], source, f"written_things[{i}].en")) + ")", source, f"written_things[{i}].en"),
                _words(entry["zh"], source, f"written_things[{i}].zh"),
            )
            for i, entry in enumerate(_mapping(e, source, f"written_things[{i}]", ("en", "zh")) for i, e in enumerate(things))
        ),
    )


def _mapping(data: Any, source: str, where: str, keys: tuple[str, ...]) -> dict:
    """``data`` as a mapping with exactly ``keys``."""
    label = f"{source}: {where}" if where else source
    if not isinstance(data, dict):
        raise VocabularyError(f"{label}: expected a mapping with {', '.join(keys)}, got {type(data).__name__}")
    unknown = sorted(str(k) for k in data if k not in keys)
    if unknown:
        raise VocabularyError(f"{label}: unknown key(s) {', '.join(unknown)}")
    missing = [k for k in keys if k not in data]
    if missing:
        raise VocabularyError(f"{label}: missing key(s) {', '.join(missing)}")
    return data


def _words(data: Any, source: str, where: str, *, nullable: bool = False) -> tuple:
    """A non-empty list of non-empty strings (and null where ``nullable``).

    A bare yes/no/on in YAML is a boolean, not a word: it is rejected here, not silently kept.
    """
    if not isinstance(data, list) or not data:
        raise VocabularyError(f"{source}: {where}: expected a non-empty list of quoted words")
    for word in data:
        if not (isinstance(word, str) and word) and not (nullable and word is None):
            raise VocabularyError(f"{source}: {where}: {word!r} is not a non-empty string (quote it)")
    return tuple(data)


def _compile(pattern: Any, source: str, where: str, *, flags: int = 0, groups: int = 0) -> re.Pattern[str]:
    """A compiled regex; ``groups`` is the least number of groups the code reads from it."""
    if not isinstance(pattern, str) or not pattern:
        raise VocabularyError(f"{source}: {where}: holds {pattern!r}, expected a non-empty regex string in single quotes")
    try:
        compiled = re.compile(pattern, flags)
    except re.error as error:
        raise VocabularyError(f"{source}: {where}: bad regex {pattern!r}: {error}") from error
    if compiled.groups < groups:
        raise VocabularyError(f"{source}: {where}: the pattern needs a group holding the value")
    return compiled
