"""The fact store: one SQLite file holding reports, facts, findings, chunks and caches.

The schema below is meant to be read and queried by hand, e.g.::

    sqlite3 .assistant-store/facts.sqlite \
      "SELECT body, year, row_path, column_name, value, unit FROM v_facts WHERE metric = 'requests_received'"

Every span (start/end, value_start/value_end) indexes into ``reports.text``, so
``substr(text, start + 1, end - start)`` is the exact quote (SQLite's substr counts from 1).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from array import array
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from assistant.errors import StoreError
from assistant.records import ParsedReport
from assistant.store.keyword import KeywordTokenizer

__all__ = ["FactStore", "SCHEMA", "SCHEMA_VERSION", "DB_FILE_NAME"]

DB_FILE_NAME = "facts.sqlite"
SCHEMA_VERSION = 1

SCHEMA = """
-- One row per stored report: a source file and its normalised text.
CREATE TABLE IF NOT EXISTS reports (
    report_id   TEXT PRIMARY KEY,             -- first 16 hex digits of sha256
    source      TEXT NOT NULL UNIQUE,         -- the file name, as cited in answers
    path        TEXT NOT NULL,                -- where it was read from
    file_type   TEXT NOT NULL,                -- txt, md, html, docx, pdf
    sha256      TEXT NOT NULL,                -- of the stored text
    body        TEXT,                         -- publishing body as written (西集镇); NULL if unknown
    short_name  TEXT,                         -- 西集
    parent      TEXT,                         -- 通州区
    level       TEXT,                         -- 镇, 乡, 街道, 区, 县, 市, department
    year        INTEGER,                      -- the year the report covers
    aliases     TEXT NOT NULL DEFAULT '[]',   -- JSON list: every name a user may type
    template    TEXT NOT NULL,                -- old_table, national_2019, national_2021, narrative
    text        TEXT NOT NULL,                -- the stored text every span indexes into
    warnings    TEXT NOT NULL DEFAULT '[]',   -- JSON list of ingest warnings
    ingested_at TEXT NOT NULL                 -- ISO 8601, UTC
) STRICT;
CREATE INDEX IF NOT EXISTS reports_sha256 ON reports (sha256);
CREATE INDEX IF NOT EXISTS reports_body_year ON reports (body, year);

-- One row per figure: a table cell or a number stated in a sentence.
CREATE TABLE IF NOT EXISTS facts (
    seq           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL,              -- records.Fact.id (deterministic)
    report_id     TEXT NOT NULL REFERENCES reports (report_id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,              -- 'table' or 'prose'
    table_name    TEXT NOT NULL,              -- table or section path as written
    row_path      TEXT NOT NULL,              -- nested row labels joined with ' › '
    row_path_json TEXT NOT NULL,              -- the same labels as a JSON list
    column_name   TEXT,                       -- 自然人, 总计, 统计数 ...; NULL for single values
    value         REAL,                       -- NULL: blank or unreadable cell (unknown, not zero)
    unit          TEXT,                       -- 件, 条, 万元 ...
    raw           TEXT NOT NULL,              -- the cell or number exactly as written
    metric        TEXT,                       -- canonical metric id; NULL if unmapped
    start         INTEGER NOT NULL,           -- evidence span (row or sentence) in reports.text
    end           INTEGER NOT NULL,
    value_start   INTEGER NOT NULL,           -- span of the raw value itself
    value_end     INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS facts_report ON facts (report_id);
CREATE INDEX IF NOT EXISTS facts_metric ON facts (metric);

-- Consistency problems found at ingest (prose vs table, parts vs total).
CREATE TABLE IF NOT EXISTS findings (
    seq           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL,              -- records.Finding.id
    report_id     TEXT NOT NULL REFERENCES reports (report_id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,              -- 'parts_vs_total' or 'prose_vs_table'
    metric        TEXT,
    message       TEXT NOT NULL,
    evidence_json TEXT NOT NULL               -- JSON list of [value, start, end]
) STRICT;
CREATE INDEX IF NOT EXISTS findings_report ON findings (report_id);

-- Searchable pieces: section passages (text = reports.text[start:end]) and table rows
-- (text = a readable rendering; start/end = the row in reports.text).
CREATE TABLE IF NOT EXISTS chunks (
    seq       INTEGER PRIMARY KEY,            -- also the rowid in chunks_fts
    id        TEXT NOT NULL,                  -- records.Chunk.id; the id in the vector index
    report_id TEXT NOT NULL REFERENCES reports (report_id) ON DELETE CASCADE,
    kind      TEXT NOT NULL,                  -- 'passage' or 'table_row'
    section   TEXT NOT NULL,                  -- heading path joined with ' › '
    text      TEXT NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    embedded  INTEGER NOT NULL DEFAULT 0 CHECK (embedded IN (0, 1)),  -- 1: in the vector index
    UNIQUE (report_id, id)
) STRICT;
CREATE INDEX IF NOT EXISTS chunks_id ON chunks (id);

-- Keyword index: jieba words of section + text, space separated; rowid = chunks.seq.
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5 (tokens, tokenize = 'unicode61');
CREATE TRIGGER IF NOT EXISTS chunks_fts_delete AFTER DELETE ON chunks BEGIN
    DELETE FROM chunks_fts WHERE rowid = old.seq;
END;

-- Words jieba must keep whole (body names, short names, catalogue terms); reloaded on open so
-- that indexed text and queries are always cut with the same dictionary.
CREATE TABLE IF NOT EXISTS keyword_words (
    word TEXT PRIMARY KEY
) STRICT;

-- Passage vectors by text hash and embedder: the same paragraph is never embedded twice.
CREATE TABLE IF NOT EXISTS embedding_cache (
    text_sha TEXT NOT NULL,                   -- sha256 of the embedded text
    embedder TEXT NOT NULL,                   -- Embedder.name
    dim      INTEGER NOT NULL,
    vector   BLOB NOT NULL,                   -- float32, native byte order
    PRIMARY KEY (text_sha, embedder)
) STRICT, WITHOUT ROWID;

-- Facts with the report they come from, for people querying by hand.
CREATE VIEW IF NOT EXISTS v_facts AS
SELECT f.id, f.report_id, r.source, r.body, r.short_name, r.year, r.template,
       f.kind, f.table_name, f.row_path, f.row_path_json, f.column_name, f.value, f.unit, f.raw,
       f.metric, f.start, f.end, f.value_start, f.value_end,
       substr(r.text, f.start + 1, f.end - f.start) AS quote
FROM facts AS f JOIN reports AS r USING (report_id);

-- Findings with their report.
CREATE VIEW IF NOT EXISTS v_findings AS
SELECT g.id, g.report_id, r.source, r.body, r.year, g.kind, g.metric, g.message, g.evidence_json
FROM findings AS g JOIN reports AS r USING (report_id);
"""

_BATCH = 500


def _json_list(value: str | None) -> list:
    try:
        parsed = json.loads(value) if value else []
    except ValueError:
        return []
    return parsed if isinstance(parsed, list) else []


def _years(year: int | Iterable[int] | None) -> list[int] | None:
    if year is None:
        return None
    if isinstance(year, (int, str)):
        return [int(year)]
    return [int(y) for y in year]


def _report_filters(*, body: str | None, year: int | Iterable[int] | None, source: str | None) -> tuple[list[str], dict]:
    """WHERE clauses (over reports aliased ``r``) and their parameters for a body, year(s) and source."""
    where, params = ["1 = 1"], {}
    if body:
        # the reports of the body first (an uncorrelated subquery, run once), not a name test per fact
        where.append(f"r.report_id IN (SELECT b.report_id FROM reports AS b WHERE {_body_clause('b')})")
        params["body"] = body.strip()
    years = _years(year)
    if years is not None:
        where.append(f"r.year IN ({','.join(str(y) for y in years)})")
    if source is not None:
        where.append("r.source = :source")
        params["source"] = source
    return where, params


def _add_in(where: list[str], params: dict, column: str, prefix: str, values: Iterable[str]) -> None:
    """``column IN (:prefix0, …)``; an empty list matches nothing."""
    values = list(values)
    marks = ",".join(f":{prefix}{i}" for i in range(len(values)))
    where.append(f"{column} IN ({marks})" if values else "0")
    params.update({f"{prefix}{i}": value for i, value in enumerate(values)})


def body_key(alias: str = "r") -> str:
    """SQL for a report's body as the rest of the code knows it: the body as written, or, when
    stored reports of another region share that name (横山镇 of 龙游县 and of 安居区), the name with
    its region before it (龙游县横山镇), so that two bodies of one name are never one body."""
    return (
        f"(CASE WHEN {alias}.parent IS NOT NULL AND substr({alias}.body, 1, length({alias}.parent)) <> {alias}.parent"
        f" AND EXISTS (SELECT 1 FROM reports AS other WHERE other.body = {alias}.body"
        f" AND other.parent IS NOT NULL AND other.parent <> {alias}.parent"
        # regions that nest (亳州市 and its 利辛县, one of them in the other's names) are one body's
        f" AND NOT EXISTS (SELECT 1 FROM json_each({alias}.aliases) AS a WHERE instr(a.value, other.parent) > 0)"
        f" AND NOT EXISTS (SELECT 1 FROM json_each(other.aliases) AS a WHERE instr(a.value, {alias}.parent) > 0))"
        f" THEN {alias}.parent || {alias}.body ELSE {alias}.body END)"
    )


def _body_clause(alias: str = "r") -> str:
    return (
        f"(lower({body_key(alias)}) = lower(:body) OR lower({alias}.body) = lower(:body) OR lower({alias}.short_name) = lower(:body) "
        f"OR EXISTS (SELECT 1 FROM json_each({alias}.aliases) WHERE lower(json_each.value) = lower(:body)))"
    )


class FactStore:
    """SQLite store of reports, facts, findings, chunks, keyword index and embedding cache.

    ``path`` is the database file (``…/facts.sqlite``) or the store directory holding it.
    Use as a context manager, or call ``close()``. Safe to share between threads.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        tokenizer: KeywordTokenizer | None = None,
        create: bool = True,
    ):
        path = Path(path)
        if path.is_dir() or path.suffix.lower() not in (".sqlite", ".sqlite3", ".db"):
            path = path / DB_FILE_NAME
        self.path = path
        if not path.exists():
            if not create:
                raise StoreError(f"{path}: no fact store here (run `assistant ingest` first)")
            path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        try:
            self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=30)
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute("PRAGMA busy_timeout = 30000")
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{path}: cannot open the fact store: {error}") from error
        self._tokenizer = tokenizer
        self._tokenizer_loaded = False

    # -- lifecycle ---------------------------------------------------------------------------

    def _migrate(self) -> None:
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: written by a newer version (schema {version} > {SCHEMA_VERSION})")
        try:
            self._conn.executescript(SCHEMA)
        except sqlite3.OperationalError as error:
            if "fts5" in str(error):
                raise StoreError("this Python's SQLite lacks FTS5, needed for keyword search") from error
            raise
        self._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> "FactStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"{self.path}: the fact store is closed")
        return self._conn

    def _rows(self, sql: str, params: Sequence | Mapping = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self.conn.execute(sql, params).fetchall()

    # -- keyword tokenizer -------------------------------------------------------------------

    @property
    def tokenizer(self) -> KeywordTokenizer:
        """The jieba tokenizer, its user dictionary loaded from this store (names + saved words)."""
        with self._lock:
            if self._tokenizer is None:
                self._tokenizer = KeywordTokenizer()
            if not self._tokenizer_loaded:
                words = [row[0] for row in self.conn.execute("SELECT word FROM keyword_words")]
                for row in self.conn.execute("SELECT body, short_name, aliases FROM reports"):
                    words.extend(self._report_names(row["body"], row["short_name"], _json_list(row["aliases"])))
                self._tokenizer.add_words(words)
                self._tokenizer_loaded = True
            return self._tokenizer

    @staticmethod
    def _report_names(body: str | None, short_name: str | None, aliases: Iterable[str]) -> list[str]:
        return [name for name in (body, short_name, *aliases) if name]

    def add_keywords(self, words: Iterable[str]) -> list[str]:
        """Add words jieba must keep whole (catalogue terms ...); saved in the store, and chunks
        already indexed that contain them are re-indexed. Returns the words that were new."""
        with self._lock:
            tokenizer = self.tokenizer
            conn = self.conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                added = self._add_words(tokenizer, words, persist=True)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            return added

    def _add_words(self, tokenizer: KeywordTokenizer, words: Iterable[str], *, persist: bool) -> list[str]:
        """Inside a transaction: add words and re-index the chunks that contain any new one."""
        added = tokenizer.add_words(words)
        if not added:
            return added
        if persist:
            self.conn.executemany("INSERT OR IGNORE INTO keyword_words (word) VALUES (?)", [(w,) for w in added])
        affected: dict[int, tuple[str, str]] = {}
        for word in added:
            for row in self.conn.execute(
                "SELECT seq, section, text FROM chunks WHERE instr(lower(text), ?) > 0 OR instr(lower(section), ?) > 0",
                (word, word),
            ):
                affected[row["seq"]] = (row["section"], row["text"])
        self.conn.executemany(
            "UPDATE chunks_fts SET tokens = ? WHERE rowid = ?",
            [(tokenizer.to_fts_text(f"{section}\n{text}"), seq) for seq, (section, text) in affected.items()],
        )
        return added

    # -- reports -------------------------------------------------------------------------------

    def _report_dict(self, row: sqlite3.Row | None) -> dict | None:
        if row is None:
            return None
        report = dict(row)
        report.pop("text", None)
        report["aliases"] = _json_list(report.get("aliases"))
        report["warnings"] = _json_list(report.get("warnings"))
        return report

    _REPORT_COLUMNS = (
        "report_id, source, path, file_type, sha256, body, short_name, parent, level, year, "
        "aliases, template, warnings, ingested_at"
    )

    def get_report_by_source(self, source: str) -> dict | None:
        rows = self._rows(f"SELECT {self._REPORT_COLUMNS} FROM reports WHERE source = ?", (source,))
        return self._report_dict(rows[0] if rows else None)

    def get_report_by_hash(self, sha256: str) -> dict | None:
        rows = self._rows(f"SELECT {self._REPORT_COLUMNS} FROM reports WHERE sha256 = ? ORDER BY source", (sha256,))
        return self._report_dict(rows[0] if rows else None)

    def write_report(
        self,
        parsed: ParsedReport,
        *,
        ingested_at: str,
        embedded_kinds: Iterable[str] = ("passage",),
    ) -> None:
        """Store one report in a single transaction, replacing any report with the same source.

        Chunks whose kind is in ``embedded_kinds`` are marked ``embedded = 1``: the caller has
        put them in the vector index (the pipeline embeds passages only).
        """
        document, meta = parsed.document, parsed.meta
        embedded_kinds = frozenset(embedded_kinds)
        names = self._report_names(meta.body, meta.short_name, meta.aliases)
        report_row = (
            parsed.report_id,
            document.name,
            str(document.path),
            document.file_type,
            document.sha256,
            meta.body,
            meta.short_name,
            meta.parent,
            meta.level,
            int(meta.year) if meta.year is not None else None,
            json.dumps(list(meta.aliases), ensure_ascii=False),
            parsed.template,
            document.text,
            json.dumps(list(parsed.warnings), ensure_ascii=False),
            ingested_at,
        )
        fact_rows = [
            (
                f.id,
                parsed.report_id,
                f.kind,
                f.table,
                f.label,
                json.dumps(list(f.row_path), ensure_ascii=False),
                f.column,
                float(f.value) if f.value is not None else None,
                f.unit,
                f.raw,
                f.metric,
                f.span.start,
                f.span.end,
                f.value_span.start,
                f.value_span.end,
            )
            for f in parsed.facts
        ]
        finding_rows = [
            (
                g.id,
                parsed.report_id,
                g.kind,
                g.metric,
                g.message,
                json.dumps([[value, span.start, span.end] for value, span in g.evidence], ensure_ascii=False),
            )
            for g in parsed.findings
        ]
        chunks = list({c.id: c for c in parsed.chunks}.values())
        with self._lock:
            tokenizer = self.tokenizer
            conn = self.conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute("DELETE FROM reports WHERE source = ?", (document.name,))
                self._add_words(tokenizer, names, persist=False)
                conn.execute(
                    "INSERT INTO reports (report_id, source, path, file_type, sha256, body, short_name, parent,"
                    " level, year, aliases, template, text, warnings, ingested_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    report_row,
                )
                conn.executemany(
                    "INSERT INTO facts (id, report_id, kind, table_name, row_path, row_path_json, column_name,"
                    " value, unit, raw, metric, start, end, value_start, value_end)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    fact_rows,
                )
                conn.executemany(
                    "INSERT INTO findings (id, report_id, kind, metric, message, evidence_json)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    finding_rows,
                )
                fts_rows = []
                for c in chunks:
                    cursor = conn.execute(
                        "INSERT INTO chunks (id, report_id, kind, section, text, start, end, embedded)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            c.id,
                            parsed.report_id,
                            c.kind,
                            c.section,
                            c.text,
                            c.span.start,
                            c.span.end,
                            int(c.kind in embedded_kinds),
                        ),
                    )
                    fts_rows.append((cursor.lastrowid, tokenizer.to_fts_text(f"{c.section}\n{c.text}")))
                conn.executemany("INSERT INTO chunks_fts (rowid, tokens) VALUES (?, ?)", fts_rows)
                conn.execute("COMMIT")
            except sqlite3.IntegrityError as error:
                conn.execute("ROLLBACK")
                raise StoreError(f"{document.name}: cannot store the report: {error}") from error
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    def chunk_ids(self, source: str, *, embedded_only: bool = True) -> list[str]:
        """Ids of one report's chunks (by default only those in the vector index)."""
        return [
            row[0]
            for row in self._rows(
                "SELECT c.id FROM chunks AS c JOIN reports AS r USING (report_id)"
                " WHERE r.source = ? AND (c.embedded = 1 OR ? = 0) ORDER BY c.start, c.id",
                (source, int(embedded_only)),
            )
        ]

    def remove_report(self, source: str) -> list[str]:
        """Delete a report and everything derived from it. Returns the ids of its embedded
        chunks that no other report still uses: the caller drops those from the vector index."""
        with self._lock:
            conn = self.conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                ids = [
                    row[0]
                    for row in conn.execute(
                        "SELECT c.id FROM chunks AS c JOIN reports AS r USING (report_id)"
                        " WHERE r.source = ? AND c.embedded = 1",
                        (source,),
                    )
                ]
                conn.execute("DELETE FROM reports WHERE source = ?", (source,))
                still_used = set()
                for start in range(0, len(ids), _BATCH):
                    batch = ids[start : start + _BATCH]
                    marks = ",".join("?" * len(batch))
                    still_used.update(
                        row[0]
                        for row in conn.execute(f"SELECT id FROM chunks WHERE embedded = 1 AND id IN ({marks})", batch)
                    )
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        return sorted(set(ids) - still_used)

    def list_reports(self) -> list[dict]:
        rows = self._rows(
            f"""
            SELECT r.source, r.report_id, {body_key()} AS body, r.body AS written_body, r.short_name, r.parent, r.level, r.year, r.template,
                   r.file_type, r.aliases, r.ingested_at,
                   (SELECT count(*) FROM facts AS f WHERE f.report_id = r.report_id) AS facts,
                   (SELECT count(*) FROM findings AS g WHERE g.report_id = r.report_id) AS findings,
                   (SELECT count(*) FROM chunks AS c WHERE c.report_id = r.report_id) AS chunks,
                   json_array_length(r.warnings) AS warnings
            FROM reports AS r
            ORDER BY r.body IS NULL, r.body, r.year, r.source
            """
        )
        out = []
        for row in rows:
            report = dict(row)
            report["aliases"] = _json_list(report["aliases"])
            out.append(report)
        return out

    def report_text(self, source: str) -> str | None:
        rows = self._rows("SELECT text FROM reports WHERE source = ?", (source,))
        return rows[0][0] if rows else None

    # -- facts and findings --------------------------------------------------------------------

    def metrics_in_use(self) -> set[str]:
        """The catalogue metrics some stored fact is mapped to."""
        return {row[0] for row in self._conn.execute("SELECT DISTINCT metric FROM facts WHERE metric IS NOT NULL")}

    def query_facts(
        self,
        body: str | None = None,
        year: int | Iterable[int] | None = None,
        metric: str | Iterable[str] | None = None,
        source: str | None = None,
    ) -> list[dict]:
        """Facts with their report; ``body`` matches the body, its short name or any alias
        (case-insensitive for Latin letters)."""
        where, params = _report_filters(body=body, year=year, source=source)
        if metric is not None:
            _add_in(where, params, "f.metric", "m", [metric] if isinstance(metric, str) else metric)
        rows = self._rows(
            f"""
            SELECT f.id, f.report_id, r.source, {body_key()} AS body, r.short_name, r.year, r.template,
                   f.kind, f.table_name, f.row_path, f.row_path_json, f.column_name, f.value, f.unit,
                   f.raw, f.metric, f.start, f.end, f.value_start, f.value_end
            FROM facts AS f JOIN reports AS r USING (report_id)
            WHERE {' AND '.join(where)}
            ORDER BY r.year, r.source, f.start, f.value_start
            """,
            params,
        )
        return [dict(row) for row in rows]

    def prose_labels(self, after: int = 0) -> list[str] | list[tuple[str, str]]:
        """The label of every figure stated in a sentence, across all reports; with ``after``,
        (label, the ``after`` characters written right after the figure) pairs."""
        if not after:
            return [row[0] for row in self._conn.execute("SELECT row_path FROM facts WHERE kind = 'prose'")]
        return [
            (row[0], row[1] or "")
            for row in self._conn.execute(
                "SELECT f.row_path, substr(r.text, f.value_end + 1, ?) FROM facts AS f JOIN reports AS r USING (report_id)"
                " WHERE f.kind = 'prose'",
                (after,),
            )
        ]

    def findings(self, source: str | None = None) -> list[dict]:
        """Findings with their report; ``evidence`` is a list of [value, start, end]."""
        rows = self._rows(
            f"SELECT g.id, g.report_id, r.source, {body_key()} AS body, r.year, g.kind, g.metric, g.message, g.evidence_json"
            " FROM findings AS g JOIN reports AS r USING (report_id)"
            " WHERE (:source IS NULL OR r.source = :source) ORDER BY r.source, g.seq",
            {"source": source},
        )
        out = []
        for row in rows:
            finding = dict(row)
            finding["evidence"] = _json_list(finding.pop("evidence_json"))
            out.append(finding)
        return out

    # -- chunks --------------------------------------------------------------------------------

    def get_chunks(self, ids: Iterable[str]) -> list[dict]:
        """Chunks with their report (source, body, year), in the order of ``ids``. An id shared
        by identical chunks of two reports gives one row per report."""
        ids = list(dict.fromkeys(ids))
        found: dict[str, list[dict]] = {}
        for start in range(0, len(ids), _BATCH):
            batch = ids[start : start + _BATCH]
            marks = ",".join("?" * len(batch))
            for row in self._rows(
                f"SELECT c.id, c.report_id, r.source, {body_key()} AS body, r.short_name, r.year, c.kind, c.section, c.text,"
                f" c.start, c.end, c.embedded FROM chunks AS c JOIN reports AS r USING (report_id)"
                f" WHERE c.id IN ({marks}) ORDER BY r.source",
                batch,
            ):
                found.setdefault(row["id"], []).append(dict(row))
        return [chunk for chunk_id in ids for chunk in found.get(chunk_id, [])]

    def keyword_search(
        self,
        query: str,
        k: int = 10,
        *,
        year: int | Iterable[int] | None = None,
        body: str | None = None,
        kinds: Iterable[str] | None = None,
        source: str | None = None,
    ) -> list[tuple[str, float]]:
        """BM25 over jieba words: [(chunk_id, score)], best first; score = -bm25 (higher is better)."""
        expression = self.tokenizer.to_fts_query(query)
        if not expression or k <= 0:
            return []
        where, params = _report_filters(body=body, year=year, source=source)
        where.append("chunks_fts MATCH :q")
        params.update({"q": expression, "k": int(k)})
        if kinds is not None:
            _add_in(where, params, "c.kind", "kind", kinds)
        rows = self._rows(
            f"""
            SELECT c.id, bm25(chunks_fts) AS rank
            FROM chunks_fts
            JOIN chunks AS c ON c.seq = chunks_fts.rowid
            JOIN reports AS r ON r.report_id = c.report_id
            WHERE {' AND '.join(where)}
            ORDER BY rank, c.seq
            LIMIT :k
            """,
            params,
        )
        return [(row["id"], -float(row["rank"])) for row in rows]

    # -- embedding cache -----------------------------------------------------------------------

    def cached_vectors(self, text_shas: Iterable[str], embedder: str) -> dict[str, list[float]]:
        """Vectors already computed by ``embedder`` for these text hashes."""
        shas = list(dict.fromkeys(text_shas))
        out: dict[str, list[float]] = {}
        for start in range(0, len(shas), _BATCH):
            batch = shas[start : start + _BATCH]
            marks = ",".join("?" * len(batch))
            for row in self._rows(
                f"SELECT text_sha, vector FROM embedding_cache WHERE embedder = ? AND text_sha IN ({marks})",
                [embedder, *batch],
            ):
                vector = array("f")
                vector.frombytes(row["vector"])
                out[row["text_sha"]] = vector.tolist()
        return out

    def cache_vectors(self, vectors: Mapping[str, Sequence[float]], embedder: str) -> None:
        """Remember vectors by text hash (float32)."""
        rows = [(sha, embedder, len(vector), array("f", vector).tobytes()) for sha, vector in vectors.items()]
        if not rows:
            return
        with self._lock:
            conn = self.conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.executemany(
                    "INSERT OR REPLACE INTO embedding_cache (text_sha, embedder, dim, vector) VALUES (?, ?, ?, ?)",
                    rows,
                )
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
