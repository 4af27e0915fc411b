"""Shared fixtures: the bundled sample reports, read as stored text, and an assistant over inline reports."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest

from assistant.ask import Assistant
from assistant.config import Settings
from assistant.ingest.pipeline import Ingestor

ROOT = Path(__file__).resolve().parents[1]
SEED_XIJI = ROOT / "data" / "reports" / "000_ea7bc199d63c6f0a.txt"
SEED_JUGEZHUANG = ROOT / "data" / "reports" / "004_bcaa58b8f0f134a6.txt"


@pytest.fixture(scope="session")
def xiji_text() -> str:
    return SEED_XIJI.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def jugezhuang_text() -> str:
    return SEED_JUGEZHUANG.read_text(encoding="utf-8")


@contextmanager
def assistant_over(tmp_path_factory, reports: Mapping[str, str], *, embedder: str = "hash") -> Iterator[Assistant]:
    """An Assistant over a fresh store holding ``reports`` (file name -> text), each ingested."""
    folder = tmp_path_factory.mktemp("reports")
    for name, text in reports.items():
        (folder / name).write_text(text, encoding="utf-8")
    settings = Settings(store_dir=tmp_path_factory.mktemp("store"), embedder=embedder)
    with Ingestor(settings, progress=False) as ingestor:
        assert ingestor.ingest([folder]).count("failed") == 0
    with Assistant(settings) as opened:
        yield opened
