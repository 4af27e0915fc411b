"""The vector index: a persistent Chroma collection of chunk vectors, one per embedder.

Vectors always come from our own ``Embedder``: the collection has no embedding function, so
Chroma never loads (or downloads) a model. The collection name carries the embedder name and
a schema version, so a store is never queried with vectors of another model or dimension.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from assistant.embedders import Embedder
from assistant.errors import MissingDependency, StoreError

__all__ = ["VectorIndex", "collection_name", "COLLECTION_VERSION"]

COLLECTION_VERSION = "v1"
_NAME_RE = re.compile(r"[^a-zA-Z0-9._-]+")


def collection_name(embedder_name: str) -> str:
    """``chunks-{embedder}-v1`` restricted to Chroma's alphabet [a-zA-Z0-9._-]."""
    name = _NAME_RE.sub("-", f"chunks-{embedder_name}-{COLLECTION_VERSION}")
    name = re.sub(r"-{2,}", "-", name).strip("-._")
    if len(name) < 3:
        name = f"chunks-{COLLECTION_VERSION}"
    return name[:512]


def _clean_metadata(metadata: Mapping | None) -> dict:
    """Chroma rejects None: drop None values; year stays an int; other types become str."""
    out: dict = {}
    for key, value in (metadata or {}).items():
        if value is None:
            continue
        if key == "year":
            try:
                value = int(value)
            except (TypeError, ValueError):
                continue
        elif isinstance(value, (list, tuple)):
            value = [v for v in value if v is not None]
            if not value:
                continue
            value = [v if isinstance(v, (str, int, float, bool)) else str(v) for v in value]
        elif not isinstance(value, (str, int, float, bool)):
            value = str(value)
        out[str(key)] = value
    return out


class VectorIndex:
    """Chunk vectors in ``store_dir/chroma``, one collection per embedder (cosine distance)."""

    def __init__(self, store_dir: str | Path, embedder: Embedder):
        os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
        try:
            import chromadb
            from chromadb.config import Settings
        except ImportError as error:
            raise MissingDependency("chromadb", "the vector index") from error
        self.store_dir = Path(store_dir)
        self.embedder = embedder
        self.path = self.store_dir / "chroma"
        self.path.mkdir(parents=True, exist_ok=True)
        self.name = collection_name(embedder.name)
        try:
            self._client = chromadb.PersistentClient(
                path=str(self.path),
                settings=Settings(anonymized_telemetry=False, allow_reset=False),
            )
            self._collection = self._client.get_or_create_collection(
                name=self.name,
                configuration={"hnsw": {"space": "cosine"}},
                metadata={"embedder": embedder.name, "schema": COLLECTION_VERSION},
                embedding_function=None,
            )
        except Exception as error:  # chromadb raises many types; name the place and the cause
            raise StoreError(f"{self.path}: cannot open the vector index {self.name}: {error}") from error
        self._max_batch = max(1, int(self._client.get_max_batch_size()))

    # -- lifecycle ---------------------------------------------------------------------------

    def close(self) -> None:
        client, self._client = getattr(self, "_client", None), None
        if client is not None and hasattr(client, "close"):
            client.close()

    def __enter__(self) -> "VectorIndex":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def collection(self):
        if self._client is None:
            raise StoreError(f"{self.path}: the vector index is closed")
        return self._collection

    # -- writes --------------------------------------------------------------------------------

    def upsert(
        self,
        ids: Sequence[str],
        vectors: Sequence[Sequence[float]],
        documents: Sequence[str] | None = None,
        metadatas: Sequence[Mapping] | None = None,
    ) -> None:
        ids = list(ids)
        if not ids:
            return
        if len(vectors) != len(ids) or (documents is not None and len(documents) != len(ids)) or (
            metadatas is not None and len(metadatas) != len(ids)
        ):
            raise StoreError("upsert: ids, vectors, documents and metadatas differ in length")
        if len(set(ids)) != len(ids):
            raise StoreError("upsert: duplicate ids in one call")
        dim = getattr(self.embedder, "dim", None)
        for vector in vectors:
            if dim and len(vector) != dim:
                raise StoreError(f"upsert: a {len(vector)}-dimensional vector for the {dim}-dimensional {self.name}")
        for start in range(0, len(ids), self._max_batch):
            end = start + self._max_batch
            kwargs: dict = {
                "ids": ids[start:end],
                "embeddings": [[float(x) for x in v] for v in vectors[start:end]],
            }
            if documents is not None:
                kwargs["documents"] = list(documents[start:end])
            if metadatas is not None:
                # Chroma refuses an empty dict but takes None
                kwargs["metadatas"] = [_clean_metadata(m) or None for m in metadatas[start:end]]
            self.collection.upsert(**kwargs)

    def delete(self, ids: Sequence[str]) -> None:
        ids = list(dict.fromkeys(ids))
        for start in range(0, len(ids), self._max_batch):
            self.collection.delete(ids=ids[start : start + self._max_batch])

    # -- reads ---------------------------------------------------------------------------------

    def query(
        self,
        vector: Sequence[float],
        k: int = 10,
        where: Mapping | None = None,
    ) -> list[tuple[str, float, dict]]:
        """Nearest chunks: [(id, cosine distance, metadata)], nearest first."""
        if k <= 0:
            return []
        count = self.count()
        if count == 0:
            return []
        kwargs: dict = {
            "query_embeddings": [[float(x) for x in vector]],
            "n_results": min(int(k), count),
            "include": ["distances", "metadatas"],
        }
        if where:
            kwargs["where"] = dict(where)
        result = self.collection.query(**kwargs)
        ids = (result.get("ids") or [[]])[0]
        distances = (result.get("distances") or [[]])[0]
        metadatas = (result.get("metadatas") or [[]])[0] or [None] * len(ids)
        return [(i, float(d), dict(m or {})) for i, d, m in zip(ids, distances, metadatas)]

    def ids(self) -> set[str]:
        out: set[str] = set()
        total = self.count()
        for offset in range(0, total, self._max_batch):
            out.update(self.collection.get(include=[], limit=self._max_batch, offset=offset)["ids"])
        return out

    def count(self) -> int:
        return int(self.collection.count())
