"""Keyword tokenisation for the full-text index: jieba words, space separated.

The same tokenizer (with the same user dictionary) must cut both the indexed chunks and the
queries, otherwise 西集镇 indexed as 西 / 集镇 never matches a query cut as 西集. The fact store
therefore keeps its user dictionary in SQLite and rebuilds it on every open.
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from assistant.errors import MissingDependency

__all__ = ["KeywordTokenizer", "default_cache_dir"]

# Function words dropped from queries (never from the index): they match everywhere.
_QUERY_STOPWORDS = frozenset(
    """
    的 了 是 在 和 与 及 或 有 吗 呢 吧 啊 么 什么 多少 哪些 哪个 几 怎么 怎样 如何 请问 请 一下 我 你 他 它 这 那 个 共
    a an the of in on at to for by and or is are was were be been did do does how many much what which who whom
    when where why with from as it its this that there their many any
    """.split()
)


def default_cache_dir() -> Path:
    """Where jieba's prefix-dictionary cache goes: ASSISTANT_CACHE_DIR, else a private temp folder."""
    configured = os.environ.get("ASSISTANT_CACHE_DIR")
    if configured:
        return Path(configured) / "jieba"
    return Path(tempfile.gettempdir()) / "disclosure-assistant" / "jieba"


def _keep(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


class KeywordTokenizer:
    """A private ``jieba.Tokenizer`` (not the global one) plus a user dictionary."""

    def __init__(self, words: Iterable[str] = (), *, cache_dir: str | os.PathLike | None = None):
        try:
            import jieba
        except ImportError as error:
            raise MissingDependency("jieba", "keyword search") from error
        logging.getLogger("jieba").setLevel(logging.WARNING)
        self._cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        self._tokenizer = jieba.Tokenizer()
        self._tokenizer.tmp_dir = str(self._cache_dir)
        self._tokenizer.cache_file = "jieba.cache"  # a bare name: joined to tmp_dir by jieba
        self._lock = threading.RLock()
        self._initialised = False
        self._words: set[str] = set()
        self._pending: list[str] = []
        self.add_words(words)

    @property
    def words(self) -> frozenset[str]:
        """Every user-dictionary word added so far."""
        return frozenset(self._words)

    def _ready(self):
        if not self._initialised:
            with self._lock:
                if not self._initialised:
                    self._cache_dir.mkdir(parents=True, exist_ok=True)
                    self._tokenizer.initialize()
                    self._initialised = True
        if self._pending:
            with self._lock:
                pending, self._pending = self._pending, []
                for word in pending:
                    self._tokenizer.add_word(word)
        return self._tokenizer

    def add_words(self, words: Iterable[str]) -> list[str]:
        """Add words that must stay whole (body names, short names, catalogue terms).

        Returns the words that were new. Words with whitespace cannot be a jieba word and are
        skipped; ASCII words need no entry (jieba keeps them whole already).
        """
        added = []
        with self._lock:
            for word in words:
                word = unicodedata.normalize("NFKC", str(word or "")).strip().lower()
                if len(word) < 2 or any(ch.isspace() for ch in word) or word.isascii():
                    continue
                if word in self._words:
                    continue
                self._words.add(word)
                self._pending.append(word)
                added.append(word)
        return added

    def tokenize(self, text: str) -> list[str]:
        """jieba search-mode words, without punctuation or whitespace; ASCII lowercased."""
        if not text:
            return []
        text = unicodedata.normalize("NFKC", text).lower()
        tokenizer = self._ready()
        with self._lock:
            tokens = list(tokenizer.cut_for_search(text))
        return [t.strip() for t in tokens if _keep(t)]

    def to_fts_text(self, text: str) -> str:
        """The space-separated token string stored in the FTS5 table."""
        return " ".join(self.tokenize(text))

    def to_fts_query(self, text: str) -> str:
        """An FTS5 MATCH expression: OR of quoted tokens ("" when nothing searchable remains).

        Every token is a quoted string with inner quotes doubled, so no user input can reach
        FTS5's query syntax (NEAR, column filters, ``*``, parentheses ...).
        """
        tokens = list(dict.fromkeys(self.tokenize(text)))
        content = [t for t in tokens if t not in _QUERY_STOPWORDS]
        chosen = content or tokens
        return " OR ".join('"' + t.replace('"', '""') + '"' for t in chosen)
