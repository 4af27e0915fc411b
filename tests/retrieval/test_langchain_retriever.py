"""The LangChain wrapper over a real store (the two seeds; hashing embedder, no model to load)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever

from assistant.config import Settings
from assistant.ingest.pipeline import Ingestor
from assistant.retrieval import DisclosureRetriever, HybridRetriever

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def ingestor(tmp_path_factory):
    store_dir = tmp_path_factory.mktemp("langchain-store")
    with Ingestor(Settings(store_dir=store_dir, embedder="hash"), progress=False) as ingestor:
        assert ingestor.ingest([ROOT / "data" / "reports"]).count("added") == 2
        yield ingestor


@pytest.fixture(scope="module")
def hybrid(ingestor) -> HybridRetriever:
    return HybridRetriever(ingestor.facts, ingestor.vectors, ingestor.vectors.embedder)


def test_invoke_returns_documents_with_exact_spans(hybrid, ingestor):
    retriever = DisclosureRetriever(retriever=hybrid, k=4)
    assert isinstance(retriever, BaseRetriever)
    docs = retriever.invoke("巨各庄镇教育培训")
    assert 0 < len(docs) <= 4 and all(isinstance(doc, Document) for doc in docs)
    assert any("共组织各类培训班5次" in doc.page_content for doc in docs)
    for doc in docs:
        meta = doc.metadata
        assert {"source", "body", "year", "section", "start", "end", "kind", "score"} <= set(meta)
        if meta["kind"] == "passage":
            assert ingestor.facts.report_text(meta["source"])[meta["start"] : meta["end"]] == doc.page_content
    scores = [doc.metadata["score"] for doc in docs]
    assert scores == sorted(scores, reverse=True)


def test_filters_pass_through(hybrid):
    docs = DisclosureRetriever(retriever=hybrid, k=3, bodies=["Xiji"], years=[2018], kinds=["passage"]).invoke("培训")
    assert docs and all(d.metadata["body"] == "西集镇" and d.metadata["year"] == 2018 for d in docs)
    assert all(d.metadata["kind"] == "passage" for d in docs)
    assert DisclosureRetriever(retriever=hybrid, years=[1999]).invoke("培训") == []
    batch = DisclosureRetriever(retriever=hybrid, k=2, mode="keyword").batch(["培训", "行政诉讼"])
    assert [len(docs) for docs in batch] == [2, 2]


def test_package_import_stays_light():
    code = "import sys, assistant.retrieval as r; print('langchain_core' in sys.modules, callable(r.best_sentences))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]
