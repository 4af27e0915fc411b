"""Gold questions for the synthetic reports, derived from their truth files.

    python -m eval.make_gold            # writes eval/gold/synthetic.jsonl

Deterministic: the same truth files give the same file. Every report gets its requests received
(the phrasing rotates over Chinese and English ones), its lawsuits (direct + after
reconsideration: no single cell holds the total), a year it has no report for, and four more
questions drawn in turn from a pool of intents (outcomes, applicant columns and breakdowns,
section 二 decisions, contact details, problems and measures, "answered on time?", prose
figures, a metric the new template lacks, a follow-up with its history). Then questions across
reports: comparisons, totals, rankings, 雾松街道's trend over three years, ambiguous questions
(雾松街道 with no year, no body at all), a body that is not stored, and follow-ups that switch the
body or the year. Answers come from the truth files only, never from the system.
"""

from __future__ import annotations

import json
from pathlib import Path

from assistant.ingest.metadata import LEVEL_ENGLISH, to_pinyin

ROOT = Path(__file__).resolve().parents[1]
SYNTHETIC = ROOT / "eval" / "reports" / "synthetic"
OUT = ROOT / "eval" / "gold" / "synthetic.jsonl"

S3 = "三"
RECEIVED = ["一、本年新收政府信息公开申请数量"]
DISCLOSED = ["三、本年度办理结果", "（一）予以公开"]
CARRIED_OVER = ["二、上年结转政府信息公开申请数量"]
CARRIED_FORWARD = ["四、结转下年度继续办理"]
OUTCOMES = (  # (row label, Chinese metric name, English metric name) as the answers name them
    ("（一）予以公开", "予以公开数", "requests granted (disclosed)"),
    ("（二）部分公开", "部分公开数", "requests partially disclosed"),
    ("（三）不予公开", "不予公开数", "requests refused (not disclosed)"),
    ("（四）无法提供", "无法提供数", "requests where information could not be provided"),
    ("（五）不予处理", "不予处理数", "requests not processed"),
)
LEGAL_COLUMNS = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")


# -- reading the truth ------------------------------------------------------------------------


def _cell(truth: dict, table_prefix: str, row_path: list[str], column: str) -> float:
    for fact in truth["facts"]:
        if fact["table"].startswith(table_prefix) and fact["row_path"] == row_path and fact["column"] == column:
            return fact["value"]
    raise KeyError((truth["name"], row_path, column))


def _sum_rows(truth: dict, row_start: list[str], column: str = "总计") -> float:
    """A row's value, or the sum of its sub-rows where it has none of its own (（三）不予公开)."""
    depth = len(row_start)
    matching = [
        f
        for f in truth["facts"]
        if f["table"].startswith(S3)
        and f["column"] == column
        and len(f["row_path"]) >= depth
        and f["row_path"][: depth - 1] == row_start[:-1]
        and f["row_path"][depth - 1].startswith(row_start[-1])
    ]
    own = [f for f in matching if len(f["row_path"]) == depth]
    values = [f["value"] for f in (own or matching)]
    if not values or any(v is None for v in values):
        raise KeyError((truth["name"], row_start, column))
    return sum(values)


def _value(number: float) -> int | float:
    return int(number) if float(number).is_integer() else number


def _text(number: float) -> str:
    return str(_value(number))


def _names(body: str) -> tuple[str, str]:
    """English name with its level ("Xinglan Town") and the bare pinyin ("Xinglan")."""
    for level, english in LEVEL_ENGLISH.items():
        if body.endswith(level):
            short = to_pinyin(body[: -len(level)])[0]
            return f"{short} {english}", short
    return body, body


class Report:
    def __init__(self, truth: dict, source: str):
        self.truth, self.source = truth, source
        self.name, self.body, self.year = truth["name"], truth["body"], truth["year"]
        self.en, self.short = _names(self.body)
        self.received = _value(_cell(truth, S3, RECEIVED, "总计"))
        self.lawsuits = _value(
            _cell(truth, "四", ["行政诉讼", "未经复议直接起诉"], "总计") + _cell(truth, "四", ["行政诉讼", "复议后起诉"], "总计")
        )

    def cell(self, table: str, row: list[str], column: str = "总计") -> int | float:
        return _value(_cell(self.truth, table, row, column))

    def decisions(self, row: str) -> int | float:
        """Section 二's decisions this year (本年处理决定数量, in 2019 处理决定数量)."""
        for fact in self.truth["facts"]:
            if fact["table"].startswith("二") and fact["row_path"] == [row] and fact["column"].endswith("处理决定数量"):
                return _value(fact["value"])
        raise KeyError((self.name, row))


# -- per report -------------------------------------------------------------------------------

RECEIVED_ZH = (
    "{b}{y}年收到多少政府信息公开申请",
    "{b}{y}年共收到几件信息公开申请？",
    "{y}年{b}新收政府信息公开申请数量是多少",
    "{b}{y}年度收到的政府信息公开申请有多少件",
)
RECEIVED_EN = (
    "How many information requests did {en} receive in {y}?",
    "How many requests for government information did {short} get in {y}?",
    "{en}: number of disclosure requests received in {y}?",
    "In {y}, how many information disclosure requests were filed with {short}?",
)


def _item(r: Report, key: str, lang: str, kind: str, question: str, answer, *, history=None, sources=True) -> dict:
    item = {"id": f"{r.name}-{key}", "question": question, "answer": answer, "type": kind, "lang": lang}
    if sources and answer not in ("NOT_FOUND", "AMBIGUOUS"):
        item["sources"] = [r.source]
    if history:
        item["history"] = history
    return item


def _year_phrase(r: Report, several_years: bool, lang: str) -> str:
    """A contact question names the year only where the body has several reports."""
    if not several_years:
        return ""
    return f"{r.year}年" if lang == "zh" else f" in its {r.year} report"


def _pool(r: Report, several_years: bool):
    """The rotating intents: key -> function(lang) -> (kind, question, answer[, history])."""
    b, y, en, short = r.body, r.year, r.en, r.short
    natural = r.cell(S3, RECEIVED, "自然人")
    columns = [f["column"] for f in r.truth["facts"] if f["table"].startswith(S3) and f["row_path"] == RECEIVED]
    if "法人或其他组织" in columns:  # a three-column table
        legal = r.cell(S3, RECEIVED, "法人或其他组织")
    else:
        legal = _value(sum(_cell(r.truth, S3, RECEIVED, c) for c in LEGAL_COLUMNS))
    second = columns[1]  # the column after 自然人: 商业企业, or 法人或其他组织
    outcomes = [(zh, eng, _value(_sum_rows(r.truth, ["三、本年度办理结果", row]))) for row, zh, eng in OUTCOMES]
    prose = r.truth["prose"]
    contact = r.truth["contact"]

    def disclosed(lang):
        value = r.cell(S3, DISCLOSED)
        if lang == "zh":
            return "lookup", f"{b}{y}年予以公开的申请有多少件", value
        return "lookup", f"How many requests did {short} grant in full in {y}?", value

    def refused(lang):
        value = _value(_sum_rows(r.truth, ["三、本年度办理结果", "（三）不予公开"]))
        if lang == "zh":
            return "lookup", f"{b}{y}年不予公开的申请多少件", value
        return "lookup", f"How many requests did {short} refuse in {y}?", value

    def reconsiderations(lang):
        value = r.cell("四", ["行政复议"])
        if lang == "zh":
            return "lookup", f"{y}年{b}有多少起政府信息公开行政复议", value
        return "lookup", f"How many administrative reconsiderations did {en} have in {y}?", value

    def natural_persons(lang):
        if lang == "zh":
            return "lookup", f"{b}{y}年收到的申请中自然人提出的有多少", natural
        return "lookup", f"How many of {short}'s {y} requests came from individuals?", natural

    def legal_persons(lang):
        if lang == "zh":
            return "lookup", f"{b}{y}年法人或其他组织提出的申请多少件", legal
        return "lookup", f"How many requests did legal persons and other organisations file with {en} in {y}?", legal

    def by_applicant(lang):
        parts = [f"自然人 {_text(natural)}", f"{second} {_text(r.cell(S3, RECEIVED, second))}"]
        if lang == "zh":
            return "breakdown", f"{b}{y}年收到的申请按申请人类型分别是多少", parts
        return "breakdown", f"Break down {short}'s {y} requests by type of applicant.", parts

    def by_outcome(lang):
        if lang == "zh":
            return "breakdown", f"{b}{y}年申请的办理结果分别是多少", [f"{zh} {_text(v)}" for zh, _, v in outcomes[:3]]
        return "breakdown", f"How were {short}'s requests handled in {y}?", [f"{eng} {_text(v)}" for _, eng, v in outcomes[:3]]

    def licences(lang):
        value = r.decisions("行政许可")
        if lang == "zh":
            return "lookup", f"{b}{y}年作出了多少件行政许可决定", value
        return "lookup", f"How many administrative licensing decisions did {en} make in {y}?", value

    def penalties(lang):
        value = r.decisions("行政处罚")
        if lang == "zh":
            return "lookup", f"{b}{y}年行政处罚决定有多少件", value
        return "lookup", f"How many administrative penalties did {short} impose in {y}?", value

    def phone(lang):
        when = _year_phrase(r, several_years, lang)
        if lang == "zh":
            return "contact", f"{b}{when}的政府信息公开咨询电话是多少", contact["phone"]
        return "contact", f"What phone number does {en} give for disclosure enquiries{when}?", contact["phone"]

    def email(lang):
        when = _year_phrase(r, several_years, lang)
        if lang == "zh":
            return "contact", f"{b}{when}的电子邮箱是什么", contact["email"]
        return "contact", f"What is {short}'s e-mail address{when}?", contact["email"]

    def problems(lang):
        if lang == "zh":
            return "narrative", f"{b}{y}年政务公开工作存在哪些问题", ["及时性"]
        return "narrative", f"What problems did {short} report in its {y} disclosure work?", ["及时性"]

    def measures(lang):
        if lang == "zh":
            return "narrative", f"{b}{y}年报告提出了哪些改进措施", ["加强业务培训"]
        return "narrative", f"What improvement measures does {en} plan after {y}?", ["加强业务培训"]

    def on_time(lang):
        if lang == "zh":
            return "yesno", f"{b}{y}年的申请是否都按时答复了", "yes"
        return "yesno", f"Were all of {short}'s {y} requests answered on time?", "yes"

    def trainees(lang):
        if lang == "zh":
            return "lookup", f"{b}{y}年参加政务公开培训的有多少人次", prose["trainees"]
        return "lookup", f"How many people took part in disclosure training in {short} in {y}?", prose["trainees"]

    def carried(lang):
        if lang == "zh":
            return "lookup", f"{b}{y}年上年结转的申请多少件", r.cell(S3, CARRIED_OVER)
        return "lookup", f"How many of {short}'s requests were carried forward to the next year at the end of {y}?", r.cell(S3, CARRIED_FORWARD)

    def complaints(lang):  # the national template has no complaints row
        if lang == "zh":
            return "not_found", f"{b}{y}年收到多少件举报投诉", "NOT_FOUND"
        return "not_found", f"How many complaints did {short} receive in {y}?", "NOT_FOUND"

    def follow_up(lang):
        if lang == "zh":
            return "follow_up", "予以公开的呢？", r.cell(S3, DISCLOSED), [RECEIVED_ZH[0].format(b=b, y=y)]
        value = _value(_sum_rows(r.truth, ["三、本年度办理结果", "（三）不予公开"]))
        return "follow_up", "And how many were refused?", value, [RECEIVED_EN[0].format(en=en, short=short, y=y)]

    def pending_lawsuits(lang):
        value = _value(
            _cell(r.truth, "四", ["行政诉讼", "未经复议直接起诉"], "尚未审结") + _cell(r.truth, "四", ["行政诉讼", "复议后起诉"], "尚未审结")
        )
        if lang == "zh":
            return "lookup", f"{b}{y}年行政诉讼中尚未审结的有几件", value
        return "lookup", f"How many of {short}'s {y} lawsuits were still pending?", value

    return [
        ("disclosed", disclosed), ("refused", refused), ("reconsiderations", reconsiderations),
        ("natural-persons", natural_persons), ("by-applicant", by_applicant), ("phone", phone),
        ("problems", problems), ("on-time", on_time), ("licences", licences), ("follow-up", follow_up),
        ("by-outcome", by_outcome), ("email", email), ("trainees", trainees), ("complaints", complaints),
        ("legal-persons", legal_persons), ("measures", measures), ("carried", carried), ("penalties", penalties),
        ("pending-lawsuits", pending_lawsuits),
    ]


def questions(r: Report, index: int, several_years: bool) -> list[dict]:
    b, y = r.body, r.year
    zh_first = index % 2 == 0
    rows = []
    received_lang = "zh" if zh_first else "en"
    phrasings = RECEIVED_ZH if received_lang == "zh" else RECEIVED_EN
    question = phrasings[index % len(phrasings)].format(b=b, y=y, en=r.en, short=r.short)
    rows.append(_item(r, f"received-{received_lang}", received_lang, "lookup", question, r.received))
    if zh_first:
        rows.append(_item(r, "lawsuits-en", "en", "lookup", f"How many administrative lawsuits were brought against {r.en} in {y}?", r.lawsuits))
    else:
        rows.append(_item(r, "lawsuits-zh", "zh", "lookup", f"{b}{y}年行政诉讼共多少件", r.lawsuits))
    missing = y + 10
    if index % 2 == 0:
        rows.append(_item(r, "missing-year-zh", "zh", "not_found", f"{b}{missing}年收到多少政府信息公开申请", "NOT_FOUND"))
    else:
        rows.append(_item(r, "missing-year-en", "en", "not_found", f"How many information requests did {r.en} receive in {missing}?", "NOT_FOUND"))
    pool = _pool(r, several_years)
    for j in range(4):
        key, make = pool[(index * 4 + j) % len(pool)]
        lang = "zh" if (index + j) % 2 == 0 else "en"
        made = make(lang)
        kind, question, answer = made[:3]
        history = made[3] if len(made) > 3 else None
        rows.append(_item(r, f"{key}-{lang}", lang, kind, question, answer, history=history))
    return rows


# -- across reports ---------------------------------------------------------------------------


def across(reports: list[Report]) -> list[dict]:
    by = {(r.body, r.year): r for r in reports}
    xinglan, xiyue = by[("星岚镇", 2021)], by[("汐月街道", 2021)]
    wusong = sorted((r for r in reports if r.body == "雾松街道"), key=lambda r: r.year)
    w19, w20, w21 = wusong
    out: list[dict] = []

    def add(key, lang, kind, question, answer, sources=(), history=None):
        item = {"id": f"across-{key}", "question": question, "answer": answer, "type": kind, "lang": lang}
        if sources:
            item["sources"] = [r.source for r in sources]
        if history:
            item["history"] = history
        out.append(item)

    # comparison of two bodies (the larger by name), and by how much
    larger = max((xinglan, xiyue), key=lambda r: r.received)
    diff = _text(abs(xinglan.received - xiyue.received))
    add("compare-zh", "zh", "compare", "星岚镇和汐月街道2021年哪个收到的申请多", larger.body, (xinglan, xiyue))
    add("compare-en", "en", "compare", "Which received more information requests in 2021, Xinglan or Xiyue?", larger.body, (xinglan, xiyue))
    add("compare-diff-zh", "zh", "compare", "2021年星岚镇比汐月街道多收到多少申请", [f"{larger.body}多{diff}件"], (xinglan, xiyue))
    lx, ly = xinglan.lawsuits, xiyue.lawsuits
    add("compare-lawsuits-en", "en", "compare", "Did Xinglan or Xiyue face more administrative lawsuits in 2021?",
        (xinglan if lx > ly else xiyue).body if lx != ly else ["they are equal"], (xinglan, xiyue))
    # comparison of two years of one body
    later_diff = _text(abs(w21.received - w19.received))
    winner = "2021" if w21.received > w19.received else "2019"
    add("compare-years-zh", "zh", "compare", "雾松街道2021年比2019年多收到多少申请", [f"{winner}年多{later_diff}件"], (w19, w21))
    add("compare-years-en", "en", "compare", "How did Wusong's requests in 2021 compare with 2019?", [f"{winner} is higher by {later_diff}"], (w19, w21))
    # totals
    add("total-zh", "zh", "total", "星岚镇和汐月街道2021年一共收到多少申请", _value(xinglan.received + xiyue.received), (xinglan, xiyue))
    add("total-en", "en", "total", "What is the combined number of requests Wusong Subdistrict received in 2019 and 2020?",
        _value(w19.received + w20.received), (w19, w20))
    # ranking: every body with a 2021 report
    in_2021 = [r for r in reports if r.year == 2021]
    top = max(in_2021, key=lambda r: r.received)
    add("rank-zh", "zh", "rank", "2021年哪个单位收到的政府信息公开申请最多", top.body, in_2021)
    add("rank-en", "en", "rank", "Which body received the most information requests in 2021?", top.body, in_2021)
    # trend over three years and both templates
    trend_zh = [f"{r.year}: {_text(r.received)}件" for r in wusong]
    trend_en = [f"{r.year}: {_text(r.received)}" for r in wusong]
    add("trend-zh", "zh", "trend", "雾松街道历年收到的政府信息公开申请数量有什么变化", trend_zh, wusong)
    add("trend-en", "en", "trend", "How has the number of information requests to Wusong changed over the years?", trend_en, wusong)
    add("trend-lawsuits-zh", "zh", "trend", "雾松街道2019至2021年行政诉讼数量的变化趋势",
        [f"{r.year}: {_text(r.lawsuits)}件" for r in wusong], wusong)
    # ambiguous: a body with three years and no year; no body at all
    add("ambiguous-year-zh", "zh", "ambiguous", "雾松街道收到多少政府信息公开申请", "AMBIGUOUS")
    add("ambiguous-year-en", "en", "ambiguous", "How many requests did Wusong Subdistrict receive?", "AMBIGUOUS")
    add("ambiguous-body-zh", "zh", "ambiguous", "行政复议有多少件", "AMBIGUOUS")
    add("ambiguous-body-en", "en", "ambiguous", "How many requests were partially disclosed?", "AMBIGUOUS")
    # a body that is not stored
    add("unknown-body-zh", "zh", "not_found", "青云镇2021年收到多少政府信息公开申请", "NOT_FOUND")
    add("unknown-body-en", "en", "not_found", "How many requests did Qingyun Town receive in 2021?", "NOT_FOUND")
    # contact without a year: the latest report's
    add("phone-latest-zh", "zh", "contact", "雾松街道的联系电话是多少", w21.truth["contact"]["phone"], (w21,))
    # follow-ups that switch the body or the year
    add("follow-body-zh", "zh", "follow_up", "那汐月街道呢？", xiyue.cell(S3, DISCLOSED), (xiyue,),
        history=["星岚镇2021年收到多少政府信息公开申请", "予以公开的呢？"])
    add("follow-year-zh", "zh", "follow_up", "2020年呢？", w20.received, (w20,), history=["雾松街道2019年收到多少政府信息公开申请"])
    add("follow-year-en", "en", "follow_up", "What about 2021?", w21.received, (w21,),
        history=["How many information requests did Wusong Subdistrict receive in 2019?"])
    add("follow-body-en", "en", "follow_up", "And Xiyue?", xiyue.lawsuits, (xiyue,),
        history=["How many administrative lawsuits did Xinglan face in 2021?"])
    return out


def main() -> None:
    reports = []
    for truth_file in sorted(SYNTHETIC.glob("*.truth.json")):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        source = next(p.name for p in SYNTHETIC.iterdir() if p.name.startswith(truth["name"] + ".") and not p.name.endswith(".json"))
        reports.append(Report(truth, source))
    years_of: dict[str, int] = {}
    for r in reports:
        years_of[r.body] = years_of.get(r.body, 0) + 1
    items = [item for i, r in enumerate(reports) for item in questions(r, i, years_of[r.body] > 1)]
    items += across(reports)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    english = sum(i["lang"] == "en" for i in items)
    print(f"wrote {len(items)} questions ({english} in English) to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
