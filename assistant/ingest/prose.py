"""Figures stated in sentences: 2017年我镇主动公开政府政务信息共121条.

Each number that carries a counting unit (also in Chinese numerals: 培训三次) becomes a fact
whose evidence span is its sentence and whose label is the phrase of its clause before the
number. Article numbers (第15条), dates, percentages, phone numbers, deadlines (15个工作日), plans
or targets (计划…不少于4次) and changes against another year (较去年增加135条) are not figures.
Zeros stated in words (未发生行政复议和行政诉讼案件) become one 0 per subject.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.ingest.numbers import parse_cell
from assistant.ingest.respectively import respective_labels
from assistant.numerals import chinese_number
from assistant.records import Fact, Span

# A sentence ends at its punctuation or a line end, except where a printed page broke a line
# inside a figure (…较2018年增长\n14.75%。, 办结32件，1\n件结转2020年。).
_SENTENCE_RE = re.compile(
    r"(?:[^。！？；;!?\n]|(?<=[0-9０-９])\n(?=[件条次人个项名篇份期场%％])|\n(?=[0-9０-９.]+\s*[件条次人个项名篇份期场%％]))+[。！？；;!?]?"
)
_CLAUSE_BREAK = "，,、：:（）()“”\"《》 \t\n\u3000\u00a0"
# 余/多 after a number (180余人次, 3000多份) mark a rounded count: the number is kept. A 个 that
# counts days or months (15个工作日, 6个月) is a deadline, not a figure.
_FIGURE_RE = re.compile(
    r"(?P<num>[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:\.[0-9]+)?)\s*(?P<wan>万)?\s*(?:余|多)?\s*"
    r"(?P<unit>人次|万元|件|条|次|人|个(?!工作日|月|小时|百分点)|篇|项|期|场|份|家|名|元|起|宗|处(?![理置罚分长室级])|[%％])"
)
# Small counts written in Chinese numerals (培训三次, 申请十二件), for units that rarely end a
# word: 个, 条, 项 and 人 do (两个责任, 一条龙, 三项制度). The characters before the numeral must not
# make it part of a word (统一, 之一, 第三, 每一, 同一件事), and 一次性 is not a count. 个 counts
# only a report's parts (等六个部分组成).
_CN_FIGURE_RE = re.compile(
    r"(?<![统唯之万专同第逐进单合划每这那哪某任几若再又一二两三四五六七八九十百千零〇])"
    r"(?P<num>[一二两三四五六七八九十百千零〇]+)\s*(?:余|多)?\s*"
    r"(?P<unit>人次|件|次(?!性)|篇|期|场|起|宗|名|条|人(?![民员])|个(?=\s*部分))"
)
# A volume of use written without its unit (总点击量达到66万, 网站访问量约120万): a count of times.
_VOLUME_RE = re.compile(
    r"(?:点击|访问|浏览|阅读|播放|下载)(?:量|总量)\s*(?:达到|达|超过|逾|约|为|近|突破|共)?\s*"
    r"(?P<num>[0-9０-９]+(?:\.[0-9]+)?)\s*(?P<wan>万)?(?:余|多)?(?![0-9０-９.万]|\s*(?:余|多)?\s*(?:人次|件|条|次|人|个|篇|项|期|场|份|家|名|元|起|宗|[%％]))"
)
# 一条主线, 一人一档: a bare 一 before these units is a phrase, not a count
_CN_PHRASE_UNITS = ("条", "人")
# Things that look like figures but are not: 第15条, 第9至12条, 《条例》第33条.
_ARTICLE_BEFORE_RE = re.compile(r"(?:第|至|第[0-9０-９]+至|-|~|～)\s*$")
# A counting rule in a template label's brackets: （不同渠道和方式公开相同信息计1条）, not 共计 / 合计.
_COUNTING_RULE_BEFORE_RE = re.compile(r"(?<![共合总累])计\s*$")
_CLOSING_BRACKET_RE = re.compile(r"\s*[）)]")
# A figure its clause marks as a plan, target or lower bound (计划开展专题培训不少于4次) is not a
# count of the year: recording it would contradict the real figure.
# 计划 names a category too (计划总结36条, 规划计划类, 计划生育, 规范计划5条): only 计划 as a verb
# marks a plan, and a verb is never followed by its figure.
_NOT_A_COUNT_RE = re.compile(r"(?<!规划)计划(?!总结|类|生育|[、，,和与及0-9０-９\s]|$)|拟|力争|争取|预计|目标|不少于|不低于|至少|下一年|明年")
# 结转下一年度2件 is this year's count of requests carried over, not a plan for next year.
_CARRIED_OVER_RE = re.compile(r"结转|转入")
# A clause that names nothing before its number (另有2件结转…, 1件结转…): the carry-over follows it.
_CONNECTIVE_RE = re.compile(r"(?:另有|还有|尚有|其中|剩余|余下|共|合计)?")
# A change against another year (较去年增加135条, 比2015年减少3件), a frequency (每季度召开1次)
# or a running total since some year (2008年以来累计) is not the count of the report's year either.
# A figure that states a change from an earlier year (较2018年增长14.75%, 同比减少3件, 主动公开信息增加56条):
# kept for questions asking the change, never a count of the year.
_CHANGE_RE = re.compile(
    r"(?:同比|环比|相比|[较比](?:上一?年|去年|前年|(?:19|20)\d{2}\s*年)(?:度|同期)?)[^，,；;。]{0,12}?"
    r"(?:增加|减少|增长|下降|上升|提高|降低|多|少)了?$|(?:增加|减少|增长|下降|上升|提高|降低)了?$"
)


def is_change(label: str) -> bool:
    """Whether a figure's label states a change from an earlier year, not the year's own figure."""
    return bool(_CHANGE_RE.search(label))


_NOT_THIS_YEAR_RE = re.compile(
    r"同比|环比|上年同期|相比|[较比](?:上一?年|去年|前年|(?:19|20)\d{2}\s*年)|以来"
    r"|每(?:年|半年|季度?|月|旬|周|天|日)(?![^，,；;。]*等)"  # a name in a list closed by 等 (每日头条等媒体) is no frequency
    r"|(?:增加|减少|增长|下降|上升|提高|降低)了?$"  # 主动公开信息增加56条
    r"|(?:上一?年度?|去年|前年)(?:为|是|共|同期)|(?:19|20)\d{2}\s*年度?(?:为|是)$"  # （上年为8件）
)
# A clause that only sets the topic of the next one: 在重点领域方面， / 在依申请公开工作中，
_TOPIC_CLAUSE_RE = re.compile(r"(?:^|[，,；;：:。])(?P<topic>[^，,；;：:。0-9０-９]{2,20}(?:方面|工作中))[，,]\s*$")
_HEADING_RE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十]+\s*[）)]|第[一二三四五六七八九十]+[章部分节])"
)
# Sentences that say every request was settled on time, without a number.
_ALL_ON_TIME_RE = re.compile(r"(?:所有|全部|均)[^。；]{0,12}(?:按时|按期|在法定期限内|在规定时限内|按规定时限)[^。；]{0,8}(?:办结|答复|办理)")
_ALL_ON_TIME_SUBJECT_RE = re.compile(r"(?:所有|全部)[^。；]{0,6}申请")


# "未发生…行政诉讼案": a zero stated in words, for each subject named after the negation, or
# before a 均未/也无/均为0 that closes the clause (行政复议、行政诉讼均未发生). One clause may name
# several subjects (未发生行政复议和行政诉讼案件): each gets its own zero.
_NONE_HAPPENED_RE = re.compile(
    r"未发生|没有发生|未收到|没有收到|未接到|没有接到|未受理|未出现|不存在|未产生|(?:未|没有|不)(?:向[^，,；;。]{0,8})?收取|免收|无(?!法|论|偿|需|关)"
)
_NONE_AFTER_RE = re.compile(r"(?:均|都|皆|也|亦)(?:未发生|没有发生|未收到|没有|未|无)|(?:(?:均|都|皆|各)?(?:为|是)|各)\s*(?:零|[0０](?![0-9０-９.]))")
_CONNECTOR = r"(?:和|及|以及|与|或者?|、|/)"
_NONE_SUBJECTS = (
    (re.compile(r"行政复议"), "件"),
    (re.compile(r"行政诉讼"), "件"),
    (re.compile(r"收费|收取[^，,；;。]{0,12}?费用?"), "万元"),
    (re.compile(rf"(?:举报|投诉|申诉)(?:{_CONNECTOR}?(?:举报|投诉|申诉))*"), "件"),
    # requests only where the clause ends on them (未收到政府信息公开申请, 无依申请公开事项):
    # 未发生因政府信息公开申请引起的行政复议 is about reconsideration, not requests
    (re.compile(r"(?:收到|接到|受理|发生|无)[^，,；;。]{0,24}(?:申请|依申请公开)(?:事项|件|的情况|情况)?$"), "件"),
)
# Asides in brackets (包括信访、举报) name no subject of the clause.
_ASIDE_RE = re.compile(r"[（(][^（()）]*[）)]")


def parse_prose_facts(text: str, exclude: Sequence[Span] = ()) -> tuple[Fact, ...]:
    """Every counted figure in the text outside the ``exclude`` spans (the tables), and the
    zeros stated in words (未发生行政诉讼案)."""
    facts: list[Fact] = []
    headings = _headings(text)
    for match in _SENTENCE_RE.finditer(text):
        start, end = _trim(text, match.start(), match.end())
        if start >= end or _inside(start, end, exclude):
            continue
        sentence = text[start:end]
        if _HEADING_RE.match(sentence) and len(sentence) < 40 and not sentence.endswith("。"):
            continue
        section = _section_at(headings, start)
        zeros = _stated_zeros(text, start, end, section)
        figures = _figures(sentence)
        respective = respective_labels(sentence, [(f[0], f[1]) for f in figures])
        for figure_start, figure_end, value, unit in figures:
            if _ARTICLE_BEFORE_RE.search(sentence[:figure_start]):
                continue
            if _inside(start + figure_start, start + figure_end, exclude):
                continue  # a table row read as a sentence from its leading pipe (| …计1条） | 条 | 87 |)
            if _COUNTING_RULE_BEFORE_RE.search(sentence[:figure_start]) and _CLOSING_BRACKET_RE.match(sentence, figure_end):
                continue  # （不同渠道和方式公开相同信息计1条）: the template's counting rule, no figure
            if value == 0 and _inside(start + figure_start, start + figure_end, [z.value_span for z in zeros]):
                continue  # 行政复议和行政诉讼均为0件: already a zero per subject
            phrase = respective.get(figure_start) or _phrase_before(sentence, figure_start)
            after = _phrase_after(sentence, figure_end)
            if _CONNECTIVE_RE.fullmatch(phrase) and _CARRIED_OVER_RE.match(after):
                phrase = after  # 另有2件结转至2019年继续办理
            people = _PEOPLE_AFTER_RE.match(sentence, figure_end) if unit in ("名", "人") else None
            if people:
                # 由办公室1名专职人员和2名兼职人员承担, 配备了2名专职人员: who is counted is written after
                # the unit; words before a figure that name the one before it are not this one's
                phrase = ("" if _EARLIER_PEOPLE_RE.search(phrase) else phrase) + people.group(1)
            if not phrase or (_NOT_THIS_YEAR_RE.search(phrase) and not is_change(phrase)):
                continue  # a change (较2018年增长14.75%) is kept, marked by its words; other years' figures are not
            if _NOT_A_COUNT_RE.search(phrase) and not _CARRIED_OVER_RE.search(phrase):
                continue
            facts.append(
                Fact(
                    kind="prose",
                    table=section,
                    row_path=(phrase,),
                    column=None,
                    value=value,
                    unit=unit,
                    raw=sentence[figure_start:figure_end],
                    span=Span(start, end),
                    value_span=Span(start + figure_start, start + figure_end),
                )
            )
        facts += zeros
    return tuple(facts)


def _figures(sentence: str) -> list[tuple[int, int, float, str]]:
    """(start, end, value, unit) of each counted number, in Arabic or Chinese numerals."""
    found = []
    for figure in _FIGURE_RE.finditer(sentence):
        unit = figure["unit"]
        if figure["wan"] and unit == "元":  # 2.5万元 is 2.5 in 万元, not 25000
            parsed, unit = parse_cell(figure["num"]), "万元"
        else:
            parsed = parse_cell(figure["num"] + (figure["wan"] or ""))
        if parsed is not None and parsed.value is not None:
            found.append((figure.start(), figure.end(), parsed.value, "%" if unit == "％" else unit))
    for figure in _VOLUME_RE.finditer(sentence):
        parsed = parse_cell(figure["num"] + (figure["wan"] or ""))
        if parsed is not None and parsed.value is not None:
            found.append((figure.start("num"), figure.end(), parsed.value, "次"))
    for figure in _CN_FIGURE_RE.finditer(sentence):
        if figure["num"] == "一" and figure["unit"] in _CN_PHRASE_UNITS:
            continue
        found.append((figure.start(), figure.end(), float(chinese_number(figure["num"])), figure["unit"]))
    return sorted(found)


def _stated_zeros(text: str, start: int, end: int, section: str) -> list[Fact]:
    """Clauses such as 未发生针对本部门…的行政诉讼案 become a 0 with the clause as its raw text."""
    found = []
    position = start
    for clause in re.split(r"([，,；;。])", text[start:end]):
        clause_start, position = position, position + len(clause)
        if len(clause) < 4:
            continue
        main = _ASIDE_RE.sub(lambda m: "　" * len(m.group()), clause)
        after, negation = _NONE_AFTER_RE.search(main), _NONE_HAPPENED_RE.search(main)
        figures = _figures(main)
        if figures and not (after and all(value == 0 for _, _, value, _ in figures)):
            continue  # a clause with real figures is read by the figures
        subjects = []
        for pattern, unit in _NONE_SUBJECTS:
            named = pattern.search(main)
            if named and ((after and named.end() <= after.start()) or (negation and named.start() > negation.start())):
                subjects.append((pattern, unit))
        raw = clause.strip(_CLAUSE_BREAK)
        raw_start = clause_start + clause.find(raw)
        for pattern, unit in subjects:
            label = _ASIDE_RE.sub("", _FIGURE_RE.sub("", clause)).strip(_CLAUSE_BREAK)  # 收费为0元 -> 收费为
            label = _without(label, [other for other, _ in subjects if other is not pattern])
            found.append(
                Fact(
                    kind="prose",
                    table=section,
                    row_path=(label,),
                    column=None,
                    value=0.0,
                    unit=unit,
                    raw=raw,
                    span=Span(start, end),
                    value_span=Span(raw_start, raw_start + len(raw)),
                )
            )
    return found


def _without(clause: str, subjects: Sequence[re.Pattern[str]]) -> str:
    """The clause about one subject only, so that its label names that subject alone:
    未发生行政复议和行政诉讼案件 -> 未发生行政复议案件 / 未发生行政诉讼案件."""
    for subject in subjects:
        named = rf"(?:申请|提起|提出)?(?:{subject.pattern})(?:案件|案)?"
        for pattern in (rf"{_CONNECTOR}[^，,、和及与或]{{0,6}}?{named}", rf"{named}{_CONNECTOR}", named):
            cut = re.sub(pattern, "", clause, count=1)
            if cut != clause:
                clause = cut
                break
    return clause


def table_regions(facts: Sequence[Fact]) -> tuple[Span, ...]:
    """One span per table: from its first row to its last, so prose search skips it."""
    bounds: dict[str, list[int]] = {}
    for fact in facts:
        low_high = bounds.setdefault(fact.table, [fact.span.start, fact.span.end])
        low_high[0] = min(low_high[0], fact.span.start)
        low_high[1] = max(low_high[1], fact.span.end)
    return tuple(Span(low, high) for low, high in bounds.values())


def find_all_on_time_claims(text: str, exclude: Sequence[Span] = ()) -> tuple[Span, ...]:
    """Sentences such as 所有申请均已按规定时限按时办结: a claim with no number in it."""
    spans = []
    for match in _SENTENCE_RE.finditer(text):
        start, end = _trim(text, match.start(), match.end())
        sentence = text[start:end]
        if _inside(start, end, exclude):
            continue
        if _ALL_ON_TIME_RE.search(sentence) and _ALL_ON_TIME_SUBJECT_RE.search(sentence):
            spans.append(Span(start, end))
    return tuple(spans)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\u3000\u00a0":
        start += 1
    while end > start and text[end - 1] in " \t\u3000\u00a0":
        end -= 1
    return start, end


def _inside(start: int, end: int, spans: Sequence[Span]) -> bool:
    return any(s.start <= start and end <= s.end for s in spans)


def _phrase_after(sentence: str, position: int) -> str:
    """The rest of the clause after a number, when it is short enough to be its label."""
    cut = position
    while cut < len(sentence) and sentence[cut] not in "，,；;：:。":
        cut += 1
    phrase = sentence[position:cut].strip(_CLAUSE_BREAK)
    return phrase if len(phrase) <= 20 else ""


# A counted figure right before a 、: the end of one item of a list (年报1条、概况信息2条).
# A clause that states a share only (占总数的, 约占, 占比为): the share of the last count before it.
# People counted with the words for them after the unit (2名兼职人员), and a label that ends on the
# people of the figure before it (1名专职人员和|2名兼职人员)
_PEOPLE_AFTER_RE = re.compile(r"\s*([\u4e00-\u9fff]{0,6}?(?:人员|员))")
_EARLIER_PEOPLE_RE = re.compile(r"[0-9０-９]\s*(?:名|人)[\u4e00-\u9fff]{0,8}(?:人员|员)[和及与、]$")
_SHARE_OF_RE = re.compile(r"^(?:约|分别|共|合计)?占")
# A clause naming only the year's additions to the count before it (已累计公开615条，其中今年新增94条;
# 政府文件180条，其中新增31条: heldout10 ninghai_yuexi_2012, old narrative reports): that count's
# label leads, without its 累计
_NEW_PART_RE = re.compile(r"^(?:其中)?(?:今年|当年|本年度?|年内|全年)?新增$")
_RUNNING_WORDS_RE = re.compile(r"(?:已|共)?累计|历年")
# A clause saying only when and that it published (全年推送, 共发布了): what it counts is named by the
# clause before it when that one names a channel (heldout9 中埠镇 2020)
_VERB_ONLY_RE = re.compile(
    r"^(?:全年|本年度?|年内|今年|当年|共计|共|累计|合计)*(?:(?:推送|发布|公开|更新|刊发|转发|转载|推出|上传)了?)+(?:各类|政务|政府)?(?:信息|消息|文章)?$"
)
_CHANNEL_WORDS_RE = re.compile(r"网站|公众号|微信|微博|客户端|抖音|头条号|公开栏|公开专栏|政务新媒体|[Aa][Pp][Pp]")
_COUNTED_CLAUSE_RE = re.compile(r"(?P<label>[^，,；;：:。、0-9０-９]*)[0-9０-９]+(?:\.[0-9]+)?\s*(?:余|多)?\s*(?:条|件|个|项|次|人次|人|名|篇|份|期|场|家|万元|元)")
_COUNTED_BEFORE_RE = re.compile(r"[0-9０-９]\s*(?:余|多)?\s*(?:条|件|个|项|次|人次|人|名|篇|份|期|场|家|万元|元)$")


def _phrase_before(sentence: str, position: int) -> str:
    """The clause before the number: 截止到2018年12月31日，发生依申请公开6件 -> 发生依申请公开.

    A clause that only names the topic (在重点领域方面，共公开信息212条) stays in front: without it
    共公开信息 would read as all proactive disclosure.
    """
    cut = position
    while cut > 0 and sentence[cut - 1] not in "，,；;：:。":
        if sentence[cut - 1] == "、" and _COUNTED_BEFORE_RE.search(sentence[: cut - 1]):
            break  # 概况信息2条、社会救助12条: each item of a list is its own label
        cut -= 1
    phrase = sentence[cut:position].strip(_CLAUSE_BREAK)
    if cut > 0 and phrase in ("共", "合计", "共计", "总计"):
        # 举办业务培训，共2次: a bare 共 counts what the clause before it names (one without a figure);
        # 网站共发布主动公开信息28大项、79小项，合计6657条: what it names before its own figures
        before = sentence[: cut - 1]
        start = max(before.rfind(mark) for mark in "，,；;：:。") + 1
        figure = re.search(r"[0-9０-９]", before[start:])
        named = before[start : start + figure.start()] if figure else before[start:]
        if len(named.strip(_CLAUSE_BREAK)) >= 4 or not figure:
            return (named.strip(_CLAUSE_BREAK) + "，" + phrase if figure else before[start:] + sentence[cut - 1 : position]).strip(_CLAUSE_BREAK)
    if _SHARE_OF_RE.match(phrase) or _NEW_PART_RE.match(phrase):
        # 统计信息类共129条，包括…，占总数的60.6%: a share is of the count stated before it
        counted = list(_COUNTED_CLAUSE_RE.finditer(sentence[:cut]))
        if counted and counted[-1]["label"].strip(_CLAUSE_BREAK):
            counted_label = counted[-1]["label"].strip(_CLAUSE_BREAK)
            if _NEW_PART_RE.match(phrase):  # the year's additions are no running total
                counted_label = _RUNNING_WORDS_RE.sub("", counted_label)
            return counted_label + "，" + phrase
    if cut > 0 and _VERB_ONLY_RE.match(phrase):
        # 通过“幸福中埠”微信公众号发布政务信息，全年推送156条: the clause before names where it was pushed
        before = sentence[: cut - 1]
        clause = before[max(before.rfind(mark) for mark in "，,；;：:。") + 1 :].strip(_CLAUSE_BREAK)
        if clause and not re.search(r"[0-9０-９]", clause) and _CHANNEL_WORDS_RE.search(clause):
            return clause + "，" + phrase
    topic = _TOPIC_CLAUSE_RE.search(sentence[:cut])
    if topic and phrase:
        phrase = topic["topic"] + "，" + phrase
    return phrase


def _headings(text: str) -> list[tuple[int, str]]:
    found = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip(" \t\u3000\u00a0")
        if stripped and len(stripped) <= 40 and _HEADING_RE.match(stripped) and not stripped.endswith("。"):
            found.append((offset, stripped))
        offset += len(line) + 1
    return found


def _section_at(headings: list[tuple[int, str]], position: int) -> str:
    """The path of headings above a position: 五、政府政务主动公开情况 › (二)政府门户网站公开情况."""
    path: list[tuple[int, str]] = []
    for offset, heading in headings:
        if offset > position:
            break
        level = 1 if heading.lstrip().startswith(("（", "(")) else 0
        path = [p for p in path if p[0] < level] + [(level, heading)]
    return " › ".join(h for _, h in path) if path else "正文"
