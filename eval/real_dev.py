"""The development set of published report pages (`../shared/real-reports/`): identification and answers.

    python -m eval.real_dev [--store DIR] [--out DIR] [--only-meta] [-v]
    python -m eval.real_dev --truth eval/reports/published -v    # identification of a folder with truth files

Ingests the 80 page openings into a temporary store (or reuses --store), then prints

1. identification: for each page, whether the stored body is one of the manifest's `accept`
   names (or the manifest body with its region or government suffix), whether the stored year
   is the covered year, and whether the stored region chain agrees with the manifest's region;
2. answers: every question of `qa.jsonl` through one `assistant ask - --json` process, scored
   strictly by `../shared/tools/score.py` (quotes checked against the pages).

The pages are read from their folder, never copied into this repository. Exits 0 without doing
anything when the folder is absent (a fresh machine without `../shared`).
"""

from __future__ import annotations

import re

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from assistant.config import Settings, quiet_environment
from assistant.ingest.reading import to_simplified

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real-reports"
SCORE = ROOT.parent / "shared" / "tools" / "score.py"

_SUFFIXES = ("人民政府", "政府", "办事处", "街道办事处")


def body_matches(stored: str | None, entry: dict) -> bool:
    """A stored body counts when it is one of the names the manifest accepts for the page.

    Traditional-character pages may be stored in either script, so both sides are compared
    in simplified characters too.
    """
    if not stored:
        return False
    names = set(entry.get("accept", [])) | {entry["body"]}
    stems = {n for name in names for n in (name, *(name[: -len(s)] for s in _SUFFIXES if name.endswith(s)))}
    return stored in stems or to_simplified(stored) in {to_simplified(n) for n in stems}


def region_matches(stored_parent: str | None, entry: dict, text: str = "") -> bool | None:
    """Whether the stored parent region is one of the truth's region units (None: truth gives none).

    A body with no parent stored is right only when its truth names no unit below the province
    other than the body itself (a province, a municipality's own office)."""
    region = [unit for unit in entry.get("region") or [] if unit]
    if not region:
        return None
    if not stored_parent:
        # right when the page never writes a region of the body (so nothing could be read)
        written = [u for u in region if u in text and u != entry["body"] and not entry["body"].startswith(u)]
        return None if not written else False
    units = {u for unit in region for u in (unit, to_simplified(unit))}
    # an autonomous prefecture is written short too: 大理州 for 大理白族自治州
    units |= {re.sub(r"^(.{2}).*自治州$", r"\1州", u) for u in units if u.endswith("自治州")}
    return all(part in units for part in _chain(stored_parent)) if _chain(stored_parent) else False


def _chain(parent: str) -> list[str]:
    import re

    return re.findall(r".+?(?:自治区|自治州|特别行政区|省|市|地区|州|盟|自治县|区|县|旗)(?![省县区市旗])", parent)


def identification(reports: list[dict], manifest: list[dict], texts: dict[str, str] | None = None) -> dict:
    texts = texts or {}
    by_source = {r["source"]: r for r in reports}
    rows = []
    for entry in manifest:
        stored = by_source.get(entry["file"], {})
        rows.append({
            "file": entry["file"],
            "body_ok": body_matches(stored.get("body"), entry),
            "year_ok": stored.get("year") == entry["year"],
            "stored_body": stored.get("body"),
            "stored_parent": stored.get("parent"),
            "stored_year": stored.get("year"),
            "region_ok": region_matches(stored.get("parent"), entry, texts.get(entry["file"], "")),
            "want_body": entry["body"],
            "want_year": entry["year"],
            "region": entry.get("region"),
        })
    return {
        "pages": len(rows),
        "body_right": sum(r["body_ok"] for r in rows),
        "body_none": sum(not r["stored_body"] for r in rows),
        "year_right": sum(r["year_ok"] for r in rows),
        "both_right": sum(r["body_ok"] and r["year_ok"] for r in rows),
        "region_right": sum(r["region_ok"] is not False for r in rows),
        "all_right": sum(r["body_ok"] and r["year_ok"] and r["region_ok"] is not False for r in rows),
        "rows": rows,
    }


def truth_manifest(folder: Path) -> list[dict]:
    """Manifest-shaped entries from the `<file>.truth.json` files beside the reports of a folder."""
    entries = []
    for truth in sorted(folder.glob("*.truth.json")):
        entry = json.loads(truth.read_text(encoding="utf-8"))
        entries.append({**entry, "file": truth.name[: -len(".truth.json")]})
    return entries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.real_dev", description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", help="an ingested store of the pages (default: a fresh temporary one)")
    parser.add_argument("--out", help="folder for answers.jsonl and identification.json")
    parser.add_argument("--only-meta", action="store_true", help="identification only, no questions")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every page identified wrongly")
    parser.add_argument("--truth", metavar="DIR", help="identification only, of the reports in DIR against their <file>.truth.json (e.g. eval/reports/published)")
    args = parser.parse_args(argv)
    quiet_environment()
    if args.truth:
        folder = Path(args.truth)
        manifest = truth_manifest(folder)
        args.only_meta = True
    elif (REAL / "manifest.json").exists():
        folder = REAL
        manifest = json.loads((REAL / "manifest.json").read_text(encoding="utf-8"))
    else:
        print(f"skipped: {REAL} is not here")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(args.store) if args.store else Path(tmp) / "store"
        out = Path(args.out) if args.out else Path(tmp) / "out"
        out.mkdir(parents=True, exist_ok=True)
        if not args.store or not (store / "facts.sqlite").exists():
            from assistant.ingest.pipeline import Ingestor

            settings = Settings.from_env(store)
            with Ingestor(settings, progress=False) as ingestor:
                ingestor.ingest([str(folder / e["file"]) for e in manifest])
        from assistant.store.facts_db import FactStore

        with FactStore(store / "facts.sqlite") as facts:
            reports = facts.list_reports()
            meta = identification(reports, manifest, {r["source"]: facts.report_text(r["source"]) or "" for r in reports})
        (out / "identification.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"identification: body {meta['body_right']}/{meta['pages']} (none {meta['body_none']}), "
              f"year {meta['year_right']}/{meta['pages']}, region {meta['region_right']}/{meta['pages']}, "
              f"all three {meta['all_right']}/{meta['pages']}")
        if args.verbose:
            for row in meta["rows"]:
                if not (row["body_ok"] and row["year_ok"] and row["region_ok"] is not False):
                    print(f"  {row['file']}: body {row['stored_body']!r} (want {row['want_body']!r}), "
                          f"parent {row['stored_parent']!r}, year {row['stored_year']} (want {row['want_year']})")
        if args.only_meta:
            return 0
        questions = [json.loads(line)["question"] for line in (REAL / "qa.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
        answers = out / "answers.jsonl"
        with answers.open("w", encoding="utf-8") as sink:
            subprocess.run([sys.executable, "-m", "assistant", "ask", "-", "--json", "--store", str(store)],
                           input="\n".join(questions) + "\n", stdout=sink, text=True, check=True)
        scored = subprocess.run([sys.executable, str(SCORE), str(REAL / "qa.jsonl"), str(answers), "--reports", str(REAL)],
                                capture_output=True, text=True)
        print(scored.stdout.strip())
        if scored.returncode:
            print(scored.stderr, file=sys.stderr)
        return scored.returncode


if __name__ == "__main__":
    sys.exit(main())
