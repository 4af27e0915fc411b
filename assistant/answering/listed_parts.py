"""A later part of an English question named among the figures listed beside the one before it.

"In 2014, how many 院务公开 items and how many work-bulletin items did the hospital publish?":
the report lists its categories in the sentence that answered the first part (…其中院务公开类42条、
工作简报类68条、收费公示类46条), and "work-bulletin" is in no glossary. The words the part asks are
compared by the embedding model with the labels of the figures of that sentence and of the sentence
right after it (…累计主动公开272条。2010年新增主动公开57条…); the part is answered only when one label
is clearly closer than every other, and never with a figure an earlier part already gave.
Chinese parts are matched by their own characters (``labelled``) and never come here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.answering import labelled
from assistant.answering.context import Context, Question
from assistant.records import ANSWERED, Answer

# How much closer (cosine) the best label must be than the next before it answers, and how close
# at least: below either, the part stays not found.
_MARGIN = 0.02
_FLOOR = 0.75
# What only makes the part a question, or is said of every figure in the list.
_ASKING_RE = re.compile(
    r"\b(?:how many|how much|what|which|of them|of these|of those|of which|among them|and|or|as well as|"
    r"did|does|do|was|were|is|are|has|have|had|the|a|an|in|on|at|by|for|its|their|it|they|that|this|"
    r"year|publish(?:ed)?|disclose[ds]?|release[ds]?|post(?:ed)?|items?|pieces?|number|proactively|respectively)\b"
)
_CITED_SENTENCE = "sentence"

Embed = Callable[[Sequence[str]], list[list[float]]]


def asked_words(ctx: Context, q: Question) -> str:
    """The words an English part asks, without names, years and question words ('work-bulletin')."""
    text = labelled.without_names(ctx, q.text).lower()
    text = _ASKING_RE.sub(" ", re.sub(r"[?？,，.。'\"“”‘’()（）]", " ", text))
    return " ".join(text.split())


def named_beside(
    ctx: Context, q: Question, earlier: Sequence[Answer], embed_query: Callable[[str], list[float]], embed_labels: Embed
) -> Answer | None:
    """The figure listed beside the last answered part whose label the part's words name, or None."""
    answered = [a for a in earlier if a.status == ANSWERED and a.citations]
    if q.lang != "en" or not answered or answered[-1].citations[0].kind != _CITED_SENTENCE:
        return None
    words = asked_words(ctx, q)
    if len(words) < 3:
        return None
    cited = answered[-1].citations[0]
    candidates = _listed(ctx, cited.source, cited.start, cited.end)
    given = {(c.source, c.start, a.value) for a in answered for c in a.citations}
    units = labelled.unit_asked(q.text.lower())
    candidates = [r for r in candidates if r["unit"] != "%" and (units is None or r["unit"] in units)]
    parts_of = _parts_of_answered(candidates, answered[-1].value, cited.start) if _OF_THEM_RE.search(q.text) else []
    candidates = parts_of or candidates
    if len(candidates) < (1 if parts_of else 2):
        return None
    labels = [_bare_label(r["row_path"]) for r in candidates]
    asked = embed_query(words)
    scores = sorted(
        ((sum(a * b for a, b in zip(asked, vector)), i) for i, vector in enumerate(embed_labels(labels))), reverse=True
    ) + [(-1.0, -1)]
    (best, at), (second, _) = scores[0], scores[1]
    row = candidates[at]
    if best < _FLOOR or best - second < _MARGIN or (row["source"], row["start"], row["value"]) in given:
        return None
    body, year = row["body"], row["year"]
    return labelled.worded(ctx, q, body, year, ctx.figure(row))


def part_of_answered(ctx: Context, q: Question, earlier: Sequence[Answer]) -> Answer | None:
    """A Chinese part asking what the report states as part of the figure answered before it, in
    the part's own words: 重点项目94条，其中新增18条 answers "其中当年新增几条" after 重点项目 with 18,
    never with the 新增 of another category in the same list; None when no such part is stated."""
    answered = [a for a in earlier if a.status == ANSWERED and a.citations]
    if q.lang != "zh" or not answered or answered[-1].citations[0].kind != _CITED_SENTENCE:
        return None
    cited = answered[-1].citations[0]
    candidates = _listed(ctx, cited.source, cited.start, cited.end)
    asked = re.sub(r"\s", "", q.text)
    parts = [r for r in _parts_of_answered(candidates, answered[-1].value, cited.start) if _own_words(r["row_path"]) in asked]
    if len(parts) != 1:
        return None
    row = parts[0]
    return labelled.worded(ctx, q, row["body"], row["year"], ctx.figure(row))


def _own_words(label: str) -> str:
    """What a stated part says of itself (新增 of 政府文件，其中今年新增)."""
    own = label.split(" › ")[-1].split("，")[-1]
    return re.sub(r"^(?:其中)?(?:今年|当年|本年度?|年内|全年)?", "", own) or own


_OF_THEM_RE = re.compile(r"\b(?:of|among) (?:them|these|those|which)\b", re.IGNORECASE)


def _parts_of_answered(candidates: list[dict], value: object, start: int) -> list[dict]:
    """The figures the report states as parts of the one that answered the part before (政府文件180条，
    其中新增31条: the label 政府文件，其中新增 leads with 政府文件)."""
    whole = next((r["row_path"] for r in candidates if r["start"] == start and r["value"] == value), None)
    if not whole:
        return []
    return [r for r in candidates if r["row_path"].startswith(whole.split(" › ")[-1] + "，")]


def _listed(ctx: Context, source: str, start: int, end: int) -> list[dict]:
    """The prose figures of the sentence ``start:end`` of ``source`` and of the sentence right after it."""
    rows = [r for r in ctx.store.query_facts(source=source) if r["kind"] == "prose" and r["value"] is not None]
    text = ctx.text(source)
    after = end + len(text[end:]) - len(text[end:].lstrip())  # a figure's span is its whole sentence
    return [r for r in rows if r["start"] in (start, after)]


def _bare_label(label: str) -> str:
    """A label without the words that only join it to the list (其中, 具体为)."""
    return re.sub(r"^(?:其中|包括|具体为|分别为|另有)[:：,，]?", "", label.split(" › ")[-1]).strip("“”\"'：:，, ")
