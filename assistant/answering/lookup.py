"""Figure lookup: a cell, one applicant column, a sum of rows, or the sum of a row's children.

Every function returns figures best first: table figures (the statistical record) before
figures stated in prose, so ``figures(...)[0]`` is the value an answer states and the rest are
agreeing or disagreeing evidence.
"""

from __future__ import annotations

import re

from assistant.answering.context import Context, Figure
from assistant.answering.vocabulary import vocabulary


def same_value(figure: Figure, primary: Figure) -> bool:
    """Equal once in one unit: the text's 收取费用0元 agrees with the table's 0 万元."""
    if figure.value is None or primary.value is None:
        return figure.value == primary.value
    scale = {"元": 1.0, "万元": 10_000.0}
    if figure.unit in scale and primary.unit in scale:
        return abs(figure.value * scale[figure.unit] - primary.value * scale[primary.unit]) < 1e-6
    return figure.value == primary.value


def figures(ctx: Context, body: str, year: int, metric: str, column: str | None = None) -> list[Figure]:
    """Table figures first (the statistical record), then figures stated in prose.

    ``column`` asks for one applicant column (自然人 …) instead of the total.
    """
    rows = ctx.store.query_facts(body=body, year=year, metric=metric)
    if column:
        return _column(ctx, rows, column)
    whole_columns = vocabulary().whole_columns
    table = [r for r in rows if r["kind"] == "table"]
    whole = [r for r in table if r["column_name"] in whole_columns]
    if not whole and len({r["column_name"] for r in table}) == 1:
        whole = table  # the column is part of the metric (行政处罚 › 本年处理决定数量)
    whole += [r for r in rows if r["kind"] != "table" and r["column_name"] in whole_columns]
    rows = sorted(whole, key=lambda r: (r["kind"] != "table", r["start"]))
    found = [ctx.figure(r) for r in rows]
    if not any(f.kind == "table" for f in found):
        # no cell holds it (lawsuits = direct + after reconsideration): the table's parts come
        # first, and a sentence that states another value stands beside them as a conflict
        # the parts' sum never replaces a total a sentence states (63 stated; 16 + 214 by channel)
        found = (_summed(ctx, body, year, metric) or ([] if found else _from_children(ctx, body, year, metric))) + found
    return found or _through_channel(ctx, body, year, metric) or _through_its_one_channel(ctx, body, year, metric)


# A web address written for the site it names: 通过广昌县人民政府(http://www.jxgc.gov.cn)主动公开 is
# 通过广昌县人民政府网站主动公开.
_URL_RE = re.compile(r"[（(]?\s*(?:https?://|www\.)[\w./:%?=&#-]*\s*[)）]?", re.IGNORECASE)


def _through_channel(ctx: Context, body: str, year: int, metric: str) -> list[Figure]:
    """A channel's figure no sentence states apart (how many items on the website) from the
    sentence stating the whole as published through that channel (通过县政府网站主动公开信息57条:
    the report's total is its website's count)."""
    defined = ctx.catalogue.metrics.get(metric)
    if defined is None or not defined.parent:
        return []
    found = []
    for row in ctx.store.query_facts(body=body, year=year, metric=defined.parent):
        if row["kind"] == "table" or row["value"] is None or not row.get("value_start"):
            continue
        lead = _URL_RE.sub("网站", ctx.text(row["source"])[row["start"] : row["value_start"]])
        if ctx.catalogue.match_prose(lead, row["unit"]) == metric:
            found.append(ctx.figure(row))
    return found


def _column(ctx: Context, rows: list[dict], column: str) -> list[Figure]:
    exact = [ctx.figure(r) for r in rows if r["column_name"] == column]
    if exact or column != "法人或其他组织":
        return exact
    legal_entity = vocabulary().legal_entity_columns
    parts = [ctx.figure(r) for r in rows if r["column_name"] in legal_entity]
    if len(parts) != len(legal_entity) or any(p.value is None for p in parts):
        return []
    return [Figure(sum(p.value for p in parts), parts[0].unit, "table", column, parts[0].citation)]


def _from_children(ctx: Context, body: str, year: int, metric: str) -> list[Figure]:
    """A row with no figures of its own (（三）不予公开) is the sum of its reasons."""
    children = [figures(ctx, body, year, child) for child in ctx.catalogue.children(metric)]
    children = [c for c in children if c]
    if len(children) < 2 or any(c[0].value is None for c in children):
        return []
    one_sentence = len({(c[0].citation.source, c[0].citation.start) for c in children}) == 1
    if any(c[0].kind != "table" for c in children) and not one_sentence:
        return []  # parts stated in prose add up only when one sentence states them all (专职1名、兼职4名)
    total = sum(c[0].value for c in children)
    # cite the rows that make the sum (a zero row proves nothing of it), the first as the source
    counted = [c[0] for c in children if c[0].value] or [children[0][0]]
    return [Figure(total, counted[0].unit, "table", ctx.metric_name_zh(metric), counted[0].citation)] + [
        Figure(total, f.unit, "table", f.label, f.citation) for f in counted[1:]
    ]


def _summed(ctx: Context, body: str, year: int, metric: str) -> list[Figure]:
    """New-template metrics held in no single cell (all lawsuits = direct + after reconsideration)."""
    parts = ctx.catalogue.metrics[metric].sum_of if metric in ctx.catalogue.metrics else ()
    if not parts:
        return []
    found = [figures(ctx, body, year, part) for part in parts]
    if not all(found) or any(f[0].value is None for f in found):
        return []
    total = sum(f[0].value for f in found)
    first = found[0][0]
    # cite the first part; the others follow as agreeing evidence of the sum
    return [Figure(total, first.unit, "table", ctx.metric_name_zh(metric), first.citation)] + [
        Figure(total, f[0].unit, "table", f[0].label, f[0].citation) for f in found[1:]
    ]


def _through_its_one_channel(ctx: Context, body: str, year: int, metric: str) -> list[Figure]:
    """A whole no sentence states apart, from the one channel's sentence that states it in the
    whole's own words (通过区政府网站“政府信息公开”平台主动公开政府信息62件, and no other channel's
    count): what the report disclosed, all through that channel."""
    channels = [m for m in ctx.catalogue.children(metric) if ctx.catalogue.is_channel(m)]
    if not channels:
        return []
    rows = [r for r in ctx.store.query_facts(body=body, year=year) if r["metric"] in channels and r["kind"] != "table" and r["value"] is not None]
    own_words = [w for w in ctx.catalogue.metrics[metric].synonyms_zh if len(w) >= 4]
    if len(rows) != 1 or not ctx.catalogue.states(metric, rows[0]["row_path"], rows[0]["unit"]) or not any(w in rows[0]["row_path"] for w in own_words):
        return []  # 通过政府网站向外发布信息共895条 says what the website carried, not what was disclosed in all
    return [ctx.figure(rows[0])]
