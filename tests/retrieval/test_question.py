"""Question understanding: bodies from ingested names, years, metrics, intents, follow-ups."""

from __future__ import annotations

import pytest

from assistant.catalogue import load_catalogue
from assistant.retrieval.question import BodyDirectory, parse_question

REPORTS = [
    {"body": "西集镇", "short_name": "西集", "parent": "通州区", "level": "镇", "year": 2018,
     "aliases": ["西集镇", "西集", "通州区西集镇", "Xiji", "Xiji Town"]},
    {"body": "巨各庄镇", "short_name": "巨各庄", "parent": "密云区", "level": "镇", "year": 2017,
     "aliases": ["巨各庄镇", "巨各庄", "Jugezhuang", "Jugezhuang Town"]},
    {"body": "星岚镇", "short_name": "星岚", "parent": None, "level": "镇", "year": 2020, "aliases": ["星岚镇", "星岚", "Xinglan"]},
    {"body": "星岚镇", "short_name": "星岚", "parent": None, "level": "镇", "year": 2021, "aliases": ["星岚镇", "星岚", "Xinglan"]},
]


@pytest.fixture(scope="module")
def parse():
    directory = BodyDirectory.from_reports(REPORTS)
    catalogue = load_catalogue()

    def run(text, previous=None):
        return parse_question(text, catalogue=catalogue, directory=directory, previous=previous)

    return run


@pytest.mark.parametrize(
    ("text", "lang", "bodies", "years", "metric", "intent"),
    [
        ("西集镇2018年收到多少政府信息公开申请", "zh", ("西集镇",), (2018,), "requests_received", "lookup"),
        ("how many information requests did Xiji receive in 2018", "en", ("西集镇",), (2018,), "requests_received", "lookup"),
        ("通州区西集镇2018年度当面申请多少件", "zh", ("西集镇",), (2018,), "requests_in_person", "lookup"),
        ("How many requests were made in person in Xiji Town?", "en", ("西集镇",), (), "requests_in_person", "lookup"),
        ("How many people were trained in Jugezhuang?", "en", ("巨各庄镇",), (), "trainees", "lookup"),
        ("巨各庄镇2017年培训了多少人", "zh", ("巨各庄镇",), (2017,), "trainees", "lookup"),
        ("西集镇行政诉讼多少件", "zh", ("西集镇",), (), "lawsuits", "lookup"),
        ("Were all requests in Xiji settled on time in 2018?", "en", ("西集镇",), (2018,), "requests_on_time", "yesno"),
        ("星岚镇2020-2021年收到申请的变化趋势", "zh", ("星岚镇",), (2020, 2021), "requests_received", "trend"),
        ("星岚镇和西集镇哪个收到的申请多", "zh", ("星岚镇", "西集镇"), (), "requests_received", "compare"),
        ("西集镇2018年按渠道收到的申请分别是多少", "zh", ("西集镇",), (2018,), "requests_received", "breakdown"),
    ],
)
def test_parse(parse, text, lang, bodies, years, metric, intent):
    q = parse(text)
    assert (q.lang, q.bodies, q.years, q.metrics[0], q.intent) == (lang, bodies, years, metric, intent)


def test_contact_and_narrative(parse):
    assert (parse("西集镇的联系电话是多少").intent, parse("西集镇的联系电话是多少").contact) == ("contact", "phone")
    assert parse("What is the e-mail address of Xiji?").contact == "email"
    assert parse("西集镇信息公开存在哪些问题").intent == "narrative"
    english = parse("What problems remain in Xiji's disclosure work?")
    assert english.intent == "narrative" and "问题" in english.topic_terms


def test_phone_numbers_are_not_years(parse):
    assert parse("西集镇电话010-61576445是谁的").years == ()


def test_both_years_expand_to_the_stored_years(parse):
    assert parse("星岚镇两年收到的申请").years == (2020, 2021)


def test_follow_ups_inherit_what_they_leave_out(parse):
    first = parse("西集镇2018年当面申请多少件")
    year = parse("那2017年呢？", first)
    assert (year.bodies, year.years, year.metrics[0]) == (("西集镇",), (2017,), "requests_in_person")
    assert set(year.inherited) >= {"bodies", "metrics"}
    letter = parse("and by letter?", first)
    assert (letter.bodies, letter.years, letter.metrics[0]) == (("西集镇",), (2018,), "requests_letter")
    other = parse("巨各庄呢？", first)
    assert (other.bodies, other.metrics[0]) == (("巨各庄镇",), "requests_in_person")


def test_a_new_question_or_an_unknown_place_inherits_nothing(parse):
    first = parse("西集镇2018年当面申请多少件")
    assert parse("巨各庄镇培训了多少人", first).years == ()
    assert parse("朝阳区2019年收到多少申请", first).bodies == ()


def test_names_only_when_asked(parse):
    assert parse("西集镇2018年谁申请了信息公开").wants_names
    assert not parse("西集镇2018年收到多少申请").wants_names
