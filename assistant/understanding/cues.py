"""The vocabulary of questions: every cue table, and how a list of cues becomes one pattern.

A cue is a regular-expression fragment matched case-insensitively; one that starts with a Latin
letter or digit only matches at the start of a word ("rank" finds "ranking", never "frank").
Order matters wherever a table is a list: intent rules are first-match, the first breakdown
metric is the default, the most specific applicant column stands first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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


def cue_pattern(cues: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive alternation; Latin cues only match at the start of a word."""
    parts = []
    for cue in cues:
        first = cue.lstrip("^(\\")[:1]
        latin = first.isascii() and first.isalnum() and not cue.startswith("^")
        parts.append(rf"(?<![a-z0-9])(?:{cue})" if latin else f"(?:{cue})")
    return re.compile("|".join(parts) or r"(?!)", re.IGNORECASE)
