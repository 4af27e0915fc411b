"""How a name is read where it is matched: case, spaces, brackets, possessives and the other ways
of writing one name (甘南藏族自治州 as 甘南州, 东湖新技术开发区 as 东湖高新区), each folded character
mapped back to the span of the text it stands for. Used on stored names and questions alike."""

from __future__ import annotations

import re

from assistant.understanding.cues import PLACE_WORDS, ZONE_FORMS

__all__ = ["alnum_at", "fold"]


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(word) for word in words)


_BRACKETS = frozenset("（）()")
_POSSESSIVE_RE = re.compile(r"['’][sS](?![A-Za-z0-9])")
# Names written in more than one way, each read as one (both in stored names and in questions):
# 甘南藏族自治州 as 甘南州 and "Gannan Tibetan Autonomous Prefecture" as "Gannan Prefecture";
# 东湖新技术开发区 as 东湖高新区.
_ETHNIC = _alternation(tuple(sorted(PLACE_WORDS["ethnic_groups"], key=len, reverse=True)))
_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"(?:(?:{_ETHNIC})族)+自治(?=[州县旗])"), ""),
    (re.compile(r"(?<=[A-Za-z])(?:\s+[A-Z][a-z]+(?:\s+and\s+[A-Z][a-z]+)?)\s+Autonomous(?=\s+(?:Prefecture|County|Banner|Region)\b)"), ""),
    *((re.compile("|".join(map(re.escape, sorted(forms, key=len, reverse=True)))), written) for written, forms in ZONE_FORMS),
)


def _rewrite(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with every other way of writing a name read as one, and the span of ``text`` each
    character stands for (a rewritten word's characters stand for all of what was written)."""
    origin = [(i, i + 1) for i in range(len(text))]
    for pattern, written in _REWRITES:
        if not pattern.search(text):
            continue
        pieces, places, last = [], [], 0
        for match in pattern.finditer(text):
            pieces.append(text[last : match.start()])
            places += origin[last : match.start()]
            if written:
                span = (origin[match.start()][0], origin[match.end() - 1][1])
                pieces.append(written)
                places += [span] * len(written)
            elif places:  # a word dropped: the character before stands for it too
                places[-1] = (places[-1][0], origin[match.end() - 1][1])
            last = match.end()
        pieces.append(text[last:])
        places += origin[last:]
        text, origin = "".join(pieces), places
    return text, origin


def fold(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` lower-cased with every run of spaces and hyphens read as one space ("Xiji  Town",
    "xiji-town"), round brackets and possessives dropped (涡阳县政府（办公室） is 涡阳县政府办公室,
    "Suining's bureau" the Suining bureau), names written in several ways read as one
    (``_REWRITES``), and the span of ``text`` each folded character stands for."""
    folded: list[str] = []
    spans: list[tuple[int, int]] = []
    text, origin = _rewrite(text)
    # "Suining's human resources bureau" names the Suining bureau
    possessive = {i for m in _POSSESSIVE_RE.finditer(text) for i in range(*m.span())}
    for position, char in enumerate(text):
        if char in _BRACKETS or position in possessive:
            continue
        if char.isspace() or char == "-":
            if folded and folded[-1] == " ":
                continue
            char = " "
        lowered = char.lower()
        folded.append(lowered if len(lowered) == 1 else char)  # İ lowers to two characters
        spans.append(origin[position])
    return "".join(folded), spans


def alnum_at(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isascii() and text[index].isalnum()
