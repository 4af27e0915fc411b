"""Accuracy against gold answers, scored strictly.

A QA file holds one JSON object per line: ``id``, ``question``, ``answer`` (a number, a string,
a list of key phrases, ``"NOT_FOUND"``, ``"AMBIGUOUS"``, or ``{"parts": [...]}`` of such answers for
a question that asks several figures, in the order asked) and optionally ``type``, ``lang``,
``sources`` (file names), ``evidence`` (a phrase of the source that proves the answer) and
``history`` (the earlier questions of the conversation, oldest first, for a follow-up such as
"那信函申请呢？"; the question is asked with them as its history).

A numeric gold answer is right only when the response's primary ``value`` equals it; NOT_FOUND and
AMBIGUOUS only for that status; a text answer when every key phrase is in the answer; a question of
several parts when each response part (``parts`` of the JSON answer) is right for its gold part; any citation
whose quote is not exactly its source's stored text fails the question, and when the gold names
sources, at least one citation must come from one of them.

Besides accuracy, ``run_gold`` measures retrieval on its own when given a ``retrieve`` function:
for every item with ``sources``, whether a gold source is among the top ``RECALL_K`` chunks
retrieved for the question (recall@1 and recall@5 of the gold source).
"""

from __future__ import annotations

import json
import re
import statistics
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from assistant.errors import AssistantError

RECALL_K = 5


@dataclass(frozen=True)
class GoldItem:
    id: str
    question: str
    answer: object
    type: str = "lookup"
    lang: str = "zh"
    sources: tuple[str, ...] = ()
    evidence: str | None = None
    history: tuple[str, ...] = ()


@dataclass(frozen=True)
class ItemResult:
    id: str
    question: str
    type: str
    lang: str
    gold: object
    status: str
    value: object
    correct: bool
    citations_valid: bool
    source_cited: bool | None  # None when the gold names no source
    seconds: float
    reason: str
    history: tuple[str, ...] = ()
    # rank (1..RECALL_K) of the first retrieved chunk from a gold source; 0: none in the top
    # RECALL_K; None: not measured (no gold source, or no retriever)
    retrieval_rank: int | None = None


def load_gold(path: str | Path) -> list[GoldItem]:
    items = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            items.append(
                GoldItem(
                    id=str(raw["id"]),
                    question=raw["question"],
                    answer=_gold_answer(raw["answer"]),
                    type=raw.get("type", "lookup"),
                    lang=raw.get("lang") or ("zh" if _CJK_RE.search(raw["question"]) else "en"),
                    sources=tuple(Path(source).name for source in _as_list(raw.get("sources", ()))),
                    evidence=_evidence(raw.get("evidence")),
                    history=_history(raw.get("history", ())),
                )
            )
        except (ValueError, KeyError, TypeError) as error:
            raise AssistantError(f"{path}:{number}: not a gold item ({error})") from error
    return items


_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_NUMBER_RE = re.compile(r"-?\d+(?:,\d{3})*(?:\.\d+)?")
# a figure written with its unit ("2011年", "20%", "400余条"): the number is what is compared
_WITH_UNIT_RE = re.compile(r"(?P<number>-?\d+(?:,\d{3})*(?:\.\d+)?)\s*(?:余|多)?\s*(?:年|%|％|条|件|次|人次|人|名|个|项|篇|万元|元)")


def _gold_answer(raw: object) -> object:
    """Gold files written elsewhere say "6", "1,234", "2011年" or "not found": read them as 6, 1234,
    2011, NOT_FOUND;
    a question asking several figures gives ``{"parts": [...]}``, each part read the same way."""
    if isinstance(raw, dict):
        if not isinstance(raw.get("parts"), list) or not raw["parts"]:
            raise TypeError("an answer object holds a non-empty list of parts")
        return {"parts": [_gold_answer(part) for part in raw["parts"]]}
    if not isinstance(raw, str):
        return raw
    marker = re.sub(r"[\s-]+", "_", raw.strip()).upper()
    if marker in ("NOT_FOUND", "AMBIGUOUS"):
        return marker
    written = _WITH_UNIT_RE.fullmatch(raw.strip())
    number_text = written["number"] if written else raw.strip() if _NUMBER_RE.fullmatch(raw.strip()) else None
    if number_text is not None:
        number = float(number_text.replace(",", ""))
        return int(number) if number.is_integer() else number
    return raw


def _evidence(raw: object) -> str | None:
    """One phrase, or one per part of a question asking several (joined by " || "; a part the
    reports do not give has none)."""
    if isinstance(raw, list):
        return " || ".join(part for part in raw if part) or None
    return raw  # type: ignore[return-value]


def _as_list(raw: object) -> list:
    return [raw] if isinstance(raw, str) else list(raw)  # type: ignore[call-overload]


def _history(raw: object) -> tuple[str, ...]:
    if isinstance(raw, str) or not all(isinstance(q, str) for q in raw):  # type: ignore[union-attr]
        raise TypeError("history must be a list of earlier questions")
    return tuple(raw)  # type: ignore[arg-type]


def score(
    item: GoldItem, response: dict, texts: dict[str, str], seconds: float, retrieval_rank: int | None = None
) -> ItemResult:
    """Judge one response against its gold answer; pure."""
    citations = list(response.get("citations", [])) + [c["citation"] for c in response.get("conflicts", [])]
    valid = all(texts.get(c["source"], "")[c["start"] : c["end"]] == c["quote"] for c in citations)
    cited = None if not item.sources else any(c["source"] in item.sources for c in citations)
    correct, reason = _judge(item.answer, response)
    if correct and not valid:
        correct, reason = False, "a citation quote is not in its source"
    if correct and cited is False:
        correct, reason = False, "no citation from the gold source"
    return ItemResult(
        item.id, item.question, item.type, item.lang, item.answer, response.get("status"), response.get("value"),
        correct, valid, cited, seconds, reason, item.history, retrieval_rank,
    )


def _judge(gold: object, response: dict) -> tuple[bool, str]:
    if isinstance(gold, dict):
        return _judge_parts(gold["parts"], response)
    status, value, text = response.get("status"), response.get("value"), response.get("answer", "")
    if gold == "NOT_FOUND":
        return status == "not_found", f"status {status}"
    if gold == "AMBIGUOUS":
        return status == "ambiguous", f"status {status}"
    if status != "answered":
        return False, f"status {status}"
    if isinstance(gold, bool) or gold in ("yes", "no"):
        expected = {True: "yes", False: "no"}.get(gold, gold)  # type: ignore[arg-type]
        return value == expected, f"value {value!r}"
    if isinstance(gold, (int, float)):
        if isinstance(value, str) and (_NUMBER_RE.fullmatch(value.strip()) or _WITH_UNIT_RE.fullmatch(value.strip())):
            # a phone number given as digits ("3153421") is the gold 3153421, as ../shared/tools/score.py reads it
            value = _gold_answer(value.strip())
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value - gold) < 1e-6
        return ok, f"value {value!r}"
    if isinstance(gold, list):
        missing = [phrase for phrase in gold if phrase not in text]
        return not missing, f"missing {missing}" if missing else "ok"
    # a name, phone or e-mail: the value itself, however its dashes and @ are written, and a
    # town's name with or without its government (邹城市太平镇 is 邹城市太平镇人民政府)
    return _same_name(_name(str(value)), _name(str(gold))), f"value {value!r}"


def _judge_parts(golds: list, response: dict) -> tuple[bool, str]:
    """A question asking several figures: each gold part against the response's part of the same
    place, in the order asked (a response without parts is one part: itself)."""
    parts = response.get("parts") or [response]
    reasons = []
    for index, gold in enumerate(golds):
        if index >= len(parts):
            reasons.append(f"part {index + 1} missing")
            continue
        part = dict(parts[index])
        part.setdefault("answer", response.get("answer", ""))
        ok, reason = _judge(gold, part)
        if not ok:
            reasons.append(f"part {index + 1}: {reason}")
    return not reasons, "; ".join(reasons) or "ok"


# A body's name written with its city or province before it (临沂市罗庄区卫生健康局 for 罗庄区卫生健康局).
_REGION_PREFIX_RE = re.compile(r"(?:[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|州|盟|地区))+")


def _same_name(value: str, gold: str) -> bool:
    """The gold name, or the gold name with more of its region before it (never less: 太平镇 is
    not 邹城市太平镇 where two 太平镇 are stored)."""
    if value == gold:
        return True
    return bool(gold) and value.endswith(gold) and bool(_REGION_PREFIX_RE.fullmatch(value[: -len(gold)]))


def _name(text: str) -> str:
    return re.sub(r"(?:人民)?政府$", "", _plain(text))


def _plain(text: str) -> str:
    """0743—8215620 and 0743-8215620, (0577)85886016 and 0577-85886016, jiuxiezhen＠126.com and
    jiuxiezhen@126.com read the same."""
    text = unicodedata.normalize("NFKC", text).strip()
    text = re.sub(r"^\((\d{3,4})\)\s*-?", r"\1-", text)  # an area code in brackets
    return re.sub(r"[\u2010-\u2015\u2212\uff0d]", "-", text).replace(" ", "").lower()


def summarise(results: list[ItemResult]) -> dict:
    def accuracy(rows: Iterable[ItemResult]) -> dict:
        rows = list(rows)
        return {"n": len(rows), "accuracy": round(sum(r.correct for r in rows) / len(rows), 3) if rows else None}

    groups: dict[str, dict[str, list[ItemResult]]] = {"type": defaultdict(list), "lang": defaultdict(list)}
    for r in results:
        groups["type"][r.type].append(r)
        groups["lang"][r.lang].append(r)
    seconds = sorted(r.seconds for r in results) or [0.0]
    with_source = [r for r in results if r.source_cited is not None]
    ranked = [r.retrieval_rank for r in results if r.retrieval_rank is not None]

    def recall(k: int) -> float | None:
        return round(sum(1 for rank in ranked if 1 <= rank <= k) / len(ranked), 3) if ranked else None

    return {
        "overall": accuracy(results),
        "by_type": {k: accuracy(v) for k, v in sorted(groups["type"].items())},
        "by_lang": {k: accuracy(v) for k, v in sorted(groups["lang"].items())},
        "citation_validity": round(sum(r.citations_valid for r in results) / len(results), 3) if results else None,
        "gold_source_cited": round(sum(bool(r.source_cited) for r in with_source) / len(with_source), 3) if with_source else None,
        "retrieval": {"k": RECALL_K, "n": len(ranked), "recall_at_1": recall(1), f"recall_at_{RECALL_K}": recall(RECALL_K)},
        "latency_ms_p50": round(statistics.median(seconds) * 1000, 1),
        "latency_ms_p95": round(seconds[int(0.95 * (len(seconds) - 1))] * 1000, 1),
        "failures": [asdict(r) for r in results if not r.correct],
    }


def run_gold(
    items: list[GoldItem],
    ask: Callable[[str, tuple[str, ...]], dict],
    texts: dict[str, str],
    retrieve: Callable[[str, int], list[str]] | None = None,
) -> list[ItemResult]:
    """Ask every gold question (with its history) and score it.

    ``ask(question, history)`` returns the response dict; ``retrieve(query, k)``, if given,
    the sources of the top ``k`` retrieved chunks for a query, best first: it is called once per
    item with gold sources, with the history and the question as the query, and is not timed.
    """
    results = []
    for item in items:
        started = time.perf_counter()
        response = ask(item.question, item.history)
        seconds = time.perf_counter() - started
        rank = None
        if retrieve is not None and item.sources:
            retrieved = retrieve(" ".join([*item.history, item.question]), RECALL_K)[:RECALL_K]
            rank = next((i for i, source in enumerate(retrieved, start=1) if source in item.sources), 0)
        results.append(score(item, response, texts, seconds, rank))
    return results


ANSWER_FIELDS = ("status", "value", "unit", "answer", "citations", "conflicts", "candidates")


def answers_jsonl(items: list[GoldItem], responses: list[dict]) -> str:
    """Every answer, one JSON line per gold item in gold order, without timings (with its
    ``parts`` when the question asked several figures).

    The same store and code give byte-identical output, so two runs can be diffed to show
    exactly which answers a change moves.
    """
    if len(items) != len(responses):
        raise AssistantError(f"{len(responses)} answers for {len(items)} gold items")
    lines = []
    for item, response in zip(items, responses):
        row = {"id": item.id, "history": list(item.history), "question": item.question}
        row.update({key: response.get(key) for key in ANSWER_FIELDS})
        if response.get("parts"):
            row["parts"] = response["parts"]  # a question asking several figures is judged part by part
        lines.append(json.dumps(row, ensure_ascii=False, sort_keys=False))
    return "".join(line + "\n" for line in lines)


def markdown_report(summary: dict, title: str) -> str:
    lines = [f"# {title}", "", f"Overall accuracy: **{summary['overall']['accuracy']}** ({summary['overall']['n']} questions)", ""]
    lines += ["| group | n | accuracy |", "|---|---|---|"]
    for key in ("by_type", "by_lang"):
        for name, row in summary[key].items():
            lines.append(f"| {key[3:]}: {name} | {row['n']} | {row['accuracy']} |")
    lines += [
        "",
        f"Citation validity: {summary['citation_validity']}; gold source cited: {summary['gold_source_cited']}; "
        f"latency p50 {summary['latency_ms_p50']} ms, p95 {summary['latency_ms_p95']} ms.",
        "",
        retrieval_line(summary),
        "",
        "## Failures",
        "",
    ]
    lines += [
        f"- `{f['id']}` {(' → '.join(f.get('history') or ()) + ' → ') if f.get('history') else ''}{f['question']} — "
        f"gold {f['gold']!r}, got {f['status']} {f['value']!r} ({f['reason']})"
        for f in summary["failures"]
    ]
    return "\n".join(lines) + "\n"


def retrieval_line(summary: dict) -> str:
    """One line on retrieval recall of the gold source (or why it was not measured)."""
    retrieval = summary.get("retrieval") or {}
    if not retrieval.get("n"):
        return "Retrieval recall of the gold source: not measured."
    k = retrieval["k"]
    return (
        f"Retrieval recall of the gold source (hybrid retriever, top {k} chunks, {retrieval['n']} questions with a gold "
        f"source): recall@1 {retrieval['recall_at_1']}, recall@{k} {retrieval[f'recall_at_{k}']}."
    )


# -- baselines ------------------------------------------------------------------------------------

_FIGURE_RE = re.compile(r"([0-9]+(?:\.[0-9]+)?)\s*(人次|万元|件|条|次|人|个|篇|项)")


def passage_baseline(documents_for: Callable[[str], list], texts: dict[str, str], reports: dict[str, dict]) -> Callable[[str], dict]:
    """A plain RAG answer: the top passage, its first figure as the value, the passage as the quote.

    ``documents_for(question)`` returns LangChain Documents whose metadata carry source/start/end.
    """

    def ask(question: str, history: tuple[str, ...] = ()) -> dict:
        # stateless: a follow-up is searched together with the questions before it
        documents = documents_for(" ".join([*history, question]))
        if not documents:
            return {"question": question, "status": "not_found", "answer": "", "value": None, "citations": [], "conflicts": []}
        top = documents[0].metadata
        quote = texts[top["source"]][top["start"] : top["end"]]
        figure = _FIGURE_RE.search(quote)
        report = reports.get(top["source"], {})
        citation = {"source": top["source"], "org": report.get("body"), "year": report.get("year"),
                    "quote": quote, "start": top["start"], "end": top["end"]}
        value = float(figure.group(1)) if figure else None
        return {
            "question": question,
            "status": "answered",
            "answer": quote,
            "value": int(value) if value is not None and value.is_integer() else value,
            "citations": [citation],
            "conflicts": [],
        }

    return ask
