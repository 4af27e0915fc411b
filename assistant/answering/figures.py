"""One figure of one body and year: a cell, an applicant column, a row named word for word.

``state`` words a figure with every source that agrees or disagrees; ``answer`` finds the figure
(falling back on the sentences of the report when the fact store has none).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import replace

from assistant.answering import counted as counted_figures, labelled, phrases
from assistant.answering.ambiguity import not_found
from assistant.answering.conflicts import claims, disagreement
from assistant.answering.context import Context, Figure, Question
from assistant.answering.lookup import figures, same_value
from assistant.answering.passages import from_passages
from assistant.answering.phrases import column_en, english_amount, fill
from assistant.answering.vocabulary import vocabulary
from assistant.catalogue import normalise_label
from assistant.understanding import metrics as metric_words
from assistant.understanding.clauses import after_scope, first_ask, stated_figures, without_statement
from assistant.ingest.numbers import format_value
from assistant.ingest.national_tables import request_table_metrics, template_metrics
from assistant.records import ANSWERED, NATIONAL_2019, NATIONAL_2021, NOT_FOUND, Answer, Citation


def answer(ctx: Context, q: Question, body: str, year: int, metric: str) -> Answer:
    """A lookup: the named row, the asked column, or the metric's figure with its conflicts; a
    figure the question states itself is the whole it asks a part of, never the answer."""
    together = _channels_together(ctx, q, body, year)
    if together is not None:
        return labelled.worded(ctx, q, body, year, together)
    found = _answer(ctx, q, body, year, metric)
    category = _category_named_beside(ctx, q, body, year, metric, found)
    if category is not None:
        return category
    stated = stated_figures(q.text)
    if stated and (found.status != ANSWERED or found.value in stated):
        # "X received 211 new requests. How many were addressed to the district government?",
        # "how many government-affairs items were among the 59 items": the metric names the whole
        # the question gives; the part is the sentence whose label says what is asked
        return _part_of_whole(ctx, q, body, year, found, without_statement(q.text), stated)
    asked = first_ask(q.text)
    rest = after_scope(asked)
    if rest and found.status == ANSWERED and not q.column and not metric_words.metrics(rest, ctx.catalogue) and _names_the_scope(ctx, asked, rest, metric):
        # 北碚区2022年收到的申请中，向各街镇提出的有多少件: the metric is the scope's (收到的申请); the
        # words after it name a part no metric knows
        return _part_of_whole(ctx, q, body, year, found, rest, ())
    return found


def _channels_together(ctx: Context, q: Question, body: str, year: int) -> Figure | None:
    """Several channels asked as one figure ("via its portal, WeChat and Weibo", 通过微信、微博发布多少条):
    the sentence that states the figure of those channels together (全年厅门户网站、微信、微博发布政府
    信息共有3343条); None when one channel is asked or no sentence lists them all."""
    metrics = ctx.catalogue.metrics
    asked = [m for m in q.metrics if ctx.catalogue.is_channel(m)]
    if len(asked) < 2 or len({metrics[m].parent for m in asked}) != 1:
        return None
    for row in ctx.store.query_facts(body=body, year=year):
        if row["kind"] == "prose" and row["value"] is not None and set(asked) <= set(ctx.catalogue.channels_listed(row["row_path"], row["unit"])):
            return ctx.figure(row)
    return None


# How much of a category's label the question must write (all of it) before the category answers
# instead of the whole it is listed under.
_WHOLE_LABEL = 0.99


def _category_named_beside(ctx: Context, q: Question, body: str, year: int, metric: str, whole: Answer) -> Answer | None:
    """主动公开的工作动态有多少条, "how many of the items it disclosed were work-dynamics items": the
    question names the whole its metric answers and, beside it, every word of a category the report
    lists after the whole, up to the end of the next paragraph (共主动公开信息35条。类别情况：工作动态17条…),
    or anywhere in its report when a table states the whole or none is stated: the category's
    figure, never the whole's. A label the metric's own names hold (网站 of
    政府网站公开政府信息数) is the whole restated and names no category."""
    sentences = [c for c in whole.citations if c.kind == "sentence"] if whole.status == ANSWERED else []
    if sentences:
        listed = {(r["source"], r["start"], r["value"]) for c in sentences for r in _listed_after(ctx, c.source, c.start, c.end)}
    elif whole.status == ANSWERED:  # a table states the whole: its report's sentences list the categories
        sources = {c.source for c in whole.citations}
        listed = {(r["source"], r["start"], r["value"]) for s in sources for r in _items_of_lists(ctx, q, s)}
    else:
        listed = {(r["source"], r["start"], r["value"]) for rep in ctx.reports_of(body, year) for r in _items_of_lists(ctx, q, rep["source"])}
    m = ctx.catalogue.metrics.get(metric)
    names = [ctx.metric_name_zh(metric), *(m.synonyms_zh if m else ()), *(c.quote for c in whole.citations)]
    whole_words = frozenset().union(*(labelled.char_pairs(n) for n in names))
    for row, (label_covered, _) in labelled.coverages(ctx, q, body, year):
        if label_covered < _WHOLE_LABEL or (row["source"], row["start"], row["value"]) not in listed or row["value"] == whole.value:
            continue
        if labelled.char_pairs(row["row_path"].split(" › ")[-1]) <= whole_words:
            continue
        return labelled.worded(ctx, q, body, year, ctx.figure(row))
    return None


# A list of categories: a sentence stating at least this many counted figures (政府领导231条、机构设置70条…).
_LIST_ITEMS = 3
_CATEGORY_SUFFIX_RE = re.compile(r"(?:类|类别)?(?:信息|事项)?$")


def _items_of_lists(ctx: Context, q: Question, source: str) -> list[dict]:
    """The prose figures of ``source`` that are items of a list of categories (no whole stated in a
    sentence before them to tie them to): for a Chinese question, only a category it writes out
    apart from the body's name (“政府领导”类信息, 通知公告), never one it only shares words with."""
    rows = [r for r in ctx.store.query_facts(source=source) if r["kind"] == "prose" and r["value"] is not None]
    per_sentence = Counter((r["start"], r["unit"]) for r in rows)
    asked = labelled.without_names(ctx, q.text) if q.lang == "zh" else ""
    return [
        r
        for r in rows
        if per_sentence[(r["start"], r["unit"])] >= _LIST_ITEMS
        and (q.lang != "zh" or _CATEGORY_SUFFIX_RE.sub("", r["row_path"].split(" › ")[-1]) in asked)
    ]


def _listed_after(ctx: Context, source: str, start: int, end: int) -> list[dict]:
    """The prose figures from the sentence ``start:end`` of ``source`` to the end of the paragraph
    after the one it ends in: where a report lists the parts of the figure it states."""
    text = ctx.text(source)
    stop = end
    for _ in range(2):
        line_end = text.find("\n", stop + 1)
        stop = len(text) if line_end < 0 else line_end
    return [r for r in ctx.store.query_facts(source=source) if r["kind"] == "prose" and r["value"] is not None and start <= r["start"] < stop]


def _names_the_scope(ctx: Context, asked: str, rest: str, metric: str) -> bool:
    """Whether ``metric`` is what the scope of ``asked`` names (收到的申请 of …申请中，), not a result
    its rest turned it to (行政复议案件中，结果被纠正的有几件: corrected, not every case)."""
    scope = asked[: len(asked) - len(rest)]
    return metric in metric_words.metrics(scope, ctx.catalogue)


def _part_of_whole(ctx: Context, q: Question, body: str, year: int, whole: Answer, asked: str, stated: tuple[float, ...]) -> Answer:
    """The figure ``asked`` names within the whole ``whole`` answers (the sentence whose label says
    it), or not found with what is given: the whole is never its own part."""
    part = labelled.answer(ctx, replace(q, text=asked), body, year)
    if part is not None and part.value not in stated:
        if part.value != whole.value:
            return replace(part, question=q.text)
        if whole.citations and part.citations and (whole.citations[0].source, whole.citations[0].start) == (part.citations[0].source, part.citations[0].start):
            return whole  # the metric's own sentence was already the part (其中政务动态类159条)
    if whole.status == ANSWERED:
        return not_found(q, fill(q, phrases.ONLY_THE_WHOLE, value=format_value(whole.value), unit=whole.unit or ""))
    return whole


def _answer(ctx: Context, q: Question, body: str, year: int, metric: str) -> Answer:
    named = named_row(ctx, q, body, year) if q.intent == "lookup" else None
    if named is not None:
        return named
    if q.column and metric not in ctx.memo("request_table_metrics", lambda: request_table_metrics(ctx.catalogue)):
        # 国家企业信用信息公示系统 writes 企业, yet only the request table is split by applicant
        q = replace(q, column=None)
    found = figures(ctx, body, year, metric, q.column)
    if not found and q.column:
        # a sentence states totals, never one applicant column: no figure rather than the total
        return not_found(q, fill(
            q, phrases.COLUMN_NOT_LISTED, org=ctx.org(q, body), year=year, column=q.column,
            column_en=column_en(q.column), name=ctx.metric_name(q, metric),
        ))
    cumulative = labelled.asks_cumulative(q.text)
    if found and not cumulative:
        # a running total a sentence states (历年累计公开170条) is never the year's figure
        found = [f for f in found if f.kind == "table" or not labelled.runs_on(f)]
    if found:
        # 门户网站…设有多少子专栏: what is counted (子专栏) is named by another sentence's figure,
        # not by the metric's (政府网站公开政府信息数)
        m = ctx.catalogue.metrics.get(metric)
        names = [ctx.metric_name_zh(metric), *(m.synonyms_zh if m else ()), *(f.label for f in found)]
        counted = counted_figures.counted_figure(ctx, q, body, year, names)
        if counted is not None:
            return labelled.worded(ctx, q, body, year, counted)
    running = [f for f in found if f.kind != "table" and labelled.runs_on(f)]
    if cumulative and running:
        # 截至2014年底累计主动公开多少条: the running total, and the year's figure is no conflict of it
        stated = state(ctx, q, body, year, metric, running)
        return replace(stated, answer=stated.answer + fill(q, phrases.RUNNING_TOTAL, label=running[0].label))
    if found and labelled.unit_contradicts(q, [f.unit for f in found]):
        # "how many times did it adjust its website columns": a count of items on the website
        # is not what is asked; the sentence whose words and unit fit is (the row was read: its
        # figure is in another unit)
        return _not_stored(ctx, q, body, year, metric, row_read=True)
    if not found:
        return _not_stored(ctx, q, body, year, metric)
    if all(f.kind != "table" for f in found):
        # the metric was read from loose words ("person-times" of on-site enquiries is no count of
        # trainees): when the sentence whose label says what the question asks is none of the
        # metric's, it answers
        if _a_sentence_fits_better(ctx, q, body, year, found):
            return labelled.answer(ctx, q, body, year) or state(ctx, q, body, year, metric, found)
    if cumulative and not any(labelled.runs_on(f) for f in found):
        # 历年累计公开多少条: the running total a sentence states, not the year's figure
        return labelled.answer(ctx, q, body, year) or state(ctx, q, body, year, metric, found)
    return state(ctx, q, body, year, metric, _best_labelled_first(ctx, q, body, year, found))


# How much more of the question a sentence's label must cover than the metric's own sentences do
# before it answers instead of them.
_BETTER_BY = 0.3


def _a_sentence_fits_better(ctx: Context, q: Question, body: str, year: int, found: list[Figure]) -> bool:
    """Whether the best-labelled sentence of the report is none of the metric's figures and says
    what the question asks clearly better than any of them."""
    scored = labelled.coverages(ctx, q, body, year)
    fitting = [(row, covered) for row, covered in scored if covered[0] >= labelled.LABEL_COVERED and covered[1] >= labelled.ASK_COVERED]
    if not fitting:
        return False
    best_row, best = fitting[0]
    mine = [covered[1] for row, covered in scored if any(f.citation.start == row["start"] and f.value == row["value"] for f in found)]
    if any(f.citation.start == best_row["start"] and f.value == best_row["value"] for f in found):
        return False
    return best[1] - max(mine, default=0.0) >= _BETTER_BY


_QUOTED_RE = re.compile(r"[“\"「『]([^”\"」』]{2,20})[”\"」』]")


def _best_labelled_first(ctx: Context, q: Question, body: str, year: int, found: list[Figure]) -> list[Figure]:
    """Sentences only (全县529条 and 在县政务公开网发布173条): the one whose label says best what the
    question asks comes first; the others stay beside it, as agreeing or disagreeing."""
    if any(f.kind == "table" for f in found):
        return found
    pick = labelled.figure(ctx, q, body, year)  # 主动公开多少条？其中政务微信多少条？: the first ask leads
    if pick is None:
        return found
    first = [f for f in found if f.citation.start == pick.citation.start and f.value == pick.value]
    if first:
        return first + [f for f in found if f not in first]
    # a name the question quotes (“善治春城”发布了多少条) that the figure's label holds names it
    quoted = [m.group(1) for m in _QUOTED_RE.finditer(labelled.quoted_in_question(ctx, q, body, year))]
    return [pick, *found] if quoted and any(name in pick.label for name in quoted) else found


def _not_stored(ctx: Context, q: Question, body: str, year: int, metric: str, *, row_read: bool = False) -> Answer:
    """No fact of the metric (or none in the unit asked): a figure the question's words name in a
    sentence, else the sentence that states the metric, else a not-found naming it. A national
    table's row that was not read (its cells could not be placed) is no sentence's figure: the
    sentence nearest in words (全年新收…38件 for 上年结转) states another row."""
    in_tables = ctx.memo("national_table_metrics", lambda: template_metrics(ctx.catalogue))
    unread_row = not row_read and metric in in_tables and any(r["template"] in (NATIONAL_2019, NATIONAL_2021) for r in ctx.reports_of(body, year))
    found = None if unread_row else labelled.answer(ctx, q, body, year)
    return found or from_passages(ctx, q, [body], year_hint=year, missing_metric=metric)


def fallback(ctx: Context, q: Question, body: str, year: int, metric: str) -> Answer:
    """The metric's own figure, or its sentence: what a breakdown with no parts answers."""
    found = figures(ctx, body, year, metric)
    if not found:
        return _not_stored(ctx, q, body, year, metric)
    return state(ctx, q, body, year, metric, found)


def named_row(ctx: Context, q: Question, body: str, year: int) -> Answer | None:
    """A table row the question names word for word that no canonical metric covers (主动公开部门
    文件数, a row some bodies add): its own figure, never its parent's metric."""
    if q.lang != "zh" or q.column:
        return None
    asked = normalise_label(q.text)
    whole_columns = vocabulary().whole_columns
    best: tuple[str, dict] | None = None
    for row in ctx.store.query_facts(body=body, year=year):
        if row["kind"] != "table" or row["metric"] is not None or row["column_name"] not in whole_columns:
            continue
        label = normalise_label(json.loads(row["row_path_json"])[-1])
        core = label.removesuffix("数")
        if len(core) >= 4 and core in asked and (best is None or len(core) > len(best[0])):
            best = (label, row)
    if best is None:
        return None
    label, row = best
    figure = ctx.figure(row)
    org = ctx.org(q, body)
    if figure.value is None:
        text = phrases.NAMED_ROW_BLANK_ZH.format(org=org, year=year, label=label)
        return Answer(q.text, NOT_FOUND, text, None, None, (figure.citation,))
    text = phrases.NAMED_ROW_ZH.format(org=org, year=year, label=label, value=format_value(figure.value), unit=figure.unit or "")
    return Answer(q.text, ANSWERED, text, figure.value, figure.unit, (figure.citation,))


def state(ctx: Context, q: Question, body: str, year: int, metric: str, found: list[Figure]) -> Answer:
    """The first figure, cited, with one agreeing source beside it and every disagreeing one
    (other figures, claims without a number) listed in a note and as conflicts."""
    primary = found[0]
    others = [f for f in found[1:] if f.value is not None and not same_value(f, primary)]
    # two facts of one sentence (未收取任何费用，收取费用0元) are one source, cited once
    agreeing = [f for f in found[1:] if same_value(f, primary) and f.citation != primary.citation]
    said = claims(ctx, body, year, metric)
    citations: list[Citation] = [primary.citation] + [f.citation for f in agreeing[:1]] + [f.citation for f in others]
    citations += [c for _, _, c in said]
    org = ctx.org(q, body)
    name = ctx.metric_name(q, metric)
    if q.column and q.intent != "breakdown":
        name += fill(q, phrases.COLUMN_OF_NAME, column=q.column, column_en=column_en(q.column))
    unit = primary.unit or ""
    if primary.value is None:
        numbers = re.findall(r"\d[\d,.]*", primary.written)
        if len(numbers) > 1:  # stored unread: the row's numbers as written (see national_tables)
            text = fill(q, phrases.UNREAD_CELL, org=org, year=year, name=name, written=primary.written, count=len(numbers), width=7)
        else:
            text = fill(q, phrases.LEFT_BLANK, org=org, year=year, name=name)
        return Answer(q.text, NOT_FOUND, text, None, None, tuple(citations))
    text = fill(
        q, phrases.FIGURE, org=org, year=year, name=name, value=format_value(primary.value), unit=unit,
        markers="[1][2]" if agreeing else "[1]", amount=english_amount(primary.value, unit),
    )
    conflicts: list[tuple[float | str, Citation]] = []
    if others or said:
        note, conflicts = disagreement(q, primary, others, 2 + len(agreeing[:1]), said)
        text += note
    return Answer(q.text, ANSWERED, text, primary.value, primary.unit, tuple(citations), tuple(conflicts))
