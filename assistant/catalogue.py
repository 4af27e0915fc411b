"""The canonical metric catalogue: table rows and sentences of every template, one set of metrics.

The metrics live as data in ``assistant/data/metrics.yaml`` (see the comment at its top for the
format). This module loads and checks that file once, precompiles its regexes, and answers four
questions:

- ``match_row(row_path, column, table)``: which metric a table cell counts (first match in YAML
  order wins, so specific entries stand before general ones);
- ``match_prose(phrase, unit)``: which metric a number stated in a sentence counts, from the
  phrase before the number and the number's unit;
- ``terms_zh()``: every Chinese name and synonym, for a jieba user dictionary;
- ``find_in_question(text)``: metrics named in a question, longest match first.

``normalise_label`` is the one label normalisation every parser and the matcher share.
Everything here is pure: the only I/O is reading the YAML file once.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from assistant.errors import AssistantError

__all__ = ["Catalogue", "CatalogueError", "Metric", "load_catalogue", "normalise_label"]


class CatalogueError(AssistantError):
    """The metric catalogue file is unreadable or inconsistent; the message names the entry."""


# ---------------------------------------------------------------------------------------------
# Label normalisation

_FULL_WIDTH = str.maketrans(
    {**{chr(0xFF10 + i): str(i) for i in range(10)}, **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
     **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)}}
)
_SPACE_RE = re.compile(r"[\s\u00a0\u3000\u200b\u2002\u2003\u2009\ufeff]+")
_CN_NUM = "一二三四五六七八九十百零〇"
# One numbering marker or 其中： at the start of a label: 一、 （一） (一) 1. 1、 1） (1) ① ⑴ ⒈ 其中：
_PREFIX_RE = re.compile(
    rf"^(?:[{_CN_NUM}]+[、.．]"
    rf"|[（(][{_CN_NUM}\d]+[）)]"
    r"|\d+(?:[.．、](?!\d)|[）)])"
    r"|[\u2460-\u2473\u2474-\u2487\u2488-\u249b]"
    r"|其中[:：]?)"
)
_PAREN_RE = re.compile(r"[（(][^（）()]*[）)]")
_OPEN_PAREN_TAIL_RE = re.compile(r"[（(][^（）()]*$")
_EDGE_PUNCT = "：:、，,。；;.．-—"


# What joins two things listed as one: 人大建议、政协提案; 新闻发布会和在线访谈.
# (the second thing's words may start before its rule's match: 新闻发布会和在线|访谈)
_JOINS_RE = re.compile(r"(?:[、和及与]|以及|、以及)[\u4e00-\u9fff]{0,3}")


def normalise_label(label: str) -> str:
    """A row or column label reduced for matching.

    Full-width digits and letters become ASCII, whitespace (NBSP, U+3000 included) goes,
    numbering prefixes (一、 （一） (一) 1. 1、 ①) and 其中： are stripped, parenthetical notes such
    as （不同渠道和方式公开相同信息计1条） are dropped (also one left open by a wrapped line).

    >>> normalise_label("  （一）主动公开政府信息数\\n（不同渠道和方式公开相同信息计1条）")
    '主动公开政府信息数'
    """
    text = _SPACE_RE.sub("", (label or "").translate(_FULL_WIDTH))
    text = _strip_prefixes(text)
    previous = None
    while previous != text:
        previous = text
        text = _PAREN_RE.sub("", text)
    text = _OPEN_PAREN_TAIL_RE.sub("", text)
    return _strip_prefixes(text).strip(_EDGE_PUNCT)


def _strip_prefixes(text: str) -> str:
    while True:
        stripped = _PREFIX_RE.sub("", text, count=1).lstrip(_EDGE_PUNCT)
        if stripped == text:
            return text
        text = stripped


# ---------------------------------------------------------------------------------------------
# Records


@dataclass(frozen=True)
class Metric:
    """One canonical metric: what a figure counts, whatever template or sentence it came from."""

    id: str
    zh: str
    en: str
    unit: str | None
    group: str | None
    parent: str | None
    synonyms_zh: tuple[str, ...]
    synonyms_en: tuple[str, ...]
    sum_of: tuple[str, ...] = ()  # metrics that add up to this one where no single cell holds it
    note: str | None = None


@dataclass(frozen=True)
class _RowRule:
    metric: str
    path: tuple[re.Pattern[str], ...]  # the last one matches the leaf label
    column: re.Pattern[str] | None
    table: re.Pattern[str] | None


@dataclass(frozen=True)
class _ProseRule:
    metric: str
    patterns: tuple[re.Pattern[str], ...]
    units: frozenset[str]


_ALLOWED_KEYS = frozenset(
    {
        "id", "zh", "en", "unit", "group", "parent", "sum_of", "synonyms_zh", "synonyms_en",
        "rows", "columns", "tables", "prose", "prose_units", "prose_also", "note",
    }
)
_REQUIRED_KEYS = ("id", "zh", "en")
_ROW_RULE_KEYS = frozenset({"path", "column", "table"})
_ID_RE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
_COLUMN_PATH_SPLIT = re.compile(r"\s*[›»>|｜]\s*")
# A figure earlier in the same clause: 其中当面申请3件、网络申请 -> only 网络申请 names the next one.
_EARLIER_FIGURE_RE = re.compile(
    r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千零〇]+)(?:万元|人次|件|条|次|人|个|篇|项|期|场|份|家|元|名|起|宗)"
)


# ---------------------------------------------------------------------------------------------
# The catalogue


class Catalogue:
    """Metrics in priority order, with their compiled row and prose rules."""

    def __init__(self, metrics: Sequence[Metric], row_rules: Sequence[_RowRule], prose_rules: Sequence[_ProseRule]):
        self.metrics: dict[str, Metric] = {m.id: m for m in metrics}
        self._row_rules = tuple(row_rules)
        self._prose_rules = tuple(prose_rules)
        self._row_cache: dict[tuple, str | None] = {}
        self._question_terms = _question_terms(metrics)

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def from_yaml(cls, text: str, source: str = "<string>") -> "Catalogue":
        """Parse and check a catalogue; any problem raises CatalogueError naming the entry."""
        try:
            entries = yaml.safe_load(text)
        except yaml.YAMLError as error:
            raise CatalogueError(f"{source}: not valid YAML: {error}") from error
        if not isinstance(entries, list) or not entries:
            raise CatalogueError(f"{source}: expected a non-empty list of metric entries")
        return cls.from_entries(entries, source)

    @classmethod
    def from_entries(cls, entries: Iterable[Any], source: str = "<entries>") -> "Catalogue":
        metrics: list[Metric] = []
        row_rules: list[_RowRule] = []
        prose_rules: list[_ProseRule] = []
        seen: set[str] = set()
        for index, entry in enumerate(entries):
            where = f"{source}: entry {index + 1}"
            if not isinstance(entry, dict):
                raise CatalogueError(f"{where}: expected a mapping, got {type(entry).__name__}")
            if isinstance(entry.get("id"), str):
                where = f"{source}: metric {entry['id']!r}"
            unknown = sorted(set(map(str, entry)) - _ALLOWED_KEYS)
            if unknown:
                raise CatalogueError(f"{where}: unknown key(s) {', '.join(unknown)}")
            for key in _REQUIRED_KEYS:
                if not isinstance(entry.get(key), str) or not entry[key].strip():
                    raise CatalogueError(f"{where}: '{key}' must be a non-empty string")
            metric_id = entry["id"]
            if not _ID_RE.match(metric_id):
                raise CatalogueError(f"{where}: id must be English snake_case")
            if metric_id in seen:
                raise CatalogueError(f"{where}: duplicated id")
            seen.add(metric_id)
            metric = Metric(
                id=metric_id,
                zh=entry["zh"],
                en=entry["en"],
                unit=_optional_str(entry, "unit", where),
                group=_optional_str(entry, "group", where),
                parent=_optional_str(entry, "parent", where),
                synonyms_zh=_str_list(entry, "synonyms_zh", where),
                synonyms_en=_str_list(entry, "synonyms_en", where),
                sum_of=_str_list(entry, "sum_of", where),
                note=_optional_str(entry, "note", where),
            )
            metrics.append(metric)
            row_rules.extend(_row_rules(entry, metric_id, where))
            prose = _str_list(entry, "prose", where)
            if prose:
                prose_rules.append(
                    _ProseRule(
                        metric_id,
                        tuple(_compile(p, where, "prose") for p in prose),
                        frozenset(_str_list(entry, "prose_units", where)),
                    )
                )
            elif "prose_units" in entry and entry["prose_units"]:
                raise CatalogueError(f"{where}: 'prose_units' without 'prose'")
            prose_rules.extend(_prose_also(entry, metric_id, where))
        _check_references(metrics, source)
        _check_terms(metrics, source)
        return cls(metrics, row_rules, prose_rules)

    def units_of(self, metric: str) -> frozenset[str]:
        """The units a metric's figure is stated in: its own and those its sentences use (条, 件, 项)."""
        own = {self.metrics[metric].unit} if metric in self.metrics and self.metrics[metric].unit else set()
        return frozenset(own).union(*(rule.units for rule in self._prose_rules if rule.metric == metric))

    # -- matching -----------------------------------------------------------------------------

    def match_row(self, row_path: Sequence[str], column: str | None = None, table: str | None = None) -> str | None:
        """The first metric (in YAML order) whose row rule matches a table cell, else None.

        ``row_path`` holds the nested row labels as written, outermost first; ``column`` the
        column label (自然人, 总计, 统计数 ...) or None. A column written as a path
        (``行政复议 › 结果维持``) is also tried as row labels plus a leaf column.
        """
        key = (tuple(row_path), column, table)
        if key in self._row_cache:
            return self._row_cache[key]
        labels = [normalise_label(label) for label in row_path]
        norm_column = normalise_label(column) if column is not None else None
        norm_table = _SPACE_RE.sub("", table) if table is not None else None
        found = self._match_normalised(labels, norm_column, norm_table)
        if found is None and column and _COLUMN_PATH_SPLIT.search(column):
            parts = [normalise_label(p) for p in _COLUMN_PATH_SPLIT.split(column)]
            parts = [p for p in parts if p]
            if len(parts) > 1:
                found = self._match_normalised(labels + parts[:-1], parts[-1], norm_table)
        if len(self._row_cache) < 100_000:
            self._row_cache[key] = found
        return found

    def _match_normalised(self, labels: list[str], column: str | None, table: str | None) -> str | None:
        if not labels or not labels[-1]:
            return None
        leaf = labels[-1]
        ancestors = [label for label in labels[:-1] if label]
        for rule in self._row_rules:
            if rule.column is not None and (column is None or not rule.column.search(column)):
                continue
            if rule.table is not None and table is not None and not rule.table.search(table):
                continue
            if _path_matches(rule.path, ancestors, leaf):
                return rule.metric
        return None

    def match_prose(self, phrase: str, unit: str | None) -> str | None:
        """The metric a number in a sentence counts, from the phrase before it and its unit.

        Only the part of the phrase after an earlier figure counts
        (其中当面申请3件、网络申请 -> 网络申请). A rule with units needs the number's unit among them.
        """
        if unit in ("%", "％"):
            return None  # a share (解读率100%, 占比9%) is no metric's count
        text = _SPACE_RE.sub("", (phrase or "").translate(_FULL_WIDTH))
        earlier = list(_EARLIER_FIGURE_RE.finditer(text))
        if earlier:
            text = text[earlier[-1].end() :]
        text = text.strip(_EDGE_PUNCT + "“”\"")
        if not text:
            return None
        for rule in self._prose_rules:
            if rule.units and unit not in rule.units:
                continue
            if any(p.search(text) for p in rule.patterns):
                return self._whole_of_listed_parts(rule.metric, text, unit)
        return None

    def _whole_of_listed_parts(self, metric: str, text: str, unit: str | None) -> str:
        """``metric``, or its parent when ``metric`` is a channel (a group ``…_channels``) and the
        phrase names a second channel of the same whole: 通过门户网站、融媒、“宣威发布”微信公众号公开
        信息80余条 counts every channel together, the whole they are channels of."""
        listed = self._channels_named(metric, text, unit)
        if len(listed) > 1:
            return self.metrics[metric].parent  # type: ignore[return-value]
        return None if self._listed_with_a_sibling(metric, text, unit) else metric  # type: ignore[return-value]

    def _listed_with_a_sibling(self, metric: str, text: str, unit: str | None) -> bool:
        """Whether the phrase joins ``metric``'s words to another metric's of its group by 、 or 和
        (主办的人大建议、政协提案办理答复件全文公开18件): the figure counts both, neither metric alone."""
        own = self.metrics[metric]
        if not own.group or own.parent:
            return False
        mine = [m for rule in self._prose_rules if rule.metric == metric for p in rule.patterns for m in p.finditer(text)]
        for rule in self._prose_rules:
            other = self.metrics[rule.metric]
            if rule.metric == metric or other.group != own.group or other.parent or (rule.units and unit not in rule.units):
                continue
            for found in (m for p in rule.patterns for m in p.finditer(text)):
                if any(_JOINS_RE.fullmatch(text[a.end() : found.start()]) or _JOINS_RE.fullmatch(text[found.end() : a.start()]) for a in mine):
                    return True
        return False

    def states(self, metric: str, phrase: str, unit: str | None) -> bool:
        """Whether ``metric``'s own prose rule reads ``phrase`` (whatever rule comes first)."""
        text = _SPACE_RE.sub("", (phrase or "").translate(_FULL_WIDTH))
        return any(
            rule.metric == metric and (not rule.units or unit in rule.units) and any(p.search(text) for p in rule.patterns)
            for rule in self._prose_rules
        )

    def is_channel(self, metric: str) -> bool:
        """Whether ``metric`` counts what one channel published (政府网站, 政务微信 …)."""
        return metric in self.metrics and (self.metrics[metric].group or "").endswith("_channels")

    def channels_listed(self, phrase: str, unit: str | None) -> tuple[str, ...]:
        """The channels a figure's phrase names when it names several (门户网站、融媒、微信公众号: the
        website and WeChat metrics); () when it names one or none."""
        text = _SPACE_RE.sub("", (phrase or "").translate(_FULL_WIDTH))
        for rule in self._prose_rules:
            if (not rule.units or unit in rule.units) and any(p.search(text) for p in rule.patterns):
                listed = self._channels_named(rule.metric, text, unit)
                return listed if len(listed) > 1 else ()
        return ()

    def _channels_named(self, metric: str, text: str, unit: str | None) -> tuple[str, ...]:
        own = self.metrics[metric]
        if not own.parent or not self.is_channel(metric) or own.parent not in self.metrics:
            return (metric,)  # channels only: 予以公开和部分公开共10件 is two results, not their whole
        named = [metric]
        for rule in self._prose_rules:
            other = self.metrics[rule.metric]
            if rule.metric == metric or other.group != own.group or other.parent != own.parent or (rule.units and unit not in rule.units):
                continue
            if any(p.search(text) for p in rule.patterns):
                named.append(rule.metric)
        return tuple(named)

    # -- vocabulary ---------------------------------------------------------------------------

    def terms_zh(self) -> list[str]:
        """Every Chinese label and synonym, once each, in catalogue order (for jieba)."""
        terms: dict[str, None] = {}
        for metric in self.metrics.values():
            for term in (metric.zh, *metric.synonyms_zh):
                if term and not _SPACE_RE.search(term):
                    terms.setdefault(term, None)
        return list(terms)

    def find_in_question(self, text: str) -> list[str]:
        """Metric ids whose Chinese or English names occur in ``text``, longest match first.

        Each stretch of the question counts once: 当面申请 claims its characters, so the shorter
        申请 inside it adds nothing. English terms match whole words, case-insensitively, also
        with a plural -s/-es.
        """
        haystack = (text or "").translate(_FULL_WIDTH).lower()
        claimed = [False] * len(haystack)
        hits: list[tuple[int, int, str]] = []
        for length, pattern, metric_id in self._question_terms:
            for match in pattern.finditer(haystack):
                start, end = match.span()
                if any(claimed[start:end]):
                    continue
                claimed[start:end] = [True] * (end - start)
                hits.append((-(end - start), start, metric_id))
        ordered: dict[str, None] = {}
        for _, _, metric_id in sorted(hits):
            ordered.setdefault(metric_id, None)
        return list(ordered)

    def leaf_term_spans(self, text: str) -> list[tuple[int, int]]:
        """Where ``text`` names a metric that has no parts (无正当理由逾期不补正, "administrative
        reconsiderations with other results"): its words name that row, not what to do with it,
        so a cue word inside them (理由, results) is no cue."""
        return self.term_spans(text, self._leaves)

    @functools.cached_property
    def _leaves(self) -> frozenset[str]:
        parents = {m.parent for m in self.metrics.values() if m.parent}
        return frozenset(m for m in self.metrics if m not in parents)

    def term_spans(self, text: str, metric_ids: set[str] | frozenset[str]) -> list[tuple[int, int]]:
        """Where ``text`` names one of ``metric_ids`` by its name or a synonym."""
        haystack = text.translate(_FULL_WIDTH).lower()
        spans = []
        for _, pattern, metric_id in self._question_terms:
            if metric_id in metric_ids:
                spans += [match.span() for match in pattern.finditer(haystack)]
        return spans

    # -- structure ----------------------------------------------------------------------------

    def column_sibling(self, metric_id: str, column_label: str) -> str | None:
        """The metric of ``metric_id``'s table row under another column of section 二: 现行有效件数
        turns 行政规范性文件 (本年制发) into normative_documents_in_force. None when no metric of its
        group reads that column."""
        metric = self.metrics.get(metric_id)
        if metric is None or metric.group is None:
            return None
        label = normalise_label(column_label)
        for rule in self._row_rules:
            if rule.column is None or self.metrics[rule.metric].group != metric.group:
                continue
            if rule.column.search(label):
                return rule.metric
        return None

    def children(self, metric_id: str) -> list[str]:
        """Metrics whose parent is ``metric_id``, in catalogue order."""
        return [m.id for m in self.metrics.values() if m.parent == metric_id]

    def __contains__(self, metric_id: object) -> bool:
        return metric_id in self.metrics

    def __len__(self) -> int:
        return len(self.metrics)


# ---------------------------------------------------------------------------------------------
# Loading


_DEFAULT_RESOURCE = "data/metrics.yaml"


def load_catalogue(path: str | Path | None = None) -> Catalogue:
    """The catalogue from ``path``, or the packaged one (read once and cached)."""
    if path is None:
        return _default_catalogue()
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CatalogueError(f"{path}: cannot read the metric catalogue: {error}") from error
    return Catalogue.from_yaml(text, str(path))


@lru_cache(maxsize=1)
def _default_catalogue() -> Catalogue:
    resource = resources.files("assistant").joinpath(_DEFAULT_RESOURCE)
    try:
        text = resource.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CatalogueError(f"assistant/{_DEFAULT_RESOURCE}: cannot read the metric catalogue: {error}") from error
    return Catalogue.from_yaml(text, f"assistant/{_DEFAULT_RESOURCE}")


# ---------------------------------------------------------------------------------------------
# Helpers


def _path_matches(patterns: tuple[re.Pattern[str], ...], ancestors: list[str], leaf: str) -> bool:
    """The last pattern on the leaf; the others on ancestors, in order, gaps allowed."""
    if not patterns[-1].search(leaf):
        return False
    position = 0
    for pattern in patterns[:-1]:
        while position < len(ancestors) and not pattern.search(ancestors[position]):
            position += 1
        if position == len(ancestors):
            return False
        position += 1
    return True


def _compile(pattern: Any, where: str, key: str) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern:
        raise CatalogueError(f"{where}: '{key}' holds {pattern!r}, expected a non-empty regex string")
    try:
        return re.compile(pattern)
    except re.error as error:
        raise CatalogueError(f"{where}: bad regex in '{key}': {pattern!r}: {error}") from error


def _optional_str(entry: dict, key: str, where: str) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise CatalogueError(f"{where}: '{key}' must be a string or null")
    return value


def _prose_also(entry: dict, metric_id: str, where: str) -> list[_ProseRule]:
    """``prose_also``: sentence rules with units of their own (收到申请公开政府信息2条 counts
    requests in 条, where a bare 依申请公开…条 counts items)."""
    extra = entry.get("prose_also") or []
    if not isinstance(extra, list) or not all(isinstance(e, dict) and set(e) == {"pattern", "units"} for e in extra):
        raise CatalogueError(f"{where}: 'prose_also' must be a list of {{pattern, units}}")
    return [
        _ProseRule(metric_id, (_compile(e["pattern"], where, "prose_also"),), frozenset(_str_list(e, "units", where)))
        for e in extra
    ]


def _str_list(entry: dict, key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise CatalogueError(f"{where}: '{key}' must be a list of non-empty strings")
    return tuple(value)


def _row_rules(entry: dict, metric_id: str, where: str) -> list[_RowRule]:
    rows = entry.get("rows")
    if rows is None:
        if entry.get("columns") is not None or entry.get("tables") is not None:
            raise CatalogueError(f"{where}: 'columns'/'tables' without 'rows'")
        return []
    if not isinstance(rows, list):
        raise CatalogueError(f"{where}: 'rows' must be a list of rules")
    default_column = entry.get("columns")
    default_table = entry.get("tables")
    rules = []
    for rule in rows:
        column, table = default_column, default_table
        if isinstance(rule, dict):
            unknown = sorted(set(map(str, rule)) - _ROW_RULE_KEYS)
            if unknown:
                raise CatalogueError(f"{where}: unknown key(s) in a row rule: {', '.join(unknown)}")
            column = rule.get("column", column)
            table = rule.get("table", table)
            path = rule.get("path")
        else:
            path = rule
        if isinstance(path, str):
            path = [path]
        if not isinstance(path, list) or not path:
            raise CatalogueError(f"{where}: a row rule must be a non-empty list of regexes, got {rule!r}")
        rules.append(
            _RowRule(
                metric=metric_id,
                path=tuple(_compile(p, where, "rows") for p in path),
                column=_compile(column, where, "columns") if column is not None else None,
                table=_compile(table, where, "tables") if table is not None else None,
            )
        )
    return rules


def _check_references(metrics: Sequence[Metric], source: str) -> None:
    ids = {m.id for m in metrics}
    for metric in metrics:
        if metric.parent is not None and metric.parent not in ids:
            raise CatalogueError(f"{source}: metric {metric.id!r}: unknown parent {metric.parent!r}")
        if metric.parent == metric.id:
            raise CatalogueError(f"{source}: metric {metric.id!r}: is its own parent")
        for part in metric.sum_of:
            if part not in ids:
                raise CatalogueError(f"{source}: metric {metric.id!r}: unknown metric {part!r} in 'sum_of'")
    for metric in metrics:  # no cycles through parents
        seen, current = {metric.id}, metric.parent
        while current is not None:
            if current in seen:
                raise CatalogueError(f"{source}: metric {metric.id!r}: parent cycle through {current!r}")
            seen.add(current)
            current = next(m.parent for m in metrics if m.id == current)


def _check_terms(metrics: Sequence[Metric], source: str) -> None:
    """A question term must name one metric only, else find_in_question could not choose."""
    owner: dict[str, str] = {}
    for metric in metrics:
        terms = {metric.zh, *metric.synonyms_zh} | {t.lower() for t in (metric.en, *metric.synonyms_en)}
        for term in terms:
            key = term.lower()
            if key in owner and owner[key] != metric.id:
                raise CatalogueError(
                    f"{source}: metric {metric.id!r}: the term {term!r} already belongs to {owner[key]!r}"
                )
            owner[key] = metric.id


def _word_forms(word: str, *, singular: bool = False) -> str:
    """A synonym's past participle also matches its other verb forms: "disclosed" matches
    disclose, discloses, disclosing ("how many did they disclose in full"); a plural word
    of a term of several words matches its singular ("administrative fees" in "administrative fee
    revenue"; a term of one word, "offices", stays plural: "Qutuo Street Office" is a name)."""
    if singular and len(word) >= 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return re.escape(word[:-1]) + "s?"  # a plural also names one: "administrative fee revenue"
    if len(word) < 5 or not word.endswith("ed"):
        return re.escape(word)
    stems = {word[:-1], word[:-2]}  # disclose(d), grant(ed)
    forms = {word} | stems | {stem + "s" for stem in stems} | {word[:-2] + "ing"}
    if word[-3] == word[-4]:
        forms.add(word[:-3] + "ing")  # submitted -> submitting (never settled -> setting)
    return "(?:" + "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True)) + ")"


def _question_terms(metrics: Sequence[Metric]) -> tuple[tuple[int, re.Pattern[str], str], ...]:
    """(length, pattern, metric id) for every name and synonym, longest first."""
    terms: list[tuple[int, re.Pattern[str], str]] = []
    for metric in metrics:
        for term in {metric.zh, *metric.synonyms_zh}:
            # 维持原答复, 撤销原决定: 原 names the earlier act under review, not the figure asked
            terms.append((len(term), re.compile("(?<!原)" + re.escape(term.translate(_FULL_WIDTH).lower())), metric.id))
        for term in {metric.en, *metric.synonyms_en}:
            split = [w for w in re.split(r"[\s\-]+", term.lower().strip()) if w]
            words = [_word_forms(w, singular=len(split) > 1) for w in split]
            if not words:
                continue
            body = r"[\s\-]+".join(words)
            terms.append((len(term), re.compile(rf"(?<![a-z0-9]){body}(?:s|es)?(?![a-z0-9])"), metric.id))
    terms.sort(key=lambda t: -t[0])  # stable: catalogue order among equal lengths
    return tuple(terms)
