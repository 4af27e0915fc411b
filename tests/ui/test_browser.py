"""The web chat in real headless Chromium (Debian's package), driven by Playwright.

Screenshots land in test-artifacts/browser/ for a person to look at. Without /usr/bin/chromium these
tests skip, unless ASSISTANT_BROWSER_TESTS=required (as in .ci/run), where they fail instead.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import ROOT
from ui.app import running

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts" / "browser"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
XIJI = "000_ea7bc199d63c6f0a.txt"
UPLOAD = ROOT / "eval" / "reports" / "synthetic" / "syn05_cuiming_2023.txt"
TRUTH = json.loads(UPLOAD.with_suffix(".truth.json").read_text(encoding="utf-8"))

if not Path(CHROMIUM).exists():
    reason = "Debian chromium is not installed (make install installs it as root)"
    if os.environ.get("ASSISTANT_BROWSER_TESTS") == "required":
        raise RuntimeError(reason)
    pytest.skip(reason, allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def app(web_settings, browser):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with running(web_settings, admin_token="secret") as url:
        page = browser.new_page(viewport={"width": 1280, "height": 1000}, locale="zh-CN")
        page.set_default_timeout(30_000)
        page.goto(url)
        yield page
        page.close()


def _ask(page, question: str):
    """Type a question, send it, and return the locator of the finished answer."""
    answers = page.locator("#chat .answer")
    before = answers.count()
    page.locator("#question textarea").fill(question)
    page.locator("#question textarea").press("Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('#chat .answer').length > n && "
        "!document.querySelector('#chat .pending, #chat .generating')", arg=before)
    page.wait_for_timeout(800)  # the last streamed chunk and the sources panel
    return answers.nth(before)


def _status(answer) -> str:
    """answered, conflict, not_found or ambiguous, from the answer's class (answer-…)."""
    classes = answer.get_attribute("class").split()
    return next(c.removeprefix("answer-") for c in classes if c.startswith("answer-"))


def test_a_question_shows_the_figure_and_its_highlighted_source(app):
    answer = _ask(app, "西集镇2018年收到多少政府信息公开申请")
    assert "6" in answer.locator(".answer-text").inner_text()
    assert _status(answer) == "answered"
    app.get_by_text("来源 (2)").click()
    marks = app.locator("#chat .source", has_text=XIJI).locator("mark")
    marks.first.wait_for()
    quotes = [m.inner_text() for m in marks.all()]
    assert any("发生依申请公开6件" in q for q in quotes) and any("收到申请数" in q for q in quotes)
    app.screenshot(path=str(ARTIFACTS / "01-answer-with-sources.png"), full_page=True)

    with app.context.expect_page() as opened:
        app.locator("#chat .source", has_text=XIJI).last.locator("a").click()
    report = opened.value
    report.wait_for_load_state()
    mark = report.locator("mark#quote")
    assert "发生依申请公开6件" in mark.inner_text() and mark.is_visible()
    report.screenshot(path=str(ARTIFACTS / "02-full-report-at-quote.png"))
    report.close()

    follow_up = _ask(app, "那信函申请呢？")
    assert "3" in follow_up.locator(".answer-text").inner_text()
    app.screenshot(path=str(ARTIFACTS / "03-follow-up.png"), full_page=True)


def test_conflicts_are_marked_and_ambiguity_is_settled_with_one_click(app):
    conflict = _ask(app, "西集镇2018年的申请是否都按时办结？")
    assert _status(conflict) == "conflict"
    assert "来源不一致" in conflict.inner_text()
    ambiguous = _ask(app, "西集镇收到多少政府信息公开申请")
    assert _status(ambiguous) == "ambiguous"
    app.screenshot(path=str(ARTIFACTS / "04-conflict-and-ambiguous.png"), full_page=True)
    app.locator("#picker").get_by_text("西集镇 2019", exact=False).click()
    app.wait_for_function("document.querySelectorAll('#chat .answer').length >= 3")
    app.wait_for_timeout(1500)
    settled = app.locator("#chat .answer").last
    assert _status(settled) == "answered" and "2019" in settled.inner_text()


def test_upload_with_the_admin_token_then_ask_about_the_new_report(app):
    app.get_by_role("tab", name="报告").click()
    app.locator("#upload-files input[type=file]").set_input_files(str(UPLOAD))
    app.locator("#upload-files a.download-link").first.wait_for()  # the upload finished
    app.locator("#admin-token input").fill("secret")
    app.locator("#ingest").click()
    expect(app.locator("#outcome")).to_contain_text("added", timeout=120_000)
    assert UPLOAD.name in app.locator("#reports-table").inner_text()
    app.screenshot(path=str(ARTIFACTS / "05-upload.png"), full_page=True)
    app.get_by_role("tab", name="问答").click()
    answer = _ask(app, f"{TRUTH['body']}{TRUTH['year']}年收到多少政府信息公开申请")
    assert f"{TRUTH['prose']['requests_received']}" in answer.inner_text()


def test_reports_statistics_and_the_english_switch(app):
    app.get_by_role("tab", name="报告").click()
    app.locator("#report-pick input").click()
    app.get_by_role("option", name=XIJI).click()
    app.locator("#report-detail li").first.wait_for()
    assert "一致性问题" in app.locator("#report-detail").inner_text()
    app.screenshot(path=str(ARTIFACTS / "06-reports.png"), full_page=True)

    app.get_by_role("tab", name="统计").click()
    app.locator("#metric input").click()
    app.locator("#metric input").fill("收到政府信息公开申请")
    app.get_by_role("option", name="收到政府信息公开申请数 / information disclosure requests received").click()
    app.locator("#show").click()
    expect(app.locator("#stat-table")).to_contain_text(XIJI)
    app.wait_for_timeout(1000)
    app.screenshot(path=str(ARTIFACTS / "07-statistics.png"), full_page=True)

    app.locator("#language").get_by_text("English").click()
    app.get_by_role("tab", name="Chat").wait_for()
    app.get_by_role("tab", name="Chat").click()
    answer = _ask(app, "how many information requests did Xiji receive in 2018")
    assert "6" in answer.inner_text() and "Answer" in answer.inner_text()
    app.screenshot(path=str(ARTIFACTS / "08-english.png"), full_page=True)
