"""The optional LLM: it may re-phrase a deterministic answer from the same cited evidence, nothing more.

Off unless an OpenAI-compatible endpoint is configured (``--llm-url`` or ``ASSISTANT_LLM_URL``).
The value, unit, citations, conflicts and candidates never come from the model; only the text a
person reads may. Every number in that text must occur in the cited evidence (or the deterministic
answer), the primary value must be there, and [n] markers must point at given evidence; otherwise,
and on any endpoint error, the deterministic answer is returned unchanged.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from typing import Protocol

from assistant.errors import MissingDependency
from assistant.ingest.chunking import count_tokens
from assistant.ingest.numbers import format_value
from assistant.records import ANSWERED, Answer, Citation

log = logging.getLogger(__name__)

SYSTEM_PROMPT = (
    "You rewrite answers about Chinese government information-disclosure annual reports. "
    "Use only the numbered evidence and the draft answer. Keep every figure exactly as written "
    "in digits, keep the [n] markers of the evidence you rely on, add no figure, date or name "
    "that is not in the evidence, and answer in the language of the question ({language}). "
    "Two or three sentences at most; no preamble."
)

_NUMBER_RE = re.compile(r"\d+(?:[,，]\d{3})*(?:\.\d+)?")
_MARKER_RE = re.compile(r"\[(\d+)\]")


class ChatModel(Protocol):
    """Anything that turns (role, content) messages into a reply; tests use a local server."""

    def complete(self, messages: list[tuple[str, str]]) -> str: ...


class LangChainChatModel:
    """A LangChain ``ChatOpenAI`` pointed at any OpenAI-compatible endpoint."""

    def __init__(self, url: str, model: str, *, api_key: str | None = None, timeout: float = 30.0):
        try:
            from langchain_openai import ChatOpenAI
        except ImportError as error:
            raise MissingDependency("langchain-openai", "the optional LLM") from error
        self._chat = ChatOpenAI(
            base_url=url, model=model, api_key=api_key or "not-needed", timeout=timeout, max_retries=0, temperature=0
        )

    def complete(self, messages: list[tuple[str, str]]) -> str:
        reply = self._chat.invoke(messages)
        return reply.content if isinstance(reply.content, str) else str(reply.content)


@dataclass(frozen=True)
class Prompt:
    messages: list[tuple[str, str]]
    tokens: int
    evidence: tuple[Citation, ...]  # the citations given to the model, numbered from 1


def build_prompt(answer: Answer, lang: str, budget: int) -> Prompt | None:
    """The question, the draft answer and as many cited quotes as fit in ``budget`` tokens (in
    citation order, so the [n] markers of the draft stay valid); None when not even the first fits."""
    system = SYSTEM_PROMPT.format(language="Chinese" if lang == "zh" else "English")
    head = f"Question: {answer.question}\nDraft answer: {answer.answer}\nEvidence:\n"
    lines: list[str] = []
    evidence: list[Citation] = []
    for number, citation in enumerate(answer.citations, start=1):
        line = f"[{number}] {citation.org or ''} {citation.year or ''} ({citation.source}): {' '.join(citation.quote.split())}"
        if count_tokens(system) + count_tokens(head + "\n".join(lines + [line])) > budget:
            break
        lines.append(line)
        evidence.append(citation)
    if not evidence:
        return None
    user = head + "\n".join(lines)
    return Prompt([("system", system), ("human", user)], count_tokens(system) + count_tokens(user), tuple(evidence))


def _numbers(text: str) -> set[str]:
    return {re.sub(r"[,，]", "", n) for n in _NUMBER_RE.findall(text)}


def faithful(text: str, answer: Answer, evidence: tuple[Citation, ...]) -> str | None:
    """None when ``text`` may replace the deterministic answer, else the reason it may not."""
    if not text.strip():
        return "empty reply"
    allowed = _numbers(answer.question) | _numbers(answer.answer)
    for citation in evidence:
        allowed |= _numbers(citation.quote)
    invented = _numbers(_MARKER_RE.sub("", text)) - allowed
    if invented:
        return f"numbers not in the evidence: {sorted(invented)}"
    if isinstance(answer.value, (int, float)) and format_value(answer.value) not in _numbers(text):
        return f"the value {format_value(answer.value)} is missing"
    markers = {int(m) for m in _MARKER_RE.findall(text)}
    if any(m < 1 or m > len(evidence) for m in markers):
        return f"markers outside the evidence: {sorted(markers)}"
    if answer.citations and not markers:
        return "no [n] markers"
    return None


class AnswerPhraser:
    """Asks the model to phrase an answered question; falls back to the deterministic answer."""

    def __init__(self, model: ChatModel, *, token_budget: int = 2000):
        self.model = model
        self.token_budget = token_budget

    def phrase(self, answer: Answer, lang: str) -> Answer:
        if answer.status != ANSWERED or not answer.citations or answer.conflicts:
            return answer  # not found, ambiguous and disagreeing sources keep their exact wording
        prompt = build_prompt(answer, lang, self.token_budget)
        if prompt is None:
            log.info("LLM skipped: the evidence does not fit in %d tokens", self.token_budget)
            return answer
        try:
            text = self.model.complete(prompt.messages).strip()
        except Exception as error:  # noqa: BLE001 - any endpoint failure keeps the deterministic answer
            log.warning("LLM endpoint failed, deterministic answer kept: %s", error)
            return answer
        problem = faithful(text, answer, prompt.evidence)
        if problem:
            log.warning("LLM answer rejected (%s), deterministic answer kept", problem)
            return answer
        return replace(answer, answer=text)


def make_phraser(settings) -> AnswerPhraser | None:
    """The configured phraser, or None when no endpoint is set (the default)."""
    if not settings.llm_url:
        return None
    model = LangChainChatModel(settings.llm_url, settings.llm_model, api_key=settings.llm_api_key,
                               timeout=settings.llm_timeout)
    return AnswerPhraser(model, token_budget=settings.llm_token_budget)
