"""Understanding a question: which body, which years, which metric, what kind of answer.

Pure: the body directory is built from the stored reports (so names come from what was
ingested, never from a fixed list) and the metrics from the catalogue. Follow-ups
("那2017年呢？", "and by letter?", "巨各庄呢？") inherit what they leave out.

Everything a question may say is data: the cue tables below. A cue is a regular-expression
fragment matched case-insensitively; one that starts with a Latin letter or digit only matches
at the start of a word ("rank" finds "ranking", never "frank"). ``parse_question`` runs in four
steps:

1. read what the question itself says (bodies, years, metrics, which cue rules fire);
2. a follow-up fills in what it leaves out from the previous question;
3. "both years" / "历年" / a trend become every year the bodies have;
4. the first intent rule whose cue fires and whose condition holds wins.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from assistant.catalogue import Catalogue

__all__ = ["BodyDirectory", "BodyEntry", "Question", "parse_question", "unknown_place"]

# ---------------------------------------------------------------------------------------------
# Cue tables

# Intent rules, in priority order: (intent, condition, cues). The conditions are named in
# _CONDITIONS below; they look at the bodies and years after a follow-up filled them in.
INTENT_RULES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("contact", "always", (
        "电话", "联系方式", "怎么联系", "如何联系", "联系人", "邮箱", "电子邮件(?!申请)", "地址", "邮编",
        "传真号", "传真是多少",
        "phone", "telephone", "(?<!by )e-?mail(?! requests)", "address", "contact", "reach them",
        r"fax (number|no\b)",
    )),
    ("total", "several", (
        "合计", "总共", "一共", "共计", "总计", "加起来", "加在一起", "之和",
        "in total", "total", "altogether", "combined", "together", "sum of", "the sum", "add up",
    )),
    ("rank", "several", (
        "排名", "排序", "排行", "最多", "最少", "最高", "最低",
        "rank", "the most", "the fewest", "the least", "highest", "lowest", "top ",
    )),
    ("rank", "no_body", (
        "哪个(镇|乡|街道|区|县|单位|部门|机关)", "哪些(镇|乡|街道|单位)", "各(镇|乡|街道|单位)", "每个(镇|乡|街道|单位)",
        r"which (town|township|body|bodies|subdistrict|district|county|office|government)",
        r"(each|every|all) (towns?|townships?|bod(y|ies)|subdistricts?|districts?)",
    )),
    ("trend", "always", (
        "趋势", "变化", "历年", "逐年", "每年", "各年", "走势", "增长", "下降", "增减变化",
        "trend", "over the years", "each year", "every year", "year by year", "year on year",
        "year-on-year", "change", "evolve", "develop(ed)? over",
    )),
    ("compare", "two", (
        "比较", "相比", "对比", "比.{0,12}(多|少|高|低)", "哪个", "哪一个", "哪年", "哪一年", "多多少", "少多少",
        "差多少", "差距", "差别", "区别", "谁(更|比较)?(多|少|高|低)",
        "还是.{0,12}(多|少|高|低)", "(多|少|高|低).{0,6}还是",
        "compare", "which", "more than", "fewer than", "less than", "higher than", "lower than",
        r"\bor\b[^?？]{0,60}\b(more|fewer|less|higher|lower)\b", r"\b(more|fewer|less|higher|lower)\b[^?？]{0,60}\bor\b",
        "difference", "how many more", "how many fewer", r"\bvs\.?", "versus",
    )),
    ("breakdown", "always", ()),  # cues: BREAKDOWN_CUES
    ("breakdown", "each", ("分别", "各是", "各自", "各为", "respectively", "each channel")),
    ("yesno", "always", (
        "是否", "有没有", "是不是", "有无", "吗", "对吗", "对不对",
        "were all", "was every", "was all", "did all", r"did .{1,60} all\b", r"did .{1,60} any\b",
        "is it true", "is it correct", "were any", "was any", "were there any", "was there any",
        "are there any", "is there any", "has .{1,40} ever",
    )),
    ("narrative", "not_a_figure", (
        "哪些问题", "什么问题", "问题", "不足", "措施", "改进", "如何", "怎么", "怎样", "谁负责", "负责人",
        "领导小组", "组长", "分管", "制度", "做法", "经验", "计划",
        "problem", "shortcoming", "weakness", "measure", "improve", "how does", "how did", "how do",
        "who leads", "who heads", "who is in charge", "who is responsible", "leading group",
        "organi[sz]e", "what steps", "what actions", "plans?",
    )),
    ("lookup", "always", (
        "多少", "几", "数量", "数目",
        "how many", "how much", "what number", "what is the number", "number of", "count of", "what was the",
    )),
    # A question that starts like a yes/no question and asks for no figure: "Did Xiji charge fees?"
    ("yesno", "always", (r"^\s*(did|was|were|is|are|has|have|does|do)\b",)),
)

BREAKDOWN_CUES: dict[str, tuple[str, ...]] = {
    "applicant": (
        "申请人类型", "申请人类别", "按申请人", "申请主体", "自然人(和|与|、|及)法人", "法人(和|与|、|及)自然人",
        "by applicant", "applicant type", "type of applicant", "types of applicant", "kinds? of applicant",
        "who (applied|made the requests) by type", "individuals and (organi[sz]ations|companies|legal persons)",
    ),
    "reason": ("原因", "理由", "依据", "reasons?", "grounds", "on what basis"),
    "outcome": (
        "办理结果", "处理结果", "答复结果", "办理情况", "答复(的)?情况", "怎么处理", "如何处理", "如何办理",
        "outcome", "results", r"how were .{0,40}(handled|answered|dealt with|processed)", r"(?<!continued )handling",
    ),
    "channel": (
        # 其他方式/其他形式 name one row (其他形式申请数), not a breakdown
        "按渠道", "各渠道", "渠道", "(?<!其他)方式", "(?<!其他)途径", "(?<!其他)形式",
        "by channel", "channel", "by means", r"how were .{0,40}(submitted|made|received|filed|sent)",
        "through which", "by what means", "breakdown", "broken down", "split",
    ),
}
# Which metric a breakdown is about when the question names none or only a generic one;
# the first is the default, the others are accepted as they are.
BREAKDOWN_METRICS: dict[str, tuple[str, ...]] = {
    "channel": ("requests_received", "proactive_total"),
    "outcome": ("outcome_total", "reconsiderations", "lawsuits", "lawsuits_direct", "lawsuits_after_reconsideration"),
    "reason": ("outcome_not_disclosed", "outcome_unable_to_provide", "outcome_not_processed", "outcome_other"),
    "applicant": (),  # every metric of the national request table has applicant columns
}
# A bare 分别 / respectively breaks down the metric it stands with, if that metric has parts.
BREAKDOWN_OF_METRIC: dict[str, str] = {
    metric: kind for kind, metrics in BREAKDOWN_METRICS.items() for metric in metrics
}

CONTACT_CUES: dict[str, tuple[str, ...]] = {
    "fax": ("传真号", "传真是多少", r"fax (number|no\b)"),
    "phone": ("电话", "手机", "热线", "phone", "telephone", "hotline", "call"),
    "email": ("邮箱", "电子邮件", "e-?mail"),
    "address": ("地址", "在哪", "位置", "邮编", "address", "where is", "located", "postcode", "zip"),
}
NAME_CUES = (
    "谁申请", "谁提出", "谁提交", "申请人是谁", "申请人都是谁", "申请人有谁", "申请人(的)?(姓名|名字)", "哪些人(申请|提出)",
    "who applied", "who (made|submitted|filed|sent) (the |these |those )?(requests|applications)",
    "names? of (the )?applicants", "applicants'? names", "who (were|are) the applicants",
)
ALL_YEARS_CUES = (
    "两年", "历年", "各年", "每年", "逐年", "所有年份", "各年度", "哪年", "哪一年", "哪个年份",
    "这[三四五六七八九几]年", "[三四五六七八九]年(来|间|里|中|的)", "近[三四五六七八九几]年", "这些年",
    "both years", "all years", "all the years", "each year", "every year", "year by year",
    "over the years", "which year", "(all|the|these) (three|four|five|six|seven|eight|nine) years", "these years",
)
FOLLOW_UP_CUES = (
    "呢", "^那", "^还有", "^同样", "^再看", "what about", "how about", r"^and\b", "same for", "^also", "^now",
)
# Across every stored body: a question with these names no body and borrows none.
ACROSS_BODIES_CUES = (
    "所有", "全部", "各镇", "各乡", "各街道", "各单位", "哪个(镇|乡|街道|区|县|单位|部门|机关)", "哪些(镇|乡|街道|单位)",
    r"(all|every|each) (towns?|townships?|bodies|subdistricts?|districts?)",
    r"which (town|township|body|bodies|subdistrict|district|county|office|government)",
)

# "培训了多少人" counts people, not sessions: a person cue turns the first metric into the second.
PERSON_CUES = ("多少人", "几人", "几个人", "人数", "人次", "多少名", "how many people", "people", "persons", "participants")
PERSON_METRICS: dict[str, str] = {"training_sessions": "trainees"}
# "行政诉讼中被依法纠错的" / "lawsuits ... upheld": a result word turns a reconsideration or
# lawsuit count into the count of that result (the catalogue names only the joined phrases).
RESULT_CUES: dict[str, tuple[str, ...]] = {
    "upheld": ("维持", "驳回", "upheld", "dismissed", "confirmed"),
    "corrected": ("纠错", "纠正", "撤销", "corrected", "overturned", "reversed", "revoked"),
    "other": ("其他结果", "其他情形", "other results?", "other outcomes?"),
    "pending": ("尚未审结", "未审结", "未结案", "pending", "not yet (decided|concluded|closed|resolved)", "still open",
                "undecided", "unresolved", "unconcluded", "still under review"),
}
# The counts a result word refines, and the id pattern of their result metrics.
RESULT_METRICS: dict[str, str] = {
    "reconsiderations": "reconsideration_{}",
    "lawsuits": "lawsuits_{}",
    "lawsuits_direct": "lawsuits_direct_{}",
    "lawsuits_after_reconsideration": "lawsuits_after_reconsideration_{}",
}
# Metrics that merely name the subject ("requests", "申请") and go after specific ones.
GENERIC_METRICS = ("requests_received",)
# Phrasings the catalogue's names cannot carry (a verb with a count between), used only when
# the catalogue finds no metric at all.
FALLBACK_METRIC_CUES: tuple[tuple[str, str], ...] = (
    (r"(公开|发布|公布)(了)?(多少|几)条", "proactive_total"),
    (r"(公开|发布|公布)(了)?(多少|几)", "proactive_total"),
    (r"how many items", "proactive_total"),
    (r"(收到|受理|接到)(了)?(多少|几)", "requests_received"),
    (r"how many did .{1,40} (receive|get)", "requests_received"),
    (r"\b(applied|apply|applying)\b", "requests_received"),  # "how many people applied to Henghu"
)

# Applicant columns of the national table, most specific first; 法人或其他组织 is the sum of five.
COLUMN_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("自然人", ("自然人", "natural person", "individual", "private citizen")),
    ("商业企业", ("商业企业", "企业", "business", "compan", "enterprise")),
    ("科研机构", ("科研机构", "research")),
    ("社会公益组织", ("社会公益组织", "公益组织", "non-profit", "nonprofit", "charit")),
    ("法律服务机构", ("法律服务机构", "律师", "law firm", "legal service")),
    ("法人或其他组织", ("法人或其他组织", "法人", "legal person", "organisation", "organization")),
)
# English topic words and the Chinese words the reports use for them, so that keyword search and
# sentence quoting work for English questions over Chinese text.
EN_TOPIC_TERMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("problem", ("问题", "不足", "有待", "需要进一步")),
    ("shortcoming", ("不足", "问题", "有待", "需要进一步")),
    ("weakness", ("不足", "问题", "有待", "需要进一步")),
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

# Chinese questions about problems or measures, and the words reports use in the sentences that
# answer them (问题 is seldom named as such: 有待提高, 需要进一步深化, 进一步建立…机制, 加强…).
ZH_TOPIC_TERMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("问题|不足|短板|困难|薄弱", ("问题", "不足", "有待", "不够", "需要进一步")),
    ("措施|改进|整改|下一步|今后|计划|打算", ("改进", "措施", "加强", "进一步", "完善")),
)
# Interrogatives that ask for a name or a description, not a count: "在哪个网站设立了专栏".
NOT_A_COUNT_CUES = ("哪个", "哪些", "哪里", "哪儿", "什么", "谁", "which", "where", "who")

# ---------------------------------------------------------------------------------------------
# Patterns

_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_PLACE_RE = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:街道|镇|乡|区|县|市)(?:[\u4e00-\u9fff]{1,6}?(?:局|委员会|委)(?![\u4e00-\u9fff]))?")
_CONNECTIVES = "和与及跟同、"
# 哪个镇 / 各镇 / 本区 name no place.
_NOT_A_PLACE_START = tuple("哪各每本全我该这那其所")
_YEAR = r"(?:19|20)\d{2}"
# No year inside a longer number, a phone number (010-61576445, 010 2018 5566) or a date written
# 2018.5 / 2018/5; and none that counts something (2018件).
_YEAR_BEFORE = r"(?<![\d\-－–/.．:：])(?<!\d\s)"
_YEAR_AFTER = r"(?![\d\-－–/.．:：%％]|\s\d{3}|\s*(?:件|条|人|次|个|元|万|份|项|篇|期|名|场|家|起|号|号码))"
_RANGE_RE = re.compile(
    rf"{_YEAR_BEFORE}(?:from\s+)?({_YEAR})\s*(?:年度?)?\s*(?:-|－|–|—|~|～|至|到|\bto\b|\bthrough\b|\buntil\b|\btill\b)\s*({_YEAR})(?!\d)",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(rf"{_YEAR_BEFORE}({_YEAR}){_YEAR_AFTER}")
_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0", "Ｏ": "0"}
_CN_YEAR_RE = re.compile(r"([〇零○Ｏ一二三四五六七八九]{4})\s*年")
_MAX_RANGE = 30
# "carried over to 2023" / "结转至2023年" asks about the 2022 report's 结转下年度 row
_CARRIED_INTO_RE = re.compile(
    rf"(?:carr(?:y|ied|ies|ying)(?:\s+(?:over|forward))?\s+(?:in)?to|结转(?:至|到)|转入|转到)\s*(?:the\s+)?(?:year\s+)?({_YEAR})(?!\d)",
    re.IGNORECASE,
)
# "carried over from 2021" / "从2021年结转" asks about the 2022 report's 上年结转 row
_CARRIED_FROM_RE = re.compile(
    rf"carr(?:y|ied|ies|ying)(?:\s+(?:over|forward))?\s+from\s*(?:the\s+)?(?:year\s+)?({_YEAR})(?!\d)"
    rf"|从\s*({_YEAR})(?=\s*年?度?结转)",
    re.IGNORECASE,
)


def _cue_pattern(cues: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive alternation; Latin cues only match at the start of a word."""
    parts = []
    for cue in cues:
        first = cue.lstrip("^(\\")[:1]
        latin = first.isascii() and first.isalnum() and not cue.startswith("^")
        parts.append(rf"(?<![a-z0-9])(?:{cue})" if latin else f"(?:{cue})")
    return re.compile("|".join(parts) or r"(?!)", re.IGNORECASE)


_INTENT_PATTERNS = tuple(
    (intent, condition, _cue_pattern(cues or [c for kind in BREAKDOWN_CUES.values() for c in kind]))
    for intent, condition, cues in INTENT_RULES
)
_BREAKDOWN_PATTERNS = tuple((kind, _cue_pattern(cues)) for kind, cues in BREAKDOWN_CUES.items())
_CONTACT_PATTERNS = tuple((kind, _cue_pattern(cues)) for kind, cues in CONTACT_CUES.items())
_COLUMN_PATTERNS = tuple((column, _cue_pattern(cues)) for column, cues in COLUMN_CUES)
_NAME_PATTERN = _cue_pattern(NAME_CUES)
_ALL_YEARS_PATTERN = _cue_pattern(ALL_YEARS_CUES)
_FOLLOW_UP_PATTERN = _cue_pattern(FOLLOW_UP_CUES)
_ACROSS_PATTERN = _cue_pattern(ACROSS_BODIES_CUES)
_PERSON_PATTERN = _cue_pattern(PERSON_CUES)
_RESULT_PATTERNS = tuple((kind, _cue_pattern(cues)) for kind, cues in RESULT_CUES.items())
# result metric id -> the count it belongs to ("lawsuits_upheld" -> "lawsuits")
_RESULT_BASE = {pattern.format(kind): base for base, pattern in RESULT_METRICS.items() for kind in RESULT_CUES}
# An English place name with its level: "Qingyun Town", "Miyun District".
_EN_PLACE_RE = re.compile(
    r"\b((?:[A-Z][a-z]+)(?:[ -][A-Z][a-z]+)?)[ -](Town|Township|Subdistrict|Street|District|County|City|Village)\b"
)
# "the Yaoxu housing bureau", "Lintong Development Zone": a capitalised name, then words that
# end in a kind of department
_EN_DEPARTMENT_RE = re.compile(
    # a lookahead, so that "How many … bureau" does not hide the name inside it
    r"(?=\b([A-Z][a-z]+)\s+((?:[A-Za-z\-']+\s+){0,6}?(?i:bureau|commission|committee|office|zone|administration|department))\b)"
)
_EN_LEVEL_WORDS = frozenset({"town", "township", "subdistrict", "street", "district", "county", "city", "village"})
_NOT_AN_EN_PLACE = frozenset({
    "which", "what", "each", "every", "the", "this", "that", "our", "your", "all", "any", "some", "whose", "other",
    "another", "same", "a", "an", "one", "my", "their", "its", "how", "in", "of", "for", "and", "or",
})
_LOOKUP_PATTERN = next(p for intent, _, p in _INTENT_PATTERNS if intent == "lookup")
_FALLBACK_METRIC_PATTERNS = tuple((_cue_pattern([cue]), metric) for cue, metric in FALLBACK_METRIC_CUES)
_TOPIC_PATTERNS = tuple((_cue_pattern([stem]), words) for stem, words in EN_TOPIC_TERMS)
_ZH_TOPIC_PATTERNS = tuple((_cue_pattern([cue]), words) for cue, words in ZH_TOPIC_TERMS)
_NOT_A_COUNT_PATTERN = _cue_pattern(NOT_A_COUNT_CUES)

# ---------------------------------------------------------------------------------------------
# The body directory


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
        self.bodies: tuple[BodyEntry, ...] = tuple(bodies)
        patterns: list[tuple[int, re.Pattern[str], str]] = []
        seen: set[str] = set()
        for entry in self.bodies:
            for name in (entry.body, entry.short_name or "", *entry.aliases):
                name = name.strip()
                if len(name) < 2 or name.lower() in seen:
                    continue  # a name two bodies share belongs to the first one
                seen.add(name.lower())
                patterns.append((len(name), _name_pattern(name), entry.body))
        patterns.sort(key=lambda item: -item[0])  # longest name first; stable among equals
        self._patterns = tuple(patterns)
        self._by_body = {entry.body: entry for entry in self.bodies}
        # The first words of stored bodies' English names (Zhangcheng of "Zhangcheng Population and
        # Family Planning Commission"): "the Zhangcheng commission" is one of ours, written short.
        self.english_name_words = frozenset(
            alias.split()[0].lower() for entry in self.bodies for alias in entry.aliases if alias.isascii() and " " in alias
        )

    @classmethod
    def from_reports(cls, reports: Iterable[Mapping]) -> "BodyDirectory":
        """One entry per body from report rows (one row per report, as FactStore.list_reports)."""
        merged: dict[str, dict] = {}
        for report in reports:
            body = report.get("body")
            if not body:
                continue
            entry = merged.setdefault(body, {"short_name": None, "parent": None, "level": None, "aliases": [], "years": set()})
            for key in ("short_name", "parent", "level"):
                if entry[key] is None and report.get(key):
                    entry[key] = report[key]
            aliases = report.get("aliases") or ()
            entry["aliases"] += [aliases] if isinstance(aliases, str) else list(aliases)
            if report.get("year") is not None:
                entry["years"].add(int(report["year"]))
        return cls(
            BodyEntry(
                body=body,
                short_name=e["short_name"],
                parent=e["parent"],
                level=e["level"],
                aliases=tuple(dict.fromkeys(a for a in e["aliases"] if a)),
                years=tuple(sorted(e["years"])),
            )
            for body, e in merged.items()
        )

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """(body, start, end) of each mention, in text order; longest name first, never overlapping.

        Chinese names match as substrings (西集 inside 通州区西集镇 is one mention of the longer
        name); Latin names case-insensitively on word boundaries ("Xiji", "xiji town").
        """
        taken = [False] * len(text)
        found: list[tuple[str, int, int]] = []
        for _, pattern, body in self._patterns:
            for match in pattern.finditer(text):
                start, end = match.span()
                if any(taken[start:end]):
                    continue
                taken[start:end] = [True] * (end - start)
                found.append((body, start, end))
        found.sort(key=lambda item: item[1])
        return found

    def years_of(self, body: str) -> tuple[int, ...]:
        entry = self._by_body.get(body)
        return entry.years if entry else ()

    def entry(self, body: str) -> BodyEntry | None:
        return self._by_body.get(body)


def _name_pattern(name: str) -> re.Pattern[str]:
    if name.isascii():
        words = [re.escape(w) for w in re.split(r"[\s\-]+", name) if w]
        joined = r"[\s-]+".join(words)
        return re.compile(rf"(?<![A-Za-z0-9]){joined}(?![A-Za-z0-9])", re.IGNORECASE)
    return re.compile(re.escape(name), re.IGNORECASE)


# ---------------------------------------------------------------------------------------------
# The question


@dataclass(frozen=True)
class Question:
    """What a question asks, in catalogue and directory terms (see parse_question)."""

    text: str
    lang: str  # "zh" or "en"
    bodies: tuple[str, ...]
    years: tuple[int, ...]
    all_years: bool
    metrics: tuple[str, ...]
    intent: str  # lookup, breakdown, compare, total, rank, trend, yesno, contact, narrative
    breakdown: str | None = None  # channel, applicant, outcome, reason
    contact: str | None = None  # phone, email, address, any
    wants_names: bool = False
    inherited: tuple[str, ...] = ()  # bodies, years, metrics, intent
    topic_terms: tuple[str, ...] = ()  # Chinese words the reports use for the question's topic
    column: str | None = None  # an applicant column of the national table (自然人 …)
    unknown_place: str | None = None  # a place name (Chinese or English) no stored report belongs to
    # a place we do not have named beside stored bodies ("珀溪镇和青云镇一共…"): the answer would leave it out
    unknown_beside: str | None = None
    # "珀溪镇2016年、棠岑街道2018年…": each body with its own year, not every year for every body
    paired_years: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class _Reading:
    """What the question says by itself, before any follow-up or intent rule."""

    text: str
    lowered: str
    bodies: tuple[str, ...]
    years: tuple[int, ...]
    all_years: bool
    metrics: tuple[str, ...]
    rules: tuple[int, ...]  # indexes of INTENT_RULES whose cues occur
    unknown_place: str | None
    unknown_beside: str | None
    paired_years: tuple[tuple[str, int], ...] = ()

    def cued(self, *intents: str) -> bool:
        return any(INTENT_RULES[i][0] in intents for i in self.rules)


def parse_question(text: str, *, catalogue: Catalogue, directory: BodyDirectory, previous: Question | None = None) -> Question:
    """Bodies, years, metrics and intent of a question; a follow-up borrows from ``previous``."""
    reading = _read(text, catalogue, directory)
    follow_up = previous if previous is not None and _is_follow_up(reading) else None
    bodies, years, all_years, metrics, inherited = _borrow(reading, follow_up)
    metrics = _refine_result(metrics, reading.lowered, catalogue)
    every_year = years or _all_years(directory, bodies, all_years)  # what the intent rules count

    intent = _intent(reading, bodies, every_year, metrics)
    breakdown = contact = None
    if intent is None and follow_up is not None:
        condition = _CONDITIONS[_INTENT_CONDITION.get(follow_up.intent, "always")]
        if condition(bodies, every_year, metrics, reading):  # "星岚镇呢" after a compare of two: a lookup
            intent, breakdown, contact = follow_up.intent, follow_up.breakdown, follow_up.contact
            inherited.append("intent")
    if (
        intent is None
        and not reading.all_years
        and not _LOOKUP_PATTERN.search(reading.lowered)
        and _NOT_A_COUNT_PATTERN.search(reading.lowered)
    ):
        intent = "narrative"  # "西集镇在哪个网站设立了专栏": no rule holds, no count asked, a name is
    intent = intent or "lookup"
    if intent == "trend" and not years:
        all_years = True
    if all_years and not years:
        years = _all_years(directory, bodies, True)
    if intent == "breakdown":
        breakdown = breakdown or _breakdown_kind(reading.lowered, metrics)
        metrics = _breakdown_metrics(breakdown, metrics)
    if intent == "contact":
        contact = contact or next((kind for kind, p in _CONTACT_PATTERNS if p.search(reading.lowered)), "any")
    column = next((column for column, p in _COLUMN_PATTERNS if p.search(reading.lowered)), None)
    return Question(
        text=text,
        lang="zh" if _CJK_RE.search(text) else "en",
        bodies=bodies,
        years=years,
        all_years=all_years,
        metrics=metrics,
        intent=intent,
        breakdown=breakdown if intent == "breakdown" else None,
        contact=contact if intent == "contact" else None,
        wants_names=bool(_NAME_PATTERN.search(reading.lowered)),
        inherited=tuple(inherited),
        topic_terms=_topic_terms(reading.lowered, zh=bool(_CJK_RE.search(text))),
        column=None if breakdown == "applicant" and intent == "breakdown" else column,
        unknown_place=reading.unknown_place,
        unknown_beside=reading.unknown_beside,
        paired_years=reading.paired_years if not {"bodies", "years"} & set(inherited) else (),
    )


def _borrow(
    reading: _Reading, previous: Question | None
) -> tuple[tuple[str, ...], tuple[int, ...], bool, tuple[str, ...], list[str]]:
    """Bodies, years, all_years, metrics and the names of those taken from ``previous``."""
    bodies, years, all_years, metrics = reading.bodies, reading.years, reading.all_years, reading.metrics
    inherited: list[str] = []
    if previous is None:
        return bodies, years, all_years, metrics, inherited
    if not bodies and previous.bodies and not _across_bodies(reading):
        bodies = previous.bodies
        inherited.append("bodies")
    if not years and not all_years and (previous.years or previous.all_years):
        # "every year" stays every year of whatever body the follow-up names
        years, all_years = (() if previous.all_years else previous.years), previous.all_years
        inherited.append("years")
    if not metrics and previous.metrics and not reading.cued("contact", "narrative"):
        metrics = previous.metrics
        inherited.append("metrics")
    return bodies, years, all_years, metrics, inherited


def _read(text: str, catalogue: Catalogue, directory: BodyDirectory) -> _Reading:
    mentions = directory.find(text)
    bodies = tuple(dict.fromkeys(body for body, _, _ in mentions))
    masked = _mask(text, [(start, end) for _, start, end in mentions])  # names are no metric words
    lowered = masked.lower()
    return _Reading(
        text=text,
        lowered=lowered,
        bodies=bodies,
        years=_years(masked),
        all_years=bool(_ALL_YEARS_PATTERN.search(lowered)),
        metrics=_metrics(_name_carry_over_rows(masked), catalogue),
        rules=tuple(i for i, (_, _, pattern) in enumerate(_INTENT_PATTERNS) if pattern.search(lowered)),
        unknown_place=None if bodies else unknown_place(masked, directory.english_name_words),
        unknown_beside=unknown_place(_mask_regions(masked, bodies, directory), directory.english_name_words) if bodies else None,
        paired_years=_paired_years(masked, mentions),
    )


def _name_carry_over_rows(text: str) -> str:
    """"carried over to 2023" names the 结转下年度 row, "carried over from 2021" the 上年结转 one,
    not whichever carry-over the catalogue meets first."""
    def named(match: re.Match[str], zh: str, en: str) -> str:
        return zh if re.search(r"[\u4e00-\u9fff]", match.group(0)) else en

    text = _CARRIED_INTO_RE.sub(lambda m: named(m, "结转下年度", "carried over to next year"), text)
    return _CARRIED_FROM_RE.sub(lambda m: named(m, "上年结转", "carried over from the previous year"), text)


def _mask_regions(masked: str, bodies: Sequence[str], directory: BodyDirectory) -> str:
    """Blank the regions the named bodies lie in: "市人口计生委（鄣郕市）" names no second place."""
    for body in bodies:
        entry = directory.entry(body)
        region = entry.parent if entry else None
        if region:
            masked = masked.replace(region, " " * len(region))
    return masked


def _paired_years(masked: str, mentions: list[tuple[str, int, int]]) -> tuple[tuple[str, int], ...]:
    """Each of several bodies followed by exactly one year before the next body is named:
    ("珀溪镇2016年、棠岑街道2018年", "Poxi (2016), Tangcen (2018)"); otherwise nothing."""
    bodies = list(dict.fromkeys(body for body, _, _ in mentions))
    if len(bodies) < 2 or len(bodies) != len(mentions):
        return ()
    pairs = []
    for index, (body, _, end) in enumerate(mentions):
        stop = mentions[index + 1][1] if index + 1 < len(mentions) else len(masked)
        years = _years(masked[end:stop])
        if len(years) != 1:
            return ()
        pairs.append((body, years[0]))
    return tuple(pairs) if len({year for _, year in pairs}) > 1 else ()


def _is_follow_up(reading: _Reading) -> bool:
    """Anything but a fresh question (a body plus a metric or an intent cue, no 呢/what about)."""
    if reading.unknown_place:
        return False  # a place we do not have: say so, do not answer about the last one
    if _FOLLOW_UP_PATTERN.search(reading.lowered.strip()):
        return True
    asks_something = bool(reading.metrics) or reading.cued(*(i for i in _INTENTS if i != "lookup"))
    return not (reading.bodies and asks_something)


def _across_bodies(reading: _Reading) -> bool:
    return bool(_ACROSS_PATTERN.search(reading.lowered))


def _all_years(directory: BodyDirectory, bodies: Sequence[str], all_years: bool) -> tuple[int, ...]:
    if not all_years:
        return ()
    return tuple(sorted({year for body in bodies for year in directory.years_of(body)}))


# ---------------------------------------------------------------------------------------------
# Intent

_Condition = Callable[[Sequence[str], Sequence[int], Sequence[str], _Reading], bool]
_CONDITIONS: dict[str, _Condition] = {
    "always": lambda bodies, years, metrics, reading: True,
    # several bodies or years, or none named (every stored body)
    "several": lambda bodies, years, metrics, reading: len(bodies) != 1 or len(years) > 1,
    "no_body": lambda bodies, years, metrics, reading: not reading.bodies,
    "two": lambda bodies, years, metrics, reading: len(bodies) >= 2 or len(years) >= 2,
    "each": lambda bodies, years, metrics, reading: (
        len(bodies) <= 1 and len(years) <= 1 and bool(metrics) and metrics[0] in BREAKDOWN_OF_METRIC
    ),
    # "培训了多少人" asks a figure even with 培训 / 如何 in it
    "not_a_figure": lambda bodies, years, metrics, reading: not (metrics and _LOOKUP_PATTERN.search(reading.lowered)),
}
_INTENTS = tuple(dict.fromkeys(intent for intent, _, _ in INTENT_RULES))
# The condition an inherited intent must still meet (its first rule's).
_INTENT_CONDITION = {intent: condition for intent, condition, _ in reversed(INTENT_RULES)}


def _intent(reading: _Reading, bodies: Sequence[str], years: Sequence[int], metrics: Sequence[str]) -> str | None:
    """The first cued intent rule whose condition holds, else None."""
    for index in reading.rules:
        intent, condition, _ = INTENT_RULES[index]
        if _CONDITIONS[condition](bodies, years, metrics, reading):
            return intent
    return None


def _breakdown_kind(lowered: str, metrics: Sequence[str]) -> str:
    kind = next((kind for kind, pattern in _BREAKDOWN_PATTERNS if pattern.search(lowered)), None)
    return kind or (BREAKDOWN_OF_METRIC.get(metrics[0]) if metrics else None) or "channel"


def _breakdown_metrics(kind: str, metrics: tuple[str, ...]) -> tuple[str, ...]:
    """The metric a breakdown splits goes first: the one named if it fits, else the kind's default."""
    accepted = BREAKDOWN_METRICS.get(kind, ())
    if not accepted:
        return metrics or ("requests_received",)
    fitting = [m for m in metrics if m in accepted]
    first = fitting[0] if fitting and not (fitting[0] in GENERIC_METRICS and kind != "channel") else accepted[0]
    return (first, *(m for m in metrics if m != first))


# ---------------------------------------------------------------------------------------------
# Years and metrics


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """Blank out body names so their letters never read as metric words or years."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = [" "] * (end - start)
    return "".join(chars)


def _years(text: str) -> tuple[int, ...]:
    """Years in order of mention; a range (2017-2019, 2017至2019年, from 2017 to 2019) gives each year."""
    found: list[tuple[int, list[int]]] = []
    covered = [False] * len(text)
    for match in _RANGE_RE.finditer(text):
        low, high = int(match.group(1)), int(match.group(2))
        if low < high <= low + _MAX_RANGE:
            found.append((match.start(), list(range(low, high + 1))))
            covered[match.start() : match.end()] = [True] * (match.end() - match.start())
    for pattern, shift in ((_CARRIED_FROM_RE, 1), (_CARRIED_INTO_RE, -1)):
        for match in pattern.finditer(text):
            group = 1 if match.group(1) else 2
            found.append((match.start(group), [int(match.group(group)) + shift]))
            covered[match.start(group) : match.end(group)] = [True] * (match.end(group) - match.start(group))
    for match in _YEAR_RE.finditer(text):
        if not covered[match.start()]:
            found.append((match.start(), [int(match.group(1))]))
    for match in _CN_YEAR_RE.finditer(text):
        year = int("".join(_CN_DIGITS[c] for c in match.group(1)))
        if 1900 <= year <= 2099:
            found.append((match.start(), [year]))
    found.sort(key=lambda item: item[0])
    return tuple(dict.fromkeys(year for _, years in found for year in years))


def _metrics(text: str, catalogue: Catalogue) -> tuple[str, ...]:
    """Catalogue metrics, the most specific first: parts before the totals they belong to."""
    found = list(catalogue.find_in_question(text))
    lowered = text.lower()
    if not found:
        found = [metric for pattern, metric in _FALLBACK_METRIC_PATTERNS if pattern.search(lowered) and metric in catalogue][:1]
    if found and found[0] in PERSON_METRICS and _PERSON_PATTERN.search(lowered):
        person = PERSON_METRICS[found[0]]
        found = [person] + [m for m in found if m != person]
    ancestors = {a for m in found for a in _ancestors(catalogue, m)}
    specific = [m for m in found if m not in ancestors and m not in GENERIC_METRICS]
    wider = [m for m in found if m in ancestors and m not in GENERIC_METRICS]
    generic = [m for m in found if m in GENERIC_METRICS]
    return tuple(dict.fromkeys(specific + wider + generic))


def _refine_result(metrics: tuple[str, ...], lowered: str, catalogue: Catalogue) -> tuple[str, ...]:
    """"行政诉讼中被依法纠错的" asks for lawsuits_corrected, "how many of them were upheld" after a
    lawsuit question for lawsuits_upheld: the first metric, if a count with results, becomes the
    result a cue names."""
    if not metrics:
        return metrics
    base = _RESULT_BASE.get(metrics[0], metrics[0])
    if base not in RESULT_METRICS:
        return metrics
    kind = next((kind for kind, pattern in _RESULT_PATTERNS if pattern.search(lowered)), None)
    refined = RESULT_METRICS[base].format(kind) if kind else None
    if refined is None or refined not in catalogue or refined == metrics[0]:
        return metrics
    return (refined, *(m for m in metrics if m != refined))


def _ancestors(catalogue: Catalogue, metric_id: str) -> list[str]:
    out: list[str] = []
    parent = catalogue.metrics[metric_id].parent if metric_id in catalogue else None
    while parent is not None and parent not in out:
        out.append(parent)
        parent = catalogue.metrics[parent].parent if parent in catalogue else None
    return out


def _topic_terms(lowered: str, *, zh: bool = False) -> tuple[str, ...]:
    terms: list[str] = []
    for pattern, words in _ZH_TOPIC_PATTERNS if zh else _TOPIC_PATTERNS:
        if pattern.search(lowered):
            terms += words
    return tuple(dict.fromkeys(terms))


def unknown_place(masked: str, stored_words: frozenset[str] = frozenset()) -> str | None:
    """A place name left after stored bodies were blanked out: a body we do not have.

    Chinese names end in their level (朝阳区); English ones are capitalised words followed by
    one ("Qingyun Town", "Miyun District"), not a question word ("Which Town").
    """
    for match in _PLACE_RE.finditer(masked):
        name = match.group(0).lstrip(_CONNECTIVES)
        if len(name) > 2 and not name.startswith(_NOT_A_PLACE_START):
            return name
    for match in _EN_PLACE_RE.finditer(masked):
        words = re.split(r"[ -]", match.group(1))
        while words and words[0].lower() in _NOT_AN_EN_PLACE:
            words = words[1:]
        if words:
            return " ".join(words) + " " + match.group(2)
    vocabulary = _department_words()
    for match in _EN_DEPARTMENT_RE.finditer(masked):
        name, inner = match.group(1), match.group(2).split()[:-1]
        # "the Education Bureau" names a kind of department, not a place; the words between the
        # name and the ending must be department words ("housing", "development"), not a sentence
        if name.lower() not in _NOT_AN_EN_PLACE | vocabulary | _EN_LEVEL_WORDS | stored_words and all(w.lower() in vocabulary for w in inner):
            return f"{name} {match.group(2)}"
    return None


@functools.cache
def _department_words() -> frozenset[str]:
    """Every word of the English department names in ``assistant/data/departments.yaml``."""
    from assistant.ingest.metadata import departments

    return frozenset(word.lower() for entry in departments() for name in entry["en"] for word in re.split(r"[\s\-]+", name))
