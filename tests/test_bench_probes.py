"""The retrieval probes used by eval/bench_embedders.py point at text that exists."""

from __future__ import annotations

from assistant.ingest.loaders import load_document
from eval.bench_embedders import PROBES, REPORTS, load_probes


def test_every_probe_phrase_occurs_in_its_source():
    files = {p.name: p for folder in REPORTS for p in folder.iterdir()}
    probes = load_probes(PROBES)
    assert len(probes) >= 20 and {p["lang"] for p in probes} == {"zh", "en"}
    for probe in probes:
        text = load_document(files[probe["source"]]).text
        assert probe["expect"] in text, probe["id"]
        assert probe["body"] in text, probe["id"]
