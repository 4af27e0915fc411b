"""From an understood question to an honest, cited answer.

Figures come from the fact store by SQL; everything else from hybrid retrieval. Every citation
quotes the stored text exactly. When sources disagree the answer says so and gives every value;
when nothing covers the question it says what is available instead of guessing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace

from assistant.answering.phrases import column_en, contact_label, english_amount, say
from assistant.answering.vocabulary import vocabulary
from assistant.catalogue import Catalogue, normalise_label
from assistant.ingest.numbers import format_value
from assistant.records import AMBIGUOUS, ANSWERED, NOT_FOUND, Answer, Candidate, Citation
from assistant.retrieval.question import BodyDirectory, Question
from assistant.store.facts_db import FactStore

# The words and patterns live in assistant/data/answer_vocabulary.yaml, checked once at load.
_V = vocabulary()
_WHOLE_COLUMNS = _V.whole_columns
_LEGAL_ENTITY_COLUMNS = _V.legal_entity_columns
_QUESTION_WORDS = _V.question_words
_NAMED_APPLICANT_RE = _V.named_applicant
_ASKS_DIFFERENCE_RE = _V.asks_difference
_PLANS_RE = _V.plans
_ASKS_FIGURE_RE = _V.asks_figure
_AREA_CODE_RE = _V.area_code
_CONTACT_PATTERNS = _V.contact_patterns
_ALL_ON_TIME_RE = _V.all_on_time
_section_topic = _V.section_topic


@dataclass(frozen=True)
class _Figure:
    """One stored fact with the citation that proves it."""

    value: float | None
    unit: str | None
    kind: str  # table or prose
    label: str
    citation: Citation


def _same_value(figure: _Figure, primary: _Figure) -> bool:
    """Equal once in one unit: the text's 收取费用0元 agrees with the table's 0 万元."""
    if figure.value is None or primary.value is None:
        return figure.value == primary.value
    scale = {"元": 1.0, "万元": 10_000.0}
    if figure.unit in scale and primary.unit in scale:
        return abs(figure.value * scale[figure.unit] - primary.value * scale[primary.unit]) < 1e-6
    return figure.value == primary.value


class Answerer:
    """Answers understood questions over one open store."""

    def __init__(self, store: FactStore, catalogue: Catalogue, directory: BodyDirectory, retriever=None):
        self.store = store
        self.catalogue = catalogue
        self.directory = directory
        self.retriever = retriever
        self._texts: dict[str, str] = {}
        self._reports = store.list_reports()

    # -- entry point -----------------------------------------------------------------------------

    def answer(self, q: Question) -> Answer:
        bodies = list(q.bodies)
        if not bodies:
            unknown = self._unknown_place(q)
            if unknown:
                return self._not_found(q, say(q, f"没有找到{unknown}的报告。", f"No stored report covers {unknown}.") + self._available(q))
            bodies = [r["body"] for r in self._reports if r["body"]]
            bodies = list(dict.fromkeys(bodies))
            if len(bodies) != 1 and q.intent not in ("total", "rank", "compare"):
                return self._ambiguous_body(q, bodies)
        if q.unknown_beside:
            text = say(q, f"没有找到{q.unknown_beside}的报告。", f"No stored report covers {q.unknown_beside}.")
            return self._not_found(q, text + self._available(q))
        if q.intent == "contact":
            return self._contact(q, bodies)
        if not q.metrics or q.intent == "narrative" or (q.wants_names and q.intent == "lookup"):
            # "谁申请了…": the applicants' names stand in sentences, not in a count
            return self._from_passages(self._plans_in_the_year_before(q, bodies), bodies)
        if q.intent in ("compare", "total", "rank", "trend") or len(bodies) > 1 or len(q.years) > 1:
            return self._across(q, bodies)
        return self._single(q, bodies[0])

    # -- single figure ---------------------------------------------------------------------------

    def _single(self, q: Question, body: str) -> Answer:
        years = self._years_for(body, q)
        if isinstance(years, Answer):
            return years
        year = years[0]
        metric = q.metrics[0]
        if q.intent == "breakdown":
            return self._breakdown(q, body, year, metric)
        if q.intent == "yesno":
            return self._yes_no(q, body, year, metric)
        named = self._named_row(q, body, year) if q.intent == "lookup" else None
        if named is not None:
            return named
        figures = self._figures(body, year, metric, q.column)
        if not figures and q.column:
            # a sentence states totals, never one applicant column: no figure rather than the total
            org, name = self._org(q, body), self._metric_name(q, metric)
            return self._not_found(q, say(
                q, f"{org}{year}年的报告中没有按申请人类型（{q.column}）列出的{name}。",
                f"The {year} report of {org} gives no figure for {name} from {column_en(q.column)}.",
            ))
        if not figures:
            return self._from_passages(q, [body], year_hint=year, missing_metric=metric)
        return self._state(q, body, year, metric, figures)

    def _named_row(self, q: Question, body: str, year: int) -> Answer | None:
        """A table row the question names word for word that no canonical metric covers (主动公开部门
        文件数, a row some bodies add): its own figure, never its parent's metric."""
        if q.lang != "zh" or q.column:
            return None
        asked = normalise_label(q.text)
        best: tuple[str, dict] | None = None
        for row in self.store.query_facts(body=body, year=year):
            if row["kind"] != "table" or row["metric"] is not None or row["column_name"] not in _WHOLE_COLUMNS:
                continue
            label = normalise_label(json.loads(row["row_path_json"])[-1])
            core = label.removesuffix("数")
            if len(core) >= 4 and core in asked and (best is None or len(core) > len(best[0])):
                best = (label, row)
        if best is None:
            return None
        label, row = best
        figure = self._figure(row)
        org = self._org(q, body)
        if figure.value is None:
            text = f"{org}{year}年{label}在报告中留空（未知）[1]。"
            return Answer(q.text, NOT_FOUND, text, None, None, (figure.citation,))
        text = f"{org}{year}年{label}为{format_value(figure.value)}{figure.unit or ''}[1]。"
        return Answer(q.text, ANSWERED, text, figure.value, figure.unit, (figure.citation,))

    def _state(self, q: Question, body: str, year: int, metric: str, figures: list[_Figure]) -> Answer:
        primary = figures[0]
        others = [f for f in figures[1:] if f.value is not None and not _same_value(f, primary)]
        # two facts of one sentence (未收取任何费用，收取费用0元) are one source, cited once
        agreeing = [f for f in figures[1:] if _same_value(f, primary) and f.citation != primary.citation]
        claims = self._claims(body, year, metric)
        citations = [primary.citation] + [f.citation for f in agreeing[:1]] + [f.citation for f in others]
        citations += [c for _, _, c in claims]
        org = self._org(q, body)
        name = self._metric_name(q, metric)
        if q.column and q.intent != "breakdown":
            name += say(q, f"（{q.column}）", f" ({column_en(q.column)}, {q.column})")
        unit = primary.unit or ""
        if primary.value is None:
            text = say(q, f"{org}{year}年{name}在报告中留空（未知）[1]。", f"{org} left {name} blank in its {year} report (unknown) [1].")
            return Answer(q.text, NOT_FOUND, text, None, None, tuple(citations))
        value_text = format_value(primary.value)
        markers = "[1][2]" if agreeing else "[1]"
        text = say(
            q,
            f"{org}{year}年{name}为{value_text}{unit}{markers}。",
            f"{org}: {name} in {year}: {english_amount(primary.value, unit)} {markers}.",
        )
        conflicts: list[tuple[float | str, Citation]] = []
        if others or claims:
            parts_zh, parts_en = [], []
            for index, f in enumerate(others, start=2 + len(agreeing[:1])):
                where_zh = "统计表" if f.kind == "table" else "正文"
                where_en = "the table" if f.kind == "table" else "the text"
                parts_zh.append(f"{where_zh}为{format_value(f.value)}{f.unit or ''}[{index}]")
                parts_en.append(f"{where_en} says {format_value(f.value)} [{index}]")
                conflicts.append((f.value, f.citation))
            offset = 2 + len(agreeing[:1]) + len(others)
            for index, (said_zh, said_en, citation) in enumerate(claims, start=offset):
                parts_zh.append(f"正文称{said_zh}[{index}]")
                parts_en.append(f"the text says {said_en} [{index}]")
                conflicts.append((said_zh, citation))
            first_zh = "统计表" if primary.kind == "table" else "正文"
            first_en = "the table" if primary.kind == "table" else "the text"
            text += say(
                q,
                f"注意：来源之间不一致，{first_zh}为{value_text}{unit}[1]，" + "，".join(parts_zh) + "。",
                f" Note: the sources disagree: {first_en} says {value_text} [1], " + ", ".join(parts_en) + ".",
            )
        return Answer(q.text, ANSWERED, text, primary.value, primary.unit, tuple(citations), tuple(conflicts))

    def _figures(self, body: str, year: int, metric: str, column: str | None = None) -> list[_Figure]:
        """Table figures first (the statistical record), then figures stated in prose.

        ``column`` asks for one applicant column (自然人 …) instead of the total.
        """
        rows = self.store.query_facts(body=body, year=year, metric=metric)
        if column:
            return self._column(rows, column)
        table = [r for r in rows if r["kind"] == "table"]
        whole = [r for r in table if r["column_name"] in _WHOLE_COLUMNS]
        if not whole and len({r["column_name"] for r in table}) == 1:
            whole = table  # the column is part of the metric (行政处罚 › 本年处理决定数量)
        whole += [r for r in rows if r["kind"] != "table" and r["column_name"] in _WHOLE_COLUMNS]
        rows = sorted(whole, key=lambda r: (r["kind"] != "table", r["start"]))
        figures = [self._figure(r) for r in rows]
        if not any(f.kind == "table" for f in figures):
            # no cell holds it (lawsuits = direct + after reconsideration): the table's parts come
            # first, and a sentence that states another value stands beside them as a conflict
            figures = (self._summed(body, year, metric) or self._from_children(body, year, metric)) + figures
        return figures

    def _column(self, rows: list[dict], column: str) -> list[_Figure]:
        exact = [self._figure(r) for r in rows if r["column_name"] == column]
        if exact or column != "法人或其他组织":
            return exact
        parts = [self._figure(r) for r in rows if r["column_name"] in _LEGAL_ENTITY_COLUMNS]
        if len(parts) != len(_LEGAL_ENTITY_COLUMNS) or any(p.value is None for p in parts):
            return []
        return [_Figure(sum(p.value for p in parts), parts[0].unit, "table", column, parts[0].citation)]

    def _from_children(self, body: str, year: int, metric: str) -> list[_Figure]:
        """A row with no figures of its own (（三）不予公开) is the sum of its reasons."""
        children = [self._figures(body, year, child) for child in self.catalogue.children(metric)]
        children = [c for c in children if c]
        if len(children) < 2 or any(c[0].value is None for c in children):
            return []
        one_sentence = len({(c[0].citation.source, c[0].citation.start) for c in children}) == 1
        if any(c[0].kind != "table" for c in children) and not one_sentence:
            return []  # parts stated in prose add up only when one sentence states them all (专职1名、兼职4名)
        total = sum(c[0].value for c in children)
        # cite the rows that make the sum (a zero row proves nothing of it), the first as the source
        counted = [c[0] for c in children if c[0].value] or [children[0][0]]
        return [_Figure(total, counted[0].unit, "table", self._metric_name_zh(metric), counted[0].citation)] + [
            _Figure(total, f.unit, "table", f.label, f.citation) for f in counted[1:]
        ]

    def _summed(self, body: str, year: int, metric: str) -> list[_Figure]:
        """New-template metrics held in no single cell (all lawsuits = direct + after reconsideration)."""
        parts = self.catalogue.metrics[metric].sum_of if metric in self.catalogue.metrics else ()
        if not parts:
            return []
        found = [self._figures(body, year, part) for part in parts]
        if not all(found) or any(f[0].value is None for f in found):
            return []
        total = sum(f[0].value for f in found)
        first = found[0][0]
        # cite the first part; the others follow as agreeing evidence of the sum
        return [_Figure(total, first.unit, "table", self._metric_name_zh(metric), first.citation)] + [
            _Figure(total, f[0].unit, "table", f[0].label, f[0].citation) for f in found[1:]
        ]

    def _claims(self, body: str, year: int, metric: str) -> list[tuple[str, str, Citation]]:
        """Sentences that claim a value without a number (所有申请均已按时办结)."""
        if metric not in ("requests_on_time", "requests_late"):
            return []
        out = []
        for report in self._reports_of(body, year):
            for finding in self.store.findings(source=report["source"]):
                if finding["metric"] == "requests_on_time" and finding["evidence"] and finding["evidence"][0][0] is None:
                    _, start, end = finding["evidence"][0]
                    said = self._all_on_time(body, year) if metric == "requests_on_time" else ("0", "0")
                    out.append((*said, self._citation(report, start, end, "sentence")))
        return out

    def _all_on_time(self, body: str, year: int) -> tuple[str, str]:
        """What "all answered on time" claims, in Chinese and English, with the number it implies
        when the table has one: every request completed (on time + late)."""
        parts = [self._figures(body, year, m) for m in ("requests_on_time", "requests_late")]
        if all(p and p[0].value is not None and p[0].kind == "table" for p in parts):
            count = format_value(parts[0][0].value + parts[1][0].value)
            return f"全部按时办结（{count}件）", f"all were on time ({count})"
        return "全部按时办结", "all were on time"

    # -- breakdowns, yes/no ------------------------------------------------------------------------

    def _breakdown(self, q: Question, body: str, year: int, metric: str) -> Answer:
        org = self._org(q, body)
        if q.breakdown == "applicant":
            rows = [r for r in self.store.query_facts(body=body, year=year, metric=metric) if r["kind"] == "table"]
            parts = [(r["column_name"], self._figure(r)) for r in rows if r["column_name"] not in _WHOLE_COLUMNS]
        else:
            children = self.catalogue.children(metric)
            parts = []
            for child in children:
                figures = self._figures(body, year, child)
                if figures:
                    parts.append((self._metric_name(q, child), figures[0]))
        if not parts:
            return self._single_fallback(q, body, year, metric)
        total = self._figures(body, year, metric)
        citations = ([total[0].citation] if total else []) + [f.citation for _, f in parts]
        offset = 2 if total else 1
        items = [f"{name} {format_value(f.value)}[{i}]" for i, (name, f) in enumerate(parts, start=offset)]
        name = self._metric_name(q, metric)
        head_value = total[0].value if total else None
        head_zh = f"{org}{year}年{name}为{format_value(head_value)}{total[0].unit or ''}[1]，其中" if total else f"{org}{year}年{name}："
        head_en = f"{org}: {name} in {year}: {format_value(head_value)} [1]; " if total else f"{org}: {name} in {year}: "
        text = say(q, head_zh + "，".join(items) + "。", head_en + ", ".join(items) + ".")
        value = head_value if head_value is not None else parts[0][1].value
        unit = (total[0].unit if total else parts[0][1].unit)
        return Answer(q.text, ANSWERED, text, value, unit, tuple(citations))

    def _single_fallback(self, q: Question, body: str, year: int, metric: str) -> Answer:
        figures = self._figures(body, year, metric)
        if not figures:
            return self._from_passages(q, [body], year_hint=year, missing_metric=metric)
        return self._state(q, body, year, metric, figures)

    def _yes_no(self, q: Question, body: str, year: int, metric: str) -> Answer:
        """"Were all requests settled on time?": late == 0, with every disagreeing source."""
        if metric in ("requests_on_time", "requests_late"):
            late = self._figures(body, year, "requests_late")
            if late and late[0].value is not None:
                claims = self._claims(body, year, "requests_on_time")
                org = self._org(q, body)
                verdict_no = late[0].value > 0  # "were all settled on time?"
                asks_late = metric == "requests_late"  # "were any settled late?": the other way round
                on_time = self._figures(body, year, "requests_on_time")
                citations = ([on_time[0].citation] if on_time else []) + [late[0].citation] + [c for _, _, c in claims]
                late_index = 2 if on_time else 1
                on_time_text = f"{format_value(on_time[0].value)}" if on_time else "?"
                if verdict_no:
                    yes_zh, yes_en = ("是", "Yes") if asks_late else ("否", "No")
                    # a narrative report counts late requests in a sentence, not in a table
                    where_zh, where_en = ("统计表", "the table") if late[0].kind == "table" else ("报告正文", "the text")
                    text = say(
                        q,
                        f"{yes_zh}。据{where_zh}，{org}{year}年按时办结{on_time_text}件[1]，延期办结{format_value(late[0].value)}件[{late_index}]。",
                        f"{yes_en}. By {where_en}, {org} settled {on_time_text} on time [1] and {format_value(late[0].value)} late [{late_index}] in {year}.",
                    )
                else:
                    yes_zh, yes_en = ("否", "No") if asks_late else ("是", "Yes")
                    text = say(q, f"{yes_zh}。{org}{year}年延期办结0件[{late_index}]。", f"{yes_en}. {org} had no late requests in {year} [{late_index}].")
                conflicts = []
                if claims and verdict_no:
                    index = len(citations) - len(claims) + 1
                    text += say(q, f"注意：正文称所有申请均按时办结[{index}]，与统计表不一致。", f" Note: the text claims all requests were settled on time [{index}], which the table contradicts.")
                    conflicts = [("yes", c) for _, _, c in claims]
                verdict = "yes" if verdict_no == asks_late else "no"
                return Answer(q.text, ANSWERED, text, verdict, None, tuple(citations), tuple(conflicts))
            claimed = self._on_time_statement(q, body, year)
            if claimed is not None:
                return claimed
        figures = self._figures(body, year, metric)
        if not figures:
            return self._from_passages(q, [body], year_hint=year, missing_metric=metric)
        counted = self._state(q, body, year, metric, figures)
        if counted.status != ANSWERED or not isinstance(counted.value, (int, float)):
            return counted
        # "有没有行政诉讼" / "were there any lawsuits": yes or no, with the count that says so
        verdict = "yes" if counted.value > 0 else "no"
        lead = say(q, "有。" if verdict == "yes" else "没有。", "Yes. " if verdict == "yes" else "No. ")
        return replace(counted, answer=lead + counted.answer, value=verdict, unit=None)

    def _on_time_statement(self, q: Question, body: str, year: int) -> Answer | None:
        """No on-time/late figures (the national template has no such rows, a narrative report no
        table): a sentence of the report saying every request was answered in time answers
        "yes", quoted, and said to be the report's own statement."""
        from assistant.retrieval.quotes import sentence_spans

        for report in self._reports_of(body, year):
            text = self._text(report["source"])
            spans = sentence_spans(text)
            for index, (start, end) in enumerate(spans):
                sentence = text[start:end]
                context = sentence if index == 0 else text[spans[index - 1][0] : end]
                if _ALL_ON_TIME_RE.search(sentence) and "申请" in context:
                    org = self._org(q, body)
                    answer = say(
                        q,
                        f"是。据{org}{year}年报告正文，申请均按时答复[1]（报告没有按时、延期办结的统计数字）。",
                        f"Yes, by the text of {org}'s {year} report: every request was answered in time [1] "
                        f"(the report gives no on-time or late counts).",
                    )
                    return Answer(q.text, ANSWERED, answer, "yes", None, (self._citation(report, start, end, "sentence"),))
        return None

    # -- several bodies or years -------------------------------------------------------------------

    def _across(self, q: Question, bodies: Sequence[str]) -> Answer:
        metric = q.metrics[0]
        rows: list[tuple[str, int, _Figure]] = []
        missing: list[tuple[str, int]] = []
        every_year = bool(q.years) or q.all_years or q.intent == "trend" or len(bodies) == 1
        latest_only = [body for body in bodies if not every_year and len(self.directory.years_of(body)) > 1]
        paired = dict(q.paired_years)
        for body in bodies:
            years = list(q.years) or (list(self.directory.years_of(body)) if every_year else list(self.directory.years_of(body))[-1:])
            if body in paired:
                years = [paired[body]]
            for year in years:
                figures = self._figures(body, year, metric)
                if figures and figures[0].value is not None:
                    rows.append((body, year, figures[0]))
                else:
                    missing.append((body, year))
        # "Poxi (2016), Tangcen (2018)": a body with a figure is not missing the years it has no report for
        answered = {body for body, _, _ in rows}
        missing_text = [f"{b} {y}" for b, y in missing if b not in answered or y in self.directory.years_of(b)]
        if not rows:
            return self._not_found(q, say(q, "没有找到相应数据。", "No stored figure answers this.") + self._available(q))
        name = self._metric_name(q, metric)
        unit = rows[0][2].unit or ""
        items = [
            f"{self._org(q, body)} {year}: {format_value(f.value)}{unit}[{i}]" if q.lang == "zh"
            else f"{self._org(q, body)} {year}: {english_amount(f.value, unit)} [{i}]"
            for i, (body, year, f) in enumerate(rows, start=1)
        ]
        citations = tuple(f.citation for _, _, f in rows)
        values = [f.value for _, _, f in rows]
        value: float | str | None = values[0]
        if q.intent == "total":
            total = sum(values)
            value = total
            text = say(q, f"{name}合计{format_value(total)}{unit}：" + "；".join(items) + "。", f"{name} in total: {english_amount(total, unit)}: " + "; ".join(items) + ".")
        elif q.intent == "rank":
            order = sorted(range(len(rows)), key=lambda i: -values[i])
            ranked = [items[i] for i in order]
            value = rows[order[0]][0]
            text = say(q, f"{name}从高到低：" + "；".join(ranked) + "。", f"{name}, highest first: " + "; ".join(ranked) + ".")
        elif q.intent == "compare" and len(rows) == 2:
            (b1, y1, f1), (b2, y2, f2) = rows
            diff = f1.value - f2.value
            winner = rows[0] if diff > 0 else rows[1]
            value = values[0]
            if diff == 0:
                verdict_zh, verdict_en = "两者相同", "they are equal"
            else:
                label = winner[0] if b1 != b2 else f"{winner[1]}"
                verdict_zh = f"{self._org(q, label) if b1 != b2 else label + '年'}多{format_value(abs(diff))}{unit}"
                verdict_en = f"{self._org(q, label) if b1 != b2 else label} is higher by {format_value(abs(diff))}"
                if b1 != b2:
                    value = winner[0]  # the larger body
                elif _V.asks_which.search(q.text.lower()):
                    value = winner[1]  # "which year …": the larger year
            if _ASKS_DIFFERENCE_RE.search(q.text.lower()):  # "多了几件", "how many more": the gap itself
                value = abs(diff)
            text = say(q, f"{name}：" + "；".join(items) + f"。{verdict_zh}。", f"{name}: " + "; ".join(items) + f"; {verdict_en}.")
        else:
            text = say(q, f"{name}：" + "；".join(items) + "。", f"{name}: " + "; ".join(items) + ".")
            if q.intent == "trend" and len({body for body, _, _ in rows}) == 1 and len(rows) > 1:
                text += self._direction(q, rows, unit)
        if missing_text:
            text += say(q, f"（无数据：{'、'.join(missing_text)}）", f" (no figure for: {', '.join(missing_text)})")
        if len(bodies) == 1 and bodies[0] in answered:  # "2018至2020年": say which asked years have no report
            absent = [str(y) for b, y in missing if y not in self.directory.years_of(b)]
            if absent:
                text += say(q, f"（没有{'、'.join(absent)}年的报告）", f" (no report for {', '.join(absent)})")
        unanswered = [body for body in q.bodies if body not in answered]
        if unanswered and q.intent in ("total", "rank", "compare"):
            # a total, ranking or comparison that silently left out a named body would be wrong
            names = "、".join(self._org(q, body) for body in unanswered)
            text = say(q, f"无法得出结果：没有{names}的数据。", f"Cannot answer: no figure for {names}. ") + text
            return Answer(q.text, NOT_FOUND, text, None, None, citations)
        if latest_only:
            text += say(q, "（未指定年度，各机构取最新一年的报告）", " (no year asked: each body's latest report)")
        return Answer(q.text, ANSWERED, text, value, unit or None, citations)

    def _plans_in_the_year_before(self, q: Question, bodies: Sequence[str]) -> Question:
        """"What did they plan for 2023?": plans for a year stand in the report of the year before,
        read there when the body has no report of the year itself."""
        if len(q.years) != 1 or not _PLANS_RE.search(q.text.lower()):
            return q
        year = q.years[0]
        known = {y for body in bodies for y in self.directory.years_of(body)}
        if year in known or year - 1 not in known:
            return q
        return replace(q, years=(year - 1,))

    def _direction(self, q: Question, rows: list[tuple[str, int, _Figure]], unit: str) -> str:
        """One body's trend in words: first year to last, up, down or unchanged."""
        by_year = sorted(rows, key=lambda row: row[1])
        (_, first_year, first), (_, last_year, last) = by_year[0], by_year[-1]
        change = last.value - first.value
        if change == 0:
            return say(q, f"{first_year}年至{last_year}年持平。", f" From {first_year} to {last_year}: unchanged.")
        word_zh, word_en = ("增加", "up") if change > 0 else ("减少", "down")
        amount = format_value(abs(change))
        return say(
            q, f"{first_year}年至{last_year}年{word_zh}{amount}{unit}。", f" From {first_year} to {last_year}: {word_en} by {amount}."
        )

    # -- passages: narrative, prose-only figures, contacts ----------------------------------------

    def _from_passages(self, q: Question, bodies: Sequence[str], *, year_hint: int | None = None, missing_metric: str | None = None) -> Answer:
        if self.retriever is None:
            return self._not_found(q, say(q, "没有找到相应内容。", "Nothing stored answers this."))
        years = [year_hint] if year_hint else list(q.years)
        if len(bodies) == 1 and not years:
            known = self.directory.years_of(bodies[0])
            if len(known) > 1 and q.intent != "narrative":
                return self._ambiguous_year(q, bodies[0], known, None)
        from assistant.retrieval.quotes import best_sentences, figure_near_term

        terms = self._terms(q, missing_metric)
        query = " ".join([q.text, *q.topic_terms])
        hits = self.retriever.search(query, bodies=list(bodies), years=years, k=6, kinds=["passage"])
        if not hits:
            return self._not_found(q, say(q, "没有找到相应内容。", "Nothing stored answers this.") + self._available(q))
        if missing_metric:  # a figure the fact store lacks may still stand in a sentence
            terms = self._terms(q, missing_metric, metric_only=True)
            for hit in hits:
                text = self._text(hit.source)
                for start, end in best_sentences(text, hit.start, hit.end, terms, limit=3):
                    figure = figure_near_term(text[start:end], terms)
                    expected_unit = self.catalogue.metrics[missing_metric].unit if missing_metric in self.catalogue.metrics else None
                    if figure and (expected_unit is None or figure[1] == expected_unit):
                        value, unit, _, _ = figure
                        report = self._report_by_source(hit.source)
                        citation = self._citation(report, start, end, "sentence")
                        org = self._org(q, hit.body or "")
                        answer = say(q, f"{org}{hit.year or ''}年：{format_value(value)}{unit}[1]。", f"{org} ({hit.year}): {format_value(value)} {unit} [1].")
                        return Answer(q.text, ANSWERED, answer, value, unit, (citation,))
            if missing_metric:
                name = self._metric_name(q, missing_metric)
                org = self._org(q, bodies[0]) if len(bodies) == 1 else ""
                return self._not_found(q, say(q, f"{org}{year_hint or ''}年的报告中没有{name}的数字。", f"The {year_hint or ''} report of {org} gives no figure for {name}."))
        citations = []
        points = []
        if q.wants_names:  # asked for by name: the sentences that name applicants, in text order
            from assistant.retrieval.quotes import sentence_spans

            for hit in hits[:4]:
                text = self._text(hit.source)
                for start, end in sentence_spans(text, hit.start, hit.end):
                    if _NAMED_APPLICANT_RE.search(text[start:end]) and len(citations) < 6:
                        citations.append(self._citation(self._report_by_source(hit.source), start, end, "sentence"))
                        points.append(f"{text[start:end]}[{len(citations)}]")
        topic = _section_topic(q.text) if q.intent == "narrative" and not citations else None
        for hit in hits if topic else []:  # "存在哪些问题": the points of that section, in order
            from assistant.retrieval.quotes import section_points

            text = self._text(hit.source)
            found = section_points(text, topic, limit=8)
            if found:
                report = self._report_by_source(hit.source)
                for point in found:
                    citations.append(self._citation(report, point.start, point.end, "sentence"))
                    points.append(f"{point.sub_heading or ''}{text[point.start:point.end]}[{len(citations)}]")
                break
        if not citations and not terms and q.intent != "narrative" and _ASKS_FIGURE_RE.search(q.text.lower()):
            return self._not_found(q, say(
                q,
                "报告中没有找到与这个问题对应的数字（可换用报告中的说法，如“收到申请”“行政复议”）。",
                "No figure in the stored reports matches this question (try the reports' terms, such as "
                "requests received, administrative reconsiderations, lawsuits).",
            ))
        for hit in ([] if citations else hits[:4]):
            text = self._text(hit.source)
            report = self._report_by_source(hit.source)
            for start, end in best_sentences(text, hit.start, hit.end, terms, limit=1):
                sentence = text[start:end]
                if (terms and not any(t in sentence for t in terms)) or (not q.wants_names and _NAMED_APPLICANT_RE.search(sentence)):
                    continue
                citations.append(self._citation(report, start, end, "sentence"))
                points.append(f"{text[start:end]}[{len(citations)}]")
        if not citations:
            return self._not_found(q, say(q, "没有找到相应内容。", "Nothing stored answers this."))
        head = say(q, "相关内容：", "From the reports: ")
        return Answer(q.text, ANSWERED, head + " ".join(points), None, None, tuple(citations))

    def _contact(self, q: Question, bodies: Sequence[str]) -> Answer:
        kinds = ["phone", "email", "address"] if q.contact in (None, "any") else [q.contact]
        citations, lines, first = [], [], None
        for body in bodies:
            newest_first = self._reports_of(body, q.years[0] if q.years else None)[::-1]
            for kind in kinds:  # the newest report that gives this detail
                found = next(
                    ((report, match) for report in newest_first
                     for match in _CONTACT_PATTERNS[kind].finditer(self._text(report["source"]))),
                    None,
                )
                if found is None:
                    continue
                report, match = found
                quoted = match.group(1).strip()
                citations.append(self._citation(report, match.start(1), match.start(1) + len(quoted), "sentence"))
                # the value as a machine reads it (0743-8215620, a@b.com); the quote stays as written
                if kind in ("phone", "fax"):
                    value = _V.digit_dash.sub("-", _AREA_CODE_RE.sub(r"\1-", quoted))
                else:
                    value = quoted.replace("＠", "@")
                label = contact_label(q, kind)
                lines.append(f"{self._org(q, body)} {label}{value}[{len(citations)}]")
                first = first or value
        if not citations:
            return self._not_found(q, say(q, "报告中没有找到联系方式。", "The reports give no such contact detail."))
        return Answer(q.text, ANSWERED, "；".join(lines) if q.lang == "zh" else "; ".join(lines), first, None, tuple(citations))

    # -- not found and ambiguous -----------------------------------------------------------------

    def _years_for(self, body: str, q: Question) -> list[int] | Answer:
        known = self.directory.years_of(body)
        if q.years:
            present = [y for y in q.years if y in known]
            if not present:
                org = self._org(q, body)
                have = "、".join(str(y) for y in known)
                asked = "、".join(str(y) for y in q.years)
                return self._not_found(
                    q,
                    say(q, f"没有{org}{asked}年的报告；已有的是{have}年的报告。", f"No stored report of {org} covers {asked}; there is a report for {', '.join(map(str, known))}."),
                )
            return present
        if len(known) == 1:
            return list(known)
        if not known:
            return self._not_found(q, say(q, "没有找到该机构的报告。", "No stored report covers this body."))
        return self._ambiguous_year(q, body, known, q.metrics[0] if q.metrics else None)

    def _ambiguous_year(self, q: Question, body: str, years: Sequence[int], metric: str | None) -> Answer:
        candidates = []
        for year in years:
            figures = self._figures(body, year, metric) if metric else []
            f = figures[0] if figures else None
            candidates.append(Candidate(body, year, f.value if f else None, f.citation if f else None))
        org = self._org(q, body)
        citations: list[Citation] = []  # every value shown is cited, like any other figure
        shown_zh, shown_en = [], []
        for c in candidates:
            if c.value is None:
                shown_zh.append(f"{c.year}年")
                shown_en.append(f"{c.year}")
                continue
            mark = ""
            if c.citation is not None:
                citations.append(c.citation)
                mark = f"[{len(citations)}]"
            shown_zh.append(f"{c.year}年：{format_value(c.value)}{mark}")
            shown_en.append(f"{c.year}: {format_value(c.value)} {mark}".rstrip())
        text = say(
            q,
            f"{org}有多个年份的报告（{'；'.join(shown_zh)}），请问是哪一年？",
            f"{org} has reports for several years ({'; '.join(shown_en)}). Which year do you mean?",
        )
        return Answer(q.text, AMBIGUOUS, text, citations=tuple(citations), candidates=tuple(candidates))

    def _ambiguous_body(self, q: Question, bodies: Sequence[str]) -> Answer:
        if not bodies:
            return self._not_found(q, say(q, "还没有导入任何报告。", "No reports are stored yet."))
        candidates = [Candidate(b, None, None, None) for b in bodies]
        names = "、".join(bodies)
        text = say(q, f"请问是哪个机构？已有报告：{names}。", f"Which body do you mean? Stored reports: {', '.join(self._org(q, b) for b in bodies)}.")
        return Answer(q.text, AMBIGUOUS, text, candidates=tuple(candidates))

    def _not_found(self, q: Question, text: str) -> Answer:
        return Answer(q.text, NOT_FOUND, text)

    def _available(self, q: Question) -> str:
        items = sorted({(r["body"], r["year"]) for r in self._reports if r["body"]})
        if not items:
            return ""
        listing = "、".join(f"{b}{y}年" for b, y in items)
        return say(q, f"已有报告：{listing}。", f" Stored reports: {', '.join(f'{self._org(q, b)} {y}' for b, y in items)}.")

    def _unknown_place(self, q: Question) -> str | None:
        return q.unknown_place

    # -- helpers ---------------------------------------------------------------------------------

    def _reports_of(self, body: str, year: int | None) -> list[dict]:
        return [r for r in self._reports if r["body"] == body and (year is None or r["year"] == year)]

    def _report_by_source(self, source: str) -> dict:
        return next(r for r in self._reports if r["source"] == source)

    def _text(self, source: str) -> str:
        if source not in self._texts:
            self._texts[source] = self.store.report_text(source) or ""
        return self._texts[source]

    def _citation(self, report: dict, start: int, end: int, kind: str) -> Citation:
        text = self._text(report["source"])
        return Citation(report["source"], report["body"], report["year"], text[start:end], start, end, kind)

    def _figure(self, row: dict) -> _Figure:
        report = self._report_by_source(row["source"])
        kind = "table_row" if row["kind"] == "table" else "sentence"
        return _Figure(row["value"], row["unit"], row["kind"], row["row_path"], self._citation(report, row["start"], row["end"], kind))

    def _metric_name(self, q: Question, metric: str) -> str:
        m = self.catalogue.metrics.get(metric)
        if m is None:
            return metric
        return m.zh if q.lang == "zh" else m.en

    def _metric_name_zh(self, metric: str) -> str:
        m = self.catalogue.metrics.get(metric)
        return m.zh if m else metric

    def _terms(self, q: Question, metric: str | None, *, metric_only: bool = False) -> list[str]:
        """Words a quoted sentence should contain: metric names, then the question's own words.

        ``metric_only`` keeps just the metric's names: a figure is taken from a sentence only
        when it stands next to one of them, never next to a word of the question.
        """
        terms: list[str] = []
        for m in ([metric] if metric else []) + ([] if metric_only else list(q.metrics)):
            if m in self.catalogue.metrics:
                entry = self.catalogue.metrics[m]
                terms += [entry.zh, *entry.synonyms_zh]
        if metric_only:
            return sorted(dict.fromkeys(t for t in terms if len(t) >= 2), key=len, reverse=True)
        names = {n for b in q.bodies for e in [self.directory.entry(b)] if e for n in (e.body, e.short_name or "", *e.aliases)}
        # a piece of a body's name (集镇 of 西集镇) is no topic word either
        words = [w for w in self.store.tokenizer.tokenize(q.text) if len(w) >= 2 and not w.isascii() and not any(w in n for n in names)]
        terms += [w for w in words if w not in _QUESTION_WORDS] + list(q.topic_terms)
        return list(dict.fromkeys(t for t in terms if t))

    def _org(self, q: Question, body: str) -> str:
        if q.lang == "zh" or not body:
            return body
        for entry in self.directory.bodies:
            if entry.body == body:
                english = [a for a in entry.aliases if a.isascii() and " " in a]
                plain = [a for a in entry.aliases if a.isascii()]
                # the reading the person used (Jiuxie, not Guixie, for 氿澥), else the first
                asked = q.text.lower()
                used = [a for a in english if a.lower() in asked] or [
                    e for e in english if any(p.lower() in asked and e.startswith(p + " ") for p in plain)
                ]
                name = (used or english or plain or [body])[0]
                return f"{name} ({body})" if name != body else body
        return body
