"""The vector index over a temporary directory, with the hashing embedder."""

from __future__ import annotations

import pytest

from assistant.embedders import HashEmbedder
from assistant.errors import StoreError
from assistant.store.vectors import VectorIndex, collection_name


def test_collection_name_is_sanitised():
    assert collection_name("hash-64") == "chunks-hash-64-v1"
    assert collection_name("m3e/small 512") == "chunks-m3e-small-512-v1"


def test_upsert_query_filter_delete_and_reopen(tmp_path):
    embedder = HashEmbedder()
    texts = {
        "a": ("西集镇收到政府信息公开申请6件", {"year": 2018, "source": "x.txt", "body": None, "section": "五"}),
        "b": ("巨各庄镇共组织各类培训班5次", {"year": 2017, "source": "y.txt", "section": "四"}),
        "c": ("西集镇组织培训班3次", {"year": "2018", "source": "x.txt"}),
    }
    ids = list(texts)
    vectors = embedder.embed_passages([texts[i][0] for i in ids])
    with VectorIndex(tmp_path, embedder) as index:
        assert index.name == "chunks-hash-64-v1"
        index.upsert(ids, vectors, [texts[i][0] for i in ids], [texts[i][1] for i in ids])
        index.upsert(ids, vectors, [texts[i][0] for i in ids], [texts[i][1] for i in ids])  # idempotent
        assert index.count() == 3 and index.ids() == {"a", "b", "c"}
        hits = index.query(embedder.embed_query("西集镇收到申请"), k=10)
        assert hits[0][0] == "a" and len(hits) == 3
        assert all(0 <= distance <= 2 for _, distance, _ in hits)
        assert "body" not in hits[0][2] and hits[0][2]["year"] == 2018
        in_2018 = index.query(embedder.embed_query("培训班"), k=10, where={"year": 2018})
        assert {hit[0] for hit in in_2018} == {"a", "c"}
        assert all(isinstance(hit[2]["year"], int) for hit in in_2018)
        either = index.query(embedder.embed_query("培训班"), k=1, where={"year": {"$in": [2017, 2018]}})
        assert len(either) == 1
        index.delete(["c", "missing"])
        assert index.ids() == {"a", "b"}
    with pytest.raises(StoreError):
        index.count()  # closed
    reopened = VectorIndex(tmp_path, embedder)
    try:
        assert reopened.ids() == {"a", "b"}
        assert reopened.query(embedder.embed_query("巨各庄培训"), k=1)[0][0] == "b"
        with VectorIndex(tmp_path, HashEmbedder(32)) as other:  # another embedder: another collection
            assert other.count() == 0 and other.query([1.0] * 32) == []
            with pytest.raises(StoreError):
                other.upsert(["z"], [[1.0] * 64])
    finally:
        reopened.close()
