"""Shared fixtures: the bundled sample reports, read as stored text."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED_XIJI = ROOT / "data" / "reports" / "000_ea7bc199d63c6f0a.txt"
SEED_JUGEZHUANG = ROOT / "data" / "reports" / "004_bcaa58b8f0f134a6.txt"


@pytest.fixture(scope="session")
def xiji_text() -> str:
    return SEED_XIJI.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def jugezhuang_text() -> str:
    return SEED_JUGEZHUANG.read_text(encoding="utf-8")
