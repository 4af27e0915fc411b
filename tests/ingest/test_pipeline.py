"""End-to-end ingest into a real store directory: the seeds, idempotence, replacement, removal, bad input."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from assistant.cli import main
from assistant.config import Settings
from assistant.ingest.pipeline import Ingestor
from assistant.store.facts_db import FactStore
from tests.conftest import ROOT, SEED_JUGEZHUANG, SEED_XIJI


@pytest.fixture
def store_dir(tmp_path):
    return tmp_path / "store"


@pytest.fixture
def seeds_dir(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SEED_XIJI, folder)
    shutil.copy(SEED_JUGEZHUANG, folder)
    return folder


def _ingest(store_dir, *paths):
    with Ingestor(Settings(store_dir=store_dir, embedder="hash"), progress=False) as ingestor:
        return ingestor.ingest(paths)


def _facts(store_dir, **filters):
    with FactStore(store_dir / "facts.sqlite") as store:
        return store.query_facts(**filters)


def _one(store_dir, body, year, metric, kind="table"):
    rows = [f for f in _facts(store_dir, body=body, year=year, metric=metric) if f["kind"] == kind]
    rows = [f for f in rows if f["column_name"] in (None, "统计数", "总计")]
    assert len(rows) == 1, rows
    return rows[0]


def _quote(store_dir, fact):
    with FactStore(store_dir / "facts.sqlite") as store:
        text = store.report_text(fact["source"])
    return text[fact["start"] : fact["end"]]


def test_seed_figures_are_stored_with_exact_spans(store_dir, seeds_dir):
    summary = _ingest(store_dir, seeds_dir)
    assert summary.count("added") == 2 and summary.count("failed") == 0
    expected_xiji = {
        "requests_received": 6,
        "requests_in_person": 3,
        "requests_letter": 3,
        "requests_on_time": 5,
        "requests_late": 1,
        "lawsuits": 6,
        "proactive_total": 654,
        "proactive_wechat": 840,
    }
    for metric, value in expected_xiji.items():
        for body in ("西集镇", "西集", "Xiji"):
            fact = _one(store_dir, body, 2018, metric)
            assert fact["value"] == value, metric
        assert _quote(store_dir, fact).endswith(str(value))
    received = _one(store_dir, "西集", 2018, "requests_received")
    assert received["row_path"].endswith("（一）收到申请数")

    expected_jugezhuang = {"proactive_total": 121, "proactive_website": 180, "training_sessions": 5, "trainees": 267}
    for metric, value in expected_jugezhuang.items():
        fact = _one(store_dir, "巨各庄", 2017, metric, kind="prose")
        assert fact["value"] == value
        assert f"{value}" in _quote(store_dir, fact)


def test_seed_000_findings(store_dir, seeds_dir):
    _ingest(store_dir, seeds_dir)
    with FactStore(store_dir / "facts.sqlite") as store:
        findings = store.findings(source=SEED_XIJI.name)
        text = store.report_text(SEED_XIJI.name)
    by_metric = {}
    for finding in findings:
        by_metric.setdefault(finding["metric"], []).append(finding)
        for value, start, end in (tuple(e) for e in finding["evidence"]):
            assert text[start:end]  # every side of a finding points at real text
    quotes = lambda f: [text[s:e] for _, s, e in f["evidence"]]  # noqa: E731
    on_time = by_metric["requests_on_time"][0]
    assert "所有申请均已按规定时限按时办结" in quotes(on_time)[0]
    lawsuits = by_metric["lawsuits"][0]
    assert any("行政诉讼案件0件" in q for q in quotes(lawsuits))
    assert any(q.startswith("五、行政诉讼数量") for q in quotes(lawsuits))
    website = by_metric["proactive_website"][0]
    assert any("通州信息网" in q for q in quotes(website))
    answers = [f for f in findings if f["kind"] == "parts_vs_total"]
    assert any("申请答复数" in f["message"] for f in answers)
    assert len(findings) >= 4


def test_idempotent_and_changed_file_replaces(store_dir, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(SEED_JUGEZHUANG.read_text(encoding="utf-8"), encoding="utf-8")
    first = _ingest(store_dir, report)
    assert first.count("added") == 1
    db = store_dir / "facts.sqlite"
    snapshot = sqlite3.connect(db).execute("SELECT count(*) FROM facts").fetchone()
    second = _ingest(store_dir, report)
    assert second.count("unchanged") == 1
    assert sqlite3.connect(db).execute("SELECT count(*) FROM facts").fetchone() == snapshot

    report.write_text(report.read_text(encoding="utf-8").replace("培训班5次", "培训班8次"), encoding="utf-8")
    third = _ingest(store_dir, report)
    assert third.count("replaced") == 1
    sessions = _one(store_dir, "巨各庄", 2017, "training_sessions", kind="prose")
    assert sessions["value"] == 8
    assert len(_facts(store_dir, source="report.txt")) == snapshot[0]


def test_duplicate_content_under_another_name(store_dir, tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(SEED_JUGEZHUANG.read_text(encoding="utf-8"), encoding="utf-8")
    b.write_text(SEED_JUGEZHUANG.read_text(encoding="utf-8"), encoding="utf-8")
    summary = _ingest(store_dir, a, b)
    assert [f.status for f in summary.files] == ["added", "duplicate"]
    assert "a.txt" in summary.files[1].message


def test_remove_deletes_everywhere(store_dir, seeds_dir):
    _ingest(store_dir, seeds_dir)
    with Ingestor(Settings(store_dir=store_dir, embedder="hash"), progress=False) as ingestor:
        before = ingestor.vectors.count()
        removed = ingestor.remove(SEED_JUGEZHUANG.name)
        assert removed > 0
        assert ingestor.vectors.count() == before - removed
    assert _facts(store_dir, body="巨各庄") == []
    assert _facts(store_dir, body="西集")


def test_bad_inputs_get_messages_and_the_batch_goes_on(store_dir, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "broken.docx").write_bytes(b"not a zip file at all")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    shutil.copy(SEED_XIJI, folder)
    summary = _ingest(store_dir, folder, tmp_path / "missing.txt")
    statuses = {f.path.rsplit("/", 1)[-1]: (f.status, f.message) for f in summary.files}
    assert statuses[SEED_XIJI.name][0] == "added"
    for name in ("empty.txt", "binary.txt", "broken.docx", "broken.pdf"):
        status, message = statuses[name]
        assert status == "failed" and message, name
    with FactStore(store_dir / "facts.sqlite") as store:
        assert [r["source"] for r in store.list_reports()] == [SEED_XIJI.name]


def test_cli_ingest_json_then_sources(store_dir, seeds_dir, capsys):
    assert main(["ingest", str(seeds_dir), "--store", str(store_dir), "--json", "--embedder", "hash"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["reports"] == 2 and summary["failed"] == 0
    assert summary["facts"] > 70 and summary["findings"] >= 4 and summary["chunks"] > 0
    assert main(["sources", "--store", str(store_dir), "--json"]) == 0
    sources = {r["body"]: r for r in json.loads(capsys.readouterr().out)}
    assert sources["西集镇"]["year"] == 2018 and sources["西集镇"]["template"] == "old_table"
    assert sources["巨各庄镇"]["year"] == 2017 and sources["巨各庄镇"]["template"] == "narrative"


SYNTHETIC = ROOT / "eval" / "reports" / "synthetic"


def test_synthetic_national_reports_table_three_totals_and_no_false_findings(store_dir):
    summary = _ingest(store_dir, SYNTHETIC)
    assert summary.count("added") == len(list(SYNTHETIC.glob("*.truth.json")))
    with FactStore(store_dir / "facts.sqlite") as store:
        assert store.findings() == []  # the generated reports add up; no false alarms
        reports = {r["source"]: r for r in store.list_reports()}
        for truth_file in sorted(SYNTHETIC.glob("*.truth.json")):
            truth = json.loads(truth_file.read_text(encoding="utf-8"))
            source = next(s for s in reports if s.startswith(truth["name"] + "."))
            report = reports[source]
            assert (report["body"], report["year"], report["template"]) == (truth["body"], truth["year"], truth["template"])
            expected = {
                tuple(f["row_path"]): f["value"]
                for f in truth["facts"]
                if f["table"].startswith("三") and f["column"] == "总计"
            }
            got = {
                tuple(json.loads(f["row_path_json"])): f["value"]
                for f in store.query_facts(source=source)
                if f["table_name"].startswith("三") and f["column_name"] == "总计"
            }
            assert got == expected, source
            received = [f for f in store.query_facts(source=source, metric="requests_received") if f["column_name"] == "总计"]
            assert received[0]["value"] == truth["prose"]["requests_received"]


def test_a_report_that_does_not_add_up_is_flagged(store_dir, tmp_path):
    source = next(SYNTHETIC.glob("*.md"))
    text = source.read_text(encoding="utf-8")
    line = next(l for l in text.splitlines() if "（七）总计" in l)
    cells = line.split("|")
    cells[-2] = f" {int(cells[-2].strip()) + 5} "  # the grand total no longer matches
    broken = tmp_path / "broken.md"
    broken.write_text(text.replace(line, "|".join(cells)), encoding="utf-8")
    _ingest(store_dir, broken)
    with FactStore(store_dir / "facts.sqlite") as store:
        findings = store.findings(source="broken.md")
    assert any("（七）总计" in f["message"] for f in findings)
