"""How fast a question's body is resolved when many bodies are stored.

Generates ``--bodies`` bodies (invented two-character names at every level, under invented
counties, with the aliases ingest gives them: short forms, region-led forms, 人民政府/政府, pinyin
and English) and ``--questions`` questions naming them the ways people do (full, short, region +
short, English), then times ``parse_question`` on each (which finds every stored name in the
question and scores them) and prints p50 / p95 / max in milliseconds, and how many questions
resolved to the body they name. Deterministic (seeded).

    .venv/bin/python -m eval.bench_names            # 10,000 bodies, 1,000 questions
    .venv/bin/python -m eval.bench_names --bodies 2000 --questions 200
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time

from assistant.catalogue import load_catalogue
from assistant.ingest.names import LEVEL_ENGLISH, aliases, short_name, to_pinyin
from assistant.understanding import BodyDirectory, parse_question

# characters that make plausible place names and read as pinyin without surprises
_CHARS = "安宝北昌成川大丰凤福高广和河红华黄江金锦京康兰乐利连林龙鹿马梅民南宁平青清庆仁荣瑞山上石顺泰桃天田万文西溪霞祥新兴秀阳宜永玉云枣长正中"
_LEVELS = ("镇", "乡", "街道")


def _bodies(n: int, rng: random.Random) -> list[dict]:
    seen: set[tuple[str, str]] = set()
    reports = []
    while len(reports) < n:
        name = rng.choice(_CHARS) + rng.choice(_CHARS)
        county = rng.choice(_CHARS) + rng.choice(_CHARS) + rng.choice(("县", "区"))
        level = rng.choice(_LEVELS)
        body = name + level
        if (body, county) in seen or name + level == county:
            continue
        seen.add((body, county))
        short = short_name(body, level)
        reports.append({
            "body": county + body, "short_name": short, "parent": county, "level": level,
            "year": rng.choice((2019, 2020, 2021, 2022)),
            "aliases": list(aliases(body, short, county, level, county + body)),
            "english": f"{to_pinyin(short)[0]} {LEVEL_ENGLISH[level]}",
        })
    return reports


def _questions(reports: list[dict], n: int, rng: random.Random) -> list[tuple[str, str]]:
    forms = (
        lambda r: f"{r['body']}{r['year']}年收到多少件政府信息公开申请？",
        lambda r: f"{r['parent']}{r['short_name']}{r['year']}年主动公开了多少条信息？",
        lambda r: f"{r['body'].removeprefix(r['parent'])}人民政府{r['year']}年的联系电话是多少？",
        lambda r: f"How many requests did {r['english']} receive in {r['year']}?",
    )
    return [(forms[i % len(forms)](r), r["body"]) for i, r in enumerate(rng.choices(reports, k=n))]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bodies", type=int, default=10_000)
    parser.add_argument("--questions", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    reports = _bodies(args.bodies, rng)
    started = time.perf_counter()
    directory = BodyDirectory.from_reports(reports)
    built = time.perf_counter() - started
    catalogue = load_catalogue()
    questions = _questions(reports, args.questions, rng)
    parse_question(questions[0][0], catalogue=catalogue, directory=directory)  # warm caches
    times, right = [], 0
    for text, body in questions:
        t0 = time.perf_counter()
        q = parse_question(text, catalogue=catalogue, directory=directory)
        times.append((time.perf_counter() - t0) * 1000)
        right += q.bodies == (body,) or body in q.readings
    times.sort()
    print(json.dumps({
        "bodies": len(reports),
        "names": sum(1 + len(r["aliases"]) for r in reports),
        "questions": len(questions),
        "directory_built_s": round(built, 2),
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2),
        "max_ms": round(times[-1], 2),
        "named_body_found": right,
    }, indent=2))


if __name__ == "__main__":
    main()
