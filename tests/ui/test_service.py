"""The web service over a real store: filters, the admin token, uploads and removals."""

from __future__ import annotations

import json

import pytest

from assistant.config import Settings
from tests.conftest import ROOT
from ui.service import WebService, WritingRefused

SYNTHETIC = ROOT / "eval" / "reports" / "synthetic" / "syn05_cuiming_2023.txt"
TRUTH = json.loads(SYNTHETIC.with_suffix(".truth.json").read_text(encoding="utf-8"))


def test_filters_fill_in_what_the_question_leaves_out(web_settings):
    service = WebService(web_settings)
    try:
        assert service.ask("收到多少政府信息公开申请", body="西集镇")["status"] == "ambiguous"  # 2018 and 2019
        narrowed = service.ask("收到多少政府信息公开申请", body="西集镇", year=2018)
        assert (narrowed["status"], narrowed["value"]) == ("answered", 6)
        assert narrowed["citations"][0]["source"] == "000_ea7bc199d63c6f0a.txt"
        named = service.ask("巨各庄镇2017年收到多少政府信息公开申请", body="西集镇", year=2018)
        assert all(c["org"] != "西集镇" for c in named["citations"])  # the question's own body wins
    finally:
        service.close()


def test_follow_ups_use_the_conversation(web_settings):
    service = WebService(web_settings)
    try:
        first = "西集镇2018年收到多少政府信息公开申请"
        assert service.ask("那信函申请呢？", [first])["value"] == 3
        assert service.ask("and by letter?", [first])["value"] == 3
    finally:
        service.close()


@pytest.mark.parametrize("configured, given", [(None, "anything"), ("secret", "wrong"), ("secret", "")])
def test_writing_without_the_admin_token_is_refused_and_changes_nothing(web_settings, configured, given):
    service = WebService(web_settings, admin_token=configured)
    try:
        before = service.reports()
        with pytest.raises(WritingRefused):
            service.upload([str(SYNTHETIC)], given, progress=False)
        with pytest.raises(WritingRefused):
            service.remove("000_ea7bc199d63c6f0a.txt", given)
        assert service.reports() == before
    finally:
        service.close()


def test_an_uploaded_report_can_be_asked_about_at_once_and_removed(web_settings):
    service = WebService(web_settings, admin_token="secret")
    try:
        summary = service.upload([str(SYNTHETIC)], "secret", progress=False)
        assert summary["added"] == 1 and summary["files"][0]["path"] == SYNTHETIC.name
        answer = service.ask(f"{TRUTH['body']}{TRUTH['year']}年收到多少政府信息公开申请")
        assert (answer["status"], answer["value"]) == ("answered", TRUTH["prose"]["requests_received"])
        assert service.remove(SYNTHETIC.name, "secret") >= 0
        assert SYNTHETIC.name not in {r["source"] for r in service.reports()}
        assert service.ask(f"{TRUTH['body']}{TRUTH['year']}年收到多少政府信息公开申请")["status"] == "not_found"
    finally:
        service.close()


def test_a_bad_upload_gets_its_own_message_and_leaves_the_store_intact(web_settings, tmp_path):
    binary = tmp_path / "broken.pdf"
    binary.write_bytes(b"\x00\x01 not a pdf")
    service = WebService(web_settings, admin_token="secret")
    try:
        before = service.reports()
        summary = service.upload([str(binary)], "secret", progress=False)
        assert summary["failed"] == 1 and summary["files"][0]["message"]
        assert service.reports() == before
    finally:
        service.close()


def test_the_app_starts_on_an_empty_store(tmp_path):
    service = WebService(Settings(store_dir=tmp_path / "new", embedder="hash"))
    try:
        assert service.reports() == []
        assert service.ask("西集镇2018年收到多少政府信息公开申请")["status"] == "not_found"
    finally:
        service.close()


def test_a_national_report_shows_which_identities_its_tables_keep(web_settings):
    # syn05 is a 2021-template report; the seeds (old template) have no such identities
    service = WebService(web_settings, admin_token="secret")
    try:
        service.upload([str(SYNTHETIC)], "secret", progress=False)
        checks = service.identities(SYNTHETIC.name)
        assert [c["name"] for c in checks][0] == "本年新收 + 上年结转 = （七）总计 + 结转下年度"
        assert len(checks) == 4 and all(c["holds"] is not False for c in checks)
        assert service.identities("000_ea7bc199d63c6f0a.txt") == []
    finally:
        service.close()
