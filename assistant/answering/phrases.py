"""Answer wording in Chinese and English, apart from the logic that picks the figures.

Like ``ui/labels.py`` for the interface: every answer keeps the question's language, so each
phrase comes as a Chinese and an English form and ``say`` picks one. Templates are pairs of
``str.format`` strings filled by ``fill``; the values put into them are already formatted
(``format_value``), so no template formats a number itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.ingest.numbers import format_value

if TYPE_CHECKING:  # the question type comes through the context, the one module importing it
    from assistant.answering.context import Question

# Units as an English answer writes them; a count of requests (件) or bodies (个) needs no word.
ENGLISH_UNITS = {
    "件": "", "条": "items", "次": "times", "人": "people", "名": "people", "人次": "person-times", "个": "",
    "篇": "articles", "万元": "x 10,000 yuan", "元": "yuan",
}

# The applicant columns of the national template, in English answers.
COLUMN_EN = {
    "自然人": "natural persons", "法人或其他组织": "legal persons and other organisations", "商业企业": "businesses",
    "科研机构": "research institutions", "社会公益组织": "public-interest organisations",
    "法律服务机构": "legal service agencies", "其他": "other organisations",
}

# Contact details as a Chinese answer labels them; an English answer uses the kind itself.
CONTACT_LABELS_ZH = {"fax": "传真", "phone": "电话", "postcode": "邮编", "email": "电子邮箱", "address": "地址"}


def say(q: Question, zh: str, en: str) -> str:
    """The phrase in the question's language."""
    return zh if q.lang == "zh" else en


def fill(q: Question, template: tuple[str, str], **fields: object) -> str:
    """A (Chinese, English) template in the question's language, its ``{fields}`` filled in."""
    return say(q, *template).format(**fields)


def english_unit(unit: str) -> str:
    return ENGLISH_UNITS.get(unit, unit)


def english_amount(value: float, unit: str) -> str:
    """2.5 万元 reads "2.5 x 10,000 yuan (25000 yuan)" in English; 0 万元 is simply "0 yuan"."""
    if unit != "万元":
        return f"{format_value(value)} {english_unit(unit)}".strip()
    if value == 0:
        return "0 yuan"
    return f"{format_value(value)} x 10,000 yuan ({format_value(round(value * 10_000, 2))} yuan)"


def column_en(column: str) -> str:
    """An applicant column (自然人 …) in English; a column the table names otherwise as written."""
    return COLUMN_EN.get(column, column)


def contact_label(q: Question, kind: str) -> str:
    """"电话：" in Chinese, "phone: " in English."""
    return CONTACT_LABELS_ZH[kind] + "：" if q.lang == "zh" else kind + ": "


# -- sentences ----------------------------------------------------------------------------------
# (Chinese, English) templates for ``fill``. A field that reads differently in the two languages
# comes twice (``{items_zh}``/``{items_en}``); the caller passes both.

# not found, ambiguous
NOTHING_STORED = ("没有找到相应内容。", "Nothing stored answers this.")
NO_DATA = ("没有找到相应数据。", "No stored figure answers this.")
NO_REPORTS_YET = ("还没有导入任何报告。", "No reports are stored yet.")
NO_REPORT_OF_PLACE = ("没有找到{place}的报告。", "No stored report covers {place}.")
NO_REPORT_OF_BODY = ("没有找到该机构的报告。", "No stored report covers this body.")
NO_REPORT_OF_YEARS = ("没有{org}{asked}年的报告；已有的是{have}年的报告。", "No stored report of {org} covers {asked}; there is a report for {have_en}.")
STORED_REPORTS = ("已有报告：{listing_zh}。", " Stored reports: {listing_en}.")
WHICH_YEAR = ("{org}有多个年份的报告（{shown_zh}），请问是哪一年？", "{org} has reports for several years ({shown_en}). Which year do you mean?")
WHICH_BODY = ("请问是哪个机构？已有报告：{names_zh}。", "Which body do you mean? Stored reports: {names_en}.")

# one figure
FIGURE = ("{org}{year}年{name}为{value}{unit}{markers}。", "{org}: {name} in {year}: {amount} {markers}.")
# a cell stored unread: the row's numbers are printed without their blank cells, and no arithmetic tells which is which
UNREAD_CELL = (
    "{org}{year}年报告表中该行印作“{written}”，{count}个数字对应{width}栏，空白单元格的位置无法确定，{name}无法可靠读出[1]。",
    "{org}'s {year} table prints this row as “{written}”: {count} numbers for {width} columns, and where its blank cells stand cannot be told, so {name} cannot be read reliably [1].",
)
LEFT_BLANK = ("{org}{year}年{name}在报告中留空（未知）[1]。", "{org} left {name} blank in its {year} report (unknown) [1].")
COLUMN_OF_NAME = ("（{column}）", " ({column_en}, {column})")
COLUMN_NOT_LISTED = (
    "{org}{year}年的报告中没有按申请人类型（{column}）列出的{name}。",
    "The {year} report of {org} gives no figure for {name} from {column_en}.",
)
# a row named word for word is matched in Chinese questions only
NAMED_ROW_ZH = "{org}{year}年{label}为{value}{unit}[1]。"
NAMED_ROW_BLANK_ZH = "{org}{year}年{label}在报告中留空（未知）[1]。"

# sources that disagree, claims without a number
WHERE_TABLE = ("统计表", "the table")
WHERE_TEXT = ("正文", "the text")
SOURCE_SAYS = ("{where_zh}为{value}{unit}[{index}]", "{where_en} says {value} [{index}]")
SOURCE_SAYS_IN_WORDS = ("{where_zh}称“{written}”（即{value}{unit}）[{index}]", "{where_en} says “{written}” ({value}) [{index}]")
CLAIM_SAYS = ("正文称{said_zh}[{index}]", "the text says {said_en} [{index}]")
DISAGREE = (
    "注意：来源之间不一致，{first_zh}为{value}{unit}[1]，{parts_zh}。",
    " Note: the sources disagree: {first_en} says {value} [1], {parts_en}.",
)
# a total stated in a sentence whose listed parts add up to another figure
PARTS_DISAGREE = (
    "注意：报告自相矛盾，其后所列分项合计为{parts_sum}{unit}（{parts}）[{index}]，不等于所称{value}{unit}。",
    " Note: the report contradicts itself: the parts it lists after this figure add up to {parts_sum} ({parts}) [{index}], not {value}.",
)
# the new requests a sentence states, against what it says was settled and carried on (受理11件…
# 办结8件，结转下一年办理1件)
BALANCE_BROKEN = (
    "注意：报告的数字对不上：办结{settled}{unit}加结转下年度{onward}{unit}共{went}{unit}[{index}]，少于所称受理的{received}{unit}。",
    " Note: the report's figures do not add up: {settled} settled plus {onward} carried over to the next year make {went} [{index}], fewer than the {received} received.",
)
BALANCE_BROKEN_WITH_CARRIED = (
    "注意：报告的数字对不上：办结{settled}{unit}加结转下年度{onward}{unit}共{went}{unit}[{index}]，"
    "既不等于受理的{received}{unit}，也不等于受理加上年结转{carried}{unit}共{came}{unit}。",
    " Note: the report's figures do not add up: {settled} settled plus {onward} carried over to the next year make {went} [{index}],"
    " neither the {received} received nor, with the {carried} carried over from the year before, {came}.",
)
# a share stated beside its count, against the share the count and the total before it give
SHARE_DISAGREES = (
    "注意：报告自相矛盾：{count}{unit}占{whole}{unit}[{index}]应为{computed}%，不是所称的{value}%。",
    " Note: the report contradicts itself: {count} of {whole} [{index}] is {computed}%, not the {value}% it states.",
)
# a share a sentence states right after a count (无法提供的49件，占50%)
SHARE_BESIDE = ("报告写明“{said}”[1]，即{value}%。", "The report states “{said}” [1]: {value}%.")
# a running total asked (截至2014年底累计…): the sentence's own words say it is one
RUNNING_TOTAL = ("（报告原文为“{label}”，是累计数，不是当年数）", " The report calls it “{label}”: a running total, not the year's figure.")
# a figure the report writes as an approximation (40多人次, 约560人次, 80余条)
APPROXIMATE = ("（报告原文为“{written}”，是约数）", " The report writes “{written}”: {word} {value}, an approximate figure.")
APPROXIMATE_WORDS = {"多": "more than", "余": "more than", "约": "about", "大约": "about", "近": "nearly", "将近": "nearly", "超过": "more than", "逾": "more than"}
ALL_ON_TIME = ("全部按时办结", "all were on time")
ALL_ON_TIME_COUNTED = ("全部按时办结（{count}件）", "all were on time ({count})")
ON_TIME_STATED = (
    "是。据{org}{year}年报告正文，申请均按时答复[1]（报告没有按时、延期办结的统计数字）。",
    "Yes, by the text of {org}'s {year} report: every request was answered in time [1] (the report gives no on-time or late counts).",
)

# yes/no
YES = ("是", "Yes")
NO = ("否", "No")
WHERE_LATE_TABLE = ("统计表", "the table")
WHERE_LATE_TEXT = ("报告正文", "the text")
LATE_COUNTED = (
    "{verdict_zh}。据{where_zh}，{org}{year}年按时办结{on_time}件[1]，延期办结{late}件[{late_index}]。",
    "{verdict_en}. By {where_en}, {org} settled {on_time} on time [1] and {late} late [{late_index}] in {year}.",
)
NONE_LATE = ("{verdict_zh}。{org}{year}年延期办结0件[{late_index}]。", "{verdict_en}. {org} had no late requests in {year} [{late_index}].")
CLAIM_CONTRADICTED = (
    "注意：正文称所有申请均按时办结[{index}]，与统计表不一致。",
    " Note: the text claims all requests were settled on time [{index}], which the table contradicts.",
)
CLAIM_CONTRADICTED_QUOTED = (
    "注意：正文称“{written}”[{index}]，与统计表不一致。",
    " Note: the text claims all requests were settled on time (“{written}”) [{index}], which the table contradicts.",
)
THERE_ARE = ("有。", "Yes. ")
THERE_ARE_NONE = ("没有。", "No. ")

# breakdowns
BREAKDOWN_TOTAL = ("{org}{year}年{name}为{value}{unit}[1]，其中", "{org}: {name} in {year}: {value} [1]; ")
BREAKDOWN_HEAD = ("{org}{year}年{name}：", "{org}: {name} in {year}: ")
LIST_SEPARATOR = ("，", ", ")
FULL_STOP = ("。", ".")

# across bodies and years
ACROSS_ITEM = ("{org} {year}: {value}{unit}[{index}]", "{org} {year}: {amount} [{index}]")
TOTAL = ("{name}合计{value}{unit}：{items_zh}。", "{name} in total: {amount}: {items_en}.")
RANKED = ("{name}从高到低：{items_zh}。", "{name}, highest first: {items_en}.")
COMPARED = ("{name}：{items_zh}。{verdict_zh}。", "{name}: {items_en}; {verdict_en}.")
LISTED = ("{name}：{items_zh}。", "{name}: {items_en}.")
EQUAL = ("两者相同", "they are equal")
HIGHER = ("{winner_zh}多{gap}{unit}", "{winner_en} is higher by {gap}")
UNCHANGED = ("{first}年至{last}年持平。", " From {first} to {last}: unchanged.")
CHANGED = ("{first}年至{last}年{word_zh}{amount}{unit}。", " From {first} to {last}: {word_en} by {amount}.")
UP = ("增加", "up")
DOWN = ("减少", "down")
NO_FIGURE_FOR = ("（无数据：{missing_zh}）", " (no figure for: {missing_en})")
NO_REPORT_FOR_YEARS = ("（没有{years_zh}年的报告）", " (no report for {years_en})")
# a comparison where one side states no total, only a part of it (its website's count): the part is
# a floor of the whole, so the comparison holds when the floor alone is higher
PART_ONLY_ITEM = (
    "{org} {year}: 未写总数，仅{part}即有{value}{unit}[{index}]",
    "{org} {year}: no total stated; its {part_en} alone is {amount} [{index}]",
)
HIGHER_AT_LEAST = ("{winner_zh}更多，至少多{gap}{unit}", "{winner_en} is higher, by at least {gap}")
CANNOT_ANSWER = ("无法得出结果：没有{names}的数据。", "Cannot answer: no figure for {names}. ")
LATEST_ONLY = ("（未指定年度，各机构取最新一年的报告）", " (no year asked: each body's latest report)")

# passages
FROM_REPORTS = ("相关内容：", "From the reports: ")
NO_SHARE = ("报告没有给出所问的比例或比率。", "The report states no such share or rate.")
NO_CHANGE = ("报告没有给出与上一年相比的变化。", "The report states no change from the year before.")
# a question asking a part of a whole (收到的211件申请中，向街镇提出多少件) that no sentence of the report gives
ONLY_THE_WHOLE = (
    "报告只给出总数{value}{unit}，没有给出所问的那一部分。",
    "The report gives only the whole ({value} {unit}), not the part asked.",
)
NOT_A_SHARE = (
    "报告没有给出所问的比例或比率；它给出的是{value}{unit}[1]，是数量而不是比例。",
    "The report states no share or rate for this; it gives {value} {unit} [1], a count, not a share.",
)
NOT_A_CHANGE = (
    "报告没有给出与上一年相比的变化；它给出的是当年的{value}{unit}[1]。",
    "The report states no change from the year before; it gives this year's {value} {unit} [1].",
)
LABELLED_FIGURE = ("{org}{year}年：{label}{value}{unit}[1]。", "{org} ({year}): {value} {unit}, where the report says “{label}” [1].")
FIGURE_IN_SENTENCE = ("{org}{year_zh}年：{value}{unit}[1]。", "{org} ({year}): {value} {unit} [1].")
NO_FIGURE_IN_REPORT = ("{org}{year}年的报告中没有{name}的数字。", "The {year} report of {org} gives no figure for {name}.")
NO_MATCHING_FIGURE = (
    "报告中没有找到与这个问题对应的数字（可换用报告中的说法，如“收到申请”“行政复议”）。",
    "No figure in the stored reports matches this question (try the reports' terms, such as "
    "requests received, administrative reconsiderations, lawsuits).",
)

# contacts
NO_CONTACT = ("报告中没有找到联系方式。", "The reports give no such contact detail.")
# a detail asked that the reports do not give, and those they do give
CONTACT_NOT_GIVEN = ("{org}的报告中没有{asked_zh}；报告给出的是{given}。", "The {org} reports give no {asked_en}; they give {given}.")
REPORT_SEARCHED = ("（查阅的报告：{marks}）", " (Report searched: {marks}.)")
CONTACT_SEPARATOR = ("；", "; ")
OLDER_CONTACT = ("（{year}年的报告为{value}[{mark}]）", " (the {year} report gives {value} [{mark}])")

# the report itself: the year it covers, the dates it states
WHICH_REPORT = ("{org}有多份报告（{years}年），请说明是哪一年的报告。", "{org} has several reports ({years}); which year's report do you mean?")
WRITTEN_FORM = ("{org}{year}年报告中写作：{written}[1]。", "{org}'s {year} report writes it as: {written} [1].")
WRITTEN_FORMS = ("{org}{year}年报告中有几处可能是所问的写法，无法确定是哪一处：{listed}。", "{org}'s {year} report writes more than one thing that may be the one asked, and which it is cannot be told: {listed}.")
REPORT_NUMBER = ("{org}{year}年报告的文号为{written}[1]。", "The document number of {org}'s {year} report is {written} [1].")
REPORT_NUMBERS = ("{org}{year}年报告写有不止一个文号：{listed}。", "{org}'s {year} report gives more than one document number: {listed}.")
NO_REPORT_NUMBER = ("{org}{year}年报告没有写明自己的文号（正文引用的是其他文件的文号）。", "{org}'s {year} report gives no document number of its own (the numbers in its text are of documents it cites).")
REPORT_INDEX = ("{org}{year}年报告页面的索引号为{written}[1]。", "The index number of {org}'s {year} report page is {written} [1].")
NO_REPORT_INDEX = ("{org}{year}年报告没有写明索引号。", "{org}'s {year} report gives no index number.")
NO_COVERED_YEAR = ("{org}的报告没有写明覆盖的年份。", "The report of {org} does not say which year it covers.")
COVERED_YEAR = ("{org}这份报告反映的是{year}年的工作[1]。", "The report of {org} covers {year} [1].")
PERIOD_STATED = ("报告写明的统计期限为“{written}”[{index}]。", " It states its statistical period as “{written}” [{index}].")
PERIOD_DISAGREES = (
    "注意：统计期限的年份（{period_year}年）与报告年度（{year}年）不一致，可能沿用了往年模板。",
    " Note: the period's year ({period_year}) differs from the report's year ({year}); it may be copied from an earlier report.",
)
OTHER_YEARS_NAMED = (
    "问题中的{years}年不是报告统计的年份（页面上的编号或发布时间），报告的数据属于{year}年。",
    " The year(s) {years} in the question are not the year its figures cover (a page's index number or publication date); its figures are for {year}.",
)
NO_DATE_STATED = ("{org}{year}年的报告没有写明发布日期。", "The {year} report of {org} states no publication date.")
DATE_STATED = ("{label}{written}[{index}]", "{label}: {written} [{index}]")
DATES_OF_REPORT = ("{org}{year}年报告所载日期：{dates}。", "Dates the {year} report of {org} states: {dates}.")
DATES_DISAGREE = ("注意：这些日期不一致，以上均为报告原文。", " Note: these dates disagree; each is given as the report writes it.")
DATE_AGAINST_PERIOD = (
    "{verdict_zh}。发布日期{written}{relation_zh}统计期限结束日{end}。",
    "{verdict_en}. The publication date {written} is {relation_en} the end of the period its figures cover ({end_en}). ",
)
