"""The Python entry point: open a store once, then ``ask`` as often as you like."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from assistant.answering import Answerer, compound, listed_parts
from assistant.catalogue import load_catalogue
from assistant.config import Settings
from assistant.errors import StoreError
from assistant.llm import make_phraser
from assistant.records import AMBIGUOUS, ANSWERED, Answer
from assistant.understanding import BodyDirectory, Question, parse_question
from assistant.understanding.clauses import asks, in_context
from assistant.store.facts_db import FactStore


_ACROSS_INTENTS = ("compare", "total", "rank", "trend")


class Assistant:
    """Answers questions over one store directory; models load on the first passage search.

    ``ask(question, history)`` takes the earlier questions of the conversation (strings) so that
    follow-ups such as "那2017年呢？" inherit the body, year and metric they leave out.
    """

    def __init__(self, settings: Settings, *, dense: bool = True):
        db = settings.store_dir / "facts.sqlite"
        if not db.exists():
            raise StoreError(f"no store at {settings.store_dir}: run `assistant ingest PATH --store {settings.store_dir}` first")
        self.settings = settings
        self.catalogue = load_catalogue()
        self.store = FactStore(db, create=False)
        self.directory = BodyDirectory.from_reports(self.store.list_reports())
        self.dense = dense
        self._retriever = None
        self._answerer = Answerer(self.store, self.catalogue, self.directory, retriever=_LazyRetriever(self))
        self._phraser = make_phraser(settings)

    @classmethod
    def open(cls, store: str | None = None, **kwargs) -> "Assistant":
        return cls(Settings.from_env(store=store), **kwargs)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Assistant":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def understand(self, question: str, history: Sequence[str] | None = None) -> Question:
        previous = None
        for earlier in history or ():
            previous = parse_question(earlier, catalogue=self.catalogue, directory=self.directory, previous=previous)
        return parse_question(question, catalogue=self.catalogue, directory=self.directory, previous=previous)

    def ask(self, question: str, history: Sequence[str] | None = None) -> Answer:
        question = (question or "").strip()
        if not question:
            return Answer(question, "not_found", "请输入问题。/ Please ask a question.")
        q = self.understand(question, history)
        answer = self.answer(q)
        asked = asks(question)
        if len(asked) > 1 and answer.status != AMBIGUOUS and len(q.bodies) <= 1 and q.intent not in _ACROSS_INTENTS:
            # several figures asked: each later one answered as a follow-up of the question
            # the first figure asked, read by itself: the whole question's words may name another
            # figure (292 proactively disclosed, when "how many were government-affairs items" is
            # asked first) or another column ("…, and how many of them came from natural persons")
            first = parse_question(asked[0], catalogue=self.catalogue, directory=self.directory, previous=q)

            def answer_ask(text: str, earlier: Sequence[Answer]) -> Answer:
                later = compound.later_question(parse_question(text, catalogue=self.catalogue, directory=self.directory, previous=q), first)
                if not later.metrics and later.intent == "lookup":
                    # "how many were still pending" names no figure by itself: read it with the
                    # words that set up the first ask (Of X's 23 reconsideration cases in 2022, …)
                    set_up = in_context(asked[0], text)
                    if set_up != text:
                        later = compound.later_question(parse_question(set_up, catalogue=self.catalogue, directory=self.directory, previous=q), first)
                stated = listed_parts.part_of_answered(self._answerer.context, later, earlier)
                found = self._answerer.with_disagreements(later, self._phrased(stated, later.lang)) if stated else self.answer(later)
                if found.status != ANSWERED or found.value is None:
                    # "and what share of the total was that?": the share stated beside the figure before
                    found = compound.share_of_previous(later, earlier[-1]) or self._listed_beside(later, earlier) or found
                return found

            if first.metrics and "metrics" not in first.inherited and first.intent == "lookup" and asked[0] != question:
                own = self.answer(first)
                if own.status == ANSWERED and own.value is not None and own.value != answer.value:
                    answer = replace(own, question=answer.question)
            elif "metrics" in first.inherited and first.intent == "lookup" and answer.status != AMBIGUOUS and self._named_later(q, asked):
                # "how many district-level documents and how many policy interpretations": the
                # question's metric is a later ask's; the first is answered by its own words or not at all
                own = self.answer(compound.without_borrowed_metric(first))
                found = own.status == ANSWERED and own.value is not None
                answer = replace(own, question=answer.question) if found else compound.not_given(answer.question, asked[0])
            answer = compound.combine(answer, asked, answer_ask)
        return answer

    def _named_later(self, q: Question, asked: Sequence[str]) -> bool:
        """Whether the question's metric is named by a later ask itself (not by the first's words)."""
        later = (parse_question(text, catalogue=self.catalogue, directory=self.directory) for text in asked[1:])
        return bool(q.metrics) and any(p.metrics[:1] == q.metrics[:1] and "metrics" not in p.inherited for p in later)

    def _listed_beside(self, later: Question, earlier: Sequence[Answer]) -> Answer | None:
        """An English part named among the figures listed beside the one answered before it."""
        if later.lang != "en" or not self.dense:
            return None
        embedder = self.retriever.embedder
        if not getattr(embedder, "multilingual", False):
            return None  # a Chinese-only model (m3e) or the tests' hash vectors say nothing of English words
        found = listed_parts.named_beside(self._answerer.context, later, earlier, embedder.embed_query, embedder.embed_passages)
        return self._phrased(found, later.lang) if found is not None else None

    def _phrased(self, answer: Answer, lang: str) -> Answer:
        return self._phraser.phrase(answer, lang) if self._phraser is not None else answer

    def answer(self, question: Question) -> Answer:
        """Answer an already parsed question (the web chat narrows it by its body/year filters)."""
        answer = self._answerer.answer(question)
        if self._phraser is not None:
            answer = self._phraser.phrase(answer, question.lang)
        return answer

    def figure(self, body: str, year: int, metric: str, lang: str = "zh") -> Answer:
        """One metric of one body and year, answered as a lookup: value, citations and conflicts."""
        question = Question(
            text="", lang=lang, bodies=(body,), years=(year,), all_years=False, metrics=(metric,), intent="lookup"
        )
        return self._answerer.answer(question)

    def metrics_in_use(self) -> set[str]:
        """The catalogue metrics some stored report has a figure for (what statistics can show)."""
        return self.store.metrics_in_use()

    @property
    def retriever(self):
        if self._retriever is None:
            from assistant.retrieval.hybrid import HybridRetriever

            vectors = embedder = None
            if self.dense:
                from assistant.embedders import make_embedder
                from assistant.store.vectors import VectorIndex

                embedder = make_embedder(self.settings.embedder)
                vectors = VectorIndex(self.settings.store_dir, embedder)
            self._retriever = HybridRetriever(self.store, vectors, embedder)
        return self._retriever


class _LazyRetriever:
    """Defers loading the embedding model until a question needs passages."""

    def __init__(self, owner: Assistant):
        self._owner = owner

    def search(self, *args, **kwargs):
        return self._owner.retriever.search(*args, **kwargs)
