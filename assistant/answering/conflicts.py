"""Sources that disagree, and claims without a number (所有申请均已按时办结).

A figure is never stated alone when another source gives another value: ``disagreement`` words
the note that lists every value with its citation. The on-time claims are sentences the ingest
recorded as findings; ``claims`` turns them into what they claim, in Chinese and English.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answering import phrases
from assistant.answering.context import Context, Figure, Question
from assistant.answering.lookup import figures
from assistant.answering.phrases import fill
from assistant.answering.vocabulary import vocabulary
from assistant.ingest.numbers import format_value
from assistant.records import ANSWERED, Answer, Citation

Claim = tuple[str, str, Citation]  # what the sentence claims in Chinese and English, and where


def claims(ctx: Context, body: str, year: int, metric: str) -> list[Claim]:
    """Sentences that claim a value without a number (所有申请均已按时办结)."""
    if metric not in ("requests_on_time", "requests_late"):
        return []
    out = []
    for report in ctx.reports_of(body, year):
        for finding in ctx.store.findings(source=report["source"]):
            if finding["metric"] == "requests_on_time" and finding["evidence"] and finding["evidence"][0][0] is None:
                _, start, end = finding["evidence"][0]
                said = _all_on_time(ctx, body, year) if metric == "requests_on_time" else ("0", "0")
                out.append((*said, ctx.citation(report, start, end, "sentence")))
    return out


def _all_on_time(ctx: Context, body: str, year: int) -> tuple[str, str]:
    """What "all answered on time" claims, in Chinese and English, with the number it implies
    when the table has one: every request completed (on time + late)."""
    parts = [figures(ctx, body, year, m) for m in ("requests_on_time", "requests_late")]
    if all(p and p[0].value is not None and p[0].kind == "table" for p in parts):
        count = format_value(parts[0][0].value + parts[1][0].value)
        zh, en = phrases.ALL_ON_TIME_COUNTED
        return zh.format(count=count), en.format(count=count)
    return phrases.ALL_ON_TIME


def disagreement(
    q: Question, primary: Figure, others: list[Figure], first_index: int, said: list[Claim]
) -> tuple[str, list[tuple[float | str, Citation]]]:
    """The note that the sources disagree, and the conflicts it lists.

    ``others`` are figures with another value, cited from ``first_index`` on; the claims follow
    them. The primary figure is citation [1].
    """
    parts_zh, parts_en = [], []
    conflicts: list[tuple[float | str, Citation]] = []
    for index, f in enumerate(others, start=first_index):
        where_zh, where_en = phrases.WHERE_TABLE if f.kind == "table" else phrases.WHERE_TEXT
        fields = dict(where_zh=where_zh, where_en=where_en, value=format_value(f.value), unit=f.unit or "", index=index)
        says = phrases.SOURCE_SAYS_IN_WORDS if _in_words(f) else phrases.SOURCE_SAYS
        parts_zh.append(says[0].format(written=f.written, **fields))
        parts_en.append(says[1].format(written=f.written, **fields))
        conflicts.append((f.value, f.citation))
    for index, (said_zh, said_en, citation) in enumerate(said, start=first_index + len(others)):
        fields = dict(said_zh=said_zh, said_en=said_en, index=index)
        parts_zh.append(phrases.CLAIM_SAYS[0].format(**fields))
        parts_en.append(phrases.CLAIM_SAYS[1].format(**fields))
        conflicts.append((said_zh, citation))
    first_zh, first_en = phrases.WHERE_TABLE if primary.kind == "table" else phrases.WHERE_TEXT
    text = fill(
        q, phrases.DISAGREE, first_zh=first_zh, first_en=first_en, value=format_value(primary.value),
        unit=primary.unit or "", parts_zh="，".join(parts_zh), parts_en=", ".join(parts_en),
    )
    return text, conflicts


def _in_words(figure: Figure) -> bool:
    """A reading the text gives in words, no figure written (全年未发生…行政复议 is 0): the
    answer quotes the words, so the reader sees what was read as the number."""
    return figure.kind != "table" and bool(figure.written) and not re.search(r"[0-9０-９]", figure.written) and figure.written in figure.citation.quote


def with_parts_disagreeing(ctx: Context, q: Question, answer: Answer) -> Answer:
    """An answer whose figure is a total stated in a sentence while the parts the sentence lists
    after it add up to another figure (a finding at ingest): both readings, the parts' sum as a
    conflict cited on the words that list them. The stated total stays the answer."""
    if answer.status != ANSWERED or isinstance(answer.value, (str, bool)) or answer.value is None or not answer.citations:
        return answer
    primary = answer.citations[0]
    if primary.kind != "sentence":
        return answer
    for finding in ctx.store.findings(source=primary.source):
        if finding["kind"] != "parts_vs_total" or len(finding["evidence"]) < 3:
            continue
        (value, start, _), *parts = finding["evidence"]
        if value is None or abs(value - answer.value) > 1e-6 or not primary.start <= start < primary.end:
            continue
        parts_sum = sum(p[0] for p in parts)
        if any(v == parts_sum for v, _ in answer.conflicts):
            return answer  # already said
        citation = ctx.citation(ctx.report_by_source(primary.source), parts[0][1], parts[-1][2], "sentence")
        index = len(answer.citations) + 1
        note = fill(
            q, phrases.PARTS_DISAGREE, parts_sum=format_value(parts_sum), unit=answer.unit or "", index=index,
            parts="+".join(format_value(p[0]) for p in parts), value=format_value(answer.value),
        )
        return replace(
            answer, answer=answer.answer + note, citations=(*answer.citations, citation),
            conflicts=(*answer.conflicts, (parts_sum, citation)),
        )
    return answer


def with_balance_broken(ctx: Context, q: Question, answer: Answer) -> Answer:
    """An answer giving the new requests a report's sentences state while what they say was
    settled and carried on to the next year cannot account for them (a finding at ingest): the
    stated figure stays the answer; the note gives the other figures and their sum, cited on the
    words that state them, and the sum is listed as a conflict."""
    if answer.status != ANSWERED or isinstance(answer.value, (str, bool)) or answer.value is None or not answer.citations:
        return answer
    primary = answer.citations[0]
    for finding in ctx.store.findings(source=primary.source):
        if finding["kind"] != "balance" or len(finding["evidence"]) < 3:
            continue
        (received, start, _), (settled, _, _), (onward, _, end), *carried = finding["evidence"]
        if abs(received - answer.value) > 1e-6 or not primary.start <= start < primary.end:
            continue
        went = settled + onward
        if any(v == went for v, _ in answer.conflicts):
            return answer  # already said
        spans = [(s, e) for _, s, e in finding["evidence"]]
        citation = ctx.citation(ctx.report_by_source(primary.source), min(s for s, _ in spans), max(e for _, e in spans), "sentence")
        index = len(answer.citations) + 1
        fields = dict(settled=format_value(settled), onward=format_value(onward), went=format_value(went), unit=answer.unit or "", index=index, received=format_value(received))
        if carried:
            note = fill(q, phrases.BALANCE_BROKEN_WITH_CARRIED, carried=format_value(carried[0][0]), came=format_value(received + carried[0][0]), **fields)
        else:
            note = fill(q, phrases.BALANCE_BROKEN, **fields)
        return replace(
            answer, answer=answer.answer + note, citations=(*answer.citations, citation), conflicts=(*answer.conflicts, (went, citation)),
        )
    return answer


# How far a stated share may be from the one its count and whole give (rounding to whole percents).
_SHARE_TOLERANCE = 0.6
# How far before a share's count its whole may be stated (the sentence before, a list's opening).
_WHOLE_REACH = 300


def with_share_disagreeing(ctx: Context, q: Question, answer: Answer) -> Answer:
    """A share a sentence states beside its count (其它类信息207条,占58.1%) while the count and the
    total stated before it give another (207 of 312 is 66.3%): both readings, the computed share as
    a conflict cited on the total's sentence. The stated share stays the answer."""
    if answer.status != ANSWERED or answer.unit not in ("%", "％") or not isinstance(answer.value, (int, float)) or not answer.citations:
        return answer
    primary = answer.citations[0]
    if primary.kind != "sentence":
        return answer
    rows = [r for r in ctx.store.query_facts(source=primary.source) if r["kind"] == "prose" and r["value"] is not None and r.get("value_start") is not None]
    share = next((r for r in rows if r["start"] == primary.start and r["unit"] in ("%", "％") and r["value"] == answer.value), None)
    if share is None:
        return answer
    counts = [r for r in rows if r["start"] == primary.start and r["unit"] not in ("%", "％") and r["value_end"] <= share["value_start"]]
    if not counts:
        return answer
    count = max(counts, key=lambda r: r["value_end"])
    if not share["row_path"].startswith(count["row_path"] + "，"):
        return answer  # 回复率100%: a rate of something else, not the share of the count before it (…207条,占58.1%)
    metrics = ctx.catalogue.metrics
    wholes = [
        r for r in rows
        if r["value_end"] <= count["value_start"] and count["value_start"] - r["value_end"] <= _WHOLE_REACH and r is not count
        and r["unit"] == count["unit"] and r["metric"] in metrics and metrics[r["metric"]].parent is None and r["value"] > count["value"]
    ]
    if not wholes:
        return answer
    whole = max(wholes, key=lambda r: r["value_end"])
    computed = round(count["value"] / whole["value"] * 100, 1)
    if abs(computed - answer.value) <= _SHARE_TOLERANCE:
        return answer
    citation = ctx.citation(ctx.report_by_source(primary.source), whole["start"], whole["end"], "sentence")
    index = len(answer.citations) + 1
    note = fill(
        q, phrases.SHARE_DISAGREES, count=format_value(count["value"]), whole=format_value(whole["value"]), unit=count["unit"] or "",
        index=index, computed=format_value(computed), value=format_value(answer.value),
    )
    return replace(answer, answer=answer.answer + note, citations=(*answer.citations, citation), conflicts=(*answer.conflicts, (computed, citation)))


_APPROXIMATE_RE = "(大约|约|将近|近|超过|逾)?{value}(多|余)?\\s*{unit}"


def with_approximation(q: Question, answer: Answer) -> Answer:
    """A figure its sentence writes as an approximation (40多人次, 约560人次, 80余条) is given as
    written: the value is the number, the answer says it is approximate."""

    if answer.status != ANSWERED or isinstance(answer.value, (str, bool)) or answer.value is None or not answer.citations:
        return answer
    primary = answer.citations[0]
    if primary.kind != "sentence":
        return answer
    value = format_value(answer.value)
    pattern = _APPROXIMATE_RE.format(value=re.escape(value), unit=re.escape(answer.unit or ""))
    match = re.search(rf"(?<![\d.]){pattern}", primary.quote)
    if not match or not (match.group(1) or match.group(2)):
        return answer
    written = match.group(0)
    word = phrases.APPROXIMATE_WORDS[match.group(1) or match.group(2)]
    return replace(answer, answer=answer.answer.rstrip() + fill(q, phrases.APPROXIMATE, written=written, word=word, value=value))


def on_time_statement(ctx: Context, q: Question, body: str, year: int) -> Answer | None:
    """No on-time/late figures (the national template has no such rows, a narrative report no
    table): a sentence of the report saying every request was answered in time answers
    "yes", quoted, and said to be the report's own statement."""
    from assistant.retrieval.quotes import sentence_spans

    for report in ctx.reports_of(body, year):
        text = ctx.text(report["source"])
        spans = sentence_spans(text)
        for index, (start, end) in enumerate(spans):
            sentence = text[start:end]
            context = sentence if index == 0 else text[spans[index - 1][0] : end]
            if vocabulary().all_on_time.search(sentence) and "申请" in context:
                answer = fill(q, phrases.ON_TIME_STATED, org=ctx.org(q, body), year=year)
                return Answer(q.text, ANSWERED, answer, "yes", None, (ctx.citation(report, start, end, "sentence"),))
    return None
