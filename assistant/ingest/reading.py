"""The text the parsers read: simplified characters, without a mirror's injected pinyin.

Some published pages are third-party mirrors in traditional characters (與兒街鎮, 政府信息公開),
some with the pinyin of many characters injected after them (鎮(zhèn), 報(bào)告). The stored text
stays exactly as the page wrote it, since every quote must be a substring of it; the parsers
read a *view* of it instead: traditional characters read as simplified (character for
character, OpenCC's ``t2s``) and the injected readings left out. ``ReadingView.span`` maps a span
of the view back onto the stored text, so facts, names and years still point at what the page
wrote. A page with neither leaves the view identical to the text (and nothing is mapped).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from assistant.records import Span

__all__ = ["ReadingView", "reading_view", "to_simplified"]

# A reading in brackets right after a Chinese character: 鎮(zhèn), 據(jù). Lower-case Latin letters
# with tone marks; a page must carry several, one with a tone mark, before any is taken out, so
# that "(app)" or "(ppt)" in an ordinary page stays.
_PINYIN_RE = re.compile(r"(?<=[\u4e00-\u9fff])\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7})\)")
_TONE_RE = re.compile(r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]")
_MIN_READINGS = 3
# A page is a traditional-character one when many of its characters change under t2s.
_MIN_TRADITIONAL = 10
_TRADITIONAL_SHARE = 0.02


@dataclass(frozen=True)
class ReadingView:
    """``text`` as the parsers read it; ``origin[i]`` is where its i-th character stands in the
    stored text (None: the view is the stored text itself)."""

    text: str
    origin: tuple[int, ...] | None = None

    @property
    def identical(self) -> bool:
        return self.origin is None

    def span(self, span: Span) -> Span:
        """The stored text's span of a span of the view."""
        if self.origin is None or span.end <= span.start:
            return span
        return Span(self.origin[span.start], self.origin[span.end - 1] + 1)


def reading_view(text: str) -> ReadingView:
    """The view of a stored text: simplified, injected readings left out."""
    readings = list(_PINYIN_RE.finditer(text))
    if len(readings) < _MIN_READINGS or not any(_TONE_RE.search(m.group(0)) for m in readings):
        readings = []
    simplified = to_simplified(text)
    changed = sum(a != b for a, b in zip(text, simplified))
    if changed < max(_MIN_TRADITIONAL, len(text) * _TRADITIONAL_SHARE):
        # a simplified page with a rare character OpenCC would change (龢, 乾县): read as written
        simplified = text
    if not readings:
        return ReadingView(text) if simplified == text else ReadingView(simplified, tuple(range(len(text))))
    keep, origin, last = [], [], 0
    for match in readings:
        keep.append(simplified[last : match.start()])
        origin.extend(range(last, match.start()))
        last = match.end()
    keep.append(simplified[last:])
    origin.extend(range(last, len(text)))
    return ReadingView("".join(keep), tuple(origin))


def to_simplified(text: str) -> str:
    """Traditional characters as simplified ones, the length unchanged (OpenCC ``t2s``)."""
    converter = _converter()
    if converter is None:
        return text
    converted = converter.convert(text)
    if len(converted) == len(text):
        return converted
    # a phrase mapped to another length: convert character by character instead
    return "".join(c if len(s := converter.convert(c)) != 1 else s for c in text)


@functools.cache
def _converter():
    try:
        import opencc
    except ImportError:  # without OpenCC traditional pages are read as written
        return None
    return opencc.OpenCC("t2s")
