"""Hybrid retrieval for the answer stage (question understanding lives in ``assistant.understanding``).

``import assistant.retrieval`` stays light: ``DisclosureRetriever`` (LangChain) is imported on
first access only, so langchain_core loads only for those who use it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.retrieval.hybrid import Hit, HybridRetriever
from assistant.retrieval.quotes import best_sentences, figure_near_term

if TYPE_CHECKING:
    from assistant.retrieval.langchain_retriever import DisclosureRetriever

__all__ = ["Hit", "HybridRetriever", "DisclosureRetriever", "best_sentences", "figure_near_term"]


def __getattr__(name: str):
    if name == "DisclosureRetriever":
        from assistant.retrieval.langchain_retriever import DisclosureRetriever

        return DisclosureRetriever
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
