"""Figures no catalogue metric names, found by the words of their label.

Reports state many of their figures in sentences the catalogue has no metric for: 按类别分：工作动态
36条、计划总结7条; 通过"悦读嵩明"平台发布59条; 接待咨询68人次. Ingest stores each as a prose fact
whose label is the clause before its number. A question asking such a figure is matched to the
label that shares most of its words, weighted by how rare each word is among all stored labels
(公开 and 信息 say little; 工作动态 says which figure). Both sides must be covered: the label's words
by the question and the question's words by the label, so a question about 新闻发布会 is never
answered with the figure of 工作会议. The unit the question asks (几次, 多少人次, how many items)
must be the figure's; a cumulative figure (累计, 历年) answers only a question that asks one.

English questions are matched through ``assistant/data/figure_words.yaml`` (website -> 网站).
"""

from __future__ import annotations

import difflib
import functools
import math
import re
from collections import Counter

from assistant.answering import phrases
from assistant.answering.context import Context, Figure, Question
from assistant.answering.phrases import fill
from assistant.answering.pinyin_words import CJK_QUOTED_RE, written_in_characters
from assistant.answering.running_totals import asks_cumulative, is_cumulative, runs_on  # noqa: F401 (used by figures, counted, compound)
from assistant.answering.vocabulary import vocabulary
from assistant.ingest.numbers import format_value
from assistant.ingest.prose import is_change
from assistant.records import ANSWERED, Answer
from assistant.understanding import places
from assistant.understanding.clauses import after_scope, first_ask
from assistant.understanding.cues import load_figure_words

# How much of the label, and of the question's words, a match must cover.
LABEL_COVERED = _LABEL_COVERED = 0.4
ASK_COVERED = _ASK_COVERED = 0.6
_CJK_RUN_RE = re.compile(r"[\u4e00-\u9fff]+")
_YEAR_RE = re.compile(r"(?:19|20)\d{2}\s*年度?|\b(?:19|20)\d{2}\b")
# pairs that only make a question a question (多少, 是否 …, and the joins 少条 of 多少条)
_QUESTION_PAIRS = frozenset("多少 少条 少件 少次 少人 少个 少项 少篇 是否 什么 哪些 如何 怎么 怎样 一共 总共 分别 各有 有多 人次 万元".split())  # and units: the unit asked is checked apart
_TRAILING_VERB_RE = re.compile(r"(?:共计|合计|总计|共|为|达到?|是|有)$")
# the clause a share adds to the count it is of (统计信息类共，占总数的): it says the unit, not the subject
_SHARE_CLAUSE_RE = re.compile(r"[，,]\s*(?:约|分别)?占(?:总数|全部|总量|全年|总体|比例|比重)?的?(?:比例|比重)?(?:为|达)?$")
# the unit a question asks for, and the units a figure may be stated in for it
_ASKED_UNITS = tuple(
    (re.compile(zh + r"|(?<![a-z])(?:" + en + r")(?![a-z])"), units)
    for zh, en, units in (
        (r"比例|占比|比重|百分之|百分比|[^，,。？?]率", r"share|percentage|proportion|per ?cent|rate", ("%", "％")),
        (r"人次", r"person-times?|attendances", ("人次", "人")),
        (r"万元|元", r"yuan|amount|how much", ("万元", "元")),
        (r"多少次|几次|次数|多少场|几场|多少期|几期", r"times|sessions|meetings|conferences|occasions|issues|editions", ("次", "场", "期")),
        (r"多少篇|几篇", r"articles|posts", ("篇", "条")),
        # requests are counted in 宗 (Guangdong) and 起 as well as 件
        (r"多少件|几件|多少宗|几宗|多少起|几起", r"requests|applications|cases|suggestions|proposals|complaints|lawsuits|documents", ("件", "份", "个", "条", "宗", "起")),
        (r"多少条|几条", r"items|pieces", ("条", "篇", "件", "项")),
        (r"多少人|几人|几名|多少名", r"staff|people|persons|volunteers", ("人", "名", "人次")),
        # a report's parts: 等6个部分, 共6项
        (r"(?:多少|几)个?部分", r"parts|sections", ("个", "项")),
        (r"多少个|几个", r"how many (?:columns|platforms|accounts|villages)", ("个",)),
        # 收到依申请公开16项: a report may count its requests and items in 项 as others do in 件 or 条
        (r"多少项|几项", r"(?!)", ("项", "件", "条")),
    )
)


# a count asked with no unit of its own ("how many were settled on time", 有几个)
_COUNT_ASKED_RE = re.compile(r"how many|多少[件条个项次人篇家名]|几[件条个项次人篇家名]")

_PERSON_TIMES = next(units for _, units in _ASKED_UNITS if "人次" in units)


def unit_contradicts(q: Question, units: list[str | None]) -> bool:
    """The question asks a unit (多少次, how many times, 多少人) that none of ``units`` is: the
    figures count something else. A bare "how much" asks no unit."""
    if q.column:
        return False  # "natural persons" names an applicant column, not a unit
    asked = unit_asked(first_ask(q.text.lower()).replace("how much", ""))
    return bool(asked) and all(unit is not None and unit not in asked for unit in units)


def sessions_for_person_times(q: Question, unit: str | None) -> bool:
    """A count of sessions (培训2次) where person-times are asked (参训多少人次, how many
    person-times): training reports state both, and the one is never the other."""
    return unit in ("次", "场", "期") and unit_asked(first_ask(q.text.lower())) == _PERSON_TIMES


def clause_before(sentence: str, position: int) -> str:
    """The clause of ``sentence`` that ends at ``position`` (a figure's label)."""
    return re.split(r"[，,；;：:。]", sentence[:position])[-1]


def answer(ctx: Context, q: Question, body: str, year: int) -> Answer | None:
    """The labelled figure the question asks first, worded and cited; None when no label matches."""
    found = figure(ctx, q, body, year)
    if found is None:
        return None
    return worded(ctx, q, body, year, found)


def worded(ctx: Context, q: Question, body: str, year: int, found: Figure) -> Answer:
    """A labelled figure as an answer: its label, value and unit, cited."""
    label = _TRAILING_VERB_RE.sub("", found.label)
    if label not in found.citation.quote and "，" in label:
        label = label.split("，")[-1]  # 政府文件，其中新增: the report's words are the clause's own
    text = fill(q, phrases.LABELLED_FIGURE, org=ctx.org(q, body), year=year, label=label, value=format_value(found.value), unit=found.unit or "")
    return Answer(q.text, ANSWERED, text, found.value, found.unit, (found.citation,))


def figure(ctx: Context, q: Question, body: str, year: int) -> Figure | None:
    """The figure of ``body``'s ``year`` report whose label best matches what the question asks
    first (共发布多少条？其中政策法规类多少条？ asks 共发布 first); None when no label matches well
    enough."""
    found = ranked(ctx, q, body, year)
    return ctx.figure(found[0]) if found else None


def ranked(ctx: Context, q: Question, body: str, year: int) -> list[dict]:
    """The prose facts of ``body``'s ``year`` report whose label matches what the question asks
    first well enough, best first."""
    return [row for row, (label, ask) in coverages(ctx, q, body, year) if label >= _LABEL_COVERED and ask >= _ASK_COVERED]


def coverages(ctx: Context, q: Question, body: str, year: int) -> list[tuple[dict, tuple[float, float]]]:
    """Each prose fact of the report that may answer the question (its unit and cumulative kind
    fit), with how much of its label the question covers and how much of the question it covers;
    best match first."""
    text = _after_scope(first_ask(written_in_characters(ctx, q.text, body, year).lower()))
    raw_ask = "".join(_CJK_RUN_RE.findall(text))
    weights = _weights(ctx)
    entry = ctx.directory.entry(body)
    # the body's names and region in a label (通过"善治岑湾"发布, 在利辛县政务公开网) are no words of
    # the figure, in the label or in the question
    own_name = frozenset().union(*(char_pairs(n) for n in (entry.body, entry.short_name or "", *entry.aliases))) if entry else frozenset()
    # a name the question quotes keeps its words but the body's own (“宜良卫健” of 宜良县卫生健康局:
    # 卫健); any other asked word that holds the body's name says nothing of the figure
    quoted = {char_pairs(m.group(1)) for m in CJK_QUOTED_RE.finditer(text)}
    concepts = [
        c
        for c in (
            tuple(alt - own_name for alt in concept if alt - own_name) if any(alt in quoted for alt in concept)
            else (() if any(alt & own_name for alt in concept) else concept)
            for concept in _ask_concepts(ctx, q, text)
        )
        if c and _weight_of(c, weights)
    ]
    if not concepts:
        return []
    asked_pairs = frozenset().union(*(alt for concept in concepts for alt in concept))
    asked = unit_asked(text.lower())
    cumulative = bool(asks_cumulative(text))
    change = bool(vocabulary().asks_change.search(text.lower()))
    scored: list[tuple[float, int, dict, tuple[float, float]]] = []
    asked_metric = q.metrics[0] if q.metrics else None
    for row in ctx.store.query_facts(body=body, year=year):
        if row["kind"] != "prose" or row["value"] is None:
            continue
        if asked_metric and asked_metric in ctx.catalogue.channels_listed(row["row_path"], row["unit"]):
            continue  # 通过网站、融媒、微信公众号公开60条: every channel together, never the one asked
        if asked_metric and one_of_several(ctx, asked_metric, row["row_path"], row["unit"]):
            continue  # 通过报刊、微信公众号等媒体公开信息344条: what a list closed by 等 names together
        if asked and row["unit"] not in asked:
            continue
        if not asked and row["unit"] in ("%", "％") and _COUNT_ASKED_RE.search(text):
            continue  # "how many were settled on time" asks a count: 按期办结率100% is none
        label = _TRAILING_VERB_RE.sub("", _SHARE_CLAUSE_RE.sub("", row["row_path"]))  # 累计点击量达到: the verb says nothing of what
        # 包括政务信息12条: 包括 joins the part to its whole, it names nothing (其中, in most reports'
        # labels, weighs little by itself)
        joined = _JOINED_PART_RE.match(label)
        label = label[joined.end() :] if joined else label
        if is_cumulative(label, ctx.text(row["source"])[row["start"] : row["value_start"] or row["start"]]) != cumulative:
            continue  # a running total never answers the year's figure, nor the other way round
        if is_change(label) != change:
            continue  # 较上年增加56条 answers how much it changed, never how many there were
        source = ctx.text(row["source"])
        # the sentence's words before the figure govern it too (通过各类渠道公开政府信息…，其中…政府公报13项:
        # 政府公报 is a channel of 公开): they count for what the question asks, not for the label
        lead = source[_lead_start(source, row["start"]) : row["value_start"]] if row.get("value_start") else ""
        # what the count counts, written after its unit (配备2名专职人员, 开设25个子栏目): the label's
        # last words
        tail = _tail(source[row["value_end"] : row["end"]]) if row.get("value_end") else ""
        pairs = [p for p in _label_pairs(ctx, label, asked_pairs) + _label_pairs(ctx, tail, asked_pairs) if p not in own_name]
        # a word the question asks may be written inside a longer word of the label (水情 in 雨水情):
        # for what the question asks, every pair the label writes counts
        written = frozenset(_label_pairs(ctx, lead)) | char_pairs(label) | char_pairs(tail)
        covered_label, covered_ask = _coverage(pairs, concepts, weights, written - own_name)
        score = 2 * covered_label * covered_ask / (covered_label + covered_ask) if covered_label + covered_ask else 0.0
        # equal coverage: the label written most like the question (省政府办公厅文件多少件 asks
        # 省政府办公厅文件47件, not 省政府文件18件, though the body's own words count in neither)
        scored.append((score, _written_alike(raw_ask, row["row_path"]), -row["start"], row, (covered_label, covered_ask)))
    scored.sort(key=lambda item: item[:3], reverse=True)
    return [(row, covered) for *_, row, covered in scored]


# Several things listed and closed by 等, and the words for them all after it (报刊、微信公众号等|媒体)
_FIRST_ITEM_CHARS = 6
_LISTED_TOGETHER_RE = re.compile(r"(?P<items>[^，,；;。]*[、和及与][^，,；;。、]{1,12})等(?P<whole>[^，,；;。、0-9０-９]*)")


def one_of_several(ctx: Context, metric: str, label: str, unit: str | None) -> bool:
    """Whether a figure's label lists several things closed by 等, among them the channel
    ``metric`` counts, while the words for them all name another figure (通过报刊、微信公众号等媒体):
    the figure counts them together, never the one channel asked. (通过微信、微博、抖音等政务新媒体
    is the new-media figure itself; 发布工作动态、社区活动等信息 lists what was published, no channel.)"""
    listed = _LISTED_TOGETHER_RE.search(label) if ctx.catalogue.is_channel(metric) else None
    if not listed:
        return False
    # the list names the channel asked (报刊、微信公众号等), its whole another figure (媒体); the first
    # item is the words right before its separator (…新媒体发布|街道工作动态、社区活动等信息 lists no channel)
    first, *rest = re.split(r"[、和及与]", listed["items"])
    items = [first[-_FIRST_ITEM_CHARS:], *rest]
    return any(ctx.catalogue.match_prose(item, unit) == metric for item in items) and ctx.catalogue.match_prose(listed["whole"], unit) != metric
_OF_WHICH_RE = re.compile(r"\s*(?:其中|包括|具体为|分别为|按类别分)")
_JOINED_PART_RE = re.compile(r"\s*(?:包括|具体为|分别为|按类别分)")
_SENTENCE_END_RE = re.compile(r"[。；;\n]")


def _after_scope(text: str) -> str:
    """An ask without the clause that sets its scope (…的信息中，; "of the items X disclosed in 2022,
    how many were …"), when words are left."""
    return after_scope(text) or text


def quoted_in_question(ctx: Context, q: Question, body: str, year: int) -> str:
    """The question's first ask with the names it quotes in pinyin written as the report quotes them."""
    return first_ask(written_in_characters(ctx, q.text, body, year).lower())


def _written_alike(asked: str, label: str) -> int:
    """How many characters of the label the question writes in one run (the longest)."""
    label = "".join(_CJK_RUN_RE.findall(label))
    if not asked or not label:
        return 0
    match = difflib.SequenceMatcher(None, asked, label, autojunk=False).find_longest_match(0, len(asked), 0, len(label))
    return match.size


def _lead_start(text: str, start: int) -> int:
    """Where the words governing a sentence's figures start: the sentence itself, or the one
    before when it opens with 其中 (…公布政府信息共304条。其中工作动态31条…)."""
    if not _OF_WHICH_RE.match(text, start):
        return start
    before = [m.end() for m in _SENTENCE_END_RE.finditer(text, max(0, start - 200), max(0, start - 1))]
    return before[-1] if before else max(0, start - 200)


_TAIL_RE = re.compile(r"[\u4e00-\u9fff]{2,12}")
_TAIL_STOP_RE = re.compile(r"[，,；;。：:、（(\d\s]")


_TAIL_CHARS = 14


def _tail(after: str) -> str:
    """The words right after a figure's unit, up to the clause's end or the next number."""
    after = after[:_TAIL_CHARS]
    stop = _TAIL_STOP_RE.search(after)
    words = _TAIL_RE.match(after[: stop.start()] if stop else after)
    return words.group(0) if words else ""


# A label's words nearest its number say most (…累计点击量达到|122279): each pair further back
# counts this much less than the one after it.
_DECAY = 0.8


def _coverage(
    label: list[str], concepts: list[tuple[frozenset[str], ...]], weights: dict[str, float], lead: frozenset[str] = frozenset()
) -> tuple[float, float]:
    """How much of the label the question's words cover (its last words most), and how much of
    what the question asks the label and the words leading to it cover (each asked word by its
    best-covered alternative)."""
    asked_pairs = frozenset().union(*(alt for concept in concepts for alt in concept))
    total = matched = 0.0
    for distance, pair in enumerate(reversed(label)):
        weight = weights.get(pair, 0.0) * _DECAY**distance
        total += weight
        matched += weight if pair in asked_pairs else 0.0
    own = frozenset(label) | lead
    asked_total = asked_matched = 0.0
    for concept in concepts:
        weight = _weight_of(concept, weights)
        asked_total += weight
        asked_matched += weight * max(
            (sum(weights.get(p, 0.0) for p in alt & own) / (sum(weights.get(p, 0.0) for p in alt) or 1.0) for alt in concept), default=0.0
        )
    return (matched / total if total else 0.0), (asked_matched / asked_total if asked_total else 0.0)


def _weight_of(concept: tuple[frozenset[str], ...], weights: dict[str, float]) -> float:
    """What an asked word weighs: its rarest pair, among its alternatives the heaviest."""
    return max((weights.get(p, 0.0) for alt in concept for p in alt), default=0.0)


def _ask_concepts(ctx: Context, q: Question, text: str) -> list[tuple[frozenset[str], ...]]:
    """What ``text`` asks, word by word, without body names, regions and years: each word as
    its alternatives' character pairs. An English question's words become the Chinese words
    reports use for them (website: 网站 or 门户网站)."""
    masked = without_names(ctx, text)
    if q.lang == "zh":
        words = [w for w in ctx.store.tokenizer.tokenize(masked) if _CJK_RUN_RE.fullmatch(w)]
        return [(pairs,) for pairs in (char_pairs(w, stop=_QUESTION_PAIRS) for w in words) if pairs]
    lowered = f" {masked.lower()} "
    concepts = [
        tuple(char_pairs(zh) for zh in chinese)
        for english, chinese in load_figure_words()
        # "government-affairs items" writes the words of "government affairs" joined by a hyphen
        if any(_english_word_re(word).search(lowered) for word in english)
    ]
    # the report's own words quoted in an English question ("disclosed on site (现场公开)")
    written = [w for w in ctx.store.tokenizer.tokenize(masked) if _CJK_RUN_RE.fullmatch(w)]
    return concepts + [(pairs,) for pairs in (char_pairs(w, stop=_QUESTION_PAIRS) for w in written) if pairs]


def without_names(ctx: Context, text: str) -> str:
    """``text`` with its body names, regions and years blanked: the words left say what is asked."""
    mentions = ctx.directory.find(text)
    masked = places.mask(text, [(start, end) for _, start, end in mentions])
    masked = places.mask_regions(masked, [b for b, _, _ in mentions], ctx.directory, mentions)
    return _YEAR_RE.sub(" ", masked)


@functools.cache
def _english_word_re(word: str) -> re.Pattern[str]:
    """A figure word on word boundaries, its spaces also written as hyphens (government-affairs)."""
    return re.compile(r"(?<![a-z])" + r"[\s-]+".join(re.escape(part) for part in word.split()) + r"(?![a-z])")


def _label_pairs(ctx: Context, label: str, asked: frozenset[str] = frozenset()) -> list[str]:
    """A label's character pairs in order, each inside one of its words or asked by the question
    (向各街镇提出 cuts as 各街|镇, yet writes the 街镇 an English question's subdistricts and towns
    asks)."""
    pairs = [w[i : i + 2] for w in ctx.store.tokenizer.tokenize(label) if _CJK_RUN_RE.fullmatch(w) for i in range(len(w) - 1)]
    if asked:
        inside = frozenset(pairs)
        pairs = [run[i : i + 2] for run in _CJK_RUN_RE.findall(label) for i in range(len(run) - 1) if run[i : i + 2] in inside or run[i : i + 2] in asked]
    # a word and its pieces (微信公众号, 微信, 公众) give a pair twice: each counts once, where it is last
    return list(reversed(list(dict.fromkeys(reversed(pairs)))))


def char_pairs(text: str, stop: frozenset[str] = frozenset()) -> frozenset[str]:
    """Every pair of adjacent Chinese characters (a word of two, or the join of two words)."""
    return frozenset(
        run[i : i + 2] for run in _CJK_RUN_RE.findall(text) for i in range(len(run) - 1) if run[i : i + 2] not in stop
    )


def unit_asked(lowered: str) -> tuple[str, ...] | None:
    for pattern, units in _ASKED_UNITS:
        if pattern.search(lowered):
            return units
    return None


def _weights(ctx: Context) -> dict[str, float]:
    """Each character pair's weight: how rare it is among the labels of all stored prose
    figures (a pair no label holds weighs nothing: it cannot tell two labels apart)."""

    def make() -> dict[str, float]:
        # plain character pairs, no word cutting: a store of thousands of reports is counted in
        # well under a second (a pair across two words only ever weighs less)
        # a label and the words after its figure (开设|18个|子栏目): both say what the figure counts
        labels = [char_pairs(label) | char_pairs(_tail(after)) for label, after in ctx.store.prose_labels(after=_TAIL_CHARS)]
        counts = Counter(pair for pairs in labels for pair in pairs)
        total = len(labels) or 1
        return {pair: math.log(1 + total / count) for pair, count in counts.items()}

    return ctx.memo("label_weights", make)

