"""The vocabulary of questions, loaded from ``assistant/data/question_cues.yaml``, and how a list of
cues becomes one pattern.

A cue is a regular-expression fragment matched case-insensitively; one that starts with a Latin
letter or digit only matches at the start of a word ("rank" finds "ranking", never "frank").
The file is read and checked once (``load_cues``): an unknown or missing key, a value of the
wrong shape, a cue that does not compile or an intent condition that does not exist raises
``DataFileError`` naming the file and the key. Every list keeps its order (intent rules are
first-match). The module-level tables below hold the packaged file's values, as the code that
matches them reads them. ``load_departments`` does the same for ``assistant/data/departments.yaml``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from assistant.errors import DataFileError

__all__ = ["CONDITIONS", "Cues", "cue_pattern", "load_cues", "load_departments"]

# The intent conditions a rule may name; assistant/understanding/intent.py defines each.
CONDITIONS = frozenset({"always", "several", "no_body", "two", "each", "splits", "not_a_figure", "not_counted", "a_form"})


@dataclass(frozen=True)
class Cues:
    """Every cue table of the question vocabulary, in the shapes the matching code reads."""

    intent_rules: tuple[tuple[str, str, tuple[str, ...]], ...]  # (intent, condition, cues), first match wins
    breakdown_cues: dict[str, tuple[str, ...]]
    breakdown_metrics: dict[str, tuple[str, ...]]
    contact_cues: dict[str, tuple[str, ...]]
    name_cues: tuple[str, ...]
    all_years_cues: tuple[str, ...]
    follow_up_cues: tuple[str, ...]
    across_bodies_cues: tuple[str, ...]
    person_cues: tuple[str, ...]
    person_metrics: dict[str, str]
    result_cues: dict[str, tuple[str, ...]]
    result_metrics: dict[str, str]
    generic_metrics: tuple[str, ...]
    fallback_metric_cues: tuple[tuple[str, str], ...]
    column_cues: tuple[tuple[str, tuple[str, ...]], ...]
    table_column_cues: tuple[tuple[str, tuple[str, ...]], ...]
    en_topic_terms: tuple[tuple[str, tuple[str, ...]], ...]
    zh_topic_terms: tuple[tuple[str, tuple[str, ...]], ...]
    not_a_count_cues: tuple[str, ...]
    counted_cues: tuple[str, ...]
    request_words: tuple[str, ...]
    request_topics: tuple[str, ...]  # patterns with a group "topic": what requests were about
    request_topic_groups: tuple[str, ...]  # metric groups a topic may name and still be a request's figure
    places: dict[str, tuple[str, ...]]  # literal words, not patterns
    zone_forms: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (written as, other forms)
    landform_names: tuple[tuple[str, str], ...] = ()  # (Chinese landform, its English word)
    english_names: tuple[tuple[str, str], ...] = ()  # (Chinese place name, its English name when not its pinyin)


_PLACE_KEYS = (
    "zh_levels", "zh_department_endings", "connectives", "not_a_place_start", "not_in_a_place_name",
    "en_levels", "en_department_endings", "not_an_en_place", "zh_region_levels", "en_region_levels", "ethnic_groups", "kinds_of_places",
)
_CUE_RESOURCE = "data/question_cues.yaml"
_DEPARTMENTS_RESOURCE = "data/departments.yaml"


def load_cues(path: str | Path | None = None) -> Cues:
    """The cues of ``path``, or the packaged ones (read and checked once)."""
    if path is None:
        return _packaged_cues()
    path = Path(path)
    return _parse_cues(_read(path.read_text, str(path)), str(path))


@functools.cache
def _packaged_cues() -> Cues:
    resource = resources.files("assistant").joinpath(_CUE_RESOURCE)
    return _parse_cues(_read(resource.read_text, f"assistant/{_CUE_RESOURCE}"), f"assistant/{_CUE_RESOURCE}")


def _read(read_text: Any, source: str) -> Any:
    try:
        return yaml.safe_load(read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(source, "", f"cannot read: {error}") from error
    except yaml.YAMLError as error:
        raise DataFileError(source, "", f"not valid YAML: {error}") from error


def _parse_cues(data: Any, source: str) -> Cues:
    check = _Checker(source)
    data = check.mapping(data, "", required=[field for field in Cues.__dataclass_fields__])
    rules = []
    for index, rule in enumerate(check.items(data["intent_rules"], "intent_rules")):
        key = f"intent_rules[{index}]"
        rule = check.mapping(rule, key, required=["intent", "when", "cues"])
        condition = check.word(rule["when"], f"{key}.when")
        if condition not in CONDITIONS:
            raise DataFileError(source, f"{key}.when", f"unknown condition {condition!r} (one of {', '.join(sorted(CONDITIONS))})")
        rules.append((check.word(rule["intent"], f"{key}.intent"), condition, check.cues(rule["cues"], f"{key}.cues", empty=True)))
    metric_lists = check.mapping(data["breakdown_metrics"], "breakdown_metrics")
    places = check.mapping(data["places"], "places", required=list(_PLACE_KEYS))
    return Cues(
        intent_rules=tuple(rules),
        breakdown_cues=check.kinds(data["breakdown_cues"], "breakdown_cues", "kind"),
        breakdown_metrics={k: check.words(v, f"breakdown_metrics.{k}", empty=True) for k, v in metric_lists.items()},
        contact_cues=check.kinds(data["contact_cues"], "contact_cues", "kind"),
        name_cues=check.cues(data["name_cues"], "name_cues"),
        all_years_cues=check.cues(data["all_years_cues"], "all_years_cues"),
        follow_up_cues=check.cues(data["follow_up_cues"], "follow_up_cues"),
        across_bodies_cues=check.cues(data["across_bodies_cues"], "across_bodies_cues"),
        person_cues=check.cues(data["person_cues"], "person_cues"),
        person_metrics=check.word_map(data["person_metrics"], "person_metrics"),
        result_cues=check.kinds(data["result_cues"], "result_cues", "kind"),
        result_metrics=check.word_map(data["result_metrics"], "result_metrics", template=True),
        generic_metrics=check.words(data["generic_metrics"], "generic_metrics"),
        fallback_metric_cues=tuple(check.pairs(data["fallback_metric_cues"], "fallback_metric_cues", "metric")),
        column_cues=tuple(check.kinds(data["column_cues"], "column_cues", "column").items()),
        table_column_cues=tuple(check.kinds(data["table_column_cues"], "table_column_cues", "column").items()),
        en_topic_terms=tuple(check.pairs(data["en_topic_terms"], "en_topic_terms", "words")),
        zh_topic_terms=tuple(check.pairs(data["zh_topic_terms"], "zh_topic_terms", "words")),
        not_a_count_cues=check.cues(data["not_a_count_cues"], "not_a_count_cues"),
        counted_cues=check.cues(data["counted_cues"], "counted_cues"),
        request_words=check.cues(data["request_words"], "request_words"),
        request_topics=check.topic_patterns(data["request_topics"], "request_topics"),
        request_topic_groups=check.words(data["request_topic_groups"], "request_topic_groups"),
        places={key: check.words(places[key], f"places.{key}") for key in _PLACE_KEYS},
        landform_names=tuple(
            (check.word(item["zh"], f"landform_names[{i}].zh"), check.word(item["en"], f"landform_names[{i}].en"))
            for i, item in enumerate(check.mapping(x, f"landform_names[{j}]", required=["zh", "en"]) for j, x in enumerate(check.items(data["landform_names"], "landform_names")))
        ),
        english_names=tuple(
            (check.word(item["zh"], f"english_names[{i}].zh"), check.word(item["en"], f"english_names[{i}].en"))
            for i, item in enumerate(check.mapping(x, f"english_names[{j}]", required=["zh", "en"]) for j, x in enumerate(check.items(data["english_names"], "english_names")))
        ),
        zone_forms=tuple(
            (check.word(item["as"], f"zone_forms[{i}].as"), check.words(item["forms"], f"zone_forms[{i}].forms"))
            for i, item in enumerate(check.mapping(z, f"zone_forms[{j}]", required=["as", "forms"]) for j, z in enumerate(check.items(data["zone_forms"], "zone_forms")))
        ),
    )


class _Checker:
    """Shape checks of one data file; each failure raises DataFileError naming the file and key."""

    def __init__(self, source: str):
        self.source = source

    def fail(self, key: str, reason: str) -> DataFileError:
        return DataFileError(self.source, key, reason)

    def mapping(self, value: Any, key: str, required: list[str] | None = None) -> dict:
        if not isinstance(value, dict):
            raise self.fail(key, f"expected a mapping, got {type(value).__name__}")
        if required is not None:
            unknown = sorted(set(map(str, value)) - set(required))
            missing = [k for k in required if k not in value]
            if unknown:
                raise self.fail(key, f"unknown key(s) {', '.join(unknown)}")
            if missing:
                raise self.fail(key, f"missing key(s) {', '.join(missing)}")
        return value

    def items(self, value: Any, key: str) -> list:
        if not isinstance(value, list) or not value:
            raise self.fail(key, f"expected a non-empty list, got {type(value).__name__}")
        return value

    def word(self, value: Any, key: str) -> str:
        # a bare yes / no / on in YAML is a boolean, a bare 2018 a number: both fail here
        if not isinstance(value, str) or not value:
            raise self.fail(key, f"expected a non-empty string, got {value!r} (quote it: '...')")
        return value

    def words(self, value: Any, key: str, *, empty: bool = False) -> tuple[str, ...]:
        if not isinstance(value, list) or (not value and not empty):
            raise self.fail(key, f"expected a {'' if empty else 'non-empty '}list, got {type(value).__name__}")
        return tuple(self.word(item, f"{key}[{index}]") for index, item in enumerate(value))

    def cues(self, value: Any, key: str, *, empty: bool = False) -> tuple[str, ...]:
        cues = self.words(value, key, empty=empty)
        for index, cue in enumerate(cues):
            try:
                re.compile(cue)
            except re.error as error:
                raise self.fail(f"{key}[{index}]", f"cue {cue!r} is no regular expression: {error}") from error
        return cues

    def topic_patterns(self, value: Any, key: str) -> tuple[str, ...]:
        patterns = self.cues(value, key)
        for index, pattern in enumerate(patterns):
            if "topic" not in re.compile(pattern).groupindex:
                raise self.fail(f"{key}[{index}]", f"pattern {pattern!r} has no group named 'topic'")
        return patterns

    def word_map(self, value: Any, key: str, *, template: bool = False) -> dict[str, str]:
        out = {self.word(k, key): self.word(v, f"{key}.{k}") for k, v in self.mapping(value, key).items()}
        for k, v in out.items():
            if template and v.count("{}") != 1:
                raise self.fail(f"{key}.{k}", f"expected one '{{}}' for the kind, got {v!r}")
        return out

    def kinds(self, value: Any, key: str, name: str) -> dict[str, tuple[str, ...]]:
        """A list of {<name>: ..., cues: [...]}, in order, as a mapping name -> cues."""
        out: dict[str, tuple[str, ...]] = {}
        for index, item in enumerate(self.items(value, key)):
            item = self.mapping(item, f"{key}[{index}]", required=[name, "cues"])
            kind = self.word(item[name], f"{key}[{index}].{name}")
            if kind in out:
                raise self.fail(f"{key}[{index}].{name}", f"{kind!r} twice")
            out[kind] = self.cues(item["cues"], f"{key}[{index}].cues")
        return out

    def pairs(self, value: Any, key: str, second: str) -> list[tuple[str, Any]]:
        """A list of {cue: ..., <second>: a word or a list of words}, as (cue, second) pairs."""
        out: list[tuple[str, Any]] = []
        for index, item in enumerate(self.items(value, key)):
            where = f"{key}[{index}]"
            item = self.mapping(item, where, required=["cue", second])
            (cue,) = self.cues([item["cue"]], f"{where}.cue")
            other = item[second]
            out.append((cue, self.words(other, f"{where}.{second}") if isinstance(other, list) else self.word(other, f"{where}.{second}")))
        return out


@functools.cache
def load_departments() -> tuple[dict, ...]:
    """The department endings of ``assistant/data/departments.yaml``, checked, longest first.

    Each entry: ``zh`` (the Chinese ending), ``en`` (its English renderings, a non-empty list) and
    optionally ``short`` (Chinese short forms). ``assistant/ingest/metadata.departments`` still
    reads the file by itself (ingest is changed elsewhere); both give the same entries.
    """
    source = f"assistant/{_DEPARTMENTS_RESOURCE}"
    entries = _read(resources.files("assistant").joinpath(_DEPARTMENTS_RESOURCE).read_text, source)
    return _check_departments(entries, source)


_FIGURE_WORDS_RESOURCE = "data/figure_words.yaml"


@functools.lru_cache(maxsize=1)
def load_figure_words() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """(English words, Chinese words) pairs of ``assistant/data/figure_words.yaml``, checked: the
    words an English question uses for a figure and those a report labels it with."""
    source = f"assistant/{_FIGURE_WORDS_RESOURCE}"
    data = _read(resources.files("assistant").joinpath(_FIGURE_WORDS_RESOURCE).read_text, source)
    check = _Checker(source)
    pairs = []
    for index, entry in enumerate(check.items(check.mapping(data, "", required=["words"])["words"], "words")):
        entry = check.mapping(entry, f"words[{index}]", required=["en", "zh"])
        english = tuple(w.lower() for w in check.words(entry["en"], f"words[{index}].en"))
        chinese = check.words(entry["zh"], f"words[{index}].zh")
        short = [w for w in chinese if len(w) < 2]
        if short:
            raise check.fail(f"words[{index}].zh", f"Chinese words need two characters: {short}")
        pairs.append((english, chinese))
    return tuple(pairs)


def _check_departments(entries: Any, source: str) -> tuple[dict, ...]:
    check = _Checker(source)
    for index, entry in enumerate(check.items(entries, "")):
        key = f"[{index}]"
        entry = check.mapping(entry, key)
        unknown = sorted(set(map(str, entry)) - {"zh", "en", "short", "zone", "named_alone"})
        if unknown:
            raise check.fail(key, f"unknown key(s) {', '.join(unknown)}")
        zh = check.word(entry.get("zh"), f"{key}.zh")
        check.words(entry.get("en"), f"{zh}.en")
        if "short" in entry:
            check.words(entry["short"], f"{zh}.short")
        for flag in ("zone", "named_alone"):
            if not isinstance(entry.get(flag, False), bool):
                raise check.fail(f"{zh}.{flag}", "must be true or false")
    return tuple(sorted(entries, key=lambda e: -len(e["zh"])))


def cue_pattern(cues: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive alternation; Latin cues only match at the start of a word."""
    parts = []
    for cue in cues:
        first = cue.lstrip("^(\\")[:1]
        latin = first.isascii() and first.isalnum() and not cue.startswith("^")
        parts.append(rf"(?<![a-z0-9])(?:{cue})" if latin else f"(?:{cue})")
    return re.compile("|".join(parts) or r"(?!)", re.IGNORECASE)


# ---------------------------------------------------------------------------------------------
# The packaged vocabulary, as the matching code reads it (see question_cues.yaml for each table)

_CUES = load_cues()
INTENT_RULES = _CUES.intent_rules
BREAKDOWN_CUES = _CUES.breakdown_cues
BREAKDOWN_METRICS = _CUES.breakdown_metrics
# A bare 分别 / respectively breaks down the metric it stands with, if that metric has parts.
BREAKDOWN_OF_METRIC: dict[str, str] = {
    metric: kind for kind, metrics in BREAKDOWN_METRICS.items() for metric in metrics
}
CONTACT_CUES = _CUES.contact_cues
NAME_CUES = _CUES.name_cues
ALL_YEARS_CUES = _CUES.all_years_cues
FOLLOW_UP_CUES = _CUES.follow_up_cues
ACROSS_BODIES_CUES = _CUES.across_bodies_cues
PERSON_CUES = _CUES.person_cues
PERSON_METRICS = _CUES.person_metrics
RESULT_CUES = _CUES.result_cues
RESULT_METRICS = _CUES.result_metrics
GENERIC_METRICS = _CUES.generic_metrics
FALLBACK_METRIC_CUES = _CUES.fallback_metric_cues
COLUMN_CUES = _CUES.column_cues
TABLE_COLUMN_CUES = _CUES.table_column_cues
EN_TOPIC_TERMS = _CUES.en_topic_terms
ZH_TOPIC_TERMS = _CUES.zh_topic_terms
NOT_A_COUNT_CUES = _CUES.not_a_count_cues
COUNTED_CUES = _CUES.counted_cues
REQUEST_WORDS = _CUES.request_words
REQUEST_TOPICS = _CUES.request_topics
REQUEST_TOPIC_GROUPS = frozenset(_CUES.request_topic_groups)
PLACE_WORDS = _CUES.places
ZONE_FORMS = _CUES.zone_forms
LANDFORM_NAMES = _CUES.landform_names
ENGLISH_NAMES = dict(_CUES.english_names)
