"""Hybrid passage retrieval: dense (Chroma) and keyword (SQLite FTS5 over jieba words), fused.

Reciprocal rank fusion needs no score calibration between the two lists, which matters here:
cosine similarities of the e5 model bunch together while BM25 scores are unbounded.

Filters: ``bodies`` may be written as any stored name of a body (西集镇, 西集, Xiji Town);
they are resolved to the canonical body names stored as chunk metadata. A body argument
that names no stored report matches nothing. Inside a body filter the body's own names are
removed from the query (every passage of the body is "about" it; the names only add noise).
A query that names a stored body without a ``bodies`` filter searches twice: everywhere with
the whole query, and inside the named bodies without their names; the fused ranking then
favours the named bodies without hiding the others.

The fusion and ranking steps are small pure functions below; ``HybridRetriever`` only does I/O.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.store.facts_db import FactStore

if TYPE_CHECKING:  # heavy imports (chromadb, models) stay out of this module's import
    from assistant.embedders import Embedder
    from assistant.store.vectors import VectorIndex

__all__ = ["Hit", "HybridRetriever", "MODES", "reciprocal_rank_fusion"]

log = logging.getLogger(__name__)

MODES = ("hybrid", "dense", "keyword")
DENSE = "dense"
KEYWORD = "keyword"
# Candidates fetched from each list per requested hit.
_CANDIDATES_PER_HIT = 3
# A Chinese name must be this long to be recognised inside a query without a body filter
# (a two-character short name such as 西集 also occurs inside ordinary words: 东西集中).
_MIN_CJK_NAME = 3


@dataclass(frozen=True)
class Hit:
    """One retrieved chunk. ``text`` is the chunk text; for passages it equals
    ``stored_text[start:end]``. Ranks are 1-based positions in the dense and keyword lists
    (None: the chunk was not in that list)."""

    chunk_id: str
    source: str
    body: str | None
    year: int | None
    section: str
    kind: str
    text: str
    start: int
    end: int
    score: float
    dense_rank: int | None = None
    keyword_rank: int | None = None


# -- pure helpers: fusion and ranking ----------------------------------------------------------


def reciprocal_rank_fusion(rankings: Sequence[Sequence[str]], k: int = 60) -> list[tuple[str, float]]:
    """Ids ordered by the sum of 1/(k + rank) over every ranking they appear in (rank from 1;
    an id repeated inside one ranking counts at its first position). Ties: id order."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(dict.fromkeys(ranking), start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))


def _fuse(
    rankings: Sequence[tuple[str, Sequence[str]]], rrf_k: int
) -> list[tuple[str, float, dict[str, int]]]:
    """RRF over labelled rankings (label: "dense" or "keyword"): [(id, score, {label: best
    rank})], best first. Ties keep the first-seen order, so a deterministic input gives a
    deterministic output."""
    scores: dict[str, float] = {}
    best: dict[str, dict[str, int]] = {}
    for label, ranking in rankings:
        for rank, item in enumerate(dict.fromkeys(ranking), start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (rrf_k + rank)
            ranks = best.setdefault(item, {})
            ranks[label] = min(rank, ranks.get(label, rank))
    order = {item: i for i, item in enumerate(scores)}
    fused = sorted(scores, key=lambda item: (-scores[item], order[item]))
    return [(item, scores[item], best[item]) for item in fused]


def _merge_keyword(lists: Iterable[Sequence[tuple[str, float]]]) -> list[str]:
    """One keyword ranking from several filtered BM25 lists (one per body): by score, best
    first, each id once. BM25 scores of one FTS index are comparable across filters."""
    pooled = [(score, i, chunk_id) for i, (chunk_id, score) in enumerate(pair for lst in lists for pair in lst)]
    pooled.sort(key=lambda item: (-item[0], item[1]))
    return list(dict.fromkeys(chunk_id for _, _, chunk_id in pooled))


def _where(bodies: Sequence[str], years: Sequence[int], kinds: Sequence[str] | None) -> dict | None:
    """The Chroma metadata filter for canonical bodies, years and kinds."""
    filters: list[dict] = []
    if bodies:
        filters.append({"body": {"$in": list(bodies)}})
    if years:
        filters.append({"year": {"$in": [int(y) for y in years]}})
    if kinds is not None:
        filters.append({"kind": {"$in": list(kinds)}})
    if not filters:
        return None
    return filters[0] if len(filters) == 1 else {"$and": filters}


def _names_by_body(reports: Iterable[Mapping]) -> dict[str, set[str]]:
    """Canonical body -> every name stored for it (body, short name, aliases)."""
    names: dict[str, set[str]] = {}
    for report in reports:
        body = report.get("body")
        if not body:
            continue
        bucket = names.setdefault(body, set())
        for name in (body, report.get("short_name"), *(report.get("aliases") or ())):
            if name and str(name).strip():
                bucket.add(str(name).strip())
    return names


def _resolve_bodies(requested: Sequence[str], names: Mapping[str, set[str]]) -> list[str]:
    """Canonical bodies named by ``requested`` (any stored name, case-insensitive), in store
    order; a request that names nothing stored resolves to nothing."""
    wanted = {str(b).strip().lower() for b in requested if b and str(b).strip()}
    return [body for body, aliases in names.items() if wanted & {a.lower() for a in aliases}]


def _name_pattern(name: str) -> str:
    """Latin names match as whole words (Xiji, not Xijiang); Chinese names as substrings."""
    escaped = re.escape(name)
    if name.isascii():
        return rf"(?<![A-Za-z0-9]){escaped}(?![A-Za-z0-9])"
    return escaped


def _mentioned_bodies(query: str, names: Mapping[str, set[str]]) -> list[str]:
    """Bodies a query names, longest names first, each stretch of the query used once: in
    翠溟县岫烟镇 only 岫烟镇 is named, not the county 翠溟县 as well."""
    candidates = sorted(
        (
            (name, body)
            for body, aliases in names.items()
            for name in aliases
            if (len(name) >= 3 if name.isascii() else len(name) >= _MIN_CJK_NAME)
        ),
        key=lambda pair: (-len(pair[0]), pair[0]),
    )
    taken = [False] * len(query)
    found: list[str] = []
    for name, body in candidates:
        for match in re.finditer(_name_pattern(name), query, flags=re.IGNORECASE):
            if any(taken[match.start() : match.end()]):
                continue
            taken[match.start() : match.end()] = [True] * (match.end() - match.start())
            if body not in found:
                found.append(body)
    return found


def _strip_names(query: str, names: Iterable[str]) -> str:
    """The query without the given names (longest first); the query itself if nothing else is
    left."""
    stripped = query
    for name in sorted({n for n in names if len(n) >= 2}, key=len, reverse=True):
        stripped = re.sub(_name_pattern(name), " ", stripped, flags=re.IGNORECASE)
    stripped = re.sub(r"\s+", " ", stripped).strip()
    return stripped if re.search(r"\w", stripped) else query


# -- the retriever -----------------------------------------------------------------------------


class HybridRetriever:
    """Searches the chunks of one store.

    ``vectors``/``embedder`` None: keyword-only (``mode="dense"`` then finds nothing). An
    empty vector index, or one that fails to answer, leaves hybrid search keyword-only.
    """

    def __init__(
        self,
        facts: FactStore,
        vectors: VectorIndex | None = None,
        embedder: Embedder | None = None,
        *,
        rrf_k: int = 60,
    ):
        self.facts = facts
        self.vectors = vectors
        self.embedder = embedder
        self.rrf_k = int(rrf_k)
        self._written: dict[str, str] = {}  # body (as the directory knows it) -> as the vectors carry it

    @property
    def has_dense(self) -> bool:
        return self.vectors is not None and self.embedder is not None

    def search(
        self,
        query: str,
        *,
        bodies: Sequence[str] = (),
        years: Sequence[int] = (),
        k: int = 8,
        kinds: Sequence[str] | None = None,
        mode: str = "hybrid",
    ) -> list[Hit]:
        """The ``k`` best chunks for ``query`` within the filters, best first.

        ``bodies``: any stored names of bodies; ``years``: report years; ``kinds``: chunk kinds
        ("passage", "table_row"; None: all). ``mode``: "hybrid", "dense" or "keyword".
        """
        if mode not in MODES:
            raise ValueError(f"unknown retrieval mode {mode!r}: choose one of {', '.join(MODES)}")
        if isinstance(bodies, str):
            bodies = [bodies]
        if isinstance(years, int):
            years = [years]
        years = [int(y) for y in years]
        kinds = list(kinds) if kinds is not None else None
        if k <= 0 or not query or not query.strip() or kinds == []:
            return []
        reports = self.facts.list_reports()
        names = _names_by_body(reports)
        # the vectors carry the body as written: two bodies of one name (横山镇 of two counties)
        # share it there, and _hits keeps the asked one
        self._written = {r["body"]: r.get("written_body") or r["body"] for r in reports if r.get("body")}
        pool = k * _CANDIDATES_PER_HIT
        scopes: list[tuple[str, list[str]]] = []  # (query text, canonical bodies; [] = all)
        if bodies:
            canonical = _resolve_bodies(bodies, names)
            if not canonical:
                return []
            own = [n for body in canonical for n in names[body]]
            scopes.append((_strip_names(query, own), canonical))
        else:
            scopes.append((query, []))
            named = _mentioned_bodies(query, names)
            if named:
                own = [n for body in named for n in names[body]]
                scopes.append((_strip_names(query, own), named))
        allowed = scopes[0][1] or None  # a bodies filter, else every body
        rankings: list[tuple[str, Sequence[str]]] = []
        for text, scope in scopes:
            if mode in ("hybrid", "dense"):
                rankings.append((DENSE, self._dense(text, scope, years, kinds, pool, strict=mode == "dense")))
            if mode in ("hybrid", "keyword"):
                rankings.append((KEYWORD, self._keyword(text, scope, years, kinds, pool)))
        return self._hits(_fuse(rankings, self.rrf_k), k, allowed, years, kinds)

    # -- the two lists -----------------------------------------------------------------------

    def _dense(
        self,
        query: str,
        bodies: Sequence[str],
        years: Sequence[int],
        kinds: Sequence[str] | None,
        n: int,
        *,
        strict: bool,
    ) -> list[str]:
        if not self.has_dense:
            return []
        try:
            if self.vectors.count() == 0:
                return []
            vector = self.embedder.embed_query(query)
            written = list(dict.fromkeys(self._written.get(b, b) for b in bodies))
            found = self.vectors.query(vector, k=n, where=_where(written, years, kinds))
        except Exception as error:  # noqa: BLE001 - the keyword list still answers
            if strict:
                raise
            log.warning("dense retrieval failed, keyword results only: %s", error)
            return []
        return [chunk_id for chunk_id, _, _ in found]

    def _keyword(
        self,
        query: str,
        bodies: Sequence[str],
        years: Sequence[int],
        kinds: Sequence[str] | None,
        n: int,
    ) -> list[str]:
        year_filter = list(years) or None
        lists = [
            self.facts.keyword_search(query, k=n, body=body, year=year_filter, kinds=kinds)
            for body in (bodies or [None])
        ]
        return _merge_keyword(lists)

    # -- fused ids to hits -------------------------------------------------------------------

    def _hits(
        self,
        fused: Sequence[tuple[str, float, dict[str, int]]],
        k: int,
        bodies: Sequence[str] | None,
        years: Sequence[int],
        kinds: Sequence[str] | None,
    ) -> list[Hit]:
        rows: dict[str, list[dict]] = {}
        for row in self.facts.get_chunks([chunk_id for chunk_id, _, _ in fused]):
            rows.setdefault(row["id"], []).append(row)
        hits: list[Hit] = []
        for chunk_id, score, ranks in fused:
            row = _first_matching(rows.get(chunk_id, ()), bodies, years, kinds)
            if row is None:  # a vector whose chunk is gone, or outside the filters
                continue
            hits.append(
                Hit(
                    chunk_id=chunk_id,
                    source=row["source"],
                    body=row["body"],
                    year=row["year"],
                    section=row["section"],
                    kind=row["kind"],
                    text=row["text"],
                    start=row["start"],
                    end=row["end"],
                    score=score,
                    dense_rank=ranks.get(DENSE),
                    keyword_rank=ranks.get(KEYWORD),
                )
            )
            if len(hits) == k:
                break
        return hits


def _first_matching(
    rows: Iterable[dict], bodies: Sequence[str] | None, years: Sequence[int], kinds: Sequence[str] | None
) -> dict | None:
    """The first stored copy of a chunk inside the filters (an id can be shared by reports)."""
    for row in rows:
        if bodies is not None and row["body"] not in bodies:
            continue
        if years and row["year"] not in years:
            continue
        if kinds is not None and row["kind"] not in kinds:
            continue
        return row
    return None
