"""The hybrid retrieval as a LangChain retriever, for users who build their own chains.

    from assistant.retrieval import DisclosureRetriever, HybridRetriever
    retriever = DisclosureRetriever(retriever=HybridRetriever(facts, vectors, embedder), k=4, bodies=["Xiji"])
    docs = retriever.invoke("西集镇如何开展培训")

Each Document's ``page_content`` is the chunk text; ``metadata`` carries the exact span in
the stored report (``source``, ``start``, ``end``), the body and year, section, kind, the fused
score and the chunk id. This module is the only one of the package that imports langchain_core.
"""

from __future__ import annotations

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.retrieval.hybrid import Hit, HybridRetriever

__all__ = ["DisclosureRetriever", "hit_to_document"]


def hit_to_document(hit: Hit) -> Document:
    return Document(
        page_content=hit.text,
        metadata={
            "source": hit.source,
            "body": hit.body,
            "year": hit.year,
            "section": hit.section,
            "start": hit.start,
            "end": hit.end,
            "kind": hit.kind,
            "score": hit.score,
            "chunk_id": hit.chunk_id,
        },
    )


class DisclosureRetriever(BaseRetriever):
    """Chunks of the stored reports, best first, from ``HybridRetriever.search``.

    ``bodies`` (any stored name: 西集镇, Xiji) and ``years`` filter; empty means all.
    ``kinds`` None searches passages and table rows; ``mode`` is hybrid, dense or keyword.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    retriever: HybridRetriever
    k: int = 6
    bodies: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    kinds: tuple[str, ...] | None = None
    mode: str = "hybrid"

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        hits = self.retriever.search(
            query,
            bodies=self.bodies,
            years=self.years,
            k=self.k,
            kinds=self.kinds,
            mode=self.mode,
        )
        return [hit_to_document(hit) for hit in hits]
