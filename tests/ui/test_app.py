"""The app on a free loopback port: the machine interface through gradio_client, the report pages."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest
from gradio_client import Client

from assistant.cli import main
from tests.ui.conftest import XIJI_2019
from ui.app import example_questions, pick_question, running
from ui.service import WebService

XIJI = "000_ea7bc199d63c6f0a.txt"
QUESTION = "西集镇2018年收到多少政府信息公开申请"


@pytest.fixture(scope="module")
def server(web_store):
    from assistant.config import Settings

    with running(Settings(store_dir=web_store, embedder="hash")) as url:
        yield url


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def test_the_answer_endpoint_returns_what_the_cli_prints(server, web_store, capsys):
    from_api = Client(server, verbose=False).predict(QUESTION, [], api_name="/answer")
    assert main(["ask", QUESTION, "--json", "--store", str(web_store), "--embedder", "hash"]) == 0
    assert from_api == json.loads(capsys.readouterr().out)
    assert (from_api["status"], from_api["value"], from_api["unit"]) == ("answered", 6, "件")


def test_the_answer_endpoint_is_stateless_and_takes_history_explicitly(server):
    client = Client(server, verbose=False)
    client.predict(QUESTION, [], api_name="/answer")
    alone = client.predict("那信函申请呢？", [], api_name="/answer")
    assert alone["status"] != "answered" or alone["value"] != 3  # nothing carried over between calls
    follow_up = client.predict("那信函申请呢？", [QUESTION], api_name="/answer")
    assert (follow_up["status"], follow_up["value"]) == ("answered", 3)


def test_only_the_answer_endpoint_is_public(server):
    endpoints = Client(server, verbose=False).view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert list(endpoints) == ["/answer"]


def test_picking_a_candidate_settles_an_ambiguous_question(server):
    client = Client(server, verbose=False)
    ambiguous = client.predict("西集镇收到多少政府信息公开申请", [], api_name="/answer")
    assert ambiguous["status"] == "ambiguous"
    assert sorted(c["year"] for c in ambiguous["candidates"]) == [2018, 2019]
    for lang, question in (("zh", "西集镇收到多少政府信息公开申请"), ("en", "how many requests did Xiji receive")):
        for candidate in ambiguous["candidates"]:
            settled = client.predict(pick_question(candidate, lang), [question], api_name="/answer")
            assert settled["status"] == "answered" and {c["year"] for c in settled["citations"]} == {candidate["year"]}


def test_the_report_page_marks_the_quote_and_escapes_the_text(server):
    answer = Client(server, verbose=False).predict(QUESTION, [], api_name="/answer")
    citation = answer["citations"][0]
    status, page = _get(f"{server}report/{XIJI}?start={citation['start']}&end={citation['end']}")
    assert status == 200 and f'<mark id="quote">{citation["quote"]}</mark>' in page
    status, page = _get(f"{server}report/{XIJI_2019}")
    assert status == 200 and "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>" not in page
    status, page = _get(f"{server}report/nothing-here.txt")
    assert status == 404 and "nothing-here.txt" in page


def test_example_questions_come_from_the_store_and_are_answered(web_settings):
    service = WebService(web_settings)
    try:
        examples = example_questions(service)
        assert any("2018" in e and "西集" in e for e in examples) and any(e.isascii() for e in examples)
        first = service.ask(examples[0])
        assert first["status"] == "answered"
    finally:
        service.close()


def test_the_serve_command_serves_the_chat_until_stopped(web_store):
    import subprocess
    import sys
    import time

    from ui.app import free_port

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "assistant", "serve", "--store", str(web_store), "--embedder", "hash", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        deadline, status = time.monotonic() + 90, None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                status, page = _get(f"http://127.0.0.1:{port}/")
                break
            except urllib.error.URLError:
                time.sleep(0.5)
        assert status == 200 and "gradio" in page.lower()
        answer = Client(f"http://127.0.0.1:{port}/", verbose=False).predict(QUESTION, [], api_name="/answer")
        assert answer["value"] == 6
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert f"http://127.0.0.1:{port}/" in output and "read-only" in output
