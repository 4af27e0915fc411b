"""The evaluation harness scores strictly, the gold data is sound, and accuracy stays above its floor."""

from __future__ import annotations

import json

import pytest

from assistant.cli import main
from assistant.evaluation import GoldItem, load_gold, score
from assistant.ingest.loaders import load_document
from tests.conftest import ROOT

GOLD = ROOT / "eval" / "gold"
THRESHOLDS = json.loads((ROOT / "eval" / "thresholds.json").read_text(encoding="utf-8"))


def _all_report_files():
    folders = [ROOT / "data" / "reports", ROOT / "eval" / "reports" / "synthetic"]
    return {p.name: p for folder in folders for p in folder.iterdir() if not p.name.endswith(".json")}


@pytest.mark.parametrize("gold_file", sorted(p.name for p in GOLD.glob("*.jsonl")))
def test_gold_evidence_occurs_in_its_sources(gold_file):
    files = _all_report_files()
    items = load_gold(GOLD / gold_file)
    assert len({i.id for i in items}) == len(items)
    for item in items:
        for source in item.sources:
            assert source in files, item.id
        if item.evidence:
            texts = [load_document(files[s]).text for s in item.sources]
            assert any(item.evidence in t for t in texts), item.id


def _response(status="answered", value=6, answer="6 [1]", quote="发生依申请公开6件", start=0):
    return {
        "status": status,
        "value": value,
        "answer": answer,
        "citations": [{"source": "a.txt", "quote": quote, "start": start, "end": start + len(quote)}] if quote else [],
        "conflicts": [],
    }


TEXTS = {"a.txt": "发生依申请公开6件。当面申请3件。"}


def test_numbers_are_judged_by_the_primary_value_only():
    item = GoldItem("x", "q", 3, sources=("a.txt",))
    listing = _response(value=6, answer="收到6件，其中当面申请3件")
    assert not score(item, listing, TEXTS, 0.0).correct
    assert score(item, _response(value=3), TEXTS, 0.0).correct


def test_an_invented_quote_fails_the_question():
    item = GoldItem("x", "q", 6, sources=("a.txt",))
    assert not score(item, _response(quote="发生依申请公开7件"), TEXTS, 0.0).correct


def test_citation_must_come_from_the_gold_source():
    item = GoldItem("x", "q", 6, sources=("b.txt",))
    assert not score(item, _response(), TEXTS, 0.0).correct


def test_status_answers_and_key_phrases():
    assert score(GoldItem("x", "q", "NOT_FOUND"), _response(status="not_found", value=None, quote=None), TEXTS, 0).correct
    assert not score(GoldItem("x", "q", "NOT_FOUND"), _response(), TEXTS, 0).correct
    assert score(GoldItem("x", "q", "AMBIGUOUS"), _response(status="ambiguous", value=None, quote=None), TEXTS, 0).correct
    assert score(GoldItem("x", "q", ["当面", "3件"]), _response(answer="当面申请3件"), TEXTS, 0).correct
    assert not score(GoldItem("x", "q", ["当面", "5件"]), _response(answer="当面申请3件"), TEXTS, 0).correct


@pytest.mark.parametrize("gold_file", [name for name in THRESHOLDS if not name.startswith("_")])
def test_accuracy_stays_above_the_threshold(gold_file, tmp_path, capsys):
    config = THRESHOLDS[gold_file]
    out = tmp_path / "out"
    code = main(["eval", "--reports", str(ROOT / config["reports"]), "--qa", str(GOLD / gold_file), "--json", "--out", str(out)])
    assert code == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["citation_validity"] == 1.0
    assert summary["overall"]["accuracy"] >= config["min_accuracy"], summary["failures"]
    assert (out / "report.md").exists() and (out / "results.json").exists()


def test_compare_runs_the_baselines_side_by_side(tmp_path, capsys):
    code = main(["eval", "--reports", str(ROOT / "data" / "reports"), "--qa", str(GOLD / "seeds.jsonl"), "--compare", "--json"])
    assert code == 0
    summary = json.loads(capsys.readouterr().out)
    baselines = summary["baselines"]
    assert set(baselines) == {"dense RAG (LangChain)", "keyword only"}
    for baseline in baselines.values():
        assert baseline["overall"]["n"] == summary["overall"]["n"]
        assert baseline["overall"]["accuracy"] < summary["overall"]["accuracy"]
