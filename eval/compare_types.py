"""The full system against the dense-retrieval baseline, question type by question type, on every
shipped gold set (issue 14: the full system must lead on every type).

    python -m eval.compare_types            # every set of eval/thresholds.json and heldout4
    python -m eval.compare_types heldout4.jsonl

Runs `assistant eval --compare --json` on a fresh store per set and prints one markdown table row
per set and type: n, full system, dense RAG (LangChain), and the lead. Takes a few minutes a set.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import tempfile
from pathlib import Path

from assistant.cli import main as assistant_main
from eval.answers import GOLD, ROOT, gold_sets

EXTRA = {  # blind sets run once, not gated
    "heldout4.jsonl": "eval/reports/heldout4", "heldout5.jsonl": "eval/reports/heldout5", "heldout6.jsonl": "eval/reports/heldout6",
    "heldout7.jsonl": "eval/reports/heldout7", "heldout8.jsonl": "eval/reports/heldout8",
}


def compare(gold_file: str, reports: str) -> dict:
    with tempfile.TemporaryDirectory() as out:
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            code = assistant_main(["eval", "--reports", str(ROOT / reports), "--qa", str(GOLD / gold_file), "--compare", "--json", "--out", out])
        if code != 0:
            raise SystemExit(f"assistant eval failed on {gold_file} (exit {code})")
        return json.loads(buffer.getvalue())


def rows(gold_file: str, summary: dict) -> list[tuple[str, float | None]]:
    dense = summary["baselines"]["dense RAG (LangChain)"]
    out = []
    groups = [("all", summary["overall"], dense["overall"])]
    groups += [(name, row, dense["by_type"].get(name, {})) for name, row in summary["by_type"].items()]
    for name, full, base in groups:
        lead = None if full["accuracy"] is None or base.get("accuracy") is None else round(full["accuracy"] - base["accuracy"], 3)
        shown = "–" if lead is None else f"{lead:+}"
        out.append((f"| {gold_file.removesuffix('.jsonl')} | {name} | {full['n']} | {full['accuracy']} | {base.get('accuracy')} | {shown} |", lead))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.compare_types", description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", help="gold files (default: every gated set and heldout4)")
    args = parser.parse_args(argv)
    sets = {**gold_sets(), **EXTRA}
    chosen = args.sets or list(sets)
    print("| set | type | n | full system | dense RAG | lead |")
    print("|---|---|---|---|---|---|")
    behind = 0
    for gold_file in chosen:
        for line, lead in rows(gold_file, compare(gold_file, sets[gold_file])):
            behind += lead is not None and lead <= 0
            print(line, flush=True)
    print(f"\n{behind} set/type rows where the full system does not lead", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
