"""Questions asking several figures: every figure answered, in the order asked, in one answer.

``clauses.asks`` splits the question ("…收到多少件？其中网络申请和信函申请各多少件？" gives three asks);
the first ask is the question's own answer, and each later ask is read as a follow-up of the
question, so it keeps the body and year the question names (the total that 其中 refers to is the
first ask's). A later ask that names no figure of its own is never given the first ask's metric:
it is looked up by its own words (``labelled``) or said not to be found.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from assistant.answering.context import Question
from assistant.answering.counted import share_beside
from assistant.answering.labelled import asks_cumulative
from assistant.answering.vocabulary import vocabulary
from assistant.understanding.clauses import first_ask
from assistant.records import ANSWERED, NOT_FOUND, Answer, AnswerPart
from assistant.understanding.cues import RESULT_CUES, RESULT_METRICS

_MARKER_RE = re.compile(r"\[(\d+)\]")


def later_question(asked: Question, question: Question) -> Question:
    """A later ask read as a follow-up: its body and year from the question; a metric only of its
    own, and never the first ask's again (其中外国人申请多少件 names no row: its 申请 is no second
    reading of 收到申请), unless the ask names another column of it (法人或其他组织多少件 after
    自然人多少件) or its own words turn the borrowed row into another of the question's figures'
    kin (现行有效的有多少件 after 制发多少件: the row's 现行有效 column)."""
    if "metrics" in asked.inherited and asked.metrics and question.metrics and _result_of(asked.metrics[0], question.metrics[0]):
        return asked  # …被申请行政复议几件？其中维持原答复的有几件: a result of the first figure, named by its cue
    if "metrics" in asked.inherited and asked.metrics and question.metrics and asked.metrics[0] != question.metrics[0]:
        # …制发多少件？现行有效的有多少件, …上一年项目数量、…和处理决定数量: the ask's own words turned
        # the row to another of its columns
        return asked
    same = "metrics" in asked.inherited or (asked.metrics and question.metrics and asked.metrics[0] == question.metrics[0])
    if same and asks_cumulative(asked.text) and not asks_cumulative(first_ask(question.text.lower())):
        return asked  # …主动公开了多少条？截至2016年底累计公开多少条: the running total of the same figure
    if same and asks_cumulative(first_ask(question.text.lower())) and not asks_cumulative(asked.text) and asked.years:
        return asked  # "…disclosed cumulatively, and how many were added in 2010": the year's figure of it
    if "metrics" in asked.inherited or (asked.metrics and question.metrics and asked.metrics[0] == question.metrics[0]):
        if asked.column and asked.column != question.column:
            return asked  # 自然人多少件，法人或其他组织多少件: the same row, another column
        return without_borrowed_metric(asked)
    return asked


def without_borrowed_metric(asked: Question) -> Question:
    """An ask that named no figure, without the one it borrowed: read by its own words."""
    return replace(asked, metrics=(), inherited=tuple(i for i in asked.inherited if i != "metrics"))


def not_given(question: str, ask: str) -> Answer:
    """An ask the reports give no figure for, named as missing."""
    return Answer(question, NOT_FOUND, fill_part(ask), None, None, ())

def _result_of(metric: str, base: str) -> bool:
    """Whether ``metric`` is one result (upheld, corrected …) of the count ``base``."""
    pattern = RESULT_METRICS.get(base)
    return bool(pattern) and metric != base and any(metric == pattern.format(kind) for kind in RESULT_CUES)


def combine(primary: Answer, asks: Sequence[str], answer_ask: Callable[[str, Sequence[Answer]], Answer]) -> Answer:
    """``primary`` (the whole question's answer, for its first ask) with every later ask's answer
    after it: texts joined, citations numbered on, one part per ask. ``answer_ask`` gets each ask
    with the answers of the asks before it, the last one last (what "that" and 其 refer to)."""
    parts = [AnswerPart(asks[0], primary.status, primary.value, primary.unit, primary.citations)]
    citations = list(primary.citations)
    conflicts = list(primary.conflicts)
    texts = [primary.answer]
    earlier = [primary]
    for ask in asks[1:]:
        found = answer_ask(ask, tuple(earlier))
        earlier.append(found)
        if found.status != ANSWERED or found.value is None:
            # every ask asks a figure: one the reports do not give is named as missing, not answered
            # with related sentences or a list of what is stored
            found = not_given(ask, ask)
        offset = len(citations)
        texts.append(_MARKER_RE.sub(lambda m: f"[{int(m.group(1)) + offset}]", found.answer))
        citations += found.citations
        conflicts += [c for c in found.conflicts if c not in conflicts]  # each part's disagreement is the answer's too
        parts.append(AnswerPart(ask, found.status, found.value, found.unit, found.citations))
    return replace(primary, answer=" ".join(texts), citations=tuple(citations), conflicts=tuple(conflicts), parts=tuple(parts))


def fill_part(ask: str) -> str:
    if re.search(r"[\u4e00-\u9fff]", ask):
        return f"（报告中没有找到“{ask}”的数字。）"
    return f"(The reports give no figure for “{ask}”.)"


def share_of_previous(q: Question, previous: Answer) -> Answer | None:
    """A later ask asking the share of the figure asked before it ("how many were work updates,
    and what share of the total was that?", 占比多少): the share the report states beside that
    figure (工作动态43条，占信息公开总量的75.44%); None when none is stated."""
    if previous.status != ANSWERED or q.metrics or not vocabulary().asks_share.search(q.text.lower()):
        return None
    return share_beside(q, previous)
