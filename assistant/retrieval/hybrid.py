"""Hybrid passage retrieval: dense (Chroma) and keyword (SQLite FTS5 over jieba words), fused.

Reciprocal rank fusion needs no score calibration between the two lists, which matters here:
cosine similarities of the e5 model bunch together while BM25 scores are unbounded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.store.facts_db import FactStore


@dataclass(frozen=True)
class Hit:
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


def reciprocal_rank_fusion(rankings: Sequence[Sequence[str]], k: int = 60) -> list[tuple[str, float]]:
    """Ids ordered by the sum of 1/(k + rank) over every ranking they appear in."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))


class HybridRetriever:
    """Searches the passages of one store; ``vectors=None`` gives keyword-only retrieval."""

    def __init__(self, facts: FactStore, vectors=None, embedder=None, *, rrf_k: int = 60):
        self.facts = facts
        self.vectors = vectors
        self.embedder = embedder
        self.rrf_k = rrf_k

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
        query = self._without_names(query, bodies)
        rankings = []
        if mode in ("hybrid", "dense") and self.vectors is not None and self.embedder is not None:
            rankings.append(self._dense(query, bodies, years, k * 3))
        if mode in ("hybrid", "keyword"):
            rankings.append(self._keyword(query, bodies, years, k * 3, kinds))
        fused = reciprocal_rank_fusion(rankings, self.rrf_k)
        chunks = {c["id"]: c for c in self.facts.get_chunks([i for i, _ in fused])}
        hits = []
        for chunk_id, score in fused:
            chunk = chunks.get(chunk_id)
            if chunk is None or (kinds is not None and chunk["kind"] not in kinds):
                continue
            hits.append(
                Hit(chunk_id, chunk["source"], chunk["body"], chunk["year"], chunk["section"], chunk["kind"],
                    chunk["text"], chunk["start"], chunk["end"], score)
            )
            if len(hits) == k:
                break
        return hits

    def _without_names(self, query: str, bodies: Sequence[str]) -> str:
        """Inside a body filter the body's own names only add noise: every passage has them."""
        if not bodies:
            return query
        names = {
            name
            for report in self.facts.list_reports()
            if report["body"] in bodies
            for name in (report["body"], report["short_name"], *report["aliases"])
            if name and len(name) >= 2
        }
        for name in sorted(names, key=len, reverse=True):
            query = re.sub(re.escape(name), " ", query, flags=re.IGNORECASE)
        return query.strip() or query

    def _dense(self, query: str, bodies: Sequence[str], years: Sequence[int], k: int) -> list[str]:
        filters = []
        if bodies:
            filters.append({"body": {"$in": list(bodies)}})
        if years:
            filters.append({"year": {"$in": [int(y) for y in years]}})
        where = filters[0] if len(filters) == 1 else ({"$and": filters} if filters else None)
        vector = self.embedder.embed_query(query)
        return [chunk_id for chunk_id, _, _ in self.vectors.query(vector, k=k, where=where)]

    def _keyword(self, query: str, bodies: Sequence[str], years: Sequence[int], k: int, kinds) -> list[str]:
        results: list[tuple[str, float]] = []
        for body in bodies or [None]:
            results += self.facts.keyword_search(query, k=k, body=body, year=list(years) or None, kinds=kinds)
        results.sort(key=lambda pair: -pair[1])
        return list(dict.fromkeys(chunk_id for chunk_id, _ in results))
