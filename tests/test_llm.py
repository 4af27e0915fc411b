"""The optional LLM against an OpenAI-compatible server started here on 127.0.0.1.

The server is a few lines of http.server that records each request and replies with whatever the
test sets, so every path is exercised over real HTTP through LangChain's ChatOpenAI.
"""

from __future__ import annotations

import json
import shutil
import threading
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assistant.ask import Assistant
from assistant.cli import build_parser, _settings
from assistant.config import Settings
from assistant.ingest.pipeline import Ingestor
from assistant.llm import build_prompt, faithful
from tests.conftest import SEED_JUGEZHUANG, SEED_XIJI

QUESTION = "西集镇2018年收到多少政府信息公开申请"


class FakeOpenAI(ThreadingHTTPServer):
    """Answers POST /v1/chat/completions with ``self.reply`` (or ``self.status`` as an error)."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.reply = ""
        self.status = 200
        self.requests: list[dict] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 - http.server's naming
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append({"path": self.path, "body": body})
        if self.server.status != 200:
            payload = {"error": {"message": "boom", "type": "server_error"}}
        else:
            payload = {
                "id": "chatcmpl-test", "object": "chat.completion", "created": 0, "model": body["model"],
                "choices": [{"index": 0, "finish_reason": "stop",
                             "message": {"role": "assistant", "content": self.server.reply}}],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
            }
        data = json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(self.server.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    fake = FakeOpenAI()
    thread = threading.Thread(target=fake.serve_forever, daemon=True)
    thread.start()
    yield fake
    fake.shutdown()
    fake.server_close()


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    shutil.copy(SEED_XIJI, folder)
    shutil.copy(SEED_JUGEZHUANG, folder)
    store_dir = tmp_path_factory.mktemp("store")
    with Ingestor(Settings(store_dir=store_dir, embedder="hash"), progress=False) as ingestor:
        assert ingestor.ingest([folder]).count("failed") == 0
    return store_dir


@pytest.fixture
def plain(store):
    with Assistant(Settings(store_dir=store, embedder="hash")) as opened:
        yield opened


@pytest.fixture
def with_llm(store, server):
    server.requests.clear()
    server.status = 200
    settings = Settings(store_dir=store, embedder="hash", llm_url=server.url, llm_model="test-model", llm_timeout=5)
    with Assistant(settings) as opened:
        yield opened


def test_a_faithful_reply_replaces_the_text_and_nothing_else(plain, with_llm, server):
    deterministic = plain.ask(QUESTION)
    assert deterministic.value == 6
    server.reply = "西集镇2018年共收到政府信息公开申请6件[1]。"
    phrased = with_llm.ask(QUESTION)
    assert phrased.answer == server.reply
    assert (phrased.value, phrased.unit, phrased.citations) == (deterministic.value, deterministic.unit,
                                                                deterministic.citations)
    request = server.requests[-1]
    assert request["path"] == "/v1/chat/completions"
    assert request["body"]["model"] == "test-model"
    prompt = "\n".join(message["content"] for message in request["body"]["messages"])
    assert QUESTION in prompt and deterministic.answer in prompt
    first_quote = " ".join(deterministic.citations[0].quote.split())
    assert first_quote in prompt  # the evidence travels with the question


def test_an_invented_number_keeps_the_deterministic_answer(plain, with_llm, server):
    server.reply = "西集镇2018年共收到政府信息公开申请7件[1]。"
    assert with_llm.ask(QUESTION).answer == plain.ask(QUESTION).answer


def test_a_reply_without_the_value_or_markers_is_refused(plain, with_llm, server):
    expected = plain.ask(QUESTION).answer
    server.reply = "西集镇2018年收到了若干申请[1]。"
    assert with_llm.ask(QUESTION).answer == expected
    server.reply = "西集镇2018年共收到政府信息公开申请6件。"
    assert with_llm.ask(QUESTION).answer == expected
    server.reply = "西集镇2018年共收到政府信息公开申请6件[9]。"
    assert with_llm.ask(QUESTION).answer == expected


def test_an_endpoint_error_keeps_the_deterministic_answer(plain, with_llm, server):
    server.status = 500
    assert with_llm.ask(QUESTION).answer == plain.ask(QUESTION).answer
    assert server.requests  # it was asked, and failed


def test_an_unreachable_endpoint_keeps_the_deterministic_answer(plain, store):
    settings = Settings(store_dir=store, embedder="hash", llm_url="http://127.0.0.1:9/v1", llm_timeout=2)
    with Assistant(settings) as unreachable:
        assert unreachable.ask(QUESTION).answer == plain.ask(QUESTION).answer


def test_not_found_and_conflicts_never_reach_the_model(with_llm, server):
    server.reply = "0 [1]"
    not_found = with_llm.ask("西集镇2030年收到多少政府信息公开申请")
    conflict = with_llm.ask("西集镇2018年行政诉讼多少件")
    assert not_found.status == "not_found"
    assert conflict.conflicts
    assert server.requests == []


def test_the_token_budget_is_respected(plain, store, server):
    answer = plain.ask(QUESTION)
    prompt = build_prompt(answer, "zh", 2000)
    assert prompt is not None and prompt.tokens <= 2000
    assert build_prompt(answer, "zh", 50) is None  # not even the system prompt fits
    tight = build_prompt(answer, "zh", prompt.tokens - 1)
    assert tight is None or len(tight.evidence) < len(prompt.evidence)

    server.requests.clear()
    settings = Settings(store_dir=store, embedder="hash", llm_url=server.url, llm_token_budget=50)
    with Assistant(settings) as starved:
        assert starved.ask(QUESTION).answer == answer.answer
    assert server.requests == []  # nothing is sent when the evidence cannot fit


def test_faithfulness_check(plain):
    answer = plain.ask("how many information requests did Xiji receive in 2018")
    prompt = build_prompt(answer, "en", 2000)
    assert faithful("Xiji received 6 requests in 2018 [1].", answer, prompt.evidence) is None
    assert faithful("Xiji received 6 requests in 2018, up 50% [1].", answer, prompt.evidence)
    assert faithful("", answer, prompt.evidence)


def test_flags_and_environment_configure_the_endpoint(monkeypatch):
    monkeypatch.setenv("ASSISTANT_LLM_URL", "http://127.0.0.1:1/v1")
    monkeypatch.setenv("ASSISTANT_LLM_TOKEN_BUDGET", "900")
    args = build_parser().parse_args(["ask", "q", "--llm-model", "qwen"])
    settings = _settings(args)
    assert (settings.llm_url, settings.llm_model, settings.llm_token_budget) == ("http://127.0.0.1:1/v1", "qwen", 900)
    args = build_parser().parse_args(["serve", "--llm-url", "http://127.0.0.1:2/v1"])
    assert _settings(args).llm_url == "http://127.0.0.1:2/v1"
    monkeypatch.delenv("ASSISTANT_LLM_URL")
    assert Settings.from_env().llm_url is None  # off by default
    assert replace(Settings.from_env(), store_dir=".").llm_url is None
