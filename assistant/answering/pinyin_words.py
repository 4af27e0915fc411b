"""The report's own words an English question writes in pinyin.

A reader who has seen a report writes its names as they sound: 'Yuedu Songming' for the platform a
report quotes as “悦读嵩明”, "'Education Key Situation' (jiaoyu yaoqing)" for the bulletin a label
calls 教育要情. Each such run, quoted with a capital (a name) or in brackets in lower case (a gloss),
is written back in the report's characters, so that a figure is found by its label's own words.
"""

from __future__ import annotations

import functools
import re

from assistant.answering.context import Context
from assistant.ingest.names import to_pinyin

# A name quoted in pinyin ('Yuedu Songming'), a gloss in brackets ((jiaoyu yaoqing)), and the names a
# report quotes in Chinese (通过“悦读嵩明”平台发布59条).
_LATIN_QUOTED_RE = re.compile(r"['‘\"“]([A-Z][a-z]+(?:[ -]?[A-Z]?[a-z]+){0,5})['’\"”]")
_LATIN_GLOSS_RE = re.compile(r"[(（]([a-z]+(?:[ '-][a-z]+){1,5})[)）]")
CJK_QUOTED_RE = re.compile(r"[“\"「『]\s*([\u4e00-\u9fff]{2,12})\s*[”\"」』]")
_CJK_RUN_RE = re.compile(r"[\u4e00-\u9fff]{2,}")
_LONGEST_WORD = 8


def written_in_characters(ctx: Context, text: str, body: str, year: int) -> str:
    """``text`` with each pinyin name or gloss the report writes in characters replaced by them."""
    quoted_latin, glossed = _LATIN_QUOTED_RE.search(text), _LATIN_GLOSS_RE.search(text)
    if not quoted_latin and not glossed:
        return text
    quoted: dict[str, str] = {}
    for report in ctx.reports_of(body, year):
        for found in CJK_QUOTED_RE.finditer(ctx.text(report["source"])):
            for reading in to_pinyin(found.group(1))[:4]:
                quoted.setdefault(reading.lower(), found.group(1))

    def written(m: re.Match) -> str:
        name = quoted.get(_folded(m.group(1)))
        return f"“{name}”" if name else m.group(0)

    text = _LATIN_QUOTED_RE.sub(written, text) if quoted else text
    if glossed:
        labels = [r["row_path"] for r in ctx.store.query_facts(body=body, year=year) if r["kind"] == "prose"]

        def glossed_word(m: re.Match) -> str:
            word = _word_read_as(_folded(m.group(1)), labels)
            return f"（{word}）" if word else m.group(0)

        text = _LATIN_GLOSS_RE.sub(glossed_word, text)
    return text


def _folded(pinyin: str) -> str:
    return re.sub(r"[\s'-]", "", pinyin).lower()


def _word_read_as(asked: str, labels: list[str]) -> str:
    """The run of a label's characters whose pinyin is ``asked`` (jiaoyuyaoqing -> 教育要情)."""
    for label in labels:
        for run in _CJK_RUN_RE.findall(label):
            syllables = _syllables(run)
            for start in range(len(run)):
                spelled = ""
                for end in range(start, min(len(run), start + _LONGEST_WORD)):
                    spelled += syllables[end]
                    if spelled == asked and end > start:
                        return run[start : end + 1]
                    if not asked.startswith(spelled):
                        break
    return ""


@functools.lru_cache(maxsize=4096)
def _syllables(run: str) -> tuple[str, ...]:
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(run)
    return tuple(syllables) if len(syllables) == len(run) else tuple("" for _ in run)
