"""Every cell of the table reports (eval/tables/, see its README) against its truth, in every layout.

    python -m eval.table_check                 # cells right per layout, and the first misses
    python -m eval.table_check -v              # every miss
    python -m eval.table_check --layout pypdf  # one layout

A cell is right when ingest stores a table fact of the same metric (and applicant column) with
the truth's value; a blank cell (null) is right when no figure is stored for it or the stored one
is blank. A cell is wrong (the count after each layout) when a figure is stored for it that is
not the truth's: worse than a miss. Reads only the files: no store, no model.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from assistant.catalogue import Catalogue, load_catalogue
from assistant.ingest.loaders import load_document
from assistant.ingest.pipeline import parse_document

ROOT = Path(__file__).resolve().parent / "tables"
LAYOUTS = ("docx", "pdf", "pypdf", "plumber", "web", "webtext/pipes_repeat", "webtext/pipes_empty", "webtext/cells")
APPLICANT_COLUMNS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
_REVIEW_BASE = {"行政复议": "reconsideration", "未经复议直接起诉": "lawsuits_direct", "复议后起诉": "lawsuits_after_reconsideration"}
_REVIEW_RESULT = {"结果维持": "upheld", "结果纠正": "corrected", "其他结果": "other", "尚未审结": "pending"}
_REVIEW_TOTAL = {"reconsideration": "reconsiderations", "lawsuits_direct": "lawsuits_direct", "lawsuits_after_reconsideration": "lawsuits_after_reconsideration"}


@dataclass(frozen=True)
class Miss:
    layout: str
    report: str
    table: str
    row: str
    column: str
    expected: float | None
    stored: tuple[float | None, ...]

    def __str__(self) -> str:
        got = ", ".join("blank" if v is None else f"{v:g}" for v in self.stored) or "nothing"
        want = "blank" if self.expected is None else f"{self.expected:g}"
        return f"{self.layout}/{self.report}: {self.table} {self.row or '-'} [{self.column}] = {want}, stored {got}"


def truth_key(cell: dict, catalogue: Catalogue) -> tuple[str | None, str | None]:
    """(metric, applicant column) of a truth cell, as ingest keys the stored fact."""
    table, row, column = cell["table"], cell["row"], cell["column"]
    if table == "review":
        parts = column.split("/")
        base = _REVIEW_BASE[parts[-2]]
        return (_REVIEW_TOTAL[base] if parts[-1] == "总计" else f"{base}_{_REVIEW_RESULT[parts[-1]]}"), None
    if table == "section2":
        return catalogue.match_row([row], column), None
    path = row.split("/")
    if path[0].startswith("（"):
        path = ["三、本年度办理结果", *path]
    return catalogue.match_row(path, column), column


def check_report(path: Path, truth: dict, layout: str, catalogue: Catalogue) -> tuple[int, list[Miss]]:
    parsed = parse_document(load_document(path), catalogue)
    stored: dict[tuple[str | None, str | None], list[float | None]] = {}
    for fact in parsed.facts:
        if fact.kind != "table" or fact.metric is None:
            continue
        review = fact.metric.startswith(("reconsideration", "lawsuits"))  # 表四's 总计 is no applicant
        column = fact.column if fact.column in APPLICANT_COLUMNS and not review else None
        stored.setdefault((fact.metric, column), []).append(fact.value)
    right, misses = 0, []
    for cell in truth["cells"]:
        key = truth_key(cell, catalogue)
        values = stored.get(key, [])
        expected = cell["value"]
        if expected is None:
            ok = all(v is None for v in values)
        else:
            ok = bool(values) and all(v is not None and abs(v - expected) < 1e-9 for v in values)
        if ok:
            right += 1
        else:
            misses.append(Miss(layout, truth["name"], cell["table"], cell["row"], cell["column"], expected, tuple(values)))
    return right, misses


def check_layout(layout: str, catalogue: Catalogue | None = None) -> tuple[int, int, list[Miss]]:
    """(cells right, cells in all, misses) over every report of one layout."""
    catalogue = catalogue or load_catalogue()
    right = total = 0
    misses: list[Miss] = []
    for truth_path in sorted((ROOT / "truth").glob("*.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        files = list((ROOT / layout).glob(truth["name"] + ".*"))
        if not files:
            continue
        ok, missed = check_report(files[0], truth, layout, catalogue)
        right += ok
        total += len(truth["cells"])
        misses += missed
    return right, total, misses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layout", choices=LAYOUTS, action="append")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    catalogue = load_catalogue()
    all_right = all_total = 0
    for layout in args.layout or LAYOUTS:
        right, total, misses = check_layout(layout, catalogue)
        all_right += right
        all_total += total
        by_report: dict[str, int] = {}
        for miss in misses:
            by_report[miss.report] = by_report.get(miss.report, 0) + 1
        worst = ", ".join(f"{name} {count}" for name, count in sorted(by_report.items(), key=lambda kv: -kv[1]))
        wrong = sum(1 for miss in misses if any(v is not None for v in miss.stored))
        print(f"{layout:22s} {right:5d}/{total} cells right ({right / total:.1%}), {wrong} wrong" + (f"  misses: {worst}" if worst else ""))
        for miss in misses if args.verbose else misses[:3]:
            print("   ", miss)
    print(f"{'all':22s} {all_right:5d}/{all_total} ({all_right / all_total:.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
