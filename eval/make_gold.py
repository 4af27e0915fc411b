"""Gold questions for the synthetic reports, derived from their truth files.

    python -m eval.make_gold            # writes eval/gold/synthetic.jsonl

Each report gets the same set of questions in Chinese and English: requests received, requests
disclosed, reconsiderations, lawsuits (direct + after reconsideration: no single cell holds it),
its contact phone, and a year it has no report for.
"""

from __future__ import annotations

import json
from pathlib import Path

from assistant.ingest.metadata import LEVEL_ENGLISH, to_pinyin

ROOT = Path(__file__).resolve().parents[1]
SYNTHETIC = ROOT / "eval" / "reports" / "synthetic"
OUT = ROOT / "eval" / "gold" / "synthetic.jsonl"


def _cell(truth: dict, table_prefix: str, row_path: list[str], column: str) -> float:
    for fact in truth["facts"]:
        if fact["table"].startswith(table_prefix) and fact["row_path"] == row_path and fact["column"] == column:
            return fact["value"]
    raise KeyError((truth["name"], row_path, column))


def _english_name(body: str) -> str:
    for level, english in LEVEL_ENGLISH.items():
        if body.endswith(level):
            return f"{to_pinyin(body[: -len(level)])[0]} {english}"
    return body


def questions(truth: dict, source: str) -> list[dict]:
    body, year, en = truth["body"], truth["year"], _english_name(truth["body"])
    received = _cell(truth, "三", ["一、本年新收政府信息公开申请数量"], "总计")
    disclosed = _cell(truth, "三", ["三、本年度办理结果", "（一）予以公开"], "总计")
    reconsiderations = _cell(truth, "四", ["行政复议"], "总计")
    lawsuits = _cell(truth, "四", ["行政诉讼", "未经复议直接起诉"], "总计") + _cell(truth, "四", ["行政诉讼", "复议后起诉"], "总计")
    rows = [
        ("received-zh", "zh", "lookup", f"{body}{year}年收到多少政府信息公开申请", received),
        ("received-en", "en", "lookup", f"How many information requests did {en} receive in {year}?", received),
        ("disclosed-zh", "zh", "lookup", f"{body}{year}年予以公开的申请有多少件", disclosed),
        ("reconsideration-en", "en", "lookup", f"How many administrative reconsiderations did {en} have in {year}?", reconsiderations),
        ("lawsuits-zh", "zh", "lookup", f"{body}{year}年行政诉讼共多少件", lawsuits),
        ("phone-zh", "zh", "contact", f"{body}的联系电话是多少", truth["contact"]["phone"]),
        ("missing-year-en", "en", "not_found", f"How many information requests did {en} receive in {year + 10}?", "NOT_FOUND"),
    ]
    return [
        {"id": f"{truth['name']}-{key}", "question": q, "answer": a, "type": kind, "lang": lang, "sources": [source]}
        for key, lang, kind, q, a in rows
    ]


def main() -> None:
    items = []
    for truth_file in sorted(SYNTHETIC.glob("*.truth.json")):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        source = next(p.name for p in SYNTHETIC.iterdir() if p.name.startswith(truth["name"] + ".") and not p.name.endswith(".json"))
        for item in questions(truth, source):
            if item["answer"] == "NOT_FOUND":
                item.pop("sources")
            items.append(item)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    print(f"wrote {len(items)} questions to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
