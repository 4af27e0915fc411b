"""What every answer kind shares: the open store, catalogue, body directory and retriever, and the
helpers they all lean on: citations that quote the stored text exactly, a stored fact read as a
figure, reports by body and source, metric and body names in the question's language, and the
words a quoted sentence should contain.

The answer kinds are plain functions of a ``Context`` and the question; one ``Context`` lives as
long as the ``Answerer`` (report texts are read once and kept).
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.answering.vocabulary import vocabulary
from assistant.catalogue import Catalogue
from assistant.records import Citation
from assistant.understanding import BodyDirectory, Question
from assistant.store.facts_db import FactStore

# The answer kinds take these types from here, so the question module is imported in one place.
__all__ = ["BodyDirectory", "Context", "Figure", "Question"]


@dataclass(frozen=True)
class Figure:
    """One stored fact with the citation that proves it."""

    value: float | None
    unit: str | None
    kind: str  # table or prose
    label: str
    citation: Citation
    written: str = ""  # the cell or the words as the report writes them (全年未发生…行政复议 for 0)


class Context:
    """The store, catalogue, directory and retriever one ``Answerer`` answers over.

    ``retriever`` may be None (no passages searched: narrative questions are not found).
    """

    def __init__(self, store: FactStore, catalogue: Catalogue, directory: BodyDirectory, retriever=None):
        self.store = store
        self.catalogue = catalogue
        self.directory = directory
        self.retriever = retriever
        self.reports = store.list_reports()
        self._texts: dict[str, str] = {}
        self._memo: dict[str, object] = {}

    def memo(self, key: str, make):
        """``make()``, computed once per context (the store does not change under it)."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    # -- reports and citations --------------------------------------------------------------------

    def reports_of(self, body: str, year: int | None) -> list[dict]:
        return [r for r in self.reports if r["body"] == body and (year is None or r["year"] == year)]

    def report_by_source(self, source: str) -> dict:
        return next(r for r in self.reports if r["source"] == source)

    def text(self, source: str) -> str:
        """A report's full text, read from the store once."""
        if source not in self._texts:
            self._texts[source] = self.store.report_text(source) or ""
        return self._texts[source]

    def citation(self, report: dict, start: int, end: int, kind: str) -> Citation:
        """A citation quoting exactly ``text[start:end]`` of the report."""
        text = self.text(report["source"])
        return Citation(report["source"], report["body"], report["year"], text[start:end], start, end, kind)

    def figure(self, row: dict) -> Figure:
        """A fact-store row as a figure cited by its table row or sentence."""
        report = self.report_by_source(row["source"])
        kind = "table_row" if row["kind"] == "table" else "sentence"
        citation = self.citation(report, row["start"], row["end"], kind)
        return Figure(row["value"], row["unit"], row["kind"], row["row_path"], citation, row.get("raw") or "")

    # -- names ------------------------------------------------------------------------------------

    def metric_name(self, q: Question, metric: str) -> str:
        m = self.catalogue.metrics.get(metric)
        if m is None:
            return metric
        return m.zh if q.lang == "zh" else m.en

    def metric_name_zh(self, metric: str) -> str:
        m = self.catalogue.metrics.get(metric)
        return m.zh if m else metric

    def org(self, q: Question, body: str) -> str:
        """A body as the answer names it: as stored in Chinese; in English its English alias, the
        stored name beside it."""
        if q.lang == "zh" or not body:
            return body
        for entry in self.directory.bodies:
            if entry.body == body:
                english = [a for a in entry.aliases if a.isascii() and " " in a]
                plain = [a for a in entry.aliases if a.isascii()]
                # the reading the person used (Jiuxie, not Guixie, for 氿澥), else the first
                asked = q.text.lower()
                used = [a for a in english if a.lower() in asked] or [
                    e for e in english if any(p.lower() in asked and e.startswith(p + " ") for p in plain)
                ]
                name = (used or english or plain or [body])[0]
                return f"{name} ({body})" if name != body else body
        return body

    def terms(self, q: Question, metric: str | None, *, metric_only: bool = False) -> list[str]:
        """Words a quoted sentence should contain: metric names, then the question's own words.

        ``metric_only`` keeps just the metric's names: a figure is taken from a sentence only
        when it stands next to one of them, never next to a word of the question.
        """
        terms: list[str] = []
        for m in ([metric] if metric else []) + ([] if metric_only else list(q.metrics)):
            if m in self.catalogue.metrics:
                entry = self.catalogue.metrics[m]
                terms += [entry.zh, *entry.synonyms_zh]
        if metric_only:
            return sorted(dict.fromkeys(t for t in terms if len(t) >= 2), key=len, reverse=True)
        names = {n for b in q.bodies for e in [self.directory.entry(b)] if e for n in (e.body, e.short_name or "", *e.aliases)}
        # a piece of a body's name (集镇 of 西集镇) is no topic word either
        words = [w for w in self.store.tokenizer.tokenize(q.text) if len(w) >= 2 and not w.isascii() and not any(w in n for n in names)]
        terms += [w for w in words if w not in vocabulary().question_words] + list(q.topic_terms)
        return list(dict.fromkeys(t for t in terms if t))
