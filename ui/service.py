"""What the web app does, without gradio: ask, list, upload, remove. One store, one lock.

Reads go through one ``Assistant``; writes go through an ``Ingestor`` and then reopen the
assistant so that new bodies are known to the question parser at once.
"""

from __future__ import annotations

import hmac
import shutil
import tempfile
import threading
from dataclasses import replace
from pathlib import Path

from assistant.ask import Assistant
from assistant.config import Settings
from assistant.errors import AssistantError
from assistant.ingest.pipeline import Ingestor

UPLOAD_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")


class WritingRefused(AssistantError):
    """Upload or removal from the web without the configured admin token."""


class WebService:
    def __init__(self, settings: Settings, *, admin_token: str | None = None):
        self.settings = settings
        self.admin_token = admin_token or None
        self._lock = threading.RLock()
        if not (settings.store_dir / "facts.sqlite").exists():
            with Ingestor(settings, progress=False):  # an empty store, so the app starts and can take uploads
                pass
        self.assistant = Assistant(settings)

    def close(self) -> None:
        with self._lock:
            self.assistant.close()

    def warm_up(self) -> None:
        """Load the embedding model now rather than at the first narrative question."""
        with self._lock:
            embedder = self.assistant.retriever.embedder
        if embedder is not None and hasattr(embedder, "warm_up"):
            embedder.warm_up()

    # -- reading -------------------------------------------------------------------------------

    def ask(self, question: str, history: list[str] | None = None, *, body: str | None = None,
            year: int | None = None) -> dict:
        """The JSON answer of ``assistant ask --json``; ``body``/``year`` fill in what the question
        (and the conversation) leaves out, never override what it says."""
        question = (question or "").strip()
        with self._lock:
            if not question:
                return self.assistant.ask(question).to_dict()
            parsed = self.assistant.understand(question, history)
            if body and not parsed.bodies:
                parsed = replace(parsed, bodies=(body,))
            if year and not parsed.years and not parsed.all_years:
                parsed = replace(parsed, years=(int(year),))
            return self.assistant.answer(parsed).to_dict()

    def texts_for(self, data: dict) -> dict[str, str]:
        sources = {c["source"] for c in data.get("citations", [])}
        sources |= {c["citation"]["source"] for c in data.get("conflicts", [])}
        sources |= {c["citation"]["source"] for c in data.get("candidates", []) if c.get("citation")}
        with self._lock:
            return {s: self.assistant.store.report_text(s) or "" for s in sources}

    def report_text(self, source: str) -> tuple[str, dict] | None:
        with self._lock:
            text = self.assistant.store.report_text(source)
            meta = self.assistant.store.get_report_by_source(source)
        return None if text is None else (text, meta or {})

    def reports(self) -> list[dict]:
        with self._lock:
            return self.assistant.store.list_reports()

    def findings(self, source: str) -> list[dict]:
        with self._lock:
            return self.assistant.store.findings(source=source)

    def identities(self, source: str) -> list[dict]:
        """Which of the national template's identities the report's tables keep (none for other templates)."""
        from assistant.ingest.table_arithmetic import identity_rows

        with self._lock:
            return identity_rows(self.assistant.store, self.assistant.catalogue, source=source)

    def warnings(self, source: str) -> list[str]:
        with self._lock:
            report = self.assistant.store.get_report_by_source(source)
        return list((report or {}).get("warnings") or [])

    def bodies(self) -> list[str]:
        return sorted({r["body"] for r in self.reports() if r["body"]})

    def years(self) -> list[int]:
        return sorted({r["year"] for r in self.reports() if r["year"]})

    # -- writing -------------------------------------------------------------------------------

    @property
    def writable(self) -> bool:
        return self.admin_token is not None

    def upload(self, paths: list[str], token: str | None, *, progress: bool = True) -> dict:
        """Ingest uploaded files under their own names; returns the ingest summary as a dict."""
        _check_token(self.admin_token, token)
        with tempfile.TemporaryDirectory() as tmp:
            staged = []
            for path in paths:
                source = Path(path)
                target = Path(tmp) / source.name
                shutil.copyfile(source, target)  # gradio's temp names stay out of the store
                staged.append(target)
            with self._lock:
                with Ingestor(self.settings, progress=progress) as ingestor:
                    summary = ingestor.ingest(staged).to_dict()
                self._reopen()
        for outcome in summary["files"]:
            outcome["path"] = Path(outcome["path"]).name
        return summary

    def remove(self, source: str, token: str | None) -> int:
        _check_token(self.admin_token, token)
        with self._lock:
            with Ingestor(self.settings, progress=False) as ingestor:
                if ingestor.facts.get_report_by_source(source) is None:
                    raise AssistantError(f"no stored report named {source!r}")
                removed = ingestor.remove(source)
            self._reopen()
        return removed

    def _reopen(self) -> None:
        old, self.assistant = self.assistant, Assistant(self.settings)
        old.close()


def _check_token(admin_token: str | None, token: str | None) -> None:
    """Writing from the web needs the configured admin token; raise WritingRefused otherwise."""
    if admin_token is None:
        raise WritingRefused("writing from the web is off: no admin token is configured")
    if not hmac.compare_digest((token or "").encode(), admin_token.encode()):
        raise WritingRefused("wrong admin token")
