"""Questions about a report itself: which year it covers, when it was published, its 文号.

Real reports carry years copied from earlier templates and publication dates that disagree with
their signatures, and people ask about both ("这份年报报告的是哪一年的工作", "报告是哪天发布的",
"发布日期是否早于统计期限结束"). The covered year is the one the ingest read (cited where the
report writes it); the dates are every one the report states, as written, each cited.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.answering import phrases
from assistant.answering.ambiguity import not_found
from assistant.answering.context import Context, Question
from assistant.answering.phrases import fill
from assistant.answering.vocabulary import vocabulary
from assistant.ingest.metadata import extract_meta
from assistant.answering.written import asked_end
from assistant.ingest.report_dates import StatedDate, period_end, stated_dates, stated_index, stated_numbers, stated_period
from assistant.records import ANSWERED, AMBIGUOUS, NOT_FOUND, Answer, Citation

__all__ = ["answer", "with_report_searched"]

# a question about the statistical period itself, and one about its year
_PERIOD_ASKED_RE = re.compile(r"统计(?:期限|时限|期|区间)|(?:statistical|reporting|statistics) period")
_INDEX_ASKED_RE = re.compile(r"索引号|index (?:number|no\b)")
_YEAR_ASKED_RE = re.compile(r"哪一?年|哪个年|几几年|which year|what year")


def answer(ctx: Context, q: Question, bodies: Sequence[str]) -> Answer:
    """The covered year or the stated dates of the body's report (the one of an asked year, else
    its only one; several reports and no year is a question of which)."""
    body = bodies[0]
    reports = ctx.reports_of(body, None)
    chosen = [r for r in reports if r["year"] in q.years] or reports
    org = ctx.org(q, body)
    if len(chosen) != 1:
        years = "、".join(str(r["year"]) for r in sorted(chosen, key=lambda r: r["year"] or 0))
        return Answer(q.text, AMBIGUOUS, fill(q, phrases.WHICH_REPORT, org=org, years=years))
    report = chosen[0]
    if q.intent == "report_year":
        return _covered_year(ctx, q, report, org)
    if q.intent == "report_number":
        return _number(ctx, q, report, org)
    return _dates(ctx, q, report, org)


def _number(ctx: Context, q: Question, report: dict, org: str) -> Answer:
    """The report's own document number (文号), as written; several different ones are all shown,
    none given as the answer; a report that gives itself none is said to (the numbers it cites
    are other documents')."""
    if _INDEX_ASKED_RE.search(q.text.lower()):
        index = stated_index(ctx.text(report["source"]))
        if index is None:
            return not_found(q, fill(q, phrases.NO_REPORT_INDEX, org=org, year=report["year"]))
        citation = _line(ctx, report, index.start, index.end)
        return Answer(q.text, ANSWERED, fill(q, phrases.REPORT_INDEX, org=org, year=report["year"], written=index.written), index.written, None, (citation,))
    numbers = stated_numbers(ctx.text(report["source"]))
    written = list(dict.fromkeys(n.written for n in numbers))
    if not written:
        return not_found(q, fill(q, phrases.NO_REPORT_NUMBER, org=org, year=report["year"]))
    citations = tuple(_line(ctx, report, n.start, n.end) for n in numbers)
    if len(written) > 1:
        listed = "；".join(f"{n.written}[{i}]" for i, n in enumerate(numbers, start=1))
        return Answer(q.text, AMBIGUOUS, fill(q, phrases.REPORT_NUMBERS, org=org, year=report["year"], listed=listed), None, None, citations)
    return Answer(q.text, ANSWERED, fill(q, phrases.REPORT_NUMBER, org=org, year=report["year"], written=written[0]), written[0], None, citations[:1])


def _covered_year(ctx: Context, q: Question, report: dict, org: str) -> Answer:
    text = ctx.text(report["source"])
    year = report["year"]
    if year is None:
        return not_found(q, fill(q, phrases.NO_COVERED_YEAR, org=org))
    span = extract_meta(text).year_span
    start, end = (span.start, span.end) if span else (0, 0)
    citation = _line(ctx, report, start, end)
    written = fill(q, phrases.COVERED_YEAR, org=org, year=year)
    citations = [citation]
    period = stated_period(text)
    if period:
        # the 统计期限 as written; a year copied from an earlier report's template is said to be one
        citations.append(_line(ctx, report, period.start, period.end))
        written += fill(q, phrases.PERIOD_STATED, written=period.written, index=len(citations))
        if period.year != year:
            written += fill(q, phrases.PERIOD_DISAGREES, period_year=period.year, year=year)
    value: int | str = year
    if period and _PERIOD_ASKED_RE.search(q.text.lower()):
        # "统计期限是哪一年": the period's own year; "统计期限是怎么写的": the period as written
        value = period.year if _YEAR_ASKED_RE.search(q.text.lower()) else period.written
        end = asked_end(q, period.written) if isinstance(value, str) else None
        if end:  # "what end date does it use for its statistics period": that end as written
            value = period.written[end[0] : end[1]]
    others = [y for y in q.years if y != year]
    if others:
        # 索引号带2020、发布时间2012年: the years a page shows are not the year its figures cover
        written += fill(q, phrases.OTHER_YEARS_NAMED, years="、".join(map(str, others)), year=year)
    return Answer(q.text, ANSWERED, written, value, None, tuple(citations))


def _dates(ctx: Context, q: Question, report: dict, org: str) -> Answer:
    text = ctx.text(report["source"])
    dates = stated_dates(text)
    if not dates:
        return not_found(q, fill(q, phrases.NO_DATE_STATED, org=org, year=report["year"]))
    citations = tuple(_line(ctx, report, d.start, d.end) for d in dates)
    listed = [fill(q, phrases.DATE_STATED, label=_label(q, d), written=d.written, index=i) for i, d in enumerate(dates, start=1)]
    head = fill(q, phrases.DATES_OF_REPORT, org=org, year=report["year"], dates=phrases.LIST_SEPARATOR[q.lang != "zh"].join(listed))
    if len({(d.year, d.month, d.day) for d in dates}) > 1:
        head += fill(q, phrases.DATES_DISAGREE)
    v = vocabulary()
    asked = q.text.lower()
    before, after = v.asks_before.search(asked), v.asks_after.search(asked)
    end = period_end(text, report["year"])
    published = next((d for d in dates if d.year and d.month and d.day), None)
    if (before or after) and end and published:
        # 发布日期是否早于统计期限结束: the publication date against the period's last day
        earlier = (published.year, published.month, published.day) < end
        verdict = "yes" if earlier == bool(before) else "no"
        verdict_zh, verdict_en = phrases.YES if verdict == "yes" else phrases.NO
        lead = fill(
            q, phrases.DATE_AGAINST_PERIOD, verdict_zh=verdict_zh, verdict_en=verdict_en, written=published.written,
            end="%d年%d月%d日" % end, end_en="%d-%02d-%02d" % end,
            relation_zh="早于" if earlier else "不早于", relation_en="before" if earlier else "not before",
        )
        return Answer(q.text, ANSWERED, lead + head, verdict, None, citations)
    return Answer(q.text, ANSWERED, head, dates[0].written, None, citations)


def _label(q: Question, date: StatedDate) -> str:
    if q.lang == "zh":
        return date.label
    return "signature" if date.label == "落款" else f"{date.label} (date line)"


def _line(ctx: Context, report: dict, start: int, end: int) -> Citation:
    """The line that holds ``text[start:end]``, quoted exactly."""
    text = ctx.text(report["source"])
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    while line_start < start and text[line_start].isspace():
        line_start += 1
    while line_end > end and text[line_end - 1].isspace():
        line_end -= 1
    return ctx.citation(report, line_start, line_end, "sentence")


# The title of a report: a line near its top that names it a report (…工作年度报告, …年报).
_TITLE_RE = re.compile(r"[^\n]{0,80}(?:年度[报報]告|年[报報]|工作[报報]告)[^\n]{0,20}")
_TITLE_REACH = 3000
_TITLE_LENGTH = 60


def with_report_searched(ctx: Context, q: Question, bodies: Sequence[str], answer: Answer) -> Answer:
    """A not-found about one body's one report cites that report's title, so that the reader sees
    which report was searched (陕西省教育厅2009年的报告中没有联系电话 [1]); nothing is cited when the
    body has no report of the year asked, or several reports are meant."""
    if answer.status != NOT_FOUND or answer.citations or len(bodies) != 1:
        return answer
    years = q.years or tuple(ctx.directory.years_of(bodies[0]))
    if len(years) != 1:
        return answer
    citations = [c for c in (_title(ctx, report) for report in ctx.reports_of(bodies[0], years[0])) if c]
    if not citations:
        return answer
    marks = "".join(f"[{i}]" for i in range(1, len(citations) + 1))
    return replace(answer, answer=answer.answer + fill(q, phrases.REPORT_SEARCHED, marks=marks), citations=tuple(citations))


def _title(ctx: Context, report: dict) -> Citation | None:
    """The report's title as its text writes it near the top: a short line of its own naming the
    year and the body, with the line before it when a title wraps (2020 年黄石市住房和城乡建设局 /
    政府信息公开工作年度报告); else the first line that names a report."""
    text = ctx.text(report["source"])
    names = (str(report["year"]), report["body"] or "\0")
    spans = []
    for t in _TITLE_RE.finditer(text[:_TITLE_REACH]):
        start, end = t.start() + len(t.group()) - len(t.group().lstrip()), t.end() - len(t.group()) + len(t.group().rstrip())
        if start >= end:
            continue
        spans.append((start, end))
        before = text.rfind("\n", 0, max(start - 1, 0)) + 1
        if start > 0 and text[start - 1] == "\n" and 0 < start - 1 - before <= _TITLE_LENGTH // 2 and any(n in text[before:start] for n in names):
            spans.append((before, end))

    def rank(span: tuple[int, int]) -> tuple[int, bool]:
        start, end = span
        alone = (start == 0 or text[start - 1] == "\n") and text[end : end + 1] in ("", "\n") and end - start <= _TITLE_LENGTH
        return (-sum(n in text[start:end] for n in names), not alone)

    if not spans:
        return None
    start, end = min(spans, key=rank)
    return Citation(report["source"], report["body"], report["year"], text[start:end], start, end, "passage")
