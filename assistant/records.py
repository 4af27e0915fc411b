"""The records every stage passes along: small frozen dataclasses with deterministic ids.

Every span (``start``/``end``) indexes into the *stored text* of its source, so that
``source.text[start:end]`` is always the exact quote shown to a user.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


def stable_id(*parts: object) -> str:
    """A short deterministic id: the same inputs give the same id on every machine."""
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()
    return digest[:16]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True)
class Document:
    """A loaded file: its name and its normalised stored text."""

    name: str  # file name, as cited
    path: str  # where it was read from
    text: str  # the stored text every span indexes into
    file_type: str  # txt, md, html, docx, pdf
    warnings: tuple[str, ...] = ()

    @property
    def sha256(self) -> str:
        return content_hash(self.text)


# Template kinds of a report.
OLD_TABLE = "old_table"
NATIONAL_2019 = "national_2019"
NATIONAL_2021 = "national_2021"
NARRATIVE = "narrative"
TEMPLATES = (OLD_TABLE, NATIONAL_2019, NATIONAL_2021, NARRATIVE)


@dataclass(frozen=True)
class ReportMeta:
    """Who published a report and which year it covers; fields are None when not found."""

    body: str | None  # as written: 西集镇, 北京市密云区巨各庄镇人民政府 -> 巨各庄镇
    short_name: str | None  # 西集
    parent: str | None  # 通州区
    level: str | None  # 镇, 乡, 街道, 区, 县, 市, department
    year: int | None
    aliases: tuple[str, ...]  # every name a user may type: 西集, 通州区西集镇, Xiji, Xiji Town
    body_span: Span | None = None
    year_span: Span | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fact:
    """One figure: a table cell or a number stated in a sentence.

    ``span`` covers the evidence a person reads (the whole table row, or the sentence);
    ``value_span`` covers the raw cell or number itself.
    """

    kind: str  # "table" or "prose"
    table: str  # table or section path as written
    row_path: tuple[str, ...]  # nested row labels, outermost first; for prose, the phrase
    column: str | None  # column label as written (自然人, 总计 ...), None for single-value tables
    value: float | None  # None: blank or unreadable cell (unknown, not zero)
    unit: str | None
    raw: str  # the cell or number text exactly as written
    span: Span
    value_span: Span
    metric: str | None = None  # canonical metric id from the catalogue, None if unmapped

    @property
    def label(self) -> str:
        return " › ".join(self.row_path)

    @property
    def id(self) -> str:
        return stable_id(self.kind, self.table, self.row_path, self.column, self.value_span.start)


@dataclass(frozen=True)
class Finding:
    """A consistency problem found at ingest: values that should agree and do not."""

    kind: str  # "parts_vs_total" or "prose_vs_table"
    metric: str | None
    message: str
    # (value, span) pairs for every side of the disagreement
    evidence: tuple[tuple[float | None, Span], ...]

    @property
    def id(self) -> str:
        return stable_id(self.kind, self.metric, tuple((v, s.start, s.end) for v, s in self.evidence))


@dataclass(frozen=True)
class Chunk:
    """A searchable piece of a report: a section passage or the readable form of a table row.

    For passages ``text == stored_text[span.start:span.end]``; for table rows ``text`` is a
    readable rendering (header + row) and ``span`` points at the row in the stored text.
    """

    kind: str  # "passage" or "table_row"
    section: str  # heading path, " › " joined
    text: str
    span: Span
    report_id: str = ""  # set by the pipeline, so equal chunks of two reports keep apart

    @property
    def id(self) -> str:
        return stable_id(self.report_id, self.kind, self.span.start, self.span.end, self.text)


@dataclass(frozen=True)
class ParsedReport:
    """Everything ingest derives from one document, before it touches a store."""

    document: Document
    meta: ReportMeta
    template: str
    facts: tuple[Fact, ...]
    findings: tuple[Finding, ...]
    chunks: tuple[Chunk, ...]
    warnings: tuple[str, ...] = field(default=())

    @property
    def report_id(self) -> str:
        return self.document.sha256[:16]


# Answer statuses: machines depend on these strings.
ANSWERED = "answered"
NOT_FOUND = "not_found"
AMBIGUOUS = "ambiguous"


@dataclass(frozen=True)
class Citation:
    """Where an answer comes from: ``quote == stored_text(source)[start:end]``, always."""

    source: str  # the ingested file's name
    org: str | None
    year: int | None
    quote: str
    start: int
    end: int
    kind: str = "passage"  # "table_row", "sentence" or "passage"

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "org": self.org,
            "year": self.year,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
        }


@dataclass(frozen=True)
class Candidate:
    """One reading of an ambiguous question (a year or a body) with its value when cheap."""

    org: str | None
    year: int | None
    value: float | str | None
    citation: Citation | None

    def to_dict(self) -> dict:
        return {
            "org": self.org,
            "year": self.year,
            "value": _plain(self.value),
            "citation": self.citation.to_dict() if self.citation else None,
        }


@dataclass(frozen=True)
class AnswerPart:
    """One figure of a question that asks several ("收到多少件？其中网络申请几件？"), answered alone."""

    question: str  # the ask, as its own question
    status: str
    value: float | str | None = None
    unit: str | None = None
    citations: tuple[Citation, ...] = ()

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "status": self.status,
            "value": _plain(self.value) if self.status == ANSWERED else None,
            "unit": self.unit if self.status == ANSWERED else None,
            "citations": [c.to_dict() for c in self.citations],
        }


@dataclass(frozen=True)
class Answer:
    """The answer to one question, in the shape `assistant ask --json` prints."""

    question: str
    status: str  # ANSWERED, NOT_FOUND or AMBIGUOUS
    answer: str  # what a person reads, in the question's language, with [n] markers
    value: float | str | None = None
    unit: str | None = None
    citations: tuple[Citation, ...] = ()
    conflicts: tuple[tuple[float | str, Citation], ...] = ()
    candidates: tuple[Candidate, ...] = ()
    # a question asking several figures: one part per figure, in the order asked (the first is
    # the answer's own value); empty for a question asking one
    parts: tuple[AnswerPart, ...] = ()

    def to_dict(self) -> dict:
        extra = {"parts": [p.to_dict() for p in self.parts]} if self.parts else {}
        return {
            "question": self.question,
            "status": self.status,
            "answer": self.answer,
            "value": _plain(self.value) if self.status == ANSWERED else None,
            "unit": self.unit if self.status == ANSWERED else None,
            "citations": [c.to_dict() for c in self.citations],
            "conflicts": [{"value": _plain(v), "citation": c.to_dict()} for v, c in self.conflicts],
            "candidates": [c.to_dict() for c in self.candidates],
            **extra,
        }


def _plain(value: float | str | None) -> float | int | str | None:
    """6.0 -> 6 in JSON; 12.5 stays 12.5."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
