"""Which language a question is asked in."""

from __future__ import annotations

import re

__all__ = ["language"]

_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD_RE = re.compile(r"[A-Za-z]+")


def language(text: str) -> str:
    """"zh" or "en": a question in English may quote the report's words or write a name in
    Chinese ("How many items did X disclose on site (现场公开)?"); it is English while its English
    words are three or more and outnumber half its Chinese characters."""
    cjk = len(_CJK_RE.findall(text))
    latin = len(_LATIN_WORD_RE.findall(text))
    if not cjk:
        return "en"
    return "en" if latin >= 3 and 2 * latin > cjk else "zh"
