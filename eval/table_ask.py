"""Every cell of the table reports (eval/tables/) asked as a question, in Chinese and English.

    python -m eval.table_ask                       # the web layout, every report
    python -m eval.table_ask --layout pypdf --report t21_yunwan_2021 -v

Ingests one layout into a temporary store (hash embeddings: the tables are answered from the
fact store) and asks each cell the truth gives a figure for, by its row and column as the
template words them. An answer is right when it gives the truth's figure, silent when it gives
none (not found, which year …), and WRONG when it gives another figure: another row's or
column's. The issue's bar is no WRONG answer.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from assistant.answering.phrases import column_en
from assistant.ask import Assistant
from assistant.catalogue import load_catalogue
from assistant.config import Settings
from assistant.ingest.pipeline import Ingestor
from eval.table_check import ROOT, truth_key

_NUMBERING = re.compile(r"^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[.．])")
_NOTE = re.compile(r"（[^）]*）")


@dataclass(frozen=True)
class Asked:
    report: str
    lang: str
    question: str
    expected: float
    status: str
    value: object

    @property
    def verdict(self) -> str:
        if self.status != "answered" or not isinstance(self.value, (int, float)):
            return "silent"
        return "right" if abs(float(self.value) - self.expected) < 1e-9 else "WRONG"


def _clean(label: str) -> str:
    return _NOTE.sub("", _NUMBERING.sub("", label)).strip()


def questions(cell: dict, body: str, english: str, year: int, catalogue) -> list[tuple[str, str]]:
    """(lang, question) for one truth cell, worded from the template's own labels."""
    table, row, column = cell["table"], cell["row"], cell["column"]
    metric_id, applicant = truth_key(cell, catalogue)
    metric_en = catalogue.metrics[metric_id].en if metric_id in catalogue else None
    if table == "requests":
        parts = [_clean(p) for p in row.split("/")]
        parts = ["办理结果总计" if p == "总计" else p for p in parts]  # （七）总计 is the results' total
        what = "中".join(parts) if len(parts) > 1 else parts[0]
        who = {"总计": "", "其他": "，其他组织"}.get(column, f"，{column}")  # 其他 alone is no column people name
        zh = f"{body}{year}年{what}{who}有多少件？"
        en = f"How many {metric_en} did {english} report for {year}" + ("" if column == "总计" else f", from {column_en(column)}") + "?"
    elif table == "section2":
        zh = f"{body}{year}年{_clean(row)}{_clean(column)}是多少？"
        en = f"What was the figure for {metric_en} of {english} in {year}?"
    else:
        zh = f"{body}{year}年{column.replace('/', '')}有多少件？"
        en = f"How many {metric_en} did {english} have in {year}?"
    out = [("zh", zh)]
    if metric_en:
        out.append(("en", en))
    return out


def run(layout: str, reports: list[str] | None = None) -> list[Asked]:
    catalogue = load_catalogue()
    truths = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "truth").glob("*.json"))}
    files = [f for f in sorted((ROOT / layout).glob("*.*")) if f.stem in truths and (not reports or f.stem in reports)]
    asked: list[Asked] = []
    with tempfile.TemporaryDirectory() as store:
        settings = Settings(store_dir=Path(store), embedder="hash")
        with Ingestor(settings, progress=False) as ingestor:
            ingestor.ingest(files)
        with Assistant(settings, dense=False) as assistant:
            by_source = {r["source"]: r for r in assistant.store.list_reports()}
            for path in files:
                report = by_source.get(path.name)
                if report is None or report.get("body") is None:
                    continue
                body, year = report["written_body"] or report["body"], report["year"]
                entry = assistant.directory.entry(report["body"])
                english = next((a for a in (entry.aliases if entry else ()) if a.isascii()), body)
                for cell in truths[path.stem]["cells"]:
                    if cell["value"] is None:
                        continue
                    for lang, question in questions(cell, body, english, year, catalogue):
                        answer = assistant.ask(question)
                        asked.append(Asked(path.stem, lang, question, cell["value"], answer.status, answer.value))
    return asked


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layout", default="web")
    parser.add_argument("--report", action="append")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    asked = run(args.layout, args.report)
    for lang in ("zh", "en"):
        mine = [a for a in asked if a.lang == lang]
        counts = {v: sum(1 for a in mine if a.verdict == v) for v in ("right", "silent", "WRONG")}
        print(f"{args.layout} {lang}: {len(mine)} cells asked: right {counts['right']}, silent {counts['silent']}, WRONG {counts['WRONG']}")
    for a in asked:
        if a.verdict == "WRONG" or (args.verbose and a.verdict == "silent"):
            print(f"  {a.verdict:6s} {a.report}: {a.question} -> {a.status} {a.value!r} (truth {a.expected:g})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
