"""Exact quotes: the best sentences of a passage, and the figure a sentence attaches to a term.

Pure functions over the stored text: every span they return indexes into the string given,
so a quote is always ``text[start:end]`` exactly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.ingest.numbers import parse_cell

__all__ = ["best_sentences", "figure_near_term", "sentence_spans", "FIGURE_UNITS"]

# Sentence ends: Chinese full stop, exclamation, question mark, semicolon and their ASCII
# forms (reports mix both), and line breaks. The mark belongs to the sentence; a line break
# does not.
_SENTENCE_END = "。！？；;!?"
_SENTENCE_RE = re.compile(r"[^。！？；;!?\n]+[。！？；;!?]?")
# Clause breaks for figure_near_term: commas, semicolons, sentence ends. A comma between a
# digit and exactly three digits is a thousands separator (1,200条), not a break.
_CLAUSE_BREAK_RE = re.compile(r"[，；;。！？!?\n]|,(?!(?<=\d,)\d{3}(?!\d))")
# Counting units, longest first where one is a prefix of another (人次 before 人).
FIGURE_UNITS = ("人次", "万元", "件", "条", "次", "人", "个", "篇", "项", "期", "场", "份", "家", "户", "元")
# A unit followed by these is part of another word: 个工作日 (a period), 个百分点 (a rate),
# 条例 / 条款 (a law), 人民 (people's ...), 项目 (a project), 次日 (the next day), 家庭.
_NOT_A_UNIT_AFTER = {
    "个": ("工作日", "月", "百分点", "小时", "季度"),
    "条": ("例", "款"),
    "人": ("民",),
    "项": ("目",),
    "次": ("日",),
    "家": ("庭",),
    "元": ("旦",),
}
_FIGURE_RE = re.compile(
    r"(?<![0-9０-９.．\-－/A-Za-z])"
    r"(?P<num>[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?)"
    r"\s*(?P<wan>万)?\s*(?:余|多)?\s*"
    r"(?P<unit>" + "|".join(FIGURE_UNITS) + ")"
)
# Numbers that are not figures: 第15条, 第9至12条, 15-20条.
_ARTICLE_BEFORE_RE = re.compile(r"(?:第|至|第[0-9０-９]+至|[-~～－—])\s*$")
_PAD = " \t\r\u00a0\u3000\u200b\ufeff"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in _PAD or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _PAD or text[end - 1].isspace()):
        end -= 1
    return start, end


def sentence_spans(text: str, span_start: int = 0, span_end: int | None = None) -> list[tuple[int, int]]:
    """Trimmed sentences lying wholly inside ``text[span_start:span_end]``.

    Sentences are found on the whole text around the span, so a sentence cut by the span's
    edge (a chunk that starts or ends mid-sentence) is left out rather than quoted in part.
    """
    span_end = len(text) if span_end is None else min(span_end, len(text))
    span_start = max(0, span_start)
    if span_start >= span_end:
        return []
    # back up to the start of the sentence the span begins in
    lo = span_start
    while lo > 0 and text[lo - 1] not in _SENTENCE_END and text[lo - 1] != "\n":
        lo -= 1
    out = []
    for match in _SENTENCE_RE.finditer(text, lo):
        if match.start() >= span_end:
            break
        start, end = _trim(text, match.start(), match.end())
        if start >= end or start < span_start or end > span_end:
            continue
        if not any(ch.isalnum() for ch in text[start:end]):
            continue  # punctuation only
        out.append((start, end))
    return out


def _is_heading(sentence: str) -> bool:
    """A short line without a closing mark: a heading names a topic but says nothing about it."""
    return len(sentence) < 16 and sentence[-1] not in _SENTENCE_END


# A top-level section heading on its own line: 五、存在的主要问题及改进情况, 第三部分 …, ## 九、…
_SECTION_HEADING_RE = re.compile(
    r"^[ \t\u3000\u00a0#]*(?:[一二三四五六七八九十]+\s*[、.．]|第[一二三四五六七八九十]+(?:部分|章|节))[^\n]{0,40}$", re.M
)
_TABLE_TITLE_RE = re.compile(r"^[^\n]{0,30}统计表[ \t\u3000]*$", re.M)
_SUB_HEADING_RE = re.compile(r"^[（(]?[一二三四五六七八九十\d]+[）)、.．]")


@dataclass(frozen=True)
class Point:
    """One key point of a section: ``text[start:end]``, under its sub-heading if any."""

    start: int
    end: int
    sub_heading: str | None = None  # （二）存在的主要问题。


def section_points(text: str, topic: re.Pattern, *, limit: int = 8) -> list[Point]:
    """The sentences and list items (一是…；二是…) of the first top-level section whose heading
    matches ``topic``: the key points a narrative question ("存在哪些问题") asks for. Sub-headings
    (（三）改进措施。) are no points of their own but label the points under them; table rows
    are not points."""
    headings = list(_SECTION_HEADING_RE.finditer(text))
    for index, heading in enumerate(headings):
        if not topic.search(heading.group(0)):
            continue
        end = headings[index + 1].start() if index + 1 < len(headings) else len(text)
        table = _TABLE_TITLE_RE.search(text, heading.end(), end)
        end = table.start() if table else end
        points: list[Point] = []
        sub_heading = None
        for start, stop in sentence_spans(text, heading.end(), end):
            sentence = text[start:stop]
            if _SUB_HEADING_RE.match(sentence) and len(sentence) < 20 and "，" not in sentence:
                sub_heading = sentence
            elif "|" not in sentence and not _is_heading(sentence):
                points.append(Point(start, stop, sub_heading))
                sub_heading = None
        if points:
            return points[:limit]
    return []


def is_heading_line(sentence: str) -> bool:
    """A section or sub-section heading quoted as a sentence: （五）监督保障, 三、平台建设情况."""
    return _is_heading(sentence) or bool(_SUB_HEADING_RE.match(sentence) and len(sentence) < 20 and sentence[-1] not in _SENTENCE_END)


def points_under(text: str, start: int, end: int, *, limit: int = 4) -> list[tuple[int, int]]:
    """The sentences under the heading at ``text[start:end]``, up to the next heading: what a
    question naming the heading's topic asks for (（五）监督保障 -> how supervision was done)."""
    found: list[tuple[int, int]] = []
    for s_start, s_end in sentence_spans(text, end, len(text)):
        sentence = text[s_start:s_end]
        if is_heading_line(sentence) or _SECTION_HEADING_RE.match(sentence):
            break
        if "|" in sentence:
            break  # a table starts: no prose points
        found.append((s_start, s_end))
        if len(found) >= limit:
            break
    return found


def best_sentences(
    text: str, span_start: int, span_end: int, terms: Sequence[str], *, limit: int = 2
) -> list[tuple[int, int]]:
    """Whole sentences inside the span, ranked by how many distinct ``terms`` they contain.

    Ties: a sentence before a heading-like short line, then the earlier first. Returns
    absolute ``(start, end)`` offsets into ``text``; ``text[start:end]`` is a whole sentence,
    trimmed of whitespace (including U+3000 and NBSP), with its closing mark.
    """
    if limit <= 0:
        return []
    wanted = [t for t in dict.fromkeys(terms) if t]
    ranked = sorted(
        (
            (-sum(1 for term in wanted if term in text[start:end]), _is_heading(text[start:end]), start, end)
            for start, end in sentence_spans(text, span_start, span_end)
        )
    )
    return [(start, end) for _, _, start, end in ranked[:limit]]


def _clause_end(sentence: str, position: int) -> int:
    match = _CLAUSE_BREAK_RE.search(sentence, position)
    return match.start() if match else len(sentence)


def _is_figure(sentence: str, match: re.Match) -> bool:
    if _ARTICLE_BEFORE_RE.search(sentence[: match.start()]):
        return False
    unit = match["unit"]
    rest = sentence[match.end() :]
    if any(rest.startswith(word) for word in _NOT_A_UNIT_AFTER.get(unit, ())):
        return False
    return True


def figure_near_term(sentence: str, terms: Sequence[str]) -> tuple[float, str, int, int] | None:
    """The figure a sentence attaches to a term: ``(value, unit, start, end)``, with
    ``sentence[start:end]`` the number and its unit as written.

    Term occurrences are tried in the order they appear in the sentence (the longer term first
    where two start together); for each, the first counted figure after it within its clause
    (clauses end at ，,；;。！？ and line breaks) is the answer. Article numbers (第15条),
    dates, years and percentages are not figures (年, 月, % are not counting units), nor are
    periods and rates (5个工作日, 3个百分点). ``通过门户网站发布政策解读132件`` with
    ``["政策解读"]`` gives ``(132.0, "件", 12, 16)``. None when no term has a figure attached.
    """
    occurrences = sorted(
        (position, -len(term), term)
        for term in dict.fromkeys(t for t in terms if t)
        for position in _positions(sentence, term)
    )
    for position, _, term in occurrences:
        after = position + len(term)
        end = _clause_end(sentence, after)
        for match in _FIGURE_RE.finditer(sentence, after, end):
            if not _is_figure(sentence, match):
                continue
            unit = match["unit"]
            if match["wan"] and unit == "元":  # 5万元: five units of 万元
                parsed, unit = parse_cell(match["num"]), "万元"
            else:  # 1.2万件: twelve thousand
                parsed = parse_cell(match["num"] + (match["wan"] or ""))
            if parsed is None or parsed.value is None:
                continue
            return float(parsed.value), unit, match.start(), match.end()
    return None


def _positions(sentence: str, term: str) -> list[int]:
    out, position = [], sentence.find(term)
    while position >= 0:
        out.append(position)
        position = sentence.find(term, position + 1)
    return out
