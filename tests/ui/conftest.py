"""A small web store: the two seeds plus a second Xiji year, so one question is ambiguous."""

from __future__ import annotations

import shutil

import pytest

from assistant.config import Settings
from assistant.ingest.pipeline import Ingestor
from tests.conftest import SEED_JUGEZHUANG, SEED_XIJI

XIJI_2019 = "xiji_2019_variant.txt"


@pytest.fixture(scope="session")
def web_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("web-reports")
    shutil.copy(SEED_XIJI, folder)
    shutil.copy(SEED_JUGEZHUANG, folder)
    variant = SEED_XIJI.read_text(encoding="utf-8").replace("西集镇2018年", "西集镇2019年", 1)
    (folder / XIJI_2019).write_text(variant + "\n测试：<script>alert(1)</script>\n", encoding="utf-8")
    store = tmp_path_factory.mktemp("web-store")
    with Ingestor(Settings(store_dir=store, embedder="hash"), progress=False) as ingestor:
        assert ingestor.ingest([folder]).count("failed") == 0
    return store


@pytest.fixture
def web_settings(web_store, tmp_path):
    """A private copy of the store, so tests that upload or remove leave the others alone."""
    copy = tmp_path / "store"
    shutil.copytree(web_store, copy)
    return Settings(store_dir=copy, embedder="hash")
