"""Figures stated in sentences: 2017年我镇主动公开政府政务信息共121条.

Each number that carries a counting unit becomes a fact whose evidence span is its sentence
and whose label is the phrase of its clause before the number. Article numbers (第15条),
dates, percentages, phone numbers and plans or targets (计划…不少于4次) are not figures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.ingest.numbers import parse_cell
from assistant.records import Fact, Span

_SENTENCE_RE = re.compile(r"[^。！？；;!?\n]+[。！？；;!?]?")
_CLAUSE_BREAK = "，,、：:（）()“”\"《》 \t\u3000\u00a0"
_FIGURE_RE = re.compile(
    r"(?P<num>[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:\.[0-9]+)?)\s*(?P<wan>万)?\s*"
    r"(?P<unit>人次|万元|件|条|次|人|个|篇|项|期|场|份|家)"
)
# Things that look like figures but are not: 第15条, 第9至12条, 《条例》第33条.
_ARTICLE_BEFORE_RE = re.compile(r"(?:第|至|第[0-9０-９]+至|-|~|～)\s*$")
# A figure its clause marks as a plan, target or lower bound (计划开展专题培训不少于4次) is not a
# count of the year: recording it would contradict the real figure.
_NOT_A_COUNT_RE = re.compile(r"计划|拟|力争|争取|预计|目标|不少于|不低于|至少|下一年|明年")
_HEADING_RE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十]+\s*[）)]|第[一二三四五六七八九十]+[章部分节])"
)
# Sentences that say every request was settled on time, without a number.
_ALL_ON_TIME_RE = re.compile(r"(?:所有|全部|均)[^。；]{0,12}(?:按时|按期|在法定期限内|在规定时限内|按规定时限)[^。；]{0,8}(?:办结|答复|办理)")
_ALL_ON_TIME_SUBJECT_RE = re.compile(r"(?:所有|全部)[^。；]{0,6}申请")


# "未发生…行政诉讼案": a zero stated in words. The clause must name exactly one such subject.
_NONE_HAPPENED_RE = re.compile(r"(?:未发生|没有发生|未收到|没有收到|未出现|无)")
_NONE_SUBJECTS = (("行政复议", "件"), ("行政诉讼", "件"), ("收费", "万元"), ("举报", "件"), ("投诉", "件"), ("申诉", "件"))


def parse_prose_facts(text: str, exclude: Sequence[Span] = ()) -> tuple[Fact, ...]:
    """Every counted figure in the text outside the ``exclude`` spans (the tables), and the
    zeros stated in words (未发生行政诉讼案)."""
    facts: list[Fact] = []
    headings = _headings(text)
    for match in _SENTENCE_RE.finditer(text):
        start, end = _trim(text, match.start(), match.end())
        if start >= end or _inside(start, end, exclude):
            continue
        sentence = text[start:end]
        if _HEADING_RE.match(sentence) and len(sentence) < 40 and not sentence.endswith("。"):
            continue
        section = _section_at(headings, start)
        for figure in _FIGURE_RE.finditer(sentence):
            if _ARTICLE_BEFORE_RE.search(sentence[: figure.start()]):
                continue
            parsed = parse_cell(figure["num"] + (figure["wan"] or ""))
            if parsed is None or parsed.value is None:
                continue
            unit = figure["unit"]
            if figure["wan"] and unit == "元":
                unit = "万元"
            phrase = _phrase_before(sentence, figure.start())
            if not phrase or _NOT_A_COUNT_RE.search(phrase):
                continue
            facts.append(
                Fact(
                    kind="prose",
                    table=section,
                    row_path=(phrase,),
                    column=None,
                    value=parsed.value,
                    unit=unit,
                    raw=figure.group(0),
                    span=Span(start, end),
                    value_span=Span(start + figure.start(), start + figure.end()),
                )
            )
        facts += _stated_zeros(text, start, end, section)
    return tuple(facts)


def _stated_zeros(text: str, start: int, end: int, section: str) -> list[Fact]:
    """Clauses such as 未发生针对本部门…的行政诉讼案 become a 0 with the clause as its raw text."""
    found = []
    position = start
    for clause in re.split(r"([，,；;。])", text[start:end]):
        clause_start, position = position, position + len(clause)
        if len(clause) < 4 or _FIGURE_RE.search(clause) or not _NONE_HAPPENED_RE.search(clause):
            continue
        subjects = [(word, unit) for word, unit in _NONE_SUBJECTS if word in clause]
        if len(subjects) != 1 or ("诉讼" in clause and "复议" in clause):
            continue
        negation = _NONE_HAPPENED_RE.search(clause)
        if clause.find(subjects[0][0]) < negation.start():
            continue  # the subject must follow the negation: 未发生…行政诉讼
        raw = clause.strip(_CLAUSE_BREAK)
        raw_start = clause_start + clause.find(raw)
        found.append(
            Fact(
                kind="prose",
                table=section,
                row_path=(raw,),
                column=None,
                value=0.0,
                unit=subjects[0][1],
                raw=raw,
                span=Span(start, end),
                value_span=Span(raw_start, raw_start + len(raw)),
            )
        )
    return found


def table_regions(facts: Sequence[Fact]) -> tuple[Span, ...]:
    """One span per table: from its first row to its last, so prose search skips it."""
    bounds: dict[str, list[int]] = {}
    for fact in facts:
        low_high = bounds.setdefault(fact.table, [fact.span.start, fact.span.end])
        low_high[0] = min(low_high[0], fact.span.start)
        low_high[1] = max(low_high[1], fact.span.end)
    return tuple(Span(low, high) for low, high in bounds.values())


def find_all_on_time_claims(text: str, exclude: Sequence[Span] = ()) -> tuple[Span, ...]:
    """Sentences such as 所有申请均已按规定时限按时办结: a claim with no number in it."""
    spans = []
    for match in _SENTENCE_RE.finditer(text):
        start, end = _trim(text, match.start(), match.end())
        sentence = text[start:end]
        if _inside(start, end, exclude):
            continue
        if _ALL_ON_TIME_RE.search(sentence) and _ALL_ON_TIME_SUBJECT_RE.search(sentence):
            spans.append(Span(start, end))
    return tuple(spans)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\u3000\u00a0":
        start += 1
    while end > start and text[end - 1] in " \t\u3000\u00a0":
        end -= 1
    return start, end


def _inside(start: int, end: int, spans: Sequence[Span]) -> bool:
    return any(s.start <= start and end <= s.end for s in spans)


def _phrase_before(sentence: str, position: int) -> str:
    """The clause before the number: 截止到2018年12月31日，发生依申请公开6件 -> 发生依申请公开."""
    cut = position
    while cut > 0 and sentence[cut - 1] not in "，,；;：:。":
        cut -= 1
    phrase = sentence[cut:position].strip(_CLAUSE_BREAK)
    return phrase


def _headings(text: str) -> list[tuple[int, str]]:
    found = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip(" \t\u3000\u00a0")
        if stripped and len(stripped) <= 40 and _HEADING_RE.match(stripped) and not stripped.endswith("。"):
            found.append((offset, stripped))
        offset += len(line) + 1
    return found


def _section_at(headings: list[tuple[int, str]], position: int) -> str:
    """The path of headings above a position: 五、政府政务主动公开情况 › (二)政府门户网站公开情况."""
    path: list[tuple[int, str]] = []
    for offset, heading in headings:
        if offset > position:
            break
        level = 1 if heading.lstrip().startswith(("（", "(")) else 0
        path = [p for p in path if p[0] < level] + [(level, heading)]
    return " › ".join(h for _, h in path) if path else "正文"
