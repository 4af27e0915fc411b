"""Understanding a question: which body, which years, which metric, what kind of answer.

Pure: the body directory is built from the stored reports (so names come from what was
ingested, never from a fixed list) and the metrics from the catalogue. Follow-ups
("那2017年呢？", "and by letter?", "巨各庄呢？") inherit what they leave out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from assistant.catalogue import Catalogue

_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_PLACE_RE = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:街道|镇|乡|区|县|市)")
# 哪个镇 / 各镇 / 本区 name no place.
_NOT_A_PLACE_START = tuple("哪各每本全我该这那其所")
# Applicant columns of the national table, most specific first; 法人或其他组织 is the sum of five.
COLUMN_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("自然人", ("自然人", "natural person", "individual", "private citizen")),
    ("商业企业", ("商业企业", "企业", "business", "compan", "enterprise")),
    ("科研机构", ("科研机构", "research")),
    ("社会公益组织", ("社会公益组织", "公益组织", "non-profit", "nonprofit", "charit")),
    ("法律服务机构", ("法律服务机构", "律师", "law firm", "legal service")),
    ("法人或其他组织", ("法人或其他组织", "法人", "legal person", "organisation", "organization")),
)
_YEAR_RE = re.compile(r"(?<![\d\-－])((?:19|20)\d{2})(?![\d\-－])\s*(?:年度?|年)?")
_RANGE_RE = re.compile(r"((?:19|20)\d{2})\s*(?:年)?\s*(?:-|－|–|—|~|～|至|到|to|through)\s*((?:19|20)\d{2})")

# Cue words, most specific first; each list is matched case-insensitively.
INTENT_CUES: dict[str, tuple[str, ...]] = {
    "contact": ("电话", "联系方式", "邮箱", "电子邮件", "地址", "phone", "telephone", "e-mail", "email", "address", "contact"),
    "trend": ("趋势", "变化", "历年", "每年", "over the years", "trend", "each year", "every year", "year by year"),
    "rank": ("排名", "排序", "最多", "最少", "rank", "ranking", "the most", "the least", "highest", "lowest"),
    "total": ("合计", "总共", "一共", "加起来", "in total", "altogether", "combined", "sum of"),
    "compare": ("比较", "相比", "对比", "哪个", "哪一个", "多多少", "少多少", "compare", "which", "compared", "more than", "fewer than", "difference", "which had more", "how many more"),
    "breakdown": ("渠道", "分别", "构成", "申请人类型", "办理结果", "by channel", "channels", "breakdown", "broken down", "by applicant", "applicant type", "outcomes", "how were they handled", "how were they submitted"),
    "yesno": ("是否", "有没有", "是不是", "吗", "were all", "was every", "did all", "did they all", "is it true", "were any", "did any"),
    "narrative": ("哪些问题", "什么问题", "问题", "不足", "措施", "改进", "如何", "怎么", "怎样", "谁负责", "负责人", "领导小组", "组长", "制度",
                  "problem", "problems", "shortcoming", "measures", "improve", "how does", "how did", "who leads", "who heads", "leading group", "organise", "organize"),
}
BREAKDOWN_CUES: dict[str, tuple[str, ...]] = {
    "channel": ("渠道", "方式", "channel", "submitted", "how were"),
    "applicant": ("申请人类型", "自然人", "法人", "applicant"),
    "outcome": ("办理结果", "结果", "outcome", "handled"),
}
CONTACT_CUES: dict[str, tuple[str, ...]] = {
    "phone": ("电话", "phone", "telephone"),
    "email": ("邮箱", "电子邮件", "e-mail", "email"),
    "address": ("地址", "address"),
}
NAME_CUES = ("谁申请", "申请人是谁", "申请人姓名", "哪些人申请", "who applied", "names of the applicants", "applicants' names", "who made the requests")
ALL_YEARS_CUES = ("两年", "历年", "各年", "每年", "both years", "all years", "each year", "every year")
# English phrasings the catalogue's synonyms do not cover, mapped onto metric ids.
EN_METRIC_CUES: tuple[tuple[str, str], ...] = (
    ("in person", "requests_in_person"),
    ("face to face", "requests_in_person"),
    ("by letter", "requests_letter"),
    ("by mail", "requests_letter"),
    ("by post", "requests_letter"),
    ("by fax", "requests_fax"),
    ("online", "requests_online"),
    ("via the internet", "requests_online"),
    ("on time", "requests_on_time"),
    ("late", "requests_late"),
    ("overdue", "requests_late"),
    ("people trained", "trainees"),
    ("trainees", "trainees"),
    ("training sessions", "training_sessions"),
    ("training courses", "training_sessions"),
    ("wechat", "proactive_wechat"),
    ("sued", "lawsuits"),
    ("proactive", "proactive_total"),
    ("proactively", "proactive_total"),
    ("公开了多少条", "proactive_total"),
    ("公开多少条", "proactive_total"),
    ("发布了多少条", "proactive_total"),
    ("发布多少条", "proactive_total"),
)
_FOLLOW_UP_RE = re.compile(r"(呢|那|还有|what about|how about|^and\b|^and |same for)")
# "培训了多少人" counts people, not sessions: a person cue turns a training metric into trainees.
PERSON_CUES = ("多少人", "几人", "人数", "人次", "how many people", "people", "persons", "trainees")
# English topic words and the Chinese words the reports use for them, so that keyword search and
# sentence quoting work for English questions over Chinese text.
EN_TOPIC_TERMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("problem", ("问题", "不足")),
    ("shortcoming", ("不足", "问题")),
    ("weakness", ("不足", "问题")),
    ("improve", ("改进", "措施", "加强")),
    ("measure", ("措施", "改进")),
    ("plan", ("计划", "改进", "措施")),
    ("train", ("培训",)),
    ("lead", ("领导小组", "组长")),
    ("head", ("领导小组", "组长")),
    ("charge", ("组长", "负责")),
    ("channel", ("渠道", "专栏", "网站", "公众号")),
    ("publish", ("公开", "发布")),
    ("rule", ("制度",)),
    ("system", ("制度",)),
    ("regulation", ("制度", "办法")),
    ("fee", ("收费", "费用")),
    ("phone", ("电话",)),
    ("e-mail", ("邮箱",)),
    ("email", ("邮箱",)),
    ("address", ("地址",)),
    ("website", ("网站",)),
    ("wechat", ("微信",)),
    ("lawsuit", ("行政诉讼",)),
    ("reconsideration", ("行政复议",)),
)
# A question that names only a generic metric keeps the specific one when both are found.
GENERIC_METRICS = ("requests_received",)


@dataclass(frozen=True)
class BodyEntry:
    body: str
    short_name: str | None
    parent: str | None
    level: str | None
    aliases: tuple[str, ...]
    years: tuple[int, ...]


class BodyDirectory:
    """Every stored body with the names a user may type for it."""

    def __init__(self, bodies: Iterable[BodyEntry]):
        self.bodies = tuple(bodies)
        names: list[tuple[str, str]] = []
        for entry in self.bodies:
            for name in {entry.body, entry.short_name or "", *entry.aliases}:
                if len(name) >= 2:
                    names.append((name, entry.body))
        names.sort(key=lambda pair: -len(pair[0]))
        self._names = names

    @classmethod
    def from_reports(cls, reports: Iterable[Mapping]) -> "BodyDirectory":
        merged: dict[str, dict] = {}
        for report in reports:
            body = report.get("body")
            if not body:
                continue
            entry = merged.setdefault(
                body,
                {"short_name": report.get("short_name"), "parent": report.get("parent"), "level": report.get("level"), "aliases": [], "years": set()},
            )
            entry["aliases"] += list(report.get("aliases") or ())
            if report.get("year") is not None:
                entry["years"].add(int(report["year"]))
        return cls(
            BodyEntry(body, e["short_name"], e["parent"], e["level"], tuple(dict.fromkeys(e["aliases"])), tuple(sorted(e["years"])))
            for body, e in merged.items()
        )

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """Mentions of stored bodies, longest name first, never overlapping."""
        lowered = text.lower()
        taken = [False] * len(text)
        found: list[tuple[str, int, int]] = []
        for name, body in self._names:
            needle = name.lower()
            ascii_name = needle.isascii()
            for match in re.finditer(re.escape(needle), lowered):
                start, end = match.span()
                if ascii_name and not _word_boundary(lowered, start, end):
                    continue
                if any(taken[start:end]):
                    continue
                taken[start:end] = [True] * (end - start)
                found.append((body, start, end))
        found.sort(key=lambda item: item[1])
        return found

    def years_of(self, body: str) -> tuple[int, ...]:
        for entry in self.bodies:
            if entry.body == body:
                return entry.years
        return ()

    def entry(self, body: str) -> BodyEntry | None:
        return next((e for e in self.bodies if e.body == body), None)


def _word_boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not (after.isalnum() and after.isascii())


@dataclass(frozen=True)
class Question:
    text: str
    lang: str  # "zh" or "en"
    bodies: tuple[str, ...]
    years: tuple[int, ...]
    all_years: bool
    metrics: tuple[str, ...]
    intent: str  # lookup, breakdown, compare, total, rank, trend, yesno, contact, narrative
    breakdown: str | None = None
    contact: str | None = None
    wants_names: bool = False
    inherited: tuple[str, ...] = ()
    topic_terms: tuple[str, ...] = ()  # Chinese words for the topic of an English question
    column: str | None = None  # an applicant column of the national table (自然人 …)
    unknown_place: str | None = None  # a Chinese place name no stored report belongs to


def parse_question(text: str, *, catalogue: Catalogue, directory: BodyDirectory, previous: Question | None = None) -> Question:
    lang = "zh" if _CJK_RE.search(text) else "en"
    lowered = text.lower()
    mentions = directory.find(text)
    bodies = tuple(dict.fromkeys(body for body, _, _ in mentions))
    masked = _mask(text, [(s, e) for _, s, e in mentions])
    years = _years(masked)
    all_years = _has(lowered, ALL_YEARS_CUES)
    metrics = _metrics(masked, catalogue)
    intent = _intent(lowered, metrics, bodies, years)
    question = Question(
        text=text,
        lang=lang,
        bodies=bodies,
        years=years,
        all_years=all_years,
        metrics=metrics,
        intent=intent,
        breakdown=_first_key(lowered, BREAKDOWN_CUES) if intent == "breakdown" else None,
        contact=(_first_key(lowered, CONTACT_CUES) or "any") if intent == "contact" else None,
        wants_names=_has(lowered, NAME_CUES),
        topic_terms=_topic_terms(lowered) if lang == "en" else (),
        column=next((column for column, cues in COLUMN_CUES if _has(lowered, cues)), None),
        unknown_place=None if bodies else unknown_place(masked),
    )
    if previous is not None and not question.unknown_place:
        question = _inherit(question, previous)
    if question.all_years and question.bodies and not question.years:
        years_all = sorted({y for b in question.bodies for y in directory.years_of(b)})
        question = replace(question, years=tuple(years_all))
    return question


def unknown_place(masked: str) -> str | None:
    """A Chinese place name left after stored bodies were blanked out: a body we do not have."""
    for match in _PLACE_RE.finditer(masked):
        name = match.group(0)
        if not name.startswith(_NOT_A_PLACE_START):
            return name
    return None


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """Blank out body names so their letters never read as metric words or years."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = [" "] * (end - start)
    return "".join(chars)


def _years(text: str) -> tuple[int, ...]:
    years: list[int] = []
    for match in _RANGE_RE.finditer(text):
        low, high = sorted((int(match.group(1)), int(match.group(2))))
        years += range(low, high + 1)
    if years:
        return tuple(dict.fromkeys(years))
    return tuple(dict.fromkeys(int(m.group(1)) for m in _YEAR_RE.finditer(text)))


def _metrics(text: str, catalogue: Catalogue) -> tuple[str, ...]:
    found = list(catalogue.find_in_question(text))
    lowered = text.lower()
    for phrase, metric in EN_METRIC_CUES:
        if re.search(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])", lowered) and metric in catalogue:
            found = [metric] + [m for m in found if m != metric]
    if "training_sessions" in found and _has(lowered, PERSON_CUES) and "trainees" in catalogue:
        found = ["trainees"] + [m for m in found if m not in ("training_sessions", "trainees")]
    specific = [m for m in found if m not in GENERIC_METRICS]
    generic = [m for m in found if m in GENERIC_METRICS]
    return tuple(dict.fromkeys(specific + generic))


def _topic_terms(lowered: str) -> tuple[str, ...]:
    terms: list[str] = []
    for stem, words in EN_TOPIC_TERMS:
        if re.search(rf"(?<![a-z]){re.escape(stem)}", lowered):
            terms += words
    return tuple(dict.fromkeys(terms))


def _has(text: str, cues: Iterable[str]) -> bool:
    return any(cue in text for cue in cues)


def _first_key(text: str, table: Mapping[str, tuple[str, ...]]) -> str | None:
    return next((key for key, cues in table.items() if _has(text, cues)), None)


def _intent(lowered: str, metrics: tuple[str, ...], bodies: tuple[str, ...], years: tuple[int, ...]) -> str:
    for intent, cues in INTENT_CUES.items():
        if not _has(lowered, cues):
            continue
        if intent == "narrative" and metrics and _has(lowered, ("多少", "几", "how many", "how much", "number")):
            continue  # "how many trainees" is a figure, even with 培训 in it
        if intent == "compare" and len(bodies) < 2 and len(years) < 2:
            continue
        return intent
    return "lookup"


def _inherit(question: Question, previous: Question) -> Question:
    """A follow-up keeps what it leaves out from the question before it."""
    cue = bool(_FOLLOW_UP_RE.search(question.text.lower()))
    if question.bodies and not cue:
        return question  # a question that names its body starts afresh
    inherited: list[str] = []
    changes: dict = {}
    if not question.bodies and previous.bodies:
        changes["bodies"] = previous.bodies
        inherited.append("bodies")
    if not question.years and previous.years and not question.all_years:
        changes["years"] = previous.years
        inherited.append("years")
    if not question.metrics and previous.metrics and question.intent not in ("contact", "narrative"):
        changes["metrics"] = previous.metrics
        inherited.append("metrics")
        if question.intent == "lookup" and previous.intent not in ("contact", "narrative"):
            changes["intent"] = previous.intent
            changes["breakdown"] = previous.breakdown
            inherited.append("intent")
    if not inherited:
        return question
    return replace(question, inherited=tuple(inherited), **changes)
