"""Latency of `assistant ask - --json`: 100 questions through one process, models loaded once.

    python -m eval.bench_ask [--store DIR] [--questions 100]

Without --store it ingests the bundled and synthetic reports into a temporary store first.
Each answer's latency is the time between consecutive output lines (the first line also carries
start-up and model loading, reported separately).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from assistant.config import Settings, quiet_environment
from assistant.ingest.pipeline import Ingestor
from eval.bench_embedders import REPORTS

TEMPLATES = (
    "{zh}{year}年收到多少政府信息公开申请",
    "how many information requests did {en} receive in {year}",
    "{zh}{year}年行政诉讼多少件",
    "{zh}{year}年主动公开政府信息多少条",
    "{zh}{year}年按渠道收到的申请分别是多少",
    "How many administrative reconsiderations did {en} have in {year}?",
    "{zh}的联系电话是多少",
    "{zh}信息公开存在哪些问题",
    "What improvement measures does {en} plan?",
    "{zh}2030年收到多少申请",
)


def questions(store_dir: Path, count: int) -> list[str]:
    from assistant.store.facts_db import FactStore

    with FactStore(store_dir / "facts.sqlite") as store:
        reports = [r for r in store.list_reports() if r["body"]]
    bodies = [
        {"zh": r["body"], "en": next((a for a in r["aliases"] if a.isascii()), r["body"]), "year": r["year"]}
        for r in reports
    ]
    # every template meets every body in turn, so all question kinds are in the mix
    return [TEMPLATES[i % len(TEMPLATES)].format(**bodies[(i + i // len(TEMPLATES)) % len(bodies)]) for i in range(count)]


def run(store_dir: Path, asked: list[str]) -> dict:
    command = [sys.executable, "-m", "assistant", "ask", "-", "--json", "--store", str(store_dir)]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    process.stdin.write("\n".join(asked) + "\n")
    process.stdin.close()
    arrivals, statuses = [], []
    for line in process.stdout:
        arrivals.append(time.perf_counter())
        statuses.append(json.loads(line)["status"])
    process.wait()
    gaps = [(b - a) * 1000 for a, b in zip(arrivals, arrivals[1:])]
    return {
        "questions": len(asked),
        "answers": len(arrivals),
        "first_answer_s": round(arrivals[0] - started, 2) if arrivals else None,
        "total_s": round(time.perf_counter() - started, 2),
        "mean_ms": round(statistics.mean(gaps), 1) if gaps else None,
        "p50_ms": round(statistics.median(gaps), 1) if gaps else None,
        "p95_ms": round(sorted(gaps)[int(0.95 * (len(gaps) - 1))], 1) if gaps else None,
        "statuses": {s: statuses.count(s) for s in sorted(set(statuses))},
    }


def main() -> None:
    quiet_environment()
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--store", help="an existing store; default: a fresh one from the bundled and synthetic reports")
    parser.add_argument("--questions", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store_dir = Path(args.store) if args.store else Path(tmp)
        if not args.store:
            with Ingestor(Settings(store_dir=store_dir), progress=False) as ingestor:
                ingestor.ingest(REPORTS)
        result = run(store_dir, questions(store_dir, args.questions))
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
