"""The hybrid retrieval as a LangChain retriever, for users who build their own chains."""

from __future__ import annotations

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.retrieval.hybrid import HybridRetriever


class DisclosureRetriever(BaseRetriever):
    """Passages of the stored reports, best first; metadata carries the exact source span."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    retriever: HybridRetriever
    k: int = 6
    bodies: tuple[str, ...] = ()
    years: tuple[int, ...] = ()

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        hits = self.retriever.search(query, bodies=self.bodies, years=self.years, k=self.k)
        return [
            Document(
                page_content=hit.text,
                metadata={
                    "source": hit.source,
                    "body": hit.body,
                    "year": hit.year,
                    "section": hit.section,
                    "kind": hit.kind,
                    "start": hit.start,
                    "end": hit.end,
                    "score": hit.score,
                },
            )
            for hit in hits
        ]
