"""One metric across bodies or years: compare, rank, total, trend, or a plain list.

Every figure shown is cited; bodies or years with no figure are named, and a total, ranking or
comparison that would silently leave out a named body is refused instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dataclasses import replace

from assistant.answering import phrases
from assistant.answering.ambiguity import available, not_found
from assistant.answering.context import Context, Figure, Question
from assistant.answering.lookup import figures
from assistant.answering.phrases import english_amount, fill, say
from assistant.answering.running_totals import asks_cumulative, runs_on
from assistant.answering.vocabulary import vocabulary
from assistant.ingest.numbers import format_value
from assistant.records import ANSWERED, NOT_FOUND, Answer

Row = tuple[str, int, Figure]  # body, year, its figure


def answer(ctx: Context, q: Question, bodies: Sequence[str]) -> Answer:
    metric = q.metrics[0]
    own = _metric_per_body(ctx, q, bodies)
    rows, missing, latest_only = _gather(ctx, q, bodies, metric, own)
    # "Poxi (2016), Tangcen (2018)": a body with a figure is not missing the years it has no report for
    answered = {body for body, _, _ in rows}
    missing_text = [f"{b} {y}" for b, y in missing if b not in answered or y in ctx.directory.years_of(b)]
    if not rows:
        return not_found(q, say(q, *phrases.NO_DATA) + available(ctx, q))
    name = ctx.metric_name(q, metric) if not own else " / ".join(ctx.metric_name(q, m) for m in dict.fromkeys(own.values()))
    unit = rows[0][2].unit or ""
    items = [
        fill(q, phrases.ACROSS_ITEM, org=ctx.org(q, body), year=year, value=format_value(f.value), unit=unit, index=i,
             amount=english_amount(f.value, unit) if q.lang != "zh" else "")
        for i, (body, year, f) in enumerate(rows, start=1)
    ]
    citations = tuple(f.citation for _, _, f in rows)
    fields = dict(name=name, unit=unit, items_zh="；".join(items), items_en="; ".join(items))
    headline = _HEADLINES.get(q.intent, _listed)
    if q.intent == "compare" and len(rows) != 2:
        headline = _listed
    text, value = headline(ctx, q, rows, items, fields)
    if missing_text:
        text += fill(q, phrases.NO_FIGURE_FOR, missing_zh="、".join(missing_text), missing_en=", ".join(missing_text))
    if len(bodies) == 1 and bodies[0] in answered:  # "2018至2020年": say which asked years have no report
        absent = [str(y) for b, y in missing if y not in ctx.directory.years_of(b)]
        if absent:
            text += fill(q, phrases.NO_REPORT_FOR_YEARS, years_zh="、".join(absent), years_en=", ".join(absent))
    unanswered = [body for body in q.bodies if body not in answered]
    if q.intent == "compare" and len(rows) == 1 and len(missing) == 1:
        floored = _compared_with_a_part(ctx, q, rows[0], missing[0], metric, name)
        if floored is not None:
            return floored
    if unanswered and q.intent in ("total", "rank", "compare"):
        # a total, ranking or comparison that silently left out a named body would be wrong
        names = "、".join(ctx.org(q, body) for body in unanswered)
        text = fill(q, phrases.CANNOT_ANSWER, names=names) + text
        return Answer(q.text, NOT_FOUND, text, None, None, citations)
    if latest_only:
        text += say(q, *phrases.LATEST_ONLY)
    return Answer(q.text, ANSWERED, text, value, unit or None, citations)


# Words of a label that make its figure the year's own: 2010年新增主动公开, 本年度公开, 全年新增.
_YEARS_OWN_RE = re.compile(r"新增|本年|今年|当年|全年|(?:19|20)\d{2}\s*年")


def _metric_per_body(ctx: Context, q: Question, bodies: Sequence[str]) -> dict[str, str]:
    """Two bodies compared by a figure each names after itself ("how many more items did A publish
    on its website than B proactively disclosed", 江门市人社局通过部门频道主动公开的…，比铜官区人社局主动公布的…):
    each body's own metric; {} when the question names one figure for both."""
    if q.intent != "compare" or len(bodies) != 2 or len(q.metrics) < 2:
        return {}
    first: dict[str, int] = {}
    for body, start, _ in ctx.directory.find(q.text):
        if body in bodies:
            first.setdefault(body, start)
    if len(first) != 2:
        return {}
    (b1, p1), (b2, p2) = sorted(first.items(), key=lambda item: item[1])
    named = [
        {m for m in q.metrics if any(low <= start < high for start, _ in ctx.catalogue.term_spans(q.text, {m}))}
        for low, high in ((p1, p2), (p2, len(q.text)))
    ]
    own = [only.pop() if len(only := mine - other) == 1 else (next(iter(mine)) if len(mine) == 1 else None) for mine, other in (named, named[::-1])]
    if None in own or own[0] == own[1]:
        return {}
    return {b1: own[0], b2: own[1]}  # type: ignore[dict-item]


def _gather(ctx: Context, q: Question, bodies: Sequence[str], metric: str, own: dict[str, str] | None = None) -> tuple[list[Row], list[tuple[str, int]], list[str]]:
    """The figure of each body and year asked (every year, or each body's latest when no year is
    asked of several bodies), the (body, year) pairs with none, and the bodies read at their latest.
    A running total (累计公开272条) gives way to a figure the report calls the year's own (2010年新增57条)
    unless the question asks a running total."""
    rows: list[Row] = []
    cumulative = asks_cumulative(q.text)
    missing: list[tuple[str, int]] = []
    every_year = bool(q.years) or q.all_years or q.intent == "trend" or len(bodies) == 1
    latest_only = [body for body in bodies if not every_year and len(ctx.directory.years_of(body)) > 1]
    paired = dict(q.paired_years)
    for body in bodies:
        years = list(q.years) or (list(ctx.directory.years_of(body)) if every_year else list(ctx.directory.years_of(body))[-1:])
        if body in paired:
            years = [paired[body]]
        asked = (own or {}).get(body, metric)
        for year in years:
            found = [f for f in figures(ctx, body, year, asked) if f.value is not None]
            if cumulative:
                found = [f for f in found if runs_on(f)] or found
            elif found and runs_on(found[0]):
                # 累計主動公開272條。2010年新增主動公開57條: a figure the report calls the year's own
                # stands for the year; a 累计 with none beside it is read as the year's figure
                found = [f for f in found if not runs_on(f) and _YEARS_OWN_RE.search(f.label)] or found
            if found:
                rows.append((body, year, found[0]))
            elif (stated := _stated_in_a_sentence(ctx, q, body, year, asked)) is not None:
                rows.append((body, year, stated))
            else:
                missing.append((body, year))
    return rows, missing, latest_only


def _compared_with_a_part(ctx: Context, q: Question, row: Row, missing: tuple[str, int], metric: str, name: str) -> Answer | None:
    """A comparison whose other side states no total of the metric, only parts of it (坪山街道
    2017: 通过政府网站向外发布信息共895条, no 主动公开 total): the largest part is a floor of the
    total, so when it alone exceeds the figure it is compared with, that side is higher by at
    least the gap. Anything else stays unanswered (a floor below the other figure decides nothing)."""
    body, year, figure = row
    other_body, other_year = missing
    units = ctx.catalogue.units_of(metric)
    parts = [
        (found[0], child)
        for child in ctx.catalogue.children(metric)
        if (found := figures(ctx, other_body, other_year, child)) and found[0].value is not None and (found[0].unit or "") in units
    ]
    if not parts:
        return None
    part, child = max(parts, key=lambda item: item[0].value)
    if part.value <= figure.value:
        return None
    unit = figure.unit or ""
    exact = fill(q, phrases.ACROSS_ITEM, org=ctx.org(q, body), year=year, value=format_value(figure.value), unit=unit, index=1,
                 amount=english_amount(figure.value, unit) if q.lang != "zh" else "")
    floor = fill(q, phrases.PART_ONLY_ITEM, org=ctx.org(q, other_body), year=other_year, part=ctx.metric_name_zh(child),
                 part_en=ctx.metric_name(replace(q, lang="en"), child), value=format_value(part.value), unit=unit, index=2,
                 amount=english_amount(part.value, unit) if q.lang != "zh" else "")
    gap = format_value(part.value - figure.value)
    label = other_body if other_body != body else f"{other_year}"
    winner = dict(winner_zh=ctx.org(q, label) if other_body != body else label + "年", winner_en=ctx.org(q, label) if other_body != body else label, gap=gap, unit=unit)
    verdict_zh, verdict_en = phrases.HIGHER_AT_LEAST[0].format(**winner), phrases.HIGHER_AT_LEAST[1].format(**winner)
    items = [exact, floor] if q.bodies.index(body) < q.bodies.index(other_body) or body == other_body else [floor, exact]
    text = fill(q, phrases.COMPARED, name=name, items_zh="；".join(items), items_en="; ".join(items), verdict_zh=verdict_zh, verdict_en=verdict_en)
    # the larger body (or year); a gap asked for is only a floor, so no figure is given as the value
    value: float | str | None = other_body if other_body != body else (other_year if vocabulary().asks_which.search(q.text.lower()) else None)
    if vocabulary().asks_difference.search(q.text.lower()):
        value = None
    return Answer(q.text, ANSWERED, text, value, unit or None, (figure.citation, part.citation))


def _stated_in_a_sentence(ctx: Context, q: Question, body: str, year: int, metric: str) -> Figure | None:
    """No fact of the metric: the figure a sentence of the report states for it, found as the
    body's own question finds it (溪下乡 2023: 新增主动公开政府信息50条), in a unit of the metric."""
    from assistant.answering import figures as single

    one = replace(q, bodies=(body,), years=(year,), intent="lookup", metrics=(metric,))
    found = single.answer(ctx, one, body, year, metric)
    if found.status != ANSWERED or not isinstance(found.value, (int, float)) or isinstance(found.value, bool) or not found.citations:
        return None
    if found.unit not in ctx.catalogue.units_of(metric):
        return None  # a figure in another unit counts something else
    citation = found.citations[0]
    return Figure(found.value, found.unit, "prose", citation.quote, citation)


# Each headline gives the answer's first sentence and its value.
def _total(ctx: Context, q: Question, rows: list[Row], items: list[str], fields: dict) -> tuple[str, float | str | None]:
    total = sum(f.value for _, _, f in rows)
    return fill(q, phrases.TOTAL, value=format_value(total), amount=english_amount(total, fields["unit"]), **fields), total


def _rank(ctx: Context, q: Question, rows: list[Row], items: list[str], fields: dict) -> tuple[str, float | str | None]:
    order = sorted(range(len(rows)), key=lambda i: -rows[i][2].value)
    ranked = [items[i] for i in order]
    fields = dict(fields, items_zh="；".join(ranked), items_en="; ".join(ranked))
    return fill(q, phrases.RANKED, **fields), rows[order[0]][0]


def _compare(ctx: Context, q: Question, rows: list[Row], items: list[str], fields: dict) -> tuple[str, float | str | None]:
    """Two figures: which is higher and by how much. The value is the larger body, or the larger
    year when the question asks which; the gap itself when the question asks for it."""
    (b1, y1, f1), (b2, y2, f2) = rows
    diff = f1.value - f2.value
    winner = rows[0] if diff > 0 else rows[1]
    value: float | str | None = f1.value
    if diff == 0:
        verdict_zh, verdict_en = phrases.EQUAL
    else:
        label = winner[0] if b1 != b2 else f"{winner[1]}"
        higher = dict(
            winner_zh=ctx.org(q, label) if b1 != b2 else label + "年", winner_en=ctx.org(q, label) if b1 != b2 else label,
            gap=format_value(abs(diff)), unit=fields["unit"],
        )
        verdict_zh, verdict_en = phrases.HIGHER[0].format(**higher), phrases.HIGHER[1].format(**higher)
        if b1 != b2:
            value = winner[0]  # the larger body
        elif vocabulary().asks_which.search(q.text.lower()):
            value = winner[1]  # "which year …": the larger year
    if vocabulary().asks_difference.search(q.text.lower()):  # "多了几件", "how many more": the gap itself
        value = abs(diff)
    return fill(q, phrases.COMPARED, verdict_zh=verdict_zh, verdict_en=verdict_en, **fields), value


def _listed(ctx: Context, q: Question, rows: list[Row], items: list[str], fields: dict) -> tuple[str, float | str | None]:
    """The figures in order; a trend of one body adds its direction, first year to last."""
    text = fill(q, phrases.LISTED, **fields)
    one_body = len({body for body, _, _ in rows}) == 1 and len(rows) > 1
    lowered = q.text.lower()
    asks_change = bool(vocabulary().asks_change.search(lowered) or vocabulary().asks_difference.search(lowered))
    if one_body and (q.intent == "trend" or asks_change):
        text += _direction(q, rows, fields["unit"])
    if one_body and asks_change:
        # "by how many items did it fall from 2017 to 2023": the change, first year to last
        by_year = sorted(rows, key=lambda row: row[1])
        return text, abs(by_year[-1][2].value - by_year[0][2].value)
    return text, rows[0][2].value


_HEADLINES = {"total": _total, "rank": _rank, "compare": _compare}


def _direction(q: Question, rows: list[Row], unit: str) -> str:
    """One body's trend in words: first year to last, up, down or unchanged."""
    by_year = sorted(rows, key=lambda row: row[1])
    (_, first_year, first), (_, last_year, last) = by_year[0], by_year[-1]
    change = last.value - first.value
    if change == 0:
        return fill(q, phrases.UNCHANGED, first=first_year, last=last_year)
    word_zh, word_en = phrases.UP if change > 0 else phrases.DOWN
    return fill(q, phrases.CHANGED, first=first_year, last=last_year, word_zh=word_zh, word_en=word_en, amount=format_value(abs(change)), unit=unit)
