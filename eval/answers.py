"""Every answer of every shipped gold set, kept in `eval/answers/`, so a change shows which answers it moves.

    python -m eval.answers            # re-run every gold set, write eval/answers/<set>.jsonl
    python -m eval.answers --check    # re-run, compare with the committed files, list what moved
    python -m eval.answers --check seeds.jsonl blind6.jsonl   # only these sets

Each set is ingested into a fresh temporary store with the default embedder (`assistant eval
--reports … --out …`), exactly as the accuracy tests do; `answers.jsonl` holds one line per gold
item (id, history, question, status, value, unit, answer, citations, conflicts, candidates, and parts for a question asking several figures), no
timings, so the same code gives the same bytes. A refactoring must leave every file unchanged; a
fix commits the files it moves, and the diff is the record of which answers it changed.
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

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "eval" / "gold"
ANSWERS = ROOT / "eval" / "answers"
THRESHOLDS = ROOT / "eval" / "thresholds.json"


def gold_sets() -> dict[str, str]:
    """Gold file name -> its reports folder (relative to the repository), as the tests gate them."""
    config = json.loads(THRESHOLDS.read_text(encoding="utf-8"))
    return {name: entry["reports"] for name, entry in config.items() if not name.startswith("_")}


def run_set(gold_file: str, reports: str) -> str:
    """The answers.jsonl text of one gold set on a fresh store."""
    with tempfile.TemporaryDirectory() as out:
        with contextlib.redirect_stdout(io.StringIO()):
            code = assistant_main(["eval", "--reports", str(ROOT / reports), "--qa", str(GOLD / gold_file), "--json", "--out", out])
        if code != 0:
            raise SystemExit(f"assistant eval failed on {gold_file} (exit {code})")
        return (Path(out) / "answers.jsonl").read_text(encoding="utf-8")


def moved(before: str, after: str) -> list[str]:
    """Ids whose answer line differs (or that exist on one side only)."""
    old = {json.loads(line)["id"]: line for line in before.splitlines()}
    new = {json.loads(line)["id"]: line for line in after.splitlines()}
    return [key for key in dict.fromkeys([*old, *new]) if old.get(key) != new.get(key)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.answers", description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", help="gold files (default: every set in eval/thresholds.json)")
    parser.add_argument("--check", action="store_true", help="compare with eval/answers/ instead of writing; exit 1 when any answer moved")
    args = parser.parse_args(argv)
    sets = gold_sets()
    unknown = [name for name in args.sets if name not in sets]
    if unknown:
        parser.error(f"not a gated gold set: {', '.join(unknown)} (known: {', '.join(sets)})")
    changed = 0
    ANSWERS.mkdir(parents=True, exist_ok=True)
    for name in args.sets or list(sets):
        text = run_set(name, sets[name])
        target = ANSWERS / name
        if args.check:
            before = target.read_text(encoding="utf-8") if target.exists() else ""
            ids = moved(before, text)
            changed += len(ids)
            print(f"{name}: {'unchanged' if not ids else f'{len(ids)} moved: ' + ', '.join(ids)}")
        else:
            target.write_text(text, encoding="utf-8")
            print(f"{name}: {len(text.splitlines())} answers written to {target.relative_to(ROOT)}")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
