"""Ingest: files in, typed facts and searchable chunks in the stores.

``parse_document`` is pure (text in, ParsedReport out). ``Ingestor`` does the I/O: it loads
files, skips unchanged ones, embeds only new passages, and writes each report to the vector
index and the fact store so that a failure never leaves half a report behind.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

from assistant.catalogue import Catalogue, load_catalogue
from assistant.config import Settings
from assistant.errors import AssistantError, IngestError
from assistant.ingest.chunking import chunk_report
from assistant.ingest.findings import balance_findings, find_inconsistencies, identity_findings, prose_list_findings
from assistant.ingest.loaders import iter_report_files, load_document
from assistant.ingest.metadata import extract_meta
from assistant.ingest.national_tables import parse_national_tables
from assistant.ingest.old_tables import parse_old_table
from assistant.ingest.prose import find_all_on_time_claims, is_change, parse_prose_facts, table_regions
from assistant.ingest.prose_subjects import (
    counts_parts_of_text,
    is_earlier_level,
    row_of_a_written_row,
    words_after_a_remainder,
    words_counted_after,
    words_of_level_reached,
)
from assistant.ingest.reading import ReadingView, reading_view
from assistant.records import NARRATIVE, NATIONAL_2019, NATIONAL_2021, OLD_TABLE, Document, Fact, ParsedReport, ReportMeta, content_hash
from assistant.store.facts_db import FactStore


def parse_document(
    document: Document,
    catalogue: Catalogue | None = None,
    *,
    max_tokens: int = 256,
    overlap_tokens: int = 32,
) -> ParsedReport:
    """Everything ingest derives from one document; touches no store and no model."""
    catalogue = catalogue or load_catalogue()
    text = document.text
    # the parsers read simplified characters without a mirror's injected pinyin; every span they
    # give is mapped back onto the stored text below
    view = reading_view(text)
    meta = extract_meta(view.text)
    national = parse_national_tables(view.text)
    old = parse_old_table(view.text) if national.template is None else None
    if national.template:
        template, table_facts, table_warnings = national.template, national.facts, national.warnings
    elif old and old.facts:
        template, table_facts, table_warnings = OLD_TABLE, old.facts, old.warnings
    else:
        template, table_facts, table_warnings = NARRATIVE, (), old.warnings if old else ()
    regions = table_regions(table_facts)
    prose_facts = parse_prose_facts(view.text, exclude=regions)
    claims = find_all_on_time_claims(view.text, exclude=regions)
    if not view.identical:
        meta = _meta_onto(meta, view)
        table_facts = tuple(_fact_onto(f, view, text) for f in table_facts)
        prose_facts = tuple(_fact_onto(f, view, text) for f in prose_facts)
        claims = tuple(view.span(span) for span in claims)
    facts = tuple(_with_metric(f, catalogue, text) for f in (*table_facts, *prose_facts))
    findings = find_inconsistencies(facts, claims) + prose_list_findings(text, facts, lambda m: catalogue.metrics[m].parent if m in catalogue.metrics else None) + balance_findings(facts)
    if template in (NATIONAL_2019, NATIONAL_2021):
        findings += identity_findings(facts, catalogue)
    report_id = document.sha256[:16]
    chunks = tuple(
        replace(chunk, report_id=report_id)
        for chunk in chunk_report(text, facts, max_tokens=max_tokens, overlap_tokens=overlap_tokens)
    )
    return ParsedReport(
        document=document,
        meta=meta,
        template=template,
        facts=facts,
        findings=findings,
        chunks=chunks,
        warnings=tuple(document.warnings) + tuple(meta.warnings) + tuple(table_warnings),
    )


def _fact_onto(fact: Fact, view: ReadingView, text: str) -> Fact:
    """A fact read in the view, pointing at the stored text (its raw value as the page wrote it)."""
    value_span = view.span(fact.value_span)
    return replace(fact, span=view.span(fact.span), value_span=value_span, raw=text[value_span.start : value_span.end])


def _meta_onto(meta: ReportMeta, view: ReadingView) -> ReportMeta:
    return replace(
        meta,
        body_span=view.span(meta.body_span) if meta.body_span else None,
        year_span=view.span(meta.year_span) if meta.year_span else None,
    )


def _with_metric(fact: Fact, catalogue: Catalogue, text: str) -> Fact:
    if fact.kind == "table":
        metric = catalogue.match_row(fact.row_path, fact.column, fact.table)
    elif is_change(fact.row_path[0]):
        metric = None  # 较上年增加56条 is a change, no metric's count of the year
    elif counts_parts_of_text(text, fact):
        # 本报告由…收到和处理政府信息公开申请情况…等6个部分组成: the report's parts, no section's figure
        metric = "report_parts" if "report_parts" in catalogue.metrics else None
    elif is_earlier_level(text, fact):
        metric = None  # 由原来的2人|增加到现在的5人: the level before, not the year's
    elif words_of_level_reached(fact):
        metric = catalogue.match_prose(words_of_level_reached(fact), fact.unit)  # …增加到现在的|5人
    else:
        # the words before the figure say what it counts; for the rest of a count, those after it
        # (其余7件结转2017年办理)
        metric = (
            catalogue.match_prose(fact.row_path[0], fact.unit)
            or catalogue.match_prose(words_after_a_remainder(text, fact), fact.unit)
            # 通过不同渠道公开了21218条政府信息: what the verb counts follows the unit
            or catalogue.match_prose(words_counted_after(text, fact), fact.unit)
            # 行政规范性文件:制发件数2件,废止件数1件: a template row written as a sentence
            or _written_row_metric(catalogue, row_of_a_written_row(text, fact), fact.row_path[0])
        )
    return replace(fact, metric=metric) if metric else fact


def _written_row_metric(catalogue: Catalogue, row: str, column: str) -> str | None:
    """The metric of a template row written as a sentence: the row's name read from its end
    (本年出台行政规范性文件 -> 行政规范性文件) with the column's words."""
    for start in range(len(row) - 1):
        metric = catalogue.match_row((row[start:],), column)
        if metric:
            return metric
    return None


@dataclass
class FileOutcome:
    """What happened to one file; ``status`` is added, replaced, unchanged, duplicate or failed."""

    path: str
    status: str
    message: str = ""
    source: str | None = None
    body: str | None = None
    year: int | None = None
    template: str | None = None
    facts: int = 0
    chunks: int = 0
    embedded: int = 0
    findings: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass
class IngestSummary:
    files: list[FileOutcome]
    seconds: float

    def count(self, *statuses: str) -> int:
        return sum(1 for f in self.files if f.status in statuses)

    def to_dict(self) -> dict:
        written = [f for f in self.files if f.status in ("added", "replaced")]
        return {
            "reports": self.count("added", "replaced", "unchanged"),
            "added": self.count("added"),
            "replaced": self.count("replaced"),
            "unchanged": self.count("unchanged"),
            "duplicates": self.count("duplicate"),
            "failed": self.count("failed"),
            "facts": sum(f.facts for f in written),
            "chunks": sum(f.chunks for f in written),
            "embedded": sum(f.embedded for f in written),
            "findings": sum(f.findings for f in written),
            "warnings": sum(len(f.warnings) for f in self.files),
            "seconds": round(self.seconds, 2),
            "files": [asdict(f) for f in self.files],
        }


ProgressFactory = Callable[..., object]


class Ingestor:
    """Writes reports into one store directory: the fact store and the vector index."""

    def __init__(self, settings: Settings, *, progress: bool = True):
        self.settings = settings
        self.progress = progress
        self.catalogue = load_catalogue()
        settings.store_dir.mkdir(parents=True, exist_ok=True)
        self.facts = FactStore(settings.store_dir / "facts.sqlite")
        # keyword search keeps metric terms whole (收到申请数, 政务微信); body names are added per report
        self.facts.add_keywords(self.catalogue.terms_zh())
        self._vectors = None
        self._embedder = None

    # heavy pieces load on first use: an unchanged batch never loads a model
    @property
    def vectors(self):
        if self._vectors is None:
            from assistant.embedders import make_embedder
            from assistant.store.vectors import VectorIndex

            self._embedder = make_embedder(self.settings.embedder)
            self._vectors = VectorIndex(self.settings.store_dir, self._embedder)
        return self._vectors

    def close(self) -> None:
        self.facts.close()

    def __enter__(self) -> "Ingestor":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def ingest(self, paths: Iterable[str | Path]) -> IngestSummary:
        started = time.perf_counter()
        outcomes: list[FileOutcome] = []
        files: list[Path] = []
        for path in paths:  # a missing path is reported, the others still go in
            try:
                files.extend(iter_report_files([path]))
            except IngestError as error:
                outcomes.append(FileOutcome(path=str(path), status="failed", message=error.reason))
        bar = _bar(files, self.progress, "reports", unit="file")
        for path in bar:
            _describe(bar, path.name)
            outcomes.append(self.ingest_file(path))
        return IngestSummary(outcomes, time.perf_counter() - started)

    def ingest_file(self, path: Path) -> FileOutcome:
        try:
            document = load_document(path, max_bytes=self.settings.max_file_bytes)
        except IngestError as error:
            return FileOutcome(path=str(path), status="failed", message=error.reason)
        existing = self.facts.get_report_by_source(document.name)
        if existing and existing["sha256"] == document.sha256:
            return self._outcome(path, "unchanged", existing, "already stored with the same content")
        twin = self.facts.get_report_by_hash(document.sha256)
        if twin and twin["source"] != document.name:
            return FileOutcome(
                path=str(path),
                status="duplicate",
                source=document.name,
                message=f"same content as the stored report {twin['source']}; not stored twice",
            )
        try:
            parsed = parse_document(
                document,
                self.catalogue,
                max_tokens=self.settings.chunk_tokens,
                overlap_tokens=self.settings.chunk_overlap_tokens,
            )
            embedded = self._write(parsed, old_source=existing["source"] if existing else None)
        except AssistantError as error:
            return FileOutcome(path=str(path), status="failed", source=document.name, message=str(error))
        return FileOutcome(
            path=str(path),
            status="replaced" if existing else "added",
            source=document.name,
            body=parsed.meta.body,
            year=parsed.meta.year,
            template=parsed.template,
            facts=len(parsed.facts),
            chunks=len(parsed.chunks),
            embedded=embedded,
            findings=len(parsed.findings),
            warnings=list(parsed.warnings),
        )

    def _outcome(self, path: Path, status: str, report: dict, message: str) -> FileOutcome:
        return FileOutcome(
            path=str(path),
            status=status,
            message=message,
            source=report["source"],
            body=report.get("body"),
            year=report.get("year"),
            template=report.get("template"),
        )

    def _write(self, parsed: ParsedReport, *, old_source: str | None) -> int:
        """Vectors first, then one SQL transaction; undo the vectors if the SQL write fails."""
        passages = [c for c in parsed.chunks if c.kind == "passage"]
        vectors, embedded = self._embed(passages)
        ids = [c.id for c in passages]
        old_ids = set(self.facts.chunk_ids(old_source)) if old_source else set()
        meta = parsed.meta
        metadatas = [
            {
                "source": parsed.document.name,
                "report_id": parsed.report_id,
                "section": c.section,
                "start": c.span.start,
                "end": c.span.end,
                "kind": c.kind,
                **({"body": meta.body} if meta.body else {}),
                **({"year": meta.year} if meta.year is not None else {}),
            }
            for c in passages
        ]
        if ids:
            self.vectors.upsert(ids, vectors, [c.text for c in passages], metadatas)
        try:
            self.facts.write_report(parsed, ingested_at=datetime.now(timezone.utc).isoformat(timespec="seconds"))
        except Exception:
            new_only = [i for i in ids if i not in old_ids]
            if new_only:
                self.vectors.delete(new_only)
            raise
        stale = old_ids - set(ids)
        if stale:
            self.vectors.delete(sorted(stale))
        return embedded

    def _embed(self, passages) -> tuple[list[list[float]], int]:
        """Embed each distinct passage text once, reusing vectors cached from earlier reports."""
        if not passages:
            return [], 0
        embedder_name = self.vectors_embedder_name
        shas = [content_hash(c.text) for c in passages]
        cached = self.facts.cached_vectors(set(shas), embedder_name)
        missing = {sha: c.text for sha, c in zip(shas, passages) if sha not in cached}
        if missing:
            texts = list(missing.values())
            fresh: list[list[float]] = []
            bar = _bar(range(0, len(texts), 16), self.progress, "embedding", unit="batch", leave=False)
            for start in bar:
                fresh.extend(self._embedder.embed_passages(texts[start : start + 16]))
            new_vectors = dict(zip(missing.keys(), fresh))
            self.facts.cache_vectors(new_vectors, embedder_name)
            cached.update(new_vectors)
        return [list(cached[sha]) for sha in shas], len(missing)

    @property
    def vectors_embedder_name(self) -> str:
        self.vectors  # noqa: B018 - loads the embedder
        return self._embedder.name

    def remove(self, source: str) -> int:
        """Delete one report everywhere; returns the number of chunks removed."""
        chunk_ids = self.facts.remove_report(source)
        if chunk_ids:
            self.vectors.delete(chunk_ids)
        return len(chunk_ids)


def _bar(iterable, enabled: bool, desc: str, **kwargs):
    if not enabled:
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, desc=desc, disable=None, **kwargs)


def _describe(bar, text: str) -> None:
    if hasattr(bar, "set_postfix_str"):
        bar.set_postfix_str(text, refresh=False)
